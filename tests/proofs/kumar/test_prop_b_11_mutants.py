r"""Kumar Prop. B.11: the pair-sum gap lambda/(1 + eps/lambda) - lambda^2 (written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from proofs.kumar import prop_b_11 as B


def test_the_pair_sum_gap_vanishes_exactly_on_lambda_plus_eps_one():
    r"""The step reads RMSProp's mean late loss > NDGM's iff lambda + eps < 1: at t = 0 (lambda = 1 - eps) the
    gap lambda^2/(lambda + eps) - lambda^2 is exactly 0, and at e = t = 1 (eps = 1/2, lambda = 1/4) it is
    (1/4)/3 - 1/16 = 1/48.  A '+ lambda^2' gap is positive everywhere and would prove nothing."""
    gap = B._pair_sum_gap()
    assert sp.simplify(gap.subs(B._t, 0)) == 0
    assert sp.nsimplify(gap.subs({B._t: 1, B._e: 1})) == sp.Rational(1, 48)


def test_the_halved_bound_is_refuted_with_the_bound_it_names():
    r"""The wrong version f < (1/2) n alpha lambda^2 fails at the paper's start (alpha = 1/100, lambda = 1, n = 2):
    the bound is 1/100 and the loss at k = 50 = K + 1 is 53/5000 (the detail must name that bound, not
    (1/2) n / alpha lambda^2 = 100)."""
    from fractions import Fraction

    result = B._loss_bound(Fraction(1, 2))
    assert not result.ok
    assert result.detail == "f = 53/5000 >= 1/100"
    assert (result.values["loss"], result.values["bound"], result.values["k_at"]) == (Fraction(53, 5000), Fraction(1, 100), 50)
