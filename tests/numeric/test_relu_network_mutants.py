r"""numeric.relu_network: no gradient on an activation boundary (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric import relu_network as nr


def test_gradient_refuses_a_hidden_neuron_on_its_boundary():
    # w x + b = 1 * 3 - 3 = 0: the ReLU has no derivative there
    net = [([[Fraction(1)]], [Fraction(-3)]), ([[Fraction(2)]], [Fraction(0)])]
    with pytest.raises(ArithmeticError, match="boundary"):
        nr.gradient(net, [Fraction(3)], Fraction(1))


F = Fraction
PRIMES = {89, 97, 101, 103, 107, 109, 113}


def test_random_network_shapes_and_entries():
    # widths [3, 2] on d = 2: W of shapes 3x2, 2x3, 1x2 and biases of lengths 3, 2, 1
    net = nr.random_network([3, 2], 2, seed=5)
    assert [(len(W), len(W[0]), len(b)) for W, b in net] == [(3, 2, 3), (2, 3, 2), (1, 2, 1)]
    assert nr.random_network([3, 2], 2, seed=5) == net and nr.random_network([3, 2], 2, seed=6) != net
    # entries k / p, 0 < |k| <= 200, p one of seven primes near 100 (k a multiple of p leaves an integer 1 or 2)
    values = [v for W, b in nr.random_network([40, 40], 3, seed=831) for v in (*[e for row in W for e in row], *b)]
    assert {v.denominator for v in values} - {1} == PRIMES
    assert all(v != 0 and abs(v.numerator) <= 200 and (v.denominator > 1 or abs(v) in (1, 2)) for v in values)
    assert max(abs(v.numerator) for v in values) >= 190 and min(v for v in values) < -2 < 2 < max(v for v in values)


def test_forward_needs_a_layer():
    with pytest.raises(ValueError, match="at least one layer"):
        nr.forward([], [F(1)])


def test_backprop_through_two_hidden_layers_by_hand():
    # x = 1; layer 0: z = (1, 1); layer 1: W = [[1, -1], [2, 1]], b = (1, 0): z = (1, 3); out 2*1 + 1*3 = 5, y = 2:
    # delta 3 -> output grads ([[3, 9]], [3]); delta (6, 3) -> ([[6, 6], [3, 3]], [6, 3]);
    # back through W^1: (1*6 + 2*3, -1*6 + 1*3) = (12, -3) -> ([[12], [-3]], [12, -3])
    net = [([[F(1)], [F(2)]], [F(0), F(-1)]), ([[F(1), F(-1)], [F(2), F(1)]], [F(1), F(0)]), ([[F(2), F(1)]], [F(0)])]
    assert nr.forward(net, [F(1)]) == ([[1, 1], [1, 3]], 5)
    assert nr.gradient(net, [F(1)], F(2)) == [([[12], [-3]], [12, -3]), ([[6, 6], [3, 3]], [6, 3]), ([[3, 9]], [3])]


def test_backprop_stops_at_an_inactive_neuron():
    # x = 2: z = (2, -2), h = (2, 0); out = 3*2 + 5*0 + 1 = 7, y = 4: delta 3; the inactive neuron gets delta 0
    net = [([[F(1)], [F(-1)]], [F(0), F(0)]), ([[F(3), F(5)]], [F(1)])]
    assert nr.forward(net, [F(2)]) == ([[2, -2]], 7)
    assert nr.gradient(net, [F(2)], F(4)) == [([[18], [0]], [9, 0]), ([[6, 0]], [3])]


def test_place_on_boundary_in_a_deeper_layer_leaves_the_input_net_alone():
    net = [([[F(1)], [F(2)]], [F(0), F(-1)]), ([[F(1), F(-1)], [F(2), F(1)]], [F(1), F(0)]), ([[F(2), F(1)]], [F(0)])]
    moved = nr.place_on_boundary(net, [F(1)], 1, 1)  # z^1_2 = 3 -> bias 0 - 3
    assert moved[1][1] == [1, -3] and nr.forward(moved, [F(1)])[0][1] == [1, 0]
    assert net[1][1] == [1, 0]
    shifted = nr._shift_bias(net, 0, 1, F(1, 2))
    assert shifted[0][1] == [0, F(-1, 2)] and net[0][1] == [0, -1]


CHAIN = [([[F(1)]], [F(-1)]), ([[F(1)]], [F(-1, 10)]), ([[F(2)]], [F(0)])]  # at x = 1: z0 = 0, z1 = relu(z0) - 1/10


def test_crossing_pair_halves_until_one_neuron_flips():
    # eps = 1/8 would flip z1 too (1/8 - 1/10 > 0): halved to 1/16; eps = 1/10 puts z1 on 0: halved to 1/20
    minus, plus, eps = nr.crossing_pair(CHAIN, [F(1)], 0, 0, F(1, 8))
    assert eps == F(1, 16) and minus[0][1] == [F(-17, 16)] and plus[0][1] == [F(-15, 16)]
    assert nr.crossing_pair(CHAIN, [F(1)], 0, 0, F(1, 10))[2] == F(1, 20)
    assert nr.crossing_pair(CHAIN, [F(1)], 0, 0, F(1, 32))[2] == F(1, 32)


def test_crossing_pair_refused_when_another_neuron_stays_on_its_boundary():
    net = [([[F(1)], [F(1)]], [F(-1), F(-1)]), ([[F(1), F(1)]], [F(0)])]  # both hidden neurons at 0 for x = 1
    with pytest.raises(ArithmeticError, match="no crossing pair"):
        nr.crossing_pair(net, [F(1)], 0, 0, F(1, 8))


def test_gradient_jump_and_ratio_by_hand():
    # f = 2 relu(w + b), w = 1, b = -1 +- e, y = 3, e = 1/8: theta^- has gradient (0, 0, 0, -3); theta^+ has
    # delta 2e - 3 = -11/4: (2 delta, 2 delta, delta e, delta); jump^2 = 121/4 * 2 + 121/1024 + 1/16 = 62137/1024,
    # gap^2 = (2e)^2 = 1/16
    net = [([[F(1)]], [F(-1)]), ([[F(2)]], [F(0)])]
    assert nr.gradient_jump(net, [F(1)], F(3), 0, 0, F(1, 8)) == (F(62137, 1024), F(1, 16), F(1, 8))
    with mpmath.workdps(30):
        jump, ratio = nr.jump_ratio(net, [F(1)], F(3), 0, 0, F(1, 8), dps=30)
        assert abs(jump - mpmath.sqrt(62137) / 32) < mpmath.mpf(10) ** -25
        assert abs(ratio - mpmath.sqrt(62137) / 8) < mpmath.mpf(10) ** -25


def test_backprop_masks_each_layer_by_its_own_pre_activations():
    # x = 1; layer 0: z = (1, 1); layer 1: W = [[1, -1], [2, 1]], b = (1, -4): z = (1, -1), h = (1, 0); out 2, y = 5:
    # delta -3 -> ([[-3, 0]], [-3]); back (-6, -3) masked by layer 1's (1, -1): (-6, 0)
    # -> ([[-6, -6], [0, 0]], [-6, 0]);
    # back (1 * -6, -1 * -6) = (-6, 6), masked by layer 0's (1, 1) -> ([[-6], [6]], [-6, 6])
    net = [([[F(1)], [F(2)]], [F(0), F(-1)]), ([[F(1), F(-1)], [F(2), F(1)]], [F(1), F(-4)]), ([[F(2), F(1)]], [F(0)])]
    assert nr.forward(net, [F(1)]) == ([[1, 1], [1, -1]], 2)
    assert nr.gradient(net, [F(1)], F(5)) == [([[-6], [6]], [-6, 6]), ([[-6, -6], [0, 0]], [-6, 0]), ([[-3, 0]], [-3])]


@pytest.mark.parametrize("k", [199, 200])
def test_crossing_pair_halves_at_most_200_times(k):
    # z1 = relu(z0) - delta with delta just above 2^-k: from eps = 1 the pair needs eps' = 2^-k < delta, reached on
    # the 200th try (eps' = 2^-199) but not within 200 tries for k = 200
    delta = F(1, 2**k) + F(1, 2**250)
    net = [([[F(1)]], [F(-1)]), ([[F(1)]], [-delta]), ([[F(2)]], [F(0)])]
    if k == 199:
        assert nr.crossing_pair(net, [F(1)], 0, 0, F(1))[2] == F(1, 2**199)
    else:
        with pytest.raises(ArithmeticError, match="no crossing pair"):
            nr.crossing_pair(net, [F(1)], 0, 0, F(1))
