r"""symbolic.activations: Assumption 1 read clause by clause (written against the mutation benchmark)."""

from __future__ import annotations

import pytest
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


def test_the_symbols_carry_the_assumptions_the_proofs_use():
    # u, c and the generic sigma are real; sigma'(c) is nonzero (Assumption 1) and sigma''(c) real:
    # a version that drops one of these flags lets SymPy keep Abs/conjugates of them in the closed forms
    assert act.U.is_real is True and act.C.is_real is True and act.SIGMA(act.U).is_real is True
    assert act.SIGMA_1.is_zero is False and act.SIGMA_1.is_real is True and act.SIGMA_2.is_real is True


def test_generic_is_a_name_and_lookup_returns_the_catalogue_entry():
    # "generic" gives the undefined sigma (not a KeyError); a catalogue name gives that entry itself
    assert act.activation("generic").kind == "assumed" and act.activation("generic").c == act.C
    assert act.activation("gelu") is act.CATALOGUE["gelu"]


def test_exact_turns_hyperbolic_functions_of_logs_into_rationals_but_keeps_tanh_u():
    # tanh(log 2) = (2 - 1/2)/(2 + 1/2) = 3/5, sech(log 3) = 2/(3 + 1/3) = 3/5; tanh(u) stays (its exp form is longer)
    assert act._exact(sp.tanh(sp.log(2))) == sp.Rational(3, 5)
    assert act._exact(sp.sech(sp.log(3))) == sp.Rational(3, 5)
    assert act._exact(sp.tanh(act.U)) == sp.tanh(act.U)


def test_derivatives_at_a_kink_exist_only_up_to_the_order_where_the_pieces_agree():
    relu, elu = act.activation("relu"), act.activation("elu")
    assert relu.derivative_at(sp.Integer(0), 0) == 0  # both pieces vanish at 0: sigma(0) = 0 exists
    try:
        relu.derivative_at(sp.Integer(0), 1)  # slopes 0 and 1: no derivative (not the right piece's 1)
    except act.NotDifferentiable as err:
        assert "order 1" in str(err)
    else:
        raise AssertionError("relu'(0) accepted")
    # away from the kink the formula is differentiated normally (not sent to the kink check)
    assert relu.derivative_at(sp.Integer(2), 1) == 1 and relu.derivative_at(sp.Integer(-1), 1) == 0
    assert elu.derivative_at(sp.Integer(0), 0) == 0 and elu.derivative_at(sp.Rational(-1), 1) == sp.exp(-1)


def test_values_at_c_by_hand_and_refused_without_c():
    # tanh: (0, sech^2 0, -2 sech^2 0 tanh 0) = (0, 1, 0); shifted softplus: (0, 1/2, 1/4)
    assert act.values_at_c(act.activation("tanh")) == (0, 1, 0)
    assert act.values_at_c(act.activation("softplus_shifted")) == (0, sp.Rational(1, 2), sp.Rational(1, 4))
    try:
        act.values_at_c(act.activation("sigmoid"))  # no c: Assumption 1 fails, no values to return
    except act.NotDifferentiable as err:
        assert "Assumption 1 fails" in str(err)
    else:
        raise AssertionError("sigmoid has no c")


def _variant(name, formula, zero_set, kind, helper=None, c=sp.Integer(0), kink=None):
    return act.Activation(name, name, formula, "", c, zero_set, kind, helper, kink)


def test_an_increasing_certificate_needs_a_positive_derivative():
    # sigma = -u, helper -1 = sigma', sigma(0) = 0: decreasing, not "strictly increasing with sigma' > 0"
    assert act.zero_set_certificate(_variant("neg", -act.U, sp.FiniteSet(0), "increasing", sp.Integer(-1))).proved is False
    assert act.zero_set_certificate(act.activation("identity")).proved is True


def test_a_positive_certificate_needs_a_positive_formula_and_an_empty_zero_set():
    sigmoid = act.activation("sigmoid")
    assert act.zero_set_certificate(_variant("s", sigmoid.formula, sp.FiniteSet(0), "positive", c=None)).proved is False
    assert act.zero_set_certificate(_variant("sq", act.U**2, sp.S.EmptySet, "positive", c=None)).proved is False


