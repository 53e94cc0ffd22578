r"""Cooper Lemmas 9-11 share this shape: the chain, the failure at depth 1, numeric
first/second derivatives of f on random architectures against the tables."""

from __future__ import annotations

from fractions import Fraction

import mpmath
from hypothesis import given
from hypothesis import strategies as st

from numeric import network as mirror
from proofs import registry
from symbolic import network as net

CID = "cooper.lemma_9"


def architectures():
    return st.builds(lambda widths, d_in, d_out: net.Architecture(tuple(widths), d_in, d_out),
                     st.lists(st.integers(1, 3), min_size=2, max_size=5), st.integers(1, 3), st.integers(1, 3))


def test_chain_checks_and_depth_is_necessary():
    report = registry.report(CID)
    assert report.ok and report.status == "verified"
    assert {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions} == {"A1": "necessary", "A2": "necessary"}


@given(architectures(), st.sampled_from(sorted(mirror.ACTIVATIONS)), st.integers(-10**6, 10**6))
def test_weight_derivatives_of_f_vanish_numerically(arch, name, t):
    x = [Fraction(k + 1, 2) for k in range(arch.d_in)]
    for a, p in enumerate(arch.parameters()):
        if p.kind == "w":
            values = mirror.output_derivative(list(arch.widths), arch.d_in, arch.d_out, x, t, "l2", name, a)
            assert all(abs(v) < mpmath.mpf(10) ** -45 for v in values)
