r"""Tests of :mod:`symbolic.linear_model`: closed forms vs differentiation, data handling."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, strategies as st

from symbolic import linear_model as lm


@given(st.integers(1, 2), st.integers(1, 2), st.integers(1, 3), st.integers(0, 10**6))
def test_l2_hessian_of_the_loss_equals_the_closed_form_and_the_gram_blocks(d_in, d_out, n, seed):
    xs, ys = lm.seeded_data(n, d_in, d_out, seed, probabilities=False)
    hessian = lm.hessian(lm.l2_loss(xs, ys), lm.parameters(d_in, d_out))
    assert hessian == lm.l2_hessian_closed_form(xs, d_out) == lm.l2_hessian_from_gram(xs, d_out)


@given(st.integers(1, 4), st.integers(0, 10**6))
def test_seeded_probabilities_satisfy_assumption_2(d_out, seed):
    _, ys = lm.seeded_data(3, 2, d_out, seed, probabilities=True)
    assert all(sum(y) == 1 and min(y) >= 0 for y in ys)


def test_one_class_cross_entropy_is_identically_zero():
    y = sp.Symbol("y", real=True)
    assert lm.cross_entropy_loss([[sp.Symbol("x", real=True)]], [[y]]) == 0


def test_printed_32_differs_from_the_hessian_away_from_zero_logits():
    xs, ys = [[0]], [[1, 0]]
    rho = lm.parameters(1, 2)
    point = dict(zip(rho, [0, 0, 1, 0]))
    true_entry = lm.hessian(lm.cross_entropy_loss(xs, ys), rho)[2, 2].subs(point)
    assert sp.simplify(true_entry - sp.E / (1 + sp.E) ** 2) == 0
    assert lm.cross_entropy_hessian_as_printed_32(xs, ys)[2, 2] == sp.Rational(1, 4)


def test_operator_norm_at_most_is_exact_at_the_boundary():
    matrix = sp.Matrix([[2, 1], [1, 2]])  # eigenvalues 1 and 3
    assert lm.operator_norm_at_most(matrix, 3) and not lm.operator_norm_at_most(matrix, sp.Rational(2999, 1000))


@pytest.mark.parametrize("args", [(2, 1, 1, [[1]], [[1]]), (1, 1, 1, [[1]], None), (0, 1, 1, None, None),
                                  (1, 100, 100, None, None)])
def test_bad_data_shapes_are_rejected(args):
    n, d_in, d_out, xs, ys = args
    with pytest.raises(lm.BadData):
        lm.data_from_settings(n, d_in, d_out, xs, ys, 0, probabilities=False)


def test_depth_two_contrast_matches_the_papers_entries():
    t = sp.Symbol("t", real=True)
    assert lm.depth_two_contrast("l2") == 2 * t**2  # 2 sigma'(c)^2 t^2 n d_out, Thm 12
    assert lm.depth_two_contrast("cross_entropy") == t**2 / 4  # sigma'(c)^2 n (1/d - 1/d^2) t^2, Thm 14
