r"""Katende (2025), Proposition 1: surrogate smoothness constants must diverge.

Reference: [Katende2025, §3.3, Prop 1, eq. (3.4)]

Statement:   Let :math:`\sigma_\beta` be :math:`C^2`, :math:`\sigma_\beta\to\sigma` pointwise and
             :math:`\sup_u|\sigma_\beta'(u)|\le1`; :math:`\mathcal L_\beta=\tfrac12(\sigma_\beta(wx+b)-y)^2`,
             :math:`x\ne0\ne y`.  If :math:`\nabla\mathcal L_\beta` is :math:`L_\beta`-Lipschitz then :math:`L_\beta\to\infty`.
Assumptions: A1 x != 0 (superfluous)  A2 y != 0 (necessary)  A3 C^2 (superfluous for the conclusion)
             A4 sigma_beta -> relu pointwise (necessary)  A5 sup|sigma_beta'| <= 1 (superfluous for the
             conclusion; used by the repaired proof)
Symbols:     t = beta s, sigma_beta(u) = phi(beta u)/beta, k_beta = phi'^2 + phi phi'' - y beta phi'',
             ||grad^2 L_beta|| = (1 + x^2)|k_beta(t)|, M2 = sup|phi''|
Proof outline:
  1. `gradient_of_surrogate_loss`          generic C^2 activation (SymPy Function)
  2. `hessian_of_surrogate_loss`           generic
  3. `rank_one_operator_norm`              ||(x,1)(x,1)^T|| = 1 + x^2
  4. `hessian_operator_norm`               ||c (x,1)(x,1)^T|| = |c|(1 + x^2), exactly
  5. `hessian_lower_bound_as_printed`      (3.4): fails; softplus at s = 0 exactly when beta*y > 1/2 + log 2
  6. `hessian_lower_bound_of_bounded_slope`  repaired: >= (|(sigma-y)sigma''| - sigma'^2)(1+x^2), sigma'^2 <= 1 (Z3)
  7. `curvature_sup_diverges`              cited as printed: sup_u |sigma''_beta| -> infinity (Arzela-Ascoli)
  8. `curvature_blows_up_near_zero_as_printed`  'in particular, u_beta -> 0': a gap (shifted softplus: the sup
                                           diverges at u = 1, |sigma''| -> 0 near 0)
  9. `curvature_blows_up_near_zero_of_localized_argument`  repaired (cited): Arzela-Ascoli on [-delta, delta]
 10. `sup_second_derivative_of_admissible_families`  sup|sigma''_beta| = beta/4 (softplus), beta/2 (sqrt), at u = 0
 11. `surrogate_at_u_beta_tends_to_zero`   sigma_beta(0) -> 0 (on scope: softplus)
     `surrogate_at_u_beta_tends_to_zero_for_every_family`  |sigma_beta(u_beta)| <= |sigma_beta(0)| + |u_beta| (A5, Z3)
 12. `hessian_lower_bound_along_theta_beta`  printed bound (|y|/2)|sigma''(u_beta)|(1+x^2): ratio -> 2 > 1 (softplus)
     `hessian_lower_bound_along_theta_beta_for_large_beta`  the printed display for every family, large beta (Z3)
 13. `hessian_norm_at_most_lipschitz_constant`  cited: classical smooth calculus
 14. `smoothness_constant_diverges`        L_beta >= (1+x^2)|k_beta(0)| -> infinity (on scope: softplus)
     `smoothness_constant_diverges_sqrt`   the same for the square-root smoothing (on scope: sqrt)
 15. `smoothness_constant_asymptotics`     L_beta / beta -> (1 + x^2)|y| M2 (squeeze, both families)
 16. `smoothness_constant_agrees_with_mirror`  lower <= mpmath sup_theta ||Hessian|| <= upper
 17. `huber_smoothness_constant_exact`     C^1 Huber: L_beta = (1+x^2) max(1, |y| beta, |3/2 - y beta|)
Every inequality with a log is decided by Z3 after an exact substitution, with the one log bound
log s <= s - 1 proved by a checked monotonicity argument (function log_lemma); SymPy's sign reasoning
and its maximum only propose.
Review notes: (3.4) drops sigma'^2 from |sigma'^2 + (sigma-y)sigma''|, which is not a lower bound when
the two terms have opposite signs; the repair costs sigma'^2 <= 1 (A5, otherwise unused).  The
'in particular' after the Arzela-Ascoli sentence needs the localized argument, which is not printed.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any

import sympy as sp

from numeric import surrogates as num
from proofs import z3check
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Limit, Necessity,
                           NumericAgreement, Parameter, StepResult)
from proofs.errors import AssumptionViolated
from proofs.katende import figures
from proofs.steps import decide_nonnegative
from symbolic import surrogates as m
from symbolic.contraction import operator_norm

ID = "katende.prop_1"
N_SQ = m.x**2 + 1
V = sp.Matrix([m.x, 1])
ADMISSIBLE = ("softplus", "sqrt")
#: The scope of a step checked on the softplus family only (the statement is about every admissible family).
SOFTPLUS = {"family": "softplus"}
M2 = {"softplus": sp.Rational(1, 4), "sqrt": sp.Rational(1, 2)}
Y_NZ = sp.Symbol("y", real=True, nonzero=True)
_CASES = [{m.x: sp.Integer(2), Y_NZ: sp.Integer(3)}, {m.x: sp.Rational(-1, 3), Y_NZ: sp.Integer(-5)}]


def _z3_nonneg(expr: sp.Expr) -> bool:
    r"""``expr >= 0`` on the symbols' domain, decided by Z3 (a rational function of a positive parameter).

    >>> _z3_nonneg(sp.Rational(1, 4) - m.q / (m.q + 1)**2), _z3_nonneg(sp.Rational(1, 8) - m.q / (m.q + 1)**2)
    (True, False)
    """
    return z3check.decide(expr, ">=").outcome == "proved"


def _residual_curvature(name: str) -> sp.Expr:
    sigma = m.activation(name)
    return sp.expand(((sigma - m.y) * sp.diff(sigma, m.u, 2)).subs(m.u, m.t / m.beta))


def _triangle_check(claimed_rhs) -> StepResult:
    r""":math:`|a+c|\ge` ``claimed_rhs(a, c)`` :math:`\ge|c|-1` for all :math:`a=\sigma'^2\in[0,1]` and real
    :math:`c=(\sigma-y)\sigma''`, decided by Z3 over the whole domain (Abs is piecewise linear)."""
    a, c = sp.Symbol("a", nonnegative=True), sp.Symbol("c", real=True)
    first = z3check.decide(sp.Abs(a + c) - claimed_rhs(a, c), ">=")
    second = z3check.decide(claimed_rhs(a, c) - (sp.Abs(c) - 1), ">=", {a: (0, 1)})
    if first.outcome != "proved" or second.outcome != "proved":
        bad = first if first.outcome != "proved" else second
        if not bad.point:
            return StepResult(False, "symbolic", "z3", f"not proved: {bad.outcome} {bad.reason}", counterexample=bad.reason)
        return StepResult(False, "symbolic", "z3", f"not proved: {bad.outcome} {bad.reason}",
                          counterexample=r"at {point}: $|a + c| = {lhs} < {rhs}$ (the claimed lower bound), where "
                                         r"$a = \sigma_\beta'^2$ and $c = (\sigma_\beta - y)\sigma_\beta''$",
                          values={"point": dict(bad.point), "lhs": sp.Abs(a + c).subs(bad.point),
                                  "rhs": claimed_rhs(a, c).subs(bad.point)})
    return StepResult(True, "symbolic", "z3", "|a + c| >= |c| - a >= |c| - 1 for a in [0, 1], c real (Z3)", engines=("z3",))


def _sup_second_derivative(scale: sp.Expr) -> StepResult:
    for name in ADMISSIBLE:
        _, _, (_, _, d2) = m.reparametrized(name)
        at_zero = sp.simplify(sp.diff(m.profile(name), m.t, 2).subs(m.t, 0))
        if not (_z3_nonneg(d2) and _z3_nonneg(scale * M2[name] - d2) and sp.simplify(at_zero - scale * M2[name]) == 0):
            return StepResult(False, "symbolic", "reparametrization", f"{name}: sup phi'' != {scale * M2[name]}")
    return StepResult(True, "symbolic", "reparametrization+z3",
                      "0 <= phi'' <= M2 on (0, inf) in q = e^-t (softplus), v = t + sqrt(t^2+1) (sqrt), decided by Z3; "
                      "equality at t = 0: sup|sigma''_beta| = beta/4 and beta/2 -> infinity", engines=("z3",))


S_POS = sp.Symbol("s", positive=True)


@functools.cache
def log_lemma() -> bool:
    r""":math:`\log s\le s-1` for every :math:`s>0`, by a checked monotonicity argument:
    :math:`g(s)=s-1-\log s` has :math:`g(1)=0` (exact) and :math:`g'(s)=1-1/s` is :math:`\le0` on
    :math:`(0,1]` and :math:`\ge0` on :math:`[1,\infty)` (Z3, rational in :math:`s`); the mean value theorem
    does the rest.  Every log bound of this module comes from this one lemma.

    >>> log_lemma()
    True
    """
    g = S_POS - 1 - sp.log(S_POS)
    slope = sp.diff(g, S_POS)
    at_one = g.subs(S_POS, 1) == 0
    right = _z3_nonneg(sp.Piecewise((slope, S_POS >= 1), (1, True)))
    left = _z3_nonneg(sp.Piecewise((-slope, S_POS <= 1), (1, True)))
    return bool(at_one and right and left and slope == 1 - 1 / S_POS)


E_SYM = sp.Symbol("E", positive=True)  # Euler's number e, as a symbol for Z3 (only log e = 1 is used)


def _softplus_phi_phi2_bound(scale: sp.Expr = sp.Integer(1)) -> bool:
    r""":math:`0\le\varphi\varphi''\le` ``scale``:math:`/e` for softplus, for every :math:`t`, without SymPy's sign reasoning.

    In :math:`q=e^{-t}` and :math:`z=q/(1+q)\in(0,1)`: :math:`\varphi\varphi''=(-z\log z)(1-z)` (exact
    identity).  With :math:`\ell=\log z` a fresh real variable, :func:`log_lemma` at :math:`s=z` gives
    :math:`\ell\le z-1`, and at :math:`s=1/(ez)` (where :math:`\log s=-1-\ell`) gives :math:`-\ell\le1/(ez)`;
    Z3 then decides :math:`0\le(-z\ell)(1-z)\le` ``scale``:math:`/e` under these constraints (:math:`e` a
    positive symbol).  With ``scale`` :math:`=1/2` it is refuted (the bound can fail):

    >>> _softplus_phi_phi2_bound(), _softplus_phi_phi2_bound(sp.Rational(1, 2))
    (True, False)
    """
    p, _, (phi, _, d2) = m.reparametrized("softplus")
    z = p / (1 + p)
    identity = sp.simplify(sp.expand_log(phi * d2 - (-z * sp.log(z)) * (1 - z), force=True)) == 0
    zs, ell = sp.Symbol("z", positive=True), sp.Symbol("ell", real=True)
    lemma = sp.And(zs < 1, ell <= zs - 1, -ell <= 1 / (E_SYM * zs))
    value = (-zs * ell) * (1 - zs)
    bounded = [_z3_nonneg(sp.Piecewise((gap, lemma), (1, True))) for gap in (value, scale / E_SYM - value)]
    return bool(identity and log_lemma() and all(bounded))


@functools.cache
def _sup_A(name: str) -> sp.Expr:
    r"""An upper bound of :math:`\sup_t|\varphi'^2+\varphi\varphi''|`: :math:`\sup\varphi'^2+\sup|\varphi\varphi''|`.

    Every inequality is decided by Z3 in the rational parameter of :func:`symbolic.surrogates.reparametrized`
    (:math:`0\le\varphi'\le1`, and for sqrt :math:`0\le\varphi\varphi''\le` the value SymPy's ``maximum``
    proposes); the softplus log is bounded by :func:`_softplus_phi_phi2_bound` (:math:`\le1/e`).
    SymPy's sign reasoning is never the proof.
    """
    p, _, (phi, d1, d2) = m.reparametrized(name)
    if not (_z3_nonneg(d1) and _z3_nonneg(1 - d1)):
        raise ArithmeticError(f"{name}: 0 <= phi' <= 1 not proved")
    if name == "softplus":
        if not _softplus_phi_phi2_bound():
            raise ArithmeticError("softplus: 0 <= phi phi'' <= 1/e not proved")
        return 1 + sp.exp(-1)
    proposed = sp.calculus.util.maximum(phi * d2, p, sp.Interval.open(0, sp.oo))  # a proposal; Z3 decides
    if not (_z3_nonneg(phi * d2) and _z3_nonneg(proposed - phi * d2)):
        raise ArithmeticError(f"{name}: 0 <= phi phi'' <= {proposed} not proved")
    return 1 + proposed


def upper_bound(name: str) -> sp.Expr:
    r""":math:`L_\beta\le(1+x^2)(\sup|\varphi'^2+\varphi\varphi''|+|y|\beta M_2)`.

    >>> upper_bound("sqrt")
    (x**2 + 1)*(beta*Abs(y)/2 + 35/27)
    """
    return N_SQ * (_sup_A(name) + sp.Abs(m.y) * m.beta * M2[name])


def _asymptotics(scale: int) -> StepResult:
    for name in ADMISSIBLE:
        target = N_SQ * sp.Abs(Y_NZ) * M2[name] * scale
        for bound in (m.smoothness_lower_bound(name), upper_bound(name)):
            for case in _CASES:
                found = sp.limit((bound / m.beta).subs(m.y, Y_NZ).subs(case), m.beta, sp.oo)
                if sp.simplify(found - target.subs(case)) != 0:
                    return StepResult(False, "numeric", "squeeze", f"{name}: bound/beta -> {found}, claimed {target.subs(case)}")
    # Only two (x, y) instances are checked (and sympy.limit is unreliable with Abs), so this
    # confirms the all-(x, y) asymptotics; it does not prove them.
    return StepResult(True, "numeric", "squeeze+sympy.limit",
                      "lower/beta and upper/beta both -> (1+x^2)|y| M2 (x, y = (2, 3), (-1/3, -5)): L_beta ~ (1+x^2)|y| beta/4 "
                      "(softplus), (1+x^2)|y| beta/2 (sqrt)",
                      sample={"points": len(_CASES), "precision": "exact sympy.limit at each (x, y), both families"})


ELL = sp.Symbol("ell", real=True)  # log 2, as a free real for Z3
Z_BY = sp.Symbol("z", real=True)  # z = beta*y


def _printed_3_4_at_softplus_zero(claimed) -> StepResult:
    r"""(3.4) with right-hand side ``claimed(a, c)`` (:math:`a=\sigma'^2`, :math:`c=(\sigma-y)\sigma''`) at
    :math:`s=0` for softplus, where :math:`a=\tfrac14` and :math:`c=(\log2-z)/4`, :math:`z=\beta y`.

    Z3 first tries to prove the bound for every :math:`z` (with :math:`\ell=\log2` a free real).  Else the
    set where it fails is solved exactly (SymPy), must be :math:`z>\vartheta`, and Z3 confirms both
    implications :math:`z>\vartheta\Rightarrow` fails, :math:`z\le\vartheta\Rightarrow` holds (with
    :math:`\ell` for :math:`\log2`); finally the shortfall at :math:`\beta=2`, :math:`y=1` is computed exactly
    from the family's own curvature coefficient.
    """
    a, c = sp.Rational(1, 4), (ELL - Z_BY) / 4
    gap = sp.Abs(a + c) - claimed(a, c)
    if z3check.decide(gap, ">=").outcome == "proved":
        return StepResult(True, "symbolic", "z3", "the bound holds at s = 0 for every beta*y (Z3, log 2 a free real)",
                          engines=("z3",))
    failing = sp.solve_univariate_inequality(gap.subs(ELL, sp.log(2)) < 0, Z_BY, relational=False)
    if not (isinstance(failing, sp.Interval) and failing.right == sp.oo and failing.left_open):
        return StepResult(False, "undecided", "solve", f"failure set {failing} is not a half-line z > threshold")
    threshold = failing.left
    symbolic_threshold = threshold.subs(sp.log(2), ELL)
    above = z3check.decide(sp.Piecewise((-gap, Z_BY > symbolic_threshold), (1, True)), ">")
    below = z3check.decide(sp.Piecewise((gap, Z_BY <= symbolic_threshold), (1, True)), ">=")
    if above.outcome != "proved" or below.outcome != "proved":
        return StepResult(False, "undecided", "solve-vs-z3", f"Z3 does not confirm the threshold {threshold}")
    beta, y = sp.Integer(2), sp.Integer(1)  # a setting where beta*y is above the threshold
    if not decide_nonnegative(beta * y - threshold, strict=True).proved:
        return StepResult(False, "undecided", "arb", f"beta*y = 2 is not above {threshold}")
    k = sp.simplify(m.curvature_coefficient("softplus").subs(m.t, 0).subs({m.beta: beta, m.y: y}))
    rc = sp.simplify(_residual_curvature("softplus").subs(m.t, 0).subs({m.beta: beta, m.y: y}))
    shortfall = sp.factor(sp.simplify(N_SQ * (claimed(k - rc, rc) - sp.Abs(k))))
    return StepResult(False, "symbolic", "solve+z3+exact",
                      f"(3.4) fails at s = 0 (softplus) exactly when beta*y > {threshold}",
                      counterexample=r"softplus at {setting} and $s(\theta) = 0$: $\|\nabla^2\mathcal L_\beta(\theta)\| "
                                     r"= (1+x^2)|k_\beta| = {norm} < (1+x^2)|(\sigma_\beta - y)\sigma_\beta''| = {printed}$, "
                                     r"where $k_\beta := \sigma_\beta'^2 + (\sigma_\beta - y)\sigma_\beta''$",
                      engines=("sympy:solve", "z3"),
                      values={"threshold": threshold, "shortfall": shortfall, "setting": {m.beta: beta, m.y: y},
                              "norm": sp.factor(N_SQ * sp.Abs(k)), "printed": sp.factor(N_SQ * sp.Abs(rc))})


def _blowup_near_zero(shift: int) -> StepResult:
    r"""The printed 'in particular': from :math:`\sup_u|\sigma_\beta''(u)|\to\infty` to points :math:`u_\beta\to0`
    with :math:`|\sigma_\beta''(u_\beta)|\to\infty`, tested on :math:`\sigma_\beta(u)=\mathrm{softplus}_\beta(u-\text{shift})`
    (:math:`C^2`, :math:`|\sigma_\beta'|\le1`, :math:`\sigma_\beta''(u)=\beta\varphi''(\beta(u-\text{shift}))`: exact).

    Premise, for every shift: :math:`\sup_u|\sigma_\beta''|=\beta\sup\varphi''=\beta/4\to\infty` (Z3 in
    :math:`q=e^{-t}`, value at :math:`u=\text{shift}`).  Conclusion: with shift 0, :math:`u_\beta=0` gives
    :math:`\beta/4\to\infty`; with shift 1, :math:`\varphi''(t)\le e^t` (Z3) and :math:`t=\beta(u-1)\le-\beta/2`
    on :math:`|u|\le\tfrac12`, so :math:`|\sigma_\beta''|\le\beta e^{-\beta/2}\to0` there (limit: SymPy and the
    numeric cross-check): no :math:`u_\beta\to0` has :math:`|\sigma_\beta''(u_\beta)|\to\infty`.
    """
    from proofs.steps import Limit as _Limit

    sigma2 = sp.diff(m.activation("softplus").subs(m.u, m.u - shift), m.u, 2)
    phi2 = sp.diff(m.profile("softplus"), m.t, 2)
    chain = sp.simplify(sigma2 - m.beta * phi2.subs(m.t, m.beta * (m.u - shift))) == 0
    q, _, (_, _, d2) = m.reparametrized("softplus")
    premise = chain and _z3_nonneg(M2["softplus"] - d2) and sp.simplify(sigma2.subs(m.u, shift) - m.beta / 4) == 0
    if not premise:
        return StepResult(False, "symbolic", "z3", "premise sup|sigma''_beta| = beta/4 not established")
    if shift == 0:
        grows = _Limit(label="at zero", latex="", expr=sigma2.subs(m.u, 0), var=m.beta, point=sp.oo, expected=sp.oo).run()
        return StepResult(grows.ok, "symbolic", "z3+sympy.limit",
                          f"shift 0: u_beta = 0 has |sigma''_beta(0)| = beta/4 -> infinity: the conclusion holds ({grows.detail})")
    below_exp = _z3_nonneg(1 / q - d2)  # phi''(t) <= e^t, in q = e^{-t}
    envelope = m.beta * sp.exp(-m.beta * shift / 2)
    vanishes = _Limit(label="near zero", latex="", expr=envelope, var=m.beta, point=sp.oo, expected=0).run()
    if not (below_exp and vanishes.ok):
        return StepResult(False, "symbolic", "z3+sympy.limit", "the near-zero envelope was not established")
    return StepResult(False, "symbolic", "z3+sympy.limit",
                      f"softplus_beta(u - {shift}): sup|sigma''_beta| = beta/4 -> infinity, yet |sigma''_beta| <= {envelope} -> 0 "
                      f"on |u| <= {sp.Rational(shift, 2)}",
                      counterexample=r"$\sigma_\beta(u) = {family}$ ($C^2$, $|\sigma_\beta'| \le 1$): "
                                     r"$\sup_u|\sigma_\beta''(u)| = {sup} \to \infty$, but $|\sigma_\beta''(u)| \le {envelope} \to 0$ "
                                     r"for $|u| \le {radius}$",
                      engines=("z3", "sympy:limit", "numeric"),
                      values={"family": m.activation("softplus").subs(m.u, m.u - shift), "shift": shift,
                              "sup": m.beta * M2["softplus"], "envelope": envelope, "radius": sp.Rational(shift, 2)})


def _moving_point_bound(with_slope_bound: bool) -> StepResult:
    r"""For every admissible family: :math:`|\sigma_\beta(u_\beta)-\sigma_\beta(0)|\le|u_\beta|` (mean value theorem
    with :math:`|\sigma_\beta'|\le1`, A5) gives :math:`|\sigma_\beta(u_\beta)|\le|\sigma_\beta(0)|+|u_\beta|\to0`
    (Z3 for the inequality; :math:`\sigma_\beta(0)\to\sigma(0)=0` pointwise and :math:`u_\beta\to0`).  Without
    A5 (``with_slope_bound=False``) Z3 finds values where the bound fails."""
    at_u, at_0, u_b = sp.symbols("sigma_u sigma_0 u", real=True)
    premise = sp.Abs(at_u - at_0) <= sp.Abs(u_b) if with_slope_bound else sp.true
    gap = sp.Piecewise((sp.Abs(at_0) + sp.Abs(u_b) - sp.Abs(at_u), premise), (1, True))
    verdict = z3check.decide(gap, ">=")
    ok = verdict.outcome == "proved"
    return StepResult(ok, "symbolic", "z3", f"|sigma_beta(u_beta)| <= |sigma_beta(0)| + |u_beta|: {verdict.outcome}",
                      engines=("z3",) if ok else (),
                      counterexample=None if ok else r"$|\sigma_\beta(u_\beta)| > |\sigma_\beta(0)| + |u_\beta|$ at {point}, "
                                                     r"where $\sigma_u := \sigma_\beta(u_\beta)$, $\sigma_0 := \sigma_\beta(0)$, $u := u_\beta$",
                      values={} if ok else {"point": dict(verdict.point or {})})


def _large_beta_bound(fraction: sp.Expr) -> StepResult:
    r"""For every :math:`a=\sigma'^2\in[0,1]`, :math:`r=\sigma_\beta(u_\beta)-y`, :math:`c=\sigma_\beta''(u_\beta)`:
    :math:`|r|\ge\tfrac34|y|` and :math:`|c|\ge4/|y|` imply :math:`|a+rc|\ge` ``fraction``:math:`\,|y|\,|c|` (Z3).
    Both premises hold for all large :math:`\beta` (:math:`\sigma_\beta(u_\beta)\to0`, :math:`|c|\to\infty`)."""
    a, Y = sp.Symbol("a", nonnegative=True), sp.Symbol("Y", positive=True)
    r, c2 = sp.symbols("r c", real=True)
    premises = sp.And(a <= 1, sp.Abs(r) >= 3 * Y / 4, sp.Abs(c2) >= 4 / Y)
    verdict = z3check.decide(sp.Piecewise((sp.Abs(a + r * c2) - fraction * Y * sp.Abs(c2), premises), (1, True)), ">=")
    ok = verdict.outcome == "proved"
    return StepResult(ok, "symbolic", "z3", f"|sigma'^2 + (sigma-y)sigma''| >= {fraction}|y||sigma''| for large beta: {verdict.outcome}",
                      engines=("z3",) if ok else (),
                      counterexample=None if ok else r"$|a + rc| < {fraction}\,Y|c|$ at {point}, where $a = \sigma_\beta'^2$, "
                                                     r"$r = \sigma_\beta(u_\beta) - y$, $c = \sigma_\beta''(u_\beta)$, $Y = |y|$",
                      values={"fraction": fraction} if ok else {"fraction": fraction, "point": dict(verdict.point or {})})


_MIRROR_POINTS = [("softplus", 1, 2, 3), ("softplus", 10**4, Fraction(-1, 2), -1),
                  ("sqrt", 1, Fraction(-1, 2), -1), ("sqrt", 10**4, 2, 3)]


@functools.cache
def mirror_smoothness_constant(name: str, beta: int, x: Fraction, y: int) -> sp.Float:
    r"""The numeric mirror's :math:`\sup_\theta\|\nabla^2\mathcal L_\beta(\theta)\|` (50 digits), cached."""
    return sp.Float(str(num.best_smoothness_constant(name, beta, x, y, grid=48)), 50)


