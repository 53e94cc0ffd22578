r"""symbolic.surrogates against its independent numeric mirror (written against the mutation
benchmark): every family's :math:`\sigma_\beta, \sigma_\beta', \sigma_\beta''` at a point on each
side of 0 (and inside each Huber piece) agree to 40 digits."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from numeric import surrogates as mirror
from symbolic import surrogates as m

POINTS = {name: (Fraction(-3, 2), Fraction(5, 2)) for name in m.FAMILIES}
POINTS["huber"] = (Fraction(-1, 2), Fraction(1, 5), Fraction(3, 2))  # beta = 2: t = -1, 2/5, 3 (one per piece)


@pytest.mark.parametrize("name", m.FAMILIES)
def test_activation_and_two_derivatives_match_the_numeric_mirror(name):
    beta = 2
    sigma = m.activation(name).subs(m.beta, beta)
    for u in POINTS[name]:
        exact = [sp.diff(sigma, m.u, k).subs(m.u, sp.Rational(u.numerator, u.denominator)) for k in range(3)]
        numeric = mirror.activation_derivatives(name, u, beta, dps=50)
        with mpmath.workdps(50):  # compare at the mirror's 50 digits, not mpmath's default 15
            for k, (a, b) in enumerate(zip(exact, numeric)):
                assert abs(mpmath.mpf(str(sp.N(a, 50))) - b) < mpmath.mpf(10) ** -40, (name, u, k)


def test_gelu_profile_is_t_times_the_normal_cdf():
    # Phi(1) = (1 + erf(1/sqrt 2))/2 = 0.841344746068542948585...
    assert abs(sp.N(m.profile("gelu").subs(m.t, 1), 30) - sp.Float("0.841344746068542948585232545632", 30)) < 1e-28



def test_the_surrogate_loss_is_a_square_of_real_quantities():
    assert m.surrogate_loss().is_nonnegative is True
