r"""Cooper Assumption 1: a step's claimed c and sigma'(c) must both match the computed ones (written against the
mutation benchmark; direct calls, no whole claim)."""

from __future__ import annotations

from proofs.cooper import assumption_1 as A


def test_a_claim_with_the_right_c_but_a_wrong_slope_or_the_reverse_is_refuted():
    # tanh: c = 0, sigma'(0) = 1.  Matching c alone, or sigma'(c) alone, is not the verdict.
    assert A._decide("tanh", True, 0, 1).ok
    assert not A._decide("tanh", True, 0, 2).ok
    assert not A._decide("tanh", True, 1, 1).ok


def test_every_wrong_version_of_each_activation_step_is_rejected():
    for step in A._activation_steps():
        assert step.mutants() and not any(m.run().ok for m in step.mutants()), step.label
