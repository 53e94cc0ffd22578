r"""Two-layer ReLU networks in closed form, region by region (Katende, Remark 1).

.. math::
    f(x;\theta)=\sum_{k=1}^m a_k\,\sigma(w_k^\top x+b_k),\qquad
    \mathcal L(\theta)=\tfrac12(f(x;\theta)-y)^2,\qquad s_k = w_k^\top x + b_k,

with input :math:`x\in\mathbb R^d` and :math:`\theta=(a_k, w_k, b_k)_{k\le m}`.  On the open
region of an activation pattern (which :math:`s_k` are positive) the loss is a
polynomial in :math:`\theta`; the gradient on each side of the boundary
:math:`s_j=0` is obtained by differentiating that polynomial.  The crossing pair
moves only neuron :math:`j`'s incoming parameters, by :math:`\pm\varepsilon(x,1)`,
as in Theorem 1.

Main functions: :func:`parameters`, :func:`output_on_region`,
:func:`gradient_on_region`, :func:`crossing_pair`, :func:`gradient_jump`,
:func:`parameter_degree`.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

epsilon = sp.Symbol("epsilon", positive=True)
y = sp.Symbol("y", real=True)


@dataclass(frozen=True)
class TwoLayer:
    r"""Symbols of a width-``m`` two-layer network on inputs of dimension ``d``."""

    m: int
    d: int

    @property
    def x(self) -> list[sp.Symbol]:
        return list(sp.symbols(f"x_1:{self.d + 1}", real=True))

    @property
    def a(self) -> list[sp.Symbol]:
        return list(sp.symbols(f"a_1:{self.m + 1}", real=True))

    @property
    def b(self) -> list[sp.Symbol]:
        return list(sp.symbols(f"b_1:{self.m + 1}", real=True))

    def w(self, k: int) -> list[sp.Symbol]:
        return list(sp.symbols(f"w_{k + 1}_1:{self.d + 1}", real=True))


def parameters(net: TwoLayer) -> list[sp.Symbol]:
    r"""The parameter vector :math:`\theta`, neuron by neuron: :math:`(a_k, w_k, b_k)`.

    >>> parameters(TwoLayer(1, 1))
    [a_1, w_1_1, b_1]
    """
    return [p for k in range(net.m) for p in (net.a[k], *net.w(k), net.b[k])]


def preactivation(net: TwoLayer, k: int) -> sp.Expr:
    r""":math:`s_k = w_k^\top x + b_k`.

    >>> preactivation(TwoLayer(2, 2), 1)
    b_2 + w_2_1*x_1 + w_2_2*x_2
    """
    return sum(wi * xi for wi, xi in zip(net.w(k), net.x)) + net.b[k]


def output_on_region(net: TwoLayer, pattern: tuple[bool, ...]) -> sp.Expr:
    r""":math:`f` on the region where neuron :math:`k` is active iff ``pattern[k]``.

    >>> output_on_region(TwoLayer(2, 1), (True, False))
    a_1*(b_1 + w_1_1*x_1)
    """
    # start from SymPy's zero: with no neuron active f is the zero expression, not Python's int 0
    return sum((net.a[k] * preactivation(net, k) for k in range(net.m) if pattern[k]), sp.S.Zero)


def gradient_on_region(net: TwoLayer, pattern: tuple[bool, ...]) -> sp.Matrix:
    r""":math:`\nabla_\theta\mathcal L` on the region of ``pattern``.

    >>> gradient_on_region(TwoLayer(1, 1), (False,)).T
    Matrix([[0, 0, 0]])
    """
    loss = sp.Rational(1, 2) * (output_on_region(net, pattern) - y) ** 2
    return sp.Matrix([sp.diff(loss, p) for p in parameters(net)])


def crossing_direction(net: TwoLayer, j: int) -> sp.Matrix:
    r"""The direction that moves neuron :math:`j`'s :math:`(w_j, b_j)` by :math:`(x, 1)`, nothing else.

    >>> crossing_direction(TwoLayer(1, 1), 0).T
    Matrix([[0, x_1, 1]])
    """
    entries = []
    for k in range(net.m):
        block = [*net.x, 1] if k == j else [0] * (net.d + 1)
        entries += [0, *block]
    return sp.Matrix(entries)


def crossing_pair(net: TwoLayer, j: int) -> tuple[dict, dict]:
    r"""Substitutions for :math:`\theta^\pm=\theta_0\pm\varepsilon\,(x,1)_j` where :math:`\theta_0` has
    :math:`b_j=-w_j^\top x` (on the boundary :math:`s_j=0`).

    >>> minus, plus = crossing_pair(TwoLayer(1, 1), 0)
    >>> sp.expand(preactivation(TwoLayer(1, 1), 0).subs(plus, simultaneous=True))
    epsilon*x_1**2 + epsilon
    """
    base = {net.b[j]: -(preactivation(net, j) - net.b[j])}
    direction = crossing_direction(net, j)
    theta = parameters(net)
    shift = lambda sign: {p: base.get(p, p) + sign * epsilon * direction[i] for i, p in enumerate(theta)}  # noqa: E731
    return shift(-1), shift(1)


def gradient_jump(net: TwoLayer, j: int, others: tuple[bool, ...]) -> sp.Matrix:
    r""":math:`\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)` across :math:`s_j=0`, the other
    neurons keeping the activation pattern ``others`` (length :math:`m-1`).

    >>> gradient_jump(TwoLayer(1, 1), 0, ()).subs(epsilon, 0).T
    Matrix([[0, -a_1*x_1*y, -a_1*y]])
    """
    full = lambda on: tuple(list(others[:j]) + [on] + list(others[j:]))  # noqa: E731
    minus, plus = crossing_pair(net, j)
    grad_plus = gradient_on_region(net, full(True)).subs(plus, simultaneous=True)
    grad_minus = gradient_on_region(net, full(False)).subs(minus, simultaneous=True)
    return (grad_plus - grad_minus).applyfunc(sp.expand)


def limit_jump(net: TwoLayer, j: int, others: tuple[bool, ...]) -> sp.Matrix:
    r""":math:`\lim_{\varepsilon\downarrow0}` of :func:`gradient_jump`: each side's gradient is a
    polynomial, so its one-sided limit is its value at :math:`\theta_0`.

    >>> limit_jump(TwoLayer(1, 1), 0, ()).T
    Matrix([[0, -a_1*x_1*y, -a_1*y]])
    """
    full = lambda on: tuple(list(others[:j]) + [on] + list(others[j:]))  # noqa: E731
    minus, _ = crossing_pair(net, j)
    theta0 = {p: v.subs(epsilon, 0) for p, v in minus.items()}
    jump = gradient_on_region(net, full(True)) - gradient_on_region(net, full(False))
    return jump.subs(theta0, simultaneous=True).applyfunc(sp.expand)


def residual_at_boundary(net: TwoLayer, j: int, others: tuple[bool, ...]) -> sp.Expr:
    r""":math:`f(\theta_0)-y` with neuron :math:`j` on its boundary (so it contributes 0).

    >>> residual_at_boundary(TwoLayer(2, 1), 0, (True,))
    a_2*(b_2 + w_2_1*x_1) - y
    """
    pattern = tuple(list(others[:j]) + [False] + list(others[j:]))
    return output_on_region(net, pattern) - y


def parameter_degree(net: TwoLayer, pattern: tuple[bool, ...]) -> int | sp.Expr:
    r"""Total degree of :math:`f` in the parameters :math:`\theta` on a region (:math:`-\infty`, SymPy's ``-oo``,
    on the region where no neuron is active: there :math:`f \equiv 0`, the zero polynomial).

    >>> parameter_degree(TwoLayer(2, 1), (True, True))
    2
    >>> parameter_degree(TwoLayer(2, 1), (False, False))
    -oo
    """
    t = sp.Symbol("t")
    scaled = output_on_region(net, pattern).subs({p: t * p for p in parameters(net)}, simultaneous=True)
    return sp.Poly(sp.expand(scaled), t).degree()
