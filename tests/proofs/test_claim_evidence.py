r"""Evidence across the shipped claims: the second decision procedure is used,
and the labels a referee reads are honest by construction."""

from __future__ import annotations


import pytest
import sympy as sp

from proofs import registry, z3check
from proofs.steps import Equality, Inequality, Witness, _as_sympy, _force


def _translatable_difference(step) -> bool:
    try:
        lhs, rhs = _as_sympy(_force(step.lhs)), _as_sympy(_force(step.rhs))
    except Exception:  # noqa: BLE001 - a step whose sides cannot be built is reported by its own check
        return False
    difference = lhs - rhs
    entries = list(difference) if isinstance(difference, sp.MatrixBase) else [difference]
    return all(z3check.translatable(sp.sympify(e)) for e in entries)


def _z3_consulted(result) -> bool:
    return "z3" in result.engines or "z3" in result.detail


@pytest.mark.parametrize("paper", ["katende", "cooper", "kumar"])
def test_every_paper_has_steps_decided_with_z3(paper):
    decided = [f"{cid}::{sr.step.label}" for cid in registry.claim_ids() if cid.startswith(paper + ".")
               for sr in registry.report(cid).steps
               if isinstance(sr.step, (Equality, Inequality)) and _z3_consulted(sr.result)]
    assert len(decided) >= 3, f"{paper}: only {decided} went to Z3"


@pytest.mark.deep
@pytest.mark.parametrize("paper", ["katende", "cooper", "kumar"])
def test_polynomial_and_piecewise_linear_steps_of_every_paper_go_to_z3(paper):
    sent, missed = 0, []
    for cid in registry.claim_ids():
        if not cid.startswith(paper + "."):
            continue
        for sr in registry.report(cid).steps:
            if isinstance(sr.step, (Equality, Inequality)) and _translatable_difference(sr.step):
                sent += 1
                if not _z3_consulted(sr.result) and sr.result.method != "vacuous":
                    missed.append(f"{cid}::{sr.step.label}")
    assert sent > 0, f"{paper}: no polynomial or piecewise-linear step found"
    assert not missed, f"translatable steps that Z3 never saw: {missed}"


@pytest.mark.parametrize("cid", registry.claim_ids())
def test_no_witness_for_every_constant_is_labelled_proved(cid):
    for sr in registry.report(cid).steps:
        if isinstance(sr.step, Witness) and sr.step.for_all and sr.result.ok:
            assert sr.result.evidence in ("proved-on-scope", "confirmed"), sr.step.label


@pytest.mark.parametrize("cid", registry.claim_ids())
def test_every_scoped_result_shows_its_scope(cid):
    report = registry.report(cid)
    results = [sr.result for sr in report.steps] + [ar.result for ar in report.assumptions if ar.result]
    for result in results:
        assert (result.evidence == "proved-on-scope") == bool(result.scope) or not result.ok
