r"""``smoothcheck new``: the generated claim checks green, its tests pass, a wrong version is rejected,
bad names and existing files are refused with one line and exit status 2."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from proofs import cli, registry
from proofs.independence import mirror_violations
from proofs.scaffold import plan

_PAPERS = iter(f"scaffoldpaper{i}" for i in range(1000))  # a fresh import name per test: no stale modules


@pytest.fixture
def paper():
    r"""A fresh pack name; afterwards the registry, ``sys.path`` and ``sys.modules`` are as before."""
    name = next(_PAPERS)
    saved, path = list(registry._CURRENT), list(sys.path)
    yield name
    registry._CURRENT[:] = saved
    sys.path[:] = path
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_writes_a_pack_whose_claim_checks_green(tmp_path, paper, capsys):
    folder = tmp_path / paper
    code, out, err = run(capsys, "new", paper, "thm", "1", "--into", str(folder))
    assert code == 0, err
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.py")) == [
        "__init__.py", "numeric_thm_1.py", "tests/__init__.py", "tests/test_thm_1.py", "thm_1.py"]
    code, out, err = run(capsys, "check", "--claims", str(folder), "--quiet")
    assert code == 0, out + err
    assert out.startswith(f"{paper}.thm_1: verified, ") and "failed 0" in out
    (pack,) = registry.Registry([str(folder)]).packs
    assert pack.name == paper and mirror_violations(pack) == []


def test_the_generated_tests_pass(tmp_path, paper, capsys):
    folder = tmp_path / paper
    assert run(capsys, "new", paper, "lemma", "b_2", "--into", str(folder))[0] == 0
    assert registry.Registry([str(folder)]).get_claim(f"{paper}.lemma_b_2").label == "Lemma b.2"  # imports the pack
    tests = importlib.import_module(f"{paper}.tests.test_lemma_b_2")
    names = [n for n in dir(tests) if n.startswith("test_")]
    assert len(names) >= 4
    for name in names:
        getattr(tests, name)()


def test_a_wrong_hessian_in_the_generated_claim_fails_the_check(tmp_path, paper, capsys):
    folder = tmp_path / paper
    assert run(capsys, "new", paper, "prop", "3", "--into", str(folder))[0] == 0
    claim = folder / "prop_3.py"
    text = claim.read_text()
    assert text.count("rhs=2 * x,") == 1
    claim.write_text(text.replace("rhs=2 * x,", "rhs=3 * x,"))
    code, out, _ = run(capsys, "check", "--claims", str(folder), "--quiet")
    assert code == 1 and "FAILED hessian" in out


def test_a_mirror_that_imports_sympy_is_caught(tmp_path, paper, capsys):
    folder = tmp_path / paper
    assert run(capsys, "new", paper, "thm", "2", "--into", str(folder))[0] == 0
    mirror = folder / "numeric_thm_2.py"
    mirror.write_text(mirror.read_text().replace("from fractions import Fraction", "import sympy\nfrom fractions import Fraction"))
    (pack,) = registry.Registry([str(folder)]).packs
    assert any("imports sympy" in line for line in mirror_violations(pack))


def test_a_second_claim_joins_the_pack_without_touching_its_init(tmp_path, paper, capsys):
    folder = tmp_path / paper
    assert run(capsys, "new", paper, "thm", "1", "--into", str(folder))[0] == 0
    init = (folder / "__init__.py").read_text()
    code, out, _ = run(capsys, "new", paper, "remark", "1", "--into", str(folder))
    assert code == 0 and "__init__.py" not in out
    assert (folder / "__init__.py").read_text() == init
    assert registry.Registry([str(folder)]).claim_ids() == (f"{paper}.thm_1", f"{paper}.remark_1")


def test_default_folder_is_the_paper_in_the_working_directory(tmp_path, paper, monkeypatch):
    monkeypatch.chdir(tmp_path)
    made = plan(paper, "thm", "1")
    assert made.pack_folder == Path(paper) and Path(paper, "thm_1.py") in made.files
    assert not (tmp_path / paper).exists()  # plan writes nothing


@pytest.mark.parametrize("args,word", [
    (["MyPaper", "thm", "1"], "PAPER"), (["my-paper", "thm", "1"], "PAPER"), (["1paper", "thm", "1"], "PAPER"),
    (["mypaper", "Thm", "1"], "KIND"), (["mypaper", "thm_x", "1"], "KIND"), (["mypaper", "thm", "1.2"], "LABEL"),
    (["mypaper", "thm", "_1"], "LABEL"), (["mypaper", "thm", "a__b"], "LABEL"), (["mypaper", "thm", ""], "LABEL"),
    (["mypaper", "thm", "1/../../x"], "LABEL"), (["os", "thm", "1"], "shadow"), (["proofs", "thm", "1"], "shadow"),
    (["class", "thm", "1"], "shadow"),
])
def test_bad_names_are_refused_in_one_line(tmp_path, capsys, args, word):
    code, out, err = run(capsys, "new", *args, "--into", str(tmp_path / "pack"))
    assert code == 2 and err.count("\n") == 1 and word in err
    assert not (tmp_path / "pack").exists()


def test_an_existing_file_is_never_overwritten(tmp_path, paper, capsys):
    folder = tmp_path / paper
    folder.mkdir()
    assert run(capsys, "new", paper, "thm", "1", "--into", str(folder))[0] == 0
    (folder / "tests" / "test_thm_1.py").write_text("# mine\n")
    (folder / "thm_1.py").unlink()
    code, _, err = run(capsys, "new", paper, "thm", "1", "--into", str(folder))
    assert code == 2 and "exists already" in err and err.count("\n") == 1
    assert (folder / "tests" / "test_thm_1.py").read_text() == "# mine\n"
    assert not (folder / "thm_1.py").exists()  # nothing written when any file is refused


def test_another_pack_or_a_plain_package_is_refused(tmp_path, paper, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "__init__.py").write_text('PACK = "other"\n')
    code, _, err = run(capsys, "new", paper, "thm", "1", "--into", str(other))
    assert code == 2 and "is the pack 'other'" in err
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "__init__.py").write_text("")
    code, _, err = run(capsys, "new", paper, "thm", "1", "--into", str(plain))
    assert code == 2 and "not a claim pack" in err
    assert sorted(p.name for p in plain.iterdir()) == ["__init__.py"]
