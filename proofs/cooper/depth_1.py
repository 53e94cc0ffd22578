r"""Cooper, the open case of depth 1: one hidden layer is not (L0, L1)-smooth either.

Reference: [Cooper, §1 and App. C/D after Thms 13, 15: "This leaves the case of depth l = 1 open"]
(not a numbered result of the paper: the paper leaves it open; this claim is ours)

Statement:   For a network with one hidden layer (:math:`\ell=1`) and twice differentiable
             :math:`\sigma` satisfying Assumption 1, the L2 loss, and the cross-entropy
             loss with :math:`b\ge2` classes under Assumption 2, are not :math:`(L_0,L_1)`-smooth
             for any :math:`L_0,L_1`: the ray :math:`\rho(t)` of §3 still works.
Assumptions: A1  sigma(c) = 0, sigma'(c) != 0   [paper: Assumption 1]  superfluous (shifted ray)
             A2  b = d_out >= 2 (cross-entropy)  [paper: Thm 14]
             A3  sigma non-constant             [implied by A1]        necessary
Symbols:     \sigma'(c) -> sigma_1, \sigma''(c) -> sigma_2
Proof outline:
  1. `lemma_9_fails_at_depth_1`          what changes: d f / d w^1_{jk} = sigma'(c) t M Delta^1_{jk} x != 0
  2. `first_derivatives_degree_at_most_1`  still every entry of Df on the ray has degree <= 1 in t
  3. `second_derivatives_degree_at_most_1` and every entry of Hf has degree <= 1 in t
  4. `layer_recursion_output`            the output-layer expansion (valid for l = 1 with lambda = dM^1 x + db^1)
     `shifted_ray_without_assumption_1`, `shifted_ray_without_assumption_1_cross_entropy`  no Assumption 1 needed
  5. `hessian_entry_closed_form_depth_1` (b^1_1, b^1_1) entry: the same closed forms as for l >= 2 (L2 and CE)
  6. `grad_norm_sq_degree_at_most_2_depth_1`  ||grad L||^2 has degree <= 2 in t (weights now contribute)
  7. `jets_equal_direct_differentiation_depth_1`  the expansion equals sympy.hessian of the whole loss
  8. `agrees_with_mirror_depth_1`        independent mpmath hyper-dual values, t up to 1e6
  9. `no_L0_L1_witness_depth_1_l2`, `no_L0_L1_witness_depth_1_cross_entropy`  explicit t* for any (L0, L1)
  For every width, d_in, d_out and n (every_size_lemmas.py, sizes as symbols; the scope steps above cross-check):
     `values_on_ray_every_size`, `first_layer_jet`  f^1 = c + eps (delta M^1 x + delta b^1), f = 0 on the ray
     `lemma_9_fails_at_depth_1_every_size`  d f / d w^1_{kq} = sigma'(c) t M_rk x_q
     `first_derivatives_degree_at_most_1_every_size`, `second_derivatives_degree_at_most_1_every_size`
     `shifted_ray_every_size`          the shifted ray, sigma(c') kept: f = 0, degrees <= 1 (every depth and width)
     `hessian_entry_every_size`        the (b^1_1)^2 entry's closed forms, L2 and cross-entropy (l >= 1)
     `grad_norm_sq_degree_at_most_2_every_size`  slopes at f = 0 free of t: deg ||grad L||^2 <= 2, both losses
     `grad_norm_sq_depth_1_every_size`  L2: 4 sum_r (sum_s y_sr)^2 + 4 K sigma_1^2 t^2 [(sum y)^2
                                      + sum_p (sum_s x_sp sum_r y_sr)^2] (d_in a symbol too)
     `grad_norm_sq_depth_1_agrees_with_jets`  that form against the exact jets (cross-check)
     `leading_coefficient_positive`, `leading_coefficient_positive_cross_entropy`  A > 0
     `no_L0_L1_every_size`             t*(L0, L1) with g <= r_a + r_b t (Z3, symbolic coefficients)
Review notes: the paper's Lemma 9 and Lemma 11 fail at l = 1 (extra nonzero derivatives in the
first-layer weights, for every width), but those derivatives are still of degree <= 1 in t,
which is all Theorems 12 and 14 use.  Proved for every width, d_in, d_out and n with the sizes
as symbols; the exhaustive checks on the scope below, the prime-size architectures and the
mirror are cross-checks that agree.  The claim is the project's, not the paper's; Assumption 1
is not needed for it.
"""

from __future__ import annotations

import dataclasses
import functools
from fractions import Fraction
from typing import Any, Mapping

import sympy as sp

from proofs.cooper import every_size as sizes
from proofs.cooper import every_size_lemmas as every_size
from proofs.cooper import figures, ray, ray_steps
from proofs.cooper.ray import negated, table_check, zero_table
from proofs.engine import Assumption, Check, Claim, Necessity, Parameter, PolynomialDegree, StepResult, Witness
from symbolic import network as net
from symbolic.activations import SIGMA_1

