r"""Cooper Lemma 10: the chain and the bias derivatives of f numerically on random architectures."""

from __future__ import annotations

from fractions import Fraction

import mpmath
from hypothesis import given
from hypothesis import strategies as st

from numeric import network as mirror
from proofs import registry
from symbolic.activations import activation, values_at_c
from tests.proofs.cooper.test_lemma_9 import architectures

CID = "cooper.lemma_10"


def test_chain_checks_and_no_assumption_is_needed():
    report = registry.report(CID)
    assert report.ok and report.status == "verified"
    assert {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions} == {
        "A1": "superfluous", "A2": "superfluous"}


@given(architectures(), st.sampled_from(["tanh", "gelu", "silu", "softplus_shifted"]), st.integers(-10**6, 10**6))
def test_bias_derivatives_follow_the_table_numerically(arch, name, t):
    x, sigma_1 = [Fraction(1, 3)] * arch.d_in, values_at_c(activation(name))[1]
    for a, p in enumerate(arch.parameters()):
        if p.kind != "b":
            continue
        values = mirror.output_derivative(list(arch.widths), arch.d_in, arch.d_out, x, t, "l2", name, a)
        want = [1 if r == p.j - 1 else 0 for r in range(arch.d_out)] if p.layer == arch.depth + 1 else (
            [float(sigma_1) * t] * arch.d_out if p.layer == arch.depth else [0] * arch.d_out)
        assert all(abs(v - w) <= mpmath.mpf(10) ** -40 * max(1, abs(w)) for v, w in zip(values, want))


def test_superfluous_verdicts_show_their_scope():
    for ar in registry.report(CID).assumptions:
        assert ar.assumption.necessity.verdict == "superfluous"
        assert ar.result.ok and ar.result.evidence == "proved-on-scope" and ar.result.scope
