r"""numeric.activations: the hand-derived derivatives of every catalogue activation against mpmath's
finite differences of the value formula alone, on both sides of 0 (written against the mutation
benchmark), and the left pieces of the kinked activations."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric import activations as na

POINTS = (Fraction(-13, 10), Fraction(2, 5), Fraction(21, 10))


@pytest.mark.parametrize("name", na.NAMES)
def test_hand_derivatives_equal_finite_differences(name):
    with mpmath.workdps(50):
        for u in POINTS:
            for k in (1, 2):
                exact, fd = na.evaluate(name, u, k), na.finite_difference(name, u, k)
                assert abs(exact - fd) <= mpmath.mpf(10) ** -30 * max(1, abs(fd)), (name, u, k)


def test_left_pieces_of_relu_and_elu():
    with mpmath.workdps(50):
        assert [na.evaluate("relu", -1, k) for k in range(3)] == [0, 0, 0]
        e = mpmath.exp(-1)
        assert [na.evaluate("elu", -1, k) for k in range(3)] == [e - 1, e, e]


def test_kinks_have_only_the_derivatives_that_exist():
    assert na.evaluate("relu", 0, 0) == 0 and na.evaluate("elu", 0, 1) == 1  # ELU is C^1 at 0
    with pytest.raises(na.NotDifferentiable):
        na.evaluate("relu", 0, 1)
    with pytest.raises(na.NotDifferentiable):
        na.evaluate("elu", 0, 2)  # sigma'' jumps from 1 to 0


def test_the_square_has_second_derivative_2_at_0():
    # sigma(u) = u^2: (0, 0, 2) at u = 0, and sigma'' = 2 on every interval, 0 included (exactly, no blow-up)
    with mpmath.workdps(50):
        assert [na.evaluate("square", 0, k) for k in range(3)] == [0, 0, 2]
    ball = na.enclose("square", Fraction(-1), Fraction(1), derivative=2)
    assert ball.is_exact() and ball == 2
