r"""The verdict cache: a checked claim's step results, stored under a key of everything they depend on.

Checking all claims costs tens of CPU seconds; listing them should not.  The
results of one claim (its step and necessity :class:`~proofs.steps.StepResult`\ s,
plain data) are stored under a key made of

* the source of the claim module and of every project module it imports,
  directly or not (``proofs``, ``symbolic``, ``numeric``: found by reading the
  ``import`` statements, function-level ones included), and the project's data
  files;
* the versions of Python, SymPy, mpmath, python-flint, NumPy and Z3.

Change any of them and the key changes: the claim is checked again.  Entries
are written atomically (a temporary file and a rename), carry a SHA-256 of
their payload (a corrupted or truncated entry is detected, discarded and
recomputed, never trusted), and a per-key lock makes a second process wait
for the first instead of checking the same claim twice.

Computing a key reads files and parses their imports (:mod:`ast`); it imports nothing, so
``list`` can read a claim's stored summary (:func:`lookup`, written beside its results by
:meth:`proofs.registry.Registry.report`) without building the claim or loading SymPy.  What a
source text imports is remembered under the text's SHA-256 (:func:`remembered`), so each version
of a file is parsed once, in any process.

The directory is ``$SMOOTHCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/smoothcheck``
(``~/.cache/smoothcheck``); ``SMOOTHCHECK_NO_CACHE=1`` (or ``check --fresh``)
ignores it.
"""

from __future__ import annotations

import ast
import contextlib
import fcntl
import functools
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

T = TypeVar("T")

#: The project's own top-level packages: imports of these are followed.
PROJECT_PACKAGES = ("proofs", "symbolic", "numeric")
#: Bump when the stored format changes.
FORMAT = 1
_LIBRARIES = ("sympy", "mpmath", "python-flint", "numpy", "z3-solver")


def cache_dir() -> Path | None:
    r"""Where entries live, or ``None`` when the cache is off."""
    if os.environ.get("SMOOTHCHECK_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("SMOOTHCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "smoothcheck"


def _source_file(module: str) -> Path | None:
    r"""The ``.py`` file of ``module``, found without importing anything.

    Only the top-level package is looked up (``find_spec`` of a top-level name runs no code);
    the rest of the dotted name is followed through folders, so computing a key never imports
    a claim or SymPy.  ``None`` for a name that is no module (``proofs.engine.Claim``).
    """
    top, *rest = module.split(".")
    spec = _top_level_spec(top)
    if spec is None:
        return None
    origin = spec.origin if spec.has_location else None
    locations = list(spec.submodule_search_locations or [])
    for part in rest:
        for folder in locations:
            package, plain = Path(folder) / part, Path(folder) / f"{part}.py"
            if (package / "__init__.py").is_file():
                origin, locations = str(package / "__init__.py"), [str(package)]
                break
            if plain.is_file():
                origin, locations = str(plain), []
                break
        else:
            return None
    return Path(origin) if origin and origin.endswith(".py") else None


#: The public name (the pack independence check finds mirror modules the same way).
source_file = _source_file


def _top_level_spec(name: str):
    r"""The spec of a top-level module (``find_spec`` of a top-level name runs no code); remembered
    while ``sys.path`` is unchanged and the module is not imported (a folder pack goes on the path)."""
    if name in sys.modules:
        return getattr(sys.modules[name], "__spec__", None)
    return _top_level_spec_on(name, tuple(sys.path))


@functools.lru_cache(maxsize=256)
def _top_level_spec_on(name: str, path: tuple[str, ...]):
    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


def _project_imports(module: str, source: str, packages: tuple[str, ...] = PROJECT_PACKAGES) -> set[str]:
    r"""Modules of ``packages`` named by the ``import`` statements of ``source`` (anywhere in it)."""
    return set(_project_imports_once(module, source, tuple(packages)))


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    r"""Every statement of ``body``, nested ones (in functions, classes, ``if``, ``try``, ...) included.

    An ``import`` is a statement, so only statement lists are walked, never expressions: the
    same imports as ``ast.walk`` finds, several times faster (keys are computed on every ``list``).
    """
    for statement in body:
        yield statement
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field, None)
            if isinstance(inner, list):
                yield from _statements(inner)
        for part in [*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())]:
            yield from _statements(part.body)


@functools.lru_cache(maxsize=1024)
def _project_imports_once(module: str, source: str, packages: tuple[str, ...]) -> tuple[str, ...]:
    r""":func:`_project_imports`, parsed once per module text in a process (sorted)."""
    names = remembered(f"imports of {module}", source, lambda: _imported_names(module, source))
    return tuple(sorted(name for name in names if name.split(".")[0] in packages and _source_file(name) is not None))


