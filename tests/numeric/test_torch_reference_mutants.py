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


# --- refusals, the decay rule on an increase, the kept weights, the data (written against the mutation benchmark) ---


def test_every_function_refuses_plainly_without_torch(monkeypatch):
    # rejects a dropped raise in _need_torch: without torch each entry point says how to install it
    monkeypatch.setattr(tr, "torch", None)
    assert tr.available() is False
    for call in (lambda: tr.capture_problem(), lambda: tr.capture_runner(None, None, None, reading="one_cut"),
                 lambda: tr.toy_lasso_torch([0.5], "ndgm", alpha=0.25, lam=1.0, steps=1)):
        with pytest.raises(ImportError, match="pip install"):
            call()


def test_an_unknown_reading_is_refused():
    pytest.importorskip("torch")
    with pytest.raises(ValueError, match="reading must be one of"):
        tr.capture_runner(None, None, None, reading="three_cuts")


def _overshooting_run(reading):
    torch = pytest.importorskip("torch")
    # x = y = 1, w = 1/2, lr = 3: loss 1/4, then w = 1/2 + 3 = 7/2 and loss 25/4 (an increase), then the cut step
    # overshoots below 0, where the ReLU is flat: w = 7/2 - lr' * 5
    linear = torch.nn.Linear(1, 1, bias=False).double()
    torch.nn.init.constant_(linear.weight, 0.5)
    x, y = torch.tensor([[1.0]], dtype=torch.float64), torch.tensor([[1.0]], dtype=torch.float64)
    return tr.capture_runner(linear, x, y, reading=reading, lr=3.0, l1=0.0, max_iter=3, decay_factor=0.5, keep_last=2)


def test_an_increase_cuts_the_step_once_or_twice_by_reading():
    one, two = _overshooting_run("one_cut"), _overshooting_run("two_cuts")
    assert one["losses"].tolist() == [0.25, 6.25, 1.0] and two["losses"].tolist() == [0.25, 6.25, 1.0]
    assert one["lrs"].tolist() == [3.0, 3.0, 1.5]  # one cut by 1/2
    assert two["lrs"].tolist() == [3.0, 3.0, 0.75]  # two cuts by 1/2


def test_the_runner_keeps_the_last_weights_and_one_norms():
    run = _overshooting_run("one_cut")
    # w: 1/2, 7/2, 7/2 - 1.5 * 5 = -4; the last step is on the ReLU's flat side (no gradient)
    assert run["one_norms"].tolist() == [0.5, 3.5, 4.0]
    assert [w.tolist() for w in run["last_weights"]] == [[3.5], [-4.0]]
    assert run["weights"].tolist() == [-4.0]


def test_toy_lasso_rmsprop_first_step_and_float32_losses():
    pytest.importorskip("torch")
    # RMSprop (alpha = 0.99, eps = 1e-8): v = 0.01 g^2, step lr g/(0.1 |g| + 1e-8), about 10 lr = 0.1
    losses, final = tr.toy_lasso_torch([1.0, -2.0], "rmsprop", alpha=0.01, lam=1.0, steps=1)
    assert losses == [3.0] and final.tolist() == pytest.approx([0.9, -1.9], rel=1e-6)
    losses, final = tr.toy_lasso_torch([0.1], "ndgm", alpha=0.25, lam=1.0, steps=1, dtype="float32")
    assert losses == [float(np.float32(0.1))] and final.dtype == np.float64


def test_capture_problem_draws_the_data_with_numpy_and_rounds_to_float32():
    torch = pytest.importorskip("torch")
    linear, x, y = tr.capture_problem(seed=3, nrows=4, ncols=2)
    np.random.seed(3)
    want_x = np.random.uniform(-1, 1, size=(4, 2)).astype(np.float32).astype(np.float64)
    want_y = np.random.uniform(-0.99, -0.9, size=(4, 1)).astype(np.float32).astype(np.float64)
    assert x.dtype == torch.float64 and x.numpy().tolist() == want_x.tolist() and y.numpy().tolist() == want_y.tolist()
    w = linear.weight.detach().numpy()
    assert w.shape == (1, 2) and linear.bias is None and np.all(np.abs(w) <= 1) and linear.weight.dtype == torch.float64
    x.add_(1.0)  # the returned tensors are copies: the cached data stay as drawn
    assert tr.capture_problem(seed=3, nrows=4, ncols=2)[1].numpy().tolist() == want_x.tolist()


