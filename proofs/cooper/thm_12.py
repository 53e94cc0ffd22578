r"""Cooper, Theorem 12: the L2 loss of a network of depth >= 2 is not (L0, L1)-smooth.

Reference: [Cooper, App. C, Thm 12, eqs. (26)-(29); Remark 2 in §2]

Statement:   For any feedforward network of depth :math:`\ell\ge2` with twice
             differentiable :math:`\sigma` satisfying Assumption 1, the L2 loss (13)
             is not :math:`(L_0,L_1)`-smooth for any :math:`L_0, L_1`.
Assumptions: A1  sigma(c) = 0, sigma'(c) != 0       [paper: Assumption 1]  superfluous: the shifted ray needs only A4
             A2  sigma twice differentiable         [paper: Thm 12]
             A3  depth l >= 2                       [paper: Thm 12]        superfluous given A5 (depth 1 works)
             A4  sigma non-constant                 [implied by A1]        necessary (sigma = k: m-smooth)
             A5  depth l >= 1                       [implied by A3]        necessary (depth 0: m-smooth)
Symbols:     \sigma'(c) -> sigma_1, \sigma''(c) -> sigma_2, \sigma(c') -> sigma_0 (shifted ray), t -> t, M = \Omega.
Proof outline:
  1. `gradient_on_ray_eq_28`          grad L = -2 sum_s Df(x_s)^T y_s on the ray (scope)
  2. `grad_norm_sq_degree_at_most_2`  ||grad L||^2 is a polynomial of degree <= 2 in t
  3. `grad_norm_sq_closed_form`       ... equal to 4 sum_k (sum_s y_sk)^2 + 4 sigma_1^2 t^2 c_l (sum y)^2 (scope)
  4. `hessian_eq_29`                  H L = -2 sum Hf^T y + 2 sum Df^T Df on the ray (scope)
  5. `first_term_entries_at_most_linear`  the entries of Hf on the ray have degree <= 1 in t (scope)
  6. `second_term_entry_as_printed`   the (b^l_1, b^l_1) entry of the second term is 2 sigma_1^2 t^2 n d_out
                                      (prime-size architectures: n, d_in, c_l, d_out distinct)
  7. `hessian_entry_closed_form`      the whole entry: 2 n d_out sigma_1^2 t^2 - 2 sigma_2 t sum y (scope + primes)
  8. `hessian_entry_degree_2`         degree 2 with leading coefficient 2 n d_out sigma_1^2 != 0 (primes)
  9. `layer_recursion_hidden`, `layer_recursion_output`  the inductive step for every depth, rows of any width K
 10. `gradient_grows_linearly`        printed "the gradient grows linearly": fails when sum y = 0 (bounded gradient)
     `gradient_grows_at_most_linearly`  repaired: degree <= 2, which is all the conclusion uses
 11. `shifted_ray_without_assumption_1`  b^{l+1} = -t sigma(c') M 1: f = 0 and the same entry with no sigma(c') = 0
     `shifted_ray_equals_direct_differentiation`, `shifted_ray_agrees_with_mirror`  its cross-checks
 12. `entry_over_t_squared_limit`     H_entry / t^2 -> 2 n d_out sigma_1^2
 13. `agrees_with_mirror`             jets = independent mpmath hyper-dual values, t up to 1e6
 14. `remark_2_norms`                 |H_ii| <= ||H||_op <= ||H||_F <= sqrt(p) ||H||_op on the ray
 15. `no_L0_L1_witness`               for any (L0, L1) an explicit t* with ||H||_op > L0 + L1 ||grad L||
 16. For every depth, width, d_in, d_out and n (every_size.py), with the sizes as symbols:
     `hidden_preactivation_is_c`      induction over the layer: every hidden pre-activation is c
     `backward_signal_vanishes`       induction downwards: no gradient below layer l
     `units_interchangeable`          sums over a layer's units are K times one unit (K a symbol)
     `grad_norm_sq_every_size`        ||grad L||^2 = 4 sum_r (sum_s y_sr)^2 + 4 K sigma_1^2 t^2 (sum y)^2 (l >= 2)
     `hessian_entry_every_size`       2 n d_out sigma_1^2 t^2 - 2 sigma_2 t sum y (l >= 1)
     `every_size_agrees_with_jets`    the general forms equal the exhaustive computation on the scope
     `leading_coefficient_positive`, `no_L0_L1_every_size`  the witness t*(L0, L1) for every size (Z3)
Review notes: the printed proof holds step by step, proved on the declared scope (not for
every architecture); the layer recursion is the inductive step.  One printed sentence is too
strong ("the gradient grows linearly": bounded when sum y = 0; the conclusion only gets stronger).
The hypotheses are stronger than needed: A1 can be replaced by "sigma non-constant" (A4, the
shifted ray; witnesses for the logistic sigmoid, softplus, u^2 and the paper's Example 1), and
A3 by l >= 1 (A5; cooper.depth_1).  A4 and A5 are necessary (l = 0 is Theorem 13).
Shared machinery: the ray, its settings and witness in proofs/cooper/ray.py; the steps Theorem 14,
the lemmas and depth 1 share (recursion, shifted ray, assumptions) in proofs/cooper/ray_steps.py.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping

import sympy as sp

from proofs.cooper.every_size import every_size_steps
from proofs.cooper.figures import figures_for, plotter
from proofs.cooper.ray import (GENERIC_SIGMA, REPRESENTATIVE, SCOPE, activation_report, as_expr, configuration,
                               deep_parameters, dimension_step, dimensions, hf_degree_at_most, hf_scope,
                               leading_coefficient, make_witness, named_entry_on_ray, output_jets, over_scope,
                               prime_architectures, quantities, scope_of, scope_text, show_architecture, wide_pairs)
from proofs.cooper.ray_steps import (assumption_1, depth_necessity, depth_one_assumption, gradient_growth_steps,
                                     mirror_agreement, non_constant_assumption, recursion_steps, remark_2_check,
                                     shifted_direct_step, shifted_mirror_step, shifted_ray_step,
                                     twice_differentiable_assumption, witness_step)
from proofs.engine import Assumption, Check, Claim, Limit, PolynomialDegree, StepResult
from symbolic import network as net
from symbolic.activations import SIGMA_1, SIGMA_2

ID = "cooper.thm_12"
LOSS = "l2"


def _derive(params: Mapping[str, Any]) -> dict[str, Any]:
    arch, data, name = configuration(params, LOSS)
    q = quantities(arch, data, LOSS, name)
    return {**{k: str(v) for k, v in q.items()}, "hessian_entry_parameter": net.named_entry(arch).latex(),
            **activation_report(name)}


def gradient_eq_28(arch, data, d, scale=-2) -> str | None:
    r"""Compare :math:`\nabla L` with :math:`-2\sum_s Df(x_s)^Ty_s` entry by entry."""
    outs = output_jets(arch, data, LOSS)
    for a in range(len(d.params)):
        want = scale * sum(as_expr(jet.derivative(a)) * y for jets, ys in zip(outs, data.ys) for jet, y in zip(jets, ys))
        if sp.expand(as_expr(d.gradient.get(a, 0)) - want) != 0:
            return f"d L / d {d.params[a].latex()}"
    return None


def hessian_eq_29(arch, data, d, first=-2, second=2) -> str | None:
    r"""Compare :math:`\mathbf HL` with :math:`-2\sum Hf^Ty+2\sum Df^TDf` on every stored or implied entry."""
    outs = output_jets(arch, data, LOSS)
    keys = set(d.hessian)
    for jets in outs:
        for jet in jets:
            keys |= set(jet.quad) | {(a, b) for a in jet.lin for b in jet.lin if a <= b}
    for a, b in keys:
        want = sum(first * as_expr(jet.second_derivative(a, b)) * y + second * as_expr(jet.derivative(a)) * as_expr(jet.derivative(b))
                   for jets, ys in zip(outs, data.ys) for jet, y in zip(jets, ys))
        if sp.expand(as_expr(d.hessian.get((a, b), 0)) - want) != 0:
            return f"H[{d.params[a].latex()}, {d.params[b].latex()}]"
    return None

def _representative() -> tuple[net.Data, net.RayDerivatives]:
    data = net.symbolic_data(2, REPRESENTATIVE.d_in, REPRESENTATIVE.d_out)
    return data, net.derivatives_on_ray(REPRESENTATIVE, data, LOSS)


#: The scope of a step checked on :data:`REPRESENTATIVE` only.
REPRESENTATIVE_SCOPE = {"architectures": [show_architecture(REPRESENTATIVE, 2)], "data": "symbolic x, y",
                        "activation": GENERIC_SIGMA}
#: The case of the limit step: depth 3, widths 2, d_in 7, d_out 5, n 3 (distinct sizes), seeded rational data.
LIMIT_CASE = (3, 7, 2, 5, 3)
LIMIT_SEED = 1


def _limit_arch() -> tuple[net.Architecture, int]:
    return prime_architectures((LIMIT_CASE,))[0]


def _entry_seeded() -> sp.Expr:
    arch, n = _limit_arch()
    data = net.seeded_data(n, arch.d_in, arch.d_out, LIMIT_SEED, LOSS)
    e = net.named_entry(arch)
    return net.derivatives_on_ray(arch, data, LOSS).entry(e, e)


def second_term_entry(arch: net.Architecture, data: net.Data) -> sp.Expr:
    r""":math:`2\sum_s\|\partial_{b^\ell_1}f_\rho(x_s)\|^2` on the ray, from the output jets."""
    a = arch.parameters().index(net.named_entry(arch))
    return 2 * sum(as_expr(j.derivative(a)) ** 2 for jets in output_jets(arch, data, LOSS) for j in jets)

def printed_second_term(D: Mapping[str, int], data=None) -> sp.Expr:
    r"""The paper's :math:`2(\sigma'(c))^2t^2\cdot n\cdot d_{out}` (App. C, after (29))."""
    return 2 * SIGMA_1**2 * net.T**2 * D["n"] * D["d_out"]


def printed_leading(D: Mapping[str, int], data=None) -> sp.Expr:
    r"""The :math:`t^2` coefficient :math:`2nd_{out}\sigma'(c)^2` the proof draws from it."""
    return 2 * D["n"] * D["d_out"] * SIGMA_1**2


