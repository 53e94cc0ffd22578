r"""Parsing ``--set NAME=VALUE`` without evaluating anything.

Values are integers, exact rationals (``1/3``), exact decimals (``0.01`` is
1/100, ``1e12`` is 10**12), JSON lists of those (``[[0.5, -1], [2, 3]]``, with
floats read as exact decimals), or, for choice parameters, a name from a fixed
list.  Nothing reaches ``eval``, ``sympify`` or ``parse_expr``.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from proofs.engine import Claim, Parameter
from proofs.errors import BadInput

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_RATIONAL = re.compile(r"^[+-]?\d+/\d+$")


def parse_number(text: str) -> Fraction:
    r"""An exact rational from ``text``; :class:`BadInput` if malformed.

    >>> parse_number("0.01"), parse_number("1/3"), parse_number("1e12")
    (Fraction(1, 100), Fraction(1, 3), Fraction(1000000000000, 1))
    """
    text = text.strip()
    if _RATIONAL.match(text):
        num, den = text.split("/")
        if int(den) == 0:
            raise BadInput(f"malformed number {text!r}: zero denominator")
        return Fraction(int(num), int(den))
    if _NUMBER.match(text):
        try:
            return Fraction(Decimal(text))
        except (InvalidOperation, ValueError) as exc:
            raise BadInput(f"malformed number {text!r}") from exc
    raise BadInput(f"malformed number {text!r} (expected e.g. 2, -1/3, 0.01, 1e12)")


def parse_list(text: str) -> list:
    r"""A JSON list whose numbers are read exactly (floats as exact decimals).

    >>> parse_list("[0.5, [1, -2]]")
    [Fraction(1, 2), [Fraction(1, 1), Fraction(-2, 1)]]
    """
    try:
        value = json.loads(text, parse_float=lambda s: Fraction(Decimal(s)), parse_int=lambda s: Fraction(int(s)),
                           parse_constant=_reject_constant)
    except (json.JSONDecodeError, InvalidOperation) as exc:
        raise BadInput(f"malformed JSON list {text!r}: {exc}") from exc
    if not isinstance(value, list) or not _numeric_tree(value):
        raise BadInput(f"malformed list {text!r}: expected a JSON list of numbers")
    return value


def _reject_constant(name: str):
    raise BadInput(f"malformed JSON: {name} is not a number")


def _numeric_tree(value: Any) -> bool:
    if isinstance(value, list):
        return all(_numeric_tree(v) for v in value)
    return isinstance(value, Fraction)


def parse_value(parameter: Parameter, text: str) -> Any:
    r"""``text`` parsed for ``parameter`` by its kind."""
    if parameter.kind == "rational":
        return parse_number(text)
    if parameter.kind == "integer":
        number = parse_number(text)
        if number.denominator != 1:
            raise BadInput(f"{parameter.name} must be an integer, got {text!r}")
        return int(number)
    if parameter.kind == "float":
        return float(parse_number(text))
    if parameter.kind == "list":
        return parse_list(text)
    if text not in parameter.choices:
        raise BadInput(f"{parameter.name}={text!r} is not one of: {', '.join(parameter.choices)}")
    return text


def parse_settings(claim: Claim, settings: list[str]) -> dict[str, Any]:
    r"""``--set`` strings -> parameter values (defaults filled in), validated
    against the claim's assumptions."""
    values: dict[str, Any] = {p.name: p.default for p in claim.parameters if p.default is not None}
    for item in settings:
        name, sep, text = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise BadInput(f"malformed --set {item!r} (expected NAME=VALUE)")
        parameter = claim.parameter(name)
        if parameter is None:
            known = ", ".join(p.name for p in claim.parameters) or "none"
            raise BadInput(f"{claim.id} has no parameter {name!r} (parameters: {known})")
        values[name] = parse_value(parameter, text)
    claim.validate(values)
    return values
