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
    env = {**os.environ, "SMOOTHCHECK_CACHE_DIR": str(tmp_path)}
    argv = [sys.executable, "-m", "proofs", "review", "kumar.prop_b_2", "--format", "json"]
    runs = [subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    outputs = [json.loads(run.communicate(timeout=300)[0]) for run in runs]
    fresh = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=True,
                           env={**os.environ, "SMOOTHCHECK_NO_CACHE": "1"})
    assert outputs[0] == outputs[1] == json.loads(fresh.stdout)


def test_a_cached_report_equals_a_checked_one():
    from proofs.engine import check_claim

    cached = registry.report("cooper.thm_13")
    fresh = check_claim(registry.get_claim("cooper.thm_13"))
    assert [r.result for r in cached.steps] == [r.result for r in fresh.steps]
    assert cached.status == fresh.status and cached.summary() == fresh.summary()
