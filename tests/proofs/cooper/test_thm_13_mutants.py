r"""Cooper Theorem 13, the depth-two necessity witness (written against the mutation benchmark): the
Hessian entry must exceed m strictly; a point where it only equals m shows no unbounded Hessian."""

from __future__ import annotations

from fractions import Fraction

from proofs import registry

CID = "cooper.thm_13"


def _depth_two_witness():
    claim = registry.get_claim(CID)
    return next(a.necessity.check for a in claim.assumptions
                if a.necessity.check is not None and a.necessity.check.label == "depth_two_hessian_unbounded")


def test_the_depth_two_entry_must_exceed_m_strictly():
    # (HL)_{b^2_1 b^2_1}(rho(t)) = 2 t^2: at t = 1 it is 2, which beats m = 1 but not m = 2
    step = _depth_two_witness()
    assert step.verify({"m": Fraction(1)}, Fraction(1)).holds
    at_m = step.verify({"m": Fraction(2)}, Fraction(1))
    assert at_m.lhs.endswith(": 2") and not at_m.holds


def test_the_unbounded_gradient_witness_is_a_b1_ray_whose_b1_entry_alone_exceeds_G():
    r"""rho = tau e_{b_1}: the b_1 entry of grad L is start + 2 n tau (n = 2 default data), and tau =
    ceil((G + |start|)/(2n) + 1) makes that entry alone exceed G.  A tau smaller by 2 (``- 1``) gives rho = 0 at
    G = 1 (the discarded wrong construction) and a b_1 entry G - 2 < G at G = 10^6: the norm then exceeds G only
    through the other entries, not by the stated construction."""
    from proofs.cooper import thm_13 as t
    xs, ys = t._frac_data(*t._default_data())
    b1 = len(ys[0]) * len(xs[0])
    for G in (Fraction(1), Fraction(10) ** 6, Fraction(10) ** 12):
        rho = t._unbounded_rho({"G": G})
        assert rho[b1] > 0 and all(v == 0 for i, v in enumerate(rho) if i != b1)
        assert abs(t._gradient_at(rho, xs, ys)[b1]) > G
        assert t._gradient_exceeds({"G": G}, rho).holds


# ---------------------------------------------------------------- the witnesses and the wrong bound, at their edges

import math  # noqa: E402

from proofs.cooper import thm_13 as t13  # noqa: E402


def test_the_data_witness_needs_an_entry_strictly_above_m():
    """x = (1, 0), y = 0: (HL)_11 = 2 x_1^2 = 2, which equals m = 2: not a Hessian larger than m."""
    check = t13._hessian_exceeds_m({"m": Fraction(2)}, ([[Fraction(1), Fraction(0)]], [[Fraction(0)]]))
    assert check.lhs == "(HL)_11 = 2 <= ||HL||_op" and check.rhs == "m = 2" and not check.holds


def test_the_data_witness_is_the_printed_point():
    """The latex promises x = (floor(sqrt m) + 1, 0), y = 0; there (HL)_11 = 2 x_1^2 > m."""
    for m in (1, 4, 10**12):
        xs, ys = t13._data_for_m({"m": Fraction(m)})
        assert xs == [[math.isqrt(m) + 1, 0]] and ys == [[0]]
        check = t13._hessian_exceeds_m({"m": Fraction(m)}, (xs, ys))
        assert check.holds and check.lhs == f"(HL)_11 = {2 * (math.isqrt(m) + 1) ** 2} <= ||HL||_op"


def test_the_wrong_bound_is_below_the_norm_and_its_failure_says_so():
    """2 max_k G_kk - 1/10 = 2 * 13 - 1/10 = 259/10 on the default data, below ||HL||_op (Sturm): refuted with the
    reason; m = 65/2 = 2 tr G is accepted."""
    assert t13._top_gram_bound(t13._default_data()[0]) == Fraction(259, 10)
    wrong = t13._norm_check(t13._top_gram_bound)
    assert not wrong.ok and wrong.detail == "||HL||_op <= 259/10: False (default data)"
    assert wrong.counterexample == "a root of charpoly(HL) exceeds 259/10"
    right = t13._norm_check(lambda xs: Fraction(65, 2))
    assert right.ok and right.counterexample is None and right.detail == "||HL||_op <= 65/2: True (default data)"


def test_the_gradient_witness_needs_a_norm_strictly_above_G():
    """At rho with the weight w_3_2 = 1 (all else 0) the default data give ||grad L||^2 = 1681 = 41^2: G = 41 is met
    with equality, not exceeded; G = 40 is exceeded."""
    rho = [Fraction(0)] * 9
    rho[5] = Fraction(1)
    at_41 = t13._gradient_exceeds({"G": Fraction(41)}, rho)
    assert (at_41.lhs, at_41.rhs, at_41.holds) == ("||grad L(rho)||^2 = 1681", "G^2 = 1681", False)
    assert t13._gradient_exceeds({"G": Fraction(40)}, rho).holds
