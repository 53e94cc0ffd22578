r"""Katende §1 ¶3 ('arises from crossings', 'unavoidable along generic trajectories'): every reading
checked, none an erratum; exact gradient-descent trajectories of the one-neuron model."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from proofs import registry
from proofs.katende.intro_crossings import (one_step_crossing, one_step_keeps_sign, same_region_violation,
                                            trajectory)

CID = "katende.intro_crossings"


def test_claim_is_verified_on_the_readings_it_states_and_names_them():
    report = registry.report(CID)
    assert report.ok and report.status == "verified" and not report.errata
    claim = registry.get_claim(CID)
    assert {r.name for r in claim.readings} == {"a-mechanism", "only-mechanism", "almost-every", "open-set"}
    assert all(s.reading for s in claim.steps if s.label not in ("gd_residual_recursion", "gd_fixed_on_inactive_side"))
    assert all(r.result.proved for r in report.steps)


def test_the_almost_every_reading_is_false_and_the_open_set_reading_true():
    assert one_step_keeps_sign(1).proved  # y > 0: s stays positive
    assert not one_step_keeps_sign(-1).ok  # y < 0: it need not
    assert one_step_crossing((0, sp.Rational(1, 2))).proved
    assert not one_step_crossing((0, 1)).ok  # with c up to 1 the first step need not cross


def test_only_mechanism_reading_fails_for_the_two_layer_model():
    assert same_region_violation(lambda L: L + 1).proved
    assert not same_region_violation(lambda L: sp.Rational(1, 2)).ok


@pytest.mark.parametrize("y,crosses", [(Fraction(1), False), (Fraction(-3, 11), True)])
def test_exact_gradient_descent_from_a_grid(y, crosses):
    # x = 1 (n = 2), eta = 1/4 (eta n = 1/2): 30 exact steps from every grid point with s_0 > 0 (y = -3/11:
    # s_t = y + 2^-t (s_0 - y) is never exactly 0 on this grid).
    starts = [(Fraction(i, 5), Fraction(j, 5)) for i in range(-5, 6) for j in range(-5, 6) if i + j > 0]
    crossed = []
    for theta0 in starts:
        s = [w + b for w, b in trajectory(theta0, Fraction(1), y, Fraction(1, 4), 30)]
        crossed.append(any(v < 0 for v in s))
        if y > 0:  # the closed form s_t - y = (1/2)^t (s_0 - y)
            assert all(v - y == Fraction(1, 2) ** t * (s[0] - y) for t, v in enumerate(s))
    assert all(crossed) if crosses else not any(crossed)


def test_trajectory_refuses_a_point_on_the_boundary():
    with pytest.raises(ValueError):
        trajectory((Fraction(1), Fraction(-1)), Fraction(1), Fraction(1), Fraction(1, 4), 1)
