r"""Verdicts are derived from step results, never declared."""

from __future__ import annotations

import sympy as sp

from proofs.engine import Assumption, Claim, Equality, Necessity, check_claim

x = sp.Symbol("x", real=True)
good = Equality(label="good", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 2 * x + 1)
bad = Equality(label="bad", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 1)
fix = Equality(label="fix", latex="", lhs=(x + 1) ** 2, rhs=x**2 + 2 * x + 1, repairs="bad")


def _claim(*steps) -> Claim:
    return Claim(id="t.t", paper="t", label="T", section="", title="", statement="", reference="",
                 assumptions=[Assumption("A1", "x real", "x", Necessity("unknown", "n/a"))], steps=list(steps))


def test_all_steps_pass_is_verified():
    assert check_claim(_claim(good)).status == "verified"


def test_repaired_printed_step_gives_errata():
    report = check_claim(_claim(good, bad, fix))
    assert report.status == "verified-with-errata" and report.ok
    assert report.errata[0].step == "bad" and report.errata[0].repaired_by == "fix"


def test_failed_statement_with_repair_is_refuted():
    statement = Equality(label="stmt", latex="", lhs=x, rhs=2 * x, role="statement")
    repaired = Equality(label="stmt_repaired", latex="", lhs=2 * x, rhs=x * (x + 2) - x**2, repairs="stmt")
    assert check_claim(_claim(statement, repaired)).status == "refuted"


def test_unrepaired_failure_is_open_and_not_ok():
    report = check_claim(_claim(good, bad))
    assert report.status == "open" and not report.ok


def test_a_failing_repair_does_not_excuse_the_printed_step():
    broken_fix = Equality(label="fix", latex="", lhs=2 * x, rhs=5 * x, repairs="bad")
    assert check_claim(_claim(bad, broken_fix)).status == "open"


def test_zero_samples_never_confirm():
    r"""An undecidable difference 'confirmed at 0 random points' would confirm anything."""
    import sympy as sp

    from proofs.steps import Equality

    x = sp.Symbol("x", positive=True)
    undecidable = Equality(label="e", latex="", lhs=lambda: sp.gamma(x) * sp.zeta(x + 2), rhs=sp.Integer(1), samples=0)
    result = undecidable.run()
    assert not result.ok and result.method == "vacuous"


# ---------------------------------------------------------------- cross-checks

def _result_step(label: str, ok: bool, evidence: str, **kw):
    from proofs.steps import Check, StepResult

    return Check(label=label, latex="", run_check=lambda: StepResult(ok, "numeric", "t", "d", evidence=evidence,
                                                                 scope={"n": [2]} if evidence == "proved-on-scope" else None,
                                                                 sample={"points": 3, "dps": 30} if evidence == "confirmed" else None), **kw)


def test_a_cross_check_of_a_passing_proof_does_not_lower_the_evidence():
    general = _result_step("general", True, "proved")
    scope = _result_step("scope", True, "proved-on-scope", cross_checks="general")
    mirror = _result_step("mirror", True, "confirmed", cross_checks="general")
    report = check_claim(_claim(general, scope, mirror))
    assert report.evidence == "proved" and [r.step.label for r in report.cross_checks()] == ["scope", "mirror"]
    assert report.summary().endswith("cross-checked by 2 step(s) (1 proved on scope, 1 confirmed)")


def test_without_the_marking_the_weakest_step_counts():
    report = check_claim(_claim(_result_step("general", True, "proved"), _result_step("mirror", True, "confirmed")))
    assert report.evidence == "confirmed" and report.cross_checks() == []


def test_a_cross_check_of_a_failing_step_carries_the_claim():
    general = _result_step("general", False, "proved")
    mirror = _result_step("mirror", True, "confirmed", cross_checks="general")
    report = check_claim(_claim(general, mirror))
    assert report.status == "open" and report.evidence == "confirmed" and report.cross_checks() == []


def test_a_failing_cross_check_is_a_failure():
    report = check_claim(_claim(_result_step("general", True, "proved"),
                                _result_step("mirror", False, "confirmed", cross_checks="general")))
    assert report.status == "open" and not report.ok


