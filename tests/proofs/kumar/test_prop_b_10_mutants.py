r"""Kumar Prop. B.10 (written against the mutation benchmark): the helpers by hand at small numbers, and the
measurements' bookkeeping (the sign runs, the tail, the maximum) on a hand-made trajectory."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy as sp

from numeric.optimizers import AdamState
from proofs.kumar import prop_b_10
from proofs.kumar.prop_b_10 import _alternating, _second_moment_iterated, _sign_runs, adam_step
from symbolic import optimizers as o


def test_sign_runs_split_at_each_change_of_sign():
    r"""Maximal runs of equal signs, in order: rejects a split at every character, runs never split, or a
    comparison with the wrong end of the last run."""
    assert _sign_runs("++-+") == ["++", "-", "+"]
    assert _sign_runs("") == []
    assert _sign_runs("-") == ["-"]
    assert _sign_runs("+++") == ["+++"]
    assert _sign_runs("+--++-") == ["+", "--", "++", "-"]


def test_adam_step_is_alpha_m_over_root_of_v_plus_eps():
    r"""alpha = 1/10, m = 3: v = 4, eps = 5 gives 3/10 / sqrt(9) = 1/10; eps = 0 gives 3/10 / 2 = 3/20.  Rejects eps
    dropped or multiplied, m or alpha in the denominator."""
    at = {o.alpha: sp.Rational(1, 10)}
    assert adam_step(sp.Integer(3), sp.Integer(4)).subs({**at, o.eps: 5}) == sp.Rational(1, 10)
    assert adam_step(sp.Integer(3), sp.Integer(4)).subs({**at, o.eps: 0}) == sp.Rational(3, 20)


def test_second_moment_iterated_by_hand():
    r"""v^(n) from v^(0) = 0 with g^2 = lambda^2: n = 0 is the empty sum 0; n = 1 is (1 - gamma) lambda^2; n = 3 with
    gamma = 1/2, lambda = 2 is (1/2 + 1/4 + 1/8) * 4 = 7/2.  Rejects a sum over j <= n, from j = 1, or without the
    factor (1 - gamma)."""
    at = {o.gamma: sp.Rational(1, 2), o.lam: 2}
    assert _second_moment_iterated(sp.Integer(0)) == 0
    assert sp.simplify(_second_moment_iterated(sp.Integer(1)) - (1 - o.gamma) * o.lam**2) == 0
    assert sp.nsimplify(_second_moment_iterated(sp.Integer(3)).subs(at)) == sp.Rational(7, 2)


def test_alternating_sequence_by_hand():
    r"""beta1 = 1/2, lambda = 3, m = 1: the 2-step fixed point is -(1/2)(3)/(3/2) = -1; M_0 = m = 1 and one pair of steps
    (s = +1 then -1) goes 1 -> 1/2 + 3/2 = 2 -> 1 - 3/2 = -1/2 = M_1 = (1/4)(1) + (3/4)(-1).  Far out, M_r -> -1 (not
    -lambda).  Rejects a fixed point with (1 + beta1) above, beta1^r instead of beta1^(2r), or the wrong sign."""
    at = {o.beta1: sp.Rational(1, 2), o.lam: 3, o.m: 1}
    assert _alternating(sp.Integer(0)).subs(at) == 1
    assert _alternating(sp.Integer(1)).subs(at) == sp.Rational(-1, 2)
    assert _alternating(sp.Integer(2)).subs(at) == sp.Rational(1, 16) - sp.Rational(15, 16)
    assert abs(float(_alternating(sp.Integer(40)).subs(at)) + 1) < 1e-20


def _state(beta, m):
    return AdamState([mpmath.mpf(x) for x in beta], [mpmath.mpf(x) for x in m], [mpmath.mpf(0)] * 3)


def test_measurements_read_the_last_200_moments_and_the_last_24_signs(monkeypatch):
    r"""``measurements`` runs Adam 2000 steps at the paper's settings (alpha 1/100, lambda 1, beta1 9/10, gamma 99/100,
    eps 1e-8, 50 digits) in both conventions, then reads max|m| over the last 200 states and the signs of the last 24
    (0 counts as '-'); the inner runs of equal sign give the run lengths.  Here the runs are hand-made: the paper run
    has |m| = 0.5 at the 200th state from the end (a negative m; 0.9 one state earlier is outside the tail), pytorch's
    largest |m| is 0.2500004, shown to 6 digits as 0.25.  Rejects a tail of 199 or 201, m without abs, a '>=' for
    the sign, the first or last run of a sign string counted, or the smaller of the two conventions reported."""
    calls = []
    n = 230
    signs = {"paper": ["++--" * 6, "+-" * 12, "+++0" * 6],  # coordinate 2: 3 '+' then a 0 read as '-'
             "pytorch": ["+----" + "+" * 19, "+" * 24, "-" * 24]}  # one inner run, of 4, between the first and last
    tail = n - 24

    def fake(inits, alpha, lam, beta1, gamma, eps, steps, *, convention, dps):
        calls.append((inits, alpha, lam, beta1, gamma, eps, steps, convention, dps))
        run = []
        for k in range(n):
            beta = [{"+": 1, "-": -1, "0": 0}[signs[convention][i][k - tail]] if k >= tail else 1 for i in range(3)]
            if convention == "paper":
                m = {n - 201: [0, 0, "0.9"], n - 200: [0, 0, "-0.5"]}.get(k, ["0.1", "-0.2", "0.3"])
            else:
                m = ["0.2500004", "0.1", "0.1"] if k == n - 1 else ["0.1", "0.1", "0.1"]
            run.append(_state(beta, m))
        return run

    monkeypatch.setattr(prop_b_10, "adam_trajectory", fake)
    out = prop_b_10.measurements()
    assert [c[-2] for c in calls] == ["paper", "pytorch"]
    for inits, alpha, lam, beta1, gamma, eps, steps, _, dps in calls:
        assert (alpha, lam, beta1, gamma, eps, steps, dps) == (Fraction(1, 100), 1, Fraction(9, 10), Fraction(99, 100),
                                                               Fraction(1, 10**8), 2000, 50)
        assert len(inits) == 3 and all(-1 <= x <= 1 for x in inits)
    assert out["paper"]["max_abs_m_over_lambda"] == "0.5" and out["pytorch"]["max_abs_m_over_lambda"] == "0.25"  # 6 digits
    assert out["paper"]["last_signs"] == ["++--" * 6, "+-" * 12, "+++-" * 6]
    assert out["pytorch"]["last_signs"] == signs["pytorch"]
    # inner runs: 2 (coordinate 0), 1 (coordinate 1), 3 and 1 (coordinate 2); pytorch's 4 (the others have none)
    assert out["run_lengths"] == "1-4"
    assert out["max_abs_m_over_lambda"] == "0.5"
    assert out["alternating_fixed_point_over_lambda"] == "(1-beta1)/(1+beta1) = 1/19 = 0.0526 at beta1 = 9/10"
