r"""Parsing ``--set NAME=VALUE`` without evaluating anything.

Values are integers, exact rationals (``1/3``), exact decimals (``0.01`` is
1/100, ``1e12`` is 10**12), JSON lists of those (``[[0.5, -1], [2, 3]]``, with
floats read as exact decimals, and quoted exact values such as ``"4/7"`` — the
form smoothcheck prints — read back), or, for choice parameters, a name from a
fixed list.  Nothing reaches ``eval``, ``sympify`` or ``parse_expr``.

Size limits (one line and exit status 2 past them): a number has at most
:data:`MAX_DIGITS` digits in its numerator and in its denominator (so
``1e999`` is accepted, ``1e1000`` refused), a list is nested at most
:data:`MAX_NESTING` deep and holds at most :data:`MAX_ITEMS` numbers.  A parameter's declared
``bounds``, list ``shape`` and ``length`` (:class:`proofs.engine.Parameter`) are enforced here
too (:func:`check_declared`), with one line naming the bound.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Mapping, Sequence

from proofs.engine import Claim, Parameter
from proofs.errors import BadInput

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_RATIONAL = re.compile(r"^[+-]?\d+/\d+$")

#: Digits allowed in the numerator and in the denominator of an exact input.
MAX_DIGITS = 1000
#: Nesting depth and number count of a JSON list input.
MAX_NESTING = 8
MAX_ITEMS = 100_000


def parse_number(text: str) -> Fraction:
    r"""An exact rational from ``text``; :class:`BadInput` if malformed.

    >>> parse_number("0.01"), parse_number("1/3"), parse_number("1e12")
    (Fraction(1, 100), Fraction(1, 3), Fraction(1000000000000, 1))
    """
    text = text.strip()
    shown = text if len(text) <= 40 else f"{text[:20]}...({len(text)} characters)"
    if len(text) > 3 * MAX_DIGITS:
        raise BadInput(f"number {shown} is too long (at most {MAX_DIGITS} digits)")
    if _RATIONAL.match(text):
        num, den = text.lstrip("+-").split("/")
        _check_digits(num, shown)
        _check_digits(den, shown)
        if int(den) == 0:
            raise BadInput(f"malformed number {shown!r}: zero denominator")
        return Fraction(int(text.split("/")[0]), int(den))
    match = _NUMBER.match(text)
    if match:
        mantissa = (match.group(1) or "").replace(".", "").lstrip("0")
        exponent = int(match.group(3)[1:]) if match.group(3) else 0
        fraction_digits = len(match.group(1).split(".")[1]) if "." in match.group(1) else 0
        scale = exponent - fraction_digits  # value = mantissa * 10**scale
        if len(mantissa) + max(scale, 0) > MAX_DIGITS or max(-scale, 0) > MAX_DIGITS:
            raise BadInput(f"number {shown} is out of range (at most {MAX_DIGITS} digits in numerator "
                           "and denominator)")
        try:
            return Fraction(Decimal(text))
        except (InvalidOperation, ValueError) as exc:
            raise BadInput(f"malformed number {shown!r}") from exc
    raise BadInput(f"malformed number {shown!r} (expected e.g. 2, -1/3, 0.01, 1e12)")


def _check_digits(digits: str, shown: str) -> None:
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise BadInput(f"number {shown} is out of range (at most {MAX_DIGITS} digits in numerator and denominator)")


def parse_list(text: str) -> list:
    r"""A JSON list whose numbers are read exactly (floats as exact decimals).

    >>> parse_list('[0.5, [1, -2], "4/7"]')
    [Fraction(1, 2), [Fraction(1, 1), Fraction(-2, 1)], Fraction(4, 7)]
    """
    shown = text if len(text) <= 60 else f"{text[:30]}...({len(text)} characters)"
    depth = _nesting(text)
    if depth > MAX_NESTING:
        raise BadInput(f"list {shown} is nested {depth} deep (at most {MAX_NESTING})")
    try:
        value = json.loads(text, parse_float=parse_number, parse_int=parse_number, parse_constant=_reject_constant)
    except (json.JSONDecodeError, InvalidOperation, RecursionError) as exc:
        raise BadInput(f"malformed JSON list {shown!r}: {exc}") from exc
    if not isinstance(value, list):
        raise BadInput(f"malformed list {shown!r}: expected a JSON list of numbers")
    value = _exact_tree(value, shown)
    if _count(value) > MAX_ITEMS:
        raise BadInput(f"list {shown} holds more than {MAX_ITEMS} numbers")
    return value


def _nesting(text: str) -> int:
    deepest = depth = 0
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "[":
            depth += 1
            deepest = max(deepest, depth)
        elif not quoted and ch == "]":
            depth -= 1
    return deepest


def _exact_tree(value: Any, shown: str) -> Any:
    r"""Numbers stay, quoted exact values (``"4/7"``, ``"0.5"``) become numbers, anything else is refused."""
    if isinstance(value, list):
        return [_exact_tree(v, shown) for v in value]
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        return parse_number(value)
    raise BadInput(f"malformed list {shown!r}: {json.dumps(value)} is not a number")


def _count(value: Any) -> int:
    return sum(_count(v) for v in value) if isinstance(value, list) else 1


def _reject_constant(name: str):
    raise BadInput(f"malformed JSON: {name} is not a number")


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
    if parameter.kind == "formula":  # a listed name, else a whitelisted formula in z (never eval/sympify)
        from proofs.formula import parse_formula

        return text if text in parameter.choices else parse_formula(text)
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
        check_declared(parameter, values[name])
    claim.validate(values)
    return values


def check_declared(parameter: Parameter, value: Any) -> None:
    r""":class:`BadInput` (one line naming the bound) unless ``value`` has the parameter's declared
    ``shape`` and ``length`` and lies within its ``bounds`` (every entry, for a list).

    >>> check_declared(Parameter("steps", "integer", bounds=(0, 10**5)), 10**9)
    Traceback (most recent call last):
    proofs.errors.BadInput: steps=1000000000 is out of range: the bound is steps <= 100000
    """
    if parameter.kind == "list":
        _check_shape(parameter, value)
    if parameter.bounds is None or parameter.kind not in ("rational", "integer", "float", "list"):
        return
    low, high = parameter.bounds
    for number in _numbers(value):
        if low is not None and number < low:
            raise BadInput(f"{parameter.name}={_shown(value)} is out of range: the bound is {parameter.name} >= {low}")
        if high is not None and number > high:
            raise BadInput(f"{parameter.name}={_shown(value)} is out of range: the bound is {parameter.name} <= {high}")


_SHAPES = {"vector": "a flat list of numbers such as [0.5, -1]", "matrix": "a list of rows of one length such as [[1, 2], [3, 4]]",
           "vectors": "a list of flat lists of numbers such as [[1, 2], [3]]"}


def _check_shape(parameter: Parameter, value: list) -> None:
    name, shape = parameter.name, parameter.shape
    if shape is not None:
        rows = value if shape == "vector" else [row for row in value if isinstance(row, list)]
        flat = all(not isinstance(v, list) for v in value) if shape == "vector" else (
            len(rows) == len(value) and all(row and not any(isinstance(v, list) for v in row) for row in rows))
        if not flat or (shape == "matrix" and len({len(row) for row in rows}) > 1):
            raise BadInput(f"{name}={_shown(value)} has the wrong shape: {name} must be {_SHAPES[shape]}")
    if parameter.length is not None:
        low, high = parameter.length
        if not low <= len(value) <= high:
            raise BadInput(f"{name} has {len(value)} entries: the bound is {low} <= len({name}) <= {high}")


def check_digits(params: Mapping[str, Any], names: Sequence[str], bound: int, why: str) -> None:
    r""":class:`BadInput` naming ``bound`` when a number of ``params[name]`` has more than ``bound`` digits
    in its numerator or denominator (for computations whose exact results have many times the inputs'
    digits: Python prints at most 4300).

    >>> check_digits({"x": Fraction(1, 10**150)}, ["x"], 100, "the exact witness")
    Traceback (most recent call last):
    proofs.errors.BadInput: x has 151 digits: the bound is 100 digits (numerator and denominator) for the exact witness
    """
    for name in names:
        for number in _numbers(params.get(name, 0)):
            number = Fraction(number)
            digits = max(len(str(abs(number.numerator))), len(str(number.denominator)))
            if digits > bound:
                raise BadInput(f"{name} has {digits} digits: the bound is {bound} digits (numerator and denominator) for {why}")


def _numbers(value: Any) -> list:
    return [n for v in value for n in _numbers(v)] if isinstance(value, list) else [value]


def _shown(value: Any) -> str:
    text = json.dumps(value, default=str) if isinstance(value, list) else str(value)
    return text if len(text) <= 60 else f"{text[:40]}...({len(text)} characters)"
