r"""The depth-1 case: the chain, the witness from the command line, the mirror at depth 1
on random widths (Hypothesis), and the cross-entropy cross-check against sympy (deep)."""

from __future__ import annotations

import os
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from proofs import registry
from proofs.cooper.depth_1 import _direct
from proofs.values import parse_settings
from symbolic import network as net
from tests.proofs.cooper.test_thm_12 import agrees_with_mirror, ray_positions

CID = "cooper.depth_1"


def test_chain_checks():
    report = registry.report(CID)
    assert report.ok and report.status == "verified"


@pytest.mark.parametrize("loss", ["l2", "cross_entropy"])
def test_witness_from_settings(loss):
    claim = registry.get_claim(CID)
    out = claim.witness(parse_settings(claim, [f"loss={loss}", "L0=1e12", "L1=1e12", "activation=gelu"]))
    assert out["check"]["holds"]


@given(st.integers(1, 6), st.integers(1, 3), st.integers(1, 4), st.integers(1, 3), st.integers(0, 10**6),
       st.sampled_from(["tanh", "gelu", "silu"]), ray_positions(), st.sampled_from(["l2", "cross_entropy"]))
@example(3, 2, 3, 2, 0, "tanh", Fraction(10**6), "l2")
def test_expansion_agrees_with_the_mirror_at_depth_1(width, d_in, d_out, n, seed, name, t, loss):
    d_out = max(d_out, 2) if loss == "cross_entropy" else d_out
    agrees_with_mirror(net.Architecture((width,), d_in, d_out), n, seed, name, t, loss)


@pytest.mark.deep
@pytest.mark.skipif(os.environ.get("SMOOTHCHECK_PROFILE") != "deep", reason="long exploration: deep profile only")
def test_cross_entropy_expansion_equals_sympy_hessian_at_depth_1():
    assert _direct("cross_entropy")


def test_mirror_agreement_runs_at_its_stated_precision():
    report = registry.report(CID)
    results = {r.step.label: r.result for r in report.steps}
    assert results["agrees_with_mirror_depth_1"].ok and results["agrees_with_mirror_depth_1"].sample["dps"] == 60


def test_entry_closed_form_is_proved_on_its_scope_and_rejects_c1_for_d_out():
    from proofs.cooper.depth_1 import _entry_wrong_dimension

    result = next(r.result for r in registry.report(CID).steps if r.step.label == "hessian_entry_closed_form_depth_1")
    assert result.evidence == "proved-on-scope" and result.scope["depths"] == [1]
    assert {"n": 3, "d_in": 7, "widths": [2], "d_out": 5} in result.scope["also"]
    assert not _entry_wrong_dimension().ok


def test_depth_1_is_the_projects_claim_and_needs_no_assumption_1():
    report = registry.report(CID)
    assert report.claim.statement_kind == "project"
    by_label = {a.assumption.label: a for a in report.assumptions}
    assert by_label["A1"].assumption.necessity.verdict == "superfluous" and by_label["A1"].result.ok
    cases = by_label["A1"].result.scope["cases"]
    assert {c["depth"] for c in cases} == {"1"} and {c["loss"] for c in cases} == {"l2", "cross_entropy"}
    assert by_label["A3"].assumption.necessity.verdict == "necessary" and by_label["A3"].result.ok
