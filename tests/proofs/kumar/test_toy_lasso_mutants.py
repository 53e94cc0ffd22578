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


def test_the_steps_needed_read_the_largest_absolute_coordinate():
    # max |beta0_i|, not max beta0_i: with beta0 = (-1/2, 1/10) and alpha lambda = 1/10, K = floor(5) = 5 and
    # n (K + 1) = 12 (the signed maximum 1/10 would give 2 * 2 = 4). A start of 0 needs one step per coordinate.
    assert tl.ndgm_steps_needed([Fraction(-1, 2), Fraction(1, 10)], Fraction(1, 10), Fraction(1)) == 12
    assert tl.ndgm_steps_needed([Fraction(0)] * 3, Fraction(1, 2), Fraction(2)) == 3
    # alpha and lambda enter as their product: 1/2 / (1/5 * 5/2) = 1, K = 1, n (K + 1) = 2
    assert tl.ndgm_steps_needed([Fraction(1, 2)], Fraction(1, 5), Fraction(5, 2)) == 2


def test_the_budget_message_switches_to_an_order_of_magnitude_at_exactly_10_to_the_12():
    # 10^12 steps (K + 1 = 10^12) is the first count shown as "about 10^12"; 10^13 + 1 shows "about 10^13".
    alpha, lam = Fraction(1, 10**6), Fraction(1)
    with pytest.raises(BadInput, match=r"need about 10\^12 exact NDGM steps: the bound is "
                                       r"n\*\(max\|beta0_i\|/\(alpha\*lambda\) \+ 1\) <= 200000$"):
        tl.check_ndgm_budget([Fraction(10**12 - 1, 10**6)], alpha, lam)
    with pytest.raises(BadInput, match=r"need about 10\^13 exact"):
        tl.check_ndgm_budget([Fraction(10**13, 10**6)], alpha, lam)


def test_beta0_parameter_admits_1_to_100_coordinates():
    # the documented bound of a user-given start: 1 to 100 numbers, named in the help text
    p = tl.beta0_parameter([Fraction(0)], "x")
    assert tl.MAX_COORDINATES == 100 and p.length == (1, 100)
    assert p.doc == "x; a vector of 1 to 100 numbers, n*(max|beta0_i|/(alpha*lambda) + 1) <= 200000"


def test_the_random_initializations_lie_on_their_documented_grid():
    r"""The paper's 2-D example with lambda = 1 and lambda = 100, then 12 draws: alpha in [1/1000, 30/1000],
    lambda in [1/10, 4] (so alpha lambda >= 10^-4, the spacing the 10^-7 move relies on), beta0 on the 10^-6
    grid of [-1, 1], or 10^-7 off it when moved off the exceptional set."""
    inits = tl.random_initializations()
    assert inits[1] == ([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(100))
    draws = inits[2:]
    assert len(draws) == 12
    assert all(Fraction(1, 1000) <= alpha <= Fraction(30, 1000) and (alpha * 1000).denominator == 1
               for _, alpha, _ in draws)
    assert all(Fraction(1, 10) <= lam <= 4 and (lam * 10).denominator == 1 for _, _, lam in draws)
    assert all(-1 <= b <= 1 and (b * 10**7).denominator == 1 for beta0, _, _ in draws for b in beta0)
    # the draws really vary: several lengths, and not every alpha or lambda equal
    assert len({len(b) for b, _, _ in draws}) > 1 and len({a for _, a, _ in draws}) > 1 and len({lm for _, _, lm in draws}) > 1


def test_the_random_starts_spread_over_the_cube():
    # beta0 is drawn from all of [-1, 1] (of 1e-6 grid steps): both signs occur and some coordinate is beyond 1/2 in
    # size, so a draw confined to [0, 1] or to a shrunken interval is rejected
    coordinates = [b for beta0, _, _ in tl.random_initializations()[2:] for b in beta0]
    assert any(b < 0 for b in coordinates) and any(b > 0 for b in coordinates)
    assert max(abs(b) for b in coordinates) > Fraction(1, 2) and len(set(coordinates)) == len(coordinates)
