r"""Cooper's ray statements for every depth, width, d_in, d_out and n (issue 14, item 3).

The exhaustive checks of the pack (:func:`proofs.cooper.ray.quantities` on
:data:`proofs.cooper.ray.SCOPE`) are ``proved-on-scope``.  Here the same statements are proved with the sizes
as SymPy symbols (positive integers) -- :math:`n`, :math:`d_{in}`, :math:`K = c_\ell` (the width),
:math:`d_{out}` -- and the depth by induction (:mod:`proofs.induction`):

1. ``hidden_preactivation_is_c`` (induction over the layer i): every hidden unit of layer
   :math:`i\ge1` has pre-activation :math:`c` on the ray, hence output :math:`\sigma(c)=0` (A1).
   Base: :math:`s^1=M^1x+b^1=0\cdot x+c`; recursion: :math:`s^{i+1}=M^{i+1}\sigma(s^i)+b^{i+1}=c` for a
   generic input row of any width.
2. ``backward_signal_vanishes`` (induction over m = ℓ - i): the back-propagated signal
   :math:`\delta^{\ell-m}=\sigma'(s^{\ell-m})\odot(M^{\ell-m+1})^T\delta^{\ell-m+1}` is 0 for every
   :math:`m\ge1` (it passes through :math:`M^{\ell-m+1}=0`), so every parameter of a hidden layer
   :math:`i<\ell` has gradient 0.
3. ``units_interchangeable``: a sum over the :math:`K` units of a layer whose summands do not depend on
   the unit is :math:`K` times one summand (SymPy, K a symbol).
4. ``grad_norm_sq_every_size``: :math:`\|\nabla L(\rho(t))\|^2=4\sum_r(\sum_sy_{sr})^2+4K\sigma'(c)^2t^2
   (\sum_{s,r}y_{sr})^2` for :math:`\ell\ge2`, assembled from the gradient entries (chain rule with sums
   to symbolic n, d_out, K).
5. ``hessian_entry_every_size``: :math:`\partial^2L/\partial(b^\ell_1)^2=2nd_{out}\sigma'(c)^2t^2
   -2\sigma''(c)t\sum_{s,r}y_{sr}` for every :math:`\ell\ge1`.
6. ``every_size_agrees_with_jets`` (a cross-check, ``proved-on-scope``): the closed forms equal
   :func:`proofs.cooper.ray.quantities` on every architecture of the declared scope;
   ``leading_coefficient_positive``: :math:`A=2nd_{out}\sigma'(c)^2>0`.
7. ``no_L0_L1_every_size``: for every :math:`L_0,L_1\ge0` the point
   :math:`t^*=1+(\beta+L_0+L_1(\sqrt a+\sqrt b)+1)/A` (A, B, a, b the closed forms' coefficients,
   :math:`\beta\ge|B|`) has :math:`|H(t^*)|>L_0+L_1\|\nabla L(\rho(t^*))\|` (Z3, symbolic coefficients).

The loss is the code's (and the paper's (13)) :math:`L=\sum_{s=1}^n\|f(x_s)-y_s\|^2` (no 1/n), the
direction of L2 is :math:`M=\Omega` (all ones, (26)).  Only the 2-jet of :math:`\sigma` at :math:`c` enters
a first or second derivative at the ray, so :math:`\sigma` is replaced by its Taylor polynomial there
(:func:`sigma_jet`), with :math:`\sigma(c)=0` (Assumption 1).

Both inductions close without their hypothesis: with :math:`M^{i+1}=0` the next layer does not depend on
the previous one at all, which is the whole point of the ray; the induction still makes the depth a variable.
The backward statement is about the layers that exist (:math:`1\le m\le\ell-1`, so :math:`\ell\ge2`).

Cross-entropy (Theorem 14, :func:`cross_entropy_steps`): the same inductions, :math:`M=[I\ 0]`, and
:math:`\partial^2L/\partial(b^\ell_1)^2=\sigma'(c)^2t^2(\tfrac1d-\tfrac1{d^2})\sum_sw_s+\sigma''(c)t
\sum_s(\tfrac{w_s}d-y_{s1})`, :math:`\|\nabla L\|^2=\sum_{j\le d}e_j^2+\sigma'(c)^2t^2\sum_{j\le\min(K,d)}e_j^2`
(:math:`d=d_{out}`, :math:`w_s=\sum_jy_{sj}`, :math:`e_j=\sum_s(w_s/d-y_{sj})`), leading coefficient
:math:`>0` for :math:`d\ge2` under Assumption 2, and the same witness.
"""

from __future__ import annotations

import functools

from typing import Any, Callable, Mapping

import sympy as sp

from proofs.budget import SYMBOLIC_BUDGET_S, within_budget
from proofs.cooper.ray import SCOPE, dimension_point, quantities, scope_of, scope_pairs, short
from proofs.induction import BaseCase, Induction, InductiveStep, Recursion
from proofs.steps import Check, Equality, Inequality, Step, StepResult
from symbolic import network as net
from symbolic.activations import C, SIGMA, SIGMA_1, SIGMA_2

__all__ = ["agreement_with_jets", "at_sizes", "backward_induction", "cross_entropy_steps", "every_size_steps",
           "forward_induction", "grad_norm_sq_closed_form", "hessian_entry_closed_form"]

# ---------------------------------------------------------------- the sizes as symbols

