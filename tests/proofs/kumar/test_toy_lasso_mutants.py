r"""proofs.kumar.toy_lasso: the shared ``beta0`` parameter and the NDGM step budget (written against
the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from proofs.errors import BadInput
from proofs.kumar import toy_lasso as tl


def test_beta0_parameter_is_a_bounded_vector():
    p = tl.beta0_parameter([Fraction(1, 2)], "start")
    assert (p.name, p.kind, p.default, p.shape, p.length) == ("beta0", "list", [Fraction(1, 2)], "vector",
                                                               (1, tl.MAX_COORDINATES))
    assert p.doc.startswith("start; a vector of 1 to") and str(tl.MAX_NDGM_STEPS) in p.doc


def test_ndgm_steps_needed_by_hand():
    # n = 2, max |beta0_i| / (alpha lambda) = 0.4947 / 0.01 = 49.47: K = 49, n (K + 1) = 100
    assert tl.ndgm_steps_needed([Fraction(4947, 10000), Fraction(-1, 10)], Fraction(1, 100), Fraction(1)) == 100


def test_budget_names_the_steps_exactly_then_by_order_of_magnitude():
    alpha, lam = Fraction(1, 10**6), Fraction(1)
    tl.check_ndgm_budget([Fraction(1, 10)], alpha, lam)  # 100 001 steps: within the budget
    with pytest.raises(BadInput, match=r"need 1000001 exact NDGM steps"):
        tl.check_ndgm_budget([Fraction(1)], alpha, lam)
    with pytest.raises(BadInput, match=r"need about 10\^12 exact NDGM steps"):  # 10^12 + 1 steps
        tl.check_ndgm_budget([Fraction(10**6)], alpha, lam)
    with pytest.raises(BadInput, match=r"need 999999999999 exact"):  # just below 10^12: still exact
        tl.check_ndgm_budget([Fraction(10**12 - 2, 10**6)], alpha, lam)


def test_the_budget_admits_exactly_max_ndgm_steps():
    # the bound is n*(K + 1) <= MAX_NDGM_STEPS: K = 199 999 (one coordinate, alpha lambda = 10^-6) needs exactly
    # 200 000 steps and is run; one more grid step needs 200 001 and is refused
    alpha, lam = Fraction(1, 10**6), Fraction(1)
    at_the_bound = Fraction(tl.MAX_NDGM_STEPS - 1, 10**6)
    assert tl.ndgm_steps_needed([at_the_bound], alpha, lam) == tl.MAX_NDGM_STEPS == 200_000
    tl.check_ndgm_budget([at_the_bound], alpha, lam)
    with pytest.raises(BadInput, match=r"need 200001 exact NDGM steps"):
        tl.check_ndgm_budget([at_the_bound + alpha * lam], alpha, lam)


def test_a_start_on_the_exceptional_set_moves_off_it_and_stays_in_the_cube():
    # A start of exactly 1 used to move to 1 + 1e-7, out of the [-1, 1]^n the docstring promises.
    from fractions import Fraction

    from proofs.kumar.toy_lasso import in_exceptional_set, off_exceptional_set

    alpha, lam = Fraction(1, 100), Fraction(1)
    for b in (Fraction(1), Fraction(-1), Fraction(0), Fraction(1, 2), Fraction(-1, 2)):
        moved = off_exceptional_set(b, alpha, lam)
        assert not in_exceptional_set(moved, alpha, lam) and -1 <= moved <= 1 and abs(moved - b) == Fraction(1, 10**7)
    assert off_exceptional_set(Fraction(1, 3), alpha, lam) == Fraction(1, 3)
