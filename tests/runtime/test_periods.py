"""Calendar periods and wall-clock arithmetic (slac.runtime.periods)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slac.runtime.errors import SlaInputError
from slac.runtime.periods import (
    Period,
    Unit,
    add_period,
    add_period_dt,
    end_of_month,
    localise,
    month_bounds,
    subtract_period,
    zone_info,
)

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc


@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [
        # 31 Jan + 1 month: February 2024 has 29 days, the day is clipped.
        (date(2024, 1, 31), Period(1, "month"), date(2024, 2, 29)),
        # 31 Jan + 2 months: March has 31 days, no clipping.
        (date(2024, 1, 31), Period(2, "month"), date(2024, 3, 31)),
        # 29 Feb 2024 + 1 year: 2025 is not a leap year.
        (date(2024, 2, 29), Period(1, "year"), date(2025, 2, 28)),
        # 29 Feb 2024 + 4 years: 2028 is a leap year.
        (date(2024, 2, 29), Period(4, "year"), date(2028, 2, 29)),
        # 15 Dec + 3 weeks = 15 + 21 = 36 Dec = 5 Jan.
        (date(2024, 12, 15), Period(3, "week"), date(2025, 1, 5)),
        # 28 Feb 2024 + 2 days: 29 Feb, 1 Mar.
        (date(2024, 2, 28), Period(2, "day"), date(2024, 3, 1)),
        # 30 Nov + 14 months = 30 Jan two years on.
        (date(2023, 11, 30), Period(14, "month"), date(2025, 1, 30)),
        (date(2024, 5, 5), Period(0, "month"), date(2024, 5, 5)),
    ],
)
def test_add_period(start: date, period: Period, expected: date) -> None:
    assert add_period(start, period) == expected


@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [
        # 31 Mar - 1 month: clipped to 29 Feb 2024.
        (date(2024, 3, 31), Period(1, "month"), date(2024, 2, 29)),
        # 15 Jan 2025 - 3 months = 15 Oct 2024.
        (date(2025, 1, 15), Period(3, "month"), date(2024, 10, 15)),
        # 1 Mar 2024 - 1 day = 29 Feb.
        (date(2024, 3, 1), Period(1, "day"), date(2024, 2, 29)),
        # 28 Feb 2025 - 1 year = 28 Feb 2024.
        (date(2025, 2, 28), Period(1, "year"), date(2024, 2, 28)),
    ],
)
def test_subtract_period(start: date, period: Period, expected: date) -> None:
    assert subtract_period(start, period) == expected


@pytest.mark.parametrize(
    ("count", "unit"),
    [(-1, "day"), (1, "fortnight"), (True, "day"), (1.5, "month"), ("2", "week")],
)
def test_period_rejects_bad_values(count: object, unit: object) -> None:
    with pytest.raises(SlaInputError, match="period"):
        Period(count, unit)  # type: ignore[arg-type]


def test_add_period_rejects_datetime_and_overflow() -> None:
    with pytest.raises(SlaInputError, match="must be a date"):
        add_period(datetime(2024, 1, 1, tzinfo=PARIS), Period(1, "day"))
    with pytest.raises(SlaInputError, match="9999"):
        add_period(date(9999, 12, 1), Period(1, "month"))
    with pytest.raises(SlaInputError, match="9999"):
        add_period(date(9999, 12, 31), Period(1, "day"))


def test_add_period_dt_spring_day_is_23_real_hours() -> None:
    # Sat 30 March 2024 12:00 CET (11:00 UTC) + 1 day = Sun 31 March 12:00 CEST (10:00 UTC):
    # the clocks jump 02:00 -> 03:00 that night, so 23 real hours.
    start = datetime(2024, 3, 30, 12, 0, tzinfo=PARIS)
    result = add_period_dt(start, Period(1, "day"))
    assert result.astimezone(UTC) == datetime(2024, 3, 31, 10, 0, tzinfo=UTC)
    assert result.utcoffset() == timedelta(hours=2)
    assert result.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)


def test_add_period_dt_autumn_day_is_25_real_hours() -> None:
    # Sat 26 Oct 2024 12:00 CEST (10:00 UTC) + 1 day = Sun 27 Oct 12:00 CET (11:00 UTC).
    start = datetime(2024, 10, 26, 12, 0, tzinfo=PARIS)
    result = add_period_dt(start, Period(1, "day"))
    assert result.astimezone(UTC) == datetime(2024, 10, 27, 11, 0, tzinfo=UTC)
    assert result.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=25)


def test_add_period_dt_month_keeps_wall_time_and_clips() -> None:
    # 31 Jan 2024 09:30 CET + 1 month = 29 Feb 2024 09:30 CET (08:30 UTC).
    result = add_period_dt(datetime(2024, 1, 31, 9, 30, tzinfo=PARIS), Period(1, "month"))
    assert result.astimezone(UTC) == datetime(2024, 2, 29, 8, 30, tzinfo=UTC)
    # 10 Mar 2024 09:00 CET + 1 month = 10 Apr 09:00 CEST (07:00 UTC).
    result = add_period_dt(datetime(2024, 3, 10, 9, 0, tzinfo=PARIS), Period(1, "month"))
    assert result.astimezone(UTC) == datetime(2024, 4, 10, 7, 0, tzinfo=UTC)


def test_add_period_dt_in_other_zone_uses_that_zone() -> None:
    # In UTC there is no DST: 30 Mar 11:00 UTC + 1 day = 31 Mar 11:00 UTC.
    result = add_period_dt(datetime(2024, 3, 30, 11, 0, tzinfo=UTC), Period(1, "day"))
    assert result == datetime(2024, 3, 31, 11, 0, tzinfo=UTC)


def test_add_period_dt_rejects_naive() -> None:
    with pytest.raises(SlaInputError, match="naive"):
        add_period_dt(datetime(2024, 3, 30, 12, 0), Period(1, "day"))


def test_localise_gap_moves_to_end_of_gap() -> None:
    # 31 March 2024 02:30 does not exist in Paris (02:00 CET -> 03:00 CEST):
    # it becomes 03:00 CEST = 01:00 UTC.
    result = localise(datetime(2024, 3, 31, 2, 30), PARIS)
    assert result.astimezone(UTC) == datetime(2024, 3, 31, 1, 0, tzinfo=UTC)
    # A day later on the wall clock, 02:30 exists again; through add_period_dt too.
    moved = add_period_dt(datetime(2024, 3, 30, 2, 30, tzinfo=PARIS), Period(1, "day"))
    assert moved.astimezone(UTC) == datetime(2024, 3, 31, 1, 0, tzinfo=UTC)


def test_localise_ambiguous_takes_first_occurrence() -> None:
    # 27 Oct 2024 02:30 happens twice; fold=0 is the first, CEST: 00:30 UTC.
    result = localise(datetime(2024, 10, 27, 2, 30), PARIS)
    assert result.astimezone(UTC) == datetime(2024, 10, 27, 0, 30, tzinfo=UTC)
    assert result.utcoffset() == timedelta(hours=2)


def test_localise_plain_time() -> None:
    # 15 Jan 2024 08:00 CET = 07:00 UTC; 15 Jul 08:00 CEST = 06:00 UTC.
    assert localise(datetime(2024, 1, 15, 8), PARIS).astimezone(UTC).hour == 7
    assert localise(datetime(2024, 7, 15, 8), PARIS).astimezone(UTC).hour == 6


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31)))
def test_localise_is_monotonic_and_close(wall: datetime) -> None:
    later = wall + timedelta(minutes=17)
    first, second = localise(wall, PARIS), localise(later, PARIS)
    assert first.astimezone(UTC) <= second.astimezone(UTC)
    # The instant read back on the wall clock is the wall time, or the end of a one-hour gap.
    shown = first.replace(tzinfo=None)
    assert timedelta() <= shown - wall <= timedelta(hours=1)


@pytest.mark.parametrize(
    ("year", "month", "hours", "first_utc"),
    [
        # March 2025: 31 days, one hour lost on 30 March -> 31 * 24 - 1 = 743 h.
        # Starts 1 March 00:00 CET = 28 Feb 23:00 UTC.
        (2025, 3, 743, datetime(2025, 2, 28, 23, 0, tzinfo=UTC)),
        # October 2025: 31 days, one hour gained on 26 October -> 745 h.
        # Starts 1 October 00:00 CEST = 30 Sep 22:00 UTC.
        (2025, 10, 745, datetime(2025, 9, 30, 22, 0, tzinfo=UTC)),
        # February 2024: 29 days, no change -> 696 h.
        (2024, 2, 696, datetime(2024, 1, 31, 23, 0, tzinfo=UTC)),
        # December 2024 to January 2025: 744 h.
        (2024, 12, 744, datetime(2024, 11, 30, 23, 0, tzinfo=UTC)),
    ],
)
def test_month_bounds(year: int, month: int, hours: int, first_utc: datetime) -> None:
    bounds = month_bounds(year, month, PARIS)
    assert bounds.start == first_utc
    assert bounds.duration == timedelta(hours=hours)


def test_month_bounds_rejects_bad_month() -> None:
    with pytest.raises(SlaInputError, match="13"):
        month_bounds(2024, 13, PARIS)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 2, 10), date(2024, 2, 29)),
        (date(2023, 2, 10), date(2023, 2, 28)),
        (date(2024, 12, 31), date(2024, 12, 31)),
        (date(2024, 4, 1), date(2024, 4, 30)),
    ],
)
def test_end_of_month(day: date, expected: date) -> None:
    assert end_of_month(day) == expected


def test_zone_info_names_unknown_zone() -> None:
    assert zone_info("Europe/Paris") == PARIS
    with pytest.raises(SlaInputError, match="Mars/Olympus"):
        zone_info("Mars/Olympus")


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
units: st.SearchStrategy[Unit] = st.sampled_from(["day", "week", "month", "year"])


@given(days, days, st.integers(min_value=0, max_value=60), units)
def test_add_period_is_monotonic(a: date, b: date, count: int, unit: Unit) -> None:
    period = Period(count, unit)
    low, high = min(a, b), max(a, b)
    assert add_period(low, period) <= add_period(high, period)


@given(days, st.integers(min_value=0, max_value=600))
def test_day_and_week_periods_round_trip(day: date, count: int) -> None:
    kinds: tuple[Unit, ...] = ("day", "week")
    for unit in kinds:
        period = Period(count, unit)
        assert subtract_period(add_period(day, period), period) == day


@given(days, st.integers(min_value=0, max_value=600))
def test_month_period_lands_in_the_right_month(day: date, months: int) -> None:
    result = add_period(day, Period(months, "month"))
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == min(day.day, end_of_month(result).day)
