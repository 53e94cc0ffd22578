r"""Cooper Lemma 9: the check of (15)-(16) looks at every hidden layer (written against the mutation
benchmark; the values on the ray are replaced, so that a layer the check skips would go unnoticed)."""

from __future__ import annotations

from fractions import Fraction

from proofs import registry
from proofs.cooper import lemma_9


def test_a_wrong_value_in_the_last_hidden_layer_is_caught(monkeypatch):
    real = lemma_9.net.constants_on_ray

    def last_hidden_off(arch):
        values = real(arch)
        return values[:-2] + [[lemma_9.net.C + 1] * len(values[-2])] + values[-1:]

    assert lemma_9.constants_check().ok
    monkeypatch.setattr(lemma_9.net, "constants_on_ray", last_hidden_off)
    result = lemma_9.constants_check()
    assert not result.ok and result.values["values"][-2][0] == lemma_9.net.C + 1


def test_the_a1_wrong_version_is_refused_by_its_computation_not_by_an_error():
    # With sigma(c) = 0 every weight derivative of the (1, 1) network vanishes: the wrong version computes that
    # (ok False) on the architecture whose parameters it reads, rather than failing with an exception.
    result = lemma_9._dropped_a1_wrong()
    assert result.ok is False and result.detail == "sigma(c) = 0: weight derivatives nonzero?"
    assert lemma_9._dropped_a1().ok


def test_the_a1_check_lists_exactly_the_weight_derivatives_that_do_not_vanish():
    # With sigma(c) = sigma_0 kept, on widths (1, 1), direct differentiation gives d f / d w^1 = 0 on the ray, while
    # w^2 and w^3 give m sigma_0 sigma_1 t and sigma_0. The detail must name those two, not the vanishing one.
    result = lemma_9._dropped_a1()
    assert result.ok
    assert "('w^{2}_{11}', [m_1_1*sigma_0*sigma_1*t])" in result.detail and "('w^{3}_{11}', [sigma_0])" in result.detail
    assert "w^{1}" not in result.detail and "[0]" not in result.detail


def test_the_mirror_cross_check_is_an_added_step():
    # Cooper prints no numeric mirror: the review JSON ("printed") and the LaTeX origin must say "added".
    steps = {s.label: s for s in registry.get_claim("cooper.lemma_9").steps}
    assert not steps["lemma_9_agrees_with_mirror"].printed


def test_constants_check_refuses_an_output_that_is_not_the_claimed_value():
    # On the ray the output is 0, not c: the wrong version constants_check(output_value=c) must fail on the first
    # architecture of the scope (widths (1, 1), d_in 1, d_out 1), whose values c, c, 0 the counterexample shows.
    # A check that compared only the hidden layers, or accepted any output, would pass it.
    ok = lemma_9.constants_check()
    assert ok.ok and ok.detail.endswith("on all 36 architectures")
    result = lemma_9.constants_check(output_value=lemma_9.net.C)
    assert not result.ok
    assert result.values == {"widths": [1, 1], "d_in": 1, "d_out": 1,
                             "values": [[lemma_9.net.C], [lemma_9.net.C], [0]]}


def test_the_claim_1_wrong_table_zeroes_exactly_the_weight_rows():
    # _weights_never_vanish_at_1 (the wrong version of Claim 1) says every weight derivative is 0 in every layer,
    # one zero per unit, and keeps the true table for the biases. Widths (1, 1), d_out 2: layer sizes 1, 1, 2.
    net = lemma_9.net
    arch = net.Architecture((1, 1), 1, 2)
    x, M = net.symbolic_data(1, 1, 2).xs[0], net.symbolic_matrix(arch)
    w1, b2 = net.Param("w", 1, 1, 1), net.Param("b", 2, 1, 0)
    assert net.first_derivative_table(arch, 1, w1, x, M) == [x[0]]  # the true Delta x that the wrong one drops
    assert lemma_9._weights_never_vanish_at_1(arch, 1, w1, x, M) == [0]
    assert lemma_9._weights_never_vanish_at_1(arch, 3, w1, x, M) == [0, 0]
    t, s1 = net.T, lemma_9.net.SIGMA_1
    assert lemma_9._weights_never_vanish_at_1(arch, 3, b2, x, M) == [M[0][0] * s1 * t, M[1][0] * s1 * t]
    assert lemma_9._weights_never_vanish_at_1(arch, 2, b2, x, M) == [1]


def test_the_mirror_sums_weight_derivatives_that_do_not_vanish_at_depth_1():
    r"""At depth 1 the lemma fails: d f / d w^1_{1q} = sigma'(c) t M x_q. The mirror sum of |.| over the weights
    reads it off: tanh (sigma'(c) = 1), M = 1, x_q = (q + 1)/3. One input, t = 3: 3 * 2/3 = 2; two inputs,
    t = -3: 3 * (2/3 + 1) = 5 (absolute values: a signed sum would give -5, inputs (q + 2)/3 would give 7)."""
    assert abs(lemma_9._weight_derivatives_mirror(((1,), 1, 1, "tanh", Fraction(3))) - 2) < 1e-12
    assert abs(lemma_9._weight_derivatives_mirror(((1,), 2, 1, "tanh", Fraction(-3))) - 5) < 1e-12
    assert lemma_9._weight_derivatives_mirror(((1, 1), 1, 1, "tanh", Fraction(-3))) == 0  # depth 2: the lemma


def test_the_mirror_points_lie_in_the_lemmas_scope():
    # Every point the mirror cross-check evaluates has depth >= 2 (A2), a catalogue activation, and t != 0 (at
    # t = 0 every derivative vanishes trivially); the three points use three different activations.
    points = lemma_9._mirror_points()
    assert len(points) == 3 and len({p[3] for p in points}) == 3
    for widths, d_in, d_out, name, t in points:
        assert len(widths) >= 2 and d_in >= 1 and d_out >= 1 and t != 0
        assert name in lemma_9.mirror.ACTIVATIONS
