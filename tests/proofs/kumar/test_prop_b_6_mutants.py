r"""Kumar Prop. B.6, the runs (written against the mutation benchmark): under the pytorch convention the
bias-corrected first moment m^(1)/(1 - beta1) is exactly lambda*s, so the bound lambda is reached at k = 1."""

from __future__ import annotations

from fractions import Fraction

from proofs.kumar.prop_b_6 import _bound_in_runs


def test_bias_corrected_moment_reaches_lambda_at_the_first_step():
    # just below lambda: the paper's m stays under 0.9943 and passes; pytorch's m-hat^(1) = 1 does not
    result = _bound_in_runs(Fraction(9999, 10000))
    assert not result.ok
    assert result.values["convention"] == "pytorch" and result.values["k_at"] == 1 and result.values["worst"] == "1.0"
