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
