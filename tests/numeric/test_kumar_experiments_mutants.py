r"""numeric.kumar_experiments: the toy LASSO runs agree across arithmetics (written against the
mutation benchmark): mpmath and decimal at 50 digits to 40 digits, float64 to 1e-12, in both RMSProp
conventions with an :math:`\epsilon` large enough to matter, and NDGM through an exact zero."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest

from numeric import kumar_experiments as ke

BETA0 = [0.3, -0.7, 1.1]


@pytest.mark.parametrize("convention", ["paper", "pytorch"])
def test_rmsprop_runs_agree_across_arithmetics(convention):
    settings = dict(alpha=0.05, lam=0.5, steps=8, gamma=0.9, eps=0.01, convention=convention)
    mp, _ = ke.toy_lasso_losses(BETA0, "rmsprop", arithmetic="mpmath", **settings)
    dec, _ = ke.toy_lasso_losses(BETA0, "rmsprop", arithmetic="decimal", **settings)
    fl, _ = ke.toy_lasso_losses(BETA0, "rmsprop", arithmetic="float64", **settings)
    with mpmath.workdps(50):
        for a, b, c in zip(mp, dec, fl):
            assert abs(a - mpmath.mpf(str(b))) < mpmath.mpf(10) ** -40
            assert abs(float(a) - c) <= 1e-12 * float(a)


@pytest.mark.parametrize("arithmetic", ["mpmath", "decimal", "float64"])
def test_rmsprop_first_step_by_hand(arithmetic):
    # lam = 1, gamma = 0.9: v = (1 - gamma) = 0.1, the paper's step alpha / sqrt(v + eps) = 0.1 / sqrt(0.16) = 1/4
    losses, _ = ke.toy_lasso_losses([1.0], "rmsprop", alpha=0.1, lam=1.0, steps=2, gamma=0.9, eps=0.06,
                                    convention="paper", arithmetic=arithmetic)
    assert abs(float(losses[1]) - 0.75) < 1e-14


@pytest.mark.parametrize("arithmetic", ["mpmath", "decimal", "float64"])
def test_ndgm_reaches_an_exact_zero_and_stays(arithmetic):
    # 0.5 and -0.75 with steps of 0.25: entry 1 is 0 after 2 steps, entry 2 after 3, and both stay at 0
    losses, zeros = ke.toy_lasso_losses([0.5, -0.75], "ndgm", alpha=0.25, lam=1.0, steps=5, arithmetic=arithmetic)
    assert [float(v) for v in losses] == [1.25, 0.75, 0.25, 0.0, 0.0] and zeros == 2


def test_band_separation_is_in_units_of_the_pooled_standard_deviation():
    # even entries 0, 1, 0, 1, ... (mean 1/2, sd 1/2), odd entries 10, 11, ... (mean 21/2, sd 1/2): the means are
    # 10 apart, 20 pooled standard deviations (the cubic detrending moves this a little, not by the 22 % of a
    # wrong pooling)
    bands = ke.band_statistics([0.0, 10.0, 1.0, 11.0] * 100)
    assert abs(bands["separation_sd"] - 20) < 0.5
    assert bands["alternation"] == 1.0 and bands["gap"] == 9.0


def test_identical_classes_are_zero_standard_deviations_apart_not_infinitely_many():
    # a constant sequence: both parity classes are the same band, with no spread, so they are 0 sd apart (was inf,
    # which would read as two perfectly separated bands); nothing alternates and no window separates them
    bands = ke.band_statistics([0.0] * 100)
    assert bands["separation_sd"] == 0.0
    assert bands["alternation"] == 0.0 and bands["windows_separated"] == 0 and bands["gap"] == 0.0


def test_the_excess_enclosure_covers_the_worst_rounding_of_z():
    # z = x w = 1 + u + ... + u (u = 2^-53, 7 terms u): summed left to right (as numpy's BLAS does here) each
    # 1 + u is a tie that rounds to 1, so float z = 1 while the real z = 1 + 7u. The enclosure must still contain
    # the real excess sigma(z)(sigma(z) - 2y) = z (z + 2): gamma_(d+2) |x||w| = 10u/(1 - 10u) covers 7u, half of it not.
    u = 2.0**-53
    x, w, y = np.ones((1, 8)), np.array([1.0] + [u] * 7), np.array([-1.0])
    z = sum(Fraction(v) for v in w)
    lo, hi = ke.excess_enclosure(x, y, w, 0.0)
    assert lo <= z * (z + 2) <= hi


# ---------------------------------------------------------------- the capture run's helpers (A.1.5)


class _RecordingState:
    r"""Stands in for ``np.random.RandomState``: records the seed and each draw's range and size, returns one row of
    the low end (the real 5000 x 500 draw costs a second)."""

    calls: list = []

    def __init__(self, seed):
        _RecordingState.calls.append(("seed", seed))

    def uniform(self, low, high, size):
        _RecordingState.calls.append((low, high, size))
        return np.full((1, size[1]), float(low))


def test_capture_data_defaults_are_the_printed_problem(monkeypatch):
    # generate_dummy_data of A.1.5: 5000 x 500, seed 42, x ~ U(-1, 1), then y ~ U(-0.99, -0.9), one per row.
    _RecordingState.calls = []
    monkeypatch.setattr(np.random, "RandomState", _RecordingState)
    x, y = ke.capture_data()
    assert _RecordingState.calls == [("seed", 42), (-1.0, 1.0, (5000, 500)), (-0.99, -0.9, (5000, 1))]
    assert x.tolist() == [[-1.0] * 500] and y.tolist() == [np.float32(-0.99)]


def test_capture_data_draws_x_then_y_from_one_stream_in_float32():
    # a wrong version draws y in another shape (other values), or keeps float64 draws
    x, y = ke.capture_data(4, 3, seed=7, x_range=(2.0, 3.0), y_range=(-5.0, -4.0))
    rng = np.random.RandomState(7)
    assert x.tolist() == rng.uniform(2.0, 3.0, (4, 3)).astype(np.float32).astype(np.float64).tolist()
    assert y.tolist() == rng.uniform(-5.0, -4.0, 4).astype(np.float32).astype(np.float64).tolist()


def test_torch_init_maps_the_words_onto_low_high():
    # uniform_(low, high): (mantissa * 2^-53) * (high - low) + low on the same words as the default U(-1, 1)
    unit = (ke.torch_linear_init(6) + 1) / 2
    assert ke.torch_linear_init(6, low=2.0, high=5.0).tolist() == pytest.approx((unit * 3 + 2).tolist(), rel=1e-15)
    assert ke.torch_linear_init(6, seed=1).tolist() != ke.torch_linear_init(6).tolist()


def test_capture_run_defaults_are_the_printed_settings(monkeypatch):
    seen = {}
    monkeypatch.setattr(ke, "_capture_loop", lambda *args: seen.setdefault("args", args[3:]))
    ke.capture_run(np.ones((1, 1)), -np.ones(1), np.zeros(1))
    assert seen["args"] == (0.01, 0.001, 0.0, 6000, 0.9, "loss", 2)


def test_one_capture_step_by_hand():
    # x rows (1, 2), (1, -1), (-1, 0) at w = (1, 1): z = (3, 0, -1); only row 1 is active (relu'(0) = 0, so the
    # row with z = 0 adds nothing to the gradient). y = (-1, -1/2, -2): residual (4, 1/2, 2).
    # loss = 16 + 1/4 + 4 + l2 ||w||^2 + l1 ||w||_1 = 20.25 + 0.5 + 1; gradient 2*4*(1, 2) + 2 l2 w + l1 sign w = (9, 17).
    x, y, w0 = np.array([[1.0, 2.0], [1.0, -1.0], [-1.0, 0.0]]), np.array([-1.0, -0.5, -2.0]), np.array([1.0, 1.0])
    run = ke.capture_run(x, y, w0, lr=0.125, l1=0.5, l2=0.25, max_iter=1)
    assert run.losses.tolist() == [21.75] and run.lrs.tolist() == [0.125]
    assert run.one_norms.tolist() == [2.0] and run.inf_norms.tolist() == [1.0]
    assert run.weights.tolist() == [1 - 0.125 * 9, 1 - 0.125 * 17]
    # without the l2 term: excess = z1 (z1 - 2 y1) + l1 ||w||_1 = 3 * 5 + 1 = 16 (the loss less ||y||^2 = 5.25)
    plain = ke.capture_run(x, y, w0, lr=0.125, l1=0.5, max_iter=1)
    assert plain.losses.tolist() == [21.25] and plain.excess.tolist() == [16.0] and plain.weights.tolist() == [0.9375 - 1, -1.0625]


@pytest.mark.parametrize("decide_on", ["loss", "excess"])
def test_an_unchanged_loss_never_cuts_the_step(decide_on):
    # w = 0 with y <= 0: no row is active and sign(0) = 0, so w stays 0 and the loss repeats exactly: a loss that
    # does not go up ("curr_loss > prev_loss" is strict) keeps the step
    x, y = ke.capture_data(5, 3)
    run = ke.capture_run(x, y, np.zeros(3), lr=0.5, max_iter=4, decide_on=decide_on)
    assert len(set(run.losses.tolist())) == 1 and run.lrs.tolist() == [0.5] * 4 and run.increases == 0


def test_the_excess_rule_sees_a_rise_the_float_loss_rounds_away():
    # ||y||^2 = 1e16 hides a rise of the excess f - ||y||^2 from 5e-10 to 0.2 (below one ulp of the float loss):
    # the printed rule ("loss") keeps the step, the rule on the accurately summed excess cuts it by 0.9^2.
    x, y, w0 = np.array([[1.0], [-1.0]]), np.array([-1e8, -0.25]), np.array([-1e-9])
    by_loss = ke.capture_run(x, y, w0, lr=4e-9, l1=0.0, max_iter=3, decide_on="loss")
    by_excess = ke.capture_run(x, y, w0, lr=4e-9, l1=0.0, max_iter=3, decide_on="excess")
    assert by_loss.losses[0] == by_loss.losses[1] and by_loss.excess[1] > 0.1 > by_loss.excess[0] > 0
    assert by_loss.lrs[2] == 4e-9 and by_excess.lrs[2] == 4e-9 * 0.9 * 0.9


def test_increases_counts_strict_rises_only():
    run = ke.CaptureRun(np.array([3.0, 3.0, 2.0, 2.5, 2.5]), *[np.zeros(5)] * 4, np.zeros(1))
    assert run.increases == 1


# ---------------------------------------------------------------- the rigorous excess enclosure


def test_the_enclosure_half_width_is_gamma_d_plus_2_with_a_small_margin():
    # one row, one column, z = 1, y = -1: [lo, hi] = [(1-e)(3-e), (1+e)(3+e)], so hi - lo = 8 e. Higham's bound needs
    # e >= gamma_3 |x||w| = 3u/(1 - 3u); the margin above it is 1e-6 relative
    u = Fraction(1, 2**53)
    lo, hi = ke.excess_enclosure(np.array([[1.0]]), np.array([-1.0]), np.array([1.0]), 0.0)
    ratio = (hi - lo) / 8 / (3 * u / (1 - 3 * u))
    assert 1 <= ratio <= Fraction(1001, 1000)


def test_a_row_with_z_exactly_zero_adds_nothing_to_the_lower_end():
    # z = 1 - 1 = 0 exactly: the row's interval is [-e, e], relu of it [0, e], so lo = 0 and hi = e (e + 2) > 0
    lo, hi = ke.excess_enclosure(np.array([[1.0, -1.0]]), np.array([-1.0]), np.array([1.0, 1.0]), 0.0)
    assert lo == 0 < hi < Fraction(1, 10**14)


def test_the_enclosure_covers_products_that_underflow():
    # x w = 2^-1200 underflows to 0 in float64 and |x||w| = 0: the additive 2^-1074 (one subnormal) keeps the real
    # excess z (z + 2) > 0 inside, and the upper end stays tiny
    x, w, y = np.array([[2.0**-600]]), np.array([2.0**-600]), np.array([-1.0])
    z = Fraction(2) ** -1200
    lo, hi = ke.excess_enclosure(x, y, w, 0.0)
    assert lo <= z * (z + 2) <= hi < Fraction(2) ** -1070


def test_the_l1_term_is_exact():
    # x = 0: the data term is 0 (up to the one-subnormal margin of hi), the l1 term 0.5 * 0.75 exactly, on both ends
    lo, hi = ke.excess_enclosure(np.zeros((1, 2)), np.array([-1.0]), np.array([0.5, -0.25]), 0.5)
    assert lo == Fraction(3, 8) <= hi < Fraction(3, 8) + Fraction(2) ** -1070


# ---------------------------------------------------------------- ulps, bands, summation orders


def test_ulp_distance_below_and_across_zero():
    assert ke.ulp_distance(-1.0, float(np.nextafter(-1.0, 0.0))) == 1
    assert ke.ulp_distance(-5e-324, 5e-324) == 2 and ke.ulp_distance(-0.0, 0.0) == 0
    assert ke.ulp_distance(-2.0, -1.0) == 2**52 and ke.ulp_distance(1.0, -1.0) == -2 * 0x3FF0000000000000


def test_parity_bands_with_equal_means_take_the_even_class_as_low():
    # even 0, 5, 4 (mean 3), odd 3, 3 (mean 3): low = even, gap = min(odd) - max(even) = 3 - 5
    bands = ke.parity_bands([0.0, 3.0, 5.0, 3.0, 4.0])
    assert bands["gap"] == -2.0 and (bands["even_min"], bands["even_max"], bands["odd_mean"]) == (0.0, 5.0, 3.0)


def test_alternation_ignores_points_level_with_their_neighbours():
    # interior turns of (0, 1, 0, 1, 0, 0, 0): four against the parity pattern, one exactly level (0): 4/5,
    # and the same for the mirror image; a level point counts for neither side
    assert ke.band_statistics([0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0], window=2)["alternation"] == 0.8
    assert ke.band_statistics([1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0], window=2)["alternation"] == 0.8
    assert ke.band_statistics([0.0, 1.0] * 4, window=2)["alternation"] == 1.0
    # a straight line: every interior point is level with its neighbours' mean, so nothing alternates
    assert ke.band_statistics([float(k) for k in range(10)], window=2)["alternation"] == 0.0


def test_the_drift_is_removed_before_the_classes_are_compared():
    # a ramp 0..39 plus an up-down of 1: after removing the trend the classes are 25 sd apart (the fit absorbs a little
    # of the up-down); with the trend doubled instead of removed the ramp stays in both classes (0.13 sd apart)
    b = ke.band_statistics([k + (k % 2) for k in range(40)], window=2)
    assert b["separation_sd"] > 20 and b["alternation"] == 1.0 and b["gap"] == -36.0


def test_touching_bands_are_not_separated():
    # each window of (1, 2, 2, 3): even {1, 2}, odd {2, 3}: the ranges touch (gap 0), which is no separation
    b = ke.band_statistics([1.0, 2.0, 2.0, 3.0] * 3, window=4)
    assert (b["windows_separated"], b["windows"], b["gap"]) == (0, 3, 0.0)
    assert ke.band_statistics([1.0, 2.0, 2.0, 3.0] * 3 + [0.0], window=4)["windows"] == 3


def test_summation_orders_by_hand():
    # 1 followed by d = 3u/4 fourteen times (u = 2^-53), laid out as rows (1, d x 7), (0, d x 6, pad 0):
    # left to right each 1 + d rounds back to 1; the eight lanes hold 1, 2d x 6, d and sum to 1 + 12u;
    # the exact sum 1 + 9.75u rounds to 1 + 10u
    u = 2.0**-53
    values = np.array([1.0] + [0.75 * u] * 7 + [0.0] + [0.75 * u] * 6)
    s = ke.squared_sum_variants(values)
    assert (s["sequential"], s["eight_lanes"], s["fsum"]) == (1.0, 1 + 12 * u, 1 + 10 * u)


# ---------------------------------------------------------------- B.2 and B.4 runners


def test_general_lasso_data_is_x_then_y_then_beta0():
    X, y, b0 = ke.general_lasso_data(3, 2)
    rng = np.random.RandomState(0)
    assert (X.tolist(), y.tolist(), b0.tolist()) == (rng.uniform(-1, 1, (3, 2)).tolist(), rng.uniform(-1, 1, 3).tolist(),
                                                     rng.uniform(-1, 1, 2).tolist())


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_one_ndgm_step_on_the_general_lasso_by_hand(dtype):
    # X = diag(1, 2), y = (1, -1), beta = (1/2, -1/2): y - X beta = (1/2, 0), gradient -2 X^T r + lam sign(beta)
    # = (-1, 0) + (1/2, -1/2); beta - alpha grad with alpha = 1/8: (9/16, -7/16)
    beta, norms = ke.general_lasso_ndgm(np.diag([1.0, 2.0]), np.array([1.0, -1.0]), np.array([0.5, -0.5]), lam=0.5,
                                        alpha=0.125, steps=1, dtype=dtype)
    assert beta.dtype == dtype and beta.tolist() == [0.5625, -0.4375] and norms.tolist() == [1.0, 1.0]
    # an entry at 0 has sign 0: only the data term moves it, -alpha * 2 * 2 * 1 = -1/2
    beta, norms = ke.general_lasso_ndgm(np.diag([1.0, 2.0]), np.array([1.0, -1.0]), np.array([0.5, 0.0]), lam=0.5,
                                        alpha=0.125, steps=1, dtype=dtype)
    assert beta.tolist() == [0.5625, -0.5] and norms.tolist() == [0.5, 1.0625]


def test_ista_first_step_is_the_exact_minimizer_for_a_scaled_identity():
    # X = 3I: step 1/L = 1/18, so the first gradient point is y/3, and soft-thresholding by lam/18 gives the LASSO
    # solution of ||y - 3 beta||^2 + lam ||beta||_1 at once (any other step gives another first iterate)
    beta = ke.lasso_minimizer(3 * np.eye(3), np.array([3.0, -1.5, 0.2]), 9.0, steps=1)
    assert beta.tolist() == pytest.approx([1 - 0.5, -(0.5 - 0.5), 0.0], abs=1e-15)
    beta = ke.lasso_minimizer(3 * np.eye(2), np.array([6.0, -3.0]), 1.8, steps=1)
    assert beta.tolist() == pytest.approx([2 - 0.1, -(1 - 0.1)], rel=1e-14)
    # ... and a fixed point: the second step stays there
    assert ke.lasso_minimizer(3 * np.eye(2), np.array([6.0, -3.0]), 1.8, steps=2).tolist() == pytest.approx(beta.tolist(), rel=1e-14)


@pytest.mark.parametrize("arithmetic", ["float64", "mpmath", "decimal"])
def test_rmsprop_defaults_are_torchs(arithmetic):
    # torch.optim.RMSprop: gamma = 0.99, eps = 1e-8 outside the root: v = (1 - 0.99) lam^2 = 0.01 and the first step
    # is alpha lam / (sqrt(v) + eps) = 0.1 / (0.1 + 1e-8), one part in 1e7 short of 1
    losses, _ = ke.toy_lasso_losses([2.0], "rmsprop", alpha=0.1, lam=1.0, steps=2, arithmetic=arithmetic)
    assert abs(float(losses[1]) - (2 - 0.1 / (0.1 + 1e-8))) < 1e-15


def test_float_runner_defaults_are_torchs_too():
    losses, _ = ke.toy_lasso_float([2.0], "rmsprop", alpha=0.1, lam=1.0, steps=2)
    assert abs(losses[1] - (2 - 0.1 / (0.1 + 1e-8))) < 1e-15


def test_decimal_runs_at_fifty_digits_by_default():
    # 1/3 of a step: the loss after one NDGM step carries exactly dps = 50 significant digits
    losses, _ = ke.toy_lasso_losses([1.0], "ndgm", alpha=1 / 3, lam=1.0, steps=2, arithmetic="decimal")
    assert len(losses[1].as_tuple().digits) == 50


def test_float32_runs_round_in_float32():
    # 0.1 in float32 is 0.100000001490116...: the float32 run's losses are float32 values
    losses, beta = ke.toy_lasso_float([0.1], "ndgm", alpha=0.01, lam=1.0, steps=2, dtype="float32")
    assert beta.dtype == np.float32 and losses[0] == float(np.float32(0.1)) != 0.1


@pytest.mark.parametrize("convention", ["paper", "pytorch"])
def test_rmsprop_with_a_zero_entry_agrees_across_arithmetics(convention):
    # an entry that starts at 0 never moves (sign(0) = 0) and keeps v = 0, so the entries' v differ: the decimal
    # runner leaves its shared-step shortcut and must still agree with mpmath to 40 digits
    settings = dict(alpha=0.05, lam=0.5, steps=6, gamma=0.9, eps=0.01, convention=convention)
    mp, mp_zeros = ke.toy_lasso_losses([0.0, 0.3, -0.7], "rmsprop", arithmetic="mpmath", **settings)
    dec, dec_zeros = ke.toy_lasso_losses([0.0, 0.3, -0.7], "rmsprop", arithmetic="decimal", **settings)
    with mpmath.workdps(50):
        assert all(abs(a - mpmath.mpf(str(b))) < mpmath.mpf(10) ** -40 for a, b in zip(mp, dec))
    assert mp_zeros == dec_zeros == 1


def test_the_excess_counts_the_l2_term_too():
    # f(w) - ||y||^2 with l2 ||w||^2: rows z = (1, -1), y = (2, 0): 1 * (1 - 4) = -3 from the active row;
    # w = (1, -2): l2 ||w||^2 = 5 l2 and l1 ||w||_1 = 3 l1
    from numeric.kumar_experiments import _excess

    z, y, w = np.array([1.0, -1.0]), np.array([2.0, 0.0]), np.array([1.0, -2.0])
    assert _excess(z, y, w, 0.5) == -3.0 + 1.5
    assert _excess(z, y, w, 0.5, 0.25) == -3.0 + 1.25 + 1.5
