r"""Kumar Experiment A.1.5 (written against the mutation benchmark): the wrong version of the sub-ulp
spread step, a bound of 0.1 ulp below the measured spreads (0.18 and 0.26 ulp), is rejected; ``derive`` accepts
the printed 6000 iterations; the A1 necessity argument (descent along the mean row) works on any data."""

from __future__ import annotations

import numpy as np
import pytest

from proofs import registry
from proofs.errors import BadInput
from proofs.kumar import experiment_capture as cap

CID = "kumar.experiment_capture"


def test_the_too_tight_spread_bound_is_rejected():
    step = next(s for s in registry.get_claim(CID).steps if s.label == "float_loss_constant_real_loss_varies")
    assert step.run().ok
    (wrong,) = step.mutants()
    result = wrong.run()
    assert not result.ok and result.detail.endswith("(spread bound 0.1 ulp)")


class _Reached(Exception):
    pass


def test_derive_accepts_the_printed_6000_iterations_and_refuses_more(monkeypatch):
    # The printed run has 6000 iterations, the bound of the parameter: the rerun must accept exactly that many.
    # (The data are replaced by a sentinel so that the bound is tested without the minute-long run.)

    def reached():
        raise _Reached

    monkeypatch.setattr(cap, "_data", reached)
    for ok in (2, 6000):
        with pytest.raises(_Reached):
            cap._derive({"iterations": ok})
    for bad in (1, 6001):
        with pytest.raises(BadInput, match="out of range"):
            cap._derive({"iterations": bad})


def test_the_a1_descent_direction_is_the_mean_row_which_always_descends(monkeypatch):
    # With y > 0, f(t d) - f(0) ~ -2 t sum_i y_i (r_i . d)_+ and d = the mean row has sum_i r_i . d = 20 |d|^2 > 0:
    # the argument works for any data with a nonzero mean row. Rows (1, -1, 0, 0, 0) have mean row (1, -1, 0, 0, 0)
    # but every row's own mean 0, so a direction built from row means would be 0 and show no descent.

    x = np.tile(np.array([1.0, -1.0, 0.0, 0.0, 0.0]), (20, 1))
    monkeypatch.setattr(cap, "_data", lambda: (x, -np.ones(20)))  # sign = -1 flips y to +1
    assert cap._a1_necessity().ok


# ---------------------------------------------------------------- each check's criterion, on small stand-in records
# (the stored records and the 5000 x 500 data are replaced by a few numbers chosen at each criterion's edge)

from fractions import Fraction  # noqa: E402

from numeric import kumar_experiments as ke  # noqa: E402

READINGS = ("one_cut", "two_cuts")


def _records(monkeypatch, numpy=None, torch=None):
    r"""Replace the stored numpy records (``record(reading)``) and the PyTorch record (``torch_record()[reading]``)."""
    if numpy is not None:
        monkeypatch.setattr(cap, "record", lambda reading="two_cuts": numpy[reading])
    if torch is not None:
        monkeypatch.setattr(cap, "torch_record", lambda: torch)


def test_ok_marks_only_an_exact_success_with_a_scope_as_proved_on_scope():
    proved = cap._ok(True, "m", "d", checked="symbolic", scope={"data": "x"}, values={"v": "1"})
    assert proved.ok and proved.evidence == "proved-on-scope" and proved.scope == {"data": "x"} and proved.values == {"v": "1"}
    for ok, checked, scope in ((True, "numeric", {"data": "x"}), (True, "symbolic", None)):
        result = cap._ok(ok, "m", "d", checked=checked, scope=scope)
        assert result.ok and result.evidence != "proved-on-scope" and result.counterexample is None
    failed = cap._ok(False, "m", "the detail", checked="symbolic", scope={"data": "x"})
    assert not failed.ok and failed.evidence != "proved-on-scope" and failed.counterexample == "the detail"
    assert cap._ok(False, "m", "d", counterexample="why").counterexample == "why"


