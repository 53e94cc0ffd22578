r"""The texts of the Katende and Cooper claims are in :mod:`proofs.render`'s format: prose with the
paper's math between dollars, computed numbers from the checks' values.

Checked on every note, reading, hypothesis argument, erratum and repaired statement of the claims
converted so far (Cooper's Lemmas 9-11, depth 1 and the corollary are converted separately): no ASCII
formula (``||g||``, ``->``, ``<=``, ``sigma``) is left in the prose, and every erratum's values are the
exact objects the check used, never preformatted strings.
"""

from __future__ import annotations

import re

import pytest
import sympy as sp

from proofs import registry

#: Every Katende and Cooper claim (Kumar's texts: tests/proofs/kumar/test_texts.py).
CLAIMS = [c for c in registry.claim_ids() if c.split(".")[0] in ("katende", "cooper")]

#: ASCII renderings of formulas that belong between dollars: norms, arrows, comparisons, powers, Greek names.
_ASCII_MATH = re.compile(r"\|\||->|<=|>=|!=|\^|\b(?:sigma|beta|theta|rho|eta|epsilon|eps|phi|lambda|nabla|grad|sqrt)\b")
_MATH = re.compile(r"(?<!\\)\$[^$]*(?<!\\)\$")


def ascii_math(text: str) -> list[str]:
    r"""The ASCII formula tokens left in the prose of ``text`` (what lies between dollars is LaTeX).

    >>> ascii_math(r"fails: ||g||_2^2 = 9/2 > G^2 as beta -> 0, but $\|g\|_2^2 \le G^2$ holds")
    ['||', '||', '^', '^', 'beta', '->']
    """
    return _ASCII_MATH.findall(_MATH.sub(" ", text))


def _texts(cid: str) -> list[tuple[str, str]]:
    claim = registry.get_claim(cid)
    out = [("note", n) for n in claim.notes] + [(f"reading {r.name}", r.description) for r in claim.readings]
    out += [(f"hypothesis {a.label}", a.necessity.evidence) for a in claim.assumptions]
    out += [(f"erratum {s.label}", s.erratum) for s in claim.steps if s.erratum]
    return out + ([("repaired statement", claim.repaired_statement)] if claim.repaired_statement else [])


def test_the_prose_check_rejects_an_ascii_formula():
    assert ascii_math(r"the bound $\|g\|_2^2 > G^2$ fails for $\sigma(c) = 0$") == []
    assert ascii_math("||g||_2^2 = 9/2 > G^2 = 9/4 and sigma -> 0") == ["||", "||", "^", "^", "sigma", "->"]


@pytest.mark.parametrize("cid", CLAIMS)
def test_texts_keep_their_formulas_between_dollars(cid):
    left = {where: ascii_math(text) for where, text in _texts(cid) if ascii_math(text)}
    assert not left, f"{cid}: ASCII formulas in prose: {left}"


@pytest.mark.parametrize("cid", CLAIMS)
def test_erratum_values_are_the_exact_objects_the_check_used(cid):
    for erratum in registry.report(cid).errata:
        shown = [k for k, v in erratum.values.items() if isinstance(v, str)]
        assert not shown, f"{cid} {erratum.step}: preformatted values {shown}"
        for value in erratum.values.values():
            if isinstance(value, sp.Float):  # a float only where the check computed one, and the text says so
                assert "digits" in erratum.counterexample_text + erratum.text
