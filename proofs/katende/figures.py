r"""Katende's growth claims, drawn from computed data (the numeric mirror, 60 digits).

* :func:`ratio_against_epsilon` (Theorem 1): the gradient-difference ratio
  ‖∇L(θ⁺) − ∇L(θ⁻)‖ / ‖θ⁺ − θ⁻‖ of the crossing pair θ± = ±ε(x, 1), against ε on
  log–log axes, beside the asymptote |y|/(2ε) the proof derives: no finite L.
* :func:`smoothness_constant_against_beta` (Proposition 1): the best smoothness
  constant L_β of each surrogate family (sup of the Hessian norm, located by a
  grid and golden-section search), against β: it grows without bound.

* :func:`ratio_across_a_crossing` (Remark 1): the same ratio for crossing pairs of
  deep and wide ReLU networks (exact rational back-propagation), beside the
  predicted asymptote J/(2ε), J the limit jump (f(θ₀) − y) ∂_h F ‖∇s_j‖ of
  :mod:`proofs.katende.crossing_jump`, computed here from the network.
* :func:`crossings_and_trajectories` (§1, crossings): crossing pairs against
  same-region pairs of the one-neuron model, and exact gradient-descent
  trajectories that do and do not cross the boundary s = 0.

All compute every plotted point with :mod:`numeric` (no SymPy), and write one
vector PDF (or PNG, by the file name) per figure.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Sequence

import mpmath

from numeric import one_neuron, relu_network, surrogates
from proofs.errors import BadInput

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


# ---------------------------------------------------------------- Remark 1: every architecture

#: The architectures of Remark 1's figure ``(widths, d, seed)``: one neuron, three hidden layers, one wide
#: layer, six wide layers (a subset of the claim's sampled architectures, same seeds).
REMARK_1_ARCHITECTURES = (([1], 1, 0), ([8, 8, 8], 3, 2), ([32], 4, 3), ([32] * 6, 4, 5))


def slope_of_unit_preactivation(net0, x, layer: int, neuron: int) -> Fraction:
    r""":math:`\|\nabla_\theta s_j(\theta_0)\|^2` of the crossed unit, exactly: :math:`s_j` is the output of the
    sub-network made of the layers below it and the unit's own row (ReLU below, linear at the top), and with
    target :math:`s_j-1` the loss gradient :math:`(s_j-y)\nabla s_j` is :math:`\nabla s_j` itself.  The other
    parameters do not enter :math:`s_j`."""
    W, b = net0[layer]
    sub = [*net0[:layer], ([list(W[neuron])], [b[neuron]])]
    s = relu_network.forward(sub, x)[1]
    return sum(g * g for g in relu_network.flatten(relu_network.gradient(sub, x, s - 1)))


def limit_jump(net0, x, y: Fraction, layer: int, neuron: int, epsilon: Fraction = Fraction(1, 10**6)) -> mpmath.mpf:
    r"""The predicted :math:`J=\lim_{\varepsilon\downarrow0}\|\Delta\nabla\mathcal L\|=|f(\theta_0)-y|\,
    |\partial_hF(\theta_0,0)|\,\|\nabla s_j(\theta_0)\|` (``jump_every_architecture``), exactly, then as a float.

    :math:`\partial_hF` is read off the active side: there :math:`\partial\mathcal L/\partial b_j=(f-y)\,\partial_hF`
    with :math:`\partial_hF` constant (no other unit changes sign: :func:`numeric.relu_network.crossing_pair`), so
    one point :math:`\theta^+` gives it exactly, without a limit (a point where :math:`f=y` gives no quotient:
    then a closer one is taken)."""
    for k in range(8):
        _, plus, _ = relu_network.crossing_pair(net0, x, layer, neuron, epsilon / 3**k)
        residual_plus = relu_network.forward(plus, x)[1] - y
        if residual_plus != 0:
            break
    d_h_F = relu_network.gradient(plus, x, y)[layer][1][neuron] / residual_plus
    residual_0 = relu_network.forward(net0, x)[1] - y
    squared = residual_0**2 * d_h_F**2 * slope_of_unit_preactivation(net0, x, layer, neuron)
    with mpmath.workdps(30):
        return mpmath.sqrt(mpmath.mpf(squared.numerator) / squared.denominator)


def crossing_rows(setup, widths: Sequence[int], d: int, seed: int,
                  epsilons: Sequence[Fraction] = EPSILONS) -> tuple[mpmath.mpf, list[tuple[float, float, float]]]:
    r"""``(J, [(ε', ‖Δ∇L‖, ratio), ...])`` for the crossing pair of ``setup(widths, d, seed)`` (the claim's
    :math:`\theta_0`, input and target); ε' is the bias shift used (:math:`\le\varepsilon`), and the gap
    is :math:`\|\theta^+-\theta^-\|=2\varepsilon'`."""
    net0, x, y, layer, neuron = setup(widths, d, seed)
    rows = []
    for eps in epsilons:
        jump_sq, gap_sq, used = relu_network.gradient_jump(net0, x, y, layer, neuron, eps)
        with mpmath.workdps(30):
            jump, gap = (mpmath.sqrt(mpmath.mpf(v.numerator) / v.denominator) for v in (jump_sq, gap_sq))
            rows.append((float(used), float(jump), float(jump / gap)))
    return limit_jump(net0, x, y, layer, neuron), rows


def _architecture_name(widths: Sequence[int], d: int) -> str:
    if len(set(widths)) == 1:  # c^l: l layers of width c
        shown = f"{widths[0]}" + (f"^{{{len(widths)}}}" if len(widths) > 1 else "")
    else:
        shown = ",".join(str(w) for w in widths)
    return rf"{len(widths)} hidden layer{'s' if len(widths) > 1 else ''}, widths ${shown}$, $d={d}$"


def ratio_across_a_crossing(path: Path, setup, architectures=REMARK_1_ARCHITECTURES,
                            epsilons: Sequence[Fraction] = EPSILONS) -> Path:
    r"""Remark 1's figure: for each architecture the ratio against ε' (log–log, exact rational values shown as
    floats) and the predicted asymptote J/(2ε') (dashed, same colour)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(5, 3.4))
    for k, (widths, d, seed) in enumerate(architectures):
        J, rows = crossing_rows(setup, widths, d, seed, epsilons)
        eps = [e for e, _, _ in rows]
        colour = f"C{k}"
        ax.loglog(eps, [q for _, _, q in rows], "o", ms=3, color=colour,
                  label=rf"{_architecture_name(widths, d)}, seed {seed}: $J={float(J):.4g}$")
        ax.loglog(eps, [float(J) / (2 * e) for e in eps], "--", lw=0.7, color=colour)
    ax.plot([], [], "k--", lw=0.7,
            label=r"$J/(2\varepsilon)$, $J=|f(\theta_0)-y|\,|\partial_hF|\,\|\nabla s_j\|$ (predicted)")
    ax.set_xlabel(r"$\varepsilon$ (bias shift of the crossed unit $j$)")
    ax.set_ylabel(r"$\|\nabla\mathcal{L}(\theta^+)-\nabla\mathcal{L}(\theta^-)\|\,/\,\|\theta^+-\theta^-\|$")
    ax.set_title(r"Remark 1: $\theta^\pm=\theta_0\pm\varepsilon\,e_{b_j}$, $j$ = unit 1 of the last hidden layer, "
                 "\n" r"$y=f(\theta_0)+1$; exact rational back-propagation (points), shown as floats", fontsize=8)
    ax.legend(fontsize=6)
    return _save(fig, plt, path)


def _checked_architecture(params) -> tuple[list[int], int, int]:
    widths, d = params.get("widths", [3, 2]), params.get("d", 2)
    if not isinstance(widths, list) or not widths or any(Fraction(str(w)).denominator != 1 for w in widths):
        raise BadInput("widths must be a list of 1 to 12 integers between 1 and 64")
    if Fraction(str(d)).denominator != 1:
        raise BadInput("d must be an integer between 1 and 64")
    return [int(w) for w in widths], int(d), int(params.get("seed", 0))


def plotter_remark_1(setup):
    r"""``smoothcheck plot katende.remark_1``: the ratio figure for the user's ``widths``, ``d``, ``seed``."""
    def plot(params, path: Path) -> Path:
        try:
            # every other epsilon: the widest architecture (12 layers of 64) then takes about 15 s, not 30
            return ratio_across_a_crossing(path, setup, [_checked_architecture(params)], EPSILONS[::2])
        except ArithmeticError as error:  # another unit sits exactly on its boundary at theta_0
            raise BadInput(f"no crossing pair for these widths, d, seed ({error}): try another seed") from None
    return plot


def figures_remark_1(setup):
    r"""The document's figure: :data:`REMARK_1_ARCHITECTURES`."""
    def figures(outdir: Path) -> list[Path]:
        return [ratio_across_a_crossing(Path(outdir) / "katende_remark_1_ratio.pdf", setup)]
    return figures


# ---------------------------------------------------------------- Section 1: crossings and trajectories

#: Model (3.1) data of the crossing panel, and the centre of the same-region pairs (s(θ_c) = 1 > 0).
CENTRE = (Fraction(0), Fraction(1))
#: Trajectories ``(y, η, s₀)`` with x = 1 (n = 1 + x² = 2): y > 0 and 0 < ηn ≤ 1 never cross; y < 0 crosses.
TRAJECTORIES = ((Fraction(1), Fraction(1, 4), Fraction(3)), (Fraction(1), Fraction(1, 4), Fraction(1, 4)),
                (Fraction(-1), Fraction(3, 8), Fraction(1, 2)), (Fraction(-1), Fraction(1, 8), Fraction(1, 2)))
STEPS = 8


def same_region_ratio_squared(x: Fraction, y: Fraction, epsilon: Fraction, centre=CENTRE) -> Fraction:
    r""":math:`\|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\|^2/\|\theta^+-\theta^-\|^2` for
    :math:`\theta^\pm=\theta_c\pm\varepsilon(x,1)`, both in :math:`s>0`, exactly (the mirror's gradients).
    Inside the region it is :math:`(1+x^2)^2` for every ε (intro_crossings step
    ``one_neuron_gradient_lipschitz_within_active_region``)."""
    w, b = centre
    plus, minus = (w + epsilon * x, b + epsilon), (w - epsilon * x, b - epsilon)
    if min(p[0] * x + p[1] for p in (plus, minus)) <= 0:
        raise ValueError("the same-region pair leaves s > 0: take a smaller epsilon")
    gp, gm = one_neuron.gradient_exact(*plus, x, y), one_neuron.gradient_exact(*minus, x, y)
    return sum((a - c) ** 2 for a, c in zip(gp, gm)) / sum((a - c) ** 2 for a, c in zip(plus, minus))


def gd_preactivations(y: Fraction, eta: Fraction, s0: Fraction, x: Fraction = Fraction(1),
                      steps: int = STEPS) -> list[Fraction]:
    r""":math:`s_t=w_tx+b_t` along exact gradient descent :math:`\theta_{t+1}=\theta_t-\eta\nabla\mathcal L(\theta_t)`
    on (3.1)-(3.2) from :math:`\theta_0=(s_0/x,0)`, the gradient from the mirror (exact; ``ArithmeticError`` if
    an iterate lands on :math:`s=0`)."""
    w, b = s0 / x, Fraction(0)
    out = [w * x + b]
    for _ in range(steps):
        gw, gb = one_neuron.gradient_exact(w, b, x, y)
        w, b = w - eta * gw, b - eta * gb
        out.append(w * x + b)
    return out


def crossings_and_trajectories(path: Path, x: Fraction = X, y: Fraction = Y) -> Path:
    r"""§1's figure, two panels. (a): the ratio for crossing pairs (grows like :math:`|y|/(2\varepsilon)`)
    and for same-region pairs (stays :math:`1+x^2`) of (3.1). (b): :math:`s_t` along exact GD (x = 1) for
    y > 0, 0 < ηn ≤ 1 (never crosses s = 0) and y < 0 (crosses, then stays: T is the identity on s < 0)."""
    plt = _pyplot()
    fig, (left, right) = plt.subplots(2, 1, figsize=(5, 6.2))  # stacked: 5 in wide like the other figures
    eps = EPSILONS[:10]
    left.loglog([float(e) for e in eps], [float(one_neuron.gradient_difference_ratio(x, y, e)) for e in eps], "o", ms=3,
                label=r"across $s=0$: $\theta_0\pm\varepsilon(x,1)$, $s(\theta_0)=0$ (mirror, 60 digits)")
    inside = [same_region_ratio_squared(x, y, e) for e in eps]
    exactly = (f"ratio$^2={inside[0]}$ exactly at every $\\varepsilon$" if len(set(inside)) == 1
               else "exact rationals")
    left.loglog([float(e) for e in eps], [float(v) ** 0.5 for v in inside], "s", ms=3,
                label=rf"inside $s>0$: $\theta_c\pm\varepsilon(x,1)$, $s(\theta_c)=1$" f"\n({exactly})")
    left.set_xlabel(r"$\varepsilon$")
    left.set_ylabel(r"$\|\nabla\mathcal{L}(\theta^+)-\nabla\mathcal{L}(\theta^-)\|\,/\,\|\theta^+-\theta^-\|$")
    left.set_title(f"(a) model (3.1), $x={x}$, $y={y}$:\n" r"pairs across $s=0$ and inside $s>0$", fontsize=8)
    left.legend(fontsize=6, loc="upper right")
    n = 2  # 1 + x^2 at x = 1
    for y_t, eta, s0 in TRAJECTORIES:
        s = gd_preactivations(y_t, eta, s0)
        right.plot(range(len(s)), [float(v) for v in s], "o-", ms=3, lw=0.8,
                   label=rf"$y={y_t}$, $\eta n={eta * n}$, $s_0={s0}$")
    right.axhline(0, color="red", lw=0.8, ls=":", label=r"boundary $s=0$")
    right.set_xlabel(r"gradient-descent step $t$")
    right.set_ylabel(r"$s_t=w_tx+b_t$ (exact rationals)")
    right.set_title("(b) exact gradient descent on (3.1), $x=1$ ($n=2$):\n"
                    r"$y>0,\ 0<\eta n\leq1$: no crossing; $y<0$: crossing", fontsize=8)
    right.legend(fontsize=6)
    return _save(fig, plt, path)


def plot_intro_crossings(params, path: Path) -> Path:
    r"""``smoothcheck plot katende.intro_crossings`` (the claim takes no parameters)."""
    return crossings_and_trajectories(path)


def figures_intro_crossings(outdir: Path) -> list[Path]:
    return [crossings_and_trajectories(Path(outdir) / "katende_intro_crossings.pdf")]
