r"""The ``smoothcheck`` command line (also ``python -m proofs``).

=========  ==============================================================
command    does
=========  ==============================================================
list       every claim with its verdict
check      runs the proof checks; exit status 1 on any failure
latex      the derivation document; ``--pdf`` compiles it with pdflatex
review     the review and referee report (``--format md|json|tex``)
derive     the key derived quantities of a claim (``--set NAME=VALUE``)
witness    an explicit violating point, with its exact check
params     the ``--set`` parameters of a claim: kind, default, bounds, meaning
plot       the claim's figure from computed data (``-o FILE.pdf|png``, ``--set``)
new        a new claim, its numeric mirror and its tests, from templates
=========  ==============================================================

Bad input (unknown id, parameter or paper, a value outside a claim's
assumptions, a malformed number) prints one line on stderr and exits with 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from proofs import registry
from proofs.errors import BadInput, SmoothcheckError

# Only light modules at the top: SymPy (and NumPy, mpmath, Z3) load with the first claim a command
# builds, so `--help`, a bad argument and a warm `list` answer at once.


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise BadInput(message)


def build_parser() -> argparse.ArgumentParser:
    r"""The argument parser (errors raise :class:`BadInput` instead of exiting)."""
    parser = _Parser(prog="smoothcheck", description="Proof checking for smoothness claims in deep-learning theory.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    claims = argparse.ArgumentParser(add_help=False)
    claims.add_argument("--claims", action="append", metavar="PATH",
                        help="a claim pack folder, a folder of packs, or one claim file (repeatable); "
                             "default: $SMOOTHCHECK_CLAIMS, else the installed packs")
    work = argparse.ArgumentParser(add_help=False)
    work.add_argument("-j", "--jobs", type=_job_count, default=1, metavar="N",
                      help="check the claims in N worker processes (output as with -j 1)")
    work.add_argument("--quiet", action="store_true", help="no progress on stderr (shown only on a terminal)")
    sub.add_parser("list", help="every claim with its verdict", parents=[claims])
    check = sub.add_parser("check", help="run the proof checks (exit 1 on failure)", parents=[claims, work])
    check.add_argument("ids", nargs="*")
    check.add_argument("--paper")
    check.add_argument("--fresh", action="store_true", help="ignore the verdict cache: check everything again")
    latex = sub.add_parser("latex", help="write the derivation document", parents=[claims, work])
    latex.add_argument("ids", nargs="*")
    latex.add_argument("-o", "--output", default="smoothcheck.tex")
    latex.add_argument("--pdf", action="store_true")
    review = sub.add_parser("review", help="the review report", parents=[claims, work])
    review.add_argument("ids", nargs="*")
    review.add_argument("--format", choices=["md", "json", "tex"], default="md",
                        help="md: the referee report and review; json: the review data; tex: the referee report as LaTeX")
    outputs = sub.add_parser("outputs", parents=[claims],
                             help="the record of what derive, witness and plot give for each claim (Markdown)",
                             description="For each claim, at its defaults and at each other choice of a choice "
                                         "parameter: the JSON of derive and witness and a transcript of every figure "
                                         "plot saves; then the document's figures (docs/OUTPUTS.md).")
    outputs.add_argument("ids", nargs="*")
    for name, what in _DERIVE_WITNESS_HELP.items():
        p = sub.add_parser(name, parents=[claims], help=what, description=what + _PARAMS_POINTER)
        p.add_argument("id", help="claim id, e.g. cooper.thm_12 (smoothcheck list shows them)")
        p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                       help="a parameter of the claim (repeatable); smoothcheck params ID lists them")
        p.add_argument("--format", choices=["json", "text"], default="text")
    plot = sub.add_parser("plot", parents=[claims], help="draw the claim's figure from computed data",
                          description="The claim's figure (growth against epsilon, beta or t, with the bound it "
                                      "breaks) for the parameters given with --set, as PDF or PNG by the file name."
                                      + _PARAMS_POINTER)
    plot.add_argument("id", help="claim id, e.g. cooper.thm_12")
    plot.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.pdf or FILE.png")
    plot.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                      help="a parameter of the claim (repeatable), e.g. --set L0=10 --set L1=2")
    params = sub.add_parser("params", parents=[claims], help="the --set parameters of a claim",
                            description="Each --set parameter of a claim: kind, default, bounds or choices, meaning.")
    params.add_argument("id", help="claim id, e.g. cooper.thm_12")
    new = sub.add_parser("new", help="start a claim: claim module, numeric mirror and tests, from templates",
                         description="Write PAPER/<KIND>_<LABEL>.py (a small claim that checks green: replace it), "
                                     "its numeric mirror and its tests into a pack folder; never overwrites a file.")
    new.add_argument("paper", help="the pack's name, a lower-case identifier (the claim-id prefix)")
    new.add_argument("kind", help="thm, lemma, prop, cor, remark, ...")
    new.add_argument("label", help="the paper's number, e.g. 1 or b_2")
    new.add_argument("--into", metavar="DIR", help="the pack folder (default: ./PAPER; made a pack if it is not one)")
    return parser


_DERIVE_WITNESS_HELP = {
    "derive": "print the claim's key derived quantities (closed forms, e.g. ||grad L||^2 and a Hessian entry as "
              "polynomials in t) for the parameters given with --set",
    "witness": "print an explicit point that violates the condition the claim rules out (e.g. t* for given L0, L1), "
               "with the exact check that it does",
}
_PARAMS_POINTER = (". Parameters depend on the claim: 'smoothcheck params ID' lists them with kind, default, bounds "
                   "and meaning. Bad values print one line and exit with status 2.")


def _job_count(text: str) -> int:
    from proofs.jobs import job_count

    return job_count(text)


def _cmd_list(args) -> int:
    for cid in registry.claim_ids():
        s = registry.summary(cid)  # from the verdict cache when warm: no claim built, no SymPy
        statement = f"  (statement: {s['statement_evidence']})" if s.get("statement_evidence") else ""
        print(f"{cid:38s} {s['label']:28s} {s['status']:22s} {s['evidence'] or 'cited only'}{statement}")
    return 0


def _checked(args, ids: list[str], task):
    r"""``(cid, task(cid))`` in claim order, with ``-j`` workers and progress on stderr."""
    from proofs.jobs import Progress, in_order

    progress = Progress(len(ids), Progress.wanted(args.quiet))
    yield from in_order(task, ids, args.jobs, args.claims, progress)
    progress.finish(args.jobs)


def _results(cid: str) -> tuple:
    r"""The step and necessity results of a claim (plain data: a ``-j`` worker sends them back)."""
    r = registry.report(cid)
    return [s.result for s in r.steps], [a.result for a in r.assumptions]


def _reports(args, ids: list[str]) -> list:
    return [registry.report(cid, results) for cid, results in _checked(args, ids, _results)]


def check_line(report) -> str:
    r"""One claim's line of ``check``: verdict, weakest evidence, counts by level."""
    c = report.counts()
    return (f"{report.claim.id}: {report.summary()}\n"
            f"  steps: proved {c['proved']}, proved on scope {c['proved-on-scope']}, confirmed {c['confirmed']}, "
            f"undecided {c['undecided']}, not reproduced {c['not-reproduced']}, cited {c['cited']}, "
            f"errata {c['errata']}, failed {len(report.failures)}")


