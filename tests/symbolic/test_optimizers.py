r"""symbolic/optimizers: update maps and closed forms by induction."""

from __future__ import annotations

import sympy as sp

from symbolic import optimizers as o


def test_second_moment_closed_form_24_by_induction():
    base, step = o.induction_obligations(o.second_moment_closed_form, lambda n, x: o.second_moment_step(x), sp.Integer(0))
    assert sp.simplify(base) == 0 and sp.simplify(step) == 0


def test_wrong_second_moment_fails_induction():
    wrong = lambda n: (1 - o.gamma ** (n + 1)) * o.lam**2  # noqa: E731
    base, step = o.induction_obligations(wrong, lambda n, x: o.second_moment_step(x), sp.Integer(0))
    assert sp.simplify(base) != 0


def test_first_moment_run_34_by_induction():
    base, step = o.induction_obligations(lambda n: o.first_moment_run(o.m, n), lambda n, x: o.first_moment_step(x), o.m, o.r)
    assert sp.simplify(base) == 0 and sp.simplify(step) == 0


def test_ndgm_zero_is_fixed_and_momentum_kicks_off_zero():
    assert o.ndgm_step(sp.Integer(0)) == 0
    assert o.momentum_step(sp.Integer(0), sp.Rational(1, 3)) == -o.mu / 3


def test_pytorch_rmsprop_step_differs_from_paper():
    assert sp.simplify(o.rmsprop_step_size(o.k, "paper") - o.rmsprop_step_size(o.k, "pytorch")) != 0
