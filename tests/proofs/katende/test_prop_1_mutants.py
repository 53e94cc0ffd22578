r"""proofs.katende.prop_1: the near-zero envelope of the shifted softplus for a shift other than 1 (written
against the mutation benchmark; the claim uses shift 1, where beta * shift and beta / shift agree)."""

from __future__ import annotations

import sympy as sp

from proofs.katende.prop_1 import _blowup_near_zero
from symbolic import surrogates as m


def test_the_envelope_of_softplus_shifted_by_2_is_beta_exp_minus_beta():
    # on |u| <= 1, t = beta (u - 2) <= -beta, and phi''(t) <= e^t: |sigma''_beta| <= beta e^(-beta)
    shifted = _blowup_near_zero(2)
    assert not shifted.ok and shifted.evidence == "proved"
    assert shifted.values["envelope"] == m.beta * sp.exp(-m.beta) and shifted.values["radius"] == 1


def test_the_log_lemma_is_refused_when_a_monotonicity_half_is_not_proved(monkeypatch):
    # log s <= s - 1 needs g(1) = 0 AND both halves of g' (Z3): if Z3 proves neither half, the lemma is not proved
    from proofs.katende import prop_1

    monkeypatch.setattr(prop_1, "_z3_nonneg", lambda expr: False)
    assert prop_1.log_lemma.__wrapped__() is False


# ---------------------------------------------------------------- helper edges and refusals (H4, seeds 501+)


def test_beta_1_is_the_smallest_sharpness_derive_and_witness_accept():
    r"""The parameter check is beta >= 1 (the statement's family beta >= 1): beta = 1 itself is accepted, anything
    below is refused as an assumption on beta. Rejects a check written beta <= 1 or beta < 2."""
    from fractions import Fraction

    import pytest

    from proofs.errors import AssumptionViolated
    from proofs.katende.prop_1 import _check_params

    assert _check_params({"beta": Fraction(1)}) is None
    with pytest.raises(AssumptionViolated) as refused:
        _check_params({"beta": Fraction(99, 100)})
    assert refused.value.assumption == "beta" and refused.value.values == {"beta": Fraction(99, 100)}


def test_the_triangle_check_fails_when_only_the_slope_bound_half_fails():
    r"""|a + c| >= |c| - a - 1 holds for every a >= 0 (the first half), but |c| - a - 1 >= |c| - 1 fails for a > 0
    (the second half, a = sigma'^2 in [0, 1]): the check must fail and show Z3's point of the half that failed.
    Rejects a check that needs both halves to fail, or reports the proved half."""
    from proofs.katende.prop_1 import _triangle_check

    result = _triangle_check(lambda a, c: sp.Abs(c) - a - 1)
    assert not result.ok and result.detail.startswith("not proved: counterexample")
    point = result.values["point"]
    (a,) = point
    assert str(a) == "a" and 0 < point[a] <= 1
    c = sp.Symbol("c", real=True)  # the claimed bound at Z3's point falls short of |c| - 1 by a (exact values)
    assert sp.simplify(result.values["rhs"] - (sp.Abs(c) - 1)) == -point[a]


def test_the_triangle_check_reports_an_undecided_z3_without_a_point(monkeypatch):
    r"""When Z3 neither proves nor refutes (no point), the step fails with Z3's reason as its counterexample, not a
    point: rejects dropping that branch or marking it passed."""
    from proofs.katende import prop_1
    from proofs.z3check import Z3Verdict

    monkeypatch.setattr(prop_1.z3check, "decide", lambda *a, **k: Z3Verdict("unknown", reason="timeout"))
    result = prop_1._triangle_check(lambda a, c: sp.Abs(c) - a)
    assert not result.ok and result.detail == "not proved: unknown timeout" and result.counterexample == "timeout"


def test_the_curvature_sup_must_be_attained_at_0_not_only_bounded():
    r"""phi'' <= 2 M2 holds for both families, but the sup is M2, attained at t = 0: a claimed sup of twice the
    value must fail (on softplus first, whose sup is 1/4 and so claimed 1/2). Rejects a check that accepts when
    only the bounds hold (``or`` for ``and``), and a detail that prints the wrong claimed value."""
    from proofs.katende.prop_1 import _sup_second_derivative

    twice = _sup_second_derivative(sp.Integer(2))
    assert not twice.ok and twice.detail == "softplus: sup phi'' != 1/2"
    assert _sup_second_derivative(sp.Rational(1, 2)).detail == "softplus: sup phi'' != 1/8"


def test_the_sup_of_phi_prime_squared_plus_phi_phi2_is_refused_when_z3_proves_no_bound(monkeypatch):
    r"""``_sup_A`` raises when a bound it rests on is not proved: 0 <= phi' <= 1 (either half), softplus's
    phi phi'' <= 1/e, or the sqrt family's phi phi'' <= the proposed maximum. Rejects dropping a raise or
    accepting one proved half."""
    import pytest

    from proofs.katende import prop_1

    sup_A = prop_1._sup_A.__wrapped__
    answers = []
    monkeypatch.setattr(prop_1, "_z3_nonneg", lambda expr: answers.pop(0))
    for name in ("softplus", "sqrt"):
        answers[:] = [True, False]  # phi' >= 0 proved, phi' <= 1 not
        with pytest.raises(ArithmeticError, match=rf"^{name}: 0 <= phi' <= 1 not proved$"):
            sup_A(name)
    answers[:] = [True, True]
    monkeypatch.setattr(prop_1, "_softplus_phi_phi2_bound", lambda: False)
    with pytest.raises(ArithmeticError, match="softplus: 0 <= phi phi'' <= 1/e not proved"):
        sup_A("softplus")
    monkeypatch.setattr(prop_1.sp.calculus.util, "maximum", lambda *args: sp.Rational(8, 27))
    answers[:] = [True, True, True, False]  # the proposed maximum is not proved an upper bound
    with pytest.raises(ArithmeticError, match=r"sqrt: 0 <= phi phi'' <= 8/27 not proved"):
        sup_A("sqrt")
    answers[:] = [True, True, True, True]
    assert sup_A("sqrt") == sp.Rational(35, 27)  # 1 + the proposed maximum, once both halves are proved