N = sp.Symbol("n", integer=True, positive=True)
D_IN = sp.Symbol("d_in", integer=True, positive=True)
D_OUT = sp.Symbol("d_out", integer=True, positive=True)
#: The width :math:`c_\ell` of the last hidden layer (the pack's ``width``): the row width of :mod:`symbolic.network`.
K = net.WIDTH
#: The depth ℓ and the index m = ℓ - i of the backward induction.
ELL = sp.Symbol("l", integer=True, positive=True)
M_IDX = sp.Symbol("m", integer=True, positive=True)
T = net.T
_s, _r, _k = sp.symbols("s r k", integer=True, positive=True)
X = sp.IndexedBase("x", real=True)
Y = sp.IndexedBase("y", real=True)
#: A generic row of layer inputs (the previous layer's pre-activations, or back-propagated signals).
A = sp.IndexedBase("a", real=True)
EPS = sp.Symbol("epsilon", real=True)

#: The values of the ray read off the code's :func:`symbolic.network.ray_point` (hidden weight 0, hidden bias c,
#: output weight t M): the definition (16) as the pack computes it.
_RAY = net.ray_point(net.Architecture((1, 1), 1, 1), T, [[1]])
HIDDEN_WEIGHT = _RAY[net.Param("w", 2, 1, 1)]
HIDDEN_BIAS = _RAY[net.Param("b", 2, 1, 0)]
OUTPUT_BIAS = _RAY[net.Param("b", 3, 1, 0)]
#: An entry of the L2 direction :math:`\Omega` (all ones).
OMEGA = sp.Integer(net.ray_matrix(net.Architecture((1,), 1, 1), "l2")[0][0])

S = sp.Function("S")  # S(i): the pre-activation of every unit of hidden layer i on the ray
Delta = sp.Function("Delta")  # Delta(m): the back-propagated signal at layer l - m, every unit


def sigma_jet(z: sp.Expr) -> sp.Expr:
    r""":math:`\sigma(c)+\sigma'(c)(z-c)+\tfrac12\sigma''(c)(z-c)^2` with :math:`\sigma(c)=0` (Assumption 1):
    every first and second derivative at a point where the pre-activation is c is that of this polynomial."""
    return SIGMA_1 * (z - C) + SIGMA_2 / 2 * (z - C) ** 2


# ---------------------------------------------------------------- 1. forward: every hidden pre-activation is c


def hidden_unit(inputs: Callable[[sp.Symbol], sp.Expr], fan_in: sp.Expr, weight: sp.Expr, bias: sp.Expr) -> sp.Expr:
    r"""One hidden unit: :math:`\sum_{k=1}^{fan\_in}w\,u_k+b` with all weights ``weight`` (a sum to a symbolic size)."""
    return sp.Sum(weight * inputs(_k), (_k, 1, fan_in)).doit() + bias


def forward_induction(weight: sp.Expr = HIDDEN_WEIGHT, bias: sp.Expr = HIDDEN_BIAS) -> Induction:
    r"""P(i): :math:`s^i_j=c` for every unit j of every hidden layer :math:`i\ge1` (any widths, any :math:`d_{in}`)."""
    i = ELL
    statement = lambda m: sp.Eq(S(m), C)  # noqa: E731
    base = BaseCase(label="first_layer", latex=r"s^1=M^1x+b^1=0\cdot x+c\mathbf 1", quantity=S(1),
                    lhs=lambda: hidden_unit(lambda k: X[_s, k], D_IN, weight, bias), rhs=C,
                    justification="s^1_j = sum_k M^1_jk x_sk + b^1_j with the ray's M^1 = 0, b^1 = c (16), d_in a symbol.")
    layer = Recursion(label="next_hidden_layer", latex=r"s^{i+1}=M^{i+1}\sigma(s^i)+b^{i+1}=c\mathbf 1",
                      quantity_next=S(i + 1), generic={A: S(i)},
                      lhs=lambda: hidden_unit(lambda k: SIGMA(A[k]), K, weight, bias), rhs=C,
                      justification="Definition: layer i+1's pre-activation is M^{i+1} sigma(s^i) + b^{i+1}; on the ray "
                                    "M^{i+1} = 0, b^{i+1} = c; the input row a_k (k = 1..K, K a symbol) is generic.")
    step = InductiveStep(label="layer_to_layer", latex=r"s^i=c\mathbf 1\Rightarrow s^{i+1}=c\mathbf 1",
                         hypothesis=statement(i), conclusion=statement(i + 1), facts=(layer.establishes,))

    def instances(depth: int) -> dict:
        arch = net.architecture(depth, 2, 2, 1)
        jets = net.layer_jets(arch, [X[1, 1], X[1, 2]], net.ray_matrix(arch, "l2"))
        return {S(depth): jets[depth - 1][0].const.as_expr()}

    return Induction(label="hidden_preactivation_is_c", variable=i, start=1, statement=statement, base=base,
                     step=step, using=(layer,), instances=instances, printed=False,
                     latex=r"\forall i\ge1:\ s^i(x)=c\mathbf 1,\ h^i(x)=\sigma(c)\mathbf 1=0\ \text{on }\rho(t)",
                     justification="Induction over the layer (proofs.induction); trusted: the layer map "
                                   "s^{i+1} = M^{i+1} sigma(s^i) + b^{i+1} is the network's definition. The output "
                                   "sigma(c) = 0 is Assumption 1. Cross-checked against the code's forward pass "
                                   "(symbolic.network.layer_jets) at i = 1..3.")


