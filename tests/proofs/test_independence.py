r"""The independence rule (:mod:`proofs.independence`): a pack's numeric mirror reaches neither
SymPy, nor the engine, nor the pack's symbolic part, directly or through the pack's own modules."""

from __future__ import annotations

import pytest

from proofs.errors import BadInput
from proofs.independence import mirror_and_symbolic, mirror_violations
from proofs.registry import Pack, Registry
from tests.proofs.toy_packs import GOOD, write_pack

CLEAN_MIRROR = '''\
"""A mirror from first principles."""
from fractions import Fraction

from .helper_clean import square


def value(x):
    return square(Fraction(x)) - 1
'''


def _pack(folder) -> Pack:
    (pack,) = Registry([str(folder)]).packs  # reads files only: nothing is imported
    return pack


def test_a_clean_mirror_has_no_violation_and_is_actually_read(tmp_path):
    folder = write_pack(tmp_path / "clean", "clean", {"thm_1": GOOD},
                        files={"numeric_thm_1.py": CLEAN_MIRROR,
                               "helper_clean.py": "import math\n\n\ndef square(x):\n    return x * x\n",
                               "symbolic_thm_1.py": "import sympy\n"})
    pack = _pack(folder)
    assert mirror_and_symbolic(pack) == (["clean.numeric_thm_1"], ["clean.symbolic_thm_1"])
    assert mirror_violations(pack) == []
    # the same mirror, one function-level import later, is caught: the check can fail
    leaky = CLEAN_MIRROR + "\n\ndef slope(x):\n    import sympy\n    return sympy.diff(x)\n"
    (folder / "numeric_thm_1.py").write_text(leaky)
    (line,) = mirror_violations(pack)
    number = leaky.splitlines().index("    import sympy") + 1
    assert line.startswith("clean.numeric_thm_1 imports sympy (") and line.endswith(f"numeric_thm_1.py:{number})")


def test_each_way_of_reaching_sympy_is_named_with_its_chain_and_line(tmp_path):
    folder = write_pack(tmp_path / "leaky", "leaky", {"thm_1": GOOD}, files={
        "numeric_direct.py": "from fractions import Fraction\nimport sympy as sp\n",
        "numeric_helper.py": "from .helper import slope\n",
        "helper.py": "import math\n\nfrom .deeper import exact\n",
        "deeper.py": "\n\nfrom sympy import Rational as exact\n",
        "numeric_symbolic.py": "import math\nfrom . import symbolic_x\n",
        "symbolic_x.py": "X = 1\n",  # imports nothing: reaching the symbolic part is the violation
        "mirror_engine.py": "from proofs.engine import Claim\n",
        "numeric_claim.py": "from leaky import thm_1\n",  # a claim module imports SymPy and the engine
    })
    lines = mirror_violations(_pack(folder))
    expected = {
        "leaky.numeric_direct imports sympy": "numeric_direct.py:2)",
        "leaky.numeric_helper -> leaky.helper -> leaky.deeper imports sympy": "deeper.py:3)",
        "leaky.numeric_symbolic imports leaky.symbolic_x": "numeric_symbolic.py:2)",
        "leaky.mirror_engine imports proofs.engine": "mirror_engine.py:1)",
        "leaky.numeric_claim -> leaky.thm_1 imports sympy": "thm_1.py:5)",
    }
    for head, tail in expected.items():
        assert any(line.startswith(head + " (") and line.endswith(tail) for line in lines), (head, lines)
    assert all(str(folder) in line for line in lines)  # each names the file


def test_declared_mirror_and_symbolic_parts_are_honoured(tmp_path):
    folder = write_pack(tmp_path / "declared", "declared", {"thm_1": GOOD},
                        init="MIRROR = ('independent',)\nSYMBOLIC = ('exact',)\n",
                        files={"independent.py": "from . import exact\n",
                               "exact.py": "X = 1\n",
                               "numeric_not_the_mirror.py": "import sympy\n"})  # not declared: not a mirror
    pack = _pack(folder)
    assert mirror_and_symbolic(pack) == (["declared.independent"], ["declared.exact"])
    (line,) = mirror_violations(pack)
    assert line.startswith("declared.independent imports declared.exact (")
    # a mirror package: its sub-modules are mirror modules too
    package = write_pack(tmp_path / "withpkg", "withpkg", {"thm_1": GOOD}, init="MIRROR = ('mirrorpkg',)\n",
                         files={"mirrorpkg/__init__.py": "", "mirrorpkg/sub/__init__.py": "",
                                "mirrorpkg/sub/deep.py": "\nimport sympy\n"})
    (line,) = mirror_violations(_pack(package))
    assert line.startswith("withpkg.mirrorpkg.sub.deep imports sympy (") and line.endswith("deep.py:2)")


def test_a_declared_mirror_that_cannot_be_found_or_read_is_no_pass(tmp_path):
    missing = write_pack(tmp_path / "missing", "missing", {"thm_1": GOOD}, init="MIRROR = ('no_such_mirror_module',)\n")
    (line,) = mirror_violations(_pack(missing))
    assert "mirror module no_such_mirror_module" in line and "not found" in line
    broken = write_pack(tmp_path / "broken", "broken", {"thm_1": GOOD}, files={"numeric_x.py": "def (:\n"})
    (line,) = mirror_violations(_pack(broken))
    assert line.startswith("broken.numeric_x: cannot be read (SyntaxError")
    text = write_pack(tmp_path / "text", "text", {"thm_1": GOOD}, init="MIRROR = 'numeric'\n")
    with pytest.raises(BadInput, match="MIRROR must be a tuple of module names"):
        mirror_violations(_pack(text))


def test_the_built_in_packs_have_no_violation(monkeypatch):
    monkeypatch.delenv("SMOOTHCHECK_CLAIMS", raising=False)
    packs = Registry().packs
    assert {"katende", "cooper", "kumar"} <= {p.name for p in packs}
    for pack in packs:
        mirror, symbolic = mirror_and_symbolic(pack)
        assert mirror and symbolic, pack.name  # something is checked
        assert mirror_violations(pack) == [], pack.name
