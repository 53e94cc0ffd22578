r"""numeric.linear_model: the cross-entropy's value, not only its derivatives (written against the mutation
benchmark)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import mpmath
import pytest

from numeric import linear_model as nl


def test_cross_entropy_at_uniform_logits_is_log_of_the_class_count():
    # all logits 0 on two classes, one-hot label: -log(1/2) = log 2 per sample, two samples
    jet = nl.loss_jet("cross_entropy", [0, 0, 0, 0], [[1], [-3]], [[1, 0], [0, 1]], dps=30)
    with mpmath.workdps(30):
        assert abs(jet.value - 2 * mpmath.log(2)) < mpmath.mpf(10) ** -25


def test_an_unknown_loss_is_refused_by_name():
    # "l1" is no loss of the model: a ValueError naming the two losses, not a KeyError from the table
    with pytest.raises(ValueError, match="unknown loss 'l1'"):
        nl.loss_jet("l1", [0, 0], [[1]], [[2]])


def test_a_jet_is_an_immutable_value():
    # jets are shared between the loss's terms: one cannot be changed in place, and equal jets hash alike
    jet = nl.Jet.variable(Fraction(3), 0, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        jet.value = Fraction(4)
    assert hash(jet) == hash(nl.Jet.variable(Fraction(3), 0, 1))
