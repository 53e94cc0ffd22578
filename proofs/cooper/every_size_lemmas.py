r"""Cooper's Lemmas 9-11 (Claims 1-3) for every depth and every width: the jets of the layers on the ray.

A pack module, not a claim.  Perturb the ray point :math:`\rho(t)` along an arbitrary direction
:math:`\delta=(\delta M^i,\delta b^i)_{i=1}^{\ell+1}` and expand every pre-activation to second order in
:math:`\varepsilon`: the first-order coefficient of :math:`f^i_j(\rho(t)+\varepsilon\delta)` is the linear form
:math:`\sum_z\partial_zf^i_j\,\delta z` and the second-order one the quadratic form
:math:`\tfrac12\sum_{z,z'}\partial_z\partial_{z'}f^i_j\,\delta z\,\delta z'`.  Two linear (quadratic) forms in the
entries of :math:`\delta` are equal exactly when their coefficients are, so an identity of forms, with every
direction entry and every size a symbol, is the whole table of first (second) derivatives of Claims 1-3 at once.

Quantities (SymPy undefined functions; the unit j, the widths and the depth are symbols):

* :math:`J(i,j)`: the second-order jet of unit j of layer i, :math:`\Lambda(i,j)` its first-order coefficient;
* :math:`\delta b(i,j)`, :math:`\delta M(i,j,k)`: the entries of the direction; :math:`c(i)`: the width of layer i
  (:math:`c(0)=d_{in}`); :math:`x(q)` the input.

Steps (all ``proved`` for every size):

1. ``first_layer_jet``: :math:`f^1_j=c+\varepsilon(\sum_{q\le d_{in}}\delta M(1,j,q)x(q)+\delta b(1,j))` exactly
   (layer 1 is affine; :math:`M^1=0`, :math:`b^1=c` on the ray).
2. ``hidden_jets_every_layer`` (induction over :math:`i\ge2`):
   :math:`J(i,j)=c+\varepsilon\,\delta b(i,j)+\varepsilon^2\sigma'(c)\sum_{p\le c(i-1)}\delta M(i,j,p)\Lambda(i-1,p)`.
   Base :math:`i=2` from layer 1's jet; the recursion is one hidden row of any width on a generic jet
   :math:`c+\varepsilon\lambda_k+\varepsilon^2q_k` (:func:`symbolic.network.hidden_layer_recursion_any_width`).
3. ``output_jet_every_depth``: the output row on layer ℓ's jet, composed with 1-2 -- for :math:`\ell\ge3`,
   :math:`\ell=2` and :math:`\ell=1` separately (:math:`\Lambda(\ell-1,p)` is :math:`\delta b(\ell-1,p)`, the
   layer-1 form, or the output row sees layer 1 directly).
4. The printed tables as forms: Lemma 10's linear form, Lemma 11's quadratic form, and Claims 1-3 at every layer
   as a case split over :math:`1\le i\le\ell+1` (Z3 proves that the cases cover the layers).
5. Depth 1 (the claim ``cooper.depth_1``): where Lemmas 9 and 11 fail (the input-weight terms, shown nonzero on the
   smallest network), the degrees in t of Df and Hf, :math:`\deg_t\|\nabla L\|^2\le2` (loss slopes at f = 0 free of
   t), the shifted ray without Assumption 1, and the witness :math:`t^*(L_0,L_1)` from :math:`g\le r_a+r_bt` (Z3).
6. :func:`agreement_with_jets`: the forms against :func:`symbolic.network.layer_jets` (the exact jets of whole
   networks) -- the independent cross-check, on small networks in the default tests, random larger ones in deep tests.

Trusted, and said in each justification: that a pre-activation's second-order jet along :math:`\delta` is computed
by the layer map (the network's definition, eqs. (9)-(10)), and the forward induction of
:mod:`proofs.cooper.every_size` (every hidden pre-activation is c on the ray, so a row's inputs are
:math:`c+O(\varepsilon)`).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any, Callable

import sympy as sp

import z3

from proofs.cooper.every_size import D_IN, ELL
from proofs.evidence import weakest
from proofs.induction import BaseCase, Induction, InductiveStep, Recursion
from proofs.steps import CaseSplit, Check, Step, StepResult
from symbolic import network as net
from symbolic.activations import C, SIGMA, SIGMA_1, SIGMA_2

__all__ = ["agreement_with_jets", "claim_table_every_layer", "degree_step", "first_layer_step", "grad_norm_degree_step",
           "grad_norms_step", "hessian_entries_step", "hidden_jet_induction", "lemma_9_fails_at_depth_1_step",
           "lemma_9_step", "lemma_10_at_depth_1_step", "lemma_10_step", "lemma_11_fails_at_depth_1_step",
           "lemma_11_step", "output_jet", "shifted_ray_step", "triangle_witness_step", "values_on_ray_step"]

EPS, T = net.EPSILON, net.T
#: A layer i and a unit j of layer i (the depth ℓ and d_in are every_size's symbols).
LAYER = sp.Symbol("i", integer=True, positive=True)
UNIT = sp.Symbol("j", integer=True, positive=True)
#: Summation indices: k over layer ℓ's units (the row of :mod:`symbolic.network`), p over the layer below, q over inputs.
K_IDX = net.ROW_INDEX
P_IDX = sp.Symbol("p", integer=True, positive=True)
Q_IDX = sp.Symbol("q", integer=True, positive=True)

Jet = sp.Function("J")
Lam = sp.Function("Lambda")
DB = sp.Function("delta_b")
DM = sp.Function("delta_M")
Width = sp.Function("c")
X = sp.Function("x")

# The generic row of symbolic.network's any-width recursions (one unit; its inputs c + eps lambda_k + eps^2 q_k).
_ROW_DB = sp.Symbol("db", real=True)
_ROW_DM, _ROW_LAM, _ROW_Q, _ROW_M = (sp.IndexedBase(name, real=True) for name in ("dM", "lambda", "q", "M"))


def first_order_statement(i: Any, j: Any = UNIT) -> sp.Eq:
    r"""P(i): :math:`\Lambda(i,j)=\delta b(i,j)`: the first-order part of unit j of hidden layer i is its own bias
    direction alone (every first derivative of :math:`f^i_j` is 0 but the one in :math:`b^i_j`, which is 1)."""
    return sp.Eq(Lam(i, j), DB(i, j))


@functools.lru_cache(maxsize=256)
def truncated(expr: sp.Expr) -> sp.Expr:
    r"""The second-order truncation in :math:`\varepsilon` of ``expr`` (generic :math:`\sigma`, values at c)."""
    return sp.expand(net.substitute_at_c(sp.series(expr, EPS, 0, 3).removeO().doit()))


def hidden_row(inputs: Callable[[sp.Symbol], sp.Expr], fan_in: Any, bias: Any, weight: Callable[[sp.Symbol], sp.Expr],
               hidden_weight: Any = 0) -> sp.Expr:
    r"""A hidden unit along :math:`\rho(t)+\varepsilon\delta`, truncated at order 2:
    :math:`\sum_{p\le fan\_in}(M+\varepsilon\,\delta M_p)\sigma(u_p)+c+\varepsilon\,\delta b` (on the ray M = 0, b = c).
    Truncation is linear, so the row is the sum of its truncated summands (the width stays a symbol)."""
    return sp.Sum(truncated((hidden_weight + EPS * weight(K_IDX)) * SIGMA(inputs(K_IDX))), (K_IDX, 1, fan_in)) \
        + C + EPS * bias


# ---------------------------------------------------------------- layer 1 and the induction over the hidden layers


def first_layer_jet(weight: Any = 0, bias: Any = C) -> sp.Expr:
    r"""Unit j of layer 1 along the direction: :math:`\sum_{q\le d_{in}}(M^1_{jq}+\varepsilon\delta M(1,j,q))x(q)
    +b^1_j+\varepsilon\delta b(1,j)` at the ray's :math:`M^1=0`, :math:`b^1=c` (``weight``, ``bias``: wrong rays)."""
    return sp.Sum((weight + EPS * DM(1, UNIT, Q_IDX)) * X(Q_IDX), (Q_IDX, 1, D_IN)) + bias + EPS * DB(1, UNIT)


def layer_1_form() -> sp.Expr:
    r""":math:`\Lambda(1,j)=\sum_{q\le d_{in}}\delta M(1,j,q)x(q)+\delta b(1,j)` (Claims 1, 2 at i = 1: the derivative
    in :math:`w^1_{jq}` is :math:`x_q`, i.e. :math:`\Delta^1_{jq}x`, in :math:`b^1_j` it is 1, all others 0)."""
    return sp.Sum(DM(1, UNIT, Q_IDX) * X(Q_IDX), (Q_IDX, 1, D_IN)) + DB(1, UNIT)


def first_layer_step(weight: Any = 0, bias: Any = C) -> Check:
    return Check(label="first_layer_jet", printed=False, kind_name="form-for-every-size",
                    latex=r"f^1_j(\rho(t)+\varepsilon\delta)=c+\varepsilon\Big(\sum_{q=1}^{d_{in}}\delta M^1_{jq}x_q"
                          r"+\delta b^1_j\Big)\quad(\text{exactly})",
                    run_check=lambda: form_check(lambda: first_layer_jet(weight, bias), lambda: C + EPS * layer_1_form(),
                                                 "layer 1"),
                    wrong_versions=[lambda: form_check(lambda: first_layer_jet(weight, 0), lambda: C + EPS * layer_1_form(),
                                                       "layer 1 with b^1 = 0"),
                                    lambda: form_check(lambda: first_layer_jet(1, bias), lambda: C + EPS * layer_1_form(),
                                                       "layer 1 with M^1 = 1")],
                    justification="Layer 1 is affine in its parameters: f^1 = M^1 x + b^1 (eq. (9)), on the ray "
                                  "M^1 = 0 and b^1 = c (16); d_in a symbol. Its first-order part is Claim 1 (17) and "
                                  "Claim 2 (20) at i = 1; there is no second-order part.")


