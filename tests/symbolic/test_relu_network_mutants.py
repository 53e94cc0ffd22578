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


def test_the_network_symbols_are_real():
    net = r.TwoLayer(2, 2)
    assert all(s.is_real is True for s in (*net.x, *net.a, *net.b, *net.w(0), *net.w(1), r.y))
    assert r.epsilon.is_positive is True


def test_parameters_are_ordered_neuron_by_neuron():
    net = r.TwoLayer(2, 1)
    a1, a2 = net.a
    b1, b2 = net.b
    assert r.parameters(net) == [a1, *net.w(0), b1, a2, *net.w(1), b2]
    assert r.crossing_direction(net, 1).T == sp.Matrix([[0, 0, 0, 0, net.x[0], 1]])


def test_gradient_on_the_active_region_of_one_neuron_by_hand():
    # f = a (w x + b), L = (f - y)^2/2: grad = (f - y) (w x + b, a x, a)
    net = r.TwoLayer(1, 1)
    (a,), (b,), (w,), (x,) = net.a, net.b, net.w(0), net.x
    s = w * x + b
    expected = (a * s - r.y) * sp.Matrix([s, a * x, a])
    assert (r.gradient_on_region(net, (True,)) - expected).applyfunc(sp.expand).is_zero_matrix


def test_the_crossing_pair_moves_only_w_and_b_of_neuron_j_around_the_boundary_point():
    # theta0 has b = -w x; theta^-+ = theta0 -+ epsilon (x, 1) in (w, b), the outgoing weight a is unchanged
    net = r.TwoLayer(1, 1)
    (a,), (b,), (w,), (x,) = net.a, net.b, net.w(0), net.x
    minus, plus = r.crossing_pair(net, 0)
    eps = r.epsilon
    assert minus == {a: a, w: w - eps * x, b: -w * x - eps}
    assert plus == {a: a, w: w + eps * x, b: -w * x + eps}


def test_gradient_jump_before_the_limit_by_hand():
    # at theta^+ the neuron is on with s = epsilon (x^2 + 1); at theta^- it is off (zero gradient):
    # jump = (a s - y) (s, a x, a)
    net = r.TwoLayer(1, 1)
    (a,), (x,) = net.a, net.x
    s = r.epsilon * (x**2 + 1)
    expected = (a * s - r.y) * sp.Matrix([s, a * x, a])
    assert (r.gradient_jump(net, 0, ()) - expected).applyfunc(sp.expand).is_zero_matrix


def test_the_residual_at_a_boundary_keeps_the_other_neurons_pattern():
    # width 3, neuron 1 on its boundary, neuron 0 active, neuron 2 inactive: f - y = a_1 s_1 - y
    net = r.TwoLayer(3, 1)
    assert r.residual_at_boundary(net, 1, (True, False)) == net.a[0] * r.preactivation(net, 0) - r.y
    assert r.parameter_degree(net, (False, True, False)) == 2


def test_a_network_shape_is_a_frozen_value_and_names_neurons_from_one():
    # neuron k (0-based) has incoming weights w_{k+1}_1..w_{k+1}_d, as the paper numbers neurons 1..m
    net = r.TwoLayer(2, 2)
    assert net.w(0) == list(sp.symbols("w_1_1:3", real=True)) and net.w(1) == list(sp.symbols("w_2_1:3", real=True))
    assert net == r.TwoLayer(2, 2) and hash(net) == hash(r.TwoLayer(2, 2))
    try:
        net.m = 3
    except AttributeError:
        pass
    else:
        raise AssertionError("a network shape was modified")


def test_with_no_neuron_active_f_is_the_zero_polynomial_of_degree_minus_infinity():
    # a region where every neuron is off: f is SymPy's zero (it was Python's int 0, and parameter_degree crashed on
    # it with AttributeError), the residual is -y, and the zero polynomial has degree -oo, below any active region's
    net = r.TwoLayer(2, 1)
    assert r.output_on_region(net, (False, False)) == 0 and isinstance(r.output_on_region(net, (False, False)), sp.Expr)
    assert r.parameter_degree(net, (False, False)) == -sp.oo
    assert r.parameter_degree(net, (True, False)) == 2
