r"""Kumar's own PyTorch code (App. A.1.5 and the B.4 toy comparisons) against the numpy reruns; needs torch.

    pip install -e '.[torch]'
    python benchmarks/bench_kumar_torch.py            # capture run (both readings, ~35 s each) + toy comparisons
    python benchmarks/bench_kumar_torch.py --write    # also writes proofs/kumar/data/kumar_capture_torch.json
    python benchmarks/bench_kumar_torch.py --toy-only # the toy comparisons only (seconds)

The JSON holds, for each reading of the decay rule (``two_cuts``: x 0.81 per loss increase;
``one_cut``: x 0.9), the paper's 6000-iteration run in PyTorch float64 on one CPU thread: the
final loss (``repr``), the plateau, the last 1000 one-norms, the final weights (hex floats)
and the first 60 losses.  ``kumar.experiment_capture`` reads it (never reruns torch).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numeric import kumar_experiments as ke  # noqa: E402
from numeric import torch_reference as tr  # noqa: E402

JSON_PATH = ROOT / "proofs" / "data" / "kumar_capture_torch.json"
PRINTED_LOSS = 4461.786221675728


def capture() -> dict:
    r"""Both readings of the printed loop; whether each lands on the printed loss bit for bit."""
    out = {}
    for reading in tr.READINGS:
        start = time.perf_counter()
        record = tr.capture_record(reading)
        record["seconds"] = round(time.perf_counter() - start, 1)
        record["equals_printed_loss"] = float(record["final_loss"]) == PRINTED_LOSS
        out[reading] = record
        print(reading, {k: v for k, v in record.items() if not k.startswith(("first_", "last_1000_one", "final_weights"))},
              flush=True)
    return out


def toy() -> dict:
    r"""NDGM/RMSProp on (7): torch vs the numpy formulas, iterates and losses, float32 and float64."""
    beta0 = np.random.RandomState(0).uniform(-1, 1, 100)
    out = {}
    for optimizer in ("ndgm", "rmsprop"):
        for dtype in ("float64", "float32"):
            for lam in (0.001, 1.0):
                t_losses, t_final = tr.toy_lasso_torch(beta0, optimizer, alpha=0.1, lam=lam, steps=12000, dtype=dtype)
                n_losses, zeros = ke.toy_lasso_losses(beta0, optimizer, alpha=0.1, lam=lam, steps=12000, arithmetic=dtype)
                out[f"{optimizer}/{dtype}/lam={lam:g}"] = {
                    "losses_bit_identical": [float(a) for a in t_losses] == [float(b) for b in n_losses],
                    "max_relative_loss_difference": float(max(abs(a - b) / max(abs(a), 1e-300) for a, b in zip(t_losses, n_losses))),
                    "torch_zero_entries": int(np.sum(t_final == 0)), "numpy_zero_entries": zeros}
    return out


def main() -> None:
    if not tr.available():
        print("torch not installed: pip install -e '.[torch]'")
        return
    print("toy:", json.dumps(toy(), indent=1))
    if "--toy-only" in sys.argv:
        return
    records = capture()
    if "--write" in sys.argv:
        JSON_PATH.write_text(json.dumps(records, indent=0) + "\n")
        print("wrote", JSON_PATH)


if __name__ == "__main__":
    main()
