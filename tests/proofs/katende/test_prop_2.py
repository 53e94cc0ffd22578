r"""Katende Proposition 2: refuted as printed (non-convex D), repaired for convex D; the
witness for any datum and step size; exact iteration; bad inputs."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from numeric import contraction as num
from proofs import registry
from proofs.errors import AssumptionViolated, BadInput
from proofs.katende.prop_2 import rho_squared, two_sided_pair, violates_contraction
from proofs.values import parse_settings

CID = "katende.prop_2"


def nonzero_rationals(bound: int = 50):
    return st.builds(lambda sign, q: sign * q, st.sampled_from([-1, 1]),
                     st.fractions(min_value=Fraction(1, 1000), max_value=bound, max_denominator=1000))


def step_sizes():
    return st.fractions(min_value=Fraction(1, 1000), max_value=10, max_denominator=1000)


def inputs():
    return st.fractions(min_value=-20, max_value=20, max_denominator=100)


def test_chain_refutes_the_printed_statement_and_verifies_the_repair():
    report = registry.report(CID)
    assert report.ok and report.status == "refuted"
    assert {e.step: e.repaired_by for e in report.errata} == {
        "segment_lies_in_D": "segment_lies_in_D_of_convex",
        "contraction_inequality_as_printed": "contraction_inequality_of_convex_D"}
    verdicts = {a.assumption.label: (a.assumption.necessity.verdict, a.result.ok) for a in report.assumptions}
    assert verdicts == {"A1": ("necessary", True), "A2": ("necessary", True), "A3": ("necessary", True)}
    assert registry.get_claim(CID).repaired_statement
    results = {s.step.label: s.result for s in report.steps}
    assert results["iterates_contract_at_rate_rho"].proved  # induction on t from (3.6): every rho, every t
    iteration = results["iterates_contract_exact_iteration"]  # 12 steps from 2 pairs, not all t: never "proved"
    assert iteration.ok and not iteration.proved and iteration.evidence == "proved-on-scope"
    assert iteration.scope["t"] == [0, 12] and len(iteration.scope["starts"]) == 2
    # The necessity witnesses are proved for every datum (Z3), not only on their five exact cases.
    assert all(a.result.evidence == "proved" for a in report.assumptions)


@pytest.mark.parametrize("settings,error", [
    (["eta=0"], AssumptionViolated), (["eta=-1/2"], AssumptionViolated),
    (["xs=[1,2]"], BadInput), (["theta=[1]"], BadInput), (["xs=[[1]]", "ys=[[1]]"], BadInput)])
def test_bad_derive_inputs_are_rejected(settings, error):
    claim = registry.get_claim(CID)
    with pytest.raises(error):
        claim.derive(parse_settings(claim, settings))


@pytest.mark.parametrize("settings", [["y=0"], ["eta=0"]])
def test_bad_witness_inputs_are_rejected(settings):
    claim = registry.get_claim(CID)
    with pytest.raises(AssumptionViolated):
        claim.witness(parse_settings(claim, settings))


@given(inputs(), nonzero_rationals(), step_sizes())
@example(Fraction(2), Fraction(3), Fraction(1, 10))
@example(Fraction(0), Fraction(1, 1000), Fraction(10))
def test_two_sided_witness_always_breaks_3_6(x, y, eta):
    params = {"x": x, "y": y, "eta": eta}
    pair = two_sided_pair(params)
    assert violates_contraction(params, pair).holds
    s = [q[0] * x + q[1] for q in (pair["theta"], pair["theta_prime"])]
    assert s[0] > pair["margin"] > 0 and s[1] < -pair["margin"]


@given(inputs(), step_sizes(), st.lists(st.tuples(inputs(), inputs()), min_size=2, max_size=2), inputs())
def test_repaired_statement_holds_on_a_convex_region_with_y_eq_0(x, eta, pts, w_shift):
    # y = 0: T is Lipschitz on R^2 (convex), so (3.6) holds across the boundary as well.
    (a, b), (c_, d) = pts
    if a * x + b == 0 or c_ * x + d == 0:
        b, d = b + Fraction(1, 7), d - Fraction(1, 11)
    if a * x + b == 0 or c_ * x + d == 0:
        return
    lhs = num.squared_distance(num.update_map((a, b), [x], [Fraction(0)], eta), num.update_map((c_, d), [x], [Fraction(0)], eta))
    assert lhs <= rho_squared(x, eta) * num.squared_distance((a, b), (c_, d))


@given(inputs(), nonzero_rationals(), step_sizes(), st.lists(st.tuples(inputs(), st.fractions(Fraction(1, 100), 20)), min_size=2, max_size=2))
def test_repaired_statement_holds_on_one_activation_region(x, y, eta, pts):
    # points built on the active side: b = t - w x with t > 0
    (a, t), (c_, u) = pts
    p, q = (a, t - a * x), (c_, u - c_ * x)
    lhs = num.squared_distance(num.update_map(p, [x], [y], eta), num.update_map(q, [x], [y], eta))
    assert lhs <= rho_squared(x, eta) * num.squared_distance(p, q)


def test_derive_reports_the_discontinuity_on_the_boundary():
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["theta=[0,0]"]))
    assert out["T_locally_lipschitz_at_theta"] == "False" and out["boundary_jumps"] == "[[3/5, 3/10]]"
    out = claim.derive(parse_settings(claim, ["theta=[0,0]", "ys=[0]", "eta=3/2", "xs=[1]"]))
    assert out["clarke_norm_bound"] == "2"


def test_necessity_witnesses_are_proved_for_every_datum_and_reject_one_sided_pairs():
    from proofs.katende.prop_2 import _same_side_pair, contraction_fails_for_every_datum, two_sided_pair

    assert contraction_fails_for_every_datum(two_sided_pair, in_D=True).proved
    assert not contraction_fails_for_every_datum(_same_side_pair, in_D=True).ok


def test_every_rate_below_one_fails_on_the_inactive_side():
    from proofs.katende.prop_2 import DELTA, _smaller_rho

    assert _smaller_rho(1 / (1 + DELTA)).proved  # rho' = 1/(1 + delta), delta > 0: every rho' in (0, 1)
    assert not _smaller_rho(sp.Integer(1)).ok


def test_convex_repair_rejects_a_too_small_rho():
    from proofs.katende.prop_2 import RHO_SQ, _convex_contraction

    assert _convex_contraction(RHO_SQ).proved
    assert not _convex_contraction(sp.Integer(1)).ok


def test_contraction_display_is_an_induction_that_rejects_a_faster_rate():
    from proofs.katende.prop_2 import contraction_by_induction

    assert contraction_by_induction(lambda r: r).proved
    wrong = contraction_by_induction(lambda r: r**2)
    from proofs.katende.prop_2 import RATE

    assert not wrong.ok and "{rate}" in wrong.counterexample and wrong.values["rate"] == RATE**2


def test_mean_value_step_says_what_hypothesis_it_needs():
    step = next(s for s in registry.get_claim(CID).steps if s.label == "clarke_mean_value_inequality")
    assert "segment" in step.reference and "on D only" in step.reference
