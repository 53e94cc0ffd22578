r"""Time budgets stop a runaway symbolic computation and leave it undecided."""

from __future__ import annotations

import time

from proofs.budget import within_budget


def test_a_computation_past_its_budget_is_undecided():
    def spin():
        while True:
            time.sleep(0.01)

    started = time.monotonic()
    assert within_budget(spin, 0.2) is None
    assert time.monotonic() - started < 5


def test_the_timer_keeps_firing_if_one_alarm_is_swallowed():
    def swallow_then_spin():
        try:
            time.sleep(1)
        except Exception:  # noqa: BLE001 - deliberately swallow the first alarm
            pass
        while True:
            time.sleep(0.01)

    assert within_budget(swallow_then_spin, 0.1) is None


def test_a_fast_computation_returns_its_value():
    assert within_budget(lambda: 6 * 7, 1.0) == 42
