r"""The verdict cache: reused while nothing changes, recomputed when anything it depends on changes,
never trusted when damaged, safe under two processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from proofs import cache, registry


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SMOOTHCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SMOOTHCHECK_NO_CACHE", raising=False)
    return tmp_path


def test_a_stored_value_is_reused_while_the_key_is_the_same(private_cache):
    calls = []
    compute = lambda: calls.append(1) or {"v": 1}  # noqa: E731
    assert cache.cached("c", "k1", compute) == {"v": 1}
    assert cache.cached("c", "k1", compute) == {"v": 1} and len(calls) == 1
    assert cache.cached("c", "k2", compute) == {"v": 1} and len(calls) == 2
    assert len(list(private_cache.glob("c-*.pickle"))) == 1, "the entry of the old key was not removed"


@pytest.mark.parametrize("damage", ["truncate", "flip a byte", "garbage"])
def test_a_damaged_entry_is_recomputed_never_trusted(private_cache, damage):
    cache.cached("c", "k", lambda: "right")
    entry = next(private_cache.glob("c-*.pickle"))
    blob = entry.read_bytes()
    entry.write_bytes({"truncate": blob[: len(blob) // 2], "flip a byte": blob[:-1] + bytes([blob[-1] ^ 1]),
                       "garbage": b"not a cache entry"}[damage])
    assert cache.cached("c", "k", lambda: "recomputed") == "recomputed"


def test_the_key_covers_the_claim_module_and_what_it_imports():
    closure = cache._closure("proofs.katende.thm_1")
    assert {"proofs.katende.thm_1", "proofs.engine", "proofs.steps", "symbolic.one_neuron",
            "numeric.one_neuron"} <= set(closure)
    assert "proofs.cooper.thm_12" not in closure


def test_the_key_changes_with_the_library_versions(monkeypatch):
    before = cache.key("proofs.katende.thm_1")
    assert before == cache.key("proofs.katende.thm_1")
    monkeypatch.setattr(cache, "_versions", lambda: "python 3.11; sympy 9.9")
    assert cache.key("proofs.katende.thm_1") != before


def test_the_key_changes_with_the_source_of_a_dependency(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cache, "PROJECT_PACKAGES", ("pkgx",))
    (tmp_path / "pkgx").mkdir()
    (tmp_path / "pkgx" / "__init__.py").write_text("")
    (tmp_path / "pkgx" / "claim.py").write_text("from pkgx import helper\n")
    (tmp_path / "pkgx" / "helper.py").write_text("VALUE = 1\n")
    cache._closure.cache_clear()
    first = cache.key("pkgx.claim")
    (tmp_path / "pkgx" / "helper.py").write_text("VALUE = 2\n")
    cache._closure.cache_clear()
    assert cache.key("pkgx.claim") != first
    cache._closure.cache_clear()


def test_the_cache_can_be_turned_off(private_cache, monkeypatch):
    monkeypatch.setenv("SMOOTHCHECK_NO_CACHE", "1")
    calls = []
    cache.cached("c", "k", lambda: calls.append(1))
    cache.cached("c", "k", lambda: calls.append(1))
    assert len(calls) == 2 and not list(private_cache.glob("*.pickle"))


def test_two_processes_at_once_agree_with_a_fresh_check(tmp_path):
    from proofs.engine import check_claim
    from proofs.review import review_json

    env = {**os.environ, "SMOOTHCHECK_CACHE_DIR": str(tmp_path)}
    argv = [sys.executable, "-m", "proofs", "review", "kumar.prop_b_2", "--format", "json"]
    runs = [subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    outputs = [json.loads(run.communicate(timeout=300)[0]) for run in runs]
    # the fresh check in this process: a third interpreter would only load SymPy once more
    fresh = review_json([check_claim(registry.get_claim("kumar.prop_b_2"))])
    assert outputs[0] == outputs[1] == json.loads(fresh)


def test_a_cached_report_equals_a_checked_one():
    from proofs.engine import check_claim

    cached = registry.report("cooper.thm_13")
    fresh = check_claim(registry.get_claim("cooper.thm_13"))
    assert [r.result for r in cached.steps] == [r.result for r in fresh.steps]
    assert cached.status == fresh.status and cached.summary() == fresh.summary()


_TOY_CLAIM = '''r"""Toy theorem: (x + 1)^2 = x^2 + 2x + 1.

