r"""The proof steps several Cooper claims share, built for a loss (``l2`` or ``cross_entropy``).

A pack module, not a claim (no ``theorem()``): Theorems 12 and 14, Lemmas 9-11, the corollary
and the depth-1 claim take these steps and assumptions from here.

* the layer recursion (:func:`recursion_steps`): the inductive step for every depth, rows of any width;
* the shifted ray (:func:`shifted_ray_step` and its cross-checks): :math:`b^{\ell+1}=-t\sigma(c')M\mathbf 1`
  gives :math:`f=0` and the same Hessian entry without Assumption 1;
* "the gradient grows linearly" and its repair (:func:`gradient_growth_steps`);
* the agreement with the independent mirror (:func:`mirror_agreement`), Remark 2's norms
  (:func:`remark_2_check`) and the statement's witness (:func:`witness_step`);
* the assumptions of the deep theorems with their necessity checks (:func:`assumption_1`,
  :func:`depth_one_assumption`, :func:`non_constant_assumption`, :func:`depth_necessity`).
"""

from __future__ import annotations

import functools
from fractions import Fraction

import mpmath
import sympy as sp

from numeric import network as mirror
from proofs.budget import SYMBOLIC_BUDGET_S, within_budget
from proofs.cooper.ray import (REPRESENTATIVE, activation_holds_a1, activation_non_constant,
                               activation_twice_differentiable, architectures_scope, configuration, dimension_point,
                               fraction_rows, quantities, scope_of, short, violation, witness_point)
from proofs.engine import Assumption, Check, Inequality, Necessity, NumericAgreement, StepResult, Witness
from proofs.steps import check_zero
from symbolic import network as net
from symbolic import shifted_ray as shift
from symbolic.activations import SIGMA_1, SIGMA_2

def remark_2_check(loss: str, r_factor=None) -> StepResult:
    r""":math:`|H_{ii}|\le\|H\|_{op}\le\|H\|_F\le r\|H\|_{op}` with :math:`r=\sqrt{\operatorname{rank}}`
    (``r_factor`` overrides r, for the wrong version r = 1), at tanh, t = 10 on two architectures."""
    for arch in (net.Architecture((2, 2), 1, 2), net.Architecture((1, 2, 1), 2, 2)):
        data = net.seeded_data(2, arch.d_in, arch.d_out, 3, loss)
        d = net.derivatives_on_ray(arch, data, loss)
        p = len(d.params)
        with mpmath.workdps(60):
            H = mpmath.zeros(p, p)
            for (a, b), v in d.hessian.items():
                H[a, b] = H[b, a] = mpmath.mpf(sp.Rational(net.at_activation(v.as_expr(), "tanh").subs(net.T, 10)))
            eig = mpmath.eigsy(H, eigvals_only=True)
            op = max(abs(e) for e in eig)
            frob = mpmath.sqrt(mpmath.fsum(H[i, j] ** 2 for i in range(p) for j in range(p)))
            rank = sum(1 for e in eig if abs(e) > mpmath.mpf(10) ** -40)
            r = mpmath.sqrt(rank) if r_factor is None else r_factor
            diag = max(abs(H[i, i]) for i in range(p))
            if not (diag <= op * (1 + mpmath.mpf(10) ** -50) and op <= frob * (1 + mpmath.mpf(10) ** -50)
                    and frob <= r * op * (1 + mpmath.mpf(10) ** -50)):
                return StepResult(False, "numeric", "eigsy-60-digits", f"{arch}: |H_ii|={mpmath.nstr(diag, 8)}, "
                                  f"op={mpmath.nstr(op, 8)}, F={mpmath.nstr(frob, 8)}, r={mpmath.nstr(r, 5)}",
                                  counterexample=r"at {dimensions}, $t = 10$, $\sigma = \tanh$: $\|H\|_F = {frob} > "
                                                 r"r\,\|H\|_{op} = {bound}$ with $r = {r}$ (mpmath, 60 digits, shown to 15)",
                                  values={"dimensions": dimension_point(arch, len(data.xs)), "frob": _float15(frob),
                                          "bound": _float15(r * op), "r": _float15(r)})
    return StepResult(True, "numeric", "eigsy-60-digits",
                      "max|H_ii| <= ||H||_op <= ||H||_F <= sqrt(rank) ||H||_op at t = 10 (two architectures, tanh)",
                      sample={"points": 2, "dps": 60})


def _mirror_points() -> list[tuple]:
    return [((2, 2), 2, 2, 2, "tanh", 7, Fraction(10**6)), ((1, 3), 1, 3, 1, "gelu", 4, Fraction(37, 3)),
            ((2, 1, 2), 1, 1, 1, "softplus_shifted", 9, Fraction(-55))]


def fraction_rows(rows) -> list[list[Fraction]]:
    return [[Fraction(int(v.p), int(v.q)) for v in row] for row in rows]


