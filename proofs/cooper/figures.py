r"""Cooper's growth claims, drawn from computed data along the ray ρ(t) (the numeric mirror).

:func:`curvature_against_bound` plots, against t, the Hessian entry
|∂²L/∂(b^ℓ_1)²| and the Hessian's spectral norm ‖∇²L(ρ(t))‖ beside the
(L0, L1)-smoothness bound L0 + L1‖∇L(ρ(t))‖ for the constants the user names,
with the witness t* (where the bound first fails, found exactly by the claim)
marked.  The curvature grows like t², the bound like t: they cross.  Theorems
12 and 14 draw it at their depth; :func:`plot_depth_1` at depth 1, the case the
paper leaves open (the project's claim ``cooper.depth_1``).

:func:`curvature_against_subquadratic_l` (the subquadratic corollary) plots the
same curvatures against ℓ(‖∇L(ρ(t))‖) = a + b‖∇L‖^α, α < 2, on log–log axes
(slopes 2 and α), with the claim's exact witness t* (|H_entry(t*)| > ℓ) marked.

Every plotted value is computed by forward-mode hyper-dual numbers in
:mod:`numeric.network` (no SymPy); the spectral norm by NumPy on the full
Hessian.  Only t* comes from the claims' exact (SymPy, rational) witnesses.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from pathlib import Path
from typing import Any, Sequence

import mpmath
import numpy as np

from numeric import network as nw
from proofs.errors import BadInput


def curve(widths: Sequence[int], d_in: int, d_out: int, xs, ys, activation: str, loss: str,
          ts: Sequence[float], dps: int = 15) -> list[dict[str, float]]:
    r"""At each t: the named Hessian entry, the spectral norm of the Hessian, and ‖∇L‖ (remembered for the
    process: the document and its tests draw the same default figure more than once)."""
    rows = _curve(tuple(widths), d_in, d_out, tuple(map(tuple, xs)), tuple(map(tuple, ys)), activation, loss,
                  tuple(float(t) for t in ts), dps)
    return [dict(row) for row in rows]


@functools.lru_cache(maxsize=64)
def _curve(widths: tuple[int, ...], d_in: int, d_out: int, xs: tuple, ys: tuple, activation: str, loss: str,
           ts: tuple[float, ...], dps: int) -> tuple[dict[str, float], ...]:
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
    return tuple(rows)


def curvature_against_bound(path: Path, widths: Sequence[int], d_in: int, d_out: int, xs, ys, activation: str,
                            loss: str, L0: Any, L1: Any, t_star: Any, title: str) -> Path:
    r"""The figure: |H_entry(t)|, ‖H(t)‖ and L0 + L1‖∇L(t)‖ against t, with t* marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    top = max(4.0, 2.5 * float(t_star))
    ts = np.linspace(top / 12, top, 12)  # 12 full Hessians: about 0.8 s for the default depth-1 network
    rows = curve(widths, d_in, d_out, xs, ys, activation, loss, ts)
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.semilogy(ts, [r["norm"] for r in rows], "-", label=r"$\|\nabla^2 L(\rho(t))\|_2$")
    ax.semilogy(ts, [r["entry"] for r in rows], "--", label=r"$|\partial^2 L/\partial (b^\ell_1)^2|$")
    ax.semilogy(ts, [float(L0) + float(L1) * r["grad"] for r in rows], "-", color="gray",
                label=rf"$L_0+L_1\|\nabla L(\rho(t))\|$, $(L_0,L_1)=({L0},{L1})$")
    ax.axvline(float(t_star), color="red", lw=0.8, ls=":", label=rf"$t^*={float(t_star):.4g}$ (exact witness)")
    ax.set_xlabel(r"$t$ (along the ray $\rho(t)$)")
    ax.set_ylabel("curvature, bound (mirror, 15 digits)")
    ax.set_title(title, fontsize=8)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(Path(path))
    plt.close(fig)
    return Path(path)


#: The largest t* drawn: past it the curvature (~t^2) overflows the floating-point plot (the exact witness,
#: ``smoothcheck witness``, has no such bound).
MAX_T_STAR = 2**150


