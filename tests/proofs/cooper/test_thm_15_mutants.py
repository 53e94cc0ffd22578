r"""Cooper Theorem 15: the softmax weights ``derive`` prints (written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from proofs import registry
from proofs.values import parse_settings

CID = "cooper.thm_15"


def test_derive_prints_softmax_weights_that_sum_to_1_and_are_uniform_at_0():
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["n=1", "d_in=1", "d_out=2", "xs=[[2]]", "ys=[[0.5, 0.5]]"]))
    weights = {name: sp.sympify(text) for name, text in out["softmax_weights"].items()}
    assert set(weights) == {"p_1_1", "p_1_2"}
    assert sp.simplify(weights["p_1_1"] + weights["p_1_2"]) == 1
    at_zero = {s: 0 for w in weights.values() for s in w.free_symbols}
    assert [w.subs(at_zero) for w in weights.values()] == [sp.Rational(1, 2)] * 2


def test_only_the_papers_steps_are_marked_printed():
    r"""The JSON review's ``printed`` says which steps are the paper's own: the sandwich argument the project
    adds (J J^T = (1+|x|^2) I, the softmax curvature bounds) is not, so a failure there could never be reported
    as an erratum of the paper."""
    from proofs.cooper import thm_15

    printed = {s.label for s in thm_15.theorem().steps if s.printed}
    assert printed == {"logits_linear_in_parameters", "logit_hessian_zero", "loss_rewritten_with_assumption_2",
                       "gradient_31", "hessian_as_printed_32", "softmax_weight_at_most_one", "hessian_bounded_by_m",
                       "m_smooth_of_bounded_hessian"}
