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


# ---------------------------------------------------------------- the small helpers, pinned by hand

S1, S2, T = net.SIGMA_1, net.SIGMA_2, net.T


def test_param_latex_and_architecture_shape():
    # a bias printed as a weight (or the layer and row swapped) would misname every entry a referee reads
    assert net.Param("b", 3, 2, 0).latex() == "b^{3}_{2}"
    assert net.Param("w", 1, 2, 3).latex() == "w^{1}_{23}"
    arch = net.Architecture((2, 3), 1, 2)
    assert arch.depth == 2 and net.Architecture((), 1, 1).depth == 0
    assert arch.sizes() == [1, 2, 3, 2]
    # layer by layer, M^i row by row, then b^i (a k-major or bias-first order would move every index)
    assert net.Architecture((2,), 1, 1).parameters() == (
        net.Param("w", 1, 1, 1), net.Param("w", 1, 2, 1), net.Param("b", 1, 1, 0), net.Param("b", 1, 2, 0),
        net.Param("w", 2, 1, 1), net.Param("w", 2, 1, 2), net.Param("b", 2, 1, 0))
    assert net.Architecture((), 2, 1).parameters() == (
        net.Param("w", 1, 1, 1), net.Param("w", 1, 1, 2), net.Param("b", 1, 1, 0))
    assert net.architecture(2, 3, 1, 4) == net.Architecture((3, 3), 1, 4)
    assert net.architecture(0, 3, 1, 4).widths == ()


def test_data_constructors():
    d = net.symbolic_data(2, 2, 1)
    assert d.n == 2 and [[str(v) for v in row] for row in d.xs] == [["x_1_1", "x_1_2"], ["x_2_1", "x_2_2"]]
    assert [[str(v) for v in row] for row in d.ys] == [["y_1_1"], ["y_2_1"]]
    assert all(v.is_real for row in d.xs + d.ys for v in row)
    assert net.symbolic_data(0, 1, 1) == net.Data((), ()) and net.Data((), ()).n == 0
    # probability rows: last entry 1 minus the others (a row of width 1 is the constant 1)
    p = net.probability_data(1, 1, 3)
    assert sp.expand(sum(p.ys[0])) == 1 and p.ys[0][:2] == d.ys[0][:1] + (sp.Symbol("y_1_2", real=True),)
    assert net.probability_data(2, 1, 1).ys == ((1,), (1,))
    # ints and Fractions both exact
    from fractions import Fraction
    lists = net.data_from_lists([[Fraction(-3, 4), 2]], [[0, Fraction(5, 1)]])
    assert lists.xs == ((sp.Rational(-3, 4), sp.Integer(2)),) and lists.ys == ((0, 5),)
    assert all(isinstance(v, sp.Rational) for v in lists.xs[0] + lists.ys[0])


def test_seeded_data_ranges_and_probability_rows():
    import random
    for seed in range(5):
        l2 = net.seeded_data(3, 2, 2, seed, "l2")
        assert l2.n == 3 and all(len(r) == 2 for r in l2.xs + l2.ys)
        assert all(abs(v) <= 9 and 1 <= v.q <= 9 for r in l2.xs + l2.ys for v in r)
        ce = net.seeded_data(3, 2, 3, seed, "cross_entropy")
        assert all(sum(r) == 1 and all(v > 0 for v in r) for r in ce.ys)
    # the first draw of Random(0): randint(-9, 9) = 3, randint(1, 9) = 1 (pinned, so the data of every record is fixed)
    rng = random.Random(0)
    first = sp.Rational(rng.randint(-9, 9), rng.randint(1, 9))
    assert net.seeded_data(1, 1, 1, 0, "l2").xs == ((first,),)
    assert net.seeded_data(1, 1, 1, 0, "l2") == net.seeded_data(1, 1, 1, 0, "l2")
    assert net.seeded_data(2, 1, 1, 0, "l2") != net.seeded_data(2, 1, 1, 1, "l2")


