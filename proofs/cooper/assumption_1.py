r"""Cooper, Assumption 1, decided for a catalogue of activation functions.

Reference: [Cooper, §2.1, Assumption 1; used by Lemmas 9-11 and Theorems 12-14]

Statement:   There is a constant :math:`c` such that :math:`\sigma(c)=0` but :math:`\sigma'(c)\neq0`
             (with :math:`\sigma` twice differentiable, §2.1).
Assumptions: A1  sigma twice differentiable  [paper: §2.1]  superfluous for deciding Assumption 1 (ELU)
Symbols:     \sigma -> symbolic.activations.CATALOGUE[name], c -> Activation.c
Proof outline:
  1. `assumption_1_for_tanh`            holds, c = 0, sigma'(0) = 1 (tanh increasing)
  2. `assumption_1_for_softplus_shifted` holds, c = 0, sigma'(0) = 1/2
  3. `assumption_1_for_gelu`            holds, c = 0, sigma'(0) = 1/2
  4. `assumption_1_for_sigmoid`         fails: the logistic sigmoid has no zero
  5. `assumption_1_for_paper_example_1` fails: u^2 + 1 (the paper's Example 1) has no zero
  6. `assumption_1_for_relu`            fails: zeros (-oo, 0], sigma' = 0 there or undefined at 0
  7. `assumption_1_for_elu`             holds at c = 0, but sigma''(0) does not exist
  8. `slopes_agree_with_mirror`         sigma'(c) exact = mpmath hand-derived derivative
  9. `non_constant_sigma_needed_for_theorems_12_and_14`  sigma = 0: deep losses are m-smooth
     `assumption_1_not_needed_for_theorems_12_and_14`  sigmoid, softplus, u^2, u^2+1: t^2 entry on the shifted ray
 10. `slopes_enclosed_away_from_zero`   Arb balls: sigma(c) contains 0, sigma'(c) excludes 0
Review notes: every catalogue entry gets a step (the outline lists some).  The
logistic sigmoid, softplus, ReLU, u^2 and the paper's own Example 1 violate
Assumption 1; ELU satisfies it but is not twice differentiable at c = 0, exactly
where the ray of §3 puts every hidden pre-activation.  Assumption 1 serves the
printed Lemmas 9-11; Theorems 12 and 14 need only a non-constant sigma.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy as sp

from numeric import activations as mirror
from proofs.cooper import ray
from proofs.engine import Assumption, Check, Claim, Necessity, NumericAgreement, Parameter, StepResult
from symbolic import linear_model as lm
from symbolic import network as net
from symbolic import shifted_ray as shift
from symbolic.activations import CATALOGUE, U, activation, assumption_1, values_at_c, zero_set_certificate

ID = "cooper.assumption_1"

#: The verdict each step states: (holds, c, sigma'(c)) — computed values must match.
EXPECTED: dict[str, tuple[bool, Any, Any]] = {
    "tanh": (True, 0, 1), "softplus_shifted": (True, 0, sp.Rational(1, 2)), "gelu": (True, 0, sp.Rational(1, 2)),
    "silu": (True, 0, sp.Rational(1, 2)), "mish": (True, 0, sp.Rational(3, 5)),
    "sigmoid_centered": (True, 0, sp.Rational(1, 4)), "sin": (True, 0, 1), "identity": (True, 0, 1),
    "elu": (True, 0, 1), "sigmoid": (False, None, None), "softplus": (False, None, None),
    "paper_example_1": (False, None, None), "square": (False, None, None), "relu": (False, None, None),
    "zero": (False, None, None),
}


def _decide(name: str, holds: bool, c: Any, slope: Any) -> StepResult:
    act = activation(name)
    certificate, verdict = zero_set_certificate(act), assumption_1(act)
    same = verdict.holds == holds and (not holds or (sp.simplify(verdict.c - c) == 0
                                                      and sp.simplify(verdict.sigma_prime_c - slope) == 0))
    if not holds and c is not None:  # a claimed c for a failing activation must be refuted at that c
        same = same and not (sp.simplify(act(sp.sympify(c))) == 0 and act.derivative_at(sp.sympify(c), 1) != 0)
    detail = f"{verdict.reason}; zero set certified by {certificate.method}: {certificate.proved}"
    computed = "holds" if verdict.holds else "fails"
    return StepResult(bool(same and certificate.proved), "symbolic", certificate.method, detail,
                      None if same else f"computed: Assumption 1 {computed} for " + r"$\sigma(u) = {sigma}$, with "
                                        r"$c = {c}$ and $\sigma'(c) = {slope}$",
                      values={"sigma": act.formula, "c": verdict.c, "slope": verdict.sigma_prime_c})


def _latex(name: str) -> str:
    act, (holds, c, slope) = CATALOGUE[name], EXPECTED[name]
    if holds:
        tail = r",\ \sigma''(0)\text{ does not exist}" if not act.twice_differentiable else ""
        return rf"\sigma(u)={act.latex}:\ \sigma({c})=0,\ \sigma'({c})={sp.latex(sp.sympify(slope))}\neq0{tail}"
    return rf"\sigma(u)={act.latex}:\ \{{\sigma=0\}}={sp.latex(act.zero_set)},\ \text{{no }}c\text{{ with }}\sigma'(c)\neq0"


def _wrong(name: str):
    holds, c, slope = EXPECTED[name]
    if holds:
        return [lambda: _decide(name, True, c, slope + 1), lambda: _decide(name, False, None, None)]
    return [lambda: _decide(name, True, 0, 1)]


def _activation_steps() -> list:
    return [Check(label=f"assumption_1_for_{name}", printed=False, latex=_latex(name), run_check=lambda n=name: _decide(n, *EXPECTED[n]),
                  wrong_versions=_wrong(name), kind_name="zero-set-certificate",
                  justification=CATALOGUE[name].title) for name in CATALOGUE]


def _enclosures(names: list[str]) -> StepResult:
    for name in names:
        value, slope = mirror.assumption_1_enclosures(name)
        if not value.contains(0) or slope.contains(0):
            return StepResult(False, "symbolic", "arb-enclosure", f"{name}: sigma(c) in {value}, sigma'(c) in {slope}",
                              counterexample=name + r": the Arb ball {slope} of $\sigma'(c)$ contains $0$",
                              values={"slope": str(slope)})
    return StepResult(True, "symbolic", "arb-enclosure", f"sigma'(c) rigorously nonzero for {len(names)} activations")


def _deep_hessian_parameters(sigma, loss: str) -> set:
    r"""The parameters on which the Hessian of a depth-2, width-1 network's loss depends
    (one symbolic datum; two classes for cross-entropy)."""
    x, y1, y2 = sp.symbols("x y_1 y_2", real=True)
    w1, b1, w2, b2, w3, v3, b3, c3 = sp.symbols("w1 b1 w2 b2 w3_1 w3_2 b3_1 b3_2", real=True)
    out = sp.Matrix([[w3], [v3]]) if loss == "cross_entropy" else sp.Matrix([[w3]])
    bias = sp.Matrix([b3, c3]) if loss == "cross_entropy" else sp.Matrix([b3])
    f = lm.composition_7([x], [(sp.Matrix([[w1]]), sp.Matrix([b1])), (sp.Matrix([[w2]]), sp.Matrix([b2])), (out, bias)], sigma)
    params = [w1, b1, w2, b2, *out, *bias]
    if loss == "l2":
        value = (f[0] - y1) ** 2
    else:
        value = -sum(y * (fj - sp.log(sp.exp(f[0]) + sp.exp(f[1]))) for y, fj in zip((y1, y2), f))
    return sp.hessian(value, params).free_symbols & set(params)


def _zero_activation_gives_smooth_deep_loss(sigma) -> StepResult:
    l2, ce = _deep_hessian_parameters(sigma, "l2"), _deep_hessian_parameters(sigma, "cross_entropy")
    output_biases = {sp.Symbol("b3_1", real=True), sp.Symbol("b3_2", real=True)}
    ok = not l2 and ce <= output_biases
    return StepResult(ok, "symbolic", "expression-inspection",
                      f"depth 2: L2 Hessian depends on {sorted(map(str, l2)) or 'no parameter'}; cross-entropy "
                      f"Hessian on {sorted(map(str, ce))} (softmax of the output biases only)")


def _shifted_ray_growth(paper_bias: bool = False) -> StepResult:
    r"""On the shifted ray (``paper_bias``: the paper's ray with :math:`\sigma(c')\ne0`, the wrong version), for
    each activation of :data:`symbolic.shifted_ray.SHIFT_POINTS`: the (b^2_1)^2 entry has degree 2 with leading
    coefficient :math:`2nd_{out}\sigma'(c')^2>0` and :math:`\|\nabla L\|^2` degree :math:`\le2` in t."""
    arch = net.Architecture((1, 1), 1, 2)
    data = net.symbolic_data(2, 1, 2)
    d, e = net.derivatives_on_ray(arch, data, "l2", shifted=True, paper_bias=paper_bias), net.named_entry(arch)
    for name in shift.SHIFT_POINTS:
        entry = sp.Poly(shift.at_shifted_activation(d.entry(e, e), name), net.T)
        grad = sp.Poly(shift.at_shifted_activation(d.grad_norm_sq(), name), net.T).degree()
        lead = 2 * data.n * arch.d_out * shift.jet_at(name)[1] ** 2
        if entry.degree() != 2 or sp.simplify(entry.LC() - lead) != 0 or not lead > 0 or grad > 2:
            return StepResult(False, "symbolic", "exact-jets", f"{name}: entry {entry.as_expr()}, deg ||grad L||^2 = {grad}",
                              counterexample=name + r" on the shifted ray: $\|\nabla L\|^2$ has degree ${degree}$ in $t$ "
                                                    r"and the $(b^2_1)^2$ Hessian entry is ${entry}$",
                              values={"degree": grad, "entry": entry.as_expr()})
    return StepResult(True, "symbolic", "exact-jets", f"entry of degree 2 with leading coefficient 2 n d_out sigma'(c')^2 "
                      f"> 0 and ||grad L||^2 of degree <= 2 for {', '.join(shift.SHIFT_POINTS)}")


def _holding() -> list[str]:
    return [n for n, (holds, _, _) in EXPECTED.items() if holds]


def _square_at_zero() -> StepResult:
    slope = mirror.enclose("square", Fraction(0), derivative=1)
    return StepResult(not slope.contains(0), "symbolic", "arb-enclosure", f"square: sigma'(0) in {slope}")


def _steps() -> list:
    holding = _holding()
    return _activation_steps() + [
        NumericAgreement(label="slopes_agree_with_mirror", printed=False,
                         latex=r"\sigma'(c)\ \text{exact} = \text{hand-derived } \sigma' \text{ in mpmath (60 digits)}",
                         closed_form=lambda n: values_at_c(activation(n))[1] if n != "elu" else activation(n).derivative_at(0, 1),
                         mirror=lambda n: mirror.evaluate(n, 0, 1, dps=60), points=holding, describe=str, dps=60),
        Check(label="non_constant_sigma_needed_for_theorems_12_and_14", printed=False,
              latex=r"\sigma\equiv0\ (\text{constant}):\ f_\rho=b^{\ell+1},\ \mathbf HL_2=\text{const},\ \mathbf HL_{\mathrm{CE}}=\mathbf HL_{\mathrm{CE}}(b^{\ell+1})",
              run_check=lambda: _zero_activation_gives_smooth_deep_loss(lambda v: sp.Integer(0)),
              wrong_versions=[lambda: _zero_activation_gives_smooth_deep_loss(sp.tanh)], kind_name="expression-inspection",
              justification="With sigma = 0 (C-infinity, constant) a deep network computes the constant b^{l+1}: its L2 "
                            "loss is m-smooth (m = 2n) and its cross-entropy loss is m-smooth (Theorem 15's bound with "
                            "x = 0). This shows that 'sigma non-constant' cannot be dropped from Theorems 12 and 14; "
                            "it does not show that Assumption 1 is needed (next step)."),
        Check(label="assumption_1_not_needed_for_theorems_12_and_14", printed=False,
              latex=r"\sigma\in\{\text{sigmoid},\text{softplus},u^2,u^2+1\}:\ \partial^2_{(b^2_1)^2}L(\rho'(t))=2nd_{out}\sigma'(c')^2t^2+O(t),\ \deg_t\|\nabla L\|^2\le2",
              run_check=_shifted_ray_growth, wrong_versions=[lambda: _shifted_ray_growth(paper_bias=True)],
              kind_name="exact-jets", scope={"architectures": [{"n": 2, "d_in": 1, "widths": [1, 1], "d_out": 2}],
                                             "data": "symbolic x, y", "losses": ["l2"],
                                             "activations": list(shift.SHIFT_POINTS)},
              justification="These activations violate Assumption 1, yet on the shifted ray (hidden biases at c' with "
                            "sigma'(c') != 0, output bias -t sigma(c') M 1) the Hessian entry grows like t^2 and the "
                            "gradient at most like t: Theorems 12 and 14 hold for them (cooper.thm_12 / thm_14, "
                            "hypothesis A1: superfluous). The wrong version is the paper's ray (b^{l+1} = 0): there "
                            "f = t sigma(c) M 1 != 0 and ||grad L||^2 has degree 4."),
        Check(label="slopes_enclosed_away_from_zero", printed=False,
              latex=r"0\in[\sigma(c)]_{\mathrm{Arb}},\quad 0\notin[\sigma'(c)]_{\mathrm{Arb}}",
              run_check=lambda: _enclosures(holding), wrong_versions=[_square_at_zero], kind_name="rigorous-enclosure"),
    ]


def _assumptions() -> list[Assumption]:
    elu = Check(label="assumption_1_decided_for_elu", printed=False, latex=_latex("elu"),
                run_check=lambda: _decide("elu", *EXPECTED["elu"]), wrong_versions=_wrong("elu"),
                scope={"family": "elu"})
    # no holds(): every catalogue activation may be derived, ELU included
    return [Assumption("A1", "sigma twice differentiable", r"\sigma\in C^2", used_not_stated=True,
                       necessity=Necessity("superfluous", r"Deciding Assumption 1 needs only $\sigma$ and $\sigma'$ at $c$: "
                                           r"ELU satisfies it at $c = 0$ although $\sigma''(0)$ does not exist (shown on that "
                                           r"one activation).", elu))]


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    if isinstance(params["activation"], sp.Expr):
        return _derive_formula(params["activation"])
    act = activation(params["activation"])
    verdict = assumption_1(act)
    return {"activation": act.name, "formula": str(act.formula), "zero_set": str(act.zero_set), "c": str(verdict.c),
            "sigma_prime_c": str(verdict.sigma_prime_c), "sigma_second_c": str(verdict.sigma_second_c),
            "assumption_1": verdict.holds, "twice_differentiable": verdict.twice_differentiable, "reason": verdict.reason}


def _derive_formula(formula: sp.Expr) -> dict[str, Any]:
    r"""Assumption 1 for a user's formula in z (:func:`proofs.cooper.ray.decide_assumption_1`), with its evidence
    level: ``proved`` when c is exhibited exactly (or, for a failure, the zero set is exact and complete)."""
    verdict = ray.decide_assumption_1(formula)
    jet = verdict.jet or (None, None, None)
    return {"activation": "formula", "formula": str(formula), "c": str(verdict.c), "sigma_prime_c": str(jet[1]),
            "sigma_second_c": str(jet[2]),
            "assumption_1": {True: "holds", False: "fails", None: "undecided"}[verdict.holds],
            "evidence": verdict.evidence, "reason": verdict.reason}


def _theorems_12_14(name: str) -> str:
    r"""Whether Theorems 12 and 14's conclusion is shown for the activation, and along which ray."""
    act, verdict = activation(name), assumption_1(activation(name))
    if not act.formula.has(U):
        return "no: constant, the deep losses are m-smooth (non_constant_sigma_needed_for_theorems_12_and_14)"
    if name in shift.SHIFT_POINTS:
        return f"yes, without Assumption 1: shifted ray at c' = {shift.SHIFT_POINTS[name]}, sigma'(c') = {shift.jet_at(name)[1]}"
    if verdict.holds and verdict.twice_differentiable:
        return f"yes: the paper's ray at c = {verdict.c}"
    return ("outside Definition 1 (not twice differentiable); near the shifted ray at c' = 1 sigma is the identity, "
            "so the generic shifted-ray result applies there with sigma(c') = sigma'(c') = 1, sigma''(c') = 0 "
            "(not checked separately)")


def _extra() -> dict[str, Any]:
    rows = [_derive({"activation": name}) | {"theorems_12_and_14": _theorems_12_14(name)} for name in CATALOGUE]
    centred = assumption_1(activation("sigmoid_centered"))
    return {"catalogue": rows,
            "assumption_1_is_for": "Lemmas 9-11 as printed (their tables use sigma(c) = 0); Theorems 12 and 14 need only "
                                   "sigma non-constant (and twice differentiable), via the shifted ray",
            "centred_sigmoid": activation("sigmoid_centered").formula, "centred_c": centred.c,
            "centred_slope": centred.sigma_prime_c}


def theorem() -> Claim:
    r"""Cooper's Assumption 1, decided activation by activation."""
    return Claim(
        id=ID, paper="cooper", label="Assumption 1", section="2.1",
        title="Which activations satisfy Assumption 1 (sigma(c) = 0, sigma'(c) != 0)",
        statement=r"There is a constant $c$ such that $\sigma(c)=0$ but $\sigma'(c)\neq0$.",
        reference="Cooper, A theoretical study of the (L0,L1)-smoothness condition in deep learning, Sec. 2.1, Assumption 1",
        assumptions=_assumptions(), steps=_steps(),
        parameters=[Parameter("activation", "formula", "tanh", "a catalogue activation, or a formula in z "
                              "(e.g. log(1+exp(z))-log(2)): Assumption 1 decided, with its evidence level",
                              tuple(CATALOGUE))],
        derive=_derive, extra=_extra,
        notes=[r"Fails for the logistic sigmoid, softplus, ReLU, $u^2$ and the paper's own Example 1 ($u^2 + 1$).",
               r"What Assumption 1 is for: the printed tables of Lemmas 9-11 ($\sigma(c) = 0$ makes $f$ vanish on the ray "
               r"and the weight derivatives vanish). Theorems 12 and 14 do not need it: for every non-constant twice "
               r"differentiable $\sigma$ the shifted ray (hidden biases at $c'$ with $\sigma'(c') \neq 0$, output bias "
               r"$-t\,\sigma(c')\,M\,\mathbf{1}$) gives the same $t^2$ Hessian entry with a gradient of degree $\le 1$ in $t$ "
               r"(step assumption_1_not_needed_for_theorems_12_and_14; cooper.thm_12 / thm_14, A1: superfluous). So the "
               r"sigmoid, softplus, $u^2$ and $u^2 + 1$ networks are not $(L_0, L_1)$-smooth either; the catalogue's "
               r"'theorems_12_and_14' column says which ray applies.",
               r"What cannot be dropped is '$\sigma$ non-constant': with $\sigma = 0$ every deep network computes its "
               r"output bias, and both losses are $m$-smooth (checked at depth $2$).",
               r"ELU satisfies Assumption 1 at $c = 0$ but has no second derivative there, where the ray of Section 3 "
               r"places every hidden pre-activation: Lemmas 10-11 ($\sigma''(c)$) do not apply to it. ReLU and ELU are "
               r"outside Definition 1 ($L$ not twice differentiable everywhere); on the shifted ray at $c' = 1$ ($\sigma$ "
               r"the identity near $1$) the inequality fails at points where $L$ is smooth (not encoded).",
               r"Centring repairs the sigmoid: $\sigma(u) = {centred_sigmoid}$ satisfies Assumption 1 at $c = {centred_c}$ "
               r"with $\sigma'(c) = {centred_slope}$."],
    )
