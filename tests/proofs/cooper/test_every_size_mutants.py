r"""Cooper for every size: the cross-entropy datum loss behind the closed forms (written against the mutation
benchmark; the callers only pass others = 0, so a wrong sign on the other outputs would go unnoticed there)."""

from __future__ import annotations

import sympy as sp

from proofs.cooper import every_size as E
from symbolic import network as net
from symbolic.activations import SIGMA_1, SIGMA_2


def test_the_datum_loss_is_the_cross_entropy_when_the_other_outputs_are_not_zero():
    # d_out = 3, output 1 = F, outputs 2 and 3 = O: -sum_j y_1j f_j + (sum_j y_1j) log sum_j e^(f_j)
    F, O = sp.symbols("F O", real=True)
    y, f = [E.Y[1, j] for j in (1, 2, 3)], (F, O, O)
    want = -sum(yj * fj for yj, fj in zip(y, f)) + sum(y) * sp.log(sum(sp.exp(fj) for fj in f))
    assert sp.simplify(E.ce_datum_loss(F, 1, 1, O).subs(E.D_OUT, 3).doit() - want) == 0


def test_a_wrong_gradient_norm_form_is_refused_on_a_depth_2_architecture():
    # the gradient norm's closed form holds from depth 2 on: depth 2 must be compared too, so a doubled form is
    # refused on the single architecture (1, 1), d_in = d_out = 1, n = 2
    from proofs.cooper import every_size as E
    from symbolic import network as net

    arch = net.Architecture((1, 1), 1, 1)
    wrong = {**E.CLOSED_FORMS["l2"], "grad_norm_sq": lambda *a: 2 * E.grad_norm_sq_closed_form(*a)}
    assert E.agreement_with_jets([(arch, 2)]).ok
    assert not E.agreement_with_jets([(arch, 2)], forms=wrong).ok


def test_the_diagonal_entry_step_covers_a_column_with_no_other_entry():
    # ||H e_i||^2 = H_ii^2 + R with R >= 0; R = 0 (a diagonal H, e.g. 1x1) must be inside the checked statement
    from proofs.cooper import every_size as E

    step = E.diagonal_entry_step()
    rest = next(s for s in step.lhs.free_symbols if s.name == "R")
    assert all(bool(a.subs(rest, 0)) for a in step.assuming)


# ---------------------------------------------------------------- the helpers, pinned on tiny inputs


def test_a_hidden_unit_and_a_backward_unit_sum_over_every_unit_from_1():
    r"""s = sum_{k=1}^{d_in} w x_k + b and delta = sigma'(c) sum_{k=1}^K w a_k: with w = 1 every unit counts."""
    assert E.hidden_unit(lambda k: E.X[1, k], E.D_IN, 1, E.C) == E.C + sp.Sum(E.X[1, E._k], (E._k, 1, E.D_IN))
    assert E.hidden_unit(lambda k: E.X[1, k], 2, 1, 0) == E.X[1, 1] + E.X[1, 2]
    assert E.backward_unit(lambda k: E.A[k], sp.Integer(1)) == E.SIGMA_1 * sp.Sum(E.A[E._k], (E._k, 1, E.K))
    assert E.backward_unit(lambda k: E.A[k], sp.Integer(0)) == 0


def test_sigma_is_its_second_order_taylor_polynomial_at_c_with_sigma_c_0():
    assert E.sigma_jet(E.C + E.EPS) == E.SIGMA_1 * E.EPS + E.SIGMA_2 * E.EPS**2 / 2
    assert E.sigma_jet(E.C) == 0


def test_the_gradient_entries_on_the_ray():
    r"""b^{l+1}_r: sum_s -2 y_sr; w^{l+1}: 0 (h = sigma(c) = 0); b^l_k: sum_{s,r} -2 sigma_1 t y_sr; w^l: 0 at depth >= 2
    and sum_{s,r} -2 sigma_1 t x_s1 y_sr at depth 1 (h^0 = x)."""
    s, r, n, d = E._s, E._r, E.N, E.D_OUT
    y = E.Y[s, r]
    g = {k: v.doit() for k, v in E.gradient_entries().items()}
    assert g["out_bias"] == sp.Sum(-2 * y, (s, 1, n)).doit() and g["out_weight"] == 0 and g["last_weight"] == 0
    assert sp.simplify(g["last_bias"] - sp.Sum(-2 * E.SIGMA_1 * E.T * y, (r, 1, d), (s, 1, n)).doit()) == 0
    depth_1 = E.gradient_entries(False)["last_weight"]
    assert sp.simplify(depth_1.doit() - sp.Sum(-2 * E.SIGMA_1 * E.T * E.X[s, 1] * y, (r, 1, d), (s, 1, n)).doit()) == 0


