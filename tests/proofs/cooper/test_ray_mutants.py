r"""Cooper's ray configuration: the size bounds are enforced before anything is expanded (written
against the mutation benchmark; direct calls, so a bound that is not enforced fails here in
milliseconds instead of expanding a network of that size), and the exact witness check compares the right
squares; a formula's Assumption 1 report shows its exact 2-jet at c, and long expressions are cut for
the details."""

from __future__ import annotations

import pytest
import sympy as sp

from proofs.cooper import ray
from proofs.errors import BadInput


@pytest.mark.parametrize("name", sorted(ray.MAX_SIZES))
def test_each_size_bound_is_enforced(name):
    bound = ray.MAX_SIZES[name]
    ray.check_sizes({"n": 1, "d_in": 1, "d_out": 1, name: bound})  # at the bound: accepted
    with pytest.raises(BadInput, match=f"{name}={bound + 1} exceeds the bound"):
        ray.check_sizes({name: bound + 1})


def test_the_data_bound_counts_n_times_d_in_plus_d_out():
    n = ray.MAX_DATA // 128  # d_in = d_out = 64: n rows of 128 numbers
    ray.check_sizes({"n": n, "d_in": 64, "d_out": 64})
    with pytest.raises(BadInput, match=f"{(n + 1) * 128} data numbers exceed the bound {ray.MAX_DATA}"):
        ray.check_sizes({"n": n + 1, "d_in": 64, "d_out": 64})


def test_the_exact_violation_compares_squares():
    # |h(1)| = 1/2 > L0 + L1 sqrt(g(1)) = 2 sqrt(1/20) = 0.447...: (1/2)^2 = 1/4 > 2^2 / 20 = 1/5
    t = ray.net.T
    check = ray.violation(t / 2, t**2 / 20, sp.Integer(0), sp.Integer(2), sp.Integer(1))
    assert check.holds and check.lhs == "|H_entry(t*)| = 1/2" and check.rhs == "L0 + L1*||grad L(t*)|| = 0 + 2*sqrt(1/20)"
    assert not ray.violation(t / 2, t**2 / 16, sp.Integer(0), sp.Integer(2), sp.Integer(1)).holds  # 1/2 = 2 sqrt(1/16)


def test_a_formulas_report_shows_its_2_jet_at_c():
    # sigma(z) = (z - 1)(z + 3): 0 is no zero, so c = 1, with sigma(1) = 0, sigma'(1) = 4, sigma''(1) = 2
    # (what derive and witness print for --set activation=...)
    shown = ray.user_sigma((ray.Z - 1) * (ray.Z + 3)).report()
    assert (shown["c"], shown["sigma(c)"], shown["sigma'(c)"], shown["sigma''(c)"]) == ("1", "0", "4", "2")


def test_a_long_expression_is_cut_to_120_characters_and_marked():
    # the failure details of check_against_dimensions show huge expressions this way (no crash, no silent cut)
    text = ray.short(sum(sp.symbols("x_0:60")))
    assert len(text) == 123 and text.startswith("x_0 + x_1 + x_10") and text.endswith("...")
    assert ray.short(sp.Symbol("x") + 1) == "x + 1"  # short enough: unchanged


def test_a_text_of_exactly_the_limit_is_not_cut():
    """120 characters is within the limit (unchanged); 121 are cut to 120 and marked.  Rejects < for <=."""
    assert ray.short(sp.Symbol("a" * 120)) == "a" * 120
    assert ray.short(sp.Symbol("a" * 121)) == "a" * 120 + "..."


def test_assumption_1_of_the_catalogue_needs_a_c_and_a_kink_only_for_a_kinked_activation():
    # relu has a kink at 0 but no c (sigma = 0 on (-inf, 0], sigma' = 1 only where sigma > 0): A1 fails.
    # elu has c = 0 = its kink and no second derivative there: A1 holds (A2 is what fails).
    assert ray.activation_holds_a1({"activation": "relu"}) is False
    assert ray.activation_holds_a1({"activation": "elu"}) is True
    assert ray.activation_holds_a1({"activation": "sigmoid"}) is False  # no kink, no c


def test_a_scope_that_leaves_the_widths_to_the_default_shows_the_widths_that_run():
    # scope_of describes symbolic.network.scope(**spec): with no "widths" in the spec both use (1, 2).
    spec = {"depths": (3,), "d_ins": (1,), "d_outs": (1,)}
    shown = ray.scope_of(spec)
    uniform = sorted({a.widths[0] for a in ray.net.scope(**spec) if len(set(a.widths)) == 1})
    assert shown["widths"] == uniform == [1, 2]


def test_the_scope_checks_run_on_the_declared_number_of_data_points(monkeypatch):
    r"""``over_scope`` runs a check on symbolic data for every architecture of the declared scope, whose ``n``
    (shown to the referee by ``scope_of``) is 2: data of another size would prove something other than what the
    scope names."""
    seen = []
    monkeypatch.setattr(ray.net, "symbolic_data", lambda n, d_in, d_out: seen.append(n) or None)
    monkeypatch.setattr(ray.net, "derivatives_on_ray", lambda arch, data, loss: None)
    result = ray.over_scope(lambda arch, data, derivatives: None)
    assert result.ok and seen and set(seen) == set(ray.scope_of(ray.SCOPE)["n"]) == {2}
    assert {k for _, k in ray.scope_pairs()} == {2}


