"""Availability over a period: the rows it is measured from (outages, probe samples, per-minute
error rates), the report, and what the methods share.

The methods (`columns`: outages, probes, error rates; `requests`: request counts) take the
period, the measured windows already computed for it (`scope`; pass `[period]` to measure all
the time), the excluded time (maintenance...) and an ExclusionMode:

* "removed": excluded time is taken out of the measured time (Teogest T3);
* "available": excluded time stays in the measured time but never counts as downtime
  (niveaux-de-service N1).

All arithmetic runs on UTC time (`columns` and `requests`: integers of it), so durations are
real elapsed time across DST changes; the spans kept in an AvailabilityReport are in UTC and
`explain()` shows them in the period's zone. The rate is exact (fractions.Fraction); the target
is compared with the exact rate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from .errors import SlaInputError, Text
from .intervals import (
    Interval,
    in_utc,
    intersect,
    is_aware,
    merge,
    require_aware,
    require_decimal,
    subtract,
    total,
    unchecked_interval,
)

PERCENT_PLACES = 6
"""Decimal places of AvailabilityReport.availability: the exact rate rounded ROUND_HALF_EVEN."""

ExclusionMode = Literal["removed", "available"]
Combine = Literal["each", "any", "pooled"]
NoData = Literal["good", "bad", "excluded"]
Missing = Literal["available", "interrupted", "excluded"]
Verdict = Literal["good", "bad", "no data excluded"]
Method = Literal["outages", "probes", "error rates", "requests"]

_UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
_MINUTE = timedelta(minutes=1)
_US = timedelta(microseconds=1)
_LISTED = 10
_OUTAGE_START = Text("name.outage-start", "outage start")
_OUTAGE_END = Text("name.outage-end", "outage end")
_OUTAGE_REPORTED = Text("name.outage-reported", "outage report time")
_RATE_MINUTE = Text("name.rate-minute", "error-rate minute")


def _percent(name: str, value: object) -> Decimal:
    """`value` as a Decimal between 0 and 100, or SlaInputError naming it."""
    number = require_decimal(name, value)
    if not 0 <= number <= 100:
        raise SlaInputError(
            "percent.range", "{name} is a percentage between 0 and 100, got {number}",
            name=name, number=number,
        )
    return number


def _choice(name: str, value: object, allowed: tuple[str | None, ...]) -> None:
    """Raise SlaInputError unless `value` is one of `allowed`."""
    if value not in allowed:
        raise SlaInputError(
            "choice", "{name} must be one of {allowed}, got {value!r}",
            name=name, allowed=allowed, value=value,
        )


def _utc(name: str, value: object) -> Interval:
    """An Interval converted to UTC, or SlaInputError naming the bad value ("scope" and
    "excluded" name an item of the scope or of the excluded time)."""
    if not isinstance(value, Interval):
        if name in ("scope", "excluded"):
            name = (Text("name.scope-item", "scope item {item!r}", item=value) if name == "scope"
                    else Text("name.excluded-item", "excluded item {item!r}", item=value))
        raise SlaInputError(
            "type.interval", "{name} must be an Interval, got {value!r}", name=name, value=value
        )
    return in_utc(value)


def _micros(span: timedelta) -> int:
    """A duration in whole microseconds."""
    return span // _US


@dataclass(frozen=True)
class Outage:
    """A span of service unavailability, with an optional cause (e.g. "force majeure") and the
    instant it was reported (a ticket opened), for contracts whose downtime counts from then."""

    start: datetime
    end: datetime
    cause: str | None = None
    reported: datetime | None = None

    def __post_init__(self) -> None:
        require_aware(_OUTAGE_START, self.start)
        require_aware(_OUTAGE_END, self.end)
        if self.end.astimezone(_UTC) < self.start.astimezone(_UTC):
            raise SlaInputError(
                "outage.order", "outage ends before it starts: {start} > {end}",
                start=self.start.isoformat(), end=self.end.isoformat(),
            )
        if self.reported is not None:
            require_aware(_OUTAGE_REPORTED, self.reported)

    def counted(self, from_report: bool) -> Interval:
        """The outage in UTC; when downtime counts `from_report`, from the report on (nothing
        if it was reported after the end)."""
        start, end = self.start.astimezone(_UTC), self.end.astimezone(_UTC)
        if from_report:
            if self.reported is None:
                raise SlaInputError(
                    "outage.unreported",
                    "downtime counts from the report, but the outage {start} to {end} has no "
                    "reported time: give Outage(..., reported=...)",
                    start=self.start.isoformat(), end=self.end.isoformat(),
                )
            start = min(max(start, self.reported.astimezone(_UTC)), end)
        return unchecked_interval(start, end)


@dataclass(frozen=True)
class Qualifying:
    """Which downtime counts: only runs (stretches of consecutive downtime) of at least
    `min_run`, or longer than it when `longer_only`; each kept run rounded down to whole
    minutes when `whole_minutes` (the run's real length decides whether it is kept)."""

    min_run: timedelta = timedelta()
    longer_only: bool = False
    whole_minutes: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.min_run, timedelta) or self.min_run < timedelta():
            raise SlaInputError(
                "qualifying.run", "min_run must be a timedelta of zero or more, got {value!r}",
                value=self.min_run,
            )

    def keeps(self, run: Interval) -> bool:
        """Whether a run of downtime is long enough to count (its real length, in UTC)."""
        length = run.duration
        return length > self.min_run if self.longer_only else length >= self.min_run

    def apply(
        self, downtime: Iterable[Interval], judged: Iterable[Interval] | None = None
    ) -> tuple[list[Interval], list[Interval]]:
        """The downtime that counts, and the runs (or parts of minutes) left out. The length of
        a run is judged on `judged` when given (the whole loss of service, when downtime
        counts only from its report), else on the downtime itself."""
        kept: list[Interval] = []
        dropped: list[Interval] = []
        runs = merge(downtime)
        if judged is not None:
            long_enough = [run for run in merge(judged) if self.keeps(run)]
            dropped = subtract(runs, long_enough)
            runs = intersect(runs, long_enough)
        for run in runs:
            if judged is None and not self.keeps(run):
                dropped.append(run)
                continue
            if self.whole_minutes:
                end = run.start + (run.end - run.start) // _MINUTE * _MINUTE
                if end < run.end:
                    dropped.append(unchecked_interval(end, run.end))
                if end == run.start:
                    continue
                run = unchecked_interval(run.start, end)
            kept.append(run)
        return kept, dropped


