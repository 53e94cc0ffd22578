r"""Kumar, Proposition B.11 and §B.4: NDGM's loss bound and the RMSProp-vs-NDGM crossover in lambda.

Reference: [Kumar, App. B.4, Prop. B.11 and the discussion after it; Figure 6]

Statement:   For the vanilla NDGM sequence, :math:`f(\beta^{(k)})<n\alpha\lambda^2` for :math:`k\ge K`
             (:math:`n` = number of rows of :math:`\beta`).  §B.4: RMSProp has :math:`\|\beta^R\|_1<n\alpha`,
             so :math:`f(\beta^R)<n\alpha\lambda`; "therefore" RMSProp's loss exceeds NDGM's for
             :math:`\lambda\ll1` and is below it for :math:`\lambda\gg1`.  Worked numbers: :math:`n\alpha=1`,
             :math:`\lambda=0.01`: 0.01 vs 1e-4; :math:`\lambda=100`: 100 vs 1e4.
Reading:     the worked slots are the reconstruction's (:math:`\alpha=0.01,n=100`); the ordering sentence is
             read literally (at every late iterate) and as a statement about the bounds.
Assumptions: A1 beta0 off alpha*lambda*Z (B.2's a.s. event)   superfluous: otherwise the loss reaches 0 and the bound holds (one exact run)
Proof outline:
  1. `box_bound_from_b_2`          lambda * sum_i alpha*lambda*t_i < n*alpha*lambda^2 for t_i in (0,1) (n = 3)
  2. `loss_bound_b_11`             exact runs: f(beta^(k)) < n*alpha*lambda^2 for k = K..K+3
  3. `rmsprop_norm_bound`          50-digit RMSProp runs: ||beta^R||_1 < n*alpha late in the run (both conventions)
     `rmsprop_cycle_invariant_inside`  for every n and lambda, by induction over k (rmsprop_cycle.py):
                                      |beta^(k)_i| <= max(2T(k), |beta^(0)_i| - k m); the same for `rmsprop_cycle_invariant_pytorch`
     `settled_coordinate_inside`      once k m >= |beta^(0)_i|: |beta^(k+1)_i| <= T(k), so ||beta^(k+1)||_1 <= n T(k)
     `late_step_below_alpha_inside`   n T(k) < n*alpha when gamma^(k+1) lambda^2 < eps, and only then
                                      (`late_step_below_alpha_only_then_inside`): "late" means k >= 2749 at lambda = 100
  4. `worked_numbers`              n*alpha = 1: 0.01 vs 1e-4 (lambda = 0.01), 100 vs 1e4 (lambda = 100)
  5. `losses_ordered_like_bounds`  printed: lambda < 1 => f(beta^R) > f(beta^N) at late iterates
  6. `bounds_cross_at_lambda_1`    repaired: n*alpha*lambda > n*alpha*lambda^2 iff lambda < 1
Review notes: ||beta^R||_1 < n*alpha is proved for every n and lambda, but only from the iteration on
which gamma^(k+1) lambda^2 < eps (eps inside the root; PyTorch: lambda sqrt(1-gamma^(k+1)) + eps > lambda):
the printed "late" is that precondition.  Comparing upper bounds does not order the losses; RMSProp's small cycle points drift
to 0 (B.4; exactly 0 in float), so after 4200 steps at lambda = 0.5 RMSProp's loss is below NDGM's at every late iterate.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from math import ceil
from pathlib import Path
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from flint import arb

from numeric import kumar_experiments as ke
from numeric.optimizers import float_l1_history, ndgm_cycle, ndgm_trajectory, rmsprop_trajectory
from proofs.engine import Assumption, Check, Claim, Inequality, Necessity, Reading, StepResult, Witness, WitnessCheck
from proofs.kumar.rmsprop_cycle import late_iterate_steps
from proofs.kumar.toy_lasso import random_initializations
from proofs.kumar.shown import ALPHA, BETA0, LAMBDA, N, decimal, exact, point
from symbolic import optimizers as o

ID = "kumar.prop_b_11"
u1, u2, u3, w = sp.symbols("u_1 u_2 u_3 w", positive=True)


def _loss_bound(factor: Fraction) -> StepResult:
    for beta0, alpha, lam in random_initializations():
        K, n = ndgm_cycle(beta0, alpha, lam).K, len(beta0)
        for offset, b in enumerate(ndgm_trajectory(beta0, alpha, lam, K + 3)[K:]):
            loss = lam * sum(abs(x) for x in b)
            if not loss < factor * n * alpha * lam * lam:
                return StepResult(False, "symbolic", "exact-rational", f"f = {loss} >= {factor * n * alpha * lam * lam}",
                                  counterexample=r"at {point}: $f(\beta^{(k)})={loss}\ge{bound}$ at $k={k_at}\ge K={K_cycle}$",
                                  values={"point": point({ALPHA: alpha, LAMBDA: lam, BETA0: beta0}), "loss": exact(loss),
                                          "bound": exact(factor * n * alpha * lam * lam), "k_at": K + offset, "K_cycle": K})
    inits = random_initializations()
    # exact runs at chosen settings (B.2's 14 initializations): proved on exactly these
    return StepResult(True, "symbolic", "exact-rational",
                      f"f(beta^(k)) < {factor}*n*alpha*lambda^2 for k = K..K+3, {len(inits)} exact runs",
                      evidence="proved-on-scope",
                      scope={"cases": [{"alpha": str(a), "lam": str(l), "beta0": [str(b) for b in b0]} for b0, a, l in inits],
                             "k": "K..K+3"})


def _rmsprop_norm(scale: Fraction) -> StepResult:
    beta0 = [Fraction(27392337, 10**8), Fraction(-46042657, 10**8)]
    # the steps fall below alpha once gamma^k lambda^2 < eps (lambda = 1e-3: k > 460; lambda = 100: k > 2750, not run here)
    for convention in ("paper", "pytorch"):
        for lam, start in ((Fraction(1, 1000), 1000),):
            run = rmsprop_trajectory(beta0, Fraction(1, 100), lam, Fraction(99, 100), Fraction(1, 10**8), start + 100,
                                     convention=convention, dps=50)
            with mpmath.workdps(50):
                worst = max(sum(abs(x) for x in state[0]) for state in run[start:])
                if not worst < mpmath.mpf(scale.numerator) / scale.denominator * 2 * mpmath.mpf("0.01"):
                    return StepResult(False, "numeric", "mpmath-50", f"{convention}, lambda={lam}: ||beta||_1 = {mpmath.nstr(worst, 6)}",
                                      counterexample=r"{convention} convention, $\lambda={lam}$: $\max_{1000\le k\le1100}"
                                                     r"\|\beta^{R,(k)}\|_1={worst}$, not below ${bound}$ (50 digits)",
                                      values={"convention": convention, "lam": exact(lam), "worst": mpmath.nstr(worst, 6),
                                              "bound": exact(scale * 2 * Fraction(1, 100))})
    # one lambda, one initialization, 101 late iterates per convention, at 50 digits: a sample, not a proof
    return StepResult(True, "numeric", "mpmath-50", f"||beta^R||_1 < {scale}*n*alpha late in the run (n=2, lambda = 1e-3, k = 1000..1100)",
                      sample={"points": 2 * 101, "dps": 50,
                              "where": {"lambda": "1/1000", "alpha": "1/100", "gamma": "99/100", "eps": "1e-8", "n": 2,
                                        "beta0": [str(b) for b in beta0], "k": "1000..1100",
                                        "conventions": ["paper", "pytorch"]}})


def _worked(swap: bool) -> StepResult:
    alpha, n = Fraction(1, 100), 100
    table = {lam: (n * alpha * lam, n * alpha * lam * lam) for lam in (Fraction(1, 100), Fraction(100))}
    printed = {Fraction(1, 100): (Fraction(1, 100), Fraction(1, 10**4)), Fraction(100): (Fraction(100), Fraction(10**4))}
    if swap:
        printed = {k: (b, a) for k, (a, b) in printed.items()}
    ok = table == printed
    return StepResult(ok, "symbolic", "exact-rational", f"(RMSProp bound, NDGM bound) = {[(str(a), str(b)) for a, b in table.values()]}",
                      counterexample=None if ok else r"at $\lambda=1/100$ and $\lambda=100$ the bounds "
                                                     r"$(n\alpha\lambda,n\alpha\lambda^2)$ are {computed}, printed {printed}",
                      values={"computed": exact(list(table.values())), "printed": exact([printed[lam] for lam in table])})


def late_loss_comparison(lam: float, *, n: int = 100, alpha: float = 0.01, seed: int = 0, last: int = 100,
                         settle: int = 4000) -> float:
    r"""Fraction of the last ``last`` of :math:`\lceil1/(\alpha\lambda)\rceil+` ``settle`` iterations with RMSProp
    loss > NDGM loss (float64, PyTorch formulas, :math:`\beta^{(0)}\sim U[-1,1]^n` seeded).

    >>> late_loss_comparison(0.1, n=10)
    1.0
    """
    steps = ceil(1 / (alpha * lam)) + settle
    b0 = np.random.default_rng(seed).uniform(-1.0, 1.0, n)
    ndgm = float_l1_history(b0, "sgd", alpha=alpha, lam=lam, steps=steps)[-last:]
    rms = float_l1_history(b0, "rmsprop", alpha=alpha, lam=lam, steps=steps)[-last:]
    return float((rms > ndgm).mean())


#: The float64 run the first version of this claim took as a counterexample (project settings, seed 1).
ORDERING_RUN = {"lam": 0.5, "n": 100, "alpha": 0.01, "seed": 1, "last": 100, "settle": 4000}

#: An exact counterexample to the every-iterate reading: one coordinate, lambda = 1/100 << 1, and a start
#: whose RMSProp 2-cycle has a small end near 1e-5 (3/10 shifted by the small end 0.00203904207324694
#: that the start 3/10 reaches, plus 1e-5); PyTorch's RMSProp (eps outside the root).
ORDER_CASE = {"beta0": Fraction(3, 10) - Fraction(203904207324694, 10**17) + Fraction(1, 10**5), "alpha": Fraction(1, 100),
              "lam": Fraction(1, 100), "gamma": Fraction(99, 100), "eps": Fraction(1, 10**8), "steps": 3200, "last": 100}


def _arb_of(q: Fraction) -> arb:
    return arb(q.numerator) / q.denominator


def _ordering_exact(case: dict[str, Any] = ORDER_CASE) -> StepResult:
    r"""Every late iterate with :math:`f(\beta^R_k)>f(\beta^N_k)` (the every-iterate reading), decided rigorously:
    NDGM in exact rationals, RMSProp in Arb balls (every sign decided, else the check fails)."""
    c = case
    ndgm = ndgm_trajectory([c["beta0"]], c["alpha"], c["lam"], c["steps"])
    rms = rmsprop_trajectory([c["beta0"]], c["alpha"], c["lam"], c["gamma"], c["eps"], c["steps"], convention="pytorch",
                             backend="arb", dps=60)
    lam = _arb_of(c["lam"])
    below, above, example = [], [], None
    for k in range(c["steps"] - c["last"], c["steps"]):
        f_n = c["lam"] * abs(ndgm[k][0])
        f_r = lam * abs(rms[k][0][0])
        if f_r < _arb_of(f_n):
            below.append(k)
            example = example or (k, f_n, f_r)
        elif f_r > _arb_of(f_n):
            above.append(k)
        else:
            raise ArithmeticError(f"k = {k}: the order of the losses is undecided at 60 digits")
    values = {"below": len(below), "last": c["last"], "steps": c["steps"],
              "point": point({N: 1, ALPHA: c["alpha"], LAMBDA: c["lam"]}), "start": {BETA0: decimal(c["beta0"])},
              "gamma": exact(c["gamma"]), "eps": exact(c["eps"])}
    if example:  # the first late iterate where RMSProp's loss is below NDGM's: NDGM exact, RMSProp an Arb ball
        values |= {"k_ex": example[0], "f_ndgm": decimal(example[1]),
                   "f_rms": float(example[2].mid()), "f_rms_radius": float(example[2].rad())}  # the ball's centre and radius
    detail = (f"n = 1, lambda = {c['lam']}, alpha = {c['alpha']}, beta0 = {float(c['beta0']):.17g}: RMSProp's loss is below NDGM's at "
              f"{len(below)} and above at {len(above)} of the last {c['last']} of {c['steps']} iterates")
    ok = not below
    return StepResult(ok, "symbolic", "exact-rational+arb-balls", detail,
                      counterexample=None if ok else r"at {point}, {start} (PyTorch's RMSProp, $\gamma={gamma}$, "
                                                     r"$\epsilon={eps}$), $k={k_ex}$: "
                                                     r"$f(\beta^R_k)={f_rms}\pm{f_rms_radius}<f(\beta^N_k)={f_ndgm}$ (NDGM "
                                                     r"exact, RMSProp enclosed in a 60-digit Arb ball)",
                      evidence="proved", values=values,
                      outcomes={"exact (rationals and Arb balls)": detail,
                                "float64": "not needed: the counterexample is exact"},
                      settings={"n": {"value": 1, "paper": False}, "alpha": {"value": "1/100", "paper": False},
                                "lambda": {"value": "1/100 (lambda << 1)", "paper": False},
                                "beta0": {"value": str(c["beta0"]), "paper": False},
                                "RMSProp": {"value": "gamma 99/100, eps 1e-8 outside the root (PyTorch)", "paper": False}})


@functools.cache
def _old_counterexample_runs() -> dict[str, Any]:
    r"""The first version's setting rerun: 80-digit decimal tails of both methods, float64 comparison and zero count."""
    run = ORDERING_RUN
    steps = ceil(1 / (run["alpha"] * run["lam"])) + run["settle"]
    b0 = np.random.default_rng(run["seed"]).uniform(-1.0, 1.0, run["n"])
    exact = {o: ke.toy_lasso_losses(b0, o, alpha=run["alpha"], lam=run["lam"], steps=steps, arithmetic="decimal", dps=80)
             for o in ("ndgm", "rmsprop")}
    frac = late_loss_comparison(run["lam"], n=run["n"], alpha=run["alpha"], seed=run["seed"], last=run["last"], settle=run["settle"])
    _, zeros = ke.toy_lasso_losses(b0, "rmsprop", alpha=run["alpha"], lam=run["lam"], steps=steps, arithmetic="float64")
    return {"exact": {o: (v[0][-run["last"]:], v[1]) for o, v in exact.items()}, "frac": frac, "zeros": zeros}


