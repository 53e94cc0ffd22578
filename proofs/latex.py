r"""The derivation document: a title page, contents, a summary table, then a part per paper
with one section per claim in the paper's order, rendered from checked claims.

Each section has the statement as printed, the assumptions with their
necessity results, the proof step by step (display math, justification, and
its evidence level: *proved*, *proved on scope* with the scope beside it,
*numerically confirmed* with its sample, *cited*, *undecided*, or *fails*), the
errata with their counterexamples and repairs, figures, and the verdict with
its weakest evidence.  Only what the engine checked is typeset as a step.

The summary table (claim, verdict, steps by evidence level, errata, readings)
links each row to its claim's section.  :func:`referee_document` is the
referee report (``smoothcheck review --format tex``): paper by paper, the
numbered findings of :func:`proofs.review.findings`, then each claim's
statement, repaired statement and readings.  :func:`notebook_latex` is what a
notebook shows for a claim.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from proofs.engine import Claim, ClaimReport
from proofs.errors import BadInput, SmoothcheckError
from proofs.render import render
from proofs.evidence import describe, show_scope
from proofs.review import STATEMENT_KIND, anchor, claim_extra, findings, parts

_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
            "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
            "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}

PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{longtable,booktabs}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{xcolor}
\usepackage[hidelinks]{hyperref}
\setlength{\parindent}{0pt}
\setlength{\parskip}{4pt}
\allowdisplaybreaks
\sloppy
\setlength{\emergencystretch}{3em}
% A displayed formula wider than the line is scaled down to the line (never an overfull box).
\newsavebox{\fitbox}
\newcommand{\fitmath}[1]{\par\smallskip\noindent\sbox{\fitbox}{$\displaystyle #1$}%
  \ifdim\wd\fitbox>\linewidth\resizebox{\linewidth}{!}{\usebox{\fitbox}}%
  \else\makebox[\linewidth]{\usebox{\fitbox}}\fi\par\smallskip}
\newcommand{\proved}{\textcolor{green!45!black}{\textsf{proved}}}
\newcommand{\onscope}{\textcolor{teal!70!black}{\textsf{proved on scope}}}
\newcommand{\confirmed}{\textcolor{blue!60!black}{\textsf{numerically confirmed}}}
\newcommand{\undecided}{\textcolor{orange!80!black}{\textsf{undecided}}}
\newcommand{\cited}{\textcolor{gray}{\textsf{cited}}}
\newcommand{\fails}{\textcolor{red!70!black}{\textsf{fails}}}
\begin{document}
"""

_TITLE_PAGE = r"""\begin{titlepage}
\centering
\vspace*{3cm}
{\LARGE\bfseries smoothcheck: checked derivations\par}
\vspace{1.5cm}
{\large %(claims)s from %(papers)s\par}
\vspace{1cm}
\begin{minipage}{0.8\textwidth}\small
%(papers_list)s

\bigskip
Every displayed step was checked by the engine; beside it, its evidence:
\proved{} (every value of the domain), \onscope{} (a declared finite scope, shown),
\confirmed{} (sampled), \cited{} (an external theorem, never counted as checked),
\undecided{} (the oracles disagree), or \fails{} (kept with its counterexample and
followed by its repair).
\end{minipage}
\end{titlepage}
\tableofcontents
\clearpage
"""


_LONG_DIGITS = re.compile(r"\d{24,}")


def escape(text: str) -> str:
    r"""Plain text made safe for LaTeX; a line may break after an underscore (long step labels) and
    inside a run of 24 or more digits (exact numbers stay whole in the JSON).

    >>> escape("a_b & 50%")
    'a\\_\\allowbreak{}b \\& 50\\%'
    """
    safe = "".join(_SPECIAL.get(ch, ch) for ch in text).replace(r"\_", r"\_\allowbreak{}")
    return _LONG_DIGITS.sub(lambda m: r"\allowbreak{}".join(m[0][i:i + 12] for i in range(0, len(m[0]), 12)), safe)


def display(formula: str) -> str:
    r"""A displayed formula, scaled to the line when it is wider (``\fitmath`` in the preamble)."""
    return rf"\fitmath{{{formula}}}"