def mirror_agreement(loss: str, label: str, *, jets: bool = False) -> NumericAgreement:
    r"""Closed forms (grad norm^2 and the entry; with ``jets`` the expansion's values) against the
    independent hyper-dual mirror."""
    def closed(p):
        widths, d_in, d_out, n, name, seed, t = p
        arch, data = net.Architecture(widths, d_in, d_out), net.seeded_data(n, d_in, d_out, seed, loss)
        if jets:
            d, e = net.derivatives_on_ray(arch, data, loss), net.named_entry(arch)
            g, h = d.grad_norm_sq(), d.entry(e, e)
        else:
            g, h = net.grad_norm_sq_closed_form(arch, data, loss), net.hessian_entry_closed_form(arch, data, loss)
        # Exact (SymPy) value: the comparison evaluates it at the step's precision, no binary float in between.
        return net.at_activation(g + sp.I * h, name).subs(net.T, sp.Rational(t.numerator, t.denominator))

    def numeric(p):
        widths, d_in, d_out, n, name, seed, t = p
        data = net.seeded_data(n, d_in, d_out, seed, loss)
        xs, ys = fraction_rows(data.xs), fraction_rows(data.ys)
        g = mirror.grad_norm_sq(list(widths), d_in, d_out, xs, ys, t, loss, name)
        h = mirror.named_hessian_entry(list(widths), d_in, d_out, xs, ys, t, loss, name)
        return mpmath.mpc(g, h)  # mpf values computed at the mirror's 60 digits

    return NumericAgreement(label=label, printed=False, latex=r"\text{closed forms} = \text{mpmath hyper-dual values}",
                            closed_form=closed, mirror=numeric, points=_mirror_points(),
                            describe=lambda p: f"widths={p[0]}, d_in={p[1]}, d_out={p[2]}, n={p[3]}, {p[4]}, seed={p[5]}, t={p[6]}")


def witness_step(loss: str, label: str = "no_L0_L1_witness") -> Witness:
    r"""The statement: for every (L0, L1) a violating t*, on three configurations."""
    configs = [dict(depth=2, width=2, d_in=2, d_out=2, n=2, activation="tanh", seed=1),
               dict(depth=3, width=1, d_in=1, d_out=3, n=1, activation="gelu", seed=5)]
    constants = [(1, 1), (10**12, 10**12), (10**6, 0)]
    cases = [{**c, "L0": L0, "L1": L1} for c in configs for (L0, L1) in constants]

    def prepared(p):
        arch, data, name = configuration(p, loss)
        q = quantities(arch, data, loss, name)
        return q["hessian_entry"], q["grad_norm_sq"], sp.Rational(p["L0"]), sp.Rational(p["L1"])

    def construct(p):
        h, g, L0, L1 = prepared(p)
        return witness_point(h, g, L0, L1)

    def verify(p, t):
        h, g, L0, L1 = prepared(p)
        return violation(h, g, L0, L1, t)

    return Witness(label=label, role="statement",
                   latex=r"\forall L_0,L_1\ \exists t^*:\ \|\mathbf HL(\rho(t^*))\|_{op}\ge|\partial^2_{b^\ell_1}L|>L_0+L_1\|\nabla L(\rho(t^*))\|",
                   justification="t* = 2^k, the first power of two where the exact (or Arb) check passes; "
                                 "|H_ii| = |e_i^T H e_i| <= ||H||_op, so Definition 1 (operator norm) fails at rho(t*).",
                   construct=construct, verify=verify, cases=cases, method="exact-rational+arb",
                   wrong_constructions=[lambda p: sp.Integer(0), lambda p: sp.Integer(1),
                                        lambda p: sp.Rational(p["L1"]) + 1])


def _float15(value) -> sp.Float:
    r"""An mpmath number as a 15-digit SymPy Float (what a text shows of a 60-digit computation).

    >>> _float15(mpmath.mpf(1) / 3)
    0.333333333333333
    """
    return sp.Float(mpmath.nstr(value, 15), 15)


#: The scope of an identity about one row of a layer whose width could not be kept symbolic.
FINITE_WIDTHS = (1, 2, 3)


def any_width_check(sides, wrong=None) -> StepResult:
    r"""``lhs == rhs`` for a row of any width :math:`K` (``sides()`` returns both, with sums to a symbolic
    :math:`K`): proved when SymPy reduces the difference to 0 with :math:`K` a symbol; else checked exactly at
    widths :data:`FINITE_WIDTHS` (proved on that scope, or a counterexample).  ``wrong`` maps the printed side
    to a wrong one (the wrong versions)."""
    lhs, rhs = sides()
    rhs = rhs if wrong is None else wrong(rhs)
    # Exact at small widths first (a wrong identity fails here, with a counterexample, at once) ...
    for width in FINITE_WIDTHS:
        finite = check_zero(sp.expand(net.at_width(lhs - rhs, width)))
        if not finite.ok:
            return StepResult(False, "symbolic", finite.method, f"fails for a row of width {width}: {finite.detail}",
                              counterexample=r"for a row of width $K = {width}$: " + (finite.counterexample or ""),
                              values={**finite.values, "width": width})
    # ... then for a symbolic width, SymPy only (an indexed row cannot be sampled at random points)
    for name, simplifier in (("cancel", sp.cancel), ("simplify", sp.simplify)):
        if within_budget(lambda: simplifier(lhs - rhs), SYMBOLIC_BUDGET_S) == 0:
            return StepResult(True, "symbolic", name, f"difference is 0 for a row of symbolic width {net.WIDTH} "
                              "(sums over an indexed row)", engines=(f"sympy:{name}",))
    return StepResult(True, "symbolic", "exact-finite-widths", "SymPy cannot reduce the symbolic-width difference; "
                      f"exact at widths {list(FINITE_WIDTHS)}", evidence="proved-on-scope",
                      scope={"summands per row": list(FINITE_WIDTHS)})


