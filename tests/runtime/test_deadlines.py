"""Due instants (slac.runtime.deadlines): elapsed, business time, business and calendar days."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from slac.runtime.calendars import BusinessCalendar
from slac.runtime.deadlines import (
    due_business_days,
    due_business_time,
    due_calendar_days,
    due_elapsed,
    due_period,
)
from slac.runtime.errors import SlaInputError
from slac.runtime.periods import Period
from slac.runtime.schedules import Schedule, WeeklyRange

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc
H = timedelta(hours=1)

# French public holidays 2024 (Easter 31 March): 1 Jan, 1 Apr (Easter Monday), 1 May, 8 May,
# 9 May (Ascension), 20 May (Whit Monday), 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec.
HOLIDAYS_2024 = tuple(
    (date(2024, month, day), "jour férié")
    for month, day in (
        (1, 1),
        (4, 1),
        (5, 1),
        (5, 8),
        (5, 9),
        (5, 20),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    )
)
FRANCE = BusinessCalendar(
    workdays=frozenset(range(5)), holidays=HOLIDAYS_2024, first_year=2024, last_year=2024
)


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def test_due_elapsed_is_real_time_across_dst() -> None:
    # Fri 29 Mar 2024 12:00 CET = 11:00 UTC; + 48 h = Sun 31 Mar 11:00 UTC = 13:00 CEST.
    due = due_elapsed(paris(2024, 3, 29, 12), 48 * H)
    assert due == paris(2024, 3, 31, 13)
    assert due.tzinfo is PARIS
    # Sat 26 Oct 2024 12:00 CEST = 10:00 UTC; + 48 h = Mon 28 Oct 10:00 UTC = 11:00 CET.
    assert due_elapsed(paris(2024, 10, 26, 12), 48 * H) == paris(2024, 10, 28, 11)


def test_due_elapsed_keeps_the_start_zone_and_validates() -> None:
    start = datetime(2024, 3, 29, 11, tzinfo=UTC)
    assert due_elapsed(start, 48 * H) == datetime(2024, 3, 31, 11, tzinfo=UTC)
    with pytest.raises(SlaInputError, match="naive"):
        due_elapsed(datetime(2024, 3, 29, 12), H)
    with pytest.raises(SlaInputError, match="negative"):
        due_elapsed(start, -H)
    with pytest.raises(SlaInputError, match="timedelta"):
        due_elapsed(start, 48)  # type: ignore[arg-type]


def test_due_business_time() -> None:
    # Niveaux de service N4 hours Mon-Fri 10:00-18:00 without French holidays. Tue 7 May 2024
    # 16:00 + 4 h: 2 h on Tuesday, Wed 8 and Thu 9 are holidays, Fri 10 May 10:00 + 2 h = 12:00.
    hours = Schedule(
        "Europe/Paris", tuple(WeeklyRange(d, 600, 480) for d in range(5)), FRANCE, True
    )
    assert due_business_time(paris(2024, 5, 7, 16), 4 * H, hours) == paris(2024, 5, 10, 12)
    with pytest.raises(SlaInputError, match="Schedule"):
        due_business_time(paris(2024, 5, 7, 16), H, FRANCE)  # type: ignore[arg-type]


def test_t8_restore_within_48_business_hours() -> None:
    # Teogest T8 with the T9 support hours taken as business hours (an author's choice):
    # Mon-Thu 09:30-12:00 + 13:30-18:00 = 7 h; Fri 09:30-12:00 + 13:30-17:00 = 6 h.
    # From Mon 3 June 2024 09:30: Mon-Thu 28 h (20 left), Fri 6 h (14 left), Mon 10 June 7 h
    # (7 left), Tue 11 June 7 h -> used up at Tue 11 June 18:00.
    hours = Schedule(
        "Europe/Paris",
        tuple(WeeklyRange(d, 570, 150) for d in range(5))
        + tuple(WeeklyRange(d, 810, 270) for d in range(4))
        + (WeeklyRange(4, 810, 210),),
        FRANCE,
        True,
    )
    assert due_business_time(paris(2024, 6, 3, 9, 30), 48 * H, hours) == paris(2024, 6, 11, 18)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # C7 criticality 2: 6 business days. From Mon 6 May 2024 10:00: Tue 7 (1), Wed 8 and
        # Thu 9 are holidays, Fri 10 (2), Mon 13 (3), Tue 14 (4), Wed 15 (5), Thu 16 (6).
        (paris(2024, 5, 6, 10), 6, paris(2024, 5, 16, 10)),
        # Sat 18 May 15:00 is not a business day: count from 00:00 on the next one, Tue 21 May
        # (Mon 20 is Whit Monday); one business day later is Wed 22 May 00:00.
        (paris(2024, 5, 18, 15), 1, paris(2024, 5, 22, 0)),
        # Ascension Thu 9 May 14:00 with 0 days: 00:00 of the next business day, Fri 10 May.
        (paris(2024, 5, 9, 14), 0, paris(2024, 5, 10, 0)),
        # A business day with 0 days: the start itself.
        (paris(2024, 5, 6, 10), 0, paris(2024, 5, 6, 10)),
        # Fri 29 Mar 10:00 CET + 1: Mon 1 Apr is Easter Monday -> Tue 2 Apr 10:00 CEST
        # (4 days minus the lost hour: 95 real hours).
        (paris(2024, 3, 29, 10), 1, paris(2024, 4, 2, 10)),
    ],
)
def test_due_business_days(start: datetime, days: int, due: datetime) -> None:
    assert due_business_days(start, days, FRANCE, "Europe/Paris") == due


def test_due_business_days_reads_the_start_in_the_zone() -> None:
    # Mon 6 May 2024 22:30 UTC is Tue 7 May 00:30 CEST, a business day: + 1 business day is
    # Fri 10 May 00:30 CEST (8 and 9 May are holidays).
    start = datetime(2024, 5, 6, 22, 30, tzinfo=UTC)
    due = due_business_days(start, 1, FRANCE, "Europe/Paris")
    assert due == paris(2024, 5, 10, 0, 30)
    assert due.tzinfo == PARIS
    # The real time across Easter: Fri 29 Mar 09:00 UTC -> Tue 2 Apr 08:00 UTC.
    across = due_business_days(paris(2024, 3, 29, 10), 1, FRANCE, "Europe/Paris")
    # (Subtract in UTC: Python subtracts two Paris datetimes on the wall clock.)
    assert across.astimezone(UTC) - paris(2024, 3, 29, 10).astimezone(UTC) == 95 * H


def test_due_business_days_validation() -> None:
    with pytest.raises(SlaInputError, match="business days"):
        due_business_days(paris(2024, 5, 6), -1, FRANCE, "Europe/Paris")
    with pytest.raises(SlaInputError, match="Europe/Pariss"):
        due_business_days(paris(2024, 5, 6), 1, FRANCE, "Europe/Pariss")
    with pytest.raises(SlaInputError, match="2024-2024"):
        due_business_days(paris(2024, 12, 30), 5, FRANCE, "Europe/Paris")


def test_due_calendar_days() -> None:
    # Sat 30 Mar 2024 12:00 CET + 1 day = Sun 31 Mar 12:00 CEST (23 real hours).
    assert due_calendar_days(paris(2024, 3, 30, 12), 1, "Europe/Paris") == paris(2024, 3, 31, 12)
    # The same start given in UTC (11:00 UTC) is read on the Paris wall clock.
    start = datetime(2024, 3, 30, 11, tzinfo=UTC)
    assert due_calendar_days(start, 1, "Europe/Paris") == paris(2024, 3, 31, 12)
    # Teogest T15: data returned within 21 days. Mon 14 Oct 2024 09:00 CEST + 21 days
    # = 35 Oct = Mon 4 Nov 2024 09:00 CET.
    assert due_calendar_days(paris(2024, 10, 14, 9), 21, "Europe/Paris") == paris(2024, 11, 4, 9)
    with pytest.raises(SlaInputError, match="calendar days"):
        due_calendar_days(start, -2, "Europe/Paris")


def test_due_period() -> None:
    # Teogest T15: reversibility requested within 3 months after the end of the subscription.
    # 30 Nov 2024 12:00 + 3 months = 30 Feb 2025, clipped to 28 Feb 2025 12:00 CET.
    assert due_period(paris(2024, 11, 30, 12), Period(3, "month")) == paris(2025, 2, 28, 12)
    # Cegid API A2: a meeting within 15 days of the registered letter of Mon 21 Oct 2024 10:00
    # CEST: Tue 5 Nov 2024 10:00 CET.
    assert due_period(paris(2024, 10, 21, 10), Period(15, "day")) == paris(2024, 11, 5, 10)


# The night of 27 October 2024 in Paris: at 03:00 CEST (01:00 UTC) clocks go back to 02:00 CET,
# so 02:10 happens twice: 02:10 CEST (00:10 UTC, fold=0), then 02:10 CET (01:10 UTC, fold=1).
# Two datetimes of one zone compare by wall clock, so results are compared in UTC here.
EVERY_DAY = BusinessCalendar(
    workdays=frozenset(range(7)), holidays=(), first_year=2024, last_year=2024
)


def test_zero_days_from_the_second_reading_of_a_repeated_hour_is_the_start() -> None:
    start = datetime(2024, 10, 27, 2, 10, tzinfo=PARIS, fold=1)   # 02:10 CET = 01:10 UTC
    at_start = datetime(2024, 10, 27, 1, 10, tzinfo=UTC)
    # 0 calendar days (or months) after 02:10 CET is 02:10 CET itself, 01:10 UTC; reading the
    # unchanged wall time 02:10 afresh gives 02:10 CEST, 00:10 UTC, an hour before the start.
    assert due_calendar_days(start, 0, "Europe/Paris").astimezone(UTC) == at_start
    assert due_period(start, Period(0, "month")).astimezone(UTC) == at_start
    # Sunday 27 October is a business day of EVERY_DAY: 0 business days is the start itself.
    assert due_business_days(start, 0, EVERY_DAY, "Europe/Paris").astimezone(UTC) == at_start
    # 1 day later is Monday 28 October 02:10 CET (no repeated hour that night) = 01:10 UTC.
    after = datetime(2024, 10, 28, 1, 10, tzinfo=UTC)
    assert due_calendar_days(start, 1, "Europe/Paris").astimezone(UTC) == after
    assert due_business_days(start, 1, EVERY_DAY, "Europe/Paris").astimezone(UTC) == after
