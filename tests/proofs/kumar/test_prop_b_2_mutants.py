r"""Kumar Prop. B.2, the ``derive`` command (written against the mutation benchmark): each violated
hypothesis is refused with its label, the boundary values 0 included (by ``parse_settings``, which
checks the claim's hypotheses before ``derive`` runs; ``derive``'s own check is a second line)."""

from __future__ import annotations

from fractions import Fraction
from types import SimpleNamespace

import pytest
import sympy as sp

from numeric.optimizers import ndgm_trajectory
from proofs import registry
from proofs.kumar import prop_b_2 as b2
from proofs.kumar.shown import ALPHA, LAMBDA
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings

CID = "kumar.prop_b_2"


@pytest.mark.parametrize("settings,hypothesis", [(["alpha=0"], "A1"), (["alpha=-1/100"], "A1"), (["lam=0"], "A2")])
def test_derive_refuses_each_violated_hypothesis(settings, hypothesis):
    claim = registry.get_claim("kumar.prop_b_2")
    with pytest.raises(AssumptionViolated) as raised:
        claim.derive(parse_settings(claim, settings))
    assert raised.value.assumption == hypothesis


def test_derive_closed_form_agrees_with_the_exact_run():
    # alpha lambda = 1/100: 0.4947 enters the box at K_1 = 49 (0.0047), -0.305 at K_2 = 30 (-0.005); at K = 49,
    # 19 steps (odd) later, the second entry is at +0.005
    claim = registry.get_claim("kumar.prop_b_2")
    out = claim.derive(parse_settings(claim, ["beta0=[0.4947,-0.305]"]))
    assert out["K_i"] == [49, 30] and out["K"] == 49
    assert out["cycle"] == [["47/10000", "1/200"], ["-53/10000", "-1/200"]]
    assert out["mirror_agrees"] is True


def test_each_necessity_check_rejects_its_wrong_construction():
    # e.g. A3: the start 1/3 is off alpha*lambda*Z, so its run does not converge and the witness must fail
    claim = registry.get_claim("kumar.prop_b_2")
    for assumption in claim.assumptions:
        for wrong in assumption.necessity.check.mutants():
            result = wrong.run()
            assert not result.ok and result.method == "exact-rational", (assumption.label, result.detail)


def test_each_wrong_version_of_the_statement_is_refuted_where_the_run_disagrees():
    r"""The wrong versions of ``statement_8_with_K_max`` (K off by one; the parity of K - K_i ignored) must come
    out false, at a start where the exact run's β^(K) is not the claimed one: a refutation that returned
    ok would let either wrong (18) pass."""
    claim = registry.get_claim("kumar.prop_b_2")
    step = next(s for s in claim.steps if s.label == "statement_8_with_K_max")
    results = [wrong.run() for wrong in step.mutants()]
    assert len(results) == 2 and not any(r.ok for r in results)
    assert all(r.counterexample and r.values["reached"] != r.values["claimed"] for r in results)
    # K - 1 on the paper's example: at K = 48 the run is at 147/10000, one step before the box (47/10000)
    assert results[0].values["K_max"] == 48 and [str(x) for x in results[0].values["reached"]] == ["147/10000"] * 2


H_CASE = {"alpha": Fraction(1, 50), "lam": Fraction(1, 2)}  # alpha * lambda = 1/100 (alpha / lambda would be 1/25)


@pytest.mark.parametrize("run,holds", [
    ([[Fraction(1, 3)]] * 3, True),                                      # constant: converged
    ([[Fraction(1, 2000)], [Fraction(-1, 2000)], [Fraction(1, 2000)]], True),   # 2-cycle inside (-h/10, h/10)
    ([[Fraction(19, 20000)], [Fraction(-19, 20000)], [Fraction(19, 20000)]], True),  # just inside h/10
    ([[Fraction(1, 1000)], [Fraction(-1, 1000)], [Fraction(1, 1000)]], False),  # |beta| = h/10 exactly: not inside
    ([[Fraction(1, 200)], [Fraction(-1, 200)], [Fraction(1, 200)]], False),     # the paper's 2-cycle +-h/2
    ([[Fraction(3, 10000)], [Fraction(1, 10000)], [Fraction(-1, 10000)]], False),  # small but still moving
])
def test_the_convergence_test_of_the_witnesses(run, holds):
    r"""``_converges`` (A2's and A3's witnesses): a run has converged when it ends constant, or when it ends in a
    '2-cycle' whose entries lie strictly inside h/10 = alpha lambda/10 (the test's tolerance for a cycle that
    shrinks to 0).  The 2-cycle of B.2 (|beta| = h/2) and a run still moving must be rejected."""
    check = b2._converges(H_CASE, run)
    assert check.holds is holds
    assert check.lhs == f"beta^(end) = {[str(x) for x in run[-1]]}"


