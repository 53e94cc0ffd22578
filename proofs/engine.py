r"""The proof engine: claims, assumptions, steps, verdicts.

A :class:`Claim` is a printed statement with its assumptions and the steps of its
printed proof.  Every :class:`Step` checks itself and says *how* (``checked``:
``symbolic``, ``numeric``, ``cited``, ``undecided``) and *how far* (its evidence
level, :mod:`proofs.evidence`): ``proved`` for the whole domain,
``proved-on-scope`` (the scope printed beside it), ``confirmed`` (sampled),
``cited``, or ``undecided`` (the oracles disagree: flagged for a person,
neither a failure nor a proof).

A printed step that fails is kept, with its counterexample, and a step with
``repairs=<label>`` follows it.  The verdict is then derived, never declared:

* ``verified``               every step holds;
* ``verified-with-errata``   a printed proof step failed and its repair holds;
* ``refuted``                a printed *statement* step failed and its repair holds;
* ``open``                   some step failed with no passing repair;
* ``reading-dependent``      the claim has several plausible readings (:class:`Reading`)
                             and the verdict differs between them: ``by_reading``
                             gives each reading's verdict (a step that names a
                             reading counts only for it; the others count for all).

Every step can produce *mutants* (wrong versions: a flipped sign, a wrong
constant, a reversed relation); the test suite checks that each mutant of each
passing step is rejected, so no check can pass vacuously.

:func:`validate_claim` enforces the registration rules when a claim is loaded:
step labels unique, every ``repairs=`` target a printed step of the claim, the
module outline naming only step labels, and no hand-typed result in erratum,
note or hypothesis text (see :func:`typed_numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal, Mapping, Sequence

from proofs.errors import AssumptionViolated, InconsistentClaim
from proofs.evidence import LEVELS, describe, weakest
from proofs.steps import (
    CaseSplit,
    Check,
    Cited,
    Equality,
    Inequality,
    Limit,
    NumericAgreement,
    PolynomialDegree,
    Step,
    StepResult,
    Witness,
    WitnessCheck,
)

__all__ = [
    "Assumption",
    "CaseSplit",
    "Check",
    "Cited",
    "Claim",
    "ClaimReport",
    "Equality",
    "Erratum",
    "Inequality",
    "Limit",
    "Necessity",
    "NumericAgreement",
    "Parameter",
    "PolynomialDegree",
    "Reading",
    "Step",
    "StepResult",
    "Witness",
    "WitnessCheck",
    "assemble",
    "check_claim",
    "run_checks",
    "validate_claim",
]

Status = Literal["verified", "verified-with-errata", "refuted", "open", "reading-dependent"]


@dataclass(frozen=True)
class Necessity:
    r"""What happens to a claim without one of its assumptions.

    ``verdict`` is ``necessary`` (a counterexample when dropped), ``superfluous``
    (the conclusion survives) or ``unknown``; ``check`` is the step that
    establishes it (a witness, an equality, ...), run like any proof step, and
    its evidence level is the verdict's: "superfluous" shown on one family is
    ``proved-on-scope``, not ``proved``.  ``necessary`` needs a check: a
    counterexample behind it.
    """

    verdict: Literal["necessary", "superfluous", "unknown"]
    evidence: str
    check: Step | None = None


@dataclass(frozen=True)
class Assumption:
    r"""A named assumption (``A1``, ...) of a claim.

    ``holds(params)`` decides it for user-given parameters; it returns ``True``
    when the parameters it needs are absent.  ``used_not_stated`` marks an
    assumption that the printed proof uses without the statement saying so.
    """

    label: str
    name: str
    latex: str
    necessity: Necessity
    holds: Callable[[Mapping[str, Any]], bool] | None = None
    used_not_stated: bool = False


@dataclass(frozen=True)
class Parameter:
    r"""A ``--set NAME=VALUE`` parameter of ``derive``/``witness``.

    ``kind``: ``rational`` (exact number), ``integer``, ``list`` (JSON list of
    exact numbers, possibly nested), ``choice`` (one of ``choices``),
    ``float`` (a binary float, only for claims about floating point) or
    ``formula`` (one of ``choices``, else a formula in ``z`` read by
    :func:`proofs.formula.parse_formula` into SymPy).  ``bounds``: the
    inclusive ``(low, high)`` range a claim accepts (``None``: open), shown
    by ``smoothcheck params`` and enforced by the claim and by
    :func:`proofs.values.parse_settings` (for a list: on every entry).
    ``shape`` (lists): ``vector`` (a flat list of numbers), ``matrix`` (rows
    of numbers, all of one length) or ``vectors`` (a list of flat lists);
    ``length``: the inclusive ``(low, high)`` range of its number of entries
    (rows); both refused with one line by :func:`proofs.values.parse_settings`.
    """

    name: str
    kind: Literal["rational", "integer", "list", "choice", "float", "formula"]
    default: Any = None
    doc: str = ""
    choices: tuple[str, ...] = ()
    bounds: tuple[Any, Any] | None = None
    shape: Literal["vector", "matrix", "vectors"] | None = None
    length: tuple[int, int] | None = None


@dataclass(frozen=True)
class Reading:
    r"""One reading of a reconstructed equation or an ambiguous sentence.

    ``source`` says where the text comes from and how sure it is (for Kumar:
    the line of ``kumar_equations.md`` and its confidence; lost indentation;
    an ambiguous word).  Steps name the reading they check with
    ``Step.reading``; where two readings are plausible, both are checked.
    """

    name: str
    description: str
    source: str
    plausible: bool = True


@dataclass(frozen=True)
class Erratum:
    r"""A printed step that failed, with its counterexample and its repair.

    ``evidence`` is how the failure was shown: ``proved`` (an exact
    counterexample) or ``confirmed`` (high-precision values).
    """

    step: str
    description: str
    counterexample: str
    repaired_by: str | None
    evidence: str = "proved"
    reading: str | None = None
    #: The step's erratum text and the check's counterexample text (:mod:`proofs.render`'s format) and
    #: the values that fill them: ``description`` and ``counterexample`` are their terminal renderings.
    text: str = ""
    counterexample_text: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)

    def rendered(self, target: str) -> tuple[str, str]:
        r"""``(description, counterexample)`` for ``target`` (``plain``, ``md`` or ``tex``)."""
        from proofs.render import render

        return render(self.text, self.values, target), render(self.counterexample_text, self.values, target)


@dataclass
class Claim:
    r"""A claim of a paper, with its printed proof encoded step by step."""

    id: str
    paper: str
    label: str
    section: str
    title: str
    statement: str
    reference: str
    assumptions: Sequence[Assumption]
    steps: Sequence[Step]
    parameters: Sequence[Parameter] = ()
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    witness: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    notes: Sequence[str] = ()
    extra: Callable[[], dict[str, Any]] | None = None
    figures: Callable[[Path], list[Path]] | None = None
    #: ``plot(params, path)``: the claim's figure for the user's ``--set`` parameters, written to ``path``
    #: (``.pdf`` or ``.png``); ``smoothcheck plot``.  Claims without it plot their default ``figures``.
    plot: Callable[[dict[str, Any], Path], Path] | None = None
    repaired_statement: str | None = None
    #: ``printed`` (the paper's words), ``reconstructed`` (rests on a reconstructed equation or lost
    #: code layout: never typeset "as printed") or ``project`` (a claim the project adds).
    statement_kind: Literal["printed", "reconstructed", "project"] = "printed"
    readings: Sequence[Reading] = ()
    #: The label of the step that establishes the statement (the repaired one, for a refuted claim) in
    #: full, or a tuple of labels when the statement has several parts; with the steps they ``use``,
    #: transitively, it is what the statement rests on (:meth:`ClaimReport.statement_evidence`), apart
    #: from the rest of the printed proof.
    conclusion: str | tuple[str, ...] | None = None

    def conclusions(self) -> tuple[str, ...]:
        r"""The labels of :attr:`conclusion`, as a tuple."""
        if self.conclusion is None:
            return ()
        return (self.conclusion,) if isinstance(self.conclusion, str) else tuple(self.conclusion)
    #: Printed steps whose erratum is one of notation (a limit written for an asymptotic, a misnamed
    #: symbol), not of mathematics: the referee report files them as "notation".
    notation: Sequence[str] = ()

    def parameter(self, name: str) -> Parameter | None:
        r"""The parameter called ``name``, or ``None``."""
        return next((p for p in self.parameters if p.name == name), None)

    def validate(self, params: Mapping[str, Any]) -> None:
        r"""Raise :class:`AssumptionViolated` if ``params`` break an assumption."""
        for assumption in self.assumptions:
            if assumption.holds is not None and not assumption.holds(params):
                shown = {k: _show(v) for k, v in params.items()}
                raise AssumptionViolated(self.id, assumption.label, assumption.name, shown)

    def _repr_markdown_(self) -> str:  # a notebook shows the claim (proofs.review renders it)
        from proofs.review import notebook_markdown

        return notebook_markdown(self)

    def _repr_latex_(self) -> str:
        from proofs.latex import notebook_latex

        return notebook_latex(self)


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


@dataclass
class StepReport:
    r"""A step with the result of checking it."""

    step: Step
    result: StepResult


@dataclass
class AssumptionReport:
    r"""An assumption with the result of checking its necessity evidence."""

    assumption: Assumption
    result: StepResult | None


@dataclass
class ClaimReport:
    r"""The outcome of checking a claim: step results, errata, verdict."""

    claim: Claim
    steps: list[StepReport]
    assumptions: list[AssumptionReport]
    errata: list[Erratum]
    status: Status
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        r"""True when nothing failed without a passing repair."""
        return not self.failures

    flags: list[str] = field(default_factory=list)
    not_reproduced: list[str] = field(default_factory=list)
    by_reading: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        r"""How many steps at each evidence level, and how many errata, undecided, failed.

        ``symbolic`` (proved or proved on scope) and ``numeric`` (confirmed) are
        the counts of the first review format, kept.
        """
        out = {level: 0 for level in LEVELS} | {"not-reproduced": 0, "errata": 0, "failed": 0}
        refuted = {e.step for e in self.errata}
        for report in self.steps:
            result, label = report.result, report.step.label
            settled = result.ok or result.undecided or result.not_reproduced
            key = result.evidence if settled else "errata" if label in refuted else "failed"
            out[key] += 1
        out["symbolic"] = out["proved"] + out["proved-on-scope"]
        out["numeric"] = out["confirmed"]
        return out

    def _repr_markdown_(self) -> str:  # a notebook shows the checked claim (proofs.review renders it)
        from proofs.review import notebook_markdown

        return notebook_markdown(self)

    def _repr_latex_(self) -> str:
        from proofs.latex import notebook_latex

        return notebook_latex(self)

    def resting_on(self) -> list[StepReport]:
        r"""The steps the verdict rests on: every passing (or undecided) step that is not cited and
        not a cross-check of a passing step (that step carries the statement; the cross-check only
        has to agree with it, which a failure would show)."""
        passing = {r.step.label for r in self.steps if r.result.ok}
        return [r for r in self.steps if (r.result.ok or r.result.undecided) and r.result.evidence != "cited"
                and r.step.cross_checks not in passing]

    def statement_steps(self) -> list[StepReport]:
        r"""The claim's ``conclusion`` step and every step it ``uses``, transitively (empty without a conclusion)."""
        by_label = {r.step.label: r for r in self.steps}
        todo, seen = list(self.claim.conclusions()), []
        while todo:
            label = todo.pop()
            if label in seen or label not in by_label:
                continue
            seen.append(label)
            todo += list(by_label[label].step.uses)
        return [r for r in self.steps if r.step.label in seen]

    @property
    def statement_evidence(self) -> str | None:
        r"""How far the statement itself is established: the weakest level over :meth:`statement_steps`
        (cited steps count as cited), or ``None`` when the claim names no conclusion or one of them fails."""
        chain = self.statement_steps()
        if not chain or not all(r.result.ok for r in chain):
            return None
        return weakest(r.result.evidence for r in chain)

    def cross_checks(self) -> list[StepReport]:
        r"""The passing steps that independently re-check a passing step (not counted in :attr:`evidence`)."""
        passing = {r.step.label for r in self.steps if r.result.ok}
        return [r for r in self.steps if r.result.ok and r.step.cross_checks in passing]

    @property
    def evidence(self) -> str | None:
        r"""The weakest evidence among the steps the verdict rests on."""
        return weakest(r.result.evidence for r in self.resting_on())

    def summary(self) -> str:
        r"""The verdict with its weakest evidence: ``verified, proved on scope {depths=[2, 3]}``."""
        level = self.evidence
        unreproduced = f"; {len(self.not_reproduced)} printed outcome(s) not reproduced with our settings" \
            if self.not_reproduced else ""
        if level is None:
            return f"{self.status}, resting on no machine-checked step{unreproduced}"
        weakest_steps = [r for r in self.resting_on() if r.result.evidence == level]
        first = weakest_steps[0].result
        shown = describe(level, first.scope, first.sample)
        more = f" (and {len(weakest_steps) - 1} more step(s) at this level)" if len(weakest_steps) > 1 else ""
        return f"{self.status}, {shown}{more}{_crosschecked(self.cross_checks())}{self._statement_line()}{unreproduced}"

    def _statement_line(self) -> str:
        level, ends = self.statement_evidence, self.claim.conclusions()
        if level is None or not ends:
            return ""
        others = len(self.statement_steps()) - len(ends)
        uses = f" and the {others} step(s) they use" if len(ends) > 1 else f" and the {others} step(s) it uses"
        readings = sorted({r.step.reading for r in self.statement_steps() if r.step.reading})
        on = f" (on the reading{'s' if len(readings) > 1 else ''} {', '.join(readings)})" if readings else ""
        return f"; the statement: {level.replace('-', ' ')}{on}, by {' and '.join(ends)}{uses if others else ''}"


