r"""The proof engine: claims, assumptions, steps, verdicts.

A :class:`Claim` is a printed statement with its assumptions and the steps of its
printed proof.  Every :class:`Step` checks itself and says *how*:

* ``symbolic``: proved exactly (computer algebra, exact rational arithmetic, or a
  rigorous Arb enclosure; ``method`` says which);
* ``numeric``:  confirmed by high-precision evaluation only (not a proof);
* ``cited``:    an external theorem, typeset but not machine-checked.

A printed step that fails is kept, with its counterexample, and a step with
``repairs=<label>`` follows it.  The verdict is then derived, never declared:

* ``verified``               every step holds;
* ``verified-with-errata``   a printed proof step failed and its repair holds;
* ``refuted``                a printed *statement* step failed and its repair holds;
* ``open``                   some step failed with no passing repair.

Every step can produce *mutants* (wrong versions: a flipped sign, a wrong
constant, a reversed relation); the test suite checks that each mutant of each
passing step is rejected, so no check can pass vacuously.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal, Mapping, Sequence

from proofs.errors import AssumptionViolated
from proofs.steps import (
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
    "Step",
    "StepResult",
    "Witness",
    "WitnessCheck",
    "check_claim",
]

Status = Literal["verified", "verified-with-errata", "refuted", "open"]


@dataclass(frozen=True)
class Necessity:
    r"""What happens to a claim without one of its assumptions.

    ``verdict`` is ``necessary`` (a counterexample when dropped), ``superfluous``
    (the conclusion survives: proved) or ``unknown``; ``check`` is the step that
    establishes it (a witness, an equality, ...), run like any proof step.
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
    exact numbers, possibly nested), ``choice`` (one of ``choices``) or
    ``float`` (a binary float, only for claims about floating point).
    """

    name: str
    kind: Literal["rational", "integer", "list", "choice", "float"]
    default: Any = None
    doc: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Erratum:
    r"""A printed step that failed, with its counterexample and its repair."""

    step: str
    description: str
    counterexample: str
    repaired_by: str | None


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
    repaired_statement: str | None = None

    def parameter(self, name: str) -> Parameter | None:
        r"""The parameter called ``name``, or ``None``."""
        return next((p for p in self.parameters if p.name == name), None)

    def validate(self, params: Mapping[str, Any]) -> None:
        r"""Raise :class:`AssumptionViolated` if ``params`` break an assumption."""
        for assumption in self.assumptions:
            if assumption.holds is not None and not assumption.holds(params):
                shown = {k: _show(v) for k, v in params.items()}
                raise AssumptionViolated(self.id, assumption.label, assumption.name, shown)


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

    def counts(self) -> dict[str, int]:
        r"""How many steps were proved, numerically confirmed, cited, failed."""
        out = {"symbolic": 0, "numeric": 0, "cited": 0, "errata": 0, "failed": 0}
        refuted = {e.step for e in self.errata}
        for report in self.steps:
            ok, label = report.result.ok, report.step.label
            out[report.result.checked if ok else "errata" if label in refuted else "failed"] += 1
        return out


def check_claim(claim: Claim) -> ClaimReport:
    r"""Check every step and assumption of ``claim`` and derive its verdict."""
    reports = [StepReport(step, step.run()) for step in claim.steps]
    passing = {r.step.label for r in reports if r.result.ok}
    repairs = {r.step.repairs: r.step.label for r in reports if r.step.repairs}
    errata, failures, refuted = [], [], False
    for report in reports:
        if report.result.ok:
            continue
        fixer = repairs.get(report.step.label)
        if report.step.printed and fixer in passing:
            errata.append(_erratum(report, fixer))
            refuted |= report.step.role == "statement"
        else:
            failures.append(f"{report.step.label}: {report.result.detail}")
    assumption_reports = [AssumptionReport(a, _run_necessity(a)) for a in claim.assumptions]
    for ar in assumption_reports:
        if ar.result is not None and not ar.result.ok:
            failures.append(f"{ar.assumption.label} necessity: {ar.result.detail}")
    status: Status = "open" if failures else "refuted" if refuted else (
        "verified-with-errata" if errata else "verified")
    return ClaimReport(claim, reports, assumption_reports, errata, status, failures)


def _run_necessity(assumption: Assumption) -> StepResult | None:
    check = assumption.necessity.check
    return None if check is None else check.run()


def _erratum(report: StepReport, fixer: str | None) -> Erratum:
    description = report.step.erratum or f"the printed step does not hold: {report.result.detail}"
    return Erratum(
        step=report.step.label,
        description=description,
        counterexample=report.result.counterexample or report.result.detail,
        repaired_by=fixer,
    )
