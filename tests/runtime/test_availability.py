"""Availability from outages, probes and error rates; expected figures computed by hand."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slac.runtime.availability import (
    AvailabilityReport,
    Combine,
    ExclusionMode,
    MinuteRate,
    Missing,
    NoData,
    Outage,
    Probe,
    Qualifying,
    Sample,
)
from slac.runtime.columns import (
    from_error_rates,
    from_outages,
    from_probes,
    outages_from_columns,
)
from slac.runtime.errors import SlaInputError, UnspecifiedError
from slac.runtime.intervals import Interval, merge

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc
NOTHING: frozenset[str] = frozenset()


def paris(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, fold: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, fold=fold, tzinfo=PARIS)


def month(year: int, number: int) -> Interval:
    after = (year + 1, 1) if number == 12 else (year, number + 1)
    return Interval(paris(year, number, 1), paris(*after, 1))


# ---------------------------------------------------------------- Paris months are not fixed


@pytest.mark.parametrize(
    ("year", "number", "hours"),
    [
        (2025, 3, 743),  # 31 × 24 − 1: clocks go forward on 30 March 2025
        (2025, 10, 745),  # 31 × 24 + 1: clocks go back on 26 October 2025
        (2025, 2, 672),  # 28 × 24
    ],
)
def test_all_time_measurement_counts_real_hours(year: int, number: int, hours: int) -> None:
    period = month(year, number)
    report = from_outages(period, [period], [], "removed", [], NOTHING, Decimal("99.8"))
    assert report.measured_time == timedelta(hours=hours)
    assert report.availability == Decimal(100)
    assert report.met


# ---------------------------------------------------------------- Cegid Loop L1, May 2024

# May 2024: 23 weekdays (Wed 1 ... Fri 31); French holidays on weekdays: 1 May (Wed),
# 8 May (Wed), 9 May (Thu, Ascension), 20 May (Mon, Whit Monday) -> 19 business days.
MAY_2024_BUSINESS_DAYS = [2, 3, 6, 7, 10, 13, 14, 15, 16, 17, 21, 22, 23, 24, 27, 28, 29, 30, 31]
L1_SCOPE = [Interval(paris(2024, 5, d, 7), paris(2024, 5, d, 20)) for d in MAY_2024_BUSINESS_DAYS]


def test_l1_reference_period_is_247_hours() -> None:
    # 19 business days × 13 h (07:00-20:00) = 247 h.
    assert len(MAY_2024_BUSINESS_DAYS) == 19
    report = from_outages(month(2024, 5), L1_SCOPE, [], "removed", [], NOTHING, Decimal("99.5"))
    assert report.measured_time == timedelta(hours=247)


def test_l1_outage_overnight_counts_only_inside_reference_period() -> None:
    # Outage Tue 7 May 19:30 -> Wed 8 May 08:00. Only 19:30-20:00 on the 7th is in the PRT:
    # the night is outside it and 8 May is a public holiday.
    # TD = (247 h - 0.5 h) / 247 h × 100 = 24650 / 247 = 99.797570850...  -> 99.797571
    outage = Outage(paris(2024, 5, 7, 19, 30), paris(2024, 5, 8, 8), "incident")
    report = from_outages(
        month(2024, 5), L1_SCOPE, [], "removed", [outage], NOTHING, Decimal("99.5")
    )
    assert report.downtime_time == timedelta(minutes=30)
    assert report.downtime == (Interval(paris(2024, 5, 7, 19, 30), paris(2024, 5, 7, 20)),)
    assert report.exact == Fraction(24650, 247)
    assert report.availability == Decimal("99.797571")
    assert report.unavailability == Decimal("0.202429")
    assert report.met


def test_l1_excluded_causes_and_overlaps() -> None:
    # Two overlapping incidents on Thu 2 May 10:00-11:00 and 10:30-12:00 count once: 2 h.
    # A force-majeure outage on Fri 3 May 09:00-15:00 does not count.
    # TD = (247 - 2) / 247 × 100 = 24500 / 247 = 99.190283400... -> 99.190283 < 99.5
    outages = [
        Outage(paris(2024, 5, 2, 10), paris(2024, 5, 2, 11), "incident"),
        Outage(paris(2024, 5, 2, 10, 30), paris(2024, 5, 2, 12), "incident"),
        Outage(paris(2024, 5, 3, 9), paris(2024, 5, 3, 15), "force majeure"),
    ]
    report = from_outages(
        month(2024, 5),
        L1_SCOPE,
        [],
        "removed",
        outages,
        frozenset({"force majeure"}),
        Decimal("99.5"),
    )
    assert report.downtime_time == timedelta(hours=2)
    assert report.availability == Decimal("99.190283")
    assert not report.met


def test_outage_is_clipped_to_the_period() -> None:
    # Outage 30 April 22:00 -> 1 May 02:00 (Paris), period May 2024 all time: 2 h count.
    # Availability = (744 - 2) / 744 × 100 = 99.731182795... -> 99.731183
    period = month(2024, 5)
    outage = Outage(paris(2024, 4, 30, 22), paris(2024, 5, 1, 2))
    report = from_outages(period, [period], [], "removed", [outage], NOTHING, Decimal("99.5"))
    assert report.downtime_time == timedelta(hours=2)
    assert report.availability == Decimal("99.731183")


# ---------------------------------------------------------------- Teogest T3 vs N1 modes

# February 2025: corrective maintenance Tuesdays and Thursdays 21:00 -> 06:00 the next day:
# Tue 4, Thu 6, Tue 11, Thu 13, Tue 18, Thu 20, Tue 25, Thu 27: 8 nights × 9 h = 72 h,
# all inside February. The month has 28 × 24 = 672 h.
FEB_2025_MAINTENANCE = [
    Interval(paris(2025, 2, d, 21), paris(2025, 2, d + 1, 6))
    for d in (4, 6, 11, 13, 18, 20, 25, 27)
]
# 1 h 30 of incident on Mon 10 Feb 14:00-15:30, and 2 h on Tue 11 Feb 20:00-22:00 of which
# 21:00-22:00 is maintenance: downtime = 1 h 30 + 1 h = 2 h 30.
FEB_2025_OUTAGES = [
    Outage(paris(2025, 2, 10, 14), paris(2025, 2, 10, 15, 30)),
    Outage(paris(2025, 2, 11, 20), paris(2025, 2, 11, 22)),
]


def test_t3_removed_maintenance_shrinks_the_denominator() -> None:
    # Theoretical total time = 672 - 72 = 600 h. Rate = 2.5 / 600 × 100 = 0.416666...%
    # availability = 99.583333...% -> 99.583333; unavailability 0.416667.
    period = month(2025, 2)
    report = from_outages(
        period,
        [period],
        FEB_2025_MAINTENANCE,
        "removed",
        FEB_2025_OUTAGES,
        NOTHING,
        Decimal("99.8"),
    )
    assert report.measured_time == timedelta(hours=600)
    assert report.excluded_time == timedelta(hours=72)
    assert report.downtime_time == timedelta(hours=2, minutes=30)
    assert report.exact == Fraction(600 - Fraction(5, 2), 600) * 100
    assert report.availability == Decimal("99.583333")
    assert report.unavailability == Decimal("0.416667")
    assert not report.met


def test_n1_available_mode_keeps_excluded_time_in_the_denominator() -> None:
    # Same data, excluded time counted as available: (672 - 2.5) / 672 × 100
    # = 669.5 / 672 × 100 = 99.627976190... -> 99.627976
    period = month(2025, 2)
    report = from_outages(
        period,
        [period],
        FEB_2025_MAINTENANCE,
        "available",
        FEB_2025_OUTAGES,
        NOTHING,
        Decimal("99.8"),
    )
    assert report.measured_time == timedelta(hours=672)
    assert report.excluded_time == timedelta(hours=72)
    assert report.downtime_time == timedelta(hours=2, minutes=30)
    assert report.availability == Decimal("99.627976")


def test_strict_comparison_at_exact_target() -> None:
    # 1 day = 1440 min, outage 7.2 min -> exactly 99.5 %.
    period = Interval(paris(2025, 2, 3), paris(2025, 2, 4))
    outage = Outage(paris(2025, 2, 3, 12), paris(2025, 2, 3, 12) + timedelta(seconds=432))
    loose = from_outages(period, [period], [], "removed", [outage], NOTHING, Decimal("99.5"))
    strict = from_outages(
        period, [period], [], "removed", [outage], NOTHING, Decimal("99.5"), strict=True
    )
    assert loose.availability == Decimal("99.5")
    assert loose.met
    assert not strict.met


def test_explain_names_the_figures_and_spans() -> None:
    outage = Outage(paris(2024, 5, 7, 19, 30), paris(2024, 5, 8, 8))
    text = from_outages(
        month(2024, 5), L1_SCOPE, [], "removed", [outage], NOTHING, Decimal("99.5")
    ).explain()
    assert "247 h 00 min 00 s" in text
    assert "0 h 30 min 00 s" in text
    assert "99.797571 %" in text
    assert "2024-05-07 19:30:00+02:00 to 2024-05-07 20:00:00+02:00" in text
    assert "met" in text


def test_input_errors() -> None:
    period = month(2025, 2)
    with pytest.raises(SlaInputError, match="naive"):
        Outage(datetime(2025, 2, 3, 10), paris(2025, 2, 3, 11))
    with pytest.raises(SlaInputError, match="before it starts"):
        Outage(paris(2025, 2, 3, 11), paris(2025, 2, 3, 10))
    with pytest.raises(SlaInputError, match="nothing to measure"):
        from_outages(period, [period], [period], "removed", [], NOTHING, Decimal(99))
    with pytest.raises(SlaInputError, match="nothing to measure"):
        from_outages(period, [month(2025, 3)], [], "removed", [], NOTHING, Decimal(99))
    with pytest.raises(SlaInputError, match="target"):
        from_outages(period, [period], [], "removed", [], NOTHING, Decimal("NaN"))
    with pytest.raises(SlaInputError, match="target"):
        from_outages(period, [period], [], "removed", [], NOTHING, Decimal(101))


def test_everything_excluded_in_available_mode_is_fully_available() -> None:
    period = month(2025, 2)
    outage = Outage(paris(2025, 2, 10), paris(2025, 2, 11))
    report = from_outages(period, [period], [period], "available", [outage], NOTHING, Decimal(99))
    assert report.availability == Decimal(100)
    assert report.downtime == ()


def test_outage_bounds_keep_their_microseconds() -> None:
    # Mon 10 Mar 2025 09:00-10:00 Paris (08:00-09:00 UTC): 3,600,000,000 µs. Outages:
    #   08:59:59.5 -> 09:00:00.000001          1 µs inside the period
    #   09:10:00.25 -> 09:20:00.750001          600,500,001 µs
    #   09:20:00.750001 -> 09:20:01             touches it: one span 09:10:00.25 -> 09:20:01
    #                                           of 600.75 s = 600,750,000 µs
    #   09:59:59.999999 -> 10:05                1 µs inside the period
    # Downtime 600,750,002 µs; availability (3,600,000,000 - 600,750,002) / 3,600,000,000 × 100
    # = 2,999,249,998 / 36,000,000 = 83.3124999444... -> 83.312500. Whole seconds would lose
    # the two 1 µs spans and the quarters of seconds.
    period = Interval(paris(2025, 3, 10, 9), paris(2025, 3, 10, 10))

    def at(minute: int, second: int, micros: int = 0, hour: int = 9) -> datetime:
        return paris(2025, 3, 10, hour, minute) + timedelta(seconds=second, microseconds=micros)

    outages = [
        Outage(at(59, 59, 500_000, hour=8), at(0, 0, 1)),
        Outage(at(10, 0, 250_000), at(20, 0, 750_001)),
        Outage(at(20, 0, 750_001), at(20, 1)),
        Outage(at(59, 59, 999_999), at(5, 0, hour=10)),
    ]
    report = from_outages(period, [period], [], "removed", outages, NOTHING, Decimal(99))
    assert report.downtime_time == timedelta(microseconds=600_750_002)
    assert report.downtime == (
        Interval(at(0, 0), at(0, 0, 1)),
        Interval(at(10, 0, 250_000), at(20, 1)),
        Interval(at(59, 59, 999_999), at(0, 0, hour=10)),
    )
    assert report.exact == Fraction(2_999_249_998, 36_000_000)
    assert report.availability == Decimal("83.312500")
    # Counted from the reports: the first outage is reported after its end (nothing counts);
    # the second at 09:15:00.125, so 09:15:00.125 -> 09:20:00.750001 counts (300,625,001 µs),
    # then its neighbour, reported at its start, adds 249,999 µs; the last, reported at its
    # start, still counts 1 µs. Downtime 300,875,001 µs.
    reported = [
        replace(outages[0], reported=at(0, 1)),
        replace(outages[1], reported=at(15, 0, 125_000)),
        replace(outages[2], reported=at(20, 0, 750_001)),
        replace(outages[3], reported=at(59, 59, 999_999)),
    ]
    report = from_outages(period, [period], [], "removed", reported, NOTHING, Decimal(99),
                          from_report=True)
    assert report.downtime == (
        Interval(at(15, 0, 125_000), at(20, 1)),
        Interval(at(59, 59, 999_999), at(0, 0, hour=10)),
    )
    assert report.downtime_time == timedelta(microseconds=300_875_001)


def test_runs_from_the_report_judged_on_the_whole_loss_in_columns() -> None:
    # Mon 10 Mar 2025 09:00-11:00 Paris (08:00-10:00 UTC): 120 min. Runs count from 10 min of
    # loss of service; downtime counts from each outage's report. Outages (Paris):
    #   A 09:00-09:20 reported 09:15: a 20 min loss, kept; counts 09:15-09:20 (5 min)
    #   B 09:30-09:38 reported 09:31: an 8 min loss, too short: 09:31-09:38 is ignored
    #   C 10:00-10:06 reported 10:00 and D 10:05-10:12 reported 10:10: one 12 min loss, kept
    #     although each counted part is short: 10:00-10:06 and 10:10-10:12 (8 min)
    #   E 10:40-10:55 reported 11:30, after its end: nothing counts
    # Downtime 5 + 8 = 13 min; availability (120 - 13) / 120 × 100 = 535/6 = 89.1666... %.
    period = Interval(paris(2025, 3, 10, 9), paris(2025, 3, 10, 11))

    def second(hour: int, minute: int) -> int:
        return int(paris(2025, 3, 10, hour, minute).timestamp())

    starts = [second(9, 0), second(9, 30), second(10, 0), second(10, 5), second(10, 40)]
    ends = [second(9, 20), second(9, 38), second(10, 6), second(10, 12), second(10, 55)]
    reports = [second(9, 15), second(9, 31), second(10, 0), second(10, 10), second(11, 30)]
    counting = Qualifying(min_run=timedelta(minutes=10))
    report = outages_from_columns(period, [period], [], "removed", starts, ends, None, NOTHING,
                                  Decimal(99), spans=True, reports=reports, qualifying=counting)
    utc = [Interval(paris(2025, 3, 10, h, m), paris(2025, 3, 10, h2, m2)) for h, m, h2, m2 in
           ((9, 15, 9, 20), (10, 0, 10, 6), (10, 10, 10, 12), (9, 31, 9, 38))]
    assert report.downtime == tuple(utc[:3])
    assert report.ignored == (utc[3],)
    assert report.downtime_time == timedelta(minutes=13)
    assert report.measured_time == timedelta(minutes=120)
    assert report.exact == Fraction(535, 6)
    assert report.availability == Decimal("89.166667")
    figures = outages_from_columns(period, [period], [], "removed", starts, ends, None, NOTHING,
                                   Decimal(99), reports=reports, qualifying=counting)
    assert figures.exact == report.exact and figures.downtime == ()


def test_a_run_is_judged_on_its_real_length_the_night_clocks_go_back() -> None:
    # 27 October 2024 in Paris: at 03:00 CEST (01:00 UTC) clocks go back to 02:00 CET. A run
    # from 02:50 CEST (00:50 UTC) to 02:10 CET (01:10 UTC) lasts 20 minutes, though it ends
    # 40 minutes before it starts on the wall clock.
    run = Interval(datetime(2024, 10, 27, 2, 50, tzinfo=PARIS),
                   datetime(2024, 10, 27, 2, 10, tzinfo=PARIS, fold=1))
    assert Qualifying(min_run=timedelta(minutes=10)).keeps(run)          # 20 min >= 10 min
    assert Qualifying(min_run=timedelta(minutes=20)).keeps(run)          # 20 min >= 20 min
    assert not Qualifying(min_run=timedelta(minutes=20), longer_only=True).keeps(run)
    assert not Qualifying(min_run=timedelta(minutes=21)).keeps(run)


# ---------------------------------------------------------------- properties

# A 3-day window across the October 2024 fall-back (4 days of real time: 73 h).
PROP_PERIOD = Interval(paris(2024, 10, 26), paris(2024, 10, 29))
PROP_START = PROP_PERIOD.start.astimezone(UTC)


@st.composite
def outages(draw: st.DrawFn) -> Outage:
    # Minutes from 2 h before the period to 2 h after it (73 h = 4380 min).
    start = draw(st.integers(-120, 4500))
    length = draw(st.integers(0, 600))
    cause = draw(st.sampled_from([None, "incident", "force majeure"]))
    begin = PROP_START + timedelta(minutes=start)
    return Outage(begin, begin + timedelta(minutes=length), cause)


PROP_MAINTENANCE = [Interval(paris(2024, 10, 27, 1), paris(2024, 10, 27, 4))]


def _measure(items: list[Outage], mode: ExclusionMode = "removed") -> Fraction:
    report = from_outages(
        PROP_PERIOD,
        [PROP_PERIOD],
        PROP_MAINTENANCE,
        mode,
        items,
        frozenset({"force majeure"}),
        Decimal(99),
    )
    return report.exact


@settings(max_examples=200, deadline=None)
@given(st.lists(outages(), max_size=8), st.lists(outages(), max_size=4))
def test_more_downtime_never_raises_availability(base: list[Outage], extra: list[Outage]) -> None:
    modes: tuple[ExclusionMode, ...] = ("removed", "available")
    for mode in modes:
        assert _measure(base + extra, mode) <= _measure(base, mode)


@settings(max_examples=200, deadline=None)
@given(st.lists(outages(), max_size=8), st.randoms())
def test_order_and_duplicates_do_not_matter(items: list[Outage], rnd: random.Random) -> None:
    shuffled = items + items[: len(items) // 2]
    rnd.shuffle(shuffled)
    assert _measure(shuffled) == _measure(items)


@settings(max_examples=200, deadline=None)
@given(st.lists(outages(), max_size=8))
def test_merging_is_idempotent(items: list[Outage]) -> None:
    spans = [Interval(o.start, o.end) for o in items]
    once = merge(spans)
    assert merge(once) == once
    counted = [o for o in items if o.cause != "force majeure"]
    merged = [Outage(s.start, s.end) for s in merge(Interval(o.start, o.end) for o in counted)]
    assert _measure(merged) == _measure(items)


# ---------------------------------------------------------------- Conciliator C3 probes

C3_PROBES = [Probe("ui", Decimal(1)), Probe("echo", Decimal(5))]


def every_3_minutes(start: datetime, count: int, probe: str, good: int) -> list[Sample]:
    """`count` samples from `start` every 3 minutes, the first `good` answering fast."""
    base = start.astimezone(UTC)
    return [
        Sample(
            base + timedelta(minutes=3 * i),
            probe,
            Decimal("0.2") if i < good else None,
        )
        for i in range(count)
    ]


def c3_day(
    samples: list[Sample], combine: Combine | None = None, no_data: NoData | None = None
) -> AvailabilityReport:
    """C3 over Mon 10 Mar 2025 09:00-11:00, target 98 %."""
    period = Interval(paris(2025, 3, 10, 9), paris(2025, 3, 10, 11))
    return from_probes(
        period,
        [period],
        [],
        "removed",
        samples,
        C3_PROBES,
        60,
        Decimal(50),
        combine,
        no_data,
        Decimal(98),
    )


def test_c3_hour_at_exactly_half_good_is_ok_and_45_percent_is_ko() -> None:
    # 20 measurements an hour (every 3 min). 09:00 hour: 10 good of 20 = 50 % -> OK.
    # 10:00 hour: 9 good of 20 = 45 % -> KO. Unavailability = 1 KO hour / 2 hours = 50 %.
    samples = every_3_minutes(paris(2025, 3, 10, 9), 20, "ui", 10)
    samples += every_3_minutes(paris(2025, 3, 10, 10), 20, "ui", 9)
    period = Interval(paris(2025, 3, 10, 9), paris(2025, 3, 10, 11))
    report = from_probes(
        period,
        [period],
        [],
        "removed",
        samples,
        C3_PROBES,
        60,
        Decimal(50),
        None,
        None,
        Decimal(98),
    )
    assert [(s.good, s.total, s.verdict) for s in report.slices] == [
        (10, 20, "good"),
        (9, 20, "bad"),
    ]
    assert report.unavailability == Decimal(50)
    assert report.downtime == (Interval(paris(2025, 3, 10, 10), paris(2025, 3, 10, 11)),)
    assert not report.met
    assert "1 bad" in report.explain()


def test_latency_must_be_strictly_below_the_limit() -> None:
    # A 1-second answer is not "< 1 s": 0 good of 1 -> KO; 0.999 s -> OK.
    period = Interval(paris(2025, 3, 10, 9), paris(2025, 3, 10, 10))
    slow = [Sample(paris(2025, 3, 10, 9, 3), "ui", Decimal(1))]
    fast = [Sample(paris(2025, 3, 10, 9, 3), "ui", Decimal("0.999"))]
    for samples, verdict in ((slow, "bad"), (fast, "good")):
        report = from_probes(
            period,
            [period],
            [],
            "removed",
            samples,
            C3_PROBES,
            60,
            Decimal(50),
            None,
            None,
            Decimal(98),
        )
        assert report.slices[0].verdict == verdict


def test_two_probes_need_a_combination_rule() -> None:
    # 09:00 hour: ui 20/20 good, echo 0/20 good. 10:00 hour: both 20/20.
    samples = every_3_minutes(paris(2025, 3, 10, 9), 20, "ui", 20)
    samples += every_3_minutes(paris(2025, 3, 10, 9), 20, "echo", 0)
    samples += every_3_minutes(paris(2025, 3, 10, 10), 20, "ui", 20)
    samples += every_3_minutes(paris(2025, 3, 10, 10), 20, "echo", 20)
    with pytest.raises(UnspecifiedError, match="combine"):
        c3_day(samples)
    # each: 09:00 KO (echo bad) -> 50 %; any: both OK -> 0 %;
    # pooled: 09:00 has 20 good of 40 = 50 % -> OK -> 0 %.
    rules: list[tuple[Combine, int]] = [("each", 50), ("any", 0), ("pooled", 0)]
    for rule, unavailable in rules:
        assert c3_day(samples, combine=rule).unavailability == Decimal(unavailable), rule


def test_pooled_below_half_is_bad() -> None:
    # ui 10/20 good, echo 9/20 good: pooled 19/40 = 47.5 % -> KO; "each" -> KO (echo 45 %);
    # "any" -> OK (ui exactly 50 %). 10:00 hour: no sample -> decided by no_data.
    samples = every_3_minutes(paris(2025, 3, 10, 9), 20, "ui", 10)
    samples += every_3_minutes(paris(2025, 3, 10, 9), 20, "echo", 9)
    with pytest.raises(UnspecifiedError, match="no_data"):
        c3_day(samples, combine="pooled")
    pooled = c3_day(samples, combine="pooled", no_data="good")
    assert [s.verdict for s in pooled.slices] == ["bad", "good"]
    anyone = c3_day(samples, combine="any", no_data="bad")
    assert [s.verdict for s in anyone.slices] == ["good", "bad"]
    # no_data "excluded": the 10:00 hour leaves the measured time: 1 KO hour out of 1.
    dropped = c3_day(samples, combine="each", no_data="excluded")
    assert dropped.measured_time == timedelta(hours=1)
    assert dropped.availability == Decimal(0)
    assert dropped.no_data == (Interval(paris(2025, 3, 10, 10), paris(2025, 3, 10, 11)),)


def test_slices_follow_local_hours_across_fall_back() -> None:
    # 27 Oct 2024 in Paris lasts 25 h: 25 hourly slices, 02:00 twice (+02:00 then +01:00).
    # One failed measurement in the second 02:00 hour (fold=1) makes only that hour KO:
    # unavailability = 1/25 = 4 %.
    period = Interval(paris(2024, 10, 27), paris(2024, 10, 28))
    bad = Sample(paris(2024, 10, 27, 2, 30, fold=1), "ui", None)
    report = from_probes(
        period,
        [period],
        [],
        "removed",
        [bad],
        C3_PROBES,
        60,
        Decimal(50),
        None,
        "good",
        Decimal(98),
    )
    assert len(report.slices) == 25
    assert report.measured_time == timedelta(hours=25)
    assert report.unavailability == Decimal(4)
    # Compared in UTC: Python never finds a fold=1 local time equal to an instant in another
    # zone. 02:00 (+01:00) = 01:00 UTC; 03:00 (+01:00) = 02:00 UTC.
    assert report.downtime == (
        Interval(datetime(2024, 10, 27, 1, tzinfo=UTC), datetime(2024, 10, 27, 2, tzinfo=UTC)),
    )


def test_slices_follow_local_hours_across_spring_forward() -> None:
    # 30 Mar 2025 in Paris lasts 23 h: 01:00-03:00 local is one real hour.
    period = Interval(paris(2025, 3, 30), paris(2025, 3, 31))
    report = from_probes(
        period, [period], [], "removed", [], C3_PROBES, 60, Decimal(50), None, "good", Decimal(98)
    )
    assert len(report.slices) == 23
    assert report.slices[1].span == Interval(paris(2025, 3, 30, 1), paris(2025, 3, 30, 3))
    assert report.slices[1].counted == timedelta(hours=1)


def test_slices_cut_by_the_scope_count_for_their_part() -> None:
    # Scope 09:30-11:00; hours are 09:00-10:00 and 10:00-11:00: the first counts 30 min.
    # 09:30 slice KO (one failed sample at 09:45), 10:00 slice OK (one good sample):
    # unavailability = 30 / 90 min = 33.333333...% ; a sample at 09:10 (outside the scope) is
    # ignored.
    period = Interval(paris(2025, 3, 10), paris(2025, 3, 11))
    scope = [Interval(paris(2025, 3, 10, 9, 30), paris(2025, 3, 10, 11))]
    samples = [
        Sample(paris(2025, 3, 10, 9, 10), "ui", Decimal("0.1")),
        Sample(paris(2025, 3, 10, 9, 45), "ui", None),
        Sample(paris(2025, 3, 10, 10, 15), "ui", Decimal("0.1")),
    ]
    report = from_probes(
        period, scope, [], "removed", samples, C3_PROBES, 60, Decimal(50), None, None, Decimal(98)
    )
    assert [(s.counted, s.good, s.total) for s in report.slices] == [
        (timedelta(minutes=30), 0, 1),
        (timedelta(hours=1), 1, 1),
    ]
    assert report.exact == Fraction(200, 3)
    assert report.availability == Decimal("66.666667")


def test_probe_exclusions_per_mode() -> None:
    # 09:00-11:00, maintenance 10:00-10:30 with a failed sample at 10:10 (ignored).
    # 09:00 hour: 1 failed sample -> KO. 10:30-11:00: one good sample -> OK.
    # removed: measured 1 h 30, downtime 1 h -> 33.333333 %;
    # available: measured 2 h, downtime 1 h -> 50 %.
    period = Interval(paris(2025, 3, 10, 9), paris(2025, 3, 10, 11))
    maintenance = [Interval(paris(2025, 3, 10, 10), paris(2025, 3, 10, 10, 30))]
    samples = [
        Sample(paris(2025, 3, 10, 9, 5), "ui", None),
        Sample(paris(2025, 3, 10, 10, 10), "ui", None),
        Sample(paris(2025, 3, 10, 10, 40), "ui", Decimal("0.1")),
    ]
    expected: dict[ExclusionMode, Decimal] = {
        "removed": Decimal("33.333333"),
        "available": Decimal(50),
    }
    for mode, availability in expected.items():
        report = from_probes(
            period,
            [period],
            maintenance,
            mode,
            samples,
            C3_PROBES,
            60,
            Decimal(50),
            None,
            None,
            Decimal(98),
        )
        assert report.availability == availability, mode
        assert report.slices[1].counted == timedelta(minutes=30)


def test_probe_input_errors() -> None:
    period = Interval(paris(2025, 3, 10, 9), paris(2025, 3, 10, 11))

    def run(samples: list[Sample], minutes: int = 60) -> None:
        from_probes(
            period,
            [period],
            [],
            "removed",
            samples,
            C3_PROBES,
            minutes,
            Decimal(50),
            "each",
            "good",
            Decimal(98),
        )

    with pytest.raises(SlaInputError, match="outside the period"):
        run([Sample(paris(2025, 3, 10, 11), "ui", None)])
    with pytest.raises(SlaInputError, match="unknown probe"):
        run([Sample(paris(2025, 3, 10, 9), "ping", None)])
    with pytest.raises(SlaInputError, match="finite"):
        Sample(paris(2025, 3, 10, 9), "ui", Decimal("NaN"))
    with pytest.raises(SlaInputError, match="naive"):
        Sample(datetime(2025, 3, 10, 9), "ui", None)
    with pytest.raises(SlaInputError, match="conflicting"):
        run(
            [
                Sample(paris(2025, 3, 10, 9), "ui", None),
                Sample(paris(2025, 3, 10, 9), "ui", Decimal(1)),
            ]
        )
    with pytest.raises(SlaInputError, match="slice_minutes"):
        run([], minutes=7)
    # An identical duplicate counts once.
    twice = [Sample(paris(2025, 3, 10, 9), "ui", None)] * 2
    report = from_probes(
        period,
        [period],
        [],
        "removed",
        twice,
        C3_PROBES,
        60,
        Decimal(50),
        "each",
        "good",
        Decimal(98),
    )
    assert report.slices[0].total == 1


# ---------------------------------------------------------------- N1 error-rate minutes

# October 2024 in Paris: 31 days × 1440 min + 60 min (clocks go back on 27 Oct) = 44,700 min.
OCT_2024 = month(2024, 10)
OCT_2024_MINUTES = 31 * 1440 + 60
OCT_START = OCT_2024.start.astimezone(UTC)


def october_rates(interrupted: set[int], skip: frozenset[int] = frozenset()) -> list[MinuteRate]:
    """One rate per real minute of October 2024; minutes in `interrupted` at 12.5 %."""
    rates = []
    for i in range(OCT_2024_MINUTES):
        if i in skip:
            continue
        rate = Decimal("12.5") if i in interrupted else Decimal("0.4")
        rates.append(MinuteRate(OCT_START + timedelta(minutes=i), rate))
    return rates


# 1 Oct 2024 00:00 local = 30 Sep 22:00 UTC. The second 02:00 local hour (+01:00) starts
# 27 Oct 01:00 UTC, 26 days and 3 hours later: 26 × 1440 + 180 = 37,620 minutes.
REPEATED_HOUR = 26 * 1440 + 180


def test_n1_october_2024_counts_44700_minutes() -> None:
    # 22 interrupted minutes (10 in the repeated 02:00 hour): (44700 - 22) / 44700 × 100
    # = 99.950782997... -> 99.950783 >= 99.95: met.
    assert OCT_2024_MINUTES == 44_700
    assert (OCT_START + timedelta(minutes=REPEATED_HOUR)) == paris(
        2024, 10, 27, 2, fold=1
    ).astimezone(UTC)
    interrupted = set(range(REPEATED_HOUR, REPEATED_HOUR + 10)) | set(range(5000, 5012))
    report = from_error_rates(
        OCT_2024,
        [OCT_2024],
        [],
        "available",
        october_rates(interrupted),
        Decimal(5),
        None,
        Decimal("99.95"),
    )
    assert report.measured_time == timedelta(minutes=44_700)
    assert report.downtime_time == timedelta(minutes=22)
    assert report.exact == Fraction(44_678 * 100, 44_700)
    assert report.availability == Decimal("99.950783")
    assert report.met
    assert len(report.downtime) == 2


def test_n1_one_more_minute_misses_the_target() -> None:
    # 23 interrupted minutes: 44677 / 44700 × 100 = 99.948545861... -> 99.948546 < 99.95.
    report = from_error_rates(
        OCT_2024,
        [OCT_2024],
        [],
        "available",
        october_rates(set(range(100, 123))),
        Decimal(5),
        None,
        Decimal("99.95"),
    )
    assert report.availability == Decimal("99.948546")
    assert not report.met


def test_n1_threshold_is_strict() -> None:
    # Exactly 5 % is not "supérieur à 5 %"; 5.01 % is.
    start = paris(2025, 2, 3, 10)
    period = Interval(start, start + timedelta(minutes=2))
    rates = [
        MinuteRate(start, Decimal(5)),
        MinuteRate(start + timedelta(minutes=1), Decimal("5.01")),
    ]
    report = from_error_rates(
        period, [period], [], "available", rates, Decimal(5), None, Decimal("99.95")
    )
    assert report.downtime == (
        Interval(start + timedelta(minutes=1), start + timedelta(minutes=2)),
    )
    assert report.availability == Decimal(50)


def test_n1_maintenance_is_not_an_interruption() -> None:
    # 30 interrupted minutes, 20 of them in maintenance; mode "available":
    # (44700 - 10) / 44700 × 100 = 99.977628635... -> 99.977629.
    maintenance = [
        Interval(OCT_START + timedelta(minutes=1000), OCT_START + timedelta(minutes=1020))
    ]
    report = from_error_rates(
        OCT_2024,
        [OCT_2024],
        maintenance,
        "available",
        october_rates(set(range(990, 1020))),
        Decimal(5),
        None,
        Decimal("99.95"),
    )
    assert report.measured_time == timedelta(minutes=44_700)
    assert report.downtime_time == timedelta(minutes=10)
    assert report.availability == Decimal("99.977629")


def test_n1_missing_minutes_need_a_rule() -> None:
    # 5 minutes without data (1000-1004), 10 interrupted minutes (2000-2009).
    rates = october_rates(set(range(2000, 2010)), frozenset(range(1000, 1005)))
    with pytest.raises(UnspecifiedError, match="missing"):
        from_error_rates(
            OCT_2024, [OCT_2024], [], "available", rates, Decimal(5), None, Decimal("99.95")
        )
    cases: dict[Missing, tuple[int, int, Decimal]] = {
        # (44700 - 10) / 44700 = 99.977628635... -> 99.977629
        "available": (44_700, 10, Decimal("99.977629")),
        # (44700 - 15) / 44700 = 99.966442953... -> 99.966443
        "interrupted": (44_700, 15, Decimal("99.966443")),
        # (44695 - 10) / 44695 = 99.977626132... -> 99.977626
        "excluded": (44_695, 10, Decimal("99.977626")),
    }
    for missing, (measured, down, availability) in cases.items():
        report = from_error_rates(
            OCT_2024, [OCT_2024], [], "available", rates, Decimal(5), missing, Decimal("99.95")
        )
        assert report.measured_time == timedelta(minutes=measured), missing
        assert report.downtime_time == timedelta(minutes=down), missing
        assert report.availability == availability, missing
        assert report.no_data == (
            Interval(OCT_START + timedelta(minutes=1000), OCT_START + timedelta(minutes=1005)),
        )


def test_n1_input_errors() -> None:
    start = paris(2025, 2, 3, 10)
    period = Interval(start, start + timedelta(minutes=2))

    def run(rates: list[MinuteRate]) -> None:
        from_error_rates(
            period, [period], [], "available", rates, Decimal(5), "available", Decimal(99)
        )

    with pytest.raises(SlaInputError, match="whole minute"):
        MinuteRate(start + timedelta(seconds=30), Decimal(1))
    with pytest.raises(SlaInputError, match="percentage"):
        MinuteRate(start, Decimal(101))
    with pytest.raises(SlaInputError, match="finite"):
        MinuteRate(start, Decimal("NaN"))
    with pytest.raises(SlaInputError, match="outside the period"):
        run([MinuteRate(start + timedelta(minutes=2), Decimal(1))])
    with pytest.raises(SlaInputError, match="twice"):
        run([MinuteRate(start, Decimal(1)), MinuteRate(start, Decimal(2))])
    # Identical duplicates are accepted and count once.
    run([MinuteRate(start, Decimal(1)), MinuteRate(start, Decimal("1.0"))])


@pytest.mark.slow
def test_a_year_of_minutes() -> None:
    # Its speed is measured by `python -m bench`; here, its figures.
    # 2025 in Paris: 365 × 1440 = 525,600 minutes (the 23 h and 25 h days cancel out).
    year = Interval(paris(2025, 1, 1), paris(2026, 1, 1))
    base = year.start.astimezone(UTC)
    rates = [
        MinuteRate(base + timedelta(minutes=i), Decimal(9) if i % 1000 == 0 else Decimal(0))
        for i in range(525_600)
    ]
    report = from_error_rates(
        year, [year], [], "available", rates, Decimal(5), None, Decimal("99.95")
    )
    # Interrupted minutes: 0, 1000, ..., 525000 -> 526 of them.
    # (525600 - 526) / 525600 × 100 = 99.899923896... -> 99.899924
    assert report.measured_time == timedelta(minutes=525_600)
    assert report.downtime_time == timedelta(minutes=526)
    assert report.availability == Decimal("99.899924")


def test_n1_rates_in_any_order_with_repeats_and_integer_rates() -> None:
    # Four minutes from Mon 3 Feb 2025 10:00: 1 %, 7 % (an int), 5.5 %, 0 %. Above 5 %: the
    # 2nd and 3rd minutes, one span of 2 min; 2 of 4 minutes available: 50 %.
    start = paris(2025, 2, 3, 10)
    period = Interval(start, start + timedelta(minutes=4))
    rows = [
        MinuteRate(start, Decimal(1)),
        MinuteRate(start + timedelta(minutes=1), 7),  # type: ignore[arg-type]
        MinuteRate(start + timedelta(minutes=2), Decimal("5.5")),
        MinuteRate(start + timedelta(minutes=3), Decimal(0)),
    ]
    down = (Interval(start + timedelta(minutes=1), start + timedelta(minutes=3)),)
    # As given, backwards, and with the first minute repeated at an equal rate (1.00 %).
    for rates in (rows, rows[::-1], [*rows, MinuteRate(start, Decimal("1.00"))]):
        report = from_error_rates(
            period, [period], [], "available", rates, Decimal(5), None, Decimal(99)
        )
        assert report.downtime == down
        assert report.availability == Decimal(50)


def test_n1_the_first_row_that_does_not_fit_is_named() -> None:
    start = paris(2025, 2, 3, 10)
    period = Interval(start, start + timedelta(minutes=2))
    outside = MinuteRate(start + timedelta(minutes=5), Decimal(1))

    def run(rates: list[Any]) -> None:
        from_error_rates(
            period, [period], [], "available", rates, Decimal(5), "available", Decimal(99)
        )

    with pytest.raises(SlaInputError, match=r"minute 2025-02-03T10:05:00\+01:00 is outside"):
        run([MinuteRate(start, Decimal(1)), outside, "10:01 1.5"])
    with pytest.raises(SlaInputError, match="must be MinuteRate objects, got '10:01 1.5'"):
        run([MinuteRate(start, Decimal(1)), "10:01 1.5", outside])
    with pytest.raises(SlaInputError, match=r"given twice with different rates \(1 and 2\)"):
        run([MinuteRate(start, Decimal(1)), MinuteRate(start, Decimal(2)), outside])


def test_messages_name_the_bad_value() -> None:
    at = paris(2025, 3, 10, 9)
    with pytest.raises(SlaInputError, match=r"error rate at 2025-03-10T09:00:00\+01:00 .* 101"):
        MinuteRate(at, Decimal(101))
    with pytest.raises(SlaInputError, match="error-rate minute is a naive datetime"):
        MinuteRate(datetime(2025, 3, 10, 9), Decimal(1))
    negative = r"latency of the 'ui' sample at 2025-03-10T09:00:00\+01:00 is negative: -0.5"
    with pytest.raises(SlaInputError, match=negative):
        Sample(at, "ui", Decimal("-0.5"))
    with pytest.raises(SlaInputError, match="sample time of probe 'ui' is a naive datetime"):
        Sample(datetime(2025, 3, 10, 9), "ui", None)
    with pytest.raises(SlaInputError, match="must be a Decimal, not float 0.5"):
        Sample(at, "ui", 0.5)  # type: ignore[arg-type]
    # Integers are exact, so they are accepted where a Decimal is expected.
    assert Sample(at, "ui", 0).latency == 0  # type: ignore[arg-type]
