r"""numeric/optimizers: exact runs against the definitions, conventions, float runs."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st
from flint import ctx

from numeric import optimizers as n


def step_sizes():
    return st.fractions(min_value=Fraction(1, 1000), max_value=Fraction(1, 10), max_denominator=1000)


def initializations():
    return st.lists(st.fractions(min_value=-1, max_value=1, max_denominator=10**4), min_size=1, max_size=4)


@given(initializations(), step_sizes(), st.fractions(min_value=Fraction(1, 10), max_value=10, max_denominator=10))
@example([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(1))
def test_ndgm_hits_zero_iff_start_is_a_multiple_of_alpha_lambda(beta0, alpha, lam):
    for b in beta0:
        hits = n.ndgm_first_zero(b, alpha, lam, int(abs(b) / (alpha * lam)) + 3) is not None
        assert hits == ((b / (alpha * lam)).denominator == 1)


@given(st.lists(st.fractions(min_value=-1, max_value=1, max_denominator=97), min_size=1, max_size=3), step_sizes(),
       st.fractions(min_value=Fraction(1, 10), max_value=Fraction(9, 10), max_denominator=10))
def test_heavy_ball_equals_pytorch_buffer_form(beta0, alpha, mu):
    assert n.momentum_trajectory(beta0, alpha, 1, mu, 12) == n.pytorch_momentum_trajectory(beta0, alpha, 1, mu, 12)


def test_rmsprop_second_moment_matches_24_while_nonzero():
    run = n.rmsprop_trajectory([Fraction(9, 10)], Fraction(1, 100), 2, Fraction(99, 100), Fraction(1, 10**8), 20)
    with mpmath.workdps(60):
        for k, (_, v) in enumerate(run):
            assert abs(v[0] - (1 - mpmath.mpf("0.99") ** k) * 4) < mpmath.mpf(10) ** -50


def test_arb_and_mpmath_rmsprop_runs_agree_and_arb_encloses():
    args = ([Fraction(3, 10)], Fraction(1, 100), 1, Fraction(99, 100), Fraction(1, 10**8), 30)
    hi, ball = n.rmsprop_trajectory(*args, dps=60), n.rmsprop_trajectory(*args, backend="arb", dps=60)
    with mpmath.workdps(60), ctx.workdps(60):
        lo, up = (mpmath.mpf(x.str(60, radius=False)) for x in (ball[-1][0][0].lower(), ball[-1][0][0].upper()))
        assert lo - mpmath.mpf(10) ** -55 <= hi[-1][0][0] <= up + mpmath.mpf(10) ** -55
        assert up - lo < mpmath.mpf(10) ** -40


def test_rmsprop_preimages_of_zero_reach_zero_at_step_k():
    for point in n.rmsprop_preimages_of_zero(3, Fraction(1, 10), 1, Fraction(99, 100), Fraction(1, 10**8)):
        beta0 = Fraction(point.mid().str(60, radius=False))
        run = n.rmsprop_trajectory([beta0], Fraction(1, 10), 1, Fraction(99, 100), Fraction(1, 10**8), 3, dps=80)
        assert abs(run[-1][0][0]) < mpmath.mpf(10) ** -50


def test_adam_conventions_differ_only_by_bias_correction():
    paper = n.adam_trajectory([Fraction(1, 2)], Fraction(1, 100), 1, Fraction(9, 10), Fraction(99, 100), 0, 1)
    torch = n.adam_trajectory([Fraction(1, 2)], Fraction(1, 100), 1, Fraction(9, 10), Fraction(99, 100), 0, 1, convention="pytorch")
    with mpmath.workdps(30):
        assert abs(paper[1].beta[0] - mpmath.mpf("0.49")) < 1e-25   # m/sqrt(v) = 0.1/0.1
        assert abs(torch[1].beta[0] - mpmath.mpf("0.49")) < 1e-25   # m_hat/sqrt(v_hat) = 1/1


def test_float32_rmsprop_zeroes_entries_float64_sgd_does_not():
    rms = n.zero_entry_frequency("rmsprop", n=2000, steps=400, alpha=0.01, lam=1.0, dtype=np.float32)
    sgd = n.zero_entry_frequency("sgd", n=2000, steps=200, alpha=0.01, lam=1.0, dtype=np.float64)
    assert rms["ever_zero"] > 100 and sgd["ever_zero"] == 0
