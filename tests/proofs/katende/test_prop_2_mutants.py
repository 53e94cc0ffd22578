r"""proofs.katende.prop_2: the convex repair's coefficients are decided for every kappa in [0, 1] (written against
the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs.katende import prop_2
from proofs.katende.prop_2 import N_SQ, _convex_contraction
from symbolic import contraction as c


def test_the_one_region_rate_fails_across_the_boundary_at_kappa_0():
    # rho^2 = (1 - eta n)^2 is the rate inside the active region (kappa = 1, where its coefficient is 0); a pair
    # across the boundary has kappa in [0, 1), and at kappa = 0 the coefficient is (1 - eta n)^2 - 1 < 0
    refused = _convex_contraction((1 - c.eta * N_SQ) ** 2)
    assert not refused.ok
    assert "rho^2 - (1 - kappa eta n)^2 >= 0: counterexample" in refused.detail


def test_a_segment_through_the_boundary_is_refused(monkeypatch):
    # theta, theta' = (1, -x -+ 1) both have |s| = 1 > delta = 1/100, but their midpoint (1, -x) has
    # s = 1 * x - x = 0: the segment leaves D = {|s| > delta}
    monkeypatch.setattr(prop_2, "_CASES", [{"x": Fraction(2), "y": Fraction(3), "eta": Fraction(1, 10)}])
    result = prop_2._segment_check(lambda p: {"theta": (Fraction(1), -p["x"] - 1), "theta_prime": (Fraction(1), -p["x"] + 1),
                                              "margin": Fraction(1, 100)})
    assert not result.ok and result.detail == "the segment leaves D"
    assert result.values["s_mid"] == 0 and result.values["midpoint"] == (1, -2)


def test_the_projects_own_steps_are_marked_added_not_printed():
    r"""The LaTeX report and the review JSON tag each step ``printed`` (in the paper) or ``added`` (ours). Rejects
    flipping any step's flag or any necessity check's (all three witnesses are ours)."""
    from proofs import registry

    claim = registry.get_claim("katende.prop_2")
    assert {s.label for s in claim.steps if s.printed} == {
        "jacobian_on_active_region", "jacobian_on_inactive_region", "clarke_mean_value_inequality", "segment_lies_in_D",
        "contraction_inequality_as_printed", "iterates_contract_at_rate_rho"}
    assert len(claim.steps) == 14 and not any(a.necessity.check.printed for a in claim.assumptions)


def test_the_witness_takes_inputs_of_up_to_100_digits_and_derive_up_to_50_data():
    r"""The exact witness refuses a 101-digit input with a one-line BadInput naming the bound, and accepts 100 digits
    (its points and norms have about ten times as many); derive takes 1 to 50 data. Rejects moving either bound."""
    import pytest

    from proofs import registry
    from proofs.errors import BadInput
    from proofs.values import parse_settings

    claim = registry.get_claim("katende.prop_2")
    with pytest.raises(BadInput, match=r"^y has 101 digits: the bound is 100 digits \(numerator and denominator\)"):
        claim.witness(parse_settings(claim, [f"y={10**100}"]))
    assert claim.witness(parse_settings(claim, [f"y={10**100 - 1}"]))["check"]["holds"]
    fifty, fifty_one = ",".join(["1"] * 50), ",".join(["1"] * 51)
    assert len(parse_settings(claim, [f"xs=[{fifty}]", f"ys=[{fifty}]"])["xs"]) == 50
    with pytest.raises(BadInput, match="xs has 51 entries"):
        parse_settings(claim, [f"xs=[{fifty_one}]", f"ys=[{fifty_one}]"])


def test_a_necessity_witness_that_fails_exactly_is_returned_before_any_z3_proof():
    r"""``_exact_and_general`` first checks the witness exactly on its cases: a same-side pair never breaks (3.6), so
    the exact witness's own failure (first case x = 2, y = 3, eta = 1/10) is the result, without the general step."""
    from proofs.engine import Witness
    from proofs.katende.prop_2 import _CASES, _exact_and_general, _same_side_pair, violates_contraction

    witness = Witness(label="same_side", printed=False, latex="", construct=_same_side_pair, verify=violates_contraction,
                      cases=_CASES)
    result = _exact_and_general(witness, _same_side_pair, in_D=True)
    assert not result.ok and result.engines == ()
    assert result.detail == "witness fails for {'x': Fraction(2, 1), 'y': Fraction(3, 1), 'eta': Fraction(1, 10)}"


