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
