r"""Cooper, Theorem 12: the L2 loss of a network of depth >= 2 is not (L0, L1)-smooth.

Reference: [Cooper, App. C, Thm 12, eqs. (26)-(29); Remark 2 in §2]

Statement:   For any feedforward network of depth :math:`\ell\ge2` with twice
             differentiable :math:`\sigma` satisfying Assumption 1, the L2 loss (13)
             is not :math:`(L_0,L_1)`-smooth for any :math:`L_0, L_1`.
Assumptions: A1  sigma(c) = 0, sigma'(c) != 0       [paper: Assumption 1]  superfluous: the shifted ray needs only A4
             A2  sigma twice differentiable         [paper: Thm 12]
             A3  depth l >= 2                       [paper: Thm 12]        superfluous given A5 (depth 1 works)
             A4  sigma non-constant                 [implied by A1]        necessary (sigma = k: m-smooth)
             A5  depth l >= 1                       [implied by A3]        necessary (depth 0: m-smooth)
Symbols:     \sigma'(c) -> sigma_1, \sigma''(c) -> sigma_2, \sigma(c') -> sigma_0 (shifted ray), t -> t, M = \Omega.
Proof outline:
  1. `gradient_on_ray_eq_28`          grad L = -2 sum_s Df(x_s)^T y_s on the ray (scope)
  2. `grad_norm_sq_degree_at_most_2`  ||grad L||^2 is a polynomial of degree <= 2 in t
  3. `grad_norm_sq_closed_form`       ... equal to 4 sum_k (sum_s y_sk)^2 + 4 sigma_1^2 t^2 c_l (sum y)^2 (scope)
  4. `hessian_eq_29`                  H L = -2 sum Hf^T y + 2 sum Df^T Df on the ray (scope)
  5. `first_term_entries_at_most_linear`  the entries of Hf on the ray have degree <= 1 in t (scope)
  6. `second_term_entry_as_printed`   the (b^l_1, b^l_1) entry of the second term is 2 sigma_1^2 t^2 n d_out
                                      (prime-size architectures: n, d_in, c_l, d_out distinct)
  7. `hessian_entry_closed_form`      the whole entry: 2 n d_out sigma_1^2 t^2 - 2 sigma_2 t sum y (scope + primes)
  8. `hessian_entry_degree_2`         degree 2 with leading coefficient 2 n d_out sigma_1^2 != 0 (primes)
  9. `layer_recursion_hidden`, `layer_recursion_output`  the inductive step for every depth, rows of any width K
 10. `gradient_grows_linearly`        printed "the gradient grows linearly": fails when sum y = 0 (bounded gradient)
     `gradient_grows_at_most_linearly`  repaired: degree <= 2, which is all the conclusion uses
 11. `shifted_ray_without_assumption_1`  b^{l+1} = -t sigma(c') M 1: f = 0 and the same entry with no sigma(c') = 0
     `shifted_ray_equals_direct_differentiation`, `shifted_ray_agrees_with_mirror`  its cross-checks
 12. `entry_over_t_squared_limit`     H_entry / t^2 -> 2 n d_out sigma_1^2
 13. `agrees_with_mirror`             jets = independent mpmath hyper-dual values, t up to 1e6
 14. `remark_2_norms`                 |H_ii| <= ||H||_op <= ||H||_F <= sqrt(p) ||H||_op on the ray
 15. `no_L0_L1_witness`               for any (L0, L1) an explicit t* with ||H||_op > L0 + L1 ||grad L||
Review notes: the printed proof holds step by step, proved on the declared scope (not for
every architecture); the layer recursion is the inductive step.  One printed sentence is too
strong ("the gradient grows linearly": bounded when sum y = 0; the conclusion only gets stronger).
The hypotheses are stronger than needed: A1 can be replaced by "sigma non-constant" (A4, the
shifted ray; witnesses for the logistic sigmoid, softplus, u^2 and the paper's Example 1), and
A3 by l >= 1 (A5; cooper.depth_1).  A4 and A5 are necessary (l = 0 is Theorem 13).
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any, Mapping

import flint
import mpmath
import sympy as sp

from numeric import network as mirror
from proofs.enclosure import enclose
from proofs.engine import (Assumption, Check, Claim, Inequality, Limit, Necessity, NumericAgreement, Parameter,
                           PolynomialDegree, StepResult, Witness, WitnessCheck)
from proofs.errors import AssumptionViolated, BadInput
from proofs.budget import SYMBOLIC_BUDGET_S, within_budget
from proofs.steps import check_zero
from symbolic import network as net
from symbolic import shifted_ray as shift
from symbolic.activations import CATALOGUE, SIGMA_1, SIGMA_2, U, activation, values_at_c

ID = "cooper.thm_12"
LOSS = "l2"
#: A representative architecture for the steps stated with symbolic data.
REPRESENTATIVE = net.Architecture((2, 2), 2, 2)
#: The declared scope of exhaustive checks.
SCOPE = dict(depths=(2, 3, 4), widths=(1, 2), d_ins=(1, 2), d_outs=(1, 3))
ACTIVATIONS = ("generic", *CATALOGUE)


# ---------------------------------------------------------------- parameters shared by the Cooper deep claims


def _int(params: Mapping[str, Any], name: str, default: int) -> int:
    value = params.get(name, default)
    return default if value is None else int(value)


def configuration(params: Mapping[str, Any], loss: str) -> tuple[net.Architecture, net.Data, str]:
    r"""``(architecture, data, activation name)`` from ``--set`` parameters.

    Data come from ``xs``/``ys`` (nested lists, n rows of d_in / d_out numbers)
    or from :func:`symbolic.network.seeded_data` with ``seed``.
    """
    depth, width = _int(params, "depth", 2), _int(params, "width", 2)
    d_in, d_out, n = _int(params, "d_in", 2), _int(params, "d_out", 2), _int(params, "n", 2)
    if min(width, d_in, d_out, n) < 1 or depth < 0:
        raise BadInput("depth >= 0 and width, d_in, d_out, n >= 1 are required")
    arch = net.architecture(depth, width, d_in, d_out)
    xs, ys = params.get("xs"), params.get("ys")
    if (xs is None) != (ys is None):
        raise BadInput("give both xs and ys, or neither (then data come from seed)")
    if xs is None:
        return arch, net.seeded_data(n, d_in, d_out, _int(params, "seed", 0), loss), params.get("activation") or "tanh"
    if len(xs) != len(ys) or any(not isinstance(r, list) or len(r) != d_in for r in xs) \
            or any(not isinstance(r, list) or len(r) != d_out for r in ys):
        raise BadInput(f"xs must be a list of rows of length d_in={d_in}, ys of rows of length d_out={d_out}, same count")
    return arch, net.data_from_lists(xs, ys), params.get("activation") or "tanh"


def quantities(arch: net.Architecture, data: net.Data, loss: str, name: str) -> dict[str, sp.Expr]:
    r"""``grad_norm_sq``, ``hessian_entry`` (of :math:`b^\ell_1`) and ``hessian_frobenius_sq`` along the ray."""
    if arch.depth == 0 and loss == "cross_entropy":
        raise BadInput("cross-entropy at depth 0 leaves the ray's f = 0 regime; see cooper.thm_15")
    d = net.derivatives_on_ray(arch, data, loss)
    entry = net.named_entry(arch)
    return {"grad_norm_sq": net.at_activation(d.grad_norm_sq(), name),
            "hessian_entry": net.at_activation(d.entry(entry, entry), name),
            "hessian_frobenius_sq": net.at_activation(d.hessian_frobenius_sq(), name)}


def activation_holds_a1(params: Mapping[str, Any]) -> bool:
    r"""Assumption 1 for the chosen activation (catalogue data)."""
    name = params.get("activation")
    if name in (None, "generic"):
        return True
    act = activation(name)
    try:
        zero, first, _ = values_at_c(act)
    except Exception:  # noqa: BLE001 - no c, or no derivative at c: Assumption 1 (or A2) fails
        return act.c is not None and act.kink is not None
    return zero == 0 and first != 0


def activation_twice_differentiable(params: Mapping[str, Any]) -> bool:
    r"""Twice differentiability of the chosen activation."""
    name = params.get("activation")
    return name in (None, "generic") or activation(name).twice_differentiable


@functools.lru_cache(maxsize=256)
def _coefficients(expr: sp.Expr) -> tuple[list, bool]:
    r"""Coefficients of a polynomial in t (highest first), as Fractions if rational, else Arb balls."""
    coeffs = sp.Poly(sp.expand(expr), net.T).all_coeffs()
    if all(c.is_Rational for c in coeffs):
        return [Fraction(int(c.p), int(c.q)) for c in coeffs], True
    return [enclose(c, {}) for c in coeffs], False


def _horner(coeffs: list, t):
    value = 0 * t
    for c in coeffs:
        value = value * t + c
    return value


def witness_point(h: sp.Expr, g: sp.Expr, L0: sp.Rational, L1: sp.Rational) -> sp.Rational:
    r"""The first :math:`t^*=2^k` with :math:`|h(t^*)|>L_0+L_1\sqrt{g(t^*)}`, proved by :func:`violation`."""
    t = 1
    for _ in range(4000):
        if violation(h, g, L0, L1, sp.Integer(t)).holds:
            return sp.Integer(t)
        t *= 2
    raise BadInput("no violation found below t = 2^4000")


def violation(h: sp.Expr, g: sp.Expr, L0: sp.Rational, L1: sp.Rational, t: sp.Expr) -> WitnessCheck:
    r"""Decide :math:`|h(t)| > L_0+L_1\sqrt{g(t)}` exactly (rational coefficients) or with an Arb enclosure."""
    (hc, exact_h), (gc, exact_g) = _coefficients(h), _coefficients(g)
    t, L0f, L1f = Fraction(int(sp.Rational(t).p), int(sp.Rational(t).q)), Fraction(str(L0)), Fraction(str(L1))
    if exact_h and exact_g:
        hv, gv = abs(_horner(hc, t)), _horner(gc, t)
        holds = hv > L0f and (hv - L0f) ** 2 > L1f**2 * gv
        shown_h, shown_rhs = str(hv), f"{L0f} + {L1f}*sqrt({gv})"
    else:
        arb_t = flint.arb(flint.fmpq(t.numerator, t.denominator))
        hv, gv = abs(_horner([flint.arb(c) if isinstance(c, Fraction) is False else flint.arb(flint.fmpq(c.numerator, c.denominator)) for c in hc], arb_t)), \
            _horner([c if not isinstance(c, Fraction) else flint.arb(flint.fmpq(c.numerator, c.denominator)) for c in gc], arb_t)
        rhs = flint.arb(flint.fmpq(L0f.numerator, L0f.denominator)) + flint.arb(flint.fmpq(L1f.numerator, L1f.denominator)) * gv.sqrt()
        holds = bool((hv - rhs).lower() > 0)
        shown_h, shown_rhs = hv.str(10), rhs.str(10)
    return WitnessCheck(lhs=f"|H_entry(t*)| = {shown_h}", rhs=f"L0 + L1*||grad L(t*)|| = {shown_rhs}", holds=bool(holds))


def make_witness(loss: str, claim_id: str):
    r"""The ``witness`` callable of a claim: ``t*`` for the user's ``L0``, ``L1``."""
    def witness(params: Mapping[str, Any]) -> dict[str, Any]:
        arch, data, name = configuration(params, loss)
        if arch.depth == 0:
            raise AssumptionViolated(claim_id, "A3", "depth l >= 1 (the loss is m-smooth at depth 0)", {"depth": 0})
        L0, L1 = (sp.Rational(str(params.get(k, 1))) for k in ("L0", "L1"))
        if L0 < 0 or L1 < 0:
            raise BadInput("L0 and L1 must be >= 0")
        q = quantities(arch, data, loss, name)
        t = witness_point(q["hessian_entry"], q["grad_norm_sq"], L0, L1)
        check = violation(q["hessian_entry"], q["grad_norm_sq"], L0, L1, t)
        return {"constants": {"L0": str(L0), "L1": str(L1)}, "points": [[str(t)]],
                "point_meaning": "t* on the ray rho(t); |H_entry| <= ||H||_op, so the op-norm inequality fails too",
                "check": {"lhs": check.lhs, "rhs": check.rhs, "holds": check.holds}}
    return witness


