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
  5. `hessian_lower_bound_as_printed`      (3.4): fails (softplus, exact counterexample region)
  6. `hessian_lower_bound_of_bounded_slope`  repaired: >= (|(sigma-y)sigma''| - sigma'^2)(1+x^2), sigma'^2 <= 1 (Z3)
  7. `curvature_concentrates_near_zero`    cited: Arzela-Ascoli
  8. `sup_second_derivative_of_admissible_families`  sup|sigma''_beta| = beta/4 (softplus), beta/2 (sqrt)
  9. `surrogate_at_u_beta_tends_to_zero`   sigma_beta(0) -> 0 (on scope: softplus)
 10. `hessian_lower_bound_along_theta_beta`  printed bound (|y|/2)|sigma''(u_beta)|(1+x^2): ratio -> 2 > 1 (softplus)
 11. `hessian_norm_at_most_lipschitz_constant`  cited: classical smooth calculus
 12. `smoothness_constant_diverges`        L_beta >= (1+x^2)|k_beta(0)| -> infinity (on scope: softplus)
     `smoothness_constant_diverges_sqrt`   the same for the square-root smoothing (on scope: sqrt)
 13. `smoothness_constant_asymptotics`     L_beta / beta -> (1 + x^2)|y| M2 (squeeze, both families)
 14. `smoothness_constant_agrees_with_mirror`  lower <= mpmath sup_theta ||Hessian|| <= upper
 15. `huber_smoothness_constant_exact`     C^1 Huber: L_beta = (1+x^2) max(1, |y| beta, |3/2 - y beta|)
Review notes: (3.4) drops sigma'^2 from |sigma'^2 + (sigma-y)sigma''|, which is not a lower bound when
the two terms have opposite signs; the repair costs sigma'^2 <= 1 (A5, otherwise unused).
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any

import sympy as sp

from numeric import surrogates as num
from proofs import z3check
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Inequality, Limit, Necessity,
                           NumericAgreement, Parameter, StepResult)
from proofs.errors import AssumptionViolated
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


def _nonneg(expr: sp.Expr) -> bool:
    r"""SymPy's sign reasoning (on the expression, factored, simplified): used where Z3 cannot go (logs)."""
    return any(f(expr).is_nonnegative for f in (lambda e: e, sp.factor, sp.simplify))


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
        shown = ", ".join(f"{k} = {v}" for k, v in sorted((bad.point or {}).items(), key=lambda kv: str(kv[0])))
        return StepResult(False, "symbolic", "z3", f"not proved: {bad.outcome} {bad.reason}",
                          counterexample=f"{shown}: |a+c| = {sp.Abs(a + c).subs(bad.point or {})} < {claimed_rhs(a, c).subs(bad.point or {})}"
                          if bad.point else bad.reason)
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


