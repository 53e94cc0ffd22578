r"""The ray of Cooper's deep claims: its settings, its quantities, its witness, its scopes.

Shared by the Cooper claims (Lemmas 9-11, Theorems 12 and 14, the corollary, depth 1); a pack
module, not a claim (no ``theorem()``).  The ray (App. B, (15)-(16)) is

.. math:: \rho(t):\ M^i=0,\ b^i=c\mathbf 1\ (i\le\ell),\qquad M^{\ell+1}=tM,\ b^{\ell+1}=0,

on which :math:`f_{\rho(t)}=0` under Assumption 1.  Along it :math:`\|\nabla L\|^2` is a polynomial of
degree :math:`\le2` in t and :math:`\partial^2L/(\partial b^\ell_1)^2` one of degree 2
(:func:`quantities`); :func:`witness_point` finds, for any :math:`(L_0,L_1)`, a :math:`t^*` where
:math:`|\partial^2L/(\partial b^\ell_1)^2|>L_0+L_1\|\nabla L\|` and :func:`violation` decides it
exactly (rational coefficients) or with an Arb enclosure.

Also here: the ``--set`` parameters of the deep claims (:func:`deep_parameters`, with their bounds
:data:`MAX_SIZES`), the declared scopes and their printed forms (:func:`scope_of`, :func:`hf_scope`),
the dimension-symbol checks (:func:`dimension_step`: a printed formula checked on prime-size
architectures, where a dimension symbol put for another is caught) and the exact first-derivative
tables of Lemmas 9 and 10 (:func:`table_check`).
"""

from __future__ import annotations

import functools
from fractions import Fraction
from dataclasses import dataclass
from typing import Any, Mapping

import flint
import sympy as sp

from proofs.budget import within_budget
from proofs.enclosure import enclose
from proofs.engine import Check, Parameter, StepResult, WitnessCheck
from proofs.errors import AssumptionViolated, BadInput
from symbolic import network as net
from symbolic.activations import CATALOGUE, SIGMA_1, SIGMA_2, U, activation, values_at_c

#: The loss of the shared checks unless one is named (Theorem 12's L2 loss).
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


#: Bounds of the size parameters of :func:`configuration` (a larger network takes minutes to expand: refused
#: at once, one line and exit status 2), and of the data: at most :data:`MAX_DATA` numbers n (d_in + d_out).
MAX_SIZES = {"depth": 32, "width": 32, "d_in": 64, "d_out": 64, "n": 64}
MAX_DATA = 4096
#: The variable of a user's activation formula (``--set 'activation=log(1+exp(z))-log(2)'``).
Z = sp.Symbol("z", real=True)


def deep_parameters() -> list[Parameter]:
    r"""The ``--set`` parameters of the deep claims (Theorems 12 and 14, the corollary, depth 1)."""
    # depth >= 1 is a hypothesis (A5 of Theorem 12: depth 0 is Theorem 13), refused by the claim naming it
    low = {"depth": 0, "width": 1, "d_in": 1, "d_out": 1, "n": 1}
    doc = {"depth": "hidden layers l", "width": "c_1 = ... = c_l", "n": "data points"}
    sizes = [Parameter(k, "integer", 2, doc.get(k, ""), bounds=(low[k], MAX_SIZES[k]))
             for k in ("depth", "width", "d_in", "d_out", "n")]
    return [*sizes,
            Parameter("activation", "formula", "tanh", "a catalogue name, generic, or a formula in z (e.g. "
                      "log(1+exp(z))-log(2)); Assumption 1 is decided for it", ACTIVATIONS),
            Parameter("seed", "integer", 0, "data = symbolic.network.seeded_data(n, d_in, d_out, seed)"),
            Parameter("xs", "list", None, "n rows of d_in numbers"),
            Parameter("ys", "list", None, "n rows of d_out numbers"),
            Parameter("L0", "rational", 1, bounds=(0, None)), Parameter("L1", "rational", 1, bounds=(0, None))]


