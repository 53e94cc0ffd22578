r"""Cooper's Lemmas 9-11 for every size: what the steps state and why their wrong versions fail (written
against the mutation benchmark)."""

from __future__ import annotations

import pytest
import sympy as sp

from proofs.cooper import every_size_lemmas as L


def test_the_degree_steps_state_Df_for_order_1_and_Hf_for_order_2():
    first, second = L.degree_step(1), L.degree_step(2)
    assert first.label.startswith("first_") and r"\mathbf Df" in first.latex and r"\mathbf Hf" not in first.latex
    assert second.label.startswith("second_") and r"\mathbf Hf" in second.latex and r"\mathbf Df" not in second.latex


def test_lemma_11_at_depth_1_is_refused_at_x_0_by_the_point_not_the_form():
    wrong_form, at_zero = (m.run() for m in L.lemma_11_fails_at_depth_1_step().mutants())
    assert not wrong_form.ok and "forms differ" in wrong_form.detail
    assert not at_zero.ok and at_zero.detail == "the derivative sigma_1*x(1) is 0 at {x(1): 0}: no failure shown"


def test_the_shifted_output_row_is_the_second_order_expansion_of_its_units():
    # sigma(c' + eps lambda_k + eps^2 q_k): q_k enters at order 2 only, as sigma'(c') t M_k q_k
    k, K, t, M, dM, lam, q = L.K_IDX, L.net.WIDTH, L.T, L._ROW_M, L._ROW_DM, L._ROW_LAM, L._ROW_Q
    s0, s1, s2 = L.net.SIGMA_0, L.net.SIGMA_1, L.net.SIGMA_2
    want = {1: L._ROW_DB + s0 * sp.Sum(dM[k], (k, 1, K)) + s1 * t * sp.Sum(M[k] * lam[k], (k, 1, K)),
            2: s1 * t * sp.Sum(M[k] * q[k], (k, 1, K)) + s1 * sp.Sum(dM[k] * lam[k], (k, 1, K))
            + s2 * t * sp.Sum(M[k] * lam[k] ** 2, (k, 1, K)) / 2}
    row = L.shifted_output_row()
    for order in (1, 2):
        assert L.split_sums(L._coefficient(row, order) - want[order]) == 0, order


def test_the_hessian_entry_check_compares_the_hessian_entry_forms(monkeypatch):
    # a wrong (doubled) L2 Hessian-entry closed form must make closed_forms_check("hessian_entry") fail: the
    # Hessian step must check the Hessian forms, not the gradient norm's
    from proofs.cooper import every_size as E
    from proofs.cooper import every_size_lemmas as EL

    real = E.hessian_entry_closed_form
    monkeypatch.setattr(E, "hessian_entry_closed_form", lambda *a: 2 * real(*a))
    result = EL.closed_forms_check("hessian_entry")
    assert not result.ok and result.detail.startswith("l2:")


# ---------------------------------------------------------------- the helpers, pinned on tiny inputs


def test_the_truncation_keeps_orders_0_1_2_about_epsilon_0():
    r"""A wrong truncation (about another point, or keeping order 3) is refused: sigma(c + eps a) truncates to
    sigma'(c) a eps + sigma''(c) a^2 eps^2 / 2 (sigma(c) = 0)."""
    a = sp.Symbol("a")
    sigma = L.SIGMA(L.C + L.EPS * a)
    assert L.truncated(sigma) == sp.expand(L.SIGMA_1 * a * L.EPS + L.SIGMA_2 * a**2 * L.EPS**2 / 2)
    assert L.truncated(L.EPS**3 * a + L.EPS * a) == L.EPS * a


def test_a_hidden_row_of_width_2_is_c_plus_eps_bias_plus_eps2_sigma1_sum_dM_Lambda():
    r"""The row sums over every unit k = 1..fan_in (not from 2), the direction enters with + eps, the bias with + eps."""
    row = L.hidden_row(lambda k: L.C + L.EPS * L.Lam(1, k), 2, L.DB(2, L.UNIT), lambda k: L.DM(2, L.UNIT, k))
    want = (L.C + L.EPS * L.DB(2, L.UNIT)
            + L.EPS**2 * L.SIGMA_1 * (L.DM(2, L.UNIT, 1) * L.Lam(1, 1) + L.DM(2, L.UNIT, 2) * L.Lam(1, 2)))
    assert sp.expand(row.doit() - want) == 0
    assert L.row_first_order(row) == L.DB(2, L.UNIT)


def test_layer_1_is_c_plus_eps_times_its_form_at_d_in_2():
    r""":math:`f^1_j=c+\varepsilon(\delta M(1,j,1)x(1)+\delta M(1,j,2)x(2)+\delta b(1,j))`; a wrong ray M^1 = 1 adds x."""
    j = L.UNIT
    form = L.DM(1, j, 1) * L.X(1) + L.DM(1, j, 2) * L.X(2) + L.DB(1, j)
    assert sp.expand(L.first_layer_jet().subs(L.D_IN, 2).doit() - L.C - L.EPS * form) == 0
    assert sp.expand(L.layer_1_form().subs(L.D_IN, 2).doit() - form) == 0
    assert sp.expand(L.first_layer_jet(1, 0).subs(L.D_IN, 2).doit() - L.EPS * form - L.X(1) - L.X(2)) == 0


def test_the_generic_row_is_read_as_unit_j_of_the_next_layer():
    g = L._row_generic(3)
    assert g[L._ROW_DB] == L.DB(4, L.UNIT) and g[L._ROW_DM[L.K_IDX]] == L.DM(4, L.UNIT, L.K_IDX)
    assert g[L._ROW_LAM[L.K_IDX]] == L.Lam(3, L.K_IDX) and g[L.net.WIDTH] == L.Width(3)


def test_the_first_order_of_a_row_is_its_epsilon_coefficient():
    a, b = sp.symbols("a b")
    assert L.row_first_order(a + L.EPS * b + L.EPS**2 * a * b) == b


