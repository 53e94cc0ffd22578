r"""Kumar B.2 rerun, the ``seed`` parameter (written against the mutation benchmark): NumPy seeds are
[0, 2^32), and the last one is accepted."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.errors import BadInput
from proofs.values import parse_settings

CID = "kumar.experiment_lasso"


def test_seed_range_is_numpys():
    claim = registry.get_claim(CID)
    assert parse_settings(claim, ["seed=4294967295"])["seed"] == 2**32 - 1
    for bad in ("seed=4294967296", "seed=-1"):
        with pytest.raises(BadInput):
            parse_settings(claim, [bad])


# ---------------------------------------------------------------- each criterion on small stand-in runs
# (the 5000-step runs are replaced by end norms chosen at each criterion's edge)

from fractions import Fraction  # noqa: E402

import numpy as np  # noqa: E402

from proofs.errors import AssumptionViolated  # noqa: E402
from proofs.kumar import experiment_lasso as las  # noqa: E402


def _fake_runs(monkeypatch, small, large, small32=None, large32=None, lasso_small=2.0, X=None, y=None):
    r = {(1.0, "float64"): small, (1.0, "float32"): small if small32 is None else small32, (1.0, "lasso"): lasso_small,
         (1000.0, "float64"): large, (1000.0, "float32"): large if large32 is None else large32, (1000.0, "lasso"): 0.0,
         "X": np.eye(2) if X is None else X, "y": np.array([0.5, -0.25]) if y is None else y}
    seen = []
    monkeypatch.setattr(las, "runs", lambda *args: seen.append(args) or r)
    return seen


def test_ok_numeric_results_are_one_run_and_exact_ones_proved_on_the_data():
    numeric = las._ok(True, "m", "d")
    assert numeric.sample == {"points": 1, "precision": "float64 and float32, seed 0"} and numeric.evidence != "proved-on-scope" and numeric.counterexample is None
    assert las._ok(False, "m", "d", sample={"points": 2}).sample == {"points": 2} and las._ok(False, "m", "d").counterexample == "d"
    exact = las._ok(True, "m", "d", checked="symbolic")
    assert exact.evidence == "proved-on-scope" and exact.scope == {"data": "100x50, seed 0"}
    failed = las._ok(False, "m", "d", checked="symbolic")
    assert not failed.ok and failed.evidence != "proved-on-scope" and failed.scope is None and failed.counterexample == "d"


def test_settings_mark_only_the_papers_choices():
    s = las._settings(500)
    assert {k for k, v in s.items() if v["paper"]} == {"y, beta0", "lambda ratio"}
    assert s["X"]["value"] == "500x50, U[-1,1]" and s["lambda"]["value"] == [1.0, 1000.0] and s["steps"]["value"] == 5000


@pytest.mark.parametrize("small32, ok", [(2.0, True), (2.5, False)])
def test_grows_needs_both_float_types_above_the_factor(monkeypatch, small32, ok):
    _fake_runs(monkeypatch, 2.0, 25.0, small32=small32, large32=25.0)  # float32 ratio 12.5 or 10
    result = las._grows(11.0)
    assert result.ok is ok and (result.checked == "not-reproduced") is (not ok)
    assert result.values["ratio"] == 12.5 and result.values["paper_ratio"] == 25.4 / 1.62


def test_grows_ratio_equal_to_the_factor_is_not_more(monkeypatch):
    _fake_runs(monkeypatch, 2.0, 25.0)
    assert not las._grows(12.5).ok and las._grows(12.4).ok
    # the plain statement (factor 1): a failure is a plain failure, not "not reproduced"
    _fake_runs(monkeypatch, 2.0, 2.0)
    result = las._grows()
    assert not result.ok and result.checked == "numeric" and result.sample == las.RUN_SAMPLE
    assert las._grows(1.5).checked == "not-reproduced"


def test_other_sizes_needs_every_seed_above_the_factor(monkeypatch):
    ratios = {0: (1.0, 16.0, 16.0), 1: (1.0, 15.0, 15.0)}
    monkeypatch.setattr(las, "other_size_ratio", lambda seed, nrows=500: ratios[seed])
    result = las._other_sizes()
    assert not result.ok and "seed 0: 1.000 -> 16.00, ratio 16.0; seed 1: 1.000 -> 15.00, ratio 15.0 (> 15 required)" in result.detail
    assert las._other_sizes(14.9).ok and result.sample == {"points": 2, "precision": "float64"}


def test_other_size_ratio_is_large_over_small(monkeypatch):
    monkeypatch.setitem(las.SETTINGS, "steps", 100)
    lo, hi, q = las.other_size_ratio.__wrapped__(3, nrows=6)
    assert q == hi / lo and 0 < lo < hi


@pytest.mark.parametrize("large, small, lasso_small, tol, ok", [
    (25.0 * 1.2, 2.0, 2.0, None, True),            # 25 = n alpha lambda / 2 with n = 50, alpha = 1e-3, lambda = 1000
    (25.0 * 1.25, 2.0, 2.0, None, False),           # default tolerance 20 %
    (25.0 * 0.75, 2.0, 2.0, 0.25, True),
    (25.0, 2.0 * 1.0625, 2.0, 0.2, False),          # the small-lambda norm 6 % off the LASSO norm (5 % allowed)
    (25.0, 2.0 * 1.046875, 2.0, 0.2, True),
])
def test_cycle_scale_criterion(monkeypatch, large, small, lasso_small, tol, ok):
    _fake_runs(monkeypatch, small, large, lasso_small=lasso_small)
    result = las._cycle_scale() if tol is None else las._cycle_scale(tol)
    assert result.ok is ok and "vs n*alpha*lambda/2 = 25;" in result.detail
    assert result.detail.endswith(f"ratio {large / small:.2f}")


def test_minimizer_zero_compares_lambda_with_twice_the_largest_correlation(monkeypatch):
    # X^T y = (1/2, -3/4): ||2 X^T y||_inf = 3/2 exactly
    X = np.array([[1.0, 0.0], [0.0, 3.0]])
    _fake_runs(monkeypatch, 2.0, 25.0, X=X, y=np.array([0.5, -0.25]))
    assert las._minimizer_zero(1.5).ok and not las._minimizer_zero(1.4999).ok and las._minimizer_zero().ok
    assert "||2 X^T y||_inf = 1.500 <= lambda = 1.5" in las._minimizer_zero(1.5).detail


def test_precision_takes_the_worst_penalty_inclusively(monkeypatch):
    _fake_runs(monkeypatch, 2.0, 32.0, small32=2.0, large32=32.0 * (1 + 2.0**-6))
    assert las._precision(2.0**-6).ok and not las._precision(2.0**-7).ok
    _fake_runs(monkeypatch, 2.0, 32.0, small32=2.0 * (1 - 2.0**-6), large32=32.0)
    assert las._precision(2.0**-6).ok and not las._precision(2.0**-7).ok and not las._precision().ok  # default: 1 %
    _fake_runs(monkeypatch, 2.0, 32.0, small32=2.0 * (1 - 2.0**-7), large32=32.0)
    assert las._precision().ok


@pytest.mark.parametrize("end, ok", [(1e6, False), (1e6 + 0.5, True), (2e6, True), (float("inf"), True), (float("nan"), True),
                                     (5.0, False)])
def test_unstable_means_a_norm_beyond_a_million_or_not_finite(monkeypatch, end, ok):
    seen = []
    monkeypatch.setattr(las.ke, "general_lasso_ndgm",
                        lambda X, y, b0, lam, alpha, steps: seen.append((X.shape, lam, alpha, steps)) or (b0, np.array([1.0, 2.0, end])))
    result = las._unstable()
    assert result.ok is ok and seen == [((100, 50), 1.0, 0.02, 300)] and result.values["alpha"] == 0.02
    assert f"reaches {end:.2e} in 300 steps" in result.detail and result.sample == {"points": 1, "precision": "float64, seed 0"}
    assert result.values["norm_end"] == end or end != end
    X = las.ke.general_lasso_data(100, 50, seed=0)[0]
    assert result.values["two_over_L"] == pytest.approx(2 / (2 * np.linalg.norm(X, 2) ** 2), rel=1e-12)  # 2/L, L = 2 ||X||_2^2


def test_derive_bounds_and_what_it_reports(monkeypatch):
    seen = _fake_runs(monkeypatch, 2.0, 25.0)
    claim = registry.get_claim(CID)
    out = claim.derive({"seed": 3, "alpha": Fraction(1, 200), "steps": 100})
    assert seen == [(3, 0.005, 100)] and out["ratio"] == 12.5 and out["settings"]["steps"] == 100
    assert out["norm_small_lambda"] == {"float64": 2.0, "float32": 2.0, "lasso": 2.0}
    assert las._derive({})["settings"] == {**las.SETTINGS, "seed": 0, "alpha": 0.001, "steps": 5000} and seen[-1] == (0, 0.001, 5000)
    _fake_runs(monkeypatch, 2.123456789, 25.987654321)  # norms to 6 places, the ratio to 4
    rounded = las._derive({})
    assert rounded["norm_small_lambda"]["float64"] == 2.123457 and rounded["norm_large_lambda"]["float32"] == 25.987654
    assert rounded["ratio"] == 12.2384
    assert out["norm_large_lambda"] == {"float64": 25.0, "float32": 25.0, "lasso": 0.0} and out["paper"] == las.PAPER
    for alpha in (0.0, 0.011):
        with pytest.raises(AssumptionViolated):
            las._derive({"alpha": alpha})
    las._derive({"alpha": 0.0109, "steps": 50000})
    for steps in (99, 50001):
        with pytest.raises(BadInput, match="out of range"):
            las._derive({"steps": steps})
