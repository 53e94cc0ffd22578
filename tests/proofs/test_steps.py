r"""Each step kind accepts a true assertion and rejects a false one, and never
reports a sampled or undecided check as proved."""

from __future__ import annotations

import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from proofs.engine import (Check, Cited, Equality, Inequality, Limit, NumericAgreement, PolynomialDegree,
                           StepResult, Witness, WitnessCheck)

x = sp.Symbol("x", real=True)
t = sp.Symbol("t", positive=True)


def test_equality_proved_exactly_and_refuted_with_counterexample():
    assert Equality(label="e", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 2 * x + 1).run().checked == "symbolic"
    wrong = Equality(label="e", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 1).run()
    assert not wrong.ok and wrong.shown_counterexample.startswith("at x = ")


def test_equality_that_simplify_cannot_decide_is_only_numeric():
    # An identity SymPy's simplifiers do not close within a zero budget.
    step = Equality(label="e", latex="", lhs=sp.sin(x) ** 2 + sp.cos(x) ** 2, rhs=1, budget_s=1e-9)
    result = step.run()
    assert result.ok and result.checked in ("numeric", "symbolic")
    assert not (result.checked == "symbolic" and result.method == "random-points")


def test_limit_cross_checks_both_sides():
    assert not Limit(label="l", latex="", expr=sp.sign(x), var=x, point=0, expected=1, direction="+-").run().ok
    assert Limit(label="l", latex="", expr=sp.sign(x), var=x, point=0, expected=1, direction="+").run().ok


def test_limit_rejects_a_wrong_sympy_answer_through_the_numeric_check():
    # The numeric side alone rejects a false claim, whatever SymPy says.
    step = Limit(label="l", latex="", expr=1 / t, var=t, point=0, expected=5)
    assert not step.run().ok


def test_limit_that_depends_on_its_variable_is_malformed():
    result = Limit(label="l", latex="", expr=1 / t, var=t, point=0, expected=1 / (2 * t)).run()
    assert not result.ok and result.method == "malformed"


def test_inequality_proved_by_arb_and_refuted_with_point():
    assert Inequality(label="i", latex="", lhs=0, rhs=x**2 - x + 1, domain={x: (-5, 5)}).run().proved
    result = Inequality(label="i", latex="", lhs=0, rhs=x**2 - x, domain={x: (-5, 5)}).run()
    assert not result.ok and result.counterexample


def test_polynomial_degree_and_leading_coefficient():
    assert PolynomialDegree(label="p", latex="", expr=3 * t**2 + 1, var=t, degree=2, leading=3).run().ok
    assert not PolynomialDegree(label="p", latex="", expr=3 * t**2 + 1, var=t, degree=1).run().ok
    assert not PolynomialDegree(label="p", latex="", expr=3 * t**2 + 1, var=t, degree=2, leading=2).run().ok


def test_witness_and_its_wrong_construction():
    step = Witness(label="w", latex="", construct=lambda p: p["L"] + 1,
                   verify=lambda p, v: WitnessCheck(str(v), str(p["L"]), v > p["L"]),
                   cases=[{"L": 10**12}], wrong_constructions=[lambda p: p["L"]])
    # "for every L", checked at one L: proved on that scope, not proved.
    assert step.run().ok and step.run().evidence == "proved-on-scope" and not step.run().proved
    assert [m.run().ok for m in step.mutants()] == [False]


def test_numeric_agreement_detects_a_perturbation():
    step = NumericAgreement(label="n", latex="", closed_form=lambda p: sp.sqrt(p), mirror=lambda p: sp.sqrt(p), points=[2, 3])
    assert step.run().ok and step.run().checked == "numeric"
    assert not any(m.run().ok for m in step.mutants())


def test_numeric_agreement_shows_where_it_compared():
    # a confirmed step names its sample (so that a referee can rerun it), passing or failing
    step = NumericAgreement(label="n", latex="", closed_form=lambda p: sp.sqrt(p), mirror=lambda p: sp.sqrt(p),
                            points=[2, 3], describe=lambda p: f"x={p}")
    assert step.run().sample["at"] == ["x=2", "x=3"] and step.run().sample["points"] == 2
    assert [m.run().sample["at"] for m in step.mutants()] == [["x=2", "x=3"]]


def test_cited_is_never_counted_as_checked():
    result = Cited(label="c", latex="", reference="Clarke 1990").run()
    assert result.ok and result.checked == "cited" and not result.proved


def test_a_step_that_raises_is_a_failure_not_a_crash():
    def boom() -> StepResult:
        raise ZeroDivisionError("x")

    assert not Check(label="c", latex="", run_check=boom).run().ok


