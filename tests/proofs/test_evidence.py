r"""Evidence means exactly what it says: scoped proofs are shown as scoped, samples
as samples, a lone oracle never proves an inequality, and disagreeing oracles
give ``undecided`` — never a proof and never a counterexample."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from proofs.engine import (Assumption, CaseSplit, Check, Claim, Equality, Inequality, Limit, Necessity,
                           NumericAgreement, StepResult, Witness, WitnessCheck, check_claim, validate_claim)
from proofs.errors import InconsistentClaim
from proofs.review import claim_entry

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
u = sp.Symbol("u", negative=True)
beta = sp.Symbol("beta", positive=True)


def _claim(*steps, assumptions=(), notes=()) -> Claim:
    return Claim(id="t.t", paper="t", label="T", section="", title="", statement="", reference="",
                 assumptions=list(assumptions), steps=list(steps), notes=list(notes))


# ---------------------------------------------------------------- levels and scopes


def test_a_declared_scope_turns_proved_into_proved_on_scope():
    exhaustive = Check(label="all_small_widths", latex="", scope={"widths": [1, 2, 3]},
                       run_check=lambda: StepResult(True, "symbolic", "exact", "checked widths 1-3"))
    result = exhaustive.run()
    assert result.evidence == "proved-on-scope" and result.scope == {"widths": [1, 2, 3]} and not result.proved


def test_a_claim_states_its_weakest_evidence_with_the_scope():
    general = Equality(label="general", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 2 * x + 1)
    scoped = Check(label="scoped", latex="", scope={"depths": [2, 3]},
                   run_check=lambda: StepResult(True, "symbolic", "exact", "depths 2, 3"))
    report = check_claim(_claim(general, scoped))
    assert report.evidence == "proved-on-scope"
    assert report.summary() == 'verified, proved on scope {depths=[2, 3]}'
    entry = claim_entry(report)
    assert [s["evidence"] for s in entry["steps"]] == ["proved", "proved-on-scope"]
    assert entry["steps"][1]["scope"] == {"depths": [2, 3]}


def test_a_witness_for_every_constant_checked_on_cases_is_on_scope_and_an_existence_is_proved():
    def verify(params, point):
        return WitnessCheck(str(point), str(params["L"]), point > params["L"])

    every_l = Witness(label="w", latex="", construct=lambda p: p["L"] + 1, verify=verify,
                      cases=[{"L": 1}, {"L": 10**12}])
    assert every_l.run().evidence == "proved-on-scope"
    assert every_l.run().scope == {"cases": [{"L": "1"}, {"L": "1000000000000"}]}
    one_point = Witness(label="w1", latex="", construct=lambda p: 2, verify=verify, cases=[{"L": 1}], for_all=False)
    assert one_point.run().evidence == "proved"


def test_a_proved_on_scope_result_must_state_its_scope():
    with pytest.raises(ValueError):
        StepResult(True, "symbolic", "x", "", evidence="proved-on-scope")


def test_samples_are_confirmed_with_their_size():
    undecidable = Equality(label="e", latex="", lhs=sp.gamma(x + 1), rhs=x * sp.gamma(x), samples=7, budget_s=0.0)
    result = undecidable.run()
    assert result.ok and result.evidence in ("proved", "confirmed")
    if result.evidence == "confirmed":
        assert result.sample == {"points": 7, "dps": 60}


# ---------------------------------------------------------------- inequalities: Z3, boxes, SymPy alone


def test_z3_proves_a_polynomial_inequality_on_the_whole_real_line():
    result = Inequality(label="i", latex="", lhs=2 * x * y, rhs=x**2 + y**2).run()
    assert result.proved and "z3" in result.engines


def test_z3_proves_a_piecewise_linear_inequality():
    result = Inequality(label="i", latex="", lhs=sp.Abs(x + y), rhs=sp.Abs(x) + sp.Abs(y)).run()
    assert result.proved and result.engines[0] == "z3"


def test_a_false_inequality_gets_an_exact_rational_counterexample_from_z3():
    result = Inequality(label="i", latex="", lhs=x, rhs=x**2).run()
    assert not result.ok and result.evidence == "proved" and result.method == "z3"
    (point,) = result.values["point"].values()
    assert point**2 - point < 0


def test_an_arb_proof_on_a_box_is_on_scope_and_shows_the_box():
    result = Inequality(label="i", latex="", lhs=x, rhs=sp.exp(x), domain={x: (-5, 5)}).run()
    assert result.ok and result.evidence == "proved-on-scope"
    assert result.scope == {"box": {"x": ["-5", "5"]}}


def test_a_box_that_is_the_domain_is_proved():
    result = Inequality(label="i", latex="", lhs=x, rhs=sp.exp(x), domain={x: (-5, 5)}, box_is_domain=True).run()
    assert result.proved


def test_sympy_alone_never_proves_an_inequality_on_an_unbounded_domain():
    # SymPy's sign reasoning says exp(x) + x**2 >= 0; Z3 cannot read exp: confirmed, not proved.
    result = Inequality(label="i", latex="", lhs=0, rhs=sp.exp(x) + x**2).run()
    assert result.ok and result.evidence == "confirmed" and "sympy:assumptions" in result.engines


def test_a_constant_inequality_is_decided_by_a_rigorous_enclosure():
    assert Inequality(label="i", latex="", lhs=sp.pi, rhs=sp.Rational(22, 7)).run().proved
    assert not Inequality(label="i", latex="", lhs=sp.Rational(22, 7), rhs=sp.pi).run().ok


# ---------------------------------------------------------------- equalities: two engines


def test_a_polynomial_identity_is_proved_by_sympy_and_by_z3():
    result = Equality(label="e", latex="", lhs=(x - y) * (x + y), rhs=x**2 - y**2).run()
    assert result.proved and result.engines == ("sympy:expand", "z3")


def test_an_identity_that_holds_only_on_a_box_is_on_scope():
    result = Equality(label="e", latex="", lhs=sp.Abs(x), rhs=x, domain={x: (0, 5)}).run()
    assert result.ok and result.evidence == "proved-on-scope" and result.method == "z3"


# ---------------------------------------------------------------- limits: agreeing oracles, or undecided


def test_a_limit_where_sympy_and_the_cross_check_disagree_is_undecided():
    # SymPy returns u for this limit; the true value is 0 (erf -> -1 for u < 0).
    true_limit = Limit(label="l", latex="", expr=u * (1 + sp.erf(beta * u / sp.sqrt(2))) / 2, var=beta,
                       point=sp.oo, expected=0)
    result = true_limit.run()
    assert result.undecided and not result.ok and result.counterexample is None
    report = check_claim(_claim(true_limit))
    assert report.ok and report.flags and report.status == "verified" and report.evidence == "undecided"


def test_a_limit_both_oracles_confirm_is_proved_and_one_both_reject_fails():
    assert Limit(label="l", latex="", expr=sp.sin(x) / x, var=x, point=0, expected=1, direction="+-").run().proved
    wrong = Limit(label="l", latex="", expr=sp.sin(x) / x, var=x, point=0, expected=2, direction="+-").run()
    assert not wrong.ok and not wrong.undecided


# ---------------------------------------------------------------- the mirror at its stated precision


def _close(p):
    return mpmath.mpf(1) / 3


def test_a_float_mirror_is_refused_at_sixty_digits():
    result = NumericAgreement(label="n", latex="", closed_form=_close, mirror=lambda p: 1 / 3, points=[0]).run()
    assert not result.ok and "PrecisionMismatch" in result.detail


def test_a_relative_error_of_1e_20_fails_at_sixty_digits_and_passes_at_fifteen():
    def off(p):
        with mpmath.workdps(80):
            return mpmath.mpf(1) / 3 * (1 + mpmath.mpf("1e-20"))

    def third(p):
        with mpmath.workdps(80):
            return mpmath.mpf(1) / 3

    assert not NumericAgreement(label="n", latex="", closed_form=third, mirror=off, points=[0]).run().ok
    loose = NumericAgreement(label="n", latex="", closed_form=third, mirror=off, points=[0], dps=15).run()
    assert loose.ok and loose.sample["dps"] == 15


def test_the_mirror_detail_prints_the_real_worst_error():
    def third(p):
        with mpmath.workdps(80):
            return mpmath.mpf(1) / 3

    result = NumericAgreement(label="n", latex="", closed_form=lambda p: sp.Rational(1, 3), mirror=third,
                              points=[0]).run()
    assert result.ok and result.values["worst"] != "0.0"


# ---------------------------------------------------------------- vacuity


def test_a_step_whose_sides_are_one_object_is_refused():
    formula = x**2 + 2 * x + 1
    result = Equality(label="e", latex="", lhs=formula, rhs=formula).run()
    assert not result.ok and result.method == "vacuous"
    assert not Inequality(label="i", latex="", lhs=formula, rhs=formula).run().ok


def test_the_computed_side_replaced_by_the_printed_side_is_a_rejected_mutant():
    step = Equality(label="e", latex="", lhs=lambda: sp.expand((x + 1) ** 2), rhs=x**2 + 2 * x + 1)
    assert step.run().proved
    replaced = [m for m in step.mutants() if "replaced" in m.label]
    assert replaced and not replaced[0].run().ok


def test_a_mirror_that_is_the_closed_form_is_refused():
    assert not NumericAgreement(label="n", latex="", closed_form=_close, mirror=_close, points=[0]).run().ok


# ---------------------------------------------------------------- case splits


def test_a_case_split_whose_cases_cover_the_domain_takes_the_weakest_case():
    pos = sp.Symbol("x", positive=True)
    split = CaseSplit(label="c", latex="", cases=[
        (x >= 0, Equality(label="pos", latex="", lhs=sp.Abs(pos), rhs=lambda: pos)),
        (x <= 0, Equality(label="neg", latex="", lhs=sp.Abs(x), rhs=-x, domain={x: (-sp.oo, 0)}))])
    result = split.run()
    assert result.proved and "z3" in result.engines


def test_a_case_split_with_a_gap_fails_at_an_exact_point_in_the_gap():
    split = CaseSplit(label="c", latex="", cases=[
        (x > 0, Equality(label="a", latex="", lhs=x, rhs=lambda: x)),
        (x < 0, Equality(label="b", latex="", lhs=-x, rhs=lambda: -x))])
    result = split.run()
    assert not result.ok and result.values["point"] == {x: 0}


# ---------------------------------------------------------------- registration rules


def test_duplicate_labels_are_refused():
    a = Equality(label="same", latex="", lhs=2 * x, rhs=lambda: x + x)
    with pytest.raises(InconsistentClaim, match="twice"):
        validate_claim(_claim(a, a))


def test_a_repair_naming_no_printed_step_is_refused():
    fix = Equality(label="fix", latex="", lhs=2 * x, rhs=lambda: x + x, repairs="nowhere")
    with pytest.raises(InconsistentClaim, match="nowhere"):
        validate_claim(_claim(fix))


def test_an_outline_naming_no_step_is_refused():
    a = Equality(label="real_step", latex="", lhs=2 * x, rhs=lambda: x + x)
    validate_claim(_claim(a), outline="1. `real_step` ...")
    with pytest.raises(InconsistentClaim, match="ghost_step"):
        validate_claim(_claim(a), outline="1. `real_step`  2. `ghost_step`")


def test_hand_typed_results_in_errata_notes_and_hypotheses_are_refused():
    wrong_root = Equality(label="a", latex="", lhs=x, rhs=2 * x, erratum="the root is 2.96, not the printed one")
    with pytest.raises(InconsistentClaim, match="2.96"):
        validate_claim(_claim(wrong_root))
    with pytest.raises(InconsistentClaim, match="0.0094"):
        validate_claim(_claim(notes=["lim f_best = 0.0094"]))
    typed = Assumption("A1", "x > 0", "x>0", Necessity("necessary", "fails at x = 0.27392337"))
    with pytest.raises(InconsistentClaim, match="0.27392337"):
        validate_claim(_claim(assumptions=[typed]))
    validate_claim(_claim(notes=["the paper prints {=1.62}; we compute {ratio}; lambda = 0.01"]))


def test_an_erratum_takes_its_numbers_from_the_computation():
    failing = Check(label="root", latex="", erratum="the root is {root}, not the printed {=2.96}",
                    run_check=lambda: StepResult(False, "symbolic", "exact", "", counterexample="x=3",
                                                 values={"root": "2.97"}))
    fix = Check(label="root_fixed", latex="", repairs="root",
                run_check=lambda: StepResult(True, "symbolic", "exact", "ok"))
    report = check_claim(_claim(failing, fix))
    assert report.errata[0].description == "the root is 2.97, not the printed 2.96"


def test_a_registered_claim_must_have_the_id_of_its_module(monkeypatch):
    import types

    from proofs import registry

    fake = types.ModuleType("proofs.katende.thm_1")
    fake.__doc__ = "Proof outline:\n `a`"
    fake.theorem = lambda: _claim(Equality(label="a", latex="", lhs=2 * x, rhs=lambda: x + x))
    monkeypatch.setitem(__import__("sys").modules, "proofs.katende.thm_1", fake)
    with pytest.raises(InconsistentClaim, match="expected 'katende.thm_1'"):
        registry.Registry().get_claim("katende.thm_1")  # a registry of its own: nothing built is kept


# ---------------------------------------------------------------- simulations and readings


def test_a_printed_outcome_not_reproduced_with_our_settings_is_never_an_erratum():
    from proofs.engine import Reading

    simulation = Check(label="fifteen_fold", latex="", role="statement",
                       run_check=lambda: StepResult(False, "not-reproduced", "simulation", "ratio 9.7 < 15",
                                                    settings={"rows": {"value": 100, "paper": False}},
                                                    outcomes={"exact": "9.7", "float64": "9.7"}))
    report = check_claim(_claim(simulation))
    assert report.ok and report.status == "verified" and not report.errata and report.not_reproduced
    assert "not reproduced" in report.summary()
    entry = claim_entry(report)
    assert entry["steps"][0]["settings"] == {"rows": {"value": 100, "paper": False}}
    assert entry["not_reproduced"] and entry["steps"][0]["outcomes"]["exact"] == "9.7"


def test_a_step_must_name_a_reading_the_claim_defines():
    from proofs.engine import Reading

    step = Equality(label="a", latex="", lhs=2 * x, rhs=lambda: x + x, reading="single cut")
    ok = Claim(id="t.t", paper="t", label="T", section="", title="", statement="", reference="",
               assumptions=[], steps=[step], readings=[Reading("single cut", "x0.9 per increase", "prose")])
    validate_claim(ok)
    with pytest.raises(InconsistentClaim, match="single cut"):
        validate_claim(_claim(step))


def test_a_verdict_that_differs_between_plausible_readings_is_reading_dependent():
    from proofs.engine import Reading

    literal = Equality(label="equivalence_as_printed", latex="", lhs=x**2, rhs=lambda: 2 * x, reading="literal")
    literal_fixed = Equality(label="one_way", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 2 * x + 1,
                             repairs="equivalence_as_printed")
    common = Equality(label="common", latex="", lhs=2 * x, rhs=lambda: x + x)
    readings = [Reading("literal", "an equivalence", "the word 'equivalently'"),
                Reading("consequence", "a one-way consequence", "the parenthesis")]
    claim = Claim(id="t.t", paper="t", label="T", section="", title="", statement="", reference="",
                  assumptions=[], steps=[common, literal, literal_fixed], readings=readings)
    report = check_claim(claim)
    assert report.by_reading == {"literal": "verified-with-errata", "consequence": "verified"}
    assert report.status == "reading-dependent" and report.errata[0].reading == "literal"
    implausible = [Reading("literal", "an equivalence", "x", plausible=False), readings[1]]
    claim.readings = implausible
    assert check_claim(claim).status == "verified"


def test_premises_restrict_the_domain_for_z3_and_for_sampling():
    premised = Inequality(label="i", latex="", lhs=0, rhs=x * y, relation="<=", assuming=[x > 0, y > 0])
    assert premised.run().proved
    sampled = Inequality(label="i", latex="", lhs=0, rhs=sp.exp(x) * y, assuming=[y > 0])
    result = sampled.run()
    assert result.ok and result.evidence == "confirmed"
    assert not Inequality(label="i", latex="", lhs=0, rhs=x * y, assuming=[x > 0]).run().ok
