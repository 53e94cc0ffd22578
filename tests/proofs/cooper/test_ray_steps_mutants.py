r"""proofs.cooper.ray_steps: the any-width recursion steps are built, one per layer kind (written
against the mutation benchmark; running them is the claims' work), and the witness for every (L0, L1)
is checked at huge constants."""

from __future__ import annotations

from proofs.cooper import ray_steps
from proofs.steps import Check


def test_recursion_steps_are_checks_with_distinct_labels():
    steps = ray_steps.recursion_steps()
    assert steps and all(isinstance(s, Check) for s in steps)
    labels = [s.label for s in steps]
    assert len(set(labels)) == len(labels) and "layer_recursion_hidden" in labels


def test_the_witness_scope_reaches_huge_constants_on_each_configuration():
    # "for every (L0, L1)": the declared scope (the JSON review lists every case) must include L0 = L1 = 10^12,
    # where t* has to be large, and L1 = 0, on both configurations, not only small constants
    result = ray_steps.witness_step("l2").run()
    assert result.ok and result.evidence == "proved-on-scope"
    cases = result.scope["cases"]
    for activation in ("tanh", "gelu"):
        constants = {(c["L0"], c["L1"]) for c in cases if c["activation"] == activation}
        assert constants == {("1", "1"), (str(10**12), str(10**12)), (str(10**6), "0")}, activation


def test_the_layer_recursions_are_added_steps():
    # Cooper's proof has no symbolic any-width layer recursion: it is the project's inductive step, and the
    # review JSON ("printed") and the LaTeX origin must say "added", not "printed".
    assert [s.printed for s in ray_steps.recursion_steps()] == [False, False]


# ---------------------------------------------------------------- helpers of the shared steps (brief H2)

import pytest  # noqa: E402
import sympy as sp  # noqa: E402

from symbolic import network as net  # noqa: E402

K = net.WIDTH


def test_any_width_identity_proved_for_a_symbolic_width():
    """K (K + 1) = K^2 + K: exact at widths 1-3, then SymPy's cancel reduces the difference to 0: proved."""
    result = ray_steps.any_width_check(lambda: (K * (K + 1), K**2 + K))
    assert result.ok and result.evidence == "proved" and result.method == "cancel" and result.engines == ("sympy:cancel",)


def test_any_width_wrong_side_fails_at_width_1_with_its_counterexample():
    """Rejects a passing wrong side, a sum for the difference, or the counterexample text lost."""
    result = ray_steps.any_width_check(lambda: (K * (K + 1), K**2 + K), lambda r: r + 1)
    assert not result.ok and result.values["width"] == 1 and result.values["value"] == -1
    assert result.detail.startswith("fails for a row of width 1: ")
    assert result.counterexample == "for a row of width $K = {width}$: at {point} the value is {value}"
    assert not ray_steps.any_width_check(lambda: (K, K), lambda r: -r).ok  # K + K != 0 at width 1


def test_any_width_identity_that_sympy_cannot_reduce_is_proved_on_the_finite_widths(monkeypatch):
    """Both simplifiers out of budget (None): exact at widths 1, 2, 3 only, proved-on-scope with that scope."""
    monkeypatch.setattr(ray_steps, "within_budget", lambda f, budget: None)
    result = ray_steps.any_width_check(lambda: (K * (K + 1), K**2 + K))
    assert result.ok and result.evidence == "proved-on-scope" and result.method == "exact-finite-widths"
    assert result.scope == {"summands per row": [1, 2, 3]}


def test_any_width_step_has_three_wrong_versions_each_rejected():
    """Sign flipped, plus one, sigma'(c) and sigma''(c) exchanged (a side symmetric in them would not do)."""
    sides = lambda: (K * ray_steps.SIGMA_1 + ray_steps.SIGMA_2, K * ray_steps.SIGMA_1 + ray_steps.SIGMA_2)  # noqa: E731
    step = ray_steps.any_width_step("s", "s", sides)
    assert step.run().ok and len(step.mutants()) == 3 and not any(m.run().ok for m in step.mutants())
    assert ray_steps._swap_sigma(ray_steps.SIGMA_1 + 2 * ray_steps.SIGMA_2) == ray_steps.SIGMA_2 + 2 * ray_steps.SIGMA_1