def test_the_exact_iteration_names_the_first_step_that_breaks_a_rate_or_leaves_D(monkeypatch):
    r"""With the too-fast rate 1/4 the first start already breaks the bound at t = 1 (t = 0 always holds); and a
    trajectory whose pattern is not all-active must be refused as leaving D, at the step where it does."""
    from proofs.katende import prop_2

    fast = prop_2._iteration_check(Fraction(1, 4))
    assert not fast.ok and fast.detail == "t=1: distance exceeds rho^t"
    assert fast.values["t"] == 1 and fast.values["theta_0"] == (Fraction(1, 2), 2)
    assert fast.values["theta_0_prime"] == (Fraction(-1, 3), Fraction(3, 2))
    monkeypatch.setattr(prop_2.num, "activation_pattern", lambda p, xs: [Fraction(1), Fraction(0)])
    left = prop_2._iteration_check(Fraction(1, 2))
    assert not left.ok and left.detail == "left D at t=0"


# ---------------------------------------------------------------- G7 (seeds 871-879): exact values by hand, edges


def test_the_statement_check_shows_the_first_case_with_exact_values_by_hand():
    r"""First case x = 2, y = 3, eta = 1/10: n = 5, t = (3/10) / (2 (3/2 + 3/4 + 1)) = 3/65, theta = -theta' = (6/65, 3/65),
    delta = t n / 2 = 3/26. T(theta) = theta + (1/10)(3 - 3/13)(2, 1) = (42/65, 21/65) and T(theta') = theta' (inactive),
    so ||T theta - T theta'||^2 = 576/845 > rho^2 ||theta - theta'||^2 = 1 * 36/845 (rho^2 = max(1, 1/4) = 1)."""
    from proofs.katende.prop_2 import _statement_check, two_sided_pair

    result = _statement_check(two_sided_pair)
    assert not result.ok and result.detail == "(3.6) fails on a region of Assumption 1"
    assert result.values == {"datum": {c.x: 2, c.y: 3, c.eta: sp.Rational(1, 10)}, "margin": sp.Rational(3, 26),
                             "theta": (sp.Rational(6, 65), sp.Rational(3, 65)), "theta_prime": (sp.Rational(-6, 65), sp.Rational(-3, 65)),
                             "lhs": sp.Rational(576, 845), "rhs": sp.Rational(36, 845)}


def test_a_pair_outside_D_or_on_one_side_is_no_counterexample_to_3_6():
    r"""(3.6) may only be refuted by two points of D: the two-sided pair with delta = 10^6 (far above |s| at both
    points) breaks the inequality but is not in D, so the check passes (rejects ``or`` for ``and``); the same-side
    pair (theta, 2 theta) is in D and satisfies (3.6) at all five cases (one region: T is affine there)."""
    from proofs.katende.prop_2 import _same_side_pair, _statement_check, two_sided_pair

    outside = _statement_check(lambda p: {**two_sided_pair(p), "margin": Fraction(10**6)})
    assert outside.ok and outside.values == {} and outside.detail == "(3.6) holds at the 5 candidate pairs"
    assert _statement_check(_same_side_pair).ok


def test_a_midpoint_exactly_on_the_margin_leaves_the_open_region(monkeypatch):
    r"""D = {|s| > delta} is open: theta = (0, 1), theta' = (0, 3) with delta = 2 have the midpoint (0, 2), where
    |s| = 2 = delta, so the segment leaves D (rejects ``<`` for ``<=``); with theta' = (0, 4) the midpoint has
    |s| = 5/2 > 2 and the segment check passes."""
    monkeypatch.setattr(prop_2, "_CASES", [{"x": Fraction(2), "y": Fraction(3), "eta": Fraction(1, 10)}])
    on_edge = prop_2._segment_check(lambda p: {"theta": (Fraction(0), Fraction(1)), "theta_prime": (Fraction(0), Fraction(3)),
                                               "margin": Fraction(2)})
    assert not on_edge.ok and on_edge.values["s_mid"] == 2 and on_edge.values["midpoint"] == (0, 2)
    inside = prop_2._segment_check(lambda p: {"theta": (Fraction(0), Fraction(1)), "theta_prime": (Fraction(0), Fraction(4)),
                                              "margin": Fraction(2)})
    assert inside.ok and inside.detail == "every segment stays in D"


