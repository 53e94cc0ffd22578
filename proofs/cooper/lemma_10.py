r"""Cooper, Lemma 10: the first derivatives of f_rho in the biases, on the ray.

Reference: [Cooper, App. B, Lemma 10 with Claim 2, eq. (20)]

Statement:   .. math:: \partial f_\rho(x)/\partial b^{i_1}_{j_1}\big|_{\rho(t)} =
             \Delta^{i_1}_{j_1}\ (i_1=\ell+1),\ \sigma'(c)tM\Delta^{i_1}_{j_1}\ (i_1=\ell),\ 0\ \text{otherwise}
Assumptions: A1  sigma(c) = 0, sigma'(c) != 0   [paper: Assumption 1]
             A2  depth l >= 2                   [paper: App. B]
Symbols:     \sigma'(c) -> sigma_1, M -> m_r_q (generic)
Proof outline:
  1. `claim_2_inductive_step`     d f^i = sigma'(c) M^i d f^{i-1} at rho(t) (chain rule)
  2. `claim_2_eq_20`              the case table (20) for every layer i
  3. `lemma_10`                   the case i = l + 1
  4. `lemma_10_agrees_with_mirror`  hyper-dual derivative in b^l_1 = sigma'(c) t M e_1
  For every depth and width (every_size_lemmas.py):
     `values_on_ray_every_size`, `first_layer_jet`, `hidden_first_order_every_layer`  as in Lemma 9
     `claim_2_every_layer`            Claim 2 (20) for every layer 1 <= i <= l + 1 (Z3: the cases cover the layers)
     `lemma_10_every_size`            the output's first-order part is the linear form of (20) at i = l + 1
     `lemma_10_holds_at_depth_1_every_size`  at l = 1 the bias derivatives are still (20)'s (A2 superfluous)
Review notes: holds as printed, proved for every depth l >= 2 and every width; the
scope tables and the mirror are cross-checks.  Neither assumption is needed for this
lemma: it holds with sigma(c) != 0 (direct differentiation) and at depth l = 1 (scope).
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import sympy as sp

from numeric import network as mirror
from proofs.cooper.ray import JET_SCOPE as SCOPE
from proofs.cooper.ray import hf_scope, last_layer, negated, table_check
from proofs.cooper import every_size_lemmas as every_size
from proofs.cooper.ray_steps import any_width_step
from proofs.engine import Assumption, Check, Claim, Necessity, NumericAgreement, StepResult
from symbolic import network as net
from symbolic.activations import values_at_c, activation

ID = "cooper.lemma_10"


def _without_t(arch, i, p, x, M):
    return [v.subs(net.T, 1) for v in net.first_derivative_table(arch, i, p, x, M)]


def _sigma_c_free(keep: bool, arch=net.Architecture((1, 1), 1, 2)) -> StepResult:
    jac, _ = net.naive_output_derivatives(arch, keep_sigma_c=keep)
    x, M = net.symbolic_data(1, arch.d_in, arch.d_out).xs[0], net.symbolic_matrix(arch)
    for a, p in enumerate(arch.parameters()):
        if p.kind == "b":
            want = net.first_derivative_table(arch, arch.depth + 1, p, x, M)
            if any(sp.expand(g - w) != 0 for g, w in zip(jac[a], want)):
                return StepResult(False, "symbolic", "sympy.diff", f"{p.latex()}: {jac[a]} vs {want}")
    return StepResult(True, "symbolic", "sympy.diff", f"bias derivatives equal Lemma 10 with sigma(c) {'kept as sigma_0' if keep else '= 0'}")


def _mirror(p) -> float:
    widths, d_in, d_out, name, t = p
    arch = net.Architecture(widths, d_in, d_out)
    a = arch.parameters().index(net.named_entry(arch))
    return mirror.output_derivative(list(widths), d_in, d_out, [Fraction(1, 2)] * d_in, t, "l2", name, a)[0]


def _closed(p):
    widths, d_in, d_out, name, t = p
    return values_at_c(activation(name))[1] * sp.Rational(t.numerator, t.denominator)  # exact



def _steps() -> list:
    return [
        any_width_step("claim_2_inductive_step",
                       latex=r"\partial_{b}f^i_\rho(x)\big|_{\rho(t)}=\sigma'(c)M^i\partial_bf^{i-1}_\rho(x)\big|_{\rho(t)}",
                       sides=net.first_order_chain_rule_on_ray_any_width,
                       justification="Chain rule with f^{i-1} = c, sigma generic, every quantity a symbol, a row of K summands with K a symbol: every width."),
        every_size.values_on_ray_step(),
        every_size.first_layer_step(),
        every_size.hidden_jet_induction(),
        every_size.claim_table_every_layer(2),
        Check(label="claim_2_eq_20", cross_checks="claim_2_every_layer",
              justification="Cross-check on the scope of claim_2_every_layer (the same table, every layer and size).",
              latex=r"\partial_{b^{i_1}_{j_1}}f^i_\rho\big|_{\rho(t)}=\begin{cases}\Delta^{i_1}_{j_1}&i_1=i\\\sigma'(c)tM\Delta^{i_1}_{j_1}&i_1+1=i=\ell+1\\0&\text{otherwise}\end{cases}",
              run_check=lambda: table_check(net.first_derivative_table, kinds=("b",)),
              wrong_versions=[lambda: table_check(_without_t, kinds=("b",))], scope=hf_scope(SCOPE)),
        dataclasses.replace(every_size.lemma_10_step(), role="statement"),
        Check(label="lemma_10", role="statement", cross_checks="lemma_10_every_size",
              justification="Cross-check on the scope of lemma_10_every_size (the same statement for every size).",
              latex=r"\partial_{b^{i_1}_{j_1}}f_\rho\big|_{\rho(t)}=\begin{cases}\Delta^{i_1}_{j_1}&i_1=\ell+1\\\sigma'(c)tM\Delta^{i_1}_{j_1}&i_1=\ell\\0&\text{otherwise}\end{cases}",
              run_check=lambda: table_check(net.first_derivative_table, kinds=("b",), layers_of=last_layer),
              wrong_versions=[lambda: table_check(_without_t, kinds=("b",), layers_of=last_layer)], scope=hf_scope(SCOPE)),
        every_size.lemma_10_at_depth_1_step(),
        NumericAgreement(label="lemma_10_agrees_with_mirror", printed=False, cross_checks="lemma_10_every_size",
                         latex=r"[\partial_{b^\ell_1}f_\rho(x)]_1=\sigma'(c)\,t\ \ (M=\Omega)\ \text{vs mpmath hyper-dual}",
                         closed_form=_closed, mirror=_mirror,
                         points=[((2, 2), 2, 2, "tanh", Fraction(10**6)), ((1, 3), 1, 1, "gelu", Fraction(9, 7)),
                                 ((2, 1, 2), 1, 3, "softplus_shifted", Fraction(-33))],
                         describe=lambda p: f"widths={p[0]}, d_in={p[1]}, d_out={p[2]}, {p[3]}, t={p[4]}"),
    ]


def theorem() -> Claim:
    r"""Cooper's Lemma 10 with Claim 2."""
    return Claim(
        id=ID, paper="cooper", label="Lemma 10", section="Appendix B", title="Bias derivatives of f on the ray",
        statement=r"$\partial f_\rho(x)/\partial b^{i_1}_{j_1}|_{\rho(t)}$ is $\Delta^{i_1}_{j_1}$ if $i_1=\ell+1$, "
                  r"$\sigma'(c)tM\Delta^{i_1}_{j_1}$ if $i_1=\ell$, and $0$ otherwise.",
        reference="Cooper, App. B, Lemma 10, Claim 2, eq. (20)",
        assumptions=[
            Assumption(label="A1", name="sigma(c) = 0 and sigma'(c) != 0", latex=r"\sigma(c)=0\neq\sigma'(c)",
                       necessity=Necessity(verdict="superfluous", evidence=r"With $\sigma(c) = \sigma_0$ kept symbolic, direct "
                                           r"differentiation (widths $(1, 1)$, $d_{out} = 2$: one architecture, so proved on "
                                           r"that scope only) still gives exactly the table; $\sigma'(c)$ only scales it.",
                                           check=Check(label="lemma_10_without_sigma_c_zero", latex=r"\sigma(c)=\sigma_0\ne0",
                                                       run_check=lambda: _sigma_c_free(True),
                                                       wrong_versions=[lambda: negated(_sigma_c_free(True))],
                                                       scope={"architectures": [{"widths": [1, 1], "d_in": 1, "d_out": 2}],
                                                              "data": "symbolic input x and direction M",
                                                              "activation": "generic, sigma(c) = sigma_0 kept"}))),
            Assumption(label="A2", name="depth l >= 2", latex=r"\ell\ge2",
                       necessity=Necessity(verdict="superfluous", evidence="The table holds at depth 1 for every width and "
                                           "$d_{in}$ (step lemma_10_holds_at_depth_1_every_size); this check: the scope "
                                           "(depth 1, widths 1 and 2, $d_{in}\\le2$, $d_{out}\\le2$).",
                                           check=Check(label="lemma_10_at_depth_1", latex=r"\ell=1",
                                                       run_check=lambda: table_check(net.first_derivative_table, kinds=("b",),
                                                                                     layers_of=last_layer, scope=dict(SCOPE, depths=(1,))),
                                                       wrong_versions=[lambda: table_check(_without_t, kinds=("b",), layers_of=last_layer,
                                                                                           scope=dict(SCOPE, depths=(1,)))],
                                                       scope=hf_scope(dict(SCOPE, depths=(1,)))))),
        ],
        steps=_steps(), conclusion="lemma_10_every_size",
        notes=["Proved for every depth $\\ell\\ge2$ and every width (claim_2_every_layer, lemma_10_every_size: the "
               "induction over the hidden layers and the output row with every size a symbol). The exhaustive tables "
               "on the scope (depths 2-4, widths 1-2, symbolic $x$ and $M$) and the mirror are cross-checks that agree."],
    )