def grad_norm_sq_formula(D: Mapping[str, int], data: net.Data) -> sp.Expr:
    r""":math:`4\sum_k(\sum_sy_{sk})^2+4\sigma'(c)^2t^2c_\ell(\sum_{s,k}y_{sk})^2` (ours, not printed)."""
    total = sum(sum(row) for row in data.ys)
    return 4 * sum(sum(row[k] for row in data.ys) ** 2 for k in range(D["d_out"])) \
        + 4 * SIGMA_1**2 * net.T**2 * D["width"] * total**2


def hessian_entry_formula(D: Mapping[str, int], data: net.Data) -> sp.Expr:
    r""":math:`2nd_{out}\sigma'(c)^2t^2-2\sigma''(c)t\sum_{s,k}y_{sk}` (ours: the printed term and the dropped one)."""
    return 2 * D["n"] * D["d_out"] * SIGMA_1**2 * net.T**2 - 2 * SIGMA_2 * net.T * sum(sum(row) for row in data.ys)

def _steps() -> list:
    scope = scope_of(SCOPE)
    wide = scope_of(SCOPE, also=prime_architectures())
    limit_arch, limit_n = _limit_arch()
    limit_dims = dimensions(limit_arch, limit_n)
    return [
        Check(label="gradient_on_ray_eq_28", latex=r"\nabla L(\rho(t)) = -2\sum_s (\mathbf Df_\rho(x_s))^T y_s",
              justification="f_rho(t) = 0 on the ray (16), so the residual is -y_s.",
              run_check=lambda: over_scope(gradient_eq_28), scope=scope,
              wrong_versions=[lambda: over_scope(lambda a, dt, d: gradient_eq_28(a, dt, d, scale=2))]),
        PolynomialDegree(label="grad_norm_sq_degree_at_most_2", latex=r"\|\nabla L(\rho(t))\|^2\in\mathbb R[t],\ \deg\le 2",
                         expr=lambda: _representative()[1].grad_norm_sq(), var=net.T, degree=2, at_most=True,
                         scope=REPRESENTATIVE_SCOPE,
                         justification="Lemmas 9 and 10: the entries of Df on the ray have degree 0 or 1 in t "
                                       "(representative architecture, symbolic data; every architecture of the scope "
                                       "through grad_norm_sq_closed_form)."),
        dimension_step("grad_norm_sq_closed_form",
                       r"\|\nabla L\|^2=4\sum_k(\sum_sy_{sk})^2+4\sigma'(c)^2t^2c_\ell(\sum_{s,k}y_{sk})^2",
                       lambda a, dt: net.derivatives_on_ray(a, dt, LOSS).grad_norm_sq(), grad_norm_sq_formula,
                       uses=("width", "d_out"), pairs=wide_pairs(), scope=wide, printed=False,
                       cross_checks="grad_norm_sq_every_size",
                       justification="Ours (the paper only bounds the degree): the weight entries of grad L vanish "
                                     "(Lemma 9); b^{l+1}_k gives -2 sum_s y_sk, b^l_j gives -2 sigma'(c) t sum y."),
        Check(label="hessian_eq_29", latex=r"\mathbf HL(\rho(t))=-2\sum_s\mathbf Hf_\rho(x_s)^Ty_s+2\sum_s\mathbf Df_\rho(x_s)^T\mathbf Df_\rho(x_s)",
              run_check=lambda: over_scope(hessian_eq_29), scope=scope,
              wrong_versions=[lambda: over_scope(lambda a, dt, d: hessian_eq_29(a, dt, d, first=2))]),
        Check(label="first_term_entries_at_most_linear", latex=r"\deg_t\,[\mathbf Hf_\rho(x)|_{\rho(t)}]_{ab}\le1",
              justification="Lemma 11: each nonzero second derivative is a constant or t times a constant.",
              run_check=lambda: hf_degree_at_most(1), wrong_versions=[lambda: hf_degree_at_most(0)],
              scope=hf_scope()),
        dimension_step("second_term_entry_as_printed",
                       r"2\sum_s\|\partial_{b^\ell_1}f_\rho(x_s)\|^2=2(\sigma'(c))^2t^2\,n\,d_{out}",
                       second_term_entry, printed_second_term, uses=("n", "d_out"),
                       justification="Lemma 10: d f / d b^l_1 = sigma'(c) t Omega e_1, a vector of d_out entries "
                                     "sigma'(c) t, for each of the n data points."),
        dimension_step("hessian_entry_closed_form",
                       r"\partial^2_{(b^\ell_1)^2}L(\rho(t))=2nd_{out}\sigma'(c)^2t^2-2\sigma''(c)\,t\sum_{s,k}y_{sk}",
                       named_entry_on_ray, hessian_entry_formula, uses=("n", "d_out"), pairs=wide_pairs(), scope=wide,
                       printed=False, cross_checks="hessian_entry_every_size",
                       justification="All terms: the first term of (29) contributes -2 sigma''(c) t sum y (Lemma 11, b-b case)."),
        dimension_step("hessian_entry_degree_2", r"\partial^2_{(b^\ell_1)^2}L=2nd_{out}\sigma'(c)^2t^2+O(t)",
                       lambda a, dt: leading_coefficient(named_entry_on_ray(a, dt), 2), printed_leading,
                       uses=("n", "d_out"),
                       justification="Degree exactly 2 in t with this leading coefficient; sigma'(c) != 0 "
                                     "(Assumption 1), so it is nonzero."),
        *recursion_steps(),
        *gradient_growth_steps(LOSS),
        shifted_ray_step(LOSS),
        shifted_direct_step(LOSS),
        shifted_mirror_step(LOSS),
        Limit(label="entry_over_t_squared_limit", latex=r"\lim_{t\to\infty}\partial^2_{(b^\ell_1)^2}L/t^2=2nd_{out}\sigma'(c)^2",
              expr=lambda: _entry_seeded() / net.T**2, var=net.T, point=sp.oo, expected=printed_leading(limit_dims),
              parameters=[{SIGMA_1: 1, SIGMA_2: 0}, {SIGMA_1: sp.Rational(1, 2), SIGMA_2: sp.Rational(1, 4)}], printed=False,
              scope={"architectures": [show_architecture(limit_arch, limit_n)],
                     "data": f"seeded rational (seed {LIMIT_SEED})", "activation": GENERIC_SIGMA},
              justification="Sizes n = 3, d_out = 5 (distinct from every other dimension), so a swapped dimension "
                            "symbol in the limit is rejected."),
        mirror_agreement(LOSS, "agrees_with_mirror"),
        Check(label="sigma_prime_zero_still_unbounded", printed=False,
              latex=r"\sigma'(c)=0:\ \partial^2_{(b^\ell_1)^2}L=-2\sigma''(c)\,t\sum_{s,k}y_{sk},\ \|\nabla L\|^2\ \text{constant in }t",
              justification="Assumption 1's sigma'(c) != 0 is not what the conclusion needs along this ray: sigma''(c) != 0 "
                            "and sum y != 0 also give an unbounded Hessian entry with a bounded gradient (e.g. sigma = u^2). "
                            "Subsumed by the shifted ray: such a sigma is non-constant, so sigma'(c') != 0 at some other c'.",
              run_check=sigma_prime_zero_check, wrong_versions=[lambda: sigma_prime_zero_check(True)],
              scope=REPRESENTATIVE_SCOPE),
        Check(label="remark_2_norms", latex=r"|H_{ii}|\le\|H\|_{op}\le\|H\|_F\le\sqrt{\operatorname{rank}H}\,\|H\|_{op}",
              justification="Remark 2 with explicit constants (q = 1, r = sqrt(rank)); the witness uses |H_ii| <= ||H||_op "
                            "directly, so the conclusion holds for the operator norm of Definition 1 without rescaling.",
              run_check=lambda: remark_2_check(LOSS), wrong_versions=[lambda: remark_2_check(LOSS, r_factor=1)]),
        dataclasses.replace(witness_step(LOSS), cross_checks="no_L0_L1_every_size"),
        *every_size_steps(LOSS),
    ]

