r"""Cooper Theorem 12: the chain, bad inputs per assumption, closed forms against the
independent mirror on random architectures (Hypothesis), the witness for any (L0, L1)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st

from numeric import network as mirror
from proofs.cooper import ray, ray_steps
from proofs.cooper import thm_12 as thm
from proofs import registry
from proofs.cooper.ray import configuration, quantities, violation, witness_point
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings
from symbolic import network as net

CID = "cooper.thm_12"
RELATIVE = 1e-40


def architectures(min_depth: int = 2, max_depth: int = 4, max_width: int = 3):
    return st.builds(lambda widths, d_in, d_out: net.Architecture(tuple(widths), d_in, d_out),
                     st.lists(st.integers(1, max_width), min_size=min_depth, max_size=max_depth),
                     st.integers(1, 2), st.integers(1, 3))


def ray_positions():
    return st.builds(lambda sign, mant, exp: sign * Fraction(mant) * Fraction(10) ** exp, st.sampled_from([-1, 1]),
                     st.integers(1, 999), st.integers(-3, 3))


def constants():
    return st.builds(lambda mant, exp: Fraction(mant) * Fraction(10) ** exp, st.integers(0, 999), st.integers(-3, 15))


def agrees_with_mirror(arch, n, seed, name, t, loss):
    data = net.seeded_data(n, arch.d_in, arch.d_out, seed, loss)
    xs = [[Fraction(int(v.p), int(v.q)) for v in row] for row in data.xs]
    ys = [[Fraction(int(v.p), int(v.q)) for v in row] for row in data.ys]
    d, e = net.derivatives_on_ray(arch, data, loss), net.named_entry(arch)
    tt = sp.Rational(t.numerator, t.denominator)
    g = sp.N(net.at_activation(d.grad_norm_sq(), name).subs(net.T, tt), 60)
    h = sp.N(net.at_activation(d.entry(e, e), name).subs(net.T, tt), 60)
    g_num = mirror.grad_norm_sq(list(arch.widths), arch.d_in, arch.d_out, xs, ys, t, loss, name)
    h_num = mirror.named_hessian_entry(list(arch.widths), arch.d_in, arch.d_out, xs, ys, t, loss, name)
    assert abs(g - sp.Float(mpmath.nstr(g_num, 60), 60)) <= RELATIVE * max(1, abs(g))
    assert abs(h - sp.Float(mpmath.nstr(h_num, 60), 60)) <= RELATIVE * max(1, abs(h))


def test_chain_checks_with_one_erratum_the_gradient_growth_sentence():
    report = registry.report(CID)
    assert report.ok and report.status == "verified-with-errata"
    assert [(e.step, e.repaired_by) for e in report.errata] == [("gradient_grows_linearly", "gradient_grows_at_most_linearly")]
    verdicts = {a.assumption.label: a.assumption.necessity.verdict for a in report.assumptions}
    assert verdicts == {"A1": "superfluous", "A2": "unknown", "A3": "superfluous", "A4": "necessary", "A5": "necessary"}
    assert all(a.result is None or a.result.ok for a in report.assumptions)


def test_gradient_growth_erratum_is_an_exact_zero_sum_data_set():
    """The printed 'the gradient grows linearly' fails exactly where sum_{s,k} y_sk = 0 (Z3's point, re-checked)."""
    (erratum,) = registry.report(CID).errata
    point = {str(k): v for k, v in erratum.values["point"].items()}  # the exact point the check used
    assert sum(point.values()) == 0 and point["y_1_1"] >= 1 and "y_1_1 = " in erratum.counterexample
    assert erratum.evidence == "proved"


def test_assumption_1_is_superfluous_on_activations_that_violate_it():
    """The A1 check: witnesses for the sigmoid, softplus, u^2 and u^2 + 1, none of which satisfies Assumption 1."""
    a1 = next(a for a in registry.report(CID).assumptions if a.assumption.label == "A1")
    names = {c["activation"] for c in a1.result.scope["cases"]}
    assert a1.result.ok and names == {"sigmoid", "softplus", "square", "paper_example_1"}
    for name in names:
        with pytest.raises(AssumptionViolated):
            parse_settings(registry.get_claim(CID), [f"activation={name}"])


def test_non_constant_and_depth_one_are_necessary_with_exact_counterexamples():
    report = registry.report(CID)
    by_label = {a.assumption.label: a for a in report.assumptions}
    assert by_label["A4"].result.ok and "constant" in by_label["A4"].result.detail
    assert by_label["A5"].result.ok and "no hidden layer" in by_label["A5"].result.detail
    assert all(not m.run().ok for a in ("A4", "A5") for m in by_label[a].assumption.necessity.check.mutants())


@pytest.mark.parametrize("label,setting", [("A1", "activation=sigmoid"), ("A1", "activation=square"),
                                           ("A2", "activation=elu")])
def test_activations_outside_each_assumption_are_rejected(label, setting):
    with pytest.raises(AssumptionViolated) as info:
        parse_settings(registry.get_claim(CID), [setting])
    assert info.value.assumption == label


def test_depth_zero_has_no_witness():
    claim = registry.get_claim(CID)
    with pytest.raises(AssumptionViolated):
        claim.witness(parse_settings(claim, ["depth=0"]))


def test_derive_prints_parseable_polynomials_in_t():
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["depth=3", "width=4", "d_in=2", "d_out=3", "n=2", "activation=tanh"]))
    t = sp.Symbol("t")
    assert sp.Poly(sp.sympify(out["grad_norm_sq"]), t).degree() <= 2
    assert sp.sympify(out["hessian_entry"]) == 12 * t**2


