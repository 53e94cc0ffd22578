r"""Kumar, Proposition B.3: with momentum, an entry that reaches 0 is kicked off 0.

Reference: [Kumar, App. B.3.2, Prop. B.3, eqs. (20)-(21)]

Statement:   Heavy-ball NDGM (20) on (7), constant :math:`\alpha>0`, momentum :math:`\mu`, :math:`\beta^{(0)}\sim U[-1,1]^n`:
             if :math:`\beta^{(k)}_i=0` and :math:`\beta^{(k-1)}_i\neq0` then :math:`\beta^{(k+1)}_i\neq0`.
Reading:     (20) :math:`\beta^{(k+1)}=\beta^{(k)}-\alpha\tilde\nabla f(\beta^{(k)})+\mu(\beta^{(k)}-\beta^{(k-1)})`,
             :math:`\beta^{(-1)}=\beta^{(0)}` (medium-high); we also check it equals PyTorch's ``SGD(momentum)``.
Assumptions: A1 mu != 0                necessary: mu = 0 keeps the entry at 0
             A2 mu < 1                 superfluous: (21) holds for every mu
             A3 beta^(k-1) != 0        necessary: two zeros in a row stay at 0
             A4 sign(0) = 0            used not stated; necessary: with sign(0) = 1 the kick can cancel
             A5 alpha > 0              superfluous: (21) does not involve alpha
Proof outline:
  1. `heavy_ball_equals_pytorch_buffer`  (20) is PyTorch's buf = mu*buf + g, beta -= alpha*buf
  2. `subgradient_zero_at_zero`          lambda*sign(0) = 0
  3. `momentum_kick_21`                  beta^(k+1) = mu*(0 - beta^(k-1)) = -mu*beta^(k-1)
  4. `kick_is_nonzero`                   (mu*beta^(k-1))^2 > 0
  5. `zero_then_kick_in_exact_runs`      exact runs that reach 0 and leave it at the next step
Review notes: the statement's "beta0 uniform" plays no role; the conclusion is deterministic.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import numpy as np
import sympy as sp

from numeric.optimizers import momentum_trajectory, zero_entry_frequency
from proofs.engine import (Assumption, Claim, Equality, Inequality, Necessity, Parameter, Witness, WitnessCheck)
from proofs.errors import AssumptionViolated, BadInput
from proofs.kumar.shown import exact
from symbolic import optimizers as o

ID = "kumar.prop_b_3"
b_prev_nz = sp.Symbol("beta_prev", real=True, nonzero=True)
CASES = [{"alpha": Fraction(1, 100), "lam": Fraction(1), "mu": Fraction(1, 2), "beta0": Fraction(1, 100)},
         {"alpha": Fraction(1, 100), "lam": Fraction(1), "mu": Fraction(9, 10), "beta0": Fraction(1, 100)},
         {"alpha": Fraction(3, 1000), "lam": Fraction(2), "mu": Fraction(1, 3), "beta0": Fraction(-6, 1000)}]


def _kicked(params: Mapping[str, Any], run: list[list[Fraction]]) -> WitnessCheck:
    zeros = [k for k in range(1, len(run) - 1) if run[k][0] == 0 and run[k - 1][0] != 0]
    ok = bool(zeros) and all(run[k + 1][0] != 0 for k in zeros)
    return WitnessCheck(lhs=f"zeros at {zeros}, next {[str(run[k + 1][0]) for k in zeros]}", rhs="nonzero", holds=ok)


def _run(p: Mapping[str, Any], mu: Any = None, at_zero: int = 0, beta_prev=None, beta0=None) -> list[list[Fraction]]:
    return momentum_trajectory([p["beta0"] if beta0 is None else beta0], p["alpha"], p["lam"], p["mu"] if mu is None else mu, 6,
                               beta_prev=beta_prev, at_zero=at_zero)


def _cancelled_kick(p: Mapping[str, Any], at_zero: int) -> list[list[Fraction]]:
    # state (beta^(k-1), beta^(k)) = (-alpha*lambda/mu, 0): with sign(0) = 1 the kick is -alpha*lambda + alpha*lambda = 0
    return _run(p, at_zero=at_zero, beta_prev=[-p["alpha"] * p["lam"] / p["mu"]], beta0=Fraction(0))


def _stays_zero(params: Mapping[str, Any], run) -> WitnessCheck:
    now, nxt = run[0][0], run[1][0]
    return WitnessCheck(lhs=exact(nxt), rhs=sp.Integer(0), holds=now == 0 and nxt == 0)


def _assumptions() -> list[Assumption]:
    mu_real, a_real = sp.Symbol("mu", real=True), sp.Symbol("alpha", real=True)
    return [
        Assumption("A1", "mu != 0", r"\mu\neq0", holds=lambda p: p.get("mu", 1) != 0,
                   necessity=Necessity("necessary", r"$\mu=0$ is vanilla NDGM: $\beta^{(k)}=0$ stays 0 "
                                                    r"($\beta^{(0)}=1/100$, $\alpha=1/100$: $\beta^{(2)}={lhs}$, exact).",
                                       check=Witness(label="no_momentum_stays_zero", latex=r"\mu=0:\ \beta^{(2)}=\beta^{(1)}=0",
                                                     construct=lambda p: _run(p, mu=0)[1:], verify=_stays_zero, cases=CASES[:1], for_all=False,
                                                     wrong_constructions=[lambda p: _run(p)[1:]]))),
        Assumption("A2", "mu < 1", r"\mu<1", holds=lambda p: p.get("mu", 0) < 1,
                   necessity=Necessity("superfluous", r"(21) is an identity in $\mu$ (re-checked with $\mu$ any real).",
                                       check=Equality(label="kick_for_any_real_mu", latex=r"\beta^{(k+1)}=-\mu\beta^{(k-1)},\ \mu\in\mathbb R",
                                                      lhs=lambda: o.momentum_step(sp.Integer(0)).subs(o.mu, mu_real), rhs=-mu_real * o.beta_prev))),
        # with beta^(-1) := beta^(0) (20), beta0 = 0 breaks A3 at k = 0
        Assumption("A3", "beta^(k-1) != 0", r"\beta^{(k-1)}_i\neq0", holds=lambda p: p.get("beta0", 1) != 0,
                   necessity=Necessity("necessary", r"$\beta^{(k-1)}=\beta^{(k)}=0$ gives $\beta^{(k+1)}=0$ "
                                                    r"($\beta^{(0)}=0$: $\beta^{(1)}={lhs}$, exact).",
                                       check=Witness(label="two_zeros_stay_zero", latex=r"\beta^{(0)}=0\Rightarrow\beta^{(1)}=0",
                                                     construct=lambda p: _run(p, beta0=Fraction(0)), verify=_stays_zero, cases=CASES[:1], for_all=False,
                                                     wrong_constructions=[lambda p: _run(p, beta0=Fraction(0), beta_prev=[Fraction(1, 10)])]))),
        Assumption("A4", "sign(0) = 0", r"\operatorname{sign}(0)=0", used_not_stated=True,
                   necessity=Necessity("necessary", r"With $\operatorname{sign}(0)=1$ and $\beta^{(k-1)}=-\alpha\lambda/\mu$, "
                                                    r"$\beta^{(k+1)}={lhs}$ (exact, in each of the three cases).",
                                       check=Witness(label="sign_one_cancels_kick", latex=r"\operatorname{sign}(0)=1,\ \beta^{(k-1)}=-\alpha\lambda/\mu\Rightarrow\beta^{(k+1)}=0",
                                                     construct=lambda p: _cancelled_kick(p, 1), verify=_stays_zero, cases=CASES, for_all=False,
                                                     wrong_constructions=[lambda p: _cancelled_kick(p, 0)]))),
        Assumption("A5", "alpha > 0", r"\alpha>0", holds=lambda p: p.get("alpha", 1) > 0,
                   necessity=Necessity("superfluous", r"(21) does not involve $\alpha$ (re-checked with $\alpha$ any real).",
                                       check=Equality(label="kick_for_any_real_alpha", latex=r"\beta^{(k+1)}=-\mu\beta^{(k-1)},\ \alpha\in\mathbb R",
                                                      lhs=lambda: o.momentum_step(sp.Integer(0)).subs(o.alpha, a_real), rhs=-o.mu * o.beta_prev))),
    ]


def _pytorch_next() -> sp.Expr:
    r"""PyTorch's ``SGD(momentum)`` step from the buffer :math:`b=(\beta^{(k-1)}-\beta)/\alpha`."""
    nxt, _ = o.pytorch_momentum_step(o.beta, (o.beta_prev - o.beta) / o.alpha)
    return nxt