def _loss_records(torch_final, distinct=1, numpy_final=None):
    t = {r: {"final_loss": repr(torch_final), "last_1000_distinct_losses": distinct, "increases": 7} for r in READINGS}
    n = {r: {"final_loss": repr(torch_final if numpy_final is None else numpy_final), "last_1000_distinct_losses": 1}
         for r in READINGS}
    return n, t


def test_printed_loss_needs_torch_bit_for_bit_and_a_constant_tail(monkeypatch):
    up = float(np.nextafter(cap.PRINTED_LOSS, np.inf))
    for torch_final, distinct, ok in ((cap.PRINTED_LOSS, 1, True), (up, 1, False), (cap.PRINTED_LOSS, 2, False)):
        numpy, torch = _loss_records(torch_final, distinct)
        _records(monkeypatch, numpy, torch)
        result = cap._printed_loss("one_cut")
        assert result.ok is ok and ("bit for bit" in result.detail) is (torch_final == cap.PRINTED_LOSS)
    # the numpy rerun one ulp away: fine, unless the (wrong) version asks it to be bit for bit too
    _records(monkeypatch, *_loss_records(cap.PRINTED_LOSS, numpy_final=up))
    assert cap._printed_loss("two_cuts").ok and "numpy rerun +1 ulp" in cap._printed_loss("two_cuts").detail
    outcomes = cap._printed_loss("two_cuts").outcomes
    assert outcomes["float64 (numpy rerun)"].endswith("(+1 ulp from printed), last 1000 equal: True")
    assert outcomes["float64 (PyTorch, the paper's code)"].endswith("(+0 ulp from printed), the last 1000 losses all equal; 7 loss increases")
    assert not cap._printed_loss("two_cuts", numpy_bit_for_bit=True).ok


def test_the_printed_loss_must_sit_strictly_inside_the_ulp_window(monkeypatch):
    # ||y||^2 = 1 and ULP = 2^-40: a printed value 1 + g ulp passes for low < g < high only
    monkeypatch.setattr(cap, "_data", lambda: (np.zeros((1, 1)), np.array([-1.0])))
    for gap, ok in ((1.0, False), (1.0 + 2.0**-12, True), (1.25 - 2.0**-12, True), (1.25, False)):
        result = cap._printed_is_minimum(1.0 + gap * cap.ULP, high=1.25)
        assert result.ok is ok and result.values["gap"] == Fraction(gap)
    assert cap._printed_is_minimum(1.0 + 1.0625 * cap.ULP).evidence == "proved-on-scope"


def test_short_run_tolerance_is_relative_and_inclusive(monkeypatch):
    seen = []
    monkeypatch.setattr(cap, "_short_losses", lambda cuts: seen.append(cuts) or np.array([1e9 + 1, 3.0]))
    for stored, ok in (([1e9, 3.0], True), ([1e9, 3.0 + 1e-8], False)):
        _records(monkeypatch, {r: {"first_losses": [repr(v) for v in stored]} for r in READINGS})
        assert cap._short_run("two_cuts").ok is ok and cap._short_run("one_cut").ok is ok
    assert seen[:2] == [2, 1] and "with 2 cut(s)" in cap._short_run("one_cut", cuts=2).detail and seen[-1] == 2


def test_tracks_torch_takes_the_worst_reading_against_an_inclusive_tolerance(monkeypatch):
    base = {"increases": 1, "plateau_start": 2}
    numpy = {"one_cut": {"first_losses": ["1e12", "2.0"], **base}, "two_cuts": {"first_losses": ["1e12", "2.0"], **base}}
    numpy["two_cuts"]["first_losses"] = ["1000000000001.0", "2.0"]  # 1 / 1e12 off PyTorch's 1e12: exactly the tolerance
    torch = {"one_cut": {"first_losses": ["1e12", "2.0"], **base}, "two_cuts": {"first_losses": ["1e12", "2.0"], **base}}
    _records(monkeypatch, numpy, torch)
    result = cap._tracks_torch()
    assert result.ok and "one_cut: worst relative difference 0.0e+00, bit-identical 2/2" in result.detail
    assert result.sample == {"points": 120, "precision": "float64, stored records"}
    assert "two_cuts: worst relative difference 1.0e-12, bit-identical 1/2" in result.detail
    assert not cap._tracks_torch(0.5e-12).ok
    torch["one_cut"]["first_losses"] = ["1000000000002.0", "2.0"]
    assert not cap._tracks_torch().ok


