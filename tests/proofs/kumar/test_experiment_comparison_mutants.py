r"""Kumar's NDGM vs RMSProp comparison (written against the mutation benchmark): "the curves cross" needs
each method above at some of the last 100 iterations; NDGM above at all 100 (or at none) is no crossing."""

from __future__ import annotations

import pytest

from proofs.kumar import experiment_comparison as cmp


@pytest.mark.parametrize("ndgm_above, crosses", [(0, False), (1, True), (99, True), (100, False)])
def test_crossing_needs_each_curve_above_somewhere(monkeypatch, ndgm_above, crosses):
    fake = {"ndgm_exact": [2] * ndgm_above + [0] * (100 - ndgm_above), "rmsprop_exact": [1] * 100, "rmsprop_zeros": 0}
    monkeypatch.setattr(cmp, "tails", lambda *args, **kw: fake)
    monkeypatch.setattr(cmp, "float_tails", lambda *args, **kw: fake)
    result = cmp._crossing()
    assert result.ok is crosses and f"NDGM above RMSProp at {ndgm_above}/100" in result.detail


# ---------------------------------------------------------------- each criterion on small stand-in runs
# (the 12000-step runs are replaced by a few losses chosen at each criterion's edge)

from decimal import Decimal  # noqa: E402

import numpy as np  # noqa: E402


def _fake(ndgm, rmsprop, zeros=0):
    return {"ndgm": [float(v) for v in ndgm], "ndgm_exact": list(ndgm), "ndgm_zeros": 0,
            "rmsprop": [float(v) for v in rmsprop], "rmsprop_exact": list(rmsprop), "rmsprop_zeros": zeros}


def _runs(monkeypatch, exact, floats=None):
    monkeypatch.setattr(cmp, "tails", lambda lam, arithmetic, steps=None: exact(lam, arithmetic))
    monkeypatch.setattr(cmp, "float_tails", lambda lam, dtype: (floats or exact)(lam, dtype))


def test_tails_keep_the_last_100_losses_as_floats_and_as_computed():
    t = cmp.tails(1, "decimal", steps=120)
    assert len(t["ndgm"]) == len(t["rmsprop_exact"]) == 100 and isinstance(t["rmsprop_exact"][0], Decimal)
    assert t["rmsprop"] == [float(v) for v in t["rmsprop_exact"]] and t["ndgm_zeros"] == t["rmsprop_zeros"] == 0
    # the 80-digit runs start from RandomState(0)'s U[-1, 1]^10 and NDGM's pair sums are n alpha lam^2 = 1
    assert {round(a + b, 12) for a, b in zip(t["ndgm"], t["ndgm"][1:])} == {1.0}
    assert len(t["rmsprop_exact"][0].as_tuple().digits) == 80


def test_float_tails_run_the_second_setting(monkeypatch):
    monkeypatch.setitem(cmp.FLOAT_SETTING, "steps", 120)
    t = cmp._float_tails.__wrapped__(1.0, "float32")
    assert len(t["ndgm"]) == 100 and t["ndgm"] == t["ndgm_exact"]
    # n = 100 entries, alpha = 0.1, lam = 1: NDGM's consecutive losses sum to n alpha lam^2 = 10 once in its cycle
    assert abs(t["ndgm"][-1] + t["ndgm"][-2] - 10) < 1e-3


def test_a_failure_shows_its_counterexample_else_its_detail():
    assert cmp._ok(False, "m", "the detail", "the counterexample").counterexample == "the counterexample"
    assert cmp._ok(False, "m", "the detail").counterexample == "the detail" and cmp._ok(True, "m", "d", "c").counterexample is None


def test_count_is_strict():
    t = _fake([2, 1, 1], [1, 1, 2])
    assert cmp._count(t, "ndgm") == 1 and cmp._count(t, "rmsprop") == 1