def check_sizes(params: Mapping[str, Any]) -> None:
    r""":class:`BadInput` naming the bound when a size parameter exceeds :data:`MAX_SIZES` or the data
    :data:`MAX_DATA` (checked before anything is expanded)."""
    for name, bound in MAX_SIZES.items():
        value = params.get(name)
        if value is not None and int(value) > bound:
            raise BadInput(f"{name}={value} exceeds the bound {name} <= {bound} of the exact expansion "
                           "(smoothcheck params ID lists the bounds)")
    n, d_in, d_out = (_int(params, k, 2) for k in ("n", "d_in", "d_out"))
    if n * (d_in + d_out) > MAX_DATA:
        raise BadInput(f"n (d_in + d_out) = {n * (d_in + d_out)} data numbers exceed the bound {MAX_DATA} of the exact "
                       "expansion (smoothcheck params ID lists the bounds)")


def configuration(params: Mapping[str, Any], loss: str) -> tuple[net.Architecture, net.Data, Any]:
    r"""``(architecture, data, activation)`` from ``--set`` parameters: the activation is a catalogue
    name or a user's :class:`UserSigma` (Assumption 1 decided, :func:`user_sigma`).

    Data come from ``xs``/``ys`` (nested lists, n rows of d_in / d_out numbers)
    or from :func:`symbolic.network.seeded_data` with ``seed``.
    """
    check_sizes(params)
    depth, width = _int(params, "depth", 2), _int(params, "width", 2)
    d_in, d_out, n = _int(params, "d_in", 2), _int(params, "d_out", 2), _int(params, "n", 2)
    if min(width, d_in, d_out, n) < 1 or depth < 0:
        raise BadInput("depth >= 0 and width, d_in, d_out, n >= 1 are required")
    arch = net.architecture(depth, width, d_in, d_out)
    xs, ys = params.get("xs"), params.get("ys")
    if (xs is None) != (ys is None):
        raise BadInput("give both xs and ys, or neither (then data come from seed)")
    if xs is None:
        return arch, net.seeded_data(n, d_in, d_out, _int(params, "seed", 0), loss), sigma_of(params)
    if len(xs) != len(ys) or any(not isinstance(r, list) or len(r) != d_in for r in xs) \
            or any(not isinstance(r, list) or len(r) != d_out for r in ys):
        raise BadInput(f"xs must be a list of rows of length d_in={d_in}, ys of rows of length d_out={d_out}, same count")
    return arch, net.data_from_lists(xs, ys), sigma_of(params)


def quantities(arch: net.Architecture, data: net.Data, loss: str, name: str) -> dict[str, sp.Expr]:
    r"""``grad_norm_sq``, ``hessian_entry`` (of :math:`b^\ell_1`) and ``hessian_frobenius_sq`` along the ray."""
    if arch.depth == 0 and loss == "cross_entropy":
        raise BadInput("cross-entropy at depth 0 leaves the ray's f = 0 regime; see cooper.thm_15")
    d = net.derivatives_on_ray(arch, data, loss)
    entry = net.named_entry(arch)
    return {"grad_norm_sq": at_sigma(d.grad_norm_sq(), name),
            "hessian_entry": at_sigma(d.entry(entry, entry), name),
            "hessian_frobenius_sq": at_sigma(d.hessian_frobenius_sq(), name)}


def activation_holds_a1(params: Mapping[str, Any]) -> bool:
    r"""Assumption 1 for the chosen activation (catalogue data; a user's formula: :func:`user_sigma`, which
    raises :class:`BadInput` with the reason when it fails or cannot be decided)."""
    name = params.get("activation")
    if name in (None, "generic"):
        return True
    if isinstance(name, sp.Expr):
        return user_sigma(name).c is not None  # raises BadInput with the reason when it fails
    act = activation(name)
    try:
        zero, first, _ = values_at_c(act)
    except Exception:  # noqa: BLE001 - no c, or no derivative at c: Assumption 1 (or A2) fails
        return act.c is not None and act.kink is not None
    return zero == 0 and first != 0


