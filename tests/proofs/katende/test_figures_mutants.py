r"""proofs.katende.figures: the Remark 1 plot reads the claim's settings, and the same-region pairs' centre is
active for every input (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

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


# ---------------------------------------------------------------- the data the figures plot, the files they write

F = Fraction


def test_the_slope_of_a_first_layer_unit_is_one_plus_x_squared():
    """s_j = w_j . x + b_j: ||grad s_j||^2 = ||x||^2 + 1, here x = (2, -1): 6 (the other units do not enter)."""
    net0 = [([[F(1), F(1)], [F(3), F(-4)]], [F(0), F(5)]), ([[F(7), F(1)]], [F(0)])]
    assert figures.slope_of_unit_preactivation(net0, [F(2), F(-1)], 0, 1) == 6


def test_the_slope_of_a_second_layer_unit_by_hand():
    """Layer 0: rows (1), (-1), biases (0, b); layer 1, unit 0: row (3, 5). At x = 1 with b = 2 both units below are
    active (h = (1, 1)): grad s = (h; 1; 3x, 5x; 3, 5), ||.||^2 = 2 + 1 + 9 + 25 + 9 + 25 = 71. With b = -2 the second
    unit is off (h = (1, 0), no path through it): 1 + 1 + 9 + 9 = 20. The other unit of layer 1 does not enter."""
    def net(b):
        return [([[F(1)], [F(-1)]], [F(0), F(b)]), ([[F(3), F(5)], [F(100), F(100)]], [F(-1), F(9)]),
                ([[F(7), F(1)]], [F(0)])]
    assert figures.slope_of_unit_preactivation(net(2), [F(1)], 1, 0) == 71
    assert figures.slope_of_unit_preactivation(net(-2), [F(1)], 1, 0) == 20


def test_the_ratio_data_defaults_to_x_2_y_3_and_twelve_decades():
    """The Theorem 1 figure: eps = 1/10, ..., 1/10^12 at the claim's x = 2, y = 3; the ratio tends to |y|/(2 eps)."""
    assert (figures.X, figures.Y) == (2, 3) and figures.EPSILONS == tuple(F(1, 10**k) for k in range(1, 13))
    points = figures.ratio_points(epsilons=figures.EPSILONS[-1:])
    assert points[0][0] == 1e-12 and abs(points[0][1] * 2e-12 / 3 - 1) < 1e-9


def test_the_plot_reads_x_and_y_from_the_settings():
    """_xy: the user's x, y (read exactly, through their decimal text), else the claim's 2 and 3."""
    assert figures._xy({}) == (2, 3)
    assert figures._xy({"x": 0.5}) == (F(1, 2), 3) and figures._xy({"y": -1}) == (2, -1)


@pytest.fixture
def saved(monkeypatch):
    """Record what each figure would write (the axes' lines and the path) instead of rendering it: drawing costs
    seconds, the data and the names are what is checked here (test_figures.py writes a real PDF)."""
    out = []

    def save(fig, plt, path):
        out.append((Path(path), [[line.get_xydata().tolist() for line in ax.lines] for ax in fig.axes],
                    [ax.get_legend_handles_labels()[1] for ax in fig.axes]))
        plt.close(fig)
        return Path(path)
    monkeypatch.setattr(figures, "_save", save)
    return out


def test_the_theorem_1_figure_plots_the_ratio_beside_y_over_2_eps(saved, tmp_path):
    """figures_thm_1 writes katende_thm_1_ratio.pdf: 12 ratio points and the asymptote |y|/(2 eps) at the same eps;
    a user's plot at y = -2 draws the asymptote 1/eps (|y|, not y) into the user's file."""
    (path,) = figures.figures_thm_1(tmp_path)
    assert path == tmp_path / "katende_thm_1_ratio.pdf"
    ((points, asymptote),) = saved[0][1]
    assert len(points) == 12 and [e for e, _ in asymptote] == [e for e, _ in points]
    assert asymptote[0] == [0.1, 15.0] and asymptote[-1][1] == pytest.approx(1.5e12)
    figures.plot_thm_1({"x": 1, "y": -2}, tmp_path / "user.png")
    (user_path, ((_, asymptote),), _) = saved[1]
    assert user_path == tmp_path / "user.png" and asymptote[0] == [0.1, 10.0]


def _recording(monkeypatch):
    seen = []

    def rows(setup, widths, d, seed, epsilons=figures.EPSILONS):
        seen.append((list(widths), d, seed, tuple(epsilons)))
        return 1, [(float(e), 1.0, 1 / (2 * float(e))) for e in epsilons]
    monkeypatch.setattr(figures, "crossing_rows", rows)
    return seen


def test_the_remark_1_figure_draws_its_four_architectures_at_every_epsilon(monkeypatch, saved, tmp_path):
    """The document's figure: one neuron; three layers of 8 (d = 3); one layer of 32 (d = 4); six layers of 32 (d = 4),
    seeds 0, 2, 3, 5, each at all twelve epsilons, with its asymptote J/(2 eps), written as
    katende_remark_1_ratio.pdf."""
    seen = _recording(monkeypatch)
    (path,) = figures.figures_remark_1(None)(tmp_path)
    assert path == tmp_path / "katende_remark_1_ratio.pdf"
    assert seen == [([1], 1, 0, figures.EPSILONS), ([8, 8, 8], 3, 2, figures.EPSILONS), ([32], 4, 3, figures.EPSILONS),
                    ([32] * 6, 4, 5, figures.EPSILONS)]
    ((lines),) = saved[0][1]
    assert len(lines) == 2 * 4 + 1 and lines[1][0] == [0.1, 5.0]  # J = 1: J/(2 eps) = 5 at eps = 1/10