def _row_generic(i: Any) -> dict:
    r"""The generic row of :func:`symbolic.network.hidden_layer_recursion_any_width` read as unit j of layer i + 1."""
    return {_ROW_DB: DB(i + 1, UNIT), _ROW_DM[K_IDX]: DM(i + 1, UNIT, K_IDX), _ROW_LAM[K_IDX]: Lam(i, K_IDX),
            net.WIDTH: Width(i)}


def row_first_order(jet: sp.Expr) -> sp.Expr:
    r"""The :math:`\varepsilon` coefficient of a row's truncated jet (sums split, summands expanded)."""
    return sp.expand(sp.expand(jet).doit()).coeff(EPS, 1)


def hidden_jet_induction(bias: Any = None, start: int = 2) -> Induction:
    r"""P(i) (:func:`first_order_statement`) for every hidden layer :math:`i\ge2`, every width, every unit.

    Base (i = 2): unit j of layer 2 on layer 1's exact jet :math:`c+\varepsilon\Lambda(1,k)` (first_layer_jet).
    Recursion: one hidden row of any width K on a generic jet :math:`c+\varepsilon\lambda_k+\varepsilon^2q_k`
    (the inputs' constant is c: the forward induction); its first-order part is :math:`\delta b` alone, whatever
    :math:`\lambda` and q are.  ``bias`` replaces the direction's bias of layer 2 (a wrong base)."""
    layer_2_bias = DB(2, UNIT) if bias is None else bias
    base = BaseCase(label="layer_2_first_order", quantity=Lam(2, UNIT),
                    latex=r"\Lambda(2,j)=[\varepsilon]\Big(\sum_{k\le c_1}\varepsilon\delta M^2_{jk}\sigma(c+\varepsilon\Lambda(1,k))"
                          r"+c+\varepsilon\delta b^2_j\Big)=\delta b^2_j",
                    lhs=lambda: row_first_order(hidden_row(lambda k: C + EPS * Lam(1, k), Width(1), layer_2_bias,
                                                           lambda k: DM(2, UNIT, k))),
                    rhs=DB(2, UNIT),
                    justification="Layer 2 (eq. (10)) with M^2 = 0, b^2 = c on the ray, its inputs layer 1's exact jet "
                                  "c + eps Lambda(1, k) (step first_layer_jet), c(1) units: a symbol.")
    layer = Recursion(label="next_hidden_layer_first_order", quantity_next=Lam(LAYER + 1, UNIT),
                      generic=_row_generic(LAYER),
                      latex=r"\Lambda(i+1,j)=[\varepsilon]\Big(\sum_{k\le c_i}\varepsilon\delta M^{i+1}_{jk}\sigma(c+\varepsilon\lambda_k"
                            r"+\varepsilon^2q_k)+c+\varepsilon\delta b^{i+1}_j\Big)=\delta b^{i+1}_j",
                      lhs=lambda: row_first_order(net.hidden_layer_recursion_any_width()[0]),
                      rhs=_ROW_DB,
                      justification="Definition: unit j of layer i + 1 is sum_k (M^{i+1}_jk + eps dM_k) sigma(f^i_k) "
                                    "+ b^{i+1}_j + eps db with M^{i+1} = 0, b^{i+1} = c on the ray; its inputs are "
                                    "layer i's jets c + eps lambda_k + eps^2 q_k (constant c: forward induction "
                                    "hidden_preactivation_is_c), generic, K = c(i) units a symbol "
                                    "(symbolic.network.hidden_layer_recursion_any_width). Read as unit j of layer i + 1: "
                                    "db = delta_b(i+1, j).")
    step = InductiveStep(label="first_order_layer_to_layer", hypothesis=first_order_statement(LAYER),
                         conclusion=first_order_statement(LAYER + 1), facts=(layer.establishes,),
                         latex=r"\Lambda(i,j)=\delta b^i_j\Rightarrow\Lambda(i+1,j)=\delta b^{i+1}_j")
    return Induction(label="hidden_first_order_every_layer", variable=LAYER, start=start,
                     uses=("values_on_ray_every_size", "first_layer_jet"),
                     statement=first_order_statement, base=base, step=step, using=(layer,), printed=False,
                     latex=r"\forall i\ge2:\ \partial_zf^i_j(\rho(t))\,\delta z\ \text{summed}=\delta b^i_j:\quad"
                           r"\partial_{b^{i}_{j}}f^i_j=1,\ \text{every other first derivative of }f^i_j=0",
                     justification="Induction over the hidden layer (proofs.induction), every width a symbol: the "
                                   "first-order part of every hidden layer i >= 2 is delta b^i alone, which is Claims 1 "
                                   "and 2 for 2 <= i <= l (the derivative in b^i_j is Delta^i_j, every other first "
                                   "derivative 0). Like the forward induction it closes without its hypothesis: "
                                   "M^i = 0 cuts layer i off from the layers below at first order.")


# ---------------------------------------------------------------- the output row on layer ℓ's jet

R_OUT = sp.Symbol("r", integer=True, positive=True)
#: The cases of the depth: what layer ℓ - 1 is (a hidden layer >= 2, layer 1, or none: ℓ = 1); "l>=2" leaves layer
#: ℓ's second-order part generic (enough for first derivatives).
DEPTH_CASES = ("l>=3", "l=2", "l=1")


def _depth(case: str) -> sp.Expr:
    return {"l>=3": ELL, "l>=2": ELL, "l=2": sp.Integer(2), "l=1": sp.Integer(1)}[case]


def hidden_first_order(i: sp.Expr, unit: sp.Expr) -> sp.Expr:
    r""":math:`\Lambda(i,unit)` as proved: :math:`\delta b(i,unit)` for :math:`i\ge2` (the induction's statement),
    the layer-1 form at i = 1 (first_layer_jet)."""
    if i == 1:
        return layer_1_form().xreplace({UNIT: unit})
    return first_order_statement(i, unit).rhs


def hidden_second_order(i: sp.Expr, unit: sp.Expr) -> sp.Expr:
    r"""The :math:`\varepsilon^2` part of unit ``unit`` of hidden layer i: 0 at i = 1 (affine), else the hidden row's
    :math:`\sigma'(c)\sum_p\delta M(i,unit,p)\Lambda(i-1,p)` (next_hidden_layer_first_order's row, its second order),
    with :math:`\Lambda(i-1,p)` as proved."""
    if i == 1:
        return sp.Integer(0)
    row = _coefficient(net.hidden_layer_recursion_any_width()[0], 2)  # the truncated row itself, as computed
    return row.xreplace({_ROW_DM[K_IDX]: DM(i, unit, P_IDX), _ROW_LAM[K_IDX]: hidden_first_order(i - 1, P_IDX),
                         K_IDX: P_IDX, net.WIDTH: Width(i - 1)})


@functools.cache
def output_jet(case: str) -> sp.Expr:
    r"""Output r along the direction, to second order: the output row
    :math:`\sum_{k\le c(\ell)}(tM_{rk}+\varepsilon\delta M(\ell+1,r,k))\sigma(f^\ell_k)+\varepsilon\delta b(\ell+1,r)`
    (:func:`symbolic.network.output_layer_recursion_any_width`, its computed side) on layer ℓ's jet
    :math:`c+\varepsilon\Lambda(\ell,k)+\varepsilon^2q_k` as proved for the depth ``case``."""
    ell = _depth(case)
    computed = net.output_layer_recursion_any_width()[0]
    second = {} if case == "l>=2" else {_ROW_Q[K_IDX]: hidden_second_order(ell, K_IDX)}
    return computed.xreplace({_ROW_LAM[K_IDX]: hidden_first_order(ell, K_IDX), **second,
                              _ROW_DM[K_IDX]: DM(ell + 1, R_OUT, K_IDX), _ROW_DB: DB(ell + 1, R_OUT),
                              net.WIDTH: Width(ell)})


@functools.lru_cache(maxsize=1024)
def split_sums(expr: sp.Expr) -> sp.Expr:
    r"""Every sum written as a sum of sums of monomials, each factor that does not depend on the summation index
    pulled out: :math:`\sum_k(a\,u_k+v_k)=a\sum_ku_k+\sum_kv_k` (linearity of a finite sum, any number of terms).
    Innermost sums first, then the outer ones, until nothing changes."""
    def one(s: sp.Sum) -> sp.Expr:
        if len(s.limits) > 1:  # a multiple sum: the innermost index first
            inner = one(sp.Sum(s.function, s.limits[0]))
            if not (isinstance(inner, sp.Sum) and inner.function == sp.expand(s.function)):
                return one(sp.Sum(inner, *s.limits[1:]))
            # nothing to split at the innermost index (SymPy would fold the sums again): pull out, over all indices
        variables = [limit[0] for limit in s.limits]
        terms = sp.Add.make_args(sp.expand(s.function))
        return sp.Add(*[outside * sp.Sum(inside, *s.limits) if inside != 1 else outside * sp.Sum(1, *s.limits).doit()
                        for outside, inside in (term.as_independent(*variables, as_Add=False) for term in terms)])

    previous = None
    while previous != expr:
        previous, expr = expr, sp.expand(expr.replace(lambda e: isinstance(e, sp.Sum), one))
    return expr


def _coefficient(expr: sp.Expr, order: int) -> sp.Expr:
    r"""The :math:`\varepsilon^{order}` coefficient of a jet (sums split first, so that :math:`\varepsilon` is outside)."""
    return split_sums(expr).coeff(EPS, order)