def _steps() -> list:
    return [
        Equality(label="heavy_ball_equals_pytorch_buffer", printed=False,
                 latex=r"\beta-\alpha(\mu b+\tilde\nabla f(\beta))=\beta-\alpha\tilde\nabla f(\beta)+\mu(\beta-\beta^{(k-1)}),\ \alpha b=\beta^{(k-1)}-\beta",
                 lhs=lambda: _pytorch_next(), rhs=o.momentum_step(),
                 justification=r"PyTorch's buffer satisfies $\alpha\,\mathrm{buf}_{k-1}=\beta^{(k-1)}-\beta^{(k)}$."),
        # the given value 0 on the left, the computation on the right: the engine's mutants perturb the
        # right side, and a printed atom 0 'replaced by itself' could never be rejected
        Equality(label="subgradient_zero_at_zero", latex=r"\tilde\nabla f(0)=\lambda\operatorname{sign}(0)=0",
                 lhs=0, rhs=lambda: o.subgradient(sp.Integer(0))),
        Equality(label="momentum_kick_21", latex=r"\beta^{(k+1)}_i=\mu(\beta^{(k)}_i-\beta^{(k-1)}_i)=-\mu\beta^{(k-1)}_i",
                 lhs=lambda: o.momentum_step(sp.Integer(0)), rhs=-o.mu * o.beta_prev),
        Inequality(label="kick_is_nonzero", latex=r"\big(\mu\beta^{(k-1)}_i\big)^2>0", lhs=(o.mu * b_prev_nz) ** 2, rhs=0, relation=">"),
        Witness(label="zero_then_kick_in_exact_runs", printed=False, latex=r"\beta^{(k)}_i=0\Rightarrow\beta^{(k+1)}_i\neq0\ \text{(exact runs)}",
                construct=_run, verify=_kicked, cases=CASES, wrong_constructions=[lambda p: _run(p, mu=0)]),
    ]


