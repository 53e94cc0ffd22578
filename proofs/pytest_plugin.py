r"""The pytest plugin: ``pytest`` in a repository collects every claim of its packs.

Registered as the ``pytest11`` entry point ``smoothcheck``, so with smoothcheck
installed it is active in every pytest run.  It collects only claim modules —
``.py`` files with a top-level ``def theorem()`` in a pack folder (a package
whose ``__init__.py`` sets ``PACK = "name"``, see :mod:`proofs.registry`) —
and never touches other files.  For each claim module:

* one test item per step, named ``claim-id::step-label``
  (``proofs/katende/thm_1.py::katende.thm_1::hessian_on_each_region``): it
  passes when the step holds; a failing step fails with its counterexample;
* a printed step that fails while its repair holds is an **erratum**: reported
  as ``xfail`` with the counterexample and the repairing step, never as a
  failure (the paper is wrong there, the check is right);
* one item per assumption whose necessity is checked (``claim-id::A1``);
* undecided steps (oracles disagree) and printed outcomes not reproduced with
  our settings pass with a :class:`SmoothcheckWarning` naming them: they are
  neither proofs nor counterexamples, and the review lists them.

Each pack also gets an item ``<pack>::mirror_independence``, collected from its
``__init__.py``: the pack's numeric mirror imports neither SymPy nor its
symbolic part (:func:`proofs.independence.mirror_violations`).

Options: ``--smoothcheck-review=FILE`` writes the review of the claims that ran
(Markdown, or JSON when ``FILE`` ends in ``.json``), in the packs' order, by the
process that reports (the controller under xdist), and an empty review when no
claim ran (never a stale file); ``-p no:smoothcheck`` turns the plugin off.  Checked claims go through the verdict cache
(:mod:`proofs.cache`), so a claim is checked once however many items and
xdist workers ask for it.
"""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path
from typing import Any, Iterator

import pytest

_PROPERTY = "smoothcheck_claim"


class SmoothcheckWarning(UserWarning):
    r"""A step that is undecided, or a printed outcome not reproduced: for a person to look at."""