# ---------------------------------------------------------------- 2. backward: the signal below layer l vanishes


def backward_unit(signal: Callable[[sp.Symbol], sp.Expr], weight: sp.Expr) -> sp.Expr:
    r""":math:`\delta^{i}_k=\sigma'(s^i_k)\sum_{j=1}^K M^{i+1}_{jk}\delta^{i+1}_j` at :math:`s^i_k=c` (forward induction)."""
    slope = sp.diff(sigma_jet(sp.Symbol("z")), sp.Symbol("z")).subs(sp.Symbol("z"), C)
    return slope * sp.Sum(weight * signal(_k), (_k, 1, K)).doit()


def backward_induction(weight: sp.Expr = HIDDEN_WEIGHT) -> Induction:
    r"""Q(m): :math:`\delta^{\ell-m}=0` for every :math:`m\ge1` (every hidden layer below ℓ), any width."""
    statement = lambda m: sp.Eq(Delta(m), 0)  # noqa: E731
    base = BaseCase(label="below_last_hidden", latex=r"\delta^{\ell-1}=\sigma'(c)(M^\ell)^T\delta^\ell=0",
                    quantity=Delta(1), lhs=lambda: backward_unit(lambda k: sp.Indexed("g", k), weight), rhs=sp.Integer(0),
                    justification="delta^l (g, generic: sigma'(c) t M^T times the residual) passes through M^l = 0.")
    layer = Recursion(label="next_layer_down", latex=r"\delta^{\ell-m-1}=\sigma'(c)(M^{\ell-m})^T\delta^{\ell-m}",
                      quantity_next=Delta(M_IDX + 1), generic={A: Delta(M_IDX)},
                      lhs=lambda: backward_unit(lambda k: A[k], weight), rhs=sp.Integer(0),
                      justification="Definition (backpropagation): delta^i = sigma'(s^i) * (M^{i+1})^T delta^{i+1}; "
                                    "on the ray M^{i+1} = 0 for every hidden layer i + 1 <= l.")
    step = InductiveStep(label="signal_stays_zero", latex=r"\delta^{\ell-m}=0\Rightarrow\delta^{\ell-m-1}=0",
                         hypothesis=statement(M_IDX), conclusion=statement(M_IDX + 1), facts=(layer.establishes,))
    return Induction(label="backward_signal_vanishes", variable=M_IDX, start=1, statement=statement, base=base,
                     step=step, using=(layer,), printed=False,
                     latex=r"\forall i<\ell:\ \delta^i=0,\ \text{so}\ \partial L/\partial M^i=\partial L/\partial b^i=0",
                     justification="Induction over m = l - i; trusted: backpropagation's recursion (the chain rule) "
                                   "delta^i = sigma'(s^i) (M^{i+1})^T delta^{i+1}; then dL/db^i_k = sum_s delta^i_k and "
                                   "dL/dw^i_kp = sum_s delta^i_k h^{i-1}_p vanish.")


# ---------------------------------------------------------------- 3.-5. closed forms with symbolic sizes


def _sum_units(summand: sp.Expr) -> sp.Expr:
    return sp.Sum(summand, (_k, 1, K)).doit()


def units_interchangeable_step() -> Equality:
    r""":math:`\sum_{k=1}^K g=Kg` for a summand g that does not depend on the unit: the reduction used below."""
    g = sp.Function("g")(T, SIGMA_1, Y[_s, _r])
    return Equality(label="units_interchangeable", latex=r"\sum_{k=1}^{K}g=K\,g\quad(g\text{ independent of }k)",
                    lhs=lambda: _sum_units(g), rhs=K * g, printed=False,
                    justification="On the ray every unit of a layer has the same pre-activation c and the same "
                                  "weights (forward induction; Omega all ones), so a unit's summand does not depend "
                                  "on k. Trusted: that the summand is written without k (read off the code below).")


def _residual(s: sp.Expr, r: sp.Expr) -> sp.Expr:
    r""":math:`f_r(x_s)-y_{sr}` on the ray: :math:`f_r=\sum_{k=1}^K tM_{rk}\sigma(c)+b^{\ell+1}_r`."""
    return _sum_units(T * OMEGA * sigma_jet(C)) + OUTPUT_BIAS - Y[s, r]


def _dv(expr: sp.Expr, order: int = 1) -> sp.Expr:
    return sp.diff(expr, EPS, order).subs(EPS, 0)


def _data_sum(summand: sp.Expr, n: sp.Expr = N, d_out: sp.Expr = D_OUT) -> sp.Expr:
    return sp.Sum(summand, (_r, 1, d_out), (_s, 1, n))


def gradient_entries(depth_at_least_2: bool = True) -> dict[str, sp.Expr]:
    r"""The gradient entries on the ray, one per group, by the chain rule
    :math:`\partial L/\partial p=\sum_{s,r}2(f_r(x_s)-y_{sr})\,\partial f_r/\partial p`, with :math:`\partial f_r/\partial p`
    the derivative at :math:`\varepsilon=0` of the output unit with p perturbed by :math:`\varepsilon` (unit k of
    layer ℓ, output r' = r of layer ℓ+1; the other units do not depend on :math:`\varepsilon`).  Layers
    :math:`i<\ell`: 0 (backward induction)."""
    h_prev = sigma_jet(C) if depth_at_least_2 else X[_s, 1]  # h^{l-1}: sigma(c) = 0 (forward induction), or x
    unit = lambda pre, w=T * OMEGA: w * sigma_jet(pre)  # noqa: E731 - unit k's term of f_r
    out_bias = sp.Sum(2 * _residual(_s, _r) * _dv(EPS), (_s, 1, N))  # b^{l+1}_r: f_r + eps
    out_weight = sp.Sum(2 * _residual(_s, _r) * _dv(unit(C, T * OMEGA + EPS)), (_s, 1, N))  # w^{l+1}_rk
    last_bias = _data_sum(2 * _residual(_s, _r) * _dv(unit(C + EPS)))  # b^l_k
    last_weight = _data_sum(2 * _residual(_s, _r) * _dv(unit(C + EPS * h_prev)))  # w^l_kp
    return {"out_bias": out_bias, "out_weight": out_weight, "last_bias": last_bias, "last_weight": last_weight}