def _swap_sigma(rhs: sp.Expr) -> sp.Expr:
    return rhs.subs({SIGMA_1: SIGMA_2, SIGMA_2: SIGMA_1}, simultaneous=True)


def any_width_step(label: str, latex: str, sides, **fields) -> Check:
    r"""An identity for one row of a layer, of any width (:func:`any_width_check`); its wrong versions flip the
    printed side's sign, add one to it and exchange :math:`\sigma'(c)` and :math:`\sigma''(c)` in it."""
    return Check(label=label, latex=latex, kind_name="identity-any-width",
                 run_check=lambda: any_width_check(sides),
                 wrong_versions=[lambda: any_width_check(sides, lambda r: -r),
                                 lambda: any_width_check(sides, lambda r: r + 1),
                                 lambda: any_width_check(sides, _swap_sigma)], **fields)


def recursion_steps() -> list:
    r"""The layer-to-layer recursion (inductive step for every depth), verified symbolically.

    Each identity is checked with every quantity a symbol (c, t, the row of M, the incoming first- and
    second-order parts lambda_k, q_k, the perturbations delta M, delta b), sigma a generic function, and the
    row a sum over k = 1..K with K a symbol: one summand is expanded to second order (truncation is linear,
    so the truncated row is the sum of the truncated summands), so the identity holds for every width.
    """
    return [
        any_width_step("layer_recursion_hidden", printed=False,
                       latex=r"f^{i-1}=c+\varepsilon\lambda+\varepsilon^2q\ \Rightarrow\ f^i_j=c+\varepsilon\,\delta b^i_j+\varepsilon^2\sigma'(c)\textstyle\sum_{k=1}^K\delta M^i_{jk}\lambda_k+O(\varepsilon^3)",
                       sides=net.hidden_layer_recursion_any_width,
                       justification="Second-order expansion of a hidden layer at rho(t) (M^i = 0, b^i = c, sigma(c) = 0), "
                                     "all quantities symbols, sigma generic, a row of K summands with K a symbol: by "
                                     "induction the first-order part of f^i is delta b^i for every i >= 2, every depth."),
        any_width_step("layer_recursion_output", printed=False,
                       latex=r"f^{\ell+1}=\varepsilon(t\sigma'(c)M\lambda+\delta b)+\varepsilon^2\big(tM(\sigma'(c)q+\tfrac12\sigma''(c)\lambda^{\odot2})+\sigma'(c)\delta M\lambda\big)+O(\varepsilon^3)",
                       sides=net.output_layer_recursion_any_width,
                       justification="Output layer at rho(t), all quantities symbols, sigma generic, a row of K summands "
                                     "(K a symbol): every first and second derivative of f_rho is of degree <= 1 in t, "
                                     "and d/d b^l_1 f = t sigma'(c) M e_1, d^2/d(b^l_1)^2 f = t sigma''(c) M e_1, for "
                                     "every depth l >= 1 and every width."),
    ]

# ---------------------------------------------------------------- the shifted ray: no Assumption 1


#: The declared scope of the shifted-ray check (generic sigma with sigma(c') kept as the symbol sigma_0).
SHIFT_SCOPE = dict(depths=(1, 2, 3), widths=(1, 2), d_ins=(1,), d_outs=(1, 2, 3))
#: The activation of the shifted-ray checks.
SHIFTED_SIGMA = "generic, no Assumption 1: sigma(c'), sigma'(c'), sigma''(c') the symbols sigma_0, sigma_1, sigma_2"


def shift_pairs(loss: str) -> list[tuple[net.Architecture, int]]:
    r"""``(architecture, n)`` of the shifted-ray check: :data:`SHIFT_SCOPE` (n = 2; d_out >= 2 for cross-entropy)."""
    return [(a, 2) for a in net.scope(**SHIFT_SCOPE) if loss == "l2" or a.d_out >= 2]


def loss_data(loss: str):
    return net.symbolic_data if loss == "l2" else net.probability_data


