r"""The review report: each claim's verdict, steps, errata and assumptions, and the referee's findings.

:func:`claim_entry` builds the JSON entry fixed by DESIGN.md (``id``, ``paper``,
``label``, ``status``, ``hypotheses``, ``steps``, ``errata``) plus extra fields
(``counts``, ``failures``, ``notes``, ``extra``, ``findings``, ``pack``, ``part``).
:func:`review_markdown` renders the same entries for people: a summary table,
then, paper by paper in the paper's order (:func:`parts`), a numbered referee
report (:func:`findings`: each finding with its locator in the paper, its kind,
the counterexample, the repair and the evidence level) and each claim in detail
(statement, repaired statement, readings, assumptions, steps).

The text is deterministic: the same checked claims give the same bytes (no
timings, dates or absolute paths), so ``docs/REVIEW.md`` can be compared with a
fresh rendering (``tests/proofs/test_review.py``).
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping, Sequence

from proofs.engine import Claim, ClaimReport
from proofs.errors import SmoothcheckError
from proofs.evidence import describe
from proofs.render import full_values, render

_NECESSARY = {"necessary": True, "superfluous": False, "unknown": None}

#: The command that writes ``docs/REVIEW.md`` (shown at its top and in the README).
REGENERATE = "smoothcheck review --format md > docs/REVIEW.md"
#: The command that writes ``docs/review.json``: the same review as data, with what the Markdown leaves out
#: (each step's whole scope, such as a witness's cases, and the points a sampled step ran at).
REGENERATE_JSON = "smoothcheck review --format json > docs/review.json"

#: How a claim's statement is headed: only a printed one is "as printed".
STATEMENT_HEADING = {"printed": "Statement (as printed)", "reconstructed": "Statement (as reconstructed)",
                     "project": "Statement (the project's claim, not the paper's)"}
#: The statement kind in a summary table's column.
STATEMENT_KIND = {"printed": "printed", "reconstructed": "reconstructed", "project": "project's"}

#: The kinds of finding, in the order a referee report lists them within a claim.
KINDS = ("statement false", "hypothesis missing", "proof step wrong", "notation", "not reproduced",
         "fails without repair", "undecided")

#: A quotation of the paper at the start of a justification or erratum text: ``'Using (3.5) yields (3.6)' ...``.
_QUOTE = re.compile(r"^'([^']{12,})'")
#: Keys of a claim's details that would make the report differ from run to run.
_UNSTABLE_KEYS = frozenset({"seconds", "elapsed", "elapsed_s", "wall_s", "cpu_s", "timestamp", "date"})


# ---------------------------------------------------------------- papers and their order


def parts(reports: Sequence[ClaimReport]) -> list[tuple[str, str, list[ClaimReport]]]:
    r"""``(pack name, pack title, reports)`` paper by paper: packs in the registry's order, claims
    in each paper's order (``Pack.modules()``).  A claim outside the current packs (built by hand)
    goes under its ``paper``, after the packs, in the order given."""
    try:
        from proofs import registry

        packs = registry.current().packs
    except SmoothcheckError:  # no pack can be found: group by the claims' own paper names
        packs = ()
    position = {f"{p.name}.{m}": (i, j) for i, p in enumerate(packs) for j, m in enumerate(p.modules())}
    titles = {p.name: p.title for p in packs}
    papers = list(dict.fromkeys(r.claim.paper for r in reports))

    def key(item: tuple[int, ClaimReport]) -> tuple:
        given, report = item
        return position.get(report.claim.id, (len(packs) + papers.index(report.claim.paper), given))

    out: list[tuple[str, str, list[ClaimReport]]] = []
    for _, report in sorted(enumerate(reports), key=key):
        name = report.claim.id.partition(".")[0] if report.claim.id in position else report.claim.paper
        if not out or out[-1][0] != name:
            out.append((name, titles.get(name, name), []))
        out[-1][2].append(report)
    return out


def anchor(cid: str) -> str:
    r"""The link target of a claim in the documents: ``katende.thm_1`` -> ``claim-katende-thm-1``."""
    return "claim-" + re.sub(r"[^a-z0-9]+", "-", cid.lower()).strip("-")


# ---------------------------------------------------------------- the referee's findings


def findings(report: ClaimReport) -> list[dict[str, Any]]:
    r"""What a referee reports about one claim, each finding as plain data.

    The kind is read from the checked data, never from prose:

    * ``statement false``: an erratum on a step with ``role == "statement"``;
    * ``notation``: an erratum on a step the claim lists in ``Claim.notation``;
    * ``proof step wrong``: any other erratum (a printed proof step fails, its repair holds);
    * ``hypothesis missing``: an assumption ``used_not_stated`` whose necessity check found a
      counterexample (``necessary``, check passed);
    * ``not reproduced``: a step whose simulation did not reproduce the printed outcome;
    * ``fails without repair`` / ``undecided``: a step that fails with no passing repair, or
      whose oracles disagree (for a person to settle).

    Each finding has ``where`` (the paper's section and reference, the step and its display,
    a quotation when the step's text opens with one), ``counterexample``, ``repair`` (the
    repairing step's label, display and evidence) and ``evidence`` (how the finding is shown).
    """
    claim = report.claim
    by_label = {sr.step.label: sr for sr in report.steps}
    notation = set(getattr(claim, "notation", ()) or ())
    out: list[dict[str, Any]] = []
    for erratum in report.errata:
        sr = by_label[erratum.step]
        kind = ("statement false" if sr.step.role == "statement" else
                "notation" if erratum.step in notation else "proof step wrong")
        fixer = by_label.get(erratum.repaired_by) if erratum.repaired_by else None
        out.append(_finding(claim, kind, sr, erratum.text, erratum.counterexample_text, erratum.evidence,
                            erratum.reading, fixer, quote_from=erratum.description, values=erratum.values))
    for ar in report.assumptions:
        a, result = ar.assumption, ar.result
        if a.used_not_stated and a.necessity.verdict == "necessary" and result is not None and result.ok:
            description = (f"The proof uses {a.label}, ${a.latex}$, which the statement does not state; "
                           "the conclusion fails without it.")
            out.append({
                "kind": "hypothesis missing", "claim": claim.id, "label": claim.label,
                "where": _where(claim), "step": None, "latex": a.latex, "quote": None,
                **_texts(description, result.counterexample or a.necessity.evidence, result.values),
                "evidence": result.evidence, "check": result.detail, "reading": None,
                "repair": {"label": a.label, "latex": a.latex, "evidence": result.evidence, "hypothesis": True,
                           "scope": result.scope, "sample": result.sample, "text": f"state {a.label}: {a.name}"},
            })
    for sr in report.steps:
        result = sr.result
        if result.ok:
            continue
        if result.not_reproduced:
            kind = "not reproduced"
        elif result.undecided:
            kind = "undecided"
        elif any(e.step == sr.step.label for e in report.errata):
            continue
        else:
            kind = "fails without repair"
        # An outcome not reproduced with our settings is no counterexample: it has none.
        counterexample = None if kind == "not reproduced" else result.counterexample or result.detail
        out.append(_finding(claim, kind, sr, result.detail, counterexample,
                            result.evidence if kind != "not reproduced" else "not-reproduced", sr.step.reading, None))
    out.sort(key=lambda f: KINDS.index(f["kind"]))
    for later in [f for f in out if f["kind"] == "statement false"][1:]:  # the repaired statement, said once
        later["repaired_statement"] = None
    return out


def _texts(description: str, counterexample: str | None, values: Mapping[str, Any]) -> dict[str, Any]:
    r"""A finding's description and counterexample (:mod:`proofs.render`'s format), each rendered for the
    terminal (``description``, ``counterexample``), Markdown and LaTeX (``shown``), with the values that
    fill them at full precision (``values``)."""
    def both(target: str) -> dict[str, str | None]:
        return {"description": render(description, values, target),
                "counterexample": None if counterexample is None else render(counterexample, values, target)}

    return {**both("plain"), "shown": {"md": both("md"), "tex": both("tex")}, "values": full_values(values)}


def _finding(claim: Claim, kind: str, sr, description: str, counterexample: str | None, evidence: str,
             reading: str | None, fixer, quote_from: str = "", values: Mapping[str, Any] | None = None
             ) -> dict[str, Any]:
    step = sr.step
    return {
        "kind": kind, "claim": claim.id, "label": claim.label, "where": _where(claim),
        "step": step.label, "latex": step.latex, "quote": _quote(step.justification) or _quote(quote_from),
        **_texts(description, counterexample, values if values is not None else sr.result.values),
        "evidence": evidence, "reading": reading,
        "check": sr.result.detail,
        "repaired_statement": claim.repaired_statement if kind == "statement false" else None,
        "repair": None if fixer is None else {
            "label": fixer.step.label, "latex": fixer.step.latex, "evidence": fixer.result.evidence,
            "scope": fixer.result.scope, "sample": fixer.result.sample, "text": fixer.step.justification},
    }


def _quote(text: str | None) -> str | None:
    r"""The paper's words a step's text opens with (``'...'``), if it opens with a quotation."""
    match = _QUOTE.match((text or "").strip())
    return match.group(1) if match else None


def _where(claim: Claim) -> str:
    r"""The claim's place in its paper: label, title, section and reference (without the paper's name)."""
    reference = claim.reference
    for prefix in (_pack_title(claim), reference.split(",", 1)[0]):  # "Katende, Why ...", else "Kumar"
        if prefix and reference.startswith(prefix + ", "):
            reference = reference[len(prefix) + 2:]
            break
    title = f", {claim.title}" if claim.title and claim.title not in reference else ""
    mark = "§" if claim.section[:1].isdigit() else ""
    section = f"{mark}{claim.section}; " if claim.section and claim.section not in reference else ""
    return f"{claim.label}{title} ({section}{reference})"


def _pack_title(claim: Claim) -> str | None:
    try:
        from proofs import registry

        return registry.current().locate(claim.id)[0].title
    except SmoothcheckError:
        return None


# ---------------------------------------------------------------- JSON


def claim_entry(report: ClaimReport) -> dict[str, Any]:
    r"""The review JSON entry of one checked claim.

    Every step and hypothesis carries ``evidence`` (the level) and ``scope``
    (structured, for ``proved-on-scope``); the claim carries ``evidence`` (the
    weakest level its verdict rests on), ``summary`` ("verified, proved on
    scope {...}") and ``findings`` (:func:`findings`).
    """
    claim = report.claim
    extra = claim_extra(claim)
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
        "conclusion": list(claim.conclusions()),
        "statement_evidence": report.statement_evidence,
        "summary": report.summary(),
        "statement": claim.statement,
        "statement_kind": claim.statement_kind,
        "readings": [vars(r) for r in claim.readings],
        "repaired_statement": claim.repaired_statement,
        "counts": report.counts(),
        "hypotheses": [_hypothesis(a) for a in report.assumptions],
        "steps": [_step(s) for s in report.steps],
        "errata": [_erratum_entry(e) for e in report.errata],
        "findings": findings(report),
        "failures": report.failures,
        "undecided": report.flags,
        "not_reproduced": report.not_reproduced,
        "notes": [render(n, extra, "plain") for n in claim.notes],
        "notes_shown": {t: [render(n, extra, t) for n in claim.notes] for t in ("md", "tex")},
        "extra": extra,
    }


def _erratum_entry(e) -> dict[str, Any]:
    return {"step": e.step, "repaired_by": e.repaired_by, "evidence": e.evidence, "reading": e.reading,
            **_texts(e.text, e.counterexample_text, e.values)}


def claim_extra(claim: Claim) -> dict[str, Any]:
    r"""``claim.extra()``, kept in the verdict cache beside the claim's results, under the same key
    (:meth:`proofs.registry.Registry.cache_key`: the claim module, what it imports, the pack's data):
    some claims' details rerun a simulation, and the review shows every claim's."""
    if claim.extra is None:
        return {}
    try:
        from proofs import cache, registry

        registered = registry.current().get_claim(claim.id) is claim
        key = registry.current().cache_key(claim.id)
    except SmoothcheckError:  # a claim built by hand, in no pack: nothing to key it by
        registered = False
    if not registered:  # a claim built by hand (or a changed copy of a registered one): computed
        return claim.extra()
    return cache.cached(f"{claim.id}.extra", key, claim.extra)


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
        "argument": render(a.necessity.evidence, result.values if result else {}, "plain"),
        "argument_shown": {t: render(a.necessity.evidence, result.values if result else {}, t) for t in ("md", "tex")},
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
        "cross_checks": step.cross_checks,
        "uses": list(step.uses),
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
        "counterexample": result.shown_counterexample,
    }


def review_json(reports: list[ClaimReport]) -> str:
    r"""The whole review as JSON text."""
    return json.dumps({"claims": [claim_entry(r) for r in reports]}, indent=2, default=str)



# ---------------------------------------------------------------- Markdown


_LEVELS_TEXT = ("Evidence levels: *proved* (every value of the domain), *proved on scope* (a declared finite scope "
                "or box, shown), *confirmed* (sampled), *cited* (external theorem), *undecided* (oracles disagree), "
                "*not reproduced* (a simulation with our settings did not give the printed outcome; never an erratum).")


def review_markdown(reports: Sequence[ClaimReport]) -> str:
    r"""The whole review as Markdown: the summary table, then paper by paper the referee report
    (numbered findings) and each claim in detail, in the paper's order."""
    grouped = parts(reports)
    lines = ["# smoothcheck review", "",
             f"Generated by `smoothcheck review --format md` (this repository's copy: `{REGENERATE}`); "
             "do not edit by hand: `tests/proofs/test_review.py` fails when it is stale.", "",
             _LEVELS_TEXT, "", "## Summary", "", *summary_markdown(grouped)]
    for _, title, members in grouped:
        lines += ["", f"## {title}", "", "### Referee report", ""]
        numbered = [f for r in members for f in findings(r)]
        lines += [line for i, f in enumerate(numbered, 1) for line in finding_markdown(i, f)] or \
            ["No finding: every printed step and statement checked holds."]
        lines += ["", "### Claims"]
        for r in members:
            lines += ["", *_claim_markdown(claim_entry(r))]
    return "\n".join(lines) + "\n"


def claim_markdown(report: ClaimReport) -> str:
    r"""One claim's section of the Markdown review, exactly as :func:`review_markdown` writes it."""
    return "\n".join(_claim_markdown(claim_entry(report)))


def summary_markdown(grouped: list[tuple[str, str, list[ClaimReport]]]) -> list[str]:
    r"""The summary table: one row per claim, linked to its detail, grouped by paper."""
    lines = ["| claim | statement | verdict | weakest evidence | proved | on scope | confirmed | cited | undecided "
             "| not reproduced | errata | failed | readings |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for _, title, members in grouped:
        lines.append(f"| **{title}** |  |  |  |  |  |  |  |  |  |  |  |  |")
        for r in members:
            c = r.counts()
            lines.append(f"| [{r.claim.label}](#{anchor(r.claim.id)}) `{r.claim.id}` | "
                         f"{STATEMENT_KIND[r.claim.statement_kind]} | **{r.status}** | {r.evidence or 'cited only'}"
                         f"{'; the statement ' + r.statement_evidence if r.statement_evidence else ''} | "
                         f"{c['proved']} | {c['proved-on-scope']} | {c['confirmed']} | {c['cited']} | {c['undecided']} | "
                         f"{c['not-reproduced']} | {c['errata']} | {len(r.failures)} | {_readings_cell(r)} |")
    return lines


def _readings_cell(report: ClaimReport) -> str:
    readings = report.claim.readings
    if not readings:
        return "—"
    return "; ".join(f"{r.name}: {report.by_reading.get(r.name, 'implausible' if not r.plausible else '—')}"
                     for r in readings)


def finding_markdown(number: int, f: dict[str, Any]) -> list[str]:
    r"""One numbered finding of the referee report, ready to paste."""
    where = f["where"] + (f", step `{f['step']}`" if f["step"] else "")
    reading = f" (reading *{f['reading']}*)" if f["reading"] else ""
    indent = " " * len(f"{number}. ")  # continuation lines of a list item line up with its text
    out = [f"{number}. **{f['kind'].capitalize()}**{reading} — {where}."]
    if f["quote"]:
        out.append(f"{indent}The paper: “{f['quote']}”")
    if f["latex"]:
        out.append(f"{indent}{'Hypothesis' if f['step'] is None else 'As encoded'}: ${_one_line(f['latex'])}$")
    shown = f["shown"]["md"]
    out.append(f"{indent}{_one_line(shown['description'])}")
    out.append(f"{indent}- Counterexample: {_one_line(shown['counterexample'])}" if f["counterexample"] else
               f"{indent}- Counterexample: none (the outcome is not reproduced, which is not an erratum)")
    repair = f["repair"]
    if repair is None:
        out.append(f"{indent}- Repair: none checked.")
    elif repair.get("hypothesis"):
        out.append(f"{indent}- Repair: state {repair['label']}, ${_one_line(repair['latex'])}$.")
    else:
        level = _level(repair["evidence"], repair.get("scope"), repair.get("sample"))
        out.append(f"{indent}- Repair: `{repair['label']}`: ${_one_line(repair['latex'])}$ ({level})")
    if f.get("repaired_statement"):
        out.append(f"{indent}- Repaired statement: {_one_line(f['repaired_statement'])}")
    # The checker's own one-line log, as code: only where no typeset counterexample says it already.
    check = f" (checker: `{_one_line(f['check'])}`)" if f.get("check") and not f["counterexample"] else ""
    out.append(f"{indent}- Evidence: {_level(f['evidence'], None, None)}{check}")
    return out


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _claim_markdown(e: dict[str, Any]) -> list[str]:
    out = [f'<a id="{anchor(e["id"])}"></a>', "", f"#### {e['id']} — {e['label']}: {e['title']}", "",
           f"Status: **{e['summary']}** ({e['reference']})", "",
           f"**{STATEMENT_HEADING[e['statement_kind']]}.** {_one_line(e['statement'])}", ""]
    if e["repaired_statement"]:
        out += [f"**Repaired statement.** {_one_line(e['repaired_statement'])}", ""]
    out += ["Assumptions:"] + [f"- {h['label']} `{h['name']}`: {h['necessity']} "
                               f"[{_level(h['evidence'], h['scope'], None)}]"
                               f"{' (used, not stated)' if h['used_not_stated'] else ''} — {h['argument_shown']['md']}"
                               for h in e["hypotheses"]]
    if e["readings"]:
        out += ["", "Readings (the text is reconstructed or ambiguous; each checked reading is named by its steps):"]
        out += [f"- **{r['name']}**{'' if r['plausible'] else ' (implausible)'}"
                f"{' — verdict: ' + e['by_reading'][r['name']] if r['name'] in e['by_reading'] else ''}: "
                f"{render(r['description'], {}, 'md')} — {r['source']}" for r in e["readings"]]
    out += ["", "Steps:"]
    for s in e["steps"]:
        out.append(f"- {_mark(s)} `{s['label']}` [{s['kind']}, {_level(s['evidence'], s['scope'], s['sample'])}, "
                   f"{s['method']}{_engines(s)}]{' (reading: ' + s['reading'] + ')' if s['reading'] else ''}"
                   f"{' (repairs ' + s['repairs'] + ')' if s['repairs'] else ''}"
                   f"{' (cross-check of ' + s['cross_checks'] + ')' if s['cross_checks'] else ''}"
                   f"{' (uses ' + ', '.join(s['uses']) + ')' if s['uses'] else ''}: {s['detail']}")
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
                                  f"{x['shown']['md']['description']} Counterexample ({x['evidence']}): "
                                  f"{x['shown']['md']['counterexample']}. Repaired by `{x['repaired_by']}`."
                                  for x in e["errata"]]
    if e["failures"]:
        out += ["", "FAILURES:"] + [f"- {f}" for f in e["failures"]]
    if e["notes"]:
        out += ["", "Notes:"] + [f"- {n}" for n in e["notes_shown"]["md"]]
    if e["extra"]:
        out += ["", "Details:", "```json", json.dumps(_stable(e["extra"]), indent=1, default=str), "```"]
    return out


def _stable(value: Any) -> Any:
    r"""``value`` without timings (keys such as ``seconds``): the report must not change from run to run."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in _UNSTABLE_KEYS}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    return value


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


# ---------------------------------------------------------------- notebooks


def notebook_markdown(item: Claim | ClaimReport) -> str:
    r"""Markdown of a claim (its statement, assumptions and steps, unchecked) or of a checked
    claim (:func:`_claim_markdown`, with its findings): what a notebook shows for it."""
    if isinstance(item, ClaimReport):
        entry = claim_entry(item)
        lines = _claim_markdown(entry)[2:]  # without the anchor, which only documents link to
        if entry["findings"]:
            lines += ["", "Findings:"] + [line for i, f in enumerate(entry["findings"], 1)
                                          for line in finding_markdown(i, f)]
        return "\n".join(lines) + "\n"
    claim = item
    lines = [f"#### {claim.id} — {claim.label}: {claim.title}", "", f"({claim.reference}; not checked yet)", "",
             f"**{STATEMENT_HEADING[claim.statement_kind]}.** {_one_line(claim.statement)}", ""]
    if claim.repaired_statement:
        lines += [f"**Repaired statement.** {_one_line(claim.repaired_statement)}", ""]
    lines += ["Assumptions:"] + [f"- {a.label} `{a.name}`{' (used, not stated)' if a.used_not_stated else ''}"
                                 for a in claim.assumptions]
    lines += ["", "Steps:"] + [f"- `{s.label}` [{s.kind}, {'printed' if s.printed else 'added'}"
                               f"{', repairs ' + s.repairs if s.repairs else ''}"
                               f"{', reading ' + s.reading if s.reading else ''}]: ${_one_line(s.latex)}$"
                               for s in claim.steps]
    return "\n".join(lines) + "\n"
