r"""Cooper's subquadratic corollary: the exact quadratic-bound check at its tightest b and the steps the paper
does not print (written against the mutation benchmark; direct calls, no whole claim)."""

from __future__ import annotations

import sympy as sp

from proofs import registry
from proofs.cooper import corollary_subquadratic as cs
from symbolic import network as net


def test_the_quadratic_bound_holds_at_the_tightest_b_for_cross_entropy():
    # b = 2A/G_2 (slack 0): h = t^2/2, g = 50 (t^2 + 1)/81, so a + b g = 1 + (t^2 + 1) > t^2/2 for every t
    result = cs.quadratic_bound_holds("cross_entropy", slack=0)
    assert result.ok and result.detail.startswith("|H_entry(t)| <= 1 + 81/50 ||grad L(t)||^2")
    h, g = (net.at_activation(v, "tanh") for v in cs._pair("cross_entropy"))
    assert all(abs(h.subs(net.T, t)) <= 1 + sp.Rational(81, 50) * g.subs(net.T, t) for t in (0, 1, -3, 10**6))


def test_the_exactly_quadratic_check_is_the_projects_not_the_papers():
    steps = {s.label: s for s in registry.get_claim(cs.ID).steps}
    assert steps["quadratic_l_not_excluded_by_ray"].reading == "exactly_quadratic"
    assert not steps["quadratic_l_not_excluded_by_ray"].printed  # the reading is "not argued anywhere in the paper"


# ---------------------------------------------------------------- the exact power-law check and the t* search

from fractions import Fraction  # noqa: E402

import pytest  # noqa: E402

from proofs.errors import BadInput  # noqa: E402
from proofs.values import parse_settings  # noqa: E402

T = net.T


def test_the_power_law_check_is_strict_at_equality():
    """|h| = a + b g^(alpha/2) is no violation of l: h = 2t^2, g = t^2, a = b = alpha = 1 give 2 = 1 + 1 at t = 1
    (a check with >= would call it one), and 8 > 1 + 2 at t = 2; the shown sides are those values."""
    one = Fraction(1)
    at_1 = cs.power_violation(2 * T**2, T**2, one, one, one, 1)
    assert (at_1.lhs, at_1.rhs, at_1.holds) == ("|H_entry(t*)| = 2", "1 + 1*(1)^(1/2)", False)
    at_2 = cs.power_violation(2 * T**2, T**2, one, one, one, 2)
    assert (at_2.lhs, at_2.rhs, at_2.holds) == ("|H_entry(t*)| = 8", "1 + 1*(4)^(1/2)", True)


def test_the_power_law_check_needs_both_terms_of_l():
    """|h| > a alone is not enough: h = -4t^2 (|h| is what counts), g = t^2, a = 1, b = 3, alpha = 1 at t = 1:
    |h| = 4 > 1 but 4 = 1 + 3 is no excess; with b = 0 the same point is a violation (4 > 1)."""
    check = cs.power_violation(-4 * T**2, T**2, Fraction(1), Fraction(3), Fraction(1), 1)
    assert check.lhs == "|H_entry(t*)| = 4" and not check.holds
    assert cs.power_violation(-4 * T**2, T**2, Fraction(1), Fraction(0), Fraction(1), 1).holds


@pytest.mark.parametrize("h, g", [(sp.sqrt(2) * T**2, T**2), (T**2, sp.sqrt(2) * T**2)])
def test_the_exact_check_refuses_an_irrational_coefficient_on_either_side(h, g):
    """sigma'(c), sigma''(c) irrational make H_entry or ||grad L||^2 irrational in t: no exact check, BadInput."""
    with pytest.raises(BadInput, match="rational sigma'"):
        cs.power_violation(h, g, Fraction(1), Fraction(1), Fraction(1), 1)


def test_large_values_are_shown_by_their_leading_digits_and_bit_count():
    """Up to 3000 bits a value is shown exactly; past that, 20 digits and its size (Python cannot print it)."""
    assert cs._shown(Fraction(2**2999, 3)) == f"{2**2999}/3"
    assert cs._shown(Fraction(2**3000 + 1, 3)) == "4.1007730738703905898e+902 (exact rational of 3001 bits)"


