r"""Kumar Prop. B.8 (written against the mutation benchmark): A1's necessity check (|Z_k| <= 2^k still holds with
eps = 1e-8) is shown able to fail at that same eps."""

from __future__ import annotations

from fractions import Fraction

from proofs import registry
from proofs.kumar.shown import exact


def test_the_wrong_count_is_refuted_at_the_positive_eps_the_necessity_is_about():
    r"""The wrong version claims |Z_k| <= 1 at eps = 1e-8.  It must be refuted there (|Z_1| = 2: one start on each
    side of 0 hits 0 at k = 1), so that rejecting it shows the check at eps = 1e-8 counts
    Z_k; a wrong version run at another eps would show nothing about the setting A1 is about."""
    claim = registry.get_claim("kumar.prop_b_8")
    check = next(a for a in claim.assumptions if a.label == "A1").necessity.check
    wrong = check.mutants()[0].run()
    assert not wrong.ok
    assert wrong.values["eps"] == exact(Fraction(1, 10**8))
    assert (wrong.values["k_at"], wrong.values["size"], wrong.values["bound"]) == (1, 2, 1)
