r"""Kumar B.1: chain, exceptional set inside/outside, bad inputs, float measurements."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numeric.optimizers import ndgm_first_zero
from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.kumar.toy_lasso import in_exceptional_set
from proofs.values import parse_settings

CID = "kumar.prop_b_1"


def test_chain_verified_with_necessity_evidence():
    report = registry.report(CID)
    assert report.status == "verified"
    verdicts = {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions}
    assert verdicts == {"A1": "superfluous", "A2": "superfluous", "A3": "necessary", "A4": "superfluous", "A5": "unknown"}
    assert all(a.result is None or a.result.ok for a in report.assumptions)


@given(st.integers(-100, 100), st.fractions(min_value=Fraction(1, 10**6), max_value=Fraction(999999, 10**6)))
@example(50, Fraction(0))
def test_inside_the_set_hits_zero_outside_never(m, offset):
    alpha, lam = Fraction(1, 100), Fraction(1)
    b0 = (m + offset) * alpha * lam
    assert (ndgm_first_zero(b0, alpha, lam, abs(m) + 3) is not None) == in_exceptional_set(b0, alpha, lam) == (offset == 0)


@pytest.mark.parametrize("label,setting", [("A1", "alpha=-1/100"), ("A2", "lam=0")])
def test_bad_inputs_name_the_assumption(label, setting):
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), [setting])
    assert info.value.assumption == label


def test_measurements_are_in_extra():
    rows = registry.get_claim(CID).extra()["sgd_exact_zeros"]
    assert {r["dtype"] for r in rows} == {"float32", "float64"} and all(r["ever_zero"] == 0 for r in rows)


@pytest.mark.parametrize("label", ["ndgm_recursion_15", "unrolled_base_16", "unrolled_step_positive_16"])
def test_recursion_steps_compute_their_side_and_reject_a_wrong_printed_formula(label):
    import dataclasses

    import sympy as sp

    from symbolic import optimizers as o
    step = next(s for s in registry.get_claim(CID).steps if s.label == label)
    assert callable(step.lhs) and not isinstance(step.lhs, sp.Basic)  # computed when checked, not the printed object
    assert step.run().proved
    wrong = {"ndgm_recursion_15": o.beta + o.alpha * o.lam * sp.sign(o.beta),  # sign flipped
             "unrolled_base_16": o.beta0 + o.alpha * o.lam,  # constant off
             "unrolled_step_positive_16": o.beta0 - o.alpha * o.lam * o.p + o.alpha * o.lam * (o.k - o.p)}  # p not advanced
    assert not dataclasses.replace(step, rhs=wrong[label]).run().ok


def test_exact_simulations_are_proved_on_their_settings_only():
    report = registry.report(CID)
    by_label = {r.step.label: r.result for r in report.steps}
    for label in ("exceptional_set_is_alpha_lambda_Z", "exceptional_set_countable"):
        assert by_label[label].evidence == "proved-on-scope" and by_label[label].scope
    a3 = next(a for a in report.assumptions if a.assumption.label == "A3")
    assert a3.result.evidence == "proved"  # one exact counterexample: an existence, not a for-all