def grad_norm_sq_assembled() -> sp.Expr:
    r""":math:`\|\nabla L\|^2=\sum_r g_{b^{\ell+1}_r}^2+\sum_{r,k}g_{w^{\ell+1}_{rk}}^2+\sum_k g_{b^\ell_k}^2
    +\sum_{k,p}g_{w^\ell_{kp}}^2+0` (hidden layers below ℓ), sums to symbolic sizes."""
    g = gradient_entries()
    fan_in = sp.Symbol("c_prev", integer=True, positive=True)  # width of layer l - 1
    p = sp.Symbol("p", integer=True, positive=True)
    return (sp.Sum(g["out_bias"] ** 2, (_r, 1, D_OUT)) + sp.Sum(_sum_units(g["out_weight"] ** 2), (_r, 1, D_OUT))
            + _sum_units(g["last_bias"] ** 2) + _sum_units(sp.Sum(g["last_weight"] ** 2, (p, 1, fan_in)).doit()))


def grad_norm_sq_closed_form(n: Any = N, d_out: Any = D_OUT, width: Any = K) -> sp.Expr:
    r""":math:`4\sum_{r=1}^{d_{out}}(\sum_{s=1}^ny_{sr})^2+4K\sigma'(c)^2t^2(\sum_{s,r}y_{sr})^2` (depth ≥ 2)."""
    column = sp.Sum(sp.Sum(Y[_s, _r], (_s, 1, n)) ** 2, (_r, 1, d_out))
    return 4 * column + 4 * width * SIGMA_1**2 * T**2 * _data_sum(Y[_s, _r], n, d_out) ** 2


def hessian_entry_assembled() -> sp.Expr:
    r""":math:`\partial^2L/\partial(b^\ell_1)^2=\sum_{s,r}2[(\partial f_r)^2+(f_r-y_{sr})\partial^2f_r]`, unit 1 of layer ℓ
    perturbed (its pre-activation c by the forward induction, at every depth ℓ ≥ 1)."""
    term = T * OMEGA * sigma_jet(C + EPS)
    return _data_sum(2 * (_dv(term) ** 2 + _residual(_s, _r) * _dv(term, 2)))


def hessian_entry_closed_form(n: Any = N, d_out: Any = D_OUT, width: Any = K) -> sp.Expr:
    r""":math:`2nd_{out}\sigma'(c)^2t^2-2\sigma''(c)t\sum_{s,r}y_{sr}` (the issue's form; the code's L has no 1/n)."""
    return 2 * n * d_out * SIGMA_1**2 * T**2 - 2 * SIGMA_2 * T * _data_sum(Y[_s, _r], n, d_out)


def at_sizes(expr: sp.Expr, n: int, d_out: int, width: int, data: net.Data) -> sp.Expr:
    r"""``expr`` at concrete sizes with the data of ``data`` put for :math:`y_{sr}` (an index outside the data, as
    a formula with two sizes exchanged asks for, becomes the symbol ``y_outside``: never equal to the data's value)."""
    finite = sp.sympify(expr).subs({N: n, D_OUT: d_out, K: width}).doit()

    def entry(e: sp.Indexed) -> sp.Expr:
        s, r = (int(i) for i in e.indices)
        inside = 1 <= s <= len(data.ys) and 1 <= r <= len(data.ys[0])
        return data.ys[s - 1][r - 1] if inside else sp.Symbol(f"y_outside_{s}_{r}", real=True)

    return sp.expand(finite.replace(lambda e: isinstance(e, sp.Indexed) and e.base == Y, entry))


#: ``(n, d_out, width)`` where a closed form is first evaluated exactly (distinct primes, then swapped roles).
SPOT_SIZES = ((2, 3, 5), (5, 2, 3), (3, 7, 2))
SPOT_SEED = 7


@functools.lru_cache(maxsize=None)
def _assembled_value(assembled: Callable[[], sp.Expr]) -> sp.Expr:
    r"""The chain-rule assembly, once per process: the wrong versions differ only in the closed form."""
    return sp.sympify(assembled()).doit()


