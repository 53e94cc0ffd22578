r"""Induction over an integer (the depth ℓ): a base case and an inductive step, combined by the engine.

A family statement "for every depth ℓ ≥ ℓ₀, P(ℓ)" is proved by

* a **base case** (:class:`BaseCase`): the quantity computed at ℓ₀ equals the
  printed value; it establishes ``Eq(Q(ℓ₀), value)``, which must be exactly P(ℓ₀);
* **recursions** (:class:`Recursion`): one layer, applied to a *generic* input
  ``a`` standing for Q(ℓ), gives G(a), for every ``a`` (an exact identity); it
  establishes ``Eq(Q(ℓ+1), G(Q(ℓ)))``.  What links the computation to Q is the
  definition of Q (the layer map computes layer ℓ+1 from layer ℓ): that is the
  one thing said in words (the step's justification), so keep it visible;
* an **inductive step** (:class:`InductiveStep`): assuming P(ℓ), the conclusion
  P(ℓ+1), where the conclusion's sides are rewritten with the recursions and then
  with the hypothesis, and the difference is decided exactly.

The established propositions are *derived* from what was checked (the checked
right-hand side, with the generic input replaced by Q(ℓ)), never declared beside
it, so a step cannot claim more than its check shows.

:class:`Induction` checks the bookkeeping that makes this a proof — the base
proves P at ℓ₀ and nothing else, the inductive step assumes exactly P(ℓ) and
concludes exactly P(ℓ+1), every fact it rewrites with is established by a
checked step, ℓ is an integer symbol whose assumptions allow every ℓ ≥ ℓ₀ —
then runs the parts.  Only when every part is ``proved`` is the induction
``proved`` for every ℓ ≥ ℓ₀; otherwise it carries the weakest evidence of its
parts.  ``instances`` (the quantities computed directly at small ℓ) give an
independent cross-check: a general proof that disagrees with a direct
computation is flagged ``undecided`` for a person, never accepted.

Propositions are SymPy equations ``Eq(Q(ℓ), F(ℓ))`` (or ``And`` of them) in
which ``Q`` is an undefined function standing for the quantity at depth ℓ.
Compared structurally: "exactly" means the same expression tree.

>>> l = sp.Symbol("l", integer=True, positive=True)
>>> i, a = sp.Symbol("i", integer=True, positive=True), sp.Symbol("a")
>>> Q = sp.Function("Q")
>>> P = lambda m: sp.Eq(Q(m), m * (m + 1) / 2)
>>> total = lambda m: sp.summation(i, (i, 1, m))
>>> base = BaseCase(label="base", latex="", quantity=Q(1), lhs=lambda: total(1), rhs=sp.Integer(1))
>>> fact = Recursion(label="add_next_term", latex="", quantity_next=Q(l + 1), generic={a: Q(l)},
...                  lhs=lambda: a + total(l + 1) - total(l), rhs=a + l + 1)
>>> step = InductiveStep(label="step", latex="", hypothesis=P(l), conclusion=P(l + 1), facts=(fact.establishes,))
>>> proof = Induction(label="gauss", latex="", variable=l, start=1, statement=P, base=base, step=step,
...                   using=(fact,), instances=lambda k: {Q(k): total(k)})
>>> r = proof.run()
>>> r.ok, r.evidence
(True, 'proved')
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import sympy as sp
from sympy.core.function import AppliedUndef

from proofs.evidence import weakest
from proofs import z3check
from proofs.steps import Equality, Inequality, Step, StepResult, check_zero

__all__ = ["BaseCase", "Bound", "Induction", "InductiveStep", "Recursion", "conjuncts"]

Proposition = Any  # a SymPy Eq, or an And of Eqs


def conjuncts(proposition: Proposition) -> list[sp.Rel]:
    r"""The relations of a proposition (``And`` flattened); anything else is refused.

    >>> a, b = sp.symbols("a b")
    >>> conjuncts(sp.And(sp.Eq(a, 1), sp.Le(b, 2)))
    [Eq(a, 1), b <= 2]
    """
    parts = list(proposition.args) if isinstance(proposition, sp.And) else [proposition]
    for part in parts:
        if not isinstance(part, (sp.Equality, sp.Le, sp.Lt, sp.Ge, sp.Gt)):
            raise ValueError(f"an induction proposition is a relation (or And of relations), not {part}")
    return parts


def _equations_only(propositions: Sequence[Proposition]) -> bool:
    return all(isinstance(r, sp.Equality) for p in propositions for r in conjuncts(p))


def _rules(propositions: Sequence[Proposition]) -> dict:
    r"""Rewrite rules ``Q(...) -> value`` from equations whose left side is the quantity."""
    rules = {}
    for proposition in propositions:
        for eq in conjuncts(proposition):
            if not isinstance(eq.lhs, (AppliedUndef, sp.Symbol)):
                raise ValueError(f"a rewrite rule needs the quantity on the left, got {eq}")
            rules[eq.lhs] = eq.rhs
    return rules


@dataclass(frozen=True, kw_only=True)
class BaseCase(Equality):
    r"""The quantity ``quantity`` (``Q(1)``) computed directly (``lhs``) equals ``rhs``:
    establishes ``Eq(quantity, rhs)``."""

    quantity: Any

    kind = "base case"

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "establishes", sp.Eq(self.quantity, sp.sympify(_value(self.rhs))))


@dataclass(frozen=True, kw_only=True)
class Recursion(Equality):
    r"""One layer on a generic input: ``lhs`` (the layer computed on the symbols of ``generic``)
    equals ``rhs`` = G(a) for every value of them; establishes
    ``Eq(quantity_next, G(a) with a -> generic[a])`` (e.g. ``Eq(Q(l+1), s**2*w*Q(l))``)."""

    quantity_next: Any
    generic: Mapping[sp.Symbol, Any]

    kind = "recursion"

    def __post_init__(self) -> None:
        super().__post_init__()
        rhs = sp.sympify(_value(self.rhs)).xreplace(dict(self.generic))
        object.__setattr__(self, "establishes", sp.Eq(self.quantity_next, rhs))


@dataclass(frozen=True, kw_only=True)
class Bound(Inequality):
    r"""An inequality between closed forms (``lhs`` ``relation`` ``rhs`` for every value of the
    symbols), read as a fact about the sequence's quantities through ``generic``, a map from
    sub-expressions to quantities (``{s(u): S(k), s(gamma*u): S(k+1)}``); establishes the relation
    with those sub-expressions replaced.  What is checked is the closed-form inequality; the link
    (``u = gamma^(k+1)`` ranges over the domain given) is the definition, said in the justification."""

    generic: Mapping[Any, Any]

    kind = "bound"

    def __post_init__(self) -> None:
        super().__post_init__()
        rel = {"<=": sp.Le, "<": sp.Lt, ">=": sp.Ge, ">": sp.Gt}[self.relation]
        lhs, rhs = (_read_as_quantities(sp.sympify(_value(side)), self.generic) for side in (self.lhs, self.rhs))
        object.__setattr__(self, "establishes", rel(lhs, rhs, evaluate=False))


def _read_as_quantities(expr: sp.Expr, generic: Mapping[Any, Any]) -> sp.Expr:
    r"""``expr`` with each sub-expression of ``generic`` replaced by its quantity (largest first;
    SymPy's ``subs`` also finds a product inside a product: ``2*t`` -> ``2*T(k+1)``)."""
    for pattern in sorted(generic, key=sp.count_ops, reverse=True):
        expr = expr.subs(pattern, generic[pattern])
    return expr


def _value(side: Any) -> Any:
    return side() if callable(side) and not isinstance(side, sp.Basic) else side


@dataclass(frozen=True, kw_only=True)
class InductiveStep(Step):
    r"""P(ℓ) ⟹ P(ℓ+1): each equation of ``conclusion``, rewritten first with the recursion
    ``facts`` and then with the ``hypothesis``, holds identically (decided by
    :func:`proofs.steps.check_zero`: exact, Z3 as second engine)."""

    hypothesis: Proposition
    conclusion: Proposition
    facts: Sequence[Proposition] = ()
    #: Premises on the parameters (``0 < gamma < 1``) for the relational (Z3) mode.
    assuming: Sequence[Any] = ()

    kind = "inductive step"

    def check(self) -> StepResult:
        if not _equations_only([self.hypothesis, self.conclusion, *self.facts]):
            return self._check_relations()
        facts, hypothesis = _rules(self.facts), _rules([self.hypothesis])
        results = []
        for eq in conjuncts(self.conclusion):
            difference = (eq.lhs - eq.rhs).subs(facts).subs(hypothesis)
            if difference.atoms(AppliedUndef):
                return StepResult(False, "symbolic", "rewrite",
                                  f"{eq}: after the recursion and the hypothesis, {difference} still names "
                                  f"{sorted(map(str, difference.atoms(AppliedUndef)))}: the step does not close")
            results.append((eq, check_zero(sp.simplify(difference) if difference.is_Add else difference)))
        failed = [(eq, r) for eq, r in results if not r.ok]
        if failed:
            eq, r = failed[0]
            return dataclasses.replace(r, detail=f"{eq} does not follow from the hypothesis: {r.detail}")
        level = weakest(r.evidence for _, r in results)
        return StepResult(True, "symbolic", "rewrite-then-exact",
                          f"assuming {self.hypothesis}, {self.conclusion} follows exactly", evidence=level,
                          scope=next((r.scope for _, r in results if r.scope), None),
                          sample=next((r.sample for _, r in results if r.sample), None))


    def _check_relations(self) -> StepResult:
        r"""Inequalities: every quantity becomes a real unknown; Z3 shows that the hypothesis, the
        facts and the premises leave no room for the conclusion to fail (a decision procedure:
        ``proved``, or an exactly re-checked counterexample)."""
        quantities = set().union(*(sp.sympify(p).atoms(AppliedUndef)
                                   for p in [self.hypothesis, self.conclusion, *self.facts]))
        unknowns = {q: sp.Symbol(f"_q{i}", real=True) for i, q in enumerate(sorted(quantities, key=str))}
        premises = [r.xreplace(unknowns) for p in [self.hypothesis, *self.facts] for r in conjuncts(p)]
        premises += list(self.assuming)
        for relation in conjuncts(self.conclusion):
            r = relation.xreplace(unknowns)
            gap, rel = {sp.Le: (r.rhs - r.lhs, ">="), sp.Lt: (r.rhs - r.lhs, ">"), sp.Ge: (r.lhs - r.rhs, ">="),
                        sp.Gt: (r.lhs - r.rhs, ">"), sp.Equality: (r.lhs - r.rhs, "==")}[type(r)]
            verdict = z3check.decide(gap, rel, assuming=premises)
            if verdict.outcome != "proved":
                names = {v: q for q, v in unknowns.items()}
                point = {str(names.get(k, k)): str(v) for k, v in (verdict.point or {}).items()}
                return StepResult(False, "symbolic", "z3", f"{relation} does not follow from the hypothesis and the "
                                  f"facts: z3 {verdict.outcome} ({verdict.reason})",
                                  counterexample=str(point) if verdict.point else None)
        return StepResult(True, "symbolic", "z3", f"assuming {self.hypothesis} and the facts, {self.conclusion} "
                          "(Z3: the negation is unsatisfiable)", engines=("z3",))


@dataclass(frozen=True, kw_only=True)
class Induction(Step):
    r"""``statement(ℓ)`` for every integer ℓ ≥ ``start``, from ``base``, ``step`` and the ``using`` facts.

    ``instances(k)`` maps the quantities of ``statement(k)`` to their directly computed values
    (for k = start, ..., start + ``instance_count`` - 1): an independent cross-check.
    """

    variable: sp.Symbol
    #: ℓ₀: an integer, or a nonnegative integer symbol (an index the base case shows exists).
    start: int | sp.Symbol
    statement: Callable[[Any], Proposition]
    base: Step
    step: InductiveStep
    using: Sequence[Step] = ()
    instances: Callable[[int], Mapping[Any, Any]] | None = None
    instance_count: int = 3

    kind = "induction"

    def check(self) -> StepResult:
        problem = self._bookkeeping()
        if problem:
            return StepResult(False, "symbolic", "induction", problem)
        parts = [("base", self.base), ("step", self.step), *[("fact", u) for u in self.using]]
        results = [(role, part, part.run()) for role, part in parts]
        for role, part, result in results:
            if not result.ok:
                return StepResult(False, result.checked if result.undecided else "symbolic", "induction",
                                  f"the {role} `{part.label}` fails: {result.detail}",
                                  counterexample=result.counterexample, values=result.values, evidence=result.evidence
                                  if result.undecided else None)
        disagreement = self._cross_check()
        if disagreement:
            return StepResult(False, "undecided", "induction-vs-instances", disagreement)
        level = weakest(r.evidence for _, _, r in results)
        scoped = next((r.scope for _, _, r in results if r.scope), None)
        ell = self.variable
        checked = f"; agrees with the direct computation at {ell} = {self._checked_range()}" if self.instances else ""
        return StepResult(
            True, "symbolic", "induction",
            f"{self.statement(ell)} for every integer {ell} >= {self.start}: base `{self.base.label}`, "
            f"step `{self.step.label}`" + (f", using {', '.join(f'`{u.label}`' for u in self.using)}"
                                            if self.using else "") + checked,
            evidence=level, scope=scoped,
            sample=next((r.sample for _, _, r in results if r.sample), None),
            values={"variable": str(ell), "start": self.start, "base": self.base.label, "step": self.step.label,
                    "using": [u.label for u in self.using]})

    def _bookkeeping(self) -> str | None:
        r"""Why the parts do not make an induction (``None`` when they do)."""
        ell, start = self.variable, self.start
        if not (isinstance(ell, sp.Symbol) and ell.is_integer):
            return f"the induction variable {ell} must be an integer symbol"
        if not isinstance(self.base, (BaseCase, Bound)):
            return (f"the base case `{self.base.label}` must be a BaseCase or a Bound "
                    f"(its proposition derived from its check)")
        loose = [u.label for u in self.using if not isinstance(u, (Recursion, Bound))]
        if loose:
            return f"`{loose[0]}` must be a Recursion or a Bound (its proposition derived from its check)"
        if isinstance(start, sp.Symbol):
            if not (start.is_integer and start.is_nonnegative):
                return f"a symbolic start {start} must be a nonnegative integer symbol"
        elif (ell.is_positive and start < 1) or (ell.is_nonnegative and start < 0):
            return f"{ell} is declared {'positive' if ell.is_positive else 'nonnegative'}: it cannot start at {start}"
        first = self.statement(sp.sympify(start))
        if self.base.establishes != first:
            return (f"the base case `{self.base.label}` establishes {self.base.establishes}, "
                    f"not the statement at {ell} = {start}: {first}")
        if self.step.hypothesis != self.statement(ell):
            return f"the inductive step assumes {self.step.hypothesis}, not the statement at {ell}: {self.statement(ell)}"
        if self.step.conclusion != self.statement(ell + 1):
            return (f"the inductive step concludes {self.step.conclusion}, "
                    f"not the statement at {ell} + 1: {self.statement(ell + 1)}")
        established = [u.establishes for u in self.using]
        unproved = [f for f in self.step.facts if f not in established]
        if unproved:
            return f"the inductive step uses {unproved[0]}, which no step of `using` establishes"
        return None

    def _checked_range(self) -> str:
        return f"{self.start}..{self.start + self.instance_count - 1}"

    def _cross_check(self) -> str | None:
        r"""The first small ℓ where the statement disagrees with the direct computation."""
        if self.instances is None or isinstance(self.start, sp.Symbol):
            return None
        for k in range(self.start, self.start + self.instance_count):
            values = self.instances(k)
            for eq in conjuncts(self.statement(sp.Integer(k))):
                difference = sp.simplify((eq.lhs - eq.rhs).subs(values))
                if difference != 0:
                    return (f"the statement proved by induction disagrees with the direct computation at "
                            f"{self.variable} = {k}: {eq} leaves {difference}")
        return None

    def mutants(self) -> list[Step]:
        r"""Wrong inductions the engine must refuse: a base at the wrong ℓ, a step that assumes what
        it concludes, a step that concludes P(ℓ) again, a fact no step proves."""
        ell = self.variable
        out: list[Step] = [
            self._variant("base at the wrong start", start=self.start + 1),
            self._variant("circular step", step=dataclasses.replace(self.step, hypothesis=self.statement(ell + 1))),
            self._variant("step concludes P(l)", step=dataclasses.replace(self.step, conclusion=self.statement(ell))),
        ]
        if self.using:
            out.append(self._variant("an unproved fact", using=tuple(self.using[1:])))
        return out


def typeset(induction: Induction) -> list[str]:
    r"""The induction as a reader writes it, in LaTeX lines: the base case, the facts, the inductive
    step (assuming P(ℓ), P(ℓ+1)), and the conclusion — each formula from the checked objects."""
    ell, start = induction.variable, induction.start
    show = lambda e: sp.latex(e)  # noqa: E731
    lines = [rf"By induction on ${show(ell)}$ from ${show(sp.sympify(start))}$:", r"\begin{itemize}",
             rf"\item base case (\texttt{{{_tex_label(induction.base.label)}}}): "
             rf"${show(induction.base.establishes)}$;"]
    lines += [rf"\item fact (\texttt{{{_tex_label(u.label)}}}): ${show(u.establishes)}$;" for u in induction.using]
    lines += [rf"\item inductive step (\texttt{{{_tex_label(induction.step.label)}}}): assuming "
              rf"${show(induction.step.hypothesis)}$, then ${show(induction.step.conclusion)}$;",
              rf"\item hence ${show(induction.statement(ell))}$ for every integer ${show(ell)}\ge{show(sp.sympify(start))}$.",
              r"\end{itemize}"]
    return lines


def _tex_label(label: str) -> str:
    return label.replace("_", r"\_\allowbreak{}")
