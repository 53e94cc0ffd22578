r"""Cooper, Theorem 13: with no hidden layer, the L2 loss is m-smooth.

Reference: [Cooper, App. C, Theorem 13 and its proof]

Statement:   Depth :math:`\ell=0`, :math:`\sigma` satisfying Assumption 1: the L2 loss
             (13) is (L0,L1)-smooth, and even m-smooth for some m.
Assumptions: A1  Assumption 1 on sigma      [paper: Thm 13]  superfluous (sigma never applied at depth 0)
             A2  sigma twice differentiable  [paper: §2.1]    superfluous (same reason)
             A3  depth l = 0                 [paper: Thm 13]  necessary (depth 2: Hessian entry 2t^2 on the ray)
Symbols:     \rho -> parameters(d_in, d_out), G -> gram(xs), m -> 2 tr G
Proof outline:
  1. `output_linear_in_parameters`      f_rho(x) = J rho, J free of rho
  2. `loss_quadratic_in_parameters`     L is a polynomial of total degree 2 in rho
  3. `hessian_constant`                 HL = 2 sum_s J_s^T J_s (no rho)
  4. `hessian_blocks_twice_gram`        HL = 2G on each output's block, 0 across
  5. `gram_positive_semidefinite`       v^T G v = sum_s (x~_s . v)^2
  6. `eigenvalue_at_most_trace`         lambda_max(G) <= tr G for G >= 0 (cited)
  7. `hessian_norm_bounded`             ||HL||_op <= m = 2 sum_s (1 + ||x_s||^2) (exact, Sturm)
  8. `smallest_m_is_twice_top_gram_eigenvalue`  charpoly(HL) = (2^(d_in+1) charpoly_G(lambda/2))^d_out
  9. `gradient_difference_is_hessian_step`      grad L(beta) - grad L(alpha) = HL (beta - alpha)
 10. `l0_l1_smooth_for_any_L1`           printed: any L1 works (fails for L1 < 0)
 11. `l0_l1_smooth_for_nonnegative_L1`   repaired: every L1 >= 0 works
 12. `gradient_norm_unbounded`          for every G a rho with ||grad L(rho)|| > G
 13. `m_depends_on_data`                 for every m, data with ||HL||_op > m
 14. `hessian_agrees_with_mirror`        closed form = forward-mode jets (mpmath), random sizes
Review notes: the proof is right for L1 >= 0; "any value of L1" fails for L1 < 0
(Definition 1 allows any real L1, and ||grad L|| is unbounded).  The constant m
necessarily depends on the data.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction
from typing import Any

import sympy as sp

from numeric import linear_model as mirror
from proofs.cooper import ray
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Inequality, Necessity, NumericAgreement,
                           Parameter, StepResult, Witness, WitnessCheck)
from proofs.errors import BadInput
from symbolic import linear_model as lm
from symbolic.activations import CATALOGUE, activation, assumption_1, generic_activation

ID = "cooper.thm_13"
#: The symbolic-data instance on which identities are proved for all data.
_XS = [[sp.Symbol(f"x_{s}_{k}", real=True) for k in (1, 2)] for s in (1, 2)]
_YS = [[sp.Symbol(f"y_{s}_{j}", real=True) for j in (1, 2)] for s in (1, 2)]
DEFAULT_XS = [[1, -2], [Fraction(1, 2), 3]]
DEFAULT_YS = [[1, 0, 2], [0, 1, -1]]


def _q(v: Any) -> sp.Rational:
    return sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else sp.Rational(v)


def _default_data() -> tuple[list, list]:
    return [[_q(v) for v in x] for x in DEFAULT_XS], [[_q(v) for v in y] for y in DEFAULT_YS]


def _quadratic_form(matrix: sp.Matrix, v: sp.Matrix) -> sp.Expr:
    return (v.T * matrix * v)[0, 0]



def _total_degree_is(expected: int, loss: sp.Expr) -> StepResult:
    rho = lm.parameters(2, 2)
    degree = sp.Poly(sp.expand(loss), *rho).total_degree() if sp.expand(loss).is_polynomial(*rho) else None
    return StepResult(degree == expected, "symbolic", "Poly", f"total degree in rho: {degree} (claimed {expected})")


def _norm_check(bound_of) -> StepResult:
    xs, ys = _default_data()
    hessian, bound = lm.l2_hessian_closed_form(xs, len(ys[0])), bound_of(xs)
    ok = lm.operator_norm_at_most(hessian, bound)
    return StepResult(ok, "symbolic", "Sturm-root-count", f"||HL||_op <= {bound}: {ok} (default data)",
                      None if ok else f"a root of charpoly(HL) exceeds {bound}")


def _top_gram_bound(xs) -> sp.Expr:
    return 2 * max(lm.gram(xs)[k, k] for k in range(len(xs[0]) + 1)) - sp.Rational(1, 10)


#: (n, d_in, d_out) of the characteristic-polynomial identity: distinct sizes, so that a formula with one
#: dimension put for another (2^{n+1} for 2^{d_in+1}, power d_in for d_out, ...) is rejected.
CHARPOLY_SIZES, CHARPOLY_SEED = (5, 3, 2), 4


def charpoly_formula(G_charpoly: sp.Expr, lam: sp.Symbol, D: dict) -> sp.Expr:
    r""":math:`(2^{d_{in}+1}\det(\tfrac\lambda2I-G))^{d_{out}}` from :math:`\det(\lambda I-G)` (``D``: n, d_in, d_out)."""
    return (2 ** (D["d_in"] + 1) * G_charpoly.subs(lam, lam / 2)) ** D["d_out"]


def _charpoly_data() -> tuple[list, list]:
    n, d_in, d_out = CHARPOLY_SIZES
    return lm.seeded_data(n, d_in, d_out, CHARPOLY_SEED, probabilities=False)


def _charpoly_lhs() -> sp.Expr:
    xs, ys = _charpoly_data()
    return lm.l2_hessian_closed_form(xs, len(ys[0])).charpoly(sp.Symbol("lambda")).as_expr()


def _charpoly_rhs(formula=charpoly_formula) -> sp.Expr:
    xs, ys = _charpoly_data()
    lam = sp.Symbol("lambda")
    D = {"n": len(xs), "d_in": len(xs[0]), "d_out": len(ys[0])}
    return formula(lm.gram(xs).charpoly(lam).as_expr(), lam, D)


def _gradient_at(rho: list, xs, ys) -> list:
    return list(mirror.loss_jet("l2", rho, xs, ys, exact=True).grad)


def _frac_data(xs, ys):
    return [[Fraction(int(v.p), int(v.q)) for v in x] for x in xs], [[Fraction(int(v.p), int(v.q)) for v in y] for y in ys]


def _unbounded_rho(params) -> list:
    xs, ys = _frac_data(*_default_data())
    p = len(ys[0]) * (len(xs[0]) + 1)
    start = _gradient_at([Fraction(0)] * p, xs, ys)[len(ys[0]) * len(xs[0])]
    tau = (params["G"] + abs(start)) / (2 * len(xs)) + 1
    return [Fraction(0)] * (len(ys[0]) * len(xs[0])) + [Fraction(math.ceil(tau))] + [Fraction(0)] * (len(ys[0]) - 1)


def _gradient_exceeds(params, rho) -> WitnessCheck:
    xs, ys = _frac_data(*_default_data())
    size = sum(g * g for g in _gradient_at(rho, xs, ys))
    return WitnessCheck(f"||grad L(rho)||^2 = {size}", f"G^2 = {params['G'] ** 2}", size > params["G"] ** 2)


def _data_for_m(params) -> tuple[list, list]:
    big = Fraction(math.isqrt(int(params["m"])) + 1)
    return [[big, Fraction(0)]], [[Fraction(0)]]


def _hessian_exceeds_m(params, data) -> WitnessCheck:
    xs, ys = data
    p = len(ys[0]) * (len(xs[0]) + 1)
    entry = mirror.hessian_exact("l2", [Fraction(0)] * p, xs, ys)[0][0]
    return WitnessCheck(f"(HL)_11 = {entry} <= ||HL||_op", f"m = {params['m']}", entry > params["m"])


@functools.lru_cache(maxsize=8)
def _mirror_hessian(seed: int) -> tuple:
    xs, ys, rho = _random_instance(seed)
    return tuple(tuple(row) for row in mirror.hessian("l2", rho, *_frac_data(xs, ys), dps=60))


def _random_instance(seed: int):
    d_in, d_out, n = 1 + seed % 3, 1 + (seed // 3) % 3, 1 + seed % 4
    xs, ys = lm.seeded_data(n, d_in, d_out, seed, probabilities=False)
    rho = [Fraction((seed * 7 + i * 13) % 23 - 11, 3) * 10 ** (seed % 7) for i in range(d_out * (d_in + 1))]
    return xs, ys, rho


def _closed_entry(point) -> sp.Expr:
    seed, i, j = point
    xs, ys, _ = _random_instance(seed)
    return lm.l2_hessian_closed_form(xs, len(ys[0]))[i, j]


def _mirror_points() -> list[tuple[int, int, int]]:
    out = []
    for seed in range(1, 7):
        xs, ys, _ = _random_instance(seed)
        p = len(ys[0]) * (len(xs[0]) + 1)
        out += [(seed, i, (i + seed) % p) for i in range(p)]
    return out


def _sizes_scope(n: int | None, d_in: int | None, d_out: int | None, data: str = "symbolic x, y") -> dict:
    r"""The scope of a step checked at one size (n data points, d_in, d_out)."""
    sizes = {k: [v] for k, v in (("n", n), ("d_in", d_in), ("d_out", d_out)) if v is not None}
    return {**sizes, "data": data}


SYMBOLIC_2X2 = _sizes_scope(2, 2, 2)


def _steps() -> list:
    rho = sp.Matrix(lm.parameters(2, 2))
    loss = lm.l2_loss(_XS, _YS)
    v = sp.Matrix(sp.symbols("v_1:4", real=True))
    alpha, beta = (sp.Matrix(sp.symbols(f"{n}_1:7", real=True)) for n in ("alpha", "beta"))
    grad = lm.gradient(lm.l2_loss(_XS[:1], _YS[:1]), list(rho))
    delta, L1, g = sp.Symbol("delta", nonnegative=True), sp.Symbol("L_1", real=True), sp.Symbol("g", nonnegative=True)
    return [
        Equality(label="output_linear_in_parameters", latex=r"f_\rho(x) = M^1x+b^1 = J(x)\,\rho",
                 lhs=lm.output(_XS[0], 2), rhs=lm.output_jacobian(_XS[0], 2) * rho,
                 justification="With no hidden layer, (7) is the single affine map of the parameters; J(x) holds only data.",
                 scope=_sizes_scope(None, 2, 2, "symbolic x")),
        Check(label="loss_quadratic_in_parameters", latex=r"L(\rho)=\sum_s\|f_\rho(x_s)-y_s\|^2 \text{ has total degree 2 in } \rho",
              run_check=lambda: _total_degree_is(2, loss),
              wrong_versions=[lambda: _total_degree_is(1, loss), lambda: _total_degree_is(2, lm.cross_entropy_loss(_XS, _YS))],
              kind_name="polynomial", scope=SYMBOLIC_2X2),
        Equality(label="hessian_constant", latex=r"\mathbf HL(\rho) = 2\sum_s J(x_s)^\top J(x_s)\quad(\text{free of }\rho)",
                 lhs=lm.hessian(loss, list(rho)), rhs=lm.l2_hessian_closed_form(_XS, 2),
                 justification="Differentiate (13) twice; checked for symbolic data (n=2, d_in=2, d_out=2).",
                 scope=SYMBOLIC_2X2),
        Equality(label="hessian_blocks_twice_gram", printed=False,
                 latex=r"\mathbf HL = 2G \text{ on each output block},\ 0 \text{ across},\quad G=\sum_s\tilde x_s\tilde x_s^\top",
                 lhs=lm.l2_hessian_closed_form(_XS, 2), rhs=lm.l2_hessian_from_gram(_XS, 2), scope=SYMBOLIC_2X2),
        Equality(label="gram_positive_semidefinite", printed=False,
                 latex=r"v^\top G v = \sum_s (\tilde x_s\cdot v)^2 \ge 0",
                 lhs=_quadratic_form(lm.gram(_XS), v), rhs=sum(((sp.Matrix(x + [1]).T * v)[0, 0] ** 2 for x in _XS), 0),
                 scope=_sizes_scope(2, 2, None, "symbolic x, v")),
        Cited(label="eigenvalue_at_most_trace", printed=False, latex=r"G\succeq 0 \Rightarrow \lambda_{\max}(G)\le\operatorname{tr}G",
              reference="linear algebra: the eigenvalues of a PSD matrix are >= 0 and sum to its trace"),
        Check(label="hessian_norm_bounded", latex=r"\|\mathbf HL\|_{\mathrm{op}} \le m = 2\operatorname{tr}G = 2\sum_s(1+\|x_s\|^2)\ \text{(default data)}",
              run_check=lambda: _norm_check(lm.l2_smoothness_constant), wrong_versions=[lambda: _norm_check(_top_gram_bound)],
              kind_name="exact-eigenvalue-bound", scope=_sizes_scope(2, 2, 3, "the default data (DEFAULT_XS, DEFAULT_YS)"),
              justification="Steps 4-6 for symbolic data of one size; here exactly (Sturm) on the default data."),
        Equality(label="smallest_m_is_twice_top_gram_eigenvalue", printed=False,
                 latex=r"\det(\lambda I-\mathbf HL) = \big(2^{d_{\mathrm{in}}+1}\det(\tfrac\lambda2 I-G)\big)^{d_{\mathrm{out}}}",
                 lhs=_charpoly_lhs, rhs=_charpoly_rhs, scope=_sizes_scope(*CHARPOLY_SIZES, data=f"seeded rational (seed {CHARPOLY_SEED})"),
                 justification="So ||HL||_op = 2 lambda_max(G) exactly: the best m (seeded data with n = 5, d_in = 3, "
                               "d_out = 2, distinct sizes)."),
        Equality(label="gradient_difference_is_hessian_step",
                 latex=r"\nabla L(\beta)-\nabla L(\alpha) = \mathbf HL\,(\beta-\alpha) \ \Rightarrow\ \|\nabla L(\beta)-\nabla L(\alpha)\|\le m\|\beta-\alpha\|",
                 lhs=grad.subs(dict(zip(rho, beta)), simultaneous=True) - grad.subs(dict(zip(rho, alpha)), simultaneous=True),
                 rhs=lm.l2_hessian_closed_form(_XS[:1], 2) * (beta - alpha), budget_s=0.5,
                 scope=_sizes_scope(1, 2, 2, "one symbolic datum (L is a sum over data)"),
                 justification="The gradient is affine (one symbolic datum; L is a sum over data); ||HL v|| <= ||HL||_op ||v||."),
        Inequality(label="l0_l1_smooth_for_any_L1",
                   latex=r"\|\mathbf HL(\rho)\| = m-\delta \le m + L_1\|\nabla L(\rho)\| \quad(\delta\ge0,\ L_1\in\mathbb R)",
                   lhs=-delta, rhs=L1 * g, domain={delta: (0, 8), g: (0, 64), L1: (-1, 1)},
                   erratum=r"'$(L_0, L_1)$-smooth for that $L_0$ and any value of $L_1$' fails for $L_1 < 0$ (Definition 1 "
                           r"allows any real $L_1$): $\|\nabla L\|$ is unbounded (step gradient_norm_unbounded); the "
                           r"inequality $m - \delta \le m + L_1 g$ fails at {point}, where $g := \|\nabla L(\rho)\|$ and "
                           r"$\delta := m - \|\mathbf HL(\rho)\| \ge 0$."),
        Inequality(label="l0_l1_smooth_for_nonnegative_L1", repairs="l0_l1_smooth_for_any_L1",
                   latex=r"\|\mathbf HL(\rho)\| \le m \le m + L_1\|\nabla L(\rho)\|\quad(L_1\ge 0)",
                   lhs=-delta, rhs=sp.Symbol("L_1", nonnegative=True) * g),
        Witness(label="gradient_norm_unbounded", printed=False,
                latex=r"\forall G\ \exists\rho:\ \|\nabla L(\rho)\| > G \quad(\rho = \tau e_{b_1})",
                construct=_unbounded_rho, verify=_gradient_exceeds,
                cases=[{"G": Fraction(10) ** k} for k in (0, 6, 12, 40)],
                wrong_constructions=[lambda p: [Fraction(0)] * 9]),
        Witness(label="m_depends_on_data", printed=False,
                latex=r"\forall m\ \exists\text{ data } (x=(\lfloor\sqrt m\rfloor+1, 0)):\ \|\mathbf HL\|_{\mathrm{op}} \ge 2x_1^2 > m",
                construct=_data_for_m, verify=_hessian_exceeds_m,
                cases=[{"m": Fraction(10) ** k} for k in (0, 3, 12, 50)],
                wrong_constructions=[lambda p: ([[Fraction(1), Fraction(0)]], [[Fraction(0)]])]),
        NumericAgreement(label="hessian_agrees_with_mirror", printed=False,
                         latex=r"2\sum_s J_s^\top J_s = \text{forward-mode jets (mpmath, 60 digits)},\ |\rho|\le 10^{7}",
                         closed_form=_closed_entry, mirror=lambda p: _mirror_hessian(p[0])[p[1]][p[2]],
                         points=_mirror_points(), describe=lambda p: f"seed={p[0]}, entry=({p[1]},{p[2]})"),
    ]


def _sigma_absent() -> StepResult:
    sigma = generic_activation().formula.func
    f = lm.composition_7(_XS[0], [(lm.weights(2, 2), lm.biases(2))], sigma)
    ok = not f.has(sigma) and sp.expand(f - lm.output(_XS[0], 2)) == sp.zeros(2, 1)
    return StepResult(ok, "symbolic", "expression-inspection",
                      "composition (7) with l = 0 is M^1 x + b^1: sigma never appears" if ok else "sigma appears")


def _sigma_present_at_depth_one() -> StepResult:
    sigma = generic_activation().formula.func
    layers = [(lm.weights(2, 2), lm.biases(2)), (sp.Matrix([[1, 1]]), sp.Matrix([0]))]
    return StepResult(not lm.composition_7(_XS[0], layers, sigma).has(sigma), "symbolic", "expression-inspection",
                      "depth 1 applies sigma")


def _contrast_entry(params, t) -> WitnessCheck:
    value = lm.depth_two_contrast("l2").subs(sp.Symbol("t", real=True), _q(t))
    return WitnessCheck(f"|(HL)_(b^2_1, b^2_1)| at t={t}: {value}", f"m = {params['m']}", value > _q(params["m"]))


def _assumption_1_holds(params: dict[str, Any]) -> bool:
    r"""Assumption 1 for a catalogue activation, or for a formula in z (decided exactly, else refused with the reason)."""
    name = params.get("activation")
    if name is None:
        return True
    return ray.activation_holds_a1(params) if isinstance(name, sp.Expr) else assumption_1(activation(name)).holds


def _assumptions() -> list[Assumption]:
    absent = Check(label="depth_zero_output_free_of_sigma", printed=False, latex=r"\ell=0:\ f_\rho = M^1x+b^1",
                   run_check=_sigma_absent, wrong_versions=[_sigma_present_at_depth_one],
                   scope={"d_in": [2], "d_out": [2], "data": "symbolic x", "activation": "generic sigma"})
    depth_two = Witness(label="depth_two_hessian_unbounded", printed=False,
                        latex=r"\ell=2,\ \sigma=\tanh:\ (\mathbf HL)_{b^2_1b^2_1}(\rho(t)) = 2t^2 > m \text{ at } t=\lceil\sqrt m\rceil",
                        construct=lambda p: Fraction(math.isqrt(int(p["m"])) + 1), verify=_contrast_entry,
                        cases=[{"m": Fraction(10) ** k} for k in (0, 6, 12, 30)],
                        wrong_constructions=[lambda p: Fraction(1, 2)])
    return [
        Assumption("A1", "Assumption 1: sigma(c) = 0, sigma'(c) != 0", r"\exists c:\ \sigma(c)=0\ne\sigma'(c)",
                   holds=_assumption_1_holds,
                   necessity=Necessity("superfluous", r"At depth $0$ the network (7) is $M^1x + b^1$; $\sigma$ is never "
                                       r"applied, so no property of $\sigma$ is used.", absent)),
        Assumption("A2", "sigma twice differentiable", r"\sigma\in C^2", used_not_stated=True,
                   holds=lambda p: "activation" not in p or ray.activation_twice_differentiable(p),
                   necessity=Necessity("superfluous", r"$\sigma$ is never applied at depth $0$.", absent)),
        Assumption("A3", "depth l = 0 (no hidden layer)", r"\ell = 0",
                   necessity=Necessity("necessary", r"Depth $2$, widths $1$, $\sigma = \tanh$: on Cooper's ray $\rho(t)$ "
                                       r"the Hessian entry $\partial^2L/\partial(b^2_1)^2 = 2t^2$ is unbounded, so no $m$ "
                                       r"exists.", depth_two)),
    ]


def _data(params: dict[str, Any]) -> tuple[list, list]:
    try:
        return lm.data_from_settings(params["n"], params["d_in"], params["d_out"], params.get("xs"), params.get("ys"),
                                     params["seed"], probabilities=False)
    except lm.BadData as exc:
        raise BadInput(f"{ID}: {exc}") from exc


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    xs, ys = _data(params)
    rho = lm.parameters(len(xs[0]), len(ys[0]))
    loss = sp.expand(lm.l2_loss(xs, ys))
    hessian = lm.l2_hessian_from_gram(xs, len(ys[0]))  # = 2 sum_s J_s^T J_s (step hessian_blocks_twice_gram)
    lam = sp.Symbol("lambda")
    roots = sp.Poly(lm.gram(xs).charpoly(lam).as_expr(), lam).real_roots()
    return {"parameters": str(rho), "loss": str(loss), "gradient": str([sp.diff(loss, v) for v in rho]),
            "hessian": str(hessian.tolist()), "m": str(lm.l2_smoothness_constant(xs)),
            "hessian_operator_norm": str(2 * max(roots)),
            "hessian_frobenius_norm": str(sp.sqrt(sum(e**2 for e in hessian)))}


def _extra() -> dict[str, Any]:
    rows = []
    for name, act in CATALOGUE.items():
        verdict = assumption_1(act)
        rows.append({"activation": name, "formula": act.latex, "zero_set": str(act.zero_set), "c": str(verdict.c),
                     "sigma_prime_c": str(verdict.sigma_prime_c), "sigma_second_c": str(verdict.sigma_second_c),
                     "assumption_1": verdict.holds, "twice_differentiable": verdict.twice_differentiable,
                     "reason": verdict.reason})
    return {"assumption_1_catalogue": rows,
            "note": "Assumption 1 is superfluous here (depth 0); the table serves Lemmas 9-11 as printed (Theorems 12 "
                    "and 14 need only a non-constant sigma, see cooper.assumption_1)."}


def theorem() -> Claim:
    r"""Cooper Theorem 13 with its printed proof, step by step."""
    return Claim(
        id=ID, paper="cooper", label="Theorem 13", section="App. C",
        title="Depth 0, L2 loss: the Hessian is constant, so L is m-smooth",
        statement=r"For a feedforward network of depth $\ell=0$ whose activation satisfies Assumption 1, the L2 loss "
                  r"satisfies the $(L_0,L_1)$ condition, and even is $m$-smooth for some $m$.",
        reference="Cooper, A theoretical study of the (L0,L1)-smoothness condition in deep learning, App. C, Theorem 13",
        assumptions=_assumptions(), steps=_steps(),
        parameters=[Parameter("d_in", "integer", 2, "input width"), Parameter("d_out", "integer", 3, "output width"),
                    Parameter("n", "integer", 2, "number of data points"),
                    Parameter("xs", "list", None, "inputs, JSON list of n lists of d_in numbers"),
                    Parameter("ys", "list", None, "targets, JSON list of n lists of d_out numbers"),
                    Parameter("seed", "integer", 0, "seed of the rational data when xs/ys are not given"),
                    Parameter("activation", "formula", None, "catalogue activation or formula in z (unused at depth 0; checked "
                              "against Assumption 1)", tuple(CATALOGUE))],
        derive=_derive, extra=_extra,
        notes=[r"$m = 2\sum_s(1 + \|x_s\|^2)$ is explicit; the best constant is $2\lambda_{\max}(G)$ (checked), where "
               r"$G := \sum_s \tilde x_s\tilde x_s^\top$, $\tilde x_s := (x_s, 1)$.",
               r"'$(L_0, L_1)$-smooth for any value of $L_1$' holds only for $L_1 \ge 0$.",
               r"Assumption 1 and twice differentiability are superfluous at depth $0$."],
    )
