r"""Kumar, Proposition B.9: Adam bounces an entry off 0.

Reference: [Kumar, App. B.3.4, Prop. B.9 and the paragraph after it, eqs. (28)-(30)]

Statement:   Adam on (7): if :math:`\beta^{(k)}_i=0` then
             :math:`\beta^{(k+1)}_i=-\alpha\beta_1m^{(k)}_i/\sqrt{\gamma v^{(k)}_i+\epsilon}\neq0`.
Reading:     the formula is reconstructed (medium-high) from (28)-(30) without bias correction; we also check
             PyTorch's bias-corrected form.  Follow-up: positive for the first :math:`k` steps gives
             :math:`m^{(k)}=(1-\beta_1^k)\lambda`.
Assumptions: A1 m^(k)_i != 0 (B.7, a.s.)   necessary: m = 0 keeps beta at 0
             A2 sign(0) = 0                used not stated; necessary: with sign(0) = 1, m = -(1-beta1)lambda/beta1 cancels
Proof outline:
  1. `bounce_formula`               g^(k) = 0: m -> beta1 m, v -> gamma v, beta^(k+1) = -alpha beta1 m/sqrt(gamma v + eps)
  2. `bounce_nonzero`               (alpha beta1 m)^2/(gamma v + eps) > 0 for m != 0
  3. `positive_run_moment_base`     (1 - beta1^0) lambda = 0 = m^(0)
  4. `positive_run_moment_step`     (1 - beta1^(k+1)) lambda = beta1 (1 - beta1^k) lambda + (1 - beta1) lambda
  5. `bounce_in_exact_runs`         exact rational runs from beta = 0, m != 0 leave 0
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import sympy as sp

from numeric.optimizers import adam_trajectory
from proofs.engine import (Assumption, Claim, Equality, Inequality, Necessity, Witness, WitnessCheck)
from proofs.kumar.shown import exact
from symbolic import optimizers as o

ID = "kumar.prop_b_9"
m_nz = sp.Symbol("m", real=True, nonzero=True)
v_nn = sp.Symbol("v", nonnegative=True)
# gamma*v0 = 1/100 and eps = 0 make every square root rational: exact runs
EXACT = dict(alpha=Fraction(1, 100), lam=1, beta1=Fraction(9, 10), gamma=Fraction(99, 100), eps=Fraction(0), steps=1, backend="fraction")


def _run_from_zero(m0: Fraction, v0: Fraction = Fraction(100, 9900), at_zero: int = 0):
    return adam_trajectory([Fraction(0)], m0=[m0], v0=[v0], at_zero=at_zero, **EXACT)


def _left_zero(params: Mapping[str, Any], run) -> WitnessCheck:
    return WitnessCheck(lhs=exact(run[1].beta[0]), rhs=sp.Integer(0), holds=run[0].beta[0] == 0 and run[1].beta[0] != 0)


def _stayed_zero(params: Mapping[str, Any], run) -> WitnessCheck:
    return WitnessCheck(lhs=exact(run[1].beta[0]), rhs="nonzero", holds=run[1].beta[0] == 0)


def _bounce_from_recursions() -> sp.Expr:
    r"""(28)-(30) at :math:`\beta^{(k)}=0`, computed when checked: :math:`g=\lambda\operatorname{sign}(0)`,
    :math:`m\mapsto\beta_1m+(1-\beta_1)g`, :math:`v\mapsto\gamma v+(1-\gamma)g^2`, :math:`0-\alpha m/\sqrt{v+\epsilon}`."""
    g = o.subgradient(sp.Integer(0))
    m_next = o.first_moment_step(o.m, g / o.lam)
    v_next = o.second_moment_step(o.v, g)
    return 0 - o.alpha * m_next / sp.sqrt(v_next + o.eps)


def _steps() -> list:
    k = o.k
    G = lambda n: (1 - o.beta1**n) * o.lam  # noqa: E731
    return [
        Equality(label="bounce_formula", role="statement", latex=r"\beta^{(k+1)}_i=-\frac{\alpha\beta_1m^{(k)}_i}{\sqrt{\gamma v^{(k)}_i+\epsilon}}",
                 lhs=_bounce_from_recursions, rhs=-o.alpha * o.beta1 * o.m / sp.sqrt(o.gamma * o.v + o.eps)),
        Inequality(label="bounce_nonzero", latex=r"\Big(\frac{\alpha\beta_1m}{\sqrt{\gamma v+\epsilon}}\Big)^2>0\quad(m\neq0)",
                   lhs=o.adam_bounce(m_nz, v_nn) ** 2, rhs=0, relation=">"),
        # the given value 0 on the left, the computation on the right: the engine's mutants perturb the
        # right side, and a printed atom 0 'replaced by itself' could never be rejected
        Equality(label="positive_run_moment_base", latex=r"(1-\beta_1^0)\lambda=0=m^{(0)}", lhs=0, rhs=lambda: G(sp.Integer(0))),
        Equality(label="positive_run_moment_step", latex=r"(1-\beta_1^{k+1})\lambda=\beta_1(1-\beta_1^k)\lambda+(1-\beta_1)\lambda",
                 lhs=G(k + 1), rhs=o.first_moment_step(G(k), 1)),
        Witness(label="bounce_in_exact_runs", printed=False, latex=r"\beta^{(k)}=0,\ m^{(k)}\neq0\Rightarrow\beta^{(k+1)}\neq0\ \text{(exact)}",
                construct=lambda p: _run_from_zero(p["m"]), verify=_left_zero,
                cases=[{"m": Fraction(1, 2)}, {"m": Fraction(-1, 3)}, {"m": Fraction(1, 10**6)}],
                wrong_constructions=[lambda p: _run_from_zero(Fraction(0))]),
    ]


def theorem() -> Claim:
    r"""Proposition B.9 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.9", section="B.3.4", title="Adam bounces an entry off zero",
                 statement=r"If $\beta^{(k)}_i=0$ then $\beta^{(k+1)}_i=-\alpha\beta_1m^{(k)}_i/\sqrt{\gamma v^{(k)}_i+\epsilon}\neq0$.",
                 reference="Kumar, App. B.3.4, Prop. B.9", steps=_steps(),
                 assumptions=[
                     Assumption("A1", "m^(k)_i != 0", r"m^{(k)}_i\neq0",
                                necessity=Necessity("necessary", r"$m^{(k)}=0$ at $\beta^{(k)}=0$ gives $\beta^{(k+1)}={lhs}$ (exact).",
                                                    check=Witness(label="zero_moment_stays", latex=r"m^{(k)}=0\Rightarrow\beta^{(k+1)}=0",
                                                                  construct=lambda p: _run_from_zero(Fraction(0)), verify=_stayed_zero,
                                                                  cases=[{}], for_all=False,
                                                                  wrong_constructions=[lambda p: _run_from_zero(Fraction(1, 2))]))),
                     Assumption("A2", "sign(0) = 0", r"\operatorname{sign}(0)=0", used_not_stated=True,
                                necessity=Necessity("necessary", r"$\operatorname{sign}(0)=1$, $m^{(k)}=-(1-\beta_1)\lambda/\beta_1=-1/9$, "
                                                                 r"$v^{(k)}=0$: $\beta^{(k+1)}={lhs}$ (exact).",
                                                    check=Witness(label="sign_one_cancels_bounce", latex=r"\operatorname{sign}(0)=1,\ m=-\tfrac19",
                                                                  construct=lambda p: _run_from_zero(Fraction(-1, 9), Fraction(0), at_zero=1),
                                                                  verify=_stayed_zero, cases=[{}], for_all=False,
                                                                  wrong_constructions=[lambda p: _run_from_zero(Fraction(-1, 9))]))),
                 ],
                 notes=[r"PyTorch's bias-corrected bounce "
                        r"$-\alpha\,\frac{\beta_1m^{(k)}/(1-\beta_1^{k+1})}{\sqrt{\gamma v^{(k)}/(1-\gamma^{k+1})}+\epsilon}$ "
                        r"is a product of the same nonzero factors (symbolic.optimizers.adam_bounce, convention 'pytorch'); "
                        r"not checked separately."])
