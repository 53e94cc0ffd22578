r"""numeric.contraction: the refusal on an activation boundary (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric import contraction as num


def test_the_jacobian_on_a_boundary_is_refused_for_that_reason():
    # s = 1 * 2 - 2 = 0: without the check the difference quotient's step is 0 and a bare ZeroDivisionError
    # (also an ArithmeticError) would come instead
    with pytest.raises(ArithmeticError, match="activation boundary") as refused:
        num.jacobian_on_region((Fraction(1), Fraction(-2)), [Fraction(2)], [Fraction(1)], Fraction(1, 2))
    assert type(refused.value) is ArithmeticError


XS, YS = [Fraction(1), Fraction(-1), Fraction(3)], [Fraction(4), Fraction(5), Fraction(1)]
THETA = (Fraction(2), Fraction(-1))  # s = (1, -3, 5): data 0 and 2 active, datum 1 off


def test_gradient_by_hand_with_an_inactive_datum():
    # residuals -3 (x = 1) and 4 (x = 3); the inactive datum contributes nothing (not -5 (x, 1))
    # dL/dw = -3 * 1 + 4 * 3 = 9, dL/db = -3 + 4 = 1
    assert num.activation_pattern(THETA, XS) == (1, -1, 1)
    assert num.gradient(THETA, XS, YS) == (9, 1)
    assert num.update_map(THETA, XS, YS, Fraction(1, 3)) == (Fraction(-1), Fraction(-4, 3))


def test_loss_gradient_is_half_square_residual():
    # one active datum, s = 3, y = 1: L = (3 - 1)^2 / 2, dL/dw = 2 x = 4, dL/db = 2 (rejects a factor 1/3 or 1)
    assert num.gradient((Fraction(1), Fraction(1)), [Fraction(2)], [Fraction(1)]) == (4, 2)


def test_jacobian_is_identity_minus_eta_sum_of_active_outer_products():
    # active x = 1 and x = 3: H = [[10, 4], [4, 2]]; DT = I - H / 3
    J = num.jacobian_on_region(THETA, XS, YS, Fraction(1, 3))
    assert J == [[Fraction(-7, 3), Fraction(-4, 3)], [Fraction(-4, 3), Fraction(1, 3)]]


def test_jacobian_step_stays_inside_a_narrow_region():
    # s = (1/10, 50): the difference step must stay below the small margin 1/10 over |x| = 7
    theta, xs, ys = (Fraction(7), Fraction(-69, 10)), [Fraction(1), Fraction(8)], [Fraction(0), Fraction(0)]
    assert num.activation_pattern(theta, xs) == (1, 1)
    assert num.jacobian_on_region(theta, xs, ys, Fraction(1, 100)) == [
        [1 - Fraction(65, 100), -Fraction(9, 100)], [-Fraction(9, 100), 1 - Fraction(2, 100)]]
    theta = (Fraction(-7), Fraction(71, 10))  # s = (1/10, -49): only x = 1 active
    assert num.jacobian_on_region(theta, xs, ys, Fraction(1, 100)) == [
        [1 - Fraction(1, 100), -Fraction(1, 100)], [-Fraction(1, 100), 1 - Fraction(1, 100)]]


def test_operator_norm_of_a_shear_is_the_golden_ratio():
    # [[1, 1], [0, 1]]: A^T A has trace 3, det 1, so ||A|| = sqrt((3 + sqrt 5) / 2) = (1 + sqrt 5) / 2
    with mpmath.workdps(40):
        golden = (1 + mpmath.sqrt(5)) / 2
        assert abs(num.operator_norm([[Fraction(1), Fraction(1)], [Fraction(0), Fraction(1)]], dps=40) - golden) \
            < mpmath.mpf(10) ** -35
        # rank one: det 0, ||[[1, 1], [1, 1]]|| = 2; a rational entry: ||(1/2) I|| = 1/2
        assert num.operator_norm([[Fraction(1), Fraction(1)], [Fraction(1), Fraction(1)]]) == 2
        assert num.operator_norm([[Fraction(1, 2), 0], [0, Fraction(1, 2)]]) == mpmath.mpf(1) / 2
        # diag(2, 1/2): trace 17/4, det 1, sqrt((17/4 + 15/4) / 2) = 2 (a d, not a / d = 4, in the determinant)
        assert num.operator_norm([[Fraction(2), 0], [0, Fraction(1, 2)]]) == 2
        # diag(1, 1/2): trace 5/4, det 1/4, sqrt((5/4 + 3/4) / 2) = 1
        assert num.operator_norm([[Fraction(1), 0], [0, Fraction(1, 2)]]) == 1


def test_norm_decision_at_and_around_the_boundary():
    # diag(4, 3), bound 16: equality in the first diagonal entry; diag(3, 2) or diag(2, 3), bound 4: one
    # diagonal entry of pI - A^T A is negative while the determinant is 0; diag(3, 3), bound 1: both negative
    # with a positive determinant; the shear's norm^2 is (3 + sqrt 5) / 2 = 2.618...
    d = lambda a, b: [[Fraction(a), Fraction(0)], [Fraction(0), Fraction(b)]]  # noqa: E731
    assert num.operator_norm_squared_at_most(d(4, 3), Fraction(16))
    assert not num.operator_norm_squared_at_most(d(4, 3), Fraction(1599, 100))
    assert not num.operator_norm_squared_at_most(d(3, 2), Fraction(4))
    assert not num.operator_norm_squared_at_most(d(2, 3), Fraction(4))
    assert not num.operator_norm_squared_at_most(d(3, 3), Fraction(1))
    shear = [[Fraction(1), Fraction(1)], [Fraction(0), Fraction(1)]]
    assert num.operator_norm_squared_at_most(shear, Fraction(2619, 1000))
    assert not num.operator_norm_squared_at_most(shear, Fraction(2618, 1000))
    # the off-diagonal Gram entry a b + c d matters: [[1, 1], [1, -1]] is sqrt 2 times a rotation
    assert num.operator_norm_squared_at_most([[Fraction(1), Fraction(1)], [Fraction(1), Fraction(-1)]], Fraction(2))
    # the bottom row counts: [[0, 0], [1, 0]] has norm^2 1; [[0, 0], [1, 2]] has A^T A = [[1, 2], [2, 4]], norm^2 5
    low = [[Fraction(0), Fraction(0)], [Fraction(1), Fraction(0)]]
    row = [[Fraction(0), Fraction(0)], [Fraction(1), Fraction(2)]]
    assert num.operator_norm_squared_at_most(low, Fraction(1))
    assert not num.operator_norm_squared_at_most(low, Fraction(99, 100))
    assert num.operator_norm_squared_at_most(row, Fraction(5))
    assert not num.operator_norm_squared_at_most(row, Fraction(49, 10))


def test_iterate_zero_and_two_steps():
    # steps = 0 is theta0 alone (as Fractions); two steps of T on one datum x = 1, y = 0 from (1, 1), eta = 1/4:
    # T(w, b) = (w, b) - (w + b) / 4 (1, 1): (1, 1) -> (1/2, 1/2) -> (1/4, 1/4)
    assert num.iterate((1, 2), [Fraction(1)], [Fraction(0)], Fraction(1, 4), 0) == [(Fraction(1), Fraction(2))]
    assert num.iterate((Fraction(1), Fraction(1)), [Fraction(1)], [Fraction(0)], Fraction(1, 4), 2) == [
        (1, 1), (Fraction(1, 2), Fraction(1, 2)), (Fraction(1, 4), Fraction(1, 4))]


def test_squared_distance_of_rationals():
    assert num.squared_distance((Fraction(1, 2), Fraction(-1)), (Fraction(-1, 2), Fraction(2))) == 10


def test_boundary_jump_at_the_second_datum_with_another_active_one():
    # theta0 = (1, -2), xs = (3, 2): s = (1, 0), datum 1 switches, v = (2, 1); h = 1/10, eta = 1/2, ys = (5, 4):
    # jump = 2h v - eta [(h (x^2 + 1) - y) v + 2h (3 * 2 + 1) (3, 1)] = (2/5, 1/5) - 1/2 [(-7, -7/2) + (21/5, 7/5)]
    # = (9/5, 5/4)
    jump = num.boundary_jump(1, (Fraction(1), Fraction(-2)), [Fraction(3), Fraction(2)], [Fraction(5), Fraction(4)],
                             Fraction(1, 2), h=Fraction(1, 10))
    assert jump == (Fraction(9, 5), Fraction(5, 4))


def test_boundary_jump_default_step_is_tiny():
    # the default h = 1e-30 gives the limit eta y v = (1/10)(3)(2, 1) to about 1e-29
    jump = num.boundary_jump(0, (Fraction(0), Fraction(0)), [Fraction(2)], [Fraction(3)], Fraction(1, 10))
    assert 0 < jump[0] - Fraction(3, 5) < Fraction(1, 10**28) and 0 < jump[1] - Fraction(3, 10) < Fraction(1, 10**28)
