r"""Budgets count CPU time, not wall-clock time: a runaway symbolic computation is
stopped and left undecided, and a busy machine gives the same evidence labels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from proofs import registry
from proofs.budget import within_budget


def _spin_forever():
    while True:
        sum(range(1000))


def test_a_computation_past_its_cpu_budget_is_undecided():
    started = time.process_time()
    assert within_budget(_spin_forever, 0.2) is None
    assert time.process_time() - started < 5


def test_waiting_costs_no_budget_only_computing_does():
    # 0.5 s of sleep is 0.5 s of wall-clock time but almost no CPU time: a 0.2 s CPU budget is not spent.
    assert within_budget(lambda: time.sleep(0.5) or 42, 0.2) == 42


def test_the_timer_keeps_firing_if_one_alarm_is_swallowed():
    def swallow_then_spin():
        try:
            _spin_forever()
        except Exception:  # noqa: BLE001 - deliberately swallow the first alarm
            pass
        _spin_forever()

    assert within_budget(swallow_then_spin, 0.1) is None


def test_a_fast_computation_returns_its_value():
    assert within_budget(lambda: 6 * 7, 1.0) == 42


#: A claim whose steps run budgeted SymPy simplifications and limits and Z3 queries; quick to check.
BUSY_CLAIMS = ("katende.thm_1",)


def _labels_in_subprocess(ids) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": "0", "SMOOTHCHECK_NO_CACHE": "1"}  # really check, under load
    done = subprocess.run([sys.executable, "-m", "proofs", "review", *ids, "--format", "json"],
                          capture_output=True, text=True, timeout=600, env=env, check=True)
    return {c["id"]: [(s["label"], s["evidence"], s["ok"]) for s in c["steps"]]
            + [(h["label"], h["evidence"], h["ok"]) for h in c["hypotheses"]]
            for c in json.loads(done.stdout)["claims"]}


def _labels_here(ids) -> dict:
    out = {}
    for cid in ids:
        r = registry.report(cid)
        out[cid] = [(s.step.label, s.result.evidence, s.result.ok) for s in r.steps] + [
            (a.assumption.label, a.result.evidence if a.result else "argument", a.result.ok if a.result else None)
            for a in r.assumptions]
    return out


def _busy_review(ids, hogs: int = 1) -> dict:
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(hogs)]
    try:
        return _labels_in_subprocess(ids)
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


@pytest.mark.deep  # its CPU hog takes a core from the other test worker for seconds: .ci/run's deep step runs it
def test_a_busy_machine_gives_the_same_evidence_labels_as_an_idle_one():
    assert _busy_review(BUSY_CLAIMS) == _labels_here(BUSY_CLAIMS)


@pytest.mark.deep
def test_every_claim_gets_the_same_labels_on_a_busy_machine():
    ids = registry.claim_ids()
    assert _busy_review(ids, hogs=os.cpu_count() or 2) == _labels_here(ids)
