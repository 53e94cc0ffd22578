r"""The one-neuron model's closed forms."""

from __future__ import annotations

import sympy as sp

from symbolic import one_neuron as m


def test_boundary_point_is_on_the_boundary():
    assert sp.simplify(m.at(m.preactivation(), m.boundary_point())) == 0


def test_ratio_is_the_printed_closed_form():
    printed = sp.Abs(m.epsilon * (m.x**2 + 1) - m.y) / (2 * m.epsilon)
    assert sp.simplify(m.gradient_difference_ratio() - printed) == 0


def test_active_gradient_is_residual_times_direction():
    g = m.gradient(m.loss_on_active_side())
    assert sp.simplify(g - (m.preactivation() - m.y) * m.direction()) == sp.zeros(2, 1)
