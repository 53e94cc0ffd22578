r"""Kumar, Proposition B.10: Adam's first moment after a run of constant sign, and the text after it.

Reference: [Kumar, App. B.3.4, Prop. B.10, eqs. (34)-(39) and the two sentences after (39)]

Statement:   For a run of length :math:`r` starting at :math:`k_0`,
             :math:`m^{(k_0+r)}_i=\beta_1^rm^{(k_0)}_i+(1-\beta_1^r)\lambda s`.
Reading:     (34)-(39) high; the sentence "when s changes sign, its magnitude stabilizes near
             :math:`\lambda`, but with an alternating direction" is low-confidence.  We read it as: under
             sign alternation :math:`m` tends to :math:`\mp\lambda`; the exact 2-step fixed point is
             :math:`\mp\frac{1-\beta_1}{1+\beta_1}\lambda`.  Actual Adam runs are measured (review).
Assumptions: A1 0 < beta1 < 1   needed for (34)'s limit beta1^r -> 0; (34) itself holds for every beta1
Proof outline:
  1. `run_35`                    one step: beta1 m + (1 - beta1) lambda s
  2. `run_36`                    two steps: beta1^2 m + (1 - beta1)(1 + beta1) lambda s
  3. `run_34_base`               (34) at r = 0
  4. `run_34_step`               (34) solves (29) along the run (induction)
  5. `long_run_limit`            beta1^r m + (1 - beta1^r) lambda s -> lambda s (beta1 = 1/(1+q))
  6. `mirrors_rmsprop_39`        alpha lambda s/sqrt(v^(k+1) + eps) with (24) is the RMSProp step (25)
  7. `alternating_base`          M_0 = m for M_r = beta1^(2r) m + (1 - beta1^(2r)) m*, m* = -(1-beta1)lambda/(1+beta1)
  8. `alternating_step`          M_(r+1) = beta1^2 M_r + (1 - beta1)(beta1 - 1) lambda (signs +, -)
  9. `alternating_magnitude_near_lambda`  printed (low confidence): M_r -> -lambda
 10. `alternating_magnitude_limit`        repaired: M_r -> -(1 - beta1) lambda/(1 + beta1)
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from numeric.optimizers import adam_trajectory, sign
from proofs.engine import Assumption, Claim, Equality, Limit, Necessity
from symbolic import optimizers as o

ID = "kumar.prop_b_10"
q = sp.Symbol("q", positive=True)  # beta1 = 1/(1+q) in (0, 1)
b1_real = sp.Symbol("beta_1", real=True)


def _alternating(n: sp.Expr) -> sp.Expr:
    fixed = -(1 - o.beta1) * o.lam / (1 + o.beta1)
    return o.beta1 ** (2 * n) * o.m + (1 - o.beta1 ** (2 * n)) * fixed


def adam_step(m_now: sp.Expr, v_now: sp.Expr) -> sp.Expr:
    r"""The size of Adam's update (30) without bias correction: :math:`\alpha m/\sqrt{v+\epsilon}`."""
    return o.alpha * m_now / sp.sqrt(v_now + o.eps)


def _long_run_moment() -> sp.Expr:
    r""":math:`\lim_{r\to\infty}m^{(k_0+r)}` for a run of sign :math:`s=1`, from (34) (SymPy's limit, :math:`\beta_1=1/(1+q)`)."""
    return sp.limit(o.first_moment_run(o.m, o.r).subs(o.beta1, 1 / (1 + q)), o.r, sp.oo)


def _second_moment_iterated(n: sp.Expr) -> sp.Expr:
    r""":math:`v^{(n)}` from :math:`v^{(0)}=0` and (22) with :math:`g^2=\lambda^2`, summed as a geometric series
    :math:`\sum_{j<n}\gamma^j(1-\gamma)\lambda^2` (SymPy sums it; not the closed form (24) itself)."""
    j = o.j
    return sp.Sum(o.gamma**j * (1 - o.gamma) * o.lam**2, (j, 0, n - 1)).doit()


