r"""Cooper's growth figures for depth 1 and the subquadratic corollary: the plotted series equal the exact
closed forms along the ray (SymPy, independently of the mirror that draws them), and t* is the claim's own
exact witness."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from proofs.cooper import corollary_subquadratic, depth_1, figures, ray
from proofs.errors import BadInput
from symbolic import network as net

ONE = {"width": 1, "d_in": 1, "d_out": 1, "n": 1, "xs": [[Fraction(1)]], "ys": [[Fraction(1)]], "activation": "tanh"}


def exact(depth: int, t: int, loss: str = "l2") -> tuple[float, float]:
    r"""|H_entry(t)| and ||grad L(t)|| of :data:`ONE` at ``depth``, from the symbolic layer."""
    arch, data = net.architecture(depth, 1, 1, 1), net.data_from_lists([[Fraction(1)]], [[Fraction(1)]])
    q = ray.quantities(arch, data, loss, "tanh")
    return abs(float(q["hessian_entry"].subs(net.T, t))), float(sp.sqrt(q["grad_norm_sq"].subs(net.T, t)))


@pytest.mark.parametrize("depth", [1, 2])
def test_the_plotted_series_are_the_exact_values_along_the_ray(depth):
    a, b, alpha = Fraction(1), Fraction(2), Fraction(3, 2)
    rows = figures.subquadratic_series([1] * depth, 1, 1, [[Fraction(1)]], [[Fraction(1)]], "tanh", "l2", a, b, alpha,
                                       [2.0, 8.0])
    for row in rows:
        entry, grad = exact(depth, int(row["t"]))
        assert row["entry"] == pytest.approx(entry, rel=1e-12) and row["grad"] == pytest.approx(grad, rel=1e-12)
        assert row["bound"] == pytest.approx(1 + 2 * grad**1.5, rel=1e-12)
        assert row["norm"] >= row["entry"] * (1 - 1e-12)  # |H_ii| <= ||H||_2


def _captured(monkeypatch, name: str) -> dict:
    seen: dict = {}

    def draw(path, widths, d_in, d_out, xs, ys, activation, loss, *constants_t_star_title):
        seen.update(widths=widths, loss=loss, rest=constants_t_star_title)
        return path
    monkeypatch.setattr(figures, name, draw)
    return seen


@pytest.mark.parametrize("loss", ["l2", "cross_entropy"])
def test_the_depth_1_plot_is_at_depth_1_with_the_claims_witness(monkeypatch, tmp_path, loss):
    seen = _captured(monkeypatch, "curvature_against_bound")
    params = {**ONE, "d_out": 2, "ys": [[Fraction(1, 3), Fraction(2, 3)]], "loss": loss, "L0": 3, "L1": 5}
    figures.plot_depth_1(params, tmp_path / "d1.pdf")
    L0, L1, t_star, title = seen["rest"]
    assert seen["widths"] == [1] and seen["loss"] == loss and (L0, L1) == (3, 5)
    assert t_star == Fraction(depth_1._witness(params)["points"][0][0]) and "depth 1" in title
    # the witness is exact: |H_entry(t*)| > L0 + L1 ||grad L(t*)||, checked here from the symbolic closed forms
    q = ray.quantities(net.architecture(1, 1, 1, 2), net.data_from_lists(params["xs"], params["ys"]), loss, "tanh")
    t = sp.Rational(t_star.numerator, t_star.denominator)
    h, g = (sp.Rational(q[k].subs(net.T, t)) for k in ("hessian_entry", "grad_norm_sq"))
    assert abs(h) > 3 and (abs(h) - 3) ** 2 > 25 * g


def test_the_subquadratic_plot_marks_the_first_exact_violation(monkeypatch, tmp_path):
    seen = _captured(monkeypatch, "curvature_against_subquadratic_l")
    params = {**ONE, "depth": 2, "a": Fraction(1), "b": Fraction(1), "alpha": Fraction(3, 2)}
    figures.plotter_subquadratic(corollary_subquadratic._witness)(params, tmp_path / "sq.pdf")
    a, b, alpha, t_star, title = seen["rest"]
    assert (a, b, alpha) == (1, 1, Fraction(3, 2)) and "L2 loss" in title and "depth 2" in title
    assert corollary_subquadratic.verify(params, int(t_star)).holds
    assert not corollary_subquadratic.verify(params, int(t_star) // 2).holds  # the first power of two
    rows = figures.subquadratic_series([1, 1], 1, 1, [[Fraction(1)]], [[Fraction(1)]], "tanh", "l2", a, b, alpha,
                                       [float(t_star)])
    assert rows[0]["entry"] > rows[0]["bound"]


def test_a_quadratic_l_is_never_exceeded_on_the_plotted_grid():
    # A wrong version of the figure's message: with l(u) = 1 + u^2 the entry stays below l along the whole ray
    # (step quadratic_l_not_excluded_by_ray), so the series can show a bound that is not exceeded.
    rows = figures.subquadratic_series([1, 1], 1, 1, [[Fraction(1)]], [[Fraction(1)]], "tanh", "l2", Fraction(1),
                                       Fraction(1), Fraction(2), figures.log_grid(Fraction(64))[::4])
    assert all(r["entry"] < r["bound"] for r in rows)


def test_the_plots_refuse_what_they_cannot_draw(tmp_path):
    with pytest.raises(BadInput):
        figures.drawable(2**151)
    with pytest.raises(BadInput):
        figures.plot_depth_1({**ONE, "activation": "generic"}, tmp_path / "x.pdf")
    with pytest.raises(BadInput):
        figures.plotter_subquadratic(corollary_subquadratic._witness)({**ONE, "alpha": Fraction(2)}, tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_a_default_figure_is_drawn_once_per_process(tmp_path):
    calls = []

    def draw(path):
        calls.append(path)
        path.write_bytes(b"%PDF-1.4 drawn")
        return path
    name = "test_figures_growth_once.pdf"
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    first = figures.drawn_once(tmp_path / "a" / name, draw)
    second = figures.drawn_once(tmp_path / "b" / name, draw)
    assert len(calls) == 1 and second.read_bytes() == first.read_bytes() == b"%PDF-1.4 drawn"
    figures._DRAWN.pop(name)


@pytest.mark.deep  # the document's figures: about 6 s
def test_the_figures_are_written(tmp_path):
    from proofs import registry

    for cid in ("cooper.depth_1", "cooper.corollary_subquadratic"):
        (path,) = registry.get_claim(cid).figures(tmp_path)
        assert path.read_bytes().startswith(b"%PDF")
