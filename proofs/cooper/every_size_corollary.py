r"""The subquadratic corollary for every size: the ratio limits, the bounded cases and the witness from the closed forms.

A pack module, not a claim.  The closed forms of :mod:`proofs.cooper.every_size` (proved there with n, d_out and
the width K symbols, for every depth ℓ ≥ 2 -- the Hessian entry for ℓ ≥ 1) are read as

* L2: :math:`H(t)=At^2-Bt`, :math:`A=2nd_{out}\sigma'(c)^2`, :math:`\|\nabla L\|^2=P+Qt^2`,
  :math:`P=4\sum_r(\sum_sy_{sr})^2`, :math:`Q=4K\sigma'(c)^2S^2`, :math:`S=\sum_{s,r}y_{sr}`;
* cross-entropy (Assumption 2, :math:`w_s=1`): :math:`A=\sigma'(c)^2n(\tfrac1d-\tfrac1{d^2})`,
  :math:`\|\nabla L\|^2=E_0+\sigma'(c)^2t^2E_1`, :math:`E_1=\sum_{j\le\min(K,d)}e_j^2`.

The sums over the data are replaced by symbols (:math:`S`, :math:`R=\sum_r(\sum_sy_{sr})^2`, :math:`E_0`, :math:`E_1`,
:math:`\beta_{CE}=\sum_s(\tfrac1d-y_{s1})`): exactly the objects the closed-form functions build, found by structure.
"""

from __future__ import annotations

import functools
from typing import Any

import sympy as sp

from proofs.cooper import every_size as E
from proofs.steps import Check, Inequality, Limit, PolynomialDegree, StepResult

__all__ = ["bounded_when_sum_zero_step", "quadratic_bound_step", "ratio_limit_step", "subquadratic_witness_step",
           "uniform_labels_step"]

S_TOTAL, R_COLUMNS, E0, E1, B_CE = sp.symbols("S R E_0 E_1 beta_CE", real=True)
_s, _r = sp.symbols("s r", integer=True, positive=True)


def _total(n: Any = E.N, d_out: Any = E.D_OUT) -> sp.Sum:
    return sp.Sum(E.Y[_s, _r], (_r, 1, d_out), (_s, 1, n))


def _columns() -> sp.Sum:
    return sp.Sum(sp.Sum(E.Y[_s, _r], (_s, 1, E.N)) ** 2, (_r, 1, E.D_OUT))


@functools.cache
def l2_forms() -> tuple[sp.Expr, sp.Expr]:
    r"""``(H, g^2)`` of L2 with the data sums as the symbols S, R (structural replacement: the same objects)."""
    rules = {_total(): S_TOTAL, _columns(): R_COLUMNS}
    h, g = (sp.expand(f().xreplace(rules)) for f in (E.hessian_entry_closed_form, E.grad_norm_sq_closed_form))
    if h.has(sp.Sum) or g.has(sp.Sum):
        raise ValueError(f"a data sum was not recognised: {h}, {g}")
    return h, g


def _class_weight_to_one(expr: sp.Expr) -> sp.Expr:
    r""":math:`w_s=\sum_ry_{sr}=1` (Assumption 2): every class-weight sum becomes 1."""
    weight = E.class_weight(_s)
    # sum_s w_s: SymPy writes it as one double sum over (r, s); with w_s = 1 it is n.
    return expr.xreplace({sp.Sum(weight, (_s, 1, E.N)): E.N}).xreplace({weight: sp.Integer(1)})


@functools.cache
def ce_forms() -> tuple[sp.Expr, sp.Expr]:
    r"""``(H, g^2)`` of cross-entropy under Assumption 2, the data sums as the symbols beta_CE, E_0, E_1."""
    e = sp.Sum(1 / E.D_OUT - E.Y[_s, _r], (_s, 1, E.N))
    rules = {sp.Sum(e**2, (_r, 1, E.D_OUT)): E0, sp.Sum(e**2, (_r, 1, sp.Min(E.K, E.D_OUT))): E1,
             sp.Sum(1 / E.D_OUT - E.Y[_s, 1], (_s, 1, E.N)): B_CE}
    h = _class_weight_to_one(E.ce_hessian_entry_closed_form()).xreplace(rules).doit()
    g = _class_weight_to_one(E.ce_grad_norm_sq_closed_form()).xreplace(rules)
    h, g = sp.expand(h), sp.expand(g)
    if h.has(sp.Sum) or g.has(sp.Sum):
        raise ValueError(f"a data sum was not recognised: {h}, {g}")
    return h, g


