r"""Benchmark: code-level mutation testing of smoothcheck's own modules.

A mutant is the module with one small change (a flipped comparison, a swapped
operator, a changed constant, a removed ``not``, a dropped ``raise``, a
``return None``); it is *killed* when the module's mirrored tests fail on it.
The score is killed / (killed + survived + timed out): the share of wrong
versions of the code that the tests tell from the right one.  Targets: at least
90 % overall and 95 % in the engine (``proofs/engine.py``, ``steps.py``,
``values.py``, ``enclosure.py``); see ``docs/MUTATION.md`` for the operators,
the equivalent mutants and the last run.

Run::

    python benchmarks/bench_mutation.py                        # the engine, every mutant
    /work/torchvenv/bin/python benchmarks/bench_mutation.py --modules symbolic,numeric,claims \
        --sample 4 --seed 2 --jobs 2 --include benchmarks/results/mutation.json \
        --output benchmarks/results/mutation-estimate.json
                 # the overall estimate: 4 mutants per module, the engine's full run included,
                 # stratified (per module: population x sample score) with a 95 % interval
    python benchmarks/bench_mutation.py --modules proofs/values.py --list   # the mutants only
    python benchmarks/bench_mutation.py --rerun benchmarks/results/mutation.json
                 # only the survivors of the recorded run, merged into it (killed adds up)

For each module only its mirrored tests run: ``tests/proofs/test_<m>.py`` (and
``test_<m>_*.py``), ``tests/proofs/<paper>/test_<label>.py``,
``tests/symbolic/test_<m>.py``, ``tests/numeric/test_<m>.py`` (each with its
``test_<m>_*.py``, e.g. ``test_<m>_mutants.py``; a range file ``test_prop_b_6_to_10.py``
answers for ``prop_b_6`` ... ``prop_b_10``), the engine's
``tests/proofs/test_engine_mutants.py``, the module's doctests and, for a claim
module, its claim items (the pytest plugin).  For a module of a pack (a claim
module, or one its claims import, such as ``proofs/cooper/ray.py``) or of ``symbolic/`` or
``numeric/`` also the
recorded review of each claim it feeds: that claim's section of ``docs/REVIEW.md``
(``test_each_claims_section_of_the_review_is_current[<id>]``, a deep test run by
naming it), so that a mutant changing what a referee reads (a verdict, a step's
evidence or detail, a counterexample, a scope, a note) is caught as the stale
review it makes; its entry of ``docs/review.json`` (``test_each_claims_review_data_is_current[<id>]``:
the same review as data, with what the Markdown leaves out, such as the cases a witness was verified at and
the points a mirror step compared at); and the recorded outputs of each such claim, its section of ``docs/OUTPUTS.md``
(``test_each_claims_outputs_are_current[<id>]``: what ``derive``, ``witness`` and ``plot`` give, with a
transcript of each figure's data), so that a mutant changing a closed form, a witness or a plotted curve
is caught too; and that claim's sweep of wrong versions (``tests/proofs/test_mutants.py``: every wrong
version of every passing step and of every necessity check rejected, as CI's deep run checks), so that a
mutant that makes a wrong version pass is caught.  Mutants are written into
temporary copies of the repository (one per job; the working tree is never
touched), with the copy first on ``sys.path`` and ``SMOOTHCHECK_NO_CACHE=1``
so no cached verdict hides a mutant.  The heavy libraries (SymPy, NumPy, z3,
pytest) are imported once and each mutant's pytest run is a fork of that
process, which never imported the project itself.  Each run has a timeout of
``max(--timeout, 4 x the unmutated run)``; the unmutated run must pass before
any mutant counts.  Hypothesis runs the ``ci`` profile without its shrink phase (a
failing example kills the mutant; shrinking it only costs time).  A module whose tests
need a missing optional package (``numeric/torch_reference.py``: torch) is excluded and
said to be, never counted as survivors.  With ``--sample`` each row records its
population (every mutant of the module) and the run prints a stratified estimate over
all mutants with a 95 % interval (:func:`stratified`).  Results go to
``benchmarks/results/mutation.json``.
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ["proofs/engine.py", "proofs/steps.py", "proofs/values.py", "proofs/enclosure.py"]
PACKS = ["katende", "cooper", "kumar"]
RESULTS = ROOT / "benchmarks" / "results" / "mutation.json"
# Modules whose tests need an optional extra: without it they skip, and a skipped test kills nothing,
# so these modules are excluded (and said to be) rather than counted as all survivors.
NEEDS = {"numeric/torch_reference.py": "torch"}
_IGNORE = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", ".hypothesis", "results",
                                 ".pytest_cache", "*.pyc")


# ---------------------------------------------------------------------------------------------- mutants

@dataclass(frozen=True)
class Mutant:
    r"""One change: source span ``[start, end)`` (offsets in the module's text) replaced by ``new``."""

    module: str
    line: int
    operator: str
    start: int
    end: int
    old: str
    new: str

    def apply(self, text: str) -> str:
        return text[:self.start] + self.new + text[self.end:]


_COMPARE = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
            ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_BINARY = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
           ast.Pow: ast.Mult, ast.Mod: ast.FloorDiv}
