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
