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


# The night of 27 October 2024 in Paris: at 03:00 CEST (01:00 UTC) clocks go back to 02:00 CET,
# so every wall time from 02:00 to 02:59 happens twice, first in CEST (UTC+2, fold=0), then in
# CET (UTC+1, fold=1). Python compares two datetimes of one zone by wall clock, ignoring that.
def _cest(hour: int, minute: int) -> datetime:
    return datetime(2024, 10, 27, hour, minute, tzinfo=PARIS)


def _cet(hour: int, minute: int) -> datetime:
    return datetime(2024, 10, 27, hour, minute, tzinfo=PARIS, fold=1)


def test_bounds_are_ordered_in_utc_the_night_clocks_go_back() -> None:
    # 02:50 CEST is 00:50 UTC and 02:10 CET is 01:10 UTC: 20 minutes later, though earlier on
    # the wall clock.
    night = Interval(_cest(2, 50), _cet(2, 10))
    assert night.duration == timedelta(minutes=20)
    assert not night.empty
    assert night.contains(_cest(2, 55))           # 00:55 UTC
    assert night.contains(_cet(2, 5))             # 01:05 UTC
    assert not night.contains(_cet(2, 50))        # 01:50 UTC
    # Equal to the same instants in UTC (datetimes of the repeated hour never equal another
    # zone's), and ordered by instant: [02:30, 02:40) CET (01:30 UTC) after [02:40, 02:50) CEST.
    same = Interval(datetime(2024, 10, 27, 0, 50, tzinfo=UTC), datetime(2024, 10, 27, 1, 10,
                                                                         tzinfo=UTC))
    assert night == same and hash(night) == hash(same)
    assert Interval(_cet(2, 30), _cet(2, 40)) > Interval(_cest(2, 40), _cest(2, 50))
    # The other way round it ends 20 minutes before it starts, though later on the wall clock.
    with pytest.raises(SlaInputError) as refused:
        Interval(_cet(2, 10), _cest(2, 50))
    assert refused.value.key == "interval.order"


def _utc(hour: int, minute: int) -> datetime:
    return datetime(2024, 10, 27, hour, minute, tzinfo=UTC)


def test_set_operations_compare_instants_the_night_clocks_go_back() -> None:
    # Their results are in UTC (an instant of the repeated hour never equals one of another zone).
    # [02:00, 02:40) CEST is 00:00-00:40 UTC; [02:30, 02:50) CET is 01:30-01:50 UTC: 50 minutes
    # apart. By wall clock the second would start inside the first and the two would merge
    # into 02:00 CEST-02:50 CET, 110 minutes.
    first, second = Interval(_cest(2, 0), _cest(2, 40)), Interval(_cet(2, 30), _cet(2, 50))
    merged = merge([second, first])
    assert merged == [Interval(_utc(0, 0), _utc(0, 40)), Interval(_utc(1, 30), _utc(1, 50))]
    assert total(merged) == timedelta(minutes=60)
    # [02:50 CEST, 02:10 CET) and [02:00, 02:20) CET (01:00-01:20 UTC) share 01:00-01:10 UTC.
    shared = intersect([Interval(_cest(2, 50), _cet(2, 10))], [Interval(_cet(2, 0), _cet(2, 20))])
    assert shared == [Interval(_utc(1, 0), _utc(1, 10))]
    # [02:30 CEST, 02:00 CET) is 00:30-01:00 UTC: it cuts 00:30-00:40 out of `first`.
    assert first.clip(Interval(_cest(2, 30), _cet(2, 0))) == Interval(_utc(0, 30), _utc(0, 40))
    assert subtract([first], [second]) == [Interval(_utc(0, 0), _utc(0, 40))]
