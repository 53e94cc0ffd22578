r"""Kumar Prop. B.4 (written against the mutation benchmark): the forward runs of
``exceptional_points_hit_zero`` start from the exceptional sets its detail names; A1's strict inequalities
refuse the value 0; the added step is tagged as such."""

from __future__ import annotations

import pytest

from proofs import latex, registry
from proofs.errors import AssumptionViolated
from proofs.kumar import prop_b_4 as b4
from proofs.values import parse_settings


def test_the_forward_runs_start_from_Z1_Z3_Z6_as_the_detail_says(monkeypatch):
    # the check passes from the points of any Z_k, so only the sets it draws from show a wrong k;
    # |Z_1| = 2, |Z_3| = 6 and the first 6 of the 22 points of Z_6: 14 runs
    drawn = []
    real = b4.exceptional_set
    monkeypatch.setattr(b4, "exceptional_set", lambda k, *args, **kwargs: drawn.append(k) or real(k, *args, **kwargs))
    step = next(s for s in registry.get_claim("kumar.prop_b_4").steps if s.label == "exceptional_points_hit_zero")
    result = step.run()
    assert result.ok and "Z_1, Z_3, Z_6" in result.detail
    assert drawn == [1, 3, 6] and result.sample["points"] == 14


@pytest.mark.parametrize("setting", ["alpha=0", "lam=0", "eps=0"])
def test_derive_refuses_a_zero_step_penalty_or_eps(setting):
    r"""A1 asks alpha, lambda, eps > 0 strictly (at eps = 0 a start at 0 gives 0/sqrt(0) in (23); alpha = 0 or
    lambda = 0 never moves beta), so the boundary value 0 itself must be refused, not only negative values."""
    claim = registry.get_claim("kumar.prop_b_4")
    with pytest.raises(AssumptionViolated) as raised:
        parse_settings(claim, [setting])
    assert raised.value.assumption == "A1"


def test_the_step_size_monotonicity_is_marked_as_ours_in_the_report():
    r"""``step_sizes_decrease`` (gamma^(k+1)(1 - gamma) lambda^2 > 0) is not printed in the paper: the LaTeX
    report must tag it ``added``, not ``printed``, so a referee does not look for it in App. B.3.3."""
    lines = latex.claim_section(registry.report("kumar.prop_b_4")).splitlines()
    tag = next(line for line in lines if line.startswith(r"\item \texttt{step\_\allowbreak{}sizes\_\allowbreak{}decrease}"))
    assert "[inequality, added]" in tag


def test_the_count_bound_checks_Z_1_too():
    r"""The scope says k = 1..10: a bound broken only at k = 1 (|Z_1| = 2 > 1) must fail the check, so a loop
    that starts at k = 2 (and certifies a k it never looked at) is rejected."""
    result = b4._count_bound(lambda k: 1 if k == 1 else 2**k)
    assert not result.ok and result.values["k_at"] == 1 and result.values["size"] == 2


def test_derive_accepts_k_1_the_smallest_step():
    r"""A1 allows 1 <= k <= 14: k = 1 is valid (Z_1 = {+-0.0999999500000375}), so derive must list it, not refuse it."""
    claim = registry.get_claim("kumar.prop_b_4")
    out = claim.derive(parse_settings(claim, ["k=1"]))
    assert out["size"] == 2 and [round(float(x), 9) for x in out["Z_k"]] == [0.09999995, -0.09999995]
