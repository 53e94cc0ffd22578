r"""symbolic.linear_model: the depth-0 helpers pinned by hand on tiny data (written against the mutation
benchmark; each test names the wrong version it rejects)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symbolic import linear_model as lm

R = sp.Rational
W11, W12, W21, W22 = (sp.Symbol(f"w_{j}_{k}", real=True) for j, k in ((1, 1), (1, 2), (2, 1), (2, 2)))
B1, B2 = sp.Symbol("b_1", real=True), sp.Symbol("b_2", real=True)


def test_parameter_layout_and_output():
    # rho = weights row by row, then biases (a column-major or bias-first layout would move every Hessian entry)
    assert lm.parameters(2, 2) == [W11, W12, W21, W22, B1, B2]
    assert lm.output([3, 5], 2) == sp.Matrix([3 * W11 + 5 * W12 + B1, 3 * W21 + 5 * W22 + B2])


def test_l2_loss_and_its_gradient_by_hand():
    # the Hessian does not see the targets; the loss and the gradient do (f - y, not f + y; a sum over points)
    loss = lm.l2_loss([[1, 2], [0, 1]], [[3], [-1]])
    assert sp.expand(loss - ((W11 + 2 * W12 + B1 - 3) ** 2 + (W12 + B1 + 1) ** 2)) == 0
    assert loss.subs({W11: 0, W12: 0, B1: 0}) == 10
    assert lm.l2_loss([[1]], [[1, 2]]).subs({W11: 0, W21: 0, B1: 0, B2: 0}) == 5  # both outputs counted
    grad = lm.gradient(lm.l2_loss([[1, 2]], [[3]]), lm.parameters(2, 1)).subs({W11: 1, W12: 0, B1: 0})
    assert grad == sp.Matrix([-4, -8, -4])  # 2 (f - y) (x_1, x_2, 1) with f - y = -2


def test_cross_entropy_loss_by_hand():
    # logits (1, 0) at both points. Target (1/2, 1/2): -(1/2)(1 - log(1 + e)) - (1/2)(0 - log(1 + e)) = log(1 + e) - 1/2;
    # target (0, 1): log(1 + e). The points add (a sign flip of a term or a dropped point changes the value)
    loss = lm.cross_entropy_loss([[0], [1]], [[R(1, 2), R(1, 2)], [0, 1]])
    assert abs(sp.N(loss.subs({W11: 0, W21: 0, B1: 1, B2: 0}) - (2 * sp.log(1 + sp.E) - R(1, 2)), 30)) < 1e-25


def test_output_jacobian_and_gram_with_two_inputs():
    # d[f]_j/dw_jk = x_k in row j's block, d[f]_j/db_j = 1 after all the weights
    assert lm.output_jacobian([5, 7], 2) == sp.Matrix([[5, 7, 0, 0, 1, 0], [0, 0, 5, 7, 0, 1]])
    assert lm.gram([[1, 2]]) == sp.Matrix([[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    assert lm.gram([[1, 2], [0, 3]]) == sp.Matrix([[1, 2, 1], [2, 13, 5], [1, 5, 2]])


def test_softmax_curvature_and_class_mass_by_hand():
    p = lm.softmax(sp.Matrix([0, sp.log(3)]))
    assert p == sp.Matrix([R(1, 4), R(3, 4)])
    # diag(p) - p p^T, not diag(p) + p p^T or p p^T - diag(p)
    assert lm.softmax_curvature(p) == sp.Matrix([[R(3, 16), R(-3, 16)], [R(-3, 16), R(3, 16)]])
    assert lm.class_mass([1, 2, -4]) == -1 and lm.class_mass([]) == 0
    names = lm.softmax_weight_symbols(2, 3)
    assert [[str(v) for v in row] for row in names] == [["p_1_1", "p_1_2", "p_1_3"], ["p_2_1", "p_2_2", "p_2_3"]]
    assert all(v.is_positive for row in names for v in row)


def test_cross_entropy_hessian_in_weights_by_hand():
    # x = 2, y = (1, 1) (class mass 2): H = 2 J^T S(p) J, J = [[2, 0, 1, 0], [0, 2, 0, 1]]
    h = lm.cross_entropy_hessian_in_weights([[2]], [[1, 1]])
    p1, p2 = (sp.Symbol(f"p_1_{k}", positive=True) for k in (1, 2))
    assert h[0, 0] == 8 * p1 - 8 * p1**2
    assert h[0, 1] == -8 * p1 * p2 and h[2, 3] == -2 * p1 * p2
    assert h[0, 2] == 4 * p1 - 4 * p1**2 and h[3, 3] == 2 * p2 - 2 * p2**2


def test_cross_entropy_closed_form_by_hand():
    # at zero logits p = (1/2, 1/2), S = [[1/4, -1/4], [-1/4, 1/4]], class mass 2, x = 2
    h = lm.cross_entropy_hessian_closed_form([[2]], [[1, 1]]).subs({W11: 0, W21: 0, B1: 0, B2: 0})
    assert (h[0, 0], h[0, 1], h[0, 2], h[2, 3]) == (2, -2, 1, R(-1, 2))
    # the softmax is taken at f(x_m), not at 0: x = 1, w_11 = log 3 gives logits (log 3, 0), p = (3/4, 1/4),
    # S = (3/16) [[1, -1], [-1, 1]], class mass 2: H_00 = 3/8; a second point x = 0 (logits 0, mass 1) adds 1/4 to
    # the bias block only
    h = lm.cross_entropy_hessian_closed_form([[1], [0]], [[1, 1], [1, 0]]).subs(
        {W11: sp.log(3), W21: 0, B1: 0, B2: 0})
    assert [h[a, b] for a, b in ((0, 0), (0, 1), (0, 2), (2, 2), (2, 3))] == [
        R(3, 8), R(-3, 8), R(3, 8), R(5, 8), R(-5, 8)]


def test_printed_32_by_hand_with_an_input_and_three_classes():
    # x = 2, d = 2: rows r_1 = (2, 0, 1, 0), r_2 = (0, 2, 0, 1); (r_1^T r_1 + r_2^T r_2)/2 - (r_1 + r_2)^T (r_1 + r_2)/4
    h = lm.cross_entropy_hessian_as_printed_32([[2]], [[1, 0]])
    assert (h[0, 0], h[0, 1], h[0, 2], h[2, 3]) == (1, -1, R(1, 2), R(-1, 4))
    # two points add; three classes: the bias block is I/3 - (1 1 1)^T (1 1 1)/9
    assert lm.cross_entropy_hessian_as_printed_32([[2], [2]], [[1, 0], [0, 1]])[0, 0] == 2
    h3 = lm.cross_entropy_hessian_as_printed_32([[0]], [[1, 0, 0]])
    assert h3[3:, 3:] == sp.Matrix(3, 3, lambda a, b: R(2, 9) if a == b else R(-1, 9))


def test_hessian_display_is_the_closed_form_under_assumption_2():
    # with p = softmax(f): sum_k p_k g_k^T g_k - (sum_k p_k g_k)^T (sum_k p_k g_k) = J^T S(p) J
    p_bias = lm.cross_entropy_hessian_display([[0]], [[1, 0]]).subs({B1: sp.log(3), B2: 0})[2:, 2:]
    assert p_bias.applyfunc(sp.simplify) == sp.Matrix([[R(3, 16), R(-3, 16)], [R(-3, 16), R(3, 16)]])
    xs, ys = [[1], [2]], [[R(1, 4), R(3, 4)], [1, 0]]
    point = {W11: 1, W21: 0, B1: R(1, 2), B2: -1}
    diff = (lm.cross_entropy_hessian_display(xs, ys) - lm.cross_entropy_hessian_closed_form(xs, ys)).subs(point)
    assert all(abs(sp.N(e, 30)) < 1e-25 for e in diff)
    # three classes (a mean started from p_1 g_1, or one class left out, would break this)
    diff3 = (lm.cross_entropy_hessian_display([[1]], [[1, 0, 0]])
             - lm.cross_entropy_hessian_closed_form([[1]], [[1, 0, 0]])).subs(
        {sp.Symbol("w_3_1", real=True): 1, sp.Symbol("b_3", real=True): 2, W11: 0, W21: 0, B1: 0, B2: 1})
    assert all(abs(sp.N(e, 30)) < 1e-25 for e in diff3)


def test_smoothness_constants_by_hand():
    # 2 sum_s (1 + |x_s|^2) = 2 ((1 + 1 + 4) + 1) = 14
    assert lm.l2_smoothness_constant([[1, 2], [0, 0]]) == 14
    assert lm.l2_smoothness_constant([[-3]]) == 20
    # sum_m |s_m| (1 + |x_m|^2): |-3| * (1 + 4) + |2| * 1 = 17 (without the absolute value it would be -13)
    assert lm.cross_entropy_smoothness_constant([[2], [0]], [[-1, -2], [1, 1]]) == 17


@pytest.mark.parametrize("matrix, bound, expected", [
    (sp.zeros(2), 0, True), (sp.Matrix([[0, 1], [1, 0]]), 0, False),
    (sp.Matrix([[-3]]), 3, True), (sp.Matrix([[-3]]), 2, False),  # a negative eigenvalue counts by its size
    (sp.Matrix([[3, 0], [0, -3]]), 3, True),  # both edges are roots, neither is outside
    (sp.Matrix([[-3, 0], [0, 1]]), 2, False), (sp.Matrix([[1]]), 2, True),
    (sp.Matrix([[2, 2], [2, 2]]), 4.0, True), (sp.Matrix([[2, 2], [2, 2]]), 3.5, False),
])
def test_operator_norm_at_most_edges(matrix, bound, expected):
    assert lm.operator_norm_at_most(matrix, bound) is expected


def test_composition_7_applies_sigma_between_layers_only():
    s = sp.Function("s")
    one = [(sp.Matrix([[2]]), sp.Matrix([3]))]
    assert lm.composition_7([1], one, s) == sp.Matrix([5])  # no activation at depth 0
    layers = one + [(sp.Matrix([[5]]), sp.Matrix([7])), (sp.Matrix([[11]]), sp.Matrix([13]))]
    assert lm.composition_7([1], layers, s) == sp.Matrix([11 * s(5 * s(5) + 7) + 13])


def test_rewritten_loss_and_gradient_31_by_hand():
    # (14) rewritten: -y.f + log sum e^f; at zero logits, one-hot target: log 2 per point
    loss = lm.cross_entropy_loss_rewritten([[0], [1]], [[1, 0], [0, 1]])
    assert sp.simplify(loss.subs({W11: 0, W21: 0, B1: 0, B2: 0}) - 2 * sp.log(2)) == 0
    assert sp.simplify(loss.subs({W11: 0, W21: 1, B1: 0, B2: 0}) - (sp.log(2) - 1 + sp.log(1 + sp.E))) == 0
    # (31) at zero parameters, x = 2, y = (1, 0): (-1 + 1/2) (2, 0, 1, 0) + (1/2) (0, 2, 0, 1)
    grad = lm.cross_entropy_gradient_31([[2]], [[1, 0]]).subs({W11: 0, W21: 0, B1: 0, B2: 0})
    assert grad == sp.Matrix([-1, 1, R(-1, 2), R(1, 2)])
    # two points add, and under Assumption 2 (31) is the gradient of the (rewritten) loss
    xs, ys = [[1], [-2]], [[R(1, 3), R(2, 3)], [0, 1]]
    point = {W11: 1, W21: R(1, 2), B1: 0, B2: -1}
    diff = (lm.gradient(lm.cross_entropy_loss_rewritten(xs, ys), lm.parameters(1, 2))
            - lm.cross_entropy_gradient_31(xs, ys)).subs(point)
    assert all(abs(sp.N(e, 30)) < 1e-25 for e in diff)


def test_seeded_data_is_pinned_literally():
    # entries randint(-12, 12)/randint(1, 4); probability rows randint(0, 4) plus one at a random class, normalised
    assert lm.seeded_data(2, 1, 2, 3, probabilities=False) == (
        [[R(-5, 2)], [R(-1, 4)]], [[R(8), R(7)], [R(1), R(5, 2)]])
    assert lm.seeded_data(2, 1, 3, 5, probabilities=True) == (
        [[R(7, 3)], [R(11, 3)]], [[R(5, 8), R(0), R(3, 8)], [R(0), R(1), R(0)]])


def test_data_from_settings_edges_and_conversion():
    # the size limits are inclusive: 32 points, 6 inputs, 10 outputs pass; one more of each is refused
    xs, ys = lm.data_from_settings(32, 6, 10, None, None, 4, probabilities=False)
    assert (xs, ys) == lm.seeded_data(32, 6, 10, 4, probabilities=False)
    for n, d_in, d_out in ((33, 1, 1), (1, 7, 1), (1, 1, 11), (1, 0, 1), (1, 1, 0)):
        with pytest.raises(lm.BadData, match="need 1 <= n"):
            lm.data_from_settings(n, d_in, d_out, None, None, 0, probabilities=False)
    with pytest.raises(lm.BadData, match="give both"):
        lm.data_from_settings(1, 1, 1, None, [[1]], 0, probabilities=False)
    with pytest.raises(lm.BadData, match="rows"):
        lm.data_from_settings(1, 1, 1, [[1]], [[1], [2]], 0, probabilities=False)
    with pytest.raises(lm.BadData, match="d_in=2"):
        lm.data_from_settings(1, 2, 1, [[1]], [[1]], 0, probabilities=False)
    with pytest.raises(lm.BadData, match="d_out=2"):
        lm.data_from_settings(1, 1, 2, [[1]], [[1]], 0, probabilities=False)
    # Fractions, ints and strings become exact rationals
    xs, ys = lm.data_from_settings(2, 1, 1, [[Fraction(1, 3)], ["1/2"]], [[2], [Fraction(-5, 4)]], 0,
                                   probabilities=False)
    assert xs == [[R(1, 3)], [R(1, 2)]] and ys == [[2], [R(-5, 4)]]
    assert all(isinstance(v, sp.Rational) for row in xs + ys for v in row)


def test_depth_two_contrast_with_an_activation_not_zero_at_zero():
    """L2 with sigma(z) = 1 + z + z^2 (sigma(0) = 1, sigma'(0) = 1, sigma''(0) = 2): on Cooper's ray every parameter
    but w3 = t is 0, so u = w2 sigma(w1 x + b1) + b2 = 0 and f = t sigma(u) + b3 = t, f' = t sigma'(0) = t,
    f'' = t sigma''(0) = 2t: L'' = 2 (f')^2 + 2 (f - 1) f'' = 2t^2 + 4t(t - 1) = 2t(3t - 2).  With tanh
    (sigma(0) = sigma''(0) = 0) a wrong ray with w2 = 1 or b3 = 1 gives the same 2t^2; here it does not:
    w2 = 1 (u = sigma(0) = 1: 30t^2 - 4t), b3 = 1 (f = t + 1: 6t^2), b2 = 1 (u = 1)."""
    t = sp.Symbol("t", real=True)
    assert sp.expand(lm.depth_two_contrast("l2", lambda z: 1 + z + z**2)) == 6 * t**2 - 4 * t
