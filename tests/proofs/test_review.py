r"""The review and the referee report: docs/REVIEW.md is current, findings are classified from the
checked data (never from prose), every claim shows its statement, and the papers' order is kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from proofs import registry
from proofs.cli import main
from proofs.engine import Assumption, Check, Claim, Necessity, StepResult, check_claim, validate_claim
from proofs.errors import InconsistentClaim
from proofs.review import (REGENERATE, REGENERATE_JSON, anchor, claim_entry, claim_markdown, findings, parts,
                           review_json, review_markdown)

REVIEW_MD = Path(__file__).resolve().parents[2] / "docs" / "REVIEW.md"
REVIEW_JSON = REVIEW_MD.with_name("review.json")


def _all_reports():
    return [registry.report(cid) for cid in registry.claim_ids()]


@pytest.mark.deep  # every claim's details (tens of CPU seconds in a fresh run): .ci/run runs it
def test_docs_review_md_is_current():
    # The verdict cache makes this cheap once the claims are checked; a changed claim changes the text.
    fresh = review_markdown(_all_reports())
    assert REVIEW_MD.is_file(), f"docs/REVIEW.md is missing: run `{REGENERATE}`"
    assert REVIEW_MD.read_text(encoding="utf-8") == fresh, f"docs/REVIEW.md is stale: run `{REGENERATE}`"


def _recorded_section(cid: str) -> str:
    r"""The claim's own section of docs/REVIEW.md: from its anchor to the next claim's, or the next part."""
    start = f'<a id="{anchor(cid)}"></a>'
    text = REVIEW_MD.read_text(encoding="utf-8")
    assert start in text, f"docs/REVIEW.md has no section for {cid}: run `{REGENERATE}`"
    rest = text.split(start, 1)[1]
    ends = [i for i in (rest.find('\n<a id="'), rest.find("\n## ")) if i >= 0]
    return (start + rest[: min(ends)] if ends else start + rest).rstrip("\n")


@pytest.mark.deep  # the claim's details too; the mutation benchmark names it for each claim a module feeds
@pytest.mark.parametrize("cid", registry.claim_ids())
def test_each_claims_section_of_the_review_is_current(cid):
    r"""One claim's part of the whole-file check above: everything its section tells a referee (verdict, every
    step's evidence, method and detail, counterexamples, errata, notes, details) is what was recorded.  A change
    to a claim module that changes none of it (a refactoring) passes; any other is a stale review."""
    fresh = claim_markdown(registry.report(cid))
    recorded = _recorded_section(cid)
    if fresh != recorded:
        changed = [f"recorded: {a}\n   fresh: {b}" for a, b in zip(recorded.splitlines(), fresh.splitlines()) if a != b]
        pytest.fail(f"{cid}: its section of docs/REVIEW.md is stale (run `{REGENERATE}`); first change:\n"
                    + (changed[0] if changed else "a line added or removed"))


@pytest.mark.deep  # as the Markdown above: cheap once the claims are checked; .ci/run runs it
def test_docs_review_json_is_current():
    fresh = review_json(_all_reports())
    assert REVIEW_JSON.is_file(), f"docs/review.json is missing: run `{REGENERATE_JSON}`"
    assert REVIEW_JSON.read_text(encoding="utf-8") == fresh, f"docs/review.json is stale: run `{REGENERATE_JSON}`"


def _first_difference(recorded, fresh, path: str = "") -> str:
    r"""Where two JSON values first differ, as a path (``steps[3].scope.cases``) and both values."""
    if isinstance(recorded, dict) and isinstance(fresh, dict) and recorded.keys() == fresh.keys():
        for key in recorded:
            if recorded[key] != fresh[key]:
                return _first_difference(recorded[key], fresh[key], f"{path}.{key}" if path else key)
    if isinstance(recorded, list) and isinstance(fresh, list) and len(recorded) == len(fresh):
        for i, (a, b) in enumerate(zip(recorded, fresh)):
            if a != b:
                return _first_difference(a, b, f"{path}[{i}]")
    return f"{path or 'the entry'}: recorded {json.dumps(recorded)[:300]}, fresh {json.dumps(fresh)[:300]}"


@pytest.mark.deep  # the claim's data; the mutation benchmark names it for each claim a module feeds
@pytest.mark.parametrize("cid", registry.claim_ids())
def test_each_claims_review_data_is_current(cid):
    r"""One claim's entry of docs/review.json: what its Markdown section shows and what it leaves out (a
    step's whole scope, such as the cases a witness was verified at, and the points a sampled step ran at).
    Like the Markdown, it records what a referee reads, not that it is right."""
    assert REVIEW_JSON.is_file(), f"docs/review.json is missing: run `{REGENERATE_JSON}`"
    recorded = {c["id"]: c for c in json.loads(REVIEW_JSON.read_text(encoding="utf-8"))["claims"]}
    assert cid in recorded, f"docs/review.json has no entry for {cid}: run `{REGENERATE_JSON}`"
    fresh = json.loads(json.dumps(claim_entry(registry.report(cid)), default=str))  # as review_json writes it
    if fresh != recorded[cid]:
        pytest.fail(f"{cid}: its entry of docs/review.json is stale (run `{REGENERATE_JSON}`); first change: "
                    + _first_difference(recorded[cid], fresh))


def test_the_first_difference_of_two_entries_names_its_path():
    recorded = {"steps": [{"label": "a", "scope": {"cases": [1, 2]}}], "ok": True}
    changed = {"steps": [{"label": "a", "scope": {"cases": [1, 3]}}], "ok": True}
    assert _first_difference(recorded, changed) == "steps[0].scope.cases[1]: recorded 2, fresh 3"
    assert _first_difference({"a": 1}, {"b": 1}) == 'the entry: recorded {"a": 1}, fresh {"b": 1}'


@pytest.mark.deep
def test_the_staleness_check_sees_a_changed_review():
    reports = _all_reports()
    assert review_markdown(reports[:-1]) != REVIEW_MD.read_text(encoding="utf-8")


def test_review_md_is_in_the_papers_order_with_statements_and_a_linked_summary():
    text = REVIEW_MD.read_text(encoding="utf-8")
    assert text.startswith("# smoothcheck review\n") and REGENERATE in text.splitlines()[2]
    headed = re.findall(r"^#### (\S+) — ", text, flags=re.M)
    assert headed == list(registry.claim_ids())
    for pack in registry.packs():
        assert f"\n## {pack.title}\n" in text
    for cid in registry.claim_ids():
        claim = registry.get_claim(cid)
        assert f"](#{anchor(cid)})" in text and f'<a id="{anchor(cid)}"></a>' in text
        detail = text.split(f'<a id="{anchor(cid)}"></a>', 1)[1].split('<a id="', 1)[0]
        assert " ".join(claim.statement.split()) in detail, cid
        if claim.repaired_statement:
            assert "**Repaired statement.** " + " ".join(claim.repaired_statement.split()) in detail, cid
        if claim.statement_kind != "printed":
            assert "as printed" not in detail.split("\n\nAssumptions:", 1)[0], cid


def test_no_timing_date_or_path_in_the_review():
    text = REVIEW_MD.read_text(encoding="utf-8")
    assert '"seconds"' not in text and str(Path.home()) not in text and "/tmp/" not in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)


# ---------------------------------------------------------------- findings, from the data


def _toy(role: str = "statement", notation: tuple[str, ...] = (), kind: str = "project",
         repair_holds: bool = True, used_not_stated: bool = True) -> Claim:
    r"""A claim whose printed step ``x <= 1`` fails at ``x = 2`` and is repaired by ``x <= 2``."""
    printed = Check(label="bound_as_printed", latex=r"x \le 1", role=role,
                    justification="'x never exceeds one' says the paper.",
                    run_check=lambda: StepResult(False, "symbolic", "exact", "x = 2 > 1", counterexample="x=2"))
    repaired = Check(label="bound_of_two", latex=r"x \le 2", repairs="bound_as_printed",
                     run_check=lambda: StepResult(repair_holds, "symbolic", "exact", "holds"))
    necessity = Necessity("necessary", "Without x > 0 the bound fails at x = -3.",
                          check=Check(label="a1_needed", latex=r"x>0",
                                      run_check=lambda: StepResult(True, "symbolic", "witness", "x=-3 breaks it",
                                                                   counterexample="x=-3")))
    return Claim(id="toy.thm_1", paper="toy", label="Theorem 1", section="2", title="A toy bound",
                 statement=r"For $x \in X$, $x \le 1$.", reference="Toy, Sec. 2, Theorem 1",
                 assumptions=[Assumption("A1", "x > 0", "x>0", necessity, used_not_stated=used_not_stated)],
                 steps=[printed, repaired], repaired_statement=r"For $x \in X$, $x \le 2$.",
                 statement_kind=kind, notation=notation)


def _kinds(claim: Claim) -> list[str]:
    return [f["kind"] for f in findings(check_claim(claim))]


def test_a_refuted_statement_step_is_a_false_statement_with_its_repair():
    found = findings(check_claim(_toy()))
    false = next(f for f in found if f["kind"] == "statement false")
    assert false["step"] == "bound_as_printed" and false["counterexample"] == "x=2"
    assert false["repair"]["label"] == "bound_of_two" and false["repair"]["latex"] == r"x \le 2"
    assert false["quote"] == "x never exceeds one" and "Sec. 2" in false["where"]
    assert false["repaired_statement"] == r"For $x \in X$, $x \le 2$."


def test_the_kind_follows_the_step_role_and_the_notation_marker():
    assert _kinds(_toy(role="statement")) == ["statement false", "hypothesis missing"]
    assert _kinds(_toy(role="proof")) == ["hypothesis missing", "proof step wrong"]
    assert _kinds(_toy(role="proof", notation=("bound_as_printed",))) == ["hypothesis missing", "notation"]


def test_a_stated_hypothesis_is_no_finding_and_a_failed_repair_is_reported_unrepaired():
    assert _kinds(_toy(used_not_stated=False)) == ["statement false"]
    assert _kinds(_toy(repair_holds=False, used_not_stated=False)) == ["fails without repair", "fails without repair"]


def test_notation_must_name_a_printed_step():
    with pytest.raises(InconsistentClaim, match="notation"):
        validate_claim(_toy(notation=("bound_of_two",)))


def test_findings_of_the_papers_come_from_their_data():
    prop_2 = {f["kind"]: f for f in reversed(findings(registry.report("katende.prop_2")))}
    assert prop_2["statement false"]["step"] == "contraction_inequality_as_printed"
    assert prop_2["statement false"]["repair"]["label"] == "contraction_inequality_of_convex_D"
    assert prop_2["hypothesis missing"]["repair"]["label"] == "A3"
    assert prop_2["proof step wrong"]["quote"] == "Using (3.5) yields (3.6)"
    lasso = findings(registry.report("kumar.experiment_lasso"))
    assert [f["evidence"] for f in lasso if f["kind"] == "not reproduced"] == ["not-reproduced"]


def test_referee_list_is_numbered_per_paper_with_kind_counterexample_repair_and_evidence():
    text = review_markdown([registry.report("katende.prop_2")])
    report = text.split("### Referee report", 1)[1].split("### Claims", 1)[0]
    assert re.search(r"^1\. \*\*Statement false\*\* — Proposition 2", report, flags=re.M)
    for part in ("- Counterexample: ", "Repair: `contraction_inequality_of_convex_D`", "Evidence: proved",
                 "Repaired statement: "):
        assert part in report


# ---------------------------------------------------------------- order, JSON, CLI, notebooks


def test_parts_follow_the_packs_and_each_papers_order():
    ids = ["kumar.prop_b_2", "katende.thm_1", "cooper.lemma_9", "katende.intro_crossings"]
    grouped = parts([registry.report(c) for c in ids])
    assert [name for name, _, _ in grouped] == [n for n in registry.pack_names() if n in {"kumar", "katende", "cooper"}]
    order = [r.claim.id for _, _, members in grouped for r in members]
    assert order == [c for c in registry.claim_ids() if c in ids]


def test_json_keeps_the_design_fields_and_adds_findings(capsys):
    assert main(["review", "katende.prop_2", "--format", "json"]) == 0
    entry = json.loads(capsys.readouterr().out)["claims"][0]
    assert {"id", "paper", "label", "status", "hypotheses", "steps", "errata", "findings"} <= set(entry)
    assert entry == json.loads(json.dumps(claim_entry(registry.report("katende.prop_2")), default=str))


def test_review_format_tex_is_a_referee_document(capsys):
    assert main(["review", "katende.prop_2", "--format", "tex"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(r"\documentclass") and out.rstrip().endswith(r"\end{document}")
    assert r"\item \textbf{Statement false}" in out and r"\paragraph{Repaired statement.}" in out


def test_claims_and_reports_show_themselves_in_a_notebook():
    claim = _toy()
    md, tex = claim._repr_markdown_(), claim._repr_latex_()
    assert "Statement (the project's claim, not the paper's)" in md and "as printed" not in md
    assert claim.statement in tex and "not checked" in md
    report = check_claim(claim)
    md, tex = report._repr_markdown_(), report._repr_latex_()
    assert "Status: **refuted" in md and "Findings:" in md and "1. **Statement false**" in md
    assert r"Verdict: refuted" in tex and claim.repaired_statement in tex
    printed = registry.report("katende.thm_1")
    assert "Statement (as printed)" in printed._repr_markdown_()


def test_finding_texts_are_rendered_from_the_values_for_each_target():
    r"""A counterexample's numbers come from the check's values: exact in the JSON, typeset in LaTeX."""
    import sympy as sp

    from proofs.engine import check_claim
    from proofs.review import findings

    x = sp.Symbol("x", real=True)
    printed = Check(label="bound_as_printed", latex=r"x^2 \le 1", role="statement", erratum="fails at {point}",
                    run_check=lambda: StepResult(False, "symbolic", "t", "d", counterexample="${lhs} > 1$",
                                                 values={"point": {x: 2}, "lhs": sp.Rational(10**45 + 7, 3)}))
    repair = Check(label="bound", latex=r"x \le 2", repairs="bound_as_printed",
                   run_check=lambda: StepResult(True, "symbolic", "t", "d"))
    claim = Claim(id="t.t", paper="t", label="T", section="", title="", statement="", reference="",
                  assumptions=[], steps=[printed, repair])
    (finding,) = findings(check_claim(claim))
    assert finding["description"] == "fails at x = 2" and finding["shown"]["tex"]["description"] == "fails at $x = 2$"
    assert finding["shown"]["md"]["counterexample"].startswith(r"${\approx 3.33333333333333 \cdot 10^{44}")
    assert finding["values"]["lhs"] == str(sp.Rational(10**45 + 7, 3))  # every digit, in the JSON
