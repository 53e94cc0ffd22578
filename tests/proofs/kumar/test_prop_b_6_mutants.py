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
        assert result.sample == {"points": 2 * len(inits) * steps, "dps": 50}
