r"""Tests of :mod:`numeric.activations`: hand-derived derivatives vs finite differences, Arb enclosures."""

from __future__ import annotations

from fractions import Fraction

import flint
import mpmath
import pytest
from hypothesis import example, given, strategies as st

from numeric import activations as na

TOLERANCE = mpmath.mpf(10) ** -40
smooth_names = st.sampled_from([n for n, a in na.CATALOGUE.items() if a.kink is None])
points = st.fractions(min_value=-8, max_value=8, max_denominator=101)


@given(name=smooth_names, u=points, order=st.integers(1, 2))
@example(name="gelu", u=Fraction(0), order=2)
def test_hand_derivatives_equal_finite_differences(name, u, order):
    with mpmath.workdps(60):
        gap = na.evaluate(name, u, order, dps=60) - na.finite_difference(name, u, order, dps=60)
        assert abs(gap) <= TOLERANCE


@given(name=smooth_names, lo=points, width=st.fractions(min_value=0, max_value=1, max_denominator=50),
       order=st.integers(0, 2))
def test_enclosure_contains_the_mpmath_values_on_the_interval(name, lo, width, order):
    ball = na.enclose(name, lo, lo + width, order)
    for u in (lo, lo + width / 2, lo + width):
        assert ball.overlaps(flint.arb(mpmath.nstr(na.evaluate(name, u, order, dps=60), 60)))


@pytest.mark.parametrize("name, slope", [("tanh", (1, 1)), ("softplus_shifted", (1, 2)), ("gelu", (1, 2)),
                                         ("silu", (1, 2)), ("mish", (3, 5)), ("sigmoid_centered", (1, 4)),
                                         ("sin", (1, 1)), ("identity", (1, 1)), ("elu", (1, 1))])
def test_assumption_1_enclosures_exclude_zero_slope(name, slope):
    value, derivative = na.assumption_1_enclosures(name)
    assert value.contains(0) and not derivative.contains(0) and derivative.overlaps(flint.arb(flint.fmpq(*slope)))


@pytest.mark.parametrize("name", ["sigmoid", "softplus", "paper_example_1", "square", "relu", "zero"])
def test_assumption_1_enclosures_refuse_activations_without_c(name):
    with pytest.raises(ValueError, match=name):
        na.assumption_1_enclosures(name)


@pytest.mark.parametrize("name, order", [("relu", 1), ("relu", 2), ("elu", 2)])
def test_no_derivative_at_the_kink(name, order):
    with pytest.raises(na.NotDifferentiable):
        na.evaluate(name, 0, order)
    with pytest.raises(na.NotDifferentiable):
        na.enclose(name, Fraction(-1), Fraction(1), order)


def test_elu_first_derivative_exists_at_the_kink():
    assert na.evaluate("elu", 0, 1) == 1
    assert na.enclose("elu", Fraction(-1), Fraction(1), 1).contains(1)


def test_unknown_name_is_rejected():
    with pytest.raises(na.UnknownActivation, match="nope"):
        na.evaluate("nope", 0)