def _float_counterexample_is_rounding(expect_exact_above: int = 100) -> StepResult:
    r"""At the first version's float64 counterexample (lambda = 1/2, n = 100, seed 1): exact (80 digits) RMSProp is above
    NDGM at every one of the last 100 iterates; float64 puts it below, with many RMSProp entries exactly 0."""
    run, r = ORDERING_RUN, _old_counterexample_runs()
    exact, frac, zeros = r["exact"], r["frac"], r["zeros"]
    above_exact = sum(a > b for a, b in zip(exact["rmsprop"][0], exact["ndgm"][0]))
    mean = {o: float(sum(v[0]) / run["last"]) for o, v in exact.items()}
    ok = above_exact == expect_exact_above and frac == 0.0 and zeros > 0 and exact["rmsprop"][1] == 0
    outcomes = {"exact (80 digits)": f"RMSProp above NDGM at {above_exact}/{run['last']}; late means {mean['rmsprop']:.8f} vs "
                                     f"{mean['ndgm']:.8f} (n alpha lambda/2 vs n alpha lambda^2/2); no RMSProp entry is 0",
                "float64": f"RMSProp above NDGM at {frac:.0%} of the last {run['last']}; {zeros} of {run['n']} RMSProp entries are "
                           "exactly 0, each removing its share of the pair sum"}
    return StepResult(ok, "numeric", "decimal-80+float64-runs", "lambda = 1/2, n = 100, seed 1: " + "; ".join(outcomes.values()),
                      None if ok else "the float64 order is not a rounding artefact here",
                      sample={"points": run["last"], "dps": 80}, outcomes=outcomes,
                      settings={k: {"value": v, "paper": False} for k, v in run.items()})