# ---------------------------------------------------------------- settings: defaults, bounds, refusals (brief H2)

from fractions import Fraction  # noqa: E402

from proofs.errors import AssumptionViolated  # noqa: E402
from proofs.steps import WitnessCheck  # noqa: E402

T = ray.net.T
TINY = {"depth": 1, "width": 1, "d_in": 1, "d_out": 1, "n": 1}


def test_a_missing_or_none_setting_takes_its_default_and_a_given_one_is_read_as_an_integer():
    """Rejects ``_int`` returning None, or reading a given value as missing."""
    assert ray._int({}, "n", 5) == 5 and ray._int({"n": None}, "n", 5) == 5 and ray._int({"n": "3"}, "n", 5) == 3


def test_the_deep_parameters_declare_the_hypotheses_as_lower_bounds_and_default_to_size_2():
    """Rejects a declared bound or default off by one: depth >= 0 (depth 0 is refused by the claim naming A5, not
    by the bounds), every other size >= 1, sizes 2 by default, L0, L1 >= 0 defaulting to 1."""
    params = {p.name: p for p in ray.deep_parameters()}
    assert {k: params[k].bounds for k in ray.MAX_SIZES} == {k: ((0 if k == "depth" else 1), b)
                                                             for k, b in ray.MAX_SIZES.items()}
    assert {params[k].default for k in ray.MAX_SIZES} == {2}
    assert params["activation"].default == "tanh" and params["seed"].default == 0
    assert (params["L0"].default, params["L0"].bounds, params["L1"].default, params["L1"].bounds) == (1, (0, None), 1, (0, None))


def test_the_data_bound_takes_the_missing_sizes_at_their_default_2():
    """n = 64, d_in = 62 with d_out missing (2) is exactly 4096 data numbers: at the bound, accepted; with d_in = 63
    it exceeds it.  Rejects a wrong default size in the data count, or a sum of sizes taken as a difference."""
    ray.check_sizes({"n": 64, "d_in": 62})
    with pytest.raises(BadInput, match="4160 data numbers"):
        ray.check_sizes({"n": 64, "d_in": 63})
    with pytest.raises(BadInput, match="4160 data numbers exceed the bound 4096"):
        ray.check_sizes({"n": 64, "d_in": 64, "d_out": 1})


def test_configuration_accepts_the_smallest_sizes_and_refuses_smaller_ones():
    """depth 0 and width = d_in = d_out = n = 1 are allowed (depth 0 is Theorem 13's case); width 0 or depth -1
    are refused with one BadInput each, even when the other is fine."""
    arch, data, sigma = ray.configuration({"depth": 0, "width": 1, "d_in": 1, "d_out": 1, "n": 1}, "l2")
    assert arch == ray.net.Architecture((), 1, 1) and len(data.xs) == 1 and sigma == "tanh"
    for bad in ({"width": 0}, {"depth": -1}, {"n": 0}, {"d_out": 0}):
        with pytest.raises(BadInput, match="depth >= 0 and width, d_in, d_out, n >= 1"):
            ray.configuration(bad, "l2")


def test_configuration_defaults_to_seed_0_data_and_tanh():
    """No settings: depth 2, width 2, d_in = d_out = n = 2, data seeded with 0, tanh.  Rejects another default
    seed or size, or ``params.get("activation") and "tanh"`` (no activation at all)."""
    arch, data, sigma = ray.configuration({}, "l2")
    assert arch == ray.net.architecture(2, 2, 2, 2) and sigma == "tanh" and ray.sigma_of({}) == "tanh"
    assert data == ray.net.seeded_data(2, 2, 2, 0, "l2") != ray.net.seeded_data(2, 2, 2, 1, "l2")


def test_configuration_reads_given_data_and_refuses_half_of_it_or_rows_of_the_wrong_length():
    """xs and ys given: the data are those rows (d_in = 2, d_out = 1 here); only one of them, a different count of
    rows, an xs or ys row of the wrong length or not a list: BadInput."""
    arch, data, _ = ray.configuration({"d_in": 2, "d_out": 1, "n": 2, "xs": [[1, 2], [3, 4]], "ys": [[5], [6]]}, "l2")
    assert data == ray.net.data_from_lists([[1, 2], [3, 4]], [[5], [6]]) and arch.d_in == 2
    with pytest.raises(BadInput, match="give both xs and ys"):
        ray.configuration({"xs": [[1, 2]]}, "l2")
    with pytest.raises(BadInput, match="give both xs and ys"):
        ray.configuration({"ys": [[1, 2]]}, "l2")
    base = {"d_in": 2, "d_out": 1}
    for xs, ys in (([[1, 2]], [[5], [6]]), ([[1, 2, 3]], [[5]]), ([[1, 2]], [[5, 6]]), ([(1, 2)], [[5]]), ([[1, 2]], [5])):
        with pytest.raises(BadInput, match="xs must be a list of rows"):
            ray.configuration({**base, "xs": xs, "ys": ys}, "l2")