def test_rho_squared_is_at_least_1_and_z3s_point_refutes_at_least_2():
    r"""rho^2 = max(1, (1 - eta n)^2) >= 1 everywhere (proved, no point); >= 2 fails, and Z3's point really has
    rho^2 < 2 (e.g. eta n = 1, where rho^2 = 1)."""
    from proofs.katende.prop_2 import RHO_SQ, _rho_at_least

    one = _rho_at_least(1)
    assert one.proved and one.engines == ("z3",) and one.values["point"] == {} and one.counterexample is None
    two = _rho_at_least(2)
    assert not two.ok and two.engines == () and two.values["value"] == 2 and two.values["rho_sq"] == RHO_SQ
    point = two.values["point"]
    assert point and RHO_SQ.subs(point) < 2 and point[c.eta] > 0


def test_the_convex_repair_with_rho_1_fails_at_a_point_where_the_coefficient_is_negative():
    r"""With rho^2 = 1 the coefficient rho^2 - (1 - kappa eta n)^2 is negative wherever kappa eta n > 2: the
    refusal names the coefficient and Z3's point (sorted by name), and the point, with kappa in [0, 1], really makes
    it negative."""
    from proofs.katende.prop_2 import N_SQ, _show_point

    refused = _convex_contraction(sp.Integer(1))
    point = refused.values["point"]
    assert refused.detail == f"rho^2 - (1 - kappa eta n)^2 >= 0: counterexample at {_show_point(point)}"
    assert 0 <= point[prop_2.KAPPA] <= 1 and (1 - (1 - prop_2.KAPPA * c.eta * N_SQ) ** 2).subs(point) < 0
    assert _show_point({sp.Symbol("x"): 3, sp.Symbol("eta"): Fraction(1, 2)}) == "eta=1/2, x=3"


def test_derive_inside_one_region_gives_the_clarke_bound_and_no_jump():
    r"""theta = (1, 1), x = 1 (s = 2 > 0), y = 2, eta = 1/2: one active pattern, no boundary jump, T Lipschitz there,
    and the bound is ||I - eta v v^T|| = max(1, |1 - eta n|) = max(1, 0) = 1.  With a second datum x = -1 (s = 0) and
    y = 2 the jump eta y (x, 1) = (-1, 1) is reported and no Clarke bound is given."""
    from proofs.katende.prop_2 import _derive

    inside = _derive({"xs": [Fraction(1)], "ys": [Fraction(2)], "theta": [Fraction(1), Fraction(1)], "eta": Fraction(1, 2)})
    assert inside == {"activation_pattern": "[1]", "limiting_jacobians": "[[[1/2, -1/2], [-1/2, 1/2]]]",
                      "T_locally_lipschitz_at_theta": "True", "boundary_jumps": "[]", "clarke_norm_bound": "1"}
    two = _derive({"xs": [Fraction(1), Fraction(-1)], "ys": [Fraction(0), Fraction(2)], "theta": [Fraction(1), Fraction(1)],
                   "eta": Fraction(1, 2)})
    assert two["activation_pattern"] == "[1, 0]" and two["boundary_jumps"] == "[[-1, 1]]"
    assert two["T_locally_lipschitz_at_theta"] == "False" and two["clarke_norm_bound"].startswith("undefined")


def test_derive_refuses_empty_data_and_a_zero_step_by_name():
    r"""``_data`` refuses empty xs/ys (one-line BadInput) and eta <= 0 as the assumption on eta, with its value."""
    import pytest

    from proofs.errors import AssumptionViolated, BadInput
    from proofs.katende.prop_2 import _data

    with pytest.raises(BadInput, match="^xs and ys must be flat lists"):
        _data({"xs": [], "ys": [], "theta": [Fraction(1), Fraction(1)], "eta": Fraction(1)})
    with pytest.raises(AssumptionViolated) as refused:
        _data({"xs": [Fraction(1)], "ys": [Fraction(1)], "theta": [Fraction(1), Fraction(1)], "eta": Fraction(0)})
    assert refused.value.assumption == "eta" and refused.value.values == {"eta": 0}
    assert _data({"xs": [Fraction(1)], "ys": [Fraction(2)], "theta": [Fraction(3), Fraction(4)], "eta": Fraction(1, 2)}) == (
        [1], [2], Fraction(1, 2), (3, 4))


