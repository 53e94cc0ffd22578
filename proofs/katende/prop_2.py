r"""Katende (2025), Proposition 2: a nonsmooth contraction criterion for the update map.

Reference: [Katende2025, §3.4, Assumption 1, Prop 2, eqs. (3.5)-(3.6)]

Statement:   Under Assumption 1 (:math:`T(\theta)=\theta-\eta\nabla\mathcal L(\theta)` locally
             Lipschitz on a region :math:`\mathcal D` containing the iterates and
             :math:`\sup_{\theta\in\mathcal D}\sup_{A\in\partial_C T(\theta)}\|A\|\le\rho`), for all
             :math:`\theta,\theta'\in\mathcal D`: :math:`\|T(\theta)-T(\theta')\|\le\rho\|\theta-\theta'\|` (3.6);
             if :math:`\rho<1`, :math:`\|\theta_t-\theta'_t\|\le\rho^t\|\theta_0-\theta'_0\|` while both stay in D.
Assumptions: A1  T locally Lipschitz on D          [paper: Assumption 1]   necessary
             A2  (3.5) with the constant rho       [paper: Assumption 1]   necessary
             A3  D convex (segments stay in D)     used by the proof, not stated: necessary
Symbols:     \theta -> (w, b), v = (x, 1), n = ||v||^2 = 1 + x^2, \eta -> eta
Proof outline:    (checked on the paper's one-neuron model (3.1)-(3.2))
  1. `jacobian_on_active_region`      DT = I - eta v v^T on s > 0 (differentiated, not assumed)
  2. `jacobian_on_inactive_region`    DT = I on s < 0
  3. `update_map_jumps_on_boundary`   T jumps by eta y v across s = 0 at every boundary point: not locally Lipschitz if y != 0
  4. `clarke_jacobian_on_boundary_of_y_eq_0`  y = 0: conv{I, I - eta v v^T}, eigenvalues 1 and 1 - lambda eta n
  5. `rho_on_one_activation_region`   rho^2 = max(1, (1 - eta n)^2) on a region of the interpretation
  6. `rho_at_least_one`               rho >= 1 for one datum (Z3): the 'rho < 1' clause is vacuous there
  7. `rho_agrees_with_mirror`         rho = norm of the exact difference-quotient Jacobian (mpmath)
  8. `clarke_mean_value_inequality`   cited: Clarke's mean value inequality on a segment
  9. `segment_lies_in_D`              printed use of (3.5) on [theta, theta']: fails for the interpretation's D
 10. `contraction_inequality_as_printed`   (3.6) for all theta, theta' in D: refuted by an exact witness
 11. `contraction_inequality_of_convex_D`  repaired: D convex and T locally Lipschitz near D => (3.6) (identity + Z3)
 12. `iterates_contract_at_rate_rho`  by induction on t from (3.6) on D (Z3 step, every rho >= 0, every t)
 13. `iterates_contract_exact_iteration`  cross-check: exact rational iteration on a two-datum model
                                      (on scope: 2 starting pairs, t <= 12)
Necessity witnesses (A1, A3) are checked exactly on five data and proved by Z3 for every x, y != 0, eta > 0.
Review notes: the proof bounds the sup over the segment [theta, theta'] by the sup over D,
which needs [theta, theta'] in D.  The interpretation's D (a positive distance from the
activation boundary) is not convex when it meets both sides, and (3.6) then fails.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any, Mapping

import sympy as sp

from numeric import contraction as num
from proofs import z3check
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Necessity,
                           NumericAgreement, Parameter, StepResult, Witness, WitnessCheck)
from proofs.errors import AssumptionViolated, BadInput
from proofs.steps import decide_nonnegative
from proofs.values import check_digits
from symbolic import contraction as c

ID = "katende.prop_2"
V = sp.Matrix([c.x, 1])
N_SQ = c.x**2 + 1
KAPPA = sp.Symbol("kappa", nonnegative=True)


def rho_squared(x: Fraction, eta: Fraction) -> Fraction:
    r""":math:`\rho^2=\max(1,(1-\eta(1+x^2))^2)` for one datum, exactly.

    >>> rho_squared(Fraction(1), Fraction(3, 2))
    Fraction(4, 1)
    """
    return max(Fraction(1), (1 - eta * (1 + x * x)) ** 2)


def two_sided_pair(p: Mapping[str, Fraction]) -> dict[str, Any]:
    r"""Exact :math:`\theta=t v`, :math:`\theta'=-t v` on both sides of :math:`s=0`, and
    :math:`\mathcal D=\{|s|>tn/2\}` containing both, with
    :math:`|\eta y|/(2t) > \rho + |1-\eta n/2|`, so (3.6) fails.

    >>> two_sided_pair({"x": Fraction(1), "y": Fraction(2), "eta": Fraction(1, 2)})["theta"]
    (Fraction(1, 5), Fraction(1, 5))
    """
    x, y, eta = p["x"], p["y"], p["eta"]
    n = 1 + x * x
    rho_bound = 1 + abs(1 - eta * n)  # >= rho
    t = abs(eta * y) / (2 * (rho_bound + abs(1 - eta * n / 2) + 1))
    return {"theta": (t * x, t), "theta_prime": (-t * x, -t), "margin": t * n / 2}


def contraction_sides(p: Mapping[str, Fraction], pair: Mapping[str, Any]) -> tuple[bool, Fraction, Fraction]:
    r"""Whether both points are in :math:`\mathcal D=\{|s|>\delta\}`, and the exact
    :math:`\|T\theta-T\theta'\|^2` and :math:`\rho^2\|\theta-\theta'\|^2` (the numeric mirror's :math:`T`, rationals).

    >>> p = {"x": Fraction(1), "y": Fraction(2), "eta": Fraction(1, 2)}
    >>> contraction_sides(p, two_sided_pair(p))
    (True, Fraction(72, 25), Fraction(8, 25))
    """
    xs, ys, eta = [p["x"]], [p["y"]], p["eta"]
    th, tp, delta = pair["theta"], pair["theta_prime"], pair["margin"]
    inside = all(abs(q[0] * p["x"] + q[1]) > delta for q in (th, tp))
    lhs = num.squared_distance(num.update_map(th, xs, ys, eta), num.update_map(tp, xs, ys, eta))
    return inside, lhs, rho_squared(p["x"], eta) * num.squared_distance(th, tp)


def violates_contraction(p: Mapping[str, Fraction], pair: Mapping[str, Any]) -> WitnessCheck:
    r"""Exact check that both points are in :math:`\mathcal D=\{|s|>\delta\}` and
    :math:`\|T\theta-T\theta'\|^2>\rho^2\|\theta-\theta'\|^2`.

    >>> p = {"x": Fraction(1), "y": Fraction(2), "eta": Fraction(1, 2)}
    >>> violates_contraction(p, two_sided_pair(p)).holds
    True
    """
    inside, lhs, rhs = contraction_sides(p, pair)
    return WitnessCheck(lhs=f"||T(theta)-T(theta')||^2 = {lhs}", rhs=f"rho^2 ||theta-theta'||^2 = {rhs}",
                        holds=inside and lhs > rhs)


_CASES = [{"x": Fraction(x), "y": Fraction(y), "eta": Fraction(e)}
          for x, y, e in ((2, 3, Fraction(1, 10)), (Fraction(-1, 3), -5, Fraction(3, 2)), (1, Fraction(1, 100), 1),
                          (0, 2, Fraction(1, 1000)), (5, -7, 4))]


def _same_side_pair(p):
    pair = two_sided_pair(p)
    (a, b_) = pair["theta"]
    return {**pair, "theta_prime": (2 * a, 2 * b_)}


def _statement_check(pairs) -> StepResult:
    for p in _CASES:
        pair = pairs(p)
        inside, lhs, rhs = contraction_sides(p, pair)
        if inside and lhs > rhs:
            return StepResult(False, "symbolic", "exact-rational", "(3.6) fails on a region of Assumption 1",
                              counterexample=r"at {datum}, on the region $\mathcal D$ where $|s(\theta)| > {margin}$, "
                                             r"$s(\theta) = wx + b$: $\theta = {theta}$ and $\theta' = {theta_prime}$ have "
                                             r"$\|T(\theta) - T(\theta')\|^2 = {lhs} > \rho^2\|\theta - \theta'\|^2 = {rhs}$",
                              values={"datum": _datum(p), "margin": _exact(pair["margin"]), "theta": _exact(pair["theta"]),
                                      "theta_prime": _exact(pair["theta_prime"]), "lhs": _exact(lhs), "rhs": _exact(rhs)})
    return StepResult(True, "symbolic", "exact-rational", f"(3.6) holds at the {len(_CASES)} candidate pairs")


def _exact(value):
    r"""A Fraction (or a tuple of them) as SymPy rationals, for the values a text is typeset from.

    >>> _exact((Fraction(1, 2), Fraction(3)))
    (1/2, 3)
    """
    return tuple(_exact(v) for v in value) if isinstance(value, tuple) else sp.Rational(value.numerator, value.denominator)


def _datum(p: Mapping[str, Fraction]) -> dict[sp.Symbol, sp.Rational]:
    r"""The datum and step size of a case, keyed by the paper's symbols :math:`x, y, \eta`."""
    return {c.x: _exact(p["x"]), c.y: _exact(p["y"]), c.eta: _exact(p["eta"])}


def _show(point) -> str:
    return "(" + ", ".join(str(q) for q in point) + ")"


def _segment_check(pairs) -> StepResult:
    for p in _CASES:
        pair = pairs(p)
        mid = tuple((a + b_) / 2 for a, b_ in zip(pair["theta"], pair["theta_prime"]))
        if abs(mid[0] * p["x"] + mid[1]) <= pair["margin"]:
            return StepResult(False, "symbolic", "exact-rational", "the segment leaves D",
                              counterexample=r"at {datum}: the midpoint ${midpoint}$ of $[\theta, \theta']$ has "
                                             r"$|s| = {s_mid} \le \delta = {margin}$, so it is not in $\mathcal D$ (and $T$ jumps "
                                             r"by $\eta y (x, 1)$ there), where $\theta = {theta}$, $\theta' = {theta_prime}$",
                              values={"datum": _datum(p), "midpoint": _exact(mid), "s_mid": _exact(abs(mid[0] * p["x"] + mid[1])),
                                      "margin": _exact(pair["margin"]), "theta": _exact(pair["theta"]),
                                      "theta_prime": _exact(pair["theta_prime"])})
    return StepResult(True, "symbolic", "exact-rational", "every segment stays in D")


def _convex_contraction(rho_sq: sp.Expr) -> StepResult:
    r"""On one region :math:`T(\theta)-T(\theta')=Jd` with :math:`J` symmetric, eigenvalues 1 and :math:`1-\eta n`;
    for :math:`y=0` across the boundary :math:`T(\theta)-T(\theta')=(I-\kappa\eta vv^\top)d` with
    :math:`\kappa=(\mathrm{relu}\,s-\mathrm{relu}\,s')/(s-s')\in[0,1]`.  In the eigenbasis
    :math:`\rho^2|d|^2-|(I-\kappa\eta vv^\top)d|^2=(\rho^2-1)\beta^2+(\rho^2-(1-\kappa\eta n)^2)\alpha^2`
    (SymPy identity); both coefficients are :math:`\ge0` for every :math:`x`, :math:`\eta>0`,
    :math:`\kappa\in[0,1]`, and :math:`\kappa\in[0,1]` for every :math:`s\neq s'` (Z3, whole domain)."""
    d = sp.Matrix(sp.symbols("d_w d_b", real=True))
    J = c.jacobian_on_region((True,), [c.x], [c.y])
    alpha, beta = (V.T * d)[0] / sp.sqrt(N_SQ), (sp.Matrix([1, -c.x]).T * d)[0] / sp.sqrt(N_SQ)
    quadratic = sp.expand(rho_sq * (d.T * d)[0] - (d.T * (sp.eye(2) - KAPPA * c.eta * V * V.T) ** 2 * d)[0])
    split = sp.expand((rho_sq - 1) * beta**2 + (rho_sq - (1 - KAPPA * c.eta * N_SQ) ** 2) * alpha**2)
    coefficients = {"rho^2 - 1": rho_sq - 1, "rho^2 - (1 - kappa eta n)^2": rho_sq - (1 - KAPPA * c.eta * N_SQ) ** 2}
    verdicts = {name: z3check.decide(gap, ">=", {KAPPA: (0, 1)}) for name, gap in coefficients.items()}
    kappa_ok = _kappa_in_unit_interval()
    identity = sp.simplify(quadratic - split) == 0 and J == (sp.eye(2) - c.eta * V * V.T).applyfunc(sp.expand)
    failed = [f"{name} >= 0: {v.outcome}" + (f" at {_show_point(v.point)}" if v.point else "")
              for name, v in verdicts.items() if v.outcome != "proved"]
    ok = identity and kappa_ok and not failed
    detail = ("rho^2|d|^2 - |(I - kappa eta v v^T) d|^2 = (rho^2-1)beta^2 + (rho^2-(1-kappa eta n)^2)alpha^2 >= 0 "
              "for kappa in [0,1] (identity: SymPy; coefficients and kappa in [0, 1]: Z3)" if ok else
              "; ".join(failed) or "the eigen-decomposition identity or kappa in [0, 1] failed")
    point = next((v.point for v in verdicts.values() if v.point), None)
    return StepResult(ok, "symbolic", "eigen-decomposition+z3", detail, engines=("sympy:simplify", "z3") if ok else (),
                      counterexample=None if ok else r"$\rho^2 - 1 \ge 0$ or $\rho^2 - (1 - \kappa\eta n)^2 \ge 0$ fails "
                                                     r"at {point}, where $n := 1 + x^2$" if point else detail,
                      values={"point": point} if point else {})


def _show_point(point) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(point.items(), key=lambda kv: str(kv[0])))