def test_the_ray_quantities_refuse_cross_entropy_at_depth_0_only():
    """Rejects the refusal dropped, or extended to L2 at depth 0 or to cross-entropy at depth 1."""
    arch0 = ray.net.Architecture((), 1, 2)
    data = ray.net.seeded_data(1, 1, 2, 0, "cross_entropy")
    with pytest.raises(BadInput, match="cross-entropy at depth 0"):
        ray.quantities(arch0, data, "cross_entropy", "tanh")
    assert set(ray.quantities(arch0, ray.net.seeded_data(1, 1, 2, 0, "l2"), "l2", "tanh")) == {
        "grad_norm_sq", "hessian_entry", "hessian_frobenius_sq"}
    q = ray.quantities(ray.net.Architecture((1,), 1, 2), data, "cross_entropy", "tanh")
    assert sp.Poly(q["hessian_entry"], T).degree() == 2


def test_the_quantities_on_the_tiny_ray_are_the_closed_forms():
    """One datum, widths (1,), d_in = d_out = 1, tanh (sigma'(0) = 1, sigma''(0) = 0): the entry is 2 n d_out t^2."""
    arch, data, sigma = ray.configuration(TINY, "l2")
    q = ray.quantities(arch, data, "l2", sigma)
    assert q["hessian_entry"] == 2 * T**2 and sp.Poly(q["grad_norm_sq"], T).degree() == 2
    assert sp.Poly(q["hessian_frobenius_sq"], T).degree() == 4


# ---------------------------------------------------------------- the hypotheses of the chosen activation


def test_the_activation_hypotheses_for_catalogue_names_generic_and_the_default():
    """A1, A2 and A4 (non-constant) read for catalogue entries: None (the default tanh) and generic satisfy all
    three; sigmoid has no c, square's only zero has slope 0, relu and elu are not twice differentiable, zero is
    constant.  Rejects any of the three decisions inverted or answering None."""
    for name in (None, "generic", "tanh"):
        p = {"activation": name}
        assert ray.activation_holds_a1(p) is True
        assert ray.activation_twice_differentiable(p) is True and ray.activation_non_constant(p) is True
    assert ray.activation_holds_a1({"activation": "square"}) is False
    assert ray.activation_twice_differentiable({"activation": "relu"}) is False
    assert ray.activation_twice_differentiable({"activation": "elu"}) is False
    assert ray.activation_non_constant({"activation": "zero"}) is False
    assert ray.activation_non_constant({"activation": "sigmoid"}) is True


def test_the_activation_hypotheses_for_a_formula():
    """A formula: A1 holds when c is found (else the BadInput naming it), A2 fails exactly when abs appears, A4 when
    z does not."""
    z = ray.Z
    assert ray.activation_holds_a1({"activation": sp.tanh(z)}) is True
    with pytest.raises(BadInput, match="A1"):
        ray.activation_holds_a1({"activation": z**2 + 1})
    assert ray.activation_twice_differentiable({"activation": sp.tanh(z)}) is True
    assert ray.activation_twice_differentiable({"activation": sp.Abs(z) + z}) is False
    assert ray.activation_non_constant({"activation": sp.Integer(3)}) is False
    assert ray.activation_non_constant({"activation": z + 1}) is True


# ---------------------------------------------------------------- Assumption 1 decided for a formula


def test_a_formulas_sigma_prints_as_the_formula_and_its_report_says_holds():
    sigma = ray.user_sigma(ray.Z * sp.exp(ray.Z))  # c = 0, sigma' = 1, sigma'' = 2
    assert str(sigma) == "sigma(z) = z*exp(z)"
    shown = sigma.report()
    assert shown["assumption_1"] == "holds" and shown["sigma"] == "z*exp(z)" and shown["evidence"] == "proved"
    assert (shown["sigma(c)"], shown["sigma'(c)"], shown["sigma''(c)"]) == ("0", "1", "2")
    assert ray.activation_report(sigma) == {"activation": shown} and ray.activation_report("tanh") == {}


def test_a_constant_formula_fails_A4_with_a_proof():
    """Rejects the constant test inverted, or the verdict 'holds'."""
    verdict = ray.decide_assumption_1(sp.Integer(3))
    assert (verdict.holds, verdict.evidence, verdict.hypothesis) == (False, "proved", "A4")
    assert verdict.refusal().startswith("A4 (sigma non-constant) fails for sigma(z) = 3 (proved)")


def test_a_formula_with_abs_is_undecided_under_A2():
    verdict = ray.decide_assumption_1(sp.Abs(ray.Z) + ray.Z)
    assert (verdict.holds, verdict.evidence, verdict.hypothesis) == (None, "undecided", "A2")
    assert verdict.refusal().startswith("A2 (sigma twice differentiable) is undecided for sigma(z) = z + Abs(z)")


