r"""Helpers for a claim pack's numeric mirror: SymPy-free, engine-free.

A pack's numeric mirror (its ``numeric*``/``mirror*`` modules) counts as
evidence only because it shares no code with the symbolic side: it may import
neither SymPy nor the smoothcheck engine (``proofs``, which imports SymPy), and
:mod:`proofs.independence` checks that for every pack.  This module is what a
mirror may import instead.  It depends on mpmath and the standard library only,
and :mod:`proofs.api` re-exports it for claim modules.

=========================  =====================================================
helper                     computes
=========================  =====================================================
:class:`Dual`, :func:`lift`  forward-mode dual numbers :math:`a + a'\delta`,
                           :math:`\delta^2 = 0` (from :mod:`numeric.dual`)
:func:`power`              :math:`u^n` by repeated multiplication (duals too)
:func:`derivatives`        :math:`f(x), f'(x), f''(x)` exactly for a function
                           built from ``+ - *`` (nested duals, no rounding)
:func:`derivative`         :math:`f^{(n)}(x)` by mpmath's high-precision finite
                           differences, for any analytic ``f`` (``mpmath.exp`` ...)
:func:`exact`              an exact rational from an int, a ``"p/q"`` string or
                           a :class:`~fractions.Fraction` (never a binary float)
:func:`working_precision`  ``with working_precision(80): ...`` (mpmath digits)
=========================  =====================================================

>>> derivatives(lambda u: power(u, 4), exact("1/2"))
(Fraction(1, 16), Fraction(1, 2), Fraction(3, 1))
>>> import mpmath
>>> mpmath.nstr(derivative(lambda z: mpmath.log(1 + mpmath.exp(-z)), 0, n=2), 15)
'0.25'
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, ContextManager

import mpmath

from numeric.dual import Dual, lift

__all__ = ["Dual", "derivative", "derivatives", "exact", "lift", "power", "working_precision"]

#: The default working precision (decimal digits) of :func:`derivative`: above the 60 digits at which
#: :class:`~proofs.steps.NumericAgreement` compares by default, with guard digits.
DEFAULT_DPS = 80


def power(u: Any, n: int) -> Any:
    r""":math:`u^n` for an integer :math:`n \ge 0` by repeated multiplication, so that it works for dual
    numbers (which define only ``+ - *``) as for rationals and mpmath numbers.

    >>> power(Fraction(2, 3), 3), power(Dual(3, 1), 2)
    (Fraction(8, 27), Dual(value=9, tangent=6))
    """
    if not isinstance(n, int) or n < 0:
        raise ValueError(f"power: the exponent must be an integer >= 0, got {n!r}")
    out: Any = 1
    for _ in range(n):
        out = u * out
    return out


def derivatives(f: Callable[[Any], Any], x: Any) -> tuple[Any, Any, Any]:
    r""":math:`(f(x), f'(x), f''(x))` for ``f`` built from ``+``, ``-`` and ``*`` (a polynomial, or a
    piecewise one evaluated away from its kinks), computed exactly with nested dual numbers.

    ``f`` is evaluated at :math:`X = (x + \delta_1) + \delta_2` with :math:`\delta_1^2 = \delta_2^2 = 0`;
    then :math:`f(X) = f + f'(\delta_1 + \delta_2) + f''\,\delta_1\delta_2`, whose coefficients are read
    off.  With rational ``x`` the three numbers are exact rationals: no rounding anywhere.

    >>> derivatives(lambda u: 3 * power(u, 3) - u, Fraction(2))
    (Fraction(22, 1), Fraction(35, 1), Fraction(36, 1))
    """
    value = f(Dual(Dual(x, 1), Dual(1, 0)))
    if not isinstance(value, Dual):  # f ignored its argument: a constant
        return value, 0 * x, 0 * x
    inner, outer = lift(value.value), lift(value.tangent)
    return inner.value, inner.tangent, outer.tangent


def derivative(f: Callable[[Any], Any], x: Any, n: int = 1, dps: int = DEFAULT_DPS) -> mpmath.mpf:
    r""":math:`f^{(n)}(x)` at ``dps`` digits by mpmath's finite differences (:func:`mpmath.diff`, which
    raises its own working precision so the differences do not cancel away the digits).

    ``f`` takes and returns mpmath numbers (use ``mpmath.exp``, ``mpmath.log`` ...); ``x`` may be an
    int, a :class:`~fractions.Fraction` or an mpmath number.

    >>> mpmath.nstr(derivative(mpmath.exp, 0, n=3), 20)
    '1.0'
    """
    with mpmath.workdps(dps):
        point = mpmath.mpf(x.numerator) / x.denominator if isinstance(x, Fraction) else mpmath.mpf(x)
        return +mpmath.diff(f, point, n)


def exact(value: int | str | Fraction) -> Fraction:
    r"""An exact rational from an int, a ``"p/q"`` or decimal string (``"0.01"`` is 1/100), or a
    Fraction.  A binary float is refused: it is not the number that was written.

    >>> exact("0.01"), exact(3), exact("-2/3")
    (Fraction(1, 100), Fraction(3, 1), Fraction(-2, 3))
    """
    if isinstance(value, float):
        raise TypeError(f"exact: {value!r} is a binary float; write it as a string ('0.1') or a Fraction")
    return Fraction(value)


def working_precision(dps: int) -> ContextManager[Any]:
    r"""A context in which mpmath computes with ``dps`` decimal digits (:func:`mpmath.workdps`)."""
    return mpmath.workdps(dps)
