r"""Kumar's RMSProp cycle steps for Prop. B.11 (written against the mutation benchmark): the late-step bound is
checked for every x = gamma^k in (0, 1), not at x = 1 alone, and the steps the project adds (the induction and
its converse) are not marked as the paper's."""

from __future__ import annotations

import ast
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


import sympy as sp  # noqa: E402

_AT = {rc.alpha: sp.Rational(1, 10), rc.lam: 2, rc.eps: sp.Rational(1, 4)}


def test_the_step_size_and_its_floor_by_hand():
    r"""alpha = 1/10, lambda = 2, epsilon = 1/4. Inside the root, gamma = 1/2, x = gamma^0 = 1:
    T(0) = (1/5) / sqrt((1 - 1/2) 4 + 1/4) = (1/5) / (3/2) = 2/15, and m = (1/5) / sqrt(4 + 1/4) = 2/(5 sqrt 17).
    PyTorch's placement, gamma = 3/4: T(0) = (1/5) / (2 sqrt(1/4) + 1/4) = 4/25, m = (1/5) / (2 + 1/4) = 4/45.
    At x = 0 (k -> infinity) the step is its floor."""
    inside, torch_ = {**_AT, rc.gamma: sp.Rational(1, 2)}, {**_AT, rc.gamma: sp.Rational(3, 4)}
    assert sp.simplify(rc.step_size(sp.Integer(1), "inside").subs(inside) - sp.Rational(2, 15)) == 0
    assert sp.simplify(rc.step_floor("inside").subs(inside) - 2 / (5 * sp.sqrt(17))) == 0
    assert sp.simplify(rc.step_size(sp.Integer(1), "pytorch").subs(torch_) - sp.Rational(4, 25)) == 0
    assert rc.step_floor("pytorch").subs(torch_) == sp.Rational(4, 45)
    for convention in ("inside", "pytorch"):
        assert sp.simplify(rc.step_size(sp.Integer(0), convention) - rc.step_floor(convention)) == 0


def test_the_invariant_is_the_documented_max():
    # P(j): B(j) <= max(2 T(j), B(0) - j m), m the step floor; at j = 0 the transient term is B(0) itself
    j = sp.Integer(3)
    for convention in ("inside", "pytorch"):
        p = rc.invariant(j, convention)
        assert isinstance(p, sp.Le) and p.lhs == rc.B(3)
        assert p.rhs == sp.Max(2 * rc.T(3), rc.B(0) - 3 * rc.step_floor(convention))
        assert rc.invariant(sp.Integer(0), convention).rhs == sp.Max(2 * rc.T(0), rc.B(0))


def test_the_late_step_threshold_starts_at_k_2749_for_the_papers_settings():
    r"""lambda = 100, gamma = 99/100, epsilon = 10^-8 (the docstring's example): gamma^{k+1} lambda^2 < epsilon
    first holds at k = 2749, and T(k) < alpha exactly from there (the step and its converse). Evaluated on the
    steps' own threshold and step size at x = u = gamma^k."""
    steps = {s.label: s for s in rc.late_iterate_steps("inside")}
    below, only_then = steps["late_step_below_alpha_inside"], steps["late_step_below_alpha_only_then_inside"]
    threshold = below.assuming[-1]
    settings = {rc.lam: 100, rc.gamma: sp.Rational(99, 100), rc.eps: sp.Rational(1, 10**8), rc.alpha: 1}
    for kk, holds in ((2748, False), (2749, True)):
        at = {**settings, rc.u: sp.Float(sp.Rational(99, 100) ** kk, 40)}  # 40 digits: the margin is 1%
        assert bool(threshold.subs(at)) is holds
        assert bool(sp.Lt(below.lhs.subs(at), 1)) is holds  # T(k) < alpha
        assert bool(sp.StrictGreaterThan(only_then.lhs, only_then.rhs).subs(at)) is holds


def test_the_pytorch_threshold_is_the_step_below_alpha():
    # PyTorch's placement: T(k) < alpha  <=>  lambda sqrt(1 - gamma^{k+1}) + epsilon > lambda. lambda = 1,
    # gamma = 3/4, x = 1: sqrt(1/4) = 1/2, so epsilon = 1/2 is the equality case (T = alpha, threshold false),
    # epsilon = 3/5 is past it.
    steps = {s.label: s for s in rc.late_iterate_steps("pytorch")}
    below = steps["late_step_below_alpha_pytorch"]
    threshold = below.assuming[-1]
    for e, holds in ((sp.Rational(1, 2), False), (sp.Rational(3, 5), True)):
        at = {rc.lam: 1, rc.gamma: sp.Rational(3, 4), rc.eps: e, rc.alpha: 1, rc.u: 1}
        assert bool(threshold.subs(at)) is holds and bool(sp.Lt(below.lhs.subs(at), 1)) is holds


