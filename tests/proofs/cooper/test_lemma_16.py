r"""Cooper Lemma 16: the chain, the exact whole-domain certificate, the witnesses."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given, strategies as st

from proofs import registry
from proofs.cooper.lemma_16 import _certify, _close_to_max, _approach, _coefficient_of_z
from proofs.errors import BadInput
from proofs.values import parse_settings

CID = "cooper.lemma_16"


def test_chain_checks_without_errata():
    report = registry.report(CID)
    assert report.ok and report.status == "verified" and not report.errata
    necessity = {a.assumption.label: (a.assumption.necessity.verdict, a.result.ok) for a in report.assumptions}
    assert necessity == {"A1": ("superfluous", True), "A2": ("necessary", True)}


def test_certificate_refutes_a_halved_bound_with_an_exact_point():
    result = _certify(lambda a: sum(a) / 2)
    assert not result.ok and result.values["k"] == 1 and result.values["size"] > result.values["bound"]


@given(st.lists(st.fractions(min_value=-50, max_value=50, max_denominator=20), min_size=1, max_size=5),
       st.lists(st.floats(min_value=-700, max_value=700), min_size=5, max_size=5))
@example([Fraction(1), Fraction(-2)], [700.0, -700.0, 0.0, 0.0, 0.0])
def test_bound_holds_at_random_exponents(coefficients, exponents):
    with mpmath.workdps(50):
        weights = [mpmath.exp(e) for e in exponents[:len(coefficients)]]
        value = sum(mpmath.mpf(c.numerator) / c.denominator * w for c, w in zip(coefficients, weights)) / sum(weights)
        assert abs(value) <= sum(abs(mpmath.mpf(c.numerator) / c.denominator) for c in coefficients) + mpmath.mpf(10) ** -40


@given(st.fractions(min_value=Fraction(1, 10**40), max_value=Fraction(1, 2)), st.fractions(min_value=1, max_value=100))
def test_sup_witness_gets_within_any_eps(eps, scale):
    params = {"eps": eps, "scale": scale}
    assert _close_to_max(params, _approach(params)).holds


@given(st.fractions(min_value=0, max_value=10**30))
def test_varying_coefficient_witness_beats_any_bound(B):
    assert _coefficient_of_z({"B": B}, 2 * B + 2).holds


def test_derive_gives_both_bounds_and_rejects_ragged_forms():
    claim = registry.get_claim(CID)
    quantities = claim.derive(parse_settings(claim, ["coefficients=[1, -2, 0.5]", "forms=[[1, 0], [0, 1], [1, 1]]"]))
    assert quantities["bound_as_printed"] == "7/2" and quantities["sharp_bound"] == "2"
    assert sp.sympify(quantities["F"]).free_symbols == {sp.Symbol("z_1"), sp.Symbol("z_2")}
    with pytest.raises(BadInput):
        claim.derive(parse_settings(claim, ["coefficients=[1, 2]", "forms=[[1, 0]]"]))
