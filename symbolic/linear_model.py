r"""Cooper's network of depth :math:`\ell = 0` (no hidden layer), exactly.

With no hidden layer the composition (7) of [Cooper, App. A.3.1] is the single
affine map :math:`f_\rho(x) = M^1x + b^1` (no activation is applied), with
:math:`M^1\in\mathbb R^{d_\mathrm{out}\times d_\mathrm{in}}` (the paper calls it a
":math:`c_i\times c_{i+1}` matrix" but applies it as :math:`M^1x`).  The
parameter vector :math:`\rho` lists :math:`w_{jk}` row by row, then :math:`b_j`.

Losses: L2 (13) :math:`L=\sum_s\|f_\rho(x_s)-y_s\|^2` and cross-entropy (14)
:math:`L=-\sum_m\sum_j [y_m]_j\log\operatorname{softmax}_j(f_\rho(x_m))`.

Closed forms (derived here, checked against ``sympy.hessian`` of the loss in
the claims): with :math:`J_s = \partial f_\rho(x_s)/\partial\rho` (constant),
:math:`\tilde x_s=(x_s,1)`, :math:`G=\sum_s\tilde x_s\tilde x_s^\top`,
:math:`s_m=\sum_j[y_m]_j` and :math:`S(p)=\operatorname{diag}(p)-pp^\top`,

.. math::
    \mathbf H L_{2} = 2\sum_s J_s^\top J_s, \qquad
    \mathbf H L_{\mathrm{CE}}(\rho) = \sum_m s_m J_m^\top S(\operatorname{softmax}(f_\rho(x_m))) J_m .

Main functions: :func:`parameters`, :func:`output`, :func:`l2_loss`,
:func:`cross_entropy_loss`, :func:`gradient`, :func:`hessian`,
:func:`output_jacobian`, :func:`gram`, :func:`l2_hessian_closed_form`,
:func:`cross_entropy_hessian_closed_form`,
:func:`cross_entropy_hessian_as_printed_32`, :func:`l2_smoothness_constant`,
:func:`cross_entropy_smoothness_constant`, :func:`operator_norm_at_most`.
"""

from __future__ import annotations

import random
from typing import Sequence

import sympy as sp

Data = Sequence[Sequence[sp.Expr]]


def weights(d_in: int, d_out: int) -> sp.Matrix:
    r"""The weight matrix :math:`M^1 = (w_{jk})`, :math:`d_\mathrm{out}\times d_\mathrm{in}`.

    >>> weights(2, 1)
    Matrix([[w_1_1, w_1_2]])
    """
    return sp.Matrix(d_out, d_in, lambda j, k: sp.Symbol(f"w_{j + 1}_{k + 1}", real=True))


def biases(d_out: int) -> sp.Matrix:
    r"""The bias vector :math:`b^1 = (b_j)`.

    >>> biases(2).T
    Matrix([[b_1, b_2]])
    """
    return sp.Matrix(d_out, 1, lambda j, _: sp.Symbol(f"b_{j + 1}", real=True))


def parameters(d_in: int, d_out: int) -> list[sp.Symbol]:
    r""":math:`\rho`: the weights row by row, then the biases.

    >>> parameters(1, 2)
    [w_1_1, w_2_1, b_1, b_2]
    """
    return list(weights(d_in, d_out)) + list(biases(d_out))


def _column(x: Sequence[sp.Expr]) -> sp.Matrix:
    return sp.Matrix([sp.sympify(v) for v in x])


def output(x: Sequence[sp.Expr], d_out: int) -> sp.Matrix:
    r""":math:`f_\rho(x) = M^1x + b^1` (eq. (7) with :math:`\ell=0`).

    >>> output([3], 1)
    Matrix([[b_1 + 3*w_1_1]])
    """
    return weights(len(x), d_out) * _column(x) + biases(d_out)