@dataclass(frozen=True)
class Requirement:
    """A condition for the SLA to apply, on the caller's parameter `name`: at least `minimum`
    (an int, or a timedelta), one of `choices`, or else true; `text` says it in words."""

    name: str
    text: str
    minimum: int | timedelta | None = None
    choices: tuple[str, ...] = ()

    def met(self, value: object) -> bool:
        """Whether `value` meets the condition; SlaInputError if it is not of its type."""
        if self.choices:
            expected, ok = "a str", isinstance(value, str)
        elif isinstance(self.minimum, timedelta):
            expected, ok = "a timedelta", isinstance(value, timedelta)
        elif self.minimum is not None:
            expected, ok = "an int", isinstance(value, int) and not isinstance(value, bool)
        else:
            expected, ok = "a bool", isinstance(value, bool)
        if not ok:
            raise SlaInputError(
                "eligibility.type", "{name} must be {expected}, got {value!r}",
                name=self.name, expected=expected, value=value,
            )
        if self.choices:
            return value in self.choices
        if self.minimum is not None:
            return bool(value >= self.minimum)  # type: ignore[operator]
        return bool(value)


def applying(
    report: AvailabilityReport, requirements: Sequence[Requirement], values: dict[str, object]
) -> AvailabilityReport:
    """The report, saying whether the SLA applies given the caller's `values`."""
    unmet = tuple(r.text for r in requirements if not r.met(values[r.name]))
    return replace(report, applies=not unmet, unmet=unmet)


@dataclass(frozen=True)
class Probe:
    """A monitoring probe; a measurement is good when it answered in < max_latency seconds."""

    name: str
    max_latency: Decimal

    def __post_init__(self) -> None:
        name = Text("name.max-latency", "max_latency of probe {probe!r}", probe=self.name)
        if require_decimal(name, self.max_latency) <= 0:
            raise SlaInputError("positive", "{name} must be positive", name=name)


@dataclass(frozen=True)
class Sample:
    """One probe measurement: its latency in seconds, or None when it failed to answer."""

    at: datetime
    probe: str
    latency: Decimal | None

    def __post_init__(self) -> None:
        # The checks that pass are cheap; the messages are only written for a failing one.
        if not is_aware(self.at):
            require_aware(
                Text("name.sample-time", "sample time of probe {probe!r}", probe=self.probe),
                self.at,
            )
        latency = self.latency
        if latency is None or (
            isinstance(latency, Decimal) and latency.is_finite() and latency >= 0
        ):
            return
        what = Text(
            "name.sample-latency", "latency of the {probe!r} sample at {at}",
            probe=self.probe, at=self.at.isoformat(),
        )
        if require_decimal(what, latency) < 0:
            raise SlaInputError(
                "negative.latency", "{what} is negative: {latency}", what=what, latency=latency
            )


