r"""Katende's figures are drawn from computed data that shows the growth the claims state."""

from __future__ import annotations

from fractions import Fraction

from proofs.katende import figures


def test_the_ratio_follows_the_asymptote_and_grows_without_bound():
    points = figures.ratio_points(epsilons=[Fraction(1, 10**k) for k in (2, 6, 10)])
    ratios = [r for _, r in points]
    assert ratios == sorted(ratios) and ratios[-1] > 1e9
    for eps, ratio in points:
        assert abs(ratio * 2 * eps / 3 - 1) < 0.05  # |y|/(2 eps), y = 3


def test_the_surrogate_constant_grows_with_beta():
    points = figures.constant_points("sqrt", betas=(1, 4, 16), dps=20)
    constants = [c for _, c in points]
    assert constants == sorted(constants) and constants[-1] > 10 * constants[0]


def test_the_figure_is_written(tmp_path):
    path = figures.ratio_against_epsilon(tmp_path / "thm_1.pdf")
    assert path.exists() and path.read_bytes().startswith(b"%PDF")
