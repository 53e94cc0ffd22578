r"""Katende (2025), §1 ¶3: the obstruction 'arises from activation boundary crossings', which are
'dynamically unavoidable along generic gradient-based training trajectories' [7].

Reference: [Katende2025, §1 ¶3, sentences 3-4; the models (3.1)-(3.2) and §2 f = W_2 sigma(W_1 x)]

Statement:   The obstruction is structural rather than technical and arises from activation
             boundary crossings inherent to piecewise-linear nonlinearities.  Although such
             crossings occur on sets of measure zero in parameter space, they are dynamically
             unavoidable along generic gradient-based training trajectories.
Readings:    'arises from': crossings are *a* mechanism (true) / the *only* mechanism (true for
             the one-neuron model (3.1), false for the §2 two-layer model);
             'generic': crossings happen along almost every trajectory (false in the paper's own
             model: y > 0, 0 < eta(1+x^2) <= 1 never crosses) / along every trajectory of an open
             set of initializations and data (true: y < 0).
Symbols:     s = wx + b, n = 1 + x^2, c = 1 - eta n, T(theta) = theta - eta grad L(theta)
Proof outline:
  1. `crossing_pairs_break_lipschitz`       reading 'a-mechanism': for every L a pair across s = 0 violates (3.3) (Z3)
  2. `one_neuron_gradient_lipschitz_within_active_region`  reading 'only-mechanism', model (3.1): on s > 0,
                                            n^2||d||^2 - ||Delta grad L||^2 = n (x d_b - d_w)^2 >= 0 (exact)
  3. `two_layer_hessian_entry_inside_one_region`  §2 model f = a sigma(w x), region w x > 0: d^2L/dw^2 = a^2 x^2
  4. `two_layer_not_lipschitz_inside_one_region`  for every L an exact same-region pair violating (3.3) (Z3)
  5. `gd_residual_recursion`                (3.1)-(3.2), s > 0: s(T(theta)) - y = (1 - eta n)(s - y)
  6. `gd_fixed_on_inactive_side`            s < 0: T(theta) = theta
  7. `no_crossing_for_positive_target`      reading 'almost-every': y > 0, 0 < eta n <= 1: s_t > 0 => s_{t+1} > 0
                                            (Z3 induction step): no trajectory from s_0 != 0 ever crosses
  8. `crossing_for_negative_target`         reading 'open-set': y < 0, 1/2 < eta n <= 1, 0 < s_0 <= |y|: s_1 < 0 (Z3)
Review notes: both sentences are reading-dependent, not errata.  On the reading 'almost-every' the
second is false in the paper's own model, on an open set of parameters, data and step sizes (step 7);
the citation [7] (Lee et al., gradient descent avoids saddle points) is about saddles, not crossings.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs import z3check
from proofs.engine import Check, Claim, Equality, Reading, StepResult
from proofs.katende import figures
from proofs.katende.one_neuron import lipschitz_fails_for_every_L, same_side_pair_for, violation_for_every_L
from proofs.katende.two_layer import A, W, X1, two_layer_loss_on_active_region
from symbolic import one_neuron as m
from symbolic import relu_network as r

ID = "katende.intro_crossings"
N = 1 + m.x**2
V = m.direction()
ETA = sp.Symbol("eta", positive=True)
SENTENCES = "Sec. 1, paragraph 3, sentences 3-4"


# ---------------------------------------------------------------- 'arises from activation boundary crossings'


def active_gradient_at(theta: sp.Matrix) -> sp.Matrix:
    r""":math:`\nabla\mathcal L` of the one-neuron loss on :math:`\{s>0\}` at ``theta`` (differentiated)."""
    return m.at(m.gradient(m.loss_on_active_side()), theta)


def lagrange_gap() -> sp.Expr:
    r""":math:`n^2\|d\|^2-\|\nabla\mathcal L(\theta+d)-\nabla\mathcal L(\theta)\|^2` on :math:`\{s>0\}`,
    computed from the region gradient (both points in the open half-plane)."""
    d = sp.Matrix(sp.symbols("d_w d_b", real=True))
    theta = sp.Matrix(m.THETA)
    jump = active_gradient_at(theta + d) - active_gradient_at(theta)
    return sp.expand(N**2 * (d.T * d)[0] - (jump.T * jump)[0])


def two_layer_region_gradient(a_value, w_value, x_value) -> sp.Matrix:
    r""":math:`(\partial_a\mathcal L,\partial_w\mathcal L)` on :math:`wx>0` at the given values."""
    loss = two_layer_loss_on_active_region()
    return sp.Matrix([sp.diff(loss, v) for v in (A, W)]).subs({A: a_value, W: w_value, X1: x_value}, simultaneous=True)


L_SYM = sp.Symbol("L", positive=True)
H_SYM = sp.Symbol("h", positive=True)


def same_region_violation(weight) -> StepResult:
    r"""For every :math:`L>0`, :math:`y` and :math:`h>0`: the pair :math:`(a,w)=(A,1)`, :math:`(A,1+h)` with
    :math:`A=` ``weight(L)`` and :math:`x=1` lies in the open region :math:`wx>0` and has
    :math:`\|\Delta\nabla\mathcal L\|^2>L^2\|\Delta\theta\|^2` (Z3, whole domain)."""
    a_value = weight(L_SYM)
    jump = two_layer_region_gradient(a_value, 1 + H_SYM, 1) - two_layer_region_gradient(a_value, 1, 1)
    gap = sp.expand((jump.T * jump)[0] - L_SYM**2 * H_SYM**2)
    verdict = z3check.decide(gap, ">")
    ok = verdict.outcome == "proved"
    return StepResult(ok, "symbolic", "z3", f"same-region pair (a, w) = ({a_value}, 1), ({a_value}, 1 + h), x = 1: "
                      f"||Delta grad L||^2 > L^2 h^2: {verdict.outcome}", engines=("z3",) if ok else (),
                      counterexample=None if ok else r"with $a = {weight}$ the pair $(a, 1)$, $(a, 1 + h)$ at $x = 1$ has "
                                                     r"$\|\Delta\nabla\mathcal{L}\|^2 \le L^2h^2$ at {point}",
                      values={"weight": a_value} if ok else {"weight": a_value, "point": dict(verdict.point or {})})


# ---------------------------------------------------------------- 'unavoidable along generic trajectories'


def update_map_on_active_side() -> sp.Matrix:
    r""":math:`T(\theta)=\theta-\eta\nabla\mathcal L(\theta)` on :math:`\{s>0\}`."""
    return sp.Matrix(m.THETA) - ETA * m.gradient(m.loss_on_active_side())


def residual_after_one_step() -> sp.Expr:
    r""":math:`s(T(\theta))-y`, from the update map (not from the recursion it is compared with)."""
    return sp.expand(m.at(m.preactivation(), update_map_on_active_side()) - m.y)


S_T, Y_SYM, C_SYM = sp.Symbol("s_t", real=True), sp.Symbol("y", real=True), sp.Symbol("c", real=True)


def one_step_keeps_sign(target_sign: int) -> StepResult:
    r"""Induction step of 'no crossing': :math:`0\le c<1` (i.e. :math:`0<\eta n\le1`), ``target_sign``
    :math:`\cdot y>0` and :math:`s_t>0` imply :math:`s_{t+1}=cs_t+(1-c)y>0` (Z3, whole domain)."""
    premises = sp.And(C_SYM >= 0, C_SYM < 1, target_sign * Y_SYM > 0, S_T > 0)
    verdict = z3check.decide(sp.Piecewise((C_SYM * S_T + (1 - C_SYM) * Y_SYM, premises), (1, True)), ">")
    ok = verdict.outcome == "proved"
    return StepResult(ok, "symbolic", "induction+z3",
                      f"y {'>' if target_sign > 0 else '<'} 0, 0 <= c < 1, s_t > 0 => s_(t+1) > 0: {verdict.outcome}; "
                      "with s < 0 => T(theta) = theta, no trajectory from s_0 != 0 crosses s = 0",
                      engines=("z3",) if ok else (),
                      counterexample=None if ok else r"$s_{t+1} = c\,s_t + (1 - c)\,y \le 0$ at {point}, where "
                                                     r"$c := 1 - \eta(1 + x^2)$",
                      values={} if ok else {"point": dict(verdict.point or {})})


def one_step_crossing(c_range: tuple) -> StepResult:
    r"""An open set of crossings: :math:`y<0`, :math:`c\in` ``c_range`` (:math:`c=1-\eta n`), :math:`0<s_0\le|y|`
    imply :math:`s_1=cs_0+(1-c)y<0` (Z3, whole domain)."""
    lo, hi = c_range
    premises = sp.And(C_SYM >= lo, C_SYM < hi, Y_SYM < 0, S_T > 0, S_T <= -Y_SYM)
    verdict = z3check.decide(sp.Piecewise((-(C_SYM * S_T + (1 - C_SYM) * Y_SYM), premises), (1, True)), ">")
    ok = verdict.outcome == "proved"
    return StepResult(ok, "symbolic", "z3", f"y < 0, {lo} <= c < {hi}, 0 < s_0 <= |y| => s_1 < 0: {verdict.outcome}",
                      engines=("z3",) if ok else (),
                      counterexample=None if ok else r"$s_1 = c\,s_0 + (1 - c)\,y \ge 0$ at {point} (with $s_t$ for $s_0$), "
                                                     r"where $c := 1 - \eta(1 + x^2)$",
                      values={} if ok else {"point": dict(verdict.point or {})})


def trajectory(theta0: tuple[Fraction, Fraction], x: Fraction, y: Fraction, eta: Fraction, steps: int) -> list:
    r"""Exact gradient descent on (3.1)-(3.2) (:math:`\sigma'(0)` never needed: the preactivations met are nonzero).

    >>> [w + b for w, b in trajectory((Fraction(1), Fraction(1)), Fraction(1), Fraction(1), Fraction(1, 4), 3)]
    [Fraction(2, 1), Fraction(3, 2), Fraction(5, 4), Fraction(9, 8)]
    """
    out = [theta0]
    for _ in range(steps):
        w, b = out[-1]
        s = w * x + b
        if s == 0:
            raise ValueError("the trajectory met the boundary s = 0")
        out.append((w - eta * (s - y) * x, b - eta * (s - y)) if s > 0 else (w, b))
    return out


def _steps() -> list:
    d = sp.Matrix(sp.symbols("d_w d_b", real=True))
    return [
        Check(label="crossing_pairs_break_lipschitz", role="statement", reading="a-mechanism",
              latex=r"\forall L>0:\ \theta^\pm=\theta_0\pm\varepsilon(x,1)\ \text{across } s=0 \text{ violate (3.3)}",
              run_check=lipschitz_fails_for_every_L, wrong_versions=[lambda: violation_for_every_L(same_side_pair_for)],
              justification="Theorem 1's construction (katende.thm_1), decided by Z3 for every L, x, y != 0."),
        Equality(label="one_neuron_gradient_lipschitz_within_active_region", printed=False, reading="only-mechanism",
                 latex=r"s>0:\ (1+x^2)^2\|d\|^2-\|\nabla\mathcal L(\theta+d)-\nabla\mathcal L(\theta)\|^2=(1+x^2)(x\,d_b-d_w)^2\ge0",
                 lhs=lagrange_gap, rhs=N * (m.x * d[1] - d[0]) ** 2,
                 justification="So on s > 0 the gradient is (1 + x^2)-Lipschitz, and on s < 0 it is constant: for the "
                               "one-neuron model every violation of (3.3) crosses the boundary."),
        Equality(label="two_layer_hessian_entry_inside_one_region", printed=False, reading="only-mechanism",
                 latex=r"f=a\,\sigma(wx),\ wx>0:\ \partial^2\mathcal L/\partial w^2=a^2x^2",
                 lhs=lambda: sp.diff(two_layer_loss_on_active_region(), W, 2), rhs=A**2 * X1**2,
                 justification="Unbounded in a inside the single region wx > 0: polynomial growth, no crossing."),
        Check(label="two_layer_not_lipschitz_inside_one_region", printed=False, reading="only-mechanism",
              latex=r"\forall L>0:\ (a,w)=(L+1,1),\,(L+1,1+h),\ x=1:\ \|\Delta\nabla\mathcal L\|>L\|\Delta\theta\|,\ \text{both in } wx>0",
              run_check=lambda: same_region_violation(lambda L: L + 1),
              wrong_versions=[lambda: same_region_violation(lambda L: sp.Rational(1, 2))],
              justification="For the Sec. 2 model (3.3) fails inside one activation region: on the reading 'only-mechanism' "
                            "the sentence is false there."),
        Equality(label="gd_residual_recursion", printed=False,
                 latex=r"s(\theta)>0:\ s(T(\theta))-y=(1-\eta(1+x^2))\,(s(\theta)-y)",
                 lhs=residual_after_one_step, rhs=sp.expand((1 - ETA * N) * (m.preactivation() - m.y)),
                 justification="Hence s_t - y = (1 - eta n)^t (s_0 - y) while the trajectory stays in s > 0."),
        Equality(label="gd_fixed_on_inactive_side", printed=False, latex=r"s(\theta)<0:\ T(\theta)=\theta",
                 lhs=lambda: sp.Matrix(m.THETA) - ETA * m.gradient(m.loss_on_inactive_side()), rhs=sp.Matrix(m.THETA)),
        Check(label="no_crossing_for_positive_target", printed=False, reading="almost-every",
              latex=r"y>0,\ 0<\eta(1+x^2)\le1,\ s_t>0\Rightarrow s_{t+1}=c\,s_t+(1-c)\,y>0",
              run_check=lambda: one_step_keeps_sign(1), wrong_versions=[lambda: one_step_keeps_sign(-1)],
              justification="With gd_residual_recursion and gd_fixed_on_inactive_side, by induction: for y > 0 and "
                            "0 < eta n <= 1 no trajectory from any s_0 != 0 ever crosses s = 0. This set of (theta_0, x, "
                            "y, eta) is open and of positive measure, so on the reading 'almost-every' the sentence is false."),
        Check(label="crossing_for_negative_target", role="statement", reading="open-set",
              latex=r"y<0,\ \tfrac12<\eta(1+x^2)\le1,\ 0<s_0\le|y|\Rightarrow s_1<0",
              run_check=lambda: one_step_crossing((0, sp.Rational(1, 2))),
              wrong_versions=[lambda: one_step_crossing((0, 1))],
              justification="Every trajectory of this open set crosses at the first step (and then stops: T is the "
                            "identity on s < 0)."),
    ]


def _readings() -> list[Reading]:
    arises = f"{SENTENCES}: 'arises from activation boundary crossings inherent to piecewise-linear nonlinearities'"
    generic = f"{SENTENCES}: 'dynamically unavoidable along generic gradient-based training trajectories [7]'"
    return [
        Reading("a-mechanism", r"crossings produce a failure of (3.3): pairs $O(\varepsilon)$ apart across a boundary "
                r"with an $O(1)$ gradient change", arises),
        Reading("only-mechanism", r"the failure of (3.3) comes from crossings alone: within one activation region the "
                r"gradient is uniformly Lipschitz", arises + "; the Sec. 1 sentence speaks of ReLU networks, whose Sec. 2 model is "
                "f = W_2 sigma(W_1 x)"),
        Reading("almost-every", r"'generic' = almost every initialization (and datum, step size): such trajectories cross "
                r"a boundary", generic),
        Reading("open-set", r"'generic' = crossings cannot be excluded: along every trajectory of some open set of "
                r"initializations and data a boundary is crossed", generic),
    ]


def theorem() -> Claim:
    r"""Katende §1 ¶3, sentences 3-4, on each reading."""
    return Claim(
        id=ID, paper="katende", label="Section 1, crossings", section="1",
        title="The obstruction arises from boundary crossings, unavoidable along generic trajectories",
        statement=r"The obstruction is structural rather than technical and arises from activation boundary crossings "
                  r"inherent to piecewise-linear nonlinearities [5]. Although such crossings occur on sets of measure zero in "
                  r"parameter space, they are dynamically unavoidable along generic gradient-based training trajectories [7].",
        reference="Katende, Why smooth stability assumptions fail for ReLU learning, Sec. 1, paragraph 3",
        assumptions=[], steps=_steps(), readings=_readings(),
        figures=figures.figures_intro_crossings, plot=figures.plot_intro_crossings,
        notes=[r"Reading-dependent, not an erratum. 'Arises from crossings' holds as 'a mechanism' (Theorem 1's pairs) and, "
               r"for the one-neuron model, as 'the only mechanism' (the gradient is $(1 + x^2)$-Lipschitz on $s > 0$ and "
               r"constant on $s < 0$); for the Sec. 2 model $f = W_2\,\sigma(W_1 x)$ (3.3) already fails inside one region "
               r"($\partial^2\mathcal{L}/\partial w^2 = a^2x^2$ for $f = a\,\sigma(wx)$).",
               r"'Generic' read as 'almost every trajectory' is false in the paper's own model: with $y > 0$ and "
               r"$0 < \eta(1 + x^2) \le 1$, $s_t - y = (1 - \eta(1 + x^2))^t(s_0 - y)$, so no trajectory from $s_0 \neq 0$ "
               r"ever crosses (an open set of initializations, data and step sizes); read as 'on an open set' it is true "
               r"($y < 0$). "
               "Such non-crossing trajectories converge, so they also witness the abstract's 'appear empirically stable' "
               "and Sec. 4's 'does not imply instability'. Reference [7] (Lee et al., gradient descent only converges "
               "to minimizers) is about saddle points, not activation crossings."],
        statement_kind="printed",
    )
