r"""Cooper Lemma 16: ``derive`` at the default parameters (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

from proofs import registry
from proofs.cooper import lemma_16
from proofs.values import parse_settings

CID = "cooper.lemma_16"


def test_the_default_example_shows_the_printed_bound_is_not_sharp():
    # c = (1, -2), l = (z_1, z_2): the printed bound sum |c_k| = 3, the sharp one max |c_k| = 2
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, []))
    assert out == {"F": "(exp(z_1) - 2*exp(z_2))/(exp(z_1) + exp(z_2))", "bound_as_printed": "3", "sharp_bound": "2"}


def test_the_witness_shows_the_target_it_compares_with():
    # C = 1, eps = 1/10: F(z) must exceed C - eps = 9/10; the shown rhs is that value, not C + eps
    params = {"scale": Fraction(1), "eps": Fraction(1, 10)}
    check = lemma_16._close_to_max(params, lemma_16._approach(params))
    assert check.holds and check.rhs == "max|c| - eps = 9/10"


def test_the_a1_check_certifies_every_k_of_its_declared_scope(monkeypatch):
    real, seen = lemma_16._certify, []

    def recording(bound, sizes=(1, 2, 3, 4)):
        seen.extend(sizes)
        return real(bound, sizes)

    check = registry.get_claim(CID).assumptions[0].necessity.check
    monkeypatch.setattr(lemma_16, "_certify", recording)
    assert check.run().ok and sorted(seen) == check.scope["k"] == [2, 3]


def test_the_a2_witness_shows_the_value_of_z_e_z_over_e_z_plus_1():
    # B = 1, z = 2B + 2 = 4: F(4) = 4 e^4 / (e^4 + 1) = 3.92805516...; the shown ball must enclose that value
    # (the largest case, B = 10^9, cannot show it: there e^z/(e^z + 1) = 1 to every printed digit).
    check = lemma_16._coefficient_of_z({"B": Fraction(1)}, Fraction(4))
    assert check.holds and check.lhs.startswith("F(z=4) = z e^z/(e^z+1) in [3.928055160")


def test_a_refuted_bound_shows_a_real_counterexample():
    # the wrong bound sum |c_k| / 2 at k = 2: the shown c must be the signed a_k (c_k = +-a_k, finite), its |F| must
    # be the one of that c and u, and the wrong bound, evaluated at a_k = |c_k|, must be below it
    result = lemma_16._certify(lambda a: lemma_16._sum_bound(a) / 2, (2,))
    v = result.values
    assert not result.ok and all(ci.is_finite for ci in v["c"])
    assert v["size"] == abs(sum(ci * ui for ci, ui in zip(v["c"], v["u"])) / sum(v["u"]))
    assert v["bound"] == sum(abs(ci) for ci in v["c"]) / 2 < v["size"]


def test_the_softmax_weight_step_checks_the_printed_bound_1_which_is_attained():
    # u/(u + R) <= 1, with equality at R = 0 (a single exponential): a checked bound of 2 would be a weaker statement
    step = next(s for s in lemma_16._steps() if s.label == "softmax_weight_at_most_one")
    rest = next(s for s in step.lhs.free_symbols if s.name == "R")
    assert step.rhs == 1 and (step.lhs.subs(rest, 0) - step.rhs).simplify() == 0


def test_the_a2_witness_uses_the_printed_point_z_2b_plus_2():
    # the latex promises F(z) > B at z = 2B + 2; the constructed z must be that point, and it must work there
    varying = registry.get_claim(CID).assumptions[1].necessity.check
    for B in (Fraction(1), Fraction(10) ** 3):
        z = varying.construct({"B": B})
        assert z == 2 * B + 2 and lemma_16._coefficient_of_z({"B": B}, z).holds


# ---------------------------------------------------------------- the certificate's edges, the witnesses at equality

import pytest  # noqa: E402
import sympy as sp  # noqa: E402

from proofs.errors import BadInput  # noqa: E402


def test_a_bound_met_with_equality_is_certified():
    """k = 1: F = c_1, so |F| <= |c_1| holds with equality; the gap a_1 u_1 - a_1 u_1 is the zero polynomial, whose
    coefficients are >= 0 (a check with > 0 would refuse a true, sharp bound)."""
    result = lemma_16._certify(lambda a: a[0], (1,))
    assert result.ok and result.detail.startswith("|F| <= bound proved for k in (1,)")


def test_a_true_bound_without_a_nonnegative_certificate_is_not_claimed_proved():
    """|c_1| + (|c_1| - 1)^2 is a true bound, but its gap (a_1 - 1)^2 u_1 has a negative coefficient and no grid point
    violates it: the step fails as 'no certificate' (sound, not complete), with no counterexample."""
    result = lemma_16._certify(lambda a: sum(a) + (a[0] - 1) ** 2, (1,))
    assert not result.ok and result.counterexample is None
    assert result.detail == "no certificate for k=1, signs=(1,), side=1"


@pytest.mark.parametrize("bound, shown", [(lambda a: sum(a) / 2, (1, 1, 1, sp.Rational(1, 2))),
                                          (lambda a: sum(a) - sp.Rational(1, 10), (0, 1, 0, sp.Rational(-1, 10)))])
def test_a_refuted_bound_shows_the_smallest_grid_point(bound, shown):
    """The exact counterexample is the first grid point (a_k in {0, 1, 3}, u_k = e^l in {1, 2, 4}, u > 0) where the
    gap is < 0: |c|/2 fails at c = 1, u = 1 (|F| = 1 > 1/2); |c| - 1/10 already at c = 0 (0 > -1/10)."""
    result = lemma_16._certify(bound, (1,))
    v = result.values
    assert not result.ok and (v["k"], v["c"], v["u"]) == (1, (shown[0],), (shown[1],))
    assert (v["size"], v["bound"]) == (shown[2], shown[3])
    assert result.detail == f"bound fails at k=1, c=[{shown[0]}], u=[{shown[1]}]"


def test_the_witnesses_need_a_strict_excess_at_the_equality_point():
    """At z = 0 both witnesses give F(0) = 0 exactly: with C = eps = 1 (target C - eps = 0) and with B = 0 the
    value equals the target, which is not an excess."""
    at_max = lemma_16._close_to_max({"scale": Fraction(1), "eps": Fraction(1)}, Fraction(0))
    assert at_max.lhs == "F(z=0) in 0" and not at_max.holds
    at_b = lemma_16._coefficient_of_z({"B": Fraction(0)}, Fraction(0))
    assert at_b.lhs.startswith("F(z=0) = ") and not at_b.holds


@pytest.mark.parametrize("settings", [["coefficients=[]", "forms=[]"], ["coefficients=[1, 2]", "forms=[[1, 0], [1]]"]])
def test_derive_refuses_no_coefficients_and_forms_of_unequal_length(settings):
    """k = 0 (an empty sum) and forms of different lengths (one z cannot feed both) are refused, one line."""
    claim = registry.get_claim(CID)
    with pytest.raises(BadInput, match="need k coefficients and k forms of equal length"):
        claim.derive(parse_settings(claim, settings))


def test_derive_with_one_form_in_one_variable():
    """k = 2, n = 1, forms (z) and (-z): F = (e^z/2 - e^-z/4)/(e^z + e^-z); bounds 3/4 (printed) and 1/2 (sharp)."""
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["coefficients=[0.5, -0.25]", "forms=[[1], [-1]]"]))
    assert out == {"F": "(exp(z_1)/2 - exp(-z_1)/4)/(exp(z_1) + exp(-z_1))", "bound_as_printed": "3/4",
                   "sharp_bound": "1/2"}


# ---------------------------------------------------------------- the construction, the shown enclosures, the flags


def test_the_sup_witness_point_is_the_bit_length_of_4_c_over_eps_plus_2():
    """z(eps) = bitlen(4 C q) + 2 for eps = 1/q: C = 7/2, eps = 1/1000 gives 4 C q = 14000 (14 bits), z = 16
    (rejects - 2, an extra + 1, a factor 5, and dividing by 4 or by C)."""
    assert lemma_16._approach({"scale": Fraction(7, 2), "eps": Fraction(1, 1000)}) == 16


def test_the_sup_witness_shows_c_tanh_z_over_2():
    """l = (z, 0), c = (C, -C): F(z) = C (e^z - 1)/(e^z + 1) = C tanh(z/2); at C = 1, z = 4 that is tanh 2 =
    0.96402758008..., shown to 10 digits (rejects a product for the quotient, e^z + 2, 11 digits)."""
    check = lemma_16._close_to_max({"scale": Fraction(1), "eps": Fraction(1, 10)}, Fraction(4))
    assert check.holds and check.lhs.startswith("F(z=4) in [0.9640275801 +/- ")


def test_the_sup_witness_target_is_c_minus_eps_for_a_fractional_scale():
    """C = 3/4, eps = 1/4: the target is C - eps = 1/2 (denominator 2), while C + eps = 1 reduces to denominator 1;
    F(6) = (3/4) tanh 3 = 0.7463 > 1/2 (a target mixing C + eps into the fraction would ask F > 1)."""
    params = {"scale": Fraction(3, 4), "eps": Fraction(1, 4)}
    z = lemma_16._approach(params)
    check = lemma_16._close_to_max(params, z)
    assert z == 6 and check.holds and check.rhs == "max|c| - eps = 1/2"


def test_the_a2_witness_shows_ten_digits():
    """The shown ball of 4 e^4/(e^4 + 1) = 3.928055160... has 10 significant digits, then its radius."""
    check = lemma_16._coefficient_of_z({"B": Fraction(1)}, Fraction(4))
    assert check.lhs.startswith("F(z=4) = z e^z/(e^z+1) in [3.928055160 +/- ")


def test_a_bound_just_below_the_sum_fails_first_at_weight_4_over_5():
    """(3/4) sum |c_k| at k = 2: at c = (0, 1) the gap (3/4)(u_1 + u_2) - u_2 is >= 0 for u_2/u_1 <= 3, so the first
    grid point (u_k in {1, 2, 4}) that refutes it is u = (1, 4): |F| = 4/5 > 3/4 (a grid {1, 2, 5} would show
    u = (1, 5))."""
    result = lemma_16._certify(lambda a: sp.Rational(3, 4) * lemma_16._sum_bound(a), (2,))
    assert not result.ok and result.values == {"k": 2, "c": (0, 1), "u": (1, 4), "size": sp.Rational(4, 5),
                                               "bound": sp.Rational(3, 4)}


def test_a_bound_written_with_abs_of_a_k_is_certified():
    """The a_k are |c_k| >= 0, so the bound |a_1| is a_1 and |F| <= |c_1| (k = 1, equality) is certified; if a_k were
    not known nonnegative, |a_1| would not simplify and the certificate would fail."""
    assert lemma_16._certify(lambda a: sp.Abs(a[0]), (1,)).ok


def test_the_certificate_step_proves_exactly_its_declared_scope():
    """bound_on_whole_domain claims k = 1, 2, 3, 4: its check must certify those sizes, no more, no fewer."""
    step = next(s for s in lemma_16._steps() if s.label == "bound_on_whole_domain")
    result = step.run_check()
    assert result.ok and result.detail.startswith("|F| <= bound proved for k in (1, 2, 3, 4), every sign pattern")
    assert step.scope == {"k": [1, 2, 3, 4]}


def test_the_wrong_bounds_are_refuted_with_the_counterexamples_shown():
    """The certificate step's wrong versions: sum |c_k|/2 fails at c = 1, u = 1 (|F| = 1 > 1/2); sum |c_k| - 1/10 at
    c = 0 (0 > -1/10). The A1 check's wrong version max(a)/2 (the a_k sorted by name: a_2/2) fails at c = (0, 1),
    u = (1, 2): |F| = 2/3 > 1/2 (a doubled or a true bound would pass; /3 would fail already at u = (1, 1))."""
    step = next(s for s in lemma_16._steps() if s.label == "bound_on_whole_domain")
    shown = [(r.ok, r.values) for r in (w() for w in step.wrong_versions)]
    assert shown == [(False, {"k": 1, "c": (1,), "u": (1,), "size": 1, "bound": sp.Rational(1, 2)}),
                     (False, {"k": 1, "c": (0,), "u": (1,), "size": 0, "bound": sp.Rational(-1, 10)})]
    a1 = registry.get_claim(CID).assumptions[0].necessity.check
    (wrong,) = a1.wrong_versions
    r = wrong()
    assert not r.ok and r.values == {"k": 2, "c": (0, 1), "u": (1, 2), "size": sp.Rational(2, 3),
                                     "bound": sp.Rational(1, 2)}


def test_the_printed_proof_is_the_first_three_steps():
    """The paper prints steps 1-3 (weights in [0, 1], triangle inequality); the termwise bound, the certificate and the
    sup witness are the checker's additions, and so are the assumption checks: none of those is marked printed."""
    steps = lemma_16._steps()
    assert [s.label for s in steps if s.printed] == ["softmax_weight_nonnegative", "softmax_weight_at_most_one",
                                                     "triangle_inequality"]
    assert not any(a.necessity.check.printed for a in lemma_16._assumptions())


def test_the_nonnegativity_step_bounds_the_softmax_weight():
    """Step 1's right side is the weight u/(u + R): 1/2 at u = R = 1, and 1 at R = 0 (not u (u + R))."""
    step = next(s for s in lemma_16._steps() if s.label == "softmax_weight_nonnegative")
    u, rest = sorted(step.rhs.free_symbols, key=lambda s: s.name)[::-1]
    assert (u.name, rest.name) == ("u", "R")
    assert step.lhs == 0 and step.rhs.subs({u: 1, rest: 1}) == sp.Rational(1, 2) and step.rhs.subs(rest, 0) == 1


def test_derive_with_a_single_coefficient():
    """k = 1: F = c_1 e^l/e^l is the constant c_1, and both bounds are |c_1| = 2."""
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["coefficients=[-2]", "forms=[[3]]"]))
    assert out == {"F": "-2", "bound_as_printed": "2", "sharp_bound": "2"}
