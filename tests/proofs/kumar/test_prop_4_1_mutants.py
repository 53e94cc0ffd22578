r"""Kumar Prop. 4.1, the paper's example (written against the mutation benchmark): with lambda = 100 the
start (0.4947, 0.4947) is already in the box (-1, 1)^2, so the 2-cycle starts at K = 0."""

from __future__ import annotations

from proofs import registry


def test_large_lambda_cycle_starts_at_the_initialization():
    result = next(r.result for r in registry.report("kumar.prop_4_1").steps if r.step.label == "paper_example_cycle")
    assert result.ok  # the values shown are those of the last case, lambda = 100
    assert result.values["lhs"] == "beta^(K) = ['4947/10000', '4947/10000'], beta^(K+1) = ['-5053/10000', '-5053/10000']"
    assert result.values["rhs"] == "2-cycle in (-1, 1)^2"
