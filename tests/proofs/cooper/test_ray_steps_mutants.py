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
    assert not wrong.ok and wrong.detail == "degree 0 with the special data (claimed degree 2)"
    # cross-entropy with uniform labels: the gradient is 0 on the whole ray, said so (not "degree -oo")
    wrong = ray_steps._degree_claim_wrong("cross_entropy")
    assert not wrong.ok and wrong.detail == "||grad L||^2 = 0 with the special data (claimed degree 2)"


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



# ---------------------------------------------------------------- brief G6: Remark 2, the shifted ray's direct check, the assumptions

from fractions import Fraction  # noqa: E402

import mpmath  # noqa: E402


def test_remark_2_norms_hold_and_r_1_is_refused_at_the_first_architecture():
    r"""max|H_ii| <= ||H||_op <= ||H||_F <= sqrt(rank) ||H||_op at t = 10; with r = 1 (not sqrt(rank)) the last
    inequality fails on widths (2, 2): ||H||_F = 1605.66... > ||H||_op = 1604.02..., shown to 15 digits."""
    ok = ray_steps.remark_2_check("l2")
    assert ok.ok and ok.method == "eigsy-60-digits" and ok.sample == {"points": 2, "dps": 60}
    wrong = ray_steps.remark_2_check("l2", r_factor=1)
    assert not wrong.ok and wrong.detail.startswith("Architecture(widths=(2, 2), d_in=1, d_out=2): |H_ii|=800.0, ")
    assert float(wrong.values["r"]) == 1.0 and wrong.values["frob"] > wrong.values["bound"]
    assert str(wrong.values["frob"]) == "1605.66090570254" and str(wrong.values["bound"]) == "1604.02732848005"


def test_a_60_digit_number_is_shown_to_15_digits():
    assert str(ray_steps._float15(mpmath.mpf(2) / 3)) == "0.666666666666667"
    assert ray_steps._float15(mpmath.mpf(10) ** 20) == sp.Float("1e20", 15)


def test_the_fraction_rows_keep_numerator_and_denominator():
    assert ray_steps.fraction_rows([[sp.Rational(-1, 3), sp.Integer(2)], [sp.Rational(5, 7)]]) == \
        [[Fraction(-1, 3), Fraction(2)], [Fraction(5, 7)]]


def test_the_shifted_ray_agrees_with_direct_differentiation_and_not_with_sigma_0_dropped():
    r"""All 42 entries (gradient and Hessian of widths (1, 1)) agree; with sigma(c') = 0 put into the jets, 14 fail,
    the first at index 2: -2 sigma_0 sigma_1 t y by differentiation, 0 from the jets."""
    ok = ray_steps.shifted_direct_check("l2")
    assert ok.ok and ok.counterexample is None and ok.values == {}
    assert ok.detail == "full gradient and Hessian at the shifted ray: 42 of 42 entries agree exactly with the jets (l2)"
    wrong = ray_steps.shifted_direct_check("l2", drop_sigma_0=True)
    assert not wrong.ok and "28 of 42 entries" in wrong.detail and wrong.values["index"] == 2
    assert wrong.values["jets"] == 0 and wrong.values["direct"] != 0 and wrong.values["direct"].has(net.SIGMA_0)


def test_the_bounded_hessian_checks_and_their_wrong_versions():
    r"""Depth 0: no hidden layer, the L2 Hessian constant; its wrong version is one hidden layer with the identity.
    Cross-entropy has a second wrong version (the Hessian itself, not normalised, is not constant)."""
    l2 = ray_steps.bounded_hessian_check("a", "l2", ray_steps.shift.DEPTH_0_ARCH, r"\ell=0")
    assert l2.latex == r"\ell=0:\ \mathbf HL_{\mathrm{L2}}=constant" and l2.kind_name == "sympy.hessian"
    assert l2.scope["activation"] == "none" and l2.scope["n"] == [1]
    result = l2.run()
    assert result.ok and result.detail.startswith("Architecture(widths=(), d_in=1, d_out=2) (no hidden layer): the l2 "
                                                  "Hessian is constant: True (e.g. ")
    (identity,) = l2.mutants()
    wrong = identity.run()
    assert not wrong.ok and wrong.detail == "Architecture(widths=(1,), d_in=1, d_out=2), sigma = k: the l2 Hessian is " \
                                            "constant: False"
    ce = ray_steps.bounded_hessian_check("b", "cross_entropy", ray_steps.shift.CONSTANT_ARCH, r"\sigma\equiv k")
    assert ce.latex == r"\sigma\equiv k:\ \mathbf HL_{\mathrm{CE}}=p_1p_2\times\text{const}"
    assert ce.scope["activation"] == "sigma = k (a symbol)"
    assert len(ce.mutants()) == 2


