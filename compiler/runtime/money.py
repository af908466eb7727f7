"""Fees, minimums, surcharges, index revisions and interest, in Decimal.

Money is a plain Decimal; the caller keeps the currency. Percentages are given in percent
(Decimal('20') for 20 %). Every amount returned is rounded once, by `to_cents`, after an exact
computation (fractions.Fraction), so intermediate steps never round.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from .errors import SlaInputError
from .intervals import require_decimal

_CENT = Decimal("0.01")
_HOUR_US = 3_600_000_000
COUNT_LIMIT = 10**15
"""The largest count (units, days) the money functions take."""


def to_cents(x: Decimal | Fraction) -> Decimal:
    """Round an amount to cents, halves away from zero (ROUND_HALF_UP): the one rounding rule.

    Exact at any size: a product of two amounts of 10^15 has more digits than the default
    decimal context keeps, so the rounding runs in a context wide enough for the amount.
    """
    if isinstance(x, Fraction):
        hundredths = abs(x) * 100
        cents = int(hundredths + Fraction(1, 2))
        with localcontext() as context:
            context.prec = max(context.prec, len(str(cents)) + 3)
            return (Decimal(cents if x >= 0 else -cents) * _CENT).quantize(_CENT)
    number = x if isinstance(x, Decimal) and x.is_finite() else require_decimal("amount", x)
    with localcontext() as context:
        context.prec = max(context.prec, number.adjusted() + 5)
        return number.quantize(_CENT, rounding=ROUND_HALF_UP)


def _amount(name: str, value: object) -> Fraction:
    """`value` as an exact non-negative Fraction, or SlaInputError naming it."""
    number = require_decimal(name, value)
    if number < 0:
        raise SlaInputError(
            "negative", "{name} must not be negative, got {value}", name=name, value=number
        )
    return Fraction(number)


def _count(name: str, value: object) -> int:
    """`value` as a non-negative int, or SlaInputError naming it."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise SlaInputError(
            "type.int", "{name} must be an int, got {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    if value < 0:
        raise SlaInputError(
            "negative", "{name} must not be negative, got {value}", name=name, value=value
        )
    if value > COUNT_LIMIT:
        raise SlaInputError(
            "integer.range", "{name} must be in [{low}, {high}], got {value}",
            name=name, low=0, high=COUNT_LIMIT, value=value,
        )
    return value


def time_fee(
    rate_per_hour: Decimal, time_spent: timedelta, minimum_per_unit: Decimal, units: int
) -> Decimal:
    """Fee billed on time spent, with a minimum per unit handled.

    Teogest T8 (Annexe 2 D): a restore is billed on the time spent at 130 € HT an hour, with a
    minimum of 70 € HT per restored annual file: max(rate × hours, minimum × units), the hours
    taken pro rata on the exact time spent (no rounding up to started hours).
    """
    rate = _amount("rate_per_hour", rate_per_hour)
    minimum = _amount("minimum_per_unit", minimum_per_unit)
    count = _count("units", units)
    if not isinstance(time_spent, timedelta):
        raise SlaInputError(
            "money.time-spent", "time_spent must be a timedelta, got {value!r}", value=time_spent
        )
    if time_spent < timedelta(0):
        raise SlaInputError(
            "negative", "{name} must not be negative, got {value}",
            name="time_spent", value=time_spent,
        )
    hours = Fraction(time_spent // timedelta(microseconds=1), _HOUR_US)
    return to_cents(max(rate * hours, minimum * count))


def minimum_top_up(invoiced: Decimal, minimum: Decimal) -> Decimal:
    """Amount to add so that a month's invoice reaches the minimum (never negative).

    Teogest T10 (Art. 14.3.3): the monthly invoice is at least 130 € HT (as of 1 January 2024);
    below it, the client is billed the complement.
    """
    billed = _amount("invoiced", invoiced)
    floor = _amount("minimum", minimum)
    return to_cents(max(floor - billed, Fraction(0)))


def surcharged_overage(units_over: Decimal, unit_price: Decimal, surcharge: Decimal) -> Decimal:
    """Price of use above the ordered thresholds: units × current price × (1 + surcharge %).

    Cegid Conciliator C9 (Art. 13): use above the ordered thresholds is billed at the current
    price plus 20 % (surcharge = Decimal('20')).
    """
    units = _amount("units_over", units_over)
    price = _amount("unit_price", unit_price)
    extra = _amount("surcharge", surcharge)
    return to_cents(units * price * (1 + extra / 100))


def indexed_price(price: Decimal, old_index: Decimal, new_index: Decimal, cap: Decimal) -> Decimal:
    """Price revised by an index ratio, the increase capped at `cap` percent.

    Teogest T10 (Art. 14.3.2–14.3.3): prices are revised every 1 January by the Syntec index,
    the increase capped at 9 % (cap = Decimal('9')). The text only limits increases, so a fall
    of the index applies in full. (The text also lets the publisher raise prices beyond the index
    up to the cap; that is a choice, not a computation: this returns the index-driven price.)
    """
    base = _amount("price", price)
    old = _amount("old_index", old_index)
    new = _amount("new_index", new_index)
    ceiling = _amount("cap", cap)
    if old == 0:
        raise SlaInputError("zero", "{name} must be positive, got 0", name="old_index")
    ratio = min(new / old, 1 + ceiling / 100)
    return to_cents(base * ratio)


def late_interest(
    amount: Decimal, annual_rate: Decimal, days: int, year_days: int = 365
) -> Decimal:
    """Simple interest on a late amount: amount × rate % × days / year_days.

    Teogest T11 (Art. 14.6): interest at the legal rate plus 3 points from the first day of
    delay; the caller passes annual_rate = legal rate + 3 (in percent) and the days late.
    """
    principal = _amount("amount", amount)
    rate = _amount("annual_rate", annual_rate)
    late = _count("days", days)
    year = _count("year_days", year_days)
    if year == 0:
        raise SlaInputError("zero", "{name} must be positive, got 0", name="year_days")
    return to_cents(principal * rate / 100 * Fraction(late, year))


def notice_period_invoice(
    last_invoice: Decimal, highest_invoice: Decimal, reduction: Decimal, consumption: Decimal
) -> Decimal:
    """Monthly amount billed during notice: the highest of three amounts.

    Teogest T13 (Art. 20): during notice the client pays the highest of last month's invoice
    before the request, the highest monthly invoice ever minus 20 % (reduction =
    Decimal('20')), and the actual consumption.
    """
    last = _amount("last_invoice", last_invoice)
    highest = _amount("highest_invoice", highest_invoice)
    cut = _amount("reduction", reduction)
    used = _amount("consumption", consumption)
    if highest < last:
        raise SlaInputError(
            "money.highest-invoice",
            "highest_invoice ({highest}) is below last_invoice ({last}); "
            "the highest invoice ever cannot be lower than the last one",
            highest=highest_invoice, last=last_invoice,
        )
    if cut > 100:
        raise SlaInputError(
            "money.reduction", "reduction is a percentage at most 100, got {value}",
            value=reduction,
        )
    return to_cents(max(last, highest * (1 - cut / 100), used))
