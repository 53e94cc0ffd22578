r"""The review report: each claim's verdict, steps, errata and assumptions.

:func:`claim_entry` builds the JSON entry fixed by DESIGN.md (``id``, ``paper``,
``label``, ``status``, ``hypotheses``, ``steps``, ``errata``) plus extra fields
(``counts``, ``failures``, ``notes``, ``extra``).  :func:`review_markdown`
renders the same entries for people.
"""

from __future__ import annotations

import json
from typing import Any

from proofs.engine import ClaimReport, fill
from proofs.evidence import describe

_NECESSARY = {"necessary": True, "superfluous": False, "unknown": None}


def claim_entry(report: ClaimReport) -> dict[str, Any]:
    r"""The review JSON entry of one checked claim.

    Every step and hypothesis carries ``evidence`` (the level) and ``scope``
    (structured, for ``proved-on-scope``); the claim carries ``evidence`` (the
    weakest level its verdict rests on) and ``summary`` ("verified, proved on
    scope {...}").
    """
    claim = report.claim
    extra = claim.extra() if claim.extra else {}
    return {
        "id": claim.id,
        "paper": claim.paper,
        "label": claim.label,
        "title": claim.title,
        "section": claim.section,
        "reference": claim.reference,
        "status": report.status,
        "by_reading": report.by_reading,
        "evidence": report.evidence,
        "summary": report.summary(),
        "statement": claim.statement,
        "statement_kind": claim.statement_kind,
        "readings": [vars(r) for r in claim.readings],
        "repaired_statement": claim.repaired_statement,
        "counts": report.counts(),
        "hypotheses": [_hypothesis(a) for a in report.assumptions],
        "steps": [_step(s) for s in report.steps],
        "errata": [vars(e) for e in report.errata],
        "failures": report.failures,
        "undecided": report.flags,
        "not_reproduced": report.not_reproduced,
        "notes": [fill(n, extra) for n in claim.notes],
        "extra": extra,
    }


def _hypothesis(ar) -> dict[str, Any]:
    a, result = ar.assumption, ar.result
    return {
        "label": a.label,
        "name": a.name,
        "necessary": _NECESSARY[a.necessity.verdict],
        "necessity": a.necessity.verdict,
        # The level of the verdict: an argument without a check is never more than "unknown"-grade evidence.
        "evidence": result.evidence if result else "argument",
        "scope": result.scope if result else None,
        "argument": fill(a.necessity.evidence, result.values if result else {}),
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
        "evidence": result.evidence,
        "scope": result.scope,
        "sample": result.sample,
        "engines": list(result.engines),
        "reading": step.reading,
        "outcomes": result.outcomes,
        "settings": result.settings,
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
    lines = ["# smoothcheck review", "",
             "Evidence levels: *proved* (every value of the domain), *proved on scope* (a declared finite scope "
             "or box, shown), *confirmed* (sampled), *cited* (external theorem), *undecided* (oracles disagree).", "",
             "| claim | label | status | weakest evidence | proved | on scope | confirmed | undecided | cited | errata | failed |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in reports:
        c = r.counts()
        lines.append(f"| `{r.claim.id}` | {r.claim.label} | **{r.status}** | {r.evidence or 'cited only'} | {c['proved']} | "
                     f"{c['proved-on-scope']} | {c['confirmed']} | {c['undecided']} | {c['cited']} | {c['errata']} | {c['failed']} |")
    for r in reports:
        lines += ["", *_claim_markdown(claim_entry(r))]
    return "\n".join(lines) + "\n"


def _claim_markdown(e: dict[str, Any]) -> list[str]:
    out = [f"## {e['id']} — {e['label']}: {e['title']}", "", f"Status: **{e['summary']}** ({e['reference']})", ""]
    out += ["Assumptions:"] + [f"- {h['label']} `{h['name']}`: {h['necessity']} "
                               f"[{_level(h['evidence'], h['scope'], None)}]"
                               f"{' (used, not stated)' if h['used_not_stated'] else ''} — {h['argument']}"
                               for h in e["hypotheses"]]
    if e["readings"]:
        out += ["", "Readings (the text is reconstructed or ambiguous; each checked reading is named by its steps):"]
        out += [f"- **{r['name']}**{'' if r['plausible'] else ' (implausible)'}"
                f"{' — verdict: ' + e['by_reading'][r['name']] if r['name'] in e['by_reading'] else ''}: "
                f"{r['description']} — {r['source']}" for r in e["readings"]]
    out += ["", "Steps:"]
    for s in e["steps"]:
        out.append(f"- {_mark(s)} `{s['label']}` [{s['kind']}, {_level(s['evidence'], s['scope'], s['sample'])}, "
                   f"{s['method']}{_engines(s)}]{' (reading: ' + s['reading'] + ')' if s['reading'] else ''}"
                   f"{' (repairs ' + s['repairs'] + ')' if s['repairs'] else ''}: {s['detail']}")
        if s["outcomes"]:
            out += [f"    - {k}: {v}" for k, v in s["outcomes"].items()]
        if s["settings"]:
            out.append("    - settings: " + "; ".join(_setting(k, v) for k, v in s["settings"].items()))
    if e["not_reproduced"]:
        out += ["", "NOT REPRODUCED with our settings (not an erratum):"] + [f"- {f}" for f in e["not_reproduced"]]
    if e["undecided"]:
        out += ["", "UNDECIDED (oracles disagree; for a person to settle):"] + [f"- {f}" for f in e["undecided"]]
    if e["errata"]:
        out += ["", "Errata:"] + [f"- `{x['step']}`{' (reading: ' + x['reading'] + ')' if x['reading'] else ''}: "
                                  f"{x['description']} Counterexample ({x['evidence']}): "
                                  f"{x['counterexample']}. Repaired by `{x['repaired_by']}`." for x in e["errata"]]
    if e["failures"]:
        out += ["", "FAILURES:"] + [f"- {f}" for f in e["failures"]]
    if e["notes"]:
        out += ["", "Notes:"] + [f"- {n}" for n in e["notes"]]
    if e["extra"]:
        out += ["", "Details:", "```json", json.dumps(e["extra"], indent=1, default=str), "```"]
    return out


def _level(evidence: str, scope: Any, sample: Any) -> str:
    return evidence if evidence == "argument" else describe(evidence, scope, sample)


def _mark(step: dict[str, Any]) -> str:
    return "✓" if step["ok"] else "?" if step["evidence"] in ("undecided", "not-reproduced") else "✗"


def _setting(name: str, value: Any) -> str:
    if isinstance(value, dict) and "value" in value:
        return f"{name} = {value['value']} ({'the paper' + chr(39) + 's' if value.get('paper') else 'ours'})"
    return f"{name} = {value}"


def _engines(step: dict[str, Any]) -> str:
    return f"; engines: {', '.join(step['engines'])}" if len(step["engines"]) > 1 else ""