def forms(loss: str) -> tuple[sp.Expr, sp.Expr]:
    return l2_forms() if loss == "l2" else ce_forms()


#: Values for the numeric cross-check of the limits (distinct sizes, both activations' sigma'(c), sigma''(c)).
LIMIT_POINTS = {
    "l2": [{E.N: 3, E.D_OUT: 5, E.K: 2, S_TOTAL: sp.Rational(7, 3), R_COLUMNS: sp.Rational(11, 2), E.SIGMA_1: 1,
            E.SIGMA_2: 0},
           {E.N: 7, E.D_OUT: 2, E.K: 5, S_TOTAL: sp.Rational(-2, 5), R_COLUMNS: 3, E.SIGMA_1: sp.Rational(1, 2),
            E.SIGMA_2: sp.Rational(1, 4)}],
    "cross_entropy": [{E.N: 3, E.D_OUT: 5, E.K: 2, E0: sp.Rational(7, 3), E1: sp.Rational(11, 2), B_CE: 2,
                       E.SIGMA_1: 1, E.SIGMA_2: 0},
                      {E.N: 7, E.D_OUT: 2, E.K: 5, E0: 3, E1: sp.Rational(1, 3), B_CE: -1,
                       E.SIGMA_1: sp.Rational(1, 2), E.SIGMA_2: sp.Rational(1, 4)}],
}


def expected_ratio(loss: str) -> sp.Expr:
    r"""L2 :math:`\frac{nd_{out}}{2KS^2}` (:math:`S\ne0`); cross-entropy :math:`\frac{n(1/d-1/d^2)}{E_1}` (:math:`E_1>0`)."""
    if loss == "l2":
        return E.N * E.D_OUT / (2 * E.K * S_TOTAL**2)
    return E.N * (1 / E.D_OUT - 1 / E.D_OUT**2) / E1


def ratio_limit_step(loss: str, expected: Any = None) -> Limit:
    r""":math:`\lim_{t\to\infty}H/\|\nabla L\|^2` from the closed forms, every n, d_out, K."""
    h, g = forms(loss)
    nonzero = {S_TOTAL: sp.Symbol("S", real=True, nonzero=True)} if loss == "l2" else {E1: sp.Symbol("E_1", positive=True)}
    want = expected_ratio(loss) if expected is None else expected
    latex = (r"\lim_{t\to\infty}\frac{\partial^2_{(b^\ell_1)^2}L}{\|\nabla L\|^2}=\frac{n\,d_{out}}{2K(\sum_{s,r}y_{sr})^2}"
             if loss == "l2" else
             r"\lim_{t\to\infty}\frac{\partial^2_{(b^\ell_1)^2}L}{\|\nabla L\|^2}=\frac{n(\frac1d-\frac1{d^2})}"
             r"{\sum_{j\le\min(K,d)}e_j^2}")
    return Limit(label=f"ratio_limit_every_size_{loss}", printed=False, latex=latex + r"\quad(\text{every size})",
                 uses=("grad_norm_sq_every_size", "hessian_entry_every_size"),
                 expr=lambda: (h / g).xreplace(nonzero), var=E.T, point=sp.oo,
                 expected=lambda: sp.sympify(want).xreplace(nonzero),
                 parameters=[{nonzero.get(k, k): v for k, v in p.items()} for p in LIMIT_POINTS[loss]],
                 justification="The closed forms of cooper.thm_12 / thm_14 (every_size: grad_norm_sq_every_size, "
                               "hessian_entry_every_size, proved with n, d_out, K symbols), the data sums as symbols; "
                               + ("S != 0 (S = 0: grad_norm_bounded_when_sum_y_zero_every_size)." if loss == "l2" else
                                  "Assumption 2 (w_s = 1), E_1 > 0 (E_1 = 0: uniform labels, the gradient vanishes)."))


def bounded_when_sum_zero_step() -> PolynomialDegree:
    r""":math:`S=0\Rightarrow\|\nabla L\|^2=4R`, constant in t, for every size (while :math:`H\sim At^2`)."""
    return PolynomialDegree(label="grad_norm_bounded_when_sum_y_zero_every_size", printed=False,
                            uses=("grad_norm_sq_every_size", "hessian_entry_every_size", "leading_coefficient_positive"),
                            latex=r"\textstyle\sum_{s,r}y_{sr}=0\Rightarrow\|\nabla L(\rho(t))\|^2=4\sum_r(\sum_sy_{sr})^2"
                                  r"\ (\deg_t=0,\ \text{every size})",
                            expr=lambda: l2_forms()[1].subs(S_TOTAL, 0), var=E.T, degree=0,
                            justification="The L2 gradient-norm closed form (every size) with S = 0: l(||grad L||) is "
                                          "bounded along the ray while H_entry = A t^2 grows: no finite l works.")