def test_the_depth_cases_name_their_depths():
    assert [L._depth(c) for c in ("l>=3", "l>=2", "l=2", "l=1")] == [L.ELL, L.ELL, 2, 1]
    assert [L._depth_case(d) for d in (1, 2, 3, 5)] == ["l=1", "l=2", "l>=3", "l>=3"]


def test_the_proved_first_and_second_orders_of_hidden_layers():
    r"""Lambda(1, u) is layer 1's form, Lambda(i, u) = delta_b(i, u) above; the eps^2 part is 0 at i = 1 and
    sigma'(c) sum_p delta_M(i, u, p) Lambda(i - 1, p) above (p over the width c(i - 1))."""
    u, p = sp.Symbol("u"), L.P_IDX
    assert L.hidden_first_order(sp.Integer(1), u) == L.layer_1_form().xreplace({L.UNIT: u})
    assert L.hidden_first_order(sp.Integer(3), u) == L.DB(3, u)
    assert L.hidden_second_order(sp.Integer(1), u) == 0
    want = L.SIGMA_1 * sp.Sum(L.DM(3, u, p) * L.DB(2, p), (p, 1, L.Width(2)))
    assert L.split_sums(L.hidden_second_order(sp.Integer(3), u) - want) == 0


def test_split_sums_pulls_out_constants_and_counts_a_constant_summand():
    k, p, a = L.K_IDX, L.P_IDX, sp.Symbol("a")
    assert L.split_sums(sp.Sum(2 * a * k + 3, (k, 1, L.D_IN))) == 2 * a * sp.Sum(k, (k, 1, L.D_IN)) + 3 * L.D_IN
    double = sp.Sum(a * L.X(k) * L.DB(1, p), (k, 1, L.D_IN), (p, 1, L.Width(1)))
    assert L.split_sums(double) == a * sp.Sum(L.X(k), (k, 1, L.D_IN)) * sp.Sum(L.DB(1, p), (p, 1, L.Width(1)))
    assert L.split_sums(sp.Sum(L.X(k) + L.DB(1, k), (k, 1, L.D_IN))) == (sp.Sum(L.X(k), (k, 1, L.D_IN))
                                                                         + sp.Sum(L.DB(1, k), (k, 1, L.D_IN)))
    assert L.split_sums(sp.Sum(sp.Sum(a, (p, 1, L.Width(1))), (k, 1, L.D_IN))) == a * L.D_IN * L.Width(1)


def test_the_unit_and_layer_below_sums_run_from_1():
    k, p = L.K_IDX, L.P_IDX
    assert L._units(k, sp.Integer(2)).subs(L.Width(2), 3).doit() == 6
    assert L._below(p, sp.Integer(3)) == sp.Sum(p, (p, 1, L.Width(2)))


def test_the_lemma_10_form_at_depth_2_width_2():
    r"""delta_b(3, r) + sigma_1 t (M_1 delta_b(2, 1) + M_2 delta_b(2, 2)): the + and every product as printed."""
    M, r = L.M_OUT, L.R_OUT
    want = L.DB(3, r) + L.SIGMA_1 * L.T * (M[1] * L.DB(2, 1) + M[2] * L.DB(2, 2))
    assert sp.expand(L.lemma_10_form(sp.Integer(2)).subs(L.Width(2), 2).doit() - want) == 0


def test_the_lemma_11_forms_at_depth_1_2_3_width_1():
    r"""Each entry of Lemma 11's table with its sign, power and halving, at one unit per layer and d_in = 1:
    at l = 1 only the (w^2, b^1) and (b^1, b^1) terms, at l = 2 also (w^2, b^1) below and (w^2, w^1) x, at l = 3
    no input-weight term."""
    M, r, s1, s2, t = L.M_OUT[1], L.R_OUT, L.SIGMA_1, L.SIGMA_2, L.T

    def at_1(ell):
        return sp.expand(L.at_sizes(L.lemma_11_form(sp.Integer(ell)), 1).subs(sp.Symbol("M_1", real=True), M))

    base = lambda ell: s1 * L.DM(ell + 1, r, 1) * L.DB(ell, 1) + s2 * t * M * L.DB(ell, 1) ** 2 / 2  # noqa: E731
    assert at_1(1) == sp.expand(base(1))
    assert at_1(2) == sp.expand(base(2) + s1**2 * t * M * L.DM(2, 1, 1) * L.DB(1, 1)
                                + s1**2 * t * M * L.DM(2, 1, 1) * L.DM(1, 1, 1) * L.X(1))
    assert at_1(3) == sp.expand(base(3) + s1**2 * t * M * L.DM(3, 1, 1) * L.DB(2, 1))


def test_at_sizes_puts_every_width_and_d_in_and_depth_4_by_default():
    k = L.K_IDX
    expr = sp.Sum(L.M_OUT[k] * L.DB(L.ELL, k), (k, 1, L.Width(L.ELL))) + sp.Sum(L.X(k), (k, 1, L.D_IN))
    M1, M2 = sp.symbols("M_1 M_2", real=True)
    assert L.at_sizes(expr, 2) == M1 * L.DB(4, 1) + M2 * L.DB(4, 2) + L.X(1) + L.X(2)
    assert L.at_sizes(L.DB(L.ELL, 1), 1, depth=7) == L.DB(7, 1)


def test_a_wrong_form_is_refused_at_the_first_size_where_it_differs():
    r"""The failure names the size, the depth 4 and the gap; a form wrong only from width 2 on fails at size 2."""
    k = L.K_IDX
    wrong = L.form_check(lambda: sp.Sum(L.X(k), (k, 1, L.D_IN)), lambda: L.X(1), "probe")
    assert not wrong.ok and wrong.values == {"size": 2, "depth": 4, "gap": L.X(2)}
    assert wrong.detail == "probe: with every width and d_in = 2 the forms differ by x(2)"
    assert "{size}" in wrong.counterexample and "{gap}" in wrong.counterexample
    sign = L.form_check(lambda: L.X(1), lambda: -L.X(1), "sign")
    assert not sign.ok and sign.values["size"] == 1 and sign.values["gap"] == 2 * L.X(1)