def _units(summand: sp.Expr, ell: sp.Expr) -> sp.Sum:
    return sp.Sum(summand, (K_IDX, 1, Width(ell)))


def _below(summand: sp.Expr, ell: sp.Expr) -> sp.Sum:
    return sp.Sum(summand, (P_IDX, 1, Width(ell - 1)))


M_OUT = _ROW_M  # M[k]: the entry M_{rk} of the ray's direction in output r's row


def lemma_10_form(ell: sp.Expr, *, t_factor: Any = T) -> sp.Expr:
    r"""Lemma 10 (20) at :math:`i=\ell+1` as a linear form in the direction: :math:`\Delta^{\ell+1}_{j_1}` for
    :math:`b^{\ell+1}`, :math:`\sigma'(c)tM\Delta^\ell_{j_1}` for :math:`b^\ell`, 0 for every other bias and (Lemma 9)
    every weight: :math:`\delta b(\ell+1,r)+\sum_k\sigma'(c)\,t\,M_{rk}\,\delta b(\ell,k)`."""
    return DB(ell + 1, R_OUT) + _units(SIGMA_1 * t_factor * M_OUT[K_IDX] * DB(ell, K_IDX), ell)


def lemma_11_form(ell: sp.Expr, *, second: Any = SIGMA_2) -> sp.Expr:
    r"""Lemma 11 as the quadratic form :math:`\tfrac12\sum_{z,z'}\partial_z\partial_{z'}f_r\,\delta z\,\delta z'` of
    its table (each unordered pair of distinct parameters twice, halved):
    :math:`(w^{\ell+1},b^\ell)`: :math:`\sigma'`; :math:`(w^\ell,b^{\ell-1})`: :math:`\sigma'^2tM`; at ℓ = 2
    :math:`(w^2,w^1)`: :math:`\sigma'^2tM\Delta\Delta x`; :math:`(b^\ell,b^\ell)`: :math:`\sigma''tM(\Delta\odot\Delta)`
    (the diagonal, halved)."""
    out = (_units(SIGMA_1 * DM(ell + 1, R_OUT, K_IDX) * DB(ell, K_IDX), ell)
           + _units(second * T * M_OUT[K_IDX] * DB(ell, K_IDX) ** 2 / 2, ell))
    if ell != 1:  # (22), second case: i_1 + 1 = i_2 = l needs a layer l - 1 >= 1
        out += _units(_below(SIGMA_1**2 * T * M_OUT[K_IDX] * DM(ell, K_IDX, P_IDX) * DB(ell - 1, P_IDX), ell), ell)
    if ell == 2:
        out += _units(_below(sp.Sum(SIGMA_1**2 * T * M_OUT[K_IDX] * DM(2, K_IDX, P_IDX) * DM(1, P_IDX, Q_IDX) * X(Q_IDX),
                                    (Q_IDX, 1, D_IN)), ell), ell)
    return out


# ---------------------------------------------------------------- checking an identity of forms for every size

#: Sizes at which a form identity is also written out (every width and d_in the same, then two shapes).
FINITE_SIZES = (1, 2, 3)


def at_sizes(expr: sp.Expr, size: int, depth: int = 4) -> sp.Expr:
    r"""``expr`` with every width :math:`c(i)` and :math:`d_{in}` equal to ``size`` and ℓ = ``depth``, sums written out
    and each direction entry a plain symbol (so that a difference is a polynomial in symbols)."""
    expr = sp.sympify(expr).subs(ELL, depth)
    widths = {w: size for w in expr.atoms(sp.core.function.AppliedUndef) if w.func == Width}
    finite = expr.xreplace({**widths, D_IN: size}).doit()
    return sp.expand(finite.replace(lambda e: isinstance(e, sp.Indexed),
                                    lambda e: sp.Symbol(f"{e.base}_{'_'.join(map(str, e.indices))}", real=True)))


def form_check(computed: Callable[[], sp.Expr], printed: Callable[[], sp.Expr], what: str) -> StepResult:
    r"""``computed() == printed()`` as forms in the direction, with every size a symbol.

    Both sides are brought to sums of monomial sums (:func:`split_sums`: linearity of a finite sum) and compared
    exactly: ``proved`` for every width, :math:`d_{in}` and depth when the difference is 0.  A wrong form is refuted
    with the sizes written out (all equal to 1, 2 or 3): the first size where the difference is not 0."""
    difference = sp.sympify(computed()) - sp.sympify(printed())
    for size in FINITE_SIZES:
        finite = at_sizes(difference, size)
        if finite != 0:
            return StepResult(False, "symbolic", "exact-at-sizes", f"{what}: with every width and d_in = {size} the "
                              f"forms differ by {net_short(finite)}",
                              counterexample=r"with every width and $d_{in}$ equal to {size} (depth {depth}) the two "
                                             r"forms differ by ${gap}$",
                              values={"size": size, "depth": 4, "gap": finite})
    if split_sums(difference) == 0:
        return StepResult(True, "symbolic", "split-sums+expand",
                          f"{what}: equal as forms with every width, d_in and the depth symbols", engines=("sympy:expand",))
    return StepResult(True, "symbolic", "exact-at-sizes", f"{what}: SymPy cannot reduce the symbolic difference; equal "
                      f"with every width and d_in in {list(FINITE_SIZES)}", evidence="proved-on-scope",
                      scope={"widths = d_in": list(FINITE_SIZES), "depth": 4})


def net_short(expr: sp.Expr, limit: int = 160) -> str:
    text = str(expr)
    return text if len(text) <= limit else text[:limit] + "..."


def weight_free_check(expr: Callable[[], sp.Expr]) -> StepResult:
    r"""The form names no weight direction :math:`\delta M(\cdot)`: its derivative in every weight is 0."""
    weights = sorted({str(a) for a in sp.sympify(expr()).atoms(sp.core.function.AppliedUndef) if a.func == DM})
    if weights:
        return StepResult(False, "symbolic", "atoms", f"the first-order part names weight directions {weights[:4]}",
                          counterexample=r"the first-order part has the term ${term}$ in a weight direction, so "
                                         r"$\partial f/\partial w\ne0$ there",
                          values={"term": next(t for t in sp.Add.make_args(split_sums(sp.sympify(expr())))
                                               if t.has(DM))})
    return StepResult(True, "symbolic", "atoms", "the first-order part names no weight direction: every first "
                      "derivative in a weight is 0")


def first_order_part(case: str) -> sp.Expr:
    return _coefficient(output_jet(case), 1)


def second_order_part(case: str) -> sp.Expr:
    return _coefficient(output_jet(case), 2)


# ---------------------------------------------------------------- the lemmas for every size

_OUT_JUSTIFICATION = ("The output row (eq. (10) at i = l + 1, M^{l+1} = tM, b^{l+1} = 0) of any width c(l) on layer "
                      "l's jet as proved (hidden_first_order_every_layer, next_hidden_layer_first_order's second order, "
                      "first_layer_jet); the forms compared with every width, d_in and l symbols. ")


def lemma_10_step(case: str = "l>=2", *, t_factor: Any = T) -> Check:
    r"""Lemma 10 for every depth ℓ ≥ 2 (``case``) and width: the first-order part of output r is its linear form."""
    ell = _depth(case)
    return Check(label="lemma_10_every_size", printed=False, kind_name="form-for-every-size", uses=("values_on_ray_every_size", "first_layer_jet", "hidden_first_order_every_layer"),
                 latex=r"\ell\ge2:\ \sum_z\partial_zf_r\,\delta z=\delta b^{\ell+1}_r+\sigma'(c)\,t\sum_{k=1}^{c_\ell}M_{rk}"
                       r"\,\delta b^\ell_k",
                 run_check=lambda: form_check(lambda: first_order_part(case), lambda: lemma_10_form(ell, t_factor=t_factor),
                                              "Lemma 10"),
                 wrong_versions=[lambda: form_check(lambda: first_order_part(case), lambda: lemma_10_form(ell, t_factor=1),
                                                    "Lemma 10 without t"),
                                 lambda: form_check(lambda: first_order_part("l=1"), lambda: lemma_10_form(sp.Integer(1)),
                                                    "Lemma 10 at depth 1 with no weight terms")],
                 justification=_OUT_JUSTIFICATION + "Read coefficient by coefficient this is (20) at i = l + 1: "
                               "Delta^{l+1}_{j1}, sigma'(c) t M Delta^l_{j1}, and 0 for every other bias and weight.")


def lemma_9_step(case: str = "l>=2") -> Check:
    r"""Lemma 9 for every depth ℓ ≥ 2 and width: no weight direction in the first-order part of the output."""
    return Check(label="lemma_9_every_size", printed=False, kind_name="form-for-every-size", uses=("values_on_ray_every_size", "first_layer_jet", "hidden_first_order_every_layer"),
                 latex=r"\ell\ge2:\ \sum_z\partial_zf_\rho\,\delta z\ \text{names no }\delta w\ \Rightarrow\ "
                       r"\partial_{w^{i_1}_{j_1k_1}}f_\rho(x)|_{\rho(t)}=0",
                 run_check=lambda: weight_free_check(lambda: first_order_part(case)),
                 wrong_versions=[lambda: weight_free_check(lambda: first_order_part("l=1"))],
                 justification=_OUT_JUSTIFICATION + "A linear form in the direction that does not name delta M^i_jk has "
                               "coefficient 0 there: every first derivative of f in a weight vanishes, every layer.")


