r"""Z3 as a second, independent decision procedure for real arithmetic.

SymPy's simplification and sign reasoning are heuristics; for polynomial and
piecewise-linear real arithmetic there is a decision procedure: Z3's nonlinear
real arithmetic (nlsat).  :func:`to_z3` translates a SymPy expression built from
rationals, symbols, ``+ - * /``, integer powers, square roots, ``Abs``, ``Max``,
``Min``, ``sign``, ``Heaviside`` and ``Piecewise`` (with relational conditions)
into a Z3 term; anything else raises :class:`NotTranslatable`.

:func:`decide` asks whether ``gap >= 0`` (or ``> 0``, or ``== 0``) holds at every
point of a domain.  Its answer is one of

* ``proved``        Z3 found the negation unsatisfiable: true on the whole domain;
* ``counterexample`` a point of the domain where it fails, **re-checked in exact
  rational arithmetic by SymPy** (a countermodel that cannot be confirmed
  exactly is reported as ``unknown``, never as a counterexample);
* ``unknown``       Z3 gave up within its resource limit, or the expression is
  out of its fragment.

The budget is Z3's ``rlimit``, a count of solver operations: the same query gets
the same answer on any machine, however busy (wall-clock budgets do not).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, Mapping, Sequence

import sympy as sp
import z3

from proofs.enclosure import NotEnclosable, enclose

#: Resource limit (Z3 operation count) of one query; deterministic across machines.
RLIMIT = 4_000_000
#: Expressions with more operations than this are not sent (recorded as "skipped").
MAX_OPS = 400

Relation = Literal[">=", ">", "=="]


class NotTranslatable(ValueError):
    r"""The expression leaves Z3's real-arithmetic fragment."""


@dataclass(frozen=True)
class Z3Verdict:
    r"""Z3's answer: ``proved``, ``counterexample`` (exactly re-checked) or ``unknown``."""

    outcome: Literal["proved", "counterexample", "unknown"]
    point: dict[sp.Symbol, sp.Rational] | None = None
    reason: str = ""


class _Translator:
    def __init__(self) -> None:
        self.variables: dict[sp.Symbol, z3.ArithRef] = {}
        self.side: list[z3.BoolRef] = []  # definitions of auxiliary variables (square roots)
        self._roots = 0

    def var(self, symbol: sp.Symbol) -> z3.ArithRef:
        if symbol not in self.variables:
            if symbol.is_integer:
                self.variables[symbol] = z3.ToReal(z3.Int(symbol.name))
            else:
                self.variables[symbol] = z3.Real(symbol.name)
        return self.variables[symbol]

    def term(self, e: sp.Basic) -> z3.ArithRef:
        if e.is_Rational:
            return z3.RealVal(f"{e.p}/{e.q}")
        if isinstance(e, sp.Symbol):
            return self.var(e)
        if isinstance(e, sp.Add):
            return z3.Sum([self.term(a) for a in e.args])
        if isinstance(e, sp.Mul):
            out = self.term(e.args[0])
            for a in e.args[1:]:
                out = out * self.term(a)
            return out
        if isinstance(e, sp.Pow):
            return self.power(e)
        if isinstance(e, sp.Abs):
            a = self.term(e.args[0])
            return z3.If(a >= 0, a, -a)
        if isinstance(e, (sp.Max, sp.Min)):
            args = [self.term(a) for a in e.args]
            out = args[0]
            for a in args[1:]:
                out = z3.If(a >= out, a, out) if isinstance(e, sp.Max) else z3.If(a <= out, a, out)
            return out
        if isinstance(e, sp.sign):
            a = self.term(e.args[0])
            return z3.If(a > 0, z3.RealVal(1), z3.If(a < 0, z3.RealVal(-1), z3.RealVal(0)))
        if isinstance(e, sp.Heaviside):
            a = self.term(e.args[0])
            half = sp.Rational(1, 2) if len(e.args) == 1 else e.args[1]
            return z3.If(a > 0, z3.RealVal(1), z3.If(a < 0, z3.RealVal(0), self.term(half)))
        if isinstance(e, sp.Piecewise):
            return self.piecewise(list(e.args))
        raise NotTranslatable(f"{type(e).__name__} is outside Z3's real arithmetic")

    def power(self, e: sp.Pow) -> z3.ArithRef:
        base, exponent = e.args
        if exponent.is_Integer:
            n = int(exponent)
            if abs(n) > 64:
                raise NotTranslatable("power too large")
            return self._pow(self.term(base), n)
        if exponent.is_Rational and exponent.q == 2:
            root = z3.Real(f"__sqrt{self._roots}")
            self._roots += 1
            radicand = self.term(base)
            # root is *the* square root: unique, so adding its definition is sound for both proofs and models.
            self.side += [root >= 0, root * root == radicand, radicand >= 0]
            return self._pow(root, int(exponent.p))
        raise NotTranslatable(f"power {exponent} is outside Z3's real arithmetic")

    def _pow(self, base: z3.ArithRef, n: int) -> z3.ArithRef:
        out = z3.RealVal(1)
        for _ in range(abs(n)):
            out = out * base
        if n < 0:
            self.side.append(base != 0)
            return 1 / out
        return out

    def piecewise(self, pieces: list) -> z3.ArithRef:
        (value, condition), rest = pieces[0], pieces[1:]
        if condition == sp.true or not rest:
            if condition != sp.true:
                raise NotTranslatable("Piecewise without a default branch")
            return self.term(value)
        return z3.If(self.condition(condition), self.term(value), self.piecewise(rest))

    def condition(self, c: sp.Basic) -> z3.BoolRef:
        if c == sp.true:
            return z3.BoolVal(True)
        if c == sp.false:
            return z3.BoolVal(False)
        if isinstance(c, sp.And):
            return z3.And([self.condition(a) for a in c.args])
        if isinstance(c, sp.Or):
            return z3.Or([self.condition(a) for a in c.args])
        if isinstance(c, sp.Not):
            return z3.Not(self.condition(c.args[0]))
        ops = {sp.StrictLessThan: lambda a, b: a < b, sp.LessThan: lambda a, b: a <= b,
               sp.StrictGreaterThan: lambda a, b: a > b, sp.GreaterThan: lambda a, b: a >= b,
               sp.Equality: lambda a, b: a == b, sp.Unequality: lambda a, b: a != b}
        for kind, op in ops.items():
            if isinstance(c, kind):
                return op(self.term(c.lhs), self.term(c.rhs))
        raise NotTranslatable(f"condition {type(c).__name__} is outside Z3's real arithmetic")