def test_a_rational_polynomial_takes_its_exact_roots_nearest_zero_first():
    """z^2 - 4: 0 is no root; the roots +-2 tie in |c|, the text order puts -2 first.  A polynomial with
    no real zero fails with a proof, one whose only zero has slope 0 too (z^2)."""
    verdict = ray.decide_assumption_1(ray.Z**2 - 4)
    assert (verdict.holds, verdict.evidence, verdict.c, verdict.jet) == (True, "proved", -2, (0, -4, 2))
    none = ray.decide_assumption_1(ray.Z**2 + 1)
    assert (none.holds, none.evidence, none.reason) == (False, "proved", "no real zero (Poly.real_roots, exact and complete)")
    assert none.refusal().startswith("A1 (Assumption 1: sigma(c) = 0 and sigma'(c) != 0 for some c) fails for")
    flat = ray.decide_assumption_1(ray.Z**2)
    assert (flat.holds, flat.evidence) == (False, "proved") and flat.reason.startswith("at its real zeros [0] (Poly.real_roots")


def test_a_polynomial_with_an_irrational_coefficient_goes_to_solveset():
    """sqrt(2) z - 1 is no rational polynomial: its zero comes from solveset and is still checked exactly (c =
    sqrt(2)/2, proved); sqrt(2) z^2 + 1 has no real zero by solveset, which is not a certificate: undecided.
    Rejects ``is_polynomial or rational coefficients`` and a solveset answer taken as complete."""
    verdict = ray.decide_assumption_1(sp.sqrt(2) * ray.Z - 1)
    assert (verdict.holds, verdict.evidence, verdict.c, verdict.jet) == (True, "proved", sp.sqrt(2) / 2, (0, sp.sqrt(2), 0))
    assert verdict.reason == "sigma(sqrt(2)/2) = 0 and sigma'(sqrt(2)/2) = sqrt(2) != 0, exactly"
    none = ray.decide_assumption_1(sp.sqrt(2) * ray.Z**2 + 1)
    assert (none.holds, none.evidence, none.reason) == (None, "undecided", "no real zero (sympy.solveset, not a certificate)")
    assert "is undecided for" in none.refusal()


def test_a_zero_where_a_derivative_is_infinite_is_skipped_and_the_verdict_undecided():
    """sqrt(z): sigma(0) = 0 but sigma'(0) = zoo: no c (the non-finite jet is skipped, not accepted)."""
    verdict = ray.decide_assumption_1(sp.sqrt(ray.Z))
    assert (verdict.holds, verdict.evidence, verdict.c) == (None, "undecided", None)
    assert verdict.reason.startswith("at its real zeros [0] (sympy.solveset, not a certificate)")


def test_zero_is_tried_first_and_a_nonzero_root_only_when_0_fails():
    """log(1 + z): c = 0 with the exact jet (0, 1, -1); (z - 1)(z + 3) has c = 1 (0 is no zero)."""
    verdict = ray.decide_assumption_1(sp.log(1 + ray.Z))
    assert (verdict.holds, verdict.c, verdict.jet) == (True, 0, (0, 1, -1))
    assert ray.decide_assumption_1(sp.expand((ray.Z - 1) * (ray.Z + 3))).c == 1


def test_periodic_zeros_far_from_0_leave_the_verdict_to_the_general_undecided_case():
    """sin(z/100) - 1/2 has zeros 100 pi/6 + ..., none in [-10, 10]: the empty intersection is not read as 'no
    real zero' (there are zeros), the verdict is the undecided 'beyond sympy.solveset'."""
    verdict = ray.decide_assumption_1(sp.sin(ray.Z / 100) - sp.Rational(1, 2))
    assert (verdict.holds, verdict.evidence) == (None, "undecided") and "beyond sympy.solveset" in verdict.reason


def test_user_sigma_refuses_a_formula_without_c_with_the_refusal_line():
    with pytest.raises(BadInput, match=r"A1 \(Assumption 1.*fails for sigma\(z\) = z\*\*2 \+ 1 \(proved\)"):
        ray.user_sigma(ray.Z**2 + 1)


def test_a_formula_activation_is_substituted_with_its_own_jet():
    """at_sigma with a formula puts sigma'(c), sigma''(c) of that formula: (z - 1)(z + 3) has 4 and 2."""
    sigma = ray.user_sigma(sp.expand((ray.Z - 1) * (ray.Z + 3)))
    assert ray.at_sigma(ray.SIGMA_1 + 10 * ray.SIGMA_2 + T, sigma) == 24 + T
    assert ray.at_sigma(ray.SIGMA_1 + 10 * ray.SIGMA_2, "tanh") == 1  # tanh: 1 and 0


# ---------------------------------------------------------------- the witness t* and its exact or Arb check


def test_t_coefficients_are_fractions_when_rational_and_arb_balls_otherwise():
    coeffs, exact = ray.t_coefficients(T**2 / 2 + 3)
    assert exact is True and coeffs == [Fraction(1, 2), 0, 3] and all(isinstance(c, Fraction) for c in coeffs)
    balls, exact = ray.t_coefficients(sp.sqrt(2) * T)
    assert exact is False and balls[0].contains(ray.flint.arb(2).sqrt()) and balls[1] == 0


