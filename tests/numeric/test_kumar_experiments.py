r"""numeric.kumar_experiments: torch's generator rebuilt, the printed loop's rules, the
rigorous excess enclosure, ulp counting, and the B.2/B.4 runners against independent code."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numeric import kumar_experiments as ke
from numeric import optimizers


def _mt19937_words(seed: int, count: int) -> list[int]:
    r"""Reference MT19937 (init_genrand + genrand_int32), as in ATen's MT19937RNGEngine.h."""
    state = [seed & 0xFFFFFFFF]
    for j in range(1, 624):
        state.append((1812433253 * (state[-1] ^ (state[-1] >> 30)) + j) & 0xFFFFFFFF)
    out, index = [], 624
    for _ in range(count):
        if index == 624:
            for i in range(624):
                y = (state[i] & 0x80000000) | (state[(i + 1) % 624] & 0x7FFFFFFF)
                state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ (0x9908B0DF if y & 1 else 0)
            index = 0
        y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        out.append(y ^ (y >> 18))
    return out


def test_torch_init_is_built_from_the_init_genrand_stream():
    words = _mt19937_words(42, 3 * 8)
    expected = [(((hi << 32) | lo) & ((1 << 53) - 1)) * 2.0**-53 * 2 - 1 for hi, lo in zip(words[8::2], words[9::2])]
    assert ke.torch_linear_init(8).tolist() == expected


def test_capture_data_is_float32_valued_and_in_range():
    x, y = ke.capture_data(50, 7)
    assert np.all(x == x.astype(np.float32)) and np.all((x >= -1) & (x <= 1))
    assert np.all((y >= -0.99) & (y <= -0.9))


@given(st.integers(0, 2**31 - 1))
@example(42)
def test_each_loss_increase_cuts_the_step_twice(seed):
    x, y = ke.capture_data(30, 5, seed=seed)
    run = ke.capture_run(x, y, ke.torch_linear_init(5, seed=seed), lr=0.5, max_iter=8)
    for k in range(1, 7):  # lrs[k] is the step used after the loss at k is recorded
        went_up = run.losses[k] > run.losses[k - 1]
        assert run.lrs[k + 1] == (run.lrs[k] * 0.9 * 0.9 if went_up else run.lrs[k])


def _true_excess(x, y, w, l1) -> Fraction:
    total = Fraction(0)
    for row, yi in zip(x.tolist(), y.tolist()):
        z = sum((Fraction(a) * Fraction(b) for a, b in zip(row, w.tolist())), Fraction(0))
        total += max(z, Fraction(0)) * (max(z, Fraction(0)) - 2 * Fraction(yi))
    return total + Fraction(l1) * sum((abs(Fraction(v)) for v in w.tolist()), Fraction(0))


@given(st.integers(0, 10**6), st.floats(1e-18, 1.0))
@example(0, 1e-16)
def test_excess_enclosure_contains_the_exact_excess(seed, scale):
    x, y = ke.capture_data(12, 6, seed=seed)
    w = np.random.RandomState(seed).uniform(-1, 1, 6) * scale
    lo, hi = ke.excess_enclosure(x, y, w, 0.001)
    assert lo <= _true_excess(x, y, w, 0.001) <= hi


@given(st.floats(1e-300, 1e300), st.integers(-5, 5))
def test_ulp_distance_counts_nextafter_steps(a, k):
    b = a
    for _ in range(abs(k)):
        b = float(np.nextafter(b, np.inf if k > 0 else -np.inf))
    assert ke.ulp_distance(a, b) == k


def test_minimum_is_exact_sum_of_squares():
    y = np.array([-0.75, -0.5])
    assert ke.minimum_exact(y) == Fraction(13, 16)


def test_summation_variants_agree_with_fsum_on_exact_data():
    values = np.arange(1.0, 101.0)
    assert set(ke.squared_sum_variants(values).values()) == {5050.0}


