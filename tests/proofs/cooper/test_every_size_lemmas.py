r"""Cooper's Lemmas 9-11, depth 1 and the subquadratic corollary for every size: proved with the sizes as
symbols, refused when wrong, and equal to the exact jets of whole networks (proofs/cooper/every_size_lemmas.py,
proofs/cooper/every_size_corollary.py)."""

from __future__ import annotations

import dataclasses
import random

import pytest
import sympy as sp

from proofs.cooper import every_size_corollary as K
from proofs.cooper import every_size_lemmas as L
from symbolic import network as net
from symbolic.activations import SIGMA_1, SIGMA_2


def test_the_induction_over_the_hidden_layers_is_proved_for_every_layer():
    result = L.hidden_jet_induction().run()
    assert result.ok and result.evidence == "proved", result.detail
    assert "for every integer i >= 2" in result.detail


def test_the_induction_refuses_a_wrong_base_case():
    r"""Layer 2's first-order part computed with layer 1's bias direction: the base does not hold."""
    result = L.hidden_jet_induction(bias=L.DB(1, L.UNIT)).run()
    assert not result.ok and "layer_2_first_order" in result.detail


def test_the_induction_refuses_a_step_whose_hypothesis_is_not_the_base_conclusion():
    ind = L.hidden_jet_induction()
    wrong = dataclasses.replace(ind, step=dataclasses.replace(ind.step, hypothesis=L.first_order_statement(L.LAYER + 1)))
    result = wrong.run()
    assert not result.ok and "assumes" in result.detail


def test_the_induction_refuses_a_base_at_the_wrong_layer():
    result = L.hidden_jet_induction(start=3).run()
    assert not result.ok and "not the statement at i = 3" in result.detail


def test_every_mutant_of_the_induction_is_refused():
    assert all(not m.run().ok for m in L.hidden_jet_induction().mutants())


@pytest.mark.deep  # the default run checks every claim step (plugin); the deep run its mutants (tests/proofs/test_mutants.py)
@pytest.mark.parametrize("make", [L.lemma_9_step, L.lemma_10_step, L.lemma_11_step, L.lemma_9_fails_at_depth_1_step,
                                  L.lemma_11_fails_at_depth_1_step, L.values_on_ray_step, L.first_layer_step,
                                  lambda: L.claim_table_every_layer(1), lambda: L.claim_table_every_layer(3),
                                  lambda: L.degree_step(1), L.grad_norm_degree_step, L.triangle_witness_step,
                                  L.shifted_ray_step], ids=lambda f: getattr(f, "__name__", "claim_table"))
def test_each_general_step_is_proved_and_refuses_its_wrong_versions(make):
    step = make()
    result = step.run()
    assert result.ok and result.evidence == "proved", (step.label, result.detail)
    assert step.mutants() and all(not m.run().ok for m in step.mutants()), step.label


def test_a_wrong_lemma_11_table_is_refused_with_a_counterexample_at_small_sizes():
    result = L.form_check(lambda: L.second_order_part("l>=3"), lambda: L.lemma_11_form(L.ELL, second=SIGMA_1), "x")
    assert not result.ok and "every width and d_in = 1" in result.detail and result.counterexample


def test_lemma_10_without_t_is_refused():
    assert not L.form_check(lambda: L.first_order_part("l>=2"), lambda: L.lemma_10_form(L.ELL, t_factor=1), "x").ok


def test_lemma_9_holds_for_l_ge_2_and_fails_at_depth_1():
    assert L.weight_free_check(lambda: L.first_order_part("l>=2")).ok
    assert not L.weight_free_check(lambda: L.first_order_part("l=1")).ok


def test_the_depth_1_failure_is_the_input_weight_term():
    r""":math:`\partial f/\partial w^1_{11}=\sigma'(c)tM_{11}x_1` at the smallest network."""
    part = L.first_order_part("l=1")
    assert L.smallest_instance_derivative(part, L.DM(1, 1, 1)) == SIGMA_1 * net.T * L.X(1) * L.M_OUT[1]


def test_the_layer_cases_must_cover_every_layer():
    gap = L.integer_cover_gap([sp.Eq(L.LAYER, 1), sp.Eq(L.LAYER, L.ELL + 1)], L.LAYER, L.ELL, 2)
    assert gap is not None and 2 <= gap[0] <= gap[1]
    assert L.integer_cover_gap([L.LAYER <= 1, sp.And(L.LAYER >= 2, L.LAYER <= L.ELL), sp.Eq(L.LAYER, L.ELL + 1)],
                               L.LAYER, L.ELL, 2) is None


