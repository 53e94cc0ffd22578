r"""Smooth surrogates of ReLU and the surrogate loss of Katende §3.3 (Proposition 1).

.. math::
    f_\beta(x;\theta)=\sigma_\beta(wx+b),\qquad \mathcal L_\beta(\theta)=\tfrac12(f_\beta-y)^2 .

A *generic* activation is the undefined real function ``sigma_beta``; the
catalogue families are *profiles* :math:`\varphi` with :math:`\sigma_\beta(u)=\varphi(\beta u)/\beta`:

==========  ===========================================  ==========================
family      :math:`\varphi(t)`                            note
==========  ===========================================  ==========================
softplus    :math:`\log(1+e^t)`                           softplus_beta
sqrt        :math:`(t+\sqrt{t^2+1})/2`                    square-root smoothing
gelu        :math:`t\,\Phi(t)`                            GELU_beta
silu        :math:`t/(1+e^{-t})`                          SiLU_beta
huber       0, :math:`t^2/2`, :math:`t-1/2` on            C^1 only (knots 0 and 1)
            :math:`t\le0`, :math:`[0,1]`, :math:`t\ge1`
==========  ===========================================  ==========================

With :math:`t=\beta s`: :math:`\sigma_\beta'(s)=\varphi'(t)` and :math:`\sigma_\beta''(s)=\beta\varphi''(t)`,
so :math:`\|\nabla^2\mathcal L_\beta\|=(1+x^2)\,|k_\beta(t)|` with
:math:`k_\beta=\varphi'^2+\varphi\varphi''-y\beta\varphi''` (derived here, not typed in).

Main functions: :func:`surrogate_loss`, :func:`gradient`, :func:`hessian`,
:func:`printed_gradient`, :func:`printed_hessian`, :func:`profile`, :func:`activation`,
:func:`curvature_coefficient`, :func:`smoothness_lower_bound`, :func:`reparametrized`,
:func:`huber_smoothness_constant`, :func:`smooth_certificate`, :func:`relu_limits`.
"""

from __future__ import annotations

import functools

import sympy as sp

u = sp.Symbol("u", real=True)
t = sp.Symbol("t", real=True)
beta = sp.Symbol("beta", positive=True)
w, b, x, y = sp.symbols("w b x y", real=True)
q = sp.Symbol("q", positive=True)
v = sp.Symbol("v", positive=True)
SIGMA = sp.Function("sigma_beta", real=True)
FAMILIES = ("softplus", "sqrt", "gelu", "silu", "huber")
ANALYTIC = ("softplus", "sqrt", "gelu", "silu")


def preactivation() -> sp.Expr:
    r""":math:`s(\theta)=wx+b`.

    >>> preactivation()
    b + w*x
    """
    return w * x + b


def surrogate_loss(sigma=SIGMA) -> sp.Expr:
    r""":math:`\mathcal L_\beta=\tfrac12(\sigma_\beta(wx+b)-y)^2` for an activation ``sigma`` (callable).

    >>> surrogate_loss()
    (-y + sigma_beta(b + w*x))**2/2
    """
    return sp.Rational(1, 2) * (sigma(preactivation()) - y) ** 2


def gradient(loss: sp.Expr) -> sp.Matrix:
    r""":math:`\nabla_\theta\mathcal L_\beta`, by differentiation in :math:`(w,b)`.

    >>> gradient(sp.Rational(1, 2) * (w * x + b) ** 2).T
    Matrix([[x*(b + w*x), b + w*x]])
    """
    return sp.Matrix([sp.diff(loss, p) for p in (w, b)])


def hessian(loss: sp.Expr) -> sp.Matrix:
    r""":math:`\nabla^2_\theta\mathcal L_\beta`.

    >>> hessian(sp.Rational(1, 2) * (w * x + b) ** 2).tolist()
    [[x**2, x], [x, 1]]
    """
    return sp.hessian(loss, (w, b))


def _derivative(k: int) -> sp.Expr:
    s = sp.Dummy("s", real=True)
    return sp.diff(SIGMA(s), s, k).subs(s, preactivation()) if k else SIGMA(preactivation())