_BOOL = {ast.And: ast.Or, ast.Or: ast.And}


def _offsets(text: str) -> list[int]:
    r"""Offset of the start of each line (1-based line numbers index it as ``[line - 1]``)."""
    starts, total = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(total)
        total += len(line)
    return starts + [total]


#: Matplotlib calls whose styling keywords (below) are not mutated: a line's width or a marker's size
#: in a figure is no claim, and no test should pin it.  Only these keywords of only these calls.
_PLOT_CALLS = {"plot", "loglog", "semilogx", "semilogy", "scatter", "axhline", "axvline", "axhspan", "axvspan",
               "fill_between", "legend", "subplots", "figure", "savefig", "text", "annotate", "grid", "hist",
               "tight_layout", "set_title", "set_xlabel", "set_ylabel", "step", "bar", "errorbar", "colorbar"}
_STYLE_KEYWORDS = {"lw", "linewidth", "ms", "markersize", "alpha", "fontsize", "figsize", "dpi", "color", "zorder",
                   "pad", "labelpad", "ncol", "frameon", "capsize", "rotation", "s", "marker", "ls", "linestyle",
                   "markevery", "bbox_inches", "loc", "framealpha", "handlelength", "width"}


def _skipped_nodes(tree: ast.AST) -> set[int]:
    r"""Nodes never mutated: annotations, docstrings, ``__all__``, ``if TYPE_CHECKING`` blocks (a change
    there changes no behaviour the tests could see) and the styling keywords of plotting calls."""
    skip: set[int] = set()

    def mark(node):
        for sub in ast.walk(node):
            skip.add(id(sub))

    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for arg in node.args.args + node.args.kwonlyargs + node.args.posonlyargs:
                if arg.annotation is not None:
                    mark(arg.annotation)
            if node.returns is not None:
                mark(node.returns)
        if isinstance(node, ast.AnnAssign):
            mark(node.annotation)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                mark(first)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            mark(node)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            mark(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _PLOT_CALLS:
            for keyword in node.keywords:
                if keyword.arg in _STYLE_KEYWORDS:
                    mark(keyword.value)
    return skip


def _variants(node: ast.AST) -> list[tuple[str, str]]:
    r"""``(operator, replacement text)`` for each mutant of one node; expressions come parenthesised
    so that the replacement reads the same wherever the node stood."""
    import copy

    def expr(new: ast.AST) -> str:
        return "(" + ast.unparse(new) + ")"

    out: list[tuple[str, str]] = []
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in _COMPARE:
                new = copy.deepcopy(node)
                new.ops[i] = _COMPARE[type(op)]()
                out.append(("compare", expr(new)))
    elif isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        new = copy.deepcopy(node)
        new.op = _BINARY[type(node.op)]()
        out.append(("arithmetic", expr(new)))
    elif isinstance(node, ast.BoolOp):
        new = copy.deepcopy(node)
        new.op = _BOOL[type(node.op)]()
        out.append(("boolean", expr(new)))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        out.append(("drop-not" if isinstance(node.op, ast.Not) else "drop-minus", expr(node.operand)))
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
        out.append(("constant", repr(not node.value)))
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        out.append(("constant", "(" + repr(node.value + 1) + ")"))
    elif isinstance(node, ast.Return) and node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None):
        out.append(("return-none", "return None"))
    elif isinstance(node, ast.Raise):
        out.append(("drop-raise", "pass"))
    elif isinstance(node, ast.AugAssign) and type(node.op) in _BINARY:
        new = copy.deepcopy(node)
        new.op = _BINARY[type(node.op)]()
        out.append(("arithmetic", ast.unparse(new)))
    return out


def mutants_of(module: str, text: str) -> list[Mutant]:
    r"""Every mutant of a module, in source order; each one compiles."""
    tree = ast.parse(text)
    skip = _skipped_nodes(tree)
    starts = _offsets(text)
    encoded = [line.encode() for line in text.splitlines(keepends=True)] + [b""]
    found: list[Mutant] = []

    def offset(line: int, col: int) -> int:  # ast columns count UTF-8 bytes
        return starts[line - 1] + len(encoded[line - 1][:col].decode())

    for node in ast.walk(tree):
        if id(node) in skip or not hasattr(node, "end_lineno") or node.end_lineno is None:
            continue
        for operator, new in _variants(node):
            start, end = offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset)
            mutant = Mutant(module, node.lineno, operator, start, end, text[start:end], new)
            try:
                compile(mutant.apply(text), module, "exec")
            except SyntaxError:
                continue
            found.append(mutant)
    return sorted(found, key=lambda m: (m.start, m.end, m.operator))


