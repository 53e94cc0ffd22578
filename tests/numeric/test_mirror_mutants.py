r"""Tests of :mod:`numeric.mirror` (the helpers a pack's numeric mirror may import), written against
the mutation benchmark: each checks a mathematical fact the helper must get right."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric.dual import Dual
from numeric.mirror import derivative, derivatives, exact, power, working_precision


def test_power_is_repeated_multiplication():
    # u^0 = 1 (the empty product), and the exponent laws on exact rationals
    assert power(Fraction(7, 3), 0) == 1
    assert power(Fraction(-2, 3), 5) == Fraction(-32, 243)
    assert power(Dual(2, 1), 3) == Dual(8, 12)  # (x^3)' = 3x^2 at x = 2


@pytest.mark.parametrize("n", [-1, 2.0, "3"])
def test_power_refuses_an_exponent_that_is_not_a_natural_number(n):
    with pytest.raises(ValueError, match="exponent"):
        power(Fraction(1, 2), n)


def test_derivatives_of_a_cubic_are_exact():
    # f = u^3 - u: f(2) = 6, f'(2) = 3*4 - 1 = 11, f''(2) = 6*2 = 12
    assert derivatives(lambda u: power(u, 3) - u, Fraction(2)) == (6, 11, 12)
    # f = (1 - u)^2 at 1/3: (4/9, -4/3, 2)
    assert derivatives(lambda u: power(1 - u, 2), Fraction(1, 3)) == (Fraction(4, 9), Fraction(-4, 3), 2)


def test_derivatives_of_a_constant_are_zero():
    assert derivatives(lambda u: Fraction(5), Fraction(3)) == (5, 0, 0)


def test_derivative_by_finite_differences_reads_a_fraction_exactly():
    # d/dz z^3 at z = 1/3 is 1/3: the point is 1/3, not 0 or a rounded float
    with mpmath.workdps(80):  # the reference at the helper's own 80 digits
        third, tiny = mpmath.mpf(1) / 3, mpmath.mpf(10) ** -60
    assert abs(derivative(lambda z: z**3, Fraction(1, 3)) - third) < tiny
    # second derivative of exp at 0 is 1; of log(1 + e^{-z}) at 0 is 1/4
    assert abs(derivative(mpmath.exp, 0, n=2) - 1) < tiny
    assert abs(derivative(lambda z: mpmath.log(1 + mpmath.exp(-z)), 0, n=2) - mpmath.mpf(1) / 4) < tiny


def test_exact_reads_strings_and_refuses_binary_floats():
    assert exact("0.01") == Fraction(1, 100)
    assert exact("-2/3") == Fraction(-2, 3)
    with pytest.raises(TypeError, match="binary float"):
        exact(0.1)


def test_working_precision_sets_the_digits_and_restores_them():
    before = mpmath.mp.dps
    with working_precision(75):
        assert mpmath.mp.dps == 75
    assert mpmath.mp.dps == before


def test_derivatives_of_a_constant_are_zero_at_0():
    # x = 0 is an ordinary point for a constant f: (f, 0, 0), nothing divided by x
    assert derivatives(lambda u: Fraction(5), Fraction(0)) == (5, 0, 0)
    assert derivatives(lambda u: 7, 0) == (7, 0, 0)
