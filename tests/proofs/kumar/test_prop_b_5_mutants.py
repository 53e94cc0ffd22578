r"""Kumar Prop. B.5 (written against the mutation benchmark): ``derive`` refuses a non-positive alpha, lambda or
eps itself, also when called directly (from Python, without the command line's parameter check); A1 refuses
gamma = 0 and gamma = 1 (0 < gamma < 1 strictly)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from proofs.errors import AssumptionViolated
from proofs.kumar.prop_b_5 import theorem

DEFAULTS = {"alpha": Fraction(1, 100), "lam": Fraction(1), "eps": Fraction(1, 10**8), "gamma": Fraction(99, 100),
            "convention": "paper"}


@pytest.mark.parametrize("name,value", [("alpha", 0), ("lam", 0), ("eps", 0), ("eps", Fraction(-1, 10**8))])
def test_derive_called_directly_refuses_a_non_positive_setting(name, value):
    r"""eps = 0 would print the limit step alpha (no deviation at all) and lambda = 0 would divide by zero: the
    function refuses them with the assumption they break (A2), whoever calls it."""
    with pytest.raises(AssumptionViolated) as raised:
        theorem().derive({**DEFAULTS, name: Fraction(value)})
    assert raised.value.assumption == "A2"


def test_derive_at_the_defaults_gives_the_first_order_step():
    # paper convention: s = alpha (1 - eps/(2 lambda^2)) to first order; with eps = 1e-8, lambda = 1
    out = theorem().derive(dict(DEFAULTS))
    assert out["first_order"] == str(Fraction(1, 100) * (1 - Fraction(1, 2 * 10**8)))


@pytest.mark.parametrize("convention", ["paper", "pytorch"])
def test_the_limit_steps_are_taken_of_the_step_size_at_gamma_1_over_1_plus_h(convention):
    r"""gamma = 1/(1+h), h > 0, covers every gamma in (0, 1): the paper's gamma = 0.99 is h = 1/99.  Each
    convention's limit step must be the limit of *its* step size at that gamma (a parametrization 1/(2+h) would
    only reach gamma < 1/2, and the numeric cross-check at h = 1/99 would be at gamma = 99/199)."""
    import sympy as sp

    from proofs.kumar import prop_b_5
    from symbolic import optimizers as o

    step = next(s for s in prop_b_5._steps() if s.label == f"limit_step_{convention}")
    at = {o.k: 3, o.alpha: sp.Rational(1, 100), o.lam: 1, o.eps: sp.Rational(1, 10**8)}
    expected = o.rmsprop_step_size(o.k, convention).subs(o.gamma, sp.Rational(99, 100)).subs(at)
    assert sp.simplify(step.expr.subs(prop_b_5.h, sp.Rational(1, 99)).subs(at) - expected) == 0


def test_the_half_x_bound_is_checked_on_the_relative_error_polynomial_at_x_2y_over_1_plus_y():
    r"""``relative_error_at_most_half_x`` proves x^2(3-x)/4 >= 0 at x = 2y/(1+y), y >= 0 (all of [0, 2)); that
    expression must be 1 - (1 - x/2)^2 (1 + x) itself, the relative error the bound is about, or its sign shows
    nothing (x^2/(3-x), x^3(3-x) or x = 3y/(1+y) are as nonnegative).  By hand: y = 1 is x = 1, error
    1 - (1/4)(2) = 1/2; y = 3 is x = 3/2, error 1 - (1/16)(5/2) = 27/32; y = 0 is x = 0, error 0."""
    import sympy as sp

    from proofs.kumar import prop_b_5

    step = next(s for s in prop_b_5._steps() if s.label == "relative_error_at_most_half_x")
    x, y = prop_b_5.x, prop_b_5.y
    error = (1 - (1 - x / 2) ** 2 * (1 + x)).subs(x, 2 * y / (1 + y))
    assert sp.simplify(step.lhs - error) == 0
    assert [step.lhs.subs(y, v) for v in (0, 1, 3)] == [0, sp.Rational(1, 2), sp.Rational(27, 32)]


def test_the_step_ratio_has_the_right_value_in_each_convention():
    r"""By hand: paper lambda/sqrt(lambda^2+eps) at lambda^2 = eps is 1/sqrt(2); PyTorch lambda/(lambda+eps) at
    lambda = eps is 1/2.  Rejects a swapped convention, a lost square (l/(l+e) for both) or eps outside the root."""
    import sympy as sp

    from proofs.kumar.prop_b_5 import effective_step_ratio, exact_step_ratio

    e = Fraction(1, 10**8)
    assert exact_step_ratio(Fraction(1, 10**4), e) == sp.sqrt(2) / 2
    assert exact_step_ratio(e, e, "pytorch") == sp.Rational(1, 2)
    assert exact_step_ratio(Fraction(1, 2), Fraction(1, 4), "pytorch") == sp.Rational(2, 3)
    assert exact_step_ratio(Fraction(3, 4), Fraction(7, 16)) == sp.Rational(3, 4)  # 3/4 / sqrt(9/16 + 7/16)
    half = effective_step_ratio(e, e, "pytorch")
    assert half.contains(0.5) and half.rad() < 1e-30
    three_quarters = effective_step_ratio(Fraction(3, 4), Fraction(7, 16))
    assert three_quarters.contains(0.75) and three_quarters.rad() < 1e-30


def test_gamma_power_check_accepts_the_true_range_only():
    r"""0.99^1000 = 4.3171e-5: inside [4.31e-5, 4.32e-5], outside [4.31e-4, 4.32e-4] and outside a range it only
    touches from above ([4.3172e-5, 4.4e-5]).  Rejects an inverted verdict or a missing counterexample."""
    from proofs.kumar.prop_b_5 import _gamma_power

    good = _gamma_power("4.31e-5", "4.32e-5")
    assert good.ok and good.counterexample is None and good.values["ball"].startswith("[4.31712e-5 +/-")
    assert good.detail.startswith("0.99^1000 = [4.31712e-5 +/-") and good.detail.endswith("in [4.31e-5, 4.32e-5]: True")
    for lo, hi in (("4.31e-4", "4.32e-4"), ("4.3172e-5", "4.4e-5"), ("4.0e-5", "4.3171e-5")):
        bad = _gamma_power(lo, hi)
        assert not bad.ok and "outside the printed range" in bad.counterexample


def test_irrespective_passes_at_large_lambda_and_names_the_first_failing_lambda():
    r"""At eps = 1e-8: lambda = 1 and 100 give s/alpha within 1e-8 of 1 (pass); lambda = 1e-4 gives 1/sqrt(2) in
    the paper convention, which fails first, with the exact ratio sqrt(2)/2 as the referee's detail.  A tolerance
    of 0.3 (> 1 - 1/sqrt 2) lets lambda = 1e-4 pass too but not 1e-6 (ratio about 0.01)."""
    import sympy as sp

    from proofs.kumar.prop_b_5 import _irrespective

    assert _irrespective(Fraction(1, 100), [Fraction(1), Fraction(100)]).ok
    bad = _irrespective(Fraction(1, 100), [Fraction(1), Fraction(1, 10**4), Fraction(1, 10**6)])
    assert not bad.ok and bad.values["convention"] == "paper" and bad.values["exact_ratio"] == sp.sqrt(2) / 2
    assert abs(bad.values["ratio_mid"] - 0.70710678) < 1e-6 and "lambda = 1/10000" in bad.detail
    assert bad.detail.startswith("paper: s/alpha = [0.707107 +/-")  # six digits, as the review prints
    assert {str(k): sp.sympify(v).doit() for k, v in bad.values["point"].items()} == {
        "lambda": sp.Rational(1, 10**4), "epsilon": sp.Rational(1, 10**8)}
    assert _irrespective(Fraction(3, 10), [Fraction(1, 10**4)]).ok
    worse = _irrespective(Fraction(3, 10), [Fraction(1, 10**4), Fraction(1, 10**6)])
    assert not worse.ok and worse.values["exact_ratio"] == sp.sqrt(10001) / 10001
    # a tolerance below lambda = 1's own deviation eps/2 = 5e-9 fails it
    assert not _irrespective(Fraction(1, 10**20), [Fraction(1)]).ok


@pytest.mark.parametrize("conv,step,first,bound,ratio,decimal", [
    ("paper", "sqrt(2)/200", str(Fraction(1, 200)), "1/2", "0.70710678118654752440 +/-",
     "0.00707106781186547524400844362105"),  # 30 significant digits, 20 in the ratio
    ("pytorch", "100/10001", str(Fraction(9999, 1000000)), "1/10000", "0.99990000999900009999 +/-",
     "0.00999900009999000099990000999900"),
])
def test_derive_at_lambda_1e_4_by_hand(conv, step, first, bound, ratio, decimal):
    r"""lambda = 1e-4, eps = 1e-8, alpha = 1/100: paper s = alpha/sqrt(2), first order alpha(1 - 1/2), bound
    eps/(2 lambda^2) = 1/2; PyTorch s = alpha lambda/(lambda + eps) = 100/10001, first order alpha(1 - 1e-4), bound
    eps/lambda.  Rejects a swapped convention, eps/lambda^2 without the 2, or a lost alpha."""
    out = theorem().derive({**DEFAULTS, "lam": Fraction(1, 10**4), "convention": conv})
    assert out["convention"] == conv and out["limit_step"] == step and out["first_order"] == first
    assert out["relative_deviation_bound"] == bound and out["step_over_alpha"].startswith("[" + ratio)
    assert out["limit_step_decimal"] == decimal


@pytest.mark.parametrize("gamma,refused", [("0", True), ("1", True), ("-1/2", True), ("3/2", True),
                                           ("1/100", False), ("99/100", False)])
def test_the_gamma_hypothesis_is_the_open_interval_0_1(gamma, refused):
    r"""A1 is 0 < gamma < 1 strictly at both ends: gamma = 0 (v keeps no memory: no running average) and gamma = 1 (v stays 0, A1's
    necessity witness) are refused when parsed, naming A1; 1/100 and 99/100 are admitted.  Rejects a hypothesis
    0 <= gamma or gamma <= 1."""
    from proofs import registry
    from proofs.values import parse_settings

    claim = registry.get_claim("kumar.prop_b_5")
    if refused:
        with pytest.raises(AssumptionViolated) as raised:
            parse_settings(claim, [f"gamma={gamma}"])
        assert raised.value.assumption == "A1"
    else:
        assert parse_settings(claim, [f"gamma={gamma}"])["gamma"] == Fraction(gamma)


def test_settings_without_gamma_break_no_hypothesis():
    r"""derive does not use gamma: settings that leave it out (a caller validating only alpha, lambda, eps) break
    neither A1 nor A2."""
    from proofs import registry

    assert registry.get_claim("kumar.prop_b_5").validate({"alpha": Fraction(1, 100), "lam": Fraction(1),
                                                         "eps": Fraction(1, 10**8)}) is None


def test_the_irrespective_tolerance_is_strict_at_an_exact_ratio():
    r"""|s_inf/alpha - 1| < tolerance is strict.  At lambda = 0 the ratio is exactly 0 (an Arb ball of radius 0), so
    |ratio - 1| = 1: a tolerance of exactly 1 is not met (the paper convention is reported first), 2 is.  Rejects
    '<=', which admits the exact boundary."""
    from proofs.kumar import prop_b_5 as b5

    at_boundary = b5._irrespective(Fraction(1), [Fraction(0)])
    assert not at_boundary.ok and at_boundary.detail == "paper: s/alpha = 0 at lambda = 0"
    assert b5._irrespective(Fraction(2), [Fraction(0)]).ok
