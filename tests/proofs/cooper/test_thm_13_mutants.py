r"""Cooper Theorem 13, the depth-two necessity witness (written against the mutation benchmark): the
Hessian entry must exceed m strictly; a point where it only equals m shows no unbounded Hessian."""

from __future__ import annotations

from fractions import Fraction

from proofs import registry

CID = "cooper.thm_13"


def _depth_two_witness():
    claim = registry.get_claim(CID)
    return next(a.necessity.check for a in claim.assumptions
                if a.necessity.check is not None and a.necessity.check.label == "depth_two_hessian_unbounded")


def test_the_depth_two_entry_must_exceed_m_strictly():
    # (HL)_{b^2_1 b^2_1}(rho(t)) = 2 t^2: at t = 1 it is 2, which beats m = 1 but not m = 2
    step = _depth_two_witness()
    assert step.verify({"m": Fraction(1)}, Fraction(1)).holds
    at_m = step.verify({"m": Fraction(2)}, Fraction(1))
    assert at_m.lhs.endswith(": 2") and not at_m.holds
