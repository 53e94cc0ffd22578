r"""Cooper's ray configuration: the size bounds are enforced before anything is expanded (written
against the mutation benchmark; direct calls, so a bound that is not enforced fails here in
milliseconds instead of expanding a network of that size), and the exact witness check compares the right
squares; a formula's Assumption 1 report shows its exact 2-jet at c, and long expressions are cut for
the details."""

from __future__ import annotations

import pytest
import sympy as sp

from proofs.cooper import ray
from proofs.errors import BadInput


@pytest.mark.parametrize("name", sorted(ray.MAX_SIZES))
def test_each_size_bound_is_enforced(name):
    bound = ray.MAX_SIZES[name]
    ray.check_sizes({"n": 1, "d_in": 1, "d_out": 1, name: bound})  # at the bound: accepted
    with pytest.raises(BadInput, match=f"{name}={bound + 1} exceeds the bound"):
        ray.check_sizes({name: bound + 1})


def test_the_data_bound_counts_n_times_d_in_plus_d_out():
    n = ray.MAX_DATA // 128  # d_in = d_out = 64: n rows of 128 numbers
    ray.check_sizes({"n": n, "d_in": 64, "d_out": 64})
    with pytest.raises(BadInput, match=f"{(n + 1) * 128} data numbers exceed the bound {ray.MAX_DATA}"):
        ray.check_sizes({"n": n + 1, "d_in": 64, "d_out": 64})


def test_the_exact_violation_compares_squares():
    # |h(1)| = 1/2 > L0 + L1 sqrt(g(1)) = 2 sqrt(1/20) = 0.447...: (1/2)^2 = 1/4 > 2^2 / 20 = 1/5
    t = ray.net.T
    check = ray.violation(t / 2, t**2 / 20, sp.Integer(0), sp.Integer(2), sp.Integer(1))
    assert check.holds and check.lhs == "|H_entry(t*)| = 1/2" and check.rhs == "L0 + L1*||grad L(t*)|| = 0 + 2*sqrt(1/20)"
    assert not ray.violation(t / 2, t**2 / 16, sp.Integer(0), sp.Integer(2), sp.Integer(1)).holds  # 1/2 = 2 sqrt(1/16)


def test_a_formulas_report_shows_its_2_jet_at_c():
    # sigma(z) = (z - 1)(z + 3): 0 is no zero, so c = 1, with sigma(1) = 0, sigma'(1) = 4, sigma''(1) = 2
    # (what derive and witness print for --set activation=...)
    shown = ray.user_sigma((ray.Z - 1) * (ray.Z + 3)).report()
    assert (shown["c"], shown["sigma(c)"], shown["sigma'(c)"], shown["sigma''(c)"]) == ("1", "0", "4", "2")


def test_a_long_expression_is_cut_to_120_characters_and_marked():
    # the failure details of check_against_dimensions show huge expressions this way (no crash, no silent cut)
    text = ray.short(sum(sp.symbols("x_0:60")))
    assert len(text) == 123 and text.startswith("x_0 + x_1 + x_10") and text.endswith("...")
    assert ray.short(sp.Symbol("x") + 1) == "x + 1"  # short enough: unchanged


def test_assumption_1_of_the_catalogue_needs_a_c_and_a_kink_only_for_a_kinked_activation():
    # relu has a kink at 0 but no c (sigma = 0 on (-inf, 0], sigma' = 1 only where sigma > 0): A1 fails.
    # elu has c = 0 = its kink and no second derivative there: A1 holds (A2 is what fails).
    assert ray.activation_holds_a1({"activation": "relu"}) is False
    assert ray.activation_holds_a1({"activation": "elu"}) is True
    assert ray.activation_holds_a1({"activation": "sigmoid"}) is False  # no kink, no c


def test_a_scope_that_leaves_the_widths_to_the_default_shows_the_widths_that_run():
    # scope_of describes symbolic.network.scope(**spec): with no "widths" in the spec both use (1, 2).
    spec = {"depths": (3,), "d_ins": (1,), "d_outs": (1,)}
    shown = ray.scope_of(spec)
    uniform = sorted({a.widths[0] for a in ray.net.scope(**spec) if len(set(a.widths)) == 1})
    assert shown["widths"] == uniform == [1, 2]


def test_the_scope_checks_run_on_the_declared_number_of_data_points(monkeypatch):
    r"""``over_scope`` runs a check on symbolic data for every architecture of the declared scope, whose ``n``
    (shown to the referee by ``scope_of``) is 2: data of another size would prove something other than what the
    scope names."""
    seen = []
    monkeypatch.setattr(ray.net, "symbolic_data", lambda n, d_in, d_out: seen.append(n) or None)
    monkeypatch.setattr(ray.net, "derivatives_on_ray", lambda arch, data, loss: None)
    result = ray.over_scope(lambda arch, data, derivatives: None)
    assert result.ok and seen and set(seen) == set(ray.scope_of(ray.SCOPE)["n"]) == {2}
    assert {k for _, k in ray.scope_pairs()} == {2}
