r"""Kumar Prop. B.2, the ``derive`` command (written against the mutation benchmark): each violated
hypothesis is refused with its label, the boundary values 0 included (by ``parse_settings``, which
checks the claim's hypotheses before ``derive`` runs; ``derive``'s own check is a second line)."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings


@pytest.mark.parametrize("settings,hypothesis", [(["alpha=0"], "A1"), (["alpha=-1/100"], "A1"), (["lam=0"], "A2")])
def test_derive_refuses_each_violated_hypothesis(settings, hypothesis):
    claim = registry.get_claim("kumar.prop_b_2")
    with pytest.raises(AssumptionViolated) as raised:
        claim.derive(parse_settings(claim, settings))
    assert raised.value.assumption == hypothesis


def test_derive_closed_form_agrees_with_the_exact_run():
    # alpha lambda = 1/100: 0.4947 enters the box at K_1 = 49 (0.0047), -0.305 at K_2 = 30 (-0.005); at K = 49,
    # 19 steps (odd) later, the second entry is at +0.005
    claim = registry.get_claim("kumar.prop_b_2")
    out = claim.derive(parse_settings(claim, ["beta0=[0.4947,-0.305]"]))
    assert out["K_i"] == [49, 30] and out["K"] == 49
    assert out["cycle"] == [["47/10000", "1/200"], ["-53/10000", "-1/200"]]
    assert out["mirror_agrees"] is True


def test_each_necessity_check_rejects_its_wrong_construction():
    # e.g. A3: the start 1/3 is off alpha*lambda*Z, so its run does not converge and the witness must fail
    claim = registry.get_claim("kumar.prop_b_2")
    for assumption in claim.assumptions:
        for wrong in assumption.necessity.check.mutants():
            result = wrong.run()
            assert not result.ok and result.method == "exact-rational", (assumption.label, result.detail)


def test_each_wrong_version_of_the_statement_is_refuted_where_the_run_disagrees():
    r"""The wrong versions of ``statement_8_with_K_max`` (K off by one; the parity of K - K_i ignored) must come
    out false, at a start where the exact run's β^(K) is not the claimed one: a refutation that returned
    ok would let either wrong (18) pass."""
    claim = registry.get_claim("kumar.prop_b_2")
    step = next(s for s in claim.steps if s.label == "statement_8_with_K_max")
    results = [wrong.run() for wrong in step.mutants()]
    assert len(results) == 2 and not any(r.ok for r in results)
    assert all(r.counterexample and r.values["reached"] != r.values["claimed"] for r in results)
    # K - 1 on the paper's example: at K = 48 the run is at 147/10000, one step before the box (47/10000)
    assert results[0].values["K_max"] == 48 and [str(x) for x in results[0].values["reached"]] == ["147/10000"] * 2
