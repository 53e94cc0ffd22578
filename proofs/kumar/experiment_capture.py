r"""Kumar, App. A.1.3-A.1.5: the capture-theorem run, reproduced under both readings of its code.

Reference: [Kumar, App. A.1.3 (claims), A.1.4, A.1.5 (code), Prop. A.1, Figure 1]

Statement:   SGD with the adaptive rule on the single-layer ReLU regression (3)
             (y <= 0, lambda_1 = 0.001) gives a monotone loss, "identically
             4461.786221675728" over the last 1000 iterations, while the one-norm of the
             weights oscillates within two distinct bands; the oscillation "is not a
             byproduct of finite precision", "not a function of the step size", and is "a
             clear violation of the capture behavior" of Prop. A.1.
Readings:    the listing lost its indentation; the second ``if curr_loss > prev_loss`` either
             sits at loop level (``two_cuts``: the step is multiplied by 0.81 per loss increase)
             or inside the ``else`` branch, where it is dead code (``one_cut``: by 0.9, as the
             prose says).  Both are run with the paper's own PyTorch code
             (``benchmarks/bench_kumar_torch.py`` -> ``proofs/kumar/data/kumar_capture_torch.json``) and
             with the numpy rerun (``benchmarks/bench_kumar_experiments.py``).  "Loss" in "monotone"
             is read as the real loss :math:`f(w_k)` the Capture Theorem is about (the float loss is
             constant, hence trivially monotone; both are shown).
Assumptions: A1  y <= 0    makes w = 0 the unique minimizer, f* = ||y||^2   [paper: (3), (11)]
Proof outline:
  1. `printed_loss_reproduced_one_cut`     PyTorch, reading one_cut: the printed loss bit for bit
  2. `printed_loss_reproduced_two_cuts`    PyTorch, reading two_cuts: the printed loss bit for bit
  3. `printed_loss_is_minimum_value`       exact: the printed loss is ||y||^2 + about 1 ulp (any trajectory)
  4. `rerun_regression_one_cut`            the numpy loop re-derives its stored one_cut record (regression only)
  5. `rerun_regression_two_cuts`           the same for the two_cuts record (regression only)
  6. `numpy_rerun_tracks_paper_code`       numpy vs PyTorch records: first 60 losses agree to 1e-12
  7. `loss_is_minimum_plus_excess`         our two_cuts rerun: loss = ||y||^2 + a real excess of ~2 ulps
  8. `iterates_near_minimizer`             all four runs end within 1.8e-14 (l1) of w = 0
  9. `loss_monotone_non_increasing`        printed; the real loss of the paper's own iterates rises (both readings)
 10. `float_loss_constant_real_loss_varies`  repair: the float loss cannot resolve the changes
 11. `norm_in_two_distinct_bands`          printed, reading one_cut: two alternating bands (PyTorch and numpy)
 12. `two_cuts_shows_one_band`             reading two_cuts: one band, the parity classes are not separated
 13. `not_a_byproduct_of_finite_precision` printed; with the loss resolved, the rule keeps cutting the step
 14. `oscillation_from_loss_resolution`    repair
 15. `not_a_function_of_step_size`         printed; lr/10 shrinks the norm tenfold
 16. `oscillation_scales_with_step`        repair
 17. `capture_theorem_needs_C1`            f is not differentiable at its minimizer: Prop. A.1 does not apply
Review notes: "benchmark" numbers come from the stored records (regenerate with the two benchmark
scripts above; ~25 s per reading in torch, ~17 s in numpy); the default checks re-derive the first 60
losses of each numpy record and continue 60 iterations from its final weights; the deep test reruns
all 6000 iterations; tests/numeric/test_torch_reference.py reruns torch where it is installed.
"""

from __future__ import annotations

import functools
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from numeric import kumar_experiments as ke
from proofs.engine import Assumption, Check, Claim, Necessity, Parameter, Reading, StepResult
from proofs.errors import BadInput

ID = "kumar.experiment_capture"
PRINTED_LOSS = 4461.786221675728
ULP = 2.0**-40  # spacing of doubles in [4096, 8192)
DATA = Path(__file__).resolve().parent / "data"
FULL_RUN = DATA / "kumar_capture_full_run.json"
RECORDS = {"two_cuts": FULL_RUN, "one_cut": DATA / "kumar_capture_full_run_one_cut.json"}
TORCH_RECORD = DATA / "kumar_capture_torch.json"
CUTS = {"two_cuts": 2, "one_cut": 1}
READING_NAMES = ("one_cut", "two_cuts")
SHORT = 60  # iterations of the default re-derivation
S = ke.CAPTURE_SETTINGS

READINGS = (
    Reading("one_cut", "the second `if curr_loss > prev_loss` sits inside the `else` branch (dead code): the step is "
                       "multiplied by 0.9 once per loss increase",
            "A.1.5 listing, indentation lost; the prose of §3 and A.1.3: 'reduced by a factor of 0.9 every time the loss "
            "increases' (kumar_equations.md §3: both readings)"),
    Reading("two_cuts", "the second `if curr_loss > prev_loss` sits at loop level: the step is multiplied by 0.9 twice "
                        "(0.81) per loss increase",
            "A.1.5 listing, indentation lost; the code read literally with the second test after the if/else block"),
)

#: The settings of the capture runs: all the paper's (A.1.5 code) except the implementation details.
SETTINGS = {"data": {"value": "5000x500, x ~ U(-1,1), y ~ U(-0.99,-0.9), np.random.seed(42), float32 then .double()", "paper": True},
            "init": {"value": "nn.Linear(500, 1) + uniform_(-1, 1) after torch.manual_seed(42)", "paper": True},
            "lr": {"value": S["lr"], "paper": True}, "l1": {"value": S["l1"], "paper": True},
            "iterations": {"value": S["max_iter"], "paper": True}, "decay_factor": {"value": S["decay_factor"], "paper": True},
            "dtype": {"value": "float64", "paper": True},
            "implementation": {"value": "PyTorch 2.13.0 CPU, 1 thread (and a numpy rerun)", "paper": False}}


@functools.cache
def record(reading: str = "two_cuts") -> dict[str, Any]:
    r"""The numpy benchmark's record of the 6000-iteration run under ``reading``."""
    return json.loads(RECORDS[reading].read_text())


def full_run() -> dict[str, Any]:
    r"""The numpy record under reading ``two_cuts`` (kept name: the first record written)."""
    return record("two_cuts")