def _mirror_bracket(scale: int) -> StepResult:
    rows = []
    for name, beta, x, y in _MIRROR_POINTS:
        subs = {m.beta: beta, m.x: sp.Rational(x), m.y: y}
        lo, hi = (sp.N(scale * bnd.subs(subs), 60) for bnd in (m.smoothness_lower_bound(name), upper_bound(name)))
        found = mirror_smoothness_constant(name, beta, x, y)
        if not lo - sp.Float("1e-30") <= found <= hi + sp.Float("1e-30"):
            return StepResult(False, "numeric", "mirror", f"{name} beta={beta}: {found} not in [{lo}, {hi}]",
                              counterexample=name + r" at {point}: the mirror's $\sup_\theta\|\nabla^2\mathcal L_\beta(\theta)\| "
                                                    r"= {found}$ (mpmath, 50 digits, shown to 15) is outside $[{lower}, {upper}]$",
                              values={"point": subs, "found": sp.Float(found, 15), "lower": scale * m.smoothness_lower_bound(name).subs(subs),
                                      "upper": scale * upper_bound(name).subs(subs)})
        rows.append(f"{name} b={beta}: {sp.N(found, 8)}")
    return StepResult(True, "numeric", "mirror", "lower <= sup_theta ||Hessian|| (mpmath jets, 50 digits) <= upper: " + "; ".join(rows),
                      sample={"points": len(_MIRROR_POINTS), "dps": 50})


