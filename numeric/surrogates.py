r"""Smooth surrogates of ReLU and their surrogate losses, computed independently.

Katende §3.3 (Proposition 1).  Every family is a *profile* :math:`\varphi` with
:math:`\sigma_\beta(u)=\varphi(\beta u)/\beta`.  Derivatives come from second-order
forward-mode jets (:class:`Jet`: value, first and second derivative) over either
mpmath numbers (at ``dps`` digits) or python-flint Arb balls (rigorous
enclosures), never from SymPy.  The Hessian of
:math:`\mathcal L_\beta(\theta)=\tfrac12(\sigma_\beta(wx+b)-y)^2` is obtained from jets
along three directions, and the best smoothness constant
:math:`L_\beta=\sup_\theta\|\nabla^2\mathcal L_\beta(\theta)\|` by a grid search over
:math:`\theta=(0,b)` refined by golden-section search.

Main functions: :func:`profile`, :func:`activation_derivatives`,
:func:`hessian`, :func:`hessian_norm`, :func:`best_smoothness_constant`,
:func:`first_derivative_enclosure`, :func:`relu_gap`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable

import flint
import mpmath

FAMILIES = ("softplus", "sqrt", "gelu", "silu", "huber")


@dataclass(frozen=True)
class Backend:
    r"""The elementary functions of one number type (mpmath or Arb)."""

    exp: Callable[[Any], Any]
    log: Callable[[Any], Any]
    sqrt: Callable[[Any], Any]
    erf: Callable[[Any], Any]
    pi: Callable[[], Any]
    number: Callable[[Fraction], Any]


MPMATH = Backend(mpmath.exp, mpmath.log, mpmath.sqrt, mpmath.erf, lambda: +mpmath.pi,
                 lambda q: mpmath.mpf(q.numerator) / q.denominator)
ARB = Backend(lambda a: a.exp(), lambda a: a.log(), lambda a: a.sqrt(), lambda a: a.erf(), flint.arb.pi,
              lambda q: flint.arb(flint.fmpq(q.numerator, q.denominator)))


@dataclass(frozen=True)
class Jet:
    r"""A second-order jet :math:`(f, f', f'')` of a function of one variable.

    >>> j = Jet(3, 1, 0) * Jet(3, 1, 0)
    >>> (j.v, j.d1, j.d2)
    (9, 6, 2)
    """

    v: Any
    d1: Any = 0
    d2: Any = 0

    def __add__(self, o: Any) -> "Jet":
        o = lift(o)
        return Jet(self.v + o.v, self.d1 + o.d1, self.d2 + o.d2)

    __radd__ = __add__

    def __neg__(self) -> "Jet":
        return Jet(-self.v, -self.d1, -self.d2)

    def __sub__(self, o: Any) -> "Jet":
        return self + (-lift(o))

    def __rsub__(self, o: Any) -> "Jet":
        return lift(o) - self

    def __mul__(self, o: Any) -> "Jet":
        o = lift(o)
        return Jet(self.v * o.v, self.v * o.d1 + self.d1 * o.v, self.v * o.d2 + 2 * self.d1 * o.d1 + self.d2 * o.v)

    __rmul__ = __mul__

    def __truediv__(self, o: Any) -> "Jet":
        if isinstance(o, int):  # exact in the underlying number type (mpf / int, arb / int)
            return Jet(self.v / o, self.d1 / o, self.d2 / o)
        return self * reciprocal(lift(o))

    def __rtruediv__(self, o: Any) -> "Jet":
        return lift(o) * reciprocal(self)


def lift(value: Any) -> Jet:
    r"""A constant as a jet."""
    return value if isinstance(value, Jet) else Jet(value, 0, 0)


def _chain(f0: Any, f1: Any, f2: Any, a: Jet) -> Jet:
    return Jet(f0, f1 * a.d1, f2 * a.d1 * a.d1 + f1 * a.d2)


def reciprocal(a: Jet) -> Jet:
    r""":math:`1/a` as a jet."""
    r = 1 / a.v
    return _chain(r, -r * r, 2 * r * r * r, a)


def jexp(a: Jet, lib: Backend) -> Jet:
    r""":math:`e^a` as a jet."""
    e = lib.exp(a.v)
    return _chain(e, e, e, a)


def jlog(a: Jet, lib: Backend) -> Jet:
    r""":math:`\log a` as a jet."""
    return _chain(lib.log(a.v), 1 / a.v, -1 / (a.v * a.v), a)


def jsqrt(a: Jet, lib: Backend) -> Jet:
    r""":math:`\sqrt a` as a jet."""
    s = lib.sqrt(a.v)
    return _chain(s, 1 / (2 * s), -1 / (4 * s * a.v), a)


def jerf(a: Jet, lib: Backend) -> Jet:
    r""":math:`\operatorname{erf} a` as a jet (:math:`\operatorname{erf}'=2e^{-a^2}/\sqrt\pi`)."""
    g = 2 * lib.exp(-a.v * a.v) / lib.sqrt(lib.pi())
    return _chain(lib.erf(a.v), g, -2 * a.v * g, a)


def profile(name: str, t: Jet, lib: Backend = MPMATH) -> Jet:
    r""":math:`\varphi(t)` of family ``name`` as a jet, with :math:`\sigma_\beta(u)=\varphi(\beta u)/\beta`.

    >>> print(mpmath.nstr(profile("softplus", Jet(mpmath.mpf(0), 1, 0)).d2, 10))
    0.25
    """
    if name == "softplus":
        return jlog(1 + jexp(t, lib), lib)
    if name == "sqrt":
        return (t + jsqrt(t * t + 1, lib)) / 2
    if name == "gelu":
        return t * (1 + jerf(t / lib.sqrt(lib.number(Fraction(2))), lib)) / 2
    if name == "silu":
        return t / (1 + jexp(-t, lib))
    if name == "huber":
        return _huber(t)
    raise ValueError(f"unknown family {name!r} (one of {', '.join(FAMILIES)})")


def _huber(t: Jet) -> Jet:
    if t.v == 0 or t.v == 1:
        raise ArithmeticError("the Huber smoothing has no second derivative at its knots t = 0, 1")
    if t.v < 0:
        return Jet(0 * t.v, 0 * t.d1, 0 * t.d2)
    if t.v < 1:
        return t * t / 2
    return t - lift(t.v * 0 + 1) / 2


def _mp(value: Any) -> mpmath.mpf:
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return mpmath.mpf(value)


def activation_derivatives(name: str, u: Any, beta: Any, *, dps: int = 50) -> tuple[mpmath.mpf, mpmath.mpf, mpmath.mpf]:
    r""":math:`(\sigma_\beta(u),\sigma_\beta'(u),\sigma_\beta''(u))` at ``dps`` digits.

    >>> [mpmath.nstr(v, 6) for v in activation_derivatives("softplus", 0, 4)]
    ['0.173287', '0.5', '1.0']
    """
    with mpmath.workdps(dps):
        beta = _mp(beta)
        j = profile(name, Jet(beta * _mp(u), beta, 0))
        return j.v / beta, j.d1 / beta, j.d2 / beta


def _loss_jet(name: str, beta, x, y, theta, direction) -> Jet:
    w = Jet(theta[0], direction[0], 0)
    b = Jet(theta[1], direction[1], 0)
    s = w * x + b
    residual = profile(name, s * beta) / beta - y
    return residual * residual / 2


def hessian(name: str, beta: Any, x: Any, y: Any, theta: tuple[Any, Any], *, dps: int = 50) -> list[list[mpmath.mpf]]:
    r""":math:`\nabla^2\mathcal L_\beta(\theta)` from second derivatives along :math:`e_1, e_2, e_1+e_2`.

    >>> H = hessian("sqrt", 1, 0, 0, (0, 0))
    >>> print(mpmath.nstr(H[1][1], 8))
    0.5
    """
    with mpmath.workdps(dps):
        args = [_mp(v) for v in (beta, x, y)]
        th = (_mp(theta[0]), _mp(theta[1]))
        d11, d22, dsum = (_loss_jet(name, *args, th, d).d2 for d in ((1, 0), (0, 1), (1, 1)))
        d12 = (dsum - d11 - d22) / 2
        return [[d11, d12], [d12, d22]]


def hessian_norm(name: str, beta: Any, x: Any, y: Any, theta: tuple[Any, Any], *, dps: int = 50) -> mpmath.mpf:
    r"""The spectral norm of the symmetric 2x2 Hessian (largest |eigenvalue|).

    >>> print(mpmath.nstr(hessian_norm("sqrt", 1, 0, 0, (0, 0)), 8))
    0.5
    """
    with mpmath.workdps(dps):
        (a, c), (_, d) = hessian(name, beta, x, y, theta, dps=dps)
        mid, rad = (a + d) / 2, mpmath.sqrt(((a - d) / 2) ** 2 + c * c)
        return max(abs(mid + rad), abs(mid - rad))


def best_smoothness_constant(name: str, beta: Any, x: Any, y: Any, *, dps: int = 50, grid: int = 400,
                             reach: int = 12, iterations: int = 80) -> mpmath.mpf:
    r""":math:`\sup_\theta\|\nabla^2\mathcal L_\beta(\theta)\|` over :math:`\theta=(0,b)`, :math:`\beta b\in[-`
    ``reach`` :math:`,` ``reach`` :math:`]`: a grid, then golden-section refinement at the best point.

    The golden section shrinks the bracket by :math:`0.618` per iteration, so the
    maximiser (and, where the sup sits at a kink, the value) is only as accurate as
    :math:`0.618^{\text{iterations}}` times the grid step: 80 iterations give about
    16 digits whatever ``dps`` is; :func:`golden_iterations` gives ``dps`` digits.

    >>> print(mpmath.nstr(best_smoothness_constant("softplus", 1, 0, 2, grid=40), 6))
    1.00665
    """
    with mpmath.workdps(dps):
        beta = _mp(beta)
        f = lambda t: hessian_norm(name, beta, x, y, (0, t / beta), dps=dps)  # noqa: E731
        step = mpmath.mpf(2 * reach) / grid
        ts = [-reach + k * step for k in range(grid + 1)]
        ts = [t for t in ts if not (name == "huber" and t in (0, 1))]
        values = [_safe(f, t) for t in ts]
        k = max(range(len(ts)), key=lambda i: values[i])
        return max(values[k], _golden_max(f, ts[max(k - 1, 0)], ts[min(k + 1, len(ts) - 1)], iterations))


def golden_iterations(digits: int) -> int:
    r"""Golden-section iterations that shrink a unit bracket below :math:`10^{-\text{digits}}`:
    :math:`\lceil \text{digits}/\log_{10}(1/0.618)\rceil` plus a margin of 5.

    >>> golden_iterations(16), golden_iterations(60)
    (82, 293)
    """
    return int(mpmath.ceil(digits / mpmath.log10(2 / (mpmath.sqrt(5) - 1)))) + 5


def _safe(f, t):
    try:
        return f(t)
    except ArithmeticError:
        return mpmath.mpf(0)


def _golden_max(f, lo, hi, iterations: int = 80):
    r"""Golden-section search for :math:`\max f` on ``[lo, hi]``; returns the best value *seen*.

    The best value seen, not the value at the final midpoint: where the sup is the
    one-sided limit at a jump of :math:`f` (the Huber Hessian at a knot), the last
    midpoint may fall on the low side of the jump.
    """
    ratio = (mpmath.sqrt(5) - 1) / 2
    best = mpmath.mpf(0)
    for _ in range(iterations):
        a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
        fa, fb = _safe(f, a), _safe(f, b)
        best = max(best, fa, fb)
        if fa >= fb:
            hi = b
        else:
            lo = a
    return max(best, _safe(f, (lo + hi) / 2))


def first_derivative_enclosure(name: str, t: Fraction) -> flint.arb:
    r"""A rigorous Arb ball containing :math:`\varphi'(t)=\sigma_\beta'(t/\beta)` (any :math:`\beta`).

    >>> first_derivative_enclosure("gelu", Fraction(7, 5)) > 1
    True
    """
    return profile(name, Jet(ARB.number(Fraction(t)), flint.arb(1), flint.arb(0)), ARB).d1


def second_derivative_enclosure(name: str, t: Fraction) -> flint.arb:
    r"""A rigorous Arb ball containing :math:`\varphi''(t)=\sigma_\beta''(t/\beta)/\beta`.

    >>> second_derivative_enclosure("softplus", Fraction(0)).contains(flint.arb(1) / 4)
    True
    """
    return profile(name, Jet(ARB.number(Fraction(t)), flint.arb(1), flint.arb(0)), ARB).d2


def relu_gap(name: str, u: Any, beta: Any, *, dps: int = 50) -> mpmath.mpf:
    r""":math:`|\sigma_\beta(u)-\max(u,0)|` at ``dps`` digits (pointwise convergence cross-check).

    >>> print(mpmath.nstr(relu_gap("softplus", 0, 10**6), 6))
    6.93147e-7
    """
    with mpmath.workdps(dps):
        if name == "huber":  # values exist at the knots, second derivatives do not
            tt = _mp(beta) * _mp(u)
            value = (0 if tt <= 0 else tt * tt / 2 if tt <= 1 else tt - mpmath.mpf(1) / 2) / _mp(beta)
        else:
            value = activation_derivatives(name, u, beta, dps=dps)[0]
        return abs(value - max(_mp(u), 0))
