r"""proofs.kumar.shown: exact values for the texts (written against the mutation benchmark)."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from proofs.kumar.shown import decimal, exact


def test_exact_turns_numbers_into_sympy_and_leaves_flags_alone():
    assert exact(3) == sp.Integer(3) and isinstance(exact(3), sp.Integer)
    assert exact(True) is True and exact(False) is False  # a flag is not the number 1
    assert exact([Fraction(1, 2), [2, Fraction(-3, 4)]]) == sp.Tuple(sp.Rational(1, 2), sp.Tuple(2, sp.Rational(-3, 4)))
    assert exact("text") == "text"


def test_decimal_only_for_terminating_fractions():
    # 2^a 5^b denominators terminate: printed with exactly their digits; anything else stays a fraction
    # one at a time, the terminating ones first: a wrong digit loop then fails here instead of hanging
    assert str(decimal(Fraction(4947, 10000))) == "0.4947"
    assert str(decimal(Fraction(-3, 8))) == "-0.375"
    assert str(decimal(Fraction(1, 20))) == "0.05"
    assert str(decimal(Fraction(1, 3))) == "1/3"
    assert decimal(Fraction(5)) == sp.Integer(5) and isinstance(decimal(Fraction(5)), sp.Integer)


def test_decimal_keeps_an_integer_part_of_several_digits():
    r"""Integer part and digits are the quotient and remainder of the scaled numerator by 10^places:
    12.5 is 125 // 10 = 12 and 125 % 10 = 5 (the doctests' values all have integer part 0)."""
    assert str(decimal(Fraction(25, 2))) == "12.5"
    assert str(decimal(Fraction(401, 4))) == "100.25"
    assert str(decimal(Fraction(-25, 2))) == "-12.5"


def test_powers_of_ten_print_as_powers_from_exponent_4_on():
    r"""exact keeps |k| >= 4 powers of ten as 10^k (eps = 10^{-4} is read as a power), smaller ones as numbers."""
    assert sp.latex(exact(Fraction(1, 10**4))) == "10^{-4}" and sp.latex(exact(Fraction(10**4))) == "10^{4}"
    assert sp.latex(exact(Fraction(1, 1000))) == r"\frac{1}{1000}" and exact(Fraction(1000)) == 1000
    assert exact(Fraction(1, 10**4)).doit() == sp.Rational(1, 10000)


def test_powers_of_ten_print_as_powers_up_to_exponent_30_only():
    r"""The other edge of the power window: 10^{±30} are recognized and print as 10^k, 10^{±31} are not (they
    print as plain numbers, with the same value).  A window of -31..30 or -30..31 reads one more power."""
    from proofs.kumar.shown import _power_of_ten

    assert _power_of_ten(Fraction(1, 10**30)) == -30 and _power_of_ten(Fraction(10**30)) == 30
    assert _power_of_ten(Fraction(1, 10**31)) is None and _power_of_ten(Fraction(10**31)) is None
    assert sp.latex(exact(Fraction(1, 10**30))) == "10^{-30}"
    assert exact(Fraction(1, 10**31)) == sp.Rational(1, 10**31) and isinstance(exact(Fraction(1, 10**31)), sp.Rational)
    assert isinstance(exact(Fraction(10**31)), sp.Integer)


def test_decimal_takes_the_larger_of_the_two_and_five_counts():
    r"""1/40 = 0.025: denominator 2^3 * 5, three places (max of 3 and 1, not the min); 1/1024 = 0.0009765625 keeps
    all ten places and its seven significant digits; -7/4 = -1.75 keeps its sign and integer part."""
    assert str(decimal(Fraction(1, 40))) == "0.025"
    assert str(decimal(Fraction(1, 1024))) == "0.0009765625"
    assert str(decimal(Fraction(-7, 4))) == "-1.75"


def test_point_keys_a_counterexample_by_the_papers_symbols_with_exact_values():
    from proofs.kumar.shown import ALPHA, BETA0, EPS, point

    p = point({ALPHA: Fraction(1, 100), EPS: Fraction(1, 10**8), BETA0: [Fraction(1, 2)]})
    assert list(p) == [ALPHA, EPS, BETA0]
    assert p[ALPHA] == sp.Rational(1, 100) and sp.latex(p[EPS]) == "10^{-8}" and p[BETA0] == sp.Tuple(sp.Rational(1, 2))
    # a negative fraction that is not a power of ten stays a plain number
    assert exact(Fraction(-1, 10**4)) == sp.Rational(-1, 10**4)


def test_decimal_counts_factors_in_exact_integers_for_long_decimals():
    r"""The 2s and 5s of the denominator are divided out in exact integer arithmetic, so a decimal of any length is
    recognized.  A start typed with 23 places, 0.12345678901234567890123, has denominator 2^23 5^23, and 5^23 (about
    1.19e16) is past 2^53, the last integer a float holds exactly: it must still read digit for digit, as must
    -1.00000000000000000000001 (integer part kept).  1/(2 (2^60 + 1)) does not terminate (2^60 + 1 is odd and not a
    multiple of 5) and stays a fraction.  Rejects halving the denominator in floating point (den / 2): the first two
    then come back as plain fractions (the rounded 5^23 is no longer a power of 5), and 2^60 + 1 rounds to 2^60, so
    1/(2 (2^60 + 1)) is taken for a 61-place decimal."""
    assert str(decimal(Fraction("0.12345678901234567890123"))) == "0.12345678901234567890123"
    assert str(decimal(Fraction("-1.00000000000000000000001"))) == "-1.00000000000000000000001"
    odd_part_past_floats = Fraction(1, 2 * (2**60 + 1))
    assert decimal(odd_part_past_floats) == sp.Rational(1, 2 * (2**60 + 1))
    assert isinstance(decimal(odd_part_past_floats), sp.Rational)
