r"""Cooper, Lemma 9: on the ray, every first derivative of f_rho in a weight vanishes.

Reference: [Cooper, App. B, Lemma 9 with Claim 1, eqs. (15)-(19)]

Statement:   .. math:: \partial f_\rho(x)/\partial w^{i_1}_{j_1k_1}\big|_{\rho=\rho(t)} = 0 \quad (\ell\ge2)
Assumptions: A1  sigma(c) = 0, sigma'(c) != 0   [paper: Assumption 1]
             A2  depth l >= 2                   [paper: App. B]
Symbols:     \sigma'(c) -> sigma_1, M -> m_r_q (generic), x -> x_1_k (generic)
Proof outline:
  1. `preactivations_on_ray_eq_c`    f^i = c for i <= l and f_rho = 0 on the ray (15), (16)
  2. `claim_1_inductive_step_eq_19`  d f^i = sigma'(c) M^i d f^{i-1} at rho(t) (chain rule)
  3. `claim_1_eq_17`                 d f^i / d w^{i1} = Delta x if i1 = i = 1, else 0, every layer i
  4. `lemma_9`                       the case i = l + 1
  5. `layer_recursion_hidden`        first-order part of f^i is delta b^i (every depth)
  6. `lemma_9_agrees_with_mirror`    hyper-dual derivatives of f in the weights vanish numerically
  For every depth and width (every_size_lemmas.py: sizes as symbols, the derivatives as linear forms in a
  direction delta):
     `values_on_ray_every_size`       (15)-(16): the forward induction, and f = t M sigma(c) = 0
     `first_layer_jet`                layer 1's first-order part delta M^1 x + delta b^1 (Claim 1 at i = 1)
     `hidden_first_order_every_layer` induction over i >= 2: the first-order part of f^i_j is delta b^i_j
     `claim_1_every_layer`            Claim 1 (17) for every layer 1 <= i <= l + 1 (Z3: the cases cover the layers)
     `lemma_9_every_size`             the output's first-order part names no weight direction (l >= 2)
     `lemma_9_fails_at_depth_1_every_size`  l = 1: d f / d w^1_{kq} = sigma'(c) t M_rk x_q, != 0 at t = M = x = 1
Review notes: proved for every depth l >= 2 and every width: the induction over the
hidden layers and the output row with every size a symbol.  The exhaustive tables on
the declared scope (symbolic x and M) and the mirror are cross-checks of the general
steps and agree with them.  Without l >= 2 it fails, for every width (l = 1:
d f / d w^1_{jk} = sigma'(c) t M Delta x).
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import sympy as sp

from numeric import network as mirror
from proofs.cooper.ray import JET_SCOPE as SCOPE
from proofs.cooper.ray import hf_scope, last_layer, negated, table_check, zero_table
from proofs.cooper import every_size_lemmas as every_size
from proofs.cooper.ray_steps import any_width_step, recursion_steps
from proofs.engine import Assumption, Check, Claim, Necessity, NumericAgreement, StepResult
from symbolic import network as net

ID = "cooper.lemma_9"


def constants_check(output_value=0) -> StepResult:
    r"""(15)-(16) over the scope: hidden pre-activations equal c, the output equals ``output_value``."""
    for arch in net.scope(**SCOPE):
        values = net.constants_on_ray(arch)
        hidden_ok = all(v == net.C for layer in values[:-1] for v in layer)
        if not hidden_ok or any(v != output_value for v in values[-1]):
            return StepResult(False, "symbolic", "exact-jets", f"{arch}: values {values}",
                              counterexample=r"at widths {widths}, $d_{in} = {d_in}$, $d_{out} = {d_out}$ the values "
                                             r"$f^i$ on the ray are {values}",
                              values={"widths": list(arch.widths), "d_in": arch.d_in, "d_out": arch.d_out,
                                      "values": values})
    return StepResult(True, "symbolic", "exact-jets", f"f^i = c (i <= l), f_rho = 0 on all {len(net.scope(**SCOPE))} architectures")


def _weights_never_vanish_at_1(arch, i, p, x, M):
    return [sp.Integer(0)] * arch.sizes()[i] if p.kind == "w" else net.first_derivative_table(arch, i, p, x, M)


def _mirror_points():
    return [((2, 2), 2, 2, "tanh", Fraction(10**6)), ((1, 2, 1), 1, 2, "gelu", Fraction(7, 3)), ((2, 2, 2, 2), 2, 1, "silu", Fraction(-40))]


def _weight_derivatives_mirror(p) -> float:
    widths, d_in, d_out, name, t = p
    arch, total = net.Architecture(widths, d_in, d_out), 0
    x = [Fraction(k + 2, 3) for k in range(d_in)]
    for a, param in enumerate(arch.parameters()):
        if param.kind == "w":
            total += sum(abs(v) for v in mirror.output_derivative(list(widths), d_in, d_out, x, t, "l2", name, a))
    return total


def _dropped_a1() -> StepResult:
    jac, _ = net.naive_output_derivatives(net.Architecture((1, 1), 1, 1), keep_sigma_c=True)
    params = net.Architecture((1, 1), 1, 1).parameters()
    nonzero = [(params[a].latex(), row) for a, row in enumerate(jac) if params[a].kind == "w" and any(v != 0 for v in row)]
    return StepResult(bool(nonzero), "symbolic", "sympy.diff",
                      f"with sigma(c) = sigma_0 kept: nonzero weight derivatives {nonzero}")


def _dropped_a1_wrong() -> StepResult:
    jac, _ = net.naive_output_derivatives(net.Architecture((1, 1), 1, 1), keep_sigma_c=False)
    params = net.Architecture((1, 1), 1, 1).parameters()
    nonzero = [a for a, row in enumerate(jac) if params[a].kind == "w" and any(v != 0 for v in row)]
    return StepResult(bool(nonzero), "symbolic", "sympy.diff", "sigma(c) = 0: weight derivatives nonzero?")



def _steps() -> list:
    return [
        every_size.values_on_ray_step(),
        Check(label="preactivations_on_ray_eq_c", latex=r"f^i_{\rho(t)}(x)=c\ (i\le\ell),\qquad f_{\rho(t)}(x)=0",
              cross_checks="values_on_ray_every_size",
              justification="M^i = 0 and b^i = c before the last layer; sigma(c) = 0 kills t M. Cross-check on the "
                            "scope of values_on_ray_every_size (the same statement for every size).",
              run_check=constants_check, wrong_versions=[lambda: constants_check(output_value=net.C)],
              scope=hf_scope(SCOPE)),
        any_width_step("claim_1_inductive_step_eq_19",
                       latex=r"\partial_z f^i_\rho(x)\big|_{\rho(t)}=\sigma'(c)\,M^i\,\partial_z f^{i-1}_\rho(x)\big|_{\rho(t)}",
                       sides=net.first_order_chain_rule_on_ray_any_width,
                       justification="Chain rule with f^{i-1} = c, sigma generic, every quantity a symbol, one row of M^i with K summands (K a symbol: SymPy differentiates under the finite sum), so the identity holds for every width."),
        every_size.first_layer_step(),
        every_size.hidden_jet_induction(),
        every_size.claim_table_every_layer(1),
        Check(label="claim_1_eq_17", cross_checks="claim_1_every_layer",
              justification="Cross-check on the scope of claim_1_every_layer (the same table, every layer and size).",
              latex=r"\partial_{w^{i_1}_{j_1k_1}}f^i_\rho(x)\big|_{\rho(t)}=\begin{cases}\Delta^{i_1}_{j_1k_1}x & i_1=i=1\\0&\text{otherwise}\end{cases}",
              run_check=lambda: table_check(net.first_derivative_table),
              wrong_versions=[lambda: table_check(_weights_never_vanish_at_1)], scope=hf_scope(SCOPE)),
        dataclasses.replace(every_size.lemma_9_step(), role="statement"),
        Check(label="lemma_9", role="statement", cross_checks="lemma_9_every_size",
              justification="Cross-check on the scope of lemma_9_every_size (the same statement for every size).",
              latex=r"\partial_{w^{i_1}_{j_1k_1}}f_\rho(x)\big|_{\rho(t)}=0",
              run_check=lambda: table_check(zero_table, layers_of=last_layer),
              wrong_versions=[lambda: table_check(zero_table, layers_of=last_layer, scope=dict(SCOPE, depths=(1,)))],
              scope=hf_scope(SCOPE)),
        recursion_steps()[0],
        every_size.lemma_9_fails_at_depth_1_step(),
        NumericAgreement(label="lemma_9_agrees_with_mirror", printed=False, cross_checks="lemma_9_every_size",
                         latex=r"\sum|\partial_w f_\rho(x)|=0\ \text{(mpmath hyper-dual, 60 digits)}",
                         closed_form=lambda p: 0, mirror=_weight_derivatives_mirror, points=_mirror_points(),
                         describe=lambda p: f"widths={p[0]}, d_in={p[1]}, d_out={p[2]}, {p[3]}, t={p[4]}"),
    ]


def theorem() -> Claim:
    r"""Cooper's Lemma 9 with Claim 1."""
    return Claim(
        id=ID, paper="cooper", label="Lemma 9", section="Appendix B", title="Weight derivatives of f vanish on the ray",
        statement=r"On $\mathcal R$, $\partial f_\rho(x)/\partial w^{i_1}_{j_1k_1}|_{\rho=\rho(t)}=0$ for all weights ($\ell\ge2$).",
        reference="Cooper, App. B, Lemma 9, Claim 1, eqs. (15)-(19)",
        assumptions=[
            Assumption(label="A1", name="sigma(c) = 0 and sigma'(c) != 0", latex=r"\sigma(c)=0\neq\sigma'(c)",
                       necessity=Necessity(verdict="necessary", evidence=r"$\sigma(c) = \sigma_0 \ne 0$ gives "
                                           r"$\partial f/\partial w^{\ell+1}_{jk} = \sigma_0$ (direct differentiation, depth 2). "
                                           r"The $\sigma'(c) \ne 0$ half is not used.",
                                           check=Check(label="weight_derivative_without_A1", latex=r"\partial_{w^{\ell+1}_{11}}f=\sigma(c)",
                                                       run_check=_dropped_a1, wrong_versions=[_dropped_a1_wrong]))),
            Assumption(label="A2", name="depth l >= 2", latex=r"\ell\ge2",
                       necessity=Necessity(verdict="necessary", evidence="At $\\ell=1$, $\\partial f/\\partial w^1_{jk}=\\sigma'(c)tM\\Delta x\\ne0$, for every "
                                           "width and $d_{in}$ (step lemma_9_fails_at_depth_1_every_size; this check: "
                                           "the scope).",
                                           check=Check(label="lemma_9_fails_at_depth_1", latex=r"\ell=1:\ \partial_{w^1}f\neq0",
                                                       run_check=lambda: negated(table_check(zero_table, layers_of=last_layer,
                                                                                              scope=dict(SCOPE, depths=(1,)))),
                                                       wrong_versions=[lambda: negated(table_check(zero_table, layers_of=last_layer))]))),
        ],
        steps=_steps(), conclusion="lemma_9_every_size",
        notes=["Proved for every depth $\\ell\\ge2$ and every width: the induction hidden_first_order_every_layer "
               "(the first-order part of every hidden layer $i\\ge2$ is $\\delta b^i$) and the output row with every "
               "size a symbol (lemma_9_every_size, claim_1_every_layer). The exhaustive tables on the scope "
               "(depths 2-4, widths 1-2, symbolic $x$ and $M$) and the mirror are cross-checks that agree."],
    )

