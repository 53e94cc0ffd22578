r"""Cooper, Theorem 15: with no hidden layer, the cross-entropy loss is m-smooth.

Reference: [Cooper, App. D, Theorem 15 and its proof; eqs. (14), (31), (32); Lemma 16]

Statement:   Depth :math:`\ell=0`, smooth (not necessarily monotonic) :math:`\sigma`:
             the cross-entropy loss (14) is (L0,L1)-smooth, and even m-smooth for some m.
Assumptions: A1  sigma smooth (sigma'' bounded)  [paper: Thm 15, fn. 1]  superfluous (sigma never applied at depth 0)
             A2  Assumption 2: sum_j y_mj = 1     [paper: §2.1]    superfluous (used by (31), not needed)
             A3  depth l = 0                      [paper: Thm 15]  necessary (depth 2: entry t^2/4 on the ray)
Symbols:     p = softmax(f_rho(x_m)), S(p) = diag(p) - p p^T, s_m = sum_j y_mj, m -> sum_m |s_m| (1 + ||x_m||^2)
Proof outline:
  1. `logits_linear_in_parameters`   [f_rho(x_m)]_j = J rho
  2. `logit_hessian_zero`            H[f_rho(x_m)]_j = 0, grad [f]_j constant
  3. `loss_rewritten_with_assumption_2`  the rewriting of (14) (uses Assumption 2)
  4. `gradient_31`                   (31)
  5. `hessian_as_printed_32`         printed: HL is given by (32) (fails at depth 0)
  6. `hessian_display_before_32`     repaired: the paper's display before (32), softmax weights p_m
     `lemma_16_entrywise`            its entries are bounded by Lemma 16 and products (part of the repair; cited)
     (without Assumption 2, HL = sum_m s_m J^T S(p_m) J: the check behind A2's necessity)
  7. `softmax_weight_at_most_one`    0 <= p_j <= 1 (Lemma 16's step)
  8. `softmax_curvature_psd`         v^T S v = 1/2 sum_jk p_j p_k (v_j - v_k)^2 >= 0
  9. `softmax_curvature_below_identity`  v^T (I - S) v = sum_k (1 - p_k) v_k^2 + (p.v)^2 >= 0
 10. `jacobian_row_gram`             J J^T = (1 + ||x||^2) I, so ||J||_op^2 = 1 + ||x||^2
 11. `norm_of_sum_of_sandwiches`     ||sum s J^T S J|| <= sum |s| ||J||^2 ||S|| (cited)
 12. `hessian_bounded_by_m`          ||HL(rho)||_op <= m at random rho up to 1e6 (numeric)
 13. `m_smooth_of_bounded_hessian`   mean value inequality (cited)
 14. `one_class_loss_is_zero`        b = 1: L = 0 identically
 15. `m_depends_on_data`             for every m, data with ||HL(0)||_op > m
 16. `hessian_agrees_with_mirror`    closed form = forward-mode jets (mpmath)
Review notes: the proof cites (32), which was derived where f_rho(x_m) = 0 (every
softmax weight 1/d_out); at depth 0 the Hessian is not (32) at a general rho (the
checker's counterexample), so the general formula before (32) is needed.  The
conclusion holds, with the explicit m above (no Assumption 2 needed).
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from numeric import linear_model as mirror
from proofs.cooper import ray
from proofs.engine import (Assumption, Check, Cited, Claim, Equality, Inequality, Necessity, NumericAgreement,
                           Parameter, StepResult, Witness, WitnessCheck)
from proofs.errors import BadInput
from symbolic import linear_model as lm
from symbolic.activations import CATALOGUE, generic_activation

ID = "cooper.thm_15"
_X = sp.Symbol("x_1_1", real=True)
_Y1, _Y2 = sp.symbols("y_1_1 y_1_2", real=True)
_XS, _YS_A2, _YS = [[_X]], [[_Y1, 1 - _Y1]], [[_Y1, _Y2]]
DEFAULT_XS = [[1, -2], [Fraction(1, 2), 3]]
DEFAULT_YS = [[1, 0, 0], [Fraction(1, 4), Fraction(1, 4), Fraction(1, 2)]]


def _q(v: Any) -> sp.Rational:
    return sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else sp.Rational(v)


def _fr(v: sp.Rational) -> Fraction:
    return Fraction(int(v.p), int(v.q))


#: Symbolic direction for comparing symmetric matrices as quadratic forms.
_V = sp.Matrix(sp.symbols("v_1:5", real=True))
#: Sampling box for numeric fallbacks: probabilities in [0, 1], moderate logits.
_DOMAIN = {_Y1: (0, 1), _Y2: (0, 1), sp.Symbol("E_1", positive=True): (sp.Rational(1, 8), 8),
           sp.Symbol("E_2", positive=True): (sp.Rational(1, 8), 8)}


def _form(matrix: sp.Matrix) -> sp.Expr:
    r""":math:`v^\top A v` (:math:`v^\top a` for a column :math:`a`) with :math:`e^{[f]_k}` written as positive symbols :math:`E_k`
    (equal for all :math:`v` iff the symmetric matrices are equal)."""
    logits = list(lm.output(_XS[0], 2))

    def as_power(arg: sp.Expr) -> sp.Expr:
        for k, z in enumerate(logits):
            ratio = sp.cancel(arg / z)
            if ratio.is_Integer:
                return sp.Symbol(f"E_{k + 1}", positive=True) ** ratio
        return sp.exp(arg)

    form = (_V.T * matrix * _V)[0, 0] if matrix.cols > 1 else (_V.T * matrix)[0, 0]
    return form.replace(sp.exp, as_power)


#: Three classes: logits z_k, and E_k = e^{z_k} > 0 so that p_k = E_k / sum_j E_j (Jensen-free, exact).
_Z, _E = sp.symbols("z_1:4", real=True), sp.symbols("E_1:4", positive=True)
_V3 = sp.Matrix(sp.symbols("v_1:4", real=True))


def lse_curvature_form() -> sp.Expr:
    r""":math:`v^\top\nabla^2_z\log\sum_ke^{z_k}\,v`, differentiated by SymPy (three classes), with :math:`e^{z_k}=E_k`.

    The computed side of ``softmax_curvature_psd``: it does not use the formula :math:`S(p)=\operatorname{diag}p-pp^\top`.
    """
    lse = sp.log(sum(sp.exp(z) for z in _Z))
    hessian = sp.hessian(lse, _Z).subs({sp.exp(z): e for z, e in zip(_Z, _E)})
    return (_V3.T * hessian * _V3)[0, 0]


def softmax_spread(half=sp.Rational(1, 2)) -> sp.Expr:
    r"""The formula :math:`\tfrac12\sum_{j,k}p_jp_k(v_j-v_k)^2` with :math:`p=\operatorname{softmax}(z)`
    (``half`` is the constant in front; a wrong one must be rejected)."""
    p = [e / sum(_E) for e in _E]
    return half * sum(p[j] * p[k] * (_V3[j] - _V3[k]) ** 2 for j in range(3) for k in range(3))


def _below_identity_lhs() -> sp.Expr:
    p = sp.Matrix(sp.symbols("p_1:4", real=True))
    return (_V3.T * (sp.eye(3) - lm.softmax_curvature(p)) * _V3)[0, 0]


def _below_identity_rhs() -> sp.Expr:
    p = sp.Matrix(sp.symbols("p_1:4", real=True))
    return sum(((1 - p[k]) * _V3[k] ** 2 for k in range(3)), 0) + (p.T * _V3)[0, 0] ** 2


def _random_instance(seed: int):
    d_in, d_out, n = 1 + seed % 2, 2 + seed % 2, 1 + seed % 3
    xs, ys = lm.seeded_data(n, d_in, d_out, seed, probabilities=True)
    rho = [Fraction((seed * 5 + i * 11) % 17 - 8, 4) * 10 ** (seed % 4) for i in range(d_out * (d_in + 1))]
    return xs, ys, rho


@functools.lru_cache(maxsize=8)
def _closed_hessian(seed: int) -> tuple[sp.Matrix, dict]:
    xs, ys, rho = _random_instance(seed)
    values = dict(zip(lm.parameters(len(xs[0]), len(ys[0])), [_q(v) for v in rho]))
    return lm.cross_entropy_hessian_closed_form(xs, ys), values


def _closed_entry(point) -> sp.Expr:
    matrix, values = _closed_hessian(point[0])
    return matrix[point[1], point[2]].subs(values)


@functools.lru_cache(maxsize=8)
def _mirror_hessian(seed: int) -> tuple:
    xs, ys, rho = _random_instance(seed)
    frac = [[_fr(v) for v in x] for x in xs], [[_fr(v) for v in y] for y in ys]
    return tuple(tuple(r) for r in mirror.hessian("cross_entropy", rho, *frac, dps=60))


def _mirror_points() -> list[tuple[int, int, int]]:
    points = []
    for seed in range(1, 3):
        xs, ys, _ = _random_instance(seed)
        p = len(ys[0]) * (len(xs[0]) + 1)
        points += [(seed, i, (2 * i + seed) % p) for i in range(0, p, 2)]
    return points


def _default_frac() -> tuple[list, list]:
    return [[Fraction(v) for v in x] for x in DEFAULT_XS], [[Fraction(v) for v in y] for y in DEFAULT_YS]


def _norm_below(bound_of) -> StepResult:
    xs, ys = _default_frac()
    bound = bound_of(xs, ys)
    p = len(ys[0]) * (len(xs[0]) + 1)
    worst = mpmath.mpf(0)
    for k in range(10):
        rho = [Fraction(((k + 1) * (i + 3) * 7919) % 41 - 20, 3) * 10 ** (k % 7) for i in range(p)] if k else [0] * p
        with mpmath.workdps(50):
            worst = max(worst, mirror.operator_norm(mirror.hessian("cross_entropy", rho, xs, ys)) / bound)
        if worst > 1:
            return StepResult(False, "numeric", "mirror-eigenvalues", f"||HL(rho)||_op > {bound} at point {k}",
                              counterexample=r"at $\rho = {rho}$: $\|\mathbf HL(\rho)\|_{op}/m = {ratio} > 1$ with $m = {bound}$ "
                                             r"(mirror eigenvalues, 50 digits, shown to 15)",
                              values={"rho": tuple(Fraction(v) for v in rho), "bound": bound,
                                      "ratio": sp.Float(mpmath.nstr(worst, 15), 15)})
    return StepResult(True, "numeric", "mirror-eigenvalues", f"max ||HL(rho)||_op / {bound} = {mpmath.nstr(worst, 8)} "
                      "at 10 points (rho = 0 and |rho| up to 1e6)", sample={"points": 10, "dps": 50})


def _m_of(xs, ys) -> Fraction:
    return sum((abs(sum(y)) * (1 + sum(v * v for v in x)) for x, y in zip(xs, ys)), Fraction(0))


def _just_below_norm_at_zero(xs, ys) -> Fraction:
    p = len(ys[0]) * (len(xs[0]) + 1)
    with mpmath.workdps(50):
        top = mirror.operator_norm(mirror.hessian("cross_entropy", [0] * p, xs, ys))
    return Fraction(int(mpmath.floor(top * 1000)) - 1, 1000)


def _data_for_m(params) -> tuple[list, list]:
    big = 2 * Fraction(math.isqrt(int(params["m"])) + 1)
    return [[big]], [[Fraction(1), Fraction(0)]]


def _entry_exceeds_m(params, data) -> WitnessCheck:
    xs, ys = data
    entry = mirror.hessian_exact("cross_entropy", [Fraction(0)] * 4, xs, ys)[0][0]
    return WitnessCheck(f"(HL(0))_11 = {entry} <= ||HL(0)||_op", f"m = {params['m']}", entry > params["m"])


#: Scopes of the steps checked at one size.
ONE_DATUM = {"n": [1], "d_in": [1], "d_out": [2], "data": "symbolic x"}
ONE_DATUM_A2 = {"n": [1], "d_in": [1], "d_out": [2], "data": "symbolic x, y with y_1 + y_2 = 1"}
THREE_CLASSES = {"classes": [3], "data": "symbolic p (or logits z), v"}


def loss_identically_zero(ys) -> StepResult:
    r"""The cross-entropy loss of one symbolic datum with targets ``ys`` simplifies to 0 identically."""
    value = sp.simplify(sp.expand_log(lm.cross_entropy_loss(_XS, ys), force=True))
    return StepResult(value == 0, "symbolic", "simplify", f"L simplifies to {value}")


@functools.cache
def _hessian_form_a2() -> sp.Expr:
    r""":math:`v^\top\mathbf HL(\rho)v` under Assumption 2, one symbolic datum: built when first checked (it costs
    about a second), once for the printed (32), the display before it and their wrong versions."""
    return _form(lm.hessian(lm.cross_entropy_loss(_XS, _YS_A2), lm.parameters(1, 2)))


def _steps() -> list:
    rho = lm.parameters(1, 2)
    loss_a2 = lm.cross_entropy_loss(_XS, _YS_A2)
    u, rest = sp.Symbol("u", positive=True), sp.Symbol("R", nonnegative=True)
    return [
        Equality(label="logits_linear_in_parameters", latex=r"[f_\rho(x_m)]_j = (M^1x_m+b^1)_j = (J(x_m)\rho)_j",
                 lhs=lm.output([_X, sp.Symbol("x_1_2", real=True)], 2),
                 rhs=lm.output_jacobian([_X, sp.Symbol("x_1_2", real=True)], 2) * sp.Matrix(lm.parameters(2, 2)),
                 scope={"d_in": [2], "d_out": [2], "data": "symbolic x"}),
        Equality(label="logit_hessian_zero", latex=r"\mathbf H[f_\rho(x_m)]_j = 0,\quad \nabla[f_\rho(x_m)]_j = J(x_m)_{j,\cdot}",
                 lhs=sp.Matrix.vstack(*[lm.hessian(f, rho) for f in lm.output([_X], 2)]), rhs=sp.zeros(8, 4),
                 scope=ONE_DATUM),
        Equality(label="loss_rewritten_with_assumption_2",
                 latex=r"L = -\sum_m\sum_j[y_m]_j[f]_j + \sum_m\log\sum_k e^{[f]_k}\quad(\textstyle\sum_j[y_m]_j=1)",
                 lhs=loss_a2, rhs=lm.cross_entropy_loss_rewritten(_XS, _YS_A2), scope=ONE_DATUM_A2),
        Equality(label="gradient_31", latex=r"\nabla L = -\sum_m\sum_j[y_m]_j\nabla[f]_j + \sum_m\frac{\sum_k e^{[f]_k}\nabla[f]_k}{\sum_k e^{[f]_k}}\quad(31)",
                 lhs=lambda: _form(lm.gradient(loss_a2, rho)), rhs=lambda: _form(lm.cross_entropy_gradient_31(_XS, _YS_A2)),
                 budget_s=0.3, justification="Compared as v . grad L for a symbolic direction v.", scope=ONE_DATUM_A2),
        Equality(label="hessian_as_printed_32", latex=r"\mathbf HL(\rho) = \sum_m\Big(\tfrac1{d}\sum_k\nabla[f]_k^\top\nabla[f]_k - \tfrac1{d^2}\big(\sum_k\nabla[f]_k\big)^{\!\top}\big(\sum_k\nabla[f]_k\big)\Big)\quad(32),\ \mathbf H[f]=0",
                 lhs=_hessian_form_a2, rhs=lambda: _form(lm.cross_entropy_hessian_as_printed_32(_XS, _YS_A2)),
                 budget_s=0.05, domain=_DOMAIN,
                 erratum=r"The proof cites (32), derived where $f_\rho(x_m) = 0$ so that every softmax weight is "
                         r"$1/d_{out}$. At depth $0$ that holds only where every logit vanishes (along the ray, "
                         r"$f_{\rho(t)}(x) = tMx \neq 0$); at a general $\rho$ the Hessian is the display before (32), with "
                         r"softmax weights. The two sides are compared as quadratic forms $v^\top\mathbf HL(\rho)\,v$ in a "
                         r"direction $v$, with $E_k := e^{[f]_k}$."),
        Equality(label="hessian_display_before_32", repairs="hessian_as_printed_32",
                 latex=r"\mathbf HL(\rho) = \sum_m\Big(\sum_kp_k\nabla[f]_k^\top\nabla[f]_k - \big(\sum_kp_k\nabla[f]_k\big)^{\!\top}\big(\sum_kp_k\nabla[f]_k\big)\Big),\ p=\operatorname{softmax}(f_\rho(x_m))",
                 lhs=_hessian_form_a2, rhs=lambda: _form(lm.cross_entropy_hessian_display(_XS, _YS_A2)),
                 budget_s=0.3, domain=_DOMAIN, scope=ONE_DATUM_A2,
                 justification="The paper's own display before (32), with H[f] = 0 at depth 0; compared as quadratic "
                               "forms v^T H v (both sides symmetric), symbolic data, one data point (L is a sum)."),
        Cited(label="lemma_16_entrywise", printed=False,
              latex=r"\text{each entry is } \textstyle\sum_kc_kp_k \text{ or a product of two such: bounded (Lemma 16)}",
              reference="Cooper, Lemma 16 (checked as cooper.lemma_16)",
              justification="Part of the repair, not printed: the paper applies Lemma 16 to (32), where it is not "
                            "needed (every term of (32) is constant at depth 0) and which does not hold off f = 0. "
                            "Applied to the display before (32) (coefficients grad[f]_k^T grad[f]_k constant at depth "
                            "0), Lemma 16 bounds each softmax average, and the last term is a product of two of them, "
                            "bounded as a product of bounded functions: a step the paper does not write."),
        Inequality(label="softmax_weight_at_most_one", latex=r"0\le \frac{e^{\ell_j}}{\sum_k e^{\ell_k}} = \frac{u}{u+R}\le 1\quad(u>0,\ R\ge0)",
                   lhs=u / (u + rest), rhs=1),
        Equality(label="softmax_curvature_psd", printed=False,
                 latex=r"v^\top\nabla^2_z\log\textstyle\sum_ke^{z_k}\,v = \tfrac12\sum_{j,k}p_jp_k(v_j-v_k)^2\ge0\quad(p=\operatorname{softmax}(z))",
                 lhs=lse_curvature_form, rhs=softmax_spread(), scope=THREE_CLASSES,
                 justification="Left: SymPy's Hessian of log-sum-exp (not the formula diag p - p p^T); right: the "
                               "formula, a sum of squares with nonnegative weights."),
        Equality(label="softmax_curvature_below_identity", printed=False,
                 latex=r"v^\top(I-S(p))v = \sum_k(1-p_k)v_k^2 + (p\cdot v)^2 \ge 0 \ \Rightarrow\ \|S(p)\|_{\mathrm{op}}\le1",
                 lhs=_below_identity_lhs, rhs=_below_identity_rhs(), scope=THREE_CLASSES),
        Equality(label="jacobian_row_gram", printed=False, latex=r"J(x)J(x)^\top = (1+\|x\|^2)I",
                 lhs=lm.output_jacobian([_X, sp.Symbol("x_1_2", real=True)], 2)
                 * lm.output_jacobian([_X, sp.Symbol("x_1_2", real=True)], 2).T,
                 rhs=(1 + _X**2 + sp.Symbol("x_1_2", real=True) ** 2) * sp.eye(2),
                 scope={"d_in": [2], "d_out": [2], "data": "symbolic x"}),
        Cited(label="norm_of_sum_of_sandwiches", printed=False,
              latex=r"\big\|\sum_m s_mJ_m^\top S_mJ_m\big\|_{\mathrm{op}} \le \sum_m|s_m|\,\|J_m\|_{\mathrm{op}}^2\|S_m\|_{\mathrm{op}} \le m",
              reference="triangle inequality and submultiplicativity of the operator norm"),
        Check(label="hessian_bounded_by_m", latex=r"\|\mathbf HL(\rho)\|_{\mathrm{op}}\le m=\sum_m|s_m|(1+\|x_m\|^2)\ \text{(default data)}",
              run_check=lambda: _norm_below(_m_of), wrong_versions=[lambda: _norm_below(_just_below_norm_at_zero)],
              kind_name="numeric-eigenvalue-bound",
              justification="Proved for all rho and data by steps 6-11; here confirmed with the mirror's eigenvalues."),
        Cited(label="m_smooth_of_bounded_hessian",
              latex=r"\|\nabla L(\beta)-\nabla L(\alpha)\| \le \sup\|\mathbf HL\|_{\mathrm{op}}\,\|\beta-\alpha\| \le m\|\beta-\alpha\|",
              reference="mean value inequality (Cooper, Definition 3 and the remark after it)"),
        Check(label="one_class_loss_is_zero", printed=False, latex=r"b=1:\ L = -\sum_m y_m\log\frac{e^{f}}{e^{f}} = 0",
              run_check=lambda: loss_identically_zero([[_Y1]]),
              wrong_versions=[lambda: loss_identically_zero([[_Y1, 1 - _Y1]])],
              scope={"n": [1], "d_in": [1], "data": "symbolic x, y"},
              justification="With one class the loss is constant, so it is m-smooth at any depth (Thm 14 needs b >= 2); "
                            "the wrong version (two classes) must not simplify to 0."),
        Witness(label="m_depends_on_data", printed=False,
                latex=r"\forall m\ \exists x=2(\lfloor\sqrt m\rfloor+1):\ (\mathbf HL(0))_{11} = x^2/4 > m",
                construct=_data_for_m, verify=_entry_exceeds_m, cases=[{"m": Fraction(10) ** k} for k in (0, 4, 12, 40)],
                wrong_constructions=[lambda p: ([[Fraction(1)]], [[Fraction(1), Fraction(0)]])]),
        NumericAgreement(label="hessian_agrees_with_mirror", printed=False,
                         latex=r"\sum_m s_mJ_m^\top S(p_m)J_m = \text{forward-mode jets (mpmath, 60 digits)},\ |\rho|\le 10^{3}",
                         closed_form=_closed_entry, mirror=lambda p: _mirror_hessian(p[0])[p[1]][p[2]],
                         points=_mirror_points(), describe=lambda p: f"seed={p[0]}, entry=({p[1]},{p[2]})"),
    ]


def _sigma_absent() -> StepResult:
    sigma = generic_activation().formula.func
    f = lm.composition_7([_X], [(lm.weights(1, 2), lm.biases(2))], sigma)
    ok = not f.has(sigma) and sp.expand(f - lm.output([_X], 2)) == sp.zeros(2, 1)
    return StepResult(ok, "symbolic", "expression-inspection", "composition (7) with l = 0: sigma never appears")


def _sigma_at_depth_one() -> StepResult:
    sigma = generic_activation().formula.func
    f = lm.composition_7([_X], [(lm.weights(1, 2), lm.biases(2)), (sp.eye(2), sp.zeros(2, 1))], sigma)
    return StepResult(not f.has(sigma), "symbolic", "expression-inspection", "depth 1 applies sigma")


def _contrast(params, t) -> WitnessCheck:
    value = lm.depth_two_contrast("cross_entropy").subs(sp.Symbol("t", real=True), _q(t))
    return WitnessCheck(f"(HL)_(b^2_1,b^2_1)(rho(t)) at t={t}: {value}", f"m = {params['m']}", value > _q(params["m"]))


def _a2_holds(params) -> bool:
    return "ys" not in params or params["ys"] is None or all(sum(y) == 1 for y in params["ys"])


def _printed_32_for_general_y() -> StepResult:
    rho = lm.parameters(1, 2)
    return Equality(label="printed_32_without_assumption_2", latex="", budget_s=0.05, domain=_DOMAIN,
                    lhs=_form(lm.hessian(lm.cross_entropy_loss(_XS, _YS), rho)),
                    rhs=_form(lm.cross_entropy_hessian_as_printed_32(_XS, _YS))).run()


def _general_formula() -> Equality:
    rho = lm.parameters(1, 2)
    return Equality(label="hessian_general_formula", printed=False,
                    latex=r"\mathbf HL(\rho) = \sum_m s_m J_m^\top\big(\operatorname{diag}p_m - p_mp_m^\top\big)J_m,\quad s_m=\textstyle\sum_j[y_m]_j",
                    lhs=lambda: _form(lm.hessian(lm.cross_entropy_loss(_XS, _YS), rho)),
                    rhs=lambda: _form(lm.cross_entropy_hessian_closed_form(_XS, _YS)), budget_s=0.3, domain=_DOMAIN)


def _assumptions() -> list[Assumption]:
    general = _general_formula()
    without_a2 = Check(label="general_hessian_without_assumption_2", printed=False, latex=general.latex,
                       run_check=general.run, wrong_versions=[_printed_32_for_general_y],
                       scope={"n": [1], "d_in": [1], "d_out": [2], "data": "symbolic x, y (no Assumption 2)"},
                       justification="The general Hessian formula holds for arbitrary y (no Assumption 2).")
    absent = Check(label="depth_zero_output_free_of_sigma", printed=False, latex=r"\ell=0:\ f_\rho=M^1x+b^1",
                   run_check=_sigma_absent, wrong_versions=[_sigma_at_depth_one],
                   scope={"d_in": [1], "d_out": [2], "data": "symbolic x", "activation": "generic sigma"})
    depth_two = Witness(label="depth_two_cross_entropy_hessian_unbounded", printed=False,
                        latex=r"\ell=2,\ \sigma=\tanh,\ b=2:\ (\mathbf HL)_{b^2_1b^2_1}(\rho(t)) = t^2/4 > m",
                        construct=lambda p: Fraction(2 * math.isqrt(int(p["m"])) + 2), verify=_contrast,
                        cases=[{"m": Fraction(10) ** k} for k in (0, 6, 12, 30)], wrong_constructions=[lambda p: Fraction(1)])
    return [
        Assumption("A1", "sigma smooth (footnote 1: second derivative bounded)", r"\sup_u|\sigma''(u)|<\infty",
                   holds=lambda p: "activation" not in p or ray.activation_twice_differentiable(p),
                   necessity=Necessity("superfluous", r"At depth $0$, (7) is $M^1x + b^1$: $\sigma$ is never applied.",
                                       absent)),
        Assumption("A2", "Assumption 2: sum_j y_mj = 1", r"\sum_j [y_m]_j = 1", used_not_stated=True, holds=_a2_holds,
                   necessity=Necessity("superfluous", r"The general Hessian $\sum_m s_mJ_m^\top S_mJ_m$ holds for any $y$ "
                                       r"and is bounded by $\sum_m|s_m|(1 + \|x_m\|^2)$, where $s_m := \sum_j y_{mj}$, $J_m$ is "
                                       r"the Jacobian of $f_\rho(x_m)$ and $S_m$ the softmax covariance "
                                       r"$\operatorname{diag}(p) - pp^\top$; only the printed rewriting (31) uses Assumption 2.",
                                       without_a2)),
        Assumption("A3", "depth l = 0 (no hidden layer)", r"\ell=0",
                   necessity=Necessity("necessary", r"Depth $2$, widths $1$, $\sigma = \tanh$, $b = 2$ classes: on Cooper's "
                                       r"ray $\rho(t)$ the Hessian entry $\partial^2L/\partial(b^2_1)^2 = t^2/4$ is unbounded, "
                                       r"so no $m$ exists.", depth_two)),
    ]


def _data(params: dict[str, Any]) -> tuple[list, list]:
    try:
        return lm.data_from_settings(params["n"], params["d_in"], params["d_out"], params.get("xs"), params.get("ys"),
                                     params["seed"], probabilities=True)
    except lm.BadData as exc:
        raise BadInput(f"{ID}: {exc}") from exc


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    xs, ys = _data(params)
    d_in, d_out = len(xs[0]), len(ys[0])
    weights = lm.softmax_weight_symbols(len(xs), d_out)
    in_weights = lm.cross_entropy_hessian_in_weights(xs, ys)
    uniform = {p: sp.Rational(1, d_out) for row in weights for p in row}
    logits = [list(lm.output(x, d_out)) for x in xs]
    return {"parameters": str(lm.parameters(d_in, d_out)), "logits": str(logits),
            "softmax_weights": {str(p): str(sp.exp(z) / sum(sp.exp(v) for v in row))
                                for prow, row in zip(weights, logits) for p, z in zip(prow, row)},
            "hessian": str(in_weights.tolist()), "hessian_at_rho_0": str(in_weights.subs(uniform).tolist()),
            "m": str(lm.cross_entropy_smoothness_constant(xs, ys)), "parameter_count": d_out * (d_in + 1)}


def theorem() -> Claim:
    r"""Cooper Theorem 15 with its printed proof, step by step."""
    steps = _steps()
    return Claim(
        id=ID, paper="cooper", label="Theorem 15", section="App. D",
        title="Depth 0, cross-entropy loss: the Hessian is bounded, so L is m-smooth",
        statement=r"If $L$ is the cross-entropy loss of a feedforward network with no hidden layers and smooth "
                  r"activation $\sigma$, then $L$ satisfies the $(L_0,L_1)$ condition, and $L$ is $m$-smooth for some $m$.",
        reference="Cooper, A theoretical study of the (L0,L1)-smoothness condition in deep learning, App. D, Theorem 15",
        assumptions=_assumptions(), steps=steps,
        parameters=[Parameter("d_in", "integer", 2, "input width"), Parameter("d_out", "integer", 3, "classes b = d_out"),
                    Parameter("n", "integer", 2, "number of data points"),
                    Parameter("xs", "list", None, "inputs, JSON list of n lists of d_in numbers"),
                    Parameter("ys", "list", None, "class probabilities, JSON list of n lists of d_out numbers"),
                    Parameter("seed", "integer", 0, "seed of the rational data (rows of y sum to 1) when xs/ys are not given"),
                    Parameter("activation", "formula", None, "catalogue activation or formula in z (unused at depth 0)",
                              tuple(CATALOGUE))],
        derive=_derive,
        notes=[r"Explicit $m = \sum_m|s_m|(1 + \|x_m\|^2)$, $s_m := \sum_j y_{mj}$ ($= 1$ under Assumption 2); it "
               r"necessarily depends on the data (checked).",
               r"The printed proof cites (32), which is the Hessian only where all logits vanish; the general "
               r"formula (the display before (32)) repairs it.",
               r"With $b = 1$ class the cross-entropy loss is identically $0$ (checked), at every depth."],
    )