def test_a_form_identity_is_proved_or_only_on_the_sizes():
    k = L.K_IDX
    proved = L.form_check(lambda: sp.Sum(2 * L.X(k), (k, 1, L.D_IN)), lambda: 2 * sp.Sum(L.X(k), (k, 1, L.D_IN)), "p")
    assert proved.ok and proved.evidence == "proved" and proved.method == "split-sums+expand"
    assert proved.detail == "p: equal as forms with every width, d_in and the depth symbols"
    scoped = L.form_check(lambda: sp.Sum(k, (k, 1, L.D_IN)), lambda: L.D_IN * (L.D_IN + 1) / 2, "tri")
    assert scoped.ok and scoped.evidence == "proved-on-scope" and scoped.method == "exact-at-sizes"
    assert "SymPy cannot reduce" in scoped.detail and "[1, 2, 3]" in scoped.detail


def test_net_short_keeps_160_characters_and_cuts_the_161st():
    assert L.net_short("x" * 160) == "x" * 160
    assert L.net_short("x" * 161) == "x" * 160 + "..."
    assert L.net_short(sp.Symbol("a"), limit=3) == "a"


def test_the_weight_free_check_names_the_weight_term():
    wrong = L.weight_free_check(lambda: L.DB(1, 1) + L.X(1) * L.DM(1, 1, 1) + L.DM(2, 1, 1))
    assert not wrong.ok and wrong.detail == "the first-order part names weight directions ['delta_M(1, 1, 1)', " \
                                            "'delta_M(2, 1, 1)']"
    assert wrong.values["term"].has(L.DM) and not wrong.values["term"].has(L.DB)
    assert L.weight_free_check(lambda: L.DB(1, 1) + L.X(1)).ok


def test_the_orders_of_the_output_jet_at_depth_1():
    r"""The order-1 part at l = 1 is Lemma 10's form plus the input-weight terms; the order-2 part Lemma 11's plus
    the depth-1 extra."""
    assert L.split_sums(L.first_order_part("l=1") - L.lemma_10_form(sp.Integer(1)) - L.input_weight_terms()) == 0
    assert L.split_sums(L.second_order_part("l=1") - L.lemma_11_form(sp.Integer(1))
                        - L.depth_1_second_order_extra()) == 0


def test_a_failing_depth_1_identity_or_an_undecidable_point_shows_no_failure():
    r"""Without the input-weight terms the identity fails (its own detail); with x left a symbol the derivative
    sigma_1 t x M is not provably nonzero, so no failure is shown; at t = M = x = 1 it is sigma_1."""
    wrong = L.depth_1_failure_check(1, lambda: 0, (L.DM(1, 1, 1),), {L.T: 1})
    assert not wrong.ok and wrong.detail.startswith("depth 1, order 1: with every width and d_in = 1")
    vague = L.depth_1_failure_check(1, L.input_weight_terms, (L.DM(1, 1, 1),), {L.T: 1, L.M_OUT[1]: 1})
    assert not vague.ok and vague.detail.endswith("no failure shown")
    shown = L.depth_1_failure_check(1, L.input_weight_terms, (L.DM(1, 1, 1),), {L.T: 1, L.M_OUT[1]: 1, L.X(1): 1})
    assert shown.ok and shown.values["value"] == L.SIGMA_1
    assert shown.values["derivative"] == L.SIGMA_1 * L.T * L.X(1) * L.M_OUT[1]


def test_the_smallest_instance_derivative_writes_out_one_unit_one_input_output_1():
    form = L.input_weight_terms() + L.DB(2, L.R_OUT)
    assert L.smallest_instance_derivative(form, L.DM(1, 1, 1)) == L.SIGMA_1 * L.T * L.M_OUT[1] * L.X(1)
    assert L.smallest_instance_derivative(form, L.DB(2, 1)) == 1


def test_the_depth_1_extras_at_the_smallest_network():
    r"""sigma_1 t M dM^1 x (order 1); sigma_1 dM^2 u + sigma_2 t M (u^2/2 + db^1 u), u = dM^1 x (order 2)."""
    M, s1, s2, t = sp.Symbol("M_1", real=True), L.SIGMA_1, L.SIGMA_2, L.T
    u = L.DM(1, 1, 1) * L.X(1)
    assert L.at_sizes(L.input_weight_terms(), 1) == sp.expand(s1 * t * M * u)
    extra = L.at_sizes(L.depth_1_second_order_extra().subs(L.R_OUT, 1), 1)
    assert extra == sp.expand(s1 * L.DM(2, 1, 1) * u + s2 * t * M * (u**2 / 2 + L.DB(1, 1) * u))


def test_the_layer_cases_report_a_failing_case_and_a_cover():
    i, ell = L.LAYER, L.ELL
    wrong = L.LayerCases(label="x", latex="", cases=((i <= 1, L.first_layer_step()),
                                                        (sp.And(i >= 2, i <= ell + 1), L.first_layer_step(weight=1))))
    result = wrong.check()
    assert not result.ok and result.detail.startswith("layers (i >= 2) & (i <= l + 1) (first_layer_jet): layer 1:")
    right = L.LayerCases(label="x", latex="", cases=((i <= 1, L.first_layer_step()),
                                                        (sp.And(i >= 2, i <= ell + 1), L.first_layer_step())))
    result = right.check()
    assert result.ok and result.evidence == "proved" and result.method == "case-split" and result.engines == ("z3",)
    assert result.detail == ("2 cases cover 1 <= i <= l + 1 (Z3); i <= 1: first_layer_jet proved; "
                             "(i >= 2) & (i <= l + 1): first_layer_jet proved")