def mirror_configuration(params, loss: str) -> tuple[Any, list[list[Fraction]], list[list[Fraction]], str]:
    r"""``(architecture, xs, ys, activation)`` of the user's ``--set`` parameters, refused (:class:`BadInput`)
    unless the activation is one the numeric mirror computes."""
    from proofs.cooper import ray

    arch, data, name = ray.configuration(params, loss)
    if not isinstance(name, str) or name not in {**nw.ACTIVATIONS, **nw.SHIFTED_ACTIVATIONS}:
        raise BadInput(f"plot needs a catalogue activation the numeric mirror computes "
                       f"({', '.join(nw.ACTIVATIONS)}); a formula or 'generic' has no independent mirror")
    xs = [[Fraction(str(v)) for v in row] for row in data.xs]
    ys = [[Fraction(str(v)) for v in row] for row in data.ys]
    return arch, xs, ys, name


def drawable(t_star: Any) -> Fraction:
    r"""``t_star`` as a Fraction, refused past :data:`MAX_T_STAR`."""
    t = Fraction(str(t_star))
    if t > MAX_T_STAR:
        raise BadInput(f"t* = {float(t):.3g} is past 2^150, too large to draw in floating point; "
                       "smoothcheck witness gives it exactly")
    return t


LOSS_NAMES = {"l2": "L2", "cross_entropy": "cross-entropy"}


def settings_line(arch, xs, name: str, params) -> str:
    r"""What the figure is drawn for: architecture, data and activation (mathtext)."""
    data = "data xs, ys" if params.get("xs") is not None else f"data seed {params.get('seed', 0)}"
    return (f"depth {arch.depth}, widths {list(arch.widths)}, $d_{{in}}={arch.d_in}$, $d_{{out}}={arch.d_out}$, "
            f"$n={len(xs)}$, {data}, {name}")


def plotter(loss: str | None, claim_id: str, title: str, fixed: dict | None = None):
    r"""The ``plot(params, path)`` of a Cooper ray claim: its figure for the user's architecture, data,
    activation and (L0, L1), with the claim's own exact witness t*.  ``loss=None`` takes it from the
    ``loss`` parameter; ``fixed`` overrides parameters (depth 1 for ``cooper.depth_1``)."""
    from proofs.cooper import ray

    def plot(params, path: Path) -> Path:
        params = {**params, **(fixed or {})}
        kind = loss or params.get("loss") or "l2"
        arch, xs, ys, name = mirror_configuration(params, kind)
        t_star = drawable(ray.make_witness(kind, claim_id)(params)["points"][0][0])
        L0, L1 = (Fraction(str(params.get(k, 1))) for k in ("L0", "L1"))
        head = title if loss else f"{title}, {LOSS_NAMES[kind]} loss"
        return curvature_against_bound(path, list(arch.widths), arch.d_in, arch.d_out, xs, ys, name, kind, L0, L1,
                                       t_star, f"{head}:\n{settings_line(arch, xs, name, params)}")
    return plot


#: The document's default figures already drawn in this process, by file name: the same parameters give the
#: same PDF, and the document and its tests draw them more than once.
_DRAWN: dict[str, bytes] = {}


def drawn_once(path: Path, draw) -> Path:
    r"""``draw(path)``, or the bytes it wrote the first time for this file name."""
    path = Path(path)
    if path.name in _DRAWN:
        path.write_bytes(_DRAWN[path.name])
        return path
    drawn = Path(draw(path))
    _DRAWN[path.name] = drawn.read_bytes()
    return drawn


def figures_for(loss: str | None, claim_id: str, title: str, fixed: dict | None = None):
    r"""The claim's default figure (its default parameters), for the document."""
    def figures(outdir: Path) -> list[Path]:
        return [drawn_once(Path(outdir) / f"{claim_id.replace('.', '_')}_ray.pdf",
                           lambda path: plotter(loss, claim_id, title, fixed)({}, path))]
    return figures


# ---------------------------------------------------------------- depth 1 (the project's claim)

DEPTH_1_TITLE = "Depth 1 (the project's claim; open in the paper)"


def plot_depth_1(params, path: Path) -> Path:
    r"""``smoothcheck plot cooper.depth_1``: the ray figure at depth 1, for the user's ``loss`` and (L0, L1)."""
    return plotter(None, "cooper.depth_1", DEPTH_1_TITLE, {"depth": 1})(params, path)


def figures_depth_1(outdir: Path) -> list[Path]:
    return figures_for(None, "cooper.depth_1", DEPTH_1_TITLE, {"depth": 1})(outdir)


# ---------------------------------------------------------------- the subquadratic corollary

#: The corollary's default l(u) = a + b u^alpha (its Parameters' defaults).
SUBQUADRATIC_DEFAULTS = {"a": Fraction(1), "b": Fraction(1), "alpha": Fraction(3, 2)}


