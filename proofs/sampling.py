r"""Sample points for SymPy expressions, and their high-precision evaluation.

Used where an exact check is undecided (numeric confirmation) and to find
counterexamples to a failing step.  Points are exact rationals chosen inside
each symbol's declared domain (its SymPy assumptions, or an explicit interval),
so a counterexample can be reported and re-checked exactly.
"""

from __future__ import annotations

import random
from typing import Iterable, Mapping

import sympy as sp

#: Working precision (decimal digits) of numeric confirmation.
CONFIRM_DPS = 60
#: A difference below this (relative to the size of the terms) counts as zero.
CONFIRM_TOL = sp.Float("1e-40", CONFIRM_DPS)

Interval = tuple[sp.Rational, sp.Rational]


def symbol_interval(symbol: sp.Symbol) -> Interval:
    r"""The default sampling interval for ``symbol`` from its assumptions.

    >>> symbol_interval(sp.Symbol("t", positive=True))
    (1/64, 8)
    """
    if symbol.is_positive:
        return sp.Rational(1, 64), sp.Integer(8)
    if symbol.is_negative:
        return sp.Integer(-8), -sp.Rational(1, 64)
    if symbol.is_nonnegative:
        return sp.Integer(0), sp.Integer(8)
    return sp.Integer(-8), sp.Integer(8)


def sample_points(
    symbols: Iterable[sp.Symbol],
    count: int,
    *,
    domain: Mapping[sp.Symbol, Interval] | None = None,
    seed: int = 20261122,
) -> list[dict[sp.Symbol, sp.Rational]]:
    r"""``count`` random exact-rational points, one value per symbol.

    Values avoid the integers and zero, where expressions with ``Abs``, ``sign``
    or ``Piecewise`` change branch, unless the interval forces them.

    >>> pts = sample_points([sp.Symbol("x", positive=True)], 3)
    >>> all(p[sp.Symbol("x", positive=True)] > 0 for p in pts)
    True
    """
    rng = random.Random(seed)
    ordered = sorted(set(symbols), key=lambda s: s.name)
    points = []
    for _ in range(count):
        point = {}
        for symbol in ordered:
            lo, hi = (domain or {}).get(symbol, symbol_interval(symbol))
            fraction = sp.Rational(rng.randint(1, 9999), 10007)
            value = lo + (hi - lo) * fraction
            if symbol.is_integer:  # an integer inside the interval: a positive n is never put to 0
                value = min(max(sp.floor(value), sp.ceiling(lo)), sp.floor(hi))
            point[symbol] = value
        points.append(point)
    return points


def evaluate(expr: sp.Expr, point: Mapping[sp.Symbol, sp.Expr], dps: int = CONFIRM_DPS) -> sp.Expr:
    r"""``expr`` at ``point``, to ``dps`` digits (a SymPy number, possibly complex).

    >>> x = sp.Symbol("x")
    >>> print(sp.N(evaluate(x**2, {x: sp.Rational(1, 2)}), 5))
    0.25000
    """
    return sp.N(sp.sympify(expr).subs(point), dps)


def is_negligible(value: sp.Expr, scale: sp.Expr = sp.Integer(1)) -> bool:
    r"""True when ``|value| <= CONFIRM_TOL * max(1, |scale|)``."""
    size = sp.Abs(sp.N(value, CONFIRM_DPS))
    if not size.is_number or size.has(sp.nan, sp.zoo):
        return False
    bound = CONFIRM_TOL * sp.Max(1, sp.Abs(sp.N(scale, CONFIRM_DPS)))
    return bool(size <= bound)


def show_point(point: Mapping[sp.Symbol, sp.Expr]) -> str:
    r"""A point as ``x=1/3, y=2`` (names sorted).

    >>> show_point({sp.Symbol("y"): 2, sp.Symbol("x"): sp.Rational(1, 3)})
    'x=1/3, y=2'
    """
    return ", ".join(f"{k}={v}" for k, v in sorted(point.items(), key=lambda kv: str(kv[0])))


def sorted_point(point: Mapping[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
    r"""The point as a dict ordered by name: the value a counterexample text shows (:mod:`proofs.render`).

    >>> sorted_point({sp.Symbol("y"): 2, sp.Symbol("x"): sp.Rational(1, 3)})
    {x: 1/3, y: 2}
    """
    return {k: sp.sympify(v) for k, v in sorted(point.items(), key=lambda kv: str(kv[0]))}