def test_the_layer_cases_name_the_uncovered_layer():
    i, ell = L.LAYER, L.ELL
    gap = L.LayerCases(label="x", latex="", cases=((sp.Eq(i, 1), L.first_layer_step()),
                                                      (sp.Eq(i, ell + 1), L.first_layer_step()))).check()
    assert not gap.ok and gap.method == "z3-cover" and gap.values == {"point": {i: 2, ell: 2}}
    assert gap.detail == "the cases miss the layer i = 2 of a network of depth l = 2"


def test_z3_reads_linear_integer_conditions_and_refuses_others():
    import z3

    i, ell = L.LAYER, L.ELL
    v = {i: z3.Int("i"), ell: z3.Int("l")}
    term = L._z3_linear(2 * i - ell + 3, v)
    for (iv, lv), want in (((0, 0), 3), ((1, 0), 5), ((0, 1), 2), ((2, 5), 2)):
        assert z3.simplify(z3.substitute(term, (v[i], z3.IntVal(iv)), (v[ell], z3.IntVal(lv)))).as_long() == want
    for bad in (i * ell, i / 2, i**2):
        with pytest.raises(ValueError, match="not a linear integer expression"):
            L._z3_linear(bad, v)

    def holds(condition, iv, lv):
        c = L._z3_condition(condition, v)
        return z3.is_true(z3.simplify(z3.substitute(c, (v[i], z3.IntVal(iv)), (v[ell], z3.IntVal(lv)))))

    assert holds(sp.Eq(i, ell + 1), 3, 2) and not holds(sp.Eq(i, ell + 1), 2, 2)
    assert holds(i >= ell, 2, 2) and not holds(i > ell, 2, 2) and holds(i > ell, 3, 2)
    assert holds(i <= ell, 2, 2) and not holds(i < ell, 2, 2) and holds(i < ell, 1, 2)
    assert holds(sp.And(i >= 2, i <= ell), 2, 2) and not holds(sp.And(i >= 2, i <= ell), 1, 2)


def test_the_cover_is_over_1_to_l_plus_1_from_the_least_depth():
    i, ell = L.LAYER, L.ELL
    assert L.integer_cover_gap([i <= 1, sp.And(i >= 2, i <= ell + 1)], i, ell, 2) is None
    assert L.integer_cover_gap([sp.Eq(i, 1), sp.And(i >= 2, i <= ell)], i, ell, 2) == (3, 2)  # i = l + 1 missed
    assert L.integer_cover_gap([sp.And(i >= 2, i <= ell + 1)], i, ell, 2) == (1, 2)  # i = 1 missed
    assert L.integer_cover_gap([i <= ell + 1], i, ell, 2) is None and L.integer_cover_gap([i <= ell], i, ell, 2) == (3, 2)
    assert L.integer_cover_gap([sp.Eq(i, 1), sp.Eq(i, 2), sp.Eq(i, 3)], i, ell, 2) == (4, 3)
    assert L.integer_cover_gap([ell >= 3], i, ell, 3) is None and L.integer_cover_gap([ell >= 3], i, ell, 2)[1] == 2


def test_the_triangle_witness_premises_admit_the_boundary_cases():
    r"""Every premise holds at (a) a zero gradient bound r_a = r_b = g = 0, beta = B = 0, L0 = L1 = 0 (t* = 2) and
    (b) r_a = 0, r_b = 2, L0 = L1 = 1 with g = r_a + r_b t* exactly (t* = 1 + (0 + 1 + 2 + 1)/1 = 5): a premise with
    > for >=, or a wrong t*, leaves a case out; the sides are H = A t*^2 - B t* and L0 + L1 g."""
    from proofs.cooper import every_size as E

    step = L.triangle_witness_step()
    zero = {E.COEF_A: 1, E.COEF_B: 0, E.BETA: 0, E.L0: 0, E.L1: 0, E.ROOT_A: 0, E.ROOT_B: 0, E.GNORM: 0, E.TSTAR: 2}
    edge = {E.COEF_A: 1, E.COEF_B: 0, E.BETA: 0, E.L0: 1, E.L1: 1, E.ROOT_A: 0, E.ROOT_B: 2, E.GNORM: 10, E.TSTAR: 5}
    for point in (zero, edge):
        assert all(bool(premise.subs(point)) for premise in step.assuming), point
    assert step.lhs().subs(edge) == 25 and step.rhs.subs(edge) == 11
    signed = {E.COEF_A: 2, E.COEF_B: 1, E.TSTAR: 3}
    assert step.lhs().subs(signed) == 15
    # beta >= |B|: a negative B needs beta >= -B too
    assert not all(bool(premise.subs({**zero, E.COEF_B: -1})) for premise in step.assuming)
    assert not L.triangle_witness_step(power=1).run().ok


def test_the_hidden_claim_3_forms_and_their_steps():
    r"""(21)-(22) at i: sigma_1 sum_p dM(i, j, p) db(i-1, p) over c(i - 1); at i = 2 also sigma_1 dM(2, j, p) dM(1, p, q) x(q).
    The step of i = 2 is labelled ..._2, the symbolic one ..._i_ge_3, and twice the form is refused."""
    p, q, j = L.P_IDX, L.Q_IDX, L.UNIT
    i = L.LAYER
    assert L.claim_3_hidden_form(i) == sp.Sum(L.SIGMA_1 * L.DM(i, j, p) * L.DB(i - 1, p), (p, 1, L.Width(i - 1)))
    two = L.split_sums(L.claim_3_hidden_form(sp.Integer(2))
                       - sp.Sum(L.SIGMA_1 * L.DM(2, j, p) * L.DM(1, p, q) * L.X(q), (q, 1, L.D_IN), (p, 1, L.Width(1))))
    assert two == L.split_sums(sp.Sum(L.SIGMA_1 * L.DM(2, j, p) * L.DB(1, p), (p, 1, L.Width(1))))
    general = L.hidden_second_order_step(i)
    assert general.label == "claim_3_hidden_layer_i_ge_3" and general.latex.startswith(r"i\ge3:")
    assert L.hidden_second_order_step(sp.Integer(2)).label == "claim_3_hidden_layer_2"
    (twice,) = general.mutants()
    assert not twice.run().ok and "twice the form" in twice.run().detail


