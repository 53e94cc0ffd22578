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
