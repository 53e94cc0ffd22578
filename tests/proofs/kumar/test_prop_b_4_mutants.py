r"""Kumar Prop. B.4 (written against the mutation benchmark): the forward runs of
``exceptional_points_hit_zero`` start from the exceptional sets its detail names."""

from __future__ import annotations

from proofs import registry
from proofs.kumar import prop_b_4 as b4


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
