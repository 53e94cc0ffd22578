r"""The B.2 rerun: verdict, the repaired factor, derive, bad input, figure."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.errors import AssumptionViolated, BadInput
from proofs.values import parse_settings

CID = "kumar.experiment_lasso"


def test_paradox_reproduces_but_not_the_printed_factor():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert [e.step for e in report.errata] == ["more_than_fifteen_fold"]
    assert [a.result.ok for a in report.assumptions] == [True]
    ratio = next(r.result for r in report.steps if r.step.label == "more_than_fifteen_fold").values["ratio"]
    assert f"the factor is {ratio};" in report.errata[0].description and "25.4/1.62 = 15.7" in report.errata[0].description


def test_derive_reports_norms_beside_the_paper():
    out = registry.get_claim(CID).derive({})
    assert out["paper"] == {"small_lambda_norm": 1.62, "large_lambda_norm": 25.4}
    assert out["norm_large_lambda"]["lasso"] == 0.0 < out["norm_small_lambda"]["float64"] < out["norm_large_lambda"]["float64"]


def test_unstable_step_is_rejected_naming_A1():
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), ["alpha=0.02"])
    assert info.value.assumption == "A1"


def test_too_few_steps_is_bad_input():
    with pytest.raises(BadInput):
        registry.get_claim(CID).derive({"steps": 5})


def test_figure_is_written(tmp_path):
    assert all(p.exists() for p in registry.get_claim(CID).figures(tmp_path))
