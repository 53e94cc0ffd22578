r"""The toy-LASSO pack module (proofs/kumar/toy_lasso.py): the exceptional set and the fixed
random initializations shared by Props. B.2 and B.11."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from numeric.optimizers import ndgm_first_zero
from proofs.kumar.toy_lasso import in_exceptional_set, random_initializations


@given(st.integers(-60, 60), st.sampled_from([Fraction(0), Fraction(1, 3), Fraction(1, 10**9)]))
def test_exceptional_set_is_exactly_where_ndgm_reaches_zero(m, offset):
    alpha, lam = Fraction(1, 100), Fraction(1)
    b0 = (m + offset) * alpha * lam
    assert in_exceptional_set(b0, alpha, lam) == (offset == 0)
    assert (ndgm_first_zero(b0, alpha, lam, abs(m) + 3) is not None) == in_exceptional_set(b0, alpha, lam)


def test_random_initializations_are_fixed_and_off_the_exceptional_set():
    inits = random_initializations()
    assert inits == random_initializations(7) and inits != random_initializations(8)
    assert len(inits) == 14 and inits[0] == ([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(1))
    assert not any(in_exceptional_set(b, alpha, lam) for beta0, alpha, lam in inits for b in beta0)
    assert all(1 <= len(beta0) <= 5 and all(-1 <= b <= Fraction(1000001, 10**6) for b in beta0) for beta0, _, _ in inits)
