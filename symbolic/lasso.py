r"""Kumar's losses in closed form: the toy LASSO (7), the general LASSO (19) and the Huber loss (10).

.. math::
    f(\beta)=\lambda\|\beta\|_1\ (7),\qquad f(\beta)=\|\mathbf y-\mathbf X\beta\|_2^2+\lambda\|\beta\|_1\ (19),\qquad
    h_\delta(r)=\begin{cases}\tfrac12r^2&|r|\le\delta\\ \delta(|r|-\tfrac12\delta)&|r|>\delta\end{cases}\ (10).

Main functions: :func:`toy_lasso`, :func:`huber`, :func:`huber_derivative_pieces`, :func:`one_step_distance_expansion`.
"""

from __future__ import annotations

import sympy as sp

r, delta = sp.Symbol("r", real=True), sp.Symbol("delta", positive=True)


def toy_lasso(beta: sp.Matrix, lam: sp.Expr) -> sp.Expr:
    r"""(7): :math:`\lambda\|\beta\|_1`.

    >>> toy_lasso(sp.Matrix([1, -2]), 3)
    9
    """
    return lam * sum(sp.Abs(b) for b in beta)


def huber(residual: sp.Expr = r) -> sp.Expr:
    r"""(10): the Huber function :math:`h_\delta(r)` as a Piecewise.

    >>> huber(sp.Integer(3)).subs(delta, 1)
    5/2
    """
    return sp.Piecewise((residual**2 / 2, sp.Abs(residual) <= delta), (delta * (sp.Abs(residual) - delta / 2), True))


def huber_derivative_pieces() -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    r""":math:`h_\delta'` on :math:`|r|<\delta`, :math:`r>\delta`, :math:`r<-\delta`: :math:`r,\ \delta,\ -\delta`.

    >>> huber_derivative_pieces()
    (r, delta, -delta)
    """
    inner, outer = r**2 / 2, delta * (r - delta / 2)
    return sp.diff(inner, r), sp.diff(outer, r), sp.diff(delta * (-r - delta / 2), r)


def one_step_distance_expansion(beta: sp.Matrix, g: sp.Matrix, star: sp.Matrix, alpha: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    r"""Both sides of :math:`\|\beta-\alpha g-\beta^\star\|^2=\|\beta-\beta^\star\|^2-2\alpha g^\top(\beta-\beta^\star)+\alpha^2\|g\|^2`.

    >>> a = sp.Symbol("a")
    >>> l, rt = one_step_distance_expansion(sp.Matrix([1]), sp.Matrix([1]), sp.Matrix([0]), a)
    >>> sp.expand(l - rt)
    0
    """
    d = beta - star
    return (d - alpha * g).dot(d - alpha * g), d.dot(d) - 2 * alpha * g.dot(d) + alpha**2 * g.dot(g)