Proof outline:
  1. `square`   expand
"""
import sympy as sp

from proofs.engine import Claim, Equality

x = sp.Symbol("x", real=True)


def theorem() -> Claim:
    return Claim(id="toy.thm_1", paper="toy", label="LABEL", section="1", title="a square",
                 statement="(x+1)^2 = x^2+2x+1", reference="none", assumptions=[],
                 steps=[Equality(label="square", latex="(x+1)^2", lhs=(x + 1) ** 2, rhs=x**2 + 2*x + 1)])
'''


def _list_in_a_fresh_process(pack) -> tuple[str, bool]:
    r"""``smoothcheck list --claims pack`` in a new interpreter: its output, and whether it imported SymPy."""
    program = ("import sys, proofs.cli; code = proofs.cli.main(['list', '--claims', sys.argv[1]]); "
               "print('sympy' in sys.modules); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", program, str(pack)], capture_output=True, text=True, timeout=120,
                          check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    *lines, imported = done.stdout.splitlines()
    return "\n".join(lines), imported == "True"


def test_a_warm_list_builds_no_claim_and_a_changed_module_invalidates_its_summary(private_cache, tmp_path, monkeypatch):
    from proofs.cli import main

    pack = tmp_path / f"toy_{os.getpid()}_{tmp_path.name}"  # a fresh module name: never one imported before
    pack.mkdir()
    (pack / "__init__.py").write_text('PACK = "toy"\n')
    (pack / "thm_1.py").write_text(_TOY_CLAIM.replace("LABEL", "Theorem 1"))
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(registry, "_CURRENT", [])
    assert main(["check", "--claims", str(pack)]) == 0  # warms the cache (results and summary)
    listed, imported = _list_in_a_fresh_process(pack)
    assert listed.split() == ["toy.thm_1", "Theorem", "1", "verified", "proved"] and not imported, \
        "a warm list built the claim (imported SymPy)"
    module = pack / "thm_1.py"
    written = module.stat().st_mtime
    module.write_text(_TOY_CLAIM.replace("LABEL", "Theorem 2"))
    # Python trusts a module's bytecode while the source has the same size and modification second: an edit
    # within the second would import the old module (where bytecode is written), whatever the cache does.
    os.utime(module, (written + 2, written + 2))
    listed, imported = _list_in_a_fresh_process(pack)
    assert listed.split()[1:3] == ["Theorem", "2"] and imported, "the summary of a changed module was reused"


def test_a_summary_is_what_the_report_says():
    cid = "katende.thm_1"
    report = registry.report(cid)
    summary = registry.current().summary(cid)
    assert summary == registry.summary_of(report)
    assert (summary["status"], summary["evidence"], summary["summary"]) == (report.status, report.evidence,
                                                                          report.summary())


def test_keys_are_computed_without_importing_the_claim():
    program = ("import sys; from proofs import registry; registry.current().cache_key('cooper.thm_15'); "
               "print(sorted(m for m in ('sympy', 'numpy', 'proofs.cooper.thm_15') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_parsed_sources_are_remembered_by_their_text_and_a_damaged_file_is_ignored(private_cache, monkeypatch):
    monkeypatch.setattr(cache, "_REMEMBERED", {})
    assert cache.remembered("imports of m", "import a", lambda: ("a",)) == ("a",)
    monkeypatch.setattr(cache, "_REMEMBERED", {})  # as another process: read from the cache folder
    assert cache.remembered("imports of m", "import a", lambda: pytest.fail("parsed again")) == ("a",)
    assert cache.remembered("imports of m", "import b", lambda: ("b",)) == ("b",), "an edited text was not parsed"
    (private_cache / cache._REMEMBERED_FILE).write_bytes(b"not a cache entry")
    monkeypatch.setattr(cache, "_REMEMBERED", {})
    assert cache.remembered("imports of m", "import a", lambda: ("parsed",)) == ("parsed",)
