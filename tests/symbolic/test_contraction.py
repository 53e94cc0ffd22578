r"""symbolic.contraction: Jacobians per region, limiting Jacobians, norms, boundary jumps."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from symbolic import contraction as c


def rationals(bound: int = 20):
    return st.fractions(min_value=-bound, max_value=bound, max_denominator=50).map(sp.Rational)


def step_sizes():
    return st.fractions(min_value=Fraction(1, 100), max_value=4, max_denominator=100).map(sp.Rational)


def test_jacobians_on_the_two_regions_of_one_datum():
    v = sp.Matrix([c.x, 1])
    assert (c.jacobian_on_region((True,), [c.x], [c.y]) - (sp.eye(2) - c.eta * v * v.T)).applyfunc(sp.expand).is_zero_matrix
    assert c.jacobian_on_region((False,), [c.x], [c.y]) == sp.eye(2)


def test_limiting_jacobians_at_a_boundary_point_are_those_of_both_sides():
    jacobians = c.limiting_jacobians([0, 0], [2], [3], sp.Rational(1, 10))
    assert sp.eye(2) in jacobians and len(jacobians) == 2


@given(rationals(), rationals(), step_sizes())
@example(sp.Rational(2), sp.Rational(3), sp.Rational(1, 10))
def test_boundary_jump_is_eta_y_v(x, y, eta):
    assert c.boundary_jump(0, [0, 0], [x], [y], eta) == sp.Matrix([eta * y * x, eta * y])


@given(rationals(), step_sizes())
def test_operator_norm_of_active_jacobian_is_max_of_1_and_abs_1_minus_eta_n(x, eta):
    norm = c.operator_norm(c.jacobian_on_region((True,), [x], [0], eta))
    assert sp.simplify(norm - sp.Max(1, abs(1 - eta * (1 + x**2)))) == 0


def test_two_data_on_both_active_cone_give_rho_one_half():
    assert c.rho_of_assumption_1([(True, True)], [1, -1], [1, 1], sp.Rational(1, 4)) == sp.Rational(1, 2)


def test_clarke_norm_bound_takes_the_largest_vertex():
    assert c.clarke_norm_bound([0, 0], [1], [0], sp.Rational(3, 2)) == 2