@dataclass(frozen=True)
class MinuteRate:
    """The server-side user error rate (percent) measured in the minute starting at `minute`."""

    minute: datetime
    error_rate: Decimal
    _epoch_minute: int = field(init=False, repr=False, compare=False)
    """Whole minutes from the Unix epoch to `minute`, kept for `columns.from_error_rates`."""

    def __post_init__(self) -> None:
        # The checks that pass are cheap; the messages are only written for a failing one.
        minute, rate = self.minute, self.error_rate
        if not is_aware(minute):
            require_aware(_RATE_MINUTE, minute)
        number, rest = divmod(minute - _EPOCH, _MINUTE)
        if rest:
            raise SlaInputError(
                "rate.minute", "error-rate minute {minute} is not a whole minute",
                minute=minute.isoformat(),
            )
        if not (isinstance(rate, Decimal) and rate.is_finite() and 0 <= rate <= 100):
            _percent(Text("name.error-rate", "error rate at {minute}", minute=minute.isoformat()),
                     rate)
        object.__setattr__(self, "_epoch_minute", number)


@dataclass(frozen=True)
class ProbeCount:
    """Good and total measurements of one probe in one slice."""

    probe: str
    good: int
    total: int


@dataclass(frozen=True)
class Slice:
    """One grid slice: `span` is the aligned slice, `counted` the part of it that is measured."""

    span: Interval
    counted: timedelta
    good: int
    total: int
    verdict: Verdict
    probes: tuple[ProbeCount, ...] = ()


@dataclass(frozen=True)
class AvailabilityReport:
    """Availability of a period, with the spans and figures that justify it (spans in UTC).

    `exact` is the exact availability in percent; `availability` is it rounded to
    PERCENT_PLACES; `met` compares `exact` with `target`. `no_data` lists the measured spans
    that had no data; `slices` the probe slices.
    """

    period: Interval
    method: Method
    mode: ExclusionMode
    measured: tuple[Interval, ...]
    excluded: tuple[Interval, ...]
    downtime: tuple[Interval, ...]
    measured_time: timedelta
    excluded_time: timedelta
    downtime_time: timedelta
    availability: Decimal
    unavailability: Decimal
    exact: Fraction
    target: Decimal
    strict: bool
    met: bool
    no_data: tuple[Interval, ...] = ()
    slices: tuple[Slice, ...] = ()
    ignored: tuple[Interval, ...] = ()
    """Downtime that does not count: runs too short, parts of minutes (see Qualifying)."""
    applies: bool = True
    """Whether the SLA applies at all (its eligibility conditions are met: see `applying`)."""
    unmet: tuple[str, ...] = ()
    """The eligibility conditions that are not met, in words."""

    def explain(self) -> str:
        """A short plain-English account of the figures and the spans behind them."""
        zone = self.period.start.tzinfo
        assert zone is not None  # checked by Interval
        comparison = ">" if self.strict else ">="
        verdict = "met" if self.met else "NOT met"
        effect = "removed from" if self.mode == "removed" else "counted as available in"
        lines = [
            f"Availability from {self.method}, period {_show(self.period, zone)}",
            f"  measured time: {_duration(self.measured_time)}",
            f"  excluded time: {_duration(self.excluded_time)} ({effect} the measured time)",
            f"  downtime: {_duration(self.downtime_time)}",
            f"  availability: {self.availability} %, unavailability {self.unavailability} %",
            f"  target: availability {comparison} {self.target} %: {verdict}",
        ]
        if not self.applies:
            lines.append("  the SLA does not apply: " + "; ".join(self.unmet))
        if self.slices:
            counts = {v: sum(s.verdict == v for s in self.slices) for v in _VERDICTS}
            lines.append(
                f"  slices: {len(self.slices)} ("
                + ", ".join(f"{n} {v}" for v, n in counts.items() if n)
                + ")"
            )
            bad = [s for s in self.slices if s.verdict == "bad"]
            unit = "requests" if self.method == "requests" else "measurements"
            lines += _listing(
                "bad slices",
                [f"{_show(s.span, zone)}: {s.good}/{s.total} good {unit}" for s in bad],
            )
        lines += _listing("downtime spans", [_show(s, zone) for s in self.downtime])
        lines += _listing("downtime that does not count", [_show(s, zone) for s in self.ignored])
        lines += _listing("spans without data", [_show(s, zone) for s in self.no_data])
        lines += _listing("excluded spans", [_show(s, zone) for s in self.excluded])
        return "\n".join(lines)


_VERDICTS: tuple[Verdict, ...] = ("good", "bad", "no data excluded")


def _show(span: Interval, zone: tzinfo) -> Text:
    """A span in local time with UTC offsets."""
    start = span.start.astimezone(zone).isoformat(sep=" ", timespec="seconds")
    end = span.end.astimezone(zone).isoformat(sep=" ", timespec="seconds")
    return Text("span", "{start} to {end}", start=start, end=end)


