r"""Kumar Prop. B.8 (written against the mutation benchmark): A1's necessity check (|Z_k| <= 2^k still holds with
eps = 1e-8) is shown able to fail at that same eps."""

from __future__ import annotations

from fractions import Fraction

from proofs import registry
from proofs.kumar.shown import exact


def test_the_wrong_count_is_refuted_at_the_positive_eps_the_necessity_is_about():
    r"""The wrong version claims |Z_k| <= 1 at eps = 1e-8.  It must be refuted there (|Z_1| = 2: one start on each
    side of 0 hits 0 at k = 1), so that rejecting it shows the check at eps = 1e-8 counts
    Z_k; a wrong version run at another eps would show nothing about the setting A1 is about."""
    claim = registry.get_claim("kumar.prop_b_8")
    check = next(a for a in claim.assumptions if a.label == "A1").necessity.check
    wrong = check.mutants()[0].run()
    assert not wrong.ok
    assert wrong.values["eps"] == exact(Fraction(1, 10**8))
    assert (wrong.values["k_at"], wrong.values["size"], wrong.values["bound"]) == (1, 2, 1)


def test_z1_is_plus_minus_alpha_times_one_minus_beta1_over_root_of_one_minus_gamma():
    r"""One step from beta^(0) > 0 moves by alpha (1 - beta1) lambda / sqrt((1 - gamma) lambda^2 + eps), so Z_1 is the
    two points +-(1/100)(1/10)/(1/10) = +-1/100 at eps = 0 (lambda cancels), and +-1/(100 sqrt(1 + 10^-6)) at
    eps = 1e-8 (paper's placement, lambda = 1).  Rejects other settings (alpha, beta1, gamma, lambda) or the list
    not returned."""
    import mpmath

    from proofs.kumar.prop_b_8 import exceptional_set

    z1 = exceptional_set(1)
    assert sorted(float(p.mid()) for p in z1) == [-0.01, 0.01]  # one point on each side of 0
    with mpmath.workdps(30):
        want = mpmath.mpf(1) / (100 * mpmath.sqrt(1 + mpmath.mpf(10) ** -6))
        for p in exceptional_set(1, Fraction(1, 10**8)):
            assert abs(abs(mpmath.mpf(p.mid().str(30, radius=False))) - want) < mpmath.mpf(10) ** -25


def test_an_undecided_sign_pattern_is_refused(monkeypatch):
    r"""If a pattern's sign cannot be decided the set is not known: ``exceptional_set`` raises rather than return
    the points it has (a dropped raise would under-count Z_k)."""
    import pytest

    from proofs.kumar import prop_b_8

    monkeypatch.setattr(prop_b_8, "adam_preimages_of_zero", lambda k, **kw: (["a point"], 3))
    with pytest.raises(ArithmeticError, match="3 sign patterns undecided at k=4"):
        prop_b_8.exceptional_set(4)
    monkeypatch.setattr(prop_b_8, "adam_preimages_of_zero", lambda k, **kw: (["a point"], 0))
    assert prop_b_8.exceptional_set(4) == ["a point"]


def _fake_sets(monkeypatch, sizes):
    r"""``exceptional_set`` replaced by hand-given sizes |Z_k| per (eps, convention); the calls are recorded."""
    from proofs.kumar import prop_b_8

    calls = []

    def fake(k, eps=Fraction(0), convention="paper"):
        calls.append((k, eps, convention))
        return [None] * sizes(k, eps, convention)
    monkeypatch.setattr(prop_b_8, "exceptional_set", fake)
    return calls


def test_count_bound_walks_k_1_to_8_for_each_eps_and_convention_and_names_the_largest(monkeypatch):
    r"""Sizes |Z_k| = k (pytorch at eps 1e-8: k + 1) within the bound 2^k: every (eps, convention) pair is run for
    k = 1..8 (32 sets), the result is proved on that scope and the detail names the largest size, 9.  A size equal to
    the bound (|Z_1| = 2 = 2^1) is within it.  Rejects k from 0 or to 9, one eps or convention skipped, '>=' for '>',
    or a wrong largest."""
    from proofs.kumar.prop_b_8 import SETTINGS, _count_bound

    calls = _fake_sets(monkeypatch, lambda k, eps, c: k + (eps != 0 and c == "pytorch"))
    result = _count_bound(lambda k: 2**k)
    eps = [Fraction(0), Fraction(1, 10**8)]
    assert calls == [(k, e, c) for e in eps for c in ("paper", "pytorch") for k in range(1, 9)]
    assert result.ok and result.evidence == "proved-on-scope" and result.detail == "|Z_k| <= 2^k for k = 1..8 (largest 9)"
    assert result.scope == {"k": "1..8", "eps": ["0", "1/100000000"], "conventions": ["paper", "pytorch"],
                            "settings": {"alpha": "1/100", "lam": "1", "beta1": "9/10", "gamma": "99/100"}}
    assert SETTINGS["lam"] == 1
    _fake_sets(monkeypatch, lambda k, eps, c: 2**k)
    assert _count_bound(lambda k: 2**k).ok