def translatable(expr: sp.Basic) -> bool:
    r"""True when ``expr`` lies in the fragment :func:`to_z3` handles (and is small enough).

    >>> x = sp.Symbol("x", real=True)
    >>> translatable(sp.Abs(x)**2 - x**2), translatable(sp.exp(x))
    (True, False)
    """
    try:
        if sp.count_ops(expr) > MAX_OPS:
            return False
        _Translator().term(expr)
        return True
    except NotTranslatable:
        return False


def to_z3(expr: sp.Basic) -> tuple[z3.ArithRef, dict[sp.Symbol, z3.ArithRef], list[z3.BoolRef]]:
    r"""``(term, variables, side conditions)`` for a SymPy expression."""
    t = _Translator()
    term = t.term(expr)
    return term, t.variables, t.side


def _symbol_constraints(symbol: sp.Symbol, v: z3.ArithRef) -> list[z3.BoolRef]:
    if symbol.is_positive:
        return [v > 0]
    if symbol.is_negative:
        return [v < 0]
    if symbol.is_nonnegative:
        return [v >= 0]
    if symbol.is_nonpositive:
        return [v <= 0]
    if symbol.is_nonzero:
        return [v != 0]
    return []


def _interval_constraints(v: z3.ArithRef, interval: tuple) -> list[z3.BoolRef]:
    lo, hi = (sp.sympify(b) for b in interval)
    out = []
    for bound, op in ((lo, lambda a, b: a >= b), (hi, lambda a, b: a <= b)):
        if bound.is_finite:
            if not bound.is_Rational:
                raise NotTranslatable(f"interval bound {bound} is not rational")
            out.append(op(v, z3.RealVal(f"{bound.p}/{bound.q}")))
    return out


def decide(
    gap: sp.Expr,
    relation: Relation = ">=",
    domain: Mapping[sp.Symbol, tuple] | None = None,
    rlimit: int = RLIMIT,
    assuming: Sequence[sp.Basic] = (),
) -> Z3Verdict:
    r"""Does ``gap (relation) 0`` hold at every point of ``domain``?

    The domain is each symbol's SymPy assumptions (``positive``, ``integer`` ...)
    intersected with the closed intervals of ``domain`` and the relations in
    ``assuming`` (premises such as ``x*y > 0``).

    >>> x, y = sp.symbols("x y", real=True)
    >>> decide(x**2 - 2*x*y + y**2).outcome
    'proved'
    >>> v = decide(x**2 - 2, domain={x: (0, 2)})
    >>> v.outcome, v.point[x] ** 2 < 2
    ('counterexample', True)
    >>> decide(sp.Abs(x) - x, "==", {x: (0, sp.oo)}).outcome
    'proved'
    >>> decide(x * y, ">", assuming=[x > 0, y > 0]).outcome
    'proved'
    """
    gap = sp.sympify(gap)
    if sp.count_ops(gap) > MAX_OPS:
        return Z3Verdict("unknown", reason=f"skipped: more than {MAX_OPS} operations")
    try:
        t = _Translator()
        term = t.term(gap)
        premises = [t.condition(sp.sympify(a)) for a in assuming]
        variables, constraints = t.variables, list(t.side) + premises
        for symbol, v in variables.items():
            constraints += _symbol_constraints(symbol, v)
            if domain and symbol in domain:
                constraints += _interval_constraints(v, domain[symbol])
    except NotTranslatable as exc:
        return Z3Verdict("unknown", reason=str(exc))
    negation = {">=": term < 0, ">": term <= 0, "==": term != 0}[relation]
    solver = z3.Solver()
    solver.set("rlimit", rlimit)
    solver.add(*constraints, negation)
    answer = solver.check()
    if answer == z3.unsat:
        return Z3Verdict("proved", reason="negation unsatisfiable")
    if answer == z3.unknown:
        return Z3Verdict("unknown", reason=f"z3: {solver.reason_unknown()}")
    symbols = gap.free_symbols.union(*(sp.sympify(a).free_symbols for a in assuming))
    point = _exact_point(solver.model(), variables, symbols)
    if point is None:
        return Z3Verdict("unknown", reason="z3 countermodel is not rational")
    if all(bool(sp.sympify(a).subs(point)) for a in assuming) and _fails_exactly(gap, relation, point, domain):
        return Z3Verdict("counterexample", point=point, reason="countermodel re-checked in exact arithmetic")
    return Z3Verdict("unknown", reason="z3 countermodel not confirmed in exact arithmetic")


