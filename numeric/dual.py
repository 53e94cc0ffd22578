r"""Forward-mode automatic differentiation with dual numbers over mpmath.

A :class:`Dual` carries a value and a tangent, :math:`a + a'\delta` with
:math:`\delta^2 = 0`; arithmetic propagates first derivatives exactly (up to
the working precision of the underlying numbers).  Independent of SymPy: this
is how the numeric mirror differentiates the piecewise models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Dual:
    r"""A dual number ``value + tangent * delta``.

    >>> d = Dual(3, 1) * Dual(3, 1)
    >>> (d.value, d.tangent)
    (9, 6)
    """

    value: Any
    tangent: Any = 0

    def __add__(self, other: Any) -> "Dual":
        o = lift(other)
        return Dual(self.value + o.value, self.tangent + o.tangent)

    __radd__ = __add__

    def __neg__(self) -> "Dual":
        return Dual(-self.value, -self.tangent)

    def __sub__(self, other: Any) -> "Dual":
        return self + (-lift(other))

    def __rsub__(self, other: Any) -> "Dual":
        return lift(other) - self

    def __mul__(self, other: Any) -> "Dual":
        o = lift(other)
        return Dual(self.value * o.value, self.value * o.tangent + self.tangent * o.value)

    __rmul__ = __mul__


def lift(value: Any) -> Dual:
    r"""A constant as a dual number with zero tangent."""
    return value if isinstance(value, Dual) else Dual(value, 0)


def relu(u: Any) -> Any:
    r""":math:`\max(0, u)` for numbers; for dual numbers away from its kink only
    (at the kink it is not differentiable).

    >>> relu(Dual(2, 5)).tangent, relu(Dual(-2, 5)).tangent, relu(-3)
    (5, 0, 0)
    """
    if not isinstance(u, Dual):
        return u if u > 0 else 0 * u
    if u.value > 0:
        return u
    if u.value < 0:
        return Dual(0 * u.value, 0 * u.tangent)
    raise ArithmeticError("ReLU is not differentiable at 0")
