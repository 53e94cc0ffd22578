r"""numeric.torch_reference: availability, the decay rule on a flat loss, the kept losses and the plateau's
start (written against the mutation benchmark; all but the first skipped without torch)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from numeric import torch_reference as tr


def test_available_says_whether_torch_imports():
    assert tr.available() is (importlib.util.find_spec("torch") is not None)


def test_a_loss_equal_to_the_previous_one_does_not_cut_the_step():
    torch = pytest.importorskip("torch")
    # every output w x = -x < 0 under the ReLU and no penalty: the loss is sum y^2 at every step, never an increase
    linear = torch.nn.Linear(1, 1, bias=False).double()
    torch.nn.init.constant_(linear.weight, -1.0)
    x, y = torch.tensor([[1.0], [2.0]], dtype=torch.float64), torch.tensor([[0.5], [0.5]], dtype=torch.float64)
    for reading in tr.READINGS:
        run = tr.capture_runner(linear, x, y, reading=reading, lr=0.25, l1=0.0, max_iter=4)
        assert run["losses"].tolist() == [0.5] * 4 and run["lrs"].tolist() == [0.25] * 4, reading


def test_toy_lasso_keeps_exactly_the_last_losses():
    pytest.importorskip("torch")
    # NDGM from 0.5 with steps of 1/4: losses 0.5, 0.25, 0 (exact in binary)
    assert tr.toy_lasso_torch([0.5], "ndgm", alpha=0.25, lam=1.0, steps=3)[0] == [0.5, 0.25, 0.0]
    assert tr.toy_lasso_torch([0.5], "ndgm", alpha=0.25, lam=1.0, steps=3, keep=2)[0] == [0.25, 0.0]


def test_a_run_without_a_plateau_has_its_plateau_at_the_last_iteration():
    pytest.importorskip("torch")
    # the paper's problem, 8 iterations: every loss differs from the one before, so the last change is at 7
    record = tr.capture_record("one_cut", max_iter=8)
    assert len(set(record["first_losses"])) == 8
    assert record["plateau_start"] == 7


def test_the_capture_record_states_the_thread_count_it_ran_with():
    torch = pytest.importorskip("torch")
    # the run pins ATen to one thread (its reduction order), and the record says so
    record = tr.capture_record("one_cut", max_iter=2)
    assert record["threads"] == torch.get_num_threads() == 1


def test_the_l2_penalty_is_the_squared_norm_of_the_weights():
    torch = pytest.importorskip("torch")
    # w = -1 under the ReLU: the data term is sum y^2 = 1/4, the L2 term l2 * w^2 = 1/2 (not l2 * w^3 = -1/2)
    linear = torch.nn.Linear(1, 1, bias=False).double()
    torch.nn.init.constant_(linear.weight, -1.0)
    x, y = torch.tensor([[1.0]], dtype=torch.float64), torch.tensor([[0.5]], dtype=torch.float64)
    run = tr.capture_runner(linear, x, y, reading="one_cut", l1=0.0, l2=0.5, max_iter=1)
    assert run["losses"].tolist() == [0.75]


def test_the_recorded_final_step_size_is_the_last_one_after_the_cuts():
    pytest.importorskip("torch")
    # the paper's problem, 5 iterations, one_cut: each increase before the last iteration cuts lr = 0.01 by 0.9
    record = tr.capture_record("one_cut", max_iter=5)
    losses = [float(v) for v in record["first_losses"]]
    cuts = sum(b > a for a, b in zip(losses[:-2], losses[1:-1]))
    assert cuts >= 1 and record["final_lr"] == pytest.approx(0.01 * 0.9 ** cuts, rel=1e-12)