def _exact_point(model: z3.ModelRef, variables, symbols) -> dict[sp.Symbol, sp.Rational] | None:
    point = {}
    for symbol in symbols:
        v = variables.get(symbol)
        value = model.eval(v, model_completion=True) if v is not None else z3.RealVal(1)
        if z3.is_algebraic_value(value):
            value = value.approx(40)
        if not (z3.is_rational_value(value) or z3.is_int_value(value)):
            return None
        f = Fraction(value.as_fraction()) if z3.is_rational_value(value) else Fraction(value.as_long())
        point[symbol] = sp.Rational(f.numerator, f.denominator)
    return point


def _fails_exactly(gap: sp.Expr, relation: Relation, point, domain) -> bool:
    for symbol, value in point.items():
        if symbol.is_integer and not value.is_integer:
            return False
        if domain and symbol in domain:
            lo, hi = (sp.sympify(b) for b in domain[symbol])
            if (lo.is_finite and value < lo) or (hi.is_finite and value > hi):
                return False
        if not _respects_assumptions(symbol, value):
            return False
    value = gap.subs(point)
    if value.is_Rational:
        return bool({">=": value < 0, ">": value <= 0, "==": value != 0}[relation])
    try:  # an algebraic value (square roots): decide its sign with a rigorous Arb enclosure
        ball = enclose(value, {})
    except NotEnclosable:
        return False
    return bool(ball.upper() < 0 if relation != "==" else (ball.lower() > 0 or ball.upper() < 0))


def _respects_assumptions(symbol: sp.Symbol, value: sp.Rational) -> bool:
    checks = ((symbol.is_positive, value > 0), (symbol.is_negative, value < 0),
              (symbol.is_nonnegative, value >= 0), (symbol.is_nonpositive, value <= 0),
              (symbol.is_nonzero, value != 0))
    return all(ok for required, ok in checks if required)


def covers(conditions: list[sp.Basic], domain: Mapping[sp.Symbol, tuple] | None = None,
           rlimit: int = RLIMIT) -> Z3Verdict:
    r"""Do ``conditions`` (SymPy relations) cover every point of ``domain``?

    >>> x = sp.Symbol("x", real=True)
    >>> covers([x >= 0, x <= 0]).outcome
    'proved'
    >>> v = covers([x > 0, x < 0])
    >>> v.outcome, v.point
    ('counterexample', {x: 0})
    """
    t = _Translator()
    try:
        terms = [t.condition(c) for c in conditions]
        constraints = list(t.side)
        for symbol, v in t.variables.items():
            constraints += _symbol_constraints(symbol, v)
            if domain and symbol in domain:
                constraints += _interval_constraints(v, domain[symbol])
    except NotTranslatable as exc:
        return Z3Verdict("unknown", reason=str(exc))
    solver = z3.Solver()
    solver.set("rlimit", rlimit)
    solver.add(*constraints, z3.Not(z3.Or(terms)))
    answer = solver.check()
    if answer == z3.unsat:
        return Z3Verdict("proved", reason="no point outside every case")
    if answer == z3.unknown:
        return Z3Verdict("unknown", reason=f"z3: {solver.reason_unknown()}")
    symbols = set().union(*(c.free_symbols for c in conditions))
    point = _exact_point(solver.model(), t.variables, symbols)
    if point is None or any(bool(c.subs(point)) for c in conditions):
        return Z3Verdict("unknown", reason="z3 gap point not confirmed exactly")
    return Z3Verdict("counterexample", point=point, reason="a point in no case, re-checked exactly")
