r"""Cooper's third contribution: the limit, the witness for power-law l, bad exponents."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from proofs import registry
from proofs.cooper.corollary_subquadratic import construct, verify
from proofs.errors import BadInput
from proofs.values import parse_settings

CID = "cooper.corollary_subquadratic"


def test_chain_checks():
    report = registry.report(CID)
    # Verified on the reading the proof supports; refuted on 'exactly quadratic' (zero-sum data: no l works).
    assert report.ok and report.status == "reading-dependent"
    assert [e.step for e in report.errata] == ["some_quadratic_l_works_as_read"]


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.fractions(0, Fraction(19, 10), max_denominator=10),
       st.sampled_from(["l2", "cross_entropy"]))
@example(10**6, 10**6, Fraction(19, 10), "l2")
def test_witness_violates_any_subquadratic_power_law(a, b, alpha, loss):
    params = dict(depth=2, width=2, d_in=1, d_out=2, n=2, activation="tanh", seed=3, a=a, b=b, alpha=alpha, loss=loss)
    assert verify(params, construct(params)).holds


@pytest.mark.parametrize("alpha", ["2", "5/2", "-1"])
def test_exponents_that_are_not_subquadratic_are_bad_input(alpha):
    claim = registry.get_claim(CID)
    with pytest.raises(BadInput):
        claim.witness(parse_settings(claim, [f"alpha={alpha}"]))


@pytest.mark.parametrize("loss, symbol, other", [("l2", "d_out", "width"), ("cross_entropy", "n", "d_in")])
def test_limit_with_a_swapped_dimension_symbol_is_rejected(loss, symbol, other):
    """The limits are taken where n, d_in, c_l, d_out are distinct (3, 1, 2, 5): a swapped symbol is wrong there."""
    from proofs.cooper.corollary_subquadratic import limit_step, ratio_formula

    wrong = limit_step(loss, "swapped", "", formula=lambda lo, D, data: ratio_formula(lo, {**D, symbol: D[other]}, data))
    result = wrong.run()
    assert not result.ok and not result.undecided


def test_cross_entropy_gradient_vanishes_for_uniform_labels_and_the_exactly_clause_is_not_established():
    report = registry.report(CID)
    steps = {r.step.label: r for r in report.steps}
    assert steps["grad_norm_bounded_for_uniform_labels"].result.ok
    assert all(not m.run().ok for m in steps["grad_norm_bounded_for_uniform_labels"].step.mutants())
    assert {r.name for r in report.claim.readings} == {"not_subquadratic", "exactly_quadratic"}
    assert steps["no_subquadratic_l_witness"].step.reading == "not_subquadratic"
    assert steps["quadratic_l_not_excluded_by_ray"].step.reading == "exactly_quadratic"
    assert "not established" in report.claim.repaired_statement


@pytest.mark.parametrize("settings, word", [
    (["alpha=1999/1000"], "denominator must be <= 64"),
    (["a=1e999", "b=1e999", "alpha=31/16"], "t* would exceed 2^20000"),
    (["depth=0"], "A1 (hypotheses of Theorems 12 / 14)"),
])
def test_hostile_constants_are_one_line_and_exit_2(settings, word, capsys):
    from proofs.cli import main

    assert main(["witness", "cooper.corollary_subquadratic", *[f"--set={s}" for s in settings]]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and word in err, err


def test_a_far_witness_is_found_by_skipping_ahead_and_checked_exactly():
    """b = 10^6, alpha = 31/16: t* is near 2^300; the search starts 3 below the float estimate, the check is exact."""
    p = {"depth": 2, "width": 2, "d_in": 2, "d_out": 2, "n": 2, "activation": "tanh", "seed": 0,
         "a": 1, "b": 10**6, "alpha": Fraction(31, 16)}
    t = construct(p)
    assert t > 2**64 and verify(p, t).holds and not verify(p, t // 2).holds
