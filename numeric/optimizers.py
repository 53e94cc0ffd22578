r"""Kumar's optimizers on the toy LASSO :math:`f(\beta)=\lambda\|\beta\|_1` (7), simulated.

Independent mirror of :mod:`symbolic.optimizers`: the update maps are
re-implemented from their definitions, never from a SymPy closed form.

* exact rational runs (:class:`fractions.Fraction`): NDGM (15), heavy-ball
  momentum (20) and PyTorch's ``SGD(momentum)`` buffer form;
* high-precision runs (mpmath, ``dps >= 50``) and rigorous Arb-ball runs
  (python-flint) of RMSProp (22)-(23) and Adam (28)-(30), with
  ``convention="paper"`` (:math:`\epsilon` inside the root, no bias correction)
  or ``convention="pytorch"`` (:math:`\sqrt v+\epsilon`, Adam bias-corrected);
* the same four optimizers in numpy ``float32``/``float64`` as practitioners
  run them (PyTorch's formulas), and :func:`zero_entry_frequency`, which counts
  entries that become exactly zero.

The subgradient is :math:`\tilde\nabla f(\beta)=\lambda\operatorname{sign}(\beta)`
with ``sign(0) = sign_at_zero`` (0 by default, PyTorch's choice).

Main functions: :func:`sign`, :func:`ndgm_trajectory`, :func:`ndgm_first_zero`,
:func:`ndgm_cycle`, :func:`momentum_trajectory`, :func:`pytorch_momentum_trajectory`,
:func:`rmsprop_trajectory`, :func:`rmsprop_preimages_of_zero`, :func:`adam_trajectory`,
:func:`float_run`, :func:`zero_entry_frequency`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Literal, Sequence

import mpmath
import numpy as np
from flint import arb, ctx

Convention = Literal["paper", "pytorch"]
Backend = Literal["mpmath", "arb", "fraction"]

__all__ = [
    "AdamState",
    "NdgmCycle",
    "adam_preimages_of_zero",
    "adam_trajectory",
    "float_l1_history",
    "float_run",
    "momentum_trajectory",
    "ndgm_cycle",
    "ndgm_first_zero",
    "ndgm_trajectory",
    "pytorch_momentum_trajectory",
    "rmsprop_preimages_of_zero",
    "rmsprop_trajectory",
    "sign",
    "zero_entry_frequency",
]


def sign(x: Any, *, at_zero: int = 0) -> int:
    r"""The sign of a real number, with ``sign(0) = at_zero``; an Arb ball that
    contains 0 but is not exactly 0 raises :class:`ArithmeticError` (undecided).

    >>> sign(Fraction(-1, 3)), sign(0), sign(0, at_zero=1), sign(arb(2).sqrt() - 1)
    (-1, 0, 1, 1)
    """
    if isinstance(x, arb):
        if x > 0:
            return 1
        if x < 0:
            return -1
        if x.is_exact() and x == 0:
            return at_zero
        raise ArithmeticError(f"sign of the ball {x} is undecided")
    if x > 0:
        return 1
    if x < 0:
        return -1
    return at_zero


# ---------------------------------------------------------------- NDGM (15)


def ndgm_trajectory(beta0: Sequence[Any], alpha: Any, lam: Any, steps: int, *, at_zero: int = 0) -> list[list[Any]]:
    r""":math:`\beta^{(0)},\dots,\beta^{(steps)}` of NDGM (15),
    :math:`\beta_i\leftarrow\beta_i-\alpha\lambda\operatorname{sign}(\beta_i)`, exact for Fractions.

    >>> [str(b[0]) for b in ndgm_trajectory([Fraction(3, 100)], Fraction(1, 50), 1, 3)]
    ['3/100', '1/100', '-1/100', '1/100']
    """
    path = [list(beta0)]
    for _ in range(steps):
        path.append([b - alpha * lam * sign(b, at_zero=at_zero) for b in path[-1]])
    return path


def ndgm_first_zero(beta0_i: Any, alpha: Any, lam: Any, max_steps: int, *, at_zero: int = 0) -> int | None:
    r"""The first :math:`k\le` ``max_steps`` with :math:`\beta^{(k)}_i=0` under (15), or ``None``.

    >>> ndgm_first_zero(Fraction(1, 2), Fraction(1, 100), 1, 100), ndgm_first_zero(Fraction(1, 3), Fraction(1, 100), 1, 100)
    (50, None)
    """
    b = beta0_i
    for k in range(max_steps + 1):
        if b == 0:
            return k
        b = b - alpha * lam * sign(b, at_zero=at_zero)
    return None


@dataclass(frozen=True)
class NdgmCycle:
    r"""The 2-cycle NDGM ends in: from step ``K`` on, ``first`` and ``second`` alternate;
    ``entry_steps[i]`` is the first step at which coordinate ``i`` is inside
    :math:`(-\alpha\lambda,\alpha\lambda)`."""

    K: int
    entry_steps: tuple[int, ...]
    first: tuple[Any, ...]
    second: tuple[Any, ...]


def ndgm_cycle(beta0: Sequence[Any], alpha: Any, lam: Any, *, max_steps: int = 10**6) -> NdgmCycle:
    r"""Simulate (15) until every coordinate is inside :math:`(-\alpha\lambda,\alpha\lambda)`
    and return the 2-cycle; :class:`ArithmeticError` if a coordinate hits 0
    (exceptional initialization) or ``max_steps`` is exceeded.

    >>> c = ndgm_cycle([Fraction(4947, 10000)] * 2, Fraction(1, 100), 1)
    >>> c.K, [str(x) for x in c.first], [str(x) for x in c.second]
    (49, ['47/10000', '47/10000'], ['-53/10000', '-53/10000'])
    """
    step = alpha * lam
    b, entry = list(beta0), [None] * len(beta0)
    for k in range(max_steps + 1):
        if any(x == 0 for x in b):
            raise ArithmeticError(f"a coordinate is exactly 0 at step {k}: exceptional initialization")
        for i, x in enumerate(b):
            if entry[i] is None and abs(x) < step:
                entry[i] = k
        if all(e is not None for e in entry):
            nxt = [x - step * sign(x) for x in b]
            return NdgmCycle(k, tuple(entry), tuple(b), tuple(nxt))
        b = [x - step * sign(x) for x in b]
    raise ArithmeticError(f"no 2-cycle within {max_steps} steps")


# ---------------------------------------------------------------- momentum (20)


def momentum_trajectory(beta0: Sequence[Any], alpha: Any, lam: Any, mu: Any, steps: int, *,
                        beta_prev: Sequence[Any] | None = None, at_zero: int = 0) -> list[list[Any]]:
    r"""Heavy-ball (20): :math:`\beta^{(k+1)}=\beta^{(k)}-\alpha\lambda\operatorname{sign}\beta^{(k)}+\mu(\beta^{(k)}-\beta^{(k-1)})`,
    :math:`\beta^{(-1)}=\beta^{(0)}` unless ``beta_prev`` is given.

    >>> [str(b[0]) for b in momentum_trajectory([Fraction(1, 100)], Fraction(1, 100), 1, Fraction(1, 2), 3)]
    ['1/100', '0', '-1/200', '1/400']
    """
    path = [list(beta_prev) if beta_prev is not None else list(beta0), list(beta0)]
    for _ in range(steps):
        prev, cur = path[-2], path[-1]
        path.append([c - alpha * lam * sign(c, at_zero=at_zero) + mu * (c - p) for c, p in zip(cur, prev)])
    return path[1:]


def pytorch_momentum_trajectory(beta0: Sequence[Any], alpha: Any, lam: Any, mu: Any, steps: int) -> list[list[Any]]:
    r"""PyTorch ``SGD(lr=alpha, momentum=mu, dampening=0)``: ``buf = mu*buf + g`` (``buf = g``
    at the first step), ``p -= alpha*buf``.

    >>> [str(b[0]) for b in pytorch_momentum_trajectory([Fraction(1, 100)], Fraction(1, 100), 1, Fraction(1, 2), 3)]
    ['1/100', '0', '-1/200', '1/400']
    """
    path, buf = [list(beta0)], None
    for _ in range(steps):
        grad = [lam * sign(b) for b in path[-1]]
        buf = grad if buf is None else [mu * u + g for u, g in zip(buf, grad)]
        path.append([b - alpha * u for b, u in zip(path[-1], buf)])
    return path


# ---------------------------------------------------------------- RMSProp (22)-(23), Adam (28)-(30)


def _number_system(backend: Backend, dps: int) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    r"""``(convert, sqrt)`` for a backend; mpmath numbers use the caller's ``workdps``."""
    if backend == "arb":
        return (lambda x: x if isinstance(x, arb) else arb(_as_fraction(x).numerator) / _as_fraction(x).denominator,
                lambda x: x.sqrt())
    if backend == "fraction":
        return _as_fraction, _exact_sqrt
    return (lambda x: mpmath.mpf(_as_fraction(x).numerator) / _as_fraction(x).denominator if not isinstance(x, mpmath.mpf) else x,
            mpmath.sqrt)


