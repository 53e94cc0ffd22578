r"""RMSProp's late iterates on (7), for every n and every λ > 0: an induction over the iteration k.

On (7), f(β) = λ‖β‖₁, RMSProp moves every coordinate by the same step
(``kumar_equations.md`` (25), ε inside the root; PyTorch puts ε outside)

.. math::

    \beta^{(k+1)}_i = \beta^{(k)}_i - T(k)\,\mathrm{sign}(\beta^{(k)}_i),\qquad
    T(k) = \frac{\alpha\lambda}{\sqrt{(1-\gamma^{k+1})\lambda^2+\epsilon}}
    \quad\Bigl(\text{PyTorch: } \frac{\alpha\lambda}{\lambda\sqrt{1-\gamma^{k+1}}+\epsilon}\Bigr).

Write B(k) = |β_i^{(k)}| (one coordinate; every coordinate obeys the same
recursion, so nothing depends on n) and m = inf_k T(k) > 0.  The cycle
structure is the invariant

.. math::  P(k):\quad B(k) \le \max\bigl(2T(k),\ B(0) - k\,m\bigr),

proved for every k ≥ 0 by induction from four facts, each an inequality
between closed forms decided by Z3 for all parameter values (u = γᵏ ∈ (0, 1]):

* ``one_update``: one update gives B(k+1) ≤ |B(k) − T(k)| (β = 0 stays 0);
* ``step_ratio``: T(k) ≤ 2T(k+1) (the ratio is at most √(1+γ) < 2);
* ``step_floor``: T(k) ≥ m;
* ``norm_nonnegative``: B(k) ≥ 0.

Then, once k·m ≥ B(0) (a finite k), B(k) ≤ 2T(k), so B(k+1) ≤ T(k)
(``settled_coordinate``), hence ‖β^{(k+1)}‖₁ ≤ n·T(k), for every n; and
n·T(k) < nα exactly when γ^{k+1}λ² < ε (ε inside the root;
``late_step_below_alpha``) — the precondition the printed "‖β^R‖₁ < nα"
leaves out (λ = 100, γ = 0.99, ε = 1e-8: k ≥ 2749).
"""

from __future__ import annotations

from typing import Literal

import sympy as sp

from proofs.induction import Bound, Induction, InductiveStep
from proofs.steps import Inequality, Step

Convention = Literal["inside", "pytorch"]

k = sp.Symbol("k", integer=True, nonnegative=True)
alpha, lam, eps = sp.symbols("alpha lambda epsilon", positive=True)
gamma, u = sp.symbols("gamma u", positive=True)
_b, _s = sp.Symbol("b", real=True), sp.Symbol("s", positive=True)
B, T = sp.Function("B"), sp.Function("T")
#: The parameters' range beyond positivity: gamma in (0, 1).
PARAMETERS = (gamma < 1,)


def step_size(x: sp.Expr, convention: Convention) -> sp.Expr:
    r"""T(k) with x = γᵏ (so γ^{k+1} = γx): (25), or PyTorch's placement of ε."""
    if convention == "inside":
        return alpha * lam / sp.sqrt((1 - gamma * x) * lam**2 + eps)
    return alpha * lam / (lam * sp.sqrt(1 - gamma * x) + eps)


def step_floor(convention: Convention) -> sp.Expr:
    r"""m = lim T(k) = inf T(k): αλ/√(λ²+ε), or αλ/(λ+ε)."""
    return alpha * lam / (sp.sqrt(lam**2 + eps) if convention == "inside" else lam + eps)


def invariant(j: sp.Expr, convention: Convention) -> sp.Rel:
    r"""P(j): B(j) ≤ max(2T(j), B(0) − j·m)."""
    return sp.Le(B(j), sp.Max(2 * T(j), B(0) - j * step_floor(convention)))


def _facts(convention: Convention) -> tuple[Bound, ...]:
    t = lambda x: step_size(x, convention)  # noqa: E731
    box = {u: (0, 1)}  # u = gamma^k ranges over (0, 1] for k >= 0
    return (
        Bound(label="one_update", latex=r"B(k+1)=\bigl|\,|\beta|-T(k)\,\bigr|\ (\beta\ne0),\ 0\ (\beta=0)",
              lhs=sp.Abs(_b - _s * sp.sign(_b)), rhs=sp.Abs(sp.Abs(_b) - _s), relation="<=",
              generic={sp.Abs(_b - _s * sp.sign(_b)): B(k + 1), sp.Abs(_b): B(k), _s: T(k)},
              justification=r"$\beta=\beta^{(k)}_i$, $s=T(k)$: the update (25) moves $\beta$ by $s$ against its "
                            r"sign."),
        Bound(label="step_ratio", latex=r"T(k)\le 2\,T(k+1)", lhs=t(u), rhs=2 * t(gamma * u), relation="<=",
              domain=box, box_is_domain=True, assuming=PARAMETERS, generic={t(u): T(k), t(gamma * u): T(k + 1)},
              justification=r"$u=\gamma^k\in(0,1]$ for $k\ge0$; the ratio is at most $\sqrt{1+\gamma}<2$."),
        Bound(label="step_floor", latex=r"T(k)\ge m", lhs=t(u), rhs=step_floor(convention), relation=">=",
              domain=box, box_is_domain=True, assuming=PARAMETERS, generic={t(u): T(k)},
              justification="The denominator grows with k to its limit."),
        Bound(label="norm_nonnegative", latex=r"B(k)\ge0", lhs=sp.Abs(_b), rhs=0, relation=">=",
              generic={sp.Abs(_b): B(k)}),
    )


