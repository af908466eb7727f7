"""Recurring weekly windows in a time zone: occurrences, membership, business-time arithmetic."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cached_property
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .calendars import BusinessCalendar
from .errors import SlaInputError, Text
from .intervals import Interval, require_aware, require_list, unchecked_interval
from .periods import localise, require_int, zone_info

_DAY = timedelta(days=1)
_ZERO = timedelta()
_UTC = timezone.utc
_WEEK_MINUTES = 7 * 1440
_WEEKDAYS = (
    Text("day.mon", "Mon"), Text("day.tue", "Tue"), Text("day.wed", "Wed"),
    Text("day.thu", "Thu"), Text("day.fri", "Fri"), Text("day.sat", "Sat"),
    Text("day.sun", "Sun"),
)
_RANGE_WEEKDAY = Text("name.range-weekday", "range weekday")
_RANGE_START = Text("name.range-start", "range start minute")
_RANGE_LENGTH = Text("name.range-length", "range length in minutes")
_CACHE_LIMIT = 100_000
_YEARS_LIMIT = 200
_TABLE_AFTER = 50
"""Questions about one year answered day by day before the year's table is built.

A year's table reads all the year's days; a single question reads a few. So a schedule asked
once or twice (a worked example) never builds one, and one asked thousands of times (a batch of
deadlines) reads each of its years once and answers every question by bisection."""

_Segment = tuple[datetime, datetime]


class _Day(NamedTuple):
    """The schedule's time inside one local day, as merged UTC segments."""

    start: datetime
    end: datetime
    segments: tuple[_Segment, ...]


class _Year(NamedTuple):
    """The schedule's time inside one local year, for lookups by bisection.

    `bounds` holds the year's merged UTC segments flattened, [start, end, start, end, ...], so
    an instant is inside the schedule when an odd number of bounds are <= it. `elapsed[k]` is
    the schedule time from the year's start to `bounds[k]`, a non-decreasing running total.
    """

    year: int
    first: datetime
    after: datetime
    bounds: list[datetime]
    elapsed: list[timedelta]
    total: timedelta


@dataclass(frozen=True)
class WeeklyRange:
    """A weekly window: starts on `weekday` (0 = Monday) at `start_minute` local wall time.

    It lasts `length_minutes` of wall-clock time and may cross midnight or span days:
    Tue 21:00 -> Wed 06:00 is WeeklyRange(1, 1260, 540); Fri 22:00 -> Sat 24:00 is
    WeeklyRange(4, 1320, 1560). At most one week long.
    """

    weekday: int
    start_minute: int
    length_minutes: int

    def __post_init__(self) -> None:
        require_int(_RANGE_WEEKDAY, self.weekday, low=0, high=6)
        require_int(_RANGE_START, self.start_minute, low=0, high=1439)
        require_int(_RANGE_LENGTH, self.length_minutes, low=1, high=_WEEK_MINUTES)

    @property
    def reach_days(self) -> int:
        """How many days after its start day the range can still run into."""
        return (self.start_minute + self.length_minutes - 1) // 1440


def _show(instant: datetime, zone: ZoneInfo) -> Text:
    local = instant.astimezone(zone)
    return Text(
        "instant", "{weekday} {when} {zone}",
        weekday=_WEEKDAYS[local.weekday()], when=f"{local:%Y-%m-%d %H:%M}", zone=local.tzname(),
    )


def _label(number: int, use: Interval, zone: ZoneInfo) -> Text:
    return Text(
        "use.label", "use {number} ({start} -> {end})",
        number=number, start=_show(use.start, zone), end=_show(use.end, zone),
    )


def _merged(pieces: list[_Segment]) -> tuple[_Segment, ...]:
    """The segments sorted, overlapping or touching ones joined."""
    merged: list[_Segment] = []
    for low, high in sorted(pieces):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return tuple(merged)


_CLOCK_YEARS = range(2, 9999)
"""The years whose days `Schedule._read_day` reads with a `_WallClock`: a week or more away
from the ends of years 1-9999, where no wall time of a range can leave them."""


