from decimal import ROUND_DOWN, Decimal

import pytest

from tally.money import apply_discount, format_currency, round_money, split_amount, to_decimal


def test_to_decimal_from_string():
    assert to_decimal("12.30") == Decimal("12.30")


def test_to_decimal_from_float_uses_repr():
    assert to_decimal(0.1) == Decimal("0.1")


def test_to_decimal_rejects_garbage():
    with pytest.raises(ValueError):
        to_decimal("twelve")
    with pytest.raises(ValueError):
        to_decimal(None)


def test_to_decimal_rejects_infinity():
    with pytest.raises(ValueError):
        to_decimal("Infinity")


def test_round_money_half_up():
    assert round_money("2.675") == Decimal("2.68")
    assert round_money("2.665") == Decimal("2.67")


def test_round_money_custom_rounding():
    assert round_money("2.679", rounding=ROUND_DOWN) == Decimal("2.67")


def test_format_currency_thousands():
    assert format_currency(1234567.891) == "$1,234,567.89"


def test_format_currency_negative():
    assert format_currency("-1234.5") == "-$1,234.50"


def test_format_currency_custom_symbol_and_places():
    assert format_currency(1000, symbol="€", places=0, thousands=".") == "€1.000"


def test_split_amount_even():
    assert split_amount("9.00", 3) == [Decimal("3.00")] * 3


def test_split_amount_invalid_parts():
    with pytest.raises(ValueError):
        split_amount("1.00", 0)


def test_split_amount_distributes_remainder():
    shares = split_amount("10.00", 3)
    assert shares == [Decimal("3.34"), Decimal("3.33"), Decimal("3.33")]
    assert sum(shares) == Decimal("10.00")


def test_split_amount_negative_total():
    shares = split_amount("-0.05", 2)
    assert shares == [Decimal("-0.03"), Decimal("-0.02")]
    assert sum(shares) == Decimal("-0.05")


def test_apply_discount():
    assert apply_discount("80.00", 25) == Decimal("60.00")


def test_apply_discount_out_of_range():
    with pytest.raises(ValueError):
        apply_discount("10", 150)
