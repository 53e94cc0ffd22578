r"""Cooper, Theorem 14: the cross-entropy loss of a network of depth >= 2 is not (L0, L1)-smooth.

Reference: [Cooper, App. D, Thm 14, eqs. (30)-(32)]

Statement:   For a classification problem with :math:`b\ge2` classes and any network of
             depth :math:`\ell\ge2` with twice differentiable :math:`\sigma` satisfying
             Assumption 1, the cross-entropy loss (14) is not :math:`(L_0,L_1)`-smooth.
Assumptions: A1  sigma(c) = 0, sigma'(c) != 0   [paper: Assumption 1]
             A2  sigma twice differentiable     [paper: Thm 14]
             A3  depth l >= 2                   [paper: Thm 14]
             A4  b = d_out >= 2 classes         [paper: Thm 14]
             A5  sum_j y_mj = 1                 [paper: Assumption 2]
Symbols:     \sigma'(c) -> sigma_1, \sigma''(c) -> sigma_2, M = I (extended by zeros)
Proof outline:
  1. `loss_rewritten_with_assumption_2`  (14) = -sum y.f + sum log sum e^f, using sum_j y_mj = 1
  2. `gradient_eq_31_on_ray`        grad L = -sum y_j grad f_j + sum_k grad f_k / d_out on the ray (scope)
  3. `hessian_eq_32`                the four-term Hessian (32) on the ray (scope)
  4. `grad_norm_sq_degree_at_most_2`  ||grad L||^2 has degree <= 2 in t
  5. `first_two_terms_at_most_linear` the entries of Hf on the ray have degree <= 1
  6. `last_two_terms_entry_as_printed` (b^l_1, b^l_1) entry of the last two terms = sigma_1^2 n (1/d - 1/d^2) t^2
  7. `hessian_entry_closed_form`    the whole entry, all terms (scope, no Assumption 2 used)
  8. `hessian_entry_degree_2`       degree 2, leading coefficient sigma_1^2 n (1/d - 1/d^2) != 0 (d >= 2)
  9. `layer_recursion_hidden`, `layer_recursion_output`  every depth
 10. `agrees_with_mirror`, `remark_2_norms`, `no_L0_L1_witness`
Review notes: the printed proof holds.  A3 weakens to l >= 1 (cooper.depth_1);
A5 can be weakened to sum_{m,j} y_mj != 0 (the t^2 coefficient is
sigma_1^2 (1/d - 1/d^2) sum_{m,j} y_mj, checked without A5).
"""

from __future__ import annotations

from typing import Any, Mapping

import sympy as sp

from proofs import cooper_thm_12 as l2
from proofs.engine import (Assumption, Check, Claim, Equality, Necessity, Parameter, PolynomialDegree, StepResult)
from symbolic import network as net
from symbolic.activations import SIGMA_1

ID = "cooper.thm_14"
LOSS = "cross_entropy"
REPRESENTATIVE = net.Architecture((2, 2), 2, 3)
SCOPE = dict(depths=(2, 3, 4), widths=(1, 2), d_ins=(1,), d_outs=(2, 3))


def _over_scope(test, data_of=net.probability_data) -> StepResult:
    archs = net.scope(**SCOPE)
    for arch in archs:
        data = data_of(2, arch.d_in, arch.d_out)
        problem = test(arch, data, net.derivatives_on_ray(arch, data, LOSS))
        if problem:
            return StepResult(False, "symbolic", "exact-jets", problem, counterexample=f"{arch}: {problem}")
    return StepResult(True, "symbolic", "exact-jets", f"exact on all {len(archs)} architectures of {SCOPE}, n = 2, symbolic data")


def _outs(arch, data):
    return l2._output_jets(arch, data, LOSS)


def gradient_eq_31(arch, data, d, mean=1) -> str | None:
    r""":math:`\nabla L=-\sum_m\sum_jy_{mj}\nabla f_j+\sum_m\sum_k\nabla f_k/d_{out}` entry by entry."""
    outs, dd = _outs(arch, data), arch.d_out
    for a in range(len(d.params)):
        want = sum(-y * l2._expr(j.derivative(a)) + mean * l2._expr(j.derivative(a)) / dd
                   for jets, ys in zip(outs, data.ys) for j, y in zip(jets, ys))
        if sp.expand(l2._expr(d.gradient.get(a, 0)) - want) != 0:
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
            ga = [l2._expr(j.derivative(a)) for j in jets]
            gb = [l2._expr(j.derivative(b)) for j in jets]
            h = [l2._expr(j.second_derivative(a, b)) for j in jets]
            want += (-sum(y * hk for y, hk in zip(ys, h)) + sum(h) / dd + sum(x * y for x, y in zip(ga, gb)) / dd
                     + last * sum(ga) * sum(gb) / dd**2)
        if sp.expand(l2._expr(d.hessian.get((a, b), 0)) - want) != 0:
            return f"H[{d.params[a].latex()}, {d.params[b].latex()}]"
    return None


