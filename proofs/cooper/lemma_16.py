r"""Cooper, Lemma 16: a softmax-weighted average of constants is bounded.

Reference: [Cooper, App. D, Lemma 16 and its proof]

Statement:   For linear forms :math:`\ell_1,\dots,\ell_k` in :math:`z\in\mathbb R^n` and any
             coefficients :math:`c_1,\dots,c_k`, :math:`F(z)=\sum_kc_ke^{\ell_k(z)}/\sum_ke^{\ell_k(z)}`
             is bounded.
Assumptions: A1  the l_k are linear forms   [paper: Lemma 16]  superfluous (only e^{l_k} > 0 is used)
             A2  the c_k are constants      [paper: Lemma 16]  necessary (c_1 = z: F unbounded)
Symbols:     u_k = e^{l_k(z)} > 0, R = sum_{k != j} u_k >= 0, a_k = |c_k|
Proof outline:
  1. `softmax_weight_nonnegative`    0 <= u_j / (u_j + R)
  2. `softmax_weight_at_most_one`    u_j / (u_j + R) <= 1
  3. `triangle_inequality`           |sum_k c_k p_k| <= sum_k |c_k| p_k (cited)
  4. `weighted_term_at_most_coefficient`  |c| u/(u + R) <= |c|
  5. `bound_on_whole_domain`         |F(z)| <= sum_k |c_k| for every z (exact certificate, k <= 4)
  6. `sup_reaches_max_coefficient`            the sharp bound is max_k |c_k|: F(z) -> c_j (Arb), below sum |c_k|
Review notes: the proof is correct; it never uses linearity of the l_k (any real
functions do), and its bound sum_k |c_k| can be sharpened to max_k |c_k|.
"""

from __future__ import annotations

import contextlib
import itertools
from fractions import Fraction
from typing import Any, Callable

import flint
import sympy as sp

from proofs.enclosure import enclose
from proofs.engine import (Assumption, Check, Cited, Claim, Inequality, Necessity, Parameter, StepResult, Witness,
                           WitnessCheck)
from proofs.errors import BadInput

ID = "cooper.lemma_16"
Bound = Callable[[list[sp.Symbol]], sp.Expr]


def _sum_bound(a: list[sp.Symbol]) -> sp.Expr:
    return sum(a, sp.Integer(0))


def _certify(bound: Bound, sizes: tuple[int, ...] = (1, 2, 3, 4)) -> StepResult:
    r"""For each k and each sign pattern c_k = +-a_k (a_k >= 0), prove
    ``bound(a) * sum u -+ sum c_k u_k >= 0`` for u_k > 0 by expanding it into a
    polynomial with nonnegative coefficients; else look for an exact violation."""
    for k in sizes:
        a, u = sp.symbols(f"a_1:{k + 1}", nonnegative=True), sp.symbols(f"u_1:{k + 1}", positive=True)
        for signs in itertools.product((1, -1), repeat=k):
            weighted = sum((s * ai * ui for s, ai, ui in zip(signs, a, u)), sp.Integer(0))
            for side in (1, -1):
                gap = sp.expand(bound(list(a)) * sum(u) - side * weighted)
                if all(coefficient >= 0 for coefficient in sp.Poly(gap, *a, *u).coeffs()):
                    continue
                return _refute(k, signs, side, bound, a, u, gap)
    return StepResult(True, "symbolic", "sign-split-nonnegative-coefficients",
                      f"|F| <= bound proved for k in {sizes}, every sign pattern of c, every u_k = e^(l_k) > 0")


def _refute(k, signs, side, bound, a, u, gap) -> StepResult:
    for values in itertools.product((0, 1, 3), repeat=2 * k):
        point = dict(zip(list(a) + list(u), [sp.Integer(v) for v in values[:k]] + [sp.Integer(v + 1) for v in values[k:]]))
        if gap.subs(point) < 0:
            c = [s * point[ai] for s, ai in zip(signs, a)]
            shown = f"k={k}, c={c}, u={[point[ui] for ui in u]}"
            size = abs(sum(ci * point[ui] for ci, ui in zip(c, u)) / sum(point[ui] for ui in u))
            return StepResult(False, "symbolic", "exact-counterexample", f"bound fails at {shown}",
                              counterexample=r"at $k = {k}$, $c = {c}$ and $u = {u}$, where $u_i := e^{\ell_i(z)}$: "
                                             r"$|F| = {size} > {bound}$, the claimed bound, where $F := \sum_i c_iu_i/\sum_i u_i$",
                              values={"k": k, "c": tuple(c), "u": tuple(point[ui] for ui in u), "size": size,
                                      "bound": bound(list(a)).subs(point)})
    return StepResult(False, "symbolic", "sign-split", f"no certificate for k={k}, signs={signs}, side={side}")


