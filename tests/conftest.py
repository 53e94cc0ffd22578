r"""Hypothesis profiles: ``dev`` (default, quick), ``ci`` (derandomized), ``deep`` (long).

Select with ``--hypothesis-profile=NAME`` or ``SMOOTHCHECK_PROFILE=NAME``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=12, **_COMMON)
settings.register_profile("ci", max_examples=12, derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("deep", max_examples=500, **_COMMON)
settings.load_profile(os.environ.get("SMOOTHCHECK_PROFILE", "dev"))


def pytest_configure(config):
    r"""One verdict cache per test run, shared by the xdist workers: every claim is checked once per
    run (by whichever worker needs it first; the other waits on the entry's lock and reads it), and
    never taken from an earlier run."""
    import shutil
    import tempfile

    if hasattr(config, "workerinput"):  # an xdist worker: the controller's variable is inherited
        return
    directory = tempfile.mkdtemp(prefix="smoothcheck-test-cache-")
    os.environ["SMOOTHCHECK_CACHE_DIR"] = directory
    config.add_cleanup(lambda: shutil.rmtree(directory, ignore_errors=True))


def _deep_requested(config) -> bool:
    r"""Deep tests run when asked for: ``--hypothesis-profile=deep``, ``SMOOTHCHECK_PROFILE=deep``, or
    ``-m deep`` (any marker expression naming ``deep`` without ``not``)."""
    markexpr = config.getoption("markexpr", "") or ""
    return (os.environ.get("SMOOTHCHECK_PROFILE") == "deep"
            or config.getoption("hypothesis_profile", None) == "deep"
            or ("deep" in markexpr and "not deep" not in markexpr))


def pytest_collection_modifyitems(config, items):
    r"""Skip ``@pytest.mark.deep`` tests (long explorations) unless the run asks for them: with the
    options above, or by naming the test's node id (``pytest 'tests/x.py::test_y[a]'`` runs it)."""
    import pytest

    if _deep_requested(config):
        return
    named = {arg for arg in config.args if "::" in arg}
    skip = pytest.mark.skip(reason="deep test: run with -m deep or --hypothesis-profile=deep")
    for item in items:
        if "deep" in item.keywords and item.nodeid not in named:
            item.add_marker(skip)
