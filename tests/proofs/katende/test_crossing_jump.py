r"""The jump of the loss gradient across a boundary, for every architecture: proved, and wrong
formulas (no residual factor, no sensitivity factor, a sign) are refused."""

from __future__ import annotations

import dataclasses

import pytest
import sympy as sp

from proofs.katende import crossing_jump as cj


def test_every_step_is_proved():
    for step in cj.steps():
        result = step.run()
        assert result.ok and result.evidence == "proved", (step.label, result.detail)


@pytest.mark.parametrize("wrong", [
    lambda: sp.Derivative(cj.F(cj.theta, cj.h), cj.h).subs(cj.h, 0) * cj.Ds,  # the residual factor dropped
    lambda: (cj.F(cj.theta, 0) - cj.y) * cj.Ds,  # the sensitivity dF/dh dropped
    lambda: (cj.y - cj.F(cj.theta, 0)) * sp.Derivative(cj.F(cj.theta, cj.h), cj.h).subs(cj.h, 0) * cj.Ds,
])
def test_wrong_jump_formulas_are_refused(wrong):
    (general, *_rest) = cj.steps()
    assert not dataclasses.replace(general, rhs=wrong).run().ok


def test_every_step_has_wrong_versions_that_fail():
    for step in cj.steps():
        assert step.mutants() and not any(m.run().ok for m in step.mutants()), step.label


def test_the_vanishing_condition_needs_the_bias_term():
    r"""Without ||grad s_j||^2 >= 1 a nonzero residual and sensitivity could still give no jump."""
    vanish = cj.steps()[2]
    loose = dataclasses.replace(vanish, assuming=(vanish.assuming[0],))
    assert not loose.run().ok


# ---------------------------------------------------------------- no Lipschitz bound, every architecture


def test_the_lipschitz_and_discontinuity_steps_are_proved_and_refuse_their_mutants():
    for step in cj.lipschitz_steps():
        assert step.run().proved, step.label
        assert step.mutants() and not any(m.run().ok for m in step.mutants()), step.label


@pytest.mark.parametrize("wrong_eps", [
    lambda: cj.RADIUS * cj.JUMP / (cj.JUMP + cj.RADIUS * (2 * cj.SLOPE + 1)),  # L forgotten: too large for big L
    lambda: cj.RADIUS,  # the radius itself: no room left for the gradients to move
])
def test_a_pair_chosen_without_the_lipschitz_constant_or_the_slope_does_not_violate_it(wrong_eps):
    step = next(s for s in cj.lipschitz_steps() if s.label == "no_lipschitz_bound_every_architecture")
    assert not dataclasses.replace(step, assuming=cj.pair_premises(wrong_eps)).run().ok


def test_without_a_jump_there_is_no_violation():
    step = next(s for s in cj.lipschitz_steps() if s.label == "no_lipschitz_bound_every_architecture")
    assert not dataclasses.replace(step, assuming=[cj.JUMP >= 0, *cj.pair_premises()[1:]]).run().ok


def test_remark_1_s_statement_rests_on_the_every_architecture_steps():
    from proofs import registry

    report = registry.report("katende.remark_1")
    assert report.statement_evidence == "proved"
    assert {"jump_every_architecture", "bias_enters_with_coefficient_one"} <= {r.step.label for r in report.statement_steps()}
