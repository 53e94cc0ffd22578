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
  (3.3) and its gloss 'equivalently: grad L is globally Lipschitz (and the Hessian exists a.e. and is
  uniformly bounded in operator norm when interpreted classically)', three readings:
  0a. `hessian_on_each_region`        (x,1)(x,1)^T on s > 0, 0 on s < 0
  0b. `loss_not_differentiable_on_boundary`  y != 0: one-sided slopes -y(1+x^2) and 0 on s = 0
  0c. `ae_hessian_norm_at_most_one_plus_x_squared`  sup of ||Hessian|| where it exists = 1 + x^2
  0d. `lipschitz_gradient_equivalent_to_bounded_hessian_as_printed`  reading 'equivalence': refuted by
      the paper's own loss (bounded a.e. Hessian, gradient not Lipschitz)
  0e. `lipschitz_gradient_implies_bounded_ae_hessian`  reading 'consequence' (repair, cited: Rademacher)
  0f. `lipschitz_gradient_equivalent_to_bounded_hessian_for_C2`  reading 'classical-C2' (cited; not
      applicable to this loss)
  Theorem 1:
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
 13. `no_classical_hessian_bound`   'hence ... in the classical smooth sense': reading 'classical-C2' (L not
                                    C^1 on s = 0, gradient not Lipschitz); on the reading 'almost-everywhere'
                                    the bound holds (0c), so that reading would make the clause false
Review notes: step 8 writes a limit that still contains eps; the checker rejects
it and the repaired step 9 states the limit (+infinity) with the asymptotics.  The gloss of (3.3) is
an equivalence only for C^2 losses; the paper's own loss has a bounded a.e. Hessian and no Lipschitz
gradient, so read as printed ('equivalently') it is refuted (0d) and repaired by the one-way
implication (0e).  Thm 1's 'hence' clause is true in the classical (C^2) sense it names, false if read
with the a.e. Hessian (reading-dependent; no erratum).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import sympy as sp

from numeric.one_neuron import gradient_difference_ratio as mirror_ratio
from numeric.one_neuron import gradient_exact
from proofs import z3check
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Inequality, Limit, Necessity,
                           NumericAgreement, Parameter, Reading, StepResult, Witness, WitnessCheck)
from proofs.errors import AssumptionViolated
from proofs.katende import figures
from proofs.katende.one_neuron import (Y_NZ, ae_hessian_sup, boundary_pair_for, lipschitz_fails_for_every_L,
                                        region_hessians, same_side_pair_for, too_wide_pair_for, violation_for_every_L)
from proofs.steps import decide_nonnegative
from proofs.values import check_digits
from symbolic import one_neuron as m

ID = "katende.thm_1"
n_sq = m.x**2 + 1  # ||(x, 1)||^2


def _ratio_printed() -> sp.Expr:
    return sp.Abs(m.epsilon * n_sq - m.y) / (2 * m.epsilon)


V = m.direction()


