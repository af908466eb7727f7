"""Patterns on downtime (`DowntimePattern`) and histories read from availability reports
(`report_history`); every expected period is worked out beside it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slac.runtime.availability import AvailabilityReport, Outage
from slac.runtime.columns import from_outages
from slac.runtime.errors import SlaInputError
from slac.runtime.intervals import Interval
from slac.runtime.patterns import (
    DowntimePattern,
    Pattern,
    PatternMatch,
    first_match,
    report_history,
)

# Fastly: more than 7.2 hours in any one month, or more than 43.8 minutes in 3 months in a row.
ONE_LONG = DowntimePattern(1, 1, timedelta(hours=7, minutes=12))
THREE_IN_A_ROW = DowntimePattern(3, 3, timedelta(minutes=43, seconds=48))


def minutes(*values: float) -> list[timedelta]:
    return [timedelta(minutes=v) for v in values]


def test_three_months_in_a_row_longer_than_43_8_minutes() -> None:
    # 50, 44, 45 minutes: each above 43 min 48 s → right at 2 (the third month).
    assert first_match([ONE_LONG, THREE_IN_A_ROW], minutes(50, 44, 45)) == (
        PatternMatch(1, (0, 1, 2), 2)
    )
    # 40 minutes breaks the run; 60 minutes alone is far under 7 h 12 min.
    assert first_match([ONE_LONG, THREE_IN_A_ROW], minutes(50, 40, 60)) is None


def test_one_month_longer_than_7_2_hours() -> None:
    # 433 minutes = 7 h 13 min > 7 h 12 min at 1.
    assert first_match([ONE_LONG, THREE_IN_A_ROW], minutes(10, 433)) == PatternMatch(0, (1,), 1)


def test_longer_than_is_strict_and_at_least_is_not() -> None:
    exactly = [timedelta(hours=7, minutes=12)]
    assert first_match([ONE_LONG], exactly) is None
    at_least = DowntimePattern(1, 1, timedelta(hours=7, minutes=12), inclusive=True)
    assert first_match([at_least], exactly) == PatternMatch(0, (0,), 0)


def test_a_count_within_a_window_of_downtime() -> None:
    # More than 1 hour in 2 of any 4 months: long months at 0 and 3 (0-3 is four months).
    two_of_four = DowntimePattern(2, 4, timedelta(hours=1))
    assert first_match([two_of_four], minutes(61, 0, 0, 90)) == PatternMatch(0, (0, 3), 3)
    # At 0 and 4: no four consecutive months hold both.
    assert first_match([two_of_four], minutes(61, 0, 0, 0, 90)) is None


@pytest.mark.parametrize(
    ("count", "window", "longer", "inclusive", "key"),
    [
        (0, 1, timedelta(hours=1), False, "integer.range"),
        (3, 2, timedelta(hours=1), False, "integer.range"),
        (1, 1, 3600, False, "type.timedelta"),
        (1, 1, Decimal(60), False, "type.timedelta"),
        (1, 1, timedelta(seconds=-1), False, "negative"),
        (1, 1, timedelta(hours=1), 1, "type.bool"),
    ],
)
def test_badly_built_downtime_patterns(
    count: object, window: object, longer: object, inclusive: object, key: str
) -> None:
    with pytest.raises(SlaInputError) as refused:
        DowntimePattern(count, window, longer, inclusive)  # type: ignore[arg-type]
    assert refused.value.key == key


@pytest.mark.parametrize(
    ("patterns", "history", "key"),
    [
        ([ONE_LONG, Pattern(1, 1, Decimal(99))], minutes(1), "patterns.mixed"),
        ([ONE_LONG], None, "type.downtimes"),
        ([ONE_LONG], [Decimal(99)], "type.timedelta"),      # a rate where a downtime goes
        ([ONE_LONG], [timedelta(minutes=1), None], "type.timedelta"),
        ([ONE_LONG], [timedelta(seconds=-1)], "negative"),
        ([Pattern(1, 1, Decimal(99))], minutes(1), "type.percent"),  # and the other way round
    ],
)
def test_refused_downtime_inputs(patterns: object, history: object, key: str) -> None:
    with pytest.raises(SlaInputError) as refused:
        first_match(patterns, history)  # type: ignore[arg-type]
    assert refused.value.key == key


def test_a_bad_downtime_is_named_by_its_period() -> None:
    with pytest.raises(SlaInputError, match=r"downtime of period 1 must be a timedelta"):
        first_match([ONE_LONG], [timedelta(0), 5])


# --------------------------------------------------------------------------- reports

UTC = timezone.utc


def month(number: int, lost_minutes: int = 0) -> AvailabilityReport:
    """A report of month `number` of 2024 (UTC) with one outage of `lost_minutes`."""
    start = datetime(2024, number, 1, tzinfo=UTC)
    end = datetime(2024 + number // 12, number % 12 + 1, 1, tzinfo=UTC)
    period = Interval(start, end)
    outages = [Outage(start + timedelta(days=2), start + timedelta(days=2, minutes=lost_minutes))]
    return from_outages(period, [period], [], "removed", outages, frozenset(), Decimal("99.9"))


def test_the_history_of_reports() -> None:
    reports = [month(1, 50), month(2, 44), month(3, 45)]
    assert report_history(reports, "downtime") == minutes(50, 44, 45)
    # Rates: January has 44,640 minutes; 50 lost → 1 - 50/44640, exactly.
    rates = report_history(reports, "rate")
    assert rates[0] == Fraction(100) * (1 - Fraction(50, 44640))
    assert first_match([THREE_IN_A_ROW], report_history(reports, "downtime")) == (
        PatternMatch(0, (0, 1, 2), 2)
    )
    assert report_history([], "rate") == []


def test_reports_must_be_of_consecutive_periods() -> None:
    with pytest.raises(SlaInputError) as refused:
        report_history([month(1), month(3)], "downtime")
    assert refused.value.key == "reports.consecutive"
    assert "report 1 covers the period from 2024-03-01T00:00:00+00:00" in str(refused.value)
    with pytest.raises(SlaInputError) as refused:           # oldest first
        report_history([month(2), month(1)], "rate")
    assert refused.value.key == "reports.consecutive"


@pytest.mark.parametrize(
    ("reports", "key"),
    [(None, "type.reports"), ("month", "type.report"), ([month(1), "Feb"], "type.report")],
)
def test_refused_reports(reports: object, key: str) -> None:
    with pytest.raises(SlaInputError) as refused:
        report_history(reports, "rate")  # type: ignore[arg-type]
    assert refused.value.key == key


def test_one_report_alone_is_refused() -> None:
    with pytest.raises(SlaInputError) as refused:
        report_history(month(1), "rate")  # type: ignore[arg-type]
    assert refused.value.key == "type.reports"


@given(st.lists(st.integers(0, 120), max_size=15), st.integers(1, 3), st.integers(0, 3),
       st.integers(30, 60), st.booleans())
def test_downtime_patterns_agree_with_a_direct_count(
    history: list[int], count: int, extra: int, threshold: int, inclusive: bool
) -> None:
    pattern = DowntimePattern(count, count + extra, timedelta(minutes=threshold), inclusive)
    bad = [m > threshold or (inclusive and m == threshold) for m in history]
    expected = next((end for end in range(len(history))
                     if sum(bad[max(0, end - pattern.window + 1):end + 1]) >= count), None)
    match = first_match([pattern], minutes(*history))
    assert (None if match is None else match.at) == expected


# The night of 27 October 2024 in Paris: at 03:00 CEST (01:00 UTC) clocks go back to 02:00 CET,
# so 02:30 happens twice: 02:30 CEST (00:30 UTC, fold=0), then 02:30 CET (01:30 UTC, fold=1).
PARIS = ZoneInfo("Europe/Paris")


def _measured(start: datetime, end: datetime) -> AvailabilityReport:
    period = Interval(start, end)
    return from_outages(period, [period], [], "removed", [], frozenset(), Decimal("99.9"))


def test_consecutive_reports_are_judged_by_instant_the_night_clocks_go_back() -> None:
    midnight = datetime(2024, 10, 27, tzinfo=PARIS)              # 22:00 UTC on the 26th
    following = datetime(2024, 10, 28, tzinfo=PARIS)             # 23:00 UTC on the 27th
    first = _measured(midnight, datetime(2024, 10, 27, 2, 30, tzinfo=PARIS))  # to 00:30 UTC
    # From 02:30 CET (01:30 UTC): the hour 00:30-01:30 UTC lies between the two periods,
    # though both read 02:30 on the wall clock.
    after_a_gap = _measured(datetime(2024, 10, 27, 2, 30, tzinfo=PARIS, fold=1), following)
    with pytest.raises(SlaInputError) as refused:
        report_history([first, after_a_gap], "rate")
    assert refused.value.key == "reports.consecutive"
    # From 02:30 CEST (00:30 UTC): consecutive.
    next_one = _measured(datetime(2024, 10, 27, 2, 30, tzinfo=PARIS), following)
    assert report_history([first, next_one], "rate") == [Fraction(100), Fraction(100)]
    # A period ending at 01:30 UTC, given in UTC, is followed by the one from 02:30 CET (01:30
    # UTC), though an instant of the repeated hour never equals a datetime of another zone.
    in_utc = _measured(midnight, datetime(2024, 10, 27, 1, 30, tzinfo=UTC))
    assert report_history([in_utc, after_a_gap], "rate") == [Fraction(100), Fraction(100)]