def _as_fraction(x: Any) -> Fraction:
    return x if isinstance(x, Fraction) else Fraction(x)


def _exact_sqrt(x: Fraction) -> Fraction:
    num, den = x.numerator, x.denominator
    rn, rd = _isqrt_exact(num), _isqrt_exact(den)
    return Fraction(rn, rd)


def _isqrt_exact(n: int) -> int:
    import math
    r = math.isqrt(n)
    if r * r != n:
        raise ArithmeticError(f"{n} is not a perfect square: use backend='mpmath' or 'arb'")
    return r


def _denominator(v: Any, eps: Any, sqrt: Callable[[Any], Any], convention: Convention) -> Any:
    return sqrt(v + eps) if convention == "paper" else sqrt(v) + eps


def rmsprop_trajectory(beta0: Sequence[Any], alpha: Any, lam: Any, gamma: Any, eps: Any, steps: int, *,
                       convention: Convention = "paper", backend: Backend = "mpmath", dps: int = 60,
                       at_zero: int = 0) -> list[tuple[list[Any], list[Any]]]:
    r"""RMSProp (22)-(23) on (7): ``[(beta^(k), v^(k)) for k = 0..steps]``, :math:`v^{(0)}=0`.
    ``paper``: :math:`\alpha g/\sqrt{v+\epsilon}`; ``pytorch``: :math:`\alpha g/(\sqrt v+\epsilon)`.

    >>> run = rmsprop_trajectory([Fraction(1, 2)], Fraction(1, 100), 1, Fraction(99, 100), Fraction(1, 10**8), 2)
    >>> mpmath.nstr(run[1][0][0], 12), mpmath.nstr(run[1][1][0], 12)
    ('0.40000005', '0.01')
    """
    convert, sqrt = _number_system(backend, dps)
    with mpmath.workdps(dps), ctx.workdps(dps):
        a, l, g, e = (convert(x) for x in (alpha, lam, gamma, eps))
        beta, v = [convert(b) for b in beta0], [convert(0)] * len(beta0)
        out = [(beta, v)]
        for _ in range(steps):
            grad = [l * sign(b, at_zero=at_zero) for b in beta]
            v = [g * vi + (1 - g) * gi * gi for vi, gi in zip(v, grad)]
            beta = [b - a * gi / _denominator(vi, e, sqrt, convention) for b, gi, vi in zip(beta, grad, v)]
            out.append((beta, v))
    return out