# ---------------------------------------------------------------------------------------------- tests

#: One claim's recorded section of docs/REVIEW.md (a deep test, run when named by its node id).
REVIEW_SECTION = "tests/proofs/test_review.py::test_each_claims_section_of_the_review_is_current[{}]"
#: One claim's recorded entry of docs/review.json: the review's data, with each step's whole scope and sample.
REVIEW_DATA = "tests/proofs/test_review.py::test_each_claims_review_data_is_current[{}]"
#: One claim's recorded section of docs/OUTPUTS.md: its derive, witness and figures (deep, run when named).
OUTPUTS_SECTION = "tests/proofs/test_outputs.py::test_each_claims_outputs_are_current[{}]"
#: One claim's sweep of wrong versions: every wrong version of every passing step, and of every necessity
#: check, rejected (deep tests that CI runs; run when named).
SWEEPS = ("tests/proofs/test_mutants.py::test_every_mutant_of_every_passing_step_is_rejected[{}]",
          "tests/proofs/test_mutants.py::test_every_necessity_check_can_fail[{}]")

_FED_PROGRAM = r"""
import json, sys
from pathlib import Path
from proofs import cache, registry
root, fed, reg = Path(sys.argv[1]).resolve(), {}, registry.current()
for cid in registry.claim_ids():
    pack, module = reg.locate(cid)
    for name in cache._closure(module, (pack.package.split(".")[0],)):
        path = cache._source_file(name)
        if path is not None and path.resolve().is_relative_to(root):
            fed.setdefault(str(path.resolve().relative_to(root)), []).append(cid)
print(json.dumps(fed))
"""


def claims_fed_by(root: Path = ROOT) -> dict[str, list[str]]:
    r"""For each project module, the claims whose verdict it can change: those whose verdict-cache key
    includes it (the claim's module and every project module it imports, transitively).  Computed in a
    subprocess, because this process imports none of the project's packages before forking."""
    done = subprocess.run([sys.executable, "-c", _FED_PROGRAM, str(root)], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "SMOOTHCHECK_NO_CACHE": "1"}, check=True)
    return json.loads(done.stdout)


def mirrored_tests(module: str, root: Path = ROOT, fed: dict[str, list[str]] | None = None) -> list[str]:
    r"""The tests that answer for ``module``: its mirrored test files, its doctests, its claim items, and for a
    module of a pack the recorded review section of each claim in ``fed[module]`` (:func:`claims_fed_by`)."""
    path = Path(module)
    stem, parts = path.stem, path.parts
    candidates: list[Path] = []
    if parts[0] == "proofs" and len(parts) == 2:
        candidates += sorted((root / "tests/proofs").glob(f"test_{stem}.py"))
        candidates += sorted((root / "tests/proofs").glob(f"test_{stem}_*.py"))
        if module in ENGINE:
            candidates.append(root / "tests/proofs/test_engine_mutants.py")
    elif parts[0] == "proofs" and len(parts) == 3:
        folder = root / "tests/proofs" / parts[1]
        candidates.append(folder / f"test_{stem}.py")
        candidates += sorted(folder.glob(f"test_{stem}_*.py"))
        candidates += [f for f in sorted(folder.glob("test_*_to_*.py")) if _covers(f.stem, stem)]
    elif parts[0] in ("symbolic", "numeric"):
        candidates.append(root / "tests" / parts[0] / f"test_{stem}.py")
        candidates += sorted((root / "tests" / parts[0]).glob(f"test_{stem}_*.py"))
    found = [str(c.relative_to(root)) for c in candidates if c.exists()]
    # the small targeted ``*_mutants.py`` tests first: with ``-x`` a mutant they detect is killed in
    # seconds, before a slower test it would make hang (a hang counts as not killed)
    found = sorted(dict.fromkeys(found), key=lambda f: not f.endswith("_mutants.py"))
    # the engine feeds every claim and has its own tests; a pack's module, or a symbolic/numeric one, feeds a few
    feeds = not (parts[0] == "proofs" and len(parts) == 2)
    sections = [form.format(cid) for form in (OUTPUTS_SECTION, REVIEW_SECTION, REVIEW_DATA, *SWEEPS)
                for cid in (fed or {}).get(module, []) if feeds]
    return found + [module] + sections  # the module itself: doctests and claim items; the records, then the sweeps (slowest)