def shifted_ray_check(loss: str, *, paper_bias: bool = False, entry_scale: int = 1) -> StepResult:
    r"""On the shifted ray, over :data:`SHIFT_SCOPE` with symbolic data and :math:`\sigma(c')` = ``sigma_0``:
    :math:`f_{\rho(t)}=0`; every entry of Df and Hf has degree :math:`\le1` in t; :math:`\|\nabla L\|^2` has
    degree :math:`\le2`; the :math:`(b^\ell_1)^2` entry equals the closed form of Theorem 12 / 14 (free of
    ``sigma_0``).  ``paper_bias`` (the paper's ray, b^{l+1} = 0, without Assumption 1) and ``entry_scale`` are wrong
    versions."""
    pairs = shift_pairs(loss)
    for arch, n in pairs:
        data = loss_data(loss)(n, arch.d_in, arch.d_out)
        M = tuple(map(tuple, net.ray_matrix(arch, loss)))
        where, dims = f"{arch}, n = {n}", {"dimensions": dimension_point(arch, n)}
        for x in data.xs:
            out = net.layer_jets(arch, x, M, shifted=True, paper_bias=paper_bias)[-1]
            if any(jet.const for jet in out):
                return StepResult(False, "symbolic", "exact-jets", f"{where}: f on the ray = "
                                  f"{[jet.const.as_expr() for jet in out]}",
                                  counterexample=r"at {dimensions}: $f_{\rho(t)}(x) = {f} \neq 0$ on the ray",
                                  values=dims | {"f": tuple(jet.const.as_expr() for jet in out)})
            worst = max((v.degree(0) for jet in out for part in (jet.lin, jet.quad) for v in part.values()), default=0)
            if worst > 1:
                return StepResult(False, "symbolic", "exact-jets", f"{where}: a derivative of f of degree {worst} in t",
                                  counterexample=r"at {dimensions}: a derivative of $f$ has degree ${degree}$ in $t$ "
                                                 r"(at most $1$ claimed)", values=dims | {"degree": worst})
        try:
            d = net.derivatives_on_ray(arch, data, loss, shifted=True, paper_bias=paper_bias)
        except ValueError as exc:  # cross-entropy needs f = 0 at the point
            return StepResult(False, "symbolic", "exact-jets", f"{where}: {exc}", counterexample="at {dimensions}: " + str(exc),
                              values=dims)
        # deg ||grad L||^2 = 2 max_a deg grad_a (a sum of squares of real polynomials: no cancellation at the top)
        grad = 2 * max((v.degree(0) for v in d.gradient.values()), default=0)
        e = net.named_entry(arch)
        entry, want = d.entry(e, e), entry_scale * net.hessian_entry_closed_form(arch, data, loss)
        if grad > 2 or sp.expand(entry - want) != 0:
            return StepResult(False, "symbolic", "exact-jets", f"{where}: deg ||grad L||^2 = {grad}, entry {short(entry)}",
                              counterexample=r"at {dimensions}: the $(b^\ell_1)^2$ entry is ${entry}$, the closed form "
                                             r"${closed_form}$, and $\|\nabla L\|^2$ has degree ${degree}$ in $t$",
                              values=dims | {"entry": entry, "closed_form": want, "degree": grad})
    return StepResult(True, "symbolic", "exact-jets", f"f = 0, deg Df, Hf <= 1, deg ||grad L||^2 <= 2 and the entry "
                      f"equals the closed form (no sigma_0) on all {len(pairs)} architectures ({loss})")


def shifted_ray_step(loss: str) -> Check:
    r"""The shifted ray as a step: no Assumption 1 used (:func:`shifted_ray_check`)."""
    return Check(label="shifted_ray_without_assumption_1", printed=False, kind_name="exact-jets",
                 latex=r"b^i=c'\mathbf 1\ (i\le\ell),\ M^{\ell+1}=tM,\ b^{\ell+1}=-t\sigma(c')M\mathbf 1:\ "
                       r"f_{\rho(t)}=0,\ \deg_t\mathbf Df,\mathbf Hf\le1,\ \partial^2_{(b^\ell_1)^2}L=\text{closed form at }c'",
                 justification="Any c' with sigma'(c') != 0 (one exists for every non-constant sigma); sigma(c') = "
                               "sigma_0 arbitrary. f is affine in the only moving parameters (M^{l+1}, b^{l+1}), so all "
                               "derivatives of f have degree <= 1 in t and the named entry is the paper's closed form "
                               "with c -> c' (Lemma 9's '= 0', which needs sigma(c) = 0, is never needed).",
                 run_check=lambda: shifted_ray_check(loss),
                 wrong_versions=[lambda: shifted_ray_check(loss, paper_bias=True),
                                 lambda: shifted_ray_check(loss, entry_scale=2)],
                 scope=scope_of(SHIFT_SCOPE, data="symbolic x, y" + ("" if loss == "l2" else " with sum_j y_mj = 1"),
                                activation_=SHIFTED_SIGMA))


#: The small architecture of the direct-differentiation cross-check of the shifted ray.
SHIFT_DIRECT_ARCH = net.Architecture((1, 1), 1, 1)


@functools.cache
def _shifted_direct(loss: str, arch: net.Architecture = SHIFT_DIRECT_ARCH) -> tuple[tuple, tuple]:
    data = loss_data(loss)(1, arch.d_in, arch.d_out)
    g, H = net.naive_derivatives_on_ray(arch, data, loss, simplifier=sp.expand, shifted_at=net.C)
    d, P = net.derivatives_on_ray(arch, data, loss, shifted=True), arch.parameters()
    jets = (tuple(d.gradient_vector()), tuple(d.entry(P[a], P[b]) for a in range(len(P)) for b in range(len(P))))
    return (tuple(g), tuple(H)), jets


