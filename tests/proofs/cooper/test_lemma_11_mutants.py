r"""Cooper Lemma 11 (written against the mutation benchmark): the direct-differentiation cross-check
differentiates the architecture that its scope and its detail name, widths (1, 2), d_in 1, d_out 1."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.cooper import lemma_11

CID = "cooper.lemma_11"


class _Seen(Exception):
    pass


def test_the_direct_check_runs_on_its_declared_scope(monkeypatch):
    # The referee reads "widths [1, 2], d_in 1, d_out 1" in the scope and the detail: a check that silently
    # differentiated another network would prove something other than what it shows.
    def record(arch, **_):
        raise _Seen(arch)

    monkeypatch.setattr(lemma_11.net, "naive_output_derivatives", record)
    with pytest.raises(_Seen) as seen:
        lemma_11.direct_check()
    arch = seen.value.args[0]
    step = next(s for s in registry.get_claim(CID).steps if s.label == "jets_equal_direct_differentiation")
    (declared,) = step.scope["architectures"]
    assert (list(arch.widths), arch.d_in, arch.d_out) == (declared["widths"], declared["d_in"], declared["d_out"]) \
        == ([1, 2], 1, 1)



@pytest.mark.parametrize("label", ["jets_equal_direct_differentiation", "lemma_11_agrees_with_mirror"])
def test_our_cross_checks_are_marked_as_added_in_the_report(label):
    r"""The cross-check against direct differentiation and the one against the mpmath mirror are ours, not steps
    of the paper: the LaTeX report must tag them ``added``, not ``printed``, so a referee does not look for them
    in the paper."""
    from proofs import latex

    head = r"\item \texttt{" + label.replace("_", r"\_\allowbreak{}") + "} ["
    (line,) = [line for line in latex.claim_section(registry.report(CID)).splitlines() if line.startswith(head)]
    assert line[len(head):].split(", ")[1] == "added"


from fractions import Fraction  # noqa: E402

import sympy as sp  # noqa: E402

_TINY = dict(depths=(2,), widths=(1,), d_ins=(1,), d_outs=(1,))


def test_table_check_compares_every_layer_unless_asked_for_the_last_one_only():
    # A table wrong only below the output layer (every hidden entry + 1) passes the statement's check (last_only)
    # and fails Claim 3's every-layer check, at layer 1; the true table passes both on the tiny scope.
    net = lemma_11.net

    def hidden_off(arch, i, p, q, x, M):
        values = net.second_derivative_table(arch, i, p, q, x, M)
        return values if i == arch.depth + 1 else [v + 1 for v in values]

    good = lemma_11.table_check(scope=_TINY)
    assert good.ok and good.detail.startswith("every pair agrees on all ") and str(_TINY) in good.detail
    assert lemma_11.table_check(hidden_off, last_only=True, scope=_TINY).ok
    bad = lemma_11.table_check(hidden_off, scope=_TINY)
    assert not bad.ok and bad.counterexample == bad.detail
    assert bad.detail == "Architecture(widths=(1, 1), d_in=1, d_out=1): d2 f^1/d w^{1}_{11} d w^{1}_{11} = [0], table says [1]"


def test_table_check_refuses_the_table_at_depth_1_and_without_t():
    # A2 is necessary: at depth 1, d2 f / (d w^1_11)^2 = sigma''(c) t M x^2 is missing from the table (it says 0);
    # the wrong version without the factor t fails at the first pair (w^1, w^2) of widths (1, 1).
    depth_1 = lemma_11.table_check(last_only=True, scope=dict(_TINY, depths=(1,)))
    assert not depth_1.ok and depth_1.detail.endswith("= [m_1_1*sigma_2*t*x_1_1**2], table says [0]")
    no_t = lemma_11.table_check(lemma_11._without_t, last_only=True, scope=_TINY)
    assert not no_t.ok and no_t.detail.endswith("= [m_1_1*sigma_1**2*t*x_1_1], table says [m_1_1*sigma_1**2*x_1_1]")


def test_the_wrong_tables_change_one_symbol_each():
    # _sigma_1_for_sigma_2 puts sigma'(c) where (23) has sigma''(c); _without_t sets t = 1. Depth 1, widths (1,):
    # d2 f / (d b^1_1)^2 = sigma''(c) t M.
    net = lemma_11.net
    arch = net.Architecture((1,), 1, 1)
    x, M = net.symbolic_data(1, 1, 1).xs[0], net.symbolic_matrix(arch)
    b1 = net.Param("b", 1, 1, 0)
    m = M[0][0]
    assert net.second_derivative_table(arch, 2, b1, b1, x, M) == [m * net.SIGMA_2 * net.T]
    assert lemma_11._sigma_1_for_sigma_2(arch, 2, b1, b1, x, M) == [m * net.SIGMA_1 * net.T]
    assert lemma_11._without_t(arch, 2, b1, b1, x, M) == [m * net.SIGMA_2]


def test_direct_check_passes_and_names_the_pair_where_a_wrong_table_differs():
    # sympy.diff of the widths (1, 2) network agrees with the table; with sigma'' replaced by sigma' it first
    # differs at (b^2_1, b^2_1): direct sigma''(c) t M, table sigma'(c) t M; the counterexample shows both values.
    ok = lemma_11.direct_check()
    assert ok.ok and ok.detail == "direct differentiation equals Lemma 11 (widths (1,2), d_in 1, d_out 1)"
    bad = lemma_11.direct_check(table=lemma_11._sigma_1_for_sigma_2)
    net = lemma_11.net
    m = net.symbolic_matrix(net.Architecture((1, 2), 1, 1))[0][0]
    assert not bad.ok and bad.values == {"direct": [m * net.SIGMA_2 * net.T], "table": [m * net.SIGMA_1 * net.T]}
    assert "d2 f/d b^{2}_{1} d b^{2}_{1}" in bad.detail
    assert bad.counterexample.startswith(r"$\partial^2f/\partial b^{2}_{1}\,\partial b^{2}_{1} = {direct}$")


def test_the_mirror_and_its_closed_form_by_hand():
    r"""d2 f / (d b^l_1)^2, first output, at M = Omega: sigma''(c) t. silu (sigma''(c) = 1/2) at t = 5: 5/2;
    softplus_shifted (1/4) at t = -33: -33/4; tanh (sigma''(0) = 0): 0."""
    assert lemma_11._closed(((2, 2), 2, 2, "silu", Fraction(5))) == sp.Rational(5, 2)
    assert lemma_11._closed(((2, 1, 2), 1, 3, "softplus_shifted", Fraction(-33))) == sp.Rational(-33, 4)
    assert abs(lemma_11._mirror(((2, 2), 2, 2, "silu", Fraction(5))) - 2.5) < 1e-12
    assert abs(lemma_11._mirror(((2, 1, 2), 1, 3, "softplus_shifted", Fraction(-33))) + 8.25) < 1e-12
    assert lemma_11._mirror(((1, 1), 1, 1, "tanh", Fraction(3))) == 0