# A pure function of two module-level functions (the claims that share a closed form -- Theorems 12 and 14, the
# depth-1 claim, the corollary -- check it once per process); a wrong version's fresh lambda is simply a new key.
@functools.lru_cache(maxsize=64)
def closed_form_check(assembled: Callable[[], sp.Expr], closed: Callable[..., sp.Expr]) -> StepResult:
    r"""``assembled() == closed()`` with n, d_out, K symbols.

    First exactly at the sizes :data:`SPOT_SIZES` with seeded rational data (a wrong formula fails here with a
    counterexample), then with the sizes symbols: SymPy reduces the difference (sums to symbolic bounds) to 0
    -- ``proved`` for every size -- or the result is ``proved-on-scope`` on the spot sizes only.
    """
    lhs, rhs = _assembled_value(assembled), sp.sympify(closed())
    for n, d_out, width in SPOT_SIZES:
        data = net.seeded_data(n, 1, d_out, SPOT_SEED, "l2")
        gap = at_sizes(lhs - rhs, n, d_out, width, data)
        if gap != 0:
            where = f"n={n}, d_out={d_out}, K={width}"
            return StepResult(False, "symbolic", "exact-at-sizes", f"{where}, seeded data: differs by {short(gap)}",
                              counterexample=r"at $n = {n}$, $d_{out} = {d_out}$, $K = {K}$ (seeded data, seed {seed}): "
                                             r"the two sides differ by ${gap}$",
                              values={"n": n, "d_out": d_out, "K": width, "seed": SPOT_SEED, "gap": gap})
    if within_budget(lambda: sp.simplify(sp.expand(lhs - rhs)), SYMBOLIC_BUDGET_S) == 0:
        return StepResult(True, "symbolic", "sympy:simplify",
                          f"difference is 0 with n, d_out, K symbols (sums to symbolic bounds); exact at {SPOT_SIZES}",
                          engines=("sympy:simplify", "exact-at-sizes"))
    return StepResult(True, "symbolic", "exact-at-sizes", f"SymPy cannot reduce the symbolic difference; exact at "
                      f"(n, d_out, K) in {SPOT_SIZES}", evidence="proved-on-scope",
                      scope={"(n, d_out, K)": [list(s) for s in SPOT_SIZES]})


@functools.cache  # the same closed form's misprints for every claim that checks it: built once per process
def wrong_closed_forms(closed: Callable[..., sp.Expr]) -> list[Callable[[], sp.Expr]]:
    r"""Plausible misprints of a closed form: n and d_out exchanged, K for n, n for K, t^3 for t^2, t for t^2,
    twice the formula, the sign of sigma''(c) flipped."""
    variants = [lambda: closed(D_OUT, N, K), lambda: closed(K, D_OUT, K), lambda: closed(N, D_OUT, N),
                lambda: closed().subs(T**2, T**3), lambda: closed().subs(T**2, T), lambda: 2 * closed(),
                lambda: closed().subs(SIGMA_1, SIGMA_2)]
    # A "misprint" that leaves the formula as it is (K for n where the formula has no K) is no wrong version.
    return [w for w in variants if w() != closed()]


def closed_form_step(label: str, latex: str, assembled: Callable[[], sp.Expr], closed: Callable[..., sp.Expr],
                     justification: str, uses: tuple[str, ...] = ()) -> Check:
    r"""``assembled()`` (chain rule, sizes symbols) equals the closed form, for every n, d_out, K; ``uses``: the
    inductions and the reduction whose conclusions the assembly builds in."""
    return Check(label=label, latex=latex, printed=False, justification=justification, uses=uses,
                 kind_name="formula-for-every-size", run_check=lambda: closed_form_check(assembled, closed),
                 wrong_versions=[lambda w=w: closed_form_check(assembled, w) for w in wrong_closed_forms(closed)])


def agreement_with_jets(pairs: list[tuple[net.Architecture, int]], seed: int | None = None,
                        forms: Mapping[str, Callable[..., sp.Expr]] | None = None, loss: str = "l2") -> StepResult:
    r"""The closed forms at each ``(architecture, n)`` against :func:`proofs.cooper.ray.quantities` (the exact jets
    of the whole network, generic sigma): symbolic data, or seeded rational data when ``seed`` is given.  The
    gradient norm's form is for depth >= 2 (depth 1 adds the input-weight terms), the Hessian entry's for every depth."""
    for arch, n in pairs:
        data = (net.symbolic_data(n, arch.d_in, arch.d_out) if seed is None
                else net.seeded_data(n, arch.d_in, arch.d_out, seed, loss))
        q = quantities(arch, data, loss, "generic")
        width = arch.widths[-1]
        forms = forms or CLOSED_FORMS[loss]
        wanted = {k: v for k, v in forms.items() if k != "grad_norm_sq" or arch.depth >= 2}
        for name, closed in wanted.items():
            gap = sp.expand(q[name] - at_sizes(closed(), n, arch.d_out, width, data))
            if gap != 0:
                where = f"{arch}, n = {n}"
                return StepResult(False, "symbolic", "exact-jets", f"{name} at {where}: differs by {short(gap)}",
                                  counterexample=name + r" at {dimensions}: the closed form and the jets differ by ${gap}$",
                                  values={"dimensions": dimension_point(arch, n), "gap": gap})
    return StepResult(True, "symbolic", "exact-jets", f"the closed forms agree with the jets on {len(pairs)} architectures")


# ---------------------------------------------------------------- 6. the witness for every size

L0, L1 = sp.symbols("L_0 L_1", nonnegative=True)
COEF_A, COEF_B, BETA, ROOT_A, ROOT_B, GNORM, TSTAR = sp.symbols("A B beta r_a r_b g t_star", real=True)


