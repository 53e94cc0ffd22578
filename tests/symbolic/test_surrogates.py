r"""symbolic.surrogates: generic gradient/Hessian, catalogue families, reparametrizations, Huber."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from symbolic import surrogates as m


def test_generic_gradient_and_hessian_match_the_printed_formulas():
    assert (m.generic_values(m.gradient(m.surrogate_loss())) - m.generic_values(m.printed_gradient())).applyfunc(sp.expand).is_zero_matrix
    assert (m.generic_values(m.hessian(m.surrogate_loss())) - m.generic_values(m.printed_hessian())).applyfunc(sp.expand).is_zero_matrix


@pytest.mark.parametrize("name", m.ANALYTIC)
def test_activation_is_profile_scaled(name):
    assert sp.simplify(m.activation(name).subs(m.u, m.t / m.beta) * m.beta - m.profile(name)) == 0


@pytest.mark.parametrize("name", ["softplus", "sqrt"])
def test_reparametrization_covers_the_line_and_matches_the_profile(name):
    p, t_of, (phi, d1, d2) = m.reparametrized(name)
    slope = sp.simplify(sp.diff(t_of, p))
    assert slope.is_positive or slope.is_negative  # strictly monotone: a bijection onto its range
    assert {sp.limit(t_of, p, 0, "+"), sp.limit(t_of, p, sp.oo)} == {-sp.oo, sp.oo}
    if name == "sqrt":  # sqrt(t^2 + 1) = (v^2 + 1)/(2v): the reparametrization removes the square root
        assert all(d.is_rational_function(p) for d in (phi, d1, d2))
    for value in (sp.Rational(1, 3), sp.Integer(2), sp.Integer(7)):
        tv = t_of.subs(p, value)
        assert abs(sp.N(sp.diff(m.profile(name), m.t, 2).subs(m.t, tv) - d2.subs(p, value), 40)) < 1e-35


@given(st.fractions(min_value=-3, max_value=3, max_denominator=20), st.integers(1, 50), st.fractions(-5, 5, max_denominator=10))
@example(sp.Rational(0), 4, sp.Rational(3))
def test_curvature_coefficient_equals_hessian_of_the_family(tv, beta, yv):
    # k_beta(t) against a direct second derivative of L_beta along b (x = 0, so s = b)
    name = "softplus"
    loss = sp.Rational(1, 2) * (m.activation(name).subs(m.u, m.b) - m.y) ** 2
    direct = sp.diff(loss, m.b, 2).subs({m.b: sp.Rational(tv) / beta, m.beta: beta, m.y: sp.Rational(yv)})
    closed = m.curvature_coefficient(name).subs({m.t: sp.Rational(tv), m.beta: beta, m.y: sp.Rational(yv)})
    assert abs(sp.N(direct - closed, 50)) < 1e-40


def test_huber_constant_has_the_three_candidates():
    assert m.huber_smoothness_constant().subs({m.beta: 10, m.y: 1, m.x: 0}) == 10
    assert m.huber_smoothness_constant().subs({m.beta: 1, m.y: sp.Rational(1, 5), m.x: 1}) == sp.Rational(13, 5)


def test_smooth_certificate_rejects_piecewise_and_accepts_catalogue():
    assert all(m.smooth_certificate(sp.diff(m.profile(n), m.t, 2))[0] for n in m.ANALYTIC)
    assert not m.smooth_certificate(m.profile("huber"))[0]
    assert not m.smooth_certificate(sp.sqrt(m.t))[0]


def test_relu_limits_of_every_family():
    for name in m.FAMILIES:
        right, left, at0 = m.relu_limits(name)
        assert (right, left) == (1, 0) and at0.is_finite


def test_unknown_family_is_rejected():
    with pytest.raises(ValueError):
        m.profile("tanh")
