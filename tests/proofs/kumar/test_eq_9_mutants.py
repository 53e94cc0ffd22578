r"""Kumar eq. (9), the ``derive`` command (written against the mutation benchmark): its numbers by hand,
each hypothesis refused with the one it violates, the exact runs' random starts, and the strict
comparison of the two-dimension counterexample."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings

CID = "kumar.eq_9"


def _derive(*settings: str) -> dict:
    claim = registry.get_claim(CID)
    return claim.derive(parse_settings(claim, list(settings)))


def test_derive_numbers_by_hand():
    # alpha = 1/100, lambda = 1, n = 2: bounds alpha lambda^2/2 = 1/200 and n alpha lambda^2/2 = 1/100;
    # the run's limit 47/5000 (the docstring of limit_best_value) lies between them
    out = _derive()
    assert out["n"] == 2 and out["lim_f_best"] == "47/5000"
    assert out["bound_G_lambda"] == "1/200" and out["bound_G_lambda_sqrt_n"] == "1/100"
    assert out["G_lambda_sqrt_n_squared"] == "2" and out["sqrt_n_is_integer"] is False
    out = _derive("alpha=1/10", "lam=3", "beta0=[0.25,0.125,0.375,0.31]")
    assert out["n"] == 4 and out["bound_G_lambda"] == str(Fraction(9, 20))
    assert out["bound_G_lambda_sqrt_n"] == str(Fraction(9, 5)) and out["sqrt_n_is_integer"] is True


@pytest.mark.parametrize("settings,hypothesis", [
    (["alpha=0"], "A1"), (["lam=0"], "A2"), (["lam=-1"], "A2"),
    (["beta0=[0.03,0.5]"], "A1")])  # 0.03 = 3 alpha lambda: in the exceptional set alpha lambda Z
def test_derive_refuses_each_violated_hypothesis(settings, hypothesis):
    with pytest.raises(AssumptionViolated) as raised:
        _derive(*settings)
    assert raised.value.assumption == hypothesis


def test_exact_runs_of_the_repaired_bound_cover_every_size_1_to_5():
    # the step's detail says n = 1..5: n = 1 (where G = lambda is right) must be among the exact runs
    result = next(r.result for r in registry.report(CID).steps if r.step.label == "bound_9_with_G_eq_lambda_sqrt_n")
    assert result.ok and "(n = 1..5)" in result.detail
    assert sorted({len(case["beta0"]) for case in result.scope["cases"]}) == [1, 2, 3, 4, 5]


def test_exact_runs_start_from_points_spread_over_the_cube():
    # beta0 ~ U[-1, 1]^n: the 15 random starts have entries of both signs and of many sizes, not one repeated point
    result = next(r.result for r in registry.report(CID).steps if r.step.label == "bound_9_with_G_eq_lambda_sqrt_n")
    entries = [Fraction(b) for case in result.scope["cases"][1:] for b in case["beta0"]]
    assert all(-1 <= b <= 1 + Fraction(1, 10**7) for b in entries)
    assert min(entries) < -Fraction(1, 2) and max(entries) > Fraction(1, 2) and len(set(entries)) > 30


def test_a_limit_equal_to_the_bound_is_no_counterexample():
    # 1-D start 1/200 with alpha = 1/100, lambda = 1: the run cycles 1/200 <-> -1/200, so lim f_best = 1/200 =
    # alpha lambda^2/2 exactly: the bound (<=) holds there, the counterexample check must say no
    claim = registry.get_claim(CID)
    step = next(a.necessity.check for a in claim.assumptions if a.label == "A3")
    check = step.verify({}, [Fraction(1, 200)])
    assert check.lhs == check.rhs and not check.holds
    assert step.verify({}, [Fraction(4947, 10000)] * 2).holds  # the paper's 2-D example: 47/5000 > 1/200


def test_the_cycle_best_value_inequality_bounds_lambda_times_the_smaller_cycle_norm():
    # Step cycle_best_value_at_most_half is about f_best = lambda min(a, S - a), S = n alpha lambda (rewritten by the
    # identity of the step before as lambda (S/2 - |a - S/2|)): its lhs must be that value at every cycle norm a,
    # not another expression that also stays below lambda S/2.
    step = next(s for s in registry.get_claim(CID).steps if s.label == "cycle_best_value_at_most_half")
    sym = {s.name: s for s in step.lhs.free_symbols}
    lam, S = sym["lambda"], sym["n"] * sym["alpha"] * sym["lambda"]
    assert sp.simplify(step.rhs - lam * S / 2) == 0
    for frac in (sp.Integer(0), sp.Rational(1, 4), sp.Rational(1, 2), sp.Rational(3, 4), sp.Integer(1)):
        assert sp.simplify(step.lhs.subs(sym["a"], frac * S) - lam * sp.Min(frac * S, S - frac * S)) == 0, frac


def test_the_subgradient_bound_holds_with_G_squared_n_lambda_squared_for_n_1_to_5():
    r"""With G^2 = n lambda^2 (the repaired constant) the corner subgradient lambda(1, ..., 1) meets the bound with
    equality for every n = 1..5, so the check passes, proved on that scope (no failure at equality)."""
    from proofs.kumar.eq_9 import _subgradient_norm_bounded
    seen = []
    result = _subgradient_norm_bounded(lambda lam, n: seen.append((lam, n)) or n * lam * lam)
    assert result.ok and result.evidence == "proved-on-scope" and result.scope == {"n": "1..5", "lam": "3/2"}
    assert seen == [(Fraction(3, 2), n) for n in range(1, 6)]


@pytest.mark.parametrize("bad_n", [1, 5])
def test_the_subgradient_bound_fails_at_the_first_and_the_last_size(bad_n):
    r"""A G^2 too small only at n = 1 (or only at n = 5) must be caught there: the sizes 1 and 5 are both checked,
    and the counterexample names that n with ||g||^2 = n (3/2)^2."""
    from proofs.kumar.eq_9 import _subgradient_norm_bounded
    from proofs.kumar.shown import N
    result = _subgradient_norm_bounded(lambda lam, n: n * lam * lam - (n == bad_n))
    assert not result.ok and result.counterexample
    assert result.values["point"][N] == bad_n and result.values["norm_sq"] == sp.Rational(9, 4) * bad_n
    assert result.values["G_sq"] == sp.Rational(9, 4) * bad_n - 1


@pytest.mark.parametrize("params,hypothesis", [
    ({"alpha": Fraction(0), "lam": Fraction(1)}, "A1"), ({"alpha": Fraction(-1), "lam": Fraction(-1)}, "A1"),
    ({"alpha": Fraction(1, 100), "lam": Fraction(0)}, "A2")])
def test_derive_itself_refuses_a_nonpositive_step_or_penalty(params, hypothesis):
    r"""derive's own check (a caller may skip parse_settings): alpha <= 0 is A1, named first, lambda <= 0 is A2."""
    from proofs.kumar.eq_9 import _derive as derive
    with pytest.raises(AssumptionViolated) as raised:
        derive({**params, "beta0": [Fraction(1, 3)]})
    assert raised.value.assumption == hypothesis


