r"""Katende (2025), Remark 1: the obstruction of Theorem 1 is depth- and width-robust.

Reference: [Katende2025, §3.2, Remark 1 (after Theorem 1)]

Statement:   ReLU networks are piecewise affine in parameters with activation boundaries.
             In any multi-neuron or multi-layer ReLU network, whenever a trajectory
             crosses such a boundary, there are parameter pairs O(eps) apart on opposite
             sides with an O(1) change of the gradient; hence no architecture-independent
             global Lipschitz bound for theta -> grad L(theta) holds.
Assumptions: A1  the crossed neuron's outgoing (back-propagated) weight is nonzero   used, not stated: necessary
             A2  the loss derivative f(theta_0) - y at the crossing is nonzero       used, not stated: necessary
Symbols:     f = sum_k a_k relu(w_k.x + b_k) (two-layer, width m, input dim d); theta_0 has s_j = 0;
             theta^{+-} = theta_0 +- eps (x, 1) on neuron j's (w_j, b_j)
Proof outline:    (a remark: its sentences are checked as steps)
  1. `piecewise_affine_in_parameters_as_printed`  f is affine in theta on each region: fails (degree 2)
  2. `piecewise_polynomial_in_parameters`         repaired: degree = number of weight layers (2 here)
  3. `crossing_pair_preactivation`   s_j(theta^{+-}) = +-eps (1 + ||x||^2)
  4. `crossing_pair_gap`             ||theta^+ - theta^-|| = 2 eps sqrt(1 + ||x||^2) = O(eps)
  5. `gradient_jump_limit_two_layer` lim jump = (f(theta_0) - y) a_j (x, 1)_j, every m <= 3, d <= 2, j, pattern
     `jump_every_architecture`       every depth, width, input dimension (crossing_jump.py): the jump in
                                    component i is (f(theta_0) - y) dF/dh ds_j/dtheta_i
     `bias_enters_with_coefficient_one`  ||grad s_j||^2 >= 1, so `jump_vanishes_exactly_when` (f - y) dF/dh != 0
     `two_layer_specialization`      the two-layer formula above is its special case (a cross-check)
  6. `gradient_jump_at_every_crossing_as_printed`  'whenever ... O(1)': fails when a_j = 0 or f(theta_0) = y
  7. `gradient_jump_norm_of_nonzero_residual_and_weight`  repaired: ||lim jump||^2 = (f0 - y)^2 a_j^2 (1 + ||x||^2)
  8. `gradient_jump_deep_networks`   exact back-propagation, depth 1..6, width up to 32: jump converges, ratio ~ 1/eps
  9. `no_architecture_independent_lipschitz_bound`  for any L and architecture: an exact violating pair
 10. `no_global_bounded_hessian_proxy`  '(and no global bounded-Hessian proxy)', reading 'classical-C2': the
                                      gradient jumps when (f(theta_0) - y) a_j != 0, so L is not C^1 there
     `ae_hessian_bounded_for_one_neuron`    reading 'almost-everywhere': depth 1, sup ||Hessian|| = 1 + x^2
     `ae_hessian_unbounded_for_two_layer`   reading 'almost-everywhere': two layers, a^2 x^2 inside one region
Review notes: the remark's 'piecewise affine in parameters' holds for the one-neuron model only;
'whenever a trajectory crosses' needs a nonzero residual and a nonzero back-propagated weight.  The
parenthetical '(and no global bounded-Hessian proxy)' is reading-dependent: true in the classical C^2
sense; with the a.e. Hessian it fails for depth 1 (bounded by 1 + x^2) and holds from two layers on,
for a reason other than crossings.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any, Mapping

import mpmath
import sympy as sp

from numeric import relu_network as num
from proofs.engine import (Assumption, Check, Claim, Equality, Necessity, Parameter, PolynomialDegree,
                           Reading, StepResult, Witness, WitnessCheck)
from proofs.errors import AssumptionViolated, BadInput
from proofs.katende import figures
from proofs.katende.crossing_jump import lipschitz_steps
from proofs.katende.crossing_jump import steps as every_architecture_steps
from proofs.katende.one_neuron import ae_hessian_sup
from proofs.katende.two_layer import W, two_layer_loss_on_active_region
from proofs.steps import decide_nonnegative
from symbolic import relu_network as r

ID = "katende.remark_1"
SCOPE = [(m, d) for m in (1, 2, 3) for d in (1, 2)]
NET = r.TwoLayer(3, 2)
#: The architecture of the crossing-pair steps (symbolic in every parameter, x and eps; neuron 2 crossed).
NET_SCOPE = {"architecture": "two-layer", "width": 3, "input_dim": 2, "crossed_neuron": 2}
#: The exhaustive scope of the two-layer jump formula.
JUMP_SCOPE = {"architecture": "two-layer", "widths": [1, 2, 3], "input_dims": [1, 2],
              "crossed_neuron": "every", "pattern_of_the_others": "every"}
T = sp.Symbol("t")


def _scaled_output() -> sp.Expr:
    net = r.TwoLayer(2, 1)
    return sp.expand(r.output_on_region(net, (True, True)).subs({p: T * p for p in r.parameters(net)}, simultaneous=True))


def _jump_formula_check(expected) -> StepResult:
    r"""Exhaustive: every width m <= 3, input dim d <= 2, crossed neuron j, pattern of the others."""
    cases = 0
    for m, d in SCOPE:
        net = r.TwoLayer(m, d)
        for j in range(m):
            for others in itertools.product((True, False), repeat=m - 1):
                difference = r.limit_jump(net, j, others) - expected(net, j, others)
                if not difference.applyfunc(sp.expand).is_zero_matrix:
                    return StepResult(False, "symbolic", "exhaustive", f"m={m}, d={d}, j={j}, others={others}",
                                      counterexample=r"width $m = {m}$, input dimension $d = {d}$, crossed neuron "
                                                     r"$j = {j}$: the limit jump minus the claimed one is ${difference}^\top$",
                                      values={"m": m, "d": d, "j": j + 1, "difference": difference.T.applyfunc(sp.expand)})
                cases += 1
    return StepResult(True, "symbolic", "exhaustive", f"{cases} (width, input dim, neuron, pattern) cases, m <= 3, d <= 2",
                      values={"cases": cases})


def jump_case_count() -> int:
    r"""How many (width, input dimension, crossed neuron, pattern of the others) cases :data:`SCOPE` has:
    :math:`\sum_{(m,d)} m\,2^{m-1}`, the cases :func:`_jump_formula_check` runs through.

    >>> jump_case_count()
    34
    """
    return sum(m * 2 ** (m - 1) for m, _ in SCOPE)


def _claimed_jump(net, j, others):
    return r.residual_at_boundary(net, j, others) * net.a[j] * r.crossing_direction(net, j)


def _every_crossing_check() -> StepResult:
    net, j, others = r.TwoLayer(2, 1), 0, (True,)
    for zero in ({net.a[j]: 0}, {r.y: r.residual_at_boundary(net, j, others) + r.y}):
        if r.limit_jump(net, j, others).subs(zero).applyfunc(sp.expand).is_zero_matrix:
            return StepResult(False, "symbolic", "exact", "a crossing with no gradient jump",
                              counterexample=r"two-layer network of width $2$: with {setting} the limit jump across "
                                             r"$s_1 = 0$ is $0$ (the gradient is continuous there)",
                              values={"setting": zero})
    return StepResult(True, "symbolic", "exact", "every crossing has a nonzero jump")


def _architectures():
    return [([1], 1, 0), ([3, 2], 2, 1), ([8, 8, 8], 3, 2), ([32], 4, 3), ([6] * 6, 2, 4), ([32] * 6, 4, 5)]


def _deep_check(outgoing_zero: bool) -> StepResult:
    r"""Exact jumps at eps = 1e-6 and 1e-12: the jump converges (O(1)) and the ratio grows like 1/eps."""
    rows = []
    for widths, d, seed in _architectures():
        net0, x, y, layer, neuron = _crossing_setup(widths, d, seed, outgoing_zero=outgoing_zero)
        (j1, q1), (j2, q2) = (num.jump_ratio(net0, x, y, layer, neuron, Fraction(1, 10**k)) for k in (6, 12))
        if not (j2 > 0 and abs(j1 - j2) <= 1e-3 * j2 and q2 >= 1e5 * q1):
            return StepResult(False, "numeric", "exact-backprop", f"depth {len(widths)}: jump {j1} -> {j2}, ratio {q1} -> {q2}",
                              counterexample=r"hidden widths {widths}: the gradient jump $\|\Delta\nabla\mathcal{L}\|$ is "
                                             r"${j1}$ at $\varepsilon = 10^{-6}$ and ${j2}$ at $\varepsilon = 10^{-12}$, and the "
                                             r"ratio $\|\Delta\nabla\mathcal{L}\|/\|\Delta\theta\|$ goes from ${q1}$ to ${q2}$ "
                                             r"(square roots of exact rationals at 50 digits, shown to 15)",
                              values={"widths": tuple(widths), **{k: sp.Float(mpmath.nstr(v, 15), 15) for k, v in
                                                                  (("j1", j1), ("j2", j2), ("q1", q1), ("q2", q2))}})
        rows.append(f"depth {len(widths)} widths {widths[0]}: jump {float(j2):.4g}, ratio {float(q2):.3g}")
    return StepResult(True, "numeric", "exact-backprop", "; ".join(rows),
                      sample={"points": len(rows), "precision": "exact rational back-propagation at eps = 1e-6, 1e-12"})


def _crossing_setup(widths, d, seed, *, outgoing_zero: bool = False):
    r"""θ0 with neuron 0 of the last hidden layer on its boundary, outgoing weight nonzero (or zero), y = f(θ0) + 1."""
    net = num.random_network(widths, d, seed)
    x = [Fraction(k + 2, k + 3) * (-1) ** k for k in range(d)]
    layer = len(widths) - 1
    out_W = [list(row) for row in net[-1][0]]
    out_W[0][0] = Fraction(0) if outgoing_zero else (out_W[0][0] or Fraction(1))
    net = [*net[:-1], (out_W, net[-1][1])]
    net0 = num.place_on_boundary(net, x, layer, 0)
    return net0, x, num.forward(net0, x)[1] + 1, layer, 0


def violating_pair(params: Mapping[str, Any], *, outgoing_zero: bool = False, fixed_eps: Fraction | None = None):
    r"""Exact :math:`\theta^\mp` with :math:`\|\Delta\nabla\mathcal L\|>L\|\Delta\theta\|` for the architecture in ``params``.

    >>> p = {"L": Fraction(10**9), "widths": [3, 2], "d": 2, "seed": 0}
    >>> _verify(p, violating_pair(p)).holds
    True
    """
    net0, x, y, layer, neuron = _crossing_setup(params["widths"], params["d"], params["seed"], outgoing_zero=outgoing_zero)
    eps = fixed_eps or Fraction(1, 8 * int(params["L"]) + 8)
    for _ in range(1 if fixed_eps else 64):
        minus, plus, used = num.crossing_pair(net0, x, layer, neuron, eps)
        if _verify(params, (minus, plus, x, y)).holds:
            break
        eps /= 2
    return minus, plus, x, y


def _verify(params: Mapping[str, Any], pair) -> WitnessCheck:
    minus, plus, x, y = pair
    gm, gp = num.flatten(num.gradient(minus, x, y)), num.flatten(num.gradient(plus, x, y))
    lhs = sum((a - b) ** 2 for a, b in zip(gp, gm))
    rhs = params["L"] ** 2 * sum((a - b) ** 2 for a, b in zip(num.flatten(plus), num.flatten(minus)))
    return WitnessCheck(lhs=f"||grad L(theta+) - grad L(theta-)||^2 = {float(lhs):.6g} (exact rational)",
                        rhs=f"L^2 ||theta+ - theta-||^2 = {float(rhs):.6g} (exact rational)", holds=lhs > rhs)


_CASES = [{"L": Fraction(L), "widths": w, "d": d, "seed": s} for L in (1, 10**6, 10**100) for w, d, s in _architectures()[:5]]


def jump_is_nonzero(assume_nonzero: bool = True) -> StepResult:
    r""":math:`\|\lim\Delta\nabla\mathcal L\|^2>0` across :math:`s_1=0` whenever :math:`(f(\theta_0)-y)\,a_1\neq0`
    (two-layer, width 2, input dim 2, the other neuron active; Z3 over every parameter, input and target):
    the gradient is discontinuous there, so :math:`\mathcal L` is not :math:`C^1`, let alone :math:`C^2`.
    Without the premise (``assume_nonzero=False``, a wrong version) Z3 finds a crossing with no jump."""
    net = r.TwoLayer(2, 2)
    jump = r.limit_jump(net, 0, (True,))
    premise = sp.Ne(r.residual_at_boundary(net, 0, (True,)) * net.a[0], 0) if assume_nonzero else sp.true
    size = sp.expand(sum(e**2 for e in jump))
    verdict = decide_nonnegative(sp.Piecewise((size, premise), (1, True)), strict=True)
    return StepResult(verdict.proved, "symbolic", "z3",
                      f"(f(theta_0) - y) a_1 != 0 => ||lim jump||^2 > 0: {verdict.proved}", engines=verdict.engines,
                      counterexample=None if verdict.proved else verdict.counterexample or verdict.detail,
                      values={} if verdict.proved else verdict.values)


def _two_layer_hessian_entry():
    return sp.diff(two_layer_loss_on_active_region(), W, 2)


def _steps() -> list:
    minus, plus = r.crossing_pair(NET, 1)
    n_sq = 1 + sum(xi**2 for xi in NET.x)
    theta = sp.Matrix(r.parameters(NET))
    gap = theta.subs(plus, simultaneous=True) - theta.subs(minus, simultaneous=True)
    net2 = r.TwoLayer(2, 2)
    limit2 = r.limit_jump(net2, 0, (True,))
    return [
        PolynomialDegree(label="piecewise_affine_in_parameters_as_printed",
                         latex=r"f(x;t\theta)\ \text{has degree} \le 1 \text{ in } t \text{ on each activation region}",
                         expr=_scaled_output, var=T, degree=1, at_most=True,
                         erratum=r"ReLU networks are piecewise affine in the input, not in the parameters: on a region "
                                 r"$f = \sum_k a_k(w_k \cdot x + b_k)$ is bilinear in $(a, w, b)$. Only the one-neuron model "
                                 r"({=3.1}) is affine in $\theta$."),
        PolynomialDegree(label="piecewise_polynomial_in_parameters", repairs="piecewise_affine_in_parameters_as_printed",
                         latex=r"f(x;t\theta) = t^2 f(x;\theta) \text{ on a region (two weight layers)}", expr=_scaled_output,
                         var=T, degree=2, leading=lambda: r.output_on_region(r.TwoLayer(2, 1), (True, True)),
                         scope={"architecture": "two-layer", "width": 2, "input_dim": 1, "pattern": "both neurons active"},
                         justification="Piecewise polynomial (multilinear) in theta is all the argument needs."),
        Equality(label="crossing_pair_preactivation", latex=r"s_j(\theta^\pm) = \pm\varepsilon(1+\|x\|^2)",
                 lhs=sp.Matrix([r.preactivation(NET, 1).subs(m_, simultaneous=True) for m_ in (minus, plus)]),
                 rhs=sp.Matrix([-r.epsilon * n_sq, r.epsilon * n_sq]), scope=NET_SCOPE),
        Equality(label="crossing_pair_gap", latex=r"\|\theta^+-\theta^-\| = 2\varepsilon\sqrt{1+\|x\|^2} = O(\varepsilon)",
                 lhs=sp.sqrt(sum(e**2 for e in gap)), rhs=2 * r.epsilon * sp.sqrt(n_sq), scope=NET_SCOPE),
        Check(label="gradient_jump_limit_two_layer", printed=False,
              latex=r"\lim_{\varepsilon\downarrow0}\big(\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\big) = (f(\theta_0)-y)\,a_j\,(x,1)_{(w_j,b_j)}\quad(m\le3,\ d\le2)",
              run_check=lambda: _jump_formula_check(_claimed_jump), scope=JUMP_SCOPE,
              wrong_versions=[lambda: _jump_formula_check(lambda n, j, o: n.a[j] * r.crossing_direction(n, j)),
                              lambda: _jump_formula_check(lambda n, j, o: sp.zeros(len(r.parameters(n)), 1))],
              justification="Each side's gradient is a polynomial; subtract them at theta_0 (all widths m <= 3, d <= 2)."),
        *every_architecture_steps(),
        Check(label="gradient_jump_at_every_crossing_as_printed",
              latex=r"\text{whenever } s_j \text{ changes sign: } \|\Delta\nabla\mathcal L\| = O(1) \not\to 0",
              run_check=_every_crossing_check,
              erratum=r"A crossing with $a_j = 0$ (or with $f(\theta_0) = y$) has no gradient jump; 'whenever' needs both "
                      r"nonzero."),
        Equality(label="gradient_jump_norm_of_nonzero_residual_and_weight", repairs="gradient_jump_at_every_crossing_as_printed",
                 latex=r"\|\lim\Delta\nabla\mathcal L\|^2 = (f(\theta_0)-y)^2a_j^2(1+\|x\|^2) > 0 \iff (f(\theta_0)-y)\,a_j \neq 0",
                 lhs=sum(e**2 for e in limit2),
                 rhs=r.residual_at_boundary(net2, 0, (True,)) ** 2 * net2.a[0] ** 2 * (1 + sum(xi**2 for xi in net2.x)),
                 scope={"architecture": "two-layer", "width": 2, "input_dim": 2, "crossed_neuron": 1,
                        "pattern_of_the_others": "active"}),
        Check(label="gradient_jump_deep_networks", printed=False, cross_checks="jump_every_architecture",
              latex=r"\text{depth } 1..6,\ \text{width} \le 32:\ \|\Delta\nabla\mathcal L\| \to J \neq 0,\ \|\Delta\nabla\mathcal L\|/\|\Delta\theta\| \sim J/(2\varepsilon)",
              run_check=lambda: _deep_check(False), wrong_versions=[lambda: _deep_check(True)],
              justification="Exact rational back-propagation at eps = 1e-6 and 1e-12 (numeric: sampled architectures)."),
        Witness(label="no_architecture_independent_lipschitz_bound", role="statement",
                latex=r"\forall L,\ \forall \text{architecture}:\ \exists\theta^\pm:\ \|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\| > L\|\theta^+-\theta^-\|",
                construct=violating_pair, verify=_verify, cases=_CASES,
                wrong_constructions=[lambda p: violating_pair(p, outgoing_zero=True),
                                     lambda p: violating_pair(p, fixed_eps=Fraction(1, 10))],
                cross_checks="no_lipschitz_bound_every_architecture"),
        *lipschitz_steps(),
        Check(label="no_global_bounded_hessian_proxy", role="statement", reading="classical-C2",
              cross_checks="gradient_discontinuous_every_architecture",
              latex=r"(\text{and no global bounded-Hessian proxy}):\ (f(\theta_0)-y)a_j\neq0\Rightarrow\nabla\mathcal L\ \text{jumps across } s_j=0,\ \mathcal L\notin C^1",
              run_check=jump_is_nonzero, wrong_versions=[lambda: jump_is_nonzero(False)],
              scope={"architecture": "two-layer", "width": 2, "input_dim": 2, "crossed_neuron": 1, "pattern_of_the_others": "active"},
              justification="On the reading 'classical-C2': at a crossing with a nonzero residual and weight the gradient is "
                            "discontinuous, so no classical Hessian exists there and no C^2 bound can hold; with the "
                            "Lipschitz statement above, no C^2 modification could have a bounded Hessian either."),
        Equality(label="ae_hessian_bounded_for_one_neuron", printed=False, reading="almost-everywhere",
                 latex=r"\text{depth 1 (3.1)}:\ \sup\{\|\nabla^2\mathcal L(\theta)\|:\ \text{it exists}\}=1+x^2",
                 lhs=ae_hessian_sup, rhs=1 + sp.Symbol("x", real=True) ** 2,
                 justification="On the reading 'almost-everywhere' the parenthetical fails for the one-neuron architecture."),
        Equality(label="ae_hessian_unbounded_for_two_layer", printed=False, reading="almost-everywhere",
                 latex=r"f=a\,\sigma(wx),\ wx>0:\ \partial^2\mathcal L/\partial w^2=a^2x^2\ \text{(unbounded inside one region)}",
                 lhs=_two_layer_hessian_entry, rhs=sp.Symbol("a_1", real=True) ** 2 * sp.Symbol("x_1", real=True) ** 2,
                 justification="From two layers on the a.e. Hessian is unbounded, but by polynomial growth inside one "
                               "region, not because of crossings."),
    ]


def _assumptions() -> list[Assumption]:
    net, j, others = r.TwoLayer(2, 1), 0, (True,)
    jump = r.limit_jump(net, j, others)
    weight_zero = Equality(label="no_jump_when_outgoing_weight_is_zero", printed=False, latex=r"a_j=0:\ \lim\Delta\nabla\mathcal L=0",
                           lhs=jump.subs(net.a[j], 0), rhs=sp.zeros(len(jump), 1))
    residual_zero = Equality(label="no_jump_when_residual_is_zero", printed=False, latex=r"y=f(\theta_0):\ \lim\Delta\nabla\mathcal L=0",
                             lhs=jump.subs(r.y, r.residual_at_boundary(net, j, others) + r.y), rhs=sp.zeros(len(jump), 1))
    return [
        Assumption("A1", "outgoing weight a_j != 0", r"a_j \neq 0", used_not_stated=True,
                   necessity=Necessity("necessary", r"With $a_j = 0$ the gradient is continuous across $s_j = 0$.", weight_zero)),
        Assumption("A2", "residual f(theta_0) - y != 0", r"f(\theta_0) \neq y", used_not_stated=True,
                   necessity=Necessity("necessary", r"With $f(\theta_0) = y$ the limit jump is $0$.", residual_zero)),
    ]


def _architecture(params: dict[str, Any]) -> dict[str, Any]:
    widths = params["widths"]
    if (not isinstance(widths, list) or not widths or any(isinstance(w, list) or w.denominator != 1 or not 1 <= w <= 64 for w in widths)
            or len(widths) > 12):
        raise BadInput("widths must be a list of 1 to 12 integers between 1 and 64")
    if not 1 <= params["d"] <= 64:
        raise BadInput("d must be an integer between 1 and 64")
    return {**params, "widths": [int(w) for w in widths]}


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    p = _architecture(params)
    if p["eps"] <= 0:
        raise AssumptionViolated(ID, "eps", "eps > 0", {"eps": p["eps"]})
    net0, x, y, layer, neuron = _crossing_setup(p["widths"], p["d"], p["seed"])
    jump_sq, gap_sq, eps = num.gradient_jump(net0, x, y, layer, neuron, p["eps"])
    jump, ratio = num.jump_ratio(net0, x, y, layer, neuron, p["eps"])
    net = r.TwoLayer(2, 1)
    return {"two_layer_limit_jump": str(_claimed_jump(net, 0, (True,)).T.tolist()[0]),
            "crossed_neuron": f"layer {layer + 1}, neuron 1", "epsilon_used": str(eps),
            "jump_norm_squared": str(jump_sq), "gap_norm_squared": str(gap_sq),
            "jump_norm": f"{float(jump):.12g}", "ratio": f"{float(ratio):.12g}"}


def _witness(params: dict[str, Any]) -> dict[str, Any]:
    p = _architecture(params)
    if p["L"] <= 0:
        raise AssumptionViolated(ID, "L", "L > 0", {"L": p["L"]})
    minus, plus, x, y = violating_pair(p)
    check = _verify(p, (minus, plus, x, y))
    return {"constants": {"L": str(p["L"])}, "points": [[str(v) for v in num.flatten(n)] for n in (minus, plus)],
            "input": [str(v) for v in x], "target": str(y), "check": {"lhs": check.lhs, "rhs": check.rhs, "holds": check.holds}}


def theorem() -> Claim:
    r"""Katende Remark 1, sentence by sentence."""
    return Claim(
        id=ID, paper="katende", label="Remark 1", section="3.2",
        title="Depth- and width-robust obstruction",
        statement=r"Theorem 1 is not a peculiarity of the one-neuron model (3.1). It uses only the fact that ReLU networks are "
                  r"piecewise affine in parameters with activation boundaries separating regions. In any multi-neuron or "
                  r"multi-layer ReLU network, whenever a training trajectory crosses such a boundary, there exist parameter "
                  r"pairs $O(\varepsilon)$ apart on opposite sides with an $O(1)$ change in the parameter-to-gradient map; hence "
                  r"no architecture-independent global Lipschitz bound for $\theta\mapsto\nabla_\theta\mathcal L(\theta)$ "
                  r"(and no global bounded-Hessian proxy) can hold for ReLU parameterizations.",
        readings=[Reading("classical-C2", r"a bounded-Hessian proxy is a uniform bound on the classical Hessian of a $C^2$ loss",
                          "Remark 1, last sentence, '(and no global bounded-Hessian proxy)'"),
                  Reading("almost-everywhere", "a bounded-Hessian proxy is a uniform bound on the Hessian wherever it exists",
                          "Remark 1, last sentence, '(and no global bounded-Hessian proxy)'; Sec. 3.1 'the Hessian exists a.e.'")],
        reference="Katende, Why smooth stability assumptions fail for ReLU learning, Sec. 3.2, Remark 1",
        assumptions=_assumptions(), steps=_steps(),
        conclusion=("no_lipschitz_bound_every_architecture", "gradient_discontinuous_every_architecture"),
        parameters=[Parameter("widths", "list", [Fraction(3), Fraction(2)], "hidden layer widths: 1 to 12 integers in [1, 64]",
                              shape="vector", length=(1, 12), bounds=(1, 64)),
                    Parameter("d", "integer", 2, "input dimension, 1 to 64", bounds=(1, 64)), Parameter("seed", "integer", 0, "seed of the random weights"),
                    Parameter("eps", "rational", Fraction(1, 10**6), "half-distance of the crossing pair (derive)"),
                    Parameter("L", "rational", Fraction(10**12), "candidate Lipschitz constant (witness)")],
        derive=_derive, witness=_witness, figures=figures.figures_remark_1(_crossing_setup),
        plot=figures.plotter_remark_1(_crossing_setup), extra=lambda: {"cases": jump_case_count()},
        notes=[r"Scope of the exhaustive symbolic check: two-layer networks of width $m \le 3$ and input dimension $d \le 2$, "
               r"every crossed neuron and every activation pattern of the others ({cases} cases); width $4$ in the deep "
               r"profile.",
               r"Deep networks (depth $1$ to $6$, width up to $32$) are checked in exact rational arithmetic on sampled "
               r"architectures: numerically confirmed, not proved for all architectures.",
               r"With a general smooth loss $\ell(f, y)$ the jump is $\ell'(f(\theta_0))\,a_j\,(x, 1)$, where $\ell'$ is the "
               r"derivative in $f$: the squared loss is used here.",
               r"'(and no global bounded-Hessian proxy)' is reading-dependent, not an erratum: in the classical $C^2$ sense "
               r"it holds (the gradient jumps at a crossing); read with the a.e. Hessian it fails for the one-neuron model, "
               r"whose a.e. Hessian norm is at most $1 + x^2$, and holds from two layers on, where "
               r"$\partial^2\mathcal{L}/\partial w^2 = a^2x^2$ is unbounded inside a single activation region."],
    )