EXCEPTIONAL_CASE = {"beta0": (Fraction(1, 2), Fraction(1, 2)), "alpha": Fraction(1, 100), "lam": Fraction(1), "steps": 60}


def _exceptional_end(p) -> list[Fraction]:
    return ndgm_trajectory(list(p["beta0"]), p["alpha"], p["lam"], p["steps"])[-1]


def _below_bound(p, b) -> WitnessCheck:
    loss, bound = p["lam"] * sum(abs(x) for x in b), len(b) * p["alpha"] * p["lam"] ** 2
    return WitnessCheck(lhs=exact(loss), rhs=exact(bound), holds=loss < bound)


_t, _e = sp.symbols("t e", positive=True)


def _pair_sum_gap() -> sp.Expr:
    r""":math:`\lambda/(1+\epsilon/\lambda)-\lambda^2` (per :math:`n\alpha`) at :math:`\lambda=(1-\epsilon)/(1+t)`, :math:`\epsilon=e/(1+e)`."""
    eps = _e / (1 + _e)
    lam = (1 - eps) / (1 + _t)
    return lam / (1 + eps / lam) - lam**2


def _steps() -> list:
    t = [x / (1 + x) for x in (u1, u2, u3)]
    H = o.alpha * o.lam
    return [
        Inequality(label="box_bound_from_b_2", scope={"n": 3}, latex=r"\lambda\sum_{i=1}^{3}|\beta^{(k)}_i|=\lambda\sum_i\alpha\lambda t_i<3\alpha\lambda^2\ \ (0<t_i<1)",
                   lhs=o.lam * sum(H * ti for ti in t), rhs=3 * H * o.lam, relation="<"),
        Check(label="loss_bound_b_11", role="statement", kind_name="exact simulation", latex=r"f(\beta^{(k)})<n\alpha\lambda^2\ \ (k\ge K)",
              run_check=lambda: _loss_bound(Fraction(1)), wrong_versions=[lambda: _loss_bound(Fraction(1, 2))]),
        Check(label="rmsprop_norm_bound", kind_name="high-precision runs", cross_checks="late_step_below_alpha_inside",
              latex=r"\|\beta^R\|_1<n\alpha,\ \ f(\beta^R)<n\alpha\lambda",
              run_check=lambda: _rmsprop_norm(Fraction(1)), wrong_versions=[lambda: _rmsprop_norm(Fraction(1, 4))]),
        *late_iterate_steps("inside"),
        *late_iterate_steps("pytorch"),
        Check(label="worked_numbers", kind_name="exact computation", latex=r"n\alpha=1:\ (n\alpha\lambda,n\alpha\lambda^2)=(0.01,10^{-4})\ (\lambda=0.01),\ (100,10^4)\ (\lambda=100)",
              run_check=lambda: _worked(False), wrong_versions=[lambda: _worked(True)]),
        Check(label="losses_ordered_like_bounds", reading="every_late_iterate", kind_name="exact simulation",
              latex=r"\lambda<1\Rightarrow f(\beta^R_{1,2})>f(\beta^N_{1,2})", run_check=_ordering_exact,
              erratum=r"Upper bounds $n\alpha\lambda>n\alpha\lambda^2$ do not order the losses at each iterate: with one "
                      r"coordinate, at {point}, {start} (PyTorch's RMSProp, $\gamma={gamma}$, $\epsilon={eps}$), RMSProp's "
                      r"loss is below NDGM's at {below} of the last "
                      r"{last} of {steps} iterates, e.g. at $k={k_ex}$: $f(\beta^R_k)={f_rms}\pm{f_rms_radius}<"
                      r"f(\beta^N_k)={f_ndgm}$ "
                      r"(NDGM exact, RMSProp in a 60-digit Arb ball)."),
        Check(label="float_counterexample_is_rounding", printed=False, reading="every_late_iterate", kind_name="decimal + float64 runs",
              latex=r"\lambda=\tfrac12,\ n=100:\ \text{exact: } f(\beta^R_k)>f(\beta^N_k)\ \forall k;\ \text{float64: } <",
              run_check=_float_counterexample_is_rounding, wrong_versions=[lambda: _float_counterexample_is_rounding(0)],
              justification="The first version's counterexample (float64) reverses in exact arithmetic: it was a rounding artefact."),
        Inequality(label="mean_losses_ordered_like_bounds", reading="mean_late_loss",
                   latex=r"\frac{n\alpha\lambda}{1+\epsilon/\lambda}>n\alpha\lambda^2\iff\lambda+\epsilon<1",
                   lhs=lambda: _pair_sum_gap(), rhs=0, relation=">",
                   justification=r"Once both are in their 2-cycles consecutive losses sum to "
                                 r"$n\alpha\lambda/(1+\epsilon/\lambda)$ (RMSProp) and $n\alpha\lambda^2$ (NDGM) "
                                 r"(kumar.experiment_comparison, step pair_sums_equal_n_alpha), so the mean late "
                                 r"losses are half the pair sums: RMSProp's is the higher one whenever "
                                 r"$\lambda+\epsilon<1$. Here $\lambda=(1-\epsilon)/(1+t)$, $\epsilon=e/(1+e)$, "
                                 r"$t,e>0$ (all such pairs)."),
        Inequality(label="bounds_cross_at_lambda_1", repairs="losses_ordered_like_bounds",
                   latex=r"n\alpha\lambda-n\alpha\lambda^2=n\alpha\lambda(1-\lambda)>0\ \ (\lambda=w/(1+w)<1)",
                   lhs=(o.alpha * o.lam - o.alpha * o.lam**2).subs(o.lam, w / (1 + w)), rhs=0, relation=">",
                   justification=r"Only the bounds are ordered; the reverse holds for $\lambda>1$ ($\lambda=1+w$)."),
    ]


