r"""The registry of claims: packs, found without a whitelist, and the claims in them.

A **pack** is a folder that is a Python package whose ``__init__.py`` sets

.. code-block:: python

    PACK = "katende"                 # the claim-id prefix
    TITLE = "Katende, Why smooth ..."  # optional: the paper, as documents head it
    ORDER = ("thm_1", "prop_1")        # optional: the paper's order of its claims
    RANK = 1                           # optional: where its part comes among the packs (lower first)

Every module of the folder with a top-level ``def theorem()`` is a claim:
``<pack folder>/thm_1.py`` is the claim ``katende.thm_1``.  Other modules (a
pack's shared machinery, its numeric mirror) are not claims.  Nothing is
imported to list the claims: the files are read, not run.

Packs are found, in this order of precedence:

1. folders or files named with ``--claims PATH`` (repeatable), else those in
   ``$SMOOTHCHECK_CLAIMS`` (paths separated by ``:``): a pack folder, a folder
   whose sub-folders are packs, or one claim file inside a pack.  Given such
   paths, only their packs are used;
2. otherwise, the packages named by the entry-point group ``smoothcheck.claims``
   of every installed distribution.  The three built-in papers are found this
   way (``pyproject.toml`` names ``proofs.katende``, ``proofs.cooper``,
   ``proofs.kumar``); nothing here names a paper.

Two different folders declaring the same ``PACK`` are an error naming both.
Packs come in ``RANK`` order (a whole number, lower first); packs without one
follow, by name.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import os
import re
import sys
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Iterable, Sequence

from proofs.errors import BadInput, InconsistentClaim

#: The entry-point group through which installed packs (the built-in ones included) are found.
ENTRY_POINT_GROUP = "smoothcheck.claims"
#: The environment variable naming pack folders or claim files (``:``-separated).
ENVIRONMENT = "SMOOTHCHECK_CLAIMS"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Pack:
    r"""One pack of claims: ``name`` is the claim-id prefix, ``package`` the importable package,
    ``folder`` where its files are, ``origin`` how it was found (for messages), ``only`` the claim
    modules a ``--claims FILE`` restricted it to (empty: all)."""

    name: str
    package: str
    folder: Path
    title: str
    order: tuple[str, ...]
    origin: str
    only: tuple[str, ...] = ()
    #: For a pack found as a folder: the folder that goes on ``sys.path`` to import ``package``.
    root: Path | None = None
    #: Where the pack comes among the packs (``RANK``; lower first, ``None`` after every ranked pack).
    rank: int | None = None

    def modules(self) -> tuple[str, ...]:
        r"""The pack's claim modules (file stems), in the paper's order, then in label order."""
        stems = [p.stem for p in self.folder.glob("*.py")
                 if not p.stem.startswith("_") and _defines_theorem(p)]
        if self.only:
            stems = [s for s in stems if s in self.only]
        stems.sort(key=lambda s: (self.order.index(s) if s in self.order else len(self.order), _label_key(s)))
        return tuple(stems)

    def data_files(self) -> tuple[Path, ...]:
        r"""The pack's data files (``data/``): part of every claim's cache key."""
        data = self.folder / "data"
        return tuple(sorted(p for p in data.rglob("*") if p.is_file())) if data.is_dir() else ()


def _defines_theorem(path: Path) -> bool:
    try:
        stat = path.stat()
    except OSError as exc:
        raise InconsistentClaim(f"{path}: cannot be read as Python ({type(exc).__name__}: {exc})") from None
    return _parsed_defines_theorem(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _parsed_defines_theorem(path: Path, mtime_ns: int, size: int) -> bool:
    r"""Whether the file defines a top-level ``theorem()``; parsed once per version of the file
    (``mtime_ns``, ``size``: an edited file is parsed again), since ``list`` asks for every claim."""
    from proofs.cache import remembered

    try:
        text = path.read_text(encoding="utf-8")
        return remembered("defines theorem()", text, lambda: any(
            isinstance(node, ast.FunctionDef) and node.name == "theorem" for node in ast.parse(text, str(path)).body))
    except (SyntaxError, UnicodeDecodeError, OSError) as exc:
        raise InconsistentClaim(f"{path}: cannot be read as Python ({type(exc).__name__}: {exc})") from None


def _label_key(name: str) -> tuple:
    r"""Natural order: ``prop_b_2`` before ``prop_b_10``."""
    parts = re.split(r"(\d+)", name)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def _declaration(init: Path) -> dict[str, object]:
    r"""The literal ``PACK``/``TITLE``/``ORDER``/``RANK``/``MIRROR``/``SYMBOLIC`` assignments of a pack's ``__init__.py`` (read, not run)."""
    found: dict[str, object] = {}
    try:
        tree = ast.parse(init.read_text(encoding="utf-8"), filename=str(init))
    except (SyntaxError, UnicodeDecodeError, OSError) as exc:
        raise BadInput(f"{init}: cannot be read as Python ({type(exc).__name__})") from None
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in ("PACK", "TITLE", "ORDER", "RANK", "MIRROR", "SYMBOLIC") and node.value:
                    try:
                        found[target.id] = ast.literal_eval(node.value)
                    except ValueError:
                        raise BadInput(f"{init}: {target.id} must be a literal") from None
    if tree.body and isinstance(tree.body[0], ast.Expr) and isinstance(tree.body[0].value, ast.Constant):
        found.setdefault("__doc__", str(tree.body[0].value.value))
    return found


