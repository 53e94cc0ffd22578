r"""``smoothcheck new PAPER KIND LABEL``: a new claim, its numeric mirror and its tests, from templates.

Writes into the pack folder ``DIR`` (``--into DIR``; default ``./PAPER``):

==================================  ==============================================
file                                holds
==================================  ==============================================
``DIR/__init__.py``                 the pack: ``PACK``, ``TITLE``, ``ORDER``
                                    (written only when ``DIR`` is not yet a pack)
``DIR/<kind>_<label>.py``           the claim ``PAPER.<kind>_<label>``
``DIR/numeric_<kind>_<label>.py``   its numeric mirror (no SymPy, no ``proofs``)
``DIR/tests/__init__.py``           makes ``tests`` a sub-package, so the tests
                                    import the pack by relative imports
``DIR/tests/test_<kind>_<label>.py``  the claim's tests
==================================  ==============================================

The tests live in a ``tests`` sub-package of the pack, not beside it: pytest then
imports them as ``PAPER.tests.test_...`` with the pack's parent folder on
``sys.path``, with no configuration, wherever the pack is (a folder, or an
installed package).  The registry reads only the pack folder's own ``*.py``
files, so ``tests/`` is never taken for claims.

The generated claim is small and real: :math:`f(x)=x^3/3-x` has :math:`f'=x^2-1`,
:math:`f''=2x`, and is 2-smooth on :math:`[-1,1]` (:math:`|f''|\le2`), checked
symbolically (SymPy, Z3) and against the mirror (exact dual numbers).  It checks
green as generated; its tests show the checker rejecting wrong versions (a wrong
Hessian, the constant 1).  Replace it with your claim, keeping the layout.

Names must be lower-case identifiers (``PAPER`` and ``KIND`` start with a letter;
``LABEL`` may start with a digit: ``thm 1``, ``prop b_2``).  An existing file is
never overwritten: one line on stderr, exit status 2, nothing written.
"""

from __future__ import annotations

import keyword
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from proofs.errors import BadInput

__all__ = ["KIND_NAMES", "Scaffold", "new_claim", "plan"]

_PAPER = re.compile(r"^[a-z][a-z0-9_]*$")
_KIND = re.compile(r"^[a-z][a-z0-9]*$")
_LABEL = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
#: Names a pack folder may not take: it goes first on ``sys.path`` and would shadow these.
_RESERVED = frozenset({"proofs", "numeric", "symbolic", "sympy", "mpmath", "numpy", "z3", "tests", "test",
                       "pytest", "hypothesis", "flint", "smoothcheck"}) | frozenset(sys.stdlib_module_names)
#: How a kind is spelled in the claim's label (``thm`` -> ``Theorem 1``); other kinds are capitalized.
KIND_NAMES = {"thm": "Theorem", "theorem": "Theorem", "prop": "Proposition", "lemma": "Lemma",
              "cor": "Corollary", "corollary": "Corollary", "remark": "Remark", "example": "Example",
              "def": "Definition", "assumption": "Assumption", "claim": "Claim", "eq": "Equation"}


@dataclass(frozen=True)
class Scaffold:
    r"""What ``new`` writes: ``files`` maps each path to its text, in the order written."""

    claim_id: str
    pack_folder: Path
    files: dict[Path, str]


def _check_names(paper: str, kind: str, label: str) -> None:
    for what, value, pattern, rule in (
            ("PAPER", paper, _PAPER, "a lower-case identifier such as 'mypaper'"),
            ("KIND", kind, _KIND, "lower-case letters and digits such as 'thm', 'lemma', 'prop'"),
            ("LABEL", label, _LABEL, "lower-case letters, digits and single underscores such as '1' or 'b_2'")):
        if not pattern.match(value):
            raise BadInput(f"new: {what} {value!r} is not {rule}")
    if keyword.iskeyword(paper) or paper in _RESERVED:
        raise BadInput(f"new: PAPER {paper!r} would shadow the Python module of that name: choose another")


def _pack_name(folder: Path) -> str | None:
    r"""The ``PACK`` of an existing pack folder, ``None`` where ``folder`` is not a package yet;
    :class:`BadInput` for a package that is not a pack (its ``__init__.py`` is not ours to change)."""
    from proofs.registry import _declaration

    init = folder / "__init__.py"
    if not init.exists():
        return None
    name = _declaration(init).get("PACK")
    if name is None:
        raise BadInput(f"new: {folder} is a Python package but not a claim pack (its __init__.py sets no PACK); "
                       "choose another folder with --into")
    return str(name)


