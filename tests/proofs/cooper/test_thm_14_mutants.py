r"""Cooper Theorem 14: the claim's parameters (written against the mutation benchmark)."""

from __future__ import annotations

from proofs import registry
from proofs.cooper import ray


def test_only_d_out_is_documented_as_the_number_of_classes():
    # cross-entropy: d_out is the number of classes b; every other parameter keeps the deep claims' description
    claim = registry.get_claim("cooper.thm_14")
    docs = {p.name: p.doc for p in claim.parameters}
    assert docs["d_out"] == "classes b"
    assert all(docs[p.name] == p.doc for p in ray.deep_parameters() if p.name != "d_out")


def test_the_two_class_wrong_version_finds_log_2_for_uniform_labels():
    r"""The wrong version 'with b = 2 the loss is identically 0 too' is refuted at all parameters 1, where both logits
    are equal (for any x): with uniform labels y = (1/2, 1/2) the loss is exactly log b = log 2 (labels (1/3, 1/2),
    which break Assumption 2, would give 5 log(2)/6)."""
    from proofs.cooper import thm_14

    result = thm_14._b_necessity_wrong()
    assert not result.ok and result.detail == "b = 2: L(all parameters 1) = log(2) (exact)"