def rmsprop_preimages_of_zero(k: int, alpha: Any, lam: Any, gamma: Any, eps: Any, *, convention: Convention = "paper",
                              bound: Any = 1, prec: int = 200) -> list[arb]:
    r"""The exact exceptional set of (26) at step ``k``: every :math:`\beta^{(0)}\in[-\text{bound},\text{bound}]`
    whose RMSProp run (25) is first exactly 0 at step ``k``, as Arb balls.

    Backward from 0: the step-``j`` map :math:`x\mapsto x-a_j\operatorname{sign}x` has the
    preimages :math:`y+a_j` (if :math:`>0`) and :math:`y-a_j` (if :math:`<0`) of :math:`y`, so
    there are at most :math:`2^k` points.  Signs are decided rigorously (Arb);
    :class:`ArithmeticError` if a sign is undecided at ``prec`` bits.

    >>> [p.str(5, radius=False) for p in rmsprop_preimages_of_zero(1, Fraction(1, 100), 1, Fraction(99, 100), 0)]
    ['0.10000', '-0.10000']
    """
    with ctx.workprec(prec):
        a, l, g, e = (_arb(x) for x in (alpha, lam, gamma, eps))
        steps = [a * l / _rmsprop_scale(l, g ** (j + 1), e, convention) for j in range(k)]
        points = [arb(0)]
        for j in reversed(range(k)):
            points = [p for y in points for p in (y + steps[j], y - steps[j]) if _nonzero_with_sign(p, y, steps[j])]
        return [p for p in points if abs(p) <= _arb(bound)]