def _crosschecked(reports: list[StepReport]) -> str:
    r"""``; cross-checked by 3 steps (2 proved on scope, 1 confirmed)``, or nothing."""
    if not reports:
        return ""
    levels = [r.result.evidence for r in reports]
    parts = ", ".join(f"{levels.count(level)} {level.replace('-', ' ')}" for level in LEVELS if level in levels)
    return f"; cross-checked by {len(reports)} step(s) ({parts})"


def check_claim(claim: Claim) -> ClaimReport:
    r"""Check every step and assumption of ``claim`` and derive its verdict."""
    return assemble(claim, *run_checks(claim))


def run_checks(claim: Claim) -> tuple[list[StepResult], list[StepResult | None]]:
    r"""The results of every step and of every assumption's necessity check (plain data: cacheable)."""
    return [step.run() for step in claim.steps], [_run_necessity(a) for a in claim.assumptions]


def assemble(claim: Claim, step_results: Sequence[StepResult],
             necessity_results: Sequence[StepResult | None]) -> ClaimReport:
    r"""The report of ``claim`` from its step and necessity results: errata, failures, verdict."""
    if len(step_results) != len(claim.steps) or len(necessity_results) != len(claim.assumptions):
        raise InconsistentClaim(f"{claim.id}: results do not match the claim's steps and assumptions")
    reports = [StepReport(step, result) for step, result in zip(claim.steps, step_results)]
    errata, failures, flags, unreproduced, refuted = _classify(reports)
    assumption_reports = [AssumptionReport(a, r) for a, r in zip(claim.assumptions, necessity_results)]
    for ar in assumption_reports:
        if ar.result is not None and ar.result.undecided:
            flags.append(f"{ar.assumption.label} necessity: {ar.result.detail}")
        elif ar.result is not None and not ar.result.ok:
            failures.append(f"{ar.assumption.label} necessity: {ar.result.detail}")
    by_reading = {r.name: _status(*_classify([x for x in reports if x.step.reading in (None, r.name)])[::4])
                  for r in claim.readings if r.plausible}
    status: Status = "open" if failures else _status(errata, refuted)
    if not failures and by_reading:  # only the plausible readings decide; steps of an implausible one are shown
        verdicts = set(by_reading.values())
        status = verdicts.pop() if len(verdicts) == 1 else "reading-dependent"
    return ClaimReport(claim, reports, assumption_reports, errata, status, failures, flags, unreproduced, by_reading)


