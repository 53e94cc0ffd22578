r"""Kumar's Huber regression (10), simulated: gradient descent at large learning rates.

Independent of :mod:`symbolic.lasso`: the loss :math:`\sum_i h_\delta(y_i-z_i^\top\beta)` and its gradient
:math:`-\sum_i h_\delta'(y_i-z_i^\top\beta)z_i` are coded from the definition, in numpy ``float64``
or mpmath (``dps``).

Main functions: :func:`huber_loss`, :func:`huber_gradient`, :func:`huber_gd_losses`.
"""

from __future__ import annotations

from typing import Any

import mpmath
import numpy as np


def huber_loss(beta: np.ndarray, Z: np.ndarray, y: np.ndarray, delta: float = 1.0) -> float:
    r""":math:`\sum_i h_\delta(y_i-z_i^\top\beta)`.

    >>> huber_loss(np.zeros(1), np.eye(1), np.array([3.0]))
    2.5
    """
    res = np.abs(y - Z @ beta)
    return float(np.where(res <= delta, res**2 / 2, delta * (res - delta / 2)).sum())


def huber_gradient(beta: np.ndarray, Z: np.ndarray, y: np.ndarray, delta: float = 1.0) -> np.ndarray:
    r""":math:`-\sum_i\operatorname{clip}(y_i-z_i^\top\beta,-\delta,\delta)\,z_i`.

    >>> huber_gradient(np.zeros(1), np.eye(1), np.array([3.0])).tolist()
    [-1.0]
    """
    return -Z.T @ np.clip(y - Z @ beta, -delta, delta)


def huber_gd_losses(beta0: np.ndarray, Z: np.ndarray, y: np.ndarray, alpha: float, steps: int, *, delta: float = 1.0,
                    dps: int | None = None) -> list[Any]:
    r"""Losses of gradient descent :math:`\beta\leftarrow\beta-\alpha\nabla f(\beta)`, in float64 or at ``dps`` digits.

    >>> [round(v, 3) for v in huber_gd_losses(np.zeros(1), np.eye(1), np.array([3.0]), 0.5, 2)]
    [2.5, 2.0, 1.5]
    """
    if dps is None:
        beta, out = np.array(beta0, dtype=float), []
        for _ in range(steps + 1):
            out.append(huber_loss(beta, Z, y, delta))
            beta = beta - alpha * huber_gradient(beta, Z, y, delta)
        return out
    with mpmath.workdps(dps):
        Zm, ym, beta = mpmath.matrix(Z.tolist()), mpmath.matrix(y.tolist()), mpmath.matrix(list(map(float, beta0)))
        a, d, out = mpmath.mpf(alpha), mpmath.mpf(delta), []
        for _ in range(steps + 1):
            res = ym - Zm * beta
            out.append(sum((x**2 / 2 if abs(x) <= d else d * (abs(x) - d / 2)) for x in res))
            clipped = mpmath.matrix([max(-d, min(d, x)) for x in res])
            beta = beta + a * (Zm.T * clipped)
        return out
