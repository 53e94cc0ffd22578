r"""proofs.cooper.ray_steps: the any-width recursion steps are built, one per layer kind (written
against the mutation benchmark; running them is the claims' work)."""

from __future__ import annotations

from proofs.cooper import ray_steps
from proofs.steps import Check


def test_recursion_steps_are_checks_with_distinct_labels():
    steps = ray_steps.recursion_steps()
    assert steps and all(isinstance(s, Check) for s in steps)
    labels = [s.label for s in steps]
    assert len(set(labels)) == len(labels) and "layer_recursion_hidden" in labels