def test_cross_checks_must_name_another_carrying_step():
    import pytest

    from proofs.engine import validate_claim
    from proofs.errors import InconsistentClaim

    general = _result_step("general", True, "proved")
    for bad_steps in ([general, _result_step("m", True, "confirmed", cross_checks="nowhere")],
                      [general, _result_step("m", True, "confirmed", cross_checks="m")],
                      [general, _result_step("a", True, "confirmed", cross_checks="general"),
                       _result_step("b", True, "confirmed", cross_checks="a")]):
        with pytest.raises(InconsistentClaim, match="cross-checks"):
            validate_claim(_claim(*bad_steps))
    validate_claim(_claim(general, _result_step("m", True, "confirmed", cross_checks="general")))


# ---------------------------------------------------------------- the statement's own evidence


def _claim_with(conclusion, *steps) -> Claim:
    claim = _claim(*steps)
    claim.conclusion = conclusion
    return claim


def test_the_statement_rests_on_its_conclusion_and_what_it_uses_transitively():
    closed_form = _result_step("closed_form", True, "proved")
    witness = _result_step("witness", True, "proved", uses=("closed_form",))
    printed_on_scope = _result_step("printed_29", True, "proved-on-scope")
    report = check_claim(_claim_with("witness", closed_form, witness, printed_on_scope))
    assert report.evidence == "proved-on-scope" and report.statement_evidence == "proved"
    assert [r.step.label for r in report.statement_steps()] == ["closed_form", "witness"]
    assert report.summary().endswith("; the statement: proved, by witness and the 1 step(s) it uses")


def test_a_used_step_on_a_scope_or_failing_weakens_or_voids_the_statement():
    scoped = _result_step("closed_form", True, "proved-on-scope")
    witness = _result_step("witness", True, "proved", uses=("closed_form",))
    assert check_claim(_claim_with("witness", scoped, witness)).statement_evidence == "proved-on-scope"
    failing = _result_step("closed_form", False, "proved")
    report = check_claim(_claim_with("witness", failing, witness))
    assert report.statement_evidence is None and "the statement" not in report.summary()
    assert check_claim(_claim(_result_step("a", True, "proved"))).statement_evidence is None  # no conclusion named


def test_a_statement_of_several_parts_rests_on_each():
    parts = (_result_step("lipschitz", True, "proved"), _result_step("hessian", True, "proved-on-scope"))
    report = check_claim(_claim_with(("lipschitz", "hessian"), *parts))
    assert report.statement_evidence == "proved-on-scope"
    assert report.summary().endswith("; the statement: proved on scope, by lipschitz and hessian")


def test_the_statement_line_names_the_readings_its_steps_check():
    from proofs.engine import Reading

    claim = _claim_with("c2", _result_step("c2", True, "proved", reading="classical"))
    claim.readings = (Reading("classical", "the C^2 sense", "ours"),)
    assert check_claim(claim).summary().endswith("; the statement: proved (on the reading classical), by c2")


def test_uses_and_conclusion_must_name_steps_without_a_circle():
    import pytest

    from proofs.engine import validate_claim
    from proofs.errors import InconsistentClaim

    a = _result_step("a", True, "proved", uses=("b",))
    with pytest.raises(InconsistentClaim, match="no other step"):
        validate_claim(_claim(a))
    with pytest.raises(InconsistentClaim, match="circle"):
        validate_claim(_claim(a, _result_step("b", True, "proved", uses=("c",)), _result_step("c", True, "proved", uses=("a",))))
    with pytest.raises(InconsistentClaim, match="conclusion"):
        validate_claim(_claim_with("nowhere", _result_step("b", True, "proved")))
    validate_claim(_claim_with("a", a, _result_step("b", True, "proved")))


def test_an_empty_domain_proves_nothing():
    r"""Found by the mutation run: over y in [2, 1] an inequality used to come out proved on that 'box'."""
    from proofs.steps import Inequality

    y = sp.Symbol("y", real=True)
    for empty in ((2, 1), (sp.oo, sp.oo)):
        result = Inequality(label="i", latex="", lhs=0, rhs=-y**2 - 1, relation="<", domain={y: empty}).run()
        assert not result.ok and result.method == "vacuous"
    assert Inequality(label="i", latex="", lhs=0, rhs=y, relation="<", domain={y: (1, 1)}).run().ok  # one point