def one_sided_slopes(y_value: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    r"""The right and left derivatives of :math:`\varepsilon\mapsto\mathcal L(\theta_0+\varepsilon(x,1))` at
    :math:`\varepsilon=0`, at a generic boundary point :math:`\theta_0`, from the region losses.

    >>> one_sided_slopes(m.y)
    (-y*(x**2 + 1), 0)
    """
    e = sp.Symbol("e", real=True)
    moved = m.boundary_point() + e * V
    right, left = (sp.diff(m.at(loss, moved).subs(m.y, y_value), e).subs(e, 0)
                   for loss in (m.loss_on_active_side(), m.loss_on_inactive_side()))
    return sp.factor(right), sp.factor(left)


def not_differentiable_on_boundary(y_value: sp.Expr) -> StepResult:
    r"""The one-sided slopes along :math:`(x,1)` differ at every boundary point, for every :math:`x` (Z3): then
    :math:`\mathcal L` is not differentiable on :math:`s=0`, so not :math:`C^1`, let alone :math:`C^2`."""
    right, left = one_sided_slopes(y_value)
    verdict = decide_nonnegative((right - left) ** 2, strict=True)
    ok = verdict.proved
    return StepResult(ok, "symbolic", "z3", f"right slope {right}, left slope {left}: they differ everywhere: {ok}",
                      engines=verdict.engines, counterexample=None if ok else verdict.counterexample or verdict.detail,
                      values={} if ok else verdict.values)


def equivalence_on(y_value: sp.Expr) -> StepResult:
    r"""The reading 'equivalence' on the paper's own loss: (3.3) for some :math:`L` iff the Hessian exists
    a.e. and is uniformly bounded.  Right side: the Hessian exists off the line :math:`s=0` (a polynomial
    on each open half-plane) with norm at most :func:`ae_hessian_sup`, for every :math:`y`.  Left side: false
    for :math:`y\neq0` (Z3, for every :math:`L`), true for :math:`y=0` (constant :math:`1+x^2`)."""
    bound = ae_hessian_sup()
    if sp.simplify(bound - n_sq) != 0:
        return StepResult(False, "symbolic", "exact", f"the a.e. Hessian bound is {bound}, not 1 + x^2")
    lipschitz = _y_zero_gradient_is_lipschitz() if y_value == 0 else lipschitz_fails_for_every_L()
    holds_33 = y_value == 0  # (3.3) holds at y = 0 (L = 1 + x^2) and fails for every L at y != 0, both proved
    if not lipschitz.proved:  # at y = 0 the Lipschitz proof, else its failure for every L: undecided without it
        return StepResult(False, "undecided", "z3", f"(3.3) could not be decided: {lipschitz.detail}")
    if holds_33:
        return StepResult(True, "symbolic", "exact+z3",
                          f"y = {y_value}: (3.3) holds with L = 1 + x^2 and the a.e. Hessian norm is <= {bound}: both sides true")
    return StepResult(False, "symbolic", "exact+z3",
                      f"for every x and y != 0: ||Hessian|| <= {bound} wherever it exists, yet (3.3) fails for every L",
                      counterexample=r"$\mathcal{L} = (\sigma(wx + b) - y)^2/2$ with $y \neq 0$: the Hessian is "
                                     r"$(x,1)(x,1)^\top$ on $s > 0$ and $0$ on $s < 0$, of norm at most ${hessian_sup}$ off the "
                                     r"line $s = 0$, yet $\nabla\mathcal{L}$ is not Lipschitz (Z3, for every $L$)",
                      engines=("sympy", "z3"), values={"hessian_sup": bound})


def no_classical_hessian_bound(y_value: sp.Expr) -> StepResult:
    r"""Thm 1's 'hence' on the reading 'classical-C2': the loss is not :math:`C^1` on :math:`s=0`, so no classical
    (pointwise, :math:`C^2`) Hessian bound on :math:`\mathbb R^2` is available, and (Thm 1, Z3) the gradient is
    not Lipschitz, so no such bound could hold for a :math:`C^2` modification either (mean value theorem)."""
    kink = not_differentiable_on_boundary(y_value)
    if not kink.ok:
        return kink
    lipschitz = lipschitz_fails_for_every_L()
    ok = lipschitz.proved
    return StepResult(ok, "symbolic", "z3", f"{kink.detail}; gradient not globally Lipschitz: {ok}", engines=("z3",))


def _steps() -> list:
    minus, plus = m.boundary_pair()
    grad_active, grad_inactive = m.gradient(m.loss_on_active_side()), m.gradient(m.loss_on_inactive_side())
    jump = m.at(grad_active, plus) - m.at(grad_inactive, minus)
    return [
        Equality(label="hessian_on_each_region", printed=False,
                 latex=r"\nabla^2\mathcal L=(x,1)(x,1)^\top\ (s>0),\qquad \nabla^2\mathcal L=0\ (s<0)",
                 lhs=region_hessians, rhs=sp.Matrix.vstack(V * V.T, sp.zeros(2, 2)),
                 justification="Each open half-plane: the loss is a polynomial there; differentiate twice."),
        Check(label="loss_not_differentiable_on_boundary", printed=False,
              latex=r"y\neq0:\ \partial^+_{(x,1)}\mathcal L(\theta_0)=-y(1+x^2)\neq0=\partial^-_{(x,1)}\mathcal L(\theta_0)\quad(s(\theta_0)=0)",
              run_check=lambda: not_differentiable_on_boundary(Y_NZ), wrong_versions=[lambda: not_differentiable_on_boundary(0)],
              justification="So the Hessian exists exactly off the line s = 0 (a null set), and L is not C^1 there."),
        Equality(label="ae_hessian_norm_at_most_one_plus_x_squared", printed=False, reading="almost-everywhere",
                 latex=r"\sup\{\|\nabla^2\mathcal L(\theta)\|:\ \nabla^2\mathcal L(\theta)\ \text{exists}\}=1+x^2",
                 lhs=ae_hessian_sup, rhs=n_sq,
                 justification="The larger region norm (eigenvalues 0 and 1 + x^2; and 0). On the reading "
                               "'almost-everywhere' the a.e. Hessian IS uniformly bounded, for every y."),
        Check(label="lipschitz_gradient_equivalent_to_bounded_hessian_as_printed", reading="equivalence",
              latex=r"(3.3)\iff\nabla\mathcal L\ \text{globally Lipschitz}\iff\nabla^2\mathcal L\ \text{exists a.e. and}\ \sup\|\nabla^2\mathcal L\|<\infty",
              run_check=lambda: equivalence_on(Y_NZ),
              justification="'equivalently: grad L is globally Lipschitz (and the Hessian exists a.e. and is uniformly "
                            "bounded in operator norm when interpreted classically)', checked on the paper's own loss.",
              erratum=r"On the reading 'equivalence' (the parenthetical is part of what is equivalent to ({=3.3})) the "
                      r"gloss is false, and the paper's own loss refutes it: for every $x$ and $y \neq 0$ the Hessian exists "
                      r"off the line $s = 0$ with operator norm at most ${hessian_sup}$, yet ({=3.3}) fails for every $L$ "
                      r"(Theorem 1, Z3). Only the one-way implication holds (reading 'consequence', the repair); on the "
                      r"reading 'classical-C2' the equivalence holds but does not apply to this loss, which is not "
                      r"differentiable on $s = 0$. Reading-dependent: false on one of three readings."),
        Cited(label="lipschitz_gradient_implies_bounded_ae_hessian", repairs="lipschitz_gradient_equivalent_to_bounded_hessian_as_printed",
              reading="consequence",
              latex=r"(3.3)\Rightarrow\nabla^2\mathcal L\ \text{exists a.e. and}\ \|\nabla^2\mathcal L(\theta)\|\le L\ \text{wherever it exists}",
              reference="Rademacher's theorem (a Lipschitz map is differentiable a.e.); where the Hessian exists, "
                        "||Hd|| = lim ||grad L(theta + td) - grad L(theta)||/t <= L||d||. The converse fails (previous step)."),
        Cited(label="lipschitz_gradient_equivalent_to_bounded_hessian_for_C2", reading="classical-C2",
              latex=r"\mathcal L\in C^2:\ (3.3)\iff\sup_\theta\|\nabla^2\mathcal L(\theta)\|\le L",
              reference="mean value theorem along segments (=>: difference quotients; <=: grad L(theta') - grad L(theta) "
                        "= int_0^1 Hessian d). The paper's loss is not C^1 (loss_not_differentiable_on_boundary), so on "
                        "this reading the clause is true and says nothing about it."),
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
              erratum=r"Notation erratum: the printed limit $|y|/(2\varepsilon)$ still depends on $\varepsilon$, so it is "
                      r"not a limit; the intended chain is $r(\varepsilon) \sim |y|/(2\varepsilon)$ (asymptotic "
                      r"equivalence) and $r(\varepsilon) \to +\infty$ as $\varepsilon \downarrow 0$, both checked below, where "
                      r"$r(\varepsilon) := |\varepsilon\|(x,1)\|^2 - y|/(2\varepsilon)$ is the gradient-difference ratio. "
                      r"The conclusion is unaffected."),
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
              run_check=lipschitz_fails_for_every_L,
              wrong_versions=[lambda: violation_for_every_L(same_side_pair_for),
                              lambda: violation_for_every_L(too_wide_pair_for)],
              justification="The witness construction of the next step, with L, x, y, w0 as symbols and the gradient "
                            "derived from the loss on the whole plane (relu' = Heaviside); the violation is piecewise "
                            "polynomial (Min, Abs, Heaviside), so Z3 decides it for every L at once."),
        Check(label="no_classical_hessian_bound", role="statement", reading="classical-C2",
              latex=r"\text{hence no uniform bound on }\|\nabla^2\mathcal L(\theta)\|\text{ in the classical smooth sense holds globally}",
              run_check=lambda: no_classical_hessian_bound(Y_NZ), wrong_versions=[lambda: no_classical_hessian_bound(0)],
              justification="'hence any argument that requires a uniform bound on ||Hessian|| in the classical smooth sense "
                            "cannot be valid globally': L is not C^1 on s = 0 and its gradient is not Lipschitz. On the "
                            "reading 'almost-everywhere' the bound holds (1 + x^2, step ae_hessian_norm_at_most_one_plus_x_squared): "
                            "what fails there is the step from that bound to a Lipschitz gradient."),
    ]


