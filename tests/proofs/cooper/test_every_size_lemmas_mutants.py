r"""Cooper's Lemmas 9-11 for every size: what the steps state and why their wrong versions fail (written
against the mutation benchmark)."""

from __future__ import annotations

from proofs.cooper import every_size_lemmas as L


def test_the_degree_steps_state_Df_for_order_1_and_Hf_for_order_2():
    first, second = L.degree_step(1), L.degree_step(2)
    assert first.label.startswith("first_") and r"\mathbf Df" in first.latex and r"\mathbf Hf" not in first.latex
    assert second.label.startswith("second_") and r"\mathbf Hf" in second.latex and r"\mathbf Df" not in second.latex


def test_lemma_11_at_depth_1_is_refused_at_x_0_by_the_point_not_the_form():
    wrong_form, at_zero = (m.run() for m in L.lemma_11_fails_at_depth_1_step().mutants())
    assert not wrong_form.ok and "forms differ" in wrong_form.detail
    assert not at_zero.ok and at_zero.detail == "the derivative sigma_1*x(1) is 0 at {x(1): 0}: no failure shown"
