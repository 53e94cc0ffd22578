r"""Activation functions for Cooper's networks, exactly, with Assumption 1 decided.

Cooper [Cooper, §2.1] assumes throughout that :math:`\sigma` is twice
differentiable, and often

    **Assumption 1.** There is a constant :math:`c` with :math:`\sigma(c)=0`
    but :math:`\sigma'(c)\neq 0`.

This module holds a catalogue of activations as SymPy expressions in the real
variable ``U`` (tanh, shifted softplus, GELU, SiLU, Mish, sigmoid-based ones,
sine, the identity, the zero function, ReLU and ELU for contrast, the paper's own Example 1
:math:`u^2+1`, and :math:`u^2`), plus a *generic* activation (an undefined
SymPy function ``sigma`` with :math:`\sigma(c)=0`, :math:`\sigma'(c)=\sigma_1`,
:math:`\sigma''(c)=\sigma_2` as symbols).  For each it records the zero set of
:math:`\sigma`, the point ``c`` used for Assumption 1 (``None`` if there is
none), and a *certificate* for the zero set that :func:`zero_set_certificate`
checks symbolically (never by sampling).

Public names (stable; other modules import them):
``U``, ``SIGMA``, ``C``, ``SIGMA_1``, ``SIGMA_2``, :class:`Activation`,
:data:`CATALOGUE`, :func:`activation`, :func:`generic_activation`,
:func:`values_at_c`, :func:`zero_set_certificate`, :func:`assumption_1`,
:class:`Certificate`, :class:`Assumption1Verdict`, :class:`NotDifferentiable`,
:class:`UnknownActivation`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import sympy as sp

#: The activation's argument (a real variable).
U = sp.Symbol("u", real=True)
#: The generic activation: an undefined real function.
SIGMA = sp.Function("sigma", real=True)
#: The constant ``c`` of Assumption 1 for the generic activation.
C = sp.Symbol("c", real=True)
#: :math:`\sigma'(c)` of the generic activation (nonzero by Assumption 1).
SIGMA_1 = sp.Symbol("sigma_1", real=True, nonzero=True)
#: :math:`\sigma''(c)` of the generic activation.
SIGMA_2 = sp.Symbol("sigma_2", real=True)

ZeroSetKind = Literal["increasing", "positive", "factor", "polynomial", "periodic", "piecewise", "constant", "assumed"]


class UnknownActivation(KeyError, ValueError):
    r"""A name that is not in :data:`CATALOGUE`."""


class NotDifferentiable(ValueError):
    r"""A derivative asked for at a point where the activation has none."""


@dataclass(frozen=True)
class Activation:
    r"""An activation :math:`\sigma` with the data Assumption 1 needs.

    Attributes:
        name: catalogue key (``tanh``, ``gelu``, ...).
        title: a human name.
        formula: :math:`\sigma(u)` as a SymPy expression in :data:`U`
            (a ``Piecewise`` for ReLU/ELU).
        latex: the formula in LaTeX.
        c: the point of Assumption 1 we use, or ``None`` when none exists.
        zero_set: :math:`\{u\in\mathbb R:\sigma(u)=0\}` as a SymPy set.
        kind: how the zero set is certified (see :func:`zero_set_certificate`).
        helper: the certificate's data: :math:`\sigma'` in a manifestly
            positive form (``increasing``), or the cofactor :math:`h` with
            :math:`\sigma = u\,h` (``factor``).
        kink: the point where a piecewise formula switches (``None`` if smooth).
    """

    name: str
    title: str
    formula: sp.Expr
    latex: str
    c: sp.Expr | None
    zero_set: sp.Set
    kind: ZeroSetKind
    helper: sp.Expr | None = None
    kink: sp.Expr | None = None

    def __call__(self, x: sp.Expr) -> sp.Expr:
        r""":math:`\sigma(x)`.

        >>> activation("tanh")(sp.Integer(0))
        0
        """
        return self.formula.subs(U, x)

    def derivative(self, order: int) -> sp.Lambda:
        r""":math:`u \mapsto \sigma^{(k)}(u)` (valid away from :attr:`kink`).

        >>> activation("silu").derivative(1)(sp.Integer(0))
        1/2
        """
        return sp.Lambda(U, sp.diff(self.formula, U, order))

    def derivative_at(self, x: sp.Expr, order: int) -> sp.Expr:
        r""":math:`\sigma^{(k)}(x)`; :class:`NotDifferentiable` at a kink where the
        one-sided derivatives of order ``<= order`` differ.

        >>> activation("elu").derivative_at(sp.Integer(0), 1)
        1
        """
        if self.kink is not None and sp.simplify(x - self.kink) == 0:
            return _derivative_at_kink(self, order)
        return _exact(sp.diff(self.formula, U, order).subs(U, x))

    @property
    def twice_differentiable(self) -> bool:
        r"""Whether :math:`\sigma` is twice differentiable on all of :math:`\mathbb R`."""
        if self.kink is None:
            return True
        try:
            _derivative_at_kink(self, 2)
        except NotDifferentiable:
            return False
        return True


def _exact(value: sp.Expr) -> sp.Expr:
    r"""``value`` simplified; hyperbolic functions of logarithms become rationals
    (:math:`\tanh\log 2 = 3/5`)."""
    plain = sp.simplify(value)
    if plain.has(sp.tanh, sp.sech, sp.cosh, sp.sinh):
        rewritten = sp.simplify(plain.rewrite(sp.exp))
        if sp.count_ops(rewritten) <= sp.count_ops(plain):
            return rewritten
    return plain


def _pieces(act: Activation) -> tuple[sp.Expr, sp.Expr]:
    r"""The left and right formulas of a two-piece activation."""
    (left, _), (right, _) = act.formula.args
    return left, right


def _derivative_at_kink(act: Activation, order: int) -> sp.Expr:
    left, right = _pieces(act)
    values = []
    for k in range(order + 1):
        lo = sp.simplify(sp.diff(left, U, k).subs(U, act.kink))
        hi = sp.simplify(sp.diff(right, U, k).subs(U, act.kink))
        if sp.simplify(lo - hi) != 0:
            raise NotDifferentiable(f"{act.name}: one-sided derivatives of order {k} at {act.kink} differ ({lo} vs {hi})")
        values.append(lo)
    return values[order]


def _catalogue() -> dict[str, Activation]:
    u, half = U, sp.Rational(1, 2)
    logistic = 1 / (1 + sp.exp(-u))
    phi = sp.erfc(-u / sp.sqrt(2)) / 2  # standard normal CDF
    zero, origin = sp.S.EmptySet, sp.FiniteSet(0)
    entries = [
        Activation("tanh", "hyperbolic tangent", sp.tanh(u), r"\tanh u", sp.Integer(0), origin, "increasing",
                   sp.sech(u) ** 2),
        Activation("softplus_shifted", "shifted softplus", sp.log(1 + sp.exp(u)) - sp.log(2),
                   r"\log(1+e^{u})-\log 2", sp.Integer(0), origin, "increasing", logistic),
        Activation("gelu", "GELU", u * phi, r"u\,\Phi(u)", sp.Integer(0), origin, "factor", phi),
        Activation("silu", "SiLU (swish)", u * logistic, r"\frac{u}{1+e^{-u}}", sp.Integer(0), origin, "factor",
                   logistic),
        Activation("mish", "Mish", u * sp.tanh(sp.log(1 + sp.exp(u))), r"u\tanh(\log(1+e^{u}))", sp.Integer(0),
                   origin, "factor", sp.tanh(sp.log(1 + sp.exp(u)))),
        Activation("sigmoid_centered", "centred logistic sigmoid", logistic - half, r"\frac{1}{1+e^{-u}}-\frac12",
                   sp.Integer(0), origin, "increasing", sp.exp(-u) / (1 + sp.exp(-u)) ** 2),
        Activation("sin", "sine", sp.sin(u), r"\sin u", sp.Integer(0),
                   sp.ImageSet(sp.Lambda(sp.Symbol("k"), sp.Symbol("k") * sp.pi), sp.S.Integers), "periodic"),
        Activation("identity", "identity (deep linear network)", u, "u", sp.Integer(0), origin, "increasing",
                   sp.Integer(1)),
        Activation("sigmoid", "logistic sigmoid", logistic, r"\frac{1}{1+e^{-u}}", None, zero, "positive"),
        Activation("softplus", "softplus", sp.log(1 + sp.exp(u)), r"\log(1+e^{u})", None, zero, "positive"),
        Activation("paper_example_1", "Cooper's Example 1", u**2 + 1, "u^2+1", None, zero, "positive"),
        Activation("square", "square", u**2, "u^2", None, origin, "polynomial"),
        Activation("zero", "zero function", sp.Integer(0), "0", None, sp.S.Reals, "constant"),
        Activation("relu", "ReLU", sp.Piecewise((0, u < 0), (u, True)), r"\max(0,u)", None,
                   sp.Interval(-sp.oo, 0), "piecewise", kink=sp.Integer(0)),
        Activation("elu", "ELU", sp.Piecewise((sp.exp(u) - 1, u < 0), (u, True)),
                   r"\begin{cases}e^{u}-1&u<0\\u&u\ge0\end{cases}", sp.Integer(0), origin, "piecewise",
                   kink=sp.Integer(0)),
    ]
    return {a.name: a for a in entries}


#: Every concrete activation, by name (the generic one is :func:`generic_activation`).
CATALOGUE: dict[str, Activation] = _catalogue()


def activation(name: str) -> Activation:
    r"""The catalogue activation called ``name`` (or ``"generic"``).

    Raises:
        UnknownActivation: ``name`` is not in the catalogue.

    >>> activation("gelu").c
    0
    """
    if name == "generic":
        return generic_activation()
    if name not in CATALOGUE:
        raise UnknownActivation(f"unknown activation {name!r} (one of: {', '.join(CATALOGUE)}, generic)")
    return CATALOGUE[name]


def generic_activation() -> Activation:
    r"""An undefined twice-differentiable :math:`\sigma` with :math:`\sigma(c)=0`,
    :math:`\sigma'(c)=\sigma_1\ne0`, :math:`\sigma''(c)=\sigma_2` (symbols).

    >>> generic_activation()(C)
    sigma(c)
    """
    return Activation("generic", "generic activation satisfying Assumption 1", SIGMA(U), r"\sigma(u)", C,
                      sp.FiniteSet(C), "assumed")


def values_at_c(act: Activation) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    r""":math:`(\sigma(c), \sigma'(c), \sigma''(c))` exactly, at the activation's ``c``.

    Raises:
        NotDifferentiable: :math:`\sigma` has no second derivative at ``c``
            (ELU), or there is no ``c`` (Assumption 1 fails).

    >>> values_at_c(activation("gelu"))
    (0, 1/2, sqrt(2)/sqrt(pi))
    >>> values_at_c(generic_activation())
    (0, sigma_1, sigma_2)
    """
    if act.name == "generic":
        return sp.Integer(0), SIGMA_1, SIGMA_2
    if act.c is None:
        raise NotDifferentiable(f"{act.name}: Assumption 1 fails (no c with sigma(c) = 0, sigma'(c) != 0)")
    return tuple(act.derivative_at(act.c, k) for k in range(3))  # type: ignore[return-value]


def substitute_at_c(expr: sp.Expr) -> sp.Expr:
    r"""Replace :math:`\sigma(c)`, :math:`\sigma'(c)`, :math:`\sigma''(c)` of the
    generic activation by ``0``, ``SIGMA_1``, ``SIGMA_2``.

    >>> substitute_at_c(sp.diff(SIGMA(U), U).subs(U, C) * SIGMA(C) + sp.diff(SIGMA(U), U, 2).subs(U, C))
    sigma_2
    """
    rules = {sp.diff(SIGMA(U), U, 2).subs(U, C): SIGMA_2, sp.diff(SIGMA(U), U).subs(U, C): SIGMA_1}
    return expr.subs(rules).subs(SIGMA(C), 0)


@dataclass(frozen=True)
class Certificate:
    r"""A symbolic proof (or disproof) that :attr:`Activation.zero_set` is the zero set."""

    proved: bool
    method: str
    detail: str


def zero_set_certificate(act: Activation) -> Certificate:
    r"""Prove :math:`\{u:\sigma(u)=0\}` = ``act.zero_set`` symbolically.

    ``increasing``: ``helper`` equals :math:`\sigma'` and is positive, and
    :math:`\sigma(c)=0`; ``positive``: :math:`\sigma>0`; ``factor``:
    :math:`\sigma=u\,h` with :math:`h'>0` and :math:`h\to0` at :math:`-\infty`
    (so :math:`h>0`); ``polynomial``/``periodic``: ``solveset``;
    ``piecewise``: each piece separately.

    >>> zero_set_certificate(activation("tanh")).proved
    True
    """
    method = {"increasing": _certify_increasing, "positive": _certify_positive, "factor": _certify_factor,
              "polynomial": _certify_solveset, "periodic": _certify_solveset, "piecewise": _certify_piecewise,
              "constant": _certify_constant,
              "assumed": _certify_assumed}[act.kind]
    return method(act)


def _is_zero(expr: sp.Expr) -> bool:
    return sp.simplify(expr) == 0


def _certify_increasing(act: Activation) -> Certificate:
    same = _is_zero(sp.diff(act.formula, U) - act.helper)
    ok = same and act.helper.is_positive is True and _is_zero(act(act.c))
    return Certificate(ok, "strictly increasing", f"sigma'(u) = {act.helper} > 0 on R and sigma({act.c}) = 0")


def _certify_positive(act: Activation) -> Certificate:
    return Certificate(act.formula.is_positive is True and act.zero_set == sp.S.EmptySet, "positive",
                       f"sigma(u) = {act.formula} > 0 on R (SymPy sign reasoning)")


def _certify_factor(act: Activation) -> Certificate:
    h = act.helper
    factored = _is_zero(act.formula - U * h)
    increasing = sp.simplify(sp.diff(h, U)).is_positive is True
    vanishes = sp.limit(h, U, -sp.oo) == 0
    ok = factored and increasing and vanishes and act.zero_set == sp.FiniteSet(0)
    return Certificate(ok, "factor u*h, h increasing from 0",
                       f"sigma = u*h with h = {h}: h' > 0 and h -> 0 at -oo, so h > 0 and sigma = 0 iff u = 0")


def _certify_solveset(act: Activation) -> Certificate:
    found = sp.solveset(act.formula, U, sp.S.Reals)
    same = found == act.zero_set or (act.kind == "periodic" and _same_multiples_of_pi(found, act.zero_set))
    return Certificate(bool(same), "solveset", f"solveset gives {found}")


def _same_multiples_of_pi(found: sp.Set, claimed: sp.Set) -> bool:
    r"""Both sets are :math:`\pi\mathbb Z`: every image of ``found`` is an integer
    multiple of :math:`\pi`, and :math:`\sin(k\pi)=0` for every integer ``k``."""
    k = sp.Symbol("k", integer=True)
    images = found.args if isinstance(found, sp.Union) else (found,)
    inside = all(isinstance(im, sp.ImageSet) and im.base_sets == (sp.S.Integers,)
                 and sp.expand(im.lamda.expr.subs(im.lamda.variables[0], k) / sp.pi).is_integer for im in images)
    residues = {sp.simplify(im.lamda.expr.subs(im.lamda.variables[0], 0) / sp.pi) % 2 for im in images}
    steps = {sp.simplify(sp.diff(im.lamda.expr, im.lamda.variables[0]) / sp.pi) for im in images}
    covers = steps == {2} and residues == {0, 1} or steps == {1}
    return bool(inside and covers and sp.sin(k * sp.pi) == 0 and sp.simplify(claimed.lamda.expr.subs(claimed.lamda.variables[0], k) - k * sp.pi) == 0)


def _certify_piecewise(act: Activation) -> Certificate:
    left, right = _pieces(act)
    neg, pos = sp.Symbol("v", negative=True), sp.Symbol("v", positive=True)
    left_sign = sp.simplify(left.subs(U, neg))
    right_sign = sp.simplify(right.subs(U, pos))
    at_kink = _is_zero(right.subs(U, act.kink))
    if act.zero_set == sp.Interval(-sp.oo, 0):
        ok = left_sign == 0 and right_sign.is_positive is True and at_kink
    else:
        ok = sp.simplify(sp.diff(left, U).subs(U, neg)).is_positive is True and left.subs(U, 0) == 0 \
            and right_sign.is_positive is True and at_kink
    return Certificate(bool(ok), "piecewise", f"left piece {left} on u<0, right piece {right} on u>=0")


def _certify_constant(act: Activation) -> Certificate:
    ok = act.formula == 0 and act.zero_set == sp.S.Reals
    return Certificate(bool(ok), "identically zero", "sigma = 0 on R: every u is a zero and sigma' = 0 everywhere")


def _certify_assumed(act: Activation) -> Certificate:
    return Certificate(True, "assumed", "generic activation: sigma(c) = 0 and sigma'(c) != 0 by Assumption 1")


@dataclass(frozen=True)
class Assumption1Verdict:
    r"""Whether Assumption 1 holds for an activation, with the witness ``c``."""

    name: str
    holds: bool
    c: sp.Expr | None
    sigma_prime_c: sp.Expr | None
    sigma_second_c: sp.Expr | None
    twice_differentiable: bool
    reason: str


def assumption_1(act: Activation) -> Assumption1Verdict:
    r"""Decide Assumption 1 for ``act`` exactly.

    It holds when :math:`\sigma(c)` simplifies to 0 and :math:`\sigma'(c)` to a
    nonzero number at the catalogue's ``c``; it fails when the certified zero
    set is empty, or every zero is a point where :math:`\sigma'` vanishes or
    does not exist.

    >>> assumption_1(activation("sigmoid")).holds
    False
    >>> assumption_1(activation("tanh")).sigma_prime_c
    1
    """
    cert = zero_set_certificate(act)
    if not cert.proved:
        return Assumption1Verdict(act.name, False, None, None, None, act.twice_differentiable,
                                  f"undecided: zero-set certificate failed ({cert.detail})")
    if act.c is None:
        return Assumption1Verdict(act.name, False, None, None, None, act.twice_differentiable,
                                  _why_no_c(act, cert))
    if act.twice_differentiable:
        s0, s1, s2 = values_at_c(act)
    else:
        s0, s1, s2 = act.derivative_at(act.c, 0), act.derivative_at(act.c, 1), None
    holds = _is_zero(s0) and (act.name == "generic" or sp.simplify(s1).is_zero is False)
    return Assumption1Verdict(act.name, holds, act.c, s1, s2, act.twice_differentiable,
                              f"sigma({act.c}) = {s0}, sigma'({act.c}) = {s1}; zero set {act.zero_set} ({cert.method})")


def _why_no_c(act: Activation, cert: Certificate) -> str:
    if act.zero_set == sp.S.EmptySet:
        return f"sigma has no real zero: {cert.detail}"
    if act.kind == "constant":
        return cert.detail
    if act.kind == "piecewise":
        left, right = _pieces(act)
        at_0 = [sp.diff(left, U).subs(U, 0), sp.diff(right, U).subs(U, 0)]
        # equal one-sided derivatives (a C^1 join such as max(0, u)^3) are sigma'(0); only unequal ones mean none
        verdict = "no derivative" if at_0[0] != at_0[1] else f"sigma'(0) = {at_0[0]}"
        return (f"zero set {act.zero_set}: sigma' = {sp.diff(left, U)} on u<0 and at 0 the one-sided "
                f"derivatives are {at_0[0]} and {at_0[1]} ({verdict})")
    slopes = {z: sp.diff(act.formula, U).subs(U, z) for z in act.zero_set}
    return f"zero set {act.zero_set} ({cert.method}) and sigma' there: {slopes}"
