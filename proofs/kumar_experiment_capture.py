r"""Kumar, App. A.1.3-A.1.5: the capture-theorem run, reproduced and reviewed.

Reference: [Kumar, App. A.1.3 (claims), A.1.4, A.1.5 (code), Prop. A.1, Figure 1]

Statement:   SGD with the adaptive rule on the single-layer ReLU regression (3)
             (y <= 0, lambda_1 = 0.001) gives a monotone loss, "identically
             4461.786221675728" over the last 1000 iterations, while the one-norm of the
             weights oscillates within two distinct bands; the oscillation "is not a
             byproduct of finite precision", "not a function of the step size", and is "a
             clear violation of the capture behavior" of Prop. A.1.
Assumptions: A1  y <= 0    makes w = 0 the unique minimizer, f* = ||y||^2   [paper: (3), (11)]
Proof outline:
  1. `short_run_matches_full_run`       the default 60-iteration run re-derives the full run's first losses
  2. `printed_loss_reproduced`          full run (benchmark): final loss within 1 ulp of 4461.786221675728
  3. `loss_is_minimum_plus_excess`      loss = ||y||^2 + a real excess of ~2 ulps (rigorous enclosure)
  4. `iterates_near_minimizer`  ||w||_1 <= 1.6e-14, max|w| ~ 1e-16 over the last 1000 iterations
  5. `loss_monotone_non_increasing`     printed; the real loss f(w_k) goes up (rigorous counterexample)
  6. `float_loss_constant_real_loss_varies`  repair: the float loss cannot resolve the changes
  7. `norm_in_two_distinct_bands`       printed; our run's parity classes overlap
  8. `norm_in_one_band`                 repair: one band, within 1.6e-14 of the minimizer
  9. `not_a_byproduct_of_finite_precision`  printed; with the loss resolved, the rule keeps cutting the step
 10. `oscillation_from_loss_resolution` repair
 11. `not_a_function_of_step_size`      printed; lr/10 shrinks the norm tenfold
 12. `oscillation_scales_with_step`     repair
 13. `capture_theorem_needs_C1`         f is not differentiable at its minimizer: Prop. A.1 does not apply
Review notes: numbers marked "benchmark" come from ``benchmarks/bench_kumar_experiments.py``
(6000 iterations, ~17 s on the recording machine) stored in ``proofs/data/kumar_capture_full_run.json``; the default check
re-derives its first 60 losses and continues from its final weights (iterations 6000+ of the
same loop); the deep test reruns all 6000 iterations.
"""

from __future__ import annotations

import functools
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from numeric import kumar_experiments as ke
from proofs.engine import Assumption, Check, Claim, Necessity, Parameter, StepResult
from proofs.errors import BadInput

ID = "kumar.experiment_capture"
PRINTED_LOSS = 4461.786221675728
ULP = 2.0**-40  # spacing of doubles in [4096, 8192)
FULL_RUN = Path(__file__).resolve().parent / "data" / "kumar_capture_full_run.json"
SHORT = 60  # iterations of the default re-derivation
S = ke.CAPTURE_SETTINGS


@functools.cache
def full_run() -> dict[str, Any]:
    r"""The benchmark's record of the 6000-iteration run."""
    return json.loads(FULL_RUN.read_text())


@functools.cache
def _data() -> tuple[np.ndarray, np.ndarray]:
    return ke.capture_data(S["nrows"], S["ncols"], seed=S["seed"])


def final_weights() -> np.ndarray:
    r"""The full run's final weights (hex floats in the JSON)."""
    return np.array([float.fromhex(h) for h in full_run()["final_weights_hex"]])


@functools.cache
def _continue(kind: str, iterations: int = 60) -> ke.CaptureRun:
    r"""Iterations 6000.. of the loop from the stored final state (``same``), with lr/10, or with
    the rule deciding on the accurately summed loss (``resolved``)."""
    lr = full_run()["final_lr"] * (0.1 if kind == "tenth" else 1.0)
    x, y = _data()
    return ke.capture_run(x, y, final_weights(), lr=lr, l1=S["l1"], max_iter=iterations,
                          decide_on="excess" if kind == "resolved" else "loss")


