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


def test_the_loss_of_an_inactive_datum_is_its_constant_half_square():
    # x = (1, 2), y = (3, 4), datum 0 active, datum 1 inactive: (w + b - 3)^2/2 + 4^2/2
    assert sp.expand(c.loss_on_region((True, False), [1, 2], [3, 4]) - ((c.w + c.b - 3) ** 2 / 2 + 8)) == 0


def test_the_update_map_on_an_active_region_by_hand():
    # x = 1, y = 2, eta = 1/2: grad = (w + b - 2)(1, 1), so T = (w, b) - (w + b - 2)/2 (1, 1)
    T = c.update_map_on_region((True,), [1], [2], sp.Rational(1, 2))
    assert (T - sp.Matrix([c.w / 2 - c.b / 2 + 1, c.b / 2 - c.w / 2 + 1])).applyfunc(sp.expand).is_zero_matrix


def test_operator_norm_is_the_largest_singular_value():
    # diag(1, -3) and diag(3, 1): 3 whichever eigenvalue comes first; [[0, 2], [0, 0]]: A^T A = diag(0, 4), norm 2;
    # 2 I: one repeated eigenvalue 4 of A^T A, norm 2; the zero matrix: 0
    assert c.operator_norm(sp.diag(1, -3)) == 3 and c.operator_norm(sp.diag(3, 1)) == 3
    assert c.operator_norm(sp.Matrix([[0, 2], [0, 0]])) == 2
    assert c.operator_norm(2 * sp.eye(2)) == 2 and c.operator_norm(sp.zeros(2)) == 0


def test_rho_is_the_largest_norm_over_the_regions():
    # x = 1, y = 0: the active Jacobian I - eta (1,1)(1,1)^T has eigenvalues 1 and 1 - 2 eta, the inactive one is I
    assert c.rho_of_assumption_1([(True,), (False,)], [1], [0], sp.Rational(3, 2)) == 2  # |1 - 3| = 2 > 1
    assert c.rho_of_assumption_1([(True,), (False,)], [1], [0], sp.Rational(1, 4)) == 1
    assert c.rho_of_assumption_1([(True,)], [1], [0], sp.Rational(3, 2)) == 2


def test_boundary_jump_of_the_second_datum_with_the_first_active():
    # x = (1, 3), y = (4, 5), theta0 = (-1, 3): s = (2, 0); only datum 1 switches: the jump is eta y_1 (3, 1)
    eta = sp.Rational(1, 3)
    assert c.boundary_jump(1, [-1, 3], [1, 3], [4, 5], eta) == sp.Matrix([5, sp.Rational(5, 3)])


def test_boundary_jump_at_a_symbolic_boundary_point():
    # theta0 = (w, -w x) lies on s = 0 for every w: no numeric signs to read, the jump is still eta y (x, 1)
    assert c.boundary_jump(0, [c.w, -c.w * c.x], [c.x], [c.y]) == sp.Matrix([c.eta * c.x * c.y, c.eta * c.y])


def test_limiting_jacobians_away_from_every_boundary_are_one_region():
    # theta = (1, 1), x = (1, -3): s = (2, -2): one region (True, False), one Jacobian; on s_0 = 0 two
    assert c.activation_pattern([1, 1], [1, -3]) == (1, -1)
    assert len(c.limiting_jacobians([1, 1], [1, -3], [0, 0])) == 1
    assert len(c.limiting_jacobians([1, -1], [1, -3], [0, 0])) == 2


def test_the_step_is_positive_and_the_parameters_and_data_real():
    # eta > 0 is what makes I - eta v v^T shrink along v; (w, b), x, y are real
    assert c.eta.is_positive is True
    assert all(s.is_real is True for s in (c.w, c.b, c.x, c.y)) and list(c.THETA) == [c.w, c.b]
