r"""Rigorous interval enclosures of SymPy expressions with Arb (python-flint).

:func:`enclose` evaluates an expression over a box of intervals in ball
arithmetic; the result contains every value the expression takes on the box.
:func:`prove_nonnegative_on_box` bisects the box until every piece has a
nonnegative lower bound (a proof) or a sample point is negative (a
counterexample).  ``mpmath.iv`` is deliberately not used: its enclosures are not
reliable everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import flint
import sympy as sp

Box = dict[sp.Symbol, tuple[sp.Rational, sp.Rational]]


class NotEnclosable(ValueError):
    r"""The expression uses a function the enclosure translator does not know."""


def _ball(lo: sp.Rational, hi: sp.Rational) -> flint.arb:
    lo_a, hi_a = flint.arb(_fmpq(lo)), flint.arb(_fmpq(hi))
    return flint.arb.union(lo_a, hi_a)


def _fmpq(value: sp.Rational) -> flint.fmpq:
    value = sp.Rational(value)
    return flint.fmpq(int(value.p), int(value.q))


_UNARY = {
    sp.exp: lambda a: a.exp(),
    sp.log: lambda a: a.log(),
    sp.tanh: lambda a: a.tanh(),
    sp.sinh: lambda a: a.sinh(),
    sp.cosh: lambda a: a.cosh(),
    sp.sin: lambda a: a.sin(),
    sp.cos: lambda a: a.cos(),
    sp.atan: lambda a: a.atan(),
    sp.erf: lambda a: a.erf(),
    sp.erfc: lambda a: a.erfc(),
    sp.Abs: lambda a: abs(a),
}


def enclose(expr: sp.Expr, box: Mapping[sp.Symbol, flint.arb]) -> flint.arb:
    r"""An Arb ball containing ``expr`` for all symbol values in ``box``.

    >>> x = sp.Symbol("x")
    >>> ball = enclose(x**2 - 1, {x: _ball(sp.Integer(2), sp.Integer(3))})
    >>> ball.contains(3) and ball.contains(8) and ball.upper() < 8.001
    True
    """
    if expr.is_Symbol:
        return box[expr]
    if expr.is_Rational:
        return flint.arb(_fmpq(expr))
    if expr is sp.pi:
        return flint.arb.pi()
    if expr is sp.E:
        return flint.arb(1).exp()
    if expr.is_Float:
        return flint.arb(str(expr))
    args = [enclose(a, box) for a in expr.args]
    if expr.is_Add:
        return _fold(args, lambda a, b: a + b)
    if expr.is_Mul:
        return _fold(args, lambda a, b: a * b)
    if expr.is_Pow:
        return _power(expr, args[0], args[1])
    if isinstance(expr, (sp.Max, sp.Min)):
        pick = (lambda a, b: (a + b + abs(a - b)) / 2) if isinstance(expr, sp.Max) else (
            lambda a, b: (a + b - abs(a - b)) / 2)
        return _fold(args, pick)
    if expr.func in _UNARY and len(args) == 1:
        return _UNARY[expr.func](args[0])
    raise NotEnclosable(f"no Arb enclosure for {expr.func.__name__}")


def _fold(values, op):
    total = values[0]
    for value in values[1:]:
        total = op(total, value)
    return total


def _power(expr: sp.Pow, base: flint.arb, exponent: flint.arb) -> flint.arb:
    e = expr.args[1]
    if e.is_Integer:
        return base ** int(e)
    if e == sp.Rational(1, 2):
        return base.sqrt()
    if e == -sp.Rational(1, 2):
        return 1 / base.sqrt()
    return (exponent * base.log()).exp()


@dataclass(frozen=True)
class BoxVerdict:
    r"""Outcome of :func:`prove_nonnegative_on_box`."""

    proved: bool
    counterexample: dict[sp.Symbol, sp.Rational] | None
    pieces: int


def prove_nonnegative_on_box(
    expr: sp.Expr, box: Box, *, strict: bool = False, max_pieces: int = 4096
) -> BoxVerdict:
    r"""Prove ``expr >= 0`` (``> 0`` if ``strict``) on a closed box by bisection.

    >>> x = sp.Symbol("x")
    >>> prove_nonnegative_on_box(x**2 - x + 1, {x: (sp.Integer(-2), sp.Integer(2))}).proved
    True
    """
    stack, pieces = [dict(box)], 0
    symbols = list(box)
    while stack:
        piece = stack.pop()
        pieces += 1
        if pieces > max_pieces:
            return BoxVerdict(False, None, pieces)
        ball = enclose(expr, {s: _ball(*piece[s]) for s in symbols})
        low = ball.lower()
        if (low > 0) if strict else (low >= 0):
            continue
        middle = {s: (lo + hi) / 2 for s, (lo, hi) in piece.items()}
        value = sp.N(expr.subs(middle), 50)
        if value.is_real and ((value <= 0) if strict else (value < 0)):
            return BoxVerdict(False, middle, pieces)
        widest = max(symbols, key=lambda s: piece[s][1] - piece[s][0])
        lo, hi = piece[widest]
        stack.append({**piece, widest: (lo, (lo + hi) / 2)})
        stack.append({**piece, widest: ((lo + hi) / 2, hi)})
    return BoxVerdict(True, None, pieces)
