r"""Kumar, Proposition B.2: NDGM on the toy LASSO ends in a 2-cycle and does not converge.

Reference: [Kumar, App. B.1, Prop. B.2, eqs. (15), (17)-(18)]

Statement:   The NDGM sequence of B.1 does not converge; there is :math:`K` such that for
             :math:`k\ge K`, :math:`\beta^{(k)}=\beta^{(K)}` (k-K even) and
             :math:`\beta^{(K)}-\alpha\lambda\operatorname{sign}(\beta^{(K)})` (k-K odd), with
             :math:`0<|\beta^{(K)}_i|<\alpha\lambda` for all :math:`i`.
Reading:     (17)/(18) as reconstructed (confidence high): :math:`K_i=\lfloor|\beta^{(0)}_i|/(\alpha\lambda)\rfloor`,
             :math:`K=\max_i K_i`.  We write :math:`\beta^{(0)}_i=\alpha\lambda(d+t)`, :math:`d\in\mathbb N`,
             :math:`t=u/(1+u)\in(0,1)` (:math:`u>0`), i.e. :math:`\beta^{(0)}_i\notin\alpha\lambda\mathbb Z`.
Assumptions: A1 alpha > 0 constant     necessary: alpha_k = alpha/(k+1) converges to 0
             A2 lambda > 0             necessary: lambda = 0 is constant
             A3 beta0_i not in alpha*lambda*Z (the a.s. event of B.1)  necessary: beta0 = 1/2 converges to 0
             A4 sign(0) = 0            superfluous on the a.s. event (no entry is ever 0)
Proof outline:
  1. `monotone_decrease_to_box`   from alpha*lambda*(d + t), one step gives alpha*lambda*(d - 1 + t)
  2. `box_entry_positive_18`      c_i = alpha*lambda*t > 0
  3. `box_entry_below_step_18`    c_i < alpha*lambda
  4. `two_cycle_18`               two steps from c_i return to c_i
  5. `negative_start_similar`     from -alpha*lambda*(d + t) one step gives -alpha*lambda*(d - 1 + t)
  6. `statement_8_with_K_max`     exact runs: K = max K_i and (8) with the parity of K - K_i
  7. `does_not_converge`          beta^(K) - beta^(K+1) = alpha*lambda*sign(beta^(K)) != 0
Review notes: the statement omits "with probability 1"; on the exceptional set A3 the
sequence does converge (to 0), so (8) holds only almost surely.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor
from pathlib import Path
from typing import Any, Mapping, Sequence

import sympy as sp

from numeric.optimizers import ndgm_cycle, ndgm_trajectory
from proofs.engine import (Assumption, Check, Claim, Equality, Inequality, Necessity, Parameter, StepResult,
                           Witness, WitnessCheck)
from proofs.errors import AssumptionViolated
from proofs.kumar.shown import ALPHA, BETA0, LAMBDA, exact, point
from proofs.kumar.toy_lasso import beta0_parameter, check_ndgm_budget, in_exceptional_set, random_initializations
from symbolic import optimizers as o

ID = "kumar.prop_b_2"
u = sp.Symbol("u", positive=True)
d = sp.Symbol("d", integer=True, nonnegative=True)
t = u / (1 + u)
H = o.alpha * o.lam


def cycle_closed_form(beta0: Sequence[Fraction], alpha: Fraction, lam: Fraction) -> dict[str, Any]:
    r"""(18) with :math:`K=\max_iK_i`: ``K``, the ``K_i`` and the two cycle points, exactly.

    >>> c = cycle_closed_form([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(1))
    >>> c["K"], [str(x) for x in c["first"]]
    (49, ['47/10000', '47/10000'])
    """
    h = alpha * lam
    K_i = [floor(abs(b) / h) for b in beta0]
    c = [b - (1 if b > 0 else -1) * k * h for b, k in zip(beta0, K_i)]
    K = max(K_i)
    first = [ci if (K - ki) % 2 == 0 else ci - h * (1 if ci > 0 else -1) for ci, ki in zip(c, K_i)]
    second = [x - h * (1 if x > 0 else -1) for x in first]
    return {"K": K, "K_i": K_i, "first": first, "second": second}


def _statement_holds(closed=cycle_closed_form) -> StepResult:
    for beta0, alpha, lam in random_initializations():
        claimed = closed(beta0, alpha, lam)
        K = claimed["K"]
        path = ndgm_trajectory(beta0, alpha, lam, K + 4)
        ok = (path[K] == list(claimed["first"]) and path[K + 1] == list(claimed["second"]) and path[K + 2] == path[K]
              and all(0 < abs(x) < alpha * lam for x in path[K]) and ndgm_cycle(beta0, alpha, lam).K == K)
        if not ok:
            return StepResult(False, "symbolic", "exact-rational", f"(8) fails for beta0={beta0}",
                              counterexample=r"at {point}: $\beta^{(K)}={reached}$ at $K={K_max}$, but (18) gives {claimed}",
                              values={"point": point({ALPHA: alpha, LAMBDA: lam, BETA0: beta0}), "reached": exact(path[K]),
                                      "K_max": K, "claimed": exact(claimed["first"])})
    inits = random_initializations()
    # exact runs at chosen settings: proved on exactly these initializations
    return StepResult(True, "symbolic", "exact-rational",
                      f"(8) with K = max K_i holds in exact runs ({len(inits)} initializations, n = 1..5), beta^(K+2) = beta^(K)",
                      evidence="proved-on-scope",
                      scope={"cases": [{"alpha": str(a), "lam": str(l), "beta0": [str(b) for b in b0]} for b0, a, l in inits],
                             "seed": 7})


def _k_minus_one(beta0, alpha, lam):
    out = cycle_closed_form(beta0, alpha, lam)
    return {**out, "K": out["K"] - 1}


def _no_parity(beta0, alpha, lam):
    h = alpha * lam
    out = cycle_closed_form(beta0, alpha, lam)
    first = [b - (1 if b > 0 else -1) * floor(abs(b) / h) * h for b in beta0]
    return {**out, "first": first, "second": [x - h * (1 if x > 0 else -1) for x in first]}


def _converges(params: Mapping[str, Any], run: list[list[Fraction]]) -> WitnessCheck:
    last = run[-1]
    stuck = run[-3] == last and all(abs(x) < params["alpha"] * params["lam"] / 10 for x in last)
    return WitnessCheck(lhs=f"beta^(end) = {[str(x) for x in last]}", rhs="a 2-cycle with |beta_i| in (0, alpha*lambda)",
                        holds=stuck or (run[-2] == last))


def _diminishing_run(p: Mapping[str, Any], rate: int = 1) -> list[list[Fraction]]:
    b, out = [Fraction(1, 30)], []
    for k in range(400):
        out.append(b)
        step = p["alpha"] / (k + 1) ** rate
        b = [x - step * p["lam"] * (1 if x > 0 else -1 if x < 0 else 0) for x in b]
    return out


def _assumptions() -> list[Assumption]:
    case = [{"alpha": Fraction(1, 100), "lam": Fraction(1)}]

    def converged(params: Mapping[str, Any], run) -> WitnessCheck:
        last, h = run[-1], params["alpha"] * params["lam"]
        return WitnessCheck(lhs=exact(abs(last[0])), rhs=exact(h / 10),
                            holds=abs(last[0]) < h / 10 and run[-3] != last)
    return [
        Assumption("A1", "alpha > 0 constant", r"\alpha_k\equiv\alpha>0", holds=lambda p: p.get("alpha", 1) > 0,
                   necessity=Necessity("necessary", r"With $\alpha_k=\alpha/(k+1)$ ($\alpha=1/100$, $\lambda=1$) the run from "
                                                    r"$\beta^{(0)}=1/30$ has no 2-cycle and tends to 0: "
                                                    r"$|\beta^{(400)}|<\alpha\lambda/10={rhs}$ (exact).",
                                       check=Witness(label="diminishing_steps_converge", latex=r"\alpha_k=\alpha/(k+1)\Rightarrow\beta^{(k)}\to0",
                                                     construct=_diminishing_run, verify=converged, cases=case, for_all=False,
                                                     wrong_constructions=[lambda p: _diminishing_run(p, 0)]))),
        Assumption("A2", "lambda > 0", r"\lambda>0", holds=lambda p: p.get("lam", 1) > 0,
                   necessity=Necessity("necessary", r"$\lambda=0$: $\beta^{(k)}=\beta^{(0)}$ for all $k$, which converges.",
                                       check=Witness(label="zero_penalty_is_constant", latex=r"\lambda=0\Rightarrow\beta^{(k)}=\beta^{(0)}",
                                                     construct=lambda p: ndgm_trajectory([Fraction(1, 3)], p["alpha"], 0, 6),
                                                     verify=_converges, cases=case, for_all=False,
                                                     wrong_constructions=[lambda p: ndgm_trajectory([Fraction(1, 3)], p["alpha"], 1, 6)]))),
        Assumption("A3", "beta0_i not in alpha*lambda*Z", r"\beta^{(0)}_i\notin\alpha\lambda\mathbb Z",
                   holds=lambda p: not any(in_exceptional_set(b, p["alpha"], p["lam"]) for b in p.get("beta0", [])) if "alpha" in p else True,
                   necessity=Necessity("necessary", r"$\beta^{(0)}=1/2$ with $\alpha=1/100$, $\lambda=1$ reaches 0 at $k=50$ "
                                                    r"and stays there: it converges (exact run).",
                                       check=Witness(label="exceptional_start_converges", latex=r"\beta^{(0)}=1/2\Rightarrow\beta^{(k)}=0\ (k\ge50)",
                                                     construct=lambda p: ndgm_trajectory([Fraction(1, 2)], p["alpha"], p["lam"], 60),
                                                     verify=_converges, cases=case, for_all=False,
                                                     wrong_constructions=[lambda p: ndgm_trajectory([Fraction(1, 3)], p["alpha"], p["lam"], 60)]))),
        Assumption("A4", "sign(0) = 0", r"\operatorname{sign}(0)=0", used_not_stated=True,
                   necessity=Necessity("superfluous", r"Under A3 no entry is ever 0, so the value of $\operatorname{sign}(0)$ "
                                                      r"is never used.",
                                       check=Check(label="sign_at_zero_unused_under_A3", latex=r"\operatorname{sign}(0)\in\{0,1\}",
                                                   run_check=lambda: _same_runs(Fraction(1, 3)),
                                                   wrong_versions=[lambda: _same_runs(Fraction(1, 2))]))),
    ]


def _same_runs(b0: Fraction) -> StepResult:
    a, l = Fraction(1, 100), Fraction(1)
    same = ndgm_trajectory([b0], a, l, 80, at_zero=1) == ndgm_trajectory([b0], a, l, 80)
    return StepResult(same, "symbolic", "exact-rational", f"beta0={b0}: runs with sign(0)=1 and 0 {'agree' if same else 'differ'}",
                      counterexample=None if same else r"from $\beta^{(0)}={b0}$ the runs with $\operatorname{sign}(0)=1$ and "
                                                       r"$\operatorname{sign}(0)=0$ differ",
                      values={"b0": exact(b0)},
                      evidence="proved-on-scope" if same else None,
                      scope={"alpha": str(a), "lam": str(l), "beta0": str(b0), "steps": 80} if same else None)


def _steps() -> list:
    c = H * t
    return [
        Equality(label="monotone_decrease_to_box", latex=r"\alpha\lambda(d+t)-\alpha\lambda\operatorname{sign}\big(\alpha\lambda(d+t)\big)=\alpha\lambda(d-1+t)",
                 lhs=o.ndgm_step(H * (d + t)), rhs=H * (d - 1 + t),
                 justification=r"While $\beta>0$ each step subtracts $\alpha\lambda$: $\beta$ decreases until it "
                               r"enters $(0,\alpha\lambda)$."),
        Inequality(label="box_entry_positive_18", latex=r"c_i=\beta^{(K_i)}_i=\alpha\lambda t>0", lhs=c, rhs=0, relation=">"),
        Inequality(label="box_entry_below_step_18", latex=r"c_i<\alpha\lambda", lhs=c, rhs=H, relation="<"),
        Equality(label="two_cycle_18", latex=r"\beta^{(K_i+2)}_i=(c_i-\alpha\lambda)+\alpha\lambda=c_i",
                 lhs=o.ndgm_step(sp.factor(o.ndgm_step(c))), rhs=c,
                 justification=r"$c_i>0$ steps to $c_i-\alpha\lambda<0$, which steps back to $c_i$."),
        Equality(label="negative_start_similar", latex=r"-\alpha\lambda(d+t)+\alpha\lambda=-\alpha\lambda(d-1+t)",
                 lhs=o.ndgm_step(-H * (d + t)), rhs=-H * (d - 1 + t),
                 justification=r"The case $\beta^{(0)}<0$ is the mirror image."),
        Check(label="statement_8_with_K_max", role="statement", kind_name="exact simulation",
              latex=r"k\ge K=\max_iK_i:\ \beta^{(k)}\in\{\beta^{(K)},\ \beta^{(K)}-\alpha\lambda\operatorname{sign}\beta^{(K)}\},\ 0<|\beta^{(K)}_i|<\alpha\lambda",
              run_check=_statement_holds,
              wrong_versions=[lambda: _statement_holds(_k_minus_one), lambda: _statement_holds(_no_parity)],
              justification=r"Each coordinate cycles from $K_i$ on; at $K=\max_iK_i$ coordinate $i$ is at $c_i$ or "
                            r"$c_i\mp\alpha\lambda$ by the parity of $K-K_i$."),
        Equality(label="does_not_converge", latex=r"\beta^{(K)}_i-\beta^{(K+1)}_i=\alpha\lambda\operatorname{sign}(\beta^{(K)}_i)\neq0",
                 lhs=lambda: c - o.ndgm_step(c), rhs=H,
                 justification=r"Consecutive iterates stay $\alpha\lambda$ apart: no limit."),
    ]


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    alpha, lam, beta0 = params["alpha"], params["lam"], params["beta0"]
    if alpha <= 0 or lam <= 0:
        raise AssumptionViolated(ID, "A1" if alpha <= 0 else "A2", "alpha > 0, lambda > 0", {"alpha": alpha, "lam": lam})
    if not beta0 or any(isinstance(b, list) for b in beta0):
        raise AssumptionViolated(ID, "A3", "beta0 is a nonempty flat list", {"beta0": beta0})
    check_ndgm_budget(beta0, alpha, lam)
    out = cycle_closed_form(beta0, alpha, lam)
    mirror = ndgm_cycle(beta0, alpha, lam)
    return {"K": out["K"], "K_i": out["K_i"], "cycle": [[str(x) for x in out["first"]], [str(x) for x in out["second"]]],
            "l1_norms": [str(sum(abs(x) for x in out["first"])), str(sum(abs(x) for x in out["second"]))],
            "mirror_agrees": mirror.K == out["K"] and list(mirror.first) == out["first"]}


def figures(outdir: Path) -> list[Path]:
    r"""The 2-D example: :math:`\|\beta^{(k)}\|_1` for :math:`\lambda=1` and :math:`\lambda=100`."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(5, 3))
    for lam in (1, 100):
        run = ndgm_trajectory([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(lam), 70)
        ax.semilogy([float(sum(abs(x) for x in b)) for b in run], marker=".", label=rf"$\lambda={lam}$")
    ax.set_xlabel("k"), ax.set_ylabel(r"$\|\beta^{(k)}\|_1$"), ax.legend(), ax.set_title(r"NDGM 2-cycle, $\alpha=0.01$")
    path = Path(outdir) / "kumar_prop_b_2_cycle.pdf"
    fig.tight_layout(), fig.savefig(path), plt.close(fig)
    return [path]


def theorem() -> Claim:
    r"""Proposition B.2 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.2", section="B.1", title="NDGM on the toy LASSO ends in a 2-cycle",
                 statement=r"The NDGM sequence does not converge; there is $K$ with $\beta^{(k)}=\beta^{(K)}$ for even $k-K$ and "
                           r"$\beta^{(K)}-\alpha\lambda\,\mathrm{sign}(\beta^{(K)})$ for odd $k-K$, where $0<|\beta^{(K)}_i|<\alpha\lambda$.",
                 reference="Kumar, App. B.1, Prop. B.2, eqs. (17)-(18)", assumptions=_assumptions(), steps=_steps(),
                 parameters=[Parameter("alpha", "rational", Fraction(1, 100), "step size"),
                             Parameter("lam", "rational", Fraction(1), "LASSO penalty lambda"),
                             beta0_parameter([Fraction(4947, 10000)] * 2, "initialization (not in alpha*lambda*Z)")],
                 derive=_derive, figures=figures,
                 notes=[r"Holds almost surely, not surely: an initialization in $\alpha\lambda\mathbb Z$ reaches 0 and stays "
                        r"there (A3)."])
