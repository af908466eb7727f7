"""Tier tables: a measured value (a rate, a number of days) mapped to an outcome, with a cap.

A value that falls between the tiers the contract lists is never read as "nothing owed": it
gives the outcome kind "unspecified" and `tier=None`. Money is rounded by `money.to_cents`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from .availability import AvailabilityReport
from .errors import SlaInputError, Text, UnspecifiedError
from .intervals import require_decimal, require_list
from .money import to_cents

OutcomeKind = Literal["none", "invoice_share", "service_days", "money", "unspecified"]
_AMOUNT_KINDS = ("invoice_share", "service_days", "money")
_KINDS = ("none", "unspecified", *_AMOUNT_KINDS)
_BOUND = Text("name.tier-bound", "tier bound")
_VALUE = Text("name.tier-value", "tier value")


def _non_negative(name: str, value: object) -> Decimal:
    """`value` as a finite Decimal ≥ 0, or SlaInputError naming it."""
    number = require_decimal(name, value)
    if number < 0:
        raise SlaInputError(
            "negative", "{name} must not be negative, got {value}", name=name, value=number
        )
    return number


@dataclass(frozen=True)
class Bound:
    """One end of a tier: a value, included or not."""

    value: Decimal
    inclusive: bool

    def __post_init__(self) -> None:
        require_decimal(_BOUND, self.value)


@dataclass(frozen=True)
class Outcome:
    """What a tier gives: nothing, a share of the invoice (percent), days of service, money."""

    kind: OutcomeKind
    amount: Decimal | None = None
    currency: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise SlaInputError(
                "outcome.kind", "outcome kind must be one of {kinds}, got {kind!r}",
                kinds=_KINDS, kind=self.kind,
            )
        if self.kind in _AMOUNT_KINDS:
            if self.amount is None:
                raise SlaInputError(
                    "outcome.no-amount", "a {kind} outcome needs an amount", kind=self.kind
                )
            _non_negative(Text("name.outcome-amount", "{kind} amount", kind=self.kind), self.amount)
        elif self.amount is not None:
            raise SlaInputError(
                "outcome.amount", "a {kind!r} outcome has no amount, got {amount}",
                kind=self.kind, amount=self.amount,
            )
        if (self.kind == "money") != (self.currency is not None):
            raise SlaInputError(
                "outcome.currency",
                "a currency goes with money outcomes only (kind {kind!r}, currency {currency!r})",
                kind=self.kind, currency=self.currency,
            )

    @property
    def unit(self) -> Literal["money", "days"] | None:
        """What the outcome is counted in: money (shares and amounts), days, or nothing."""
        if self.kind == "service_days":
            return "days"
        if self.kind in ("invoice_share", "money"):
            return "money"
        return None


@dataclass(frozen=True)
class Tier:
    """A range of values (None = unbounded on that side) and its outcome."""

    lower: Bound | None
    upper: Bound | None
    outcome: Outcome

    def __post_init__(self) -> None:
        if self.lower is not None and self.upper is not None and not _meets(self.lower, self.upper):
            raise SlaInputError(
                "tier.empty", "empty tier: lower bound {lower} above upper bound {upper}",
                lower=self.lower.value, upper=self.upper.value,
            )

    def contains(self, value: Decimal) -> bool:
        """Whether `value` lies inside this tier's range."""
        if self.lower is not None and (
            value < self.lower.value or (value == self.lower.value and not self.lower.inclusive)
        ):
            return False
        return self.upper is None or not (
            value > self.upper.value or (value == self.upper.value and not self.upper.inclusive)
        )


def _meets(lower: Bound, upper: Bound) -> bool:
    """Whether some value is ≥ (or >) `lower` and ≤ (or <) `upper`."""
    if lower.value == upper.value:
        return lower.inclusive and upper.inclusive
    return lower.value < upper.value


def _tighter(a: Bound | None, b: Bound | None, *, lower: bool) -> Bound | None:
    """The more restrictive of two lower (or upper) bounds; None is unbounded."""
    if a is None or b is None:
        return b if a is None else a
    if a.value == b.value:
        return a if not a.inclusive else b
    return max(a, b, key=lambda x: x.value) if lower else min(a, b, key=lambda x: x.value)


def _overlap(a: Tier, b: Tier) -> bool:
    """Whether two tiers share at least one value."""
    lo = _tighter(a.lower, b.lower, lower=True)
    hi = _tighter(a.upper, b.upper, lower=False)
    return lo is None or hi is None or _meets(lo, hi)


