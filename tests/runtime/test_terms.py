"""Contract terms and notice (slac.runtime.terms): Cegid Loop L9, Teogest T13 and T19."""

from __future__ import annotations

from datetime import date

import pytest
from slac.runtime.errors import SlaInputError
from slac.runtime.periods import Period
from slac.runtime.terms import FixedTerm, TenureNotice, survival_end

MONTH, YEAR = Period(1, "month"), Period(1, "year")

# Cegid Loop L9 (Art. 9): 12 months from the order, tacitly renewed for 12-month periods,
# notice at least 3 months before the term.
L9 = FixedTerm(Period(12, "month"), Period(12, "month"), Period(3, "month"))
ORDER = date(2024, 1, 15)  # order received Mon 15 January 2024
# Terms: [2024-01-15, 2025-01-15), [2025-01-15, 2026-01-15), ...; last days 2025-01-14, ...

# Teogest T13 (Art. 20): < 1 year -> end of the month of the request; otherwise 1 month +
# 1 month per full year, from the 1st of the month after the request.
T13 = TenureNotice(YEAR, MONTH, MONTH)


@pytest.mark.parametrize(
    ("on", "end"),
    [
        (date(2024, 1, 15), date(2025, 1, 14)),
        (date(2024, 6, 1), date(2025, 1, 14)),
        (date(2025, 1, 14), date(2025, 1, 14)),
        (date(2025, 1, 15), date(2026, 1, 14)),
        (date(2030, 7, 1), date(2031, 1, 14)),
    ],
)
def test_l9_term_end(on: date, end: date) -> None:
    assert L9.term_end(ORDER, on) == end


def test_l9_last_notice_day() -> None:
    # First term ends 2025-01-14, so the first day after it is 2025-01-15; minus 3 months is
    # 2024-10-15; notice given during a day counts at its end, so the last day is 2024-10-14.
    assert L9.last_notice_day(ORDER, date(2024, 6, 1)) == date(2024, 10, 14)
    assert L9.last_notice_day(ORDER, date(2024, 10, 14)) == date(2024, 10, 14)
    # From 15 October 2024 it is too late for the first term: 2026-01-15 - 3 months - 1 day.
    assert L9.last_notice_day(ORDER, date(2024, 10, 15)) == date(2025, 10, 14)
    assert L9.last_notice_day(ORDER, date(2025, 1, 20)) == date(2025, 10, 14)


def test_l9_effective_termination() -> None:
    # In time for the first term: the service ends on its last day, 2025-01-14.
    assert L9.effective_termination(ORDER, date(2024, 10, 14)) == date(2025, 1, 14)
    # One day late: the contract renews once and ends 2026-01-14.
    assert L9.effective_termination(ORDER, date(2024, 10, 15)) == date(2026, 1, 14)
    assert L9.effective_termination(ORDER, date(2024, 2, 1)) == date(2025, 1, 14)


def test_l9_renewal_dates() -> None:
    until = date(2027, 1, 15)
    assert L9.renewal_dates(ORDER, until) == [
        date(2025, 1, 15),
        date(2026, 1, 15),
        date(2027, 1, 15),
    ]
    assert L9.renewal_dates(ORDER, date(2027, 1, 14)) == [date(2025, 1, 15), date(2026, 1, 15)]
    assert L9.renewal_dates(ORDER, date(2024, 12, 31)) == []


def test_month_end_start_does_not_drift() -> None:
    # Monthly from 31 Jan 2024: boundaries 29 Feb, 31 Mar, 30 Apr, 31 May, 30 Jun (each counted
    # from 31 January, clipped), not 29 Mar, 29 Apr... from 29 February.
    monthly = FixedTerm(MONTH, MONTH, Period(0, "day"))
    start = date(2024, 1, 31)
    assert monthly.renewal_dates(start, date(2024, 6, 30)) == [
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
        date(2024, 6, 30),
    ]
    # The term running on 15 March is [29 Feb, 31 Mar): last day 30 March.
    assert monthly.term_end(start, date(2024, 3, 15)) == date(2024, 3, 30)
    # Mixed units: 1 year then renewals of 6 weeks, counted from the end of the first year.
    mixed = FixedTerm(YEAR, Period(6, "week"), MONTH)
    # 2024-01-31 + 1 year = 2025-01-31; + 6 weeks = 2025-03-14; + 6 weeks = 2025-04-25.
    assert mixed.renewal_dates(start, date(2025, 5, 1)) == [
        date(2025, 1, 31),
        date(2025, 3, 14),
        date(2025, 4, 25),
    ]


def test_non_renewing_term() -> None:
    once = FixedTerm(Period(12, "month"), None, Period(3, "month"))
    assert once.term_end(ORDER, date(2024, 12, 1)) == date(2025, 1, 14)
    assert once.renewal_dates(ORDER, date(2030, 1, 1)) == []
    assert once.effective_termination(ORDER, date(2024, 10, 14)) == date(2025, 1, 14)
    with pytest.raises(SlaInputError, match="not renewed"):
        once.term_end(ORDER, date(2025, 1, 15))
    with pytest.raises(SlaInputError, match="not renewed"):
        once.effective_termination(ORDER, date(2024, 10, 15))