def l2_loss(xs: Data, ys: Data) -> sp.Expr:
    r"""The L2 loss (13), :math:`\sum_s\|f_\rho(x_s)-y_s\|^2`.

    >>> l2_loss([[1]], [[2]])
    (b_1 + w_1_1 - 2)**2
    """
    return sum((sum((e**2 for e in output(x, len(y)) - _column(y)), sp.Integer(0)) for x, y in zip(xs, ys)),
               sp.Integer(0))


def cross_entropy_loss(xs: Data, ys: Data) -> sp.Expr:
    r"""The cross-entropy loss (14), :math:`-\sum_m\sum_j[y_m]_j\log\frac{e^{[f]_j}}{\sum_k e^{[f]_k}}`
    (:math:`b = d_\mathrm{out}` classes).

    >>> cross_entropy_loss([[0]], [[1]])
    0
    """
    total = sp.Integer(0)
    for x, y in zip(xs, ys):
        logits = output(x, len(y))
        partition = sum(sp.exp(z) for z in logits)
        total -= sum(sp.sympify(yj) * sp.expand_log(sp.log(sp.exp(z) / partition), force=True)
                     for yj, z in zip(y, logits))
    return sp.simplify(total) if len(ys[0]) == 1 else total


def gradient(loss: sp.Expr, rho: Sequence[sp.Symbol]) -> sp.Matrix:
    r""":math:`\nabla L(\rho)` as a column.

    >>> gradient(l2_loss([[1]], [[2]]), parameters(1, 1)).T
    Matrix([[2*b_1 + 2*w_1_1 - 4, 2*b_1 + 2*w_1_1 - 4]])
    """
    return sp.Matrix([sp.diff(loss, v) for v in rho])


def hessian(loss: sp.Expr, rho: Sequence[sp.Symbol]) -> sp.Matrix:
    r""":math:`\mathbf H L(\rho)` by differentiating the loss twice.

    >>> hessian(l2_loss([[1]], [[2]]), parameters(1, 1))
    Matrix([
    [2, 2],
    [2, 2]])
    """
    return sp.hessian(loss, list(rho))


def output_jacobian(x: Sequence[sp.Expr], d_out: int) -> sp.Matrix:
    r""":math:`J = \partial f_\rho(x)/\partial\rho`, built from the layout of
    :math:`\rho` (:math:`\partial[f]_j/\partial w_{jk}=x_k`, :math:`\partial[f]_j/\partial b_j=1`).

    >>> output_jacobian([5], 2)
    Matrix([
    [5, 0, 1, 0],
    [0, 5, 0, 1]])
    """
    d_in = len(x)
    jac = sp.zeros(d_out, d_out * (d_in + 1))
    for j in range(d_out):
        for k in range(d_in):
            jac[j, j * d_in + k] = sp.sympify(x[k])
        jac[j, d_out * d_in + j] = 1
    return jac


def gram(xs: Data) -> sp.Matrix:
    r""":math:`G=\sum_s\tilde x_s\tilde x_s^\top` with :math:`\tilde x_s=(x_s,1)`.

    >>> gram([[1], [2]])
    Matrix([
    [5, 3],
    [3, 2]])
    """
    tilde = [_column(list(x) + [1]) for x in xs]
    return sum((v * v.T for v in tilde), sp.zeros(len(tilde[0])))


def l2_hessian_closed_form(xs: Data, d_out: int) -> sp.Matrix:
    r""":math:`2\sum_s J_s^\top J_s` (no parameter appears: the Hessian is constant).

    >>> l2_hessian_closed_form([[1]], 1)
    Matrix([
    [2, 2],
    [2, 2]])
    """
    return 2 * sum((output_jacobian(x, d_out).T * output_jacobian(x, d_out) for x in xs),
                   sp.zeros(d_out * (len(xs[0]) + 1)))


def softmax(z: sp.Matrix) -> sp.Matrix:
    r""":math:`p_k = e^{z_k}/\sum_j e^{z_j}`.

    >>> softmax(sp.Matrix([0, 0])).T
    Matrix([[1/2, 1/2]])
    """
    partition = sum(sp.exp(v) for v in z)
    return sp.Matrix([sp.exp(v) / partition for v in z])