def test_the_assumptions_and_their_verdicts():
    assert [ray_steps.depth_one_assumption(loss, "A5").necessity.check.label for loss in ("l2", "cross_entropy")] == \
        ["depth_0_loss_is_m_smooth"] * 2
    constant = ray_steps.non_constant_assumption("l2", "A4")
    assert constant.label == "A4" and constant.necessity.verdict == "necessary"
    assert constant.necessity.check.label == "constant_activation_is_m_smooth"
    a1 = ray_steps.assumption_1("l2", "A9")
    assert a1.label == "A1" and a1.necessity.verdict == "superfluous" and "(A9)" in a1.necessity.evidence
    assert a1.necessity.check.label == "no_L0_L1_witness_without_assumption_1"
    a2 = ray_steps.twice_differentiable_assumption()
    assert a2.necessity.verdict == "unknown" and a2.necessity.check is None
    assert not a2.holds({"activation": "relu"}) and a2.holds({"activation": "tanh"})
    depth = ray_steps.depth_necessity("l2", "A7")
    assert depth.verdict == "superfluous" and "A7" in depth.evidence


def test_the_depth_1_witness_takes_every_third_case_at_depth_1():
    full, step = ray_steps.witness_step("l2"), ray_steps._depth_1_witness("l2")
    assert step.label == "no_L0_L1_witness_at_depth_1" and step.method == full.method
    assert step.cases == [{**c, "depth": 1} for c in full.cases[::3]] and len(step.cases) == 2
    assert len(step.wrong_constructions) == 3


def test_the_mirror_agreement_points_and_their_description():
    step = ray_steps.mirror_agreement("l2", "lab")
    assert step.label == "lab" and step.points == ray_steps._mirror_points() and len(step.points) == 3
    assert step.describe(step.points[0]) == "widths=(2, 2), d_in=2, d_out=2, n=2, tanh, seed=7, t=1000000"
    value = complex(step.closed_form(step.points[1]))
    mirrored = complex(step.mirror(step.points[1]))
    assert abs(value - mirrored) < 1e-9 * abs(value)


def test_the_shifted_ray_check_passes_on_its_whole_declared_scope():
    r"""27 architectures (depths 1-3, widths 1-2 and three non-uniform ones, d_out 1-3), n = 2, sigma(c') kept."""
    result = ray_steps.shifted_ray_check("l2")
    assert result.ok and result.detail.endswith("the entry equals the closed form (no sigma_0) on all 27 architectures (l2)")
    scope = ray_steps.shifted_ray_step("l2").scope
    assert (scope["depths"], scope["widths"], scope["d_ins"], scope["d_outs"], scope["n"]) == \
        ([1, 2, 3], [1, 2], [1], [1, 2, 3], [2])


def test_the_wrong_plus_one_side_is_refused_with_the_value_minus_1():
    r"""lhs - (rhs + 1) = -1 at width 1 whatever the point (a side minus one would give +1)."""
    sides = lambda: (K * ray_steps.SIGMA_1 + ray_steps.SIGMA_2, K * ray_steps.SIGMA_1 + ray_steps.SIGMA_2)  # noqa: E731
    _, plus_one, _ = (m.run() for m in ray_steps.any_width_step("s", "s", sides).mutants())
    assert not plus_one.ok and plus_one.values == {"point": {}, "value": -1, "width": 1}


def test_the_witness_configurations_and_wrong_constructions():
    r"""Two configurations (depth 2, width 2, d_in = d_out = n = 2, tanh, seed 1; depth 3, width 1, d_in 1, d_out 3,
    n 1, gelu, seed 5), each with the three constant pairs; the wrong t* are 0, 1 and L1 + 1."""
    step = ray_steps.witness_step("l2")
    assert step.cases[0] == {"depth": 2, "width": 2, "d_in": 2, "d_out": 2, "n": 2, "activation": "tanh", "seed": 1,
                             "L0": 1, "L1": 1}
    assert step.cases[3] == {"depth": 3, "width": 1, "d_in": 1, "d_out": 3, "n": 1, "activation": "gelu", "seed": 5,
                             "L0": 1, "L1": 1}
    assert [w(step.cases[0]) for w in step.wrong_constructions] == [0, 1, 2]
    shifted = ray_steps.shifted_witness("l2")
    assert len(shifted.cases) == 12 and shifted.cases[1] == {"depth": 3, "width": 1, "d_in": 1, "d_out": 3, "n": 1,
                                                             "seed": 5, "activation": "sigmoid",
                                                             "L0": 10**12, "L1": 10**12}
    assert shifted.cases[2] == {"depth": 2, "width": 2, "d_in": 2, "d_out": 2, "n": 2, "seed": 1,
                                "activation": "sigmoid", "L0": 10**6, "L1": 0}
    assert [w({}) for w in shifted.wrong_constructions] == [0, 1]


