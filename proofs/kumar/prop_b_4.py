r"""Kumar, Proposition B.4: RMSProp on the toy LASSO never produces a zero entry, a.s.

Reference: [Kumar, App. B.3.3, Prop. B.4, eqs. (22)-(26)]

Statement:   Under the RMSProp recursion (25) with constant :math:`\alpha>0` and :math:`\beta^{(0)}\sim U[-1,1]^n`,
             :math:`\beta^{(k)}` has all non-zero entries for all :math:`k` with probability 1.
Reading:     (22)-(23) with :math:`\epsilon` inside the root (Ruder; the paper) and, separately, PyTorch's
             :math:`\sqrt v+\epsilon`; (24)-(26) as reconstructed (high).  The exceptional set at step
             :math:`k` is computed exactly: backward preimages of 0, signs decided by Arb balls.
Assumptions: A1 alpha > 0, lambda > 0, 0 < gamma < 1, eps > 0   (needed for (24)-(25) to be finite and nonzero)
             A2 beta0 without atoms (U[-1,1])  necessary: an atom at a point of Z_1 hits 0
             A3 exact arithmetic   used not stated; necessary: float32/float64 RMSProp zeroes ~2/3 of the entries
Proof outline:
  1. `second_moment_22_off_zero`   g^2 = lambda^2 when beta != 0: v -> gamma*v + (1-gamma)*lambda^2
  2. `second_moment_inline`        v^(1) = (1-gamma)lambda^2, v^(2) = (1-gamma^2)lambda^2
  3. `second_moment_24_base`       (24) at k = 0 is v^(0) = 0
  4. `second_moment_24_step`       (24) solves (22): induction step
  5. `rmsprop_25`                  (23) with (24): step size alpha*lambda/sqrt((1-gamma^(k+1))lambda^2 + eps)
  6. `unrolled_26_step`            beta^(k+1) = beta0 - sum_{j<=k} s_j a_j (induction step; sum peeled)
  7. `exceptional_set_at_most_2_to_k`  |Z_k| <= 2^k, exactly computed (Arb) for k <= 10, both conventions
  8. `exceptional_points_hit_zero`     forward runs (80 digits) from Z_k hit 0 at k; perturbed ones do not
  9. `countable_sets_are_null`     cited
 10. `step_sizes_decrease_identity`  v^(k+2) - v^(k+1) = gamma^(k+1)(1-gamma)lambda^2
     `step_sizes_decrease`         ... > 0 (Z3, gamma^(k+1) > 0 as one symbol)
 11. `cycle_point_drift`           in the 2-cycle, beta^(k+2) = beta^(k) - (a_k - a_(k+1)): the small point drifts to 0
Review notes: B.4 holds in exact arithmetic for each k, but for many initializations the small
point of RMSProp's 2-cycle tends to 0 (liminf |beta_i^(k)| = 0, ~1e-20 at k = 3000); in float32 and
float64 these entries become exactly 0 and stay there (measurements in the review).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import mpmath
import numpy as np
import sympy as sp
from flint import ctx

from numeric.optimizers import float_run, rmsprop_preimages_of_zero, rmsprop_trajectory, zero_entry_frequency
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Inequality, Necessity, Parameter, StepResult,
                           Witness, WitnessCheck)
from proofs.errors import AssumptionViolated, BadInput
from proofs.kumar.shown import exact
from symbolic import optimizers as o

ID = "kumar.prop_b_4"
PAPER = {"alpha": Fraction(1, 100), "lam": Fraction(1), "gamma": Fraction(99, 100), "eps": Fraction(1, 10**8)}
b_nz = sp.Symbol("beta", real=True, nonzero=True)
a_fn = sp.Function("a")
H_GAMMA = sp.Symbol("h", positive=True)  # gamma = 1/(1+h) ranges over (0, 1)
P_GAMMA = sp.Symbol("w", positive=True)  # gamma^(k+1) > 0 for every k


def exceptional_set(k: int, params: Mapping[str, Any] = PAPER, convention: str = "paper") -> list[Fraction]:
    r""":math:`Z_k`: the :math:`\beta^{(0)}\in[-1,1]` whose RMSProp run is first 0 at step ``k`` (midpoints, 60 digits).

    >>> [float(x) for x in exceptional_set(1)]
    [0.0999999500000375, -0.0999999500000375]
    """
    balls = rmsprop_preimages_of_zero(k, params["alpha"], params["lam"], params["gamma"], params["eps"], convention=convention)
    with ctx.workdps(70):
        return [Fraction(p.mid().str(60, radius=False)) for p in balls]


def _count_bound(bound) -> StepResult:
    for convention in ("paper", "pytorch"):
        for k in range(1, 11):
            size = len(exceptional_set(k, PAPER, convention))
            if size > bound(k):
                return StepResult(False, "symbolic", "arb-backward", f"|Z_{k}| = {size} > {bound(k)}",
                                  counterexample=r"{convention} convention, $k={k_at}$: $|Z_k|={size}>{bound}$",
                                  values={"convention": convention, "k_at": k, "size": size, "bound": bound(k)})
    # rigorous (Arb signs) at the paper's settings, for k = 1..10 only
    return StepResult(True, "symbolic", "arb-backward", "|Z_k| <= 2^k for k = 1..10, both conventions",
                      evidence="proved-on-scope",
                      scope={"k": "1..10", "conventions": ["paper", "pytorch"], "settings": {n: str(x) for n, x in PAPER.items()}})


def _forward_hits(offset: Fraction) -> StepResult:
    checked = 0
    for k in (1, 3, 6):
        for b0 in exceptional_set(k)[:6]:
            checked += 1
            run = rmsprop_trajectory([b0 + offset], *PAPER.values(), k, dps=80)
            with mpmath.workdps(80):
                values = [abs(state[0][0]) for state in run]
                hits = values[k] < mpmath.mpf(10) ** -50 and min(values[:k]) > mpmath.mpf(10) ** -6
            if not hits:
                return StepResult(False, "numeric", "mpmath-80", f"beta0={float(b0 + offset)} does not hit 0 at k={k}",
                                  counterexample=r"from $\beta^{(0)}={b0}$ (a point of $Z_{k_at}$ moved by ${offset}$): "
                                                 r"$|\beta^{(k)}|={size}$ at $k={k_at}$ (80 digits)",
                                  values={"b0": exact(b0), "offset": exact(offset), "k_at": k,
                                          "size": mpmath.nstr(values[k], 5)})
    return StepResult(True, "numeric", "mpmath-80", "points of Z_1, Z_3, Z_6 reach |beta^(k)| < 1e-50 exactly at step k",
                      sample={"points": checked, "dps": 80})


def _float_zero(params: Mapping[str, Any], point) -> WitnessCheck:
    value, dtype, steps = point
    final, ever = float_run(np.array([value], dtype=dtype), "rmsprop", alpha=0.01, lam=1.0, steps=steps, dtype=dtype)
    return WitnessCheck(lhs=f"{np.dtype(dtype).name} run from {value!r}: final {final[0]!r}", rhs="never 0", holds=bool(ever[0]))


#: The chosen rational square root of v^(1) + eps (A2) and the chosen float start (A3): settings, not results.
ROOT = Fraction(10000005, 10**8)
FLOAT_START = 0.27392337


def _rational_root_case(root: Fraction) -> dict[str, Any]:
    r"""The paper's settings with :math:`\epsilon=r^2-(1-\gamma)\lambda^2`, so that :math:`\sqrt{v^{(1)}+\epsilon}=r`."""
    eps = root * root - (1 - PAPER["gamma"]) * PAPER["lam"] ** 2
    return {**PAPER, "eps": eps, "root": root}


