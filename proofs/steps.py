r"""Step kinds: one assertion of a proof each, each able to check itself.

=================  ==========================================================
kind               how it is checked
=================  ==========================================================
Equality           simplify ``lhs - rhs`` to 0 within a time budget (proved);
                   else evaluate at random rational points at 60 digits
                   (numerically confirmed, or a counterexample).
Limit              ``sympy.limit`` from the side(s) that matter, always
                   cross-checked by evaluating near the point at 60 digits.
Inequality         SymPy's sign reasoning on ``rhs - lhs``, then a rigorous Arb
                   bisection on a bounded box, then random points.
PolynomialDegree   exact ``Poly`` degree and leading coefficient.
Witness            a constructor returns explicit points; a verifier checks the
                   violation in exact (or rigorous interval) arithmetic.
NumericAgreement   a closed form against the independent numeric mirror.
Check              any other computation returning a :class:`StepResult`.
Cited              an external theorem: typeset, never counted as checked.
=================  ==========================================================

Fields shared by every step: ``label`` (what the step establishes), ``latex``
(what is typeset), ``justification`` (why, in words), ``printed`` (the step is
the paper's own), ``repairs`` (label of the printed step this one repairs),
``role`` (``proof`` or ``statement``) and ``erratum`` (the description of what
is wrong when the printed step fails).
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Mapping, Sequence

import mpmath
import sympy as sp

from proofs.budget import SYMBOLIC_BUDGET_S, within_budget
from proofs.enclosure import NotEnclosable, prove_nonnegative_on_box
from proofs.sampling import (
    CONFIRM_DPS,
    evaluate,
    is_negligible,
    sample_points,
    show_point,
)

Checked = Literal["symbolic", "numeric", "cited"]
Lazy = Any  # a SymPy expression, or a zero-argument callable returning one


def _as_sympy(value: Any) -> Any:
    return value if isinstance(value, sp.MatrixBase) else sp.sympify(value)


def _force(value: Lazy) -> Any:
    return value() if callable(value) and not isinstance(value, sp.Basic) else value


@dataclass(frozen=True)
class StepResult:
    r"""The outcome of checking one step.

    ``checked`` says how it was decided; ``method`` names the technique
    (``simplify``, ``arb-bisection``, ``exact-rational``, ``random-points``...).
    """

    ok: bool
    checked: Checked
    method: str
    detail: str
    counterexample: str | None = None

    @property
    def proved(self) -> bool:
        r"""True only for an exact (symbolic/exact/rigorous) success."""
        return self.ok and self.checked == "symbolic"


@dataclass(frozen=True, kw_only=True)
class Step:
    r"""Base class: one assertion of a proof."""

    label: str
    latex: str
    justification: str = ""
    printed: bool = True
    repairs: str | None = None
    role: Literal["proof", "statement"] = "proof"
    erratum: str | None = None

    kind = "step"

    def __post_init__(self) -> None:
        if self.repairs is not None and self.printed:
            object.__setattr__(self, "printed", False)

    def run(self) -> StepResult:
        r"""Check the step; an exception inside the check is a failure, not a crash."""
        try:
            return self.check()
        except Exception as exc:  # noqa: BLE001 - a broken step is reported, not raised
            return StepResult(False, "symbolic", "exception", f"{type(exc).__name__}: {exc}")

    def check(self) -> StepResult:
        raise NotImplementedError

    def mutants(self) -> list["Step"]:
        r"""Wrong versions of this step, each of which the checker must reject."""
        return []

    def _variant(self, suffix: str, **changes: Any) -> "Step":
        return dataclasses.replace(self, label=f"{self.label} [{suffix}]", **changes)


# ---------------------------------------------------------------- equality


@dataclass(frozen=True, kw_only=True)
class Equality(Step):
    r"""``lhs == rhs`` for all values of the free symbols (in their domains)."""

    lhs: Lazy
    rhs: Lazy
    domain: Mapping[sp.Symbol, tuple] = field(default_factory=dict)
    samples: int = 12
    budget_s: float = SYMBOLIC_BUDGET_S

    kind = "equality"

    def check(self) -> StepResult:
        lhs, rhs = _as_sympy(_force(self.lhs)), _as_sympy(_force(self.rhs))
        return check_zero(lhs - rhs, domain=self.domain, samples=self.samples, budget_s=self.budget_s)

    def mutants(self) -> list[Step]:
        rhs = _as_sympy(_force(self.rhs))
        zero = rhs == 0 or (isinstance(rhs, sp.MatrixBase) and rhs.is_zero_matrix)
        flipped = -rhs if not zero else rhs + sp.ones(*rhs.shape) if isinstance(rhs, sp.MatrixBase) else sp.Integer(1)
        shifted = rhs + sp.ones(*rhs.shape) if isinstance(rhs, sp.MatrixBase) else rhs + 1
        return [
            self._variant("sign flipped", rhs=flipped),
            self._variant("constant off by one", rhs=shifted),
        ]


def check_zero(
    difference: sp.Expr,
    *,
    domain: Mapping[sp.Symbol, tuple] | None = None,
    samples: int = 12,
    budget_s: float = SYMBOLIC_BUDGET_S,
) -> StepResult:
    r"""Decide ``difference == 0`` identically: proved, confirmed, or refuted.

    >>> x = sp.Symbol("x", real=True)
    >>> check_zero((x + 1)**2 - x**2 - 2*x - 1).checked
    'symbolic'
    >>> check_zero(x**2 - x).ok
    False
    """
    if isinstance(difference, sp.MatrixBase):
        return _check_entries(difference, domain=domain, samples=samples, budget_s=budget_s)
    for name, simplifier in (("expand", sp.expand), ("cancel", sp.cancel), ("simplify", sp.simplify)):
        reduced = within_budget(lambda: simplifier(difference), budget_s)
        if reduced is not None and reduced == 0:
            return StepResult(True, "symbolic", name, "difference simplifies to 0")
    return _confirm_zero_at_points(difference, domain or {}, samples)


def _check_entries(difference: sp.MatrixBase, **options) -> StepResult:
    results = []
    for entry in difference:  # stop at the first failing entry: mutants of big matrices stay cheap
        results.append(check_zero(entry, **options))
        if not results[-1].ok:
            return results[-1]
    if all(r.checked == "symbolic" for r in results):
        return StepResult(True, "symbolic", "entrywise", f"all {len(results)} entries simplify to 0")
    return StepResult(True, "numeric", "entrywise+random-points", "some entries only confirmed at random points")


def _confirm_zero_at_points(difference: sp.Expr, domain, samples: int) -> StepResult:
    free = sorted(difference.free_symbols, key=lambda s: s.name)
    for point in sample_points(free, samples, domain=domain):
        value = evaluate(difference, point)
        if not is_negligible(value):
            return StepResult(False, "numeric", "random-points", f"difference is {sp.N(value, 15)}",
                              counterexample=f"{show_point(point)}: lhs - rhs = {sp.N(value, 15)}")
    return StepResult(True, "numeric", "random-points",
                      f"SymPy undecided; difference < 1e-40 at {samples} random points ({CONFIRM_DPS} digits)")


# ---------------------------------------------------------------- limit


@dataclass(frozen=True, kw_only=True)
class Limit(Step):
    r"""``lim_{var -> point} expr == expected`` from ``direction`` (``+``, ``-`` or ``+-``).

    ``parameters`` gives values for the other free symbols (each a dict); the
    numeric cross-check uses them, and ``mirror(params, h)`` (optional) is an
    independent numeric evaluation of ``expr`` at ``point + h``.
    """

    expr: Lazy
    var: sp.Symbol
    point: Any
    expected: Lazy
    direction: Literal["+", "-", "+-"] = "+"
    parameters: Sequence[Mapping[sp.Symbol, Any]] = ()
    mirror: Callable[[Mapping[sp.Symbol, Any], Any], Any] | None = None
    budget_s: float = SYMBOLIC_BUDGET_S

    kind = "limit"

    def check(self) -> StepResult:
        expr, expected = sp.sympify(_force(self.expr)), sp.sympify(_force(self.expected))
        if expected.has(self.var):
            return StepResult(False, "symbolic", "malformed", f"the claimed limit still depends on {self.var}",
                              counterexample=f"lim is a number, not the function {expected} of {self.var}")
        sides = ["+", "-"] if self.direction == "+-" else [self.direction]
        symbolic = [within_budget(lambda d=d: sp.limit(expr, self.var, self.point, d), self.budget_s) for d in sides]
        numeric = _numeric_limit_agrees(expr, self.var, self.point, expected, sides, self._params(expr), self.mirror)
        if numeric is not None:
            return StepResult(False, "numeric", "near-point-evaluation", numeric, counterexample=numeric)
        decided = [s for s in symbolic if s is not None and not s.has(sp.Limit)]
        verdicts = [_same_limit(s, expected, self._params(expr)) for s in decided]
        if False in verdicts:
            wrong = decided[verdicts.index(False)]
            return StepResult(False, "symbolic", "sympy.limit", f"SymPy gives {wrong}, claimed {expected}",
                              counterexample=f"limit is {wrong}")
        if len(decided) == len(sides) and all(verdicts):
            return StepResult(True, "symbolic", "sympy.limit+numeric-crosscheck",
                              f"SymPy limit ({','.join(sides)}) = {expected}, confirmed numerically")
        return StepResult(True, "numeric", "near-point-evaluation",
                          f"SymPy undecided; values near the point approach {expected}")

    def _params(self, expr: sp.Expr) -> list[dict]:
        if self.parameters:
            return [dict(p) for p in self.parameters]
        others = sorted(expr.free_symbols - {self.var}, key=lambda s: s.name)
        return sample_points(others, 3) if others else [{}]

    def mutants(self) -> list[Step]:
        expected = sp.sympify(_force(self.expected))
        if expected.is_infinite:
            return [self._variant("finite limit claimed", expected=sp.Integer(1)),
                    self._variant("sign of infinity flipped", expected=-expected)]
        return [self._variant("constant off by one", expected=expected + 1),
                self._variant("sign flipped", expected=-expected if expected != 0 else sp.Integer(1))]


def _same_limit(found: sp.Expr, expected: sp.Expr, params: list[dict]) -> bool | None:
    r"""True if SymPy's limit is provably ``expected``; False if it differs at a
    parameter sample; None if only the samples agree (undecided)."""
    if found == expected:
        return True
    simplified = within_budget(lambda: sp.simplify(found), SYMBOLIC_BUDGET_S)
    if simplified is not None and (simplified == expected or sp.simplify(simplified - expected) == 0):
        return True
    for p in params:
        a, b = sp.simplify(found.subs(p)), sp.sympify(expected).subs(p)
        if a != b and not (a.is_number and b.is_number and not a.is_infinite and is_negligible(a - b)):
            return False
    return None


def _numeric_limit_agrees(expr, var, point, expected, sides, params, mirror) -> str | None:
    r"""``None`` if the values near ``point`` approach ``expected``; else why not."""
    steps = [sp.Rational(1, 10**k) for k in (6, 12, 24)]
    for p in params:
        # Floats, not exact rationals: x**(10**24) with a rational x would be computed exactly.
        p = {k: sp.Float(v, CONFIRM_DPS) if sp.sympify(v).is_Rational else v for k, v in p.items()}
        target = sp.sympify(expected).subs(p)
        target = target if target.is_infinite else sp.N(target, CONFIRM_DPS)
        for side in sides:
            values = []
            for h in steps:
                x = 1 / h if point in (sp.oo, -sp.oo) else point + (h if side == "+" else -h)
                x = -x if point == -sp.oo else x
                value = mirror(p, x) if mirror else sp.N(expr.subs(p).subs(var, x), CONFIRM_DPS)
                values.append(sp.N(value, CONFIRM_DPS))
            if not _approaches(values, target):
                return f"at {show_point(p)} from {side}: values {[str(sp.N(v, 8)) for v in values]} do not approach {target}"
    return None


def _approaches(values: list, target) -> bool:
    if target.is_infinite:
        sign = 1 if target == sp.oo else -1
        scaled = [sign * v for v in values]
        return all(v.is_real for v in scaled) and scaled[-1] > 10**9 and scaled[-1] > scaled[0]
    errors = [abs(v - target) for v in values]
    scale = max(1, abs(target))
    return bool(errors[-1] <= sp.Float("1e-9") * scale and errors[-1] <= errors[0] + sp.Float("1e-40"))


# ---------------------------------------------------------------- inequality


@dataclass(frozen=True, kw_only=True)
class Inequality(Step):
    r"""``lhs <= rhs`` (or ``<``, ``>=``, ``>``) for all points of ``domain``.

    ``domain`` maps symbols to closed intervals ``(lo, hi)`` (``sp.oo`` allowed);
    an unbounded domain can only be proved symbolically or refuted.
    """

    lhs: Lazy
    rhs: Lazy
    relation: Literal["<=", "<", ">=", ">"] = "<="
    domain: Mapping[sp.Symbol, tuple] = field(default_factory=dict)
    samples: int = 40
    budget_s: float = SYMBOLIC_BUDGET_S

    kind = "inequality"

    def check(self) -> StepResult:
        lhs, rhs = sp.sympify(_force(self.lhs)), sp.sympify(_force(self.rhs))
        gap = rhs - lhs if self.relation in ("<=", "<") else lhs - rhs
        strict = self.relation in ("<", ">")
        reduced = within_budget(lambda: sp.simplify(gap), self.budget_s)
        sign = None if reduced is None else (reduced.is_positive if strict else reduced.is_nonnegative)
        if sign is True:
            return StepResult(True, "symbolic", "sympy-assumptions", f"{reduced} is {'positive' if strict else 'nonnegative'}")
        return _decide_on_domain(gap, strict, self.domain, self.samples)

    def mutants(self) -> list[Step]:
        reverse = {"<=": ">", "<": ">=", ">=": "<", ">": "<="}[self.relation]
        return [self._variant("relation reversed", relation=reverse)]


def _decide_on_domain(gap: sp.Expr, strict: bool, domain, samples: int) -> StepResult:
    free = sorted(gap.free_symbols, key=lambda s: s.name)
    bounded = free and all(s in domain and all(sp.sympify(b).is_finite for b in domain[s]) for s in free)
    if bounded:
        try:
            verdict = prove_nonnegative_on_box(gap, {s: tuple(map(sp.Rational, domain[s])) for s in free}, strict=strict)
        except NotEnclosable:
            verdict = None
        if verdict is not None and verdict.proved:
            return StepResult(True, "symbolic", "arb-bisection", f"Arb enclosure on {verdict.pieces} boxes")
        if verdict is not None and verdict.counterexample is not None:
            return _refuted(gap, verdict.counterexample)
    box = {s: _finite(domain.get(s)) for s in free if domain.get(s) is not None}
    for point in sample_points(free, samples, domain=box):
        value = evaluate(gap, point)
        if not value.is_real or (value <= 0 if strict else value < 0):
            return _refuted(gap, point)
    return StepResult(True, "numeric", "random-points", f"holds at {samples} random points; not proved")


def _finite(interval):
    lo, hi = (sp.sympify(b) for b in interval)
    lo = lo if lo.is_finite else (hi - 64 if hi.is_finite else sp.Integer(-64))
    hi = hi if hi.is_finite else lo + 64
    return lo, hi


def _refuted(gap: sp.Expr, point) -> StepResult:
    value = sp.N(gap.subs(point), 15)
    return StepResult(False, "symbolic", "counterexample", f"fails at {show_point(point)}",
                      counterexample=f"{show_point(point)}: slack = {value}")


# ---------------------------------------------------------------- polynomial


@dataclass(frozen=True, kw_only=True)
class PolynomialDegree(Step):
    r"""``expr`` is a polynomial in ``var`` of degree ``degree`` (or ``<= degree``
    with ``at_most=True``), with leading coefficient ``leading`` if given."""

    expr: Lazy
    var: sp.Symbol
    degree: int
    leading: Lazy = None
    at_most: bool = False

    kind = "polynomial"

    def check(self) -> StepResult:
        expr = sp.expand(sp.sympify(_force(self.expr)))
        if not expr.is_polynomial(self.var):
            return StepResult(False, "symbolic", "Poly", f"not a polynomial in {self.var}", counterexample=str(expr))
        poly = sp.Poly(expr, self.var)
        degree = poly.degree()
        if degree > self.degree or (not self.at_most and degree != self.degree):
            return StepResult(False, "symbolic", "Poly", f"degree is {degree}, claimed {self.degree}",
                              counterexample=f"leading term {poly.LC()}*{self.var}**{degree}")
        leading = _force(self.leading)
        if leading is not None:
            coefficient = poly.coeff_monomial(self.var**self.degree)
            if sp.simplify(coefficient - sp.sympify(leading)) != 0:
                return StepResult(False, "symbolic", "Poly", f"coefficient of {self.var}**{self.degree} is {coefficient}",
                                  counterexample=f"{coefficient} != {leading}")
        return StepResult(True, "symbolic", "Poly", f"degree {degree} in {self.var}")

    def mutants(self) -> list[Step]:
        out: list[Step] = [self._variant("degree one lower", degree=self.degree - 1, at_most=self.at_most)]
        leading = _force(self.leading)
        if leading is not None:
            out.append(self._variant("leading coefficient off by one", leading=sp.sympify(leading) + 1))
        return out


# ---------------------------------------------------------------- witness


@dataclass(frozen=True)
class WitnessCheck:
    r"""An exact comparison ``lhs > rhs`` (as strings) and whether it holds."""

    lhs: str
    rhs: str
    holds: bool


@dataclass(frozen=True, kw_only=True)
class Witness(Step):
    r"""Existence, shown by explicit points: for each parameter set in ``cases``,
    ``verify(params, construct(params))`` must hold exactly.

    ``wrong_constructions`` are plausible but wrong constructors (points on
    the same side of a boundary, a step too large, ...) that must be rejected.
    """

    construct: Callable[[Mapping[str, Any]], Any]
    verify: Callable[[Mapping[str, Any], Any], WitnessCheck]
    cases: Sequence[Mapping[str, Any]]
    wrong_constructions: Sequence[Callable[[Mapping[str, Any]], Any]] = ()
    method: str = "exact-rational"
    #: ``numeric`` when ``verify`` only compares high-precision values (not a proof).
    checked: Checked = "symbolic"

    kind = "witness"

    def check(self) -> StepResult:
        for params in self.cases:
            outcome = self.verify(params, self.construct(params))
            if not outcome.holds:
                return StepResult(False, self.checked, self.method, f"witness fails for {dict(params)}",
                                  counterexample=f"{outcome.lhs} <= {outcome.rhs}")
        how = "exactly" if self.checked == "symbolic" else "numerically"
        return StepResult(True, self.checked, self.method, f"witness verified {how} for {len(self.cases)} cases")

    def mutants(self) -> list[Step]:
        return [self._variant(f"wrong construction {i + 1}", construct=wrong, wrong_constructions=())
                for i, wrong in enumerate(self.wrong_constructions)]


# ---------------------------------------------------------------- numeric mirror


@dataclass(frozen=True, kw_only=True)
class NumericAgreement(Step):
    r"""A closed form agrees with the independent numeric mirror at ``points``:
    ``|closed_form(p) - mirror(p)| <= tolerance * max(1, |mirror(p)|)``."""

    closed_form: Callable[[Any], Any]
    mirror: Callable[[Any], Any]
    points: Sequence[Any]
    tolerance: float = 1e-40
    describe: Callable[[Any], str] = str

    kind = "numeric-agreement"

    def check(self) -> StepResult:
        worst = mpmath.mpf(0)
        with mpmath.workdps(COMPARE_DPS):
            for point in self.points:
                a, b = to_mpmath(self.closed_form(point)), to_mpmath(self.mirror(point))
                error = abs(a - b) / max(1, abs(b))
                if not error <= self.tolerance:
                    shown = f"{mpmath.nstr(a, 20)} vs {mpmath.nstr(b, 20)}"
                    return StepResult(False, "numeric", "mirror", f"closed form vs mirror: {shown}",
                                      counterexample=f"{self.describe(point)}: {shown}")
                worst = max(worst, error)
            shown_worst = mpmath.nstr(worst, 3)
        return StepResult(True, "numeric", "mirror",
                          f"agrees with the independent mirror at {len(self.points)} points (worst relative error {shown_worst})")

    def mutants(self) -> list[Step]:
        shifted = self.closed_form
        return [self._variant("closed form perturbed", closed_form=lambda p: _perturb(shifted(p)))]


#: Working precision of closed-form vs mirror comparisons.
COMPARE_DPS = 80


def to_mpmath(value: Any) -> Any:
    r"""A SymPy, Fraction, int, float or mpmath number as an mpmath number.

    >>> to_mpmath(sp.Rational(1, 4))
    mpf('0.25')
    """
    if isinstance(value, sp.Basic):
        number = sp.N(value, COMPARE_DPS)
        re, im = sp.re(number), sp.im(number)
        real = mpmath.mpf(str(re)) if re.is_finite else mpmath.inf * (1 if re > 0 else -1)
        return real if im == 0 else mpmath.mpc(real, mpmath.mpf(str(im)))
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return mpmath.mpmathify(value)


def _perturb(value):
    return to_mpmath(value) * (1 + mpmath.mpf("1e-6")) + mpmath.mpf("1e-6")


# ---------------------------------------------------------------- generic and cited


@dataclass(frozen=True, kw_only=True)
class Check(Step):
    r"""Any other computation: ``run_check()`` returns a :class:`StepResult`;
    each of ``wrong_versions`` is a computation that must come out false."""

    run_check: Callable[[], StepResult]
    wrong_versions: Sequence[Callable[[], StepResult]] = ()
    kind_name: str = "computation"

    @property
    def kind(self) -> str:  # type: ignore[override]
        return self.kind_name

    def check(self) -> StepResult:
        return self.run_check()

    def mutants(self) -> list[Step]:
        return [self._variant(f"wrong version {i + 1}", run_check=wrong, wrong_versions=())
                for i, wrong in enumerate(self.wrong_versions)]


@dataclass(frozen=True, kw_only=True)
class Cited(Step):
    r"""An external theorem the proof relies on: typeset, not machine-checked."""

    reference: str

    kind = "cited"

    def check(self) -> StepResult:
        return StepResult(True, "cited", "citation", f"cited: {self.reference}")