def _rmsprop_scale(l: arb, gamma_pow: arb, e: arb, convention: Convention) -> arb:
    v = (1 - gamma_pow) * l * l
    return (v + e).sqrt() if convention == "paper" else v.sqrt() + e


def _nonzero_with_sign(p: arb, y: arb, step: arb) -> bool:
    s = sign(p)
    return (p - step * s - y).contains(0) and s != 0


def _arb(x: Any) -> arb:
    q = _as_fraction(x)
    return arb(q.numerator) / q.denominator


@dataclass(frozen=True)
class AdamState:
    r"""One Adam state: parameter ``beta``, first moment ``m``, second moment ``v``."""

    beta: list[Any]
    m: list[Any]
    v: list[Any]


def adam_trajectory(beta0: Sequence[Any], alpha: Any, lam: Any, beta1: Any, gamma: Any, eps: Any, steps: int, *,
                    convention: Convention = "paper", backend: Backend = "mpmath", dps: int = 60,
                    m0: Sequence[Any] | None = None, v0: Sequence[Any] | None = None,
                    at_zero: int = 0) -> list[AdamState]:
    r"""Adam (28)-(30) on (7), :math:`m^{(0)}=v^{(0)}=0`.  ``paper``: :math:`\beta\leftarrow\beta-\alpha m/\sqrt{v+\epsilon}`;
    ``pytorch``: :math:`\beta\leftarrow\beta-\alpha\hat m/(\sqrt{\hat v}+\epsilon)` with
    :math:`\hat m=m/(1-\beta_1^{k})`, :math:`\hat v=v/(1-\gamma^{k})`.  ``m0``/``v0`` start the
    run from another state (bias correction then still counts steps from 1).

    >>> run = adam_trajectory([Fraction(1, 2)], Fraction(1, 100), 1, Fraction(9, 10), Fraction(99, 100), 0, 1)
    >>> mpmath.nstr(run[1].m[0], 6), mpmath.nstr(run[1].beta[0], 12)
    ('0.1', '0.49')
    """
    convert, sqrt = _number_system(backend, dps)
    with mpmath.workdps(dps), ctx.workdps(dps):
        a, l, b1, g, e = (convert(x) for x in (alpha, lam, beta1, gamma, eps))
        state = AdamState([convert(b) for b in beta0], [convert(x) for x in (m0 or [0] * len(beta0))],
                          [convert(x) for x in (v0 or [0] * len(beta0))])
        out = [state]
        for k in range(1, steps + 1):
            grad = [l * sign(b, at_zero=at_zero) for b in state.beta]
            m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(state.m, grad)]
            v = [g * vi + (1 - g) * gi * gi for vi, gi in zip(state.v, grad)]
            if convention == "paper":
                beta = [b - a * mi / sqrt(vi + e) for b, mi, vi in zip(state.beta, m, v)]
            else:
                c1, c2 = 1 - b1 ** k, 1 - g ** k
                beta = [b - a * (mi / c1) / (sqrt(vi / c2) + e) for b, mi, vi in zip(state.beta, m, v)]
            state = AdamState(beta, m, v)
            out.append(state)
    return out