def is_pack_folder(folder: Path) -> bool:
    r"""Whether ``folder`` is a pack: a package whose ``__init__.py`` sets ``PACK``."""
    init = folder / "__init__.py"
    return init.is_file() and "PACK" in _declaration(init)


def _pack(folder: Path, package: str, origin: str, only: tuple[str, ...] = (), root: Path | None = None) -> Pack:
    declared = _declaration(folder / "__init__.py")
    name = declared.get("PACK")
    if not isinstance(name, str) or not _NAME.match(name):
        raise BadInput(f"{folder / '__init__.py'}: PACK must be a lower-case name such as 'mypaper', got {name!r}")
    order = declared.get("ORDER", ())
    if not isinstance(order, (tuple, list)) or not all(isinstance(o, str) for o in order):
        raise BadInput(f"{folder / '__init__.py'}: ORDER must be a tuple of module names")
    rank = declared.get("RANK")
    if rank is not None and (not isinstance(rank, int) or isinstance(rank, bool)):
        raise BadInput(f"{folder / '__init__.py'}: RANK must be a whole number, got {rank!r}")
    doc = str(declared.get("__doc__", "")).strip().splitlines()
    title = declared.get("TITLE") or (doc[0] if doc else name)
    return Pack(name, package, folder.resolve(), str(title), tuple(order), origin, only, root, rank)


def _packs_at(path_text: str, origin: str) -> list[Pack]:
    r"""The packs a ``--claims`` path names (:class:`BadInput` when it names none)."""
    path = Path(path_text).expanduser()
    if not path.exists():
        raise BadInput(f"{origin}: {path_text!r}: no such file or folder")
    if path.is_file():
        folder = path.parent
        if path.suffix != ".py" or not is_pack_folder(folder):
            raise BadInput(f"{origin}: {path_text!r} is not a claim module in a pack "
                           f"(its folder needs an __init__.py that sets PACK = 'name')")
        if path.stem.startswith("_"):  # as Pack.modules: a private module is never a claim
            raise BadInput(f"{origin}: {path_text!r} is not a claim module (no module whose name starts with '_' is)")
        if not _defines_theorem(path):
            raise BadInput(f"{origin}: {path_text!r} defines no theorem() (not a claim module)")
        return [_folder_pack(folder, origin, only=(path.stem,))]
    if is_pack_folder(path):
        return [_folder_pack(path, origin)]
    if (path / "__init__.py").is_file():
        raise BadInput(f"{origin}: {path_text!r} is a Python package but not a pack "
                       f"(its __init__.py sets no PACK = 'name')")
    found = [_folder_pack(sub, origin) for sub in sorted(path.iterdir()) if sub.is_dir() and is_pack_folder(sub)]
    if not found:
        raise BadInput(f"{origin}: no claim pack in {path_text!r} (a pack is a folder with an __init__.py "
                       f"that sets PACK = 'name')")
    return found


def _folder_pack(folder: Path, origin: str, only: tuple[str, ...] = ()) -> Pack:
    r"""A pack found as a folder.  Its import name follows the packages around it
    (``.../proofs/katende`` with ``proofs/__init__.py`` is ``proofs.katende``), as pytest does."""
    folder = folder.resolve()
    parts, root = [folder.name], folder.parent
    while (root / "__init__.py").is_file():
        parts.insert(0, root.name)
        root = root.parent
    if not all(part.isidentifier() for part in parts):
        raise BadInput(f"{origin}: pack folder {str(folder)!r}: {'.'.join(parts)!r} is not a Python module name")
    return _pack(folder, ".".join(parts), f"{origin} {folder}", only, root)


