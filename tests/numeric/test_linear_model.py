r"""Tests of :mod:`numeric.linear_model`: jets against finite differences and exact arithmetic."""

from __future__ import annotations

from fractions import Fraction

import mpmath
from hypothesis import given, strategies as st

from numeric import linear_model as nl

rationals = st.fractions(min_value=-3, max_value=3, max_denominator=5)


@st.composite
def problems(draw, probabilities=False):
    d_in, d_out, n = draw(st.integers(1, 2)), draw(st.integers(1, 3)), draw(st.integers(1, 2))
    xs = [[draw(rationals) for _ in range(d_in)] for _ in range(n)]
    if probabilities:
        raw = [[Fraction(draw(st.integers(0, 3))) + (1 if j == 0 else 0) for j in range(d_out)] for _ in range(n)]
        ys = [[v / sum(r) for v in r] for r in raw]
    else:
        ys = [[draw(rationals) for _ in range(d_out)] for _ in range(n)]
    return xs, ys, [draw(rationals) for _ in range(d_out * (d_in + 1))]


def _value(loss, rho, xs, ys):
    # at the caller's current precision: mpmath.diff raises it internally
    return nl.loss_jet(loss, rho, xs, ys, dps=mpmath.mp.dps).value


def _mpf(q: Fraction):
    return mpmath.mpf(q.numerator) / q.denominator


@given(problems(probabilities=True), st.sampled_from(["l2", "cross_entropy"]), st.data())
def test_jet_hessian_entry_equals_finite_difference(problem, loss, data):
    xs, ys, rho = problem
    i = data.draw(st.integers(0, len(rho) - 1))
    j = data.draw(st.integers(0, len(rho) - 1))
    with mpmath.workdps(60):
        def shifted(a, b):
            point = [mpmath.mpf(v.numerator) / v.denominator for v in rho]
            point[i] += a
            point[j] += b
            return _value(loss, point, xs, ys)
        fd = mpmath.diff(shifted, (0, 0), (1, 1))
        assert abs(fd - nl.hessian(loss, rho, xs, ys, dps=60)[i][j]) < mpmath.mpf(10) ** -30


@given(problems())
def test_exact_and_mpmath_jets_agree_for_l2(problem):
    xs, ys, rho = problem
    exact = nl.loss_jet("l2", rho, xs, ys, exact=True)
    approx = nl.loss_jet("l2", rho, xs, ys, dps=50)
    with mpmath.workdps(50):
        assert abs(_mpf(exact.value) - approx.value) < mpmath.mpf(10) ** -40
        assert all(abs(_mpf(a) - b) < mpmath.mpf(10) ** -40 for a, b in zip(exact.grad, approx.grad))


def test_exact_cross_entropy_requires_zero_logits():
    try:
        nl.hessian_exact("cross_entropy", [Fraction(1), Fraction(0), Fraction(0), Fraction(0)], [[1]], [[1, 0]])
    except ArithmeticError as exc:
        assert "logit" in str(exc)
    else:
        raise AssertionError("exp(1) must not be computed exactly")


def test_cross_entropy_hessian_at_uniform_softmax():
    hess = nl.hessian_exact("cross_entropy", [Fraction(0)] * 4, [[Fraction(2)]], [[Fraction(1), Fraction(0)]])
    assert hess[0][0] == 1 and hess[2][2] == Fraction(1, 4) and hess[2][3] == Fraction(-1, 4)