def plan(paper: str, kind: str, label: str, into: str | Path | None = None) -> Scaffold:
    r"""The files ``new`` would write (nothing is written); :class:`BadInput` on a bad name, a folder
    that is another pack, or a file that exists already."""
    _check_names(paper, kind, label)
    folder = Path(into if into is not None else paper).expanduser()
    if folder.exists() and not folder.is_dir():
        raise BadInput(f"new: {str(folder)!r} is a file, not a folder")
    if folder.name and not folder.resolve().name.isidentifier():
        raise BadInput(f"new: the pack folder name {folder.resolve().name!r} is not a Python module name "
                       f"(name the folder {paper!r})")
    existing = _pack_name(folder) if folder.is_dir() else None
    if existing is not None and existing != paper:
        raise BadInput(f"new: {folder} is the pack {existing!r}, not {paper!r}")
    module = f"{kind}_{label}"
    words = {"__PAPER__": paper, "__KIND__": kind, "__LABEL__": label, "__MODULE__": module,
             "__CLAIM_LABEL__": f"{KIND_NAMES.get(kind, kind.capitalize())} {label.replace('_', '.')}"}
    files: dict[Path, str] = {}
    if existing is None:
        files[folder / "__init__.py"] = _fill(PACK_TEMPLATE, words)
    files[folder / f"{module}.py"] = _fill(CLAIM_TEMPLATE, words)
    files[folder / f"numeric_{module}.py"] = _fill(MIRROR_TEMPLATE, words)
    if not (folder / "tests" / "__init__.py").exists():
        files[folder / "tests" / "__init__.py"] = _fill(TESTS_INIT_TEMPLATE, words)
    files[folder / "tests" / f"test_{module}.py"] = _fill(TEST_TEMPLATE, words)
    taken = [p for p in files if p.exists()]
    if taken:
        raise BadInput(f"new: {taken[0]} exists already (never overwritten): choose another KIND or LABEL")
    return Scaffold(f"{paper}.{module}", folder, files)


def new_claim(paper: str, kind: str, label: str, into: str | Path | None = None) -> Scaffold:
    r"""Write the files of :func:`plan`; nothing is written when any of them would be refused.

    A file that appears between the check and the write (another process) is still not
    overwritten: files are opened with ``x`` (create only).
    """
    scaffold = plan(paper, kind, label, into)
    for path, text in scaffold.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8") as out:
                out.write(text)
        except FileExistsError:
            raise BadInput(f"new: {path} exists already (never overwritten)") from None
        except OSError as exc:
            raise BadInput(f"new: cannot write {path}: {exc.strerror or exc}") from None
    return scaffold


def _fill(template: str, words: dict[str, str]) -> str:
    for token, word in words.items():
        template = template.replace(token, word)
    return template


# ---------------------------------------------------------------- templates

PACK_TEMPLATE = '''\
r"""The claims pack ``__PAPER__``: one module per claim, ``<kind>_<label>.py`` -> ``__PAPER__.<kind>_<label>``.

Replace this line with the paper: authors, title, where it appeared.
"""

#: The claim-id prefix of this pack (``__PAPER__.__MODULE__``).
PACK = "__PAPER__"
#: The paper, as documents head its part (edit: authors, title).
TITLE = "__PAPER__"
#: The claims in the order the paper states them (modules not listed follow in label order).
ORDER = ("__MODULE__",)
'''