def _assumptions() -> list[Assumption]:
    def hits(params, b0) -> WitnessCheck:
        run = rmsprop_trajectory([b0], params["alpha"], params["lam"], params["gamma"], params["eps"], 1, backend="fraction")
        return WitnessCheck(lhs=exact(run[1][0][0]), rhs="nonzero", holds=run[1][0][0] == 0)
    return [
        Assumption("A1", "alpha, lambda, eps > 0, 0 < gamma < 1", r"\alpha,\lambda,\epsilon>0,\ 0<\gamma<1",
                   holds=lambda p: all(p.get(x, 1) > 0 for x in ("alpha", "lam", "eps")) and 0 < p.get("gamma", Fraction(1, 2)) < 1,
                   necessity=Necessity("unknown", "Needed for (24)-(25) to be defined; the countability argument itself does not "
                                                  "use them.")),
        Assumption("A2", "beta0 without atoms", r"\beta^{(0)}\sim U[-1,1]^n",
                   necessity=Necessity("necessary", r"Choosing the root $r={=0.10000005}$ and $\epsilon=r^2-(1-\gamma)\lambda^2$ "
                                                    r"(the paper's $\alpha$, $\lambda$, $\gamma$) makes $\sqrt{v^{(1)}+\epsilon}=r$ "
                                                    r"rational; the atom at $\beta^{(0)}=\alpha\lambda/r$ hits 0 exactly at $k=1$: "
                                                    r"$\beta^{(1)}={lhs}$ (rational arithmetic).",
                                       check=Witness(label="atom_in_Z1_hits_zero", latex=r"\beta^{(0)}\in Z_1\Rightarrow\beta^{(1)}=0",
                                                     construct=lambda p: p["alpha"] * p["lam"] / p["root"], verify=hits,
                                                     cases=[_rational_root_case(ROOT)], for_all=False,
                                                     wrong_constructions=[lambda p: Fraction(1, 3)]))),
        Assumption("A3", "exact arithmetic", r"\beta^{(k)}\in\mathbb R", used_not_stated=True,
                   necessity=Necessity("necessary", r"From $\beta^{(0)}={=0.27392337}$ the float32 run is exactly 0 within 400 "
                                                    r"steps and the float64 run within 5000 (PyTorch's formula, $\alpha={=0.01}$, "
                                                    r"$\lambda=1$, $\gamma={=0.99}$, $\epsilon=10^{-8}$).",
                                       check=Witness(label="float_rmsprop_hits_exact_zero", latex=r"\mathrm{fl}(\beta^{(k)})=0",
                                                     construct=lambda p: (FLOAT_START, p["dtype"], p["steps"]), verify=_float_zero,
                                                     cases=[{"dtype": np.float32, "steps": 400}, {"dtype": np.float64, "steps": 5000}],
                                                     for_all=False, method="ieee-754",
                                                     wrong_constructions=[lambda p: (FLOAT_START, np.float64, 400)]))),
    ]