def test_wrong_versions_of_the_moving_point_and_large_beta_steps_show_their_point():
    r"""The refuted wrong versions keep Z3's countermodel: without A5, sigma(u_beta) may exceed |sigma(0)| + |u_beta|;
    with the fraction 3/4 the large-beta display fails. Each point satisfies the premises and breaks the bound."""
    from proofs.katende.prop_1 import _large_beta_bound, _moving_point_bound

    moving = _moving_point_bound(False)
    assert not moving.ok and moving.engines == () and moving.counterexample.startswith(r"$|\sigma_\beta(u_\beta)| > ")
    point = {str(k): v for k, v in moving.values["point"].items()}
    assert abs(point["sigma_u"]) > abs(point.get("sigma_0", 0)) + abs(point.get("u", 0))
    assert _moving_point_bound(True).values == {} and _moving_point_bound(True).engines == ("z3",)
    large = _large_beta_bound(sp.Rational(3, 4))
    p = {str(k): v for k, v in large.values["point"].items()}
    assert large.values["fraction"] == sp.Rational(3, 4) and not large.engines
    assert 0 <= p.get("a", 0) <= 1 and abs(p["r"]) >= 3 * p["Y"] / 4 and abs(p["c"]) >= 4 / p["Y"]
    assert abs(p.get("a", 0) + p["r"] * p["c"]) < sp.Rational(3, 4) * p["Y"] * abs(p["c"])
    assert _large_beta_bound(sp.Rational(1, 2)).values == {"fraction": sp.Rational(1, 2)}


def test_a_shift_to_the_left_gives_no_vanishing_envelope_and_no_gap_is_claimed():
    r"""softplus_beta(u + 2) has its kink-like curvature at u = -2, but the bound phi''(t) <= e^t gives only
    |sigma''_beta| <= beta e^beta near 0, which does not tend to 0: the check must say the envelope was not
    established, not present a counterexample to the printed 'in particular' (rejects ``or`` for ``and``)."""
    from proofs.katende.prop_1 import _blowup_near_zero

    left = _blowup_near_zero(-2)
    assert not left.ok and left.detail == "the near-zero envelope was not established"
    assert left.counterexample is None and left.values == {}


def test_the_projects_own_steps_are_marked_added_not_printed():
    r"""The LaTeX report and the review JSON tag each step ``printed`` (in the paper) or ``added`` (ours); a referee
    looks for a printed step in Sec. 3.3. Rejects flipping any step's flag (e.g. the large-beta display for every
    family, which the paper does not print) and any necessity check's."""
    from proofs import registry

    claim = registry.get_claim("katende.prop_1")
    assert {s.label for s in claim.steps if not s.printed} == {
        "hessian_operator_norm", "hessian_lower_bound_of_bounded_slope", "curvature_blows_up_near_zero_of_localized_argument",
        "sup_second_derivative_of_admissible_families", "surrogate_at_u_beta_tends_to_zero_for_every_family",
        "hessian_lower_bound_along_theta_beta_for_large_beta", "smoothness_constant_diverges_sqrt",
        "smoothness_constant_asymptotics", "smoothness_constant_agrees_with_mirror", "huber_smoothness_constant_exact"}
    assert len(claim.steps) == 20 and not any(a.necessity.check.printed for a in claim.assumptions)


def test_the_mirror_bracket_accepts_a_sup_exactly_at_its_1e_30_slack_and_refuses_one_beyond(monkeypatch):
    r"""``_mirror_bracket`` accepts the mirror's sup :math:`\sup_\theta\|\nabla^2\mathcal L_\beta\|` when it lies in
    [lower - 1e-30, upper + 1e-30], both ends included, and refuses it beyond either end. The mirror (50 digits)
    is stubbed with values on and just past each end of the slack. Rejects a strict comparison at either end and
    a slack that is subtracted from the upper end or added to the lower one."""
    from symbolic import surrogates as m

    from proofs.katende import prop_1

    point = ("softplus", 1, 2, 3)  # one mirror point keeps the test fast; the comparison is the same at each
    monkeypatch.setattr(prop_1, "_MIRROR_POINTS", [point])
    subs = {m.beta: 1, m.x: sp.Integer(2), m.y: 3}
    ends = {"lower": sp.N(m.smoothness_lower_bound("softplus").subs(subs), 60),
            "upper": sp.N(prop_1.upper_bound("softplus").subs(subs), 60)}

    def bracket_with(end, shift):
        value = ends[end] - sp.Float(shift) if end == "lower" else ends[end] + sp.Float(shift)
        monkeypatch.setattr(prop_1, "mirror_smoothness_constant", lambda *args: value)
        return prop_1._mirror_bracket(1)

    for end in ("lower", "upper"):
        assert bracket_with(end, "1e-30").ok
        beyond = bracket_with(end, "2e-30")
        assert not beyond.ok and beyond.detail.startswith("softplus beta=1:")
