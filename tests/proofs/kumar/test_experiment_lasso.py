r"""The B.2 rerun: verdict, the repaired factor, derive, bad input, figure."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.errors import AssumptionViolated, BadInput
from proofs.values import parse_settings

CID = "kumar.experiment_lasso"


def test_paradox_reproduces_the_factor_is_not_reproduced_with_our_settings():
    report = registry.report(CID)
    assert report.ok and report.status == "verified" and not report.errata
    assert [a.result.ok for a in report.assumptions] == [True]
    result = next(r.result for r in report.steps if r.step.label == "more_than_fifteen_fold")
    assert result.not_reproduced and float(result.values["ratio"]) < 15
    assert result.settings["lambda ratio"] == {"value": 1000, "paper": True} and result.settings["alpha"]["paper"] is False
    assert len(report.not_reproduced) == 1


def test_the_factor_appears_at_other_plausible_sizes():
    result = next(r.result for r in registry.report(CID).steps if r.step.label == "fifteen_fold_at_other_sizes")
    assert result.ok and "500x50" in result.detail


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
