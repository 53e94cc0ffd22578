r"""Katende Theorem 1, the ``witness`` command (written against the mutation benchmark): a constant
:math:`L \le 0` is no candidate smoothness constant and is refused as such."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings


@pytest.mark.parametrize("L", ["0", "-1"])
def test_witness_refuses_a_constant_that_is_not_positive(L):
    claim = registry.get_claim("katende.thm_1")
    with pytest.raises(AssumptionViolated) as raised:
        claim.witness(parse_settings(claim, [f"L={L}"]))
    assert raised.value.assumption == "L"
