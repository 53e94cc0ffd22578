r"""Kumar Prop 4.1: follows from B.1 and B.2; the paper's example."""

from proofs import registry


def test_chain_verified_through_b1_and_b2():
    report = registry.report("kumar.prop_4_1")
    assert report.status == "verified"
    assert [s.step.label for s in report.steps] == ["follows_from_b_1", "follows_from_b_2", "paper_example_cycle"]


def test_sub_claims_pass_on_their_weakest_evidence_with_its_scope():
    steps = {r.step.label: r.result for r in registry.report("kumar.prop_4_1").steps}
    for label, sub in (("follows_from_b_1", "kumar.prop_b_1"), ("follows_from_b_2", "kumar.prop_b_2")):
        assert steps[label].evidence == registry.report(sub).evidence == "proved-on-scope"
        assert steps[label].scope["sub_claim"] == sub
