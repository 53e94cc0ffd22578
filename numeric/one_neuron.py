r"""The one-neuron ReLU model of Katende (3.1)-(3.2), computed independently.

Losses and gradients are evaluated from the piecewise model itself — forward-
mode dual numbers over mpmath at ``dps`` digits, or exact :class:`Fraction`
arithmetic — never from the symbolic layer's expressions.

Main functions: :func:`loss`, :func:`gradient`, :func:`gradient_exact`,
:func:`gradient_difference_ratio`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath

from numeric.dual import Dual, relu


def loss(weight: Any, bias: Any, x: Any, y: Any, *, half: Any = Fraction(1, 2)) -> Any:
    r""":math:`\tfrac12(\sigma(wx+b)-y)^2` for Fractions, mpmath numbers or dual numbers
    (``half`` is :math:`\tfrac12` in the caller's number type).

    >>> loss(Fraction(1), Fraction(1), Fraction(2), Fraction(5))
    Fraction(2, 1)
    """
    residual = relu(weight * x + bias) - y
    return residual * residual * half


def gradient(weight: Any, bias: Any, x: Any, y: Any, *, dps: int = 60) -> tuple[mpmath.mpf, mpmath.mpf]:
    r""":math:`\nabla_\theta\mathcal L` by forward-mode differentiation at ``dps`` digits.

    >>> [float(g) for g in gradient(1, 1, 2, 5)]
    [-4.0, -2.0]
    """
    with mpmath.workdps(dps):
        w, b, xx, yy = (mpmath.mpf(v) if not isinstance(v, Fraction) else mpmath.mpf(v.numerator) / v.denominator
                        for v in (weight, bias, x, y))
        half = mpmath.mpf(1) / 2
        dw = loss(Dual(w, 1), Dual(b, 0), xx, yy, half=half).tangent
        db = loss(Dual(w, 0), Dual(b, 1), xx, yy, half=half).tangent
        return +dw, +db


def gradient_exact(weight: Fraction, bias: Fraction, x: Fraction, y: Fraction) -> tuple[Fraction, Fraction]:
    r""":math:`\nabla_\theta\mathcal L` in exact rational arithmetic (forward mode over Fractions).

    Raises ``ArithmeticError`` on the boundary :math:`wx+b=0`, where it does not exist.

    >>> gradient_exact(Fraction(1), Fraction(1), Fraction(2), Fraction(5))
    (Fraction(-4, 1), Fraction(-2, 1))
    """
    w, b, xx, yy = (Fraction(v) for v in (weight, bias, x, y))
    dw = loss(Dual(w, Fraction(1)), Dual(b, Fraction(0)), xx, yy).tangent
    db = loss(Dual(w, Fraction(0)), Dual(b, Fraction(1)), xx, yy).tangent
    return dw, db


def gradient_difference_ratio(x: Any, y: Any, epsilon: Any, *, w0: Any = 0, dps: int = 60) -> mpmath.mpf:
    r""":math:`\|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\|/\|\theta^+-\theta^-\|` for
    :math:`\theta^\pm = \theta_0 \pm \varepsilon(x,1)`, :math:`\theta_0 = (w_0, -w_0x)`.

    >>> print(mpmath.nstr(gradient_difference_ratio(2, 3, mpmath.mpf("1e-30")), 12))
    1.5e+30
    """
    with mpmath.workdps(dps):
        xx, yy, eps, ww = (mpmath.mpf(_as_mpf_text(v)) for v in (x, y, epsilon, w0))
        plus = (ww + eps * xx, -ww * xx + eps)
        minus = (ww - eps * xx, -ww * xx - eps)
        g_plus, g_minus = gradient(*plus, xx, yy, dps=dps), gradient(*minus, xx, yy, dps=dps)
        jump = mpmath.sqrt(sum((p - m) ** 2 for p, m in zip(g_plus, g_minus)))
        gap = mpmath.sqrt(sum((p - m) ** 2 for p, m in zip(plus, minus)))
        return jump / gap


def _as_mpf_text(value: Any) -> Any:
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return value