def softmax_curvature(p: sp.Matrix) -> sp.Matrix:
    r""":math:`S(p) = \operatorname{diag}(p) - pp^\top`, the Hessian of log-sum-exp.

    >>> softmax_curvature(sp.Matrix([sp.Rational(1, 2), sp.Rational(1, 2)])).tolist()
    [[1/4, -1/4], [-1/4, 1/4]]
    """
    return sp.diag(*p) - p * p.T


def class_mass(y: Sequence[sp.Expr]) -> sp.Expr:
    r""":math:`s_m = \sum_j [y_m]_j` (equal to 1 under Assumption 2).

    >>> class_mass([sp.Rational(1, 3), sp.Rational(2, 3)])
    1
    """
    return sum((sp.sympify(v) for v in y), sp.Integer(0))


def softmax_weight_symbols(n: int, d_out: int) -> list[list[sp.Symbol]]:
    r"""Symbols :math:`p_{m,k}` standing for :math:`\operatorname{softmax}(f_\rho(x_m))_k`.

    >>> softmax_weight_symbols(1, 2)
    [[p_1_1, p_1_2]]
    """
    return [[sp.Symbol(f"p_{m + 1}_{k + 1}", positive=True) for k in range(d_out)] for m in range(n)]


def cross_entropy_hessian_in_weights(xs: Data, ys: Data) -> sp.Matrix:
    r""":math:`\sum_m s_m J_m^\top S(p_m) J_m` with the softmax weights as the symbols
    of :func:`softmax_weight_symbols` (compact: no exponentials).

    >>> cross_entropy_hessian_in_weights([[0]], [[1, 0]])[2, 2]
    -p_1_1**2 + p_1_1
    """
    d_out = len(ys[0])
    total = sp.zeros(d_out * (len(xs[0]) + 1))
    for x, y, p in zip(xs, ys, softmax_weight_symbols(len(xs), d_out)):
        jac = output_jacobian(x, d_out)
        total += class_mass(y) * jac.T * softmax_curvature(sp.Matrix(p)) * jac
    return total.applyfunc(sp.expand)


def cross_entropy_hessian_closed_form(xs: Data, ys: Data) -> sp.Matrix:
    r""":math:`\sum_m s_m J_m^\top S(\operatorname{softmax}(f_\rho(x_m))) J_m`, the general
    Hessian (valid at every :math:`\rho`, with or without Assumption 2).

    >>> entry = cross_entropy_hessian_closed_form([[0]], [[1, 0]])[2, 2]
    >>> entry.subs({sp.Symbol("b_1", real=True): 0, sp.Symbol("b_2", real=True): 0})
    1/4
    """
    d_out = len(ys[0])
    total = sp.zeros(d_out * (len(xs[0]) + 1))
    for x, y in zip(xs, ys):
        jac = output_jacobian(x, d_out)
        curvature = softmax_curvature(softmax(output(x, d_out)))
        total += class_mass(y) * jac.T * curvature * jac
    return total


def cross_entropy_hessian_as_printed_32(xs: Data, ys: Data) -> sp.Matrix:
    r"""The right side of the paper's (32) at depth 0, where :math:`\mathbf H[f]_k = 0`:
    :math:`\sum_m\big(\tfrac1{d}\sum_k\nabla[f]_k^\top\nabla[f]_k - \tfrac1{d^2}(\sum_k\nabla[f]_k)^\top(\sum_k\nabla[f]_k)\big)`.

    (32) was derived where :math:`f_\rho(x_m)=0`, so every softmax weight is :math:`1/d`;
    the result does not depend on :math:`\rho`.

    >>> cross_entropy_hessian_as_printed_32([[0]], [[1, 0]])[2:, 2:].tolist()
    [[1/4, -1/4], [-1/4, 1/4]]
    """
    d_out = len(ys[0])
    total = sp.zeros(d_out * (len(xs[0]) + 1))
    for x in xs:
        jac = output_jacobian(x, d_out)
        rows = [jac[k, :] for k in range(d_out)]
        summed = sum(rows[1:], rows[0])
        total += sum((r.T * r for r in rows), sp.zeros(jac.cols)) / d_out - summed.T * summed / d_out**2
    return total