def _kappa_in_unit_interval() -> bool:
    r""":math:`0\le(\max(s,0)-\max(s',0))/(s-s')\le1` for all real :math:`s\neq s'` (Z3: ReLU is monotone and 1-Lipschitz)."""
    s1, s2 = sp.symbols("s s'", real=True)
    kappa = (sp.Max(s1, 0) - sp.Max(s2, 0)) / (s1 - s2)
    return all(z3check.decide(gap, ">=").outcome == "proved" for gap in (kappa, 1 - kappa))


RHO_SQ = sp.Max(1, (1 - c.eta * N_SQ) ** 2)
THETA_PRIME = sp.Matrix(sp.symbols("w' b'", real=True))


def _rho_at_least(value: int) -> StepResult:
    r""":math:`\rho^2=\max(1,(1-\eta n)^2)\ge` ``value`` for every :math:`x` and :math:`\eta>0` (Z3)."""
    verdict = z3check.decide(RHO_SQ - value, ">=")
    ok = verdict.outcome == "proved"
    return StepResult(ok, "symbolic", "z3", f"rho^2 = {RHO_SQ} >= {value}: {verdict.outcome}",
                      engines=("z3",) if ok else (),
                      counterexample=None if ok else r"$\rho^2 = {rho_sq} < {value}$ at {point}",
                      values={"rho_sq": RHO_SQ, "value": value, "point": dict(verdict.point or {})})