@functools.cache
def torch_record() -> dict[str, Any]:
    r"""The paper's PyTorch code, both readings (written by ``benchmarks/bench_kumar_torch.py``)."""
    return json.loads(TORCH_RECORD.read_text())


@functools.cache
def _data() -> tuple[np.ndarray, np.ndarray]:
    return ke.capture_data(S["nrows"], S["ncols"], seed=S["seed"])


def _hex(values: list[str]) -> np.ndarray:
    return np.array([float.fromhex(h) for h in values])


def final_weights(reading: str = "two_cuts") -> np.ndarray:
    r"""The numpy run's final weights under ``reading`` (hex floats in the JSON)."""
    return _hex(record(reading)["final_weights_hex"])


@functools.cache
def _continue(kind: str, iterations: int = 60, reading: str = "two_cuts") -> ke.CaptureRun:
    r"""Iterations 6000.. of the loop from the stored final state (``same``), with lr/10, or with
    the rule deciding on the accurately summed loss (``resolved``), under ``reading``."""
    lr = record(reading)["final_lr"] * (0.1 if kind == "tenth" else 1.0)
    x, y = _data()
    return ke.capture_run(x, y, final_weights(reading), lr=lr, l1=S["l1"], max_iter=iterations,
                          decide_on="excess" if kind == "resolved" else "loss", cuts_per_increase=CUTS[reading])


def _ok(ok: bool, method: str, detail: str, counterexample: str | None = None, checked: str = "numeric",
        values: dict[str, str] | None = None, scope: dict[str, Any] | None = None, **extra: Any) -> StepResult:
    r"""A check's result; ``scope`` turns an exact success on fixed data into proved-on-scope (that data only)."""
    if ok and checked == "symbolic" and scope:
        return StepResult(True, checked, method, detail, evidence="proved-on-scope", scope=scope, values=values or {}, **extra)
    return StepResult(bool(ok), checked, method, detail, None if ok else (counterexample or detail), values=values or {}, **extra)


#: The data the exact checks are about: the A.1.5 problem with its seeds, and our run's stored final weights.
DATA_SCOPE = {"data": "A.1.5 problem, {nrows}x{ncols}, seed {seed}".format(**ke.CAPTURE_SETTINGS)}
RUN_SCOPE = {**DATA_SCOPE, "weights": "final weights of our numpy 6000-iteration rerun, reading two_cuts "
                                      "(proofs/kumar/data/kumar_capture_full_run.json)"}
TORCH_SCOPE = {**DATA_SCOPE, "weights": "the last 11 iterates of the paper's PyTorch code, both readings "
                                        "(proofs/kumar/data/kumar_capture_torch.json)"}


# ---------------------------------------------------------------- the printed loss


def _printed_loss(reading: str, target: float = PRINTED_LOSS, numpy_bit_for_bit: bool = False) -> StepResult:
    r"""The paper's code under ``reading`` (stored PyTorch record) ends on ``target`` bit for bit, constant over 1000 iterations."""
    t, n = torch_record()[reading], record(reading)
    torch_final, numpy_final = float(t["final_loss"]), float(n["final_loss"])
    steps_numpy = ke.ulp_distance(target, numpy_final)
    ok = torch_final == target and t["last_1000_distinct_losses"] == 1 and (steps_numpy == 0 or not numpy_bit_for_bit)
    outcomes = {"float64 (PyTorch, the paper's code)": f"final loss {t['final_loss']} ({ke.ulp_distance(target, torch_final):+d} ulp "
                                                       f"from printed), the last 1000 losses all equal; {t['increases']} loss increases",
                "float64 (numpy rerun)": f"final loss {n['final_loss']} ({steps_numpy:+d} ulp from printed), last 1000 equal: "
                                         f"{n['last_1000_distinct_losses'] == 1}",
                "exact": "not run (6000 steps of a 5000x500 problem); the printed value is ||y||^2 + about 1 ulp "
                         "(printed_loss_is_minimum_value) and the real loss of the iterates is not constant "
                         "(loss_monotone_non_increasing)"}
    return StepResult(ok, "numeric", "benchmark-record+ulp-count",
                      f"reading {reading}: the paper's PyTorch code ends on {t['final_loss']} = printed {target!r}"
                      f"{' bit for bit' if torch_final == target else ' NOT'}; numpy rerun {steps_numpy:+d} ulp",
                      None if ok else f"reading {reading}: PyTorch {t['final_loss']}, numpy {n['final_loss']} vs {target!r}",
                      sample={"points": 1000, "precision": f"float64 (PyTorch), reading {reading}"},
                      outcomes=outcomes, settings={**SETTINGS, "reading": {"value": reading, "paper": False}})


def _printed_is_minimum(target: float = PRINTED_LOSS, low: float = 1.0, high: float = 1.1) -> StepResult:
    r"""Exact: the printed loss minus :math:`f^\star=\|y\|^2` (A.1.5 data), in ulps of :math:`\|y\|^2`."""
    exact_gap = (Fraction(target) - ke.minimum_exact(_data()[1])) / Fraction(ULP)
    gap = float(exact_gap)
    return _ok(low < gap < high, "exact-rational", f"printed loss - ||y||^2 = {gap:.4f} ulp (exact sum over the 5000 float32 y_i): "
               "the paper's run ended at the minimum value f* = ||y||^2 to about 1 ulp, whatever its trajectory",
               checked="symbolic", scope=DATA_SCOPE, values={"gap": exact_gap})


@functools.cache
def _short_losses(cuts: int) -> np.ndarray:
    x, y = _data()
    return ke.capture_run(x, y, ke.torch_linear_init(S["ncols"]), lr=S["lr"], l1=S["l1"], max_iter=SHORT, cuts_per_increase=cuts).losses


def _short_run(reading: str, cuts: int | None = None) -> StepResult:
    r"""Regression check: the numpy loop with ``cuts`` step cuts per increase re-derives ``reading``'s stored first losses."""
    cuts = CUTS[reading] if cuts is None else cuts
    run_losses = _short_losses(cuts)
    stored = np.array([float(v) for v in record(reading)["first_losses"][:SHORT]])
    worst = float(np.max(np.abs(run_losses - stored) / np.abs(stored)))
    return _ok(worst <= 1e-9, "rerun", f"{SHORT} iterations with {cuts} cut(s) per increase against the stored {reading} record: "
               f"worst relative difference {worst:.1e} (tolerance 1e-9)")


