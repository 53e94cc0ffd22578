r"""Tests of :mod:`symbolic.activations`: zero sets, Assumption 1, derivatives vs the mpmath mirror."""

from __future__ import annotations


import mpmath
import pytest
import sympy as sp
from hypothesis import given, strategies as st

from numeric import activations as mirror
from symbolic import activations as act

#: The catalogue's verdicts on Assumption 1, decided by hand from the formulas.
EXPECTED_A1 = {
    "tanh": (True, 1), "softplus_shifted": (True, sp.Rational(1, 2)), "gelu": (True, sp.Rational(1, 2)),
    "silu": (True, sp.Rational(1, 2)), "mish": (True, sp.Rational(3, 5)), "sigmoid_centered": (True, sp.Rational(1, 4)),
    "sin": (True, 1), "identity": (True, 1), "elu": (True, 1),
    "sigmoid": (False, None), "softplus": (False, None), "paper_example_1": (False, None), "square": (False, None),
    "relu": (False, None), "zero": (False, None),
}
TOLERANCE = mpmath.mpf(10) ** -40


def test_catalogue_names_mirror_the_numeric_catalogue():
    assert tuple(act.CATALOGUE) == mirror.NAMES


@pytest.mark.parametrize("name", sorted(EXPECTED_A1))
def test_assumption_1_verdict_matches_the_hand_table(name):
    verdict = act.assumption_1(act.activation(name))
    holds, slope = EXPECTED_A1[name]
    assert verdict.holds is holds
    assert (verdict.sigma_prime_c is None) if slope is None else sp.simplify(verdict.sigma_prime_c - slope) == 0


@pytest.mark.parametrize("name", sorted(act.CATALOGUE))
def test_zero_set_certificate_is_proved(name):
    assert act.zero_set_certificate(act.activation(name)).proved


def test_zero_set_certificate_rejects_a_wrong_zero_set():
    tanh = act.activation("tanh")
    wrong_point = act.Activation("tanh", "", tanh.formula, "", sp.Integer(1), sp.FiniteSet(1), "increasing", tanh.helper)
    wrong_helper = act.Activation("tanh", "", tanh.formula, "", sp.Integer(0), sp.FiniteSet(0), "increasing", sp.Integer(1))
    assert not act.zero_set_certificate(wrong_point).proved
    assert not act.zero_set_certificate(wrong_helper).proved


def test_twice_differentiable_only_fails_for_the_piecewise_contrast_activations():
    failing = {n for n, a in act.CATALOGUE.items() if not a.twice_differentiable}
    assert failing == {"relu", "elu"}


def test_elu_has_no_second_derivative_at_its_c():
    with pytest.raises(act.NotDifferentiable):
        act.values_at_c(act.activation("elu"))


def test_unknown_activation_is_rejected_by_name():
    with pytest.raises(act.UnknownActivation, match="nope"):
        act.activation("nope")


def test_generic_activation_values_and_substitution():
    g = act.generic_activation()
    assert act.values_at_c(g) == (0, act.SIGMA_1, act.SIGMA_2)
    expr = act.SIGMA(act.C) + 3 * sp.diff(act.SIGMA(act.U), act.U).subs(act.U, act.C)
    assert act.substitute_at_c(expr) == 3 * act.SIGMA_1


smooth_names = st.sampled_from(sorted(n for n, a in act.CATALOGUE.items() if a.kink is None))
points = st.fractions(min_value=-6, max_value=6, max_denominator=97)


@given(name=smooth_names, u=points, order=st.integers(0, 2))
def test_symbolic_derivative_equals_numeric_mirror(name, u, order):
    exact = act.activation(name).derivative(order)(sp.Rational(u.numerator, u.denominator))
    with mpmath.workdps(60):
        symbolic_value = mpmath.mpf(str(sp.N(exact, 60)))
        numeric_value = mirror.evaluate(name, u, order, dps=60)
        assert abs(symbolic_value - numeric_value) <= TOLERANCE * max(1, abs(numeric_value))


@given(name=st.sampled_from(["relu", "elu"]), u=points.filter(lambda q: q != 0), order=st.integers(0, 2))
def test_piecewise_derivative_away_from_kink_equals_numeric_mirror(name, u, order):
    exact = act.activation(name).derivative_at(sp.Rational(u.numerator, u.denominator), order)
    with mpmath.workdps(60):
        assert abs(mpmath.mpf(str(sp.N(exact, 60))) - mirror.evaluate(name, u, order)) <= TOLERANCE
