r"""Kumar, Proposition 5.1: convex losses with bounded subgradients show "unstable convergence".

Reference: [Kumar, §5, Prop. 5.1; proof in App. D.1; Huber example eq. (10), Figure 4]

Statement:   All convex non-smooth loss functions having bounded subgradients, or satisfying (6),
             show unstable convergence ("non-divergence to infinity").
Reading:     D.1 as reconstructed: (6) gives :math:`\|g\|\le G`; Boyd §2 gives
             :math:`f^{(k)}_{\rm best}-f^\star\le(R^2+G^2\alpha^2k)/(2\alpha k)\to\alpha G^2/2<\infty` for every
             :math:`\alpha>0`.  "Non-divergence" is read as: :math:`f^{(k)}_{\rm best}` stays bounded (what the proof
             gives); the reading "the iterates stay bounded" needs a minimizer (A3).
             Huber (10): :math:`h_\delta(r)=r^2/2` (:math:`|r|\le\delta`), :math:`\delta(|r|-\delta/2)` otherwise, :math:`\delta=1`.
Assumptions: A1 convex                    unknown (the one-step inequality uses it)
             A2 bounded subgradients (6)  necessary: f = beta^2, alpha = 3/2 gives f(beta^(k)) = 4^k f(beta^(0))
             A3 a minimizer exists        used not stated; necessary for R and for bounded iterates: f = -beta
             A4 non-smooth                superfluous: the smooth 1-Lipschitz f = sqrt(1+beta^2) obeys the bound at alpha = 10
Proof outline:
  1. `bounded_subgradients_of_6`     cited: (6) for convex f <=> ||g|| <= G
  2. `one_step_expansion`            ||b - a g - b*||^2 = ||b - b*||^2 - 2a g.(b - b*) + a^2 ||g||^2
  3. `one_step_inequality`           with g.(b - b*) = f - f* + e (e >= 0) and ||g||^2 = G^2 - c (c >= 0): the decrease is 2ae + a^2 c >= 0
  4. `boyd_bound_d1`                 cited: f_best - f* <= (R^2 + G^2 a^2 k)/(2 a k)
  5. `bound_limit_d1`                (R^2 + G^2 a^2 k)/(2 a k) -> a G^2/2 as k -> oo
  6. `huber_derivative_pieces`       h' = r, delta, -delta on the three pieces: |h'| <= delta
  7. `huber_not_twice_differentiable`  h'' = 1 inside, 0 outside: h is C^1, not C^2
  8. `huber_runs_large_lr`           GD on overparameterized Huber at 20x the edge of stability obeys Boyd's bound
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import mpmath
import numpy as np
import sympy as sp

from numeric.lasso import huber_gd_losses, huber_gradient
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Inequality, Limit, Necessity, StepResult, Witness,
                           WitnessCheck)
from symbolic import lasso as L

ID = "kumar.prop_5_1"
a_s, R_s, G_s = sp.symbols("alpha R G", positive=True)
k_s = sp.Symbol("k", positive=True)
e_s, c_s, D_s = sp.symbols("e c Delta", nonnegative=True)


def huber_instance(seed: int = 0, N: int = 5, P: int = 10) -> dict[str, Any]:
    r"""An overparameterized Huber problem: :math:`Z,y\sim U[-1,1]`, :math:`f^\star=0` at :math:`\beta^\star=Z^+y`,
    :math:`G=\delta\sum_i\|z_i\|`, and the edge of stability :math:`2/\lambda_{\max}(Z^\top Z)`.

    >>> inst = huber_instance(); inst["Z"].shape, inst["G"] > 0
    ((5, 10), True)
    """
    rng = np.random.default_rng(seed)
    Z, y = rng.uniform(-1, 1, (N, P)), rng.uniform(-1, 1, N)
    star = np.linalg.pinv(Z) @ y
    beta0 = rng.uniform(-1, 1, P)
    return {"Z": Z, "y": y, "beta0": beta0, "star": star, "R": float(np.linalg.norm(beta0 - star)),
            "G": float(np.linalg.norm(Z, axis=1).sum()), "eos": 2 / float(np.linalg.eigvalsh(Z.T @ Z).max())}


def _boyd_bound_holds(factor: float, monotone: bool = False) -> StepResult:
    inst = huber_instance()
    alpha = factor * inst["eos"]
    R, G = inst["R"], inst["G"]
    for label, losses in (("float64", huber_gd_losses(inst["beta0"], inst["Z"], inst["y"], alpha, 3000)),
                          ("mpmath-50", [float(v) for v in huber_gd_losses(inst["beta0"], inst["Z"], inst["y"], alpha, 150, dps=50)])):
        best = np.minimum.accumulate(losses)
        for k in range(1, len(losses)):
            bound = (R**2 + G**2 * alpha**2 * k) / (2 * alpha * k)
            if best[k - 1] > bound * (1 + 1e-12) or (monotone and losses[k] > losses[k - 1]):
                return StepResult(False, "numeric", label, f"k={k}: f_best={best[k - 1]:.6g}, bound={bound:.6g}, f={losses[k]:.6g}",
                                  counterexample=f"alpha={alpha:.4g} ({factor} x 2/lambda_max), k={k}: f_best={best[k - 1]:.6g}, "
                                                 f"f(beta^(k))={losses[k]:.6g} > f(beta^(k-1))={losses[k - 1]:.6g}")
    ups = int((np.diff(losses) > 0).sum())
    # one Huber instance at one step size: sampled iterates, not a proof
    return StepResult(True, "numeric", "float64+mpmath-50", f"alpha = {factor} x 2/lambda_max: Boyd's bound holds at every k "
                      f"(3000 float64, 150 at 50 digits); loss rises at {ups} of 150 steps; max loss {max(losses):.4g}",
                      sample={"points": 3000 + 150, "dps": 50, "precision": "3000 iterates in float64, 150 at 50 digits",
                              "where": {"instance": "huber_instance(seed=0), 5x10", "alpha": f"{factor} x 2/lambda_max"}})


def _quadratic_run(params: Mapping[str, Any], alpha: Fraction) -> list[Fraction]:
    b, out = Fraction(1), []
    for _ in range(12):
        out.append(b * b)
        b = b - alpha * 2 * b
    return out


def _linear_run(params, alpha: Fraction) -> list[Fraction]:
    return [Fraction(0) + alpha * k for k in range(50)]  # f = -beta: beta^(k) = beta^(0) + k*alpha (gradient -1)


def _smooth_lipschitz_bound() -> StepResult:
    with mpmath.workdps(50):
        alpha, b, vals = mpmath.mpf(10), mpmath.mpf(3), []
        for _ in range(400):
            vals.append(mpmath.sqrt(1 + b * b) - 1)
            b = b - alpha * b / mpmath.sqrt(1 + b * b)
        R, best = mpmath.mpf(3), mpmath.inf
        for k in range(1, 401):
            best = min(best, vals[k - 1])
            if best > (R**2 + alpha**2 * k) / (2 * alpha * k):
                return StepResult(False, "numeric", "mpmath-50", f"bound fails at k={k}", counterexample=f"k={k}")
    return StepResult(True, "numeric", "mpmath-50", "f = sqrt(1+beta^2) (smooth, G = 1), alpha = 10: Boyd's bound at k = 1..400",
                      sample={"points": 400, "dps": 50, "where": {"f": "sqrt(1+beta^2)", "alpha": "10", "beta0": "3"}})


def _assumptions() -> list[Assumption]:
    return [
        Assumption("A1", "f convex", r"f\ \text{convex}", necessity=Necessity("unknown", "The one-step inequality uses convexity; no counterexample searched.")),
        Assumption("A2", "bounded subgradients (6)", r"\|g\|\le G",
                   necessity=Necessity("necessary", "f = beta^2 (convex, smooth, unbounded gradient), alpha = 3/2: beta -> -2 beta, f(beta^(k)) = 4^k.",
                                       check=Witness(label="quadratic_diverges", latex=r"f=\beta^2,\ \alpha=\tfrac32:\ f(\beta^{(k)})=4^k",
                                                     construct=lambda p: _quadratic_run(p, Fraction(3, 2)),
                                                     verify=lambda p, f: WitnessCheck(lhs=f"f(beta^(11)) = {f[-1]}", rhs="4^11",
                                                                                      holds=all(f[i + 1] == 4 * f[i] for i in range(len(f) - 1))),
                                                     cases=[{}], for_all=False,  # one counterexample
                                                     wrong_constructions=[lambda p: _quadratic_run(p, Fraction(1, 4))]))),
        Assumption("A3", "a minimizer exists", r"\exists\beta^\star", used_not_stated=True,
                   necessity=Necessity("necessary", "f = -beta (convex, 1-Lipschitz, no minimizer): beta^(k) = k*alpha -> oo, R undefined.",
                                       check=Witness(label="linear_loss_iterates_diverge", latex=r"f=-\beta:\ \beta^{(k)}=k\alpha\to\infty",
                                                     construct=lambda p: _linear_run(p, Fraction(1, 10)),
                                                     verify=lambda p, b: WitnessCheck(lhs=f"beta^(49) = {b[-1]}", rhs="grows by alpha per step",
                                                                                      holds=all(b[i + 1] - b[i] == Fraction(1, 10) for i in range(len(b) - 1))),
                                                     cases=[{}], for_all=False,  # one counterexample
                                                     wrong_constructions=[lambda p: _linear_run(p, Fraction(0))]))),
        Assumption("A4", "f non-smooth", r"f\notin C^2",
                   necessity=Necessity("superfluous", "The bound holds for the smooth 1-Lipschitz convex f = sqrt(1+beta^2) at alpha = 10.",
                                       check=Check(label="smooth_lipschitz_obeys_bound", latex=r"f=\sqrt{1+\beta^2},\ \alpha=10",
                                                   run_check=_smooth_lipschitz_bound,
                                                   wrong_versions=[lambda: _boyd_bound_holds(20.0, monotone=True)]))),
    ]


def _steps() -> list:
    b, g, st = (sp.Matrix(sp.symbols(f"{n}_1 {n}_2", real=True)) for n in ("b", "g", "s"))
    lhs, rhs = L.one_step_distance_expansion(b, g, st, a_s)
    inner, outer = L.r**2 / 2, L.delta * (L.r - L.delta / 2)
    return [
        Cited(label="bounded_subgradients_of_6", latex=r"|f(x)-f(y)|\le G\|x-y\|\iff\|g\|\le G\ \forall g\in\partial f",
              reference="Boyd, Xiao, Mutapcic (2003) §1; Rockafellar, Convex Analysis, Thm 24.7"),
        Equality(label="one_step_expansion", printed=False, latex=r"\|\beta-\alpha g-\beta^\star\|^2=\|\beta-\beta^\star\|^2-2\alpha g^\top(\beta-\beta^\star)+\alpha^2\|g\|^2",
                 lhs=lhs, rhs=rhs, scope={"dimension": 2}),  # the vectors have 2 symbolic entries
        Inequality(label="one_step_inequality", printed=False,
                   latex=r"\big(\|\beta-\beta^\star\|^2-2\alpha\Delta+\alpha^2G^2\big)-\|\beta^+-\beta^\star\|^2=2\alpha e+\alpha^2c\ge0",
                   lhs=2 * a_s * e_s + a_s**2 * c_s, rhs=0, relation=">=",
                   justification="Convexity: g.(b - b*) >= f(b) - f* = Delta, so g.(b - b*) = Delta + e, e >= 0; ||g||^2 = G^2 - c, c >= 0."),
        Cited(label="boyd_bound_d1", latex=r"f^{(k)}_{\rm best}-f^\star\le\frac{R^2+G^2\alpha^2k}{2\alpha k}",
              reference="Boyd, Xiao, Mutapcic (2003), Subgradient methods, §2 (telescoping the one-step inequality)"),
        Limit(label="bound_limit_d1", latex=r"\lim_{k\to\infty}\frac{R^2+G^2\alpha^2k}{2\alpha k}=\frac{\alpha G^2}{2}<\infty",
              expr=(R_s**2 + G_s**2 * a_s**2 * k_s) / (2 * a_s * k_s), var=k_s, point=sp.oo, expected=a_s * G_s**2 / 2),
        Equality(label="huber_derivative_pieces", latex=r"h_\delta'(r)=r\ (|r|<\delta),\ \delta\ (r>\delta),\ -\delta\ (r<-\delta)",
                 lhs=lambda: sp.Matrix(L.huber_derivative_pieces()), rhs=sp.Matrix([L.r, L.delta, -L.delta]),
                 justification="So |h'| <= delta and ||grad f|| <= delta * sum_i ||z_i|| = G: (10) satisfies (6)."),
        Equality(label="huber_not_twice_differentiable", latex=r"h_\delta''=1\ (|r|<\delta),\quad h_\delta''=0\ (|r|>\delta)",
                 lhs=lambda: sp.Matrix([sp.diff(inner, L.r, 2), sp.diff(outer, L.r, 2)]), rhs=sp.Matrix([1, 0])),
        Check(label="huber_runs_large_lr", printed=False, kind_name="float64 + mpmath runs",
              latex=r"\alpha=20\cdot2/\lambda_{\max}:\ f^{(k)}_{\rm best}\le\frac{R^2+G^2\alpha^2k}{2\alpha k}\ \forall k",
              run_check=lambda: _boyd_bound_holds(20.0), wrong_versions=[lambda: _boyd_bound_holds(20.0, monotone=True)]),
    ]


def measurements() -> dict[str, Any]:
    r"""Huber GD (float64, 3000 steps) at multiples of the edge of stability: max loss, rises, final best loss."""
    inst, out = huber_instance(), {}
    for factor in (0.5, 2.0, 20.0, 200.0):
        losses = huber_gd_losses(inst["beta0"], inst["Z"], inst["y"], factor * inst["eos"], 3000)
        out[f"{factor} x 2/lambda_max"] = {"max_loss": round(max(losses), 6), "rises": int((np.diff(losses) > 0).sum()),
                                           "best_loss": float(min(losses)), "alpha*G^2/2": factor * inst["eos"] * inst["G"] ** 2 / 2}
    out["gradient_norm_at_start"] = float(np.linalg.norm(huber_gradient(inst["beta0"], inst["Z"], inst["y"])))
    return {"huber_gd": out}


def theorem() -> Claim:
    r"""Proposition 5.1 as a checkable claim."""
    return Claim(id=ID, paper="kumar", label="Proposition 5.1", section="5", title="Bounded subgradients give non-divergence",
                 statement=r"All convex non-smooth loss functions having bounded subgradients, or satisfying (6), show unstable convergence "
                           r"(non-divergence to $\infty$).",
                 reference="Kumar, §5, Prop. 5.1; App. D.1", assumptions=_assumptions(), steps=_steps(), extra=measurements,
                 notes=["Checked reading: f_best stays bounded (lim f_best - f* <= alpha G^2/2). Bounded iterates need a minimizer (A3)."])
