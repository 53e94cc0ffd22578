r"""Cooper's ray configuration: the size bounds are enforced before anything is expanded (written
against the mutation benchmark; direct calls, so a bound that is not enforced fails here in
milliseconds instead of expanding a network of that size)."""

from __future__ import annotations

import pytest

from proofs.cooper import ray
from proofs.errors import BadInput


@pytest.mark.parametrize("name", sorted(ray.MAX_SIZES))
def test_each_size_bound_is_enforced(name):
    bound = ray.MAX_SIZES[name]
    ray.check_sizes({"n": 1, "d_in": 1, "d_out": 1, name: bound})  # at the bound: accepted
    with pytest.raises(BadInput, match=f"{name}={bound + 1} exceeds the bound"):
        ray.check_sizes({name: bound + 1})


def test_the_data_bound_counts_n_times_d_in_plus_d_out():
    n = ray.MAX_DATA // 128  # d_in = d_out = 64: n rows of 128 numbers
    ray.check_sizes({"n": n, "d_in": 64, "d_out": 64})
    with pytest.raises(BadInput, match=f"{(n + 1) * 128} data numbers exceed the bound {ray.MAX_DATA}"):
        ray.check_sizes({"n": n + 1, "d_in": 64, "d_out": 64})
