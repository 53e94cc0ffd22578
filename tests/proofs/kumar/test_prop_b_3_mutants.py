r"""Kumar Prop. B.3 (written against the mutation benchmark): the ``derive`` run-size bound at its
boundary, and which steps are the paper's."""

from __future__ import annotations

import pytest

from proofs import latex, registry
from proofs.errors import BadInput
from proofs.values import parse_settings

CID = "kumar.prop_b_3"


def test_run_size_bound_admits_exactly_max_run_digits():
    # digits: alpha 1/100 -> 4, lam 1 -> 2, mu 1/2 -> 2, beta0 1/10^10 -> 12: 20 per step, 200 steps = 4000, the bound
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["steps=200", "beta0=1/10000000000"]))
    assert len(out["trajectory"]) == 201
    with pytest.raises(BadInput):  # one more digit: 200 * 21 = 4200
        claim.derive(parse_settings(claim, ["steps=200", "beta0=1/100000000000"]))


def test_pytorch_buffer_equivalence_is_an_added_step():
    # the paper prints (20) and (21); the comparison with PyTorch's buffer is ours, and the report says so
    lines = latex.claim_section(registry.report(CID)).splitlines()
    tag = {name: next(line for line in lines if line.startswith(r"\item \texttt{" + name)) for name in
           (r"heavy\_\allowbreak{}ball", r"momentum\_\allowbreak{}kick")}
    assert "[equality, added]" in tag[r"heavy\_\allowbreak{}ball"]
    assert "[equality, printed]" in tag[r"momentum\_\allowbreak{}kick"]


def test_the_A1_witness_is_the_first_vanilla_step_from_beta0():
    r"""A1's necessity text states beta^(2) = beta^(1) = 0 for vanilla NDGM (mu = 0): the witness must be the run
    from beta^(1) on. From beta0 = 2/100 (one step of alpha*lambda = 1/100 short) beta^(1) = 1/100 is not 0, so the
    check must fail there; a witness that skipped beta^(1) would certify beta^(3) = beta^(2) = 0 instead."""
    from fractions import Fraction

    check = next(a for a in registry.get_claim(CID).assumptions if a.label == "A1").necessity.check
    one_short = dict(check.cases[0], beta0=Fraction(2, 100))
    run = check.construct(one_short)
    assert run[0][0] == Fraction(1, 100) and run[1][0] == 0
    assert not check.verify(one_short, run).holds
    assert check.verify(check.cases[0], check.construct(check.cases[0])).holds
