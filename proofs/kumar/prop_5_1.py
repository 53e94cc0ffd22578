r"""Kumar, Proposition 5.1: convex losses with bounded subgradients show "unstable convergence".

Reference: [Kumar, §5, Prop. 5.1; proof in App. D.1; Huber example eq. (10), Figure 4]

Statement:   All convex non-smooth loss functions having bounded subgradients, or satisfying (6),
             will show unstable convergence, defined in §5 as "non-divergence to infinity".
Readings:    ``loss_bounded`` (the sentence's: the losses :math:`f(\beta^{(k)})` of the iterates do not
             diverge, :math:`\sup_k f(\beta^{(k)})<\infty`); ``best_iterate`` (what D.1's Boyd bound gives:
             :math:`\lim_k f^{(k)}_{\rm best}-f^\star\le\alpha G^2/2`; as a reading of non-divergence it
             is vacuous, :math:`f^{(k)}_{\rm best}\le f(\beta^{(0)})` for every sequence); ``iterates_bounded``
             (:math:`\sup_k\|\beta^{(k)}\|<\infty`).  D.1 as reconstructed (kumar_equations.md, medium).
             Huber (10): :math:`h_\delta(r)=r^2/2` (:math:`|r|\le\delta`), :math:`\delta(|r|-\delta/2)` otherwise, :math:`\delta=1`.
Assumptions: A1 convex                    unknown (the one-step inequality uses it)
             A2 bounded subgradients (6)  necessary (loss reading): f = beta^2, alpha = 3/2 gives f(beta^(k)) = 4^k f(beta^(0))
             A3 a minimizer exists        used not stated (R = ||beta0 - beta*||); necessary for the iterates reading: f = -beta
             A4 non-smooth                superfluous: the smooth 1-Lipschitz f = sqrt(1+beta^2) obeys the bound at alpha = 10
             A5 minimizer set bounded     used by the repaired proof; unknown for the loss reading, necessary for the iterates reading
Proof outline:
  1. `bounded_subgradients_of_6`     cited: (6) for convex f <=> ||g|| <= G
  2. `one_step_expansion`            ||b - a g - b*||^2 = ||b - b*||^2 - 2a g.(b - b*) + a^2 ||g||^2
  3. `one_step_inequality`           with g.(b - b*) = f - f* + e (e >= 0) and ||g||^2 = G^2 - c (c >= 0): the decrease is 2ae + a^2 c >= 0
  4. `boyd_bound_d1`                 printed: Boyd's bound for every f with bounded subgradients -- presupposes a minimizer (f = -beta has none)
  5. `boyd_bound_given_minimizer`    repair, cited: Boyd §2 with a minimizer beta*
  6. `bound_limit_d1`                (R^2 + G^2 a^2 k)/(2 a k) -> a G^2/2 as k -> oo: the best-iterate bound
  7. `best_iterate_reading_is_vacuous`  f = beta^2, alpha = 3/2: f_best = 1 for all k while f(beta^(k)) = 4^k
  8. `hence_the_result`              printed: "hence" the iterates' loss obeys the bound -- f = |beta|: 1.98 x the bound forever
  9. `last_iterate_bound_bounded_minimizers`  repair (Z3): dist(beta^(k), X*) <= max(d_0, D + aG), f - f* <= G max(d_0, D + aG)
 10. `bounded_minimizer_set_bounds_sublevel_sets`  cited: X* nonempty and bounded => D = sup{dist(x, X*): f(x) <= f* + aG^2/2} < oo
 11. `last_iterate_bound_on_witness` the repaired bound holds (and is nearly attained) on the f = |beta| witness
 12. `iterates_run_off_on_a_minimizer_ray`  iterates reading: a convex Lipschitz f with an unbounded minimizer set, iterates -> oo
 13. `huber_derivative_pieces`       h' = r, delta, -delta on the three pieces: |h'| <= delta
 14. `huber_not_twice_differentiable`  h'' = 1 inside, 0 outside: h is C^1, not C^2
 15. `huber_runs_large_lr`           GD on overparameterized Huber at 20x the edge of stability: the losses stay bounded
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import mpmath
import numpy as np
import sympy as sp

from numeric.lasso import huber_gd_losses, huber_gradient
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Inequality, Limit, Necessity, Reading, StepResult,
                           Witness, WitnessCheck)
from proofs.kumar.shown import ALPHA, BETA0, exact, point
from symbolic import lasso as L

ID = "kumar.prop_5_1"
a_s, R_s, G_s = sp.symbols("alpha R G", positive=True)
X0, Y0 = sp.symbols("x_0 y_0")  # the start of the run on the minimizer ray
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


def _huber_losses_bounded(factor: float, decreasing: bool = False) -> StepResult:
    r"""Loss reading on the Huber instance at ``factor`` x the edge of stability: the losses of the last 1000 of 3000
    iterates never exceed those of iterates 1000..1999 (no growth; ``decreasing``: the wrong claim that they fall)."""
    inst = huber_instance()
    alpha = factor * inst["eos"]
    losses = np.array(huber_gd_losses(inst["beta0"], inst["Z"], inst["y"], alpha, 3000))
    middle, last = losses[1000:2000].max(), losses[2000:].max()
    ok = bool(np.isfinite(losses).all() and last <= middle * (1 + 1e-9))
    if decreasing:
        ok = bool(np.all(np.diff(losses[1000:]) <= 0))
    best = float(np.minimum.accumulate(losses)[-1])
    never_below_start = best == float(losses[0])
    return StepResult(ok, "numeric", "float64-run",
                      f"alpha = {factor} x 2/lambda_max: max loss {middle:.6g} over iterates 1000..1999 and {last:.6g} over "
                      f"2000..3000 (bounded, no growth; the losses end in a 2-cycle {losses[-2]:.4g}/{losses[-1]:.4g}); "
                      + (f"f_best = f(beta^(0)) = {best:.4g} throughout, so the best-iterate bound says nothing here"
                         if never_below_start else f"f_best = {best:.4g}"),
                      None if ok else "the losses grow", sample={"points": 3001, "precision": "float64"},
                      outcomes={"float64": f"losses bounded: 2-cycle {losses[-2]:.4g}/{losses[-1]:.4g}",
                                "exact": "not run; the instance has an affine minimizer set (P > N), on which the loss reading "
                                         "holds because f depends on beta only through Z beta"},
                      settings={"instance": {"value": "huber_instance(seed=0), 5x10, delta = 1", "paper": False},
                                "alpha": {"value": f"{factor} x 2/lambda_max", "paper": False}})


def _quadratic_run(params: Mapping[str, Any], alpha: Fraction) -> list[Fraction]:
    b, out = Fraction(1), []
    for _ in range(12):
        out.append(b * b)
        b = b - alpha * 2 * b
    return out


def _linear_run(params, alpha: Fraction) -> list[Fraction]:
    return [Fraction(0) + alpha * k for k in range(50)]  # f = -beta: beta^(k) = beta^(0) + k*alpha (gradient -1)


def _smooth_lipschitz_bound(moves: bool = True) -> StepResult:
    r"""Boyd's bound :math:`f_{best}^{(k)}-f^\star\le(R^2+G^2\alpha^2k)/(2\alpha k)` for the smooth
    :math:`f=\sqrt{1+\beta^2}-1` (:math:`G=1`, :math:`f^\star=0`) at :math:`\alpha=10` (beyond :math:`2/L=2`)
    from :math:`\beta^{(0)}=100` (:math:`R=100`), at 50 digits.  The start makes the bound bite: it is below
    :math:`f(\beta^{(0)})\approx99` from :math:`k=6` on, so a run that did not descend would fail it (``moves=False``,
    the wrong version: the iterate stays at :math:`\beta^{(0)}`)."""
    with mpmath.workdps(50):
        alpha, b, vals = mpmath.mpf(10), mpmath.mpf(100), []
        for _ in range(400):
            vals.append(mpmath.sqrt(1 + b * b) - 1)
            b = b - alpha * b / mpmath.sqrt(1 + b * b) if moves else b
        R, best, closest = mpmath.mpf(100), mpmath.inf, (mpmath.mpf(0), 0)
        for k in range(1, 401):
            best = min(best, vals[k - 1])
            bound = (R**2 + alpha**2 * k) / (2 * alpha * k)
            if best > bound:
                return StepResult(False, "numeric", "mpmath-50", f"bound fails at k={k}",
                                  counterexample=r"$f=\sqrt{1+\beta^2}$, $\alpha=10$, $\beta^{(0)}=100$: Boyd's bound fails "
                                                 r"at $k={k_at}$ (50 digits)", values={"k_at": k})
            closest = max(closest, (best / bound, k))
    return StepResult(True, "numeric", "mpmath-50",
                      f"f = sqrt(1+beta^2) (smooth, G = 1), alpha = 10, beta0 = 100: Boyd's bound at k = 1..400; "
                      f"closest at k = {closest[1]}: f_best/bound = {mpmath.nstr(closest[0], 4)}",
                      sample={"points": 400, "dps": 50, "where": {"f": "sqrt(1+beta^2)", "alpha": "10", "beta0": "100"}})


# ---------------------------------------------------------------- the readings' witnesses


def _abs_run(beta0: Fraction = Fraction(999, 1000), alpha: Fraction = Fraction(1, 10), steps: int = 40) -> list[Fraction]:
    r"""Subgradient method on :math:`f(\beta)=|\beta|` (:math:`G=1`, sign(0) = 0), exactly."""
    out, b = [], beta0
    for _ in range(steps + 1):
        out.append(b)
        b = b - alpha * ((b > 0) - (b < 0))
    return out


def _last_iterate_exceeds_best_bound(alpha: Fraction = Fraction(1, 10), beta0: Fraction = Fraction(999, 1000)) -> StepResult:
    r"""The printed "hence": the iterates' loss obeys :math:`\limsup_k f(\beta^{(k)})-f^\star\le\alpha G^2/2`.
    On :math:`f=|\beta|` the run ends in an exact 2-cycle (so the pattern repeats forever) whose larger loss
    exceeds :math:`\alpha G^2/2`."""
    run = _abs_run(beta0, alpha)
    periodic = run[-1] == run[-3] and run[-2] == run[-4]  # the map depends only on beta: a 2-cycle repeats forever
    top, bound = max(abs(run[-1]), abs(run[-2])), alpha / 2  # f* = 0, G = 1
    best = min(abs(b) for b in run)
    ok = not (periodic and top > bound)
    return StepResult(ok, "symbolic", "exact-rational", f"f = |beta|, alpha = {alpha}, beta0 = {beta0}: 2-cycle {run[-2]}, {run[-1]} "
                      f"(exact, periodic); f_best = {best} <= alpha G^2/2 = {bound}, but f(beta^(k)) = {top} at every other k, "
                      f"{float(top / bound):.2f} x the bound",
                      counterexample=None if ok else r"$f=|\beta|$ ($G=1$, $f^\star=0$) at {point}: "
                                                     r"$\limsup_k f(\beta^{(k)})-f^\star={top}>\alpha G^2/2={bound}$",
                      evidence="proved", values={"point": point({ALPHA: alpha, BETA0: beta0}), "top": exact(top),
                                                 "bound": exact(bound), "ratio": exact(top / bound)})


def _lemma_last_iterate() -> StepResult:
    r"""Z3: one step of the induction :math:`d_{k+1}\le M:=\max(d_0,D+\alpha G)` and :math:`f-f^\star\le GM`.

    Hypotheses (all reals): :math:`\alpha,G>0`; :math:`d_k,d_{k+1},D\ge0`; :math:`\Delta=f(\beta^{(k)})-f^\star\in[0,Gd_k]`
    (f is G-Lipschitz, :math:`f=f^\star` at the projection :math:`p_k` of :math:`\beta^{(k)}` on :math:`X^\star`);
    :math:`d_{k+1}^2\le d_k^2-2\alpha\Delta+\alpha^2G^2` (the one-step inequality at :math:`\beta^\star=p_k`);
    :math:`d_{k+1}\le d_k+\alpha G` (dist is 1-Lipschitz, :math:`\|\beta^{(k+1)}-\beta^{(k)}\|\le\alpha G`);
    :math:`\Delta\le\alpha G^2/2\Rightarrow d_k\le D` (definition of :math:`D`); :math:`d_k\le M`, :math:`M\ge D+\alpha G`.
    """
    import z3
    a, G, d, dn, D, Df, M = z3.Reals("alpha G d d_next D Delta M")
    hyps = [a > 0, G > 0, d >= 0, dn >= 0, D >= 0, Df >= 0, Df <= G * d, dn * dn <= d * d - 2 * a * Df + a * a * G * G,
            dn <= d + a * G, z3.Implies(Df <= a * G * G / 2, d <= D), d <= M, M >= D + a * G]
    solver = z3.Solver()
    solver.set("timeout", 20000)
    solver.add(*hyps, z3.Not(z3.And(dn <= M, Df <= G * M)))
    verdict = solver.check()
    ok = verdict == z3.unsat
    return StepResult(ok, "symbolic", "z3", "Z3: no counterexample to d_(k+1) <= M and f - f* <= G M under the hypotheses"
                      if ok else f"Z3 answered {verdict}", evidence="proved" if ok else None, engines=("z3",) if ok else ())


def _lemma_last_iterate_wrong() -> StepResult:
    r"""The wrong lemma: the iterates' loss obeys the best-iterate level, :math:`\Delta\le\alpha G^2/2`."""
    import z3
    a, G, d, dn, D, Df, M = z3.Reals("alpha G d d_next D Delta M")
    solver = z3.Solver()
    solver.add(a > 0, G > 0, d >= 0, D >= 0, Df >= 0, Df <= G * d, d <= M, M >= D + a * G, Df > a * G * G / 2)
    return StepResult(solver.check() == z3.unsat, "symbolic", "z3", "wrong lemma: Delta <= alpha G^2/2")


