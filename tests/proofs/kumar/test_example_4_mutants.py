r"""Kumar Example 4, the ``derive`` command (written against the mutation benchmark): the 2-cycles of
the paper's example by hand, and each hypothesis refused."""

from __future__ import annotations

from fractions import Fraction

import pytest

from proofs import registry
from proofs.errors import AssumptionViolated
from proofs.values import parse_settings

CID = "kumar.example_4"


def _derive(*settings: str) -> dict:
    claim = registry.get_claim(CID)
    return claim.derive(parse_settings(claim, list(settings)))


def test_cycles_of_the_paper_example_by_hand():
    # beta0 = (0.4947, 0.4947), alpha = 0.01.  lambda = 1: steps of 0.01 end in the cycle 0.0047 <-> -0.0053;
    # lambda = 100: steps of 1 give 0.4947 <-> -0.5053.  Norms are twice each entry's size.
    out = _derive()
    assert out["lam_small"]["cycle"] == [["47/10000"] * 2, ["-53/10000"] * 2]
    assert out["lam_small"]["norms"] == ["47/5000", "53/5000"]
    assert out["lam_large"]["cycle"] == [["4947/10000"] * 2, ["-5053/10000"] * 2]
    assert out["lam_large"]["norms"] == ["4947/5000", "5053/5000"]
    # with the step alpha/10 the small cycle 0.0047 <-> -0.0053 goes through 0.0007 <-> -0.0003
    assert out["lam_small"]["norms_after_alpha_over_10"] == ["7/5000", "3/5000", "3/5000", "7/5000"]


@pytest.mark.parametrize("settings", [["alpha=0"], ["lam_small=0"], ["lam_large=-1"], ["beta0=[0.03,0.5]"],
                                      ["beta0=[0.5,2]"]])  # 0.03 = 3 alpha lam_small, 2 = 2 alpha lam_large
def test_each_violated_hypothesis_is_refused(settings):
    with pytest.raises(AssumptionViolated):
        _derive(*settings)


def test_bound_steps_run_at_the_reconstructions_first_reading():
    # (alpha, lambda_S, lambda_L) = (0.01, 1, 100); the equivalent reading (1, 0.01, 1) has its own step
    results = {r.step.label: r.result for r in registry.report(CID).steps}
    for label, lam in (("small_lambda_norm_at_most_0_0106", "1"), ("large_lambda_norm_at_least_0_9894", "100"),
                       ("reduced_step_small_lambda", "1"), ("reduced_step_large_lambda", "100")):
        point = {str(k): str(v) for k, v in results[label].values["point"].items()}
        assert (point["alpha"], point["lambda"]) == ("1/100", lam), label


def test_wrong_reading_is_rejected_by_comparing_the_cycles():
    # the wrong construction pairs lambda_L's cycle with lambda_S's: rejected because the cycles differ, not by a crash
    step = next(s for s in registry.get_claim(CID).steps if s.label == "equivalent_reading_same_numbers")
    (wrong,) = step.mutants()
    result = wrong.run()
    assert not result.ok and result.method == "exact-rational"
    assert result.values["rhs"] == "[['4947/10000', '4947/10000'], ['-5053/10000', '-5053/10000']]"


def test_the_a1_witness_compares_with_the_printed_norm():
    # The exceptional start (1, 1) reaches ||beta^(3)||_1 = 0; the witness's rhs, shown in the review's values, is the
    # paper's printed end norm 0.9894 = 4947/5000 that it is compared with.
    claim = registry.get_claim(CID)
    (check,) = [a.necessity.check for a in claim.assumptions
                if a.necessity and a.necessity.check is not None and a.necessity.check.label == "exceptional_start_has_norm_zero"]
    result = check.check()
    assert result.ok and result.values == {"lhs": 0, "rhs": Fraction(9894, 10000)}


