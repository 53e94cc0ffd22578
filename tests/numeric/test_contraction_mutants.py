r"""numeric.contraction: the refusal on an activation boundary (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from numeric import contraction as num


def test_the_jacobian_on_a_boundary_is_refused_for_that_reason():
    # s = 1 * 2 - 2 = 0: without the check the difference quotient's step is 0 and a bare ZeroDivisionError
    # (also an ArithmeticError) would come instead
    with pytest.raises(ArithmeticError, match="activation boundary") as refused:
        num.jacobian_on_region((Fraction(1), Fraction(-2)), [Fraction(2)], [Fraction(1)], Fraction(1, 2))
    assert type(refused.value) is ArithmeticError
