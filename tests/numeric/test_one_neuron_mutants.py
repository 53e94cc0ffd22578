r"""numeric.one_neuron: the gradient-difference ratio across the kink does not depend on the boundary
point :math:`\theta_0=(w_0,-w_0x)`: it is :math:`|\varepsilon(1+x^2)-y|/(2\varepsilon)` (written against
the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric import one_neuron as no


@pytest.mark.parametrize("w0", [0, Fraction(5, 7), -3])
def test_ratio_is_independent_of_the_boundary_point(w0):
    # x = 2, y = 3, eps = 1/10: |0.1 * 5 - 3| / 0.2 = 12.5
    with mpmath.workdps(60):
        ratio = no.gradient_difference_ratio(2, 3, Fraction(1, 10), w0=w0)
        assert abs(ratio - mpmath.mpf(25) / 2) < mpmath.mpf(10) ** -50


def test_the_default_precision_of_the_gradient_is_60_digits():
    # x = 1/3 is not a binary number, so the gradient at 60 and at 61 digits differ in the last bits; the default
    # must be the 60 digits that gradient_difference_ratio (the Theorem 1 mirror) also uses by default
    args = (Fraction(1), Fraction(0), Fraction(1, 3), Fraction(0))
    assert no.gradient(*args) == no.gradient(*args, dps=60) != no.gradient(*args, dps=61)


def test_the_ratio_is_computed_at_60_digits_by_default():
    # x = 1/3, y = 1/7, eps = 1/10: |(1/10)(10/9) - 1/7| / (2/10) = 10/63, not a binary number, so the default
    # 60 digits and 61 digits give different last bits
    args = (Fraction(1, 3), Fraction(1, 7), Fraction(1, 10))
    ratio = no.gradient_difference_ratio(*args)
    with mpmath.workdps(60):
        assert abs(ratio - mpmath.mpf(10) / 63) < mpmath.mpf(10) ** -55
    assert ratio == no.gradient_difference_ratio(*args, dps=60) != no.gradient_difference_ratio(*args, dps=61)
