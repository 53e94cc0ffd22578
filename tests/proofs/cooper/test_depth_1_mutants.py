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