def _covers(test_stem: str, stem: str) -> bool:
    r"""Whether a range file ``test_<prefix>_<a>_to_<b>`` (``test_prop_b_6_to_10``) tests the claim
    ``<prefix>_<n>`` with ``a <= n <= b`` (``prop_b_8``)."""
    head, _, last = test_stem.removeprefix("test_").rpartition("_to_")
    prefix, _, first = head.rpartition("_")
    number = stem.removeprefix(prefix + "_") if prefix and stem.startswith(prefix + "_") else ""
    if not (number.isdigit() and first.isdigit() and last.isdigit()):
        return False
    return int(first) <= int(number) <= int(last)


def modules_for(selection: str) -> list[str]:
    r"""Comma-separated groups (``engine``, ``symbolic``, ``numeric``, ``claims``, ``all``) and module paths."""
    def listed(folder: str) -> list[str]:
        return sorted(str(p.relative_to(ROOT)) for p in (ROOT / folder).glob("*.py") if p.name != "__init__.py")

    groups = {"engine": ENGINE, "symbolic": listed("symbolic"), "numeric": listed("numeric"),
              "claims": [m for pack in PACKS for m in listed(f"proofs/{pack}")]}
    groups["all"] = groups["engine"] + groups["symbolic"] + groups["numeric"] + groups["claims"]
    chosen: list[str] = []
    for part in (p.strip() for p in selection.split(",") if p.strip()):
        chosen += groups.get(part, [part])
    return list(dict.fromkeys(chosen))


# ---------------------------------------------------------------------------------------------- running

_HEAVY = ["sympy", "numpy", "mpmath", "z3", "flint", "pytest", "hypothesis", "_pytest.doctest", "xdist"]


def preload() -> None:
    r"""Import the libraries every run needs once, before forking (never the project's own packages)."""
    import importlib

    sys.dont_write_bytecode = True
    for name in _HEAVY:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    assert not any(m.split(".")[0] in ("proofs", "symbolic", "numeric") for m in sys.modules)


def _child(copy: Path, args: list[str]) -> None:
    r"""In the forked child: run pytest in the copy, quietly; exit with pytest's status."""
    try:
        os.setpgid(0, 0)  # its own process group: a timeout ends whatever the tests started too
        os.chdir(copy)
        sys.path[:] = [str(copy)] + [p for p in sys.path if p not in ("", str(ROOT))]
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        import pytest

        code = pytest.main(["-q", "-x", "-p", "no:cacheprovider", "--hypothesis-profile=ci",
                            "-W", "ignore", *args], plugins=[_NoShrink()])
        os._exit(int(code))
    except BaseException:  # noqa: BLE001 - anything escaping pytest is a failed run
        os._exit(3)


class _NoShrink:
    r"""The ``ci`` profile without Hypothesis's shrink phase: a failing example fails the test just the
    same, but shrinking it (which a killed mutant does not need, and which can take minutes on a mutant
    that makes every example fail) is skipped.  Loaded at session start, after ``tests/conftest.py``
    registered ``ci`` and before the test modules (whose ``@settings`` inherit from it) are imported."""

    def pytest_sessionstart(self, session):
        from hypothesis import Phase, settings

        settings.register_profile("mutation", settings.get_profile("ci"),
                                  phases=[Phase.explicit, Phase.reuse, Phase.generate])
        settings.load_profile("mutation")


class Slot:
    r"""One job: a private copy of the repository and at most one running child."""

    def __init__(self, base: Path, index: int, snapshot: Path):
        self.copy = base / f"repo{index}"
        shutil.copytree(snapshot, self.copy)
        self.pid: int | None = None
        self.job = None
        self.started = 0.0

    def start(self, job, text: str, args: list[str]) -> None:
        module = job[0]
        (self.copy / module).write_text(text)
        self.job, self.started = job, time.perf_counter()
        pid = os.fork()
        if pid == 0:
            _child(self.copy, args)
        self.pid = pid

    def poll(self, timeout: float):
        r"""``None`` while running, else ``(job, outcome, seconds)`` with outcome killed/survived/timeout."""
        assert self.pid is not None
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        elapsed = time.perf_counter() - self.started
        if pid == 0 and elapsed <= timeout:
            return None
        if pid == 0:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            outcome = "timeout"
        else:
            outcome = "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
        job, self.pid, self.job = self.job, None, None
        (self.copy / job[0]).write_text(ORIGINAL[job[0]])
        return job, outcome, elapsed


ORIGINAL: dict[str, str] = {}


