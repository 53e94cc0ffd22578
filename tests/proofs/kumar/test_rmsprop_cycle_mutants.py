r"""Kumar's RMSProp cycle steps for Prop. B.11 (written against the mutation benchmark): the late-step bound is
checked for every x = gamma^k in (0, 1), not at x = 1 alone, and the steps the project adds (the induction and
its converse) are not marked as the paper's."""

from __future__ import annotations

import dataclasses

import pytest

from proofs.kumar import rmsprop_cycle as rc


@pytest.mark.parametrize("convention", ["inside", "pytorch"])
def test_late_step_bound_covers_every_x_in_0_1(convention):
    r"""A wrong step T(k) + (1 - x) alpha < alpha equals the right one at x = gamma^k = 1 but fails for small x
    (it needs T(k) < x alpha).  Checked over the step's own domain it must be rejected: a domain that had
    shrunk to the point x = 1 would prove it."""
    step = next(s for s in rc.late_iterate_steps(convention) if s.label == f"late_step_below_alpha_{convention}")
    assert step.check().ok
    (x,) = step.domain
    wrong = dataclasses.replace(step, lhs=step.lhs + (1 - x) * step.rhs)
    result = wrong.check()
    assert not result.ok


def test_the_projects_own_steps_are_not_marked_printed():
    r"""The JSON review's ``printed`` marks the paper's steps; the cycle induction, the settled coordinate and
    the late-step bound and its converse are the project's, so a failure there is never an erratum of B.11."""
    for convention in ("inside", "pytorch"):
        assert [s.label for s in rc.late_iterate_steps(convention) if s.printed] == []