def _decomposition(gap, lo, hi, l1_ulps=0.0, active=3):
    u = Fraction(cap.ULP)
    return {"f_star": Fraction(5), "loss": 5 + Fraction(gap) * u, "excess_lo": Fraction(lo) * u, "excess_hi": Fraction(hi) * u,
            "active_rows": active, "l1_term": l1_ulps * cap.ULP}


@pytest.mark.parametrize("gap, lo, hi, l1_ulps, ok", [
    (2.0, 1.5, 2.5, 0.0, True),
    (2.0, 2.0, 2.0, 0.0, True),       # lo = hi: a point enclosure is fine
    (1.5, 0.5, 1.0, 0.0, True),       # a real excess below one ulp is still positive
    (2.0, 0.0, 2.5, 0.0, False),      # the real excess must be positive
    (2.0, 2.5, 1.5, 0.0, False),      # an empty enclosure
    (2.0, 1.5, 3.0, 0.0, False),      # hi = gap + 1: the float loss must be within one ulp of the real excess
    (3.0, 1.5, 2.0, 0.0, True),       # gap = hi + 1 is still within one ulp
    (3.25, 1.5, 2.0, 0.0, False),
    (2.0, 1.5, 2.5, 1e-3, False),     # the l1 term must be below 1e-3 ulp
])
def test_loss_is_minimum_plus_excess_criterion(monkeypatch, gap, lo, hi, l1_ulps, ok):
    monkeypatch.setattr(cap, "decomposition", lambda: _decomposition(gap, lo, hi, l1_ulps))
    result = cap._loss_is_minimum_plus_excess()
    assert result.ok is ok and f"loss - ||y||^2 = {gap:.3f} ulp" in result.detail


def test_the_active_rows_wrong_version_decides_on_the_row_count_alone(monkeypatch):
    monkeypatch.setattr(cap, "decomposition", lambda: _decomposition(2.0, 2.5, 1.5, active=3))
    assert cap._loss_is_minimum_plus_excess(active_rows_claimed=3).ok
    assert not cap._loss_is_minimum_plus_excess(active_rows_claimed=0).ok


def test_decomposition_counts_active_rows_and_the_l1_term(monkeypatch):
    # rows z = (1, 0, -1) at w = (1, -1): one active row (z = 0 is not active); l1 ||w||_1 = 0.001 * 2
    x, y, w = np.array([[2.0, 1.0], [1.0, 1.0], [0.0, 1.0]]), np.array([-1.0, -0.5, -0.25]), np.array([1.0, -1.0])
    monkeypatch.setattr(cap, "_data", lambda: (x, y))
    monkeypatch.setattr(cap, "final_weights", lambda reading="two_cuts": w)
    monkeypatch.setattr(cap, "full_run", lambda: {"final_loss": "1.3125"})
    d = cap.decomposition.__wrapped__()
    assert d["f_star"] == Fraction(21, 16) and d["loss"] == Fraction(21, 16) and d["active_rows"] == 1
    assert d["l1_term"] == 0.002 and d["excess_lo"] <= Fraction(3) + Fraction(2, 1000) <= d["excess_hi"]


def test_near_minimizer_bound_is_inclusive(monkeypatch):
    monkeypatch.setattr(cap, "_all_norms", lambda: {"a": np.array([1e-15, 1.8e-14]), "b": np.array([2e-15])})
    assert cap._near_minimizer().ok and not cap._near_minimizer(1.7e-14).ok
    assert cap._near_minimizer().sample["points"] == 4000  # 1000 iterates of 4 runs
    assert "a 1.800e-14, b 2.000e-15 (bound 1.8e-14)" in cap._near_minimizer().detail