def test_a_factor_certificate_checks_each_of_its_clauses():
    u, e = act.U, sp.exp(act.U)
    assert act.zero_set_certificate(_variant("ok", u * e, sp.FiniteSet(0), "factor", e)).proved is True
    # h = 1/2: sigma = u/2 = u h, but h' = 0 is not > 0
    assert act.zero_set_certificate(_variant("half", u / 2, sp.FiniteSet(0), "factor", sp.Rational(1, 2))).proved is False
    # h = e^u + 1: increasing, but h -> 1 at -oo (so "h > 0" is not shown by the limit)
    assert act.zero_set_certificate(_variant("p1", u * (e + 1), sp.FiniteSet(0), "factor", e + 1)).proved is False
    # u e^u with a wrong zero set, or a formula that is not u h
    assert act.zero_set_certificate(_variant("z", u * e, sp.FiniteSet(1), "factor", e)).proved is False
    assert act.zero_set_certificate(_variant("h", u * e + u, sp.FiniteSet(0), "factor", e)).proved is False


def test_multiples_of_pi_as_two_lattices_of_step_two_pi():
    # solveset writes pi Z as 2 pi Z  U  (2 pi Z + pi): both residues are needed, and the step must be 2 pi
    k = sp.Symbol("k")
    even = sp.ImageSet(sp.Lambda(k, 2 * k * sp.pi), sp.S.Integers)
    odd = sp.ImageSet(sp.Lambda(k, 2 * k * sp.pi + sp.pi), sp.S.Integers)
    claimed = act.activation("sin").zero_set
    assert act._same_multiples_of_pi(sp.Union(even, odd), claimed) is True
    assert act._same_multiples_of_pi(even, claimed) is False  # only the even multiples
    shifted_even = sp.ImageSet(sp.Lambda(k, 2 * k * sp.pi + 2 * sp.pi), sp.S.Integers)  # 2 pi Z written from 2 pi
    assert act._same_multiples_of_pi(sp.Union(shifted_even, odd), claimed) is True  # offsets 2 pi, pi: even, odd
    assert act._same_multiples_of_pi(claimed, claimed) is True  # step pi: one lattice covers
    halves = sp.ImageSet(sp.Lambda(k, k * sp.pi / 2), sp.S.Integers)
    assert act._same_multiples_of_pi(halves, claimed) is False  # pi/2 is no multiple of pi


def test_a_piecewise_certificate_rejects_wrong_pieces():
    u = act.U
    leaky = _variant("leaky", sp.Piecewise((u / 10, u < 0), (u, True)), sp.Interval(-sp.oo, 0), "piecewise",
                     c=None, kink=sp.Integer(0))
    assert act.zero_set_certificate(leaky).proved is False  # the left piece is no zero on u < 0
    shifted_elu = _variant("e2", sp.Piecewise((sp.exp(u) - 2, u < 0), (u, True)), sp.FiniteSet(0), "piecewise",
                           kink=sp.Integer(0))
    assert act.zero_set_certificate(shifted_elu).proved is False  # left piece -1 at 0: sigma jumps at the kink
    negative_right = _variant("nr", sp.Piecewise((0, u < 0), (-u, True)), sp.Interval(-sp.oo, 0), "piecewise",
                              c=None, kink=sp.Integer(0))
    assert act.zero_set_certificate(negative_right).proved is False
    falling_left = _variant("fl", sp.Piecewise((1 - sp.exp(u), u < 0), (u, True)), sp.FiniteSet(0), "piecewise",
                            kink=sp.Integer(0))
    assert act.zero_set_certificate(falling_left).proved is False  # left piece decreasing: no longer negative on u<0


def test_a_constant_certificate_needs_the_zero_function_and_all_of_r():
    assert act.zero_set_certificate(_variant("z", sp.Integer(0), sp.FiniteSet(0), "constant", c=None)).proved is False
    assert act.zero_set_certificate(_variant("one", sp.Integer(1), sp.S.Reals, "constant", c=None)).proved is False