#: Digits of the Huber comparison: the closed form is exact, and the mirror's golden section is run
#: long enough (:func:`numeric.surrogates.golden_iterations`) to pin the sup to this many digits.
HUBER_DPS = 60


@functools.cache
def _huber_mirror(p):
    r"""The mirror's :math:`\sup_\theta\|\nabla^2\mathcal L_\beta\|` for Huber, to :data:`HUBER_DPS` digits
    (10 guard digits; the sup sits at a knot, where only the bracket width limits the accuracy)."""
    return num.best_smoothness_constant("huber", *p, grid=48, dps=HUBER_DPS + 10,
                                        iterations=num.golden_iterations(HUBER_DPS))


def _huber_point(p):
    beta, x, y = p
    return m.huber_smoothness_constant().subs({m.beta: beta, m.x: sp.Rational(x), m.y: sp.Rational(y)})


def _steps() -> list:
    c = sp.Symbol("c", real=True)
    softplus = {"k": m.curvature_coefficient("softplus"), "rc": _residual_curvature("softplus")}
    at_zero = m.smoothness_lower_bound("softplus").subs(m.y, Y_NZ)
    printed_rhs = sp.Abs(Y_NZ) / 2 * m.beta * M2["softplus"] * N_SQ
    return [
        Equality(label="gradient_of_surrogate_loss", latex=r"\nabla\mathcal L_\beta(\theta)=(\sigma_\beta(s)-y)\sigma_\beta'(s)(x,1)^\top",
                 lhs=m.generic_values(m.gradient(m.surrogate_loss())), rhs=m.generic_values(m.printed_gradient()),
                 justification="Generic C^2 activation (an undefined SymPy function); its derivatives at s are named sigma_0..2."),
        Equality(label="hessian_of_surrogate_loss",
                 latex=r"\nabla^2\mathcal L_\beta=\big(\sigma_\beta'(s)^2+(\sigma_\beta(s)-y)\sigma_\beta''(s)\big)(x,1)(x,1)^\top",
                 lhs=m.generic_values(m.hessian(m.surrogate_loss())), rhs=m.generic_values(m.printed_hessian())),
        Equality(label="rank_one_operator_norm", latex=r"\|(x,1)(x,1)^\top\|=\|(x,1)\|^2", lhs=operator_norm(V * V.T), rhs=N_SQ),
        Equality(label="hessian_operator_norm", printed=False, latex=r"\|c\,(x,1)(x,1)^\top\|=|c|\,\|(x,1)\|^2",
                 lhs=operator_norm(c * V * V.T), rhs=sp.Abs(c) * N_SQ),
        Check(label="hessian_lower_bound_as_printed",
              latex=r"\|\nabla^2\mathcal L_\beta(\theta)\|\ge|(\sigma_\beta(s(\theta))-y)\sigma_\beta''(s(\theta))|\,\|(x,1)\|^2 \quad (3.4)",
              run_check=lambda: _printed_3_4_at_softplus_zero(lambda a, c_: sp.Abs(c_)),
              justification="The Hessian is (sigma'^2 + (sigma - y)sigma'')(x,1)(x,1)^T, so its norm is "
                            "(1+x^2)|sigma'^2 + (sigma-y)sigma''|; dropping sigma'^2 >= 0 inside |.| is not a lower bound "
                            "when the two terms have opposite signs.",
              erratum=r"$|\sigma_\beta'^2 + (\sigma_\beta - y)\sigma_\beta''| \ge |(\sigma_\beta - y)\sigma_\beta''|$ fails when "
                      r"the two terms have opposite signs: for softplus at $s = 0$ it fails exactly when $\beta y > {threshold}$ "
                      r"(solved exactly, confirmed by Z3); at {setting} the Hessian norm falls short of the printed bound "
                      r"by ${shortfall}$."),
        Check(label="hessian_lower_bound_of_bounded_slope", repairs="hessian_lower_bound_as_printed",
              latex=r"\|\nabla^2\mathcal L_\beta\|\ge\big(|(\sigma_\beta-y)\sigma_\beta''|-\sigma_\beta'^2\big)\|(x,1)\|^2\ge\big(|(\sigma_\beta-y)\sigma_\beta''|-1\big)\|(x,1)\|^2",
              run_check=lambda: _triangle_check(lambda a, c_: sp.Abs(c_) - a),
              wrong_versions=[lambda: _triangle_check(lambda a, c_: sp.Abs(c_))],
              justification="Triangle inequality with a = sigma'^2 >= 0, then sigma'^2 <= 1 (A5)."),
        Cited(label="curvature_sup_diverges",
              latex=r"\sup_u|\sigma_\beta''(u)|\to\infty\quad(\beta\to\infty)",
              reference="as printed: 'otherwise the derivatives would remain equicontinuous and could not converge to the "
                        "discontinuous derivative of sigma at 0 (a standard compactness/Arzela-Ascoli contradiction)' [4, 5]"),
        Check(label="curvature_blows_up_near_zero_as_printed",
              latex=r"\text{in particular}\ \exists\,u_\beta,\ |u_\beta|\to0:\ |\sigma_\beta''(u_\beta)|\to\infty",
              run_check=lambda: _blowup_near_zero(1),
              justification="The printed inference: from sup over all u of |sigma''_beta| -> infinity to a blow-up at points "
                            "u_beta -> 0. Tested on a C^2 family with |sigma'| <= 1 whose sup diverges.",
              erratum=r"A gap in the printed reasoning, not a false conclusion: $\sup_u|\sigma_\beta''(u)| \to \infty$ does not "
                      r"locate the blow-up near $0$. The family $\sigma_\beta(u) = {family}$ (softplus shifted by ${shift}$) is "
                      r"$C^2$ with $|\sigma_\beta'| \le 1$ and $\sup_u|\sigma_\beta''(u)| = {sup} \to \infty$, yet "
                      r"$|\sigma_\beta''(u)| \le {envelope} \to 0$ for $|u| \le {radius}$. The localization must use that the "
                      r"kink of the limit is at $0$ (the repair)."),
        Cited(label="curvature_blows_up_near_zero_of_localized_argument", repairs="curvature_blows_up_near_zero_as_printed",
              latex=r"\forall\delta>0:\ \sup_{|u|\le\delta}|\sigma_\beta''(u)|\to\infty,\ \text{hence (diagonal sequence)}\ \exists\,u_\beta\to0:\ |\sigma_\beta''(u_\beta)|\to\infty",
              reference="Arzela-Ascoli on [-delta, delta]: if |sigma''_beta| <= M there along a subsequence, then with "
                        "|sigma'_beta| <= 1 the sigma'_beta converge uniformly on [-delta, delta] to a continuous g, and "
                        "relu(u) = lim (sigma_beta(u) - sigma_beta(0)) = int_0^u g would be C^1 at 0: contradiction; then a "
                        "diagonal sequence over delta = 1/k (the paper's argument, localized; not printed)"),
        Check(label="sup_second_derivative_of_admissible_families", printed=False,
              latex=r"\sup_u|\sigma_\beta''(u)|=\beta/4\ (\text{softplus}),\ \beta/2\ (\text{sqrt}),\ \text{attained at } u_\beta=0",
              run_check=lambda: _sup_second_derivative(sp.Integer(1)), wrong_versions=[lambda: _sup_second_derivative(sp.Rational(1, 2))],
              scope={"families": list(ADMISSIBLE)}),
        Limit(label="surrogate_at_u_beta_tends_to_zero", latex=r"\sigma_\beta(u_\beta)=\sigma_\beta(0)=\log 2/\beta\to\sigma(0)=0",
              expr=m.activation("softplus").subs(m.u, 0), var=m.beta, point=sp.oo, expected=0, scope=SOFTPLUS,
              justification="Here u_beta = 0; for moving u_beta pointwise convergence alone is not enough: "
                            "|sigma_beta(u_beta) - sigma_beta(0)| <= |u_beta| uses A5."),
        Check(label="surrogate_at_u_beta_tends_to_zero_for_every_family", printed=False,
              latex=r"|\sigma_\beta(u_\beta)|\le|\sigma_\beta(0)|+|u_\beta|\to0\quad(\sup|\sigma_\beta'|\le1)",
              run_check=lambda: _moving_point_bound(True), wrong_versions=[lambda: _moving_point_bound(False)],
              justification="The printed 'since u_beta -> 0, sigma_beta(u_beta) -> sigma(0)' for moving u_beta: pointwise "
                            "convergence alone does not give it; the slope bound (a hypothesis) does."),
        Limit(label="hessian_lower_bound_along_theta_beta",
              latex=r"\frac{(1+x^2)|k_\beta(0)|}{\frac{|y|}{2}\,|\sigma_\beta''(0)|\,(1+x^2)}\to2>1\ (\text{softplus})",
              expr=at_zero / printed_rhs, var=m.beta, point=sp.oo, expected=2, parameters=_CASES, scope=SOFTPLUS,
              justification="So the printed bound holds for all large beta (with room), though (3.4) does not."),
        Check(label="hessian_lower_bound_along_theta_beta_for_large_beta", printed=False,
              latex=r"|\sigma_\beta(u_\beta)-y|\ge\tfrac34|y|,\ |\sigma_\beta''(u_\beta)|\ge\tfrac4{|y|}\Rightarrow\|\nabla^2\mathcal L_\beta(\theta_\beta)\|\ge\tfrac{|y|}2|\sigma_\beta''(u_\beta)|\,\|(x,1)\|^2",
              run_check=lambda: _large_beta_bound(sp.Rational(1, 2)), wrong_versions=[lambda: _large_beta_bound(sp.Rational(3, 4))],
              justification="The printed display, for every admissible family: it does not follow from (3.4) (false) with "
                            "|sigma - y| >= |y|/2, but it holds once |sigma - y| >= 3|y|/4 and |sigma''| >= 4/|y|, which is "
                            "true for all large beta since sigma_beta(u_beta) -> 0 and |sigma''_beta(u_beta)| -> infinity."),
        Cited(label="hessian_norm_at_most_lipschitz_constant", latex=r"\|\nabla^2\mathcal L_\beta(\theta)\|\le L_\beta",
              reference="[8] classical: a C^1 map with L-Lipschitz gradient has Hessian norm <= L where it exists"),
        Limit(label="smoothness_constant_diverges", role="statement",
              latex=r"L_\beta\ge(1+x^2)\,\big|\tfrac14+\tfrac{\log2}4-\tfrac{y\beta}4\big|\to\infty",
              expr=at_zero, var=m.beta, point=sp.oo, expected=sp.oo, parameters=_CASES, scope=SOFTPLUS,
              justification="Checked for the softplus family, symbolically in x and y != 0; the general family rests "
                            "on the cited Arzela-Ascoli step."),
        Limit(label="smoothness_constant_diverges_sqrt", role="statement", printed=False,
              latex=r"\text{sqrt smoothing: } L_\beta\ge(1+x^2)\,\big|\tfrac12-\tfrac{y\beta}2\big|\to\infty",
              expr=m.smoothness_lower_bound("sqrt").subs(m.y, Y_NZ), var=m.beta, point=sp.oo, expected=sp.oo,
              parameters=_CASES, scope={"family": "sqrt"},
              justification="The other admissible catalogue family, symbolically in x and y != 0."),
        Check(label="smoothness_constant_asymptotics", printed=False,
              latex=r"\lim_{\beta\to\infty}L_\beta/\beta=(1+x^2)\,|y|\,\sup|\varphi''|=(1+x^2)|y|/4\ (\text{softplus}),\ (1+x^2)|y|/2\ (\text{sqrt})",
              run_check=lambda: _asymptotics(1), wrong_versions=[lambda: _asymptotics(2)]),
        Check(label="smoothness_constant_agrees_with_mirror", printed=False,
              latex=r"(1+x^2)|k_\beta(0)|\le\sup_\theta\|\nabla^2\mathcal L_\beta(\theta)\|_{\text{mpmath}}\le(1+x^2)(C+|y|\beta M_2)",
              run_check=lambda: _mirror_bracket(1), wrong_versions=[lambda: _mirror_bracket(2)]),
        NumericAgreement(label="huber_smoothness_constant_exact", printed=False,
                         latex=r"\text{Huber } (C^1):\ L_\beta=(1+x^2)\max\{1,|y|\beta,|\tfrac32-y\beta|\}",
                         closed_form=_huber_point, mirror=_huber_mirror,
                         points=[(100, Fraction(-1, 2), -1), (1, 1, Fraction(1, 5)), (3, 0, Fraction(1, 2))],
                         dps=HUBER_DPS, describe=lambda p: f"beta={p[0]}, x={p[1]}, y={p[2]}"),
    ]



