r"""Kumar Prop 5.1: the one-step inequality, the bound's limit, Huber at large learning rates."""

import numpy as np
import sympy as sp

from numeric.lasso import huber_gd_losses
from proofs import registry
from proofs.kumar.prop_5_1 import huber_instance


def _result(label):
    return next(r.result for r in registry.report("kumar.prop_5_1").steps if r.step.label == label)


def test_verdict_per_reading():
    report = registry.report("kumar.prop_5_1")
    assert report.status == "verified-with-errata"
    assert report.by_reading == {"loss_bounded": "verified-with-errata"}
    assert {e.step for e in report.errata} == {"boyd_bound_d1", "hence_the_result", "iterates_stay_bounded"}
    assert {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions} == {
        "A1": "unknown", "A2": "necessary", "A3": "necessary", "A4": "superfluous", "A5": "unknown"}
    assert [r.name for r in report.claim.readings if not r.plausible] == ["best_iterate", "iterates_bounded"]


def test_last_iterate_stays_at_198_percent_of_the_best_iterate_bound():
    result = _result("hence_the_result")
    assert not result.ok and result.evidence == "proved" and result.values["ratio"] == sp.Rational(198, 100)


def test_repaired_lemma_is_proved_and_its_wrong_version_rejected():
    assert _result("last_iterate_bound_bounded_minimizers").proved
    assert not _lemma_wrong().ok


def _lemma_wrong():
    from proofs.kumar.prop_5_1 import _lemma_last_iterate_wrong
    return _lemma_last_iterate_wrong()


def test_huber_loss_is_non_monotone_but_bounded_above_the_edge_of_stability():
    inst = huber_instance()
    losses = huber_gd_losses(inst["beta0"], inst["Z"], inst["y"], 20 * inst["eos"], 500)
    assert (np.diff(losses) > 0).any() and max(losses) < 1e3