def test_horner_evaluates_highest_coefficient_first():
    assert ray.horner([Fraction(2), Fraction(-3), Fraction(5)], Fraction(3)) == 14  # 2*9 - 9 + 5
    assert ray.horner([], Fraction(3)) == 0
    assert ray.horner([Fraction(2), Fraction(-3), Fraction(5)], Fraction(0)) == 5  # t = 0: the constant term
    assert ray.violation(T**2 + 1, T**2, sp.Integer(0), sp.Integer(0), sp.Integer(0)).holds is True  # |h(0)| = 1 > 0


@pytest.mark.parametrize("h, g, L0, L1, holds", [
    (sp.Integer(1), sp.Integer(0), 1, 0, False),  # |h| = L0: not strictly above
    (sp.Integer(4), sp.Integer(8), 1, 1, True),  # (4 - 1)^2 = 9 > 8
    (sp.Integer(3), sp.Integer(4), 1, 1, False),  # (3 - 1)^2 = 4, not > 4
    (sp.Integer(4), sp.Integer(1), 1, 3, False),  # (4 - 1)^2 = 9, not > 3^2 * 1
    (sp.Integer(3), sp.Integer(4), 0, 1, True),  # 9 > 4 (not 9 > 1/4)
    (sp.Integer(-5), sp.Integer(0), 4, 0, True),  # |h| is compared
    (sp.Integer(1), sp.Integer(0), 4, 1, False),  # |h| < L0: fails even though (1 - 4)^2 > 0
])
def test_the_exact_violation_at_boundaries(h, g, L0, L1, holds):
    """|h| > L0 + L1 sqrt(g), decided exactly by squares: rejects >= for >, an 'or', a sum for a difference, a
    doubled square, L1 doubled instead of squared and a quotient for a product."""
    check = ray.violation(h, g, sp.Integer(L0), sp.Integer(L1), sp.Integer(1))
    assert check.holds is holds


def test_the_arb_violation_for_irrational_coefficients():
    """sqrt(2) t^2 at t = 2 is 4 sqrt(2) = 5.657 > 1 + 1 * sqrt(4) = 3; an irrational g with a rational h goes the
    Arb way too; |h| = L0 exactly (L1 = 0) is no violation; the shown values keep 10 digits."""
    check = ray.violation(sp.sqrt(2) * T**2, T**2, sp.Integer(1), sp.Integer(1), sp.Integer(2))
    assert check.holds is True and check.lhs.startswith("|H_entry(t*)| = [5.656854249 +/-")
    assert check.rhs == "L0 + L1*||grad L(t*)|| = 3.000000000"
    tight = ray.violation(sp.sqrt(2) * T**2, T**2, sp.Integer(5), sp.Integer(0), sp.Integer(2))  # 5.657 - 5 < 1
    assert tight.holds is True
    assert ray.violation(sp.sqrt(2) * T**2, T**2, sp.Integer(1), sp.Integer(3), sp.Integer(2)).holds is False  # 1 + 6
    assert ray.violation(sp.sqrt(2) * T**2, T**2 + 32, sp.Integer(0), sp.Integer(1), sp.Integer(2)).holds is False  # 6
    equal = ray.violation(sp.Integer(1), sp.sqrt(2) + 0 * T, sp.Integer(1), sp.Integer(0), sp.Integer(2))
    assert equal == WitnessCheck(lhs="|H_entry(t*)| = 1.000000000", rhs="L0 + L1*||grad L(t*)|| = 1.000000000", holds=False)
    mixed = ray.violation(T**2, sp.sqrt(2) * T**2, sp.Integer(1), sp.Integer(1), sp.Integer(2))  # 4 > 1 + 2.38
    assert mixed.holds is True and mixed.lhs == "|H_entry(t*)| = 4.000000000"


def test_witness_point_is_the_first_power_of_two_that_violates():
    """h = t^2, g = 0: t* = 1 for L0 = 0, 4 for L0 = 10 (16 > 10 > 4), 8 for L0 = 20."""
    h, g = T**2, sp.Integer(0)
    assert [ray.witness_point(h, g, sp.Integer(L0), sp.Integer(0)) for L0 in (0, 10, 20)] == [1, 4, 8]


def test_witness_point_gives_up_after_the_powers_below_2_to_the_4000(monkeypatch):
    """No violation anywhere: t = 1, 2, 4, ..., 2^3999 are tried (the bound the refusal names) and then BadInput;
    rejects another start, step or count, and the refusal dropped (a None t*)."""
    tried = []

    def never(h, g, L0, L1, t):
        tried.append(t)
        return WitnessCheck("", "", False)

    monkeypatch.setattr(ray, "violation", never)
    with pytest.raises(BadInput, match=r"no t\* = 2\^k < 2\^4000"):
        ray.witness_point(T**2, sp.Integer(0), sp.Integer(1), sp.Integer(1))
    assert tried[:3] == [1, 2, 4] and len(tried) == 4000 and tried[-1] == 2**3999


