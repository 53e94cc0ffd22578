r"""CPU-time budgets for symbolic computations.

SymPy's ``simplify`` and ``limit`` can run for minutes; a step that runs out of
its budget is *undecided* and falls back to numeric confirmation, never to
"proved".  The budget counts the **CPU time of this process** (``ITIMER_PROF``,
delivered as ``SIGPROF``), never wall-clock time: a machine busy with other
work slows the clock but not the count, so the same code gives the same labels
on an idle and on a loaded machine.  (Z3, the second decision procedure, is
bounded by its own operation count, ``rlimit``: see :mod:`proofs.z3check`.)
The timer only works in the main thread of a Unix process; elsewhere the
computation runs unbounded (pytest and pytest-xdist workers run tests in the
main thread).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Callable, Iterator, TypeVar

from proofs.errors import CheckTimeout

T = TypeVar("T")

#: Default budget of one symbolic operation, in CPU seconds.
SYMBOLIC_BUDGET_S = 8.0


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    r"""Raise :class:`CheckTimeout` inside the block after ``seconds`` of CPU time.

    >>> with time_budget(1.0):
    ...     x = 1 + 1
    >>> x
    2
    """
    usable = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not usable or seconds <= 0:
        yield
        return

    def _expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise CheckTimeout(f"symbolic computation exceeded {seconds:g} CPU seconds")

    previous = signal.signal(signal.SIGPROF, _expire)
    remaining, _ = signal.getitimer(signal.ITIMER_PROF)
    # Re-fire every 0.25 s after expiry: an alarm that lands in a garbage-collection
    # callback is swallowed there, and a single-shot timer would then never stop the work.
    signal.setitimer(signal.ITIMER_PROF, seconds if remaining == 0 else min(seconds, remaining), 0.25)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def within_budget(fn: Callable[[], T], seconds: float = SYMBOLIC_BUDGET_S) -> T | None:
    r"""``fn()`` if it finishes within ``seconds``, else ``None`` (undecided).

    Exceptions other than the timeout propagate.

    >>> within_budget(lambda: 6 * 7)
    42
    """
    try:
        with time_budget(seconds):
            return fn()
    except CheckTimeout:
        return None
