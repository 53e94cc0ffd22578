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


def test_the_capture_record_keeps_the_last_1000_norms_and_the_last_10_losses(monkeypatch):
    pytest.importorskip("torch")
    # The record summarizes a run: of 1001 iterations it keeps the one-norms of iterations 1..1000 (not 0..1000) and
    # the losses of the last 10 (those of last_10_weights_hex: 991..1000, not 990..1000). A prepared run (losses
    # 2000 - k, then flat from k = 990) stands in for the 1001-iteration training run, which would take seconds.
    n = 1001
    losses = np.array([2000.0 - k if k < 990 else 1010.0 for k in range(n)])
    run = {"losses": losses, "one_norms": np.arange(n) / 2.0, "lrs": np.full(n, 0.01),
           "weights": np.array([0.25, -0.5]), "last_weights": [np.array([k, -k]) / 4.0 for k in range(n - 10, n)]}
    monkeypatch.setattr(tr, "capture_problem", lambda: (None, None, None))
    monkeypatch.setattr(tr, "capture_runner", lambda *a, **kw: run)
    record = tr.capture_record("one_cut", max_iter=n)
    assert record["last_1000_one_norms"] == [k / 2.0 for k in range(1, n)]
    assert record["last_10_losses"] == [repr(v) for v in losses[n - 10:].tolist()]
    assert len(record["last_10_weights_hex"]) == 10
    assert record["final_loss"] == record["last_10_losses"][-1] == repr(1010.0)
    assert record["first_losses"] == [repr(2000.0 - k) for k in range(60)]
    assert record["last_1000_distinct_losses"] == 990 and record["plateau_start"] == 990 and record["increases"] == 0
    assert record["final_lr"] == 0.01 and record["final_max_abs_weight"] == 0.5
