r"""Kumar, Proposition B.5: RMSProp eventually behaves like NDGM with penalty 1, "irrespective of lambda".

Reference: [Kumar, App. B.3.3, Prop. B.5, eq. (27)]

Statement:   The RMSProp sequence (25) eventually behaves like a vanilla NDGM sequence with a LASSO
             penalty of 1, irrespective of the value of :math:`\lambda`.
Reading:     (27): step size :math:`\to\alpha/\sqrt{1+\epsilon/\lambda^2}\approx\alpha(1-\epsilon/(2\lambda^2))\approx\alpha`
             (paper, :math:`\epsilon` inside the root); PyTorch's :math:`\sqrt v+\epsilon` gives
             :math:`\alpha\lambda/(\lambda+\epsilon)`.  "Irrespective" has two readings: ``every_lambda``
             (the limit step is :math:`\alpha` up to 1% for every :math:`\lambda>0` at :math:`\epsilon=10^{-8}`)
             and ``first_order`` (to first order in :math:`\epsilon/\lambda^2`, the proof's regime).
             The text's example ":math:`\gamma=0.99`, :math:`\gamma^k\approx`" is read as :math:`\gamma^{1000}\approx4.3\times10^{-5}`.
Assumptions: A1 0 < gamma < 1   necessary: gamma = 1 keeps v = 0 (step alpha*lambda/sqrt(eps))
             A2 eps << lambda^2 (paper) / eps << lambda (PyTorch)   used not stated; necessary
Proof outline:
  1. `gamma_power_negligible`       0.99^1000 in [4.31e-5, 4.32e-5] (Arb)
  2. `limit_step_paper`             alpha*lambda/sqrt((1-gamma^(k+1))lambda^2+eps) -> alpha*lambda/sqrt(lambda^2+eps)
  3. `limit_step_pytorch`           alpha*lambda/(lambda*sqrt(1-gamma^(k+1))+eps) -> alpha*lambda/(lambda+eps)
  4. `limit_27_first_form`          alpha*lambda/sqrt(lambda^2+eps) = alpha/sqrt(1+eps/lambda^2)
  5. `taylor_27`                    (s/alpha - 1)/(eps/lambda^2) -> -1/2 as eps -> 0
  6. `taylor_pytorch`               (s/alpha - 1)/(eps/lambda) -> -1 as eps -> 0
  7. `irrespective_to_first_order`  printed, reading first_order: s/alpha - 1 -> 0 as eps -> 0, for every lambda
  8. `irrespective_of_lambda`       printed, reading every_lambda: |s/alpha - 1| <= 1% for every lambda > 0
  9. `relative_error_polynomial`    1 - (1 - x/2)^2 (1 + x) = x^2 (3 - x)/4
 10. `relative_error_at_most_half_x`  repaired: x^2 (3 - x)/4 >= 0 on [0, 2], so 1 - s/alpha <= eps/(2 lambda^2)
 11. `pytorch_relative_error`       1 - lambda/(lambda + eps) = eps/(lambda + eps) <= eps/lambda
Review notes: the limit depends on lambda through eps/lambda^2 (paper) or eps/lambda (PyTorch);
for lambda = 1e-4, eps = 1e-8 the paper's step is alpha/sqrt(2), not alpha.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import sympy as sp
from flint import arb, ctx

from proofs.engine import (Assumption, Check, Claim, Equality, Inequality, Limit, Necessity, Parameter, Reading, StepResult)
from proofs.errors import AssumptionViolated
from proofs.values import check_digits
from proofs.kumar.shown import EPS, LAMBDA, point
from symbolic import optimizers as o

ID = "kumar.prop_b_5"
h = sp.Symbol("h", positive=True)  # gamma = 1/(1+h)
x = sp.Symbol("x", nonnegative=True)  # x = eps/lambda^2
y = sp.Symbol("y", nonnegative=True)  # x = 2y/(1+y) covers [0, 2)
# h as a 60-digit Float: the engine's cross-check evaluates gamma^k at k = 10^24, hopeless as an exact rational power
PARAMS = [{o.alpha: sp.Rational(1, 100), o.lam: lam, o.eps: sp.Rational(1, 10**8), h: sp.Float(sp.Rational(1, 99), 60)}
          for lam in (sp.Rational(1, 1000),)]


def effective_step_ratio(lam: Fraction, eps: Fraction, convention: str = "paper") -> arb:
    r""":math:`s_\infty/\alpha` as a rigorous Arb ball: :math:`\lambda/\sqrt{\lambda^2+\epsilon}` or :math:`\lambda/(\lambda+\epsilon)`.

    >>> effective_step_ratio(Fraction(1, 10**4), Fraction(1, 10**8)).str(5, radius=False)
    '0.70711'
    """
    with ctx.workdps(40):
        l, e = arb(lam.numerator) / lam.denominator, arb(eps.numerator) / eps.denominator
        return l / (l * l + e).sqrt() if convention == "paper" else l / (l + e)


def exact_step_ratio(lam: Fraction, eps: Fraction, convention: str = "paper") -> sp.Expr:
    r""":math:`s_\infty/\alpha` exactly (SymPy): the number :func:`effective_step_ratio` encloses.

    >>> exact_step_ratio(Fraction(1, 10**4), Fraction(1, 10**8))
    sqrt(2)/2
    """
    l, e = sp.Rational(lam.numerator, lam.denominator), sp.Rational(eps.numerator, eps.denominator)
    return l / sp.sqrt(l * l + e) if convention == "paper" else l / (l + e)


def _gamma_power(lo: str, hi: str) -> StepResult:
    with ctx.workdps(40):
        value = (arb(99) / 100) ** 1000
        ok = value > arb(lo) and value < arb(hi)
    return StepResult(ok, "symbolic", "arb", f"0.99^1000 = {value.str(6)} in [{lo}, {hi}]: {ok}",
                      counterexample=None if ok else r"$0.99^{1000}\in{ball}$ (Arb enclosure), outside the printed range",
                      values={"ball": value.str(6)})


def _irrespective(tolerance: Fraction, lams) -> StepResult:
    for convention in ("paper", "pytorch"):
        for lam in lams:
            ratio = effective_step_ratio(lam, Fraction(1, 10**8), convention)
            if not abs(ratio - 1) < arb(tolerance.numerator) / tolerance.denominator:
                return StepResult(False, "symbolic", "arb", f"{convention}: s/alpha = {ratio.str(6)} at lambda = {lam}",
                                  counterexample=r"at {point} ({convention} convention): $s_\infty/\alpha={exact_ratio}"
                                                 r"={ratio_mid}\pm{ratio_radius}$ (Arb enclosure)",
                                  values={"point": point({LAMBDA: lam, EPS: Fraction(1, 10**8)}), "convention": convention,
                                          "exact_ratio": exact_step_ratio(lam, Fraction(1, 10**8), convention),
                                          "ratio_mid": float(ratio.mid()), "ratio_radius": float(ratio.rad())})
    return StepResult(True, "numeric", "arb", f"|s/alpha - 1| < {tolerance} for lambda in {[str(x) for x in lams]}")


def _steps() -> list:
    k = o.k
    paper, torch = o.rmsprop_step_size(k, "paper").subs(o.gamma, 1 / (1 + h)), o.rmsprop_step_size(k, "pytorch").subs(o.gamma, 1 / (1 + h))
    s_paper, s_torch = o.rmsprop_limit_step("paper"), o.rmsprop_limit_step("pytorch")
    lams = [Fraction(10) ** e for e in range(-6, 7)]
    return [
        Check(label="gamma_power_negligible", kind_name="Arb enclosure", latex=r"\gamma=0.99:\ \gamma^{1000}\approx4.3\times10^{-5}",
              run_check=lambda: _gamma_power("4.31e-5", "4.32e-5"), wrong_versions=[lambda: _gamma_power("4.31e-4", "4.32e-4")]),
        Limit(label="limit_step_paper", latex=r"\lim_{k\to\infty}\frac{\alpha\lambda}{\sqrt{(1-\gamma^{k+1})\lambda^2+\epsilon}}=\frac{\alpha\lambda}{\sqrt{\lambda^2+\epsilon}}",
              expr=paper, var=k, point=sp.oo, expected=s_paper, parameters=PARAMS),
        Limit(label="limit_step_pytorch", printed=False,
              latex=r"\lim_{k\to\infty}\frac{\alpha\lambda}{\lambda\sqrt{1-\gamma^{k+1}}+\epsilon}=\frac{\alpha\lambda}{\lambda+\epsilon}",
              expr=torch, var=k, point=sp.oo, expected=s_torch, parameters=PARAMS),
        Equality(label="limit_27_first_form", latex=r"\frac{\alpha\lambda}{\sqrt{\lambda^2+\epsilon}}=\frac{\alpha}{\sqrt{1+\epsilon/\lambda^2}}",
                 lhs=s_paper, rhs=o.alpha / sp.sqrt(1 + o.eps / o.lam**2)),
        Limit(label="taylor_27", latex=r"\lim_{\epsilon\downarrow0}\frac{s_\infty/\alpha-1}{\epsilon/\lambda^2}=-\frac12",
              expr=(s_paper / o.alpha - 1) / (o.eps / o.lam**2), var=o.eps, point=0, expected=sp.Rational(-1, 2),
              parameters=[{o.lam: sp.Integer(1), o.alpha: sp.Rational(1, 100)}, {o.lam: sp.Rational(1, 3), o.alpha: 1}]),
        Limit(label="taylor_pytorch", printed=False, latex=r"\lim_{\epsilon\downarrow0}\frac{s_\infty/\alpha-1}{\epsilon/\lambda}=-1",
              expr=(s_torch / o.alpha - 1) / (o.eps / o.lam), var=o.eps, point=0, expected=-1,
              parameters=[{o.lam: sp.Integer(1), o.alpha: sp.Rational(1, 100)}, {o.lam: sp.Rational(1, 3), o.alpha: 1}]),
        Limit(label="irrespective_to_first_order", role="statement", reading="first_order",
              latex=r"\lim_{\epsilon\downarrow0}\Big(\frac{s_\infty}{\alpha}-1\Big)=0\ \text{ whatever } \lambda>0",
              expr=s_paper / o.alpha - 1, var=o.eps, point=0, expected=0,
              parameters=[{o.lam: sp.Rational(1, 10**4), o.alpha: sp.Rational(1, 100)}, {o.lam: sp.Integer(1), o.alpha: 1},
                          {o.lam: sp.Integer(100), o.alpha: sp.Rational(1, 3)}],
              justification=r"The proof's own regime ('up to first order' in $\epsilon/\lambda^2$): the limit step "
                            r"tends to $\alpha$ for every $\lambda$ as $\epsilon\to0$ (step taylor_27 gives the rate "
                            r"$-\epsilon/(2\lambda^2)$)."),
        Check(label="irrespective_of_lambda", role="statement", kind_name="Arb enclosure", reading="every_lambda",
              latex=r"\big|s_\infty/\alpha-1\big|\le1\%\ \ \forall\lambda>0\quad(\epsilon=10^{-8})",
              run_check=lambda: _irrespective(Fraction(1, 100), lams),
              erratum=r"The limit step depends on $\lambda$ through $\epsilon/\lambda^2$ (paper) or $\epsilon/\lambda$ "
                      r"(PyTorch): at {point} ({convention} convention) $s_\infty/\alpha={exact_ratio}$, not within 1% of 1."),
        Equality(label="relative_error_polynomial", printed=False, latex=r"1-\big(1-\tfrac x2\big)^2(1+x)=\tfrac{x^2(3-x)}4",
                 lhs=1 - (1 - x / 2) ** 2 * (1 + x), rhs=x**2 * (3 - x) / 4),
        Inequality(label="relative_error_at_most_half_x", repairs="irrespective_of_lambda", reading="every_lambda",
                   latex=r"x=\tfrac{2y}{1+y}\in[0,2):\ \frac{x^2(3-x)}4\ge0\ \Rightarrow\ 0\le1-\frac{s_\infty}\alpha=1-\frac1{\sqrt{1+x}}\le\frac x2=\frac{\epsilon}{2\lambda^2}",
                   lhs=(x**2 * (3 - x) / 4).subs(x, 2 * y / (1 + y)), rhs=0, relation=">=",
                   justification=r"So $1/\sqrt{1+x}\ge1-x/2$ on $[0,2]$; for $x>2$ the bound $x/2>1$ is trivial. "
                                 r"Repaired statement: the limit is NDGM with penalty 1 and step "
                                 r"$\alpha/\sqrt{1+\epsilon/\lambda^2}$, within relative error "
                                 r"$\epsilon/(2\lambda^2)$ of $\alpha$."),
        Equality(label="pytorch_relative_error", printed=False, latex=r"1-\frac{\lambda}{\lambda+\epsilon}=\frac{\epsilon}{\lambda+\epsilon}\le\frac\epsilon\lambda",
                 lhs=1 - s_torch / o.alpha, rhs=o.eps / (o.lam + o.eps)),
    ]


#: Digits of an input of ``derive``: the limit step is a SymPy radical of them, simplified exactly.
MAX_INPUT_DIGITS = 100


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    alpha, lam, eps, conv = params["alpha"], params["lam"], params["eps"], params["convention"]
    for name in ("alpha", "lam", "eps"):
        if params[name] <= 0:
            raise AssumptionViolated(ID, "A2", f"{name} > 0", {name: params[name]})
    check_digits(params, ("alpha", "lam", "eps"), MAX_INPUT_DIGITS, "the exact limit step (SymPy radicals)")
    step = o.rmsprop_limit_step(conv).subs({o.alpha: sp.Rational(alpha.numerator, alpha.denominator),
                                            o.lam: sp.Rational(lam.numerator, lam.denominator),
                                            o.eps: sp.Rational(eps.numerator, eps.denominator)})
    ratio = effective_step_ratio(lam, eps, conv)
    first_order = alpha * (1 - eps / (2 * lam * lam)) if conv == "paper" else alpha * (1 - eps / lam)
    return {"convention": conv, "limit_step": str(step), "limit_step_decimal": str(sp.N(step, 30)),
            "step_over_alpha": ratio.str(20), "first_order": str(first_order),
            "relative_deviation_bound": str(eps / (2 * lam * lam) if conv == "paper" else eps / lam)}


def figures(outdir: Path) -> list[Path]:
    r""":math:`s_\infty/\alpha` against :math:`\lambda` for both placements of :math:`\epsilon=10^{-8}`."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    lams = [10 ** (e / 4) for e in range(-40, 9)]
    fig, ax = plt.subplots(figsize=(5, 3))
    for conv in ("paper", "pytorch"):
        ax.semilogx(lams, [float(effective_step_ratio(Fraction(l), Fraction(1, 10**8), conv).mid()) for l in lams], label=conv)
    ax.set_xlabel(r"$\lambda$"), ax.set_ylabel(r"$s_\infty/\alpha$"), ax.legend(), ax.set_title(r"RMSProp limit step, $\epsilon=10^{-8}$")
    path = Path(outdir) / "kumar_prop_b_5_limit_step.pdf"
    fig.tight_layout(), fig.savefig(path), plt.close(fig)
    return [path]


