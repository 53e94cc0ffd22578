r"""numeric.surrogates: the Hessian's spectral norm against mpmath's symmetric eigensolver, and the
Huber smoothing's values at and between its knots (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric import surrogates as ns


@pytest.mark.parametrize("name", ["softplus", "sqrt", "gelu", "silu"])
@pytest.mark.parametrize("theta", [(Fraction(1, 2), Fraction(-1, 3)), (Fraction(-2), Fraction(3, 4))])
def test_hessian_norm_is_the_largest_absolute_eigenvalue(name, theta):
    with mpmath.workdps(50):
        H = mpmath.matrix(ns.hessian(name, 2, Fraction(3, 2), Fraction(1, 2), theta, dps=50))
        eigenvalues = mpmath.eigsy(H)[0]
        want = max(abs(e) for e in eigenvalues)
        assert abs(ns.hessian_norm(name, 2, Fraction(3, 2), Fraction(1, 2), theta) - want) < mpmath.mpf(10) ** -40


def test_huber_relu_gap_at_and_between_the_knots():
    # sigma_beta(u) = phi(beta u)/beta with phi = 0, t^2/2, t - 1/2 on t <= 0, [0, 1], t >= 1; beta = 2
    with mpmath.workdps(30):
        assert ns.relu_gap("huber", Fraction(-1), 2) == 0
        assert ns.relu_gap("huber", 0, 2) == 0
        assert ns.relu_gap("huber", Fraction(1, 4), 2) == mpmath.mpf(3) / 16  # t = 1/2: |(1/8)/2 - 1/4|
        assert ns.relu_gap("huber", Fraction(1, 2), 2) == mpmath.mpf(1) / 4  # knot t = 1: |1/4 - 1/2|
        assert ns.relu_gap("huber", 3, 2) == mpmath.mpf(1) / 4  # |(6 - 1/2)/2 - 3|


def test_a_jet_given_value_and_slope_has_no_curvature():
    # Jet(3, 1) is the variable t at 3 (t'' = 0): (t^2)'' = 2, not 4; Jet(5) is the constant 5
    square = ns.Jet(3, 1) * ns.Jet(3, 1)
    assert (square.v, square.d1, square.d2) == (9, 6, 2)
    assert ns.Jet(5) == ns.lift(5) == ns.Jet(5, 0, 0)