def shifted_direct_check(loss: str, drop_sigma_0: bool = False) -> StepResult:
    r"""``sympy.hessian`` of the whole loss with a generic :math:`\sigma` at the shifted ray equals the jets
    (``drop_sigma_0``: the jets with :math:`\sigma(c')=0` put in, a wrong version)."""
    (g, H), (jg, jH) = _shifted_direct(loss)
    fix = (lambda e: e.subs(net.SIGMA_0, 0)) if drop_sigma_0 else (lambda e: e)
    bad = [i for i, (a, b) in enumerate(zip(g + H, jg + jH)) if sp.expand(a - fix(b)) != 0]
    return StepResult(not bad, "symbolic", "sympy.hessian", f"full gradient and Hessian at the shifted ray: "
                      f"{len(g + H) - len(bad)} of {len(g + H)} entries agree exactly with the jets ({loss})",
                      counterexample=r"entry {index} (of the gradient, then the Hessian, flattened) differs: "
                                     r"${direct}$ by differentiation, ${jets}$ from the jets" if bad else None,
                      values={"index": bad[0], "direct": (g + H)[bad[0]], "jets": fix((jg + jH)[bad[0]])} if bad else {})


def shifted_direct_step(loss: str) -> Check:
    r"""The shifted-ray jets against direct differentiation (one small architecture)."""
    return Check(label="shifted_ray_equals_direct_differentiation", printed=False, kind_name="sympy.hessian",
                 latex=r"\text{expansion at the shifted ray}=\texttt{sympy.hessian}(L)|_{\rho(t)}\ (\sigma(c')\text{ a symbol})",
                 run_check=lambda: shifted_direct_check(loss), wrong_versions=[lambda: shifted_direct_check(loss, True)],
                 scope=architectures_scope([(SHIFT_DIRECT_ARCH, 1)], activation_=SHIFTED_SIGMA))


def shifted_quantities(arch: net.Architecture, data: net.Data, loss: str, name: str) -> dict[str, sp.Expr]:
    r"""``grad_norm_sq`` and ``hessian_entry`` on the shifted ray for an activation without Assumption 1."""
    d, e = net.derivatives_on_ray(arch, data, loss, shifted=True), net.named_entry(arch)
    return {"grad_norm_sq": shift.at_shifted_activation(d.grad_norm_sq(), name),
            "hessian_entry": shift.at_shifted_activation(d.entry(e, e), name)}


def shifted_witness(loss: str, label: str = "no_L0_L1_witness_without_assumption_1", *, depth: int | None = None,
                    losses: tuple[str, ...] | None = None) -> Witness:
    r"""For every (L0, L1) a violating t* on the shifted ray, for activations that violate Assumption 1
    (logistic sigmoid, softplus, u^2, the paper's Example 1 u^2 + 1), exact or by Arb (``depth`` overrides the
    depth of every case; ``losses`` alternates the loss over the cases)."""
    configs = [dict(depth=2, width=2, d_in=2, d_out=2, n=2, seed=1), dict(depth=3, width=1, d_in=1, d_out=3, n=1, seed=5)]
    constants = [(1, 1), (10**12, 10**12), (10**6, 0)]
    cases = [{**c, "activation": name, "L0": L0, "L1": L1} for name in shift.SHIFT_POINTS
             for c, (L0, L1) in zip(configs * 2, constants)]
    if depth is not None:
        cases = [{**c, "depth": depth} for c in cases]
    if losses:
        cases = [{**c, "loss": losses[i % len(losses)]} for i, c in enumerate(cases)]

    def prepared(p):
        arch, data, name = configuration(p, p.get("loss", loss))
        q = shifted_quantities(arch, data, p.get("loss", loss), name)
        return q["hessian_entry"], q["grad_norm_sq"], sp.Rational(p["L0"]), sp.Rational(p["L1"])

    def construct(p):
        return witness_point(*prepared(p))

    def verify(p, t):
        return violation(*prepared(p), t)

    return Witness(label=label, latex=r"\sigma\in\{\text{sigmoid},\text{softplus},u^2,u^2+1\}:\ \forall L_0,L_1\ "
                   r"\exists t^*:\ |\partial^2_{(b^\ell_1)^2}L(\rho'(t^*))|>L_0+L_1\|\nabla L(\rho'(t^*))\|",
                   justification="The shifted ray rho'(t) with c' = 0 (sigmoid, softplus) or c' = 1 (u^2, u^2 + 1): each "
                                 "activation violates Assumption 1, the conclusion holds all the same.",
                   construct=construct, verify=verify, cases=cases, method="exact-rational+arb",
                   wrong_constructions=[lambda p: sp.Integer(0), lambda p: sp.Integer(1)])


def _shifted_mirror_points() -> list[tuple]:
    return [((2, 2), 2, 2, 2, "sigmoid", 7, Fraction(10**6)), ((1, 3), 1, 3, 1, "softplus", 4, Fraction(37, 3)),
            ((2, 1), 1, 2, 2, "square", 9, Fraction(-55)), ((1, 2, 1), 2, 1, 2, "paper_example_1", 3, Fraction(5, 2))]