def printed_gradient() -> sp.Matrix:
    r"""The paper's :math:`(\sigma_\beta(s)-y)\sigma_\beta'(s)(x,1)`.

    >>> printed_gradient().shape
    (2, 1)
    """
    return (_derivative(0) - y) * _derivative(1) * sp.Matrix([x, 1])


def printed_hessian() -> sp.Matrix:
    r"""The paper's :math:`(\sigma_\beta'(s)^2+(\sigma_\beta(s)-y)\sigma_\beta''(s))(x,1)(x,1)^\top`.

    >>> printed_hessian().shape
    (2, 2)
    """
    direction = sp.Matrix([x, 1])
    return (_derivative(1) ** 2 + (_derivative(0) - y) * _derivative(2)) * direction * direction.T


SIGMA_VALUES = sp.symbols("sigma_0 sigma_1 sigma_2", real=True)


def generic_values(expr):
    r"""``expr`` with :math:`\sigma_\beta(s),\sigma_\beta'(s),\sigma_\beta''(s)` (however SymPy wrote them:
    ``Subs``/``Derivative`` objects) replaced by the symbols ``sigma_0, sigma_1, sigma_2``.

    >>> generic_values(gradient(surrogate_loss())).T
    Matrix([[sigma_1*x*(sigma_0 - y), sigma_1*(sigma_0 - y)]])
    """
    def order(node) -> int | None:
        inner = node.expr if isinstance(node, sp.Subs) else node
        if isinstance(inner, sp.Derivative) and inner.expr.func == SIGMA:
            return inner.derivative_count
        return None

    expr = expr.replace(lambda n: order(n) is not None and (isinstance(n, sp.Subs) or n.expr.args[0] == preactivation()),
                        lambda n: SIGMA_VALUES[order(n)])
    return expr.subs(SIGMA(preactivation()), SIGMA_VALUES[0])


def profile(name: str) -> sp.Expr:
    r""":math:`\varphi(t)` of a catalogue family.

    >>> profile("softplus")
    log(exp(t) + 1)
    """
    table = {
        "softplus": sp.log(1 + sp.exp(t)),
        "sqrt": (t + sp.sqrt(t**2 + 1)) / 2,
        "gelu": t * (1 + sp.erf(t / sp.sqrt(2))) / 2,
        "silu": t / (1 + sp.exp(-t)),
        "huber": sp.Piecewise((0, t <= 0), (t**2 / 2, t <= 1), (t - sp.Rational(1, 2), True)),
    }
    if name not in table:
        raise ValueError(f"unknown family {name!r} (one of {', '.join(FAMILIES)})")
    return table[name]


def activation(name: str) -> sp.Expr:
    r""":math:`\sigma_\beta(u)=\varphi(\beta u)/\beta`.

    >>> activation("sqrt")
    (beta*u/2 + sqrt(beta**2*u**2 + 1)/2)/beta
    """
    return profile(name).subs(t, beta * u) / beta


@functools.cache
def curvature_coefficient(name: str) -> sp.Expr:
    r""":math:`k_\beta(t)=\sigma_\beta'^2+(\sigma_\beta-y)\sigma_\beta''` at :math:`u=t/\beta`, from
    :func:`activation` by differentiation in :math:`u` (analytic families).

    >>> sp.simplify(curvature_coefficient("sqrt").subs(t, 0))
    -beta*y/2 + 1/2
    """
    sigma = activation(name)
    k = sp.diff(sigma, u) ** 2 + (sigma - y) * sp.diff(sigma, u, 2)
    return sp.expand(k.subs(u, t / beta))


@functools.cache
def smoothness_lower_bound(name: str) -> sp.Expr:
    r""":math:`(1+x^2)\,|k_\beta(0)|\le L_\beta` (the Hessian norm at :math:`s(\theta)=0`).

    >>> smoothness_lower_bound("sqrt")
    (x**2 + 1)*Abs(beta*y/2 - 1/2)
    """
    return sp.factor((1 + x**2) * sp.Abs(sp.simplify(curvature_coefficient(name).subs(t, 0))))