def run_all(jobs: list, slots: list[Slot], timeouts: dict[str, float], tests: dict[str, list[str]],
            on_done) -> None:
    r"""Run every ``(module, mutant-or-None)`` job on the free slots; ``on_done(job, outcome, s)``."""
    pending = list(jobs)
    while pending or any(s.pid is not None for s in slots):
        for slot in slots:
            if slot.pid is not None:
                done = slot.poll(timeouts.get(slot.job[0], 1e9) if slot.job[1] is not None else 1e9)
                if done:
                    on_done(*done)
            if slot.pid is None and pending:
                module, mutant = job = pending.pop(0)
                text = ORIGINAL[module] if mutant is None else mutant.apply(ORIGINAL[module])
                slot.start(job, text, tests[module])
        time.sleep(0.01)


def missing_extras(modules: list[str]) -> dict[str, str]:
    r"""``{module: package}`` for the modules whose tests need a package this interpreter lacks."""
    import importlib.util

    return {m: NEEDS[m] for m in modules if m in NEEDS and importlib.util.find_spec(NEEDS[m]) is None}


def wilson(p: float, n: float, z: float = 1.96) -> tuple[float, float]:
    r"""Wilson score interval for a proportion ``p`` seen in ``n`` trials:
    :math:`\frac{p + z^2/2n \pm z\sqrt{p(1-p)/n + z^2/4n^2}}{1 + z^2/n}` (``n`` may be fractional,
    an effective sample size)."""
    if n <= 0:
        return 0.0, 1.0
    centre, spread = p + z * z / (2 * n), z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5
    return max(0.0, (centre - spread) / (1 + z * z / n)), min(1.0, (centre + spread) / (1 + z * z / n))


def stratified(strata: list[tuple[int, int, int]], z: float = 1.96) -> dict:
    r"""The kill rate over all mutants of all modules from a sample of each, with a 95 % interval.

    Each stratum (module) ``h`` is ``(N_h, n_h, k_h)``: its population of mutants, how many were run,
    how many killed.  With weights :math:`W_h = N_h / \sum N` the estimate is
    :math:`\hat p = \sum_h W_h k_h / n_h` and its variance
    :math:`V = \sum_h W_h^2 (1 - n_h/N_h)\, \tilde p_h (1 - \tilde p_h) / n_h`, where
    :math:`\tilde p_h = (k_h + 2)/(n_h + 4)` (Agresti-Coull) so that a stratum whose few sampled
    mutants were all killed still counts as uncertain, and a module run in full (``n_h = N_h``)
    counts as exact.  The interval is Wilson's at the effective sample size
    :math:`n_{\mathrm{eff}} = \tilde p (1 - \tilde p) / V`, :math:`\tilde p = \sum_h W_h \tilde p_h`
    (Kish), which stays inside [0, 1] and is not symmetric near 100 %."""
    total = sum(N for N, n, _ in strata if n)
    if not total:
        return {"estimate": None, "low": None, "high": None, "population": 0, "sampled": 0}
    estimate = variance = adjusted = 0.0
    for N, n, k in strata:
        if not n:
            continue
        w, tilde = N / total, (k + 2) / (n + 4)
        estimate += w * k / n
        adjusted += w * tilde
        variance += w * w * max(0.0, 1 - n / N) * tilde * (1 - tilde) / n
    low, high = (estimate, estimate) if variance == 0 else wilson(estimate, adjusted * (1 - adjusted) / variance, z)
    return {"estimate": round(100 * estimate, 1), "low": round(100 * low, 1), "high": round(100 * high, 1),
            "population": total, "sampled": sum(n for _, n, _ in strata)}


def equivalent_count(row: dict) -> int:
    r"""How many of the row's survivors are classified ``equivalent`` (``"verdict"`` of a survivor, written
    after the run by whoever read it: no input tells the mutant from the original)."""
    return sum(1 for s in row["survivors"] if s.get("verdict") == "equivalent")


def estimate(table: list[dict], without_equivalent: bool = False) -> dict:
    r"""The stratified estimate overall and per group (engine, symbolic, numeric, claims); a row
    without ``population`` (an older file) counts as run in full.

    ``without_equivalent``: the score among mutants that are not equivalent, the usual definition of a
    mutation score (an equivalent mutant is no wrong version: no test can kill it).  Each module's
    ``e_h`` survivors classified equivalent leave its sample (``n_h - e_h`` run, ``k_h`` killed) and the
    same share leaves its population (``N_h (n_h - e_h) / n_h``): a ratio estimate, whose interval is
    computed as if those shares were exact."""
    def group(module: str) -> str:
        return "engine" if module in ENGINE else "claims" if module.startswith("proofs/") else module.split("/")[0]

    def stratum(r: dict) -> tuple[int, int, int]:
        N, n, k = r.get("population", r["mutants"]), r["mutants"], r["killed"]
        e = equivalent_count(r) if without_equivalent else 0
        return (round(N * (n - e) / n) if n else N), n - e, k

    rows = [(group(r["module"]), stratum(r)) for r in table]
    out = {"overall": stratified([s for _, s in rows])}
    for name in ("engine", "symbolic", "numeric", "claims"):
        part = [s for g, s in rows if g == name]
        if part:
            out[name] = stratified(part)
    return out


