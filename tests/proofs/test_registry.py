r"""Pack discovery (:mod:`proofs.registry`): ``--claims``, ``$SMOOTHCHECK_CLAIMS``, entry points.

Toy packs (``tests/proofs/toy_packs.py``) are written into ``tmp_path``; their claims are
one-line identities, so these tests check discovery, not mathematics, and stay fast.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from pathlib import Path

import pytest

from proofs import cache, cli, registry
from proofs.errors import BadInput, InconsistentClaim
from proofs.registry import Registry
from tests.proofs.toy_packs import ERRATUM, FAILING, GOOD, claim_source, write_pack

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    r"""Each test sees no ``$SMOOTHCHECK_CLAIMS``, and leaves ``sys.path``, the toy modules it
    imported and the current registry (which ``cli.main`` replaces) as they were."""
    monkeypatch.delenv(registry.ENVIRONMENT, raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(registry, "_CURRENT", list(registry._CURRENT))
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        if str(getattr(sys.modules[name], "__file__", "") or "").startswith(str(tmp_path)):
            del sys.modules[name]


def _one_line_bad_input(paths, *needles: str) -> str:
    with pytest.raises(BadInput) as info:
        Registry([str(p) for p in paths])
    message = str(info.value)
    assert "\n" not in message
    for needle in needles:
        assert needle in message, message
    return message


# ---------------------------------------------------------------- --claims PATH


def test_a_pack_folder_a_folder_of_packs_and_one_claim_file(tmp_path):
    alpha = write_pack(tmp_path / "packs" / "alpha", "alpha", {"thm_1": GOOD, "thm_2": FAILING})
    write_pack(tmp_path / "packs" / "beta", "beta", {"prop_1": GOOD})
    (tmp_path / "packs" / "notes").mkdir()  # a plain folder beside the packs: ignored

    assert Registry([str(alpha)]).claim_ids() == ("alpha.thm_1", "alpha.thm_2")
    both = Registry([str(tmp_path / "packs")])
    assert both.pack_names() == ("alpha", "beta")
    assert both.claim_ids() == ("alpha.thm_1", "alpha.thm_2", "beta.prop_1")
    only = Registry([str(alpha / "thm_2.py")])
    assert only.claim_ids() == ("alpha.thm_2",)  # only the claim named, not its siblings
    with pytest.raises(BadInput, match="unknown claim id 'alpha.thm_1'"):
        only.locate("alpha.thm_1")
    # the same pack named twice is one pack; a file and its whole pack give the whole pack
    assert Registry([str(alpha), str(alpha)]).claim_ids() == ("alpha.thm_1", "alpha.thm_2")
    assert Registry([str(alpha / "thm_2.py"), str(alpha)]).claim_ids() == ("alpha.thm_1", "alpha.thm_2")
    assert Registry([str(alpha / "thm_2.py"), str(alpha / "thm_1.py")]).claim_ids() == ("alpha.thm_1", "alpha.thm_2")


def test_paths_that_name_no_pack_are_one_line_of_bad_input(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "thm_1.py").write_text(claim_source(GOOD, "plain", "thm_1"))
    _one_line_bad_input([plain], "no claim pack in", "PACK")
    _one_line_bad_input([plain / "thm_1.py"], "is not a claim module in a pack")  # a file outside a pack
    package = write_pack(tmp_path / "package", None, {"thm_1": GOOD})
    _one_line_bad_input([package], "is a Python package but not a pack")
    _one_line_bad_input([tmp_path / "missing"], "no such file or folder")
    for bad in ("'Upper'", "'has space'", "3", "None", "''"):
        folder = write_pack(tmp_path / f"bad{abs(hash(bad))}", None, {}, init=f"PACK = {bad}\n")
        _one_line_bad_input([folder], "PACK must be a lower-case name")
    computed = write_pack(tmp_path / "computed", None, {}, init="PACK = 'a' + 'b'\n")
    _one_line_bad_input([computed], "PACK must be a literal")
    helper = write_pack(tmp_path / "withhelper", "withhelper", {"thm_1": GOOD}, files={"helper.py": "X = 1\n"})
    _one_line_bad_input([helper / "helper.py"], "defines no theorem()")
    _one_line_bad_input([helper / "__init__.py"], "is not a claim module")
    (helper / "_private.py").write_text(claim_source(GOOD, "withhelper", "_private"))
    _one_line_bad_input([helper / "_private.py"], "is not a claim module (no module whose name starts with '_'")


def test_the_environment_variable_names_packs_separated_by_pathsep(tmp_path, monkeypatch):
    alpha = write_pack(tmp_path / "alpha", "alpha", {"thm_1": GOOD})
    beta = write_pack(tmp_path / "beta", "beta", {"prop_1": GOOD, "prop_2": GOOD})
    monkeypatch.setenv(registry.ENVIRONMENT, os.pathsep.join([str(alpha), "", str(beta / "prop_2.py")]))
    assert Registry().claim_ids() == ("alpha.thm_1", "beta.prop_2")
    # --claims wins over the environment
    assert Registry([str(beta)]).claim_ids() == ("beta.prop_1", "beta.prop_2")
    monkeypatch.setenv(registry.ENVIRONMENT, str(tmp_path / "nowhere"))
    with pytest.raises(BadInput, match=re.escape(f"${registry.ENVIRONMENT}")):
        Registry()


def test_two_folders_declaring_one_pack_are_an_error_naming_both(tmp_path):
    first = write_pack(tmp_path / "one" / "same", "same", {"thm_1": GOOD})
    second = write_pack(tmp_path / "two" / "other", "same", {"thm_1": GOOD})
    message = _one_line_bad_input([first, second], "'same.*'")
    assert str(first) in message and str(second) in message


def test_order_first_then_natural_label_order_and_what_is_not_a_claim(tmp_path):
    folder = write_pack(
        tmp_path / "ordered", "ordered",
        {"prop_b_10": GOOD, "prop_b_2": GOOD, "prop_b_1": GOOD, "thm_9": GOOD, "lemma_3": GOOD},
        init="ORDER = ('thm_9', 'lemma_3')\n",
        files={"helper.py": "def not_theorem():\n    return 1\n",
               "_private.py": "def theorem():\n    raise AssertionError('a private module is no claim')\n",
               "nested_def.py": "def outer():\n    def theorem():\n        return 1\n",
               "data/thm_0.py": "def theorem():\n    raise AssertionError('data/ is no claim')\n"})
    assert Registry([str(folder)]).claim_ids() == (
        "ordered.thm_9", "ordered.lemma_3", "ordered.prop_b_1", "ordered.prop_b_2", "ordered.prop_b_10")


def test_packs_come_in_rank_order_then_unranked_by_name(tmp_path):
    r"""A paper's part comes where its pack's RANK puts it (the built-ins: Katende, Cooper, Kumar)."""
    for name, init in (("alpha", ""), ("beta", "RANK = 2\n"), ("gamma", "RANK = 1\n"), ("delta", "")):
        write_pack(tmp_path / name, name, {"thm_1": GOOD}, init=init)
    assert Registry([str(tmp_path)]).pack_names() == ("gamma", "beta", "alpha", "delta")
    assert registry.Registry().pack_names()[:3] == ("katende", "cooper", "kumar")
    write_pack(tmp_path / "bad" / "worse", "worse", {"thm_1": GOOD}, init="RANK = 'first'\n")
    _one_line_bad_input([tmp_path / "bad" / "worse"], "RANK must be a whole number")


def test_a_claim_whose_id_differs_from_its_file_is_inconsistent(tmp_path):
    folder = write_pack(tmp_path / "misnamed", "misnamed", {"thm_1": GOOD},
                        files={"thm_2.py": claim_source(GOOD, "misnamed", "thm_1")})
    reg = Registry([str(folder)])
    assert reg.get_claim("misnamed.thm_1").id == "misnamed.thm_1"
    with pytest.raises(InconsistentClaim, match=r"defines claim 'misnamed.thm_1', expected 'misnamed.thm_2'"):
        reg.get_claim("misnamed.thm_2")


def test_a_pack_folder_named_like_an_imported_module_is_refused(tmp_path):
    folder = write_pack(tmp_path / "json", "jsonpack", {"thm_1": GOOD})
    assert "json" in sys.modules
    reg = Registry([str(folder)])
    with pytest.raises(BadInput, match=r"would be imported as 'json'.*rename the folder") as info:
        reg.get_claim("jsonpack.thm_1")
    assert "\n" not in str(info.value)
    assert json.dumps([1]) == "[1]"  # the real json module is untouched


def test_an_installed_distribution_s_entry_point_is_found_beside_the_built_in_packs(tmp_path, monkeypatch):
    site = tmp_path / "site"
    info = site / "toy-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: toy\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[smoothcheck.claims]\ntoy = toypack\n")
    write_pack(site / "toypack", "toy", {"thm_1": GOOD})
    monkeypatch.syspath_prepend(str(site))

    reg = Registry()
    names = reg.pack_names()
    assert {"katende", "cooper", "kumar", "toy"} <= set(names)
    toy = next(p for p in reg.packs if p.name == "toy")
    assert toy.package == "toypack" and toy.folder == (site / "toypack").resolve()
    assert "toy.thm_1" in reg.claim_ids()
    assert reg.get_claim("toy.thm_1").id == "toy.thm_1"  # importable as installed


def test_an_entry_point_that_names_no_package_is_bad_input(tmp_path, monkeypatch):
    site = tmp_path / "site"
    info = site / "broken-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[smoothcheck.claims]\nbroken = no_such_package_here\n")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(BadInput, match="names no package"):
        Registry()


def test_the_built_in_packs_come_from_entry_points_and_no_engine_module_names_a_paper():
    from importlib import metadata

    points = {ep.name: ep.value for ep in metadata.entry_points(group=registry.ENTRY_POINT_GROUP)}
    assert {"katende": "proofs.katende", "cooper": "proofs.cooper", "kumar": "proofs.kumar"}.items() <= points.items()
    for module in ("registry", "cli", "engine", "pytest_plugin", "independence", "cache", "jobs"):
        assert _paper_literals(ROOT / "proofs" / f"{module}.py") == [], module


def _paper_literals(path: Path) -> list[str]:
    r"""String literals of ``path`` naming a built-in paper, docstrings and argparse help texts aside
    (an example id in ``--help`` names no pack to load)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            exempt.add(id(body[0].value))
        if isinstance(node, ast.keyword) and node.arg in ("help", "description"):
            exempt |= {id(n) for n in ast.walk(node.value)}
    return [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in exempt
            and re.search(r"katende|cooper|kumar", node.value, re.IGNORECASE)]


