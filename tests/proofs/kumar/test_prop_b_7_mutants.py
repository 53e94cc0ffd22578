r"""Proposition B.7's A2 check rejects its wrong construction by computing m, not by an error."""

from __future__ import annotations

from fractions import Fraction

from proofs.kumar.prop_b_7 import _zero_start


def test_a_nonzero_start_shows_a_nonzero_first_moment_instead_of_raising():
    # From beta0 = 1/2 the first subgradient is lambda*sign(1/2) = 1, so m^(1) = (1 - 9/10) = 1/10: the wrong
    # construction fails because m moves off 0, which a run that cannot take sqrt(1/50) exactly never showed.
    moved = _zero_start({}, Fraction(1, 2))
    assert not moved.holds and "0.100000000000000" in moved.lhs
    kept = _zero_start({}, Fraction(0))
    assert kept.holds and kept.lhs == "m = ['0', '0', '0', '0', '0', '0']"
