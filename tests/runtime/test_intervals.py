"""Half-open intervals (slac.runtime.intervals): union, intersection, difference, across zones."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from slac.runtime.errors import SlaInputError
from slac.runtime.intervals import (
    Interval,
    intersect,
    merge,
    subtract,
    total,
    unchecked_interval,
)

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
UTC = timezone.utc
H = timedelta(hours=1)


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 1, day, hour, minute, tzinfo=UTC)


def span(day: int, first: int, last: int) -> Interval:
    """[first:00, last:00) UTC on `day` January 2024."""
    return Interval(utc(day, first), utc(day, last))


def test_merge_sorts_by_instant_across_zones() -> None:
    # January: Paris is UTC+1, New York UTC-5. Paris 11:30 (10:30 UTC) comes before New York
    # 06:00 (11:00 UTC) although its wall clock reads later.
    paris = Interval(datetime(2024, 1, 10, 11, 30, tzinfo=PARIS), utc(10, 11))
    new_york = Interval(datetime(2024, 1, 10, 6, tzinfo=NEW_YORK), utc(10, 12))
    assert merge([new_york, paris]) == [Interval(utc(10, 10, 30), utc(10, 12))]
    apart = Interval(datetime(2024, 1, 10, 7, 30, tzinfo=NEW_YORK), utc(10, 13))  # 12:30 UTC
    assert merge([apart, paris]) == [paris, apart]


def test_merge_joins_touching_and_overlapping_and_drops_empty() -> None:
    items = [span(3, 14, 16), span(3, 9, 10), span(3, 12, 12), span(3, 10, 11), span(3, 15, 17)]
    # 9-10 and 10-11 touch; 12-12 is empty; 14-16 and 15-17 overlap.
    assert merge(items) == [span(3, 9, 11), span(3, 14, 17)]
    assert merge([span(3, 9, 12), span(3, 10, 11)]) == [span(3, 9, 12)]  # one inside another
    assert merge([]) == []
    assert total(items) == 5 * H


def test_intersect_and_subtract() -> None:
    left = [span(4, 8, 12), span(4, 14, 18)]
    right = [span(4, 11, 15), span(4, 17, 20)]
    assert intersect(left, right) == [span(4, 11, 12), span(4, 14, 15), span(4, 17, 18)]
    assert subtract(left, right) == [span(4, 8, 11), span(4, 15, 17)]
    assert subtract(left, [span(4, 0, 23)]) == []
    assert subtract(left, []) == left


def test_intervals_check_their_bounds_and_unchecked_ones_equal_them() -> None:
    assert unchecked_interval(utc(5, 9), utc(5, 10)) == span(5, 9, 10)
    with pytest.raises(SlaInputError, match="naive"):
        Interval(datetime(2024, 1, 5, 9), utc(5, 10))
    with pytest.raises(SlaInputError, match="ends before it starts"):
        Interval(utc(5, 10), utc(5, 9))