def previous_survivors(path: Path, module: str) -> list[dict]:
    r"""The survivors (and timeouts) of ``module`` recorded in an earlier result file."""
    return [s for r in json.loads(path.read_text())["table"] if r["module"] == module for s in r["survivors"]]


def match_survivors(survivors: list[dict], mutants: list[Mutant]) -> tuple[list[Mutant], list[dict]]:
    r"""``(found, missing)``: the current mutants that are the recorded survivors (same operator and
    text, the nearest line: others edit the modules, so lines move; one mutant per survivor), and the
    recorded survivors with no such mutant."""
    found: list[Mutant] = []
    missing: list[dict] = []
    for s in survivors:
        same = [m for m in mutants if (m.operator, m.old, m.new) == (s["operator"], s["old"], s["new"])
                and m not in found and abs(m.line - s["line"]) <= 60]
        if same:
            found.append(min(same, key=lambda m: abs(m.line - s["line"])))
        else:
            missing.append(s)
    return found, missing


def merge(previous: dict, rerun: dict) -> list[dict]:
    r"""An earlier run with a rerun of its survivors (which carries the survivors it could not find
    again): killed adds up, the rerun's survivors are the survivors."""
    table = []
    for old in previous["table"]:
        new = next((r for r in rerun["table"] if r["module"] == old["module"]), None)
        if new is None:
            table.append(old)
            continue
        row = dict(old, killed=old["killed"] + new["killed"], survived=new["survived"], timeout=new["timeout"],
                   survivors=new["survivors"], seconds=round(old["seconds"] + new["seconds"], 1))
        row["score"] = _score(row["killed"], row["mutants"])
        table.append(row)
    return table


def _score(killed: int, count: int) -> float | None:
    return round(100 * killed / count, 1) if count else None


def totals(table: list[dict]) -> dict:
    r"""Mutants, killed, survived, timed out and the score, over all modules and over the engine."""
    engine = [r for r in table if r["module"] in ENGINE]
    out = {k: sum(r[k] for r in table) for k in ("mutants", "killed", "survived", "timeout")}
    out["score"] = _score(out["killed"], out["mutants"])
    out["engine_score"] = _score(sum(r["killed"] for r in engine), sum(r["mutants"] for r in engine))
    return out


def show(summary: dict) -> None:
    r"""The result table, one line a module."""
    print(f"\n{'module':42} {'popul.':>6} {'mutants':>7} {'killed':>6} {'surv':>5} {'t/o':>4} {'score':>6} {'run s':>7}")
    for r in summary["table"]:
        print(f"{r['module']:42} {r.get('population', r['mutants']):6} {r['mutants']:7} {r['killed']:6} "
              f"{r['survived']:5} {r['timeout']:4} {r['score'] if r['score'] is not None else '-':>6} "
              f"{r['seconds']:7}{' (from ' + r['included_from'] + ')' if r.get('included_from') else ''}")
    reruns = sum(r["wall_s"] for r in summary.get("reruns", []))
    print(f"{'total':42} {summary['mutants']:7} {summary['killed']:6} {summary['survived']:5} "
          f"{summary['timeout']:4} {summary['score'] if summary['score'] is not None else '-':>6}   wall {summary['wall_s']} s"
          f"{f' (+ {reruns:.1f} s of reruns)' if reruns else ''}; engine {summary['engine_score']}")
    for name, e in summary.get("estimate", {}).items():
        if e["estimate"] is not None:
            print(f"estimate {name:9} {e['estimate']:5.1f} %  (95 % interval {e['low']:.1f} - {e['high']:.1f} %; "
                  f"{e['sampled']} of {e['population']} mutants run)")
    classified = sum(equivalent_count(r) for r in summary["table"])
    if classified:
        print(f"without the {classified} survivors classified equivalent:")
        for name, e in estimate(summary["table"], without_equivalent=True).items():
            if e["estimate"] is not None:
                print(f"estimate {name:9} {e['estimate']:5.1f} %  (95 % interval {e['low']:.1f} - {e['high']:.1f} %)")
    for module, package in summary.get("excluded", {}).items():
        print(f"excluded  {module}: needs {package} (not in this interpreter); not counted")
    for module in summary.get("baseline_failures", []):
        print(f"baseline  {module}: its tests fail unmutated; its mutants not run, not counted")