def _tracks_torch(tolerance: float = 1e-12) -> StepResult:
    r"""The stored numpy and PyTorch records agree on the first 60 losses (both readings), to ``tolerance``."""
    parts, worst = [], 0.0
    for reading in READING_NAMES:
        a = np.array([float(v) for v in record(reading)["first_losses"]])
        b = np.array([float(v) for v in torch_record()[reading]["first_losses"]])
        w = float(np.max(np.abs(a - b) / np.abs(b)))
        worst = max(worst, w)
        parts.append(f"{reading}: worst relative difference {w:.1e}, bit-identical {int(np.sum(a == b))}/{len(a)}")
    n, t = record("two_cuts"), torch_record()["two_cuts"]
    return _ok(worst <= tolerance, "benchmark-records", "; ".join(parts) + f". Later the trajectories part (summation order): "
               f"two_cuts increases {n['increases']} (numpy) vs {t['increases']} (PyTorch), plateau from {n['plateau_start']} vs "
               f"{t['plateau_start']}", sample={"points": 2 * 60, "precision": "float64, stored records"})


# ---------------------------------------------------------------- where the runs end


@functools.cache
def decomposition() -> dict[str, Any]:
    r"""The final loss against the exact minimum :math:`\|y\|^2` and the rigorous excess at the final weights (numpy, two_cuts)."""
    x, y = _data()
    w = final_weights()
    f_star = ke.minimum_exact(y)
    lo, hi = ke.excess_enclosure(x, y, w, S["l1"])
    loss = Fraction(float(full_run()["final_loss"]))
    return {"f_star": f_star, "excess_lo": lo, "excess_hi": hi, "loss": loss,
            "active_rows": int(np.sum(x @ w > 0)), "l1_term": S["l1"] * float(np.sum(np.abs(w)))}


def _loss_is_minimum_plus_excess(active_rows_claimed: int | None = None) -> StepResult:
    d = decomposition()
    gap, lo, hi = (float((d[k] - d["f_star"] if k == "loss" else d[k]) / Fraction(ULP)) for k in ("loss", "excess_lo", "excess_hi"))
    ok = 0 < lo <= hi < gap + 1 and gap <= hi + 1 and d["l1_term"] < 1e-3 * ULP
    if active_rows_claimed is not None:
        ok = d["active_rows"] == active_rows_claimed
    return _ok(ok, "exact-rational+rigorous-bound",
               f"loss - ||y||^2 = {gap:.3f} ulp; real excess f(w)-||y||^2 in [{lo:.4f}, {hi:.4f}] ulp from "
               f"{d['active_rows']} rows with relu(z) > 0; l1 term {d['l1_term']:.2e} (< 1e-3 ulp)", checked="symbolic", scope=RUN_SCOPE)


def _all_norms() -> dict[str, np.ndarray]:
    return {**{f"PyTorch {r}": np.array(torch_record()[r]["last_1000_one_norms"]) for r in READING_NAMES},
            **{f"numpy {r}": np.array(record(r)["last_1000_one_norms"]) for r in READING_NAMES}}


def _near_minimizer(bound: float = 1.8e-14) -> StepResult:
    tops = {name: float(v.max()) for name, v in _all_norms().items()}
    return _ok(max(tops.values()) <= bound, "benchmark-records",
               "max ||w_k||_1 over k = 5000..5999: " + ", ".join(f"{k} {v:.3e}" for k, v in tops.items()) + f" (bound {bound:g})",
               sample={"points": 4000, "precision": "float64, stored records, both readings"})


# ---------------------------------------------------------------- monotone loss (real vs float)


def _torch_iterates(reading: str) -> list[np.ndarray]:
    r"""The paper's code's last 11 iterates :math:`w_{5990},\dots,w_{6000}` under ``reading``."""
    t = torch_record()[reading]
    return [_hex(w) for w in t["last_10_weights_hex"]] + [_hex(t["final_weights_hex"])]


@functools.cache
def _largest_rise(reading: str) -> dict[str, Any]:
    r"""Among the paper's last 11 iterates, the step where the real loss rises most (located by an
    accurate float sum), then enclosed rigorously at both ends."""
    x, y = _data()
    ws = _torch_iterates(reading)
    estimate = [ke._excess(x @ w, y, w, S["l1"]) for w in ws]
    k = int(np.argmax(np.diff(estimate)))
    (lo0, hi0), (lo1, hi1) = (ke.excess_enclosure(x, y, w, S["l1"]) for w in (ws[k], ws[k + 1]))
    return {"k": 5990 + k, "rises_estimated": int(np.sum(np.diff(estimate) > 0)), "steps": len(ws) - 1,
            "before": (lo0, hi0), "after": (lo1, hi1), "rise": float((lo1 - hi0) / Fraction(ULP)),
            "rise_exact": (lo1 - hi0) / Fraction(ULP),
            "float_losses": sorted(set(t for t in torch_record()[reading]["last_10_losses"]))}


def _real_loss_monotone(readings: tuple[str, ...] = READING_NAMES) -> StepResult:
    r"""Monotone under a reading unless a rigorous enclosure shows :math:`f(w_{k+1})>f(w_k)` at the paper's own iterates."""
    rises = {r: _largest_rise(r) for r in readings}
    up = {r: v["rise"] > 0 for r, v in rises.items()}
    show = lambda v: f"[{float(v[0] / Fraction(ULP)):.4f}, {float(v[1] / Fraction(ULP)):.4f}]"
    outcomes = {"float64 (PyTorch)": "; ".join(f"{r}: last 10 float losses {v['float_losses']} (constant: monotone as printed)"
                                                for r, v in rises.items()),
                "exact (real loss at the float iterates)": "; ".join(
                    f"{r}: f(w_k)-||y||^2 in {show(v['before'])} ulp at k = {v['k']}, {show(v['after'])} at k + 1 "
                    f"({'rises' if up[r] else 'no certified rise'}; rises at {v['rises_estimated']} of {v['steps']} steps)"
                    for r, v in rises.items())}
    values = {f"rise_{r}": v["rise_exact"] for r, v in rises.items()} | {f"k_{r}": v["k"] for r, v in rises.items()} \
        | {f"rises_{r}": v["rises_estimated"] for r, v in rises.items()} | {"last": max(v["steps"] for v in rises.values())} \
        | {f"rise_{r}_at_least": _at_least(v["rise_exact"]) for r, v in rises.items()}
    # a certified rise is shown rounded down (a lower bound stays one); an uncertified one as computed
    detail = "; ".join(f"{r}: f(w_{v['k'] + 1}) - f(w_{v['k']}) " + (f">= {_at_least(v['rise_exact'])}" if up[r] else f"< {v['rise']:.4f}")
                       + " ulp" for r, v in rises.items())
    if all(up.values()):
        return StepResult(False, "symbolic", "rigorous-enclosure", detail,
                          counterexample=r"at the paper's own iterates (its PyTorch code), rigorous enclosures of the real loss give "
                                         r"$f(w_{k+1})-f(w_k)\ge{rise_one_cut_at_least}$ ulp at $k={k_one_cut}$ under reading "
                                         r"one_cut and $\ge{rise_two_cuts_at_least}$ ulp at $k={k_two_cuts}$ under two_cuts "
                                         r"(ulp $=2^{-40}$, the spacing of doubles at $\|y\|^2$)",
                          evidence="proved", values=values, outcomes=outcomes, settings=SETTINGS)
    if any(up.values()):  # the verdict would rest on one reading of the decay rule
        return StepResult(False, "undecided", "rigorous-enclosure", "reading-dependent: " + detail, values=values, outcomes=outcomes)
    return StepResult(True, "numeric", "rigorous-enclosure", "no certified rise: " + detail, values=values, outcomes=outcomes)


