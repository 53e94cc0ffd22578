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


# ---------------------------------------------------------------- the Z3 steps' details and countermodels

import sympy as sp  # noqa: E402

from proofs.katende import intro_crossings as ic  # noqa: E402


def _point(result):
    return {str(k): Fraction(str(v)) for k, v in result.values["point"].items()}


def test_the_no_crossing_step_is_proved_for_y_positive_and_names_its_premises():
    """y > 0, 0 <= c < 1, s_t > 0 => s_(t+1) = c s_t + (1 - c) y > 0: proved by Z3, so engines name z3 and no point."""
    result = ic.one_step_keeps_sign(1)
    assert result.ok and result.engines == ("z3",) and result.values == {} and result.counterexample is None
    assert result.detail.startswith("y > 0, 0 <= c < 1, s_t > 0 => s_(t+1) > 0: proved;")


def test_the_no_crossing_step_for_y_negative_gives_a_real_crossing():
    """With y < 0 the induction step fails: the countermodel satisfies the premises (0 <= c < 1, y < 0, s_t > 0) and
    there s_(t+1) = c s_t + (1 - c) y <= 0, a crossing; no engine is claimed for a refutation."""
    result = ic.one_step_keeps_sign(-1)
    p = _point(result)
    assert not result.ok and result.engines == () and result.detail.startswith("y < 0, 0 <= c < 1, s_t > 0")
    assert 0 <= p["c"] < 1 and p["y"] < 0 and p["s_t"] > 0
    assert p["c"] * p["s_t"] + (1 - p["c"]) * p["y"] <= 0
    assert r"$s_{t+1} = c\,s_t + (1 - c)\,y \le 0$" in result.counterexample


def test_the_crossing_step_holds_up_to_c_one_half_and_fails_beyond():
    """y < 0, 0 <= c < 1/2, 0 < s_0 <= |y| => s_1 < 0 (proved; at c = 1/2, s_0 = |y| gives s_1 = 0); with c up to 1
    the countermodel is a non-crossing: premises hold and s_1 >= 0."""
    proved = ic.one_step_crossing((0, sp.Rational(1, 2)))
    assert proved.ok and proved.engines == ("z3",) and proved.values == {}
    assert proved.detail == "y < 0, 0 <= c < 1/2, 0 < s_0 <= |y| => s_1 < 0: proved"
    wide = ic.one_step_crossing((0, 1))
    p = _point(wide)
    assert not wide.ok and wide.engines == () and wide.detail.startswith("y < 0, 0 <= c < 1, ")
    assert 0 <= p["c"] < 1 and p["y"] < 0 and 0 < p["s_t"] <= -p["y"]
    assert p["c"] * p["s_t"] + (1 - p["c"]) * p["y"] >= 0


def test_the_crossing_step_refuses_an_upper_end_at_which_s_1_can_be_0():
    """c < 1/2 is sharp: allowing c up to (but excluding) 3/5 admits c = 1/2, s_0 = |y|, where s_1 = 0 is no
    crossing."""
    result = ic.one_step_crossing((0, sp.Rational(3, 5)))
    p = _point(result)
    assert not result.ok and p["c"] * p["s_t"] + (1 - p["c"]) * p["y"] >= 0


def test_the_same_region_step_reports_its_weight():
    """The proved pair (a, w) = (L + 1, 1), (L + 1, 1 + h): its weight L + 1 is shown, with z3 as its engine."""
    result = ic.same_region_violation(lambda L: L + 1)
    assert result.ok and result.engines == ("z3",) and result.values == {"weight": ic.L_SYM + 1}
    assert result.detail == ("same-region pair (a, w) = (L + 1, 1), (L + 1, 1 + h), x = 1: "
                             "||Delta grad L||^2 > L^2 h^2: proved")


def test_one_gradient_step_on_the_active_side_by_hand():
    """T(theta) = theta - eta (s - y)(x, 1) on s > 0: at w = 1, b = 2, x = 3, y = 1, eta = 1/10 the residual is
    s - y = 4, so T = (1 - 12/10, 2 - 4/10) = (-1/5, 8/5); and s(T) - y = (1 - eta (1 + x^2))(s - y) = 0 there."""
    w, b, x, y = sp.symbols("w b x y", real=True)
    at = {w: 1, b: 2, x: 3, y: 1, ic.ETA: sp.Rational(1, 10)}
    assert list(ic.update_map_on_active_side().subs(at)) == [sp.Rational(-1, 5), sp.Rational(8, 5)]
    assert ic.residual_after_one_step().subs(at) == 0
    assert ic.residual_after_one_step().subs({**at, ic.ETA: sp.Rational(1, 20)}) == 2


def test_the_trajectory_steps_wrong_versions_are_the_refuted_ones():
    """no_crossing_for_positive_target's wrong version is the same induction for y < 0, crossing_for_negative_target's
    the range c in [0, 1): both must be refuted (a wrong version equal to the claim would pass)."""
    steps = {s.label: s for s in ic._steps()}
    for label in ("no_crossing_for_positive_target", "crossing_for_negative_target"):
        (wrong,) = steps[label].wrong_versions
        result = wrong()
        assert not result.ok and result.values["point"], label