def survivor_rows(summary: dict) -> list[str]:
    r"""Each survivor as a row of docs/MUTATION.md's tables: ``| module:line | mutant | verdict | reason |``
    (the mutant as described by whoever read it, else ``old -> new``; ``verdict`` and ``reason`` as
    classified in the file, ``unread`` where nobody has)."""
    def code(text: str) -> str:
        return "`" + " ".join(text.split()).replace("|", "\\|") + "`"

    return [f"| `{r['module']}:{s['line']}` | {s.get('mutant') or code(s['old']) + ' -> ' + code(s['new'])} | "
            f"{s.get('verdict', 'unread')} | "
            f"{s.get('reason', '')} |" for r in summary["table"] if r["module"] not in ENGINE for s in r["survivors"]]


def pooled(summaries: list[dict]) -> dict:
    r"""Several sampled runs of the same tree as one sample: per module the mutants run, killed, survived and
    timed out add up and the survivors are listed together; a row included from a full run (the engine's)
    counts once.  The seeds draw independently, so a mutant can be drawn by two of them (rare at a few of
    hundreds a module); the pooled estimate then counts it twice, as a sample with replacement would."""
    table: list[dict] = []
    for summary in summaries:
        for row in summary["table"]:
            same = next((r for r in table if r["module"] == row["module"]), None)
            if same is None:
                table.append(dict(row, survivors=list(row["survivors"])))
            elif not (row.get("included_from") and same.get("included_from")):
                for key in ("mutants", "killed", "survived", "timeout"):
                    same[key] += row[key]
                same["survivors"] += row["survivors"]
                same["seconds"] = round(same["seconds"] + row["seconds"], 1)
                same["score"] = _score(same["killed"], same["mutants"])
    return {"table": table, **totals(table), "wall_s": round(sum(x["wall_s"] for x in summaries), 1),
            "estimate": estimate(table), "seeds": [x.get("seed") for x in summaries]}


