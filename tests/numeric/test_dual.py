r"""Dual numbers propagate first derivatives exactly."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from numeric.dual import Dual

q = st.fractions(min_value=-100, max_value=100, max_denominator=100)


@given(q, q, q)
def test_product_rule(a, b, c):
    u = Dual(a, Fraction(1))
    value = (u * u * b + c * u - a).tangent
    assert value == 2 * a * b + c
