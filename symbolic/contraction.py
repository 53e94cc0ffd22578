r"""The gradient-descent update map of the one-neuron ReLU model, region by region.

Katende §3.4 (Assumption 1, Proposition 2).  For data :math:`(x_i, y_i)`,
:math:`i=1..n` (the paper's model is :math:`n=1`), the loss is
:math:`\mathcal L(\theta)=\sum_i \tfrac12(\sigma(wx_i+b)-y_i)^2`, the update map is
:math:`T(\theta)=\theta-\eta\nabla\mathcal L(\theta)`, and
:math:`s_i(\theta)=wx_i+b`, :math:`v_i=(x_i,1)`.

On the open region where exactly the data in ``pattern`` are active
(:math:`s_i>0` for :math:`i` in the pattern, :math:`s_i<0` otherwise) the loss is a
polynomial, so :math:`T` is affine there; its Jacobian is computed here by
differentiating :math:`T` (not copied from a formula).  At a point where some
:math:`s_i=0` the *limiting Jacobians* are those of the adjacent regions, and the
Clarke generalized Jacobian is their convex hull, **provided** :math:`T` is locally
Lipschitz there; :func:`boundary_jump` computes the jump of :math:`T` across
:math:`s_i=0`, which is :math:`\eta y_i v_i`: :math:`T` is discontinuous on the
boundary unless :math:`y_i=0`.

Main functions: :func:`update_map_on_region`, :func:`jacobian_on_region`,
:func:`limiting_jacobians`, :func:`operator_norm`, :func:`clarke_norm_bound`,
:func:`rho_of_assumption_1`, :func:`boundary_jump`, :func:`activation_pattern`.
"""

from __future__ import annotations

import itertools
from typing import Sequence

import sympy as sp

w, b = sp.symbols("w b", real=True)
x, y = sp.symbols("x y", real=True)
eta = sp.Symbol("eta", positive=True)
lam = sp.Symbol("lambda", nonnegative=True)
THETA = sp.Matrix([w, b])

Pattern = tuple[bool, ...]


def preactivations(xs: Sequence[sp.Expr], theta: sp.Matrix = THETA) -> list[sp.Expr]:
    r""":math:`s_i(\theta) = wx_i + b` for each datum.

    >>> preactivations([2, x])
    [b + 2*w, b + w*x]
    """
    return [theta[0] * xi + theta[1] for xi in xs]


def loss_on_region(pattern: Pattern, xs: Sequence[sp.Expr], ys: Sequence[sp.Expr]) -> sp.Expr:
    r""":math:`\sum_i \tfrac12(\sigma(s_i)-y_i)^2` with :math:`\sigma(s_i)=s_i` on active, 0 on inactive data.

    >>> loss_on_region((True,), [x], [y])
    (b + w*x - y)**2/2
    """
    s = preactivations(xs)
    return sum(sp.Rational(1, 2) * ((si if on else 0) - yi) ** 2 for si, yi, on in zip(s, ys, pattern))


def update_map_on_region(pattern: Pattern, xs: Sequence[sp.Expr], ys: Sequence[sp.Expr],
                         step: sp.Expr = eta) -> sp.Matrix:
    r""":math:`T(\theta)=\theta-\eta\nabla\mathcal L(\theta)` on the region of ``pattern``.

    >>> update_map_on_region((False,), [x], [y]).T
    Matrix([[w, b]])
    """
    loss = loss_on_region(pattern, xs, ys)
    return THETA - step * sp.Matrix([sp.diff(loss, v) for v in THETA])


def jacobian_on_region(pattern: Pattern, xs: Sequence[sp.Expr], ys: Sequence[sp.Expr],
                       step: sp.Expr = eta) -> sp.Matrix:
    r""":math:`DT` on the region of ``pattern``, by differentiating :math:`T`.

    >>> jacobian_on_region((True,), [x], [y]).tolist()
    [[-eta*x**2 + 1, -eta*x], [-eta*x, 1 - eta]]
    """
    return update_map_on_region(pattern, xs, ys, step).jacobian(THETA)


def activation_pattern(theta: Sequence[sp.Expr], xs: Sequence[sp.Expr]) -> tuple[int, ...]:
    r"""The sign of each :math:`s_i(\theta)` (+1, 0, -1) at a numeric point.

    >>> activation_pattern([1, -2], [1, 2, 3])
    (-1, 0, 1)
    """
    return tuple(int(sp.sign(s)) for s in preactivations(xs, sp.Matrix(theta)))


