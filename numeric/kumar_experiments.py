r"""Kumar's own experiments, rerun in numpy: the capture run (App. A.1.5), the general
LASSO (App. B.2) and the NDGM/RMSProp comparison (App. B.4, Figure 6).

The capture run follows the printed PyTorch code line by line, without torch:

* data: NumPy's legacy ``RandomState(42)``, ``x ~ U(-1, 1)^{5000x500}``,
  ``y ~ U(-0.99, -0.9)^{5000}``, rounded to float32 (``torch.Tensor``) then to float64;
* weights: ``nn.Linear(500, 1, bias=False)`` draws its Kaiming init (500 float32
  uniforms, one 32-bit MT19937 word each) and ``nn.init.uniform_(w, -1, 1)`` then draws
  500 float64 uniforms (two words each, ``(hi << 32 | lo) & (2^53 - 1)``) from torch's
  CPU generator, an MT19937 seeded by ``init_genrand(42)`` -- the same stream as
  NumPy's legacy generator, so :func:`torch_linear_init` rebuilds the weights from
  ``RandomState(42)``'s raw words (ATen ``CPUGeneratorImpl::random64``,
  ``transformation::uniform_real``; not compared with torch, which is not installed);
* loop: sum-reduced squared error ``+ l2*||w||^2 + l1*||w||_1``; after a loss increase the
  learning rate is multiplied by 0.9 once or twice (``cuts_per_increase``): the printed code
  tests ``curr_loss > prev_loss`` in two places and the listing lost the indentation that says
  whether the second test can fire (two readings, :data:`numeric.torch_reference.READINGS`;
  the "patience" decay never fires in either); the subgradient uses ``relu'(0) = 0`` and
  ``sign(0) = 0``; SGD step ``w - lr*g``.

What differs from torch: the order of the floating-point sums (BLAS ``X @ w`` and
``np.sum`` against ATen's kernels) and the absence of FMA in the step.

Main functions: :func:`capture_data`, :func:`torch_linear_init`, :func:`capture_run`,
:func:`minimum_exact`, :func:`excess_enclosure`, :func:`ulp_distance`,
:func:`parity_bands`, :func:`squared_sum_variants`, :func:`general_lasso_data`,
:func:`general_lasso_ndgm`, :func:`lasso_minimizer`, :func:`toy_lasso_losses`.
"""

from __future__ import annotations

import contextlib
import ctypes
import decimal
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal, Sequence

import mpmath
import numpy as np

__all__ = [
    "CaptureRun",
    "capture_data",
    "band_statistics",
    "capture_run",
    "excess_enclosure",
    "general_lasso_data",
    "general_lasso_ndgm",
    "lasso_minimizer",
    "minimum_exact",
    "parity_bands",
    "squared_sum_variants",
    "torch_linear_init",
    "toy_lasso_float",
    "toy_lasso_losses",
    "ulp_distance",
]

#: The printed settings of App. A.1.5.
CAPTURE_SETTINGS = {"nrows": 5000, "ncols": 500, "seed": 42, "lr": 0.01, "l1": 0.001, "l2": 0.0,
                    "max_iter": 6000, "decay_factor": 0.9}


# ---------------------------------------------------------------- the capture run (A.1.5)


def capture_data(nrows: int = 5000, ncols: int = 500, *, seed: int = 42,
                 x_range: tuple[float, float] = (-1.0, 1.0),
                 y_range: tuple[float, float] = (-0.99, -0.9)) -> tuple[np.ndarray, np.ndarray]:
    r"""``generate_dummy_data`` of A.1.5: legacy ``RandomState(seed)`` draws, rounded to
    float32 as ``torch.Tensor`` does, then widened to float64 (``x.double()``).

    Returns ``(x, y)`` with ``x`` of shape ``(nrows, ncols)`` and ``y`` of shape ``(nrows,)``.

    >>> x, y = capture_data(3, 2)
    >>> x.dtype, y.shape, bool(np.all(x == x.astype(np.float32)))
    (dtype('float64'), (3,), True)
    """
    rng = np.random.RandomState(seed)
    x = rng.uniform(*x_range, size=(nrows, ncols))
    y = rng.uniform(*y_range, size=(nrows, 1))
    return x.astype(np.float32).astype(np.float64), y.astype(np.float32).astype(np.float64)[:, 0]