def activation_twice_differentiable(params: Mapping[str, Any]) -> bool:
    r"""Twice differentiability of the chosen activation (a user's formula: no ``abs``; A2 is then checked
    where the proof uses it, a finite :math:`\sigma''(c)`, by :func:`user_sigma`)."""
    name = params.get("activation")
    if isinstance(name, sp.Expr):
        return not name.has(sp.Abs)
    return name in (None, "generic") or activation(name).twice_differentiable


def activation_non_constant(params: Mapping[str, Any]) -> bool:
    r""":math:`\sigma` non-constant: a catalogue name, or a user's formula that depends on z."""
    name = params.get("activation")
    if isinstance(name, sp.Expr):
        return bool(name.free_symbols)
    return name in (None, "generic") or activation(name).formula.has(U)


@dataclass(frozen=True)
class UserSigma:
    r"""A user's activation :math:`\sigma(z)` with the point :math:`c` of Assumption 1 and its exact 2-jet.

    ``evidence`` is ``proved``: :math:`\sigma(c)` simplifies to 0 and :math:`\sigma'(c)` to a nonzero number,
    exactly, and :math:`\sigma''(c)` is finite.
    """

    formula: sp.Expr
    c: sp.Expr
    jet: tuple[sp.Expr, sp.Expr, sp.Expr]
    evidence: str
    how: str

    def __str__(self) -> str:
        return f"sigma(z) = {self.formula}"

    def report(self) -> dict[str, str]:
        r"""The Assumption 1 verdict, as printed by ``derive`` and ``witness``."""
        return {"sigma": str(self.formula), "assumption_1": "holds", "c": str(self.c), "sigma(c)": str(self.jet[0]),
                "sigma'(c)": str(self.jet[1]), "sigma''(c)": str(self.jet[2]), "evidence": self.evidence,
                "how": self.how}


#: How long SymPy may look for the zeros of a user's activation.
ZERO_BUDGET_S = 2.0


@dataclass(frozen=True)
class FormulaVerdict:
    r"""Assumption 1 decided for a user's formula: ``holds`` (``True``/``False``, ``None`` when undecided), the
    witness ``c`` with the exact 2-jet, the evidence level and why.  ``hypothesis`` names what fails: ``A1``
    (Assumption 1), ``A2`` (twice differentiable) or ``A4`` (non-constant)."""

    formula: sp.Expr
    holds: bool | None
    evidence: str
    reason: str
    hypothesis: str = "A1"
    c: sp.Expr | None = None
    jet: tuple[sp.Expr, sp.Expr, sp.Expr] | None = None

    def refusal(self) -> str:
        r"""The one line that refuses the formula where a claim needs Assumption 1."""
        what = {"A1": "A1 (Assumption 1: sigma(c) = 0 and sigma'(c) != 0 for some c)",
                "A2": "A2 (sigma twice differentiable)", "A4": "A4 (sigma non-constant)"}[self.hypothesis]
        verb = "fails" if self.holds is False else "is undecided"
        return f"{what} {verb} for sigma(z) = {self.formula} ({self.evidence}): {self.reason}"


