r"""The derivation document: escaped text, its structure (title page, contents, a part per paper in
the papers' order, a linked summary table), the referee report, and a real pdflatex compile."""

from __future__ import annotations

import re
import shutil

import pytest

from proofs import registry
from proofs.latex import compile_pdf, escape, notebook_latex, overfull_boxes, referee_document, write_document
from proofs.review import anchor

needs_pdflatex = pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex (texlive) is not installed")


def test_escape_neutralises_latex_specials():
    assert escape(r"50% of $x_1$ & {y}") == r"50\% of \$x\_\allowbreak{}1\$ \& \{y\}"


def test_long_numbers_and_labels_may_break_but_keep_every_digit():
    text = escape("n_" + "1234567890" * 5)
    assert text.replace(r"\allowbreak{}", "") == r"n\_" + "1234567890" * 5
    assert text.count(r"\allowbreak{}") == 1 + 4


@needs_pdflatex
def test_katende_thm_1_compiles_to_pdf(tmp_path):
    tex = write_document([registry.report("katende.thm_1")], tmp_path / "thm1.tex")
    pdf = compile_pdf(tex)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert r"\fails" in tex.read_text()  # the printed erratum is typeset as failing
    assert overfull_boxes(tex.with_suffix(".log")) == []
    assert "katende_thm_1_ratio.pdf" in tex.read_text()  # the growth claim's figure


#: Growth claims whose section must carry a figure drawn from computed data.
GROWTH_FIGURES = ("katende_thm_1_ratio.pdf", "katende_prop_1_constants.pdf", "katende_remark_1_ratio.pdf",
                  "katende_intro_crossings.pdf", "cooper_thm_12_ray.pdf", "cooper_thm_14_ray.pdf",
                  "cooper_depth_1_ray.pdf", "cooper_corollary_subquadratic_ray.pdf")


@pytest.mark.deep  # every claim's details and figures (minutes): .ci/run runs it, outside the 60 s default run
@needs_pdflatex
def test_every_claim_compiles_into_one_document(tmp_path):
    reports = [registry.report(cid) for cid in registry.claim_ids()]
    tex = write_document(reports, tmp_path / "all.tex")
    pdf = compile_pdf(tex)
    assert pdf.stat().st_size > 1000
    assert overfull_boxes(tex.with_suffix(".log")) == [], "overfull boxes wider than 5 pt"
    text = tex.read_text()
    assert all(name in text for name in GROWTH_FIGURES)


@pytest.mark.parametrize("cid", registry.claim_ids())
def test_typeset_text_has_no_control_characters(cid):
    # A non-raw string turns "\frac" into a form feed and "\beta" into a backspace.
    claim = registry.get_claim(cid)
    texts = [claim.statement, *(s.latex for s in claim.steps), *(a.latex for a in claim.assumptions)]
    bad = [t for t in texts if any(ord(ch) < 32 and ch != "\n" for ch in t)]
    assert not bad, f"{cid}: control characters in {bad}"


#: Cheap claims (no figures, no simulated details) from the three papers, one of them the project's own.
SAMPLE = ("kumar.prop_b_9", "katende.thm_1", "cooper.depth_1", "cooper.lemma_9", "katende.prop_2")


def _sample_reports() -> list:
    r"""The sample's reports, their figures left out: the structure is under test here, and drawing
    is the deep whole-document test's (it lists every growth figure)."""
    import dataclasses

    return [dataclasses.replace(r, claim=dataclasses.replace(r.claim, figures=None))
            for r in (registry.report(c) for c in SAMPLE)]


def test_document_has_title_page_contents_parts_in_the_papers_order_and_a_linked_summary(tmp_path):
    text = write_document(_sample_reports(), tmp_path / "some.tex").read_text()
    assert text.index(r"\begin{titlepage}") < text.index(r"\tableofcontents") < text.index(r"\section*{Summary}")
    parts = re.findall(r"\\part\{(.*?)\}", text)
    packs = [p for p in registry.packs() if any(c.startswith(p.name + ".") for c in SAMPLE)]
    assert parts == [escape(p.title) for p in packs]
    labelled = re.findall(r"\\label\{(claim-[^}]*)\}", text)
    assert labelled == [anchor(c) for c in registry.claim_ids() if c in SAMPLE]  # each paper's order
    summary = text.split(r"\section*{Summary}", 1)[1].split(r"\part{", 1)[0]
    assert re.findall(r"\\hyperref\[(claim-[^]]*)\]", summary) == labelled


def test_only_a_printed_statement_is_headed_as_printed(tmp_path):
    text = write_document(_sample_reports(), tmp_path / "some.tex").read_text()
    sections = dict(re.findall(r"\\label\{(claim-[^}]*)\}(.*?)(?=\\section\{|\\part\{|\\end\{document\})", text, re.S))
    assert "the project's claim" in sections[anchor("cooper.depth_1")]
    assert "(as reconstructed)" in sections[anchor("kumar.prop_b_9")]
    for cid in SAMPLE:
        kind = registry.get_claim(cid).statement_kind
        assert ("Statement (as printed)" in sections[anchor(cid)]) == (kind == "printed"), cid


def test_referee_document_lists_findings_per_paper():
    text = referee_document([registry.report("katende.prop_2")])
    findings = text.split(r"\subsection*{Findings}", 1)[1].split(r"\subsection*{Claims}", 1)[0]
    assert r"\item \textbf{Statement false}" in findings and r"\item \textbf{Hypothesis missing}" in findings
    assert "Counterexample:" in findings and rf"Repair: \texttt{{{escape('contraction_inequality_of_convex_D')}}}" in findings


def test_notebook_latex_heads_the_statement_by_its_kind():
    assert "Statement (the project's claim, not the paper's)." in notebook_latex(registry.get_claim("cooper.depth_1"))
    assert "Verdict: refuted" in notebook_latex(registry.report("katende.prop_2"))


@needs_pdflatex
def test_referee_document_compiles(tmp_path):
    tex = tmp_path / "referee.tex"
    tex.write_text(referee_document([registry.report("katende.prop_2")]))
    assert compile_pdf(tex).read_bytes().startswith(b"%PDF")
