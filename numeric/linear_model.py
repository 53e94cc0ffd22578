r"""Cooper's depth-0 network evaluated independently: second-order forward mode.

Mirror of :mod:`symbolic.linear_model` without SymPy.  The loss is evaluated
on :class:`Jet` numbers, which carry a value, a gradient and a dense Hessian
with respect to the parameter vector :math:`\rho` (weights row by row, then
biases: the same layout as the symbolic side).  Over :class:`fractions.Fraction`
the L2 loss's gradient and Hessian come out exact; over mpmath they are
correct to the working precision (``dps`` digits).  The cross-entropy loss
uses ``exp``/``log`` of the working number type; in exact mode it is only
available where every logit is 0 (then every exponential is 1).

Main functions: :func:`output`, :func:`loss_jet`, :func:`gradient`,
:func:`hessian`, :func:`hessian_exact`, :func:`operator_norm`,
:func:`frobenius_norm`, :func:`rho_from`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Literal, Sequence

import mpmath

LossName = Literal["l2", "cross_entropy"]


@dataclass(frozen=True)
class Jet:
    r"""A second-order jet :math:`(v, \nabla v, \mathbf H v)` in ``p`` parameters.

    >>> x = Jet.variable(Fraction(3), 0, 1)
    >>> (x * x).hess
    ((Fraction(2, 1),),)
    """

    value: Any
    grad: tuple
    hess: tuple

    @staticmethod
    def variable(value: Any, index: int, p: int) -> "Jet":
        r"""The coordinate :math:`\rho_\mathrm{index}` at ``value``."""
        zero = value * 0
        grad = tuple(zero + 1 if i == index else zero for i in range(p))
        return Jet(value, grad, tuple(tuple(zero for _ in range(p)) for _ in range(p)))

    def _lift(self, other: Any) -> "Jet":
        if isinstance(other, Jet):
            return other
        zero = self.value * 0
        return Jet(other, tuple(zero for _ in self.grad), tuple(tuple(zero for _ in row) for row in self.hess))

    def __add__(self, other: Any) -> "Jet":
        o = self._lift(other)
        return Jet(self.value + o.value, tuple(a + b for a, b in zip(self.grad, o.grad)),
                   tuple(tuple(a + b for a, b in zip(r, s)) for r, s in zip(self.hess, o.hess)))

    __radd__ = __add__

    def __neg__(self) -> "Jet":
        return self.scale(-1)

    def __sub__(self, other: Any) -> "Jet":
        return self + (-self._lift(other))

    def __rsub__(self, other: Any) -> "Jet":
        return self._lift(other) - self

    def scale(self, factor: Any) -> "Jet":
        r"""``factor * self`` for a constant ``factor``."""
        return Jet(self.value * factor, tuple(g * factor for g in self.grad),
                   tuple(tuple(h * factor for h in row) for row in self.hess))

    def __mul__(self, other: Any) -> "Jet":
        if not isinstance(other, Jet):
            return self.scale(other)
        a, b = self, other
        hess = tuple(tuple(a.value * b.hess[i][j] + b.value * a.hess[i][j] + a.grad[i] * b.grad[j]
                           + a.grad[j] * b.grad[i] for j in range(len(a.grad))) for i in range(len(a.grad)))
        return Jet(a.value * b.value, tuple(a.value * gb + b.value * ga for ga, gb in zip(a.grad, b.grad)), hess)

    __rmul__ = __mul__

    def apply(self, f0: Any, f1: Any, f2: Any) -> "Jet":
        r""":math:`\varphi(\mathrm{self})` given :math:`\varphi, \varphi', \varphi''` at ``self.value``."""
        p = len(self.grad)
        hess = tuple(tuple(f1 * self.hess[i][j] + f2 * self.grad[i] * self.grad[j] for j in range(p))
                     for i in range(p))
        return Jet(f0, tuple(f1 * g for g in self.grad), hess)


def _exp(jet: Jet, exp: Callable[[Any], Any]) -> Jet:
    e = exp(jet.value)
    return jet.apply(e, e, e)


def _log(jet: Jet, log: Callable[[Any], Any]) -> Jet:
    v = jet.value
    return jet.apply(log(v), 1 / v, -1 / (v * v))


def output(rho: Sequence[Any], x: Sequence[Any], d_out: int) -> list:
    r""":math:`f_\rho(x) = M^1x+b^1` for ``rho`` laid out as weights (row by row) then biases.

    >>> output([1, 2, 3, 4, 5, 6], [Fraction(1), Fraction(-1)], 2)
    [Fraction(4, 1), Fraction(5, 1)]
    """
    d_in = len(x)
    return [sum((rho[j * d_in + k] * x[k] for k in range(d_in)), rho[d_out * d_in + j] * 1) for j in range(d_out)]


def _l2(rho: Sequence[Any], xs, ys, ops) -> Any:
    total = 0
    for x, y in zip(xs, ys):
        for fj, yj in zip(output(rho, x, len(y)), y):
            residual = fj - yj
            total = residual * residual + total
    return total


def _cross_entropy(rho: Sequence[Any], xs, ys, ops) -> Any:
    total = 0
    for x, y in zip(xs, ys):
        logits = output(rho, x, len(y))
        log_partition = _log(sum(_exp(z, ops["exp"]) for z in logits[1:]) + _exp(logits[0], ops["exp"]), ops["log"])
        for yj, z in zip(y, logits):
            total = total - (z - log_partition) * yj
    return total


_LOSSES = {"l2": _l2, "cross_entropy": _cross_entropy}


def _exact_exp(value: Fraction) -> Fraction:
    if value != 0:
        raise ArithmeticError(f"exp({value}) is not rational: exact cross-entropy needs every logit to be 0")
    return Fraction(1)


def _no_log(value: Fraction) -> Fraction:
    return Fraction(0)  # the loss's value is not returned in exact mode; log enters L linearly


def loss_jet(loss: LossName, rho: Sequence[Any], xs: Sequence[Sequence[Any]], ys: Sequence[Sequence[Any]], *,
             dps: int = 50, exact: bool = False) -> Jet:
    r"""The jet :math:`(L, \nabla L, \mathbf HL)` at ``rho`` (exact over Fractions if ``exact``).

    In exact mode the value of a cross-entropy loss is not meaningful (its
    logarithm is irrational); the gradient and Hessian are exact.

    >>> jet = loss_jet("l2", [Fraction(0), Fraction(0)], [[Fraction(1)]], [[Fraction(2)]], exact=True)
    >>> jet.value, jet.grad
    (Fraction(4, 1), (Fraction(-4, 1), Fraction(-4, 1)))
    """
    if loss not in _LOSSES:
        raise ValueError(f"unknown loss {loss!r} (l2 or cross_entropy)")
    if exact:
        point = [Jet.variable(Fraction(v), i, len(rho)) for i, v in enumerate(rho)]
        data = [[Fraction(v) for v in x] for x in xs], [[Fraction(v) for v in y] for y in ys]
        return _LOSSES[loss](point, *data, {"exp": _exact_exp, "log": _no_log})
    with mpmath.workdps(dps):
        point = [Jet.variable(_mpf(v), i, len(rho)) for i, v in enumerate(rho)]
        data = [[_mpf(v) for v in x] for x in xs], [[_mpf(v) for v in y] for y in ys]
        return _LOSSES[loss](point, *data, {"exp": mpmath.exp, "log": mpmath.log})


def _mpf(value: Any) -> mpmath.mpf:
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return mpmath.mpmathify(value)


def gradient(loss: LossName, rho, xs, ys, *, dps: int = 50) -> list:
    r""":math:`\nabla L(\rho)` at ``dps`` digits.

    >>> [float(g) for g in gradient("l2", [0, 0], [[1]], [[2]])]
    [-4.0, -4.0]
    """
    return list(loss_jet(loss, rho, xs, ys, dps=dps).grad)


def hessian(loss: LossName, rho, xs, ys, *, dps: int = 50) -> list[list]:
    r""":math:`\mathbf HL(\rho)` at ``dps`` digits.

    >>> [[float(h) for h in row[2:]] for row in hessian("cross_entropy", [0, 0, 0, 0], [[0]], [[1, 0]])[2:]]
    [[0.25, -0.25], [-0.25, 0.25]]
    """
    return [list(row) for row in loss_jet(loss, rho, xs, ys, dps=dps).hess]


def hessian_exact(loss: LossName, rho, xs, ys) -> list[list[Fraction]]:
    r""":math:`\mathbf HL(\rho)` in exact rationals (cross-entropy: only where all logits are 0).

    >>> hessian_exact("cross_entropy", [0, 0, 0, 0], [[2]], [[1, 0]])[0][0]
    Fraction(1, 1)
    """
    return [list(row) for row in loss_jet(loss, rho, xs, ys, exact=True).hess]


def operator_norm(matrix: Sequence[Sequence[Any]], *, dps: int = 50) -> mpmath.mpf:
    r""":math:`\|A\|_\mathrm{op}` of a symmetric matrix (largest absolute eigenvalue).

    >>> print(mpmath.nstr(operator_norm([[2, 2], [2, 2]]), 8))
    4.0
    """
    with mpmath.workdps(dps):
        eigenvalues = mpmath.eigsy(mpmath.matrix([[_mpf(v) for v in row] for row in matrix]), eigvals_only=True)
        return max(abs(e) for e in eigenvalues)


def frobenius_norm(matrix: Sequence[Sequence[Any]], *, dps: int = 50) -> mpmath.mpf:
    r""":math:`\|A\|_F`.

    >>> print(mpmath.nstr(frobenius_norm([[3, 0], [0, 4]]), 8))
    5.0
    """
    with mpmath.workdps(dps):
        return mpmath.sqrt(sum(_mpf(v) ** 2 for row in matrix for v in row))


def rho_from(weights: Sequence[Sequence[Any]], biases: Sequence[Any]) -> list:
    r"""The parameter vector :math:`\rho` from :math:`M^1` (rows) and :math:`b^1`.

    >>> rho_from([[1, 2], [3, 4]], [5, 6])
    [1, 2, 3, 4, 5, 6]
    """
    return [w for row in weights for w in row] + list(biases)
