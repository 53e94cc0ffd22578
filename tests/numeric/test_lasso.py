r"""numeric/lasso: gradient against finite differences; float64 vs mpmath runs."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from numeric.lasso import huber_gd_losses, huber_gradient, huber_loss


@given(st.integers(0, 50))
def test_gradient_matches_central_differences(seed):
    rng = np.random.default_rng(seed)
    Z, y, b = rng.uniform(-1, 1, (3, 4)), rng.uniform(-2, 2, 3), rng.uniform(-1, 1, 4)
    h = 1e-6
    fd = np.array([(huber_loss(b + h * e, Z, y) - huber_loss(b - h * e, Z, y)) / (2 * h) for e in np.eye(4)])
    assert np.allclose(fd, huber_gradient(b, Z, y), atol=1e-5)


def test_float64_and_mpmath_runs_agree():
    rng = np.random.default_rng(1)
    Z, y, b = rng.uniform(-1, 1, (3, 5)), rng.uniform(-1, 1, 3), rng.uniform(-1, 1, 5)
    a = huber_gd_losses(b, Z, y, 0.7, 40)
    m = [float(v) for v in huber_gd_losses(b, Z, y, 0.7, 40, dps=50)]
    assert np.allclose(a, m, rtol=1e-9, atol=1e-12)
