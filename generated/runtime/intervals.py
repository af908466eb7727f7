"""Half-open time intervals [start, end) over timezone-aware datetimes: merge, clip, intersect,
subtract."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from operator import attrgetter

from .errors import SlaInputError, Text

_START = Text("name.interval-start", "interval start")
_END = Text("name.interval-end", "interval end")


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
    return value


def require_decimal(name: str, value: object) -> Decimal:
    """Return `value` as a finite Decimal (ints and numeric strings accepted; floats refused)."""
    if isinstance(value, (bool, float)):
        if isinstance(value, float) and math.isnan(value):
            raise SlaInputError("number.nan", "{name} is NaN", name=name)
        raise SlaInputError(
            "type.decimal", "{name} must be a Decimal, not {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    try:
        result = value if isinstance(value, Decimal) else Decimal(str(value))
    except ArithmeticError:
        raise SlaInputError(
            "number.not-a-number", "{name} is not a number: {value!r}", name=name, value=value
        ) from None
    if not result.is_finite():
        raise SlaInputError(
            "number.infinite", "{name} must be a finite number, got {value!r}",
            name=name, value=value,
        )
    return result


@dataclass(frozen=True, order=True)
class Interval:
    """A half-open interval [start, end) of aware datetimes; start <= end.

    Python subtracts two datetimes of the same zone by wall clock, which is wrong across a DST
    change: `duration` subtracts in UTC, and evaluators keep their intervals in UTC.
    """

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        require_aware(_START, self.start)
        require_aware(_END, self.end)
        if self.end < self.start:
            raise SlaInputError(
                "interval.order", "interval ends before it starts: {start} > {end}",
                start=self.start.isoformat(), end=self.end.isoformat(),
            )

    @property
    def duration(self) -> timedelta:
        """Elapsed (absolute) time, correct across DST changes."""
        return self.end.astimezone(timezone.utc) - self.start.astimezone(timezone.utc)

    @property
    def empty(self) -> bool:
        return self.end <= self.start

    def contains(self, instant: datetime) -> bool:
        return self.start <= instant < self.end

    def clip(self, other: Interval) -> Interval | None:
        """The part of this interval inside `other`, or None when they do not overlap."""
        start = max(self.start, other.start)
        end = min(self.end, other.end)
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


_bounds = attrgetter("start", "end")


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted union: overlapping or touching intervals become one; empty ones are dropped."""
    result: list[Interval] = []
    last: Interval | None = None
    for item in sorted([i for i in intervals if i.start < i.end], key=_bounds):
        if last is not None and item.start <= last.end:
            if item.end > last.end:
                last = result[-1] = unchecked_interval(last.start, item.end)
        else:
            result.append(item)
            last = item
    return result


def intersect(left: Iterable[Interval], right: Iterable[Interval]) -> list[Interval]:
    """Sorted intersection of two sets of intervals."""
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
    """Sorted set difference left minus right."""
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