ITERATIONS = 12


def _iteration_check(rate: Fraction) -> StepResult:
    r"""Two data x = (1, -1), y = (1, 1), eta = 1/4: rho = 1/2 on the convex both-active cone."""
    xs, ys, eta = [Fraction(1), Fraction(-1)], [Fraction(1), Fraction(1)], Fraction(1, 4)
    starts = [((Fraction(1, 2), Fraction(2)), (Fraction(-1, 3), Fraction(3, 2))), ((Fraction(0), Fraction(1, 2)), (Fraction(1, 7), Fraction(9, 5)))]
    for a0, b0 in starts:
        ta, tb = num.iterate(a0, xs, ys, eta, ITERATIONS), num.iterate(b0, xs, ys, eta, ITERATIONS)
        for t, (p, q) in enumerate(zip(ta, tb)):
            if not all(s > 0 for s in num.activation_pattern(p, xs) + num.activation_pattern(q, xs)):
                return StepResult(False, "numeric", "exact-rational", f"left D at t={t}")
            if num.squared_distance(p, q) > rate ** (2 * t) * num.squared_distance(a0, b0):
                return StepResult(False, "numeric", "exact-rational", f"t={t}: distance exceeds rho^t",
                                  counterexample=r"from $\theta_0 = {theta_0}$, $\theta'_0 = {theta_0_prime}$ at $t = {t}$: "
                                                 r"$\|\theta_t - \theta'_t\| > {rate}^t\,\|\theta_0 - \theta'_0\|$",
                                  values={"theta_0": _exact(a0), "theta_0_prime": _exact(b0), "t": t, "rate": _exact(rate)})
    # Exact arithmetic, exhaustive on its finite scope only: one model, 2 starting pairs, t <= 12.
    return StepResult(True, "symbolic", "exact-rational",
                      "12 exact steps from 2 perturbed pairs: ||theta_t-theta'_t|| <= (1/2)^t ||theta_0-theta_0'||",
                      evidence="proved-on-scope",
                      scope={"model": {"xs": [str(v) for v in xs], "ys": [str(v) for v in ys], "eta": str(eta)},
                             "starts": [[_show(a0), _show(b0)] for a0, b0 in starts], "t": [0, ITERATIONS]})