def report(summary: dict) -> int:
    r"""``--report``: the table, the estimates with and without equivalent mutants, the survivors' rows."""
    show(summary)
    print("\n| module:line | mutant | verdict | reason |\n|---|---|---|---|")
    print("\n".join(survivor_rows(summary)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", default=None,
                        help="comma-separated groups (engine: the default, symbolic, numeric, claims, all) and module "
                             "paths; with --rerun, the default is the modules of the earlier file")
    parser.add_argument("--sample", type=int, default=0,
                        help="mutants per module, drawn at random with --seed (0: every mutant; default)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=20.0,
                        help="least per-mutant timeout in seconds (default 20; the timeout is max(this, 4 x baseline))")
    parser.add_argument("--rerun", metavar="JSON", default=None,
                        help="run only the survivors recorded in an earlier result file and merge the verdicts into it")
    parser.add_argument("--include", metavar="JSON", action="append", default=[],
                        help="add the rows of an earlier run (e.g. the engine's full run, benchmarks/results/"
                             "mutation.json) to the table and the estimate, for modules this run does not run")
    parser.add_argument("--list", action="store_true", help="list the mutants and their tests, run nothing")
    parser.add_argument("--report", metavar="JSON", action="append", default=[],
                        help="print an earlier result file's table and estimates (also without the survivors "
                             "classified equivalent), and its survivors as the rows of docs/MUTATION.md; run nothing. "
                             "Given more than once (sampled runs of the same tree, other seeds): the runs pooled")
    parser.add_argument("--output", default=str(RESULTS), help="the JSON result file (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.report:
        summaries = [json.loads(Path(path).read_text()) for path in args.report]
        return report(summaries[0] if len(summaries) == 1 else pooled(summaries))

    if args.modules is None and args.rerun:  # rerun what the earlier file ran, not the engine
        modules = [row["module"] for row in json.loads(Path(args.rerun).read_text())["table"]]
    else:
        modules = modules_for(args.modules or "engine")
    missing = [m for m in modules if not (ROOT / m).is_file()]
    if missing:
        parser.error(f"no such module or group: {', '.join(missing)}")
    excluded = missing_extras(modules)
    for module, package in excluded.items():
        print(f"excluded: {module} (its tests need {package}, which this interpreter lacks; run the benchmark "
              f"with an interpreter that has it, see docs/MUTATION.md)", file=sys.stderr)
    modules = [m for m in modules if m not in excluded]
    base = Path(tempfile.mkdtemp(prefix="smoothcheck-mutation-"))
    snapshot = base / "snapshot"  # one consistent copy of the tree: others may be editing it
    shutil.copytree(ROOT, snapshot, ignore=_IGNORE)
    fed = claims_fed_by(snapshot)
    if not fed:  # e.g. an interpreter without the project installed: no claim found, no review or sweep run
        print("warning: no claims found (is smoothcheck installed in this interpreter?): mutants of packs, symbolic/ "
              "and numeric/ run without their claims' records and sweeps", file=sys.stderr)
    rng = random.Random(args.seed)
    chosen: dict[str, list[Mutant]] = {}
    population: dict[str, int] = {}
    tests: dict[str, list[str]] = {}
    unmatched: dict[str, list[dict]] = {}  # recorded survivors a rerun could not find again: they stay
    for module in modules:
        ORIGINAL[module] = (snapshot / module).read_text()
        every = mutants_of(module, ORIGINAL[module])
        population[module] = len(every)
        chosen[module] = sorted(rng.sample(every, min(args.sample, len(every))), key=lambda m: m.start) \
            if args.sample else every
        if args.rerun:
            recorded = previous_survivors(Path(args.rerun), module)
            chosen[module], unmatched[module] = match_survivors(recorded, every)
        tests[module] = mirrored_tests(module, snapshot, fed)
    if args.list:
        shutil.rmtree(base, ignore_errors=True)
        for module in modules:
            print(f"{module}: {len(chosen[module])} mutants; tests: {' '.join(tests[module])}")
            for m in chosen[module]:
                print(f"  {m.line}: {m.operator}: {m.old!r} -> {m.new!r}")
        return 0

    preload()
    begin = time.perf_counter()
    os.environ["SMOOTHCHECK_NO_CACHE"] = "1"
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    os.environ.setdefault("MPLBACKEND", "Agg")
    try:
        slots = [Slot(base, i, snapshot) for i in range(max(1, args.jobs))]
        baseline: dict[str, float] = {}
        broken: list[str] = []

        def base_done(job, outcome, seconds):
            baseline[job[0]] = seconds
            if outcome != "survived":
                broken.append(job[0])

        run_all([(m, None) for m in modules], slots, {}, tests, base_done)
        for module in broken:
            print(f"baseline fails for {module} (tests: {' '.join(tests[module])}); its mutants are not run",
                  file=sys.stderr)
        timeouts = {m: max(args.timeout, 4 * baseline[m]) for m in modules}
        rows = {m: {"module": m, "tests": tests[m], "baseline_s": round(baseline[m], 2), "population": population[m],
                    "mutants": 0, "killed": 0,
                    "survived": 0, "timeout": 0, "seconds": 0.0, "survivors": []}
                for m in modules if m not in broken}
        jobs = [(m, mu) for m in modules if m not in broken for mu in chosen[m]]
        total = len(jobs)
        finished = [0]

        def done(job, outcome, seconds):
            module, mutant = job
            row = rows[module]
            row["mutants"] += 1
            row[outcome] += 1
            row["seconds"] += seconds
            if outcome != "killed":
                row["survivors"].append({"line": mutant.line, "operator": mutant.operator, "old": mutant.old,
                                         "new": mutant.new, "outcome": outcome})
            finished[0] += 1
            if outcome != "killed" or finished[0] % 25 == 0:
                print(f"[{finished[0]}/{total}] {module}:{mutant.line} {mutant.operator} "
                      f"{mutant.old!r} -> {mutant.new!r}: {outcome}", flush=True)

        run_all(jobs, slots, timeouts, tests, done)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    wall = time.perf_counter() - begin

    table = []
    for row in rows.values():
        lost = unmatched.get(row["module"], [])
        row["survivors"] += lost
        row["survived"] += len(lost)
        row["mutants"] += len(lost)
        row["score"] = _score(row["killed"], row["mutants"])
        row["seconds"] = round(row["seconds"], 1)
        table.append(row)
    summary = {"command": " ".join(["python", "benchmarks/bench_mutation.py",
                                    *(argv if argv is not None else sys.argv[1:])]),
               "modules": args.modules, "sample": args.sample, "seed": args.seed, "jobs": args.jobs,
               "wall_s": round(wall, 1), "baseline_failures": broken, "excluded": excluded}
    if args.rerun:  # the earlier run, with its survivors replaced by this run's verdicts on them
        previous = json.loads(Path(args.rerun).read_text())
        summary = {**{k: v for k, v in previous.items() if k not in ("table", "reruns")},
                   "reruns": previous.get("reruns", []) + [summary]}
        table = merge(previous, {"table": table})
    ran = {r["module"] for r in table}
    for path in args.include:  # exhaustive runs of other modules (the engine), counted in the estimate as such
        earlier = [dict(r, included_from=path) for r in json.loads(Path(path).read_text())["table"]
                   if r["module"] not in ran and r["module"] not in excluded]
        table += earlier
        ran |= {r["module"] for r in earlier}
    summary.update(totals(table))
    summary["estimate"] = estimate(table)
    summary["table"] = table
    show(summary)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(summary, indent=1) + "\n")
    print(f"written: {output}")
    return 0 if not broken else 1


if __name__ == "__main__":
    sys.exit(main())
