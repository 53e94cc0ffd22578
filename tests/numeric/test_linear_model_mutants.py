r"""numeric.linear_model: the cross-entropy's value, not only its derivatives (written against the mutation
benchmark)."""

from __future__ import annotations

import mpmath

from numeric import linear_model as nl


def test_cross_entropy_at_uniform_logits_is_log_of_the_class_count():
    # all logits 0 on two classes, one-hot label: -log(1/2) = log 2 per sample, two samples
    jet = nl.loss_jet("cross_entropy", [0, 0, 0, 0], [[1], [-3]], [[1, 0], [0, 1]], dps=30)
    with mpmath.workdps(30):
        assert abs(jet.value - 2 * mpmath.log(2)) < mpmath.mpf(10) ** -25