def _ok(ok: bool, method: str, detail: str, counterexample: str | None = None, checked: str = "numeric",
        values: dict[str, str] | None = None, scope: dict[str, Any] | None = None) -> StepResult:
    r"""A check's result; ``scope`` turns an exact success on fixed data into proved-on-scope (that data only)."""
    if ok and checked == "symbolic" and scope:
        return StepResult(True, checked, method, detail, evidence="proved-on-scope", scope=scope, values=values or {})
    return StepResult(bool(ok), checked, method, detail, None if ok else (counterexample or detail), values=values or {})


#: The data the exact checks are about: the A.1.5 problem with our seeds, and our run's stored final weights.
DATA_SCOPE = {"data": "A.1.5 problem, {nrows}x{ncols}, seed {seed}".format(**ke.CAPTURE_SETTINGS)}
RUN_SCOPE = {**DATA_SCOPE, "weights": "final weights of our 6000-iteration rerun (proofs/data/kumar_capture_full_run.json)"}


# ---------------------------------------------------------------- steps


def _short_run(decays_per_increase: int = 2) -> StepResult:
    x, y = _data()
    run = ke.capture_run(x, y, ke.torch_linear_init(S["ncols"]), lr=S["lr"], l1=S["l1"], max_iter=SHORT,
                         decay_factor=S["decay_factor"] ** (decays_per_increase / 2))
    stored = np.array([float(v) for v in full_run()["first_losses"][:SHORT]])
    worst = float(np.max(np.abs(run.losses - stored) / np.abs(stored)))
    return _ok(worst <= 1e-9, "rerun", f"{SHORT} iterations re-derived; worst relative difference {worst:.1e} (tolerance 1e-9)")


def _printed_loss(target: float = PRINTED_LOSS, within: int = 1) -> StepResult:
    ours = float(full_run()["final_loss"])
    steps = ke.ulp_distance(target, ours)
    return _ok(abs(steps) <= within and full_run()["last_1000_distinct_losses"] == 1, "benchmark+ulp-count",
               f"benchmark: last 1000 losses all {ours!r} = printed {target!r} + {steps} ulp (ulp = 2^-40)",
               checked="numeric")


@functools.cache
def decomposition() -> dict[str, Any]:
    r"""The final loss against the exact minimum :math:`\|y\|^2` and the rigorous excess at the final weights."""
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


def _near_minimizer(bound: float = 1.6e-14) -> StepResult:
    norms = np.array(full_run()["last_1000_one_norms"])
    top = float(norms.max())
    return _ok(top <= bound and full_run()["final_max_abs_weight"] <= 1.2e-16, "benchmark",
               f"benchmark: ||w_k||_1 in [{norms.min():.3e}, {top:.3e}] for k = 5000..5999; final max|w| = "
               f"{full_run()['final_max_abs_weight']:.3e}")


def _real_loss_monotone() -> StepResult:
    run = _continue("same", 4)
    x, y = _data()
    excess = run.excess
    k = int(np.argmax(np.diff(excess) > 0)) if np.any(np.diff(excess) > 0) else None
    if k is None:
        return _ok(True, "continuation", "no increase of the real loss in 4 continued iterations")
    before, after = (_weights_at(k), _weights_at(k + 1))
    (lo0, hi0), (lo1, hi1) = (ke.excess_enclosure(x, y, w, S["l1"]) for w in (before, after))
    up = lo1 > hi0
    stats = full_run()["last_1000_excess_ulps"]
    rise = float((lo1 - hi0) / Fraction(ULP))
    return _ok(not up, "rigorous-enclosure",
               f"f(w_{6000 + k + 1}) - f(w_{6000 + k}) >= {rise:.4f} ulp > 0; benchmark: "
               f"the real loss went up {stats['increases']} times in iterations 5000..5999",
               counterexample=f"iteration {6000 + k}: f(w) - ||y||^2 in [{float(lo0 / Fraction(ULP)):.4f}, {float(hi0 / Fraction(ULP)):.4f}] ulp, "
                              f"next in [{float(lo1 / Fraction(ULP)):.4f}, {float(hi1 / Fraction(ULP)):.4f}] ulp",
               checked="symbolic", values={"iteration": str(6000 + k), "rise": f"{rise:.2f}", "increases": str(stats["increases"])})