class StepFailed(AssertionError):
    r"""A step of a printed proof that fails, with no passing repair."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("smoothcheck", "smoothcheck: proof checks of claim packs")
    group.addoption("--smoothcheck-review", metavar="FILE", default=None,
                    help="write the review of the checked claims to FILE (Markdown; JSON if FILE ends in .json)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "smoothcheck: a step of a claim checked by smoothcheck")
    config._smoothcheck_registries = {}  # type: ignore[attr-defined]
    target = config.getoption("smoothcheck_review", None)
    if target and not hasattr(config, "workerinput"):
        path = config.invocation_params.dir / Path(target).expanduser()
        if not path.parent.is_dir():  # refuse now, not after the whole run
            raise pytest.UsageError(f"--smoothcheck-review: no folder {str(path.parent)!r} to write {path.name!r} into")
        # Per run, not per process: a pytest run inside another (pytester) keeps its own list.
        config.pluginmanager.register(_Review(config, path), "smoothcheck-review")


def _registry(config: pytest.Config, folder: Path):
    from proofs.registry import Registry

    registries = config._smoothcheck_registries  # type: ignore[attr-defined]
    if folder not in registries:
        registries[folder] = Registry([str(folder)])
    return registries[folder]


def _is_pack(folder: Path) -> bool:
    from proofs.registry import is_pack_folder

    try:
        return is_pack_folder(folder)
    except Exception:  # noqa: BLE001 - an unreadable __init__ is not ours to report here
        return False


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".py" or not _is_pack(file_path.parent):
        return None
    if file_path.name == "__init__.py":
        return PackFile.from_parent(parent, path=file_path)
    from proofs.registry import _defines_theorem

    if file_path.stem.startswith("_") or not _defines_theorem(file_path):
        return None
    return ClaimFile.from_parent(parent, path=file_path)


@contextlib.contextmanager
def _collect_errors(node: pytest.Collector) -> Iterator[None]:
    r"""A pack or claim that breaks a rule (a clashing folder name, a claim id that is not its
    file's) is a collection error of one clear line, not a traceback into the registry."""
    from proofs.errors import SmoothcheckError

    try:
        yield
    except SmoothcheckError as exc:
        raise node.CollectError(f"{type(exc).__name__}: {exc}") from None


class ClaimFile(pytest.File):
    r"""A claim module: one collector, named by the claim id."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        with _collect_errors(self):
            (pack,) = _registry(self.config, self.path.parent).packs
        yield ClaimNode.from_parent(self, name=f"{pack.name}.{self.path.stem}")


class ClaimNode(pytest.Collector):
    r"""One claim: an item per step and per checked assumption."""

    def collect(self) -> Iterator[pytest.Item]:
        with _collect_errors(self):
            claim = _registry(self.config, self.path.parent).get_claim(self.name)
        for index, step in enumerate(claim.steps):
            yield StepItem.from_parent(self, name=step.label, index=index)
        for index, assumption in enumerate(claim.assumptions):
            if assumption.necessity.check is not None:
                yield AssumptionItem.from_parent(self, name=assumption.label, index=index)


class _ClaimItem(pytest.Item):
    def __init__(self, *, index: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index
        self.add_marker("smoothcheck")
        self.user_properties.append((_PROPERTY, (str(self.path.parent), self.parent.name)))

    def _report(self):
        return _registry(self.config, self.path.parent).report(self.parent.name)

    def repr_failure(self, excinfo, style=None):  # type: ignore[override]
        # A failed step and an erratum (xfail) say everything in their message.  The erratum's
        # traceback, into the engine and SymPy, would only cost time: pytest parses every source
        # file on it to draw it, about 0.1 s per erratum, and an xfail report never shows it.
        if isinstance(excinfo.value, (StepFailed, pytest.xfail.Exception)):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.parent.name}::{self.name}"


class StepItem(_ClaimItem):
    r"""One step of a printed proof (or of its repair)."""

    def runtest(self) -> None:
        report = self._report()
        result = report.steps[self.index].result
        label = f"{self.parent.name}::{self.name}"
        if result.ok:
            return
        if result.undecided:
            warnings.warn(SmoothcheckWarning(f"{label}: undecided (the oracles disagree): {result.detail}"))
            return
        if result.not_reproduced:
            warnings.warn(SmoothcheckWarning(f"{label}: printed outcome not reproduced with our settings "
                                             f"(not an erratum): {result.detail}"))
            return
        erratum = next((e for e in report.errata if e.step == self.name), None)
        if erratum is not None:
            pytest.xfail(f"erratum in the paper: {erratum.description}; counterexample: {erratum.counterexample}; "
                         f"repaired by {erratum.repaired_by}")
        raise StepFailed(f"{label} fails: {result.detail}"
                         + (f"\ncounterexample: {result.shown_counterexample}" if result.counterexample else ""))


class AssumptionItem(_ClaimItem):
    r"""The necessity evidence of one assumption (its counterexample when dropped, or its proof that it is not needed)."""

    def runtest(self) -> None:
        ar = self._report().assumptions[self.index]
        label = f"{self.parent.name}::{self.name}"
        if ar.result is None or ar.result.ok:
            return
        if ar.result.undecided:
            warnings.warn(SmoothcheckWarning(f"{label} necessity: undecided: {ar.result.detail}"))
            return
        raise StepFailed(f"{label} ({ar.assumption.name}): its necessity evidence fails: {ar.result.detail}"
                         + (f"\ncounterexample: {ar.result.shown_counterexample}" if ar.result.counterexample else ""))


class PackFile(pytest.File):
    r"""A pack's ``__init__.py``: the independence of its numeric mirror."""

    def collect(self) -> Iterator[pytest.Item]:
        with _collect_errors(self):
            (pack,) = _registry(self.config, self.path.parent).packs
        yield MirrorItem.from_parent(self, name=f"{pack.name}::mirror_independence")


class MirrorItem(pytest.Item):
    def runtest(self) -> None:
        from proofs.independence import mirror_violations

        (pack,) = _registry(self.config, self.path.parent).packs
        problems = mirror_violations(pack)
        if problems:
            raise StepFailed(f"pack {pack.name!r}: the numeric mirror is not independent:\n" + "\n".join(problems))

    def repr_failure(self, excinfo, style=None):  # type: ignore[override]
        return str(excinfo.value) if isinstance(excinfo.value, StepFailed) else super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, self.name


class _Review:
    r"""Writes ``--smoothcheck-review=FILE`` at the end of the run, in the process that reports
    (the controller under xdist: reports reach it with their ``user_properties``)."""

    def __init__(self, config: pytest.Config, target: Path) -> None:
        self.config = config
        self.target = target
        #: ``(pack folder, claim id)`` of every claim an item ran for.
        self.ran: dict[tuple[str, str], None] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for name, value in getattr(report, "user_properties", ()):
            if name == _PROPERTY:
                self.ran.setdefault(tuple(value), None)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        from proofs.latex import atomic_write
        from proofs.review import review_json, review_markdown

        # The packs' order, whatever order the (xdist) items finished in; no claim ran: an empty
        # review, never a stale one left from an earlier run.
        reports = [_registry(self.config, Path(folder)).report(cid) for folder, cid in sorted(self.ran, key=self._order)]
        text = review_json(reports) if self.target.suffix == ".json" else review_markdown(reports)
        atomic_write(self.target, text)

    def _order(self, ran: tuple[str, str]) -> tuple[str, int]:
        folder, cid = ran
        ids = _registry(self.config, Path(folder)).claim_ids()
        return folder, ids.index(cid) if cid in ids else len(ids)