def test_all_norms_names_both_codes_and_both_readings(monkeypatch):
    _records(monkeypatch, {r: {"last_1000_one_norms": [1.0 if r == "one_cut" else 2.0]} for r in READINGS},
             {r: {"last_1000_one_norms": [3.0 if r == "one_cut" else 4.0]} for r in READINGS})
    assert {k: v.tolist() for k, v in cap._all_norms().items()} == {
        "PyTorch one_cut": [3.0], "PyTorch two_cuts": [4.0], "numpy one_cut": [1.0], "numpy two_cuts": [2.0]}


def _rise(rise, k=5995, before=(1, 2), after=(3, 4)):
    u = Fraction(cap.ULP)
    return {"k": k, "rises_estimated": 4, "steps": 10, "before": (before[0] * u, before[1] * u),
            "after": (after[0] * u, after[1] * u), "rise": float(rise), "rise_exact": Fraction(rise), "float_losses": [4461.0]}


def test_real_loss_monotone_three_verdicts(monkeypatch):
    rises = {"one_cut": _rise(Fraction(1, 3)), "two_cuts": _rise(Fraction(-1, 8), k=5991)}
    monkeypatch.setattr(cap, "_largest_rise", lambda reading: rises[reading])
    both = cap._real_loss_monotone(("one_cut",))
    assert not both.ok and both.evidence == "proved" and "one_cut: f(w_5996) - f(w_5995) >= 0.3333 ulp" in both.detail
    assert both.values["k_one_cut"] == 5995 and both.values["rises_one_cut"] == 4 and both.values["last"] == 10
    one = cap._real_loss_monotone()
    assert not one.ok and one.detail.startswith("reading-dependent: ") and "two_cuts: f(w_5992) - f(w_5991) < -0.1250 ulp" in one.detail
    none = cap._real_loss_monotone(("two_cuts",))
    assert none.ok and none.detail.startswith("no certified rise: ")
    assert "f(w_k)-||y||^2 in [1.0000, 2.0000] ulp at k = 5991, [3.0000, 4.0000] at k + 1 (no certified rise" in \
        none.outcomes["exact (real loss at the float iterates)"]
    rises["two_cuts"] = _rise(0)  # a rise of exactly 0 is no rise
    assert cap._real_loss_monotone(("two_cuts",)).ok


def test_largest_rise_locates_the_biggest_step_up_among_the_last_iterates(monkeypatch):
    # one row x = 1, y = -1: excess(w) = w (w + 2) + 0.001 |w|. Iterates 0.5, 0.25, 1, 1, 0.9, 0.95: the excess rises
    # at steps 1 (most, by 2.44) and 4 (by 0.09); the repeated iterate is no rise
    monkeypatch.setattr(cap, "_data", lambda: (np.ones((1, 1)), -np.ones(1)))
    hexes = [[float(v).hex()] for v in (0.5, 0.25, 1.0, 1.0, 0.9)]
    torch = {"one_cut": {"last_10_weights_hex": hexes, "final_weights_hex": [(0.95).hex()], "last_10_losses": [2.0, 1.0, 2.0]}}
    _records(monkeypatch, torch=torch)
    r = cap._largest_rise.__wrapped__("one_cut")
    assert (r["k"], r["rises_estimated"], r["steps"], r["float_losses"]) == (5991, 2, 5, [1.0, 2.0])
    exact = Fraction(3) + Fraction(1, 1000) - (Fraction(9, 16) + Fraction(1, 4000))  # f(1) - f(1/4)
    assert r["before"][0] <= Fraction(9, 16) + Fraction(1, 4000) <= r["before"][1]
    # the certified rise: the lower end after minus the upper end before, in ulps (ULP = 2^-40)
    assert 0 < r["after"][0] - r["before"][1] <= exact and r["rise_exact"] == (r["after"][0] - r["before"][1]) * 2**40
    assert abs(r["rise"] - float(exact / Fraction(cap.ULP))) < 1e-6 * r["rise"]


