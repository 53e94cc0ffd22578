r"""Kumar, Proposition B.6: Adam's first moment on the toy LASSO satisfies |m^(k)_i| <= lambda.

Reference: [Kumar, App. B.3.4, Prop. B.6, eq. (29)]

Statement:   :math:`|m^{(k)}_i|\le\lambda` for all :math:`i` and :math:`k`.
Reading:     (29) :math:`m^{(k+1)}=\beta_1m^{(k)}+(1-\beta_1)g^{(k)}`, :math:`m^{(0)}=0`, :math:`g=\lambda s`,
             :math:`s\in\{-1,0,1\}` (the printed proof names only :math:`\pm\lambda`; :math:`s=0` is included here).
             Also PyTorch's bias-corrected :math:`\hat m^{(k)}=m^{(k)}/(1-\beta_1^k)`.
Assumptions: A1 0 <= beta1 <= 1   necessary: beta1 = -1/2 gives m^(1) = 3*lambda/2
             A2 m^(0) = 0 (|m^(0)| <= lambda)   necessary: m^(0) = 2*lambda gives m^(1) = 1.9*lambda
Proof outline:
  1. `upper_gap_identity`        lambda - m^(k+1) = beta1 (lambda - m) + (1 - beta1) lambda (1 - s)
  2. `lower_gap_identity`        lambda + m^(k+1) = beta1 (lambda + m) + (1 - beta1) lambda (1 + s)
  3. `gaps_nonnegative`          b w + c lambda z >= 0 for b, c, w, z >= 0 (induction step)
  4. `base_case`                 |m^(0)| = 0 <= lambda
  5. `bias_correction_base`      1 - beta1^0 = 0
  6. `bias_correction_step`      1 - beta1^(k+1) = beta1 (1 - beta1^k) + (1 - beta1): m-hat is a weighted mean of lambda*s
  7. `bound_in_runs`             60-digit Adam runs (both conventions): |m| <= lambda and |m-hat| <= lambda
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import mpmath
import sympy as sp

from numeric.optimizers import adam_trajectory
from proofs.engine import (Assumption, Check, Claim, Equality, Inequality, Necessity, StepResult, Witness, WitnessCheck)
from proofs.kumar.shown import exact
from symbolic import optimizers as o

ID = "kumar.prop_b_6"
s_sym = sp.Symbol("s", real=True)
b, c, w, z = sp.symbols("b c w z", nonnegative=True)
EXACT = {"alpha": Fraction(1, 100), "lam": Fraction(1), "gamma": Fraction(99, 100), "eps": Fraction(0)}  # sqrt(v^(1)) = 1/10


def _bound_in_runs(scale: Fraction) -> StepResult:
    inits = [Fraction(27392337, 10**8), Fraction(-46042657, 10**8), Fraction(9, 10), Fraction(1, 1000)]
    settings = {"alpha": Fraction(1, 100), "lam": 1, "beta1": Fraction(9, 10), "gamma": Fraction(99, 100),
                "eps": Fraction(1, 10**8), "steps": 150}
    for convention in ("paper", "pytorch"):
        run = adam_trajectory(inits, *settings.values(), convention=convention, dps=50)  # in the signature's order
        with mpmath.workdps(50):
            for k, state in enumerate(run[1:], start=1):
                worst = max(abs(mi) / (1 - mpmath.mpf("0.9") ** k if convention == "pytorch" else 1) for mi in state.m)
                if worst > mpmath.mpf(scale.numerator) / scale.denominator * (1 + mpmath.mpf(10) ** -40):  # rounding at 50 digits
                    return StepResult(False, "numeric", "mpmath-50", f"{convention}: |m| = {mpmath.nstr(worst, 8)} at k={k}",
                                      counterexample=r"{convention} convention, $k={k_at}$: $\max_i|m^{(k)}_i|/\lambda={worst}"
                                                     r">{scale}$ (50 digits; the bias-corrected $\hat m^{(k)}$ under pytorch)",
                                      values={"convention": convention, "k_at": k, "worst": mpmath.nstr(worst, 8),
                                              "scale": exact(scale)})
    return StepResult(True, "numeric", "mpmath-50", f"|m|, |m-hat| <= {scale}*lambda over 150 steps, 4 coordinates, both conventions",
                      sample={"points": 2 * len(inits) * 150, "dps": 50, "starts": [str(v) for v in inits],
                              **{k: str(v) for k, v in settings.items()}})


def _first_moment_after_one_step(params: Mapping[str, Any], start) -> WitnessCheck:
    beta1, m0 = start
    run = adam_trajectory([Fraction(1, 2)], EXACT["alpha"], EXACT["lam"], beta1, EXACT["gamma"], EXACT["eps"], 1,
                          backend="fraction", m0=[m0])
    m1 = run[1].m[0]
    return WitnessCheck(lhs=exact(abs(m1)), rhs=sp.Integer(1), holds=abs(m1) > 1)


def _assumptions() -> list[Assumption]:
    def witness(label, latex, start, wrong):
        return Witness(label=label, latex=latex, construct=lambda p: start, verify=_first_moment_after_one_step, cases=[{}],
                       for_all=False,  # a single counterexample: one exact case proves it
                       wrong_constructions=[lambda p: wrong])
    return [
        Assumption("A1", "0 <= beta1 <= 1", r"0\le\beta_1\le1",
                   necessity=Necessity("necessary", r"$\beta_1=-1/2$, $m^{(0)}=0$, $\lambda=1$: $|m^{(1)}|={lhs}>\lambda$ (exact).",
                                       check=witness("negative_beta1_overshoots", r"\beta_1=-\tfrac12:\ m^{(1)}=\tfrac32\lambda",
                                                     (Fraction(-1, 2), Fraction(0)), (Fraction(1, 2), Fraction(0))))),
        Assumption("A2", "m^(0) = 0", r"m^{(0)}=0",
                   necessity=Necessity("necessary", r"$m^{(0)}=2\lambda$, $\beta_1=9/10$, $\lambda=1$: $|m^{(1)}|={lhs}>\lambda$ "
                                                    r"(exact).",
                                       check=witness("large_initial_moment_overshoots", r"m^{(0)}=2\lambda:\ m^{(1)}=1.9\lambda",
                                                     (Fraction(9, 10), Fraction(2)), (Fraction(9, 10), Fraction(1))))),
    ]


def _steps() -> list:
    nxt = o.first_moment_step(o.m, s_sym)
    G = lambda n: 1 - o.beta1**n  # noqa: E731
    return [
        Equality(label="upper_gap_identity", latex=r"\lambda-m^{(k+1)}=\beta_1(\lambda-m^{(k)})+(1-\beta_1)\lambda(1-s)",
                 lhs=o.lam - nxt, rhs=o.beta1 * (o.lam - o.m) + (1 - o.beta1) * o.lam * (1 - s_sym)),
        Equality(label="lower_gap_identity", latex=r"\lambda+m^{(k+1)}=\beta_1(\lambda+m^{(k)})+(1-\beta_1)\lambda(1+s)",
                 lhs=o.lam + nxt, rhs=o.beta1 * (o.lam + o.m) + (1 - o.beta1) * o.lam * (1 + s_sym)),
        Inequality(label="gaps_nonnegative",
                   latex=r"b\,w+c\,\lambda z\ge0,\quad b=\beta_1,\ c=1-\beta_1,\ w=\lambda\mp m^{(k)},\ z=1\mp s\ \ (\text{all}\ge0)",
                   lhs=b * w + c * o.lam * z, rhs=0, relation=">=",
                   justification=r"$m^{(k+1)}$ is a convex combination of $m^{(k)}$ and $\lambda s$, "
                                 r"$s\in\{-1,0,1\}$."),
        Inequality(label="base_case", latex=r"|m^{(0)}|=0\le\lambda", lhs=0, rhs=o.lam, relation="<="),
        # the given value 0 on the left, the computation on the right: the engine's mutants perturb the
        # right side, and a printed atom 0 'replaced by itself' could never be rejected
        Equality(label="bias_correction_base", printed=False, latex=r"1-\beta_1^0=0", lhs=0, rhs=lambda: G(sp.Integer(0))),
        Equality(label="bias_correction_step", printed=False, latex=r"1-\beta_1^{k+1}=\beta_1(1-\beta_1^k)+(1-\beta_1)",
                 lhs=G(o.k + 1), rhs=o.beta1 * G(o.k) + (1 - o.beta1),
                 justification=r"The weights of $m^{(k)}$ sum to $1-\beta_1^k$, so $m^{(k)}/(1-\beta_1^k)$ is a "
                               r"weighted mean of the $\lambda s_j$."),
        Check(label="bound_in_runs", printed=False, kind_name="high-precision runs", latex=r"|m^{(k)}|,\ |\hat m^{(k)}|\le\lambda\ \text{in runs}",
              run_check=lambda: _bound_in_runs(Fraction(1)), wrong_versions=[lambda: _bound_in_runs(Fraction(1, 2))]),
    ]


def theorem() -> Claim:
    r"""Proposition B.6 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.6", section="B.3.4", title="Adam's first moment is bounded by lambda",
                 statement=r"$|m^{(k)}_i|\le\lambda$ for all $i$ and $k$.", reference="Kumar, App. B.3.4, Prop. B.6, eq. (29)",
                 assumptions=_assumptions(), steps=_steps(),
                 notes=[r"The bound also holds for PyTorch's bias-corrected first moment $\hat m^{(k)}=m^{(k)}/(1-\beta_1^k)$."])
