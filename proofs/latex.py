r"""The derivation document: one section per claim, rendered from checked claims.

Each section has the statement as printed, the assumptions with their
necessity results, the proof step by step (display math, justification, and
its evidence level: *proved*, *proved on scope* with the scope beside it,
*numerically confirmed* with its sample, *cited*, *undecided*, or *fails*), the
errata with their counterexamples and repairs, figures, and the verdict with
its weakest evidence.  Only what the engine checked is typeset as a step.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from proofs.engine import ClaimReport, fill
from proofs.errors import BadInput, SmoothcheckError
from proofs.evidence import describe, show_scope

_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
            "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
            "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}

PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{xcolor}
\usepackage[hidelinks]{hyperref}
\setlength{\parindent}{0pt}
\setlength{\parskip}{4pt}
\allowdisplaybreaks
\newcommand{\proved}{\textcolor{green!45!black}{\textsf{proved}}}
\newcommand{\onscope}{\textcolor{teal!70!black}{\textsf{proved on scope}}}
\newcommand{\confirmed}{\textcolor{blue!60!black}{\textsf{numerically confirmed}}}
\newcommand{\undecided}{\textcolor{orange!80!black}{\textsf{undecided}}}
\newcommand{\cited}{\textcolor{gray}{\textsf{cited}}}
\newcommand{\fails}{\textcolor{red!70!black}{\textsf{fails}}}
\title{smoothcheck: checked derivations}
\date{}
\begin{document}
\maketitle
"""


def escape(text: str) -> str:
    r"""Plain text made safe for LaTeX.

    >>> escape("a_b & 50%")
    'a\\_b \\& 50\\%'
    """
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


_STATEMENT_HEADING = {"printed": "Statement (as printed).", "reconstructed": "Statement (as reconstructed).",
                      "project": "Statement (the project's claim, not the paper's)."}


def _badge(result) -> str:
    if result.undecided:
        return r"\undecided{} (oracles disagree)"
    if result.not_reproduced:
        return r"\textsf{not reproduced with our settings}"
    if not result.ok:
        return r"\fails"
    macro = {"proved": r"\proved", "proved-on-scope": r"\onscope", "confirmed": r"\confirmed",
             "cited": r"\cited"}[result.evidence]
    if result.evidence == "proved-on-scope":
        return rf"{macro}{{}} \{{{escape(show_scope(result.scope))}\}}"
    if result.evidence == "confirmed" and result.sample:
        return rf"{macro}{{}} ({escape(describe('confirmed', None, result.sample)[len('confirmed '):])})"
    return macro


def claim_section(report: ClaimReport, figures: list[Path] = ()) -> str:
    r"""The LaTeX section of one checked claim."""
    claim = report.claim
    out = [rf"\section{{{escape(claim.label)}: {escape(claim.title)}}}",
           rf"\textbf{{Claim}} \texttt{{{escape(claim.id)}}} --- {escape(claim.reference)}.",
           rf"\paragraph{{{_STATEMENT_HEADING[claim.statement_kind]}}} {claim.statement}"]
    if claim.readings:
        out += [r"\paragraph{Readings.}", r"\begin{itemize}"]
        out += [rf"\item \textbf{{{escape(r.name)}}}"
                rf"{' --- verdict: ' + escape(report.by_reading[r.name]) if r.name in report.by_reading else ' (implausible)'}: "
                rf"{escape(r.description)} ({escape(r.source)})" for r in claim.readings]
        out.append(r"\end{itemize}")
    out += [r"\paragraph{Assumptions.}", r"\begin{itemize}" if report.assumptions else "None stated."]
    for ar in report.assumptions:
        a = ar.assumption
        how = "" if ar.result is None else f" ({_badge(ar.result)})"
        unstated = " \\emph{used by the proof, not stated}" if a.used_not_stated else ""
        argument = fill(a.necessity.evidence, ar.result.values if ar.result else {})
        out.append(rf"\item {escape(a.label)}: ${a.latex}$ --- \emph{{{a.necessity.verdict}}}{how}{unstated}. "
                   rf"{escape(argument)}")
    out += [r"\end{itemize}" if report.assumptions else "", r"\paragraph{Proof, step by step.}", r"\begin{enumerate}"]
    for sr in report.steps:
        step, result = sr.step, sr.result
        origin = "printed" if step.printed else (f"repairs \\texttt{{{escape(step.repairs)}}}" if step.repairs else "added")
        reading = f", reading \\emph{{{escape(step.reading)}}}" if step.reading else ""
        out.append(rf"\item \texttt{{{escape(step.label)}}} [{escape(step.kind)}, {origin}{reading}] --- {_badge(result)}")
        out.append(rf"\[ {step.latex} \]")
        if step.justification:
            out.append(escape(step.justification))
        out.append(rf"{{\small Checked: {escape(result.method)}; {escape(result.detail)}.}}")
        for name, outcome in (result.outcomes or {}).items():
            out.append(rf"\par{{\small {escape(name)}: {escape(outcome)}.}}")
    out.append(r"\end{enumerate}")
    if report.errata:
        out += [r"\paragraph{Errata found by the checker.}", r"\begin{itemize}"]
        out += [rf"\item \texttt{{{escape(e.step)}}}: {escape(e.description)} "
                rf"Counterexample: {escape(e.counterexample)}. Repaired by \texttt{{{escape(str(e.repaired_by))}}}."
                for e in report.errata]
        out.append(r"\end{itemize}")
    if claim.repaired_statement:
        out.append(rf"\paragraph{{Repaired statement.}} {claim.repaired_statement}")
    for figure in figures:
        out += [r"\begin{center}", rf"\includegraphics[width=0.75\textwidth]{{{figure.as_posix()}}}", r"\end{center}"]
    c = report.counts()
    out.append(rf"\paragraph{{Verdict: {escape(report.summary())}.}} {c['proved']} steps proved, "
               rf"{c['proved-on-scope']} proved on a declared scope, {c['confirmed']} numerically confirmed, "
               rf"{c['undecided']} undecided, {c['cited']} cited; {c['errata']} printed steps refuted "
               rf"and repaired; {c['failed']} failed without repair.")
    extra = claim.extra() if claim.notes and claim.extra else {}
    for note in claim.notes:
        out.append(rf"\par\emph{{Note.}} {escape(fill(note, extra))}")
    return "\n".join(out) + "\n"


