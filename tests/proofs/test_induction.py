r"""Induction over depth: the engine accepts a real induction and refuses every broken one."""

from __future__ import annotations

import dataclasses

import pytest
import sympy as sp

from proofs.induction import BaseCase, Induction, InductiveStep, Recursion, conjuncts
from proofs.steps import Equality

l = sp.Symbol("l", integer=True, positive=True)
i = sp.Symbol("i", integer=True, positive=True)
s, w, x = sp.symbols("s w x", positive=True)
a = sp.Symbol("a")  # a generic layer input, standing for Q(l)
Q = sp.Function("Q")


def _total(m):
    return sp.summation(i, (i, 1, m))


def _gauss() -> Induction:
    statement = lambda m: sp.Eq(Q(m), m * (m + 1) / 2)  # noqa: E731
    base = BaseCase(label="base", latex="", quantity=Q(1), lhs=lambda: _total(1), rhs=sp.Integer(1))
    fact = Recursion(label="recursion", latex="", quantity_next=Q(l + 1), generic={a: Q(l)},
                     lhs=lambda: a + _total(l + 1) - _total(l), rhs=a + l + 1)
    step = InductiveStep(label="step", latex="", hypothesis=statement(l), conclusion=statement(l + 1),
                         facts=(fact.establishes,))
    return Induction(label="gauss", latex="", variable=l, start=1, statement=statement, base=base, step=step,
                     using=(fact,), instances=lambda k: {Q(k): _total(k)})


def _next_layer(value: sp.Expr) -> sp.Expr:
    r"""One layer: the quantity of the next layer from this layer's."""
    return s * w * (s * value)


def _layer(depth: int) -> sp.Expr:
    r"""A depth-``depth`` layer quantity computed directly: a(1) = x^2, a(k+1) = s^2 w a(k)."""
    value = x**2
    for _ in range(depth - 1):
        value = _next_layer(value)
    return value


def _geometric() -> Induction:
    statement = lambda m: sp.Eq(Q(m), x**2 * (s**2 * w) ** (m - 1))  # noqa: E731
    base = BaseCase(label="depth_one", latex="", quantity=Q(1), lhs=lambda: _layer(1), rhs=x**2 * (s**2 * w) ** 0)
    layer_map = Recursion(label="layer_map", latex="", quantity_next=Q(l + 1), generic={a: Q(l)},
                          lhs=lambda: _next_layer(a), rhs=s**2 * w * a)
    step = InductiveStep(label="next_layer", latex="", hypothesis=statement(l), conclusion=statement(l + 1),
                         facts=(layer_map.establishes,))
    return Induction(label="geometric", latex="", variable=l, start=1, statement=statement, base=base,
                     step=step, using=(layer_map,), instances=lambda k: {Q(k): _layer(k)})


@pytest.mark.parametrize("build", [_gauss, _geometric])
def test_a_sound_induction_is_proved_for_every_depth(build):
    result = build().run()
    assert result.ok and result.evidence == "proved", result.detail
    assert "for every integer l >= 1" in result.detail
    assert result.values["base"] and result.values["step"]


@pytest.mark.parametrize("build", [_gauss, _geometric])
def test_every_broken_induction_is_refused(build):
    mutants = build().mutants()
    assert len(mutants) == 4
    for mutant in mutants:
        result = mutant.run()
        assert not result.ok, mutant.label


def test_a_base_case_proving_another_statement_is_refused():
    proof = _gauss()
    wrong = dataclasses.replace(proof.base, quantity=Q(2))
    result = dataclasses.replace(proof, base=wrong).run()
    assert not result.ok and "base case" in result.detail


def test_a_recursion_checked_on_no_generic_input_establishes_only_what_it_checked():
    r"""A layer map checked at fixed depths (s^2 w = s^2 w) cannot stand in for Q(l+1) = s^2 w Q(l)."""
    proof = _geometric()
    fixed = Recursion(label="layer_map", latex="", quantity_next=Q(l + 1), generic={a: Q(l)},
                      lhs=lambda: _layer(3) / _layer(2), rhs=s**2 * w)
    assert fixed.establishes == sp.Eq(Q(l + 1), s**2 * w)
    result = dataclasses.replace(proof, using=(fixed,)).run()
    assert not result.ok and "no step of `using` establishes" in result.detail


def test_declared_propositions_are_not_accepted_in_place_of_derived_ones():
    proof = _gauss()
    declared = Equality(label="base", latex="", lhs=lambda: _total(1), rhs=sp.Integer(1),
                        establishes=proof.statement(sp.Integer(1)))
    assert "must be a BaseCase or a Bound" in dataclasses.replace(proof, base=declared).run().detail


def test_a_wrong_closed_form_fails_at_the_inductive_step():
    proof = _gauss()
    statement = lambda m: sp.Eq(Q(m), m * (m + 1) / 2 + (m - 1) * (m - 1))  # right at l = 1 only  # noqa: E731
    step = dataclasses.replace(proof.step, hypothesis=statement(l), conclusion=statement(l + 1))
    base = dataclasses.replace(proof.base, establishes=statement(sp.Integer(1)))
    result = dataclasses.replace(proof, statement=statement, step=step, base=base, instances=None).run()
    assert not result.ok and "step" in result.detail


def test_a_step_that_does_not_close_fails():
    proof = _gauss()
    step = dataclasses.replace(proof.step, facts=())
    result = dataclasses.replace(proof, step=step).run()
    assert not result.ok and "does not close" in result.detail


def test_a_non_integer_or_badly_started_variable_is_refused():
    proof = _gauss()
    real = sp.Symbol("l", real=True)
    assert "integer" in dataclasses.replace(proof, variable=real).run().detail
    assert "cannot start" in dataclasses.replace(proof, start=0).run().detail


def test_an_induction_on_a_scoped_base_is_only_proved_on_that_scope():
    proof = _gauss()
    scoped = dataclasses.replace(proof.base, scope={"n": [2]})
    result = dataclasses.replace(proof, base=scoped).run()
    assert result.ok and result.evidence == "proved-on-scope" and result.scope == {"n": [2]}


def test_disagreement_with_the_direct_computation_is_undecided_not_proved():
    proof = _gauss()
    result = dataclasses.replace(proof, instances=lambda k: {Q(k): _total(k) + (k == 2)}).run()
    assert not result.ok and result.undecided and "l = 2" in result.detail


def test_propositions_are_relations():
    assert set(conjuncts(sp.And(sp.Lt(x, 1), sp.Eq(s, 2)))) == {sp.Lt(x, 1), sp.Eq(s, 2)}
    with pytest.raises(ValueError):
        conjuncts(x + 1)


def test_the_induction_is_typeset_as_base_facts_step_and_conclusion():
    from proofs.induction import typeset

    text = "\n".join(typeset(_geometric()))
    assert text.startswith("By induction on $l$ from $1$")
    assert "base case" in text and "fact (" in text and "inductive step" in text
    assert r"for every integer $l\ge1$" in text
    assert sp.latex(_geometric().statement(l)) in text
