r"""The gradient jump across an activation boundary, for every ReLU architecture (Remark 1).

Any ReLU network (any depth, widths, input dimension), near a parameter θ₀ at
which exactly one unit j (in any layer) sits on its boundary s_j(θ₀) = 0, is

.. math::  f(\theta) = F\bigl(\theta,\ \sigma(s_j(\theta))\bigr),

where s_j is the unit's pre-activation and F is the rest of the network with
the unit's output h as an argument — a polynomial in (θ, h) near θ₀, since no
other unit is at its kink.  With L = ½(f − y)², on each side of the boundary
(σ(s) = s, resp. 0) L is smooth, and for every parameter component θ_i

.. math::
    \partial_i L^{+}(\theta_0) - \partial_i L^{-}(\theta_0)
      = \bigl(f(\theta_0) - y\bigr)\,\partial_h F(\theta_0, 0)\,\partial_i s_j(\theta_0)

(``jump_every_architecture``: an identity between undefined functions F, s,
so it holds for all of them).  The bias b_j enters s_j with coefficient 1
(``bias_enters_with_coefficient_one``), so ‖∇s_j‖² ≥ 1 and

.. math::  \|\Delta\nabla L\|^2 = (f(\theta_0)-y)^2\,(\partial_h F)^2\,\|\nabla s_j\|^2,

which vanishes **exactly** when f(θ₀) = y (zero residual) or ∂_h F(θ₀, 0) = 0
(the unit's output does not reach the loss: zero outgoing weights, or every
path from it through dead units) — ``jump_vanishes_exactly_when``.  For two
layers ∂_h F = a_j and ∇s_j = (x, 1) on (w_j, b_j): the specialization
``two_layer_specialization`` is the formula the exhaustive scope checks.
"""

from __future__ import annotations

import sympy as sp

from proofs.steps import Equality, Inequality, Step

theta, y, h, Ds = sp.symbols("theta y h Ds", real=True)
F, s = sp.Function("F"), sp.Function("s")


def jump_of_loss_gradient() -> sp.Expr:
    r"""∂_θ L⁺ − ∂_θ L⁻ at a point of the boundary, computed by differentiating both sides' losses
    (s stays a function while differentiating; then s(θ₀) = 0, its slope kept as ``Ds``)."""
    plus = (F(theta, s(theta)) - y) ** 2 / 2
    minus = (F(theta, 0) - y) ** 2 / 2
    jump = (sp.diff(plus, theta) - sp.diff(minus, theta)).doit()
    return jump.xreplace({sp.Derivative(s(theta), theta): Ds}).subs(s(theta), 0).doit()


def printed_jump() -> sp.Expr:
    r"""(f(θ₀) − y) ∂_h F(θ₀, 0) ∂_θ s_j(θ₀)."""
    return (F(theta, 0) - y) * sp.Derivative(F(theta, h), h).subs(h, 0) * Ds


# The pair theta^{+-} = theta_0 +- eps e_{b_j} (only the crossed unit's bias moves: s_j = +-eps, distance 2 eps).
JUMP, SLOPE, RADIUS, LIPSCHITZ, EPS, GAP = sp.symbols("J C rho L epsilon D", real=True)


def pair_premises(eps_of=None) -> list:
    r"""What the pair's ε and gradient gap satisfy, for every architecture: J = ‖jump‖ > 0 (the crossing has
    (f − y) ∂_hF ≠ 0), C ≥ 0 a Lipschitz constant of each side's gradient on the ball of radius ρ > 0 around θ₀
    (each side's loss is a polynomial there: no other unit at its kink), ε chosen as
    ε = ρJ / (J + ρ(2C + 2L + 1)), and D = ‖∇L(θ⁺) − ∇L(θ⁻)‖ ≥ J − 2Cε (each side's gradient moves by at
    most Cε from its value at θ₀)."""
    eps_of = eps_of or (lambda: RADIUS * JUMP / (JUMP + RADIUS * (2 * SLOPE + 2 * LIPSCHITZ + 1)))
    return [JUMP > 0, SLOPE >= 0, RADIUS > 0, LIPSCHITZ >= 0, sp.Eq(EPS, eps_of()), GAP >= JUMP - 2 * SLOPE * EPS]


