r"""The public API of smoothcheck for claim packs: everything a claim module imports.

A pack outside this repository (``smoothcheck new``, ``docs/TUTORIAL.md``)
imports only from here; the names below are kept stable, while the engine's
other modules may change.

.. code-block:: python

    from proofs.api import Claim, Equality, Inequality, Witness, WitnessCheck

What there is:

* the claim model: :class:`Claim`, :class:`Assumption`, :class:`Necessity`
  (what happens without an assumption), :class:`Parameter` (a ``--set``
  parameter of ``derive``/``witness``), :class:`Reading` (one reading of an
  ambiguous sentence);
* the step kinds: :class:`Equality`, :class:`Inequality`, :class:`Limit`,
  :class:`PolynomialDegree`, :class:`Witness` (with :class:`WitnessCheck`),
  :class:`NumericAgreement`, :class:`CaseSplit`, :class:`Check`,
  :class:`Cited`; a step's outcome, :class:`StepResult`; and
  :func:`decide_nonnegative`, the inequality decision behind
  :class:`Inequality`, for a :class:`Check` that builds its own gap;
* induction over an integer (a depth, an iteration): :class:`Induction` from a
  :class:`BaseCase`, :class:`Recursion`/:class:`Bound` facts and an
  :class:`InductiveStep` (:mod:`proofs.induction`);
* checking: :func:`check_claim` (a :class:`ClaimReport`: verdict, errata,
  evidence) and :func:`validate_claim` (the registration rules);
* the evidence levels, strongest first: :data:`EVIDENCE_LEVELS` and the
  names :data:`PROVED`, :data:`PROVED_ON_SCOPE`, :data:`CONFIRMED`,
  :data:`CITED`, :data:`UNDECIDED`, :data:`NOT_REPRODUCED`; the verdicts
  :data:`VERDICTS`;
* errors for bad user input (exit status 2 on the command line):
  :class:`BadInput`, :class:`AssumptionViolated`;
* the numeric-mirror helpers of :mod:`numeric.mirror` (:class:`Dual`,
  :func:`derivatives`, :func:`derivative`, :func:`exact`, :func:`power`,
  :func:`working_precision`).  A pack's *mirror* module imports them from
  :mod:`numeric.mirror` directly, never from here: this module imports SymPy,
  and a mirror that reaches SymPy is not independent (:mod:`proofs.independence`).

Text fields: ``Claim.statement`` is text-mode LaTeX (``$...$``), every step's
``latex`` is math-mode LaTeX; ``justification``, ``erratum``, ``notes`` and the
``Necessity`` evidence are plain text, where a computed number is written as a
``{name}`` placeholder (filled from the check's ``values``) and a quoted one as
``{=1.62}`` (see ``docs/CONTRIBUTING_CLAIMS.md``).
"""

from __future__ import annotations

from typing import Final as _Final

from numeric.mirror import Dual, derivative, derivatives, exact, power, working_precision
from proofs.engine import (
    Assumption,
    Claim,
    ClaimReport,
    Necessity,
    Parameter,
    Reading,
    check_claim,
    validate_claim,
)
from proofs.errors import AssumptionViolated, BadInput
from proofs.evidence import Evidence as _Evidence
from proofs.induction import BaseCase, Bound, Induction, InductiveStep, Recursion
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
    decide_nonnegative,
)

__all__ = [
    "Assumption",
    "AssumptionViolated",
    "BadInput",
    "BaseCase",
    "Bound",
    "CITED",
    "CONFIRMED",
    "CaseSplit",
    "Check",
    "Cited",
    "Claim",
    "ClaimReport",
    "Dual",
    "EVIDENCE_LEVELS",
    "Equality",
    "Evidence",
    "Induction",
    "InductiveStep",
    "Inequality",
    "Limit",
    "NOT_REPRODUCED",
    "Necessity",
    "NumericAgreement",
    "PROVED",
    "PROVED_ON_SCOPE",
    "Parameter",
    "PolynomialDegree",
    "Reading",
    "Recursion",
    "Step",
    "StepResult",
    "UNDECIDED",
    "VERDICTS",
    "Witness",
    "WitnessCheck",
    "check_claim",
    "decide_nonnegative",
    "derivative",
    "derivatives",
    "exact",
    "power",
    "validate_claim",
    "working_precision",
]

#: The type of an evidence level: one of the strings below.
Evidence = _Evidence

#: Holds for every value the claim's domain allows (exact identity, Z3, a complete case split,
#: a rigorous enclosure of the whole domain).
PROVED: _Final[Evidence] = "proved"
#: Exhaustive on a declared finite scope or a bounded box; the scope is printed beside it.
PROVED_ON_SCOPE: _Final[Evidence] = "proved-on-scope"
#: Sampled: so many points at so many digits.  Not a proof.
CONFIRMED: _Final[Evidence] = "confirmed"
#: An external theorem, typeset, never counted as machine-checked.
CITED: _Final[Evidence] = "cited"
#: The oracles disagree (SymPy against the numeric cross-check): for a person to look at.
UNDECIDED: _Final[Evidence] = "undecided"
#: A simulation did not give the printed outcome with our settings: never an erratum.
NOT_REPRODUCED: _Final[Evidence] = "not-reproduced"
#: The machine evidence levels, strongest first (``cited`` last: it is not machine evidence).
EVIDENCE_LEVELS: _Final[tuple[Evidence, ...]] = (PROVED, PROVED_ON_SCOPE, CONFIRMED, UNDECIDED, CITED, NOT_REPRODUCED)
#: The verdicts a checked claim can get (derived by :func:`check_claim`, never declared).
VERDICTS: _Final[tuple[str, ...]] = ("verified", "verified-with-errata", "refuted", "open", "reading-dependent")