def test_ray_matrix_and_symbolic_matrix_shapes():
    assert net.ray_matrix(net.Architecture((3,), 1, 2), "l2") == [[1, 1, 1], [1, 1, 1]]
    assert net.ray_matrix(net.Architecture((1,), 1, 3), "cross_entropy") == [[1], [0], [0]]
    # depth 0: the columns are the inputs
    assert net.ray_matrix(net.Architecture((), 2, 1), "l2") == [[1, 1]]
    assert net.ray_matrix(net.Architecture((), 2, 2), "cross_entropy") == [[1, 0], [0, 1]]
    m = net.symbolic_matrix(net.Architecture((4, 2), 1, 3))
    assert [[str(v) for v in row] for row in m] == [[f"m_{r}_{q}" for q in (1, 2)] for r in (1, 2, 3)]
    assert len(net.symbolic_matrix(net.Architecture((), 3, 1))[0]) == 3


def test_ray_point_hidden_layers_and_custom_c():
    arch = net.Architecture((2, 1), 1, 1)
    p = net.ray_point(arch, T, [[5]], c=sp.Integer(7))
    assert all(p[q] == 0 for q in arch.parameters() if q.kind == "w" and q.layer <= 2)
    assert all(p[q] == 7 for q in arch.parameters() if q.kind == "b" and q.layer <= 2)
    assert p[net.Param("w", 3, 1, 1)] == 5 * T and p[net.Param("b", 3, 1, 0)] == 0
    assert len(p) == len(arch.parameters())


def test_jet_derivatives_and_accumulate():
    jet = net.Jet(0, {1: 3}, {(0, 2): 5, (1, 1): 4})
    assert jet.derivative(1) == 3 and jet.derivative(0) == 0
    # off-diagonal: the coefficient itself, either order; diagonal: twice it (d^2/da^2 of q a^2)
    assert jet.second_derivative(2, 0) == 5 and jet.second_derivative(0, 2) == 5
    assert jet.second_derivative(1, 1) == 8 and jet.second_derivative(0, 0) == 0
    target = {"a": 2}
    net._accumulate(target, "a", 0)
    net._accumulate(target, "b", 1)
    assert target == {"a": 2, "b": 1}
    net._accumulate(target, "a", -2)  # a total of 0 is dropped, not stored
    assert target == {"b": 1}
    quad: dict = {}
    net._outer({2: 3}, {0: 5, 2: 1}, 2, quad)  # upper triangle: (0, 2), not (2, 0)
    assert quad == {(0, 2): 30, (2, 2): 6}


def test_activate_off_the_ray_is_refused():
    ring = net._Ring(())
    with pytest.raises(ValueError, match="off the ray"):
        net._activate(ring, net.Jet(ring[net.C] + 1))
    out = net._activate(ring, net.Jet(ring[net.C], {0: ring.ring.one}, {}))
    assert out.const == 0 and out.lin == {0: ring[S1]} and out.quad == {(0, 0): ring[S2] / 2}
    assert net._activate(ring, net.Jet(ring[net.C]), shifted=True).const == ring[net.SIGMA_0]


def test_l2_derivatives_at_depth_one_by_hand():
    r"""Depth 1, x = 2, y = 1: f = b2 + w2 sigma(b1 + w1 x) = 0 on the ray, L = (f - 1)^2, so
    grad = -2 df and Hess = 2 df df^T - 2 d2f with df = (t s1 x, t s1, 0, 1) and d2f_{b1b1} = t s2,
    d2f_{w1b1} = t s2 x, d2f_{w1w1} = t s2 x^2, d2f_{w2b1} = s1, d2f_{w2w1} = s1 x."""
    arch = net.Architecture((1,), 1, 1)
    d = net.derivatives_on_ray(arch, net.Data(((2,),), ((1,),)), "l2")
    w1, b1, w2, b2 = arch.parameters()
    assert d.gradient_vector() == [-4 * T * S1, -2 * T * S1, 0, -2]
    assert sp.expand(d.grad_norm_sq() - (20 * T**2 * S1**2 + 4)) == 0
    want = {(w1, w1): 8 * T**2 * S1**2 - 8 * T * S2, (w1, b1): 4 * T**2 * S1**2 - 4 * T * S2,
            (b1, b1): 2 * T**2 * S1**2 - 2 * T * S2, (w2, w1): -4 * S1, (w2, b1): -2 * S1,
            (b2, w1): 4 * T * S1, (b2, b1): 2 * T * S1, (b2, b2): 2, (w2, w2): 0, (b2, w2): 0}
    for (p, q), v in want.items():
        assert sp.expand(d.entry(p, q) - v) == 0 and sp.expand(d.entry(q, p) - v) == 0
    frob = sum(v**2 if p == q else 2 * v**2 for (p, q), v in want.items())
    assert sp.expand(d.hessian_frobenius_sq() - frob) == 0