def test_count_bound_stops_at_the_first_set_over_the_bound_and_names_it(monkeypatch):
    r"""|Z_k| = 2 everywhere except pytorch at eps = 1e-8, k = 3, where it is 5 > bound 3 + 1 = 4: the check fails
    there (not earlier: |Z_1| = 2 = 1 + 1 is within), and names eps, the convention, k, the size and the bound."""
    from proofs.kumar.prop_b_8 import _count_bound

    tiny = Fraction(1, 10**8)
    calls = _fake_sets(monkeypatch, lambda k, eps, c: 5 if (k, eps, c) == (3, tiny, "pytorch") else 2)
    result = _count_bound(lambda k: k + 1)
    assert not result.ok and result.detail == "|Z_3| = 5 > 4" and calls[-1] == (3, tiny, "pytorch") and len(calls) == 27
    assert result.values == {"eps": exact(tiny), "convention": "pytorch", "k_at": 3, "size": 5, "bound": 4}


def test_the_atom_one_hundredth_hits_zero_in_one_step_and_its_double_does_not():
    r"""eps = 0, one step from beta^(0): g = sign(beta0), m = 1/10 g, v = 1/100, beta^(1) = beta0 - (1/100)(1/10 g)/(1/10)
    = beta0 - g/100: 1/100 and -1/100 go to exactly 0 (A2's witness holds), 1/50 goes to 1/100 (the wrong
    construction fails), shown against 'nonzero'."""
    from proofs.kumar.prop_b_8 import _hits_zero

    for beta0, lhs, holds in ((Fraction(1, 100), 0, True), (Fraction(-1, 100), 0, True), (Fraction(1, 50), Fraction(1, 100), False)):
        check = _hits_zero({}, beta0)
        assert (check.lhs, check.rhs, check.holds) == (lhs, "nonzero", holds), beta0


def test_the_float_measurements_are_the_four_pytorch_adam_runs(monkeypatch):
    r"""``measurements`` counts exact zeros of PyTorch Adam (beta2 = gamma = 0.99) on 20000 entries in float32 and
    float64, for (alpha, lambda, steps) = (0.01, 1, 400) and (0.003, 2, 1000), in that order.  (Recorded, not run.)"""
    import numpy as np

    from proofs.kumar import prop_b_8

    monkeypatch.setattr(prop_b_8, "zero_entry_frequency", lambda opt, **kw: (opt, kw))
    out = prop_b_8.measurements()["adam_exact_zeros"]
    assert [(o, kw["alpha"], kw["lam"], kw["steps"], kw["dtype"]) for o, kw in out] == [
        ("adam", 0.01, 1.0, 400, np.float32), ("adam", 0.01, 1.0, 400, np.float64),
        ("adam", 0.003, 2.0, 1000, np.float32), ("adam", 0.003, 2.0, 1000, np.float64)]
    assert all(kw["n"] == 20000 and kw["gamma"] == 0.99 for _, kw in out)


def test_both_counting_checks_compare_with_2_to_the_k_and_a1s_runs_at_eps_1e_8_only(monkeypatch):
    r"""Stand-in sets with |Z_k| = 2^k except |Z_3| = 9 = 2^3 + 1: the step ``exceptional_set_at_most_2_to_k`` and A1's
    necessity check (|Z_k| <= 2^k still holds at eps = 1e-8) must both refuse it at k = 3 with the bound 8 (a bound
    3^k or 2k would pass it or name 6), A1's at eps = 1e-8, the step's first at eps = 0.  A1 is the proof's own
    assumption (stated, not used silently)."""
    from proofs import registry

    _fake_sets(monkeypatch, lambda k, eps, c: 2**k + (k == 3))
    claim = registry.get_claim("kumar.prop_b_8")
    step = next(s for s in claim.steps if s.label == "exceptional_set_at_most_2_to_k").run()
    assert not step.ok and (step.values["k_at"], step.values["size"], step.values["bound"], step.values["eps"]) == (3, 9, 8, 0)
    a1 = next(a for a in claim.assumptions if a.label == "A1")
    assert not a1.used_not_stated
    result = a1.necessity.check.run()
    assert not result.ok and (result.values["k_at"], result.values["size"], result.values["bound"]) == (3, 9, 8)
    assert result.values["eps"] == exact(Fraction(1, 10**8)) and result.values["convention"] == "paper"


def test_a2s_atom_is_an_existence_proved_by_its_one_exact_case():
    r"""A2's counterexample is "there is an atom that hits 0": one exact run proves it outright (evidence ``proved``,
    no scope of cases), with beta^(1) = 0 shown against 'nonzero'.  Rejects the witness read as a for-all statement
    checked only on its cases (``proved-on-scope``)."""
    from proofs import registry

    check = next(a for a in registry.get_claim("kumar.prop_b_8").assumptions if a.label == "A2").necessity.check
    result = check.run()
    assert result.ok and result.evidence == "proved" and result.scope is None
    assert result.values == {"lhs": 0, "rhs": "nonzero"}
