r"""docs/INVENTORY.md: every backticked claim/step/assumption reference names something registered.

The inventory cites checks as ```paper.label``` (a claim), ```paper.label::step_label``` (a step) or
```paper.label::A1``` (an assumption).  This test parses every such reference whose paper is one of
the three built-in packs and checks it against the registry with :func:`registry.get_claim`
(cheap: it builds the claim objects, it runs no check), so a renamed or removed step fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from proofs import registry

INVENTORY = Path(__file__).resolve().parents[2] / "docs" / "INVENTORY.md"
PAPERS = ("katende", "cooper", "kumar")
MIN_ROWS = 60

# a backticked span that starts with a paper prefix: `katende.thm_1`, `kumar.prop_b_2::two_cycle_18`
_REFERENCE = re.compile(r"`((?:" + "|".join(PAPERS) + r")\.[^`\s]*)`")
_CANONICAL = re.compile(r"^(?P<claim>(?:" + "|".join(PAPERS) + r")\.[a-z0-9_]+)(?:::(?P<name>[A-Za-z0-9_]+))?$")
_ROW = re.compile(r"^\|(?!\s*#\s*\|)(?!\s*-)")


def _text() -> str:
    return INVENTORY.read_text(encoding="utf-8")


def _references(text: str) -> list[tuple[int, str]]:
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in _REFERENCE.finditer(text)]


def _parts(text: str) -> dict[str, str]:
    r"""The text of each paper's part: from its ``## Part ...: <Paper>`` heading to the next ``## `` heading."""
    parts: dict[str, str] = {}
    chunks = re.split(r"(?m)^(?=## )", text)
    for chunk in chunks:
        head = chunk.splitlines()[0] if chunk else ""
        for paper in PAPERS:
            if re.match(rf"## Part \d+: {paper}\b", head, flags=re.IGNORECASE):
                parts[paper] = chunk
    return parts


def _rows(part: str) -> list[str]:
    return [line for line in part.splitlines() if _ROW.match(line)]


def test_inventory_exists():
    assert INVENTORY.is_file(), f"{INVENTORY} is missing"


def test_references_are_canonical():
    bad = [(line, ref) for line, ref in _references(_text()) if not _CANONICAL.match(ref)]
    assert not bad, "non-canonical references (use `claim.id`, `claim.id::step` or `claim.id::A1`): " + repr(bad[:20])


def test_references_name_registered_claims_steps_and_assumptions():
    ids = set(registry.claim_ids())
    stale = []
    for line, ref in _references(_text()):
        m = _CANONICAL.match(ref)
        if not m:
            continue  # reported by test_references_are_canonical
        cid, name = m.group("claim"), m.group("name")
        if cid not in ids:
            stale.append((line, ref, "no such claim"))
            continue
        if name is None:
            continue
        claim = registry.get_claim(cid)
        labels = {s.label for s in claim.steps} | {a.label for a in claim.assumptions}
        if name not in labels:
            stale.append((line, ref, "no such step or assumption"))
    assert not stale, f"{len(stale)} stale reference(s) in docs/INVENTORY.md: {stale[:20]}"


def test_there_are_references_for_every_paper():
    refs = [ref for _, ref in _references(_text())]
    for paper in PAPERS:
        assert any(r.startswith(paper + ".") for r in refs), f"no reference to a {paper} claim"


@pytest.mark.parametrize("paper", PAPERS)
def test_each_paper_has_a_part_with_enough_rows(paper):
    parts = _parts(_text())
    assert paper in parts, f"no '## Part N: {paper.capitalize()} ...' heading"
    rows = _rows(parts[paper])
    assert len(rows) >= MIN_ROWS, f"{paper}: {len(rows)} table rows, expected at least {MIN_ROWS}"
    for row in rows:
        assert row.rstrip().endswith("|") and row.count("|") - row.count("\\|") >= 7, f"{paper}: malformed row {row[:80]!r}"
    assert "Dropped clauses and unencoded claims" in parts[paper], f"{paper}: no 'Dropped clauses and unencoded claims' section"


def test_parser_catches_a_stale_reference():
    text = "| 1 | x | q | claim | `katende.thm_1::no_such_step_label` | n |"
    (_, ref), = _references(text)
    cid, name = _CANONICAL.match(ref).group("claim", "name")
    claim = registry.get_claim(cid)
    assert name not in {s.label for s in claim.steps} | {a.label for a in claim.assumptions}
