r"""docs/OUTPUTS.md is current (deep), and its parts (the cases, the figure transcript, a refusal) record what
they say they record: a changed point, a changed label, a changed scale each change the text."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

from proofs import registry
from proofs.engine import Claim, Equality, Parameter
from proofs.errors import BadInput
from proofs.outputs import (REGENERATE, cases, claim_outputs, figure_transcript, outputs_markdown, payload,
                            recorded_figures, summarize)
from proofs.review import anchor

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

OUTPUTS_MD = Path(__file__).resolve().parents[2] / "docs" / "OUTPUTS.md"


def _recorded_section(cid: str) -> str:
    start = f'<a id="{anchor(cid)}"></a>'
    text = OUTPUTS_MD.read_text(encoding="utf-8")
    assert start in text, f"docs/OUTPUTS.md has no section for {cid}: run `{REGENERATE}`"
    rest = text.split(start, 1)[1]
    end = rest.find('\n<a id="')
    return (start + (rest[:end] if end >= 0 else rest)).rstrip("\n")


@pytest.mark.deep  # every claim's derive, witness and figures (about 40 CPU seconds): .ci/run runs it
def test_docs_outputs_md_is_current():
    fresh = outputs_markdown([registry.get_claim(cid) for cid in registry.claim_ids()])
    assert OUTPUTS_MD.read_text(encoding="utf-8") == fresh, f"docs/OUTPUTS.md is stale: run `{REGENERATE}`"


@pytest.mark.deep  # the mutation benchmark names it for each claim a module feeds
@pytest.mark.parametrize("cid", registry.claim_ids())
def test_each_claims_outputs_are_current(cid):
    fresh, recorded = claim_outputs(registry.get_claim(cid)), _recorded_section(cid)
    if fresh != recorded:
        changed = [f"recorded: {a}\n   fresh: {b}" for a, b in zip(recorded.splitlines(), fresh.splitlines()) if a != b]
        pytest.fail(f"{cid}: its section of docs/OUTPUTS.md is stale (run `{REGENERATE}`); first change:\n"
                    + (changed[0] if changed else "a line added or removed"))


# ------------------------------------------------------------------------------ the parts, on small inputs

def test_summary_sees_a_changed_inner_point_and_counts_non_finite_values():
    base = summarize([[0, 1], [1, 5], [2, 3]])
    assert base.startswith("3 points, [0, 2] mean 1; [1, 5] mean 3; #")
    inner = summarize([[0, 1], [1, 5.0001], [2, 3]])
    assert inner != base and inner.split("#")[0] != base.split("#")[0]  # the mean moves too
    swapped = summarize([[0, 1], [1, 3], [2, 5]])  # same count, range and mean: only the digest differs
    assert swapped.split("#")[0] == base.split("#")[0] and swapped != base
    assert summarize([1.0, float("nan"), float("inf")]) .startswith("3 points, [1, 1] mean 1; 2 not finite; #")
    assert summarize([]) == "no points"
    assert summarize([float("nan")]).startswith("1 points, no finite value; 1 not finite")


def _figure(y_scale="linear", label="data", y=(1.0, 4.0, 9.0), title="t", span=(1, 2), xlim=None):
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], list(y), label=label)
    ax.scatter([0.5], [2.5], label="dot")
    ax.axhspan(*span)
    ax.text(1, 2, "note")
    ax.set_yscale(y_scale), ax.set_title(title), ax.set_xlabel("x"), ax.set_ylabel("y"), ax.legend()
    if xlim is not None:
        ax.set_xlim(*xlim)
    return fig


def test_the_transcript_shows_every_artist_and_sees_each_change():
    base = figure_transcript(_figure())
    plt.close("all")
    assert base[0] == "figure: 1 axes"
    assert base[1].startswith("- axes 0: title 't'; x 'x' (linear, ") and "; y 'y' (linear, " in base[1]
    assert base[2].startswith("  - line 'data': 3 points, [1, 3] mean 2; [1, 9] mean 4.66667; #")
    assert any(line.startswith("  - PathCollection 'dot': offsets 1 points, [0.5, 0.5] mean 0.5; [2.5, 2.5]") for line in base)
    assert any(line.startswith("  - Rectangle") and "; [1, 2] mean 1.4" in line for line in base)  # y from 1 to 2 (5 corners)
    assert "  - text 'note' at (1, 2)" in base and "  - legend: ['data', 'dot']" in base
    for changed in ({"y_scale": "log"}, {"label": "other"}, {"y": (1.0, 4.0, 9.5)}, {"title": "u"},
                    {"span": (1, 2.5)}, {"xlim": (0, 5)}):
        assert figure_transcript(_figure(**changed)) != base, changed
        plt.close("all")


def test_recorded_figures_records_each_save_and_puts_savefig_back(tmp_path):
    from matplotlib.figure import Figure

    original = Figure.savefig
    with recorded_figures() as seen:
        _figure().savefig(tmp_path / "a.png")
        _figure(title="u").savefig(tmp_path / "b.png")
    plt.close("all")
    assert Figure.savefig is original and (tmp_path / "b.png").is_file()
    assert [s[1].split(";")[0] for s in seen] == ["- axes 0: title 't'", "- axes 0: title 'u'"]


def _toy(derive=None) -> Claim:
    x = __import__("sympy").Symbol("x")

    def derive_square(p):
        if p["n"] > 3:
            raise BadInput("n must be at most 3 here")
        return {"square": str(x**p["n"]), "loss": p["loss"]}

    return Claim(id="toy.outputs", paper="toy", label="1", section="1", title="A toy", statement="-", reference="-",
                 assumptions=(), steps=(Equality(label="s", latex="", lhs=lambda: x, rhs=x),),
                 parameters=(Parameter("n", "integer", default=2), Parameter("loss", "choice", default="l2",
                                                                               choices=("l2", "cross_entropy", "hinge"))),
                 derive=derive or derive_square)


def test_cases_are_the_defaults_then_each_other_choice():
    assert cases(_toy()) == [("defaults", []), ("loss=cross_entropy", ["loss=cross_entropy"]),
                             ("loss=hinge", ["loss=hinge"])]


def test_a_claims_section_shows_each_case_and_a_refusal_as_its_line():
    assert payload(_toy(), "derive", {"n": 2, "loss": "l2"}) == {
        "id": "toy.outputs", "parameters": {"n": 2, "loss": "l2"}, "quantities": {"square": "x**2", "loss": "l2"}}
    text = claim_outputs(_toy())
    assert text.startswith('<a id="claim-toy-outputs"></a>\n\n## toy.outputs: A toy\n\n### derive, defaults\n')
    assert '"loss": "hinge"' in text and text.count("### derive, ") == 3 and "witness" not in text

    def refuse(p):
        raise BadInput("no such quantity\nsecond line")
    assert "### derive, defaults\n\nrefused: no such quantity\n" in claim_outputs(_toy(derive=refuse))


def test_the_command_prints_the_record_of_the_named_claims_and_refuses_an_unknown_one(capsys):
    from proofs.cli import main

    assert main(["outputs", "katende.prop_2"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# smoothcheck outputs") and printed.endswith("\n")
    assert '<a id="claim-katende-prop-2"></a>' in printed and "### witness, defaults" in printed
    assert "claim-katende-thm-1" not in printed
    assert main(["outputs", "katende.nothing"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
