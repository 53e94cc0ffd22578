r"""Cooper's growth claims, drawn from computed data along the ray ρ(t) (the numeric mirror).

:func:`curvature_against_bound` plots, against t, the Hessian entry
|∂²L/∂(b^ℓ_1)²| and the Hessian's spectral norm ‖∇²L(ρ(t))‖ beside the
(L0, L1)-smoothness bound L0 + L1‖∇L(ρ(t))‖ for the constants the user names,
with the witness t* (where the bound first fails, found exactly by the claim)
marked.  The curvature grows like t², the bound like t: they cross.  Every
plotted value is computed by forward-mode hyper-dual numbers in
:mod:`numeric.network` (no SymPy); the spectral norm by NumPy on the full
Hessian.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import mpmath
import numpy as np

from numeric import network as nw


def curve(widths: Sequence[int], d_in: int, d_out: int, xs, ys, activation: str, loss: str,
          ts: Sequence[float], dps: int = 15) -> list[dict[str, float]]:
    r"""At each t: the named Hessian entry, the spectral norm of the Hessian, and ‖∇L‖."""
    p = nw.parameter_count(widths, d_in, d_out)
    rows = []
    for t in ts:
        hessian = np.zeros((p, p))
        for i in range(p):
            for j in range(i, p):
                hessian[i, j] = hessian[j, i] = float(nw.hessian_entry(widths, d_in, d_out, xs, ys, t, loss,
                                                                        activation, i, j, dps=dps))
        grad = float(mpmath.sqrt(nw.grad_norm_sq(widths, d_in, d_out, xs, ys, t, loss, activation, dps=dps)))
        entry = float(nw.named_hessian_entry(widths, d_in, d_out, xs, ys, t, loss, activation, dps=dps))
        rows.append({"t": float(t), "entry": abs(entry), "norm": float(np.linalg.norm(hessian, 2)), "grad": grad})
    return rows


def curvature_against_bound(path: Path, widths: Sequence[int], d_in: int, d_out: int, xs, ys, activation: str,
                            loss: str, L0: Any, L1: Any, t_star: Any, title: str) -> Path:
    r"""The figure: |H_entry(t)|, ‖H(t)‖ and L0 + L1‖∇L(t)‖ against t, with t* marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    top = max(4.0, 2.5 * float(t_star))
    ts = np.linspace(top / 24, top, 24)
    rows = curve(widths, d_in, d_out, xs, ys, activation, loss, ts)
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.semilogy(ts, [r["norm"] for r in rows], "-", label=r"$\|\nabla^2 L(\rho(t))\|_2$")
    ax.semilogy(ts, [r["entry"] for r in rows], "--", label=r"$|\partial^2 L/\partial (b^\ell_1)^2|$")
    ax.semilogy(ts, [float(L0) + float(L1) * r["grad"] for r in rows], "-", color="gray",
                label=rf"$L_0+L_1\|\nabla L(\rho(t))\|$, $(L_0,L_1)=({L0},{L1})$")
    ax.axvline(float(t_star), color="red", lw=0.8, ls=":", label=rf"$t^*={float(t_star):.4g}$ (exact witness)")
    ax.set_xlabel(r"$t$ (along the ray $\rho(t)$)")
    ax.set_ylabel("curvature / bound (numeric mirror)")
    ax.set_title(title, fontsize=9)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(Path(path))
    plt.close(fig)
    return Path(path)


def plotter(loss: str, claim_id: str, title: str):
    r"""The ``plot(params, path)`` of a Cooper ray claim: its figure for the user's architecture, data,
    activation and (L0, L1), with the claim's own exact witness t*."""
    from fractions import Fraction

    from proofs.cooper import ray
    from proofs.errors import BadInput

    def plot(params, path: Path) -> Path:
        arch, data, name = ray.configuration(params, loss)
        if not isinstance(name, str) or name not in {**nw.ACTIVATIONS, **nw.SHIFTED_ACTIVATIONS}:
            raise BadInput(f"plot needs a catalogue activation the numeric mirror computes "
                           f"({', '.join(nw.ACTIVATIONS)}); a formula or 'generic' has no independent mirror")
        t_star = ray.make_witness(loss, claim_id)(params)["points"][0][0]
        xs = [[Fraction(str(v)) for v in row] for row in data.xs]
        ys = [[Fraction(str(v)) for v in row] for row in data.ys]
        L0, L1 = (Fraction(str(params.get(k, 1))) for k in ("L0", "L1"))
        return curvature_against_bound(path, list(arch.widths), arch.d_in, arch.d_out, xs, ys, name, loss, L0, L1,
                                       Fraction(t_star), f"{title}: depth {arch.depth}, widths {list(arch.widths)}, "
                                                         f"n = {len(xs)}, {name}")
    return plot


def figures_for(loss: str, claim_id: str, title: str):
    r"""The claim's default figure (its default parameters), for the document."""
    def figures(outdir: Path) -> list[Path]:
        return [plotter(loss, claim_id, title)({}, Path(outdir) / f"{claim_id.replace('.', '_')}_ray.pdf")]
    return figures
