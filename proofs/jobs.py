r"""Checking claims in parallel (``-j N``) and showing progress, for ``check``, ``review`` and ``latex``.

With ``-j N`` the claims are checked in ``N`` worker processes; the parent takes
their answers *in claim order* and prints them, so the output is the same as
with ``-j 1``, byte for byte.  Each worker fills the verdict cache
(:mod:`proofs.cache`: atomic writes, one lock per claim) and returns its answer
as plain data (a claim object holds functions and is never sent), so the cache
off (``--fresh``, ``SMOOTHCHECK_NO_CACHE=1``) works the same.  A claim whose
worker fails is done again in the parent, so an error reads exactly as with
``-j 1``.

Workers are started with ``spawn``: a fresh interpreter that imports what the
claims need, never a copy of the parent's state (a fork of a process with
threads is unsafe).  Progress (the claim being checked, and how long each took)
goes to stderr, only when stderr is a terminal and ``--quiet`` is not given;
stdout never changes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
import time
from typing import Callable, Iterator, Sequence, TextIO, TypeVar

T = TypeVar("T")


def job_count(text: str) -> int:
    r"""The ``-j`` value: a whole number of worker processes, at least 1."""
    try:
        count = int(text, 10)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"the number of jobs must be a whole number >= 1, got {text!r}")
    return count


class Progress:
    r"""One line per claim on ``stream`` (``[3/34] cooper.thm_12 ...`` while it runs, then its time),
    when ``enabled``; nothing otherwise."""

    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.total, self.enabled, self.stream = total, enabled, stream or sys.stderr
        self.began = time.perf_counter()

    @staticmethod
    def wanted(quiet: bool, stream: TextIO | None = None) -> bool:
        r"""Whether to show progress: not ``--quiet``, and stderr a terminal (never when piped)."""
        stream = stream or sys.stderr
        return not quiet and hasattr(stream, "isatty") and stream.isatty()

    def _write(self, text: str) -> None:
        if self.enabled:
            self.stream.write(text)
            self.stream.flush()

    def start(self, index: int, cid: str) -> None:
        self._write(f"\r\x1b[K[{index}/{self.total}] {cid} ...")

    def done(self, index: int, cid: str, seconds: float) -> None:
        self._write(f"\r\x1b[K[{index}/{self.total}] {cid}  {seconds:.1f} s\n")

    def finish(self, jobs: int) -> None:
        self._write(f"{self.total} claim(s) in {time.perf_counter() - self.began:.1f} s (-j {jobs})\n")


def in_order(task: Callable[[str], T], ids: Sequence[str], jobs: int, claims: Sequence[str] | None,
             progress: Progress) -> Iterator[tuple[str, T]]:
    r"""``(cid, task(cid))`` for every claim id, in the order of ``ids``.

    ``task`` is a module-level function (sent to the workers by name) returning plain data.
    With ``jobs > 1`` it runs in that many worker processes (the packs found from ``claims``,
    as with ``--claims``); a task that fails in a worker runs again here, raising its error.
    """
    jobs = min(jobs, len(ids))
    if jobs <= 1:
        for index, cid in enumerate(ids, 1):
            progress.start(index, cid)
            began = time.perf_counter()
            value = task(cid)
            progress.done(index, cid, time.perf_counter() - began)
            yield cid, value
        return
    no_cache = os.environ.get("SMOOTHCHECK_NO_CACHE", "")
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(claims, no_cache)) as pool:
        answers = pool.imap(_run_task, [(task, cid) for cid in ids], chunksize=1)
        for index, cid in enumerate(ids, 1):
            progress.start(index, cid)
            try:
                ok, value, seconds = next(answers)
            except multiprocessing.pool.MaybeEncodingError:  # an answer that could not be sent back
                ok, value, seconds = False, None, 0.0
            if not ok:  # the worker's error, raised here as -j 1 raises it
                began = time.perf_counter()
                value = task(cid)
                seconds = time.perf_counter() - began
            progress.done(index, cid, seconds)
            yield cid, value


def _start_worker(claims: Sequence[str] | None, no_cache: str) -> None:
    r"""A worker: the parent handles Ctrl-C (and ends the workers); same packs, same cache setting."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if no_cache:
        os.environ["SMOOTHCHECK_NO_CACHE"] = no_cache
    from proofs import registry

    registry.use(claims)


def _run_task(job: tuple[Callable[[str], T], str]) -> tuple[bool, T | None, float]:
    r"""``(True, task(cid), seconds)``, or ``(False, None, seconds)`` when it raised: the parent
    then runs it again, so that the error (whatever its class) is reported there, once."""
    task, cid = job
    began = time.perf_counter()
    try:
        return True, task(cid), time.perf_counter() - began
    except BaseException:  # noqa: BLE001 - re-raised by the parent's own run of the task
        return False, None, time.perf_counter() - began