def test_the_closed_forms_at_n_1_d_out_1_width_2():
    r"""L2 gradient norm 4 y^2 + 4 K sigma_1^2 t^2 y^2 (K = 2), Hessian entry 2 sigma_1^2 t^2 - 2 sigma_2 t y; cross-entropy
    at d_out = 2: sigma_1^2 t^2 (1/2 - 1/4) w + sigma_2 t (w/2 - y_11), w = y_11 + y_12."""
    y = sp.Symbol("Y")
    data = net.Data(((sp.Integer(1),),), ((y,),))
    s1, s2, t = SIGMA_1, SIGMA_2, net.T
    assert E.at_sizes(E.grad_norm_sq_closed_form(), 1, 1, 2, data) == sp.expand(4 * y**2 + 8 * s1**2 * t**2 * y**2)
    assert E.at_sizes(E.hessian_entry_closed_form(), 1, 1, 2, data) == sp.expand(2 * s1**2 * t**2 - 2 * s2 * t * y)
    a, b = sp.symbols("a b")
    two = net.Data(((sp.Integer(1),),), ((a, b),))
    want = s1**2 * t**2 * (a + b) / 4 + s2 * t * ((a + b) / 2 - a)
    assert E.at_sizes(E.ce_hessian_entry_closed_form(), 1, 2, 1, two) == sp.expand(want)
    e = [(a + b) / 2 - a, (a + b) / 2 - b]
    assert E.at_sizes(E.ce_grad_norm_sq_closed_form(), 1, 2, 1, two) == sp.expand(e[0]**2 + e[1]**2 + s1**2 * t**2 * e[0]**2)


def test_at_sizes_marks_an_entry_outside_the_data():
    data = net.Data(((sp.Integer(1),),), ((sp.Rational(3, 2),),))
    outside = E.at_sizes(E.Y[1, 1] + E.Y[2, 1] + E.Y[1, 2], 1, 1, 1, data)
    assert outside == sp.Rational(3, 2) + sp.Symbol("y_outside_2_1", real=True) + sp.Symbol("y_outside_1_2", real=True)


def test_the_misprints_of_the_hessian_entry():
    r"""n and d_out exchanged, K for n, t^3 and t for t^2, twice, sigma'' for sigma' (n for K changes nothing: dropped)."""
    n, d, K, t, s1, s2 = E.N, E.D_OUT, E.K, net.T, SIGMA_1, SIGMA_2
    total = lambda nn, dd: sp.Sum(E.Y[E._s, E._r], (E._r, 1, dd), (E._s, 1, nn))  # noqa: E731
    want = [2 * d * n * s1**2 * t**2 - 2 * s2 * t * total(d, n), 2 * K * d * s1**2 * t**2 - 2 * s2 * t * total(K, d),
            2 * d * n * s1**2 * t**3 - 2 * s2 * t * total(n, d), 2 * d * n * s1**2 * t - 2 * s2 * t * total(n, d),
            4 * d * n * s1**2 * t**2 - 4 * s2 * t * total(n, d), 2 * d * n * s2**2 * t**2 - 2 * s2 * t * total(n, d)]
    got = [sp.expand(w()) for w in E.wrong_closed_forms(E.hessian_entry_closed_form)]
    assert got == [sp.expand(w) for w in want]
    assert len(E.wrong_closed_forms(E.grad_norm_sq_closed_form)) == 7


def test_the_jets_agreement_reads_the_last_hidden_width_at_depth_1_and_2():
    r"""K is the width of the last hidden layer: a one-layer network has only widths[-1]; at widths (2, 1) K = 1."""
    assert E.agreement_with_jets([(net.Architecture((1,), 1, 1), 1)]).ok
    assert E.agreement_with_jets([(net.Architecture((2, 1), 1, 1), 1)]).ok
    doubled = {**E.CLOSED_FORMS["l2"], "hessian_entry": lambda *a: 2 * E.hessian_entry_closed_form(*a)}
    wrong = E.agreement_with_jets([(net.Architecture((1,), 1, 1), 1)], forms=doubled)
    assert not wrong.ok and wrong.detail.startswith("hessian_entry at Architecture(widths=(1,)")


def test_the_witness_premises_admit_the_boundary_cases():
    r"""(a) r_a = r_b = g = 0, beta = B = 0, L0 = L1 = 0: t* = 2; (b) r_a = 0, r_b = 1, L0 = L1 = 1, g^2 = r_b^2 t*^2:
    t* = 1 + (0 + 1 + 1 + 1)/1 = 4, g = 4. H(t*) = A t*^2 - B t*, L0 + L1 g."""
    step = E.witness_step()
    zero = {E.COEF_A: 1, E.COEF_B: 0, E.BETA: 0, E.L0: 0, E.L1: 0, E.ROOT_A: 0, E.ROOT_B: 0, E.GNORM: 0, E.TSTAR: 2}
    edge = {E.COEF_A: 1, E.COEF_B: 0, E.BETA: 0, E.L0: 1, E.L1: 1, E.ROOT_A: 0, E.ROOT_B: 1, E.GNORM: 4, E.TSTAR: 4}
    for point in (zero, edge):
        assert all(bool(premise.subs(point)) for premise in step.assuming), point
    assert step.lhs().subs(edge) == 16 and step.rhs.subs(edge) == 5
    assert step.lhs().subs({E.COEF_A: 2, E.COEF_B: 1, E.TSTAR: 3}) == 15
    # beta >= |B|: a negative B needs beta >= -B
    assert not all(bool(p.subs({**zero, E.COEF_B: -1})) for p in step.assuming)


