r"""symbolic.relu_network: per-region gradients, crossing pairs and the limit jump."""

from __future__ import annotations

import itertools

import pytest
import sympy as sp

from symbolic import relu_network as r


@pytest.mark.parametrize("m,d", [(1, 1), (2, 1), (2, 2), (3, 1)])
def test_limit_jump_is_residual_times_outgoing_weight_times_direction(m, d):
    net = r.TwoLayer(m, d)
    for j in range(m):
        for others in itertools.product((True, False), repeat=m - 1):
            claimed = r.residual_at_boundary(net, j, others) * net.a[j] * r.crossing_direction(net, j)
            assert (r.limit_jump(net, j, others) - claimed).applyfunc(sp.expand).is_zero_matrix


def test_gradient_jump_tends_to_limit_jump_as_epsilon_vanishes():
    net = r.TwoLayer(2, 1)
    assert (r.gradient_jump(net, 1, (True,)).subs(r.epsilon, 0) - r.limit_jump(net, 1, (True,))).applyfunc(sp.expand).is_zero_matrix


def test_output_is_bilinear_in_parameters_on_a_region():
    assert r.parameter_degree(r.TwoLayer(3, 2), (True, False, True)) == 2


def test_crossing_pair_straddles_the_boundary():
    net = r.TwoLayer(2, 2)
    minus, plus = r.crossing_pair(net, 0)
    s = r.preactivation(net, 0)
    assert sp.expand(s.subs(plus, simultaneous=True) + s.subs(minus, simultaneous=True)) == 0
    assert sp.expand(s.subs(plus, simultaneous=True)).is_positive


@pytest.mark.deep
def test_limit_jump_formula_for_width_4():
    test_limit_jump_is_residual_times_outgoing_weight_times_direction(4, 2)