class _WallClock:
    """The wall-clock minutes of one local day (0 to 1440) as UTC instants, read as
    `periods.localise` reads them.

    Away from a DST change, minute m of the day is the day's first instant plus m minutes. That
    guess is taken only when the zone shows, at it, the wall time asked for (its UTC offset is
    the one the day began with) as its first occurrence (fold 0), which is the instant
    `localise` gives; any other minute (in a spring gap, in a repeated autumn hour, after a
    change, or on a day beginning in a gap) is read by `localise` itself. So a minute costs one
    conversion from UTC instead of the five of `localise`, for the same instant.
    """

    __slots__ = ("_zone", "_midnight", "_start", "_offset")

    def __init__(self, zone: ZoneInfo, day: date, start: datetime) -> None:
        """`start` is the day's first instant, in UTC: local midnight read by `localise`."""
        self._zone = zone
        self._midnight = datetime(day.year, day.month, day.day)
        self._start = start
        self._offset = self._midnight - start.replace(tzinfo=None)

    def at(self, minute: int) -> datetime:
        """The UTC instant of the day's wall-clock `minute`."""
        if not minute:
            return self._start
        step = timedelta(minutes=minute)
        guess = self._start + step
        shown = guess.astimezone(self._zone)
        if not shown.fold and shown.utcoffset() == self._offset:
            return guess
        return localise(self._midnight + step, self._zone).astimezone(_UTC)


