r"""Katende's growth figures (Remark 1, Section 1) plot the data the claims are about: each plotted series
is compared with values computed another way (closed forms from the paper's model, the claim's recursion)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from numeric import relu_network
from proofs.errors import BadInput
from proofs.katende import figures
from proofs.katende.remark_1 import _crossing_setup


def test_the_predicted_limit_jump_is_the_two_layer_closed_form():
    # One hidden layer: J = |f(theta_0) - y| |a_j| ||(x, 1)|| (Remark 1's two-layer formula), from the weights alone.
    net0, x, y, layer, neuron = _crossing_setup([3], 2, 0)
    J, rows = figures.crossing_rows(_crossing_setup, [3], 2, 0, [Fraction(1, 10**3), Fraction(1, 10**9)])
    a_j, f0 = net0[-1][0][0][neuron], relu_network.forward(net0, x)[1]
    closed_sq = (f0 - y) ** 2 * a_j**2 * (1 + sum(v * v for v in x))
    assert abs(float(J) ** 2 / float(closed_sq) - 1) < 1e-12
    for eps, jump, ratio in rows:  # the plotted ratio is jump / (2 eps) and tends to J / (2 eps)
        assert ratio == pytest.approx(jump / (2 * eps), rel=1e-12)
    assert rows[-1][2] == pytest.approx(float(J) / (2e-9), rel=1e-6)
    assert rows[0][2] != pytest.approx(float(J) / (2e-3), rel=1e-6)  # at eps = 1e-3 the jump has not converged


def test_the_predicted_limit_matches_a_deep_network_and_is_zero_without_an_outgoing_weight():
    J, rows = figures.crossing_rows(_crossing_setup, [4, 3, 2], 2, 1, [Fraction(1, 10**10)])
    assert float(J) > 0 and rows[0][1] == pytest.approx(float(J), rel=1e-8)
    # A wrong version: with the unit's outgoing weight 0 there is no jump (only the O(eps) change of the
    # outgoing weight's own gradient), and the predicted J sees it.
    dead = lambda widths, d, seed: _crossing_setup(widths, d, seed, outgoing_zero=True)  # noqa: E731
    J0, rows0 = figures.crossing_rows(dead, [4, 3, 2], 2, 1, [Fraction(1, 10**10)])
    assert J0 == 0 and rows0[0][1] < 1e-9


def test_same_region_pairs_have_ratio_one_plus_x_squared_and_crossing_pairs_grow():
    x, y = Fraction(2), Fraction(3)
    for eps in (Fraction(1, 10), Fraction(1, 10**6)):
        assert figures.same_region_ratio_squared(x, y, eps) == (1 + x * x) ** 2
    with pytest.raises(ValueError):  # a pair that leaves the region is refused, not plotted as "inside"
        figures.same_region_ratio_squared(x, y, Fraction(1))


def test_the_trajectories_follow_the_claims_recursion():
    # y > 0, eta n = 1/2: s_t - y = (1 - eta n)^t (s_0 - y) (step gd_residual_recursion), never crossing s = 0.
    y, eta, s0 = figures.TRAJECTORIES[0]
    s = figures.gd_preactivations(y, eta, s0)
    assert s == [y + (1 - 2 * eta) ** t * (s0 - y) for t in range(len(s))] and min(s) > 0
    # y < 0, eta n = 3/4, 0 < s_0 <= |y|: s_1 = c s_0 + (1 - c) y < 0, then T is the identity.
    y, eta, s0 = figures.TRAJECTORIES[2]
    c = 1 - 2 * eta
    s = figures.gd_preactivations(y, eta, s0)
    assert s[1] == c * s0 + (1 - c) * y < 0 and set(s[1:]) == {s[1]}


def test_the_remark_1_plot_refuses_widths_that_are_not_integers(tmp_path):
    with pytest.raises(BadInput):
        figures.plotter_remark_1(_crossing_setup)({"widths": [Fraction(3, 2)], "d": 1, "seed": 0}, tmp_path / "bad.pdf")
    assert not (tmp_path / "bad.pdf").exists()


@pytest.mark.deep  # the document's figures and a user's plot: about 5 s
def test_the_figures_are_written(tmp_path):
    from proofs import registry

    for cid in ("katende.remark_1", "katende.intro_crossings"):
        (path,) = registry.get_claim(cid).figures(tmp_path)
        assert path.read_bytes().startswith(b"%PDF")
    path = figures.plotter_remark_1(_crossing_setup)({"widths": [Fraction(2)], "d": 1, "seed": 0}, tmp_path / "r.png")
    assert path.read_bytes().startswith(b"\x89PNG")