def test_the_witness_callable_on_the_tiny_ray():
    """Defaults L0 = L1 = 1 (shown as given), t* = 4, the exact check holds; a formula adds its A1 report."""
    out = ray.make_witness("l2", "cooper.thm_12")(dict(TINY))
    assert out["constants"] == {"L0": "1", "L1": "1"} and out["points"] == [["4"]] and out["check"]["holds"] is True
    assert out["check"]["lhs"] == "|H_entry(t*)| = 32" and "activation" not in out
    out = ray.make_witness("l2", "cooper.thm_12")({**TINY, "activation": ray.Z + ray.Z**3, "L0": 0, "L1": 0})
    assert out["constants"] == {"L0": "0", "L1": "0"} and out["points"] == [["1"]]
    assert out["activation"]["sigma'(c)"] == "1"


def test_the_witness_callable_refuses_depth_0_negative_constants_generic_and_a_flat_entry():
    witness = ray.make_witness("l2", "cooper.thm_12")
    with pytest.raises(AssumptionViolated) as info:
        witness({**TINY, "depth": 0})
    assert (info.value.theorem, info.value.assumption, info.value.values) == ("cooper.thm_12", "A3", {"depth": 0})
    assert "depth l >= 1" in str(info.value)
    for bad in ({"L0": -1}, {"L1": -1}):
        with pytest.raises(BadInput, match="L0 and L1 must be >= 0"):
            witness({**TINY, **bad})
    with pytest.raises(BadInput, match="activation=generic"):
        witness({**TINY, "activation": "generic"})
    # L2 targets summing to 0 keep the entry's t^2 term (2 n d_out sigma'(c)^2): cross-entropy with equal labels
    # for one class does not (d_out = 1: a hypothesis fails)
    with pytest.raises(BadInput, match="no t\\^2 term for these settings"):
        ray.make_witness("cross_entropy", "cooper.thm_14")({**TINY, "xs": [[1]], "ys": [[1]]})


def test_no_witness_reason_names_the_failing_hypothesis_per_loss():
    """Degree 2 in t: no reason (None); lower degree: the cross-entropy hypotheses or the L2 coefficient."""
    assert ray.no_witness_reason(T**2 + T, "l2") is None and ray.no_witness_reason(3 * T**3, "l2") is None
    assert "2 n d_out sigma'(c)^2 vanishes" in ray.no_witness_reason(T, "l2")
    assert "Assumption 2 (sum_j y_mj = 1)" in ray.no_witness_reason(sp.Integer(1), "cross_entropy")


# ---------------------------------------------------------------- scopes, dimensions, formulas in dimensions


def test_the_declared_scope_is_what_runs():
    """scope_of describes symbolic.network.scope: with no spec, depths 2-4, uniform widths 1, 2, the non-uniform
    shapes of those depths, d_in and d_out 1, 2 (the defaults of both), n = 2; with a spec, its values."""
    def described(spec):
        archs = ray.net.scope(**spec)
        uniform = [a for a in archs if len(set(a.widths)) == 1]
        return {"depths": sorted({a.depth for a in archs}), "widths": sorted({a.widths[0] for a in uniform}),
                "non_uniform": sorted({a.widths for a in archs if len(set(a.widths)) > 1}),
                "d_ins": sorted({a.d_in for a in archs}), "d_outs": sorted({a.d_out for a in archs})}

    for spec in ({}, {"depths": (2,), "d_outs": (3,)}, {"depths": (4,)}, dict(ray.SCOPE)):
        shown, want = ray.scope_of(spec), described(spec)
        assert (sorted(shown["depths"]), sorted(shown["widths"]), sorted(shown["d_ins"]), sorted(shown["d_outs"])) == \
            (want["depths"], want["widths"], want["d_ins"], want["d_outs"]), spec
        assert sorted(map(tuple, shown.get("non_uniform_widths", []))) == want["non_uniform"], spec
        assert shown["n"] == [2] and shown["activation"] == ray.GENERIC_SIGMA and shown["data"] == "symbolic x, y"
    assert "also" not in ray.scope_of({})
    also = ray.scope_of({}, also=[(ray.net.Architecture((3,), 5, 7), 2)])["also"]
    assert also == [{"n": 2, "d_in": 5, "widths": [3], "d_out": 7}]


def test_the_jet_scope_has_no_data_size():
    shown = ray.hf_scope({"depths": (2,), "widths": (1,), "d_ins": (1,), "d_outs": (1,)})
    assert "n" not in shown and shown["data"] == "symbolic input x and direction M" and shown["depths"] == [2]
    assert ray.architectures_scope([(ray.net.Architecture((1,), 2, 3), 4)], data="d") == {
        "architectures": [{"n": 4, "d_in": 2, "widths": [1], "d_out": 3}], "data": "d", "activation": ray.GENERIC_SIGMA}


