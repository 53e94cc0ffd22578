r"""symbolic.shifted_ray and the shifted ray in symbolic.network: the ray of §3 moved off Assumption 1."""

from __future__ import annotations

import pytest
import sympy as sp

from symbolic import network as net
from symbolic import shifted_ray as shift


@pytest.mark.parametrize("name, jet", [("sigmoid", (sp.Rational(1, 2), sp.Rational(1, 4), 0)),
                                       ("softplus", (sp.log(2), sp.Rational(1, 2), sp.Rational(1, 4))),
                                       ("square", (1, 2, 2)), ("paper_example_1", (2, 2, 2))])
def test_two_jets_at_the_shift_points(name, jet):
    assert all(sp.simplify(a - b) == 0 for a, b in zip(shift.jet_at(name), jet))
    assert shift.jet_at(name)[1] != 0


@pytest.mark.parametrize("loss", ["l2", "cross_entropy"])
def test_output_vanishes_on_the_shifted_ray_and_not_on_the_paper_ray(loss):
    arch = net.Architecture((2, 1), 1, 2)
    M = tuple(map(tuple, net.ray_matrix(arch, loss)))
    x = net.symbolic_data(1, 1, 2).xs[0]
    assert all(j.const == 0 for j in net.layer_jets(arch, x, M, shifted=True)[-1])
    assert any(j.const != 0 for j in net.layer_jets(arch, x, M, shifted=True, paper_bias=True)[-1])


def test_shifted_entry_has_no_sigma_0_and_the_paper_closed_form():
    arch, data = net.Architecture((1, 2), 2, 3), net.symbolic_data(2, 2, 3)
    d, e = net.derivatives_on_ray(arch, data, "l2", shifted=True), net.named_entry(arch)
    assert not d.entry(e, e).has(net.SIGMA_0)
    assert sp.expand(d.entry(e, e) - net.hessian_entry_closed_form(arch, data, "l2")) == 0
    assert d.grad_norm_sq().has(net.SIGMA_0)


def test_shifted_jets_equal_direct_differentiation_with_a_generic_sigma():
    arch, data = net.Architecture((1, 1), 1, 1), net.symbolic_data(1, 1, 1)
    g, H = net.naive_derivatives_on_ray(arch, data, "l2", simplifier=sp.expand, shifted_at=net.C)
    d, P = net.derivatives_on_ray(arch, data, "l2", shifted=True), arch.parameters()
    assert all(sp.expand(g[a] - v) == 0 for a, v in enumerate(d.gradient_vector()))
    assert all(sp.expand(H[a, b] - d.entry(P[a], P[b])) == 0 for a in range(len(P)) for b in range(len(P)))


@pytest.mark.parametrize("arch", [shift.CONSTANT_ARCH, shift.DEPTH_0_ARCH])
def test_constant_sigma_and_depth_0_give_a_parameter_free_l2_hessian(arch):
    assert shift.parameter_free("l2", arch)[0]
    assert not shift.parameter_free("l2", net.Architecture((1,), 1, 2), lambda v: v)[0]


def test_cross_entropy_hessian_with_constant_sigma_is_bounded_not_constant():
    assert shift.parameter_free("cross_entropy", shift.DEPTH_0_ARCH)[0]
    assert not shift.parameter_free("cross_entropy", shift.DEPTH_0_ARCH, normalise=False)[0]


def test_any_width_identities_hold_at_finite_widths_and_symbolically():
    for sides in (net.first_order_chain_rule_on_ray_any_width, net.chain_rule_on_ray_any_width,
                  net.hidden_layer_recursion_any_width):
        lhs, rhs = sides()
        assert lhs.has(net.WIDTH) and sp.simplify(lhs - rhs) == 0
        assert all(sp.expand(net.at_width(lhs - rhs, w)) == 0 for w in (1, 2, 4))
        assert sp.expand(net.at_width(lhs + rhs, 2)) != 0
