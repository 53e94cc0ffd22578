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


def _case(**change):
    return {**B.ORDER_CASE, **change}


def test_the_every_iterate_ordering_counts_below_and_above_by_hand():
    r"""One coordinate, lambda = 1, alpha = 1/100, beta0 = 0.301: NDGM (step 1/100) reaches 0.001 at k = 30 and then
    alternates -0.009, 0.001, so at odd k >= 31 its loss is 0.009; RMSProp's small cycle end is below that at 5 of the
    last 10 of 100 iterates, the first at k = 91.  Rejects swapped below/above lists, a wrong first example (the
    last one instead of the first) or an inverted verdict."""
    from fractions import Fraction

    r = B._ordering_exact(_case(lam=Fraction(1), beta0=Fraction(301, 1000), steps=100, last=10))
    assert not r.ok and (r.values["below"], r.values["last"], r.values["steps"]) == (5, 10, 100)
    assert r.values["k_ex"] == 91 and str(r.values["f_ndgm"]) == "0.009"
    assert r.values["f_rms"] < 0.009 and r.values["f_rms_radius"] < 1e-12
    assert "below NDGM's at 5 and above at 5 of the last 10 of 100" in r.detail
    assert "k={k_ex}" in r.counterexample


def test_the_every_iterate_ordering_holds_when_rmsprop_is_above_at_every_late_iterate():
    r"""lambda = 2 (NDGM steps 2/100, RMSProp about 1/100) from 3/10: RMSProp's loss is above at all of the last 10 of
    100 iterates, so the check passes with no counterexample and no example iterate."""
    from fractions import Fraction

    r = B._ordering_exact(_case(lam=Fraction(2), beta0=Fraction(3, 10), steps=100, last=10))
    assert r.ok and r.counterexample is None and r.values["below"] == 0 and "k_ex" not in r.values
    assert "below NDGM's at 0 and above at 10" in r.detail


def test_the_every_iterate_ordering_refuses_an_undecided_tie():
    r"""From beta0 = 0 both runs stay exactly at 0: the losses are equal, neither below nor above, and the check must
    raise (a tie counted as 'above' would pass a claim it never decided)."""
    import pytest
    from fractions import Fraction

    with pytest.raises(ArithmeticError, match="undecided"):
        B._ordering_exact(_case(beta0=Fraction(0), steps=5, last=2))


def test_worked_numbers_by_hand_and_the_swapped_table_is_refuted():
    r"""n alpha = 1: (n alpha lambda, n alpha lambda^2) is (1/100, 1/10^4) at lambda = 1/100 and (100, 10^4) at 100;
    the printed table with the two bounds swapped fails and names both tables."""
    good, bad = B._worked(False), B._worked(True)
    assert good.ok and good.counterexample is None
    assert sp.Tuple(*good.values["computed"]).doit() == ((sp.Rational(1, 100), sp.Rational(1, 10**4)), (100, 10**4))
    assert not bad.ok and sp.Tuple(*bad.values["printed"]).doit() == ((sp.Rational(1, 10**4), sp.Rational(1, 100)), (10**4, 100))
    assert "[('1/100', '1/10000'), ('100', '10000')]" in good.detail


def test_the_exceptional_start_ends_at_zero_and_the_bound_is_strict():
    r"""beta0 = (1/2, 1/2), alpha = 1/100, lambda = 1 lies on alpha lambda Z: the exact run reaches (0, 0) (50 steps) and
    stays, loss 0 < n alpha lambda^2 = 1/50.  The witness check is strict: a loss equal to the bound (1/100, 1/100)
    does not hold, nor does the start itself (loss 1)."""
    from fractions import Fraction

    p = B.EXCEPTIONAL_CASE
    end = B._exceptional_end(p)
    assert end == [0, 0]
    ok = B._below_bound(p, end)
    assert ok.holds and (ok.lhs, ok.rhs) == (0, sp.Rational(1, 50))
    assert not B._below_bound(p, [Fraction(1, 100), Fraction(1, 100)]).holds
    assert not B._below_bound(p, [Fraction(1, 2), Fraction(-1, 2)]).holds
    assert B._below_bound({**p, "lam": Fraction(2)}, [Fraction(1, 100), Fraction(-1, 100)]).rhs == sp.Rational(2, 25)