def _at_least(q: Fraction, digits: int = 4) -> Any:
    r"""The decimal with ``digits`` places just below ``q``, as an exact SymPy decimal (a lower bound stays one when shown).

    >>> _at_least(Fraction(17519, 100000))
    0.1751
    """
    import sympy as sp

    scaled = q.numerator * 10**digits // q.denominator  # floor(q * 10^digits)
    sign, scaled = ("-", -scaled) if scaled < 0 else ("", scaled)
    shown = f"{sign}{scaled // 10**digits}.{scaled % 10**digits:0{digits}d}"
    return sp.Float(shown, max(1, len(shown.lstrip("-").replace(".", "").lstrip("0"))))


def _float_constant_real_varies(spread_ulps: float = 1.0) -> StepResult:
    parts, ok = [], True
    for reading in READING_NAMES:
        stats, n = record(reading)["last_1000_excess_ulps"], record(reading)
        spread = stats["max"] - stats["min"]
        ok &= n["last_1000_distinct_losses"] == 1 and stats["increases"] > 0 and spread < spread_ulps
        parts.append(f"{reading}: float loss constant over 5000..5999 while f(w_k)-||y||^2 ranges over [{stats['min']:.3f}, "
                     f"{stats['max']:.3f}] ulp (spread {spread:.3f}) and rises {stats['increases']} times")
    return _ok(ok, "benchmark-records", "numpy reruns, " + "; ".join(parts) + f" (spread bound {spread_ulps} ulp)",
               sample={"points": 2000, "precision": "float64 iterates, accurately summed losses"})


# ---------------------------------------------------------------- the bands


def _bands(norms: np.ndarray) -> dict[str, float]:
    return ke.band_statistics(norms)


def _bands_text(name: str, b: dict[str, float]) -> str:
    return (f"{name}: alternation {b['alternation']:.1%}, parity classes {b['separation_sd']:.2f} band sd apart (detrended), "
            f"strictly separated in {b['windows_separated']}/{b['windows']} windows of 50, over all 1000 "
            f"{'separated by' if b['gap'] > 0 else 'overlapping by'} {abs(b['gap']):.1e}")


def _two_bands(reading: str = "one_cut", min_alternation: float = 0.9, min_separation: float = 3.0) -> StepResult:
    r"""Two distinct bands: the iterate alternates between a high and a low class (at least 90% of
    steps) and the classes lie at least 3 band standard deviations apart; checked on the PyTorch
    record and the numpy record of ``reading``."""
    stats = {f"PyTorch {reading}": _bands(np.array(torch_record()[reading]["last_1000_one_norms"])),
             f"numpy {reading}": _bands(np.array(record(reading)["last_1000_one_norms"]))}
    ok = all(b["alternation"] >= min_alternation and b["separation_sd"] >= min_separation for b in stats.values())
    outcomes = {f"float64 ({name.split()[0]})": _bands_text(name, b) for name, b in stats.items()}
    outcomes["exact"] = ("not run; the bands live within 2e-14 of w = 0 with the step frozen near 4e-19 "
                         "(not_a_byproduct_of_finite_precision)")
    return StepResult(ok, "numeric", "benchmark-records", f"reading {reading}: " + "; ".join(_bands_text(n, b) for n, b in stats.items()),
                      None if ok else f"reading {reading}: no two distinct bands (criterion: alternation >= {min_alternation:.0%}, "
                                      f"separation >= {min_separation} sd)",
                      sample={"points": 2000, "precision": f"float64, last 1000 iterates, reading {reading}"},
                      outcomes=outcomes, settings={**SETTINGS, "reading": {"value": reading, "paper": False}})


def _one_band(reading: str = "two_cuts", max_alternation: float = 0.8, max_separation: float = 1.0) -> StepResult:
    r"""Under ``reading`` the parity classes are not distinct bands: weak alternation, separation below one band sd."""
    stats = {f"PyTorch {reading}": _bands(np.array(torch_record()[reading]["last_1000_one_norms"])),
             f"numpy {reading}": _bands(np.array(record(reading)["last_1000_one_norms"]))}
    ok = all(b["alternation"] <= max_alternation and b["separation_sd"] <= max_separation for b in stats.values())
    return _ok(ok, "benchmark-records", f"reading {reading}: one band: " + "; ".join(_bands_text(n, b) for n, b in stats.items()),
               sample={"points": 2000, "precision": f"float64, last 1000 iterates, reading {reading}"},
               outcomes={f"float64 ({n.split()[0]})": _bands_text(n, b) for n, b in stats.items()})


# ---------------------------------------------------------------- finite precision and step size (both readings)


