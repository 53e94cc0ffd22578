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