def torch_linear_init(ncols: int, *, seed: int = 42, low: float = -1.0, high: float = 1.0) -> np.ndarray:
    r"""The weights of ``BaseNN(ncols, init_low=low, init_high=high)`` after ``torch.manual_seed(seed)``.

    Skips the ``ncols`` 32-bit words of the float32 Kaiming init, then maps each pair
    ``(hi, lo)`` of words to :math:`((hi\,2^{32}+lo) \bmod 2^{53})\,2^{-53}(high-low)+low`.

    >>> w = torch_linear_init(4)
    >>> w.shape, bool(np.all((w >= -1) & (w < 1)))
    ((4,), True)
    """
    words = np.random.RandomState(seed)._bit_generator.random_raw(3 * ncols).astype(np.uint64)
    pairs = words[ncols:].reshape(ncols, 2)
    mantissa = ((pairs[:, 0] << np.uint64(32)) | pairs[:, 1]) & np.uint64((1 << 53) - 1)
    return (mantissa.astype(np.float64) * 2.0**-53) * (high - low) + low


@contextlib.contextmanager
def _single_threaded_blas():
    r"""Run NumPy's bundled OpenBLAS on one thread, restoring the previous count afterwards.

    One thread fixes the summation order whatever the machine's core count (threaded
    ``r @ x`` splits the 5000-term sums, which moves the losses by ~5e-15 relative from
    iteration 5 on; the final loss is the same), and on a loaded 2-core machine the threaded
    5000x500 products were 7x slower.  A no-op when the library or its symbols are not found.
    """
    try:
        path = next(line.split()[-1] for line in open("/proc/self/maps") if "openblas" in line)
        lib = ctypes.CDLL(path)
        get, put = lib.scipy_openblas_get_num_threads64_, lib.scipy_openblas_set_num_threads64_
    except (OSError, StopIteration, AttributeError):
        yield
        return
    before = get()
    put(1)
    try:
        yield
    finally:
        put(before)


@dataclass(frozen=True)
class CaptureRun:
    r"""Per-iteration records of :func:`capture_run` (index ``k`` = before step ``k``).

    ``excess[k]`` is :math:`f(w_k)-\|y\|^2` summed accurately (``math.fsum`` of the
    float products), i.e. the loss without the constant that hides it.
    """

    losses: np.ndarray
    one_norms: np.ndarray
    inf_norms: np.ndarray
    lrs: np.ndarray
    excess: np.ndarray
    weights: np.ndarray

    @property
    def increases(self) -> int:
        r"""How many times the recorded loss went up."""
        return int(np.sum(np.diff(self.losses) > 0))


def _excess(z: np.ndarray, y: np.ndarray, w: np.ndarray, l1: float, l2: float = 0.0) -> float:
    r""":math:`f(w)-\|y\|^2=\sum_{z_i>0}z_i(z_i-2y_i)+l_2\|w\|^2+l_1\|w\|_1` (rows with :math:`z_i\le0` give
    :math:`\sigma(z_i)=0`), each sum accurate (``math.fsum``)."""
    active = z > 0
    za = z[active]
    return math.fsum(za * (za - 2.0 * y[active])) + l2 * math.fsum(w * w) + l1 * math.fsum(np.abs(w))


def capture_run(x: np.ndarray, y: np.ndarray, w0: np.ndarray, *, lr: float = 0.01, l1: float = 0.001,
                l2: float = 0.0, max_iter: int = 6000, decay_factor: float = 0.9,
                decide_on: Literal["loss", "excess"] = "loss", cuts_per_increase: int = 2) -> CaptureRun:
    r"""``runner`` of A.1.5 in numpy: SGD on :math:`\|\sigma(xw)-y\|^2+l_2\|w\|^2+l_1\|w\|_1`.

    ``decide_on="loss"`` is the printed rule (compare the float loss with the previous
    one); ``"excess"`` applies the same rule to the accurately summed :math:`f-\|y\|^2`.
    ``cuts_per_increase`` is 2 (the second test at loop level: step x 0.81 per increase) or 1
    (the second test inside the ``else``, dead: step x 0.9, as the prose says).

    >>> x, y = capture_data(20, 4)
    >>> run = capture_run(x, y, torch_linear_init(4), max_iter=3)
    >>> len(run.losses), float(run.lrs[0])
    (3, 0.01)
    """
    with _single_threaded_blas():
        return _capture_loop(x, y, np.array(w0, dtype=np.float64), lr, l1, l2, max_iter, decay_factor, decide_on,
                             cuts_per_increase)


