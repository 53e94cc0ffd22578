r"""Cooper Lemma 11: the chain, the necessity checks, and every second derivative of f
numerically on random small architectures against the printed table."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from numeric import network as mirror
from proofs import registry
from symbolic import network as net

CID = "cooper.lemma_11"


def test_chain_checks_and_assumptions_are_necessary():
    report = registry.report(CID)
    assert report.ok and report.status == "verified"
    assert {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions} == {
        "A1": "necessary", "A2": "necessary", "A3": "unknown"}


@settings(max_examples=3)
@given(st.lists(st.integers(1, 2), min_size=2, max_size=2), st.sampled_from(["tanh", "silu"]), st.integers(-1000, 1000))
def test_second_derivatives_follow_the_table_numerically(widths, name, t):
    arch = net.Architecture(tuple(widths), 1, 2)
    x, params = [Fraction(2, 3)], arch.parameters()
    M = net.ray_matrix(arch, "l2")
    sub = {net.SIGMA_1: net.at_activation(net.SIGMA_1, name), net.SIGMA_2: net.at_activation(net.SIGMA_2, name), net.T: t}
    for a, p in enumerate(params):
        for b in range(a, len(params)):
            want = [sp.N(v.subs(sub), 50) for v in net.second_derivative_table(arch, arch.depth + 1, p, params[b],
                                                                               [sp.Rational(2, 3)], M)]
            got = mirror.output_derivative(list(widths), 1, 2, x, t, "l2", name, a, b)
            with mpmath.workdps(60):
                assert all(abs(g - mpmath.mpf(str(w))) < mpmath.mpf(10) ** -40 * max(1, abs(w)) for g, w in zip(got, want))