def _rep():
    data = net.probability_data(2, REPRESENTATIVE.d_in, REPRESENTATIVE.d_out)
    return data, net.derivatives_on_ray(REPRESENTATIVE, data, LOSS)


def _entry_rep():
    e = net.named_entry(REPRESENTATIVE)
    return _rep()[1].entry(e, e)


def _last_two_terms_rep():
    data, _ = _rep()
    a = REPRESENTATIVE.parameters().index(net.named_entry(REPRESENTATIVE))
    dd, total = REPRESENTATIVE.d_out, 0
    for jets in _outs(REPRESENTATIVE, data):
        g = [l2._expr(j.derivative(a)) for j in jets]
        total += sum(v**2 for v in g) / dd - sum(g) ** 2 / dd**2
    return total


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
    arch, symbols = net.Architecture((1, 1), 1, 2), net.parameter_symbols(net.Architecture((1, 1), 1, 2))
    L = net.loss_expression(arch, net.Data(((sp.Integer(2),),), ((sp.Rational(1, 2), sp.Rational(1, 2)),)), LOSS, sp.tanh, symbols)
    value = sp.N(L.subs({s: 1 for s in symbols.values()}), 30)
    return StepResult(value == 0, "symbolic", "evaluation", f"b = 2: L(all parameters 1) = {value}, not identically 0")


def _a5_weakened(weight_factor=1) -> StepResult:
    def test(arch, data, d):
        e = net.named_entry(arch)
        entry = sp.expand(d.entry(e, e))
        want = weight_factor * SIGMA_1**2 * (sp.Rational(1, arch.d_out) - sp.Rational(1, arch.d_out**2)) * sum(sum(r) for r in data.ys)
        return None if sp.expand(entry.coeff(net.T, 2) - want) == 0 else "t^2 coefficient"
    return _over_scope(test, data_of=net.symbolic_data)


def _derive(params: Mapping[str, Any]) -> dict[str, Any]:
    arch, data, name = l2.configuration(params, LOSS)
    return {**{k: str(v) for k, v in l2.quantities(arch, data, LOSS, name).items()},
            "hessian_entry_parameter": net.named_entry(arch).latex()}


def _a2_holds(params: Mapping[str, Any]) -> bool:
    ys = params.get("ys")
    return ys is None or all(sum(row) == 1 for row in ys)


def _steps() -> list:
    rewrite = _loss_rewrite()
    return [
        Equality(label="loss_rewritten_with_assumption_2",
                 latex=r"-\sum_j y_j\log\frac{e^{f_j}}{\sum_ke^{f_k}}=-\sum_jy_jf_j+\log\sum_ke^{f_k}\quad(\textstyle\sum_jy_j=1)",
                 lhs=rewrite[0], rhs=rewrite[1], justification="Assumption 2 (shown for d_out = 3)."),
        Check(label="gradient_eq_31_on_ray", latex=r"\nabla L|_{\rho(t)}=-\sum_m\sum_j[y_m]_j\nabla[f_\rho(x_m)]_j+\sum_m\frac{\sum_k\nabla[f_\rho(x_m)]_k}{d_{out}}",
              run_check=lambda: _over_scope(gradient_eq_31),
              wrong_versions=[lambda: _over_scope(lambda a, dt, d: gradient_eq_31(a, dt, d, mean=0))]),
        Check(label="hessian_eq_32", latex=r"\mathbf HL|_{\rho(t)}=\text{(32)}",
              run_check=lambda: _over_scope(hessian_eq_32),
              wrong_versions=[lambda: _over_scope(lambda a, dt, d: hessian_eq_32(a, dt, d, last=1))]),
        PolynomialDegree(label="grad_norm_sq_degree_at_most_2", latex=r"\deg_t\|\nabla L(\rho(t))\|^2\le2",
                         expr=lambda: _rep()[1].grad_norm_sq(), var=net.T, degree=2, at_most=True),
        Check(label="first_two_terms_at_most_linear", latex=r"\deg_t[\mathbf H[f_\rho(x_m)]_k|_{\rho(t)}]_{ab}\le1",
              run_check=lambda: l2.hf_degree_at_most(1), wrong_versions=[lambda: l2.hf_degree_at_most(0)]),
        Equality(label="last_two_terms_entry_as_printed",
                 latex=r"\sum_m\Big(\frac{\sum_k(\sigma'(c)t[M\Delta^\ell_1]_k)^2}{d_{out}}-\frac{(\sum_k\sigma'(c)t[M\Delta^\ell_1]_k)^2}{d_{out}^2}\Big)=(\sigma'(c))^2n\Big(\frac1{d_{out}}-\frac1{d_{out}^2}\Big)t^2",
                 lhs=_last_two_terms_rep, rhs=SIGMA_1**2 * 2 * (sp.Rational(1, 3) - sp.Rational(1, 9)) * net.T**2,
                 justification="M = I: [M Delta^l_1]_k = 1 if k = 1 else 0 (n = 2, d_out = 3)."),
        Check(label="hessian_entry_closed_form", printed=False,
              latex=r"\partial^2_{(b^\ell_1)^2}L=\sigma'(c)^2t^2(\tfrac1d-\tfrac1{d^2})\sum_mw_m+\sigma''(c)t\sum_m(\tfrac{w_m}{d}-y_{m1}),\ w_m=\sum_jy_{mj}",
              run_check=lambda: _over_scope(lambda a, dt, d: None if sp.expand(
                  d.entry(net.named_entry(a), net.named_entry(a)) - net.hessian_entry_closed_form(a, dt, LOSS)) == 0 else "entry",
                  data_of=net.symbolic_data),
              wrong_versions=[lambda: _a5_weakened(weight_factor=2)]),
        PolynomialDegree(label="hessian_entry_degree_2", latex=r"\partial^2_{(b^\ell_1)^2}L=\sigma'(c)^2n(\tfrac1d-\tfrac1{d^2})t^2+O(t)",
                         expr=_entry_rep, var=net.T, degree=2, leading=SIGMA_1**2 * 2 * (sp.Rational(1, 3) - sp.Rational(1, 9))),
        *l2.recursion_steps(),
        l2.mirror_agreement(LOSS, "agrees_with_mirror"),
        Check(label="remark_2_norms", latex=r"|H_{ii}|\le\|H\|_{op}\le\|H\|_F\le\sqrt{\operatorname{rank}H}\,\|H\|_{op}",
              run_check=lambda: l2.remark_2_check(LOSS), wrong_versions=[lambda: l2.remark_2_check(LOSS, r_factor=1)]),
        l2.witness_step(LOSS),
    ]


