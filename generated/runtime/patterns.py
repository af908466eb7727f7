"""Rights (such as terminating) that arise from a pattern of bad periods.

A period is bad when its rate is below a threshold (`Pattern`) or when its downtime is longer
than a duration (`DowntimePattern`). "Below 99 % in three consecutive months" is
Pattern(3, 3, 99); "below 95 % in any one month" Pattern(1, 1, 95); "in 3 of any 6 consecutive
months" Pattern(3, 6, 99); "more than 7.2 hours of downtime in any one month"
DowntimePattern(1, 1, timedelta(hours=7, minutes=12)). A pattern is met at a period when at
least `count` of the last `window` periods ending there are bad. At the start of the history the
window holds fewer periods: 3 breaches in the first 4 months already meet "3 of any 6
consecutive months", since they lie within 6 consecutive months.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from .availability import AvailabilityReport
from .errors import SlaInputError, Text
from .intervals import require_decimal, require_list
from .periods import require_int

_ZERO = timedelta(0)
_UTC = timezone.utc


def _percent(name: str, value: object) -> Fraction:
    """`value`, a Fraction or a Decimal between 0 and 100, as a Fraction; else SlaInputError."""
    if isinstance(value, Decimal):
        number = Fraction(require_decimal(name, value))
    elif isinstance(value, Fraction):
        number = value
    else:
        raise SlaInputError(
            "type.percent", "{name} must be a Fraction or a Decimal, got {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    if not 0 <= number <= 100:
        raise SlaInputError(
            "percent.range", "{name} is a percentage between 0 and 100, got {number}",
            name=name, number=value,
        )
    return number


def _downtime(name: str, value: object) -> timedelta:
    """`value`, a timedelta of zero or more, else SlaInputError."""
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


def _counts(count: int, window: int, inclusive: bool) -> None:
    """The checks every pattern makes of its count, window and inclusive flag."""
    require_int("count", count, 1)
    require_int("window", window, count)
    if not isinstance(inclusive, bool):
        raise SlaInputError(
            "type.bool", "{name} must be a bool, got {value!r}",
            name="inclusive", value=inclusive,
        )


@dataclass(frozen=True)
class Pattern:
    """At least `count` of `window` consecutive periods below `below` percent (at or below it
    when `inclusive`); `count` == `window` means `count` periods in a row."""

    count: int
    window: int
    below: Decimal
    inclusive: bool = False

    def __post_init__(self) -> None:
        require_int("count", self.count, 1)
        require_int("window", self.window, self.count)
        if not isinstance(self.below, Decimal):
            raise SlaInputError(
                "type.decimal", "{name} must be a Decimal, not {type} {value!r}",
                name="below", type=type(self.below).__name__, value=self.below,
            )
        _percent("below", self.below)
        _counts(self.count, self.window, self.inclusive)  # the inclusive flag, after `below`

    def breached(self, rate: Fraction) -> bool:
        """Whether a period of `rate` percent counts against this pattern."""
        threshold = Fraction(self.below)
        return rate <= threshold if self.inclusive else rate < threshold


@dataclass(frozen=True)
class DowntimePattern:
    """At least `count` of `window` consecutive periods with more downtime than `longer_than`
    (at least that much when `inclusive`); `count` == `window` means `count` periods in a row."""

    count: int
    window: int
    longer_than: timedelta
    inclusive: bool = False

    def __post_init__(self) -> None:
        _counts(self.count, self.window, self.inclusive)
        _downtime("longer_than", self.longer_than)

    def breached(self, downtime: timedelta) -> bool:
        """Whether a period with `downtime` counts against this pattern."""
        return downtime >= self.longer_than if self.inclusive else downtime > self.longer_than


AnyPattern = Pattern | DowntimePattern


@dataclass(frozen=True)
class PatternMatch:
    """The pattern met (its index), the breaches that meet it, and the period the right arises
    at (the last of them)."""

    pattern_index: int
    periods: tuple[int, ...]
    at: int


def _met(count: int, window: int, breaches: Sequence[bool]) -> tuple[int, ...] | None:
    """The earliest `count` breaches within `window` consecutive periods, or None."""
    recent: deque[int] = deque()
    for index, breached in enumerate(breaches):
        if breached:
            recent.append(index)
            while recent[0] <= index - window:
                recent.popleft()
            if len(recent) >= count:
                return tuple(recent)
    return None


def first_match(
    patterns: Sequence[AnyPattern], history: Sequence[Fraction | Decimal | timedelta]
) -> PatternMatch | None:
    """The earliest period at which one of `patterns` is met, or None.

    `history` holds the measures of successive periods, oldest first: for `Pattern`s, rates in
    percent (Fractions, the exact rate of an AvailabilityReport, or Decimals); for
    `DowntimePattern`s, downtimes (timedeltas, an AvailabilityReport's downtime_time). The
    patterns are all of one sort. It has no gaps: a period without a measurement is passed as
    the value the contract gives it. At the same period, the pattern listed first wins.
    """
    given = require_list(patterns)
    checked = [p for p in given or () if isinstance(p, (Pattern, DowntimePattern))]
    if given is None or len(checked) != len(given):
        wrong = patterns if given is None else next(
            p for p in given if not isinstance(p, (Pattern, DowntimePattern)))
        raise SlaInputError(
            "type.patterns", "patterns must be Pattern objects, got {value!r}", value=wrong
        )
    on_downtime = any(isinstance(p, DowntimePattern) for p in checked)
    if on_downtime and not all(isinstance(p, DowntimePattern) for p in checked):
        raise SlaInputError(
            "patterns.mixed",
            "patterns must be all on rates (Pattern) or all on downtime (DowntimePattern)",
        )
    listed = require_list(history)
    values: list[Fraction] | list[timedelta]
    if on_downtime:
        if listed is None:
            raise SlaInputError(
                "type.downtimes", "history must be a sequence of downtimes, got {value!r}",
                value=history,
            )
        values = [
            _downtime(Text("name.history-downtime", "downtime of period {index}", index=i), value)
            for i, value in enumerate(listed)
        ]
    else:
        if listed is None:
            raise SlaInputError(
                "type.history", "history must be a sequence of rates, got {value!r}",
                value=history,
            )
        values = [
            _percent(Text("name.history-rate", "rate of period {index}", index=i), rate)
            for i, rate in enumerate(listed)
        ]
    found: PatternMatch | None = None
    for index, pattern in enumerate(checked):
        if isinstance(pattern, DowntimePattern):
            breaches = [pattern.breached(v) for v in values if isinstance(v, timedelta)]
        else:
            breaches = [pattern.breached(v) for v in values if isinstance(v, Fraction)]
        periods = _met(pattern.count, pattern.window, breaches)
        if periods is not None and (found is None or periods[-1] < found.at):
            found = PatternMatch(index, periods, periods[-1])
    return found


def report_history(
    reports: Sequence[AvailabilityReport], measure: Literal["rate", "downtime"]
) -> list[Fraction] | list[timedelta]:
    """The history `first_match` reads from availability reports of consecutive periods, oldest
    first: their exact rates (`measure` "rate") or their downtimes ("downtime").

    Each report must be an AvailabilityReport whose period starts where the previous one's ends
    (the same instant, compared in UTC: 02:30 CEST and 02:30 CET are an hour apart the night
    clocks go back); else SlaInputError.
    """
    listed = require_list(reports)
    if listed is None or isinstance(reports, AvailabilityReport):
        raise SlaInputError(
            "type.reports", "reports must be a sequence of AvailabilityReports, got {value!r}",
            value=reports,
        )
    checked: list[AvailabilityReport] = []
    for index, report in enumerate(listed):
        if not isinstance(report, AvailabilityReport):
            raise SlaInputError(
                "type.report", "report {index} must be an AvailabilityReport, got {value!r}",
                index=index, value=report,
            )
        if checked and (report.period.start.astimezone(_UTC)
                        != checked[-1].period.end.astimezone(_UTC)):
            raise SlaInputError(
                "reports.consecutive",
                "report {index} covers the period from {start}, not the one after report "
                "{previous} (which ends {end}): pass reports of consecutive periods, oldest "
                "first",
                index=index, start=report.period.start.isoformat(), previous=index - 1,
                end=checked[-1].period.end.isoformat(),
            )
        checked.append(report)
    if measure == "downtime":
        return [report.downtime_time for report in checked]
    return [report.exact for report in checked]