def test_cross_entropy_derivatives_at_depth_one_by_hand():
    r"""M = I (one column): f_1 = b2_1 + w2_11 sigma, f_2 = b2_2 + w2_21 sigma; y = (1, 0): dL/df = (-1/2, 1/2),
    d2L/df df = (I/2 - 1/4): entry(b2_1, b2_1) = 1/4, entry(b2_1, b2_2) = -1/4."""
    arch = net.Architecture((1,), 1, 2)
    d = net.derivatives_on_ray(arch, net.Data(((1,),), ((1, 0),)), "cross_entropy")
    b21, b22 = net.Param("b", 2, 1, 0), net.Param("b", 2, 2, 0)
    assert d.gradient[arch.parameters().index(b21)] == -sp.Rational(1, 2)
    assert d.gradient[arch.parameters().index(b22)] == sp.Rational(1, 2)
    # dL/db1 = dL/dw1 = -1/2 t s1 (x = 1): |grad|^2 = 1/4 + 1/4 + 2 t^2 s1^2 / 4
    assert sp.expand(d.grad_norm_sq() - (sp.Rational(1, 2) + T**2 * S1**2 / 2)) == 0
    assert d.entry(b21, b21) == sp.Rational(1, 4) and d.entry(b21, b22) == -sp.Rational(1, 4)
    assert d.entry(b22, b22) == sp.Rational(1, 4)
    # labels not summing to 1 (no Assumption 2): weight w = 2, dL/df_1 = w/2 - y_1 = 1 - 2 = -1
    d2 = net.derivatives_on_ray(arch, net.Data(((1,),), ((2, 0),)), "cross_entropy")
    assert d2.gradient[arch.parameters().index(b21)] == -1 and d2.entry(b21, b21) == sp.Rational(1, 2)


def test_empty_derivatives_are_zero():
    arch = net.Architecture((1,), 1, 1)
    empty = net.RayDerivatives(arch, arch.parameters(), {}, {})
    assert empty.grad_norm_sq() == 0 and empty.hessian_frobenius_sq() == 0
    assert empty.gradient_vector() == [0] * 4 and empty.entry(arch.parameters()[0], arch.parameters()[3]) == 0
    # no data: nothing accumulates
    none = net.derivatives_on_ray(arch, net.Data((), ()), "l2")
    assert none.gradient == {} and none.hessian == {}


def test_named_entry_and_at_activation():
    assert net.named_entry(net.Architecture((), 1, 1)) == net.Param("b", 1, 1, 0)
    assert net.named_entry(net.Architecture((2,), 1, 1)) == net.Param("b", 1, 1, 0)
    assert net.named_entry(net.Architecture((1, 1, 1), 1, 1)) == net.Param("b", 3, 1, 0)
    expr = S1**2 * T + S2
    assert net.at_activation(expr, "generic") is expr
    assert net.at_activation(S1 * T, "tanh") == T and net.at_activation(S2, "tanh") == 0


def test_at_activation_refuses_sigma_c_nonzero(monkeypatch):
    # an activation with sigma(c) != 0 breaks Assumption 1: its values are refused, not substituted
    monkeypatch.setattr(net, "values_at_c", lambda act: (sp.Integer(1), sp.Integer(2), sp.Integer(3)))
    with pytest.raises(ValueError, match=r"tanh: sigma\(c\) != 0"):
        net.at_activation(S1, "tanh")
    monkeypatch.setattr(net, "values_at_c", lambda act: (sp.Integer(0), sp.Integer(2), sp.Integer(3)))
    assert net.at_activation(S1 * T + S2, "tanh") == 2 * T + 3