def test_the_A1_witness_accepts_a_run_that_ends_near_0_and_rejects_a_cycle_or_a_plateau():
    r"""A1's verification: |beta^(end)| < alpha lambda/10 and the run not in a 2-cycle (beta^(end-2) != beta^(end)).
    An end exactly at h/10, a small 2-cycle and a run stuck away from 0 must all fail."""
    verify = next(a for a in registry.get_claim(CID).assumptions if a.label == "A1").necessity.check.verify
    small = Fraction(1, 2000)
    assert verify(H_CASE, [[Fraction(3, 1000)], [Fraction(2, 1000)], [small]]).holds
    assert verify(H_CASE, [[Fraction(-3, 1000)], [Fraction(-2, 1000)], [-small]]).holds  # negative side too
    assert not verify(H_CASE, [[Fraction(3, 1000)], [Fraction(2, 1000)], [Fraction(1, 1000)]]).holds  # = h/10
    assert verify(H_CASE, [[Fraction(3, 1000)], [Fraction(2, 1000)], [Fraction(19, 20000)]]).holds  # just below h/10
    assert not verify(H_CASE, [[small], [-small], [small]]).holds  # a 2-cycle, not convergence
    check = verify(H_CASE, [[Fraction(3, 1000)], [Fraction(2, 1000)], [small]])
    assert (check.lhs, check.rhs) == (sp.Rational(1, 2000), sp.Rational(1, 1000))


def test_the_diminishing_run_takes_steps_alpha_over_k_plus_1_to_the_rate():
    r"""A1's run: beta^(k+1) = beta^(k) - alpha/(k+1)^rate * lambda sign(beta^(k)) from 1/30, 400 iterates.  Rate 0
    is constant-step NDGM (the wrong construction); alpha = 1/100, lambda = 2, rate 2: steps 2/100, 2/400, ...; a run
    that reaches 0 exactly stays there."""
    p = {"alpha": Fraction(1, 100), "lam": Fraction(2)}
    assert b2._diminishing_run(p, 0) == ndgm_trajectory([Fraction(1, 30)], Fraction(1, 100), 2, 399)
    squared = b2._diminishing_run(p, 2)
    assert len(squared) == 400 and squared[:3] == [[Fraction(1, 30)], [Fraction(1, 75)], [Fraction(1, 120)]]
    harmonic = b2._diminishing_run({"alpha": Fraction(1, 100), "lam": Fraction(1)})  # 1/30 - 1/100 - 1/200 - 1/300
    assert harmonic[:4] == [[Fraction(1, 30)], [Fraction(7, 300)], [Fraction(11, 600)], [Fraction(3, 200)]]
    # alpha lambda = 1/90: the constant-step run from 1/30 = 3/90 is 0 at k = 3 and stays there (sign(0) = 0)
    assert b2._diminishing_run({"alpha": Fraction(1, 90), "lam": Fraction(1)}, 0)[2:6] == [[Fraction(1, 90)]] + [[0]] * 3


def test_the_sign_at_zero_comparison_runs_sign_0_equal_1_against_sign_0_equal_0(monkeypatch):
    r"""A4's check compares the exact run with sign(0) = 1 to the one with sign(0) = 0 (80 steps, alpha = 1/100,
    lambda = 1), as its text says; from 1/2 (which hits 0) they differ, from 1/3 they agree."""
    calls = []
    real = b2.ndgm_trajectory
    monkeypatch.setattr(b2, "ndgm_trajectory", lambda *args, **kwargs: calls.append((args[1:], kwargs)) or real(*args, **kwargs))
    assert b2._same_runs(Fraction(1, 3)).ok
    differ = b2._same_runs(Fraction(1, 2))
    assert not differ.ok and differ.counterexample and differ.values == {"b0": sp.Rational(1, 2)}
    assert calls[:2] == [((Fraction(1, 100), Fraction(1), 80), {"at_zero": 1}), ((Fraction(1, 100), Fraction(1), 80), {})]


@pytest.mark.parametrize("params,hypothesis", [
    ({"alpha": Fraction(0), "lam": Fraction(1)}, "A1"), ({"alpha": Fraction(-1), "lam": Fraction(-1)}, "A1"),
    ({"alpha": Fraction(1, 100), "lam": Fraction(0)}, "A2"), ({"alpha": Fraction(1, 100), "lam": Fraction(-1)}, "A2")])