@contextlib.contextmanager
def _precision(bits: int):
    old = flint.ctx.prec
    flint.ctx.prec = bits
    try:
        yield
    finally:
        flint.ctx.prec = old


def _approach(params) -> Fraction:
    return Fraction(int(params["eps"].denominator * 4 * params["scale"]).bit_length() + 2)


def _close_to_max(params, z: Fraction) -> WitnessCheck:
    r"""Rigorous: F(z) with l = (z, 0), c = (C, -C) exceeds C - eps (so sup |F| = max |c| < sum |c|)."""
    C, eps = params["scale"], params["eps"]
    zz = sp.Rational(z.numerator, z.denominator)
    with _precision(512):
        ball = enclose((C * sp.exp(zz) - C) / (sp.exp(zz) + 1), {})
        target = flint.arb(flint.fmpq((C - eps).numerator, (C - eps).denominator))
        return WitnessCheck(f"F(z={z}) in {ball.str(10)}", f"max|c| - eps = {C - eps}", bool(ball > target))


def _steps() -> list:
    u, rest = sp.Symbol("u", positive=True), sp.Symbol("R", nonnegative=True)
    c = sp.Symbol("c", real=True)
    return [
        Inequality(label="softmax_weight_nonnegative", latex=r"0 \le \frac{e^{\ell_j}}{\sum_ke^{\ell_k}} = \frac{u}{u+R}",
                   lhs=0, rhs=u / (u + rest)),
        Inequality(label="softmax_weight_at_most_one", latex=r"\frac{e^{\ell_j}}{\sum_ke^{\ell_k}} = \frac{u}{u+R} \le 1",
                   lhs=u / (u + rest), rhs=1, justification="e^{l_j} <= sum_k e^{l_k}: R is a sum of exponentials."),
        Cited(label="triangle_inequality", latex=r"\Big|\sum_kc_kp_k\Big| \le \sum_k|c_k|\,p_k", reference="triangle inequality"),
        Inequality(label="weighted_term_at_most_coefficient", printed=False, latex=r"|c|\,\frac{u}{u+R}\le|c|",
                   lhs=sp.Abs(c) * u / (u + rest), rhs=sp.Abs(c)),
        Check(label="bound_on_whole_domain", printed=False,
              latex=r"\Big|\frac{\sum_kc_ke^{\ell_k(z)}}{\sum_ke^{\ell_k(z)}}\Big| \le \sum_k|c_k|\quad\forall z\in\mathbb R^n\ (k\le4)",
              run_check=lambda: _certify(_sum_bound),
              wrong_versions=[lambda: _certify(lambda a: _sum_bound(a) / 2),
                              lambda: _certify(lambda a: _sum_bound(a) - sp.Rational(1, 10))],
              kind_name="exact-certificate", scope={"k": [1, 2, 3, 4]},
              justification="With u_k = e^{l_k(z)} > 0 and c_k = +-a_k, the claim is a polynomial inequality in "
                            "(a, u); every sign pattern expands to nonnegative coefficients."),
        Witness(label="sup_reaches_max_coefficient", printed=False,
                latex=r"\ell=(z,0),\ c=(C,-C):\ F(z)=C\tanh(z/2) > C-\varepsilon \text{ at } z=z(\varepsilon),\ \text{while }\sum|c_k|=2C",
                construct=_approach, verify=_close_to_max, method="arb-enclosure",
                cases=[{"scale": Fraction(1), "eps": Fraction(1, 10**k)} for k in (1, 6, 30)]
                + [{"scale": Fraction(7, 2), "eps": Fraction(1, 1000)}],
                wrong_constructions=[lambda p: Fraction(0), lambda p: Fraction(1)]),
    ]


def _coefficient_of_z(params, z: Fraction) -> WitnessCheck:
    zz = sp.Rational(z.numerator, z.denominator)
    with _precision(256):
        ball = enclose(zz * sp.exp(zz) / (sp.exp(zz) + 1), {})
        bound = flint.arb(flint.fmpq(params["B"].numerator, params["B"].denominator))
        return WitnessCheck(f"F(z={z}) = z e^z/(e^z+1) in {ball.str(10)}", f"B = {params['B']}", bool(ball > bound))