def test_closed_forms_by_hand():
    # L2, depth 2, width 3, two points, d_out 2: 4 sum_k (sum_s y_sk)^2 + 4 s1^2 t^2 c_l (sum y)^2
    arch = net.Architecture((2, 3), 1, 2)
    data = net.Data(((0,), (0,)), ((1, 2), (3, -1)))
    assert net.grad_norm_sq_closed_form(arch, data, "l2") == sp.expand(4 * (16 + 1) + 4 * S1**2 * T**2 * 3 * 25)
    # 2 n d s1^2 t^2 - 2 s2 t sum y
    assert net.hessian_entry_closed_form(arch, data, "l2") == sp.expand(8 * S1**2 * T**2 - 10 * S2 * T)
    # cross-entropy, width 1 < d_out 2: e = (w/2 - y_1, w/2 - y_2) summed, only e_1 carries s1^2 t^2
    ce = net.Data(((0,),), ((sp.Rational(1, 4), sp.Rational(3, 4)),))
    narrow = net.Architecture((1, 1), 1, 2)
    e1, e2 = sp.Rational(1, 4), -sp.Rational(1, 4)
    assert net.grad_norm_sq_closed_form(narrow, ce, "cross_entropy") == sp.expand(e1**2 + e2**2 + S1**2 * T**2 * e1**2)
    wide = net.Architecture((1, 3), 1, 2)
    assert net.grad_norm_sq_closed_form(wide, ce, "cross_entropy") == sp.expand((e1**2 + e2**2) * (1 + S1**2 * T**2))
    # s1^2 t^2 (1/d - 1/d^2) sum w + s2 t sum (w/d - y_1), d = 2, w = 1
    assert net.hessian_entry_closed_form(narrow, ce, "cross_entropy") == sp.expand(S1**2 * T**2 / 4 + S2 * T / 4)
    three = net.Data(((0,),), ((1, 1, 1),))  # w = 3, d = 3: (1/3 - 1/9) 3 = 2/3; w/d - y_1 = 0
    assert net.hessian_entry_closed_form(net.Architecture((1, 1), 1, 3), three, "cross_entropy") == \
        sp.expand(2 * S1**2 * T**2 / 3)


def test_network_and_loss_expressions():
    arch = net.Architecture((1,), 2, 2)
    syms = net.parameter_symbols(arch)
    assert syms[net.Param("w", 2, 2, 1)].name == "w2_2_1" and syms[net.Param("b", 1, 1, 0)].name == "b1_1"
    assert all(s.is_real for s in syms.values()) and len(syms) == len(arch.parameters())
    x1, x2 = sp.symbols("x1 x2")
    s = lambda n: sp.Symbol(n, real=True)  # noqa: E731
    h = s("b1_1") + s("w1_1_1") * x1 + s("w1_1_2") * x2
    f = net.network_expression(arch, [x1, x2], sp.tanh, syms)
    assert f == [s("b2_1") + s("w2_1_1") * sp.tanh(h), s("b2_2") + s("w2_2_1") * sp.tanh(h)]
    # depth 0: affine, no activation at all
    lin = net.Architecture((), 1, 1)
    assert net.network_expression(lin, [x1], sp.tanh, net.parameter_symbols(lin)) == [s("b1_1") + s("w1_1_1") * x1]
    data = net.Data(((x1,),), ((3,),))
    assert net.loss_expression(lin, data, "l2", sp.tanh, net.parameter_symbols(lin)) == \
        (s("b1_1") + s("w1_1_1") * x1 - 3) ** 2
    two = net.Architecture((), 1, 2)
    y1, y2 = sp.symbols("y1 y2")
    ce = net.loss_expression(two, net.Data(((0,),), ((y1, y2),)), "cross_entropy", sp.tanh, net.parameter_symbols(two))
    b1, b2 = s("b1_1"), s("b1_2")
    lse = sp.log(sp.exp(b1) + sp.exp(b2))
    assert sp.expand(ce - (-(y1 * (b1 - lse) + y2 * (b2 - lse)))) == 0
    assert net.loss_expression(lin, net.Data((), ()), "l2", sp.tanh, net.parameter_symbols(lin)) == 0


