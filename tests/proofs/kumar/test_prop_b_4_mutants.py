r"""Kumar Prop. B.4 (written against the mutation benchmark): the forward runs of
``exceptional_points_hit_zero`` start from the exceptional sets its detail names; A1's strict inequalities
refuse the value 0; the added step is tagged as such."""

from __future__ import annotations

import pytest

from proofs import latex, registry
from proofs.errors import AssumptionViolated, BadInput
from proofs.kumar import prop_b_4 as b4
from proofs.values import parse_settings


def test_the_forward_runs_start_from_Z1_Z3_Z6_as_the_detail_says(monkeypatch):
    # the check passes from the points of any Z_k, so only the sets it draws from show a wrong k;
    # |Z_1| = 2, |Z_3| = 6 and the first 6 of the 22 points of Z_6: 14 runs
    drawn = []
    real = b4.exceptional_set
    monkeypatch.setattr(b4, "exceptional_set", lambda k, *args, **kwargs: drawn.append(k) or real(k, *args, **kwargs))
    step = next(s for s in registry.get_claim("kumar.prop_b_4").steps if s.label == "exceptional_points_hit_zero")
    result = step.run()
    assert result.ok and "Z_1, Z_3, Z_6" in result.detail
    assert drawn == [1, 3, 6] and result.sample["points"] == 14


@pytest.mark.parametrize("setting", ["alpha=0", "lam=0", "eps=0", "gamma=0", "gamma=1"])
def test_derive_refuses_a_zero_step_penalty_or_eps(setting):
    r"""A1 asks alpha, lambda, eps > 0 strictly (at eps = 0 a start at 0 gives 0/sqrt(0) in (23); alpha = 0 or
    lambda = 0 never moves beta), so the boundary value 0 itself must be refused, not only negative values; and
    0 < gamma < 1 is open at both ends."""
    claim = registry.get_claim("kumar.prop_b_4")
    with pytest.raises(AssumptionViolated) as raised:
        parse_settings(claim, [setting])
    assert raised.value.assumption == "A1"


def test_the_step_size_monotonicity_is_marked_as_ours_in_the_report():
    r"""``step_sizes_decrease`` (gamma^(k+1)(1 - gamma) lambda^2 > 0) is not printed in the paper: the LaTeX
    report must tag it ``added``, not ``printed``, so a referee does not look for it in App. B.3.3."""
    lines = latex.claim_section(registry.report("kumar.prop_b_4")).splitlines()
    tag = next(line for line in lines if line.startswith(r"\item \texttt{step\_\allowbreak{}sizes\_\allowbreak{}decrease}"))
    assert "[inequality, added]" in tag


def test_the_count_bound_checks_Z_1_too():
    r"""The scope says k = 1..10: a bound broken only at k = 1 (|Z_1| = 2 > 1) must fail the check, so a loop
    that starts at k = 2 (and certifies a k it never looked at) is rejected."""
    result = b4._count_bound(lambda k: 1 if k == 1 else 2**k)
    assert not result.ok and result.values["k_at"] == 1 and result.values["size"] == 2


def test_derive_accepts_k_1_the_smallest_step():
    r"""A1 allows 1 <= k <= 14: k = 1 is valid (Z_1 = {+-0.0999999500000375}), so derive must list it, not refuse it."""
    claim = registry.get_claim("kumar.prop_b_4")
    out = claim.derive(parse_settings(claim, ["k=1"]))
    assert out["size"] == 2 and [round(float(x), 9) for x in out["Z_k"]] == [0.09999995, -0.09999995]


def _paper_settings(**changes):
    return {**b4.PAPER, "k": 3, "convention": "paper", **changes}


@pytest.mark.parametrize("changes", [{"alpha": 0}, {"lam": 0}, {"eps": 0}, {"gamma": 0}, {"gamma": 1},
                                     {"alpha": -1}, {"gamma": 2}])
def test_derive_itself_refuses_settings_outside_A1(changes, monkeypatch):
    r"""``derive`` guards A1 on its own (a caller may pass settings that ``parse_settings`` never saw): each of
    alpha, lambda, eps = 0, gamma = 0 and gamma = 1 (the open interval's ends) and a value beyond them must be
    refused with A1 before any Z_k is computed, not accepted at a boundary or ignored."""
    monkeypatch.setattr(b4, "exceptional_set", lambda *args: pytest.fail("Z_k computed for settings outside A1"))
    with pytest.raises(AssumptionViolated) as raised:
        b4._derive(_paper_settings(**changes))
    assert raised.value.assumption == "A1"


@pytest.mark.parametrize("k", [0, 15, -1])
def test_derive_itself_refuses_k_outside_1_to_14(k, monkeypatch):
    r"""``derive`` computes Z_k only for 1 <= k <= 14 (2^k points): k = 0 and k = 15 must be refused, by derive
    itself too."""
    monkeypatch.setattr(b4, "exceptional_set", lambda *args: pytest.fail("Z_k computed for k out of range"))
    with pytest.raises(AssumptionViolated) as raised:
        b4._derive(_paper_settings(k=k))
    assert raised.value.assumption == "A1" and raised.value.values == {"k": k}


@pytest.mark.parametrize("k", [1, 14])
def test_derive_admits_both_ends_of_1_to_14(k, monkeypatch):
    r"""k = 1 and k = 14 are inside 1 <= k <= 14: derive must list Z_k there (Z_k faked here: only the range
    check is under test), with the settings and convention it was given."""
    seen = []
    monkeypatch.setattr(b4, "exceptional_set", lambda kk, params, convention: seen.append((kk, params["gamma"], convention))
                        or [b4.Fraction(1, 4), b4.Fraction(-1, 8)])
    out = b4._derive(_paper_settings(k=k, convention="pytorch"))
    assert out == {"k": k, "size": 2, "Z_k": ["0.25", "-0.125"]}
    assert seen == [(k, b4.Fraction(99, 100), "pytorch")]


