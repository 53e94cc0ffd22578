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
from pathlib import Path

from proofs.cache import source_file
from proofs.errors import BadInput
from proofs.registry import Pack, _declaration

#: Always forbidden in a mirror: SymPy itself, and the engine (it imports SymPy).
FORBIDDEN = ("sympy", "proofs", "symbolic")


def _module_file(name: str, pack: Pack) -> Path | None:
    r"""The source file of module ``name``, found without running it: the pack's own modules
    through its folder (a folder pack need not be on ``sys.path``), others as the verdict cache
    finds them (:func:`proofs.cache.source_file`: the top-level spec, then folders)."""
    if name == pack.package or name.startswith(pack.package + "."):
        rest = name[len(pack.package):].lstrip(".")
        base = pack.folder.joinpath(*rest.split(".")) if rest else pack.folder
        for candidate in (base / "__init__.py", base.with_suffix(".py")):
            if candidate.is_file():
                return candidate
        return None
    path = source_file(name)
    return path if path is not None and path.is_file() else None


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


def _declared(pack: Pack, declared: dict[str, object], field: str) -> list[str] | None:
    r"""``MIRROR`` or ``SYMBOLIC`` as module names (``None`` when not declared): a name that is a
    module of the pack (``numeric_thm_1``) means that module, any other an importable one
    (``numeric``: the project's shared mirror)."""
    if field not in declared:
        return None
    names = declared[field]
    if isinstance(names, str) or not isinstance(names, (tuple, list)) or not all(isinstance(n, str) and n for n in names):
        raise BadInput(f"{pack.folder / '__init__.py'}: {field} must be a tuple of module names, got {names!r}")
    own = lambda n: (pack.folder / f"{n.replace('.', '/')}.py").is_file() or \
        (pack.folder / n.replace(".", "/") / "__init__.py").is_file()  # noqa: E731
    return [f"{pack.package}.{n}" if own(n) else n for n in names]


def mirror_and_symbolic(pack: Pack) -> tuple[list[str], list[str]]:
    r"""The module names of the pack's mirror and of its symbolic part (declared, else by file name)."""
    declared = _declaration(pack.folder / "__init__.py")
    mirror = _declared(pack, declared, "MIRROR")
    symbolic = _declared(pack, declared, "SYMBOLIC")
    return (_own(pack, ("numeric", "mirror")) if mirror is None else mirror,
            _own(pack, ("symbolic",)) if symbolic is None else symbolic)


def _within(name: str, roots: list[str]) -> bool:
    return any(name == r or name.startswith(r + ".") for r in roots)


def _modules_of(root: str, path: Path) -> list[str]:
    r"""A mirror package's modules, sub-packages included (a module: itself)."""
    if path.name != "__init__.py":
        return [root]
    folder = path.parent
    return [root] + [".".join([root, *p.relative_to(folder).with_suffix("").parts[:-1 if p.name == "__init__.py" else None]])
                     for p in sorted(folder.rglob("*.py")) if p != path]


def mirror_violations(pack: Pack) -> list[str]:
    r"""One line per import path from the pack's mirror to SymPy, the engine or the symbolic part.

    Imports into the pack itself (its helpers, its ``__init__``) and into the mirror are followed:
    a mirror that reaches SymPy through a pack helper is as dependent as one that imports it.
    A declared mirror module that cannot be found is a violation too: what cannot be read cannot
    be shown independent.
    """
    mirror, symbolic = mirror_and_symbolic(pack)
    forbidden = [*FORBIDDEN, *symbolic]
    # The packages above the pack run when it is imported (``proofs/__init__`` for ``proofs.katende``).
    parents = [".".join(pack.package.split(".")[:i]) for i in range(1, pack.package.count(".") + 1)]
    problems: list[str] = []
    todo: list[tuple[str, tuple[str, ...]]] = []
    for root in mirror:
        path = _module_file(root, pack)
        if path is None:
            problems.append(f"mirror module {root} (declared in {pack.folder / '__init__.py'}) not found")
            continue
        todo += [(name, (name,)) for name in _modules_of(root, path)]
    seen: set[str] = set()
    while todo:
        name, chain = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        path = _module_file(name, pack)
        if path is None:
            continue
        try:
            imports = _imports(path, name)
        except (SyntaxError, UnicodeDecodeError, OSError) as exc:
            problems.append(f"{' -> '.join(chain)}: cannot be read ({type(exc).__name__}: {exc})")
            continue
        for imported, line in imports:
            if _within(imported, symbolic):
                problems.append(f"{' -> '.join(chain)} imports {imported} ({path}:{line})")
            elif _within(imported, [pack.package, *mirror]) or imported in parents:
                # followed: the module, and the packages above it inside the pack (their __init__ runs)
                steps = imported.split(".")
                for i in range(len(steps), 0, -1):
                    inner = ".".join(steps[:i])
                    if inner not in seen and (_within(inner, [pack.package, *mirror]) or inner in parents):
                        todo.append((inner, (*chain, inner)))
            elif _within(imported, forbidden):
                problems.append(f"{' -> '.join(chain)} imports {imported} ({path}:{line})")
    return sorted(set(problems))