def test_scope_counts_and_shapes():
    archs = net.scope(depths=(2,), widths=(1,), d_ins=(1,), d_outs=(1,))
    assert [a.widths for a in archs] == [(1, 1), (1, 2), (2, 1)]
    assert [a.widths for a in net.scope(depths=(3,), widths=(2,), d_ins=(1,), d_outs=(1,))] == [(2, 2, 2), (2, 1, 2)]
    assert len(net.scope()) == (3 * 2 + 3) * 2 * 2
    assert {(a.d_in, a.d_out) for a in net.scope(depths=(4,), widths=(1,), d_ins=(1, 3), d_outs=(2,))} == {(1, 2), (3, 2)}


def test_unit_and_times_tm():
    assert net._unit(3, 2) == [0, 1, 0] and net._unit(2, 1, sp.Integer(5)) == [5, 0]
    assert net._times_tM([[1, 2], [3, 4]], [1, 10], S1) == [21 * S1 * T, 43 * S1 * T]


def test_first_and_second_derivative_tables_by_hand():
    arch, x, M = net.Architecture((2, 2), 2, 1), [sp.Integer(3), sp.Integer(5)], [[7, 11]]
    P = net.Param
    ft = net.first_derivative_table
    assert ft(arch, 1, P("w", 1, 2, 2), x, M) == [0, 5]  # x_k in row j of layer 1
    assert ft(arch, 2, P("w", 1, 2, 2), x, M) == [0, 0]
    assert ft(arch, 2, P("b", 2, 1, 0), x, M) == [1, 0]
    assert ft(arch, 3, P("b", 2, 2, 0), x, M) == [11 * S1 * T]
    assert ft(arch, 3, P("b", 1, 1, 0), x, M) == [0] and ft(arch, 3, P("w", 2, 1, 1), x, M) == [0]
    st = net.second_derivative_table
    # w1_{12} (x_2) with w2_{21} (hidden unit 1 feeds row 2): layer 2 row 2 = s1 x_2
    assert st(arch, 2, P("w", 1, 1, 2), P("w", 2, 2, 1), x, M) == [0, 5 * S1]
    assert st(arch, 2, P("w", 2, 2, 1), P("w", 1, 1, 2), x, M) == [0, 5 * S1]  # order of the pair is free
    assert st(arch, 2, P("w", 1, 1, 2), P("w", 2, 2, 2), x, M) == [0, 0]  # unit 1 does not feed through w2_{22}
    assert st(arch, 3, P("w", 1, 1, 2), P("w", 2, 2, 1), x, M) == [11 * 5 * S1**2 * T]
    assert st(arch, 3, P("b", 1, 2, 0), P("w", 2, 1, 2), x, M) == [7 * S1**2 * T]
    assert st(arch, 2, P("b", 1, 2, 0), P("w", 2, 1, 2), x, M) == [S1, 0]
    assert st(arch, 3, P("b", 2, 1, 0), P("b", 2, 1, 0), x, M) == [7 * S2 * T]
    assert st(arch, 3, P("b", 2, 1, 0), P("b", 2, 2, 0), x, M) == [0]
    assert st(arch, 2, P("b", 2, 1, 0), P("b", 2, 1, 0), x, M) == [0, 0]
    deep = net.Architecture((1, 1, 1), 1, 1)  # ell = 3: the w1-w2 term does not reach the output
    assert st(deep, 4, P("w", 1, 1, 1), P("w", 2, 1, 1), [2], [[1]]) == [0]


def test_mismatch_lists_name_the_entry():
    wrong_first = lambda arch, i, p, x, M: [sp.Integer(0)] * arch.sizes()[i]  # noqa: E731
    arch = net.Architecture((1, 1), 1, 1)
    # a table of zeros (symbolic M): d f^3 / d b^2_1 = m11 t s1 and d f^3 / d b^3_1 = 1 are the two wrong entries of layer 3
    found = net.first_derivative_mismatches(arch, wrong_first, layers=[3], kinds=("b",))
    assert found == [f"{arch}: d f^3/d b^{{2}}_{{1}} = m_1_1*sigma_1*t, table says 0",
                     f"{arch}: d f^3/d b^{{3}}_{{1}} = 1, table says 0"]
    assert net.first_derivative_mismatches(arch, wrong_first, layers=[3], kinds=("w",)) == []  # all 0 there
    assert net.first_derivative_mismatches(arch, wrong_first, layers=[1], kinds=("w",)) == [
        f"{arch}: d f^1/d w^{{1}}_{{11}} = x_1_1, table says 0"]
    assert len(net.first_derivative_mismatches(arch, wrong_first)) == 5  # b^1 -> f^1, w^1 -> f^1, b^2 -> f^2 and f^3, b^3
    wrong_second = lambda arch, i, p, q, x, M: [sp.Integer(0)] * arch.sizes()[i]  # noqa: E731
    assert len(net.second_derivative_mismatches(arch, wrong_second, layers=[3])) > 0
    assert net.second_derivative_mismatches(arch, wrong_second, layers=[1]) == []