CLAIM_TEMPLATE = '''\
r"""__PAPER__, __CLAIM_LABEL__: f(x) = x^3/3 - x is 2-smooth on [-1, 1] (a placeholder: replace it).

Reference: [__PAPER__, Sec. ?, __CLAIM_LABEL__]

Statement:   For f(x) = x^3/3 - x: f'(x) = x^2 - 1, f''(x) = 2x, and |f''(x)| <= 2 on [-1, 1].
Assumptions: none
Proof outline:
  1. `gradient`                     f'(x) = x^2 - 1               (SymPy: the difference is 0)
  2. `hessian`                      f''(x) = 2x                   (SymPy)
  3. `hessian_agrees_with_mirror`   2x = the mirror's f'' (exact dual numbers) at 5 points
  4. `smooth_with_constant_2`       |f''(x)| <= 2 on [-1, 1]      (Z3 on the whole interval)
Review notes: a placeholder generated by `smoothcheck new`; the outline names every step label in
backticks, and the checker refuses an outline that names a step the claim does not have.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs.api import Claim, Equality, Inequality, NumericAgreement

from . import numeric___MODULE__ as mirror

ID = "__PAPER__.__MODULE__"
x = sp.Symbol("x", real=True)


def f() -> sp.Expr:
    r""":math:`f(x) = x^3/3 - x`."""
    return x**3 / 3 - x


def hessian_closed_form(point: Fraction) -> sp.Expr:
    r"""The printed :math:`f''(x) = 2x` at ``point`` (exact)."""
    return (2 * x).subs(x, sp.Rational(point.numerator, point.denominator))


def _steps() -> list:
    return [
        Equality(label="gradient", latex=r"f'(x) = x^2 - 1",
                 lhs=lambda: sp.diff(f(), x), rhs=x**2 - 1,
                 justification="Differentiate x^3/3 - x."),
        Equality(label="hessian", latex=r"f''(x) = 2x",
                 lhs=lambda: sp.diff(f(), x, 2), rhs=2 * x,
                 justification="Differentiate f'(x) = x^2 - 1."),
        NumericAgreement(label="hessian_agrees_with_mirror", printed=False,
                         latex=r"2x = f''(x)\\ \\text{(independent mirror)}",
                         closed_form=hessian_closed_form, mirror=mirror.second_derivative,
                         points=[Fraction(k, 4) for k in range(-4, 5, 2)],
                         justification="The mirror differentiates f itself with exact dual numbers."),
        Inequality(label="smooth_with_constant_2", role="statement",
                   latex=r"|f''(x)| \\le 2 \\quad (-1 \\le x \\le 1)",
                   lhs=lambda: sp.Abs(sp.diff(f(), x, 2)), rhs=2, domain={x: (-1, 1)}, box_is_domain=True,
                   justification="|2x| <= 2 for |x| <= 1; the interval is the claim's whole domain."),
    ]


def theorem() -> Claim:
    r"""__CLAIM_LABEL__ of __PAPER__ with its proof, step by step."""
    return Claim(
        id=ID, paper="__PAPER__", label="__CLAIM_LABEL__", section="?",
        title="x^3/3 - x is 2-smooth on [-1, 1] (placeholder)",
        statement=r"For $f(x) = x^3/3 - x$ we have $|f''(x)| \\le 2$ for all $x \\in [-1, 1]$.",
        reference="__PAPER__, __CLAIM_LABEL__",
        assumptions=[], steps=_steps(),
    )
'''

MIRROR_TEMPLATE = '''\
r"""The numeric mirror of ``__PAPER__.__MODULE__``: f(x) = x^3/3 - x from first principles.

Independent of the symbolic side: no SymPy, no ``proofs`` (the pack's mirror
independence check fails otherwise).  Helpers come from ``numeric.mirror``.
"""

from __future__ import annotations

from fractions import Fraction

from numeric.mirror import derivatives, power


def f(u):
    r""":math:`u^3/3 - u`, for rationals and dual numbers alike."""
    return Fraction(1, 3) * power(u, 3) - u


def second_derivative(point: Fraction) -> Fraction:
    r""":math:`f''(x)`, exactly (nested dual numbers: no rounding).

    >>> second_derivative(Fraction(1, 2))
    Fraction(1, 1)
    """
    return derivatives(f, point)[2]
'''

TESTS_INIT_TEMPLATE = '''\
r"""Tests of the ``__PAPER__`` pack (a sub-package: pytest imports the pack by relative imports)."""
'''

TEST_TEMPLATE = '''\
r"""__PAPER__.__MODULE__: the claim checks green, and the checker rejects wrong versions of it."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs.api import Equality, Inequality, check_claim

from .. import numeric___MODULE__ as mirror
from ..__MODULE__ import f, theorem, x


def test_claim_is_verified_and_proved():
    report = check_claim(theorem())
    assert report.ok and report.status == "verified", report.failures
    assert report.evidence == "confirmed"  # the mirror step is sampled; the rest is proved


def test_every_wrong_version_of_each_step_is_rejected():
    for step in theorem().steps:
        for wrong in step.mutants():
            assert not wrong.run().ok, wrong.label


def test_a_wrong_hessian_is_rejected_with_a_counterexample():
    result = Equality(label="wrong", latex="", lhs=lambda: sp.diff(f(), x, 2), rhs=3 * x).run()
    assert not result.ok and result.counterexample


def test_the_constant_1_is_refuted():
    result = Inequality(label="wrong", latex="", lhs=lambda: sp.Abs(sp.diff(f(), x, 2)), rhs=1,
                        domain={x: (-1, 1)}, box_is_domain=True).run()
    assert not result.ok and result.counterexample


def test_mirror_gives_the_exact_second_derivative():
    assert mirror.second_derivative(Fraction(3, 4)) == Fraction(3, 2)
'''
