r"""Deep ReLU networks in exact rational arithmetic: crossing pairs and gradient jumps.

Independent mirror of :mod:`symbolic.relu_network`, for any depth and width:
a network is a list of layers ``(W, b)`` (hidden layers apply ReLU, the last
layer is linear with one output), the loss is :math:`\tfrac12(f(x;\theta)-y)^2`,
and gradients are computed by exact back-propagation over
:class:`~fractions.Fraction` (no SymPy).  A *crossing pair* puts one hidden
neuron exactly on its activation boundary at :math:`\theta_0` and moves its bias
by :math:`\pm\varepsilon`, with :math:`\varepsilon` small enough that no other
neuron changes sign (checked exactly).

Main functions: :func:`random_network`, :func:`forward`, :func:`gradient`,
:func:`place_on_boundary`, :func:`crossing_pair`, :func:`gradient_jump`,
:func:`jump_ratio`.
"""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Sequence

import mpmath

Layer = tuple[list[list[Fraction]], list[Fraction]]
Network = list[Layer]


def random_network(widths: Sequence[int], d: int, seed: int) -> Network:
    r"""A network with hidden ``widths`` on inputs of dimension ``d``, entries :math:`k/p` with
    :math:`0<|k|\le 200` and :math:`p` a prime near 100, drawn from ``random.Random(seed)`` (distinct
    prime denominators make exact zeros of other pre-activations unlikely; a zero entry is replaced by
    :math:`1/p`, because behind a dead layer a zero bias is a pre-activation sitting on its boundary).

    >>> [len(W) for W, _ in random_network([3, 2], 2, seed=0)]
    [3, 2, 1]
    """
    rng = random.Random(seed)
    entry = lambda: Fraction(rng.randint(-200, 200) or 1, rng.choice((89, 97, 101, 103, 107, 109, 113)))  # noqa: E731
    sizes = [d, *widths, 1]
    return [([[entry() for _ in range(sizes[i])] for _ in range(sizes[i + 1])], [entry() for _ in range(sizes[i + 1])])
            for i in range(len(sizes) - 1)]


def forward(net: Network, x: Sequence[Fraction]) -> tuple[list[list[Fraction]], Fraction]:
    r"""Hidden pre-activations layer by layer, and the output :math:`f(x;\theta)`.

    >>> forward([([[Fraction(1)]], [Fraction(-1)]), ([[Fraction(2)]], [Fraction(0)])], [Fraction(3)])
    ([[Fraction(2, 1)]], Fraction(4, 1))
    """
    h, pre = list(x), []
    for i, (W, b) in enumerate(net):
        z = [sum((wij * hj for wij, hj in zip(row, h)), Fraction(0)) + bi for row, bi in zip(W, b)]
        if i == len(net) - 1:
            return pre, z[0]
        pre.append(z)
        h = [zi if zi > 0 else Fraction(0) for zi in z]
    raise ValueError("a network needs at least one layer")


def gradient(net: Network, x: Sequence[Fraction], y: Fraction) -> Network:
    r""":math:`\nabla_\theta\tfrac12(f-y)^2` by exact back-propagation, shaped like ``net``.
    ``ArithmeticError`` if a hidden pre-activation is exactly 0 (no gradient there).

    >>> g = gradient([([[Fraction(1)]], [Fraction(-1)]), ([[Fraction(2)]], [Fraction(0)])], [Fraction(3)], Fraction(1))
    >>> g[0], g[1]
    (([[Fraction(18, 1)]], [Fraction(6, 1)]), ([[Fraction(6, 1)]], [Fraction(3, 1)]))
    """
    pre, out = forward(net, x)
    if any(z == 0 for layer in pre for z in layer):
        raise ArithmeticError("a hidden neuron is on its activation boundary: the gradient does not exist")
    acts = [list(x)] + [[z if z > 0 else Fraction(0) for z in layer] for layer in pre]
    delta = [out - y]
    grads: list[Layer] = []
    for i in range(len(net) - 1, -1, -1):
        W, _ = net[i]
        grads.append(([[di * hj for hj in acts[i]] for di in delta], list(delta)))
        if i == 0:
            break
        back = [sum((W[r][c] * delta[r] for r in range(len(W))), Fraction(0)) for c in range(len(W[0]))]
        delta = [bk if z > 0 else Fraction(0) for bk, z in zip(back, pre[i - 1])]
    return grads[::-1]


def flatten(net: Network) -> list[Fraction]:
    r"""All parameters (weights then biases, layer by layer) as one vector.

    >>> flatten([([[Fraction(1), Fraction(2)]], [Fraction(3)])])
    [Fraction(1, 1), Fraction(2, 1), Fraction(3, 1)]
    """
    return [v for W, b in net for v in (*[e for row in W for e in row], *b)]