def test_the_facts_of_the_induction_and_their_base():
    # the four facts, in the order the induction uses them, each on u = gamma^k in (0, 1) where it has one; the
    # base B(0) <= max(2 T(0), B(0)) at k = 0
    proof = rc.cycle_induction("inside")
    assert [f.label for f in proof.using] == ["one_update", "step_ratio", "step_floor", "norm_nonnegative"]
    assert [f.relation for f in proof.using] == ["<=", "<=", ">=", ">="]
    assert [dict(f.domain) for f in proof.using[1:3]] == [{rc.u: (0, 1)}] * 2
    assert proof.start == 0 and proof.variable == rc.k
    x0, t0 = proof.base.lhs, sp.Symbol("t_0", nonnegative=True)
    assert proof.base.rhs == sp.Max(2 * t0, x0) and proof.base.relation == "<="
    # one update from b = 3/10 with s = 1/10 lands at |3/10 - 1/10| = 1/5; from b = 0 it stays 0
    update = proof.using[0]
    b, s = sorted(update.lhs.free_symbols, key=str)
    assert update.lhs.subs({b: sp.Rational(3, 10), s: sp.Rational(1, 10)}) == sp.Rational(1, 5)
    assert update.lhs.subs({b: 0, s: sp.Rational(1, 10)}) == 0


@pytest.mark.parametrize("convention", ["inside", "pytorch"])
def test_the_late_step_bound_and_its_converse_take_u_in_0_1_as_their_whole_domain(convention):
    r"""u = gamma^k ranges over (0, 1] for k >= 0, so [0, 1] is all of the late steps' domain, not a box inside a
    larger one: a proof there is a proof.  A variant that holds on [0, 1] but not beyond (the bound loosened by
    (u - 1) u, which is <= 0 exactly on [0, 1]; Z3 refutes it at u = 2) must come out ``proved``, with no scope,
    for T(k) < alpha and for its converse alike.  Rejects the domain read as a box (``box_is_domain=False``): the
    variant is then only proved on the box {u: [0, 1]} (evidence ``proved-on-scope``)."""
    for step in rc.late_iterate_steps(convention):
        if not step.label.startswith("late_step_below_alpha"):
            continue
        (x,) = step.domain
        looser = (x - 1) * x * (step.rhs if step.relation == "<" else -step.lhs)  # looser on [0, 1], tighter past 1
        result = dataclasses.replace(step, lhs=step.lhs + looser).check()
        assert result.ok and (result.evidence, result.scope) == ("proved", None), step.label


@pytest.mark.parametrize("convention", ["inside", "pytorch"])
def test_the_converse_is_checked_for_every_u_in_0_1(convention):
    r"""The converse's analogue of the late-step bound's test: a wrong converse u * (threshold's left side) > its
    right side is the right one at u = gamma^k = 1 but fails for small u (inside the root it says gamma lambda^2
    < epsilon, not gamma u lambda^2 < epsilon).  Checked over the converse's own domain it must be rejected: a
    domain shrunk to the point u = 1 would prove it."""
    step = next(s for s in rc.late_iterate_steps(convention) if s.label == f"late_step_below_alpha_only_then_{convention}")
    (x,) = step.domain
    assert not dataclasses.replace(step, lhs=x * step.lhs).check().ok


def test_the_inductive_step_is_decided_for_k_at_least_0_only(convention="inside"):
    r"""k counts iterations (k >= 0), and the inductive step is decided for those k only.  A wrong invariant
    B(k) <= max(2T(k), B(0) - k^2 m) has the right base (at k = 0 it is P(0)), and its step needs
    B(0) - k^2 m - m <= B(0) - (k + 1)^2 m, i.e. 2 k m <= 0: true for every k <= 0, false from k = 1 on.  The
    induction must refuse it with a countermodel at some k >= 1; with k declared negative (nonnegative=False)
    Z3 decides the step over k < 0 and proves the wrong invariant.  (One convention: k is shared by both.)"""
    ind = rc.cycle_induction(convention)
    m = rc.step_floor(convention)

    def wrong(j):
        return sp.Le(rc.B(j), sp.Max(2 * rc.T(j), rc.B(0) - j**2 * m))

    step = dataclasses.replace(ind.step, hypothesis=wrong(rc.k), conclusion=wrong(rc.k + 1))
    result = dataclasses.replace(ind, statement=wrong, step=step).check()
    assert not result.ok and "invariant_step" in result.detail
    assert int(ast.literal_eval(result.counterexample)["k"]) >= 1
