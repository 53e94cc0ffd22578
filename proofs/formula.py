r"""A user's formula in one variable, parsed by a whitelisted grammar into SymPy.

A researcher names an activation or a loss on the command line
(``--set 'activation=log(1+exp(z))-log(2)'``).  The text never reaches
``eval``, ``sympify`` or ``parse_expr`` (which evaluate Python): this module
reads it with a small recursive-descent parser and builds the SymPy expression
from constructors.  The grammar::

    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := ("+" | "-") unary | power
    power   := atom (("^" | "**") unary)?
    atom    := NUMBER | VARIABLE | CONSTANT | FUNCTION "(" expr ")" | "(" expr ")"

Numbers are exact (``0.1`` is 1/10); the variable is ``z`` (or the one the
caller names); constants are ``pi`` and ``e``; functions come from
:data:`FUNCTIONS`.  Anything else — an unknown name, an attribute, a string, a
call of something that is not a listed function, text longer than
:data:`MAX_LENGTH` or nested deeper than :data:`MAX_DEPTH` — is a
:class:`~proofs.errors.BadInput` naming the position.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Callable

import sympy as sp

from proofs.errors import BadInput

#: The functions a formula may call, by name.
FUNCTIONS: dict[str, Callable[[sp.Expr], sp.Expr]] = {
    "exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt, "abs": sp.Abs,
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "atan": sp.atan,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "erf": sp.erf,
    "sigmoid": lambda u: 1 / (1 + sp.exp(-u)),
}
CONSTANTS: dict[str, sp.Expr] = {"pi": sp.pi, "e": sp.E}
MAX_LENGTH = 400
MAX_DEPTH = 40
#: Largest exponent of ten or power written as a number: larger ones are refused (they can hang SymPy).
MAX_NUMBER_DIGITS = 60

_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)"
                    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>\*\*|[-+*/^()]))")


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise BadInput(f"formula {text!r}: unexpected character {text[position:].lstrip()[:1]!r} "
                           f"at position {position + 1}")
        kind = match.lastgroup
        out.append((kind, match.group(kind), match.start(kind) + 1))
        position = match.end()
    return out


class _Parser:
    def __init__(self, text: str, variable: sp.Symbol) -> None:
        self.text, self.variable = text, variable
        self.items = _tokens(text)
        self.at = 0
        self.depth = 0

    def error(self, what: str) -> BadInput:
        where = self.items[self.at][2] if self.at < len(self.items) else len(self.text) + 1
        return BadInput(f"formula {self.text!r}: {what} at position {where}")

    def peek(self) -> str | None:
        return self.items[self.at][1] if self.at < len(self.items) else None

    def take(self) -> tuple[str, str, int]:
        if self.at >= len(self.items):
            raise self.error("unexpected end")
        self.at += 1
        return self.items[self.at - 1]

    def expect(self, op: str) -> None:
        if self.peek() != op:
            raise self.error(f"expected {op!r}")
        self.take()

    def nested(self, parse: Callable[[], sp.Expr]) -> sp.Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"nested deeper than {MAX_DEPTH}")
        try:
            return parse()
        finally:
            self.depth -= 1

    def expr(self) -> sp.Expr:
        value = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()[1]
            right = self.term()
            value = value + right if op == "+" else value - right
        return value

    def term(self) -> sp.Expr:
        value = self.unary()
        while self.peek() in ("*", "/"):
            op = self.take()[1]
            right = self.unary()
            if op == "/" and right == 0:
                raise self.error("division by zero")
            value = value * right if op == "*" else value / right
        return value

    def unary(self) -> sp.Expr:
        if self.peek() in ("+", "-"):
            op = self.take()[1]
            value = self.nested(self.unary)
            return value if op == "+" else -value
        return self.power()

    def power(self) -> sp.Expr:
        base = self.atom()
        if self.peek() in ("^", "**"):
            self.take()
            exponent = self.nested(self.unary)
            if exponent.is_number and (abs(exponent) > 10**4):
                raise self.error("exponent too large")
            return base**exponent
        return base

    def atom(self) -> sp.Expr:
        kind, text, _ = self.take()
        if kind == "number":
            return _exact(text, self)
        if kind == "name":
            if text == self.variable.name:
                return self.variable
            if text in CONSTANTS:
                return CONSTANTS[text]
            if text in FUNCTIONS:
                self.expect("(")
                argument = self.nested(self.expr)
                self.expect(")")
                return FUNCTIONS[text](argument)
            self.at -= 1
            raise self.error(f"unknown name {text!r} (allowed: {self.variable.name}, "
                             f"{', '.join(sorted(CONSTANTS))}, functions {', '.join(sorted(FUNCTIONS))})")
        if text == "(":
            value = self.nested(self.expr)
            self.expect(")")
            return value
        self.at -= 1
        raise self.error(f"unexpected {text!r}")


def _exact(text: str, parser: _Parser) -> sp.Rational:
    mantissa, _, exponent = text.lower().partition("e")
    if len(mantissa) > MAX_NUMBER_DIGITS or (exponent and abs(int(exponent)) > MAX_NUMBER_DIGITS):
        parser.at -= 1
        raise parser.error(f"number {text!r} is too large (at most {MAX_NUMBER_DIGITS} digits and exponents)")
    value = Fraction(Decimal(text))
    return sp.Rational(value.numerator, value.denominator)


def parse_formula(text: str, variable: sp.Symbol | None = None) -> sp.Expr:
    r"""The SymPy expression of ``text``, a formula in one variable (``z``).

    >>> parse_formula("log(1+exp(z)) - log(2)")
    log(exp(z) + 1) - log(2)
    >>> parse_formula("0.5*z^2")
    z**2/2
    >>> parse_formula("__import__(z)")
    Traceback (most recent call last):
    ...
    proofs.errors.BadInput: formula '__import__(z)': unknown name '__import__' (allowed: z, e, pi, functions abs, atan, cos, cosh, erf, exp, log, sigmoid, sin, sinh, sqrt, tan, tanh) at position 1
    """
    variable = variable if variable is not None else sp.Symbol("z", real=True)
    if not isinstance(text, str) or not text.strip():
        raise BadInput("formula is empty")
    if len(text) > MAX_LENGTH:
        raise BadInput(f"formula is longer than {MAX_LENGTH} characters")
    parser = _Parser(text, variable)
    value = parser.expr()
    if parser.at != len(parser.items):
        raise parser.error(f"unexpected {parser.peek()!r}")
    return value
