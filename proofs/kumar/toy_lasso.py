r"""The toy LASSO (7) of Kumar, :math:`f(\beta)=\lambda\|\beta\|_1`: machinery shared by its claims.

A pack module (no ``theorem()``): the exact exceptional set of NDGM on (7), the
fixed random initializations on which Props. B.2, B.11 check their statements, and the
size bound of the exact NDGM runs that ``derive`` makes for user-given :math:`(\beta^{(0)},\alpha,\lambda)`.
"""

from __future__ import annotations

import random
from fractions import Fraction
from math import floor
from typing import Sequence

from proofs.engine import Parameter
from proofs.errors import BadInput

__all__ = ["MAX_COORDINATES", "MAX_NDGM_STEPS", "beta0_parameter", "check_ndgm_budget", "in_exceptional_set",
           "random_initializations"]

#: Coordinates of a user-given initialization (``--set beta0=[...]``).
MAX_COORDINATES = 100
#: Exact NDGM steps, summed over coordinates, that ``derive`` runs before the 2-cycle:
#: :math:`n\,(K+1)` with :math:`K=\max_i\lfloor|\beta^{(0)}_i|/(\alpha\lambda)\rfloor` (about a second).
MAX_NDGM_STEPS = 200_000


def beta0_parameter(default: list[Fraction], doc: str) -> Parameter:
    r"""The ``beta0`` parameter of the toy-problem claims: a vector of 1 to :data:`MAX_COORDINATES` numbers."""
    return Parameter("beta0", "list", default, f"{doc}; a vector of 1 to {MAX_COORDINATES} numbers, "
                     f"n*(max|beta0_i|/(alpha*lambda) + 1) <= {MAX_NDGM_STEPS}", shape="vector", length=(1, MAX_COORDINATES))


def ndgm_steps_needed(beta0: Sequence[Fraction], alpha: Fraction, lam: Fraction) -> int:
    r""":math:`n\,(K+1)`, :math:`K=\max_i\lfloor|\beta^{(0)}_i|/(\alpha\lambda)\rfloor`: the coordinate
    updates an exact NDGM run makes before every coordinate is inside :math:`(-\alpha\lambda,\alpha\lambda)`
    (needs :math:`\alpha\lambda>0`)."""
    return len(beta0) * (floor(max(abs(b) for b in beta0) / (alpha * lam)) + 1)


def check_ndgm_budget(beta0: Sequence[Fraction], alpha: Fraction, lam: Fraction) -> None:
    r""":class:`BadInput` naming :data:`MAX_NDGM_STEPS` when the exact run is past it (checked in
    microseconds, before any step is taken)."""
    needed = ndgm_steps_needed(beta0, alpha, lam)
    if needed > MAX_NDGM_STEPS:
        shown = str(needed) if needed < 10**12 else f"about 10^{len(str(needed)) - 1}"
        raise BadInput(f"beta0, alpha, lam need {shown} exact NDGM steps: the bound is "
                       f"n*(max|beta0_i|/(alpha*lambda) + 1) <= {MAX_NDGM_STEPS}")


def in_exceptional_set(beta0_i: Fraction, alpha: Fraction, lam: Fraction) -> bool:
    r"""Whether :math:`\beta^{(0)}_i\in\alpha\lambda\mathbb Z` (the exact exceptional set of B.1).

    >>> in_exceptional_set(Fraction(1, 2), Fraction(1, 100), Fraction(1)), in_exceptional_set(Fraction(1, 3), Fraction(1, 100), Fraction(1))
    (True, False)
    """
    return (beta0_i / (alpha * lam)).denominator == 1


def off_exceptional_set(b: Fraction, alpha: Fraction, lam: Fraction) -> Fraction:
    r""":math:`b`, or, when :math:`b\in\alpha\lambda\mathbb Z`, :math:`b` moved by :math:`10^{-7}` toward 0 (away
    from 0 when it is 0), which stays in :math:`[-1,1]` and leaves the set, whose spacing
    :math:`\alpha\lambda\ge10^{-4}` here.

    >>> off_exceptional_set(Fraction(1), Fraction(1, 100), Fraction(1)), off_exceptional_set(Fraction(0), Fraction(1, 100), Fraction(1))
    (Fraction(9999999, 10000000), Fraction(1, 10000000))
    """
    if not in_exceptional_set(b, alpha, lam):
        return b
    return b - Fraction(1, 10**7) if b > 0 else b + Fraction(1, 10**7)


def random_initializations(seed: int = 7) -> list[tuple[list[Fraction], Fraction, Fraction]]:
    r"""The paper's 2-D example (:math:`\lambda\in\{1,100\}`) and 12 random
    :math:`(\beta^{(0)},\alpha,\lambda)`, :math:`\beta^{(0)}` on a 1e-6 grid of :math:`[-1,1]^n`,
    :math:`n\le5`, moved off :math:`\alpha\lambda\mathbb Z` (the hypothesis of B.2)."""
    rng = random.Random(seed)
    out = [([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(1)), ([Fraction(4947, 10000)] * 2, Fraction(1, 100), Fraction(100))]
    for _ in range(12):
        alpha, lam = Fraction(rng.randint(1, 30), 1000), Fraction(rng.randint(1, 40), 10)
        beta0 = [Fraction(rng.randint(-10**6, 10**6), 10**6) for _ in range(rng.randint(1, 5))]
        beta0 = [off_exceptional_set(b, alpha, lam) for b in beta0]
        out.append((beta0, alpha, lam))
    return out
