r"""Kumar Prop. 5.1 (written against the mutation benchmark): the run on f = |y| + H(x, y) at the edge x = 0 of
H's perspective, where the ratio y/x that picks the gradient is not defined."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs.kumar.prop_5_1 import (_abs_run, _bound_on_witness, _last_iterate_exceeds_best_bound, _lemma_last_iterate,
                                    _lemma_last_iterate_wrong, _no_minimizer_witness, _ray_run)


def test_the_ray_run_starts_at_x_0_with_the_subgradient_sign_y():
    r"""At x = 0, H(0, y) = sup_{|s|<=1} s y = |y|, attained at s = sign(y): the run takes s = ±1 there instead of
    dividing y by x = 0.  From (0, 0.3), alpha = 1/2: f = 2|y| = 0.6, then x = alpha s^2/2 = 0.25 and
    y = 0.3 - alpha (1 + 1) = -0.7 (so s = clip(-0.7/0.25) = -1 and f = 0.7 + 0.7 - 0.125 = 1.275)."""
    for y0 in (0.3, -0.3):  # the sign of y only flips s; x and f are the same
        xs, fs = _ray_run(0.5, steps=1, x0=0.0, y0=y0)  # iterates 0 and 1
        assert xs == [0.0, 0.25] and fs == [0.6, 1.275]


def test_a_start_on_the_minimizer_ray_is_a_fixed_point():
    r"""On X* = {(x, 0): x > 0} the gradient is (-s^2/2, sign(y) + s) with s = clip(0/x) = 0 and sign(0) = 0:
    GD stays put with f = 0.  Taking sign(0) = 1 (y >= 0) would push y to -alpha and leave the minimum."""
    xs, fs = _ray_run(0.5, steps=2, x0=1.0, y0=0.0)  # iterates 0, 1 and 2
    assert xs == [1.0, 1.0, 1.0] and fs == [0.0, 0.0, 0.0]


def test_a_stalled_linear_run_is_no_witness_of_a_missing_minimizer():
    r"""f = -beta with alpha = 0 never moves (every loss 0): the losses do fall by alpha = 0 per step, but that is
    no descent to -oo, so the check that the printed step presupposes a minimizer must not fire (ok, no
    counterexample): the guard alpha > 0 is strict."""
    result = _no_minimizer_witness(Fraction(0))
    assert result.ok and result.counterexample is None and result.values["last"] == 0


def test_the_linear_run_reports_its_last_loss_at_k_steps_minus_1():
    r"""f = -beta from 0, alpha = 1/10, 5 iterates (k = 0..4): f(beta^(4)) = -4/10, named with k = 4."""
    result = _no_minimizer_witness(Fraction(1, 10), steps=5)
    assert not result.ok and result.counterexample
    assert result.values["last"] == sp.Rational(-2, 5) and result.values["k_last"] == 4
    assert "f(beta^(4)) = -2/5" in result.detail


def test_the_best_iterate_level_fails_on_the_abs_witness_at_the_first_iterate():
    r"""The wrong version of ``last_iterate_bound_on_witness``: the level alpha G^2/2 = 1/20 is broken already by
    f(beta^(0)) = 999/1000 (the largest loss of the run), with no scope (nothing is proved on a scope)."""
    result = _bound_on_witness("best")
    assert not result.ok and result.counterexample and result.scope is None
    assert result.values == {"worst": sp.Rational(999, 1000), "bound": sp.Rational(1, 20)}


def test_a_run_that_reaches_the_minimizer_is_no_counterexample_to_hence():
    r"""f = |beta| from 1 with alpha = 1/4 reaches 0 exactly and stays (sign(0) = 0): the 'cycle' is 0, 0, whose loss
    0 is below alpha/2 = 1/8, so the "hence" check must hold there (no counterexample)."""
    result = _last_iterate_exceeds_best_bound(Fraction(1, 4), Fraction(1))
    assert result.ok and result.counterexample is None
    assert result.values["top"] == 0 and result.values["bound"] == sp.Rational(1, 8)


def test_a_cycle_exactly_at_the_level_is_no_counterexample_to_hence():
    r"""From 1/20 with alpha = 1/10 the run is the 2-cycle +-1/20: its loss equals alpha G^2/2 = 1/20, which the
    bound (<=) allows, so only a cycle strictly above the level refutes "hence"."""
    result = _last_iterate_exceeds_best_bound(Fraction(1, 10), Fraction(1, 20))
    assert result.ok and result.values["top"] == result.values["bound"] == sp.Rational(1, 20)
    refuted = _last_iterate_exceeds_best_bound()  # the defaults: 99/1000 at every other step, 1.98 x 1/20
    assert not refuted.ok and refuted.values["top"] == sp.Rational(99, 1000)


def test_the_abs_run_steps_by_alpha_towards_0_and_stays_there():
    r"""The subgradient method on |beta| (sign(0) = 0): steps + 1 iterates, each alpha closer to 0 until it
    jumps over (then a 2-cycle), or reaches 0 exactly and stays."""
    assert _abs_run(Fraction(1, 4), Fraction(1, 10), 4) == [Fraction(1, 4), Fraction(3, 20), Fraction(1, 20),
                                                             Fraction(-1, 20), Fraction(1, 20)]
    assert _abs_run(Fraction(-3, 10), Fraction(1, 10), 5) == [Fraction(-3, 10), Fraction(-1, 5), Fraction(-1, 10), 0, 0, 0]



def _abs_steps(alpha, G, beta, steps, g0=0):
    r"""(d_k, d_(k+1), Delta_k) along the subgradient method on f = G|beta| (X* = {0}, f* = 0), the subgradient at 0
    being ``g0`` (any of [-G, G])."""
    out = []
    for _ in range(steps):
        g = G * ((beta > 0) - (beta < 0)) if beta else g0
        nxt = beta - alpha * g
        out.append((abs(beta), abs(nxt), G * abs(beta)))
        beta = nxt
    return out


def _lemma_facts():
    r"""Values of (alpha, G, d, d_next, D, Delta, M) that are facts of exact runs: on f = G|beta| (X* = {0},
    D = alpha G/2, M = max(d_0, D + alpha G)) and on f = 0 (X* = R, D = 0, every step 0), many at the edge of a
    hypothesis (Delta = G d, the one-step inequality with equality, d = D on the edge of S, d = 0 at a minimizer, a
    step from 0 with the subgradient G moving alpha G away, M = D + alpha G, d_0 = M)."""
    quarter, half = Fraction(1, 4), Fraction(1, 2)
    runs = [(Fraction(1, 3), Fraction(2), Fraction(7, 5), _abs_steps(Fraction(1, 3), 2, Fraction(7, 5), 6)),
            (quarter, half, Fraction(7, 16), _abs_steps(quarter, half, Fraction(7, 16), 6)),  # d = D = 1/16 at k = 3
            (quarter, half, Fraction(-3, 8), _abs_steps(quarter, half, Fraction(-3, 8), 5)),  # 0 from k = 3 on
            (quarter, half, Fraction(1, 16), _abs_steps(quarter, half, Fraction(1, 16), 3)),  # M = D + alpha G
            (quarter, half, Fraction(0), _abs_steps(quarter, half, Fraction(0), 2, g0=half))]  # from 0 with g = G
    facts = [dict(alpha=a, G=G, d=d, d_next=dn, D=a * G / 2, Delta=Df, M=max(abs(b0), a * G / 2 + a * G))
             for a, G, b0, steps in runs for d, dn, Df in steps]
    return facts + [dict(alpha=quarter, G=half, d=0, d_next=0, D=0, Delta=0, M=quarter * half)]  # f = 0


def _recorded_assertions(monkeypatch, lemma):
    import z3
    added = []

    class Recording(z3.Solver):
        def add(self, *args):
            added.extend(args)
            return super().add(*args)
    monkeypatch.setattr(z3, "Solver", Recording)
    return lemma(), added


def _holds(expr, at) -> bool:
    import z3
    pairs = [(z3.Real(name), z3.RealVal(str(Fraction(v)))) for name, v in at.items()]
    return z3.is_true(z3.simplify(z3.substitute(expr, *pairs)))


def test_the_lemmas_hypotheses_are_facts_of_exact_runs(monkeypatch):
    r"""The Z3 lemma of ``last_iterate_bound_bounded_minimizers`` assumes facts about one step of the subgradient
    method; they must be true facts, or Z3 proves something about no run at all.  Every hypothesis holds at every
    step of the exact runs of ``_lemma_facts`` (many with equality), so a hypothesis made stronger than the fact it
    encodes is caught; the conclusion holds there too (the negated goal is false)."""
    result, added = _recorded_assertions(monkeypatch, _lemma_last_iterate)
    assert result.ok
    *hyps, negated_goal = added
    for at in _lemma_facts():
        assert all(_holds(h, at) for h in hyps), at
        assert not _holds(negated_goal, at), at


def test_the_wrong_lemma_is_refuted_by_a_step_of_an_exact_run(monkeypatch):
    r"""The wrong lemma (the iterate's loss obeys the best-iterate level, Delta <= alpha G^2/2) is refuted because
    Z3 finds a model of its hypotheses with Delta > alpha G^2/2.  That model must be a real situation: its
    hypotheses are facts of every step of ``_lemma_facts``, and the steps of f = |beta|/2 (alpha = 1/4) from 7/16,
    5/16 and 3/16 (Delta = 3/32 just above alpha G^2/2 = 1/32) satisfy all of it."""
    result, added = _recorded_assertions(monkeypatch, _lemma_last_iterate_wrong)
    assert not result.ok
    *hyps, above_level = added
    for at in _lemma_facts():
        assert all(_holds(h, at) for h in hyps), at
    quarter, half = Fraction(1, 4), Fraction(1, 2)
    for d, dn, Df in _abs_steps(quarter, half, Fraction(7, 16), 3):
        at = dict(alpha=quarter, G=half, d=d, d_next=dn, D=quarter * half / 2, Delta=Df, M=Fraction(7, 16))
        assert all(_holds(h, at) for h in added), at


def test_below_the_edge_of_stability_the_huber_losses_do_fall():
    r"""The wrong claim of A4's and ``huber_runs_large_lr``'s wrong versions, "the losses fall from iterate 1000 on",
    is true at half the edge of stability (GD on an L-smooth convex loss with alpha < 2/L): the losses reach the
    float64 floor, where consecutive losses are equal, so the check must accept non-increasing (not only strictly
    falling) losses.  The reported f_best is the smallest loss of the run (~6e-33), not an early one (f(beta^(1)) =
    1.47), and it is not labelled f(beta^(0)), which it is only where the run never goes below its start."""
    import re

    from proofs.kumar.prop_5_1 import _huber_losses_bounded
    result = _huber_losses_bounded(0.5, decreasing=True)
    assert result.ok
    assert float(re.search(r"f_best = ([-+.e0-9]+)$", result.detail)[1]) < 1e-30
    assert "f_best = f(beta^(0)) = 3.055 throughout" in _huber_losses_bounded(20.0).detail


def test_the_smooth_bound_check_bites_a_run_that_does_not_descend():
    # From beta0 = 100 Boyd's bound (R^2 + alpha^2 k)/(2 alpha k) drops below f(beta0) ~ 99 at k = 6, so a run that
    # stays put fails there; the descending run stays within 0.562 of it (at k = 5), not trivially below it.
    from proofs.kumar.prop_5_1 import _smooth_lipschitz_bound

    stalled = _smooth_lipschitz_bound(moves=False)
    assert not stalled.ok and stalled.values == {"k_at": 6}
    run = _smooth_lipschitz_bound()
    assert run.ok and run.detail.endswith("closest at k = 5: f_best/bound = 0.562")


def test_the_one_step_inequality_is_the_gap_of_the_expansion():
    r"""With g.(b - b*) = Delta + e and ||g||^2 = G^2 - c, the expansion's right side is R^2 - 2 alpha (Delta + e)
    + alpha^2 (G^2 - c); its gap below R^2 - 2 alpha Delta + alpha^2 G^2 is 2 alpha e + alpha^2 c (at alpha = 1/2,
    e = 1, c = 4: 1 + 1 = 2).  A gap 2 alpha / e or 3 alpha e is >= 0 as well, but not this decrease."""
    from proofs.kumar.prop_5_1 import D_s, G_s, R_s, _steps, a_s, c_s, e_s

    step = next(s for s in _steps() if s.label == "one_step_inequality")
    gap = (R_s**2 - 2 * a_s * D_s + a_s**2 * G_s**2) - (R_s**2 - 2 * a_s * (D_s + e_s) + a_s**2 * (G_s**2 - c_s))
    assert sp.expand(step.lhs - gap) == 0
    assert step.lhs.subs({a_s: sp.Rational(1, 2), e_s: 1, c_s: 4}) == 2


# ---------------------------------------------------------------- G7 (seeds 871-879): runs and instances by hand


def test_the_huber_instance_is_overparameterized_with_its_minimizer_and_edge_of_stability():
    r"""A small instance (seed 1, N = 2 rows, P = 3 columns): Z, y, beta0 ~ U[-1, 1] (both signs occur), f* = 0 at beta* =
    Z^+ y (Z beta* = y exactly up to rounding), R = ||beta0 - beta*||, G = delta sum_i ||z_i|| (delta = 1) and the
    edge of stability 2/lambda_max(Z^T Z) = 2/||Z||_2^2 (the largest eigenvalue: the smallest is 0 when P > N)."""
    import math

    import numpy as np

    from proofs.kumar.prop_5_1 import huber_instance

    inst = huber_instance(1, N=2, P=3)
    Z, y, b0, star = inst["Z"], inst["y"], inst["beta0"], inst["star"]
    assert Z.shape == (2, 3) and y.shape == (2,) and b0.shape == (3,)
    for values in (Z, y, b0):
        assert np.all(np.abs(values) <= 1) and values.min() < 0 < values.max()
    assert np.allclose(Z @ star, y, rtol=0, atol=1e-14)
    assert math.isclose(inst["R"], math.dist(b0, star), rel_tol=1e-14)
    assert math.isclose(inst["G"], sum(math.hypot(*row) for row in Z.tolist()), rel_tol=1e-14)
    assert math.isclose(inst["eos"] * np.linalg.norm(Z, 2) ** 2, 2, rel_tol=1e-12)


def test_the_quadratic_and_linear_runs_by_hand():
    r"""f = beta^2 from 1: alpha = 3/2 maps beta -> -2 beta, so f = 4^k for k = 0..11 (12 losses); alpha = 1/4 maps
    beta -> beta/2, f = 4^-k.  f = -beta from 0 with alpha = 1/10: beta^(k) = k/10 for k = 0..49."""
    from proofs.kumar.prop_5_1 import _linear_run, _quadratic_run

    assert _quadratic_run({}, Fraction(3, 2)) == [Fraction(4) ** k for k in range(12)]
    assert _quadratic_run({}, Fraction(1, 4)) == [Fraction(1, 4) ** k for k in range(12)]
    assert _linear_run({}, Fraction(1, 10)) == [Fraction(k, 10) for k in range(50)]


def test_the_repaired_bound_on_the_abs_witness_is_attained_at_the_start():
    r"""On f = |beta| (alpha = 1/10, beta0 = 999/1000, D = alpha/2): G max(d_0, D + alpha G) = max(999/1000, 3/20) =
    999/1000, attained by f(beta^(0)) itself, so the check holds with equality (<=, not <); the late iterates cycle
    through 99/1000 and -1/1000, below D + alpha G = 3/20; proved on its one case only."""
    result = _bound_on_witness()
    assert result.ok and result.evidence == "proved-on-scope" and result.counterexample is None
    assert result.values == {"worst": sp.Rational(999, 1000), "bound": sp.Rational(999, 1000)}
    assert result.detail.endswith("late iterates reach 99/1000 (D + alpha G = 3/20)")
    assert result.scope == {"cases": [{"f": "|beta|", "alpha": "1/10", "beta0": "999/1000", "k": "0..40, then periodic"}]}


def test_the_ray_run_check_accepts_growth_exactly_to_its_target_and_the_statement_is_refuted():
    r"""From (1, 0.3) with alpha = 1/2, 20000 steps: x_k never decreases and ends at x_last ~ 10.04 while the loss
    stays <= 0.41.  Read for the iterates the statement fails (with a counterexample and its point); the repair's
    check holds when asked for growth to exactly x_last (>=) and fails, with x_last shown, one float above it."""
    import math

    from proofs.kumar.prop_5_1 import ALPHA, X0, Y0, _iterates_run_off

    statement = _iterates_run_off(statement=True)
    assert not statement.ok and statement.counterexample and statement.values["steps"] == 20000
    assert statement.values["point"] == {ALPHA: 0.5, X0: 1.0, Y0: 0.3}
    x_last = statement.values["x_last"]
    assert 10 < x_last < 10.1 and statement.values["f_max"] < 0.41
    assert statement.detail == f"x_k runs off: x_20000 = {x_last:.4g}, loss <= {statement.values['f_max']:.3g}"
    at_target = _iterates_run_off(x_last)
    assert at_target.ok and at_target.outcomes["float64"] == f"x_20000 = {x_last:.4g}, loss bounded"
    short = _iterates_run_off(math.nextafter(x_last, math.inf))
    assert not short.ok and short.counterexample == r"$x_k$ reaches only ${x_last}$ (float64 run)"


def test_the_huber_run_at_20x_the_edge_reports_its_final_2_cycle():
    r"""At 20 x 2/lambda_max the losses end in a 2-cycle (76.95, 83.00): the detail and the float64 outcome a referee
    reads show the last two losses (iterates 2999 and 3000), not iterates 2 and 1; the maxima of iterates
    1000..1999 and 2000..3000 are the same top of the cycle (no growth). The claim's step runs at this 20 x."""
    from proofs.kumar.prop_5_1 import _steps

    result = next(s for s in _steps() if s.label == "huber_runs_large_lr").run()
    assert result.ok and result.detail.startswith("alpha = 20.0 x 2/lambda_max: ")
    assert "max loss 82.9978 over iterates 1000..1999 and 82.9978 over 2000..3000" in result.detail
    assert "the losses end in a 2-cycle 76.95/83)" in result.detail
    assert result.outcomes["float64"] == "losses bounded: 2-cycle 76.95/83"
    assert result.sample == {"points": 3001, "precision": "float64"}
    (wrong,) = next(s for s in _steps() if s.label == "huber_runs_large_lr").mutants()  # "the losses fall": refused
    assert not wrong.run().ok


def test_the_steps_d1_does_not_print_are_marked_added():
    r"""The review tags each step ``printed`` (in D.1 / §5) or added: the best-iterate witness, the one-step
    expansion and inequality, the repairs and the witness runs are ours.  Rejects flipping any flag."""
    from proofs.kumar.prop_5_1 import _steps

    steps = _steps()
    assert {s.label for s in steps if not s.printed} == {
        "best_iterate_reading_is_vacuous", "bounded_minimizer_set_bounds_sublevel_sets", "boyd_bound_given_minimizer",
        "huber_runs_large_lr", "iterates_run_off_on_a_minimizer_ray", "last_iterate_bound_bounded_minimizers",
        "last_iterate_bound_on_witness", "one_step_expansion", "one_step_inequality"}
    assert len(steps) == 16


def test_the_ray_run_clips_the_ratio_y_over_x_to_plus_minus_1():
    r"""From (1/4, +-0.7) the ratio y/x = +-2.8 is clipped to s = +-1 (the sup over |s| <= 1): f = 0.7 + (0.7 - 1/8) =
    1.275, then x = 1/4 + alpha s^2/2 = 1/2 and y = +-(0.7 - 1/2 * 2) = -+0.3, inside the quadratic piece: f = 0.09 + 0.3
    = 0.39; then s = -+0.6, x = 1/2 + 0.09 = 0.59, y = +-0.5 and f = 0.5 + 0.25/1.18."""
    import pytest

    for y0 in (0.7, -0.7):
        xs, fs = _ray_run(0.5, steps=2, x0=0.25, y0=y0)
        assert xs == pytest.approx([0.25, 0.5, 0.59], abs=1e-15)
        assert fs == pytest.approx([1.275, 0.39, 0.5 + 0.25 / 1.18], abs=1e-15)


def test_the_claims_default_witnesses_by_hand():
    r"""The defaults the claim runs: f = |beta| from 999/1000 with alpha = 1/10 takes 40 steps and ends on the 2-cycle
    99/1000 (k = 39), -1/1000 (k = 40), f_best = 1/1000; f = -beta from 0 with alpha = 1/10: f(beta^(49)) = -49/10."""
    hence = _last_iterate_exceeds_best_bound()
    assert hence.detail == ("f = |beta|, alpha = 1/10, beta0 = 999/1000: 2-cycle 99/1000, -1/1000 (exact, periodic); f_best = "
                            "1/1000 <= alpha G^2/2 = 1/20, but f(beta^(k)) = 99/1000 at every other k, 1.98 x the bound")
    run = _abs_run()
    assert len(run) == 41 and run[:2] == [Fraction(999, 1000), Fraction(899, 1000)]
    assert run[-2:] == [Fraction(99, 1000), Fraction(-1, 1000)]
    linear = _no_minimizer_witness()
    assert linear.values["last"] == sp.Rational(-49, 10) and linear.values["k_last"] == 49
    assert list(linear.values["point"].values()) == [sp.Rational(1, 10), 0]