# ---------------------------------------------------------------- admissibility of the catalogue

#: Points where phi' > 1 (rigorous Arb enclosures): sup|sigma'_beta| = sup|phi'| > 1 for every beta.
SLOPE_WITNESS = {"gelu": Fraction(7, 5), "silu": Fraction(12, 5)}


def _c2(name: str) -> tuple[bool, str]:
    if name in m.ANALYTIC:
        return m.smooth_certificate(sp.diff(m.profile(name), m.t, 2))
    pieces = m.huber_pieces()
    second = [sp.diff(sp.diff(m.profile("huber").args[i][0], m.t), m.t) for i in range(3)]
    return False, f"phi'' jumps at the knots: 0 -> {second[1]} at t = 0, {second[1]} -> {second[2]} at t = 1 ({len(pieces)} pieces)"


def _pointwise(name: str) -> tuple[bool, str]:
    right, left, at0 = m.relu_limits(name)
    gaps = [num.relu_gap(name, u_, 10**12) for u_ in (-1, 0, 1)]
    ok = right == 1 and left == 0 and at0.is_finite and all(g < 1e-11 for g in gaps)
    return ok, (f"confirmed, not proved (SymPy limits cross-checked numerically): "
                f"phi(t)/t -> {right} (t -> +inf), {left} (t -> -inf), phi(0) = {at0}; "
                f"|sigma_beta(u) - relu(u)| at beta = 1e12, u = -1, 0, 1: {', '.join(f'{float(g):.2e}' for g in gaps)}")


