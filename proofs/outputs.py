r"""The record of what each claim gives a user besides its verdict: ``derive``, ``witness`` and its figures.

``docs/REVIEW.md`` records what the checks found; this records what ``smoothcheck derive``,
``smoothcheck witness`` and ``smoothcheck plot`` (and the document's figures) give, so that a change to a
claim module that changes a closed form, a witness or a plotted curve is seen, as a stale record, even
where no proof step reads it.  For each claim, the cases are its default parameters and, for each
``choice`` parameter, each other choice (the rest at their defaults); for each case:

* ``derive`` and ``witness``: the JSON that ``smoothcheck derive|witness --format json`` prints
  (:func:`payload`), or the one line it refuses with;
* ``plot`` (and ``figures``, the document's figures, once): a transcript of every figure saved
  (:func:`figure_transcript`): each axes' title, labels and scales, and for each line, collection, patch
  and text its label and data, summarized (count, least, greatest, mean at 6 significant digits, and a
  digest of every value at 6 significant digits).  The picture's styling (colours, widths) is not recorded.

It pins what a user reads, not that it is right: that is the claim's checks' business.  The text is
deterministic (no paths, dates or timings), and ``tests/proofs/test_outputs.py`` compares each claim's
section with a fresh rendering.  Write it with ``smoothcheck outputs > docs/OUTPUTS.md`` (``--claims PATH`` for
another pack).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator, Mapping

from proofs.engine import Claim
from proofs.errors import SmoothcheckError

#: The command that writes ``docs/OUTPUTS.md``.
REGENERATE = "smoothcheck outputs > docs/OUTPUTS.md"


def jsonable(value: Any) -> Any:
    r"""``value`` with dicts, lists, numbers, strings and ``None`` kept and anything else as its ``str``."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (int, float, str)) or value is None:
        return value
    return str(value)


def payload(claim: Claim, command: str, params: Mapping[str, Any]) -> dict[str, Any]:
    r"""What ``smoothcheck derive|witness`` prints for ``params`` (already parsed), as a dict."""
    if command == "derive":
        return {"id": claim.id, "parameters": jsonable(dict(params)), "quantities": claim.derive(dict(params))}
    return {"id": claim.id, "parameters": jsonable(dict(params)), **claim.witness(dict(params))}


def cases(claim: Claim) -> list[tuple[str, list[str]]]:
    r"""``(name, --set settings)``: the defaults, then each other choice of each ``choice`` parameter."""
    out: list[tuple[str, list[str]]] = [("defaults", [])]
    for parameter in claim.parameters:
        if parameter.kind == "choice":
            out += [(f"{parameter.name}={c}", [f"{parameter.name}={c}"]) for c in parameter.choices
                    if c != parameter.default]
    return out


# ----------------------------------------------------------------------------------------- figures

def _number(value: float) -> str:
    return f"{value:.6g}"


def summarize(values: Any) -> str:
    r"""Count, least, greatest, mean (finite entries; 6 significant digits) of each column of ``values``
    (an ``n x k`` array, or a flat one), the count of non-finite entries, and a digest of every entry at
    6 significant digits (so that a changed point inside the range is seen too)."""
    import numpy as np

    data = np.ma.getdata(np.asarray(values, dtype=float))
    if data.size == 0:
        return "no points"
    data = data.reshape(len(data), -1) if data.ndim != 1 else data.reshape(-1, 1)
    digest = hashlib.sha256(" ".join(_number(v) for v in data.ravel()).encode()).hexdigest()[:12]
    columns = []
    for column in data.T:
        finite = column[np.isfinite(column)]
        if finite.size:
            columns.append(f"[{_number(finite.min())}, {_number(finite.max())}] mean {_number(finite.mean())}")
        else:
            columns.append("no finite value")
    bad = int(np.size(data) - np.isfinite(data).sum())
    return f"{len(data)} points, " + "; ".join(columns) + (f"; {bad} not finite" if bad else "") + f"; #{digest}"