def _assumptions() -> list[Assumption]:
    nonlinear = Check(label="bound_for_arbitrary_exponents", printed=False,
                      latex=r"\text{the certificate uses only } u_k=e^{\ell_k(z)}>0\text{, any real } \ell_k",
                      run_check=lambda: _certify(_sum_bound, (2, 3)),
                      wrong_versions=[lambda: _certify(lambda a: max(a, key=str) / 2, (2,))],
                      scope={"k": [2, 3], "exponents": "arbitrary real l_k (only e^{l_k} > 0 used)"})
    varying = Witness(label="varying_coefficient_unbounded", printed=False,
                      latex=r"c_1(z)=z,\ c_2=0,\ \ell=(z,0):\ F(z)=\frac{ze^z}{e^z+1} > B \text{ at } z=2B+2",
                      construct=lambda p: 2 * p["B"] + 2, verify=_coefficient_of_z, method="arb-enclosure",
                      cases=[{"B": Fraction(10) ** k} for k in (0, 3, 9)], wrong_constructions=[lambda p: Fraction(0)])
    return [
        Assumption("A1", "l_k are linear forms", r"\ell_k \text{ linear}",
                   necessity=Necessity("superfluous", r"The proof and the certificate use only $e^{\ell_k(z)} > 0$: the "
                                       r"bound holds for arbitrary real functions $\ell_k$ (certificate checked for $k = 2, 3$; "
                                       r"the termwise step covers every $k$).", nonlinear)),
        Assumption("A2", "c_k are constants", r"c_k \text{ independent of } z",
                   necessity=Necessity("necessary", r"With $c_1(z) = z$ the function $z\,e^z/(e^z + 1)$ is unbounded "
                                       r"(rigorous Arb witness for any bound $B$).", varying)),
    ]


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    coefficients, forms = params["coefficients"], params["forms"]
    if not coefficients or len(forms) != len(coefficients) or len({len(row) for row in forms}) != 1:
        raise BadInput(f"{ID}: need k coefficients and k forms of equal length (got {len(coefficients)} and {len(forms)})")
    z = sp.symbols(f"z_1:{len(forms[0]) + 1}", real=True)
    exps = [sp.exp(sum((sp.Rational(a.numerator, a.denominator) * zi for a, zi in zip(row, z)), sp.Integer(0)))
            for row in forms]
    c = [sp.Rational(v.numerator, v.denominator) for v in coefficients]
    return {"F": str(sum((ci * e for ci, e in zip(c, exps)), sp.Integer(0)) / sum(exps)),
            "bound_as_printed": str(sum(abs(ci) for ci in c)), "sharp_bound": str(max(abs(ci) for ci in c))}


def theorem() -> Claim:
    r"""Cooper Lemma 16 with its printed proof, step by step."""
    return Claim(
        id=ID, paper="cooper", label="Lemma 16", section="App. D",
        title="A softmax-weighted combination of constant coefficients is bounded",
        statement=r"Let $\ell_1,\dots,\ell_k$ be linear forms in $z_1,\dots,z_n$. Then for any coefficients "
                  r"$c_1,\dots,c_k$ the function $\sum_kc_ke^{\ell_k(z)}/\sum_ke^{\ell_k(z)}$ is bounded.",
        reference="Cooper, A theoretical study of the (L0,L1)-smoothness condition in deep learning, App. D, Lemma 16",
        assumptions=_assumptions(), steps=_steps(),
        parameters=[Parameter("coefficients", "list", [Fraction(1), Fraction(-2)], "c_1..c_k (JSON list)"),
                    Parameter("forms", "list", [[Fraction(1), Fraction(0)], [Fraction(0), Fraction(1)]],
                              "the forms as rows of coefficients (k lists of n numbers)")],
        derive=_derive,
        notes=[r"The bound $\sum_k|c_k|$ is proved on the whole domain by an exact certificate ($k \le 4$), and for every "
               r"$k$ by the termwise step; it is valid but not sharp: $\sup|F| = \max_k|c_k|$, where "
               r"$F := \sum_kc_ke^{\ell_k(z)}/\sum_ke^{\ell_k(z)}$.",
               r"Linearity of the forms is never used; constancy of the coefficients is essential."],
    )
