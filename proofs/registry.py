r"""The registry of claims: every module ``proofs/<paper>_<kind>_<label>.py``.

A claim module exposes one public function, ``theorem() -> Claim``.  Modules
are discovered by name, so adding a theorem is adding a file; the claim id is
the module name with its first ``_`` turned into a dot (``katende_thm_1`` ->
``katende.thm_1``).  Claims are listed in paper order, then in label order.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re

import proofs
from proofs import cache
from proofs.engine import Claim, ClaimReport, assemble, run_checks, validate_claim
from proofs.errors import BadInput, InconsistentClaim

PAPERS = ("katende", "cooper", "kumar")
_MODULE = re.compile(r"^(katende|cooper|kumar)_[a-z0-9_]+$")


def module_name(claim_id: str) -> str:
    r"""``katende.thm_1`` -> ``katende_thm_1``.

    >>> module_name("kumar.prop_b_2")
    'kumar_prop_b_2'
    """
    return claim_id.replace(".", "_", 1)


def claim_id(module: str) -> str:
    r"""``katende_thm_1`` -> ``katende.thm_1``.

    >>> claim_id("cooper_lemma_9")
    'cooper.lemma_9'
    """
    return module.replace("_", ".", 1)


def _label_key(name: str) -> tuple:
    parts = re.split(r"(\d+)", name)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


@functools.cache
def claim_ids() -> tuple[str, ...]:
    r"""Every registered claim id, in paper order then label order."""
    names = [m.name for m in pkgutil.iter_modules(proofs.__path__) if _MODULE.match(m.name)]
    names.sort(key=lambda n: (PAPERS.index(n.split("_")[0]), _label_key(n)))
    return tuple(claim_id(n) for n in names)


def get_claim(cid: str) -> Claim:
    r"""The claim with id ``cid``; :class:`BadInput` if there is none."""
    if cid not in claim_ids():
        raise BadInput(f"unknown claim id {cid!r} (see 'smoothcheck list')")
    return _build(cid)


@functools.cache
def _build(cid: str) -> Claim:
    module = importlib.import_module(f"proofs.{module_name(cid)}")
    claim = module.theorem()
    if claim.id != cid:
        raise InconsistentClaim(f"module proofs/{module_name(cid)}.py defines claim {claim.id!r}, expected {cid!r}")
    validate_claim(claim, outline=_outline(module.__doc__ or ""))
    return claim


def _outline(docstring: str) -> str | None:
    r"""The "Proof outline:" part of a claim module's docstring (up to "Review notes:")."""
    parts = docstring.split("Proof outline:", 1)
    return parts[1].split("Review notes:", 1)[0] if len(parts) == 2 else None


@functools.cache
def report(cid: str) -> ClaimReport:
    r"""The checked claim: from the verdict cache (:mod:`proofs.cache`) while nothing it depends
    on has changed, else checked now (and kept for the process: checking is deterministic)."""
    claim = get_claim(cid)
    module = f"proofs.{module_name(cid)}"
    results = cache.cached(cid, cache.key(module, _data_files()), lambda: run_checks(claim))
    return assemble(claim, *results)


def _data_files() -> tuple:
    from pathlib import Path

    return tuple(sorted((Path(proofs.__file__).parent / "data").glob("*")))


def select(ids: list[str] | None = None, paper: str | None = None) -> list[str]:
    r"""Claim ids named by the user, or all (of one paper); :class:`BadInput` on an unknown one."""
    if paper is not None and paper not in PAPERS:
        raise BadInput(f"unknown paper {paper!r} (one of {', '.join(PAPERS)})")
    chosen = list(ids) if ids else [c for c in claim_ids() if paper is None or c.startswith(paper + ".")]
    for cid in chosen:
        get_claim(cid)
    return chosen
