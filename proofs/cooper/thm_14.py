r"""Cooper, Theorem 14: the cross-entropy loss of a network of depth >= 2 is not (L0, L1)-smooth.

Reference: [Cooper, App. D, Thm 14, eqs. (30)-(32)]

Statement:   For a classification problem with :math:`b\ge2` classes and any network of
             depth :math:`\ell\ge2` with twice differentiable :math:`\sigma` satisfying
             Assumption 1, the cross-entropy loss (14) is not :math:`(L_0,L_1)`-smooth.
Assumptions: A1  sigma(c) = 0, sigma'(c) != 0   [paper: Assumption 1]  superfluous: the shifted ray needs only A6
             A2  sigma twice differentiable     [paper: Thm 14]
             A3  depth l >= 2                   [paper: Thm 14]        superfluous given A7 (depth 1 works)
             A4  b = d_out >= 2 classes         [paper: Thm 14]
             A5  sum_j y_mj = 1                 [paper: Assumption 2]
             A6  sigma non-constant             [implied by A1]        necessary (sigma = k: m-smooth)
             A7  depth l >= 1                   [implied by A3]        necessary (depth 0: Theorem 15)
Symbols:     \sigma'(c) -> sigma_1, \sigma''(c) -> sigma_2, M = I (extended by zeros)
Proof outline:
  1. `loss_rewritten_with_assumption_2`  (14) = -sum y.f + sum log sum e^f, using sum_j y_mj = 1
  2. `gradient_eq_31_on_ray`        grad L = -sum y_j grad f_j + sum_k grad f_k / d_out on the ray (scope)
  3. `hessian_eq_32`                the four-term Hessian (32) on the ray (scope)
  4. `grad_norm_sq_degree_at_most_2`  ||grad L||^2 has degree <= 2 in t
  5. `first_two_terms_at_most_linear` the entries of Hf on the ray have degree <= 1
  6. `last_two_terms_entry_as_printed` (b^l_1, b^l_1) entry of the last two terms = sigma_1^2 n (1/d - 1/d^2) t^2
                                    (architectures whose sizes n, d_in, c_l, d_out are distinct primes)
  7. `hessian_entry_closed_form`    the whole entry, all terms (scope + primes, no Assumption 2 used)
  8. `hessian_entry_degree_2`       degree 2, leading coefficient sigma_1^2 n (1/d - 1/d^2) != 0 (d >= 2; primes)
  9. `layer_recursion_hidden`, `layer_recursion_output`  every depth, rows of any width K
 10. `gradient_grows_linearly`      printed: fails when every class total is n/d_out (the gradient vanishes)
     `gradient_grows_at_most_linearly`  repaired: degree <= 2, all the conclusion uses
 11. `shifted_ray_without_assumption_1`, `shifted_ray_agrees_with_mirror`  no Assumption 1 needed
 12. `agrees_with_mirror`, `remark_2_norms`, `no_L0_L1_witness`
 13. For every depth, width, d_in, d_out and n (every_size.py), sizes as symbols: `hidden_preactivation_is_c`,
     `backward_signal_vanishes` (inductions over layers), `units_interchangeable`, `grad_norm_sq_every_size`,
     `hessian_entry_every_size`, `every_size_agrees_with_jets` (the exhaustive scope as cross-check),
     `leading_coefficient_positive` (d_out >= 2, A2), `no_L0_L1_every_size` (the witness, Z3)
Review notes: the printed proof holds, except the sentence "the gradient grows linearly"
(too strong; the conclusion only gets stronger).  A1 can be replaced by "sigma non-constant"
(A6, shifted ray), A3 by l >= 1 (A7; cooper.depth_1); A5 can be weakened to
sum_{m,j} y_mj != 0 (the t^2 coefficient is sigma_1^2 (1/d - 1/d^2) sum_{m,j} y_mj,
checked without A5).  The printed "b^4_1" is a typo for b^l_1.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping

import sympy as sp

from proofs.cooper.every_size import every_size_steps
from proofs.cooper.figures import figures_for, plotter
from proofs.cooper import ray, ray_steps
from proofs.engine import Assumption, Check, Claim, Equality, Necessity, PolynomialDegree, StepResult
from symbolic import network as net
from symbolic.activations import SIGMA_1, SIGMA_2

ID = "cooper.thm_14"
LOSS = "cross_entropy"
REPRESENTATIVE = net.Architecture((2, 2), 2, 3)
SCOPE = dict(depths=(2, 3, 4), widths=(1, 2), d_ins=(1,), d_outs=(2, 3))


def scope_pairs() -> list[tuple[net.Architecture, int]]:
    r"""``(architecture, n)`` over the declared :data:`SCOPE`, n = 2."""
    return [(arch, 2) for arch in net.scope(**SCOPE)]


def _over_scope(test, data_of=net.probability_data, pairs=None) -> StepResult:
    pairs = scope_pairs() if pairs is None else pairs
    for arch, n in pairs:
        data = data_of(n, arch.d_in, arch.d_out)
        problem = test(arch, data, net.derivatives_on_ray(arch, data, LOSS))
        if problem:  # the test's own words (plain prose) after the architecture
            return StepResult(False, "symbolic", "exact-jets", problem, counterexample="at {dimensions}: " + problem,
                              values={"dimensions": ray.dimension_point(arch, n)})
    return StepResult(True, "symbolic", "exact-jets", f"exact on all {len(pairs)} architectures, symbolic data")


#: Data satisfying Assumption 2 (the last class is 1 minus the others), else every y free.
WITH_A2, FREE_Y = "symbolic x, y with sum_j y_mj = 1 (Assumption 2)", "symbolic x, y (no Assumption 2)"


def _scope(data: str = WITH_A2, *, primes: bool = False) -> dict:
    return ray.scope_of(SCOPE, data=data, also=ray.prime_architectures() if primes else None)


def _outs(arch, data):
    return ray.output_jets(arch, data, LOSS)


def gradient_eq_31(arch, data, d, mean=1) -> str | None:
    r""":math:`\nabla L=-\sum_m\sum_jy_{mj}\nabla f_j+\sum_m\sum_k\nabla f_k/d_{out}` entry by entry."""
    outs, dd = _outs(arch, data), arch.d_out
    for a in range(len(d.params)):
        want = sum(-y * ray.as_expr(j.derivative(a)) + mean * ray.as_expr(j.derivative(a)) / dd
                   for jets, ys in zip(outs, data.ys) for j, y in zip(jets, ys))
        if sp.expand(ray.as_expr(d.gradient.get(a, 0)) - want) != 0:
            return f"d L / d {d.params[a].latex()}"
    return None


def hessian_eq_32(arch, data, d, last=-1) -> str | None:
    r"""The four terms of (32) against the computed Hessian on every entry that could be nonzero."""
    outs, dd = _outs(arch, data), arch.d_out
    keys = set(d.hessian)
    for jets in outs:
        for j in jets:
            keys |= set(j.quad) | {(a, b) for a in j.lin for b in j.lin if a <= b}
    for a, b in keys:
        want = 0
        for jets, ys in zip(outs, data.ys):
            ga = [ray.as_expr(j.derivative(a)) for j in jets]
            gb = [ray.as_expr(j.derivative(b)) for j in jets]
            h = [ray.as_expr(j.second_derivative(a, b)) for j in jets]
            want += (-sum(y * hk for y, hk in zip(ys, h)) + sum(h) / dd + sum(x * y for x, y in zip(ga, gb)) / dd
                     + last * sum(ga) * sum(gb) / dd**2)
        if sp.expand(ray.as_expr(d.hessian.get((a, b), 0)) - want) != 0:
            return f"H[{d.params[a].latex()}, {d.params[b].latex()}]"
    return None


def _rep():
    data = net.probability_data(2, REPRESENTATIVE.d_in, REPRESENTATIVE.d_out)
    return data, net.derivatives_on_ray(REPRESENTATIVE, data, LOSS)


REPRESENTATIVE_SCOPE = {"architectures": [ray.show_architecture(REPRESENTATIVE, 2)], "data": WITH_A2,
                        "activation": ray.GENERIC_SIGMA}


def last_two_terms_entry(arch: net.Architecture, data: net.Data) -> sp.Expr:
    r"""The (b^l_1, b^l_1) entry of the last two terms of (32), from the output jets."""
    a, dd, total = arch.parameters().index(net.named_entry(arch)), arch.d_out, 0
    for jets in _outs(arch, data):
        g = [ray.as_expr(j.derivative(a)) for j in jets]
        total += sum(v**2 for v in g) / dd - sum(g) ** 2 / dd**2
    return total


def printed_last_two_terms(D, data=None) -> sp.Expr:
    r"""The paper's :math:`(\sigma'(c))^2n(\frac1{d_{out}}-\frac1{d_{out}^2})t^2` (App. D, end of the proof)."""
    return SIGMA_1**2 * D["n"] * (sp.Rational(1, D["d_out"]) - sp.Rational(1, D["d_out"] ** 2)) * net.T**2


def printed_leading(D, data=None) -> sp.Expr:
    r"""The :math:`t^2` coefficient :math:`\sigma'(c)^2n(\frac1d-\frac1{d^2})` of the entry."""
    return SIGMA_1**2 * D["n"] * (sp.Rational(1, D["d_out"]) - sp.Rational(1, D["d_out"] ** 2))


