"""Business-day calendars (slac.runtime.calendars), with French public holidays typed by hand."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st
from slac.runtime.calendars import BusinessCalendar
from slac.runtime.errors import SlaInputError

# French public holidays 2024 (Easter Sunday 31 March 2024):
#   Mon 1 Jan, Mon 1 Apr (Easter Monday), Wed 1 May, Wed 8 May, Thu 9 May (Ascension = Easter
#   + 39 days), Mon 20 May (Whit Monday = Easter + 50 days), Sun 14 Jul, Thu 15 Aug, Fri 1 Nov,
#   Mon 11 Nov, Wed 25 Dec.
# 2025 (Easter Sunday 20 April 2025):
#   Wed 1 Jan, Mon 21 Apr, Thu 1 May, Thu 8 May, Thu 29 May (Ascension), Mon 9 Jun (Whit Monday),
#   Mon 14 Jul, Fri 15 Aug, Sat 1 Nov, Tue 11 Nov, Thu 25 Dec.
FRENCH_HOLIDAYS: tuple[tuple[date, str], ...] = (
    (date(2024, 1, 1), "Jour de l'an"),
    (date(2024, 4, 1), "Lundi de Pâques"),
    (date(2024, 5, 1), "Fête du Travail"),
    (date(2024, 5, 8), "Victoire 1945"),
    (date(2024, 5, 9), "Ascension"),
    (date(2024, 5, 20), "Lundi de Pentecôte"),
    (date(2024, 7, 14), "Fête nationale"),
    (date(2024, 8, 15), "Assomption"),
    (date(2024, 11, 1), "Toussaint"),
    (date(2024, 11, 11), "Armistice 1918"),
    (date(2024, 12, 25), "Noël"),
    (date(2025, 1, 1), "Jour de l'an"),
    (date(2025, 4, 21), "Lundi de Pâques"),
    (date(2025, 5, 1), "Fête du Travail"),
    (date(2025, 5, 8), "Victoire 1945"),
    (date(2025, 5, 29), "Ascension"),
    (date(2025, 6, 9), "Lundi de Pentecôte"),
    (date(2025, 7, 14), "Fête nationale"),
    (date(2025, 8, 15), "Assomption"),
    (date(2025, 11, 1), "Toussaint"),
    (date(2025, 11, 11), "Armistice 1918"),
    (date(2025, 12, 25), "Noël"),
)
MON_FRI = frozenset(range(5))
FRANCE = BusinessCalendar(
    workdays=MON_FRI, holidays=FRENCH_HOLIDAYS, first_year=2024, last_year=2025
)


def test_hand_typed_holidays_match_the_holidays_package() -> None:
    # Cross-check only: the runtime never uses the holidays package.
    expected = sorted(holidays.country_holidays("FR", years=[2024, 2025]))
    assert [day for day, _ in FRENCH_HOLIDAYS] == expected


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 5, 1), "Fête du Travail"),
        (date(2024, 5, 8), "Victoire 1945"),
        (date(2024, 5, 9), "Ascension"),
        (date(2024, 5, 20), "Lundi de Pentecôte"),
    ],
)
def test_may_2024_holidays_are_not_business_days(day: date, name: str) -> None:
    assert day.weekday() < 5  # all four fall on a weekday in 2024
    assert not FRANCE.is_business_day(day)
    assert FRANCE.holiday_name(day) == name


def test_ordinary_days() -> None:
    # Fri 10 May 2024 (the bridge day after Ascension) is an ordinary business day.
    assert FRANCE.is_business_day(date(2024, 5, 10))
    assert FRANCE.holiday_name(date(2024, 5, 10)) is None
    # Sat 11 and Sun 12 May are not workdays.
    assert not FRANCE.is_business_day(date(2024, 5, 11))
    assert not FRANCE.is_business_day(date(2024, 5, 12))
    # Sun 14 July 2024 is a holiday on a weekend: named, and not a business day anyway.
    assert FRANCE.holiday_name(date(2024, 7, 14)) == "Fête nationale"


def test_business_days_in_may_2024() -> None:
    # May 2024 starts on a Wednesday: weekdays are 1-3, 6-10, 13-17, 20-24, 27-31 = 3 + 4*5 = 23;
    # minus the four weekday holidays (1, 8, 9, 20 May) = 19.
    assert FRANCE.business_days_between(date(2024, 5, 1), date(2024, 6, 1)) == 19


def test_business_days_in_2024() -> None:
    # 2024 has 366 days and starts on a Monday: 52 weeks + Mon 30 and Tue 31 Dec
    # = 52 * 5 + 2 = 262 weekdays. Weekday holidays: 1 Jan, 1 Apr, 1 May, 8 May, 9 May,
    # 20 May, 15 Aug, 1 Nov, 11 Nov, 25 Dec = 10 (14 July is a Sunday). 262 - 10 = 252.
    assert FRANCE.business_days_between(date(2024, 1, 1), date(2025, 1, 1)) == 252


def test_business_days_between_edges() -> None:
    assert FRANCE.business_days_between(date(2024, 5, 10), date(2024, 5, 10)) == 0
    # [Fri 10 May, Mon 13 May) holds only Friday.
    assert FRANCE.business_days_between(date(2024, 5, 10), date(2024, 5, 13)) == 1
    with pytest.raises(SlaInputError, match="before"):
        FRANCE.business_days_between(date(2024, 5, 13), date(2024, 5, 10))


def test_next_and_previous_business_day_around_may_holidays() -> None:
    # After Tue 7 May: Wed 8 (holiday), Thu 9 (Ascension) -> Fri 10 May.
    assert FRANCE.next_business_day(date(2024, 5, 7)) == date(2024, 5, 10)
    # After Fri 17 May: Sat 18, Sun 19, Mon 20 (Whit Monday) -> Tue 21 May.
    assert FRANCE.next_business_day(date(2024, 5, 17)) == date(2024, 5, 21)
    # Before Tue 21 May: Mon 20 (holiday), Sun 19, Sat 18 -> Fri 17 May.
    assert FRANCE.previous_business_day(date(2024, 5, 21)) == date(2024, 5, 17)
    # Inclusive keeps a business day, moves off a holiday.
    assert FRANCE.next_business_day(date(2024, 5, 10), inclusive=True) == date(2024, 5, 10)
    assert FRANCE.next_business_day(date(2024, 5, 9), inclusive=True) == date(2024, 5, 10)
    # Not inclusive: the next one strictly after.
    assert FRANCE.next_business_day(date(2024, 5, 10)) == date(2024, 5, 13)


def test_add_business_days() -> None:
    # From Tue 7 May: 1st business day after = Fri 10 May, 2nd = Mon 13 May.
    assert FRANCE.add_business_days(date(2024, 5, 7), 2) == date(2024, 5, 13)
    # Backwards from Fri 10 May: Thu 9, Wed 8 are holidays -> Tue 7 May.
    assert FRANCE.add_business_days(date(2024, 5, 10), -1) == date(2024, 5, 7)
    # Zero leaves the date alone, even on a holiday.
    assert FRANCE.add_business_days(date(2024, 5, 9), 0) == date(2024, 5, 9)
    # From Sat 18 May + 1: Mon 20 is Whit Monday -> Tue 21 May.
    assert FRANCE.add_business_days(date(2024, 5, 18), 1) == date(2024, 5, 21)


# Teogest T12 (Art. 14.5): debit on the 20th, or the closest business day before it.
# 2024 by hand: Jan 20 Sat -> 19; Feb 20 Tue; Mar 20 Wed; Apr 20 Sat -> Fri 19; May 20 is Whit
# Monday -> Fri 17; Jun 20 Thu; Jul 20 Sat -> 19; Aug 20 Tue; Sep 20 Fri; Oct 20 Sun -> Fri 18;
# Nov 20 Wed; Dec 20 Fri.
T12_DEBITS_2024 = [19, 20, 20, 19, 17, 20, 19, 20, 20, 18, 20, 20]


@pytest.mark.parametrize(("month", "debit_day"), list(enumerate(T12_DEBITS_2024, start=1)))
def test_t12_debit_dates_2024(month: int, debit_day: int) -> None:
    debit = FRANCE.previous_business_day(date(2024, month, 20), inclusive=True)
    assert debit == date(2024, month, debit_day)


def test_closed_days() -> None:
    # The provider closes on the bridge day Fri 10 May 2024.
    bridge = BusinessCalendar(
        workdays=MON_FRI,
        holidays=FRENCH_HOLIDAYS,
        closed=(date(2024, 5, 10),),
        first_year=2024,
        last_year=2025,
    )
    assert not bridge.is_business_day(date(2024, 5, 10))
    assert bridge.holiday_name(date(2024, 5, 10)) is None
    assert bridge.next_business_day(date(2024, 5, 7)) == date(2024, 5, 13)
    # May 2024: 19 business days minus the bridge day = 18.
    assert bridge.business_days_between(date(2024, 5, 1), date(2024, 6, 1)) == 18


def test_calendars_share_one_holiday_table() -> None:
    # Generated modules give every calendar with the same holidays one shared table.
    six_days = BusinessCalendar(
        workdays=frozenset(range(6)),
        holidays=FRENCH_HOLIDAYS,
        closed=(date(2024, 5, 10),),
        first_year=2024,
        last_year=2025,
    )
    assert six_days.holidays is FRANCE.holidays
    # Each keeps its own workdays and closed days: Sat 11 May 2024 and Fri 10 May.
    assert six_days.is_business_day(date(2024, 5, 11))
    assert not FRANCE.is_business_day(date(2024, 5, 11))
    assert FRANCE.is_business_day(date(2024, 5, 10))
    assert not six_days.is_business_day(date(2024, 5, 10))
    assert six_days.holiday_name(date(2024, 5, 20)) == "Lundi de Pentecôte"
    # May 2024: 23 weekdays + 4 Saturdays (4, 11, 18, 25) = 27, minus the four weekday holidays
    # (1, 8, 9, 20 May) and the closed 10 May = 22; France's count stays 19.
    assert six_days.business_days_between(date(2024, 5, 1), date(2024, 6, 1)) == 22
    assert FRANCE.business_days_between(date(2024, 5, 1), date(2024, 6, 1)) == 19


def test_years_outside_the_data_are_refused() -> None:
    with pytest.raises(SlaInputError, match="2024-2025"):
        FRANCE.is_business_day(date(2026, 1, 2))
    with pytest.raises(SlaInputError, match="2023-12-29"):
        FRANCE.holiday_name(date(2023, 12, 29))
    # Walking off the end of the data fails instead of looping or guessing.
    with pytest.raises(SlaInputError, match="2026-01-01"):
        FRANCE.next_business_day(date(2025, 12, 31))
    with pytest.raises(SlaInputError, match="2024-2025"):
        FRANCE.business_days_between(date(2025, 12, 1), date(2026, 1, 5))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"workdays": frozenset({7})}, "workday"),
        ({"workdays": {0, 1}}, "frozenset"),
        ({"holidays": ((date(2024, 5, 8), "b"), (date(2024, 5, 1), "a"))}, "sorted"),
        ({"holidays": ((date(2023, 5, 1), "a"),)}, "2023-05-01"),
        ({"holidays": ((date(2024, 5, 1),),)}, "pair"),
        ({"closed": (date(2030, 1, 2),)}, "2030-01-02"),
        ({"first_year": 2026}, "last_year"),
    ],
)
def test_calendar_validation(kwargs: dict[str, object], match: str) -> None:
    fields: dict[str, object] = {
        "workdays": MON_FRI,
        "holidays": FRENCH_HOLIDAYS,
        "first_year": 2024,
        "last_year": 2025,
    }
    fields.update(kwargs)
    with pytest.raises(SlaInputError, match=match):
        BusinessCalendar(**fields)  # type: ignore[arg-type]


def test_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        BusinessCalendar(MON_FRI, FRENCH_HOLIDAYS, (), 2024, 2025)  # type: ignore[call-arg]


covered = st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31))


@given(covered, covered)
def test_business_days_between_matches_day_by_day_count(a: date, b: date) -> None:
    low, high = min(a, b), max(a, b)
    count = sum(
        1 for i in range((high - low).days) if FRANCE.is_business_day(low + timedelta(days=i))
    )
    assert FRANCE.business_days_between(low, high) == count


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 10, 31)), st.integers(0, 40))
def test_add_business_days_counts_exactly_n(day: date, n: int) -> None:
    result = FRANCE.add_business_days(day, n)
    one = timedelta(days=1)
    # Business days in (day, result] is n; result is a business day when n > 0.
    assert FRANCE.business_days_between(day + one, result + one) == n
    if n:
        assert FRANCE.is_business_day(result)