def test_the_witness_states_rho_and_D_by_hand():
    r"""x = 1, y = -2, eta = 3/2: n = 2, rho^2 = max(1, (1 - 3)^2) = 4, so rho = 2; t = 3 / (2 (3 + 1/2 + 1)) = 1/3 and
    D = {|s| > t n / 2 = 1/3}; ||T theta - T theta'||^2 = 200/9 > 4 * 8/9 = 32/9."""
    from proofs.katende.prop_2 import _witness

    out = _witness({"x": Fraction(1), "y": Fraction(-2), "eta": Fraction(3, 2)})
    assert out["constants"] == {"rho": "2", "D": "{theta: |w x + b| > 1/3}"}
    assert out["points"] == [["1/3", "1/3"], ["-1/3", "-1/3"]]
    assert out["check"] == {"lhs": "||T(theta)-T(theta')||^2 = 200/9", "rhs": "rho^2 ||theta-theta'||^2 = 32/9", "holds": True}


def test_the_exact_iteration_states_its_model_and_starts_as_its_scope():
    r"""The iteration is exhaustive on its scope only, which the review shows: x = (1, -1), y = (1, 1), eta = 1/4
    (rho = 1/2 on the both-active cone), the two starting pairs, and t = 0..12."""
    result = prop_2._iteration_check(Fraction(1, 2))
    assert result.ok and result.evidence == "proved-on-scope"
    assert result.scope == {"model": {"xs": ["1", "-1"], "ys": ["1", "1"], "eta": "1/4"},
                            "starts": [["(1/2, 2)", "(-1/3, 3/2)"], ["(0, 1/2)", "(1/7, 9/5)"]], "t": [0, 12]}


def test_kappa_is_proved_in_the_sharp_interval_0_1(monkeypatch):
    r"""kappa = (relu s - relu s')/(s - s') lies in [0, 1], and both ends are attained (kappa = 1 for s, s' > 0,
    kappa = 0 for s, s' < 0): the two gaps Z3 proves nonnegative, kappa and 1 - kappa, vanish there, so a weaker
    bound (e.g. kappa <= 2) is not what is proved.  Z3 is called for real, its inputs recorded."""
    gaps = []
    decide = prop_2.z3check.decide

    def recording(expr, *args, **kwargs):
        gaps.append(expr)
        return decide(expr, *args, **kwargs)

    monkeypatch.setattr(prop_2.z3check, "decide", recording)
    assert prop_2._kappa_in_unit_interval() is True and len(gaps) == 2
    for s_value, s_prime, values in ((2, 1, {0, 1}), (-2, -1, {0, 1})):
        at = {sym: v for sym, v in zip(sorted(gaps[0].free_symbols, key=str), (s_value, s_prime))}
        assert {sp.nsimplify(g.subs(at)) for g in gaps} == values


def test_the_update_map_on_the_whole_plane_by_hand():
    r"""T(theta) = theta - eta (relu(s) - y) relu'(s) (x, 1): at x = 1, y = 2, eta = 1/2, theta = (2, 1) (s = 3 > 0) the
    residual is 3 - 2 = 1 and T = (2, 1) - (1/2)(1, 1) = (3/2, 1/2); at theta = (-2, 1) (s = -1 < 0) T is the identity."""
    T = prop_2.update_map_whole_plane().subs({c.x: 1, c.y: 2, c.eta: sp.Rational(1, 2)})
    assert T.subs({c.w: 2, c.b: 1}).T.tolist() == [[sp.Rational(3, 2), sp.Rational(1, 2)]]
    assert T.subs({c.w: -2, c.b: 1}).T.tolist() == [[-2, 1]]


def test_points_on_the_boundary_of_D_are_not_in_D_for_the_general_proof():
    r"""The general necessity proof needs |s| > delta at both points (strictly, for every datum): with delta doubled,
    |s(theta)| = t n equals the new delta exactly, so 'theta in D' is refuted although (3.6) still fails there."""
    from proofs.katende.prop_2 import contraction_fails_for_every_datum, two_sided_pair

    doubled = lambda p: {**two_sided_pair(p), "margin": 2 * two_sided_pair(p)["margin"]}  # noqa: E731
    result = contraction_fails_for_every_datum(doubled, in_D=True)
    assert not result.ok and result.detail.startswith("theta in D: ")
