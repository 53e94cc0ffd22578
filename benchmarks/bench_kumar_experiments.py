r"""Full-length reruns of Kumar's experiments (App. A.1.5, B.2, B.4); not collected by pytest.

    python benchmarks/bench_kumar_experiments.py            # runs everything, prints a summary
    python benchmarks/bench_kumar_experiments.py --write    # also writes the two capture records below

The JSONs hold what the claim ``kumar.experiment_capture`` quotes from the full
6000-iteration numpy reruns, one per reading of the decay rule (the listing lost the
indentation of its second ``if``): ``proofs/kumar/data/kumar_capture_full_run.json`` (reading
``two_cuts``, step x 0.81 per loss increase) and ``proofs/kumar/data/kumar_capture_full_run_one_cut.json``
(reading ``one_cut``, x 0.9): the final loss, the plateau, the last 1000 one-norms, the
final weights (hex floats) and the first 60 losses (which the default checks re-derive
with a short run of the same code, as a regression check of each record).  The paper's
own PyTorch loop is run by ``benchmarks/bench_kumar_torch.py`` (optional; needs torch).
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numeric import kumar_experiments as ke  # noqa: E402

JSON_PATHS = {2: ROOT / "proofs" / "data" / "kumar_capture_full_run.json",
              1: ROOT / "proofs" / "data" / "kumar_capture_full_run_one_cut.json"}
ULP = 2.0**-40  # spacing of doubles in [4096, 8192)


def capture_summary(cuts: int = 2, variants_too: bool = True) -> dict:
    r"""The printed run under one reading (``cuts`` step cuts per loss increase), plus (reading
    ``two_cuts`` only) variants that change only summation order or the initial weights."""
    s = ke.CAPTURE_SETTINGS
    x, y = ke.capture_data(s["nrows"], s["ncols"], seed=s["seed"])
    w0 = ke.torch_linear_init(s["ncols"], seed=s["seed"])
    start = time.perf_counter()
    run = ke.capture_run(x, y, w0, lr=s["lr"], l1=s["l1"], l2=s["l2"], max_iter=s["max_iter"], cuts_per_increase=cuts)
    seconds = time.perf_counter() - start
    final = float(run.losses[-1])
    plateau = int(len(run.losses) - np.argmax((run.losses == final)[::-1] == False))  # noqa: E712
    excess = run.excess[-1000:]
    variants = {}
    for name, (xv, wv) in ({} if not variants_too else {"column_major_matvec": (np.asfortranarray(x), w0),
                           "numpy_init_seed_7": (x, np.random.RandomState(7).uniform(-1, 1, s["ncols"]))}).items():
        other = ke.capture_run(xv, y, wv, lr=s["lr"], l1=s["l1"], max_iter=s["max_iter"])
        variants[name] = {"final_loss": repr(float(other.losses[-1])), "increases": other.increases,
                          "final_lr": float(other.lrs[-1]), "final_one_norm": float(other.one_norms[-1])}
    if variants_too:
        threaded = ke._capture_loop(x, y, w0.copy(), s["lr"], s["l1"], s["l2"], s["max_iter"], s["decay_factor"], "loss")
        variants["blas_default_threads"] = {"final_loss": repr(float(threaded.losses[-1])), "increases": threaded.increases,
                                            "final_lr": float(threaded.lrs[-1]), "final_one_norm": float(threaded.one_norms[-1]),
                                            "max_relative_loss_difference": float(np.max(np.abs(threaded.losses - run.losses) / run.losses))}
    return {
        "settings": s, "cuts_per_increase": cuts, "reading": {2: "two_cuts", 1: "one_cut"}[cuts], "numpy": np.__version__, "machine": platform.machine(), "python": platform.python_version(),
        "seconds": round(seconds, 2),
        "final_loss": repr(final), "final_loss_16": format(final, ".16g"),
        "last_1000_distinct_losses": int(np.unique(run.losses[-1000:]).size),
        "plateau_start": plateau, "increases": run.increases, "final_lr": float(run.lrs[-1]),
        "first_losses": [repr(float(v)) for v in run.losses[:60]],
        "last_1000_one_norms": [float(v) for v in run.one_norms[-1000:]],
        "last_1000_excess_ulps_series": [float(v / ULP) for v in excess],
        "last_1000_excess_ulps": {"min": float(excess.min() / ULP), "max": float(excess.max() / ULP),
                                  "increases": int(np.sum(np.diff(excess) > 0))},
        "final_max_abs_weight": float(np.max(np.abs(run.weights))),
        "final_weights_hex": [float(v).hex() for v in run.weights],
        "variants": variants,
    }


def lasso_summary() -> dict:
    r"""B.2 with the settings chosen in ``proofs/kumar/experiment_lasso.py``, several seeds."""
    from proofs.kumar.experiment_lasso import SETTINGS
    out = {}
    for seed in range(5):
        X, y, beta0 = ke.general_lasso_data(SETTINGS["nrows"], SETTINGS["ncols"], seed=seed)
        norms = {}
        for lam in SETTINGS["lams"]:
            for dtype in ("float64", "float32"):
                _, path = ke.general_lasso_ndgm(X, y, beta0, lam=lam, alpha=SETTINGS["alpha"], steps=SETTINGS["steps"], dtype=dtype)
                norms[f"{lam}/{dtype}"] = round(float(path[-1]), 4)
        out[seed] = norms
    return out


def comparison_summary() -> dict:
    r"""B.4 at the claim's size in float32/float64/decimal(80), and at n = 100, alpha = 0.01, 1e5 steps in floats."""
    from proofs.kumar.experiment_comparison import SETTINGS
    out = {}
    for n, alpha, steps, kinds in ((SETTINGS["n"], SETTINGS["alpha"], SETTINGS["steps"], ("float32", "float64", "decimal")),
                                   (100, 0.01, 100000, ("float32", "float64"))):
        beta0 = np.random.RandomState(SETTINGS["seed"]).uniform(-1, 1, n)
        for lam in SETTINGS["lams"]:
            for arithmetic in kinds:
                rows = {}
                for opt in ("ndgm", "rmsprop"):
                    losses, zeros = ke.toy_lasso_losses(beta0, opt, alpha=alpha, lam=lam, steps=steps, arithmetic=arithmetic,
                                                        dps=SETTINGS["dps"])
                    rows[opt] = [float(v) for v in losses[-100:]]
                    rows[opt + "_zeros"] = zeros
                above = sum(r > m for r, m in zip(rows["rmsprop"], rows["ndgm"]))
                out[f"n={n}/lam={lam}/{arithmetic}"] = {"ndgm": [min(rows["ndgm"]), max(rows["ndgm"])],
                                                        "rmsprop": [min(rows["rmsprop"]), max(rows["rmsprop"])],
                                                        "rmsprop_above_of_100": above, "rmsprop_zero_entries": rows["rmsprop_zeros"]}
    return out


def main() -> None:
    for cuts, path in JSON_PATHS.items():
        summary = capture_summary(cuts, variants_too=cuts == 2)
        shown = {k: v for k, v in summary.items() if not k.startswith(("first_", "last_1000_one", "last_1000_excess_ulps_s", "final_weights"))}
        print(json.dumps(shown, indent=1))
        if "--write" in sys.argv:
            path.write_text(json.dumps(summary, indent=0) + "\n")
            print("wrote", path)
    if "--capture-only" not in sys.argv:
        print("lasso:", json.dumps(lasso_summary(), indent=1))
        print("comparison:", json.dumps(comparison_summary(), indent=1))


if __name__ == "__main__":
    main()
