r"""Kumar, Proposition 4.1: NDGM on the toy LASSO is non-sparse a.s. and ends in a 2-cycle.

Reference: [Kumar, §4, Prop. 4.1, eq. (8); proof in App. B.1 via Props. B.1 and B.2]

Statement:   NDGM on (7) with constant :math:`\alpha>0`, :math:`\beta^{(0)}\sim U[-1,1]^n`: all entries of
             :math:`\beta^{(k)}` are non-zero for all :math:`k` with probability 1, and there is :math:`K`
             with (8) for :math:`k\ge K`, :math:`0<|\beta^{(K)}_i|<\alpha\lambda`.
Assumptions: those of B.1 and B.2 (constant alpha > 0, lambda > 0, beta0 off alpha*lambda*Z a.s.).
Proof outline:
  1. `follows_from_b_1`     Proposition B.1 checks (exceptional set alpha*lambda*Z, countable)
  2. `follows_from_b_2`     Proposition B.2 checks (2-cycle with K = max K_i)
  3. `paper_example_cycle`  the 2-D example of §4 satisfies (8) exactly
Review notes: the "for all k with probability 1" is proved with the exact exceptional set
(alpha*lambda*Z per coordinate); (8) holds on its complement only.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any, Mapping

from numeric.optimizers import ndgm_trajectory
from proofs.kumar import prop_b_1 as b1
from proofs.kumar import prop_b_2 as b2
from proofs.engine import Check, Claim, StepResult, Witness, WitnessCheck, check_claim

ID = "kumar.prop_4_1"


def _claim_verified(build, mutate=None) -> StepResult:
    r"""The sub-claim ``build()`` checked in full; the step inherits its weakest evidence (and that scope)."""
    claim = build()
    if mutate is not None:
        claim.steps = [mutate(s) for s in claim.steps]
    report = check_claim(claim)
    ok = report.ok and report.status == "verified"
    detail = f"{claim.id}: {report.summary()}"
    if not ok:
        return StepResult(False, "symbolic", "sub-claim", f"{claim.id}: {report.status} {report.counts()}",
                          counterexample=f"{claim.id} is not verified: " + "; ".join(report.failures))
    level = report.evidence or "cited"
    weakest = [r for r in report.resting_on() if r.result.evidence == level]
    if level == "proved-on-scope":
        scope = {"sub_claim": claim.id, "steps": {r.step.label: dict(r.result.scope or {}) for r in weakest}}
        return StepResult(True, "symbolic", "sub-claim", detail, evidence=level, scope=scope)
    if level == "confirmed":
        sample = {"steps": [r.step.label for r in weakest], **dict(weakest[0].result.sample or {})}
        return StepResult(True, "numeric", "sub-claim", detail, evidence=level, sample=sample)
    return StepResult(True, "symbolic", "sub-claim", detail, evidence=level)


def _first_mutant(label: str):
    return lambda step: step.mutants()[0] if step.label == label else step


def _cycle_of_example(params: Mapping[str, Any], run: list[list[Fraction]]) -> WitnessCheck:
    h = params["alpha"] * params["lam"]
    K = 49 if params["lam"] == 1 else 0
    ok = run[K + 2] == run[K] and run[K + 3] == run[K + 1] and all(0 < abs(x) < h for x in run[K]) and run[K + 1] != run[K]
    return WitnessCheck(lhs=f"beta^(K) = {[str(x) for x in run[K]]}, beta^(K+1) = {[str(x) for x in run[K + 1]]}",
                        rhs=f"2-cycle in (-{h}, {h})^2", holds=ok)


def _steps() -> list:
    return [
        Check(label="follows_from_b_1", kind_name="sub-claim", latex=r"\text{Prop. B.1: }\Pr(\exists k,i:\beta^{(k)}_i=0)=0",
              run_check=lambda: _claim_verified(b1.theorem),
              wrong_versions=[lambda: _claim_verified(b1.theorem, _first_mutant("exceptional_set_is_alpha_lambda_Z"))]),
        Check(label="follows_from_b_2", kind_name="sub-claim", latex=r"\text{Prop. B.2: (8) with }K=\max_iK_i",
              run_check=lambda: _claim_verified(b2.theorem),
              wrong_versions=[lambda: _claim_verified(b2.theorem, _first_mutant("statement_8_with_K_max"))]),
        Witness(label="paper_example_cycle", printed=False,
                latex=r"\beta^{(0)}=(0.4947,0.4947),\ \alpha=0.01,\ \lambda\in\{1,100\}:\ \text{(8) holds}",
                construct=lambda p: ndgm_trajectory([Fraction(4947, 10000)] * 2, p["alpha"], p["lam"], 60),
                verify=_cycle_of_example,
                cases=[{"alpha": Fraction(1, 100), "lam": Fraction(1)}, {"alpha": Fraction(1, 100), "lam": Fraction(100)}],
                for_all=False,  # the paper's own fixed example (its settings are the statement of this step)
                wrong_constructions=[lambda p: ndgm_trajectory([Fraction(1, 2)] * 2, p["alpha"], p["lam"], 60)]),
    ]


def theorem() -> Claim:
    r"""Proposition 4.1 as a checkable claim."""
    return Claim(id=ID, paper="kumar", statement_kind="reconstructed", label="Proposition 4.1", section="4",
                 title="NDGM on the toy LASSO: no exact zeros a.s., and a 2-cycle",
                 statement=r"NDGM on $\lambda\|\beta\|_1$ with constant $\alpha>0$ and $\beta^{(0)}\sim U[-1,1]^n$: all entries are "
                           r"non-zero for all $k$ with probability 1, and there is $K$ with (8), $0<|\beta^{(K)}_i|<\alpha\lambda$.",
                 reference="Kumar, §4, Prop. 4.1, eq. (8); App. B.1", assumptions=b2._assumptions(), steps=_steps(),
                 parameters=b2.theorem().parameters, derive=b2._derive, figures=lambda outdir: _figures(outdir),
                 extra=b1.measurements,
                 notes=["Proved through B.1 and B.2, which are checked in full here (their steps and assumptions)."])


def _figures(outdir: Path) -> list[Path]:
    return b2.figures(outdir)