def witness_premises(a_coefficient: sp.Expr = COEF_A) -> list:
    r"""What the closed forms give: :math:`H(t)=At^2-Bt` with :math:`A=2nd_{out}\sigma'(c)^2>0`,
    :math:`\|\nabla L\|^2=r_a^2+r_b^2t^2` (:math:`r_a,r_b\ge0`), g = its root, :math:`\beta\ge|B|`, and
    :math:`t^*=1+(\beta+L_0+L_1(r_a+r_b)+1)/A`."""
    return [a_coefficient > 0, BETA >= COEF_B, BETA >= -COEF_B, ROOT_A >= 0, ROOT_B >= 0, GNORM >= 0,
            sp.Eq(GNORM**2, ROOT_A**2 + ROOT_B**2 * TSTAR**2),
            sp.Eq(a_coefficient * (TSTAR - 1), BETA + L0 + L1 * (ROOT_A + ROOT_B) + 1)]


def witness_step(power: int = 2) -> Inequality:
    r""":math:`At^{*2}-Bt^*>L_0+L_1g` for every :math:`L_0,L_1\ge0`: Z3 over the reals with the premises."""
    return Inequality(label="no_L0_L1_every_size", relation=">", printed=False,
                      uses=("grad_norm_sq_every_size", "hessian_entry_every_size", "leading_coefficient_positive",
                            "diagonal_entry_at_most_operator_norm"),
                      latex=r"\forall L_0,L_1\ge0:\ |\partial^2_{(b^\ell_1)^2}L(\rho(t^*))|>L_0+L_1\|\nabla L(\rho(t^*))\|,"
                            r"\ t^*=1+\frac{|B|+L_0+L_1(\sqrt a+\sqrt b)+1}{A}",
                      lhs=lambda: COEF_A * TSTAR**power - COEF_B * TSTAR, rhs=L0 + L1 * GNORM,
                      assuming=witness_premises(),
                      justification="Trusted: the closed forms read as A = 2 n d_out sigma'(c)^2 (> 0: n, d_out >= 1, "
                                    "sigma'(c) != 0 by Assumption 1), B = 2 sigma''(c) sum y, r_a^2 = 4 sum_r (sum_s "
                                    "y_sr)^2, r_b^2 = 4 K sigma'(c)^2 (sum y)^2; H > L0 + L1 g >= 0 gives |H| too.")


def diagonal_entry_step() -> Inequality:
    r""":math:`|H_{ii}|\le\|\mathbf H\|_{op}` for a matrix of every size: :math:`\|\mathbf H\|_{op}\ge\|\mathbf He_i\|`
    (the definition of the operator norm at the unit vector :math:`e_i`) and
    :math:`\|\mathbf He_i\|^2=H_{ii}^2+R`, :math:`R=\sum_{j\ne i}H_{ji}^2\ge0`, so :math:`\|\mathbf He_i\|\ge|H_{ii}|`.
    This is what turns the entry witness into one for Definition 1's operator norm."""
    entry, rest = sp.symbols("H_ii R", real=True)
    return Inequality(label="diagonal_entry_at_most_operator_norm", relation=">=", printed=False,
                      latex=r"\|\mathbf H\|_{op}^2\ge\|\mathbf He_i\|^2=H_{ii}^2+\sum_{j\ne i}H_{ji}^2\ge H_{ii}^2",
                      lhs=entry**2 + rest, rhs=entry**2, assuming=[rest >= 0],
                      justification="The first inequality is the definition of the operator norm (a supremum over unit "
                                    "vectors, e_i among them); the checked one is H_ii^2 + R >= H_ii^2 for every R >= 0, "
                                    "R the sum of the other squared entries of column i, whatever the size.")


def leading_positive_step() -> Inequality:
    r""":math:`A=2nd_{out}\sigma'(c)^2>0` for every :math:`n,d_{out}\ge1` and :math:`\sigma'(c)\ne0`."""
    return Inequality(label="leading_coefficient_positive", relation=">", printed=False, uses=("hessian_entry_every_size",),
                      latex=r"A=2\,n\,d_{out}\,\sigma'(c)^2>0",
                      lhs=lambda: sp.Poly(sp.expand(hessian_entry_closed_form()), T).coeff_monomial(T**2),
                      rhs=sp.Integer(0),
                      justification="The t^2 coefficient of the Hessian entry's closed form; n, d_out positive integers "
                                    "and sigma'(c) != 0 (Assumption 1) are the symbols' assumptions.")


# ---------------------------------------------------------------- the steps


def every_size_steps(loss: str = "l2") -> list[Step]:
    r"""The steps of issue 14 item 3 for ``loss`` (``l2``: Theorem 12; ``cross_entropy``: Theorem 14)."""
    if loss == "cross_entropy":
        return cross_entropy_steps()
    if loss != "l2":
        raise ValueError(f"unknown loss {loss!r}: l2 or cross_entropy")
    return [
        forward_induction(),
        backward_induction(),
        units_interchangeable_step(),
        closed_form_step("grad_norm_sq_every_size",
                         r"\ell\ge2:\ \|\nabla L(\rho(t))\|^2=4\sum_{r}(\sum_sy_{sr})^2+4K\sigma'(c)^2t^2(\sum_{s,r}y_{sr})^2",
                         grad_norm_sq_assembled, grad_norm_sq_closed_form,
                         "Chain rule dL/dp = sum_{s,r} 2 (f_r - y_sr) df_r/dp with n, d_out, K symbols; f = 0 and h^{l-1} "
                         "= sigma(c) = 0 by the forward induction, layers below l contribute 0 by the backward "
                         "induction. Trusted: the list of parameter groups (M^{l+1}, b^{l+1}, M^l, b^l, lower layers).",
                         uses=("hidden_preactivation_is_c", "backward_signal_vanishes", "units_interchangeable")),
        closed_form_step("hessian_entry_every_size",
                         r"\ell\ge1:\ \partial^2_{(b^\ell_1)^2}L(\rho(t))=2nd_{out}\sigma'(c)^2t^2-2\sigma''(c)\,t\sum_{s,r}y_{sr}",
                         hessian_entry_assembled, hessian_entry_closed_form,
                         "d^2L/dp^2 = sum_{s,r} 2[(df_r/dp)^2 + (f_r - y_sr) d^2f_r/dp^2], p = b^l_1 entering f_r only "
                         "through t M_r1 sigma(s^l_1), s^l_1 = c (forward induction). Trusted: that chain rule.",
                         uses=("hidden_preactivation_is_c",)),
        jets_agreement_step(),
        leading_positive_step(),
        diagonal_entry_step(),
        witness_step(),
    ]


