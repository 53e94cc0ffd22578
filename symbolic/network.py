r"""Cooper's fully connected networks, exactly, and their loss derivatives along the ray.

Networks [Cooper, App. A.3, eqs. (7), (9), (10)]: depth :math:`\ell` (hidden
layers), widths :math:`c_1,\dots,c_\ell`, input :math:`d_{in}`, output
:math:`d_{out}`; :math:`f^1=M^1x+b^1`, :math:`f^i=M^i\sigma(f^{i-1})+b^i`,
:math:`f_\rho=f^{\ell+1}`.  Losses: L2 (13) and cross-entropy (14).

The ray :math:`\rho(t)` of §3: :math:`M^i=0`, :math:`b^i=(c,\dots,c)` for
:math:`i\le\ell`; :math:`M^{\ell+1}=tM`, :math:`b^{\ell+1}=0`, with
:math:`M=\Omega` (all ones) for L2 and :math:`M=I` (identity extended by zeros)
for cross-entropy.

**Second-order expansion at the point.**  Differentiating the whole loss and
then substituting is hopeless beyond ~20 parameters.  Instead every
pre-activation and activation is carried as a *jet*: its value, its first-order
part and its second-order part in the parameter perturbation :math:`\delta`,
stored sparsely (only nonzero coefficients), with coefficients exact sparse
polynomials over :math:`\mathbb Q` in :math:`t`, :math:`\sigma'(c)`,
:math:`\sigma''(c)` (and, for proofs "for all data", in the data and the entries
of :math:`M`).  Along the ray every hidden pre-activation equals :math:`c`, so
the activation enters only through :math:`\sigma(c)=0` (Assumption 1),
:math:`\sigma'(c)` = ``SIGMA_1`` and :math:`\sigma''(c)` = ``SIGMA_2``; a
concrete activation is substituted at the very end.  The cost follows the
number of nonzero Hessian entries, not the square of the parameter count.

Main functions: :func:`layer_jets`, :func:`derivatives_on_ray`,
:func:`grad_norm_sq_closed_form`, :func:`hessian_entry_closed_form`,
:func:`naive_derivatives_on_ray` (the slow reference), :func:`at_activation`.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Literal, NamedTuple, Sequence

import sympy as sp
from sympy import QQ
from sympy.polys.rings import PolyElement, ring

from symbolic.activations import C, SIGMA, SIGMA_1, SIGMA_2, U, activation, substitute_at_c, values_at_c

Loss = Literal["l2", "cross_entropy"]

#: The ray parameter :math:`t`.
T = sp.Symbol("t", real=True)
#: :math:`\sigma(c)` kept as a symbol: Assumption 1 dropped (the shifted ray, or a test of what fails without it).
SIGMA_0 = sp.Symbol("sigma_0", real=True)


class Param(NamedTuple):
    r"""A parameter: ``("w", i, j, k)`` is :math:`w^i_{jk}` (entry j,k of
    :math:`M^i`), ``("b", i, j, 0)`` is :math:`b^i_j`; indices 1-based as in the paper."""

    kind: str
    layer: int
    j: int
    k: int

    def latex(self) -> str:
        r"""The parameter in the paper's notation.

        >>> Param("w", 2, 1, 3).latex()
        'w^{2}_{13}'
        """
        return f"w^{{{self.layer}}}_{{{self.j}{self.k}}}" if self.kind == "w" else f"b^{{{self.layer}}}_{{{self.j}}}"


@dataclass(frozen=True)
class Architecture:
    r"""A fully connected network: ``widths`` = :math:`(c_1,\dots,c_\ell)`, depth = len(widths)."""

    widths: tuple[int, ...]
    d_in: int
    d_out: int

    @property
    def depth(self) -> int:
        r""":math:`\ell`, the number of hidden layers."""
        return len(self.widths)

    def sizes(self) -> list[int]:
        r""":math:`(d_{in}, c_1, \dots, c_\ell, d_{out})`.

        >>> Architecture((3, 3), 2, 1).sizes()
        [2, 3, 3, 1]
        """
        return [self.d_in, *self.widths, self.d_out]

    def parameters(self) -> tuple[Param, ...]:
        r"""Every parameter, layer by layer: the weights of :math:`M^i` row by row, then :math:`b^i`.

        >>> len(Architecture((2,), 1, 1).parameters())
        7
        """
        sizes, out = self.sizes(), []
        for i in range(1, len(sizes)):
            out += [Param("w", i, j, k) for j in range(1, sizes[i] + 1) for k in range(1, sizes[i - 1] + 1)]
            out += [Param("b", i, j, 0) for j in range(1, sizes[i] + 1)]
        return tuple(out)


def architecture(depth: int, width: int, d_in: int, d_out: int) -> Architecture:
    r"""The architecture with ``depth`` hidden layers all of width ``width``.

    >>> architecture(3, 4, 2, 3).widths
    (4, 4, 4)
    """
    return Architecture((width,) * depth, d_in, d_out)


@dataclass(frozen=True)
class Data:
    r"""A data set :math:`\{(x_s, y_s)\}_{s=1}^n` (SymPy numbers or symbols)."""

    xs: tuple[tuple[sp.Expr, ...], ...]
    ys: tuple[tuple[sp.Expr, ...], ...]

    @property
    def n(self) -> int:
        r"""The number of data points."""
        return len(self.xs)


def symbolic_data(n: int, d_in: int, d_out: int) -> Data:
    r"""Data whose entries are real symbols ``x_s_k``, ``y_s_k`` (for proofs over all data).

    >>> symbolic_data(1, 1, 2).ys
    ((y_1_1, y_1_2),)
    """
    xs = tuple(tuple(sp.Symbol(f"x_{s}_{k}", real=True) for k in range(1, d_in + 1)) for s in range(1, n + 1))
    ys = tuple(tuple(sp.Symbol(f"y_{s}_{k}", real=True) for k in range(1, d_out + 1)) for s in range(1, n + 1))
    return Data(xs, ys)


def seeded_data(n: int, d_in: int, d_out: int, seed: int, loss: Loss) -> Data:
    r"""Reproducible rational data: entries ``randint(-9, 9)/randint(1, 9)`` from
    ``random.Random(seed)``; for cross-entropy each :math:`y_s` is a probability
    vector (positive integers ``randint(1, 9)`` normalised), so Assumption 2 holds.

    >>> seeded_data(1, 1, 2, 0, "cross_entropy").ys
    ((1/6, 5/6),)
    """
    rng = random.Random(seed)
    xs = tuple(tuple(sp.Rational(rng.randint(-9, 9), rng.randint(1, 9)) for _ in range(d_in)) for _ in range(n))
    if loss == "cross_entropy":
        raw = [[rng.randint(1, 9) for _ in range(d_out)] for _ in range(n)]
        ys = tuple(tuple(sp.Rational(v, sum(row)) for v in row) for row in raw)
    else:
        ys = tuple(tuple(sp.Rational(rng.randint(-9, 9), rng.randint(1, 9)) for _ in range(d_out)) for _ in range(n))
    return Data(xs, ys)


def probability_data(n: int, d_in: int, d_out: int) -> Data:
    r"""Symbolic data satisfying Assumption 2: the last entry of each :math:`y_s` is 1 minus the others.

    >>> probability_data(1, 1, 2).ys
    ((y_1_1, 1 - y_1_1),)
    """
    free = symbolic_data(n, d_in, d_out)
    ys = tuple(row[:-1] + (1 - sum(row[:-1]),) for row in free.ys)
    return Data(free.xs, ys)


def data_from_lists(xs: Sequence[Sequence[Fraction]], ys: Sequence[Sequence[Fraction]]) -> Data:
    r"""Data from nested lists of exact numbers (``Fraction`` or int).

    >>> data_from_lists([[Fraction(1, 2)]], [[1, 0]]).xs
    ((1/2,),)
    """
    conv = lambda v: sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else sp.Rational(v)  # noqa: E731
    return Data(tuple(tuple(conv(v) for v in row) for row in xs), tuple(tuple(conv(v) for v in row) for row in ys))


def ray_matrix(arch: Architecture, loss: Loss) -> list[list[int]]:
    r"""The direction :math:`M` (:math:`d_{out}\times c_\ell`): :math:`\Omega` for L2 (26),
    :math:`I` extended by zeros for cross-entropy (30).

    >>> ray_matrix(Architecture((3,), 1, 2), "cross_entropy")
    [[1, 0, 0], [0, 1, 0]]
    """
    cols = arch.widths[-1] if arch.depth else arch.d_in
    if loss == "l2":
        return [[1] * cols for _ in range(arch.d_out)]
    return [[int(r == q) for q in range(cols)] for r in range(arch.d_out)]


def symbolic_matrix(arch: Architecture) -> list[list[sp.Symbol]]:
    r"""A generic direction :math:`M` with entries ``m_r_q`` (for the lemmas, which hold for every M).

    >>> symbolic_matrix(Architecture((1,), 1, 1))
    [[m_1_1]]
    """
    cols = arch.widths[-1] if arch.depth else arch.d_in
    return [[sp.Symbol(f"m_{r}_{q}", real=True) for q in range(1, cols + 1)] for r in range(1, arch.d_out + 1)]


def ray_point(arch: Architecture, t: sp.Expr, M: Sequence[Sequence[sp.Expr]], c: sp.Expr = C,
              sigma_c: sp.Expr | None = None) -> dict[Param, sp.Expr]:
    r""":math:`\rho(t)`: every parameter's value on the ray (eqs. (2)-(3)).

    With ``sigma_c`` (the value :math:`\sigma(c)`), the *shifted* ray: the output bias is
    :math:`b^{\ell+1}=-t\,\sigma(c)\,M\mathbf 1` instead of 0, so that
    :math:`f_{\rho(t)}=tM\sigma(c)\mathbf 1+b^{\ell+1}=0` without :math:`\sigma(c)=0`.

    >>> p = ray_point(Architecture((1,), 1, 1), T, [[1]])
    >>> p[Param("b", 1, 1, 0)], p[Param("w", 2, 1, 1)]
    (c, t)
    >>> ray_point(Architecture((2,), 1, 1), T, [[1, 1]], sigma_c=SIGMA_0)[Param("b", 2, 1, 0)]
    -2*sigma_0*t
    """
    last = arch.depth + 1
    values = {}
    for p in arch.parameters():
        if p.layer == last:
            shift = 0 if sigma_c is None else -t * sigma_c * sum(M[p.j - 1])
            values[p] = t * M[p.j - 1][p.k - 1] if p.kind == "w" else sp.sympify(shift)
        else:
            values[p] = sp.Integer(0) if p.kind == "w" else c
    return values


# ---------------------------------------------------------------- jets


class Jet:
    r"""A truncated Taylor polynomial :math:`v + \sum_a g_a\delta_a + \sum_{a\le b} q_{ab}\delta_a\delta_b`
    in the parameter perturbation, stored sparsely (``lin``: index -> g, ``quad``: (a, b) -> q, a <= b)."""

    __slots__ = ("const", "lin", "quad")

    def __init__(self, const, lin=None, quad=None):
        self.const, self.lin, self.quad = const, lin or {}, quad or {}

    def derivative(self, a: int):
        r""":math:`\partial/\partial\rho_a` at the expansion point."""
        return self.lin.get(a, 0)

    def second_derivative(self, a: int, b: int):
        r""":math:`\partial^2/\partial\rho_a\partial\rho_b` at the expansion point."""
        key = (min(a, b), max(a, b))
        value = self.quad.get(key, 0)
        return 2 * value if a == b else value


def _accumulate(target: dict, key, value) -> None:
    if value:
        total = target.get(key, 0) + value
        if total:
            target[key] = total
        else:
            target.pop(key, None)


def _outer(u: dict, v: dict, scale, target: dict) -> None:
    r"""Add ``scale * (sum u_a d_a)(sum v_b d_b)`` to the upper-triangular ``target``."""
    for a, ua in u.items():
        for b, vb in v.items():
            _accumulate(target, (a, b) if a <= b else (b, a), scale * ua * vb)


class _Ring:
    r"""The exact coefficient ring :math:`\mathbb Q[t,\sigma_1,\sigma_2,c,\text{data},M]`."""

    def __init__(self, extra: Iterable[sp.Symbol]):
        gens = [T, SIGMA_1, SIGMA_2, C, SIGMA_0, *sorted(set(extra) - {SIGMA_0}, key=str)]
        self.ring, *self.gens = ring(gens, QQ)
        self.by_symbol = dict(zip(gens, self.gens))

    def lift(self, value: sp.Expr) -> PolyElement:
        return self.ring.from_expr(sp.sympify(value)) if value != 0 else self.ring.zero

    def __getitem__(self, symbol: sp.Symbol) -> PolyElement:
        return self.by_symbol[symbol]


def _affine(ring: _Ring, index: dict, layer: int, inputs: list[Jet], W0, b0) -> list[Jet]:
    r"""Jets of :math:`(W_0+\delta M)a + b_0+\delta b` for jets ``a`` (``W0``, ``b0`` ring values)."""
    out = []
    for j in range(len(b0)):
        jet = Jet(b0[j], {index[Param("b", layer, j + 1, 0)]: ring.ring.one}, {})
        for k, a in enumerate(inputs):
            w0, wk = W0[j][k], index[Param("w", layer, j + 1, k + 1)]
            if w0:
                jet.const = jet.const + w0 * a.const
                for key, v in a.lin.items():
                    _accumulate(jet.lin, key, w0 * v)
                for key, v in a.quad.items():
                    _accumulate(jet.quad, key, w0 * v)
            _accumulate(jet.lin, wk, a.const)
            _outer({wk: ring.ring.one}, a.lin, ring.ring.one, jet.quad)
        out.append(jet)
    return out


def _activate(ring: _Ring, pre: Jet, shifted: bool = False) -> Jet:
    r""":math:`\sigma` of a jet whose value is :math:`c` (the only case on the ray):
    :math:`\sigma(c)` (0 by Assumption 1; the symbol ``sigma_0`` on the shifted ray), then
    :math:`\sigma'(c)\cdot` first and second order plus :math:`\tfrac12\sigma''(c)\cdot` the square
    of the first order.  Exact to second order for any twice differentiable :math:`\sigma`: only
    its 2-jet at :math:`c` enters."""
    if pre.const != ring[C]:
        raise ValueError(f"expansion point off the ray: pre-activation {pre.const.as_expr()} != c")
    s1, s2 = ring[SIGMA_1], ring[SIGMA_2]
    lin = {a: s1 * v for a, v in pre.lin.items()}
    quad = {a: s1 * v for a, v in pre.quad.items()}
    _outer(pre.lin, pre.lin, s2 / 2, quad)
    return Jet(ring[SIGMA_0] if shifted else ring.ring.zero, lin, quad)


def _index(arch: Architecture) -> dict[Param, int]:
    return {p: a for a, p in enumerate(arch.parameters())}


def _input_jets(ring: _Ring, x: Sequence[sp.Expr]) -> list[Jet]:
    return [Jet(ring.lift(v)) for v in x]


def _layer_weights(ring: _Ring, arch: Architecture, M, layer: int, shifted: bool = False, paper_bias: bool = False):
    sizes = arch.sizes()
    if layer == arch.depth + 1:
        W0 = [[ring[T] * ring.lift(M[r][q]) for q in range(sizes[layer - 1])] for r in range(sizes[layer])]
        if shifted and arch.depth and not paper_bias:  # b^{l+1} = -t sigma(c) M 1: f = 0 without sigma(c) = 0
            return W0, [-ring[T] * ring[SIGMA_0] * ring.lift(sum(M[r])) for r in range(sizes[layer])]
        return W0, [ring.ring.zero] * sizes[layer]
    return [[0] * sizes[layer - 1] for _ in range(sizes[layer])], [ring[C]] * sizes[layer]


def _forward(ring: _Ring, arch: Architecture, x, M, shifted: bool = False, paper_bias: bool = False) -> list[list[Jet]]:
    index, jets, layers = _index(arch), _input_jets(ring, x), []
    for layer in range(1, arch.depth + 2):
        W0, b0 = _layer_weights(ring, arch, M, layer, shifted, paper_bias)
        pre = _affine(ring, index, layer, jets, W0, b0)
        layers.append(pre)
        if layer <= arch.depth:
            jets = [_activate(ring, p, shifted) for p in pre]
    return layers


def _symbols_of(*things) -> set:
    out = set()
    for thing in things:
        for row in thing:
            for v in row:
                out |= sp.sympify(v).free_symbols
    return out


def layer_jets(arch: Architecture, x: Sequence[sp.Expr], M: Sequence[Sequence[sp.Expr]],
               shifted: bool = False, paper_bias: bool = False) -> list[list[Jet]]:
    r"""Jets of every pre-activation :math:`f^i_\rho(x)`, :math:`i=1..\ell+1`, at :math:`\rho(t)`.

    ``jets[i-1][j].derivative(a)`` is :math:`\partial f^i_j/\partial\rho_a`, as an
    exact polynomial (call ``.as_expr()`` for SymPy).

    >>> arch = Architecture((1, 1), 1, 1)
    >>> jets = layer_jets(arch, [sp.Integer(2)], [[1]])
    >>> jets[-1][0].derivative(_index(arch)[Param("b", 2, 1, 0)]).as_expr()
    sigma_1*t

    ``shifted``: the shifted ray (:func:`ray_point` with ``sigma_c``), :math:`\sigma(c)` = ``sigma_0``;
    with ``paper_bias`` as well, :math:`\sigma(c)` = ``sigma_0`` but the paper's :math:`b^{\ell+1}=0` (the ray of
    §3 without Assumption 1, where :math:`f_{\rho(t)}=t\sigma(c)M\mathbf 1\ne0`).
    """
    ring = _Ring(_symbols_of([x], M))
    return _forward(ring, arch, x, M, shifted, paper_bias)


@dataclass
class RayDerivatives:
    r"""Gradient and Hessian of the loss at :math:`\rho(t)`, sparse and exact."""

    arch: Architecture
    params: tuple[Param, ...]
    gradient: dict[int, PolyElement]
    hessian: dict[tuple[int, int], PolyElement]

    def entry(self, p: Param, q: Param) -> sp.Expr:
        r""":math:`\partial^2L/\partial p\,\partial q` at :math:`\rho(t)` as a SymPy expression."""
        a, b = sorted((self.params.index(p), self.params.index(q)))
        value = self.hessian.get((a, b))
        return sp.Integer(0) if value is None else value.as_expr()

    def grad_norm_sq(self) -> sp.Expr:
        r""":math:`\|\nabla L(\rho(t))\|^2`."""
        return sp.expand(sum((g * g for g in self.gradient.values()), start=0).as_expr()) if self.gradient else sp.Integer(0)

    def hessian_frobenius_sq(self) -> sp.Expr:
        r""":math:`\|\mathbf HL(\rho(t))\|_F^2` (off-diagonal entries counted twice)."""
        total = 0
        for (a, b), v in self.hessian.items():
            total = total + (v * v if a == b else 2 * v * v)
        return sp.expand(total.as_expr()) if self.hessian else sp.Integer(0)

    def gradient_vector(self) -> list[sp.Expr]:
        r"""The full gradient as a list of SymPy expressions (parameter order)."""
        return [self.gradient[a].as_expr() if a in self.gradient else sp.Integer(0) for a in range(len(self.params))]


def _l2_loss_jets(ring: _Ring, out: list[Jet], y: Sequence[sp.Expr], gradient: dict, quad: dict) -> None:
    for jet, target in zip(out, y):
        residual = jet.const - ring.lift(target)
        for a, v in jet.lin.items():
            _accumulate(gradient, a, 2 * residual * v)
        for key, v in jet.quad.items():
            _accumulate(quad, key, 2 * residual * v)
        _outer(jet.lin, jet.lin, ring.ring.one, quad)


def _cross_entropy_loss_jets(ring: _Ring, out: list[Jet], y: Sequence[sp.Expr], gradient: dict, quad: dict) -> None:
    r""":math:`-\sum_j y_jf_j+(\sum_jy_j)\log\sum_ke^{f_k}` expanded at :math:`f=0` (no Assumption 2 used)."""
    if any(jet.const for jet in out):
        raise ValueError("cross-entropy expansion needs f = 0 at the point (Assumption 1 on the ray)")
    d, weight = len(out), ring.lift(sum(y))
    mean_lin: dict = {}
    for jet, target in zip(out, y):
        coeff = weight / d - ring.lift(target)
        for a, v in jet.lin.items():
            _accumulate(gradient, a, coeff * v)
            _accumulate(mean_lin, a, v / d)
        for key, v in jet.quad.items():
            _accumulate(quad, key, coeff * v)
        _outer(jet.lin, jet.lin, weight / (2 * d), quad)
    _outer(mean_lin, mean_lin, -weight / 2, quad)


@functools.cache
def derivatives_on_ray(arch: Architecture, data: Data, loss: Loss, M: tuple | None = None,
                       shifted: bool = False, paper_bias: bool = False) -> RayDerivatives:
    r"""Exact gradient and Hessian of the loss (13) or (14) at :math:`\rho(t)`, by expansion at the point.

    ``M`` defaults to :func:`ray_matrix`.  Coefficients involve ``t``,
    ``sigma_1`` = :math:`\sigma'(c)`, ``sigma_2`` = :math:`\sigma''(c)` and the data.

    >>> d = derivatives_on_ray(Architecture((1, 1), 1, 1), Data(((1,),), ((1,),)), "l2")
    >>> d.grad_norm_sq()
    4*sigma_1**2*t**2 + 4

    ``shifted``: at the shifted ray instead (no Assumption 1: :math:`\sigma(c)` = ``sigma_0``,
    :math:`b^{\ell+1}=-t\sigma(c)M\mathbf 1`); then ``sigma_1``, ``sigma_2`` are
    :math:`\sigma'(c)`, :math:`\sigma''(c)` at any :math:`c` with :math:`\sigma'(c)\neq0` (``paper_bias``: see
    :func:`layer_jets`).

    >>> derivatives_on_ray(Architecture((1, 1), 1, 1), Data(((1,),), ((1,),)), "l2", shifted=True).grad_norm_sq()
    4*sigma_0**2*sigma_1**2*t**2 + 4*sigma_0**2 + 4*sigma_1**2*t**2 + 4
    """
    # data of another size would be read in part (extra inputs or labels ignored): refused, not silently cut
    if any(len(x) != arch.d_in for x in data.xs) or any(len(y) != arch.d_out for y in data.ys):
        raise ValueError(f"the data's rows have {sorted({len(x) for x in data.xs})} inputs and "
                         f"{sorted({len(y) for y in data.ys})} labels; the architecture takes {arch.d_in} and {arch.d_out}")
    M = M if M is not None else tuple(map(tuple, ray_matrix(arch, loss)))
    ring = _Ring(_symbols_of(data.xs, data.ys, M))
    gradient: dict = {}
    quad: dict = {}
    combine = _l2_loss_jets if loss == "l2" else _cross_entropy_loss_jets
    for x, y in zip(data.xs, data.ys):
        combine(ring, _forward(ring, arch, x, M, shifted, paper_bias)[-1], y, gradient, quad)
    hessian = {key: (2 * v if key[0] == key[1] else v) for key, v in quad.items()}
    return RayDerivatives(arch, arch.parameters(), gradient, hessian)


def named_entry(arch: Architecture) -> Param:
    r"""The Hessian entry the proofs use: :math:`\partial^2/(\partial b^\ell_1)^2`
    (for depth 0, the output bias :math:`b^1_1`).

    >>> named_entry(Architecture((2, 2), 1, 1))
    Param(kind='b', layer=2, j=1, k=0)
    """
    return Param("b", max(arch.depth, 1), 1, 0)


def at_activation(expr: sp.Expr, name: str) -> sp.Expr:
    r"""Substitute :math:`\sigma'(c)`, :math:`\sigma''(c)` of the catalogue activation ``name``.

    >>> at_activation(SIGMA_1**2 * T + SIGMA_2, "silu")
    t/4 + 1/2
    """
    if name == "generic":
        return expr
    zero, first, second = values_at_c(activation(name))
    if zero != 0:
        raise ValueError(f"{name}: sigma(c) != 0")
    return sp.expand(expr.subs({SIGMA_1: first, SIGMA_2: second}))


# ---------------------------------------------------------------- closed forms (Theorems 12 and 14)


def grad_norm_sq_closed_form(arch: Architecture, data: Data, loss: Loss) -> sp.Expr:
    r""":math:`\|\nabla L(\rho(t))\|^2` in closed form for depth :math:`\ell\ge2`.

    L2 (:math:`M=\Omega`): :math:`4\sum_k(\sum_sy_{sk})^2+4\sigma_1^2t^2c_\ell(\sum_{s,k}y_{sk})^2`.
    Cross-entropy (:math:`M=I`): with :math:`e_j=\sum_s(w_s/d_{out}-y_{sj})`,
    :math:`w_s=\sum_jy_{sj}`: :math:`\sum_{j\le d_{out}}e_j^2+\sigma_1^2t^2\sum_{j\le\min(c_\ell,d_{out})}e_j^2`.

    >>> grad_norm_sq_closed_form(Architecture((1, 1), 1, 1), Data(((1,),), ((1,),)), "l2")
    4*sigma_1**2*t**2 + 4
    """
    d, width = arch.d_out, arch.widths[-1]
    data = Data(*(tuple(tuple(map(sp.sympify, row)) for row in rows) for rows in (data.xs, data.ys)))
    if loss == "l2":
        total = sum(sum(row) for row in data.ys)
        return sp.expand(4 * sum(sum(row[k] for row in data.ys) ** 2 for k in range(d))
                         + 4 * SIGMA_1**2 * T**2 * width * total**2)
    e = [sum(sum(row) / d - row[j] for row in data.ys) for j in range(d)]
    return sp.expand(sum(v**2 for v in e) + SIGMA_1**2 * T**2 * sum(v**2 for v in e[:width]))


def hessian_entry_closed_form(arch: Architecture, data: Data, loss: Loss) -> sp.Expr:
    r""":math:`\partial^2L/(\partial b^\ell_1)^2` at :math:`\rho(t)`, every term, for depth :math:`\ell\ge1`.

    L2: :math:`2nd_{out}\sigma_1^2t^2-2\sigma_2t\sum_{s,k}y_{sk}`.
    Cross-entropy: :math:`\sigma_1^2t^2(\tfrac1{d}-\tfrac1{d^2})\sum_sw_s+\sigma_2t\sum_s(\tfrac{w_s}{d}-y_{s1})`,
    :math:`w_s=\sum_jy_{sj}` (= 1 under Assumption 2).

    >>> hessian_entry_closed_form(Architecture((1, 1), 1, 2), Data(((1,),), ((1, 0),)), "cross_entropy")
    sigma_1**2*t**2/4 - sigma_2*t/2
    """
    d, n = arch.d_out, data.n
    data = Data(*(tuple(tuple(map(sp.sympify, row)) for row in rows) for rows in (data.xs, data.ys)))
    if loss == "l2":
        return sp.expand(2 * n * d * SIGMA_1**2 * T**2 - 2 * SIGMA_2 * T * sum(sum(row) for row in data.ys))
    w = [sum(row) for row in data.ys]
    return sp.expand(SIGMA_1**2 * T**2 * (sp.Rational(1, d) - sp.Rational(1, d**2)) * sum(w)
                     + SIGMA_2 * T * sum(ws / d - row[0] for ws, row in zip(w, data.ys)))


# ---------------------------------------------------------------- the naive reference


def network_expression(arch: Architecture, x: Sequence[sp.Expr], sigma, symbols: dict[Param, sp.Symbol]) -> list[sp.Expr]:
    r""":math:`f_\rho(x)` (eqs. (9)-(10)) as SymPy expressions in the parameter symbols.

    >>> arch = Architecture((1,), 1, 1)
    >>> syms = parameter_symbols(arch)
    >>> network_expression(arch, [sp.Integer(1)], sp.tanh, syms)
    [b2_1 + w2_1_1*tanh(b1_1 + w1_1_1)]
    """
    values, sizes = list(x), arch.sizes()
    for layer in range(1, len(sizes)):
        if layer > 1:
            values = [sigma(v) for v in values]
        values = [symbols[Param("b", layer, j, 0)] + sum(symbols[Param("w", layer, j, k)] * values[k - 1]
                                                         for k in range(1, sizes[layer - 1] + 1))
                  for j in range(1, sizes[layer] + 1)]
    return values


def parameter_symbols(arch: Architecture) -> dict[Param, sp.Symbol]:
    r"""One real symbol per parameter: ``w{i}_{j}_{k}``, ``b{i}_{j}``."""
    return {p: sp.Symbol(f"w{p.layer}_{p.j}_{p.k}" if p.kind == "w" else f"b{p.layer}_{p.j}", real=True)
            for p in arch.parameters()}


def loss_expression(arch: Architecture, data: Data, loss: Loss, sigma, symbols) -> sp.Expr:
    r"""The loss (13) or (14) as one SymPy expression in the parameter symbols."""
    total = sp.Integer(0)
    for x, y in zip(data.xs, data.ys):
        f = network_expression(arch, x, sigma, symbols)
        if loss == "l2":
            total += sum((fk - yk) ** 2 for fk, yk in zip(f, y))
        else:
            lse = sp.log(sum(sp.exp(fk) for fk in f))
            total += -sum(yk * (fk - lse) for fk, yk in zip(f, y))
    return total


def naive_derivatives_on_ray(arch: Architecture, data: Data, loss: Loss, name: str = "generic", *,
                             simplifier=sp.simplify, shifted_at: sp.Expr | None = None) -> tuple[list, sp.Matrix]:
    r"""Gradient and Hessian by ``sympy.hessian`` of the whole loss, then substitution of :math:`\rho(t)`.

    The slow reference (used for cross-checks at small sizes and the benchmark).
    For ``generic``, :math:`\sigma(c)`, :math:`\sigma'(c)`, :math:`\sigma''(c)` become ``0``, ``sigma_1``, ``sigma_2``.

    ``shifted_at``: the shifted ray instead, hidden biases at that point :math:`c'` and output bias
    :math:`-t\sigma(c')M\mathbf 1`, with the activation itself (no 2-jet, no Assumption 1); for ``generic``
    give ``C``: then :math:`\sigma(c)` becomes ``sigma_0``.
    """
    symbols = parameter_symbols(arch)
    act = activation(name)
    sigma = (lambda v: SIGMA(v)) if name == "generic" else (lambda v: act.formula.subs(U, v))
    L = loss_expression(arch, data, loss, sigma, symbols)
    params = [symbols[p] for p in arch.parameters()]
    if shifted_at is None:
        c, sigma_c = (C if name == "generic" else act.c), None
    else:
        c, sigma_c = shifted_at, (SIGMA_0 if name == "generic" else act.formula.subs(U, shifted_at))
    point = {symbols[p]: v for p, v in ray_point(arch, T, ray_matrix(arch, loss), c, sigma_c).items()}
    if name != "generic":
        fix = lambda e: e.subs(point)  # noqa: E731
    elif shifted_at is None:
        fix = lambda e: substitute_at_c(e.subs(point).doit())  # noqa: E731
    else:
        fix = lambda e: _keep_sigma_c(e.subs(point).doit())  # noqa: E731
    gradient = [simplifier(fix(sp.diff(L, p))) for p in params]
    hessian = sp.hessian(L, params).applyfunc(lambda e: simplifier(fix(e)))
    return gradient, hessian


def _keep_sigma_c(expr: sp.Expr) -> sp.Expr:
    r""":math:`\sigma(c)`, :math:`\sigma'(c)`, :math:`\sigma''(c)` of the generic activation as
    ``sigma_0``, ``sigma_1``, ``sigma_2`` (no Assumption 1)."""
    rules = {sp.diff(SIGMA(U), U, 2).subs(U, C): SIGMA_2, sp.diff(SIGMA(U), U).subs(U, C): SIGMA_1}
    return expr.subs(rules).subs(SIGMA(C), SIGMA_0)


# ---------------------------------------------------------------- scope, printed tables, recursion


def scope(depths: Sequence[int] = (2, 3, 4), widths: Sequence[int] = (1, 2), d_ins: Sequence[int] = (1, 2),
          d_outs: Sequence[int] = (1, 2)) -> list[Architecture]:
    r"""The declared finite scope of exhaustive checks: uniform widths for each depth,
    plus the non-uniform widths ``(1, 2)``, ``(2, 1)`` and ``(2, 1, 2)`` where the depth is in range.

    >>> len(scope(depths=(2,), widths=(1,), d_ins=(1,), d_outs=(1,)))
    3
    """
    shapes = [(w,) * depth for depth in depths for w in widths]
    shapes += [s for s in ((1, 2), (2, 1), (2, 1, 2)) if len(s) in depths]
    return [Architecture(s, d_in, d_out) for s in shapes for d_in in d_ins for d_out in d_outs]


def _unit(size: int, j: int, value: sp.Expr = sp.Integer(1)) -> list[sp.Expr]:
    return [value if r == j - 1 else sp.Integer(0) for r in range(size)]


def _times_tM(M, vector: list[sp.Expr], factor: sp.Expr) -> list[sp.Expr]:
    return [factor * T * sum(M[r][q] * vector[q] for q in range(len(vector))) for r in range(len(M))]


def first_derivative_table(arch: Architecture, i: int, p: Param, x, M) -> list[sp.Expr]:
    r"""Claims 1 and 2 as printed (eqs. (17), (20)): :math:`\partial f^i_\rho(x)/\partial p` at :math:`\rho(t)`.

    >>> first_derivative_table(Architecture((1, 1), 1, 1), 3, Param("b", 2, 1, 0), [1], [[1]])
    [sigma_1*t]
    """
    size, last = arch.sizes()[i], arch.depth + 1
    if p.kind == "w":
        return _unit(size, p.j, x[p.k - 1]) if p.layer == i == 1 else [sp.Integer(0)] * size
    if p.layer == i:
        return _unit(size, p.j)
    if p.layer + 1 == i == last:
        return _times_tM(M, _unit(arch.sizes()[i - 1], p.j), SIGMA_1)
    return [sp.Integer(0)] * size


def second_derivative_table(arch: Architecture, i: int, p: Param, q: Param, x, M) -> list[sp.Expr]:
    r"""Claim 3 as printed (eqs. (21)-(23)): :math:`\partial^2 f^i_\rho(x)/\partial p\,\partial q` at
    :math:`\rho(t)`; the variable of the lower layer is :math:`z^{i_1}`.  Lemma 11 is ``i = depth + 1``.

    >>> second_derivative_table(Architecture((1, 1), 1, 1), 3, Param("b", 2, 1, 0), Param("b", 2, 1, 0), [1], [[1]])
    [sigma_2*t]
    """
    low, high = sorted((p, q), key=lambda z: (z.layer, z.kind == "w"))
    i1, i2, ell, sizes = low.layer, high.layer, arch.depth, arch.sizes()
    zero = [sp.Integer(0)] * sizes[i]
    if low.kind == "w" and high.kind == "w" and i1 == 1 and i2 == 2:
        inner = _unit(sizes[2], high.j, x[low.k - 1] if high.k == low.j else sp.Integer(0))
        if i == 2:
            return [SIGMA_1 * v for v in inner]
        return _times_tM(M, inner, SIGMA_1**2) if (i == 3 and ell == 2) else zero
    if low.kind == "b" and high.kind == "w" and i1 + 1 == i2:
        inner = _unit(sizes[i2], high.j, sp.Integer(1) if high.k == low.j else sp.Integer(0))
        if i == i2:
            return [SIGMA_1 * v for v in inner]
        return _times_tM(M, inner, SIGMA_1**2) if (i2 == i - 1 == ell) else zero
    if low.kind == "b" and high.kind == "b" and i1 == i2 == ell and i == ell + 1:
        return _times_tM(M, _unit(sizes[ell], low.j, sp.Integer(1) if low.j == high.j else sp.Integer(0)), SIGMA_2)
    return zero


def first_derivative_mismatches(arch: Architecture, table=first_derivative_table, *, layers=None,
                                kinds=("w", "b")) -> list[str]:
    r"""Every :math:`(i, p)` where the computed :math:`\partial f^i/\partial p` differs from ``table``
    (symbolic input ``x`` and symbolic direction ``M``, so a match holds for all of them).

    >>> first_derivative_mismatches(Architecture((1, 1), 1, 1))
    []
    """
    x, M = symbolic_data(1, arch.d_in, arch.d_out).xs[0], symbolic_matrix(arch)
    jets, index, out = _cached_layer_jets(arch), _index(arch), []
    for i in layers or range(1, arch.depth + 2):
        for p in (p for p in arch.parameters() if p.kind in kinds):
            computed = [jet.derivative(index[p]) for jet in jets[i - 1]]
            for got, want in zip(computed, table(arch, i, p, x, M)):
                if sp.expand((got.as_expr() if got else 0) - want) != 0:
                    out.append(f"{arch}: d f^{i}/d {p.latex()} = {got.as_expr() if got else 0}, table says {want}")
                    break
    return out


def second_derivative_mismatches(arch: Architecture, table=second_derivative_table, *, layers=None) -> list[str]:
    r"""Every :math:`(i, p, q)` where :math:`\partial^2 f^i/\partial p\partial q` differs from ``table``.

    >>> second_derivative_mismatches(Architecture((1, 1), 1, 1))
    []
    """
    x, M = symbolic_data(1, arch.d_in, arch.d_out).xs[0], symbolic_matrix(arch)
    jets, params, out = _cached_layer_jets(arch), arch.parameters(), []
    for i in layers or range(1, arch.depth + 2):
        for a, p in enumerate(params):
            for b in range(a, len(params)):
                want = table(arch, i, p, params[b], x, M)
                got = [jet.second_derivative(a, b) for jet in jets[i - 1]]
                if any(sp.expand((g.as_expr() if g else 0) - w) != 0 for g, w in zip(got, want)):
                    out.append(f"{arch}: d2 f^{i}/d {p.latex()} d {params[b].latex()} = "
                               f"{[g.as_expr() if g else 0 for g in got]}, table says {want}")
    return out


@functools.cache
def _cached_layer_jets(arch: Architecture, shifted: bool = False) -> list[list[Jet]]:
    return layer_jets(arch, symbolic_data(1, arch.d_in, arch.d_out).xs[0], symbolic_matrix(arch), shifted)


#: Order-tracking variable of the layer recursion.
EPSILON = sp.Symbol("epsilon", positive=True)


def _generic_inputs(width: int):
    lam = sp.symbols(f"lambda_1:{width + 1}", real=True)
    quad = sp.symbols(f"q_1:{width + 1}", real=True)
    dM = sp.symbols(f"dM_1:{width + 1}", real=True)
    return lam, quad, dM


def _second_order(expr: sp.Expr) -> sp.Expr:
    series = sp.series(expr, EPSILON, 0, 3).removeO()
    return sp.expand(substitute_at_c(series.doit()))


@functools.cache
def hidden_layer_recursion(width: int = 2) -> tuple[sp.Expr, sp.Expr]:
    r"""Inductive step for a hidden layer :math:`i\ge2` (both sides, to second order in :math:`\varepsilon`).

    If :math:`f^{i-1}_k=c+\varepsilon\lambda_k+\varepsilon^2q_k+O(\varepsilon^3)` and the layer-:math:`i`
    parameters are :math:`M^i=\varepsilon\,\delta M`, :math:`b^i_j=c+\varepsilon\,\delta b`, then
    :math:`f^i_j=c+\varepsilon\,\delta b+\varepsilon^2\sigma'(c)\sum_k\delta M_k\lambda_k+O(\varepsilon^3)`:
    the new first-order part is :math:`\delta b^i` alone, whatever :math:`q` is.

    >>> lhs, rhs = hidden_layer_recursion(1)
    >>> sp.expand(lhs - rhs)
    0
    """
    lam, quad, dM = _generic_inputs(width)
    db = sp.Symbol("db", real=True)
    pre = sum(EPSILON * dM[k] * SIGMA(C + EPSILON * lam[k] + EPSILON**2 * quad[k]) for k in range(width))
    lhs = _second_order(pre + C + EPSILON * db)
    rhs = C + EPSILON * db + EPSILON**2 * SIGMA_1 * sum(dM[k] * lam[k] for k in range(width))
    return lhs, rhs


@functools.cache
def output_layer_recursion(width: int = 2) -> tuple[sp.Expr, sp.Expr]:
    r"""The output layer :math:`f^{\ell+1}=(tM+\varepsilon\delta M)\sigma(f^\ell)+\varepsilon\delta b`, one row:
    first order :math:`t\sigma'(c)\sum_kM_k\lambda_k+\delta b`, second order
    :math:`t\sum_kM_k(\sigma'(c)q_k+\tfrac12\sigma''(c)\lambda_k^2)+\sigma'(c)\sum_k\delta M_k\lambda_k`.

    >>> lhs, rhs = output_layer_recursion(1)
    >>> sp.expand(lhs - rhs)
    0
    """
    lam, quad, dM = _generic_inputs(width)
    db, Mrow = sp.Symbol("db", real=True), sp.symbols(f"M_1:{width + 1}", real=True)
    out = sum((T * Mrow[k] + EPSILON * dM[k]) * SIGMA(C + EPSILON * lam[k] + EPSILON**2 * quad[k]) for k in range(width))
    lhs = _second_order(out + EPSILON * db)
    rhs = (EPSILON * (T * SIGMA_1 * sum(Mrow[k] * lam[k] for k in range(width)) + db)
           + EPSILON**2 * (T * sum(Mrow[k] * (SIGMA_1 * quad[k] + SIGMA_2 * lam[k] ** 2 / 2) for k in range(width))
                           + SIGMA_1 * sum(dM[k] * lam[k] for k in range(width))))
    return lhs, sp.expand(rhs)


@functools.cache
def chain_rule_on_ray(width: int = 2) -> tuple[sp.Expr, sp.Expr]:
    r"""Eq. (25) for one row: :math:`\partial_{z_2}\partial_{z_1}\sum_kM_k\sigma(g_k(z))` at :math:`g=c`
    equals :math:`\sigma''(c)\sum_kM_k\partial_{z_2}g_k\partial_{z_1}g_k+\sigma'(c)\sum_kM_k\partial_{z_2}\partial_{z_1}g_k`.

    >>> lhs, rhs = chain_rule_on_ray(1)
    >>> sp.expand(lhs - rhs)
    0
    """
    z1, z2 = sp.symbols("z1 z2", real=True)
    Mrow = sp.symbols(f"M_1:{width + 1}", real=True)
    g = [sp.Function(f"g_{k + 1}", real=True)(z1, z2) for k in range(width)]
    expr = sum(Mrow[k] * SIGMA(g[k]) for k in range(width))
    derivs = [(sp.Symbol(f"g{k + 1}_z1"), sp.Symbol(f"g{k + 1}_z2"), sp.Symbol(f"g{k + 1}_z1z2")) for k in range(width)]
    lhs = sp.diff(expr, z1, z2)
    lhs = lhs.subs({sp.diff(g[k], z1, z2): derivs[k][2] for k in range(width)})
    lhs = lhs.subs({sp.diff(g[k], z1): derivs[k][0] for k in range(width)})
    lhs = lhs.subs({sp.diff(g[k], z2): derivs[k][1] for k in range(width)})
    lhs = substitute_at_c(lhs.subs({gk: C for gk in g}).doit())
    rhs = (SIGMA_2 * sum(Mrow[k] * derivs[k][1] * derivs[k][0] for k in range(width))
           + SIGMA_1 * sum(Mrow[k] * derivs[k][2] for k in range(width)))
    return sp.expand(lhs), sp.expand(rhs)


@functools.cache
def naive_output_derivatives(arch: Architecture, *, keep_sigma_c: bool = True) -> tuple[list[list], list[list]]:
    r"""Jacobian and Hessian of :math:`f_\rho(x)` (one symbolic input) at :math:`\rho(t)` with symbolic M,
    by direct SymPy differentiation of the whole network with the generic :math:`\sigma`.

    With ``keep_sigma_c`` the value :math:`\sigma(c)` stays the symbol ``sigma_0`` (Assumption 1 dropped).
    Returns ``(jac, hess)`` with ``jac[a][r]`` and ``hess[a][b][r]`` for output ``r``.
    """
    symbols, x, M = parameter_symbols(arch), symbolic_data(1, arch.d_in, arch.d_out).xs[0], symbolic_matrix(arch)
    f = network_expression(arch, x, lambda v: SIGMA(v), symbols)
    params = [symbols[p] for p in arch.parameters()]
    point = {symbols[p]: v for p, v in ray_point(arch, T, M).items()}
    rules = {sp.diff(SIGMA(U), U, 2).subs(U, C): SIGMA_2, sp.diff(SIGMA(U), U).subs(U, C): SIGMA_1}

    def fix(e):
        e = e.subs(point).doit().subs(rules)
        return sp.expand(e.subs(SIGMA(C), SIGMA_0 if keep_sigma_c else 0))

    jac = [[fix(sp.diff(fr, p)) for fr in f] for p in params]
    hess = [[[fix(sp.diff(fr, p, q)) for fr in f] for q in params] for p in params]
    return jac, hess


@functools.cache
def first_order_chain_rule_on_ray(width: int = 2) -> tuple[sp.Expr, sp.Expr]:
    r"""Eq. (19) for one row: :math:`\partial_z\sum_kM_k\sigma(g_k(z))` at :math:`g=c` is
    :math:`\sigma'(c)\sum_kM_k\partial_zg_k`.

    >>> lhs, rhs = first_order_chain_rule_on_ray(1)
    >>> sp.expand(lhs - rhs)
    0
    """
    z = sp.Symbol("z", real=True)
    Mrow = sp.symbols(f"M_1:{width + 1}", real=True)
    g = [sp.Function(f"g_{k + 1}", real=True)(z) for k in range(width)]
    slopes = [sp.Symbol(f"g{k + 1}_z") for k in range(width)]
    lhs = sp.diff(sum(Mrow[k] * SIGMA(g[k]) for k in range(width)), z)
    lhs = lhs.subs({sp.diff(g[k], z): slopes[k] for k in range(width)})
    lhs = substitute_at_c(lhs.subs({gk: C for gk in g}).doit())
    return sp.expand(lhs), sp.expand(SIGMA_1 * sum(Mrow[k] * slopes[k] for k in range(width)))


def constants_on_ray(arch: Architecture) -> list[list[sp.Expr]]:
    r"""The values :math:`f^i_\rho(x)` at :math:`\rho(t)` (eqs. (15), (16)), layer by layer.

    >>> constants_on_ray(Architecture((1, 1), 1, 1))
    [[c], [c], [0]]
    """
    return [[jet.const.as_expr() for jet in layer] for layer in _cached_layer_jets(arch)]


# ---------------------------------------------------------------- the same identities for a row of any width

#: The width of a row (the number of summands k): a symbol, so an identity proved with it holds for every width.
WIDTH = sp.Symbol("K", integer=True, positive=True)
#: The summation index of a row.
ROW_INDEX = sp.Symbol("k", integer=True, positive=True)


def _row(name: str) -> sp.IndexedBase:
    return sp.IndexedBase(name, real=True)


def _row_sum(summand: sp.Expr) -> sp.Sum:
    return sp.Sum(summand, (ROW_INDEX, 1, WIDTH))


def _truncated_row(summand: sp.Expr) -> sp.Sum:
    r""":math:`\sum_{k=1}^K` of the second-order truncation of ``summand`` in :math:`\varepsilon`.

    Truncating a polynomial in :math:`\varepsilon` at order 2 is linear, so the truncation of the row
    :math:`\sum_k g_k` is :math:`\sum_k` of the truncations: SymPy expands one summand (a symbolic one,
    with indexed entries) and the sum keeps the width :math:`K` symbolic.
    """
    return _row_sum(_second_order(summand))


@functools.cache
def hidden_layer_recursion_any_width() -> tuple[sp.Expr, sp.Expr]:
    r""":func:`hidden_layer_recursion` for a row of any width :math:`K` (indexed :math:`\lambda_k`, :math:`q_k`,
    :math:`\delta M_k`)."""
    k, lam, quad, dM = ROW_INDEX, _row("lambda"), _row("q"), _row("dM")
    db = sp.Symbol("db", real=True)
    lhs = _truncated_row(EPSILON * dM[k] * SIGMA(C + EPSILON * lam[k] + EPSILON**2 * quad[k])) + C + EPSILON * db
    rhs = C + EPSILON * db + EPSILON**2 * SIGMA_1 * _row_sum(dM[k] * lam[k])
    return lhs, rhs


@functools.cache
def output_layer_recursion_any_width() -> tuple[sp.Expr, sp.Expr]:
    r""":func:`output_layer_recursion` for a row of any width :math:`K`."""
    k, lam, quad, dM, Mrow = ROW_INDEX, _row("lambda"), _row("q"), _row("dM"), _row("M")
    db = sp.Symbol("db", real=True)
    lhs = _truncated_row((T * Mrow[k] + EPSILON * dM[k]) * SIGMA(C + EPSILON * lam[k] + EPSILON**2 * quad[k])) \
        + EPSILON * db
    rhs = (EPSILON * (T * SIGMA_1 * _row_sum(Mrow[k] * lam[k]) + db)
           + EPSILON**2 * (T * _row_sum(Mrow[k] * (SIGMA_1 * quad[k] + SIGMA_2 * lam[k] ** 2 / 2))
                           + SIGMA_1 * _row_sum(dM[k] * lam[k])))
    return lhs, rhs


def _differentiated_row(summand: sp.Expr, *variables: sp.Symbol) -> sp.Sum:
    r"""SymPy's derivative of the row :math:`\sum_{k=1}^K` ``summand`` (it differentiates under the finite sum)."""
    derivative = sp.diff(_row_sum(summand), *variables)
    if not isinstance(derivative, sp.Sum):
        raise ValueError(f"the derivative of the row is not a sum: {derivative}")
    return derivative


