r"""Katende Theorem 1: the chain, bad inputs per assumption, the witness for any
L, closed form vs mirror, and the paper's own example values."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from numeric.one_neuron import gradient_difference_ratio
from proofs import registry
from proofs.steps import Cited
from proofs.errors import AssumptionViolated
from proofs.katende.one_neuron import boundary_pair_for
from proofs.katende.thm_1 import violates_smoothness
from proofs.values import parse_settings
from symbolic import one_neuron as m

CID = "katende.thm_1"


def nonzero_rationals(bound: int = 50):
    return st.builds(lambda sign, q: sign * q, st.sampled_from([-1, 1]),
                     st.fractions(min_value=Fraction(1, 1000), max_value=bound, max_denominator=1000))


def lipschitz_constants():
    return st.builds(lambda mant, exp: Fraction(mant) * 10**exp, st.integers(1, 999), st.integers(-3, 150))


def test_chain_checks_with_the_printed_limit_and_the_equivalence_gloss_as_errata():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert {e.step: e.repaired_by for e in report.errata} == {
        "ratio_limit_as_printed": "ratio_limit_eq_infinity_of_y_ne_0",
        "lipschitz_gradient_equivalent_to_bounded_hessian_as_printed": "lipschitz_gradient_implies_bounded_ae_hessian"}
    necessity = {a.assumption.label: (a.assumption.necessity.verdict, a.result.ok) for a in report.assumptions}
    assert necessity == {"A1": ("superfluous", True), "A2": ("necessary", True)}


@pytest.mark.parametrize("label,setting", [("A1", "x=0"), ("A2", "y=0")])
def test_values_outside_each_assumption_are_rejected(label, setting):
    # A1 is superfluous (see its necessity check), but the claim as printed assumes it.
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), [setting])
    assert info.value.assumption == label


def test_witness_survives_x_equal_zero_because_A1_is_superfluous():
    params = {"x": Fraction(0), "y": Fraction(1), "L": Fraction(10**9)}
    assert violates_smoothness(params, boundary_pair_for(params["L"], params["x"], params["y"])).holds


@given(lipschitz_constants(), st.fractions(min_value=-20, max_value=20, max_denominator=100), nonzero_rationals(),
       st.fractions(min_value=-5, max_value=5, max_denominator=50))
@example(Fraction(10**12), Fraction(2), Fraction(3), Fraction(0))
def test_witness_always_violates_the_named_L(L, x, y, w0):
    params = {"L": L, "x": x, "y": y}
    points = boundary_pair_for(L, x, y, w0)
    assert violates_smoothness(params, points).holds
    (wm, bm), (wp, bp) = points
    assert (wm * x + bm) < 0 < (wp * x + bp)


@given(st.fractions(min_value=-20, max_value=20, max_denominator=100), nonzero_rationals(), st.integers(1, 30))
@example(Fraction(2), Fraction(3), 30)
def test_closed_form_ratio_equals_the_mirror(x, y, k):
    eps = sp.Rational(1, 10**k)
    closed = m.gradient_difference_ratio().subs({m.x: sp.Rational(x), m.y: sp.Rational(y), m.epsilon: eps})
    with mpmath.workdps(80):
        mirror = gradient_difference_ratio(x, y, Fraction(1, 10**k), dps=80)
        closed_mp = mpmath.mpf(str(sp.N(closed, 80)))
        assert abs(closed_mp - mirror) <= mpmath.mpf("1e-60") * abs(mirror)


STEP_LABELS = [s.label for s in registry.get_claim(CID).steps]


@pytest.mark.parametrize("label", STEP_LABELS)
def test_checker_rejects_each_wrong_version_of_step(label):
    step = next(s for s in registry.get_claim(CID).steps if s.label == label)
    if not step.run().ok:  # a printed erratum: it is its own wrong version, already rejected
        assert label in ("ratio_limit_as_printed", "lipschitz_gradient_equivalent_to_bounded_hessian_as_printed")
        return
    if isinstance(step, Cited):  # a citation is typeset, never checked
        return
    mutants = step.mutants()
    assert mutants and not any(m.run().ok for m in mutants)


def test_a_wrong_printed_constant_would_be_caught():
    # Had the paper printed ||theta+ - theta-|| = eps ||(x,1)|| (dropping the 2), the step fails.
    from proofs.engine import Equality

    minus, plus = m.boundary_pair()
    wrong = Equality(label="gap", latex="", lhs=m.norm(plus - minus), rhs=m.epsilon * sp.sqrt(m.x**2 + 1))
    assert not wrong.run().ok


def test_witness_is_proved_for_every_L_and_checked_exactly_on_its_cases():
    report = registry.report(CID)
    results = {s.step.label: s.result for s in report.steps}
    general, cases = results["no_global_L_for_every_L"], results["no_global_L_witness"]
    assert general.proved and "z3" in general.engines  # L, x, y != 0, w0 all symbolic
    assert cases.ok and cases.evidence == "proved-on-scope" and len(cases.scope["cases"]) == 12


def test_limits_symbolic_in_x_and_y_are_proved_not_sampled():
    results = {s.step.label: s.result for s in registry.report(CID).steps}
    for label in ("ratio_limit_eq_infinity_of_y_ne_0", "ratio_asymptotic_to_abs_y_over_two_epsilon"):
        assert results[label].proved


# ---------------------------------------------------------------- the Hessian clauses and their readings


def test_every_hessian_step_names_a_reading_the_claim_defines():
    claim = registry.get_claim(CID)
    readings = {r.name for r in claim.readings}
    assert readings == {"equivalence", "consequence", "classical-C2", "almost-everywhere"}
    by_label = {s.label: s.reading for s in claim.steps}
    assert by_label["lipschitz_gradient_equivalent_to_bounded_hessian_as_printed"] == "equivalence"
    assert by_label["lipschitz_gradient_implies_bounded_ae_hessian"] == "consequence"
    assert by_label["no_classical_hessian_bound"] == "classical-C2"
    assert by_label["ae_hessian_norm_at_most_one_plus_x_squared"] == "almost-everywhere"


def test_equivalence_reading_is_refuted_by_the_papers_loss_and_holds_when_y_is_0():
    from proofs.katende.thm_1 import Y_NZ, equivalence_on

    refuted = equivalence_on(Y_NZ)
    assert not refuted.ok and refuted.proved is False and refuted.evidence == "proved"
    from proofs.katende.thm_1 import n_sq

    assert refuted.values == {"hessian_sup": n_sq}  # the exact bound the check used, not its text
    assert equivalence_on(0).ok  # y = 0: both sides true, so the check can pass


def test_loss_is_not_differentiable_on_the_boundary_only_when_y_is_nonzero():
    from proofs.katende.thm_1 import Y_NZ, not_differentiable_on_boundary, one_sided_slopes

    assert one_sided_slopes(m.y) == (-m.y * (m.x**2 + 1), 0)
    assert not_differentiable_on_boundary(Y_NZ).proved
    assert not not_differentiable_on_boundary(0).ok