@functools.cache
def _sup_A(name: str) -> sp.Expr:
    r"""An upper bound of :math:`\sup_t|\varphi'^2+\varphi\varphi''|`: :math:`\sup\varphi'^2+\sup|\varphi\varphi''|`
    with :math:`0\le\varphi'\le1` proved and the second sup computed by SymPy's ``maximum``."""
    p, _, (phi, d1, d2) = m.reparametrized(name)
    if not (_nonneg(d1) and _nonneg(1 - d1) and _nonneg(phi * d2)):
        raise ArithmeticError(f"{name}: 0 <= phi' <= 1 or phi phi'' >= 0 not proved")
    if name == "softplus":  # phi phi'' = -z log z (1 - z), z = q/(1+q) in (0,1): <= sup(-z log z)
        z, r = sp.Symbol("z", positive=True), sp.Symbol("r", positive=True)
        gap = ((-z * sp.log(z)).subs(z, 1 / (1 + r)) - phi * d2).subs(p, 1 / r)  # z = q/(1+q) = 1/(1+r), r = 1/q
        if not _nonneg(sp.simplify(sp.expand_log(gap, force=True))):
            raise ArithmeticError("phi phi'' <= -z log z not proved")
        return 1 + sp.calculus.util.maximum(-z * sp.log(z), z, sp.Interval.open(0, 1))
    return 1 + sp.calculus.util.maximum(phi * d2, p, sp.Interval.open(0, sp.oo))


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
                              counterexample=f"{name}, beta={beta}, x={x}, y={y}: mirror L_beta = {sp.N(found, 12)}")
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
        Inequality(label="hessian_lower_bound_as_printed",
                   latex=r"\|\nabla^2\mathcal L_\beta(\theta)\|\ge|(\sigma_\beta(s)-y)\sigma_\beta''(s)|\,\|(x,1)\|^2 \quad (3.4)",
                   lhs=N_SQ * sp.Abs(softplus["rc"]), rhs=N_SQ * sp.Abs(softplus["k"]), relation="<=",
                   domain={m.t: (-1, 1), m.beta: (1, 8), m.y: (1, 3), m.x: (1, 2)},
                   erratum="|s'^2 + (s - y)s''| >= |(s - y)s''| fails when the two terms have opposite signs "
                           "(e.g. softplus at s = 0 with beta*y > 1 + log 2 + 1/2)."),
        Check(label="hessian_lower_bound_of_bounded_slope", repairs="hessian_lower_bound_as_printed",
              latex=r"\|\nabla^2\mathcal L_\beta\|\ge\big(|(\sigma_\beta-y)\sigma_\beta''|-\sigma_\beta'^2\big)\|(x,1)\|^2\ge\big(|(\sigma_\beta-y)\sigma_\beta''|-1\big)\|(x,1)\|^2",
              run_check=lambda: _triangle_check(lambda a, c_: sp.Abs(c_) - a),
              wrong_versions=[lambda: _triangle_check(lambda a, c_: sp.Abs(c_))],
              justification="Triangle inequality with a = sigma'^2 >= 0, then sigma'^2 <= 1 (A5)."),
        Cited(label="curvature_concentrates_near_zero", latex=r"\exists\,u_\beta\to0:\ |\sigma_\beta''(u_\beta)|\to\infty",
              reference="Arzela-Ascoli: bounded sigma''_beta near 0 would make sigma'_beta equicontinuous there and "
                        "the limit sigma' continuous at 0 (localized to |u| <= delta, then a diagonal sequence)"),
        Check(label="sup_second_derivative_of_admissible_families", printed=False,
              latex=r"\sup_u|\sigma_\beta''(u)|=\beta/4\ (\text{softplus}),\ \beta/2\ (\text{sqrt}),\ \text{attained at } u_\beta=0",
              run_check=lambda: _sup_second_derivative(sp.Integer(1)), wrong_versions=[lambda: _sup_second_derivative(sp.Rational(1, 2))]),
        Limit(label="surrogate_at_u_beta_tends_to_zero", latex=r"\sigma_\beta(u_\beta)=\sigma_\beta(0)=\log 2/\beta\to\sigma(0)=0",
              expr=m.activation("softplus").subs(m.u, 0), var=m.beta, point=sp.oo, expected=0, scope=SOFTPLUS,
              justification="Here u_beta = 0; for moving u_beta pointwise convergence alone is not enough: "
                            "|sigma_beta(u_beta) - sigma_beta(0)| <= |u_beta| uses A5."),
        Limit(label="hessian_lower_bound_along_theta_beta",
              latex=r"\frac{(1+x^2)|k_\beta(0)|}{\frac{|y|}{2}\,|\sigma_\beta''(0)|\,(1+x^2)}\to2>1\ (\text{softplus})",
              expr=at_zero / printed_rhs, var=m.beta, point=sp.oo, expected=2, parameters=_CASES, scope=SOFTPLUS,
              justification="So the printed bound holds for all large beta (with room), though (3.4) does not."),
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
    return ok, (f"phi(t)/t -> {right} (t -> +inf), {left} (t -> -inf), phi(0) = {at0}; "
                f"|sigma_beta(u) - relu(u)| at beta = 1e12, u = -1, 0, 1: {', '.join(f'{float(g):.2e}' for g in gaps)}")


def _slope(name: str) -> tuple[bool, str]:
    if name in SLOPE_WITNESS:
        ball = num.first_derivative_enclosure(name, SLOPE_WITNESS[name])
        return False, f"phi'({SLOPE_WITNESS[name]}) in {ball.str(10, radius=False)} > 1 (Arb), i.e. sigma_beta' > 1 at u = {SLOPE_WITNESS[name]}/beta"
    if name == "huber":
        slopes = [sp.diff(piece, m.t) for piece, _ in m.profile("huber").args]
        return True, f"phi' = {slopes[0]}, {slopes[1]} (t in [0,1]), {slopes[2]}: in [0, 1]"
    _, _, (_, d1, _) = m.reparametrized(name)
    ok = _nonneg(d1) and _nonneg(1 - d1)
    return ok, f"phi' = {d1} in (0, 1) (proved in the parameter {'q = e^-t' if name == 'softplus' else 'v = t + sqrt(t^2+1)'})"


