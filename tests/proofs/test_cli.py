r"""The command line: JSON shapes, exit codes, and one clear line on bad input."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from proofs.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


BAD_INPUTS = [
    ("unknown id", ["derive", "katende.thm_99"]),
    ("unknown parameter", ["derive", "katende.thm_1", "--set", "z=1"]),
    ("outside the assumptions (A2: y != 0)", ["witness", "katende.thm_1", "--set", "y=0"]),
    ("L must be positive", ["witness", "katende.thm_1", "--set", "L=-1"]),
    ("malformed number", ["derive", "katende.thm_1", "--set", "x=1/0"]),
    ("an expression is not evaluated", ["derive", "katende.thm_1", "--set", "x=__import__('os').system('true')"]),
    ("missing '='", ["derive", "katende.thm_1", "--set", "x"]),
    ("unknown command", ["frobnicate"]),
    ("unknown paper", ["check", "--paper", "smith"]),
    ("unknown format", ["review", "--format", "xml"]),
]


@pytest.mark.parametrize("why,argv", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_and_exit_2(capsys, why, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2, why
    assert err.count("\n") == 1 and err.startswith("smoothcheck: error:"), err


def test_witness_json_violates_the_named_L_exactly(capsys):
    code, out, _ = run(capsys, "witness", "katende.thm_1", "--set", "L=1e12", "--set", "x=2", "--set", "y=3", "--format", "json")
    payload = json.loads(out)
    assert code == 0 and payload["check"]["holds"] is True and payload["constants"]["L"] == "1000000000000"
    (w1, b1), (w2, b2) = [[Fraction(c) for c in p] for p in payload["points"]]
    assert (w1 * 2 + b1) * (w2 * 2 + b2) < 0  # the two points straddle the activation boundary


def test_derive_prints_both_gradients_and_the_ratio(capsys):
    code, out, _ = run(capsys, "derive", "katende.thm_1", "--set", "x=2", "--set", "y=3", "--format", "json")
    q = json.loads(out)["quantities"]
    assert code == 0 and q["ratio"] == "Abs(5*epsilon - 3)/(2*epsilon)" and q["gradient_minus"] == "[0, 0]"
    assert q["ratio_limit"] == "oo"


def test_review_json_has_the_design_fields(capsys):
    code, out, _ = run(capsys, "review", "katende.thm_1", "--format", "json")
    entry = json.loads(out)["claims"][0]
    assert code == 0 and {"id", "paper", "label", "status", "hypotheses", "steps", "errata"} <= set(entry)
    assert {"name", "necessary", "evidence"} <= set(entry["hypotheses"][0])
    assert {"label", "kind", "latex", "checked", "ok"} <= set(entry["steps"][0])
    assert {"step", "description", "counterexample"} <= set(entry["errata"][0])


def test_check_and_list(capsys):
    assert run(capsys, "check", "katende.thm_1")[0] == 0
    code, out, _ = run(capsys, "list")
    assert code == 0 and "katende.thm_1" in out


def test_review_json_carries_evidence_and_scope_on_every_step_and_hypothesis(capsys):
    code, out, _ = run(capsys, "review", "katende.thm_1", "cooper.thm_13", "--format", "json")
    levels = {"proved", "proved-on-scope", "confirmed", "cited", "undecided"}
    for entry in json.loads(out)["claims"]:
        assert entry["evidence"] in levels and entry["summary"].startswith(entry["status"])
        for item in entry["steps"] + entry["hypotheses"]:
            assert {"evidence", "scope"} <= set(item), item["label"]
            assert item["evidence"] in levels | {"argument"}
            assert (item["evidence"] == "proved-on-scope") == bool(item["scope"]), item["label"]


def test_check_prints_the_counts_of_the_report(capsys):
    import re

    from proofs import registry

    code, out, _ = run(capsys, "check", "cooper.thm_13")
    counts = registry.report("cooper.thm_13").counts()
    printed = dict((k.replace(" ", "-"), int(v)) for k, v in re.findall(r"(proved on scope|proved|confirmed|undecided|not reproduced|cited|errata) (\d+)", out))
    assert code == 0 and printed == {k: counts[k] for k in printed} and len(printed) == 7
    assert out.startswith(f"cooper.thm_13: {registry.report('cooper.thm_13').summary()}")


def _bad_targets(tmp_path):
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o500)
    regular = tmp_path / "file.txt"
    regular.write_text("x")
    return {"a read-only directory": readonly / "out.tex", "a directory": tmp_path, "an empty name": "",
            "under a regular file": regular / "out.tex", "a device": "/dev/full"}


@pytest.mark.parametrize("why", ["a read-only directory", "a directory", "an empty name", "under a regular file",
                                 "a device"])
def test_latex_refuses_a_bad_output_path_in_one_line_before_any_check(capsys, tmp_path, why, monkeypatch):
    import os

    from proofs import registry

    if why == "a read-only directory" and os.geteuid() == 0:
        # Root writes anywhere, so the machine cannot deny it: deny it the way it is denied to everyone else.
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).endswith("readonly") else real_access(p, mode))

    monkeypatch.setattr(registry, "report", lambda cid: pytest.fail("checked claims before refusing the path"))
    target = _bad_targets(tmp_path)[why]
    code, out, err = run(capsys, "latex", "katende.thm_1", "-o", str(target))
    assert code == 2 and err.count("\n") == 1 and err.startswith("smoothcheck: error:"), err
    assert not list(tmp_path.glob("**/*.tex")), "a partial output file was left behind"


def test_an_interrupt_is_one_line_and_exit_130(capsys, monkeypatch):
    from proofs import cli

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(cli._COMMANDS, "list", interrupted)
    code, out, err = run(capsys, "list")
    assert code == 130 and err == "smoothcheck: interrupted\n"


def test_an_interrupted_document_write_leaves_no_file(tmp_path, monkeypatch):
    import os

    from proofs.latex import atomic_write

    target = tmp_path / "doc.tex"

    def interrupted_replace(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "\\documentclass{article}")
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_midway_is_one_line_and_leaves_no_file(capsys, tmp_path, monkeypatch):
    import tempfile

    from proofs import registry

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    monkeypatch.setattr(registry, "select", lambda ids, paper=None: [])
    code, out, err = run(capsys, "latex", "-o", str(tmp_path / "doc.tex"))
    assert code == 2 and "Permission denied" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- discoverability: params and --help


def test_params_lists_kind_default_bounds_and_doc(capsys):
    code, out, err = run(capsys, "params", "cooper.thm_12")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert code == 0 and not err
    assert "integer" in lines["depth"] and "default 2" in lines["depth"] and "range [0, 32]" in lines["depth"]
    assert "formula" in lines["activation"] and "tanh" in lines["activation"] and "formula in z" in lines["activation"]
    assert "range [0, inf]" in lines["L0"]


def test_params_of_an_unknown_claim_is_one_line(capsys):
    code, out, err = run(capsys, "params", "cooper.no_such_claim")
    assert code == 2 and err.count("\n") == 1


@pytest.mark.parametrize("command, words", [("derive", "derived quantities"), ("witness", "violates")])
def test_derive_and_witness_help_say_what_they_print_and_point_to_params(capsys, command, words):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert info.value.code == 0 and words in out and "smoothcheck params ID" in " ".join(out.split())


# ---------------------------------------------------------------- -j N workers, progress on stderr

_CHEAP = ["kumar.eq_9", "kumar.prop_b_2"]  # two cheap claims: the workers' start-up is the cost


def test_check_with_two_workers_prints_what_one_prints(capsys, monkeypatch):
    one = run(capsys, "check", *_CHEAP)
    monkeypatch.setenv("SMOOTHCHECK_NO_CACHE", "1")  # the workers check afresh and send their answers back
    two = run(capsys, "check", "-j", "2", *_CHEAP)
    assert one[0] == two[0] == 0 and one[1] == two[1], "check -j 2 printed something else than check -j 1"


def test_results_sent_back_by_a_worker_give_the_same_review(capsys):
    import pickle

    from proofs import cli, registry
    from proofs.review import review_json

    alone = run(capsys, "review", "--format", "json", *_CHEAP)[1]
    sent = {cid: pickle.loads(pickle.dumps(cli._results(cid))) for cid in _CHEAP}  # what -j N workers send
    fresh = registry.Registry()
    assert review_json([fresh.report(cid, sent[cid]) for cid in _CHEAP]) == alone


@pytest.mark.parametrize("jobs", ["0", "-1", "two", "1.5"])
def test_a_bad_number_of_jobs_is_one_line_and_exit_2(capsys, jobs):
    code, out, err = run(capsys, "check", "-j", jobs, "katende.thm_1")
    assert code == 2 and not out and err.count("\n") == 1 and "jobs" in err, err


class _Terminal:
    r"""A stderr that says it is a terminal (progress is shown only on one)."""

    def __init__(self):
        self.text = ""

    def isatty(self):
        return True

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_progress_goes_to_a_terminal_stderr_only_and_never_to_stdout(capsys, monkeypatch):
    piped = run(capsys, "check", "katende.thm_1")
    assert piped[2] == "", "progress was written to a stderr that is not a terminal"
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert run(capsys, "check", "katende.thm_1")[1] == piped[1]
    assert "[1/1] katende.thm_1" in terminal.text and " s\n" in terminal.text
    terminal.text = ""
    run(capsys, "check", "--quiet", "katende.thm_1")
    assert terminal.text == ""


def test_plot_draws_the_users_figure_and_refuses_bad_targets(tmp_path, capsys):
    from proofs import cli

    assert cli.main(["plot", "katende.thm_1", "-o", str(tmp_path / "ratio.pdf"), "--set", "y=-2"]) == 0
    assert (tmp_path / "ratio.pdf").read_bytes().startswith(b"%PDF")
    for argv in (["plot", "katende.thm_1", "-o", str(tmp_path / "ratio.txt")],
                 ["plot", "kumar.prop_b_3", "-o", str(tmp_path / "x.pdf")],
                 ["plot", "katende.thm_1", "-o", str(tmp_path)]):
        capsys.readouterr()
        assert cli.main(argv) == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1
