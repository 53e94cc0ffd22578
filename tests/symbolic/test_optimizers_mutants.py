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