def test_the_shifted_ray_pairs_keep_two_classes_for_cross_entropy():
    """L2: the whole SHIFT_SCOPE with n = 2; cross-entropy: only d_out >= 2 (d_out = 2 included)."""
    l2, ce = ray_steps.shift_pairs("l2"), ray_steps.shift_pairs("cross_entropy")
    assert [a for a, _ in l2] == net.scope(**ray_steps.SHIFT_SCOPE) and {n for _, n in l2 + ce} == {2}
    assert [a for a, _ in ce] == [a for a in net.scope(**ray_steps.SHIFT_SCOPE) if a.d_out >= 2]
    assert {a.d_out for a, _ in ce} == {2, 3}
    assert ray_steps.loss_data("l2") is net.symbolic_data and ray_steps.loss_data("cross_entropy") is net.probability_data


@pytest.mark.parametrize("loss, d_out, row", [("l2", 1, (0,)), ("l2", 2, (1, -1)), ("l2", 3, (1, -1, 0)),
                                             ("cross_entropy", 2, (sp.Rational(1, 2),) * 2),
                                             ("cross_entropy", 3, (sp.Rational(1, 3),) * 3)])
def test_uniform_labels_make_the_gradients_t2_coefficient_vanish(loss, d_out, row):
    """L2 targets summing to 0 (y = 0 for one output), cross-entropy labels 1/d_out, the same for every datum; the
    inputs are distinct nonzero rows; on them the t^2 coefficient of ||grad L||^2 is 0 (its degree is 0)."""
    arch = net.Architecture((1,), 2, d_out)
    data = ray_steps.uniform_labels(loss, arch, 2)
    assert data.ys == (row, row) and data.xs == ((1, 2), (2, 3))
    g = sp.expand(net.derivatives_on_ray(arch, data, loss).grad_norm_sq())
    assert g.coeff(net.T, 2) == 0


def test_the_gradient_growth_repair_and_its_wrong_version():
    """At most degree 2 for symbolic data, degree 0 for the special data; 'still degree 2' is wrong."""
    result = ray_steps.gradient_growth_check("l2", at_most=True)
    assert result.ok and result.values == {"degree": 2, "bounded": 0} and "0 for sum y = 0" in result.detail
    wrong = ray_steps._degree_claim_wrong("l2")
    assert not wrong.ok and wrong.detail == "degree 0 with the special data (claimed 2)"


def test_the_printed_gradient_growth_fails_with_targets_summing_to_0():
    """'Grows linearly' for every data set is refuted by Z3 with y summing to 0 and the first target >= 1."""
    result = ray_steps.gradient_growth_check("l2", at_most=False)
    assert not result.ok and result.values["value"] == 0
    point = result.values["point"]
    assert sum(point.values()) == 0 and point[min(point, key=str)] >= 1


def test_the_depth_assumption_holds_from_depth_1_and_when_unset():
    holds = ray_steps.depth_one_assumption("l2", "A5").holds
    assert holds({}) and holds({"depth": None}) and holds({"depth": 1}) and holds({"depth": "3"})
    assert not holds({"depth": 0})


def test_the_bounded_hessian_words_per_loss():
    assert ray_steps._bounded_words("l2") == "the L2 Hessian is constant"
    assert ray_steps._bounded_words("cross_entropy").startswith(r"the cross-entropy Hessian is $p_1p_2 \le 1/4$")


def test_the_witness_of_the_statement_and_its_wrong_constructions():
    """t* for tanh, L0 = 10^6, L1 = 0 passes the exact check; t = 0, t = 1 and L1 + 1 = 1 are rejected."""
    step = ray_steps.witness_step("l2")
    case = step.cases[2]
    assert (case["L0"], case["L1"]) == (10**6, 0)
    t = step.construct(case)
    assert step.verify(case, t).holds and step.verify(case, sp.Rational(t, 2)).holds is False  # the first power of 2
    assert [step.verify(case, w(case)).holds for w in step.wrong_constructions] == [False, False, False]


def test_the_shifted_witness_overrides_depth_and_alternates_the_losses():
    step = ray_steps.shifted_witness("l2", depth=1, losses=("l2", "cross_entropy"))
    assert {c["depth"] for c in step.cases} == {1}
    assert [c["loss"] for c in step.cases[:4]] == ["l2", "cross_entropy", "l2", "cross_entropy"]
    plain = ray_steps.shifted_witness("l2")
    assert "loss" not in plain.cases[0] and {c["depth"] for c in plain.cases} == {2, 3}
    assert {c["activation"] for c in plain.cases} == set(ray_steps.shift.SHIFT_POINTS)