def _slope(name: str) -> tuple[bool, str]:
    if name in SLOPE_WITNESS:
        ball = num.first_derivative_enclosure(name, SLOPE_WITNESS[name])
        return False, f"phi'({SLOPE_WITNESS[name]}) in {ball.str(10, radius=False)} > 1 (Arb), i.e. sigma_beta' > 1 at u = {SLOPE_WITNESS[name]}/beta"
    if name == "huber":
        slopes = [sp.diff(piece, m.t) for piece, _ in m.profile("huber").args]
        return True, f"phi' = {slopes[0]}, {slopes[1]} (t in [0,1]), {slopes[2]}: in [0, 1]"
    _, _, (_, d1, _) = m.reparametrized(name)
    ok = _z3_nonneg(d1) and _z3_nonneg(1 - d1)
    return ok, f"phi' = {d1} in [0, 1] (Z3, rational in the parameter {'q = e^-t' if name == 'softplus' else 'v = t + sqrt(t^2+1)'} > 0)"


def _curvature(name: str) -> str:
    if name in ADMISSIBLE:
        return f"sup|sigma''_beta| = {M2[name]}*beta (proved: Z3 in the rational parameter, equality at u = 0)"
    if name == "huber":
        return "sigma''_beta = beta on (0, 1/beta), undefined at u = 0, 1/beta"
    return f"sup|sigma''_beta| >= {sp.simplify(sp.diff(m.profile(name), m.t, 2).subs(m.t, 0))}*beta (value at u = 0)"


