r"""Katende (2025), Theorem 1: the one-neuron ReLU loss is not globally L-smooth.

Reference: [Katende2025, §3.2, Thm 1, eqs. (3.1)-(3.3)]

Statement:   Fix any :math:`x \neq 0` and :math:`y \neq 0`. For
             :math:`\mathcal L(\theta)=\tfrac12(\sigma(wx+b)-y)^2` there is no finite
             :math:`L` with :math:`\|\nabla\mathcal L(\theta)-\nabla\mathcal L(\theta')\|
             \le L\|\theta-\theta'\|` on :math:`\mathbb R^2`.
Assumptions: A1  x != 0   [paper: Thm 1]   superfluous: the proof never uses it
             A2  y != 0   [paper: Thm 1]   necessary: with y = 0 the gradient is
                                           Lipschitz with constant 1 + x^2
Symbols:     \theta -> (w, b), s(\theta) -> preactivation, \varepsilon -> epsilon
Proof outline:
  1. `gradient_on_active_side`      on s > 0, grad L = (s - y)(x, 1)
  2. `gradient_on_inactive_side`    on s < 0, grad L = (0, 0)
  3. `preactivation_of_boundary_pair`  s(theta^{+-}) = +-eps ||(x,1)||^2
  4. `gradient_at_theta_plus`       grad L(theta^+) = (eps||(x,1)||^2 - y)(x, 1)
  5. `gradient_jump_norm`           ||grad L(theta^+) - grad L(theta^-)|| = |eps||(x,1)||^2 - y| ||(x,1)||
  6. `parameter_gap_norm`           ||theta^+ - theta^-|| = 2 eps ||(x,1)||
  7. `gradient_difference_ratio`    the ratio is |eps||(x,1)||^2 - y| / (2 eps)
  8. `ratio_limit_as_printed`       printed: ratio -> |y|/(2 eps) = +infinity
  9. `ratio_limit_eq_infinity_of_y_ne_0`  repaired: ratio -> +infinity as eps -> 0+
 10. `ratio_agrees_with_mirror`     closed form = independent mpmath ratio, eps down to 1e-30
 11. `no_global_L_witness`          for every L, explicit rational theta, theta' violate (3.3) (exact, 12 cases)
 12. `no_global_L_for_every_L`      the same construction with L, x, y, w0 symbolic: Z3 proves the violation
Review notes: step 8 writes a limit that still contains eps; the checker rejects
it and the repaired step 9 states the limit (+infinity) with the asymptotics.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import sympy as sp

from numeric.one_neuron import gradient_difference_ratio as mirror_ratio
from numeric.one_neuron import gradient_exact
from proofs import z3check
from proofs.engine import (Assumption, Check, Claim, Equality, Inequality, Limit, Necessity,
                           NumericAgreement, Parameter, StepResult, Witness, WitnessCheck)
from proofs.errors import AssumptionViolated
from proofs.steps import decide_nonnegative
from symbolic import one_neuron as m

ID = "katende.thm_1"
n_sq = m.x**2 + 1  # ||(x, 1)||^2
Y_NZ = sp.Symbol("y", real=True, nonzero=True)  # y under A2


def _ratio_printed() -> sp.Expr:
    return sp.Abs(m.epsilon * n_sq - m.y) / (2 * m.epsilon)


def _steps() -> list:
    minus, plus = m.boundary_pair()
    grad_active, grad_inactive = m.gradient(m.loss_on_active_side()), m.gradient(m.loss_on_inactive_side())
    jump = m.at(grad_active, plus) - m.at(grad_inactive, minus)
    return [
        Equality(label="gradient_on_active_side", latex=r"\nabla\mathcal L(\theta) = (s(\theta)-y)\,(x,1)^\top \quad (s(\theta)>0)",
                 lhs=grad_active, rhs=(m.preactivation() - m.y) * m.direction(),
                 justification="On s > 0, f = s and L = (s - y)^2 / 2; differentiate in (w, b)."),
        Equality(label="gradient_on_inactive_side", latex=r"\nabla\mathcal L(\theta) = (0,0)^\top \quad (s(\theta)<0)",
                 lhs=grad_inactive, rhs=sp.zeros(2, 1),
                 justification="On s < 0, f = 0 and L = y^2/2 is locally constant."),
        Equality(label="preactivation_of_boundary_pair",
                 latex=r"s(\theta^\pm(\varepsilon)) = \pm\varepsilon\,\|(x,1)\|^2",
                 lhs=sp.Matrix([m.at(m.preactivation(), minus), m.at(m.preactivation(), plus)]),
                 rhs=sp.Matrix([-m.epsilon * n_sq, m.epsilon * n_sq]),
                 justification="theta_0 = (w_0, -w_0 x) lies on s = 0 and s is affine with gradient (x, 1)."),
        Inequality(label="boundary_pair_straddles_boundary", latex=r"s(\theta^-(\varepsilon)) < 0",
                   lhs=m.at(m.preactivation(), minus), rhs=0, relation="<",
                   justification="eps > 0 and ||(x,1)||^2 >= 1, so theta^- is in the open region s < 0."),
        Equality(label="gradient_at_theta_plus", latex=r"\nabla\mathcal L(\theta^+(\varepsilon)) = (\varepsilon\|(x,1)\|^2-y)(x,1)^\top",
                 lhs=m.at(grad_active, plus), rhs=(m.epsilon * n_sq - m.y) * m.direction()),
        Equality(label="gradient_jump_norm",
                 latex=r"\|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\| = |\varepsilon\|(x,1)\|^2-y|\,\|(x,1)\|",
                 lhs=m.norm(jump), rhs=sp.Abs(m.epsilon * n_sq - m.y) * sp.sqrt(n_sq)),
        Equality(label="parameter_gap_norm", latex=r"\|\theta^+(\varepsilon)-\theta^-(\varepsilon)\| = 2\varepsilon\|(x,1)\|",
                 lhs=m.norm(plus - minus), rhs=2 * m.epsilon * sp.sqrt(n_sq)),
        Equality(label="gradient_difference_ratio",
                 latex=r"\frac{\|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\|}{\|\theta^+-\theta^-\|} = \frac{|\varepsilon\|(x,1)\|^2-y|}{2\varepsilon}",
                 lhs=m.norm(jump) / m.norm(plus - minus), rhs=_ratio_printed()),
        Limit(label="ratio_limit_as_printed", latex=r"\frac{|\varepsilon\|(x,1)\|^2-y|}{2\varepsilon} \to \frac{|y|}{2\varepsilon} = +\infty \quad (\varepsilon\downarrow 0)",
              expr=_ratio_printed(), var=m.epsilon, point=0, expected=sp.Abs(m.y) / (2 * m.epsilon),
              erratum="Notation erratum: the printed limit |y|/(2 eps) still depends on eps, so it is not a "
                      "limit; the intended chain is ratio ~ |y|/(2 eps) (asymptotic equivalence) and ratio -> "
                      "+infinity, both checked below. The conclusion is unaffected."),
        Limit(label="ratio_limit_eq_infinity_of_y_ne_0", repairs="ratio_limit_as_printed",
              latex=r"\lim_{\varepsilon\downarrow 0}\frac{|\varepsilon\|(x,1)\|^2-y|}{2\varepsilon} = +\infty \quad (y\neq 0)",
              expr=_ratio_printed().subs(m.y, Y_NZ), var=m.epsilon, point=0, expected=sp.oo,
              mirror=lambda p, eps: mirror_ratio(_frac(p[m.x]), _frac(p[Y_NZ]), _frac(eps)),
              justification="The numerator tends to |y| > 0 while the denominator tends to 0 from above."),
        Limit(label="ratio_asymptotic_to_abs_y_over_two_epsilon", printed=False,
              latex=r"\lim_{\varepsilon\downarrow 0}\frac{|\varepsilon\|(x,1)\|^2-y|/(2\varepsilon)}{|y|/(2\varepsilon)} = 1 \quad (y\neq 0)",
              expr=(_ratio_printed() / (sp.Abs(m.y) / (2 * m.epsilon))).subs(m.y, Y_NZ), var=m.epsilon, point=0, expected=1,
              parameters=[{m.x: sp.Rational(2), Y_NZ: sp.Rational(3)}, {m.x: sp.Rational(-1, 3), Y_NZ: sp.Rational(-5)}],
              justification="Symbolic in x and y != 0; the two (x, y) are the numeric cross-check's sample."),
        NumericAgreement(label="ratio_agrees_with_mirror", printed=False,
                         latex=r"\text{closed form} = \text{mpmath forward-mode ratio},\ \varepsilon = 10^{-1},\dots,10^{-30}",
                         closed_form=lambda p: _ratio_printed().subs({m.x: p[0], m.y: p[1], m.epsilon: p[2]}),
                         mirror=lambda p: mirror_ratio(_frac(p[0]), _frac(p[1]), _frac(p[2]), dps=80),
                         points=[(sp.Rational(x), sp.Rational(y), sp.Rational(1, 10**k))
                                 for (x, y) in ((2, 3), (-1, -5), (sp.Rational(1, 3), sp.Rational(7, 2))) for k in (1, 5, 15, 30)],
                         describe=lambda p: f"x={p[0]}, y={p[1]}, eps={p[2]}"),
        _witness_step(),
        Check(label="no_global_L_for_every_L", printed=False, role="statement",
              latex=r"\forall L>0,\,x,\,y\neq0,\,w_0:\ \|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\|^2 > "
                    r"L^2\|\theta^+-\theta^-\|^2,\ \varepsilon=\min\big(\tfrac{|y|}{2\|(x,1)\|^2},\tfrac{|y|}{8L}\big)",
              run_check=lambda: violation_for_every_L(boundary_pair_for),
              wrong_versions=[lambda: violation_for_every_L(_same_side_pair_for),
                              lambda: violation_for_every_L(_too_wide_pair_for)],
              justification="The witness construction of the next step, with L, x, y, w0 as symbols and the gradient "
                            "derived from the loss on the whole plane (relu' = Heaviside); the violation is piecewise "
                            "polynomial (Min, Abs, Heaviside), so Z3 decides it for every L at once."),
    ]


def _frac(value: Any) -> Fraction:
    value = sp.Rational(value)
    return Fraction(int(value.p), int(value.q))


# ---------------------------------------------------------------- the witness


def boundary_pair_for(L: Fraction, x: Fraction, y: Fraction, w0: Fraction = Fraction(0),
                      minimum=min) -> list[tuple[Fraction, Fraction]]:
    r"""Exact :math:`\theta^-,\theta^+` with ratio :math:`> L`: :math:`\varepsilon = \min(|y|/(2\|(x,1)\|^2), |y|/(8L))`.

    Then :math:`\varepsilon\|(x,1)\|^2 \le |y|/2`, so the ratio is at least
    :math:`|y|/(4\varepsilon) \ge 2L > L`.  With SymPy symbols and ``minimum=sp.Min``
    the same construction is the symbolic one :func:`violation_for_every_L` proves.
    """
    eps = minimum(abs(y) / (2 * (x * x + 1)), abs(y) / (8 * L))
    return [(w0 - eps * x, -w0 * x - eps), (w0 + eps * x, -w0 * x + eps)]


L_SYM = sp.Symbol("L", positive=True)


def relu_loss_gradient() -> sp.Matrix:
    r""":math:`\nabla\mathcal L` of :math:`\tfrac12(\max(s,0)-y)^2` on the whole plane, differentiated by SymPy
    (:math:`\sigma'=` Heaviside; its value at :math:`s=0` is never used: the pair has :math:`s=\pm\varepsilon\|(x,1)\|^2`).

    >>> relu_loss_gradient().T
    Matrix([[x*(-y + Max(0, b + w*x))*Heaviside(b + w*x), (-y + Max(0, b + w*x))*Heaviside(b + w*x)]])
    """
    return m.gradient((sp.Max(m.preactivation(), 0) - m.y) ** 2 / 2)


def violation_for_every_L(construct) -> StepResult:
    r""":math:`\|\nabla\mathcal L(\theta')-\nabla\mathcal L(\theta)\|^2 > L^2\|\theta'-\theta\|^2` for the pair
    ``construct(L, x, y, w0)`` with :math:`L>0`, :math:`x`, :math:`y\neq0`, :math:`w_0` symbols: decided by Z3
    over the whole domain (``proved``), else an exact countermodel."""
    (wm, bm), (wp, bp) = construct(L_SYM, m.x, Y_NZ, m.w0, minimum=sp.Min)
    grad = relu_loss_gradient().subs(m.y, Y_NZ)
    jump = m.at(grad, sp.Matrix([wp, bp])) - m.at(grad, sp.Matrix([wm, bm]))
    gap = sum(e**2 for e in jump) - L_SYM**2 * ((wp - wm) ** 2 + (bp - bm) ** 2)
    return decide_nonnegative(gap, strict=True)


def _same_side_pair_for(L, x, y, w0, minimum=min):
    # A wrong construction: both points on the active side, where the gradient is (1 + x^2)-Lipschitz.
    (wm, bm), (wp, bp) = boundary_pair_for(L, x, y, w0, minimum)
    return [(wp, bp), (2 * wp - w0, 2 * bp + w0 * x)]


def _too_wide_pair_for(L, x, y, w0, minimum=min):
    # A wrong construction: eps = |y|/(2 L) gives a ratio of about L/2 only.
    return boundary_pair_for(L / 4, x, y, w0, minimum)


def violates_smoothness(params: Mapping[str, Any], points) -> WitnessCheck:
    r"""Exact check of :math:`\|\Delta\nabla\mathcal L\|^2 > L^2\|\Delta\theta\|^2` with the
    gradients computed by the numeric mirror in rational arithmetic."""
    (wm, bm), (wp, bp) = points
    x, y, L = params["x"], params["y"], params["L"]
    gm, gp = gradient_exact(wm, bm, x, y), gradient_exact(wp, bp, x, y)
    lhs = sum((a - c) ** 2 for a, c in zip(gp, gm))
    rhs = L * L * ((wp - wm) ** 2 + (bp - bm) ** 2)
    return WitnessCheck(lhs=f"||grad L(theta') - grad L(theta)||^2 = {lhs}", rhs=f"L^2 ||theta' - theta||^2 = {rhs}", holds=lhs > rhs)


_CASES = [{"L": Fraction(L), "x": Fraction(x), "y": Fraction(y)}
          for L in (1, 10**6, 10**12, 10**100) for x, y in ((2, 3), (Fraction(-1, 3), -5), (Fraction(7, 5), Fraction(1, 9)))]


def _same_side_pair(p):
    (wm, bm), (wp, bp) = boundary_pair_for(p["L"], p["x"], p["y"])
    return [(wp, bp), (2 * wp, 2 * bp)]


def _witness_step() -> Witness:
    return Witness(label="no_global_L_witness", printed=False,
                   latex=r"\forall L>0\ \exists\,\theta,\theta':\ \|\nabla\mathcal L(\theta)-\nabla\mathcal L(\theta')\| > L\|\theta-\theta'\|",
                   construct=lambda p: boundary_pair_for(p["L"], p["x"], p["y"]), verify=violates_smoothness, cases=_CASES,
                   wrong_constructions=[_same_side_pair, lambda p: boundary_pair_for(Fraction(1, 100), p["x"], p["y"])])


# ---------------------------------------------------------------- assumptions


def _y_zero_gradient_is_lipschitz() -> StepResult:
    r"""With :math:`y=0`: :math:`\nabla\mathcal L = \sigma(s)(x,1)` on both regions, and
    :math:`\|\Delta\nabla\mathcal L\| = |\Delta\sigma(s)|\,\|(x,1)\| \le |\Delta s|\,\|(x,1)\|
    \le \|(x,1)\|^2\|\Delta\theta\|` (ReLU is 1-Lipschitz: Z3 for all real :math:`s, s'`; Cauchy-Schwarz
    via Lagrange's identity)."""
    s1, s2 = sp.symbols("s s'", real=True)
    dw, db = sp.symbols("Delta_w Delta_b", real=True)
    relu_ok = z3check.decide(sp.Abs(s1 - s2) - sp.Abs(sp.Max(s1, 0) - sp.Max(s2, 0)), ">=").outcome == "proved"
    active = sp.simplify(m.gradient(m.loss_on_active_side()).subs(m.y, 0) - m.preactivation() * m.direction()) == sp.zeros(2, 1)
    lagrange = sp.expand(n_sq * (dw**2 + db**2) - (m.x * dw + db) ** 2 - (m.x * db - dw) ** 2) == 0
    ok = relu_ok and active and lagrange
    return StepResult(ok, "symbolic", "z3+Lagrange-identity",
                      "y = 0: grad L = relu(s)(x,1), Lipschitz with constant 1 + x^2" if ok else "a case failed")


def _y_zero_wrong_constant() -> StepResult:
    # A wrong version: claim Lipschitz constant ||(x,1)|| instead of ||(x,1)||^2 — refuted at x = 2.
    ratio = _ratio_printed().subs({m.y: 0, m.x: 2})
    holds = sp.limit(ratio, m.epsilon, 0, "+") <= sp.sqrt(5)
    return StepResult(bool(holds), "symbolic", "limit", "ratio at y=0, x=2 tends to 5/2 > sqrt(5)")


def _assumptions() -> list[Assumption]:
    x_zero = Limit(label="ratio_unbounded_at_x_eq_0", printed=False, latex=r"x=0:\ \frac{|\varepsilon-y|}{2\varepsilon}\to+\infty",
                   expr=_ratio_printed().subs({m.x: 0, m.y: Y_NZ}), var=m.epsilon, point=0, expected=sp.oo)
    y_zero = Check(label="gradient_lipschitz_at_y_eq_0", printed=False,
                   latex=r"y=0:\ \|\nabla\mathcal L(\theta)-\nabla\mathcal L(\theta')\| \le (1+x^2)\|\theta-\theta'\|",
                   run_check=_y_zero_gradient_is_lipschitz, wrong_versions=[_y_zero_wrong_constant])
    return [
        Assumption("A1", "x != 0", r"x \neq 0", holds=lambda p: p.get("x", 1) != 0,
                   necessity=Necessity("superfluous", "The proof never uses x != 0: with x = 0 the pair theta0 +- eps(0,1) "
                                       "still straddles b = 0 and the ratio |eps - y|/(2 eps) still tends to +infinity.", x_zero)),
        Assumption("A2", "y != 0", r"y \neq 0", holds=lambda p: p.get("y", 1) != 0,
                   necessity=Necessity("necessary", "With y = 0 the loss is relu(s)^2/2, whose gradient relu(s)(x,1) is "
                                       "globally Lipschitz with constant 1 + x^2: the conclusion fails.", y_zero)),
    ]


# ---------------------------------------------------------------- command line


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    values = {m.x: sp.Rational(params["x"]), m.y: sp.Rational(params["y"])}
    minus, plus = m.boundary_pair()
    return {
        "theta_minus": str(minus.subs(m.w0, 0).subs(values).T.tolist()[0]),
        "theta_plus": str(plus.subs(m.w0, 0).subs(values).T.tolist()[0]),
        "gradient_minus": str(m.at(m.gradient(m.loss_on_inactive_side()), minus).subs(values).T.tolist()[0]),
        "gradient_plus": str(sp.factor(m.at(m.gradient(m.loss_on_active_side()), plus).subs(values)).T.tolist()[0]),
        "ratio": str(sp.simplify(m.gradient_difference_ratio().subs(values))),
        "ratio_limit": str(sp.limit(m.gradient_difference_ratio().subs(values), m.epsilon, 0, "+")),
    }


def _witness(params: dict[str, Any]) -> dict[str, Any]:
    L = params["L"]
    if L <= 0:
        raise AssumptionViolated(ID, "L", "L > 0", {"L": L})
    points = boundary_pair_for(L, params["x"], params["y"], params.get("w0", Fraction(0)))
    check = violates_smoothness(params, points)
    return {"constants": {"L": str(L)}, "points": [[str(c) for c in pt] for pt in points],
            "check": {"lhs": check.lhs, "rhs": check.rhs, "holds": check.holds}}


def theorem() -> Claim:
    r"""Katende Theorem 1 with its printed proof, step by step."""
    return Claim(
        id=ID, paper="katende", label="Theorem 1", section="3.2",
        title="Failure of global L-smoothness for ReLU parameterizations",
        statement=r"Fix any $x \neq 0$ and any $y \neq 0$. For $\mathcal L(\theta)=\frac12(\sigma(wx+b)-y)^2$ "
                  r"there is no finite $L$ such that $\|\nabla\mathcal L(\theta)-\nabla\mathcal L(\theta')\| \le L\|\theta-\theta'\|$ "
                  r"for all $\theta,\theta' \in \mathbb R^2$.",
        reference="Katende, Why smooth stability assumptions fail for ReLU learning, Sec. 3.2, Theorem 1",
        assumptions=_assumptions(), steps=_steps(),
        parameters=[Parameter("x", "rational", Fraction(2), "the datum's input"),
                    Parameter("y", "rational", Fraction(3), "the datum's target"),
                    Parameter("L", "rational", Fraction(10**12), "the candidate Lipschitz constant (witness)"),
                    Parameter("w0", "rational", Fraction(0), "boundary point theta0 = (w0, -w0 x) (witness)")],
        derive=_derive, witness=_witness,
        notes=["Assumption x != 0 is never used by the proof; the theorem holds for x = 0 as well (checked).",
               "The closing display writes a 'limit' |y|/(2 eps) that still contains eps; the conclusion "
               "(ratio -> +infinity) is right and is checked from both the closed form and the independent mirror."],
    )