def uniform_labels_check(label: Any = None) -> StepResult:
    r"""Cross-entropy with :math:`y_{sj}=1/d` (``label(s, r)`` overrides the labels: a wrong version): the closed form
    of :math:`\|\nabla L\|^2` is 0 for every n, d_out, K."""
    value = (lambda s, r: 1 / E.D_OUT) if label is None else label
    g = E.ce_grad_norm_sq_closed_form().replace(lambda e: isinstance(e, sp.Indexed) and e.base == E.Y,
                                                 lambda e: value(*e.indices)).doit()
    g = sp.simplify(g)
    return StepResult(g == 0, "symbolic", "sympy:simplify", f"||grad L||^2 with these labels = {g}",
                      counterexample=None if g == 0 else r"with these labels $\|\nabla L\|^2 = {value}$",
                      values={"value": g})


def uniform_labels_step() -> Check:
    return Check(label="grad_norm_vanishes_for_uniform_labels_every_size", printed=False, kind_name="formula-for-every-size",
                 uses=("grad_norm_sq_every_size", "hessian_entry_every_size", "leading_coefficient_positive_cross_entropy"),
                 latex=r"y_{sj}=\tfrac1{d_{out}}\Rightarrow\|\nabla L(\rho(t))\|^2=0\ \ (\text{cross-entropy, every size})",
                 run_check=uniform_labels_check,
                 wrong_versions=[lambda: uniform_labels_check(label=lambda s, r: r / E.D_OUT)],
                 justification="The cross-entropy gradient-norm closed form (cooper.thm_14, every size): every "
                               "e_j = sum_s (w_s/d - y_sj) vanishes, while H_entry ~ t^2 (d >= 2): no finite l works.")


# ---------------------------------------------------------------- the witness for every subquadratic l

ETA, C_ETA, P_SYM, Q_SYM = sp.symbols("eta C_eta P Q", real=True)


def subquadratic_premises() -> list:
    r""":math:`H=At^2-Bt`, :math:`A>0`, :math:`\beta\ge|B|`, :math:`g^2=P+Qt^2` (:math:`P,Q\ge0`); the subquadratic
    :math:`\ell` unpacked at :math:`\eta=A/(2Q+2)`: :math:`\ell(u)\le\eta u^2+C_\eta` (:math:`C_\eta\ge0`);
    :math:`t^*=1+2(\beta+\eta P+C_\eta+1)/A`."""
    return [E.COEF_A > 0, E.BETA >= E.COEF_B, E.BETA >= -E.COEF_B, P_SYM >= 0, Q_SYM >= 0, C_ETA >= 0,
            sp.Eq(ETA * (2 * Q_SYM + 2), E.COEF_A), sp.Eq(E.COEF_A * (E.TSTAR - 1), 2 * (E.BETA + ETA * P_SYM + C_ETA + 1))]


def subquadratic_witness_step(power: int = 2) -> Inequality:
    r""":math:`At^{*2}-Bt^*>\eta(P+Qt^{*2})+C_\eta\ge\ell(\|\nabla L(\rho(t^*))\|)` (Z3, every size, every subquadratic l)."""
    return Inequality(label="no_subquadratic_l_every_size", relation=">", printed=False,
                      uses=("grad_norm_sq_every_size", "hessian_entry_every_size", "leading_coefficient_positive",
                            "leading_coefficient_positive_cross_entropy", "diagonal_entry_at_most_operator_norm"),
                      latex=r"\forall\ell\text{ subquadratic}:\ |\partial^2_{(b^\ell_1)^2}L(\rho(t^*))|>\eta\|\nabla L\|^2+C_\eta"
                            r"\ge\ell(\|\nabla L(\rho(t^*))\|),\ \eta=\frac A{2Q+2},\ t^*=1+\frac{2(|B|+\eta P+C_\eta+1)}A",
                      lhs=lambda: E.COEF_A * E.TSTAR**power - E.COEF_B * E.TSTAR,
                      rhs=ETA * (P_SYM + Q_SYM * E.TSTAR**2) + C_ETA, assuming=subquadratic_premises(),
                      justification="Trusted: (1) the closed forms read as H = A t^2 - B t, ||grad L||^2 = P + Q t^2 "
                                    "(every size: L2 P = 4 sum_r (sum_s y_sr)^2, Q = 4 K sigma'(c)^2 S^2; cross-entropy "
                                    "P = E_0, Q = sigma'(c)^2 E_1), A > 0 (leading_coefficient_positive); (2) the "
                                    "definition of subquadratic: l non-decreasing with l(u)/u^2 -> 0 gives, for every "
                                    "eta > 0, C_eta = l(U_eta) >= 0 with l(u) <= eta u^2 + C_eta for all u >= 0. Then "
                                    "||H||_op >= |H_ii| (diagonal_entry_at_most_operator_norm) > l(||grad L||): Z3 proves the inequality for every value of A, "
                                    "B, P, Q, eta, C_eta (any power law a + b u^alpha, alpha < 2, included).")


