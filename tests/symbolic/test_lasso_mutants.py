r"""symbolic.lasso: the Huber function (10) in its own variables, differentiated and evaluated (written against
the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from symbolic import lasso as L


def test_the_derivative_of_huber_is_the_three_pieces():
    # d/dr of huber() itself (r real, so |r|' = sign r) at a point of each region, delta = 1: r, delta, -delta
    derivative = sp.diff(L.huber(), L.r).subs(L.delta, 1)
    inner, right, left = (piece.subs(L.delta, 1) for piece in L.huber_derivative_pieces())
    half = sp.Rational(1, 2)
    assert derivative.subs(L.r, half) == inner.subs(L.r, half) == half
    assert derivative.subs(L.r, 3) == right == 1
    assert derivative.subs(L.r, -3) == left == -1


def test_huber_at_twice_delta_is_on_the_linear_piece_for_every_delta():
    # delta > 0 decides |2 delta| > delta without a value for delta: delta (2 delta - delta / 2)
    assert L.huber(2 * L.delta) == 3 * L.delta**2 / 2
    assert L.huber(L.delta / 2) == L.delta**2 / 8


def test_the_one_step_expansion_measures_the_distance_to_the_minimiser():
    # beta = 3, beta* = 1, no step (g = 0): ||beta - beta*||^2 = 4 on both sides (not ||beta + beta*||^2 = 16);
    # with g = 1, alpha = 1/2: (3 - 1/2 - 1)^2 = 9/4 = 4 - 2 (1/2)(2) + 1/4
    left, right = L.one_step_distance_expansion(sp.Matrix([3]), sp.Matrix([0]), sp.Matrix([1]), sp.Rational(1, 2))
    assert left == right == 4
    left, right = L.one_step_distance_expansion(sp.Matrix([3]), sp.Matrix([1]), sp.Matrix([1]), sp.Rational(1, 2))
    assert left == right == sp.Rational(9, 4)


def test_the_symbols_are_a_real_residual_and_a_positive_threshold():
    assert L.r.is_real is True and L.delta.is_positive is True


def test_toy_lasso_is_lambda_times_the_l1_norm():
    # |1| + |-2| + |0| = 3, times lambda = 3: 9 (not the signed sum 1 - 2 = -1 times 3)
    assert L.toy_lasso(sp.Matrix([1, -2, 0]), 3) == 9
    assert L.toy_lasso(sp.Matrix([-1, -1]), sp.Rational(1, 2)) == 1


def test_huber_at_the_threshold_and_on_the_left_linear_piece():
    # |r| = delta: both pieces give delta^2/2; r = -3 delta: delta (3 delta - delta/2) = 5 delta^2/2
    assert L.huber(L.delta) == L.delta**2 / 2 and L.huber(-L.delta) == L.delta**2 / 2
    assert L.huber(-3 * L.delta) == 5 * L.delta**2 / 2
    assert L.huber(sp.Integer(0)) == 0