def figure_transcript(fig: Any) -> list[str]:
    r"""What a Matplotlib figure shows, as lines of text: per axes its title, labels, scales, limits and every
    line, collection, patch and text, with its label and its data summarized (:func:`summarize`)."""
    title = fig._suptitle.get_text() if fig._suptitle is not None else ""  # get_suptitle() needs Matplotlib 3.8
    lines = [f"figure: {len(fig.axes)} axes" + (f", title {title!r}" if title else "")]
    for k, ax in enumerate(fig.axes):
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()  # the window a reader sees (set, or from the data)
        lines.append(f"- axes {k}: title {ax.get_title()!r}; x {ax.get_xlabel()!r} ({ax.get_xscale()}, "
                     f"{_number(x0)} to {_number(x1)}); y {ax.get_ylabel()!r} ({ax.get_yscale()}, "
                     f"{_number(y0)} to {_number(y1)})")
        for line in ax.get_lines():
            lines.append(f"  - line {line.get_label()!r}: {summarize(line.get_xydata())}")
        for collection in ax.collections:
            # a scatter's points are its offsets (its path is the marker); a filled area's are its paths' vertices
            vertices = [v for path in collection.get_paths() for v in path.vertices]
            lines.append(f"  - {type(collection).__name__} {collection.get_label()!r}: offsets "
                         f"{summarize(collection.get_offsets())}; paths {summarize(vertices)}")
        for patch in ax.patches:
            # the path in the patch's own coordinates (data, or axes fraction along a span's free side)
            corners = patch.get_patch_transform().transform(patch.get_path().vertices)
            lines.append(f"  - {type(patch).__name__} {patch.get_label()!r}: {summarize(corners)}")
        for text in ax.texts:
            lines.append(f"  - text {text.get_text()!r} at ({_number(text.get_position()[0])}, "
                         f"{_number(text.get_position()[1])})")
        legend = ax.get_legend()
        if legend is not None:
            lines.append(f"  - legend: {[t.get_text() for t in legend.get_texts()]}")
    return lines


@contextlib.contextmanager
def recorded_figures() -> Iterator[list[list[str]]]:
    r"""Within the block, every ``Figure.savefig`` also appends the figure's transcript to the list yielded."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    seen: list[list[str]] = []
    original = Figure.savefig

    def savefig(self, fname, *args, **kwargs):
        seen.append(figure_transcript(self))
        return original(self, fname, *args, **kwargs)

    Figure.savefig = savefig
    try:
        yield seen
    finally:
        Figure.savefig = original


# -------------------------------------------------------------------------------------- the record

def _outcome(run) -> list[str]:
    r"""``run()``'s lines, or the one line a user would be refused with."""
    try:
        return run()
    except SmoothcheckError as error:
        return [f"refused: {str(error).splitlines()[0]}"]


def claim_outputs(claim: Claim) -> str:
    r"""The claim's section of ``docs/OUTPUTS.md``: derive, witness and plot for each of its :func:`cases`,
    then its document figures."""
    from proofs.review import anchor

    lines = [f'<a id="{anchor(claim.id)}"></a>', "", f"## {claim.id}: {claim.title}", ""]
    plotted: dict[str, list[str]] = {}
    for name, settings in cases(claim):
        for command in ("derive", "witness"):
            if getattr(claim, command) is not None:
                shown = _outcome(functools.partial(_derived, claim, command, settings))
                lines += [f"### {command}, {name}", "", *shown, ""]
        if claim.plot is not None:
            plotted[name] = _outcome(functools.partial(_plotted, claim, settings))
            lines += [f"### plot, {name}", "", *plotted[name], ""]
    if claim.figures is not None:
        lines += ["### figures (the document's)", ""]
        with tempfile.TemporaryDirectory() as folder, recorded_figures() as seen:
            made = claim.figures(Path(folder))
        drawn = [line for figure in seen for line in figure]
        lines += [f"{len(made)} file(s): {', '.join(Path(p).name for p in made)}", ""]
        lines += (["The figure of plot, defaults."] if drawn == plotted.get("defaults") else drawn) + [""]
    if len(lines) == 4:
        lines += ["No derive, witness or figure.", ""]
    return "\n".join(lines).rstrip("\n")


def _derived(claim: Claim, command: str, settings: list[str]) -> list[str]:
    from proofs.values import parse_settings

    return ["```json", json.dumps(payload(claim, command, parse_settings(claim, settings)), indent=2, default=str), "```"]


def _plotted(claim: Claim, settings: list[str]) -> list[str]:
    from proofs.values import parse_settings

    with tempfile.TemporaryDirectory() as folder, recorded_figures() as seen:
        claim.plot(parse_settings(claim, settings), Path(folder) / "figure.pdf")
    return [line for figure in seen for line in figure]


def outputs_markdown(claims: list[Claim]) -> str:
    r"""``docs/OUTPUTS.md``: a header, then each claim's :func:`claim_outputs`."""
    head = ["# smoothcheck outputs", "",
            f"Generated by `smoothcheck outputs` (this repository's copy: `{REGENERATE}`); do not edit by hand: "
            "`tests/proofs/test_outputs.py` fails when it is stale.  What `smoothcheck derive`, `witness` and `plot` give for each claim at its default "
            "parameters and at each other choice of a choice parameter, and a transcript of its figures (see "
            "`proofs/outputs.py`).  It records outputs; whether they are right is what docs/REVIEW.md reports.", ""]
    return "\n".join(head) + "\n" + "\n\n".join(claim_outputs(c) for c in claims) + "\n"


def main() -> int:
    r"""``python -m proofs.outputs``: the same as ``smoothcheck outputs`` (bad input: one line, status 2)."""
    from proofs.cli import main as cli

    return cli(["outputs", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
