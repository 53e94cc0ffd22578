"""``benchmarks/bench_mutation.py --report A --report B``: sampled runs of one tree pooled into one sample."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_mutation", ROOT / "benchmarks" / "bench_mutation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look their module up there
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def _row(module, n, k, survivors, included=None, population=100):
    row = {"module": module, "population": population, "mutants": n, "killed": k, "survived": n - k, "timeout": 0,
           "seconds": 1.0, "survivors": survivors, "score": round(100 * k / n, 1)}
    return dict(row, included_from=included) if included else row


def test_two_seeds_pool_per_module_and_count_a_full_run_once():
    bench = _bench()
    engine = _row("proofs/engine.py", 10, 9, [{"line": 1}], included="mutation.json", population=10)
    a = {"seed": 8, "wall_s": 5.0, "table": [_row("proofs/x/a.py", 4, 3, [{"line": 7, "verdict": "equivalent"}]),
                                               engine]}
    b = {"seed": 9, "wall_s": 6.0, "table": [_row("proofs/x/a.py", 4, 2, [{"line": 8}, {"line": 9}]), engine]}
    pooled = bench.pooled([a, b])
    rows = {r["module"]: r for r in pooled["table"]}
    assert (rows["proofs/x/a.py"]["mutants"], rows["proofs/x/a.py"]["killed"]) == (8, 5)
    assert [s["line"] for s in rows["proofs/x/a.py"]["survivors"]] == [7, 8, 9]
    assert rows["proofs/engine.py"]["mutants"] == 10  # the engine's full run is the same rows in both: once
    assert (pooled["mutants"], pooled["killed"], pooled["wall_s"], pooled["seeds"]) == (18, 14, 11.0, [8, 9])
    # stratified: (100 * 5/8 + 10 * 9/10) / 110; without the one equivalent, a.py's 7 non-equivalent mutants
    assert abs(pooled["estimate"]["overall"]["estimate"] - round(100 * (62.5 + 9) / 110, 1)) < 1e-9
    without = bench.estimate(pooled["table"], without_equivalent=True)["overall"]["estimate"]
    assert abs(without - round(100 * (88 * 5 / 7 + 9) / 98, 1)) < 1e-9
    # the inputs are not changed by pooling
    assert a["table"][0]["mutants"] == 4 and len(a["table"][0]["survivors"]) == 1