def test_the_scope_architectures_and_the_prime_pairs():
    """The declared SCOPE's architectures (24: 3 depths x 2 widths + 2 + 1 non-uniform, times 2 x 2 sizes), the
    prime cases as (architecture, n) in their order, and wide_pairs = primes first, then the scope."""
    assert ray.scope_architectures() == ray.net.scope(**ray.SCOPE) and len(ray.scope_architectures()) == 36
    primes = ray.prime_architectures()
    assert primes[0] == (ray.net.architecture(2, 5, 3, 7), 2) and [n for _, n in primes] == [2, 7, 3]
    assert ray.wide_pairs() == primes + ray.scope_pairs()


def test_the_width_dimension_is_the_last_hidden_layer_or_d_in_at_depth_0():
    assert ray.dimensions(ray.net.Architecture((2, 3, 5), 7, 11), 13) == {"n": 13, "d_in": 7, "width": 5, "d_out": 11,
                                                                           "depth": 3}
    assert ray.dimensions(ray.net.Architecture((), 3, 2), 1)["width"] == 3


def _tiny_dimension_step(formula):
    # computed: n d_out from the data and the architecture; the formula is in the dimension symbols
    return ray.dimension_step("tiny", "n d_{out}", lambda arch, data: len(data) * arch.d_out, formula, uses=("n", "d_out"),
                              data_of=lambda n, d_in, d_out: [0] * n)


def test_a_formula_in_dimensions_passes_and_each_wrong_version_is_rejected():
    """Rejects a step that passes a wrong formula, flags the right one, or leaves out (or adds) wrong versions: each
    used symbol put for each of the 4 others, the sign flipped, the formula doubled and plus one."""
    step = _tiny_dimension_step(lambda D, data: D["n"] * D["d_out"])
    result = step.run()
    assert result.ok and result.detail == "exact on 3 architectures (l2, symbolic data)"
    assert step.scope == ray.architectures_scope(ray.prime_architectures())
    wrong = step.mutants()
    assert len(wrong) == 2 * 4 + 3 and not any(w.run().ok for w in wrong)


def test_a_wrong_formula_in_dimensions_shows_the_values_where_it_fails():
    result = ray.check_against_dimensions(lambda arch, data: len(data) * arch.d_out, lambda D, data: D["n"] * D["width"],
                                          ray.prime_architectures(), "l2", lambda n, d_in, d_out: [0] * n)
    assert not result.ok and result.detail == "n=2, d_in=3, width=5, d_out=7, depth=2: computed 14, formula 10"
    assert result.values == {"dimensions": ray.dimension_point(ray.net.architecture(2, 5, 3, 7), 2), "computed": 14,
                             "formula": 10}


def test_swapped_puts_one_dimension_for_another():
    f = ray.swapped(lambda D, data: D["n"] - D["width"], "n", "d_out")
    assert f({"n": 2, "width": 5, "d_out": 7}, None) == 2


def test_the_leading_coefficient_needs_the_stated_degree():
    assert ray.leading_coefficient(3 * T**2 + T, 2) == 3
    with pytest.raises(ValueError, match="degree 1 in t, not 2"):
        ray.leading_coefficient(3 * T, 2)


def test_a_failing_scope_check_names_the_architecture(monkeypatch):
    monkeypatch.setattr(ray.net, "derivatives_on_ray", lambda arch, data, loss: None)
    pair = (ray.net.Architecture((1,), 1, 1), 2)
    result = ray.over_scope(lambda arch, data, d: "the entry is wrong", pairs=[pair])
    assert not result.ok and result.detail == "the entry is wrong"
    assert result.counterexample == "at {dimensions}: the entry is wrong"
    assert result.values == {"dimensions": ray.dimension_point(*pair)}
    assert ray.over_scope(lambda arch, data, d: None, pairs=[pair]).detail == "exact for all 1 architectures, symbolic data"


def test_jet_helpers():
    """as_expr of a plain number and of a polynomial, fraction_rows, the output jets (one list per datum)."""
    assert ray.as_expr(3) == 3 and ray.as_expr(sp.Poly(T**2 + 1, T)) == T**2 + 1
    assert ray.fraction_rows([[sp.Rational(1, 2), sp.Integer(3)]]) == [[Fraction(1, 2), Fraction(3)]]
    arch = ray.net.Architecture((1,), 1, 2)
    jets = ray.output_jets(arch, ray.net.symbolic_data(3, 1, 2), "l2")
    assert len(jets) == 3 and all(len(j) == 2 for j in jets)  # f has d_out = 2 components per datum
    assert sp.Poly(ray.named_entry_on_ray(arch, ray.net.seeded_data(1, 1, 2, 0, "l2")), T).degree() == 2


def test_the_Hf_degree_step(monkeypatch):
    """Every entry of Hf on the ray has degree exactly 1 in t: '<= 1' holds without a counterexample, '<= 0' fails
    with one (on one small architecture of the scope)."""
    monkeypatch.setattr(ray, "scope_architectures", lambda: [ray.net.Architecture((1, 1), 1, 1)])
    holds, fails = ray.hf_degree_at_most(1), ray.hf_degree_at_most(0)
    assert holds.ok and holds.counterexample is None and holds.values == {"worst": 1, "bound": 1}
    assert not fails.ok and fails.counterexample and fails.values == {"worst": 1, "bound": 0}