@functools.lru_cache(maxsize=64)
def decide_assumption_1(formula: sp.Expr) -> FormulaVerdict:
    r"""Decide Assumption 1 (:math:`\exists c:\ \sigma(c)=0\ne\sigma'(c)`, with :math:`\sigma''(c)` finite) for a
    user's formula in :data:`Z`.

    Candidates for c: 0, then the real zeros.  A candidate is accepted only when the checks are exact
    (``simplify`` to 0, ``is_zero`` False for the slope): ``holds`` with evidence ``proved``.  Failure is
    ``proved`` for a constant (:math:`\sigma'\equiv0`) and for a polynomial with rational coefficients (its real
    roots are exact and complete: ``Poly.real_roots``); for other formulas the zeros come from
    ``sympy.solveset`` (within :data:`ZERO_BUDGET_S`), a CAS answer, not a certificate: ``undecided``.
    """
    if not formula.has(Z):
        return FormulaVerdict(formula, False, "proved", "sigma is constant, sigma' = 0 everywhere (the deep losses "
                              "are then m-smooth)", "A4")
    if formula.has(sp.Abs):
        return FormulaVerdict(formula, None, "undecided", "abs is not differentiable where its argument vanishes "
                              "(kinks are not handled for formulas)", "A2")
    polynomial = formula.is_polynomial(Z) and all(k.is_Rational for k in sp.Poly(formula, Z).all_coeffs())
    if polynomial:
        roots = sp.Poly(formula, Z).real_roots()  # each as often as its multiplicity
        zeros = sp.FiniteSet(*roots)
        # sigma'(c) != 0 exactly at a simple root, so Assumption 1 holds iff there is one: only those are tried (else
        # eight double zeros near 0 would hide a simple one further out), and a failure is proved only when there is
        # none (a simple zero the exact check below cannot confirm leaves the verdict undecided)
        pool = sp.FiniteSet(*(r for r in zeros if roots.count(r) == 1))
        complete = pool == sp.S.EmptySet
    else:
        zeros, complete = within_budget(lambda: sp.solveset(formula, Z, sp.S.Reals), ZERO_BUDGET_S), False
        if zeros is not None and not isinstance(zeros, sp.FiniteSet):  # periodic zeros (an ImageSet): those near 0
            near = within_budget(lambda: zeros.intersect(sp.Interval(-10, 10)), ZERO_BUDGET_S)
            zeros = near if isinstance(near, sp.FiniteSet) and near != sp.S.EmptySet else zeros
        pool = zeros
    found = sorted(pool, key=lambda z: (abs(float(z)), str(z)))[:8] if isinstance(pool, sp.FiniteSet) else []
    derivatives = [sp.diff(formula, Z, k) for k in range(3)]
    for c in [sp.Integer(0), *(z for z in found if z != 0)]:
        jet = tuple(within_budget(lambda d=d: sp.simplify(d.subs(Z, c)), ZERO_BUDGET_S) for d in derivatives)
        if any(v is None or v.has(sp.nan, sp.zoo, sp.oo, -sp.oo, sp.I) for v in jet):
            continue
        if jet[0] == 0 and jet[1].is_zero is False:
            return FormulaVerdict(formula, True, "proved", f"sigma({c}) = 0 and sigma'({c}) = {jet[1]} != 0, exactly",
                                  c=c, jet=jet)  # type: ignore[arg-type]
    evidence = "proved" if complete else "undecided"
    source = ("Poly.real_roots, exact and complete" if complete else
              "Poly.real_roots: a simple zero that the exact check could not confirm" if polynomial else
              "sympy.solveset, not a certificate")
    if zeros == sp.S.EmptySet:
        return FormulaVerdict(formula, False if complete else None, evidence, f"no real zero ({source})")
    if isinstance(zeros, sp.FiniteSet):
        return FormulaVerdict(formula, False if complete else None, evidence,
                              f"at its real zeros {sorted(zeros, key=str)} ({source}) sigma' vanishes or sigma'' is "
                              "not finite")
    return FormulaVerdict(formula, None, "undecided", "no c with sigma(c) = 0 and sigma'(c) != 0 shown exactly (the "
                          "zero set is beyond sympy.solveset)")


def user_sigma(formula: sp.Expr) -> UserSigma:
    r"""The :class:`UserSigma` of a formula for which Assumption 1 is proved (:func:`decide_assumption_1`);
    :class:`BadInput` naming the failed or undecided hypothesis otherwise (the paper's ray needs that c)."""
    verdict = decide_assumption_1(formula)
    if not verdict.holds:
        raise BadInput(verdict.refusal())
    return UserSigma(formula, verdict.c, verdict.jet, verdict.evidence, verdict.reason)  # type: ignore[arg-type]


def activation_report(sigma: Any) -> dict[str, Any]:
    r"""``{"activation": ...}`` with the Assumption 1 verdict for a user's formula; nothing for a catalogue name."""
    return {"activation": sigma.report()} if isinstance(sigma, UserSigma) else {}


