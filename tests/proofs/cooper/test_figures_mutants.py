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

