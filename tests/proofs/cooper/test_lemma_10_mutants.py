r"""Cooper Lemma 10: the A1 necessity check refuses a table that differs from direct differentiation, and the
mirror cross-check is the project's (written against the mutation benchmark)."""

from __future__ import annotations

from proofs import registry
from proofs.cooper import lemma_10

CID = "cooper.lemma_10"


def test_the_sigma_c_free_check_refuses_a_table_that_differs_from_direct_differentiation(monkeypatch):
    real = lemma_10.net.first_derivative_table
    assert lemma_10._sigma_c_free(True).ok
    monkeypatch.setattr(lemma_10.net, "first_derivative_table", lambda *args: [2 * v for v in real(*args)])
    assert not lemma_10._sigma_c_free(True).ok


def test_the_mirror_cross_check_is_an_added_step():
    steps = {s.label: s for s in registry.get_claim(CID).steps}
    assert not steps["lemma_10_agrees_with_mirror"].printed  # the paper has no numeric mirror