def test_the_steps_are_named_for_their_case_and_order():
    assert L.lemma_11_case("l=2").label == "lemma_11_every_size_l_2" and L.lemma_11_case("l=2").latex.startswith(r"\ell=2")
    assert L.lemma_11_case("l>=3").label == "lemma_11_every_size_l_ge_3"
    assert L.lemma_11_case("l>=3").latex.startswith(r"\ell\ge3")
    assert L.degree_step(2).label == "second_derivatives_degree_at_most_1_every_size"
    for make in (L.first_layer_step, L.lemma_9_step, L.lemma_10_step, L.lemma_11_step, L.values_on_ray_step,
                 L.lemma_9_fails_at_depth_1_step, L.lemma_11_fails_at_depth_1_step, L.lemma_10_at_depth_1_step,
                 L.grad_norm_degree_step, L.grad_norms_step, L.hessian_entries_step, L.shifted_ray_step,
                 L.grad_norm_sq_depth_1_step, L.grad_norm_sq_depth_1_jets_step, lambda: L.degree_step(1),
                 lambda: L.claim_table_every_layer(3), L.triangle_witness_step, L.hidden_jet_induction):
        step = make()
        assert step.printed is False and step.justification, step.label


def test_the_values_on_the_ray_refuse_a_wrong_ray():
    wrong_output = L.values_on_ray_check(output_bias=1)
    assert not wrong_output.ok and wrong_output.detail == "f_rho on the ray = 1" and wrong_output.values == {"value": 1}
    wrong_hidden = L.values_on_ray_check(hidden_bias=0)
    assert not wrong_hidden.ok and "first_layer" in wrong_hidden.detail
    right = L.values_on_ray_check()
    assert right.ok and right.detail.endswith("; and f_rho = sum_k t M_rk sigma(c) = 0 (Assumption 1)")


def test_the_degree_of_a_form_in_t():
    k = L.K_IDX
    assert L.degree_in_t(sp.Integer(5)) == 0 and L.degree_in_t(L.T**2 * L.X(1) + L.T) == 2
    assert L.degree_in_t(sp.Sum(L.T * L.X(k), (k, 1, L.D_IN))) == 1  # t is pulled out of the sum first
    with pytest.raises(ValueError, match="t inside a sum"):
        L.degree_in_t(sp.Sum(L.T**k, (k, 1, L.D_IN)))


def test_the_degree_check_reports_the_degree_and_its_bound():
    ok = L.degree_check("l=1", 1, 1)
    assert ok.ok and ok.values == {"degree": 1, "order": 1} and ok.counterexample is None
    assert ok.detail == "the order-1 form at l=1 has degree 1 in t (claimed <= 1), every width and d_in a symbol"
    tight = L.degree_check("l=1", 2, 0)
    assert not tight.ok and tight.values == {"degree": 1, "order": 2} and tight.counterexample


def test_the_loss_slopes_at_f_0():
    r"""L2: d(f - y)^2/df at f = 0 is -2 y_sr; cross-entropy: w_s/d_out - y_sr."""
    from proofs.cooper import every_size as E

    result = L.loss_slopes_free_of_t()
    s, r = sp.symbols("s r", integer=True, positive=True)
    assert result.ok and result.values["l2"] == -2 * E.Y[s, r]
    assert sp.simplify(result.values["cross_entropy"] - (E.class_weight(s) / E.D_OUT - E.Y[s, r])) == 0


def test_the_gradient_norm_degree_is_twice_the_first_order_degree():
    ok = L.grad_norm_degree_check()
    assert ok.ok and ok.values == {"degree": 2} and "entries of degree <= 1, so deg_t ||grad L||^2 <= 2 (claimed <= 2)" \
        in ok.detail
    tight = L.grad_norm_degree_check(bound=1)
    assert not tight.ok and tight.values == {"degree": 2} and tight.counterexample
    assert L.grad_norm_degree_check("l>=2").values == {"degree": 2}


def test_the_unit_1_derivatives_are_t_M_sigma1_and_t_M_sigma2():
    assert L.unit_1_derivatives() == (L.SIGMA_1 * L.T * L._ROW_M[1], L.SIGMA_2 * L.T * L._ROW_M[1])


def test_the_shifted_ray_refuses_the_papers_output_bias_with_the_value():
    wrong = L.shifted_ray_check(bias_scale=0)
    k = L.K_IDX
    assert not wrong.ok and wrong.values == {"value": L.net.SIGMA_0 * L.T * sp.Sum(L._ROW_M[k], (k, 1, L.net.WIDTH))}
    assert wrong.method == "split-sums" and wrong.detail.startswith("f on the shifted ray = ")
    assert L.shifted_truncated(L.SIGMA(L.C + L.EPS)) == L.net.SIGMA_0 + L.SIGMA_1 * L.EPS + L.SIGMA_2 * L.EPS**2 / 2


def test_a_form_at_a_concrete_architecture_puts_in_sizes_output_input_and_row():
    r"""At widths (1, 2), d_in = 1, d_out = 2, output r = 2: Lemma 10's form reads row 2 of M and layer 2's biases;
    x(1) is the input x_1_1."""
    arch = L.net.Architecture((1, 2), 1, 2)
    x = list(L.net.symbolic_data(1, arch.d_in, arch.d_out).xs[0])
    M = [list(row) for row in L.net.symbolic_matrix(arch)]
    m21, m22 = M[1]
    want = m21 * L.SIGMA_1 * L.T * L.DB(2, 1) + m22 * L.SIGMA_1 * L.T * L.DB(2, 2) + L.DB(3, 2)
    assert L.form_at(L.lemma_10_form(L.ELL) + L.X(1), arch, 2, x, M) == sp.expand(want + x[0])
    first, second = L.jets_as_forms(arch, 2, x, M)
    assert first == sp.expand(want)
    assert second.coeff(L.DM(3, 2, 1)) == L.SIGMA_1 * L.DB(2, 1)  # the (w^{l+1}, b^l) entry of output 2
    assert second.coeff(L.DB(2, 2), 2) == m22 * L.SIGMA_2 * L.T / 2


