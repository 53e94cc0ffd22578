r"""Cooper Lemma 9: the check of (15)-(16) looks at every hidden layer (written against the mutation
benchmark; the values on the ray are replaced, so that a layer the check skips would go unnoticed)."""

from __future__ import annotations

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
