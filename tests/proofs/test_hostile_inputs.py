r"""Hostile ``--set`` input for the Kumar and Katende claims (issue 13): every row is refused with
exit status 2 and exactly one line on stderr naming the bound or the assumption it breaks, fast,
through :func:`proofs.cli.main` in-process.  Classes: big numbers, sizes that drive a loop or an
allocation, malformed nesting (a list where a number belongs), seeds, and the claims' hypotheses.
(The Cooper rows are in tests/proofs/cooper/.)"""

from __future__ import annotations

import pytest

from proofs import cli

DEEP_900, DEEP_50000 = "[" * 900 + "]" * 900, "[" * 50000 + "]" * 50000

ROWS = [
    # big numbers
    (["derive", "katende.thm_1", "--set", "x=1e10000"], "at most 1000 digits"),
    (["derive", "katende.thm_1", "--set", "y=" + "9" * 5000], "at most 1000 digits"),
    (["derive", "katende.prop_2", "--set", "eta=1e-999999999"], "at most 1000 digits"),
    (["derive", "kumar.prop_b_1", "--set", "beta0=[1e999999999]"], "at most 1000 digits"),
    (["witness", "katende.thm_1", "--set", "x=1/" + "7" * 999], "the bound is 100 digits"),
    (["witness", "katende.prop_2", "--set", "x=1e-999"], "the bound is 100 digits"),
    (["derive", "kumar.prop_b_5", "--set", "lam=1e-999"], "the bound is 100 digits"),
    (["derive", "kumar.prop_b_4", "--set", "gamma=1e-999"], "Z_k is undecided"),
    # sizes
    (["derive", "kumar.prop_b_3", "--set", "steps=1000000000"], "steps <= 200"),
    (["derive", "kumar.prop_b_3", "--set", "steps=100000"], "steps <= 200"),
    (["derive", "kumar.prop_b_3", "--set", "steps=-1"], "steps >= 0"),
    (["derive", "kumar.prop_b_3", "--set", "steps=200", "--set", "alpha=1/" + "7" * 99], "steps * (digits of alpha, lam, mu, beta0) <= 4000"),
    (["derive", "kumar.experiment_capture", "--set", "iterations=20000"], "iterations <= 6000"),
    (["derive", "kumar.experiment_capture", "--set", "iterations=1"], "iterations >= 2"),
    (["derive", "kumar.experiment_lasso", "--set", "steps=10000000"], "steps <= 50000"),
    (["derive", "kumar.eq_9", "--set", "alpha=1e-12"], "A1 (beta0 off alpha*lambda*Z"),  # 0.4947 is in 1e-12*Z
    (["derive", "kumar.eq_9", "--set", "alpha=1e-12", "--set", 'beta0=["1/3"]'], "n*(max|beta0_i|/(alpha*lambda) + 1) <= 200000"),
    (["derive", "kumar.prop_b_1", "--set", "lam=1e-999"], "n*(max|beta0_i|/(alpha*lambda) + 1) <= 200000"),
    (["derive", "kumar.prop_b_2", "--set", "alpha=7e-9"], "n*(max|beta0_i|/(alpha*lambda) + 1) <= 200000"),
    (["derive", "kumar.prop_4_1", "--set", "alpha=7e-9"], "n*(max|beta0_i|/(alpha*lambda) + 1) <= 200000"),
    (["derive", "kumar.example_4", "--set", "lam_small=7e-7"], "n*(max|beta0_i|/(alpha*lambda) + 1) <= 200000"),
    (["derive", "kumar.prop_b_1", "--set", "beta0=[" + ",".join(["0.3"] * 101) + "]"], "len(beta0) <= 100"),
    (["derive", "kumar.prop_b_4", "--set", "k=15"], "k <= 14"),
    (["derive", "katende.prop_2", "--set", "xs=[" + ",".join(["1"] * 51) + "]"], "len(xs) <= 50"),
    (["derive", "katende.remark_1", "--set", "widths=[1000000]"], "widths <= 64"),
    (["derive", "katende.remark_1", "--set", "widths=[0]"], "widths >= 1"),
    (["derive", "katende.remark_1", "--set", "widths=[" + ",".join(["2"] * 13) + "]"], "len(widths) <= 12"),
    (["derive", "katende.remark_1", "--set", "d=100000"], "d <= 64"),
    (["derive", "katende.remark_1", "--set", "d=0"], "d >= 1"),
    # malformed nesting: a list where a number belongs, and lists too deep
    (["derive", "katende.prop_2", "--set", "xs=[[[1],2],[3,4]]"], "xs must be a flat list of numbers"),
    (["derive", "kumar.prop_b_1", "--set", "beta0=[[0.5]]"], "beta0 must be a flat list of numbers"),
    (["derive", "kumar.eq_9", "--set", "beta0=[[0.5], 0.3]"], "beta0 must be a flat list of numbers"),
    (["derive", "katende.prop_2", "--set", "theta=[1, 2, 3]"], "2 <= len(theta) <= 2"),
    (["derive", "katende.remark_1", "--set", "widths=[[3], 2]"], "widths must be a flat list of numbers"),
    (["derive", "kumar.prop_b_2", "--set", "beta0=" + DEEP_900], "at most 8"),
    (["derive", "kumar.prop_b_2", "--set", "beta0=" + DEEP_50000], "at most 8"),
    (["derive", "kumar.prop_b_1", "--set", "beta0=[]"], "1 <= len(beta0)"),
    # seeds (NumPy: [0, 2^32))
    (["derive", "kumar.experiment_lasso", "--set", "seed=-1"], "seed >= 0"),
    (["derive", "kumar.experiment_lasso", "--set", "seed=4294967296"], "seed <= 4294967295"),
    # hypotheses, named by the assumption's label
    (["derive", "kumar.prop_b_3", "--set", "mu=1"], "A2 (mu < 1)"),
    (["derive", "kumar.prop_b_3", "--set", "mu=0"], "A1 (mu != 0)"),
    (["derive", "kumar.prop_b_3", "--set", "beta0=0"], "A3 (beta^(k-1) != 0)"),
    (["derive", "kumar.prop_b_3", "--set", "alpha=0"], "A5 (alpha > 0)"),
    (["derive", "kumar.prop_b_1", "--set", "alpha=-1"], "A1"),
    (["derive", "kumar.prop_b_2", "--set", "beta0=[0.5]"], "A3"),
    (["derive", "kumar.eq_9", "--set", "lam=0"], "A2"),
    (["derive", "kumar.prop_b_4", "--set", "gamma=1"], "A1"),
    (["derive", "kumar.prop_b_5", "--set", "gamma=2"], "A1 (0 < gamma < 1)"),
    (["derive", "kumar.experiment_lasso", "--set", "alpha=0.5"], "A1 (alpha < 2/L)"),
    (["derive", "katende.thm_1", "--set", "y=0"], "A2 (y != 0)"),
    (["witness", "katende.thm_1", "--set", "L=0"], "L > 0"),
    (["derive", "katende.prop_1", "--set", "beta=1/2"], "beta >= 1"),
    (["derive", "katende.prop_2", "--set", "eta=0"], "eta > 0"),
    (["derive", "katende.remark_1", "--set", "eps=0"], "eps > 0"),
]


@pytest.mark.parametrize("argv, expected", ROWS, ids=[f"{a[1]}:{a[3][:30]}" + (f"+{a[5][:12]}" if len(a) > 4 else "") for a, _ in ROWS])
def test_hostile_input_is_one_line_naming_the_bound_exit_2(argv, expected, capsys):
    status = cli.main(argv)
    err = capsys.readouterr().err
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err, err


def test_the_bounds_are_stated_where_users_read_them(capsys):
    assert cli.main(["params", "kumar.prop_b_3"]) == 0
    out = capsys.readouterr().out
    assert "range [0, 200]" in out and "at most 200" in out
    assert cli.main(["params", "kumar.prop_b_1"]) == 0
    assert "1 to 100 numbers" in capsys.readouterr().out


def test_values_just_inside_the_bounds_are_accepted(capsys):
    # the refusals above are bounds, not blanket rejections: the edge values still run
    for argv in (["derive", "kumar.prop_b_3", "--set", "steps=200"], ["derive", "kumar.prop_b_3", "--set", "mu=99/100"],
                 ["derive", "katende.prop_2", "--set", "theta=[1, -2]"], ["derive", "kumar.prop_b_4", "--set", "k=1"]):
        assert cli.main(argv) == 0, capsys.readouterr().err