def _derive(params: Mapping[str, Any]) -> dict[str, Any]:
    arch, data, name = configuration(params, LOSS)
    q = quantities(arch, data, LOSS, name)
    return {**{k: str(v) for k, v in q.items()}, "hessian_entry_parameter": net.named_entry(arch).latex()}


# ---------------------------------------------------------------- steps


def _scope() -> list[net.Architecture]:
    return net.scope(**SCOPE)


#: The activation the exhaustive checks run with: sigma generic, sigma(c) = 0, sigma'(c), sigma''(c) symbols.
GENERIC_SIGMA = "generic: sigma(c) = 0, sigma'(c) and sigma''(c) symbols"
#: ``(n, d_in, width, d_out, depth)``.  Within each case n, d_in, width and d_out are distinct primes, and every
#: pair of dimensions (depth included) differs in some case: a printed formula with one dimension symbol put for
#: another (n width for n d_out, d_in for d_out, ...) takes a different value on at least one case.
PRIME_CASES = ((2, 3, 5, 7, 2), (7, 5, 3, 2, 2), (3, 7, 2, 5, 3))
#: The dimension symbols a printed formula may use.
DIMENSIONS = ("n", "d_in", "width", "d_out", "depth")


def prime_architectures(cases=PRIME_CASES) -> list[tuple[net.Architecture, int]]:
    r"""``(architecture, n)`` for each case of :data:`PRIME_CASES` (uniform widths)."""
    return [(net.architecture(depth, width, d_in, d_out), n) for n, d_in, width, d_out, depth in cases]