def lemma_11_case(case: str, *, second: Any = SIGMA_2) -> Check:
    ell = _depth(case)
    return Check(label=f"lemma_11_every_size_{'l_2' if case == 'l=2' else 'l_ge_3'}", printed=False,
                 kind_name="form-for-every-size",
                 latex=(r"\ell=2" if case == "l=2" else r"\ell\ge3") + r":\ \tfrac12\sum_{z,z'}\partial_z\partial_{z'}f_r\,"
                       r"\delta z\,\delta z'=\text{the quadratic form of Lemma 11}",
                 run_check=lambda: form_check(lambda: second_order_part(case), lambda: lemma_11_form(ell, second=second),
                                              f"Lemma 11 ({case})"),
                 wrong_versions=[lambda: form_check(lambda: second_order_part(case),
                                                    lambda: lemma_11_form(ell, second=SIGMA_1), "sigma' for sigma''"),
                                 lambda: form_check(lambda: second_order_part("l>=3" if case == "l=2" else "l=2"),
                                                    lambda: lemma_11_form(ell), "the other depth's table")],
                 justification=_OUT_JUSTIFICATION + "Two quadratic forms are equal exactly when their symmetric "
                               "coefficient matrices are (polarization): every second derivative of f_r equals "
                               "Lemma 11's entry, and every pair the lemma does not list gives 0.")


def lemma_11_step() -> CaseSplit:
    r"""Lemma 11 for every depth ℓ ≥ 2 and width: ℓ = 2 (layer 1 below, (21) arises) and ℓ ≥ 3."""
    return CaseSplit(label="lemma_11_every_size", printed=False, uses=("values_on_ray_every_size", "first_layer_jet", "hidden_first_order_every_layer"),
                     latex=r"\forall\ell\ge2:\ \text{the nonzero second derivatives of }f_\rho\text{ at }\rho(t)\text{ are "
                           r"those of Lemma 11}",
                     cases=((sp.Eq(ELL, 2), lemma_11_case("l=2")), (ELL >= 3, lemma_11_case("l>=3"))),
                     domain={ELL: (2, sp.oo)},
                     justification="Layer l - 1 is layer 1 (first-order part delta M^1 x + delta b^1) when l = 2 and a "
                                   "hidden layer (delta b^{l-1}) when l >= 3; Z3 proves the two cases cover l >= 2.")


# ---------------------------------------------------------------- where they fail: depth ℓ = 1


def input_weight_terms() -> sp.Expr:
    r"""What ℓ = 1 adds to the first-order part: :math:`\sigma'(c)\,t\sum_kM_{rk}\sum_q\delta M^1_{kq}x_q`."""
    return _units(sp.Sum(SIGMA_1 * T * M_OUT[K_IDX] * DM(1, K_IDX, Q_IDX) * X(Q_IDX), (Q_IDX, 1, D_IN)), sp.Integer(1))


def depth_1_second_order_extra() -> sp.Expr:
    r"""What ℓ = 1 adds to Lemma 11's quadratic form, with :math:`u_k=\sum_q\delta M^1_{kq}x_q`:
    :math:`\sigma'(c)\sum_k\delta M^2_{rk}u_k+\sigma''(c)t\sum_kM_{rk}(\tfrac12u_k^2+\delta b^1_ku_k)`."""
    u = sp.Sum(DM(1, K_IDX, Q_IDX) * X(Q_IDX), (Q_IDX, 1, D_IN))
    one = sp.Integer(1)
    return (_units(SIGMA_1 * DM(2, R_OUT, K_IDX) * u, one)
            + _units(SIGMA_2 * T * M_OUT[K_IDX] * (u**2 / 2 + DB(1, K_IDX) * u), one))


def smallest_instance_derivative(form: sp.Expr, *directions: sp.Expr) -> sp.Expr:
    r"""The derivative of ``form`` in the given direction entries at the smallest network (one unit, one input, one
    output): widths and :math:`d_{in}` 1, the sums written out, then ordinary differentiation."""
    finite = sp.sympify(form).xreplace({Width(sp.Integer(1)): 1, D_IN: 1, R_OUT: 1}).doit()
    return sp.diff(finite, *directions)


def depth_1_failure_check(order: int, extra: Callable[[], sp.Expr], directions: tuple, at: dict) -> StepResult:
    r"""At ℓ = 1 the part of order ``order`` is the printed form plus ``extra()`` (for every width and d_in), and
    at the smallest network the derivative in ``directions`` of the whole part, at the point ``at``, is not 0."""
    printed = lemma_10_form(sp.Integer(1)) if order == 1 else lemma_11_form(sp.Integer(1))
    part = lambda: _coefficient(output_jet("l=1"), order)  # noqa: E731
    identity = form_check(part, lambda: printed + extra(), f"depth 1, order {order}")
    if not identity.ok:
        return identity
    value = smallest_instance_derivative(part(), *directions)
    at_point = sp.simplify(value.subs(at))
    if at_point == 0 or not (at_point / SIGMA_1).is_nonzero:
        return StepResult(False, "symbolic", "exact", f"the derivative {value} is 0 at {at}: no failure shown")
    shown = ", ".join(str(d) for d in directions)
    return StepResult(True, "symbolic", "exact", f"{identity.detail}; at widths = d_in = 1 the derivative in {shown} is "
                      f"{value}, = {at_point} != 0 at {at} (sigma'(c) != 0, Assumption 1)", engines=identity.engines,
                      values={"derivative": value, "point": at, "value": at_point})


def lemma_9_fails_at_depth_1_step() -> Check:
    r"""ℓ = 1: the first-order part is Lemma 10's form plus :math:`\sigma'(c)t\sum_kM_{rk}\sum_q\delta M^1_{kq}x_q`;
    :math:`\partial f/\partial w^1_{11}=\sigma'(c)tM_{11}x_1=\sigma'(c)\ne0` at t = M = x = 1."""
    at = {T: 1, M_OUT[1]: 1, X(1): 1}
    return Check(label="lemma_9_fails_at_depth_1_every_size", printed=False, kind_name="form-for-every-size",
                 uses=("values_on_ray_every_size", "first_layer_jet"),
                 latex=r"\ell=1:\ \partial_{w^1_{kq}}f_r=\sigma'(c)\,t\,M_{rk}x_q,\ \text{e.g. }\sigma'(c)\ne0\text{ at }"
                       r"t=M=x=1",
                 run_check=lambda: depth_1_failure_check(1, input_weight_terms, (DM(1, 1, 1),), at),
                 wrong_versions=[lambda: depth_1_failure_check(1, lambda: 0, (DM(1, 1, 1),), at),
                                 lambda: depth_1_failure_check(1, input_weight_terms, (DB(1, 1),), {T: 0})],
                 justification=_OUT_JUSTIFICATION + "At l = 1 the output row sees layer 1 directly, whose first-order "
                               "part carries delta M^1 x: Lemma 9 fails for every width and d_in, shown exactly on the "
                               "smallest network.")


def lemma_11_fails_at_depth_1_step() -> Check:
    r"""ℓ = 1: Lemma 11's form plus the input-weight terms; :math:`\partial^2f/\partial w^2_{11}\partial w^1_{11}=
    \sigma'(c)x_1\ne0` (x = 1): a pair the lemma does not list."""
    directions, at = (DM(2, 1, 1), DM(1, 1, 1)), {X(1): 1}
    return Check(label="lemma_11_fails_at_depth_1_every_size", printed=False, kind_name="form-for-every-size",
                 uses=("values_on_ray_every_size", "first_layer_jet"),
                 latex=r"\ell=1:\ \partial_{w^2_{rk}}\partial_{w^1_{kq}}f_r=\sigma'(c)x_q,\ "
                       r"\partial^2_{(w^1_{kq})^2}f_r=\sigma''(c)tM_{rk}x_q^2,\ \dots\ \text{(not in Lemma 11)}",
                 run_check=lambda: depth_1_failure_check(2, depth_1_second_order_extra, directions, at),
                 wrong_versions=[lambda: depth_1_failure_check(2, lambda: 0, directions, at),
                                 lambda: depth_1_failure_check(2, depth_1_second_order_extra, directions, {X(1): 0})],
                 justification=_OUT_JUSTIFICATION + "At l = 1 layer 1's first-order part delta M^1 x + delta b^1 enters "
                               "the output's second-order part: pairs with an input weight appear, for every width.")


# ---------------------------------------------------------------- Claims 1-3: every layer 1 <= i <= l + 1


@dataclass(frozen=True, kw_only=True)
class LayerCases(CaseSplit):
    r"""A case split over the layers :math:`1\le i\le\ell+1` of a network of depth ℓ (≥ ``min_depth``): Z3 proves
    that the conditions cover every such i (the bound ℓ + 1 is a symbol, so it is a premise, not an interval)."""

    layer: sp.Symbol = LAYER
    depth: sp.Symbol = ELL
    min_depth: int = 2

    def check(self) -> StepResult:
        conditions = [sp.sympify(c) for c, _ in self.cases]
        gap = integer_cover_gap(conditions, self.layer, self.depth, self.min_depth)
        if gap is not None:
            return StepResult(False, "symbolic", "z3-cover", f"the cases miss the layer {self.layer} = {gap[0]} of a "
                              f"network of depth {self.depth} = {gap[1]}",
                              counterexample=r"no case covers the layer {point}",
                              values={"point": {self.layer: gap[0], self.depth: gap[1]}}, engines=("z3",))
        results = [step.run() for _, step in self.cases]
        for condition, (step, result) in zip(conditions, zip([s for _, s in self.cases], results)):
            if not result.ok:
                return dataclasses.replace(result, detail=f"layers {condition} ({step.label}): {result.detail}")
        level = weakest(r.evidence for r in results)
        worst = next(r for r in results if r.evidence == level)
        return dataclasses.replace(worst, method="case-split", engines=("z3",),
                                   detail=f"{len(self.cases)} cases cover 1 <= {self.layer} <= {self.depth} + 1 (Z3); "
                                   + "; ".join(f"{c}: {s.label} {r.evidence}" for c, (s, r) in
                                               zip(conditions, zip([s for _, s in self.cases], results))))


