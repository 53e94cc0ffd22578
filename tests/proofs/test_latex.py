r"""The derivation document: escaped text, and a real pdflatex compile."""

from __future__ import annotations

import shutil

import pytest

from proofs import registry
from proofs.latex import compile_pdf, escape, write_document

needs_pdflatex = pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex (texlive) is not installed")


def test_escape_neutralises_latex_specials():
    assert escape(r"50% of $x_1$ & {y}") == r"50\% of \$x\_1\$ \& \{y\}"


@needs_pdflatex
def test_katende_thm_1_compiles_to_pdf(tmp_path):
    tex = write_document([registry.report("katende.thm_1")], tmp_path / "thm1.tex")
    pdf = compile_pdf(tex)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert r"\fails" in tex.read_text()  # the printed erratum is typeset as failing


@needs_pdflatex
def test_every_claim_compiles_into_one_document(tmp_path):
    reports = [registry.report(cid) for cid in registry.claim_ids()]
    pdf = compile_pdf(write_document(reports, tmp_path / "all.tex"))
    assert pdf.stat().st_size > 1000


@pytest.mark.parametrize("cid", registry.claim_ids())
def test_typeset_text_has_no_control_characters(cid):
    # A non-raw string turns "\frac" into a form feed and "\beta" into a backspace.
    claim = registry.get_claim(cid)
    texts = [claim.statement, *(s.latex for s in claim.steps), *(a.latex for a in claim.assumptions)]
    bad = [t for t in texts if any(ord(ch) < 32 and ch != "\n" for ch in t)]
    assert not bad, f"{cid}: control characters in {bad}"
