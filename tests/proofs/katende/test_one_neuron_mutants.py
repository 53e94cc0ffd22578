r"""Katende's one-neuron constructions with numbers (written against the mutation benchmark): the
boundary pair's :math:`\varepsilon=\min(|y|/(2\|(x,1)\|^2),|y|/(8L))` by hand, the wrong
same-side construction really is on one side, and the wrong too-wide one has :math:`\varepsilon=|y|/(2L)`."""

from __future__ import annotations

from fractions import Fraction

from proofs.katende.one_neuron import boundary_pair_for, same_side_pair_for, too_wide_pair_for


def _s(point, x):
    w, b = point
    return w * x + b


def test_boundary_pair_epsilon_by_hand():
    # L = 1/100, x = 1, y = 1: |y|/(2 * 2) = 1/4 < |y|/(8L) = 25/2, so eps = 1/4 and s = -+ eps (1 + x^2) = -+ 1/2
    (wm, bm), (wp, bp) = boundary_pair_for(Fraction(1, 100), Fraction(1), Fraction(1), Fraction(1, 3))
    assert (wm, bm, wp, bp) == (Fraction(1, 3) - Fraction(1, 4), -Fraction(1, 3) - Fraction(1, 4),
                                Fraction(1, 3) + Fraction(1, 4), -Fraction(1, 3) + Fraction(1, 4))
    # L = 10, x = 2, y = -3: |y|/10 = 3/10 > |y|/80 = 3/80, so eps = 3/80 and s = -+ 3/80 * 5 = -+ 3/16
    minus, plus = boundary_pair_for(Fraction(10), Fraction(2), Fraction(-3))
    assert (_s(minus, 2), _s(plus, 2)) == (Fraction(-3, 16), Fraction(3, 16))


def test_same_side_pair_is_on_the_active_side():
    x = Fraction(2)
    for w0 in (Fraction(1, 2), Fraction(-3)):
        first, second = same_side_pair_for(Fraction(1), x, Fraction(3), w0)
        assert _s(first, x) > 0 and _s(second, x) == 2 * _s(first, x)


def test_the_too_wide_pair_has_epsilon_y_over_2L():
    # the wrong construction's eps = |y|/(8 (L/4)) = |y|/(2L), whose guaranteed ratio |y|/(4 eps) is only L/2:
    # L = 10, x = 0, y = 1 gives eps = 1/20 (below |y|/(2 ||(0,1)||^2) = 1/2), so theta-+ = (0, -+1/20)
    assert too_wide_pair_for(Fraction(10), Fraction(0), Fraction(1), Fraction(0)) == [(0, Fraction(-1, 20)), (0, Fraction(1, 20))]


def test_a_pair_with_no_gap_is_no_violation():
    # The violation is strict, ||grad L(theta') - grad L(theta)||^2 > L^2 ||theta' - theta||^2: a pair of one
    # point twice has both sides 0 for every L, x, y, w0, which a non-strict decision would call proved.
    from proofs.katende.one_neuron import violation_for_every_L

    result = violation_for_every_L(lambda L, x, y, w0, minimum=min: ((w0, -1), (w0, -1)))
    assert not result.ok and not result.proved


def test_the_relu_loss_gradient_by_hand_on_both_sides():
    """grad (1/2)(max(s, 0) - y)^2 = (max(s, 0) - y) H(s) (x, 1): at w = 1, b = 0, x = 2, y = 1 (s = 2) it is
    (s - y)(x, 1) = (2, 1); at w = -1 (s = -2 < 0) the ReLU is off and the gradient is 0 (not -y (x, 1))."""
    from symbolic import one_neuron as m
    from proofs.katende.one_neuron import relu_loss_gradient
    w, b = m.THETA
    g = relu_loss_gradient()
    assert list(g.subs({w: 1, b: 0, m.x: 2, m.y: 1})) == [2, 1]
    assert list(g.subs({w: 3, b: -1, m.x: 1, m.y: 5})) == [-3, -3]
    assert list(g.subs({w: -1, b: 0, m.x: 2, m.y: 1})) == [0, 0]


def test_the_default_pair_is_the_papers_plus_minus_eps_x_1():
    """Without w0 the pair is Theorem 1's theta^-+ = -+eps (x, 1) around the origin: L = 10, x = 2, y = 3 give
    eps = min(3/10, 3/80) = 3/80, so (-3/40, -3/80) and (3/40, 3/80)."""
    assert boundary_pair_for(Fraction(10), Fraction(2), Fraction(3)) == [(Fraction(-3, 40), Fraction(-3, 80)),
                                                                         (Fraction(3, 40), Fraction(3, 80))]


def test_a_pair_that_does_not_shrink_with_L_is_no_violation():
    """theta^-+ = (w0, -w0 x -+ 1): s = -+1, a crossing, but at fixed distance ||theta^+ - theta^-||^2 = 0^2 + 2^2 = 4:
    ||jump||^2 = (1 - y)^2 (1 + x^2) < 4 L^2 for large L, so Z3 finds a countermodel (the distance counts both
    coordinates, squared and added)."""
    from proofs.katende.one_neuron import violation_for_every_L
    result = violation_for_every_L(lambda L, x, y, w0, minimum=min: [(w0, -w0 * x - 1), (w0, -w0 * x + 1)])
    assert not result.ok and result.counterexample
