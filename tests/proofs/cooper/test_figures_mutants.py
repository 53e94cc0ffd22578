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
