r"""numeric.activations: the hand-derived derivatives of every catalogue activation against mpmath's
finite differences of the value formula alone, on both sides of 0 (written against the mutation
benchmark), and the left pieces of the kinked activations."""

from __future__ import annotations

from fractions import Fraction

import flint
import mpmath
import pytest

from numeric import activations as na

POINTS = (Fraction(-13, 10), Fraction(2, 5), Fraction(21, 10))


@pytest.mark.parametrize("name", na.NAMES)
def test_hand_derivatives_equal_finite_differences(name):
    with mpmath.workdps(50):
        for u in POINTS:
            for k in (1, 2):
                exact, fd = na.evaluate(name, u, k), na.finite_difference(name, u, k)
                assert abs(exact - fd) <= mpmath.mpf(10) ** -30 * max(1, abs(fd)), (name, u, k)


def test_left_pieces_of_relu_and_elu():
    with mpmath.workdps(50):
        assert [na.evaluate("relu", -1, k) for k in range(3)] == [0, 0, 0]
        e = mpmath.exp(-1)
        assert [na.evaluate("elu", -1, k) for k in range(3)] == [e - 1, e, e]


def test_kinks_have_only_the_derivatives_that_exist():
    assert na.evaluate("relu", 0, 0) == 0 and na.evaluate("elu", 0, 1) == 1  # ELU is C^1 at 0
    with pytest.raises(na.NotDifferentiable):
        na.evaluate("relu", 0, 1)
    with pytest.raises(na.NotDifferentiable):
        na.evaluate("elu", 0, 2)  # sigma'' jumps from 1 to 0


def test_the_square_has_second_derivative_2_at_0():
    # sigma(u) = u^2: (0, 0, 2) at u = 0, and sigma'' = 2 on every interval, 0 included (exactly, no blow-up)
    with mpmath.workdps(50):
        assert [na.evaluate("square", 0, k) for k in range(3)] == [0, 0, 2]
    ball = na.enclose("square", Fraction(-1), Fraction(1), derivative=2)
    assert ball.is_exact() and ball == 2


# --- values by hand, refusals, the kink's enclosures and the precision (written against the mutation benchmark) ---

F = Fraction
AT_ZERO = {  # (sigma, sigma', sigma'') at u = 0, by hand; mish: tanh(log 2) = 3/5, 2 (1 - 9/25) / 2 = 16/25
    "tanh": (0, 1, 0), "softplus_shifted": (0, F(1, 2), F(1, 4)), "silu": (0, F(1, 2), F(1, 2)),
    "mish": (0, F(3, 5), F(16, 25)), "sigmoid_centered": (0, F(1, 4), 0), "sin": (0, 1, 0), "identity": (0, 1, 0),
    "sigmoid": (F(1, 2), F(1, 4), 0), "paper_example_1": (1, 0, 2), "zero": (0, 0, 0),
}


@pytest.mark.parametrize("name", sorted(AT_ZERO))
def test_values_at_zero_by_hand(name):
    with mpmath.workdps(50):
        got = na.derivatives(name, 0)
        for k, want in enumerate(AT_ZERO[name]):
            assert abs(got[k] - mpmath.mpf(F(want).numerator) / F(want).denominator) < mpmath.mpf(10) ** -45, (name, k)


def test_values_at_minus_one_in_closed_form():
    # gelu(u) = u Phi(u), gelu' = Phi + u phi, gelu'' = (2 - u^2) phi; softplus(-1) = log(1 + 1/e)
    with mpmath.workdps(50):
        e, Phi, phi = mpmath.e, mpmath.ncdf(-1), mpmath.npdf(-1)
        want = {"gelu": (-Phi, Phi - phi, phi), "softplus": (mpmath.log(1 + 1 / e), 1 / (1 + e), e / (1 + e) ** 2),
                "sigmoid": (1 / (1 + e), e / (1 + e) ** 2, e * (e - 1) / (1 + e) ** 3),
                "silu": (-1 / (1 + e), 1 / (1 + e) - e / (1 + e) ** 2, None),
                "softplus_shifted": (mpmath.log(1 + 1 / e) - mpmath.log(2), None, None),
                "sigmoid_centered": (1 / (1 + e) - mpmath.mpf(1) / 2, None, None),
                "sin": (-mpmath.sin(1), mpmath.cos(1), mpmath.sin(1))}
        for name, values in want.items():
            got = na.derivatives(name, -1)
            for k, v in enumerate(values):
                assert v is None or abs(got[k] - v) < mpmath.mpf(10) ** -45, (name, k)


