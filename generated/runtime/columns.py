"""Availability from outages, error rates and probe samples, computed on integers.

Each method has two entry points over one algorithm. The per-element function (`from_outages`,
`from_error_rates`, `from_probes`) takes one object per row (`Outage`, `MinuteRate`, `Sample`,
defined in `availability`) and returns the whole report. The batch one (`outages_from_columns`,
`error_rates_from_columns`, `probes_from_columns`: the algorithms of the generated
`x_report_columns` entry points) takes the same rows as columns of plain numbers — epoch seconds
(epoch minutes for error rates), ints or Decimals. Each entry point checks its own input (a bad
value raises SlaInputError, an undecided point UnspecifiedError) and hands integer columns to
the algorithm with the length of their unit: the rows' instants in epoch microseconds, exactly
(an outage may end at 10:00:00.25), the columns' as given, in seconds; error rates are whole
minutes either way, and latencies keep their unit (seconds in a Sample, milliseconds in a
column), the probes' limits being put in it. The period, the measured windows and the excluded
time are turned once per call into flat tables of UTC bounds in microseconds (DST days and the
zone's offsets are those of the period's zone), and the columns are read by a few passes that
run in C (`sorted`, `bisect`, `map`, `sum`, `collections.Counter`).

`requests` works the same way for request counts, with the helpers here.

Given the same rows, the batch entry points give the per-element answers: same checks, same
figures. With `spans=True` the report is equal to the per-element one, spans and slices
included; by default (`spans=False`) the spans are not built: `measured`, `downtime`, `no_data`
and `slices` are empty, every figure (`measured_time`, `excluded_time`, `downtime_time`,
`exact`, `availability`, `met`...) is the same.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from fractions import Fraction
from functools import lru_cache
from itertools import accumulate, compress, islice, repeat
from operator import add, attrgetter, eq, floordiv, gt, is_, le, lt, mul, ne, not_, sub
from typing import Any, TypeVar, cast

from .availability import (
    PERCENT_PLACES,
    AvailabilityReport,
    Combine,
    ExclusionMode,
    Method,
    MinuteRate,
    Missing,
    NoData,
    Outage,
    Probe,
    ProbeCount,
    Qualifying,
    Sample,
    Slice,
    Verdict,
    _choice,
    _Frame,
    _frame,
    _grid,
    _percent,
    _report,
    _show,
)
from .errors import SlaInputError, UnspecifiedError
from .intervals import (
    EARLIEST,
    LATEST,
    Interval,
    intersect,
    merge,
    require_decimal,
    require_list,
    subtract,
    total,
    unchecked_interval,
)

_UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
_US = timedelta(microseconds=1)
_SECOND = 1_000_000
_MINUTE = 60_000_000
_FIRST_SECOND = -(-(EARLIEST - _EPOCH) // _US // _SECOND)
_LAST_SECOND = (LATEST - _EPOCH) // _US // _SECOND
_INT_CODES = frozenset("bBhHiIlLqQ")
_SEQUENCES = ("a list", "a tuple", "an array.array of ints")
_NO_ANSWER = float("inf")
"""Stands for a sample without answer when latencies are compared: never below a limit."""
_ANSWERED: dict[Any, Any] = {None: _NO_ANSWER}
"""Latencies as compared: None (no answer) becomes _NO_ANSWER, anything else stays."""
_LATENCY_LIMIT = 10**18
"""Latencies in milliseconds are below this (10^15 seconds, the bound of every Decimal)."""
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
"""Scales Decimals by powers of ten without rounding (the default context keeps 28 digits)."""
_Row = TypeVar("_Row")


def _us(instant: datetime) -> int:
    """Microseconds from the epoch to an aware instant, exactly."""
    return (instant - _EPOCH) // _US


def _micros(instants: Iterable[datetime]) -> list[int]:
    """`_us` of each instant (a comprehension: no call per instant)."""
    return [(instant - _EPOCH) // _US for instant in instants]


def _at(micros: int) -> datetime:
    """The UTC instant `micros` microseconds after the epoch."""
    return _EPOCH + _US * micros


def _span(start: int, end: int) -> Interval:
    return unchecked_interval(_at(start), _at(end))


def _spans(starts: Iterable[int], ends: Iterable[int]) -> list[Interval]:
    """The UTC intervals [starts[i], ends[i]) of bounds in microseconds, made in C."""
    return list(map(unchecked_interval, map(add, repeat(_EPOCH), map(mul, repeat(_US), starts)),
                    map(add, repeat(_EPOCH), map(mul, repeat(_US), ends))))


def _pairs(spans: Sequence[Interval]) -> list[tuple[int, int]]:
    return [(_us(s.start), _us(s.end)) for s in spans]


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise SlaInputError(
            "type.bool", "{name} must be a bool, got {value!r}", name=name, value=value
        )
    return value


def _column(name: str, values: object) -> list[object]:
    """A column as a list: a list as it is, an array of integers read into one, any other
    iterable (not a string) copied; SlaInputError otherwise."""
    if isinstance(values, list):
        return values
    if isinstance(values, array):
        if values.typecode not in _INT_CODES:
            raise SlaInputError(
                "choice", "{name} must be one of {allowed}, got {value!r}",
                name=f"the typecode of {name}", allowed=tuple(sorted(_INT_CODES)),
                value=values.typecode,
            )
        return cast(list[object], values.tolist())
    text = isinstance(values, (str, bytes, bytearray, Interval))
    given = None if text else require_list(values)
    if given is None:
        raise SlaInputError(
            "choice", "{name} must be one of {allowed}, got {value!r}",
            name=name, allowed=_SEQUENCES, value=values,
        )
    return given


def _same_length(first: str, left: Sequence[object], *others: tuple[str, Sequence[object]]
                 ) -> None:
    for name, column in others:
        if len(column) != len(left):
            raise SlaInputError(
                "integer.range", "{name} must be in [{low}, {high}], got {value}",
                name=f"the length of {name} (that of {first})", low=len(left), high=len(left),
                value=len(column),
            )


def _ints(name: str, column: list[object]) -> list[int]:
    """`column` if all its values are ints (checked in one pass: their sum is an int)."""
    try:
        whole = type(sum(column)) is int  # type: ignore[arg-type]
    except TypeError:
        whole = False
    if whole:
        return cast(list[int], column)
    for index, value in enumerate(column):
        if not isinstance(value, int) or isinstance(value, bool):
            raise _not_int(f"{name}[{index}]", value)
    raise _not_int(name, column)


def _not_int(name: str, value: object) -> SlaInputError:
    return SlaInputError(
        "type.int", "{name} must be an int, got {type} {value!r}",
        name=name, type=type(value).__name__, value=value,
    )


def _not_decimal(name: str, value: object) -> SlaInputError:
    return SlaInputError(
        "type.decimal", "{name} must be a Decimal, not {type} {value!r}",
        name=name, type=type(value).__name__, value=value,
    )


def _refuse_bools(name: str, column: list[int]) -> None:
    for index, value in enumerate(column):
        if isinstance(value, bool):
            raise _not_int(f"{name}[{index}]", value)


def _outside(name: str, column: Sequence[int], low: int, high: int, what: str) -> SlaInputError:
    """The error naming the first value of `column` outside [low, high]."""
    index = next((i for i, v in enumerate(column) if not low <= v <= high), 0)
    return SlaInputError(
        "integer.range", "{name} must be in [{low}, {high}], got {value}",
        name=f"{name}[{index}] ({what})", low=low, high=high,
        value=column[index] if column else None,
    )


def _figures(
    period: Interval,
    method: Method,
    frame: _Frame,
    measured_us: int,
    downtime_us: int,
    goal: Decimal,
    strict: bool,
) -> AvailabilityReport:
    """`availability._report` on microsecond totals, with no spans."""
    if not measured_us:
        raise SlaInputError(
            "measure.no-data",
            "nothing to measure in {period}: no time is left "
            "once the spans without data are excluded",
            period=_show(period, frame.zone),
        )
    exact = Fraction((measured_us - downtime_us) * 100, measured_us)
    availability = Decimal(round(exact * 10**PERCENT_PLACES)).scaleb(-PERCENT_PLACES)
    met = exact > Fraction(goal) if strict else exact >= Fraction(goal)
    return AvailabilityReport(
        period=period,
        method=method,
        mode=frame.mode,
        measured=(),
        excluded=tuple(frame.excluded),
        downtime=(),
        measured_time=timedelta(microseconds=measured_us),
        excluded_time=total(frame.excluded),
        downtime_time=timedelta(microseconds=downtime_us),
        availability=availability,
        unavailability=Decimal(100) - availability,
        exact=exact,
        target=goal,
        strict=strict,
        met=met,
    )


def _bare(report: AvailabilityReport, spans: bool) -> AvailabilityReport:
    """The report without its spans unless they were asked for (`spans=False`)."""
    if spans:
        return report
    return replace(report, measured=(), downtime=(), no_data=(), slices=(), ignored=())


def _measured_us(frame: _Frame) -> int:
    return sum(b - a for a, b in _pairs(frame.measured))


def _rows(values: object, kind: type[_Row], refuse: Callable[[object], SlaInputError]
          ) -> list[_Row]:
    """The items of the iterable `values`, all `kind` objects; else the error `refuse` makes for
    the first other item, or for `values` when it is not iterable."""
    rows = require_list(values)
    if rows is None:
        raise refuse(values)
    if set(map(type, rows)) - {kind}:  # some rows are of another type, or of a subclass
        for row in rows:
            if not isinstance(row, kind):
                raise refuse(row)
    return cast(list[_Row], rows)


def _increasing(values: list[int]) -> bool:
    """Whether each value is above the one before (so sorted, none repeated)."""
    return all(map(lt, values, islice(values, 1, None)))


# --------------------------------------------------------------------------- outages


_START = attrgetter("start")
_END = attrgetter("end")


def from_outages(
    period: Interval,
    scope: Sequence[Interval],
    excluded: Sequence[Interval],
    mode: ExclusionMode,
    outages: Iterable[Outage],
    excluded_causes: frozenset[str],
    target: Decimal,
    strict: bool = False,
    *,
    from_report: bool = False,
    qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """Availability from a list of outages (Cegid Loop L1, Teogest T1/T3).

    Outages are merged (an overlap counts once) and clipped to the scope inside the period;
    excluded time never counts as downtime; an outage whose cause is in `excluded_causes`
    (e.g. force majeure) never counts. With `from_report`, an outage counts from the instant
    it was reported, and the length of its run (`qualifying`) is that of the whole loss of
    service. `met` is availability >= target (> when strict).
    """
    goal = _percent("target", target)
    _require_causes(excluded_causes)
    frame = _frame(period, scope, excluded, mode)
    rows = _rows(outages, Outage, lambda value: SlaInputError(
        "type.outage", "outages must be Outage objects, got {value!r}", value=value))
    counted = [o for o in rows if o.cause not in excluded_causes] if excluded_causes else rows
    reported = _micros(o.counted(True).start for o in counted) if from_report else None
    return _outages(period, frame, _micros(map(_START, counted)), _micros(map(_END, counted)),
                    reported, goal, strict, spans=True, qualifying=qualifying, unit=1)


def outages_from_columns(
    period: Interval,
    scope: Sequence[Interval],
    excluded: Sequence[Interval],
    mode: ExclusionMode,
    starts: object,
    ends: object,
    causes: object,
    excluded_causes: frozenset[str],
    target: Decimal,
    strict: bool = False,
    *,
    spans: bool = False,
    reports: object = None,
    qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """`from_outages` on columns: outage i is [starts[i], ends[i]) in epoch seconds, with the
    cause causes[i] (a str, or None for none; `causes` None: no causes). `reports` given:
    outage i counts from the epoch second reports[i] on (downtime counted from the report).
    Outages are unsorted, may repeat and overlap; each must end at or after its start.
    """
    goal = _percent("target", target)
    _require_causes(excluded_causes)
    _flag("spans", spans)
    frame = _frame(period, scope, excluded, mode)
    begin, end, reported = _outage_columns(starts, ends, causes, excluded_causes, reports)
    return _outages(period, frame, begin, end, reported, goal, strict, spans=spans,
                    qualifying=qualifying, unit=_SECOND)


def _require_causes(excluded_causes: object) -> None:
    """SlaInputError unless the excluded causes are a set."""
    if not isinstance(excluded_causes, set | frozenset):
        raise SlaInputError(
            "type.causes", "excluded_causes must be a set of causes, got {value!r}",
            value=excluded_causes,
        )


def _outages(
    period: Interval,
    frame: _Frame,
    starts: list[int],
    ends: list[int],
    reported: list[int] | None,
    goal: Decimal,
    strict: bool,
    *,
    spans: bool,
    qualifying: Qualifying | None,
    unit: int,
) -> AvailabilityReport:
    """The report from checked columns: outage i is [starts[i], ends[i]) in units of `unit`
    microseconds from the epoch. With `reported`, its downtime counts from reported[i] on (its
    report, between its start and its end), and its runs are judged on the whole loss of
    service. With `qualifying`, the spans are built to find the runs that count.

    The union is found on the sorted starts and the sorted ends apart (a start beyond every
    earlier end begins a new span), then clipped to each measured piece of the month by
    bisection.
    """
    live = _pairs(frame.live)
    with_spans = spans or qualifying is not None
    downtime_us, downtime = _clip(*_union(starts if reported is None else reported, ends), live,
                                  unit, with_spans)
    if not with_spans:
        return _figures(period, "outages", frame, _measured_us(frame), downtime_us, goal, strict)
    judged = None
    if reported is not None and qualifying is not None:
        # Counted from the report, a run is still as long as the loss of service it is part of.
        judged = _clip(*_union(starts, ends), live, unit, True)[1]
    return _bare(_report(period, "outages", frame, frame.measured, downtime, goal, strict,
                         qualifying=qualifying, judged=judged), spans)


def _outage_columns(starts: object, ends: object, causes: object,
                    excluded_causes: frozenset[str], reports: object
                    ) -> tuple[list[int], list[int], list[int] | None]:
    """The starts and ends of the outages not due to an excluded cause, and when `reports` are
    given the second each counts from (its report, between its start and its end);
    SlaInputError for a bad column."""
    begin = _ints("starts", _column("starts", starts))
    end = _ints("ends", _column("ends", ends))
    _same_length("starts", begin, ("ends", end))
    reported: list[int] | None = None
    if reports is not None:
        reported = _ints("reports", _column("reports", reports))
        _same_length("starts", begin, ("reports", reported))
        _refuse_bools("reports", reported)
    keep: list[bool] | None = None
    if causes is not None:
        given = _cause_column(causes, begin)
        if excluded_causes:
            keep = list(map(not_, map(excluded_causes.__contains__, given)))
    if begin:
        earliest = min(begin)
        if earliest <= 1:  # True and False are ints too, and only 0 and 1 equal them
            _refuse_bools("starts", begin)
            _refuse_bools("ends", end)
        if earliest < _FIRST_SECOND or max(end) > _LAST_SECOND:
            what = f"epoch seconds {_FIRST_SECOND} to {_LAST_SECOND}"
            if earliest < _FIRST_SECOND:
                raise _outside("starts", begin, _FIRST_SECOND, _LAST_SECOND, what)
            raise _outside("ends", end, _FIRST_SECOND, _LAST_SECOND, what)
        if any(map(gt, begin, end)):
            index = next(i for i, (a, b) in enumerate(zip(begin, end, strict=True)) if a > b)
            raise SlaInputError(
                "outage.order", "outage ends before it starts: {start} > {end}",
                start=f"starts[{index}] = {begin[index]}", end=f"ends[{index}] = {end[index]}",
            )
    if keep is not None:
        begin, end = list(compress(begin, keep)), list(compress(end, keep))
        reported = None if reported is None else list(compress(reported, keep))
    if reported is not None:
        reported = list(map(min, map(max, begin, reported), end))
    return begin, end, reported


def _cause_column(causes: object, starts: list[int]) -> list[object]:
    """The causes of the outages of `starts`, each a str (or a subclass of it) or None;
    SlaInputError otherwise."""
    given = _column("causes", causes)
    _same_length("starts", starts, ("causes", given))
    if not set(map(type, given)) <= {str, type(None)}:
        bad = next((c for c in given if c is not None and not isinstance(c, str)), None)
        if bad is not None:
            raise SlaInputError(
                "choice", "{name} must be one of {allowed}, got {value!r}",
                name="each cause", allowed=("a str", "None"), value=bad,
            )
    return given


def _union(starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """The union of the spans [starts[i], ends[i]) (none ends before it starts), as the sorted
    starts and ends of its disjoint spans (touching spans join, as `intervals.merge` does).

    Empty spans take no part. At any instant, the spans open are the starts up to it less the
    ends up to it; the union breaks between lasts[k] and firsts[k + 1] exactly when
    firsts[k + 1] > lasts[k].
    """
    chosen = list(map(lt, starts, ends))
    firsts, lasts = sorted(compress(starts, chosen)), sorted(compress(ends, chosen))
    if not firsts:
        return [], []
    later = firsts[1:]
    breaks = list(compress(range(len(later)), map(gt, later, lasts)))
    return [firsts[0], *map(later.__getitem__, breaks)], [*map(lasts.__getitem__, breaks),
                                                          lasts[-1]]


def _clip(firsts: list[int], lasts: list[int], live: list[tuple[int, int]], unit: int,
          spans: bool) -> tuple[int, list[Interval]]:
    """The microseconds of the disjoint spans [firsts[k], lasts[k]) (in units of `unit` µs,
    sorted) inside the live pieces, and when `spans` those parts as UTC intervals."""
    inside_us = 0
    lows: list[int] = []
    highs: list[int] = []
    # elapsed[k]: the units of the first k spans, so that any run of them is summed at once
    elapsed = list(accumulate(map(sub, lasts, firsts), initial=0))
    for low, high in live:
        first = bisect.bisect_right(lasts, low // unit)
        after = bisect.bisect_left(firsts, -(-high // unit))
        if first >= after:
            continue
        inside_us += (elapsed[after] - elapsed[first]) * unit
        head, tail = firsts[first] * unit, lasts[after - 1] * unit
        inside_us -= max(low - head, 0) + max(tail - high, 0)
        if spans:  # the spans are disjoint: only the first and the last may need clipping
            begin = len(lows)
            lows += map(mul, islice(firsts, first, after), repeat(unit))
            highs += map(mul, islice(lasts, first, after), repeat(unit))
            lows[begin], highs[-1] = max(lows[begin], low), min(highs[-1], high)
    return inside_us, _spans(lows, highs)


# --------------------------------------------------------------------------- error rates


def from_error_rates(
    period: Interval,
    scope: Sequence[Interval],
    excluded: Sequence[Interval],
    mode: ExclusionMode,
    rates: Iterable[MinuteRate],
    threshold: Decimal,
    missing: Missing | None,
    target: Decimal,
    strict: bool = False,
    *,
    qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """Availability from per-minute error rates (niveaux-de-service N1).

    A minute is an interruption when its error rate is > threshold (strictly). Minutes are
    real elapsed minutes (October 2024 in Paris has 31 × 1440 + 60). A minute without data
    follows `missing`: "available", "interrupted", or "excluded" (dropped from the measured
    time); None raises UnspecifiedError if such a minute exists. Each rate's minute must start
    inside the period; rates outside the scope are ignored. A minute given twice with different
    rates raises SlaInputError.
    """
    goal, limit = _rate_checks(threshold, missing, target)
    frame = _frame(period, scope, excluded, mode)
    given = require_list(rates)
    if given is None:
        raise SlaInputError(
            "type.rate", "rates must be MinuteRate objects, got {value!r}", value=rates
        )
    if set(map(type, given)) - {MinuteRate}:
        _refuse_other_rows(period, frame, given)
    rows = cast(list[MinuteRate], given)
    return _error_rates(period, frame, [row._epoch_minute for row in rows],
                        [row.error_rate for row in rows], limit, missing, goal, strict, scale=0,
                        decimal_rates=True, spans=True, qualifying=qualifying, rows=rows)


def _refuse_other_rows(period: Interval, frame: _Frame, rows: list[object]) -> None:
    """SlaInputError for the first row that is not a MinuteRate, or for a row before it that
    does not fit (outside the period, or a minute given twice with different rates)."""
    for index, row in enumerate(rows):
        if not isinstance(row, MinuteRate):
            earlier = cast(list[MinuteRate], rows[:index])
            _distinct_minutes([row._epoch_minute for row in earlier],
                              [row.error_rate for row in earlier], *_minute_bounds(frame.period),
                              _show(period, frame.zone), earlier)
            raise SlaInputError(
                "type.rate", "rates must be MinuteRate objects, got {value!r}", value=row
            )


def error_rates_from_columns(
    period: Interval,
    scope: Sequence[Interval],
    excluded: Sequence[Interval],
    mode: ExclusionMode,
    minutes: object,
    rates: object,
    threshold: Decimal,
    missing: Missing | None,
    target: Decimal,
    strict: bool = False,
    *,
    scale: int = 0,
    spans: bool = False,
    qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """`from_error_rates` on columns: minutes[i] is an epoch minute (minutes since 1970-01-01
    00:00 UTC), rates[i] its error rate in units of 10^-scale percent (an int or a Decimal;
    scale 1: tenths of a percent). Minutes may be unsorted and repeat with equal rates.
    """
    goal, limit = _rate_checks(threshold, missing, target)
    if isinstance(scale, bool) or not isinstance(scale, int) or not 0 <= scale <= 6:
        raise SlaInputError(
            "integer.range", "{name} must be in [{low}, {high}], got {value}",
            name="rate_scale", low=0, high=6, value=repr(scale),
        )
    _flag("spans", spans)
    frame = _frame(period, scope, excluded, mode)
    given = _ints("minutes", _column("minutes", minutes))
    values = _column("rates", rates)
    _same_length("minutes", given, ("rates", values))
    decimals = _rate_values(values, scale)
    return _error_rates(period, frame, given, values, limit, missing, goal, strict, scale=scale,
                        decimal_rates=decimals, spans=spans, qualifying=qualifying)


def _rate_checks(threshold: Decimal, missing: Missing | None, target: Decimal
                 ) -> tuple[Decimal, Decimal]:
    """The checks of the error-rate method's parameters: the target and the threshold."""
    goal = _percent("target", target)
    limit = _percent("threshold", threshold)
    _choice("missing", missing, ("available", "interrupted", "excluded", None))
    return goal, limit