def cycle_induction(convention: Convention) -> Induction:
    r"""P(k) for every k ≥ 0, every n, every λ > 0 (both placements of ε)."""
    facts = _facts(convention)
    x0, t0 = sp.symbols("x_0 t_0", nonnegative=True)
    base = Bound(label="invariant_at_0", latex=r"B(0)\le\max(2T(0),B(0))", lhs=x0, rhs=sp.Max(2 * t0, x0),
                 relation="<=", generic={x0: B(0), t0: T(0)})
    step = InductiveStep(label="invariant_step", latex=r"P(k)\Rightarrow P(k+1)",
                         hypothesis=invariant(k, convention), conclusion=invariant(k + 1, convention),
                         facts=tuple(f.establishes for f in facts), assuming=PARAMETERS)
    return Induction(label=f"rmsprop_cycle_invariant_{convention}", printed=False,
                     latex=r"\forall k\ge0:\ |\beta^{(k)}_i|\le\max\bigl(2T(k),\ |\beta^{(0)}_i|-k\,m\bigr)",
                     variable=k, start=0, statement=lambda j: invariant(j, convention), base=base, step=step,
                     using=facts, reading=None,
                     justification=r"Induction over the iteration $k$; every coordinate obeys the same recursion, so "
                                   r"the bound holds for every $n$ and every $\lambda>0$.")


def late_iterate_steps(convention: Convention) -> list[Step]:
    r"""The induction, then: settled coordinates (|β^{(k+1)}_i| ≤ T(k) once k·m ≥ |β^{(0)}_i|), and
    n·T(k) < nα exactly when the step is below α."""
    b0, b1, t_k = sp.symbols("b_0 b_1 t_k", nonnegative=True)
    x = u
    t = step_size(x, convention)
    threshold = (eps > gamma * x * lam**2) if convention == "inside" else \
        (lam * sp.sqrt(1 - gamma * x) + eps > lam)
    return [
        cycle_induction(convention),
        Inequality(label=f"settled_coordinate_{convention}", printed=False, uses=(f"rmsprop_cycle_invariant_{convention}",),
                   latex=r"B(k)\le2T(k),\ B(k+1)\le|B(k)-T(k)|\ \Rightarrow\ B(k+1)\le T(k)",
                   lhs=b1, rhs=t_k, relation="<=",
                   assuming=(b1 <= sp.Abs(b0 - t_k), b0 <= 2 * t_k, t_k > 0),
                   justification=r"Once $km\ge|\beta^{(0)}_i|$ the invariant gives $B(k)\le2T(k)$; one more update "
                                 r"leaves the coordinate within $T(k)$, so $\|\beta^{(k+1)}\|_1\le nT(k)$ for every "
                                 r"$n$."),
        Inequality(label=f"late_step_below_alpha_{convention}", printed=False, uses=(f"settled_coordinate_{convention}",),
                   latex=(r"\gamma^{k+1}\lambda^2<\epsilon\ \Rightarrow\ T(k)<\alpha" if convention == "inside"
                          else r"\lambda\sqrt{1-\gamma^{k+1}}+\epsilon>\lambda\ \Rightarrow\ T(k)<\alpha"),
                   lhs=t, rhs=alpha, relation="<", domain={x: (0, 1)}, box_is_domain=True,
                   assuming=(*PARAMETERS, threshold),
                   justification=r"With $x=\gamma^k$: the late bound $nT(k)$ is below $n\alpha$ from the iteration "
                                 r"on which the threshold holds (then for ever: $T$ decreases)."),
        Inequality(label=f"late_step_below_alpha_only_then_{convention}", printed=False,
                   latex=r"T(k)<\alpha\ \Rightarrow\ " + (r"\gamma^{k+1}\lambda^2<\epsilon" if convention == "inside"
                                                       else r"\lambda\sqrt{1-\gamma^{k+1}}+\epsilon>\lambda"),
                   lhs=threshold.lhs, rhs=threshold.rhs, relation=">", domain={x: (0, 1)}, box_is_domain=True,
                   assuming=(*PARAMETERS, t < alpha),
                   justification=r"The converse: before the threshold the step is at least $\alpha$, so the bound "
                                 r"$nT(k)$ does not give $n\alpha$ (the printed claim needs 'late enough')."),
    ]
