r"""proofs.katende.remark_1: which unit derive says it crossed, and the digits the deep check's counterexample
shows (written against the mutation benchmark)."""

from __future__ import annotations

from proofs import registry
from proofs.katende.remark_1 import _deep_check
from proofs.values import parse_settings

CID = "katende.remark_1"


def test_derive_names_the_crossed_unit_in_the_last_hidden_layer_counting_from_1():
    claim = registry.get_claim(CID)
    for settings, layer in (([], 2), (["widths=[2, 2, 1]"], 3)):  # default widths [3, 2]; then three layers
        assert claim.derive(parse_settings(claim, settings))["crossed_neuron"] == f"layer {layer}, neuron 1"


def test_the_deep_checks_wrong_version_shows_its_numbers_to_15_digits():
    # outgoing weight 0: no jump on the first architecture (width 1), jump = eps and ratio 1/2 at both eps
    refused = _deep_check(outgoing_zero=True)
    assert not refused.ok and refused.values["widths"] == (1,)
    assert [str(refused.values[k]) for k in ("j1", "j2", "q1", "q2")] == \
        ["1.00000000000000e-6", "1.00000000000000e-12", "0.500000000000000", "0.500000000000000"]


def test_the_projects_own_steps_are_marked_added_not_printed():
    r"""The LaTeX report and the review JSON tag each step ``printed`` (a sentence of the remark) or ``added`` (ours).
    Rejects flipping any step's flag or a necessity check's."""
    claim = registry.get_claim(CID)
    assert {s.label for s in claim.steps if s.printed} == {
        "piecewise_affine_in_parameters_as_printed", "crossing_pair_preactivation", "crossing_pair_gap",
        "gradient_jump_at_every_crossing_as_printed", "no_architecture_independent_lipschitz_bound",
        "no_global_bounded_hessian_proxy"}
    assert len(claim.steps) == 20 and not any(a.necessity.check.printed for a in claim.assumptions)


def test_the_architecture_bounds_are_inclusive_and_everything_outside_is_refused():
    r"""derive and witness take 1 to 12 hidden layers of 1 to 64 units and d in [1, 64], both ends included; a width
    of 65, a 13th layer, d = 65, an empty or non-list ``widths`` are refused with a one-line BadInput. Rejects a
    strict bound, a bound moved by one, and ``and`` for ``or`` in the refusal."""
    from fractions import Fraction

    import pytest

    from proofs.errors import BadInput
    from proofs.katende.remark_1 import _architecture

    widest = _architecture({"widths": [Fraction(64)] * 12, "d": 64, "seed": 0})
    assert widest["widths"] == [64] * 12 and all(type(w) is int for w in widest["widths"])
    assert _architecture({"widths": [Fraction(1)], "d": 1})["widths"] == [1]
    for widths, d, what in (([Fraction(65)], 2, "widths"), ([Fraction(1)] * 13, 2, "widths"), ([], 2, "widths"),
                            (Fraction(3), 2, "widths"), ([Fraction(0)], 2, "widths"), ([Fraction(2)], 65, "d"),
                            ([Fraction(2)], 0, "d")):
        with pytest.raises(BadInput, match=f"^{what} must be"):
            _architecture({"widths": widths, "d": d})


def test_the_witness_accepts_every_positive_constant_even_below_1():
    r"""Any L > 0 is a candidate Lipschitz constant: L = 1/2 (where the first eps is 1/(8 int(L) + 8) = 1/8) gets a
    violating pair on the default architecture; L = 0 is refused. Rejects a refusal of L <= 1 or accepting L = 0."""
    from fractions import Fraction

    import pytest

    from proofs.errors import AssumptionViolated

    claim = registry.get_claim(CID)
    out = claim.witness(parse_settings(claim, ["L=1/2"]))
    assert out["constants"] == {"L": "1/2"} and out["check"]["holds"]
    with pytest.raises(AssumptionViolated) as refused:
        claim.witness(parse_settings(claim, ["L=0"]))
    assert refused.value.assumption == "L"
