r"""Cooper for every size: the cross-entropy datum loss behind the closed forms (written against the mutation
benchmark; the callers only pass others = 0, so a wrong sign on the other outputs would go unnoticed there)."""

from __future__ import annotations

import sympy as sp

from proofs.cooper import every_size as E


def test_the_datum_loss_is_the_cross_entropy_when_the_other_outputs_are_not_zero():
    # d_out = 3, output 1 = F, outputs 2 and 3 = O: -sum_j y_1j f_j + (sum_j y_1j) log sum_j e^(f_j)
    F, O = sp.symbols("F O", real=True)
    y, f = [E.Y[1, j] for j in (1, 2, 3)], (F, O, O)
    want = -sum(yj * fj for yj, fj in zip(y, f)) + sum(y) * sp.log(sum(sp.exp(fj) for fj in f))
    assert sp.simplify(E.ce_datum_loss(F, 1, 1, O).subs(E.D_OUT, 3).doit() - want) == 0


def test_a_wrong_gradient_norm_form_is_refused_on_a_depth_2_architecture():
    # the gradient norm's closed form holds from depth 2 on: depth 2 must be compared too, so a doubled form is
    # refused on the single architecture (1, 1), d_in = d_out = 1, n = 2
    from proofs.cooper import every_size as E
    from symbolic import network as net

    arch = net.Architecture((1, 1), 1, 1)
    wrong = {**E.CLOSED_FORMS["l2"], "grad_norm_sq": lambda *a: 2 * E.grad_norm_sq_closed_form(*a)}
    assert E.agreement_with_jets([(arch, 2)]).ok
    assert not E.agreement_with_jets([(arch, 2)], forms=wrong).ok


def test_the_diagonal_entry_step_covers_a_column_with_no_other_entry():
    # ||H e_i||^2 = H_ii^2 + R with R >= 0; R = 0 (a diagonal H, e.g. 1x1) must be inside the checked statement
    from proofs.cooper import every_size as E

    step = E.diagonal_entry_step()
    rest = next(s for s in step.lhs.free_symbols if s.name == "R")
    assert all(bool(a.subs(rest, 0)) for a in step.assuming)
