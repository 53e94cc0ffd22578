r"""symbolic.relu_network: the per-region loss is a square of real quantities (written against the
mutation benchmark)."""

from __future__ import annotations

import itertools

import sympy as sp

from symbolic import relu_network as r


def test_region_losses_are_nonnegative_for_real_parameters_and_target():
    net = r.TwoLayer(2, 1)
    for pattern in itertools.product((True, False), repeat=2):
        loss = sp.Rational(1, 2) * (r.output_on_region(net, pattern) - r.y) ** 2
        assert loss.is_nonnegative is True, pattern
