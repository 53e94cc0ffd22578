r"""The activation catalogue evaluated independently: mpmath and rigorous Arb balls.

Mirror of :mod:`symbolic.activations`, name for name, without SymPy: each
activation's value and first two derivatives are hand-derived closed forms
(e.g. :math:`\tanh' = 1-\tanh^2`, :math:`\mathrm{GELU}'' = \varphi(u)(2-u^2)`),
written once over a small table of elementary operations so that the same
formulas run in mpmath at ``dps`` digits (:func:`evaluate`) and in python-flint
Arb ball arithmetic (:func:`enclose`, rigorous).  :func:`finite_difference`
differentiates the *value* formula numerically (``mpmath.diff``), an independent
check of the hand-derived derivatives.

Public names (stable): :data:`NAMES`, :data:`CATALOGUE`, :class:`NumericActivation`,
:func:`evaluate`, :func:`derivatives`, :func:`finite_difference`,
:func:`enclose`, :func:`assumption_1_enclosures`, :class:`NotDifferentiable`,
:class:`UnknownActivation`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from types import SimpleNamespace
from typing import Any, Callable

import flint
import mpmath


class UnknownActivation(KeyError, ValueError):
    r"""A name that is not in :data:`CATALOGUE`."""


class NotDifferentiable(ArithmeticError, ValueError):
    r"""A derivative asked for at a kink of a piecewise activation."""


def _mp_ops() -> SimpleNamespace:
    return SimpleNamespace(exp=mpmath.exp, log=mpmath.log, log1p=mpmath.log1p, tanh=mpmath.tanh, erfc=mpmath.erfc,
                           sqrt=lambda a: mpmath.sqrt(a), sin=mpmath.sin, cos=mpmath.cos, pi=lambda: +mpmath.pi,
                           num=lambda q: mpmath.mpf(q.numerator) / q.denominator)


def _arb_ops() -> SimpleNamespace:
    return SimpleNamespace(exp=lambda a: a.exp(), log=lambda a: flint.arb(a).log(), log1p=lambda a: a.log1p(),
                           tanh=lambda a: a.tanh(), erfc=lambda a: a.erfc(), sqrt=lambda a: flint.arb(a).sqrt(),
                           sin=lambda a: a.sin(), cos=lambda a: a.cos(), pi=flint.arb.pi,
                           num=lambda q: flint.arb(flint.fmpq(q.numerator, q.denominator)))


Triple = tuple[Any, Any, Any]


def _logistic(u, o):
    return 1 / (1 + o.exp(-u))


def _tanh(u, o) -> Triple:
    t = o.tanh(u)
    return t, 1 - t * t, -2 * t * (1 - t * t)


def _softplus(u, o) -> Triple:
    s = _logistic(u, o)
    return o.log1p(o.exp(u)), s, s * (1 - s)


def _softplus_shifted(u, o) -> Triple:
    v, d1, d2 = _softplus(u, o)
    return v - o.log(2), d1, d2


def _gelu(u, o) -> Triple:
    cdf = o.erfc(-u / o.sqrt(2)) / 2
    density = o.exp(-u * u / 2) / o.sqrt(2 * o.pi())
    return u * cdf, cdf + u * density, density * (2 - u * u)


def _silu(u, o) -> Triple:
    s = _logistic(u, o)
    return u * s, s + u * s * (1 - s), 2 * s * (1 - s) + u * s * (1 - s) * (1 - 2 * s)


def _mish(u, o) -> Triple:
    s, t = _logistic(u, o), o.tanh(o.log1p(o.exp(u)))
    g = (1 - t * t) * s  # d/du tanh(softplus(u))
    dg = -2 * t * (1 - t * t) * s * s + (1 - t * t) * s * (1 - s)
    return u * t, t + u * g, 2 * g + u * dg


def _sigmoid(u, o) -> Triple:
    s = _logistic(u, o)
    return s, s * (1 - s), s * (1 - s) * (1 - 2 * s)


def _sigmoid_centered(u, o) -> Triple:
    v, d1, d2 = _sigmoid(u, o)
    return v - o.num(Fraction(1, 2)), d1, d2


def _sin(u, o) -> Triple:
    return o.sin(u), o.cos(u), -o.sin(u)


def _identity(u, o) -> Triple:
    return u, 1 + 0 * u, 0 * u


def _example_1(u, o) -> Triple:
    return u * u + 1, 2 * u, 2 + 0 * u


def _square(u, o) -> Triple:
    return u * u, 2 * u, 2 + 0 * u


def _zero(u, o) -> Triple:
    return 0 * u, 0 * u, 0 * u


def _relu_left(u, o) -> Triple:
    return 0 * u, 0 * u, 0 * u


def _elu_left(u, o) -> Triple:
    e = o.exp(u)
    return e - 1, e, e


@dataclass(frozen=True)
class NumericActivation:
    r"""One activation: ``formulas(u, ops) -> (sigma, sigma', sigma'')``.

    For a piecewise activation, ``formulas`` is the right piece (``u >= kink``),
    ``left`` the left piece, and ``kink`` the switch point.  ``c`` is the point of
    Assumption 1 (``None`` where it fails), as an exact :class:`Fraction`.
    """

    name: str
    formulas: Callable[[Any, SimpleNamespace], Triple]
    c: Fraction | None
    left: Callable[[Any, SimpleNamespace], Triple] | None = None
    kink: Fraction | None = None


_ZERO = Fraction(0)

#: Every catalogue activation, by the same names as :data:`symbolic.activations.CATALOGUE`.
CATALOGUE: dict[str, NumericActivation] = {a.name: a for a in (
    NumericActivation("tanh", _tanh, _ZERO),
    NumericActivation("softplus_shifted", _softplus_shifted, _ZERO),
    NumericActivation("gelu", _gelu, _ZERO),
    NumericActivation("silu", _silu, _ZERO),
    NumericActivation("mish", _mish, _ZERO),
    NumericActivation("sigmoid_centered", _sigmoid_centered, _ZERO),
    NumericActivation("sin", _sin, _ZERO),
    NumericActivation("identity", _identity, _ZERO),
    NumericActivation("sigmoid", _sigmoid, None),
    NumericActivation("softplus", _softplus, None),
    NumericActivation("paper_example_1", _example_1, None),
    NumericActivation("square", _square, None),
    NumericActivation("zero", _zero, None),
    NumericActivation("relu", _identity, None, left=_relu_left, kink=_ZERO),
    NumericActivation("elu", _identity, _ZERO, left=_elu_left, kink=_ZERO),
)}

#: The catalogue's names, in order.
NAMES: tuple[str, ...] = tuple(CATALOGUE)


def _get(name: str) -> NumericActivation:
    if name not in CATALOGUE:
        raise UnknownActivation(f"unknown activation {name!r} (one of: {', '.join(NAMES)})")
    return CATALOGUE[name]


def _to_mpf(value: Any) -> Any:
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return mpmath.mpmathify(value)


def derivatives(name: str, u: Any, *, dps: int = 50) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    r""":math:`(\sigma(u), \sigma'(u), \sigma''(u))` at ``dps`` digits.

    At a kink, a derivative whose one-sided values differ is ``nan`` here;
    :func:`evaluate` raises for it instead.

    >>> [mpmath.nstr(v, 6) for v in derivatives("mish", 0)]
    ['0.0', '0.6', '0.64']
    """
    act = _get(name)
    with mpmath.workdps(dps):
        return tuple(+v for v in _at_working_precision(act, _to_mpf(u)))  # type: ignore[return-value]


def _at_working_precision(act: NumericActivation, x: Any) -> Triple:
    ops = _mp_ops()
    if act.kink is None or x > _to_mpf(act.kink):
        return act.formulas(x, ops)
    left = act.left(x, ops)  # type: ignore[misc]
    if x < _to_mpf(act.kink):
        return left
    right = act.formulas(x, ops)
    agree = [a == b for a, b in zip(left, right)]
    # the derivative of order k exists only if every order <= k agrees on both sides
    return tuple(a if all(agree[:k + 1]) else mpmath.nan for k, a in enumerate(left))  # type: ignore[return-value]


def evaluate(name: str, u: Any, derivative: int = 0, *, dps: int = 50) -> mpmath.mpf:
    r""":math:`\sigma^{(k)}(u)` for ``k = derivative`` in 0, 1, 2, at ``dps`` digits.

    Raises:
        NotDifferentiable: at a kink where the derivative does not exist.

    >>> print(mpmath.nstr(evaluate("gelu", 0, 2), 12))
    0.797884560803
    """
    if derivative not in (0, 1, 2):
        raise ValueError(f"derivative must be 0, 1 or 2, got {derivative}")
    value = derivatives(name, u, dps=dps)[derivative]
    if mpmath.isnan(value):
        raise NotDifferentiable(f"{name}: no derivative of order {derivative} at {u}")
    return value


def finite_difference(name: str, u: Any, derivative: int, *, dps: int = 50) -> mpmath.mpf:
    r""":math:`\sigma^{(k)}(u)` by ``mpmath.diff`` of the value formula alone
    (independent of the hand-derived derivatives; not at kinks).

    >>> print(mpmath.nstr(finite_difference("tanh", 1, 1), 10))
    0.4199743416
    """
    act = _get(name)
    with mpmath.workdps(dps):
        return +mpmath.diff(lambda x: _at_working_precision(act, x)[0], _to_mpf(u), derivative)


def _arb_interval(lo: Fraction, hi: Fraction) -> flint.arb:
    a = flint.arb(flint.fmpq(lo.numerator, lo.denominator))
    b = flint.arb(flint.fmpq(hi.numerator, hi.denominator))
    return a.union(b)


def enclose(name: str, lo: Fraction, hi: Fraction | None = None, derivative: int = 0, *, prec: int = 256) -> flint.arb:
    r"""A rigorous Arb ball containing :math:`\sigma^{(k)}(u)` for all
    :math:`u\in[\mathrm{lo},\mathrm{hi}]` (a point if ``hi`` is ``None``).

    Raises:
        NotDifferentiable: the interval contains a kink where the derivative
            of that order does not exist.

    >>> ball = enclose("softplus_shifted", Fraction(0), derivative=1)
    >>> ball.contains(flint.arb(1) / 2) and ball.rad() < 1e-70
    True
    """
    act = _get(name)
    hi = lo if hi is None else hi
    old = flint.ctx.prec
    flint.ctx.prec = prec
    try:
        ops = _arb_ops()
        if act.kink is None or lo > act.kink:
            return act.formulas(_arb_interval(lo, hi), ops)[derivative]
        if hi < act.kink:
            return act.left(_arb_interval(lo, hi), ops)[derivative]  # type: ignore[misc]
        kink = _arb_interval(act.kink, act.kink)
        pairs = zip(act.left(kink, ops), act.formulas(kink, ops))  # type: ignore[misc]
        if not all((a - b).is_zero() for a, b in list(pairs)[:derivative + 1]):
            raise NotDifferentiable(f"{name}: no derivative of order {derivative} at {act.kink}")
        left = act.left(_arb_interval(lo, act.kink), ops)[derivative]  # type: ignore[misc]
        return left.union(act.formulas(_arb_interval(act.kink, hi), ops)[derivative])
    finally:
        flint.ctx.prec = old


def assumption_1_enclosures(name: str, *, prec: int = 256) -> tuple[flint.arb, flint.arb]:
    r"""Rigorous balls for :math:`\sigma(c)` and :math:`\sigma'(c)` at the catalogue's ``c``.

    Assumption 1 is confirmed rigorously when the first ball contains 0 and
    the second excludes 0 (the first ball is exactly 0 where the arithmetic is
    exact; that :math:`\sigma(c)` *equals* 0 is the symbolic layer's proof).

    Raises:
        ValueError: the activation has no ``c`` (Assumption 1 fails for it).

    >>> zero, slope = assumption_1_enclosures("gelu")
    >>> zero.is_zero(), slope.contains(0)
    (True, False)
    """
    act = _get(name)
    if act.c is None:
        raise ValueError(f"{name}: Assumption 1 fails, there is no c")
    return enclose(name, act.c, prec=prec), enclose(name, act.c, derivative=1, prec=prec)