def test_the_mirror_points_span_three_activations_and_both_signs_of_t():
    step = ray_steps.mirror_agreement("l2", "lab")
    assert step.describe(step.points[1]) == "widths=(1, 3), d_in=1, d_out=3, n=1, gelu, seed=4, t=37/3"
    assert step.describe(step.points[2]) == "widths=(2, 1, 2), d_in=1, d_out=1, n=1, softplus_shifted, seed=9, t=-55"
    assert ray_steps._shifted_mirror_points() == [((2, 2), 2, 2, 2, "sigmoid", 7, 10**6),
                                                  ((1, 3), 1, 3, 1, "softplus", 4, Fraction(37, 3)),
                                                  ((2, 1), 1, 2, 2, "square", 9, -55),
                                                  ((1, 2, 1), 2, 1, 2, "paper_example_1", 3, Fraction(5, 2))]


def test_the_gradient_growth_steps_name_their_data_and_architecture():
    r"""The printed claim (refuted, with its erratum naming the data) and its repair, on widths (2, 2), d_in 2, n 2:
    d_out 2 for L2 (targets summing to 0), d_out 3 for cross-entropy (uniform labels)."""
    for loss, d_out, data, zero in (("l2", 2, r"$\sum_{s,k} y_{sk} = 0$", r"\sum y=0"),
                                    ("cross_entropy", 3, "uniform labels", r"y_{mj}=1/d")):
        printed, repair = ray_steps.gradient_growth_steps(loss)
        assert (printed.label, repair.label, repair.repairs) == ("gradient_grows_linearly", "gradient_grows_at_most_linearly",
                                                                 "gradient_grows_linearly")
        assert printed.scope["architectures"] == [{"n": 2, "d_in": 2, "widths": [2, 2], "d_out": d_out}] == \
            repair.scope["architectures"]
        assert data in printed.erratum and repair.latex.endswith(r"(=0\text{ when }" + zero + ")")
        assert (len(printed.mutants()), len(repair.mutants())) == (0, 1)


def test_the_cross_entropy_repair_is_bounded_for_uniform_labels():
    result = ray_steps.gradient_growth_check("cross_entropy", at_most=True)
    assert result.ok and result.values == {"degree": 2, "bounded": 0} and "0 for uniform labels" in result.detail


def test_the_shifted_mirror_step_keeps_two_class_points_for_cross_entropy_and_agrees_at_example_1():
    r"""Cross-entropy drops the d_out = 1 point; at the paper's Example 1 (u^2 + 1, widths (1, 2, 1), t = 5/2) the
    jets' grad norm^2 + i entry equals the mirror's."""
    assert [p[2] for p in ray_steps.shifted_mirror_step("cross_entropy").points] == [2, 3, 2]
    step = ray_steps.shifted_mirror_step("l2")
    point = step.points[3]
    assert step.describe(point) == "widths=(1, 2, 1), d_in=2, d_out=1, n=2, paper_example_1, seed=3, t=5/2"
    closed, mirrored = complex(step.closed_form(point)), complex(step.mirror(point))
    assert closed.imag != 0 and abs(closed - mirrored) < 1e-12 * abs(closed)


def test_an_expansion_the_network_refuses_is_a_failing_step_naming_the_architecture(monkeypatch):
    r"""A ``ValueError`` of the exact expansion (here: data with one label too many, which
    ``derivatives_on_ray`` refuses rather than cutting it silently; the jets of f read only the inputs, so f = 0
    and the degree checks pass first) ends the shifted-ray check as a failing step: its detail and counterexample
    name the first architecture and the reason.  Rejects returning None for it, or a pass."""
    one_label_too_many = lambda n, d_in, d_out: net.symbolic_data(n, d_in, d_out + 1)  # noqa: E731
    monkeypatch.setattr(ray_steps, "loss_data", lambda loss: one_label_too_many)
    reason = "the data's rows have [1] inputs and [{}] labels; the architecture takes 1 and {}"
    for loss, d_out in (("l2", 1), ("cross_entropy", 2)):
        result = ray_steps.shifted_ray_check(loss)
        assert result is not None and result.ok is False, loss
        arch = net.Architecture((1,), 1, d_out)
        assert result.detail == f"{arch}, n = 2: " + reason.format(d_out + 1, d_out)
        assert result.counterexample == "at {dimensions}: " + reason.format(d_out + 1, d_out)
        assert result.values == {"dimensions": ray_steps.dimension_point(arch, 2)}


def test_the_gradient_growth_repair_is_refused_when_the_special_data_leave_the_gradient_growing(monkeypatch):
    """The repair claims both: degree <= 2 for symbolic data AND degree 0 for the special data. With the special
    data replaced by generic symbolic data (monkeypatched), the second half fails (degree 2), so the repair must
    fail with its counterexample; the wrong version 'degree <= 2 OR bounded' accepts it."""
    monkeypatch.setattr(ray_steps, "uniform_labels", lambda loss, arch, n: net.symbolic_data(n, arch.d_in, arch.d_out))
    result = ray_steps.gradient_growth_check("l2", at_most=True)
    assert not result.ok and result.values == {"degree": 2, "bounded": 2}
    assert result.counterexample.startswith(r"$\deg_t\|\nabla L\|^2 = {degree}$ for symbolic data")