def dimensions(arch: net.Architecture, n: int) -> dict[str, int]:
    r"""The dimension symbols of a printed formula: :math:`n`, :math:`d_{in}`, :math:`c_\ell` (``width``),
    :math:`d_{out}`, :math:`\ell` (``depth``).

    >>> dimensions(net.Architecture((2, 5), 3, 7), 2)
    {'n': 2, 'd_in': 3, 'width': 5, 'd_out': 7, 'depth': 2}
    """
    return {"n": n, "d_in": arch.d_in, "width": arch.widths[-1] if arch.depth else arch.d_in, "d_out": arch.d_out,
            "depth": arch.depth}


def show_architecture(arch: net.Architecture, n: int) -> dict[str, Any]:
    r"""One architecture of a scope, as JSON-able data."""
    return {"n": n, "d_in": arch.d_in, "widths": list(arch.widths), "d_out": arch.d_out}


def scope_of(spec: Mapping[str, tuple], *, n: tuple[int, ...] = (2,), data: str = "symbolic x, y",
             activation_: str = GENERIC_SIGMA, also: list[tuple[net.Architecture, int]] | None = None) -> dict[str, Any]:
    r"""The structured scope of a check run over :func:`symbolic.network.scope` of ``spec`` (and ``also``)."""
    depths = spec.get("depths", (2, 3, 4))
    out: dict[str, Any] = {"depths": list(depths), "widths": list(spec.get("widths", (1, 2)))}
    shapes = [list(s) for s in ((1, 2), (2, 1), (2, 1, 2)) if len(s) in depths]
    if shapes:
        out["non_uniform_widths"] = shapes
    out |= {"d_ins": list(spec.get("d_ins", (1, 2))), "d_outs": list(spec.get("d_outs", (1, 2))), "n": list(n),
            "data": data, "activation": activation_}
    if also:
        out["also"] = [show_architecture(a, k) for a, k in also]
    return out


def architectures_scope(pairs: list[tuple[net.Architecture, int]], *, data: str = "symbolic x, y",
                        activation_: str = GENERIC_SIGMA) -> dict[str, Any]:
    r"""The scope of a check run on the listed architectures only."""
    return {"architectures": [show_architecture(a, k) for a, k in pairs], "data": data, "activation": activation_}


def _swapped(formula, symbol: str, other: str):
    r"""``formula`` with the dimension ``symbol`` replaced by ``other`` (a plausible misprint)."""
    return lambda D, data: formula({**D, symbol: D[other]}, data)


def _short(expr: sp.Expr, limit: int = 120) -> str:
    text = str(expr)
    return text if len(text) <= limit else text[:limit] + "..."


def check_against_dimensions(computed, formula, pairs, loss: str, data_of) -> StepResult:
    r"""``computed(arch, data) == formula(dimensions, data)`` exactly on every ``(arch, n)`` of ``pairs``."""
    for arch, n in pairs:
        data = data_of(n, arch.d_in, arch.d_out)
        D = dimensions(arch, n)
        value, want = computed(arch, data), formula(D, data)
        if sp.expand(value - want) != 0:
            shown = ", ".join(f"{k}={v}" for k, v in D.items())
            found = f"computed {_short(value)}, formula {_short(want)}"
            return StepResult(False, "symbolic", "exact-jets", f"{shown}: {found}", counterexample=f"{shown}: {found}",
                              values={"dimensions": shown})
    return StepResult(True, "symbolic", "exact-jets", f"exact on {len(pairs)} architectures ({loss}, symbolic data)")


