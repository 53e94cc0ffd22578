r"""``--set`` values are parsed exactly and never evaluated."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proofs.errors import BadInput
from proofs.values import parse_list, parse_number


@pytest.mark.parametrize("text", ["__import__('os')", "1/0", "nan", "inf", "1e", "", "2**3", "x", "[1, 'a']", "{}"])
def test_malformed_values_are_rejected(text):
    with pytest.raises(BadInput):
        parse_list(text) if text.startswith(("[", "{")) else parse_number(text)


def test_decimals_are_exact():
    assert parse_number("0.1") == Fraction(1, 10)
    assert parse_list("[0.1, [2e-3]]") == [Fraction(1, 10), [Fraction(2, 1000)]]


@given(st.fractions(max_denominator=10**6))
def test_rationals_round_trip(value):
    assert parse_number(f"{value.numerator}/{value.denominator}") == value
