r"""Cooper's corollary for every size: the premises of the subquadratic witness admit the boundary cases
(written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from proofs.cooper import every_size as E
from proofs.cooper import every_size_corollary as K


def test_the_witness_premises_admit_a_small_A_and_a_bounded_gradient():
    # A = 1/2 and P = Q = C_eta = 0 (sum y = 0: the gradient stays bounded): eta = 1/4, t* = 5
    point = {E.COEF_A: sp.Rational(1, 2), E.COEF_B: 0, E.BETA: 0, K.P_SYM: 0, K.Q_SYM: 0, K.C_ETA: 0,
             K.ETA: sp.Rational(1, 4), E.TSTAR: 5}
    step = K.subquadratic_witness_step()
    assert all(bool(premise.subs(point)) for premise in step.assuming)
    assert step.lhs().subs(point) == sp.Rational(25, 2) and step.rhs.subs(point) == 0


def test_the_quadratic_bound_premises_admit_a_zero_gradient_at_t_0():
    # P = ||grad L(rho(0))||^2 may be 0 (the detail says "every ... P >= 0"): A = Q = 1, B = P = 0 gives b = 3, a = 1,
    # and |H(t)| = t^2 <= 1 + 3 t^2 there; a premise P >= 1 would leave that case unproved.
    b, a = sp.symbols("b a", real=True)
    point = {E.COEF_A: 1, E.COEF_B: 0, K.P_SYM: 0, K.Q_SYM: 1, b: 3, a: 1}
    for sign in (1, -1):
        assert all(bool(premise.subs(point)) for premise in K.quadratic_bound_premises(sign))