READINGS = (
    Reading("every_late_iterate", r"'we expect $f(\beta^R)>f(\beta^N)$ for $\lambda\ll1$' at every late iterate (both "
                                  r"cycle points)",
            "App. B.4 after Prop. B.11, read literally (f(beta_{1,2}) for both points)"),
    Reading("mean_late_loss", "the same expectation for the typical (mean) late loss, as 'intuitively expect' and 'typically' "
                              "suggest", "App. B.4 after Prop. B.11 and the worked example ('will typically be greater')"),
)


def measurements() -> dict[str, Any]:
    r"""Fraction of late iterates with RMSProp loss > NDGM loss (float64, n = 100, alpha = 0.01, 2 seeds)."""
    lams = (0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 100.0)
    fractions = {lam: [late_loss_comparison(lam, seed=s) for s in range(2)] for lam in lams}
    above = [lam for lam in lams if min(fractions[lam]) == 1.0]
    below = [lam for lam in lams if max(fractions[lam]) < 1.0]
    crossing = f"between lambda = {max(above)} and {min(below)}" if above and below else "not in the measured range"
    return {"rmsprop_above_ndgm_fraction": {str(lam): f for lam, f in fractions.items()},
            "measured_crossing": crossing, **({"crossing_above": max(above), "crossing_below": min(below)} if above and below else {}),
            "note": "2 seeds, n = 100, alpha = 0.01; lambda = 0.001 needs 1.2e5 steps: see benchmarks/bench_kumar_optimizers.py (RMSProp above NDGM at 100%)"}


