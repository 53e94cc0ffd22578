r"""Kumar, eq. (9): the constant-step subgradient bound applied to the toy LASSO (7).

Reference: [Kumar, §4 "The subgradient method and step-size choices", eq. (9); Boyd et al. (2003) §2]

Statement:   (7) is Lipschitz (6) with :math:`G=\lambda`, so
             :math:`\lim_k f^{(k)}_{\rm best}-f^\star\le\alpha G^2/2=\alpha\lambda^2/2`.
Reading:     form of (9) from Boyd §2 (high); :math:`G=\lambda` is the reconstruction's reading
             (medium, from the reviews' "L = lambda_1").  We check it and the reading
             :math:`G=\lambda\sqrt n`, the 2-norm Lipschitz constant of :math:`\lambda\|\cdot\|_1` on :math:`\mathbb R^n`.
Assumptions: A1 alpha > 0 constant; A2 lambda > 0; A3 n = 1 (used not stated by G = lambda)
Proof outline:
  1. `lipschitz_constant_G_eq_lambda`          printed: every subgradient has ||g||_2 <= lambda
  2. `lipschitz_constant_G_eq_lambda_sqrt_n`   repaired: max ||lambda*sign(beta)||_2 = lambda*sqrt(n)
  3. `boyd_constant_step_bound`                cited: lim f_best - f* <= alpha*G^2/2
  4. `bound_9_with_G_eq_lambda`                printed: lim f_best <= alpha*lambda^2/2 (exact runs)
  5. `cycle_best_value_identity`               min(a, S - a) = S/2 - |a - S/2|
  6. `cycle_best_value_at_most_half`           lambda*(S/2 - |a - S/2|) <= lambda*S/2, S = n*alpha*lambda
  7. `bound_9_with_G_eq_lambda_sqrt_n`         repaired: lim f_best <= n*alpha*lambda^2/2 (exact runs)
Review notes: G = lambda is the Lipschitz constant only for n = 1; the paper's own 2-D
example (alpha = 0.01, lambda = 1, beta0 = (0.4947, 0.4947)) has lim f_best = 0.0094 > 0.005.
"""

from __future__ import annotations

import random
from fractions import Fraction
from math import isqrt
from typing import Any

import sympy as sp

from numeric.optimizers import ndgm_cycle, ndgm_trajectory
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Inequality, Necessity, Parameter, StepResult,
                           Witness, WitnessCheck)
from proofs.errors import AssumptionViolated
from proofs.kumar.shown import ALPHA, BETA0, LAMBDA, N, exact, point
from proofs.kumar.toy_lasso import beta0_parameter, check_ndgm_budget, in_exceptional_set
from symbolic import optimizers as o

ID = "kumar.eq_9"
n_sym, i_sym = sp.Symbol("n", integer=True, positive=True), sp.Symbol("i", integer=True, positive=True)


def limit_best_value(beta0: list[Fraction], alpha: Fraction, lam: Fraction) -> Fraction:
    r""":math:`\lim_k f^{(k)}_{\rm best}` for NDGM on (7), from an exact run through the 2-cycle.

    >>> str(limit_best_value([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(1)))
    '47/5000'
    """
    K = ndgm_cycle(beta0, alpha, lam).K
    return min(lam * sum(abs(x) for x in b) for b in ndgm_trajectory(beta0, alpha, lam, K + 2))