def _refuse_cycles(claim: Claim) -> None:
    r"""A step may not use itself through other steps: the statement would rest on a circle."""
    uses = {s.label: s.uses for s in claim.steps}

    def visit(label: str, path: tuple[str, ...]) -> None:
        for used in uses.get(label, ()):
            if used in path:
                raise InconsistentClaim(f"{claim.id}: steps use each other in a circle: {' -> '.join(path + (used,))}")
            visit(used, path + (used,))

    for label in uses:
        visit(label, (label,))


def _status(errata: list, refuted: bool) -> Status:
    return "refuted" if refuted else "verified-with-errata" if errata else "verified"


def _classify(reports: list[StepReport]) -> tuple[list, list, list, list, bool]:
    r"""``(errata, failures, undecided flags, not reproduced, refuted?)`` of a list of step reports."""
    passing = {r.step.label for r in reports if r.result.ok}
    repairs = {r.step.repairs: r.step.label for r in reports if r.step.repairs}
    errata, failures, flags, unreproduced, refuted = [], [], [], [], False
    for report in reports:
        if report.result.ok:
            continue
        if report.result.undecided:  # the oracles disagree: for a person, neither proof nor counterexample
            flags.append(f"{report.step.label}: {report.result.detail}")
            continue
        if report.result.not_reproduced:  # our settings are not the paper's: never an erratum
            unreproduced.append(f"{report.step.label}: {report.result.detail}")
            continue
        fixer = repairs.get(report.step.label)
        if report.step.printed and fixer in passing:
            errata.append(_erratum(report, fixer))
            refuted |= report.step.role == "statement"
        else:
            failures.append(f"{report.step.label}: {report.result.detail}")
    return errata, failures, flags, unreproduced, refuted


