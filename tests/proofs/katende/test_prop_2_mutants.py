r"""proofs.katende.prop_2: the convex repair's coefficients are decided for every kappa in [0, 1] (written against
the mutation benchmark)."""

from __future__ import annotations

from proofs.katende.prop_2 import N_SQ, _convex_contraction
from symbolic import contraction as c


def test_the_one_region_rate_fails_across_the_boundary_at_kappa_0():
    # rho^2 = (1 - eta n)^2 is the rate inside the active region (kappa = 1, where its coefficient is 0); a pair
    # across the boundary has kappa in [0, 1), and at kappa = 0 the coefficient is (1 - eta n)^2 - 1 < 0
    refused = _convex_contraction((1 - c.eta * N_SQ) ** 2)
    assert not refused.ok
    assert "rho^2 - (1 - kappa eta n)^2 >= 0: counterexample" in refused.detail
