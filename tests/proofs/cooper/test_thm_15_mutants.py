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


# ---------------------------------------------------------------- brief G6: the helpers behind the steps, on tiny inputs

import mpmath  # noqa: E402

from symbolic import linear_model as lm  # noqa: E402


def test_rationals_go_between_fractions_and_sympy_exactly():
    assert t15._q(Fraction(-3, 4)) == sp.Rational(-3, 4) and t15._q(7) == 7 and t15._q(Fraction(5)) == 5
    assert t15._fr(sp.Rational(-5, 3)) == Fraction(-5, 3) and t15._fr(sp.Integer(4)) == Fraction(4)


def test_the_random_instances_have_the_seeds_sizes_and_rho():
    r"""seed 1: d_in 2, d_out 3, n 2, rho_i = ((5 + 11 i) mod 17 - 8)/4 * 10; seed 2: d_in 1, d_out 2, n 3, * 100."""
    xs, ys, rho = t15._random_instance(1)
    assert (len(xs), len(xs[0]), len(ys[0]), len(rho)) == (2, 2, 3, 9)
    assert rho[:3] == [Fraction(-15, 2), Fraction(20), Fraction(5)] and rho[-1] == 0
    xs, ys, rho = t15._random_instance(2)
    assert (len(xs), len(xs[0]), len(ys[0])) == (3, 1, 2) and rho == [50, -100, 175, 25]
    assert all(sum(y) == 1 for y in ys)


def test_the_mirror_points_take_every_other_row_of_each_hessian():
    assert t15._mirror_points() == [(1, 0, 1), (1, 2, 5), (1, 4, 0), (1, 6, 4), (1, 8, 8), (2, 0, 2), (2, 2, 2)]


def test_a_closed_form_entry_equals_the_mirrors():
    closed = t15._closed_entry((1, 0, 1))
    mirrored = t15._mirror_hessian(1)[0][1]
    with mpmath.workdps(40):
        assert abs(mpmath.mpf(sp.N(closed, 40)) - mirrored) < mpmath.mpf(10) ** -30 * abs(mirrored)
        assert abs(mirrored) > 0


def test_the_depth_2_contrast_needs_an_entry_strictly_above_m():
    r"""(HL)_(b^2_1, b^2_1)(rho(t)) = t^2 / 4: at m = 1, t = 2 gives exactly 1 (not > m), t = 4 gives 4."""
    at_2, at_4 = (t15._contrast({"m": Fraction(1)}, Fraction(t)) for t in (2, 4))
    assert at_2.lhs == "(HL)_(b^2_1,b^2_1)(rho(t)) at t=2: 1" and at_2.rhs == "m = 1" and not at_2.holds
    assert at_4.lhs.endswith("at t=4: 4") and at_4.holds


def test_assumption_2_holds_when_every_row_of_y_sums_to_1_or_no_y_is_given():
    assert t15._a2_holds({}) and t15._a2_holds({"ys": None})
    assert t15._a2_holds({"ys": [[Fraction(1, 4), Fraction(3, 4)], [1, 0]]})
    assert not t15._a2_holds({"ys": [[Fraction(1, 4), Fraction(3, 4)], [1, 1]]})


def test_sigma_is_absent_at_depth_0_and_present_at_depth_1():
    absent, present = t15._sigma_absent(), t15._sigma_at_depth_one()
    assert absent.ok and absent.detail == "composition (7) with l = 0: sigma never appears"
    assert not present.ok and present.detail == "depth 1 applies sigma"


def test_the_two_class_loss_is_not_zero_and_the_one_class_loss_is():
    r"""One class: L = 0. The step's wrong version, two classes with y_2 = 1 - y_1, is
    -y_1 f_1 - (1 - y_1) f_2 + log(e^{f_1} + e^{f_2}), f_k = b_k + w_k1 x."""
    one = t15.loss_identically_zero([[t15._Y1]])
    assert one.ok and one.detail == "L simplifies to 0"
    step = next(s for s in t15._steps() if s.label == "one_class_loss_is_zero")
    (two,) = (m.run() for m in step.mutants())
    assert not two.ok and two.detail.startswith("L simplifies to ")
    f1, f2 = lm.output(t15._XS[0], 2)
    want = -t15._Y1 * f1 - (1 - t15._Y1) * f2 + sp.log(sp.exp(f1) + sp.exp(f2))
    names = {s.name: s for s in want.free_symbols}
    assert sp.expand(sp.sympify(two.detail[len("L simplifies to "):], locals=names) - want) == 0


