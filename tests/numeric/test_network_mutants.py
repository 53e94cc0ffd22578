r"""numeric.network: the two losses at a point where every output is 0 (written against the mutation
benchmark): L2 is :math:`\sum\|y\|^2`, cross-entropy is :math:`\log d_{out}` per one-hot datum."""

from __future__ import annotations

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
