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


def test_the_zero_moment_witness_holds_only_for_a_run_that_stays_at_zero():
    r"""A1's witness (m = 0): from beta^(k) = 0, g = lambda sign(0) = 0 and m' = beta1 * 0 = 0, so beta^(k+1) = 0 exactly:
    the witness holds with lhs 0, shown against 'nonzero'.  The wrong construction m = 1/2 leaves 0 (to -9/200) and
    must not hold.  Rejects '!=' for '==', a lhs read at beta^(0) or beta^(2)."""
    from proofs.kumar.prop_b_9 import _stayed_zero

    stays = _stayed_zero({}, _run_from_zero(Fraction(0)))
    assert (stays.lhs, stays.rhs, stays.holds) == (0, "nonzero", True)
    leaves = _stayed_zero({}, _run_from_zero(Fraction(1, 2)))
    assert (leaves.lhs, leaves.holds) == (sp.Rational(-9, 200), False)


def test_the_exact_run_from_zero_is_one_step_at_the_paper_settings():
    r"""``_run_from_zero(m, v, at_zero)`` is the exact one-step run from beta = 0 with m^(k) = m, v^(k) = v (default
    100/9900, so gamma v = 1/100), alpha = 1/100, beta1 = 9/10, gamma = 99/100, eps = 0: run[0] is that start and
    run[1] = (beta, m, v) = (-9/200, 9/20, 1/100) from m = 1/2.  With sign(0) = 1 (A2) the gradient is lambda = 1:
    from m = -1/9, v = 0, m' = -1/10 + 1/10 = 0, v' = 1/100, beta' = 0; from m = 1/2 and the default v,
    v' = 1/100 + 1/100 = 1/50, whose root is irrational, so the exact run refuses.  Rejects a run of more steps,
    another beta1, gamma or lambda, or eps != 0."""
    import pytest

    from numeric.optimizers import AdamState

    run = _run_from_zero(Fraction(1, 2))
    assert len(run) == 2 and run[0] == AdamState([0], [Fraction(1, 2)], [Fraction(100, 9900)])
    assert run[1] == AdamState([Fraction(-9, 200)], [Fraction(9, 20)], [Fraction(1, 100)])
    a2 = _run_from_zero(Fraction(-1, 9), Fraction(0), at_zero=1)
    assert a2[1] == AdamState([0], [0], [Fraction(1, 100)])
    with pytest.raises(ArithmeticError, match="not a perfect square"):
        _run_from_zero(Fraction(1, 2), at_zero=1)


def test_both_necessity_witnesses_are_single_exact_runs_and_sign_0_is_the_unstated_one():
    r"""A1 (m = 0 keeps beta at 0) and A2 (sign(0) = 1 cancels the bounce) are each shown by one exact run, proved
    outright (evidence ``proved``, no scope of cases), both ending at beta^(k+1) = 0.  A2, sign(0) = 0, is the
    hypothesis the paper uses without stating it; A1 (m != 0, from B.7) is stated.  Rejects either witness read as
    a for-all statement or the flags swapped."""
    from proofs import registry

    a1, a2 = registry.get_claim("kumar.prop_b_9").assumptions
    assert (a1.label, a1.used_not_stated, a2.label, a2.used_not_stated) == ("A1", False, "A2", True)
    for assumption in (a1, a2):
        result = assumption.necessity.check.run()
        assert result.ok and result.evidence == "proved" and result.scope is None
        assert result.values == {"lhs": 0, "rhs": "nonzero"}
