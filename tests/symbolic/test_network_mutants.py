r"""symbolic.network: the any-width layer recursions hold once the width is a number (written
against the mutation benchmark; the symbolic width is what the claims use)."""

from __future__ import annotations

import pytest
import sympy as sp

from symbolic import network as net


@pytest.mark.parametrize("recursion", [net.hidden_layer_recursion_any_width, net.output_layer_recursion_any_width])
def test_any_width_recursion_at_width_three(recursion):
    lhs, rhs = recursion()
    assert sp.expand((lhs - rhs).subs(net.WIDTH, 3).doit()) == 0