def _bound_on_witness(level: str = "repaired") -> StepResult:
    r"""On :math:`f=|\beta|` (:math:`X^\star=\{0\}`, :math:`S=\{|x|\le\alpha/2\}`, :math:`D=\alpha/2`, :math:`G=1`) the
    repaired bound :math:`G\max(d_0,D+\alpha G)` holds at every iterate of the exact run (``best``: the best-iterate level fails)."""
    alpha, beta0 = Fraction(1, 10), Fraction(999, 1000)
    run = _abs_run(beta0, alpha)
    bound = max(abs(beta0), alpha / 2 + alpha) if level == "repaired" else alpha / 2
    worst = max(abs(b) for b in run)
    late = max(abs(b) for b in run[-2:])
    ok = worst <= bound
    return StepResult(ok, "symbolic", "exact-rational", f"f = |beta|, alpha = 1/10, beta0 = 999/1000: max_k f(beta^(k)) = {worst} <= "
                      f"{bound} (G max(d_0, D + alpha G)); late iterates reach {late} (D + alpha G = {alpha / 2 + alpha})",
                      counterexample=None if ok else r"$f=|\beta|$, $\alpha=1/10$, $\beta^{(0)}=999/1000$: "
                                                     r"$\max_k f(\beta^{(k)})={worst}>{bound}$",
                      values={"worst": exact(worst), "bound": exact(bound)},
                      evidence="proved-on-scope" if ok else None,
                      scope={"cases": [{"f": "|beta|", "alpha": "1/10", "beta0": "999/1000", "k": "0..40, then periodic"}]} if ok else None)


