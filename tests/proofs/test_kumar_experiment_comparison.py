r"""The B.4 / Figure 6 rerun: verdict, the float collapse of RMSProp entries, derive, figure."""

from __future__ import annotations

from proofs import registry
from proofs.kumar_experiment_comparison import SETTINGS, tails

CID = "kumar.experiment_comparison"


def test_lambda_one_outcome_is_refuted_in_high_precision():
    report = registry.report(CID)
    assert report.ok and report.status == "refuted"
    assert [e.step for e in report.errata] == ["ndgm_higher_at_lambda_one"]
    assert [a.result.ok for a in report.assumptions] == [True]


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
