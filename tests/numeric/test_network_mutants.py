r"""numeric.network: the two losses at a point where every output is 0 (written against the mutation
benchmark): L2 is :math:`\sum\|y\|^2`, cross-entropy is :math:`\log d_{out}` per one-hot datum."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric import network as nn


@pytest.mark.parametrize("d_out", [2, 3])
def test_losses_of_the_zero_network(d_out):
    params = [0] * nn.parameter_count([2], 1, d_out)
    xs, ys = [[3], [-1]], [[1] + [0] * (d_out - 1), [0] * (d_out - 1) + [1]]
    identity = lambda u: u  # noqa: E731 - the zero network outputs 0 whatever the activation
    assert nn.loss(params, [2], 1, d_out, xs, ys, identity, "l2") == 2
    with mpmath.workdps(30):
        ce = nn.loss(params, [2], 1, d_out, xs, ys, identity, "cross_entropy")
        assert abs(mpmath.mpf(getattr(ce, "a", ce)) - 2 * mpmath.log(d_out)) < mpmath.mpf(10) ** -25


@pytest.mark.parametrize("widths", [[2], [1, 2]])
def test_named_entry_is_the_first_bias_of_the_last_hidden_layer(widths):
    # Cooper's named entry d^2 L / d(b^l_1)^2, l = the depth (also for depth 1)
    depth = len(widths)
    index = nn.bias_index(widths, 1, 1, depth, 1)
    args = (widths, 1, 1, [[1]], [[1]], 2, "l2", "tanh")
    assert nn.named_hessian_entry(*args) == nn.hessian_entry(*args, index, index)


def test_hyper_dual_difference_and_product_componentwise():
    # rejects a - b with + in the eps1/eps2/eps1eps2 parts, and a*c' - c*a' in the eps2 part of the product
    x, y = nn.HyperDual(5, 7, 11, 13), nn.HyperDual(2, 3, 4, 6)
    assert x - y == nn.HyperDual(3, 4, 7, 7)
    assert 1 - y == nn.HyperDual(-1, -3, -4, -6)
    assert x * y == nn.HyperDual(10, 5 * 3 + 7 * 2, 5 * 4 + 11 * 2, 5 * 6 + 7 * 4 + 11 * 3 + 13 * 2)


def test_hyper_dual_is_immutable_and_hashable():
    # rejects a mutable (non-frozen) dataclass: seeded parameters are shared between passes
    x = nn.HyperDual(1, 2)
    assert hash(x) == hash(nn.HyperDual(1, 2))
    with pytest.raises(AttributeError):
        x.a = 3  # type: ignore[misc]


def test_unknown_activation_is_refused():
    # rejects a dropped raise (the bare lookup's KeyError names neither the problem nor the choices)
    with pytest.raises(KeyError, match="no numeric activation 'nope' \\(one of tanh, "):
        nn.activation("nope")


def test_shifted_catalogue_points_and_paper_example_value():
    # c' = 0 for sigmoid and softplus, 1 for u^2 and u^2 + 1; paper_example_1 is u^2 + 1 (not + 2)
    assert {name: nn.activation(name)[0] for name in nn.SHIFTED_ACTIVATIONS} == {
        "sigmoid": 0, "softplus": 0, "square": 1, "paper_example_1": 1}
    _, sigma = nn.activation("paper_example_1")
    assert sigma(0) == 1 and sigma(3) == 10


def test_cross_entropy_ray_uses_the_identity_matrix():
    # d_out = width = 2: M^{l+1} = t I for cross-entropy (rejects r != q), t * ones for L2
    assert nn.ray_point([2], 1, 2, 3, "cross_entropy", 0)[-6:] == [3, 0, 0, 3, 0, 0]
    assert nn.ray_point([2], 1, 2, 3, "l2", 0)[-6:] == [3, 3, 3, 3, 0, 0]


def test_network_applies_sigma_between_layers_only():
    # the input is not passed through sigma (rejects layer >= 1 / start=2): 2 * tanh(1 * 3 + 0)
    with mpmath.workdps(30):
        assert nn.network([1, 0, 2, 0], [1], 1, 1, [mpmath.mpf(3)], mpmath.tanh)[0] == 2 * mpmath.tanh(3)


def test_network_reads_weight_rows_of_a_wide_matrix():
    # M^1 = [[1], [2]] (2 rows, 1 column), b^1 = (0, 0), M^2 = [[3, 5]], b^2 = 7, identity: 3*1*x + 5*2*x + 7
    assert nn.network([1, 2, 0, 0, 3, 5, 7], [2], 1, 1, [2], lambda u: u) == [3 * 2 + 5 * 4 + 7]


def test_cross_entropy_second_derivative_in_one_output():
    # f = (b, 0, 0), y = (1, 0, 0): L = -b + log(e^b + 2); at b = 0, L = log 3, dL/db = -1 + 1/3 = -2/3,
    # d2L/db2 = (1/3)(2/3) = 2/9 (rejects d log v = v or -v * 2 in place of 1/v, -1/v^2)
    params = [nn.HyperDual(0, 1, 1, 0) if i == 5 else nn.HyperDual(0) for i in range(8)]
    with mpmath.workdps(30):
        L = nn.loss(params, [1], 1, 3, [[1]], [[1, 0, 0]], lambda u: u, "cross_entropy")
        assert abs(L.a - mpmath.log(3)) < mpmath.mpf(10) ** -25
        assert abs(L.b + mpmath.mpf(2) / 3) < mpmath.mpf(10) ** -25
        assert abs(L.d - mpmath.mpf(2) / 9) < mpmath.mpf(10) ** -25


def test_gradient_at_a_fractional_t():
    # tanh on the paper ray, t = 1/2: dL/db^2 = 2 (0 - 1) t sech^2(0) = -1, dL/db^3 = -2 (rejects num * den)
    grad = nn.gradient_on_ray([1, 1], 1, 1, [[1]], [[1]], Fraction(1, 2), "l2", "tanh")
    assert [float(g) for g in grad] == [0, 0, 0, -1, 0, -2]


def test_the_default_is_the_paper_ray_not_the_shifted_one():
    # sigmoid, t = 2, y = 0: on the paper ray f = t sigma(0) = 1, so the gradient is (0, 0, 1/2, 1, 1, 2) and
    # its squared norm 25/4; on the shifted ray f = 0 and every entry is 0 (rejects shifted=True by default)
    args = ([1, 1], 1, 1, [[1]], [[0]], 2, "l2", "sigmoid")
    assert [float(g) for g in nn.gradient_on_ray(*args)] == [0, 0, 0.5, 1, 1, 2]
    assert float(nn.grad_norm_sq(*args)) == 6.25
    assert nn.grad_norm_sq(*args, shifted=True) == 0


def test_named_entry_default_is_the_paper_ray():
    # softplus: sigma(0) = log 2, sigma' = 1/2, sigma'' = 1/4, t = 2: 2 [(t sigma')^2 + (f - y) t sigma'']
    # = 2 + 2 log 2 on the paper ray (f = 2 log 2, y = 0), 2 on the shifted ray (f = 0)
    args = ([1, 1], 1, 1, [[1]], [[0]], 2, "l2", "softplus")
    with mpmath.workdps(30):
        assert abs(nn.named_hessian_entry(*args) - (2 + 2 * mpmath.log(2))) < mpmath.mpf(10) ** -25
        assert abs(nn.hessian_entry(*args, 3, 3) - (2 + 2 * mpmath.log(2))) < mpmath.mpf(10) ** -25
        assert abs(nn.named_hessian_entry(*args, shifted=True) - 2) < mpmath.mpf(10) ** -25
        # y = 1: 2 [1 - 2 * 1/4] = 1 on the shifted ray
        assert abs(nn.named_hessian_entry([1, 1], 1, 1, [[1]], [[1]], 2, "l2", "softplus", shifted=True) - 1) \
            < mpmath.mpf(10) ** -25


def test_bias_index_in_unequal_layers():
    # widths [2, 3]: shapes (2,1), (3,2), (1,3); b^2_1 after 2+2+6 entries, b^3_1 is the last parameter
    assert nn.bias_index([2, 3], 1, 1, 1, 2) == 3
    assert nn.bias_index([2, 3], 1, 1, 2, 1) == 10
    assert nn.bias_index([2, 3], 1, 1, 2, 3) == 12
    assert nn.bias_index([2, 3], 1, 1, 3, 1) == nn.parameter_count([2, 3], 1, 1) - 1 == 16


def test_output_second_derivative():
    # d^2 f / d b^2 d M^3 = sigma'(0) = 1 for tanh (the first derivative d f / d b^2 would be t = 2)
    assert [float(v) for v in nn.output_derivative([1, 1], 1, 1, [1], 2, "l2", "tanh", 3, 4)] == [1]
    assert [float(v) for v in nn.output_derivative([1, 1], 1, 1, [1], 2, "l2", "tanh", 3)] == [2]
