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


def test_the_projects_own_steps_are_marked_added_not_printed():
    r"""The LaTeX report and the review JSON tag each step ``printed`` (in the paper) or ``added`` (ours). Rejects
    flipping any step's flag or any necessity check's (all three witnesses are ours)."""
    from proofs import registry

    claim = registry.get_claim("katende.prop_2")
    assert {s.label for s in claim.steps if s.printed} == {
        "jacobian_on_active_region", "jacobian_on_inactive_region", "clarke_mean_value_inequality", "segment_lies_in_D",
        "contraction_inequality_as_printed", "iterates_contract_at_rate_rho"}
    assert len(claim.steps) == 14 and not any(a.necessity.check.printed for a in claim.assumptions)


def test_the_witness_takes_inputs_of_up_to_100_digits_and_derive_up_to_50_data():
    r"""The exact witness refuses a 101-digit input with a one-line BadInput naming the bound, and accepts 100 digits
    (its points and norms have about ten times as many); derive takes 1 to 50 data. Rejects moving either bound."""
    import pytest

    from proofs import registry
    from proofs.errors import BadInput
    from proofs.values import parse_settings

    claim = registry.get_claim("katende.prop_2")
    with pytest.raises(BadInput, match=r"^y has 101 digits: the bound is 100 digits \(numerator and denominator\)"):
        claim.witness(parse_settings(claim, [f"y={10**100}"]))
    assert claim.witness(parse_settings(claim, [f"y={10**100 - 1}"]))["check"]["holds"]
    fifty, fifty_one = ",".join(["1"] * 50), ",".join(["1"] * 51)
    assert len(parse_settings(claim, [f"xs=[{fifty}]", f"ys=[{fifty}]"])["xs"]) == 50
    with pytest.raises(BadInput, match="xs has 51 entries"):
        parse_settings(claim, [f"xs=[{fifty_one}]", f"ys=[{fifty_one}]"])


def test_a_necessity_witness_that_fails_exactly_is_returned_before_any_z3_proof():
    r"""``_exact_and_general`` first checks the witness exactly on its cases: a same-side pair never breaks (3.6), so
    the exact witness's own failure (first case x = 2, y = 3, eta = 1/10) is the result, without the general step."""
    from proofs.engine import Witness
    from proofs.katende.prop_2 import _CASES, _exact_and_general, _same_side_pair, violates_contraction

    witness = Witness(label="same_side", printed=False, latex="", construct=_same_side_pair, verify=violates_contraction,
                      cases=_CASES)
    result = _exact_and_general(witness, _same_side_pair, in_D=True)
    assert not result.ok and result.engines == ()
    assert result.detail == "witness fails for {'x': Fraction(2, 1), 'y': Fraction(3, 1), 'eta': Fraction(1, 10)}"


def test_the_exact_iteration_names_the_first_step_that_breaks_a_rate_or_leaves_D(monkeypatch):
    r"""With the too-fast rate 1/4 the first start already breaks the bound at t = 1 (t = 0 always holds); and a
    trajectory whose pattern is not all-active must be refused as leaving D, at the step where it does."""
    from proofs.katende import prop_2

    fast = prop_2._iteration_check(Fraction(1, 4))
    assert not fast.ok and fast.detail == "t=1: distance exceeds rho^t"
    assert fast.values["t"] == 1 and fast.values["theta_0"] == (Fraction(1, 2), 2)
    assert fast.values["theta_0_prime"] == (Fraction(-1, 3), Fraction(3, 2))
    monkeypatch.setattr(prop_2.num, "activation_pattern", lambda p, xs: [Fraction(1), Fraction(0)])
    left = prop_2._iteration_check(Fraction(1, 2))
    assert not left.ok and left.detail == "left D at t=0"