@functools.cache
def _weights_at(k: int) -> np.ndarray:
    return ke.capture_run(*_data(), final_weights(), lr=full_run()["final_lr"], l1=S["l1"], max_iter=k).weights if k else final_weights()


def _float_constant_real_varies(spread_ulps: float = 1.0) -> StepResult:
    stats = full_run()["last_1000_excess_ulps"]
    spread = stats["max"] - stats["min"]
    ok = full_run()["last_1000_distinct_losses"] == 1 and stats["increases"] > 0 and spread < spread_ulps
    return _ok(ok, "benchmark", f"benchmark: float loss constant over 5000..5999 while f(w_k)-||y||^2 ranges over "
               f"[{stats['min']:.3f}, {stats['max']:.3f}] ulp (spread {spread:.3f} < 1 ulp) and rises {stats['increases']} times")


def _two_bands(min_gap: float = 0.0) -> StepResult:
    bands = ke.parity_bands(full_run()["last_1000_one_norms"])
    return _ok(bands["gap"] > min_gap, "benchmark", f"benchmark: even iterations in [{bands['even_min']:.3e}, {bands['even_max']:.3e}], "
               f"odd in [{bands['odd_min']:.3e}, {bands['odd_max']:.3e}]: gap {bands['gap']:.2e}",
               counterexample=f"parity classes overlap by {-bands['gap']:.2e} (our trajectory; the paper's differs by 1 ulp at the end)")


def _one_band(width: float = 1.5e-15) -> StepResult:
    norms = np.array(full_run()["last_1000_one_norms"])
    spread = float(norms.max() - norms.min())
    return _ok(spread <= width, "benchmark", f"benchmark: all 1000 norms in one band of width {spread:.2e} around {norms.mean():.3e}")


def _finite_precision_irrelevant() -> StepResult:
    same, resolved = _continue("same"), _continue("resolved")
    ratio = resolved.one_norms[-10:].mean() / same.one_norms[-10:].mean()
    return _ok(ratio > 0.5 and resolved.lrs[-1] == same.lrs[-1], "continuation",
               f"60 more iterations: printed rule keeps lr = {same.lrs[-1]:.3e}; the same rule on the accurately summed "
               f"loss cuts it to {resolved.lrs[-1]:.3e} and ||w||_1 falls by a factor {1 / ratio:.1e}")


def _oscillation_from_resolution(min_factor: float = 100.0) -> StepResult:
    same, resolved = _continue("same"), _continue("resolved")
    factor = same.one_norms[-10:].mean() / resolved.one_norms[-10:].mean()
    return _ok(factor >= min_factor and resolved.lrs[-1] < same.lrs[-1] and np.unique(same.losses).size == 1, "continuation",
               f"the float loss is constant (changes < 1 ulp = 9.1e-13 are rounded away), so lr stays; resolved, "
               f"lr -> {resolved.lrs[-1]:.2e} and ||w||_1 shrinks {factor:.1e}-fold")


def _step_size_irrelevant() -> StepResult:
    same, tenth = _continue("same"), _continue("tenth")
    ratio = float(tenth.one_norms[-20:].mean() / same.one_norms[-20:].mean())
    return _ok(0.5 < ratio < 2, "continuation", f"with lr/10, mean ||w||_1 over the last 20 of 60 iterations is {ratio:.3f} x the printed run's",
               values={"ratio": f"{ratio:.3f}"})


