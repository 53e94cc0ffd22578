r"""Cooper's document figures: each claim's hook draws its ray plot with the claim's fixed settings into
``<claim>_ray.pdf`` (written against the mutation benchmark; the plotter is replaced by a stub: drawing the
real figure takes seconds)."""

from __future__ import annotations

from proofs.cooper import figures


def _stub_plotter(calls):
    def plotter(loss, claim_id, title, fixed):
        def plot(params, path):
            calls.append((loss, claim_id, title, fixed, params))
            path.write_bytes(b"%PDF-stub")
            return path
        return plot
    return plotter


def test_the_depth_1_hook_draws_the_ray_plot_at_depth_1(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(figures, "plotter", _stub_plotter(calls))
    monkeypatch.setattr(figures, "_DRAWN", {})
    assert figures.figures_depth_1(tmp_path) == [tmp_path / "cooper_depth_1_ray.pdf"]
    assert calls == [(None, "cooper.depth_1", figures.DEPTH_1_TITLE, {"depth": 1}, {})]



def test_the_mirror_configuration_refuses_a_formula_or_generic_activation():
    r"""The plots compare against the numeric mirror, which only computes catalogue activations: a formula or
    'generic' must be refused up front (BadInput), not passed on to a plot with no independent check."""
    import pytest
    import sympy as sp
    from fractions import Fraction
    from proofs.errors import BadInput
    one = {"width": 1, "d_in": 1, "d_out": 1, "n": 1, "xs": [[Fraction(1)]], "ys": [[Fraction(1)]]}
    from proofs.cooper.ray import Z
    for activation in ("generic", sp.tanh(2 * Z)):  # tanh(2z) satisfies Assumption 1 (c = 0, slope 2)
        with pytest.raises(BadInput, match="catalogue activation"):
            figures.mirror_configuration({**one, "activation": activation}, "l2")
    assert figures.mirror_configuration({**one, "activation": "tanh"}, "l2")[3] == "tanh"


# ---------------------------------------------------------------- the grids, the refusals, the shown settings

from fractions import Fraction  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from proofs.errors import BadInput  # noqa: E402


def test_the_log_grid_spans_t_star_over_64_to_64_t_star_with_floors():
    """log_grid: from min(t*/64, 1/8) to max(64 t*, 1024), 25 points evenly in log t. t* = 1: 1/64 .. 1024;
    t* = 100: 1/8 .. 6400 (both clamps switch sides)."""
    small, large = figures.log_grid(Fraction(1)), figures.log_grid(Fraction(100))
    assert len(small) == 25 and small[0] == pytest.approx(1 / 64) and small[-1] == pytest.approx(1024)
    assert small[12] == pytest.approx((1024 / 64) ** 0.5)  # the geometric middle
    assert large[0] == pytest.approx(0.125) and large[-1] == pytest.approx(6400)
    assert len(figures.log_grid(Fraction(1), points=3)) == 3


def test_drawable_accepts_t_star_up_to_2_to_the_150():
    """t* = 2^150 exactly is drawn (the bound is inclusive), 2^150 + 1 is refused in one line naming the witness."""
    assert figures.drawable(2**150) == 2**150 and figures.drawable("3/2") == Fraction(3, 2)
    with pytest.raises(BadInput, match=r"past 2\^150, too large to draw in floating point; smoothcheck witness"):
        figures.drawable(2**150 + 1)


def test_the_settings_line_names_the_architecture_the_data_and_the_activation():
    """With xs given the line says 'data xs, ys', else the seed (0 unless set)."""
    from symbolic import network as net
    arch = net.Architecture((3, 2), 4, 5)
    xs = [[1], [2]]
    assert figures.settings_line(arch, xs, "tanh", {"xs": [[1], [2]]}) == \
        "depth 2, widths [3, 2], $d_{in}=4$, $d_{out}=5$, $n=2$, data xs, ys, tanh"
    assert figures.settings_line(arch, xs, "gelu", {"seed": 7}).endswith("$n=2$, data seed 7, gelu")
    assert figures.settings_line(arch, xs, "gelu", {"xs": None}).endswith("data seed 0, gelu")


def test_the_subquadratic_series_adds_l_of_the_gradient_norm(monkeypatch):
    """bound = a + b ||grad L||^alpha on each row: ||grad L|| = 4, a = 1, b = 2, alpha = 3/2 give 1 + 2 * 8 = 17."""
    monkeypatch.setattr(figures, "curve", lambda *args: [{"t": 1.0, "entry": 5.0, "norm": 6.0, "grad": 4.0}])
    rows = figures.subquadratic_series([1], 1, 1, [[1]], [[1]], "tanh", "l2", Fraction(1), Fraction(2),
                                       Fraction(3, 2), [1.0])
    assert rows == [{"t": 1.0, "entry": 5.0, "norm": 6.0, "grad": 4.0, "bound": 17.0}]


def test_the_ray_figure_samples_twelve_t_up_to_2_5_t_star(monkeypatch, tmp_path):
    """curvature_against_bound draws 12 values of t evenly from top/12 to top, top = max(4, 2.5 t*): t* = 1 gives
    1/3 .. 4, t* = 4 gives 5/6 .. 10 (nothing is rendered here: curve and savefig are recorded)."""
    import matplotlib.figure

    seen = []
    def curve(widths, d_in, d_out, xs, ys, activation, loss, ts):
        seen.append(list(ts))
        return [{"t": t, "entry": t * t, "norm": 2 * t * t, "grad": t} for t in ts]

    def savefig(fig, path):
        seen.append((path, [line.get_xydata().tolist() for line in fig.axes[0].lines]))
    monkeypatch.setattr(figures, "curve", curve)
    monkeypatch.setattr(matplotlib.figure.Figure, "tight_layout", lambda self: None)
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", savefig)
    for t_star in (1, 4):
        path = figures.curvature_against_bound(tmp_path / f"r{t_star}.pdf", [1], 1, 1, [[1]], [[1]], "tanh", "l2",
                                               1, 1, Fraction(t_star), "title")
        assert path == tmp_path / f"r{t_star}.pdf"
    (low, high), ts = (1 / 3, 4.0), seen[0]
    assert len(ts) == 12 and ts[0] == pytest.approx(low) and ts[-1] == pytest.approx(high)
    assert seen[2][0] == pytest.approx(10 / 12) and seen[2][-1] == pytest.approx(10)
    path, (norm, entry, bound, marker) = seen[1]
    assert path == tmp_path / "r1.pdf"
    # the plotted series: ||H|| = 2 t^2, |H_entry| = t^2, the bound L0 + L1 ||grad L|| = 1 + t here, t* = 1 marked
    assert [v for _, v in bound] == pytest.approx([1 + t for t in ts]) and entry[-1] == pytest.approx([4, 16])
    assert norm[0] == pytest.approx([1 / 3, 2 / 9]) and {x for x, _ in marker} == {1.0}


def test_the_subquadratic_figure_is_named_after_the_corollary(tmp_path, monkeypatch):
    """figures_subquadratic writes cooper_corollary_subquadratic_ray.pdf with the claim's defaults (a = b = 1,
    alpha = 3/2), the plot's own defaults filling in what the user leaves out."""
    calls = []
    monkeypatch.setattr(figures, "_DRAWN", {})

    def draw(path, *args):
        calls.append(args[-5:-1])
        Path(path).write_bytes(b"%PDF-stub")
        return Path(path)
    monkeypatch.setattr(figures, "curvature_against_subquadratic_l", draw)
    monkeypatch.setattr(figures, "drawable", lambda t: Fraction(8))
    (path,) = figures.figures_subquadratic(lambda params: {"points": [[8]]})(tmp_path)
    assert path == tmp_path / "cooper_corollary_subquadratic_ray.pdf"
    assert calls == [(Fraction(1), Fraction(1), Fraction(3, 2), Fraction(8))]
    assert figures.SUBQUADRATIC_DEFAULTS == {"a": 1, "b": 1, "alpha": Fraction(3, 2)}



def test_the_ray_plot_takes_l0_l1_from_the_settings_else_1(monkeypatch, tmp_path):
    """(L0, L1) default to (1, 1), as the claims' parameters do; a set L0 = 3/2 is read exactly. The title names the
    loss only when the claim leaves it to the settings (loss=None)."""
    seen = []
    monkeypatch.setattr(figures, "curvature_against_bound", lambda path, *args: seen.append(args) or path)
    one = {"depth": 1, "width": 1, "d_in": 1, "d_out": 1, "n": 1, "xs": [[Fraction(1)]], "ys": [[Fraction(1)]],
           "activation": "tanh"}
    figures.plotter("l2", "cooper.depth_1", "T", {"depth": 1})(one, tmp_path / "a.pdf")
    figures.plotter(None, "cooper.depth_1", "T", {"depth": 1})({**one, "L0": 1.5}, tmp_path / "b.pdf")
    (first, second) = seen
    assert first[7:9] == (1, 1) and second[7:9] == (Fraction(3, 2), 1)
    assert first[-1].startswith("T:\n") and second[-1].startswith("T, L2 loss:\n")