RATE = sp.Symbol("rho", nonnegative=True)


def contraction_by_induction(rate_power) -> StepResult:
    r"""The display :math:`\|\theta_t-\theta'_t\|\le\rho^t\|\theta_0-\theta'_0\|` for every :math:`t`, by induction
    from (3.6) on :math:`\mathcal D` (applicable at every step while both trajectories remain in :math:`\mathcal D`).

    With :math:`d_t=\|\theta_t-\theta'_t\|` and :math:`P=` ``rate_power(rho)``:math:`^{\,t}` (a fresh variable
    :math:`\ge0`): base case :math:`P=1` at :math:`t=0` (exact), and Z3 proves, for every :math:`\rho\ge0`,
    :math:`d_{t+1}\le\rho\,d_t` (3.6) and :math:`d_t\le P\,d_0` imply :math:`d_{t+1}\le` ``rate_power(rho)``:math:`\cdot P\,d_0`,
    where ``rate_power(rho)``:math:`^{t+1}=` ``rate_power(rho)``:math:`\cdot` ``rate_power(rho)``:math:`^t` (SymPy).
    """
    t = sp.Symbol("t", integer=True, nonnegative=True)
    rate = rate_power(RATE)
    d0, dt, dt1, P = sp.symbols("d_0 d_t d_t1 P", nonnegative=True)
    base = sp.simplify(rate**0) == 1
    power_step = sp.simplify(rate ** (t + 1) - rate * rate**t) == 0
    premises = sp.And(dt1 <= RATE * dt, dt <= P * d0)
    step = z3check.decide(sp.Piecewise((rate * P * d0 - dt1, premises), (1, True)), ">=")
    ok = base and power_step and step.outcome == "proved"
    return StepResult(ok, "symbolic", "induction+z3",
                      f"induction on t: base P = 1; step d_(t+1) <= rho d_t <= rho P d_0 with rate {rate}: {step.outcome}",
                      engines=("sympy", "z3") if ok else (),
                      counterexample=None if ok else r"the induction step fails for the rate ${rate}$ at {point}, where "
                                                     r"$d_t := \|\theta_t - \theta'_t\|$ and $P$ stands for the rate to the power $t$",
                      values={"rate": rate, "point": dict(step.point or {})})


