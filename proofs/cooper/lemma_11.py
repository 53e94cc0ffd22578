r"""Cooper, Lemma 11: the only nonzero second derivatives of f_rho on the ray.

Reference: [Cooper, App. B, Lemma 11 with Claim 3, eqs. (21)-(25)]

Statement:   the nonzero second derivatives at :math:`\rho(t)` are
             :math:`(\sigma')^2tM\Delta^{2}\Delta^{1}x` (weights of layers 1 and 2, only when :math:`\ell=2`),
             :math:`\sigma'\Delta^{\ell+1}\Delta^{\ell}` and :math:`(\sigma')^2tM\Delta^{\ell}\Delta^{\ell-1}`
             (a bias and the next layer's weight), and :math:`\sigma''tM(\Delta^\ell_{j_2}\odot\Delta^\ell_{j_1})`.
Assumptions: A1  sigma(c) = 0, sigma'(c) != 0   [paper: Assumption 1]
             A2  depth l >= 2                   [paper: App. B]
             A3  sigma twice differentiable     [paper: §2.1]
Symbols:     \sigma'(c) -> sigma_1, \sigma''(c) -> sigma_2, M -> m_r_q (generic)
Proof outline:
  1. `claim_3_inductive_step_eq_25`  second-order chain rule at f^{i-1} = c
  2. `claim_3_eqs_21_23`             the case tables (21)-(23) for every layer i, every pair
  3. `lemma_11`                      the case i = l + 1
  4. `layer_recursion_output`        second-order output jet, every depth
  5. `jets_equal_direct_differentiation`  the expansion equals sympy.diff of the whole network (depth 2)
  6. `lemma_11_agrees_with_mirror`   hyper-dual (b^l_1, b^l_1) derivative = sigma''(c) t M e_1
  For every depth and width (every_size_lemmas.py: second derivatives as quadratic forms in a direction delta):
     `values_on_ray_every_size`, `first_layer_jet`, `hidden_first_order_every_layer`  as in Lemma 9
     `claim_3_every_layer`            Claim 3 (21)-(23) for every layer 1 <= i <= l + 1
     `lemma_11_every_size`            l = 2 and l >= 3: the output's second-order part is Lemma 11's quadratic form
     `lemma_11_fails_at_depth_1_every_size`  l = 1: extra pairs, e.g. d2 f / d w^2_{r1} d w^1_{11} = sigma'(c) x_1
Review notes: holds as printed (with the paper's ordering i_2 >= i_1 of the pair), proved
for every depth l >= 2 and every width; the scope tables, direct differentiation and the
mirror are cross-checks.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import sympy as sp

from numeric import network as mirror
from proofs.cooper.ray import JET_SCOPE as SCOPE
from proofs.cooper.ray import hf_scope, negated
from proofs.cooper import every_size_lemmas as every_size
from proofs.cooper.ray_steps import any_width_step, recursion_steps
from proofs.engine import Assumption, Check, Claim, Necessity, NumericAgreement, StepResult
from symbolic import network as net
from symbolic.activations import activation, values_at_c

ID = "cooper.lemma_11"


def table_check(table=net.second_derivative_table, *, last_only=False, scope=SCOPE) -> StepResult:
    r"""Exact comparison of every second derivative with ``table`` over ``scope``."""
    for arch in net.scope(**scope):
        bad = net.second_derivative_mismatches(arch, table, layers=[arch.depth + 1] if last_only else None)
        if bad:
            return StepResult(False, "symbolic", "exact-jets", bad[0], counterexample=bad[0])
    return StepResult(True, "symbolic", "exact-jets",
                      f"every pair agrees on all {len(net.scope(**scope))} architectures of {scope} (symbolic x, M)")


def _sigma_1_for_sigma_2(arch, i, p, q, x, M):
    return [v.subs(net.SIGMA_2, net.SIGMA_1) for v in net.second_derivative_table(arch, i, p, q, x, M)]


def _without_t(arch, i, p, q, x, M):
    return [v.subs(net.T, 1) for v in net.second_derivative_table(arch, i, p, q, x, M)]


def direct_check(keep_sigma_c: bool = False, table=net.second_derivative_table) -> StepResult:
    r"""``sympy.diff`` of the whole network (widths (1, 2)) against the table."""
    for arch in (net.Architecture((1, 2), 1, 1),):
        _, hess = net.naive_output_derivatives(arch, keep_sigma_c=keep_sigma_c)
        x, M, params = net.symbolic_data(1, arch.d_in, arch.d_out).xs[0], net.symbolic_matrix(arch), arch.parameters()
        for a, p in enumerate(params):
            for b, q in enumerate(params):
                want = table(arch, arch.depth + 1, p, q, x, M)
                if any(sp.expand(g - w) != 0 for g, w in zip(hess[a][b], want)):
                    return StepResult(False, "symbolic", "sympy.diff", f"{arch}: d2 f/d {p.latex()} d {q.latex()} = "
                                      f"{hess[a][b]}, table {want}",
                                      counterexample=r"$\partial^2f/\partial " + p.latex() + r"\,\partial " + q.latex()
                                                     + r" = {direct}$ by direct differentiation, the table says ${table}$",
                                      values={"direct": hess[a][b], "table": want})
    return StepResult(True, "symbolic", "sympy.diff", "direct differentiation equals Lemma 11 (widths (1,2), d_in 1, d_out 1)")


def _mirror(p):
    widths, d_in, d_out, name, t = p
    arch = net.Architecture(widths, d_in, d_out)
    a = arch.parameters().index(net.named_entry(arch))
    return mirror.output_derivative(list(widths), d_in, d_out, [Fraction(1, 3)] * d_in, t, "l2", name, a, a)[0]


def _closed(p):
    widths, d_in, d_out, name, t = p
    return values_at_c(activation(name))[2] * sp.Rational(t.numerator, t.denominator)  # exact



def _steps() -> list:
    return [
        any_width_step("claim_3_inductive_step_eq_25",
                       latex=r"\partial_{z^{i_2}}\partial_{z^{i_1}}f^i_\rho\big|_{\rho(t)}=\sigma''(c)M^i(\partial_{z^{i_2}}f^{i-1}_\rho\odot\partial_{z^{i_1}}f^{i-1}_\rho)+\sigma'(c)M^i\partial_{z^{i_2}}\partial_{z^{i_1}}f^{i-1}_\rho",
                       sides=net.chain_rule_on_ray_any_width,
                       justification="Chain rule twice with f^{i-1} = c, for i > i_2, sigma generic, every quantity a symbol, one row of K summands (K a symbol): every width."),
        every_size.values_on_ray_step(),
        every_size.first_layer_step(),
        every_size.hidden_jet_induction(),
        every_size.claim_table_every_layer(3),
        Check(label="claim_3_eqs_21_23", latex=r"\text{Claim 3, (21)-(23), every layer } i",
              cross_checks="claim_3_every_layer",
              justification="Cross-check on the scope of claim_3_every_layer (the same tables, every layer and size).",
              run_check=lambda: table_check(), wrong_versions=[lambda: table_check(_sigma_1_for_sigma_2)],
              scope=hf_scope(SCOPE)),
        dataclasses.replace(every_size.lemma_11_step(), role="statement"),
        Check(label="lemma_11", role="statement", latex=r"\text{Lemma 11: the nonzero entries of }\mathbf Hf_\rho(x)|_{\rho(t)}",
              cross_checks="lemma_11_every_size",
              justification="Cross-check on the scope of lemma_11_every_size (the same statement for every size).",
              run_check=lambda: table_check(last_only=True),
              wrong_versions=[lambda: table_check(_without_t, last_only=True)], scope=hf_scope(SCOPE)),
        recursion_steps()[1],
        every_size.lemma_11_fails_at_depth_1_step(),
        Check(label="jets_equal_direct_differentiation", printed=False, cross_checks="lemma_11_every_size",
              latex=r"\text{second-order expansion}=\texttt{sympy.diff}\text{ of }f_\rho\text{, then }\rho=\rho(t)",
              justification="Cross-check of the expansion engine against naive differentiation at small sizes, and so "
                            "of lemma_11_every_size (sympy.diff of the whole network, no jets).",
              run_check=direct_check, wrong_versions=[lambda: direct_check(table=_sigma_1_for_sigma_2)],
              scope={"architectures": [{"widths": [1, 2], "d_in": 1, "d_out": 1}],
                     "data": "symbolic input x and direction M", "activation": "generic"}),
        NumericAgreement(label="lemma_11_agrees_with_mirror", printed=False, cross_checks="lemma_11_every_size",
                         latex=r"[\partial^2_{(b^\ell_1)^2}f_\rho(x)]_1=\sigma''(c)\,t\ (M=\Omega)\ \text{vs mpmath hyper-dual}",
                         closed_form=_closed, mirror=_mirror,
                         points=[((2, 2), 2, 2, "silu", Fraction(10**6)), ((1, 3), 1, 1, "gelu", Fraction(9, 7)),
                                 ((2, 1, 2), 1, 3, "softplus_shifted", Fraction(-33))],
                         describe=lambda p: f"widths={p[0]}, d_in={p[1]}, d_out={p[2]}, {p[3]}, t={p[4]}"),
    ]


def theorem() -> Claim:
    r"""Cooper's Lemma 11 with Claim 3."""
    return Claim(
        id=ID, paper="cooper", label="Lemma 11", section="Appendix B", title="Second derivatives of f on the ray",
        statement=r"The only nonzero second derivatives of $f_\rho$ at $\rho(t)$ are those of (21)-(23) at $i=\ell+1$.",
        reference="Cooper, App. B, Lemma 11, Claim 3, eqs. (21)-(25)",
        assumptions=[
            Assumption(label="A1", name="sigma(c) = 0 and sigma'(c) != 0", latex=r"\sigma(c)=0\neq\sigma'(c)",
                       necessity=Necessity(verdict="necessary", evidence=r"With $\sigma(c) = \sigma_0 \ne 0$, "
                                           r"$\partial^2 f/\partial w^{\ell+1}\partial w^\ell = \sigma_0\sigma'(c)$ appears "
                                           r"(direct differentiation).",
                                           check=Check(label="lemma_11_fails_without_A1", latex=r"\sigma(c)\neq0",
                                                       run_check=lambda: negated(direct_check(keep_sigma_c=True)),
                                                       wrong_versions=[lambda: negated(direct_check())]))),
            Assumption(label="A2", name="depth l >= 2", latex=r"\ell\ge2",
                       necessity=Necessity(verdict="necessary", evidence="At $\\ell=1$: $\\partial^2f/\\partial(w^1_{11})^2="
                                           "\\sigma''(c)tM\\Delta x^2$ is missing from the table, and so are "
                                           "$\\partial^2f/\\partial w^2\\partial w^1=\\sigma'(c)x$ and the "
                                           "$(w^1,b^1)$ pairs, for every width and $d_{in}$ (step "
                                           "lemma_11_fails_at_depth_1_every_size; this check: the scope).",
                                           check=Check(label="lemma_11_fails_at_depth_1", latex=r"\ell=1",
                                                       run_check=lambda: negated(table_check(last_only=True, scope=dict(SCOPE, depths=(1,)))),
                                                       wrong_versions=[lambda: negated(table_check(last_only=True))]))),
            Assumption(label="A3", name="sigma twice differentiable", latex=r"\sigma\in C^2",
                       necessity=Necessity(verdict="unknown", evidence=r"The statement names $\sigma''(c)$; only differentiability "
                                           r"twice at $c$ is used. Without it the statement is undefined, not false.")),
        ],
        steps=_steps(), conclusion="lemma_11_every_size",
        notes=["Proved for every depth $\\ell\\ge2$ and every width (claim_3_every_layer, lemma_11_every_size): two "
               "quadratic forms in the direction are equal exactly when their coefficients are, so one identity of "
               "forms with every size a symbol is the whole table. The exhaustive tables on the scope (depths 2-4, "
               "widths 1-2, every unordered pair, symbolic $x$ and $M$) are cross-checks that agree."],
    )
