"""Backup ladders (slac.runtime.retention): Teogest T7 and Cegid Loop L4/L5."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from slac.runtime.errors import SlaInputError, UnspecifiedError
from slac.runtime.periods import Period
from slac.runtime.retention import BackupLadder, BackupTier, RestorePoint

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


# Teogest T7 (Annexe 2 D): daily from 01:00 kept 1 week; weekly kept 1 month; monthly kept
# 1 year; yearly on 31 December kept 10 years. The text gives neither the weekday of the weekly
# copy nor the day of the monthly one; here the author chose Sunday and the 1st, all at 01:00.
TEOGEST = BackupLadder(
    "Europe/Paris",
    (
        BackupTier("daily", "day", 60, Period(1, "week")),
        BackupTier("weekly", "week", 60, Period(1, "month"), weekday=6),
        BackupTier("monthly", "month", 60, Period(1, "year"), day=1),
        BackupTier("yearly", "year", 60, Period(10, "year"), day=31, month=12),
    ),
)
# Cegid Loop L5 (Art. 6): daily every evening kept 1 week; weekly every weekend kept 5 weeks.
# The author chose 21:00 and Saturday.
LOOP = BackupLadder(
    "Europe/Paris",
    (
        BackupTier("daily", "day", 1260, Period(1, "week")),
        BackupTier("weekly", "week", 1260, Period(5, "week"), weekday=5),
    ),
)


def taken(points: list[RestorePoint]) -> list[tuple[str, datetime]]:
    return [(p.tier, p.taken_at) for p in points]


def test_teogest_restore_points_on_12_june_2024() -> None:
    at = paris(2024, 6, 12, 12)  # Wednesday 12 June 2024, 12:00 CEST
    # daily (kept 1 week): 12 June back to 6 June 01:00 (6 June expires 13 June 01:00 > at;
    #   5 June expired 12 June 01:00 <= at): 7 copies.
    # weekly, Sundays (kept 1 month): 9 June, 2 June, 26 May, 19 May (expires 19 June);
    #   12 May expired 12 June 01:00: 4 copies.
    # monthly, the 1st (kept 1 year): 1 June 2024 back to 1 July 2023 (expires 1 July 2024);
    #   1 June 2023 expired 1 June 2024: 12 copies.
    # yearly, 31 December (kept 10 years): 2023 back to 2014 (expires 31 Dec 2024);
    #   31 Dec 2013 expired 31 Dec 2023: 10 copies. 33 in all, newest first; on 9 June the
    #   daily copy comes before the weekly one (order of the tiers).
    expected = [
        ("daily", paris(2024, 6, 12, 1)),
        ("daily", paris(2024, 6, 11, 1)),
        ("daily", paris(2024, 6, 10, 1)),
        ("daily", paris(2024, 6, 9, 1)),
        ("weekly", paris(2024, 6, 9, 1)),
        ("daily", paris(2024, 6, 8, 1)),
        ("daily", paris(2024, 6, 7, 1)),
        ("daily", paris(2024, 6, 6, 1)),
        ("weekly", paris(2024, 6, 2, 1)),
        ("monthly", paris(2024, 6, 1, 1)),
        ("weekly", paris(2024, 5, 26, 1)),
        ("weekly", paris(2024, 5, 19, 1)),
        ("monthly", paris(2024, 5, 1, 1)),
        ("monthly", paris(2024, 4, 1, 1)),
        ("monthly", paris(2024, 3, 1, 1)),
        ("monthly", paris(2024, 2, 1, 1)),
        ("monthly", paris(2024, 1, 1, 1)),
        ("yearly", paris(2023, 12, 31, 1)),
        ("monthly", paris(2023, 12, 1, 1)),
        ("monthly", paris(2023, 11, 1, 1)),
        ("monthly", paris(2023, 10, 1, 1)),
        ("monthly", paris(2023, 9, 1, 1)),
        ("monthly", paris(2023, 8, 1, 1)),
        ("monthly", paris(2023, 7, 1, 1)),
    ] + [("yearly", paris(year, 12, 31, 1)) for year in range(2022, 2013, -1)]
    points = TEOGEST.restore_points(at)
    assert taken(points) == expected
    assert len(points) == 33
    # Each expiry is the copy's time plus its keep, on the wall clock.
    assert points[0].expires_at == paris(2024, 6, 19, 1)
    assert points[4].expires_at == paris(2024, 7, 9, 1)
    assert points[-1].expires_at == paris(2024, 12, 31, 1)


def test_bounds_are_half_open() -> None:
    # At exactly 12 June 01:00 the copy taken then is there, and the 5 June one (expiring
    # at 12 June 01:00) is gone.
    points = TEOGEST.restore_points(paris(2024, 6, 12, 1))
    daily = [p.taken_at for p in points if p.tier == "daily"]
    assert daily == [paris(2024, 6, day, 1) for day in range(12, 5, -1)]
    # One microsecond earlier, today's copy is not taken yet and 5 June is still there.
    points = TEOGEST.restore_points(paris(2024, 6, 12, 1) - timedelta(microseconds=1))
    daily = [p.taken_at for p in points if p.tier == "daily"]
    assert daily == [paris(2024, 6, day, 1) for day in range(11, 4, -1)]


def test_loop_restore_points_and_rpo() -> None:
    at = paris(2024, 6, 12, 12)
    # daily 21:00 (1 week): 11 June back to 5 June (expires 12 June 21:00 > at); 4 June expired
    #   11 June 21:00: 7 copies.
    # weekly Saturday 21:00 (5 weeks): 8 June, 1 June, 25 May, 18 May, 11 May (expires
    #   15 June); 4 May expired 8 June: 5 copies.
    points = LOOP.restore_points(at)
    assert [p.taken_at for p in points if p.tier == "daily"] == [
        paris(2024, 6, day, 21) for day in range(11, 4, -1)
    ]
    assert [p.taken_at for p in points if p.tier == "weekly"] == [
        paris(2024, 6, 8, 21),
        paris(2024, 6, 1, 21),
        paris(2024, 5, 25, 21),
        paris(2024, 5, 18, 21),
        paris(2024, 5, 11, 21),
    ]
    # L4: RPO 24 h. The newest copy (Tue 11 June 21:00) is 15 h old at Wed 12:00.
    latest = LOOP.latest_before(at)
    assert latest == RestorePoint("daily", paris(2024, 6, 11, 21), paris(2024, 6, 18, 21))
    assert LOOP.rpo_holds(at, timedelta(hours=24))
    assert not LOOP.rpo_holds(at, timedelta(hours=12))
    # At Wed 20:59 the newest is still Tue 21:00: 23 h 59 min old, within 24 h.
    assert LOOP.rpo_holds(paris(2024, 6, 12, 20, 59), timedelta(hours=24))
    # With weekly copies only, on Friday 14 June 12:00 the newest (Sat 8 June 21:00) is 5 days
    # and 15 hours old.
    weekly_only = BackupLadder("Europe/Paris", (LOOP.tiers[1],))
    assert not weekly_only.rpo_holds(paris(2024, 6, 14, 12), timedelta(hours=24))
    assert weekly_only.rpo_holds(paris(2024, 6, 14, 12), timedelta(days=5, hours=15))


def test_no_copy_and_rpo() -> None:
    # A copy kept for zero days is gone the moment it is taken.
    nothing = BackupLadder("Europe/Paris", (BackupTier("flash", "day", 0, Period(0, "day")),))
    assert nothing.restore_points(paris(2024, 6, 12)) == []
    assert nothing.latest_before(paris(2024, 6, 12)) is None
    assert not nothing.rpo_holds(paris(2024, 6, 12), timedelta(days=365))


def test_copy_time_in_the_spring_gap() -> None:
    # A daily copy at 02:30: on Sun 31 March 2024 02:30 does not exist, the copy is taken at the
    # end of the gap, 03:00 CEST (01:00 UTC); the day before at 02:30 CET (01:30 UTC).
    ladder = BackupLadder("Europe/Paris", (BackupTier("night", "day", 150, Period(2, "day")),))
    points = ladder.restore_points(paris(2024, 3, 31, 12))
    assert [p.taken_at.astimezone(UTC) for p in points] == [
        datetime(2024, 3, 31, 1, tzinfo=UTC),
        datetime(2024, 3, 30, 1, 30, tzinfo=UTC),
    ]


def test_month_end_copies_are_clipped() -> None:
    # "day 31" means the last day of each month: 30 April, 31 March, 29 February 2024.
    ladder = BackupLadder(
        "Europe/Paris", (BackupTier("end", "month", 1380, Period(3, "month"), day=31),)
    )
    points = ladder.restore_points(paris(2024, 5, 15))
    # Kept 3 months: 30 Apr (-> 30 Jul), 31 Mar (-> 30 Jun), 29 Feb (-> 29 May);
    # 31 Jan expired 30 Apr (31 Apr clipped).
    assert taken(points) == [
        ("end", paris(2024, 4, 30, 23)),
        ("end", paris(2024, 3, 31, 23)),
        ("end", paris(2024, 2, 29, 23)),
    ]
    assert [p.expires_at for p in points] == [
        paris(2024, 7, 30, 23),
        paris(2024, 6, 30, 23),
        paris(2024, 5, 29, 23),
    ]


def test_yearly_copy_not_yet_taken_this_year() -> None:
    # On 15 June 2024 the 31 December 2024 copy is in the future: newest is 31 Dec 2023.
    yearly = BackupLadder("Europe/Paris", (TEOGEST.tiers[3],))
    assert yearly.restore_points(paris(2024, 6, 15))[0].taken_at == paris(2023, 12, 31, 1)


def test_expires_at() -> None:
    # 31 Dec 2023 01:00 + 10 years = 31 Dec 2033 01:00; 31 Jan 2024 + 1 month = 29 Feb.
    assert TEOGEST.expires_at("yearly", paris(2023, 12, 31, 1)) == paris(2033, 12, 31, 1)
    assert TEOGEST.expires_at("weekly", paris(2024, 1, 31, 1)) == paris(2024, 2, 29, 1)
    # Given in UTC, counted on the Paris wall clock: 24 Mar 2024 00:00 UTC = 01:00 CET;
    # + 1 week = Sun 31 Mar 01:00 CET.
    expiry = TEOGEST.expires_at("daily", datetime(2024, 3, 24, 0, tzinfo=UTC))
    assert expiry == paris(2024, 3, 31, 1)
    with pytest.raises(SlaInputError, match="'hourly'"):
        TEOGEST.expires_at("hourly", paris(2024, 1, 1))


@pytest.mark.parametrize(
    ("tier", "said"),
    [
        (BackupTier("weekly", "week", 60, Period(1, "month")), "on which weekday"),
        (BackupTier("monthly", "month", 60, Period(1, "year")), "on which day of the month"),
        (BackupTier("yearly", "year", 60, Period(10, "year"), day=31), "in which month"),
        (BackupTier("yearly", "year", 60, Period(10, "year"), month=12), "on which day"),
    ],
)
def test_unspecified_tiers_are_reported(tier: BackupTier, said: str) -> None:
    ladder = BackupLadder("Europe/Paris", (TEOGEST.tiers[0], tier))
    with pytest.raises(UnspecifiedError, match=f"'{tier.name}'.*{said}"):
        ladder.restore_points(paris(2024, 6, 12))
    # The expiry does not depend on the missing day.
    assert ladder.expires_at(tier.name, paris(2024, 6, 2, 1)) > paris(2024, 6, 2, 1)


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: BackupTier("", "day", 0, Period(1, "day")), "name"),
        (lambda: BackupTier("x", "hour", 0, Period(1, "day")), "hour"),  # type: ignore[arg-type]
        (lambda: BackupTier("x", "day", 1440, Period(1, "day")), "at_minute"),
        (lambda: BackupTier("x", "day", 0, Period(1, "day"), weekday=2), "weekday=2"),
        (lambda: BackupTier("x", "week", 0, Period(1, "day"), weekday=7), "weekday"),
        (lambda: BackupTier("x", "week", 0, Period(1, "day"), day=3), "day=3"),
        (lambda: BackupTier("x", "year", 0, Period(1, "day"), day=30, month=2), "30"),
        (lambda: BackupTier("x", "day", 0, timedelta(days=1)), "Period"),  # type: ignore[arg-type]
        (lambda: BackupLadder("Europe/Paris", (TEOGEST.tiers[0],) * 2), "'daily'"),
        (lambda: BackupLadder("Paris", ()), "Paris"),
    ],
)
def test_validation(build: object, match: str) -> None:
    assert callable(build)
    with pytest.raises(SlaInputError, match=match):
        build()


def test_naive_instants_are_refused() -> None:
    with pytest.raises(SlaInputError, match="naive"):
        TEOGEST.restore_points(datetime(2024, 6, 12))
