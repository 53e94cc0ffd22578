r"""The two-layer pack module (proofs/katende/two_layer.py): the §2 loss on the active region."""

from __future__ import annotations

import sympy as sp

from proofs.katende.two_layer import A, W, X1, two_layer_loss_on_active_region


def test_second_derivative_in_w_is_a_squared_x_squared():
    assert sp.expand(sp.diff(two_layer_loss_on_active_region(), W, 2) - A**2 * X1**2) == 0


def test_a_wrong_second_derivative_is_caught():
    assert sp.expand(sp.diff(two_layer_loss_on_active_region(), W, 2) - A * X1**2) != 0
