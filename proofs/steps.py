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
``role`` (``proof`` or ``statement``), ``erratum`` (the description of what
is wrong when the printed step fails; ``{name}`` placeholders are filled from
the values the check computed, so no number in it is typed by hand) and
``scope`` (the finite scope or box the check covers, when it does not cover the
whole domain: the success is then ``proved-on-scope``, never ``proved``) and
``reading`` (the name of the claim's :class:`~proofs.engine.Reading` this step
checks, where the text is reconstructed or ambiguous), ``establishes`` (the
proposition proved, for an :class:`~proofs.induction.Induction`) and ``cross_checks``
(the label of a step of the same claim that this one checks again, independently: an
exhaustive scope check or a numeric mirror beside a proof for every size; the claim's
evidence then rests on that step, and this one must agree with it) and ``uses`` (the
labels of the steps whose results this one takes as premises).

Every result carries an *evidence level* (:mod:`proofs.evidence`): ``proved``,
``proved-on-scope`` (with its scope), ``confirmed`` (with its sample),
``cited`` or ``undecided``.  Polynomial and piecewise-linear steps are also
sent to Z3 (:mod:`proofs.z3check`); the engines that agreed are recorded.
"""

from __future__ import annotations

import dataclasses
import functools
import random
from fractions import Fraction
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Mapping, Sequence

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from proofs import z3check
from proofs.budget import SYMBOLIC_BUDGET_S, within_budget
from proofs.enclosure import NotEnclosable, enclose, prove_nonnegative_on_box
from proofs.errors import PrecisionMismatch, VacuousStep
from proofs.evidence import CHECKED_OF, DEFAULT_OF, LEVELS as _LEVEL_ORDER, Evidence
from proofs.sampling import (
    CONFIRM_DPS,
    evaluate,
    is_negligible,
    sample_points,
    show_point,
    sorted_point,
)

Checked = Literal["symbolic", "numeric", "cited", "undecided", "not-reproduced"]
Lazy = Any  # a SymPy expression, or a zero-argument callable returning one


def _as_sympy(value: Any) -> Any:
    return value if isinstance(value, sp.MatrixBase) else sp.sympify(value)


def _force(value: Lazy) -> Any:
    return value() if callable(value) and not isinstance(value, sp.Basic) else value


@dataclass(frozen=True)
class StepResult:
    r"""The outcome of checking one step.

    ``checked`` says how it was decided (``symbolic``, ``numeric``, ``cited`` or
    ``undecided``); ``method`` names the technique (``expand``, ``z3``,
    ``arb-bisection``, ``exact-rational``, ``random-points`` ...).  ``evidence``
    is the level (:mod:`proofs.evidence`); when it is not given it follows from
    ``checked`` (symbolic -> proved, numeric -> confirmed), and when it is given
    ``checked`` follows from it.  ``scope`` is the finite scope or box of a
    ``proved-on-scope`` result, ``sample`` the points and digits of a
    ``confirmed`` one, ``engines`` the decision procedures that agreed, and
    ``values`` the numbers the check computed (they fill ``{name}`` placeholders
    of the step's erratum text).  For simulations, ``outcomes`` separates the
    exact (or high-precision) outcome from the floating-point ones (e.g.
    ``{"exact": "RMSProp above NDGM", "float64": "RMSProp below NDGM: 79/100
    entries exactly 0"}``) and ``settings`` lists the settings, each marked as
    the paper's or ours (``{"rows": {"value": 100, "paper": False}}``).

    >>> StepResult(True, "symbolic", "expand", "0").evidence
    'proved'
    >>> StepResult(True, "numeric", "x", "", evidence="proved-on-scope", scope={"n": [2]}).checked
    'symbolic'
    """

    ok: bool
    checked: Checked
    method: str
    detail: str
    counterexample: str | None = None
    evidence: Evidence | None = None
    scope: Mapping[str, Any] | None = None
    sample: Mapping[str, Any] | None = None
    engines: tuple[str, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)
    outcomes: Mapping[str, str] | None = None
    settings: Mapping[str, Any] | None = None

    @property
    def shown_counterexample(self) -> str | None:
        r"""The counterexample as the terminal shows it: its text (:mod:`proofs.render`'s format)
        with the values filled in.

        >>> x = sp.Symbol("x")
        >>> StepResult(False, "symbolic", "t", "", counterexample="at {point}: {v}", values={"point": {x: 2}, "v": 0}).shown_counterexample
        'at x = 2: 0'
        """
        if self.counterexample is None:
            return None
        from proofs.render import render

        return render(self.counterexample, self.values, "plain")

    def __post_init__(self) -> None:
        if self.evidence is None:
            object.__setattr__(self, "evidence", DEFAULT_OF[self.checked])
        else:
            object.__setattr__(self, "checked", CHECKED_OF[self.evidence])
        if self.evidence == "proved-on-scope" and not self.scope:
            raise ValueError("a proved-on-scope result must state its scope")

    @property
    def proved(self) -> bool:
        r"""True only for a success proved for every value of the domain."""
        return self.ok and self.evidence == "proved"

    @property
    def undecided(self) -> bool:
        r"""True when the oracles disagreed: neither a proof nor a counterexample."""
        return self.evidence == "undecided"

    @property
    def not_reproduced(self) -> bool:
        r"""True when a simulation did not reproduce a printed outcome with our settings (never an erratum)."""
        return self.evidence == "not-reproduced"


def on_scope(result: StepResult, scope: Mapping[str, Any] | None) -> StepResult:
    r"""``result`` restricted to ``scope``: a ``proved`` success becomes ``proved-on-scope``."""
    if not scope or not result.ok or result.evidence != "proved":
        return result
    return dataclasses.replace(result, evidence="proved-on-scope", scope=dict(scope))


def _refuse_empty_domain(domain: Mapping[sp.Symbol, tuple] | None) -> None:
    r"""A statement over an empty interval holds vacuously: ``(2, 1)`` or ``(oo, oo)`` is refused, never checked.

    >>> _refuse_empty_domain({sp.Symbol("y"): (2, 1)})
    Traceback (most recent call last):
    ...
    proofs.errors.VacuousStep: the domain of y, [2, 1], is empty: anything holds on it
    """
    for symbol, (lo, hi) in (domain or {}).items():
        lo, hi = sp.sympify(lo), sp.sympify(hi)
        if bool(lo > hi) or (lo == hi and lo.is_infinite):
            raise VacuousStep(f"the domain of {symbol}, [{lo}, {hi}], is empty: anything holds on it")


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
    scope: Mapping[str, Any] | None = None
    reading: str | None = None
    #: The proposition this step proves, as SymPy (``Eq(Q(1), F(1))``): read by an
    #: :class:`~proofs.induction.Induction` that uses the step as its base case or a fact.
    establishes: Any = None
    #: The label of the step this one is an independent cross-check of (a scope check or the numeric
    #: mirror beside a general proof): while that step passes, the claim's evidence rests on it, not on
    #: this one; a failing cross-check is still a failure of the claim.
    cross_checks: str | None = None
    #: The labels of the steps of the same claim whose results this step takes as premises (beyond
    #: what it computes itself): the claim's statement evidence follows these links
    #: (:meth:`proofs.engine.ClaimReport.statement_evidence`).
    uses: tuple[str, ...] = ()

    kind = "step"

    def __post_init__(self) -> None:
        if self.repairs is not None and self.printed:
            object.__setattr__(self, "printed", False)

    def run(self) -> StepResult:
        r"""Check the step; an exception inside the check is a failure, not a crash.

        A declared ``scope`` turns a ``proved`` success into ``proved-on-scope``.
        """
        try:
            _refuse_empty_domain(getattr(self, "domain", None))
            return on_scope(self.check(), self.scope)
        except VacuousStep as exc:
            return StepResult(False, "symbolic", "vacuous", str(exc), evidence="proved")
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
    r"""``lhs == rhs`` for all values of the free symbols (in their domains).

    ``domain`` maps symbols to intervals.  An unbounded interval, or any interval
    when ``box_is_domain`` is set, is part of the claim's domain; a bounded one
    otherwise is a *box* inside a larger domain, and what is shown only there is
    ``proved-on-scope``.  ``lhs`` is the computed side, ``rhs`` the printed
    formula (or the other way round); the two may not be the same object.
    """

    lhs: Lazy
    rhs: Lazy
    domain: Mapping[sp.Symbol, tuple] = field(default_factory=dict)
    box_is_domain: bool = False
    samples: int = 12
    budget_s: float = SYMBOLIC_BUDGET_S

    kind = "equality"

    def check(self) -> StepResult:
        refuse_identical_sides(self.lhs, self.rhs)
        lhs, rhs = _as_sympy(_force(self.lhs)), _as_sympy(_force(self.rhs))
        return check_zero(lhs - rhs, domain=self.domain, samples=self.samples, budget_s=self.budget_s,
                          box_is_domain=self.box_is_domain)

    def mutants(self) -> list[Step]:
        rhs = _as_sympy(_force(self.rhs))
        zero = rhs == 0 or (isinstance(rhs, sp.MatrixBase) and rhs.is_zero_matrix)
        flipped = -rhs if not zero else rhs + sp.ones(*rhs.shape) if isinstance(rhs, sp.MatrixBase) else sp.Integer(1)
        shifted = rhs + sp.ones(*rhs.shape) if isinstance(rhs, sp.MatrixBase) else rhs + 1
        return [
            self._variant("sign flipped", rhs=flipped),
            self._variant("constant off by one", rhs=shifted),
            self._variant("computed side replaced by the printed side", lhs=self.rhs),
        ]


def refuse_identical_sides(lhs: Any, rhs: Any) -> None:
    r"""Raise :class:`VacuousStep` when the two sides, as written in the step, are
    one and the same object (the same lazy function, or the same expression).

    Only the fields as written are compared.  A side *computed* when the step is
    checked (a lazy function) may land on exactly the expression the paper prints
    (a derivative that SymPy writes as printed): that is a real check and passes.
    SymPy caches expressions, so an eagerly computed side that coincides with
    the printed one is the very same object and is refused: write the computed
    side as a lazy function, which also keeps the computation visible.

    >>> x = sp.Symbol("x")
    >>> e = x + 1
    >>> refuse_identical_sides(e, e)
    Traceback (most recent call last):
    ...
    proofs.errors.VacuousStep: both sides are the same object (x + 1): the step would check nothing
    >>> refuse_identical_sides(lambda: sp.diff(x**2, x), 2*x)
    """
    if lhs is rhs:
        raise VacuousStep(f"both sides are the same object ({_short(lhs)}): the step would check nothing")


def _short(value: Any, limit: int = 80) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "..."


def check_zero(
    difference: sp.Expr,
    *,
    domain: Mapping[sp.Symbol, tuple] | None = None,
    samples: int = 12,
    budget_s: float = SYMBOLIC_BUDGET_S,
    box_is_domain: bool = False,
) -> StepResult:
    r"""Decide ``difference == 0`` identically: proved, confirmed, or refuted.

    SymPy (``expand``, ``cancel``, ``simplify`` within a CPU budget) and Z3
    (where the difference is polynomial or piecewise-linear) are two engines;
    a proof by either is ``proved`` over the symbols' whole domain, and the
    engines that agreed are recorded.  A Z3 countermodel is re-checked exactly.

    >>> x = sp.Symbol("x", real=True)
    >>> r = check_zero((x + 1)**2 - x**2 - 2*x - 1)
    >>> r.evidence, r.engines
    ('proved', ('sympy:expand', 'z3'))
    >>> check_zero(x**2 - x).ok
    False
    >>> check_zero(sp.Abs(x) - x, domain={x: (0, 5)}).scope
    {'box': {'x': ['0', '5']}}
    """
    if isinstance(difference, sp.MatrixBase):
        return _check_entries(difference, domain=domain, samples=samples, budget_s=budget_s,
                              box_is_domain=box_is_domain)
    whole, box = split_domain(domain or {}, box_is_domain)
    for name, simplifier in (("expand", sp.expand), ("cancel", sp.cancel), ("simplify", sp.simplify)):
        reduced = within_budget(lambda: simplifier(difference), budget_s)
        if reduced is not None and reduced == 0:
            return _second_opinion(difference, "==", whole, f"sympy:{name}", "difference simplifies to 0")
        if name == "expand" and _nonzero_at_first_point(difference, domain):
            break  # not identically zero: cancel and simplify cannot reduce it to 0, only cost time
    z3_result = _z3_decide(difference, "==", whole, box)
    if z3_result is not None:
        return z3_result
    return _confirm_zero_at_points(difference, domain or {}, samples)


def _nonzero_at_first_point(difference: sp.Expr, domain: Mapping[sp.Symbol, tuple] | None) -> bool:
    r"""Whether ``difference`` is an exact nonzero rational at the first random point that
    :func:`_confirm_zero_at_points` would try (so a refutation found later starts from the same point).

    Exact arithmetic only: a value that is not a rational number (an ``exp(1/3)``, a pole) proves
    nothing here, and the caller goes on to ``cancel`` and ``simplify`` as before.  A wrong version
    of a step is usually refuted this way in a millisecond, where ``simplify`` of a nonzero
    difference takes up to a second.

    >>> x = sp.Symbol("x", positive=True)
    >>> _nonzero_at_first_point(x + 1, None), _nonzero_at_first_point(sp.exp(x) - 1, None)
    (True, False)
    >>> _nonzero_at_first_point(sp.Integer(0), None)
    False
    """
    if isinstance(difference, sp.MatrixBase) or not isinstance(difference, sp.Basic):
        return False
    free = sorted(difference.free_symbols, key=str)
    if not all(type(symbol) in (sp.Symbol, sp.Dummy) for symbol in free):  # an Indexed y_sr: no point to put
        return False
    (point,) = sample_points(free, 1, domain=domain or {})
    value = difference.subs(point)
    return bool(value.is_Rational) and value != 0


def split_domain(domain: Mapping[sp.Symbol, tuple], box_is_domain: bool) -> tuple[dict, dict]:
    r"""``(whole, box)``: the intervals that are the claim's domain, and those that
    are only a box inside it (bounded intervals, unless ``box_is_domain``)."""
    whole, box = {}, {}
    for symbol, interval in domain.items():
        bounded = all(sp.sympify(b).is_finite for b in interval)
        (box if bounded and not box_is_domain else whole)[symbol] = interval
    return whole, box


def _second_opinion(expr: sp.Expr, relation: str, whole: Mapping, engine: str, detail: str) -> StepResult:
    r"""A proof by SymPy, sent to Z3 as well where the expression is in its fragment."""
    verdict = z3check.decide(expr, relation, whole) if z3check.translatable(expr) else None
    if verdict is not None and verdict.outcome == "counterexample":
        return StepResult(False, "undecided", "sympy-vs-z3",
                          f"SymPy proves it, Z3 finds a countermodel {show_point(verdict.point)}: flagged for a person",
                          counterexample=None)
    engines = (engine, "z3") if verdict is not None and verdict.outcome == "proved" else (engine,)
    note = "" if verdict is None else "" if verdict.outcome == "proved" else f" (z3: {verdict.reason})"
    return StepResult(True, "symbolic", engine.split(":")[-1], detail + note, engines=engines)


def _z3_decide(expr: sp.Expr, relation: str, whole: Mapping, box: Mapping,
               assuming: Sequence = ()) -> StepResult | None:
    r"""Z3 alone: proved on the whole domain, else on the box, or an exact counterexample."""
    if not z3check.translatable(expr):
        return None
    verdict = z3check.decide(expr, relation, whole, assuming=assuming)
    if verdict.outcome == "proved":
        return StepResult(True, "symbolic", "z3", "Z3 proves it on the whole domain", engines=("z3",))
    if not box:
        if verdict.outcome == "counterexample":
            return _exact_counterexample(expr, verdict.point, "z3")
        return None
    on_box = z3check.decide(expr, relation, {**whole, **box}, assuming=assuming)
    if on_box.outcome == "proved":
        outside = f"; outside it Z3 finds {show_point(verdict.point)}" if verdict.point else ""
        return StepResult(True, "symbolic", "z3", f"Z3 proves it on the box{outside}", engines=("z3",),
                          evidence="proved-on-scope", scope={"box": _show_box(box)})
    if on_box.outcome == "counterexample":
        return _exact_counterexample(expr, on_box.point, "z3")
    return None


def _show_box(box: Mapping[sp.Symbol, tuple]) -> dict[str, list[str]]:
    return {str(s): [str(sp.sympify(b)) for b in box[s]] for s in sorted(box, key=str)}


def _exact_counterexample(expr: sp.Expr, point: Mapping, engine: str) -> StepResult:
    value = expr.subs(point)
    return StepResult(False, "symbolic", engine, f"fails at {show_point(point)} (checked exactly)",
                      counterexample="at {point} the value is {value}", engines=(engine,),
                      values={"point": sorted_point(point), "value": value})


def _check_entries(difference: sp.MatrixBase, **options) -> StepResult:
    results = []
    for entry in difference:  # stop at the first failing entry: mutants of big matrices stay cheap
        results.append(check_zero(entry, **options))
        if not results[-1].ok:
            return results[-1]
    levels = {r.evidence for r in results}
    engines = tuple(sorted({e for r in results for e in r.engines}))
    by_z3 = sum("z3" in r.engines for r in results)
    if levels == {"proved"}:
        return StepResult(True, "symbolic", "entrywise",
                          f"all {len(results)} entries proved (z3 agrees on {by_z3})", engines=engines)
    if "confirmed" not in levels:
        scope = next(r.scope for r in results if r.evidence == "proved-on-scope")
        return StepResult(True, "symbolic", "entrywise", f"all {len(results)} entries proved (some on a box)",
                          evidence="proved-on-scope", scope=scope, engines=engines)
    points = max((r.sample or {}).get("points", 0) for r in results)
    return StepResult(True, "numeric", "entrywise+random-points", "some entries only confirmed at random points",
                      sample={"points": points, "dps": CONFIRM_DPS}, engines=engines)


def _with_function_values(expr: sp.Expr, seed: int) -> tuple[sp.Expr, dict]:
    r"""``expr`` with its finite sums done and each value of an unspecified function (``s(0)``, ``s(5)``, the
    sign sequence of an unrolled recursion) or of one of its derivatives at a point (``F'(0)``, SymPy's
    ``Subs(Derivative(F(xi), xi), xi, 0)``) replaced by a seeded random rational, and those values.

    An identity in an unspecified function must hold for every function, so one drawn set of values is as
    fair a test point as a drawn number; without it such a difference has no value at any point.  The
    values are independent: for a smooth function the values of it and of its derivatives at finitely many
    points can be prescribed at will (a sum of bumps).  SymPy's ``Subs`` compares equal under a renamed
    dummy, so one value is one draw.

    >>> s, j = sp.Function("s"), sp.Symbol("j", integer=True)
    >>> done, values = _with_function_values(sp.Sum(s(j), (j, 0, 1)) - s(0), 1)
    >>> done == values[s(1)], sorted(map(str, values))
    (True, ['s(1)'])
    """
    done = expr.doit() if expr.has(sp.Sum, sp.Product) else expr
    # a substitution into a known expression has its own value: SymPy left it unevaluated, so evaluate it
    done = done.replace(lambda e: isinstance(e, sp.Subs) and not e.expr.atoms(AppliedUndef), lambda e: e.doit())
    slopes = sorted((d for d in done.atoms(sp.Subs) if not d.free_symbols and d.expr.atoms(AppliedUndef)), key=str)
    calls = sorted((c for c in done.atoms(AppliedUndef) if not c.free_symbols), key=str)
    rng = random.Random(seed)
    values = {atom: sp.Rational(rng.randint(1, 9999), 10007) for atom in [*slopes, *calls]}
    return (done.xreplace(values) if values else done), values


def _confirm_zero_at_points(difference: sp.Expr, domain, samples: int) -> StepResult:
    if samples < 1:  # "confirmed at 0 points" would confirm anything
        raise VacuousStep(f"samples={samples}: a numeric confirmation needs at least one point")
    free = sorted(difference.free_symbols, key=lambda s: s.name)
    for index, point in enumerate(sample_points(free, samples, domain=domain)):
        exact, drawn = _with_function_values(difference.subs(point), index)
        point = {**point, **drawn}  # the point a counterexample shows includes the drawn function values
        if exact.is_Rational and exact != 0:  # a rational point and a rational value: refuted exactly
            return StepResult(False, "symbolic", "exact-rational", f"difference is {exact}",
                              counterexample="at {point} the two sides differ by {value}",
                              values={"point": sorted_point(point), "value": exact})
        value = sp.N(exact, CONFIRM_DPS)
        if not all(part.is_Number for part in value.as_real_imag()):
            # e.g. an integral SymPy cannot do: no value is neither a confirmation nor a counterexample (a nan or
            # an infinity is a Number, refused below as before; so is a Float 0 of no precision)
            return StepResult(False, "undecided", "random-points", f"the difference has no numeric value at a "
                              f"sample point ({_short(str(value))})")
        if not is_negligible(value):
            return StepResult(False, "numeric", "random-points", f"difference is {sp.N(value, 15)}",
                              counterexample="at {point} the two sides differ by {value} (15 of 60 digits)",
                              sample={"points": 1, "dps": CONFIRM_DPS},
                              values={"point": sorted_point(point), "value": sp.N(value, 15)})
    return StepResult(True, "numeric", "random-points",
                      f"SymPy undecided; |lhs - rhs| < 1e-40 at {samples} random points ({CONFIRM_DPS} digits)",
                      sample={"points": samples, "dps": CONFIRM_DPS})


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
        r"""SymPy's limit and the numeric cross-check must agree.

        Both confirm ``expected``: proved (SymPy decided it symbolically).  The
        cross-check agrees and SymPy is undecided: confirmed.  Both reject it: a
        counterexample.  They disagree: ``undecided``, flagged for a person —
        never a proof, never a counterexample (SymPy's ``limit`` has known
        wrong answers with Abs, Piecewise, sign and erf).
        """
        expr, expected = sp.sympify(_force(self.expr)), sp.sympify(_force(self.expected))
        if expected.has(self.var):
            return StepResult(False, "symbolic", "malformed", f"the claimed limit still depends on {self.var}",
                              counterexample="a limit is a number, but the printed one, ${expected}$, depends on ${var}$",
                              values={"expected": expected, "var": self.var})
        sides = ["+", "-"] if self.direction == "+-" else [self.direction]
        params = self._params(expr)
        symbolic = [_sympy_limit(expr, self.var, sp.sympify(self.point), d, self.budget_s) for d in sides]
        numeric = _numeric_limit_agrees(expr, self.var, self.point, expected, sides, params, self.mirror)
        decided = [s for s in symbolic if s is not None and not s.has(sp.Limit)]
        verdicts = [_same_limit(s, expected, params) for s in decided]
        sympy_says = "no" if False in verdicts else "yes" if len(decided) == len(sides) and all(verdicts) else "unknown"
        sample = {"points": len(params) * len(sides) * 3, "dps": CONFIRM_DPS}
        if numeric is None and sympy_says == "yes":
            return StepResult(True, "symbolic", "sympy.limit+numeric-crosscheck",
                              f"SymPy limit ({','.join(sides)}) = {expected}, confirmed numerically",
                              engines=("sympy:limit", "numeric"))
        if numeric is None and sympy_says == "unknown":
            return StepResult(True, "numeric", "near-point-evaluation",
                              f"SymPy undecided; values near the point approach {expected}", sample=sample)
        if numeric is not None and sympy_says == "yes":
            return StepResult(False, "undecided", "sympy-vs-numeric",
                              f"oracles disagree: SymPy gives {expected}, but numerically {numeric}; flagged for a person")
        if numeric is None:  # SymPy disagrees, the cross-check agrees
            wrong = decided[verdicts.index(False)]
            return StepResult(False, "undecided", "sympy-vs-numeric",
                              f"oracles disagree: SymPy gives {wrong}, but values near the point approach {expected}; "
                              "flagged for a person")
        how = "SymPy and the numeric cross-check agree" if sympy_says == "no" else "numerically; SymPy undecided"
        evidence = "confirmed"
        return StepResult(False, "numeric", "near-point-evaluation", f"{numeric} ({how})", counterexample=numeric,
                          evidence=evidence, sample=sample,
                          engines=("sympy:limit", "numeric") if sympy_says == "no" else ("numeric",))

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


@functools.lru_cache(maxsize=256)
def _sympy_limit(expr: sp.Expr, var: sp.Symbol, point: sp.Expr, direction: str, budget_s: float) -> sp.Expr | None:
    r"""SymPy's one-sided limit within the CPU budget (``None`` past it), once per process for one expression:
    the wrong versions of a limit step change only the claimed value, and a limit costs up to a second."""
    return within_budget(lambda: sp.limit(expr, var, point, direction), budget_s)


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
    for given in params:
        # Floats, not exact rationals: x**(10**24) with a rational x would be computed exactly.
        p = {k: sp.Float(v, CONFIRM_DPS) if sp.sympify(v).is_Rational else v for k, v in given.items()}
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
                shown = target if target.is_infinite else sp.N(target, 15)  # the point as given, exactly
                return (f"at {show_point(given)} from {side}: values {[str(sp.N(v, 8)) for v in values]} "
                        f"do not approach {shown}")
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

    ``domain`` maps symbols to closed intervals ``(lo, hi)`` (``sp.oo`` allowed).
    An unbounded interval, or any interval when ``box_is_domain`` is set, is the
    claim's domain; a bounded one otherwise is a box inside a larger domain.

    Engines, in order: Z3 over the whole domain (proved, or an exact
    counterexample); Z3 on the box (proved-on-scope); SymPy's sign reasoning,
    which alone never counts as a proof; a rigorous Arb bisection on the box
    (proved-on-scope, or proved when the box is the domain); random points
    (confirmed, or a counterexample).
    """

    lhs: Lazy
    rhs: Lazy
    relation: Literal["<=", "<", ">=", ">"] = "<="
    domain: Mapping[sp.Symbol, tuple] = field(default_factory=dict)
    box_is_domain: bool = False
    assuming: Sequence[Any] = ()
    samples: int = 40
    budget_s: float = SYMBOLIC_BUDGET_S

    kind = "inequality"

    def check(self) -> StepResult:
        refuse_identical_sides(self.lhs, self.rhs)
        lhs, rhs = sp.sympify(_force(self.lhs)), sp.sympify(_force(self.rhs))
        gap = rhs - lhs if self.relation in ("<=", "<") else lhs - rhs
        return decide_nonnegative(gap, strict=self.relation in ("<", ">"), domain=self.domain,
                                  box_is_domain=self.box_is_domain, samples=self.samples, budget_s=self.budget_s,
                                  assuming=self.assuming)

    def mutants(self) -> list[Step]:
        reverse = {"<=": ">", "<": ">=", ">=": "<", ">": "<="}[self.relation]
        return [self._variant("relation reversed", relation=reverse)]


def decide_nonnegative(
    gap: sp.Expr,
    *,
    strict: bool = False,
    domain: Mapping[sp.Symbol, tuple] | None = None,
    box_is_domain: bool = False,
    samples: int = 40,
    budget_s: float = SYMBOLIC_BUDGET_S,
    assuming: Sequence[Any] = (),
) -> StepResult:
    r"""Decide ``gap >= 0`` (``> 0`` if ``strict``) on ``domain``, with its evidence level.

    ``assuming`` are premises (SymPy relations) restricting the domain; Z3 takes
    them as constraints, sampling keeps only points that satisfy them, and the
    Arb box bisection (which cannot restrict a box by a relation) is skipped.

    >>> x = sp.Symbol("x", real=True)
    >>> decide_nonnegative(x**2 - 2*x + 1).evidence
    'proved'
    >>> r = decide_nonnegative(sp.exp(x) - x, domain={x: (-5, 5)})
    >>> r.evidence, r.scope
    ('proved-on-scope', {'box': {'x': ['-5', '5']}})
    >>> decide_nonnegative(1 - x**2, domain={x: (0, 2)}).ok
    False
    """
    domain = domain or {}
    relation = ">" if strict else ">="
    whole, box = split_domain(domain, box_is_domain)
    if not gap.free_symbols:
        return _decide_number(gap, strict)
    z3_result = _z3_decide(gap, relation, whole, box, assuming)
    if z3_result is not None and (not z3_result.ok or z3_result.evidence == "proved"):
        return z3_result
    reduced = within_budget(lambda: sp.simplify(gap), budget_s)
    sympy_agrees = reduced is not None and bool(reduced.is_positive if strict else reduced.is_nonnegative)
    engines = ("sympy:assumptions",) if sympy_agrees else ()
    if z3_result is not None:  # Z3 proved it on the box only
        return dataclasses.replace(z3_result, engines=z3_result.engines + engines)
    result = _decide_on_box(gap, strict, domain, box_is_domain, samples, assuming)
    if sympy_agrees and result.ok:
        note = "; SymPy's sign reasoning agrees (not counted as a proof on its own)"
        return dataclasses.replace(result, detail=result.detail + note, engines=result.engines + engines)
    return result


def _decide_number(gap: sp.Expr, strict: bool) -> StepResult:
    r"""A constant gap: exact if rational, else a rigorous Arb enclosure."""
    if gap.is_Rational:
        ok = gap > 0 if strict else gap >= 0
        return StepResult(bool(ok), "symbolic", "exact-rational", f"gap = {gap}",
                          counterexample=None if ok else "the gap (left side minus right side) is {gap}",
                          values={"gap": gap})
    try:
        ball = enclose(gap, {})
    except NotEnclosable:
        value = sp.N(gap, CONFIRM_DPS)
        ok = bool(value > 0 if strict else value >= 0)
        return StepResult(ok, "numeric", "evaluation", f"gap = {sp.N(value, 15)}",
                          counterexample=None if ok else "the gap (left side minus right side) is {gap} (15 of 60 digits)",
                          sample={"points": 1, "dps": CONFIRM_DPS}, values={"gap": sp.N(value, 15)})
    if ball.lower() > 0 or (not strict and ball.lower() >= 0):
        return StepResult(True, "symbolic", "arb-enclosure", f"gap in {ball.str(10)}", values={"gap": ball.str(15)})
    if ball.upper() < 0 or (strict and ball.upper() <= 0):
        return StepResult(False, "symbolic", "arb-enclosure", f"gap in {ball.str(10)}",
                          counterexample="the gap (left side minus right side) lies in the Arb ball {gap}",
                          values={"gap": ball.str(15)})
    return StepResult(False, "undecided", "arb-enclosure", f"the enclosure {ball.str(10)} contains 0")


def _decide_on_box(gap: sp.Expr, strict: bool, domain, box_is_domain: bool, samples: int,
                   assuming: Sequence = ()) -> StepResult:
    premises = [sp.sympify(a) for a in assuming]
    free = sorted(gap.free_symbols.union(*(p.free_symbols for p in premises)), key=lambda s: s.name)
    bounded = free and not premises and all(s in domain and all(sp.sympify(b).is_finite for b in domain[s])
                                            for s in free)
    if bounded:
        box = {s: tuple(map(sp.Rational, domain[s])) for s in free}
        try:
            verdict = prove_nonnegative_on_box(gap, box, strict=strict)
        except NotEnclosable:
            verdict = None
        if verdict is not None and verdict.proved:
            detail = f"Arb enclosure on {verdict.pieces} boxes"
            if box_is_domain:
                return StepResult(True, "symbolic", "arb-bisection", detail, engines=("arb",))
            return StepResult(True, "symbolic", "arb-bisection", detail + " (the box only)", engines=("arb",),
                              evidence="proved-on-scope", scope={"box": _show_box(box)})
        if verdict is not None and verdict.counterexample is not None:
            return _refuted(gap, verdict.counterexample)
    box = {s: _finite(domain.get(s)) for s in free if domain.get(s) is not None}
    tried = 0
    for point in sample_points(free, samples * (8 if premises else 1), domain=box):
        if premises and not all(bool(p.subs(point)) for p in premises):
            continue
        tried += 1
        value = evaluate(gap, point)
        if not value.is_real or (value <= 0 if strict else value < 0):
            return _refuted(gap, point)
        if tried == samples:
            break
    if tried == 0:
        return StepResult(False, "undecided", "random-points", "no sample point satisfies the premises")
    return StepResult(True, "numeric", "random-points", f"holds at {tried} random points; not proved",
                      sample={"points": tried, "dps": CONFIRM_DPS})


def _finite(interval):
    lo, hi = (sp.sympify(b) for b in interval)
    lo = lo if lo.is_finite else (hi - 64 if hi.is_finite else sp.Integer(-64))
    hi = hi if hi.is_finite else lo + 64
    return lo, hi


def _refuted(gap: sp.Expr, point) -> StepResult:
    exact = gap.subs(point)
    if exact.is_Rational:
        return StepResult(False, "symbolic", "exact-rational", f"fails at {show_point(point)} (checked exactly)",
                          counterexample="at {point} the slack is {slack}",
                          values={"point": sorted_point(point), "slack": exact})
    value = sp.N(exact, 15)
    return StepResult(False, "numeric", "counterexample", f"fails at {show_point(point)}",
                      counterexample="at {point} the slack is {slack} (15 of 60 digits)",
                      sample={"points": 1, "dps": CONFIRM_DPS}, values={"point": sorted_point(point), "slack": value})


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
            return StepResult(False, "symbolic", "Poly", f"not a polynomial in {self.var}",
                              counterexample="${expr}$ is not a polynomial in ${var}$", values={"expr": expr, "var": self.var})
        poly = sp.Poly(expr, self.var)
        degree = poly.degree()
        if degree > self.degree or (not self.at_most and degree != self.degree):
            return StepResult(False, "symbolic", "Poly", f"degree is {degree}, claimed {self.degree}",
                              counterexample="the leading term is ${term}$",
                              values={"term": sp.Mul(poly.LC(), self.var**degree, evaluate=False)})
        leading = _force(self.leading)
        if leading is not None:
            coefficient = poly.coeff_monomial(self.var**self.degree)
            if sp.simplify(coefficient - sp.sympify(leading)) != 0:
                return StepResult(False, "symbolic", "Poly", f"coefficient of {self.var}**{self.degree} is {coefficient}",
                                  counterexample=r"the coefficient is ${coefficient} \ne {leading}$",
                                  values={"coefficient": coefficient, "leading": sp.sympify(leading)})
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
    r"""A comparison ``lhs > rhs`` and whether it holds; ``lhs`` and ``rhs`` are the exact values compared
    (SymPy numbers, or their text), which a counterexample or hypothesis text shows as ``{lhs}``, ``{rhs}``."""

    lhs: Any
    rhs: Any
    holds: bool


@dataclass(frozen=True, kw_only=True)
class Witness(Step):
    r"""Existence, shown by explicit points: for each parameter set in ``cases``,
    ``verify(params, construct(params))`` must hold exactly.

    ``wrong_constructions`` are plausible but wrong constructors (points on
    the same side of a boundary, a step too large, ...) that must be rejected.

    ``for_all`` (default): the witness answers a statement "for every choice of
    the constants" (every L, every (L0, L1)); checking it on finitely many
    ``cases`` is ``proved-on-scope`` with the cases as its scope.  Set it to
    ``False`` for a plain existence claim ("there is a point where ..."), which
    one exactly checked case proves.  ``user_checked`` notes that the
    ``witness`` command checks the same construction for any constant a user
    names.
    """

    construct: Callable[[Mapping[str, Any]], Any]
    verify: Callable[[Mapping[str, Any], Any], WitnessCheck]
    cases: Sequence[Mapping[str, Any]]
    wrong_constructions: Sequence[Callable[[Mapping[str, Any]], Any]] = ()
    method: str = "exact-rational"
    #: ``numeric`` when ``verify`` only compares high-precision values (not a proof).
    checked: Checked = "symbolic"
    for_all: bool = True

    kind = "witness"

    def check(self) -> StepResult:
        for params in self.cases:
            outcome = self.verify(params, self.construct(params))
            if not outcome.holds:
                return StepResult(False, self.checked, self.method, f"witness fails for {dict(params)}",
                                  counterexample=r"${lhs} \le {rhs}$",
                                  values={"lhs": outcome.lhs, "rhs": outcome.rhs})
        how = "exactly" if self.checked == "symbolic" else "numerically"
        detail = f"witness verified {how} for {len(self.cases)} cases"
        values = {"lhs": outcome.lhs, "rhs": outcome.rhs} if self.cases else {}
        if self.checked != "symbolic":
            return StepResult(True, self.checked, self.method, detail, sample={"points": len(self.cases)},
                              values=values)
        if self.for_all:
            return StepResult(True, "symbolic", self.method, detail, evidence="proved-on-scope",
                              scope={"cases": [_show_case(c) for c in self.cases]}, values=values)
        return StepResult(True, "symbolic", self.method, detail, values=values)

    def mutants(self) -> list[Step]:
        return [self._variant(f"wrong construction {i + 1}", construct=wrong, wrong_constructions=())
                for i, wrong in enumerate(self.wrong_constructions)]


def _show_case(case: Mapping[str, Any]) -> dict[str, str]:
    return {str(k): _show_value(v) for k, v in case.items()}


def _show_value(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_show_value(v) for v in value) + "]"
    text = str(value)
    return text if len(text) <= 40 else f"{text[:12]}...({len(text)} chars)"


# ---------------------------------------------------------------- numeric mirror


@dataclass(frozen=True, kw_only=True)
class NumericAgreement(Step):
    r"""A closed form agrees with the independent numeric mirror at ``points``:
    ``|closed_form(p) - mirror(p)| <= tolerance(dps) * max(1, |mirror(p)|)``.

    ``dps`` is the precision the comparison is said to run at, and the only
    place the tolerance comes from (:func:`tolerance`).  Both sides must deliver
    values of at least that precision (mpmath numbers computed at ``dps`` or
    more, exact rationals, SymPy numbers): a Python or NumPy binary float
    (53 bits) where ``dps > 15`` is refused as a :class:`PrecisionMismatch`,
    unless the step states ``dps=15`` (a float comparison, said as such).
    """

    closed_form: Callable[[Any], Any]
    mirror: Callable[[Any], Any]
    points: Sequence[Any]
    dps: int = 60
    describe: Callable[[Any], str] = str

    kind = "numeric-agreement"

    def check(self) -> StepResult:
        if self.closed_form is self.mirror:
            raise VacuousStep("the closed form and the mirror are the same function: the step would check nothing")
        worst = mpmath.mpf(0)
        with mpmath.workdps(self.dps + 20):
            bound = tolerance(self.dps)
            for point in self.points:
                a = to_mpmath(self.closed_form(point), self.dps)
                b = to_mpmath(self.mirror(point), self.dps)
                error = abs(a - b) / max(1, abs(b))
                if not error <= bound:
                    shown = f"{mpmath.nstr(a, 20)} vs {mpmath.nstr(b, 20)}"
                    return StepResult(False, "numeric", "mirror", f"closed form vs mirror: {shown}",
                                      counterexample=f"{self.describe(point)}: {shown}",
                                      sample={"points": len(self.points), "dps": self.dps,
                                              "at": [self.describe(p) for p in self.points]})
                worst = max(worst, error)
            shown_worst = "0 (identical values)" if worst == 0 else mpmath.nstr(worst, 3)
        return StepResult(True, "numeric", "mirror",
                          f"agrees with the independent mirror at {len(self.points)} points at {self.dps} digits "
                          f"(tolerance {mpmath.nstr(bound, 3)}; worst relative error {shown_worst})",
                          sample={"points": len(self.points), "dps": self.dps, "worst": shown_worst,
                                  "at": [self.describe(p) for p in self.points]},
                          values={"worst": shown_worst})

    def mutants(self) -> list[Step]:
        shifted, dps = self.closed_form, self.dps
        return [self._variant("closed form perturbed", closed_form=lambda p: _perturb(shifted(p), dps))]


def tolerance(dps: int) -> mpmath.mpf:
    r"""The relative tolerance of a comparison at ``dps`` digits: two thirds of them must agree.

    >>> [mpmath.nstr(tolerance(d), 3) for d in (60, 15)]
    ['1.0e-40', '1.0e-10']
    """
    return mpmath.mpf(f"1e-{(2 * dps) // 3}")


#: Working precision of closed-form vs mirror comparisons (default step precision + guard digits).
COMPARE_DPS = 80


def to_mpmath(value: Any, dps: int = 60) -> Any:
    r"""A SymPy, Fraction, int, mpmath (or, at ``dps <= 15``, float) number as an mpmath number.

    >>> to_mpmath(sp.Rational(1, 4))
    mpf('0.25')
    >>> to_mpmath(0.1)
    Traceback (most recent call last):
    ...
    proofs.errors.PrecisionMismatch: a binary float (53 bits, about 16 digits) cannot be compared at 60 digits
    """
    if isinstance(value, sp.Basic):
        number = sp.N(value, max(dps, 15) + 20)
        re, im = sp.re(number), sp.im(number)
        real = mpmath.mpf(str(re)) if re.is_finite else mpmath.inf * (1 if re > 0 else -1)
        return real if im == 0 else mpmath.mpc(real, mpmath.mpf(str(im)))
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    # mpf values carry no precision of their own: the mirror promises the digits it computed at.
    if isinstance(value, bool) or (not isinstance(value, (int, mpmath.mpf, mpmath.mpc)) and dps > 15):
        raise PrecisionMismatch(f"a binary float (53 bits, about 16 digits) cannot be compared at {dps} digits")
    return mpmath.mpmathify(value)


def _perturb(value, dps: int = 60):
    return to_mpmath(value, dps) * (1 + mpmath.mpf("1e-6")) + mpmath.mpf("1e-6")


# ---------------------------------------------------------------- case split


@dataclass(frozen=True, kw_only=True)
class CaseSplit(Step):
    r"""A proof by cases: each ``(condition, step)`` of ``cases`` holds, and Z3
    proves that the conditions cover ``domain`` (the symbols' assumptions and
    intervals).  Its evidence is the weakest of the cases' when the cover is
    proved; a gap in the cover is a failure with an exact point in the gap.

    Each case's step must itself be restricted to its condition (its own
    ``domain``, or symbols with the right assumptions): the cover is what this
    step adds.
    """

    cases: Sequence[tuple[Any, Step]]
    domain: Mapping[sp.Symbol, tuple] = field(default_factory=dict)

    kind = "case-split"

    def check(self) -> StepResult:
        conditions = [sp.sympify(c) for c, _ in self.cases]
        cover = z3check.covers(conditions, self.domain)
        if cover.outcome == "counterexample":
            return StepResult(False, "symbolic", "z3-cover", f"the cases miss {show_point(cover.point)}",
                              counterexample="the point {point} is in no case", engines=("z3",),
                              values={"point": sorted_point(cover.point)})
        if cover.outcome != "proved":
            return StepResult(False, "undecided", "z3-cover", f"Z3 cannot decide that the cases cover the domain ({cover.reason})")
        results = [step.run() for _, step in self.cases]
        for (condition, step), result in zip(self.cases, results):
            if not result.ok:
                return dataclasses.replace(result, detail=f"case {condition} ({step.label}): {result.detail}")
        levels = [r.evidence for r in results]
        weakest_result = results[max(range(len(levels)), key=lambda i: _LEVEL_ORDER.index(levels[i]))]
        detail = f"{len(self.cases)} cases cover the domain (Z3); each case: " + "; ".join(
            f"{c}: {r.evidence}" for c, r in zip(conditions, results))
        return dataclasses.replace(weakest_result, method="case-split", detail=detail,
                                   engines=tuple(sorted({"z3", *(e for r in results for e in r.engines)})))

    def mutants(self) -> list[Step]:
        out: list[Step] = []
        if len(self.cases) > 1:
            out.append(self._variant("last case dropped", cases=tuple(self.cases[:-1])))
        for i, (condition, step) in enumerate(self.cases):
            out += [self._variant(f"case {i + 1}: {m.label}", cases=tuple(
                (c, m if j == i else s) for j, (c, s) in enumerate(self.cases))) for m in step.mutants()[:1]]
        return out


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