def test_right_of_the_kink_relu_and_elu_are_the_identity():
    with mpmath.workdps(50):
        for name in ("relu", "elu"):
            assert na.derivatives(name, F(3, 2)) == (mpmath.mpf(1.5), 1, 0)


def test_only_orders_0_1_2_are_served():
    for order in (-1, 3):
        with pytest.raises(ValueError, match=f"derivative must be 0, 1 or 2, got {order}"):
            na.evaluate("tanh", 0, order)


def test_unknown_name_lists_the_catalogue():
    with pytest.raises(na.UnknownActivation, match="unknown activation 'nope' \\(one of: tanh, softplus_shifted"):
        na.derivatives("nope", 0)
    with pytest.raises(KeyError):
        na.enclose("nope", F(0))


def test_values_are_rounded_to_the_requested_digits():
    # tanh(1/3) at 20 digits differs from the 50-digit value by about 1e-21, not by 1e-50
    with mpmath.workdps(60):
        fine = na.evaluate("tanh", F(1, 3), dps=50)
        coarse = na.evaluate("tanh", F(1, 3), dps=20)
        assert mpmath.mpf(10) ** -45 < abs(fine - coarse) < mpmath.mpf(10) ** -18
        fd = na.finite_difference("tanh", F(1, 3), 1, dps=20)
        assert mpmath.mpf(10) ** -40 < abs(fd - (1 - fine ** 2)) < mpmath.mpf(10) ** -15


def test_enclosures_on_each_side_of_the_kink_and_across_it():
    assert na.enclose("relu", F(-2), F(-1)) == 0 and na.enclose("relu", F(-2), F(-1)).is_exact()  # left piece 0
    assert na.enclose("relu", F(1), F(2), 1) == 1  # right piece u: slope exactly 1
    ball = na.enclose("relu", F(0), F(1))  # lo on the kink: both pieces, values [0, 1]
    assert ball.contains(0) and ball.contains(1) and not ball.contains(flint.arb(3) / 2 + flint.arb(1) / 10)
    for lo, hi in ((F(0), F(1)), (F(-1), F(0))):  # the kink is in the closed interval: no first derivative
        with pytest.raises(na.NotDifferentiable, match="relu: no derivative of order 1 at 0"):
            na.enclose("relu", lo, hi, 1)
    slope = na.enclose("elu", F(-1), F(1), 1)  # e^u on the left, 1 on the right
    assert slope.contains(flint.arb(-1).exp()) and slope.contains(1) and not slope.contains(flint.arb(1) / 3)
    value = na.enclose("elu", F(-1), F(0))
    assert value.contains(flint.arb(-1).exp() - 1) and value.contains(0) and not value.contains(flint.arb(-7) / 10)


def test_enclose_works_at_the_requested_precision_and_restores_it():
    before = flint.ctx.prec
    narrow, wide = na.enclose("tanh", F(1, 3)), na.enclose("tanh", F(1, 3), prec=64)
    assert narrow.rad() < 1e-70 and 1e-30 < wide.rad() < 1e-15 and wide.contains(narrow)
    assert flint.ctx.prec == before
    with pytest.raises(na.NotDifferentiable):
        na.enclose("relu", F(-1), F(1), 1, prec=100)
    assert flint.ctx.prec == before
    value, slope = na.assumption_1_enclosures("tanh", prec=64)
    assert value == 0 and 1e-30 < na.assumption_1_enclosures("mish", prec=64)[1].rad() < 1e-15  # tanh(log 2) = 3/5


def test_default_precisions_are_50_digits_and_256_bits():
    # tanh(1/3) is not a binary number: at 50 and 51 digits (256 and 257 bits) the results differ in the last bits
    u = F(1, 3)
    assert na.derivatives("tanh", u) == na.derivatives("tanh", u, dps=50) != na.derivatives("tanh", u, dps=51)
    fd = na.finite_difference("tanh", u, 1)
    assert fd == na.finite_difference("tanh", u, 1, dps=50) != na.finite_difference("tanh", u, 1, dps=51)
    rad = na.enclose("tanh", u).rad()
    assert rad == na.enclose("tanh", u, prec=256).rad() != na.enclose("tanh", u, prec=257).rad()
    slope = lambda **kw: na.assumption_1_enclosures("mish", **kw)[1].rad()  # noqa: E731
    assert slope() == slope(prec=256) != slope(prec=257)


def test_catalogue_entries_are_values():
    import dataclasses
    with pytest.raises(dataclasses.FrozenInstanceError):
        na.CATALOGUE["tanh"].c = F(1)  # type: ignore[misc]
    assert na.CATALOGUE["elu"].kink == 0 and na.CATALOGUE["relu"].c is None and na.CATALOGUE["tanh"].kink is None