def l2_smoothness_constant(xs: Data) -> sp.Expr:
    r"""An explicit :math:`m` with :math:`\|\mathbf HL_2\|_\mathrm{op}\le m`:
    :math:`m = 2\operatorname{tr}G = 2\sum_s(1+\|x_s\|^2)`.

    >>> l2_smoothness_constant([[1], [2]])
    14
    """
    return 2 * sum((1 + sum(sp.sympify(v) ** 2 for v in x) for x in xs), sp.Integer(0))


def cross_entropy_smoothness_constant(xs: Data, ys: Data) -> sp.Expr:
    r"""An explicit :math:`m` with :math:`\|\mathbf HL_\mathrm{CE}(\rho)\|_\mathrm{op}\le m`
    for every :math:`\rho`: :math:`m=\sum_m|s_m|(1+\|x_m\|^2)`.

    >>> cross_entropy_smoothness_constant([[1], [2]], [[1, 0], [0, 1]])
    7
    """
    return sum((sp.Abs(class_mass(y)) * (1 + sum(sp.sympify(v) ** 2 for v in x)) for x, y in zip(xs, ys)),
               sp.Integer(0))


def operator_norm_at_most(matrix: sp.Matrix, bound: sp.Expr) -> bool:
    r"""Exactly decide :math:`\|A\|_\mathrm{op}\le` ``bound`` for a symmetric rational
    matrix: no root of the characteristic polynomial lies outside
    :math:`[-\mathrm{bound}, \mathrm{bound}]` (Sturm counts, exact).

    >>> operator_norm_at_most(sp.Matrix([[2, 2], [2, 2]]), 4), operator_norm_at_most(sp.Matrix([[2, 2], [2, 2]]), 3)
    (True, False)
    """
    if bound == 0:
        return matrix.is_zero_matrix is True
    lam = sp.Symbol("lambda")
    poly = sp.Poly(matrix.charpoly(lam).as_expr(), lam)
    bound = sp.nsimplify(bound)
    outside = poly.count_roots(bound, None) + poly.count_roots(None, -bound)
    on_edge = sum(1 for b in {bound, -bound} if poly.eval(b) == 0)
    return outside - on_edge == 0


def l2_hessian_from_gram(xs: Data, d_out: int) -> sp.Matrix:
    r"""The matrix with :math:`2G` on the block of each output :math:`j`
    (parameters :math:`w_{j1},\dots,w_{jd_\mathrm{in}},b_j`) and 0 across outputs.

    >>> l2_hessian_from_gram([[1]], 1)
    Matrix([
    [2, 2],
    [2, 2]])
    """
    d_in = len(xs[0])
    twice_gram = 2 * gram(xs)
    out = sp.zeros(d_out * (d_in + 1))
    for j in range(d_out):
        index = [j * d_in + k for k in range(d_in)] + [d_out * d_in + j]
        for a, row in enumerate(index):
            for b, col in enumerate(index):
                out[row, col] = twice_gram[a, b]
    return out


def composition_7(x: Sequence[sp.Expr], layers: Sequence[tuple[sp.Matrix, sp.Matrix]], sigma) -> sp.Matrix:
    r"""The composition (7): :math:`f^1=M^1x+b^1`, :math:`f^i=M^i\sigma(f^{i-1})+b^i`
    for the given ``layers`` :math:`(M^i,b^i)`, :math:`\sigma` applied entrywise.
    With one layer (:math:`\ell=0`) :math:`\sigma` is never applied.

    >>> s = sp.Function("sigma")
    >>> composition_7([1], [(sp.Matrix([[2]]), sp.Matrix([3]))], s)
    Matrix([[5]])
    """
    first_weights, first_biases = layers[0]
    value = first_weights * _column(x) + first_biases
    for weights_i, biases_i in layers[1:]:
        value = weights_i * value.applyfunc(sigma) + biases_i
    return value


