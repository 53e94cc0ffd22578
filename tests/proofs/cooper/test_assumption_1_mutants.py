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