def _steps() -> list:
    J_on, J_off = (c.jacobian_on_region(p, [c.x], [c.y]) for p in ((True,), (False,)))
    mu = sp.Symbol("mu")
    hull_y0 = c.clarke_element([c.jacobian_on_region((True,), [c.x], [0]), c.jacobian_on_region((False,), [c.x], [0])],
                               [c.lam, 1 - c.lam])
    pts = [(Fraction(x), Fraction(e)) for x, e in ((2, Fraction(1, 10)), (Fraction(-1, 3), Fraction(3, 2)), (5, 4), (0, Fraction(1, 3)))]
    return [
        Equality(label="jacobian_on_active_region", latex=r"DT(\theta) = I - \eta\,(x,1)(x,1)^\top \quad (s(\theta)>0)",
                 lhs=J_on, rhs=sp.eye(2) - c.eta * V * V.T, justification="T is affine on s > 0; differentiate it."),
        Equality(label="jacobian_on_inactive_region", latex=r"DT(\theta) = I \quad (s(\theta)<0)", lhs=J_off, rhs=sp.eye(2)),
        Equality(label="update_map_jumps_on_boundary", printed=False,
                 latex=r"\lim_{s\downarrow0}T - \lim_{s\uparrow0}T = \eta\,y\,(x,1)^\top",
                 lhs=lambda: c.boundary_jump(0, [W0, -W0 * c.x], [c.x], [c.y]), rhs=c.eta * c.y * V,
                 justification="At every boundary point theta0 = (w0, -w0 x); T is discontinuous there unless y = 0, so it is not locally "
                               "Lipschitz on any D touching the boundary: the interpretation's 'positive distance' is needed."),
        Equality(label="clarke_jacobian_on_boundary_of_y_eq_0", printed=False,
                 latex=r"y=0:\ \det\big(\mu I-((1-\lambda)I+\lambda(I-\eta vv^\top))\big)=(\mu-1)(\mu-1+\lambda\eta\|v\|^2)",
                 lhs=(mu * sp.eye(2) - hull_y0).det(), rhs=(mu - 1) * (mu - 1 + c.lam * c.eta * N_SQ),
                 justification="With y = 0, T is Lipschitz; its limiting Jacobians at s = 0 are I and I - eta v v^T "
                               "(computed from the two regions) and the Clarke Jacobian is their convex hull."),
        Equality(label="rho_on_one_activation_region", printed=False,
                 latex=r"\rho^2=\|I-\eta vv^\top\|^2=\max\{1,(1-\eta(1+x^2))^2\}",
                 lhs=c.operator_norm(J_on) ** 2, rhs=RHO_SQ),
        Check(label="rho_at_least_one", printed=False, latex=r"\rho^2 \ge 1",
              run_check=lambda: _rho_at_least(1), wrong_versions=[lambda: _rho_at_least(2)],
              justification="The eigenvalue 1 along (1, -x) is in every Jacobian: for one datum rho < 1 never holds."),
        NumericAgreement(label="rho_agrees_with_mirror", printed=False,
                         latex=r"\rho = \|DT\|\ \text{from exact difference quotients of } T \text{ (mpmath)}",
                         closed_form=lambda p: sp.sqrt(RHO_SQ.subs({c.x: sp.Rational(p[0]), c.eta: sp.Rational(p[1])})),
                         mirror=lambda p: num.operator_norm(num.jacobian_on_region((Fraction(1), Fraction(1)), [p[0]], [Fraction(3)], p[1]), dps=90),
                         points=pts, describe=lambda p: f"x={p[0]}, eta={p[1]}"),
        Cited(label="clarke_mean_value_inequality",
              latex=r"\|T(\theta)-T(\theta')\|\le\sup_{z\in[\theta,\theta']}\sup_{A\in\partial_CT(z)}\|A\|\,\|\theta-\theta'\|",
              reference="Clarke, Optimization and Nonsmooth Analysis (1983), Prop. 2.6.5, as printed 'for locally Lipschitz "
                        "maps': it needs T Lipschitz near the whole segment [theta, theta'], while Assumption 1 gives this "
                        "on D only; the gap is the next step (segment_lies_in_D)"),
        Check(label="segment_lies_in_D", latex=r"\theta,\theta'\in\mathcal D \Rightarrow [\theta,\theta']\subset\mathcal D",
              run_check=lambda: _segment_check(two_sided_pair),
              erratum=r"'Using ({=3.5}) yields ({=3.6})' bounds the sup over $[\theta, \theta']$ by the sup over $\mathcal D$; "
                      r"a region at a positive distance from the boundary $s = 0$ that meets both sides is not convex."),
        Equality(label="segment_lies_in_D_of_convex", repairs="segment_lies_in_D",
                 latex=r"\mathcal D=\{s>\delta\}\ \text{(convex)}:\ s((1-\lambda)\theta+\lambda\theta')=(1-\lambda)s(\theta)+\lambda s(\theta')>\delta",
                 lhs=c.preactivations([c.x], (1 - c.lam) * c.THETA + c.lam * THETA_PRIME)[0],
                 rhs=(1 - c.lam) * c.preactivations([c.x])[0] + c.lam * c.preactivations([c.x], THETA_PRIME)[0],
                 justification="s is affine, so a convex D keeps every segment; then sup over [theta, theta'] <= rho."),
        Check(label="contraction_inequality_as_printed", role="statement",
              latex=r"\|T(\theta)-T(\theta')\|\le\rho\|\theta-\theta'\|\quad\forall\theta,\theta'\in\mathcal D",
              run_check=lambda: _statement_check(two_sided_pair),
              erratum=r"({=3.6}) fails for the region $\mathcal D$ where $|s(\theta)| > \delta$, $s(\theta) = wx + b$ "
                      r"(Assumption 1 holds there with $\rho = \max(1, |1 - \eta n|)$, $n := 1 + x^2$)."),
        Check(label="contraction_inequality_of_convex_D", repairs="contraction_inequality_as_printed",
              latex=r"\mathcal D\ \text{convex},\ T\ \text{loc. Lipschitz near } \mathcal D:\ \|T(\theta)-T(\theta')\|=\|(I-\kappa\eta vv^\top)(\theta-\theta')\|\le\rho\|\theta-\theta'\|,\ \kappa\in[0,1]",
              run_check=lambda: _convex_contraction(RHO_SQ),
              wrong_versions=[lambda: _convex_contraction(sp.Integer(1)), lambda: _convex_contraction((1 - c.eta * N_SQ) ** 2)],
              justification="Within one region kappa in {0, 1}; for y = 0 across s = 0, kappa = (relu s - relu s')/(s - s')."),
        Check(label="iterates_contract_at_rate_rho",
              latex=r"\|\theta_t-\theta'_t\|\le\rho^t\|\theta_0-\theta'_0\|\ \text{whenever both trajectories remain in }\mathcal D",
              run_check=lambda: contraction_by_induction(lambda r: r),
              wrong_versions=[lambda: contraction_by_induction(lambda r: r**2)],
              justification="'The contraction conclusion is then standard': induction on t from (3.6) on D, which holds "
                            "for convex D (the repair); proved for every rho >= 0 and every t."),
        Check(label="iterates_contract_exact_iteration", printed=False,
              latex=r"\|\theta_t-\theta'_t\|\le\rho^t\|\theta_0-\theta'_0\|,\ \rho=\tfrac12\ (x=(1,-1),\ y=(1,1),\ \eta=\tfrac14),\ t\le12",
              run_check=lambda: _iteration_check(Fraction(1, 2)), wrong_versions=[lambda: _iteration_check(Fraction(1, 4))],
              justification="Cross-check of the induction: two data, so that rho < 1 is possible; exact rational "
                            "iteration inside the convex cone."),
    ]


