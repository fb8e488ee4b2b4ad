"""Money amounts as Decimal: parsing, rounding, formatting and fair splitting."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def to_decimal(value):
    """Convert *value* (str, int, float or Decimal) to a Decimal.

    Floats go through their shortest repr, so ``0.1`` becomes ``Decimal("0.1")``.
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise ValueError(f"not an amount: {value!r}")
    if isinstance(value, float):
        value = repr(value)
    try:
        result = Decimal(value)
    except (InvalidOperation, TypeError):
        raise ValueError(f"not an amount: {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a finite amount: {value!r}")
    return result


def _unit(places):
    """The smallest step for *places* decimal places, e.g. Decimal('0.01') for 2."""
    if places < 0:
        raise ValueError(f"places must not be negative, got {places}")
    return Decimal(1).scaleb(-places)


def round_money(amount, places=2, rounding=ROUND_HALF_UP):
    """Round *amount* to *places* decimal places (half up by default)."""
    return to_decimal(amount).quantize(_unit(places), rounding=rounding)


def format_currency(amount, symbol="$", places=2, thousands=","):
    """Format *amount* like ``-$1,234.50``."""
    rounded = round_money(amount, places)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = thousands.join(groups)
    if places > 0:
        text = text + "." + fraction
    return f"{sign}{symbol}{text}"


def split_amount(total, parts, places=2):
    """Split *total* into *parts* shares that add up exactly to the rounded total.

    Leftover smallest units go to the first shares, so shares differ by at most one unit.
    """
    if parts < 1:
        raise ValueError(f"parts must be at least 1, got {parts}")
    unit = _unit(places)
    amount = round_money(total, places)
    units = int(amount / unit)
    sign = -1 if units < 0 else 1
    base, remainder = divmod(abs(units), parts)
    shares = []
    for index in range(parts):
        count = base + 1 if index < remainder else base
        shares.append((sign * count * unit).quantize(unit))
    return shares


def apply_discount(amount, percent, places=2):
    """*amount* reduced by *percent* (0 to 100), rounded to *places*."""
    rate = to_decimal(percent)
    if rate < 0 or rate > 100:
        raise ValueError(f"discount must be between 0 and 100, got {percent}")
    value = to_decimal(amount)
    return round_money(value - value * rate / 100, places)
