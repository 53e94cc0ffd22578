r"""Cooper Theorem 14: the chain, bad inputs per assumption, the mirror on random
architectures (Hypothesis), the witness for any (L0, L1)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from proofs import registry
from proofs.cooper.ray import configuration, quantities, violation, witness_point
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings
from symbolic import network as net
from tests.proofs.cooper.test_thm_12 import agrees_with_mirror, constants, ray_positions

CID = "cooper.thm_14"


def architectures():
    return st.builds(lambda widths, d_in, d_out: net.Architecture(tuple(widths), d_in, d_out),
                     st.lists(st.integers(1, 3), min_size=2, max_size=3), st.integers(1, 2), st.integers(2, 3))


def test_chain_checks_with_one_erratum_the_gradient_growth_sentence():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert [(e.step, e.repaired_by) for e in report.errata] == [("gradient_grows_linearly", "gradient_grows_at_most_linearly")]
    verdicts = {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions}
    assert verdicts == {"A1": "superfluous", "A2": "unknown", "A3": "superfluous", "A4": "necessary", "A5": "necessary",
                        "A6": "necessary", "A7": "necessary"}
    assert all(a.result is None or a.result.ok for a in report.assumptions)


def test_gradient_growth_erratum_has_equal_class_totals():
    """The printed 'the gradient grows linearly' fails exactly where every class total sum_m y_mj is n/d_out."""
    (erratum,) = registry.report(CID).errata
    point = {str(k): v for k, v in erratum.values["point"].items()}  # the exact point the check used
    ys = [[point[f"y_{m}_1"], point[f"y_{m}_2"]] for m in (1, 2)]
    ys = [row + [1 - sum(row)] for row in ys]  # Assumption 2: the last class is 1 minus the others
    assert all(sum(row[j] for row in ys) == sp.Rational(2, 3) for j in range(3)) and erratum.evidence == "proved"


@pytest.mark.parametrize("label,settings", [("A1", ["activation=softplus"]), ("A2", ["activation=elu"]),
                                            ("A4", ["d_out=1"]), ("A5", ["d_in=1", "n=1", "xs=[[1]]", "ys=[[0.5, 0.25]]"])])
def test_values_outside_each_assumption_are_rejected(label, settings):
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), settings)
    assert info.value.assumption == label


def test_derive_entry_matches_the_printed_leading_term():
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["depth=3", "d_out=3", "n=2", "activation=tanh"]))
    t = sp.Symbol("t")
    assert sp.Poly(sp.sympify(out["hessian_entry"]), t).coeff_monomial(t**2) == 2 * (sp.Rational(1, 3) - sp.Rational(1, 9))


@given(architectures(), st.integers(1, 2), st.integers(0, 10**6), st.sampled_from(["tanh", "gelu", "silu", "softplus_shifted"]),
       ray_positions())
@example(net.Architecture((2, 2), 2, 3), 2, 0, "gelu", Fraction(10**6))
def test_expansion_agrees_with_the_mirror_on_random_architectures(arch, n, seed, name, t):
    agrees_with_mirror(arch, n, seed, name, t, "cross_entropy")


@given(constants(), constants(), st.sampled_from(["tanh", "gelu"]), st.integers(0, 100))
@example(Fraction(10**12), Fraction(10**12), "tanh", 0)
def test_witness_violates_any_named_constants(L0, L1, name, seed):
    arch, data, _ = configuration({"depth": 3, "seed": seed, "d_out": 3}, "cross_entropy")
    q = quantities(arch, data, "cross_entropy", name)
    L0, L1 = sp.Rational(L0.numerator, L0.denominator), sp.Rational(L1.numerator, L1.denominator)
    t = witness_point(q["hessian_entry"], q["grad_norm_sq"], L0, L1)
    assert violation(q["hessian_entry"], q["grad_norm_sq"], L0, L1, t).holds


# ---------------------------------------------------------------- printed formulas in the dimension symbols

from proofs.cooper import ray  # noqa: E402
from proofs.cooper import thm_14 as thm  # noqa: E402


def _check(formula):
    return ray.check_against_dimensions(thm.last_two_terms_entry, formula, pairs=ray.prime_architectures(),
                                       loss="cross_entropy", data_of=net.probability_data)


@pytest.mark.parametrize("symbol, other", [("n", "width"), ("n", "d_in"), ("d_out", "d_in"), ("d_out", "width"),
                                           ("d_out", "n")])
def test_printed_last_two_terms_with_a_swapped_dimension_symbol_are_rejected(symbol, other):
    """sigma'^2 n (1/d - 1/d^2) t^2 with another dimension put for n or d_out: wrong where sizes are distinct primes."""
    assert _check(thm.printed_last_two_terms).ok
    assert not _check(ray.swapped(thm.printed_last_two_terms, symbol, other)).ok


@pytest.mark.parametrize("wrong", [lambda D, data: -thm.printed_last_two_terms(D),
                                   lambda D, data: thm.printed_last_two_terms(D) * D["d_out"]])
def test_printed_last_two_terms_reject_a_flipped_sign_and_a_wrong_constant(wrong):
    assert not _check(wrong).ok


def test_one_class_wrong_version_is_decided_exactly():
    """The b = 2 wrong version finds L = log 2 exactly (not from a rounded float)."""
    result = thm._b_necessity_wrong()
    assert not result.ok and "log(2)" in result.detail and result.evidence == "proved"


def test_a1_is_superfluous_by_the_shifted_ray_and_non_constant_sigma_is_necessary():
    """A1 (Assumption 1): checked witnesses for activations that violate it; A6 (sigma non-constant): the
    constant-sigma counterexample, checked (it was an unchecked argument before)."""
    by_label = {a.assumption.label: a for a in registry.report(CID).assumptions}
    assert by_label["A1"].result.ok and by_label["A1"].result.evidence == "proved-on-scope"
    assert {c["activation"] for c in by_label["A1"].result.scope["cases"]} == {"sigmoid", "softplus", "square",
                                                                               "paper_example_1"}
    assert by_label["A6"].result.ok and "parameter-free: True" in by_label["A6"].result.detail
    assert by_label["A7"].result.ok and "no hidden layer" in by_label["A7"].result.detail


def test_mirror_agreement_runs_at_its_stated_precision():
    report = registry.report(CID)
    mirror_step = next(r.result for r in report.steps if r.step.label == "agrees_with_mirror")
    assert mirror_step.ok and mirror_step.sample["dps"] == 60
