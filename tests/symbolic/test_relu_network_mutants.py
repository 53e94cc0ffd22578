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


def test_one_output_weight_and_one_bias_per_neuron():
    # width m = 3, input dimension 2: a = (a_1, a_2, a_3), b = (b_1, b_2, b_3), theta has m (d + 2) = 12 entries
    net = r.TwoLayer(3, 2)
    assert net.a == list(sp.symbols("a_1:4", real=True)) and len(net.b) == 3
    assert len(r.parameters(net)) == 12 and len(set(r.parameters(net))) == 12