def _finite_precision_irrelevant() -> StepResult:
    parts, held, values = [], [], {}
    for reading in READING_NAMES:
        same, resolved = _continue("same", reading=reading), _continue("resolved", reading=reading)
        ratio = resolved.one_norms[-10:].mean() / same.one_norms[-10:].mean()
        held.append(ratio > 0.5 and resolved.lrs[-1] == same.lrs[-1])
        values |= {f"lr_same_{reading}": float(same.lrs[-1]), f"lr_resolved_{reading}": float(resolved.lrs[-1]),
                   f"shrink_{reading}": float(1 / ratio)}  # float64 continuation runs
        parts.append(f"{reading}: printed rule keeps lr = {same.lrs[-1]:.3e}; on the accurately summed loss it cuts lr to "
                     f"{resolved.lrs[-1]:.3e} and ||w||_1 falls by a factor {1 / ratio:.1e}")
    outcomes = {"float64 (numpy continuation, the printed rule on the float loss)": "the step stays frozen (both readings)",
                "float64 with the loss summed accurately (correctly rounded excess f - ||y||^2)": "; ".join(parts),
                "exact": "not run; the accurately summed excess is the exact real loss to within 1e-3 ulp (loss_is_minimum_plus_excess)"}
    settings = {**SETTINGS, "continuation": {"value": "60 iterations from each numpy record's final weights", "paper": False}}
    if not any(held):
        return StepResult(False, "numeric", "continuation", "60 more iterations from each numpy record: " + "; ".join(parts),
                          counterexample=r"60 more iterations from each numpy record (float64): the printed rule keeps the step "
                                         r"at ${lr_same_one_cut}$ (one_cut) and ${lr_same_two_cuts}$ (two_cuts); deciding on the "
                                         r"accurately summed loss, the same rule cuts it to ${lr_resolved_one_cut}$ and "
                                         r"${lr_resolved_two_cuts}$, and $\|w_k\|_1$ falls ${shrink_one_cut}$-fold and "
                                         r"${shrink_two_cuts}$-fold",
                          values=values, outcomes=outcomes, settings=settings)
    if not all(held):
        return StepResult(False, "undecided", "continuation", "reading-dependent: " + "; ".join(parts), values=values,
                          outcomes=outcomes)
    return _ok(True, "continuation", "; ".join(parts), values=values, outcomes=outcomes, settings=settings)


def _oscillation_from_resolution(min_factor: float = 10.0) -> StepResult:
    parts, ok = [], True
    for reading in READING_NAMES:
        same, resolved = _continue("same", reading=reading), _continue("resolved", reading=reading)
        factor = same.one_norms[-10:].mean() / resolved.one_norms[-10:].mean()
        ok &= bool(factor >= min_factor and resolved.lrs[-1] < same.lrs[-1] and np.unique(same.losses).size == 1)
        parts.append(f"{reading}: lr -> {resolved.lrs[-1]:.2e}, ||w||_1 shrinks {factor:.1e}-fold")
    return _ok(ok, "continuation", "the float loss is constant (changes below 1 ulp of ||y||^2 are rounded away), so the printed "
               "rule never cuts the step again; resolved: " + "; ".join(parts) + f" (at least {min_factor:g}-fold required)")


def _tenth_ratio(reading: str) -> float:
    same, tenth = _continue("same", reading=reading), _continue("tenth", reading=reading)
    return float(tenth.one_norms[-20:].mean() / same.one_norms[-20:].mean())


def _step_size_irrelevant() -> StepResult:
    ratios = {r: _tenth_ratio(r) for r in READING_NAMES}
    held = {r: 0.5 < v < 2 for r, v in ratios.items()}
    detail = "with lr/10, mean ||w||_1 over the last 20 of 60 iterations is " + ", ".join(f"{v:.3f} x ({r})" for r, v in ratios.items())
    values = {f"ratio_{r}": v for r, v in ratios.items()}  # float64 continuation runs
    outcomes = {"float64 (numpy continuation from each record's final weights)": detail,
                "exact": "not run; the band is set by the frozen step (a float-resolution effect, not_a_byproduct_of_finite_precision)"}
    settings = {**SETTINGS, "continuation": {"value": "60 iterations at the final lr and at lr/10", "paper": False}}
    if not any(held.values()):
        return StepResult(False, "numeric", "continuation", detail,
                          counterexample=r"with the step divided by 10, the mean of $\|w_k\|_1$ over the last 20 of 60 "
                                         r"iterations is ${ratio_one_cut}$ times its value at the final step (one_cut) and "
                                         r"${ratio_two_cuts}$ times (two_cuts), float64",
                          values=values, outcomes=outcomes, settings=settings)
    if not all(held.values()):
        return StepResult(False, "undecided", "continuation", "reading-dependent: " + detail, values=values, outcomes=outcomes)
    return _ok(True, "continuation", detail, values=values, outcomes=outcomes, settings=settings)


def _scales_with_step(low: float = 0.05, high: float = 0.2) -> StepResult:
    ratios = {r: _tenth_ratio(r) for r in READING_NAMES}
    return _ok(all(low <= v <= high for v in ratios.values()), "continuation",
               "lr/10 gives ||w||_1 ratio " + ", ".join(f"{v:.3f} ({r})" for r, v in ratios.items()) +
               f" (in [{low}, {high}]): the band scales with the step")


def one_sided_derivatives(y_scale: int = 1, lam: Fraction = Fraction(1, 1000)) -> tuple[Fraction, Fraction]:
    r"""Exact :math:`\partial_+ f(0;e_1)` and :math:`-\partial_+ f(0;-e_1)` of (3) on the A.1.5 data."""
    x, y = _data()
    col = [Fraction(v) for v in x[:, 0].tolist()]
    ys = [y_scale * Fraction(v) for v in y.tolist()]
    right = sum((-2 * yi * c for c, yi in zip(col, ys) if c > 0), Fraction(0)) + lam
    left = sum((-2 * yi * c for c, yi in zip(col, ys) if c < 0), Fraction(0)) - lam
    return right, left


def _not_c1(y_scale: int = 1, lam: Fraction = Fraction(1, 1000)) -> StepResult:
    right, left = one_sided_derivatives(y_scale, lam)
    return _ok(right != left, "exact-rational", f"along e_1 at w = 0: right derivative {float(right):.4f}, left {float(left):.4f}: "
               "f is not differentiable at its minimizer, so Prop. A.1 (f in C^1) says nothing here", checked="symbolic",
               scope=DATA_SCOPE)


