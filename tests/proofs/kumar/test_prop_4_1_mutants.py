r"""Kumar Prop. 4.1, the paper's example (written against the mutation benchmark): with lambda = 100 the
start (0.4947, 0.4947) is already in the box (-1, 1)^2, so the 2-cycle starts at K = 0; a sub-claim verified only
with errata does not carry the step; the wrong start is refuted by its exact run."""

from __future__ import annotations

from proofs import registry
from proofs.kumar import prop_4_1 as p41


def test_large_lambda_cycle_starts_at_the_initialization():
    result = next(r.result for r in registry.report("kumar.prop_4_1").steps if r.step.label == "paper_example_cycle")
    assert result.ok  # the values shown are those of the last case, lambda = 100
    assert result.values["lhs"] == "beta^(K) = ['4947/10000', '4947/10000'], beta^(K+1) = ['-5053/10000', '-5053/10000']"
    assert result.values["rhs"] == "2-cycle in (-1, 1)^2"


def _erratum_claim():
    r"""A sub-claim whose printed step is wrong but repaired: ``ok`` (nothing unexplained failed), yet
    ``verified-with-errata``, not ``verified``."""
    import sympy as sp

    from proofs.engine import Assumption, Claim, Equality, Necessity

    x = sp.Symbol("x", real=True)
    bad = Equality(label="bad", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 1)
    fix = Equality(label="fix", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 2 * x + 1, repairs="bad")
    return Claim(id="t.sub", paper="t", label="T", section="", title="", statement="", reference="",
                 assumptions=[Assumption("A1", "x real", "x", Necessity("unknown", "n/a"))], steps=[bad, fix])


def test_a_sub_claim_with_an_erratum_does_not_count_as_verified():
    r"""4.1 follows from B.1 and B.2 only as they are stated: a sub-claim that needed a repair (no failure, so
    ``ok``, but status ``verified-with-errata``) must fail the step, not pass it on ``ok`` alone."""
    result = p41._claim_verified(_erratum_claim)
    assert not result.ok
    assert result.detail.startswith("t.sub: verified-with-errata") and "t.sub is not verified" in result.counterexample


def test_the_wrong_start_is_rejected_by_its_exact_run_not_by_an_error():
    r"""The wrong construction starts at (1/2, 1/2) = 50 alpha lambda (1, 1), in the exceptional set: its exact run
    reaches 0 at step 50 and stays, so there is no 2-cycle.  It must be refuted by that run (the verify), which a
    construction that cannot even build its start (an exception) never shows."""
    step = next(s for s in p41.theorem().steps if s.label == "paper_example_cycle")
    wrong = step.mutants()[0].run()
    assert not wrong.ok and wrong.method == "exact-rational"
    assert wrong.values["lhs"] == "beta^(K) = ['1/100', '1/100'], beta^(K+1) = ['0', '0']"


def _sampled_claim():
    r"""A sub-claim whose only step is confirmed by sampling (no proof): its weakest evidence is ``confirmed``."""
    from proofs.engine import Assumption, Check, Claim, Necessity, StepResult

    sampled = Check(label="sampled", latex="", run_check=lambda: StepResult(True, "numeric", "mpmath-30", "at 7 points",
                                                                             sample={"points": 7, "dps": 30}))
    return Claim(id="t.sampled", paper="t", label="T", section="", title="", statement="", reference="",
                 assumptions=[Assumption("A1", "x real", "x", Necessity("unknown", "n/a"))], steps=[sampled])


def test_a_sampled_sub_claim_passes_as_confirmed_with_its_sample():
    r"""A verified sub-claim resting on a sampled step carries the step, but only as ``confirmed``, with the
    sampled step named and its points and digits; a step that lost that result (no result at all) would crash
    the claim or hide that 4.1 rests on sampling."""
    result = p41._claim_verified(_sampled_claim)
    assert result is not None and result.ok and result.evidence == "confirmed"
    assert result.sample == {"steps": ["sampled"], "points": 7, "dps": 30}
    assert result.detail.startswith("t.sampled: ")


