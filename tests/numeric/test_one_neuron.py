r"""The mirror's gradients: forward mode against exact rationals and against
central differences, on both sides of the boundary."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from hypothesis import given
from hypothesis import strategies as st

from numeric.one_neuron import gradient, gradient_exact, loss

small = st.fractions(min_value=-10, max_value=10, max_denominator=97)


@given(small, small, small, small)
def test_forward_mode_equals_exact_rational_gradient(w, b, x, y):
    if w * x + b == 0:
        with pytest.raises(ArithmeticError):
            gradient_exact(w, b, x, y)
        return
    exact = gradient_exact(w, b, x, y)
    with mpmath.workdps(60):
        approx = gradient(w, b, x, y, dps=60)
        for e, a in zip(exact, approx):
            assert abs(mpmath.mpf(e.numerator) / e.denominator - a) < mpmath.mpf("1e-50")


@given(small, small, small, small)
def test_forward_mode_equals_central_differences(w, b, x, y):
    s = w * x + b
    h = Fraction(1, 10**9) * (abs(s) if s else 1)
    if s == 0:
        return
    dw = (loss(w + h, b, x, y) - loss(w - h, b, x, y)) / (2 * h)
    db = (loss(w, b + h, x, y) - loss(w, b - h, x, y)) / (2 * h)
    assert (dw, db) == gradient_exact(w, b, x, y)  # exact: the loss is quadratic on each side
