r"""symbolic.shifted_ray: with a constant activation :math:`\sigma\equiv k` (real) the L2 loss is a
convex quadratic in the last layer: its Hessian is constant and positive semidefinite, with the
block :math:`\begin{pmatrix}2k^2&2k\\2k&2\end{pmatrix}` per output (written against the mutation benchmark)."""

from __future__ import annotations

import sympy as sp

from symbolic import shifted_ray as s
from symbolic.network import symbolic_data


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
    # unnormalised, the (b_2, b_2) entry is the softmax variance p_1 p_2 (y_1 + y_2) itself (not twice it)
    (y1, y2), = symbolic_data(1, 1, 2).ys
    assert sp.simplify(H[-1, -1] - p1p2 * (y1 + y2)) == 0


def test_jets_are_exactly_the_value_and_two_derivatives_at_the_shift_point():
    # square at c' = 1: (1, 2, 2); sigmoid at 0: (1/2, 1/4, 0) -- three entries, no third derivative
    assert s.jet_at("square") == (1, 2, 2)
    assert s.jet_at("sigmoid") == (sp.Rational(1, 2), sp.Rational(1, 4), 0)
    assert s.SHIFT_POINTS["paper_example_1"] == 1 and s.SHIFT_POINTS["softplus"] == 0


def test_at_shifted_activation_substitutes_each_jet_entry():
    # u^2 + 1 at c' = 1: sigma_0 = 2, sigma_1 = 2, sigma_2 = 2: 2 + 3*2 + 5*2 = 18
    from symbolic.network import SIGMA_0, SIGMA_1, SIGMA_2
    assert s.at_shifted_activation(SIGMA_0 + 3 * SIGMA_1 + 5 * SIGMA_2, "paper_example_1") == 18
    assert s.at_shifted_activation(SIGMA_0 * SIGMA_2, "square") == 2


def test_the_counterexample_architectures_and_constant():
    assert (s.CONSTANT_ARCH.widths, s.CONSTANT_ARCH.d_in, s.CONSTANT_ARCH.d_out) == ((1, 1), 1, 2)
    assert (s.DEPTH_0_ARCH.widths, s.DEPTH_0_ARCH.d_in, s.DEPTH_0_ARCH.d_out) == ((), 1, 2)
    assert s.K.is_real is True


def test_a_cross_entropy_hessian_with_an_identity_hidden_layer_keeps_its_parameters():
    # sigma(v) = v, one hidden unit: f is bilinear in (W^1, W^2), so a parameter survives the change of variables
    # b^2_j = log E_j - (f_j - b^2_j): the Hessian is not parameter-free (and no cancellation is attempted)
    from symbolic.network import Architecture
    free, H = s.parameter_free("cross_entropy", Architecture((1,), 1, 2), lambda v: v)
    assert free is False and H.shape == (6, 6)
