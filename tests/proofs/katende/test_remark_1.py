r"""Katende Remark 1: verified with errata (affine-in-parameters, 'whenever'); the witness for any L
and architecture; bad inputs."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from proofs import registry
from proofs.errors import AssumptionViolated, BadInput
from proofs.katende.remark_1 import _verify, violating_pair
from proofs.values import parse_settings

CID = "katende.remark_1"


def test_chain_is_verified_with_two_errata():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert {e.step for e in report.errata} == {"piecewise_affine_in_parameters_as_printed",
                                               "gradient_jump_at_every_crossing_as_printed"}
    assert all(a.assumption.necessity.verdict == "necessary" and a.result.ok for a in report.assumptions)


@pytest.mark.parametrize("settings,error", [
    (["widths=[0]"], BadInput), (["widths=[1.5]"], BadInput), (["widths=[[2]]"], BadInput),
    (["d=0"], BadInput), (["eps=0"], AssumptionViolated)])
def test_bad_derive_inputs_are_rejected(settings, error):
    claim = registry.get_claim(CID)
    with pytest.raises(error):
        claim.derive(parse_settings(claim, settings))


def test_bad_witness_constant_is_rejected():
    claim = registry.get_claim(CID)
    with pytest.raises(AssumptionViolated):
        claim.witness(parse_settings(claim, ["L=-1"]))


@given(st.builds(lambda m, e: Fraction(m) * 10**e, st.integers(1, 999), st.integers(-3, 60)),
       st.lists(st.integers(1, 12), min_size=1, max_size=4), st.integers(1, 3), st.integers(0, 1000))
@example(Fraction(10**12), [32] * 6, 4, 0)
def test_witness_breaks_any_named_L_for_any_architecture(L, widths, d, seed):
    params = {"L": L, "widths": widths, "d": d, "seed": seed}
    assert _verify(params, violating_pair(params)).holds


def test_steps_on_one_architecture_or_a_finite_family_say_so():
    results = {s.step.label: s.result for s in registry.report(CID).steps}
    on_scope = ["piecewise_polynomial_in_parameters", "crossing_pair_preactivation", "crossing_pair_gap",
                "gradient_jump_limit_two_layer", "gradient_jump_norm_of_nonzero_residual_and_weight",
                "no_architecture_independent_lipschitz_bound", "no_global_bounded_hessian_proxy"]
    for label in on_scope:
        assert results[label].ok and results[label].evidence == "proved-on-scope" and results[label].scope
    assert results["gradient_jump_limit_two_layer"].scope["widths"] == [1, 2, 3]
    assert results["gradient_jump_deep_networks"].evidence == "confirmed"


def test_bounded_hessian_parenthetical_is_checked_on_both_readings():
    from proofs.katende.remark_1 import jump_is_nonzero

    claim = registry.get_claim(CID)
    assert "(and no global bounded-Hessian proxy)" in claim.statement
    readings = {s.label: s.reading for s in claim.steps if s.reading}
    assert readings == {"no_global_bounded_hessian_proxy": "classical-C2",
                        "gradient_discontinuous_every_architecture": "classical-C2",
                        "ae_hessian_bounded_for_one_neuron": "almost-everywhere",
                        "ae_hessian_unbounded_for_two_layer": "almost-everywhere"}
    results = {s.step.label: s.result for s in registry.report(CID).steps}
    assert all(results[label].ok for label in readings)
    assert jump_is_nonzero().ok and not jump_is_nonzero(False).ok  # a_1 = 0 or a zero residual: no jump