def test_the_shifted_ray_needs_its_output_bias():
    result = L.shifted_ray_check(bias_scale=0)
    assert not result.ok and "sigma_0" in result.detail


def test_the_general_forms_equal_the_exact_jets_on_small_non_uniform_networks():
    archs = [net.Architecture(w, d_in, d_out) for w, d_in, d_out in
             [((1,), 1, 1), ((2,), 2, 2), ((1, 2), 1, 1), ((2, 1, 2), 2, 2)]]
    assert L.agreement_with_jets(archs).ok
    assert not L.agreement_with_jets(archs, second=SIGMA_1).ok


@pytest.mark.deep
def test_the_general_forms_equal_the_exact_jets_on_random_larger_networks():
    rng = random.Random(9)
    archs = [net.Architecture(tuple(rng.randint(1, 3) for _ in range(rng.randint(1, 5))), rng.randint(1, 3),
                              rng.randint(1, 3)) for _ in range(10)]
    result = L.agreement_with_jets(archs)
    assert result.ok, result.detail


# ---------------------------------------------------------------- the corollary


@pytest.mark.deep  # as above: the claims' steps and mutants run in the default suite
@pytest.mark.parametrize("make", [lambda: K.ratio_limit_step("l2"), lambda: K.ratio_limit_step("cross_entropy"),
                                  K.bounded_when_sum_zero_step, K.uniform_labels_step, K.subquadratic_witness_step,
                                  K.quadratic_bound_step], ids=lambda f: getattr(f, "__name__", "ratio_limit"))
def test_each_corollary_step_is_proved_and_refuses_its_wrong_versions(make):
    step = make()
    result = step.run()
    assert result.ok and result.evidence == "proved", (step.label, result.detail)
    assert step.mutants() and all(not m.run().ok for m in step.mutants()), step.label


def test_the_closed_forms_are_read_with_the_data_sums_as_symbols():
    h, g = K.l2_forms()
    assert h == sp.expand(2 * K.E.N * K.E.D_OUT * SIGMA_1**2 * net.T**2 - 2 * SIGMA_2 * net.T * K.S_TOTAL)
    assert g == sp.expand(4 * K.R_COLUMNS + 4 * K.E.K * SIGMA_1**2 * net.T**2 * K.S_TOTAL**2)


def test_a_wrong_ratio_limit_is_refused():
    assert not K.ratio_limit_step("l2", expected=K.E.N * K.E.D_OUT / (K.E.K * K.S_TOTAL**2)).run().ok


def test_the_subquadratic_witness_needs_the_quadratic_growth():
    assert not K.subquadratic_witness_step(power=1).run().ok


def test_the_quadratic_bound_needs_a_large_enough_b():
    assert not K.quadratic_bound_check(slack=10).ok


def test_the_depth_1_gradient_norm_has_the_input_weight_term():
    r"""The l >= 2 form (no input-weight term) is refused at l = 1, symbolically and against the jets."""
    assert L.grad_norm_sq_depth_1_check().ok
    wrong = L.grad_norm_sq_depth_1_check(with_inputs=False)
    assert not wrong.ok and wrong.values["gap"] != 0


@pytest.mark.deep
def test_the_depth_1_gradient_norm_agrees_with_the_jets_on_random_sizes():
    rng = random.Random(11)
    pairs = [(net.Architecture((rng.randint(1, 4),), rng.randint(1, 3), rng.randint(1, 3)), rng.randint(1, 3))
             for _ in range(8)]
    result = L.grad_norm_sq_depth_1_agrees_with_jets(pairs)
    assert result.ok, result.detail


# ---------------------------------------------------------------- reading 'exactly quadratic'


def test_exactly_quadratic_fails_exactly_where_the_gradient_stays_bounded():
    r"""At S = 0 every l is exceeded (Z3, proved); with a gradient that grows along the ray the argument proves
    nothing (undecided, never a refutation)."""
    from proofs.cooper import every_size_corollary as EC

    refuted = EC.some_quadratic_l_check()
    assert not refuted.ok and refuted.evidence == "proved" and refuted.values["grad"] == 32
    growing = EC.some_quadratic_l_check(EC.R_COLUMNS + EC.Q_GROWTH**2 * EC.E.T**2)
    assert growing.undecided


def test_the_corollary_is_reading_dependent_on_exactly_quadratic():
    from proofs import registry

    report = registry.report("cooper.corollary_subquadratic")
    assert report.by_reading == {"not_subquadratic": "verified", "exactly_quadratic": "refuted"}
    assert report.status == "reading-dependent" and report.statement_evidence == "proved"