def test_derive_itself_refuses_a_nonpositive_step_or_penalty(params, hypothesis):
    r"""derive's own check (a caller may skip parse_settings): alpha <= 0 is A1 (named first when both fail),
    lambda <= 0 is A2, the value 0 included."""
    with pytest.raises(AssumptionViolated) as raised:
        b2._derive({**params, "beta0": [Fraction(1, 3)]})
    assert raised.value.assumption == hypothesis


@pytest.mark.parametrize("beta0", [[], [[Fraction(1, 3)]], [Fraction(1, 3), [Fraction(1, 7)]]])
def test_derive_refuses_an_empty_or_nested_beta0(beta0):
    with pytest.raises(AssumptionViolated) as raised:
        b2._derive({"alpha": Fraction(1, 100), "lam": Fraction(1), "beta0": beta0})
    assert raised.value.assumption == "A3"


def test_derive_gives_the_l1_norms_of_both_cycle_points():
    r"""(0.4947, -0.305): the cycle points (47/10000, 1/200) and (-53/10000, -1/200) have l1 norms 97/10000 and
    103/10000 (they sum to n alpha lambda = 2/100: in each coordinate the two points are alpha lambda apart)."""
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["beta0=[0.4947,-0.305]"]))
    assert out["l1_norms"] == ["97/10000", "103/10000"]


@pytest.mark.parametrize("field", ["K", "first"])
def test_derive_reports_a_disagreeing_mirror(field, monkeypatch):
    r"""``mirror_agrees`` is true only when the independent cycle finder gives the same K AND the same first
    cycle point: a mirror off in either one must show as False."""
    real = b2.ndgm_cycle

    def off(*args):
        cyc = real(*args)
        return SimpleNamespace(K=cyc.K + (field == "K"), first=tuple(x + (field == "first") for x in cyc.first))
    monkeypatch.setattr(b2, "ndgm_cycle", off)
    out = b2._derive({"alpha": Fraction(1, 100), "lam": Fraction(1), "beta0": [Fraction(4947, 10000)] * 2})
    assert out["mirror_agrees"] is False


def test_the_no_parity_version_is_refuted_only_by_the_parity():
    r"""The second wrong version of (18) puts every coordinate at its own box entry c_i = beta0_i - K_i alpha lambda
    sign(beta0_i), in (-alpha lambda, alpha lambda), ignoring the parity of K - K_i.  Where it is refuted, each
    claimed coordinate is the reached one or the other point of the same 2-cycle (alpha lambda away): the error is
    the parity, not a point off the cycle."""
    step = next(s for s in registry.get_claim(CID).steps if s.label == "statement_8_with_K_max")
    refuted = step.mutants()[1].run()
    h = refuted.values["point"][ALPHA] * refuted.values["point"][LAMBDA]
    claimed, reached = refuted.values["claimed"], refuted.values["reached"]
    assert all(abs(c) < h for c in claimed)
    assert all(c == r or abs(c - r) == h for c, r in zip(claimed, reached)) and claimed != reached


@pytest.mark.parametrize("setting,hypothesis", [("alpha=0", "A1"), ("lam=0", "A2")])
def test_the_hypotheses_themselves_refuse_the_value_0(setting, hypothesis):
    r"""A1 (alpha > 0) and A2 (lambda > 0) are strict: the settings are refused when parsed, against the claim's
    hypotheses, before derive's own check runs."""
    with pytest.raises(AssumptionViolated) as raised:
        parse_settings(registry.get_claim(CID), [setting])
    assert raised.value.assumption == hypothesis


def test_the_closed_form_stays_exact_with_integer_step_and_penalty():
    r"""alpha = lambda = 1 as plain integers (h = 1): beta^(0) = (1/3, 4/3) has K_i = (0, 1), K = 1, so the first
    coordinate takes one more step to 1/3 - 1 = -2/3; the cycle is (-2/3, 1/3) <-> (1/3, -2/3), exactly as the run
    gives it (a step h / (+-1) would make it the float -0.666...)."""
    beta0 = [Fraction(1, 3), Fraction(4, 3)]
    c = b2.cycle_closed_form(beta0, 1, 1)
    assert (c["K"], c["K_i"]) == (1, [0, 1])
    assert c["first"] == [Fraction(-2, 3), Fraction(1, 3)] and c["second"] == [Fraction(1, 3), Fraction(-2, 3)]
    assert ndgm_trajectory(beta0, 1, 1, 2)[1:] == [c["first"], c["second"]]