def cross_entropy_loss_rewritten(xs: Data, ys: Data) -> sp.Expr:
    r"""The paper's rewriting of (14) under Assumption 2 [Cooper, App. D]:
    :math:`-\sum_m\sum_j[y_m]_j[f]_j + \sum_m\log\sum_k e^{[f]_k}`.

    >>> cross_entropy_loss_rewritten([[0]], [[1, 0]])
    -b_1 + log(exp(b_1) + exp(b_2))
    """
    total = sp.Integer(0)
    for x, y in zip(xs, ys):
        logits = output(x, len(y))
        total += -sum(sp.sympify(yj) * z for yj, z in zip(y, logits)) + sp.log(sum(sp.exp(z) for z in logits))
    return total


def cross_entropy_gradient_31(xs: Data, ys: Data) -> sp.Matrix:
    r"""The right side of (31): :math:`-\sum_m\sum_j[y_m]_j\nabla[f]_j + \sum_m
    \frac{\sum_k e^{[f]_k}\nabla[f]_k}{\sum_k e^{[f]_k}}` (it presumes Assumption 2).

    >>> cross_entropy_gradient_31([[0]], [[1]]).T
    Matrix([[0, 0]])
    """
    d_out = len(ys[0])
    total = sp.zeros(d_out * (len(xs[0]) + 1), 1)
    for x, y in zip(xs, ys):
        jac, logits = output_jacobian(x, d_out), output(x, d_out)
        weights_e = [sp.exp(z) for z in logits]
        for j in range(d_out):
            total += (-sp.sympify(y[j]) + weights_e[j] / sum(weights_e)) * jac[j, :].T
    return total


def seeded_data(n: int, d_in: int, d_out: int, seed: int, *, probabilities: bool) -> tuple[list, list]:
    r"""Deterministic rational data from ``seed``: inputs in :math:`[-3,3]` with
    denominators up to 4; targets likewise, or (``probabilities``) rows of
    nonnegative rationals summing to 1 (Assumption 2).

    >>> xs, ys = seeded_data(2, 1, 2, 7, probabilities=True)
    >>> [sum(y) for y in ys]
    [1, 1]
    """
    rng = random.Random(seed)

    def entry() -> sp.Rational:
        return sp.Rational(rng.randint(-12, 12), rng.randint(1, 4))

    xs = [[entry() for _ in range(d_in)] for _ in range(n)]
    if not probabilities:
        return xs, [[entry() for _ in range(d_out)] for _ in range(n)]
    ys = []
    for _ in range(n):
        raw = [sp.Integer(rng.randint(0, 4)) for _ in range(d_out)]
        raw[rng.randrange(d_out)] += 1
        ys.append([r / sum(raw) for r in raw])
    return xs, ys


#: Size limits of user-given depth-0 problems (exact SymPy Hessians stay fast below them).
MAX_POINTS, MAX_INPUT, MAX_OUTPUT = 32, 6, 10


class BadData(ValueError):
    r"""Data whose shapes do not match the declared sizes (or violate Assumption 2)."""


def data_from_settings(n: int, d_in: int, d_out: int, xs: Data | None, ys: Data | None, seed: int, *,
                       probabilities: bool) -> tuple[list, list]:
    r"""The data set: ``xs``/``ys`` if given (shapes checked against ``n``,
    ``d_in``, ``d_out``), else :func:`seeded_data`.

    Raises:
        BadData: a shape mismatch, or only one of ``xs``/``ys`` given.

    >>> data_from_settings(1, 1, 2, [[2]], [[1, 0]], 0, probabilities=True)
    ([[2]], [[1, 0]])
    """
    if (xs is None) != (ys is None):
        raise BadData("give both xs and ys, or neither (then the data come from the seed)")
    if min(n, d_in, d_out) < 1 or n > MAX_POINTS or d_in > MAX_INPUT or d_out > MAX_OUTPUT:
        raise BadData(f"need 1 <= n <= {MAX_POINTS}, 1 <= d_in <= {MAX_INPUT}, 1 <= d_out <= {MAX_OUTPUT} "
                      f"(got n={n}, d_in={d_in}, d_out={d_out})")
    if xs is None:
        return seeded_data(n, d_in, d_out, seed, probabilities=probabilities)
    if len(xs) != n or len(ys) != n:
        raise BadData(f"xs has {len(xs)} rows and ys {len(ys)}, but n={n}")
    if any(len(x) != d_in for x in xs) or any(len(y) != d_out for y in ys):
        raise BadData(f"every x needs d_in={d_in} entries and every y d_out={d_out}")
    as_rational = [[sp.Rational(v.numerator, v.denominator) if hasattr(v, "denominator") else sp.Rational(v)
                    for v in row] for row in xs], \
                  [[sp.Rational(v.numerator, v.denominator) if hasattr(v, "denominator") else sp.Rational(v)
                    for v in row] for row in ys]
    return as_rational


