r"""Kumar Prop. B.1 (written against the mutation benchmark): the ``derive`` command's defaults by hand,
the scope the exact count is made on, and the start at which the doubled-grid wrong version is refuted."""

from __future__ import annotations

from fractions import Fraction
from math import floor

from numeric.optimizers import ndgm_first_zero
from proofs import registry
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
