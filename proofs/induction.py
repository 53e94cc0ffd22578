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
from proofs.steps import Equality, Step, StepResult, check_zero

__all__ = ["BaseCase", "Induction", "InductiveStep", "Recursion", "conjuncts"]

Proposition = Any  # a SymPy Eq, or an And of Eqs


def conjuncts(proposition: Proposition) -> list[sp.Eq]:
    r"""The equations of a proposition (``And`` flattened); anything else is refused.

    >>> a, b = sp.symbols("a b")
    >>> conjuncts(sp.And(sp.Eq(a, 1), sp.Eq(b, 2)))
    [Eq(a, 1), Eq(b, 2)]
    """
    parts = list(proposition.args) if isinstance(proposition, sp.And) else [proposition]
    for part in parts:
        if not isinstance(part, sp.Equality):
            raise ValueError(f"an induction proposition is an equation (or And of equations), not {part}")
    return parts


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

    kind = "inductive step"

    def check(self) -> StepResult:
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


@dataclass(frozen=True, kw_only=True)
class Induction(Step):
    r"""``statement(ℓ)`` for every integer ℓ ≥ ``start``, from ``base``, ``step`` and the ``using`` facts.

    ``instances(k)`` maps the quantities of ``statement(k)`` to their directly computed values
    (for k = start, ..., start + ``cross_checks`` - 1): an independent cross-check.
    """

    variable: sp.Symbol
    start: int
    statement: Callable[[Any], Proposition]
    base: Step
    step: InductiveStep
    using: Sequence[Step] = ()
    instances: Callable[[int], Mapping[Any, Any]] | None = None
    cross_checks: int = 3

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
                                  counterexample=result.counterexample, evidence=result.evidence
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
        if not isinstance(self.base, BaseCase):
            return f"the base case `{self.base.label}` must be a BaseCase (its proposition derived from its check)"
        loose = [u.label for u in self.using if not isinstance(u, Recursion)]
        if loose:
            return f"`{loose[0]}` must be a Recursion (its proposition derived from its check)"
        if (ell.is_positive and start < 1) or (ell.is_nonnegative and start < 0):
            return f"{ell} is declared {'positive' if ell.is_positive else 'nonnegative'}: it cannot start at {start}"
        if self.base.establishes != self.statement(sp.Integer(start)):
            return (f"the base case `{self.base.label}` establishes {self.base.establishes}, "
                    f"not the statement at {ell} = {start}: {self.statement(sp.Integer(start))}")
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
        return f"{self.start}..{self.start + self.cross_checks - 1}"

    def _cross_check(self) -> str | None:
        r"""The first small ℓ where the statement disagrees with the direct computation."""
        if self.instances is None:
            return None
        for k in range(self.start, self.start + self.cross_checks):
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