def _instances(seed: int = 3) -> list[tuple[list[Fraction], Fraction, Fraction]]:
    rng = random.Random(seed)
    out = [([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(1))]
    for _ in range(15):
        alpha, lam = Fraction(rng.randint(1, 50), 1000), Fraction(rng.randint(1, 30), 10)
        b = [Fraction(rng.randint(-10**5, 10**5), 10**5) for _ in range(rng.randint(1, 5))]
        out.append(([x + Fraction(1, 10**7) if in_exceptional_set(x, alpha, lam) else x for x in b], alpha, lam))
    return out


def _bound_holds(G_squared) -> StepResult:
    for beta0, alpha, lam in _instances():
        best, bound = limit_best_value(beta0, alpha, lam), alpha * G_squared(lam, len(beta0)) / 2
        if not best <= bound:
            return StepResult(False, "symbolic", "exact-rational", f"lim f_best = {best} > {bound}",
                              counterexample=r"at {point}: $\lim_k f^{(k)}_{\mathrm{best}}-f^\star={f_best}>\alpha G^2/2={bound}$ "
                                             r"(exact run, $f^\star=0$)",
                              values={"point": point({N: len(beta0), ALPHA: alpha, LAMBDA: lam, BETA0: beta0}),
                                      "f_best": exact(best), "bound": exact(bound)})
    instances = _instances()
    # exact runs at chosen settings: proved on exactly these instances
    return StepResult(True, "symbolic", "exact-rational", f"bound holds in {len(instances)} exact runs (n = 1..5)",
                      evidence="proved-on-scope",
                      scope={"cases": [{"alpha": str(a), "lam": str(l), "beta0": [str(b) for b in b0]} for b0, a, l in instances],
                             "seed": 3})


def _subgradient_norm_bounded(G_squared) -> StepResult:
    for n in range(1, 6):
        lam = Fraction(3, 2)
        norm_sq = n * lam * lam  # ||lambda * (1, ..., 1)||_2^2, a subgradient at (1, ..., 1)
        if norm_sq > G_squared(lam, n):
            return StepResult(False, "symbolic", "exact-rational", f"||g||^2 = {norm_sq} > G^2 = {G_squared(lam, n)}",
                              counterexample=r"at {point} the subgradient $g=\lambda(1,\dots,1)$ at $\beta=(1,\dots,1)$ has "
                                             r"$\|g\|_2^2={norm_sq}>G^2={G_sq}$",
                              values={"point": point({N: n, LAMBDA: lam}), "norm_sq": exact(norm_sq),
                                      "G_sq": exact(G_squared(lam, n))})
    return StepResult(True, "symbolic", "exact-rational", "||lambda*sign(beta)||_2^2 = n*lambda^2 <= G^2 for n = 1..5",
                      evidence="proved-on-scope", scope={"n": "1..5", "lam": "3/2"})


def _steps() -> list:
    a, S = sp.symbols("a S", real=True)
    S_val = n_sym * o.alpha * o.lam
    return [
        Check(label="lipschitz_constant_G_eq_lambda", kind_name="exact computation",
              latex=r"\|g\|_2\le G=\lambda\ \ \forall g\in\partial(\lambda\|\cdot\|_1)",
              run_check=lambda: _subgradient_norm_bounded(lambda lam, n: lam * lam),
              erratum=r"$G=\lambda$ bounds the subgradients of $\lambda\|\cdot\|_1$ only for $n=1$: at {point} the "
                      r"subgradient $g=\lambda(1,\dots,1)$ has $\|g\|_2^2={norm_sq}>G^2={G_sq}$; in general "
                      r"$\|g\|_2=\lambda \sqrt{n}$."),
        Equality(label="lipschitz_constant_G_eq_lambda_sqrt_n", repairs="lipschitz_constant_G_eq_lambda",
                 latex=r"\max_{g\in\lambda[-1,1]^n}\|g\|_2=\Big(\sum_{i=1}^n\lambda^2\Big)^{1/2}=\lambda\sqrt n",
                 lhs=lambda: sp.sqrt(sp.Sum(o.lam**2, (i_sym, 1, n_sym)).doit()), rhs=o.lam * sp.sqrt(n_sym)),
        Cited(label="boyd_constant_step_bound", latex=r"\lim_{k\to\infty}f^{(k)}_{\rm best}-f^\star\le\frac{\alpha G^2}{2}",
              reference="Boyd, Xiao, Mutapcic (2003), Subgradient methods, §2 (constant step size)"),
        Check(label="bound_9_with_G_eq_lambda", role="statement", kind_name="exact simulation",
              latex=r"\lim_{k\to\infty}f^{(k)}_{\rm best}-f^\star\le\frac{\alpha\lambda^2}{2}",
              run_check=lambda: _bound_holds(lambda lam, n: lam * lam),
              erratum=r"With $G=\lambda$ the bound fails for $n\ge2$, e.g. in the paper's own 2-D example {point}: "
                      r"$\lim_k f^{(k)}_{\mathrm{best}}-f^\star={f_best}>\alpha \lambda^2/2={bound}$ (exact run)."),
        Equality(label="cycle_best_value_identity", printed=False, latex=r"\min(a,S-a)=\tfrac S2-\big|a-\tfrac S2\big|",
                 lhs=sp.Min(a, S - a), rhs=S / 2 - sp.Abs(a - S / 2), domain={a: (-2, 2), S: (-2, 2)}),
        Inequality(label="cycle_best_value_at_most_half", printed=False,
                   latex=r"\lambda\Big(\tfrac S2-\big|a-\tfrac S2\big|\Big)\le\frac{\lambda S}{2}=\frac{\alpha(\lambda\sqrt n)^2}{2},\quad S=n\alpha\lambda",
                   lhs=o.lam * (S_val / 2 - sp.Abs(a - S_val / 2)), rhs=o.lam * S_val / 2,
                   justification=r"The two cycle norms are $a$ and $S-a$ (kumar.example_4, step 1); "
                                 r"$f^{(k)}_{\mathrm{best}}$ is $\lambda$ times the smaller."),
        Check(label="bound_9_with_G_eq_lambda_sqrt_n", repairs="bound_9_with_G_eq_lambda", kind_name="exact simulation",
              latex=r"\lim_{k\to\infty}f^{(k)}_{\rm best}-f^\star\le\frac{n\alpha\lambda^2}{2}",
              run_check=lambda: _bound_holds(lambda lam, n: n * lam * lam),
              wrong_versions=[lambda: _bound_holds(lambda lam, n: max(n - 1, 1) * lam * lam)]),
    ]


def _one_dimension(params, beta0) -> WitnessCheck:
    best = limit_best_value(beta0, Fraction(1, 100), Fraction(1))
    return WitnessCheck(lhs=exact(best), rhs=exact(Fraction(1, 200)), holds=best > Fraction(1, 200))


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    alpha, lam, beta0 = params["alpha"], params["lam"], params["beta0"]
    if alpha <= 0 or lam <= 0:
        raise AssumptionViolated(ID, "A1" if alpha <= 0 else "A2", "alpha > 0, lambda > 0", {"alpha": alpha, "lam": lam})
    if any(in_exceptional_set(b, alpha, lam) for b in beta0):
        raise AssumptionViolated(ID, "A1", "beta0 off alpha*lambda*Z (else lim f_best = 0)", {"beta0": [str(b) for b in beta0]})
    check_ndgm_budget(beta0, alpha, lam)
    n = len(beta0)
    return {"n": n, "lim_f_best": str(limit_best_value(beta0, alpha, lam)),
            "bound_G_lambda": str(alpha * lam * lam / 2), "bound_G_lambda_sqrt_n": str(n * alpha * lam * lam / 2),
            "G_lambda_sqrt_n_squared": str(n * lam * lam), "sqrt_n_is_integer": isqrt(n) ** 2 == n}


def theorem() -> Claim:
    r"""Eq. (9) applied to (7) as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Equation (9)", section="4",
                 title="Constant-step subgradient bound on the toy LASSO",
                 statement=r"(7) satisfies (6) with $G=\lambda$, hence $\lim_k f^{(k)}_{\rm best}-f^\star\le\alpha\lambda^2/2$.",
                 reference="Kumar, §4, eq. (9); Boyd et al. (2003) §2", steps=_steps(),
                 assumptions=[
                     Assumption("A1", "alpha > 0 constant", r"\alpha>0", holds=lambda p: p.get("alpha", 1) > 0,
                                necessity=Necessity("unknown", r"Boyd's bound is for a constant $\alpha>0$; not explored further.")),
                     Assumption("A2", "lambda > 0", r"\lambda>0", holds=lambda p: p.get("lam", 1) > 0,
                                necessity=Necessity("unknown", r"$\lambda\le0$ changes the problem (it is no longer (7)).")),
                     Assumption("A3", "n = 1 (for G = lambda)", r"n=1", used_not_stated=True,
                                necessity=Necessity("necessary", r"$n=2$: in the paper's example, $\beta^{(0)}=({=0.4947},{=0.4947})$, "
                                                                 r"$\alpha={=0.01}$, $\lambda=1$, the exact run has "
                                                                 r"$\lim_k f^{(k)}_{\mathrm{best}}={lhs}>\alpha \lambda^2/2={rhs}$.",
                                                    check=Witness(label="two_dimensions_break_G_eq_lambda", latex=r"n=2,\ \beta^{(0)}=(0.4947,0.4947)",
                                                                  construct=lambda p: [Fraction(4947, 10000)] * 2, verify=_one_dimension,
                                                                  cases=[{}], for_all=False,  # one counterexample
                                                                  wrong_constructions=[lambda p: [Fraction(4947, 10000)]]))),
                 ],
                 parameters=[Parameter("alpha", "rational", Fraction(1, 100), "step size"),
                             Parameter("lam", "rational", Fraction(1), "LASSO penalty"),
                             beta0_parameter([Fraction(4947, 10000)] * 2, "initialization")],
                 derive=_derive,
                 repaired_statement=r"(7) on $\mathbb R^n$ satisfies (6) with $G=\lambda\sqrt n$, and "
                                    r"$\lim_k f^{(k)}_{\mathrm{best}}-f^\star\le n\alpha \lambda^2/2$.")