def _frac(value: Any) -> Fraction:
    value = sp.Rational(value)
    return Fraction(int(value.p), int(value.q))


# ---------------------------------------------------------------- the witness


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
                      "y = 0: grad L = relu(s)(x,1), Lipschitz with constant 1 + x^2" if ok else "a case failed",
                      values={"constant": n_sq})


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
                   necessity=Necessity("superfluous", r"The proof never uses $x \neq 0$: with $x = 0$ the pair "
                                       r"$\theta_0 \pm \varepsilon(0, 1)$ still straddles $b = 0$ and the ratio "
                                       r"$|\varepsilon - y|/(2\varepsilon)$ still tends to $+\infty$.", x_zero)),
        Assumption("A2", "y != 0", r"y \neq 0", holds=lambda p: p.get("y", 1) != 0,
                   necessity=Necessity("necessary", r"With $y = 0$ the loss is $\mathrm{relu}(s)^2/2$, $s = wx + b$, whose "
                                       r"gradient $\mathrm{relu}(s)\,(x, 1)$ is globally Lipschitz with constant ${constant}$: "
                                       r"the conclusion fails.", y_zero)),
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


#: Digits of an input of the exact witness: its points and squared norms have about ten times as many.
MAX_WITNESS_DIGITS = 100


def _witness(params: dict[str, Any]) -> dict[str, Any]:
    L = params["L"]
    if L <= 0:
        raise AssumptionViolated(ID, "L", "L > 0", {"L": L})
    check_digits(params, ("x", "y", "L", "w0"), MAX_WITNESS_DIGITS, "the exact witness")
    points = boundary_pair_for(L, params["x"], params["y"], params.get("w0", Fraction(0)))
    check = violates_smoothness(params, points)
    return {"constants": {"L": str(L)}, "points": [[str(c) for c in pt] for pt in points],
            "check": {"lhs": check.lhs, "rhs": check.rhs, "holds": check.holds}}