ID = "cooper.depth_1"
SCOPE = dict(depths=(1,), widths=(1, 2, 3), d_ins=(1, 2), d_outs=(1, 2, 3))
LOSSES = ("l2", "cross_entropy")


def _data(loss: str, arch: net.Architecture, n: int = 2) -> net.Data:
    return (net.symbolic_data if loss == "l2" else net.probability_data)(n, arch.d_in, arch.d_out)


def degree_check(order: int, bound: int) -> StepResult:
    r"""Every entry of Df (``order`` 1) or Hf (2) on the ray has degree <= ``bound`` in t (scope, symbolic x, M)."""
    worst = 0
    for arch in net.scope(**SCOPE):
        for jet in net._cached_layer_jets(arch)[-1]:
            for v in (jet.lin if order == 1 else jet.quad).values():
                worst = max(worst, v.degree(0))
    return StepResult(worst <= bound, "symbolic", "exact-jets", f"max degree {worst} (claimed <= {bound}) on {SCOPE}",
                      counterexample=None if worst <= bound else r"an entry of degree {degree} in $t$",
                      values={"degree": worst})


#: Depth-1 architectures whose sizes n, d_in, c_1, d_out are distinct primes (see cooper_thm_12.PRIME_CASES).
PRIME_CASES = tuple((n, d_in, width, d_out, 1) for n, d_in, width, d_out, _ in ray.PRIME_CASES)


def entry_pairs(loss: str) -> list[tuple[net.Architecture, int]]:
    r"""``(architecture, n)``: the scope with n = 2 and the prime-size depth-1 architectures (d_out >= 2 for CE)."""
    pairs = ray.prime_architectures(PRIME_CASES) + [(arch, 2) for arch in net.scope(**SCOPE)]
    return [(a, n) for a, n in pairs if loss == "l2" or a.d_out >= 2]


def entry_check(scale: int = 1) -> StepResult:
    r"""The (b^1_1, b^1_1) entry equals the closed form of Theorems 12/14 at depth 1 (both losses, scope + primes)."""
    for loss in LOSSES:
        for arch, n in entry_pairs(loss):
            data = _data(loss, arch, n)
            d, e = net.derivatives_on_ray(arch, data, loss), net.named_entry(arch)
            if sp.expand(d.entry(e, e) - scale * net.hessian_entry_closed_form(arch, data, loss)) != 0:
                return StepResult(False, "symbolic", "exact-jets", f"{loss}, {arch}, n = {n}",
                                  counterexample=r"{loss} at {dimensions}: the entry is ${entry}$",
                                  values={"loss": loss, "dimensions": ray.dimension_point(arch, n), "entry": d.entry(e, e)})
    return StepResult(True, "symbolic", "exact-jets", "closed forms hold at depth 1 on the scope and the prime-size "
                      "architectures, symbolic data")


def _entry_wrong_dimension() -> StepResult:
    r"""Wrong version: the L2 entry's leading term with c_1 put for d_out (2 n c_1 sigma'(c)^2 t^2)."""
    for arch, n in entry_pairs("l2"):
        data = _data("l2", arch, n)
        e = net.named_entry(arch)
        want = net.hessian_entry_closed_form(arch, data, "l2") + 2 * n * (arch.widths[-1] - arch.d_out) * SIGMA_1**2 * net.T**2
        if sp.expand(net.derivatives_on_ray(arch, data, "l2").entry(e, e) - want) != 0:
            return StepResult(False, "symbolic", "exact-jets", f"{arch}, n = {n}: c_1 is not d_out")
    return StepResult(True, "symbolic", "exact-jets", "c_1 for d_out passes?")


@functools.cache
def _direct(loss: str) -> bool:
    arch = net.Architecture((1,), 1, 2)
    data = net.seeded_data(1, 1, 2, 3, loss)
    g, H = net.naive_derivatives_on_ray(arch, data, loss, simplifier=sp.expand)
    d, P = net.derivatives_on_ray(arch, data, loss), arch.parameters()
    return all(sp.expand(g[a] - v) == 0 for a, v in enumerate(d.gradient_vector())) and \
        all(sp.expand(H[a, b] - d.entry(P[a], P[b])) == 0 for a in range(len(P)) for b in range(len(P)))


def direct_check(losses=("l2",)) -> StepResult:
    r"""``sympy.hessian`` of the whole loss (widths (1,), d_out 2, generic sigma) equals the expansion, exactly."""
    ok = all(_direct(loss) for loss in losses)
    return StepResult(ok, "symbolic", "sympy.hessian", f"full gradient and Hessian agree exactly ({', '.join(losses)})")