def theorem() -> Claim:
    r"""Proposition B.5 as a checkable claim."""
    g1 = sp.Symbol("gamma", positive=True)
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition B.5", section="B.3.3",
                 title="RMSProp eventually behaves like NDGM with penalty 1",
                 statement=r"The RMSProp sequence (25) eventually behaves like a vanilla NDGM sequence with a LASSO penalty of 1, "
                           r"irrespective of $\lambda$.",
                 reference="Kumar, App. B.3.3, Prop. B.5, eq. (27)", steps=_steps(),
                 readings=(Reading("every_lambda", r"'irrespective of $\lambda$' at the fixed $\epsilon=10^{-8}$: the limit step is "
                                                   r"$\alpha$ up to 1% for every $\lambda>0$",
                                   "Prop. B.5's statement read literally; (23) with eps inside the root (kumar_equations.md, "
                                   "medium-high)"),
                           Reading("first_order", r"to first order in $\epsilon/\lambda^2$ ($\epsilon\ll\lambda^2$) the limit "
                                                  r"step is $\alpha$ whatever $\lambda$ is",
                                   "the proof's 'up to first order' (B.5 proof, (27))")),
                 assumptions=[
                     Assumption("A1", "0 < gamma < 1", r"0<\gamma<1", holds=lambda p: 0 < p.get("gamma", Fraction(1, 2)) < 1,
                                necessity=Necessity("necessary", r"$\gamma=1$: $v$ stays 0 and the step is "
                                                                 r"$\alpha\lambda/\sqrt{\epsilon}$, not $\alpha$.",
                                                    check=Equality(label="gamma_one_keeps_v_zero", latex=r"\gamma=1:\ v^{(k+1)}=v^{(k)}",
                                                                   lhs=lambda: o.second_moment_step(o.v).subs(o.gamma, 1), rhs=o.v))),
                     Assumption("A2", "eps << lambda^2 (paper), eps << lambda (PyTorch)", r"\epsilon\ll\lambda^2", used_not_stated=True,
                                holds=lambda p: all(p.get(x, 1) > 0 for x in ("alpha", "lam", "eps")),
                                necessity=Necessity("necessary", r"$\lambda=10^{-4}$, $\epsilon=10^{-8}$: $s_\infty=\alpha/\sqrt2$ "
                                                                 r"(paper); $\lambda=10^{-8}$: $s_\infty=\alpha/2$ (PyTorch).")),
                 ],
                 parameters=[Parameter("alpha", "rational", Fraction(1, 100)), Parameter("lam", "rational", Fraction(1)),
                             Parameter("eps", "rational", Fraction(1, 10**8)), Parameter("gamma", "rational", Fraction(99, 100)),
                             Parameter("convention", "choice", "paper", "eps inside the root (paper) or outside (pytorch)", ("paper", "pytorch"))],
                 derive=_derive, figures=figures,
                 repaired_statement=r"RMSProp on (7) eventually behaves like NDGM with penalty 1 and step $\alpha/\sqrt{1+\epsilon/\lambda^2}$ "
                                    r"(PyTorch: $\alpha\lambda/(\lambda+\epsilon)$), within relative error $\epsilon/(2\lambda^2)$ "
                                    r"($\epsilon/\lambda$) of $\alpha$; so irrespective of $\lambda$ only when $\lambda^2\gg\epsilon$.",
                 notes=[r"In the limits $\gamma$ is written $1/(1+h)$, $h>0$, so that SymPy knows $\gamma^k\to0$."])