def hessian_entry_formula(D, data: net.Data) -> sp.Expr:
    r""":math:`\sigma'(c)^2t^2(\frac1d-\frac1{d^2})\sum_mw_m+\sigma''(c)t\sum_m(\frac{w_m}d-y_{m1})`, :math:`w_m=\sum_jy_{mj}` (ours)."""
    d, w = D["d_out"], [sum(row) for row in data.ys]
    return SIGMA_1**2 * net.T**2 * (sp.Rational(1, d) - sp.Rational(1, d**2)) * sum(w) \
        + SIGMA_2 * net.T * sum(ws / d - row[0] for ws, row in zip(w, data.ys))


def entry_t2_coefficient(arch: net.Architecture, data: net.Data) -> sp.Expr:
    return sp.expand(ray.named_entry_on_ray(arch, data, LOSS)).coeff(net.T, 2)


def t2_coefficient_without_a2(D, data: net.Data) -> sp.Expr:
    r""":math:`\sigma'(c)^2(\frac1d-\frac1{d^2})\sum_{m,j}y_{mj}` (no Assumption 2)."""
    return SIGMA_1**2 * (sp.Rational(1, D["d_out"]) - sp.Rational(1, D["d_out"] ** 2)) * sum(sum(r) for r in data.ys)


def _loss_rewrite() -> tuple[sp.Expr, sp.Expr]:
    f = sp.symbols("f_1:4", real=True)
    y = list(sp.symbols("y_1:3", real=True))
    y.append(1 - y[0] - y[1])
    lse = sp.log(sum(sp.exp(v) for v in f))
    printed = -sum(yj * sp.log(sp.exp(fj) / sum(sp.exp(v) for v in f)) for yj, fj in zip(y, f))
    return sp.expand(sp.expand_log(printed, force=True)), sp.expand(-sum(yj * fj for yj, fj in zip(y, f)) + lse)