def _entry_point_packs() -> list[Pack]:
    found = []
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.value, e.name)):
        try:
            spec = importlib.util.find_spec(ep.value)
        except (ImportError, ValueError):
            spec = None
        locations = list(spec.submodule_search_locations or []) if spec else []
        if not locations:
            raise BadInput(f"entry point {ep.name!r} = {ep.value!r} (group {ENTRY_POINT_GROUP}) names no package")
        found.append(_pack(Path(locations[0]), ep.value, f"entry point {ep.name} = {ep.value}"))
    return found


def _unique(packs: Iterable[Pack]) -> tuple[Pack, ...]:
    by_name: dict[str, Pack] = {}
    for pack in packs:
        other = by_name.get(pack.name)
        if other is None:
            by_name[pack.name] = pack
        elif other.folder == pack.folder:  # the same pack named twice: all of it, or the files named
            everything = not other.only or not pack.only
            by_name[pack.name] = replace(other, only=() if everything else tuple(sorted({*other.only, *pack.only})))
        else:
            raise BadInput(f"two packs define the claims '{pack.name}.*': {other.folder} ({other.origin}) "
                           f"and {pack.folder} ({pack.origin})")
    return tuple(sorted(by_name.values(), key=lambda p: (p.rank is None, p.rank or 0, p.name)))


class Registry:
    r"""The packs found from ``paths`` (``--claims``), else ``$SMOOTHCHECK_CLAIMS``, else the entry points."""

    def __init__(self, paths: Sequence[str] | None = None) -> None:
        env = [p for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p]
        #: What this registry was built from (``use`` keeps it while that is unchanged).
        self.source = (tuple(paths or ()), tuple(env))
        if paths:
            found = [pack for p in paths for pack in _packs_at(p, "--claims")]
        elif env:
            found = [pack for p in env for pack in _packs_at(p, f"${ENVIRONMENT}")]
        else:
            found = _entry_point_packs()
        self.packs: tuple[Pack, ...] = _unique(found)
        self._claims: dict[str, object] = {}
        self._reports: dict[str, object] = {}

    def pack_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.packs)

    def claim_ids(self) -> tuple[str, ...]:
        r"""Every claim id, pack by pack, in each paper's order."""
        return tuple(f"{p.name}.{m}" for p in self.packs for m in p.modules())

    def locate(self, cid: str) -> tuple[Pack, str]:
        r"""The pack and the importable module of claim ``cid``; :class:`BadInput` if there is none."""
        name, _, stem = cid.partition(".")
        pack = next((p for p in self.packs if p.name == name), None)
        if pack is None or stem not in pack.modules():
            raise BadInput(f"unknown claim id {cid!r} (see 'smoothcheck list')")
        return pack, f"{pack.package}.{stem}"

    def get_claim(self, cid: str):
        r"""The claim with id ``cid``, built once (its module imported, ``theorem()`` called, validated)."""
        if cid not in self._claims:
            pack, module_name = self.locate(cid)
            module = _import(pack, module_name)
            claim = module.theorem()
            if getattr(claim, "id", None) != cid:
                raise InconsistentClaim(f"{getattr(module, '__file__', module_name)} defines claim {getattr(claim, 'id', None)!r}, "
                                        f"expected {cid!r} (pack {pack.name!r}, module {module_name.rpartition('.')[2]!r})")
            from proofs.engine import validate_claim

            validate_claim(claim, outline=_outline(module.__doc__ or ""))
            self._claims[cid] = claim
        return self._claims[cid]

    def cache_key(self, cid: str) -> str:
        r"""The verdict-cache key of claim ``cid`` (:func:`proofs.cache.key`): its module, what that
        imports, the pack's data files and the library versions.  Files are read, nothing is imported."""
        from proofs import cache

        pack, module_name = self.locate(cid)
        _make_importable(pack)
        return cache.key(module_name, pack.data_files(), packages=(pack.package.split(".")[0],))

    def report(self, cid: str, results: tuple | None = None):
        r"""The checked claim: from the verdict cache (:mod:`proofs.cache`) while nothing it depends
        on has changed, else checked now (and kept for the process: checking is deterministic).

        ``results``: the claim's step and necessity results, already checked (by a worker process
        of ``check -j``) and used as they are.  A report checked or read here also stores its
        :meth:`summary` beside the results, under the same key, so that ``list`` needs neither.
        """
        if cid not in self._reports:
            from proofs import cache
            from proofs.engine import assemble, run_checks

            claim = self.get_claim(cid)
            if results is not None:
                self._reports[cid] = assemble(claim, *results)
            else:
                key = self.cache_key(cid)
                report = assemble(claim, *cache.cached(cid, key, lambda: run_checks(claim)))
                self._reports[cid] = report
                if cache.lookup(_summary_name(cid), key) != summary_of(report):
                    cache.store(_summary_name(cid), key, summary_of(report))
        return self._reports[cid]

    def summary(self, cid: str) -> dict[str, object]:
        r"""What ``list`` shows of claim ``cid`` (:func:`summary_of`), plain data: from the verdict
        cache while its key is unchanged (no claim built, SymPy not imported), else from
        :meth:`report` (which checks the claim, or reads its results, and stores the summary)."""
        if cid not in self._reports:
            from proofs import cache

            stored = cache.lookup(_summary_name(cid), self.cache_key(cid))
            if isinstance(stored, dict) and stored.get("format") == SUMMARY_FORMAT and stored.get("id") == cid:
                return stored
        return summary_of(self.report(cid))

    def select(self, ids: Sequence[str] | None = None, paper: str | None = None) -> list[str]:
        r"""Claim ids named by the user, or all (of one pack); :class:`BadInput` on an unknown one."""
        if paper is not None and paper not in self.pack_names():
            raise BadInput(f"unknown paper {paper!r} (one of {', '.join(self.pack_names()) or 'no pack found'})")
        chosen = list(ids) if ids else [c for c in self.claim_ids() if paper is None or c.startswith(paper + ".")]
        for cid in chosen:
            self.locate(cid)
        return chosen