def _rms_step(x: sp.Expr, size: sp.Expr, sign: int) -> sp.Expr:
    r"""One step of (25) of size ``size`` from a point of known sign: :math:`x-a\operatorname{sign}(x)`."""
    return (x - size * sp.sign(x)).subs(sp.sign(x), sign)


def _steps() -> list:
    k, g = o.k, o.gamma
    return [
        Equality(label="second_moment_22_off_zero", latex=r"\gamma v+(1-\gamma)(\lambda\operatorname{sign}\beta)^2=\gamma v+(1-\gamma)\lambda^2\ (\beta\neq0)",
                 lhs=lambda: o.second_moment_step(o.v, o.subgradient(b_nz)), rhs=g * o.v + (1 - g) * o.lam**2),
        Equality(label="second_moment_inline", latex=r"v^{(1)}=(1-\gamma)\lambda^2,\ v^{(2)}=(1-\gamma^2)\lambda^2",
                 lhs=lambda: sp.Matrix([o.second_moment_step(sp.Integer(0)), o.second_moment_step(o.second_moment_step(sp.Integer(0)))]),
                 rhs=sp.Matrix([(1 - g) * o.lam**2, (1 - g**2) * o.lam**2])),
        # the given value 0 on the left, the computation on the right: the engine's mutants perturb the
        # right side, and a printed atom 0 'replaced by itself' could never be rejected
        Equality(label="second_moment_24_base", latex=r"(1-\gamma^0)\lambda^2=0=v^{(0)}", lhs=0, rhs=lambda: o.second_moment_closed_form(sp.Integer(0))),
        Equality(label="second_moment_24_step", latex=r"(1-\gamma^{k+1})\lambda^2=\gamma(1-\gamma^k)\lambda^2+(1-\gamma)\lambda^2",
                 lhs=o.second_moment_closed_form(k + 1), rhs=o.second_moment_step(o.second_moment_closed_form(k))),
        Equality(label="rmsprop_25", latex=r"\frac{\alpha\lambda\operatorname{sign}\beta}{\sqrt{v^{(k+1)}+\epsilon}}=\frac{\alpha\lambda\operatorname{sign}\beta}{\sqrt{(1-\gamma^{k+1})\lambda^2+\epsilon}}",
                 # (23) with (24) substituted, computed when checked, against the printed (25) written out
                 lhs=lambda: o.alpha * o.subgradient(b_nz) / sp.sqrt(o.second_moment_closed_form(k + 1) + o.eps),
                 rhs=o.alpha * o.lam * sp.sign(b_nz) / sp.sqrt((1 - g ** (k + 1)) * o.lam**2 + o.eps)),
        Equality(label="unrolled_26_step", latex=r"\Big(\beta^{(0)}-\sum_{j<k}s_ja_j\Big)-s_ka_k=\beta^{(0)}-\sum_{j\le k}s_ja_j",
                 # the right side is the printed sum to k, its last term peeled when checked (SymPy cannot peel it)
                 lhs=(o.beta0 - sp.Sum(o.s(o.j) * a_fn(o.j), (o.j, 0, k - 1))) - o.s(k) * a_fn(k),
                 rhs=lambda: o.beta0 - o.peel_last_term(sp.Sum(o.s(o.j) * a_fn(o.j), (o.j, 0, k))),
                 justification="$S_+$ are the $j$ with $s_j=1$, $S_-$ those with $s_j=-1$; the last term is peeled "
                               "off the sum."),
        Check(label="exceptional_set_at_most_2_to_k", kind_name="Arb enclosure",
              latex=r"|Z_k|\le2^k,\ Z_k=\{\beta^{(0)}\in[-1,1]:\beta^{(k)}=0\neq\beta^{(j)}\ (j<k)\}",
              run_check=lambda: _count_bound(lambda k: 2**k), wrong_versions=[lambda: _count_bound(lambda k: k + 1)],
              justification="Backward: $y$ has the preimages $y+a_j$ (if positive) and $y-a_j$ (if negative) under "
                            "step $j$."),
        Check(label="exceptional_points_hit_zero", printed=False, kind_name="high-precision runs",
              latex=r"\beta^{(0)}\in Z_k\Rightarrow|\beta^{(k)}|<10^{-50}",
              run_check=lambda: _forward_hits(Fraction(0)), wrong_versions=[lambda: _forward_hits(Fraction(1, 10**20))]),
        Cited(label="countable_sets_are_null", latex=r"\Pr\Big(\beta^{(0)}_i\in\bigcup_kZ_k\Big)=0",
              reference="Lebesgue measure of a countable set is 0"),
        Equality(label="step_sizes_decrease_identity", printed=False,
                 latex=r"v^{(k+2)}-v^{(k+1)}=\gamma^{k+1}(1-\gamma)\lambda^2",
                 lhs=lambda: o.second_moment_closed_form(k + 2) - o.second_moment_closed_form(k + 1),
                 rhs=g ** (k + 1) * (1 - g) * o.lam**2),
        # gamma^(k+1) is written as one positive symbol P_GAMMA so that Z3 decides the sign for every k
        Inequality(label="step_sizes_decrease", printed=False,
                   latex=r"\gamma^{k+1}(1-\gamma)\lambda^2>0,\ \gamma=1/(1+h),\ h>0,\ \gamma^{k+1}>0",
                   lhs=(P_GAMMA * (1 - g) * o.lam**2).subs(g, 1 / (1 + H_GAMMA)), rhs=0, relation=">"),
        Equality(label="cycle_point_drift", printed=False, latex=r"(\beta-a_k)+a_{k+1}=\beta-(a_k-a_{k+1})",
                 # two RMSProp steps (25) of sizes a_k, a_(k+1) from beta > 0 with beta - a_k < 0, computed when checked
                 lhs=lambda: _rms_step(_rms_step(o.beta, a_fn(k), 1), a_fn(k + 1), -1), rhs=o.beta - (a_fn(k) - a_fn(k + 1)),
                 justification="With decreasing steps the positive cycle point loses $a_k-a_{k+1}$ every two steps."),
    ]


