r"""Cooper's depth-1 claim: assumption A2 (b >= 2) binds cross-entropy only, and its cross-checks are the
project's (written against the mutation benchmark)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from proofs import registry
from proofs.cooper import depth_1
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings

CID = "cooper.depth_1"


def test_one_output_is_refused_for_cross_entropy_only():
    claim = registry.get_claim(CID)
    assert parse_settings(claim, ["loss=l2", "d_out=1"])["d_out"] == 1
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(claim, ["loss=cross_entropy", "d_out=1"])
    assert info.value.assumption == "A2"


def test_the_direct_differentiation_cross_check_is_an_added_step():
    steps = {s.label: s for s in registry.get_claim(CID).steps}
    assert not steps["jets_equal_direct_differentiation_depth_1"].printed


def test_the_second_derivative_degree_check_reads_Hf_not_Df(monkeypatch):
    # On the real scope both tables have degree 1 in t; raise Hf's entries to degree 2 and only order 2 must see it.
    real = depth_1.net._cached_layer_jets

    def squared_hf(arch, *args):
        layers = real(arch, *args)
        last = [SimpleNamespace(lin=jet.lin, quad={k: v * v for k, v in jet.quad.items()}) for jet in layers[-1]]
        return layers[:-1] + [last]

    monkeypatch.setattr(depth_1.net, "_cached_layer_jets", squared_hf)
    second, first = depth_1.degree_check(2, 1), depth_1.degree_check(1, 1)
    assert not second.ok and second.values == {"degree": 2}
    assert first.ok and first.values == {"degree": 1}


def test_a_passing_degree_check_shows_no_counterexample():
    # On the scope Df and Hf have degree exactly 1: "<= 1" holds with no counterexample (the review JSON shows a
    # step's counterexample, so a passing step must carry none); "<= 0" fails with one.
    for order in (1, 2):
        holds, fails = depth_1.degree_check(order, 1), depth_1.degree_check(order, 0)
        assert holds.ok and holds.values == {"degree": 1} and holds.counterexample is None
        assert not fails.ok and fails.counterexample


def test_the_degree_check_reports_degree_0_for_a_table_constant_in_t(monkeypatch):
    # The maximum degree starts from 0, not 1: a Df table with no t anywhere has degree 0 and satisfies "<= 0".
    real = depth_1.net._cached_layer_jets

    def constant_df(arch, *args):
        layers = real(arch, *args)
        last = [SimpleNamespace(lin={k: v.ring.one for k, v in jet.lin.items()}, quad=jet.quad) for jet in layers[-1]]
        return layers[:-1] + [last]

    monkeypatch.setattr(depth_1.net, "_cached_layer_jets", constant_df)
    result = depth_1.degree_check(1, 0)
    assert result.ok and result.values == {"degree": 0} and result.detail.startswith("max degree 0 (claimed <= 0)")


# ---------------------------------------------------------------- data, pairs, the witness, A2 (brief H2)

from proofs.cooper import ray  # noqa: E402


def test_the_data_per_loss():
    arch = depth_1.net.Architecture((1,), 1, 2)
    assert depth_1._data("l2", arch) == depth_1.net.symbolic_data(2, 1, 2)
    assert depth_1._data("cross_entropy", arch, 3) == depth_1.net.probability_data(3, 1, 2)


def test_the_entry_pairs_are_the_prime_cases_then_the_scope_and_two_classes_for_cross_entropy():
    l2, ce = depth_1.entry_pairs("l2"), depth_1.entry_pairs("cross_entropy")
    primes = ray.prime_architectures(depth_1.PRIME_CASES)
    assert l2 == primes + [(a, 2) for a in depth_1.net.scope(**depth_1.SCOPE)] and {a.depth for a, _ in l2} == {1}
    assert ce == [(a, n) for a, n in l2 if a.d_out >= 2] and any(a.d_out == 2 for a, _ in ce)


def test_the_entry_check_passes_the_closed_form_and_rejects_twice_it(monkeypatch):
    """On one small depth-1 architecture (n = 1): the closed form passes for both losses, twice it fails on the
    first loss with the loss and the entry shown."""
    pair = (depth_1.net.Architecture((1,), 1, 2), 1)
    monkeypatch.setattr(depth_1, "entry_pairs", lambda loss: [pair])
    assert depth_1.entry_check().ok
    result = depth_1.entry_check(scale=2)
    assert not result.ok and result.detail == "l2, Architecture(widths=(1,), d_in=1, d_out=2), n = 1"
    assert result.values["loss"] == "l2" and result.values["dimensions"] == ray.dimension_point(*pair)
    data = depth_1._data("l2", pair[0], 1)
    e = depth_1.net.named_entry(pair[0])
    assert result.values["entry"] == depth_1.net.derivatives_on_ray(pair[0], data, "l2").entry(e, e)


def test_the_depth_1_witness_forces_depth_1_and_defaults_to_l2():
    """Whatever depth is given, t* is for depth 1; no loss given means L2 (t* = 4 on the tiny network)."""
    tiny = {"width": 1, "d_in": 1, "d_out": 1, "n": 1}
    out = depth_1._witness({**tiny, "depth": 3})
    assert out["points"] == [["4"]] and out["check"]["lhs"] == "|H_entry(t*)| = 32"
    # tanh: the entry 2 n d_out t^2 is the same at every depth; ||grad L||^2 at t* = 4 is depth 1's
    assert out["check"]["rhs"] == "L0 + L1*||grad L(t*)|| = 1 + 1*sqrt(250112/1225)"
    assert depth_1._witness({**tiny, "loss": None}) == out


def test_assumption_A2_binds_cross_entropy_with_one_output_only():
    holds = {a.label: a.holds for a in depth_1.theorem().assumptions}["A2"]
    assert holds({"loss": "cross_entropy", "d_out": 2}) and holds({"loss": "cross_entropy"})  # default d_out = 2
    assert not holds({"loss": "cross_entropy", "d_out": 1})
    assert holds({"loss": "l2", "d_out": 1}) and holds({})


def test_the_depth_1_claim_takes_no_depth_setting():
    names = [p.name for p in depth_1.theorem().parameters]
    assert "depth" not in names and {"width", "d_in", "d_out", "n", "loss", "L0", "L1"} <= set(names)


def test_the_depth_1_gradient_degree_step_checks_the_gradient_of_its_scope_by_hand():
    r"""``grad_norm_sq_degree_at_most_2_depth_1`` checks ||grad L||^2 on the network of its scope: widths (2,),
    d_in = d_out = 2, n = 2 symbolic data, L2 (M = Omega, all ones).  With f = 0 on the ray and S_s = sum_r y_sr:
    dL/db^2_r = -2 sum_s y_sr, dL/db^1_k = -2 t sigma_1 sum_s S_s, dL/dM^1_kj = -2 t sigma_1 sum_s S_s x_sj, so
    ||grad L||^2 = 4 sum_r (sum_s y_sr)^2 + 4 K sigma_1^2 t^2 ((sum_s S_s)^2 + sum_j (sum_s S_s x_sj)^2), K = 2.
    Rejects an expression of another n (a third datum's y_3_r), width (4K = 12) or d_out than the scope shows."""
    import sympy as sp

    from symbolic.activations import SIGMA_1

    step = {s.label: s for s in depth_1._steps()}["grad_norm_sq_degree_at_most_2_depth_1"]
    assert step.scope["architectures"] == [{"n": 2, "d_in": 2, "widths": [2], "d_out": 2}]
    x = {(s, j): sp.Symbol(f"x_{s}_{j}", real=True) for s in (1, 2) for j in (1, 2)}
    y = {(s, r): sp.Symbol(f"y_{s}_{r}", real=True) for s in (1, 2) for r in (1, 2)}
    S = {s: y[s, 1] + y[s, 2] for s in (1, 2)}
    s1, t = SIGMA_1, depth_1.net.T
    inputs = sum((S[1] * x[1, j] + S[2] * x[2, j]) ** 2 for j in (1, 2))
    by_hand = 4 * sum((y[1, r] + y[2, r]) ** 2 for r in (1, 2)) + 4 * 2 * s1**2 * t**2 * ((S[1] + S[2]) ** 2 + inputs)
    assert sp.expand(step.expr() - by_hand) == 0 and step.degree == 2 and step.at_most