def writable_target(path: Path | str) -> Path:
    r"""``path`` if a document can be written there; else :class:`BadInput` naming it and the reason.

    The target must be a regular file or not exist yet, inside an existing,
    writable directory (a device such as ``/dev/full``, a directory, an empty
    name, or a path under a regular file are refused before anything is written).
    """
    text = str(path)
    if not text.strip():
        raise BadInput("output path is empty")
    path = Path(text)
    if path.exists() and not path.is_file():
        raise BadInput(f"cannot write {text}: it is {'a directory' if path.is_dir() else 'not a regular file'}")
    parent = path.parent
    for ancestor in [parent, *parent.parents]:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise BadInput(f"cannot write {text}: {ancestor} is not a directory")
            break
    if parent.exists() and not os.access(parent, os.W_OK | os.X_OK):
        raise BadInput(f"cannot write {text}: directory {parent} is not writable")
    return path


def atomic_write(path: Path, text: str) -> None:
    r"""Write ``text`` to ``path`` through a temporary file and a rename: a reader (or an
    interrupted run) sees the old file or the whole new one, never half of it."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_document(reports: list[ClaimReport], path: Path) -> Path:
    r"""Write the standalone document for ``reports`` to ``path`` (figures beside it)."""
    path = writable_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInput(f"cannot write {path}: {exc.strerror or exc}") from exc
    sections = []
    for report in reports:
        figures = []
        if report.claim.figures is not None:
            outdir = path.parent / f"{path.stem}-figures" / report.claim.id.replace(".", "_")
            outdir.mkdir(parents=True, exist_ok=True)
            figures = [Path(f).resolve().relative_to(path.parent.resolve()) for f in report.claim.figures(outdir)]
        sections.append(claim_section(report, figures))
    try:
        atomic_write(path, PREAMBLE + "\n".join(sections) + "\\end{document}\n")
    except OSError as exc:
        raise BadInput(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


def compile_pdf(tex: Path) -> Path:
    r"""Compile ``tex`` with pdflatex (twice, for references); the PDF's path."""
    if shutil.which("pdflatex") is None:
        raise SmoothcheckError("pdflatex not found: install texlive (Debian: texlive-latex-recommended)")
    tex = Path(tex).resolve()
    for _ in range(2):
        done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex.name],
                              cwd=tex.parent, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            tail = " | ".join(line for line in done.stdout.splitlines() if line.startswith("!"))[:400]
            raise SmoothcheckError(f"pdflatex failed on {tex.name}: {tail or 'see the .log file'}")
    return tex.with_suffix(".pdf")
