r"""Cooper's networks evaluated independently in mpmath: hyper-dual numbers for exact-order derivatives.

Mirror of :mod:`symbolic.network`, name for name, sharing no code with it.  A
network is evaluated forward, literally by eqs. (9)-(10), on *hyper-dual*
numbers :math:`a+b\varepsilon_1+c\varepsilon_2+d\varepsilon_1\varepsilon_2`
(:math:`\varepsilon_1^2=\varepsilon_2^2=0`): seeding parameter :math:`p` with
:math:`\varepsilon_1` and :math:`q` with :math:`\varepsilon_2` yields
:math:`\partial L/\partial p` in ``b`` and :math:`\partial^2L/\partial p\partial q`
in ``d`` with no truncation error, at ``dps`` digits.  Activations are mpmath
functions with hand-written first and second derivatives.

Main functions: :func:`ray_point`, :func:`loss`, :func:`gradient_on_ray`,
:func:`grad_norm_sq`, :func:`hessian_entry`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Sequence

import mpmath

#: Working precision of the mirror (decimal digits).
DPS = 60


@dataclass(frozen=True)
class HyperDual:
    r""":math:`a+b\varepsilon_1+c\varepsilon_2+d\varepsilon_1\varepsilon_2`.

    >>> x = HyperDual(3, 1, 1, 0)
    >>> (x * x).d
    2
    """

    a: Any
    b: Any = 0
    c: Any = 0
    d: Any = 0

    def __add__(self, other: Any) -> "HyperDual":
        o = _lift(other)
        return HyperDual(self.a + o.a, self.b + o.b, self.c + o.c, self.d + o.d)

    __radd__ = __add__

    def __sub__(self, other: Any) -> "HyperDual":
        o = _lift(other)
        return HyperDual(self.a - o.a, self.b - o.b, self.c - o.c, self.d - o.d)

    def __rsub__(self, other: Any) -> "HyperDual":
        return _lift(other) - self

    def __mul__(self, other: Any) -> "HyperDual":
        o = _lift(other)
        return HyperDual(self.a * o.a, self.a * o.b + self.b * o.a, self.a * o.c + self.c * o.a,
                         self.a * o.d + self.b * o.c + self.c * o.b + self.d * o.a)

    __rmul__ = __mul__


def _lift(value: Any) -> HyperDual:
    return value if isinstance(value, HyperDual) else HyperDual(value)


def apply(g: Callable, g1: Callable, g2: Callable, x: HyperDual) -> HyperDual:
    r""":math:`g` of a hyper-dual number from :math:`g, g', g''` at its real part.

    >>> apply(mpmath.exp, mpmath.exp, mpmath.exp, HyperDual(0, 1, 1, 0)).d
    mpf('1.0')
    """
    x = _lift(x)
    v1, v2 = g1(x.a), g2(x.a)
    return HyperDual(g(x.a), v1 * x.b, v1 * x.c, v1 * x.d + v2 * x.b * x.c)


def _sech2(u):
    return 1 / mpmath.cosh(u) ** 2


def _logistic(u):
    return 1 / (1 + mpmath.exp(-u))


def _phi(u):
    return mpmath.exp(-u * u / 2) / mpmath.sqrt(2 * mpmath.pi)


def _Phi(u):
    return mpmath.ncdf(u)


#: name -> (c, sigma, sigma', sigma''), written out by hand.
ACTIVATIONS: dict[str, tuple[Any, Callable, Callable, Callable]] = {
    "tanh": (0, mpmath.tanh, _sech2, lambda u: -2 * mpmath.tanh(u) * _sech2(u)),
    "softplus_shifted": (0, lambda u: mpmath.log(1 + mpmath.exp(u)) - mpmath.log(2), _logistic,
                         lambda u: _logistic(u) * (1 - _logistic(u))),
    "gelu": (0, lambda u: u * _Phi(u), lambda u: _Phi(u) + u * _phi(u), lambda u: (2 - u * u) * _phi(u)),
    "silu": (0, lambda u: u * _logistic(u), lambda u: _logistic(u) * (1 + u * (1 - _logistic(u))),
             lambda u: _logistic(u) * (1 - _logistic(u)) * (2 + u * (1 - 2 * _logistic(u)))),
    "sin": (0, mpmath.sin, mpmath.cos, lambda u: -mpmath.sin(u)),
    "identity": (0, lambda u: u, lambda u: 1, lambda u: 0),
}


#: Activations violating Assumption 1, for the shifted ray: name -> (c', sigma, sigma', sigma''), with
#: sigma'(c') != 0 (written out by hand, independently of :mod:`symbolic.activations`).
SHIFTED_ACTIVATIONS: dict[str, tuple[Any, Callable, Callable, Callable]] = {
    "sigmoid": (0, _logistic, lambda u: _logistic(u) * (1 - _logistic(u)),
                lambda u: _logistic(u) * (1 - _logistic(u)) * (1 - 2 * _logistic(u))),
    "softplus": (0, lambda u: mpmath.log(1 + mpmath.exp(u)), _logistic, lambda u: _logistic(u) * (1 - _logistic(u))),
    "square": (1, lambda u: u * u, lambda u: 2 * u, lambda u: 2),
    "paper_example_1": (1, lambda u: u * u + 1, lambda u: 2 * u, lambda u: 2),
}


def activation(name: str) -> tuple[Any, Callable[[Any], Any]]:
    r"""``(c, sigma)`` where ``sigma`` acts on numbers and hyper-dual numbers.

    >>> c, s = activation("silu")
    >>> s(HyperDual(0, 1, 1, 0)).d
    mpf('0.5')
    """
    table = {**ACTIVATIONS, **SHIFTED_ACTIVATIONS}
    if name not in table:
        raise KeyError(f"no numeric activation {name!r} (one of {', '.join(table)})")
    c, g, g1, g2 = table[name]
    return c, (lambda x: apply(g, g1, g2, x) if isinstance(x, HyperDual) else g(x))


def parameter_shapes(widths: Sequence[int], d_in: int, d_out: int) -> list[tuple[int, int]]:
    r"""``(rows, cols)`` of :math:`M^1,\dots,M^{\ell+1}`.

    >>> parameter_shapes([3], 2, 1)
    [(3, 2), (1, 3)]
    """
    sizes = [d_in, *widths, d_out]
    return [(sizes[i], sizes[i - 1]) for i in range(1, len(sizes))]


def parameter_count(widths: Sequence[int], d_in: int, d_out: int) -> int:
    r"""Number of parameters.

    >>> parameter_count([2], 1, 1)
    7
    """
    return sum(r * q + r for r, q in parameter_shapes(widths, d_in, d_out))


def ray_point(widths: Sequence[int], d_in: int, d_out: int, t: Any, loss: str, c: Any, sigma_c: Any = 0) -> list[Any]:
    r""":math:`\rho(t)` flattened layer by layer (weights row by row, then biases):
    hidden weights 0, hidden biases ``c``, :math:`M^{\ell+1}=tM`, :math:`b^{\ell+1}=-t\,\sigma(c)M\mathbf 1`
    (``sigma_c`` = :math:`\sigma(c)`; 0 gives the paper's ray, :math:`b^{\ell+1}=0`).

    >>> ray_point([1], 1, 2, 5, "cross_entropy", 0)
    [0, 0, 5, 0, 0, 0]
    >>> ray_point([2], 1, 1, 5, "l2", 1, sigma_c=3)
    [0, 0, 1, 1, 5, 5, -30]
    """
    shapes, flat = parameter_shapes(widths, d_in, d_out), []
    for layer, (rows, cols) in enumerate(shapes, start=1):
        last = layer == len(shapes)
        sums = []
        for r in range(rows):
            direction = [1 if loss == "l2" else int(r == q) for q in range(cols)]
            flat += [t * v if last else 0 for v in direction]
            sums.append(sum(direction))
        flat += [-t * sigma_c * s for s in sums] if last else [c] * rows
    return flat


def network(params: Sequence[Any], widths: Sequence[int], d_in: int, d_out: int, x: Sequence[Any], sigma) -> list[Any]:
    r""":math:`f_\rho(x)` by eqs. (9)-(10).

    >>> network([1, 0, 2, 0], [1], 1, 1, [3], lambda u: u)
    [6]
    """
    values, pos = list(x), 0
    for layer, (rows, cols) in enumerate(parameter_shapes(widths, d_in, d_out), start=1):
        if layer > 1:
            values = [sigma(v) for v in values]
        W = [params[pos + r * cols: pos + (r + 1) * cols] for r in range(rows)]
        pos += rows * cols
        bias = params[pos: pos + rows]
        pos += rows
        values = [sum((W[r][q] * values[q] for q in range(cols)), bias[r]) for r in range(rows)]
    return values


def loss(params, widths, d_in, d_out, xs, ys, sigma, kind: str) -> Any:
    r"""The L2 loss (13) or the cross-entropy loss (14).

    >>> loss([1, 0, 2, 0], [1], 1, 1, [[3]], [[1]], lambda u: u, "l2")
    25
    """
    total = 0
    for x, y in zip(xs, ys):
        f = network(params, widths, d_in, d_out, x, sigma)
        if kind == "l2":
            total = total + sum(((fk - yk) * (fk - yk) for fk, yk in zip(f, y)), 0)
        else:
            lse = apply(mpmath.log, lambda v: 1 / v, lambda v: -1 / v**2,
                        sum((apply(mpmath.exp, mpmath.exp, mpmath.exp, fk) for fk in f), 0))
            total = total - sum((yk * (fk - lse) for fk, yk in zip(f, y)), 0)
    return total


def _mp(value: Any) -> Any:
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return mpmath.mpf(value)


def _seeded(point, p: int | None, q: int | None) -> list[HyperDual]:
    return [HyperDual(v, 1 if i == p else 0, 1 if i == q else 0, 0) for i, v in enumerate(point)]


def _setup(widths, d_in, d_out, xs, ys, t, loss_kind, name, shifted=False):
    c, sigma = activation(name)
    shift = sigma(_mp(c)) if shifted else 0
    point = [_mp(v) for v in ray_point(widths, d_in, d_out, _mp(t), loss_kind, c, shift)]
    return point, [[_mp(v) for v in row] for row in xs], [[_mp(v) for v in row] for row in ys], sigma


def gradient_on_ray(widths, d_in, d_out, xs, ys, t, loss_kind: str, name: str, *, dps: int = DPS,
                    shifted: bool = False) -> list:
    r""":math:`\nabla L(\rho(t))`, one forward hyper-dual pass per parameter (``shifted``: on the shifted ray,
    output bias :math:`-t\sigma(c)M\mathbf 1`, for activations without Assumption 1).

    >>> [mpmath.nstr(g, 5) for g in gradient_on_ray([1, 1], 1, 1, [[1]], [[1]], 2, "l2", "tanh")]
    ['0.0', '0.0', '0.0', '-4.0', '0.0', '-2.0']
    """
    with mpmath.workdps(dps):
        point, X, Y, sigma = _setup(widths, d_in, d_out, xs, ys, t, loss_kind, name, shifted)
        return [loss(_seeded(point, p, None), widths, d_in, d_out, X, Y, sigma, loss_kind).b for p in range(len(point))]


def grad_norm_sq(widths, d_in, d_out, xs, ys, t, loss_kind: str, name: str, *, dps: int = DPS, shifted: bool = False):
    r""":math:`\|\nabla L(\rho(t))\|^2`.

    >>> mpmath.nstr(grad_norm_sq([1, 1], 1, 1, [[1]], [[1]], 2, "l2", "tanh"), 5)
    '20.0'
    """
    with mpmath.workdps(dps):
        return mpmath.fsum(g * g for g in gradient_on_ray(widths, d_in, d_out, xs, ys, t, loss_kind, name, dps=dps,
                                                          shifted=shifted))


def hessian_entry(widths, d_in, d_out, xs, ys, t, loss_kind: str, name: str, p: int, q: int, *, dps: int = DPS,
                  shifted: bool = False):
    r""":math:`\partial^2L/\partial\rho_p\partial\rho_q` at :math:`\rho(t)` (flat indices), one pass.

    >>> mpmath.nstr(hessian_entry([1, 1], 1, 1, [[1]], [[1]], 2, "l2", "tanh", 5, 5), 5)
    '2.0'
    """
    with mpmath.workdps(dps):
        point, X, Y, sigma = _setup(widths, d_in, d_out, xs, ys, t, loss_kind, name, shifted)
        return loss(_seeded(point, p, q), widths, d_in, d_out, X, Y, sigma, loss_kind).d


def bias_index(widths, d_in, d_out, layer: int, j: int) -> int:
    r"""Flat index of :math:`b^{layer}_j` (1-based layer and unit).

    >>> bias_index([1, 1], 1, 1, 2, 1)
    3
    """
    shapes = parameter_shapes(widths, d_in, d_out)
    pos = sum(r * q + r for r, q in shapes[: layer - 1])
    rows, cols = shapes[layer - 1]
    return pos + rows * cols + j - 1


def named_hessian_entry(widths, d_in, d_out, xs, ys, t, loss_kind: str, name: str, *, dps: int = DPS,
                        shifted: bool = False):
    r""":math:`\partial^2L/(\partial b^\ell_1)^2` at :math:`\rho(t)` (:math:`b^1_1` for depth 0).

    >>> mpmath.nstr(named_hessian_entry([1, 1], 1, 1, [[1]], [[1]], 2, "l2", "tanh"), 5)
    '8.0'
    >>> mpmath.nstr(named_hessian_entry([1, 1], 1, 1, [[1]], [[1]], 2, "l2", "sigmoid", shifted=True), 5)
    '0.5'
    """
    index = bias_index(widths, d_in, d_out, max(len(widths), 1), 1)
    return hessian_entry(widths, d_in, d_out, xs, ys, t, loss_kind, name, index, index, dps=dps, shifted=shifted)


def output_derivative(widths, d_in, d_out, x, t, loss_kind: str, name: str, p: int, q: int | None = None,
                      *, dps: int = DPS) -> list:
    r""":math:`\partial f_\rho(x)/\partial\rho_p` (or :math:`\partial^2/\partial\rho_p\partial\rho_q`) at
    :math:`\rho(t)`, each output coordinate.

    >>> [mpmath.nstr(v, 5) for v in output_derivative([1, 1], 1, 1, [1], 2, "l2", "tanh", 3)]
    ['2.0']
    """
    with mpmath.workdps(dps):
        c, sigma = activation(name)
        point = [_mp(v) for v in ray_point(widths, d_in, d_out, _mp(t), loss_kind, c)]
        out = network(_seeded(point, p, q), widths, d_in, d_out, [_mp(v) for v in x], sigma)
        return [v.d if q is not None else v.b for v in out]