@dataclass(frozen=True)
class Schedule:
    """A set of weekly ranges in the IANA zone `zone`, optionally kept to business days.

    When `business_days_only`, an occurrence is kept only if the local date it starts on is a
    business day of `calendar` (Cegid Loop's reference period: Mon-Fri 07:00-20:00 except French
    public holidays; a night range starting on a holiday is dropped as a whole).

    Local wall times become instants with `periods.localise`: an ambiguous time (autumn) is
    read as its first occurrence (fold=0); a nonexistent time (spring gap) moves to the end of
    the gap. So Sat 21:00 -> Sun 06:00 lasts 8 real hours on 30/31 March 2024 and 10 real hours
    on 26/27 October 2024 in Europe/Paris. Intervals are returned in UTC, so that their
    `duration` is real time; instants are returned in the schedule's zone.
    """

    zone: str
    ranges: tuple[WeeklyRange, ...]
    calendar: BusinessCalendar | None = None
    business_days_only: bool = False

    def __post_init__(self) -> None:
        zone_info(self.zone)
        if not isinstance(self.ranges, tuple) or not all(
            isinstance(r, WeeklyRange) for r in self.ranges
        ):
            raise SlaInputError(
                "type.ranges", "ranges must be a tuple of WeeklyRange, got {value!r}",
                value=self.ranges,
            )
        if self.calendar is not None and not isinstance(self.calendar, BusinessCalendar):
            raise SlaInputError(
                "type.calendar", "{name} must be a BusinessCalendar, got {value!r}",
                name="calendar", value=self.calendar,
            )
        if not isinstance(self.business_days_only, bool):
            raise SlaInputError(
                "type.bool", "{name} must be a bool, got {value!r}",
                name="business_days_only", value=self.business_days_only,
            )
        if self.business_days_only and self.calendar is None:
            raise SlaInputError(
                "schedule.calendar", "business_days_only=True needs a calendar, got calendar=None"
            )

    @cached_property
    def _tz(self) -> ZoneInfo:
        return zone_info(self.zone)

    @cached_property
    def _by_weekday(self) -> tuple[tuple[WeeklyRange, ...], ...]:
        return tuple(tuple(r for r in self.ranges if r.weekday == day) for day in range(7))

    @cached_property
    def _lookback(self) -> int:
        return max((r.reach_days for r in self.ranges), default=0)

    @cached_property
    def _days(self) -> dict[date, _Day]:
        return {}

    @cached_property
    def _years(self) -> dict[int, _Year | None]:
        return {}

    @cached_property
    def _asked(self) -> dict[int, int]:
        return {}

    @cached_property
    def _recent(self) -> list[_Year]:
        """The table last used, checked first: a batch of questions tends to stay in one year."""
        return []

    def _instant(self, day: date, minute: int) -> datetime:
        try:
            wall = datetime(day.year, day.month, day.day) + timedelta(minutes=minute)
            return localise(wall, self._tz).astimezone(_UTC)
        except (OverflowError, SlaInputError):
            raise _beyond_years() from None

    def _kept(self, day: date) -> bool:
        if not self.business_days_only or self.calendar is None:
            return True
        return self.calendar.is_business_day(day)

    def _local_date(self, instant: datetime) -> date:
        return instant.astimezone(self._tz).date()

    def _day(self, day: date) -> _Day:
        """Merged schedule time inside local day `day` (cached)."""
        cached = self._days.get(day)
        if cached is not None:
            return cached
        try:
            return self._read_day(day)
        except OverflowError:
            raise _beyond_years() from None

    def _read_day(self, day: date) -> _Day:
        """Merged schedule time inside local day `day`, kept in the day cache.

        A range's wall times are clipped to the day before they are read: `localise` is
        monotonic, so the instant of a clipped wall time is the clipped instant, and a range
        that misses the day on the wall clock misses it in real time. The day's minutes are
        read with a `_WallClock` started at the day's first instant (the previous day's end
        when that day is kept). Days near years 1 and 9999 are read instant by instant, so that
        a range reaching outside the years datetime holds is refused as it always was.
        """
        if day.year not in _CLOCK_YEARS:
            return self._keep(day, self._read_day_by_instants(day))
        before = self._days.get(day - _DAY)
        clock = _WallClock(self._tz, day, self._instant(day, 0) if before is None else before.end)
        pieces: list[_Segment] = []
        for back in range(self._lookback + 1):
            origin = day - back * _DAY
            for r in self._by_weekday[origin.weekday()]:
                first = r.start_minute - back * 1440  # in minutes from the day's midnight
                last = first + r.length_minutes
                if last <= 0 or first >= 1440:
                    continue
                low, high = clock.at(max(first, 0)), clock.at(min(last, 1440))
                if low < high and self._kept(origin):
                    pieces.append((low, high))
        return self._keep(day, _Day(clock.at(0), clock.at(1440), _merged(pieces)))

    def _read_day_by_instants(self, day: date) -> _Day:
        """`_read_day` reading every wall time of every range with `_instant`."""
        start, end = self._instant(day, 0), self._instant(day, 1440)
        pieces: list[_Segment] = []
        for back in range(self._lookback + 1):
            origin = day - timedelta(days=back)
            for r in self._by_weekday[origin.weekday()]:
                low = max(start, self._instant(origin, r.start_minute))
                high = min(end, self._instant(origin, r.start_minute + r.length_minutes))
                if low < high and self._kept(origin):
                    pieces.append((low, high))
        return _Day(start, end, _merged(pieces))

    def _keep(self, day: date, result: _Day) -> _Day:
        if len(self._days) >= _CACHE_LIMIT:
            self._days.clear()
        self._days[day] = result
        return result

    def _year(self, year: int) -> _Year | None:
        """The running total of schedule time over local year `year` (cached).

        Built from the days of `_day`, so holidays and DST changes are those of the day-by-day
        reading. None when one of the year's days cannot be read (outside the calendar's years
        or years 1-9999): questions about that year are then answered day by day, which reads
        only the days they need.
        """
        if year in self._years:
            return self._years[year]
        bounds: list[datetime] = []
        elapsed: list[timedelta] = []
        done = _ZERO
        try:
            first = date(year, 1, 1)
            for number in range((date(year + 1, 1, 1) - first).days):
                for low, high in self._day(first + number * _DAY).segments:
                    if bounds and bounds[-1] == low:  # the same window, going on past midnight
                        bounds.pop()
                        elapsed.pop()
                    else:
                        bounds.append(low)
                        elapsed.append(done)
                    done += high - low
                    bounds.append(high)
                    elapsed.append(done)
            result: _Year | None = _Year(
                year, self._instant(first, 0), self._instant(date(year + 1, 1, 1), 0),
                bounds, elapsed, done,
            )
        except (ValueError, OverflowError):
            result = None
        if len(self._years) >= _YEARS_LIMIT:
            self._years.clear()
        self._years[year] = result
        return result

    def _table(self, moment: datetime) -> _Year | None:
        """The table of the local year holding the UTC instant `moment`, or None to read days.

        None also while the year has been asked about fewer than _TABLE_AFTER times.
        """
        recent = self._recent
        if recent and recent[0].first <= moment < recent[0].after:
            return recent[0]
        year = moment.year
        # Local dates are less than a day away from UTC ones: only these two can change year.
        if (moment.month, moment.day) in ((1, 1), (12, 31)):
            year = moment.astimezone(self._tz).year
        years = self._years
        if year in years:
            table = years[year]
        else:
            if len(self._asked) >= _YEARS_LIMIT:
                self._asked.clear()
            asked = self._asked[year] = self._asked.get(year, 0) + 1
            table = None if asked < _TABLE_AFTER else self._year(year)
        if table is not None:
            recent[:] = [table]
        return table

    def _segments(self, low: datetime, high: datetime) -> Iterator[_Segment]:
        """Schedule segments clipped to the UTC span [low, high), in order, day by day."""
        day, last = self._local_date(low), self._local_date(high)
        while day <= last:
            for start, end in self._day(day).segments:
                clipped = max(start, low), min(end, high)
                if clipped[0] < clipped[1]:
                    yield clipped
            day += _DAY

    def occurrences(self, within: Interval) -> list[Interval]:
        """The schedule's windows clipped to `within`: merged, sorted, in UTC.

        Windows that started before `within` (a night range begun the previous evening, a
        weekend range) are included for their part inside it.
        """
        if not isinstance(within, Interval):
            raise SlaInputError(
                "type.interval", "{name} must be an Interval, got {value!r}",
                name="within", value=within,
            )
        low = require_aware("start", within.start).astimezone(_UTC)
        high = require_aware("end", within.end).astimezone(_UTC)
        _require_span(low, high)
        result: list[Interval] = []
        for start, end in self._segments(low, high):  # aware UTC bounds, start < end
            if result and result[-1].end == start:
                result[-1] = unchecked_interval(result[-1].start, end)
            else:
                result.append(unchecked_interval(start, end))
        return result

    def contains(self, instant: datetime) -> bool:
        """True if `instant` lies inside one of the schedule's windows."""
        require_aware("instant", instant)
        try:
            moment = instant.astimezone(_UTC)
            table = self._table(moment)
            if table is not None:
                return bisect.bisect_right(table.bounds, moment) % 2 == 1
            segments = self._day(self._local_date(moment)).segments
        except OverflowError:
            raise _beyond_years() from None
        return any(low <= moment < high for low, high in segments)

    def add_time(self, start: datetime, amount: timedelta) -> datetime:
        """The instant at which `amount` of schedule time has elapsed after `start`.

        Counting begins at `start` if it is inside a window, else at the next window. The result
        is the earliest such instant (the end of a window, not the start of the next one, when
        the amount runs out exactly there); a zero amount returns the instant `start`. Result in
        the schedule's zone. Once a year has been asked about often, its running total of
        schedule time answers by bisection; the answers are those of the day-by-day walk.
        """
        require_aware("start", start)
        remaining = _require_duration("amount", amount)
        if not self.ranges:
            raise SlaInputError(
                "schedule.empty", "schedule in {zone} has no ranges: no time can elapse in it",
                zone=self.zone,
            )
        try:
            cursor = start.astimezone(_UTC)
            if not remaining:
                return cursor.astimezone(self._tz)
            due = self._add_by_years(cursor, remaining)
            if due is None:
                due = self._add_by_days(cursor, remaining)
            return due.astimezone(self._tz)
        except OverflowError:
            raise _beyond_years() from None

    def _add_by_years(self, cursor: datetime, amount: timedelta) -> datetime | None:
        """`add_time` on the yearly running totals (`amount` > 0, `cursor` in UTC).

        None when a year on the way has no table: the caller then walks day by day.
        """
        table = self._table(cursor)
        if table is None:
            return None
        bounds, elapsed = table.bounds, table.elapsed
        index = bisect.bisect_right(bounds, cursor)
        if index % 2:  # inside a window
            target = elapsed[index - 1] + (cursor - bounds[index - 1]) + amount
        else:
            target = (elapsed[index - 1] if index else _ZERO) + amount
        while target > table.total:
            target -= table.total
            following = self._year(table.year + 1)
            if following is None:
                return None
            table = following
        # The first running total reaching the target is the end of the window in which the
        # target is reached (an odd index, as the total does not grow between windows).
        index = bisect.bisect_left(table.elapsed, target)
        return table.bounds[index] - (table.elapsed[index] - target)

    def _add_by_days(self, cursor: datetime, amount: timedelta) -> datetime:
        """`add_time` walking the local days from the cursor's (`amount` > 0, UTC cursor)."""
        day = self._local_date(cursor)
        while True:
            info = self._day(day)
            for low, high in info.segments:
                if high <= cursor:
                    continue
                low = max(low, cursor)
                if high - low >= amount:
                    return low + amount
                amount -= high - low
            cursor, day = info.end, day + _DAY

    def time_between(self, a: datetime, b: datetime) -> timedelta:
        """Schedule time inside [a, b); SlaInputError if b is before a."""
        low = require_aware("start", a).astimezone(_UTC)
        high = require_aware("end", b).astimezone(_UTC)
        if high < low:
            raise SlaInputError(
                "instants.order", "end {end} is before start {start}",
                end=b.isoformat(), start=a.isoformat(),
            )
        _require_span(low, high)
        return sum((end - start for start, end in self._segments(low, high)), timedelta())

    def weekly_minutes(self) -> int:
        """Wall-clock minutes the ranges cover in a plain week, overlaps counted once."""
        spans: list[tuple[int, int]] = []
        for r in self.ranges:
            first = r.weekday * 1440 + r.start_minute
            last = first + r.length_minutes
            spans.append((first, min(last, _WEEK_MINUTES)))
            if last > _WEEK_MINUTES:
                spans.append((0, last - _WEEK_MINUTES))
        covered = 0
        reached = 0
        for first, last in sorted(spans):
            if last > reached:
                covered += last - max(first, reached)
                reached = last
        return covered

    def _occurrence_at(self, moment: datetime) -> tuple[date, datetime] | None:
        """(start date, start) of the earliest-starting single range occurrence holding `moment`."""
        found: tuple[date, datetime] | None = None
        today = self._local_date(moment)
        for back in range(self._lookback + 1):
            origin = today - timedelta(days=back)
            for r in self._by_weekday[origin.weekday()]:
                low = self._instant(origin, r.start_minute)
                high = self._instant(origin, r.start_minute + r.length_minutes)
                earliest = found is None or low < found[1]
                if low <= moment < high and earliest and self._kept(origin):
                    found = (origin, low)
        return found

    def check_uses(
        self,
        uses: Sequence[Interval],
        *,
        notice: timedelta | None,
        announced: Sequence[datetime] | None,
        max_per_month: int | None,
    ) -> list[str]:
        """Violations of planned uses of this window (maintenance), as readable messages.

        Each use must lie inside the schedule's windows. When both `notice` and `announced`
        (one announcement per use) are given, each use must start at least `notice` after its
        announcement. When `max_per_month` is given, at most that many distinct occurrences may
        be used per calendar month; a use belongs to the single range occurrence holding its
        start (the earliest-starting one if ranges overlap) and counts in the month of that
        occurrence's local start date (Teogest T2: Friday 22:00 -> Saturday 24:00, at most one
        Saturday a month). An empty list means every use is fine.
        """
        uses, notes = _uses(uses, announced)
        if notice is not None:
            _require_duration("notice", notice)
        if notes is not None and len(notes) != len(uses):
            raise SlaInputError(
                "uses.announced", "announced has {dates} dates for {uses} uses; give one per use",
                dates=len(notes), uses=len(uses),
            )
        if max_per_month is not None:
            require_int("max_per_month", max_per_month, low=0)
        tz = self._tz
        problems: list[tuple[int, str]] = []
        occurrence_of: dict[int, tuple[date, datetime]] = {}
        for number, use in enumerate(uses, start=1):
            start = use.start.astimezone(_UTC)
            end = use.end.astimezone(_UTC)
            if end <= start:
                raise SlaInputError(
                    "use.empty", "use {number} is empty: {start}",
                    number=number, start=use.start.isoformat(),
                )
            label = _label(number, use, tz)
            if self.time_between(start, end) != end - start:
                problems.append(
                    (number, Text("use.outside", "{use} is not inside the schedule's windows",
                                  use=label))
                )
            elif max_per_month is not None:
                found = self._occurrence_at(start)
                assert found is not None  # start is inside the windows, so in some occurrence
                occurrence_of[number] = found
            if notice is not None and notes is not None:
                when = require_aware(
                    Text("name.announcement", "announcement of use {number}", number=number),
                    notes[number - 1],
                )
                lead = start - when.astimezone(_UTC)
                if lead < notice:
                    message = Text(
                        "use.notice",
                        "{use} was announced {announced}, {lead} ahead; at least {notice} required",
                        use=label, announced=_show(when, tz), lead=lead, notice=notice,
                    )
                    problems.append((number, message))
        if max_per_month is not None:
            problems += _over_limit(uses, occurrence_of, max_per_month, tz)
        return [message for _, message in sorted(problems, key=lambda item: item[0])]


