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