def jets_agreement_step(loss: str = "l2") -> Check:
    r"""The general closed forms against the exhaustive computation (:func:`proofs.cooper.ray.quantities`) on the
    declared scope: a general formula that disagrees with a direct computation is refused."""
    forms, spec = CLOSED_FORMS[loss], SCOPE if loss == "l2" else CE_SCOPE
    pairs = lambda: [(a, 2) for a in net.scope(**spec)]  # noqa: E731
    wrong = [{**forms, name: w} for name, closed in forms.items() for w in wrong_closed_forms(closed)[:3]]
    return Check(label="every_size_agrees_with_jets", printed=False, kind_name="cross-check",
                 cross_checks="hessian_entry_every_size",
                 latex=r"\text{closed forms}=\text{exact jets of the network on the scope}",
                 run_check=lambda: agreement_with_jets(pairs(), loss=loss),
                 wrong_versions=[lambda w=w: agreement_with_jets(pairs(), forms=w, loss=loss) for w in wrong],
                 scope=scope_of(spec),
                 justification="Cross-check, not part of the proof: the closed forms proved for every size, at each "
                               "architecture of the scope (symbolic data, generic sigma), equal the Hessian entry and "
                               "the gradient norm computed from the whole network's exact jets.")


# ---------------------------------------------------------------- cross-entropy (Theorem 14): M = [I 0]

#: The declared scope of Theorem 14's exhaustive checks (d_out >= 2 classes).
CE_SCOPE = dict(depths=(2, 3, 4), widths=(1, 2), d_ins=(1,), d_outs=(2, 3))
#: Column 1 of the cross-entropy direction :math:`M=[I\ 0]` read off the code: :math:`e_1` (M_11 = 1, M_21 = 0).
_CE_M = net.ray_matrix(net.Architecture((1,), 1, 2), "cross_entropy")
CE_SAME, CE_OTHER = sp.Integer(_CE_M[0][0]), sp.Integer(_CE_M[1][0])


def class_weight(s: sp.Expr, d_out: Any = D_OUT) -> sp.Expr:
    r""":math:`w_s=\sum_{r=1}^{d_{out}}y_{sr}` (1 under Assumption 2)."""
    return sp.Sum(Y[s, _r], (_r, 1, d_out))


def ce_datum_loss(f_moving: sp.Expr, r: sp.Expr, s: sp.Expr, others: sp.Expr = sp.Integer(0)) -> sp.Expr:
    r"""(14) for datum s when output r is ``f_moving`` and the other :math:`d_{out}-1` outputs all equal ``others``
    (interchangeable: 0 on the ray): :math:`-y_{sr}f_r-\sum_{j\ne r}y_{sj}\,others+w_s\log(e^{f_r}+(d_{out}-1)e^{others})`."""
    rest = class_weight(s) - Y[s, r]
    return -Y[s, r] * f_moving - rest * others + class_weight(s) * sp.log(sp.exp(f_moving) + (D_OUT - 1) * sp.exp(others))


def ce_hessian_entry_assembled() -> sp.Expr:
    r""":math:`\sum_s\partial^2_\varepsilon L_s` with :math:`b^\ell_1` moved by :math:`\varepsilon`: output 1 moves as
    :math:`f_1=tM_{11}\sigma(c+\varepsilon)`, the others as :math:`f_j=tM_{j1}\sigma(c+\varepsilon)` (M_j1 = 0)."""
    return sp.Sum(_dv(ce_datum_loss(T * CE_SAME * sigma_jet(C + EPS), 1, _s, T * CE_OTHER * sigma_jet(C + EPS)), 2),
                  (_s, 1, N))


def ce_hessian_entry_closed_form(n: Any = N, d_out: Any = D_OUT, width: Any = K) -> sp.Expr:
    r""":math:`\sigma'(c)^2t^2(\tfrac1{d}-\tfrac1{d^2})\sum_sw_s+\sigma''(c)t\sum_s(\tfrac{w_s}{d}-y_{s1})`, d = d_out."""
    return (SIGMA_1**2 * T**2 * (1 / d_out - 1 / d_out**2) * sp.Sum(class_weight(_s, d_out), (_s, 1, n))
            + SIGMA_2 * T * sp.Sum(class_weight(_s, d_out) / d_out - Y[_s, 1], (_s, 1, n)))


