r"""Kumar Prop. B.1 (written against the mutation benchmark): the ``derive`` command's defaults by hand,
the scope the exact count is made on, and the start at which the doubled-grid wrong version is refuted."""

from __future__ import annotations

from fractions import Fraction
from math import floor

import pytest

from numeric.optimizers import ndgm_first_zero
from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.kumar import prop_b_1 as b1
from proofs.kumar.prop_b_1 import _count_matches
from proofs.kumar.shown import ALPHA, BETA0, LAMBDA
from proofs.values import parse_settings


def test_derive_defaults_by_hand():
    # alpha = 1/100, lambda = 1: 1/2 = 50 alpha lambda hits 0 at step 50; 0.4947 is off the grid and never does
    claim = registry.get_claim("kumar.prop_b_1")
    out = claim.derive(parse_settings(claim, []))
    assert out["alpha_lambda"] == "1/100"
    assert out["coordinates"] == [{"beta0": "1/2", "exceptional": True, "first_zero_step": 50},
                                  {"beta0": "4947/10000", "exceptional": False, "first_zero_step": None}]


def test_the_count_is_made_at_the_alpha_lambda_its_scope_names():
    r"""``exceptional_set_countable`` is proved on the scope ``alpha_lambda``: the count must be made at those
    products αλ (a count at α/λ passes too, 2⌊1/h⌋ + 1 being right for every h, but proves another scope)."""
    seen = []
    result = _count_matches(lambda h: seen.append(h) or 2 * floor(1 / h) + 1)
    assert result.ok and result.scope["alpha_lambda"] == ["1/100", "1", "3/500", "3/35"]
    assert seen == [Fraction(1, 100), Fraction(1), Fraction(3, 500), Fraction(3, 35)]


def test_the_doubled_grid_is_refuted_at_an_odd_multiple_of_alpha_lambda():
    r"""The second wrong version of ``exceptional_set_is_alpha_lambda_Z`` predicts 2αλZ: it must be refuted at a
    start in αλZ \ 2αλZ (an odd multiple m αλ, whose exact run does reach 0, at step |m|), the point that shows
    the check's starts tell αλZ from 2αλZ (the even grid of the first case alone could not)."""
    step = next(s for s in registry.get_claim("kumar.prop_b_1").steps if s.label == "exceptional_set_is_alpha_lambda_Z")
    doubled = step.mutants()[1].run()
    assert not doubled.ok
    alpha, lam, b0 = (Fraction(str(doubled.values["point"][s])) for s in (ALPHA, LAMBDA, BETA0))
    m = b0 / (alpha * lam)
    assert m.denominator == 1 and m.numerator % 2 == 1
    assert ndgm_first_zero(b0, alpha, lam, abs(m.numerator) + 3) == abs(m.numerator)


def test_the_halved_grid_is_refuted_at_an_odd_multiple_of_half_alpha_lambda():
    r"""The first wrong version of ``exceptional_set_is_alpha_lambda_Z`` predicts (alpha lambda/2)Z: it must be
    refuted at a start in (h/2)Z outside hZ, whose exact run never reaches 0 though the wrong set contains it
    (with the text for that direction)."""
    step = next(s for s in registry.get_claim("kumar.prop_b_1").steps if s.label == "exceptional_set_is_alpha_lambda_Z")
    halved = step.mutants()[0].run()
    assert not halved.ok and "never reaches 0, inside the predicted set" in halved.counterexample
    alpha, lam, b0 = (Fraction(str(halved.values["point"][s])) for s in (ALPHA, LAMBDA, BETA0))
    m = b0 / (alpha * lam / 2)
    assert m.denominator == 1 and m.numerator % 2 == 1
    assert ndgm_first_zero(b0, alpha, lam, floor(abs(b0) / (alpha * lam)) + 3) is None


def test_a_zero_stays_at_0_only_with_sign_0_equal_0():
    r"""From 3 alpha lambda (alpha = 1/100, lambda = 1) the run is 0 at k = 3.  With sign(0) = 0 the six iterates
    from k = 3 on stay 0; with sign(0) = 1 (A4's wrong version) they alternate 0, -alpha lambda."""
    kept = b1._zero_stays(0)
    assert kept.ok and kept.counterexample is None and kept.values["tail"] == (0,) * 6
    left = b1._zero_stays(1)
    assert not left.ok and left.counterexample
    assert left.values == {"at_zero": 1, "tail": (0, Fraction(-1, 100)) * 3}