def sigma_of(params: Mapping[str, Any]) -> Any:
    r"""The activation of ``params``: a catalogue name (default tanh) or the :class:`UserSigma` of a formula."""
    name = params.get("activation") or "tanh"
    return user_sigma(name) if isinstance(name, sp.Expr) else name


def at_sigma(expr: sp.Expr, sigma: Any) -> sp.Expr:
    r"""Substitute :math:`\sigma'(c)`, :math:`\sigma''(c)` of a catalogue name or a :class:`UserSigma`."""
    if isinstance(sigma, UserSigma):
        return sp.expand(expr.subs({SIGMA_1: sigma.jet[1], SIGMA_2: sigma.jet[2]}))
    return net.at_activation(expr, sigma)


@functools.lru_cache(maxsize=256)
def t_coefficients(expr: sp.Expr) -> tuple[list, bool]:
    r"""Coefficients of a polynomial in t (highest first), as Fractions if rational, else Arb balls."""
    coeffs = sp.Poly(sp.expand(expr), net.T).all_coeffs()
    if all(c.is_Rational for c in coeffs):
        return [Fraction(int(c.p), int(c.q)) for c in coeffs], True
    return [enclose(c, {}) for c in coeffs], False


def horner(coeffs: list, t):
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
    raise BadInput("no t* = 2^k < 2^4000 where the exact check passes (not a counterexample to the claim: the "
                   "entry's t^2 term is too small to show within that range)")


def violation(h: sp.Expr, g: sp.Expr, L0: sp.Rational, L1: sp.Rational, t: sp.Expr) -> WitnessCheck:
    r"""Decide :math:`|h(t)| > L_0+L_1\sqrt{g(t)}` exactly (rational coefficients) or with an Arb enclosure."""
    (hc, exact_h), (gc, exact_g) = t_coefficients(h), t_coefficients(g)
    t, L0f, L1f = Fraction(int(sp.Rational(t).p), int(sp.Rational(t).q)), Fraction(str(L0)), Fraction(str(L1))
    if exact_h and exact_g:
        hv, gv = abs(horner(hc, t)), horner(gc, t)
        holds = hv > L0f and (hv - L0f) ** 2 > L1f**2 * gv
        shown_h, shown_rhs = str(hv), f"{L0f} + {L1f}*sqrt({gv})"
    else:
        arb_t = flint.arb(flint.fmpq(t.numerator, t.denominator))
        hv, gv = abs(horner([flint.arb(c) if isinstance(c, Fraction) is False else flint.arb(flint.fmpq(c.numerator, c.denominator)) for c in hc], arb_t)), \
            horner([c if not isinstance(c, Fraction) else flint.arb(flint.fmpq(c.numerator, c.denominator)) for c in gc], arb_t)
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
        if name == "generic":
            raise BadInput("activation=generic leaves sigma'(c) and sigma''(c) as symbols: a witness t* needs numbers; "
                           "name a catalogue activation or give a formula in z (derive shows the generic quantities)")
        q = quantities(arch, data, loss, name)
        reason = no_witness_reason(q["hessian_entry"], loss)
        if reason:
            raise BadInput(reason)
        t = witness_point(q["hessian_entry"], q["grad_norm_sq"], L0, L1)
        check = violation(q["hessian_entry"], q["grad_norm_sq"], L0, L1, t)
        out = {"constants": {"L0": str(L0), "L1": str(L1)}, "points": [[str(t)]],
               "point_meaning": "t* on the ray rho(t); |H_entry| <= ||H||_op, so the op-norm inequality fails too",
               "check": {"lhs": check.lhs, "rhs": check.rhs, "holds": check.holds}}
        return out | activation_report(name)
    return witness


