r"""Kumar B.11: the loss bound exactly; the ordering of losses does not follow from the bounds."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from numeric.optimizers import ndgm_cycle
from proofs import registry


def test_verified_with_the_ordering_erratum():
    report = registry.report("kumar.prop_b_11")
    assert report.status == "verified-with-errata" and [e.step for e in report.errata] == ["losses_ordered_like_bounds"]


@given(st.lists(st.integers(-9999, 9999).map(lambda i: Fraction(i, 10**4) + Fraction(1, 3 * 10**6)), min_size=1, max_size=5),
       st.integers(1, 50), st.integers(1, 30))
def test_cycle_loss_below_n_alpha_lambda_squared(beta0, j, l):
    alpha, lam = Fraction(j, 1000), Fraction(l, 10)
    cyc = ndgm_cycle(beta0, alpha, lam)
    for point in (cyc.first, cyc.second):
        assert lam * sum(abs(x) for x in point) < len(beta0) * alpha * lam * lam


def test_late_rmsprop_norm_bound_is_a_sample_at_one_lambda():
    result = next(r.result for r in registry.report("kumar.prop_b_11").steps if r.step.label == "rmsprop_norm_bound")
    assert result.evidence == "confirmed" and result.sample["where"]["lambda"] == "1/1000"