def _curvature(name: str) -> str:
    if name in ADMISSIBLE:
        return f"sup|sigma''_beta| = {M2[name]}*beta (proved)"
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
    r""":math:`k` does not depend on :math:`\beta` and ``bound`` dominates :math:`\sup|\varphi'^2+\varphi\varphi''|+|y|M_2`."""
    free = sp.simplify(sp.diff(k, m.beta)) == 0
    dominated = _nonneg(sp.simplify(bound - (_sup_A(name) + sp.Abs(m.y) * M2[name] * (1 if k.has(m.y) else 0))))
    return StepResult(free and dominated, "symbolic", "reparametrization", f"k free of beta: {free}; sup|k| <= {bound}: {dominated}")


def _huber_diverges(expected: sp.Expr) -> StepResult:
    r""":math:`L_\beta^{\rm Huber}=(1+x^2)\max(\dots)\ge(1+x^2)\beta|y|` (a Max argument), whose limit is ``expected``."""
    constant = m.huber_smoothness_constant()
    maximum = constant / N_SQ
    dominated = isinstance(maximum, sp.Max) and any(sp.simplify(a - m.beta * sp.Abs(m.y)) == 0 for a in maximum.args)
    limit = sp.limit(N_SQ * m.beta * sp.Abs(Y_NZ), m.beta, sp.oo)  # symbolic in x and y != 0
    ok = dominated and limit == expected
    return StepResult(ok, "symbolic", "Max-argument+sympy.limit", f"L_beta >= (1+x^2) beta |y|: {dominated}; limit {limit}")


