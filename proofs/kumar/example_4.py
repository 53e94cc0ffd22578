r"""Kumar, §4 2-D example: a larger LASSO penalty gives a larger NDGM solution norm.

Reference: [Kumar, §4, paragraph after Prop. 4.1 ("norm at most 0.0106 ... at least 0.9894")]

Statement:   In 2-D, NDGM oscillates with :math:`\|\beta\|_1\le0.0106` for the small
             :math:`\lambda_S` and :math:`\ge0.9894` for the large :math:`\lambda_L`, with the same
             :math:`\alpha` and :math:`\beta^{(0)}`; reducing the step to :math:`\alpha/10` after
             apparent convergence does not resolve this.
Reading:     the numbers are lost from the text; we check the instance of kumar_equations.md
             (low confidence): :math:`\beta^{(0)}=(0.4947,0.4947)`, :math:`(\alpha,\lambda_S,\lambda_L)=(0.01,1,100)`,
             and the equivalent reading :math:`(1,0.01,1)`; the restart uses either cycle point.
Assumptions: A1 beta0 off alpha*lambda*Z (else NDGM reaches 0 and the norm is 0)
Proof outline:
  1. `cycle_norms_sum_to_n_alpha_lambda`  |c| + |c - alpha*lambda| = alpha*lambda per coordinate
  2. `small_lambda_norm_at_most_0_0106`   exact cycle (0.0047,0.0047) <-> (-0.0053,-0.0053)
  3. `large_lambda_norm_at_least_0_9894`  exact cycle (0.4947,0.4947) <-> (-0.5053,-0.5053)
  4. `equivalent_reading_same_numbers`    (alpha, lambda_S, lambda_L) = (1, 0.01, 1) gives the same cycles
  5. `reduced_step_small_lambda`          alpha/10 from either cycle point: norm <= 0.0014
  6. `reduced_step_large_lambda`          alpha/10 from either cycle point: norm >= 0.0106
Review notes: with n = 2 the two cycle norms sum to 2*alpha*lambda, which is why the
printed bounds 0.0106 and 0.9894 add up to 1.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any, Callable

import sympy as sp

from numeric.optimizers import ndgm_cycle, ndgm_trajectory
from proofs.engine import Assumption, Check, Claim, Equality, Necessity, Parameter, StepResult, Witness, WitnessCheck
from proofs.errors import AssumptionViolated
from proofs.kumar.shown import ALPHA, BETA0, LAMBDA, exact, point
from proofs.kumar.toy_lasso import beta0_parameter, check_ndgm_budget, in_exceptional_set
from symbolic import optimizers as o

ID = "kumar.example_4"
B0 = [Fraction(4947, 10000)] * 2
READINGS = [(Fraction(1, 100), Fraction(1), Fraction(100)), (Fraction(1), Fraction(1, 100), Fraction(1))]


def _norm(b) -> Fraction:
    return sum(abs(x) for x in b)


def cycle_norms(beta0: list[Fraction], alpha: Fraction, lam: Fraction) -> tuple[Fraction, Fraction]:
    r"""The two :math:`\ell_1` norms of the NDGM 2-cycle (exact simulation).

    >>> [str(x) for x in cycle_norms(B0, Fraction(1, 100), Fraction(1))]
    ['47/5000', '53/5000']
    """
    cyc = ndgm_cycle(beta0, alpha, lam)
    return _norm(cyc.first), _norm(cyc.second)


def reduced_cycle_norms(beta0: list[Fraction], alpha: Fraction, lam: Fraction, factor: Fraction = Fraction(1, 10)) -> list[Fraction]:
    r"""Norms of the cycle reached after restarting at either cycle point with step ``factor*alpha``.

    >>> [str(x) for x in reduced_cycle_norms(B0, Fraction(1, 100), Fraction(1))]
    ['7/5000', '3/5000', '3/5000', '7/5000']
    """
    cyc = ndgm_cycle(beta0, alpha, lam)
    out = []
    for start in (cyc.first, cyc.second):
        again = ndgm_cycle(list(start), alpha * factor, lam)
        out += [_norm(again.first), _norm(again.second)]
    return out


def _bound(reading: int, lam_index: int, norms: Callable, relation: str, value: Fraction) -> StepResult:
    alpha, *lams = READINGS[reading]
    found = norms(B0, alpha, lams[lam_index])
    ok = max(found) <= value if relation == "<=" else min(found) >= value
    shown = [str(x) for x in found]
    worst = max(found) if relation == "<=" else min(found)
    return StepResult(ok, "symbolic", "exact-rational", f"norms {shown} {relation} {value}",
                      counterexample=None if ok else r"at {point} the cycle norms are {norms}: $\|\beta\|_1={worst}$, not "
                                                     + (r"$\le{bound}$" if relation == "<=" else r"$\ge{bound}$"),
                      values={"point": point({ALPHA: alpha, LAMBDA: lams[lam_index], BETA0: B0}), "norms": exact(found),
                              "worst": exact(worst), "bound": exact(value)})


def _same_readings(params, pair) -> WitnessCheck:
    a, b = pair
    show = lambda cyc: [[str(x) for x in cyc.first], [str(x) for x in cyc.second]]  # noqa: E731
    return WitnessCheck(lhs=str(show(a)), rhs=str(show(b)), holds=a == b)


def _steps() -> list:
    u = sp.Symbol("u", positive=True)
    c = o.alpha * o.lam * u / (1 + u)
    q = Fraction
    return [
        Equality(label="cycle_norms_sum_to_n_alpha_lambda", latex=r"|c_i|+|c_i-\alpha\lambda|=\alpha\lambda\quad(0<c_i<\alpha\lambda)",
                 lhs=sp.Abs(c) + sp.Abs(sp.factor(c - o.alpha * o.lam)), rhs=o.alpha * o.lam,
                 justification=r"Summing over the $n=2$ coordinates, the two cycle norms add up to $2\alpha\lambda$."),
        Check(label="small_lambda_norm_at_most_0_0106", kind_name="exact simulation",
              latex=r"\lambda_S:\ (0.0047,0.0047)\leftrightarrow(-0.0053,-0.0053),\ \|\beta\|_1\le0.0106",
              run_check=lambda: _bound(0, 0, cycle_norms, "<=", q(106, 10000)),
              wrong_versions=[lambda: _bound(0, 0, cycle_norms, "<=", q(94, 10000))]),
        Check(label="large_lambda_norm_at_least_0_9894", kind_name="exact simulation",
              latex=r"\lambda_L:\ (0.4947,0.4947)\leftrightarrow(-0.5053,-0.5053),\ \|\beta\|_1\ge0.9894",
              run_check=lambda: _bound(0, 1, cycle_norms, ">=", q(9894, 10000)),
              wrong_versions=[lambda: _bound(0, 1, cycle_norms, ">=", q(10106, 10000))]),
        Witness(label="equivalent_reading_same_numbers", printed=False,
                latex=r"(\alpha,\lambda_S,\lambda_L)=(1,0.01,1)\ \text{gives the same cycles as}\ (0.01,1,100)",
                construct=lambda p: (ndgm_cycle(B0, *READINGS[1][:2]), ndgm_cycle(B0, *READINGS[0][:2])),
                verify=_same_readings, cases=[{}], for_all=False,  # one fixed comparison of the two readings
                wrong_constructions=[lambda p: (ndgm_cycle(B0, *READINGS[1][:2]), ndgm_cycle(B0, READINGS[0][0], READINGS[0][2]))]),
        Check(label="reduced_step_small_lambda", kind_name="exact simulation",
              latex=r"\alpha/10,\ \lambda_S:\ (0.0007,0.0007)\leftrightarrow(-0.0003,-0.0003),\ \|\beta\|_1\le0.0014",
              run_check=lambda: _bound(0, 0, reduced_cycle_norms, "<=", q(14, 10000)),
              wrong_versions=[lambda: _bound(0, 0, reduced_cycle_norms, "<=", q(6, 10000))]),
        Check(label="reduced_step_large_lambda", kind_name="exact simulation",
              latex=r"\alpha/10,\ \lambda_L:\ (0.0947,0.0947)\leftrightarrow(-0.0053,-0.0053),\ \|\beta\|_1\ge0.0106",
              run_check=lambda: _bound(0, 1, reduced_cycle_norms, ">=", q(106, 10000)),
              wrong_versions=[lambda: _bound(0, 1, reduced_cycle_norms, ">=", q(1894, 10000))]),
    ]


def _zero_norm(params, start) -> WitnessCheck:
    run = ndgm_trajectory(start, Fraction(1, 100), Fraction(100), 3)
    return WitnessCheck(lhs=exact(_norm(run[-1])), rhs=exact(Fraction(9894, 10000)), holds=_norm(run[-1]) < Fraction(9894, 10000))


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    alpha, beta0 = params["alpha"], params["beta0"]
    out = {}
    for name in ("lam_small", "lam_large"):
        lam = params[name]
        if alpha <= 0 or lam <= 0 or any(in_exceptional_set(b, alpha, lam) for b in beta0):
            raise AssumptionViolated(ID, "A1", "alpha, lambda > 0 and beta0 off alpha*lambda*Z", {"alpha": alpha, name: lam})
        check_ndgm_budget(beta0, alpha, lam)
        cyc = ndgm_cycle(beta0, alpha, lam)
        out[name] = {"cycle": [[str(x) for x in cyc.first], [str(x) for x in cyc.second]],
                     "norms": [str(x) for x in cycle_norms(beta0, alpha, lam)],
                     "norms_after_alpha_over_10": [str(x) for x in reduced_cycle_norms(beta0, alpha, lam)]}
    return out


def figures(outdir: Path) -> list[Path]:
    r"""Norms of the 2-D example, with the step reduced to :math:`\alpha/10` at :math:`k=100`."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(5, 3))
    for lam in (Fraction(1), Fraction(100)):
        first = ndgm_trajectory(B0, Fraction(1, 100), lam, 100)
        second = ndgm_trajectory(first[-1], Fraction(1, 1000), lam, 100)[1:]
        ax.semilogy([float(_norm(b)) for b in first + second], label=rf"$\lambda={lam}$")
    ax.axvline(100, color="gray", ls=":"), ax.set_xlabel("k"), ax.set_ylabel(r"$\|\beta^{(k)}\|_1$"), ax.legend()
    path = Path(outdir) / "kumar_example_4_norms.pdf"
    fig.tight_layout(), fig.savefig(path), plt.close(fig)
    return [path]


