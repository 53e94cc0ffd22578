r"""Evidence levels: what a checked step or assumption verdict really establishes.

=================  ============================================================
level              means
=================  ============================================================
proved             for every value the claim's domain allows: an exact CAS
                   identity, exact arithmetic over a complete case split, a
                   decision procedure (Z3), or a rigorous enclosure of the
                   whole domain
proved-on-scope    exhaustive on a declared finite scope (architectures,
                   parameter cases, one family) or a bounded box; the scope is
                   data and is printed beside the verdict
confirmed          sampled: so many points at so many digits; not a proof
cited              an external theorem, typeset, never counted as checked
undecided          the oracles disagree (SymPy against the numeric
                   cross-check): flagged for a person, neither a proof nor a
                   counterexample
not-reproduced     a simulation of a printed experiment did not give the
                   printed outcome with *our* settings (the paper's are not
                   all known): never an erratum; the settings are shown
=================  ============================================================

The same words describe a *failed* step: a counterexample that is ``proved``
was checked exactly; one that is ``confirmed`` rests on high-precision values.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Literal, Mapping

Evidence = Literal["proved", "proved-on-scope", "confirmed", "cited", "undecided", "not-reproduced"]

#: Strongest first.  ``cited`` is not machine evidence and ranks below the rest.
LEVELS: tuple[Evidence, ...] = ("proved", "proved-on-scope", "confirmed", "undecided", "cited")

#: The ``checked`` field of the review JSON (kept from the first format).
CHECKED_OF: dict[str, str] = {"proved": "symbolic", "proved-on-scope": "symbolic", "confirmed": "numeric",
                              "cited": "cited", "undecided": "undecided", "not-reproduced": "not-reproduced"}
#: The evidence of a result that only says how it was checked.
DEFAULT_OF: dict[str, Evidence] = {"symbolic": "proved", "numeric": "confirmed", "cited": "cited",
                                   "undecided": "undecided", "not-reproduced": "not-reproduced"}


def weakest(levels: Iterable[Evidence]) -> Evidence | None:
    r"""The weakest machine evidence among ``levels`` (``cited`` ignored), or ``None``.

    >>> weakest(["proved", "proved-on-scope", "cited"])
    'proved-on-scope'
    >>> weakest(["cited"]) is None
    True
    """
    machine = [lv for lv in levels if lv in LEVELS and lv != "cited"]
    return max(machine, key=LEVELS.index) if machine else None


def show_scope(scope: Mapping[str, Any] | None) -> str:
    r"""A scope as one line: ``depths=[2, 3, 4], widths=[1, 2]``.

    >>> show_scope({"box": {"x": ["-5", "5"]}, "family": "softplus"})
    'box={"x": ["-5", "5"]}, family=softplus'
    """
    if not scope:
        return ""
    return ", ".join(f"{k}={_value(v)}" for k, v in scope.items())


def _value(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, list) and len(v) > 3 and all(isinstance(x, Mapping) for x in v):
        # A long list of parameter cases: its size and first case (the JSON keeps them all).
        return f"{len(v)} cases, the first {json.dumps(v[0], default=str)}"
    return json.dumps(v, default=str)


def describe(evidence: Evidence, scope: Mapping[str, Any] | None = None,
             sample: Mapping[str, Any] | None = None) -> str:
    r"""A level in words, with its scope or sample size.

    >>> describe("proved-on-scope", {"depths": [2, 3]})
    'proved on scope {depths=[2, 3]}'
    >>> describe("confirmed", sample={"points": 12, "dps": 60})
    'confirmed at 12 points, 60 digits'
    """
    words = evidence.replace("-", " ")
    if evidence == "proved-on-scope" and scope:
        return f"{words} {{{show_scope(scope)}}}"
    if evidence == "confirmed" and sample:
        parts = [f"{sample['points']} points" if "points" in sample else "",
                 f"{sample['dps']} digits" if "dps" in sample else "",
                 str(sample["precision"]) if "precision" in sample else ""]
        return f"{words} at " + ", ".join(p for p in parts if p)
    return words
