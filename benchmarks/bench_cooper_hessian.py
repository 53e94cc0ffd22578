r"""Benchmark: the gradient and Hessian of Cooper's losses along the ray rho(t).

Compares the naive way (``sympy.hessian`` of the whole loss, then substitution of
rho(t), as in the issue) with the second-order expansion at the point
(:func:`symbolic.network.derivatives_on_ray`), at sizes where the naive way
finishes, checks that both give the same matrices, and times the expansion at
depth 10, widths 16, d_out 10, n 8 (target: under 10 s).

Run: ``python benchmarks/bench_cooper_hessian.py [--quick]``.  Not collected by pytest.
"""

from __future__ import annotations

import sys
import time

import sympy as sp

from symbolic import network as net

#: (widths, d_in, d_out, n): 18 and 29 parameters, as in the issue.
NAIVE_SIZES = [((2, 2), 2, 2, 2), ((3, 3), 2, 2, 1)]


def _time(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def compare(widths, d_in, d_out, n, loss="l2", name="tanh") -> dict:
    r"""Naive vs expansion at one size; the two Hessians must be equal entry by entry."""
    arch = net.Architecture(widths, d_in, d_out)
    data = net.seeded_data(n, d_in, d_out, 0, loss)
    net.derivatives_on_ray.cache_clear()
    (gradient, hessian), naive_s = _time(lambda: net.naive_derivatives_on_ray(arch, data, loss, name, simplifier=sp.expand))
    d, fast_s = _time(lambda: net.derivatives_on_ray(arch, data, loss))
    params = arch.parameters()
    same = all(sp.expand(hessian[a, b] - net.at_activation(d.entry(params[a], params[b]), name)) == 0
               for a in range(len(params)) for b in range(len(params)))
    return {"parameters": len(params), "naive_s": naive_s, "expansion_s": fast_s, "speedup": naive_s / fast_s, "equal": same}


def large(loss: str) -> dict:
    r"""Depth 10, widths 16, d_in 4, d_out 10, n 8: the expansion and the derived quantities."""
    arch = net.architecture(10, 16, 4, 10)
    data = net.seeded_data(8, 4, 10, 0, loss)
    net.derivatives_on_ray.cache_clear()

    def run():
        d, e = net.derivatives_on_ray(arch, data, loss), net.named_entry(arch)
        return d, net.at_activation(d.grad_norm_sq(), "gelu"), net.at_activation(d.entry(e, e), "gelu")
    (d, g, h), seconds = _time(run)
    return {"parameters": len(arch.parameters()), "nonzero_hessian_entries": len(d.hessian), "seconds": seconds,
            "grad_norm_sq": str(g)[:60], "hessian_entry": str(h)[:60]}


def main(argv: list[str]) -> None:
    for loss in ("l2", "cross_entropy"):
        row = large(loss)
        print(f"{loss:13s} depth 10 x 16, d_out 10, n 8: {row['parameters']} parameters, "
              f"{row['nonzero_hessian_entries']} nonzero Hessian entries, {row['seconds']:.2f} s "
              f"({'OK' if row['seconds'] < 10 else 'OVER'} the 10 s target)")
    sizes = NAIVE_SIZES[:1] if "--quick" in argv else NAIVE_SIZES
    for widths, d_in, d_out, n in sizes:
        row = compare(widths, d_in, d_out, n)
        print(f"l2 widths {widths}, d_in {d_in}, d_out {d_out}, n {n}: {row['parameters']} parameters, naive "
              f"{row['naive_s']:.2f} s, expansion {row['expansion_s']:.4f} s, speed-up {row['speedup']:.0f}x, "
              f"equal: {row['equal']}")


if __name__ == "__main__":
    main(sys.argv[1:])
