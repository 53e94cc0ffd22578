r"""Cooper's ray moved off Assumption 1: Theorems 12 and 14 for every non-constant :math:`\sigma`.

The ray of §3 puts every hidden pre-activation at :math:`c` and needs :math:`\sigma(c)=0` only so
that :math:`f_{\rho(t)}=tM\sigma(c)\mathbf 1` vanishes.  The *shifted ray* keeps the hidden layers
(:math:`M^i=0`, :math:`b^i=c'\mathbf 1`, :math:`i\le\ell`) at any :math:`c'` with
:math:`\sigma'(c')\ne0` — one exists for every non-constant differentiable :math:`\sigma` (mean value
theorem) — and shifts the output bias:

.. math:: M^{\ell+1}=tM,\qquad b^{\ell+1}=-t\,\sigma(c')\,M\mathbf 1,

so :math:`f_{\rho(t)}=0` again.  :math:`f_\rho` is affine in :math:`(M^{\ell+1},b^{\ell+1})`, the only
parameters that move with :math:`t`, so every first and second derivative of :math:`f` on the ray has
degree :math:`\le1` in :math:`t`; the :math:`(b^\ell_1)^2` entry is the paper's closed form with
:math:`c\to c'` and no :math:`\sigma(c')`: L2 :math:`2nd_{out}\sigma'(c')^2t^2-2\sigma''(c')t\sum y`,
cross-entropy :math:`\sigma'(c')^2t^2(\frac1d-\frac1{d^2})\sum_m w_m+\sigma''(c')t\sum_m(\frac{w_m}d-y_{m1})`.

The jets are :func:`symbolic.network.derivatives_on_ray` with ``shifted=True`` (``sigma_0``,
``sigma_1``, ``sigma_2`` = :math:`\sigma(c')`, :math:`\sigma'(c')`, :math:`\sigma''(c')`); here: the
activations that violate Assumption 1 with their :math:`c'`, their exact 2-jets there, and the
constant-:math:`\sigma` counterexample that shows "non-constant" cannot be dropped.
"""

from __future__ import annotations

from typing import Literal

import sympy as sp

from symbolic.activations import U, activation
from symbolic.network import (SIGMA_0, SIGMA_1, SIGMA_2, Architecture, Param, loss_expression, network_expression,
                              parameter_symbols, symbolic_data)

Loss = Literal["l2", "cross_entropy"]

#: Activations that violate Assumption 1, each with a point :math:`c'` where :math:`\sigma'(c')\ne0`.
SHIFT_POINTS: dict[str, sp.Integer] = {"sigmoid": sp.Integer(0), "softplus": sp.Integer(0), "square": sp.Integer(1),
                                       "paper_example_1": sp.Integer(1)}


def jet_at(name: str) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    r""":math:`(\sigma(c'),\sigma'(c'),\sigma''(c'))` of the catalogue activation at its :math:`c'`, exactly.

    >>> jet_at("sigmoid"), jet_at("paper_example_1")
    ((1/2, 1/4, 0), (2, 2, 2))
    """
    act, c = activation(name), SHIFT_POINTS[name]
    return tuple(sp.simplify(sp.diff(act.formula, U, k).subs(U, c)) for k in range(3))  # type: ignore[return-value]


def at_shifted_activation(expr: sp.Expr, name: str) -> sp.Expr:
    r"""Substitute the 2-jet of ``name`` at its :math:`c'` into a shifted-ray expression.

    >>> at_shifted_activation(SIGMA_0 + SIGMA_1 * sp.Symbol("t") + SIGMA_2, "softplus")
    t/2 + 1/4 + log(2)
    """
    zero, first, second = jet_at(name)
    return sp.expand(expr.subs({SIGMA_0: zero, SIGMA_1: first, SIGMA_2: second}))


#: The architecture of the constant-activation counterexample: depth 2, widths 1, one input, two outputs.
CONSTANT_ARCH = Architecture((1, 1), 1, 2)
#: The depth-0 architecture of the "l >= 1 is needed" counterexample: one input, two outputs.
DEPTH_0_ARCH = Architecture((), 1, 2)
#: The constant value of the activation in the counterexample.
K = sp.Symbol("k", real=True)


def normalised_hessian(loss: Loss, arch: Architecture = CONSTANT_ARCH, sigma=lambda v: K, *,
                       normalise: bool = True) -> tuple[sp.Matrix, list[sp.Symbol]]:
    r"""The Hessian of the loss of ``arch`` (:math:`d_{out}=2`, one symbolic datum), normalised so that it is
    parameter-free exactly when the argument of Theorems 13/15 applies (f affine in the parameters):

    * L2: the Hessian itself (f affine in the parameters: L is quadratic, its Hessian constant);
    * cross-entropy: the Hessian times :math:`(e^{f_1}+e^{f_2})^2/e^{f_1+f_2}`, after the change of variables
      :math:`b^{\ell+1}_j=\log E_j-(f_j-b^{\ell+1}_j)` (:math:`E_j=e^{f_j}`); the factor divided out,
      :math:`p_1p_2\le\frac14` (:math:`p` the softmax), is bounded, so the Hessian is bounded (Lemma 16).

    ``sigma`` defaults to the constant :math:`k` (a symbol); a non-constant activation, or
    ``normalise=False`` for cross-entropy (its Hessian is bounded, not constant), are wrong versions.
    Returns the matrix and the symbols it must be free of: every parameter (hidden layers included)
    and, for cross-entropy, :math:`E_1, E_2`.

    >>> H, params = normalised_hessian("l2")
    >>> H.free_symbols & set(params), H[-1, -1]
    (set(), 2)
    """
    symbols = parameter_symbols(arch)
    data = symbolic_data(1, arch.d_in, arch.d_out)
    params = [symbols[p] for p in arch.parameters()]
    H = sp.hessian(loss_expression(arch, data, loss, sigma, symbols), params)
    if loss == "l2":
        return H.applyfunc(sp.expand), params
    last = arch.depth + 1
    biases = [symbols[Param("b", last, j, 0)] for j in (1, 2)]
    f = network_expression(arch, data.xs[0], sigma, symbols)
    energies = sp.symbols("E_1 E_2", positive=True)
    new = {b: sp.log(e) - (fj - b) for b, e, fj in zip(biases, energies, f)}
    scale = (energies[0] + energies[1]) ** 2 / (energies[0] * energies[1]) if normalise else 1
    changed = H.applyfunc(lambda e: e.subs(new))
    if changed.free_symbols & set(params):  # a parameter survives the change of variables: no cancellation can help
        return changed, params + list(energies)
    return changed.applyfunc(lambda e: sp.cancel(sp.expand(e * scale))), params + list(energies)


def parameter_free(loss: Loss, arch: Architecture = CONSTANT_ARCH, sigma=lambda v: K, *,
                   normalise: bool = True) -> tuple[bool, sp.Matrix]:
    r"""Whether :func:`normalised_hessian` is free of the parameters (the loss is m-smooth), and the matrix."""
    H, params = normalised_hessian(loss, arch, sigma, normalise=normalise)
    return not (H.free_symbols & set(params)), H
