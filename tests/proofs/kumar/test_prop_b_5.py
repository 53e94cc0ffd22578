r"""Kumar B.5: the limit step, both eps placements; "irrespective of lambda" is reading-dependent."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.kumar.prop_b_5 import effective_step_ratio
from proofs.values import parse_settings


def test_reading_dependent_refuted_only_for_every_lambda():
    report = registry.report("kumar.prop_b_5")
    assert report.status == "reading-dependent" and [e.step for e in report.errata] == ["irrespective_of_lambda"]
    assert report.by_reading == {"every_lambda": "refuted", "first_order": "verified"}


@given(st.integers(-4, 6), st.sampled_from(["paper", "pytorch"]))
def test_relative_deviation_within_first_order_bound(exp10, convention):
    lam, eps = Fraction(10) ** exp10, Fraction(1, 10**8)
    bound = eps / (2 * lam * lam) if convention == "paper" else eps / lam
    deviation = 1 - effective_step_ratio(lam, eps, convention)
    assert deviation >= 0 and deviation <= float(bound) * (1 + 1e-9)


@pytest.mark.parametrize("lam,convention,expected", [("1e-4", "paper", "sqrt(2)/200"), ("1e-4", "pytorch", "100/10001"),
                                                     ("1", "paper", "100*sqrt(100000001)/100000001")])
def test_derive_limit_step_exactly(lam, convention, expected):
    claim = registry.get_claim("kumar.prop_b_5")
    out = claim.derive(parse_settings(claim, ["alpha=0.01", f"lam={lam}", "eps=1e-8", f"convention={convention}"]))
    assert out["limit_step"] == expected  # exact, never rounded (lambda^2 = eps: alpha/sqrt(2) with eps inside the root)


def test_bad_gamma_rejected():
    with pytest.raises(AssumptionViolated):
        parse_settings(registry.get_claim("kumar.prop_b_5"), ["gamma=3/2"])
