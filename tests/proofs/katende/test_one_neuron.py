r"""The one-neuron pack module (proofs/katende/one_neuron.py): the a.e. Hessian bound, the crossing
pair, and the general witness proof rejecting wrong constructions."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs.engine import Equality
from proofs.katende.one_neuron import (ae_hessian_sup, boundary_pair_for, lipschitz_fails_for_every_L, region_hessians,
                                        same_side_pair_for, too_wide_pair_for, violation_for_every_L)
from symbolic import one_neuron as m


def test_boundary_pair_straddles_the_kink_at_distance_at_most_y_over_8L():
    (wm, bm), (wp, bp) = boundary_pair_for(Fraction(10), Fraction(2), Fraction(3))
    assert wm * 2 + bm < 0 < wp * 2 + bp  # s = wx + b changes sign between the two points
    assert (wp - wm) ** 2 + (bp - bm) ** 2 <= 4 * (Fraction(3, 80)) ** 2 * 5


def test_witness_construction_is_proved_for_every_L():
    assert lipschitz_fails_for_every_L().proved


def test_general_witness_proof_rejects_a_witness_that_is_too_wide_or_on_one_side():
    for wrong in (same_side_pair_for, too_wide_pair_for):
        result = violation_for_every_L(wrong)
        assert not result.ok and result.counterexample  # an exact countermodel, not a timeout


def test_ae_hessian_is_bounded_by_one_plus_x_squared_exactly():
    assert sp.simplify(ae_hessian_sup() - (1 + m.x**2)) == 0
    assert region_hessians()[2:, :].is_zero_matrix
    # x = 3: the active-side Hessian [[9, 3], [3, 1]] has eigenvalues 0 and 10 = 1 + x^2
    assert set(region_hessians()[:2, :].subs(m.x, 3).eigenvals()) == {0, 10}


def test_a_wrong_printed_hessian_bound_would_be_caught():
    for wrong in ((1 + m.x**2) / 2, sp.sqrt(1 + m.x**2), 1 + m.x):
        assert not Equality(label="wrong", latex="", lhs=ae_hessian_sup, rhs=wrong).run().ok