def adam_preimages_of_zero(k: int, alpha: Any, lam: Any, beta1: Any, gamma: Any, eps: Any, *,
                           convention: Convention = "paper", bound: Any = 1, prec: int = 200) -> tuple[list[arb], int]:
    r"""The exceptional set of (32)-(33) at step ``k``: every :math:`\beta^{(0)}\in[-\text{bound},\text{bound}]`
    whose Adam run is first exactly 0 at step ``k``, as Arb balls, and the number of sign patterns
    left undecided (an intermediate iterate whose ball contains 0).

    For each pattern :math:`s\in\{\pm1\}^k`, :math:`\beta^{(0)}(s)=\alpha\sum_{j=1}^k m^{(j)}(s)/\sqrt{v^{(j)}+\epsilon}`
    is the only start that ends at 0 along it; it is kept when a rigorous forward run from it has signs :math:`s`.

    >>> pts, undecided = adam_preimages_of_zero(1, Fraction(1, 100), 1, Fraction(9, 10), Fraction(99, 100), 0)
    >>> [p.str(5, radius=False) for p in pts], undecided
    (['0.010000', '-0.010000'], 0)
    """
    import itertools
    with ctx.workprec(prec):
        a, l, b1, g, e, top = (_arb(x) for x in (alpha, lam, beta1, gamma, eps, bound))
        points, undecided = [], 0
        for pattern in itertools.product((1, -1), repeat=k):
            beta0 = sum((d for d in _adam_steps(pattern, a, l, b1, g, e, convention)), arb(0))
            if abs(beta0) > top:
                continue
            try:
                if _adam_signs(beta0, pattern, a, l, b1, g, e, convention) == list(pattern):
                    points.append(beta0)
            except ArithmeticError:
                undecided += 1
        return points, undecided


def _adam_step(m: arb, v: arb, j: int, a: arb, b1: arb, g: arb, e: arb, convention: Convention) -> arb:
    if convention == "paper":
        return a * m / (v + e).sqrt()
    return a * (m / (1 - b1 ** j)) / ((v / (1 - g ** j)).sqrt() + e)


def _adam_steps(pattern, a, l, b1, g, e, convention):
    m, v = arb(0), arb(0)
    for j, sj in enumerate(pattern, start=1):
        m, v = b1 * m + (1 - b1) * l * sj, g * v + (1 - g) * l * l
        yield _adam_step(m, v, j, a, b1, g, e, convention)


def _adam_signs(beta0: arb, pattern: Sequence[int], a, l, b1, g, e, convention) -> list[int]:
    r"""The signs of the run from ``beta0`` while they follow ``pattern``; the first sign that does not is the last
    one listed.  Stopping there matters: after a 0 (sign(0) = 0) at eps = 0 the next step would be 0/sqrt(0), an
    undecided ball, for a pattern the 0 has already decided against."""
    b, m, v, signs = beta0, arb(0), arb(0), []
    for j, wanted in enumerate(pattern, start=1):
        sj = sign(b)
        signs.append(sj)
        if sj != wanted:
            return signs
        m, v = b1 * m + (1 - b1) * l * sj, g * v + (1 - g) * l * l * sj * sj
        b = b - _adam_step(m, v, j, a, b1, g, e, convention)
    return signs


# ---------------------------------------------------------------- floating point, as practitioners run it

Optimizer = Literal["sgd", "momentum", "rmsprop", "adam"]


