r"""The numeric mirror is independent: numeric/ imports neither sympy nor
symbolic/ (nor proofs/), and symbolic/ imports neither numeric/ nor proofs/.

Checked twice: by the import-linter contracts in pyproject.toml and by a
direct scan of every import statement (including imports inside functions)."""

from __future__ import annotations

import ast
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FORBIDDEN = {"numeric": {"sympy", "symbolic", "proofs"}, "symbolic": {"numeric", "proofs"}}


def _imports(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add("." if node.level else (node.module or "").split(".")[0])
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_forbidden(layer):
    offenders = {str(p.relative_to(ROOT)): _imports(p) & FORBIDDEN[layer] for p in (ROOT / layer).rglob("*.py")}
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, offenders


def test_relative_imports_do_not_escape_the_layer():
    for layer in FORBIDDEN:
        for path in (ROOT / layer).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                assert not (isinstance(node, ast.ImportFrom) and node.level > 1), f"{path}: relative import leaves {layer}/"


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter is not installed")
def test_import_linter_contracts_hold():
    done = subprocess.run(["lint-imports"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:]