_STATEMENT_HEADING = {"printed": "Statement (as printed).", "reconstructed": "Statement (as reconstructed).",
                      "project": "Statement (the project's claim, not the paper's)."}


#: A section title says when the statement is not the paper's printed one.
_KIND_MARK = {"printed": "", "reconstructed": " (reconstructed)", "project": " (the project's claim)"}


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
    out = [rf"\section{{{escape(claim.label)}: {escape(claim.title)}{_KIND_MARK[claim.statement_kind]}}}"
           rf"\label{{{anchor(claim.id)}}}",
           rf"\textbf{{Claim}} \texttt{{{escape(claim.id)}}} --- {escape(claim.reference)}.",
           rf"\paragraph{{{_STATEMENT_HEADING[claim.statement_kind]}}} {claim.statement}"]
    if claim.readings:
        out += [r"\paragraph{Readings.}", r"\begin{itemize}"]
        out += [rf"\item \textbf{{{escape(r.name)}}}"
                rf"{' --- verdict: ' + escape(report.by_reading[r.name]) if r.name in report.by_reading else ' (implausible)'}: "
                rf"{render(r.description, {}, 'tex')} ({escape(r.source)})" for r in claim.readings]
        out.append(r"\end{itemize}")
    out += [r"\paragraph{Assumptions.}", r"\begin{itemize}" if report.assumptions else "None stated."]
    for ar in report.assumptions:
        a = ar.assumption
        how = "" if ar.result is None else f" ({_badge(ar.result)})"
        unstated = " \\emph{used by the proof, not stated}" if a.used_not_stated else ""
        argument = render(a.necessity.evidence, ar.result.values if ar.result else {}, "tex")
        out.append(rf"\item {escape(a.label)}: ${a.latex}$ --- \emph{{{a.necessity.verdict}}}{how}{unstated}. "
                   rf"{argument}")
    out += [r"\end{itemize}" if report.assumptions else "", r"\paragraph{Proof, step by step.}", r"\begin{enumerate}"]
    for sr in report.steps:
        step, result = sr.step, sr.result
        origin = "printed" if step.printed else (f"repairs \\texttt{{{escape(step.repairs)}}}" if step.repairs else "added")
        reading = f", reading \\emph{{{escape(step.reading)}}}" if step.reading else ""
        reading += f", cross-check of \\texttt{{{escape(step.cross_checks)}}}" if step.cross_checks else ""
        reading += ", uses " + ", ".join(rf"\texttt{{{escape(u)}}}" for u in step.uses) if step.uses else ""
        out.append(rf"\item \texttt{{{escape(step.label)}}} [{escape(step.kind)}, {origin}{reading}] --- {_badge(result)}")
        out.append(display(step.latex))
        from proofs.induction import Induction, typeset

        if isinstance(step, Induction):  # the base case, the facts and the step, as a reader writes them
            out += typeset(step)
        if step.justification:
            out.append(render(step.justification, {}, "tex"))
        out.append(rf"{{\small Checked: {escape(result.method)}; {escape(result.detail)}.}}")
        for name, outcome in (result.outcomes or {}).items():
            out.append(rf"\par{{\small {escape(name)}: {escape(outcome)}.}}")
    out.append(r"\end{enumerate}")
    if report.errata:
        out += [r"\paragraph{Errata found by the checker.}", r"\begin{itemize}"]
        for e in report.errata:
            description, counterexample = e.rendered("tex")
            out.append(rf"\item \texttt{{{escape(e.step)}}}: {description} "
                       rf"Counterexample: {counterexample}. Repaired by \texttt{{{escape(str(e.repaired_by))}}}.")
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
    extra = claim_extra(claim) if claim.notes else {}
    for note in claim.notes:
        out.append(rf"\par\emph{{Note.}} {render(note, extra, 'tex')}")
    return "\n".join(out) + "\n"