def shifted_mirror_step(loss: str) -> NumericAgreement:
    r"""Shifted-ray jets (2-jet of sigma at c' substituted) against the independent mirror, which evaluates
    the true activation at every pre-activation (no 2-jet argument)."""
    def closed(p):
        widths, d_in, d_out, n, name, seed, t = p
        arch, data = net.Architecture(widths, d_in, d_out), net.seeded_data(n, d_in, d_out, seed, loss)
        q = shifted_quantities(arch, data, loss, name)
        return (q["grad_norm_sq"] + sp.I * q["hessian_entry"]).subs(net.T, sp.Rational(t.numerator, t.denominator))

    def numeric(p):
        widths, d_in, d_out, n, name, seed, t = p
        data = net.seeded_data(n, d_in, d_out, seed, loss)
        xs, ys = fraction_rows(data.xs), fraction_rows(data.ys)
        g = mirror.grad_norm_sq(list(widths), d_in, d_out, xs, ys, t, loss, name, shifted=True)
        h = mirror.named_hessian_entry(list(widths), d_in, d_out, xs, ys, t, loss, name, shifted=True)
        return mpmath.mpc(g, h)

    points = [p for p in _shifted_mirror_points() if loss == "l2" or p[2] >= 2]
    return NumericAgreement(label="shifted_ray_agrees_with_mirror", printed=False,
                            latex=r"\text{shifted ray, sigmoid, softplus, }u^2,u^2+1:\ \text{jets} = \text{mpmath hyper-dual values}",
                            closed_form=closed, mirror=numeric, points=points,
                            describe=lambda p: f"widths={p[0]}, d_in={p[1]}, d_out={p[2]}, n={p[3]}, {p[4]}, seed={p[5]}, t={p[6]}")


# ---------------------------------------------------------------- "the gradient grows linearly"


def gradient_growth_check(loss: str, *, at_most: bool) -> StepResult:
    r"""``at_most=False``: the printed "the norm of the gradient grows linearly", i.e. the :math:`t^2`
    coefficient of :math:`\|\nabla L\|^2` (divided by :math:`\sigma'(c)^2\ne0`) is positive for every data
    set, decided by Z3 on :data:`REPRESENTATIVE` with symbolic data; ``at_most=True``: the repair, degree
    :math:`\le2` in t for symbolic data and for the counterexample data (where it is 0: bounded)."""
    arch = REPRESENTATIVE if loss == "l2" else net.Architecture((2, 2), 2, 3)
    data = loss_data(loss)(2, arch.d_in, arch.d_out)
    g = sp.expand(net.derivatives_on_ray(arch, data, loss).grad_norm_sq())
    coefficient = sp.expand(g.coeff(net.T, 2) / SIGMA_1**2)
    ys = sorted(coefficient.free_symbols, key=str)
    # L2: one target >= 1, so the counterexample is not the trivial y = 0; cross-entropy: probabilities >= 0
    domain = {y: ((1 if i == 0 else -sp.oo) if loss == "l2" else 0, sp.oo) for i, y in enumerate(ys)}
    if not at_most:
        return Inequality(label="t2_coefficient_positive", latex="", lhs=sp.Integer(0), rhs=coefficient, relation="<",
                          domain=domain).run()
    zero = uniform_labels(loss, arch, 2)
    bounded = sp.Poly(sp.expand(net.derivatives_on_ray(arch, zero, loss).grad_norm_sq()), net.T).degree()
    degree = sp.Poly(g, net.T).degree()
    bounded = max(bounded, 0)  # the zero polynomial (a vanishing gradient) is bounded too
    ok = degree <= 2 and bounded <= 0
    return StepResult(ok, "symbolic", "Poly", f"deg_t ||grad L||^2 = {degree} for symbolic data; {bounded} for "
                      f"{'sum y = 0' if loss == 'l2' else 'uniform labels'} (bounded gradient)",
                      counterexample=None if ok else r"$\deg_t\|\nabla L\|^2 = {degree}$ for symbolic data and "
                                                     r"${bounded}$ for the special data (claimed: at most $2$, and $0$)",
                      values={"degree": degree, "bounded": bounded})


def uniform_labels(loss: str, arch: net.Architecture, n: int) -> net.Data:
    r"""Data where the :math:`t^2` coefficient of :math:`\|\nabla L\|^2` vanishes: L2 targets summing to 0
    (:math:`y_s=(1,-1,0,\dots)`); cross-entropy uniform labels :math:`y_{mj}=1/d_{out}`."""
    xs = tuple(tuple(sp.Integer(s + k + 1) for k in range(arch.d_in)) for s in range(n))
    if loss == "l2":
        row = tuple(sp.Integer(v) for v in ([1, -1] + [0] * arch.d_out)[:arch.d_out])
        row = row if arch.d_out > 1 else (sp.Integer(0),)
    else:
        row = (sp.Rational(1, arch.d_out),) * arch.d_out
    return net.Data(xs, (row,) * n)