def figures(outdir: Path) -> list[Path]:
    r"""The bounds :math:`n\alpha\lambda`, :math:`n\alpha\lambda^2` and the measured late losses against :math:`\lambda`."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    lams = [0.03, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 10.0, 100.0]
    n, alpha = 100, 0.01
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.loglog(lams, [n * alpha * l for l in lams], "k--", label=r"$n\alpha\lambda$ (RMSProp bound)")
    ax.loglog(lams, [n * alpha * l * l for l in lams], "k:", label=r"$n\alpha\lambda^2$ (NDGM bound)")
    for opt, name in (("sgd", "NDGM"), ("rmsprop", "RMSProp")):
        vals = []
        for l in lams:
            steps = ceil(1 / (alpha * l)) + 2000
            vals.append(l * float_l1_history(np.random.default_rng(0).uniform(-1, 1, n), opt, alpha=alpha, lam=l, steps=steps)[-100:].mean())
        ax.loglog(lams, vals, marker="o", label=f"{name}, mean late loss")
    ax.set_xlabel(r"$\lambda$"), ax.set_ylabel("loss"), ax.legend(fontsize=7)
    path = Path(outdir) / "kumar_prop_b_11_crossover.pdf"
    fig.tight_layout(), fig.savefig(path), plt.close(fig)
    return [path]


def theorem() -> Claim:
    r"""Proposition B.11 with the §B.4 comparison as a checkable claim."""
    return Claim(id=ID, paper="kumar", label="Proposition B.11", section="B.4", title="NDGM loss bound and the RMSProp crossover",
                 statement=r"For the vanilla NDGM sequence $f(\beta^{(k)})<n\alpha\lambda^2$ ($k\ge K$); RMSProp has $f(\beta^R)<n\alpha\lambda$, "
                           r"so RMSProp's loss is higher for $\lambda\ll1$ and lower for $\lambda\gg1$.",
                 reference="Kumar, App. B.4, Prop. B.11", steps=_steps(),
                 assumptions=[Assumption("A1", "beta0 off alpha*lambda*Z", r"\beta^{(0)}_i\notin\alpha\lambda\mathbb Z",
                                         necessity=Necessity("superfluous", r"On the exceptional set the entries reach 0 and the "
                                                                            r"loss only drops: from $\beta^{(0)}=(1/2,1/2)$ "
                                                                            r"($\alpha=1/100$, $\lambda=1$) the exact run ends at "
                                                                            r"$f={lhs}<n\alpha\lambda^2={rhs}$.",
                                                             check=Witness(label="exceptional_start_still_below", latex=r"\beta^{(0)}=(1/2,1/2)",
                                                                           construct=_exceptional_end,
                                                                           verify=_below_bound,
                                                                           # superfluity shown on one exceptional start: on that scope only
                                                                           cases=[EXCEPTIONAL_CASE],
                                                                           wrong_constructions=[lambda p: list(p["beta0"])])))],
                 extra=measurements, figures=figures,
                 statement_kind="reconstructed", readings=READINGS,
                 notes=[r"Verdict per reading of the ordering sentence: every_late_iterate fails exactly (one in-phase "
                        r"coordinate suffices); mean_late_loss holds for every $\lambda+\epsilon<1$ (the bounds are twice the "
                        r"mean late losses). The first version's counterexample ($\lambda={=0.5}$, float64) was a rounding "
                        r"artefact: in 80-digit arithmetic RMSProp is above at every late iterate there.",
                        r"The crossover of the bounds is at $\lambda=1$; measured late losses in float64 (4000 steps after "
                        r"NDGM's transient, 2 seeds) cross between $\lambda={crossing_above}$ and ${crossing_below}$, earlier "
                        r"than in exact arithmetic because float "
                        r"RMSProp entries collapse to exactly 0."])
