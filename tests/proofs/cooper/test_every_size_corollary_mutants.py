r"""Cooper's corollary for every size: the premises of the subquadratic witness admit the boundary cases
(written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from proofs.cooper import every_size as E
from proofs.cooper import every_size_corollary as K


def test_the_witness_premises_admit_a_small_A_and_a_bounded_gradient():
    # A = 1/2 and P = Q = C_eta = 0 (sum y = 0: the gradient stays bounded): eta = 1/4, t* = 5
    point = {E.COEF_A: sp.Rational(1, 2), E.COEF_B: 0, E.BETA: 0, K.P_SYM: 0, K.Q_SYM: 0, K.C_ETA: 0,
             K.ETA: sp.Rational(1, 4), E.TSTAR: 5}
    step = K.subquadratic_witness_step()
    assert all(bool(premise.subs(point)) for premise in step.assuming)
    assert step.lhs().subs(point) == sp.Rational(25, 2) and step.rhs.subs(point) == 0


def test_the_quadratic_bound_premises_admit_a_zero_gradient_at_t_0():
    # P = ||grad L(rho(0))||^2 may be 0 (the detail says "every ... P >= 0"): A = Q = 1, B = P = 0 gives b = 3, a = 1,
    # and |H(t)| = t^2 <= 1 + 3 t^2 there; a premise P >= 1 would leave that case unproved.
    b, a = sp.symbols("b a", real=True)
    point = {E.COEF_A: 1, E.COEF_B: 0, K.P_SYM: 0, K.Q_SYM: 1, b: 3, a: 1}
    for sign in (1, -1):
        assert all(bool(premise.subs(point)) for premise in K.quadratic_bound_premises(sign))


# ---------------------------------------------------------------- the closed forms read with the data sums as symbols


def test_the_l2_forms_are_read_with_S_and_R():
    r"""H = 2 n d_out sigma_1^2 t^2 - 2 sigma_2 t S, ||grad L||^2 = 4R + 4K sigma_1^2 t^2 S^2 (no data sum left)."""
    h, g = K.l2_forms()
    s1, s2, t = E.SIGMA_1, E.SIGMA_2, E.T
    assert h == sp.expand(2 * E.N * E.D_OUT * s1**2 * t**2 - 2 * s2 * t * K.S_TOTAL)
    assert g == sp.expand(4 * K.R_COLUMNS + 4 * E.K * s1**2 * t**2 * K.S_TOTAL**2)
    assert K.forms("l2") == (h, g)


def test_the_cross_entropy_forms_are_read_with_w_s_1_and_E0_E1_beta():
    r"""H = sigma_1^2 t^2 n (1/d - 1/d^2) + sigma_2 t beta_CE, ||grad L||^2 = E_0 + sigma_1^2 t^2 E_1 (w_s = 1)."""
    h, g = K.ce_forms()
    s1, s2, t, d = E.SIGMA_1, E.SIGMA_2, E.T, E.D_OUT
    assert h == sp.expand(s1**2 * t**2 * E.N * (1 / d - 1 / d**2) + s2 * t * K.B_CE)
    assert g == sp.expand(K.E0 + s1**2 * t**2 * K.E1)
    assert K.forms("cross_entropy") == (h, g)


def test_the_class_weights_become_1_and_their_sum_n():
    weight = E.class_weight(K._s)
    assert K._class_weight_to_one(sp.Sum(weight, (K._s, 1, E.N)) + weight * E.T) == E.N + E.T


def test_the_expected_ratios():
    assert K.expected_ratio("l2") == E.N * E.D_OUT / (2 * E.K * K.S_TOTAL**2)
    assert K.expected_ratio("cross_entropy").subs({E.N: 3, E.D_OUT: 3, K.E1: 5}) == sp.Rational(2, 15)


def test_with_sum_y_0_the_gradient_norm_is_4R():
    step = K.bounded_when_sum_zero_step()
    assert step.expr() == 4 * K.R_COLUMNS and step.degree == 0 and step.var == E.T
    assert K.zero_sum_forms() == (2 * E.N * E.D_OUT * E.SIGMA_1**2 * E.T**2, 4 * K.R_COLUMNS)


def test_uniform_labels_give_a_zero_gradient():
    result = K.uniform_labels_check()
    assert result.ok and result.values == {"value": 0} and result.counterexample is None
    assert result.detail == "||grad L||^2 with these labels = 0"


def test_the_exactly_quadratic_reading_is_refuted_by_zero_sum_data_with_numbers():
    r"""y = ((2, 0), (0, -2)): R = 8, ||grad L||^2 = 32, H = 2 n d_out sigma_1^2 t^2 = 8 sigma_1^2 t^2 at n = d_out = 2."""
    refuted = K.some_quadratic_l_check()
    assert not refuted.ok and refuted.evidence == "proved" and refuted.method == "z3"
    assert refuted.values == {"data": sp.Matrix(((2, 0), (0, -2))), "grad": 32, "entry": 8 * E.SIGMA_1**2 * E.T**2}
    growing = K.some_quadratic_l_check(E.T)
    assert growing.undecided and "||grad L||^2 = t" in growing.detail


def test_the_subquadratic_witness_compares_H_with_eta_g2_plus_C():
    step = K.subquadratic_witness_step()
    point = {E.COEF_A: 2, E.COEF_B: 1, E.TSTAR: 3, K.ETA: sp.Rational(1, 2), K.P_SYM: 2, K.Q_SYM: 1, K.C_ETA: 1}
    assert step.lhs().subs(point) == 15 and step.rhs.subs(point) == sp.Rational(13, 2)
    assert K.subquadratic_witness_step(power=3).lhs().subs(point) == 51


def test_the_zero_sum_refutation_covers_c_0_and_R_0(monkeypatch):
    r"""The refutation is for every K and every c >= 0 (R >= 0): its premises admit c = 0 and R = 0 (a zero gradient)
    with A = 1, K = 0: K_abs = 0, t = 2."""
    from proofs import steps

    seen = []

    class Recording(steps.Inequality):
        def __init__(self, **kwargs):
            seen.append(kwargs)
            super().__init__(**kwargs)

    monkeypatch.setattr(K, "Inequality", Recording)
    assert K.some_quadratic_l_check().evidence == "proved"
    (kwargs,) = seen
    point = {E.COEF_A: 1, K.C_QUAD: 0, K.R_COLUMNS: 0, K.K_BOUND: 0, K.K_ABS: 0, E.T: 2}
    assert all(bool(sp.sympify(p).subs(point)) for p in kwargs["assuming"])
    assert kwargs["lhs"].subs(point) == 4 and kwargs["rhs"].subs(point) == 0


def test_the_lowered_b_is_refuted_at_one_exact_point_naming_each_coefficient_once():
    r"""The wrong version (b lowered by 10) is refuted at A = 1, B = 0, P = 2, Q = 1, a = 1, b = 3, t = 0, where
    +(At^2 - Bt) - (a + (b - 10)(P + Qt^2)) = 0 - (1 - 14) = 13 > 0 (shown as the gap, -13).  The bound's a and b
    must be the premises' real a and b: other symbols of the same name are distinct in SymPy and Z3 still joins
    them by name, so the point then names a and b twice."""
    result = K.quadratic_bound_check(slack=10)
    assert not result.ok and result.detail == "fails at A=1, B=0, P=2, Q=1, a=1, b=3, t=0 (checked exactly)"
    point = result.values["point"]
    assert {str(s): v for s, v in point.items()} == {"A": 1, "B": 0, "P": 2, "Q": 1, "a": 1, "b": 3, "t": 0}
    assert len(point) == 7 and all(s.is_real for s in point) and result.values["value"] == -13


# ---------------------------------------------------------------- refusals and the limit's cross-check points


def test_a_data_sum_left_in_either_form_is_refused(monkeypatch):
    r"""The data sums must all become symbols: a sum the structural reading does not know (here the first column's
    sum_s y_s1, neither S nor R, nor beta_CE, E_0, E_1) is refused with ValueError when it is left in H alone or in
    ||grad L||^2 alone, for L2 and for cross-entropy; recognised sums pass (2S and 4R).  Rejects refusing only when
    both forms keep a sum."""
    import pytest

    unknown = sp.Sum(E.Y[K._s, 1], (K._s, 1, E.N))
    monkeypatch.setattr(E, "hessian_entry_closed_form", lambda: 2 * K._total())
    monkeypatch.setattr(E, "grad_norm_sq_closed_form", lambda: 4 * K._columns())
    assert K.l2_forms.__wrapped__() == (2 * K.S_TOTAL, 4 * K.R_COLUMNS)
    for h, g, ce_h, ce_g in ((unknown, 4 * K._columns(), unknown, E.T), (2 * K._total(), unknown, E.T, unknown)):
        monkeypatch.setattr(E, "hessian_entry_closed_form", lambda h=h: h)
        monkeypatch.setattr(E, "grad_norm_sq_closed_form", lambda g=g: g)
        with pytest.raises(ValueError, match="^a data sum was not recognised"):
            K.l2_forms.__wrapped__()
        monkeypatch.setattr(E, "ce_hessian_entry_closed_form", lambda h=ce_h: h)
        monkeypatch.setattr(E, "ce_grad_norm_sq_closed_form", lambda g=ce_g: g)
        with pytest.raises(ValueError, match="^a data sum was not recognised"):
            K.ce_forms.__wrapped__()


def test_the_limits_are_cross_checked_at_both_catalogue_activations_values():
    r"""LIMIT_POINTS holds, for each loss, one point at tanh's (sigma'(0), sigma''(0)) = (1, 0) and one at
    softplus_shifted's (1/2, 1/4), computed here from the catalogue formulas: a point at no activation's values
    (e.g. sigma'(c) = 1/3) is not the cross-check the comment and the review describe."""
    from symbolic.activations import activation, values_at_c

    wanted = {values_at_c(activation(name))[1:] for name in ("tanh", "softplus_shifted")}
    for loss in ("l2", "cross_entropy"):
        points = [(p[E.SIGMA_1], p[E.SIGMA_2]) for p in K.LIMIT_POINTS[loss]]
        assert len(points) == 2 and set(points) == wanted