def title_page(grouped: list[tuple[str, str, list[ClaimReport]]]) -> str:
    r"""The title page (how many claims from which papers, what the evidence marks mean) and the contents."""
    claims = sum(len(members) for _, _, members in grouped)
    listing = r"\\ ".join(rf"{escape(title)} ({len(members)})" for _, title, members in grouped)
    return _TITLE_PAGE % {"claims": f"{claims} claim{'s' * (claims != 1)}",
                          "papers": f"{len(grouped)} paper{'s' * (len(grouped) != 1)}", "papers_list": listing}


def summary_table(grouped: list[tuple[str, str, list[ClaimReport]]]) -> str:
    r"""The summary: one row per claim, linked to its section, paper by paper.

    Columns: the claim; whether its statement is printed, reconstructed or the
    project's; the verdict (with how far the statement itself is established, where the claim names
    its conclusion); how many steps are proved, proved on scope,
    confirmed, cited, undecided and not reproduced; the errata; the readings
    with each one's verdict.
    """
    out = [r"\section*{Summary}\addcontentsline{toc}{section}{Summary}",
           r"{\footnotesize\setlength{\tabcolsep}{3pt}",
           r"\begin{longtable}{@{}p{3.4cm}lp{2.9cm}rrrrrrrp{3.7cm}@{}}",
           r"\toprule claim & statement & verdict & pr. & sc. & cf. & ci. & un. & n.r. & err. & readings\\ \midrule",
           r"\endhead"]
    for _, title, members in grouped:
        out.append(rf"\multicolumn{{11}}{{@{{}}l}}{{\textbf{{{escape(title)}}}}}\\")
        for r in members:
            c, key = r.counts(), anchor(r.claim.id)
            cells = [rf"\raggedright\hyperref[{key}]{{{escape(r.claim.label)}}}, p.~\pageref{{{key}}}",
                     escape(STATEMENT_KIND[r.claim.statement_kind]),
                     r"\raggedright " + escape(r.status)
                     + (rf"\newline statement: \emph{{{escape(r.statement_evidence)}}}" if r.statement_evidence else ""),
                     *(str(c[k]) for k in ("proved", "proved-on-scope", "confirmed", "cited", "undecided",
                                           "not-reproduced", "errata")),
                     r"\raggedright " + escape(_readings(r))]
            out.append(" & ".join(cells) + r"\tabularnewline")  # \raggedright redefines \\
        out.append(r"\midrule")
    out[-1] = r"\bottomrule"
    out += [r"\end{longtable}}",
            r"{\footnotesize pr.\ proved; sc.\ proved on a declared scope; cf.\ numerically confirmed; ci.\ cited; "
            r"un.\ undecided; n.r.\ not reproduced with our settings; err.\ printed steps refuted and repaired.\par}",
            r"\clearpage"]
    return "\n".join(out) + "\n"


def _readings(report: ClaimReport) -> str:
    return "; ".join(f"{r.name}: {report.by_reading.get(r.name, 'implausible' if not r.plausible else '-')}"
                     for r in report.claim.readings) or "-"


def referee_document(reports: list[ClaimReport]) -> str:
    r"""The referee report as a standalone LaTeX document: paper by paper, the numbered findings
    (kind, locator, counterexample, repair, evidence), then each claim's statement, repaired
    statement, readings and verdict."""
    out = [PREAMBLE, r"\sloppy", r"\begin{center}{\Large\bfseries smoothcheck: referee report}\end{center}"]
    for _, title, members in parts(reports):
        out += [rf"\section{{{escape(title)}}}", r"\subsection*{Findings}"]
        numbered = [f for r in members for f in findings(r)]
        if numbered:
            out += [r"\begin{enumerate}", *(_finding_item(f) for f in numbered), r"\end{enumerate}"]
        else:
            out.append("No finding: every printed step and statement checked holds.")
        out.append(r"\subsection*{Claims}")
        for r in members:
            out.append(_claim_summary(r))
    return "\n".join(out) + "\n\\end{document}\n"