def _z3_linear(expr: sp.Expr, variables: dict) -> Any:
    r"""A linear integer expression in the symbols of ``variables`` as a Z3 term (anything else is refused)."""
    poly = sp.Poly(sp.expand(expr), *variables)
    if poly.total_degree() > 1 or any(not c.is_integer for c in poly.coeffs()):
        raise ValueError(f"not a linear integer expression: {expr}")
    term = sum((int(poly.coeff_monomial(s)) * v for s, v in variables.items()), start=z3.IntVal(0))
    return term + int(poly.coeff_monomial(1))


def _z3_condition(condition: sp.Basic, variables: dict) -> Any:
    if isinstance(condition, sp.And):
        return z3.And(*[_z3_condition(c, variables) for c in condition.args])
    if condition in (sp.true, sp.false):  # SymPy decided it alone (e.g. LAYER >= 1 for a positive integer LAYER)
        return z3.BoolVal(bool(condition))
    gap = _z3_linear(condition.lhs - condition.rhs, variables)
    ops = {sp.Eq: lambda g: g == 0, sp.Ge: lambda g: g >= 0, sp.Gt: lambda g: g > 0,
           sp.Le: lambda g: g <= 0, sp.Lt: lambda g: g < 0}
    return ops[type(condition)](gap)


def integer_cover_gap(conditions: list, layer: sp.Symbol, depth: sp.Symbol, min_depth: int) -> tuple[int, int] | None:
    r"""``None`` when every integer layer :math:`1\le i\le\ell+1` of every depth :math:`\ell\ge` ``min_depth`` meets a
    condition (Z3 over the integers: the negation is unsatisfiable), else an uncovered ``(i, ℓ)``, re-checked exactly."""
    i, ell = z3.Int(str(layer)), z3.Int(str(depth))
    variables = {layer: i, depth: ell}
    solver = z3.Solver()
    solver.add(i >= 1, i <= ell + 1, ell >= min_depth, z3.Not(z3.Or(*[_z3_condition(c, variables) for c in conditions])))
    answer = solver.check()
    if answer == z3.unsat:
        return None
    if answer != z3.sat:
        raise ValueError(f"z3 cannot decide the cover: {answer}")
    point = (solver.model()[i].as_long(), solver.model()[ell].as_long())
    if any(bool(c.subs({layer: point[0], depth: point[1]})) for c in conditions):
        raise ValueError(f"z3's gap {point} is covered after all")
    return point


def values_on_ray_check(hidden_bias: Any = None, output_bias: Any = None) -> StepResult:
    r""":math:`f^i=c` for every hidden layer (the forward induction) and :math:`f_\rho=\sum_ktM_{rk}\sigma(c)+b^{\ell+1}_r=0`
    (Assumption 1, :math:`b^{\ell+1}=0`) for every width.  ``hidden_bias``, ``output_bias``: a wrong ray."""
    from proofs.cooper.every_size import HIDDEN_BIAS, OUTPUT_BIAS, forward_induction

    hidden = forward_induction(bias=HIDDEN_BIAS if hidden_bias is None else hidden_bias).run()
    if not hidden.ok:
        return hidden
    bias = OUTPUT_BIAS if output_bias is None else output_bias  # the code's ray: b^{l+1} = 0 (16)
    output = net.substitute_at_c(_units(T * M_OUT[K_IDX] * SIGMA(C), ELL)).doit() + bias
    if output != 0:
        return StepResult(False, "symbolic", "exact", f"f_rho on the ray = {output}",
                          counterexample=r"on the ray $f_\rho = {value}$, not 0", values={"value": output})
    return dataclasses.replace(hidden, detail=hidden.detail + "; and f_rho = sum_k t M_rk sigma(c) = 0 (Assumption 1)")


def values_on_ray_step() -> Check:
    return Check(label="values_on_ray_every_size", printed=False, kind_name="induction-and-output-row",
                 latex=r"\forall\ell,\ i\le\ell:\ f^i_{\rho(t)}(x)=c,\qquad f_{\rho(t)}(x)=tM\sigma(c)=0",
                 run_check=values_on_ray_check,
                 wrong_versions=[lambda: values_on_ray_check(hidden_bias=0), lambda: values_on_ray_check(output_bias=1)],
                 justification="Eqs. (15)-(16) for every depth and width: the forward induction "
                               "hidden_preactivation_is_c (proofs.cooper.every_size), then the output row "
                               "sum_k t M_rk sigma(c) + b^{l+1} with sigma(c) = 0 (A1) and b^{l+1} = 0.")


def claim_table_every_layer(claim: int) -> LayerCases:
    r"""Claim 1 (17) or Claim 2 (20) (``claim`` 1 or 2: the first derivatives of every :math:`f^i`) or Claim 3
    (21)-(23) (``claim`` 3: the second derivatives), for every layer :math:`1\le i\le\ell+1` and every depth ℓ ≥ 2."""
    if claim in (1, 2):
        output = lemma_9_step() if claim == 1 else lemma_10_step()
        cases = ((sp.Eq(LAYER, 1), first_layer_step()), (sp.And(LAYER >= 2, LAYER <= ELL), hidden_jet_induction()),
                 (sp.Eq(LAYER, ELL + 1), output))
        latex = (r"\text{Claim 1 (17) for every layer }1\le i\le\ell+1" if claim == 1
                 else r"\text{Claim 2 (20) for every layer }1\le i\le\ell+1")
        why = ("i = 1: layer 1's first-order part delta M^1 x + delta b^1 (Delta^1_{jk} x, Delta^1_j); 2 <= i <= l: "
               "delta b^i alone (the induction); i = l + 1: the output's, "
               + ("with no weight direction (Lemma 9)." if claim == 1 else "Lemma 10's form."))
    else:
        cases = ((sp.Eq(LAYER, 1), first_layer_step()), (sp.Eq(LAYER, 2), hidden_second_order_step(2)),
                 (sp.And(LAYER >= 3, LAYER <= ELL), hidden_second_order_step(LAYER)),
                 (sp.Eq(LAYER, ELL + 1), lemma_11_step()))
        latex = r"\text{Claim 3 (21)-(23) for every layer }1\le i\le\ell+1"
        why = ("i = 1: layer 1 is affine (no second-order part); i = 2 and 3 <= i <= l: the hidden row's second-order "
               "part sigma'(c) sum_p delta M^i_jp Lambda(i-1, p), (21) and (22) at i; i = l + 1: Lemma 11.")
    return LayerCases(label=f"claim_{claim}_every_layer", printed=False, latex=latex, cases=cases, uses=("values_on_ray_every_size", "first_layer_jet", "hidden_first_order_every_layer"),
                      justification="Case split over the layer i of f^i (Z3: the cases cover 1 <= i <= l + 1, l >= 2). "
                                    + why)


def claim_3_hidden_form(i: sp.Expr) -> sp.Expr:
    r"""(21)-(22) at a hidden layer i (first cases) as a quadratic form: :math:`(w^i_{jp},b^{i-1}_p)`: :math:`\sigma'`;
    at i = 2 also :math:`(w^2_{jp},w^1_{pq})`: :math:`\sigma'x_q`."""
    form = sp.Sum(SIGMA_1 * DM(i, UNIT, P_IDX) * DB(i - 1, P_IDX), (P_IDX, 1, Width(i - 1)))
    if i == 2:
        form += sp.Sum(sp.Sum(SIGMA_1 * DM(2, UNIT, P_IDX) * DM(1, P_IDX, Q_IDX) * X(Q_IDX), (Q_IDX, 1, D_IN)),
                       (P_IDX, 1, Width(1)))
    return form


def hidden_second_order_step(i: sp.Expr, *, form: Callable[[sp.Expr], sp.Expr] = claim_3_hidden_form) -> Check:
    r"""Claim 3 at hidden layer i (i = 2, or i ≥ 3 symbolic): the second-order part of :math:`f^i_j` is its form."""
    name, where = ("2", "i=2") if i == 2 else ("i_ge_3", r"i\ge3")
    return Check(label=f"claim_3_hidden_layer_{name}", printed=False, kind_name="form-for-every-size",
                 latex=where + r":\ \tfrac12\sum\partial_z\partial_{z'}f^i_j\,\delta z\delta z'=\text{(21), (22) at }i",
                 run_check=lambda: form_check(lambda: hidden_second_order(i, UNIT), lambda: form(i), f"Claim 3 at i = {i}"),
                 wrong_versions=[lambda: form_check(lambda: hidden_second_order(i, UNIT), lambda: 2 * form(i),
                                                    "twice the form")],
                 justification="The hidden row's second-order part (next_hidden_layer_first_order, every width) with "
                               "Lambda(i - 1, p) as proved: delta b^{i-1}_p (i >= 3) or layer 1's form (i = 2).")


# ---------------------------------------------------------------- depth 1: degrees in t and the witness, every size


def degree_in_t(form: sp.Expr) -> int:
    r"""The degree in t of a form whose sums have been split (t outside every sum); refuses a t inside a sum."""
    expr = split_sums(sp.sympify(form))
    inside = [s for s in expr.atoms(sp.Sum) if s.has(T)]
    if inside:
        raise ValueError(f"t inside a sum: {inside[0]}")
    return sp.Poly(expr, T).degree() if expr.has(T) else 0


