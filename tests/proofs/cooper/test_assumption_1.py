r"""Cooper Assumption 1 over the activation catalogue: every verdict, derive, the table."""

from __future__ import annotations

import json

import pytest

from proofs import registry
from proofs.cooper.assumption_1 import EXPECTED
from proofs.errors import BadInput
from proofs.values import parse_settings
from symbolic.activations import CATALOGUE

CID = "cooper.assumption_1"


def test_every_catalogue_activation_has_a_verified_step():
    report = registry.report(CID)
    assert report.ok and report.status == "verified"
    labels = {r.step.label for r in report.steps}
    assert {f"assumption_1_for_{name}" for name in CATALOGUE} <= labels
    assert set(EXPECTED) == set(CATALOGUE)


def test_derive_reports_the_elu_caveat_and_rejects_unknown_names():
    claim = registry.get_claim(CID)
    elu = claim.derive(parse_settings(claim, ["activation=elu"]))
    json.dumps(elu)
    assert elu["assumption_1"] is True and elu["twice_differentiable"] is False and elu["sigma_second_c"] == "None"
    with pytest.raises(BadInput):
        parse_settings(claim, ["activation=swish2"])


def test_catalogue_table_lands_in_extra():
    rows = registry.get_claim(CID).extra()["catalogue"]
    assert {r["activation"]: r["assumption_1"] for r in rows}["paper_example_1"] is False


def test_superfluous_verdict_shows_its_one_family():
    """'Twice differentiability is superfluous for deciding Assumption 1' is shown on ELU only: proved on that scope."""
    a1 = registry.report(CID).assumptions[0]
    assert a1.assumption.necessity.verdict == "superfluous"
    assert a1.result.ok and a1.result.evidence == "proved-on-scope" and a1.result.scope == {"family": "elu"}


def test_catalogue_says_assumption_1_serves_the_lemmas_not_the_theorems():
    extra = registry.get_claim(CID).extra()
    rows = {r["activation"]: r["theorems_12_and_14"] for r in extra["catalogue"]}
    assert "Lemmas 9-11" in extra["assumption_1_is_for"]
    assert rows["sigmoid"].startswith("yes, without Assumption 1") and rows["paper_example_1"].startswith("yes")
    assert rows["zero"].startswith("no: constant") and rows["tanh"].startswith("yes: the paper's ray")


def test_assumption_1_not_needed_step_rejects_the_paper_ray():
    steps = {r.step.label: r for r in registry.report(CID).steps}
    result = steps["assumption_1_not_needed_for_theorems_12_and_14"]
    assert result.result.ok and result.result.evidence == "proved-on-scope"
    (wrong,) = result.step.mutants()
    assert "||grad L||^2 = 4" in wrong.run().detail and not wrong.run().ok


@pytest.mark.parametrize("text, verdict, evidence, c", [
    ("log(1+exp(z))-log(2)", "holds", "proved", "0"),  # the catalogue's softplus_shifted, typed
    ("z^3-2", "holds", "proved", "2**(1/3)"),  # c found among the exact real roots
    ("z^2+1", "fails", "proved", "None"),  # the paper's Example 1: no real zero, exactly
    ("z^2", "fails", "proved", "None"),  # its only zero has sigma' = 0
    ("5", "fails", "proved", "None"),  # constant
    ("1/(1+exp(-z))", "undecided", "undecided", "None"),  # no zero by sympy.solveset: not a certificate
])
def test_assumption_1_for_a_formula_with_its_evidence_level(text, verdict, evidence, c):
    claim = registry.get_claim("cooper.assumption_1")
    out = claim.derive(parse_settings(claim, [f"activation={text}"]))
    assert (out["assumption_1"], out["evidence"], out["c"]) == (verdict, evidence, c)