def quadratic_bound_premises(sign: int) -> list:
    r""":math:`Q>0` (:math:`S\ne0`), :math:`b=2A/Q+1`, :math:`a(4(bQ-A))=B^2+4(bQ-A)` (a = B^2/(4(bQ - A)) + 1)."""
    b, a = sp.symbols("b a", real=True)
    return [E.COEF_A > 0, Q_SYM > 0, P_SYM >= 0, sp.Eq(b * Q_SYM, 2 * E.COEF_A + Q_SYM),
            sp.Eq(a * 4 * (b * Q_SYM - E.COEF_A), E.COEF_B**2 + 4 * (b * Q_SYM - E.COEF_A))]


def quadratic_bound_check(slack: int = 0) -> StepResult:
    r""":math:`\pm(At^2-Bt)\le a+b(P+Qt^2)` for every real t (Z3 over t and the coefficients); ``slack`` lowers b
    (a wrong version)."""
    b, a = sp.symbols("b a", real=True)
    for sign in (1, -1):
        step = Inequality(label="quadratic_bound", relation="<=", latex="",
                          lhs=lambda s=sign: s * (E.COEF_A * E.T**2 - E.COEF_B * E.T),
                          rhs=a + (b - slack) * (P_SYM + Q_SYM * E.T**2), assuming=quadratic_bound_premises(sign))
        result = step.run()
        if not result.ok:
            return result
    return StepResult(True, "symbolic", "z3", "|H(t)| <= a + b ||grad L(t)||^2 for every real t, every A > 0, B, P >= 0, "
                      "Q > 0 (Z3)", engines=("z3",))


def quadratic_bound_step() -> Check:
    return Check(label="quadratic_l_not_excluded_every_size", printed=False, reading="exactly_quadratic",
                 uses=("grad_norm_sq_every_size", "hessian_entry_every_size", "leading_coefficient_positive", "leading_coefficient_positive_cross_entropy"),
                 kind_name="z3", latex=r"S\ne0:\ |\partial^2_{(b^\ell_1)^2}L(\rho(t))|\le a+b\|\nabla L(\rho(t))\|^2\ "
                                       r"\forall t,\ b=\frac{2A}Q+1,\ a=\frac{B^2}{4(bQ-A)}+1\ (\text{every size})",
                 run_check=quadratic_bound_check, wrong_versions=[lambda: quadratic_bound_check(slack=10)],
                 justification="The closed forms read as in no_subquadratic_l_every_size, with Q > 0 (L2: S != 0; "
                               "cross-entropy: E_1 > 0). For S = 0 (or uniform labels) the gradient is bounded on the "
                               "ray and H is not: there even a quadratic l fails, on this ray.")


# ---------------------------------------------------------------- reading 'exactly quadratic': refuted by zero-sum data

K_BOUND, K_ABS, C_QUAD, Q_GROWTH = sp.symbols("K K_abs c Q", real=True)


def zero_sum_forms() -> tuple[sp.Expr, sp.Expr]:
    r"""``(H, ||grad L||^2)`` of L2 at :math:`S=\sum_{s,r}y_{sr}=0`, every size: :math:`H=At^2`, :math:`\|\nabla L\|^2=4R`."""
    h, g = l2_forms()
    return sp.expand(h.subs(S_TOTAL, 0)), sp.expand(g.subs(S_TOTAL, 0))


