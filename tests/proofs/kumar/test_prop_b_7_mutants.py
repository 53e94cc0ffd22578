r"""Proposition B.7's A2 check rejects its wrong construction by computing m, not by an error."""

from __future__ import annotations

from fractions import Fraction

from proofs.kumar.prop_b_7 import _zero_start


def test_a_nonzero_start_shows_a_nonzero_first_moment_instead_of_raising():
    # From beta0 = 1/2 the first subgradient is lambda*sign(1/2) = 1, so m^(1) = (1 - 9/10) = 1/10: the wrong
    # construction fails because m moves off 0, which a run that cannot take sqrt(1/50) exactly never showed.
    moved = _zero_start({}, Fraction(1, 2))
    assert not moved.holds and "0.100000000000000" in moved.lhs
    kept = _zero_start({}, Fraction(0))
    assert kept.holds and kept.lhs == "m = ['0', '0', '0', '0', '0', '0']"


def test_the_crossing_start_puts_the_sign_change_midway_between_steps_9_and_10():
    r"""``_crossing_start`` takes the distances d_k = beta^(0) - beta^(k) travelled from a far start (every step
    positive) and starts at (d_9 + d_10)/2: then beta^(9) = (d_10 - d_9)/2 > 0 and beta^(10) = -(d_10 - d_9)/2 < 0,
    the crossing exactly midway, as far from both steps as it can be.  Distances measured from beta^(1) instead of
    beta^(0) start d_1 lower, still crossing but no longer in the middle."""
    import mpmath

    from proofs.kumar.prop_b_7 import EPS, GAMMA, SETTINGS, _crossing_start, exceptional_beta1
    from numeric.optimizers import adam_trajectory

    with mpmath.workdps(60):
        beta1 = exceptional_beta1()
        start = _crossing_start(beta1)
        run = adam_trajectory([start], *SETTINGS, beta1, GAMMA, EPS, 10, dps=60)
        before, after = run[9].beta[0], run[10].beta[0]
        assert all(s.beta[0] > 0 for s in run[:10]) and after < 0
        assert abs(before + after) < mpmath.mpf(10) ** -50 * abs(before)