def gradient_growth_steps(loss: str) -> list[Check]:
    r"""The printed "the gradient grows linearly" (fails: bounded for some data) and its repair."""
    name = (r"$\sum_{s,k} y_{sk} = 0$" if loss == "l2" else
            r"every class total $\sum_m y_{mj}$ equal to $n/d_{out}$, e.g. uniform labels")
    scope = architectures_scope([(REPRESENTATIVE if loss == "l2" else net.Architecture((2, 2), 2, 3), 2)])
    return [
        Check(label="gradient_grows_linearly", kind_name="z3-sign",
              latex=r"\|\nabla L(\rho(t))\|\ \text{grows linearly in }t:\ [t^2]\,\|\nabla L\|^2>0",
              justification="End of the proof: 'the L2 norm of the gradient of L grows linearly while the norm of the "
                            "Hessian grows at least quadratically'; as a statement about every data set, the t^2 "
                            "coefficient of ||grad L||^2 must be positive.",
              run_check=lambda: gradient_growth_check(loss, at_most=False), scope=scope,
              erratum=r"'The gradient grows linearly' fails for some data: the $t^2$ coefficient of "
                      r"$\|\nabla L(\rho(t))\|^2$ vanishes at {point} (" + name + r"): the gradient is then bounded along "
                      r"the ray. The conclusion only gets stronger; the argument needs 'at most linearly' (step "
                      r"grad_norm_sq_degree_at_most_2)."),
        Check(label="gradient_grows_at_most_linearly", repairs="gradient_grows_linearly", kind_name="polynomial",
              latex=r"\deg_t\|\nabla L(\rho(t))\|^2\le2\ (=0\text{ when }" + ("\\sum y=0" if loss == "l2" else "y_{mj}=1/d") + ")",
              justification="What the conclusion uses: ||grad L|| <= alpha + beta t; with a bounded gradient the "
                            "Hessian entry (degree 2) beats L0 + L1 ||grad L|| all the more.",
              run_check=lambda: gradient_growth_check(loss, at_most=True), scope=scope,
              wrong_versions=[lambda: _degree_claim_wrong(loss)]),
    ]


def _degree_claim_wrong(loss: str) -> StepResult:
    r"""Wrong version of the repair: 'with those data the gradient still grows (degree 2)'."""
    arch = REPRESENTATIVE if loss == "l2" else net.Architecture((2, 2), 2, 3)
    grad_sq = sp.expand(net.derivatives_on_ray(arch, uniform_labels(loss, arch, 2), loss).grad_norm_sq())
    degree = sp.Poly(grad_sq, net.T).degree()
    # the zero polynomial's degree is -oo: say what it means (the gradient vanishes on the whole ray)
    shown = "||grad L||^2 = 0" if grad_sq == 0 else f"degree {degree}"
    return StepResult(degree == 2, "symbolic", "Poly", f"{shown} with the special data (claimed degree 2)")


def depth_necessity(loss: str, depth_one_label: str = "A5") -> Necessity:
    r"""A3 (:math:`\ell\ge2`): superfluous given :math:`\ell\ge1` — the conclusion survives at depth 1 (checked)."""
    return Necessity(verdict="superfluous",
                     evidence=r"The conclusion survives without $\ell \ge 2$ ($\ell \ge 1$, " + depth_one_label
                              + r", kept): at depth $1$ the same ray gives a Hessian entry of degree $2$ and "
                              r"$\|\nabla L\|^2$ of degree $\le 2$ in $t$ (witness checked here; cooper.depth_1 for the "
                              r"derivation). Dropping depth altogether is not possible: $\ell \ge 1$ is necessary ("
                              + depth_one_label + ").",
                     check=_depth_1_witness(loss))


def _depth_1_witness(loss: str) -> Witness:
    step = witness_step(loss, "no_L0_L1_witness_at_depth_1")
    cases = [{**c, "depth": 1} for c in step.cases[::3]]
    return Witness(label=step.label, latex=step.latex, construct=step.construct, verify=step.verify, cases=cases,
                   method=step.method, wrong_constructions=step.wrong_constructions)


def depth_one_assumption(loss: str, label: str) -> Assumption:
    r""":math:`\ell\ge1`, implied by the printed :math:`\ell\ge2`: necessary (depth 0 is m-smooth)."""
    return Assumption(label=label, name="depth l >= 1 (implied by l >= 2; what the conclusion needs)", latex=r"\ell\ge1",
                      holds=lambda p: p.get("depth") is None or int(p["depth"]) >= 1,
                      necessity=Necessity(verdict="necessary",
                                          evidence=r"At depth $0$, $f$ is affine in the parameters: " + _bounded_words(loss)
                                                   + r" (checked for $d_{out} = 2$, one symbolic datum), so $L$ is "
                                                   r"$m$-smooth (Theorems 13 and 15).",
                                          check=bounded_hessian_check("depth_0_loss_is_m_smooth", loss,
                                                                       shift.DEPTH_0_ARCH, r"\ell=0")))


