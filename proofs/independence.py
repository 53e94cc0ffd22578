r"""The independence rule, checked for every pack: its numeric mirror shares no code with SymPy.

A numeric mirror counts as evidence only because it computes the same quantity
from first principles.  A pack names its mirror and its symbolic part in its
``__init__.py`` (read, not run):

.. code-block:: python

    MIRROR = ("numeric",)      # modules or packages; default: the pack's numeric*/mirror* modules
    SYMBOLIC = ("symbolic",)   # default: the pack's symbolic* modules

:func:`mirror_violations` reads the ``import`` statements of every mirror
module (function-level ones included), follows imports into the pack and into
the mirror transitively, and reports each path that reaches SymPy, the
smoothcheck engine (``proofs``, which imports SymPy) or the symbolic part.
The project's own ``numeric/`` is also held to this by import-linter
contracts in ``pyproject.toml``.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

from proofs.registry import Pack, _declaration

#: Always forbidden in a mirror: SymPy itself, and the engine (it imports SymPy).
FORBIDDEN = ("sympy", "proofs", "symbolic")


def _module_file(name: str, pack: Pack) -> Path | None:
    r"""The source file of module ``name`` without running it where it is the pack's own."""
    if name == pack.package or name.startswith(pack.package + "."):
        rest = name[len(pack.package):].lstrip(".").split(".") if name != pack.package else []
        base = pack.folder.joinpath(*rest) if rest else pack.folder
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    origin = getattr(spec, "origin", None) if spec else None
    return Path(origin) if origin and origin.endswith(".py") else None


def _imports(path: Path, module: str) -> list[tuple[str, int]]:
    r"""``(imported module, line)`` for every import statement of the file (relative ones resolved)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.append((base, node.lineno))
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def _own(pack: Pack, prefixes: tuple[str, ...]) -> list[str]:
    r"""The pack's modules whose file name starts with one of ``prefixes`` (as module names)."""
    return sorted(f"{pack.package}.{p.stem}" for p in pack.folder.glob("*.py") if p.stem.startswith(prefixes))


def mirror_and_symbolic(pack: Pack) -> tuple[list[str], list[str]]:
    r"""The module names of the pack's mirror and of its symbolic part (declared, else by file name)."""
    declared = _declaration(pack.folder / "__init__.py")
    mirror = list(declared.get("MIRROR") or _own(pack, ("numeric", "mirror")))
    symbolic = list(declared.get("SYMBOLIC") or _own(pack, ("symbolic",)))
    return mirror, symbolic


def _within(name: str, roots: list[str]) -> bool:
    return any(name == r or name.startswith(r + ".") for r in roots)


def mirror_violations(pack: Pack) -> list[str]:
    r"""One line per import path from the pack's mirror to SymPy, the engine or the symbolic part."""
    mirror, symbolic = mirror_and_symbolic(pack)
    forbidden = [*FORBIDDEN, *symbolic]
    problems: list[str] = []
    todo: list[tuple[str, tuple[str, ...]]] = [(m, (m,)) for m in mirror]
    for root in mirror:  # a mirror package: every module in it
        path = _module_file(root, pack)
        if path is not None and path.name == "__init__.py":
            todo += [(f"{root}.{p.stem}", (f"{root}.{p.stem}",)) for p in sorted(path.parent.glob("*.py"))
                     if p.name != "__init__.py"]
    seen: set[str] = set()
    while todo:
        name, chain = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        path = _module_file(name, pack)
        if path is None:
            continue
        for imported, line in _imports(path, name):
            if _within(imported, forbidden):
                problems.append(f"{' -> '.join(chain)} imports {imported} ({path}:{line})")
            elif _within(imported, [pack.package, *mirror]) and imported not in seen:
                todo.append((imported, (*chain, imported)))
    return sorted(set(problems))