def check_block(cid: str) -> tuple[str, bool]:
    r"""What ``check`` prints for one claim, and whether it holds (plain data: a ``-j`` worker sends it)."""
    from proofs.evidence import show_scope

    r = registry.report(cid)
    lines = [check_line(r)]
    lines += [f"  on scope  {sr.step.label}: {show_scope(sr.result.scope)}"
              for sr in r.steps if sr.result.ok and sr.result.evidence == "proved-on-scope"]
    lines += [f"  UNDECIDED {flag}" for flag in r.flags]
    lines += [f"  NOT REPRODUCED (our settings; not an erratum) {item}" for item in r.not_reproduced]
    lines += [f"  FAILED {failure}" for failure in r.failures]
    return "".join(line + "\n" for line in lines), r.ok


def _cmd_check(args) -> int:
    if args.fresh:
        os.environ["SMOOTHCHECK_NO_CACHE"] = "1"
    failed = False
    for _, (text, ok) in _checked(args, registry.select(args.ids, args.paper), check_block):
        print(text, end="", flush=True)
        failed |= not ok
    return 1 if failed else 0


def _cmd_review(args) -> int:
    from proofs.review import review_json, review_markdown

    reports = _reports(args, registry.select(args.ids))
    if args.format == "tex":
        from proofs.latex import referee_document

        print(referee_document(reports), end="")
    else:
        print(review_json(reports) if args.format == "json" else review_markdown(reports), end="")
    return 0


def _cmd_latex(args) -> int:
    from proofs.latex import compile_pdf, write_document

    from proofs.latex import writable_target

    target = writable_target(args.output)  # refuse a bad path before the (long) checks run
    reports = _reports(args, registry.select(args.ids))
    tex = write_document(reports, target)
    print(f"wrote {tex}")
    if args.pdf:
        print(f"wrote {compile_pdf(tex)}")
    return 0


