r"""Dual-number arithmetic, sign by sign (written against the mutation benchmark): negation,
subtraction from either side, and ReLU on each side of its kink."""

from __future__ import annotations

from fractions import Fraction

import pytest

from numeric.dual import Dual, lift, relu


def test_negation_flips_value_and_tangent():
    assert -Dual(2, 3) == Dual(-2, -3)


def test_subtraction_from_either_side():
    assert Dual(5, 1) - 3 == Dual(2, 1)
    assert 3 - Dual(5, 1) == Dual(-2, -1)
    assert Dual(5, 1) - Dual(1, 4) == Dual(4, -3)


def test_lift_gives_a_constant_and_keeps_a_dual():
    assert lift(Fraction(1, 2)) == Dual(Fraction(1, 2), 0)
    assert lift(Dual(1, 2)) == Dual(1, 2)


def test_relu_on_each_side_of_its_kink():
    assert relu(Fraction(3, 2)) == Fraction(3, 2)
    assert relu(-2) == 0 and relu(0) == 0
    assert relu(Dual(2, 5)) == Dual(2, 5)
    assert relu(Dual(-2, 5)) == Dual(0, 0)
    with pytest.raises(ArithmeticError, match="not differentiable at 0"):
        relu(Dual(0, 1))


def test_relu_of_numbers_between_zero_and_one():
    assert relu(Fraction(1, 2)) == Fraction(1, 2) and relu(Fraction(-1, 2)) == 0


def test_a_dual_without_a_tangent_is_a_constant():
    # Dual(5) is the constant 5 (tangent 0, like lift(5)): d/dx (5 x) at x = 3 is 5, and 5 + x has slope 1
    assert Dual(5) == lift(5) == Dual(5, 0)
    assert (Dual(5) * Dual(3, 1)).tangent == 5 and (Dual(5) + Dual(3, 1)).tangent == 1
