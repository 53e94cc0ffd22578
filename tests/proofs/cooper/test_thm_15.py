r"""Cooper Theorem 15 (depth 0, cross-entropy): the chain with the (32) erratum, bad
inputs per assumption, the explicit m against the mirror, the data-dependence witness."""

from __future__ import annotations

import dataclasses
import json
from fractions import Fraction

import mpmath
import sympy
import pytest
from hypothesis import example, given, strategies as st

from numeric import linear_model as mirror
from proofs import registry
from proofs.cooper.thm_15 import _data_for_m, _entry_exceeds_m
from proofs.errors import AssumptionViolated, BadInput
from proofs.values import parse_settings

CID = "cooper.thm_15"


def test_chain_checks_with_the_32_erratum():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert [(e.step, e.repaired_by) for e in report.errata] == [("hessian_as_printed_32", "hessian_display_before_32")]
    necessity = {a.assumption.label: (a.assumption.necessity.verdict, a.result.ok) for a in report.assumptions}
    assert necessity == {"A1": ("superfluous", True), "A2": ("superfluous", True), "A3": ("necessary", True)}


@pytest.mark.parametrize("label, settings", [("A1", ["activation=relu"]),
                                             ("A2", ["n=1", "d_in=1", "d_out=2", "xs=[[1]]", "ys=[[1, 1]]"])])
def test_values_outside_each_assumption_are_rejected(label, settings):
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), settings)
    assert info.value.assumption == label


def test_mismatched_data_is_bad_input():
    claim = registry.get_claim(CID)
    with pytest.raises(BadInput):
        claim.derive(parse_settings(claim, ["n=2", "d_in=1", "d_out=2", "xs=[[1]]", "ys=[[1, 0]]"]))


def test_derive_prints_m_and_the_hessian_at_zero():
    claim = registry.get_claim(CID)
    quantities = claim.derive(parse_settings(claim, ["n=1", "d_in=1", "d_out=2", "xs=[[2]]", "ys=[[0.5, 0.5]]"]))
    json.dumps(quantities)
    assert quantities["m"] == "5"
    assert quantities["hessian_at_rho_0"] == "[[1, -1, 1/2, -1/2], [-1, 1, -1/2, 1/2], [1/2, -1/2, 1/4, -1/4], [-1/2, 1/2, -1/4, 1/4]]"


@given(st.fractions(min_value=1, max_value=10**60))
@example(Fraction(10**12))
def test_data_dependence_witness_beats_every_m(m):
    assert _entry_exceeds_m({"m": m}, _data_for_m({"m": m})).holds


rationals = st.fractions(min_value=-4, max_value=4, max_denominator=9)


@st.composite
def problems(draw):
    d_in, d_out, n = draw(st.integers(1, 2)), draw(st.integers(2, 3)), draw(st.integers(1, 3))
    xs = [[draw(rationals) for _ in range(d_in)] for _ in range(n)]
    ys = [[draw(rationals) for _ in range(d_out)] for _ in range(n)]  # no Assumption 2: it is superfluous
    rho = [draw(rationals) * 10 ** draw(st.integers(0, 5)) for _ in range(d_out * (d_in + 1))]
    return xs, ys, rho


@given(problems())
def test_hessian_operator_norm_is_at_most_m_without_assumption_2(problem):
    xs, ys, rho = problem
    m = sum((abs(sum(y)) * (1 + sum(v * v for v in x)) for x, y in zip(xs, ys)), Fraction(0))
    with mpmath.workdps(50):
        norm = mirror.operator_norm(mirror.hessian("cross_entropy", rho, xs, ys))
        assert norm <= mpmath.mpf(m.numerator) / m.denominator + mpmath.mpf(10) ** -40


def _psd_step():
    return next(s for s in registry.get_claim(CID).steps if s.label == "softmax_curvature_psd")


def test_softmax_curvature_sides_come_from_different_sources():
    """Left: SymPy's Hessian of log-sum-exp (a lazy computation); right: the formula 1/2 sum p_j p_k (v_j - v_k)^2."""
    step = _psd_step()
    assert callable(step.lhs) and not callable(step.rhs)
    assert step.run().ok
    assert not dataclasses.replace(step, lhs=step.rhs).run().ok  # the printed side for the computed one: vacuous


@pytest.mark.parametrize("half", [sympy.Integer(1)])
def test_softmax_curvature_rejects_a_wrong_printed_value(half):
    from proofs.cooper.thm_15 import softmax_spread

    assert not dataclasses.replace(_psd_step(), rhs=softmax_spread(half)).run().ok


def test_one_class_step_can_fail():
    step = next(s for s in registry.get_claim(CID).steps if s.label == "one_class_loss_is_zero")
    assert step.run().ok and not any(m.run().ok for m in step.mutants())
