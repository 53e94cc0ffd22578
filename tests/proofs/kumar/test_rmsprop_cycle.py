r"""RMSProp's late iterates on (7): the induction over k is proved for every n and λ, wrong versions
are refused, and the invariant agrees with 50-digit RMSProp runs (the independent cross-check)."""

from __future__ import annotations

import dataclasses
import random

import mpmath
import pytest
import sympy as sp

from proofs.kumar import rmsprop_cycle as rc


@pytest.mark.parametrize("convention", ["inside", "pytorch"])
def test_every_step_is_proved_for_every_n_and_lambda(convention):
    for step in rc.late_iterate_steps(convention):
        result = step.run()
        assert result.ok and result.evidence == "proved", (step.label, result.detail)


@pytest.mark.parametrize("convention", ["inside", "pytorch"])
def test_wrong_versions_are_refused(convention):
    for step in rc.late_iterate_steps(convention):
        mutants = step.mutants()
        assert mutants and not any(m.run().ok for m in mutants), step.label


def test_a_step_ratio_below_two_would_not_hold():
    r"""T(k) <= T(k+1) is false (the step decreases): the fact, as a Bound, fails."""
    (update, ratio, floor, nonneg) = rc._facts("inside")
    wrong = dataclasses.replace(ratio, rhs=rc.step_size(rc.gamma * rc.u, "inside"))
    assert not wrong.run().ok


def test_the_invariant_without_its_transient_term_fails_at_the_base():
    proof = rc.cycle_induction("inside")
    short = lambda j: sp.Le(rc.B(j), 2 * rc.T(j))  # noqa: E731 - "settled from the start": false
    step = dataclasses.replace(proof.step, hypothesis=short(rc.k), conclusion=short(rc.k + 1))
    assert not dataclasses.replace(proof, statement=short, step=step).run().ok


def _rmsprop_run(beta0, alpha, lam, gamma, eps, steps, convention):
    r"""A 50-digit RMSProp run on (7), written from the update (22)-(23) (independent of the closed form)."""
    mpmath.mp.dps = 50
    beta, v, out = [mpmath.mpf(b) for b in beta0], mpmath.mpf(0), []
    for _ in range(steps):
        g = [lam * mpmath.sign(b) for b in beta]
        v = gamma * v + (1 - gamma) * lam**2  # every nonzero coordinate has g^2 = lambda^2
        denominator = mpmath.sqrt(v + eps) if convention == "inside" else mpmath.sqrt(v) + eps
        out.append((beta, alpha * lam / denominator))
        beta = [b - alpha * gi / denominator for b, gi in zip(beta, g)]
    return out


@pytest.mark.parametrize("convention", ["inside", "pytorch"])
def test_the_invariant_agrees_with_high_precision_runs(convention):
    rng = random.Random(7)
    alpha, gamma, eps = mpmath.mpf("0.01"), mpmath.mpf("0.99"), mpmath.mpf("1e-8")
    for lam in (mpmath.mpf("0.001"), mpmath.mpf("0.5"), mpmath.mpf(100)):
        beta0 = [rng.uniform(-1, 1) for _ in range(3)]
        m = alpha * lam / (mpmath.sqrt(lam**2 + eps) if convention == "inside" else lam + eps)
        for step_index, (beta, t) in enumerate(_rmsprop_run(beta0, alpha, lam, gamma, eps, 400, convention)):
            for b, b0 in zip(beta, beta0):
                assert abs(b) <= max(2 * t, abs(b0) - step_index * m) * (1 + mpmath.mpf(10) ** -40)
