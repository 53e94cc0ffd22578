r"""symbolic/lasso: Huber pieces and the one-step expansion."""

import sympy as sp

from symbolic import lasso as L


def test_huber_is_continuous_at_delta():
    inner, outer = L.r**2 / 2, L.delta * (L.r - L.delta / 2)
    assert sp.simplify((inner - outer).subs(L.r, L.delta)) == 0


def test_one_step_expansion_in_three_dimensions():
    b, g, s = (sp.Matrix(sp.symbols(f"{n}0:3", real=True)) for n in "bgs")
    lhs, rhs = L.one_step_distance_expansion(b, g, s, sp.Symbol("a"))
    assert sp.expand(lhs - rhs) == 0
