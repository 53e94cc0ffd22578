r"""Kumar Prop. B.2, the ``derive`` command (written against the mutation benchmark): each violated
hypothesis is refused with its label, the boundary values 0 included (by ``parse_settings``, which
checks the claim's hypotheses before ``derive`` runs; ``derive``'s own check is a second line)."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings


@pytest.mark.parametrize("settings,hypothesis", [(["alpha=0"], "A1"), (["alpha=-1/100"], "A1"), (["lam=0"], "A2")])
def test_derive_refuses_each_violated_hypothesis(settings, hypothesis):
    claim = registry.get_claim("kumar.prop_b_2")
    with pytest.raises(AssumptionViolated) as raised:
        claim.derive(parse_settings(claim, settings))
    assert raised.value.assumption == hypothesis