W0 = sp.Symbol("w_0", real=True)
Y_NZ = sp.Symbol("y", real=True, nonzero=True)


def update_map_whole_plane() -> sp.Matrix:
    r""":math:`T(\theta)=\theta-\eta\nabla\tfrac12(\max(s,0)-y)^2` on the whole plane, differentiated by SymPy
    (:math:`\sigma'=` Heaviside; its value on :math:`s=0` is never used by the witnesses, which have :math:`s\neq0`).

    >>> update_map_whole_plane().subs({c.x: 1, c.y: 0, c.w: -1, c.b: 0}).T
    Matrix([[-1, 0]])
    """
    s = c.preactivations([c.x])[0]
    loss = (sp.Max(s, 0) - c.y) ** 2 / 2
    return c.THETA - c.eta * sp.Matrix([sp.diff(loss, v) for v in c.THETA])


def contraction_fails_for_every_datum(construct, in_D: bool) -> StepResult:
    r"""For the pair ``construct({x, y, eta})`` with :math:`x`, :math:`y\neq0`, :math:`\eta>0` symbols:
    :math:`\|T\theta-T\theta'\|^2>\rho^2\|\theta-\theta'\|^2` (and, if ``in_D``, :math:`|s|>\delta` at both
    points), each decided by Z3 over the whole domain; else the first exact countermodel."""
    pair = construct({"x": c.x, "y": Y_NZ, "eta": c.eta})
    T = update_map_whole_plane().subs(c.y, Y_NZ)
    points = {"theta": sp.Matrix(pair["theta"]), "theta'": sp.Matrix(pair["theta_prime"])}
    image = {k: T.subs({c.w: q[0], c.b: q[1]}, simultaneous=True) for k, q in points.items()}
    distance = points["theta"] - points["theta'"]
    gaps = {"(3.6) violated": sum(e**2 for e in image["theta"] - image["theta'"]) - RHO_SQ * sum(e**2 for e in distance)}
    if in_D:
        gaps |= {f"{k} in D": sp.Abs(c.preactivations([c.x], q)[0]) - pair["margin"] for k, q in points.items()}
    for name, gap in gaps.items():
        result = decide_nonnegative(gap, strict=True)
        if not result.proved:
            return dataclasses.replace(result, ok=False, detail=f"{name}: {result.detail}")
    return StepResult(True, "symbolic", "z3", f"{', '.join(gaps)}: Z3, for every x, y != 0, eta > 0", engines=("z3",))