def _ray_run(alpha: float = 0.5, steps: int = 20000, x0: float = 1.0, y0: float = 0.3) -> tuple[list[float], list[float]]:
    r"""GD on :math:`f(x,y)=|y|+H(x,y)`, :math:`H(x,y)=\sup_{|s|\le1}(sy-xs^2/2)` (the perspective of the Huber function):
    :math:`\nabla H=(-s^2/2,\ s)` with :math:`s=\mathrm{clip}(y/x,-1,1)` for :math:`x>0`.  Returns the x's and the losses
    of iterates 0..steps (so ``xs[k]`` is :math:`x_k`)."""
    x, y, xs, fs = x0, y0, [], []
    for _ in range(steps + 1):
        s = max(-1.0, min(1.0, y / x)) if x > 0 else (1.0 if y > 0 else -1.0)
        fs.append(abs(y) + (y * y / (2 * x) if abs(y) <= x else abs(y) - x / 2))
        xs.append(x)
        gy = (1.0 if y > 0 else -1.0 if y < 0 else 0.0) + s
        x, y = x + alpha * s * s / 2, y - alpha * gy
    return xs, fs


def _iterates_run_off(grow_to: float = 8.0, statement: bool = False) -> StepResult:
    r"""A convex f with :math:`\|g\|\le\sqrt{17}/2`, minimum 0 on the ray :math:`X^\star=\{(x,0):x\ge0\}`: GD's x grows
    without bound (it never decreases: :math:`\partial_xH=-s^2/2\le0`) while the loss stays bounded."""
    alpha, x0, y0 = 0.5, 1.0, 0.3
    xs, fs = _ray_run(alpha, x0=x0, y0=y0)
    G = 17**0.5 / 2
    monotone = all(b >= a for a, b in zip(xs, xs[1:]))
    ok = monotone and xs[-1] >= grow_to and max(fs[100:]) <= fs[0] + G * G * alpha
    values = {"x_last": xs[-1], "steps": len(xs) - 1, "f_max": max(fs), "point": {ALPHA: alpha, X0: x0, Y0: y0}}  # float64
    if statement:  # the printed statement read for the iterates: false when they run off
        return StepResult(not ok, "numeric", "float64-run", f"x_k runs off: x_{len(xs) - 1} = {xs[-1]:.4g}, loss <= {max(fs):.3g}",
                          counterexample=r"$f=|y|+H(x,y)$ from {point}: $x_k$ never decreases and $x_{steps}={x_last}$ "
                                         r"while $f\le{f_max}$ (float64 run)" if ok else None,
                          sample={"points": len(xs), "precision": "float64"}, values=values)
    return StepResult(ok, "numeric", "float64-run",
                      f"f = |y| + H(x, y), alpha = {alpha}, from (1, 0.3): x_k non-decreasing, x = {xs[1000]:.3g}, {xs[10000]:.3g}, "
                      f"{xs[-1]:.3g} at k = 1e3, 1e4, 2e4 (unbounded: each pair of steps adds at least alpha^3/(32 x^2)); "
                      f"the loss stays in [{min(fs[100:]):.3g}, {max(fs[100:]):.3g}]",
                      None if ok else r"$x_k$ reaches only ${x_last}$ (float64 run)", values=values,
                      sample={"points": len(xs), "precision": "float64"},
                      outcomes={"float64": f"x_{len(xs) - 1} = {xs[-1]:.4g}, loss bounded",
                                "exact": "not run; x_k is non-decreasing exactly (the x-gradient is -s^2/2 <= 0)"})


