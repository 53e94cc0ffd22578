r"""Kumar B.2: the 2-cycle and K, closed form (18) vs exact simulation, CLI derive."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from numeric.optimizers import ndgm_cycle
from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.kumar.prop_b_2 import cycle_closed_form
from proofs.values import parse_settings

CID = "kumar.prop_b_2"


def off_grid_initializations():
    # multiples of 1/10^4 plus 1/(3*10^6): never a multiple of alpha*lambda = j/1000 * l/10
    return st.lists(st.integers(-9999, 9999).map(lambda i: Fraction(i, 10**4) + Fraction(1, 3 * 10**6)), min_size=1, max_size=4)


def test_chain_verified():
    report = registry.report(CID)
    assert report.status == "verified" and all(a.result.ok for a in report.assumptions)


@given(off_grid_initializations(), st.integers(1, 50), st.integers(1, 30))
@example([Fraction(4947, 10000)] * 2, 10, 10)
def test_closed_form_18_equals_exact_simulation(beta0, j, l):
    alpha, lam = Fraction(j, 1000), Fraction(l, 10)
    closed, mirror = cycle_closed_form(beta0, alpha, lam), ndgm_cycle(beta0, alpha, lam)
    assert closed["K"] == mirror.K and tuple(closed["first"]) == mirror.first and tuple(closed["second"]) == mirror.second


def test_derive_paper_example():
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["alpha=0.01", "lam=1", "beta0=[0.4947,0.4947]"]))
    assert out["K"] == 49 and out["cycle"] == [["47/10000", "47/10000"], ["-53/10000", "-53/10000"]]


@pytest.mark.parametrize("label,settings", [("A1", ["alpha=0"]), ("A2", ["lam=-1"]), ("A3", ["beta0=[0.5, 0.3]"])])
def test_bad_inputs_name_the_assumption(label, settings):
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), settings)
    assert info.value.assumption == label


def test_figure_is_written(tmp_path):
    paths = registry.get_claim(CID).figures(tmp_path)
    assert paths and all(p.exists() and p.stat().st_size > 0 for p in paths)
