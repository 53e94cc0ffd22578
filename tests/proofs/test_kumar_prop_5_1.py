r"""Kumar Prop 5.1: the one-step inequality, the bound's limit, Huber at large learning rates."""

import numpy as np

from numeric.lasso import huber_gd_losses
from proofs import registry
from proofs.kumar_prop_5_1 import huber_instance


def test_chain_verified():
    report = registry.report("kumar.prop_5_1")
    assert report.status == "verified"
    assert {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions} == {
        "A1": "unknown", "A2": "necessary", "A3": "necessary", "A4": "superfluous"}


def test_huber_loss_is_non_monotone_but_bounded_above_the_edge_of_stability():
    inst = huber_instance()
    losses = huber_gd_losses(inst["beta0"], inst["Z"], inst["y"], 20 * inst["eos"], 500)
    assert (np.diff(losses) > 0).any() and max(losses) < 1e3