def _steps() -> list:
    r, lam = o.r, o.lam
    two_step = lambda x: o.first_moment_step(o.first_moment_step(x, 1), -1)  # noqa: E731
    # q as 60-digit Floats: the cross-check evaluates beta1^r at r = 10^24
    params = [{q: sp.Float(sp.Rational(1, 9), 60), o.m: sp.Rational(1, 3), lam: 1}, {q: sp.Float(sp.Rational(1, 99), 60), o.m: -1, lam: 2}]
    return [
        # the recursion (29) applied once (computed when checked) against the printed (35)
        Equality(label="run_35", latex=r"m^{(k_0+1)}=\beta_1m^{(k_0)}+(1-\beta_1)\lambda s", lhs=lambda: o.first_moment_step(o.m, 1),
                 rhs=o.beta1 * o.m + (1 - o.beta1) * lam),
        Equality(label="run_36", latex=r"m^{(k_0+2)}=\beta_1^2m^{(k_0)}+(1-\beta_1)(1+\beta_1)\lambda s",
                 lhs=o.first_moment_step(o.first_moment_step(o.m, 1), 1), rhs=o.beta1**2 * o.m + (1 - o.beta1) * (1 + o.beta1) * lam),
        Equality(label="run_34_base", latex=r"\beta_1^0m+(1-\beta_1^0)\lambda s=m", lhs=lambda: o.first_moment_run(o.m, sp.Integer(0)),
                 rhs=o.m),
        Equality(label="run_34_step", latex=r"\beta_1^{r+1}m+(1-\beta_1^{r+1})\lambda s=\beta_1\big(\beta_1^rm+(1-\beta_1^r)\lambda s\big)+(1-\beta_1)\lambda s",
                 lhs=o.first_moment_run(o.m, r + 1), rhs=o.first_moment_step(o.first_moment_run(o.m, r), 1)),
        Limit(label="long_run_limit", latex=r"\lim_{r\to\infty}\beta_1^rm+(1-\beta_1^r)\lambda s=\lambda s\quad(0<\beta_1<1)",
              expr=o.first_moment_run(o.m, r).subs(o.beta1, 1 / (1 + q)), var=r, point=sp.oo, expected=lam, parameters=params),
        # Adam's step (30) with the long-run moment m = lambda*s (s = 1) and v from the recursion (22) iterated k+1 times,
        # against RMSProp's printed step (25); the two sides used to be one and the same function call
        Equality(label="mirrors_rmsprop_39", latex=r"\frac{\alpha\lambda s}{\sqrt{v^{(k+1)}+\epsilon}}=\frac{\alpha\lambda s}{\sqrt{(1-\gamma^{k+1})\lambda^2+\epsilon}}",
                 lhs=lambda: adam_step(_long_run_moment(), _second_moment_iterated(o.k + 1)),
                 rhs=o.alpha * lam / sp.sqrt((1 - o.gamma ** (o.k + 1)) * lam**2 + o.eps)),
        Equality(label="alternating_base", printed=False, latex=r"M_0=m", lhs=lambda: _alternating(sp.Integer(0)), rhs=o.m),
        Equality(label="alternating_step", printed=False, latex=r"M_{r+1}=\beta_1^2M_r+(1-\beta_1)(\beta_1-1)\lambda",
                 lhs=_alternating(r + 1), rhs=two_step(_alternating(r))),
        Limit(label="alternating_magnitude_near_lambda", latex=r"\lim_{r\to\infty}M_r=-\lambda\ \ (\text{magnitude near}\ \lambda)",
              expr=_alternating(r).subs(o.beta1, 1 / (1 + q)), var=r, point=sp.oo, expected=-lam, parameters=params,
              erratum=r"Under sign alternation the first moment $M_r$ (after $r$ pairs of steps of alternating sign) "
                      r"tends to $-\frac{1-\beta_1}{1+\beta_1}\lambda$, a small fraction of $\lambda$ for $\beta_1$ near 1 "
                      r"(the measurements give it at the paper's $\beta_1$), not to $-\lambda$."),
        Limit(label="alternating_magnitude_limit", repairs="alternating_magnitude_near_lambda",
              latex=r"\lim_{r\to\infty}M_r=-\frac{1-\beta_1}{1+\beta_1}\lambda",
              expr=_alternating(r).subs(o.beta1, 1 / (1 + q)), var=r, point=sp.oo,
              expected=(-(1 - o.beta1) * lam / (1 + o.beta1)).subs(o.beta1, 1 / (1 + q)), parameters=params),
    ]


