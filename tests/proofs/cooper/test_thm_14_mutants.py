r"""Cooper Theorem 14: the claim's parameters (written against the mutation benchmark)."""

from __future__ import annotations

from proofs import registry
from proofs.cooper import ray


def test_only_d_out_is_documented_as_the_number_of_classes():
    # cross-entropy: d_out is the number of classes b; every other parameter keeps the deep claims' description
    claim = registry.get_claim("cooper.thm_14")
    docs = {p.name: p.doc for p in claim.parameters}
    assert docs["d_out"] == "classes b"
    assert all(docs[p.name] == p.doc for p in ray.deep_parameters() if p.name != "d_out")


def test_the_two_class_wrong_version_finds_log_2_for_uniform_labels():
    r"""The wrong version 'with b = 2 the loss is identically 0 too' is refuted at all parameters 1, where both logits
    are equal (for any x): with uniform labels y = (1/2, 1/2) the loss is exactly log b = log 2 (labels (1/3, 1/2),
    which break Assumption 2, would give 5 log(2)/6)."""
    from proofs.cooper import thm_14

    result = thm_14._b_necessity_wrong()
    assert not result.ok and result.detail == "b = 2: L(all parameters 1) = log(2) (exact)"


def test_the_scope_steps_run_on_the_declared_two_data_points():
    r"""The steps over SCOPE (gradient_eq_31, hessian_eq_32, the t^2 coefficient and the closed form) declare
    n = 2 data points in their review scope.  Pairs with n = 3 would check (and name in a counterexample) a data
    size the scope does not declare.  Wrong version: eq. (31) with mean 0, refuted at the first architecture,
    which the counterexample names with n = 2."""
    from proofs.cooper import thm_14
    from symbolic import network as net

    pairs = thm_14.scope_pairs()
    assert [a for a, _ in pairs] == list(net.scope(**thm_14.SCOPE))
    assert {n for _, n in pairs} == set(thm_14._scope()["n"]) == {2}
    wrong = thm_14._over_scope(lambda a, dt, d: thm_14.gradient_eq_31(a, dt, d, mean=0))
    assert not wrong.ok
    assert {str(k): v for k, v in wrong.values["dimensions"].items()} == {"n": 2, "d_in": 1, "c_ell": 1, "d_out": 2,
                                                                        "ell": 2}


def test_the_representative_degree_check_runs_on_its_declared_two_data_points():
    r"""grad_norm_sq_degree_at_most_2 declares one architecture (widths (2, 2), d_in 2, d_out 3) with n = 2 data
    points satisfying Assumption 2.  The polynomial it checks must be that one: the labels of two data points
    (y_m3 = 1 - y_m1 - y_m2), degree 2 in t, zero for uniform labels, 8 (sigma_1^2 t^2 + 3) / 9 when both points
    are of class 3.  Rejects a check on n = 3 data points (a size the review does not name: y_3j would be left)."""
    import sympy as sp

    from proofs.cooper import thm_14
    from symbolic import network as net

    assert thm_14.REPRESENTATIVE_SCOPE["architectures"] == [{"n": 2, "d_in": 2, "widths": [2, 2], "d_out": 3}]
    data, d = thm_14._rep()
    assert d.arch == net.Architecture((2, 2), 2, 3) and len(data.xs) == 2
    assert all(sp.expand(sum(row)) == 1 for row in data.ys)
    g = d.grad_norm_sq()
    labels = {s for s in g.free_symbols if s.name.startswith("y_")}
    assert sorted(map(str, labels)) == ["y_1_1", "y_1_2", "y_2_1", "y_2_2"]
    assert sp.degree(g, net.T) == 2
    assert g.subs({s: sp.Rational(1, 3) for s in labels}) == 0
    assert sp.expand(g.subs({s: 0 for s in labels}) - sp.Rational(8, 9) * (net.SIGMA_1**2 * net.T**2 + 3)) == 0