def _duration(span: timedelta) -> str:
    """A duration as hours, minutes and seconds (fractions of a second kept)."""
    micros = _micros(span)
    seconds, rest = divmod(micros, 1_000_000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    fraction = f".{rest:06d}".rstrip("0") if rest else ""
    return f"{hours} h {minutes:02d} min {seconds:02d}{fraction} s"


def _listing(title: str, items: Sequence[str]) -> list[str]:
    """Indented lines listing at most a few items, with a count of the rest."""
    if not items:
        return []
    lines = [f"  {title} ({len(items)}):"]
    lines += [f"    {item}" for item in items[:_LISTED]]
    if len(items) > _LISTED:
        lines.append(f"    ... and {len(items) - _LISTED} more")
    return lines


@dataclass(frozen=True)
class _Frame:
    """The period's time split for measurement, in UTC."""

    period: Interval
    zone: tzinfo
    mode: ExclusionMode
    excluded: list[Interval]
    live: list[Interval]
    measured: list[Interval]


def _frame(
    period: Interval, scope: Sequence[Interval], excluded: Sequence[Interval], mode: ExclusionMode
) -> _Frame:
    """Clip the scope to the period and apply the exclusions according to `mode`.

    `live` is the time where downtime can count (scope minus excluded time); `measured` is the
    denominator (live time when mode is "removed", the whole scope when "available").
    """
    _choice("mode", mode, ("removed", "available"))
    bounds = _utc("period", period)
    assert period.start.tzinfo is not None  # checked by Interval
    zone = period.start.tzinfo
    windows = intersect((_utc("scope", s) for s in scope), [bounds])
    cut = intersect((_utc("excluded", e) for e in excluded), windows)
    live = subtract(windows, cut)
    measured = live if mode == "removed" else windows
    if not measured:
        raise SlaInputError(
            "measure.nothing",
            "nothing to measure in {period}: the scope is empty or entirely excluded",
            period=_show(period, zone),
        )
    return _Frame(bounds, zone, mode, cut, live, measured)


def _report(
    period: Interval,
    method: Method,
    frame: _Frame,
    measured: list[Interval],
    downtime: list[Interval],
    goal: Decimal,
    strict: bool,
    no_data: Sequence[Interval] = (),
    slices: Sequence[Slice] = (),
    qualifying: Qualifying | None = None,
    judged: Sequence[Interval] | None = None,
) -> AvailabilityReport:
    """Turn measured and downtime spans into figures and a verdict (goal already checked); only
    the downtime `qualifying` keeps counts (its runs judged on `judged` when given)."""
    ignored: list[Interval] = []
    if qualifying is not None:
        downtime, ignored = qualifying.apply(downtime, judged)
    measured_time = total(measured)
    if not measured_time:
        raise SlaInputError(
            "measure.no-data",
            "nothing to measure in {period}: no time is left "
            "once the spans without data are excluded",
            period=_show(period, frame.zone),
        )
    downtime_time = total(downtime)
    exact = Fraction(_micros(measured_time - downtime_time) * 100, _micros(measured_time))
    availability = Decimal(round(exact * 10**PERCENT_PLACES)).scaleb(-PERCENT_PLACES)
    met = exact > Fraction(goal) if strict else exact >= Fraction(goal)
    return AvailabilityReport(
        period=period,
        method=method,
        mode=frame.mode,
        measured=tuple(measured),
        excluded=tuple(frame.excluded),
        downtime=tuple(downtime),
        measured_time=measured_time,
        excluded_time=total(frame.excluded),
        downtime_time=downtime_time,
        availability=availability,
        unavailability=Decimal(100) - availability,
        exact=exact,
        target=goal,
        strict=strict,
        met=met,
        no_data=tuple(no_data),
        slices=tuple(slices),
        ignored=tuple(ignored),
    )


def _grid(frame: _Frame, minutes: int) -> list[datetime]:
    """UTC instants of the local wall-clock slice boundaries inside the period, with its ends.

    Boundaries are the local times whose minute of the day is a multiple of `minutes`; a local
    time that does not exist (spring forward) is skipped, one that occurs twice (fall back)
    gives two boundaries.
    """
    start, end = frame.period.start, frame.period.end
    points = {start, end}
    day = start.astimezone(frame.zone).date() - timedelta(days=1)
    last = end.astimezone(frame.zone).date()
    while day <= last:
        for offset in range(0, 1440, minutes):
            wall = datetime.combine(day, time(offset // 60, offset % 60))
            for fold in (0, 1):
                instant = wall.replace(tzinfo=frame.zone, fold=fold).astimezone(_UTC)
                local = instant.astimezone(frame.zone).replace(tzinfo=None)
                if local == wall and start < instant < end:
                    points.add(instant)
        day += timedelta(days=1)
    return sorted(points)