GLOSS = ("Sec. 3.1 after (3.3): 'equivalently: grad L is globally Lipschitz (and the Hessian exists a.e. and is uniformly "
         "bounded in operator norm when interpreted classically)'")
HENCE = ("Thm 1, sentence 3: 'hence any argument that requires a uniform bound on ||grad^2 L(theta)|| in the classical "
         "smooth sense cannot be valid globally'")


def _readings() -> list[Reading]:
    return [
        Reading("equivalence", r"the parenthetical is part of the equivalence: (3.3) holds iff the Hessian exists a.e. "
                r"and is uniformly bounded", GLOSS + "; 'equivalently' governs the whole sentence"),
        Reading("consequence", r"the parenthetical is a consequence of (3.3): an $L$-Lipschitz gradient has an a.e. "
                r"Hessian of norm $\le L$ (Rademacher)", GLOSS + "; the parenthesis read as an aside"),
        Reading("classical-C2", r"'interpreted classically' / 'in the classical smooth sense' restricts to $C^2$ losses, "
                r"for which (3.3) holds iff $\sup_\theta\|\nabla^2\mathcal{L}(\theta)\| \le L$", GLOSS + "; " + HENCE),
        Reading("almost-everywhere", r"the Hessian bound is a bound on the pointwise Hessian $\nabla^2\mathcal{L}(\theta)$ "
                r"wherever it exists (a.e.)", HENCE + "; 'exists a.e.' in the gloss"),
    ]