def measurements() -> dict[str, Any]:
    r"""Exact zeros of RMSProp (PyTorch formula) in float32/float64, and the exact-arithmetic drift."""
    rows = [zero_entry_frequency("rmsprop", n=20000, steps=steps, alpha=a, lam=l, dtype=dt)
            for a, l, steps in ((0.01, 1.0, 400), (0.01, 100.0, 400), (0.003, 2.0, 1000)) for dt in (np.float32, np.float64)]
    rows += [zero_entry_frequency("rmsprop", n=2000, steps=4000, alpha=0.01, lam=1.0, dtype=np.float64)]
    run = rmsprop_trajectory([Fraction(27392337, 10**8)], *PAPER.values(), 3000, convention="pytorch", dps=60)
    with mpmath.workdps(60):
        small = {k: mpmath.nstr(abs(run[k][0][0]), 5) for k in (100, 1000, 2000, 3000)}
    by_run = "; ".join(f"{r['dtype']}, lambda = {r['lam']:g}, {r['steps']} steps: {r['zero_at_end'] / r['n']:.0%}" for r in rows)
    return {"rmsprop_exact_zeros": rows, f"exact_arithmetic_small_cycle_point_beta0_{FLOAT_START}": small,
            "zero_share_by_run": by_run, "small_point_at_3000": small[3000],
            "zero_percent_max": round(100 * max(r["zero_at_end"] / r["n"] for r in rows))}


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    if not (params["alpha"] > 0 and params["lam"] > 0 and params["eps"] > 0 and 0 < params["gamma"] < 1):
        raise AssumptionViolated(ID, "A1", "alpha, lambda, eps > 0, 0 < gamma < 1", params)
    if not 1 <= params["k"] <= 14:
        raise AssumptionViolated(ID, "A1", "1 <= k <= 14 (2^k points)", {"k": params["k"]})
    try:
        pts = exceptional_set(params["k"], params, params["convention"])
    except ArithmeticError as exc:  # Arb balls too wide to decide a sign: refuse rather than guess
        raise BadInput(f"Z_k is undecided for these alpha, lam, gamma, eps in the working precision of the Arb "
                       f"backward run ({exc}): use inputs nearer the paper's scale") from exc
    return {"k": params["k"], "size": len(pts), "Z_k": [str(float(x)) for x in pts]}


