r"""Kumar, Proposition B.7: with beta1 ~ U[0.9, 0.99], Adam's first moment is never 0, a.s.

Reference: [Kumar, App. B.3.4, Prop. B.7, eq. (31)]

Statement:   If :math:`\beta_1\sim U[0.9,0.99]`, then :math:`m^{(k)}_i\neq0` with probability 1 for all :math:`k`.
Reading:     (31) :math:`m^{(k)}=(1-\beta_1)\lambda\sum_{j<k}\beta_1^{k-1-j}s_j` (high).  For each of the finitely
             many sign patterns the polynomial has degree :math:`k-1` and leading coefficient :math:`s_0\neq0`.
Assumptions: A1 beta1 has no atoms   necessary: an explicit beta1* ~ 0.9082 gives m^(15) = 0
             A2 beta0_i != 0         used not stated; necessary: beta0 = 0 keeps m = 0
Proof outline:
  1. `unrolled_31_base`           (31) at k = 0 is 0 = m^(0)
  2. `unrolled_31_step`           (31) solves (29) (sum peeled)
  3. `pattern_polynomial_degree`  sum_j s_j beta1^(k-1-j) has degree k-1, leading coefficient s_0 (k = 6)
  4. `finitely_many_roots`        cited: a nonzero polynomial of degree d has at most d roots
  5. `countable_sets_are_null`    cited
  6. `exceptional_beta1_exists`   beta1* in [0.9, 0.99] with signs (+)^10 (-)^5 and m^(15) = 0 (60 digits)
Review notes: the exceptional set is not empty: beta1* is the root of beta1^5 (2 - beta1^10) = 1,
realized by an Adam run from beta0 chosen to cross 0 after 10 steps.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from numeric.optimizers import adam_trajectory, sign
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Necessity, PolynomialDegree, StepResult, Witness,
                           WitnessCheck)
from symbolic import optimizers as o

ID = "kumar.prop_b_7"
SETTINGS = (Fraction(1, 100), 1)  # alpha, lambda
GAMMA, EPS = Fraction(99, 100), Fraction(1, 10**8)


def exceptional_beta1(dps: int = 60) -> Any:
    r""":math:`\beta_1^*\in[0.9,0.99]`, the root of :math:`\beta_1^5(2-\beta_1^{10})=1`, i.e. of
    :math:`\sum_{j<10}\beta_1^{14-j}-\sum_{j=10}^{14}\beta_1^{14-j}`.

    >>> mpmath.nstr(exceptional_beta1(), 10)
    '0.9082438629'
    """
    with mpmath.workdps(dps):
        return mpmath.findroot(lambda b: b**5 * (2 - b**10) - 1, mpmath.mpf("0.905"))


def _crossing_start(beta1: Any) -> Any:
    run = adam_trajectory([Fraction(100)], *SETTINGS, beta1, GAMMA, EPS, 10, dps=60)  # far from 0: all steps positive
    with mpmath.workdps(60):
        drops = [run[0].beta[0] - s.beta[0] for s in run]
        return (drops[9] + drops[10]) / 2


def _first_moment_vanishes(shift: str) -> StepResult:
    with mpmath.workdps(60):
        beta1 = exceptional_beta1() + mpmath.mpf(shift)
        beta0 = _crossing_start(beta1)
        run = adam_trajectory([beta0], *SETTINGS, beta1, GAMMA, EPS, 15, dps=60)
        signs = "".join("+" if sign(s.beta[0]) > 0 else "-" for s in run[:15])
        m15 = abs(run[15].m[0])
        ok = signs == "+" * 10 + "-" * 5 and m15 < mpmath.mpf(10) ** -50
    return StepResult(ok, "numeric", "mpmath-60", f"beta1 = {mpmath.nstr(beta1, 12)}, signs {signs}, |m^(15)| = {mpmath.nstr(m15, 5)}",
                      counterexample=None if ok else r"at $\beta_1={beta1}$ the run has the signs {signs} and "
                                                     r"$|m^{(15)}|={m15}$ (60 digits)", sample={"points": 1, "dps": 60},
                      values={"beta1": mpmath.nstr(beta1, 12), "m15": mpmath.nstr(m15, 3), "signs": signs})


def _zero_start(params, beta0) -> WitnessCheck:
    # Ball arithmetic, not fractions: from beta0 = 0 every m^(k) is an exact 0 either way, but from any other
    # start sqrt(v + eps) is irrational, and a fraction run would raise instead of showing m != 0.  An arb
    # ball equals 0 only when it is the exact point 0, so `holds` is decided rigorously both ways.
    run = adam_trajectory([beta0], Fraction(1, 100), 1, Fraction(9, 10), GAMMA, Fraction(1, 100), 5, backend="arb")
    return WitnessCheck(lhs=f"m = {[str(s.m[0]) for s in run]}", rhs="nonzero", holds=all(s.m[0] == 0 for s in run))


def _steps() -> list:
    k, j, s = o.k, o.j, o.s
    peeled = lambda: (1 - o.beta1) * o.lam * (sp.Sum(o.beta1 ** (k - j) * s(j), (j, 0, k - 1)) + s(k))  # noqa: E731
    return [
        # the given value 0 on the left, the computation on the right: the engine's mutants perturb the
        # right side, and a printed atom 0 'replaced by itself' could never be rejected
        Equality(label="unrolled_31_base", latex=r"m^{(0)}=(1-\beta_1)\lambda\sum_{j<0}(\cdot)=0", lhs=0, rhs=lambda: o.first_moment_unrolled(sp.Integer(0))),
        Equality(label="unrolled_31_step", latex=r"(1-\beta_1)\lambda\sum_{j\le k}\beta_1^{k-j}s_j=\beta_1m^{(k)}+(1-\beta_1)\lambda s_k",
                 lhs=peeled, rhs=lambda: o.first_moment_step(o.first_moment_unrolled(k), s(k))),
        PolynomialDegree(label="pattern_polynomial_degree", latex=r"\sum_{j<6}s_j\beta_1^{5-j}\ \text{has degree 5 and leading coefficient}\ s_0",
                         expr=lambda: sp.expand(o.first_moment_unrolled(sp.Integer(6)) / ((1 - o.beta1) * o.lam)), var=o.beta1, degree=5,
                         leading=lambda: s(0), scope={"k": 6}),  # every sign pattern s_0..s_5 at once, one k
        Cited(label="finitely_many_roots", latex=r"\#\{\beta_1: p_s(\beta_1)=0\}\le k-1\ \text{for each of the}\ \le3^k\ \text{patterns}",
              reference="A nonzero real polynomial of degree d has at most d roots (fundamental theorem of algebra)"),
        Cited(label="countable_sets_are_null", latex=r"\Pr(m^{(k)}_i=0)=0", reference="Lebesgue measure of a finite set is 0"),
        Check(label="exceptional_beta1_exists", printed=False, kind_name="high-precision runs",
              latex=r"\exists\beta_1^*\in[0.9,0.99],\ \beta^{(0)}:\ s=(+)^{10}(-)^5,\ m^{(15)}=0",
              run_check=lambda: _first_moment_vanishes("0"), wrong_versions=[lambda: _first_moment_vanishes("1e-6")]),
    ]


def theorem() -> Claim:
    r"""Proposition B.7 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.7", section="B.3.4", title="Adam's first moment never vanishes (a.s. in beta1)",
                 statement=r"If $\beta_1\sim U[0.9,0.99]$ then $m^{(k)}_i\neq0$ with probability 1 for all $k$.",
                 reference="Kumar, App. B.3.4, Prop. B.7, eq. (31)", steps=_steps(),
                 assumptions=[
                     Assumption("A1", "beta1 without atoms", r"\beta_1\sim U[0.9,0.99]",
                                necessity=Necessity("necessary", r"$\beta_1^*={beta1}$ (a root in $[{=0.9},{=0.99}]$) gives "
                                                                 r"$|m^{(15)}|={m15}$ on an actual run (60 digits).",
                                                    check=Check(label="atom_at_root_vanishes", latex=r"\beta_1=\beta_1^*",
                                                                run_check=lambda: _first_moment_vanishes("0"),
                                                                wrong_versions=[lambda: _first_moment_vanishes("-1e-6")]))),
                     Assumption("A2", "beta0_i != 0", r"\beta^{(0)}_i\neq0", used_not_stated=True,
                                necessity=Necessity("necessary", r"$\beta^{(0)}=0$: every subgradient is 0 and $m$ stays 0 (exact).",
                                                    check=Witness(label="zero_start_keeps_m_zero", latex=r"\beta^{(0)}=0\Rightarrow m^{(k)}=0",
                                                                  construct=lambda p: Fraction(0), verify=_zero_start, cases=[{}], for_all=False,
                                                                  wrong_constructions=[lambda p: Fraction(1, 2)]))),
                 ],
                 notes=[r"Exceptional set for fixed $\beta^{(0)}$: the roots in $[{=0.9},{=0.99}]$ of the realized pattern "
                        r"polynomials $\sum_j s_j\beta_1^{k-1-j}$; nonempty ($\beta_1^*$)."])
