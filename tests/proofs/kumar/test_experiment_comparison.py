r"""The B.4 / Figure 6 rerun: verdicts per reading (float run vs exact dynamics), the float collapse of
RMSProp entries, derive, figure."""

from __future__ import annotations

from proofs import registry
from proofs.kumar import experiment_comparison as cmp
from proofs.kumar.experiment_comparison import SETTINGS, tails

CID = "kumar.experiment_comparison"


def test_reproduced_in_floats_false_for_the_exact_dynamics():
    report = registry.report(CID)
    assert report.ok and report.status == "reading-dependent"
    assert report.by_reading == {"float_run": "verified", "exact_dynamics": "refuted"}
    assert [e.step for e in report.errata] == ["ndgm_higher_at_lambda_one_exact"]
    assert [a.result.ok for a in report.assumptions] == [True]


def test_outcomes_separate_exact_from_float_and_settings_say_whose():
    result = next(r.result for r in registry.report(CID).steps if r.step.label == "ndgm_higher_at_lambda_one")
    exact = next(v for k, v in result.outcomes.items() if k.startswith("exact"))
    assert exact.startswith("ndgm above at 50/100") and result.settings["lambda"]["paper"] is True
    assert result.settings["n"]["paper"] is False


def test_float_outcome_at_small_lambda_depends_on_the_setting():
    # n = 10: every RMSProp entry is exactly 0 in floats and the printed order at lambda = 0.001 reverses
    small = tails(0.001, "float64")
    assert cmp._count(small, "rmsprop") == 0 and small["rmsprop_zeros"] == SETTINGS["n"]
    assert cmp._count(cmp.float_tails(0.001, "float64"), "rmsprop") == 100


def test_ndgm_two_cycle_losses_sum_exactly_to_n_alpha_lambda_squared():
    t = tails(1.0, "decimal")
    n, alpha = SETTINGS["n"], SETTINGS["alpha"]
    assert {round(float(a + b), 12) for a, b in zip(t["ndgm_exact"], t["ndgm_exact"][1:])} == {n * alpha}


def test_derive_lists_every_arithmetic():
    out = registry.get_claim(CID).derive({})
    assert {k for k in out if k.startswith("lambda=")} == {f"lambda={lam:g}/{a}" for lam in SETTINGS["lams"]
                                                           for a in ("float32", "float64", "decimal")}
    assert out["lambda=1/decimal"]["rmsprop_zero_entries"] == 0 < out["lambda=1/float64"]["rmsprop_zero_entries"]


def test_figure_is_written(tmp_path):
    assert all(p.exists() for p in registry.get_claim(CID).figures(tmp_path))