#: Bump when :func:`summary_of` changes what it stores (older summaries are then ignored).
SUMMARY_FORMAT = 2


def _summary_name(cid: str) -> str:
    return f"{cid}.summary"


def summary_of(report) -> dict[str, object]:
    r"""A checked claim in plain data (strings, numbers): id, paper, label, title, verdict
    (``status``), weakest evidence, the statement's own evidence, the one-line ``summary``, ``ok`` and the evidence ``counts``."""
    claim = report.claim
    return {"format": SUMMARY_FORMAT, "id": claim.id, "paper": claim.paper, "label": claim.label,
            "title": claim.title, "status": report.status, "evidence": report.evidence,
            "statement_evidence": report.statement_evidence,
            "summary": report.summary(), "ok": report.ok, "counts": report.counts()}


def _import(pack: Pack, module_name: str):
    r"""Import a claim module; a folder pack's parent goes on ``sys.path`` (never shadowing a
    different module of the same name that is already imported)."""
    _make_importable(pack)
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise InconsistentClaim(f"claim module {module_name} ({pack.origin}) cannot be imported: {exc}") from None


def _make_importable(pack: Pack) -> None:
    r"""Put a folder pack's root on ``sys.path`` (:class:`BadInput` if a different module of the
    pack's top-level name is already imported); nothing to do for an installed pack."""
    if pack.root is not None:  # a folder pack: importable from its root folder
        top = pack.package.split(".")[0]
        loaded = sys.modules.get(top)
        where = [Path(p).resolve() for p in getattr(loaded, "__path__", [])] or \
            [Path(getattr(loaded, "__file__", "") or "/").resolve()]
        if loaded is not None and not any(w.parent == pack.root for w in where):
            raise BadInput(f"pack {pack.name!r} ({pack.folder}) would be imported as {top!r}, but a module of that "
                           f"name is already imported from {where[0]}: rename the folder")
        if str(pack.root) not in sys.path:
            sys.path.insert(0, str(pack.root))


def _outline(docstring: str) -> str | None:
    r"""The "Proof outline:" part of a claim module's docstring (up to "Review notes:")."""
    parts = docstring.split("Proof outline:", 1)
    return parts[1].split("Review notes:", 1)[0] if len(parts) == 2 else None


_CURRENT: list[Registry] = []


def use(paths: Sequence[str] | None = None) -> Registry:
    r"""Make the packs found from ``paths`` (``--claims``; ``None``: environment or entry points)
    current; the current registry, with the claims it built, is kept when nothing changed."""
    env = tuple(p for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p)
    if not (_CURRENT and _CURRENT[0].source == (tuple(paths or ()), env)):
        _CURRENT[:] = [Registry(paths)]
    return _CURRENT[0]


def current() -> Registry:
    r"""The current registry (built on first use from the environment or the entry points)."""
    return _CURRENT[0] if _CURRENT else use()


def packs() -> tuple[Pack, ...]:
    return current().packs


def pack_names() -> tuple[str, ...]:
    return current().pack_names()


def claim_ids() -> tuple[str, ...]:
    return current().claim_ids()


def get_claim(cid: str):
    return current().get_claim(cid)


def report(cid: str, results: tuple | None = None):
    return current().report(cid, results)


def summary(cid: str) -> dict[str, object]:
    return current().summary(cid)


def select(ids: Sequence[str] | None = None, paper: str | None = None) -> list[str]:
    return current().select(ids, paper)
