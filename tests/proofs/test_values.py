r"""``--set`` values are parsed exactly and never evaluated."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proofs.engine import Parameter
from proofs.errors import BadInput
from proofs.values import check_declared, check_digits, parse_list, parse_number


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


@pytest.mark.parametrize("text", ["1e10000", "1e999999999", "-1e-999999999", "9" * 5000, "1/" + "7" * 5000,
                                  "1e1000", "1e4000", "1e-10000"])
def test_numbers_past_the_size_limit_are_one_bad_input_fast(text):
    import time

    started = time.monotonic()
    with pytest.raises(BadInput, match="range|too long"):
        parse_number(text)
    assert time.monotonic() - started < 1


def test_numbers_at_the_size_limit_are_exact():
    assert parse_number("1e999") == 10**999 and parse_number("1e-999") == Fraction(1, 10**999)


@pytest.mark.parametrize("text", ["[" * 900 + "]" * 900, "[" * 50000 + "]" * 50000, "[1e999999999]", "[true]",
                                  '["x"]', "[null]", '{"a": 1}'])
def test_malformed_or_too_deep_lists_are_one_bad_input(text):
    with pytest.raises(BadInput):
        parse_list(text)


def test_printed_exact_values_are_read_back_inside_lists():
    assert parse_list('[["4/7", "3/7"], ["-1/3", 0.5]]') == [[Fraction(4, 7), Fraction(3, 7)],
                                                              [Fraction(-1, 3), Fraction(1, 2)]]


# ---------------------------------------------------------------- declared shapes, lengths and bounds


@pytest.mark.parametrize("shape, good, bad", [
    ("vector", "[1, 2.5]", ["[[1], 2]", "[[0.5]]", "[[[1],2],[3,4]]"]),
    ("matrix", "[[1, 2], [3, 4]]", ["[[1, 2], [3]]", "[1, 2]", "[[1, [2]], [3, 4]]", "[[], []]"]),
    ("vectors", "[[1, 2], [3]]", ["[1, [2]]", "[[1], [[2]]]", "[[]]"]),
])
def test_a_list_parameter_refuses_the_wrong_shape_with_one_line(shape, good, bad):
    parameter = Parameter("v", "list", shape=shape)
    check_declared(parameter, parse_list(good))
    for text in bad:
        with pytest.raises(BadInput, match=f"v must be {'a flat list' if shape == 'vector' else 'a list of'}"):
            check_declared(parameter, parse_list(text))


def test_length_and_bounds_of_a_list_parameter_name_the_bound():
    parameter = Parameter("widths", "list", shape="vector", length=(1, 3), bounds=(1, 64))
    check_declared(parameter, [1, 64, 2])
    for value, bound in (([], "1 <= len(widths) <= 3"), ([1, 2, 3, 4], "1 <= len(widths) <= 3"), ([0], "widths >= 1"),
                         ([65], "widths <= 64")):
        with pytest.raises(BadInput, match=re.escape(bound)):
            check_declared(parameter, value)


def test_bounds_of_a_number_parameter_are_inclusive():
    seed = Parameter("seed", "integer", bounds=(0, 2**32 - 1))
    check_declared(seed, 0), check_declared(seed, 2**32 - 1)
    for value in (-1, 2**32):
        with pytest.raises(BadInput, match="the bound is seed"):
            check_declared(seed, value)


def test_digit_bound_counts_numerator_and_denominator():
    check_digits({"x": Fraction(10**99 - 1, 7)}, ["x"], 99, "a test")
    for value in (Fraction(10**99), Fraction(1, 10**99), [Fraction(1), Fraction(10**120)]):
        with pytest.raises(BadInput, match="the bound is 99 digits"):
            check_digits({"x": value}, ["x"], 99, "a test")
