r"""Kumar's own PyTorch code, run as printed: the capture experiment (App. A.1.5) and the
toy-LASSO comparisons of NDGM and RMSProp (App. B.4, Figure 6).

Optional: needs ``torch`` (``pip install -e '.[torch]'``); nothing in the default checks imports
this module.  It is the reference the numpy reproductions (:mod:`numeric.kumar_experiments`)
are compared with, bit for bit where they should agree (``tests/numeric/test_torch_reference.py``,
skipped without torch), and what ``benchmarks/bench_kumar_torch.py`` runs to write
``proofs/kumar/data/kumar_capture_torch.json``.

The A.1.5 listing lost its indentation.  Its decay block reads ::

    if curr_loss > prev_loss:
        <lr *= decay_factor>; recent_losses.clear()
    else:
        recent_losses.append(curr_loss); ...
    if curr_loss > prev_loss:            # <- this test's indentation is lost
        <lr *= decay_factor>; recent_losses.clear()

so there are two readings of the rule (:data:`READINGS`): the second test at loop level fires
again after every increase (``two_cuts``: the step is multiplied by 0.81), or it sits inside the
``else`` branch, where it can never fire (``one_cut``: by 0.9, as the prose says: "the learning rate
is reduced by a factor of 0.9 every time the loss increases").  The "patience" bookkeeping never
changes the step in either reading.

Main functions: :func:`capture_problem`, :func:`capture_runner`, :func:`capture_record`,
:func:`toy_lasso_torch`.
"""

from __future__ import annotations

import functools
from typing import Any, Literal, Sequence

import numpy as np

try:  # optional dependency: the module imports without torch, its functions need it
    import torch
except ImportError:  # pragma: no cover - exercised where torch is absent
    torch = None

__all__ = ["READINGS", "available", "capture_problem", "capture_record", "capture_runner", "toy_lasso_torch"]

#: Step multiplier per loss increase under each reading of the lost indentation.
READINGS: dict[str, int] = {"two_cuts": 2, "one_cut": 1}

#: The printed settings of App. A.1.5 (``runner(model, x.double(), y.double(), lr=0.01, l1_penalty=0.001, ...)``).
SETTINGS = {"nrows": 5000, "ncols": 500, "seed": 42, "lr": 0.01, "l1": 0.001, "l2": 0.0, "max_iter": 6000,
            "decay_factor": 0.9, "patience": 100}


def available() -> bool:
    r"""True when torch can be imported."""
    return torch is not None


def _need_torch() -> None:
    if torch is None:
        raise ImportError("torch not installed: pip install -e '.[torch]'")


def capture_problem(seed: int = SETTINGS["seed"], nrows: int = SETTINGS["nrows"], ncols: int = SETTINGS["ncols"]):
    r"""``generate_dummy_data`` and ``BaseNN(ncols, init_low=-1, init_high=1)`` of A.1.5, seeded as printed.

    Returns ``(linear, x, y)``: the float64 ``nn.Linear`` (no bias) and the data as float64 tensors
    (drawn by NumPy, rounded to float32 by ``torch.Tensor``, widened by ``.double()``).
    """
    _need_torch()
    x, y = _data(seed, nrows, ncols)
    torch.manual_seed(seed)  # the data come from NumPy's generator; torch's draws only the weights
    linear = torch.nn.Linear(ncols, 1, bias=False).double()
    torch.nn.init.uniform_(linear.weight, -1, 1)
    return linear, x.clone(), y.clone()


@functools.cache
def _data(seed: int, nrows: int, ncols: int):
    np.random.seed(seed)
    x = torch.Tensor(np.random.uniform(-1, 1, size=(nrows, ncols)))
    y = torch.Tensor(np.random.uniform(-0.99, -0.9, size=(nrows, 1)))
    return x.double(), y.double()


