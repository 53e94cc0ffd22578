r"""Benchmark: how fast the ``smoothcheck`` command line answers, side by side in one run.

Rows (each a fresh process, as a user runs it; the verdict cache in a new empty folder):

* ``--help`` (target < 0.3 s: no SymPy imported to print the usage);
* ``check`` of every claim with an empty cache (cold), with ``-j 1`` and with ``-j N`` (N = CPUs);
* ``check`` again with nothing changed (warm);
* ``list`` with a warm cache (target < 1 s: no claim built, no SymPy);
* ``derive cooper.thm_12 --set depth=32 --set width=32 --set n=4`` (tanh, seeded data, L2 loss),
  against ``torch.autograd`` in float64 on the same network (architecture, activation, data, the
  ray's parameters :math:`\rho(t)`) computing the same quantities, :math:`\|\nabla L(\rho(t))\|^2`
  and :math:`\partial^2L/(\partial b^\ell_1)^2`, at a few t; the values are compared with the
  derived polynomials.  Skipped, saying so, when torch is not installed.  ``derive`` gives the
  quantities for every t, exactly; torch one t at a time, in floating point;
* with ``--suite``: the default test run ``python -m pytest -q -n 2 --hypothesis-profile=ci``
  (target < 60 s on a 2-core machine).

Run: ``python benchmarks/bench_cli_speed.py [--suite] [--repeat K]``.  Not collected by pytest.
Times are wall-clock seconds (the median of ``--repeat`` runs for the quick rows).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DERIVE = ["derive", "cooper.thm_12", "--set", "depth=32", "--set", "width=32", "--set", "n=4"]
SIZES = dict(depth=32, width=32, d_in=2, d_out=2, n=4, seed=0)
T_VALUES = (Fraction(1, 2), Fraction(2), Fraction(10))


def smoothcheck(args: list[str], cache: Path | None) -> tuple[float, int]:
    r"""Wall time and exit status of ``python -m proofs ARGS`` (output discarded)."""
    env = {**os.environ, "SMOOTHCHECK_CACHE_DIR": str(cache)} if cache else dict(os.environ)
    env.pop("SMOOTHCHECK_NO_CACHE", None)
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "proofs", *args], cwd=ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - began, done.returncode


def median_of(repeat: int, args: list[str], cache: Path | None) -> tuple[float, int]:
    runs = [smoothcheck(args, cache) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), max(rc for _, rc in runs)


def derived_values() -> dict[str, object]:
    r"""The derived quantities (SymPy, exact) of ``derive`` at :data:`SIZES`, through the claim's own code."""
    from proofs import registry

    claim = registry.get_claim("cooper.thm_12")
    from proofs.values import parse_settings

    params = parse_settings(claim, [f"{k}={v}" for k, v in SIZES.items() if k in ("depth", "width", "n")])
    from proofs.cooper.ray import configuration, quantities

    arch, data, _ = configuration(params, "l2")
    return {"arch": arch, "data": data, **quantities(arch, data, "l2", "tanh")}


def torch_quantities(arch, data, t: float, c: float) -> tuple[float, float]:
    r""":math:`\|\nabla L(\rho(t))\|^2` and :math:`\partial^2L/(\partial b^\ell_1)^2` with torch.autograd
    (float64): layers :math:`h\mapsto M^ih+b^i`, tanh between them (eqs. (9)-(10)); the ray
    :math:`M^i=0,\ b^i=c\mathbf1` (i <= l), :math:`M^{\ell+1}=t\,\Omega` (all ones), :math:`b^{\ell+1}=0`;
    L2 loss :math:`\sum_s\|f(x_s)-y_s\|^2`."""
    import torch

    sizes, depth = arch.sizes(), arch.depth
    weights, biases = [], []
    for layer in range(1, len(sizes)):
        last = layer == depth + 1
        w = torch.full((sizes[layer], sizes[layer - 1]), t if last else 0.0, dtype=torch.float64, requires_grad=True)
        b = torch.full((sizes[layer],), 0.0 if last else c, dtype=torch.float64, requires_grad=True)
        weights.append(w)
        biases.append(b)
    xs = torch.tensor([[float(v) for v in row] for row in data.xs], dtype=torch.float64)
    ys = torch.tensor([[float(v) for v in row] for row in data.ys], dtype=torch.float64)
    values = xs.T
    for index, (w, b) in enumerate(zip(weights, biases)):
        if index > 0:
            values = torch.tanh(values)
        values = w @ values + b[:, None]
    loss = ((values - ys.T) ** 2).sum()
    params = [p for pair in zip(weights, biases) for p in pair]
    grads = torch.autograd.grad(loss, params, create_graph=True)
    grad_norm_sq = sum((g ** 2).sum() for g in grads)
    entry_bias = biases[max(depth, 1) - 1]  # b^l: the named entry's layer
    first = torch.autograd.grad(loss, entry_bias, create_graph=True)[0][0]
    hessian_entry = torch.autograd.grad(first, entry_bias)[0][0]
    return float(grad_norm_sq.detach()), float(hessian_entry.detach())