def degree_check(case: str, order: int, bound: int) -> StepResult:
    r"""Every entry of Df (``order`` 1) or Hf (2) at ``case`` has degree :math:`\le` ``bound`` in t: the form's degree
    (a coefficient of a monomial in the direction is a coefficient of the form, so no entry exceeds the form)."""
    degree = degree_in_t(_coefficient(output_jet(case), order))
    ok = degree <= bound
    return StepResult(ok, "symbolic", "Poly", f"the order-{order} form at {case} has degree {degree} in t (claimed <= "
                      f"{bound}), every width and d_in a symbol",
                      counterexample=None if ok else r"the form of order {order} has degree {degree} in $t$",
                      values={"degree": degree, "order": order})


def degree_step(order: int, case: str = "l=1") -> Check:
    what = "first" if order == 1 else "second"
    return Check(label=f"{what}_derivatives_degree_at_most_1_every_size", printed=False, kind_name="polynomial",
                 uses=("values_on_ray_every_size", "first_layer_jet"),
                 latex=(r"\deg_t[\mathbf Df_\rho(x)|_{\rho(t)}]\le1" if order == 1 else
                        r"\deg_t[\mathbf Hf_\rho(x)|_{\rho(t)}]\le1") + r"\quad(\ell=1,\ \text{every width and }d_{in})",
                 run_check=lambda: degree_check(case, order, 1), wrong_versions=[lambda: degree_check(case, order, 0)],
                 justification=_OUT_JUSTIFICATION + "The entries of Df (Hf) are the coefficients of the first- (second-) "
                               "order form in the direction entries; each is a polynomial in t of degree at most the "
                               "form's.")


def loss_slopes_free_of_t() -> StepResult:
    r"""On the ray f = 0 for every t, so :math:`\partial L_s/\partial f_r` there is free of t: L2
    :math:`2(0-y_{sr})`, cross-entropy :math:`w_s/d_{out}-y_{sr}` (every_size's loss (14), d_out a symbol)."""
    from proofs.cooper.every_size import EPS as E_EPS, Y, ce_datum_loss

    s, r = sp.symbols("s r", integer=True, positive=True)
    l2 = sp.diff((E_EPS - Y[s, r]) ** 2, E_EPS).subs(E_EPS, 0)
    ce = sp.simplify(sp.diff(ce_datum_loss(E_EPS, r, s), E_EPS).subs(E_EPS, 0))
    if l2.has(T) or ce.has(T):
        return StepResult(False, "symbolic", "sympy.diff", f"a loss slope depends on t: {l2}, {ce}")
    return StepResult(True, "symbolic", "sympy.diff", f"dL/df_r at f = 0: L2 {l2}, cross-entropy {ce}: free of t",
                      values={"l2": l2, "cross_entropy": ce})


def grad_norm_degree_check(case: str = "l=1", bound: int = 2) -> StepResult:
    r""":math:`\partial L/\partial\theta=\sum_{s,r}\partial L_s/\partial f_r\,\partial f_r/\partial\theta` with the slopes
    free of t and :math:`\partial f_r/\partial\theta` of degree :math:`\le1`: each entry has degree :math:`\le1`, the
    sum of their squares :math:`\le2`."""
    slopes = loss_slopes_free_of_t()
    if not slopes.ok:
        return slopes
    degree = 2 * degree_in_t(_coefficient(output_jet(case), 1))
    ok = degree <= bound
    return StepResult(ok, "symbolic", "Poly", f"{slopes.detail}; entries of degree <= {degree // 2}, so "
                      f"deg_t ||grad L||^2 <= {degree} (claimed <= {bound}), both losses, every width, d_in, d_out, n",
                      counterexample=None if ok else r"the bound on $\deg_t\|\nabla L\|^2$ is {degree}",
                      values={"degree": degree})


def grad_norm_degree_step() -> Check:
    return Check(label="grad_norm_sq_degree_at_most_2_every_size", printed=False, kind_name="polynomial",
                 uses=("values_on_ray_every_size", "first_derivatives_degree_at_most_1_every_size"),
                 latex=r"\ell=1:\ \deg_t\|\nabla L(\rho(t))\|^2\le2\quad(\text{L2 and cross-entropy, every size})",
                 run_check=grad_norm_degree_check, wrong_versions=[lambda: grad_norm_degree_check(bound=1)],
                 justification="Chain rule dL/dtheta = sum_{s,r} dL_s/df_r df_r/dtheta (trusted). On the ray f = 0 for "
                               "every t (values_on_ray_every_size), so the slopes dL_s/df_r are free of t (computed "
                               "here for L2 and the loss (14)); df_r/dtheta has degree <= 1 "
                               "(first_derivatives_degree_at_most_1_every_size). A sum of squares of polynomials of "
                               "degree <= 1 has degree <= 2.")


#: The triangle-inequality witness: g <= r_a + r_b t for t >= 0 (g = ||u + v t||, u, v the t^0 and t^1 parts).
def triangle_witness_step(power: int = 2) -> Step:
    r""":math:`At^{*2}-Bt^*>L_0+L_1g` for every :math:`L_0,L_1\ge0` from :math:`g\le r_a+r_bt^*` only (Z3): the
    gradient may have any degree-:math:`\le1` entries (no need for :math:`g^2=r_a^2+r_b^2t^2`)."""
    from proofs.cooper import every_size as E
    from proofs.steps import Inequality

    premises = [E.COEF_A > 0, E.BETA >= E.COEF_B, E.BETA >= -E.COEF_B, E.ROOT_A >= 0, E.ROOT_B >= 0, E.GNORM >= 0,
                E.GNORM <= E.ROOT_A + E.ROOT_B * E.TSTAR,
                sp.Eq(E.COEF_A * (E.TSTAR - 1), E.BETA + E.L0 + E.L1 * (E.ROOT_A + E.ROOT_B) + 1)]
    return Inequality(label="no_L0_L1_every_size", relation=">", printed=False,
                      uses=("hessian_entry_every_size", "leading_coefficient_positive",
                            "leading_coefficient_positive_cross_entropy", "grad_norm_sq_degree_at_most_2_every_size",
                            "diagonal_entry_at_most_operator_norm"),
                      latex=r"\forall L_0,L_1\ge0:\ |\partial^2_{(b^1_1)^2}L(\rho(t^*))|>L_0+L_1\|\nabla L(\rho(t^*))\|,\ "
                            r"t^*=1+\frac{|B|+L_0+L_1(r_a+r_b)+1}{A}",
                      lhs=lambda: E.COEF_A * E.TSTAR**power - E.COEF_B * E.TSTAR, rhs=E.L0 + E.L1 * E.GNORM,
                      assuming=premises,
                      justification="Trusted reading of the proved forms: H(t) = A t^2 - B t with A > 0 "
                                    "(leading_coefficient_positive: L2 A = 2 n d_out sigma'(c)^2; cross-entropy "
                                    "sigma'(c)^2 n (1/d - 1/d^2), d >= 2, Assumption 2); the gradient is u + v t "
                                    "(grad_norm_sq_degree_at_most_2_every_size), so g = ||u + v t|| <= r_a + r_b t "
                                    "with r_a = ||u||, r_b = ||v|| (triangle inequality, t >= 0). H > L0 + L1 g >= 0 "
                                    "gives |H| too, and |H_ii| <= ||H||_op (diagonal_entry_at_most_operator_norm).")


def _closed_forms(kind: str) -> tuple:
    from proofs.cooper import every_size as E

    if kind == "hessian_entry":
        return (("l2", E.hessian_entry_assembled, E.hessian_entry_closed_form),
                ("cross_entropy", E.ce_hessian_entry_assembled, E.ce_hessian_entry_closed_form))
    return (("l2", E.grad_norm_sq_assembled, E.grad_norm_sq_closed_form),
            ("cross_entropy", E.ce_grad_norm_sq_assembled, E.ce_grad_norm_sq_closed_form))


def closed_forms_check(kind: str = "hessian_entry", scale: int = 1) -> StepResult:
    r"""The closed forms of :mod:`proofs.cooper.every_size` for ``kind`` (``hessian_entry``: the :math:`(b^\ell_1)^2`
    entry, every ℓ ≥ 1 -- only unit 1 of layer ℓ moves, its pre-activation c by the forward induction;
    ``grad_norm_sq``: ℓ ≥ 2), L2 and cross-entropy, each assembled by the chain rule with n, d_out, K symbols.
    ``scale`` multiplies the closed forms (a wrong version)."""
    from proofs.cooper import every_size as E

    results = []
    for loss, assembled, closed in _closed_forms(kind):
        result = E.closed_form_check(assembled, closed if scale == 1 else lambda *a, c=closed: scale * c(*a))
        if not result.ok:
            return dataclasses.replace(result, detail=f"{loss}: {result.detail}")
        results.append(result)
    level = weakest(r.evidence for r in results)
    worst = next(r for r in results if r.evidence == level)
    return dataclasses.replace(worst, detail="L2: " + results[0].detail + "; cross-entropy: " + results[1].detail)


def grad_norms_step() -> Check:
    return Check(label="grad_norm_sq_every_size", printed=False, kind_name="formula-for-every-size",
                 uses=("values_on_ray_every_size",),
                 latex=r"\ell\ge2:\ \|\nabla L\|^2=4\sum_r(\sum_sy_{sr})^2+4K\sigma'(c)^2t^2(\sum_{s,r}y_{sr})^2\ (\text{L2}),\ "
                       r"\sum_{j\le d}e_j^2+\sigma'(c)^2t^2\sum_{j\le\min(K,d)}e_j^2\ (\text{CE})",
                 run_check=lambda: closed_forms_check("grad_norm_sq"),
                 wrong_versions=[lambda: closed_forms_check("grad_norm_sq", scale=2)],
                 justification="proofs.cooper.every_size's closed-form steps of cooper.thm_12 and thm_14 (chain rule "
                               "with n, d_out, K symbols; the forward and backward inductions, units interchangeable).")