def test_at_width_and_differentiated_row():
    k = net.ROW_INDEX
    assert net.at_width(net._row_sum(net._row("a")[k] ** 2), 3) == sum(sp.Symbol(f"a_{i}", real=True) ** 2
                                                                      for i in (1, 2, 3))
    assert net.at_width(sp.Integer(4), 2) == 4
    z = sp.Symbol("z", real=True)
    assert isinstance(net._differentiated_row(net._row("a")[k] * z**2, z), sp.Sum)
    lhs, rhs = net.first_order_chain_rule_on_ray_any_width()
    assert sp.expand(net.at_width(lhs - rhs, 2)) == 0
    lhs, rhs = net.chain_rule_on_ray_any_width()
    assert sp.expand(net.at_width(lhs - rhs, 2)) == 0


def test_ray_symbols_are_real():
    # t and sigma_0 are declared real like every symbol of the module: a caller's sp.Symbol("t", real=True)
    # must be the same symbol (a t without the assumption would make .subs({t: ...}) silently do nothing)
    assert net.T == sp.Symbol("t", real=True) and net.SIGMA_0 == sp.Symbol("sigma_0", real=True)
    assert net.ray_point(net.Architecture((1,), 1, 1), sp.Symbol("t", real=True), [[1]])[
        net.Param("w", 2, 1, 1)].subs(sp.Symbol("t", real=True), 3) == 3


def test_seeded_data_is_pinned_literally():
    # the data behind every seeded record: numerators randint(-9, 9), denominators randint(1, 9), labels for
    # cross-entropy randint(1, 9) normalised (another range, e.g. 2..9 or -9..10, would change these rows)
    R = sp.Rational
    assert net.seeded_data(2, 2, 2, 3, "l2") == net.Data(((R(-2, 9), R(-5, 6)), (R(3), R(-9, 8))),
                                                         ((R(-1, 9), R(-1, 2)), (R(2, 3), R(1))))
    assert net.seeded_data(2, 1, 2, 3, "cross_entropy") == net.Data(((R(-2, 9),), (R(-5, 6),)),
                                                                    ((R(4, 5), R(1, 5)), (R(1, 9), R(8, 9))))


def test_symbolic_matrix_entries_are_real():
    # m_r_q real like the data symbols, so a caller's sp.Symbol("m_1_1", real=True) hits them
    m = net.symbolic_matrix(net.Architecture((2,), 1, 1))
    assert m == [[sp.Symbol("m_1_1", real=True), sp.Symbol("m_1_2", real=True)]]


def test_naive_reference_with_a_catalogue_activation_and_on_the_shifted_ray():
    r"""The slow reference by hand at depth 1, x = 2, y = 1 with tanh (c = 0, sigma' = 1, sigma'' = 0):
    grad = -2 (t x, t, 0, 1); on the shifted ray (generic sigma, sigma(c) = sigma_0) it equals the expansion's
    ``shifted=True`` (a second, independent computation)."""
    arch, data = net.Architecture((1,), 1, 1), net.Data(((2,),), ((1,),))
    grad, hess = net.naive_derivatives_on_ray(arch, data, "l2", "tanh", simplifier=sp.expand)
    assert grad == [-4 * T, -2 * T, 0, -2]
    assert hess[1, 1] == 2 * T**2 and hess[2, 1] == -2 and hess[3, 3] == 2 and hess[2, 2] == 0
    grad, hess = net.naive_derivatives_on_ray(arch, data, "l2", simplifier=sp.expand, shifted_at=net.C)
    d = net.derivatives_on_ray(arch, data, "l2", shifted=True)
    assert [sp.expand(g - v) for g, v in zip(grad, d.gradient_vector())] == [0] * 4
    params = arch.parameters()
    assert all(sp.expand(hess[a, b] - d.entry(params[a], params[b])) == 0 for a in range(4) for b in range(4))
    assert sp.expand(grad[2]) != 0  # dL/dw2 = 2 (f - y) sigma_0 survives off Assumption 1


