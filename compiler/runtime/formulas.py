"""Credits computed by a formula rather than looked up in a table, then capped.

A formula gives so much for each full step of downtime beyond an allowance (a percent of the
invoice, an amount of money, days of service), or a multiple of the fees pro rata of the
downtime. A cap may be in another unit than the credit's: a cap in days of paid service is the
invoice × those days / the days the invoice covers, so that "at most 30 days of service" is
worth more than a month's fees in a 28-day month and less in a 31-day one. Money is computed
exactly (fractions.Fraction) and rounded once, by `money.to_cents`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Literal, get_args

from .errors import SlaInputError, Text
from .intervals import require_decimal
from .money import to_cents
from .periods import require_int

CreditUnit = Literal["invoice_share", "money", "service_days"]
CapKind = Literal["invoice_share", "money", "service_days", "paid_days"]
_UNITS: tuple[str, ...] = get_args(CreditUnit)
_CAP_KINDS: tuple[str, ...] = get_args(CapKind)
_ZERO = timedelta()
_US = timedelta(microseconds=1)
_CAP_KIND = Text("name.cap-kind", "cap kind")
_CAP_AMOUNT = Text("name.cap-amount", "cap amount")


def _non_negative(name: str, value: object) -> Decimal:
    """`value` as a finite Decimal ≥ 0, or SlaInputError naming it."""
    number = require_decimal(name, value)
    if number < 0:
        raise SlaInputError(
            "negative", "{name} must not be negative, got {value}", name=name, value=number
        )
    return number


def _duration(name: str, value: object, *, positive: bool = False) -> timedelta:
    """`value` as a timedelta ≥ 0 (> 0 if `positive`), or SlaInputError naming it."""
    if not isinstance(value, timedelta):
        raise SlaInputError(
            "type.timedelta", "{name} must be a timedelta, got {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    if value < _ZERO:
        raise SlaInputError(
            "negative", "{name} must not be negative, got {value}", name=name, value=value
        )
    if positive and value == _ZERO:
        raise SlaInputError("zero", "{name} must be positive, got 0", name=name)
    return value


def _kind(name: str, value: object, allowed: tuple[str, ...], currency: object) -> None:
    """`value` is one of `allowed`, and `currency` a code exactly when `value` is money."""
    if value not in allowed:
        raise SlaInputError(
            "choice", "{name} must be one of {allowed}, got {value!r}",
            name=name, allowed=allowed, value=value,
        )
    named = isinstance(currency, str) and bool(currency.strip())
    if (value == "money" and not named) or (value != "money" and currency is not None):
        raise SlaInputError(
            "formula.currency",
            "a money amount needs a currency code, and only money takes one "
            "(kind {kind!r}, currency {currency!r})",
            kind=value, currency=currency,
        )


@dataclass(frozen=True)
class PerUnitCredit:
    """`rate` for each full `step` of downtime: a percent of the invoice (invoice_share), an
    amount of money in `currency`, or days of service (service_days)."""

    step: timedelta
    rate: Decimal
    unit: CreditUnit
    currency: str | None = None

    def __post_init__(self) -> None:
        _duration("step", self.step, positive=True)
        _non_negative("rate", self.rate)
        _kind("unit", self.unit, _UNITS, self.currency)


@dataclass(frozen=True)
class ProratedFees:
    """`multiple` × the invoice × the downtime / the length of the period the invoice covers."""

    multiple: Decimal

    def __post_init__(self) -> None:
        _non_negative("multiple", self.multiple)


@dataclass(frozen=True)
class Cap:
    """The most a credit gives: a percent of the invoice (invoice_share), money in `currency`,
    days of service (service_days), or days of paid service (paid_days: the invoice × `amount`
    / the days the invoice covers)."""

    kind: CapKind
    amount: Decimal
    currency: str | None = None

    def __post_init__(self) -> None:
        _kind(_CAP_KIND, self.kind, _CAP_KINDS, self.currency)
        _non_negative(_CAP_AMOUNT, self.amount)


@dataclass(frozen=True)
class CreditResult:
    """What a formula gives for a downtime.

    `counted` is the downtime beyond the allowance; `units` the full steps in it (0 for pro-rated
    fees). `share` is an invoice-share credit in percent of the invoice, before the cap. `raw`
    and `money` are the credit in money before and after the cap, in cents (None for days of
    service, and for a share when no invoice is given); `days` the days of service after the
    cap. `capped` tells whether the cap lowered the credit.
    """

    downtime: timedelta
    counted: timedelta
    units: int
    share: Decimal | None
    raw: Decimal | None
    money: Decimal | None
    days: Decimal | None
    capped: bool
    cap: Cap | None


def _times(units: int, rate: Decimal) -> Decimal:
    """`units` × `rate`, exactly: the default context would round a product past 28 digits."""
    with localcontext() as context:
        context.prec = len(str(units)) + len(rate.as_tuple().digits)
        return Decimal(units) * rate


def _of_invoice(percent: Decimal, bill: Decimal) -> Fraction:
    """`percent` % of the invoice, exactly."""
    return Fraction(percent) * Fraction(bill) / 100


def _limit(cap: Cap, unit: str, bill: Decimal | None, period_days: int | None) -> Fraction:
    """A cap on a credit in money, as money."""
    if cap.kind == "service_days":
        raise SlaInputError(
            "cap.credit-money", "a {kind!r} cap does not fit a credit in money", kind=cap.kind
        )
    if bill is None and (cap.kind != "money" or unit == "invoice_share"):
        raise SlaInputError(
            "cap.invoice", "invoice is needed to apply a {kind!r} cap to a {unit!r} credit",
            kind=cap.kind, unit=unit,
        )
    if cap.kind == "money":
        return Fraction(cap.amount)
    assert bill is not None  # refused above for a cap that is not money
    if cap.kind == "invoice_share":
        return _of_invoice(cap.amount, bill)
    if period_days is None:
        raise SlaInputError(
            "cap.period-days", "a 'paid_days' cap needs period_days, the days the invoice covers"
        )
    return Fraction(cap.amount) * Fraction(bill) / period_days


def credit(
    formula: PerUnitCredit | ProratedFees,
    downtime: timedelta,
    *,
    allowance: timedelta = _ZERO,
    period_length: timedelta | None = None,
    period_days: int | None = None,
    invoice: Decimal | None = None,
    cap: Cap | None = None,
) -> CreditResult:
    """The credit `formula` gives for `downtime`, counted beyond `allowance`, then capped.

    Only full steps count: 59 minutes of a 1-hour step give nothing. Pro-rated fees need
    `invoice` and `period_length` (the real time the invoice covers); a 'paid_days' cap needs
    `invoice` and `period_days` (its calendar days: 31 for a month that DST makes 30 days 23 h
    long); any other cap that is not in the credit's unit needs `invoice`. A credit in days
    takes only a 'service_days' cap, a credit in money any other cap.
    """
    if not isinstance(formula, (PerUnitCredit, ProratedFees)):
        raise SlaInputError(
            "type.formula", "formula must be a PerUnitCredit or a ProratedFees, got {value!r}",
            value=formula,
        )
    lost = _duration("downtime", downtime)
    counted = max(_ZERO, lost - _duration("allowance", allowance))
    length = None if period_length is None else _duration("period_length", period_length,
                                                          positive=True)
    days_in_period = None if period_days is None else require_int("period_days", period_days, 1)
    bill = None if invoice is None else _non_negative("invoice", invoice)
    if cap is not None and not isinstance(cap, Cap):
        raise SlaInputError("type.cap", "cap must be a Cap or None, got {value!r}", value=cap)
    if isinstance(formula, ProratedFees):
        if bill is None or length is None:
            raise SlaInputError(
                "prorated.needs", "a pro-rated credit needs {name}",
                name="invoice" if bill is None else "period_length",
            )
        exact = (Fraction(formula.multiple) * Fraction(bill)
                 * Fraction(counted // _US, length // _US))
        limit = None if cap is None else _limit(cap, "fees_multiple", bill, days_in_period)
        return _money(lost, counted, 0, None, exact, limit, cap)
    units = counted // formula.step
    amount = _times(units, formula.rate)
    if formula.unit == "service_days":
        if cap is not None and cap.kind != "service_days":
            raise SlaInputError(
                "cap.credit-days", "a {kind!r} cap does not fit a credit in days of service",
                kind=cap.kind,
            )
        capped = cap is not None and amount > cap.amount
        days = cap.amount if cap is not None and capped else amount
        return CreditResult(lost, counted, units, None, None, None, days, capped, cap)
    if formula.unit == "money":
        if cap is not None and cap.kind == "money" and cap.currency != formula.currency:
            raise SlaInputError(
                "cap.currency", "the cap is in {cap} but the credit in {credit}",
                cap=cap.currency, credit=formula.currency,
            )
        limit = None if cap is None else _limit(cap, formula.unit, bill, days_in_period)
        return _money(lost, counted, units, None, Fraction(amount), limit, cap)
    if cap is None or cap.kind == "invoice_share":
        return _share(lost, counted, units, amount, bill, cap)
    limit = _limit(cap, formula.unit, bill, days_in_period)
    assert bill is not None  # _limit refuses a cap in money on a share without the invoice
    return _money(lost, counted, units, amount, _of_invoice(amount, bill), limit, cap)


def _money(
    lost: timedelta, counted: timedelta, units: int, share: Decimal | None, exact: Fraction,
    limit: Fraction | None, cap: Cap | None,
) -> CreditResult:
    """The result of a credit of `exact` money, capped at `limit`."""
    capped = limit is not None and exact > limit
    kept = limit if limit is not None and capped else exact
    return CreditResult(
        lost, counted, units, share, to_cents(exact), to_cents(kept), None, capped, cap
    )


def _share(
    lost: timedelta, counted: timedelta, units: int, share: Decimal, bill: Decimal | None,
    cap: Cap | None,
) -> CreditResult:
    """The result of a credit of `share` % of the invoice, under no cap or a share cap: compared
    as shares, so that it is capped even when the invoice is not given."""
    capped = cap is not None and share > cap.amount
    kept = cap.amount if cap is not None and capped else share
    raw, money = (None, None) if bill is None else (
        to_cents(_of_invoice(share, bill)), to_cents(_of_invoice(kept, bill))
    )
    return CreditResult(lost, counted, units, share, raw, money, None, capped, cap)
