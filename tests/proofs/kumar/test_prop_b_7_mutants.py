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


def test_the_exceptional_beta1_is_the_root_in_the_support_to_60_digits():
    r"""beta1* solves beta1^5 (2 - beta1^10) = 1 to the working 60 digits and lies in [0.9, 0.99] (the support of
    U[0.9, 0.99]); its 30-digit value agrees with the 60-digit one to 29 digits.  Rejects a different polynomial
    (2 + beta1^10, beta1^4), a start that finds the root 1, or a lost precision."""
    import mpmath

    from proofs.kumar.prop_b_7 import exceptional_beta1

    with mpmath.workdps(60):
        b = exceptional_beta1()
        assert mpmath.mpf("0.9") <= b <= mpmath.mpf("0.99")
        assert abs(b**5 * (2 - b**10) - 1) < mpmath.mpf(10) ** -55
        assert abs(b - exceptional_beta1(30)) < mpmath.mpf(10) ** -28
        assert mpmath.nstr(b, 15) == "0.908243862856418"


def test_the_first_moment_vanishes_at_beta1_star_and_not_a_millionth_away():
    r"""At beta1* the run from the crossing start has signs (+)^10 (-)^5 and |m^(15)| ~ 1e-62 < 1e-50: the check
    passes (a sample of one 60-digit run).  Shifted by +-1e-6 the signs are the same but |m^(15)| ~ 2.9e-6: the
    check fails and the counterexample names beta1, the signs and m^(15).  Rejects a threshold 1e-5, a sign
    pattern test that is not required, or an inverted verdict."""
    from proofs.kumar.prop_b_7 import _first_moment_vanishes

    good = _first_moment_vanishes("0")
    assert good.ok and good.counterexample is None and good.values["signs"] == "+" * 10 + "-" * 5
    assert good.values["beta1"] == "0.908243862856" and float(good.values["m15"]) < 1e-50
    assert good.sample == {"points": 1, "dps": 60} and good.method == "mpmath-60"
    for shift, beta1 in (("1e-6", "0.908244862856"), ("-1e-6", "0.908242862856")):
        bad = _first_moment_vanishes(shift)
        assert not bad.ok and bad.values["beta1"] == beta1 and bad.values["signs"] == "+" * 10 + "-" * 5
        assert 2.8e-6 < float(bad.values["m15"]) < 3.0e-6 and "{m15}" in bad.counterexample


def test_the_failed_vanishing_check_shows_beta1_to_12_digits_and_m15_to_5_and_3():
    r"""A millionth above beta1* the check fails, and what a referee reads is fixed: the detail gives beta1 to 12
    significant digits, the signs and |m^(15)| to 5 (2.9059e-6), the values shown in the counterexample give
    |m^(15)| to 3 (2.91e-6).  Rejects other digit counts in the detail or in the values."""
    from proofs.kumar.prop_b_7 import _first_moment_vanishes

    bad = _first_moment_vanishes("1e-6")
    assert bad.detail == "beta1 = 0.908244862856, signs ++++++++++-----, |m^(15)| = 2.9059e-6"
    assert bad.values == {"beta1": "0.908244862856", "m15": "2.91e-6", "signs": "++++++++++-----"}


def test_a2_is_the_unstated_hypothesis_and_its_zero_start_is_proved_by_one_exact_run():
    r"""beta0_i != 0 is used by the proof but not stated in the paper (A1, beta1 without atoms, is); its counterexample
    beta0 = 0 is one exact (ball) run, so it is proved outright (evidence ``proved``, no scope of cases).  Rejects the
    flag lost or the witness read as a for-all statement."""
    from proofs import registry

    a1, a2 = registry.get_claim("kumar.prop_b_7").assumptions
    assert (a1.label, a1.used_not_stated, a2.label, a2.used_not_stated) == ("A1", False, "A2", True)
    result = a2.necessity.check.run()
    assert result.ok and result.evidence == "proved" and result.scope is None
    assert result.values["lhs"] == "m = ['0', '0', '0', '0', '0', '0']"
