r"""Kumar B.6-B.10 (Adam): chains, exceptional sets and the alternating-sign erratum."""

from fractions import Fraction

import mpmath
import pytest
from hypothesis import given
from hypothesis import strategies as st

from numeric.optimizers import adam_trajectory
from proofs import registry
from proofs.kumar_prop_b_7 import exceptional_beta1
from proofs.kumar_prop_b_8 import exceptional_set


@pytest.mark.parametrize("cid,status", [("kumar.prop_b_6", "verified"), ("kumar.prop_b_7", "verified"), ("kumar.prop_b_8", "verified"),
                                        ("kumar.prop_b_9", "verified"), ("kumar.prop_b_10", "verified-with-errata")])
def test_chain_status(cid, status):
    report = registry.report(cid)
    assert report.ok and report.status == status


@given(st.lists(st.sampled_from([-1, 0, 1]), min_size=1, max_size=30), st.fractions(min_value=0, max_value=1, max_denominator=100))
def test_first_moment_bounded_by_lambda_for_any_sign_sequence(signs, beta1):
    m = Fraction(0)
    for s in signs:
        m = beta1 * m + (1 - beta1) * s
        assert abs(m) <= 1


def test_exceptional_beta1_in_range():
    assert 0.9 <= float(exceptional_beta1()) <= 0.99


@pytest.mark.parametrize("k", [2, 5])
def test_adam_Z_k_points_hit_zero_neighbours_do_not(k):
    for ball in exceptional_set(k, Fraction(1, 10**8)):
        b0 = Fraction(ball.mid().str(60, radius=False))
        for offset, hits in ((Fraction(0), True), (Fraction(1, 10**25), False)):
            run = adam_trajectory([b0 + offset], Fraction(1, 100), 1, Fraction(9, 10), Fraction(99, 100), Fraction(1, 10**8), k, dps=80)
            with mpmath.workdps(80):
                assert (abs(run[k].beta[0]) < mpmath.mpf(10) ** -50) == hits


def test_alternating_erratum_counterexample():
    report = registry.report("kumar.prop_b_10")
    assert [e.step for e in report.errata] == ["alternating_magnitude_near_lambda"]