def test_ranges_of_both_methods():
    assert cmp._ranges(_fake([3, 1, 2], [Decimal(5), Decimal(4)])) == {"ndgm_min": 1.0, "ndgm_max": 3.0,
                                                                       "rmsprop_min": 4.0, "rmsprop_max": 5.0}


def test_above_needs_all_100_and_reports_the_count(monkeypatch):
    _runs(monkeypatch, lambda lam, a: _fake([2] * 99 + [1], [1] * 100))
    result = cmp._above(1.0, "ndgm")
    assert not result.ok and result.values["count"] == 99 and "ndgm above rmsprop at 99/100" in result.detail
    assert result.counterexample.startswith(r"at $\lambda={lam}$ (80 digits, $n={n}$") and "NDGM is above RMSProp" in result.counterexample
    assert result.method == "decimal-run" and result.sample == {"points": 100, "dps": 80}
    floats = cmp._above(1.0, "ndgm", "float64")
    assert floats.counterexample.startswith(r"at $\lambda={lam}$ (float64, $n={n}$") and floats.method == "float64-run" and floats.sample == {"points": 100, "precision": "float64"}
    _runs(monkeypatch, lambda lam, a: _fake([2] * 100, [1] * 100))
    assert cmp._above(1.0, "ndgm").ok and not cmp._above(1.0, "rmsprop").ok
    assert "rmsprop above ndgm at 0/100" in cmp._above(1.0, "rmsprop").detail
    assert cmp._above(1.0, "ndgm").values["lam"] == 1.0


def test_outcomes_name_every_arithmetic_and_setting(monkeypatch):
    _runs(monkeypatch, lambda lam, a: _fake([2] * 100, [1] * 100, zeros=3 if a == "float32" else 0))
    out = cmp._outcomes(1.0, "ndgm")
    assert out == {"exact (80 digits), n=10, alpha=0.1": "ndgm above at 100/100; 0 of 10 RMSProp entries exactly 0",
                   "float64, n=10, alpha=0.1": "ndgm above at 100/100; 0 of 10 RMSProp entries exactly 0",
                   "float32, n=10, alpha=0.1": "ndgm above at 100/100; 3 of 10 RMSProp entries exactly 0",
                   "float64, n=100, alpha=0.1": "ndgm above at 100/100; 0 of 100 RMSProp entries exactly 0",
                   "float32, n=100, alpha=0.1": "ndgm above at 100/100; 3 of 100 RMSProp entries exactly 0"}


def test_settings_say_which_are_the_papers():
    s = cmp._settings(7, 0.5, 99)
    assert {k for k, v in s.items() if v["paper"]} == {"lambda", "window", "same init and step for both"}
    assert s["same init and step for both"]["value"] is True and s["window"]["value"] == "last 100 iterations"
    assert (s["n"]["value"], s["alpha"]["value"], s["steps"]["value"], s["lambda"]["value"]) == (7, 0.5, 99, [0.001, 1.0])


def test_above_in_floats_needs_both_float_types(monkeypatch):
    good, bad = _fake([1] * 100, [2] * 100, zeros=1), _fake([1] * 100, [2] * 99 + [0], zeros=2)
    _runs(monkeypatch, lambda lam, a: good, lambda lam, dtype: good)
    result = cmp._above_in_floats(0.001, "rmsprop")
    assert result.sample == {"points": 200, "precision": "float64 and float32"}
    assert result.ok and "100/100 (float64, 1 of 100 RMSProp entries exactly 0)" in result.detail
    for broken in ("float64", "float32"):
        _runs(monkeypatch, lambda lam, a: good, lambda lam, dtype: bad if dtype == broken else good)
        assert not cmp._above_in_floats(0.001, "rmsprop").ok