def test_the_a1_witness_needs_an_end_norm_strictly_below_the_printed_0_9894():
    r"""The witness's test is ``||beta^(3)||_1 < 0.9894`` exactly.  From beta^(0) = 3 + t (alpha*lambda = 1) three
    steps end at t: t = 0.9894 itself is not below the printed norm, t = 0.98935 is (it lies between 9894/10001 and
    9894/10000, so a bound 9894/10001 or 9895/10000, or '<=', would judge one of the two the other way)."""
    from proofs.kumar.example_4 import _zero_norm

    at = _zero_norm({}, [3 + Fraction(9894, 10000)])
    assert (at.lhs, at.rhs, at.holds) == (Fraction(9894, 10000), Fraction(9894, 10000), False)
    below = _zero_norm({}, [3 + Fraction(98935, 100000)])
    assert (below.lhs, below.holds) == (Fraction(98935, 100000), True)


def test_bound_checks_max_or_min_with_the_boundary_included_and_names_the_worst_norm():
    r"""``_bound`` with hand-given norms (1/10, 3/10): '<=' compares the larger one and accepts equality (3/10 <= 3/10),
    '>=' the smaller one (1/10 >= 1/10); a bound just past it fails with that norm as 'worst'.  The norms are
    asked for at B0 and the reading's alpha and lambda (reading 0: alpha 1/100, lambda 1 or 100; reading 1:
    alpha 1, lambda 1/100).  Rejects max/min swapped, strict comparisons or a wrong lambda index."""
    import sympy as sp

    from proofs.kumar.example_4 import B0, _bound

    asked = []

    def norms(beta0, alpha, lam):
        asked.append((list(beta0), alpha, lam))
        return [Fraction(1, 10), Fraction(3, 10)]

    assert _bound(0, 0, norms, "<=", Fraction(3, 10)).ok and _bound(0, 1, norms, ">=", Fraction(1, 10)).ok
    assert _bound(1, 0, norms, "<=", Fraction(3, 10)).ok
    assert asked == [(B0, Fraction(1, 100), 1), (B0, Fraction(1, 100), 100), (B0, 1, Fraction(1, 100))]
    low = _bound(0, 0, norms, "<=", Fraction(29, 100))
    assert not low.ok and low.values["worst"] == sp.Rational(3, 10) and low.counterexample.endswith(r"$\le{bound}$")
    assert low.detail == "norms ['1/10', '3/10'] <= 29/100"
    high = _bound(0, 1, norms, ">=", Fraction(11, 100))
    assert not high.ok and high.values["worst"] == sp.Rational(1, 10) and high.counterexample.endswith(r"$\ge{bound}$")
    assert _bound(0, 0, norms, "<=", Fraction(3, 10)).counterexample is None


def test_cycle_norms_and_the_reduced_restart_by_hand():
    r"""One coordinate 0.31, alpha = 1/10, lambda = 1 (h = 1/10): 0.21, 0.11, 0.01, -0.09, 0.01: the cycle is
    1/100 <-> -9/100, norms (1/100, 9/100).  Restarting with factor 1/2 (step 1/20): from 1/100 the run goes
    -1/25, 1/100 (norms 1/100, 1/25); from -9/100 it goes -1/25, 1/100, -1/25 (first cycle point -1/25: norms
    1/25, 1/100).  Rejects a restart from one point only, a factor ignored, or a norm without abs."""
    from proofs.kumar.example_4 import cycle_norms, reduced_cycle_norms

    start, alpha, lam = [Fraction(31, 100)], Fraction(1, 10), Fraction(1)
    assert cycle_norms(start, alpha, lam) == (Fraction(1, 100), Fraction(9, 100))
    assert reduced_cycle_norms(start, alpha, lam, Fraction(1, 2)) == [Fraction(1, 100), Fraction(1, 25), Fraction(1, 25), Fraction(1, 100)]


