r"""symbolic.contraction: the regions adjacent to a point take each unit's side from the sign of its
preactivation, inactive included (written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from symbolic import contraction as c


def test_a_negative_preactivation_keeps_its_unit_inactive():
    # s < 0: only the inactive side (False); s = 0: both sides; s > 0: only the active side
    assert c.adjacent_patterns((-1,)) == [(False,)]
    assert c.adjacent_patterns((-1, 0, 1)) == [(False, True, True), (False, False, True)]


def test_the_limiting_jacobian_where_every_unit_is_inactive_is_the_identity():
    # theta = (1, -5), data x = 1, 2: s = -4, -3 < 0, so the ReLU is off, the loss is locally constant and
    # T(theta) = theta: the one limiting Jacobian is I (not I - eta sum (x,1)(x,1)^T of the active region)
    assert c.limiting_jacobians([1, -5], [1, 2], [3, 3]) == [sp.eye(2)]


def test_a_clarke_element_of_one_vertex_is_that_vertex_and_the_hull_ends_are_its_vertices():
    # At theta = (1, 1), x = 1: s = 2 > 0, T is differentiable there, and the Clarke Jacobian is the one
    # limiting Jacobian itself (a one-vertex hull: not an IndexError from reading a second vertex's shape).
    # With two vertices, the weights (1, 0) and (0, 1) give the vertices.
    (J,) = c.limiting_jacobians([1, 1], [1], [2])
    assert J == sp.Matrix([[1 - c.eta, -c.eta], [-c.eta, 1 - c.eta]])
    assert c.clarke_element([J], [1]) == J
    assert c.clarke_element([J, sp.eye(2)], [1, 0]) == J and c.clarke_element([J, sp.eye(2)], [0, 1]) == sp.eye(2)


def test_the_clarke_weight_is_nonnegative_so_the_hull_of_i_and_its_active_jacobian_only_shrinks():
    # lambda is a convex weight: SymPy must know lambda >= 0, so that on y = 0 the hull element
    # (1 - lambda) I + lambda (I - eta v v^T) = I - lambda eta v v^T is I minus a PSD matrix (lambda eta |v|^2 >= 0).
    # A lambda declared not nonnegative leaves lambda >= 0 undecided and |lambda| unsimplified.
    assert (c.lam >= 0) is sp.true and sp.Abs(c.lam) == c.lam
    hull = c.clarke_element(c.limiting_jacobians([0, 0], [c.x], [0]), [c.lam, 1 - c.lam])
    shrink = sp.eye(2) - hull
    assert (shrink - c.lam * c.eta * sp.Matrix([[c.x**2, c.x], [c.x, 1]])).applyfunc(sp.expand) == sp.zeros(2)
    assert sp.expand(shrink.trace()).is_nonnegative is True
