r"""Toy claim packs written into a temporary folder, for the registry, plugin and independence tests.

A pack is a folder whose ``__init__.py`` sets ``PACK``; each claim module defines ``theorem()``.
The claims are tiny (one-line polynomial identities), so checking them costs milliseconds:

* ``GOOD``     x^2 - 1 = (x - 1)(x + 1): one step, proved;
* ``ERRATUM``  a printed step (x + 1)^2 = x^2 + 1 that fails at an exact point, its repair
               (x + 1)^2 = x^2 + 2x + 1 that holds, and an assumption ``A1`` whose necessity
               check is itself a step;
* ``FAILING``  x^2 = x: a printed step that fails with no repair;
* ``UNDECIDED`` a step whose oracles disagree (neither a proof nor a counterexample).
"""

from __future__ import annotations

from pathlib import Path

#: ``{pack}`` and ``{stem}`` are filled by :func:`claim_source`.
GOOD = '''\
"""Toy: a difference of squares.

Proof outline: `factor`.
"""
import sympy as sp

from proofs.engine import Claim, Equality

x = sp.Symbol("x", real=True)


def theorem() -> Claim:
    return Claim(id="{pack}.{stem}", paper="{pack}", label="{stem}", section="1", title="Factoring",
                 statement="x^2 - 1 = (x - 1)(x + 1)", reference="Toy",
                 assumptions=(), steps=(Equality(label="factor", latex="", lhs=lambda: x**2 - 1, rhs=(x - 1) * (x + 1)),))
'''

ERRATUM = '''\
"""Toy: a printed square that is wrong, and its repair.

Proof outline: `factor`, `printed_square`, `repaired_square`.
"""
import sympy as sp

from proofs.engine import Assumption, Claim, Equality, Necessity

x = sp.Symbol("x", real=True)


def theorem() -> Claim:
    a1 = Assumption("A1", "x real", "x \\\\in R",
                    necessity=Necessity("necessary", "shown by a step",
                                        check=Equality(label="a1_check", latex="", lhs=lambda: x**3 - x,
                                                       rhs=x * (x - 1) * (x + 1))))
    return Claim(id="{pack}.{stem}", paper="{pack}", label="{stem}", section="1", title="Squares",
                 statement="(x + 1)^2 = x^2 + 1", reference="Toy", assumptions=(a1,),
                 steps=(Equality(label="factor", latex="", lhs=lambda: x**2 - 1, rhs=(x - 1) * (x + 1)),
                        Equality(label="printed_square", latex="", lhs=lambda: (x + 1)**2, rhs=x**2 + 1),
                        Equality(label="repaired_square", latex="", lhs=lambda: (x + 1)**2, rhs=x**2 + 2 * x + 1,
                                 repairs="printed_square")))
'''

FAILING = '''\
"""Toy: a printed step that fails, with no repair.

Proof outline: `wrong`.
"""
import sympy as sp

from proofs.engine import Claim, Equality

x = sp.Symbol("x", real=True)


def theorem() -> Claim:
    return Claim(id="{pack}.{stem}", paper="{pack}", label="{stem}", section="1", title="Wrong",
                 statement="x^2 = x", reference="Toy", assumptions=(),
                 steps=(Equality(label="wrong", latex="", lhs=lambda: x**2, rhs=x),))
'''

UNDECIDED = '''\
"""Toy: a step whose oracles disagree.

Proof outline: `torn`.
"""
from proofs.engine import Check, Claim, StepResult


def theorem() -> Claim:
    return Claim(id="{pack}.{stem}", paper="{pack}", label="{stem}", section="1", title="Torn",
                 statement="?", reference="Toy", assumptions=(),
                 steps=(Check(label="torn", latex="", run_check=lambda: StepResult(
                     False, "undecided", "two-oracles", "oracle one says yes, oracle two says no")),))
'''


def claim_source(template: str, pack: str, stem: str) -> str:
    r"""A claim module's text: ``template`` with its claim id ``pack.stem``."""
    return template.replace("{pack}", pack).replace("{stem}", stem)


def write_pack(folder: Path, pack: str | None, claims: dict[str, str], *, init: str = "",
               files: dict[str, str] | None = None) -> Path:
    r"""Write a pack folder: ``__init__.py`` setting ``PACK = pack`` (none when ``pack`` is ``None``)
    plus ``init``; one module per ``claims`` entry (stem -> template); ``files`` written as given."""
    folder.mkdir(parents=True, exist_ok=True)
    head = f'"""The toy pack {pack}."""\n' + (f"PACK = {pack!r}\n" if pack is not None else "")
    (folder / "__init__.py").write_text(head + init, encoding="utf-8")
    for stem, template in claims.items():
        (folder / f"{stem}.py").write_text(claim_source(template, pack or "nopack", stem), encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder
