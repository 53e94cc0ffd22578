r"""numeric.optimizers: the float64 runs of PyTorch's formulas against the exact (mpmath) trajectories,
and Adam's bias-corrected first step by hand (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest
from flint import arb

from numeric import optimizers as no

BETA0 = [0.3, -0.7, 1.1]
ALPHA, LAM, GAMMA, BETA1, EPS = 0.05, 0.5, 0.9, 0.8, 0.01


def _close(exact, floats):
    assert np.allclose([float(b) for b in exact], floats, rtol=1e-12, atol=0)


def test_float_rmsprop_follows_the_exact_pytorch_trajectory():
    exact = no.rmsprop_trajectory(BETA0, ALPHA, LAM, GAMMA, EPS, 6, convention="pytorch")[-1][0]
    final, _ = no.float_run(np.array(BETA0), "rmsprop", alpha=ALPHA, lam=LAM, steps=6, dtype=np.float64,
                            gamma=GAMMA, eps=EPS)
    _close(exact, final)


def test_float_adam_follows_the_exact_pytorch_trajectory():
    exact = no.adam_trajectory(BETA0, ALPHA, LAM, BETA1, GAMMA, EPS, 6, convention="pytorch")[-1].beta
    final, _ = no.float_run(np.array(BETA0), "adam", alpha=ALPHA, lam=LAM, steps=6, dtype=np.float64,
                            gamma=GAMMA, beta1=BETA1, eps=EPS)
    _close(exact, final)


@pytest.mark.parametrize("convention", ["paper", "pytorch"])
def test_adam_first_step_by_hand(convention):
    # m = (1 - b1) lam, v = (1 - g) lam^2.  pytorch: m/(1-b1) = lam and sqrt(v/(1-g)) = lam, so the step is
    # alpha lam/(lam + eps); paper: alpha (1 - b1) lam / sqrt((1 - g) lam^2 + eps)
    a, l, b1, g, e = Fraction(1, 10), Fraction(2), Fraction(4, 5), Fraction(9, 10), Fraction(1, 2)
    step = no.adam_trajectory([1], a, l, b1, g, e, 1, convention=convention)[1].beta[0]
    with mpmath.workdps(60):
        a, b1, g, e = (mpmath.mpf(q.numerator) / q.denominator for q in (a, b1, g, e))
        want = a * l / (l + e) if convention == "pytorch" else a * (1 - b1) * l / mpmath.sqrt((1 - g) * l * l + e)
        assert abs(step - (1 - want)) < mpmath.mpf(10) ** -50


def test_adam_preimages_do_not_depend_on_lambda_without_epsilon():
    # paper convention with eps = 0: m scales like lambda and sqrt(v) like lambda, so every step, and so
    # the starts that reach 0 at step k, are the same for every lambda > 0
    one = no.adam_preimages_of_zero(3, Fraction(1, 10), 1, Fraction(4, 5), Fraction(9, 10), 0)
    two = no.adam_preimages_of_zero(3, Fraction(1, 10), 2, Fraction(4, 5), Fraction(9, 10), 0)
    assert one[1] == two[1] == 0 and len(one[0]) == len(two[0]) == 4
    assert all(abs(a - b) < 1e-30 for a, b in zip(one[0], two[0]))


def test_rmsprop_preimages_include_the_endpoints_of_the_interval():
    # alpha = 1/2, lambda = 1, gamma = 3/4, eps = 0: the step is a / sqrt(1 - gamma) = 1 exactly, so the step-1
    # preimages of 0 are +-1, which lie in the closed interval [-1, 1] (bound = 1) and not in [-1/2, 1/2]
    points = no.rmsprop_preimages_of_zero(1, Fraction(1, 2), 1, Fraction(3, 4), 0, bound=1)
    assert sorted(p.str(5, radius=False) for p in points) == ["-1.0000", "1.0000"]
    assert no.rmsprop_preimages_of_zero(1, Fraction(1, 2), 1, Fraction(3, 4), 0, bound=Fraction(1, 2)) == []


# --- exact runs by hand, their edges and refusals (written against the mutation benchmark) ---

F = Fraction


def test_sign_of_arb_balls_and_at_zero():
    from flint import arb

    assert no.sign(arb(-2)) == -1 and no.sign(arb(3)) == 1
    assert no.sign(arb(0), at_zero=-1) == -1 and no.sign(arb(0)) == 0
    with pytest.raises(ArithmeticError, match="undecided"):  # a ball around 0 that is not exactly 0
        no.sign(arb("0 +/- 0.001"))
    assert no.sign(F(-1, 3), at_zero=1) == -1 and no.sign(F(1, 3), at_zero=-1) == 1 and no.sign(0, at_zero=-1) == -1


def test_ndgm_uses_the_subgradient_chosen_at_zero():
    # from 0 with sign(0) = 1 and alpha lam = 1/2: 0, -1/2, 0, -1/2; with sign(0) = 0 it stays at 0
    assert no.ndgm_trajectory([F(0)], F(1, 4), 2, 3, at_zero=1) == [[0], [F(-1, 2)], [0], [F(-1, 2)]]
    assert no.ndgm_trajectory([F(0), F(1, 2)], F(1, 4), 2, 1) == [[0, F(1, 2)], [0, 0]]


def test_ndgm_first_zero_counts_steps_up_to_and_including_max_steps():
    # 1/2 -> 1/4 -> 0 with alpha lam = 1/4: zero at step 2, found when max_steps = 2, not when 1; a zero start is step 0
    assert no.ndgm_first_zero(F(1, 2), F(1, 4), 1, 2) == 2
    assert no.ndgm_first_zero(F(1, 2), F(1, 4), 1, 1) is None
    assert no.ndgm_first_zero(F(0), F(1, 4), 1, 0) == 0
    assert no.ndgm_first_zero(F(-1, 2), F(1, 8), 2, 5) == 2


def test_ndgm_cycle_by_hand():
    # step 1/10: coordinate 1 is inside (-1/10, 1/10) at once, coordinate 0 (7/20, 5/20, 3/20, 1/20) at step 3
    c = no.ndgm_cycle([F(7, 20), F(-1, 20)], F(1, 10), 1)
    assert (c.K, c.entry_steps, c.first, c.second) == (3, (3, 0), (F(1, 20), F(1, 20)), (F(-1, 20), F(-1, 20)))
    assert no.ndgm_cycle([F(7, 20)], F(1, 10), 1, max_steps=3).K == 3  # the last allowed step still counts
    with pytest.raises(ArithmeticError, match="no 2-cycle"):
        no.ndgm_cycle([F(7, 20)], F(1, 10), 1, max_steps=2)
    # |x| = alpha lam is not inside the open interval: 3/20 enters at step 1 (1/20), not at step 0
    c = no.ndgm_cycle([F(3, 20), F(1, 10) + F(1, 40)], F(1, 10), 1)
    assert c.entry_steps == (1, 1) and c.first == (F(1, 20), F(1, 40))
    with pytest.raises(ArithmeticError, match="exactly 0 at step 2"):
        no.ndgm_cycle([F(1, 5)], F(1, 10), 1)
    with pytest.raises(ArithmeticError, match="step 0"):
        no.ndgm_cycle([F(1, 5), F(0)], F(1, 10), 1)


def test_momentum_with_a_given_previous_iterate_and_sign_at_zero():
    # 1 - 1/10 + (1/2)(1 - 2) = 2/5
    assert no.momentum_trajectory([F(1)], F(1, 10), 1, F(1, 2), 1, beta_prev=[F(2)]) == [[1], [F(2, 5)]]
    assert no.momentum_trajectory([F(0)], F(1, 10), 1, 0, 1, at_zero=1) == [[0], [F(-1, 10)]]


def test_pytorch_momentum_buffer_by_hand():
    # g = 2: buf = 2, p = 1 - 1/5 = 4/5; buf = 1 + 2 = 3, p = 4/5 - 3/10 = 1/2
    assert no.pytorch_momentum_trajectory([F(1)], F(1, 10), 2, F(1, 2), 2) == [[1], [F(4, 5)], [F(1, 2)]]


def test_exact_square_roots_and_their_refusal():
    assert no._exact_sqrt(F(9, 4)) == F(3, 2)
    with pytest.raises(ArithmeticError, match="not a perfect square"):
        no._exact_sqrt(F(2))
    with pytest.raises(ArithmeticError):
        no._exact_sqrt(F(1, 2))


@pytest.mark.parametrize("convention, want", [("paper", F(9, 10)), ("pytorch", F(23, 25))])
def test_rmsprop_first_step_exactly(convention, want):
    # gamma = 3/4, eps = 3/4: v = 1/4; paper sqrt(1/4 + 3/4) = 1, pytorch sqrt(1/4) + 3/4 = 5/4
    run = no.rmsprop_trajectory([F(1)], F(1, 10), 1, F(3, 4), F(3, 4), 1, convention=convention, backend="fraction")
    assert run == [([1], [0]), ([want], [F(1, 4)])]
    arb_run = no.rmsprop_trajectory([F(1)], F(1, 10), 1, F(3, 4), F(3, 4), 1, convention=convention, backend="arb")
    from flint import arb, ctx
    with ctx.workdps(60):
        assert arb_run[1][0][0].contains(arb(want.numerator) / want.denominator)
    mp_run = no.rmsprop_trajectory([F(1)], F(1, 10), 1, F(3, 4), F(3, 4), 1, convention=convention)
    with mpmath.workdps(60):
        assert abs(mp_run[1][0][0] - mpmath.mpf(want.numerator) / want.denominator) < mpmath.mpf(10) ** -50


def test_rmsprop_from_zero_steps_by_the_sign_at_zero():
    run = no.rmsprop_trajectory([F(0)], F(1, 10), 1, F(3, 4), 0, 1, backend="fraction", at_zero=1)
    assert run[1] == ([F(-1, 5)], [F(1, 4)])  # v = 1/4, step (1/10)/(1/2)


def test_rmsprop_preimages_two_steps_back():
    # alpha = 1/2, gamma = 3/4, eps = 0: steps 1 and 2/sqrt(7); starts +-(1 + 2/sqrt 7) and +-(1 - 2/sqrt 7)
    inner = 1 - 2 / mpmath.sqrt(7)
    outer = 1 + 2 / mpmath.sqrt(7)
    near = sorted(float(p.mid()) for p in no.rmsprop_preimages_of_zero(2, F(1, 2), 1, F(3, 4), 0))
    assert near == pytest.approx([-float(inner), float(inner)], rel=1e-14)
    wide = sorted(float(p.mid()) for p in no.rmsprop_preimages_of_zero(2, F(1, 2), 1, F(3, 4), 0, bound=2))
    assert wide == pytest.approx([-float(outer), -float(inner), float(inner), float(outer)], rel=1e-14)
    # pytorch: step a l/(sqrt((1 - g) l^2) + eps) = (1/2)/(1/2 + 1/2) = 1/2
    pts = no.rmsprop_preimages_of_zero(1, F(1, 2), 1, F(3, 4), F(1, 2), convention="pytorch")
    assert sorted(float(p.mid()) for p in pts) == [-0.5, 0.5]


def test_adam_pytorch_convention_steps_alpha_while_the_sign_holds():
    # b1 = 1/2, gamma = 3/4, eps = 0: m_hat = v_hat = 1 while the sign is +, so each step is alpha = 1/10
    run = no.adam_trajectory([F(1)], F(1, 10), 1, F(1, 2), F(3, 4), 0, 2, convention="pytorch", backend="fraction")
    assert [s.beta for s in run] == [[1], [F(9, 10)], [F(4, 5)]]
    assert (run[2].m, run[2].v) == ([F(3, 4)], [F(7, 16)])
    eps = no.adam_trajectory([F(1)], F(1, 10), 1, F(1, 2), F(3, 4), F(1, 4), 1, convention="pytorch", backend="fraction")
    assert eps[1].beta == [F(23, 25)]  # (1/10)/(1 + 1/4)


def test_adam_from_a_given_state_and_from_zero():
    # m0 = 0, v0 = 5: m = 1/2, v = 15/4 + 1/4 = 4, step (1/10)(1/2)/2 = 1/40
    run = no.adam_trajectory([F(1)], F(1, 10), 1, F(1, 2), F(3, 4), 0, 1, backend="fraction", m0=[0], v0=[5])
    assert (run[1].beta, run[1].m, run[1].v) == ([F(39, 40)], [F(1, 2)], [4])
    run = no.adam_trajectory([F(0)], F(1, 10), 1, F(1, 2), F(3, 4), 0, 1, backend="fraction", at_zero=-1)
    assert run[1].beta == [F(1, 10)]


def test_adam_pytorch_preimages_two_steps_back():
    # alpha = 1/10, b1 = 1/2, gamma = 3/4, eps = 0: patterns (+,+) and (+,-) start at 1/5 and 1/10 - 1/30 = 1/15
    pts, undecided = no.adam_preimages_of_zero(2, F(1, 10), 1, F(1, 2), F(3, 4), 0, convention="pytorch")
    assert [float(p.mid()) for p in pts] == pytest.approx([1 / 5, 1 / 15, -1 / 15, -1 / 5], rel=1e-14)
    assert undecided == 0
    pts, _ = no.adam_preimages_of_zero(2, F(1, 10), 1, F(1, 2), F(3, 4), 0, convention="pytorch", bound=F(1, 10))
    assert [float(p.mid()) for p in pts] == pytest.approx([1 / 15, -1 / 15], rel=1e-14)


def test_float_runs_of_each_optimizer_by_hand():
    f64 = np.float64
    b, z = no.float_run(np.array([0.5, 0.3]), "sgd", alpha=0.25, lam=1.0, steps=3, dtype=f64)
    assert b[0] == 0 and b[1] == pytest.approx(0.05) and z.tolist() == [True, False]  # 0.3, 0.05, -0.2, 0.05
    b, _ = no.float_run(np.array([1.0]), "momentum", alpha=0.25, lam=1.0, steps=2, dtype=f64, mu=0.5)
    assert b.tolist() == [0.375]  # buf 1 then 1.5
    b, _ = no.float_run(np.array([1.5]), "rmsprop", alpha=0.5, lam=1.0, steps=1, dtype=f64, gamma=0.75, eps=0.0)
    assert b.tolist() == [0.5]  # v = 1/4, step 0.5/0.5
    b, _ = no.float_run(np.array([1.0]), "adam", alpha=0.25, lam=1.0, steps=2, dtype=f64, beta1=0.5, gamma=0.75, eps=0.0)
    assert b.tolist() == pytest.approx([0.5], rel=1e-15)  # bias-corrected: two steps of alpha
    b, _ = no.float_run(np.array([1.0]), "sgd", alpha=0.25, lam=1.0, steps=1)
    assert b.dtype == np.float32


def test_float_l1_history_by_hand():
    hist = no.float_l1_history(np.array([0.5, -0.25]), "sgd", alpha=0.25, lam=1.0, steps=2)
    assert hist.tolist() == [0.75, 0.25, 0.0]


def test_zero_entry_frequency_reports_its_settings():
    rec = no.zero_entry_frequency("sgd", n=4, steps=3, alpha=0.01, lam=0.0, dtype=np.float64)
    assert rec == {"optimizer": "sgd", "dtype": "float64", "n": 4, "steps": 3, "alpha": 0.01, "lam": 0.0,
                   "ever_zero": 0, "zero_at_end": 0}
    # the default dtype is float32, and the record names it
    assert no.zero_entry_frequency("sgd", n=3, steps=0, alpha=1.0, lam=1.0)["dtype"] == "float32"


def test_ndgm_cycle_steps_by_alpha_times_lambda_and_runs_long_enough():
    # alpha = 1/20, lambda = 2: the step is 1/10 (not alpha/lambda = 1/40): as in test_ndgm_cycle_by_hand
    c = no.ndgm_cycle([F(7, 20), F(-1, 20)], F(1, 20), 2)
    assert (c.K, c.first, c.second) == (3, (F(1, 20), F(1, 20)), (F(-1, 20), F(-1, 20)))
    # 7/20 + 1/2000 with step 1/1000 needs 350 steps: within the default max_steps
    assert no.ndgm_cycle([F(7, 20) + F(1, 2000)], F(1, 1000), 1).K == 350
    import dataclasses
    with pytest.raises(dataclasses.FrozenInstanceError):  # the cycle is a value
        c.K = 0


def test_momentum_steps_by_alpha_times_lambda():
    # 1 - (1/10)(2) + (1/2)(1 - 2) = 3/10 (not alpha/lambda: 1 - 1/20 - 1/2 = 9/20)
    assert no.momentum_trajectory([F(1)], F(1, 10), 2, F(1, 2), 1, beta_prev=[F(2)]) == [[1], [F(3, 10)]]


def test_rmsprop_and_adam_leave_a_zero_start_at_zero_by_default():
    # sign(0) = 0 (PyTorch's choice): no gradient, no moment, no step
    run = no.rmsprop_trajectory([F(0)], F(1, 10), 1, F(3, 4), F(1, 4), 2, backend="fraction")
    assert run[-1] == ([0], [0])
    state = no.adam_trajectory([F(0)], F(1, 10), 1, F(1, 2), F(3, 4), F(1, 4), 2, backend="fraction")[-1]
    assert (state.beta, state.m, state.v) == ([0], [0], [0])
    import dataclasses
    with pytest.raises(dataclasses.FrozenInstanceError):  # a state is a value
        state.beta = [1]


def test_rmsprop_preimages_scale_with_lambda_under_pytorch():
    # pytorch, lambda = 2: step a l/(sqrt((1 - g) l^2) + eps) = (1/2)(2)/((1/2)(2) + 1/2) = 2/3
    pts = no.rmsprop_preimages_of_zero(1, F(1, 2), 2, F(3, 4), F(1, 2), convention="pytorch")
    assert sorted(float(p.mid()) for p in pts) == pytest.approx([-2 / 3, 2 / 3], rel=1e-14)


def test_adam_preimages_with_epsilon_lambda_and_an_exact_bound():
    # k = 1, b1 = 1/2, gamma = 3/4. pytorch: step a l/(l + eps); alpha = 1/8, lambda = 1, eps = 1/4: 1/10;
    # lambda = 2: (1/8)(2)/(9/4) = 1/9. paper: a (1 - b1) l/sqrt((1 - g) l^2 + eps) = (1/16)/sqrt(1) with eps = 3/4
    def starts(*args, **kw):
        pts, undecided = no.adam_preimages_of_zero(1, F(1, 8), *args, **kw)
        assert undecided == 0
        return [float(p.mid()) for p in pts]
    assert starts(1, F(1, 2), F(3, 4), F(1, 4), convention="pytorch") == pytest.approx([0.1, -0.1], rel=1e-14)
    assert starts(2, F(1, 2), F(3, 4), F(1, 4), convention="pytorch") == pytest.approx([1 / 9, -1 / 9], rel=1e-14)
    assert starts(1, F(1, 2), F(3, 4), F(3, 4)) == [1 / 16, -1 / 16]
    # eps = 0: the start 1/8 is exact and lies on the closed bound 1/8
    assert starts(1, F(1, 2), F(3, 4), 0, convention="pytorch", bound=F(1, 8)) == [1 / 8, -1 / 8]


# --- first zeros only, undecided patterns, the defaults (written against the mutation benchmark) ---


def test_rmsprop_preimages_exclude_starts_that_reach_zero_earlier():
    # gamma = 0, eps = 0: every step is alpha = 1/4. Of the candidates 3/4 and 3/4 - 2/4 = 1/4 three steps back, 1/4
    # is at 0 after one step, not first at step 3 (its step 1/4 - 1/4 - 1/2 != 0 rejects it): only +-3/4
    points = no.rmsprop_preimages_of_zero(3, F(1, 4), 1, 0, 0)
    assert [p.str(5, radius=False) for p in points] == ["0.75000", "-0.75000"]


def test_adam_preimages_count_the_patterns_they_cannot_decide():
    # b1 = 0, gamma = 0: each step is alpha lam sign / sqrt(lam^2 + eps) = c sign. eps = 3: c = 1/8 exactly; a pattern
    # that passes through 0 earlier stops there exactly (signs 0) and is dropped: starts +-3/8, nothing undecided
    assert no.adam_preimages_of_zero(3, F(1, 4), 1, 0, 0, 3) == ([3 * arb(1) / 8, -3 * arb(1) / 8], 0)
    # eps = 1: c = 1/(4 sqrt 2) is irrational.  Six patterns start at +-c: (-1, 1, 1) and (1, -1, -1) are refuted by
    # their first sign (sign(c) = 1), and the 4 others follow their pattern until the run meets a ball around 0 at
    # step 2: undecided, counted once each; the starts are +-3c
    points, undecided = no.adam_preimages_of_zero(3, F(1, 4), 1, 0, 0, 1)
    assert undecided == 4
    assert [float(p.mid()) for p in points] == pytest.approx([3 / (4 * 2 ** 0.5), -3 / (4 * 2 ** 0.5)], rel=1e-14)


def test_adam_preimages_default_bound_is_1():
    # b1 = 0, gamma = 0, eps = 0: one step of alpha = 3/2, outside [-1, 1] unless the bound is widened
    assert no.adam_preimages_of_zero(1, F(3, 2), 1, 0, 0, 0) == ([], 0)
    assert no.adam_preimages_of_zero(1, F(3, 2), 1, 0, 0, 0, bound=2)[0] == [3 * arb(1) / 2, -3 * arb(1) / 2]


def test_momentum_two_steps_and_a_zero_start_by_default():
    # 1 -> 1 - 1/10 = 9/10 -> 9/10 - 1/10 + (1/2)(9/10 - 1) = 3/4; from 0 with sign(0) = 0 nothing moves
    assert no.momentum_trajectory([F(1)], F(1, 10), 1, F(1, 2), 2) == [[1], [F(9, 10)], [F(3, 4)]]
    assert no.momentum_trajectory([F(0)], F(1, 10), 1, F(1, 2), 2) == [[0], [0], [0]]


def test_float_runs_use_pytorch_default_hyperparameters():
    f64 = np.float64
    b, _ = no.float_run(np.array([1.0]), "momentum", alpha=0.25, lam=1.0, steps=2, dtype=f64)
    assert b.tolist() == pytest.approx([0.275], rel=1e-15)  # mu = 0.9: buf 1, then 1.9
    b, _ = no.float_run(np.array([1.0]), "rmsprop", alpha=0.25, lam=1.0, steps=1, dtype=f64)
    assert b.tolist() == pytest.approx([1 - 0.25 / (0.1 + 1e-8)], rel=1e-15)  # gamma = 0.99, eps = 1e-8
    b, z = no.float_run(np.array([0.0, 1.0]), "sgd", alpha=0.25, lam=1.0, steps=0, dtype=f64)
    assert b.tolist() == [0.0, 1.0] and z.tolist() == [True, False]  # a zero start counts as ever zero


def test_adam_preimages_with_a_small_lambda_and_the_default_precision():
    # b1 = 0, gamma = 0, eps = 0, lambda = 1/4: m = lam sign, v = lam^2, each step alpha sign = 1/4, whatever lambda:
    # (+, +) starts at 1/2 and (-, -) at -1/2; (+, -) and (-, +) start at 0 and are not kept
    assert no.adam_preimages_of_zero(2, F(1, 4), F(1, 4), 0, 0, 0)[0] == [arb(1) / 2, -arb(1) / 2]
    # eps = 1: the start 1/(4 sqrt 2) is an inexact ball computed at 200 bits unless asked otherwise
    rad = lambda **kw: no.adam_preimages_of_zero(1, F(1, 4), 1, 0, 0, 1, **kw)[0][0].rad()  # noqa: E731
    assert rad() == rad(prec=200) != rad(prec=201)


def test_float_adam_default_first_moment_decay_is_0_9():
    # from 0.1, alpha = 1/4: m_hat = v_hat = 1, the first step is alpha/(1 + eps); then the gradient is -1:
    # m = 0.9 (0.1) - 0.1 = -0.01, m_hat = -0.01/0.19 = -1/19, v_hat = 1: the second step is -(1/4)/(19 (1 + eps))
    b, _ = no.float_run(np.array([0.1]), "adam", alpha=0.25, lam=1.0, steps=2, dtype=np.float64)
    assert b.tolist() == pytest.approx([0.1 - 0.25 / (1 + 1e-8) + 0.25 / (19 * (1 + 1e-8))], rel=1e-12)


def test_a_start_at_zero_decides_against_its_pattern_at_eps_0_instead_of_counting_as_undecided():
    # beta1 = gamma = eps = 0, alpha = 1/4, lambda = 1: every step is s_j / 4.  Patterns (1, 1) and (-1, -1) start at
    # +-1/2 and reach 0 at step 2; (1, -1) and (-1, 1) start at 0 itself, where sign(0) = 0 already fails the pattern.
    # The forward run used to go on to 0 / sqrt(0 + 0), a NaN ball, and count those two patterns as undecided.
    points, undecided = no.adam_preimages_of_zero(2, Fraction(1, 4), 1, 0, 0, 0)
    assert [p.is_exact() and float(p) for p in points] == [0.5, -0.5] and undecided == 0
