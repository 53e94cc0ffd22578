r"""The ``smoothcheck`` command line (also ``python -m proofs``).

=========  ==============================================================
command    does
=========  ==============================================================
list       every claim with its verdict
check      runs the proof checks; exit status 1 on any failure
latex      the derivation document; ``--pdf`` compiles it with pdflatex
review     the review report (``--format md|json``)
derive     the key derived quantities of a claim (``--set NAME=VALUE``)
witness    an explicit violating point, with its exact check
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
from typing import Any, Sequence

from proofs import registry
from proofs.errors import BadInput, SmoothcheckError
from proofs.evidence import show_scope
from proofs.values import parse_settings


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
    sub.add_parser("list", help="every claim with its verdict", parents=[claims])
    check = sub.add_parser("check", help="run the proof checks (exit 1 on failure)", parents=[claims])
    check.add_argument("ids", nargs="*")
    check.add_argument("--paper")
    check.add_argument("--fresh", action="store_true", help="ignore the verdict cache: check everything again")
    latex = sub.add_parser("latex", help="write the derivation document", parents=[claims])
    latex.add_argument("ids", nargs="*")
    latex.add_argument("-o", "--output", default="smoothcheck.tex")
    latex.add_argument("--pdf", action="store_true")
    review = sub.add_parser("review", help="the review report", parents=[claims])
    review.add_argument("ids", nargs="*")
    review.add_argument("--format", choices=["md", "json"], default="md")
    for name in ("derive", "witness"):
        p = sub.add_parser(name, parents=[claims])
        p.add_argument("id")
        p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
        p.add_argument("--format", choices=["json", "text"], default="text")
    return parser


def _cmd_list(args) -> int:
    for cid in registry.claim_ids():
        r = registry.report(cid)
        print(f"{cid:38s} {r.claim.label:28s} {r.status:22s} {r.evidence or 'cited only'}")
    return 0


def check_line(report) -> str:
    r"""One claim's line of ``check``: verdict, weakest evidence, counts by level."""
    c = report.counts()
    return (f"{report.claim.id}: {report.summary()}\n"
            f"  steps: proved {c['proved']}, proved on scope {c['proved-on-scope']}, confirmed {c['confirmed']}, "
            f"undecided {c['undecided']}, not reproduced {c['not-reproduced']}, cited {c['cited']}, "
            f"errata {c['errata']}, failed {len(report.failures)}")


def _cmd_check(args) -> int:
    if args.fresh:
        os.environ["SMOOTHCHECK_NO_CACHE"] = "1"
    failed = False
    for cid in registry.select(args.ids, args.paper):
        r = registry.report(cid)
        print(check_line(r))
        for sr in r.steps:
            if sr.result.ok and sr.result.evidence == "proved-on-scope":
                print(f"  on scope  {sr.step.label}: {show_scope(sr.result.scope)}")
        for flag in r.flags:
            print(f"  UNDECIDED {flag}")
        for item in r.not_reproduced:
            print(f"  NOT REPRODUCED (our settings; not an erratum) {item}")
        for failure in r.failures:
            print(f"  FAILED {failure}")
        failed |= not r.ok
    return 1 if failed else 0


def _cmd_review(args) -> int:
    from proofs.review import review_json, review_markdown

    reports = [registry.report(cid) for cid in registry.select(args.ids)]
    print(review_json(reports) if args.format == "json" else review_markdown(reports), end="")
    return 0


def _cmd_latex(args) -> int:
    from proofs.latex import compile_pdf, write_document

    from proofs.latex import writable_target

    target = writable_target(args.output)  # refuse a bad path before the (long) checks run
    reports = [registry.report(cid) for cid in registry.select(args.ids)]
    tex = write_document(reports, target)
    print(f"wrote {tex}")
    if args.pdf:
        print(f"wrote {compile_pdf(tex)}")
    return 0


def _cmd_derive_or_witness(args) -> int:
    claim = registry.get_claim(args.id)
    function = claim.derive if args.command == "derive" else claim.witness
    if function is None:
        raise BadInput(f"{claim.id} has no '{args.command}' (it states no such quantity)")
    params = parse_settings(claim, args.set)
    result = function(params)
    if args.command == "derive":
        payload: dict[str, Any] = {"id": claim.id, "parameters": _jsonable(params), "quantities": result}
    else:
        payload = {"id": claim.id, "parameters": _jsonable(params), **result}
    if args.format == "json":
        print(json.dumps(payload, indent=2, default=str))
    else:
        for key, value in payload.items():
            print(f"{key}: {value}")
    return 0


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (int, float, str)) or value is None:
        return value
    return str(value)


_COMMANDS = {"list": _cmd_list, "check": _cmd_check, "review": _cmd_review, "latex": _cmd_latex,
             "derive": _cmd_derive_or_witness, "witness": _cmd_derive_or_witness}


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