def _float_iterates(beta0: np.ndarray, optimizer: Optimizer, *, alpha: float, lam: float, steps: int, dtype: Any,
                    mu: float = 0.9, gamma: float = 0.99, beta1: float = 0.9, eps: float = 1e-8):
    t = np.dtype(dtype).type
    beta = np.asarray(beta0, dtype=dtype).copy()
    a, l, mu_, g_, b1, e = (t(x) for x in (alpha, lam, mu, gamma, beta1, eps))
    one = t(1)
    buf, m, v = None, np.zeros_like(beta), np.zeros_like(beta)
    yield beta
    for k in range(1, steps + 1):
        grad = l * np.sign(beta)
        if optimizer == "sgd":
            beta = beta - a * grad
        elif optimizer == "momentum":
            buf = grad if buf is None else mu_ * buf + grad
            beta = beta - a * buf
        elif optimizer == "rmsprop":
            v = g_ * v + (one - g_) * grad * grad
            beta = beta - a * grad / (np.sqrt(v) + e)
        else:
            m = b1 * m + (one - b1) * grad
            v = g_ * v + (one - g_) * grad * grad
            c1, c2 = one - b1 ** t(k), one - g_ ** t(k)
            beta = beta - (a / c1) * m / (np.sqrt(v) / np.sqrt(c2) + e)
        yield beta


def float_run(beta0: np.ndarray, optimizer: Optimizer, *, alpha: float, lam: float, steps: int,
              dtype: Any = np.float32, **options: Any) -> tuple[np.ndarray, np.ndarray]:
    r"""Run PyTorch's update formulas in numpy ``dtype`` on :math:`\lambda\|\beta\|_1`; returns
    ``(final beta, ever_zero)`` where ``ever_zero[i]`` says entry ``i`` was exactly 0 at some step.

    RMSProp: ``v = g v + (1-g) grad^2; beta -= alpha grad/(sqrt(v)+eps)``; Adam with bias
    correction; momentum: ``buf = mu buf + grad``.  Options: ``mu``, ``gamma``, ``beta1``, ``eps``.

    >>> b, z = float_run(np.array([0.5, 0.3]), "sgd", alpha=0.01, lam=1.0, steps=60, dtype=np.float64)
    >>> z.tolist()
    [False, False]
    """
    ever = None
    for beta in _float_iterates(beta0, optimizer, alpha=alpha, lam=lam, steps=steps, dtype=dtype, **options):
        ever = beta == 0 if ever is None else ever | (beta == 0)
    return beta, ever


def float_l1_history(beta0: np.ndarray, optimizer: Optimizer, *, alpha: float, lam: float, steps: int,
                     dtype: Any = np.float64, **options: Any) -> np.ndarray:
    r""":math:`\|\beta^{(k)}\|_1` for :math:`k=0,\dots,` ``steps`` under :func:`float_run`'s formulas.

    >>> float_l1_history(np.array([0.015]), "sgd", alpha=0.01, lam=1.0, steps=3).round(3).tolist()
    [0.015, 0.005, 0.005, 0.005]
    """
    return np.array([np.abs(b).sum() for b in _float_iterates(beta0, optimizer, alpha=alpha, lam=lam, steps=steps,
                                                                 dtype=dtype, **options)])


def zero_entry_frequency(optimizer: Optimizer, *, n: int, steps: int, alpha: float, lam: float,
                         dtype: Any = np.float32, seed: int = 0, **options: Any) -> dict[str, Any]:
    r"""Draw :math:`\beta^{(0)}\sim U[-1,1]^n` (seeded) and count entries that are exactly 0
    at some step and at the end.

    >>> zero_entry_frequency("sgd", n=100, steps=10, alpha=0.01, lam=1.0, dtype=np.float64)["ever_zero"]
    0
    """
    rng = np.random.default_rng(seed)
    beta0 = rng.uniform(-1.0, 1.0, size=n).astype(dtype)
    final, ever = float_run(beta0, optimizer, alpha=alpha, lam=lam, steps=steps, dtype=dtype, **options)
    return {"optimizer": optimizer, "dtype": np.dtype(dtype).name, "n": n, "steps": steps, "alpha": alpha,
            "lam": lam, "ever_zero": int(ever.sum()), "zero_at_end": int((final == 0).sum())}