def theorem() -> Claim:
    r"""Proposition B.4 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.4", section="B.3.3", title="RMSProp on the toy LASSO: no exact zeros a.s.",
                 statement=r"Under the RMSProp recursion (25) with $\beta^{(0)}\sim U[-1,1]^n$, $\beta^{(k)}$ has all non-zero entries "
                           r"for all $k$ with probability 1.",
                 reference="Kumar, App. B.3.3, Prop. B.4, eqs. (22)-(26)", assumptions=_assumptions(), steps=_steps(),
                 parameters=[Parameter("alpha", "rational", Fraction(1, 100)), Parameter("lam", "rational", Fraction(1)),
                             Parameter("gamma", "rational", Fraction(99, 100)), Parameter("eps", "rational", Fraction(1, 10**8)),
                             Parameter("k", "integer", 3, "step of the first zero, 1 to 14 (Z_k has 2^k points)", bounds=(1, 14)),
                             Parameter("convention", "choice", "paper", "eps placement", ("paper", "pytorch"))],
                 derive=_derive, extra=measurements,
                 notes=[r"True in exact arithmetic for every $k$; yet the small point of the 2-cycle tends to 0 for many "
                        r"initializations (from $\beta^{(0)}={=0.27392337}$, 60 digits: $|\beta^{(3000)}|={small_point_at_3000}$), "
                        r"and float32/float64 RMSProp (PyTorch's formula) sets entries exactly to 0, where they stay (up to "
                        r"{zero_percent_max}% of the entries at the end of our runs; see the measurements)."])