def test_readings_state_how_many_cuts_an_increase_makes():
    # READINGS[reading] is the power of decay_factor an increase applies: the overshooting run's one increase
    # leaves lr = 3 * (1/2)^1 under one_cut and 3 * (1/2)^2 under two_cuts
    assert set(tr.READINGS) == {"one_cut", "two_cuts"}
    for reading, cuts in tr.READINGS.items():
        assert _overshooting_run(reading)["lrs"][-1] == 3.0 * 0.5 ** cuts, reading


def test_the_runner_keeps_the_last_10_weights_by_default():
    torch = pytest.importorskip("torch")
    # 12 iterations from w = 1/2 with lr = 1/4 on x = y = 1: w_k for k = 2..11 are kept (the record's last_10_weights)
    linear = torch.nn.Linear(1, 1, bias=False).double()
    torch.nn.init.constant_(linear.weight, 0.5)
    x, y = torch.tensor([[1.0]], dtype=torch.float64), torch.tensor([[1.0]], dtype=torch.float64)
    run = tr.capture_runner(linear, x, y, reading="one_cut", lr=0.25, l1=0.0, max_iter=12)
    assert len(run["last_weights"]) == 10
    assert [float(w[0]) for w in run["last_weights"]] == run["one_norms"][2:].tolist()


def test_the_penalties_are_l2_squared_and_l1_norms_of_both_weights():
    torch = pytest.importorskip("torch")
    # w = (-2, -1), x = (1, 1): w x = -3 under the ReLU, data term y^2 = 1/4; l2 (4 + 1) = 5/2 with l2 = 1/2
    # (not l2 / 5) and l1 (2 + 1) = 3/4 with l1 = 1/4 (added, the 1-norm, not the 2-norm sqrt 5): 7/2
    linear = torch.nn.Linear(2, 1, bias=False).double()
    with torch.no_grad():
        linear.weight.copy_(torch.tensor([[-2.0, -1.0]], dtype=torch.float64))
    x, y = torch.tensor([[1.0, 1.0]], dtype=torch.float64), torch.tensor([[0.5]], dtype=torch.float64)
    run = tr.capture_runner(linear, x, y, reading="one_cut", l1=0.25, l2=0.5, max_iter=1)
    assert run["losses"].tolist() == [3.5]


def _record_of(monkeypatch, losses):
    pytest.importorskip("torch")  # the record names the torch version
    n = len(losses)
    run = {"losses": np.array(losses), "one_norms": np.zeros(n), "lrs": np.full(n, 0.01), "weights": np.array([0.5]),
           "last_weights": [np.array([0.5])] * min(n, 10)}
    monkeypatch.setattr(tr, "capture_problem", lambda: (None, None, None))
    monkeypatch.setattr(tr, "capture_runner", lambda *a, **kw: run)
    return tr.capture_record("one_cut", max_iter=n)


def test_the_record_counts_small_increases_and_reads_the_last_loss(monkeypatch):
    # a prepared run stands in for training: two increases of 1/2 (not only increases above 1), the last change at
    # iteration 5, and the final loss is the last one (2.0), not the one before (3.75)
    record = _record_of(monkeypatch, [3.0, 3.5, 3.25, 3.25, 3.75, 2.0])
    assert record["increases"] == 2 and record["plateau_start"] == 5 and record["final_loss"] == repr(2.0)


def test_a_run_that_never_changes_has_its_plateau_at_0(monkeypatch):
    record = _record_of(monkeypatch, [1.5] * 4)
    assert record["plateau_start"] == 0 and record["increases"] == 0 and record["last_1000_distinct_losses"] == 1


def test_toy_lasso_runs_on_one_thread():
    torch = pytest.importorskip("torch")
    torch.set_num_threads(2)  # whatever ran before, the run pins ATen to one thread (its reduction order)
    tr.toy_lasso_torch([0.5], "ndgm", alpha=0.25, lam=1.0, steps=1)
    assert torch.get_num_threads() == 1
