r"""Cooper, third contribution (§1, §4): the losses are not l-smooth for any subquadratic l.

Reference: [Cooper, §1 "third contribution" and §4 Conclusion; l-smoothness of Li et al. 2023, ref. [6]]
(no numbered label in the paper; the module is named after the statement)

Statement:   For networks of depth :math:`\ell\ge2` (hypotheses of Theorems 12 and 14), the
             L2 and cross-entropy losses do not satisfy
             :math:`\|\mathbf HL(\rho)\|\le\ell(\|\nabla L(\rho)\|)` for any non-decreasing
             :math:`\ell` with :math:`\ell(u)/u^2\to0`.
Assumptions: A1  hypotheses of Theorem 12 / Theorem 14   [paper: §4]
             A2  l subquadratic: l(u)/u^2 -> 0          [paper: §4]
Symbols:     \sigma'(c) -> sigma_1, \sigma''(c) -> sigma_2, S = sum_{s,k} y_sk
Proof outline:
  1. `ratio_limit_l2`             H_entry / ||grad L||^2 -> n d_out / (2 c_l S^2) (S != 0), for every sigma
  2. `ratio_limit_cross_entropy`  H_entry / ||grad L||^2 -> n (1/d - 1/d^2) / sum_{j<=min(c_l,d)} e_j^2
  3. `grad_norm_bounded_when_sum_y_zero`  S = 0: ||grad L||^2 is constant in t while H_entry ~ t^2
     `grad_norm_bounded_for_uniform_labels`  cross-entropy, y_mj = 1/d: the gradient vanishes on the ray
  4. `no_subquadratic_l_witness`  for l(u) = a + b u^alpha, alpha < 2: explicit t*, exact check
  5. `quadratic_l_not_excluded_by_ray`  along the ray |H_entry| <= a + b ||grad L||^2 for suitable a, b:
                                   the ray argument cannot reach quadratic l (so "subquadratic" is sharp for it)
  For every n, d_out and width (every_size_corollary.py: the closed forms with the sizes as symbols; the steps
  1-5 above, on one architecture or a few cases, are cross-checks that agree):
     `values_on_ray_every_size`, `grad_norm_sq_every_size`, `hessian_entry_every_size`  the closed forms (L2, CE)
     `leading_coefficient_positive`, `leading_coefficient_positive_cross_entropy`  A > 0
     `ratio_limit_every_size_l2`, `ratio_limit_every_size_cross_entropy`  the limits, sums over the data as symbols
     `grad_norm_bounded_when_sum_y_zero_every_size`, `grad_norm_vanishes_for_uniform_labels_every_size`
     `no_subquadratic_l_every_size`   every subquadratic l (l(u) <= eta u^2 + C_eta): t* by Z3
     `some_quadratic_l_works_as_read`  reading 'exactly quadratic' (some quadratic l works, all data):
                                      fails at S = 0, where ||grad L|| is constant and H = A t^2 (Z3)
     `quadratic_l_not_excluded_every_size`  its repair: S != 0: |H| <= a + b ||grad L||^2 for every t (Z3)
Review notes: the paper states this without proof ("the proofs of Theorems 12 and 14 show");
the limit in step 1 makes it precise.  The bound uses |H_ii| <= ||H||_op.  Two readings of
"lie exactly in" (§1): "not subquadratic" is established; "exactly quadratic" (some quadratic
l works, for all data) is false for the data with S = 0 (no l at all works there) and open otherwise:
along the ray a quadratic l holds (step 5), elsewhere it is open.  The verdict is reading-dependent.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any, Mapping

import sympy as sp

from numeric import network as mirror
from proofs.cooper import every_size as sizes
from proofs.cooper import every_size_corollary as every_size
from proofs.cooper import every_size_lemmas as lemmas
from proofs.cooper import figures, ray, ray_steps
from proofs.engine import (Assumption, Check, Claim, Equality, Limit, Necessity, Parameter, PolynomialDegree, Reading, StepResult,
                           Witness, WitnessCheck)
from proofs.errors import BadInput
from symbolic import network as net
from symbolic import shifted_ray as shift
from symbolic.activations import SIGMA_1, SIGMA_2

ID = "cooper.corollary_subquadratic"
ARCH = net.Architecture((2, 2), 2, 2)
SEED = 1
#: The limits are taken on an architecture whose sizes n = 3, d_in = 1, c_l = 2, d_out = 5 are distinct,
#: so that a limit formula with one dimension symbol put for another is wrong there.
LIMIT_ARCH, LIMIT_N = net.Architecture((2, 2), 1, 5), 3
#: The architecture of the cross-entropy bounded-gradient step (three classes).
CE_ARCH = net.Architecture((2, 2), 2, 3)
#: sigma'(c), sigma''(c) of catalogue activations, so the mirror can evaluate the same point.
BY_VALUES = {(sp.Integer(1), sp.Integer(0)): "tanh", (sp.Rational(1, 2), sp.Rational(1, 4)): "softplus_shifted"}


def _pair(loss: str, data: net.Data | None = None, arch: net.Architecture = ARCH, n: int = 2) -> tuple[sp.Expr, sp.Expr]:
    data = data or net.seeded_data(n, arch.d_in, arch.d_out, SEED, loss)
    d, e = net.derivatives_on_ray(arch, data, loss), net.named_entry(arch)
    return d.entry(e, e), d.grad_norm_sq()


def ratio_formula(loss: str, D: Mapping[str, int], data: net.Data) -> sp.Expr:
    r"""The limit of :math:`\partial^2_{(b^\ell_1)^2}L/\|\nabla L\|^2` along the ray as written in the steps
    (``D``: n, d_in, width = c_l, d_out, depth; nonzero denominator).

    >>> ratio_formula("l2", {"n": 1, "d_in": 1, "width": 2, "d_out": 2, "depth": 2}, net.Data(((1,),), ((1, 1),)))
    1/8
    """
    d, n, width = D["d_out"], D["n"], D["width"]
    if loss == "l2":
        return sp.Rational(n * d) / (2 * width * sp.sympify(sum(sum(r) for r in data.ys)) ** 2)
    e = [sum(sp.sympify(sum(r)) / d - r[j] for r in data.ys) for j in range(d)]
    return n * (sp.Rational(1, d) - sp.Rational(1, d**2)) / sum(v**2 for v in e[:min(width, d)])


def expected_ratio(loss: str, data: net.Data, arch: net.Architecture = LIMIT_ARCH) -> sp.Expr:
    r"""The formula at ``arch`` and ``data``."""
    return ratio_formula(loss, ray.dimensions(arch, data.n), data)


def _limit_data(loss: str) -> net.Data:
    return net.seeded_data(LIMIT_N, LIMIT_ARCH.d_in, LIMIT_ARCH.d_out, SEED, loss)


def _mirror(loss: str):
    data = _limit_data(loss)
    xs, ys = ray.fraction_rows(data.xs), ray.fraction_rows(data.ys)
    arch = LIMIT_ARCH

    def ratio(params: Mapping, t) -> Any:
        s1, s2 = (sp.Float(sp.sympify(params[k]), 30) for k in (SIGMA_1, SIGMA_2))
        name = next(n for (a, b), n in BY_VALUES.items() if abs(a - s1) < 1e-25 and abs(b - s2) < 1e-25)
        tf = Fraction(int(sp.Rational(t).p), int(sp.Rational(t).q))
        h = mirror.named_hessian_entry(list(arch.widths), arch.d_in, arch.d_out, xs, ys, tf, loss, name, dps=80)
        g = mirror.grad_norm_sq(list(arch.widths), arch.d_in, arch.d_out, xs, ys, tf, loss, name, dps=80)
        return sp.Float(str(h / g), 60)
    return ratio


def limit_step(loss: str, label: str, latex: str, formula=None) -> Limit:
    r"""The limit of the ratio on :data:`LIMIT_ARCH` (``formula(loss, D, data)`` defaults to :func:`ratio_formula`)."""
    data = _limit_data(loss)
    formula = formula or ratio_formula
    return Limit(label=label, latex=latex, role="statement" if loss == "l2" else "proof",
                 cross_checks=f"ratio_limit_every_size_{loss}",
                 expr=lambda: _pair(loss, arch=LIMIT_ARCH, n=LIMIT_N)[0] / _pair(loss, arch=LIMIT_ARCH, n=LIMIT_N)[1],
                 var=net.T, point=sp.oo, expected=formula(loss, ray.dimensions(LIMIT_ARCH, LIMIT_N), data),
                 parameters=[{SIGMA_1: k[0], SIGMA_2: k[1]} for k in BY_VALUES], mirror=_mirror(loss),
                 scope={"architectures": [ray.show_architecture(LIMIT_ARCH, LIMIT_N)],
                        "data": f"seeded rational (seed {SEED})", "activation": ray.GENERIC_SIGMA},
                 justification="Both are polynomials in t of degree 2 (Thms 12, 14): the ratio of leading coefficients; "
                               "sigma'(c)^2 cancels, so the limit does not depend on the activation. Checked on one "
                               "architecture with distinct sizes (n = 3, d_in = 1, c_l = 2, d_out = 5) and seeded data; "
                               "for all of them the limit follows from the closed forms of cooper.thm_12 / thm_14.")


def power_violation(h: sp.Expr, g: sp.Expr, a: Fraction, b: Fraction, alpha: Fraction, t: int) -> WitnessCheck:
    r"""Exact test of :math:`|h(t)|>a+b\,g(t)^{\alpha/2}` for rational data and :math:`\alpha=p/q`."""
    (hc, ok_h), (gc, ok_g) = ray.t_coefficients(h), ray.t_coefficients(g)
    if not (ok_h and ok_g):
        raise BadInput("the subquadratic witness needs an activation with rational sigma'(c), sigma''(c)")
    hv, gv, p, q = abs(ray.horner(hc, Fraction(t))), ray.horner(gc, Fraction(t)), alpha.numerator, alpha.denominator
    holds = hv > a and (hv - a) ** (2 * q) > b ** (2 * q) * gv**p
    return WitnessCheck(lhs=f"|H_entry(t*)| = {_shown(hv)}", rhs=f"{_shown(a)} + {_shown(b)}*({_shown(gv)})^({alpha}/2)",
                        holds=bool(holds))


def _shown(value: Fraction) -> str:
    r"""``value`` exactly, or (past 3000 bits, which Python will not print as digits) 20 digits and its size."""
    bits = max(value.numerator.bit_length(), value.denominator.bit_length())
    if bits <= 3000:
        return str(value)
    import mpmath

    with mpmath.workdps(30):
        return f"{mpmath.nstr(mpmath.mpf(value.numerator) / value.denominator, 20)} (exact rational of {bits} bits)"


def _case_pair(p: Mapping) -> tuple[sp.Expr, sp.Expr]:
    arch, data, name = ray.configuration(p, p.get("loss", "l2"))
    q = ray.quantities(arch, data, p.get("loss", "l2"), name)
    return q["hessian_entry"], q["grad_norm_sq"]


#: Bounds of the exact witness search: alpha = p/q with q <= MAX_ALPHA_DENOMINATOR (the check raises to the power 2q),
#: t* = 2^k with k <= MAX_K.
MAX_ALPHA_DENOMINATOR = 64
MAX_K = 20000


def _constants(p: Mapping) -> tuple[Fraction, Fraction, Fraction]:
    a, b, alpha = (Fraction(str(p[k])) for k in ("a", "b", "alpha"))
    if alpha >= 2 or alpha < 0 or a < 0 or b < 0:
        raise BadInput("need a, b >= 0 and 0 <= alpha < 2 (subquadratic l(u) = a + b u^alpha)")
    if alpha.denominator > MAX_ALPHA_DENOMINATOR:
        raise BadInput(f"alpha = {alpha} exceeds the bound: its denominator must be <= {MAX_ALPHA_DENOMINATOR} (the exact "
                       "check raises to the power 2 q)")
    return a, b, alpha


def construct(p: Mapping) -> int:
    r"""The first :math:`t^*=2^k` with :math:`|H_{entry}|>a+b\|\nabla L\|^\alpha` (exact check at every k from
    :func:`first_k_estimate` - 3 on; for the small constants of the steps that is k = 0)."""
    (h, g), (a, b, alpha) = _case_pair(p), _constants(p)
    estimate = first_k_estimate(h, g, a, b, alpha)
    start = max(estimate - 3, 0)
    if estimate > MAX_K:
        raise BadInput(f"t* would exceed 2^{MAX_K}, the bound of the exact search (b^(1/(2 - alpha)) is too large for "
                       "these constants); not a counterexample to the corollary")
    t = 2**start
    for _ in range(start, MAX_K + 1):
        if power_violation(h, g, a, b, alpha, t).holds:
            return t
        t *= 2
    raise BadInput(f"no t* = 2^k with k <= {MAX_K} where the exact check passes: the constants need a larger t "
                   f"(b^(1/(2 - alpha)) too large); not a counterexample to the corollary")


def first_k_estimate(h: sp.Expr, g: sp.Expr, a: Fraction, b: Fraction, alpha: Fraction) -> int:
    r"""The first k where the violation looks true in 30-digit floating point: 0 if that is below 64 (there
    :func:`construct` checks every k exactly), else found by doubling and bisection (the violation persists once
    the :math:`t^2` term dominates), :data:`MAX_K` + 1 past the bound.  Only a starting point."""
    import mpmath

    (hc, _), (gc, _) = ray.t_coefficients(h), ray.t_coefficients(g)
    with mpmath.workdps(30):
        a_, b_, e = (mpmath.mpf(v.numerator) / v.denominator for v in (a, b, alpha / 2))
        hf, gf = ([mpmath.mpf(c.numerator) / c.denominator for c in cs] for cs in (hc, gc))

        def looks_violated(k: int) -> bool:
            t = mpmath.mpf(2) ** k
            return abs(ray.horner(hf, t)) > a_ + b_ * max(ray.horner(gf, t), 0) ** e

        if any(looks_violated(k) for k in range(64)):
            return 0
        low, high = 63, 128
        while not looks_violated(high):
            if high > MAX_K:
                return MAX_K + 1
            low, high = high, 2 * high
        # At most high.bit_length() halvings: the bracket (low, high] shrinks to one k well within that, and a
        # bound on the loop means no bracket, however wrong, can make the search hang.
        for _ in range(high.bit_length()):
            if high - low <= 1:
                break
            mid = (low + high) // 2
            low, high = (low, mid) if looks_violated(mid) else (mid, high)
        return high


def verify(p: Mapping, t: int) -> WitnessCheck:
    r"""Exact check of the violation at ``t``."""
    (h, g), (a, b, alpha) = _case_pair(p), _constants(p)
    return power_violation(h, g, a, b, alpha, t)


def _witness(p: Mapping) -> dict[str, Any]:
    reason = ray.no_witness_reason(_case_pair(p)[0], p.get("loss", "l2"))
    if reason:
        raise BadInput(reason)
    t = construct(p)
    check = verify(p, t)
    return {"constants": {k: str(p.get(k)) for k in ("a", "b", "alpha")}, "points": [[str(t)]],
            "check": {"lhs": check.lhs, "rhs": check.rhs, "holds": check.holds}}


def quadratic_bound_holds(loss: str, slack: int = 1) -> StepResult:
    r"""Exact: with :math:`b=2A/G_2+\text{slack}`, :math:`a` from the discriminant, :math:`\pm h\le a+bg` for all real t."""
    h, g = (net.at_activation(v, "tanh") for v in _pair(loss))
    A, B = sp.Poly(h, net.T).coeff_monomial(net.T**2), sp.Poly(h, net.T).coeff_monomial(net.T)
    G2, G0 = sp.Poly(g, net.T).coeff_monomial(net.T**2), sp.Poly(g, net.T).coeff_monomial(1)
    b = 2 * A / G2 + slack
    a = B**2 / (4 * (b * G2 - A)) + 1
    ok = all(b * G2 + s * A > 0 and B**2 - 4 * (b * G2 + s * A) * (b * G0 + a) < 0 for s in (1, -1))
    return StepResult(bool(ok), "symbolic", "exact-discriminant",
                      f"|H_entry(t)| <= {a} + {b} ||grad L(t)||^2 for every real t (tanh, {loss})")


#: The one configuration of the quadratic-bound checks.
QUADRATIC_SCOPE = {"architectures": [{"n": 2, "d_in": 2, "widths": [2, 2], "d_out": 2}],
                   "data": f"seeded rational (seed {SEED})", "activation": "tanh"}


def _steps() -> list:
    uniform_ce = ray_steps.uniform_labels("cross_entropy", CE_ARCH, 2)
    zero_sum = net.Data(((sp.Integer(1), sp.Integer(2)), (sp.Integer(-1), sp.Integer(3))),
                        ((sp.Integer(2), sp.Integer(-1)), (sp.Integer(-3), sp.Integer(2))))
    cases = [dict(depth=2, width=2, d_in=2, d_out=2, n=2, activation="tanh", seed=1, a=1, b=1, alpha=1),
             dict(depth=3, width=1, d_in=1, d_out=2, n=1, activation="silu", seed=4, a=10**6, b=10**6, alpha=Fraction(3, 2)),
             dict(depth=2, width=2, d_in=1, d_out=3, n=2, activation="softplus_shifted", seed=2, a=1, b=10, alpha=Fraction(19, 10)),
             dict(depth=2, width=2, d_in=1, d_out=2, n=2, activation="tanh", seed=3, a=1, b=10, alpha=Fraction(9, 5), loss="cross_entropy")]
    return [
        lemmas.values_on_ray_step(),
        lemmas.grad_norms_step(),
        lemmas.hessian_entries_step(),
        sizes.leading_positive_step(),
        dataclasses.replace(sizes.ce_leading_positive_step(), label="leading_coefficient_positive_cross_entropy"),
        dataclasses.replace(every_size.ratio_limit_step("l2"), role="statement"),
        every_size.ratio_limit_step("cross_entropy"),
        every_size.bounded_when_sum_zero_step(),
        every_size.uniform_labels_step(),
        sizes.diagonal_entry_step(),
        dataclasses.replace(every_size.subquadratic_witness_step(), role="statement", reading="not_subquadratic"),
        every_size.some_quadratic_l_step(),
        dataclasses.replace(every_size.quadratic_bound_step(), repairs="some_quadratic_l_works_as_read"),
        limit_step("l2", "ratio_limit_l2", r"\lim_{t\to\infty}\frac{\partial^2_{(b^\ell_1)^2}L}{\|\nabla L\|^2}=\frac{n\,d_{out}}{2c_\ell(\sum_{s,k}y_{sk})^2}"),
        limit_step("cross_entropy", "ratio_limit_cross_entropy",
                    r"\lim_{t\to\infty}\frac{\partial^2_{(b^\ell_1)^2}L}{\|\nabla L\|^2}=\frac{n(\frac1d-\frac1{d^2})}{\sum_{j\le\min(c_\ell,d)}(\sum_m(\frac1d-y_{mj}))^2}"),
        Equality(label="grad_norm_bounded_for_uniform_labels", printed=False,
                 cross_checks="grad_norm_vanishes_for_uniform_labels_every_size",
                 latex=r"y_{mj}=\tfrac1{d_{out}}\Rightarrow\|\nabla L(\rho(t))\|^2=0\ \ (\text{cross-entropy})",
                 lhs=lambda: net.derivatives_on_ray(CE_ARCH, uniform_ce, "cross_entropy").grad_norm_sq(),
                 rhs=sp.Integer(0),
                 scope={"architectures": [ray.show_architecture(CE_ARCH, 2)], "data": "uniform labels y_mj = 1/3",
                        "activation": ray.GENERIC_SIGMA},
                 justification="The cross-entropy analogue of the next step: on the ray the gradient is "
                               "sum_m sum_j (1/d - y_mj) grad f_j, which vanishes for uniform labels, while "
                               "H_entry ~ t^2: any finite l fails, so the conclusion only gets stronger."),
        PolynomialDegree(label="grad_norm_bounded_when_sum_y_zero", printed=False,
                         cross_checks="grad_norm_bounded_when_sum_y_zero_every_size",
                         latex=r"\textstyle\sum_{s,k}y_{sk}=0\Rightarrow\deg_t\|\nabla L(\rho(t))\|^2=0",
                         expr=lambda: net.derivatives_on_ray(ARCH, zero_sum, "l2").grad_norm_sq(), var=net.T, degree=0,
                         scope={"architectures": [ray.show_architecture(ARCH, 2)], "data": "one data set with sum y = 0",
                                "activation": ray.GENERIC_SIGMA},
                         justification="Then l(||grad L||) is bounded along the ray while H_entry ~ t^2: any finite l fails."),
        Witness(label="no_subquadratic_l_witness", role="statement", reading="not_subquadratic",
                cross_checks="no_subquadratic_l_every_size",
                latex=r"\forall a,b\ge0,\ \alpha<2\ \exists t^*:\ \|\mathbf HL(\rho(t^*))\|_{op}>a+b\|\nabla L(\rho(t^*))\|^\alpha",
                construct=construct, verify=verify, cases=cases,
                wrong_constructions=[lambda p: 1, lambda p: ray.witness_point(*_case_pair(p), sp.Rational(str(p["a"])),
                                                                            sp.Rational(str(p["b"])))]),
        Check(label="quadratic_l_not_excluded_by_ray", printed=False, reading="exactly_quadratic",
              cross_checks="quadratic_l_not_excluded_every_size",
              latex=r"|\partial^2_{(b^\ell_1)^2}L(\rho(t))|\le a+b\|\nabla L(\rho(t))\|^2\ \ \forall t\in\mathbb R",
              justification="So along this ray only subquadratic l can be refuted: the paper's qualifier is sharp for its argument.",
              run_check=lambda: quadratic_bound_holds("l2"), wrong_versions=[lambda: quadratic_bound_holds("l2", slack=-10**9)],
              scope=QUADRATIC_SCOPE),
    ]


def theorem() -> Claim:
    r"""Cooper's third contribution as a claim."""
    return Claim(
        id=ID, paper="cooper", label="Third contribution (subquadratic l-smoothness)", section="§1, §4",
        title="No subquadratic l-smoothness for deep networks",
        statement=r"Under the hypotheses of Theorems 12 and 14, $L$ is not $\ell$-smooth "
                  r"($\|\mathbf HL\|\le\ell(\|\nabla L\|)$) for any subquadratic $\ell$. ``In other words, these "
                  r"loss functions lie exactly in the types of functions they showed can fail to have good convergence "
                  r"properties'' (\S1); ``the loss functions of deep feedforward networks lie in this more challenging "
                  r"setting'' (\S4: $\ell$ quadratic or superquadratic).",
        readings=[Reading("not_subquadratic", "'lie exactly in' = lie in the class where l is not subquadratic: the "
                          "losses are l-smooth for no subquadratic l", "§1 'exactly', §4 'this more challenging setting'; "
                          "the reading the proof supports"),
                  Reading("exactly_quadratic", "'exactly' = the losses are l-smooth for some quadratic l and for no "
                          "subquadratic one (the boundary of the class is hit)", "§1 'exactly'; possible reading of the "
                          "adverb, not argued anywhere in the paper")],
        repaired_statement=r"Under the hypotheses of Theorems 12 and 14 (weakened to $\sigma$ non-constant, "
                           r"$\ell\ge1$), $L$ is not $\ell$-smooth for any subquadratic $\ell$: the losses lie in "
                           r"the setting of [6] where $\ell$ is at least quadratic. That they lie \emph{exactly} there "
                           r"(some quadratic $\ell$ works) is not established: for data with $\sum_{s,r}y_{sr}\ne0$ "
                           r"the ray excludes only subquadratic $\ell$, and along it a quadratic $\ell$ is not violated "
                           r"(step quadratic\_l\_not\_excluded\_every\_size); whether another point violates every "
                           r"quadratic $\ell$ is open. For data with $\sum_{s,r}y_{sr}=0$ (L2) or uniform labels "
                           r"(cross-entropy) the gradient is bounded along the ray while the Hessian entry grows, so "
                           r"there no $\ell$ at all works.",
        reference="Cooper, §1 (third contribution) and §4 (Conclusion)",
        assumptions=[Assumption(label="A1", name="hypotheses of Theorems 12 / 14", latex=r"\ell\ge2,\ \text{Assumption 1}",
                                holds=lambda p: (p.get("depth") is None or int(p["depth"]) >= 1)
                                and ray.activation_holds_a1(p),
                                necessity=Necessity(verdict="necessary", evidence=r"Dropped altogether the conclusion fails: "
                                                    r"at depth 0 the L2 Hessian is constant (checked), so $\ell(u) = m$ "
                                                    r"works. They can be weakened to '$\sigma$ non-constant' and depth "
                                                    r"$\ge 1$ (cooper.thm_12 A1 and A3: the shifted ray, depth 1); those two "
                                                    r"are necessary.",
                                                    check=ray_steps.bounded_hessian_check("depth_0_loss_is_m_smooth", "l2",
                                                                                    shift.DEPTH_0_ARCH, r"\ell=0"))),
                     Assumption(label="A2", name="l subquadratic", latex=r"\ell(u)/u^2\to0",
                                necessity=Necessity(verdict="unknown", evidence="For data with $\\sum_{s,r}y_{sr}\\ne0$ a "
                                                    "quadratic $\\ell$ is not violated along the ray (step "
                                                    "quadratic_l_not_excluded_every_size); whether another point "
                                                    "violates it is not settled.",
                                                    check=Check(label="quadratic_bound_along_ray_cross_entropy",
                                                                latex=r"|H_{ii}|\le a+b\|\nabla L\|^2",
                                                                run_check=lambda: quadratic_bound_holds("cross_entropy"),
                                                                scope=QUADRATIC_SCOPE,
                                                                wrong_versions=[lambda: quadratic_bound_holds("cross_entropy", -10**9)])))],
        steps=_steps(), conclusion="no_subquadratic_l_every_size",
        parameters=[*[p for p in ray.deep_parameters() if p.name not in ("L0", "L1")],
                    Parameter("loss", "choice", "l2", "l2 or cross_entropy", ("l2", "cross_entropy")),
                    Parameter("a", "rational", 1), Parameter("b", "rational", 1),
                    Parameter("alpha", "rational", Fraction(3, 2), "exponent < 2 of l(u) = a + b u^alpha")],
        witness=_witness, figures=figures.figures_subquadratic(_witness), plot=figures.plotter_subquadratic(_witness),
        notes=["Proved for every $n$, $d_{out}$, width and depth $\\ell\\ge2$ from the closed forms "
               "(no_subquadratic_l_every_size and the steps it uses), for every subquadratic $\\ell$, not only power "
               "laws; the steps on one architecture or a few cases are cross-checks that agree.",
               "The limit is the ratio of leading coefficients of two polynomials of degree 2; $\\sigma'(c)^2$ cancels.",
               r"For a general subquadratic $\ell$ (not a power law) the argument is: $\|\nabla L\| \to \infty$ and "
               r"$H_{entry}/\|\nabla L\|^2$ tends to a positive limit, while $\ell(u)/u^2 \to 0$; or $\|\nabla L\|$ "
               r"stays bounded while $H_{entry} \to \infty$."],
    )
