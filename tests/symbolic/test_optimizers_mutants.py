r"""symbolic.optimizers: closed forms against hand values and the numeric mirror (written against the
mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy as sp

from numeric import optimizers as mirror
from symbolic import optimizers as o


def test_ndgm_box_entry_lands_in_the_box():
    # beta0 = 0.4947, alpha lambda = 1/100: K = 49 steps of 1/100 reach 0.0047, inside [0, alpha lambda)
    K, entry = (v.subs({o.alpha: sp.Rational(1, 100), o.lam: 1}) for v in o.ndgm_box_entry(sp.Rational(4947, 10000)))
    assert (K, entry) == (49, sp.Rational(47, 10000))
    K, entry = (v.subs({o.alpha: sp.Rational(1, 4), o.lam: 2}) for v in o.ndgm_box_entry(sp.Rational(-13, 10)))
    assert (K, entry) == (2, sp.Rational(-3, 10))  # -1.3 + 2 * (1/2)


def test_adam_bounce_matches_the_mirror_in_both_conventions():
    # beta^(k) = 0 with moments (m, v): the mirror's Adam started from that state takes the same step.
    # The mirror counts bias correction from step 1, which is step n + 1 of the symbolic bounce at n = 0.
    values = {o.alpha: sp.Rational(1, 10), o.beta1: sp.Rational(4, 5), o.gamma: sp.Rational(9, 10),
              o.eps: sp.Rational(1, 100), o.lam: 2}
    for convention in ("paper", "pytorch"):
        exact = o.adam_bounce(sp.Rational(1, 3), sp.Rational(1, 2), 0, convention).subs(values)
        run = mirror.adam_trajectory([0], Fraction(1, 10), 2, Fraction(4, 5), Fraction(9, 10), Fraction(1, 100), 1,
                                     convention=convention, m0=[Fraction(1, 3)], v0=[Fraction(1, 2)])
        with mpmath.workdps(50):
            assert abs(run[1].beta[0] - mpmath.mpf(str(sp.N(exact, 60)))) < mpmath.mpf(10) ** -40, convention


def test_pytorch_momentum_buffer_is_mu_times_the_old_buffer_plus_the_gradient():
    # a buffer other than 1, so that mu*buf and mu/buf differ; beta > 0, so that the gradient is lambda
    beta_next, buf = o.pytorch_momentum_step(sp.Integer(1), sp.Integer(2))
    assert sp.expand(buf - (2 * o.mu + o.lam)) == 0
    assert sp.expand(beta_next - (1 - o.alpha * (2 * o.mu + o.lam))) == 0


def test_the_steps_from_zero_move_against_the_momentum_for_positive_parameters():
    # gamma, mu, beta_1 are positive: from beta = 0 with a positive first moment (Adam, B.9) or buffer (PyTorch's
    # heavy ball) the next iterate is negative, and the heavy ball (20) after a step down from 1 to 0 goes on down
    assert o.adam_bounce(sp.Integer(1), sp.Integer(1)).is_negative is True
    assert o.pytorch_momentum_step(sp.Integer(0), sp.Integer(1))[0].is_negative is True
    assert o.momentum_step(sp.Integer(0), sp.Integer(1)).is_negative is True


def test_ndgm_cycle_points_at_zero_and_on_both_sides():
    # (8)/(17): from beta^(K) the next point is beta^(K) - alpha lambda sign(beta^(K)). At 0 the subgradient sign(0) = 0
    # keeps NDGM at 0, so both points are 0 (not 0 - alpha lambda / sign(0) = zoo); either side moves by alpha lambda
    # towards 0 and past it.
    assert o.ndgm_cycle_points(sp.Integer(0)) == (0, 0)
    half = sp.Rational(1, 2)
    assert o.ndgm_cycle_points(half) == (half, half - o.alpha * o.lam)
    assert o.ndgm_cycle_points(-half) == (-half, o.alpha * o.lam - half)
    assert o.ndgm_cycle_points(half)[1].subs({o.alpha: 1, o.lam: 1}) == -half
