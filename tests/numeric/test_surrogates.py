r"""numeric.surrogates: jets, Hessians, the sup search, Arb enclosures, pointwise convergence."""

from __future__ import annotations

from fractions import Fraction

import flint
import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from numeric import surrogates as num
from symbolic import surrogates as m

TOLERANCE = mpmath.mpf("1e-40")


@pytest.mark.parametrize("name", ["softplus", "sqrt", "gelu", "silu"])
@given(st.fractions(min_value=-4, max_value=4, max_denominator=16))
@example(Fraction(0))
def test_jet_derivatives_equal_symbolic_derivatives(name, tv):
    with mpmath.workdps(50):
        j = num.profile(name, num.Jet(mpmath.mpf(tv.numerator) / tv.denominator, 1, 0))
        for k, value in enumerate((j.v, j.d1, j.d2)):
            exact = sp.diff(m.profile(name), m.t, k).subs(m.t, sp.Rational(tv.numerator, tv.denominator))
            assert abs(value - mpmath.mpf(str(sp.N(exact, 60)))) < TOLERANCE


@given(st.sampled_from(["softplus", "sqrt", "gelu", "silu"]), st.integers(1, 1000),
       st.fractions(-3, 3, max_denominator=8), st.fractions(-3, 3, max_denominator=8), st.fractions(-6, 6, max_denominator=8))
def test_hessian_is_rank_one_with_norm_from_curvature_coefficient(name, beta, x, y, t):
    b = t / beta  # keep t = beta b moderate: the closed form is evaluated by SymPy
    with mpmath.workdps(50):
        H = num.hessian(name, beta, x, y, (0, b))
        assert abs(H[0][0] * H[1][1] - H[0][1] ** 2) < mpmath.mpf("1e-30") * (1 + abs(H[0][0] * H[1][1]))
        k = m.curvature_coefficient(name).subs({m.t: beta * sp.Rational(b.numerator, b.denominator), m.beta: beta,
                                                m.y: sp.Rational(y.numerator, y.denominator)})
        closed = (1 + sp.Rational(x.numerator, x.denominator) ** 2) * abs(sp.N(k, 60))
        norm = num.hessian_norm(name, beta, x, y, (0, b))
        assert abs(norm - mpmath.mpf(str(closed))) < mpmath.mpf("1e-30") * (1 + norm)


def test_gelu_and_silu_overshoot_one_rigorously():
    assert num.first_derivative_enclosure("gelu", Fraction(7, 5)) > 1
    assert num.first_derivative_enclosure("silu", Fraction(12, 5)) > 1
    assert num.first_derivative_enclosure("softplus", Fraction(5)) < 1


def test_huber_has_no_second_derivative_at_its_knots():
    with pytest.raises(ArithmeticError):
        num.profile("huber", num.Jet(mpmath.mpf(0), 1, 0))


@pytest.mark.parametrize("name", num.FAMILIES)
def test_surrogates_converge_pointwise_to_relu(name):
    for u in (-2, Fraction(-1, 3), 0, Fraction(1, 7), 3):
        assert num.relu_gap(name, u, 10**15) < 1e-14


def test_best_smoothness_constant_grows_linearly_for_softplus():
    ratios = [num.best_smoothness_constant("softplus", beta, 1, 1, grid=48) / beta for beta in (10**3, 10**5)]
    assert abs(ratios[1] - mpmath.mpf(2) / 4) < 1e-4 and abs(ratios[0] - mpmath.mpf(2) / 4) < 1e-2


def test_arb_enclosure_contains_the_mpmath_value():
    ball = num.second_derivative_enclosure("gelu", Fraction(1, 3))
    with mpmath.workdps(30):
        value = num.profile("gelu", num.Jet(mpmath.mpf(1) / 3, 1, 0)).d2
    assert ball.contains(flint.arb(mpmath.nstr(value, 25)).mid()) or abs(float(ball.mid()) - float(value)) < 1e-15


def test_golden_section_accuracy_follows_its_iterations():
    # Huber's sup sits at a knot: 80 iterations pin it to about 16 digits, golden_iterations(60) to 60.
    from fractions import Fraction

    with mpmath.workdps(80):
        exact = mpmath.mpf(13) / 5  # (1 + x^2) max(1, |y| beta, |3/2 - y beta|) at beta = 1, x = 1, y = 1/5
        short = num.best_smoothness_constant("huber", 1, 1, Fraction(1, 5), grid=48, dps=70)
        long = num.best_smoothness_constant("huber", 1, 1, Fraction(1, 5), grid=48, dps=70,
                                            iterations=num.golden_iterations(60))
        assert mpmath.mpf("1e-20") < abs(short - exact) / exact < mpmath.mpf("1e-14")
        assert abs(long - exact) / exact < mpmath.mpf("1e-58")
