r"""Every check can fail: each mutant (wrong version) of each passing step of
every registered claim must be rejected by the checker.  A mutant the oracles
cannot agree on (``undecided``) is not rejected: the checker did not tell it
from the right version; nor is one whose check raised (an error, not a refutation).

Running every wrong version of every step costs about as much as checking every claim
(20-30 CPU seconds), so the two sweeps are deep tests, which ``.ci/run`` runs on every
change; the default run checks that every passing step and every necessity check *has*
wrong versions, and each claim's own test module runs the ones its steps are about."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.steps import Cited


def _survives(result) -> bool:
    r"""Not rejected by a check: passed, undecided, or rejected only because the check raised (a wrong version
    that crashes the checker shows nothing about whether the checker tells it from the right one)."""
    return result.ok or result.undecided or result.method == "exception"


def _passing_steps(report):
    return [sr for sr in report.steps if sr.result.ok and not isinstance(sr.step, Cited)]


@pytest.mark.parametrize("cid", registry.claim_ids())
def test_every_passing_step_and_necessity_check_has_a_wrong_version(cid):
    report = registry.report(cid)
    bare = [sr.step.label for sr in _passing_steps(report) if not sr.step.mutants()]
    bare += [a.label for a in registry.get_claim(cid).assumptions
             if a.necessity.check is not None and not isinstance(a.necessity.check, Cited)
             and not a.necessity.check.mutants()]
    assert not bare, f"{cid}: checks with no wrong version to reject: {bare}"


@pytest.mark.deep  # every wrong version of every step: as long as checking every claim; .ci/run runs it
@pytest.mark.parametrize("cid", registry.claim_ids())
def test_every_mutant_of_every_passing_step_is_rejected(cid):
    report = registry.report(cid)
    survivors = []
    for sr in report.steps:
        if not sr.result.ok or isinstance(sr.step, Cited):
            continue
        mutants = sr.step.mutants()
        if not mutants:
            survivors.append(f"{sr.step.label}: has no wrong version to reject")
        survivors += [f"{m.label}: {r.detail}" for m, r in ((m, m.run()) for m in mutants) if _survives(r)]
    assert not survivors, f"{cid}: checks that cannot fail: {survivors}"


@pytest.mark.deep  # as above
@pytest.mark.parametrize("cid", registry.claim_ids())
def test_every_necessity_check_can_fail(cid):
    claim = registry.get_claim(cid)
    for assumption in claim.assumptions:
        check = assumption.necessity.check
        if check is None or isinstance(check, Cited):
            continue
        mutants = check.mutants()
        assert mutants, f"{cid} {assumption.label}: necessity check has no wrong version"
        passing = [f"{m.label}: {r.detail}" for m, r in ((m, m.run()) for m in mutants) if _survives(r)]
        assert not passing, f"{cid} {assumption.label}: wrong necessity checks not rejected by a check: {passing}"


@pytest.mark.parametrize("cid", registry.claim_ids())
def test_claim_has_no_unrepaired_failure(cid):
    report = registry.report(cid)
    assert report.ok, f"{cid}: {report.failures}"
    assert report.status in ("verified", "verified-with-errata", "refuted", "reading-dependent")


@pytest.mark.parametrize("cid", registry.claim_ids())
def test_proof_outline_names_are_step_labels(cid):
    import importlib
    import re

    module = importlib.import_module(registry.current().locate(cid)[1])
    outline = module.__doc__.split("Proof outline:", 1)
    assert len(outline) == 2, f"{cid}: module docstring has no 'Proof outline:'"
    named = set(re.findall(r"`([A-Za-z0-9_]+)`", outline[1].split("Review notes:", 1)[0]))
    labels = {s.label for s in registry.get_claim(cid).steps}
    assert named, f"{cid}: the outline names no step"
    assert named <= labels, f"{cid}: outline names without a step: {sorted(named - labels)}"
