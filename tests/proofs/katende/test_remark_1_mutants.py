r"""proofs.katende.remark_1: which unit derive says it crossed, and the digits the deep check's counterexample
shows (written against the mutation benchmark)."""

from __future__ import annotations

from proofs import registry
from proofs.katende.remark_1 import _deep_check
from proofs.values import parse_settings

CID = "katende.remark_1"


def test_derive_names_the_crossed_unit_in_the_last_hidden_layer_counting_from_1():
    claim = registry.get_claim(CID)
    for settings, layer in (([], 2), (["widths=[2, 2, 1]"], 3)):  # default widths [3, 2]; then three layers
        assert claim.derive(parse_settings(claim, settings))["crossed_neuron"] == f"layer {layer}, neuron 1"


def test_the_deep_checks_wrong_version_shows_its_numbers_to_15_digits():
    # outgoing weight 0: no jump on the first architecture (width 1), jump = eps and ratio 1/2 at both eps
    refused = _deep_check(outgoing_zero=True)
    assert not refused.ok and refused.values["widths"] == (1,)
    assert [str(refused.values[k]) for k in ("j1", "j2", "q1", "q2")] == \
        ["1.00000000000000e-6", "1.00000000000000e-12", "0.500000000000000", "0.500000000000000"]