def _scales_with_step(low: float = 0.05, high: float = 0.2) -> StepResult:
    same, tenth = _continue("same"), _continue("tenth")
    ratio = float(tenth.one_norms[-20:].mean() / same.one_norms[-20:].mean())
    return _ok(low <= ratio <= high, "continuation", f"lr/10 gives ||w||_1 ratio {ratio:.3f} (in [{low}, {high}]): the band scales with the step")


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
        C(label="short_run_matches_full_run", printed=False, latex=r"\text{loss}_k\ (k<60)\ \text{short run} = \text{full run}",
          run_check=_short_run, wrong_versions=[lambda: _short_run(1)], kind_name="rerun",
          justification="Same code path as the benchmark; one decay per increase (the docstring's reading) does not match."),
        C(label="printed_loss_reproduced", latex=r"f(w_k) \equiv 4461.786221675728\ (5000\le k<6000)",
          run_check=_printed_loss, wrong_versions=[lambda: _printed_loss(within=0), lambda: _printed_loss(PRINTED_LOSS + 4 * ULP)],
          kind_name="reproduction"),
        C(label="loss_is_minimum_plus_excess", printed=False,
          latex=r"\hat f = \|y\|^2 + 2\,\mathrm{ulp},\quad f(w)-\|y\|^2 \approx 2.06\,\mathrm{ulp},\quad \lambda_1\|w\|_1 < 10^{-3}\mathrm{ulp}",
          run_check=_loss_is_minimum_plus_excess, wrong_versions=[lambda: _loss_is_minimum_plus_excess(active_rows_claimed=0)],
          justification="Not ||y||^2 + lambda||w||_1 with relu(Zw) = 0: thousands of rows are active, each adding ~2|y_i|z_i."),
        C(label="iterates_near_minimizer", printed=False, latex=r"\|w_k\|_1 \le 1.6\cdot10^{-14}\ (5000\le k<6000)",
          run_check=_near_minimizer, wrong_versions=[lambda: _near_minimizer(1.4e-14)]),
        C(label="loss_monotone_non_increasing", latex=r"f(w_{k+1}) \le f(w_k)\ \text{(eventually)}", run_check=_real_loss_monotone, role="statement",
          erratum="Only the rounded loss is constant; the real loss f(w_k) goes up and down: it rises by at least {rise} ulp "
                  "at iteration {iteration} (rigorous enclosure), and {increases} times in iterations 5000..5999 (benchmark)."),
        C(label="float_loss_constant_real_loss_varies", repairs="loss_monotone_non_increasing",
          latex=r"\mathrm{fl}(f(w_k)) \equiv \text{const},\quad f(w_k)-\|y\|^2 \in [1.9, 2.2]\,\mathrm{ulp}\ \text{not monotone}",
          run_check=_float_constant_real_varies, wrong_versions=[lambda: _float_constant_real_varies(0.1)]),
        C(label="norm_in_two_distinct_bands", latex=r"\|w_k\|_1\ \text{alternates between two separated bands}", run_check=_two_bands,
          erratum="Not reproduced: in our run the last 1000 one-norms form one band; even and odd iterations overlap."),
        C(label="norm_in_one_band", repairs="norm_in_two_distinct_bands", latex=r"\max_k\|w_k\|_1-\min_k\|w_k\|_1 \le 1.5\cdot10^{-15}",
          run_check=_one_band, wrong_versions=[lambda: _one_band(5e-16)]),
        C(label="not_a_byproduct_of_finite_precision", latex=r"\text{the oscillation persists with the loss resolved exactly}",
          run_check=_finite_precision_irrelevant, role="statement",
          erratum="The step stops shrinking only because loss changes below 1 ulp of ||y||^2 are invisible to the rule."),
        C(label="oscillation_from_loss_resolution", repairs="not_a_byproduct_of_finite_precision",
          latex=r"\text{rule on } f-\|y\|^2:\ \alpha_k\downarrow,\ \|w_k\|_1 \text{ shrinks} \ge 100\text{-fold in 60 steps}",
          run_check=_oscillation_from_resolution, wrong_versions=[lambda: _oscillation_from_resolution(1e12)]),
        C(label="not_a_function_of_step_size", latex=r"\text{the bands do not depend on the step size}", run_check=_step_size_irrelevant, role="statement",
          erratum="The band is a step-size effect: dividing lr by 10 multiplies ||w||_1 by {ratio}."),
        C(label="oscillation_scales_with_step", repairs="not_a_function_of_step_size",
          latex=r"\alpha\to\alpha/10:\ \|w\|_1 \to \approx\|w\|_1/10", run_check=_scales_with_step,
          wrong_versions=[lambda: _scales_with_step(0.5, 2.0)]),
        C(label="capture_theorem_needs_C1", printed=False,
          latex=r"\partial_+f(0;e_1) \ne -\partial_+f(0;-e_1):\ f\notin C^1,\ \text{Prop. A.1 does not apply}",
          run_check=_not_c1, wrong_versions=[lambda: _not_c1(y_scale=0, lam=Fraction(0))],
          justification="With y = 0 and lambda = 0 the loss sum relu(z)^2 is C^1 and both one-sided slopes are 0."),
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


