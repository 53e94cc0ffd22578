r"""Kumar eq. (9): G = lambda fails for n >= 2 (the paper's example); G = lambda*sqrt(n) holds."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from proofs import registry
from proofs.kumar.eq_9 import limit_best_value


def test_refuted_with_both_errata():
    report = registry.report("kumar.eq_9")
    assert report.status == "refuted"
    assert [e.step for e in report.errata] == ["lipschitz_constant_G_eq_lambda", "bound_9_with_G_eq_lambda"]


@given(st.lists(st.integers(-9999, 9999).map(lambda i: Fraction(i, 10**4) + Fraction(1, 3 * 10**6)), min_size=1, max_size=4),
       st.integers(1, 50), st.integers(1, 30))
def test_repaired_bound_n_alpha_lambda_sq_over_2(beta0, j, l):
    alpha, lam = Fraction(j, 1000), Fraction(l, 10)
    assert limit_best_value(beta0, alpha, lam) <= len(beta0) * alpha * lam * lam / 2


def test_one_dimension_G_lambda_is_right():
    assert limit_best_value([Fraction(4947, 10000)], Fraction(1, 100), Fraction(1)) <= Fraction(1, 200)
