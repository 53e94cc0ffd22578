r"""symbolic.network: the any-width layer recursions hold once the width is a number (written
against the mutation benchmark; the symbolic width is what the claims use)."""

from __future__ import annotations

import pytest
import sympy as sp

from symbolic import network as net


@pytest.mark.parametrize("recursion", [net.hidden_layer_recursion_any_width, net.output_layer_recursion_any_width])
def test_any_width_recursion_at_width_three(recursion):
    lhs, rhs = recursion()
    assert sp.expand((lhs - rhs).subs(net.WIDTH, 3).doit()) == 0


def test_data_of_another_size_than_the_architecture_is_refused():
    # Extra label columns (or inputs) used to be ignored without a word: derivatives of another loss than the one named.
    arch = net.Architecture((1, 1), 1, 2)
    with pytest.raises(ValueError, match="labels; the architecture takes 1 and 2"):
        net.derivatives_on_ray(arch, net.Data(((1,),), ((1, 2, 3),)), "l2")
    with pytest.raises(ValueError, match="inputs"):
        net.derivatives_on_ray(arch, net.Data(((1, 1),), ((1, 2),)), "l2")
    assert net.derivatives_on_ray(arch, net.Data(((1,),), ((1, 2),)), "l2").grad_norm_sq() != 0


def test_the_output_recursion_inputs_are_real_symbols_like_every_other_quantity():
    r"""lambda_k, q_k and delta M_k are real numbers (coefficients of a real expansion), declared ``real=True`` like
    every symbol of the module: a caller who substitutes values through ``sp.Symbol("q_1", real=True)`` must hit
    them. A ``q_k`` declared not real would be a different symbol, and the substitution would silently do nothing."""
    lhs, rhs = net.output_layer_recursion(1)  # q_k enters at second order here (t M_k sigma'(c) q_k)
    names = {"lambda_1", "q_1", "dM_1"}
    used = {s for s in (lhs.free_symbols | rhs.free_symbols) if s.name in names}
    assert {s.name for s in used} == names and all(s.is_real for s in used)
    zero = {sp.Symbol(n, real=True): 0 for n in names}
    assert not ({s.name for s in lhs.subs(zero).free_symbols} & names)


def test_the_shifted_ray_cancels_each_output_with_its_own_row_of_m():
    # Shifted ray: b^{l+1}_j = -t sigma(c) sum_k M_jk, so that f_j = t sigma(c) sum_k M_jk + b^{l+1}_j = 0 for every
    # output j. Rows of M with different sums (1 and 2) tell row j from another row (M[j - 2] would swap them).
    arch = net.Architecture((2,), 1, 2)
    M = [[1, 0], [1, 1]]
    point = net.ray_point(arch, net.T, M, sigma_c=net.SIGMA_0)
    for j in (1, 2):
        weights = [point[net.Param("w", 2, j, k)] for k in (1, 2)]
        assert weights == [net.T * m for m in M[j - 1]]
        assert sp.expand(net.SIGMA_0 * sum(weights) + point[net.Param("b", 2, j, 0)]) == 0
    assert [point[net.Param("b", 2, j, 0)] for j in (1, 2)] == [-net.SIGMA_0 * net.T, -2 * net.SIGMA_0 * net.T]
    # the plain ray (no sigma_c) has output bias 0 whatever M is
    assert all(net.ray_point(arch, net.T, M)[net.Param("b", 2, j, 0)] == 0 for j in (1, 2))