def _b_necessity() -> StepResult:
    arch, symbols = net.Architecture((1, 1), 1, 1), net.parameter_symbols(net.Architecture((1, 1), 1, 1))
    L = net.loss_expression(arch, net.Data(((sp.Integer(2),),), ((sp.Integer(1),),)), LOSS, sp.tanh, symbols)
    zero = sp.simplify(sp.expand_log(L, force=True)) == 0
    return StepResult(zero, "symbolic", "simplify", "b = d_out = 1, y = 1: L = -(f - log e^f) = 0 identically: m-smooth")


def _b_necessity_wrong() -> StepResult:
    r"""Wrong version: 'with b = 2 the loss is identically 0 too' (it is log 2 at all parameters 1, exactly)."""
    arch, symbols = net.Architecture((1, 1), 1, 2), net.parameter_symbols(net.Architecture((1, 1), 1, 2))
    L = net.loss_expression(arch, net.Data(((sp.Integer(2),),), ((sp.Rational(1, 2), sp.Rational(1, 2)),)), LOSS, sp.tanh, symbols)
    value = sp.simplify(sp.expand_log(L.subs({s: 1 for s in symbols.values()}), force=True))
    return StepResult(value.is_zero is True, "symbolic", "simplify", f"b = 2: L(all parameters 1) = {value} (exact)")


