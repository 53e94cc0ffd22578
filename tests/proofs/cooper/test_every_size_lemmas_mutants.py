r"""Cooper's Lemmas 9-11 for every size: what the steps state and why their wrong versions fail (written
against the mutation benchmark)."""

from __future__ import annotations

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