def test_derive_reads_user_data_exactly():
    claim = registry.get_claim(CID)
    out = claim.derive(parse_settings(claim, ["depth=2", "d_in=1", "xs=[[0.5],[1]]", "ys=[[1,2],[0,-1]]"]))
    t = sp.Symbol("t")
    assert sp.sympify(out["grad_norm_sq"]) == 4 * (1 + 1) + 4 * t**2 * 2 * 4  # sum_k (sum_s y)^2 = 1 + 1; S = 2


@given(architectures(), st.integers(1, 2), st.integers(0, 10**6), st.sampled_from(["tanh", "gelu", "silu", "softplus_shifted"]),
       ray_positions())
@example(net.Architecture((2, 2), 2, 2), 2, 0, "tanh", Fraction(10**6))
def test_expansion_agrees_with_the_mirror_on_random_architectures(arch, n, seed, name, t):
    agrees_with_mirror(arch, n, seed, name, t, "l2")


@given(constants(), constants(), st.sampled_from(["tanh", "gelu", "silu"]), st.integers(0, 100))
@example(Fraction(10**12), Fraction(10**12), "gelu", 0)
def test_witness_violates_any_named_constants(L0, L1, name, seed):
    arch, data, _ = configuration({"depth": 2, "seed": seed}, "l2")
    q = quantities(arch, data, "l2", name)
    L0, L1 = sp.Rational(L0.numerator, L0.denominator), sp.Rational(L1.numerator, L1.denominator)
    t = witness_point(q["hessian_entry"], q["grad_norm_sq"], L0, L1)
    assert violation(q["hessian_entry"], q["grad_norm_sq"], L0, L1, t).holds


# ---------------------------------------------------------------- printed formulas in the dimension symbols


def _steps_by_label():
    return {s.label: s for s in registry.get_claim(CID).steps}


@pytest.mark.parametrize("symbol, other", [("d_out", "width"), ("d_out", "d_in"), ("n", "width"), ("n", "d_in"),
                                           ("d_out", "n")])
def test_printed_entry_with_a_swapped_dimension_symbol_is_rejected(symbol, other):
    """2 sigma'^2 t^2 n d_out with n c_l (or d_in, ...) put for a symbol: wrong on the prime-size architectures,
    although it passes on the all-2 representative architecture (n = d_in = c_l = d_out = 2)."""
    wrong = ray.swapped(thm.printed_second_term, symbol, other)
    on_primes = ray.check_against_dimensions(thm.second_term_entry, wrong, pairs=ray.prime_architectures(),
                                             loss="l2", data_of=net.symbolic_data)
    on_representative = ray.check_against_dimensions(thm.second_term_entry, wrong, pairs=[(ray.REPRESENTATIVE, 2)],
                                                     loss="l2", data_of=net.symbolic_data)
    assert not on_primes.ok and on_representative.ok


@pytest.mark.parametrize("wrong", [lambda D, data: -thm.printed_second_term(D), lambda D, data: 2 * thm.printed_second_term(D),
                                   ray.swapped(thm.printed_second_term, "d_out", "width")])
def test_printed_second_term_rejects_a_flipped_sign_a_wrong_constant_a_swapped_symbol(wrong):
    assert ray.check_against_dimensions(thm.second_term_entry, thm.printed_second_term, pairs=ray.prime_architectures(),
                                        loss="l2", data_of=net.symbolic_data).ok
    assert not ray.check_against_dimensions(thm.second_term_entry, wrong, pairs=ray.prime_architectures(), loss="l2",
                                            data_of=net.symbolic_data).ok


def test_every_wrong_version_of_a_formula_step_is_a_dimension_swap_a_sign_or_a_constant():
    """The mutant test runs them; here: they are there (each used symbol for each of the 4 others, sign, constants)."""
    step = _steps_by_label()["second_term_entry_as_printed"]
    assert [m.label.split("[")[1] for m in step.mutants()][:1] == ["wrong version 1]"]
    assert len(step.mutants()) == 2 * 4 + 3