def test_assumption_1_at_a_kink_reports_no_second_derivative():
    # ELU: sigma(0) = 0, sigma'(0) = 1 from both sides, but the second derivatives 1 and 0 differ
    verdict = act.assumption_1(act.activation("elu"))
    assert (verdict.holds, verdict.c, verdict.sigma_prime_c, verdict.sigma_second_c) == (True, 0, 1, None)
    assert verdict.twice_differentiable is False
    assert act.assumption_1(act.activation("tanh")).sigma_second_c == 0


def test_why_no_c_names_the_reason_of_each_kind():
    reason = lambda name: act.assumption_1(act.activation(name)).reason  # noqa: E731
    assert reason("sigmoid").startswith("sigma has no real zero: ")
    assert reason("zero") == act.zero_set_certificate(act.activation("zero")).detail
    assert "one-sided derivatives are 0 and 1" in reason("relu") and "sigma' = 0 on u<0" in reason("relu")
    assert reason("square").endswith("sigma' there: {0: 0}")


def test_activations_and_certificates_are_frozen():
    # the catalogue is shared by every module: an entry, its certificate and its verdict cannot be changed in place
    # (FrozenInstanceError is an AttributeError), and an entry hashes by value
    tanh = act.activation("tanh")
    identity = act.activation("identity")
    for value, field, new_value in ((tanh, "c", sp.Integer(1)), (act.zero_set_certificate(identity), "proved", False),
                                    (act.assumption_1(identity), "holds", False)):
        with pytest.raises(AttributeError):
            setattr(value, field, new_value)
    assert hash(tanh) == hash(act.activation("tanh"))


def test_relu_switches_at_zero():
    # max(0, u): 0 left of the kink, u right of it (not 0 up to u = 1)
    relu = act.activation("relu")
    assert relu(sp.Rational(-1, 2)) == 0 and relu(sp.Rational(1, 2)) == sp.Rational(1, 2) and relu(sp.Integer(0)) == 0


def test_gelu_uses_the_standard_normal_cdf():
    # GELU(1) = Phi(1) = erfc(-1/sqrt 2)/2 = 0.841344746068542948585...; GELU(-1) = -Phi(-1) = -0.158655253931457...
    gelu = act.activation("gelu")
    assert abs(sp.N(gelu(sp.Integer(1)), 20) - sp.Float("0.84134474606854294858", 20)) < 1e-18
    assert abs(sp.N(gelu(sp.Integer(-1)), 20) + sp.Float("0.15865525393145705142", 20)) < 1e-18


def test_the_kink_check_is_at_the_kink_itself():
    # max(0, u - 1) has its kink at u = 1 (not at -1): no derivative there, the slopes 0 and 1 elsewhere
    hinge = _variant("hinge", sp.Piecewise((0, act.U < 1), (act.U - 1, True)), sp.Interval(-sp.oo, 1), "piecewise",
                     c=None, kink=sp.Integer(1))
    try:
        hinge.derivative_at(sp.Integer(1), 1)
    except act.NotDifferentiable:
        pass
    else:
        raise AssertionError("hinge'(1) accepted")
    assert hinge.derivative_at(sp.Integer(-1), 1) == 0 and hinge.derivative_at(sp.Integer(2), 1) == 1


def test_why_no_c_says_no_derivative_only_where_the_one_sided_slopes_differ():
    # max(0, u)^3 is C^1 at its kink: the one-sided slopes are 0 and 0, so sigma'(0) = 0 exists (and is 0, so no c
    # works); "(no derivative)", right for ReLU's 0 and 1, would be false here
    cube = act.Activation("relu_cubed", "ReLU cubed", sp.Piecewise((0, act.U < 0), (act.U**3, True)), r"\max(0,u)^3",
                          None, sp.Interval(-sp.oo, 0), "piecewise", kink=sp.Integer(0))
    verdict = act.assumption_1(cube)
    assert verdict.holds is False
    assert verdict.reason.endswith("one-sided derivatives are 0 and 0 (sigma'(0) = 0)")
    assert act.assumption_1(act.activation("relu")).reason.endswith("are 0 and 1 (no derivative)")