def dimension_step(label: str, latex: str, computed, formula, *, uses: tuple[str, ...], loss: str = LOSS,
                   data_of=net.symbolic_data, pairs=None, scope: Mapping[str, Any] | None = None, **fields) -> Check:
    r"""A formula in the dimension symbols, checked exactly where they are distinguishable.

    ``formula(D, data)`` is the formula as written (``D``: :func:`dimensions`), ``computed(arch, data)`` the
    independent computation from the jets.  ``pairs`` defaults to the architectures of :data:`PRIME_CASES`.
    The wrong versions put each used dimension symbol for every other one, flip the sign, double the formula
    and add one: each must be rejected.
    """
    pairs = prime_architectures() if pairs is None else pairs
    run = functools.partial(check_against_dimensions, computed, pairs=pairs, loss=loss, data_of=data_of)
    wrong = [lambda s=s, r=r: run(_swapped(formula, s, r)) for s in uses for r in DIMENSIONS if r != s]
    wrong += [lambda: run(lambda D, data: -formula(D, data)), lambda: run(lambda D, data: 2 * formula(D, data)),
              lambda: run(lambda D, data: formula(D, data) + 1)]
    return Check(label=label, latex=latex, run_check=lambda: run(formula), wrong_versions=wrong,
                 scope=scope or architectures_scope(pairs), kind_name="formula-in-dimensions", **fields)


def leading_coefficient(expr: sp.Expr, degree: int) -> sp.Expr:
    r"""The coefficient of :math:`t^{degree}` of ``expr``, which must have exactly that degree in t."""
    poly = sp.Poly(sp.expand(expr), net.T)
    if poly.degree() != degree:
        raise ValueError(f"degree {poly.degree()} in t, not {degree}")
    return poly.LC()


def scope_pairs() -> list[tuple[net.Architecture, int]]:
    r"""``(architecture, n)`` over the declared :data:`SCOPE`, n = 2."""
    return [(arch, 2) for arch in _scope()]


def wide_pairs() -> list[tuple[net.Architecture, int]]:
    r"""The prime-size architectures of :data:`PRIME_CASES` (first: a wrong formula fails fast there) and the scope."""
    return prime_architectures() + scope_pairs()


def _over_scope(test, loss: str = LOSS, pairs=None) -> StepResult:
    r"""``test(arch, data, derivatives)`` (``None`` when it holds) on every ``(arch, n)`` of ``pairs``
    (default: the declared scope, n = 2), symbolic data."""
    pairs = scope_pairs() if pairs is None else pairs
    for arch, n in pairs:
        data = net.symbolic_data(n, arch.d_in, arch.d_out)
        problem = test(arch, data, net.derivatives_on_ray(arch, data, loss))
        if problem:
            return StepResult(False, "symbolic", "exact-jets", problem, counterexample=f"{arch}, n = {n}: {problem}")
    return StepResult(True, "symbolic", "exact-jets", f"exact for all {len(pairs)} architectures, symbolic data")


def _output_jets(arch: net.Architecture, data: net.Data, loss: str):
    M = tuple(map(tuple, net.ray_matrix(arch, loss)))
    return [net.layer_jets(arch, x, M)[-1] for x in data.xs]


def _expr(value) -> sp.Expr:
    return value.as_expr() if hasattr(value, "as_expr") else sp.sympify(value)


def gradient_eq_28(arch, data, d, scale=-2) -> str | None:
    r"""Compare :math:`\nabla L` with :math:`-2\sum_s Df(x_s)^Ty_s` entry by entry."""
    outs = _output_jets(arch, data, LOSS)
    for a in range(len(d.params)):
        want = scale * sum(_expr(jet.derivative(a)) * y for jets, ys in zip(outs, data.ys) for jet, y in zip(jets, ys))
        if sp.expand(_expr(d.gradient.get(a, 0)) - want) != 0:
            return f"d L / d {d.params[a].latex()}"
    return None


def hessian_eq_29(arch, data, d, first=-2, second=2) -> str | None:
    r"""Compare :math:`\mathbf HL` with :math:`-2\sum Hf^Ty+2\sum Df^TDf` on every stored or implied entry."""
    outs = _output_jets(arch, data, LOSS)
    keys = set(d.hessian)
    for jets in outs:
        for jet in jets:
            keys |= set(jet.quad) | {(a, b) for a in jet.lin for b in jet.lin if a <= b}
    for a, b in keys:
        want = sum(first * _expr(jet.second_derivative(a, b)) * y + second * _expr(jet.derivative(a)) * _expr(jet.derivative(b))
                   for jets, ys in zip(outs, data.ys) for jet, y in zip(jets, ys))
        if sp.expand(_expr(d.hessian.get((a, b), 0)) - want) != 0:
            return f"H[{d.params[a].latex()}, {d.params[b].latex()}]"
    return None


def hf_scope(spec: Mapping[str, tuple] = SCOPE) -> dict[str, Any]:
    r"""The scope of a check on the jets of :math:`f_\rho(x)` alone: one symbolic input x, symbolic direction M."""
    out = scope_of(spec, data="symbolic input x and direction M")
    out.pop("n")
    return out


def hf_degree_at_most(bound: int) -> StepResult:
    r"""Every entry of :math:`Hf(x)` on the ray has degree :math:`\le` ``bound`` in t (scope, symbolic x, M)."""
    worst = 0
    for arch in _scope():
        for jets in net._cached_layer_jets(arch)[-1:]:
            for jet in jets:
                for v in jet.quad.values():
                    worst = max(worst, v.degree(0))
    ok = worst <= bound
    return StepResult(ok, "symbolic", "exact-jets", f"max degree in t of the entries of Hf is {worst} (claimed <= {bound})",
                      counterexample=None if ok else f"an entry of degree {worst}")


def _representative() -> tuple[net.Data, net.RayDerivatives]:
    data = net.symbolic_data(2, REPRESENTATIVE.d_in, REPRESENTATIVE.d_out)
    return data, net.derivatives_on_ray(REPRESENTATIVE, data, LOSS)


#: The scope of a step checked on :data:`REPRESENTATIVE` only.
REPRESENTATIVE_SCOPE = {"architectures": [show_architecture(REPRESENTATIVE, 2)], "data": "symbolic x, y",
                        "activation": GENERIC_SIGMA}
#: The case of the limit step: depth 3, widths 2, d_in 7, d_out 5, n 3 (distinct sizes), seeded rational data.
LIMIT_CASE = (3, 7, 2, 5, 3)
LIMIT_SEED = 1