def lipschitz_steps() -> list[Step]:
    r"""For every architecture and every L: the pair at that ε lies in the smooth neighbourhood and violates
    L-Lipschitz continuity of ∇L (``no_lipschitz_bound_every_architecture``)."""
    return [
        Inequality(label="crossing_pair_inside_the_smooth_ball", printed=False, relation="<",
                   latex=r"\varepsilon=\frac{\rho J}{J+\rho(2C+2L+1)}<\rho",
                   lhs=EPS, rhs=RADIUS, assuming=pair_premises()[:5],
                   justification="The chosen eps is below the radius on which both sides' losses are polynomials, "
                                 "for every L >= 0."),
        Inequality(label="crossing_pair_distinct", printed=False, relation=">",
                   latex=r"\varepsilon=\frac{\rho J}{J+\rho(2C+2L+1)}>0",
                   lhs=EPS, rhs=0, assuming=pair_premises()[:5],
                   justification="The two points of the pair differ (J, rho > 0; C, L >= 0)."),
        Inequality(label="no_lipschitz_bound_every_architecture", printed=False, relation=">",
                   uses=("jump_every_architecture", "bias_enters_with_coefficient_one", "jump_vanishes_exactly_when",
                         "crossing_pair_inside_the_smooth_ball", "crossing_pair_distinct"),
                   latex=r"\|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\|\ge J-2C\varepsilon"
                         r">L\,\|\theta^+-\theta^-\|=2L\varepsilon",
                   lhs=GAP, rhs=2 * LIPSCHITZ * EPS, assuming=pair_premises(),
                   justification="Any depth, widths, input dimension, any crossing with (f(theta_0) - y) dF/dh != 0 "
                                 "and any L >= 0: theta^{+-} = theta_0 +- eps e_{b_j} lie on opposite sides "
                                 "(s_j = +-eps: the bias enters with coefficient 1) at distance 2 eps, and the gradient "
                                 "gap exceeds L times it. Trusted: the analytic premises of pair_premises (each "
                                 "side's gradient is Lipschitz near theta_0, its value at theta_0 differs by the jump)."),
        Inequality(label="gradient_discontinuous_every_architecture", printed=False, relation=">",
                   reading="classical-C2", uses=("jump_every_architecture", "jump_vanishes_exactly_when"),
                   latex=r"\forall\delta\in(0,\rho]:\ \varepsilon=\frac{\delta J}{J+\delta(4C+1)}<\delta,\ "
                         r"\|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\|\ge J-2C\varepsilon>J/2",
                   lhs=GAP, rhs=JUMP / 2,
                   assuming=[JUMP > 0, SLOPE >= 0, RADIUS > 0, sp.Eq(EPS, RADIUS * JUMP / (JUMP + RADIUS * (4 * SLOPE + 1))),
                             GAP >= JUMP - 2 * SLOPE * EPS],
                   justification="Reading 'classical-C2', every architecture: within every distance delta (here rho "
                                 "plays delta) of theta_0 there is a pair whose gradients differ by more than J/2 > 0, "
                                 "so grad L is not continuous at theta_0: L is not C^1, and no C^2 bound exists. "
                                 "Trusted: the premises of pair_premises."),
    ]


def steps() -> list[Step]:
    r"""The general jump, the bias coefficient, the exact vanishing condition, the two-layer case."""
    residual, sensitivity, grad_s_sq = sp.symbols("r g N", real=True)
    w, b, a, x = sp.symbols("w_j b_j a_j x", real=True)
    upstream = sp.Function("z")  # w_j . h^(l-1): does not involve b_j
    return [
        Equality(label="jump_every_architecture", printed=False,
                 latex=r"\partial_i\mathcal L^+-\partial_i\mathcal L^-=(f(\theta_0)-y)\,\partial_hF(\theta_0,0)\,"
                       r"\partial_i s_j(\theta_0)",
                 lhs=jump_of_loss_gradient, rhs=printed_jump,
                 justification="F and s are undefined functions: the identity holds for every network in which "
                               "only unit j is at its kink (any depth, width, input dimension, component i)."),
        Equality(label="bias_enters_with_coefficient_one", printed=False,
                 latex=r"\partial s_j/\partial b_j=1\Rightarrow\|\nabla s_j\|^2\ge1",
                 lhs=lambda: sp.diff(upstream(w) + b, b), rhs=sp.Integer(1),
                 justification="s_j = w_j . h^(l-1) + b_j and h^(l-1) does not depend on b_j."),
        Inequality(label="jump_vanishes_exactly_when", printed=False,
                   latex=r"(f-y)\,\partial_hF\ne0\iff\|\Delta\nabla\mathcal L\|^2=(f-y)^2(\partial_hF)^2"
                         r"\|\nabla s_j\|^2>0",
                   lhs=residual**2 * sensitivity**2 * grad_s_sq, rhs=0, relation=">",
                   assuming=(sp.Ne(residual * sensitivity, 0), grad_s_sq >= 1),
                   justification="r = f(theta_0) - y, g = dF/dh, N = ||grad s_j||^2 >= 1; the converse (r g = 0 "
                                 "gives no jump) is the formula itself."),
        Equality(label="two_layer_specialization", printed=False,
                 latex=r"F=\sum_{k\ne j}a_k\sigma(s_k)+a_jh:\ \partial_hF=a_j,\ \partial_{(w_j,b_j)}s_j=(x,1)",
                 lhs=lambda: sp.diff(a * h + sp.Function("rest")(x), h) * sp.Matrix([sp.diff(w * x + b, w),
                                                                                     sp.diff(w * x + b, b)]),
                 rhs=a * sp.Matrix([x, 1]),
                 justification="The two-layer jump (f(theta_0) - y) a_j (x, 1) of the exhaustive scope is this "
                               "formula's special case; the scope check and the deep-network runs cross-check it."),
    ]
