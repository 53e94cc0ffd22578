r"""Kumar B.3: momentum kicks a zero entry off zero (exact), necessity of each assumption."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numeric.optimizers import momentum_trajectory
from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings


def test_chain_verified_with_necessity():
    report = registry.report("kumar.prop_b_3")
    assert report.status == "verified"
    verdicts = {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions}
    assert verdicts == {"A1": "necessary", "A2": "superfluous", "A3": "necessary", "A4": "necessary", "A5": "superfluous"}


@given(st.fractions(min_value=-1, max_value=1, max_denominator=1000).filter(lambda b: b != 0),
       st.fractions(min_value=Fraction(1, 100), max_value=Fraction(99, 100), max_denominator=100))
def test_from_zero_with_nonzero_previous_the_next_iterate_is_minus_mu_previous(prev, mu):
    run = momentum_trajectory([Fraction(0)], Fraction(1, 100), 1, mu, 1, beta_prev=[prev])
    assert run[1][0] == -mu * prev != 0


@pytest.mark.parametrize("label,setting", [("A1", "mu=0"), ("A5", "alpha=-1")])
def test_bad_inputs_name_the_assumption(label, setting):
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim("kumar.prop_b_3"), [setting])
    assert info.value.assumption == label
