r"""Kumar, Proposition B.8: Adam on the toy LASSO never produces a zero entry, a.s. in beta0.

Reference: [Kumar, App. B.3.4, Prop. B.8, eqs. (32)-(33)]

Statement:   For fixed :math:`\beta_1\in[0.9,0.99]` and :math:`\beta^{(0)}\sim U[-1,1]^n`, :math:`\beta^{(k)}` is
             non-sparse with probability 1 for all :math:`k`.
Reading:     (30) without bias correction (medium-high); the proof takes :math:`\epsilon=0`, where
             :math:`\lambda` cancels in (33).  The exceptional set :math:`Z_k` is computed exactly: one candidate
             :math:`\beta^{(0)}(s)` per sign pattern, kept when a rigorous (Arb) forward run realizes the pattern.
Assumptions: A1 eps = 0 (the proof's)    superfluous: with eps = 1e-8 Z_k is still finite (<= 2^k)
             A2 beta0 without atoms      necessary: beta0 = 0.01 (in Z_1 for eps = 0) hits 0 exactly
Proof outline:
  1. `lambda_cancels_33`              m^(j)/sqrt(v^(j)) = (1-beta1) P_j / sqrt(1-gamma^j) (eps = 0)
  2. `unrolled_32_step`               beta^(k+1) = beta0 - alpha*sum_{j<=k+1} m^(j)/sqrt(v^(j)) (sum peeled)
  3. `exceptional_set_at_most_2_to_k` |Z_k| <= 2^k for k <= 8, eps in {0, 1e-8}, both conventions (Arb)
  4. `countable_sets_are_null`        cited
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import sympy as sp

import numpy as np

from numeric.optimizers import adam_preimages_of_zero, adam_trajectory, zero_entry_frequency
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Necessity, StepResult, Witness, WitnessCheck)
from proofs.kumar.shown import exact
from symbolic import optimizers as o

ID = "kumar.prop_b_8"
P = sp.Symbol("P", real=True)
d_fn = sp.Function("d")
SETTINGS = dict(alpha=Fraction(1, 100), lam=1, beta1=Fraction(9, 10), gamma=Fraction(99, 100))


def exceptional_set(k: int, eps: Fraction = Fraction(0), convention: str = "paper") -> list:
    r""":math:`Z_k` for Adam with the paper's settings (Arb balls; :class:`ArithmeticError` if a pattern is undecided).

    >>> [p.str(3, radius=False) for p in exceptional_set(1)]
    ['0.0100', '-0.0100']
    """
    points, undecided = adam_preimages_of_zero(k, eps=eps, convention=convention, **SETTINGS)
    if undecided:
        raise ArithmeticError(f"{undecided} sign patterns undecided at k={k}")
    return points


def _count_bound(bound, epsilons=(Fraction(0), Fraction(1, 10**8))) -> StepResult:
    sizes = []
    for eps in epsilons:
        for convention in ("paper", "pytorch"):
            for k in range(1, 9):
                size = len(exceptional_set(k, eps, convention))
                sizes.append(size)
                if size > bound(k):
                    return StepResult(False, "symbolic", "arb-patterns", f"|Z_{k}| = {size} > {bound(k)}",
                                      counterexample=r"at $\epsilon={eps}$ ({convention} convention), $k={k_at}$: "
                                                     r"$|Z_k|={size}>{bound}$",
                                      values={"eps": exact(eps), "convention": convention, "k_at": k, "size": size,
                                              "bound": bound(k)})
    # rigorous (Arb) at the paper's settings, for these k, eps and conventions only
    return StepResult(True, "symbolic", "arb-patterns", f"|Z_k| <= 2^k for k = 1..8 (largest {max(sizes)})",
                      evidence="proved-on-scope",
                      scope={"k": "1..8", "eps": [str(e) for e in epsilons], "conventions": ["paper", "pytorch"],
                             "settings": {n: str(x) for n, x in SETTINGS.items()}})


def _hits_zero(params: Mapping[str, Any], beta0) -> WitnessCheck:
    run = adam_trajectory([beta0], beta1=SETTINGS["beta1"], gamma=SETTINGS["gamma"], alpha=SETTINGS["alpha"], lam=1,
                          eps=Fraction(0), steps=1, backend="fraction")
    return WitnessCheck(lhs=exact(run[1].beta[0]), rhs="nonzero", holds=run[1].beta[0] == 0)


def _steps() -> list:
    j = o.j
    m_j = (1 - o.beta1) * o.lam * P
    return [
        Equality(label="lambda_cancels_33", latex=r"\frac{m^{(j)}}{\sqrt{v^{(j)}}}=\frac{(1-\beta_1)\lambda P_j}{\sqrt{(1-\gamma^j)\lambda^2}}=\frac{(1-\beta_1)P_j}{\sqrt{1-\gamma^j}}",
                 lhs=lambda: m_j / sp.sqrt(o.second_moment_closed_form(j)), rhs=(1 - o.beta1) * P / sp.sqrt(1 - o.gamma**j),
                 justification=r"$P_j=\sum_{l<j}\beta_1^{j-1-l}s_l$ from (31); $v^{(j)}$ from (24) with "
                               r"$\epsilon=0$."),
        Equality(label="unrolled_32_step", latex=r"\Big(\beta^{(0)}-\alpha\sum_{j=1}^{k}d_j\Big)-\alpha d_{k+1}=\beta^{(0)}-\alpha\sum_{j=1}^{k+1}d_j",
                 lhs=o.beta0 - o.alpha * sp.Sum(d_fn(j), (j, 1, o.k)) - o.alpha * d_fn(o.k + 1),
                 rhs=o.beta0 - o.alpha * (sp.Sum(d_fn(j), (j, 1, o.k)) + d_fn(o.k + 1))),
        Check(label="exceptional_set_at_most_2_to_k", kind_name="Arb enclosure",
              latex=r"|Z_k|\le2^k,\ Z_k=\{\beta^{(0)}\in[-1,1]:\beta^{(k)}=0\ \text{first at}\ k\}",
              run_check=lambda: _count_bound(lambda k: 2**k), wrong_versions=[lambda: _count_bound(lambda k: k)]),
        Cited(label="countable_sets_are_null", latex=r"\Pr\Big(\beta^{(0)}_i\in\bigcup_kZ_k\Big)=0", reference="Lebesgue measure of a countable set is 0"),
    ]


def measurements() -> dict[str, Any]:
    r"""Exact zeros of PyTorch Adam (bias-corrected, beta1 = 0.9, beta2 = 0.99, eps = 1e-8) in float32/float64."""
    return {"adam_exact_zeros": [zero_entry_frequency("adam", n=20000, steps=steps, alpha=a, lam=l, dtype=dt, gamma=0.99)
                                 for a, l, steps in ((0.01, 1.0, 400), (0.003, 2.0, 1000)) for dt in (np.float32, np.float64)]}


def theorem() -> Claim:
    r"""Proposition B.8 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.8", section="B.3.4", title="Adam on the toy LASSO: no exact zeros a.s.",
                 statement=r"For fixed $\beta_1\in[0.9,0.99]$ and $\beta^{(0)}\sim U[-1,1]^n$, $\beta^{(k)}$ is non-sparse with probability 1 for all $k$.",
                 reference="Kumar, App. B.3.4, Prop. B.8, eqs. (32)-(33)", steps=_steps(),
                 assumptions=[
                     Assumption("A1", "eps = 0 (in the proof)", r"\epsilon=0", used_not_stated=False,
                                necessity=Necessity("superfluous", r"With $\epsilon=10^{-8}$ (either placement) $Z_k$ is still finite: "
                                                                   r"$|Z_k|\le2^k$ for $k\le8$.",
                                                    check=Check(label="finite_with_positive_eps", latex=r"\epsilon=10^{-8}:\ |Z_k|\le2^k",
                                                                run_check=lambda: _count_bound(lambda k: 2**k, (Fraction(1, 10**8),)),
                                                                wrong_versions=[lambda: _count_bound(lambda k: 1, (Fraction(1, 10**8),))]))),
                     Assumption("A2", "beta0 without atoms", r"\beta^{(0)}\sim U[-1,1]^n",
                                necessity=Necessity("necessary", r"$\epsilon=0$: the atom $\beta^{(0)}=\alpha(1-\beta_1)/\sqrt{1-\gamma}"
                                                                 r"=1/100$ hits 0 at $k=1$: $\beta^{(1)}={lhs}$ (exact).",
                                                    check=Witness(label="atom_in_Z1_hits_zero", latex=r"\beta^{(0)}=0.01\Rightarrow\beta^{(1)}=0",
                                                                  construct=lambda p: Fraction(1, 100), verify=_hits_zero, cases=[{}], for_all=False,
                                                                  wrong_constructions=[lambda p: Fraction(1, 50)]))),
                 ],
                 extra=measurements,
                 notes=["Adam in float arithmetic: an entry that becomes exactly 0 is bounced off (B.9), so the measured share "
                        "of entries exactly 0 at the end stays 0."])