def _run_necessity(assumption: Assumption) -> StepResult | None:
    check = assumption.necessity.check
    return None if check is None else check.run()


def _erratum(report: StepReport, fixer: str | None) -> Erratum:
    from proofs.render import render

    result = report.result
    text = report.step.erratum or f"the printed step does not hold: {result.detail}"
    counterexample = result.counterexample or result.detail
    return Erratum(
        step=report.step.label,
        description=render(text, result.values, "plain"),
        counterexample=render(counterexample, result.values, "plain"),
        repaired_by=fixer,
        evidence=result.evidence,
        reading=report.step.reading,
        text=text,
        counterexample_text=counterexample,
        values=dict(result.values),
    )


# ---------------------------------------------------------------- typed text and registration rules

#: A decimal number with at least two significant digits: a result, if typed by hand.
_RESULT_NUMBER = re.compile(r"(?<![\w.])(?:\d+\.\d+|\.\d+)(?:[eE][+-]?\d+)?(?![\w]|\.\d)")
#: Equation and section numbers, "(3.6)", "§3.4", "Eq. 3.1": references, not results.
_REFERENCE = re.compile(r"\(\d+\.\d+\)|§\s*\d+(?:\.\d+)+|(?:[Ee]q(?:uation)?s?\.?|Section|Sec\.|Fig\.|Figure|Table)\s*\d+\.\d+")
_PLACEHOLDER = re.compile(r"\{(=)([^{}]*)\}|\{()([A-Za-z_]\w*)\}")