def torch_row(derive_s: float) -> list[str]:
    try:
        import torch  # noqa: F401
    except ImportError:
        return ["torch.autograd (float64), same network", "skipped: torch is not installed (pip install '.[torch]')"]
    import sympy as sp

    from symbolic.activations import activation
    from symbolic.network import T

    q = derived_values()
    c = float(activation("tanh").c)
    worst = 0.0
    for t in T_VALUES:
        got = torch_quantities(q["arch"], q["data"], float(t), c)
        want = [float(q[k].subs(T, sp.Rational(t.numerator, t.denominator))) for k in ("grad_norm_sq", "hessian_entry")]
        worst = max(worst, *(abs(g - w) / max(abs(w), 1e-300) for g, w in zip(got, want)))
    runs = []
    for _ in range(5):
        began = time.perf_counter()
        torch_quantities(q["arch"], q["data"], 2.0, c)
        runs.append(time.perf_counter() - began)
    point = statistics.median(runs)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch"], check=True)
    imported = time.perf_counter() - began
    return [f"torch.autograd float64, one t ({len(q['arch'].parameters())} parameters)",
            f"{point:.3f} s per t (+ {imported:.1f} s to start python and import torch); "
            f"derive/torch = {derive_s / point:.0f}x per t, {derive_s / (point + imported):.1f}x with the import; "
            f"max relative difference from the derived polynomials at t = {', '.join(map(str, T_VALUES))}: {worst:.1e}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--suite", action="store_true", help="also time the default pytest run")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the quick rows (median)")
    args = parser.parse_args(argv)
    jobs = os.cpu_count() or 2
    rows: list[list[str]] = []

    def row(name: str, seconds: float, rc: int, target: float | None = None) -> None:
        verdict = "" if target is None else ("  (target < %g s: %s)" % (target, "met" if seconds < target else "MISSED"))
        rows.append([name, f"{seconds:.2f} s{'' if rc == 0 else f', exit {rc}'}{verdict}"])

    with tempfile.TemporaryDirectory(prefix="smoothcheck-bench-") as folder:
        cold, cold_j = Path(folder) / "cold", Path(folder) / "cold-j"
        row("smoothcheck --help", *median_of(args.repeat, ["--help"], None), target=0.3)
        row("check, all claims, empty cache, -j 1", *smoothcheck(["check", "--quiet"], cold))
        row(f"check, all claims, empty cache, -j {jobs}", *smoothcheck(["check", "--quiet", "-j", str(jobs)], cold_j))
        shutil.rmtree(cold_j, ignore_errors=True)
        row("check, all claims, warm cache (nothing changed)", *median_of(args.repeat, ["check", "--quiet"], cold))
        row("list, warm cache", *median_of(args.repeat, ["list"], cold), target=1.0)
        derive_s, derive_rc = smoothcheck(DERIVE, cold)
        row(" ".join(DERIVE), derive_s, derive_rc)
        if derive_rc == 2:
            rows.append(["", "derive refused these sizes (exit 2): see the claim's Parameters"])
    rows.append(torch_row(derive_s) if derive_rc == 0 else ["torch.autograd", "skipped: derive failed"])
    if args.suite:
        began = time.perf_counter()
        suite = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "--hypothesis-profile=ci"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        tail = (suite.stdout.strip().splitlines() or [""])[-1]
        row(f"pytest -q -n 2 --hypothesis-profile=ci ({tail.strip('= ')})", time.perf_counter() - began,
            suite.returncode, target=60.0)
    width = max(len(name) for name, _ in rows)
    print(f"{'what':{width}s}  time")
    print(f"{'-' * width}  {'-' * 40}")
    for name, value in rows:
        print(f"{name:{width}s}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
