r"""Cooper's ray statements for every size: proved with the sizes as symbols, refused when wrong, and equal to
the exhaustive jets of the whole network (proofs/cooper/every_size.py)."""

from __future__ import annotations

import random

import pytest
import sympy as sp

from proofs.cooper import every_size as E
from proofs.cooper.ray import prime_architectures, scope_pairs
from symbolic import network as net
from symbolic.activations import C, SIGMA_1, SIGMA_2

STEPS = E.every_size_steps("l2")


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.label)
def test_each_step_is_proved_and_says_what_it_trusts(step):
    result = step.run()
    expected = "proved-on-scope" if step.label == "every_size_agrees_with_jets" else "proved"
    assert result.ok and result.evidence == expected, (step.label, result.detail)
    assert not step.printed and step.latex and step.justification


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.label)
def test_each_step_has_wrong_versions_and_refuses_them(step):
    mutants = step.mutants()
    assert mutants
    for mutant in mutants:
        assert not mutant.run().ok, mutant.label


def test_the_forward_induction_breaks_without_the_rays_bias():
    r"""b^i = 0 instead of c: the first layer's pre-activation is 0, not c."""
    result = E.forward_induction(bias=sp.Integer(0)).run()
    assert not result.ok and "first_layer" in result.detail and "c=" in result.detail


def test_the_forward_induction_breaks_with_nonzero_hidden_weights():
    assert not E.forward_induction(weight=sp.Integer(1)).run().ok


def test_the_backward_induction_breaks_with_nonzero_hidden_weights():
    assert not E.backward_induction(weight=sp.Integer(1)).run().ok


def test_the_forward_induction_reads_the_codes_ray():
    assert (E.HIDDEN_WEIGHT, E.HIDDEN_BIAS, E.OUTPUT_BIAS, E.OMEGA) == (0, C, 0, 1)


def test_the_witness_needs_the_quadratic_growth():
    r"""With H(t) = A t - B t (the wrong power of t) Z3 finds a counterexample."""
    result = E.witness_step(power=1).run()
    assert not result.ok and "fails at" in result.detail


def test_the_witness_needs_a_positive_leading_coefficient():
    step = E.witness_step()
    premises = [p for p in step.assuming if p != (E.COEF_A > 0)]
    import dataclasses
    assert not dataclasses.replace(step, assuming=premises).run().ok


def test_the_hessian_entry_is_the_issues_form_with_the_codes_normalisation():
    r"""L = sum_s ||f(x_s) - y_s||^2 (no 1/n): at n = 1, d_out = 1 the entry is 2 s1^2 t^2 - 2 s2 t y."""
    data = net.Data(((sp.Integer(1),),), ((sp.Rational(3, 2),),))
    closed = E.at_sizes(E.hessian_entry_closed_form(), 1, 1, 2, data)
    assert closed == sp.expand(2 * SIGMA_1**2 * net.T**2 - 3 * SIGMA_2 * net.T)
    assert E.agreement_with_jets([(net.architecture(1, 2, 1, 1), 1)]).ok is True


def test_a_swapped_dimension_is_caught_where_sizes_differ():
    swapped = E.closed_form_check(E.hessian_entry_assembled, lambda: E.hessian_entry_closed_form(E.D_OUT, E.N))
    assert not swapped.ok and swapped.counterexample


@pytest.mark.deep
def test_the_closed_forms_agree_with_the_jets_on_the_prime_architectures():
    assert E.agreement_with_jets(prime_architectures()).ok


@pytest.mark.deep
def test_the_closed_forms_agree_with_the_jets_on_the_scope_and_random_larger_sizes():
    rng = random.Random(14)
    pairs = list(scope_pairs()) + prime_architectures()
    pairs += [(net.architecture(rng.randint(1, 5), rng.randint(1, 4), rng.randint(1, 3), rng.randint(1, 4)),
               rng.randint(1, 4)) for _ in range(12)]
    pairs += [(net.Architecture((3, 1, 4), 2, 3), 3), (net.Architecture((2, 5), 1, 2), 2)]  # non-uniform widths
    result = E.agreement_with_jets(pairs)
    assert result.ok, result.detail
    for seed in (1, 2):
        assert E.agreement_with_jets(pairs[-6:], seed=seed).ok


@pytest.mark.deep
def test_the_gradient_norm_form_is_for_depth_at_least_two():
    r"""Depth 1 adds the input-weight terms 4 K sigma_1^2 t^2 sum_q (sum_s Y_s x_sq)^2: the form is refused there."""
    arch, n = net.architecture(1, 2, 2, 2), 2
    data = net.seeded_data(n, arch.d_in, arch.d_out, 3, "l2")
    q = E.quantities(arch, data, "l2", "generic")
    assert sp.expand(q["grad_norm_sq"] - E.at_sizes(E.grad_norm_sq_closed_form(), n, 2, 2, data)) != 0


# ---------------------------------------------------------------- cross-entropy (Theorem 14): a few seconds, deep

CE_STEPS = E.every_size_steps("cross_entropy")


@pytest.mark.deep
@pytest.mark.parametrize("step", CE_STEPS, ids=lambda s: s.label)
def test_each_cross_entropy_step_is_proved_and_refuses_its_wrong_versions(step):
    result = step.run()
    expected = "proved-on-scope" if step.label == "every_size_agrees_with_jets" else "proved"
    assert result.ok and result.evidence == expected, (step.label, result.detail)
    assert step.mutants()
    for mutant in step.mutants():
        assert not mutant.run().ok, mutant.label


@pytest.mark.deep
def test_the_cross_entropy_leading_coefficient_needs_two_classes():
    import dataclasses
    step = E.ce_leading_positive_step()
    assert not dataclasses.replace(step, assuming=[]).run().ok  # d_out = 1: A = 0


@pytest.mark.deep
def test_the_cross_entropy_closed_forms_agree_with_the_jets_on_random_larger_sizes():
    rng = random.Random(15)
    pairs = [(net.architecture(rng.randint(1, 4), rng.randint(1, 4), rng.randint(1, 2), rng.randint(2, 4)),
              rng.randint(1, 3)) for _ in range(10)]
    pairs += [(net.Architecture((2, 3), 1, 2), 2), (net.Architecture((4, 1, 2), 1, 3), 2)]  # K < d_out and K > d_out
    assert E.agreement_with_jets(pairs, loss="cross_entropy").ok
    assert E.agreement_with_jets(pairs, seed=4, loss="cross_entropy").ok


def test_an_unknown_loss_is_refused():
    with pytest.raises(ValueError):
        E.every_size_steps("hinge")


def test_the_operator_norm_step_needs_the_other_squares_nonnegative():
    r"""|H_ii| <= ||H||_op rests on R = sum_{j != i} H_ji^2 >= 0: without that premise the step fails."""
    import dataclasses

    step = E.diagonal_entry_step()
    assert step.run().proved and not dataclasses.replace(step, assuming=[]).run().ok


@pytest.mark.parametrize("cid", ["cooper.thm_12", "cooper.thm_14"])
def test_the_statement_rests_on_the_every_size_witness_and_what_it_uses(cid):
    from proofs import registry

    report = registry.report(cid)
    chain = {r.step.label for r in report.statement_steps()}
    assert report.statement_evidence == "proved" and {"no_L0_L1_every_size", "diagonal_entry_at_most_operator_norm",
                                                      "hidden_preactivation_is_c", "backward_signal_vanishes"} <= chain
    assert {r.step.label for r in report.cross_checks()} >= {"no_L0_L1_witness", "hessian_entry_closed_form"}