def theorem() -> Claim:
    r"""Katende Theorem 1 with its printed proof, step by step."""
    return Claim(
        id=ID, paper="katende", label="Theorem 1", section="3.2",
        title="Failure of global L-smoothness for ReLU parameterizations",
        statement=r"Fix any $x \neq 0$ and any $y \neq 0$. For $\mathcal L$ defined by (3.1)-(3.2), there is no finite $L$ such "
                  r"that (3.3) $\|\nabla\mathcal L(\theta)-\nabla\mathcal L(\theta')\| \le L\|\theta-\theta'\|$ holds on $\mathbb R^2$. "
                  r"In particular, $\theta\mapsto\nabla\mathcal L(\theta)$ is not globally Lipschitz, hence any argument that requires a "
                  r"uniform bound on $\|\nabla^2\mathcal L(\theta)\|$ in the classical smooth sense cannot be valid globally. "
                  r"[(3.3) is glossed in Sec. 3.1: equivalently, $\nabla\mathcal L$ is globally Lipschitz (and the Hessian exists a.e. "
                  r"and is uniformly bounded in operator norm when interpreted classically).]",
        reference="Katende, Why smooth stability assumptions fail for ReLU learning, Sec. 3.1 (3.3) and its gloss, Sec. 3.2, Theorem 1",
        readings=_readings(),
        assumptions=_assumptions(), steps=_steps(),
        parameters=[Parameter("x", "rational", Fraction(2), "the datum's input"),
                    Parameter("y", "rational", Fraction(3), "the datum's target"),
                    Parameter("L", "rational", Fraction(10**12), "the candidate Lipschitz constant (witness)"),
                    Parameter("w0", "rational", Fraction(0), "boundary point theta0 = (w0, -w0 x) (witness)")],
        derive=_derive, witness=_witness, figures=figures.figures_thm_1, plot=figures.plot_thm_1,
        notation=("ratio_limit_as_printed",),  # "Notation erratum": a limit written for an asymptotic
        notes=[r"Assumption $x \neq 0$ is never used by the proof; the theorem holds for $x = 0$ as well (checked).",
               r"Readings of the Hessian clauses. The gloss of ({=3.3}) is false as an equivalence (the paper's loss has "
               r"$\|\nabla^2\mathcal{L}(\theta)\| \le 1 + x^2$ wherever it exists and no Lipschitz gradient), true as a "
               r"consequence and, for $C^2$ losses, as an equivalence. Theorem 1's 'hence' clause is true in the classical "
               r"$C^2$ sense (the loss is not even $C^1$ on $s = 0$), and would be false read with the a.e. Hessian, which "
               r"is uniformly bounded: what Theorem 1 refutes is the step from an a.e. Hessian bound to a Lipschitz "
               r"gradient.",
               r"The closing display writes a 'limit' $|y|/(2\varepsilon)$ that still contains $\varepsilon$; the "
               r"conclusion (the ratio tends to $+\infty$) is right and is checked from both the closed form and the "
               r"independent mirror."],
    )
