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