def _direct_wrong() -> StepResult:
    arch = net.Architecture((1,), 1, 2)
    data = net.seeded_data(1, 1, 2, 3, "l2")
    g, H = net.naive_derivatives_on_ray(arch, data, "l2", simplifier=sp.expand)
    return StepResult(sp.expand(H[1, 1] - 2 * arch.d_out * SIGMA_1**2 * net.T**2) == 0, "symbolic", "sympy.hessian",
                      "entry equals the printed leading term only (no sigma_2 term)?")


def _depth_1_witness(loss: str) -> Witness:
    step = ray_steps.witness_step(loss, f"no_L0_L1_witness_depth_1_{loss}")
    cases = [{**c, "depth": 1} for c in step.cases[:3] + step.cases[4:5]]
    return Witness(label=step.label, role="statement", latex=step.latex.replace(r"\exists", r"\ell=1:\ \exists"),
                   cross_checks="no_L0_L1_every_size",
                   justification=step.justification, construct=step.construct, verify=step.verify, cases=cases,
                   method=step.method, wrong_constructions=step.wrong_constructions)


def _witness(params: Mapping[str, Any]) -> dict[str, Any]:
    loss = params.get("loss") or "l2"
    return ray.make_witness(loss, ID)({**params, "depth": 1})


def _scope(data: str = "symbolic x, y (sum_j y_mj = 1 for cross-entropy)", *, primes: bool = False) -> dict:
    return ray.scope_of(SCOPE, data=data, also=ray.prime_architectures(PRIME_CASES) if primes else None)


def _steps() -> list:
    depth1 = dict(SCOPE, widths=(1, 2))
    return [
        every_size.values_on_ray_step(),
        every_size.first_layer_step(),
        every_size.lemma_9_fails_at_depth_1_step(),
        Check(label="lemma_9_fails_at_depth_1", printed=False, cross_checks="lemma_9_fails_at_depth_1_every_size",
              latex=r"\ell=1:\ \partial_{w^1_{jk}}f_\rho(x)|_{\rho(t)}=\sigma'(c)\,t\,M\Delta^1_{jk}x\neq0",
              justification="A counterexample to Lemma 9 at depth 1 (one architecture suffices); cross-check on the "
                            "scope of lemma_9_fails_at_depth_1_every_size.",
              run_check=lambda: negated(table_check(zero_table, layers_of=lambda a: [2], scope=depth1)),
              wrong_versions=[lambda: negated(table_check(zero_table, layers_of=lambda a: [a.depth + 1],
                                                           scope=dict(depth1, depths=(2,))))]),
        every_size.degree_step(1),
        every_size.degree_step(2),
        Check(label="first_derivatives_degree_at_most_1", printed=False, latex=r"\deg_t[\mathbf Df_\rho(x)|_{\rho(t)}]\le1",
              cross_checks="first_derivatives_degree_at_most_1_every_size",
              run_check=lambda: degree_check(1, 1), wrong_versions=[lambda: degree_check(1, 0)], scope=ray.hf_scope(SCOPE)),
        Check(label="second_derivatives_degree_at_most_1", printed=False, latex=r"\deg_t[\mathbf Hf_\rho(x)|_{\rho(t)}]\le1",
              cross_checks="second_derivatives_degree_at_most_1_every_size",
              run_check=lambda: degree_check(2, 1), wrong_versions=[lambda: degree_check(2, 0)], scope=ray.hf_scope(SCOPE)),
        ray_steps.recursion_steps()[1],
        every_size.shifted_ray_step(),
        dataclasses.replace(ray_steps.shifted_ray_step("l2"), cross_checks="shifted_ray_every_size"),
        dataclasses.replace(ray_steps.shifted_ray_step("cross_entropy"), label="shifted_ray_without_assumption_1_cross_entropy",
                            cross_checks="shifted_ray_every_size"),
        every_size.hessian_entries_step(),
        Check(label="hessian_entry_closed_form_depth_1", printed=False, cross_checks="hessian_entry_every_size",
              latex=r"\ell=1:\ \partial^2_{(b^1_1)^2}L=\text{the closed forms of Theorems 12 and 14}",
              run_check=entry_check, wrong_versions=[lambda: entry_check(scale=2), _entry_wrong_dimension],
              scope=_scope(primes=True)),
        every_size.grad_norm_degree_step(),
        every_size.grad_norm_sq_depth_1_step(),
        every_size.grad_norm_sq_depth_1_jets_step(),
        PolynomialDegree(label="grad_norm_sq_degree_at_most_2_depth_1", printed=False, latex=r"\deg_t\|\nabla L(\rho(t))\|^2\le2",
                         cross_checks="grad_norm_sq_degree_at_most_2_every_size",
                         expr=lambda: net.derivatives_on_ray(net.Architecture((2,), 2, 2), net.symbolic_data(2, 2, 2), "l2").grad_norm_sq(),
                         var=net.T, degree=2, at_most=True,
                         scope=ray.architectures_scope([(net.Architecture((2,), 2, 2), 2)])),
        Check(label="jets_equal_direct_differentiation_depth_1", printed=False, cross_checks="hessian_entry_every_size",
              justification="Cross-check at one architecture: the jets behind the scope steps (gradient and Hessian, "
                            "the (b^1_1)^2 entry among them) equal sympy.hessian of the whole loss.",
              latex=r"\text{expansion}=\texttt{sympy.hessian}(L)|_{\rho(t)}\ \ (\ell=1)",
              run_check=direct_check, wrong_versions=[_direct_wrong],
              scope=ray.architectures_scope([(net.Architecture((1,), 1, 2), 1)], data="seeded rational (seed 3)")),
        _mirror_depth_1(),
        sizes.leading_positive_step(),
        dataclasses.replace(sizes.ce_leading_positive_step(), label="leading_coefficient_positive_cross_entropy"),
        sizes.diagonal_entry_step(),
        every_size.triangle_witness_step(),
        _depth_1_witness("l2"),
        _depth_1_witness("cross_entropy"),
    ]


