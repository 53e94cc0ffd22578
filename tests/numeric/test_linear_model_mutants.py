r"""numeric.linear_model: the cross-entropy's value, not only its derivatives (written against the mutation
benchmark)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import mpmath
import pytest

from numeric import linear_model as nl


def test_cross_entropy_at_uniform_logits_is_log_of_the_class_count():
    # all logits 0 on two classes, one-hot label: -log(1/2) = log 2 per sample, two samples
    jet = nl.loss_jet("cross_entropy", [0, 0, 0, 0], [[1], [-3]], [[1, 0], [0, 1]], dps=30)
    with mpmath.workdps(30):
        assert abs(jet.value - 2 * mpmath.log(2)) < mpmath.mpf(10) ** -25


def test_an_unknown_loss_is_refused_by_name():
    # "l1" is no loss of the model: a ValueError naming the two losses, not a KeyError from the table
    with pytest.raises(ValueError, match="unknown loss 'l1'"):
        nl.loss_jet("l1", [0, 0], [[1]], [[2]])


def test_a_jet_is_an_immutable_value():
    # jets are shared between the loss's terms: one cannot be changed in place, and equal jets hash alike
    jet = nl.Jet.variable(Fraction(3), 0, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        jet.value = Fraction(4)
    assert hash(jet) == hash(nl.Jet.variable(Fraction(3), 0, 1))


# --- jets, the model's output and both losses by hand (written against the mutation benchmark) ---

F = Fraction


def test_jet_variable_and_arithmetic_in_two_parameters():
    x, y = nl.Jet.variable(F(1), 0, 2), nl.Jet.variable(F(2), 1, 2)
    assert y.grad == (0, 1) and y.hess == ((0, 0), (0, 0))
    xy = x * y  # rejects a Hessian without the cross terms a_i b_j + a_j b_i
    assert (xy.value, xy.grad, xy.hess) == (2, (2, 1), ((0, 1), (1, 0)))
    assert (x * x).hess == ((2, 0), (0, 0))
    d = x - y
    assert (d.value, d.grad) == (-1, (1, -1))
    r = 7 - x
    assert (r.value, r.grad) == (6, (-1, 0))
    n = -y
    assert (n.value, n.grad) == (-2, (0, -1))
    s = 3 + x
    assert (s.value, s.grad, s.hess) == (4, (1, 0), ((0, 0), (0, 0)))
    t = 3 * xy
    assert (t.value, t.grad, t.hess) == (6, (6, 3), ((0, 3), (3, 0)))


def test_log_of_a_product_is_a_sum_of_logs():
    # log(x y) at (1, 2): gradient (1/x, 1/y) = (1, 1/2), Hessian diag(-1/x^2, -1/y^2) = diag(-1, -1/4)
    x, y = nl.Jet.variable(F(1), 0, 2), nl.Jet.variable(F(2), 1, 2)
    jet = nl._log(x * y, lambda v: F(0))
    assert jet.grad == (1, F(1, 2)) and jet.hess == ((-1, 0), (0, F(-1, 4)))


def test_exp_of_a_sum_at_zero():
    # e^(x + y) at 0: value, gradient and every Hessian entry 1
    x, y = nl.Jet.variable(F(0), 0, 2), nl.Jet.variable(F(0), 1, 2)
    jet = nl._exp(x + y, nl._exact_exp)
    assert (jet.value, jet.grad, jet.hess) == (1, (1, 1), ((1, 1), (1, 1)))
    with pytest.raises(ArithmeticError):
        nl._exact_exp(F(1, 2))


def test_output_reads_weights_row_by_row_then_biases():
    # M = [[1, 2, 3], [4, 5, 6]], b = (7, 8), x = (1, 10, 100)
    assert nl.output([1, 2, 3, 4, 5, 6, 7, 8], [1, 10, 100], 2) == [328, 662]
    assert nl.rho_from([[1, 2, 3], [4, 5, 6]], [7, 8]) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert nl.rho_from([[1, 2, 3]], [4]) == [1, 2, 3, 4]


def test_l2_loss_over_two_samples_exactly():
    # rho = (w, b) = (1, 0), samples (1, 1) and (2, 0): residuals 0 and 2
    jet = nl.loss_jet("l2", [1, 0], [[1], [2]], [[1], [0]], exact=True)
    assert jet.value == 4 and jet.grad == (8, 4)  # 2 sum r x, 2 sum r
    assert nl.hessian_exact("l2", [1, 0], [[1], [2]], [[1], [0]]) == [[10, 6], [6, 4]]  # 2 sum [[x^2, x], [x, 1]]
    assert all(isinstance(v, Fraction) for row in nl.hessian_exact("l2", [1, 0], [[1]], [[1]]) for v in row)


def test_cross_entropy_at_nonuniform_logits():
    # logits = biases (ln 3, 0) (x = 0), label class 1: softmax (3/4, 1/4), loss ln 4,
    # gradient in b = softmax - y = (3/4, -3/4), Hessian in b = diag(p) - p p^T
    with mpmath.workdps(40):
        rho = [0, 0, mpmath.log(3), 0]
        jet = nl.loss_jet("cross_entropy", rho, [[0]], [[0, 1]], dps=40)
        tol = mpmath.mpf(10) ** -35
        assert abs(jet.value - mpmath.log(4)) < tol
        grad = nl.gradient("cross_entropy", rho, [[0]], [[0, 1]], dps=40)
        assert abs(grad[2] - mpmath.mpf(3) / 4) < tol and abs(grad[3] + mpmath.mpf(3) / 4) < tol
        H = nl.hessian("cross_entropy", rho, [[0]], [[0, 1]], dps=40)
        assert abs(H[2][2] - mpmath.mpf(3) / 16) < tol and abs(H[2][3] + mpmath.mpf(3) / 16) < tol
        assert abs(H[3][3] - mpmath.mpf(3) / 16) < tol


def test_exact_cross_entropy_refuses_a_nonzero_logit():
    with pytest.raises(ArithmeticError, match="not rational"):
        nl.hessian_exact("cross_entropy", [0, 0, 1, 0], [[0]], [[1, 0]])


def test_fraction_inputs_keep_their_value_in_floating_mode():
    # rejects numerator * denominator: L = (w x - y)^2 at w = 1/3, x = 1, y = 0 has gradient 2/3 in w
    with mpmath.workdps(50):
        g = nl.gradient("l2", [Fraction(1, 3), 0], [[1]], [[0]])
        assert abs(g[0] - mpmath.mpf(2) / 3) < mpmath.mpf(10) ** -45


def test_operator_and_frobenius_norms_by_hand():
    assert nl.operator_norm([[1, 0], [0, -3]]) == 3  # a negative eigenvalue counts by its absolute value
    assert abs(nl.operator_norm([[2, 1], [1, 2]]) - 3) < mpmath.mpf(10) ** -40
    assert nl.frobenius_norm([[1, 2], [2, -4]]) == 5
    assert nl.frobenius_norm([[Fraction(3, 5), 0], [0, Fraction(4, 5)]]) == 1


def test_product_of_a_curved_jet_and_a_variable():
    # x^2 y at (1, 2): gradient (2 x y, x^2) = (4, 1), Hessian [[2 y, 2 x], [2 x, 0]] = [[4, 2], [2, 0]]
    x, y = nl.Jet.variable(F(1), 0, 2), nl.Jet.variable(F(2), 1, 2)
    for jet in ((x * x) * y, y * (x * x)):
        assert (jet.value, jet.grad, jet.hess) == (2, (4, 1), ((4, 2), (2, 0)))