def test_the_forms_disagree_with_the_jets_at_the_first_wrong_order():
    r"""sigma' for sigma'' in Lemma 11's table: refused at the first architecture, output 1, order 2, with the gap;
    a right form on a depth-1 network (the input-weight terms added) agrees."""
    arch = L.net.Architecture((1, 2), 1, 2)
    wrong = L.agreement_with_jets([arch], second=L.SIGMA_1)
    assert not wrong.ok and wrong.values["r"] == 1 and wrong.values["order"] == 2
    assert wrong.values["dimensions"] == {sp.Symbol("d_in"): 1, sp.Symbol("d_out"): 2, sp.Symbol("ell"): 2}
    m11 = {s.name: s for s in wrong.values["gap"].free_symbols}["m_1_1"]
    assert sp.expand(wrong.values["gap"].coeff(L.DB(2, 1), 2) - m11 * (L.SIGMA_1 - L.SIGMA_2) * L.T / 2) == 0
    assert wrong.detail.startswith("Architecture(widths=(1, 2), d_in=1, d_out=2), output 1, order 2: differs by")
    right = L.agreement_with_jets([L.net.Architecture((1,), 2, 2)])
    assert right.ok and right.detail == "the forms equal the exact jets on 1 architectures"


def test_lemma_10_holds_at_depth_1_once_the_input_weight_terms_are_taken_off():
    ok = L.lemma_10_at_depth_1_check()
    assert ok.ok and ok.evidence == "proved" and ok.detail.startswith("Lemma 10 at depth 1: equal as forms")
    wrong = L.lemma_10_at_depth_1_check(t_factor=1)
    assert not wrong.ok and wrong.values["size"] == 1


def test_the_depth_1_gradient_norm_closed_form_at_the_smallest_sizes():
    r"""n = d_out = K = d_in = 1: 4 y^2 + 4 sigma_1^2 t^2 (y^2 + x^2 y^2); without the inputs 4 y^2 + 4 sigma_1^2 t^2 y^2."""
    from proofs.cooper import every_size as E

    sizes = {E.N: 1, E.D_OUT: 1, E.K: 1, E.D_IN: 1}
    x, y, s1, t = E.X[1, 1], E.Y[1, 1], L.SIGMA_1, L.T
    full = sp.expand(L.grad_norm_sq_depth_1_closed_form().subs(sizes).doit())
    assert full == sp.expand(4 * y**2 + 4 * s1**2 * t**2 * (y**2 + x**2 * y**2))
    assert sp.expand(L.grad_norm_sq_depth_1_closed_form(False).subs(sizes).doit()) == sp.expand(4 * y**2 + 4 * s1**2 * t**2 * y**2)
    at_2 = sp.expand(L.grad_norm_sq_depth_1_closed_form().subs({**sizes, E.D_IN: 2, E.N: 2}).doit())
    assert at_2.coeff(t, 2).coeff(s1, 2) == sp.expand(4 * ((y + E.Y[2, 1]) ** 2 + (x * y + E.X[2, 1] * E.Y[2, 1]) ** 2
                                                          + (E.X[1, 2] * y + E.X[2, 2] * E.Y[2, 1]) ** 2))


def test_the_depth_1_gradient_norm_is_refused_against_the_jets_without_its_inputs():
    wrong = L.grad_norm_sq_depth_1_agrees_with_jets([(L.net.Architecture((1,), 1, 1), 1)], with_inputs=False)
    assert not wrong.ok and wrong.values["widths"] == [1] and wrong.values["n"] == 1
    assert wrong.detail.startswith("Architecture(widths=(1,), d_in=1, d_out=1), n = 1: differs by")
    named = {s.name: s for s in wrong.values["gap"].free_symbols}
    assert wrong.values["gap"] == 4 * L.SIGMA_1**2 * L.T**2 * named["x_1_1"] ** 2 * named["y_1_1"] ** 2
    right = L.grad_norm_sq_depth_1_agrees_with_jets([(L.net.Architecture((2,), 2, 1), 2)])
    assert right.ok and right.detail == "the depth-1 gradient norm agrees with the jets on 1 architectures"



def test_the_weight_free_check_lists_at_most_four_weights():
    form = sum((L.DM(1, 1, q) * L.X(q) for q in range(1, 6)), L.DB(1, 1))
    wrong = L.weight_free_check(lambda: form)
    assert not wrong.ok and wrong.detail == ("the first-order part names weight directions ['delta_M(1, 1, 1)', "
                                             "'delta_M(1, 1, 2)', 'delta_M(1, 1, 3)', 'delta_M(1, 1, 4)']")
    assert L.weight_free_check(lambda: L.DB(1, 1)).detail.startswith("the first-order part names no weight direction")


def test_the_claim_tables_say_which_claim_they_prove():
    for claim in (1, 2, 3):
        table = L.claim_table_every_layer(claim)
        assert table.label == f"claim_{claim}_every_layer" and table.printed is False
        assert f"Claim {claim} (" in table.latex, claim
    assert "(Lemma 9)" in L.claim_table_every_layer(1).justification
    assert "Lemma 10's form" in L.claim_table_every_layer(2).justification
    labels = [step.label for _, step in L.claim_table_every_layer(3).cases]
    assert labels == ["first_layer_jet", "claim_3_hidden_layer_2", "claim_3_hidden_layer_i_ge_3", "lemma_11_every_size"]


