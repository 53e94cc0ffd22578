r"""Kumar B.11: the loss bound exactly; the ordering of losses does not follow from the bounds."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from numeric.optimizers import ndgm_cycle
from proofs import registry


def _result(label):
    return next(r.result for r in registry.report("kumar.prop_b_11").steps if r.step.label == label)


def test_ordering_sentence_is_reading_dependent():
    report = registry.report("kumar.prop_b_11")
    assert report.status == "reading-dependent" and [e.step for e in report.errata] == ["losses_ordered_like_bounds"]
    assert report.by_reading == {"every_late_iterate": "verified-with-errata", "mean_late_loss": "verified"}


def test_ordering_counterexample_is_exact():
    result = _result("losses_ordered_like_bounds")
    assert not result.ok and result.evidence == "proved" and result.values["below"] == 50


def test_the_old_float_counterexample_reverses_in_exact_arithmetic():
    result = _result("float_counterexample_is_rounding")
    assert result.ok and "RMSProp above NDGM at 100/100" in result.outcomes["exact (80 digits)"]
    assert "0%" in result.outcomes["float64"]


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