def test_naive_output_derivatives_keep_or_drop_sigma_c():
    arch = net.Architecture((1,), 1, 1)
    jac, hess = net.naive_output_derivatives(arch)
    x = sp.Symbol("x_1_1", real=True)
    m = sp.Symbol("m_1_1", real=True)
    assert [row[0] for row in jac] == [m * S1 * T * x, m * S1 * T, net.SIGMA_0, 1]
    assert hess[2][1][0] == S1 and hess[1][1][0] == m * S2 * T and hess[3][3][0] == 0
    jac0, _ = net.naive_output_derivatives(arch, keep_sigma_c=False)
    assert [row[0] for row in jac0] == [m * S1 * T * x, m * S1 * T, 0, 1]


def test_layer_jets_shifted_and_paper_bias_constants():
    # shifted ray: f = t M sigma_0 1 + b^{l+1} = 0; with paper_bias (b^{l+1} = 0) f = t sigma_0 M 1 = 5 t sigma_0
    arch = net.Architecture((2,), 1, 1)
    consts = lambda **kw: [j.const.as_expr() for j in net.layer_jets(arch, [sp.Integer(1)], [[2, 3]], **kw)[-1]]  # noqa: E731
    assert consts() == [0] and consts(shifted=True) == [0]
    assert consts(shifted=True, paper_bias=True) == [5 * T * net.SIGMA_0]
    assert consts(paper_bias=True) == [0]  # sigma(c) = 0 on the plain ray
    hidden = net.layer_jets(arch, [sp.Integer(3)], [[2, 3]], shifted=True)[0]
    assert [j.const.as_expr() for j in hidden] == [net.C, net.C]
    # depth 0: no hidden layer, no shift (f = M x)
    lin = net.Architecture((), 1, 1)
    assert [j.const.as_expr() for j in net.layer_jets(lin, [sp.Integer(3)], [[2]], shifted=True)[-1]] == [6 * T]


def test_forward_and_layer_weights_default_to_the_plain_ray():
    # called without flags, the internals are the plain ray: sigma(c) = 0, so d f / d w^2 = sigma(c) = 0 and the
    # output bias is 0 (a default of shifted=True would give sigma_0 and -t sigma_0 M 1)
    arch = net.Architecture((1,), 1, 1)
    ring = net._Ring(())
    out = net._forward(ring, arch, [sp.Integer(1)], [[1]])[-1][0]
    assert out.derivative(net._index(arch)[net.Param("w", 2, 1, 1)]) == 0
    W0, b0 = net._layer_weights(ring, arch, [[1]], 2)
    assert b0 == [0] and W0 == [[ring[T]]]
    W0, b0 = net._layer_weights(ring, arch, [[1]], 2, True)
    assert b0 == [-ring[T] * ring[net.SIGMA_0]]
    assert net._layer_weights(ring, arch, [[1]], 1) == ([[0]], [ring[net.C]])


def test_default_scope_is_the_declared_one():
    # depths 2-4, widths 1-2, d_in and d_out 1-2, plus (1, 2), (2, 1), (2, 1, 2)
    archs = net.scope()
    assert sorted({a.widths for a in archs}) == sorted({(1, 1), (2, 2), (1, 1, 1), (2, 2, 2), (1, 1, 1, 1),
                                                        (2, 2, 2, 2), (1, 2), (2, 1), (2, 1, 2)})
    assert {(a.d_in, a.d_out) for a in archs} == {(1, 1), (1, 2), (2, 1), (2, 2)}


# ---------------------------------------------------------------- lines 750-941: fixed-width and any-width rows



