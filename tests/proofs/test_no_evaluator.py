r"""No user text reaches an evaluator: hostile ``--set`` values for every parameter of every claim
are refused with one line and exit 2, while ``eval``, ``exec``, ``sympify`` and ``parse_expr`` are
watched and must never receive a string."""

from __future__ import annotations

import builtins

import pytest
import sympy
import sympy.parsing.sympy_parser as sympy_parser

from proofs import cli, registry

HOSTILE = ["__import__('os').system('echo pwned')", "x.__class__", "[__import__('os')]", "sympify('1')"]


@pytest.fixture
def watched(monkeypatch):
    r"""Every string handed to an evaluator during the test, recorded (and refused)."""
    seen: list[str] = []

    def guard(original):
        def wrapper(value, *args, **kwargs):
            if isinstance(value, str):
                seen.append(value)
                raise AssertionError(f"user text reached an evaluator: {value!r}")
            return original(value, *args, **kwargs)
        return wrapper

    monkeypatch.setattr(builtins, "eval", guard(builtins.eval))
    monkeypatch.setattr(builtins, "exec", guard(builtins.exec))
    monkeypatch.setattr(sympy, "sympify", guard(sympy.sympify))
    monkeypatch.setattr(sympy_parser, "parse_expr", guard(sympy_parser.parse_expr))
    return seen


def _parameters():
    for cid in registry.claim_ids():
        claim = registry.get_claim(cid)
        for command in ("derive", "witness"):
            if getattr(claim, command) is not None:
                for parameter in claim.parameters:
                    yield cid, command, parameter.name


PARAMETERS = list(_parameters())


def test_every_claim_parameter_is_covered():
    assert len(PARAMETERS) >= 30  # the three papers' claims take dozens of parameters


@pytest.mark.parametrize("cid,command,name", PARAMETERS)
def test_hostile_text_is_refused_and_never_evaluated(cid, command, name, watched, capsys):
    for text in HOSTILE:
        status = cli.main([command, cid, "--set", f"{name}={text}"])
        err = capsys.readouterr().err
        assert status == 2, (cid, name, text, err)
        assert len(err.strip().splitlines()) == 1, err
    assert watched == []