def _imported_names(module: str, source: str) -> tuple[str, ...]:
    r"""Every dotted name the ``import`` statements of ``source`` (module ``module``) name: ``import a.b``
    names ``a.b``, ``from a import b`` names ``a`` and ``a.b`` (``b`` may be a module); relative imports resolved."""
    found: set[str] = set()
    package = module.rpartition(".")[0]
    for node in _statements(ast.parse(source).body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.update([base, *(f"{base}.{alias.name}" for alias in node.names)])
    return tuple(sorted(found))


#: What :func:`remembered` has stored, per process (loaded from the cache folder on first use).
_REMEMBERED: dict[str, Any] = {}
_REMEMBERED_FILE = "parsed-sources.pickle"
#: Past this many entries the file starts afresh (old texts of edited modules are dead weight).
_REMEMBERED_LIMIT = 4096


def remembered(what: str, text: str, compute: Callable[[], T]) -> T:
    r"""``compute()``, a pure function of ``what`` and ``text`` (a source file's imports, whether it
    defines ``theorem()``), kept in the cache folder under the SHA-256 of both.

    Parsing every module of the project costs more than ``list`` may take; the answer for a given
    text never changes, so it is parsed once per version of the file, in any process.  A damaged
    file is ignored; two processes writing at once may lose an entry, which is only parsed again.
    """
    digest = hashlib.sha256(f"{FORMAT}\0{what}\0{text}".encode()).hexdigest()
    directory = cache_dir()
    if directory is not None and not _REMEMBERED:
        stored = _read(directory / _REMEMBERED_FILE)
        _REMEMBERED.update(stored if isinstance(stored, dict) else {})
    if digest in _REMEMBERED:
        return _REMEMBERED[digest]
    value = compute()
    if len(_REMEMBERED) >= _REMEMBERED_LIMIT:
        _REMEMBERED.clear()
    _REMEMBERED[digest] = value
    if directory is not None:
        with contextlib.suppress(OSError, pickle.PicklingError, TypeError):
            directory.mkdir(parents=True, exist_ok=True)
            _write(directory / _REMEMBERED_FILE, _REMEMBERED)
    return value


@functools.lru_cache(maxsize=None)
def _closure(module: str, packages: tuple[str, ...] = ()) -> tuple[str, ...]:
    r"""``module`` and every module of the project (and of ``packages``: a pack's own) it imports,
    transitively (sorted)."""
    followed = (*PROJECT_PACKAGES, *packages)
    seen, todo = set(), [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _source_file(name)
        if path is not None:
            todo += sorted(_project_imports(name, path.read_text(encoding="utf-8"), followed) - seen)
    return tuple(sorted(seen))


@functools.lru_cache(maxsize=1)
def _versions() -> str:
    parts = [f"python {sys.version.split()[0]}"]
    for name in _LIBRARIES:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} absent")
    return "; ".join(parts)


def key(module: str, extra_files: tuple[Path, ...] = (), packages: tuple[str, ...] = ()) -> str:
    r"""The cache key of the claim defined in ``module`` (a SHA-256, hex): ``packages`` are the
    top-level packages of the claim's pack, whose imports are followed too."""
    digest = hashlib.sha256(f"smoothcheck-cache {FORMAT}\n{_versions()}\n".encode())
    for name in _closure(module, tuple(sorted(set(packages)))):
        path = _source_file(name)
        digest.update(f"\n--- {name}\n".encode())
        digest.update(path.read_bytes() if path else b"")
    for path in sorted(extra_files):
        digest.update(f"\n--- {path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def _locked(directory: Path, name: str) -> Iterator[None]:
    with open(directory / f"{name}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read(path: Path) -> Any:
    r"""The stored value, or ``None`` when the entry is absent, truncated or corrupted."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    checksum, _, payload = blob.partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a damaged entry is recomputed, never trusted
        return None


def _write(path: Path, value: Any) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _entry(directory: Path, name: str, entry_key: str) -> Path:
    return directory / f"{name}-{entry_key[:32]}.pickle"


def lookup(name: str, entry_key: str) -> Any:
    r"""The value stored under ``name``/``entry_key``, or ``None`` (absent, damaged, or the cache off).

    Reads only: nothing is computed, and nothing is imported beyond what the stored value needs.
    """
    directory = cache_dir()
    return None if directory is None else _read(_entry(directory, name, entry_key))


def store(name: str, entry_key: str, value: Any) -> None:
    r"""Store ``value`` under ``name``/``entry_key`` (atomically; quietly nothing when the cache is
    off or cannot be written), replacing the entries of older keys."""
    directory = cache_dir()
    if directory is None:
        return
    with contextlib.suppress(OSError):
        directory.mkdir(parents=True, exist_ok=True)
        with _locked(directory, name):
            _store(directory, name, entry_key, value)


def _store(directory: Path, name: str, entry_key: str, value: Any) -> None:
    path = _entry(directory, name, entry_key)
    with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError, OSError):
        _write(path, value)
        for stale in directory.glob(f"{name}-*.pickle"):  # entries of older keys are dead weight
            if stale != path:
                stale.unlink(missing_ok=True)


def cached(name: str, entry_key: str, compute: Callable[[], T]) -> T:
    r"""``compute()``, stored under ``name``/``entry_key``; reused while the key is unchanged.

    With the cache off, or a value that cannot be stored, it is simply computed.
    """
    directory = cache_dir()
    if directory is None:
        return compute()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return compute()
    with _locked(directory, name):
        stored = _read(_entry(directory, name, entry_key))
        if stored is not None:
            return stored
        value = compute()
        _store(directory, name, entry_key, value)
        return value
