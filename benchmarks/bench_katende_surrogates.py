r"""Growth of the best smoothness constant L_beta of the surrogate loss (Katende, Prop 1).

For each admissible family and beta = 10^k, prints the exact lower bound (1+x^2)|k_beta(0)|,
the mpmath mirror sup_theta ||grad^2 L_beta||, the rigorous upper bound, and L_beta / beta
against its limit (1+x^2)|y| sup|phi''|.  Run: ``python benchmarks/bench_katende_surrogates.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import sympy as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from numeric import surrogates as num  # noqa: E402
from proofs.katende.prop_1 import M2, upper_bound  # noqa: E402
from symbolic import surrogates as m  # noqa: E402


def main(x: int = 2, y: int = 3) -> None:
    for family in ("softplus", "sqrt"):
        limit = (1 + x * x) * abs(y) * M2[family]
        print(f"{family}: L_beta/beta -> {limit}")
        for k in range(0, 7):
            beta = 10**k
            subs = {m.beta: beta, m.x: x, m.y: y}
            start = time.perf_counter()
            found = num.best_smoothness_constant(family, beta, x, y, grid=200)
            lo, hi = (sp.N(b.subs(subs), 15) for b in (m.smoothness_lower_bound(family), upper_bound(family)))
            print(f"  beta=1e{k}: lower {lo:.10g}  mirror {float(found):.10g}  upper {hi:.10g}  "
                  f"mirror/beta {float(found) / beta:.8f}  ({time.perf_counter() - start:.2f} s)")


if __name__ == "__main__":
    main()