def _significant_digits(number: str) -> int:
    number = re.split(r"[eE]", number)[0]
    digits = number.replace(".", "").lstrip("0").rstrip("0") if "." in number else number.lstrip("0")
    return len(digits)


def typed_numbers(text: str) -> list[str]:
    r"""Decimal numbers of two or more significant digits typed into ``text``.

    Computed numbers enter text as ``{name}`` placeholders (filled from the
    values the check computed); a number quoted on purpose — the paper's printed
    value, a chosen setting — is written ``{=1.62}`` so that it is visibly a
    quotation.  Equation and section references ("(3.6)", "§3.4") are not results.  Anything else is a hand-typed result, which can drift from the
    computation (a root 2.96 typed for 2.97) and is refused at load time.

    >>> typed_numbers("the root 2.96 (paper: {=1.62}); lambda = 0.01; lim 0.0094; ratio {ratio}; 1.6e-14.")
    ['2.96', '0.0094', '1.6e-14']
    >>> typed_numbers("(3.6) fails, see §3.4 and Eq. 2.1")
    []
    """
    bare = _REFERENCE.sub(" ", _PLACEHOLDER.sub(" ", text))
    return [n for n in _RESULT_NUMBER.findall(bare) if _significant_digits(n) >= 2]


def fill(text: str, values: Mapping[str, Any]) -> str:
    r"""``text`` with ``{name}`` replaced by ``values[name]`` and ``{=q}`` by ``q``; a name the
    check computed no value for is left as written (it is notation, such as ``w_{jk}``).

    >>> fill("ratio {ratio} against the paper's {=15}", {"ratio": "9.70"})
    "ratio 9.70 against the paper's 15"
    """
    def one(match: re.Match) -> str:
        quoted, quotation, _, name = match.groups()
        if quoted:
            return quotation
        if name not in values:  # braces of the paper's notation (w_{jk}), not a placeholder
            return match.group(0)
        return str(values[name])

    return _PLACEHOLDER.sub(one, text)


