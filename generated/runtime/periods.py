"""Calendar periods (days, weeks, months, years) and wall-clock arithmetic in a time zone."""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import SlaInputError, Text
from .intervals import Interval, require_aware

Unit = Literal["day", "week", "month", "year"]
_UNITS: tuple[str, ...] = get_args(Unit)
_DATE = Text("name.date", "date")
_COUNT = Text("name.period-count", "period count")


def require_date(name: str, value: object) -> date:
    """Return `value` if it is a plain date (not a datetime), else raise SlaInputError naming it."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise SlaInputError(
            "type.date", "{name} must be a date, got {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    return value


def require_int(name: str, value: object, low: int | None = None, high: int | None = None) -> int:
    """Return `value` if it is an int (not a bool) within [low, high], else raise SlaInputError."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise SlaInputError(
            "type.integer", "{name} must be an integer, got {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    if (low is not None and value < low) or (high is not None and value > high):
        raise SlaInputError(
            "integer.range", "{name} must be in [{low}, {high}], got {value}",
            name=name, low="-inf" if low is None else low, high="+inf" if high is None else high,
            value=value,
        )
    return value


def zone_info(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA zone name; SlaInputError if the name is unknown."""
    if not isinstance(name, str):
        raise SlaInputError(
            "zone.type", "time zone must be an IANA name string, got {value!r}", value=name
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SlaInputError("zone.unknown", "unknown time zone {value!r}", value=name) from None


def localise(wall: datetime, zone: tzinfo) -> datetime:
    """Attach `zone` to the naive wall-clock time `wall`, resolving DST changes.

    An ambiguous wall time (the repeated hour in autumn) takes its first occurrence (fold=0,
    summer time). A nonexistent wall time (inside the spring gap) moves forward to the first
    instant after the gap (Paris, 31 March 2024 02:30 -> 03:00 CEST). The mapping is therefore
    monotonic: a later wall time never gives an earlier instant. The result carries `zone` and
    the fold that names it correctly.
    """
    try:
        return _localise(wall, zone)
    except (OverflowError, ValueError, OSError):  # beyond the years datetime can hold
        raise SlaInputError(
            "computation.years", "{name} {value}: the computation leaves years 1-9999",
            name="wall-clock time", value=wall.replace(tzinfo=None).isoformat(),
        ) from None


def _localise(wall: datetime, zone: tzinfo) -> datetime:
    naive = wall.replace(tzinfo=None)
    utc = naive.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)
    local = utc.astimezone(zone)
    if local.replace(tzinfo=None) == naive:
        return local
    # In a gap the two folds read the wall time with the offsets on either side of the change;
    # the change lies between the two readings: find its whole second by bisection.
    other = naive.replace(tzinfo=zone, fold=1).astimezone(timezone.utc)
    low = math.floor(min(utc, other).timestamp())
    high = math.ceil(max(utc, other).timestamp())
    after = datetime.fromtimestamp(high, timezone.utc).astimezone(zone).utcoffset()
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, timezone.utc).astimezone(zone).utcoffset() == after:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, timezone.utc).astimezone(zone)


@dataclass(frozen=True)
class Period:
    """A calendar period: `count` days, weeks, months or years (count >= 0)."""

    count: int
    unit: Unit

    def __post_init__(self) -> None:
        require_int(_COUNT, self.count, low=0)
        if self.unit not in _UNITS:
            raise SlaInputError(
                "period.unit", "period unit must be one of {units}; got {value!r}",
                units=", ".join(_UNITS), value=self.unit,
            )

    def __str__(self) -> str:
        return f"{self.count} {self.unit}{'' if self.count == 1 else 's'}"


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise SlaInputError(
            "date.months-beyond", "date {date} shifted by {months} months leaves years 1-9999",
            date=d.isoformat(), months=months,
        )
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def _shift(d: date, period: Period, sign: int) -> date:
    require_date(_DATE, d)
    if not isinstance(period, Period):
        raise SlaInputError(
            "type.period", "{name} must be a Period, got {value!r}", name="period", value=period
        )
    if period.unit in ("month", "year"):
        return _shift_months(d, sign * period.count * (12 if period.unit == "year" else 1))
    days = period.count * (7 if period.unit == "week" else 1)
    try:
        return d + sign * timedelta(days=days)
    except OverflowError:
        raise SlaInputError(
            "date.beyond", "date {date} shifted by {period} leaves years 1-9999",
            date=d.isoformat(), period=period,
        ) from None


def add_period(d: date, period: Period) -> date:
    """`d` plus `period`; months and years clip the day (31 Jan 2024 + 1 month = 29 Feb 2024)."""
    return _shift(d, period, 1)


def subtract_period(d: date, period: Period) -> date:
    """`d` minus `period`; months and years clip the day (31 Mar 2024 - 1 month = 29 Feb 2024)."""
    return _shift(d, period, -1)


def add_period_dt(instant: datetime, period: Period) -> datetime:
    """`instant` plus `period` on the wall clock of the instant's own zone, re-localised.

    One day after Saturday 30 March 2024 12:00 CET is Sunday 31 March 12:00 CEST (23 real hours).
    A wall time that falls in a DST gap or overlap is resolved as `localise` documents; but a
    period of zero is the instant itself (0 days after 02:10 CET, the second 02:10 of the night
    clocks go back, is not 02:10 CEST, an hour earlier).
    """
    require_aware("instant", instant)
    zone = instant.tzinfo
    assert zone is not None
    day = instant.date()
    moved = add_period(day, period)
    if moved == day:
        real = instant.astimezone(timezone.utc).astimezone(zone)
        if real.replace(tzinfo=None) == instant.replace(tzinfo=None):  # not in a spring gap
            return real
    return localise(datetime.combine(moved, instant.time()), zone)


def month_bounds(year: int, month: int, tz: ZoneInfo) -> Interval:
    """Local midnight of the 1st of the month to local midnight of the next month's 1st.

    The interval is expressed in UTC so that its `duration` is real elapsed time (a Paris March
    2025 lasts 743 h, October 2025 745 h); convert with `astimezone` for display.
    """
    require_int("month", month, low=1, high=12)
    return period_bounds(1, year, month, tz)


def period_bounds(months: int, year: int, index: int, tz: tzinfo, first_month: int = 1,
                  first_day: int = 1) -> Interval:
    """The `index`-th period (from 1) of `months` months of the year `year`, whose first period
    starts at local midnight on day `first_day` of `first_month`; in UTC, as `month_bounds`.

    Calendar months: months=1, index=month. A billing cycle from the 15th: months=1,
    first_day=15 (cycle 2024-05 runs 15 May to 15 June). Calendar quarters: months=3,
    index=quarter; fiscal quarters of a year starting in July: first_month=7 (quarter 1 of
    fiscal year 2024 is July to September 2024). Years: months=12, index=1.
    """
    require_int("year", year, low=1, high=9999)
    require_int("index", index, low=1, high=12 // months)
    if not isinstance(tz, tzinfo):
        raise SlaInputError(
            "type.zone", "{name} must be a ZoneInfo, got {value!r}", name="tz", value=tz
        )
    first = _shift_months(date(year, first_month, first_day), (index - 1) * months)
    after = _shift_months(first, months)
    return Interval(
        localise(datetime.combine(first, datetime.min.time()), tz).astimezone(timezone.utc),
        localise(datetime.combine(after, datetime.min.time()), tz).astimezone(timezone.utc),
    )


def end_of_month(d: date) -> date:
    """The last day of the month of `d`."""
    require_date(_DATE, d)
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