def test_the_figure_plots_100_steps_then_100_more_at_alpha_over_10_without_repeating_the_restart(monkeypatch, tmp_path):
    r"""``figures`` draws, for lambda = 1 and 100, the norms of 100 NDGM steps from B0 at alpha = 1/100 followed by
    100 steps at alpha/10 = 1/1000 restarted from the last iterate (whose norm is not drawn twice), with a marker at
    k = 100, and saves kumar_example_4_norms.pdf.  The runs and the axes are stand-ins that record what they are
    given (hand-made iterates with norms 1, 2, 3 then 3, 20, 30).  Rejects another step, restart point, number of
    steps or marker, the restart's first point drawn, or another file."""
    import sys
    from types import SimpleNamespace

    import matplotlib

    from proofs.kumar import example_4

    runs, drawn = [], []

    def fake_run(start, alpha, lam, steps):
        runs.append((list(start), alpha, lam, steps))
        if alpha == Fraction(1, 100):
            return [[Fraction(1)], [Fraction(2)], [Fraction(-3)]]
        return [[Fraction(3)], [Fraction(-20)], [Fraction(30)]]

    class Axes:
        def semilogy(self, ys, label):
            drawn.append(("semilogy", ys, label))

        def axvline(self, x, **kw):
            drawn.append(("axvline", x))

        def __getattr__(self, name):
            return lambda *a, **kw: None

    class Figure:
        def tight_layout(self):
            pass

        def savefig(self, path):
            drawn.append(("savefig", path))

    monkeypatch.setattr(example_4, "ndgm_trajectory", fake_run)
    plt = SimpleNamespace(subplots=lambda **kw: (Figure(), Axes()), close=lambda fig: None, switch_backend=lambda name: None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", plt)  # a stand-in pyplot: nothing is drawn
    monkeypatch.setattr(matplotlib, "pyplot", plt, raising=False)
    paths = example_4.figures(tmp_path)
    path = tmp_path / "kumar_example_4_norms.pdf"
    assert paths == [path]
    assert runs == [(example_4.B0, Fraction(1, 100), Fraction(1), 100), ([Fraction(-3)], Fraction(1, 1000), Fraction(1), 100),
                    (example_4.B0, Fraction(1, 100), Fraction(100), 100), ([Fraction(-3)], Fraction(1, 1000), Fraction(100), 100)]
    assert drawn == [("semilogy", [1.0, 2.0, 3.0, 20.0, 30.0], r"$\lambda=1$"), ("semilogy", [1.0, 2.0, 3.0, 20.0, 30.0], r"$\lambda=100$"),
                     ("axvline", 100), ("savefig", path)]


def test_the_two_witnesses_are_single_exact_comparisons_proved_outright():
    r"""Both witnesses of the example are one fixed exact comparison, not a statement for every constant checked on
    finitely many cases: the equivalent reading (the two readings' cycles are equal) and A1's exceptional start (1, 1)
    are ``proved`` with no scope of cases.  Rejects either read as a for-all witness (``proved-on-scope``)."""
    claim = registry.get_claim(CID)
    reading = next(s for s in claim.steps if s.label == "equivalent_reading_same_numbers").run()
    start = next(a for a in claim.assumptions if a.label == "A1").necessity.check.run()
    for result in (reading, start):
        assert result.ok and result.evidence == "proved" and result.scope is None


def test_the_tighter_bounds_are_refuted_at_the_steps_own_point_and_cycle():
    r"""The wrong versions of the two printed bound steps (norm <= 0.0094, norm >= 1.0106) show each printed bound
    is tight: each must be refuted at the step's own point (reading 0: alpha 1/100, lambda_S = 1 or lambda_L = 100)
    by that cycle's norm (lambda_S: max 53/5000; lambda_L: min 4947/5000).  Rejects a wrong version run at the
    other reading (alpha 1, lambda 1/100: the same numbers, but not the point the step names) or at the other
    lambda (lambda_L's cycle refutes 'norm <= 0.0094' without saying anything about lambda_S)."""
    import sympy as sp

    steps = {s.label: s for s in registry.get_claim(CID).steps}
    for label, lam, worst in (("small_lambda_norm_at_most_0_0106", "1", sp.Rational(53, 5000)),
                              ("large_lambda_norm_at_least_0_9894", "100", sp.Rational(4947, 5000))):
        (wrong,) = steps[label].mutants()
        result = wrong.run()
        point = {str(k): str(v) for k, v in result.values["point"].items()}
        assert not result.ok and result.values["worst"] == worst, label
        assert (point["alpha"], point["lambda"]) == ("1/100", lam), label
