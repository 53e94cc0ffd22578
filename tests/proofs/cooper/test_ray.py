"""The pack module proofs/cooper/ray.py: settings and their bounds, a user's activation, the witness."""

from __future__ import annotations

import pytest
import sympy as sp

from proofs import registry
from proofs.cli import main
from proofs.cooper import ray
from proofs.errors import BadInput
from proofs.formula import parse_formula
from proofs.values import parse_settings

CID = "cooper.thm_12"


@pytest.mark.parametrize("settings", [["xs=[[1,2]]"], ["xs=[[1]]", "ys=[[1,2]]"], ["width=0"]])
def test_malformed_data_is_bad_input(settings):
    claim = registry.get_claim(CID)
    with pytest.raises(BadInput):
        claim.derive(parse_settings(claim, settings))


def test_prime_cases_distinguish_every_pair_of_dimensions():
    dims = [dict(zip(ray.DIMENSIONS, (n, d_in, w, d_out, depth))) for n, d_in, w, d_out, depth in ray.PRIME_CASES]
    for a in ray.DIMENSIONS:
        for b in ray.DIMENSIONS:
            assert a == b or any(D[a] != D[b] for D in dims), (a, b)


# ---------------------------------------------------------------- hostile sizes and hypotheses (issue 13)

#: (argv, a word the one-line refusal must contain): each is refused with exit status 2 before any expansion.
REFUSED = [
    (["witness", CID, "--set", "depth=1000000"], "depth <= 32"),
    (["derive", CID, "--set", "width=100000"], "width <= 32"),
    (["derive", CID, "--set", "d_in=100000"], "d_in <= 64"),
    (["witness", CID, "--set", "n=1000000000"], "n <= 64"),
    (["derive", CID, "--set", "d_out=1000"], "d_out <= 64"),
    (["derive", CID, "--set", "n=64", "--set", "d_in=64"], "bound 4096"),
    (["witness", "cooper.thm_14", "--set", "depth=1000000"], "depth <= 32"),
    (["witness", "cooper.depth_1", "--set", "width=100000"], "width <= 32"),
    (["witness", "cooper.corollary_subquadratic", "--set", "n=1000000000"], "n <= 64"),
    (["derive", CID, "--set", "depth=0"], "A5 (depth l >= 1"),
    (["witness", "cooper.corollary_subquadratic", "--set", "depth=0"], "A1 (hypotheses of Theorems 12 / 14)"),
    (["witness", "cooper.depth_1", "--set", "loss=cross_entropy", "--set", "d_out=1"], "A2 (b = d_out >= 2"),
    (["witness", "cooper.depth_1", "--set", "loss=cross_entropy", "--set", "xs=[[1,2],[3,4]]",
      "--set", "ys=[[0,0],[0,0]]"], "Assumption 2"),
    (["witness", CID, "--set", "activation=generic"], "activation=generic"),
    (["witness", CID, "--set", "activation=3"], "A4 (sigma non-constant)"),
    (["witness", CID, "--set", "activation=1/(1+exp(-z))"], "A1 (Assumption 1"),
    (["derive", CID, "--set", "activation=z^2"], "A1 (Assumption 1"),
    (["derive", CID, "--set", "activation=abs(z)"], "A2 (sigma twice differentiable)"),
    (["derive", CID, "--set", "activation=log(1+exp(z)"], "expected ')'"),
    (["derive", CID, "--set", "activation=__import__(z)"], "unknown name"),
    (["witness", "cooper.thm_14", "--set", "activation=exp(z)"], "A1 (Assumption 1"),
]


@pytest.mark.parametrize("argv, word", REFUSED, ids=[" ".join(a[:1] + a[3:])[:60] for a, _ in REFUSED])
def test_hostile_settings_get_one_line_and_exit_2(argv, word, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and word in err, err


def test_sizes_at_the_bound_pass_the_size_check():
    ray.check_sizes(dict(ray.MAX_SIZES, n=1, d_in=32, d_out=32))  # the bound itself is allowed
    with pytest.raises(BadInput, match="depth <= 32"):
        ray.check_sizes({"depth": ray.MAX_SIZES["depth"] + 1})


def test_declared_bounds_are_the_enforced_ones():
    bounds = {p.name: p.bounds for p in registry.get_claim(CID).parameters if p.bounds}
    assert all(bounds[name][1] == bound for name, bound in ray.MAX_SIZES.items())


# ---------------------------------------------------------------- a user's activation by formula


def test_a_formula_gives_the_catalogue_activation_quantities():
    """softplus - log 2 typed as a formula: the same closed forms as the catalogue's softplus_shifted."""
    claim = registry.get_claim(CID)
    typed = claim.derive(parse_settings(claim, ["activation=log(1+exp(z))-log(2)", "depth=3"]))
    named = claim.derive(parse_settings(claim, ["activation=softplus_shifted", "depth=3"]))
    assert typed.pop("activation")["evidence"] == "proved" and typed == named
    other = claim.derive(parse_settings(claim, ["activation=tanh", "depth=3"]))
    assert typed["hessian_entry"] != other["hessian_entry"]  # the activation is really used


def test_assumption_1_is_decided_exactly_for_a_formula():
    sigma = ray.user_sigma(parse_formula("log(1+exp(z))-log(2)"))
    assert (sigma.c, sigma.jet, sigma.evidence) == (0, (0, sp.Rational(1, 2), sp.Rational(1, 4)), "proved")
    periodic = ray.user_sigma(parse_formula("sin(z)-1/2"))  # zeros pi/6 + 2 pi k, 5 pi/6 + 2 pi k: the nearest
    assert periodic.c == sp.pi / 6 and periodic.jet[1] == sp.sqrt(3) / 2


def test_witness_for_a_formula_reports_assumption_1_and_holds():
    claim = registry.get_claim(CID)
    out = claim.witness(parse_settings(claim, ["activation=z+z^3", "L0=1000", "L1=1000"]))
    assert out["check"]["holds"] and out["activation"]["assumption_1"] == "holds"
    assert out["activation"]["evidence"] == "proved" and out["activation"]["sigma'(c)"] == "1"
