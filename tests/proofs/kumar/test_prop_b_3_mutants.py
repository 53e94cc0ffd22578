r"""Kumar Prop. B.3 (written against the mutation benchmark): the ``derive`` run-size bound at its
boundary, and which steps are the paper's."""

from __future__ import annotations

import pytest
import sympy as sp

from proofs import latex, registry
from proofs.errors import BadInput
from proofs.kumar import prop_b_3 as b3
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


def _one(*values):
    from fractions import Fraction
    return [[Fraction(v)] for v in values]


@pytest.mark.parametrize("run,zeros,nexts,holds", [
    (("1/100", 0, "-1/200", "1/400"), [1], ["-1/200"], True),   # B.3: a first zero, kicked off at the next step
    (("1/100", 0, 0, 0), [1], ["0"], False),                      # a first zero that stays (no momentum)
    (("1/100", "1/200", "1/300"), [], [], False),                 # no zero at all: nothing witnessed
    ((0, 0, "1/100", 0, "-1/7"), [3], ["-1/7"], True),            # a zero after a zero is no *first* zero
    (("1/100", "1/200", 0), [], [], False),                       # a zero at the last iterate has no next step to check
    (("1/3", 0, "1/5", 0, 0), [1, 3], ["1/5", "0"], False),       # the second first-zero stays: not every zero is kicked
])
def test_the_kick_check_reads_first_zeros_and_the_step_after_each(run, zeros, nexts, holds):
    r"""``zero_then_kick_in_exact_runs`` verifies a run by its first zeros (beta^(k) = 0, beta^(k-1) != 0, with a
    next iterate) and requires every one of them to be followed by a nonzero iterate, and at least one zero."""
    check = b3._kicked({}, _one(*run))
    assert check.holds is holds
    assert check.lhs == f"zeros at {zeros}, next {nexts}"


@pytest.mark.parametrize("run,holds", [((0, 0), True), ((0, "1/100"), False), (("1/100", 0), False), (("1/100", "1/100"), False)])
def test_the_stays_zero_check_needs_a_zero_and_a_zero_after_it(run, holds):
    check = b3._stays_zero({}, _one(*run))
    assert check.holds is holds and check.lhs == sp.Rational(run[1]) and check.rhs == 0


def test_the_cancelled_kick_starts_from_minus_alpha_lambda_over_mu_and_0():
    r"""A4's construction: beta^(k-1) = -alpha lambda/mu (= -1/50 in case 1), beta^(k) = 0.  With sign(0) = 1 the next
    iterate is 0 - alpha lambda + mu (alpha lambda/mu) = 0; with sign(0) = 0 it is the kick alpha lambda = 1/100."""
    from fractions import Fraction

    from proofs.kumar.prop_b_3 import CASES, _cancelled_kick
    assert _cancelled_kick(CASES[0], 1)[:3] == _one(0, 0, "-1/100")
    assert _cancelled_kick(CASES[0], 0)[:2] == _one(0, "1/100")
    assert _cancelled_kick(CASES[2], 1)[1] == [Fraction(0)]  # alpha lambda = 3/500, mu = 1/3: cancelled too


def test_digits_count_the_numerator_and_the_denominator():
    from fractions import Fraction

    from proofs.kumar.prop_b_3 import _digits
    assert _digits(Fraction(-3, 100)) == 4 and _digits(Fraction(12345)) == 6 and _digits(Fraction(0)) == 2


def test_derive_itself_refuses_mu_0():
    r"""mu = 0 is vanilla NDGM, where the proposition fails (A1): derive refuses it on its own, before running."""
    from fractions import Fraction

    from proofs.errors import AssumptionViolated
    from proofs.kumar.prop_b_3 import _derive
    with pytest.raises(AssumptionViolated) as raised:
        _derive({"alpha": Fraction(1, 100), "lam": Fraction(1), "mu": Fraction(0), "beta0": Fraction(1, 100), "steps": 3})
    assert raised.value.assumption == "A1"


def test_derive_lists_every_zero_of_the_run():
    r"""The defaults (beta0 = 1/100, alpha lambda = 1/100, mu = 1/2), 4 steps: 0 at k = 1, kicked to -mu beta0 = -1/200,
    then 1/400, -3/800; ``zero_steps`` lists k = 1 (the index of the run, beta0 being k = 0)."""
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["steps=4"]))
    assert out == {"trajectory": ["1/100", "0", "-1/200", "1/400", "-3/800"], "zero_steps": [1]}


@pytest.mark.parametrize("setting,hypothesis", [("mu=0", "A1"), ("mu=1", "A2"), ("beta0=0", "A3"), ("alpha=0", "A5")])
def test_each_hypothesis_refuses_its_boundary_value(setting, hypothesis):
    r"""mu != 0 (A1), mu < 1 strictly (A2: mu = 1 is refused), beta^(-1) = beta0 != 0 (A3), alpha > 0 strictly (A5):
    the boundary value of each is refused when parsed, naming that hypothesis."""
    from proofs.errors import AssumptionViolated
    with pytest.raises(AssumptionViolated) as raised:
        parse_settings(registry.get_claim(CID), [setting])
    assert raised.value.assumption == hypothesis
