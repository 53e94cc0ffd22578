r"""Cooper Lemma 11 (written against the mutation benchmark): the direct-differentiation cross-check
differentiates the architecture that its scope and its detail name, widths (1, 2), d_in 1, d_out 1."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.cooper import lemma_11

CID = "cooper.lemma_11"


class _Seen(Exception):
    pass


def test_the_direct_check_runs_on_its_declared_scope(monkeypatch):
    # The referee reads "widths [1, 2], d_in 1, d_out 1" in the scope and the detail: a check that silently
    # differentiated another network would prove something other than what it shows.
    def record(arch, **_):
        raise _Seen(arch)

    monkeypatch.setattr(lemma_11.net, "naive_output_derivatives", record)
    with pytest.raises(_Seen) as seen:
        lemma_11.direct_check()
    arch = seen.value.args[0]
    step = next(s for s in registry.get_claim(CID).steps if s.label == "jets_equal_direct_differentiation")
    (declared,) = step.scope["architectures"]
    assert (list(arch.widths), arch.d_in, arch.d_out) == (declared["widths"], declared["d_in"], declared["d_out"]) \
        == ([1, 2], 1, 1)



@pytest.mark.parametrize("label", ["jets_equal_direct_differentiation", "lemma_11_agrees_with_mirror"])
def test_our_cross_checks_are_marked_as_added_in_the_report(label):
    r"""The cross-check against direct differentiation and the one against the mpmath mirror are ours, not steps
    of the paper: the LaTeX report must tag them ``added``, not ``printed``, so a referee does not look for them
    in the paper."""
    from proofs import latex

    head = r"\item \texttt{" + label.replace("_", r"\_\allowbreak{}") + "} ["
    (line,) = [line for line in latex.claim_section(registry.report(CID)).splitlines() if line.startswith(head)]
    assert line[len(head):].split(", ")[1] == "added"