def _exact_and_general(witness: Witness, construct, in_D: bool) -> StepResult:
    r"""The witness checked exactly on :data:`_CASES` with the numeric mirror's update map, then the same
    construction proved for every datum by :func:`contraction_fails_for_every_datum`."""
    exact = witness.check()
    if not exact.ok:
        return exact
    general = contraction_fails_for_every_datum(construct, in_D)
    if not general.ok:
        return general
    return StepResult(True, "symbolic", "exact-rational+z3",
                      f"{exact.detail} (numeric mirror, exact); {general.detail}", engines=("z3",))


def _assumptions() -> list[Assumption]:
    on_plane = lambda p: {**two_sided_pair(p), "margin": Fraction(-1)}  # noqa: E731 - D = R^2
    same_side_on_plane = lambda p: {**_same_side_pair(p), "margin": Fraction(-1)}  # noqa: E731
    jump_cases = Witness(
        label="contraction_fails_without_local_lipschitz_cases", printed=False, latex="",
        construct=on_plane, verify=violates_contraction, cases=_CASES)
    jump_witness = Check(
        label="contraction_fails_without_local_lipschitz", printed=False,
        latex=r"\mathcal D=\mathbb R^2 \text{ (convex)}, y\neq0:\ \|T\theta^+-T\theta^-\|>\rho\|\theta^+-\theta^-\|",
        run_check=lambda: _exact_and_general(jump_cases, on_plane, in_D=False),
        wrong_versions=[lambda: contraction_fails_for_every_datum(same_side_on_plane, in_D=False)])
    smaller_rho = Check(label="contraction_fails_below_rho", printed=False, latex=r"\rho'<1:\ \|T\theta-T\theta'\|=\|\theta-\theta'\|>\rho'\|\theta-\theta'\| \text{ on } s<0",
                        run_check=lambda: _smaller_rho(1 / (1 + DELTA)), wrong_versions=[lambda: _smaller_rho(sp.Integer(1))])
    convex_cases = Witness(label="contraction_fails_on_nonconvex_D_cases", printed=False, latex="",
                           construct=two_sided_pair, verify=violates_contraction, cases=_CASES)
    convex_witness = Check(label="contraction_fails_on_nonconvex_D", printed=False,
                           latex=r"\mathcal D=\{|s|>\delta\}:\ (3.6)\ \text{fails}",
                           run_check=lambda: _exact_and_general(convex_cases, two_sided_pair, in_D=True),
                           wrong_versions=[lambda: contraction_fails_for_every_datum(_same_side_pair, in_D=True)])
    return [
        Assumption("A1", "T locally Lipschitz on D", r"T \text{ locally Lipschitz on } \mathcal D",
                   Necessity("necessary", r"On $\mathcal D = \mathbb R^2$ (convex) with $y \neq 0$, $T$ jumps by $\eta y v$, "
                             r"$v := (x, 1)$, across $s = 0$; the limiting Jacobians still have norm $\le \rho$, but ({=3.6}) "
                             r"fails (exact witness).", jump_witness)),
        Assumption("A2", "(3.5) with constant rho", r"\sup_{\mathcal D}\sup_{\partial_C T}\|A\|\le\rho",
                   Necessity("necessary", r"On $s < 0$, $T$ is the identity: ({=3.6}) fails for every $\rho' < 1$ in "
                             r"place of $\rho$.", smaller_rho)),
        Assumption("A3", "D convex", r"\mathcal D \text{ convex}", used_not_stated=True,
                   necessity=Necessity("necessary", r"The region $\mathcal D$ where $|s(\theta)| > \delta$, $s(\theta) = wx + b$, "
                                       r"satisfies Assumption 1 and ({=3.6}) fails.", convex_witness)),
    ]


DELTA = sp.Symbol("delta", positive=True)


def _smaller_rho(rate: sp.Expr) -> StepResult:
    r"""Two points on :math:`s<0` (exact, numeric mirror's :math:`T`): :math:`\|T\theta-T\theta'\|^2>\rho'^2\|\theta-\theta'\|^2`
    for ``rate`` :math:`=\rho'`; with :math:`\rho'=1/(1+\delta)`, :math:`\delta>0`, that is every :math:`\rho'\in(0,1)` (Z3)."""
    th, tp, xs, ys = (Fraction(-3), Fraction(1)), (Fraction(-5), Fraction(2)), [Fraction(1)], [Fraction(2)]
    image = num.squared_distance(num.update_map(th, xs, ys, Fraction(1, 2)), num.update_map(tp, xs, ys, Fraction(1, 2)))
    gap = sp.Rational(image) - rate**2 * sp.Rational(num.squared_distance(th, tp))
    result = decide_nonnegative(gap, strict=True)
    return dataclasses.replace(result, detail=f"on s<0: |T-T'|^2 = {image} > rho'^2|d|^2 with rho' = {rate}: {result.detail}")