def place_on_boundary(net: Network, x: Sequence[Fraction], layer: int, neuron: int) -> Network:
    r"""``net`` with the bias of hidden ``neuron`` of ``layer`` set so its pre-activation is 0.

    >>> net = place_on_boundary(random_network([2], 1, seed=1), [Fraction(1)], 0, 1)
    >>> forward(net, [Fraction(1)])[0][0][1]
    Fraction(0, 1)
    """
    pre, _ = forward(net, x)
    moved = [(W, list(b)) for W, b in net]
    moved[layer][1][neuron] -= pre[layer][neuron]
    return moved


def _shift_bias(net: Network, layer: int, neuron: int, delta: Fraction) -> Network:
    moved = [(W, list(b)) for W, b in net]
    moved[layer][1][neuron] += delta
    return moved


def _signs(net: Network, x: Sequence[Fraction]) -> list[int]:
    return [(z > 0) - (z < 0) for layer in forward(net, x)[0] for z in layer]


def crossing_pair(net0: Network, x: Sequence[Fraction], layer: int, neuron: int,
                  epsilon: Fraction) -> tuple[Network, Network, Fraction]:
    r""":math:`\theta^\mp` = bias of the boundary neuron :math:`\mp\varepsilon'`, with
    :math:`\varepsilon'\le\varepsilon` halved until exactly one neuron differs in sign.

    >>> net0 = place_on_boundary(random_network([2], 1, seed=1), [Fraction(1)], 0, 1)
    >>> crossing_pair(net0, [Fraction(1)], 0, 1, Fraction(1, 8))[2]
    Fraction(1, 8)
    """
    eps = Fraction(epsilon)
    for _ in range(200):
        minus, plus = (_shift_bias(net0, layer, neuron, s * eps) for s in (-1, 1))
        sm, sp_ = _signs(minus, x), _signs(plus, x)
        if 0 not in sm and 0 not in sp_ and sum(a != b for a, b in zip(sm, sp_)) == 1:
            return minus, plus, eps
        eps /= 2
    raise ArithmeticError("no crossing pair: other neurons sit on their boundaries at theta_0")


def gradient_jump(net0: Network, x: Sequence[Fraction], y: Fraction, layer: int, neuron: int,
                  epsilon: Fraction) -> tuple[Fraction, Fraction, Fraction]:
    r""":math:`(\|\nabla\mathcal L(\theta^+)-\nabla\mathcal L(\theta^-)\|^2, \|\theta^+-\theta^-\|^2, \varepsilon')`, exactly.

    >>> net0 = place_on_boundary(random_network([2], 1, seed=1), [Fraction(1)], 0, 1)
    >>> gradient_jump(net0, [Fraction(1)], Fraction(3), 0, 1, Fraction(1, 8))[1]
    Fraction(1, 16)
    """
    minus, plus, eps = crossing_pair(net0, x, layer, neuron, epsilon)
    gm, gp = flatten(gradient(minus, x, y)), flatten(gradient(plus, x, y))
    jump_sq = sum((a - b) ** 2 for a, b in zip(gp, gm))
    gap_sq = sum((a - b) ** 2 for a, b in zip(flatten(plus), flatten(minus)))
    return jump_sq, gap_sq, eps


def jump_ratio(net0: Network, x: Sequence[Fraction], y: Fraction, layer: int, neuron: int,
               epsilon: Fraction, *, dps: int = 50) -> tuple[mpmath.mpf, mpmath.mpf]:
    r"""The jump size :math:`\|\Delta\nabla\mathcal L\|` and the ratio :math:`\|\Delta\nabla\mathcal L\|/\|\Delta\theta\|` at ``dps`` digits.

    >>> net0 = place_on_boundary(random_network([2], 1, seed=1), [Fraction(1)], 0, 1)
    >>> [mpmath.nstr(v, 6) for v in jump_ratio(net0, [Fraction(1)], Fraction(3), 0, 1, Fraction(1, 10**20))]
    ['7.38655', '3.69328e+20']
    """
    jump_sq, gap_sq, _ = gradient_jump(net0, x, y, layer, neuron, epsilon)
    with mpmath.workdps(dps):
        jump = mpmath.sqrt(mpmath.mpf(jump_sq.numerator) / jump_sq.denominator)
        gap = mpmath.sqrt(mpmath.mpf(gap_sq.numerator) / gap_sq.denominator)
        return jump, jump / gap
