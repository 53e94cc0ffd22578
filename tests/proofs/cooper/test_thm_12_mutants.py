r"""Cooper Theorem 12, eq. (29) (written against the mutation benchmark): the comparison of
:math:`\mathbf HL` with :math:`-2\sum\mathbf Hf^Ty+2\sum\mathbf Df^T\mathbf Df` also covers the diagonal
entries that only the :math:`\mathbf Df^T\mathbf Df` term implies, so a Hessian that drops one is rejected."""

from __future__ import annotations

import dataclasses

from proofs.cooper import thm_12 as thm
from symbolic import network as net


def test_eq_29_rejects_a_hessian_missing_a_diagonal_entry_implied_by_df():
    # depth 2, all sizes 1, one datum: f is linear in the output bias b^3_1 (df/db = 1, d2f/db2 = 0), so
    # H[b^3_1, b^3_1] = 2 comes from 2 Df^T Df alone; no second-derivative term names that entry
    arch, data = net.Architecture((1, 1), 1, 1), net.symbolic_data(1, 1, 1)
    d = net.derivatives_on_ray(arch, data, thm.LOSS)
    assert thm.hessian_eq_29(arch, data, d) is None
    b = next(i for i, p in enumerate(d.params) if p.latex() == "b^{3}_{1}")
    assert d.hessian[(b, b)] == 2
    dropped = dataclasses.replace(d, hessian={k: v for k, v in d.hessian.items() if k != (b, b)})
    assert thm.hessian_eq_29(arch, data, dropped) == "H[b^{3}_{1}, b^{3}_{1}]"


# ---------------------------------------------------------------- the comparisons and the formulas on tiny inputs

import sympy as sp  # noqa: E402

from proofs.cooper import ray  # noqa: E402
from symbolic.activations import SIGMA_1, SIGMA_2  # noqa: E402

T = net.T


def _tiny():
    arch, data = net.Architecture((1, 1), 1, 1), net.symbolic_data(1, 1, 1)
    return arch, data, net.derivatives_on_ray(arch, data, thm.LOSS)


def test_eq_28_names_the_first_entry_a_wrong_version_breaks():
    """Depth 2, sizes 1, one datum: grad L has b^2_1 -> -2 sigma_1 t y and b^3_1 -> -2 y (the weights give 0, where
    any scale agrees). -2 sum Df^T y matches; +2 sum Df^T y first fails at b^2_1; a gradient missing b^3_1 fails
    there."""
    arch, data, d = _tiny()
    assert thm.gradient_eq_28(arch, data, d) is None
    assert thm.gradient_eq_28(arch, data, d, scale=2) == "d L / d b^{2}_{1}"
    b3 = next(i for i, p in enumerate(d.params) if p.latex() == "b^{3}_{1}")
    dropped = dataclasses.replace(d, gradient={k: v for k, v in d.gradient.items() if k != b3})
    assert thm.gradient_eq_28(arch, data, dropped) == "d L / d b^{3}_{1}"


def test_eq_29_rejects_a_wrong_factor_on_either_term():
    """-2 sum Hf^T y + 2 sum Df^T Df matches; +2 on the first term, or 1 on the second, is rejected at an entry."""
    arch, data, d = _tiny()
    assert thm.hessian_eq_29(arch, data, d) is None
    assert thm.hessian_eq_29(arch, data, d, first=2).startswith("H[")
    assert thm.hessian_eq_29(arch, data, d, second=1).startswith("H[")


def test_second_term_entry_by_hand():
    """d f / d b^2_1 = sigma_1 t on each of the d_out outputs, for each datum: 2 sum ||.||^2 = 2 sigma_1^2 t^2 n d_out,
    i.e. 2 sigma_1^2 t^2 at n = d_out = 1 and 12 sigma_1^2 t^2 at n = 2, d_out = 3."""
    assert sp.expand(thm.second_term_entry(net.Architecture((1, 1), 1, 1), net.symbolic_data(1, 1, 1))
                     - 2 * SIGMA_1**2 * T**2) == 0
    assert sp.expand(thm.second_term_entry(net.Architecture((1, 1), 1, 3), net.symbolic_data(2, 1, 3))
                     - 12 * SIGMA_1**2 * T**2) == 0


