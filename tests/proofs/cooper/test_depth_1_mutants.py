r"""Cooper's depth-1 claim: assumption A2 (b >= 2) binds cross-entropy only, and its cross-checks are the
project's (written against the mutation benchmark)."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings

CID = "cooper.depth_1"


def test_one_output_is_refused_for_cross_entropy_only():
    claim = registry.get_claim(CID)
    assert parse_settings(claim, ["loss=l2", "d_out=1"])["d_out"] == 1
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(claim, ["loss=cross_entropy", "d_out=1"])
    assert info.value.assumption == "A2"


def test_the_direct_differentiation_cross_check_is_an_added_step():
    steps = {s.label: s for s in registry.get_claim(CID).steps}
    assert not steps["jets_equal_direct_differentiation_depth_1"].printed