def no_witness_reason(entry: sp.Expr, loss: str) -> str | None:
    r"""Why the ray gives no witness (the entry's :math:`t^2` coefficient vanishes), naming the hypothesis that
    fails; ``None`` when the entry has degree 2 in t (then :func:`witness_point` finds :math:`t^*`)."""
    if sp.Poly(sp.expand(entry), net.T).degree() >= 2:
        return None
    if loss == "cross_entropy":
        return ("the Hessian entry along the ray has no t^2 term for these settings: a hypothesis fails, b = d_out >= 2 "
                "classes or Assumption 2 (sum_j y_mj = 1); with both its t^2 coefficient sigma'(c)^2 (1/d - 1/d^2) n is > 0")
    return "the Hessian entry along the ray has no t^2 term: its coefficient 2 n d_out sigma'(c)^2 vanishes (Assumption 1)"

# ---------------------------------------------------------------- steps


def scope_architectures() -> list[net.Architecture]:
    r"""The architectures of the declared :data:`SCOPE`."""
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


#: The paper's symbol of each dimension of :func:`dimensions`, for the values a text is typeset from.
DIMENSION_SYMBOLS = {"n": sp.Symbol("n"), "d_in": sp.Symbol("d_in"), "width": sp.Symbol("c_ell"),
                     "d_out": sp.Symbol("d_out"), "depth": sp.Symbol("ell")}


def dimension_point(arch: net.Architecture, n: int) -> dict[sp.Symbol, int]:
    r"""The dimensions of ``arch`` keyed by the paper's symbols (a point: typeset :math:`n = 2,\ d_{in} = 3, \dots`).

    >>> dimension_point(net.Architecture((2, 5), 3, 7), 2)
    {n: 2, d_in: 3, c_ell: 5, d_out: 7, ell: 2}
    """
    return {DIMENSION_SYMBOLS[k]: v for k, v in dimensions(arch, n).items()}


def scope_text(spec: Mapping[str, tuple]) -> str:
    r"""A declared scope (:data:`SCOPE`) in words, its sizes in math, for a note (the text format of
    :mod:`proofs.render`).

    >>> scope_text({"depths": (2, 3), "d_outs": (1,)})
    'depths $\\ell = 2, 3$; output widths $d_{out} = 1$'
    """
    names = {"depths": r"depths $\ell", "widths": r"hidden widths $c", "d_ins": r"input widths $d_{in}",
             "d_outs": r"output widths $d_{out}"}
    return "; ".join(f"{names[k]} = {', '.join(map(str, v))}$" for k, v in spec.items())


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


def swapped(formula, symbol: str, other: str):
    r"""``formula`` with the dimension ``symbol`` replaced by ``other`` (a plausible misprint)."""
    return lambda D, data: formula({**D, symbol: D[other]}, data)


def short(expr: sp.Expr, limit: int = 120) -> str:
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
            found = f"computed {short(value)}, formula {short(want)}"
            return StepResult(False, "symbolic", "exact-jets", f"{shown}: {found}",
                              counterexample=r"at {dimensions} the jets give ${computed}$ and the formula ${formula}$",
                              values={"dimensions": dimension_point(arch, n), "computed": value, "formula": want})
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
    wrong = [lambda s=s, r=r: run(swapped(formula, s, r)) for s in uses for r in DIMENSIONS if r != s]
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
    return [(arch, 2) for arch in scope_architectures()]


def wide_pairs() -> list[tuple[net.Architecture, int]]:
    r"""The prime-size architectures of :data:`PRIME_CASES` (first: a wrong formula fails fast there) and the scope."""
    return prime_architectures() + scope_pairs()


def over_scope(test, loss: str = LOSS, pairs=None) -> StepResult:
    r"""``test(arch, data, derivatives)`` (``None`` when it holds) on every ``(arch, n)`` of ``pairs``
    (default: the declared scope, n = 2), symbolic data."""
    pairs = scope_pairs() if pairs is None else pairs
    for arch, n in pairs:
        data = net.symbolic_data(n, arch.d_in, arch.d_out)
        problem = test(arch, data, net.derivatives_on_ray(arch, data, loss))
        if problem:  # the test's own words (plain prose) after the architecture
            return StepResult(False, "symbolic", "exact-jets", problem, counterexample="at {dimensions}: " + problem,
                              values={"dimensions": dimension_point(arch, n)})
    return StepResult(True, "symbolic", "exact-jets", f"exact for all {len(pairs)} architectures, symbolic data")


