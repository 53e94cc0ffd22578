r"""numeric.optimizers: the float64 runs of PyTorch's formulas against the exact (mpmath) trajectories,
and Adam's bias-corrected first step by hand (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest

from numeric import optimizers as no

BETA0 = [0.3, -0.7, 1.1]
ALPHA, LAM, GAMMA, BETA1, EPS = 0.05, 0.5, 0.9, 0.8, 0.01


def _close(exact, floats):
    assert np.allclose([float(b) for b in exact], floats, rtol=1e-12, atol=0)


def test_float_rmsprop_follows_the_exact_pytorch_trajectory():
    exact = no.rmsprop_trajectory(BETA0, ALPHA, LAM, GAMMA, EPS, 6, convention="pytorch")[-1][0]
    final, _ = no.float_run(np.array(BETA0), "rmsprop", alpha=ALPHA, lam=LAM, steps=6, dtype=np.float64,
                            gamma=GAMMA, eps=EPS)
    _close(exact, final)


def test_float_adam_follows_the_exact_pytorch_trajectory():
    exact = no.adam_trajectory(BETA0, ALPHA, LAM, BETA1, GAMMA, EPS, 6, convention="pytorch")[-1].beta
    final, _ = no.float_run(np.array(BETA0), "adam", alpha=ALPHA, lam=LAM, steps=6, dtype=np.float64,
                            gamma=GAMMA, beta1=BETA1, eps=EPS)
    _close(exact, final)


@pytest.mark.parametrize("convention", ["paper", "pytorch"])
def test_adam_first_step_by_hand(convention):
    # m = (1 - b1) lam, v = (1 - g) lam^2.  pytorch: m/(1-b1) = lam and sqrt(v/(1-g)) = lam, so the step is
    # alpha lam/(lam + eps); paper: alpha (1 - b1) lam / sqrt((1 - g) lam^2 + eps)
    a, l, b1, g, e = Fraction(1, 10), Fraction(2), Fraction(4, 5), Fraction(9, 10), Fraction(1, 2)
    step = no.adam_trajectory([1], a, l, b1, g, e, 1, convention=convention)[1].beta[0]
    with mpmath.workdps(60):
        a, b1, g, e = (mpmath.mpf(q.numerator) / q.denominator for q in (a, b1, g, e))
        want = a * l / (l + e) if convention == "pytorch" else a * (1 - b1) * l / mpmath.sqrt((1 - g) * l * l + e)
        assert abs(step - (1 - want)) < mpmath.mpf(10) ** -50


def test_adam_preimages_do_not_depend_on_lambda_without_epsilon():
    # paper convention with eps = 0: m scales like lambda and sqrt(v) like lambda, so every step, and so
    # the starts that reach 0 at step k, are the same for every lambda > 0
    one = no.adam_preimages_of_zero(3, Fraction(1, 10), 1, Fraction(4, 5), Fraction(9, 10), 0)
    two = no.adam_preimages_of_zero(3, Fraction(1, 10), 2, Fraction(4, 5), Fraction(9, 10), 0)
    assert one[1] == two[1] == 0 and len(one[0]) == len(two[0]) == 4
    assert all(abs(a - b) < 1e-30 for a, b in zip(one[0], two[0]))


def test_rmsprop_preimages_include_the_endpoints_of_the_interval():
    # alpha = 1/2, lambda = 1, gamma = 3/4, eps = 0: the step is a / sqrt(1 - gamma) = 1 exactly, so the step-1
    # preimages of 0 are +-1, which lie in the closed interval [-1, 1] (bound = 1) and not in [-1/2, 1/2]
    points = no.rmsprop_preimages_of_zero(1, Fraction(1, 2), 1, Fraction(3, 4), 0, bound=1)
    assert sorted(p.str(5, radius=False) for p in points) == ["-1.0000", "1.0000"]
    assert no.rmsprop_preimages_of_zero(1, Fraction(1, 2), 1, Fraction(3, 4), 0, bound=Fraction(1, 2)) == []
