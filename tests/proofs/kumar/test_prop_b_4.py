r"""Kumar B.4: RMSProp's exceptional sets Z_k exactly, inside/outside, and the float measurements."""

from fractions import Fraction

import mpmath
import pytest

from numeric.optimizers import rmsprop_trajectory
from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.kumar.prop_b_4 import PAPER, exceptional_set
from proofs.values import parse_settings


def test_chain_verified():
    report = registry.report("kumar.prop_b_4")
    assert report.status == "verified" and all(a.result is None or a.result.ok for a in report.assumptions)


@pytest.mark.parametrize("convention", ["paper", "pytorch"])
def test_points_of_Z4_hit_zero_and_neighbours_do_not(convention):
    for b0 in exceptional_set(4, PAPER, convention):
        for offset, hits in ((Fraction(0), True), (Fraction(1, 10**30), False)):
            run = rmsprop_trajectory([b0 + offset], *PAPER.values(), 4, convention=convention, dps=80)
            with mpmath.workdps(80):
                assert (abs(run[4][0][0]) < mpmath.mpf(10) ** -50) == hits


def test_derive_lists_Z_k():
    claim = registry.get_claim("kumar.prop_b_4")
    out = claim.derive(parse_settings(claim, ["k=2", "convention=pytorch"]))
    assert out["size"] == 4


def test_bad_gamma_is_rejected():
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim("kumar.prop_b_4"), ["gamma=1"])
    assert info.value.assumption == "A1"


def test_float32_zeros_are_measured():
    rows = registry.get_claim("kumar.prop_b_4").extra()["rmsprop_exact_zeros"]
    assert any(r["dtype"] == "float32" and r["ever_zero"] > 0 for r in rows)


@pytest.mark.deep
def test_table_2_settings_rmsprop_zeroes_a_third_of_the_entries_in_both_precisions():
    import numpy as np

    from numeric.optimizers import zero_entry_frequency
    for dtype in (np.float32, np.float64):
        row = zero_entry_frequency("rmsprop", n=2000, steps=2167, alpha=0.003, lam=2.0, dtype=dtype)
        assert row["zero_at_end"] > 0.3 * 2000


def test_hypotheses_quote_settings_and_the_exceptional_sets_are_scoped():
    from proofs.engine import fill
    report = registry.report("kumar.prop_b_4")
    a2 = next(a for a in report.assumptions if a.assumption.label == "A2")
    assert a2.result.evidence == "proved" and "$r=0.10000005$" in fill(a2.assumption.necessity.evidence, a2.result.values)
    steps = {r.step.label: r.result for r in report.steps}
    assert steps["exceptional_set_at_most_2_to_k"].scope["k"] == "1..10"
    assert steps["step_sizes_decrease"].proved and "z3" in steps["step_sizes_decrease"].engines