def test_the_leading_coefficient_is_2_n_d_out_sigma1_squared():
    assert sp.expand(E.leading_positive_step().lhs()) == 2 * E.N * E.D_OUT * SIGMA_1**2


def test_the_cross_entropy_direction_and_leading_coefficient():
    r"""Column 1 of M = [I 0] is e_1 (M_11 = 1, M_21 = 0); with w_s = 1 the t^2 coefficient is sigma_1^2 n (1/d - 1/d^2)."""
    assert (E.CE_SAME, E.CE_OTHER) == (1, 0)
    assert E.class_weight(E._s) == sp.Sum(E.Y[E._s, E._r], (E._r, 1, E.D_OUT))
    leading = E._ce_leading()
    assert leading.subs({E.N: 3, E.D_OUT: 3}) == 3 * SIGMA_1**2 * sp.Rational(2, 9)
    assert E.units_interchangeable_step().lhs() == E.K * sp.Function("g")(net.T, SIGMA_1, E.Y[E._s, E._r])


# ---------------------------------------------------------------- brief G6: the closed-form check at its spot sizes, the steps


def test_a_closed_form_wrong_only_at_the_second_spot_size_is_refused_there():
    r"""A form that is right where n = 2 or d_out = 3 (the first spot size) and off by (n - 2)(d_out - 3) t elsewhere:
    refused at (n, d_out, K) = (5, 2, 3) with the gap 3 t and the seed."""
    def wrong(n=E.N, d_out=E.D_OUT, width=E.K):
        return E.hessian_entry_closed_form(n, d_out, width) + (n - 2) * (d_out - 3) * net.T

    result = E.closed_form_check(E.hessian_entry_assembled, wrong)
    assert not result.ok and result.values == {"n": 5, "d_out": 2, "K": 3, "seed": 7, "gap": 3 * net.T}
    assert result.detail == "n=5, d_out=2, K=3, seeded data: differs by 3*t"


def test_a_closed_form_sympy_cannot_reduce_is_proved_on_the_spot_sizes(monkeypatch):
    proved = E.closed_form_check(E.hessian_entry_assembled, E.hessian_entry_closed_form)
    assert proved.ok and proved.evidence == "proved" and proved.engines == ("sympy:simplify", "exact-at-sizes")
    monkeypatch.setattr(E, "within_budget", lambda f, budget: None)
    result = E.closed_form_check(E.hessian_entry_assembled, lambda *a: E.hessian_entry_closed_form(*a))
    assert result.ok and result.evidence == "proved-on-scope" and result.method == "exact-at-sizes"
    assert result.scope == {"(n, d_out, K)": [[2, 3, 5], [5, 2, 3], [3, 7, 2]]}


def test_the_forward_induction_is_cross_checked_against_the_codes_forward_pass():
    induction = E.forward_induction()
    assert [induction.instances(depth) for depth in (1, 2, 3)] == [{E.S(1): E.C}, {E.S(2): E.C}, {E.S(3): E.C}]


def test_the_cross_entropy_leading_coefficient_assumes_two_classes():
    step = E.ce_leading_positive_step()
    assert step.assuming == [E.D_OUT >= 2] and step.relation == ">"
    assert sp.simplify(step.lhs() - E.N * SIGMA_1**2 * (E.D_OUT - 1) / E.D_OUT**2) == 0
    result = step.run()  # A > 0, not a larger bound: proved for every n, d_out >= 2
    assert result.ok and result.evidence == "proved"


def test_the_jets_cross_check_has_three_misprints_of_each_closed_form():
    for loss in ("l2", "cross_entropy"):
        assert len(E.jets_agreement_step(loss).mutants()) == 6, loss
    scope = E.jets_agreement_step("cross_entropy").scope
    assert (scope["depths"], scope["widths"], scope["d_ins"], scope["d_outs"]) == ([2, 3, 4], [1, 2], [1], [2, 3])


def test_the_cross_entropy_gradient_norm_assembles_both_bias_groups():
    r"""n = 1, d_out = 2, K = 1, y = (a, b): the output biases give e_1^2 + e_2^2 and the one unit of layer l (reaching
    output 1 only) sigma_1^2 t^2 e_1^2, e_j = (a + b)/2 - y_j: added, as the closed form says."""
    a, b = sp.symbols("a b")
    data = net.Data(((sp.Integer(1),),), ((a, b),))
    e = [(a + b) / 2 - a, (a + b) / 2 - b]
    want = e[0] ** 2 + e[1] ** 2 + SIGMA_1**2 * net.T**2 * e[0] ** 2
    assert E.at_sizes(E.ce_grad_norm_sq_assembled(), 1, 2, 1, data) == sp.expand(want)