def subquadratic_series(widths: Sequence[int], d_in: int, d_out: int, xs, ys, activation: str, loss: str,
                        a: Fraction, b: Fraction, alpha: Fraction, ts: Sequence[float]) -> list[dict[str, float]]:
    r""":func:`curve` at each t, with ``bound`` :math:`=\ell(\|\nabla L(\rho(t))\|)=a+b\|\nabla L\|^\alpha`."""
    rows = curve(widths, d_in, d_out, xs, ys, activation, loss, ts)
    return [{**r, "bound": float(a) + float(b) * r["grad"] ** float(alpha)} for r in rows]


def log_grid(t_star: Fraction, points: int = 25) -> list[float]:
    r"""t from t*/64 (at most 1/8) to 64 t* (at least 1024), evenly on a log scale."""
    low, high = min(float(t_star) / 64, 0.125), max(64 * float(t_star), 1024.0)
    return list(np.geomspace(low, high, points))


def curvature_against_subquadratic_l(path: Path, widths: Sequence[int], d_in: int, d_out: int, xs, ys, activation: str,
                                     loss: str, a: Fraction, b: Fraction, alpha: Fraction, t_star: Fraction,
                                     title: str) -> Path:
    r"""The corollary's figure: ‖H(t)‖, |H_entry(t)| and l(‖∇L(t)‖) = a + b‖∇L(t)‖^α against t
    (log–log), with the exact witness t* (|H_entry(t*)| > l(‖∇L(t*)‖), checked in rationals) marked:
    the curvature has slope 2, l slope α."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ts = log_grid(t_star)
    rows = subquadratic_series(widths, d_in, d_out, xs, ys, activation, loss, a, b, alpha, ts)
    fig, ax = plt.subplots(figsize=(5, 3.4))
    ax.loglog(ts, [r["norm"] for r in rows], "-", label=r"$\|\nabla^2 L(\rho(t))\|_2$")
    ax.loglog(ts, [r["entry"] for r in rows], "--", label=r"$|\partial^2 L/\partial (b^\ell_1)^2|$")
    ax.loglog(ts, [r["bound"] for r in rows], "-", color="gray",
              label=rf"$\ell(\|\nabla L(\rho(t))\|)$, $\ell(u)={a}+{b}\,u^{{{alpha}}}$")
    ax.axvline(float(t_star), color="red", lw=0.8, ls=":",
               label=rf"$t^*={float(t_star):.4g}$: $|\partial^2 L/\partial (b^\ell_1)^2|>\ell(\|\nabla L\|)$ (exact)")
    ax.set_xlabel(r"$t$ (along the ray $\rho(t)$)")
    ax.set_ylabel(r"curvature, $\ell$ (mirror, 15 digits)")
    ax.set_title(title, fontsize=8)
    ax.legend(fontsize=6)
    fig.tight_layout()
    fig.savefig(Path(path))
    plt.close(fig)
    return Path(path)


SUBQUADRATIC_TITLE = r"Third contribution (no subquadratic $\ell$-smoothness)"


def plotter_subquadratic(witness):
    r"""``smoothcheck plot cooper.corollary_subquadratic``: the figure for the user's a, b, alpha, loss and
    architecture; t* is the claim's exact witness (``witness(params)``, which validates a, b, alpha)."""
    def plot(params, path: Path) -> Path:
        params = {**SUBQUADRATIC_DEFAULTS, **params}
        loss = params.get("loss") or "l2"
        arch, xs, ys, name = mirror_configuration(params, loss)
        t_star = drawable(witness(params)["points"][0][0])
        a, b, alpha = (Fraction(str(params[k])) for k in ("a", "b", "alpha"))
        return curvature_against_subquadratic_l(path, list(arch.widths), arch.d_in, arch.d_out, xs, ys, name, loss,
                                                a, b, alpha, t_star,
                                                f"{SUBQUADRATIC_TITLE}, {LOSS_NAMES[loss]} loss:\n"
                                                f"{settings_line(arch, xs, name, params)}")
    return plot


def figures_subquadratic(witness):
    r"""The document's figure: the claim's default parameters."""
    def figures(outdir: Path) -> list[Path]:
        return [drawn_once(Path(outdir) / "cooper_corollary_subquadratic_ray.pdf",
                           lambda path: plotter_subquadratic(witness)({}, path))]
    return figures