def _growth(name: str) -> str:
    if name == "huber":
        return f"L_beta = {m.huber_smoothness_constant()} exactly"
    text = f"L_beta >= {m.smoothness_lower_bound(name)}"
    if name in ADMISSIBLE:
        text += f"; L_beta <= {upper_bound(name)}; L_beta/beta -> (x**2 + 1)*|y|*{M2[name]}"
    return text


@functools.cache
def admissibility_table() -> list[dict[str, Any]]:
    r"""Each catalogue family against each hypothesis of Proposition 1, with the evidence."""
    rows = []
    for name in m.FAMILIES:
        (c2, c2_why), (pw, pw_why), (sl, sl_why) = _c2(name), _pointwise(name), _slope(name)
        rows.append({"family": name, "C2": c2, "C2_evidence": c2_why, "pointwise_to_relu": pw, "pointwise_evidence": pw_why,
                     "sup_slope_le_1": sl, "slope_evidence": sl_why, "admissible": c2 and pw and sl,
                     "curvature": _curvature(name), "L_beta": _growth(name)})
    return rows


# ---------------------------------------------------------------- assumptions


def _beta_free_and_bounded(k: sp.Expr, bound: sp.Expr, name: str) -> StepResult:
    r""":math:`k` does not depend on :math:`\beta` (exact) and ``bound`` dominates
    :math:`\sup|\varphi'^2+\varphi\varphi''|+|y|M_2` (:func:`_sup_A`: Z3 and the checked log lemma; the
    remaining comparison of constants is exact, by Arb, or by Z3 in :math:`y`)."""
    free = sp.simplify(sp.diff(k, m.beta)) == 0
    gap = sp.simplify(bound - (_sup_A(name) + sp.Abs(m.y) * M2[name] * (1 if k.has(m.y) else 0)))
    dominated = decide_nonnegative(gap).proved
    return StepResult(free and dominated, "symbolic", "reparametrization+z3+log-lemma",
                      f"k free of beta: {free}; sup|k| <= {bound}: {dominated} (Z3, log lemma)", engines=("z3",),
                      values={"bound": N_SQ * bound})


