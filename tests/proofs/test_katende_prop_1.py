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
from proofs.katende_prop_1 import admissibility_table, upper_bound
from proofs.values import parse_settings
from symbolic import surrogates as m

CID = "katende.prop_1"


def test_chain_is_verified_with_the_3_4_erratum():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert [(e.step, e.repaired_by) for e in report.errata] == [
        ("hessian_lower_bound_as_printed", "hessian_lower_bound_of_bounded_slope")]
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
