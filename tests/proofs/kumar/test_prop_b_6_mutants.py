r"""Kumar Prop. B.6, the runs (written against the mutation benchmark): under the pytorch convention the
bias-corrected first moment m^(1)/(1 - beta1) is exactly lambda*s, so the bound lambda is reached at k = 1;
and the expression the induction step proves nonnegative is the gap lambda - m^(k+1) itself."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs.kumar.prop_b_6 import _bound_in_runs, _steps, b, c, s_sym, w, z
from symbolic import optimizers as o


def test_bias_corrected_moment_reaches_lambda_at_the_first_step():
    # just below lambda: the paper's m stays under 0.9943 and passes; pytorch's m-hat^(1) = 1 does not
    result = _bound_in_runs(Fraction(9999, 10000))
    assert not result.ok
    assert result.values["convention"] == "pytorch" and result.values["k_at"] == 1 and result.values["worst"] == "1.0"


def test_the_induction_steps_expression_is_the_gap_after_one_step():
    r"""``gaps_nonnegative`` proves b w + c λ z >= 0; with b = β1, c = 1 - β1, w = λ - m, z = 1 - s that expression
    must be the gap λ - m^(k+1) of (29) itself (so its sign is the bound), w = 0 (m at the bound λ) included."""
    step = next(s for s in _steps() if s.label == "gaps_nonnegative")
    gap = step.lhs.subs({b: o.beta1, c: 1 - o.beta1, w: o.lam - o.m, z: 1 - s_sym}, simultaneous=True)
    assert sp.simplify(gap - (o.lam - o.first_moment_step(o.m, s_sym))) == 0
    # by hand: beta1 = 9/10, lambda = 1, m = 1/2, s = -1: m^(k+1) = 0.45 - 0.1 = 0.35, the gap 0.65
    at = {b: sp.Rational(9, 10), c: sp.Rational(1, 10), o.lam: 1, z: 2}
    assert step.lhs.subs({**at, w: sp.Rational(1, 2)}) == sp.Rational(13, 20)
    assert step.lhs.subs({**at, w: 0}) == sp.Rational(1, 5)  # m = lambda: the gap is (1 - beta1) lambda (1 - s) alone


def test_the_papers_moment_comes_within_one_percent_of_lambda_at_k_44():
    r"""The runs use the paper's alpha = 1/100: the coordinate that starts at 0.9 keeps its sign, so the paper's
    m = 1 - 0.9^k reaches 0.9903 > 0.99 lambda at k = 44 (a run with a larger step would cross 0 sooner and
    stay below; then only pytorch's m-hat^(1) = 1 would show)."""
    result = _bound_in_runs(Fraction(99, 100))
    assert not result.ok
    assert (result.values["convention"], result.values["k_at"], result.values["worst"]) == ("paper", 44, "0.99030226")


def test_the_runs_are_the_ones_the_detail_and_sample_describe(monkeypatch):
    r"""``bound_in_runs`` says "150 steps, 4 coordinates, both conventions" at 50 digits, and its sample counts
    2 x 4 x 150 points: the Adam runs must be exactly those, at the paper's settings used by B.4's runs (alpha =
    1/100, lambda = 1, gamma = 99/100, eps = 1e-8) with beta1 = 9/10.  (The runs are recorded, not made: each
    returns only its start, so no bound is checked here.)"""
    from proofs.kumar import prop_b_6
    from proofs.kumar.prop_b_4 import PAPER
    calls = []
    monkeypatch.setattr(prop_b_6, "adam_trajectory", lambda *args, **kwargs: calls.append((args, kwargs)) or [None])
    result = _bound_in_runs(Fraction(1))
    assert result.ok and [kw for _, kw in calls] == [{"convention": "paper", "dps": 50}, {"convention": "pytorch", "dps": 50}]
    for (inits, alpha, lam, beta1, gamma, eps, steps), _ in calls:
        assert (alpha, lam, gamma, eps) == (PAPER["alpha"], PAPER["lam"], PAPER["gamma"], PAPER["eps"])
        assert beta1 == Fraction(9, 10) and steps == 150 and len(inits) == 4 and len(set(inits)) == 4
        assert all(-1 <= x <= 1 for x in inits)
        # the sample names the settings and starts, so a reader of the review data can rerun them
        assert result.sample == {"points": 2 * len(inits) * steps, "dps": 50, "starts": [str(v) for v in inits],
                                 "alpha": "1/100", "lam": "1", "beta1": "9/10", "gamma": "99/100", "eps": "1/100000000",
                                 "steps": "150"}


def test_the_one_step_witness_by_hand_and_at_the_boundary_lambda():
    r"""From beta^(0) = 1/2 (g = lambda sign(1/2) = 1) one step gives m^(1) = beta1 m^(0) + (1 - beta1): beta1 = -1/2,
    m^(0) = 0 gives 3/2 (A1's counterexample); beta1 = 9/10, m^(0) = 2 gives 19/10 (A2's); m^(0) = -2 gives -17/10,
    shown as |m^(1)| = 17/10.  beta1 = 1/2, m^(0) = 1 gives exactly lambda = 1, which is no overshoot (the bound is
    |m| <= lambda).  Rejects '>=' for '>', a shown m without abs, or a witness compared with another number."""
    from proofs.kumar.prop_b_6 import _first_moment_after_one_step

    cases = [((Fraction(-1, 2), Fraction(0)), sp.Rational(3, 2), True), ((Fraction(9, 10), Fraction(2)), sp.Rational(19, 10), True),
             ((Fraction(9, 10), Fraction(-2)), sp.Rational(17, 10), True), ((Fraction(1, 2), Fraction(1)), 1, False),
             ((Fraction(1, 2), Fraction(0)), sp.Rational(1, 2), False)]
    for start, lhs, holds in cases:
        check = _first_moment_after_one_step({}, start)
        assert (check.lhs, check.rhs, check.holds) == (lhs, 1, holds), start


def _fake_runs(moments):
    r"""A stand-in for ``adam_trajectory``: the run of each convention is the list of (one-coordinate) first moments
    given, as 50-digit numbers; ``run[0]`` is the start."""
    import mpmath

    from numeric.optimizers import AdamState

    def fake(inits, alpha, lam, beta1, gamma, eps, steps, *, convention, dps):
        with mpmath.workdps(50):
            return [AdamState([0], [mpmath.mpf(x)], [0]) for x in moments[convention]]
    return fake


def test_the_runs_bound_counts_from_k_1_and_corrects_only_pytorchs_moment(monkeypatch):
    r"""Hand-made runs.  The start run[0] (m = 5 here) is not a step and is not read.  The paper's m is taken as it
    is; pytorch's m^(k) is divided by 1 - 0.9^k: m^(2) = 0.19 is m-hat = 0.19/0.19 = 1, exactly lambda, which passes
    the bound 1 (the 1e-40 slack covers the 50-digit rounding) and fails the bound 99/100 at k = 2 with worst 1.0 and
    the detail naming pytorch.  The same 0.19 in the paper's run is below 99/100.  Rejects run[0] read, k counted
    from 0, the correction applied to the paper's run or by '*' or (1 + 0.9^k), or a slack below 1."""
    from proofs.kumar import prop_b_6

    monkeypatch.setattr(prop_b_6, "adam_trajectory", _fake_runs({"paper": ["5", "0.5", "0.19"], "pytorch": ["5", "0.05", "0.19"]}))
    assert prop_b_6._bound_in_runs(Fraction(1)).ok
    low = prop_b_6._bound_in_runs(Fraction(99, 100))
    assert not low.ok and low.detail == "pytorch: |m| = 1.0 at k=2"
    assert low.values == {"convention": "pytorch", "k_at": 2, "worst": "1.0", "scale": sp.Rational(99, 100)}
    # pytorch's first step: m^(1) = 0.1 is m-hat = 0.1/0.1 = 1 (not 0.1/0.9 or 0.1/1.9)
    monkeypatch.setattr(prop_b_6, "adam_trajectory", _fake_runs({"paper": ["0", "0.9"], "pytorch": ["0", "0.1"]}))
    one = prop_b_6._bound_in_runs(Fraction(99, 100))
    assert not one.ok and (one.values["convention"], one.values["k_at"], one.values["worst"]) == ("pytorch", 1, "1.0")


def test_the_runs_bound_slack_is_rounding_only(monkeypatch):
    r"""The slack (1 + 1e-40) absorbs 50-digit rounding and nothing visible: |m| = 1/2 (1 + 1e-45) passes the bound
    1/2, |m| = 1/2 (1 + 1e-30) fails it, negative moments by their size (abs), and the paper's failure names the
    paper; a moment exactly at the slackened bound is within it.  Rejects a slack 10^40 or 10 * (-40), the scale read
    as numerator * denominator, m without abs, '>=' for '>', or another number of digits shown."""
    from proofs.kumar import prop_b_6

    half = Fraction(1, 2)
    monkeypatch.setattr(prop_b_6, "adam_trajectory", _fake_runs({"paper": ["0", "-0.5000000000000000000000000000000000000000000005"],
                                                                 "pytorch": ["0", "0"]}))
    assert prop_b_6._bound_in_runs(half).ok
    monkeypatch.setattr(prop_b_6, "adam_trajectory", _fake_runs({"paper": ["0", "0.1", "-0.5000000000000000000000000000005"],
                                                                 "pytorch": ["0", "0"]}))
    bad = prop_b_6._bound_in_runs(half)
    assert not bad.ok and (bad.values["k_at"], bad.values["scale"]) == (2, sp.Rational(1, 2))
    # the detail shows the worst |m| to 8 digits
    monkeypatch.setattr(prop_b_6, "adam_trajectory", _fake_runs({"paper": ["0", "-0.512345678"], "pytorch": ["0", "0"]}))
    assert prop_b_6._bound_in_runs(half).detail == "paper: |m| = 0.51234568 at k=1"
    # the bound is inclusive: a moment exactly at lambda (1 + 1e-40), the bound with its slack, is within it
    import mpmath

    with mpmath.workdps(50):
        edge = mpmath.mpf(1) * (1 + mpmath.mpf(10) ** -40)
    monkeypatch.setattr(prop_b_6, "adam_trajectory", _fake_runs({"paper": ["0", edge], "pytorch": ["0", "0"]}))
    assert prop_b_6._bound_in_runs(Fraction(1)).ok


def test_each_hypothesis_has_an_exact_one_step_overshoot_as_its_counterexample():
    r"""A1 (beta1 = -1/2) and A2 (m^(0) = 2 lambda) are shown necessary by one exact step each: |m^(1)| = 3/2 and 19/10
    exceed lambda = 1.  Each is a single counterexample, proved outright (evidence ``proved``, no scope of cases), and
    each wrong construction (beta1 = 1/2; m^(0) = lambda) stays within lambda and is rejected.  Rejects a missing
    check or a counterexample read as a for-all witness."""
    from proofs.kumar.prop_b_6 import _assumptions

    for assumption, lhs in zip(_assumptions(), (sp.Rational(3, 2), sp.Rational(19, 10))):
        check = assumption.necessity.check
        result = check.run()
        assert result.ok and result.evidence == "proved" and result.scope is None
        assert result.values == {"lhs": lhs, "rhs": 1}
        (wrong,) = check.mutants()
        assert not wrong.run().ok
