"""Due instants of deadlines: elapsed time, business time, business days, calendar days, periods."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from .calendars import BusinessCalendar
from .errors import SlaInputError, Text
from .intervals import require_aware
from .periods import Period, add_period_dt, localise, require_int, zone_info
from .schedules import Schedule

_ZERO = timedelta()
_UTC = timezone.utc
_BUSINESS_DAYS = Text("name.business-days", "business days")
_CALENDAR_DAYS = Text("name.calendar-days", "calendar days")


def _require_amount(amount: object) -> timedelta:
    if not isinstance(amount, timedelta):
        raise SlaInputError(
            "type.timedelta", "{name} must be a timedelta, got {type} {value!r}",
            name="amount", type=type(amount).__name__, value=amount,
        )
    if amount < _ZERO:
        raise SlaInputError(
            "negative", "{name} must not be negative, got {value}", name="amount", value=amount
        )
    return amount


def due_elapsed(start: datetime, amount: timedelta) -> datetime:
    """`start` plus `amount` of real time (48 h across a DST change is 48 real hours).

    The result is in the zone of `start`.
    """
    require_aware("start", start)
    step = _require_amount(amount)
    try:
        return (start.astimezone(_UTC) + step).astimezone(start.tzinfo)
    except OverflowError:
        raise SlaInputError(
            "computation.years", "{name} {value}: the computation leaves years 1-9999",
            name="start", value=start.isoformat(),
        ) from None


def due_business_time(start: datetime, amount: timedelta, hours: Schedule) -> datetime:
    """When `amount` of time inside `hours` has elapsed after `start` (`Schedule.add_time`)."""
    if not isinstance(hours, Schedule):
        raise SlaInputError(
            "type.schedule", "{name} must be a Schedule, got {value!r}", name="hours", value=hours
        )
    return hours.add_time(start, _require_amount(amount))


def due_business_days(
    start: datetime, days: int, calendar: BusinessCalendar, zone: str
) -> datetime:
    """The same local wall-clock time on the `days`-th business day after the start's local date.

    Rule: `start` is read in `zone`. If its local date is a business day of `calendar`, the due
    instant is its wall-clock time on the `days`-th business day after that date (Monday 10:00
    plus 2 business days is Wednesday 10:00, Thursday 10:00 if Tuesday is a holiday). If the
    local date is not a business day, counting starts at 00:00 of the next business day
    (Saturday 15:00 plus 1 business day is Tuesday 00:00, i.e. the end of Monday). With
    days == 0 the due instant is that starting point. Result in `zone`.
    """
    require_aware("start", start)
    require_int(_BUSINESS_DAYS, days, low=0)
    if not isinstance(calendar, BusinessCalendar):
        raise SlaInputError(
            "type.calendar", "{name} must be a BusinessCalendar, got {value!r}",
            name="calendar", value=calendar,
        )
    tz = zone_info(zone)
    local = start.astimezone(tz)
    day, wall = local.date(), local.time().replace(fold=0, tzinfo=None)
    if not calendar.is_business_day(day):
        day, wall = calendar.next_business_day(day), time.min
    due = calendar.add_business_days(day, days)
    if due == local.date():
        # 0 days from a business day: the start itself, which reading its wall time afresh
        # would move from 02:10 CET to 02:10 CEST, an hour earlier, the night clocks go back.
        return local
    return localise(datetime.combine(due, wall), tz)


def due_calendar_days(start: datetime, days: int, zone: str) -> datetime:
    """`days` calendar days after `start` on the wall clock of `zone` (DST-correct).

    Saturday 30 March 2024 12:00 CET plus 1 day is Sunday 31 March 12:00 CEST, 23 real hours.
    """
    require_aware("start", start)
    require_int(_CALENDAR_DAYS, days, low=0)
    tz = zone_info(zone)
    return add_period_dt(start.astimezone(tz), Period(days, "day"))


def due_period(start: datetime, period: Period) -> datetime:
    """`start` plus a calendar `period` on the wall clock of the start's own zone."""
    return add_period_dt(start, period)