def hessian_entries_step() -> Check:
    return Check(label="hessian_entry_every_size", printed=False, kind_name="formula-for-every-size",
                 uses=("values_on_ray_every_size",),
                 latex=r"\ell\ge1:\ \partial^2_{(b^\ell_1)^2}L=2nd_{out}\sigma'(c)^2t^2-2\sigma''(c)t\sum y\ (\text{L2}),\ "
                       r"\sigma'(c)^2t^2(\tfrac1d-\tfrac1{d^2})\sum_sw_s+\sigma''(c)t\sum_s(\tfrac{w_s}d-y_{s1})\ (\text{CE})",
                 run_check=closed_forms_check, wrong_versions=[lambda: closed_forms_check(scale=2)],
                 justification="proofs.cooper.every_size's closed-form steps (as in cooper.thm_12 and thm_14), valid at "
                               "every depth l >= 1: b^l_1 enters f only through t M sigma(s^l_1), s^l_1 = c by the "
                               "forward induction (at l = 1: s^1 = M^1 x + b^1 = c). Trusted: that chain rule.")


# ---------------------------------------------------------------- the shifted ray, every depth and width


def shifted_truncated(expr: sp.Expr) -> sp.Expr:
    r"""Second-order truncation with :math:`\sigma(c')`, :math:`\sigma'(c')`, :math:`\sigma''(c')` the symbols
    sigma_0, sigma_1, sigma_2 (no Assumption 1: c' any point with :math:`\sigma'(c')\ne0`; c stands for c')."""
    return sp.expand(net._keep_sigma_c(sp.series(expr, EPS, 0, 3).removeO().doit()))


def shifted_output_row(bias_scale: Any = 1) -> sp.Expr:
    r"""Output r on the shifted ray along the direction: :math:`\sum_{k\le K}(tM_k+\varepsilon\delta M_k)
    \sigma(c'+\varepsilon\lambda_k+\varepsilon^2q_k)+b^{\ell+1}_r+\varepsilon\delta b` with
    :math:`b^{\ell+1}_r=-t\sigma(c')\sum_kM_k` (``bias_scale`` 0: the paper's :math:`b^{\ell+1}=0`, a wrong version).
    The inputs :math:`\lambda_k,q_k` are free of t: on the ray t occurs only in :math:`M^{\ell+1}=tM` and
    :math:`b^{\ell+1}`, so every hidden pre-activation and its jet are free of t (whatever the depth)."""
    k = K_IDX
    row = sp.Sum(shifted_truncated((T * _ROW_M[k] + EPS * _ROW_DM[k])
                                   * SIGMA(C + EPS * _ROW_LAM[k] + EPS**2 * _ROW_Q[k])), (k, 1, net.WIDTH))
    return row - bias_scale * T * net.SIGMA_0 * sp.Sum(_ROW_M[k], (k, 1, net.WIDTH)) + EPS * _ROW_DB


def unit_1_derivatives() -> tuple[sp.Expr, sp.Expr]:
    r""":math:`\partial_\varepsilon` and :math:`\partial^2_\varepsilon` of :math:`tM\sigma(c'+\varepsilon)` at 0: what the
    :math:`(b^\ell_1)^2` entry reads of the ray besides f = 0."""
    eps = sp.Symbol("e", real=True)
    term = T * _ROW_M[1] * SIGMA(C + eps)
    return tuple(net._keep_sigma_c(sp.diff(term, eps, order).subs(eps, 0).doit()) for order in (1, 2))


def shifted_ray_check(bias_scale: Any = 1) -> StepResult:
    r"""On the shifted ray, every depth ℓ ≥ 1 and width, :math:`\sigma(c')=\sigma_0` kept: f = 0; the first- and
    second-order forms have degree :math:`\le1` in t; the loss slopes at f = 0 are free of t (so
    :math:`\deg_t\|\nabla L\|^2\le2`); unit 1's derivatives are :math:`tM\sigma'(c')`, :math:`tM\sigma''(c')`, free of
    :math:`\sigma_0`, so the entry is the closed form of hessian_entry_every_size at c'."""
    row = shifted_output_row(bias_scale)
    value = split_sums(row.subs(EPS, 0))
    if value != 0:
        return StepResult(False, "symbolic", "split-sums", f"f on the shifted ray = {net_short(value)}",
                          counterexample=r"on the shifted ray $f = {value}$, not 0", values={"value": value})
    degrees = [degree_in_t(_coefficient(row, order)) for order in (1, 2)]
    if max(degrees) > 1:
        return StepResult(False, "symbolic", "Poly", f"degrees {degrees} in t",
                          counterexample=r"the first- and second-order forms have degrees {first} and {second} in $t$",
                          values={"first": degrees[0], "second": degrees[1]})
    slopes = loss_slopes_free_of_t()
    first, second = unit_1_derivatives()
    if not slopes.ok or first.has(net.SIGMA_0) or second.has(net.SIGMA_0):
        return StepResult(False, "symbolic", "sympy.diff", f"{slopes.detail}; unit 1: {first}, {second}")
    return StepResult(True, "symbolic", "split-sums+Poly",
                      f"f = 0, the first- and second-order forms of degree {degrees} in t for every width (K a symbol) "
                      f"and depth; {slopes.detail}; unit 1's derivatives {first}, {second} free of sigma_0",
                      engines=("sympy:expand",))


def shifted_ray_step() -> Check:
    return Check(label="shifted_ray_every_size", printed=False, kind_name="form-for-every-size",
                 uses=("hessian_entry_every_size", "grad_norm_sq_degree_at_most_2_every_size"),
                 latex=r"b^{\ell+1}=-t\sigma(c')M\mathbf 1:\ f=0,\ \deg_t\mathbf Df,\deg_t\mathbf Hf\le1,\ "
                       r"\deg_t\|\nabla L\|^2\le2,\ \partial^2_{(b^\ell_1)^2}L=\text{the closed forms at }c'\ "
                       r"(\text{every depth and width})",
                 run_check=shifted_ray_check, wrong_versions=[lambda: shifted_ray_check(bias_scale=0)],
                 justification="The output row of any width on generic t-free hidden jets (t occurs on the ray only in "
                               "M^{l+1} = tM and b^{l+1}; the hidden layers are M^i = 0, b^i = c'), sigma(c') kept. "
                               "Trusted: the chain rules of grad_norm_sq_degree_at_most_2_every_size and "
                               "hessian_entry_every_size, which use the ray only through f = 0 and unit 1's "
                               "derivatives t M sigma'(c'), t M sigma''(c').")


# ---------------------------------------------------------------- cross-check against the exhaustive jets


def _depth_case(depth: int) -> str:
    return "l=1" if depth == 1 else "l=2" if depth == 2 else "l>=3"


def form_at(form: sp.Expr, arch: net.Architecture, r: int, x: list, M: list) -> sp.Expr:
    r"""A form of this module at a concrete architecture: the depth, every width :math:`c(i)` (:math:`c(0)=d_{in}`),
    output r, input x and direction row :math:`M_{r\cdot}` put in, the sums written out."""
    sizes = arch.sizes()
    expr = sp.sympify(form).subs(ELL, arch.depth)
    expr = expr.xreplace({w: sizes[int(w.args[0])] for w in expr.atoms(sp.core.function.AppliedUndef) if w.func == Width})
    expr = expr.xreplace({D_IN: arch.d_in, R_OUT: r}).doit()
    expr = expr.xreplace({X(q + 1): x[q] for q in range(arch.d_in)})
    return sp.expand(expr.xreplace({M_OUT[k + 1]: M[r - 1][k] for k in range(arch.widths[-1])}))


def jets_as_forms(arch: net.Architecture, r: int, x: list, M: list) -> tuple[sp.Expr, sp.Expr]:
    r"""Output r's first- and second-order parts from :func:`symbolic.network.layer_jets` (the exact jets of the whole
    network), written in this module's direction entries."""
    jet = net.layer_jets(arch, x, M)[-1][r - 1]
    delta = [DM(p.layer, p.j, p.k) if p.kind == "w" else DB(p.layer, p.j) for p in arch.parameters()]
    first = sum((v.as_expr() * delta[a] for a, v in jet.lin.items()), sp.Integer(0))
    second = sum((v.as_expr() * delta[a] * delta[b] for (a, b), v in jet.quad.items()), sp.Integer(0))
    return sp.expand(first), sp.expand(second)


def agreement_with_jets(archs: list[net.Architecture], *, second: Any = SIGMA_2) -> StepResult:
    r"""The output's first- and second-order forms of this module (Lemma 10's, Lemma 11's, and ℓ = 1's with the
    input-weight terms) equal the exact jets at each architecture, every output, symbolic x and M.  ``second``
    replaces :math:`\sigma''(c)` in the printed forms (a wrong version)."""
    for arch in archs:
        x = list(net.symbolic_data(1, arch.d_in, arch.d_out).xs[0])
        M = [list(row) for row in net.symbolic_matrix(arch)]
        ell = sp.Integer(arch.depth)
        first_form = lemma_10_form(ell) + (input_weight_terms() if arch.depth == 1 else 0)
        second_form = lemma_11_form(ell, second=second) + (depth_1_second_order_extra().subs(SIGMA_2, second)
                                                           if arch.depth == 1 else 0)
        for r in range(1, arch.d_out + 1):
            first, quadratic = jets_as_forms(arch, r, x, M)
            for order, ours, theirs in ((1, first_form, first), (2, second_form, quadratic)):
                gap = sp.expand(form_at(ours, arch, r, x, M) - theirs)
                if gap != 0:
                    return StepResult(False, "symbolic", "exact-jets", f"{arch}, output {r}, order {order}: differs by "
                                      f"{net_short(gap)}",
                                      counterexample=r"at {dimensions}, output {r}: the order-{order} form and the jets "
                                                     r"differ by ${gap}$",
                                      values={"dimensions": {sp.Symbol("d_in"): arch.d_in, sp.Symbol("d_out"): arch.d_out,
                                                             sp.Symbol("ell"): arch.depth},
                                              "r": r, "order": order, "gap": gap})
    return StepResult(True, "symbolic", "exact-jets", f"the forms equal the exact jets on {len(archs)} architectures")


