r"""The pytest plugin (:mod:`proofs.pytest_plugin`): ``pytest`` on a pack folder checks its claims.

One in-process run on a folder of toy packs (cheap: SymPy is already loaded) covers naming,
passing, errata (xfail), failures, assumptions, the mirror item, ordinary tests beside the claims,
folders that are no pack, undecided steps, a mirror that imports SymPy and the Markdown review.
A run under xdist (``-n 2``: the controller writes the JSON review) is ``deep``: its two worker
processes each load SymPy.
"""

from __future__ import annotations

import json

import pytest

from tests.proofs.toy_packs import ERRATUM, FAILING, GOOD, UNDECIDED, claim_source, write_pack

pytest_plugins = ["pytester"]


@pytest.fixture
def packs(pytester, tmp_path, monkeypatch):
    r"""A folder with the pack ``toy`` (a good claim, an erratum, a failure, an undecided step, an
    ordinary test file), the pack ``leaky`` (its mirror imports SymPy), a folder that is no pack
    but has a ``theorem()``, and a cache of its own."""
    monkeypatch.setenv("SMOOTHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SMOOTHCHECK_CLAIMS", raising=False)
    write_pack(pytester.path / "toy", "toy", {"thm_1": GOOD, "thm_2": ERRATUM, "thm_3": FAILING, "remark_1": UNDECIDED},
               init="ORDER = ('thm_1', 'thm_2', 'thm_3')\n",
               files={"test_plain.py": "def test_plain():\n    assert 1 + 1 == 2\n",
                      "helper.py": "X = 1\n"})
    write_pack(pytester.path / "leaky", "leaky", {}, files={"numeric_x.py": "import math\nimport sympy\n"})
    plain = pytester.path / "notapack"
    plain.mkdir()
    (plain / "thm_1.py").write_text(claim_source(FAILING, "notapack", "thm_1"))
    (plain / "test_other.py").write_text("def test_other():\n    pass\n")
    return pytester


def test_each_step_is_an_item_errata_xfail_failures_show_the_counterexample(packs):
    result = packs.runpytest("-p", "no:cacheprovider", "-rA", "--smoothcheck-review=review.md",
                             "-W", "always::UserWarning",
                             # Plain `pytest` on an editable install loads `proofs` through the editable
                             # finder, not pytest's rewriting hook, so the inner run warns that it cannot
                             # rewrite it; that warning is pytest's, not one of the plugin's.
                             "-W", "ignore::pytest.PytestAssertRewriteWarning")
    out = result.stdout.str()
    result.assert_outcomes(passed=8, failed=2, xfailed=1, warnings=1)
    for name in ("toy/__init__.py::toy::mirror_independence",
                 "toy/thm_1.py::toy.thm_1::factor",
                 "toy/thm_2.py::toy.thm_2::factor",
                 "toy/thm_2.py::toy.thm_2::repaired_square",
                 "toy/thm_2.py::toy.thm_2::A1",  # the assumption's necessity check
                 "toy/remark_1.py::toy.remark_1::torn",  # undecided: passes with a warning
                 "toy/test_plain.py::test_plain",  # an ordinary test beside the claims still runs
                 "notapack/test_other.py::test_other"):
        assert f"PASSED {name}" in out, name
    # the erratum: xfail, with the counterexample and the repair in the reason
    result.stdout.re_match_lines([r"XFAIL toy/thm_2.py::toy.thm_2::printed_square - erratum in the paper: .*"
                                  r"counterexample: at x = -?[\d/]+.*repaired by repaired_square"])
    # the failure: the counterexample in the failure text, not a traceback
    result.stdout.re_match_lines([r"FAILED toy/thm_3.py::toy.thm_3::wrong"])
    result.stdout.re_match_lines([r"toy.thm_3::wrong fails: .+", r"counterexample: at x = -?[\d/]+ .+"])
    assert "Traceback" not in out
    # a pack whose mirror imports SymPy: its mirror item fails, naming the import and its line
    result.stdout.re_match_lines([r"FAILED leaky/__init__.py::leaky::mirror_independence"])
    assert "leaky.numeric_x imports sympy (" in out and "numeric_x.py:2)" in out
    assert "toy.remark_1::torn: undecided (the oracles disagree): oracle one says yes" in out
    # a folder that is no pack: its theorem() is not a claim; helpers and __init__ are not claims either
    assert "notapack/thm_1.py" not in out and "helper.py" not in out
    review = (packs.path / "review.md").read_text()
    assert review.index("`toy.thm_1`") < review.index("`toy.thm_2`") < review.index("`toy.thm_3`")
    assert "printed_square" in review and "verified-with-errata" in review


@pytest.mark.deep  # three processes that each load SymPy: ~4 CPU-seconds
def test_the_xdist_controller_writes_the_json_review(packs):
    (packs.path / "toy" / "thm_3.py").unlink()
    (packs.path / "leaky" / "numeric_x.py").unlink()
    # In-process controller (cheap), two worker processes: the review must hold the claims the
    # workers ran, in the pack's order whatever order they finished in.
    result = packs.runpytest("-p", "no:cacheprovider", "-n", "2", "--smoothcheck-review=review.json")
    result.assert_outcomes(passed=9, xfailed=1)  # leaky's mirror item passes now
    review = json.loads((packs.path / "review.json").read_text())
    assert [c["id"] for c in review["claims"]] == ["toy.thm_1", "toy.thm_2", "toy.remark_1"]
    assert [c["status"] for c in review["claims"]][:2] == ["verified", "verified-with-errata"]


def test_a_review_into_a_missing_folder_is_refused_before_the_run(packs):
    result = packs.runpytest("-p", "no:cacheprovider", "--smoothcheck-review=nowhere/review.md")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--smoothcheck-review: no folder*nowhere*"])


def test_a_pack_that_breaks_a_rule_is_one_line_of_collection_error(pytester, tmp_path, monkeypatch):
    monkeypatch.setenv("SMOOTHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    write_pack(pytester.path / "misnamed", "misnamed", {}, files={"thm_2.py": claim_source(GOOD, "misnamed", "thm_1")})
    write_pack(pytester.path / "json", "jsonpack", {"thm_1": GOOD})  # would shadow the imported json module
    result = pytester.runpytest("-p", "no:cacheprovider", "--collect-only", "-q")
    out = result.stdout.str()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    assert "InconsistentClaim:" in out and "defines claim 'misnamed.thm_1', expected 'misnamed.thm_2'" in out
    assert "BadInput:" in out and "would be imported as 'json'" in out
    assert "Traceback" not in out and "proofs/registry.py" not in out


def test_runxfail_turns_an_erratum_into_a_failure_never_a_pass(pytester, tmp_path, monkeypatch):
    monkeypatch.setenv("SMOOTHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    write_pack(pytester.path / "toy", "toy", {"thm_2": ERRATUM})
    result = pytester.runpytest("-p", "no:cacheprovider", "--runxfail", "-k", "printed_square")
    result.assert_outcomes(failed=1, deselected=4)
    result.stdout.re_match_lines([r"toy.thm_2::printed_square fails: .+", r"counterexample: at x = -?[\d/]+ .+"])
