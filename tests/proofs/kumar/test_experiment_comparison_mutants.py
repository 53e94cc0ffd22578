r"""Kumar's NDGM vs RMSProp comparison (written against the mutation benchmark): "the curves cross" needs
each method above at some of the last 100 iterations; NDGM above at all 100 (or at none) is no crossing."""

from __future__ import annotations

import pytest

from proofs.kumar import experiment_comparison as cmp


@pytest.mark.parametrize("ndgm_above, crosses", [(0, False), (1, True), (99, True), (100, False)])
def test_crossing_needs_each_curve_above_somewhere(monkeypatch, ndgm_above, crosses):
    fake = {"ndgm_exact": [2] * ndgm_above + [0] * (100 - ndgm_above), "rmsprop_exact": [1] * 100, "rmsprop_zeros": 0}
    monkeypatch.setattr(cmp, "tails", lambda *args, **kw: fake)
    monkeypatch.setattr(cmp, "float_tails", lambda *args, **kw: fake)
    result = cmp._crossing()
    assert result.ok is crosses and f"NDGM above RMSProp at {ndgm_above}/100" in result.detail