@functools.cache
def reparametrized(name: str) -> tuple[sp.Symbol, sp.Expr, list[sp.Expr]]:
    r"""A parameter :math:`p>0` covering :math:`t\in\mathbb R` bijectively, :math:`t(p)`, and
    :math:`[\varphi,\varphi',\varphi'']` in :math:`p`: softplus :math:`t=-\log q`; sqrt :math:`t=(v-1/v)/2`.

    >>> reparametrized("softplus")[2][1:]
    [1/(q + 1), q/(q + 1)**2]
    """
    phi = profile(name)
    derivatives = [phi, sp.diff(phi, t), sp.diff(phi, t, 2)]
    if name == "softplus":
        param, t_of = q, -sp.log(q)
    elif name == "sqrt":
        param, t_of = v, (v - 1 / v) / 2
    else:
        raise ValueError(f"no reparametrization for {name!r}")
    root = {sp.sqrt(t_of**2 + 1): (v**2 + 1) / (2 * v)} if name == "sqrt" else {}
    return param, t_of, [sp.factor(sp.simplify(d.subs(t, t_of).subs(root))) for d in derivatives]


def huber_pieces() -> list[tuple[sp.Expr, sp.Expr, sp.Expr]]:
    r"""``(lo, hi, k)``: the curvature coefficient of the Huber smoothing on each open piece.

    >>> huber_pieces()[1]
    (0, 1, -beta*y + 3*t**2/2)
    """
    phi = profile("huber")
    out = []
    for (expr, _), (lo, hi) in zip(phi.args, ((-sp.oo, 0), (0, 1), (1, sp.oo))):
        k = sp.diff(expr, t) ** 2 + (expr - beta * y) * sp.diff(expr, t, 2)
        out.append((sp.sympify(lo), sp.sympify(hi), sp.expand(k)))
    return out


@functools.cache
def huber_smoothness_constant() -> sp.Expr:
    r""":math:`L_\beta=(1+x^2)\sup|k_\beta|` for the Huber smoothing: each piece's :math:`k` is
    monotone in :math:`t` there, so the sup is at the piece endpoints (limits at infinity).

    >>> huber_smoothness_constant()
    (x**2 + 1)*Max(1, beta*Abs(y), Abs(beta*y - 3/2))
    """
    ends = []
    for lo, hi, k in huber_pieces():
        ends += [sp.Abs(sp.limit(k, t, e, "+" if e == lo else "-")) for e in (lo, hi)]
    return (1 + x**2) * sp.Max(*ends)


def smooth_certificate(expr: sp.Expr) -> tuple[bool, str]:
    r"""``(True, why)`` if ``expr`` is built only from functions smooth on their arguments'
    range for real ``t`` (exp, erf, rational powers of provably positive bases, log of
    provably positive arguments, integer powers); else ``(False, first offending node)``.

    >>> smooth_certificate(profile("softplus"))[0], smooth_certificate(profile("huber"))[0]
    (True, False)
    """
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Piecewise, sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min)):
            return False, f"{type(node).__name__} in {node}"
        if isinstance(node, sp.log) and not node.args[0].is_positive:
            return False, f"log of a possibly non-positive argument: {node}"
        if isinstance(node, sp.Pow) and not node.exp.is_integer and not node.base.is_positive:
            return False, f"non-integer power of a possibly non-positive base: {node}"
        if isinstance(node, sp.Pow) and node.exp.is_negative and not node.base.is_positive:
            return False, f"reciprocal of a possibly vanishing base: {node}"
        if isinstance(node, sp.Function) and not isinstance(node, (sp.exp, sp.erf, sp.log)):
            return False, f"unlisted function {node.func}"
    return True, "composition of exp, erf, log(positive), powers of positive bases: C-infinity"


@functools.cache
def relu_limits(name: str) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    r""":math:`(\lim_{t\to+\infty}\varphi(t)/t,\ \lim_{t\to-\infty}\varphi(t)/t,\ \varphi(0))`; then
    :math:`\sigma_\beta(u)=u\,\varphi(\beta u)/(\beta u)\to\max(u,0)` iff they are :math:`(1, 0, \text{finite})`.

    >>> relu_limits("softplus")
    (1, 0, log(2))
    """
    phi = profile(name)
    if name == "huber":
        (_, _), (_, _), (right, _) = phi.args
        return sp.limit(right / t, t, sp.oo), sp.Integer(0), sp.Integer(0)
    return sp.limit(phi / t, t, sp.oo), sp.limit(phi / t, t, -sp.oo), phi.subs(t, 0)
