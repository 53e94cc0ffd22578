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


def test_the_sign_zero_wrong_construction_differs_from_the_witness_only_in_sign_0():
    r"""A2's witness starts at 0 with m = -1/9, v = 100/9900 and sign(0) = 1 (the bounce cancels: beta stays 0).  Its
    wrong construction must be that same run with the paper's sign(0) = 0, so that its rejection shows sign(0) is
    what matters: by hand m' = (9/10)(-1/9) = -1/10, v' = (99/100)(100/9900) = 1/100, beta^(k+1) =
    -(1/100)(-1/10)/(1/10) = 1/100 != 0.  (A wrong m such as -2/9 would also leave 0, at 1/50, and show nothing
    about sign(0).)"""
    from proofs import registry

    claim = registry.get_claim("kumar.prop_b_9")
    check = next(a for a in claim.assumptions if a.label == "A2").necessity.check
    wrong = check.mutants()[0].run()
    assert not wrong.ok and wrong.values["lhs"] == sp.Rational(1, 100)
    assert check.run().ok and check.run().values["lhs"] == 0
