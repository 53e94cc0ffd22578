r"""Cooper Theorem 15: the softmax weights ``derive`` prints (written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from proofs import registry
from proofs.values import parse_settings

CID = "cooper.thm_15"


def test_derive_prints_softmax_weights_that_sum_to_1_and_are_uniform_at_0():
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["n=1", "d_in=1", "d_out=2", "xs=[[2]]", "ys=[[0.5, 0.5]]"]))
    weights = {name: sp.sympify(text) for name, text in out["softmax_weights"].items()}
    assert set(weights) == {"p_1_1", "p_1_2"}
    assert sp.simplify(weights["p_1_1"] + weights["p_1_2"]) == 1
    at_zero = {s: 0 for w in weights.values() for s in w.free_symbols}
    assert [w.subs(at_zero) for w in weights.values()] == [sp.Rational(1, 2)] * 2


def test_only_the_papers_steps_are_marked_printed():
    r"""The JSON review's ``printed`` says which steps are the paper's own: the sandwich argument the project
    adds (J J^T = (1+|x|^2) I, the softmax curvature bounds) is not, so a failure there could never be reported
    as an erratum of the paper."""
    from proofs.cooper import thm_15

    printed = {s.label for s in thm_15.theorem().steps if s.printed}
    assert printed == {"logits_linear_in_parameters", "logit_hessian_zero", "loss_rewritten_with_assumption_2",
                       "gradient_31", "hessian_as_printed_32", "softmax_weight_at_most_one", "hessian_bounded_by_m",
                       "m_smooth_of_bounded_hessian"}


# ---------------------------------------------------------------- the witnesses and the wrong m, at their edges

from fractions import Fraction  # noqa: E402

from proofs.cooper import thm_15 as t15  # noqa: E402


def test_the_data_witness_needs_an_entry_strictly_above_m():
    """x = 2, y = (1, 0): (HL(0))_11 = x^2/4 = 1, which equals m = 1: no data with ||HL(0)|| > m yet."""
    check = t15._entry_exceeds_m({"m": Fraction(1)}, ([[Fraction(2)]], [[Fraction(1), Fraction(0)]]))
    assert check.lhs == "(HL(0))_11 = 1 <= ||HL(0)||_op" and check.rhs == "m = 1" and not check.holds


def test_the_data_witness_is_the_smallest_even_input_that_works():
    """x = 2(floor(sqrt m) + 1): the smallest even x with x^2/4 > m (at a square m = 4, x = 4 gives only 4 = m)."""
    for m in (1, 2, 4, 10**12):
        ((x,),), ys = t15._data_for_m({"m": Fraction(m)})
        assert ys == [[1, 0]] and x % 2 == 0 and x * x / 4 > m >= (x - 2) ** 2 / 4
        assert t15._entry_exceeds_m({"m": Fraction(m)}, ([[x]], ys)).lhs == f"(HL(0))_11 = {x * x / 4} <= ||HL(0)||_op"
    assert t15._data_for_m({"m": Fraction(4)})[0] == [[6]]


def test_an_m_just_below_the_norm_at_0_fails_at_rho_0():
    """The wrong m = floor(1000 ||HL(0)||)/1000 - 1/1000 is exceeded at the first point, rho = 0, by the ratio
    1.00026777441965 (mirror eigenvalues); the failure names that point and m."""
    result = t15._norm_below(t15._just_below_norm_at_zero)
    assert not result.ok and result.detail == "||HL(rho)||_op > 2183/500 at point 0"
    assert result.values["rho"] == (0,) * 9 and result.values["bound"] == Fraction(2183, 500)
    assert str(result.values["ratio"]).startswith("1.0002677744196")


def test_the_explicit_m_of_the_default_data():
    """m = sum_m |s_m| (1 + ||x_m||^2) = 1 (1 + 5) + 1 (1 + 37/4) = 65/4 (rows of y sum to 1)."""
    assert t15._m_of(*t15._default_frac()) == Fraction(65, 4)
    assert t15._m_of([[Fraction(1)]], [[Fraction(-2), Fraction(1, 2)]]) == 3  # |s| = 3/2, 1 + x^2 = 2


def test_a_bound_equal_to_the_largest_norm_is_not_exceeded():
    """The step checks ||HL(rho)||_op <= m, not <: with m the largest norm itself (at rho = 0, 4.36716910311620...,
    computed at the same 50 digits) the ratio is exactly 1, and m is accepted."""
    import mpmath

    from numeric import linear_model as mirror

    xs, ys = t15._default_frac()
    with mpmath.workdps(50):
        top = mirror.operator_norm(mirror.hessian("cross_entropy", [0] * 9, xs, ys))
    result = t15._norm_below(lambda xs, ys: top)
    assert result.ok and " = 1.0 at 10 points" in result.detail
