r"""``proofs.api``, the one module a pack imports: complete, documented, nothing private leaking;
``numeric.mirror``, what a pack's mirror imports: free of SymPy and of the engine."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
import typing
from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

import numeric.mirror as mirror
import proofs.api as api
from proofs import engine, evidence, steps

API_SOURCE = Path(api.__file__).read_text()


def _commented_assignments(source: str) -> set[str]:
    r"""Module-level names assigned right under a ``#:`` comment (how constants are documented)."""
    lines = source.splitlines()
    names = set()
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and node.lineno >= 2 and lines[node.lineno - 2].lstrip().startswith("#:"):
            names.add(target.id)
    return names


def test_every_public_name_exists_and_is_documented():
    documented_constants = _commented_assignments(API_SOURCE)
    for name in api.__all__:
        obj = getattr(api, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            own = obj.__dict__.get("__doc__") if inspect.isclass(obj) else obj.__doc__
            assert own and own.strip(), f"{name} has no docstring of its own"
        else:
            assert name in documented_constants, f"{name} is not documented with a #: comment"


def test_nothing_private_or_unlisted_leaks():
    assert len(set(api.__all__)) == len(api.__all__)
    assert not [n for n in api.__all__ if n.startswith("_")]
    public = {n for n in vars(api) if not n.startswith("_") and not inspect.ismodule(getattr(api, n))}
    assert public - {"annotations"} == set(api.__all__)
    assert api.__doc__ and "numeric.mirror" in api.__doc__


def test_the_api_offers_what_a_claim_module_needs():
    needed = {"Claim", "Assumption", "Necessity", "Parameter", "Reading", "Equality", "Inequality", "Limit",
              "PolynomialDegree", "Witness", "WitnessCheck", "NumericAgreement", "Check", "Cited", "CaseSplit",
              "StepResult", "BadInput", "AssumptionViolated", "check_claim", "Dual", "derivatives", "derivative"}
    assert needed <= set(api.__all__)
    assert api.Claim is engine.Claim and api.Equality is steps.Equality and api.Necessity is engine.Necessity


def test_evidence_names_and_verdicts_are_the_engines():
    assert api.EVIDENCE_LEVELS[:-1] == evidence.LEVELS and set(api.EVIDENCE_LEVELS) == set(evidence.CHECKED_OF)
    assert set(api.VERDICTS) == set(typing.get_args(engine.Status))
    assert (api.PROVED, api.PROVED_ON_SCOPE, api.CONFIRMED) == ("proved", "proved-on-scope", "confirmed")


def test_mirror_imports_neither_sympy_nor_the_engine():
    code = ("import sys, numeric.mirror; bad = [m for m in sys.modules if m.split('.')[0] in "
            "('sympy', 'proofs', 'symbolic')]; print(bad); sys.exit(1 if bad else 0)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert all(getattr(mirror, n).__doc__ for n in mirror.__all__)


def test_exact_derivatives_of_a_polynomial():
    f = lambda u: 3 * mirror.power(u, 4) - 2 * u + 5  # noqa: E731
    assert mirror.derivatives(f, Fraction(1, 3)) == (Fraction(1, 27) + 5 - Fraction(2, 3), Fraction(4, 9) - 2, 4)  # f'' = 36 x^2
    assert mirror.derivatives(lambda u: 7, Fraction(2)) == (7, 0, 0)


def test_a_wrong_derivative_is_told_apart():
    # The mirror is evidence only if it can disagree: x^4 and x^4 + x differ in f' and agree in f''.
    a = mirror.derivatives(lambda u: mirror.power(u, 4), Fraction(2))
    b = mirror.derivatives(lambda u: mirror.power(u, 4) + u, Fraction(2))
    assert a[1] != b[1] and a[2] == b[2]


def test_high_precision_derivative_of_the_logistic_loss():
    with mpmath.workdps(70):
        exact = mpmath.exp(mpmath.mpf(1)) / (1 + mpmath.exp(mpmath.mpf(1))) ** 2
    value = mirror.derivative(lambda z: mpmath.log(1 + mpmath.exp(-z)), 1, n=2, dps=70)
    assert abs(value - exact) < mpmath.mpf(10) ** -60


@pytest.mark.parametrize("bad", [0.1, -1])
def test_bad_inputs_are_refused(bad):
    with pytest.raises((TypeError, ValueError)):
        mirror.exact(bad) if isinstance(bad, float) else mirror.power(2, bad)
