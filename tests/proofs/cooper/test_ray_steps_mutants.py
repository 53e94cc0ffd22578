r"""proofs.cooper.ray_steps: the any-width recursion steps are built, one per layer kind (written
against the mutation benchmark; running them is the claims' work), and the witness for every (L0, L1)
is checked at huge constants."""

from __future__ import annotations

from proofs.cooper import ray_steps
from proofs.steps import Check


def test_recursion_steps_are_checks_with_distinct_labels():
    steps = ray_steps.recursion_steps()
    assert steps and all(isinstance(s, Check) for s in steps)
    labels = [s.label for s in steps]
    assert len(set(labels)) == len(labels) and "layer_recursion_hidden" in labels


def test_the_witness_scope_reaches_huge_constants_on_each_configuration():
    # "for every (L0, L1)": the declared scope (the JSON review lists every case) must include L0 = L1 = 10^12,
    # where t* has to be large, and L1 = 0, on both configurations, not only small constants
    result = ray_steps.witness_step("l2").run()
    assert result.ok and result.evidence == "proved-on-scope"
    cases = result.scope["cases"]
    for activation in ("tanh", "gelu"):
        constants = {(c["L0"], c["L1"]) for c in cases if c["activation"] == activation}
        assert constants == {("1", "1"), (str(10**12), str(10**12)), (str(10**6), "0")}, activation


def test_the_layer_recursions_are_added_steps():
    # Cooper's proof has no symbolic any-width layer recursion: it is the project's inductive step, and the
    # review JSON ("printed") and the LaTeX origin must say "added", not "printed".
    assert [s.printed for s in ray_steps.recursion_steps()] == [False, False]
