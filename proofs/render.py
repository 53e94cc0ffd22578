r"""Texts with computed values, rendered for the terminal, Markdown and LaTeX.

An erratum, a note, a hypothesis's evidence, a reading's description and a
counterexample are written once, in one format, and shown three ways:

* prose, with the paper's math between ``$...$`` in LaTeX (``$\|g\|_2^2$``,
  ``$\sigma'(c)$``); ``\$`` is a literal dollar;
* ``{name}`` placeholders for the values the check computed (``StepResult.values``,
  or the claim's ``extra()`` for a note): exact SymPy objects, ints and Fractions
  are typeset by SymPy's LaTeX printer, so the number shown is the number the
  checker used, never a hand-typed copy; a dict of symbols to values is a point
  (``x = 2,\ y = 3``); ``{=1.62}`` quotes a printed number;
* a value too long to read (an exact rational with more than :data:`MAX_DIGITS`
  digits) is shown shortened, ``\approx`` its first digits, with its digit count;
  the JSON review keeps every digit (:func:`full_values`).

``render(text, values, "tex")`` escapes the prose and keeps the math;
``"md"`` keeps both (GitHub renders ``$...$``); ``"plain"`` drops the dollars
and turns the commonest macros into ASCII (``\|`` -> ``||``, ``\frac{a}{b}`` ->
``(a)/(b)``, ``\beta`` -> ``beta``).

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> text = "at {point} the bound fails: ${lhs} > {rhs}$"
>>> values = {"point": {x: 2}, "lhs": sp.Rational(576, 845), "rhs": sp.Rational(36, 845)}
>>> render(text, values, "plain")
'at x = 2 the bound fails: 576/845 > 36/845'
>>> render(text, values, "tex")
'at $x = 2$ the bound fails: ${\\frac{576}{845}} > {\\frac{36}{845}}$'
>>> render(r"$\|g\|_2^2 = \frac{n}{4}$ with {=1.62}", {}, "plain")
'||g||_2^2 = (n)/(4) with 1.62'
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any, Literal, Mapping

Target = Literal["plain", "md", "tex"]

#: An exact number with more digits than this (numerator and denominator together) is shown shortened.
MAX_DIGITS = 40

_PLACEHOLDER = re.compile(r"\{=([^{}]*)\}|\{([A-Za-z_]\w*)\}")
_DOLLAR = re.compile(r"(?<!\\)\$")


def segments(text: str) -> list[tuple[bool, str]]:
    r"""``text`` cut at unescaped dollars: ``(is_math, piece)`` pairs; an unclosed ``$`` is prose.

    >>> segments("a $x$ b")
    [(False, 'a '), (True, 'x'), (False, ' b')]
    """
    pieces = _DOLLAR.split(text)
    if len(pieces) % 2 == 0:  # an odd number of dollars: the last one opens nothing
        pieces[-2:] = [pieces[-2] + "$" + pieces[-1]]
    return [(i % 2 == 1, piece) for i, piece in enumerate(pieces) if piece or i % 2 == 1]


def render(text: str, values: Mapping[str, Any] | None, target: Target) -> str:
    r"""``text`` (the format above) with its placeholders filled from ``values``, for ``target``.

    A placeholder naming no value is left as written: braces of the paper's notation
    (``w_{jk}``) are not placeholders.
    """
    values = {name: canonical(value) for name, value in (values or {}).items()}
    out = []
    for is_math, piece in segments(text):
        if is_math and target == "plain":
            out.append(_plain_math_with_values(piece, values))
        elif is_math:
            out.append("$" + _fill(piece, values, lambda v: "{" + latex_of(v) + "}") + "$")
        else:
            out.append(_prose(piece, values, target))
    return "".join(out)


def canonical(value: Any) -> Any:
    r"""``value`` as the verdict cache gives it back: a pickle round trip rebuilds SymPy objects with
    evaluation (``factor``'s :math:`(x^2+1)/4` comes back as :math:`x^2/4+1/4`), so a text shows the same
    whether its claim was checked now or read from the cache.

    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> canonical(sp.factor(x**2 / 4 + sp.Rational(1, 4))) == canonical(x**2 / 4 + sp.Rational(1, 4))
    True
    """
    import pickle

    try:
        return pickle.loads(pickle.dumps(value))
    except Exception:  # noqa: BLE001 - a value that cannot be pickled is shown as it is
        return value


def _plain_math_with_values(piece: str, values: Mapping[str, Any]) -> str:
    r"""The terminal reading of a formula: the LaTeX read as ASCII, then the values in their plain form
    (tokens stand in for them meanwhile, so that the ASCII reading never touches a value)."""
    shown: list[str] = []

    def token(value: Any) -> str:
        shown.append(plain_of(value))
        return f"\x00{len(shown) - 1}\x00"

    text = plain_math(_fill(piece, values, token))
    return re.sub("\x00(\\d+)\x00", lambda m: shown[int(m.group(1))], text)


def _prose(piece: str, values: Mapping[str, Any], target: Target) -> str:
    if target == "plain":
        return _fill(piece.replace(r"\$", "$"), values, plain_of)
    parts, last = [], 0
    for match in _PLACEHOLDER.finditer(piece):  # escape the prose between placeholders, never a value
        quoted, name = match.groups()
        if quoted is None and name not in values:
            continue
        parts.append(_escape_prose(piece[last:match.start()], target))
        parts.append(_escape_prose(quoted, target) if quoted is not None else f"${latex_of(values[name])}$")
        last = match.end()
    parts.append(_escape_prose(piece[last:], target))
    return "".join(parts)


def _escape_prose(text: str, target: Target) -> str:
    if target == "md":
        return text
    from proofs.latex import escape  # the document's one escaping rule

    return escape(text.replace(r"\$", "$"))


def _fill(text: str, values: Mapping[str, Any], show) -> str:
    def one(match: re.Match) -> str:
        quoted, name = match.groups()
        if quoted is not None:
            return quoted
        return show(values[name]) if name in values else match.group(0)

    return _PLACEHOLDER.sub(one, text)


# ---------------------------------------------------------------- values


def _rational(value: Any):
    import sympy as sp

    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Fraction)):
        return sp.Rational(value)
    if isinstance(value, sp.Rational):
        return value
    return None


def _too_long(q) -> bool:
    return len(str(abs(q.p))) + len(str(q.q)) > MAX_DIGITS


def _digits(q) -> str:
    return f"{len(str(abs(q.p)))}" + (f"/{len(str(q.q))}" if q.q != 1 else "")


def latex_of(value: Any) -> str:
    r"""The LaTeX of a computed value (SymPy's printer for exact ones).

    >>> import sympy as sp
    >>> latex_of({sp.Symbol("y_1_1"): Fraction(2, 3), sp.Symbol("t"): 5})
    'y_{1 1} = \\frac{2}{3},\\allowbreak\\ t = 5'
    >>> latex_of(sp.Rational(10**50 + 1, 3))
    '\\approx 3.33333333333333 \\cdot 10^{49}\\ (\\text{exact: 51/1 digits})'
    """
    import sympy as sp

    if isinstance(value, Mapping):
        return r",\allowbreak\ ".join(f"{latex_of(k)} = {latex_of(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return r"\left(" + ", ".join(latex_of(v) for v in value) + r"\right)"
    q = _rational(value)
    if q is not None:
        if _too_long(q):
            mantissa, _, exponent = f"{float(sp.N(q, 15)):.14e}".partition("e")
            return rf"\approx {mantissa} \cdot 10^{{{int(exponent)}}}\ (\text{{exact: {_digits(q)} digits}})"
        return sp.latex(q)
    if isinstance(value, str):
        return _string_latex(value)
    if isinstance(value, float):
        return _float_latex(value)
    if isinstance(value, (sp.Basic, sp.MatrixBase)):  # the papers write \varepsilon where SymPy prints \epsilon
        return re.sub(r"\\epsilon(?![A-Za-z])", r"\\varepsilon", sp.latex(value))
    return _string_latex(str(value))  # an mpmath number or an Arb ball: its own digits


_NUMBER = re.compile(r"([-+]?\d+(?:\.\d+)?)(?:e([-+]?\d+))?")
_OPERATOR = re.compile(r"\s*(<=|>=|!=|<|>|=|\+/-)\s*")


def _string_latex(text: str) -> str:
    r"""A value that arrived as text (an mpmath number, an Arb ball ``[1.5 +/- 2e-9]``, a label): numbers
    in scientific notation typeset as such, comparison signs as math, the rest upright (no text-mode
    escapes, which MathJax does not know).

    >>> _string_latex("1.94e-62"), _string_latex("[-0.14 +/- 3.39e-16]"), _string_latex("x_1 <= 2")
    ('1.94 \\cdot 10^{-62}', '[-0.14 \\pm 3.39 \\cdot 10^{-16}]', '\\mathrm{x\\_1} \\le 2')
    """
    signs = {"<=": r"\le", ">=": r"\ge", "!=": r"\ne", "<": "<", ">": ">", "=": "=", "+/-": r"\pm"}
    out = []
    for i, piece in enumerate(_OPERATOR.split(text)):
        if i % 2:
            out.append(f" {signs[piece]} ")
        elif piece:
            out.append(_words_latex(piece))
    return "".join(out)


def _words_latex(text: str) -> str:
    def number(match: re.Match) -> str:
        mantissa, exponent = match.groups()
        return mantissa + (rf" \cdot 10^{{{int(exponent)}}}" if exponent else "")

    parts, last = [], 0
    for match in _NUMBER.finditer(text):
        if match.start() > 0 and (text[match.start() - 1].isalpha() or text[match.start() - 1] == "_"):
            continue  # digits of a name (x_1), not a number
        parts.append(_upright(text[last:match.start()]))
        parts.append(number(match))
        last = match.end()
    parts.append(_upright(text[last:]))
    return "".join(parts)


def _upright(text: str) -> str:
    if not text.strip():
        return text
    if not re.search(r"[A-Za-z]", text):  # brackets, commas, spaces: math as they are
        return text.replace("{", r"\{").replace("}", r"\}").replace("%", r"\%")
    safe = re.sub(r"([#$%&_{}])", r"\\\1", text).replace("~", r"\sim ").replace("^", r"\hat{}")
    return r"\mathrm{" + safe.replace(" ", r"\ ") + "}"


def _float_latex(value: float) -> str:
    mantissa, _, exponent = f"{value:.6g}".partition("e")
    return mantissa + (rf" \cdot 10^{{{int(exponent)}}}" if exponent else "")


def plain_of(value: Any) -> str:
    r"""The terminal text of a computed value.

    >>> import sympy as sp
    >>> plain_of({sp.Symbol("x"): 2, sp.Symbol("y"): sp.Rational(1, 3)}), plain_of(sp.sqrt(2) / 2)
    ('x = 2, y = 1/3', 'sqrt(2)/2')
    """
    import sympy as sp

    if isinstance(value, Mapping):
        return ", ".join(f"{plain_of(k)} = {plain_of(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(plain_of(v) for v in value) + ")"
    q = _rational(value)
    if q is not None:
        return f"~{float(sp.N(q, 15)):.14e} (exact: {_digits(q)} digits)" if _too_long(q) else str(q)
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, sp.MatrixBase):
        return str(value.tolist())
    if isinstance(value, sp.Basic):
        return sp.sstr(value)
    return str(value)


def full_values(values: Mapping[str, Any]) -> dict[str, str]:
    r"""Every value with all its digits (for the JSON review): ``str`` of exact objects, never shortened."""
    def full(value: Any) -> str:
        if isinstance(value, Mapping):
            return ", ".join(f"{k} = {full(v)}" for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return "(" + ", ".join(full(v) for v in value) + ")"
        return str(value)

    return {name: full(canonical(value)) for name, value in values.items()}


# ---------------------------------------------------------------- LaTeX math for the terminal

_MACROS = [(r"\|", "||"), (r"\left", ""), (r"\right", ""), (r"\,", " "), (r"\;", " "), (r"\!", ""),
           (r"\ ", " "), (r"\cdot", "*"), (r"\times", "x"), (r"\leq", "<="), (r"\le", "<="), (r"\geq", ">="),
           (r"\ge", ">="), (r"\neq", "!="), (r"\ne", "!="), (r"\to", " -> "), (r"\infty", "oo"),
           (r"\approx", "~"), (r"\ldots", "..."), (r"\dots", "..."), (r"\in", " in "), (r"\mid", "|"),
           (r"\quad", "  "), (r"\mathbb", ""), (r"\mathrm", ""), (r"\mathcal", ""), (r"\text", ""),
           (r"\operatorname", ""), (r"\odot", "(.)"), (r"\partial", "d"), (r"\sum", "sum"), (r"\log", "log"),
           (r"\exp", "exp"), (r"\sqrt", "sqrt"), (r"\max", "max"), (r"\min", "min"), (r"\sup", "sup"),
           (r"\lim", "lim"), (r"\varphi", "phi"), (r"\big", ""), (r"\Big", ""), (r"\bigl", ""), (r"\bigr", ""),
           (r"\cap", " cap "), (r"\cup", " cup "), (r"\mp", "-+"), (r"\pm", "+-"), (r"\top", "^T"),
           (r"\hat", ""), (r"\lbrace", "{"), (r"\rbrace", "}"), (r"\mathbf", ""), (r"\boldsymbol", ""),
           (r"\varepsilon", "eps"), (r"\epsilon", "eps"), (r"\sim", "~"), (r"\downarrow", " -> "), (r"\uparrow", " -> "),
           (r"\nabla", "grad "), (r"\star", "*"), (r"\prime", "'"), (r"\iff", "<=>"), (r"\Rightarrow", "=>"),
           (r"\implies", "=>"), (r"\forall", "for all "), (r"\exists", "exists "), (r"\mathrm", "")]
_FRAC = re.compile(r"\\[dt]?frac\{((?:[^{}]|\{[^{}]*\})*)\}\{((?:[^{}]|\{[^{}]*\})*)\}")  # one level of braces inside
_SQRT = re.compile(r"\\sqrt\{((?:[^{}]|\{[^{}]*\})*)\}")  # one level of braces inside: \sqrt{x_{1}}
_SCRIPT = re.compile(r"([_^])\{([^{}]*)\}")
_MACRO = re.compile(r"\\([A-Za-z]+)")


def plain_math(math: str) -> str:
    r"""The ASCII reading of a LaTeX formula (for the terminal; LaTeX and Markdown keep the formula).

    >>> plain_math(r"\sigma_\beta''(u) \le \frac{\beta}{4} \cdot e^{-\beta/2}, w_{jk}")
    "sigma_beta''(u) <= (beta)/(4) * e^(-beta/2), w_jk"
    >>> plain_math(r"n\alpha\lambda^2,\ \beta^{(0)},\ \{x\},\ 2\sigma\mathbf 1,\ \mathcal D,\ \varepsilon\downarrow0")
    'n alpha lambda^2, beta^(0), {x}, 2 sigma 1, D, eps -> 0'
    >>> plain_math(r"f=\sqrt{1+\beta^2},\ \sqrt{\frac{1}{2}},\ \sqrt{x_{1}},\ \frac{m^{(k)}}{1-\beta_1^{k}}")
    'f=sqrt(1+beta^2), sqrt((1)/(2)), sqrt(x_1), (m^(k))/(1-beta_1^k)'

    """
    text = math
    while _FRAC.search(text) or _SQRT.search(text):
        text = _SQRT.sub(r"sqrt(\1)", _FRAC.sub(r"(\1)/(\2)", text))  # \sqrt{1+x} is sqrt(1+x), not sqrt1+x
    for macro, ascii_ in sorted(_MACROS, key=lambda m: -len(m[0])):
        end = r"(?![A-Za-z])" if macro[-1].isalpha() else ""  # \le is not the start of \left
        text = re.sub(re.escape(macro) + end, lambda _, a=ascii_: a, text)
    text = text.replace(r"\{", "\x01").replace(r"\}", "\x02")  # literal braces survive the brace removal
    text = _MACRO.sub(lambda m: (" " if m.start() and text[m.start() - 1].isalnum() else "") + m.group(1)
                      + (" " if re.match(r"[A-Za-z0-9\\]", text[m.end():m.end() + 1]) else ""), text)
    text = re.sub(r"(?<=\S)  +(?=\S)", " ", text)  # two macros side by side leave one space, not two
    while _SCRIPT.search(text):
        text = _SCRIPT.sub(lambda m: m.group(1) + _script(m.group(2)), text)
    text = re.sub(r"\{([^{}]*)\}", r"\1", text).replace("{", "").replace("}", "")
    return text.replace("\x01", "{").replace("\x02", "}")


def _script(group: str) -> str:
    r"""A sub- or superscript group read as ASCII: bare if it is one word or already bracketed."""
    if re.fullmatch(r"\w*", group) or re.fullmatch(r"\(.*\)", group):
        return group
    return f"({group})"