def test_the_paper_literal_scan_can_fail(tmp_path):
    source = tmp_path / "engine_like.py"
    source.write_text('"""Docstrings may cite katende."""\nPACKS = ("cooper",)\nparser.add_argument(help="e.g. kumar.eq_9")\n')
    assert _paper_literals(source) == ["engine_like.py:2: 'cooper'"]


# ---------------------------------------------------------------- the command line on an outside pack


def test_the_command_line_on_an_outside_pack(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SMOOTHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    good = write_pack(tmp_path / "outside", "outside", {"thm_1": GOOD, "thm_2": ERRATUM})
    failing = write_pack(tmp_path / "failing", "failing", {"thm_1": FAILING})

    assert cli.main(["list", "--claims", str(good)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == ["outside.thm_1", "outside.thm_2"]
    assert "verified-with-errata" in listed[1]

    assert cli.main(["check", "--claims", str(good)]) == 0  # an erratum with its repair is no failure
    out = capsys.readouterr().out
    assert "outside.thm_1: verified, proved" in out and "outside.thm_2: verified-with-errata" in out

    assert cli.main(["check", "--claims", str(failing)]) == 1  # a step fails with no repair
    assert "FAILED wrong" in capsys.readouterr().out

    assert cli.main(["review", "--claims", str(good), "--format", "json"]) == 0
    review = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in review["claims"]] == ["outside.thm_1", "outside.thm_2"]
    assert [c["status"] for c in review["claims"]] == ["verified", "verified-with-errata"]

    assert cli.main(["list", "--claims", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file or folder" in err


def test_the_cache_key_follows_a_helper_module_of_an_outside_pack(tmp_path):
    helper_claim = GOOD.replace("import sympy as sp\n", "import sympy as sp\n\nfrom keyed.helper import SCALE\n")
    folder = write_pack(tmp_path / "keyed", "keyed", {"thm_1": helper_claim},
                        files={"helper.py": "SCALE = 1\n", "data/table.json": "[1]\n"})
    reg = Registry([str(folder)])
    first = reg.cache_key("keyed.thm_1")
    assert reg.cache_key("keyed.thm_1") == first  # deterministic
    (folder / "helper.py").write_text("SCALE = 2\n")
    second = reg.cache_key("keyed.thm_1")
    assert second != first
    (folder / "data" / "table.json").write_text("[2]\n")
    assert reg.cache_key("keyed.thm_1") != second
    # and the key reads files only: nothing of the pack was imported
    assert not any(name == "keyed" or name.startswith("keyed.") for name in sys.modules)
    assert cache.key("keyed.thm_1", packages=("keyed",)) != cache.key("keyed.thm_1")  # the helper counts only when followed