def non_constant_assumption(loss: str, label: str) -> Assumption:
    r"""":math:`\sigma` non-constant", implied by Assumption 1: necessary (constant :math:`\sigma`: m-smooth)."""
    return Assumption(label=label, name="sigma non-constant (implied by Assumption 1; what the conclusion needs)",
                      latex=r"\sigma\not\equiv\text{const}",
                      holds=activation_non_constant,
                      necessity=Necessity(verdict="necessary",
                                          evidence=r"With $\sigma = k$ constant ($k$ a symbol) a deep network computes "
                                                   r"$k\,M^{\ell+1}\mathbf{1} + b^{\ell+1}$, affine in the parameters: "
                                                   + _bounded_words(loss) + r" (checked at depth $2$, widths $1$, "
                                                   r"$d_{out} = 2$), so $L$ is $m$-smooth and the conclusion fails.",
                                          check=bounded_hessian_check("constant_activation_is_m_smooth", loss,
                                                                       shift.CONSTANT_ARCH, r"\sigma\equiv k")))


def _bounded_words(loss: str) -> str:
    return ("the L2 Hessian is constant" if loss == "l2" else
            r"the cross-entropy Hessian is $p_1p_2 \le 1/4$ ($p$ the softmax) times a parameter-free matrix")


def bounded_hessian_check(label: str, loss: str, arch: net.Architecture, latex: str) -> Check:
    r"""The loss of ``arch`` (sigma = k if it has hidden layers) has a parameter-free normalised Hessian
    (:func:`symbolic.shifted_ray.parameter_free`).  Wrong versions: a non-constant sigma (the identity; at depth 0,
    where sigma is never applied, one hidden layer with the identity), and for cross-entropy the claim that the
    Hessian itself is constant."""
    def run(sigma=lambda v: shift.K, normalise=True, at=arch) -> StepResult:
        free, H = shift.parameter_free(loss, at, sigma, normalise=normalise)
        what = "constant" if loss == "l2" else "(e^f1 + e^f2)^2 / e^(f1 + f2) times it is parameter-free"
        where = f"{at}, sigma = k" if at.depth else f"{at} (no hidden layer)"
        return StepResult(free, "symbolic", "sympy.hessian", f"{where}: the {loss} Hessian is {what}: {free}"
                          + (f" (e.g. {short(H[-1, -1])})" if free else ""))

    deeper = arch if arch.depth else net.Architecture((1,), arch.d_in, arch.d_out)
    wrong = [lambda: run(sigma=lambda v: v, at=deeper)]
    if loss == "cross_entropy":
        wrong.append(lambda: run(normalise=False))
    shown = "constant" if loss == "l2" else r"p_1p_2\times\text{const}"
    return Check(label=label, latex=rf"{latex}:\ \mathbf HL_{{\mathrm{{{'L2' if loss == 'l2' else 'CE'}}}}}={shown}",
                 run_check=run, wrong_versions=wrong, kind_name="sympy.hessian",
                 scope={"architectures": [{"d_in": arch.d_in, "widths": list(arch.widths), "d_out": arch.d_out}],
                        "n": [1], "data": "symbolic x, y", "activation": "sigma = k (a symbol)" if arch.depth else "none"})


def assumption_1_superfluous(loss: str, non_constant_label: str = "A4") -> Necessity:
    r"""Assumption 1: superfluous — the shifted ray gives the conclusion for activations that violate it."""
    return Necessity(verdict="superfluous",
                     evidence=r"Not necessary: only '$\sigma$ non-constant' is (" + non_constant_label + r"). For any "
                              r"non-constant twice differentiable $\sigma$ take $c'$ with $\sigma'(c') \neq 0$ and the "
                              r"shifted ray (output bias $-t\,\sigma(c')\,M\mathbf{1}$): $f = 0$ on it and the "
                              r"$(b^\ell_1)^2$ entry is the paper's closed form at $c'$ (step "
                              r"shifted_ray_without_assumption_1). Checked here exactly (Arb for softplus) for four "
                              r"activations that violate Assumption 1: logistic sigmoid, softplus, $u^2$ and the paper's "
                              r"own Example 1, $u^2 + 1$. Assumption 1 serves Lemmas 9-11 as printed, not the theorem.",
                     check=shifted_witness(loss))



def assumption_1(loss: str, non_constant_label: str = "A4") -> Assumption:
    r"""The printed Assumption 1 (:math:`\sigma(c)=0\ne\sigma'(c)`), superfluous (:func:`assumption_1_superfluous`)."""
    return Assumption(label="A1", name="sigma(c) = 0 and sigma'(c) != 0 for some c", latex=r"\sigma(c)=0\neq\sigma'(c)",
                      necessity=assumption_1_superfluous(loss, non_constant_label), holds=activation_holds_a1)


def twice_differentiable_assumption() -> Assumption:
    r"""The printed :math:`\sigma\in C^2`: necessity not settled."""
    return Assumption(label="A2", name="sigma twice differentiable", latex=r"\sigma\in C^2",
                      necessity=Necessity(verdict="unknown", evidence=r"Definition 1 needs the Hessian of $L$ everywhere; "
                                          r"the proof itself only uses $\sigma''(c)$ (the jets involve $\sigma$ at $c$ only). "
                                          r"Without A2 the condition is undefined rather than false; not settled."),
                      holds=activation_twice_differentiable)
