r"""The one-neuron ReLU model of Katende (3.1)-(3.2), in closed form.

.. math::
    f(x;\theta) = \sigma(wx+b),\qquad \mathcal L(\theta) = \tfrac12 (f(x;\theta)-y)^2,
    \qquad \theta = (w, b),\quad s(\theta) = wx + b.

On the open half-plane :math:`s>0` the loss is :math:`\tfrac12(s-y)^2`; on
:math:`s<0` it is the constant :math:`\tfrac12 y^2`.  Gradients are taken on each
open region separately (the ReLU is not differentiable on :math:`s=0`).

Main functions: :func:`loss_on_active_side`, :func:`loss_on_inactive_side`,
:func:`gradient`, :func:`boundary_pair`, :func:`gradient_difference_ratio`.
"""

from __future__ import annotations

import sympy as sp

w, b = sp.symbols("w b", real=True)
x, y = sp.symbols("x y", real=True)
w0 = sp.Symbol("w_0", real=True)
epsilon = sp.Symbol("epsilon", positive=True)
THETA = (w, b)


def preactivation(weight: sp.Expr = w, bias: sp.Expr = b) -> sp.Expr:
    r""":math:`s(\theta) = wx + b`.

    >>> preactivation()
    b + w*x
    """
    return weight * x + bias


def loss_on_active_side() -> sp.Expr:
    r""":math:`\mathcal L = \tfrac12 (s-y)^2` on :math:`\{s>0\}`, where :math:`\sigma(s)=s`.

    >>> loss_on_active_side()
    (b + w*x - y)**2/2
    """
    return sp.Rational(1, 2) * (preactivation() - y) ** 2


def loss_on_inactive_side() -> sp.Expr:
    r""":math:`\mathcal L = \tfrac12 y^2` on :math:`\{s<0\}`, where :math:`\sigma(s)=0`.

    >>> loss_on_inactive_side()
    y**2/2
    """
    return sp.Rational(1, 2) * (0 - y) ** 2


def gradient(loss: sp.Expr) -> sp.Matrix:
    r""":math:`\nabla_\theta \mathcal L = (\partial_w \mathcal L, \partial_b \mathcal L)^\top`.

    >>> gradient(loss_on_inactive_side()).T
    Matrix([[0, 0]])
    """
    return sp.Matrix([sp.diff(loss, v) for v in THETA])


def direction() -> sp.Matrix:
    r"""The direction :math:`(x, 1)^\top = \nabla s`."""
    return sp.Matrix([x, 1])


def boundary_point() -> sp.Matrix:
    r"""A generic point :math:`\theta_0 = (w_0, -w_0 x)` of the boundary :math:`s=0`."""
    return sp.Matrix([w0, -w0 * x])


def boundary_pair() -> tuple[sp.Matrix, sp.Matrix]:
    r""":math:`\theta^\mp(\varepsilon) = \theta_0 \mp \varepsilon (x, 1)`."""
    theta0, d = boundary_point(), direction()
    return theta0 - epsilon * d, theta0 + epsilon * d


def at(expr: sp.Expr | sp.Matrix, theta: sp.Matrix) -> sp.Expr | sp.Matrix:
    r"""``expr`` with :math:`(w, b)` replaced by the entries of ``theta``."""
    return expr.subs({w: theta[0], b: theta[1]}, simultaneous=True)


def norm(vector: sp.Matrix) -> sp.Expr:
    r"""Euclidean norm :math:`\|v\| = \sqrt{v^\top v}`."""
    return sp.sqrt(sum(e**2 for e in vector))


def gradient_difference_ratio() -> sp.Expr:
    r""":math:`\|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\| / \|\theta^+-\theta^-\|`,
    derived from the per-region gradients (not copied from the paper)."""
    minus, plus = boundary_pair()
    jump = at(gradient(loss_on_active_side()), plus) - at(gradient(loss_on_inactive_side()), minus)
    return sp.simplify(norm(jump) / norm(plus - minus))
