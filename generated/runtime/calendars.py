"""Business-day calendars: working weekdays minus public holidays and closed days."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from .errors import SlaInputError, Text
from .periods import require_date, require_int

_DAY = timedelta(days=1)
_WORKDAY = Text("name.workday", "workday")
_HOLIDAY = Text("name.holiday", "holiday")
_HOLIDAY_DATE = Text("name.holiday-date", "holiday date")
_CLOSED_DAY = Text("name.closed-day", "closed day")
_DATE = Text("name.date", "date")
_COUNT = Text("name.business-day-count", "business day count")
_START_DATE = Text("name.start-date", "start date")
_END_DATE = Text("name.end-date", "end date")
_VALID_TABLES: dict[tuple[int, int, int], object] = {}
"""Holiday tables found valid, by (id(table), first_year, last_year); the table itself is kept
(a table's id is not reused while it is held) and compared by identity."""
_VALID_TABLES_LIMIT = 64


@dataclass(frozen=True, kw_only=True)
class BusinessCalendar:
    """Business days: `workdays` (0 = Monday) that are neither a holiday nor a closed day.

    `holidays` are (date, name) pairs sorted by date, a table that calendars with the same
    holidays may share (the generated modules pass one `_holidays_*` table to all of them);
    `closed` lists extra closed days. The holiday data covers the years `first_year`..`last_year`;
    asking about any other year raises SlaInputError rather than guessing. Fields are
    keyword-only.
    """

    workdays: frozenset[int]
    holidays: tuple[tuple[date, str], ...]
    closed: tuple[date, ...] = ()
    first_year: int
    last_year: int

    def __post_init__(self) -> None:
        require_int("first_year", self.first_year, low=1, high=9999)
        require_int("last_year", self.last_year, low=self.first_year, high=9999)
        if not isinstance(self.workdays, frozenset):
            raise SlaInputError(
                "type.workdays", "workdays must be a frozenset of weekdays, got {value!r}",
                value=self.workdays,
            )
        for weekday in self.workdays:
            require_int(_WORKDAY, weekday, low=0, high=6)
        self._check_holidays()
        for closed in self.closed:
            self._covered(_CLOSED_DAY, require_date(_CLOSED_DAY, closed))

    def _check_holidays(self) -> None:
        """SlaInputError unless `holidays` are (date, name) pairs, sorted, in the covered years.

        A table found valid is remembered (`_VALID_TABLES`), so that the calendars sharing it
        check it once; only a tuple of plain (date, str) tuples, which cannot change, is.
        """
        table, years = self.holidays, (self.first_year, self.last_year)
        key = (id(table), *years)
        if _VALID_TABLES.get(key) is table:
            return
        plain = type(table) is tuple
        previous: date | None = None
        for entry in table:
            if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], str)):
                raise SlaInputError(
                    "type.holiday", "holiday must be a (date, name) pair, got {value!r}",
                    value=entry,
                )
            day = self._covered(_HOLIDAY, require_date(_HOLIDAY_DATE, entry[0]))
            if previous is not None and day <= previous:
                raise SlaInputError(
                    "holidays.order",
                    "holidays must be sorted by date without repeats: {day} comes after {previous}",
                    day=day.isoformat(), previous=previous.isoformat(),
                )
            previous = day
            plain = plain and type(entry) is tuple and type(day) is date and type(entry[1]) is str
        if plain:
            if len(_VALID_TABLES) >= _VALID_TABLES_LIMIT:
                _VALID_TABLES.clear()
            _VALID_TABLES[key] = table

    def _covered(self, what: str, d: date) -> date:
        if not self.first_year <= d.year <= self.last_year:
            raise SlaInputError(
                "calendar.years",
                "{what} {day} is outside the years the holiday data covers ({first}-{last})",
                what=what, day=d.isoformat(), first=self.first_year, last=self.last_year,
            )
        return d

    @cached_property
    def _names(self) -> dict[date, str]:
        return dict(self.holidays)

    @cached_property
    def _closed(self) -> frozenset[date]:
        return frozenset(self.closed)

    @cached_property
    def _off_workdays(self) -> tuple[date, ...]:
        """Sorted holidays and closed days that fall on a workday."""
        off = set(self._names) | self._closed
        return tuple(sorted(d for d in off if d.weekday() in self.workdays))

    def is_business_day(self, d: date) -> bool:
        """True if `d` is a workday, not a holiday and not closed; SlaInputError if not covered."""
        self._covered(_DATE, require_date(_DATE, d))
        return d.weekday() in self.workdays and d not in self._names and d not in self._closed

    def holiday_name(self, d: date) -> str | None:
        """The name of the public holiday on `d`, or None; SlaInputError if not covered."""
        self._covered(_DATE, require_date(_DATE, d))
        return self._names.get(d)

    def _step(self, d: date, step: timedelta) -> date:
        try:
            return d + step
        except OverflowError:
            raise SlaInputError(
                "calendar.no-business-day", "no business day found next to {day}", day=d.isoformat()
            ) from None

    def next_business_day(self, d: date, inclusive: bool = False) -> date:
        """The first business day after `d` (or `d` itself if `inclusive` and it is one)."""
        current = d if inclusive else self._step(require_date(_DATE, d), _DAY)
        while not self.is_business_day(current):
            current = self._step(current, _DAY)
        return current

    def previous_business_day(self, d: date, inclusive: bool = False) -> date:
        """The last business day before `d` (or `d` itself if `inclusive` and it is one).

        Teogest T12 debits on the 20th or the closest business day before it:
        `previous_business_day(date(y, m, 20), inclusive=True)`.
        """
        current = d if inclusive else self._step(require_date(_DATE, d), -_DAY)
        while not self.is_business_day(current):
            current = self._step(current, -_DAY)
        return current

    def add_business_days(self, d: date, n: int) -> date:
        """The `n`-th business day after `d` (before it when n < 0); `d` itself when n == 0.

        `d` itself is never counted, so it need not be a business day.
        """
        require_date(_DATE, d)
        require_int(_COUNT, n)
        current = d
        for _ in range(abs(n)):
            current = (self.next_business_day if n > 0 else self.previous_business_day)(current)
        return current

    def business_days_between(self, a: date, b: date) -> int:
        """Number of business days in [a, b); SlaInputError if b is before a."""
        require_date(_START_DATE, a)
        require_date(_END_DATE, b)
        if b < a:
            raise SlaInputError(
                "dates.order", "end date {end} is before start date {start}",
                end=b.isoformat(), start=a.isoformat(),
            )
        if a == b:
            return 0
        self._covered(_DATE, a)
        self._covered(_DATE, b - _DAY)
        weeks, rest = divmod((b - a).days, 7)
        count = weeks * len(self.workdays)
        count += sum(1 for i in range(rest) if (a.weekday() + i) % 7 in self.workdays)
        off = self._off_workdays
        return count - (bisect.bisect_left(off, b) - bisect.bisect_left(off, a))
