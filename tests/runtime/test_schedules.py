"""Weekly windows (slac.runtime.schedules): DST nights, multi-day ranges, business time."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slac.runtime.calendars import BusinessCalendar
from slac.runtime.errors import SlaInputError
from slac.runtime.intervals import Interval
from slac.runtime.periods import month_bounds
from slac.runtime.schedules import _TABLE_AFTER, Schedule, WeeklyRange

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc
H = timedelta(hours=1)

# French public holidays 2024-2025 (Easter 31 March 2024 and 20 April 2025):
# 2024: 1 Jan, 1 Apr, 1 May, 8 May, 9 May (Ascension), 20 May (Whit Monday), 14 Jul, 15 Aug,
#       1 Nov, 11 Nov, 25 Dec. 2025: 1 Jan, 21 Apr, 1 May, 8 May, 29 May, 9 Jun, 14 Jul, 15 Aug,
#       1 Nov, 11 Nov, 25 Dec.
HOLIDAYS = tuple(
    (d, "jour férié")
    for d in (
        date(2024, 1, 1),
        date(2024, 4, 1),
        date(2024, 5, 1),
        date(2024, 5, 8),
        date(2024, 5, 9),
        date(2024, 5, 20),
        date(2024, 7, 14),
        date(2024, 8, 15),
        date(2024, 11, 1),
        date(2024, 11, 11),
        date(2024, 12, 25),
        date(2025, 1, 1),
        date(2025, 4, 21),
        date(2025, 5, 1),
        date(2025, 5, 8),
        date(2025, 5, 29),
        date(2025, 6, 9),
        date(2025, 7, 14),
        date(2025, 8, 15),
        date(2025, 11, 1),
        date(2025, 11, 11),
        date(2025, 12, 25),
    )
)
FRANCE = BusinessCalendar(
    workdays=frozenset(range(5)), holidays=HOLIDAYS, first_year=2024, last_year=2025
)


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# Teogest T2 corrective maintenance: Tue and Thu 21:00 -> 06:00 the next morning.
T2_CORRECTIVE = Schedule("Europe/Paris", (WeeklyRange(1, 1260, 540), WeeklyRange(3, 1260, 540)))
# Teogest T2 evolutive maintenance: Friday 22:00 through the whole Saturday (-> Sat 24:00).
T2_EVOLUTIVE = Schedule("Europe/Paris", (WeeklyRange(4, 1320, 1560),))
# A Saturday-night 21:00 -> 06:00 window, to sit on the DST nights (both on a Sunday).
SATURDAY_NIGHT = Schedule("Europe/Paris", (WeeklyRange(5, 1260, 540),))
# Cegid Loop L2 maintenance window: every night 20:00 -> 07:00, and every weekend.
L2_WINDOW = Schedule(
    "Europe/Paris",
    tuple(WeeklyRange(d, 1200, 660) for d in range(7)) + (WeeklyRange(5, 0, 2880),),
)
# Cegid Loop L1 reference period: Mon-Fri 07:00-20:00, French public holidays excluded.
L1_PRT = Schedule("Europe/Paris", tuple(WeeklyRange(d, 420, 780) for d in range(5)), FRANCE, True)
# Cegid Conciliator C6/C7 chat hours: Mon-Thu 09:00-12:30 and 14:30-17:30; Fri 09:00-12:30 and
# 14:30-17:00; business hours, so French public holidays excluded.
C7_HOURS = Schedule(
    "Europe/Paris",
    tuple(WeeklyRange(d, 540, 210) for d in range(5))
    + tuple(WeeklyRange(d, 870, 180) for d in range(4))
    + (WeeklyRange(4, 870, 150),),
    FRANCE,
    True,
)
# Niveaux de service N4 business hours: Mon-Fri 10:00-18:00, French public holidays excluded.
N4_HOURS = Schedule("Europe/Paris", tuple(WeeklyRange(d, 600, 480) for d in range(5)), FRANCE, True)


def test_dst_nights_have_their_real_length() -> None:
    # Sat 30 Mar 2024 21:00 CET = 20:00 UTC -> Sun 31 Mar 06:00 CEST = 04:00 UTC: 8 h.
    # Sat 23 Mar (no change): 20:00 UTC -> Sun 05:00 UTC: 9 h.
    # Sat 6 Apr 21:00 CEST = 19:00 UTC -> Sun 06:00 CEST = 04:00 UTC: 9 h.
    spring = SATURDAY_NIGHT.occurrences(Interval(paris(2024, 3, 18), paris(2024, 4, 8)))
    assert spring == [
        Interval(utc(2024, 3, 23, 20), utc(2024, 3, 24, 5)),
        Interval(utc(2024, 3, 30, 20), utc(2024, 3, 31, 4)),
        Interval(utc(2024, 4, 6, 19), utc(2024, 4, 7, 4)),
    ]
    assert [i.duration for i in spring] == [9 * H, 8 * H, 9 * H]
    # Sat 26 Oct 2024 21:00 CEST = 19:00 UTC -> Sun 27 Oct 06:00 CET = 05:00 UTC: 10 h.
    autumn = SATURDAY_NIGHT.occurrences(Interval(paris(2024, 10, 26), paris(2024, 10, 28)))
    assert autumn == [Interval(utc(2024, 10, 26, 19), utc(2024, 10, 27, 5))]
    assert autumn[0].duration == 10 * H


def test_t2_corrective_nights_around_the_march_change() -> None:
    # Tue 26 Mar 21:00 CET (20:00 UTC) -> Wed 06:00 CET (05:00 UTC); Thu 28 likewise;
    # after Sun 31 March, Tue 2 Apr 21:00 CEST (19:00 UTC) -> Wed 06:00 CEST (04:00 UTC);
    # Thu 4 Apr likewise. Four nights of 9 real hours each: 36 h.
    found = T2_CORRECTIVE.occurrences(Interval(paris(2024, 3, 25), paris(2024, 4, 8)))
    assert found == [
        Interval(utc(2024, 3, 26, 20), utc(2024, 3, 27, 5)),
        Interval(utc(2024, 3, 28, 20), utc(2024, 3, 29, 5)),
        Interval(utc(2024, 4, 2, 19), utc(2024, 4, 3, 4)),
        Interval(utc(2024, 4, 4, 19), utc(2024, 4, 5, 4)),
    ]
    assert sum((i.duration for i in found), timedelta()) == 36 * H


def test_l2_weekend_block_across_dst() -> None:
    # Fri night + weekend + Sun night merge into Fri 20:00 -> Mon 07:00 (59 wall hours).
    # Spring: Fri 29 Mar 20:00 CET = 19:00 UTC -> Mon 1 Apr 07:00 CEST = 05:00 UTC: 58 h.
    spring = L2_WINDOW.occurrences(Interval(paris(2024, 3, 29, 12), paris(2024, 4, 1, 12)))
    assert spring == [Interval(utc(2024, 3, 29, 19), utc(2024, 4, 1, 5))]
    assert spring[0].duration == 58 * H
    # Autumn: Fri 25 Oct 20:00 CEST = 18:00 UTC -> Mon 28 Oct 07:00 CET = 06:00 UTC: 60 h.
    autumn = L2_WINDOW.occurrences(Interval(paris(2024, 10, 25, 12), paris(2024, 10, 28, 12)))
    assert autumn == [Interval(utc(2024, 10, 25, 18), utc(2024, 10, 28, 6))]
    assert autumn[0].duration == 60 * H


def test_wall_times_inside_the_changes() -> None:
    # Sunday 01:00 -> 04:00 wall clock. 31 Mar: 01:00 CET (00:00 UTC) -> 04:00 CEST (02:00 UTC)
    # = 2 h; 27 Oct: 01:00 CEST (23:00 UTC on the 26th) -> 04:00 CET (03:00 UTC) = 4 h.
    early = Schedule("Europe/Paris", (WeeklyRange(6, 60, 180),))
    (spring,) = early.occurrences(Interval(paris(2024, 3, 30), paris(2024, 4, 1)))
    (autumn,) = early.occurrences(Interval(paris(2024, 10, 26), paris(2024, 10, 28)))
    assert (spring.duration, autumn.duration) == (2 * H, 4 * H)
    # Sunday 02:30 -> 03:00. On 31 Mar 02:30 does not exist and moves to the end of the gap,
    # 03:00 CEST: nothing is left. On 27 Oct 02:30 is ambiguous and fold=0 takes the first
    # (CEST, 00:30 UTC); 03:00 CET is 02:00 UTC: 1 h 30 min including the repeated hour.
    gap = Schedule("Europe/Paris", (WeeklyRange(6, 150, 30),))
    assert gap.occurrences(Interval(paris(2024, 3, 30), paris(2024, 4, 1))) == []
    assert gap.occurrences(Interval(paris(2024, 10, 26), paris(2024, 10, 28))) == [
        Interval(utc(2024, 10, 27, 0, 30), utc(2024, 10, 27, 2))
    ]


@pytest.mark.parametrize(
    ("weekly", "saturday", "expected"),
    [
        # Chile's changes are at midnight. 2024-04-07 00:00 -03 goes back to Saturday 23:00 -04
        # (Saturday 23:00-24:00 happens twice); 2024-09-08 00:00 -04 jumps to 01:00 -03 (the
        # Sunday begins at 01:00, 04:00 UTC).
        # Sunday 00:00 -> 03:00: 04:00 -> 07:00 UTC (3 h); 04:00 -> 06:00 UTC (2 h).
        (WeeklyRange(6, 0, 180), date(2024, 4, 6), (utc(2024, 4, 7, 4), utc(2024, 4, 7, 7))),
        (WeeklyRange(6, 0, 180), date(2024, 9, 7), (utc(2024, 9, 8, 4), utc(2024, 9, 8, 6))),
        # Saturday 23:30 -> Sunday 00:30. In April 23:30 is read first (-03, 02:30 UTC) and
        # 00:30 is -04 (04:30 UTC): 2 h. In September 23:30 is -04 (03:30 UTC) and 00:30 lies in
        # the gap, read as its end (04:00 UTC): 30 min.
        (WeeklyRange(5, 1410, 60), date(2024, 4, 6),
         (utc(2024, 4, 7, 2, 30), utc(2024, 4, 7, 4, 30))),
        (WeeklyRange(5, 1410, 60), date(2024, 9, 7),
         (utc(2024, 9, 8, 3, 30), utc(2024, 9, 8, 4))),
    ],
)
def test_changes_at_midnight(
    weekly: WeeklyRange, saturday: date, expected: tuple[datetime, datetime]
) -> None:
    schedule = Schedule("America/Santiago", (weekly,))
    low = datetime.combine(saturday, datetime.min.time(), UTC)
    within = Interval(low, low + timedelta(days=3))
    assert schedule.occurrences(within) == [Interval(*expected)]
    assert schedule.time_between(within.start, within.end) == expected[1] - expected[0]


def test_friday_to_saturday_midnight() -> None:
    # Fri 7 June 2024 22:00 CEST (20:00 UTC) -> Sun 9 June 00:00 CEST (Sat 22:00 UTC): 26 h.
    found = T2_EVOLUTIVE.occurrences(Interval(paris(2024, 6, 3), paris(2024, 6, 10)))
    assert found == [Interval(utc(2024, 6, 7, 20), utc(2024, 6, 8, 22))]
    assert found[0].duration == 26 * H
    assert T2_EVOLUTIVE.weekly_minutes() == 1560


def test_occurrence_begun_before_the_interval_is_clipped() -> None:
    # Asked from Sat 8 June 12:00 CEST (10:00 UTC): the window opened the evening before; the
    # part inside runs to Sat 24:00 (22:00 UTC): 12 h. The next one opens Fri 14 June 22:00.
    found = T2_EVOLUTIVE.occurrences(Interval(paris(2024, 6, 8, 12), paris(2024, 6, 14, 23)))
    assert found == [
        Interval(utc(2024, 6, 8, 10), utc(2024, 6, 8, 22)),
        Interval(utc(2024, 6, 14, 20), utc(2024, 6, 14, 21)),
    ]


def test_contains() -> None:
    assert T2_EVOLUTIVE.contains(paris(2024, 6, 8, 23, 59))
    assert not T2_EVOLUTIVE.contains(paris(2024, 6, 9, 0, 0))  # half-open: Sat 24:00 is out
    assert T2_EVOLUTIVE.contains(paris(2024, 6, 7, 22, 0))
    assert not T2_EVOLUTIVE.contains(paris(2024, 6, 7, 21, 59))
    # L1: Thu 9 May 2024 is Ascension, Fri 10 May an ordinary business day.
    assert not L1_PRT.contains(paris(2024, 5, 9, 10))
    assert L1_PRT.contains(paris(2024, 5, 10, 7))
    assert not L1_PRT.contains(paris(2024, 5, 10, 20))
    with pytest.raises(SlaInputError, match="naive"):
        L1_PRT.contains(datetime(2024, 5, 10, 10))


def test_business_days_only_keeps_or_drops_whole_occurrences() -> None:
    nights = Schedule("Europe/Paris", T2_CORRECTIVE.ranges, FRANCE, True)
    # Tue 7 May 2024 is a business day: its night runs into Wed 8 May (a holiday) and is kept.
    assert nights.contains(paris(2024, 5, 8, 3))
    # Thu 9 May is Ascension: its night is dropped, also on Fri 10 May, a business day.
    assert not nights.contains(paris(2024, 5, 9, 22))
    assert not nights.contains(paris(2024, 5, 10, 3))
    assert T2_CORRECTIVE.contains(paris(2024, 5, 10, 3))


def test_l1_reference_period_of_may_2024() -> None:
    # May 2024 has 19 business days (23 weekdays minus 1, 8, 9 and 20 May); 13 h each: 247 h.
    found = L1_PRT.occurrences(month_bounds(2024, 5, PARIS))
    assert len(found) == 19
    assert sum((i.duration for i in found), timedelta()) == 247 * H


def test_weekly_minutes() -> None:
    # L2: Mon-Thu nights 20:00-07:00 are 4 x 11 h = 44 h, plus Fri 20:00 -> Mon 07:00 = 59 h:
    # 103 h = 6180 min (the week's other 65 h are 5 x 13 h of opening).
    assert L2_WINDOW.weekly_minutes() == 6180
    # C7: Mon-Thu 3.5 + 3 = 6.5 h = 390 min x 4 = 1560; Fri 3.5 + 2.5 = 6 h = 360: 1920 min.
    assert C7_HOURS.weekly_minutes() == 1920
    assert N4_HOURS.weekly_minutes() == 5 * 480
    # Sun 22:00 -> Mon 02:00 wraps round the end of the week: 240 min.
    assert Schedule("Europe/Paris", (WeeklyRange(6, 1320, 240),)).weekly_minutes() == 240
    assert Schedule("Europe/Paris", ()).weekly_minutes() == 0


@pytest.mark.parametrize(
    ("start", "due"),
    [
        # Thu 16 May 2024 15:00: Thu 15:00-17:30 = 2.5 h (9.5 left); Fri 17 May 6 h (3.5 left);
        # weekend; Mon 20 May is Whit Monday; Tue 21 May 09:00-12:30 = 3.5 h -> 12:30.
        (paris(2024, 5, 16, 15), paris(2024, 5, 21, 12, 30)),
        # Fri 17 May 11:00: 11:00-12:30 1.5 h + 14:30-17:00 2.5 h = 4 h (8 left); Mon 20 May
        # holiday; Tue 21 May 6.5 h (1.5 left); Wed 22 May 09:00 + 1.5 h -> 10:30.
        (paris(2024, 5, 17, 11), paris(2024, 5, 22, 10, 30)),
        # Sat 11 May 10:00 is outside: counting starts Mon 13 May 09:00; Mon 6.5 h (5.5 left);
        # Tue 14 May morning 3.5 h (2 left); 14:30 + 2 h -> 16:30.
        (paris(2024, 5, 11, 10), paris(2024, 5, 14, 16, 30)),
        # Tue 7 May 12:45 (lunch break): 14:30-17:30 = 3 h (9 left); Wed 8 and Thu 9 are
        # holidays; Fri 10 May 6 h (3 left); Mon 13 May 09:00 + 3 h -> 12:00.
        (paris(2024, 5, 7, 12, 45), paris(2024, 5, 13, 12)),
    ],
)
def test_c7_twelve_business_hours(start: datetime, due: datetime) -> None:
    # Cegid Conciliator C7 (Art. 11.3): criticality 1 -> action plan within 12 business hours.
    result = C7_HOURS.add_time(start, 12 * H)
    assert result == due
    assert result.tzinfo == PARIS
    assert C7_HOURS.time_between(start, result) == 12 * H


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        # Tue 7 May 2024 16:00 + 4 h: Tue 16:00-18:00 2 h; Wed 8, Thu 9 holidays; Fri 10 May
        # 10:00 + 2 h -> 12:00.
        (paris(2024, 5, 7, 16), 4, paris(2024, 5, 10, 12)),
        # Fri 17 May 14:00 + 24 h: Fri 4 h (20 left); Mon 20 holiday; Tue 21 and Wed 22 8 h
        # each (4 left); Thu 23 May 10:00 + 4 h -> 14:00.
        (paris(2024, 5, 17, 14), 24, paris(2024, 5, 23, 14)),
        # Mon 3 June 10:00 + 401 h: no holiday from 3 June to 9 August 2024, so 10 weeks of
        # 40 h end Fri 9 Aug 18:00 (400 h); the last hour is Mon 12 Aug 10:00-11:00.
        (paris(2024, 6, 3, 10), 401, paris(2024, 8, 12, 11)),
        # Amount used up exactly at the end of a day: the earliest instant, Fri 18:00.
        (paris(2024, 6, 7, 10), 8, paris(2024, 6, 7, 18)),
    ],
)
def test_n4_business_hours(start: datetime, hours: int, due: datetime) -> None:
    assert N4_HOURS.add_time(start, hours * H) == due


def test_add_time_counts_real_time_across_dst() -> None:
    always = Schedule("Europe/Paris", tuple(WeeklyRange(d, 0, 1440) for d in range(7)))
    # Sat 30 Mar 12:00 CET = 11:00 UTC; + 24 real hours = Sun 31 Mar 11:00 UTC = 13:00 CEST.
    assert always.add_time(paris(2024, 3, 30, 12), 24 * H) == paris(2024, 3, 31, 13)
    # Sat 30 Mar 20:00 CET is before the night: it opens 21:00 CET (20:00 UTC); 8 h later is
    # 04:00 UTC = 06:00 CEST, the very end of that 8-hour night.
    assert SATURDAY_NIGHT.add_time(paris(2024, 3, 30, 20), 8 * H) == paris(2024, 3, 31, 6)
    # 8.5 h: the last half hour goes to the next night, Sat 6 Apr 21:00 CEST -> 21:30.
    due = SATURDAY_NIGHT.add_time(paris(2024, 3, 30, 20), 8.5 * H)
    assert due == paris(2024, 4, 6, 21, 30)


def test_add_time_edges() -> None:
    start = paris(2024, 5, 11, 10)
    assert N4_HOURS.add_time(start, timedelta()) == start
    with pytest.raises(SlaInputError, match="no ranges"):
        Schedule("Europe/Paris", ()).add_time(start, H)
    with pytest.raises(SlaInputError, match="negative"):
        N4_HOURS.add_time(start, -H)
    with pytest.raises(SlaInputError, match="naive"):
        N4_HOURS.add_time(datetime(2024, 5, 11, 10), H)
    # Past the last year of holiday data the answer is refused, not guessed.
    with pytest.raises(SlaInputError, match="2024-2025"):
        N4_HOURS.add_time(paris(2025, 12, 30, 10), 40 * H)


def test_time_between() -> None:
    # N4 from Tue 7 May 16:00 to Fri 10 May 12:00: 2 h + 0 + 0 + 2 h = 4 h.
    assert N4_HOURS.time_between(paris(2024, 5, 7, 16), paris(2024, 5, 10, 12)) == 4 * H
    assert N4_HOURS.time_between(paris(2024, 5, 7, 16), paris(2024, 5, 7, 16)) == timedelta()
    with pytest.raises(SlaInputError, match="before"):
        N4_HOURS.time_between(paris(2024, 5, 10), paris(2024, 5, 7))


def test_t2_evolutive_uses() -> None:
    # Teogest T2 (Art. 8; Annexe 2 A.2): Fri 22:00 -> Sat 24:00, at most one Saturday a month,
    # announced at least 15 days ahead.
    uses = [
        # 1: Sat 8 June 01:00-05:00, in the window opened Fri 7 June; announced 20 May: 18 days.
        Interval(paris(2024, 6, 8, 1), paris(2024, 6, 8, 5)),
        # 2: Sat 15 June 02:00-04:00, window of Fri 14 June: a second one in June; announced
        #    1 June 10:00, 13 days 16 hours ahead: too late.
        Interval(paris(2024, 6, 15, 2), paris(2024, 6, 15, 4)),
        # 3: Fri 31 May 22:30 -> Sat 1 June 06:00: the window opened Fri 31 May, so May's one.
        Interval(paris(2024, 5, 31, 22, 30), paris(2024, 6, 1, 6)),
        # 4: Wed 12 June 22:00-23:00 is not in the window.
        Interval(paris(2024, 6, 12, 22), paris(2024, 6, 12, 23)),
        # 5: Sat 8 June 20:00-23:00: the same window as use 1, not another Saturday.
        Interval(paris(2024, 6, 8, 20), paris(2024, 6, 8, 23)),
    ]
    announced = [
        paris(2024, 5, 20, 9),
        paris(2024, 6, 1, 10),
        paris(2024, 5, 10, 9),
        paris(2024, 5, 20, 9),
        paris(2024, 5, 20, 9),
    ]
    problems = T2_EVOLUTIVE.check_uses(
        uses, notice=timedelta(days=15), announced=announced, max_per_month=1
    )
    assert len(problems) == 3
    assert problems[0].startswith("use 2 (Sat 2024-06-15 02:00 CEST")
    assert "13 days, 16:00:00 ahead" in problems[0]
    assert problems[1].startswith("use 2 ")
    assert "Fri 2024-06-14 22:00 CEST" in problems[1]
    assert "2024-06" in problems[1]
    assert problems[2].startswith("use 4 (Wed 2024-06-12 22:00 CEST")
    assert "not inside" in problems[2]
    # Without the optional checks only the misplaced use remains.
    alone = T2_EVOLUTIVE.check_uses(uses, notice=None, announced=None, max_per_month=None)
    assert len(alone) == 1 and alone[0].startswith("use 4 ")


def test_check_uses_crossing_the_end_of_a_window() -> None:
    # Sat 8 June 23:00 -> Sun 01:00 overruns Sat 24:00.
    problems = T2_EVOLUTIVE.check_uses(
        [Interval(paris(2024, 6, 8, 23), paris(2024, 6, 9, 1))],
        notice=None,
        announced=None,
        max_per_month=1,
    )
    assert len(problems) == 1 and "not inside" in problems[0]


def test_check_uses_counts_merged_windows_once() -> None:
    # L2 (Cegid Loop Art. 4): a use Fri 22:00 -> Sat 09:00 spans the Friday night range and the
    # weekend range: inside the merged window, planned 48 h ahead: fine.
    use = Interval(paris(2024, 6, 7, 22), paris(2024, 6, 8, 9))
    problems = L2_WINDOW.check_uses(
        [use], notice=48 * H, announced=[paris(2024, 6, 5, 21, 59)], max_per_month=None
    )
    assert problems == []
    late = L2_WINDOW.check_uses(
        [use], notice=48 * H, announced=[paris(2024, 6, 5, 22, 1)], max_per_month=None
    )
    assert len(late) == 1 and "1 day, 23:59:00 ahead" in late[0]


def test_check_uses_bad_inputs() -> None:
    use = Interval(paris(2024, 6, 8, 1), paris(2024, 6, 8, 5))
    with pytest.raises(SlaInputError, match="1 dates for 2 uses"):
        T2_EVOLUTIVE.check_uses(
            [use, use], notice=H, announced=[paris(2024, 6, 1)], max_per_month=None
        )
    with pytest.raises(SlaInputError, match="use 1 is empty"):
        T2_EVOLUTIVE.check_uses(
            [Interval(use.start, use.start)], notice=None, announced=None, max_per_month=None
        )


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((7, 0, 60), "weekday"),
        ((0, 1440, 60), "start minute"),
        ((0, 0, 0), "length"),
        ((0, 0, 7 * 1440 + 1), "length"),
        ((0, True, 60), "integer"),
    ],
)
def test_weekly_range_validation(args: tuple[int, int, int], match: str) -> None:
    with pytest.raises(SlaInputError, match=match):
        WeeklyRange(*args)


def test_schedule_validation() -> None:
    with pytest.raises(SlaInputError, match="Nowhere/Land"):
        Schedule("Nowhere/Land", ())
    with pytest.raises(SlaInputError, match="needs a calendar"):
        Schedule("Europe/Paris", (), None, True)
    with pytest.raises(SlaInputError, match="tuple of WeeklyRange"):
        Schedule("Europe/Paris", [WeeklyRange(0, 0, 60)])  # type: ignore[arg-type]


instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2025, 6, 30), timezones=st.just(PARIS)
)
schedules = st.sampled_from([C7_HOURS, N4_HOURS, L1_PRT, L2_WINDOW, T2_CORRECTIVE, T2_EVOLUTIVE])


@settings(max_examples=200)
@given(schedules, instants, st.integers(min_value=0, max_value=200 * 60))
def test_add_time_round_trips_with_time_between(
    schedule: Schedule, start: datetime, minutes: int
) -> None:
    amount = timedelta(minutes=minutes)
    due = schedule.add_time(start, amount)
    assert schedule.time_between(start, due) == amount
    if minutes:
        # Earliest: a moment before, less time had elapsed; and the due instant is in a window's
        # closure (inside, or at its end).
        assert schedule.time_between(start, due - timedelta(seconds=1)) < amount
        assert schedule.contains(due - timedelta(microseconds=1))


@settings(max_examples=200)
@given(schedules, instants, st.integers(min_value=0, max_value=20 * 24 * 60))
def test_occurrences_are_sorted_disjoint_and_clipped(
    schedule: Schedule, start: datetime, minutes: int
) -> None:
    # The end `minutes` later in elapsed time, in UTC: `+` on a Paris time is wall-clock arithmetic
    # and drops `fold` (27 Oct 2024 02:00 fold=1, +01:00, plus 0 min gives 02:00 +02:00, an hour
    # earlier), and two Paris times compare by wall clock, ignoring `fold`.
    within = Interval(start, start.astimezone(UTC) + timedelta(minutes=minutes))
    found = schedule.occurrences(within)
    for item in found:
        assert within.start <= item.start < item.end <= within.end
    for left, right in itertools.pairwise(found):
        assert left.end < right.start
    total = sum((i.duration for i in found), timedelta())
    assert total == schedule.time_between(within.start, within.end)


# ---------------------------------------------------------------- yearly tables

# A schedule answers its first questions about a year day by day; after _TABLE_AFTER of them it
# reads the whole year once into a running total and answers by bisection. Each case below is
# asked of a fresh schedule both ways, and must get the same hand-computed answer.


def fresh(schedule: Schedule, *warm_years: int) -> Schedule:
    """A new copy of `schedule`, asked about each of `warm_years` enough to build its table."""
    copy = Schedule(schedule.zone, schedule.ranges, schedule.calendar, schedule.business_days_only)
    for year in warm_years:
        for _ in range(_TABLE_AFTER):
            copy.contains(paris(year, 6, 1))
    return copy


ALWAYS = Schedule("Europe/Paris", tuple(WeeklyRange(d, 0, 1440) for d in range(7)))
# Every day a business day in 2024-2025 (no holidays): nights 22:00 -> 08:00 the next morning.
EVERY_DAY = BusinessCalendar(
    workdays=frozenset(range(7)), holidays=(), first_year=2024, last_year=2025
)
NIGHTLY = Schedule(
    "Europe/Paris", tuple(WeeklyRange(d, 1320, 600) for d in range(7)), EVERY_DAY, True
)


@pytest.mark.parametrize("warm", [False, True])
def test_n4_answers_day_by_day_and_from_the_yearly_tables(warm: bool) -> None:
    hours = fresh(N4_HOURS, *((2024, 2025) if warm else ()))
    # N4: Mon-Fri 10:00-18:00, French public holidays excluded.
    # Tue 7 May 2024 16:00 + 4 h: 2 h on Tue; Wed 8 and Thu 9 are holidays; Fri 10:00 + 2 h.
    assert hours.add_time(paris(2024, 5, 7, 16), 4 * H) == paris(2024, 5, 10, 12)
    # 10 holiday-free weeks of 40 h from Mon 3 June 10:00, then 1 h on Mon 12 Aug.
    assert hours.add_time(paris(2024, 6, 3, 10), 401 * H) == paris(2024, 8, 12, 11)
    # Used up exactly at the end of a day: Fri 7 June 18:00, not Mon 10:00.
    assert hours.add_time(paris(2024, 6, 7, 10), 8 * H) == paris(2024, 6, 7, 18)
    # Fri 10 May 17:59 + 30 min: 1 min on Friday, then Mon 13 May 10:00 + 29 min.
    assert hours.add_time(paris(2024, 5, 10, 17, 59), 30 * timedelta(minutes=1)) == paris(
        2024, 5, 13, 10, 29
    )
    # Across the New Year: Mon 30 Dec 2024 16:00 + 12 h: 2 h on Monday, 8 h on Tue 31 Dec;
    # Wed 1 Jan 2025 is a holiday; Thu 2 Jan 10:00 + 2 h -> 12:00.
    assert hours.add_time(paris(2024, 12, 30, 16), 12 * H) == paris(2025, 1, 2, 12)
    # The last 2 h of 2024 end exactly at Tue 31 Dec 18:00, not at the next opening.
    assert hours.add_time(paris(2024, 12, 31, 16), 2 * H) == paris(2024, 12, 31, 18)
    # Local midnight of 1 Jan 2025 is still 2024 in UTC (23:00): the next hour is Thu 2 Jan.
    assert hours.add_time(paris(2025, 1, 1), H) == paris(2025, 1, 2, 11)
    assert hours.contains(paris(2024, 12, 31, 17, 59))
    assert not hours.contains(paris(2025, 1, 1, 11))
    assert not hours.contains(utc(2024, 12, 31, 23, 30))  # 1 Jan 2025 00:30 in Paris
    assert hours.contains(utc(2025, 1, 2, 9))  # Thu 2 Jan 10:00 in Paris: the window opens
    assert not hours.contains(paris(2024, 5, 10, 18))  # half-open: Friday 18:00 is out
    assert (hours._years.get(2024) is not None) == warm


@pytest.mark.parametrize("warm", [False, True])
def test_dst_nights_day_by_day_and_from_the_yearly_tables(warm: bool) -> None:
    night = fresh(SATURDAY_NIGHT, *((2024,) if warm else ()))
    # Sat 30 Mar 2024 21:00 CET -> Sun 06:00 CEST is 8 real hours: 8 h end exactly at 06:00,
    # 8.5 h take half an hour of the next night, Sat 6 Apr 21:00 CEST -> 21:30.
    assert night.add_time(paris(2024, 3, 30, 20), 8 * H) == paris(2024, 3, 31, 6)
    assert night.add_time(paris(2024, 3, 30, 20), 8.5 * H) == paris(2024, 4, 6, 21, 30)
    # Sat 26 Oct 2024 21:00 CEST -> Sun 06:00 CET is 10 real hours.
    assert night.add_time(paris(2024, 10, 26, 20), 10 * H) == paris(2024, 10, 27, 6)
    # 02:30 the second time (CET, fold=1) is inside that night; Sun 31 Mar 06:00 is its end.
    assert night.contains(paris(2024, 10, 27, 2, 30).replace(fold=1))
    assert not night.contains(paris(2024, 3, 31, 6))
    # Round the clock, 366 real days after Sat 30 Mar 2024 12:00 CET (11:00 UTC) is
    # 31 Mar 2025 11:00 UTC, 13:00 CEST (clocks went forward on 30 Mar 2025).
    always = fresh(ALWAYS, *((2024, 2025) if warm else ()))
    assert always.add_time(paris(2024, 3, 30, 12), timedelta(days=366)) == paris(2025, 3, 31, 13)
    # 31 Dec 2024 23:30 UTC is 1 Jan 2025 00:30 in Paris: inside, and an hour later is 01:30.
    assert always.contains(utc(2024, 12, 31, 23, 30))
    assert always.add_time(utc(2024, 12, 31, 23, 30), H) == paris(2025, 1, 1, 1, 30)


@pytest.mark.parametrize("warm", [False, True])
def test_years_that_cannot_be_read_whole_are_read_day_by_day(warm: bool) -> None:
    nightly = fresh(NIGHTLY, *((2024, 2025) if warm else ()))
    # 1 Jan 2024 03:00 is in the night begun on 31 Dec 2023, a day the calendar does not cover:
    # refused, as day by day. So 2024 has no table, yet its other days are answered.
    with pytest.raises(SlaInputError, match="2024-2025"):
        nightly.contains(paris(2024, 1, 1, 3))
    assert nightly.contains(paris(2024, 1, 5, 3))
    # Mon 3 June 2024 12:00 + 20 h: the nights of Monday and Tuesday, 10 h each: Wed 08:00.
    assert nightly.add_time(paris(2024, 6, 3, 12), 20 * H) == paris(2024, 6, 5, 8)
    # Wed 31 Dec 2025 12:00 + 2 h: 22:00 to midnight, the last covered time.
    assert nightly.add_time(paris(2025, 12, 31, 12), 2 * H) == paris(2026, 1, 1)
    # One hour more needs 1 Jan 2026, whose own night starts on a day not covered: refused.
    with pytest.raises(SlaInputError, match="2024-2025"):
        nightly.add_time(paris(2025, 12, 31, 12), 3 * H)
    if warm:
        assert nightly._years[2024] is None and nightly._years[2025] is not None


def test_dates_beyond_year_9999_are_refused() -> None:
    # Tuesday and Thursday nights of 9 h: 30 h from 30 Dec 9999 run past the last date.
    with pytest.raises(SlaInputError, match="1-9999"):
        T2_CORRECTIVE.add_time(utc(9999, 12, 30), 30 * H)
    with pytest.raises(SlaInputError, match="1-9999"):
        T2_CORRECTIVE.contains(utc(9999, 12, 31, 23, 30))  # already 10000 in Paris
