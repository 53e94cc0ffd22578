r"""proofs.katende.figures: the Remark 1 plot reads the claim's settings, and the same-region pairs' centre is
active for every input (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from proofs import registry
from proofs.errors import BadInput
from proofs.katende import figures
from proofs.values import parse_settings


def test_the_remark_1_plot_takes_integer_settings_and_refuses_a_fractional_d():
    claim = registry.get_claim("katende.remark_1")
    assert figures._checked_architecture(parse_settings(claim, [])) == ([3, 2], 2, 0)
    chosen = parse_settings(claim, ["widths=[2, 1]", "d=3", "seed=5"])
    assert figures._checked_architecture(chosen) == ([2, 1], 3, 5)
    with pytest.raises(BadInput, match="d must be an integer"):
        figures._checked_architecture({"widths": [2], "d": 0.5})


def test_the_same_region_centre_is_active_for_a_negative_input():
    # the centre (w, b) = (0, 1) has s = 1 > 0 for every x, so x = -2 works too: ratio (1 + x^2)^2 = 25
    assert figures.same_region_ratio_squared(Fraction(-2), Fraction(3), Fraction(1, 10)) == 25


def test_the_same_region_pair_is_refused_once_it_reaches_the_boundary():
    # s(theta_c) = 1 and theta^- moves s by -eps (1 + x^2): at x = 1, eps = 1/2 it lands on s = 0 and is refused
    # (a centre with s = 2 would still accept it); at eps = 1/4 both points stay in s > 0, ratio^2 = (1 + 1)^2
    with pytest.raises(ValueError, match="leaves s > 0"):
        figures.same_region_ratio_squared(Fraction(1), Fraction(3), Fraction(1, 2))
    assert figures.same_region_ratio_squared(Fraction(1), Fraction(3), Fraction(1, 4)) == 4


def test_the_legend_writes_l_layers_of_equal_width_as_a_power():
    # two hidden layers of width 3 are "3^{2}" in the legend, one layer is "3", unequal widths are listed
    assert "widths $3^{2}$" in figures._architecture_name([3, 3], 2)
    assert "1 hidden layer, widths $3$," in figures._architecture_name([3], 2)
    assert "widths $3,2$" in figures._architecture_name([3, 2], 2)


def test_gradient_descent_preactivations_at_an_input_other_than_1():
    r"""From theta_0 = (s_0 / x, 0) with x = 2 (n = 5), y = 1, eta = 1/10: s_t - y halves each step,
    s = 3, 2, 3/2 (exact). The figure uses x = 1 only, where s_0 / x and s_0 * x agree: rejects that and any
    other use of x."""
    assert figures.gd_preactivations(Fraction(1), Fraction(1, 10), Fraction(3), x=Fraction(2), steps=2) == \
        [3, 2, Fraction(3, 2)]


def test_the_remark_1_plot_reads_the_claims_defaults_and_refuses_empty_or_non_list_widths():
    r"""Without settings the plot draws the claim's default architecture ([3, 2], d = 2, seed 0); an empty list or
    a bare number for ``widths`` is refused with the one-line BadInput."""
    assert figures._checked_architecture({}) == ([3, 2], 2, 0)
    for widths in ([], 3):
        with pytest.raises(BadInput, match="widths must be a list"):
            figures._checked_architecture({"widths": widths})
