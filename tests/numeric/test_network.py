r"""numeric.network: hyper-dual arithmetic, the hand-written activation derivatives,
and the ray (f = 0), all checked against mpmath itself."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numeric import network as nn

TOLERANCE = mpmath.mpf(10) ** -45


@pytest.mark.parametrize("name", sorted(nn.ACTIVATIONS))
@pytest.mark.parametrize("u", [-2.5, -0.3, 0, 0.7, 3])
def test_hand_written_derivatives_match_mpmath_diff(name, u):
    with mpmath.workdps(60):
        c, g, g1, g2 = nn.ACTIVATIONS[name]
        x = mpmath.mpf(u)
        assert abs(g1(x) - mpmath.diff(g, x)) < TOLERANCE
        assert abs(g2(x) - mpmath.diff(g, x, 2)) < TOLERANCE
        assert g(mpmath.mpf(c)) == 0


@given(st.fractions(-5, 5, max_denominator=20), st.fractions(-5, 5, max_denominator=20))
@example(Fraction(0), Fraction(1))
def test_hyper_dual_gives_the_mixed_second_derivative(a, b):
    with mpmath.workdps(60):
        a, b = mpmath.mpf(a.numerator) / a.denominator, mpmath.mpf(b.numerator) / b.denominator
        x, y = nn.HyperDual(a, 1, 0, 0), nn.HyperDual(b, 0, 1, 0)
        value = x * x * y + y * y * 3 + x
        assert abs(value.d - 2 * a) < TOLERANCE


@given(st.lists(st.integers(1, 3), min_size=1, max_size=4), st.integers(1, 3), st.integers(1, 3),
       st.sampled_from(sorted(nn.ACTIVATIONS)), st.integers(-10**6, 10**6))
def test_the_network_vanishes_on_the_ray(widths, d_in, d_out, name, t):
    c, sigma = nn.activation(name)
    with mpmath.workdps(60):
        point = [mpmath.mpf(v) for v in nn.ray_point(widths, d_in, d_out, t, "l2", c)]
        assert all(abs(v) < TOLERANCE for v in nn.network(point, widths, d_in, d_out, [Fraction(1, 3)] * d_in, sigma))


def test_gradient_matches_central_differences_of_the_loss():
    widths, xs, ys = [2, 1], [[Fraction(1, 2)]], [[Fraction(2), Fraction(-1)]]
    with mpmath.workdps(60):
        c, sigma = nn.activation("tanh")
        point = [mpmath.mpf(v) for v in nn.ray_point(widths, 1, 2, 3, "l2", c)]
        grad = nn.gradient_on_ray(widths, 1, 2, xs, ys, 3, "l2", "tanh")
        for p in range(len(point)):
            f = lambda h: nn.loss([v + (h if i == p else 0) for i, v in enumerate(point)], widths, 1, 2,
                                  [[mpmath.mpf(1) / 2]], [[2, -1]], sigma, "l2")  # noqa: E731
            assert abs(mpmath.diff(f, 0) - grad[p]) < mpmath.mpf(10) ** -30


@pytest.mark.parametrize("name", sorted(nn.SHIFTED_ACTIVATIONS))
@pytest.mark.parametrize("u", [-2.5, 0, 1, 3])
def test_shifted_activations_hand_derivatives_match_mpmath_diff_and_slope_is_nonzero(name, u):
    with mpmath.workdps(60):
        c, g, g1, g2 = nn.SHIFTED_ACTIVATIONS[name]
        x = mpmath.mpf(u)
        assert abs(g1(x) - mpmath.diff(g, x)) < TOLERANCE
        assert abs(g2(x) - mpmath.diff(g, x, 2)) < TOLERANCE
        assert abs(g1(mpmath.mpf(c))) > 0.1  # c' is a point where sigma'(c') != 0


@given(st.lists(st.integers(1, 3), min_size=1, max_size=3), st.integers(1, 2), st.integers(1, 3),
       st.sampled_from(sorted(nn.SHIFTED_ACTIVATIONS)), st.integers(-10**6, 10**6), st.sampled_from(["l2", "cross_entropy"]))
def test_the_network_vanishes_on_the_shifted_ray_and_not_on_the_paper_ray(widths, d_in, d_out, name, t, loss):
    """Without Assumption 1 the output bias -t sigma(c') M 1 is what makes f vanish."""
    c, sigma = nn.activation(name)
    x = [Fraction(1, 3)] * d_in
    with mpmath.workdps(60):
        shift = sigma(mpmath.mpf(c))
        shifted = [mpmath.mpf(v) for v in nn.ray_point(widths, d_in, d_out, t, loss, c, shift)]
        paper = [mpmath.mpf(v) for v in nn.ray_point(widths, d_in, d_out, t, loss, c)]
        assert all(abs(v) < TOLERANCE * max(1, abs(t)) for v in nn.network(shifted, widths, d_in, d_out, x, sigma))
        assert t == 0 or any(abs(v) > 0 for v in nn.network(paper, widths, d_in, d_out, x, sigma))


def test_shifted_entry_for_u_squared_is_the_closed_form():
    """u^2 at c' = 1: sigma' = 2, sigma'' = 2; L2 entry 2 n d_out 4 t^2 - 4 t sum y, exactly in rationals."""
    xs, ys, t = [[Fraction(1, 2)]], [[Fraction(3), Fraction(-1)]], Fraction(7)
    h = nn.named_hessian_entry([1, 1], 1, 2, xs, ys, t, "l2", "square", shifted=True)
    assert abs(h - (2 * 1 * 2 * 4 * 49 - 4 * 7 * 2)) < TOLERANCE * 1000
