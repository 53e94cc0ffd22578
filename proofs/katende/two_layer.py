r"""Katende's §2 two-layer model :math:`f=\sum_j a_j\sigma(w_j^\top x+b_j)` with one hidden unit and no
bias: the piece shared by the introduction's crossings and Remark 1.

A pack module (no ``theorem()``).
"""

from __future__ import annotations

import sympy as sp

from symbolic import relu_network as r

__all__ = ["A", "NET", "W", "X1", "two_layer_loss_on_active_region"]

#: The §2 model with one hidden unit, no bias: f = a sigma(w x).
NET = r.TwoLayer(1, 1)
A, W, X1 = NET.a[0], NET.w(0)[0], NET.x[0]


def two_layer_loss_on_active_region() -> sp.Expr:
    r""":math:`\tfrac12(a\,wx-y)^2` on the region :math:`wx>0` (§2 model, no bias).

    >>> two_layer_loss_on_active_region()
    (a_1*w_1_1*x_1 - y)**2/2
    """
    f = r.output_on_region(NET, (True,)).subs(NET.b[0], 0)
    return (f - r.y) ** 2 / 2