def _steps() -> list:
    C = Check
    return [
        C(label="printed_loss_reproduced_one_cut", reading="one_cut", latex=r"f(w_k) \equiv 4461.786221675728\ (5000\le k<6000)",
          run_check=lambda: _printed_loss("one_cut"), kind_name="reproduction",
          wrong_versions=[lambda: _printed_loss("one_cut", PRINTED_LOSS + ULP), lambda: _printed_loss("one_cut", numpy_bit_for_bit=True)],
          justification="The paper's code (PyTorch, float64) under the reading the prose supports."),
        C(label="printed_loss_reproduced_two_cuts", reading="two_cuts", latex=r"f(w_k) \equiv 4461.786221675728\ (5000\le k<6000)",
          run_check=lambda: _printed_loss("two_cuts"), kind_name="reproduction",
          wrong_versions=[lambda: _printed_loss("two_cuts", PRINTED_LOSS + ULP), lambda: _printed_loss("two_cuts", numpy_bit_for_bit=True)],
          justification="Both readings land on the printed value bit for bit, so the printed number cannot tell them apart."),
        C(label="printed_loss_is_minimum_value", printed=False,
          latex=r"4461.786221675728 - \|y\|^2 \in (1, 1.1)\,\mathrm{ulp}\quad(\mathrm{ulp}=2^{-40})",
          run_check=_printed_is_minimum, wrong_versions=[lambda: _printed_is_minimum(PRINTED_LOSS + 4 * ULP)],
          justification=r"$f\ge\|y\|^2$ with equality only at $w=0$ (A1); the printed loss is the correctly rounded "
                        r"minimum plus about one ulp, so A.1.3's 'does not converge to zero due to the finite run' "
                        r"cannot be the reason."),
        C(label="rerun_regression_one_cut", printed=False, reading="one_cut", kind_name="rerun",
          latex=r"\text{loss}_k\ (k<60):\ \text{numpy loop, one cut} = \text{stored one\_cut record}",
          run_check=lambda: _short_run("one_cut"), wrong_versions=[lambda: _short_run("one_cut", cuts=2)],
          justification="A regression check of the stored record (its own reading), not evidence about the paper's rule."),
        C(label="rerun_regression_two_cuts", printed=False, reading="two_cuts", kind_name="rerun",
          latex=r"\text{loss}_k\ (k<60):\ \text{numpy loop, two cuts} = \text{stored two\_cuts record}",
          run_check=lambda: _short_run("two_cuts"), wrong_versions=[lambda: _short_run("two_cuts", cuts=1)],
          justification="A regression check of the stored record (its own reading), not evidence about the paper's rule."),
        C(label="numpy_rerun_tracks_paper_code", printed=False, latex=r"|\ell^{\rm numpy}_k-\ell^{\rm torch}_k|\le10^{-12}\,\ell_k\ (k<60)",
          run_check=_tracks_torch, wrong_versions=[lambda: _tracks_torch(0.0)],
          justification="Same data and initial weights bit for bit; the sums run in another order, so the runs part later."),
        C(label="loss_is_minimum_plus_excess", printed=False, reading="two_cuts",
          latex=r"\hat f = \|y\|^2 + 2\,\mathrm{ulp},\quad f(w)-\|y\|^2 \approx 2.06\,\mathrm{ulp},\quad \lambda_1\|w\|_1 < 10^{-3}\mathrm{ulp}",
          run_check=_loss_is_minimum_plus_excess, wrong_versions=[lambda: _loss_is_minimum_plus_excess(active_rows_claimed=0)],
          justification=r"Not $\|y\|^2+\lambda_1\|w\|_1$ with $\mathrm{relu}(Zw)=0$: thousands of rows are active, "
                        r"each adding about $2|y_i|z_i$."),
        C(label="iterates_near_minimizer", printed=False, latex=r"\|w_k\|_1 \le 1.8\cdot10^{-14}\ (5000\le k<6000)",
          run_check=_near_minimizer, wrong_versions=[lambda: _near_minimizer(1.4e-14)]),
        C(label="loss_monotone_non_increasing", latex=r"f(w_{k+1}) \le f(w_k)\ \text{(eventually)}",
          run_check=_real_loss_monotone, role="statement",
          justification="'Loss' is the real loss $f(w_k)$ the Capture Theorem is about; the printed float loss is "
                        "constant and so trivially monotone (both are shown in the outcomes).",
          erratum=r"Only the rounded loss is constant; the real loss $f(w_k)$ of the paper's own iterates (its PyTorch code) "
                  r"goes up and down: $f(w_{k+1})-f(w_k)\ge{rise_one_cut_at_least}$ ulp at $k={k_one_cut}$ under reading "
                  r"one_cut and $\ge{rise_two_cuts_at_least}$ ulp at $k={k_two_cuts}$ under two_cuts (rigorous enclosures; "
                  r"ulp $=2^{-40}$, the spacing of doubles at $\|y\|^2$), and it rises at {rises_one_cut} resp. "
                  r"{rises_two_cuts} of the last {last} steps."),
        C(label="float_loss_constant_real_loss_varies", repairs="loss_monotone_non_increasing",
          latex=r"\mathrm{fl}(f(w_k)) \equiv \text{const},\quad f(w_k)-\|y\|^2\ \text{varies by} < 1\,\mathrm{ulp},\ \text{not monotone}",
          run_check=_float_constant_real_varies, wrong_versions=[lambda: _float_constant_real_varies(0.1)]),
        C(label="norm_in_two_distinct_bands", reading="one_cut", kind_name="reproduction",
          latex=r"\|w_k\|_1\ \text{alternates between two bands} \ge 3\ \text{band sd apart}",
          run_check=lambda: _two_bands("one_cut"), wrong_versions=[lambda: _two_bands("two_cuts")],
          justification="Operational reading of 'two distinct bands': the iterate alternates between a high and a "
                        "low class at at least 90% of the steps and the classes are at least 3 band standard "
                        "deviations apart (after removing the slow drift). Over all 1000 iterations the two ranges "
                        "touch (the bands drift): a strict 'disjoint ranges' reading fails under both readings of "
                        "the code."),
        C(label="two_cuts_shows_one_band", printed=False, reading="two_cuts",
          latex=r"\text{two cuts: parity classes} < 1\ \text{band sd apart, alternation} < 80\%",
          run_check=lambda: _one_band("two_cuts"), wrong_versions=[lambda: _one_band("one_cut")],
          justification="Under the literal code reading Figure 1 would show one band: the printed figure description "
                        "fits the reading the prose supports."),
        C(label="not_a_byproduct_of_finite_precision", latex=r"\text{the oscillation persists with the loss resolved exactly}",
          run_check=_finite_precision_irrelevant, role="statement",
          erratum=r"The step stops shrinking only because changes of the loss below one ulp of $\|y\|^2$ are invisible to "
                  r"the rule (both readings of the decay rule): deciding on the accurately summed loss, the rule cuts the step "
                  r"from ${lr_same_one_cut}$ to ${lr_resolved_one_cut}$ (one_cut) and from ${lr_same_two_cuts}$ to "
                  r"${lr_resolved_two_cuts}$ (two_cuts) within 60 iterations (float64)."),
        C(label="oscillation_from_loss_resolution", repairs="not_a_byproduct_of_finite_precision",
          latex=r"\text{rule on } f-\|y\|^2:\ \alpha_k\downarrow,\ \|w_k\|_1 \text{ shrinks} \ge 10\text{-fold in 60 steps}",
          run_check=_oscillation_from_resolution, wrong_versions=[lambda: _oscillation_from_resolution(1e12)]),
        C(label="not_a_function_of_step_size", latex=r"\text{the bands do not depend on the step size}", run_check=_step_size_irrelevant,
          role="statement",
          erratum=r"The band is a step-size effect: dividing the step by 10 multiplies $\|w_k\|_1$ by ${ratio_one_cut}$ "
                  r"(reading one_cut) and ${ratio_two_cuts}$ (two_cuts) (float64 continuation runs)."),
        C(label="oscillation_scales_with_step", repairs="not_a_function_of_step_size",
          latex=r"\alpha\to\alpha/10:\ \|w\|_1 \to \approx\|w\|_1/10", run_check=_scales_with_step,
          wrong_versions=[lambda: _scales_with_step(0.5, 2.0)]),
        C(label="capture_theorem_needs_C1", printed=False,
          latex=r"\partial_+f(0;e_1) \ne -\partial_+f(0;-e_1):\ f\notin C^1,\ \text{Prop. A.1 does not apply}",
          run_check=_not_c1, wrong_versions=[lambda: _not_c1(y_scale=0, lam=Fraction(0))],
          justification=r"With $y=0$ and $\lambda_1=0$ the loss $\sum_i\mathrm{relu}(z_i)^2$ is $C^1$ and both "
                        r"one-sided slopes are 0."),
    ]


