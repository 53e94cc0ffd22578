r"""symbolic.one_neuron: the loss is a square of real quantities (written against the mutation
benchmark; the closed form of the gradient-difference ratio is in ``test_one_neuron.py``)."""

from __future__ import annotations

import sympy as sp

from symbolic import one_neuron as o


def test_losses_are_nonnegative_for_real_parameters_and_data():
    assert o.loss_on_active_side().is_nonnegative is True
    assert o.loss_on_inactive_side().is_nonnegative is True



def test_the_symbols_carry_the_assumptions_the_ratio_uses():
    # epsilon > 0 lets |2 epsilon (x, 1)| simplify to 2 epsilon sqrt(x^2 + 1); the data and parameters are real
    assert o.epsilon.is_positive is True
    assert all(s.is_real is True for s in (o.w, o.b, o.x, o.y, o.w0))


def test_preactivation_at_given_parameters_and_the_inactive_loss():
    assert o.preactivation(2, 3) == 2 * o.x + 3
    assert o.loss_on_inactive_side() == o.y**2 / 2  # sigma(s) = 0 there: (0 - y)^2/2, not (1 - y)^2/2


def test_the_boundary_pair_is_theta0_minus_and_plus_epsilon_x_1():
    minus, plus = o.boundary_pair()
    assert minus == sp.Matrix([o.w0 - o.epsilon * o.x, -o.w0 * o.x - o.epsilon])
    assert plus == sp.Matrix([o.w0 + o.epsilon * o.x, -o.w0 * o.x + o.epsilon])
    assert o.direction() == sp.Matrix([o.x, 1])


def test_at_substitutes_w_and_b_simultaneously():
    # (w, b) -> (b, w) swaps them: w - b becomes b - w (a one-by-one substitution would give 0)
    assert o.at(o.w - o.b, sp.Matrix([o.b, o.w])) == o.b - o.w
    assert o.gradient(o.w**2 * o.b) == sp.Matrix([2 * o.w * o.b, o.w**2])


def test_norm_is_euclidean():
    assert o.norm(sp.Matrix([3, 4])) == 5 and o.norm(sp.Matrix([0, 0])) == 0