@pytest.mark.parametrize("params,hypothesis", [({"alpha": 0, "lam": 1}, "A1"), ({"alpha": -1, "lam": 1}, "A1"),
                                               ({"alpha": 1, "lam": 0}, "A2"), ({"alpha": 0, "lam": 0}, "A1")])
def test_the_settings_check_refuses_0_and_names_alpha_first(params, hypothesis):
    r"""derive's own check: alpha > 0 (A1) and lambda > 0 (A2) strictly, alpha named first when both fail."""
    with pytest.raises(AssumptionViolated) as raised:
        b1._validate(params)
    assert raised.value.assumption == hypothesis


def test_the_settings_check_admits_positive_values():
    assert b1._validate({"alpha": Fraction(1, 10**6), "lam": Fraction(1, 10**6)}) is None


def test_derive_finds_the_first_zero_of_a_negative_multiple():
    r"""-3/100 = -3 alpha lambda (alpha = 1/100, lambda = 1) is exceptional and reaches 0 at step 3; -0.031 is
    not and never does."""
    claim = registry.get_claim("kumar.prop_b_1")
    out = claim.derive(parse_settings(claim, ["beta0=[-0.03,-0.031]"]))
    assert out["coordinates"] == [{"beta0": "-3/100", "exceptional": True, "first_zero_step": 3},
                                  {"beta0": "-31/1000", "exceptional": False, "first_zero_step": None}]


def test_derive_works_with_the_product_alpha_lambda_when_lambda_is_not_1():
    r"""alpha = 1/100, lambda = 1/2: alpha lambda = 1/200 (not alpha/lambda = 1/50).  1/2 = 100 alpha lambda reaches 0
    at step 100, so the run must be followed for floor(|beta0|/(alpha lambda)) + 3 = 103 steps, not 28."""
    claim = registry.get_claim("kumar.prop_b_1")
    out = claim.derive(parse_settings(claim, ["lam=1/2", "beta0=[0.5,-0.4947]"]))
    assert out["alpha_lambda"] == "1/200"
    assert out["coordinates"] == [{"beta0": "1/2", "exceptional": True, "first_zero_step": 100},
                                  {"beta0": "-4947/10000", "exceptional": False, "first_zero_step": None}]


@pytest.mark.parametrize("setting,hypothesis", [("alpha=0", "A1"), ("lam=0", "A2")])
def test_the_hypotheses_themselves_refuse_the_value_0(setting, hypothesis):
    r"""A1 (alpha > 0) and A2 (lambda > 0) are strict: the settings are refused when parsed, against the claim's
    hypotheses, before derive's own check runs."""
    with pytest.raises(AssumptionViolated) as raised:
        parse_settings(registry.get_claim("kumar.prop_b_1"), [setting])
    assert raised.value.assumption == hypothesis


def test_the_starts_are_the_grid_and_the_offsets_the_scope_names():
    r"""The scope of ``exceptional_set_is_alpha_lambda_Z`` says its starts are multiples m alpha lambda on a grid of
    [-1/(alpha lambda), 1/(alpha lambda)] and each grid point moved by (1/3, 1e-9, -1/2) alpha lambda.  At
    alpha lambda = 1/2 (grid step 1): -1, -1/2, 0, 1/2, 1, then e.g. 1/2 + 1/6, 1/2 + 1/(2 10^9), 1/2 - 1/4."""
    assert "(1/3, 1e-9, -1/2)*alpha*lambda" in b1._simulation_scope()["beta0"]
    starts = b1._initializations(Fraction(1, 2), Fraction(1))
    half = Fraction(1, 2)
    grid = [-1, -half, 0, half, 1]
    assert starts[:5] == grid and len(starts) == 20
    assert starts[5 + 3 * 3:5 + 3 * 4] == [half + Fraction(1, 6), half + Fraction(1, 2 * 10**9), half - Fraction(1, 4)]