def test_the_Hf_degree_starts_from_0_for_a_table_constant_in_t(monkeypatch):
    """Hf of the output layer with no t anywhere has degree 0 and satisfies '<= 0' (rejects a maximum starting at 1)."""
    from types import SimpleNamespace

    real = ray.net._cached_layer_jets

    def constant_hf(arch, *args):
        layers = real(arch, *args)
        return layers[:-1] + [[SimpleNamespace(lin=j.lin, quad={k: v.ring.one for k, v in j.quad.items()}) for j in layers[-1]]]

    monkeypatch.setattr(ray, "scope_architectures", lambda: [ray.net.Architecture((1, 1), 1, 1)])
    monkeypatch.setattr(ray.net, "_cached_layer_jets", constant_hf)
    result = ray.hf_degree_at_most(0)
    assert result.ok and result.values == {"worst": 0, "bound": 0}


def test_the_first_derivative_tables_on_a_small_scope():
    """Lemma 9 (every output-layer weight derivative is 0 at depth 2) holds; at depth 1 the first-layer weights
    have nonzero derivatives: the zero table fails there, and negated turns that into a pass."""
    small = dict(depths=(2,), widths=(1,), d_ins=(1,), d_outs=(1,))
    result = ray.table_check(ray.zero_table, layers_of=ray.last_layer, scope=small)
    assert result.ok and "all 3 architectures" in result.detail
    depth_1 = ray.table_check(ray.zero_table, layers_of=lambda a: [1], scope=dict(small, depths=(1,)))
    assert not depth_1.ok and depth_1.counterexample == depth_1.detail
    flipped = ray.negated(depth_1)
    assert flipped.ok and flipped.detail == "counterexample: " + depth_1.detail
    assert not ray.negated(result).ok and ray.negated(result).detail == "no counterexample: " + result.detail


def test_the_zero_table_and_the_last_layer():
    arch = ray.net.Architecture((2, 3), 1, 4)
    assert ray.zero_table(arch, 2, None, None, None) == [0, 0, 0] and ray.last_layer(arch) == [3]


def test_a_decided_activation_cannot_be_changed_afterwards():
    """A UserSigma carries a decided c and jet: frozen (and hashable, so it can key a cache); rejects a mutable one."""
    import dataclasses

    sigma = ray.user_sigma(ray.Z * sp.exp(ray.Z))
    with pytest.raises(dataclasses.FrozenInstanceError):
        sigma.c = sp.Integer(1)
    assert hash(sigma) == hash(ray.user_sigma(ray.Z * sp.exp(ray.Z)))
    verdict = ray.decide_assumption_1(ray.Z * sp.exp(ray.Z))  # cached: one shared object, so it must stay as decided
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.holds = False


def test_a_simple_zero_beyond_eight_double_ones_makes_assumption_1_hold():
    # sigma = (z-1)^2 ... (z-8)^2 (z-9): sigma' vanishes at the eight double zeros nearest 0, but c = 9 is simple,
    # sigma'(9) = (8!)^2.  Trying only the eight zeros nearest 0 once gave "fails (proved)" here.
    from proofs.cooper.ray import Z, decide_assumption_1

    formula = sp.expand(sp.prod((Z - k) ** 2 for k in range(1, 9)) * (Z - 9))
    verdict = decide_assumption_1(formula)
    assert verdict.holds is True and verdict.evidence == "proved" and verdict.c == 9
    assert verdict.jet[1] == sp.factorial(8) ** 2
    # only double zeros: no c, and that is proved (every real zero is known, exactly)
    double = decide_assumption_1(sp.expand((Z - 1) ** 2 * (Z + 3) ** 2))
    assert double.holds is False and double.evidence == "proved"


def test_a_simple_zero_the_exact_check_cannot_confirm_leaves_assumption_1_undecided(monkeypatch):
    # z^3 - 2z has simple zeros 0 and +-sqrt(2), so Assumption 1 holds; if the exact check of sigma(c) and sigma'(c)
    # gives up on every candidate (a budget ran out), the verdict is undecided, never a proved failure
    from proofs.cooper import ray

    monkeypatch.setattr(ray, "within_budget", lambda compute, budget_s: None)
    verdict = ray.decide_assumption_1.__wrapped__(ray.Z**3 - 2 * ray.Z)
    assert verdict.holds is None and verdict.evidence == "undecided"


def test_the_last_three_wrong_versions_negate_double_and_shift_the_formula():
    """dimension_step's generic wrong versions after the swaps are -formula, 2 * formula and formula + 1 (the
    docstring's 'flip the sign, double the formula and add one'): at the first prime architecture (n = 2,
    d_out = 7, n d_out = 14) they name the formulas -14, 28 and 15. Rejects e.g. 2 / formula (1/7) for the double."""
    step = _tiny_dimension_step(lambda D, data: D["n"] * D["d_out"])
    details = [w.run().detail for w in step.mutants()[-3:]]
    point = "n=2, d_in=3, width=5, d_out=7, depth=2: computed 14, formula "
    assert details == [point + "-14", point + "28", point + "15"]