@pytest.mark.parametrize("q, digits, shown", [(Fraction(1, 3), 4, "0.3333"), (Fraction(-1, 3), 4, "-0.3334"),
                                              (Fraction(5, 10000), 4, "0.0005"), (Fraction(123456, 100), 4, "1234.5600"),
                                              (Fraction(2, 3), 2, "0.66"), (Fraction(0), 4, "0.0")])
def test_at_least_rounds_down_and_keeps_the_shown_digits(q, digits, shown):
    value = cap._at_least(q, digits)
    assert str(value) == shown and Fraction(shown) <= q < Fraction(shown) + Fraction(1, 10**digits)


def _excess_records(spread, increases=3, distinct=1, other_spread=0.1):
    return {r: {"last_1000_excess_ulps": {"min": 2.0, "max": 2.0 + (spread if r == "one_cut" else other_spread),
                                          "increases": increases}, "last_1000_distinct_losses": distinct} for r in READINGS}


@pytest.mark.parametrize("records, ok", [(_excess_records(0.5), True), (_excess_records(1.0), False),
                                         (_excess_records(0.5, increases=1), True),
                                         (_excess_records(0.5, increases=0), False), (_excess_records(0.5, distinct=2), False),
                                         (_excess_records(0.5, other_spread=1.5), False)])
def test_float_constant_real_varies_needs_every_reading(monkeypatch, records, ok):
    _records(monkeypatch, records)
    result = cap._float_constant_real_varies()
    assert result.ok is ok and "one_cut: float loss constant over 5000..5999" in result.detail
    assert result.sample["points"] == 2000  # 1000 iterates of 2 runs


def test_touching_bands_read_as_overlapping():
    b = {"alternation": 0.955, "separation_sd": 3.2, "windows_separated": 4, "windows": 20}
    assert _text(b, 0.0).endswith("over all 1000 overlapping by 0.0e+00")
    assert _text(b, 2e-16).endswith("over all 1000 separated by 2.0e-16")
    assert _text(b, -3e-16).startswith("x: alternation 95.5%, parity classes 3.20 band sd apart (detrended), strictly "
                                       "separated in 4/20 windows of 50")


def _text(b, gap):
    return cap._bands_text("x", {**b, "gap": gap})


def _band_stats(monkeypatch, torch_stats, numpy_stats):
    # torch record norms [0.0], numpy record norms [1.0]: _bands answers by that marker
    _records(monkeypatch, {r: {"last_1000_one_norms": [1.0]} for r in READINGS}, {r: {"last_1000_one_norms": [0.0]} for r in READINGS})
    stats = [dict(torch_stats, windows_separated=0, windows=20, gap=-1e-16), dict(numpy_stats, windows_separated=0, windows=20, gap=-1e-16)]
    monkeypatch.setattr(cap, "_bands", lambda norms: stats[int(norms[0])])


@pytest.mark.parametrize("torch_stats, ok", [({"alternation": 0.9, "separation_sd": 3.0}, True),
                                             ({"alternation": 0.89, "separation_sd": 5.0}, False),
                                             ({"alternation": 1.0, "separation_sd": 2.99}, False)])
def test_two_bands_criterion_holds_at_its_edges_for_both_codes(monkeypatch, torch_stats, ok):
    _band_stats(monkeypatch, torch_stats, {"alternation": 0.95, "separation_sd": 4.0})
    result = cap._two_bands("one_cut")
    assert result.ok is ok and (result.counterexample is None) is ok
    assert set(result.outcomes) == {"float64 (PyTorch)", "float64 (numpy)", "exact"} and result.sample["points"] == 2000
    assert result.settings["reading"] == {"value": "one_cut", "paper": False} and result.settings["lr"]["paper"] is True
    _band_stats(monkeypatch, {"alternation": 0.95, "separation_sd": 4.0}, torch_stats)
    assert cap._two_bands("one_cut").ok is ok


@pytest.mark.parametrize("torch_stats, ok", [({"alternation": 0.8, "separation_sd": 1.0}, True),
                                             ({"alternation": 0.81, "separation_sd": 0.2}, False),
                                             ({"alternation": 0.5, "separation_sd": 1.01}, False)])