def test_parse_settings_refuses_k_15_by_the_declared_bound():
    r"""The parameter k is declared with bounds (1, 14): k = 15 is refused as bad input at parsing (naming the
    bound), before derive's own A1 check would see it."""
    claim = registry.get_claim("kumar.prop_b_4")
    with pytest.raises(BadInput, match="k <= 14"):
        parse_settings(claim, ["k=15"])


def test_derive_refuses_undecided_signs_as_bad_input(monkeypatch):
    r"""When the Arb backward run cannot decide a sign (ArithmeticError), derive must refuse with BadInput rather
    than return a guessed Z_k."""
    def undecided(*args):
        raise ArithmeticError("ball contains 0")
    monkeypatch.setattr(b4, "exceptional_set", undecided)
    with pytest.raises(BadInput, match="undecided"):
        b4._derive(_paper_settings())


def test_the_count_bound_looks_at_k_1_to_10_in_both_conventions(monkeypatch):
    r"""``exceptional_set_at_most_2_to_k`` is scoped k = 1..10, paper and pytorch: the count must ask for exactly
    those Z_k (Z_k faked with 2^k points, so the bound 2^k holds with equality: no failure at equality)."""
    asked = []
    monkeypatch.setattr(b4, "exceptional_set", lambda k, params, convention: asked.append((convention, k)) or [0] * 2**k)
    result = b4._count_bound(lambda k: 2**k)
    assert result.ok and result.evidence == "proved-on-scope"
    assert asked == [(c, k) for c in ("paper", "pytorch") for k in range(1, 11)]


def test_the_count_bound_reports_where_it_fails_in_the_pytorch_convention(monkeypatch):
    r"""A Z_k one point larger than the bound, only under pytorch at k = 10 (the last one looked at), must fail
    the check there, with its convention, k, size and bound as values."""
    monkeypatch.setattr(b4, "exceptional_set",
                        lambda k, params, convention: [0] * (2**k + (convention == "pytorch" and k == 10)))
    result = b4._count_bound(lambda k: 2**k)
    assert not result.ok
    assert result.values == {"convention": "pytorch", "k_at": 10, "size": 1025, "bound": 1024}


def test_the_linear_count_bound_is_refuted_where_2_to_the_k_first_exceeds_it():
    r"""The wrong version of ``exceptional_set_at_most_2_to_k`` bounds |Z_k| by k + 1 (linear growth).  It is right
    at k = 1 (|Z_1| = 2 = 1 + 1) and must be refuted at k = 2, where the paper's |Z_2| = 4 > 3."""
    step = next(s for s in registry.get_claim("kumar.prop_b_4").steps if s.label == "exceptional_set_at_most_2_to_k")
    (linear,) = step.mutants()
    result = linear.run()
    assert not result.ok and result.values == {"convention": "paper", "k_at": 2, "size": 4, "bound": 3}


def test_the_forward_runs_count_a_hit_below_1e_50_as_their_detail_says():
    r"""``exceptional_points_hit_zero`` reads "|beta^(k)| < 1e-50 exactly at step k" as a hit (the 80-digit runs
    resolve far below it; Z_k's midpoints are exact to ~1e-60).  Moving every start by 5e-51 moves beta^(k) by the
    same amount, still a hit; by 2e-50 it is not, and the first point of Z_1 is reported with |beta^(1)| = 2e-50."""
    assert b4._forward_hits(b4.Fraction(5, 10**51)).ok
    missed = b4._forward_hits(b4.Fraction(2, 10**50))
    assert not missed.ok and missed.values["k_at"] == 1 and missed.values["size"] == "2.0e-50"


def test_the_step_size_inequality_is_about_the_second_moments_increase():
    r"""``step_sizes_decrease`` proves gamma^(k+1)(1 - gamma) lambda^2 > 0, written with w = gamma^(k+1) and gamma =
    1/(1+h): it must be the increase v^(k+2) - v^(k+1) of ``step_sizes_decrease_identity`` itself.  At lambda = 3,
    h = 1 (gamma = 1/2), w = 1/4 that is 1/4 * 1/2 * 9 = 9/8."""
    import sympy as sp
    steps = {s.label: s for s in registry.get_claim("kumar.prop_b_4").steps}
    lhs = steps["step_sizes_decrease"].lhs
    at = {b4.o.lam: 3, b4.H_GAMMA: 1, b4.P_GAMMA: sp.Rational(1, 4)}
    assert lhs.subs(at) == sp.Rational(9, 8)
    increase = steps["step_sizes_decrease_identity"].rhs  # gamma^(k+1) (1 - gamma) lambda^2
    assert lhs.subs(at) == increase.subs({b4.o.k: 1, b4.o.gamma: sp.Rational(1, 2), b4.o.lam: 3})


def test_a_start_already_at_0_is_no_forward_hit(monkeypatch):
    r"""A forward hit at step k stays at least 1e-6 away from 0 before step k: a start at 0 itself (which stays 0)
    is refused at k = 1 (its value at step 0 is 0), though |beta^(1)| = 0 < 1e-50.  Rejects a threshold that
    every start meets (10 * -6 = -60 instead of 10^-6)."""
    from fractions import Fraction

    monkeypatch.setattr(b4, "exceptional_set", lambda k, *args, **kwargs: [Fraction(0)])
    result = b4._forward_hits(Fraction(0))
    assert not result.ok and result.detail == "beta0=0.0 does not hit 0 at k=1"