def test_limit_on_distinct_sizes_rejects_a_swapped_dimension_symbol():
    step = _steps_by_label()["entry_over_t_squared_limit"]
    arch, n = thm._limit_arch()
    D = ray.dimensions(arch, n)
    wrong = dataclasses.replace(step, expected=thm.printed_leading({**D, "d_out": D["width"]}))
    assert step.run().ok
    result = wrong.run()
    assert not result.ok and not result.undecided


def test_scoped_steps_say_so():
    """Exhaustive checks on the declared scope are proved on that scope, never 'proved'."""
    report = registry.report(CID)
    levels = {r.step.label: r.result for r in report.steps}
    assert levels["gradient_on_ray_eq_28"].evidence == "proved-on-scope"
    assert levels["gradient_on_ray_eq_28"].scope["depths"] == [2, 3, 4]
    assert levels["second_term_entry_as_printed"].scope["architectures"][0] == {"n": 2, "d_in": 3, "widths": [5, 5], "d_out": 7}
    # Proved for every size: the layer recursions and the general (every-size) steps; nothing else.
    every_size = {"hidden_preactivation_is_c", "backward_signal_vanishes", "units_interchangeable",
                  "grad_norm_sq_every_size", "hessian_entry_every_size", "leading_coefficient_positive",
                  "diagonal_entry_at_most_operator_norm",
                  "no_L0_L1_every_size"}
    assert {label for label, r in levels.items() if r.ok and r.evidence == "proved"} == {
        "layer_recursion_hidden", "layer_recursion_output", *every_size}
    assert levels["every_size_agrees_with_jets"].evidence == "proved-on-scope"
    assert levels["shifted_ray_without_assumption_1"].scope["depths"] == [1, 2, 3]


def test_mirror_agreement_runs_at_its_stated_precision():
    step = _steps_by_label()["agrees_with_mirror"]
    result = step.run()
    assert result.ok and result.sample["dps"] == 60
    floats = dataclasses.replace(step, mirror=lambda p: complex(step.mirror(p)))
    assert "PrecisionMismatch" in floats.run().detail


def test_notes_point_to_the_benchmark_instead_of_typing_timings():
    notes = " ".join(registry.get_claim(CID).notes)
    assert "bench_cooper_hessian.py" in notes and " s at " not in notes


@pytest.mark.deep
@given(architectures(1, 3, 2), st.integers(1, 2), st.integers(0, 10**6),
       st.sampled_from(["sigmoid", "softplus", "square", "paper_example_1"]), ray_positions(),
       st.sampled_from(["l2", "cross_entropy"]))
def test_shifted_ray_agrees_with_the_mirror_on_random_architectures(arch, n, seed, name, t, loss):
    """The shifted-ray jets (2-jet at c' substituted) against the mirror evaluating the true activation."""
    if loss == "cross_entropy" and arch.d_out < 2:
        return
    data = net.seeded_data(n, arch.d_in, arch.d_out, seed, loss)
    xs = [[Fraction(int(v.p), int(v.q)) for v in row] for row in data.xs]
    ys = [[Fraction(int(v.p), int(v.q)) for v in row] for row in data.ys]
    q = ray_steps.shifted_quantities(arch, data, loss, name)
    tt = sp.Rational(t.numerator, t.denominator)
    g, h = (sp.N(q[k].subs(net.T, tt), 60) for k in ("grad_norm_sq", "hessian_entry"))
    args = (list(arch.widths), arch.d_in, arch.d_out, xs, ys, t, loss, name)
    g_num, h_num = mirror.grad_norm_sq(*args, shifted=True), mirror.named_hessian_entry(*args, shifted=True)
    assert abs(g - sp.Float(mpmath.nstr(g_num, 60), 60)) <= RELATIVE * max(1, abs(g))
    assert abs(h - sp.Float(mpmath.nstr(h_num, 60), 60)) <= RELATIVE * max(1, abs(h))


@pytest.mark.deep
@pytest.mark.parametrize("name", ["sigmoid", "square", "paper_example_1"])
@pytest.mark.parametrize("loss", ["l2", "cross_entropy"])
def test_shifted_ray_with_the_true_activation_by_direct_differentiation(name, loss):
    """No 2-jet argument: sympy.hessian of the whole loss with the activation itself, at the shifted ray."""
    from symbolic import shifted_ray as shift
    arch = net.Architecture((1, 1), 1, 2)
    data = net.seeded_data(1, 1, 2, 3, loss)
    g, H = net.naive_derivatives_on_ray(arch, data, loss, name, simplifier=sp.simplify, shifted_at=shift.SHIFT_POINTS[name])
    q = ray_steps.shifted_quantities(arch, data, loss, name)
    e = arch.parameters().index(net.named_entry(arch))
    assert sp.simplify(H[e, e] - q["hessian_entry"]) == 0
    assert sp.simplify(sum(v**2 for v in g) - q["grad_norm_sq"]) == 0
