r"""Cooper Lemma 10: the A1 necessity check refuses a table that differs from direct differentiation, and the
mirror cross-check is the project's (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from proofs import registry
from proofs.cooper import lemma_10

CID = "cooper.lemma_10"


def test_the_sigma_c_free_check_refuses_a_table_that_differs_from_direct_differentiation(monkeypatch):
    real = lemma_10.net.first_derivative_table
    assert lemma_10._sigma_c_free(True).ok
    monkeypatch.setattr(lemma_10.net, "first_derivative_table", lambda *args: [2 * v for v in real(*args)])
    assert not lemma_10._sigma_c_free(True).ok


def test_the_mirror_cross_check_is_an_added_step():
    steps = {s.label: s for s in registry.get_claim(CID).steps}
    assert not steps["lemma_10_agrees_with_mirror"].printed  # the paper has no numeric mirror


class _Seen(Exception):
    pass


def test_the_sigma_c_free_check_differentiates_its_declared_architecture(monkeypatch):
    # The A1 necessity check declares one architecture, widths [1, 1], d_in 1, d_out 2, and keeps sigma(c) as
    # sigma_0 when asked: a check that differentiated another network, or dropped sigma_0, would prove something
    # other than what its scope shows.
    def record(arch, **kw):
        raise _Seen(arch, kw)

    monkeypatch.setattr(lemma_10.net, "naive_output_derivatives", record)
    with pytest.raises(_Seen) as seen:
        lemma_10._sigma_c_free(True)
    arch, kw = seen.value.args
    declared = registry.get_claim(CID).assumptions[0].necessity.check.scope["architectures"]
    assert declared == [{"widths": [1, 1], "d_in": 1, "d_out": 2}]
    assert (list(arch.widths), arch.d_in, arch.d_out) == ([1, 1], 1, 2) and kw == {"keep_sigma_c": True}
    with pytest.raises(_Seen) as seen:
        lemma_10._sigma_c_free(False)
    assert seen.value.args[1] == {"keep_sigma_c": False}


def test_the_sigma_c_free_check_names_the_first_bias_that_differs(monkeypatch):
    # Both with sigma(c) kept and with sigma(c) = 0 the bias derivatives equal the table, and the detail says which
    # case ran. A doubled table first differs at b^2_1 (b^1_1's output derivative is 0 = 2 * 0): the refusal
    # names that bias and both rows.
    ok_kept, ok_zero = lemma_10._sigma_c_free(True), lemma_10._sigma_c_free(False)
    assert ok_kept.ok and ok_kept.detail.endswith("with sigma(c) kept as sigma_0")
    assert ok_zero.ok and ok_zero.detail.endswith("with sigma(c) = 0")
    real = lemma_10.net.first_derivative_table
    monkeypatch.setattr(lemma_10.net, "first_derivative_table", lambda *args: [2 * v for v in real(*args)])
    bad = lemma_10._sigma_c_free(True)
    assert not bad.ok and bad.detail == ("b^{2}_{1}: [m_1_1*sigma_1*t, m_2_1*sigma_1*t] vs "
                                         "[2*m_1_1*sigma_1*t, 2*m_2_1*sigma_1*t]")


def test_the_wrong_table_without_t_sets_t_to_1_only():
    # _without_t (the wrong version of (20)) drops the factor t of the sigma'(c) t M row and nothing else.
    net = lemma_10.net
    arch = net.Architecture((1, 1), 1, 2)
    x, M = net.symbolic_data(1, 1, 2).xs[0], net.symbolic_matrix(arch)
    b1, b2, b3 = net.Param("b", 1, 1, 0), net.Param("b", 2, 1, 0), net.Param("b", 3, 2, 0)
    s1 = net.SIGMA_1
    assert lemma_10._without_t(arch, 3, b2, x, M) == [M[0][0] * s1, M[1][0] * s1]
    assert net.first_derivative_table(arch, 3, b2, x, M) == [M[0][0] * s1 * net.T, M[1][0] * s1 * net.T]
    assert lemma_10._without_t(arch, 3, b3, x, M) == [0, 1] and lemma_10._without_t(arch, 1, b1, x, M) == [1]


def test_the_mirror_and_its_closed_form_by_hand():
    r"""d f / d b^l_1, first output, at M = Omega (all ones): sigma'(c) t. tanh at t = 3: 3; softplus_shifted
    (sigma'(c) = 1/2) at t = -33: -33/2; gelu at t = 9/7: 9/14 (exact, a SymPy Rational)."""
    import sympy as sp

    assert lemma_10._closed(((1, 1), 1, 1, "tanh", Fraction(3))) == 3
    assert lemma_10._closed(((2, 1, 2), 1, 3, "softplus_shifted", Fraction(-33))) == sp.Rational(-33, 2)
    assert lemma_10._closed(((1, 3), 1, 1, "gelu", Fraction(9, 7))) == sp.Rational(9, 14)
    assert abs(lemma_10._mirror(((1, 1), 1, 1, "tanh", Fraction(3))) - 3) < 1e-12
    assert abs(lemma_10._mirror(((2, 1, 2), 1, 3, "softplus_shifted", Fraction(-33))) + 16.5) < 1e-12
