"""The pack module proofs/cooper/ray_steps.py: the steps the Cooper claims share reject wrong versions."""

from __future__ import annotations

import pytest

from proofs.cooper import ray_steps
from symbolic import network as net


def test_shifted_ray_wrong_versions_fail_for_the_right_reason():
    """Without the shifted output bias f = t sigma(c') M 1 != 0; a doubled entry is not the closed form."""
    assert "f on the ray" in ray_steps.shifted_ray_check("l2", paper_bias=True).detail
    assert "entry" in ray_steps.shifted_ray_check("l2", entry_scale=2).counterexample



@pytest.mark.parametrize("sides, wrong", [(net.hidden_layer_recursion_any_width, lambda r: -r),
                                         (net.hidden_layer_recursion_any_width, lambda r: r + 1),
                                         (net.hidden_layer_recursion_any_width, lambda r: r.subs(net.SIGMA_1, net.SIGMA_2)),
                                         (net.output_layer_recursion_any_width, lambda r: r.subs(net.SIGMA_2, 2 * net.SIGMA_2))])
def test_any_width_recursion_rejects_a_wrong_printed_side_with_a_finite_width_counterexample(sides, wrong):
    assert ray_steps.any_width_check(sides).evidence == "proved"
    result = ray_steps.any_width_check(sides, wrong)
    assert not result.ok and result.values["width"] == 1 and result.counterexample.startswith("for a row of width")