def theorem() -> Claim:
    r"""The §4 2-D example as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Example (§4)", section="4",
                 title="A larger LASSO penalty gives a larger NDGM norm (2-D example)",
                 statement=r"With the same $\alpha$ and $\beta^{(0)}$, the NDGM norm is at most $0.0106$ for $\lambda_S$ and at least "
                           r"$0.9894$ for $\lambda_L$; with step $\alpha/10$ after convergence the paradox persists.",
                 reference="Kumar, §4, after Prop. 4.1", steps=_steps(),
                 assumptions=[Assumption("A1", "beta0 off alpha*lambda*Z", r"\beta^{(0)}_i\notin\alpha\lambda\mathbb Z",
                                         necessity=Necessity("necessary", r"$\beta^{(0)}=(1,1)$ with $\lambda_L=100$ ($\alpha\lambda=1$) "
                                                                            r"reaches 0: $\|\beta^{(3)}\|_1={lhs}$, below the printed "
                                                                            r"${=0.9894}$.",
                                                             check=Witness(label="exceptional_start_has_norm_zero", latex=r"\beta^{(0)}=(1,1)",
                                                                           construct=lambda p: [Fraction(1)] * 2, verify=_zero_norm, cases=[{}],
                                                                           for_all=False,  # one counterexample
                                                                           wrong_constructions=[lambda p: B0])))],
                 parameters=[Parameter("alpha", "rational", Fraction(1, 100), "step size"),
                             Parameter("lam_small", "rational", Fraction(1), "small penalty"),
                             Parameter("lam_large", "rational", Fraction(100), "large penalty"),
                             beta0_parameter(B0, "initialization")],
                 derive=_derive, figures=figures,
                 notes=[r"The instance $\beta^{(0)}=({=0.4947},{=0.4947})$, $(\alpha,\lambda_S,\lambda_L)=({=0.01},1,100)$ is the "
                        r"reconstruction's (the values are lost from the text); it is one of several four-decimal "
                        r"initializations that fit the printed bounds (not counted here)."])