@functools.cache
def chain_rule_on_ray_any_width() -> tuple[sp.Expr, sp.Expr]:
    r""":func:`chain_rule_on_ray` (eq. (25)) for a row of any width :math:`K`: :math:`g_k(z_1,z_2)` is an
    undefined function of the row index and the two variables, its derivatives become indexed symbols."""
    k, z1, z2, Mrow = ROW_INDEX, *sp.symbols("z1 z2", real=True), _row("M")
    g = sp.Function("g", real=True)(k, z1, z2)
    g1, g2, g12 = _row("g_z1"), _row("g_z2"), _row("g_z1z2")
    row = _differentiated_row(Mrow[k] * SIGMA(g), z1, z2)
    summand = row.function.subs({sp.diff(g, z1, z2): g12[k]}).subs({sp.diff(g, z1): g1[k], sp.diff(g, z2): g2[k]})
    lhs = sp.Sum(sp.expand(substitute_at_c(summand.subs(g, C).doit())), *row.limits)
    rhs = SIGMA_2 * _row_sum(Mrow[k] * g2[k] * g1[k]) + SIGMA_1 * _row_sum(Mrow[k] * g12[k])
    return lhs, rhs


@functools.cache
def first_order_chain_rule_on_ray_any_width() -> tuple[sp.Expr, sp.Expr]:
    r""":func:`first_order_chain_rule_on_ray` (eq. (19)) for a row of any width :math:`K`."""
    k, z, Mrow, slope = ROW_INDEX, sp.Symbol("z", real=True), _row("M"), _row("g_z")
    g = sp.Function("g", real=True)(k, z)
    row = _differentiated_row(Mrow[k] * SIGMA(g), z)
    lhs = sp.Sum(sp.expand(substitute_at_c(row.function.subs(sp.diff(g, z), slope[k]).subs(g, C).doit())), *row.limits)
    return lhs, SIGMA_1 * _row_sum(Mrow[k] * slope[k])


def at_width(expr: sp.Expr, width: int) -> sp.Expr:
    r"""``expr`` with the row width :math:`K` set to ``width``, the sums written out and each indexed entry
    :math:`a_k` a plain real symbol ``a_k`` (so that exact and random-point checks apply).

    >>> at_width(_row_sum(_row("M")[ROW_INDEX]), 2)
    M_1 + M_2
    """
    finite = sp.sympify(expr).subs(WIDTH, width).doit()
    return finite.replace(lambda e: isinstance(e, sp.Indexed),
                          lambda e: sp.Symbol(f"{e.base}_{'_'.join(map(str, e.indices))}", real=True))