def test_pair_sums_tolerance_is_inclusive(monkeypatch):
    # n alpha = 1; every pair sums exactly to its target except NDGM's at lambda = 1, 2^-20 above it
    def exact(lam, a):
        rms, ndgm = lam * lam / (lam + 1e-8), lam * lam
        return _fake([0.5 * ndgm, 0.5 * ndgm + (2.0**-20 if lam == 1.0 else 0.0)], [0.5 * rms, 0.5 * rms])
    _runs(monkeypatch, exact)
    assert cmp._pair_sums(2.0**-20).ok and not cmp._pair_sums(2.0**-21).ok
    assert "within 9.5e-07" in cmp._pair_sums().detail


def test_crossing_defaults_to_the_exact_runs_at_lambda_one(monkeypatch):
    seen = []
    monkeypatch.setattr(cmp, "tails", lambda lam, a, steps=None: seen.append((lam, a)) or _fake([2, 0], [1, 1]))
    monkeypatch.setattr(cmp, "float_tails", lambda lam, dtype: _fake([2, 0], [1, 1]))
    result = cmp._crossing()
    assert result.ok and seen[0] == (1.0, "decimal") and result.detail.startswith("lambda = 1 (80 digits): NDGM above RMSProp at 1/100")
    assert result.sample == {"points": 100, "dps": 80} and result.method == "decimal-run"
    assert cmp._crossing(exact=False).method == "float64-run" and seen[-4] == (1.0, "float64")


def test_pair_sums_against_n_alpha_lambda_squared_and_the_rmsprop_target(monkeypatch):
    # n alpha = 1: NDGM pairs sum to lam^2, RMSProp pairs to lam^2 / (lam + 1e-8)
    def exact(lam, a, slip=0.0):
        rms = lam * lam / (lam + 1e-8)
        return _fake([0.25 * lam * lam, 0.75 * lam * lam, 0.25 * lam * lam * (1 + slip)], [0.5 * rms, 0.5 * rms, 0.5 * rms])
    _runs(monkeypatch, exact)
    result = cmp._pair_sums()
    assert result.ok and result.sample == {"points": 396, "dps": 80}
    _runs(monkeypatch, lambda lam, a: exact(lam, a, slip=1e-5 if lam == 1.0 else 0.0))
    assert cmp._pair_sums(3e-6).ok and not cmp._pair_sums(2e-6).ok
    _runs(monkeypatch, lambda lam, a: exact(lam, a, slip=5e-6 if lam == 1.0 else 0.0))  # 1.25e-6 > the default 1e-6
    assert not cmp._pair_sums().ok


@pytest.mark.parametrize("zeros, expect_zero_in_exact, ok", [
    ({"float32": 1, "float64": 2, "decimal": 0}, None, True),     # the default: no zero in the exact runs
    ({"float32": 1, "float64": 2, "decimal": 1}, None, False),
    ({"float32": 1, "float64": 2, "decimal": 0}, False, True),
    ({"float32": 0, "float64": 2, "decimal": 0}, False, False),   # a float run without zeros
    ({"float32": 1, "float64": 2, "decimal": 1}, False, False),   # an exact run with a zero
    ({"float32": 1, "float64": 2, "decimal": 1}, True, True),
    ({"float32": 1, "float64": 2, "decimal": 0}, True, False),
])
def test_float_zeros_criterion(monkeypatch, zeros, expect_zero_in_exact, ok):
    _runs(monkeypatch, lambda lam, a: _fake([1], [1], zeros=zeros[a]), lambda lam, dtype: _fake([1], [1], zeros=5))
    result = cmp._float_zeros() if expect_zero_in_exact is None else cmp._float_zeros(expect_zero_in_exact)
    assert result.ok is ok and result.sample["points"] == 10 and "lambda=1/float64, n=100: 5" in result.detail


def test_float_zeros_needs_the_second_setting_too(monkeypatch):
    _runs(monkeypatch, lambda lam, a: _fake([1], [1], zeros=0 if a == "decimal" else 1), lambda lam, dtype: _fake([1], [1], zeros=0))
    assert not cmp._float_zeros().ok


