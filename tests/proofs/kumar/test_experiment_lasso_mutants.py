r"""Kumar B.2 rerun, the ``seed`` parameter (written against the mutation benchmark): NumPy seeds are
[0, 2^32), and the last one is accepted."""

from __future__ import annotations

import pytest

from proofs import registry
from proofs.errors import BadInput
from proofs.values import parse_settings

CID = "kumar.experiment_lasso"


def test_seed_range_is_numpys():
    claim = registry.get_claim(CID)
    assert parse_settings(claim, ["seed=4294967295"])["seed"] == 2**32 - 1
    for bad in ("seed=4294967296", "seed=-1"):
        with pytest.raises(BadInput):
            parse_settings(claim, [bad])
