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


def test_the_unbounded_gradient_witness_is_a_b1_ray_whose_b1_entry_alone_exceeds_G():
    r"""rho = tau e_{b_1}: the b_1 entry of grad L is start + 2 n tau (n = 2 default data), and tau =
    ceil((G + |start|)/(2n) + 1) makes that entry alone exceed G.  A tau smaller by 2 (``- 1``) gives rho = 0 at
    G = 1 (the discarded wrong construction) and a b_1 entry G - 2 < G at G = 10^6: the norm then exceeds G only
    through the other entries, not by the stated construction."""
    from proofs.cooper import thm_13 as t
    xs, ys = t._frac_data(*t._default_data())
    b1 = len(ys[0]) * len(xs[0])
    for G in (Fraction(1), Fraction(10) ** 6, Fraction(10) ** 12):
        rho = t._unbounded_rho({"G": G})
        assert rho[b1] > 0 and all(v == 0 for i, v in enumerate(rho) if i != b1)
        assert abs(t._gradient_at(rho, xs, ys)[b1]) > G
        assert t._gradient_exceeds({"G": G}, rho).holds