def _limit_arch() -> tuple[net.Architecture, int]:
    return prime_architectures((LIMIT_CASE,))[0]


def _entry_seeded() -> sp.Expr:
    arch, n = _limit_arch()
    data = net.seeded_data(n, arch.d_in, arch.d_out, LIMIT_SEED, LOSS)
    e = net.named_entry(arch)
    return net.derivatives_on_ray(arch, data, LOSS).entry(e, e)


def second_term_entry(arch: net.Architecture, data: net.Data) -> sp.Expr:
    r""":math:`2\sum_s\|\partial_{b^\ell_1}f_\rho(x_s)\|^2` on the ray, from the output jets."""
    a = arch.parameters().index(net.named_entry(arch))
    return 2 * sum(_expr(j.derivative(a)) ** 2 for jets in _output_jets(arch, data, LOSS) for j in jets)


def named_entry_on_ray(arch: net.Architecture, data: net.Data, loss: str = LOSS) -> sp.Expr:
    r""":math:`\partial^2L/(\partial b^\ell_1)^2` at :math:`\rho(t)`, from the jets."""
    e = net.named_entry(arch)
    return net.derivatives_on_ray(arch, data, loss).entry(e, e)


def printed_second_term(D: Mapping[str, int], data=None) -> sp.Expr:
    r"""The paper's :math:`2(\sigma'(c))^2t^2\cdot n\cdot d_{out}` (App. C, after (29))."""
    return 2 * SIGMA_1**2 * net.T**2 * D["n"] * D["d_out"]


def printed_leading(D: Mapping[str, int], data=None) -> sp.Expr:
    r"""The :math:`t^2` coefficient :math:`2nd_{out}\sigma'(c)^2` the proof draws from it."""
    return 2 * D["n"] * D["d_out"] * SIGMA_1**2


def grad_norm_sq_formula(D: Mapping[str, int], data: net.Data) -> sp.Expr:
    r""":math:`4\sum_k(\sum_sy_{sk})^2+4\sigma'(c)^2t^2c_\ell(\sum_{s,k}y_{sk})^2` (ours, not printed)."""
    total = sum(sum(row) for row in data.ys)
    return 4 * sum(sum(row[k] for row in data.ys) ** 2 for k in range(D["d_out"])) \
        + 4 * SIGMA_1**2 * net.T**2 * D["width"] * total**2


def hessian_entry_formula(D: Mapping[str, int], data: net.Data) -> sp.Expr:
    r""":math:`2nd_{out}\sigma'(c)^2t^2-2\sigma''(c)t\sum_{s,k}y_{sk}` (ours: the printed term and the dropped one)."""
    return 2 * D["n"] * D["d_out"] * SIGMA_1**2 * net.T**2 - 2 * SIGMA_2 * net.T * sum(sum(row) for row in data.ys)


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
                                  counterexample=f"{arch}: ||H||_F = {mpmath.nstr(frob, 8)} > r ||H||_op = {mpmath.nstr(r * op, 8)}")
    return StepResult(True, "numeric", "eigsy-60-digits",
                      "max|H_ii| <= ||H||_op <= ||H||_F <= sqrt(rank) ||H||_op at t = 10 (two architectures, tanh)",
                      sample={"points": 2, "dps": 60})


def _mirror_points() -> list[tuple]:
    return [((2, 2), 2, 2, 2, "tanh", 7, Fraction(10**6)), ((1, 3), 1, 3, 1, "gelu", 4, Fraction(37, 3)),
            ((2, 1, 2), 1, 1, 1, "softplus_shifted", 9, Fraction(-55))]


def _fractions(rows) -> list[list[Fraction]]:
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
        xs, ys = _fractions(data.xs), _fractions(data.ys)
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
                              counterexample=f"width {width}: {finite.counterexample}", values=finite.values)
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


def _loss_data(loss: str):
    return net.symbolic_data if loss == "l2" else net.probability_data