READINGS = (
    Reading("loss_bounded", r"the losses of the iterates do not diverge: $\sup_k f(\beta^{(k)})<\infty$",
            "§5: 'We define unstable convergence as non-divergence to oo', about the loss as in the Edge-of-Stability "
            "literature"),
    Reading("best_iterate", r"$\lim_k f^{(k)}_{\mathrm{best}}-f^\star\le\alpha G^2/2$, which is what D.1's Boyd bound gives; "
                            r"as a reading of 'non-divergence' it is vacuous ($f^{(k)}_{\mathrm{best}}\le f(\beta^{(0)})$ for "
                            r"every sequence)",
            "App. D.1 as reconstructed (kumar_equations.md: the missing tail is Boyd's bound, medium)", plausible=False),
    Reading("iterates_bounded", r"the iterates themselves stay bounded: $\sup_k\|\beta^{(k)}\|<\infty$",
            "§5 'non-divergence to oo' read for the sequence; less plausible: §5 uses the phrase, after Cohen et al., for "
            "the training loss (checked and shown, not deciding the verdict)", plausible=False),
)


def _assumptions() -> list[Assumption]:
    return [
        Assumption("A1", "f convex", r"f\ \text{convex}", necessity=Necessity("unknown", "The one-step inequality uses convexity; no counterexample was searched for.")),
        Assumption("A2", "bounded subgradients (6)", r"\|g\|\le G",
                   necessity=Necessity("necessary", r"Loss reading: $f=\beta^2$ (convex, smooth, unbounded gradient) with "
                                                    r"$\alpha=3/2$ and $\beta^{(0)}=1$ maps $\beta\mapsto-2\beta$, so "
                                                    r"$f(\beta^{(k)})=4^k$ diverges: $f(\beta^{(11)})={lhs}={rhs}$ (exact). "
                                                    r"The best-iterate reading holds here anyway: $f^{(k)}_{\mathrm{best}}=1$.",
                                       check=Witness(label="quadratic_diverges", latex=r"f=\beta^2,\ \alpha=\tfrac32:\ f(\beta^{(k)})=4^k",
                                                     construct=lambda p: _quadratic_run(p, Fraction(3, 2)),
                                                     verify=lambda p, f: WitnessCheck(lhs=exact(f[-1]), rhs=sp.Pow(4, 11, evaluate=False),
                                                                                      holds=all(f[i + 1] == 4 * f[i] for i in range(len(f) - 1))),
                                                     cases=[{}], for_all=False,  # one counterexample
                                                     wrong_constructions=[lambda p: _quadratic_run(p, Fraction(1, 4))]))),
        Assumption("A3", "a minimizer exists", r"\exists\beta^\star", used_not_stated=True,
                   necessity=Necessity("necessary", r"D.1 uses $R=\|\beta^{(0)}-\beta^\star\|$. Iterates reading: $f=-\beta$ "
                                                    r"(convex, 1-Lipschitz, no minimizer) from $\beta^{(0)}=0$ with $\alpha=1/10$ has "
                                                    r"$\beta^{(k)}=k\alpha\to\infty$ ($\beta^{(49)}={lhs}$, exact). Under the loss "
                                                    r"reading $f(\beta^{(k)})=-k\alpha$ does not diverge to $+\infty$: no "
                                                    r"counterexample is known there.",
                                       check=Witness(label="linear_loss_iterates_diverge", latex=r"f=-\beta:\ \beta^{(k)}=k\alpha\to\infty",
                                                     construct=lambda p: _linear_run(p, Fraction(1, 10)),
                                                     verify=lambda p, b: WitnessCheck(lhs=exact(b[-1]), rhs="grows by alpha per step",
                                                                                      holds=all(b[i + 1] - b[i] == Fraction(1, 10) for i in range(len(b) - 1))),
                                                     cases=[{}], for_all=False,  # one counterexample
                                                     wrong_constructions=[lambda p: _linear_run(p, Fraction(0))]))),
        Assumption("A4", "f non-smooth", r"f\notin C^2",
                   necessity=Necessity("superfluous", r"Boyd's bound holds for the smooth 1-Lipschitz convex "
                                                      r"$f=\sqrt{1+\beta^2}$ at $\alpha=10$ from $\beta^{(0)}=100$, where the bound is below "
                                                      r"$f(\beta^{(0)})$ from $k=6$ on (50-digit run, $k\le400$).",
                                       check=Check(label="smooth_lipschitz_obeys_bound", latex=r"f=\sqrt{1+\beta^2},\ \alpha=10",
                                                   run_check=_smooth_lipschitz_bound,
                                                   wrong_versions=[lambda: _smooth_lipschitz_bound(moves=False),
                                                                   lambda: _huber_losses_bounded(20.0, decreasing=True)]))),
        Assumption("A5", "minimizer set nonempty and bounded", r"\emptyset\ne X^\star\ \text{bounded}", used_not_stated=True,
                   necessity=Necessity("unknown", r"Used by the repaired proof (step last_iterate_bound_bounded_minimizers). "
                                                  r"Loss reading: no counterexample is known without it (the paper's examples (7) and "
                                                  r"(10) satisfy the conclusion anyway). Iterates reading: needed, see step "
                                                  r"iterates_run_off_on_a_minimizer_ray.")),
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
                   justification=r"Convexity: $g^\top(\beta-\beta^\star)\ge f(\beta)-f^\star=\Delta$, so "
                                 r"$g^\top(\beta-\beta^\star)=\Delta+e$ with $e\ge0$; $\|g\|^2=G^2-c$ with $c\ge0$."),
        Check(label="boyd_bound_d1", kind_name="exact witness",
              latex=r"f^{(k)}_{\rm best}-f^\star\le\frac{R^2+G^2\alpha^2k}{2\alpha k},\ R=\|\beta^{(0)}-\beta^\star\|\ \text{(every } f \text{ with } \|g\|\le G)",
              run_check=_no_minimizer_witness,
              erratum=r"D.1 applies Boyd's bound to every convex $f$ with bounded subgradients, but its "
                      r"$R=\|\beta^{(0)}-\beta^\star\|$ presupposes a minimizer: $f=-\beta$ ($|g|=1$) has none; along the "
                      r"run at {point}, $f(\beta^{(k)})=-k\alpha$ reaches ${last}$ at $k={k_last}$, so $f^\star=-\infty$ and "
                      r"the bound is void."),
        Cited(label="boyd_bound_given_minimizer", repairs="boyd_bound_d1",
              latex=r"\exists\beta^\star:\ f^{(k)}_{\rm best}-f^\star\le\frac{R^2+G^2\alpha^2k}{2\alpha k}",
              reference="Boyd, Xiao, Mutapcic (2003), Subgradient methods, §2 (telescoping the one-step inequality; assumes a minimizer)"),
        Limit(label="bound_limit_d1", latex=r"\lim_{k\to\infty}\frac{R^2+G^2\alpha^2k}{2\alpha k}=\frac{\alpha G^2}{2}<\infty",
              expr=(R_s**2 + G_s**2 * a_s**2 * k_s) / (2 * a_s * k_s), var=k_s, point=sp.oo, expected=a_s * G_s**2 / 2),
        Witness(label="best_iterate_reading_is_vacuous", printed=False, reading="best_iterate",
                latex=r"f=\beta^2,\ \alpha=\tfrac32:\ f^{(k)}_{\rm best}=1\ \forall k,\ f(\beta^{(k)})=4^k",
                construct=lambda p: _quadratic_run(p, Fraction(3, 2)),
                verify=lambda p, f: WitnessCheck(lhs=f"f_best = {min(f)}, f(beta^(11)) = {f[-1]}", rhs="1 and 4^11",
                                                 holds=min(f) == 1 and all(f[i + 1] == 4 * f[i] for i in range(len(f) - 1))),
                cases=[{}], for_all=False, wrong_constructions=[lambda p: _quadratic_run(p, Fraction(1, 4))],
                justification="The best-iterate statement holds for a run whose loss diverges: it cannot express non-divergence."),
        Check(label="hence_the_result", reading="loss_bounded", kind_name="exact witness",
              latex=r"\text{hence } \limsup_k f(\beta^{(k)})-f^\star\le\frac{\alpha G^2}{2}\ \text{(the bound read for the iterates)}",
              run_check=_last_iterate_exceeds_best_bound,
              erratum=r"D.1's bound is on the best iterate only and says nothing about the loss of the current iterate: for "
                      r"$f=|\beta|$ ($G=1$, $f^\star=0$) at {point} the run ends in an exact 2-cycle, and the iterate's loss "
                      r"is ${top}$ at every other step forever, ${ratio}$ times $\alpha G^2/2={bound}$. Non-divergence needs "
                      r"an argument of its own."),
        Check(label="last_iterate_bound_bounded_minimizers", repairs="hence_the_result", reading="loss_bounded", kind_name="Z3 lemma",
              latex=r"X^\star\ne\emptyset:\ \operatorname{dist}(\beta^{(k)},X^\star)\le M:=\max(d_0,D+\alpha G),\ f(\beta^{(k)})-f^\star\le GM",
              run_check=_lemma_last_iterate, wrong_versions=[_lemma_last_iterate_wrong],
              justification=r"Induction on $k$: if $f(\beta^{(k)})-f^\star>\alpha G^2/2$ the one-step inequality at "
                            r"the projection on $X^\star$ shrinks the distance; otherwise the iterate lies in "
                            r"$S=\{x:f(x)\le f^\star+\alpha G^2/2\}$, within $D$ of $X^\star$, and one step moves it "
                            r"at most $\alpha G$. $D<\infty$ when $X^\star$ is nonempty and bounded (next step): "
                            r"then the losses stay bounded for every $\alpha$."),
        Cited(label="bounded_minimizer_set_bounds_sublevel_sets", reading="loss_bounded", printed=False,
              latex=r"\emptyset\ne X^\star\ \text{bounded}\Rightarrow D=\sup\{\operatorname{dist}(x,X^\star):f(x)\le f^\star+\alpha G^2/2\}<\infty",
              reference="Rockafellar, Convex Analysis, Cor. 8.7.1 (one bounded nonempty level set => all level sets bounded)"),
        Check(label="last_iterate_bound_on_witness", printed=False, reading="loss_bounded", kind_name="exact run",
              latex=r"f=|\beta|:\ f(\beta^{(k)})\le G\max(d_0,D+\alpha G)\ \forall k",
              run_check=_bound_on_witness, wrong_versions=[lambda: _bound_on_witness("best")]),
        Check(label="iterates_stay_bounded", role="statement", reading="iterates_bounded", kind_name="float64 run",
              latex=r"\sup_k\|\beta^{(k)}\|<\infty\ \text{for every convex } f \text{ with } \|g\|\le G",
              run_check=lambda: _iterates_run_off(statement=True),
              erratum=r"Read for the iterates, the statement needs a bounded minimizer set: $f(x,y)=|y|+H(x,y)$, where "
                      r"$H(x,y):=\sup_{|s|\le1}(sy-xs^2/2)$ is the perspective of the Huber function, is convex with "
                      r"bounded subgradients and minimum 0 on the ray $\{(x,0):x\ge0\}$; from {point} GD's $x_k$ never "
                      r"decreases and reaches ${x_last}$ after ${steps}$ steps while the loss stays below ${f_max}$ "
                      r"(float64 run)."),
        Check(label="iterates_run_off_on_a_minimizer_ray", repairs="iterates_stay_bounded", reading="iterates_bounded",
              kind_name="float64 run",
              latex=r"f=|y|+\sup_{|s|\le1}(sy-xs^2/2):\ X^\star=\{(x,0):x\ge0\},\ x_k\to\infty,\ f(x_k,y_k)\ \text{bounded}",
              run_check=_iterates_run_off, wrong_versions=[lambda: _iterates_run_off(1e6)],
              justification=r"The repaired reading: with a nonempty bounded minimizer set the iterates stay within "
                            r"$\max(d_0,D+\alpha G)$ of it (step last_iterate_bound_bounded_minimizers); without it "
                            r"they can run off."),
        Equality(label="huber_derivative_pieces", latex=r"h_\delta'(r)=r\ (|r|<\delta),\ \delta\ (r>\delta),\ -\delta\ (r<-\delta)",
                 lhs=lambda: sp.Matrix(L.huber_derivative_pieces()), rhs=sp.Matrix([L.r, L.delta, -L.delta]),
                 justification=r"So $|h_\delta'|\le\delta$ and $\|\nabla f\|\le\delta\sum_i\|z_i\|=G$: (10) "
                               r"satisfies (6)."),
        Equality(label="huber_not_twice_differentiable", latex=r"h_\delta''=1\ (|r|<\delta),\quad h_\delta''=0\ (|r|>\delta)",
                 lhs=lambda: sp.Matrix([sp.diff(inner, L.r, 2), sp.diff(outer, L.r, 2)]), rhs=sp.Matrix([1, 0])),
        Check(label="huber_runs_large_lr", printed=False, reading="loss_bounded", kind_name="float64 run",
              latex=r"\alpha=20\cdot2/\lambda_{\max}:\ \max_{k\ge2000}f(\beta^{(k)})\le\max_{1000\le k<2000}f(\beta^{(k)})",
              run_check=lambda: _huber_losses_bounded(20.0), wrong_versions=[lambda: _huber_losses_bounded(20.0, decreasing=True)]),
    ]