def _error_rates(
    period: Interval,
    frame: _Frame,
    minutes: list[int],
    rates: list[Any],
    limit: Decimal,
    missing: Missing | None,
    goal: Decimal,
    strict: bool,
    *,
    scale: int,
    decimal_rates: bool,
    spans: bool,
    qualifying: Qualifying | None,
    rows: Sequence[MinuteRate] | None = None,
) -> AvailabilityReport:
    """The report from checked columns: minutes[i] is an epoch minute, rates[i] its rate in
    units of 10^-scale percent, compared with the threshold as a Decimal when `decimal_rates`
    (else as an int when whole); the errors name a minute as its row in `rows` gives it, if
    given.

    The sorted minutes are bisected for each measured piece of the month; the minutes above the
    threshold are counted by one comparison per minute; a piece's bounds that fall inside a
    minute count the part inside.
    """
    first, after = _minute_bounds(frame.period)
    if _increasing(minutes) and (not minutes or (first <= minutes[0] and minutes[-1] < after)):
        order, column = minutes, rates
    else:
        order, column = _distinct_minutes(minutes, rates, first, after,
                                          _show(period, frame.zone), rows)
    # Compared with the rates' own type: int with int, Decimal with Decimal, both in C.
    above_limit = limit.scaleb(scale, _EXACT) if decimal_rates else _scaled(limit, scale)
    if spans or qualifying is not None:
        return _bare(_rate_spans(period, frame, order, column, above_limit, missing, goal, strict,
                                 qualifying), spans)
    live_us, data_us, above_us = _rate_sums(_pairs(frame.live), order, column, above_limit)
    measured_us, downtime_us = _measured_us(frame), above_us
    no_data_us = live_us - data_us
    if no_data_us:
        if missing is None:
            _rate_spans(period, frame, order, column, above_limit, missing, goal, strict)
        if missing == "interrupted":
            downtime_us += no_data_us
        elif missing == "excluded":
            measured_us -= no_data_us
    return _figures(period, "error rates", frame, measured_us, downtime_us, goal, strict)