def _huber_diverges(expected: sp.Expr) -> StepResult:
    r""":math:`L_\beta^{\rm Huber}=(1+x^2)\max(\dots)\ge(1+x^2)\beta|y|` (a Max argument), whose limit is ``expected``."""
    constant = m.huber_smoothness_constant()
    maximum = constant / N_SQ
    dominated = isinstance(maximum, sp.Max) and any(sp.simplify(a - m.beta * sp.Abs(m.y)) == 0 for a in maximum.args)
    limit = sp.limit(N_SQ * m.beta * sp.Abs(Y_NZ), m.beta, sp.oo)  # symbolic in x and y != 0
    ok = dominated and limit == expected
    return StepResult(ok, "symbolic", "Max-argument+sympy.limit", f"L_beta >= (1+x^2) beta |y|: {dominated}; limit {limit}",
                      values={"constant": constant})


def _overshoot_still_diverges(claim_slope_ok: bool) -> StepResult:
    r"""GELU and SiLU: :math:`\varphi'>1` somewhere (Arb), and :math:`(1+x^2)|k_\beta(0)|\to\infty` (SymPy's limit,
    symbolic in :math:`x` and :math:`y\neq0`, with the engine's numeric cross-check)."""
    for name in SLOPE_WITNESS:
        exceeds = num.first_derivative_enclosure(name, SLOPE_WITNESS[name]) > 1
        lower = m.smoothness_lower_bound(name).subs(m.y, Y_NZ)  # symbolic in x and y != 0
        diverges = Limit(label=f"{name} lower bound", latex="", expr=lower, var=m.beta, point=sp.oo, expected=sp.oo,
                         parameters=_CASES).run()
        if exceeds == claim_slope_ok or not diverges.proved:
            return StepResult(False, "symbolic", "arb+sympy.limit", f"{name}: overshoot {exceeds}; {diverges.detail}")
    return StepResult(True, "symbolic", "arb+sympy.limit+numeric",
                      "GELU and SiLU have sup|sigma'| > 1 (Arb) and still L_beta >= (1+x^2)|k_beta(0)| -> infinity "
                      "(SymPy limit, confirmed numerically)", engines=("arb", "sympy:limit", "numeric"))


def slope_overshoots() -> dict[str, str]:
    r"""The Arb enclosures of :math:`\varphi'` at :data:`SLOPE_WITNESS` (each > 1), for the notes.

    >>> slope_overshoots()["gelu_slope_at"]
    '7/5'
    """
    out = {}
    for name, t in SLOPE_WITNESS.items():
        out[f"{name}_slope_at"] = str(t)
        out[f"{name}_slope"] = num.first_derivative_enclosure(name, t).str(5)  # a ball whose lower end is > 1
    return out


def _extra() -> dict[str, Any]:
    return {"admissibility": admissibility_table(), **slope_overshoots()}


def _assumptions() -> list[Assumption]:
    family = lambda bad: (lambda p: p.get("family") not in bad)  # noqa: E731
    k_sp = m.curvature_coefficient("softplus")
    return [
        Assumption("A1", "x != 0", r"x \neq 0", holds=lambda p: p.get("x", 1) != 0,
                   necessity=Necessity("superfluous", r"At $x = 0$ the lower bound $|k_\beta(0)|$ still tends to infinity (softplus, "
                                       r"every $y \neq 0$), where $k_\beta(t) := \sigma_\beta'(u)^2 + (\sigma_\beta(u) - y)\sigma_\beta''(u)$ "
                                       r"at $u = t/\beta$, so that $\|\nabla^2\mathcal L_\beta\| = (1+x^2)|k_\beta(\beta s)|$.",
                                       Limit(label="divergence_at_x_eq_0", printed=False, latex=r"x=0:\ |k_\beta(0)|\to\infty",
                                             expr=m.smoothness_lower_bound("softplus").subs({m.x: 0, m.y: Y_NZ}), var=m.beta,
                                             point=sp.oo, expected=sp.oo, parameters=[{Y_NZ: 3}, {Y_NZ: sp.Rational(-1, 2)}],
                                             scope=SOFTPLUS))),
        Assumption("A2", "y != 0", r"y \neq 0", holds=lambda p: p.get("y", 1) != 0,
                   necessity=Necessity("necessary", r"With $y = 0$ (softplus) $k_\beta = \varphi'^2 + \varphi\,\varphi''$ does not depend on "
                                       r"$\beta$ and $L_\beta \le {bound}$ for every $\beta$, where $\sigma_\beta(u) = \varphi(\beta u)/\beta$ "
                                       r"and $\|\nabla^2\mathcal L_\beta\| = (1+x^2)|k_\beta|$, "
                                       r"$k_\beta := \sigma_\beta'^2 + (\sigma_\beta - y)\sigma_\beta''$.",
                                       Check(label="bounded_constants_at_y_eq_0", printed=False, latex=r"y=0:\ L_\beta\le(1+x^2)(1+e^{-1})",
                                             run_check=lambda: _beta_free_and_bounded(k_sp.subs(m.y, 0), 1 + sp.exp(-1), "softplus"),
                                             wrong_versions=[lambda: _beta_free_and_bounded(k_sp.subs(m.y, 0), sp.Rational(1, 2), "softplus")]))),
        Assumption("A3", "sigma_beta in C^2", r"\sigma_\beta\in C^2", holds=family({"huber"}),
                   necessity=Necessity("superfluous", r"The $C^1$ Huber smoothing has $L_\beta = {constant} \to \infty$ (exact); in "
                                       r"general a bounded Lipschitz constant of $\nabla\mathcal L_\beta$ would make "
                                       r"$g_\beta'$, $g_\beta := (\sigma_\beta - y)^2/2$, equicontinuous and the kinked limit $C^1$ "
                                       r"(Arzela-Ascoli, cited).",
                                       Check(label="huber_constants_diverge", printed=False,
                                             latex=r"L_\beta^{\text{Huber}}\ge(1+x^2)|y|\beta\to\infty",
                                             run_check=lambda: _huber_diverges(sp.oo), wrong_versions=[lambda: _huber_diverges(sp.Integer(1))],
                                             scope={"family": "huber"}))),
        Assumption("A4", "sigma_beta -> relu pointwise", r"\sigma_\beta\to\sigma", holds=None,
                   necessity=Necessity("necessary", r"The constant family $\sigma_\beta = \mathrm{softplus}_1$ does not converge to "
                                       r"$\mathrm{relu}$ and has $L_\beta = L_1 \le {bound}$ for all $\beta$.",
                                       Check(label="bounded_constants_without_convergence", printed=False,
                                             latex=r"\sigma_\beta=\mathrm{softplus}_1:\ L_\beta\le(1+x^2)(1+e^{-1}+|y|/4)",
                                             run_check=lambda: _beta_free_and_bounded(k_sp.subs(m.beta, 1), 1 + sp.exp(-1) + sp.Abs(m.y) / 4, "softplus"),
                                             wrong_versions=[lambda: _beta_free_and_bounded(k_sp.subs(m.beta, 1), 1 + sp.exp(-1), "softplus")]))),
        Assumption("A5", "sup|sigma_beta'| <= 1", r"\sup_u|\sigma_\beta'(u)|\le1", holds=family(set(SLOPE_WITNESS)),
                   necessity=Necessity("superfluous", r"Not needed for the conclusion (the same Arzela-Ascoli argument on $g_\beta'$, "
                                       r"where $g_\beta := (\sigma_\beta - y)^2/2$); GELU and SiLU overshoot $1$ and still diverge "
                                       r"(checked). The repaired proof uses it twice: $\sigma_\beta'^2 \le 1$ in the repaired "
                                       r"({=3.4}), and $\sigma_\beta(u_\beta) \to 0$ for moving $u_\beta$.",
                                       Check(label="overshooting_families_still_diverge", printed=False,
                                             latex=r"\sup|\sigma'|>1 \text{ (GELU, SiLU) and } L_\beta\to\infty",
                                             run_check=lambda: _overshoot_still_diverges(False),
                                             wrong_versions=[lambda: _overshoot_still_diverges(True)],
                                             scope={"families": sorted(SLOPE_WITNESS)}))),
    ]


