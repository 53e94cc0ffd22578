r"""symbolic.shifted_ray: with a constant activation :math:`\sigma\equiv k` (real) the L2 loss is a
convex quadratic in the last layer: its Hessian is constant and positive semidefinite, with the
block :math:`\begin{pmatrix}2k^2&2k\\2k&2\end{pmatrix}` per output (written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from symbolic import shifted_ray as s


def test_constant_activation_l2_hessian_is_parameter_free_and_psd():
    free, H = s.parameter_free("l2")
    assert free and H.shape == (8, 8)  # depth 2, widths 1, one input, two outputs: 2 + 2 + 4 parameters
    assert H.is_positive_semidefinite is True
    k = s.K
    assert sp.Matrix([[H[4, 4], H[4, 6]], [H[6, 4], H[6, 6]]]) == sp.Matrix([[2 * k**2, 2 * k], [2 * k, 2]])


def test_depth_0_counterexample_has_one_input_and_two_outputs():
    # f = W x + b with x in R, f in R^2: 2 + 2 parameters (the normalisation adds E_1, E_2 for cross-entropy)
    H, params = s.normalised_hessian("l2", s.DEPTH_0_ARCH)
    assert H.shape == (4, 4) and len(params) == 4


def test_the_cross_entropy_energies_are_positive_so_the_divided_out_factor_is_bounded():
    # E_j = e^(f_j) > 0: with positive energies SymPy confirms p_1 p_2 = E_1 E_2 / (E_1 + E_2)^2 lies in (0, 1/4]
    # (Lemma 16's bounded factor); for energies not known to be positive (E_1 + E_2 may be 0) it cannot
    H, params = s.normalised_hessian("cross_entropy", s.DEPTH_0_ARCH, normalise=False)
    e1, e2 = params[-2:]
    assert {e1, e2} <= H.free_symbols and e1.is_positive and e2.is_positive
    p1p2 = e1 * e2 / (e1 + e2) ** 2
    assert p1p2.is_positive is True
    assert sp.factor(sp.Rational(1, 4) - p1p2).is_nonnegative is True