def _mirror_depth_1():
    step = ray_steps.mirror_agreement("l2", "agrees_with_mirror_depth_1", jets=True)
    points = [((2,), 2, 2, 2, "tanh", 7, Fraction(10**6)), ((3,), 1, 3, 1, "gelu", 4, Fraction(37, 3)),
              ((1,), 1, 1, 2, "silu", 9, Fraction(-1000))]
    return dataclasses.replace(step, points=points, cross_checks="hessian_entry_every_size")


def theorem() -> Claim:
    r"""The depth-1 case the paper leaves open."""
    a1 = ray_steps.assumption_1("l2")
    return Claim(
        id=ID, paper="cooper", label="Depth 1 (open in the paper)", statement_kind="project", section="App. C, D (after Thms 13 and 15)",
        title="One hidden layer: the L2 and cross-entropy losses are not (L0, L1)-smooth",
        statement=r"For $\ell=1$, with $\sigma$ twice differentiable satisfying Assumption 1, the L2 loss (and the "
                  r"cross-entropy loss with $b\ge2$, Assumption 2) is not $(L_0,L_1)$-smooth for any $L_0,L_1$.",
        reference="Cooper, App. C after Thm 13 and App. D after Thm 15 (the open case)",
        assumptions=[Assumption(label="A1", name=a1.name, latex=a1.latex, holds=a1.holds,
                                necessity=Necessity(verdict="superfluous",
                                                    evidence=r"Not necessary at depth 1 either: the shifted ray (output "
                                                    r"bias $-t\,\sigma(c')\,M\mathbf 1$) gives the conclusion for every "
                                                    r"non-constant $\sigma$ (step shifted_ray_every_size); witnesses at "
                                                    r"depth 1 for the logistic sigmoid, softplus, $u^2$ and $u^2 + 1$, L2 "
                                                    r"and cross-entropy alternately, checked here.",
                                                    check=ray_steps.shifted_witness("l2", depth=1, losses=LOSSES))),
                     Assumption(label="A2", name="b = d_out >= 2 (cross-entropy)", latex=r"b\ge2",
                                holds=lambda p: p.get("loss") != "cross_entropy" or int(p.get("d_out") or 2) >= 2,
                                necessity=Necessity(verdict="necessary", evidence="One class: the loss is identically 0 "
                                                    "(checked in cooper.thm_14).")),
                     ray_steps.non_constant_assumption("l2", "A3")],
        steps=_steps(), conclusion="no_L0_L1_every_size",
        parameters=[*[p for p in ray.deep_parameters() if p.name != "depth"],
                    Parameter("loss", "choice", "l2", "l2 or cross_entropy", LOSSES)],
        witness=_witness, figures=figures.figures_depth_1, plot=figures.plot_depth_1,
        notes=["Settled here along the same ray for every width, $d_{in}$, $d_{out}$ and $n$ (the sizes as symbols: "
               "no_L0_L1_every_size and the steps it uses); the exhaustive checks on the scope (widths 1-3, "
               "$d_{in}\\le2$, $d_{out}\\le3$, $n=2$), the prime-size architectures and the mirror agree: the answer "
               "to the paper's open question is negative.",
               r"What the paper calls 'more complex' at depth 1 is real (Lemmas 9 and 11 fail: weight derivatives "
               r"$\sigma'(c)\,tM\Delta x$ and $\sigma''(c)\,tM(\Delta x)^2$ appear) but harmless: all are of degree "
               r"at most 1 in $t$."],
    )