# ---------------------------------------------------------------- command line


def _check_params(params: dict[str, Any]) -> None:
    if params["beta"] < 1:
        raise AssumptionViolated(ID, "beta", "beta >= 1", {"beta": params["beta"]})


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    _check_params(params)
    name, values = params["family"], {m.beta: sp.Rational(str(params["beta"])), m.x: sp.Rational(str(params["x"])),
                                      m.y: sp.Rational(str(params["y"]))}
    out = {"sigma_beta": str(m.activation(name)), "hessian_norm": "(x**2 + 1)*Abs(k_beta(t)), t = beta*(w*x + b)",
           "curvature": _curvature(name)}
    if name == "huber":
        out["L_beta"] = str(m.huber_smoothness_constant().subs(values))
        return out
    out["k_beta"] = str(m.curvature_coefficient(name))
    out["L_beta_lower"] = str(m.smoothness_lower_bound(name).subs(values))
    if name in ADMISSIBLE:
        out["L_beta_upper"] = str(upper_bound(name).subs(values))
        out["L_beta_over_beta_limit"] = str((N_SQ * sp.Abs(m.y) * M2[name]).subs(values))
    return out


def _witness(params: dict[str, Any]) -> dict[str, Any]:
    r"""For any uniform candidate L: a beta and theta = (0, 0) with ||grad^2 L_beta(theta)|| > L (Arb)."""
    _check_params(params)
    from proofs.enclosure import enclose

    name, L = params["family"], sp.Rational(str(params["L"]))
    x, y = sp.Rational(str(params["x"])), sp.Rational(str(params["y"]))
    d2 = sp.diff(m.profile(name), m.t, 2).subs(m.t, 0)
    beta = sp.ceiling(2 * (L / (1 + x**2) + 2) / (abs(y) * d2)) + 1  # then ||Hessian(0,0)|| >= ~2L
    norm = m.smoothness_lower_bound(name).subs({m.beta: beta, m.x: x, m.y: y})
    ball = enclose(norm, {})
    return {"constants": {"L": str(L)}, "beta": str(beta), "points": [["0", "0"]],
            "check": {"lhs": f"||grad^2 L_beta(0,0)|| = {norm} in {ball.str(15, radius=False)} (Arb)", "rhs": f"L = {L}",
                      "holds": bool(ball > flint_rational(L))}}


def flint_rational(value: sp.Rational):
    r"""``value`` as an exact Arb ball.

    >>> flint_rational(sp.Rational(1, 3)).contains(flint_rational(sp.Rational(1, 3)))
    True
    """
    import flint

    return flint.arb(flint.fmpq(int(value.p), int(value.q)))


def theorem() -> Claim:
    r"""Katende Proposition 1 with its printed proof, step by step."""
    return Claim(
        id=ID, paper="katende", label="Proposition 1", section="3.3",
        title="Surrogate smoothness constants must diverge",
        statement=r"Let $\{\sigma_\beta\}_{\beta\ge1}$ be $C^2$ activations such that $\sigma_\beta(u)\to\sigma(u)$ pointwise for "
                  r"all $u\in\mathbb R$ and $\sup_{u\in\mathbb R}|\sigma_\beta'(u)|\le1$. Consider the surrogate model "
                  r"$f_\beta(x;\theta)=\sigma_\beta(wx+b)$ and the loss $\mathcal L_\beta(\theta)=\frac12(f_\beta(x;\theta)-y)^2$ with "
                  r"fixed $x\ne0$, $y\ne0$. If $\nabla\mathcal L_\beta$ is globally Lipschitz with constant $L_\beta$, then "
                  r"necessarily $L_\beta\to\infty$ along any sequence $\beta\to\infty$ for which $\sigma_\beta\to\sigma$ holds.",
        reference="Katende, Why smooth stability assumptions fail for ReLU learning, Sec. 3.3, Proposition 1, eq. (3.4)",
        assumptions=_assumptions(), steps=_steps(),
        parameters=[Parameter("family", "choice", "softplus", "surrogate family", choices=m.FAMILIES),
                    Parameter("beta", "rational", Fraction(10), "sharpness beta >= 1 (derive)"),
                    Parameter("x", "rational", Fraction(2), "datum input"), Parameter("y", "rational", Fraction(3), "datum target"),
                    Parameter("L", "rational", Fraction(10**12), "candidate uniform smoothness constant (witness)")],
        derive=_derive, witness=_witness, figures=figures.figures_prop_1, plot=figures.plot_prop_1, extra=_extra,
        notes=[r"({=3.4}) is false as printed: $\|\nabla^2\mathcal L_\beta\| = (1+x^2)|\sigma_\beta'^2 + (\sigma_\beta - y)"
               r"\sigma_\beta''|$ can be smaller than $(1+x^2)|(\sigma_\beta - y)\sigma_\beta''|$; the repaired bound subtracts "
               r"$\sigma_\beta'^2 \le 1$ and the conclusion survives.",
               r"Admissible catalogue families: $\mathrm{softplus}_\beta$ and the square-root smoothing. $\mathrm{GELU}_\beta$ "
               r"and $\mathrm{SiLU}_\beta$ violate $\sup_u|\sigma_\beta'(u)| \le 1$, where $\sigma_\beta(u) = \varphi(\beta u)/\beta$ "
               r"(Arb enclosures: for GELU $\varphi'(t)$ at $t = {gelu_slope_at}$ lies in {gelu_slope}, for SiLU at "
               r"$t = {silu_slope_at}$ in {silu_slope}); the Huber smoothing is $C^1$ only. All five still have "
               r"$L_\beta \to \infty$.",
               r"SymPy's limit of $u\,(1 + \operatorname{erf}(\beta u/\sqrt2))/2$ as $\beta \to \infty$ for $u < 0$ returns $u$ "
               r"(wrong; the limit is $0$): pointwise convergence is therefore decided from $\varphi(t)/t$ as "
               r"$t \to \infty$ and $t \to -\infty$, cross-checked numerically."],
    )
