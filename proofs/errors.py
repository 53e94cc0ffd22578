r"""Errors raised by smoothcheck.

Every error is a :class:`SmoothcheckError`; the command line turns one into a
single line on stderr and exit status 2 (bad input) or 1 (a failed check).
Messages about assumptions are built only by :func:`assumption_message`, so the
label in the message cannot drift from the :class:`~proofs.engine.Assumption`.
"""

from __future__ import annotations

from typing import Any, Mapping


class SmoothcheckError(Exception):
    r"""Base class of every smoothcheck error."""


class BadInput(SmoothcheckError, ValueError):
    r"""User input that cannot be used: unknown id, unknown parameter, malformed value."""


class AssumptionViolated(SmoothcheckError, ValueError):
    r"""A parameter value lies outside a claim's assumptions.

    Attributes:
        theorem: the claim id.
        assumption: the assumption's label (``A1``, ...).
        values: the offending values.
    """

    def __init__(self, theorem: str, assumption: str, formula: str, values: Mapping[str, Any]):
        self.theorem = theorem
        self.assumption = assumption
        self.values = dict(values)
        super().__init__(assumption_message(theorem, assumption, formula, values))


class StepFailed(SmoothcheckError):
    r"""An encoded proof step does not hold."""


class NumericMismatch(StepFailed):
    r"""A closed form and its independent numeric mirror disagree.

    Attributes:
        symbolic_value: the closed form's value.
        numeric_value: the mirror's value.
        tolerance: the tolerance that was exceeded.
    """

    def __init__(self, what: str, symbolic_value: Any, numeric_value: Any, tolerance: Any):
        self.symbolic_value = symbolic_value
        self.numeric_value = numeric_value
        self.tolerance = tolerance
        super().__init__(
            f"{what}: closed form {symbolic_value} vs numeric {numeric_value} (tolerance {tolerance})"
        )


class CheckTimeout(SmoothcheckError):
    r"""A symbolic computation ran past its time budget (the step stays undecided)."""


def assumption_message(theorem: str, label: str, formula: str, values: Mapping[str, Any]) -> str:
    r"""The one-line message for a violated assumption.

    >>> assumption_message("katende.thm_1", "A2", "y != 0", {"y": 0})
    'katende.thm_1: A2 (y != 0) fails: y=0'
    """
    shown = ", ".join(f"{k}={v}" for k, v in values.items())
    return f"{theorem}: {label} ({formula}) fails: {shown}"


class VacuousStep(SmoothcheckError):
    r"""A step whose two sides are the same object: it would check nothing."""


class InconsistentClaim(SmoothcheckError):
    r"""A claim module that breaks the registration rules (id, labels, repairs, outline, typed numbers)."""


class PrecisionMismatch(SmoothcheckError):
    r"""A comparison said to run at some precision received a value of lower precision."""