def shifted_ray_check(loss: str, *, paper_bias: bool = False, entry_scale: int = 1) -> StepResult:
    r"""On the shifted ray, over :data:`SHIFT_SCOPE` with symbolic data and :math:`\sigma(c')` = ``sigma_0``:
    :math:`f_{\rho(t)}=0`; every entry of Df and Hf has degree :math:`\le1` in t; :math:`\|\nabla L\|^2` has
    degree :math:`\le2`; the :math:`(b^\ell_1)^2` entry equals the closed form of Theorem 12 / 14 (free of
    ``sigma_0``).  ``paper_bias`` (the paper's ray, b^{l+1} = 0, without Assumption 1) and ``entry_scale`` are wrong
    versions."""
    pairs = shift_pairs(loss)
    for arch, n in pairs:
        data = _loss_data(loss)(n, arch.d_in, arch.d_out)
        M = tuple(map(tuple, net.ray_matrix(arch, loss)))
        where = f"{arch}, n = {n}"
        for x in data.xs:
            out = net.layer_jets(arch, x, M, shifted=True, paper_bias=paper_bias)[-1]
            if any(jet.const for jet in out):
                return StepResult(False, "symbolic", "exact-jets", f"{where}: f on the ray = "
                                  f"{[jet.const.as_expr() for jet in out]}", counterexample=f"{where}: f != 0")
            worst = max((v.degree(0) for jet in out for part in (jet.lin, jet.quad) for v in part.values()), default=0)
            if worst > 1:
                return StepResult(False, "symbolic", "exact-jets", f"{where}: a derivative of f of degree {worst} in t",
                                  counterexample=f"{where}: degree {worst}")
        try:
            d = net.derivatives_on_ray(arch, data, loss, shifted=True, paper_bias=paper_bias)
        except ValueError as exc:  # cross-entropy needs f = 0 at the point
            return StepResult(False, "symbolic", "exact-jets", f"{where}: {exc}", counterexample=f"{where}: {exc}")
        # deg ||grad L||^2 = 2 max_a deg grad_a (a sum of squares of real polynomials: no cancellation at the top)
        grad = 2 * max((v.degree(0) for v in d.gradient.values()), default=0)
        e = net.named_entry(arch)
        entry, want = d.entry(e, e), entry_scale * net.hessian_entry_closed_form(arch, data, loss)
        if grad > 2 or sp.expand(entry - want) != 0:
            return StepResult(False, "symbolic", "exact-jets", f"{where}: deg ||grad L||^2 = {grad}, entry {_short(entry)}",
                              counterexample=f"{where}: entry {_short(entry)} vs closed form {_short(want)}")
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
    data = _loss_data(loss)(1, arch.d_in, arch.d_out)
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
                      counterexample=f"entry {bad[0]}" if bad else None)


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
        xs, ys = _fractions(data.xs), _fractions(data.ys)
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
    data = _loss_data(loss)(2, arch.d_in, arch.d_out)
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
                      counterexample=None if ok else f"degrees {degree}, {bounded}")


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
    name = "sum_{s,k} y_sk = 0" if loss == "l2" else "every class total sum_m y_mj equal to n/d_out, e.g. uniform labels"
    scope = architectures_scope([(REPRESENTATIVE if loss == "l2" else net.Architecture((2, 2), 2, 3), 2)])
    return [
        Check(label="gradient_grows_linearly", kind_name="z3-sign",
              latex=r"\|\nabla L(\rho(t))\|\ \text{grows linearly in }t:\ [t^2]\,\|\nabla L\|^2>0",
              justification="End of the proof: 'the L2 norm of the gradient of L grows linearly while the norm of the "
                            "Hessian grows at least quadratically'; as a statement about every data set, the t^2 "
                            "coefficient of ||grad L||^2 must be positive.",
              run_check=lambda: gradient_growth_check(loss, at_most=False), scope=scope,
              erratum="'The gradient grows linearly' fails for some data: the t^2 coefficient of ||grad L||^2 vanishes "
                      f"at {{point}} ({name}): the gradient is then bounded along the ray. The conclusion only gets "
                      "stronger; the argument needs 'at most linearly' (step grad_norm_sq_degree_at_most_2)."),
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
    degree = sp.Poly(sp.expand(net.derivatives_on_ray(arch, uniform_labels(loss, arch, 2), loss).grad_norm_sq()), net.T).degree()
    return StepResult(degree == 2, "symbolic", "Poly", f"degree {degree} with the special data (claimed 2)")


def _steps() -> list:
    scope = scope_of(SCOPE)
    wide = scope_of(SCOPE, also=prime_architectures())
    limit_arch, limit_n = _limit_arch()
    limit_dims = dimensions(limit_arch, limit_n)
    return [
        Check(label="gradient_on_ray_eq_28", latex=r"\nabla L(\rho(t)) = -2\sum_s (\mathbf Df_\rho(x_s))^T y_s",
              justification="f_rho(t) = 0 on the ray (16), so the residual is -y_s.",
              run_check=lambda: _over_scope(gradient_eq_28), scope=scope,
              wrong_versions=[lambda: _over_scope(lambda a, dt, d: gradient_eq_28(a, dt, d, scale=2))]),
        PolynomialDegree(label="grad_norm_sq_degree_at_most_2", latex=r"\|\nabla L(\rho(t))\|^2\in\mathbb R[t],\ \deg\le 2",
                         expr=lambda: _representative()[1].grad_norm_sq(), var=net.T, degree=2, at_most=True,
                         scope=REPRESENTATIVE_SCOPE,
                         justification="Lemmas 9 and 10: the entries of Df on the ray have degree 0 or 1 in t "
                                       "(representative architecture, symbolic data; every architecture of the scope "
                                       "through grad_norm_sq_closed_form)."),
        dimension_step("grad_norm_sq_closed_form",
                       r"\|\nabla L\|^2=4\sum_k(\sum_sy_{sk})^2+4\sigma'(c)^2t^2c_\ell(\sum_{s,k}y_{sk})^2",
                       lambda a, dt: net.derivatives_on_ray(a, dt, LOSS).grad_norm_sq(), grad_norm_sq_formula,
                       uses=("width", "d_out"), pairs=wide_pairs(), scope=wide, printed=False,
                       justification="Ours (the paper only bounds the degree): the weight entries of grad L vanish "
                                     "(Lemma 9); b^{l+1}_k gives -2 sum_s y_sk, b^l_j gives -2 sigma'(c) t sum y."),
        Check(label="hessian_eq_29", latex=r"\mathbf HL(\rho(t))=-2\sum_s\mathbf Hf_\rho(x_s)^Ty_s+2\sum_s\mathbf Df_\rho(x_s)^T\mathbf Df_\rho(x_s)",
              run_check=lambda: _over_scope(hessian_eq_29), scope=scope,
              wrong_versions=[lambda: _over_scope(lambda a, dt, d: hessian_eq_29(a, dt, d, first=2))]),
        Check(label="first_term_entries_at_most_linear", latex=r"\deg_t\,[\mathbf Hf_\rho(x)|_{\rho(t)}]_{ab}\le1",
              justification="Lemma 11: each nonzero second derivative is a constant or t times a constant.",
              run_check=lambda: hf_degree_at_most(1), wrong_versions=[lambda: hf_degree_at_most(0)],
              scope=hf_scope()),
        dimension_step("second_term_entry_as_printed",
                       r"2\sum_s\|\partial_{b^\ell_1}f_\rho(x_s)\|^2=2(\sigma'(c))^2t^2\,n\,d_{out}",
                       second_term_entry, printed_second_term, uses=("n", "d_out"),
                       justification="Lemma 10: d f / d b^l_1 = sigma'(c) t Omega e_1, a vector of d_out entries "
                                     "sigma'(c) t, for each of the n data points."),
        dimension_step("hessian_entry_closed_form",
                       r"\partial^2_{(b^\ell_1)^2}L(\rho(t))=2nd_{out}\sigma'(c)^2t^2-2\sigma''(c)\,t\sum_{s,k}y_{sk}",
                       named_entry_on_ray, hessian_entry_formula, uses=("n", "d_out"), pairs=wide_pairs(), scope=wide,
                       printed=False,
                       justification="All terms: the first term of (29) contributes -2 sigma''(c) t sum y (Lemma 11, b-b case)."),
        dimension_step("hessian_entry_degree_2", r"\partial^2_{(b^\ell_1)^2}L=2nd_{out}\sigma'(c)^2t^2+O(t)",
                       lambda a, dt: leading_coefficient(named_entry_on_ray(a, dt), 2), printed_leading,
                       uses=("n", "d_out"),
                       justification="Degree exactly 2 in t with this leading coefficient; sigma'(c) != 0 "
                                     "(Assumption 1), so it is nonzero."),
        *recursion_steps(),
        *gradient_growth_steps(LOSS),
        shifted_ray_step(LOSS),
        shifted_direct_step(LOSS),
        shifted_mirror_step(LOSS),
        Limit(label="entry_over_t_squared_limit", latex=r"\lim_{t\to\infty}\partial^2_{(b^\ell_1)^2}L/t^2=2nd_{out}\sigma'(c)^2",
              expr=lambda: _entry_seeded() / net.T**2, var=net.T, point=sp.oo, expected=printed_leading(limit_dims),
              parameters=[{SIGMA_1: 1, SIGMA_2: 0}, {SIGMA_1: sp.Rational(1, 2), SIGMA_2: sp.Rational(1, 4)}], printed=False,
              scope={"architectures": [show_architecture(limit_arch, limit_n)],
                     "data": f"seeded rational (seed {LIMIT_SEED})", "activation": GENERIC_SIGMA},
              justification="Sizes n = 3, d_out = 5 (distinct from every other dimension), so a swapped dimension "
                            "symbol in the limit is rejected."),
        mirror_agreement(LOSS, "agrees_with_mirror"),
        Check(label="sigma_prime_zero_still_unbounded", printed=False,
              latex=r"\sigma'(c)=0:\ \partial^2_{(b^\ell_1)^2}L=-2\sigma''(c)\,t\sum_{s,k}y_{sk},\ \|\nabla L\|^2\ \text{constant in }t",
              justification="Assumption 1's sigma'(c) != 0 is not what the conclusion needs along this ray: sigma''(c) != 0 "
                            "and sum y != 0 also give an unbounded Hessian entry with a bounded gradient (e.g. sigma = u^2). "
                            "Subsumed by the shifted ray: such a sigma is non-constant, so sigma'(c') != 0 at some other c'.",
              run_check=sigma_prime_zero_check, wrong_versions=[lambda: sigma_prime_zero_check(True)],
              scope=REPRESENTATIVE_SCOPE),
        Check(label="remark_2_norms", latex=r"|H_{ii}|\le\|H\|_{op}\le\|H\|_F\le\sqrt{\operatorname{rank}H}\,\|H\|_{op}",
              justification="Remark 2 with explicit constants (q = 1, r = sqrt(rank)); the witness uses |H_ii| <= ||H||_op "
                            "directly, so the conclusion holds for the operator norm of Definition 1 without rescaling.",
              run_check=lambda: remark_2_check(LOSS), wrong_versions=[lambda: remark_2_check(LOSS, r_factor=1)]),
        witness_step(LOSS),
    ]


def depth_necessity(loss: str, depth_one_label: str = "A5") -> Necessity:
    r"""A3 (:math:`\ell\ge2`): superfluous given :math:`\ell\ge1` — the conclusion survives at depth 1 (checked)."""
    return Necessity(verdict="superfluous",
                     evidence=f"The conclusion survives without l >= 2 (l >= 1, {depth_one_label}, kept): at depth 1 "
                              "the same ray gives a Hessian entry of degree 2 and ||grad L||^2 of degree <= 2 "
                              "(witness checked here; cooper.depth_1 for the derivation). Dropping depth altogether is "
                              f"not possible: l >= 1 is necessary ({depth_one_label}).",
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
                                          evidence="At depth 0 f is affine in the parameters: " + _bounded_words(loss)
                                                   + " (checked for d_out = 2, one symbolic datum), so L is m-smooth "
                                                   "(Theorems 13 and 15).",
                                          check=_bounded_hessian_check("depth_0_loss_is_m_smooth", loss,
                                                                       shift.DEPTH_0_ARCH, r"\ell=0")))


