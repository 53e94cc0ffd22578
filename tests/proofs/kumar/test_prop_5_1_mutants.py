r"""Kumar Prop. 5.1 (written against the mutation benchmark): the run on f = |y| + H(x, y) at the edge x = 0 of
H's perspective, where the ratio y/x that picks the gradient is not defined."""

from __future__ import annotations

from proofs.kumar.prop_5_1 import _ray_run


def test_the_ray_run_starts_at_x_0_with_the_subgradient_sign_y():
    r"""At x = 0, H(0, y) = sup_{|s|<=1} s y = |y|, attained at s = sign(y): the run takes s = ±1 there instead of
    dividing y by x = 0.  From (0, 0.3), alpha = 1/2: f = 2|y| = 0.6, then x = alpha s^2/2 = 0.25 and
    y = 0.3 - alpha (1 + 1) = -0.7 (so s = clip(-0.7/0.25) = -1 and f = 0.7 + 0.7 - 0.125 = 1.275)."""
    for y0 in (0.3, -0.3):  # the sign of y only flips s; x and f are the same
        xs, fs = _ray_run(0.5, steps=2, x0=0.0, y0=y0)
        assert xs == [0.0, 0.25] and fs == [0.6, 1.275]


def test_a_start_on_the_minimizer_ray_is_a_fixed_point():
    r"""On X* = {(x, 0): x > 0} the gradient is (-s^2/2, sign(y) + s) with s = clip(0/x) = 0 and sign(0) = 0:
    GD stays put with f = 0.  Taking sign(0) = 1 (y >= 0) would push y to -alpha and leave the minimum."""
    xs, fs = _ray_run(0.5, steps=3, x0=1.0, y0=0.0)
    assert xs == [1.0, 1.0, 1.0] and fs == [0.0, 0.0, 0.0]
