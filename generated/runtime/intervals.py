"""Half-open time intervals [start, end) over timezone-aware datetimes: merge, clip, intersect,
subtract."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from functools import total_ordering
from operator import attrgetter

from .errors import SlaInputError, Text

_START = Text("name.interval-start", "interval start")
EARLIEST = datetime(1, 1, 2, tzinfo=timezone.utc)
"""The earliest instant evaluators accept: a day after datetime.min, in UTC."""
LATEST = datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=timezone.utc)
"""The latest instant evaluators accept: a day before datetime.max, in UTC."""
_END = Text("name.interval-end", "interval end")
_UTC = timezone.utc


def is_aware(value: object) -> bool:
    """True if `value` is a timezone-aware datetime (what `require_aware` accepts)."""
    if not isinstance(value, datetime):
        return False
    zone = value.tzinfo
    return zone is not None and zone.utcoffset(value) is not None


def require_aware(name: str, value: object) -> datetime:
    """Return `value` if it is a timezone-aware datetime, else raise SlaInputError naming it."""
    if not isinstance(value, datetime):
        raise SlaInputError(
            "type.datetime", "{name} must be a datetime, got {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise SlaInputError(
            "naive-datetime",
            "{name} is a naive datetime ({value}); "
            "pass a timezone-aware one, e.g. datetime(..., tzinfo=ZoneInfo('Europe/Paris'))",
            name=name, value=value.isoformat(),
        )
    if 1 < value.year < 9999:   # a UTC offset is under a day: inside, without comparing
        return value
    try:
        inside = EARLIEST <= value <= LATEST
    except OverflowError:  # its UTC offset takes it outside years 1-9999
        inside = False
    if not inside:
        raise SlaInputError(
            "instant.range",
            "{name} {value} is outside {first} to {last} (years 1-9999 less a day at each end, "
            "so that it can be read in any time zone)",
            name=name, value=value.isoformat(), first=EARLIEST.isoformat(),
            last=LATEST.isoformat(),
        )
    return value


def require_list(values: object) -> list[object] | None:
    """The items of the iterable `values` as a list, or None when `values` is not iterable
    (None, a number...): the caller then raises SlaInputError naming what it expected.

    A single string is iterable; its characters then fail the caller's check of each item.
    """
    if isinstance(values, (list, tuple)):
        return list(values)
    if not isinstance(values, Iterable):
        return None
    return list(values)


MAGNITUDE_LIMIT = Decimal(10) ** 15
"""Every Decimal an evaluator is given is below this in absolute value (amounts in the currency,
percentages, numbers of hours, indexes...): |x| < 10^15."""

PLACES_LIMIT = 40
"""Every Decimal an evaluator is given has at most this many decimal places."""


def require_decimal(name: str, value: object) -> Decimal:
    """Return `value` as a finite Decimal (ints and numeric strings accepted; floats refused).

    It must be below MAGNITUDE_LIMIT in absolute value and have at most PLACES_LIMIT decimal
    places: the checks read only the number's exponent and digits, so that a value such as
    Decimal('1e999999') is refused at once, before any arithmetic on it.
    """
    if isinstance(value, (bool, float)):
        if isinstance(value, float) and math.isnan(value):
            raise SlaInputError("number.nan", "{name} is NaN", name=name)
        raise SlaInputError(
            "type.decimal", "{name} must be a Decimal, not {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    try:
        result = value if isinstance(value, Decimal) else Decimal(str(value))
    except (ArithmeticError, ValueError):
        raise SlaInputError(
            "number.not-a-number", "{name} is not a number: {value!r}", name=name, value=value
        ) from None
    if not result.is_finite():
        raise SlaInputError(
            "number.infinite", "{name} must be a finite number, got {value!r}",
            name=name, value=value,
        )
    if result and result.adjusted() >= 15:
        raise SlaInputError(
            "number.too-large", "{name} must be below {limit} in absolute value, got {value}",
            name=name, limit="10^15", value=result,
        )
    _, digits, exponent = result.as_tuple()
    assert isinstance(exponent, int)  # a finite number's
    if exponent < -PLACES_LIMIT and result and _places(digits, exponent) > PLACES_LIMIT:
        raise SlaInputError(
            "number.too-precise", "{name} has more than {places} decimal places: {value}",
            name=name, places=PLACES_LIMIT, value=result,
        )
    return result


def _places(digits: tuple[int, ...], exponent: int) -> int:
    """Decimal places of a nonzero number, trailing zeros left out."""
    zeros = len(digits) - len(bytes(digits).rstrip(b"\0"))
    return -(exponent + zeros)


@total_ordering
@dataclass(frozen=True, eq=False)
class Interval:
    """A half-open interval [start, end) of aware datetimes; start <= end.

    Python compares and subtracts two datetimes of the same zone by wall clock, which is wrong
    across a DST change (02:50 CEST is before 02:10 CET on the night clocks go back), and never
    finds an instant of that repeated hour equal to one of another zone: every check here,
    equality, order and the set operations below compare instants in UTC, and evaluators keep
    their intervals in UTC.
    """

    start: datetime
    end: datetime

    def _instants(self) -> tuple[datetime, datetime]:
        return self.start.astimezone(_UTC), self.end.astimezone(_UTC)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        return self._instants() == other._instants()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        return self._instants() < other._instants()

    def __hash__(self) -> int:
        return hash(self._instants())

    def __post_init__(self) -> None:
        require_aware(_START, self.start)
        require_aware(_END, self.end)
        start, end = self._instants()
        if end < start:
            raise SlaInputError(
                "interval.order", "interval ends before it starts: {start} > {end}",
                start=self.start.isoformat(), end=self.end.isoformat(),
            )

    @property
    def duration(self) -> timedelta:
        """Elapsed (absolute) time, correct across DST changes."""
        start, end = self._instants()
        return end - start

    @property
    def empty(self) -> bool:
        return self.duration <= timedelta(0)

    def contains(self, instant: datetime) -> bool:
        span, moment = in_utc(self), require_aware("instant", instant).astimezone(_UTC)
        return span.start <= moment < span.end

    def clip(self, other: Interval) -> Interval | None:
        """The part of this interval inside `other` (in UTC), or None when they do not overlap."""
        mine, theirs = in_utc(self), in_utc(other)
        start = max(mine.start, theirs.start)
        end = min(mine.end, theirs.end)
        return unchecked_interval(start, end) if start < end else None


def unchecked_interval(start: datetime, end: datetime) -> Interval:
    """Interval(start, end) without its checks, for bounds known to be valid.

    The runtime's own arithmetic builds many intervals from bounds that were checked when they
    came in (aware datetimes taken from Intervals, start <= end by construction): this skips
    `Interval.__post_init__` and nothing else. Never use it on a caller's values.
    """
    span = object.__new__(Interval)
    fields = span.__dict__
    fields["start"] = start
    fields["end"] = end
    return span


def in_utc(span: Interval) -> Interval:
    """`span` with both bounds in UTC (itself when they are already), so that comparing bounds
    compares instants."""
    if span.start.tzinfo is _UTC and span.end.tzinfo is _UTC:
        return span
    return unchecked_interval(span.start.astimezone(_UTC), span.end.astimezone(_UTC))


_bounds = attrgetter("start", "end")


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted union, in UTC: overlapping or touching intervals become one; empty ones are
    dropped."""
    result: list[Interval] = []
    last: Interval | None = None
    for item in sorted([i for i in map(in_utc, intervals) if i.start < i.end], key=_bounds):
        if last is not None and item.start <= last.end:
            if item.end > last.end:
                last = result[-1] = unchecked_interval(last.start, item.end)
        else:
            result.append(item)
            last = item
    return result


def intersect(left: Iterable[Interval], right: Iterable[Interval]) -> list[Interval]:
    """Sorted intersection of two sets of intervals, in UTC."""
    a, b = merge(left), merge(right)
    result: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        part = a[i].clip(b[j])
        if part is not None:
            result.append(part)
        if a[i].end <= b[j].end:
            i += 1
        else:
            j += 1
    return result


def subtract(left: Iterable[Interval], right: Iterable[Interval]) -> list[Interval]:
    """Sorted set difference left minus right, in UTC."""
    removed = merge(right)
    result: list[Interval] = []
    j = 0
    for item in merge(left):
        start = item.start
        while j < len(removed) and removed[j].end <= start:
            j += 1
        k = j
        while k < len(removed) and removed[k].start < item.end:
            if removed[k].start > start:
                result.append(unchecked_interval(start, removed[k].start))
            start = max(start, removed[k].end)
            k += 1
        if start < item.end:
            result.append(unchecked_interval(start, item.end))
    return result


def total(intervals: Iterable[Interval]) -> timedelta:
    """Total duration of the union of the intervals."""
    return sum((i.duration for i in merge(intervals)), timedelta())