def _a5_weakened(weight_factor=1) -> StepResult:
    r"""The :math:`t^2` coefficient of the entry without Assumption 2, on the scope and the prime-size architectures."""
    return ray.check_against_dimensions(entry_t2_coefficient, lambda D, data: weight_factor * t2_coefficient_without_a2(D, data),
                                       pairs=ray.prime_architectures() + scope_pairs(), loss=LOSS, data_of=net.symbolic_data)


def _derive(params: Mapping[str, Any]) -> dict[str, Any]:
    arch, data, name = ray.configuration(params, LOSS)
    return {**{k: str(v) for k, v in ray.quantities(arch, data, LOSS, name).items()},
            "hessian_entry_parameter": net.named_entry(arch).latex(), **ray.activation_report(name)}


def _a2_holds(params: Mapping[str, Any]) -> bool:
    ys = params.get("ys")
    return ys is None or all(sum(row) == 1 for row in ys)


def _steps() -> list:
    rewrite = _loss_rewrite()
    primes = ray.prime_architectures()
    return [
        Equality(label="loss_rewritten_with_assumption_2",
                 latex=r"-\sum_j y_j\log\frac{e^{f_j}}{\sum_ke^{f_k}}=-\sum_jy_jf_j+\log\sum_ke^{f_k}\quad(\textstyle\sum_jy_j=1)",
                 lhs=rewrite[0], rhs=rewrite[1], justification="Assumption 2 (shown for d_out = 3).",
                 scope={"d_out": [3], "data": "symbolic f, y with sum_j y_j = 1"}),
        Check(label="gradient_eq_31_on_ray", latex=r"\nabla L|_{\rho(t)}=-\sum_m\sum_j[y_m]_j\nabla[f_\rho(x_m)]_j+\sum_m\frac{\sum_k\nabla[f_\rho(x_m)]_k}{d_{out}}",
              run_check=lambda: _over_scope(gradient_eq_31), scope=_scope(),
              wrong_versions=[lambda: _over_scope(lambda a, dt, d: gradient_eq_31(a, dt, d, mean=0))]),
        Check(label="hessian_eq_32", latex=r"\mathbf HL|_{\rho(t)}=\text{(32)}",
              run_check=lambda: _over_scope(hessian_eq_32), scope=_scope(),
              wrong_versions=[lambda: _over_scope(lambda a, dt, d: hessian_eq_32(a, dt, d, last=1))]),
        PolynomialDegree(label="grad_norm_sq_degree_at_most_2", latex=r"\deg_t\|\nabla L(\rho(t))\|^2\le2",
                         expr=lambda: _rep()[1].grad_norm_sq(), var=net.T, degree=2, at_most=True, scope=REPRESENTATIVE_SCOPE),
        Check(label="first_two_terms_at_most_linear", latex=r"\deg_t[\mathbf H[f_\rho(x_m)]_k|_{\rho(t)}]_{ab}\le1",
              run_check=lambda: ray.hf_degree_at_most(1), wrong_versions=[lambda: ray.hf_degree_at_most(0)],
              scope=ray.hf_scope(ray.SCOPE)),
        ray.dimension_step("last_two_terms_entry_as_printed",
                          r"\sum_m\Big(\frac{\sum_k(\sigma'(c)t[M\Delta^\ell_1]_k)^2}{d_{out}}-\frac{(\sum_k\sigma'(c)t[M\Delta^\ell_1]_k)^2}{d_{out}^2}\Big)=(\sigma'(c))^2n\Big(\frac1{d_{out}}-\frac1{d_{out}^2}\Big)t^2",
                          last_two_terms_entry, printed_last_two_terms, uses=("n", "d_out"), loss=LOSS,
                          data_of=net.probability_data,
                          scope=ray.architectures_scope(primes, data=WITH_A2),
                          justification="M = I: [M Delta^l_1]_k = 1 if k = 1 else 0. Printed as the "
                                        "d^2/(d b^4_1)^2 entry: a typo for b^l_1 (the entry Lemma 10 simplifies)."),
        ray.dimension_step("hessian_entry_closed_form",
                          r"\partial^2_{(b^\ell_1)^2}L=\sigma'(c)^2t^2(\tfrac1d-\tfrac1{d^2})\sum_mw_m+\sigma''(c)t\sum_m(\tfrac{w_m}{d}-y_{m1}),\ w_m=\sum_jy_{mj}",
                          lambda a, dt: ray.named_entry_on_ray(a, dt, LOSS), hessian_entry_formula, uses=("d_out",),
                          loss=LOSS, pairs=primes + scope_pairs(), scope=_scope(FREE_Y, primes=True), printed=False,
                          cross_checks="hessian_entry_every_size",
                          justification="All terms, no Assumption 2 used: the first two terms of (32) contribute "
                                        "sigma''(c) t sum_m (w_m/d - y_m1) (Lemma 11, b-b case)."),
        ray.dimension_step("hessian_entry_degree_2", r"\partial^2_{(b^\ell_1)^2}L=\sigma'(c)^2n(\tfrac1d-\tfrac1{d^2})t^2+O(t)",
                          lambda a, dt: ray.leading_coefficient(ray.named_entry_on_ray(a, dt, LOSS), 2), printed_leading,
                          uses=("n", "d_out"), loss=LOSS, data_of=net.probability_data,
                          scope=ray.architectures_scope(primes, data=WITH_A2),
                          justification="Degree exactly 2; 1/d - 1/d^2 != 0 for d >= 2 and sigma'(c) != 0."),
        *ray_steps.recursion_steps(),
        *ray_steps.gradient_growth_steps(LOSS),
        ray_steps.shifted_ray_step(LOSS),
        ray_steps.shifted_mirror_step(LOSS),
        ray_steps.mirror_agreement(LOSS, "agrees_with_mirror"),
        Check(label="remark_2_norms", latex=r"|H_{ii}|\le\|H\|_{op}\le\|H\|_F\le\sqrt{\operatorname{rank}H}\,\|H\|_{op}",
              run_check=lambda: ray_steps.remark_2_check(LOSS), wrong_versions=[lambda: ray_steps.remark_2_check(LOSS, r_factor=1)]),
        dataclasses.replace(ray_steps.witness_step(LOSS), cross_checks="no_L0_L1_every_size"),
        *every_size_steps(LOSS),
    ]