def non_constant_assumption(loss: str, label: str) -> Assumption:
    r"""":math:`\sigma` non-constant", implied by Assumption 1: necessary (constant :math:`\sigma`: m-smooth)."""
    return Assumption(label=label, name="sigma non-constant (implied by Assumption 1; what the conclusion needs)",
                      latex=r"\sigma\not\equiv\text{const}",
                      holds=lambda p: p.get("activation") in (None, "generic") or activation(p["activation"]).formula.has(U),
                      necessity=Necessity(verdict="necessary",
                                          evidence="With sigma = k constant (k a symbol) a deep network computes "
                                                   "k M^{l+1} 1 + b^{l+1}, affine in the parameters: " + _bounded_words(loss)
                                                   + " (checked at depth 2, widths 1, d_out = 2), so L is m-smooth and "
                                                   "the conclusion fails.",
                                          check=_bounded_hessian_check("constant_activation_is_m_smooth", loss,
                                                                       shift.CONSTANT_ARCH, r"\sigma\equiv k")))


def _bounded_words(loss: str) -> str:
    return ("the L2 Hessian is constant" if loss == "l2" else
            "the cross-entropy Hessian is p_1 p_2 <= 1/4 (p the softmax) times a parameter-free matrix")


def _bounded_hessian_check(label: str, loss: str, arch: net.Architecture, latex: str) -> Check:
    r"""The loss of ``arch`` (sigma = k if it has hidden layers) has a parameter-free normalised Hessian
    (:func:`symbolic.shifted_ray.parameter_free`).  Wrong versions: a non-constant sigma (the identity; at depth 0,
    where sigma is never applied, one hidden layer with the identity), and for cross-entropy the claim that the
    Hessian itself is constant."""
    def run(sigma=lambda v: shift.K, normalise=True, at=arch) -> StepResult:
        free, H = shift.parameter_free(loss, at, sigma, normalise=normalise)
        what = "constant" if loss == "l2" else "(e^f1 + e^f2)^2 / e^(f1 + f2) times it is parameter-free"
        where = f"{at}, sigma = k" if at.depth else f"{at} (no hidden layer)"
        return StepResult(free, "symbolic", "sympy.hessian", f"{where}: the {loss} Hessian is {what}: {free}"
                          + (f" (e.g. {_short(H[-1, -1])})" if free else ""))

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
                     evidence=f"Not necessary: only 'sigma non-constant' is ({non_constant_label}). For any non-constant "
                              "twice differentiable sigma take c' with sigma'(c') != 0 and the shifted ray (output bias "
                              "-t sigma(c') M 1): f = 0 on it and the (b^l_1)^2 entry is the paper's closed form at c' "
                              "(step shifted_ray_without_assumption_1). Checked here exactly (Arb for softplus) for four "
                              "activations that violate Assumption 1: logistic sigmoid, softplus, u^2 and the paper's "
                              "own Example 1, u^2 + 1. Assumption 1 serves Lemmas 9-11 as printed, not the theorem.",
                     check=shifted_witness(loss))


