r"""docs/TUTORIAL.md, run as written: its ``smoothcheck new`` commands, its files, its checks, its install.

The tutorial's files are the fenced blocks whose info string names them
(```` ```python file=quartic/prop_1.py ````); its commands are the ``$ ``
lines of ``console`` blocks.  The pack is built in a temporary folder outside
the repository, checked through the command line, run under pytest with the
plugin, and installed; the wrong printed claim must come out refuted with its
witness.  The built-in claims are never checked here: the install test runs
``check --paper quartic``; ``list`` (every claim) is the deep test.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from proofs import cli, registry

TUTORIAL = Path(__file__).resolve().parents[2] / "docs" / "TUTORIAL.md"
_FENCE = re.compile(r"^```(\S*)([^\n]*)\n(.*?)^```$", re.M | re.S)
PACK = "quartic"
CLAIMS = ("quartic.prop_1", "quartic.prop_2", "quartic.lemma_1", "quartic.remark_1")


def fenced_blocks(text: str) -> list[tuple[str, dict[str, str], str]]:
    r"""``(language, {key: value} of the info string, body)`` of every fenced block."""
    return [(lang, dict(re.findall(r"(\w+)=(\S+)", info)), body) for lang, info, body in _FENCE.findall(text)]


def tutorial_files() -> dict[str, str]:
    return {attrs["file"]: body for _, attrs, body in fenced_blocks(TUTORIAL.read_text()) if "file" in attrs}


def tutorial_commands() -> list[list[str]]:
    return [shlex.split(line[2:]) for lang, _, body in fenced_blocks(TUTORIAL.read_text()) if lang == "console"
            for line in body.splitlines() if line.startswith("$ ")]


def _forget_pack() -> None:
    for name in [m for m in sys.modules if m == PACK or m.startswith(PACK + ".")]:
        del sys.modules[name]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    r"""The tutorial's project folder, built as a reader would: its ``smoothcheck new`` commands run
    (in-process), then every file block written over what they generated."""
    root = tmp_path_factory.mktemp("tutorial") / "quartic-pack"
    root.mkdir()
    saved, path = list(registry._CURRENT), list(sys.path)
    _forget_pack()
    try:
        with contextlib.chdir(root), contextlib.redirect_stdout(io.StringIO()):
            for command in tutorial_commands():
                if command[:2] == ["smoothcheck", "new"]:
                    assert cli.main(command[1:]) == 0, command
        for name, body in tutorial_files().items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(body)
        yield root
    finally:
        registry._CURRENT[:] = saved
        sys.path[:] = path
        _forget_pack()


def test_the_tutorial_names_its_files_and_commands():
    files, commands = tutorial_files(), tutorial_commands()
    assert {"pyproject.toml", "quartic/__init__.py", "quartic/remark_1.py", "quartic/tests/test_remark_1.py"} <= set(files)
    assert ["smoothcheck", "new", "quartic", "remark", "1"] in commands
    assert ["smoothcheck", "check", "--claims", "quartic"] in commands


def test_new_wrote_every_file_the_tutorial_then_replaces(project):
    generated = {p.relative_to(project).as_posix() for p in project.rglob("*.py")}
    assert set(tutorial_files()) - {"pyproject.toml"} <= generated


def test_check_gives_the_verdicts_the_tutorial_prints(project, capsys):
    printed = next(body for _, attrs, body in fenced_blocks(TUTORIAL.read_text()) if attrs.get("output") == "check")
    saved, path = list(registry._CURRENT), list(sys.path)
    try:
        with contextlib.chdir(project):
            assert cli.main(["check", "--claims", PACK, "--quiet"]) == 0
    finally:
        registry._CURRENT[:] = saved
        sys.path[:] = path
    out = capsys.readouterr().out
    verdicts = [line.split(",")[0] for line in out.splitlines() if line.startswith(PACK + ".")]
    assert verdicts == [line.split(",")[0] for line in printed.splitlines()]
    assert verdicts[-1] == "quartic.remark_1: refuted"


def test_wrong_printed_claim_is_refuted_with_the_witness_x_eq_2(project):
    saved, path = list(registry._CURRENT), list(sys.path)
    try:
        report = registry.Registry([str(project / PACK)]).report("quartic.remark_1")
    finally:
        registry._CURRENT[:] = saved
        sys.path[:] = path
    assert report.status == "refuted" and report.ok
    (erratum,) = report.errata
    assert erratum.step == "smooth_with_l0_1_l1_1_as_printed" and erratum.repaired_by == "smooth_with_l0_12_l1_3"
    assert erratum.counterexample and "{" not in erratum.description  # placeholders filled from the check
    witness = next(s.result for s in report.steps if s.step.label == "violated_at_x_eq_2")
    assert witness.proved and witness.values == {"lhs": "|f''(2)| = 48", "rhs": "L0 + L1 |f'(2)| = 33"}


def _environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != registry.ENVIRONMENT}
    return env | extra  # SMOOTHCHECK_CACHE_DIR (the test run's cache, tests/conftest.py) is kept


def test_pytest_runs_the_pack_with_the_plugin(project):
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", PACK],
                         cwd=project, env=_environment(), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    summary = run.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed", summary) and "1 xfailed" in summary and "failed" not in summary.replace("xfailed", "")


def _install(project: Path, site: Path) -> None:
    r"""Install the tutorial's project into ``site``: ``pip install --no-deps --no-build-isolation
    --target`` where the build backend can make a wheel offline (setuptools >= 70.1, or the ``wheel``
    package); otherwise setuptools' ``egg_info`` from the same ``pyproject.toml`` beside a copy of the
    package, which is what a development install puts on the path (the entry points included)."""
    import setuptools

    version = tuple(int(p) for p in re.findall(r"\d+", setuptools.__version__)[:2])
    if version >= (70, 1) or importlib.util.find_spec("wheel") is not None:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                        "--no-index", "--target", str(site), str(project)], check=True, capture_output=True,
                       timeout=300)
        return
    site.mkdir()
    subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "-q", "egg_info",
                    "--egg-base", str(site)], cwd=project, check=True, capture_output=True, timeout=300)
    shutil.copytree(project / PACK, site / PACK, ignore=shutil.ignore_patterns("__pycache__"))


@pytest.fixture(scope="module")
def site(project, tmp_path_factory):
    target = tmp_path_factory.mktemp("site") / "site"
    _install(project, target)
    return target


def _smoothcheck(site: Path, *args: str) -> subprocess.CompletedProcess:
    r"""The installed ``smoothcheck`` run from outside the project, with only ``site`` added to the path."""
    elsewhere = site.parent
    return subprocess.run([sys.executable, "-m", "proofs", *args], cwd=elsewhere, capture_output=True, text=True,
                          env=_environment(PYTHONPATH=str(site)), timeout=300)


def test_installed_pack_is_found_without_claims_option(site):
    run = _smoothcheck(site, "check", "--paper", PACK, "--quiet")
    assert run.returncode == 0, run.stderr
    assert [line.split(":")[0] for line in run.stdout.splitlines() if line.startswith(PACK)] == list(CLAIMS)


def test_without_the_install_the_pack_is_unknown(project):
    run = subprocess.run([sys.executable, "-m", "proofs", "check", "quartic.prop_1"], cwd=project.parent,
                         capture_output=True, text=True, env=_environment(), timeout=300)
    assert run.returncode == 2 and "unknown claim id" in run.stderr


@pytest.mark.deep
def test_installed_pack_is_listed_next_to_the_built_in_papers(site):
    run = _smoothcheck(site, "list")  # checks every built-in claim not yet in the verdict cache
    assert run.returncode == 0, run.stderr
    ids = [line.split()[0] for line in run.stdout.splitlines() if line.strip()]
    assert {"katende.thm_1", "cooper.thm_12", "kumar.prop_b_2"} <= set(ids)
    assert [i for i in ids if i.startswith(PACK + ".")] == list(CLAIMS)
