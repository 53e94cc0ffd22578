r"""Cooper's figure data: along the ray the curvature grows quadratically and dominates the linear bound."""

from __future__ import annotations

from proofs.cooper import figures


def test_curvature_grows_like_t_squared_and_the_norm_bounds_the_entry():
    rows = figures.curve([1, 1], 1, 1, [[1]], [[1]], "tanh", "l2", [2.0, 4.0, 8.0])
    assert all(r["norm"] >= r["entry"] * (1 - 1e-12) for r in rows)
    ratios = [b["entry"] / a["entry"] for a, b in zip(rows, rows[1:])]
    assert all(3.5 < q < 4.5 for q in ratios)  # doubling t multiplies the entry by about 4
    bound_ratios = [b["grad"] / a["grad"] for a, b in zip(rows, rows[1:])]
    assert all(q < 2.5 for q in bound_ratios)  # the gradient norm grows at most linearly


def test_the_figure_is_written(tmp_path):
    path = figures.curvature_against_bound(tmp_path / "thm_12.png", [1], 1, 1, [[1]], [[1]], "tanh", "l2",
                                           1, 1, 3, "test")
    assert path.exists() and path.stat().st_size > 1000
