r"""numeric.contraction: exact update map, exact Jacobians, norms, iteration."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from numeric import contraction as num
from symbolic import contraction as c


def rationals(bound: int = 10):
    return st.fractions(min_value=-bound, max_value=bound, max_denominator=30)


def step_sizes():
    return st.fractions(min_value=Fraction(1, 100), max_value=3, max_denominator=100)


def active_points(x):
    # points with s = w x + b = t > 0, built directly
    return st.tuples(st.fractions(-5, 5, max_denominator=20), st.fractions(Fraction(1, 50), 5, max_denominator=50)).map(
        lambda p: (p[0], p[1] - p[0] * x))


@given(rationals(), rationals(), step_sizes(), st.data())
@example(Fraction(2), Fraction(3), Fraction(1, 10), None)
def test_exact_jacobian_equals_symbolic_jacobian_on_active_side(x, y, eta, data):
    theta = (Fraction(1), 1 - x + Fraction(1, 2)) if data is None else data.draw(active_points(x))
    mirror = num.jacobian_on_region(theta, [x], [y], eta)
    closed = c.jacobian_on_region((True,), [sp.Rational(x)], [sp.Rational(y)], sp.Rational(eta))
    assert [[sp.Rational(str(e)) for e in row] for row in mirror] == closed.tolist()


@given(rationals(), rationals(), step_sizes())
def test_boundary_jump_tends_to_eta_y_v(x, y, eta):
    h = Fraction(1, 10**40)
    jump = num.boundary_jump(0, (Fraction(0), Fraction(0)), [x], [y], eta, h=h)
    assert abs(jump[0] - eta * y * x) <= 10 * h * (1 + x * x) * (1 + abs(x)) * (1 + eta)
    assert abs(jump[1] - eta * y) <= 10 * h * (1 + x * x) * (1 + eta)


@given(rationals(), step_sizes())
def test_norm_decision_matches_mpmath_norm(x, eta):
    J = num.jacobian_on_region((Fraction(0), Fraction(1)), [x], [Fraction(0)], eta)
    rho_sq = max(Fraction(1), (1 - eta * (1 + x * x)) ** 2)
    assert num.operator_norm_squared_at_most(J, rho_sq)
    assert not num.operator_norm_squared_at_most(J, rho_sq * Fraction(99, 100))
    with mpmath.workdps(60):
        assert abs(num.operator_norm(J, dps=60) ** 2 - mpmath.mpf(rho_sq.numerator) / rho_sq.denominator) < mpmath.mpf("1e-50")


def test_gradient_on_boundary_raises():
    with pytest.raises(ArithmeticError):
        num.jacobian_on_region((Fraction(1), Fraction(-2)), [Fraction(2)], [Fraction(1)], Fraction(1, 2))


def test_iteration_converges_to_the_interpolating_neuron():
    path = num.iterate((Fraction(1, 2), Fraction(2)), [Fraction(1), Fraction(-1)], [Fraction(1), Fraction(1)], Fraction(1, 4), 20)
    assert num.squared_distance(path[-1], (Fraction(0), Fraction(1))) <= Fraction(1, 4**20) * 5