def theorem() -> Claim:
    r"""Cooper's Theorem 14 with its printed proof as steps."""
    base = l2.theorem()
    a1, a2, _ = base.assumptions
    a1 = Assumption(label=a1.label, name=a1.name, latex=a1.latex, holds=a1.holds,
                    necessity=Necessity(verdict="necessary", evidence="With sigma = 1 (no zero) f is affine in the "
                                        "parameters, so the cross-entropy Hessian is bounded (Lemma 16 / Theorem 15's argument; "
                                        "the L2 counterpart is checked in cooper.thm_12)."))
    a3 = Assumption(label="A3", name="depth l >= 2", latex=r"\ell\ge2", necessity=l2.depth_necessity(LOSS))
    return Claim(
        id=ID, paper="cooper", label="Theorem 14", section="Appendix D",
        title="Cross-entropy loss of deep networks is not (L0, L1)-smooth",
        statement=r"For a classification problem with $b\ge2$ classes and any network of depth $\ell\ge2$ with twice "
                  r"differentiable $\sigma$ satisfying Assumption 1, the cross-entropy loss is not $(L_0,L_1)$-smooth.",
        reference="Cooper, App. D, Thm 14, eqs. (30)-(32)",
        assumptions=[a1, a2, a3,
                     Assumption(label="A4", name="b = d_out >= 2", latex=r"b\ge2",
                                necessity=Necessity(verdict="necessary", evidence="With one class the loss is identically 0.",
                                                    check=Check(label="one_class_loss_is_zero", latex=r"b=1:\ L\equiv0",
                                                                run_check=_b_necessity, wrong_versions=[_b_necessity_wrong])),
                                holds=lambda p: p.get("d_out") is None or int(p["d_out"]) >= 2),
                     Assumption(label="A5", name="sum_j y_mj = 1 (Assumption 2)", latex=r"\sum_jy_{mj}=1",
                                necessity=Necessity(verdict="necessary", evidence="With y = 0 the loss is identically 0 "
                                                    "(m-smooth). It can be weakened to sum_{m,j} y_mj != 0: the t^2 coefficient "
                                                    "of the entry is sigma_1^2 (1/d - 1/d^2) sum_{m,j} y_mj (checked on the scope "
                                                    "with unconstrained symbolic y).",
                                                    check=Check(label="entry_leading_coefficient_without_assumption_2",
                                                                latex=r"[t^2]\,\partial^2_{(b^\ell_1)^2}L=\sigma'(c)^2(\tfrac1d-\tfrac1{d^2})\sum_{m,j}y_{mj}",
                                                                run_check=_a5_weakened, wrong_versions=[lambda: _a5_weakened(2)])),
                                holds=_a2_holds)],
        steps=_steps(),
        parameters=[p if p.name != "d_out" else Parameter("d_out", "integer", 2, "classes b") for p in base.parameters],
        derive=_derive, witness=l2.make_witness(LOSS, ID),
        notes=["Scope: " + str(SCOPE) + ", symbolic data satisfying Assumption 2 (last class = 1 - the others).",
               "The entry has a linear term sigma''(c) t sum_m (1/d - y_m1) that the paper does not write (harmless)."],
    )