def ce_grad_norm_sq_assembled() -> sp.Expr:
    r""":math:`\sum_{r\le d_{out}}g_{b^{\ell+1}_r}^2+\sum_{k\le K}g_{b^\ell_k}^2` (weights: a factor
    :math:`\sigma(c)=0`; layers below ℓ: 0).  Unit k of layer ℓ reaches output k only when
    :math:`k\le\min(K,d_{out})` (column k of [I 0]), and then moves it as :math:`t\sigma(c+\varepsilon)`."""
    out_bias = sp.Sum(_dv(ce_datum_loss(EPS, _r, _s)), (_s, 1, N))
    last_bias = sp.Sum(_dv(ce_datum_loss(T * CE_SAME * sigma_jet(C + EPS), _r, _s)), (_s, 1, N))
    return sp.Sum(out_bias**2, (_r, 1, D_OUT)) + sp.Sum(last_bias**2, (_r, 1, sp.Min(K, D_OUT)))


def ce_grad_norm_sq_closed_form(n: Any = N, d_out: Any = D_OUT, width: Any = K) -> sp.Expr:
    r""":math:`\sum_{j\le d_{out}}e_j^2+\sigma'(c)^2t^2\sum_{j\le\min(K,d_{out})}e_j^2`,
    :math:`e_j=\sum_s(w_s/d_{out}-y_{sj})` (as :func:`symbolic.network.grad_norm_sq_closed_form`)."""
    e = sp.Sum(class_weight(_s, d_out) / d_out - Y[_s, _r], (_s, 1, n))
    return sp.Sum(e**2, (_r, 1, d_out)) + SIGMA_1**2 * T**2 * sp.Sum(e**2, (_r, 1, sp.Min(width, d_out)))


CLOSED_FORMS = {"l2": {"hessian_entry": hessian_entry_closed_form, "grad_norm_sq": grad_norm_sq_closed_form},
                "cross_entropy": {"hessian_entry": ce_hessian_entry_closed_form,
                                  "grad_norm_sq": ce_grad_norm_sq_closed_form}}


def _ce_leading() -> sp.Expr:
    r"""The :math:`t^2` coefficient of the entry with :math:`w_s=1` (Assumption 2)."""
    def is_class_weight(e: sp.Expr) -> bool:  # SymPy flattens sum_s w_s into one Sum over (r, s)
        return isinstance(e, sp.Sum) and e.function == Y[_s, _r] and tuple(e.limits[0]) == (_r, 1, D_OUT)

    a2 = ce_hessian_entry_closed_form().replace(is_class_weight, lambda e: sp.Sum(1, *e.limits[1:]).doit()
                                                if len(e.limits) > 1 else sp.Integer(1)).doit()
    return sp.Poly(sp.expand(a2), T).coeff_monomial(T**2)


def ce_leading_positive_step() -> Inequality:
    r"""Under Assumption 2 (:math:`w_s=1`): :math:`A=\sigma'(c)^2n(\tfrac1d-\tfrac1{d^2})>0` for :math:`d=d_{out}\ge2`."""
    return Inequality(label="leading_coefficient_positive", relation=">", printed=False, uses=("hessian_entry_every_size",),
                      latex=r"A=\sigma'(c)^2\,n\,(\tfrac1{d_{out}}-\tfrac1{d_{out}^2})>0\quad(d_{out}\ge2,\ \sum_jy_{sj}=1)",
                      lhs=_ce_leading, rhs=sp.Integer(0), assuming=[D_OUT >= 2],
                      justification="The t^2 coefficient of the entry's closed form with w_s = 1 (Assumption 2); "
                                    "d_out >= 2 classes (Thm 14) and sigma'(c) != 0 (Assumption 1).")


def cross_entropy_steps() -> list[Step]:
    r"""Theorem 14's ray statements for every size (M = [I 0]; the forward and backward inductions are shared)."""
    return [
        forward_induction(),
        backward_induction(),
        units_interchangeable_step(),
        closed_form_step("grad_norm_sq_every_size",
                         r"\ell\ge2:\ \|\nabla L\|^2=\sum_{j\le d_{out}}e_j^2+\sigma'(c)^2t^2\sum_{j\le\min(K,d_{out})}e_j^2,"
                         r"\ e_j=\sum_s(\tfrac{w_s}{d_{out}}-y_{sj})",
                         ce_grad_norm_sq_assembled, ce_grad_norm_sq_closed_form,
                         "dL_s/df_r = w_s e^{f_r}/sum_j e^{f_j} - y_sr = w_s/d_out - y_sr at f = 0 (forward induction); "
                         "the other d_out - 1 outputs are interchangeable (all 0). Trusted: the parameter groups and "
                         "that unit k of layer l reaches output k only for k <= min(K, d_out) (M = [I 0]).",
                         uses=("hidden_preactivation_is_c", "backward_signal_vanishes", "units_interchangeable")),
        closed_form_step("hessian_entry_every_size",
                         r"\ell\ge1:\ \partial^2_{(b^\ell_1)^2}L=\sigma'(c)^2t^2(\tfrac1{d}-\tfrac1{d^2})\sum_sw_s"
                         r"+\sigma''(c)t\sum_s(\tfrac{w_s}{d}-y_{s1})",
                         ce_hessian_entry_assembled, ce_hessian_entry_closed_form,
                         "b^l_1 moves output 1 only (column 1 of M = [I 0] is e_1, read off the code); the loss (14) "
                         "of datum s as a function of f_1 with the other d_out - 1 outputs 0. Trusted: that reduction.",
                         uses=("hidden_preactivation_is_c",)),
        jets_agreement_step("cross_entropy"),
        ce_leading_positive_step(),
        diagonal_entry_step(),
        witness_step(),
    ]