def sigma_prime_zero_check(claimed_entry_zero: bool = False) -> StepResult:
    r"""With :math:`\sigma'(c)=0`: the entry is :math:`-2\sigma''(c)t\sum y` and :math:`\|\nabla L\|^2` is constant in t."""
    data, d = _representative()
    e = net.named_entry(REPRESENTATIVE)
    entry, grad = d.entry(e, e).subs(SIGMA_1, 0), d.grad_norm_sq().subs(SIGMA_1, 0)
    want = 0 if claimed_entry_zero else -2 * SIGMA_2 * net.T * sum(sum(r) for r in data.ys)
    ok = sp.expand(entry - want) == 0 and not grad.has(net.T)
    return StepResult(ok, "symbolic", "exact-jets", f"sigma'(c) = 0: entry = {entry}, ||grad L||^2 free of t: {not grad.has(net.T)}")


def theorem() -> Claim:
    r"""Cooper's Theorem 12 with its printed proof as steps."""
    return Claim(
        id=ID, paper="cooper", label="Theorem 12", section="Appendix C", title="L2 loss of deep networks is not (L0, L1)-smooth",
        statement=r"For any feedforward network of depth $\ell\ge2$ with twice differentiable $\sigma$ satisfying "
                  r"Assumption 1, the L2 loss $L$ is not $(L_0,L_1)$-smooth for any $L_0,L_1$.",
        reference="Cooper, App. C, Thm 12, eqs. (26)-(29)",
        assumptions=[
            Assumption(label="A1", name="sigma(c) = 0 and sigma'(c) != 0 for some c", latex=r"\sigma(c)=0\neq\sigma'(c)",
                       necessity=assumption_1_superfluous(LOSS), holds=activation_holds_a1),
            Assumption(label="A2", name="sigma twice differentiable", latex=r"\sigma\in C^2",
                       necessity=Necessity(verdict="unknown", evidence="Definition 1 needs the Hessian of L everywhere; the "
                                           "proof itself only uses sigma''(c) (the jets involve sigma at c only). Without "
                                           "A2 the condition is undefined rather than false; not settled."),
                       holds=activation_twice_differentiable),
            Assumption(label="A3", name="depth l >= 2", latex=r"\ell\ge2", necessity=depth_necessity(LOSS)),
            non_constant_assumption(LOSS, "A4"),
            depth_one_assumption(LOSS, "A5"),
        ],
        steps=_steps(),
        parameters=[Parameter("depth", "integer", 2, "hidden layers l"), Parameter("width", "integer", 2, "c_1 = ... = c_l"),
                    Parameter("d_in", "integer", 2), Parameter("d_out", "integer", 2), Parameter("n", "integer", 2, "data points"),
                    Parameter("activation", "choice", "tanh", "catalogue name or generic", ACTIVATIONS),
                    Parameter("seed", "integer", 0, "data = symbolic.network.seeded_data(n, d_in, d_out, seed)"),
                    Parameter("xs", "list", None, "n rows of d_in numbers"), Parameter("ys", "list", None, "n rows of d_out numbers"),
                    Parameter("L0", "rational", 1), Parameter("L1", "rational", 1)],
        derive=_derive, witness=make_witness(LOSS, ID),
        notes=["The steps are checked exactly over the declared scope " + str(SCOPE) + " (n = 2, symbolic data; "
               "proved on that scope, not for every architecture); the formulas in the dimension symbols also on "
               "architectures whose sizes n, d_in, c_l, d_out are distinct primes; the layer recursion (steps "
               "layer_recursion_*, proved for every layer and every width of a row) is the inductive step of the "
               "argument for every depth.",
               "The Hessian entry has a linear term -2 sigma''(c) t sum y that the paper drops (harmless: t^2 dominates).",
               "If sum_{s,k} y_sk = 0 the gradient norm is constant along the ray, not linear as printed (erratum of "
               "gradient_grows_linearly); the conclusion is then even stronger.",
               "Assumption 1 is not necessary: the conclusion holds for every non-constant twice differentiable sigma "
               "and every depth l >= 1 (shifted ray: hidden biases at c' with sigma'(c') != 0, output bias "
               "-t sigma(c') M 1). Only 'sigma non-constant' (A4) and l >= 1 (A5) are necessary. The sigmoid, softplus "
               "and u^2 networks, and the paper's own Example 1 (u^2 + 1), which Assumption 1 excludes, are not "
               "(L0, L1)-smooth either.",
               "Timings (measurements, not check results) come from benchmarks/bench_cooper_hessian.py: it times "
               "naive sympy.hessian + substitution against the second-order expansion at the sizes where the naive "
               "way finishes (checking that both give equal matrices), and the expansion at depth 10, widths 16, "
               "d_out 10, n 8."],
    )