def test_converged_needs_ndgm_entirely_above(monkeypatch):
    seen = []
    monkeypatch.setattr(cmp, "tails", lambda lam, a, steps: seen.append((lam, a, steps)) or _fake([3, 2], [2, 1]))
    result = cmp._converged(2000)
    assert not result.ok and seen == [(0.001, "decimal", 2000)] and result.sample == {"points": 100, "dps": 80}
    assert result.values == {"steps_run": 2000, "one_over": 10000, "ndgm_min": 2.0, "ndgm_max": 3.0, "rmsprop_min": 1.0, "rmsprop_max": 2.0}
    monkeypatch.setattr(cmp, "tails", lambda lam, a, steps: _fake([3, 2.5], [2, 1]))
    assert cmp._converged(2000).ok


def test_derive_per_lambda_and_arithmetic(monkeypatch):
    # RMSProp above counts strictly: (2, 2) against (1, 2, 3) is above once
    _runs(monkeypatch, lambda lam, a: _fake([1, 2, 3], [2, 2, 2], zeros=4 if a == "float32" else 0),
          lambda lam, dtype: _fake([1] * 3, [2, 2, 0], zeros=7))
    out = cmp._derive({})
    assert out["lambda=0.001/float32"] == {"ndgm": [1.0, 3.0], "rmsprop": [2.0, 2.0], "rmsprop_above": 1, "rmsprop_zero_entries": 4}
    assert out["n=100/lambda=1/float64"] == {"rmsprop_above": 2, "rmsprop_zero_entries": 7}
    assert out["float_setting"] == {"n": 100, "alpha": 0.1, "steps": 12000} and out["settings"]["dps"] == 80


def test_large_run_counts_and_its_summary(monkeypatch):
    monkeypatch.setitem(cmp.LARGE_RUN, "steps", 120)
    monkeypatch.setitem(cmp.LARGE_RUN, "n", 4)
    counts = cmp.large_run_counts.__wrapped__()
    assert set(counts) == {0.001, 1.0} and all(0 <= above <= 100 and 0 <= zeros <= 4 for above, zeros in counts.values())
    # 120 steps at lambda = 0.001 (alpha lam = 1e-5): NDGM has not moved much, so RMSProp (steps of about alpha) is below
    assert counts[0.001][0] == 0
    monkeypatch.setattr(cmp, "large_run_counts", lambda: {0.001: (12, 0), 1.0: (3, 4)})
    assert cmp.large_run() == ("lambda = 0.001: RMSProp above NDGM at 12 of the last 100 steps, 0 of 4 RMSProp entries exactly 0; "
                               "lambda = 1: RMSProp above NDGM at 3 of the last 100 steps, 4 of 4 RMSProp entries exactly 0")


def test_large_run_counts_rmsprop_strictly_above_in_the_last_100_steps_only(monkeypatch):
    r"""The larger run's "RMSProp above NDGM at k of the last 100 steps" counts strict excesses, as every other
    count of this claim does: a tie (both at the same loss, e.g. both converged to 0) is not "above".  Stand-in
    runs of 150 steps: RMSProp above at the first 50 (outside the window), then equal at 40, above at 10,
    below at 50; so 10, not 50 (ties counted) or 60 (window too long).  Each run is asked for with the
    LARGE_RUN settings; its zero entries are reported as they come."""
    calls = []

    def losses(beta0, opt, *, alpha, lam, steps, arithmetic, dps):
        calls.append((len(beta0), opt, alpha, lam, steps, arithmetic, dps))
        if opt == "ndgm":
            return [1.0] * 150, 0
        return [2.0] * 50 + [1.0] * 40 + [2.0] * 10 + [0.5] * 50, 7

    monkeypatch.setattr(cmp.ke, "toy_lasso_losses", losses)
    assert cmp.large_run_counts.__wrapped__() == {0.001: (10, 7), 1.0: (10, 7)}
    assert calls == [(100, opt, 0.01, lam, 100_000, "float64", 80) for lam in (0.001, 1.0) for opt in ("ndgm", "rmsprop")]