def _capture_loop(x, y, w, lr, l1, l2, max_iter, decay_factor, decide_on, cuts_per_increase=2) -> CaptureRun:
    if cuts_per_increase not in (1, 2):
        raise ValueError(f"cuts_per_increase must be 1 or 2, got {cuts_per_increase}")
    prev, prev_excess = float("inf"), float("inf")
    records: dict[str, list[float]] = {k: [] for k in ("loss", "one", "inf", "lr", "excess")}
    for _ in range(max_iter):
        z = x @ w
        residual = np.maximum(z, 0.0) - y
        loss = float(np.sum(residual * residual)) + l2 * float(np.sum(w * w)) + l1 * float(np.sum(np.abs(w)))
        excess = _excess(z, y, w, l1, l2)
        for key, value in zip(records, (loss, np.sum(np.abs(w)), np.max(np.abs(w)), lr, excess)):
            records[key].append(float(value))
        went_up = loss > prev if decide_on == "loss" else excess > prev_excess
        if went_up:  # the printed code's first test
            lr *= decay_factor
        if went_up and cuts_per_increase == 2:  # its second test, when it sits at loop level
            lr *= decay_factor
        prev, prev_excess = loss, excess
        grad = (2.0 * residual * (z > 0)) @ x + 2.0 * l2 * w + l1 * np.sign(w)
        w = w - lr * grad
    arrays = {k: np.array(v) for k, v in records.items()}
    return CaptureRun(arrays["loss"], arrays["one"], arrays["inf"], arrays["lr"], arrays["excess"], w)


def minimum_exact(y: np.ndarray) -> Fraction:
    r""":math:`f^\star=\|y\|_2^2` exactly: the minimum of (3) for :math:`y\le 0`, attained only at 0.

    >>> minimum_exact(np.array([-0.5, -0.25]))
    Fraction(5, 16)
    """
    return sum((Fraction(float(v)) ** 2 for v in y), Fraction(0))


def excess_enclosure(x: np.ndarray, y: np.ndarray, w: np.ndarray, l1: float) -> tuple[Fraction, Fraction]:
    r"""A rigorous enclosure of :math:`f(w)-\|y\|^2=\sum_i[(\sigma(z_i)-y_i)^2-y_i^2]+l_1\|w\|_1`
    for the real (not floating) loss at the float point ``w``, :math:`y\le0`.

    :math:`z=xw` is computed in float64 with the order-free bound
    :math:`|\hat z_i-z_i|\le\gamma_{n+2}(|x||w|)_i` (Higham, Thm 3.5, with margin); the
    per-row terms :math:`\sigma(z)(\sigma(z)-2y)` are increasing in :math:`z` and bounded exactly.

    >>> lo, hi = excess_enclosure(np.eye(2), np.array([-1.0, -1.0]), np.array([0.5, -0.5]), 0.0)
    >>> lo <= Fraction(5, 4) <= hi
    True
    """
    z = x @ w
    u = 2.0**-53
    n = x.shape[1] + 2
    bound = (np.abs(x) @ np.abs(w)) * (n * u / (1 - n * u)) * (1 + 1e-6) + 2.0**-1074
    # exact dyadic arithmetic in integers: every double is an integer multiple of 2^-SHIFT (SHIFT = 1074 + 64)
    lo, hi = 0, 0
    for zi, ei, yi in zip(z.tolist(), bound.tolist(), y.tolist()):
        if zi + ei * 2 <= 0 and Fraction(zi) + Fraction(ei) <= 0:
            continue  # sigma(z) = 0 throughout the row's interval: no contribution
        a, b, yy = max(_dyadic(zi) - _dyadic(ei), 0), max(_dyadic(zi) + _dyadic(ei), 0), _dyadic(yi)
        lo += a * (a - 2 * yy)
        hi += b * (b - 2 * yy)
    scale = Fraction(1, 2 ** (2 * _SHIFT))
    l1_term = Fraction(l1) * sum((abs(Fraction(float(v))) for v in w), Fraction(0))
    return lo * scale + l1_term, hi * scale + l1_term


_SHIFT = 1074 + 64


