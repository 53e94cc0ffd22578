r"""Kumar B.6-B.10 (Adam): chains, exceptional sets and the alternating-sign erratum."""

from fractions import Fraction

import mpmath
import pytest
from hypothesis import given
from hypothesis import strategies as st

from numeric.optimizers import adam_trajectory
from proofs import registry
from proofs.kumar.prop_b_7 import exceptional_beta1
from proofs.kumar.prop_b_8 import exceptional_set


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


@pytest.mark.parametrize("cid,label,wrong", [
    ("kumar.prop_b_9", "bounce_formula", "plus"),
    ("kumar.prop_b_10", "run_35", "plus"),
    ("kumar.prop_b_10", "mirrors_rmsprop_39", "gamma_k"),
    ("kumar.prop_b_10", "run_34_base", "plus"),
])
def test_formerly_vacuous_steps_compute_one_side_and_reject_a_wrong_printed_side(cid, label, wrong):
    import dataclasses

    import sympy as sp

    from symbolic import optimizers as o
    step = next(s for s in registry.get_claim(cid).steps if s.label == label)
    assert callable(step.lhs) and not isinstance(step.lhs, sp.Basic) and step.run().proved
    rhs = step.rhs
    bad = rhs + o.lam if wrong == "plus" else rhs.subs(o.gamma ** (o.k + 1), o.gamma**o.k)  # the exponent off by one
    assert bad != rhs and not dataclasses.replace(step, rhs=bad).run().ok


def test_b7_hypothesis_text_quotes_the_computed_root():
    from proofs.engine import fill
    report = registry.report("kumar.prop_b_7")
    a1 = next(a for a in report.assumptions if a.assumption.label == "A1")
    text = fill(a1.assumption.necessity.evidence, a1.result.values)
    assert text.startswith(r"$\beta_1^*=0.9082438628")


def test_b8_exceptional_sets_are_proved_for_k_up_to_8_only():
    result = next(r.result for r in registry.report("kumar.prop_b_8").steps if r.step.label == "exceptional_set_at_most_2_to_k")
    assert result.evidence == "proved-on-scope" and result.scope["k"] == "1..8"