def _a1_necessity(sign: int = -1) -> StepResult:
    r"""With :math:`y>0` (``sign=-1`` flips A.1.5's y), :math:`w=0` is not a minimizer: f decreases along the mean row."""
    x, y = _data()
    rows, ys = x[:20, :5], sign * y[:20]
    direction = [Fraction(v) for v in rows.mean(axis=0).tolist()]
    t = Fraction(1, 1000)
    f = lambda s: sum(((max(Fraction(0), s * sum(Fraction(a) * d for a, d in zip(r.tolist(), direction))) - Fraction(yi)) ** 2
                       for r, yi in zip(rows, ys.tolist())), Fraction(0))
    return _ok(f(t) < f(Fraction(0)), "exact-rational", "y -> -y (> 0): f(t d) < f(0) at t = 1/1000 on 20 rows, 5 columns", checked="symbolic")


#: Iterations of a ``derive`` rerun on the 5000x500 problem: the printed 6000 (about a minute on one core;
#: ``check`` reads that run's record from data/ instead).
MAX_ITERATIONS = 6000


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    iterations = int(params.get("iterations", 600))
    if not 2 <= iterations <= MAX_ITERATIONS:
        raise BadInput(f"iterations={iterations} is out of range: the bound is 2 <= iterations <= {MAX_ITERATIONS}")
    reading = str(params.get("reading", "one_cut"))
    if reading not in CUTS:
        raise BadInput(f"reading must be one of {sorted(CUTS)}, got {reading!r}")
    x, y = _data()
    run = ke.capture_run(x, y, ke.torch_linear_init(S["ncols"]), lr=S["lr"], l1=S["l1"], max_iter=iterations,
                         cuts_per_increase=CUTS[reading])
    changed = np.nonzero(np.diff(run.losses))[0]
    plateau = int(changed[-1]) + 1 if changed.size else 0
    start = min(max(plateau, iterations - 1000), iterations - 2)
    bands = ke.parity_bands(run.one_norms[start:])
    low, high = sorted((bands["even_mean"], bands["odd_mean"]))
    return {"iterations": iterations, "reading": reading, "final_loss": format(float(run.losses[-1]), ".16g"),
            "final_loss_repr": repr(float(run.losses[-1])),
            "printed_loss": repr(PRINTED_LOSS), "ulps_from_printed": ke.ulp_distance(PRINTED_LOSS, float(run.losses[-1])),
            "max_abs_weight": repr(float(np.max(np.abs(run.weights)))), "band_low": repr(low), "band_high": repr(high),
            "band_gap": repr(bands["gap"]), "band_window": [start, iterations - 1], "loss_plateau_start": plateau,
            "final_lr": repr(float(run.lrs[-1])), "loss_increases": run.increases,
            "note": f"numpy rerun of {iterations} iterations under reading {reading} (set iterations=6000 for the printed "
                    "length, ~10-20 s; reading=two_cuts for the other reading); bands = mean ||w_k||_1 over even and over odd k "
                    "in band_window; the full-run numbers below are the stored records (numpy and the paper's PyTorch code)",
            "full_run": {r: {"numpy": _summary(record(r)), "pytorch": _summary(torch_record()[r])} for r in READING_NAMES}}


def _summary(rec: dict[str, Any]) -> dict[str, Any]:
    return {"final_loss": rec["final_loss"], "final_max_abs_weight": repr(rec["final_max_abs_weight"]),
            "plateau_start": rec["plateau_start"], "final_lr": repr(rec["final_lr"]), "increases": rec["increases"],
            "bands": {k: round(v, 4) if abs(v) > 1e-3 else f"{v:.3e}" for k, v in _bands(np.array(rec["last_1000_one_norms"])).items()}}