def adjacent_patterns(signs: tuple[int, ...]) -> list[Pattern]:
    r"""The activation patterns of the open regions whose closure contains a point with ``signs``.

    For a single-neuron model every sign choice on the zero set is realised
    (the boundaries :math:`s_i=0` through the point are lines).

    >>> adjacent_patterns((1, 0))
    [(True, True), (True, False)]
    """
    choices = [[True] if s > 0 else [False] if s < 0 else [True, False] for s in signs]
    return [tuple(c) for c in itertools.product(*choices)]


def limiting_jacobians(theta: Sequence[sp.Expr], xs: Sequence[sp.Expr], ys: Sequence[sp.Expr],
                       step: sp.Expr = eta) -> list[sp.Matrix]:
    r"""Limits of :math:`DT(\theta_k)` along differentiability points :math:`\theta_k\to\theta`.

    >>> len(limiting_jacobians([0, 0], [2], [3]))
    2
    """
    signs = activation_pattern(theta, xs)
    return [jacobian_on_region(p, xs, ys, step) for p in adjacent_patterns(signs)]


def clarke_element(vertices: Sequence[sp.Matrix], weights: Sequence[sp.Expr]) -> sp.Matrix:
    r"""The convex combination :math:`\sum_k \lambda_k A_k` of limiting Jacobians.

    >>> clarke_element([sp.eye(2), sp.zeros(2)], [lam, 1 - lam]).tolist()
    [[lambda, 0], [0, lambda]]
    """
    return sum((wt * A for wt, A in zip(weights, vertices)), sp.zeros(*vertices[0].shape))


def operator_norm(matrix: sp.Matrix) -> sp.Expr:
    r"""The spectral norm :math:`\sqrt{\lambda_{\max}(A^\top A)}`, exactly.

    >>> operator_norm(sp.Matrix([[3, 0], [0, -4]]))
    4
    """
    gram = (matrix.T * matrix).applyfunc(sp.expand)
    eigen = list(gram.eigenvals())
    return sp.sqrt(sp.Max(*eigen)) if len(eigen) > 1 else sp.sqrt(eigen[0])


def clarke_norm_bound(theta: Sequence[sp.Expr], xs: Sequence[sp.Expr], ys: Sequence[sp.Expr],
                      step: sp.Expr = eta) -> sp.Expr:
    r""":math:`\max_{A\in\partial_C T(\theta)}\|A\|` = the largest vertex norm (the norm is convex).

    >>> clarke_norm_bound([0, 0], [1], [0], sp.Rational(3, 2))
    2
    """
    return sp.Max(*[operator_norm(A) for A in limiting_jacobians(theta, xs, ys, step)])


def rho_of_assumption_1(patterns: Sequence[Pattern], xs: Sequence[sp.Expr], ys: Sequence[sp.Expr],
                        step: sp.Expr = eta) -> sp.Expr:
    r""":math:`\rho` of (3.5) for a region :math:`\mathcal D` meeting the open regions ``patterns``.

    >>> rho_of_assumption_1([(True, True)], [1, -1], [1, 1], sp.Rational(1, 4))
    1/2
    """
    return sp.Max(*[operator_norm(jacobian_on_region(p, xs, ys, step)) for p in patterns])


def boundary_jump(index: int, theta0: Sequence[sp.Expr], xs: Sequence[sp.Expr], ys: Sequence[sp.Expr],
                  step: sp.Expr = eta) -> sp.Matrix:
    r""":math:`\lim T` from the active side minus :math:`\lim T` from the inactive side of
    :math:`s_i=0` at a boundary point ``theta0`` (only datum ``index`` switches).

    >>> boundary_jump(0, [0, 0], [x], [y]).T
    Matrix([[eta*x*y, eta*y]])
    """
    signs = activation_pattern(theta0, xs) if all(sp.sympify(t).is_number for t in theta0) else None
    base = [s > 0 for s in signs] if signs else [False] * len(xs)
    on, off = list(base), list(base)
    on[index], off[index] = True, False
    at = {w: theta0[0], b: theta0[1]}
    jump = update_map_on_region(tuple(on), xs, ys, step).subs(at) - update_map_on_region(tuple(off), xs, ys, step).subs(at)
    return jump.applyfunc(sp.expand)
