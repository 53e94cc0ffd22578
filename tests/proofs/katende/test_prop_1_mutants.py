r"""proofs.katende.prop_1: the near-zero envelope of the shifted softplus for a shift other than 1 (written
against the mutation benchmark; the claim uses shift 1, where beta * shift and beta / shift agree)."""

from __future__ import annotations

import sympy as sp

from proofs.katende.prop_1 import _blowup_near_zero
from symbolic import surrogates as m


def test_the_envelope_of_softplus_shifted_by_2_is_beta_exp_minus_beta():
    # on |u| <= 1, t = beta (u - 2) <= -beta, and phi''(t) <= e^t: |sigma''_beta| <= beta e^(-beta)
    shifted = _blowup_near_zero(2)
    assert not shifted.ok and shifted.evidence == "proved"
    assert shifted.values["envelope"] == m.beta * sp.exp(-m.beta) and shifted.values["radius"] == 1


def test_the_log_lemma_is_refused_when_a_monotonicity_half_is_not_proved(monkeypatch):
    # log s <= s - 1 needs g(1) = 0 AND both halves of g' (Z3): if Z3 proves neither half, the lemma is not proved
    from proofs.katende import prop_1

    monkeypatch.setattr(prop_1, "_z3_nonneg", lambda expr: False)
    assert prop_1.log_lemma.__wrapped__() is False