def _extra() -> dict[str, Any]:
    full, d = full_run(), decomposition()
    sums = ke.squared_sum_variants(np.square(np.maximum(_data()[0] @ final_weights(), 0.0) - _data()[1]))
    t = torch_record()
    return {"paper": {"final_loss": repr(PRINTED_LOSS)},
            "pytorch_records": {r: _summary(t[r]) for r in READING_NAMES},
            "numpy_records": {r: _summary(record(r)) for r in READING_NAMES},
            "ours_benchmark": {k: full[k] for k in ("final_loss", "plateau_start", "increases", "final_lr", "final_max_abs_weight",
                                                     "last_1000_excess_ulps", "variants", "seconds")},
            "f_star_exact_nearest_double": repr(float(d["f_star"])), "f_star_ulps_above_that_double": float((d["f_star"] - Fraction(float(d["f_star"]))) / Fraction(ULP)),
            "final_loss_in_other_summation_orders": {k: f"{v!r} ({ke.ulp_distance(PRINTED_LOSS, v):+d} ulp from printed)" for k, v in sums.items()},
            "bands": ke.parity_bands(full["last_1000_one_norms"]),
            # the numbers the notes quote, computed here (never typed)
            "increases_one_cut": t["one_cut"]["increases"], "increases_two_cuts": t["two_cuts"]["increases"],
            "first_losses_peak": max(float(v) for v in t["one_cut"]["first_losses"]),  # float64 records
            "last_one_norm_max": max(float(v.max()) for v in _all_norms().values()),
            "printed_ulps": ke.ulp_distance(float(d["f_star"]), PRINTED_LOSS),
            "our_ulps": ke.ulp_distance(float(d["f_star"]), float(full["final_loss"])),
            "torch_version": t["one_cut"]["torch"]}


def figures(outdir: Path) -> list[Path]:
    r"""Last 1000 iterations of the paper's PyTorch code under both readings: one-norm by parity; and (numpy
    rerun, two_cuts) the float loss vs the real excess, in ulps of ||y||^2."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    full, t = full_run(), torch_record()
    ks = np.arange(5000, 6000)
    fig, axes = plt.subplots(3, figsize=(7, 7.5), sharex=True)
    for ax, reading, title in ((axes[0], "one_cut", "reading one_cut (step x0.9 per loss increase, as the prose says)"),
                               (axes[1], "two_cuts", "reading two_cuts (step x0.81 per loss increase)")):
        norms = np.array(t[reading]["last_1000_one_norms"])
        ax.plot(ks[0::2], norms[0::2], ".", ms=2, label="even k"), ax.plot(ks[1::2], norms[1::2], ".", ms=2, label="odd k")
        ax.set_ylabel(r"$\|w_k\|_1$"), ax.legend(fontsize=7), ax.set_title(f"A.1.5, paper's PyTorch code: {title}", fontsize=8)
    excess = np.array(full["last_1000_excess_ulps_series"])
    gap = float((Fraction(float(full["final_loss"])) - decomposition()["f_star"]) / Fraction(ULP))
    axes[2].plot(ks, excess, ".", ms=2, label=r"real $f(w_k)-\|y\|^2$"), axes[2].axhline(gap, color="k", label="float loss $-\\|y\\|^2$")
    axes[2].set_ylabel("ulps of $\\|y\\|^2$ ($2^{-40}$)"), axes[2].set_xlabel("k"), axes[2].legend(fontsize=7)
    axes[2].set_title("numpy rerun, reading two_cuts: float loss vs real loss", fontsize=8)
    path = Path(outdir) / "kumar_experiment_capture.pdf"
    fig.tight_layout(), fig.savefig(path), plt.close(fig)
    return [path]


def theorem() -> Claim:
    r"""App. A.1.3 read against the paper's own code (both readings) and a numpy rerun."""
    return Claim(
        id=ID, paper="kumar", label="Experiment A.1.5", section="A.1.3-A.1.5", title="Monotone loss without capture: the rerun",
        statement=r"With the adaptive rule the loss is monotone and identically $4461.786221675728$ over the last 1000 iterations, "
                  r"while $\|w_k\|_1$ oscillates in two distinct bands; this is not a finite-precision effect, not a function of the "
                  r"step size, and violates the capture behaviour of Prop. A.1.",
        statement_kind="reconstructed", readings=READINGS,
        reference="Kumar, App. A.1.3 (Figure 1), A.1.5 code", steps=_steps(),
        assumptions=[Assumption("A1", "y <= 0", r"y \le 0", necessity=Necessity("necessary",
                                r"With $y>0$ the loss decreases away from $w=0$, so 0 is not the minimizer the run is measured "
                                r"against.",
                                Check(label="zero_not_minimizer_for_positive_y", printed=False, latex=r"y>0:\ f(td)<f(0)",
                                      run_check=_a1_necessity, wrong_versions=[lambda: _a1_necessity(1)])))],
        parameters=[Parameter("iterations", "integer", 600, f"iterations of the rerun (6000 as printed), 2 to {MAX_ITERATIONS}",
                              bounds=(2, MAX_ITERATIONS)),
                    Parameter("reading", "choice", "one_cut", "reading of the decay rule", choices=("one_cut", "two_cuts"))],
        derive=_derive, extra=_extra, figures=figures,
        repaired_statement=r"The paper's code reproduces the printed loss bit for bit under both readings of its decay rule; the "
                           r"printed value is the minimum $\|y\|^2$ plus about one ulp, and every run ends next to the unique "
                           r"minimizer $w=0$. The float loss is constant because the real loss $f(w_k)$ moves by less than one ulp "
                           r"(it is not monotone); the step froze at a tiny value because the rule cannot see sub-ulp increases, "
                           r"the bands' width is proportional to that step, and with the loss resolved the step and $\|w_k\|_1$ keep "
                           r"shrinking. Two distinct alternating bands appear under the single-cut reading (the prose's), one band "
                           r"under the double cut. $f$ is not $C^1$ at its minimizer, so Prop. A.1 makes no prediction.",
        notes=["The decay rule is read both ways (the listing lost its indentation): the paper's PyTorch code (torch "
               "{torch_version}, CPU, float64, one thread) ends on the printed loss bit for bit under both, with "
               "{increases_one_cut} loss increases (one_cut) and {increases_two_cuts} (two_cuts); the first losses peak at "
               "{first_losses_peak}, so the rule does not 'ensure a monotone loss'. The numpy rerun's data and initial "
               "weights equal torch's bit for bit.",
               r"Every run ends within $\|w_k\|_1\le{last_one_norm_max}$ of the unique minimizer $w=0$; the printed loss is "
               r"$\|y\|^2+{printed_ulps}$ ulp (nearest doubles); the numpy two_cuts rerun ends at $\|y\|^2+{our_ulps}$ ulp.",
               "The 'two distinct bands' verdict is per reading: reproduced under one_cut (the prose's), not under two_cuts; no "
               "'not reproduced' verdict rests on the two_cuts reading."])