def _no_minimizer_witness(alpha: Fraction = Fraction(1, 10), steps: int = 50) -> StepResult:
    r"""The printed step presupposes a minimizer for every convex f with :math:`\|g\|\le G`; :math:`f=-\beta` (G = 1) has none:
    along the subgradient method :math:`f(\beta^{(k)})=-k\alpha` decreases without bound (``alpha = 0``: a run that stalls)."""
    run = _linear_run({}, alpha)[:steps]
    losses = [-b for b in run]
    unbounded = alpha > 0 and all(losses[i + 1] - losses[i] == -alpha for i in range(len(losses) - 1))
    return StepResult(not unbounded, "symbolic", "exact-rational",
                      f"f = -beta, alpha = {alpha}: f(beta^(k)) = -k alpha, f(beta^({steps - 1})) = {losses[-1]}: no minimizer",
                      counterexample=r"$f=-\beta$ at {point}: $f(\beta^{(k)})=-k\alpha$, ${last}$ at $k={k_last}$, so "
                                     r"$\inf f=-\infty$ and $R=\|\beta^{(0)}-\beta^\star\|$ is undefined" if unbounded else None,
                      evidence="proved", values={"point": point({ALPHA: alpha, BETA0: run[0]}), "last": exact(losses[-1]),
                                                 "k_last": steps - 1})


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
                 statement_kind="reconstructed", readings=READINGS,
                 repaired_statement=r"For convex $f$ with $\|g\|\le G$ and a nonempty bounded minimizer set $X^\star$, the losses of "
                                    r"the iterates stay bounded for every $\alpha>0$: $f(\beta^{(k)})-f^\star\le "
                                    r"G\max(\operatorname{dist}(\beta^{(0)},X^\star),D+\alpha G)$ with $D=\sup\{\operatorname{dist}(x,X^\star):"
                                    r"f(x)\le f^\star+\alpha G^2/2\}<\infty$. D.1's Boyd bound alone gives only the best-iterate "
                                    r"bound $\lim_k f^{(k)}_{\rm best}-f^\star\le\alpha G^2/2$ (which holds for every sequence in the "
                                    r"weak sense $f_{\rm best}\le f(\beta^{(0)})$); the last iterate can stay at almost twice that "
                                    r"level, and with an unbounded minimizer set the iterates can run off while the loss stays bounded.",
                 notes=[r"Verdicts per reading: loss_bounded (the sentence's): D.1's 'hence' is a gap (step hence_the_result), "
                        r"repaired under a nonempty bounded minimizer set $X^\star$ (A5); without A5 no counterexample is known "
                        r"and none is claimed. best_iterate (what D.1 proves, given a minimizer): true but vacuous as "
                        r"non-divergence. iterates_bounded (less plausible, shown): false without A5 (step "
                        r"iterates_stay_bounded fails on a minimizer ray), true with it (same lemma).",
                        r"The paper's examples satisfy the loss reading: (7) has "
                        r"$|\beta^{(k)}_i|\le\max(|\beta^{(0)}_i|,\alpha\lambda)$, and the overparameterized Huber loss "
                        r"depends on $\beta$ only through $Z\beta$ (step huber_runs_large_lr, float64)."])
