r"""Katende Proposition 1: verified with the (3.4) erratum; admissibility of the catalogue; the
witness for any uniform L; closed-form bounds against the mpmath mirror; bad inputs."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from numeric import surrogates as num
from proofs import registry
from proofs.errors import AssumptionViolated, BadInput
from proofs.katende.prop_1 import admissibility_table, upper_bound
from proofs.values import parse_settings
from symbolic import surrogates as m

CID = "katende.prop_1"


def test_chain_is_verified_with_the_3_4_erratum_and_the_localization_gap():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert [(e.step, e.repaired_by) for e in report.errata] == [
        ("hessian_lower_bound_as_printed", "hessian_lower_bound_of_bounded_slope"),
        ("curvature_blows_up_near_zero_as_printed", "curvature_blows_up_near_zero_of_localized_argument")]
    verdicts = {a.assumption.label: (a.assumption.necessity.verdict, a.result.ok) for a in report.assumptions}
    assert verdicts == {"A1": ("superfluous", True), "A2": ("necessary", True), "A3": ("superfluous", True),
                        "A4": ("necessary", True), "A5": ("superfluous", True)}
    checked = {s.step.label: s.result.checked for s in report.steps}
    assert checked["smoothness_constant_asymptotics"] == "numeric"  # two (x, y) instances only


def test_admissibility_table_says_which_family_satisfies_which_hypothesis():
    rows = {r["family"]: (r["C2"], r["pointwise_to_relu"], r["sup_slope_le_1"], r["admissible"]) for r in admissibility_table()}
    assert rows == {"softplus": (True, True, True, True), "sqrt": (True, True, True, True),
                    "gelu": (True, True, False, False), "silu": (True, True, False, False),
                    "huber": (False, True, True, False)}
    assert "admissibility" in registry.get_claim(CID).extra()


@pytest.mark.parametrize("settings,label", [
    (["x=0"], "A1"), (["y=0"], "A2"), (["family=huber"], "A3"), (["family=gelu"], "A5"), (["family=silu"], "A5")])
def test_values_outside_each_assumption_are_rejected(settings, label):
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), settings)
    assert info.value.assumption == label


def test_unknown_family_and_small_beta_are_rejected():
    claim = registry.get_claim(CID)
    with pytest.raises(BadInput):
        parse_settings(claim, ["family=tanh"])
    with pytest.raises(AssumptionViolated):
        claim.derive(parse_settings(claim, ["beta=1/2"]))


@given(st.sampled_from(["softplus", "sqrt"]), st.builds(lambda a, e: Fraction(a) * 10**e, st.integers(1, 999), st.integers(-2, 80)),
       st.builds(lambda s, q: s * q, st.sampled_from([-1, 1]), st.fractions(Fraction(1, 20), 5, max_denominator=20)), st.fractions(1, 5, max_denominator=20))
@example("softplus", Fraction(10**12), Fraction(2), Fraction(3))
def test_witness_exceeds_any_uniform_L(family, L, x, y):
    claim = registry.get_claim(CID)
    out = claim.witness({"family": family, "L": L, "x": x, "y": y, "beta": Fraction(10)})
    assert out["check"]["holds"]


@given(st.sampled_from(["softplus", "sqrt"]), st.sampled_from([1, 7, 50, 400]), st.sampled_from([(2, 3), (Fraction(-1, 2), -1), (1, Fraction(1, 4))]))
@example("softplus", 400, (2, 3))
def test_mirror_lies_between_the_closed_form_bounds(family, beta, xy):
    x, y = xy
    subs = {m.beta: beta, m.x: sp.Rational(x), m.y: sp.Rational(y)}
    lo, hi = (mpmath.mpf(str(sp.N(bound.subs(subs), 50))) for bound in (m.smoothness_lower_bound(family), upper_bound(family)))
    found = num.best_smoothness_constant(family, beta, x, y, grid=24)
    assert lo - mpmath.mpf("1e-30") <= found <= hi


def test_derive_gives_bounds_for_admissible_families():
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["family=sqrt", "beta=100"]))
    assert out["L_beta_lower"] == "1495/2" and out["L_beta_over_beta_limit"] == "15/2"


def test_steps_checked_on_one_family_say_so():
    report = registry.report(CID)
    results = {s.step.label: s.result for s in report.steps}
    for label in ("surrogate_at_u_beta_tends_to_zero", "hessian_lower_bound_along_theta_beta", "smoothness_constant_diverges"):
        assert results[label].evidence == "proved-on-scope" and results[label].scope == {"family": "softplus"}
    assert results["smoothness_constant_diverges_sqrt"].scope == {"family": "sqrt"}
    scopes = {a.assumption.label: (a.result.evidence, a.result.scope) for a in report.assumptions}
    assert scopes["A1"] == ("proved-on-scope", {"family": "softplus"})
    assert scopes["A3"] == ("proved-on-scope", {"family": "huber"})
    assert scopes["A5"] == ("proved-on-scope", {"families": ["gelu", "silu"]})


def test_notes_take_the_overshoot_numbers_from_the_arb_enclosures():
    from proofs.engine import fill
    from proofs.katende.prop_1 import SLOPE_WITNESS, slope_overshoots

    claim = registry.get_claim(CID)
    note = fill(claim.notes[1], claim.extra())
    for name, t in SLOPE_WITNESS.items():
        ball = num.first_derivative_enclosure(name, t)
        assert ball > 1 and ball.str(5) in note and slope_overshoots()[f"{name}_slope"] == ball.str(5)


def test_huber_comparison_runs_at_the_precision_it_states():
    # The mirror's golden section is run long enough for 60 digits; at the default 80 iterations
    # (about 16 digits) the same comparison at 60 digits must fail.
    from proofs.katende.prop_1 import HUBER_DPS, _huber_point

    step = next(s for s in registry.get_claim(CID).steps if s.label == "huber_smoothness_constant_exact")
    assert step.dps == HUBER_DPS == 60 and step.run().ok
    short = step._variant("16-digit mirror", mirror=lambda p: num.best_smoothness_constant("huber", *p, grid=48, dps=70))
    assert not short.run().ok


def test_triangle_step_is_decided_by_z3_and_rejects_the_printed_bound():
    from proofs.katende.prop_1 import _triangle_check

    assert _triangle_check(lambda a, c: sp.Abs(c) - a).proved
    wrong = _triangle_check(lambda a, c: sp.Abs(c))  # (3.4) as printed: drops sigma'^2
    assert not wrong.ok and "{point}" in wrong.counterexample and {str(k) for k in wrong.values["point"]} == {"a", "c"}
    assert wrong.values["lhs"] < wrong.values["rhs"]  # the exact values at Z3's point break the claimed bound


# ---------------------------------------------------------------- exact threshold, localization gap, second engine


def test_3_4_erratum_states_the_exact_threshold_computed_by_the_check():
    from proofs.katende.prop_1 import _printed_3_4_at_softplus_zero

    printed = _printed_3_4_at_softplus_zero(lambda a, c: sp.Abs(c))
    assert not printed.ok and printed.evidence == "proved"
    values = printed.values
    assert values["threshold"] == sp.Rational(1, 2) + sp.log(2)  # exact SymPy objects, not strings
    assert sp.simplify(values["shortfall"] - (m.x**2 + 1) / 4) == 0
    assert sp.simplify(values["printed"] - values["norm"] - values["shortfall"]) == 0
    assert values["setting"] == {m.beta: 2, m.y: 1}
    step = next(s for s in registry.get_claim(CID).steps if s.label == "hessian_lower_bound_as_printed")
    assert r"$\beta y > {threshold}$" in step.erratum and "{shortfall}" in step.erratum
    # the repaired right-hand side |c| - sigma'^2 passes the same check (Z3, every beta*y)
    assert _printed_3_4_at_softplus_zero(lambda a, c: sp.Abs(c) - a).proved


def test_sup_alone_does_not_locate_the_curvature_blowup_near_zero():
    from proofs.katende.prop_1 import _blowup_near_zero

    shifted = _blowup_near_zero(1)
    assert not shifted.ok and shifted.evidence == "proved"
    values = shifted.values  # exact SymPy objects: the shifted family, its envelope and radius
    assert values["family"] == m.activation("softplus").subs(m.u, m.u - 1) and values["shift"] == 1
    assert values["envelope"] == m.beta * sp.exp(-m.beta / 2) and values["radius"] == sp.Rational(1, 2)
    assert _blowup_near_zero(0).ok  # unshifted softplus: u_beta = 0 does blow up, so the check can pass


def test_log_bounds_are_proved_by_z3_and_a_checked_lemma_not_by_sympy_sign_reasoning():
    import proofs.katende.prop_1 as p1

    assert not hasattr(p1, "_nonneg")
    assert p1.log_lemma()
    assert p1._softplus_phi_phi2_bound() and not p1._softplus_phi_phi2_bound(sp.Rational(1, 2))
    assert p1._sup_A("softplus") == 1 + sp.exp(-1) and p1._sup_A("sqrt") == sp.Rational(35, 27)
    report = registry.report(CID)
    for a in report.assumptions:
        if a.assumption.label in ("A2", "A4"):
            assert a.result.proved and "z3" in a.result.engines


def test_printed_display_along_theta_beta_holds_for_every_family_at_large_beta():
    from proofs.katende.prop_1 import _large_beta_bound

    assert _large_beta_bound(sp.Rational(1, 2)).proved
    assert not _large_beta_bound(sp.Rational(3, 4)).ok


def test_moving_point_step_needs_the_slope_bound():
    from proofs.katende.prop_1 import _moving_point_bound

    assert _moving_point_bound(True).proved
    assert not _moving_point_bound(False).ok


def test_statement_keeps_the_printed_along_any_sequence_clause():
    assert "along any sequence" in registry.get_claim(CID).statement