def test_lasso_minimizer_satisfies_the_optimality_conditions():
    X, y, _ = ke.general_lasso_data(30, 8, seed=3)
    lam = 2.0
    beta = ke.lasso_minimizer(X, y, lam, steps=5000)
    grad = -2 * X.T @ (y - X @ beta)
    on = beta != 0
    assert np.allclose(grad[on], -lam * np.sign(beta[on]), atol=1e-6) and np.all(np.abs(grad[~on]) <= lam + 1e-6)


def test_general_lasso_float32_and_float64_runs_agree_on_a_stable_instance():
    X, y, b0 = ke.general_lasso_data(20, 5, seed=1)
    _, n64 = ke.general_lasso_ndgm(X, y, b0, lam=1.0, alpha=1e-3, steps=200, dtype=np.float64)
    _, n32 = ke.general_lasso_ndgm(X, y, b0, lam=1.0, alpha=1e-3, steps=200, dtype=np.float32)
    assert np.allclose(n64, n32, rtol=1e-4)


@given(st.lists(st.fractions(-1, 1, max_denominator=997), min_size=1, max_size=6), st.integers(1, 40))
def test_ndgm_losses_match_the_exact_rational_trajectory(beta0, steps):
    alpha, lam = Fraction(1, 64), Fraction(1, 2)
    beta0 = [Fraction(float(b)) for b in beta0]
    exact = optimizers.ndgm_trajectory(beta0, alpha, lam, steps)
    losses, _ = ke.toy_lasso_losses([float(b) for b in beta0], "ndgm", alpha=float(alpha), lam=float(lam), steps=steps)
    expected = [float(lam * sum(abs(b) for b in beta)) for beta in exact[:steps]]
    assert np.allclose(losses, expected, rtol=1e-14, atol=1e-15)


def test_rmsprop_mpmath_matches_the_optimizers_module():
    beta0 = [0.3, -0.7]
    losses, _ = ke.toy_lasso_losses(beta0, "rmsprop", alpha=0.01, lam=1.0, steps=30, arithmetic="mpmath")
    run = optimizers.rmsprop_trajectory([Fraction(b) for b in beta0], Fraction(0.01), Fraction(1.0), Fraction(0.99),
                                        Fraction(1e-8), 29, convention="pytorch", dps=50)
    with mpmath.workdps(50):
        theirs = [mpmath.fsum(abs(b) for b in beta) for beta, _ in run]
        assert max(abs(a - b) for a, b in zip(losses, theirs)) < mpmath.mpf(10) ** -40


def test_band_statistics_tell_alternating_bands_from_one_band():
    rng = np.random.default_rng(0)
    two = np.where(np.arange(400) % 2 == 0, 1.0, 1.5) + rng.normal(0, 0.05, 400)
    one = 1.0 + rng.normal(0, 0.05, 400)
    b2, b1 = ke.band_statistics(two), ke.band_statistics(one)
    assert b2["alternation"] > 0.99 and b2["separation_sd"] > 5 and b2["windows_separated"] == b2["windows"]
    assert b1["alternation"] < 0.9 and b1["separation_sd"] < 1 and b1["gap"] < 0


def test_capture_decay_readings_differ_only_in_the_cut_count():
    x, y = ke.capture_data(40, 6)
    w0 = ke.torch_linear_init(6)
    runs = {c: ke.capture_run(x, y, w0, lr=0.5, max_iter=8, cuts_per_increase=c) for c in (1, 2)}
    k = int(np.argmax(np.diff(runs[1].losses) > 0)) + 1  # the first increase (lr 0.5 makes the loss jump)
    assert runs[1].lrs[k + 1] == 0.5 * 0.9 and runs[2].lrs[k + 1] == 0.5 * 0.9 * 0.9
    with pytest.raises(ValueError):
        ke.capture_run(x, y, w0, max_iter=2, cuts_per_increase=3)


def test_toy_lasso_float_is_what_toy_lasso_losses_counts():
    beta0 = np.random.RandomState(0).uniform(-1, 1, 10)
    losses, beta = ke.toy_lasso_float(beta0, "rmsprop", alpha=0.1, lam=1.0, steps=500)
    assert (losses, int(np.sum(beta == 0))) == ke.toy_lasso_losses(beta0, "rmsprop", alpha=0.1, lam=1.0, steps=500)