def measurements() -> dict[str, Any]:
    r"""Adam (50 digits) on (7), paper settings: sign runs and :math:`\max|m|/\lambda` over the last 200 of 2000 steps."""
    out = {}
    for convention in ("paper", "pytorch"):
        run = adam_trajectory([Fraction(27392337, 10**8), Fraction(-46042657, 10**8), Fraction(9, 10)], Fraction(1, 100), 1,
                              Fraction(9, 10), Fraction(99, 100), Fraction(1, 10**8), 2000, convention=convention, dps=50)
        with mpmath.workdps(50):
            tail = run[-200:]
            out[convention] = {"max_abs_m_over_lambda": mpmath.nstr(max(abs(mi) for s in tail for mi in s.m), 6),
                               "last_signs": ["".join("+" if sign(s.beta[i]) > 0 else "-" for s in tail[-24:]) for i in range(3)]}
    b1 = Fraction(9, 10)
    fixed = (1 - b1) / (1 + b1)
    out["alternating_fixed_point_over_lambda"] = f"(1-beta1)/(1+beta1) = {fixed} = {float(fixed):.4f} at beta1 = {b1}"
    runs = [len(r) for c in ("paper", "pytorch") for signs in out[c]["last_signs"] for r in _sign_runs(signs)[1:-1]]
    out["run_lengths"] = f"{min(runs)}-{max(runs)}"
    out["max_abs_m_over_lambda"] = max((out[c]["max_abs_m_over_lambda"] for c in ("paper", "pytorch")), key=float)
    return out


def _sign_runs(signs: str) -> list[str]:
    r"""The maximal runs of equal signs: ``"++-+"`` -> ``["++", "-", "+"]``."""
    runs: list[str] = []
    for ch in signs:
        if runs and runs[-1][0] == ch:
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


def theorem() -> Claim:
    r"""Proposition B.10 (and the discussion after (39)) as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.10", section="B.3.4", title="Adam's first moment along a run",
                 statement=r"For a run of length $r$ starting at $k_0$, $m^{(k_0+r)}_i=\beta_1^rm^{(k_0)}_i+(1-\beta_1^r)\lambda s$.",
                 reference="Kumar, App. B.3.4, Prop. B.10, eqs. (34)-(39)", steps=_steps(),
                 assumptions=[Assumption("A1", "0 < beta1 < 1", r"0<\beta_1<1",
                                         necessity=Necessity("superfluous", r"(34) is an identity for every real $\beta_1$ "
                                                                            r"(re-checked); only the limit $r\to\infty$ needs "
                                                                            r"$|\beta_1|<1$.",
                                                             check=Equality(label="run_34_step_any_beta1", latex=r"\beta_1\in\mathbb R",
                                                                            lhs=o.first_moment_run(o.m, o.r + 1).subs(o.beta1, b1_real),
                                                                            rhs=o.first_moment_step(o.first_moment_run(o.m, o.r), 1).subs(o.beta1, b1_real))))],
                 extra=measurements,
                 notes=[r"In actual Adam runs on (7) (50 digits, paper settings, last 24 of 2000 steps) the inner runs of "
                        r"equal sign have lengths {run_lengths}, and $\max_k|m^{(k)}_i|/\lambda$ over the last 200 steps is "
                        r"${max_abs_m_over_lambda}$; see the measurements."])