def capture_runner(linear, x, y, *, reading: Literal["two_cuts", "one_cut"], lr: float = SETTINGS["lr"],
                   l1: float = SETTINGS["l1"], l2: float = SETTINGS["l2"], max_iter: int = SETTINGS["max_iter"],
                   decay_factor: float = SETTINGS["decay_factor"], patience: int = SETTINGS["patience"],
                   keep_last: int = 10) -> dict[str, Any]:
    r"""``runner`` of A.1.5 under one reading of its decay block; ``linear`` is trained in place.

    Per iteration ``k`` (before step ``k``) records the float loss, :math:`\|w_k\|_1` (summed by NumPy
    in float64, as the paper's plotting of the saved weights would) and the learning rate; keeps the
    weights :math:`w_k` of the last ``keep_last`` iterations.
    """
    _need_torch()
    if reading not in READINGS:
        raise ValueError(f"reading must be one of {sorted(READINGS)}, got {reading!r}")
    torch.set_num_threads(1)  # fixes ATen's reduction order
    optimizer = torch.optim.SGD(linear.parameters(), lr=lr)
    criterion = torch.nn.MSELoss(reduction="sum")
    losses, one_norms, lrs, recent, prev, tail = [], [], [], [], float("inf"), []
    for k in range(max_iter):
        loss = criterion(torch.relu(linear(x)), y)
        loss = loss + l2 * linear.weight.pow(2).sum() + l1 * torch.norm(linear.weight, p=1)
        current = loss.item()
        losses.append(current)
        w_k = linear.weight.detach().numpy()[0]
        one_norms.append(float(np.abs(w_k).sum()))
        if k >= max_iter - keep_last:
            tail.append(w_k.copy())
        lrs.append(optimizer.param_groups[0]["lr"])
        if current > prev:
            _decay(optimizer, decay_factor)
            recent.clear()
        else:
            recent.append(current)
            if len(recent) > patience:
                recent.pop(0)
            # reading one_cut: the second test sits here, where current > prev is false: dead code
        if reading == "two_cuts" and current > prev:  # reading two_cuts: the second test at loop level fires again
            _decay(optimizer, decay_factor)
            recent.clear()
        prev = current
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    return {"losses": np.array(losses), "one_norms": np.array(one_norms), "lrs": np.array(lrs),
            "weights": linear.weight.detach().numpy()[0].copy(), "last_weights": tail}


def _decay(optimizer, factor: float) -> None:
    for group in optimizer.param_groups:
        group["lr"] *= factor


def capture_record(reading: Literal["two_cuts", "one_cut"], max_iter: int = SETTINGS["max_iter"]) -> dict[str, Any]:
    r"""The paper's run under ``reading``, summarized for ``proofs/kumar/data/kumar_capture_torch.json``."""
    linear, x, y = capture_problem()
    run = capture_runner(linear, x, y, reading=reading, max_iter=max_iter)
    losses, norms = run["losses"], run["one_norms"]
    final = float(losses[-1])
    changed = np.nonzero(np.diff(losses))[0]
    return {"reading": reading, "torch": torch.__version__, "threads": 1, "max_iter": max_iter,
            "final_loss": repr(final), "last_1000_distinct_losses": int(np.unique(losses[-1000:]).size),
            "plateau_start": int(changed[-1]) + 1 if changed.size else 0,
            "increases": int(np.sum(np.diff(losses) > 0)), "final_lr": float(run["lrs"][-1]),
            "first_losses": [repr(float(v)) for v in losses[:60]],
            "last_1000_one_norms": [float(v) for v in norms[-1000:]],
            "final_max_abs_weight": float(np.max(np.abs(run["weights"]))),
            "final_weights_hex": [float(v).hex() for v in run["weights"]],
            # w_k for the last 10 iterations k = max_iter-10 .. max_iter-1 (their real losses are enclosed exactly)
            "last_10_weights_hex": [[float(v).hex() for v in w] for w in run["last_weights"]],
            "last_10_losses": [repr(float(v)) for v in losses[-10:]]}


def toy_lasso_torch(beta0: Sequence[float], optimizer: Literal["ndgm", "rmsprop"], *, alpha: float, lam: float,
                    steps: int, dtype: Literal["float32", "float64"] = "float64",
                    keep: int | None = None) -> tuple[list[float], np.ndarray]:
    r"""NDGM (``torch.optim.SGD``) or RMSProp (``torch.optim.RMSprop``, defaults ``alpha=0.99, eps=1e-8``)
    on the toy LASSO (7), :math:`\lambda\|\beta\|_1` (``lam * p.abs().sum()``), as B.4's figure was made.

    Returns the losses of iterates ``0..steps-1`` (the last ``keep`` when given) and the final iterate.
    """
    _need_torch()
    torch.set_num_threads(1)
    p = torch.tensor(np.asarray(beta0, dtype=np.float64), dtype=getattr(torch, dtype)).requires_grad_(True)
    opt = torch.optim.SGD([p], lr=alpha) if optimizer == "ndgm" else torch.optim.RMSprop([p], lr=alpha)
    losses = []
    first_kept = 0 if keep is None else steps - keep
    for k in range(steps):
        loss = lam * p.abs().sum()
        if k >= first_kept:
            losses.append(loss.item())
        opt.zero_grad()
        loss.backward()
        opt.step()
    return losses, p.detach().numpy().astype(np.float64)
