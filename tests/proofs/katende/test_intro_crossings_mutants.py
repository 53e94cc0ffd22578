r"""proofs.katende.intro_crossings: the exact trajectory at an input other than 1 (written against the
mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

from proofs.katende.intro_crossings import trajectory


def test_a_gradient_step_at_x_2_moves_w_by_eta_times_the_residual_times_x():
    # theta = (1, 0), x = 2, y = 0: s = 2, gradient (s - y)(x, 1) = (4, 2); eta = 1/10 gives (3/5, -1/5),
    # where s = 1 > 0, so the next step is a gradient step again: (3/5 - 2/10, -1/5 - 1/10) = (2/5, -3/10)
    path = trajectory((Fraction(1), Fraction(0)), Fraction(2), Fraction(0), Fraction(1, 10), 2)
    assert path == [(1, 0), (Fraction(3, 5), Fraction(-1, 5)), (Fraction(2, 5), Fraction(-3, 10))]
    # and once s < 0 the ReLU is off: the point no longer moves
    assert trajectory((Fraction(-1), Fraction(1)), Fraction(2), Fraction(5), Fraction(1, 10), 2)[-1] == (-1, 1)


def test_the_one_region_hessian_entry_is_marked_as_ours_in_the_report():
    r"""``two_layer_hessian_entry_inside_one_region`` (a^2 x^2 inside one activation region) is our illustration
    of the mechanism, not a step of the paper: the LaTeX report must tag it ``added``, not ``printed``, so a
    referee does not look for it in the introduction."""
    from proofs import latex, registry

    label = "two_layer_hessian_entry_inside_one_region"
    head = r"\item \texttt{" + label.replace("_", r"\_\allowbreak{}") + "} ["
    (line,) = [line for line in latex.claim_section(registry.report("katende.intro_crossings")).splitlines()
               if line.startswith(head)]
    assert line[len(head):].split(", ")[1].rstrip("]") == "added"


def test_only_the_two_statement_checks_are_marked_printed():
    r"""Of the section's steps only the two sentence checks are the paper's; the mechanism and trajectory steps are
    ours (``added`` in the LaTeX report and the review JSON). Rejects flipping any step's flag."""
    from proofs import registry

    claim = registry.get_claim("katende.intro_crossings")
    assert {s.label: s.printed for s in claim.steps} == {
        "crossing_pairs_break_lipschitz": True, "one_neuron_gradient_lipschitz_within_active_region": False,
        "two_layer_hessian_entry_inside_one_region": False, "two_layer_not_lipschitz_inside_one_region": False,
        "gd_residual_recursion": False, "gd_fixed_on_inactive_side": False, "no_crossing_for_positive_target": False,
        "crossing_for_negative_target": True}


def test_the_same_region_counterexample_is_one_for_the_pair_a_1_and_a_1_plus_h():
    r"""``same_region_violation`` names the pair :math:`(a, w) = (A, 1), (A, 1 + h)` at :math:`x = 1`; a refuted
    weight's counterexample point must be a counterexample for exactly that pair, recomputed here by hand from
    :math:`\nabla\tfrac12(awx - y)^2 = ((awx - y)wx, (awx - y)ax)`. Rejects a version that moves either end of the
    pair (e.g. :math:`(A, 2 + h)`): z3 then reports a point where the named pair has a jump above :math:`L^2h^2`."""
    import sympy as sp

    from proofs.katende.intro_crossings import same_region_violation

    def grad(a, w, y):  # x = 1
        return ((a * w - y) * w, (a * w - y) * a)

    for weight in (lambda L: sp.Rational(1, 2), lambda L: L):
        result = same_region_violation(weight)
        assert not result.ok
        point = {str(k): Fraction(str(v)) for k, v in result.values["point"].items()}
        L, y, h = point["L"], point["y"], point["h"]
        assert L > 0 and h > 0
        a = Fraction(str(weight(sp.Rational(L.numerator, L.denominator))))
        jump = [p - q for p, q in zip(grad(a, 1 + h, y), grad(a, 1, y))]
        assert jump[0] ** 2 + jump[1] ** 2 <= L**2 * h**2
    assert same_region_violation(lambda L: L + 1).ok
