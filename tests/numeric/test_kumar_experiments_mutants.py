r"""numeric.kumar_experiments: the toy LASSO runs agree across arithmetics (written against the
mutation benchmark): mpmath and decimal at 50 digits to 40 digits, float64 to 1e-12, in both RMSProp
conventions with an :math:`\epsilon` large enough to matter, and NDGM through an exact zero."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest

from numeric import kumar_experiments as ke

BETA0 = [0.3, -0.7, 1.1]


@pytest.mark.parametrize("convention", ["paper", "pytorch"])
def test_rmsprop_runs_agree_across_arithmetics(convention):
    settings = dict(alpha=0.05, lam=0.5, steps=8, gamma=0.9, eps=0.01, convention=convention)
    mp, _ = ke.toy_lasso_losses(BETA0, "rmsprop", arithmetic="mpmath", **settings)
    dec, _ = ke.toy_lasso_losses(BETA0, "rmsprop", arithmetic="decimal", **settings)
    fl, _ = ke.toy_lasso_losses(BETA0, "rmsprop", arithmetic="float64", **settings)
    with mpmath.workdps(50):
        for a, b, c in zip(mp, dec, fl):
            assert abs(a - mpmath.mpf(str(b))) < mpmath.mpf(10) ** -40
            assert abs(float(a) - c) <= 1e-12 * float(a)


@pytest.mark.parametrize("arithmetic", ["mpmath", "decimal", "float64"])
def test_rmsprop_first_step_by_hand(arithmetic):
    # lam = 1, gamma = 0.9: v = (1 - gamma) = 0.1, the paper's step alpha / sqrt(v + eps) = 0.1 / sqrt(0.16) = 1/4
    losses, _ = ke.toy_lasso_losses([1.0], "rmsprop", alpha=0.1, lam=1.0, steps=2, gamma=0.9, eps=0.06,
                                    convention="paper", arithmetic=arithmetic)
    assert abs(float(losses[1]) - 0.75) < 1e-14


@pytest.mark.parametrize("arithmetic", ["mpmath", "decimal", "float64"])
def test_ndgm_reaches_an_exact_zero_and_stays(arithmetic):
    # 0.5 and -0.75 with steps of 0.25: entry 1 is 0 after 2 steps, entry 2 after 3, and both stay at 0
    losses, zeros = ke.toy_lasso_losses([0.5, -0.75], "ndgm", alpha=0.25, lam=1.0, steps=5, arithmetic=arithmetic)
    assert [float(v) for v in losses] == [1.25, 0.75, 0.25, 0.0, 0.0] and zeros == 2


def test_band_separation_is_in_units_of_the_pooled_standard_deviation():
    # even entries 0, 1, 0, 1, ... (mean 1/2, sd 1/2), odd entries 10, 11, ... (mean 21/2, sd 1/2): the means are
    # 10 apart, 20 pooled standard deviations (the cubic detrending moves this a little, not by the 22 % of a
    # wrong pooling)
    bands = ke.band_statistics([0.0, 10.0, 1.0, 11.0] * 100)
    assert abs(bands["separation_sd"] - 20) < 0.5
    assert bands["alternation"] == 1.0 and bands["gap"] == 9.0


def test_the_excess_enclosure_covers_the_worst_rounding_of_z():
    # z = x w = 1 + u + ... + u (u = 2^-53, 7 terms u): summed left to right (as numpy's BLAS does here) each
    # 1 + u is a tie that rounds to 1, so float z = 1 while the real z = 1 + 7u. The enclosure must still contain
    # the real excess sigma(z)(sigma(z) - 2y) = z (z + 2): gamma_(d+2) |x||w| = 10u/(1 - 10u) covers 7u, half of it not.
    u = 2.0**-53
    x, w, y = np.ones((1, 8)), np.array([1.0] + [u] * 7), np.array([-1.0])
    z = sum(Fraction(v) for v in w)
    lo, hi = ke.excess_enclosure(x, y, w, 0.0)
    assert lo <= z * (z + 2) <= hi
