r"""The review report: each claim's verdict, steps, errata and assumptions.

:func:`claim_entry` builds the JSON entry fixed by DESIGN.md (``id``, ``paper``,
``label``, ``status``, ``hypotheses``, ``steps``, ``errata``) plus extra fields
(``counts``, ``failures``, ``notes``, ``extra``).  :func:`review_markdown`
renders the same entries for people.
"""

from __future__ import annotations

import json
from typing import Any

from proofs.engine import ClaimReport

_NECESSARY = {"necessary": True, "superfluous": False, "unknown": None}


def claim_entry(report: ClaimReport) -> dict[str, Any]:
    r"""The review JSON entry of one checked claim."""
    claim = report.claim
    return {
        "id": claim.id,
        "paper": claim.paper,
        "label": claim.label,
        "title": claim.title,
        "section": claim.section,
        "reference": claim.reference,
        "status": report.status,
        "statement": claim.statement,
        "repaired_statement": claim.repaired_statement,
        "counts": report.counts(),
        "hypotheses": [_hypothesis(a) for a in report.assumptions],
        "steps": [_step(s) for s in report.steps],
        "errata": [vars(e) for e in report.errata],
        "failures": report.failures,
        "notes": list(claim.notes),
        "extra": claim.extra() if claim.extra else {},
    }


def _hypothesis(ar) -> dict[str, Any]:
    a, result = ar.assumption, ar.result
    return {
        "label": a.label,
        "name": a.name,
        "necessary": _NECESSARY[a.necessity.verdict],
        "necessity": a.necessity.verdict,
        "evidence": a.necessity.evidence,
        "used_not_stated": a.used_not_stated,
        "checked": result.checked if result else None,
        "ok": result.ok if result else None,
    }


def _step(sr) -> dict[str, Any]:
    step, result = sr.step, sr.result
    return {
        "label": step.label,
        "kind": step.kind,
        "latex": step.latex,
        "printed": step.printed,
        "repairs": step.repairs,
        "role": step.role,
        "checked": result.checked,
        "method": result.method,
        "proved": result.proved,
        "ok": result.ok,
        "detail": result.detail,
        "counterexample": result.counterexample,
    }


def review_json(reports: list[ClaimReport]) -> str:
    r"""The whole review as JSON text."""
    return json.dumps({"claims": [claim_entry(r) for r in reports]}, indent=2, default=str)


def review_markdown(reports: list[ClaimReport]) -> str:
    r"""The whole review as Markdown."""
    lines = ["# smoothcheck review", "", "| claim | label | status | proved | confirmed | cited | errata | failed |",
             "|---|---|---|---|---|---|---|---|"]
    for r in reports:
        c = r.counts()
        lines.append(f"| `{r.claim.id}` | {r.claim.label} | **{r.status}** | {c['symbolic']} | {c['numeric']} | {c['cited']} | {c['errata']} | {c['failed']} |")
    for r in reports:
        lines += ["", *_claim_markdown(claim_entry(r))]
    return "\n".join(lines) + "\n"


def _claim_markdown(e: dict[str, Any]) -> list[str]:
    out = [f"## {e['id']} — {e['label']}: {e['title']}", "", f"Status: **{e['status']}** ({e['reference']})", ""]
    out += ["Assumptions:"] + [f"- {h['label']} `{h['name']}`: {h['necessity']}"
                               f"{' (used, not stated)' if h['used_not_stated'] else ''} — {h['evidence']}"
                               for h in e["hypotheses"]]
    out += ["", "Steps:"] + [f"- {'✓' if s['ok'] else '✗'} `{s['label']}` [{s['kind']}, {s['checked']}/{s['method']}]"
                             f"{' (repairs ' + s['repairs'] + ')' if s['repairs'] else ''}: {s['detail']}"
                             for s in e["steps"]]
    if e["errata"]:
        out += ["", "Errata:"] + [f"- `{x['step']}`: {x['description']} Counterexample: {x['counterexample']}."
                                  f" Repaired by `{x['repaired_by']}`." for x in e["errata"]]
    if e["failures"]:
        out += ["", "FAILURES:"] + [f"- {f}" for f in e["failures"]]
    if e["notes"]:
        out += ["", "Notes:"] + [f"- {n}" for n in e["notes"]]
    if e["extra"]:
        out += ["", "Details:", "```json", json.dumps(e["extra"], indent=1, default=str), "```"]
    return out
