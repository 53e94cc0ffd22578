r"""Katende Theorem 1, the ``witness`` command (written against the mutation benchmark): a constant
:math:`L \le 0` is no candidate smoothness constant and is refused as such."""

from __future__ import annotations

import pytest
import sympy as sp

from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings


@pytest.mark.parametrize("L", ["0", "-1"])
def test_witness_refuses_a_constant_that_is_not_positive(L):
    claim = registry.get_claim("katende.thm_1")
    with pytest.raises(AssumptionViolated) as raised:
        claim.witness(parse_settings(claim, [f"L={L}"]))
    assert raised.value.assumption == "L"


def test_the_projects_own_steps_are_marked_added_not_printed():
    r"""The LaTeX report and the review JSON tag each step ``printed`` (in the paper) or ``added`` (ours). Rejects
    flipping any step's flag (the a.e. Hessian bound, the mirror, the witness and the Z3 proof are ours) or a
    necessity check's."""
    from proofs import registry

    claim = registry.get_claim("katende.thm_1")
    assert {s.label for s in claim.steps if not s.printed} == {
        "hessian_on_each_region", "loss_not_differentiable_on_boundary", "ae_hessian_norm_at_most_one_plus_x_squared",
        "lipschitz_gradient_implies_bounded_ae_hessian", "ratio_limit_eq_infinity_of_y_ne_0",
        "ratio_asymptotic_to_abs_y_over_two_epsilon", "ratio_agrees_with_mirror", "no_global_L_witness", "no_global_L_for_every_L"}
    assert len(claim.steps) == 21 and not any(a.necessity.check.printed for a in claim.assumptions)


def test_the_equivalence_reading_holds_on_both_sides_at_y_eq_0():
    r"""At y = 0 the gradient relu(s)(x, 1) is (1 + x^2)-Lipschitz and the a.e. Hessian is bounded by 1 + x^2: both
    sides of the gloss are true, so the equivalence holds there (proved, no counterexample). Rejects a check that
    takes the y != 0 branch at y = 0 or reads the Lipschitz verdict the wrong way round."""
    import sympy as sp

    from proofs.katende.thm_1 import equivalence_on

    result = equivalence_on(sp.Integer(0))
    assert result.ok and result.evidence == "proved" and result.counterexample is None
    assert result.detail == "y = 0: (3.3) holds with L = 1 + x^2 and the a.e. Hessian norm is <= x**2 + 1: both sides true"


def test_the_equivalence_reading_refuses_a_wrong_ae_bound_and_an_undecided_lipschitz_verdict(monkeypatch):
    r"""The check rests on the a.e. bound being exactly 1 + x^2, and on Z3 deciding (3.3): with a bound of
    2(1 + x^2) it must stop and say so; with an undecided Lipschitz verdict it must be undecided, not a refutation."""
    import sympy as sp

    from proofs.engine import StepResult
    from proofs.katende import thm_1
    from symbolic import one_neuron as m

    monkeypatch.setattr(thm_1, "ae_hessian_sup", lambda: 2 * (m.x**2 + 1))
    wrong = thm_1.equivalence_on(thm_1.Y_NZ)
    assert not wrong.ok and wrong.detail == "the a.e. Hessian bound is 2*x**2 + 2, not 1 + x^2"
    monkeypatch.setattr(thm_1, "ae_hessian_sup", lambda: m.x**2 + 1)
    monkeypatch.setattr(thm_1, "lipschitz_fails_for_every_L", lambda: StepResult(False, "undecided", "z3", "timeout"))
    undecided = thm_1.equivalence_on(thm_1.Y_NZ)
    assert not undecided.ok and undecided.evidence == "undecided"
    assert undecided.detail == "(3.3) could not be decided: timeout"


def test_the_witness_takes_inputs_of_up_to_100_digits():
    r"""The exact witness refuses a 101-digit y with a one-line BadInput naming the bound and accepts 100 digits.
    Rejects moving the bound."""
    from proofs.errors import BadInput

    claim = registry.get_claim("katende.thm_1")
    with pytest.raises(BadInput, match=r"^y has 101 digits: the bound is 100 digits"):
        claim.witness(parse_settings(claim, [f"y={10**100}"]))
    assert claim.witness(parse_settings(claim, [f"y={10**100 - 1}"]))["check"]["holds"]


def test_the_witness_pair_straddles_theta0_at_0_unless_w0_is_given():
    r"""theta^-+ = theta_0 -+ eps (x, 1) with eps = min(|y|/(2(1+x^2)), |y|/(8L)) = 3/80 at L = 10, x = 2, y = 3:
    without ``w0`` theta_0 = (0, 0) (the parameter's default), with w0 = 1 it is (1, -2). Rejects another default."""
    from fractions import Fraction

    claim = registry.get_claim("katende.thm_1")
    assert claim.witness({"L": Fraction(10), "x": Fraction(2), "y": Fraction(3)})["points"] == [["-3/40", "-3/80"], ["3/40", "3/80"]]
    moved = claim.witness({"L": Fraction(10), "x": Fraction(2), "y": Fraction(3), "w0": Fraction(1)})
    assert moved["points"] == [["37/40", "-163/80"], ["43/40", "-157/80"]] and moved["check"]["holds"]


def test_the_witness_accepts_every_positive_constant_even_below_1():
    r"""Any L > 0 is a candidate smoothness constant: L = 1/2 and L = 1 get a violating pair (rejects a refusal of
    L <= 1; L = 0 and below are refused by the test above)."""
    from fractions import Fraction

    claim = registry.get_claim("katende.thm_1")
    for L in (Fraction(1, 2), Fraction(1)):
        out = claim.witness({"L": L, "x": Fraction(2), "y": Fraction(3)})
        assert out["constants"] == {"L": str(L)} and out["check"]["holds"]


def test_the_equivalence_reading_at_y_0_is_undecided_when_the_lipschitz_proof_is_missing(monkeypatch):
    # at y = 0 both sides hold only by Z3's Lipschitz proof: without it the reading is undecided, never the
    # y != 0 refutation ("for every x and y != 0 ... fails for every L")
    from proofs.engine import StepResult
    from proofs.katende import thm_1

    monkeypatch.setattr(thm_1, "_y_zero_gradient_is_lipschitz",
                        lambda: StepResult(False, "undecided", "z3", "z3 gave up"))
    result = thm_1.equivalence_on(sp.Integer(0))
    assert not result.ok and result.checked == "undecided" and "could not be decided" in result.detail
