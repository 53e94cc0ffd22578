r"""symbolic.activations: Assumption 1 read clause by clause (written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from symbolic import activations as act


def _shifted_square(c: int) -> act.Activation:
    r""":math:`\sigma(u)=u^2-1`, zero set :math:`\{-1,1\}` (certified by solveset), with the point ``c``."""
    return act.Activation("shifted_square", "u^2 - 1", act.U**2 - 1, "u^2-1", sp.Integer(c), sp.FiniteSet(-1, 1),
                          "polynomial")


def test_assumption_1_needs_sigma_of_c_to_vanish():
    # sigma'(2) = 4 != 0, but sigma(2) = 3: 2 is not a zero, so Assumption 1 does not hold at c = 2
    verdict = act.assumption_1(_shifted_square(2))
    assert act.zero_set_certificate(_shifted_square(2)).proved
    assert verdict.holds is False and verdict.sigma_prime_c == 4


def test_assumption_1_holds_at_a_simple_zero():
    verdict = act.assumption_1(_shifted_square(1))  # sigma(1) = 0, sigma'(1) = 2
    assert verdict.holds is True and verdict.sigma_prime_c == 2 and verdict.sigma_second_c == 2


def test_the_generic_activation_satisfies_assumption_1_by_hypothesis():
    generic = act.generic_activation()
    assert act.zero_set_certificate(generic).proved
    verdict = act.assumption_1(generic)
    assert verdict.holds is True and verdict.sigma_prime_c == act.SIGMA_1


def test_a_zero_where_sigma_prime_vanishes_is_no_point_of_assumption_1():
    # sigma = u^3: its only zero 0 has sigma'(0) = 0, so c = 0 does not satisfy Assumption 1
    cube = act.Activation("cube", "u^3", act.U**3, "u^3", sp.Integer(0), sp.FiniteSet(0), "polynomial")
    assert act.zero_set_certificate(cube).proved and act.assumption_1(cube).holds is False


def test_twice_differentiable_across_a_kink_when_the_pieces_agree_to_second_order():
    # max(0, u)^3: both one-sided second derivatives vanish at 0 (C^2); ReLU and ELU are not C^2 there
    cubic_relu = act.Activation("cubic_relu", "max(0,u)^3", sp.Piecewise((0, act.U < 0), (act.U**3, True)), "",
                                None, sp.Interval(-sp.oo, 0), "piecewise", kink=sp.Integer(0))
    assert cubic_relu.twice_differentiable is True
    assert act.activation("relu").twice_differentiable is False and act.activation("elu").twice_differentiable is False
    assert act.activation("tanh").twice_differentiable is True


def test_a_shifted_lattice_is_not_the_multiples_of_pi():
    # tan(u - 1) vanishes on 1 + pi Z: one image set of step pi, like pi Z, but its points are no multiples of pi
    shifted = act.Activation("shifted_tan", "tan(u - 1)", sp.tan(act.U - 1), r"\tan(u-1)", sp.Integer(1),
                             act.activation("sin").zero_set, "periodic")
    assert act.zero_set_certificate(shifted).proved is False
    assert act.zero_set_certificate(act.activation("sin")).proved is True


def test_an_undecided_zero_set_is_not_assumption_1(monkeypatch):
    # if the zero-set certificate fails, Assumption 1 is undecided: the verdict must not say it holds
    monkeypatch.setattr(act, "zero_set_certificate", lambda a: act.Certificate(False, "test", "no proof"))
    verdict = act.assumption_1(act.activation("tanh"))
    assert verdict.holds is False and verdict.reason.startswith("undecided")