def test_the_users_remark_1_plot_uses_every_other_epsilon(monkeypatch, saved, tmp_path):
    """A user's plot draws the chosen architecture at eps = 1/10, 1/10^3, ..., 1/10^11 (six points, half the time)."""
    seen = _recording(monkeypatch)
    path = figures.plotter_remark_1(None)({"widths": [2, 2], "d": 1, "seed": 4}, tmp_path / "r.pdf")
    assert path == tmp_path / "r.pdf" and seen == [([2, 2], 1, 4, tuple(F(1, 10**k) for k in (1, 3, 5, 7, 9, 11)))]


def test_the_users_remark_1_plot_turns_a_unit_on_its_boundary_into_one_line(tmp_path):
    """Another unit exactly at its kink (ArithmeticError from the exact back-propagation) is a BadInput naming the
    settings, not a traceback; no file is written."""
    def on_boundary(widths, d, seed):
        raise ArithmeticError("a hidden pre-activation is 0")
    with pytest.raises(BadInput, match="no crossing pair for these widths, d, seed"):
        figures.plotter_remark_1(on_boundary)({"widths": [2], "d": 1, "seed": 0}, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_the_proposition_1_figure_draws_every_family(monkeypatch, saved, tmp_path):
    """figures_prop_1 writes katende_prop_1_constants.pdf with one series per surrogate family, at x = 2, y = 3,
    over beta = 1, 2, 4, ..., 64; a user's plot at x = 1/2 uses that x."""
    seen = []
    monkeypatch.setattr(figures, "constant_points",
                        lambda family, x, y: seen.append((family, x, y)) or [(b, float(b)) for b in figures.BETAS])
    (path,) = figures.figures_prop_1(tmp_path)
    assert path == tmp_path / "katende_prop_1_constants.pdf"
    assert seen == [(family, 2, 3) for family in figures.surrogates.FAMILIES]
    assert len(saved[0][1][0]) == len(figures.surrogates.FAMILIES) and figures.BETAS == (1, 2, 4, 8, 16, 32, 64)
    seen.clear()
    figures.plot_prop_1({"x": 0.5}, tmp_path / "p.pdf")
    assert seen == [(family, F(1, 2), 3) for family in figures.surrogates.FAMILIES]


def test_the_section_1_figure_plots_both_pair_kinds_and_the_four_trajectories(saved, tmp_path):
    """figures_intro_crossings writes katende_intro_crossings.pdf. Panel (a): 10 crossing ratios and 10 same-region
    ratios, the latter 1 + x^2 = 5 at every eps. Panel (b): the four trajectories, 9 points each (8 steps), from
    s_0 = 3, 1/4, 1/2, 1/2, and the boundary s = 0."""
    (path,) = figures.figures_intro_crossings(tmp_path)
    assert path == tmp_path / "katende_intro_crossings.pdf"
    assert figures.plot_intro_crossings({}, tmp_path / "user.pdf") == tmp_path / "user.pdf"
    (left, right), right_labels = saved[0][1], saved[0][2][1]
    assert [len(line) for line in left] == [10, 10] and {v for _, v in left[1]} == {5.0}
    assert left[0][0][0] == 0.1 and left[1][-1][0] == 1e-10
    assert [len(line) for line in right[:4]] == [9] * 4 and [line[0] for line in right[:4]] == [
        [0, 3.0], [0, 0.25], [0, 0.5], [0, 0.5]]
    # s_1 = y + c (s_0 - y), c = 1 - 2 eta: y = 1, c = 1/2 from 3 and 1/4; y = -1, c = 1/4 and 3/4 from 1/2
    assert [line[1] for line in right[:4]] == [[1, 2.0], [1, 0.625], [1, -0.625], [1, 0.125]]
    assert {v for _, v in right[4]} == {0.0}
    # the legend gives eta n (n = 1 + x^2 = 2), the quantity the claim's condition 0 < eta n <= 1 is about
    assert right_labels[:4] == [r"$y=1$, $\eta n=1/2$, $s_0=3$", r"$y=1$, $\eta n=1/2$, $s_0=1/4$",
                                r"$y=-1$, $\eta n=3/4$, $s_0=1/2$", r"$y=-1$, $\eta n=1/4$, $s_0=1/2$"]


def test_the_limit_jump_skips_a_plus_point_with_zero_residual():
    """One unit, s = w x + b = 0 at x = 1 (w = 1, b = -1), output a h with a = 1, target y = 1/10^6: the first
    theta^+ (s = eps = 1/10^6) has f = y, no quotient for dF/dh; the next (eps/3) gives dF/dh = a = 1. Then
    J = |f(theta_0) - y| |a| ||(x, 1)|| = 10^-6 sqrt 2 (a zero residual taken as the quotient would divide by 0)."""
    net0 = [([[F(1)]], [F(-1)]), ([[F(1)]], [F(0)])]
    J = figures.limit_jump(net0, [F(1)], F(1, 10**6), 0, 0)
    assert float(J) == pytest.approx(2**0.5 / 10**6, rel=1e-14)