@dataclass(frozen=True)
class TierTable:
    """Disjoint tiers and an optional cap applied after the tier (same unit as the tiers)."""

    tiers: tuple[Tier, ...]
    cap: Outcome | None = None

    def __post_init__(self) -> None:
        for i, first in enumerate(self.tiers):
            for j in range(i + 1, len(self.tiers)):
                if _overlap(first, self.tiers[j]):
                    raise SlaInputError("tiers.overlap", "tiers {i} and {j} overlap", i=i, j=j)
        units = {t.outcome.unit for t in self.tiers} - {None}
        if len(units) > 1:
            raise SlaInputError("tiers.units", "tiers mix days of service with money")
        currencies = {t.outcome.currency for t in self.tiers} - {None}
        if self.cap is not None:
            if self.cap.kind not in _AMOUNT_KINDS:
                raise SlaInputError(
                    "cap.kind", "a cap needs an amount, got kind {kind!r}", kind=self.cap.kind
                )
            if units and self.cap.unit not in units:
                raise SlaInputError(
                    "cap.unit", "a {kind} cap does not fit tiers in {unit}",
                    kind=self.cap.kind, unit=units.pop(),
                )
            currencies |= {self.cap.currency} - {None}
        if len(currencies) > 1:
            raise SlaInputError(
                "tiers.currencies", "tiers mix currencies {currencies}",
                currencies=sorted(c or "" for c in currencies),
            )

    @property
    def unit(self) -> Literal["money", "days"] | None:
        """What the table's outcomes are counted in, when any tier or the cap says it."""
        for outcome in (*(t.outcome for t in self.tiers), self.cap):
            if outcome is not None and outcome.unit is not None:
                return outcome.unit
        return None


@dataclass(frozen=True)
class TierResult:
    """The tier a value fell in and what it gives after the cap.

    `money` is the amount owed (rounded to cents) when computable; `days` the days of service.
    """

    value: Decimal
    tier: int | None
    outcome: Outcome
    money: Decimal | None
    days: Decimal | None
    capped: bool


def _amount(outcome: Outcome) -> Decimal:
    """The amount of an outcome whose kind carries one (checked when the outcome was built)."""
    assert outcome.amount is not None
    return outcome.amount


def _money(outcome: Outcome, invoice: Decimal | None) -> Fraction:
    """An outcome as money: a share of the invoice needs the invoice."""
    if outcome.kind == "money":
        return Fraction(_amount(outcome))
    if invoice is None:
        raise SlaInputError(
            "share.invoice", "invoice is needed to turn the {share} % invoice share into money",
            share=_amount(outcome),
        )
    return Fraction(_amount(outcome)) * Fraction(invoice) / 100


def evaluate(table: TierTable, value: Decimal, invoice: Decimal | None = None) -> TierResult:
    """Find the tier of `value` and compute what it gives, the table's cap applied after it.

    A share of the invoice becomes money only when `invoice` is given; a share tier under a
    share cap is capped on the shares themselves; mixing a share with money needs the invoice.
    A value in no tier gives tier None and kind "unspecified", never zero.
    """
    number = _non_negative(_VALUE, value)
    bill = None if invoice is None else _non_negative("invoice", invoice)
    return _evaluate(table, number, Fraction(number), bill)


def evaluate_report(
    table: TierTable,
    report: AvailabilityReport,
    measure: Literal["availability", "unavailability"],
    invoice: Decimal | None = None,
) -> TierResult:
    """`evaluate` on the availability (or unavailability) of a report, found by its exact value.

    A report under which the SLA does not apply (`report.applies` False) gives nothing. The
    tier is looked up with the report's exact rate (`report.exact`, a Fraction), the one
    `report.met` is decided on, never with the rate rounded for display: a month a hair below
    a target is not read as the tier of the target. The result's `value` is the rounded rate
    the report shows (`report.availability` or `report.unavailability`).
    """
    exact = report.exact
    if not isinstance(exact, Fraction) or not 0 <= exact <= 100:
        raise SlaInputError(
            "percent.range", "{name} is a percentage between 0 and 100, got {number}",
            name="report.exact", number=exact,
        )
    rate = exact if measure == "availability" else 100 - exact
    shown = _non_negative(
        _VALUE, report.availability if measure == "availability" else report.unavailability
    )
    bill = None if invoice is None else _non_negative("invoice", invoice)
    if not report.applies:  # the SLA does not apply: no tier, nothing due
        return _amountless(table, shown, None, Outcome("none"))
    return _evaluate(table, shown, rate, bill)


def _contains(tier: Tier, value: Fraction) -> bool:
    """Whether the exact `value` lies inside `tier`'s range (`Tier.contains`, on a Fraction)."""
    lower, upper = tier.lower, tier.upper
    if lower is not None:
        low = Fraction(lower.value)
        if value < low or (value == low and not lower.inclusive):
            return False
    if upper is None:
        return True
    high = Fraction(upper.value)
    return not (value > high or (value == high and not upper.inclusive))