def _proved_claim():
    r"""A sub-claim whose only step is a symbolic identity: its weakest evidence is ``proved`` (no scope, no sample)."""
    import sympy as sp

    from proofs.engine import Assumption, Claim, Equality, Necessity

    x = sp.Symbol("x", real=True)
    return Claim(id="t.proved", paper="t", label="T", section="", title="", statement="", reference="",
                 assumptions=[Assumption("A1", "x real", "x", Necessity("unknown", "n/a"))],
                 steps=[Equality(label="square", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 2 * x + 1)])


def test_a_proved_sub_claim_passes_with_its_evidence():
    r"""A sub-claim proved outright (neither on a scope nor by sampling) carries the step with evidence ``proved``;
    a step that lost that result (``None``) would crash the claim."""
    result = p41._claim_verified(_proved_claim)
    assert result is not None and result.ok and result.evidence == "proved"
    assert result.detail.startswith("t.proved: ") and result.scope is None and result.sample is None


def test_the_example_witness_wants_the_cycle_strictly_inside_the_box():
    r"""The box of (8) is open: with sign(0) = -1 the run from beta^(0) = alpha*lambda = 1 (alpha = 1/100,
    lambda = 100, so K = 0) alternates 1, 0, 1, 0 -- a 2-cycle, but on the boundary |beta| = alpha*lambda, so it is
    no witness (a '<= h' box would accept it); nor is the one from 0, which starts at 0 (a '0 <=' would accept it)."""
    from fractions import Fraction

    from numeric.optimizers import ndgm_trajectory

    params = {"alpha": Fraction(1, 100), "lam": Fraction(100)}
    run = ndgm_trajectory([Fraction(1)], params["alpha"], params["lam"], 4, at_zero=-1)
    assert [b[0] for b in run] == [1, 0, 1, 0, 1]
    assert not p41._cycle_of_example(params, run).holds
    from_zero = ndgm_trajectory([Fraction(0)], params["alpha"], params["lam"], 4, at_zero=-1)  # 0, 1, 0, 1: at 0
    assert [b[0] for b in from_zero] == [0, 1, 0, 1, 0] and not p41._cycle_of_example(params, from_zero).holds
    inside = ndgm_trajectory([Fraction(4947, 10000)], params["alpha"], params["lam"], 4)  # (0.4947) <-> (-0.5053)
    assert p41._cycle_of_example(params, inside).holds


def test_the_example_witness_checks_the_cycle_from_k_49_at_lambda_1_and_every_period_condition():
    r"""Hand-made runs, no optimizer.  At lambda = 1 (alpha = 1/100, h = 1/100) the cycle of the paper's example
    starts at K = 49: 49 transient points far outside the box and then (47/10000) <-> (-53/10000) hold, while the
    same points read from K = 0 (a wrong K) do not.  Each condition of (8) is needed: a fixed point
    (beta^(K+1) = beta^(K)), a broken period (beta^(K+2) != beta^(K) or beta^(K+3) != beta^(K+1)) are refused,
    and the WitnessCheck names both cycle points and the box."""
    from fractions import Fraction as F

    params = {"alpha": F(1, 100), "lam": F(1)}
    a, b = [F(47, 10000)], [F(-53, 10000)]
    good = [[F(3, 10)]] * 49 + [a, b, a, b]
    check = p41._cycle_of_example(params, good)
    assert check.holds and check.lhs == "beta^(K) = ['47/10000'], beta^(K+1) = ['-53/10000']"
    assert check.rhs == "2-cycle in (-1/100, 1/100)^2"
    assert not p41._cycle_of_example(params, [a, b, a, b] + [[F(3, 10)]] * 49).holds
    assert not p41._cycle_of_example(params, [[F(3, 10)]] * 49 + [a, a, a, a]).holds  # fixed point
    assert not p41._cycle_of_example(params, [[F(3, 10)]] * 49 + [a, b, b, b]).holds  # beta^(K+2) != beta^(K)
    assert not p41._cycle_of_example(params, [[F(3, 10)]] * 49 + [a, b, a, a]).holds  # beta^(K+3) != beta^(K+1)
    big = {"alpha": F(1, 100), "lam": F(100)}  # h = 1, K = 0
    assert p41._cycle_of_example(big, [[F(1, 2), F(-1, 4)], [F(-1, 2), F(3, 4)]] * 2).holds
    assert not p41._cycle_of_example(big, [[F(1, 2), F(0)], [F(-1, 2), F(1)]] * 2).holds  # an entry at 0