def validate_claim(claim: Claim, outline: str | None = None) -> None:
    r"""Raise :class:`InconsistentClaim` if ``claim`` breaks a registration rule.

    Labels are unique; every ``repairs=`` names a printed step of the claim; the
    outline (the module docstring's "Proof outline:") names only step labels;
    erratum, note and hypothesis texts hold no hand-typed result
    (:func:`typed_numbers`).
    """
    labels = [s.label for s in claim.steps]
    repeated = sorted({x for x in labels if labels.count(x) > 1})
    readings = {r.name for r in claim.readings}
    for step in claim.steps:
        if step.reading is not None and step.reading not in readings:
            raise InconsistentClaim(f"{claim.id}: step {step.label!r} checks reading {step.reading!r}, "
                                    f"which the claim does not define ({sorted(readings)})")
    if repeated:
        raise InconsistentClaim(f"{claim.id}: step labels used twice: {repeated}")
    printed = {s.label for s in claim.steps if s.printed}
    for step in claim.steps:
        if not set(step.uses) <= set(labels) or step.label in step.uses:
            raise InconsistentClaim(f"{claim.id}: step {step.label!r} uses {sorted(set(step.uses) - set(labels)) or step.label!r}, "
                                    "which is no other step of this claim")
    if not set(claim.conclusions()) <= set(labels):
        raise InconsistentClaim(f"{claim.id}: the conclusion {sorted(set(claim.conclusions()) - set(labels))} "
                                "is no step of this claim")
    _refuse_cycles(claim)
    crosschecks = {s.label: s.cross_checks for s in claim.steps if s.cross_checks is not None}
    for label, target in crosschecks.items():
        if target not in labels or target == label or target in crosschecks:
            raise InconsistentClaim(f"{claim.id}: step {label!r} cross-checks {target!r}, which is not another "
                                    "step of this claim that itself carries the statement")
    if not set(claim.notation) <= printed:
        raise InconsistentClaim(f"{claim.id}: notation names no printed step {sorted(set(claim.notation) - printed)}")
    for step in claim.steps:
        if step.repairs is not None and step.repairs not in printed:
            raise InconsistentClaim(f"{claim.id}: step {step.label!r} repairs {step.repairs!r}, "
                                    "which is not a printed step of this claim")
    if outline is not None:
        named = set(re.findall(r"`([A-Za-z0-9_]+)`", outline))
        if not named:
            raise InconsistentClaim(f"{claim.id}: the proof outline names no step")
        if not named <= set(labels):
            raise InconsistentClaim(f"{claim.id}: the outline names no step {sorted(named - set(labels))}")
    texts = [(f"erratum of {s.label}", s.erratum) for s in claim.steps if s.erratum]
    texts += [("a note", n) for n in claim.notes]
    texts += [(f"hypothesis {a.label}", a.necessity.evidence) for a in claim.assumptions]
    texts += [("the repaired statement", claim.repaired_statement)] if claim.repaired_statement else []
    for where, text in texts:
        typed = typed_numbers(text)
        if typed:
            raise InconsistentClaim(f"{claim.id}: {where} types the number(s) {typed} by hand; write {{name}} "
                                    "for a computed value or {=number} for a quoted one")
