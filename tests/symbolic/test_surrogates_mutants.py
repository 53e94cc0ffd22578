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


def test_the_symbols_carry_the_assumptions_the_closed_forms_use():
    # beta > 0 (sigma_beta = phi(beta u)/beta), the reparametrization parameters q, v > 0, everything else real
    assert m.beta.is_positive is True and m.q.is_positive is True and m.v.is_positive is True
    assert all(s.is_real is True for s in (m.u, m.t, m.w, m.b, m.x, m.y, m.SIGMA(m.u), *m.SIGMA_VALUES))


def test_generic_values_replaces_only_sigma_at_the_preactivation():
    # sigma_beta(s) -> sigma_0 and sigma_beta''(s) -> sigma_2 at s = wx + b; sigma_beta'(u) at another point stays
    s = m.preactivation()
    assert s == m.w * m.x + m.b
    assert m.generic_values(m.SIGMA(s)) == m.SIGMA_VALUES[0]
    assert m.generic_values(sp.diff(m.SIGMA(s), m.b, 2)) == m.SIGMA_VALUES[2]
    assert m.generic_values(sp.Derivative(m.SIGMA(m.u), m.u)) == sp.Derivative(m.SIGMA(m.u), m.u)
    assert m.generic_values(m.SIGMA(m.u)) == m.SIGMA(m.u)


def test_printed_hessian_is_the_paper_coefficient_times_the_outer_product_of_x_1():
    k = m.SIGMA_VALUES[1] ** 2 + (m.SIGMA_VALUES[0] - m.y) * m.SIGMA_VALUES[2]
    expected = k * sp.Matrix([[m.x**2, m.x], [m.x, 1]])
    assert (m.generic_values(m.printed_hessian()) - expected).applyfunc(sp.expand).is_zero_matrix
    assert (m.generic_values(m.printed_gradient()) - (m.SIGMA_VALUES[0] - m.y) * m.SIGMA_VALUES[1]
            * sp.Matrix([m.x, 1])).applyfunc(sp.expand).is_zero_matrix


def test_huber_curvature_on_each_piece_by_hand():
    # phi = 0, t^2/2, t - 1/2: k = phi'^2 + (phi - beta y) phi'' = 0, t^2 + t^2/2 - beta y, 1
    assert m.huber_pieces() == [(-sp.oo, 0, 0), (0, 1, sp.Rational(3, 2) * m.t**2 - m.beta * m.y), (1, sp.oo, 1)]


def test_huber_constant_when_the_middle_piece_wins():
    # beta = 1, y = 0, x = 0: candidates 1 (outer pieces), |3/2 - 0| at t = 1 of the middle piece: L = 3/2
    assert m.huber_smoothness_constant().subs({m.beta: 1, m.y: 0, m.x: 0}) == sp.Rational(3, 2)
    assert m.huber_smoothness_constant().subs({m.beta: 1, m.y: 0, m.x: 3}) == 15


def test_smoothness_lower_bound_of_the_sqrt_smoothing_by_hand():
    # phi(0) = 1/2, phi'(0) = 1/2, phi''(0) = 1/2: k(0) = 1/4 + (1/2 - beta y)/2; beta = 1, y = 0, x = 3: 10 * 1/2
    assert m.smoothness_lower_bound("sqrt").subs({m.beta: 1, m.y: 0, m.x: 3}) == 5


def test_relu_limits_of_the_huber_smoothing_are_exact():
    # phi(t) = t - 1/2 for t >= 1: phi/t -> 1; phi = 0 for t <= 0: limit 0 at -oo and phi(0) = 0
    assert m.relu_limits("huber") == (1, 0, 0)


def test_only_softplus_and_sqrt_have_a_reparametrization():
    with pytest.raises(ValueError, match="gelu"):
        m.reparametrized("gelu")


t = m.t


@pytest.mark.parametrize("expr,smooth,why", [
    (sp.Abs(t), False, "Abs in"),
    (sp.Max(t, 0), False, "Max in"),
    (sp.Heaviside(t), False, "Heaviside in"),
    (sp.log(t), False, "log of a possibly non-positive"),
    (sp.log(1 + sp.exp(t)), True, "composition"),
    (sp.sqrt(t), False, "non-integer power"),
    (sp.sqrt(t**2 + 1), True, "composition"),
    (1 / t, False, "reciprocal of a possibly vanishing"),
    (1 / (1 + sp.exp(t)), True, "composition"),
    (t**3, True, "composition"),
    (sp.sin(t), False, "unlisted function sin"),
    (sp.exp(t) * sp.erf(t), True, "composition"),
])
def test_smooth_certificate_reads_each_node_kind(expr, smooth, why):
    ok, reason = m.smooth_certificate(expr)
    assert ok is smooth and reason.startswith(why)