def depth_two_contrast(loss: str, sigma=sp.tanh) -> sp.Expr:
    r"""For contrast with depth 0: the Hessian entry :math:`\partial^2L/\partial (b^2_1)^2`
    of the smallest depth-2 network (widths 1, :math:`d_\mathrm{in}=1`, one datum
    :math:`x=1`) on Cooper's ray :math:`\rho(t)` with :math:`c=0`, as a function of ``t``.

    L2: :math:`d_\mathrm{out}=1`, :math:`y=1`, :math:`M=\Omega=(1)`; cross-entropy:
    :math:`d_\mathrm{out}=2`, :math:`y=(1,0)`, :math:`M=I=(1,0)^\top`.  Computed by
    differentiating the loss of the composition (7), then substituting the ray.

    >>> depth_two_contrast("l2")
    2*t**2
    """
    t = sp.Symbol("t", real=True)
    d_out = 1 if loss == "l2" else 2
    w1, b1, w2, b2 = sp.symbols("w1 b1 w2 b2", real=True)
    w3 = sp.Matrix(sp.symbols(f"w3_1:{d_out + 1}", real=True))
    b3 = sp.Matrix(sp.symbols(f"b3_1:{d_out + 1}", real=True))
    layers = [(sp.Matrix([[w1]]), sp.Matrix([b1])), (sp.Matrix([[w2]]), sp.Matrix([b2])), (w3, b3)]
    f = composition_7([1], layers, sigma)
    y = [1] if loss == "l2" else [1, 0]
    if loss == "l2":
        value = sum((fj - yj) ** 2 for fj, yj in zip(f, y))
    else:
        value = -sum(yj * (fj - sp.log(sum(sp.exp(fk) for fk in f))) for fj, yj in zip(f, y))
    ray = {w1: 0, b1: 0, w2: 0, b2: 0, **{v: 0 for v in b3}, **{v: t * (1 if i == 0 else 0) for i, v in enumerate(w3)}}
    return sp.simplify(sp.diff(value, b2, 2).subs(ray))


def cross_entropy_hessian_display(xs: Data, ys: Data) -> sp.Matrix:
    r"""The paper's Hessian display before (32) [Cooper, App. D] at depth 0, where
    :math:`\mathbf H[f]_k=0`: :math:`\sum_m\big(\sum_kp_k\nabla[f]_k^\top\nabla[f]_k -
    (\sum_kp_k\nabla[f]_k)^\top(\sum_kp_k\nabla[f]_k)\big)`, :math:`p=\operatorname{softmax}(f_\rho(x_m))`
    (derived under Assumption 2).

    >>> cross_entropy_hessian_display([[0]], [[1, 0]])[2:, 2:].subs({b: 0 for b in biases(2)}).tolist()
    [[1/4, -1/4], [-1/4, 1/4]]
    """
    d_out = len(ys[0])
    total = sp.zeros(d_out * (len(xs[0]) + 1))
    for x in xs:
        jac, p = output_jacobian(x, d_out), softmax(output(x, d_out))
        rows = [jac[k, :] for k in range(d_out)]
        mean = sum((p[k] * rows[k] for k in range(1, d_out)), p[0] * rows[0])
        total += sum((p[k] * rows[k].T * rows[k] for k in range(d_out)), sp.zeros(jac.cols)) - mean.T * mean
    return total
