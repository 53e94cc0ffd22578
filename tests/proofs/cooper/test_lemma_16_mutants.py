r"""Cooper Lemma 16: ``derive`` at the default parameters (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

from proofs import registry
from proofs.cooper import lemma_16
from proofs.values import parse_settings

CID = "cooper.lemma_16"


def test_the_default_example_shows_the_printed_bound_is_not_sharp():
    # c = (1, -2), l = (z_1, z_2): the printed bound sum |c_k| = 3, the sharp one max |c_k| = 2
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, []))
    assert out == {"F": "(exp(z_1) - 2*exp(z_2))/(exp(z_1) + exp(z_2))", "bound_as_printed": "3", "sharp_bound": "2"}


def test_the_witness_shows_the_target_it_compares_with():
    # C = 1, eps = 1/10: F(z) must exceed C - eps = 9/10; the shown rhs is that value, not C + eps
    params = {"scale": Fraction(1), "eps": Fraction(1, 10)}
    check = lemma_16._close_to_max(params, lemma_16._approach(params))
    assert check.holds and check.rhs == "max|c| - eps = 9/10"


def test_the_a1_check_certifies_every_k_of_its_declared_scope(monkeypatch):
    real, seen = lemma_16._certify, []

    def recording(bound, sizes=(1, 2, 3, 4)):
        seen.extend(sizes)
        return real(bound, sizes)

    check = registry.get_claim(CID).assumptions[0].necessity.check
    monkeypatch.setattr(lemma_16, "_certify", recording)
    assert check.run().ok and sorted(seen) == check.scope["k"] == [2, 3]


def test_the_a2_witness_shows_the_value_of_z_e_z_over_e_z_plus_1():
    # B = 1, z = 2B + 2 = 4: F(4) = 4 e^4 / (e^4 + 1) = 3.92805516...; the shown ball must enclose that value
    # (the largest case, B = 10^9, cannot show it: there e^z/(e^z + 1) = 1 to every printed digit).
    check = lemma_16._coefficient_of_z({"B": Fraction(1)}, Fraction(4))
    assert check.holds and check.lhs.startswith("F(z=4) = z e^z/(e^z+1) in [3.928055160")