def _minute_bounds(period: Interval) -> tuple[int, int]:
    """The epoch minutes of the first minute that starts in the period and of the first after."""
    return -(-_us(period.start) // _MINUTE), -(-_us(period.end) // _MINUTE)


def _scaled(value: Decimal, scale: int) -> int | Decimal:
    """`value` × 10^scale, as an int when whole (ints compare fastest with ints)."""
    scaled = value.scaleb(scale, _EXACT)
    return int(scaled) if scaled == scaled.to_integral_value() else scaled


def _rate_values(rates: list[object], scale: int) -> bool:
    """SlaInputError unless every rate is an int or a Decimal between 0 and 100 percent
    (in units of 10^-scale percent); True when they are all Decimals. Each distinct value is
    checked once."""
    try:
        distinct: set[object] | list[object] = set(rates)
    except TypeError:  # an unhashable value, or a signalling NaN
        distinct = rates
    kinds = set(map(type, distinct))
    if kinds == {int}:
        numbers = cast(set[int], distinct)
        if min(numbers) >= 0 and max(numbers) <= 100 * 10**scale:
            return False
    for value in distinct:
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise _not_decimal("error rate", value)
        number = require_decimal("error rate", value) if isinstance(value, Decimal) \
            else Decimal(value)
        _percent("error rate", number.scaleb(-scale, _EXACT))
    return kinds == {Decimal}


def _rate_sums(live: list[tuple[int, int]], order: list[int], column: list[int | Decimal],
               above_limit: int | Decimal) -> tuple[int, int, int]:
    """Microseconds of live time, of it with data, and of it above the limit."""
    live_us = data_us = above_us = 0
    runs: list[tuple[int, int]] = []  # the rows of the minutes wholly inside a live piece
    for low, high in live:
        live_us += high - low
        lo = bisect.bisect_left(order, -(-low // _MINUTE))
        hi = bisect.bisect_left(order, high // _MINUTE)
        if lo < hi:
            data_us += (hi - lo) * _MINUTE
            runs.append((lo, hi))
        for minute in {low // _MINUTE, high // _MINUTE}:  # minutes cut by the piece's bounds
            part = min(high, (minute + 1) * _MINUTE) - max(low, minute * _MINUTE)
            if part <= 0 or part == _MINUTE:
                continue
            index = bisect.bisect_left(order, minute)
            if index < len(order) and order[index] == minute:
                data_us += part
                above_us += part if above_limit < column[index] else 0
    return live_us, data_us, above_us + _above(column, runs, above_limit) * _MINUTE


def _above(column: list[int | Decimal], runs: list[tuple[int, int]],
           above_limit: int | Decimal) -> int:
    """How many rates of the disjoint increasing row runs are above the limit: counted over
    the whole column less the rows between the runs when the runs cover most of it (as the
    month less its maintenance does), so that the long runs are not copied."""
    inside = sum(hi - lo for lo, hi in runs)
    if inside * 2 <= len(column):
        return sum(sum(map(lt, repeat(above_limit), column[lo:hi])) for lo, hi in runs)
    bounds = [0, *(i for run in runs for i in run), len(column)]
    between = sum(sum(map(lt, repeat(above_limit), column[bounds[k]:bounds[k + 1]]))
                  for k in range(0, len(bounds), 2))
    whole: int = sum(map(lt, repeat(above_limit), column))
    return whole - between


def _distinct_minutes(minutes: list[int], rates: list[Any], first: int, after: int,
                      period: str, rows: Sequence[MinuteRate] | None
                      ) -> tuple[list[int], list[Any]]:
    """Sorted distinct minutes and their rates; SlaInputError for the first minute outside
    [first, after) or given again with a different rate, named as its row in `rows` gives it
    (else in UTC)."""
    values: dict[int, object] = {}
    for index, (minute, rate) in enumerate(zip(minutes, rates, strict=True)):
        if not first <= minute < after:
            raise SlaInputError(
                "rate.outside", "error-rate minute {minute} is outside the period {period}",
                minute=_minute_named(minute, index, rows), period=period,
            )
        known = values.setdefault(minute, rate)
        if known != rate:
            raise SlaInputError(
                "rate.twice",
                "error-rate minute {minute} is given twice with different rates ({known} and "
                "{rate})",
                minute=_minute_named(minute, index, rows), known=known, rate=rate,
            )
    order = sorted(values)
    return order, list(map(values.__getitem__, order))


def _minute_named(minute: int, index: int, rows: Sequence[MinuteRate] | None) -> str:
    """The epoch minute of row `index` as an error names it: as `rows` give it, else in UTC."""
    return (_at(minute * _MINUTE) if rows is None else rows[index].minute).isoformat()


def _runs(minutes: Sequence[int]) -> list[Interval]:
    """Sorted distinct epoch-minute numbers grouped into UTC intervals of consecutive minutes."""
    if not minutes:
        return []
    # The positions where a minute does not follow the one before: map and compress run in C.
    steps = map(sub, islice(minutes, 1, None), minutes)
    breaks = list(compress(range(1, len(minutes)), map(ne, steps, repeat(1))))
    firsts = [minutes[0], *(minutes[index] for index in breaks)]
    lasts = [*(minutes[index - 1] for index in breaks), minutes[-1]]
    return _spans([first * _MINUTE for first in firsts], [(last + 1) * _MINUTE for last in lasts])


def _rate_spans(
    period: Interval,
    frame: _Frame,
    order: list[int],
    column: list[Any],
    above_limit: int | Decimal,
    missing: Missing | None,
    goal: Decimal,
    strict: bool,
    qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """The report with its spans, from the sorted distinct minutes."""
    above = list(compress(order, map(lt, repeat(above_limit), column)))
    downtime = intersect(_runs(above), frame.live)
    no_data = subtract(frame.live, _runs(order))
    measured = frame.measured
    if no_data:
        if missing is None:
            raise UnspecifiedError(
                "undecided.missing",
                "no error rate for {span} ({count} span(s) "
                "without data in all) and the contract does not say what missing data means: "
                "decide the missing parameter ('available', 'interrupted' or 'excluded')",
                span=_show(no_data[0], frame.zone), count=len(no_data),
            )
        if missing == "interrupted":
            downtime = merge([*downtime, *no_data])
        elif missing == "excluded":
            measured = subtract(measured, no_data)
    return _report(period, "error rates", frame, measured, downtime, goal, strict,
                   no_data=no_data, qualifying=qualifying)


# --------------------------------------------------------------------------- probes


_AT = attrgetter("at")


def from_probes(
    period: Interval,
    scope: Sequence[Interval],
    excluded: Sequence[Interval],
    mode: ExclusionMode,
    samples: Iterable[Sample],
    probes: Sequence[Probe],
    slice_minutes: int,
    good_share: Decimal,
    combine: Combine | None,
    no_data: NoData | None,
    target: Decimal,
    strict: bool = False,
    *,
    qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """Availability from probe samples judged per time slice (Cegid Conciliator C3).

    The period is cut on a grid aligned on local wall-clock boundaries of the period's zone
    (for 60 minutes: hh:00:00 to hh:59:59, real elapsed hours across DST); `slice_minutes`
    must divide a day. A slice counts for its part inside the measured scope (the slices are
    the intersection of the grid with the scope), weighted by that time. Only samples taken
    in that counted part (outside excluded time) are judged; in "available" mode the excluded
    part of a slice is measured but never downtime.

    A measurement is good when it answered with latency < the probe's max_latency. A probe's
    slice is good when its share of good measurements is >= good_share percent. Several probes
    in one slice are combined by `combine`: "each" (all good), "any" (one good), "pooled" (all
    measurements together); probes with no sample in a slice take no part in it. A slice with
    no sample at all follows `no_data`: "good", "bad", or "excluded" (dropped from the measured
    time). `combine` or `no_data` left None raises UnspecifiedError only when needed.
    Identical duplicate samples count once; conflicting ones raise SlaInputError.
    """
    goal, share, limits = _probe_checks(slice_minutes, good_share, combine, no_data, target,
                                         probes)
    frame = _frame(period, scope, excluded, mode)
    rows = _rows(samples, Sample, lambda value: SlaInputError(
        "type.sample", "samples must be Sample objects, got {value!r}", value=value))
    # Latencies stay in seconds, as the rows give them: the caps are the limits themselves.
    return _probes(period, frame, [row.probe for row in rows], _micros(map(_AT, rows)),
                   [row.latency for row in rows], limits, slice_minutes, share, combine, no_data,
                   goal, strict, spans=True, qualifying=qualifying, unit=1, rows=rows)


def probes_from_columns(
    period: Interval,
    scope: Sequence[Interval],
    excluded: Sequence[Interval],
    mode: ExclusionMode,
    names: object,
    instants: object,
    latencies: object,
    probes: Sequence[Probe],
    slice_minutes: int,
    good_share: Decimal,
    combine: Combine | None,
    no_data: NoData | None,
    target: Decimal,
    strict: bool = False,
    *,
    spans: bool = False,
    qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """`from_probes` on columns: sample i is probe names[i] at the epoch second instants[i],
    answering in latencies[i] milliseconds (an int or a Decimal), or None when it did not
    answer."""
    goal, share, limits = _probe_checks(slice_minutes, good_share, combine, no_data, target,
                                         probes)
    _flag("spans", spans)
    frame = _frame(period, scope, excluded, mode)
    who = _column("probes", names)
    when = _ints("instants", _column("instants", instants))
    how = _column("latencies_ms", latencies)
    _same_length("probes", who, ("instants", when), ("latencies_ms", how))
    _latency_values(how)
    caps = {name: _scaled(limit, 3) for name, limit in limits.items()}  # in milliseconds
    return _probes(period, frame, who, when, how, caps, slice_minutes, share, combine, no_data,
                   goal, strict, spans=spans, qualifying=qualifying, unit=_SECOND)


def _probe_checks(
    slice_minutes: int,
    good_share: Decimal,
    combine: Combine | None,
    no_data: NoData | None,
    target: Decimal,
    probes: Sequence[Probe],
) -> tuple[Decimal, Fraction, dict[str, Decimal]]:
    """The checks of a probe method's parameters: the target, the share and the probes'
    latency limits by name."""
    if isinstance(slice_minutes, bool) or not isinstance(slice_minutes, int):
        raise SlaInputError(
            "slice.type", "slice_minutes must be an int, got {value!r}", value=slice_minutes
        )
    if slice_minutes <= 0 or 1440 % slice_minutes:
        raise SlaInputError(
            "slice.divide", "slice_minutes must divide a day (1440), got {value}",
            value=slice_minutes,
        )
    goal = _percent("target", target)
    share = Fraction(_percent("good_share", good_share))
    _choice("combine", combine, ("each", "any", "pooled", None))
    _choice("no_data", no_data, ("good", "bad", "excluded", None))
    limits: dict[str, Decimal] = {}
    for probe in probes:
        if probe.name in limits:
            raise SlaInputError("probe.twice", "probe {probe!r} is listed twice", probe=probe.name)
        limits[probe.name] = probe.max_latency
    return goal, share, limits


@lru_cache(maxsize=64)
def _grid_us(zone: tzinfo, start: datetime, end: datetime, minutes: int) -> tuple[int, ...]:
    """`availability._grid` in microseconds, once per zone, period and slice length."""
    frame = _Frame(unchecked_interval(start, end), zone, "removed", [], [], [])
    return tuple(map(_us, _grid(frame, minutes)))


def _latency_values(latencies: list[object]) -> None:
    """SlaInputError unless every latency is None, an int >= 0 or a Decimal >= 0 (in
    milliseconds). Each distinct value is checked once."""
    try:
        distinct: set[object] | list[object] = set(latencies)
    except TypeError:  # an unhashable value, or a signalling NaN
        distinct = latencies
    kinds = set(map(type, distinct))
    if kinds <= {int, type(None)}:
        numbers = cast(list[int], [v for v in distinct if v is not None])
        if not numbers or (min(numbers) >= 0 and max(numbers) < _LATENCY_LIMIT):
            return
    for value in distinct:
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise _not_decimal("latency in milliseconds", value)
        if isinstance(value, Decimal):
            require_decimal("latency", value.scaleb(-3, _EXACT))
        if value < 0:
            raise SlaInputError(
                "negative.latency", "{what} is negative: {latency}",
                what="a latency in milliseconds", latency=value,
            )
        if value >= _LATENCY_LIMIT:
            raise SlaInputError(
                "number.too-large", "{name} must be below {limit} in absolute value, got {value}",
                name="a latency in milliseconds", limit="10^18", value=value,
            )


def _probes(
    period: Interval,
    frame: _Frame,
    names: list[Any],
    instants: list[int],
    latencies: list[Any],
    caps: dict[str, Any],
    slice_minutes: int,
    share: Fraction,
    combine: Combine | None,
    no_data: NoData | None,
    goal: Decimal,
    strict: bool,
    *,
    spans: bool,
    qualifying: Qualifying | None,
    unit: int,
    rows: Sequence[Sample] | None = None,
) -> AvailabilityReport:
    """The report from checked columns: sample i is probe names[i] at instants[i] (in units of
    `unit` microseconds from the epoch), good when its latency latencies[i] (None: no answer)
    is below the probe's cap (a limit by name, in the latencies' unit); the errors name a
    sample as its row in `rows`, if given.

    The measured pieces of the month are cut by the slice grid (bounds in microseconds, once
    per call). Samples in time order are found piece by piece by bisection and counted per
    probe with `list.count`; otherwise each sample finds its slice by arithmetic on a regular
    grid, or by bisection, and the counts by (slice, probe) come from `collections.Counter`.
    """
    start_us, end_us = _us(frame.period.start), _us(frame.period.end)
    who, when, how, ordered = _samples(
        names, instants, latencies, caps, -(-start_us // unit), -(-end_us // unit),
        _show(period, frame.zone), unit, rows)
    points = _grid_us(frame.zone, frame.period.start, frame.period.end, slice_minutes)
    segments = _cut(_pairs(frame.live), points)
    named = sorted(caps)
    tally = (_tally_ordered if ordered else _tally_any)(
        who, when, how, segments, points, named, caps, unit)
    counted: dict[int, int] = {}
    for a, b, cell in segments:
        counted[cell] = counted.get(cell, 0) + b - a
    downtime_us = dropped_us = 0
    verdicts: dict[int, Verdict] = {}
    for cell, length in counted.items():
        counts = tally.get(cell, ())
        present = [(named[p], g, t) for p, (g, t) in enumerate(counts) if t]
        verdict = verdicts[cell] = _judge(present, share, combine, no_data, points, cell,
                                          frame.zone)
        if verdict == "bad":
            downtime_us += length
        elif verdict == "no data excluded":
            dropped_us += length
    if spans or qualifying is not None:
        return _bare(_probe_spans(period, frame, segments, points, tally, named, verdicts, goal,
                                  strict, qualifying), spans)
    return _figures(period, "probes", frame, _measured_us(frame) - dropped_us, downtime_us,
                    goal, strict)


def _samples(
    who: list[Any], when: list[int], how: list[Any], caps: dict[str, Any], low: int, high: int,
    period: str, unit: int, rows: Sequence[Sample] | None,
) -> tuple[list[str], list[int], list[Any], bool]:
    """The samples (probe, instant, latency) with each (instant, probe) once, and whether they
    are in time order; SlaInputError for a sample of an unknown probe or outside [low, high),
    named as its row in `rows` (else by its values)."""
    try:
        known = not set(who) - caps.keys()
    except TypeError:  # an unhashable value
        known = False
    if not known:
        index = next(i for i, n in enumerate(who) if not isinstance(n, str) or n not in caps)
        raise SlaInputError(
            "sample.probe", "sample {sample!r} is from an unknown probe {probe!r}",
            sample=(when[index], who[index], how[index]) if rows is None else rows[index],
            probe=who[index],
        )
    increasing = _increasing(when)  # so no sample is repeated
    if when and ((when[0] < low or when[-1] >= high) if increasing
                 else (min(when) < low or max(when) >= high)):
        if rows is None:
            raise _outside("instants", when, low, high - 1, f"the period {period}")
        raise SlaInputError(
            "sample.outside", "sample {sample!r} is outside the period {period}",
            sample=next(r for r, t in zip(rows, when, strict=True) if not low <= t < high),
            period=period,
        )
    ordered = increasing
    if not increasing:
        if len(set(zip(when, who, strict=True))) != len(when):
            who, when, how = _distinct_samples(who, when, how, unit)
        ordered = all(map(le, when, islice(when, 1, None)))
    return who, when, how, ordered


def _cut(live: list[tuple[int, int]], points: Sequence[int]) -> list[tuple[int, int, int]]:
    """The live pieces cut by the grid: (start µs, end µs, slice index), sorted, disjoint."""
    segments: list[tuple[int, int, int]] = []
    for a, b in live:
        cell = bisect.bisect_right(points, a) - 1
        while a < b:
            edge = min(b, points[cell + 1])
            segments.append((a, edge, cell))
            a, cell = edge, cell + 1
    return segments


_Tally = dict[int, list[tuple[int, int]]]
"""(good, total) counts of each probe (in name order) by slice index."""


def _answered(latencies: list[Any]) -> list[Any]:
    """The latencies as compared with a cap: a sample without answer is never below it."""
    if any(map(is_, latencies, repeat(None))):
        return list(map(_ANSWERED.get, latencies, latencies))
    return latencies


def _tally_ordered(
    who: list[str], when: list[int], how: list[Any], segments: list[tuple[int, int, int]],
    points: Sequence[int], named: list[str], caps: dict[str, Any], unit: int,
) -> _Tally:
    """Counts from samples in time order: each piece's samples are a run found by bisection."""
    tally: _Tally = {}
    lo = 0
    for a, b, cell in segments:
        lo = bisect.bisect_left(when, -(-a // unit), lo)
        hi = bisect.bisect_left(when, -(-b // unit), lo)
        if lo == hi:
            continue
        names, answers = who[lo:hi], _answered(how[lo:hi])
        good = list(compress(names, map(lt, answers, map(caps.__getitem__, names))))
        counts = [(good.count(name), names.count(name)) for name in named]
        known = tally.get(cell)
        tally[cell] = counts if known is None else [
            (g + h, t + u) for (g, t), (h, u) in zip(known, counts, strict=True)]
        lo = hi
    return tally


def _tally_any(
    who: list[str], when: list[int], how: list[Any], segments: list[tuple[int, int, int]],
    points: Sequence[int], named: list[str], caps: dict[str, Any], unit: int,
) -> _Tally:
    """Counts from samples in any order: one key a sample, counted by `Counter`."""
    count = len(named)
    index_of = {name: i for i, name in enumerate(named)}
    slots = _slots(when, segments, points, unit)
    kept = list(compress(who, slots))
    answered = _answered(list(compress(how, slots)))
    good = map(lt, answered, map(caps.__getitem__, kept))
    # One key per sample: ((slice + 1) × probes + probe) × 2 + good.
    keys = Counter(map(add, map(mul, map(add, map(mul, filter(None, slots), repeat(count)),
                                             map(index_of.__getitem__, kept)), repeat(2)),
                       good))
    tally: _Tally = {}
    for key, number in keys.items():
        cell, probe = divmod((key >> 1) - count, count)
        counts = tally.setdefault(cell, [(0, 0)] * count)
        g, t = counts[probe]
        counts[probe] = (g + number * (key & 1), t + number)
    return tally


def _probe_spans(
    period: Interval, frame: _Frame, segments: list[tuple[int, int, int]],
    points: Sequence[int], tally: _Tally, named: list[str], verdicts: dict[int, Verdict],
    goal: Decimal, strict: bool, qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """The report with its spans and slices."""
    parts_of: dict[int, list[Interval]] = {}
    for a, b, cell in segments:
        parts_of.setdefault(cell, []).append(_span(a, b))
    slices: list[Slice] = []
    bad: list[Interval] = []
    dropped: list[Interval] = []
    empty: list[Interval] = []
    for cell, verdict in verdicts.items():
        parts = parts_of[cell]
        per_probe = tuple(ProbeCount(named[p], g, t)
                          for p, (g, t) in enumerate(tally.get(cell, ())) if t)
        if verdict == "bad":
            bad += parts
        elif verdict == "no data excluded":
            dropped += parts
        if not per_probe:
            empty += parts
        slices.append(Slice(_span(points[cell], points[cell + 1]), total(parts),
                            sum(p.good for p in per_probe), sum(p.total for p in per_probe),
                            verdict, per_probe))
    return _report(period, "probes", frame, subtract(frame.measured, dropped), merge(bad),
                   goal, strict, merge(empty), slices, qualifying)


def _slots(when: list[int], segments: list[tuple[int, int, int]], points: Sequence[int],
           unit: int) -> list[int]:
    """Each instant's slice + 1, or 0 when it is outside the pieces `segments` (from `_cut`);
    `when` in units of `unit` microseconds from the epoch.

    When the grid's slices are whole units of one length (hours in a zone whose offsets are
    whole hours), an instant's slice is its distance to the period's start divided by that
    length, and a table by slice tells whether the slice is wholly measured, not at all, or
    in part; only the instants of the slices measured in part are looked up by bisection in
    the table of the pieces' bounds. Otherwise every instant is looked up there.
    """
    table: list[int] = []  # the pieces' bounds in units: an instant between a piece's bounds
    labels = [0]           # is in it, and labels[bisect_right(table, instant)] is its slice + 1
    for a, b, cell in segments:
        table += (-(-a // unit), -(-b // unit))
        labels += (cell + 1, 0)
    step = points[1] - points[0] if len(points) > 1 else 0
    if step % unit or points[0] % unit or any(
            map(int.__ne__, map(sub, points[1:], points[:-1]), repeat(step))):
        return list(map(labels.__getitem__, map(bisect.bisect_right, repeat(table), when)))
    whole: list[int] = [0] * (len(points) - 1)
    for a, b, cell in segments:
        whole[cell] = cell + 1 if (a, b) == (points[cell], points[cell + 1]) else -1
    origin, length = points[0] // unit, step // unit
    slots = list(map(whole.__getitem__, map(floordiv, map(sub, when, repeat(origin)),
                                             repeat(length))))
    if -1 in slots:  # samples in a slice measured in part
        for index in compress(range(len(slots)), map(eq, slots, repeat(-1))):
            slots[index] = labels[bisect.bisect_right(table, when[index])]
    return slots


def _judge(
    present: list[tuple[str, int, int]],
    share: Fraction,
    combine: Combine | None,
    no_data: NoData | None,
    points: Sequence[int],
    cell: int,
    zone: tzinfo,
) -> Verdict:
    """The verdict of a slice from the (probe, good, total) counts of the probes that measured
    it, in integers; UnspecifiedError when it takes a decision left undecided."""
    if not present:
        if no_data is None:
            raise UnspecifiedError(
                "undecided.no-data",
                "the slice {slice} has no sample and the contract does not say "
                "what that means: decide the no_data parameter ('good', 'bad' or 'excluded')",
                slice=_show(_span(points[cell], points[cell + 1]), zone),
            )
        return "no data excluded" if no_data == "excluded" else no_data
    if len(present) > 1 and combine is None:
        raise UnspecifiedError(
            "undecided.combine",
            "probes {names} all measured the slice {slice} and the contract does "
            "not say how they combine: decide the combine parameter ('each', 'any' or 'pooled')",
            names=", ".join(name for name, _, _ in present),
            slice=_show(_span(points[cell], points[cell + 1]), zone),
        )
    top, bottom = share.numerator, share.denominator
    oks = [g * 100 * bottom >= top * t for _, g, t in present]
    if len(present) == 1:
        ok = oks[0]
    elif combine == "each":
        ok = all(oks)
    elif combine == "any":
        ok = any(oks)
    else:
        g = sum(g for _, g, _ in present)
        t = sum(t for _, _, t in present)
        ok = g * 100 * bottom >= top * t
    return "good" if ok else "bad"


def _distinct_samples(
    who: list[Any], when: list[int], how: list[Any], unit: int
) -> tuple[list[Any], list[int], list[Any]]:
    """Samples with each (instant, probe) once; SlaInputError for conflicting latencies."""
    seen: dict[tuple[int, Any], Any] = {}
    for name, at, latency in zip(who, when, how, strict=True):
        known = seen.setdefault((at, name), latency)
        if known != latency:
            raise SlaInputError(
                "sample.conflict", "conflicting samples of probe {probe!r} at {at}",
                probe=name, at=_at(at * unit).isoformat(),
            )
    return ([name for _, name in seen], [at for at, _ in seen], list(seen.values()))
