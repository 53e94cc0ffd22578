r"""Kumar B.1-B.11 at the paper's settings, too long for the default tests.

* exact zeros per optimizer in float32/float64 with Table 2's settings (lr = 0.003, lambda in {0.002, 2},
  gamma = 0.99, eps = 1e-8, U[-1,1] init), run until NDGM has entered its 2-cycle;
* Figure 6's lambda = 0.001: fraction of late iterates with RMSProp loss > NDGM loss.

Run from the repository root: ``python -m benchmarks.bench_kumar_optimizers`` or
``PYTHONPATH=. python benchmarks/bench_kumar_optimizers.py``.
"""

from __future__ import annotations

import json
import time
from math import ceil

import numpy as np

from numeric.optimizers import zero_entry_frequency
from proofs.kumar.prop_b_11 import late_loss_comparison


def table_2_zero_counts(n: int = 5000) -> list[dict]:
    rows = []
    for lam in (0.002, 2.0):
        steps = ceil(1 / (0.003 * lam)) + 2000
        for optimizer in ("sgd", "momentum", "rmsprop", "adam"):
            for dtype in (np.float32, np.float64):
                rows.append(zero_entry_frequency(optimizer, n=n, steps=steps, alpha=0.003, lam=lam, dtype=dtype))
    return rows


if __name__ == "__main__":
    start = time.time()
    print(json.dumps({"table_2_settings": table_2_zero_counts(),
                      "figure_6_lambda_0.001_rmsprop_above_ndgm": [late_loss_comparison(0.001, seed=s) for s in range(2)],
                      "seconds": round(time.time() - start, 1)}, indent=1))