def some_quadratic_l_check(grad_sq: Any = None) -> StepResult:
    r"""The reading 'exactly quadratic' claims that for every data set some quadratic
    :math:`\ell(u)=a+bu+cu^2` bounds :math:`|H|` along the ray.  At :math:`S=0` the closed forms give
    :math:`H=At^2` and :math:`\|\nabla L\|^2=4R` free of t, so :math:`\ell(\|\nabla L\|)=K+c\|\nabla L\|^2` is one
    number; Z3: for every K and c, :math:`t^*=1+(|K+4cR|+1)/A` has :math:`H(t^*)>\ell`.  ``grad_sq`` replaces
    :math:`\|\nabla L\|^2` (a wrong version: a gradient that grows, where the argument proves nothing)."""
    h, g = zero_sum_forms()
    g = g if grad_sq is None else grad_sq
    leading = sp.expand(h / E.T**2)
    if leading.has(E.T) or leading == 0 or g.has(E.T):  # the whole argument: a constant gradient, H = A t^2
        return StepResult(False, "undecided", "z3", f"at S = 0: H = {h}, ||grad L||^2 = {g}: the argument needs "
                          "H = A t^2 and a gradient constant in t; it proves nothing here")
    bound = K_BOUND + C_QUAD * g  # l(||grad L||) with ||grad L||^2 = g constant: a + b u folded into K
    premises = [E.COEF_A > 0, C_QUAD >= 0, R_COLUMNS >= 0, K_ABS >= K_BOUND + C_QUAD * g, K_ABS >= -(K_BOUND + C_QUAD * g),
                sp.Eq(E.COEF_A * (E.T - 1), K_ABS + 1)]
    violation = Inequality(label="zero_sum_violation", relation=">", latex="", lhs=E.COEF_A * E.T**2, rhs=bound,
                           assuming=premises).run()
    if not violation.proved:
        return StepResult(False, "undecided", "z3", f"no refutation: {violation.detail}")
    return StepResult(False, "symbolic", "z3",
                      "at S = 0, ||grad L||^2 = 4R is constant along the ray while H = A t^2: every l(||grad L||) is "
                      "exceeded (Z3, every K, c)", engines=violation.engines,
                      counterexample=r"every data set with $\sum_{s,r}y_{sr}=0$, e.g. $y = {data}$: along the ray "
                                     r"$\|\nabla L(\rho(t))\|^2 = {grad}$ for every $t$ while "
                                     r"$\partial^2_{(b^\ell_1)^2}L = {entry}$ ($n = d_{out} = 2$, $\sigma_1 := \sigma'(c) \ne 0$), so "
                                     r"no $\ell$ at all, quadratic or not, bounds the Hessian there",
                      values=_zero_sum_example(h, g))


def _zero_sum_example(h: sp.Expr, g: sp.Expr) -> dict[str, Any]:
    r"""The closed forms at n = d_out = 2 and y = ((2, 0), (0, -2)) (S = 0, R = 2^2 + 2^2 = 8): concrete numbers."""
    ys = ((2, 0), (0, -2))
    sizes = {E.N: 2, E.D_OUT: 2, R_COLUMNS: sum(sum(row[r] for row in ys) ** 2 for r in range(2))}
    return {"data": sp.Matrix(ys), "grad": g.subs(sizes), "entry": h.subs(sizes)}


def some_quadratic_l_step() -> Check:
    r"""The reading's statement, checked where it fails (it is printed only as the adverb 'exactly')."""
    return Check(label="some_quadratic_l_works_as_read", role="statement", reading="exactly_quadratic",
                 uses=("grad_norm_sq_every_size", "hessian_entry_every_size", "leading_coefficient_positive",
                       "grad_norm_bounded_when_sum_y_zero_every_size"),
                 kind_name="z3", latex=r"\forall\text{ data}\ \exists\ \ell(u)=a+bu+cu^2:\ |\partial^2_{(b^\ell_1)^2}L(\rho(t))|"
                                       r"\le\ell(\|\nabla L(\rho(t))\|)\ \forall t",
                 erratum=r"On the reading 'exactly quadratic' (the losses are $\ell$-smooth for some quadratic $\ell$, "
                         r"a possible reading of the adverb that the paper does not argue) the statement fails for "
                         r"the data with $\sum_{s,r}y_{sr}=0$ (L2; uniform labels for cross-entropy): there the "
                         r"gradient is bounded along the ray and the Hessian entry grows like $t^2$, so no $\ell$ "
                         r"works. On the reading the proof supports ('not subquadratic') the claim holds.",
                 run_check=some_quadratic_l_check,
                 justification="The closed forms for every size at S = 0 (H = A t^2 with A = 2 n d_out sigma'(c)^2 > 0, "
                               "||grad L||^2 = 4 sum_r (sum_s y_sr)^2 = 4R free of t); Z3 with A, K, c, R as unknowns.")