def measurements() -> dict[str, Any]:
    r"""Exact zeros of PyTorch SGD(momentum=0.9) in float32/float64, :math:`U[-1,1]` init."""
    return {"momentum_exact_zeros": [zero_entry_frequency("momentum", n=20000, steps=400, alpha=a, lam=l, dtype=dt, mu=0.9)
                                     for a, l in ((0.01, 1.0), (0.003, 2.0)) for dt in (np.float32, np.float64)]}


#: Steps of an exact momentum run from ``derive``, and the digits its numbers may reach: the run's
#: denominators grow by about the inputs' digits at every step (and Python prints at most 4300).
MAX_STEPS = 200
MAX_RUN_DIGITS = 4000


def _digits(value: Fraction) -> int:
    return len(str(abs(value.numerator))) + len(str(value.denominator))


def _check_run_size(params: Mapping[str, Any]) -> None:
    r""":class:`BadInput` naming :data:`MAX_RUN_DIGITS` when ``steps`` times the inputs' digits is past it."""
    size = params["steps"] * sum(_digits(Fraction(params[k])) for k in ("alpha", "lam", "mu", "beta0"))
    if size > MAX_RUN_DIGITS:
        raise BadInput(f"steps={params['steps']} with these alpha, lam, mu, beta0 would make numbers of about {size} digits: "
                       f"the bound is steps * (digits of alpha, lam, mu, beta0) <= {MAX_RUN_DIGITS}")


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    if params["mu"] == 0:
        raise AssumptionViolated(ID, "A1", "mu != 0", {"mu": params["mu"]})
    _check_run_size(params)
    run = momentum_trajectory([params["beta0"]], params["alpha"], params["lam"], params["mu"], params["steps"])
    return {"trajectory": [str(b[0]) for b in run], "zero_steps": [k for k, b in enumerate(run) if b[0] == 0]}


def theorem() -> Claim:
    r"""Proposition B.3 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.3", section="B.3.2", title="Momentum kicks a zero entry off zero",
                 statement=r"Heavy-ball NDGM on $\lambda\|\beta\|_1$: if $\beta^{(k)}_i=0$ and $\beta^{(k-1)}_i\neq0$ then $\beta^{(k+1)}_i\neq0$.",
                 reference="Kumar, App. B.3.2, Prop. B.3, eqs. (20)-(21)", assumptions=_assumptions(), steps=_steps(),
                 parameters=[Parameter("alpha", "rational", Fraction(1, 100), "step size"),
                             Parameter("lam", "rational", Fraction(1), "LASSO penalty"),
                             Parameter("mu", "rational", Fraction(1, 2), "momentum"),
                             Parameter("beta0", "rational", Fraction(1, 100), "initialization (one coordinate)"),
                             Parameter("steps", "integer", 6, f"number of steps, at most {MAX_STEPS} (and steps * digits of the inputs <= "
                                       f"{MAX_RUN_DIGITS})", bounds=(0, MAX_STEPS))],
                 derive=_derive, extra=measurements)
