r"""numeric.surrogates: the Hessian's spectral norm against mpmath's symmetric eigensolver, and the
Huber smoothing's values at and between its knots (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from numeric import surrogates as ns


@pytest.mark.parametrize("name", ["softplus", "sqrt", "gelu", "silu"])
@pytest.mark.parametrize("theta", [(Fraction(1, 2), Fraction(-1, 3)), (Fraction(-2), Fraction(3, 4))])
def test_hessian_norm_is_the_largest_absolute_eigenvalue(name, theta):
    with mpmath.workdps(50):
        H = mpmath.matrix(ns.hessian(name, 2, Fraction(3, 2), Fraction(1, 2), theta, dps=50))
        eigenvalues = mpmath.eigsy(H)[0]
        want = max(abs(e) for e in eigenvalues)
        assert abs(ns.hessian_norm(name, 2, Fraction(3, 2), Fraction(1, 2), theta) - want) < mpmath.mpf(10) ** -40


def test_huber_relu_gap_at_and_between_the_knots():
    # sigma_beta(u) = phi(beta u)/beta with phi = 0, t^2/2, t - 1/2 on t <= 0, [0, 1], t >= 1; beta = 2
    with mpmath.workdps(30):
        assert ns.relu_gap("huber", Fraction(-1), 2) == 0
        assert ns.relu_gap("huber", 0, 2) == 0
        assert ns.relu_gap("huber", Fraction(1, 4), 2) == mpmath.mpf(3) / 16  # t = 1/2: |(1/8)/2 - 1/4|
        assert ns.relu_gap("huber", Fraction(1, 2), 2) == mpmath.mpf(1) / 4  # knot t = 1: |1/4 - 1/2|
        assert ns.relu_gap("huber", 3, 2) == mpmath.mpf(1) / 4  # |(6 - 1/2)/2 - 3|


def test_a_jet_given_value_and_slope_has_no_curvature():
    # Jet(3, 1) is the variable t at 3 (t'' = 0): (t^2)'' = 2, not 4; Jet(5) is the constant 5
    square = ns.Jet(3, 1) * ns.Jet(3, 1)
    assert (square.v, square.d1, square.d2) == (9, 6, 2)
    assert ns.Jet(5) == ns.lift(5) == ns.Jet(5, 0, 0)


# --- jets, backends and profiles by hand (written against the mutation benchmark) ---

def _close(a, b, tol=mpmath.mpf(10) ** -40):
    return abs(a - b) < tol


def test_backends_turn_a_fraction_into_its_value():
    # rejects q.numerator * q.denominator (3 * 4 = 12) instead of 3 / 4
    with mpmath.workdps(30):
        assert ns.MPMATH.number(Fraction(3, 4)) == mpmath.mpf("0.75")
    assert ns.ARB.number(Fraction(3, 4)).contains(ns.flint.arb(3) / 4)


def test_backends_and_jets_are_immutable():
    # rejects @dataclass(frozen=False): a jet shared between expressions must not change under them
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        ns.Jet(1, 2, 3).v = 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        ns.MPMATH.exp = None


def test_jet_arithmetic_by_hand():
    # t at 2 (t' = 1, t'' = 0): negation, differences, quotients and reciprocals, derivatives by hand
    t = ns.Jet(Fraction(2), Fraction(1), Fraction(0))
    assert -ns.Jet(1, 2, 3) == ns.Jet(-1, -2, -3)  # rejects dropping the minus on d2
    assert t - 1 == ns.Jet(1, 1, 0) and 5 - t == ns.Jet(3, -1, 0)
    assert (t * t) / 2 == ns.Jet(2, 2, 1)  # int divisor: componentwise
    assert ns.reciprocal(t) == ns.Jet(Fraction(1, 2), Fraction(-1, 4), Fraction(1, 4))  # 1/t, -1/t^2, 2/t^3
    assert 1 / t == ns.reciprocal(t)
    assert t / ns.Jet(Fraction(2)) == ns.Jet(1, Fraction(1, 2), 0)  # Jet divisor: via the reciprocal
    assert 3 + t == ns.Jet(5, 1, 0) and 3 * t == ns.Jet(6, 3, 0)
    # chain rule with a curved inner function: (u^2)'' = 2 u'^2 + 2 u u'' for u = (1, 2, 3)
    u = ns.Jet(Fraction(1), Fraction(2), Fraction(3))
    assert u * u == ns.Jet(1, 4, 2 * 4 + 2 * 3)
    assert ns.reciprocal(u) == ns.Jet(1, -2, 2 * 4 - 3)  # f'' u'^2 + f' u'' = 2*4 + (-1)*3


def test_elementary_jets_at_known_points():
    lib = ns.MPMATH
    with mpmath.workdps(50):
        one, zero = ns.Jet(mpmath.mpf(1), 1, 0), ns.Jet(mpmath.mpf(0), 1, 0)
        e = ns.jexp(zero, lib)
        assert (e.v, e.d1, e.d2) == (1, 1, 1)
        lg = ns.jlog(one, lib)
        assert (lg.v, lg.d1, lg.d2) == (0, 1, -1)
        s = ns.jsqrt(ns.Jet(mpmath.mpf(4), 1, 0), lib)
        assert (s.v, s.d1, s.d2) == (2, mpmath.mpf(1) / 4, -mpmath.mpf(1) / 32)  # -1/(4 s a)
        r = ns.jerf(one, lib)
        g = 2 * mpmath.exp(-1) / mpmath.sqrt(mpmath.pi)
        assert _close(r.v, mpmath.erf(1)) and _close(r.d1, g) and _close(r.d2, -2 * g)


@pytest.mark.parametrize("name, want", [
    ("softplus", (mpmath.log(2), "0.5", "0.25")),
    ("sqrt", (0.5, "0.5", "0.5")),  # (t + sqrt(t^2 + 1))/2
    ("gelu", (0, "0.5", None)),  # d2 = sqrt(2/pi)
    ("silu", (0, "0.5", "0.5")),  # t s(t): 2 s'(0) = 1/2
])
def test_profiles_at_zero(name, want):
    with mpmath.workdps(50):
        j = ns.profile(name, ns.Jet(mpmath.mpf(0), 1, 0))
        d2 = mpmath.sqrt(2 / mpmath.pi) if want[2] is None else mpmath.mpf(want[2])
        assert _close(j.v, mpmath.mpf(want[0]) if name != "softplus" else mpmath.log(2))
        assert _close(j.d1, mpmath.mpf(want[1])) and _close(j.d2, d2)


def test_huber_profile_on_each_piece_and_unknown_family():
    with mpmath.workdps(30):
        assert ns.profile("huber", ns.Jet(mpmath.mpf(-1), 1, 0)) == ns.Jet(0, 0, 0)
        assert ns.profile("huber", ns.Jet(mpmath.mpf("0.5"), 1, 0)) == ns.Jet(mpmath.mpf("0.125"), mpmath.mpf("0.5"), 1)
        assert ns.profile("huber", ns.Jet(mpmath.mpf(2), 1, 0)) == ns.Jet(mpmath.mpf("1.5"), 1, 0)
    with pytest.raises(ArithmeticError):
        ns.profile("huber", ns.Jet(mpmath.mpf(1), 1, 0))
    with pytest.raises(ValueError, match="unknown family"):
        ns.profile("relu", ns.Jet(mpmath.mpf(0), 1, 0))


def test_activation_derivatives_scale_with_beta():
    # sigma_beta(u) = phi(beta u)/beta: sqrt family at u = 0, beta = 4: (1/8, 1/2, 4 * 1/2 = 2)
    v, d1, d2 = ns.activation_derivatives("sqrt", 0, 4)
    assert (v, d1, d2) == (mpmath.mpf(1) / 8, mpmath.mpf(1) / 2, 2)
    v, d1, d2 = ns.activation_derivatives("sqrt", Fraction(3, 4), Fraction(4, 3))  # t = 1
    with mpmath.workdps(50):
        assert _close(v, (1 + mpmath.sqrt(2)) / 2 * mpmath.mpf(3) / 4)


def test_hessian_and_its_norm_by_hand():
    # sqrt family, beta = 1 at s = 0: sigma = sigma' = sigma'' = 1/2; H = (sigma'^2 + (sigma - y) sigma'') [[x^2, x], [x, 1]]
    H = ns.hessian("sqrt", 1, 2, 0, (0, 0))
    assert H == [[2, 1], [1, mpmath.mpf(1) / 2]]
    assert ns.hessian_norm("sqrt", 1, 2, 0, (0, 0)) == mpmath.mpf(5) / 2
    # y = 3: coefficient 1/4 - 5/4 = -1, H = -[[4, 2], [2, 1]]: the norm is |-5| = 5, not -5 or 0
    assert ns.hessian("sqrt", 1, 2, 3, (0, 0)) == [[-4, -2], [-2, -1]]
    assert ns.hessian_norm("sqrt", 1, 2, 3, (0, 0)) == 5
    # theta = (w, b) enters through s = w x + b: w = 1/2, x = 2, b = -1 gives s = 0 again
    assert ns.hessian("sqrt", 1, 2, 0, (Fraction(1, 2), -1)) == H


def test_hessian_norm_of_a_diagonal_hessian_with_opposite_signs():
    # sqrt family, x = 0: H = [[0, 0], [0, c]]; norm = |c|, for c > 0 and c < 0
    assert ns.hessian_norm("sqrt", 1, 0, 3, (0, 0)) == 1
    assert ns.hessian_norm("sqrt", 1, 0, 0, (0, 0)) == mpmath.mpf(1) / 2


def test_huber_sup_is_the_one_sided_limit_at_the_knot():
    # huber, beta = 1, x = y = 0: ||H|| = phi'^2 + phi phi'' = 3t^2/2 on (0, 1), 1 beyond, 0 below: sup 3/2 at t -> 1-
    value = ns.best_smoothness_constant("huber", 1, 0, 0, grid=24, reach=12, iterations=40)
    assert value <= mpmath.mpf(3) / 2 and value > mpmath.mpf(3) / 2 - mpmath.mpf(10) ** -7


def test_golden_iterations_small_cases():
    # ceil(d / log10(1.618...)) + 5: 0 digits -> 5, 1 digit -> ceil(4.78) + 5 = 10, 2 -> ceil(9.57) + 5 = 15
    assert [ns.golden_iterations(d) for d in (0, 1, 2)] == [5, 10, 15]


def test_safe_turns_only_arithmetic_errors_into_zero():
    assert ns._safe(lambda t: 1 / t, 0) == 0
    assert ns._safe(lambda t: t + 1, 2) == 3
    with pytest.raises(ValueError):
        ns._safe(lambda t: ns.profile("relu", t), 0)


def test_golden_max_finds_an_interior_maximum():
    with mpmath.workdps(30):
        f = lambda t: 2 - (t - mpmath.mpf(1) / 3) ** 2  # noqa: E731
        best = ns._golden_max(f, mpmath.mpf(0), mpmath.mpf(1), 60)
        assert best <= 2 and 2 - best < mpmath.mpf(10) ** -20
        # no iterations: the midpoint's value (or 0 if larger)
        assert ns._golden_max(f, mpmath.mpf(0), mpmath.mpf(1), 0) == f(mpmath.mpf(1) / 2)
        assert ns._golden_max(lambda t: -1 - t, mpmath.mpf(0), mpmath.mpf(1), 0) == 0
        # increasing f: the maximum is at the right end
        inc = ns._golden_max(lambda t: t, mpmath.mpf(0), mpmath.mpf(1), 60)
        assert 1 - inc < mpmath.mpf(10) ** -10


def test_arb_enclosures_at_zero():
    arb = ns.flint.arb
    assert ns.first_derivative_enclosure("softplus", Fraction(0)).contains(arb(1) / 2)
    assert ns.second_derivative_enclosure("sqrt", Fraction(0)).contains(arb(1) / 2)
    assert ns.second_derivative_enclosure("gelu", Fraction(0)).contains((2 / arb.pi()).sqrt())
    assert ns.first_derivative_enclosure("huber", Fraction(1, 2)).contains(arb(1) / 2)
    assert ns.second_derivative_enclosure("huber", Fraction(1, 2)).contains(arb(1))


def test_relu_gap_of_a_smooth_family():
    # softplus at u = 0, beta = 1: log 2; at u = 1: log(1 + e) - 1; sqrt family at u = -1: (sqrt 2 - 1)/2
    with mpmath.workdps(50):
        assert _close(ns.relu_gap("softplus", 0, 1), mpmath.log(2))
        assert _close(ns.relu_gap("softplus", 1, 1), mpmath.log(1 + mpmath.e) - 1)
        assert _close(ns.relu_gap("sqrt", -1, 1), (mpmath.sqrt(2) - 1) / 2)
        assert _close(ns.relu_gap("huber", Fraction(3, 4), 1), mpmath.mpf(3) / 4 - mpmath.mpf(9) / 32)


def test_huber_is_flat_below_its_first_knot_for_any_inner_jet():
    # phi = 0 on t < 0: every derivative is 0 whatever the inner jet, even a constant one (d1 = 0, no division)
    with mpmath.workdps(30):
        assert ns.profile("huber", ns.Jet(mpmath.mpf(-1), mpmath.mpf(2), mpmath.mpf(3))) == ns.Jet(0, 0, 0)
        assert ns.profile("huber", ns.Jet(mpmath.mpf(-1), mpmath.mpf(0), mpmath.mpf(0))) == ns.Jet(0, 0, 0)
    # x = 0: the direction e_1 moves nothing, and with beta b = -1 the loss is flat: the Hessian is 0
    assert ns.hessian("huber", 1, 0, 0, (0, -1)) == [[0, 0], [0, 0]]


def test_best_smoothness_constant_samples_t_equal_beta_b_on_its_grid():
    # huber, beta = 2, x = y = 0: ||H|| = phi'(t)^2 + phi(t) phi''(t) at t = beta b (3t^2/2 on (0, 1), 1 beyond).
    # reach 1, grid 4: t in {-1, -1/2, 1/2} (knots 0, 1 skipped); the best is 3/8 at t = 1/2, and the golden
    # section on [-1/2, 1/2] cannot beat it (rejects b = t * beta, which would sample t = 4 t_grid and find 1)
    assert ns.best_smoothness_constant("huber", 2, 0, 0, grid=4, reach=1, iterations=10) == mpmath.mpf(3) / 8


def test_best_smoothness_constant_includes_the_last_grid_point():
    # softplus, x = y = 0: ||H|| = s^2 + log(1 + e^t) s (1 - s), s = e^t/(1 + e^t), increasing on [-1, 1]:
    # with reach 1 the sup is at the end point t = 1 (rejects a grid that stops short of it)
    with mpmath.workdps(50):
        s = mpmath.e / (1 + mpmath.e)
        want = s * s + mpmath.log(1 + mpmath.e) * s * (1 - s)
        got = ns.best_smoothness_constant("softplus", 2, 0, 0, grid=4, reach=1, iterations=10)
        assert abs(got - want) < mpmath.mpf(10) ** -40


def test_huber_relu_gap_between_the_knot_and_twice_it():
    # beta = 2, u = 3/4: t = 3/2 > 1, sigma = (3/2 - 1/2)/2 = 1/2, gap 1/4 (not (9/8)/2 = 9/16, gap 3/16)
    assert ns.relu_gap("huber", Fraction(3, 4), 2) == mpmath.mpf(1) / 4
