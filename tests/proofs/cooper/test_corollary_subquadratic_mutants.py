r"""Cooper's subquadratic corollary: the exact quadratic-bound check at its tightest b and the steps the paper
does not print (written against the mutation benchmark; direct calls, no whole claim)."""

from __future__ import annotations

import sympy as sp

from proofs import registry
from proofs.cooper import corollary_subquadratic as cs
from symbolic import network as net


def test_the_quadratic_bound_holds_at_the_tightest_b_for_cross_entropy():
    # b = 2A/G_2 (slack 0): h = t^2/2, g = 50 (t^2 + 1)/81, so a + b g = 1 + (t^2 + 1) > t^2/2 for every t
    result = cs.quadratic_bound_holds("cross_entropy", slack=0)
    assert result.ok and result.detail.startswith("|H_entry(t)| <= 1 + 81/50 ||grad L(t)||^2")
    h, g = (net.at_activation(v, "tanh") for v in cs._pair("cross_entropy"))
    assert all(abs(h.subs(net.T, t)) <= 1 + sp.Rational(81, 50) * g.subs(net.T, t) for t in (0, 1, -3, 10**6))


def test_the_exactly_quadratic_check_is_the_projects_not_the_papers():
    steps = {s.label: s for s in registry.get_claim(cs.ID).steps}
    assert steps["quadratic_l_not_excluded_by_ray"].reading == "exactly_quadratic"
    assert not steps["quadratic_l_not_excluded_by_ray"].printed  # the reading is "not argued anywhere in the paper"