def test_the_closed_forms_by_hand():
    """n = 2, d_out = 2, c_l = 3, ys = ((1, 2), (0, -1)): column sums 1 and 1, sum y = 2;
    ||grad L||^2 = 4 (1 + 1) + 4 sigma_1^2 t^2 * 3 * 4 = 8 + 48 sigma_1^2 t^2;
    the entry = 2 * 2 * 2 sigma_1^2 t^2 - 2 sigma_2 t * 2 = 8 sigma_1^2 t^2 - 4 sigma_2 t;
    printed: second term 8 sigma_1^2 t^2, leading coefficient 8 sigma_1^2."""
    D = {"n": 2, "d_out": 2, "width": 3, "d_in": 5}
    zero, one, two = sp.Integer(0), sp.Integer(1), sp.Integer(2)
    data = net.Data(((zero,), (zero,)), ((one, two), (zero, -one)))
    assert sp.expand(thm.grad_norm_sq_formula(D, data) - (8 + 48 * SIGMA_1**2 * T**2)) == 0
    assert sp.expand(thm.hessian_entry_formula(D, data) - (8 * SIGMA_1**2 * T**2 - 4 * SIGMA_2 * T)) == 0
    assert sp.expand(thm.printed_second_term(D) - 8 * SIGMA_1**2 * T**2) == 0
    assert sp.expand(thm.printed_leading(D) - 8 * SIGMA_1**2) == 0


def test_the_limit_case_has_distinct_sizes_and_the_printed_leading_coefficient():
    """LIMIT_CASE: depth 3, widths 2, d_in 7, d_out 5, n 3 (seed 1): the entry is
    2 * 3 * 5 sigma_1^2 t^2 = 30 sigma_1^2 t^2 plus -2 sigma_2 t sum y of the seeded data."""
    arch, n = thm._limit_arch()
    assert (arch, n) == (net.Architecture((2, 2, 2), 7, 5), 3)
    data = net.seeded_data(3, 7, 5, thm.LIMIT_SEED, thm.LOSS)
    total = sum(sum(row) for row in data.ys)
    assert thm.LIMIT_SEED == 1 and total != 0
    assert sp.expand(thm._entry_seeded() - (30 * SIGMA_1**2 * T**2 - 2 * SIGMA_2 * T * total)) == 0


def test_sigma_prime_zero_leaves_only_the_linear_term():
    """sigma'(c) = 0: the entry is -2 sigma_2 t sum y (not 0) and ||grad L||^2 is free of t."""
    right, wrong = thm.sigma_prime_zero_check(), thm.sigma_prime_zero_check(True)
    assert right.ok and not wrong.ok
    assert right.detail.endswith("||grad L||^2 free of t: True") and "entry = -2*sigma_2*t*y_1_1" in right.detail


def test_derive_names_the_entry_at_the_defaults():
    """Default: depth 2, n = d_out = 2, tanh (sigma' = 1, sigma'' = 0): the entry b^2_1 is 2 * 2 * 2 t^2 = 8 t^2."""
    out = thm._derive({p.name: p.default for p in ray.deep_parameters()})
    assert out["hessian_entry_parameter"] == "b^{2}_{1}" and out["hessian_entry"] == "8*t**2"
    assert ray.REPRESENTATIVE == net.Architecture((2, 2), 2, 2)


def test_the_printed_steps_and_the_degree_bound_the_first_term_claims():
    """The module's own steps: eqs. (28), (29), the degree bounds, the printed second term and leading coefficient,
    and Remark 2 are the paper's; the closed forms, the limit and the sigma'(c) = 0 check are ours (printed=False).
    Lemma 11's step claims degree <= 1 (the worst entry has degree exactly 1), so its wrong version <= 0 fails."""
    steps = {s.label: s for s in thm._steps()}
    own = ["gradient_on_ray_eq_28", "grad_norm_sq_degree_at_most_2", "grad_norm_sq_closed_form", "hessian_eq_29",
           "first_term_entries_at_most_linear", "second_term_entry_as_printed", "hessian_entry_closed_form",
           "hessian_entry_degree_2", "entry_over_t_squared_limit", "sigma_prime_zero_still_unbounded", "remark_2_norms"]
    assert [steps[k].printed for k in own] == [True, True, False, True, True, True, False, True, False, False, True]
    first = steps["first_term_entries_at_most_linear"]
    result = first.run_check()
    assert result.ok and result.values == {"worst": 1, "bound": 1}
    assert [w().values for w in first.wrong_versions] == [{"worst": 1, "bound": 0}]
    (claimed_zero,) = steps["sigma_prime_zero_still_unbounded"].wrong_versions  # "the entry vanishes": wrong
    assert not claimed_zero().ok