def theorem() -> Claim:
    r"""Cooper's Theorem 14 with its printed proof as steps."""
    a1, a2 = ray_steps.assumption_1(LOSS, "A6"), ray_steps.twice_differentiable_assumption()
    a3 = Assumption(label="A3", name="depth l >= 2", latex=r"\ell\ge2", necessity=ray_steps.depth_necessity(LOSS, "A7"))
    return Claim(
        id=ID, paper="cooper", label="Theorem 14", section="Appendix D",
        title="Cross-entropy loss of deep networks is not (L0, L1)-smooth",
        statement=r"For a classification problem with $b\ge2$ classes and any network of depth $\ell\ge2$ with twice "
                  r"differentiable $\sigma$ satisfying Assumption 1, the cross-entropy loss is not $(L_0,L_1)$-smooth.",
        reference="Cooper, App. D, Thm 14, eqs. (30)-(32)",
        assumptions=[a1, a2, a3,
                     Assumption(label="A4", name="b = d_out >= 2", latex=r"b\ge2",
                                necessity=Necessity(verdict="necessary", evidence=r"With one class the loss is identically $0$.",
                                                    check=Check(label="one_class_loss_is_zero", latex=r"b=1:\ L\equiv0",
                                                                run_check=_b_necessity, wrong_versions=[_b_necessity_wrong])),
                                holds=lambda p: p.get("d_out") is None or int(p["d_out"]) >= 2),
                     Assumption(label="A5", name="sum_j y_mj = 1 (Assumption 2)", latex=r"\sum_jy_{mj}=1",
                                necessity=Necessity(verdict="necessary", evidence=r"With $y = 0$ the loss is identically $0$ "
                                                    r"($m$-smooth). It can be weakened to $\sum_{m,j} y_{mj} \neq 0$: the $t^2$ "
                                                    r"coefficient of the $(b^\ell_1)^2$ entry is "
                                                    r"$\sigma'(c)^2(1/d - 1/d^2)\sum_{m,j} y_{mj}$, $d := d_{out}$ (checked on the "
                                                    r"scope and the prime-size architectures with unconstrained symbolic $y$: "
                                                    r"$y = 0$ makes it vanish).",
                                                    check=Check(label="entry_leading_coefficient_without_assumption_2",
                                                                latex=r"[t^2]\,\partial^2_{(b^\ell_1)^2}L=\sigma'(c)^2(\tfrac1d-\tfrac1{d^2})\sum_{m,j}y_{mj}",
                                                                run_check=_a5_weakened, wrong_versions=[lambda: _a5_weakened(2)],
                                                                scope=_scope(FREE_Y, primes=True))),
                                holds=_a2_holds),
                     ray_steps.non_constant_assumption(LOSS, "A6"),
                     ray_steps.depth_one_assumption(LOSS, "A7")],
        steps=_steps(), conclusion="no_L0_L1_every_size",
        parameters=[p if p.name != "d_out" else dataclasses.replace(p, doc="classes b") for p in ray.deep_parameters()],
        derive=_derive, witness=ray.make_witness(LOSS, ID),
        figures=figures_for(LOSS, ID, "Theorem 14 (cross-entropy)"), plot=plotter(LOSS, ID, "Theorem 14 (cross-entropy)"),
        notes=["Scope: " + ray.scope_text(SCOPE) + r"; $n = 2$, symbolic data satisfying Assumption 2 (last class "
               r"$= 1 -$ the others); the formulas in $n$ and $d_{out}$ also on architectures whose sizes are distinct "
               r"primes. Proved on that scope, not for every architecture.",
               r"The entry has a linear term $\sigma''(c)\,t\sum_m(1/d - y_{m1})$, $d := d_{out}$, that the paper does not "
               r"write (harmless).",
               r"The proof names the entry $\partial^2/(\partial b^4_1)^2$; it means $b^\ell_1$ (typo), which is what is "
               r"checked.",
               r"'The gradient grows linearly' fails when every class total $\sum_m y_{mj}$ equals $n/d_{out}$ (e.g. "
               r"uniform labels): then the gradient vanishes along the ray (erratum of gradient_grows_linearly); the "
               r"conclusion only gets stronger.",
               r"Assumption 1 is not necessary: the shifted ray (hidden biases at $c'$ with $\sigma'(c') \neq 0$, output "
               r"bias $-t\,\sigma(c')\,M\mathbf{1} = -t\,\sigma(c')\,I\mathbf{1}$) gives the same entry for every "
               r"non-constant $\sigma$; only '$\sigma$ non-constant' (A6) and $\ell \ge 1$ (A7) are necessary."],
    )