def test_fixed_width_recursions_have_named_real_entries_and_default_width_two():
    r"""The output row (t M + eps dM) sigma(...) + eps db at width 1, written out by hand: first order
    t sigma'(c) M_1 lambda_1 + db, second order t M_1 (sigma'(c) q_1 + sigma''(c) lambda_1^2 / 2) + sigma'(c) dM_1 lambda_1,
    every symbol real (an ``M_1`` or ``db`` declared otherwise would be a different symbol from a caller's)."""
    eps = net.EPSILON
    M1, db, lam1, q1, dM1 = (sp.Symbol(n, real=True) for n in ("M_1", "db", "lambda_1", "q_1", "dM_1"))
    lhs, rhs = net.output_layer_recursion(1)
    expected = eps * (T * S1 * M1 * lam1 + db) + eps**2 * (T * M1 * (S1 * q1 + S2 * lam1**2 / 2) + S1 * dM1 * lam1)
    assert sp.expand(lhs - expected) == 0 and sp.expand(rhs - expected) == 0
    # called without a width, the fixed-width identities are for a row of two
    for recursion in (net.hidden_layer_recursion, net.output_layer_recursion, net.chain_rule_on_ray,
                      net.first_order_chain_rule_on_ray):
        lhs, _ = recursion()
        assert {s.name for s in lhs.free_symbols if s.name.startswith(("dM_", "M_"))} & {"dM_2", "M_2"}, recursion
        assert not {s.name for s in lhs.free_symbols} & {"dM_3", "M_3"}, recursion


def test_chain_rules_on_a_row_of_two_by_hand():
    # eq. (25): sigma''(c) sum_k M_k g_k,z2 g_k,z1 + sigma'(c) sum_k M_k g_k,z1z2, entries named from k = 1
    M = [sp.Symbol(f"M_{k}", real=True) for k in (1, 2)]
    g = {(k, d): sp.Symbol(f"g{k}_{d}") for k in (1, 2) for d in ("z1", "z2", "z1z2", "z")}
    lhs, rhs = net.chain_rule_on_ray(2)
    expected = (S2 * sum(M[k - 1] * g[k, "z2"] * g[k, "z1"] for k in (1, 2))
                + S1 * sum(M[k - 1] * g[k, "z1z2"] for k in (1, 2)))
    assert sp.expand(lhs - expected) == 0 and sp.expand(rhs - expected) == 0
    # eq. (19): sigma'(c) sum_k M_k g_k,z
    lhs, rhs = net.first_order_chain_rule_on_ray(2)
    expected = S1 * (M[0] * g[1, "z"] + M[1] * g[2, "z"])
    assert sp.expand(lhs - expected) == 0 and sp.expand(rhs - expected) == 0


def test_row_symbols_carry_their_assumptions():
    # K and k are positive integers (a width, an index from 1), the row entries and db real: a caller's
    # sp.Symbol("K", integer=True, positive=True) or sp.Symbol("db", real=True) must be the very same symbol
    assert net.WIDTH == sp.Symbol("K", integer=True, positive=True)
    assert net.ROW_INDEX == sp.Symbol("k", integer=True, positive=True)
    assert net._row("a")[net.ROW_INDEX].is_real is True
    db = sp.Symbol("db", real=True)
    for recursion in (net.hidden_layer_recursion_any_width, net.output_layer_recursion_any_width):
        lhs, rhs = recursion()
        assert db in lhs.free_symbols and db in rhs.free_symbols, recursion


def test_differentiated_row_refuses_a_row_that_does_not_depend_on_the_variable():
    # d/dz of sum_k a_k is 0, not a Sum: refused with one line rather than handed on as a row

    z = sp.Symbol("z", real=True)
    with pytest.raises(ValueError, match="not a sum: 0"):
        net._differentiated_row(net._row("a")[net.ROW_INDEX], z)


def test_at_width_names_multi_index_entries_and_keeps_them_real():
    a = net._row("a")
    assert net.at_width(a[1, 2] + a[net.ROW_INDEX], 3) == sp.Symbol("a_1_2", real=True) + sp.Symbol("a_k", real=True)
    # K = 1 leaves one summand
    assert net.at_width(net._row_sum(a[net.ROW_INDEX]), 1) == sp.Symbol("a_1", real=True)
