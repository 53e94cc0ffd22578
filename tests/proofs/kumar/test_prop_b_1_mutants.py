r"""Kumar Prop. B.1, the ``derive`` command (written against the mutation benchmark): its defaults by hand."""

from __future__ import annotations

from proofs import registry
from proofs.values import parse_settings


def test_derive_defaults_by_hand():
    # alpha = 1/100, lambda = 1: 1/2 = 50 alpha lambda hits 0 at step 50; 0.4947 is off the grid and never does
    claim = registry.get_claim("kumar.prop_b_1")
    out = claim.derive(parse_settings(claim, []))
    assert out["alpha_lambda"] == "1/100"
    assert out["coordinates"] == [{"beta0": "1/2", "exceptional": True, "first_zero_step": 50},
                                  {"beta0": "4947/10000", "exceptional": False, "first_zero_step": None}]
