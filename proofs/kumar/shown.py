r"""The paper's symbols and exact values for the Kumar pack's texts.

Errata, counterexamples and hypothesis texts name computed numbers as ``{name}``
placeholders, filled from a check's ``values`` (:mod:`proofs.render` typesets them
with SymPy's LaTeX printer).  The values must be exact SymPy objects: :func:`exact`
turns the pack's :class:`~fractions.Fraction` runs into SymPy rationals (vectors into
tuples, as the paper writes :math:`\beta^{(0)}=(0.4947,0.4947)`), and :func:`point`
builds a counterexample assignment keyed by the paper's symbols, which renders as
:math:`\alpha = \tfrac1{100},\ \lambda = 1,\ \dots`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import sympy as sp

#: The paper's symbols as counterexample keys (plain names: ``beta^(0)`` prints as :math:`\beta^{(0)}`).
ALPHA, LAMBDA, BETA0, N, K = sp.symbols("alpha lambda beta^(0) n k")
EPS, GAMMA, BETA1 = sp.symbols("epsilon gamma beta_1")


def exact(value: Any) -> Any:
    r"""``value`` as an exact SymPy object: a Fraction or int as a Rational (a small power of ten such as
    :math:`\epsilon=10^{-8}` as the unevaluated power, which prints as :math:`10^{-8}`), a list or tuple as a Tuple.

    >>> exact([Fraction(4947, 10000), 1])
    (4947/10000, 1)
    >>> exact(Fraction(1, 2)) == sp.Rational(1, 2), sp.latex(exact(Fraction(1, 10**8))), exact(Fraction(1, 10**8)).doit()
    (True, '10^{-8}', 1/100000000)
    """
    if isinstance(value, (list, tuple)):
        return sp.Tuple(*(exact(v) for v in value))
    if isinstance(value, Fraction):
        power = _power_of_ten(value)
        if power is not None and abs(power) >= 4:
            return sp.UnevaluatedExpr(10) ** power
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, int) and not isinstance(value, bool):
        return sp.Integer(value)
    return value


def _power_of_ten(q: Fraction) -> int | None:
    r"""``k`` with ``q == 10**k`` for ``|k| <= 30`` (the settings' range), or ``None`` (then shown as a number)."""
    for k in range(-30, 31):
        if q == Fraction(10) ** k:
            return k
    return None


def decimal(q: Fraction) -> Any:
    r"""``q`` as an exact SymPy decimal when it terminates (a start typed as a decimal reads as one), else a Rational.

    >>> decimal(Fraction(14898547896337653, 50000000000000000)), decimal(Fraction(1, 3))
    (0.29797095792675306, 1/3)
    """
    den, twos, fives = q.denominator, 0, 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    if den != 1:
        return exact(q)
    places = max(twos, fives)
    scaled = abs(q.numerator) * 10**places // q.denominator
    text = f"{'-' if q < 0 else ''}{scaled // 10**places}.{scaled % 10**places:0{places}d}" if places else str(q.numerator)
    return sp.Float(text, max(1, len(text.lstrip("-").replace(".", "").lstrip("0")))) if places else sp.Integer(q.numerator)


def point(assignment: Mapping[sp.Symbol, Any]) -> dict[sp.Symbol, Any]:
    r"""A counterexample assignment keyed by the paper's symbols, its values exact.

    >>> point({ALPHA: Fraction(1, 100), N: 2})
    {alpha: 1/100, n: 2}
    """
    return {symbol: exact(v) for symbol, v in assignment.items()}