def test_the_exact_loss_bound_passes_on_all_fourteen_runs_with_its_scope():
    r"""f(beta^(k)) < n alpha lambda^2 for k = K..K+3 on B.2's 14 exact runs: passes, as proved on exactly that scope."""
    from fractions import Fraction

    r = B._loss_bound(Fraction(1))
    assert r.ok and r.evidence == "proved-on-scope" and len(r.scope["cases"]) == 14 and r.scope["k"] == "K..K+3"


def test_late_loss_comparison_is_one_below_the_crossover_and_zero_above():
    r"""Float64, n = 10: at lambda = 0.1 RMSProp's late loss (about n alpha lambda/2) is above NDGM's (about
    n alpha lambda^2/2) at every late iterate; at lambda = 2 it is above at none."""
    assert B.late_loss_comparison(0.1, n=10, settle=200, last=20) == 1.0
    assert B.late_loss_comparison(2.0, n=10, settle=200, last=20) == 0.0


def test_the_ordering_counterexample_names_one_coordinate_and_its_settings():
    r"""The referee reads the point n = 1 (one coordinate), alpha, lambda, and gamma = 99/100, eps = 1e-8 of the
    RMSProp run; a point with n = 2 would describe a different problem."""
    from fractions import Fraction

    r = B._ordering_exact(_case(lam=Fraction(1), beta0=Fraction(301, 1000), steps=100, last=10))
    assert {str(k): sp.sympify(v).doit() for k, v in r.values["point"].items()} == {
        "n": 1, "alpha": sp.Rational(1, 100), "lambda": 1}
    assert sp.sympify(r.values["gamma"]).doit() == sp.Rational(99, 100)
    assert sp.sympify(r.values["eps"]).doit() == sp.Rational(1, 10**8)


def test_the_exceptional_end_is_the_last_iterate_of_the_run():
    r"""Three steps of 1/100 from (1/2, 1/2) end at (47/100, 47/100), not at the iterate before (48/100)."""
    from fractions import Fraction

    assert B._exceptional_end({**B.EXCEPTIONAL_CASE, "steps": 3}) == [Fraction(47, 100)] * 2


def test_the_halved_bound_names_lambda_squared_at_lambda_100(monkeypatch):
    r"""At lambda = 100 (the second of B.2's runs: beta0 = (0.4947, 0.4947), alpha = 1/100, n = 2) the wrong version
    f < (1/2) n alpha lambda^2 fails at once (k = 1): f = 5053/50 against the bound (1/2) 2 (1/100) 100^2 = 100.
    At lambda = 1 every power of lambda is 1; here a detail naming n alpha lambda / lambda (1/100) or any other
    power of lambda is wrong."""
    from fractions import Fraction

    inits = B.random_initializations()
    assert (inits[1][1], inits[1][2]) == (Fraction(1, 100), Fraction(100))
    monkeypatch.setattr(B, "random_initializations", lambda: [inits[1]])
    result = B._loss_bound(Fraction(1, 2))
    assert not result.ok and result.detail == "f = 5053/50 >= 100"
    assert (result.values["bound"], result.values["k_at"]) == (Fraction(100), 1)


def _float_runs(zeros, rmsprop_exact_zeros=0):
    # 100 late iterates, exact RMSProp loss 2 above exact NDGM loss 1 at each; float64 never above
    return {"exact": {"rmsprop": ([2] * 100, rmsprop_exact_zeros), "ndgm": ([1] * 100, 0)}, "frac": 0.0, "zeros": zeros}


def test_the_float_counterexample_needs_at_least_one_float_zero(monkeypatch):
    r"""The rounding explanation holds when the float64 run has at least one RMSProp entry exactly 0 (and the exact
    run none): one zero is enough, none is refuted.  Rejects 'zeros > 1' (one zero refused) and 'zeros >= 0'."""
    for zeros, ok in ((1, True), (0, False), (57, True)):
        monkeypatch.setattr(B, "_old_counterexample_runs", lambda z=zeros: _float_runs(z))
        result = B._float_counterexample_is_rounding()
        assert result.ok is ok, zeros
    monkeypatch.setattr(B, "_old_counterexample_runs", lambda: _float_runs(1, rmsprop_exact_zeros=1))
    assert not B._float_counterexample_is_rounding().ok  # an exact zero: the float zeros are no artefact