def test_the_quadratic_form_writes_exponentials_of_the_logits_as_E_k():
    r"""v^T A v (v^T a for a column), e^{f_k} -> E_k, e^{2 f_1} -> E_1^2; an exponential of anything else stays."""
    E1, E2 = sp.Symbol("E_1", positive=True), sp.Symbol("E_2", positive=True)
    v = t15._V
    f1, f2 = lm.output(t15._XS[0], 2)
    assert t15._form(sp.Matrix([sp.exp(f1), sp.exp(2 * f2), 0, 0])) == v[0] * E1 + v[1] * E2**2
    assert t15._form(sp.Matrix([sp.exp(t15._X), 0, 0, 0])) == v[0] * sp.exp(t15._X)
    assert sp.expand(t15._form(sp.diag(1, 2, 0, 0)) - v[0] ** 2 - 2 * v[1] ** 2) == 0


def test_the_claims_settings_and_their_defaults():
    claim = t15.theorem()
    assert [(p.name, p.default) for p in claim.parameters] == [("d_in", 2), ("d_out", 3), ("n", 2), ("xs", None),
                                                              ("ys", None), ("seed", 0), ("activation", None)]
    a1 = next(a for a in claim.assumptions if a.label == "A1")
    assert a1.holds({}) and a1.holds({"activation": "tanh"}) and not a1.holds({"activation": "relu"})


def test_derive_names_the_parameters_logits_and_their_count():
    r"""d_in = 1, d_out = 2, x = 2: parameters (w_11, w_21, b_1, b_2), logits b_k + 2 w_k1, d_out (d_in + 1) = 4 of them;
    the Hessian's (w_11, w_11) entry is x^2 p_1 (1 - p_1) = 4 p_11 - 4 p_11^2."""
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["n=1", "d_in=1", "d_out=2", "xs=[[2]]", "ys=[[0.5, 0.5]]"]))
    assert out["parameters"] == "[w_1_1, w_2_1, b_1, b_2]" and out["parameter_count"] == 4
    assert out["logits"] == "[[b_1 + 2*w_1_1, b_2 + 2*w_2_1]]"
    p11 = sp.Symbol("p_1_1")
    assert sp.expand(sp.sympify(out["hessian"])[0][0] - (4 * p11 - 4 * p11**2)) == 0


def test_mismatched_data_is_refused_with_the_claims_id():
    import pytest

    from proofs.errors import BadInput

    with pytest.raises(BadInput, match=r"^cooper\.thm_15: xs has 1 rows and ys 1, but n=2"):
        t15._data({"n": 2, "d_in": 1, "d_out": 2, "xs": [[1]], "ys": [[1, 0]], "seed": 0})


def test_the_explicit_m_bounds_the_hessian_with_room_to_spare():
    r"""With m = 65/4 the largest ||HL(rho)||_op / m over the ten points is 0.26874887 (at rho = 0), well below 1."""
    result = t15._norm_below(t15._m_of)
    assert result.ok and result.detail == ("max ||HL(rho)||_op / 65/4 = 0.26874887 at 10 points (rho = 0 and |rho| up "
                                           "to 1e6)")
    assert result.sample == {"points": 10, "dps": 50}


def test_the_declared_scopes_and_cases_of_the_added_steps():
    r"""The softmax-curvature identities are checked for three classes; the data-dependence witness at
    m = 1, 10^4, 10^12, 10^40; every assumption's check is the project's (not printed)."""
    steps = {s.label: s for s in t15._steps()}
    for label in ("softmax_curvature_psd", "softmax_curvature_below_identity"):
        assert steps[label].scope == {"classes": [3], "data": "symbolic p (or logits z), v"}, label
    assert [c["m"] for c in steps["m_depends_on_data"].cases] == [1, 10**4, 10**12, 10**40]
    checks = {a.label: a.necessity.check for a in t15._assumptions()}
    assert {label: (c.label, c.printed) for label, c in checks.items()} == {
        "A1": ("depth_zero_output_free_of_sigma", False), "A2": ("general_hessian_without_assumption_2", False),
        "A3": ("depth_two_cross_entropy_hessian_unbounded", False)}
    assert [c["m"] for c in checks["A3"].cases] == [1, 10**6, 10**12, 10**30]
