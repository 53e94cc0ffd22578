r"""symbolic.one_neuron: the loss is a square of real quantities (written against the mutation
benchmark; the closed form of the gradient-difference ratio is in ``test_one_neuron.py``)."""

from __future__ import annotations

from symbolic import one_neuron as o


def test_losses_are_nonnegative_for_real_parameters_and_data():
    assert o.loss_on_active_side().is_nonnegative is True
    assert o.loss_on_inactive_side().is_nonnegative is True

