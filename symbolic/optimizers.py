r"""Kumar's optimizers on the toy LASSO (7), :math:`f(\beta)=\lambda\|\beta\|_1`, in closed form.

One coordinate at a time (every update map of (7) acts coordinatewise).  The
subgradient is :math:`\tilde\nabla f(\beta)=\lambda\operatorname{sign}(\beta)` with
:math:`\operatorname{sign}(0)=0`.

* NDGM (15) :func:`ndgm_step`, its unrolled form (16) :func:`ndgm_unrolled`, the
  box entry (18) :func:`ndgm_box_entry` and the 2-cycle :func:`ndgm_cycle_points`;
* heavy ball (20) :func:`momentum_step` and PyTorch's buffer form :func:`pytorch_momentum_step`;
* RMSProp (22)-(25): :func:`second_moment_step`, :func:`second_moment_closed_form` (24),
  :func:`rmsprop_step_size` (paper: :math:`\epsilon` inside the root; PyTorch: outside),
  :func:`rmsprop_limit_step` (27);
* Adam (28)-(30): :func:`first_moment_step` (29), :func:`first_moment_run` (34),
  :func:`first_moment_unrolled` (31), :func:`adam_bounce` (B.9).

Closed-form trajectories are proved by symbolic induction: :func:`induction_obligations`
returns the base case and the induction step as expressions that must vanish.
"""

from __future__ import annotations

from typing import Callable, Literal

import sympy as sp

alpha, lam, eps = sp.symbols("alpha lambda epsilon", positive=True)
beta, beta0, c, m, v = sp.symbols("beta beta_0 c m v", real=True)
beta_prev = sp.Symbol("beta_prev", real=True)
gamma, mu, beta1 = sp.symbols("gamma mu beta_1", positive=True)
k, p, r = sp.symbols("k p r", integer=True, nonnegative=True)
j = sp.Symbol("j", integer=True, nonnegative=True)
s = sp.Function("s")  # s(j) = sign(beta^(j)) in {-1, 0, 1}

Convention = Literal["paper", "pytorch"]


def subgradient(b: sp.Expr = beta) -> sp.Expr:
    r"""PyTorch's subgradient of :math:`\lambda|\beta|`: :math:`\lambda\operatorname{sign}\beta` (sign(0) = 0).

    >>> subgradient(sp.Integer(0))
    0
    """
    return lam * sp.sign(b)


def ndgm_step(b: sp.Expr = beta) -> sp.Expr:
    r"""NDGM (15): :math:`\beta\mapsto\beta-\alpha\lambda\operatorname{sign}\beta`.

    >>> ndgm_step()
    -alpha*lambda*sign(beta) + beta
    """
    return b - alpha * subgradient(b)


def ndgm_unrolled(start: sp.Expr = beta0, positives: sp.Expr = p, steps: sp.Expr = k) -> sp.Expr:
    r"""(16): after ``steps`` nonzero steps, ``positives`` of them from :math:`\beta>0`:
    :math:`\beta^{(0)}-\alpha\lambda p+\alpha\lambda(k-p)`.

    >>> sp.factor(ndgm_unrolled() - beta0)
    -alpha*lambda*(-k + 2*p)
    """
    return start - alpha * lam * positives + alpha * lam * (steps - positives)