def lemma_10_at_depth_1_check(t_factor: Any = T) -> StepResult:
    r"""ℓ = 1: the first-order part minus its input-weight terms (which name only weight directions) is Lemma 10's
    form, so every bias derivative is the table's at depth 1 too, for every width and :math:`d_{in}`."""
    extra = input_weight_terms()
    if any(a.func == DB for a in extra.atoms(sp.core.function.AppliedUndef)):
        return StepResult(False, "symbolic", "atoms", "the input-weight terms name a bias direction")
    return form_check(lambda: first_order_part("l=1") - extra, lambda: lemma_10_form(sp.Integer(1), t_factor=t_factor),
                      "Lemma 10 at depth 1")


def lemma_10_at_depth_1_step() -> Check:
    return Check(label="lemma_10_holds_at_depth_1_every_size", printed=False, kind_name="form-for-every-size",
                 uses=("values_on_ray_every_size", "first_layer_jet"),
                 latex=r"\ell=1:\ \partial_{b^{i_1}_{j_1}}f_\rho\ \text{as in (20)}\ (\text{every width and }d_{in})",
                 run_check=lemma_10_at_depth_1_check, wrong_versions=[lambda: lemma_10_at_depth_1_check(t_factor=1)],
                 justification=_OUT_JUSTIFICATION + "At l = 1 the first-order part is Lemma 10's form plus terms in "
                               "the input weights only: the bias derivatives are the table's, so A2 is not needed "
                               "for Lemma 10.")


# ---------------------------------------------------------------- depth 1: the L2 gradient norm in closed form


def grad_norm_sq_depth_1_assembled() -> sp.Expr:
    r""":math:`\|\nabla L\|^2` at ℓ = 1 by the chain rule (:func:`proofs.cooper.every_size.gradient_entries`: the output
    bias and weights -- :math:`h^1=\sigma(c)=0` kills the latter --, the biases :math:`b^1_k`) plus the input weights
    :math:`w^1_{kp}`, which move unit k's pre-activation by :math:`\varepsilon x_{sp}`; every entry's sums split."""
    from proofs.cooper import every_size as E

    g = {k: split_sums(sp.sympify(v).doit()) for k, v in E.gradient_entries().items()}
    unit = E.T * E.OMEGA * E.sigma_jet(E.C + E.EPS * E.X[E._s, P_IDX])
    input_weight = split_sums(E._data_sum(2 * E._residual(E._s, E._r) * E._dv(unit)).doit())
    return (sp.Sum(g["out_bias"] ** 2, (E._r, 1, E.D_OUT)) + sp.Sum(E._sum_units(g["out_weight"] ** 2), (E._r, 1, E.D_OUT))
            + E._sum_units(g["last_bias"] ** 2) + E._sum_units(sp.Sum(input_weight**2, (P_IDX, 1, E.D_IN))))


def grad_norm_sq_depth_1_closed_form(with_inputs: bool = True) -> sp.Expr:
    r""":math:`4\sum_r(\sum_sy_{sr})^2+4K\sigma'(c)^2t^2\big[(\sum_{s,r}y_{sr})^2+\sum_{p=1}^{d_{in}}
    (\sum_sx_{sp}\sum_ry_{sr})^2\big]` (``with_inputs=False``: the ℓ ≥ 2 form, wrong at ℓ = 1)."""
    from proofs.cooper import every_size as E

    inputs = sp.Sum(sp.Sum(E.X[E._s, P_IDX] * sp.Sum(E.Y[E._s, E._r], (E._r, 1, E.D_OUT)), (E._s, 1, E.N)) ** 2,
                    (P_IDX, 1, E.D_IN))
    return E.grad_norm_sq_closed_form() + (4 * E.K * SIGMA_1**2 * T**2 * inputs if with_inputs else 0)


def grad_norm_sq_depth_1_check(with_inputs: bool = True) -> StepResult:
    r"""The assembled gradient norm equals the closed form with n, d_out, K = c_1 and d_in symbols (sums split)."""
    from proofs.cooper import every_size as E

    difference = split_sums(grad_norm_sq_depth_1_assembled() - grad_norm_sq_depth_1_closed_form(with_inputs))
    if difference == 0:
        return StepResult(True, "symbolic", "split-sums+expand", "equal with n, d_out, K and d_in symbols",
                          engines=("sympy:expand",))
    smallest = sp.expand(difference.subs({E.N: 1, E.D_OUT: 1, E.K: 1, E.D_IN: 1}).doit())
    return StepResult(False, "symbolic", "split-sums+expand", f"the forms differ by {net_short(difference)}",
                      counterexample=r"at $n = d_{out} = K = d_{in} = 1$ the two sides differ by ${gap}$",
                      values={"gap": smallest})


def grad_norm_sq_depth_1_step() -> Check:
    return Check(label="grad_norm_sq_depth_1_every_size", printed=False, kind_name="formula-for-every-size",
                 uses=("values_on_ray_every_size",),
                 latex=r"\ell=1:\ \|\nabla L(\rho(t))\|^2=4\sum_r(\sum_sy_{sr})^2+4K\sigma'(c)^2t^2\Big[(\sum_{s,r}y_{sr})^2"
                       r"+\sum_{p=1}^{d_{in}}\big(\sum_sx_{sp}\sum_ry_{sr}\big)^2\Big]",
                 run_check=grad_norm_sq_depth_1_check, wrong_versions=[lambda: grad_norm_sq_depth_1_check(False)],
                 justification="Chain rule dL/dp = sum_{s,r} 2 (f_r - y_sr) df_r/dp with f = 0 on the ray "
                               "(values_on_ray_every_size); the groups of the l >= 2 form (output bias, output weights "
                               "times h^1 = sigma(c) = 0, biases b^1) and the input weights w^1_kp, whose unit-k term is "
                               "t M_rk sigma(c + eps x_sp). Trusted: that list of parameter groups. n, d_out, K = c_1 and "
                               "d_in are symbols; the sums are split by linearity before comparing.")


def grad_norm_sq_depth_1_agrees_with_jets(pairs: list, with_inputs: bool = True) -> StepResult:
    r"""The depth-1 closed form at each ``(architecture, n)`` against :func:`proofs.cooper.ray.quantities` (the exact
    jets of the whole network, symbolic data, generic sigma)."""
    from proofs.cooper import every_size as E
    from proofs.cooper.ray import quantities

    for arch, n in pairs:
        data = net.symbolic_data(n, arch.d_in, arch.d_out)
        closed = grad_norm_sq_depth_1_closed_form(with_inputs).subs(
            {E.N: n, E.D_OUT: arch.d_out, E.K: arch.widths[-1], E.D_IN: arch.d_in}).doit()
        closed = closed.replace(lambda e: isinstance(e, sp.Indexed) and e.base in (E.X, E.Y),
                                lambda e: (data.xs if e.base == E.X else data.ys)[int(e.indices[0]) - 1][int(e.indices[1]) - 1])
        gap = sp.expand(quantities(arch, data, "l2", "generic")["grad_norm_sq"] - closed)
        if gap != 0:
            return StepResult(False, "symbolic", "exact-jets", f"{arch}, n = {n}: differs by {net_short(gap)}",
                              counterexample=r"at widths {widths}, $n = {n}$: the closed form and the jets differ by ${gap}$",
                              values={"widths": list(arch.widths), "n": n, "gap": gap})
    return StepResult(True, "symbolic", "exact-jets", f"the depth-1 gradient norm agrees with the jets on {len(pairs)} "
                      "architectures")


#: ``(architecture, n)`` of the depth-1 gradient-norm cross-check: distinct sizes, widths 1-3.
DEPTH_1_JET_PAIRS = ((net.Architecture((1,), 1, 1), 1), (net.Architecture((2,), 2, 2), 2),
                     (net.Architecture((3,), 1, 2), 2), (net.Architecture((2,), 3, 1), 3))


def grad_norm_sq_depth_1_jets_step() -> Check:
    pairs = list(DEPTH_1_JET_PAIRS)
    return Check(label="grad_norm_sq_depth_1_agrees_with_jets", printed=False, kind_name="cross-check",
                 cross_checks="grad_norm_sq_depth_1_every_size",
                 latex=r"\ell=1:\ \text{the closed form of }\|\nabla L\|^2=\text{the exact jets of the network}",
                 run_check=lambda: grad_norm_sq_depth_1_agrees_with_jets(pairs),
                 wrong_versions=[lambda: grad_norm_sq_depth_1_agrees_with_jets(pairs, with_inputs=False)],
                 scope={"architectures": [{"n": n, "d_in": a.d_in, "widths": list(a.widths), "d_out": a.d_out}
                                          for a, n in pairs], "data": "symbolic x, y", "activation": "generic"},
                 justification="Cross-check, not part of the proof: the closed form proved for every size equals the "
                               "gradient norm computed from the whole network's exact jets (symbolic.network).")
