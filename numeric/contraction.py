r"""The update map of the one-neuron ReLU model in exact rational arithmetic.

Independent mirror of :mod:`symbolic.contraction`: the gradient of
:math:`\mathcal L(\theta)=\sum_i\tfrac12(\sigma(wx_i+b)-y_i)^2` is computed by
forward-mode dual numbers over :class:`~fractions.Fraction` from the piecewise
model itself; Jacobians on a region are exact difference quotients (``T`` is
affine on each open region); norms are evaluated with mpmath at ``dps`` digits.

Main functions: :func:`update_map`, :func:`jacobian_on_region`,
:func:`operator_norm`, :func:`iterate`, :func:`activation_pattern`,
:func:`boundary_jump`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

import mpmath

from numeric.dual import Dual, relu

Vector = tuple[Fraction, Fraction]


def _loss(weight, bias, xs: Sequence[Fraction], ys: Sequence[Fraction]):
    total = 0
    for xi, yi in zip(xs, ys):
        residual = relu(weight * xi + bias) - yi
        total = residual * residual * Fraction(1, 2) + total
    return total


def gradient(theta: Sequence[Fraction], xs: Sequence[Fraction], ys: Sequence[Fraction]) -> Vector:
    r""":math:`\nabla\mathcal L(\theta)` exactly (``ArithmeticError`` on a boundary :math:`s_i=0`).

    >>> gradient((Fraction(1), Fraction(1)), [Fraction(2)], [Fraction(5)])
    (Fraction(-4, 1), Fraction(-2, 1))
    """
    w, b = (Fraction(t) for t in theta)
    one, zero = Fraction(1), Fraction(0)
    dw = _loss(Dual(w, one), Dual(b, zero), xs, ys).tangent
    db = _loss(Dual(w, zero), Dual(b, one), xs, ys).tangent
    return Fraction(dw), Fraction(db)


def update_map(theta: Sequence[Fraction], xs: Sequence[Fraction], ys: Sequence[Fraction],
               eta: Fraction) -> Vector:
    r""":math:`T(\theta)=\theta-\eta\nabla\mathcal L(\theta)` exactly.

    >>> update_map((Fraction(1), Fraction(1)), [Fraction(2)], [Fraction(5)], Fraction(1, 4))
    (Fraction(2, 1), Fraction(3, 2))
    """
    g = gradient(theta, xs, ys)
    return Fraction(theta[0]) - eta * g[0], Fraction(theta[1]) - eta * g[1]


def activation_pattern(theta: Sequence[Fraction], xs: Sequence[Fraction]) -> tuple[int, ...]:
    r"""The sign of each :math:`s_i(\theta)=wx_i+b`.

    >>> activation_pattern((Fraction(1), Fraction(-2)), [Fraction(1), Fraction(2), Fraction(3)])
    (-1, 0, 1)
    """
    return tuple((s > 0) - (s < 0) for s in (theta[0] * xi + theta[1] for xi in xs))


def jacobian_on_region(theta: Sequence[Fraction], xs: Sequence[Fraction], ys: Sequence[Fraction],
                       eta: Fraction) -> list[list[Fraction]]:
    r""":math:`DT(\theta)` at an interior point, as exact difference quotients (``T`` is affine
    on the region, so any step that stays inside gives the exact Jacobian).

    >>> jacobian_on_region((Fraction(1), Fraction(1)), [Fraction(1)], [Fraction(0)], Fraction(1, 2))
    [[Fraction(1, 2), Fraction(-1, 2)], [Fraction(-1, 2), Fraction(1, 2)]]
    """
    signs = activation_pattern(theta, xs)
    if 0 in signs:
        raise ArithmeticError("theta lies on an activation boundary: T is not differentiable there")
    margin = min(abs(theta[0] * xi + theta[1]) for xi in xs)
    h = margin / (2 * (1 + max(abs(xi) for xi in xs)))
    base = update_map(theta, xs, ys, eta)
    columns = []
    for k in range(2):
        moved = list(theta)
        moved[k] = Fraction(moved[k]) + h
        image = update_map(moved, xs, ys, eta)
        columns.append([(image[r] - base[r]) / h for r in range(2)])
    return [[columns[c][r] for c in range(2)] for r in range(2)]


def operator_norm(matrix: Sequence[Sequence[Fraction]], *, dps: int = 50) -> mpmath.mpf:
    r""":math:`\sqrt{\lambda_{\max}(A^\top A)}` of a 2x2 matrix at ``dps`` digits.

    >>> print(mpmath.nstr(operator_norm([[Fraction(3), 0], [0, Fraction(-4)]]), 10))
    4.0
    """
    (a, b), (c, d) = matrix
    trace = Fraction(a * a + b * b + c * c + d * d)
    det = Fraction(a * d - b * c) ** 2
    with mpmath.workdps(dps):
        t, q = mpmath.mpf(trace.numerator) / trace.denominator, mpmath.mpf(det.numerator) / det.denominator
        return mpmath.sqrt((t + mpmath.sqrt(max(t * t - 4 * q, 0))) / 2)


def operator_norm_squared_at_most(matrix: Sequence[Sequence[Fraction]], bound_sq: Fraction) -> bool:
    r"""Exactly decide :math:`\|A\|^2\le` ``bound_sq`` (the eigenvalues of :math:`A^\top A` are
    at most ``bound_sq`` iff :math:`pI-A^\top A` is positive semidefinite).

    >>> operator_norm_squared_at_most([[Fraction(3), 0], [0, Fraction(-4)]], Fraction(16))
    True
    """
    (a, b), (c, d) = matrix
    g11, g12, g22 = a * a + c * c, a * b + c * d, b * b + d * d
    m11, m22 = bound_sq - g11, bound_sq - g22
    return m11 >= 0 and m22 >= 0 and m11 * m22 - g12 * g12 >= 0


def iterate(theta0: Sequence[Fraction], xs: Sequence[Fraction], ys: Sequence[Fraction], eta: Fraction,
            steps: int) -> list[Vector]:
    r"""The exact trajectory :math:`\theta_0, T(\theta_0), \dots, T^{steps}(\theta_0)`.

    >>> iterate((Fraction(1, 2), Fraction(1)), [Fraction(1), Fraction(-1)], [Fraction(1), Fraction(1)], Fraction(1, 4), 1)[-1]
    (Fraction(1, 4), Fraction(1, 1))
    """
    path = [(Fraction(theta0[0]), Fraction(theta0[1]))]
    for _ in range(steps):
        path.append(update_map(path[-1], xs, ys, eta))
    return path


def squared_distance(p: Sequence[Fraction], q: Sequence[Fraction]) -> Fraction:
    r""":math:`\|p-q\|^2` exactly.

    >>> squared_distance((Fraction(0), Fraction(0)), (Fraction(3), Fraction(4)))
    Fraction(25, 1)
    """
    return sum((Fraction(a) - Fraction(c)) ** 2 for a, c in zip(p, q))


def boundary_jump(index: int, theta0: Sequence[Fraction], xs: Sequence[Fraction], ys: Sequence[Fraction],
                  eta: Fraction, *, h: Fraction = Fraction(1, 10**30)) -> Vector:
    r""":math:`T(\theta_0+hv_i)-T(\theta_0-hv_i)` with :math:`v_i=(x_i,1)`, at a point on
    :math:`s_i=0` (only datum ``index`` switches for small ``h``).  Tends to :math:`\eta y_iv_i`.

    >>> boundary_jump(0, (Fraction(0), Fraction(0)), [Fraction(2)], [Fraction(3)], Fraction(1, 10), h=Fraction(1, 10**6))
    (Fraction(600003, 1000000), Fraction(600003, 2000000))
    """
    v = (Fraction(xs[index]), Fraction(1))
    plus = update_map((theta0[0] + h * v[0], theta0[1] + h * v[1]), xs, ys, eta)
    minus = update_map((theta0[0] - h * v[0], theta0[1] - h * v[1]), xs, ys, eta)
    return plus[0] - minus[0], plus[1] - minus[1]
