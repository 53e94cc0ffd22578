r"""Kumar texts (errata, counterexamples, hypothesis evidence, notes, readings, repaired statements) are in
:mod:`proofs.render`'s format: the paper's math between dollars, computed numbers as placeholders that the
check's values fill, no ASCII math in the prose."""

from __future__ import annotations

import re
from typing import Any, Iterator

import pytest

from proofs import registry
from proofs.render import render, segments
from proofs.review import claim_extra

KUMAR = [cid for cid in registry.claim_ids() if cid.startswith("kumar.")]
#: A placeholder standing on its own: not a macro's argument (``\mathrm{best}``) nor a script (``x_{k}``).
_BARE_PLACEHOLDER = re.compile(r"(?<![\w^_}])\{([A-Za-z_]\w*)\}")
#: The paper's symbols spelled in ASCII, or ASCII operators, in prose (they belong between dollars).
_ASCII_MATH = re.compile(r"\b(?:alpha|lambda|beta0|beta1|beta|eps|epsilon|gamma|sqrt|oo)\b|\|\||->|>=|<=|\*\*|\^")


def _texts(cid: str, notes_with_extra: bool = False) -> Iterator[tuple[str, str, dict[str, Any] | None, bool]]:
    r"""``(where, text, values, ours)``: ``ours`` is False for the engine's own counterexamples (a
    :class:`~proofs.steps.Limit`'s, a witness's), which this pack does not write.  A note's values are the
    claim's ``extra()`` when ``notes_with_extra`` (some rerun a simulation: a deep test), else ``None``."""
    report = registry.report(cid)
    claim = report.claim
    for r in report.steps:
        if r.step.erratum and not r.result.ok:
            yield f"{r.step.label} (erratum)", r.step.erratum, dict(r.result.values), True
        if r.result.counterexample:
            yield f"{r.step.label} (counterexample)", r.result.counterexample, dict(r.result.values), type(r.step).__name__ == "Check"
    for a in report.assumptions:
        yield f"{a.assumption.label} (hypothesis)", a.assumption.necessity.evidence, dict(a.result.values if a.result else {}), True
    extra = claim_extra(claim) if claim.notes and notes_with_extra else None
    for note in claim.notes:
        yield "note", note, extra, True
    for reading in claim.readings:
        yield f"reading {reading.name}", reading.description, {}, True
    if claim.repaired_statement:
        yield "repaired statement", claim.repaired_statement, {}, True


def _assert_filled(cid: str, notes_with_extra: bool) -> None:
    for where, text, values, _ in _texts(cid, notes_with_extra):
        if values is None:  # a note whose measurements this run does not compute
            continue
        missing = [name for name in _BARE_PLACEHOLDER.findall(text) if name not in values]
        assert not missing, f"{cid} {where}: no value for {missing}"
        for target in ("plain", "md", "tex"):
            render(text, values, target)  # every value has a rendering


@pytest.mark.parametrize("cid", KUMAR)
def test_every_placeholder_is_filled_by_the_checks_values(cid):
    _assert_filled(cid, notes_with_extra=False)


@pytest.mark.deep
@pytest.mark.parametrize("cid", KUMAR)
def test_every_note_placeholder_is_filled_by_the_claims_measurements(cid):
    _assert_filled(cid, notes_with_extra=True)


@pytest.mark.parametrize("cid", KUMAR)
def test_prose_has_no_ascii_math(cid):
    for where, text, _, ours in _texts(cid):
        if not ours:
            continue
        prose = " ".join(piece for is_math, piece in segments(text) if not is_math)
        assert not _ASCII_MATH.findall(prose), f"{cid} {where}: ASCII math {_ASCII_MATH.findall(prose)} outside $...$: {text!r}"


def test_the_checks_reject_texts_with_an_unknown_placeholder_or_ascii_math():
    assert _BARE_PLACEHOLDER.findall(r"at {point}: $\mathrm{best}={f_best}$, $x_{k}$") == ["point", "f_best"]
    assert _ASCII_MATH.findall("with alpha = 1/100 and ||g||_2 -> oo") == ["alpha", "||", "||", "->", "oo"]
    assert not _ASCII_MATH.findall("the step iterates_stay_bounded fails; 'non-divergence' is vacuous")


def test_an_erratum_shows_the_exact_values_of_its_counterexample():
    import sympy as sp

    report = registry.report("kumar.eq_9")
    step = next(s for s in report.claim.steps if s.label == "bound_9_with_G_eq_lambda")
    result = next(r.result for r in report.steps if r.step is step)
    assert result.values["f_best"] == sp.Rational(47, 5000) and result.values["bound"] == sp.Rational(1, 200)
    tex = render(step.erratum, result.values, "tex")
    assert r"{\frac{47}{5000}}>" in tex and r"\beta^{(0)} = \left( \frac{4947}{10000}" in tex