def _finding_item(f: dict) -> str:
    where = escape(f["where"]) + (rf", step \texttt{{{escape(f['step'])}}}" if f["step"] else "")
    reading = rf" (reading \emph{{{escape(f['reading'])}}})" if f["reading"] else ""
    out = [rf"\item \textbf{{{escape(f['kind'].capitalize())}}}{reading} --- {where}."]
    if f["quote"]:
        out.append(rf"The paper: ``{escape(f['quote'])}''.")
    if f["latex"]:
        out.append(display(f['latex']))
    shown = f["shown"]["tex"]
    out.append(shown["description"])
    out.append(rf"\par Counterexample: {shown['counterexample']}." if f["counterexample"] else
               r"\par Counterexample: none (the outcome is not reproduced, which is not an erratum).")
    repair = f["repair"]
    if repair is None:
        out.append(r"\par Repair: none checked.")
    elif repair.get("hypothesis"):
        out.append(rf"\par Repair: state {escape(repair['label'])}, ${repair['latex']}$.")
    else:
        level = describe(repair["evidence"], repair.get("scope"), repair.get("sample"))
        out.append(rf"\par Repair: \texttt{{{escape(repair['label'])}}} ({escape(level)}): {display(repair['latex'])}")
    if f.get("repaired_statement"):
        out.append(rf"\par Repaired statement: {f['repaired_statement']}")
    out.append(rf"\par Evidence: {escape(describe(f['evidence']))}.")
    return "\n".join(out)


def _claim_summary(report: ClaimReport) -> str:
    claim = report.claim
    out = [rf"\subsubsection*{{{escape(claim.label)}: {escape(claim.title)}{_KIND_MARK[claim.statement_kind]}}}",
           rf"\texttt{{{escape(claim.id)}}} --- {escape(claim.reference)}. Verdict: \textbf{{{escape(report.summary())}}}.",
           rf"\paragraph{{{_STATEMENT_HEADING[claim.statement_kind]}}} {claim.statement}"]
    if claim.repaired_statement:
        out.append(rf"\paragraph{{Repaired statement.}} {claim.repaired_statement}")
    if claim.readings:
        out += [r"\paragraph{Readings.}", r"\begin{itemize}"]
        out += [rf"\item \textbf{{{escape(r.name)}}} ({escape(report.by_reading.get(r.name, 'implausible'))}): "
                rf"{render(r.description, {}, 'tex')} ({escape(r.source)})" for r in claim.readings]
        out.append(r"\end{itemize}")
    return "\n".join(out) + "\n"


def notebook_latex(item: Claim | ClaimReport) -> str:
    r"""What a notebook shows for a claim, or a checked claim: its label and title, the statement
    (headed by its kind), the repaired statement and, once checked, the verdict.  Plain text with
    inline math, so that MathJax renders it and pdflatex would too."""
    report = item if isinstance(item, ClaimReport) else None
    claim = report.claim if report else item
    out = [rf"{escape(claim.label)}: {escape(claim.title)}.",
           rf"{_STATEMENT_HEADING[claim.statement_kind]} {claim.statement}"]
    if claim.repaired_statement:
        out.append(rf"Repaired statement. {claim.repaired_statement}")
    if report is not None:
        out.append(rf"Verdict: {escape(report.summary())}.")
    return "\n\n".join(out)


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
    grouped = parts(reports)
    sections = [title_page(grouped), summary_table(grouped)]
    for _, title, members in grouped:
        sections.append(rf"\clearpage\part{{{escape(title)}}}")
        for report in members:
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


_OVERFULL = re.compile(r"^Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)(.*)$", re.MULTILINE)


def overfull_boxes(log: Path, above_pt: float = 5.0) -> list[tuple[float, str]]:
    r"""The overfull boxes of a pdflatex log wider than ``above_pt`` points: ``(width, where)``.

    >>> import tempfile
    >>> log = Path(tempfile.mkdtemp()) / "x.log"
    >>> _ = log.write_text("Overfull \\hbox (12.5pt too wide) in paragraph at lines 3--4\nOverfull \\hbox (1.0pt too wide) x\n")
    >>> overfull_boxes(log)
    [(12.5, ' in paragraph at lines 3--4')]
    """
    text = Path(log).read_text(encoding="utf-8", errors="replace")
    return [(float(w), where) for w, where in _OVERFULL.findall(text) if float(w) > above_pt]


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
