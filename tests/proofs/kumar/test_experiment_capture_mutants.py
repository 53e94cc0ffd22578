r"""Kumar Experiment A.1.5 (written against the mutation benchmark): the wrong version of the sub-ulp
spread step, a bound of 0.1 ulp below the measured spreads (0.18 and 0.26 ulp), is rejected."""

from __future__ import annotations

from proofs import registry

CID = "kumar.experiment_capture"


def test_the_too_tight_spread_bound_is_rejected():
    step = next(s for s in registry.get_claim(CID).steps if s.label == "float_loss_constant_real_loss_varies")
    assert step.run().ok
    (wrong,) = step.mutants()
    result = wrong.run()
    assert not result.ok and result.detail.endswith("(spread bound 0.1 ulp)")
