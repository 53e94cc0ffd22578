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