def ndgm_box_entry(start: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    r"""(18): :math:`K_i=\lfloor|\beta^{(0)}_i|/(\alpha\lambda)\rfloor` and
    :math:`\beta^{(K_i)}_i=\beta^{(0)}_i-\operatorname{sign}(\beta^{(0)}_i)K_i\alpha\lambda`.

    >>> ndgm_box_entry(sp.Rational(4947, 10000).subs({}))[0].subs({alpha: sp.Rational(1, 100), lam: 1})
    49
    """
    K_i = sp.floor(sp.Abs(start) / (alpha * lam))
    return K_i, start - sp.sign(start) * K_i * alpha * lam


def ndgm_cycle_points(entry: sp.Expr = c) -> tuple[sp.Expr, sp.Expr]:
    r"""(8)/(17): the two points :math:`\beta^{(K)}` and :math:`\beta^{(K)}-\alpha\lambda\operatorname{sign}\beta^{(K)}`.

    >>> ndgm_cycle_points(sp.Rational(1, 2))[1].subs({alpha: 1, lam: 1})
    -1/2
    """
    return entry, entry - alpha * lam * sp.sign(entry)


def momentum_step(b: sp.Expr = beta, b_prev: sp.Expr = beta_prev) -> sp.Expr:
    r"""Heavy ball (20): :math:`\beta^{(k)}-\alpha\tilde\nabla f(\beta^{(k)})+\mu(\beta^{(k)}-\beta^{(k-1)})`.

    >>> momentum_step(sp.Integer(0))
    -beta_prev*mu
    """
    return b - alpha * subgradient(b) + mu * (b - b_prev)


def pytorch_momentum_step(b: sp.Expr, buf_prev: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    r"""PyTorch ``SGD(momentum=mu)``: ``buf = mu*buf_prev + g``, ``beta - alpha*buf``; returns ``(beta_next, buf)``.

    >>> pytorch_momentum_step(sp.Integer(0), sp.Integer(1))
    (-alpha*mu, mu)
    """
    buf = mu * buf_prev + subgradient(b)
    return b - alpha * buf, buf


def second_moment_step(v_prev: sp.Expr = v, gradient: sp.Expr = lam) -> sp.Expr:
    r"""(22)/(28): :math:`v\mapsto\gamma v+(1-\gamma)g^2`.

    >>> second_moment_step(sp.Integer(0))
    lambda**2*(1 - gamma)
    """
    return gamma * v_prev + (1 - gamma) * gradient**2


def second_moment_closed_form(n: sp.Expr = k) -> sp.Expr:
    r"""(24): :math:`v^{(k)}=(1-\gamma^k)\lambda^2` while :math:`\beta^{(j)}\neq0` for :math:`j<k`.

    >>> second_moment_closed_form(sp.Integer(1))
    lambda**2*(1 - gamma)
    """
    return (1 - gamma**n) * lam**2


def rmsprop_step_size(n: sp.Expr = k, convention: Convention = "paper") -> sp.Expr:
    r"""(25): the size of step :math:`n`, :math:`\alpha\lambda/\sqrt{(1-\gamma^{n+1})\lambda^2+\epsilon}`
    (paper) or :math:`\alpha\lambda/(\lambda\sqrt{1-\gamma^{n+1}}+\epsilon)` (PyTorch).

    >>> rmsprop_step_size(sp.Integer(0)).subs(eps, 0)
    alpha/sqrt(1 - gamma)
    """
    v_next = second_moment_closed_form(n + 1)
    return alpha * lam / (sp.sqrt(v_next + eps) if convention == "paper" else sp.sqrt(v_next) + eps)


def rmsprop_limit_step(convention: Convention = "paper") -> sp.Expr:
    r"""(27): the limit of :func:`rmsprop_step_size` as :math:`k\to\infty` (:math:`0<\gamma<1`).

    >>> rmsprop_limit_step("pytorch")
    alpha*lambda/(epsilon + lambda)
    """
    return alpha * lam / (sp.sqrt(lam**2 + eps) if convention == "paper" else lam + eps)


def first_moment_step(m_prev: sp.Expr = m, sign_now: sp.Expr = 1) -> sp.Expr:
    r"""(29): :math:`m\mapsto\beta_1m+(1-\beta_1)\lambda s`.

    >>> first_moment_step(sp.Integer(0))
    lambda*(1 - beta_1)
    """
    return beta1 * m_prev + (1 - beta1) * lam * sign_now


def first_moment_run(m_start: sp.Expr = m, length: sp.Expr = r, sign_run: sp.Expr = 1) -> sp.Expr:
    r"""(34)/(38): after a run of ``length`` steps of sign ``sign_run``:
    :math:`\beta_1^r m+(1-\beta_1^r)\lambda s`.

    >>> first_moment_run(sp.Integer(0), sp.Integer(1))
    lambda*(1 - beta_1)
    """
    return beta1**length * m_start + (1 - beta1**length) * lam * sign_run


def first_moment_unrolled(n: sp.Expr = k) -> sp.Expr:
    r"""(31): :math:`m^{(k)}=(1-\beta_1)\lambda\sum_{j=0}^{k-1}\beta_1^{k-1-j}s(j)`.

    >>> first_moment_unrolled(sp.Integer(1))
    lambda*(1 - beta_1)*s(0)
    """
    total = sp.Sum(beta1 ** (n - 1 - j) * s(j), (j, 0, n - 1))
    return (1 - beta1) * lam * (total.doit() if sp.sympify(n).is_Integer else total)


def adam_bounce(m_now: sp.Expr = m, v_now: sp.Expr = v, n: sp.Expr = k, convention: Convention = "paper") -> sp.Expr:
    r"""B.9: :math:`\beta^{(k+1)}` when :math:`\beta^{(k)}=0` (so :math:`g^{(k)}=0`).

    >>> adam_bounce()
    -alpha*beta_1*m/sqrt(epsilon + gamma*v)
    """
    m_next, v_next = first_moment_step(m_now, 0), second_moment_step(v_now, 0)
    if convention == "paper":
        return -alpha * m_next / sp.sqrt(v_next + eps)
    c1, c2 = 1 - beta1 ** (n + 1), 1 - gamma ** (n + 1)
    return -alpha * (m_next / c1) / (sp.sqrt(v_next / c2) + eps)


def peel_last_term(total: sp.Sum) -> sp.Expr:
    r""":math:`\sum_{j=a}^{b}f(j)=\sum_{j=a}^{b-1}f(j)+f(b)`: the last term of a one-index ``Sum`` split off.

    >>> peel_last_term(sp.Sum(s(j), (j, 0, k)))
    s(k) + Sum(s(j), (j, 0, k - 1))
    """
    (index, low, high), = total.limits
    return sp.Sum(total.function, (index, low, high - 1)) + total.function.subs(index, high)


def induction_obligations(closed: Callable[[sp.Expr], sp.Expr], recursion: Callable[[sp.Expr, sp.Expr], sp.Expr],
                          initial: sp.Expr, n: sp.Symbol = k) -> tuple[sp.Expr, sp.Expr]:
    r"""Base case ``closed(0) - initial`` and step ``closed(n+1) - recursion(n, closed(n))``;
    both vanish iff ``closed`` solves the recursion for all :math:`n\ge0`.

    >>> base, step = induction_obligations(second_moment_closed_form, lambda n, x: second_moment_step(x), sp.Integer(0))
    >>> sp.simplify(base), sp.simplify(step)
    (0, 0)
    """
    return closed(sp.Integer(0)) - initial, closed(n + 1) - recursion(n, closed(n))
