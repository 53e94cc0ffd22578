r"""Kumar, Proposition B.1: NDGM on the toy LASSO (7) never produces a zero entry, a.s.

Reference: [Kumar, App. B.1, Prop. B.1, eqs. (15)-(16)]

Statement:   NDGM (15) on :math:`f(\beta)=\lambda\|\beta\|_1` with constant :math:`\alpha>0` and
             :math:`\beta^{(0)}\sim U[-1,1]^n` has :math:`\beta^{(k)}_i\neq0` for all :math:`i,k`, with probability 1.
Reading:     (15)-(16) as reconstructed in kumar_equations.md (confidence high); the
             exceptional set is characterized exactly: :math:`\beta^{(k)}_i=0` for some
             :math:`k` iff :math:`\beta^{(0)}_i\in\alpha\lambda\mathbb Z`.
Assumptions: A1 alpha > 0 constant   superfluous (16) holds for every real alpha
             A2 lambda > 0           superfluous (16) holds for every real lambda
             A3 beta0 uniform        necessary: an atom at 1/2 hits 0 at k = 50
             A4 sign(0) = 0          used not stated (zero is absorbing); superfluous for the conclusion
             A5 exact arithmetic     used not stated; float32/64 measurements in the review
Proof outline:
  1. `ndgm_recursion_15`           the subgradient step is beta - alpha*lambda*sign(beta)
  2. `zero_is_absorbing`           sign(0) = 0 keeps a zero entry at zero
  3. `unrolled_base_16`            induction base for beta^(k) = beta0 - alpha*lambda*p + alpha*lambda*(k - p)
  4. `unrolled_step_positive_16`   induction step from beta^(k) > 0 (p -> p + 1)
  5. `unrolled_step_negative_16`   induction step from beta^(k) < 0
  6. `first_zero_condition_16`     beta^(k) = 0 iff beta0 = alpha*lambda*(2p - k)
  7. `exceptional_set_is_alpha_lambda_Z`  exact: hits 0 iff beta0 in alpha*lambda*Z (both directions)
  8. `exceptional_set_countable`   in [-1,1] it has exactly 2*floor(1/(alpha*lambda)) + 1 points
  9. `countable_sets_are_null`     cited: a countable set has Lebesgue measure 0
Review notes: the paper proves only "zero => beta0 in alpha*lambda*Z"; step 7 adds the
converse, so the exceptional set is exactly (alpha*lambda*Z)^c-complement per coordinate.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor
from typing import Any, Callable, Mapping

import numpy as np
import sympy as sp

from numeric.optimizers import ndgm_first_zero, ndgm_trajectory, zero_entry_frequency
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Necessity, Parameter, StepResult, Witness,
                           WitnessCheck)
from proofs.errors import AssumptionViolated
from proofs.kumar.shown import ALPHA, BETA0, LAMBDA, exact, point
from proofs.kumar.toy_lasso import beta0_parameter, check_ndgm_budget, in_exceptional_set
from symbolic import optimizers as o

ID = "kumar.prop_b_1"
X = o.beta0 - o.alpha * o.lam * o.p + o.alpha * o.lam * (o.k - o.p)  # beta^(k) by (16)
CASES = [(Fraction(1, 100), Fraction(1)), (Fraction(1, 100), Fraction(100)), (Fraction(3, 1000), Fraction(2)),
         (Fraction(1, 7), Fraction(3, 5))]


def _induction_steps(alpha: sp.Symbol, lam: sp.Symbol, suffix: str = "") -> list:
    x = X.subs({o.alpha: alpha, o.lam: lam})
    after_pos = x.subs({o.p: o.p + 1, o.k: o.k + 1})
    after_neg = x.subs(o.k, o.k + 1)
    return [
        # (16) evaluated at k = p = 0 (computed when checked: eagerly it is the very object beta_0)
        Equality(label=f"unrolled_base_16{suffix}", latex=r"\beta^{(0)}-\alpha\lambda\cdot0+\alpha\lambda(0-0)=\beta^{(0)}",
                 lhs=lambda: x.subs({o.p: 0, o.k: 0}), rhs=o.beta0, justification="$k=p=0$: no step taken yet."),
        # the recursion (15) of symbolic.optimizers applied to (16), with sign(beta^(k)) = +1 / -1
        Equality(label=f"unrolled_step_positive_16{suffix}",
                 latex=r"\beta^{(k)}-\alpha\lambda = \beta^{(0)}-\alpha\lambda(p+1)+\alpha\lambda\big((k+1)-(p+1)\big)",
                 lhs=lambda: _ndgm_step_with_sign(x, 1, alpha, lam), rhs=after_pos,
                 justification=r"From $\beta^{(k)}>0$, (15) subtracts $\alpha\lambda$ and $p$ grows."),
        Equality(label=f"unrolled_step_negative_16{suffix}",
                 latex=r"\beta^{(k)}+\alpha\lambda = \beta^{(0)}-\alpha\lambda p+\alpha\lambda\big((k+1)-p\big)",
                 lhs=lambda: _ndgm_step_with_sign(x, -1, alpha, lam), rhs=after_neg,
                 justification=r"From $\beta^{(k)}<0$, (15) adds $\alpha\lambda$."),
    ]


def _ndgm_step_with_sign(x: sp.Expr, sign: int, alpha: sp.Symbol, lam: sp.Symbol) -> sp.Expr:
    r"""(15) at :math:`\beta^{(k)}=x` with :math:`\operatorname{sign}(x)` known: :math:`x-\alpha\lambda\cdot\text{sign}`."""
    step = o.ndgm_step(x).subs({o.alpha: alpha, o.lam: lam})
    return step.subs(sp.sign(x), sign)


def _initializations(alpha: Fraction, lam: Fraction) -> list[Fraction]:
    h = alpha * lam
    top = floor(1 / h)
    grid = [h * mm for mm in range(-top, top + 1, max(1, top // 6))]
    return grid + [g + h * t for g in grid for t in (Fraction(1, 3), Fraction(1, 10**9), Fraction(-1, 2))]


def _set_matches(predicate: Callable[[Fraction, Fraction, Fraction], bool]) -> StepResult:
    for alpha, lam in CASES:
        horizon = floor(1 / (alpha * lam)) + 3  # after entering the box a nonzero entry 2-cycles
        for b in _initializations(alpha, lam):
            hits = ndgm_first_zero(b, alpha, lam, horizon) is not None
            if hits != predicate(b, alpha, lam):
                return StepResult(False, "symbolic", "exact-rational", f"mismatch at beta0={b}",
                                  counterexample=(r"at {point} the exact run reaches 0, outside the predicted set" if hits else
                                                  r"at {point} the exact run never reaches 0, inside the predicted set"),
                                  values={"point": point({ALPHA: alpha, LAMBDA: lam, BETA0: b})})
    # exact runs at chosen settings: proved on exactly these settings, nothing beyond
    return StepResult(True, "symbolic", "exact-rational",
                      "hits 0 iff beta0 in alpha*lambda*Z, exact runs inside and outside the set, 4 (alpha, lambda)",
                      evidence="proved-on-scope", scope=_simulation_scope())


def _simulation_scope() -> dict[str, Any]:
    r"""The settings the exact runs of ``exceptional_set_is_alpha_lambda_Z`` cover."""
    return {"cases": [{"alpha": str(a), "lam": str(l), "starts": len(_initializations(a, l))} for a, l in CASES],
            "beta0": "m*alpha*lambda for m on an even grid of [-1/(alpha*lambda), 1/(alpha*lambda)], "
                     "and each grid point + (1/3, 1e-9, -1/2)*alpha*lambda"}


def _count_matches(formula: Callable[[Fraction], int]) -> StepResult:
    for alpha, lam in CASES:
        h = alpha * lam
        members = [mm for mm in range(-floor(2 / h), floor(2 / h) + 1) if abs(mm * h) <= 1]
        if len(members) != formula(h):
            return StepResult(False, "symbolic", "exact-rational", f"{len(members)} != {formula(h)}",
                              counterexample=r"at $\alpha\lambda={h}$: $\big|\alpha\lambda\mathbb Z\cap[-1,1]\big|={count}$, "
                                             r"not ${formula}$",
                              values={"h": exact(h), "count": len(members), "formula": formula(h)})
    return StepResult(True, "symbolic", "exact-rational", "count 2*floor(1/(alpha*lambda)) + 1 verified exactly",
                      evidence="proved-on-scope", scope={"alpha_lambda": [str(a * l) for a, l in CASES]})


#: The starts of the sign(0) comparison (alpha = 1/100, lambda = 1): multiples of alpha*lambda and two non-multiples.
FIRST_ZERO_STARTS = [mm * CASES[0][0] * CASES[0][1] for mm in (3, -7, 50)] + [Fraction(1, 3), Fraction(-2, 7)]
_FIRST_ZERO_SCOPE = {"alpha": str(CASES[0][0]), "lam": str(CASES[0][1]), "beta0": [str(b) for b in FIRST_ZERO_STARTS],
                     "steps": 200}


def _first_zero_same(at_zero: int) -> StepResult:
    alpha, lam = CASES[0]
    for b0 in FIRST_ZERO_STARTS:
        if ndgm_first_zero(b0, alpha, lam, 200, at_zero=at_zero) != ndgm_first_zero(b0, alpha, lam, 200):
            return StepResult(False, "symbolic", "exact-rational", f"first zero differs at beta0={b0}",
                              counterexample=r"from $\beta^{(0)}={b0}$ the first zero moves when $\operatorname{sign}(0)={at_zero}$",
                              values={"b0": exact(b0), "at_zero": at_zero})
    return StepResult(True, "symbolic", "exact-rational", f"sign(0)={at_zero}: same first-zero times as sign(0)=0",
                      evidence="proved-on-scope", scope=_FIRST_ZERO_SCOPE)


def _zero_stays(at_zero: int) -> StepResult:
    alpha, lam = CASES[0]
    tail = ndgm_trajectory([3 * alpha * lam], alpha, lam, 8, at_zero=at_zero)[3:]
    ok = all(t[0] == 0 for t in tail)
    return StepResult(ok, "symbolic", "exact-rational", f"sign(0)={at_zero}: tail after the zero {[str(t[0]) for t in tail]}",
                      counterexample=None if ok else r"from $\beta^{(0)}=3\alpha\lambda$ with $\operatorname{sign}(0)={at_zero}$ "
                                                     r"the run leaves 0: $\beta^{(3)},\dots,\beta^{(8)}={tail}$",
                      values={"at_zero": at_zero, "tail": exact([t[0] for t in tail])})


def _atom_hits_zero(params: Mapping[str, Any], b0: Fraction) -> WitnessCheck:
    k = ndgm_first_zero(b0, params["alpha"], params["lam"], 10**4)
    return WitnessCheck(lhs=k, rhs="never", holds=k is not None)


def _assumptions() -> list[Assumption]:
    a_real, l_real = sp.Symbol("alpha", real=True), sp.Symbol("lambda", real=True)
    return [
        Assumption("A1", "alpha > 0 constant", r"\alpha>0", holds=lambda p: p.get("alpha", 1) > 0,
                   necessity=Necessity("superfluous", r"(16) holds for every real $\alpha$ (the induction re-checked with "
                                       r"$\alpha$ real), so a zero needs $\beta^{(0)}\in\alpha\lambda\mathbb Z$, a countable set.",
                                       check=_induction_steps(a_real, o.lam, "_alpha_real")[1])),
        Assumption("A2", "lambda > 0", r"\lambda>0", holds=lambda p: p.get("lam", 1) > 0,
                   necessity=Necessity("superfluous", r"(16) holds for every real $\lambda$; $\lambda=0$ never moves "
                                                      r"$\beta^{(0)}$.",
                                       check=_induction_steps(o.alpha, l_real, "_lambda_real")[2])),
        Assumption("A3", "beta0 ~ U[-1,1]^n (no atoms)", r"\beta^{(0)}\sim U[-1,1]^n",
                   necessity=Necessity("necessary", r"An initialization with an atom at $\beta^{(0)}=1/2$ ($\alpha=1/100$, "
                                                    r"$\lambda=1$) hits 0 at $k={lhs}$ (exact run).",
                                       check=Witness(label="atom_at_multiple_hits_zero", latex=r"\beta^{(0)}=1/2\Rightarrow\beta^{(50)}=0",
                                                     construct=lambda p: Fraction(1, 2), verify=_atom_hits_zero,
                                                     cases=[{"alpha": Fraction(1, 100), "lam": Fraction(1)}], for_all=False,
                                                     wrong_constructions=[lambda p: Fraction(1, 3)]))),
        Assumption("A4", "sign(0) = 0", r"\operatorname{sign}(0)=0", used_not_stated=True,
                   necessity=Necessity("superfluous", r"The first time at 0 does not depend on $\operatorname{sign}(0)$; only "
                                                      r"'stays at 0' does.",
                                       check=Check(label="first_zero_independent_of_sign_at_zero", latex=r"\operatorname{sign}(0)=1",
                                                   run_check=lambda: _first_zero_same(1),
                                                   wrong_versions=[lambda: _zero_stays(1)]))),
        Assumption("A5", "exact arithmetic", r"\beta^{(k)}\in\mathbb R", used_not_stated=True,
                   necessity=Necessity("unknown", r"No exact zero in float32/float64 runs at the paper's settings "
                                       r"(see the measurements); a float iterate steps to 0 iff it equals "
                                       r"$\mathrm{fl}(\alpha\lambda)$.")),
    ]


def _steps() -> list:
    b = o.beta
    return [
        Equality(label="ndgm_recursion_15", latex=r"\beta_i^{(k+1)}=\beta_i^{(k)}-\alpha\lambda\operatorname{sign}(\beta_i^{(k)})",
                 lhs=lambda: b - o.alpha * sp.diff(o.lam * sp.Abs(b), b), rhs=o.ndgm_step(b),
                 justification=r"$\frac{d}{d\beta}\lambda|\beta|=\lambda\operatorname{sign}(\beta)$ for $\beta\ne0$."),
        # the given value 0 on the left, the computation on the right: the engine's mutants perturb the
        # right side, and a printed atom 0 'replaced by itself' could never be rejected
        Equality(label="zero_is_absorbing", latex=r"0-\alpha\lambda\operatorname{sign}(0)=0", lhs=0, rhs=lambda: o.ndgm_step(sp.Integer(0)),
                 justification=r"With $\operatorname{sign}(0)=0$ the update leaves a zero entry at 0."),
        *_induction_steps(o.alpha, o.lam),
        Equality(label="first_zero_condition_16", latex=r"\beta^{(k)}_i=\beta^{(0)}_i-\alpha\lambda(2p_i-k)",
                 lhs=X, rhs=o.beta0 - o.alpha * o.lam * (2 * o.p - o.k),
                 justification=r"So $\beta^{(k)}_i=0$ iff $\beta^{(0)}_i=\alpha\lambda(2p_i-k)$, an integer multiple "
                               r"of $\alpha\lambda$."),
        Check(label="exceptional_set_is_alpha_lambda_Z", printed=False, kind_name="exact simulation",
              latex=r"\exists k:\ \beta^{(k)}_i=0 \iff \beta^{(0)}_i\in\alpha\lambda\mathbb Z",
              run_check=lambda: _set_matches(in_exceptional_set),
              wrong_versions=[lambda: _set_matches(lambda b, a, l: in_exceptional_set(b, a / 2, l)),
                              lambda: _set_matches(lambda b, a, l: in_exceptional_set(b, 2 * a, l))],
              justification=r"Converse: $\beta^{(0)}=m\alpha\lambda$ reaches 0 after $|m|$ steps; non-multiples "
                            r"enter the box $(-\alpha\lambda,\alpha\lambda)$ and 2-cycle."),
        Check(label="exceptional_set_countable", kind_name="exact count",
              latex=r"\big|\alpha\lambda\mathbb Z\cap[-1,1]\big| = 2\lfloor 1/(\alpha\lambda)\rfloor+1",
              run_check=lambda: _count_matches(lambda h: 2 * floor(1 / h) + 1),
              wrong_versions=[lambda: _count_matches(lambda h: 2 * floor(1 / h))]),
        Cited(label="countable_sets_are_null", latex=r"\Pr\big(\beta^{(0)}_i\in\alpha\lambda\mathbb Z\big)=0",
              reference="Lebesgue measure of a countable set is 0 (e.g. Folland, Real Analysis, 1.2)"),
    ]


def _validate(params: Mapping[str, Any]) -> None:
    for name in ("alpha", "lam"):
        if params[name] <= 0:
            raise AssumptionViolated(ID, "A1" if name == "alpha" else "A2", f"{name} > 0", {name: params[name]})


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    _validate(params)
    alpha, lam = params["alpha"], params["lam"]
    check_ndgm_budget(params["beta0"], alpha, lam)
    rows = [{"beta0": str(b), "exceptional": in_exceptional_set(b, alpha, lam),
             "first_zero_step": ndgm_first_zero(b, alpha, lam, floor(abs(b) / (alpha * lam)) + 3)} for b in params["beta0"]]
    return {"alpha_lambda": str(alpha * lam), "coordinates": rows}


def measurements() -> dict[str, Any]:
    r"""Exact zeros of vanilla NDGM (PyTorch SGD) in float32/float64, :math:`U[-1,1]` init."""
    return {"sgd_exact_zeros": [zero_entry_frequency("sgd", n=20000, steps=steps, alpha=a, lam=l, dtype=dt)
                                for a, l, steps in ((0.01, 1.0, 300), (0.01, 100.0, 300)) for dt in (np.float32, np.float64)]}


def theorem() -> Claim:
    r"""Proposition B.1 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.1", section="B.1",
                 title="NDGM on the toy LASSO never hits an exact zero (a.s.)",
                 statement=r"NDGM on $\lambda\|\beta\|_1$ with constant $\alpha>0$ and $\beta^{(0)}\sim U[-1,1]^n$ has "
                           r"$\beta^{(k)}_i\neq0$ for all $i,k$ with probability 1.",
                 reference="Kumar, App. B.1, Prop. B.1, eqs. (15)-(16)", assumptions=_assumptions(), steps=_steps(),
                 parameters=[Parameter("alpha", "rational", Fraction(1, 100), "step size"),
                             Parameter("lam", "rational", Fraction(1), "LASSO penalty lambda"),
                             beta0_parameter([Fraction(1, 2), Fraction(4947, 10000)], "initialization")],
                 derive=_derive, extra=measurements,
                 notes=[r"Exceptional set, exactly: coordinate $i$ ever hits 0 iff $\beta^{(0)}_i$ is an integer multiple of "
                        r"$\alpha\lambda$."])