def test_the_depth_1_gradient_norm_check_reports_the_gap_at_the_smallest_sizes(monkeypatch):
    r"""A chain-rule assembly that misses the input weights differs from the closed form by
    4 sigma_1^2 t^2 x_11^2 y_11^2 at n = d_out = K = d_in = 1 (the failure's counterexample)."""
    from proofs.cooper import every_size as E

    monkeypatch.setattr(L, "grad_norm_sq_depth_1_assembled", lambda: L.grad_norm_sq_depth_1_closed_form(False))
    wrong = L.grad_norm_sq_depth_1_check()
    assert not wrong.ok and wrong.detail.startswith("the forms differ by")
    assert wrong.values == {"gap": -4 * L.SIGMA_1**2 * L.T**2 * E.X[1, 1] ** 2 * E.Y[1, 1] ** 2}
    monkeypatch.setattr(L, "grad_norm_sq_depth_1_assembled", lambda: L.grad_norm_sq_depth_1_closed_form(True))
    right = L.grad_norm_sq_depth_1_check()
    assert right.ok and right.detail == "equal with n, d_out, K and d_in symbols"


def test_a_case_condition_sympy_decides_alone_is_read_as_that_truth_value():
    # LAYER is a positive integer symbol, so SymPy turns LAYER >= 1 into True before Z3 sees it: a layer case
    # with that condition covers every layer, and one with LAYER < 1 (False) covers none
    from proofs.cooper import every_size_lemmas as lm
    from proofs.cooper.every_size import ELL

    assert lm.integer_cover_gap([lm.LAYER >= 1], lm.LAYER, ELL, 1) is None
    assert lm.integer_cover_gap([lm.LAYER < 1], lm.LAYER, ELL, 1) is not None


# ---------------------------------------------------------------- brief G6: the wrong versions' own gaps, the edges


def test_each_wrong_version_of_layer_1_is_refused_by_its_own_term():
    r"""b^1 = 0 leaves the constant c out (gap -c), M^1 = 1 adds the input x(1) (gap x(1)), both at size 1: a wrong
    version whose printed side is also wrong (c - eps form) shows a gap in eps as well."""
    wrong_bias, wrong_weight = (m.run() for m in L.first_layer_step().mutants())
    assert not wrong_bias.ok and wrong_bias.values == {"size": 1, "depth": 4, "gap": -L.C}
    assert wrong_bias.detail == "layer 1 with b^1 = 0: with every width and d_in = 1 the forms differ by -c"
    assert not wrong_weight.ok and wrong_weight.values == {"size": 1, "depth": 4, "gap": L.X(1)}
    assert wrong_weight.detail.startswith("layer 1 with M^1 = 1: ")


def test_the_wrong_lemma_10_and_11_tables_are_refused_by_the_term_they_change():
    r"""Lemma 10 without t: gap sigma_1 M_1 (t - 1) delta_b(4, 1) (depth 4, size 1); Lemma 10 at depth 1: the input
    weight term sigma_1 t M_1 delta_M(1, 1, 1) x(1); sigma' for sigma'' in Lemma 11: (sigma_2 - sigma_1) t M_1
    delta_b(l, 1)^2 / 2 at l = 2 and at the depth 4 written for l >= 3; the other depth's table differs by the
    l = 2 rows and the l = 4 rows with opposite signs in the two cases."""
    M1, s1, s2, t = sp.Symbol("M_1", real=True), L.SIGMA_1, L.SIGMA_2, L.T
    no_t, depth_1 = (m.run().values["gap"] for m in L.lemma_10_step().mutants())
    assert sp.expand(no_t - s1 * M1 * (t - 1) * L.DB(4, 1)) == 0
    assert sp.expand(depth_1 - s1 * t * M1 * L.DM(1, 1, 1) * L.X(1)) == 0
    (sigma_2, other_2), (sigma_3, other_3) = ([m.run().values["gap"] for m in L.lemma_11_case(c).mutants()]
                                              for c in ("l=2", "l>=3"))
    assert sp.expand(sigma_2 - (s2 - s1) * t * M1 * L.DB(2, 1) ** 2 / 2) == 0
    assert sp.expand(sigma_3 - (s2 - s1) * t * M1 * L.DB(4, 1) ** 2 / 2) == 0
    assert other_2 != 0 and sp.expand(other_2 + other_3) == 0
    assert other_2.coeff(L.DB(4, 1) ** 2) == s2 * t * M1 / 2 and other_2.coeff(L.DB(2, 1) ** 2) == -s2 * t * M1 / 2


def test_lemma_9_is_refused_at_depth_1_by_the_input_weight_direction():
    (wrong,) = L.lemma_9_step().mutants()
    result = wrong.run()
    assert not result.ok and result.detail == "the first-order part names weight directions ['delta_M(1, k, q)']"
    assert L.split_sums(result.values["term"] - L.input_weight_terms()) == 0


def test_the_depth_1_failures_are_shown_at_their_printed_points():
    r"""Lemma 9 fails at t = M = x = 1 in the direction delta_M(1, 1, 1) (value sigma'(c)); Lemma 11 at x = 1 in
    (delta_M(2, 1, 1), delta_M(1, 1, 1)) (derivative sigma'(c) x(1)); the wrong point t = 0 of the first shows no
    failure, with the derivative in delta_b(1, 1)."""
    nine = L.lemma_9_fails_at_depth_1_step().run()
    assert nine.ok and nine.values == {"derivative": L.SIGMA_1 * L.T * L.X(1) * L.M_OUT[1],
                                       "point": {L.T: 1, L.M_OUT[1]: 1, L.X(1): 1}, "value": L.SIGMA_1}
    eleven = L.lemma_11_fails_at_depth_1_step().run()
    assert eleven.ok and eleven.values == {"derivative": L.SIGMA_1 * L.X(1), "point": {L.X(1): 1}, "value": L.SIGMA_1}
    assert "the derivative in delta_M(2, 1, 1), delta_M(1, 1, 1) is sigma_1*x(1)" in eleven.detail
    no_terms, at_t_0 = (m.run() for m in L.lemma_9_fails_at_depth_1_step().mutants())
    assert not no_terms.ok and no_terms.values["gap"] == L.SIGMA_1 * L.T * sp.Symbol("M_1", real=True) * L.DM(1, 1, 1) * L.X(1)
    assert not at_t_0.ok and at_t_0.detail == "the derivative sigma_1*t*M[1] is 0 at {t: 0}: no failure shown"