def _amountless(table: TierTable, number: Decimal, tier: int | None,
                outcome: Outcome) -> TierResult:
    """The result of an outcome without an amount: `none` is nothing in the table's unit (0.00
    of money, 0 days), `unspecified` is no figure at all."""
    nothing = outcome.kind == "none"
    money = to_cents(Decimal(0)) if nothing and table.unit == "money" else None
    days = Decimal(0) if nothing and table.unit == "days" else None
    return TierResult(number, tier, outcome, money, days, False)


def _evaluate(
    table: TierTable, number: Decimal, exact: Fraction, bill: Decimal | None
) -> TierResult:
    """`evaluate` once its inputs are checked: the tier of `exact`, the result's value `number`."""
    found = next((i for i, t in enumerate(table.tiers) if _contains(t, exact)), None)
    if found is None:
        return TierResult(number, None, Outcome("unspecified"), None, None, False)
    outcome = table.tiers[found].outcome
    cap = table.cap
    if outcome.amount is None:
        return _amountless(table, number, found, outcome)
    if outcome.kind == "service_days":
        limit = None if cap is None else _amount(cap)
        capped = limit is not None and outcome.amount > limit
        days = limit if limit is not None and capped else outcome.amount
        return TierResult(number, found, outcome, None, days, capped)
    if outcome.kind == "invoice_share" and (cap is None or cap.kind == "invoice_share"):
        share = Fraction(outcome.amount)
        share_limit = None if cap is None else Fraction(_amount(cap))
        capped = share_limit is not None and share > share_limit
        kept = share_limit if share_limit is not None and capped else share
        money = None if bill is None else to_cents(kept * Fraction(bill) / 100)
        return TierResult(number, found, outcome, money, None, capped)
    raw = _money(outcome, bill)
    money_limit = None if cap is None else _money(cap, bill)
    capped = money_limit is not None and raw > money_limit
    kept = money_limit if money_limit is not None and capped else raw
    return TierResult(number, found, outcome, to_cents(kept), None, capped)


def _results(results: object) -> list[TierResult]:
    """`results` as a list of TierResults; SlaInputError naming the first that is not one."""
    given = require_list(results)
    found = [r for r in given or () if isinstance(r, TierResult)]
    if given is None or len(found) != len(given):
        wrong = results if given is None else next(
            r for r in given if not isinstance(r, TierResult)
        )
        raise SlaInputError(
            "type.results", "results must be TierResult objects, got {value!r}", value=wrong
        )
    return found


def cumulate(
    results: Sequence[TierResult], cap: Outcome | None, invoice: Decimal | None = None
) -> Decimal:
    """Total days (or money) of several results, then capped.

    niveaux-de-service N2: the cumulated service credit is at most 10 days a month
    (cap = Outcome("service_days", Decimal(10))). An unspecified result raises
    UnspecifiedError; a share result without money (no invoice given) raises SlaInputError;
    a cap given as an invoice share needs `invoice`.
    """
    bill = None if invoice is None else _non_negative("invoice", invoice)
    days: list[Decimal] = []
    money: list[Decimal] = []
    for result in _results(results):
        if result.outcome.kind == "unspecified":
            where = (
                Text("tier.none", "falls in no tier") if result.tier is None
                else Text("tier.in", "is in tier {tier}", tier=result.tier)
            )
            raise UnspecifiedError(
                "undecided.outcome",
                "the contract does not say what value {value} gives (it {where}); "
                "decide that outcome before cumulating",
                value=result.value, where=where,
            )
        if result.days is not None:
            days.append(result.days)
        elif result.money is not None:
            money.append(result.money)
        elif result.outcome.kind != "none":
            raise SlaInputError(
                "result.no-money",
                "result for value {value} has no money amount: pass the invoice to evaluate",
                value=result.value,
            )
    if days and money:
        raise SlaInputError("total.units", "cannot add days of service and money together")
    if not days and not money:
        return Decimal(0)
    if cap is not None and cap.kind not in _AMOUNT_KINDS:
        raise SlaInputError("cap.kind", "a cap needs an amount, got kind {kind!r}", kind=cap.kind)
    if days:
        if cap is not None and cap.unit != "days":
            raise SlaInputError(
                "cap.days", "a {kind} cap does not fit a total in days", kind=cap.kind
            )
        total_days = sum(days, Decimal(0))
        return total_days if cap is None else min(total_days, _amount(cap))
    if cap is not None and cap.unit != "money":
        raise SlaInputError(
            "cap.money", "a {kind} cap does not fit a total in money", kind=cap.kind
        )
    total_money = Fraction(sum(money, Decimal(0)))
    return to_cents(total_money if cap is None else min(total_money, _money(cap, bill)))
