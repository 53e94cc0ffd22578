r"""symbolic.network: the second-order expansion against direct differentiation, the
closed forms on random architectures, the layer recursion, the printed tables."""

from __future__ import annotations

import os

import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from symbolic import network as net

DEEP = pytest.mark.skipif(os.environ.get("SMOOTHCHECK_PROFILE") != "deep", reason="long exploration: deep profile only")


def architectures(min_depth: int = 2, max_depth: int = 4, max_width: int = 3):
    return st.builds(lambda widths, d_in, d_out: net.Architecture(tuple(widths), d_in, d_out),
                     st.lists(st.integers(1, max_width), min_size=min_depth, max_size=max_depth),
                     st.integers(1, 3), st.integers(1, 3))


def test_parameter_count_matches_layer_sizes():
    arch = net.Architecture((3, 2), 2, 4)
    assert len(arch.parameters()) == 3 * 2 + 3 + 2 * 3 + 2 + 4 * 2 + 4


def test_expansion_equals_sympy_hessian_of_the_whole_loss():
    arch = net.Architecture((1, 1), 1, 1)
    data = net.seeded_data(1, 1, 1, 5, "l2")
    gradient, hessian = net.naive_derivatives_on_ray(arch, data, "l2", simplifier=sp.expand)
    d, params = net.derivatives_on_ray(arch, data, "l2"), arch.parameters()
    assert [sp.expand(g - v) for g, v in zip(gradient, d.gradient_vector())] == [0] * len(params)
    assert all(sp.expand(hessian[a, b] - d.entry(params[a], params[b])) == 0
               for a in range(len(params)) for b in range(len(params)))


@given(architectures(), st.integers(1, 3), st.integers(0, 10**6), st.sampled_from(["l2", "cross_entropy"]))
@example(net.Architecture((2, 2), 1, 1), 1, 0, "l2")
def test_grad_norm_sq_and_entry_equal_the_closed_forms(arch, n, seed, loss):
    data = net.seeded_data(n, arch.d_in, arch.d_out, seed, loss)
    d, e = net.derivatives_on_ray(arch, data, loss), net.named_entry(arch)
    assert sp.expand(d.grad_norm_sq() - net.grad_norm_sq_closed_form(arch, data, loss)) == 0
    assert sp.expand(d.entry(e, e) - net.hessian_entry_closed_form(arch, data, loss)) == 0


@given(architectures(max_depth=3, max_width=2))
def test_first_and_second_derivatives_follow_the_printed_tables(arch):
    assert net.first_derivative_mismatches(arch) == []
    assert net.second_derivative_mismatches(arch, layers=[arch.depth + 1]) == []


def test_tables_fail_at_depth_one():
    assert net.first_derivative_mismatches(net.Architecture((1,), 1, 1), kinds=("w",))
    assert net.second_derivative_mismatches(net.Architecture((1,), 1, 1))


@pytest.mark.parametrize("recursion", [net.hidden_layer_recursion, net.output_layer_recursion, net.chain_rule_on_ray,
                                       net.first_order_chain_rule_on_ray])
def test_layer_recursion_identities(recursion):
    lhs, rhs = recursion()
    assert sp.expand(lhs - rhs) == 0


def test_constants_on_ray_are_c_then_zero():
    assert net.constants_on_ray(net.Architecture((2, 1, 2), 1, 2)) == [[net.C] * 2, [net.C], [net.C] * 2, [0, 0]]


def test_activation_substitution_uses_the_catalogue():
    assert net.at_activation(net.SIGMA_1 + net.SIGMA_2, "tanh") == 1
    assert net.at_activation(net.SIGMA_1 + net.SIGMA_2, "softplus_shifted") == sp.Rational(3, 4)


def test_cross_entropy_at_depth_zero_is_refused():
    arch, data = net.Architecture((), 1, 2), net.seeded_data(1, 1, 2, 0, "cross_entropy")
    with pytest.raises(ValueError):
        net.derivatives_on_ray(arch, data, "cross_entropy")


@pytest.mark.deep
@DEEP
@pytest.mark.parametrize("loss", ["l2", "cross_entropy"])
def test_expansion_equals_sympy_hessian_at_sixteen_parameters(loss):
    arch = net.Architecture((2, 2), 1, 2)
    data = net.seeded_data(2, 1, 2, 1, loss)
    gradient, hessian = net.naive_derivatives_on_ray(arch, data, loss, simplifier=sp.expand)
    d, params = net.derivatives_on_ray(arch, data, loss), arch.parameters()
    assert all(sp.simplify(g - v) == 0 for g, v in zip(gradient, d.gradient_vector()))
    assert all(sp.simplify(hessian[a, b] - d.entry(params[a], params[b])) == 0
               for a in range(len(params)) for b in range(len(params)))