def test_fixed_term_validation() -> None:
    with pytest.raises(SlaInputError, match="initial term"):
        FixedTerm(Period(0, "month"), MONTH, MONTH)
    with pytest.raises(SlaInputError, match="renewal"):
        FixedTerm(MONTH, Period(0, "year"), MONTH)
    with pytest.raises(SlaInputError, match="notice"):
        FixedTerm(MONTH, MONTH, 3)  # type: ignore[arg-type]
    with pytest.raises(SlaInputError, match="before the contract start"):
        L9.term_end(ORDER, date(2024, 1, 14))


@pytest.mark.parametrize(
    ("subscribed", "requested", "months", "last_day"),
    [
        # 0 full years (4 months of subscription): no notice, end of the month of the request.
        (date(2024, 1, 10), date(2024, 5, 15), 0, date(2024, 5, 31)),
        # 1 full year (2023-03-01 -> 2024-03-01 <= 2024-05-15 < 2025-03-01): 1 + 1 = 2 months
        # from 1 June 2024: June and July, last day 31 July 2024.
        (date(2023, 3, 1), date(2024, 5, 15), 2, date(2024, 7, 31)),
        # 3 full years (2022-02-10, 2023-02-10, 2024-02-10 <= 2024-05-15): 1 + 3 = 4 months
        # from 1 June 2024: June-September, last day 30 September 2024.
        (date(2021, 2, 10), date(2024, 5, 15), 4, date(2024, 9, 30)),
        # One day short of a year: still a short tenure.
        (date(2023, 5, 15), date(2024, 5, 14), 0, date(2024, 5, 31)),
        # Exactly one year: 2 months, June and July.
        (date(2023, 5, 15), date(2024, 5, 15), 2, date(2024, 7, 31)),
        # Subscribed 29 Feb 2024: the first anniversary is 28 Feb 2025 (clipped): 1 full year,
        # 2 months from 1 March 2025: last day 30 April 2025.
        (date(2024, 2, 29), date(2025, 2, 28), 2, date(2025, 4, 30)),
        # Requested on 31 Dec 2024 after 4 full years (since 2020-01-01): 5 months from
        # 1 January 2025: last day 31 May 2025.
        (date(2020, 1, 1), date(2024, 12, 31), 5, date(2025, 5, 31)),
    ],
)
def test_t13_notice(subscribed: date, requested: date, months: int, last_day: date) -> None:
    assert T13.notice_months(subscribed, requested) == months
    assert T13.effective_termination(subscribed, requested) == last_day


def test_t13_engagement_end() -> None:
    # 1 full year, notice ends 31 July 2024; an engagement to 31 December 2024 prevails.
    subscribed, requested = date(2023, 3, 1), date(2024, 5, 15)
    assert T13.effective_termination(subscribed, requested, date(2024, 12, 31)) == date(
        2024, 12, 31
    )
    # An engagement ending 30 June 2024, before the notice: the notice end (31 July) prevails.
    assert T13.effective_termination(subscribed, requested, date(2024, 6, 30)) == date(2024, 7, 31)
    # Short tenure with a one-year engagement from 10 January 2024 (last day 9 January 2025).
    assert T13.effective_termination(date(2024, 1, 10), date(2024, 5, 15), date(2025, 1, 9)) == (
        date(2025, 1, 9)
    )


def test_t13_notice_start() -> None:
    assert T13.notice_start(date(2024, 5, 15)) == date(2024, 6, 1)
    assert T13.notice_start(date(2024, 12, 1)) == date(2025, 1, 1)
    assert T13.notice_start(date(2024, 1, 31)) == date(2024, 2, 1)


def test_t13_validation() -> None:
    with pytest.raises(SlaInputError, match="before the subscription"):
        T13.effective_termination(date(2024, 5, 1), date(2024, 4, 1))
    with pytest.raises(SlaInputError, match="months or years"):
        TenureNotice(YEAR, Period(30, "day"), MONTH)
    subscribed, requested, text = date(2023, 3, 1), date(2024, 5, 15), "2024-12-31"
    with pytest.raises(SlaInputError, match="engagement end"):
        T13.effective_termination(subscribed, requested, text)  # type: ignore[arg-type]
    # A per-year step in years counts 12 months each: 1 month + 2 full years x 12 = 25 months.
    yearly = TenureNotice(YEAR, MONTH, YEAR)
    assert yearly.notice_months(date(2022, 1, 1), date(2024, 1, 1)) == 25


def test_survival_end() -> None:
    # Teogest T19: confidentiality survives 3 years after the end (last day 30 June 2024).
    assert survival_end(date(2024, 6, 30), Period(3, "year")) == date(2027, 6, 30)
    # Cegid API A3: 5 years; from 29 Feb 2024 the day is clipped to 28 Feb 2029.
    assert survival_end(date(2024, 2, 29), Period(5, "year")) == date(2029, 2, 28)
    # Teogest T19 non-solicitation: 12 months.
    assert survival_end(date(2024, 6, 30), Period(12, "month")) == date(2025, 6, 30)
