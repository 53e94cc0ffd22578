r"""Cooper Assumption 1: a step's claimed c and sigma'(c) must both match the computed ones (written against the
mutation benchmark; direct calls, no whole claim)."""

from __future__ import annotations

from fractions import Fraction

from proofs import registry
from proofs.cooper import assumption_1 as A


def test_a_claim_with_the_right_c_but_a_wrong_slope_or_the_reverse_is_refuted():
    # tanh: c = 0, sigma'(0) = 1.  Matching c alone, or sigma'(c) alone, is not the verdict.
    assert A._decide("tanh", True, 0, 1).ok
    assert not A._decide("tanh", True, 0, 2).ok
    assert not A._decide("tanh", True, 1, 1).ok


def test_every_wrong_version_of_each_activation_step_is_rejected():
    for step in A._activation_steps():
        assert step.mutants() and not any(m.run().ok for m in step.mutants()), step.label


def _enclosures_at_zero(monkeypatch, name: str):
    # the mirror's Arb balls of sigma(0) and sigma'(0), as if the catalogue claimed c = 0 for ``name``
    monkeypatch.setattr(A.mirror, "assumption_1_enclosures",
                        lambda n: (A.mirror.enclose(n, Fraction(0)), A.mirror.enclose(n, Fraction(0), derivative=1)))
    return A._enclosures([name])


def test_the_enclosure_step_refuses_a_c_where_either_ball_fails(monkeypatch):
    # Rigorous A1 needs BOTH 0 in [sigma(c)] and 0 not in [sigma'(c)]. u^2 at 0: sigma = 0 but sigma' = 0 (the
    # slope ball contains 0); sigmoid at 0: sigma' = 1/4 but sigma = 1/2 (the value ball excludes 0). Either alone
    # must refute; tanh at 0 (sigma = 0, sigma' = 1) must pass.
    assert _enclosures_at_zero(monkeypatch, "tanh").ok
    square = _enclosures_at_zero(monkeypatch, "square")
    assert not square.ok and square.values == {"slope": "0"}
    assert not _enclosures_at_zero(monkeypatch, "sigmoid").ok


def test_the_shifted_ray_finding_is_the_projects_not_the_papers():
    # 'Assumption 1 is not needed for Theorems 12 and 14' is the project's finding: marking it printed would
    # attribute it to the paper (review JSON "printed", LaTeX origin) and turn a failure into an erratum.
    steps = {s.label: s for s in registry.get_claim(A.ID).steps}
    assert not steps["assumption_1_not_needed_for_theorems_12_and_14"].printed
    assert not steps["non_constant_sigma_needed_for_theorems_12_and_14"].printed


def test_the_latex_of_a_holding_activation_states_its_c_and_nonzero_slope():
    r"""For an activation satisfying Assumption 1 the step's statement is sigma(c) = 0, sigma'(c) = slope != 0 with
    the catalogue's c and slope (mish: c = 0, sigma'(0) = 3/5); a missing statement (None) shows nothing."""
    text = A._latex("mish")
    assert isinstance(text, str) and r"\sigma(0)=0" in text and r"\sigma'(0)=\frac{3}{5}\neq0" in text
    assert r"\sigma''(0)\text{ does not exist}" not in text  # mish is twice differentiable
    for name, (holds, c, slope) in A.EXPECTED.items():
        assert isinstance(A._latex(name), str) and (r"\text{no }c" not in A._latex(name)) == holds


# ---------------------------------------------------------------- verdict texts, derive, the catalogue table (brief H2)

import sympy as sp  # noqa: E402

from proofs.cooper import ray  # noqa: E402


def test_a_failing_activation_step_passes_and_its_wrong_c_shows_the_computed_verdict():
    """sigmoid: the step 'fails, no c' passes; the wrong version 'holds at c = 0, slope 1' is refuted with the
    computed verdict in the counterexample (c and slope None)."""
    assert A._decide("sigmoid", False, None, None).ok
    wrong = A._decide("sigmoid", True, 0, 1)
    assert not wrong.ok and wrong.counterexample.startswith("computed: Assumption 1 fails for")
    assert wrong.values["c"] is None and wrong.values["slope"] is None


def test_a_failing_activation_with_a_claimed_c_where_the_slope_vanishes_is_still_a_failure():
    """square at c = 0: sigma(0) = 0 but sigma'(0) = 0, so naming that c does not refute 'fails'; nor does c = 1,
    where sigma'(1) = 2 but sigma(1) = 1 is no zero (a check of sigma(c) against 1, or of sigma'(c) against 1,
    would refute one of them)."""
    assert A._decide("square", False, 0, None).ok and A._decide("square", False, 1, None).ok


def test_claiming_that_tanh_fails_is_refuted_even_at_a_c_where_its_value_is_not_0():
    """tanh satisfies A1 (at 0): 'fails, c = 1' is wrong although A1 does fail at 1; the point check may only add
    a refutation, never lift the computed verdict's."""
    assert not A._decide("tanh", False, 1, None).ok


def test_the_latex_of_elu_says_its_second_derivative_does_not_exist():
    assert A._latex("elu").endswith(r"\neq0,\ \sigma''(0)\text{ does not exist}")
    assert A._latex("sigmoid").startswith(r"\sigma(u)=") and r"\text{no }c" in A._latex("sigmoid")


def test_the_holding_activations_and_the_square_slope_ball():
    assert A._holding() == [n for n, (holds, _, _) in A.EXPECTED.items() if holds] and "elu" in A._holding()
    assert "sigmoid" not in A._holding()
    square = A._square_at_zero()
    assert not square.ok and square.detail == "square: sigma'(0) in 0"


def test_derive_for_a_formula_shows_its_jet_and_for_a_failing_one_none():
    """z exp(z): c = 0, sigma'(0) = 1, sigma''(0) = 2; z^2 + 1: no c, no jet (None), 'fails' with a proof."""
    out = A._derive({"activation": ray.Z * sp.exp(ray.Z)})
    assert (out["activation"], out["c"], out["sigma_prime_c"], out["sigma_second_c"], out["assumption_1"]) == \
        ("formula", "0", "1", "2", "holds")
    out = A._derive({"activation": ray.Z**2 + 1})
    assert (out["c"], out["sigma_prime_c"], out["sigma_second_c"], out["assumption_1"], out["evidence"]) == \
        ("None", "None", "None", "fails", "proved")


def test_derive_for_a_catalogue_name():
    out = A._derive({"activation": "tanh"})
    assert (out["activation"], out["c"], out["sigma_prime_c"], out["sigma_second_c"], out["assumption_1"],
            out["twice_differentiable"], out["zero_set"]) == ("tanh", "0", "1", "0", True, True, "{0}")


def test_the_theorems_column_for_kinked_and_shifted_activations():
    """elu satisfies A1 but is not twice differentiable: outside Definition 1, not 'the paper's ray'; relu too;
    sigmoid gets the shifted ray at c' = 0 with sigma'(c') = 1/4."""
    assert A._theorems_12_14("elu").startswith("outside Definition 1 (not twice differentiable)")
    assert A._theorems_12_14("relu").startswith("outside Definition 1")
    assert A._theorems_12_14("sigmoid") == "yes, without Assumption 1: shifted ray at c' = 0, sigma'(c') = 1/4"