def output_jets(arch: net.Architecture, data: net.Data, loss: str):
    r"""The second-order jets of :math:`f_\rho(x_s)` at :math:`\rho(t)`, one list per datum."""
    M = tuple(map(tuple, net.ray_matrix(arch, loss)))
    return [net.layer_jets(arch, x, M)[-1] for x in data.xs]


def as_expr(value) -> sp.Expr:
    r"""A jet coefficient (a polynomial in t) as a SymPy expression."""
    return value.as_expr() if hasattr(value, "as_expr") else sp.sympify(value)

def hf_scope(spec: Mapping[str, tuple] = SCOPE) -> dict[str, Any]:
    r"""The scope of a check on the jets of :math:`f_\rho(x)` alone: one symbolic input x, symbolic direction M."""
    out = scope_of(spec, data="symbolic input x and direction M")
    out.pop("n")
    return out


def hf_degree_at_most(bound: int) -> StepResult:
    r"""Every entry of :math:`Hf(x)` on the ray has degree :math:`\le` ``bound`` in t (scope, symbolic x, M)."""
    worst = 0
    for arch in scope_architectures():
        for jets in net._cached_layer_jets(arch)[-1:]:
            for jet in jets:
                for v in jet.quad.values():
                    worst = max(worst, v.degree(0))
    ok = worst <= bound
    return StepResult(ok, "symbolic", "exact-jets", f"max degree in t of the entries of Hf is {worst} (claimed <= {bound})",
                      counterexample=None if ok else r"an entry of $Hf(x)$ has degree ${worst}$ in $t$ (claimed $\le {bound}$)",
                      values={"worst": worst, "bound": bound})

def named_entry_on_ray(arch: net.Architecture, data: net.Data, loss: str = LOSS) -> sp.Expr:
    r""":math:`\partial^2L/(\partial b^\ell_1)^2` at :math:`\rho(t)`, from the jets."""
    e = net.named_entry(arch)
    return net.derivatives_on_ray(arch, data, loss).entry(e, e)

def fraction_rows(rows) -> list[list[Fraction]]:
    r"""Rows of SymPy rationals as Fractions (the mirror takes no SymPy)."""
    return [[Fraction(int(v.p), int(v.q)) for v in row] for row in rows]



# ---------------------------------------------------------------- first-derivative tables (Lemmas 9, 10)


#: The declared scope of the first-derivative tables (generic x and M).
JET_SCOPE = dict(depths=(2, 3, 4), widths=(1, 2), d_ins=(1, 2), d_outs=(1, 2))


def table_check(table, *, layers_of=None, kinds=("w",), scope=JET_SCOPE) -> StepResult:
    r"""Exact comparison of every first derivative with ``table`` over ``scope``."""
    for arch in net.scope(**scope):
        layers = None if layers_of is None else layers_of(arch)
        bad = net.first_derivative_mismatches(arch, table, layers=layers, kinds=kinds)
        if bad:
            return StepResult(False, "symbolic", "exact-jets", bad[0], counterexample=bad[0])
    return StepResult(True, "symbolic", "exact-jets",
                      f"every entry agrees on all {len(net.scope(**scope))} architectures of {scope} (symbolic x, M)")


def zero_table(arch, i, p, x, M):
    r"""The table "every first derivative is 0" (Lemma 9's statement)."""
    return [sp.Integer(0)] * arch.sizes()[i]


def last_layer(arch) -> list[int]:
    r"""The output layer :math:`\ell+1` only (the statements, as opposed to Claim 1's every layer)."""
    return [arch.depth + 1]


def negated(result: StepResult) -> StepResult:
    r"""A check that must fail (a necessity: the statement fails without the assumption), as a result."""
    return StepResult(not result.ok, result.checked, result.method,
                      ("counterexample: " + result.detail) if not result.ok else "no counterexample: " + result.detail)