@given(st.integers(min_value=-50, max_value=50), st.integers(min_value=1, max_value=9))
def test_equality_rejects_every_wrong_constant(shift, scale):
    # The computed side is lazy: at scale 1, shift 0 an eager one would be SymPy's cached x + 1, the very
    # object on the printed side, and the step would be refused as vacuous (found with seed-free `dev` runs).
    wrong = Equality(label="e", latex="", lhs=lambda: scale * (x + 1), rhs=scale * x + scale + shift)
    assert wrong.run().ok == (shift == 0)


# ---------------------------------------------------------------- identities in an unspecified sequence

_s, _j = sp.Function("s"), sp.Symbol("j", integer=True, nonnegative=True)
_k = sp.Symbol("k", integer=True, positive=True)


def test_an_identity_in_an_unspecified_sequence_is_decided_at_drawn_sequence_values():
    # Peeling the last term off a finite sum holds for every sequence s; a wrong constant is refuted exactly at a
    # drawn point and drawn values s(0), ..., s(k), which the counterexample shows.  (Before, the sample point left
    # s(j) unevaluated and the comparison raised: a wrong version "rejected" by an error.)
    peeled = _s(_k) + sp.Sum(_s(_j), (_j, 0, _k - 1))
    right = Equality(label="peel", latex="", lhs=lambda: sp.Sum(_s(_j), (_j, 0, _k)), rhs=peeled).run()
    assert right.ok
    wrong = Equality(label="peel", latex="", lhs=lambda: sp.Sum(_s(_j), (_j, 0, _k)), rhs=peeled + 1).run()
    assert not wrong.ok and wrong.values["value"] == -1 and wrong.method != "exception", wrong
    from proofs.steps import _confirm_zero_at_points

    twice = sp.Sum(_s(_j), (_j, 0, _k)) - sp.Sum(_s(_j), (_j, 0, _k - 1)) - 2 * _s(_k)  # s(k) counted twice
    refuted = _confirm_zero_at_points(twice, {}, 3)
    drawn = {str(key): value for key, value in refuted.values["point"].items()}
    k_value = refuted.values["point"][_k]
    assert refuted.method == "exact-rational" and refuted.values["value"] == -drawn[f"s({k_value})"] != 0
    held = _confirm_zero_at_points(twice + _s(_k), {}, 3)  # the right peeling: every drawn sequence agrees
    assert held.ok and held.sample["points"] == 3


def test_a_difference_with_no_value_at_a_point_is_undecided_not_refuted():
    # An integral of an unspecified function has no value at any point (its integrand's values are not drawn):
    # neither a confirmation nor a counterexample.
    from proofs.steps import _confirm_zero_at_points

    x, f = sp.Symbol("x", positive=True), sp.Function("f")

    t = sp.Symbol("t")
    result = _confirm_zero_at_points(sp.Integral(f(t) * sp.exp(t * x), (t, 0, 1)) - 1, {}, 3)
    assert result.undecided and not result.ok and "no numeric value" in result.detail


def test_values_of_an_unspecified_functions_derivatives_are_drawn_once_each():
    # F_h(x, 0) written with two different dummies is one value: drawn once, the difference is exactly 0 at every
    # point (a false counterexample otherwise).  Counted twice instead of cancelled, it is refuted exactly.
    from proofs.steps import _confirm_zero_at_points

    x, h, xi, F = sp.Symbol("x"), sp.Symbol("h"), sp.Symbol("xi"), sp.Function("F")
    slope_h = sp.Subs(sp.Derivative(F(x, h), h), h, 0)
    slope_xi = sp.Subs(sp.Derivative(F(x, xi), xi), xi, 0)
    held = _confirm_zero_at_points(slope_h - slope_xi + F(x, 0) - F(x, 0), {}, 3)
    assert held.ok and held.sample["points"] == 3
    refuted = _confirm_zero_at_points(slope_h + slope_xi, {}, 3)
    assert refuted.method == "exact-rational" and refuted.values["value"] > 0


def test_only_values_of_an_unspecified_function_are_drawn_not_an_unevaluated_known_expression():
    # An unevaluated substitution into a known expression has a value of its own (2x here): drawing a random one
    # for it would refute a true identity.
    from proofs.steps import _confirm_zero_at_points

    x, h = sp.Symbol("x"), sp.Symbol("h")
    result = _confirm_zero_at_points(sp.Subs(x * h, h, 2) - 2 * x, {}, 3)
    assert result.ok, result