@pytest.mark.parametrize("setting,hypothesis", [("alpha=0", "A1"), ("lam=0", "A2")])
def test_the_hypotheses_themselves_refuse_the_value_0(setting, hypothesis):
    r"""A1 (alpha > 0) and A2 (lambda > 0) are strict: the settings are refused when parsed, against the claim's
    hypotheses, before derive's own check runs."""
    with pytest.raises(AssumptionViolated) as raised:
        parse_settings(registry.get_claim(CID), [setting])
    assert raised.value.assumption == hypothesis


def test_the_repaired_bound_accepts_a_limit_equal_to_it_in_every_exact_run():
    r"""``_bound_holds`` checks lim f_best <= alpha G^2/2 with equality allowed: given a G^2 that puts the bound
    exactly at each exact run's limit (2 lim f_best / alpha, looked up by (lambda, n)), every run holds; a G^2 a
    hair below it fails at the paper's start.  Rejects a strict '<' (it would call each equality a counterexample)."""
    from proofs.kumar.eq_9 import _bound_holds, _instances, limit_best_value

    exact_G2 = {}
    for beta0, alpha, lam in _instances():
        exact_G2.setdefault((lam, len(beta0)), set()).add(2 * limit_best_value(beta0, alpha, lam) / alpha)
    assert all(len(v) == 1 for v in exact_G2.values())  # one G^2 per (lambda, n): every bound is an equality
    assert _bound_holds(lambda lam, n: next(iter(exact_G2[(lam, n)]))).ok
    below = _bound_holds(lambda lam, n: next(iter(exact_G2[(lam, n)])) - Fraction(1, 10**9))
    assert not below.ok and below.values["f_best"] == sp.Rational(47, 5000)