def _dyadic(v: float) -> int:
    r"""The double ``v`` as the exact integer :math:`v\,2^{\mathrm{SHIFT}}`."""
    num, den = float(v).as_integer_ratio()
    return num * (2**_SHIFT // den)


def ulp_distance(a: float, b: float) -> int:
    r"""How many doubles lie between ``a`` and ``b`` (signed, ``b - a`` in units of the last place).

    >>> ulp_distance(1.0, 1.0 + 2**-52), ulp_distance(4461.786221675728, 4461.7862216757285)
    (1, 1)
    """
    def key(v: float) -> int:
        i = int(np.array(v, dtype=np.float64).view(np.int64))
        return i if i >= 0 else -(i & 0x7FFFFFFFFFFFFFFF)
    return key(b) - key(a)


def parity_bands(norms: Sequence[float]) -> dict[str, float]:
    r"""The two candidate bands of a 2-cycle: the norms at even and at odd positions.

    Returns the mean, min and max of each class and ``gap`` = distance between the
    classes' ranges (negative when they overlap).

    >>> round(parity_bands([1.0, 3.0, 1.1, 3.2])["gap"], 12)
    1.9
    """
    values = np.asarray(norms, dtype=np.float64)
    even, odd = values[0::2], values[1::2]
    low, high = (even, odd) if even.mean() <= odd.mean() else (odd, even)
    return {"even_mean": float(even.mean()), "even_min": float(even.min()), "even_max": float(even.max()),
            "odd_mean": float(odd.mean()), "odd_min": float(odd.min()), "odd_max": float(odd.max()),
            "gap": float(high.min() - low.max())}


def band_statistics(norms: Sequence[float], window: int = 50) -> dict[str, float]:
    r"""How distinct the two parity classes of a sequence of norms are, as a figure would show them.

    * ``alternation``: share of interior points that sit on the same side of their neighbours' mean
      as the parity pattern says (1.0: a perfect up-down alternation);
    * ``separation_sd``: distance between the classes' means in units of their pooled standard
      deviation, after removing a cubic trend (the bands drift slowly);
    * ``windows_separated``: in how many windows of ``window`` points the classes' ranges are disjoint;
    * ``gap``: :func:`parity_bands`' gap over the whole sequence (negative: the ranges overlap).

    >>> b = band_statistics([1.0, 3.0] * 50)
    >>> b["alternation"], b["windows_separated"], b["gap"]
    (1.0, 2, 2.0)
    """
    x = np.asarray(norms, dtype=np.float64)
    idx = np.arange(len(x))
    turn = (x[1:-1] - 0.5 * (x[:-2] + x[2:])) * np.where(idx[1:-1] % 2 == 0, 1.0, -1.0)
    alternation = float(max(np.sum(turn > 0), np.sum(turn < 0)) / len(turn))
    residual = x - np.polyval(np.polyfit(idx, x, 3), idx)
    even, odd = residual[0::2], residual[1::2]
    pooled = math.sqrt((even.var() + odd.var()) / 2)
    apart = abs(even.mean() - odd.mean())
    # No spread within the classes: they are either apart by any number of sd's or not apart at all.
    separation = float(apart / pooled) if pooled > 0 else (math.inf if apart > 0 else 0.0)
    windows = [x[i:i + window] for i in range(0, len(x) - window + 1, window)]
    separated = sum(parity_bands(w)["gap"] > 0 for w in windows)
    return {"alternation": alternation, "separation_sd": separation, "windows_separated": int(separated),
            "windows": len(windows), "gap": parity_bands(x)["gap"]}


def squared_sum_variants(values: np.ndarray) -> dict[str, float]:
    r""":math:`\sum_i v_i` in several summation orders: NumPy's pairwise sum, left to right,
    eight interleaved accumulators (a SIMD reduction), and correctly rounded (``math.fsum``).

    >>> squared_sum_variants(np.array([1.0, 2.0**-53, 2.0**-53]))["fsum"]
    1.0000000000000002
    """
    lanes = np.zeros(8)
    padded = np.concatenate([values, np.zeros((-len(values)) % 8)])
    for row in padded.reshape(-1, 8):
        lanes = lanes + row
    sequential = 0.0
    for v in values.tolist():
        sequential += v
    lane_total = 0.0
    for v in lanes.tolist():
        lane_total += v
    return {"numpy_pairwise": float(np.sum(values)), "sequential": sequential,
            "eight_lanes": lane_total, "fsum": math.fsum(values.tolist())}


# ---------------------------------------------------------------- general LASSO (B.2)


def general_lasso_data(nrows: int, ncols: int, *, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""``X``, ``y`` and :math:`\beta^{(0)}` with entries :math:`U[-1,1]` (B.2), drawn in that order.

    >>> [a.shape for a in general_lasso_data(3, 2)]
    [(3, 2), (3,), (2,)]
    """
    rng = np.random.RandomState(seed)
    return rng.uniform(-1, 1, (nrows, ncols)), rng.uniform(-1, 1, nrows), rng.uniform(-1, 1, ncols)


def general_lasso_ndgm(X: np.ndarray, y: np.ndarray, beta0: np.ndarray, *, lam: float, alpha: float,
                       steps: int, dtype: Any = np.float64) -> tuple[np.ndarray, np.ndarray]:
    r"""NDGM on (19), :math:`\|y-X\beta\|^2+\lambda\|\beta\|_1`, in ``dtype``:
    :math:`\beta\leftarrow\beta-\alpha(-2X^\top(y-X\beta)+\lambda\operatorname{sign}\beta)`.

    Returns ``(final beta, one-norms of beta^(0..steps))``.

    >>> beta, norms = general_lasso_ndgm(np.eye(1), np.zeros(1), np.ones(1), lam=0.0, alpha=0.25, steps=2)
    >>> norms.tolist()
    [1.0, 0.5, 0.25]
    """
    t = np.dtype(dtype).type
    Xt, yt, beta = X.astype(dtype), y.astype(dtype), beta0.astype(dtype).copy()
    two, a, lm = t(2), t(alpha), t(lam)
    norms = [float(np.sum(np.abs(beta)))]
    for _ in range(steps):
        grad = -two * (Xt.T @ (yt - Xt @ beta)) + lm * np.sign(beta)
        beta = beta - a * grad
        norms.append(float(np.sum(np.abs(beta))))
    return beta, np.array(norms)


def lasso_minimizer(X: np.ndarray, y: np.ndarray, lam: float, *, steps: int = 20000) -> np.ndarray:
    r"""The LASSO minimizer of (19) by proximal gradient (ISTA, step :math:`1/L`,
    :math:`L=2\|X\|_2^2`): the point NDGM is meant to approach.

    >>> lasso_minimizer(np.eye(2), np.array([1.0, 0.1]), 1.0).round(6).tolist()
    [0.5, 0.0]
    """
    step = 1.0 / (2.0 * np.linalg.norm(X, 2) ** 2)
    beta = np.zeros(X.shape[1])
    for _ in range(steps):
        point = beta + step * 2.0 * (X.T @ (y - X @ beta))
        beta = np.sign(point) * np.maximum(np.abs(point) - step * lam, 0.0)
    return beta


# ---------------------------------------------------------------- NDGM vs RMSProp on (7) (B.4)


def toy_lasso_losses(beta0: Sequence[float], optimizer: Literal["ndgm", "rmsprop"], *, alpha: float, lam: float,
                     steps: int, arithmetic: Literal["float32", "float64", "mpmath", "decimal"] = "float64",
                     gamma: float = 0.99, eps: float = 1e-8, convention: Literal["pytorch", "paper"] = "pytorch",
                     dps: int = 50) -> tuple[list[Any], int]:
    r"""Losses :math:`\lambda\|\beta^{(k)}\|_1`, ``k = 0..steps-1``, of NDGM (15) or RMSProp (22)-(23)
    on (7), and how many entries of the final iterate are exactly 0.

    RMSProp divides by :math:`\sqrt v+\epsilon` (``pytorch``) or :math:`\sqrt{v+\epsilon}` (``paper``);
    ``mpmath`` and ``decimal`` (faster) run at ``dps`` digits from the float64 values of ``beta0`` and
    the settings; the RMSProp entries' small ends shrink like :math:`\gamma^k`, so a run of ``k``
    steps needs ``dps`` above :math:`k\log_{10}(1/\gamma)` to keep them off exact 0.

    >>> losses, zeros = toy_lasso_losses([0.5], "ndgm", alpha=0.25, lam=1.0, steps=3)
    >>> [float(v) for v in losses], zeros
    ([0.5, 0.25, 0.0], 1)
    """
    if arithmetic == "mpmath":
        with mpmath.workdps(dps):
            return _toy_lasso_mp(beta0, optimizer, alpha, lam, steps, gamma, eps, convention)
    if arithmetic == "decimal":
        return _toy_lasso_decimal(beta0, optimizer, alpha, lam, steps, gamma, eps, convention, dps)
    losses, beta = toy_lasso_float(beta0, optimizer, alpha=alpha, lam=lam, steps=steps, dtype=arithmetic, gamma=gamma,
                                   eps=eps, convention=convention)
    return losses, int(np.sum(beta == 0))


def toy_lasso_float(beta0: Sequence[float], optimizer: Literal["ndgm", "rmsprop"], *, alpha: float, lam: float, steps: int,
                    dtype: Literal["float32", "float64"] = "float64", gamma: float = 0.99, eps: float = 1e-8,
                    convention: Literal["pytorch", "paper"] = "pytorch") -> tuple[list[float], np.ndarray]:
    r"""The float runs of :func:`toy_lasso_losses`: losses of iterates ``0..steps-1`` and the final iterate.

    The update is PyTorch's, operation for operation (``SGD``: ``p + (-lr) g``; ``RMSprop``:
    ``v = gamma v + (1-gamma) g g``, ``p + (-lr) g/(sqrt(v)+eps)``); NDGM's iterates agree with torch's
    bit for bit, RMSProp's only up to torch's square root, which is not correctly rounded on every CPU.

    >>> toy_lasso_float([0.5], "ndgm", alpha=0.25, lam=1.0, steps=2)[1].tolist()
    [0.0]
    """
    t = np.float32 if dtype == "float32" else np.float64
    beta, v = np.asarray(beta0, dtype=t).copy(), np.zeros(len(beta0), dtype=t)
    a, lm, g_, e, one = t(alpha), t(lam), t(gamma), t(eps), t(1)
    losses = []
    for _ in range(steps):
        losses.append(float(lm * np.sum(np.abs(beta))))
        grad = lm * np.sign(beta)
        if optimizer == "ndgm":
            beta = beta - a * grad
            continue
        v = g_ * v + (one - g_) * grad * grad
        scale = np.sqrt(v) + e if convention == "pytorch" else np.sqrt(v + e)
        beta = beta - a * grad / scale
    return losses, beta


def _toy_lasso_mp(beta0, optimizer, alpha, lam, steps, gamma, eps, convention) -> tuple[list[Any], int]:
    a, lm, g_, e = (mpmath.mpf(float(v)) for v in (alpha, lam, gamma, eps))
    beta = [mpmath.mpf(float(b)) for b in beta0]
    v = [mpmath.mpf(0)] * len(beta)
    losses = []
    for _ in range(steps):
        losses.append(lm * mpmath.fsum(abs(b) for b in beta))
        grad = [lm * mpmath.sign(b) for b in beta]
        if optimizer == "ndgm":
            beta = [b - a * gi for b, gi in zip(beta, grad)]
            continue
        v = [g_ * vi + (1 - g_) * gi * gi for vi, gi in zip(v, grad)]
        beta = [b - a * gi / (mpmath.sqrt(vi) + e if convention == "pytorch" else mpmath.sqrt(vi + e))
                for b, gi, vi in zip(beta, grad, v)]
    return losses, sum(1 for b in beta if b == 0)


def _toy_lasso_decimal(beta0, optimizer, alpha, lam, steps, gamma, eps, convention, dps) -> tuple[list[Any], int]:
    r"""As :func:`_toy_lasso_mp` in :mod:`decimal` at ``dps`` digits.  While no entry is 0 every
    :math:`|g_i|=\lambda`, so all entries share one :math:`v^{(k)}` and one step (computed once)."""
    with decimal.localcontext() as ctx:
        ctx.prec = dps
        a, lm, g_, e = (decimal.Decimal(float(v)) for v in (alpha, lam, gamma, eps))
        beta = [decimal.Decimal(float(b)) for b in beta0]
        v = [decimal.Decimal(0)] * len(beta)
        losses, zero, ndgm_step = [], decimal.Decimal(0), a * lm
        for _ in range(steps):
            losses.append(lm * sum(abs(b) for b in beta))
            signs = [(b > 0) - (b < 0) for b in beta]
            if optimizer == "ndgm":
                beta = [b - ndgm_step * s for b, s in zip(beta, signs)]
                continue
            if all(signs) and len(set(v)) == 1:  # the common case: one shared v and one step
                vi = g_ * v[0] + (1 - g_) * lm * lm
                v = [vi] * len(v)
                shared_step = a * lm / ((vi.sqrt() + e) if convention == "pytorch" else (vi + e).sqrt())
                scale = [shared_step] * len(v)
            else:
                v = [g_ * vi + ((1 - g_) * lm * lm if s else zero) for vi, s in zip(v, signs)]
                scale = [a * lm / ((vi.sqrt() + e) if convention == "pytorch" else (vi + e).sqrt()) for vi in v]
            beta = [b - st * s for b, st, s in zip(beta, scale, signs)]
        return losses, sum(1 for b in beta if b == 0)