def test_the_float_estimate_of_the_first_k_is_exact_at_a_power_of_two():
    """h = t^2, g = t^2, a = 0, alpha = 1, b = 2^100: the violation t^2 > 2^100 t first holds at k = 101 (at k = 100
    it is an equality, exact in floating point): found by doubling from 128 and bisection. A first k <= 63 gives 0
    (construct then checks every k exactly); k = 64 is the first one the bisection returns."""
    zero, one = Fraction(0), Fraction(1)
    assert cs.first_k_estimate(T**2, T**2, zero, Fraction(2**100), one) == 101
    assert cs.first_k_estimate(T**2, T**2, zero, Fraction(2**63), one) == 64
    assert cs.first_k_estimate(T**2, T**2, zero, Fraction(2**62), one) == 0
    # rational coefficients: t^2/2^100 > t and t^2 > 2^150 (t^2/2^100)^(1/2) both first hold at t = 2^101
    assert cs.first_k_estimate(T**2 / 2**100, T**2, zero, one, one) == 101
    assert cs.first_k_estimate(T**2, T**2 / 2**100, zero, Fraction(2**150), one) == 101
    # and where ||grad L||^2 < 1 (t^2/2^400 at t = 2^101): t^2/2^300 > t/2^200 first at t = 2^101
    assert cs.first_k_estimate(T**2 / 2**300, T**2 / 2**400, zero, one, one) == 101
    assert cs.first_k_estimate(T**2, T**2, zero, Fraction(2**300), one) == 301


def test_the_float_estimate_gives_up_past_max_k():
    """b = 2^40000: no k up to the bound; the estimate says MAX_K + 1 (and construct refuses)."""
    assert cs.first_k_estimate(T**2, T**2, Fraction(0), Fraction(2**40000), Fraction(1)) == cs.MAX_K + 1


def test_the_search_reaches_exactly_k_max(monkeypatch):
    """The search covers k <= MAX_K: with h = t^2/2^10000, g = t^2, a = 0, alpha = 1, |h| > b g^(1/2) iff
    t > 2^10000 b; at b = 2^9999 the first t* is 2^20000, the last allowed (at k = 19999 it is an equality)."""
    monkeypatch.setattr(cs, "_case_pair", lambda p: (T**2 / 2**10000, T**2))
    assert cs.construct({"a": 0, "b": 2**9999, "alpha": 1}) == 2**cs.MAX_K


def test_an_equality_at_k_max_is_refused_by_the_exact_check(monkeypatch):
    """h = g = t^2, a = 0, alpha = 3/2, b = 2^10000: t^2 = b t^(3/2) exactly at k = 20000, which the 30-digit
    estimate takes for a violation; the exact check refuses every k <= MAX_K and says so (no t* = 2^20001)."""
    monkeypatch.setattr(cs, "_case_pair", lambda p: (T**2, T**2))
    with pytest.raises(BadInput, match="no t\\* = 2\\^k with k <= 20000 where the exact check passes"):
        cs.construct({"a": 0, "b": 2**10000, "alpha": Fraction(3, 2)})
    with pytest.raises(BadInput, match="t\\* would exceed 2\\^20000"):
        cs.construct({"a": 0, "b": 2**10001, "alpha": Fraction(3, 2)})


@pytest.mark.parametrize("settings", [["a=-1"], ["b=-1"], ["alpha=-1/2"], ["alpha=2"], ["alpha=1/65"]])
def test_constants_outside_a_subquadratic_power_law_are_refused(settings):
    """l(u) = a + b u^alpha needs a, b >= 0, 0 <= alpha < 2, and alpha's denominator <= 64 (the check's power 2q)."""
    claim = registry.get_claim(cs.ID)
    with pytest.raises(BadInput):
        cs._constants(parse_settings(claim, settings))


def test_the_boundary_constants_are_accepted():
    """a = b = alpha = 0 (l constant 0) and alpha = 127/64 (denominator exactly 64) are subquadratic power laws."""
    claim = registry.get_claim(cs.ID)
    assert cs._constants(parse_settings(claim, ["a=0", "b=0", "alpha=0"])) == (0, 0, 0)
    assert cs._constants(parse_settings(claim, ["alpha=127/64"]))[2] == Fraction(127, 64)


