r"""The one-neuron ReLU loss of Katende §3, :math:`\mathcal L(\theta)=\tfrac12(\sigma(wx+b)-y)^2`:
machinery shared by its claims (Thm 1, the introduction's crossings, Remark 1).

A pack module (no ``theorem()``): the Hessians on the two open half-planes, their a.e. supremum,
the exact crossing pair :math:`\theta^\pm` whose gradient jump beats any :math:`L`, and the Z3
decision that it does so for every :math:`L>0`, :math:`x`, :math:`y\neq0`.
"""

from __future__ import annotations

import functools
from fractions import Fraction

import sympy as sp

from proofs.steps import StepResult, decide_nonnegative
from symbolic import one_neuron as m
from symbolic.contraction import operator_norm

__all__ = ["L_SYM", "Y_NZ", "ae_hessian_sup", "boundary_pair_for", "lipschitz_fails_for_every_L", "region_hessians",
           "relu_loss_gradient", "same_side_pair_for", "too_wide_pair_for", "violation_for_every_L"]

Y_NZ = sp.Symbol("y", real=True, nonzero=True)  # y under Thm 1's A2


def region_hessians() -> sp.Matrix:
    r""":math:`\nabla^2\mathcal L` on :math:`\{s>0\}` stacked over :math:`\nabla^2\mathcal L` on :math:`\{s<0\}`,
    differentiated from the region losses (the loss is a polynomial on each open half-plane).

    >>> region_hessians().tolist()
    [[x**2, x], [x, 1], [0, 0], [0, 0]]
    """
    return sp.Matrix.vstack(sp.hessian(m.loss_on_active_side(), m.THETA), sp.hessian(m.loss_on_inactive_side(), m.THETA))


def ae_hessian_sup() -> sp.Expr:
    r""":math:`\sup\|\nabla^2\mathcal L(\theta)\|` over every :math:`\theta` where the Hessian exists (off the line
    :math:`s=0`): the larger of the two region norms, computed exactly (:func:`operator_norm`)."""
    hessians = region_hessians()
    return sp.Max(operator_norm(hessians[:2, :]), operator_norm(hessians[2:, :]))


def boundary_pair_for(L: Fraction, x: Fraction, y: Fraction, w0: Fraction = Fraction(0),
                      minimum=min) -> list[tuple[Fraction, Fraction]]:
    r"""Exact :math:`\theta^-,\theta^+` with ratio :math:`> L`: :math:`\varepsilon = \min(|y|/(2\|(x,1)\|^2), |y|/(8L))`.

    Then :math:`\varepsilon\|(x,1)\|^2 \le |y|/2`, so the ratio is at least
    :math:`|y|/(4\varepsilon) \ge 2L > L`.  With SymPy symbols and ``minimum=sp.Min``
    the same construction is the symbolic one :func:`violation_for_every_L` proves.
    """
    eps = minimum(abs(y) / (2 * (x * x + 1)), abs(y) / (8 * L))
    return [(w0 - eps * x, -w0 * x - eps), (w0 + eps * x, -w0 * x + eps)]


L_SYM = sp.Symbol("L", positive=True)


def relu_loss_gradient() -> sp.Matrix:
    r""":math:`\nabla\mathcal L` of :math:`\tfrac12(\max(s,0)-y)^2` on the whole plane, differentiated by SymPy
    (:math:`\sigma'=` Heaviside; its value at :math:`s=0` is never used: the pair has :math:`s=\pm\varepsilon\|(x,1)\|^2`).

    >>> relu_loss_gradient().T
    Matrix([[x*(-y + Max(0, b + w*x))*Heaviside(b + w*x), (-y + Max(0, b + w*x))*Heaviside(b + w*x)]])
    """
    return m.gradient((sp.Max(m.preactivation(), 0) - m.y) ** 2 / 2)


def violation_for_every_L(construct) -> StepResult:
    r""":math:`\|\nabla\mathcal L(\theta')-\nabla\mathcal L(\theta)\|^2 > L^2\|\theta'-\theta\|^2` for the pair
    ``construct(L, x, y, w0)`` with :math:`L>0`, :math:`x`, :math:`y\neq0`, :math:`w_0` symbols: decided by Z3
    over the whole domain (``proved``), else an exact countermodel."""
    (wm, bm), (wp, bp) = construct(L_SYM, m.x, Y_NZ, m.w0, minimum=sp.Min)
    grad = relu_loss_gradient().subs(m.y, Y_NZ)
    jump = m.at(grad, sp.Matrix([wp, bp])) - m.at(grad, sp.Matrix([wm, bm]))
    gap = sum(e**2 for e in jump) - L_SYM**2 * ((wp - wm) ** 2 + (bp - bm) ** 2)
    return decide_nonnegative(gap, strict=True)


def same_side_pair_for(L, x, y, w0, minimum=min):
    r"""A wrong construction (rejected by the checks): both points on the active side, where the gradient
    is :math:`(1+x^2)`-Lipschitz."""
    (wm, bm), (wp, bp) = boundary_pair_for(L, x, y, w0, minimum)
    return [(wp, bp), (2 * wp - w0, 2 * bp + w0 * x)]


def too_wide_pair_for(L, x, y, w0, minimum=min):
    r"""A wrong construction (rejected by the checks): :math:`\varepsilon=|y|/(2L)` gives a ratio of about
    :math:`L/2` only."""
    return boundary_pair_for(L / 4, x, y, w0, minimum)


@functools.cache
def lipschitz_fails_for_every_L() -> StepResult:
    r""":func:`violation_for_every_L` for the witness construction (cached: two steps use it)."""
    return violation_for_every_L(boundary_pair_for)
