r"""Cooper Lemma 16: ``derive`` at the default parameters (written against the mutation benchmark)."""

from __future__ import annotations

from proofs import registry
from proofs.values import parse_settings

CID = "cooper.lemma_16"


def test_the_default_example_shows_the_printed_bound_is_not_sharp():
    # c = (1, -2), l = (z_1, z_2): the printed bound sum |c_k| = 3, the sharp one max |c_k| = 2
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, []))
    assert out == {"F": "(exp(z_1) - 2*exp(z_2))/(exp(z_1) + exp(z_2))", "bound_as_printed": "3", "sharp_bound": "2"}