def _derive(params: dict[str, Any]) -> dict[str, Any]:
    iterations = int(params.get("iterations", 600))
    if not 2 <= iterations <= 20000:
        raise BadInput(f"iterations must be an integer in [2, 20000], got {iterations}")
    x, y = _data()
    run = ke.capture_run(x, y, ke.torch_linear_init(S["ncols"]), lr=S["lr"], l1=S["l1"], max_iter=iterations)
    changed = np.nonzero(np.diff(run.losses))[0]
    plateau = int(changed[-1]) + 1 if changed.size else 0
    start = min(max(plateau, iterations - 1000), iterations - 2)
    bands = ke.parity_bands(run.one_norms[start:])
    low, high = sorted((bands["even_mean"], bands["odd_mean"]))
    full = full_run()
    return {"iterations": iterations, "final_loss": format(float(run.losses[-1]), ".16g"), "final_loss_repr": repr(float(run.losses[-1])),
            "printed_loss": repr(PRINTED_LOSS), "ulps_from_printed": ke.ulp_distance(PRINTED_LOSS, float(run.losses[-1])),
            "max_abs_weight": repr(float(np.max(np.abs(run.weights)))), "band_low": repr(low), "band_high": repr(high),
            "band_gap": repr(bands["gap"]), "band_window": [start, iterations - 1], "loss_plateau_start": plateau, "final_lr": repr(float(run.lrs[-1])), "loss_increases": run.increases,
            "note": f"short run of {iterations} iterations (set iterations=6000 for the printed length, ~10-20 s); bands = mean "
                    "||w_k||_1 over even and over odd k in band_window (the loss plateau, at most 1000 iterations); the "
                    "full-run numbers below were measured by benchmarks/bench_kumar_experiments.py",
            "full_run": {"final_loss": full["final_loss"], "final_max_abs_weight": repr(full["final_max_abs_weight"]),
                         "bands": {k: repr(v) for k, v in ke.parity_bands(full["last_1000_one_norms"]).items()},
                         "plateau_start": full["plateau_start"], "final_lr": repr(full["final_lr"]), "increases": full["increases"]}}


def _extra() -> dict[str, Any]:
    full, d = full_run(), decomposition()
    sums = ke.squared_sum_variants(np.square(np.maximum(_data()[0] @ final_weights(), 0.0) - _data()[1]))
    return {"paper": {"final_loss": repr(PRINTED_LOSS)},
            "ours_benchmark": {k: full[k] for k in ("final_loss", "plateau_start", "increases", "final_lr", "final_max_abs_weight",
                                                     "last_1000_excess_ulps", "variants", "seconds")},
            "f_star_exact_nearest_double": repr(float(d["f_star"])), "f_star_ulps_above_that_double": float((d["f_star"] - Fraction(float(d["f_star"]))) / Fraction(ULP)),
            "final_loss_in_other_summation_orders": {k: f"{v!r} ({ke.ulp_distance(PRINTED_LOSS, v):+d} ulp from printed)" for k, v in sums.items()},
            "bands": ke.parity_bands(full["last_1000_one_norms"]),
            # the numbers the notes quote, computed here (never typed)
            "loss_increases": full["increases"], "first_losses_count": len(full["first_losses"]),
            "first_losses_peak": f"{max(float(v) for v in full['first_losses']):.1e}",
            "last_one_norm_max": f"{max(full['last_1000_one_norms']):.1e}",
            "printed_ulps": ke.ulp_distance(float(d["f_star"]), PRINTED_LOSS),
            "our_ulps": ke.ulp_distance(float(d["f_star"]), float(full["final_loss"]))}


