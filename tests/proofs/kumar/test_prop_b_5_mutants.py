r"""Kumar Prop. B.5 (written against the mutation benchmark): ``derive`` refuses a non-positive alpha, lambda or
eps itself, also when called directly (from Python, without the command line's parameter check)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from proofs.errors import AssumptionViolated
from proofs.kumar.prop_b_5 import theorem

DEFAULTS = {"alpha": Fraction(1, 100), "lam": Fraction(1), "eps": Fraction(1, 10**8), "gamma": Fraction(99, 100),
            "convention": "paper"}


@pytest.mark.parametrize("name,value", [("alpha", 0), ("lam", 0), ("eps", 0), ("eps", Fraction(-1, 10**8))])
def test_derive_called_directly_refuses_a_non_positive_setting(name, value):
    r"""eps = 0 would print the limit step alpha (no deviation at all) and lambda = 0 would divide by zero: the
    function refuses them with the assumption they break (A2), whoever calls it."""
    with pytest.raises(AssumptionViolated) as raised:
        theorem().derive({**DEFAULTS, name: Fraction(value)})
    assert raised.value.assumption == "A2"


def test_derive_at_the_defaults_gives_the_first_order_step():
    # paper convention: s = alpha (1 - eps/(2 lambda^2)) to first order; with eps = 1e-8, lambda = 1
    out = theorem().derive(dict(DEFAULTS))
    assert out["first_order"] == str(Fraction(1, 100) * (1 - Fraction(1, 2 * 10**8)))


@pytest.mark.parametrize("convention", ["paper", "pytorch"])
def test_the_limit_steps_are_taken_of_the_step_size_at_gamma_1_over_1_plus_h(convention):
    r"""gamma = 1/(1+h), h > 0, covers every gamma in (0, 1): the paper's gamma = 0.99 is h = 1/99.  Each
    convention's limit step must be the limit of *its* step size at that gamma (a parametrization 1/(2+h) would
    only reach gamma < 1/2, and the numeric cross-check at h = 1/99 would be at gamma = 99/199)."""
    import sympy as sp

    from proofs.kumar import prop_b_5
    from symbolic import optimizers as o

    step = next(s for s in prop_b_5._steps() if s.label == f"limit_step_{convention}")
    at = {o.k: 3, o.alpha: sp.Rational(1, 100), o.lam: 1, o.eps: sp.Rational(1, 10**8)}
    expected = o.rmsprop_step_size(o.k, convention).subs(o.gamma, sp.Rational(99, 100)).subs(at)
    assert sp.simplify(step.expr.subs(prop_b_5.h, sp.Rational(1, 99)).subs(at) - expected) == 0


def test_the_half_x_bound_is_checked_on_the_relative_error_polynomial_at_x_2y_over_1_plus_y():
    r"""``relative_error_at_most_half_x`` proves x^2(3-x)/4 >= 0 at x = 2y/(1+y), y >= 0 (all of [0, 2)); that
    expression must be 1 - (1 - x/2)^2 (1 + x) itself, the relative error the bound is about, or its sign shows
    nothing (x^2/(3-x), x^3(3-x) or x = 3y/(1+y) are as nonnegative).  By hand: y = 1 is x = 1, error
    1 - (1/4)(2) = 1/2; y = 3 is x = 3/2, error 1 - (1/16)(5/2) = 27/32; y = 0 is x = 0, error 0."""
    import sympy as sp

    from proofs.kumar import prop_b_5

    step = next(s for s in prop_b_5._steps() if s.label == "relative_error_at_most_half_x")
    x, y = prop_b_5.x, prop_b_5.y
    error = (1 - (1 - x / 2) ** 2 * (1 + x)).subs(x, 2 * y / (1 + y))
    assert sp.simplify(step.lhs - error) == 0
    assert [step.lhs.subs(y, v) for v in (0, 1, 3)] == [0, sp.Rational(1, 2), sp.Rational(27, 32)]