def test_one_band_criterion_holds_at_its_edges_for_both_codes(monkeypatch, torch_stats, ok):
    _band_stats(monkeypatch, torch_stats, {"alternation": 0.6, "separation_sd": 0.5})
    assert cap._one_band("two_cuts").ok is ok and cap._one_band("two_cuts").sample["points"] == 2000
    assert set(cap._one_band("two_cuts").outcomes) == {"float64 (PyTorch)", "float64 (numpy)"}
    _band_stats(monkeypatch, {"alternation": 0.6, "separation_sd": 0.5}, torch_stats)
    assert cap._one_band("two_cuts").ok is ok


class _Run:
    def __init__(self, norms, lr, losses=(1.0, 1.0)):
        self.one_norms, self.lrs, self.losses = np.array(norms, dtype=float), np.array([1.0, 5.0, lr]), np.array(losses)


def _norms(mean, count, reverse=False):
    r"""``count`` norms alternating (mean/2, 3 mean/2) (or the reverse) after an outlier 1e9 that the window must leave out."""
    pair = [1.5 * mean, 0.5 * mean] if reverse else [0.5 * mean, 1.5 * mean]
    return [1e9] + pair * (count // 2)


def _continuations(monkeypatch, runs):
    monkeypatch.setattr(cap, "_continue", lambda kind, iterations=60, reading="two_cuts": runs[(kind, reading)])


def _finite(resolved_norm, resolved_lr, other=(1.0, 1e-18)):
    # the last 10 norms count (mean 2 at the printed step, 2 * resolved_norm with the resolved rule)
    runs = {}
    for reading, (norm, lr) in (("one_cut", (resolved_norm, resolved_lr)), ("two_cuts", other)):
        runs[("same", reading)] = _Run(_norms(2.0, 10), 1e-18)
        runs[("resolved", reading)] = _Run(_norms(2.0 * norm, 10, reverse=True), lr)
    return runs


def test_finite_precision_statement_three_verdicts(monkeypatch):
    _continuations(monkeypatch, _finite(0.125, 1e-20, other=(0.5, 1e-20)))  # both readings: the step keeps falling
    refuted = cap._finite_precision_irrelevant()
    assert not refuted.ok and refuted.checked == "numeric" and refuted.values["shrink_one_cut"] == 8.0
    assert refuted.values["lr_same_two_cuts"] == 1e-18 and refuted.values["lr_resolved_two_cuts"] == 1e-20
    assert "one_cut: printed rule keeps lr = 1.000e-18; on the accurately summed loss it cuts lr to 1.000e-20 and ||w||_1 " \
           "falls by a factor 8.0e+00" in refuted.detail and refuted.settings["continuation"]["paper"] is False
    _continuations(monkeypatch, _finite(0.125, 1e-20))  # two_cuts: the norm held (ratio 1) and so did the step
    split = cap._finite_precision_irrelevant()
    assert not split.ok and split.checked == "undecided" and split.detail.startswith("reading-dependent: ")
    _continuations(monkeypatch, _finite(0.625, 1e-18))
    assert cap._finite_precision_irrelevant().ok
    # held needs both: the norm kept (ratio above 1/2, strictly) and the step kept
    _continuations(monkeypatch, _finite(0.125, 1e-20, other=(0.5, 1e-18)))
    assert cap._finite_precision_irrelevant().checked == "numeric"
    _continuations(monkeypatch, _finite(0.625, 1e-20, other=(0.5, 1e-20)))
    assert cap._finite_precision_irrelevant().checked == "numeric"


def test_oscillation_from_resolution_criterion(monkeypatch):
    _continuations(monkeypatch, _finite(0.0625, 1e-20, other=(0.03125, 1e-21)))
    result = cap._oscillation_from_resolution()
    assert result.ok and "one_cut: lr -> 1.00e-20, ||w||_1 shrinks 1.6e+01-fold" in result.detail
    assert cap._oscillation_from_resolution(16.0).ok and not cap._oscillation_from_resolution(16.5).ok
    _continuations(monkeypatch, _finite(0.09375, 1e-20, other=(0.03125, 1e-21)))  # 10.7-fold: enough for the default 10
    assert cap._oscillation_from_resolution().ok
    _continuations(monkeypatch, _finite(0.0625, 1e-18, other=(0.03125, 1e-21)))  # the step did not fall
    assert not cap._oscillation_from_resolution().ok
    runs = _finite(0.0625, 1e-20, other=(0.03125, 1e-21))
    runs[("same", "two_cuts")].losses = np.array([1.0, 2.0])  # the float loss moved: not the frozen-loss mechanism
    _continuations(monkeypatch, runs)
    assert not cap._oscillation_from_resolution().ok


def _tenths(one_cut, two_cuts):
    runs = {}
    for reading, ratio in (("one_cut", one_cut), ("two_cuts", two_cuts)):
        runs[("same", reading)] = _Run(_norms(2.0, 20), 1e-18)
        runs[("tenth", reading)] = _Run(_norms(2.0 * ratio, 20, reverse=True), 1e-19)
    return runs


def test_step_size_statement_three_verdicts_and_its_repair(monkeypatch):
    _continuations(monkeypatch, _tenths(0.125, 0.5))
    assert cap._tenth_ratio("one_cut") == 0.125
    refuted = cap._step_size_irrelevant()
    assert not refuted.ok and refuted.checked == "numeric" and refuted.values == {"ratio_one_cut": 0.125, "ratio_two_cuts": 0.5}
    assert refuted.settings["continuation"] == {"value": "60 iterations at the final lr and at lr/10", "paper": False}
    _continuations(monkeypatch, _tenths(0.125, 1.5))
    split = cap._step_size_irrelevant()
    assert not split.ok and split.checked == "undecided"
    _continuations(monkeypatch, _tenths(1.5, 0.75))
    assert cap._step_size_irrelevant().ok
    _continuations(monkeypatch, _tenths(2.0, 1.0))
    assert cap._step_size_irrelevant().checked == "undecided"
    _continuations(monkeypatch, _tenths(0.0625, 0.25))  # the repair's bounds are inclusive
    assert cap._scales_with_step(0.0625, 0.25).ok and not cap._scales_with_step(0.07, 0.25).ok
    assert not cap._scales_with_step(0.0625, 0.2).ok and cap._scales_with_step(0.05, 0.25).ok
    assert not cap._scales_with_step().ok  # the default window [0.05, 0.2] leaves out 0.25
    _continuations(monkeypatch, _tenths(0.0625, 0.125))
    assert cap._scales_with_step().ok


def test_one_sided_slopes_of_the_first_coordinate(monkeypatch):
    # column 0 = (2, -1/2, 0, 1/2), y = (-1/2, -1/4, -1, -1): right = -2 (-1/2)(2) - 2 (-1)(1/2) + lam = 3 + lam,
    # left = -2 (-1/4)(-1/2) - lam = -1/4 - lam
    x, y = np.array([[2.0, 9.0], [-0.5, 9.0], [0.0, 9.0], [0.5, 9.0]]), np.array([-0.5, -0.25, -1.0, -1.0])
    monkeypatch.setattr(cap, "_data", lambda: (x, y))
    assert cap.one_sided_derivatives() == (Fraction(3) + Fraction(1, 1000), Fraction(-1, 4) - Fraction(1, 1000))
    assert cap.one_sided_derivatives(y_scale=0, lam=Fraction(0)) == (0, 0)
    assert cap._not_c1().ok and not cap._not_c1(y_scale=0, lam=Fraction(0)).ok


def test_derive_window_and_bands_on_a_small_problem(monkeypatch):
    # three rows of the printed width (500), so the run is cheap; the band window starts at the plateau (the
    # last change of the loss) but keeps at least 2 iterates, and ends at the last one
    x, y = ke.capture_data(3, 500, seed=5)
    monkeypatch.setattr(cap, "_data", lambda: (x, y))
    out = cap._derive({"iterations": 40, "reading": "two_cuts"})
    run = ke.capture_run(x, y, ke.torch_linear_init(500), lr=0.01, l1=0.001, max_iter=40, cuts_per_increase=2)
    losses = run.losses.tolist()
    plateau = next(k for k in range(40) if all(v == losses[-1] for v in losses[k:]))
    assert out["loss_plateau_start"] == plateau and out["band_window"] == [min(plateau, 38), 39]
    norms = run.one_norms[min(plateau, 38):]
    assert sorted([float(out["band_low"]), float(out["band_high"])]) == [float(out["band_low"]), float(out["band_high"])]
    assert {float(out["band_low"]), float(out["band_high"])} == {float(norms[0::2].mean()), float(norms[1::2].mean())}
    assert out["final_lr"] == repr(float(run.lrs[-1])) and out["loss_increases"] == run.increases
    assert out["ulps_from_printed"] == ke.ulp_distance(cap.PRINTED_LOSS, losses[-1]) and out["reading"] == "two_cuts"
    assert out["max_abs_weight"] == repr(float(np.max(np.abs(run.weights))))


def test_summary_rounds_large_band_numbers_and_shows_small_ones_in_e_notation(monkeypatch):
    monkeypatch.setattr(cap, "_bands", lambda norms: {"alternation": 0.98765, "separation_sd": 0.001, "gap": -0.0012345})
    rec = {"final_loss": "1.5", "final_max_abs_weight": 1e-16, "plateau_start": 3, "final_lr": 0.5, "increases": 2,
           "last_1000_one_norms": [1.0]}
    s = cap._summary(rec)
    assert s["bands"] == {"alternation": 0.9877, "separation_sd": "1.000e-03", "gap": -0.0012}
    assert (s["final_loss"], s["final_max_abs_weight"], s["plateau_start"], s["final_lr"], s["increases"]) == ("1.5", "1e-16", 3, "0.5", 2)


# ---------------------------------------------------------------- G7 (seeds 871-879)


def test_the_reproduction_settings_mark_what_the_paper_fixes(monkeypatch):
    r"""The settings a referee reads beside the reproduction: every one of A.1.5's choices (data, init, lr = 0.01,
    lambda_1 = 0.001, 6000 iterations, decay 0.9, float64) is the paper's; only the implementation (PyTorch version,
    threads) and the reading of the decay rule are ours.  Rejects flipping any ``paper`` flag."""
    _records(monkeypatch, *_loss_records(cap.PRINTED_LOSS))
    settings = cap._printed_loss("one_cut").settings
    assert {k for k, v in settings.items() if not v["paper"]} == {"implementation", "reading"}
    assert {k: settings[k]["value"] for k in ("lr", "l1", "iterations", "decay_factor", "dtype", "reading")} == {
        "lr": 0.01, "l1": 0.001, "iterations": 6000, "decay_factor": 0.9, "dtype": "float64", "reading": "one_cut"}


def test_the_c1_check_reports_both_one_sided_slopes_at_the_default_scale(monkeypatch):
    r"""On stand-in data z = (1/2, -1/4) (first column), y = (-1, -1), lambda_1 = 1/1000: the right slope along e_1 is
    -2 y_1 z_1 + lambda_1 = 1.001 and the left one -2 y_2 z_2 - lambda_1 = -0.501, unequal: f is not C^1 at 0 (proved on
    the A.1.5 data's scope).  With y = 0 and lambda_1 = 0 both are 0 and the check fails (the wrong version)."""
    monkeypatch.setattr(cap, "_data", lambda: (np.array([[0.5], [-0.25]]), np.array([-1.0, -1.0])))
    result = cap._not_c1()
    assert result.ok and result.evidence == "proved-on-scope" and result.scope == cap.DATA_SCOPE
    assert result.detail.startswith("along e_1 at w = 0: right derivative 1.0010, left -0.5010: ")
    assert not cap._not_c1(y_scale=0, lam=Fraction(0)).ok
