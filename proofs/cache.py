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
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    origin = getattr(spec, "origin", None) if spec else None
    return Path(origin) if origin and origin.endswith(".py") else None


def _project_imports(module: str, source: str, packages: tuple[str, ...] = PROJECT_PACKAGES) -> set[str]:
    r"""Modules of ``packages`` named by the ``import`` statements of ``source`` (anywhere in it)."""
    found: set[str] = set()
    package = module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            if name.split(".")[0] in packages and _source_file(name) is not None:
                found.add(name)
    return found


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
    path = directory / f"{name}-{entry_key[:32]}.pickle"
    with _locked(directory, name):
        stored = _read(path)
        if stored is not None:
            return stored
        value = compute()
        with contextlib.suppress(pickle.PicklingError, TypeError, AttributeError, OSError):
            _write(path, value)
            for stale in directory.glob(f"{name}-*.pickle"):  # entries of older keys are dead weight
                if stale != path:
                    stale.unlink(missing_ok=True)
        return value