def figures(outdir: Path) -> list[Path]:
    r"""Last 1000 iterations: one-norm by parity, and the float loss vs the real excess, in ulps of ||y||^2."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    full = full_run()
    ks = np.arange(5000, 6000)
    norms, excess = np.array(full["last_1000_one_norms"]), np.array(full["last_1000_excess_ulps_series"])
    fig, (a1, a2) = plt.subplots(2, figsize=(7, 5), sharex=True)
    a1.plot(ks[0::2], norms[0::2], ".", ms=2, label="even k"), a1.plot(ks[1::2], norms[1::2], ".", ms=2, label="odd k")
    a1.set_ylabel(r"$\|w_k\|_1$"), a1.legend(), a1.set_title("A.1.5 rerun (numpy), last 1000 of 6000 iterations")
    gap = float((Fraction(float(full["final_loss"])) - decomposition()["f_star"]) / Fraction(ULP))
    a2.plot(ks, excess, ".", ms=2, label=r"real $f(w_k)-\|y\|^2$"), a2.axhline(gap, color="k", label="float loss $-\\|y\\|^2$")
    a2.set_ylabel("ulps of $\\|y\\|^2$ ($2^{-40}$)"), a2.set_xlabel("k"), a2.legend()
    path = Path(outdir) / "kumar_experiment_capture.pdf"
    fig.tight_layout(), fig.savefig(path), plt.close(fig)
    return [path]


def theorem() -> Claim:
    r"""App. A.1.3 read against a rerun of the A.1.5 code."""
    return Claim(
        id=ID, paper="kumar", label="Experiment A.1.5", section="A.1.3-A.1.5", title="Monotone loss without capture: the rerun",
        statement=r"With the adaptive rule the loss is monotone and identically $4461.786221675728$ over the last 1000 iterations, "
                  r"while $\|w_k\|_1$ oscillates in two distinct bands; this is not a finite-precision effect, not a function of the "
                  r"step size, and violates the capture behaviour of Prop. A.1.",
        reference="Kumar, App. A.1.3 (Figure 1), A.1.5 code", steps=_steps(),
        assumptions=[Assumption("A1", "y <= 0", r"y \le 0", necessity=Necessity("necessary",
                                "With y > 0 the loss decreases away from w = 0, so 0 is not the minimizer the run is measured against.",
                                Check(label="zero_not_minimizer_for_positive_y", printed=False, latex=r"y>0:\ f(td)<f(0)",
                                      run_check=_a1_necessity, wrong_versions=[lambda: _a1_necessity(1)])))],
        parameters=[Parameter("iterations", "integer", 600, "iterations of the rerun (6000 as printed)")],
        derive=_derive, extra=_extra, figures=figures,
        repaired_statement=r"The rerun (final loss within 1 ulp of the printed value) ends next to the unique minimizer $w=0$ "
                           r"(the $\ell_1$ distance and the excess loss are computed in the review's details). The float loss is "
                           r"constant because the real loss $f(w_k)$, a few ulp above $\|y\|^2$, moves by less than one ulp; the step "
                           r"froze at a tiny value because the rule cannot see sub-ulp "
                           r"increases, the band's width is proportional to that step, and with the loss resolved the step and "
                           r"$\|w_k\|_1$ keep shrinking. $f$ is not $C^1$ at its minimizer, so Prop. A.1 makes no prediction.",
        notes=["Initial weights: torch's mt19937 stream rebuilt from NumPy's legacy generator (same init_genrand(42)); "
               "not compared bit for bit with torch (not installed). Changing them (numpy seed 7) or the matvec order "
               "leaves the final loss unchanged (benchmark).",
               "The printed rule decays the step twice per loss increase (the same test appears twice); the loss rose "
               "{loss_increases} times before the plateau (the first {first_losses_count} losses peak at {first_losses_peak}), "
               "so the rule does not 'ensure a monotone loss'.",
               "The iterates end within {last_one_norm_max} (l1) of the unique minimizer w = 0; the printed loss is "
               "||y||^2 + {printed_ulps} ulp; ours is ||y||^2 + {our_ulps} ulp, the correctly rounded value of our iterate's loss."])
