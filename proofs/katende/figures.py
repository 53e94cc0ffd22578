r"""Katende's growth claims, drawn from computed data (the numeric mirror, 60 digits).

* :func:`ratio_against_epsilon` (Theorem 1): the gradient-difference ratio
  ‖∇L(θ⁺) − ∇L(θ⁻)‖ / ‖θ⁺ − θ⁻‖ of the crossing pair θ± = ±ε(x, 1), against ε on
  log–log axes, beside the asymptote |y|/(2ε) the proof derives: no finite L.
* :func:`smoothness_constant_against_beta` (Proposition 1): the best smoothness
  constant L_β of each surrogate family (sup of the Hessian norm, located by a
  grid and golden-section search), against β: it grows without bound.

Both compute every plotted point with :mod:`numeric` (no SymPy), and write one
vector PDF (or PNG, by the file name) per figure.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Sequence

import mpmath

from numeric import one_neuron, surrogates

#: The crossing pair's data of the figure (the claim's defaults).
X, Y = Fraction(2), Fraction(3)
EPSILONS = tuple(Fraction(1, 10**k) for k in range(1, 13))
BETAS = (1, 2, 4, 8, 16, 32, 64)


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def ratio_points(x: Fraction = X, y: Fraction = Y, epsilons: Sequence[Fraction] = EPSILONS) -> list[tuple[float, float]]:
    r"""``(ε, ratio)`` pairs computed by the mirror (60 digits), shown as floats."""
    return [(float(e), float(one_neuron.gradient_difference_ratio(x, y, e))) for e in epsilons]


def ratio_against_epsilon(path: Path, x: Fraction = X, y: Fraction = Y) -> Path:
    r"""Theorem 1's figure: the ratio against ε (log–log) with the asymptote |y|/(2ε)."""
    plt = _pyplot()
    points = ratio_points(x, y)
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.loglog([e for e, _ in points], [r for _, r in points], "o", label="ratio (numeric mirror, 60 digits)")
    ax.loglog([e for e, _ in points], [abs(float(y)) / (2 * e) for e, _ in points], "-", lw=0.8,
              label=r"$|y|/(2\varepsilon)$ (the proof's asymptote)")
    ax.set_xlabel(r"$\varepsilon$")
    ax.set_ylabel(r"$\|\nabla\mathcal{L}(\theta^+)-\nabla\mathcal{L}(\theta^-)\|\,/\,\|\theta^+-\theta^-\|$")
    ax.set_title(rf"Theorem 1: crossing pairs $\theta^\pm=\pm\varepsilon(x,1)$, $x={x}$, $y={y}$", fontsize=9)
    ax.legend(fontsize=7)
    return _save(fig, plt, path)


def constant_points(family: str, x: Fraction = X, y: Fraction = Y, betas: Sequence[int] = BETAS,
                    dps: int = 30) -> list[tuple[int, float]]:
    r"""``(β, L_β)``: the mirror's best smoothness constant of the surrogate loss (grid + golden section)."""
    with mpmath.workdps(dps):
        return [(b, float(surrogates.best_smoothness_constant(family, b, x, y, dps=dps, grid=120, iterations=40)))
                for b in betas]


def smoothness_constant_against_beta(path: Path, families: Sequence[str] = surrogates.FAMILIES,
                                     x: Fraction = X, y: Fraction = Y) -> Path:
    r"""Proposition 1's figure: L_β against β for each surrogate family (log–log)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(5, 3.2))
    for family in families:
        points = constant_points(family, x, y)
        ax.loglog([b for b, _ in points], [c for _, c in points], "o-", ms=3, lw=0.8, label=family)
    ax.set_xlabel(r"$\beta$")
    ax.set_ylabel(r"$L_\beta=\sup_\theta\|\nabla^2\mathcal{L}_\beta(\theta)\|$ (numeric)")
    ax.set_title(rf"Proposition 1: surrogate smoothness constants, $x={x}$, $y={y}$", fontsize=9)
    ax.legend(fontsize=7)
    return _save(fig, plt, path)


def _save(fig, plt, path: Path) -> Path:
    path = Path(path)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def _xy(params) -> tuple[Fraction, Fraction]:
    return Fraction(str(params.get("x", X))), Fraction(str(params.get("y", Y)))


def plot_thm_1(params, path: Path) -> Path:
    r"""``smoothcheck plot katende.thm_1``: the ratio figure for the user's x, y."""
    return ratio_against_epsilon(path, *_xy(params))


def plot_prop_1(params, path: Path) -> Path:
    r"""``smoothcheck plot katende.prop_1``: L_β against β for every family, at the user's x, y."""
    return smoothness_constant_against_beta(path, surrogates.FAMILIES, *_xy(params))


def figures_thm_1(outdir: Path) -> list[Path]:
    return [ratio_against_epsilon(Path(outdir) / "katende_thm_1_ratio.pdf")]


def figures_prop_1(outdir: Path) -> list[Path]:
    return [smoothness_constant_against_beta(Path(outdir) / "katende_prop_1_constants.pdf")]
