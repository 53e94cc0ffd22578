r"""symbolic.optimizers: closed forms against hand values and the numeric mirror (written against the
mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy as sp

from numeric import optimizers as mirror
from symbolic import optimizers as o


def test_ndgm_box_entry_lands_in_the_box():
    # beta0 = 0.4947, alpha lambda = 1/100: K = 49 steps of 1/100 reach 0.0047, inside [0, alpha lambda)
    K, entry = (v.subs({o.alpha: sp.Rational(1, 100), o.lam: 1}) for v in o.ndgm_box_entry(sp.Rational(4947, 10000)))
    assert (K, entry) == (49, sp.Rational(47, 10000))
    K, entry = (v.subs({o.alpha: sp.Rational(1, 4), o.lam: 2}) for v in o.ndgm_box_entry(sp.Rational(-13, 10)))
    assert (K, entry) == (2, sp.Rational(-3, 10))  # -1.3 + 2 * (1/2)


def test_adam_bounce_matches_the_mirror_in_both_conventions():
    # beta^(k) = 0 with moments (m, v): the mirror's Adam started from that state takes the same step.
    # The mirror counts bias correction from step 1, which is step n + 1 of the symbolic bounce at n = 0.
    values = {o.alpha: sp.Rational(1, 10), o.beta1: sp.Rational(4, 5), o.gamma: sp.Rational(9, 10),
              o.eps: sp.Rational(1, 100), o.lam: 2}
    for convention in ("paper", "pytorch"):
        exact = o.adam_bounce(sp.Rational(1, 3), sp.Rational(1, 2), 0, convention).subs(values)
        run = mirror.adam_trajectory([0], Fraction(1, 10), 2, Fraction(4, 5), Fraction(9, 10), Fraction(1, 100), 1,
                                     convention=convention, m0=[Fraction(1, 3)], v0=[Fraction(1, 2)])
        with mpmath.workdps(50):
            assert abs(run[1].beta[0] - mpmath.mpf(str(sp.N(exact, 60)))) < mpmath.mpf(10) ** -40, convention


def test_pytorch_momentum_buffer_is_mu_times_the_old_buffer_plus_the_gradient():
    # a buffer other than 1, so that mu*buf and mu/buf differ; beta > 0, so that the gradient is lambda
    beta_next, buf = o.pytorch_momentum_step(sp.Integer(1), sp.Integer(2))
    assert sp.expand(buf - (2 * o.mu + o.lam)) == 0
    assert sp.expand(beta_next - (1 - o.alpha * (2 * o.mu + o.lam))) == 0


def test_the_steps_from_zero_move_against_the_momentum_for_positive_parameters():
    # gamma, mu, beta_1 are positive: from beta = 0 with a positive first moment (Adam, B.9) or buffer (PyTorch's
    # heavy ball) the next iterate is negative, and the heavy ball (20) after a step down from 1 to 0 goes on down
    assert o.adam_bounce(sp.Integer(1), sp.Integer(1)).is_negative is True
    assert o.pytorch_momentum_step(sp.Integer(0), sp.Integer(1))[0].is_negative is True
    assert o.momentum_step(sp.Integer(0), sp.Integer(1)).is_negative is True


def test_ndgm_cycle_points_at_zero_and_on_both_sides():
    # (8)/(17): from beta^(K) the next point is beta^(K) - alpha lambda sign(beta^(K)). At 0 the subgradient sign(0) = 0
    # keeps NDGM at 0, so both points are 0 (not 0 - alpha lambda / sign(0) = zoo); either side moves by alpha lambda
    # towards 0 and past it.
    assert o.ndgm_cycle_points(sp.Integer(0)) == (0, 0)
    half = sp.Rational(1, 2)
    assert o.ndgm_cycle_points(half) == (half, half - o.alpha * o.lam)
    assert o.ndgm_cycle_points(-half) == (-half, o.alpha * o.lam - half)
    assert o.ndgm_cycle_points(half)[1].subs({o.alpha: 1, o.lam: 1}) == -half


# ---------------------------------------------------------------- the remaining update maps, pinned by hand

R = sp.Rational


def test_subgradient_and_ndgm_step_on_both_sides():
    # lambda sign(beta) with sign(0) = 0; NDGM moves by alpha lambda towards 0 (beta + alpha lambda sign would move away)
    assert o.subgradient(sp.Integer(-3)) == -o.lam and o.subgradient(R(1, 7)) == o.lam
    assert o.ndgm_step(R(1, 2)) == R(1, 2) - o.alpha * o.lam
    assert o.ndgm_step(sp.Integer(-2)) == -2 + o.alpha * o.lam


def test_ndgm_unrolled_by_hand():
    # (16): 5 steps, 2 of them from beta > 0 (each -alpha lambda), 3 from beta < 0 (each +alpha lambda): net +alpha lambda
    assert sp.expand(o.ndgm_unrolled(sp.Integer(1), sp.Integer(2), sp.Integer(5)) - (1 + o.alpha * o.lam)) == 0
    assert o.ndgm_unrolled(sp.Integer(3), sp.Integer(0), sp.Integer(0)) == 3  # no step: the start
    # it is NDGM iterated: start at 1 with alpha lambda = 3/10, four steps (1 -> 0.7 -> 0.4 -> 0.1 -> -0.2), all positive
    vals = {o.alpha: R(3, 10), o.lam: 1}
    b = sp.Integer(1)
    for _ in range(4):
        b = o.ndgm_step(b).subs(vals)
    assert b == o.ndgm_unrolled(sp.Integer(1), sp.Integer(4), sp.Integer(4)).subs(vals) == R(-1, 5)


def test_heavy_ball_away_from_zero():
    # (20) at beta = 1, beta_prev = 3: 1 - alpha lambda + mu (1 - 3)
    assert sp.expand(o.momentum_step(sp.Integer(1), sp.Integer(3)) - (1 - o.alpha * o.lam - 2 * o.mu)) == 0


def test_moment_steps_by_hand():
    # (22): gamma v + (1 - gamma) g^2 at v = 1, g = 3; (29): beta_1 m + (1 - beta_1) lambda s at m = 2, s = -1
    assert sp.expand(o.second_moment_step(sp.Integer(1), sp.Integer(3)) - (o.gamma + 9 * (1 - o.gamma))) == 0
    assert sp.expand(o.first_moment_step(sp.Integer(2), -1) - (2 * o.beta1 - (1 - o.beta1) * o.lam)) == 0
    # (24) at k = 0 is the start v = 0, at k = 2 (1 - gamma^2) lambda^2
    assert o.second_moment_closed_form(sp.Integer(0)) == 0
    assert sp.expand(o.second_moment_closed_form(sp.Integer(2)) - (1 - o.gamma**2) * o.lam**2) == 0
    # (34): a run of length 0 leaves m; of length 2 with sign -1 from m = 2
    assert o.first_moment_run(sp.Integer(2), sp.Integer(0), -1) == 2
    assert sp.expand(o.first_moment_run(sp.Integer(2), sp.Integer(2), -1)
                     - (2 * o.beta1**2 - (1 - o.beta1**2) * o.lam)) == 0


def test_rmsprop_step_sizes_by_hand():
    # gamma = 3/4, lambda = 2, alpha = 1: v^(1) = (1 - 3/4) 4 = 1, v^(2) = (1 - 9/16) 4 = 7/4
    vals = {o.gamma: R(3, 4), o.lam: 2, o.alpha: 1}
    size = lambda n, conv, e: o.rmsprop_step_size(sp.Integer(n), conv).subs({**vals, o.eps: e})  # noqa: E731
    assert size(0, "paper", 0) == 2 and size(0, "paper", 3) == 1  # 2 / sqrt(1 + 3): epsilon inside the root
    assert size(0, "pytorch", 3) == R(1, 2)  # 2 / (sqrt(1) + 3): epsilon outside
    assert size(1, "paper", 0) == 4 / sp.sqrt(7)
    assert size(1, "pytorch", 1) == 2 / (sp.sqrt(7) / 2 + 1)
    # (27): lambda = 2, epsilon = 5: 2 / sqrt(4 + 5) = 2/3 (paper), 2 / (2 + 5) = 2/7 (PyTorch)
    lim = {o.lam: 2, o.eps: 5, o.alpha: 1}
    assert o.rmsprop_limit_step().subs(lim) == R(2, 3) and o.rmsprop_limit_step("pytorch").subs(lim) == R(2, 7)
    # and it is the limit of the step size: gamma^(k+1) -> 0
    for conv in ("paper", "pytorch"):
        assert o.rmsprop_step_size(o.k, conv).subs(o.gamma ** (o.k + 1), 0) == o.rmsprop_limit_step(conv)


def test_first_moment_unrolled_is_the_iterated_step():
    # (31) at k = 2 from m = 0: m^(2) = beta_1 (1 - beta_1) lambda s(0) + (1 - beta_1) lambda s(1)
    m1 = o.first_moment_step(sp.Integer(0), o.s(0))
    m2 = o.first_moment_step(m1, o.s(1))
    assert sp.expand(o.first_moment_unrolled(sp.Integer(2)) - m2) == 0
    assert o.first_moment_unrolled(sp.Integer(0)) == 0
    # a symbolic k stays an unevaluated sum over j = 0..k-1
    total = o.first_moment_unrolled()
    assert total.has(sp.Sum) and total.atoms(sp.Sum).pop().limits == ((o.j, 0, o.k - 1),)


def test_adam_bounce_with_bias_correction_at_step_one():
    # n = 1, m = v = 1, beta_1 = gamma = 1/2, alpha = 1, epsilon = 0: m' = 1/2, v' = 1/2, c1 = c2 = 1 - 1/4 = 3/4;
    # PyTorch: -(2/3) / sqrt(2/3) = -sqrt(2/3); paper (no correction): -(1/2) / sqrt(1/2) = -sqrt(1/2)
    vals = {o.beta1: R(1, 2), o.gamma: R(1, 2), o.alpha: 1, o.eps: 0}
    one = sp.Integer(1)
    assert sp.simplify(o.adam_bounce(one, one, one, "pytorch").subs(vals) + sp.sqrt(R(2, 3))) == 0
    assert sp.simplify(o.adam_bounce(one, one, one, "paper").subs(vals) + sp.sqrt(R(1, 2))) == 0
    # epsilon outside the root in PyTorch's form: with v = 0 the step is -alpha (m'/c1) / epsilon
    assert o.adam_bounce(one, sp.Integer(0), one, "pytorch").subs({**vals, o.eps: 2}) == R(-1, 3)


def test_peel_last_term_and_induction_obligations():
    i, n = sp.Symbol("i", integer=True), sp.Symbol("n", integer=True, nonnegative=True)
    peeled = o.peel_last_term(sp.Sum(i**2, (i, 1, n)))
    assert peeled == sp.Sum(i**2, (i, 1, n - 1)) + n**2
    assert peeled.subs(n, 3).doit() == 14
    # sum of the first n odd numbers is n^2: base and step vanish; a wrong start shows in the base only
    base, step = o.induction_obligations(lambda t: t**2, lambda t, x: x + 2 * t + 1, sp.Integer(0), n)
    assert base == 0 and sp.expand(step) == 0
    base, step = o.induction_obligations(lambda t: t**2, lambda t, x: x + 2 * t + 1, sp.Integer(1), n)
    assert base == -1 and sp.expand(step) == 0
    # a wrong recursion shows in the step, written in the given variable n
    _, step = o.induction_obligations(lambda t: t**2, lambda t, x: x + 2 * t, sp.Integer(0), n)
    assert sp.expand(step) == 1
    _, step = o.induction_obligations(lambda t: t**2, lambda t, x: x, sp.Integer(0), n)
    assert sp.expand(step) == 2 * n + 1


def test_first_moment_run_of_zero_or_symbolic_sign():
    # a run at beta = 0 (sign 0, no gradient) only decays m: beta_1^r m (a division by the sign would give zoo);
    # one step of a run is one step (29), whatever the sign s
    assert o.first_moment_run(sp.Integer(2), sp.Integer(3), 0) == 2 * o.beta1**3
    sign = sp.Symbol("sigma_s", real=True)
    assert sp.expand(o.first_moment_run(o.m, sp.Integer(1), sign) - o.first_moment_step(o.m, sign)) == 0


def test_module_symbols_carry_their_assumptions():
    # iterates and moments are real, step counts nonnegative integers: a caller's sp.Symbol("beta", real=True) or
    # sp.Symbol("k", integer=True, nonnegative=True) must be the very symbol the closed forms use
    assert (o.beta, o.beta0, o.c, o.m, o.v, o.beta_prev) == tuple(
        sp.Symbol(n, real=True) for n in ("beta", "beta_0", "c", "m", "v", "beta_prev"))
    assert (o.k, o.p, o.r, o.j) == tuple(sp.Symbol(n, integer=True, nonnegative=True) for n in "kprj")