def _data(params: dict[str, Any]) -> tuple[list[Fraction], list[Fraction], Fraction, tuple[Fraction, Fraction]]:
    xs, ys, theta = params["xs"], params["ys"], params["theta"]
    if len(xs) != len(ys) or not xs or len(theta) != 2 or any(isinstance(v, list) for v in xs + ys + theta):
        raise BadInput("xs and ys must be flat lists of the same nonzero length and theta a list of 2 numbers")
    if params["eta"] <= 0:
        raise AssumptionViolated(ID, "eta", "eta > 0", {"eta": params["eta"]})
    return xs, ys, params["eta"], (theta[0], theta[1])


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    xs, ys, eta, theta = _data(params)
    sx, sy, se, st = ([sp.Rational(v) for v in seq] for seq in (xs, ys, [eta], theta))
    signs = c.activation_pattern(st, sx)
    jumps = [c.boundary_jump(i, st, sx, sy, se[0]) for i, s in enumerate(signs) if s == 0]
    lipschitz = all(j.is_zero_matrix for j in jumps)
    return {"activation_pattern": str(list(signs)),
            "limiting_jacobians": str([A.tolist() for A in c.limiting_jacobians(st, sx, sy, se[0])]),
            "T_locally_lipschitz_at_theta": str(lipschitz), "boundary_jumps": str([j.T.tolist()[0] for j in jumps]),
            "clarke_norm_bound": str(c.clarke_norm_bound(st, sx, sy, se[0])) if lipschitz else
            "undefined: T is discontinuous at theta, so the Clarke Jacobian does not exist"}


#: Data points of ``derive`` (each adds symbolic Jacobians), and digits of a witness input (its exact
#: points and norms have about ten times as many).
MAX_DATA = 50
MAX_WITNESS_DIGITS = 100


def _witness(params: dict[str, Any]) -> dict[str, Any]:
    p = {"x": params["x"], "y": params["y"], "eta": params["eta"]}
    if p["y"] == 0 or p["eta"] <= 0:
        raise AssumptionViolated(ID, "witness", "y != 0 and eta > 0", p)
    check_digits(p, ("x", "y", "eta"), MAX_WITNESS_DIGITS, "the exact witness")
    pair = two_sided_pair(p)
    check = violates_contraction(p, pair)
    return {"constants": {"rho": str(sp.sqrt(sp.Rational(str(rho_squared(p['x'], p['eta']))))), "D": f"{{theta: |w x + b| > {pair['margin']}}}"},
            "points": [[str(q) for q in pair["theta"]], [str(q) for q in pair["theta_prime"]]],
            "check": {"lhs": check.lhs, "rhs": check.rhs, "holds": check.holds}}


def theorem() -> Claim:
    r"""Katende Proposition 2 with its printed proof, step by step."""
    return Claim(
        id=ID, paper="katende", label="Proposition 2", section="3.4",
        title="A nonsmooth contraction criterion for perturbation stability",
        statement=r"Under Assumption 1, for any $\theta,\theta'\in\mathcal D$, $\|T(\theta)-T(\theta')\|\le\rho\|\theta-\theta'\|$ (3.6). "
                  r"In particular, if $\rho<1$ then the iteration $\theta_{t+1}=T(\theta_t)$ is a contraction on $\mathcal D$ and "
                  r"satisfies $\|\theta_t-\theta'_t\|\le\rho^t\|\theta_0-\theta'_0\|$ whenever both trajectories remain in $\mathcal D$.",
        reference="Katende, Why smooth stability assumptions fail for ReLU learning, Sec. 3.4, Assumption 1 and Proposition 2",
        assumptions=_assumptions(), steps=_steps(),
        repaired_statement=r"If moreover $\mathcal D$ is convex and $T$ is locally Lipschitz on an open set containing "
                           r"$\mathcal D$, then (3.6) holds for all $\theta,\theta'\in\mathcal D$, and the contraction bound follows.",
        parameters=[Parameter("xs", "list", [Fraction(2)], f"data inputs x_i (derive), 1 to {MAX_DATA} numbers", shape="vector",
                              length=(1, MAX_DATA)),
                    Parameter("ys", "list", [Fraction(3)], "data targets y_i (derive), as many as xs", shape="vector",
                              length=(1, MAX_DATA)),
                    Parameter("theta", "list", [Fraction(1), Fraction(1)], "the point theta = (w, b) (derive)", shape="vector",
                              length=(2, 2)),
                    Parameter("eta", "rational", Fraction(1, 10), "step size"),
                    Parameter("x", "rational", Fraction(2), "datum input (witness)"),
                    Parameter("y", "rational", Fraction(3), "datum target (witness)")],
        derive=_derive, witness=_witness,
        notes=[r"For the one-neuron model every Jacobian has the eigenvalue $1$ (direction $(1, -x)$), so $\rho \ge 1$: "
               r"the '$\rho < 1$' clause never applies to the paper's own model; a two-datum model is used to exercise it.",
               r"$T$ is discontinuous on the activation boundary $s = 0$ when $y \neq 0$ (jump $\eta y (x, 1)$): the Clarke "
               r"Jacobian is defined there only for $y = 0$."],
    )
