r"""Arb enclosures contain the true values; bisection proofs are sound."""

from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from proofs.enclosure import _ball, enclose, prove_nonnegative_on_box

u = sp.Symbol("u", real=True)
EXPR = sp.exp(-u**2) * sp.tanh(u) + sp.sqrt(u**2 + 1) - sp.log(2 + u**2) + sp.Max(u, 0)


@given(st.fractions(min_value=-4, max_value=4, max_denominator=1000))
def test_enclosure_contains_the_value(q):
    value = sp.Rational(q.numerator, q.denominator)
    ball = enclose(EXPR, {u: _ball(value, value + sp.Rational(1, 1000))})
    with mpmath.workdps(40):
        true = mpmath.mpf(str(sp.N(EXPR.subs(u, value), 40)))
    assert float(ball.lower()) - 1e-30 <= float(true) <= float(ball.upper()) + 1e-30


def test_bisection_refutes_a_false_bound():
    verdict = prove_nonnegative_on_box(u**2 - sp.Rational(1, 100), {u: (sp.Integer(-1), sp.Integer(1))})
    assert not verdict.proved and verdict.counterexample is not None