def _cmd_outputs(args) -> int:
    from proofs.outputs import outputs_markdown

    print(outputs_markdown([registry.get_claim(cid) for cid in registry.select(args.ids)]), end="")
    return 0


def _cmd_derive_or_witness(args) -> int:
    from proofs.outputs import payload
    from proofs.values import parse_settings

    claim = registry.get_claim(args.id)
    if getattr(claim, args.command) is None:
        raise BadInput(f"{claim.id} has no '{args.command}' (it states no such quantity)")
    shown = payload(claim, args.command, parse_settings(claim, args.set))
    if args.format == "json":
        print(json.dumps(shown, indent=2, default=str))
    else:
        for key, value in shown.items():
            print(f"{key}: {value}")
    return 0


def _cmd_plot(args) -> int:
    import shutil
    import tempfile

    from proofs.latex import writable_target
    from proofs.values import parse_settings

    target = writable_target(args.output)
    if target.suffix.lower() not in (".pdf", ".png"):
        raise BadInput(f"cannot plot to {args.output}: the file name must end in .pdf or .png")
    target.parent.mkdir(parents=True, exist_ok=True)  # as latex -o does
    claim = registry.get_claim(args.id)
    if claim.plot is None and claim.figures is None:
        raise BadInput(f"{claim.id} has no figure (smoothcheck list; the growth claims have one)")
    params = parse_settings(claim, args.set)
    if claim.plot is not None:
        made = claim.plot(params, target)
    else:  # a claim whose figures take no parameters: its default figure, in its own format
        if args.set:
            raise BadInput(f"{claim.id}'s figure takes no --set parameters")
        with tempfile.TemporaryDirectory() as folder:
            drawn = claim.figures(Path(folder))
            if not drawn or Path(drawn[0]).suffix.lower() != target.suffix.lower():
                raise BadInput(f"{claim.id} draws {Path(drawn[0]).suffix if drawn else 'no'} figures: "
                               f"name the output {target.stem}{Path(drawn[0]).suffix if drawn else ''}")
            made = Path(shutil.copyfile(drawn[0], target))
    print(f"wrote {made}")
    return 0


def _cmd_params(args) -> int:
    claim = registry.get_claim(args.id)
    if not claim.parameters:
        print(f"{claim.id} takes no --set parameters")
    for line in parameter_lines(claim):
        print(line)
    return 0


def parameter_lines(claim) -> list[str]:
    r"""One line per ``--set`` parameter: name, kind, default, bounds or choices, doc."""
    lines = []
    for p in claim.parameters:
        extra = []
        if p.bounds is not None:
            low, high = ("" if b is None else str(b) for b in p.bounds)
            extra.append(f"range [{low or '-inf'}, {high or 'inf'}]")
        if p.choices:
            extra.append(("names" if p.kind == "formula" else "choices") + ": " + ", ".join(p.choices))
        default = "none" if p.default is None else str(p.default)
        lines.append(f"{p.name:12s} {p.kind:9s} default {default:8s} " + "; ".join(extra + ([p.doc] if p.doc else [])))
    return lines


def _cmd_new(args) -> int:
    from proofs.scaffold import new_claim

    made = new_claim(args.paper, args.kind, args.label, args.into)
    for path in made.files:
        print(f"wrote {path}")
    print(f"claim {made.claim_id}: smoothcheck check --claims {made.pack_folder}; pytest {made.pack_folder}")
    return 0


_COMMANDS = {"list": _cmd_list, "check": _cmd_check, "review": _cmd_review, "latex": _cmd_latex, "outputs": _cmd_outputs,
             "derive": _cmd_derive_or_witness, "witness": _cmd_derive_or_witness, "params": _cmd_params,
             "new": _cmd_new, "plot": _cmd_plot}


def main(argv: Sequence[str] | None = None) -> int:
    r"""Run the command line; returns the exit status (2 on bad input)."""
    try:
        args = build_parser().parse_args(argv)
        registry.use(getattr(args, "claims", None))
        return _COMMANDS[args.command](args)
    except SmoothcheckError as exc:
        print(f"smoothcheck: error: {_one_line(str(exc))}", file=sys.stderr)
        return 2 if isinstance(exc, ValueError) else 1
    except KeyboardInterrupt:  # Ctrl-C: one line, the conventional status; outputs are written atomically
        print("smoothcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`: stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
