r"""Kumar §4 example: the printed bounds, exactly, and the step-size reduction."""

from fractions import Fraction

from proofs import registry
from proofs.kumar.example_4 import B0, cycle_norms, reduced_cycle_norms
from proofs.values import parse_settings


def test_chain_verified():
    assert registry.report("kumar.example_4").status == "verified"


def test_printed_numbers_exactly():
    assert cycle_norms(B0, Fraction(1, 100), Fraction(1)) == (Fraction(94, 10**4), Fraction(106, 10**4))
    assert cycle_norms(B0, Fraction(1, 100), Fraction(100)) == (Fraction(9894, 10**4), Fraction(10106, 10**4))
    assert max(reduced_cycle_norms(B0, Fraction(1, 100), Fraction(1))) == Fraction(14, 10**4)
    assert min(reduced_cycle_norms(B0, Fraction(1, 100), Fraction(100))) == Fraction(106, 10**4)


def test_derive_runs_with_defaults():
    claim = registry.get_claim("kumar.example_4")
    out = claim.derive(parse_settings(claim, []))
    assert out["lam_large"]["norms"] == ["4947/5000", "5053/5000"]
