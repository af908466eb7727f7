"""Availability from request counts: the batch entry point (`requests_from_columns`) gives the
answers of the per-element one (`from_requests`) on the same rows, and a case worked by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slac.runtime.availability import AvailabilityReport, Outage, Qualifying
from slac.runtime.errors import SlaInputError, UnspecifiedError
from slac.runtime.intervals import Interval
from slac.runtime.requests import RequestCount, from_requests, requests_from_columns

UTC = timezone.utc
PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ZONES = [UTC, PARIS, NEW_YORK, ZoneInfo("Asia/Kolkata")]
MONTHS = {  # (year, month, zone): the epoch second of its DST change, or of its middle
    (2024, 10, PARIS): 1729990800, (2024, 3, PARIS): 1711846800,
    (2024, 11, NEW_YORK): 1730613600, (2024, 6, UTC): 1718409600,
}
FIGURES = ("period", "method", "mode", "excluded", "measured_time", "excluded_time",
           "downtime_time", "availability", "unavailability", "exact", "target", "strict", "met")


def at(second: int) -> datetime:
    return EPOCH + timedelta(seconds=second)


def second(instant: datetime) -> int:
    return (instant - EPOCH) // timedelta(seconds=1)


def outcome(call: Callable[[], AvailabilityReport]) -> Any:
    """The report, or the class, key and message of the documented error raised."""
    try:
        return call()
    except (SlaInputError, UnspecifiedError) as exc:
        return type(exc), exc.key, str(exc)


@st.composite
def count_rows(draw: st.DrawFn, first: int, after: int, change: int
               ) -> list[tuple[int, int, int, str | None]]:
    """Bursts of (epoch second, requests, failed, feature) rows, some around the DST change;
    repeated and unsorted."""
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        near = st.integers(max(first, change - 7200), min(after, change + 7200) - 1)
        start = draw(st.one_of(st.integers(first, after - 1), near))
        step = draw(st.sampled_from([60, 300, 900]))
        features = draw(st.sets(st.sampled_from([None, "api", "web"]), min_size=1))
        for index in range(draw(st.integers(1, 40))):
            instant = start + index * step
            for feature in features:
                if instant < after:
                    requests = draw(st.integers(0, 60))
                    failed = draw(st.one_of(st.integers(0, requests), st.just(requests // 2)))
                    rows.append((instant, requests, failed, feature))
    if rows and draw(st.booleans()):
        rows += draw(st.lists(st.sampled_from(rows), max_size=5))  # repeated rows add up
    return draw(st.permutations(rows)) if draw(st.booleans()) else rows


@st.composite
def spans_in(draw: st.DrawFn, first: int, after: int, most: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(first - 3600, after))
        spans.append((start, start + draw(st.integers(0, most))))
    return spans


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.data())
def test_batch_path_gives_the_per_element_answers(data: st.DataObject) -> None:
    """requests_from_columns with spans=True returns the report of from_requests; with
    spans=False the same figures, without spans; both raise the same errors."""
    (year, month, zone), change = data.draw(st.sampled_from(list(MONTHS.items())))
    period = Interval(datetime(year, month, 1, tzinfo=zone),
                      datetime(year, month + 1, 1, tzinfo=zone))
    first, after = second(period.start), second(period.end)
    rows = data.draw(count_rows(first, after, change))
    excluded = [Interval(at(a), at(b)) for a, b in data.draw(spans_in(first, after, 86400))]
    outages = None
    if data.draw(st.booleans()):
        outages = [Outage(at(a), at(b), data.draw(st.sampled_from([None, "force majeure"])))
                   for a, b in data.draw(spans_in(first, after, 7200))]
    options: dict[str, Any] = {
        "at_least": data.draw(st.booleans()), "averaged": data.draw(st.booleans()),
        "outages": outages, "excluded_causes": frozenset({"force majeure"}),
        "qualifying": data.draw(st.sampled_from(
            [None, Qualifying(timedelta(minutes=10), whole_minutes=True)])),
    }
    decided = st.sampled_from(["good", "bad", "excluded"])  # None raises in most months
    arguments = (data.draw(st.sampled_from([5, 15, 60, 60])),
                 data.draw(st.sampled_from([Decimal(5), Decimal(50)])),
                 data.draw(st.sampled_from([1, 5, 20])),
                 data.draw(st.one_of(decided, decided, decided, st.none())),
                 data.draw(st.sampled_from([None, "each", "any", "pooled"])), Decimal("99.5"))
    common = (period, [period], excluded, data.draw(st.sampled_from(["removed", "available"])))
    counts = [RequestCount(at(t).astimezone(data.draw(st.sampled_from(ZONES))), r, f, name)
              for t, r, f, name in rows]
    features = [name for _, _, _, name in rows]
    columns = ([t for t, _, _, _ in rows], [r for _, r, _, _ in rows],
               [f for _, _, f, _ in rows],
               None if set(features) <= {None} and data.draw(st.booleans()) else features)

    expected = outcome(lambda: from_requests(*common, counts, *arguments, **options))
    full = outcome(lambda: requests_from_columns(*common, *columns, *arguments, **options,
                                                 spans=True))
    short = outcome(lambda: requests_from_columns(*common, *columns, *arguments, **options))
    if isinstance(expected, tuple):
        assert full == expected and short == expected
        return
    assert full == expected
    for name in FIGURES:
        assert getattr(short, name) == getattr(expected, name), name
    assert short.measured == short.downtime == short.no_data == short.slices == ()


# --------------------------------------------------------------------------- by hand

T0 = 1729980000
"""Sunday 27 October 2024, 00:00 in Paris (22:00 UTC the day before). Clocks go back at 03:00
CEST: the day lasts 25 h, and its hourly slices are 00:00, 01:00 and 02:00 CEST (T0, T0 + 1 h,
T0 + 2 h), 02:00 CET (T0 + 3 h), then h:00 CET at T0 + (h + 1) h."""
DAY = Interval(at(T0), at(T0 + 25 * 3600))
MAINTENANCE = [Interval(at(T0 + 11 * 3600), at(T0 + 12 * 3600))]  # 10:00-11:00 CET
ROWS = [  # (epoch second, requests, failed, feature), given unsorted
    (T0 + 6 * 3600 + 600, 100, 1, "api"),        # 05:00 CET: api 1 % of 100: good;
    (T0 + 6 * 3600 + 900, 19, 19, "web"),        # web has fewer than 20 requests: no part
    (T0 + 2 * 3600 + 60, 30, 16, "api"),         # 02:00 CEST: 16 of 30 = 53 %: bad
    (T0 + 3 * 3600 + 3000, 10, 0, "api"),        # 02:00 CET: 5 + 5 + 10 requests add up,
    (T0 + 3 * 3600 + 120, 5, 5, "api"),          # 10 of 20 failed = 50 %: not above 50 %
    (T0 + 3 * 3600 + 120, 5, 5, "api"),          # (the same row twice: both count)
    (T0 + 7 * 3600 + 5, 40, 0, "api"),           # 06:00 CET: api good, but web 6 + 5 of
    (T0 + 7 * 3600 + 1800, 10, 6, "web"),        # 10 + 10 = 55 % failed: bad, each
    (T0 + 7 * 3600 + 1800, 10, 5, "web"),        # feature must be good
    (T0 + 11 * 3600 + 1800, 50, 50, "api"),      # in the maintenance: ignored
]


def by_hand(**options: Any) -> AvailabilityReport:
    """One hour slices, at least 20 requests, down above 50 %; maintenance removed."""
    keywords: dict[str, Any] = {"fewer": "good", "combine": "each", **options}
    fewer, combine = keywords.pop("fewer"), keywords.pop("combine")
    return requests_from_columns(
        DAY, [DAY], MAINTENANCE, "removed", [t for t, _, _, _ in ROWS],
        [r for _, r, _, _ in ROWS], [f for _, _, f, _ in ROWS], [n for _, _, _, n in ROWS],
        60, Decimal(50), 20, fewer, combine, Decimal("99.9"), **keywords)


def test_batch_path_by_hand() -> None:
    # Measured: 25 h less the hour of maintenance = 24 h = 86,400 s. Down: 02:00 CEST and
    # 06:00 CET, 2 h = 7,200 s. Availability (86,400 - 7,200) / 86,400 = 91.666...%.
    report = by_hand()
    assert report.measured_time == timedelta(hours=24)
    assert report.downtime_time == timedelta(hours=2)
    assert report.exact == Fraction(275, 3)
    assert report.availability == Decimal("91.666667") and not report.met
    assert report.slices == report.downtime == ()
    # With spans: 24 slices (the maintenance hour has no live part), two down, the hour of
    # 02:00 CEST first: 00:00-01:00 UTC.
    spans = by_hand(spans=True)
    assert len(spans.slices) == 24
    assert spans.downtime == (Interval(at(T0 + 2 * 3600), at(T0 + 3 * 3600)),
                              Interval(at(T0 + 7 * 3600), at(T0 + 8 * 3600)))
    assert spans.exact == report.exact
    # 02:00 CET is down too when 50 % is enough: 3 h down, 87.5 %.
    assert by_hand(at_least=True).exact == Fraction(175, 2)
    # Combined with `any`, 06:00 CET is good (api is): 1 h down, 82,800 / 86,400 = 95.833...%.
    assert by_hand(combine="any").exact == Fraction(575, 6)
    # Slices with fewer than 20 requests in every feature left out: the 4 slices with data
    # remain, 2 of them down: 50 %.
    excluded = by_hand(fewer="excluded")
    assert excluded.measured_time == timedelta(hours=4) and excluded.exact == 50
    # An outage monitoring reports, 12:00-12:30 CET, is downtime too: 9,000 s down,
    # 77,400 / 86,400 = 89.583...%.
    outage = Outage(at(T0 + 13 * 3600), at(T0 + 13 * 3600 + 1800))
    assert by_hand(outages=[outage]).downtime_time == timedelta(seconds=9000)
    assert by_hand(outages=[outage]).exact == Fraction(1075, 12)
    # Averaged: the error rates of the slices with data are 16/30, 10/20, 1/100 (web takes no
    # part) and 11/20 (the worst feature), 239/150 in all; each slice weighs 3,600 s:
    # 5,736 s lost, 100 - 5,736 / 864 = 3,361/36 = 93.361...%.
    averaged = by_hand(averaged=True)
    assert averaged.downtime_time == timedelta(seconds=5736)
    assert averaged.exact == Fraction(3361, 36)
    # Each figure is that of the per-element path.
    counts = [RequestCount(at(t).astimezone(PARIS), r, f, n) for t, r, f, n in ROWS]
    assert spans == from_requests(DAY, [DAY], MAINTENANCE, "removed", counts, 60, Decimal(50),
                                  20, "good", "each", Decimal("99.9"))


@pytest.mark.parametrize(("column", "value", "key"), [
    ("instants", True, "type.int"), ("instants", 10**12, "integer.range"),
    ("instants", T0 - 1, "requests.outside"), ("requests", -1, "requests.count"),
    ("requests", 1.0, "requests.count"), ("failed", 101, "requests.failed"),
    ("features", 7, "requests.feature"),
])
def test_batch_path_names_the_bad_row(column: str, value: object, key: str) -> None:
    columns: dict[str, list[Any]] = {"instants": [T0 + 60] * 3, "requests": [100] * 3,
                                     "failed": [1] * 3, "features": ["api"] * 3}
    columns[column][1] = value
    with pytest.raises(SlaInputError) as raised:
        requests_from_columns(DAY, [DAY], [], "removed", *columns.values(), 60, Decimal(50), 20,
                              "good", "each", Decimal("99.9"))
    assert raised.value.key == key
    with pytest.raises(SlaInputError, match="spans must be a bool"):
        requests_from_columns(DAY, [DAY], [], "removed", [], [], [], None, 60, Decimal(50), 20,
                              "good", "each", Decimal("99.9"), spans="yes")  # type: ignore
