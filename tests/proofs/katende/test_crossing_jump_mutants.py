r"""proofs.katende.crossing_jump: the pair's premises admit every Lipschitz candidate L >= 0, L = 0
included (written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from proofs.katende import crossing_jump as cj


def test_the_pair_premises_hold_for_the_candidate_L_0():
    # J = C = rho = 1, L = 0: eps = rho J / (J + rho (2C + 2L + 1)) = 1/4 and D = J - 2 C eps = 1/2 satisfy
    # every premise, so the refutation covers L = 0 (a constant gradient) too, not only L >= 1
    at = {cj.JUMP: 1, cj.SLOPE: 1, cj.RADIUS: 1, cj.LIPSCHITZ: 0, cj.EPS: sp.Rational(1, 4), cj.GAP: sp.Rational(1, 2)}
    assert [bool(p.subs(at)) for p in cj.pair_premises()] == [True] * 6
    assert not bool(cj.pair_premises()[3].subs(cj.LIPSCHITZ, -1))  # a negative L is no candidate


def test_the_pair_premises_use_the_stated_eps_when_L_is_positive():
    # J = C = rho = L = 1: eps = rho J / (J + rho (2C + 2L + 1)) = 1/6 as the LaTeX states (3L would give 1/7),
    # and the gap D = J - 2 C eps = 2/3 exceeds 2 L eps = 1/3: the refutation of L = 1
    at = {cj.JUMP: 1, cj.SLOPE: 1, cj.RADIUS: 1, cj.LIPSCHITZ: 1, cj.EPS: sp.Rational(1, 6), cj.GAP: sp.Rational(2, 3)}
    assert [bool(p.subs(at)) for p in cj.pair_premises()] == [True] * 6
    assert not bool(cj.pair_premises()[4].subs({**at, cj.EPS: sp.Rational(1, 7)}))


def test_the_discontinuity_step_admits_every_jump_however_small():
    r"""gradient_discontinuous_every_architecture: its premises hold for a jump J = 1/2 < 1 (C = rho = 1,
    eps = rho J / (J + rho (4C + 1)) = 1/11, gap J - 2 C eps = 7/22 > J/2 = 1/4): the step must cover every J > 0,
    not only J > 1, since any nonzero jump makes grad L discontinuous."""
    step = next(s for s in cj.steps() + cj.lipschitz_steps() if s.label == "gradient_discontinuous_every_architecture")
    half = sp.Rational(1, 2)
    at = {cj.JUMP: half, cj.SLOPE: 1, cj.RADIUS: 1, cj.EPS: sp.Rational(1, 11), cj.GAP: half - sp.Rational(2, 11)}
    assert [bool(p.subs(at)) for p in step.assuming] == [True] * len(step.assuming)
    assert bool((step.lhs > step.rhs).subs(at))


def test_every_architecture_step_is_marked_as_the_projects():
    r"""The every-architecture argument is ours, not a sentence of Remark 1: each of its steps must be tagged
    ``added`` (LaTeX report, review JSON). Rejects flipping any of their ``printed`` flags."""
    assert [s.printed for s in cj.steps() + cj.lipschitz_steps()] == [False] * 8


def test_the_pair_is_placed_before_the_gradient_gap_is_known():
    r"""The two placement steps (eps < rho, eps > 0) follow from the choice of eps alone: their premises are J > 0,
    C >= 0, rho > 0, L >= 0 and eps's formula, and never the gradient gap D, which is a consequence of the
    placement (only the violation step uses it). Rejects proving the placement under the gap premise too."""
    placement = {s.label: s for s in cj.lipschitz_steps()[:2]}
    assert set(placement) == {"crossing_pair_inside_the_smooth_ball", "crossing_pair_distinct"}
    for step in placement.values():
        assert len(step.assuming) == 5 and not any(p.has(cj.GAP) for p in step.assuming) and step.run().proved


def test_the_pair_premises_admit_a_slope_constant_of_0():
    """C = 0 (each side's gradient constant near theta_0, e.g. a ReLU network whose sides are linear in theta):
    J = rho = L = 1 give eps = 1/(1 + (0 + 2 + 1)) = 1/4 and D >= J - 0 = 1; every premise holds, so the refutation
    covers C = 0 too (a premise C >= 1 would leave it out). A negative C is no Lipschitz constant."""
    at = {cj.JUMP: 1, cj.SLOPE: 0, cj.RADIUS: 1, cj.LIPSCHITZ: 1, cj.EPS: sp.Rational(1, 4), cj.GAP: 1}
    assert [bool(p.subs(at)) for p in cj.pair_premises()] == [True] * 6
    assert not bool(cj.pair_premises()[1].subs(cj.SLOPE, -1))


def test_the_vanishing_condition_admits_the_smallest_slope_norm_1():
    """||grad s_j||^2 >= 1 is attained (two layers at x = 0: grad s_j = (0, 1) on (w_j, b_j)), so the step's premises
    must hold at r = g = N = 1, where the jump r^2 g^2 N = 1 > 0 (a premise N > 1 would skip that network)."""
    step = next(s for s in cj.steps() if s.label == "jump_vanishes_exactly_when")
    at = {sym: 1 for sym in step.lhs.free_symbols}
    assert {s.name for s in at} == {"r", "g", "N"}
    assert all(bool(p.subs(at)) for p in step.assuming) and step.lhs.subs(at) == 1


def test_the_discontinuity_step_admits_a_slope_constant_of_0_and_a_small_radius():
    r"""gradient_discontinuous_every_architecture at its edges: C = 0 (each side's gradient constant near theta_0)
    and rho = 1/2 < 1 with J = 1 give eps = rho J / (J + rho (4C + 1)) = 1/3 and gap J - 2 C eps = 1 > J/2: every
    premise holds, so the step covers every C >= 0 and every rho > 0 (a premise C >= 1 or rho > 1 would leave them
    out). A zero jump (no discontinuity), a negative C or a radius rho = 0 is refused."""
    step = next(s for s in cj.steps() + cj.lipschitz_steps() if s.label == "gradient_discontinuous_every_architecture")
    at = {cj.JUMP: 1, cj.SLOPE: 0, cj.RADIUS: sp.Rational(1, 2), cj.EPS: sp.Rational(1, 3), cj.GAP: 1}
    assert [bool(p.subs(at)) for p in step.assuming] == [True] * len(step.assuming) == [True] * 5
    assert bool((step.lhs > step.rhs).subs(at))
    assert [bool(p.subs({**at, cj.JUMP: 0})) for p in step.assuming][0] is False
    assert [bool(p.subs({**at, cj.SLOPE: -1})) for p in step.assuming][1] is False
    assert [bool(p.subs({**at, cj.RADIUS: 0})) for p in step.assuming][2] is False