def _uses(
    uses: object, announced: object
) -> tuple[list[Interval], list[object] | None]:
    """The uses and their announcements as lists; SlaInputError if they are not sequences."""
    given = require_list(uses)
    if given is None or not all(isinstance(use, Interval) for use in given):
        raise SlaInputError(
            "type.uses", "uses must be Intervals, got {value!r}", value=given or uses
        )
    if announced is None:
        return [use for use in given if isinstance(use, Interval)], None
    notes = require_list(announced)
    if notes is None:
        raise SlaInputError(
            "type.announced", "announced must be a sequence of datetimes, got {value!r}",
            value=announced,
        )
    return [use for use in given if isinstance(use, Interval)], notes


def _over_limit(
    uses: Sequence[Interval],
    occurrence_of: dict[int, tuple[date, datetime]],
    limit: int,
    tz: ZoneInfo,
) -> list[tuple[int, str]]:
    """The uses (by number) of an occurrence beyond the `limit` first ones of its month."""
    by_month: dict[tuple[int, int], set[datetime]] = {}
    for origin, begins in occurrence_of.values():
        by_month.setdefault((origin.year, origin.month), set()).add(begins)
    problems: list[tuple[int, str]] = []
    for number, (origin, begins) in occurrence_of.items():
        starts = sorted(by_month[(origin.year, origin.month)])
        rank = starts.index(begins) + 1
        if rank > limit:
            message = Text(
                "use.limit",
                "{use} uses the window starting {begins}, occurrence {rank} of {count} in "
                "{year}-{month:02d}; at most {limit} a month",
                use=_label(number, uses[number - 1], tz), begins=_show(begins, tz), rank=rank,
                count=len(starts), year=origin.year, month=origin.month, limit=limit,
            )
            problems.append((number, message))
    return problems


def _beyond_years() -> SlaInputError:
    """The error for a question whose answer would need a date outside years 1-9999."""
    return SlaInputError("schedule.years", "the schedule cannot be read outside the years 1-9999")


SPAN_LIMIT = timedelta(days=3660)
"""The longest span whose schedule time `occurrences` and `time_between` read (about 10 years):
they read it day by day, so a longer span is refused rather than read for seconds."""


def _require_span(low: datetime, high: datetime) -> None:
    if high - low > SPAN_LIMIT:
        raise SlaInputError(
            "span.too-long", "the span {start} to {end} is longer than {limit} days",
            start=low.isoformat(), end=high.isoformat(), limit=SPAN_LIMIT.days,
        )


def _require_duration(name: str, value: object) -> timedelta:
    if not isinstance(value, timedelta):
        raise SlaInputError(
            "type.timedelta", "{name} must be a timedelta, got {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    if value < _ZERO:
        raise SlaInputError(
            "negative", "{name} must not be negative, got {value}", name=name, value=value
        )
    return value
