r"""numeric.relu_network: no gradient on an activation boundary (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from numeric import relu_network as nr


def test_gradient_refuses_a_hidden_neuron_on_its_boundary():
    # w x + b = 1 * 3 - 3 = 0: the ReLU has no derivative there
    net = [([[Fraction(1)]], [Fraction(-3)]), ([[Fraction(2)]], [Fraction(0)])]
    with pytest.raises(ArithmeticError, match="boundary"):
        nr.gradient(net, [Fraction(3)], Fraction(1))
