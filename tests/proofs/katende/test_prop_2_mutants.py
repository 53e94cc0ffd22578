r"""proofs.katende.prop_2: the convex repair's coefficients are decided for every kappa in [0, 1] (written against
the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

from proofs.katende import prop_2
from proofs.katende.prop_2 import N_SQ, _convex_contraction
from symbolic import contraction as c


def test_the_one_region_rate_fails_across_the_boundary_at_kappa_0():
    # rho^2 = (1 - eta n)^2 is the rate inside the active region (kappa = 1, where its coefficient is 0); a pair
    # across the boundary has kappa in [0, 1), and at kappa = 0 the coefficient is (1 - eta n)^2 - 1 < 0
    refused = _convex_contraction((1 - c.eta * N_SQ) ** 2)
    assert not refused.ok
    assert "rho^2 - (1 - kappa eta n)^2 >= 0: counterexample" in refused.detail


def test_a_segment_through_the_boundary_is_refused(monkeypatch):
    # theta, theta' = (1, -x -+ 1) both have |s| = 1 > delta = 1/100, but their midpoint (1, -x) has
    # s = 1 * x - x = 0: the segment leaves D = {|s| > delta}
    monkeypatch.setattr(prop_2, "_CASES", [{"x": Fraction(2), "y": Fraction(3), "eta": Fraction(1, 10)}])
    result = prop_2._segment_check(lambda p: {"theta": (Fraction(1), -p["x"] - 1), "theta_prime": (Fraction(1), -p["x"] + 1),
                                              "margin": Fraction(1, 100)})
    assert not result.ok and result.detail == "the segment leaves D"
    assert result.values["s_mid"] == 0 and result.values["midpoint"] == (1, -2)