def test_the_lemma_11_split_needs_its_l_2_case():
    r"""The split is over l >= 2: without the case l = 2 the cover fails at l = 2 (a domain from 3 would hide it)."""
    import dataclasses

    step = L.lemma_11_step()
    result = dataclasses.replace(step, cases=step.cases[1:]).run()
    assert not result.ok and result.values == {"point": {L.ELL: 2}}


def test_the_uncovered_layer_and_depth_are_named_apart():
    r"""Layers 1 and 2..l cover all but i = l + 1: the gap is layer 3 of depth 2 (i and l differ, in that order)."""
    i, ell = L.LAYER, L.ELL
    gap = L.LayerCases(label="x", latex="", cases=((sp.Eq(i, 1), L.first_layer_step()),
                                                      (sp.And(i >= 2, i <= ell), L.first_layer_step()))).check()
    assert gap.detail == "the cases miss the layer i = 3 of a network of depth l = 2"
    assert gap.values == {"point": {i: 3, ell: 2}}


def test_the_wrong_hidden_bias_is_refused_by_the_gap_minus_c():
    r"""Hidden bias 0 for c: layer 1's pre-activation is 0, so the base fails with the gap 0 - c at the point shown;
    output bias 1: f = 1 on the ray."""
    (wrong, output) = (m.run() for m in L.values_on_ray_step().mutants())
    assert not wrong.ok and wrong.detail.startswith("the base `first_layer` fails")
    assert wrong.values["value"] == -wrong.values["point"][L.C]
    assert not output.ok and output.values == {"value": 1}


def test_the_claim_tables_cover_every_layer_1_to_l_plus_1():
    r"""Claims 1 and 2: i = 1, 2 <= i <= l, i = l + 1; Claim 3: i = 1, i = 2, 3 <= i <= l, i = l + 1 (Z3, every l >= 2)."""
    for claim in (1, 2, 3):
        conditions = [condition for condition, _ in L.claim_table_every_layer(claim).cases]
        assert L.integer_cover_gap(conditions, L.LAYER, L.ELL, 2) is None, claim
        assert L.integer_cover_gap(conditions[:-1], L.LAYER, L.ELL, 2) == (3, 2), claim  # i = l + 1 is the last case


def test_the_shifted_ray_is_zero_on_the_ray_and_refuses_a_t_squared_derivative(monkeypatch):
    r"""The output bias -t sigma_0 sum_k M_k cancels the row at eps = 0 (a bias divided by the sum would not); a row
    whose first-order part had a t^2 term is refused with the degrees [2, 1]."""
    assert L.split_sums(L.shifted_output_row().subs(L.EPS, 0)) == 0
    real = L.shifted_output_row
    monkeypatch.setattr(L, "shifted_output_row", lambda bias_scale=1: real(bias_scale) + L.EPS * L.T**2 * L._ROW_DB)
    wrong = L.shifted_ray_check()
    assert not wrong.ok and wrong.detail == "degrees [2, 1] in t" and wrong.values == {"first": 2, "second": 1}
    assert wrong.method == "Poly" and "{first}" in wrong.counterexample


def test_the_depth_1_gradient_norm_without_its_inputs_is_refused_with_the_input_term():
    (wrong,) = L.grad_norm_sq_depth_1_step().mutants()
    result = wrong.run()
    from proofs.cooper import every_size as E

    assert not result.ok and result.values == {"gap": 4 * L.SIGMA_1**2 * L.T**2 * E.X[1, 1] ** 2 * E.Y[1, 1] ** 2}


def test_the_depth_1_jets_cross_check_declares_its_four_architectures():
    r"""Distinct sizes, widths 1 to 3, as the review's scope shows them."""
    scope = L.grad_norm_sq_depth_1_jets_step().scope
    assert scope["architectures"] == [{"n": 1, "d_in": 1, "widths": [1], "d_out": 1},
                                      {"n": 2, "d_in": 2, "widths": [2], "d_out": 2},
                                      {"n": 2, "d_in": 1, "widths": [3], "d_out": 2},
                                      {"n": 3, "d_in": 3, "widths": [2], "d_out": 1}]
    assert scope["activation"] == "generic"


def test_a_depth_1_derivative_is_a_failure_shown_exactly_when_it_is_nonzero():
    r"""The refusal is ``value == 0`` or not provably nonzero, nothing else: the output bias's derivative is the
    constant 1 (a failure shown, not refused as if 1 were 0), delta b^1's is sigma_1 t M, so -2 sigma_1 at t = 2,
    M = -1 (shown) and 0 at t = 0 (no failure shown). Rejects a refusal at ``value == 1`` or ``!= 0``."""
    one = L.depth_1_failure_check(1, L.input_weight_terms, (L.DB(2, 1),), {})
    assert one.ok and one.values["derivative"] == 1 and one.values["value"] == 1
    assert one.detail.endswith("is 1, = 1 != 0 at {} (sigma'(c) != 0, Assumption 1)")
    negative = L.depth_1_failure_check(1, L.input_weight_terms, (L.DB(1, 1),), {L.T: 2, L.M_OUT[1]: -1})
    assert negative.ok and negative.values["value"] == -2 * L.SIGMA_1
    zero = L.depth_1_failure_check(1, L.input_weight_terms, (L.DB(1, 1),), {L.T: 0})
    assert not zero.ok and zero.detail.endswith("is 0 at {t: 0}: no failure shown")