def sigma_prime_zero_check(claimed_entry_zero: bool = False) -> StepResult:
    r"""With :math:`\sigma'(c)=0`: the entry is :math:`-2\sigma''(c)t\sum y` and :math:`\|\nabla L\|^2` is constant in t."""
    data, d = _representative()
    e = net.named_entry(REPRESENTATIVE)
    entry, grad = d.entry(e, e).subs(SIGMA_1, 0), d.grad_norm_sq().subs(SIGMA_1, 0)
    want = 0 if claimed_entry_zero else -2 * SIGMA_2 * net.T * sum(sum(r) for r in data.ys)
    ok = sp.expand(entry - want) == 0 and not grad.has(net.T)
    return StepResult(ok, "symbolic", "exact-jets", f"sigma'(c) = 0: entry = {entry}, ||grad L||^2 free of t: {not grad.has(net.T)}")


def theorem() -> Claim:
    r"""Cooper's Theorem 12 with its printed proof as steps."""
    return Claim(
        id=ID, paper="cooper", label="Theorem 12", section="Appendix C", title="L2 loss of deep networks is not (L0, L1)-smooth",
        statement=r"For any feedforward network of depth $\ell\ge2$ with twice differentiable $\sigma$ satisfying "
                  r"Assumption 1, the L2 loss $L$ is not $(L_0,L_1)$-smooth for any $L_0,L_1$.",
        reference="Cooper, App. C, Thm 12, eqs. (26)-(29)",
        assumptions=[
            assumption_1(LOSS),
            twice_differentiable_assumption(),
            Assumption(label="A3", name="depth l >= 2", latex=r"\ell\ge2", necessity=depth_necessity(LOSS)),
            non_constant_assumption(LOSS, "A4"),
            depth_one_assumption(LOSS, "A5"),
        ],
        steps=_steps(), conclusion="no_L0_L1_every_size",
        parameters=deep_parameters(),
        derive=_derive, witness=make_witness(LOSS, ID),
        figures=figures_for(LOSS, ID, "Theorem 12 (L2 loss)"), plot=plotter(LOSS, ID, "Theorem 12 (L2 loss)"),
        notes=["The steps are checked exactly over the declared scope (" + scope_text(SCOPE) + r"; $n = 2$, symbolic "
               r"data; proved on that scope, not for every architecture); the formulas in the dimension symbols also on "
               r"architectures whose sizes $n$, $d_{in}$, $c_\ell$, $d_{out}$ are distinct primes; the layer recursion "
               r"(steps layer_recursion_*, proved for every layer and every width of a row) is the inductive step of the "
               r"argument for every depth.",
               r"The Hessian entry has a linear term $-2\sigma''(c)\,t\sum_{s,k} y_{sk}$ that the paper drops (harmless: "
               r"$t^2$ dominates).",
               r"If $\sum_{s,k} y_{sk} = 0$ the gradient norm is constant along the ray, not linear as printed (erratum "
               r"of gradient_grows_linearly); the conclusion is then even stronger.",
               r"Assumption 1 is not necessary: the conclusion holds for every non-constant twice differentiable "
               r"$\sigma$ and every depth $\ell \ge 1$ (shifted ray: hidden biases at $c'$ with $\sigma'(c') \neq 0$, "
               r"output bias $-t\,\sigma(c')\,M\mathbf{1}$). Only '$\sigma$ non-constant' (A4) and $\ell \ge 1$ (A5) are "
               r"necessary. The sigmoid, softplus and $u^2$ networks, and the paper's own Example 1 ($u^2 + 1$), which "
               r"Assumption 1 excludes, are not $(L_0, L_1)$-smooth either.",
               r"Timings (measurements, not check results) come from benchmarks/bench_cooper_hessian.py: it times "
               r"naive sympy.hessian + substitution against the second-order expansion at the sizes where the naive "
               r"way finishes (checking that both give equal matrices), and the expansion at depth $10$, widths $16$, "
               r"$d_{out} = 10$, $n = 8$."],
    )
