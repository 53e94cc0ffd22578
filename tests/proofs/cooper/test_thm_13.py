r"""Cooper Theorem 13 (depth 0, L2): the chain, bad inputs per assumption, the
closed-form Hessian against the mirror, and the paper's example sizes."""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given, strategies as st

from numeric import linear_model as mirror
from proofs import registry
from proofs.errors import AssumptionViolated, BadInput
from proofs.values import parse_settings
from symbolic import linear_model as lm

CID = "cooper.thm_13"


def test_chain_checks_with_the_any_L1_erratum():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert [e.step for e in report.errata] == ["l0_l1_smooth_for_any_L1"]
    point = {str(k): v for k, v in report.errata[0].values["point"].items()}  # the exact point the check used
    assert point["L_1"] == sp.Rational(-1, 2) and "L_1 = -1/2" in report.errata[0].counterexample
    necessity = {a.assumption.label: (a.assumption.necessity.verdict, a.result.ok) for a in report.assumptions}
    assert necessity == {"A1": ("superfluous", True), "A2": ("superfluous", True), "A3": ("necessary", True)}


@pytest.mark.parametrize("label, setting", [("A1", "activation=sigmoid"), ("A1", "activation=relu"),
                                            ("A2", "activation=elu")])
def test_activations_outside_each_assumption_are_rejected(label, setting):
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), [setting])
    assert info.value.assumption == label


@pytest.mark.parametrize("settings", [["n=3", "xs=[[1,2],[3,4]]", "ys=[[1,2,3],[4,5,6]]"], ["xs=[[1,2],[3,4]]"],
                                      ["n=0"], ["d_in=100"], ["xs=[[1],[2]]", "ys=[[1,2,3],[4,5,6]]"]])
def test_malformed_data_is_bad_input(settings):
    claim = registry.get_claim(CID)
    with pytest.raises(BadInput):
        claim.derive(parse_settings(claim, settings))


def test_derive_on_the_issue_example_prints_the_constant_hessian():
    claim = registry.get_claim(CID)
    params = parse_settings(claim, ["d_in=2", "d_out=3", "n=2", "xs=[[1,-2],[0.5,3]]", "ys=[[1,0,2],[0,1,-1]]"])
    quantities = claim.derive(params)
    json.dumps(quantities)
    assert quantities["m"] == "65/2"
    hessian = sp.Matrix(sp.sympify(quantities["hessian"]))
    assert hessian == lm.l2_hessian_closed_form([[1, -2], [sp.Rational(1, 2), 3]], 3)
    assert sp.N(sp.sympify(quantities["hessian_operator_norm"])) <= sp.Rational(65, 2)


rationals = st.fractions(min_value=-5, max_value=5, max_denominator=7)


@st.composite
def depth_zero_problems(draw):
    d_in, d_out, n = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    xs = [[draw(rationals) for _ in range(d_in)] for _ in range(n)]
    ys = [[draw(rationals) for _ in range(d_out)] for _ in range(n)]
    rho = [draw(rationals) * 10 ** draw(st.integers(0, 6)) for _ in range(d_out * (d_in + 1))]
    return xs, ys, rho


@given(depth_zero_problems())
@example(([[Fraction(1), Fraction(-2)], [Fraction(1, 2), Fraction(3)]], [[1, 0, 2], [0, 1, -1]], [Fraction(0)] * 9))
def test_closed_form_hessian_equals_the_exact_mirror_anywhere(problem):
    xs, ys, rho = problem
    closed = lm.l2_hessian_closed_form([[sp.Rational(v) for v in x] for x in xs], len(ys[0]))
    assert closed == sp.Matrix(mirror.hessian_exact("l2", rho, xs, ys))


@given(depth_zero_problems())
def test_operator_norm_of_mirror_hessian_is_at_most_m(problem):
    xs, ys, rho = problem
    m = lm.l2_smoothness_constant([[sp.Rational(v) for v in x] for x in xs])
    with mpmath.workdps(50):
        assert mirror.operator_norm(mirror.hessian("l2", rho, xs, ys)) <= mpmath.mpf(int(m.p)) / int(m.q) + mpmath.mpf(10) ** -40


@pytest.mark.parametrize("wrong", [
    lambda G, lam, D: (2 ** (D["n"] + 1) * G.subs(lam, lam / 2)) ** D["d_out"],      # n for d_in
    lambda G, lam, D: (2 ** (D["d_in"] + 1) * G.subs(lam, lam / 2)) ** D["d_in"],     # d_in for d_out
    lambda G, lam, D: (2 ** D["d_in"] * G.subs(lam, lam / 2)) ** D["d_out"],          # a wrong constant
])
def test_charpoly_identity_rejects_swapped_dimensions(wrong):
    """Checked at n = 5, d_in = 3, d_out = 2 (distinct), so a dimension put for another is rejected."""
    from proofs.cooper.thm_13 import _charpoly_lhs, _charpoly_rhs, charpoly_formula

    assert sp.expand(_charpoly_lhs() - _charpoly_rhs(charpoly_formula)) == 0
    assert sp.expand(_charpoly_lhs() - _charpoly_rhs(wrong)) != 0