def _overshoot_still_diverges(claim_slope_ok: bool) -> StepResult:
    for name in SLOPE_WITNESS:
        exceeds = num.first_derivative_enclosure(name, SLOPE_WITNESS[name]) > 1
        lower = m.smoothness_lower_bound(name).subs(m.y, Y_NZ)  # symbolic in x and y != 0
        if exceeds == claim_slope_ok or sp.simplify(sp.limit(lower, m.beta, sp.oo)) != sp.oo:
            return StepResult(False, "symbolic", "arb+sympy.limit", f"{name}: overshoot {exceeds}")
    return StepResult(True, "symbolic", "arb+sympy.limit",
                      "GELU and SiLU have sup|sigma'| > 1 (Arb) and still L_beta >= (1+x^2)|k_beta(0)| -> infinity")


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
                   necessity=Necessity("superfluous", "At x = 0 the lower bound |k_beta(0)| still tends to infinity (softplus, every y != 0).",
                                       Limit(label="divergence_at_x_eq_0", printed=False, latex=r"x=0:\ |k_\beta(0)|\to\infty",
                                             expr=m.smoothness_lower_bound("softplus").subs({m.x: 0, m.y: Y_NZ}), var=m.beta,
                                             point=sp.oo, expected=sp.oo, parameters=[{Y_NZ: 3}, {Y_NZ: sp.Rational(-1, 2)}],
                                             scope=SOFTPLUS))),
        Assumption("A2", "y != 0", r"y \neq 0", holds=lambda p: p.get("y", 1) != 0,
                   necessity=Necessity("necessary", "With y = 0 (softplus) k_beta = phi'^2 + phi phi'' does not depend on beta and "
                                       "L_beta <= (1+x^2)(1 + 1/e) for every beta.",
                                       Check(label="bounded_constants_at_y_eq_0", printed=False, latex=r"y=0:\ L_\beta\le(1+x^2)(1+e^{-1})",
                                             run_check=lambda: _beta_free_and_bounded(k_sp.subs(m.y, 0), 1 + sp.exp(-1), "softplus"),
                                             wrong_versions=[lambda: _beta_free_and_bounded(k_sp.subs(m.y, 0), sp.Rational(1, 2), "softplus")]))),
        Assumption("A3", "sigma_beta in C^2", r"\sigma_\beta\in C^2", holds=family({"huber"}),
                   necessity=Necessity("superfluous", "The C^1 Huber smoothing has L_beta = (1+x^2)max(1,|y|beta,|3/2-y beta|) -> "
                                       "infinity (exact); in general a bounded Lip(grad L_beta) would make g_beta' = ((sigma_beta-y)^2/2)' "
                                       "equicontinuous and the kinked limit C^1 (Arzela-Ascoli, cited).",
                                       Check(label="huber_constants_diverge", printed=False,
                                             latex=r"L_\beta^{\text{Huber}}\ge(1+x^2)|y|\beta\to\infty",
                                             run_check=lambda: _huber_diverges(sp.oo), wrong_versions=[lambda: _huber_diverges(sp.Integer(1))],
                                             scope={"family": "huber"}))),
        Assumption("A4", "sigma_beta -> relu pointwise", r"\sigma_\beta\to\sigma", holds=None,
                   necessity=Necessity("necessary", "The constant family sigma_beta = softplus_1 does not converge to relu and has "
                                       "L_beta = L_1 <= (1+x^2)(1 + 1/e + |y|/4) for all beta.",
                                       Check(label="bounded_constants_without_convergence", printed=False,
                                             latex=r"\sigma_\beta=\mathrm{softplus}_1:\ L_\beta\le(1+x^2)(1+e^{-1}+|y|/4)",
                                             run_check=lambda: _beta_free_and_bounded(k_sp.subs(m.beta, 1), 1 + sp.exp(-1) + sp.Abs(m.y) / 4, "softplus"),
                                             wrong_versions=[lambda: _beta_free_and_bounded(k_sp.subs(m.beta, 1), 1 + sp.exp(-1), "softplus")]))),
        Assumption("A5", "sup|sigma_beta'| <= 1", r"\sup_u|\sigma_\beta'(u)|\le1", holds=family(set(SLOPE_WITNESS)),
                   necessity=Necessity("superfluous", "Not needed for the conclusion (same Arzela-Ascoli argument on g_beta'); "
                                       "GELU and SiLU overshoot 1 and still diverge (checked). The repaired proof uses it twice: "
                                       "sigma'^2 <= 1 in the repaired ({=3.4}), and sigma_beta(u_beta) -> 0 for moving u_beta.",
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
        statement=r"Let $\{\sigma_\beta\}_{\beta\ge1}$ be $C^2$ activations with $\sigma_\beta\to\sigma$ pointwise and "
                  r"$\sup_u|\sigma_\beta'(u)|\le1$; $\mathcal L_\beta(\theta)=\frac12(\sigma_\beta(wx+b)-y)^2$, $x\ne0$, $y\ne0$. "
                  r"If $\nabla\mathcal L_\beta$ is globally Lipschitz with constant $L_\beta$, then $L_\beta\to\infty$.",
        reference="Katende, Why smooth stability assumptions fail for ReLU learning, Sec. 3.3, Proposition 1, eq. (3.4)",
        assumptions=_assumptions(), steps=_steps(),
        parameters=[Parameter("family", "choice", "softplus", "surrogate family", choices=m.FAMILIES),
                    Parameter("beta", "rational", Fraction(10), "sharpness beta >= 1 (derive)"),
                    Parameter("x", "rational", Fraction(2), "datum input"), Parameter("y", "rational", Fraction(3), "datum target"),
                    Parameter("L", "rational", Fraction(10**12), "candidate uniform smoothness constant (witness)")],
        derive=_derive, witness=_witness, extra=_extra,
        notes=["({=3.4}) is false as printed: ||grad^2 L_beta|| = (1+x^2)|sigma'^2 + (sigma-y)sigma''| can be smaller than "
               "(1+x^2)|(sigma-y)sigma''|; the repaired bound subtracts sigma'^2 <= 1 and the conclusion survives.",
               "Admissible catalogue families: softplus_beta and the square-root smoothing. GELU_beta and SiLU_beta violate "
               "sup|sigma'| <= 1 (Arb: phi'({gelu_slope_at}) in {gelu_slope}, phi'({silu_slope_at}) in {silu_slope}); the Huber smoothing is C^1 only. All five still have L_beta -> infinity.",
               "SymPy's limit of u(1 + erf(beta u/sqrt 2))/2 as beta -> infinity for u < 0 returns u (wrong; the limit is 0): "
               "pointwise convergence is therefore decided from phi(t)/t as t -> +-infinity, cross-checked numerically."],
    )