def test_depth_1_satisfies_the_weakened_hypothesis():
    """A1 is weakened to depth >= 1 (the shifted-ray argument): depth 1 is accepted, depth 0 refused."""
    from proofs.errors import AssumptionViolated

    claim = registry.get_claim(cs.ID)
    assert parse_settings(claim, ["depth=1"])["depth"] == 1
    with pytest.raises(AssumptionViolated):
        parse_settings(claim, ["depth=0"])


def test_one_class_cross_entropy_has_no_witness_and_says_why(capsys):
    """d_out = 1 with cross-entropy: the entry has no t^2 term; the witness is refused (exit 2) naming b >= 2."""
    from proofs.cli import main

    assert main(["witness", cs.ID, "--set=loss=cross_entropy", "--set=d_out=1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no t^2 term" in err and "b = d_out >= 2" in err


def test_the_quadratic_bound_fails_when_b_is_below_the_ratio_of_leading_coefficients():
    """Cross-entropy, h = t^2/2, g = 50 (t^2 + 1)/81: with slack -1, b = 81/50 - 1 = 31/50 < A/G_2 = 81/100, so
    h <= a + b g fails for large t (b G_2 - A < 0); a check of the side -h <= a + b g alone would pass."""
    result = cs.quadratic_bound_holds("cross_entropy", slack=-1)
    assert not result.ok
    assert result.detail == "|H_entry(t)| <= 1 + 31/50 ||grad L(t)||^2 for every real t (tanh, cross_entropy)"


def test_the_search_starts_at_t_1_for_small_constants(monkeypatch):
    """The first t* = 2^k is returned, k = 0 included: h = g = t^2, a = 0, alpha = 1: t^2 > t/2 already at t = 1;
    t^2 > t first at t = 2 (an equality at t = 1)."""
    monkeypatch.setattr(cs, "_case_pair", lambda p: (T**2, T**2))
    assert cs.construct({"a": 0, "b": Fraction(1, 2), "alpha": 1}) == 1
    assert cs.construct({"a": 0, "b": 1, "alpha": 1}) == 2


def test_the_limit_steps_points_are_the_mirrors_activations():
    """The limit is checked at (sigma'(c), sigma''(c)) = (1, 0) and (1/2, 1/4), and the mirror evaluates the catalogue
    activation with those values: tanh and softplus_shifted. A point that is no activation's (e.g. (2, 0), still
    mapped to tanh) would compare the formula at one activation with the mirror at another."""
    from symbolic.activations import activation, values_at_c

    assert len(set(cs.BY_VALUES.values())) == len(cs.BY_VALUES) == 2
    for (first, second), name in cs.BY_VALUES.items():
        assert values_at_c(activation(name)) == (0, first, second)


def test_the_limits_mirror_evaluates_only_a_point_both_of_whose_values_name_an_activation():
    r"""The mirror picks the activation whose sigma'(c) AND sigma''(c) are the point's.  Both catalogue points
    approach the limit n d_out / (2 c_l S^2) at t = 10^12 (the limit does not involve sigma); a point agreeing with an
    activation in one value only -- (1/2, 1/2), SiLU's values, shares sigma'(0) = 1/2 with softplus_shifted, (1, 1/4)
    and (2, 0) share one value with tanh -- names none and is refused (StopIteration), never evaluated as that
    activation (which an ``or`` of the two comparisons would do)."""
    from symbolic.activations import SIGMA_1, SIGMA_2

    ratio = cs._mirror("l2")
    limit = cs.expected_ratio("l2", cs._limit_data("l2"))
    for s1, s2 in cs.BY_VALUES:
        assert abs(ratio({SIGMA_1: s1, SIGMA_2: s2}, 10**12) - limit) < sp.Float("1e-9") * limit
    for s1, s2 in ((sp.Rational(1, 2), sp.Rational(1, 2)), (1, sp.Rational(1, 4)), (2, 0)):
        with pytest.raises(StopIteration):
            ratio({SIGMA_1: s1, SIGMA_2: s2}, 10**6)
