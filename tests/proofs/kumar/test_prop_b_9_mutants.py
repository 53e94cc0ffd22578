r"""Kumar Prop. B.9 (written against the mutation benchmark): the exact bounce off zero, by hand, and what the
witness compares it with."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs.kumar.prop_b_9 import _left_zero, _run_from_zero


def test_the_bounce_from_zero_by_hand_is_compared_with_zero():
    r"""From beta^(k) = 0 with m = 1/2, v = 100/9900 (gamma v = 1/100, eps = 0): m' = beta1 m = 9/20, v' = 1/100, so
    beta^(k+1) = -alpha m'/sqrt(v') = -(1/100)(9/20)(10) = -9/200.  The witness shows that value against 0, the
    value it must differ from (B.9: the entry leaves 0), not against any other number."""
    check = _left_zero({}, _run_from_zero(Fraction(1, 2)))
    assert check.holds
    assert check.lhs == sp.Rational(-9, 200) and check.rhs == 0


def test_a_run_that_stays_at_zero_does_not_count_as_a_bounce():
    # m = 0: beta^(k+1) = 0, the entry did not leave 0 (A1's counterexample), so the bounce witness must not hold
    check = _left_zero({}, _run_from_zero(Fraction(0)))
    assert not check.holds and check.lhs == 0