def _scoped_claim():
    r"""A sub-claim with a proved identity and a step proved only on a scope (k = 1..8), the weaker of the two."""
    import sympy as sp

    from proofs.engine import Assumption, Check, Claim, Equality, Necessity, StepResult

    x = sp.Symbol("x", real=True)
    scoped = Check(label="scoped", latex="", run_check=lambda: StepResult(True, "symbolic", "arb-patterns", "for k = 1..8",
                                                                           evidence="proved-on-scope", scope={"k": "1..8"}))
    return Claim(id="t.scoped", paper="t", label="T", section="", title="", statement="", reference="",
                 assumptions=[Assumption("A1", "x real", "x", Necessity("unknown", "n/a"))],
                 steps=[Equality(label="square", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 2 * x + 1), scoped])


def test_a_sub_claim_proved_on_a_scope_passes_with_that_scope_named():
    r"""B.1 and B.2 are proved only on a scope; 4.1's step must say so: evidence ``proved-on-scope``, and the scope
    names the sub-claim and, for each step resting on that weakest evidence (not the proved identity), its own scope.
    Rejects the scope dropped or taken from the other steps, or the scope branch skipped (a plain ``proved``)."""
    result = p41._claim_verified(_scoped_claim)
    assert result.ok and result.evidence == "proved-on-scope" and result.method == "sub-claim"
    assert result.scope == {"sub_claim": "t.scoped", "steps": {"scoped": {"k": "1..8"}}}
    assert result.detail.startswith("t.scoped: ")


def test_a_wrong_version_of_a_sub_claims_step_makes_the_step_fail():
    r"""The wrong versions of ``follows_from_b_1/2`` check the sub-claim with one step replaced by its first wrong
    version: ``_first_mutant(label)`` swaps exactly the step with that label (others are kept as they are), and
    ``_claim_verified`` must check the claim with the swap applied, so the sub-claim is no longer verified."""
    claim = _proved_claim()
    (square,) = claim.steps
    swap = p41._first_mutant("square")
    assert swap(square).label.startswith("square [") and not swap(square).run().ok
    other = p41._first_mutant("another")
    assert other(square) is square
    result = p41._claim_verified(_proved_claim, swap)
    assert not result.ok and result.counterexample.startswith("t.proved is not verified: ")
    assert p41._claim_verified(_proved_claim, other).ok


def test_the_figures_are_b2s(monkeypatch, tmp_path):
    r"""4.1's figures are B.2's, drawn into the same folder (a stand-in B.2 records the folder)."""
    seen = []
    monkeypatch.setattr(p41.b2, "figures", lambda outdir: seen.append(outdir) or [outdir / "b2.pdf"])
    assert p41._figures(tmp_path) == [tmp_path / "b2.pdf"] and seen == [tmp_path]


def test_the_paper_example_is_the_reconstructions_fixed_check_proved_outright():
    r"""``paper_example_cycle`` checks the paper's own example at its two fixed settings: a check the reconstruction
    adds (not a printed step of the proof), proved outright by the two exact runs (evidence ``proved``, no scope of
    cases: the settings are the statement).  Rejects it marked printed or read as a for-all witness."""
    step = next(s for s in p41.theorem().steps if s.label == "paper_example_cycle")
    assert step.printed is False
    result = step.run()
    assert result.ok and result.evidence == "proved" and result.scope is None
