"""Availability from columns: the algorithms of the generated `x_report_columns` entry points.

The per-element functions of `availability` take one object per row (`Outage`, `Sample`,
`MinuteRate`) and compute on aware datetimes. These take the same rows as columns of plain
numbers — epoch seconds (or epoch minutes for error rates), ints or Decimals — and compute on
integers: the period, the measured windows and the excluded time are turned once per call into
flat tables of UTC bounds in microseconds (so DST days and the zone's offsets are those of the
per-element path), and the columns are then read by a few passes that run in C (`sorted`,
`bisect`, `map`, `sum`, `collections.Counter`).

The answers are those of the per-element functions given the same rows: same checks (a bad
value raises SlaInputError, an undecided point UnspecifiedError), same figures. With
`spans=True` the report is equal to the per-element one, spans and slices included; by default
(`spans=False`) the spans are not built: `measured`, `downtime`, `no_data` and `slices` are
empty, every figure (`measured_time`, `excluded_time`, `downtime_time`, `exact`,
`availability`, `met`...) is the same.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from itertools import accumulate, compress, islice, repeat
from operator import add, and_, eq, floordiv, gt, le, lt, mul, not_, sub
from typing import Any, cast

from .availability import (
    PERCENT_PLACES,
    AvailabilityReport,
    Combine,
    ExclusionMode,
    Method,
    Missing,
    NoData,
    Outage,
    Probe,
    ProbeCount,
    Qualifying,
    Slice,
    Verdict,
    _choice,
    _Frame,
    _frame,
    _grid,
    _percent,
    _probe_checks,
    _report,
    _runs,
    _show,
    _verdict,
    from_outages,
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


def _us(instant: datetime) -> int:
    """Microseconds from the epoch to an aware instant, exactly."""
    return (instant - _EPOCH) // _US


def _at(micros: int) -> datetime:
    """The UTC instant `micros` microseconds after the epoch."""
    return _EPOCH + timedelta(microseconds=micros)


def _span(start: int, end: int) -> Interval:
    return unchecked_interval(_at(start), _at(end))


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


# --------------------------------------------------------------------------- outages


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
    """`availability.from_outages` on columns: outage i is [starts[i], ends[i]) in epoch
    seconds, with the cause causes[i] (a str, or None for none; `causes` None: no causes).
    `reports` given: outage i counts from the epoch second reports[i] on (downtime counted
    from the report). With `qualifying`, the spans are built to find the runs that count.

    Outages are unsorted, may repeat and overlap; each must end at or after its start. The
    union is found on the sorted starts and the sorted ends apart (a start beyond every earlier
    end begins a new span), then clipped to each measured piece of the month by bisection.
    """
    goal = _percent("target", target)
    if not isinstance(excluded_causes, set | frozenset):
        raise SlaInputError(
            "type.causes", "excluded_causes must be a set of causes, got {value!r}",
            value=excluded_causes,
        )
    _flag("spans", spans)
    if reports is not None and qualifying is not None:
        # Runs judged on the whole loss of service, counted from the report: the row path.
        return _bare(from_outages(period, scope, excluded, mode,
                                  _outage_rows(starts, ends, causes, reports), excluded_causes,
                                  target, strict, from_report=True, qualifying=qualifying),
                     spans)
    frame = _frame(period, scope, excluded, mode)
    firsts, lasts = _union(*_counted_outages(starts, ends, causes, excluded_causes, reports))
    whole = spans
    spans = spans or qualifying is not None
    live = _pairs(frame.live)
    downtime_us = 0
    pieces: list[tuple[int, int]] = []
    # elapsed[k]: seconds of the union's first k spans, so that any run of them is summed at once
    elapsed = list(accumulate(map(sub, lasts, firsts), initial=0))
    for low, high in live:
        first = bisect.bisect_right(lasts, low // _SECOND)
        after = bisect.bisect_left(firsts, -(-high // _SECOND))
        if first >= after:
            continue
        downtime_us += (elapsed[after] - elapsed[first]) * _SECOND
        head, tail = firsts[first] * _SECOND, lasts[after - 1] * _SECOND
        downtime_us -= max(low - head, 0) + max(tail - high, 0)
        if spans:
            pieces += [(max(a * _SECOND, low), min(b * _SECOND, high))
                       for a, b in zip(islice(firsts, first, after), islice(lasts, first, after),
                                       strict=True)]
    if spans:
        return _bare(_report(period, "outages", frame, frame.measured,
                             [_span(a, b) for a, b in pieces], goal, strict,
                             qualifying=qualifying), whole)
    return _figures(period, "outages", frame, _measured_us(frame), downtime_us, goal, strict)


def _outage_rows(starts: object, ends: object, causes: object, reports: object) -> list[Outage]:
    """The columns of outages as Outage rows (each checked as the row path checks it)."""
    begin = _ints("starts", _column("starts", starts))
    end = _ints("ends", _column("ends", ends))
    reported = _ints("reports", _column("reports", reports))
    why = [None] * len(begin) if causes is None else _column("causes", causes)
    _same_length("starts", begin, ("ends", end), ("reports", reported), ("causes", why))
    for name, column in (("starts", begin), ("ends", end), ("reports", reported)):
        _refuse_bools(name, column)
    return [Outage(_at(a * _SECOND), _at(b * _SECOND), c, _at(r * _SECOND))  # type: ignore[arg-type]
            for a, b, c, r in zip(begin, end, why, reported, strict=True)]


def _counted_outages(starts: object, ends: object, causes: object,
                     excluded_causes: frozenset[str],
                     reports: object = None) -> tuple[list[int], list[int]]:
    """The sorted starts and the sorted ends of the outages that count: not empty, and not due
    to an excluded cause, each from its report when `reports` are given; SlaInputError for a
    bad column."""
    begin = _ints("starts", _column("starts", starts))
    end = _ints("ends", _column("ends", ends))
    _same_length("starts", begin, ("ends", end))
    if reports is not None:
        reported = _ints("reports", _column("reports", reports))
        _same_length("starts", begin, ("reports", reported))
        _refuse_bools("reports", reported)
        begin = list(map(min, map(max, begin, reported), end))
    keep: list[bool] | None = None
    if causes is not None:
        given = _column("causes", causes)
        _same_length("starts", begin, ("causes", given))
        if not set(map(type, given)) <= {str, type(None)}:
            bad = next(c for c in given if c is not None and not isinstance(c, str))
            raise SlaInputError(
                "choice", "{name} must be one of {allowed}, got {value!r}",
                name="each cause", allowed=("a str", "None"), value=bad,
            )
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
    chosen = list(map(lt, begin, end))  # empty outages take no part in the union
    if keep is not None:
        chosen = list(map(and_, chosen, keep))
    return sorted(compress(begin, chosen)), sorted(compress(end, chosen))


def _union(firsts: list[int], lasts: list[int]) -> tuple[list[int], list[int]]:
    """The union of the non-empty spans whose sorted starts and sorted ends are given, as the
    starts and ends of its disjoint spans (touching spans join, as `intervals.merge` does).

    At any instant, the spans open are the starts up to it less the ends up to it; the union
    breaks between lasts[k] and firsts[k + 1] exactly when firsts[k + 1] > lasts[k].
    """
    if not firsts:
        return [], []
    later = firsts[1:]
    breaks = list(compress(range(len(later)), map(gt, later, lasts)))
    return [firsts[0], *map(later.__getitem__, breaks)], [*map(lasts.__getitem__, breaks),
                                                          lasts[-1]]


# --------------------------------------------------------------------------- error rates


def _scaled(value: Decimal, scale: int) -> int | Decimal:
    """`value` × 10^scale, as an int when whole (ints compare fastest with ints)."""
    scaled = value.scaleb(scale)
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
        _percent("error rate", number.scaleb(-scale))
    return kinds == {Decimal}


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
    """`availability.from_error_rates` on columns: minutes[i] is an epoch minute (minutes
    since 1970-01-01 00:00 UTC), rates[i] its error rate in units of 10^-scale percent (an int
    or a Decimal; scale 1: tenths of a percent).

    Minutes may be unsorted and repeat with equal rates. The sorted minutes are bisected for
    each measured piece of the month; the minutes above the threshold are counted by one
    comparison per minute; a piece's bounds that fall inside a minute count the part inside.
    """
    goal = _percent("target", target)
    limit = _percent("threshold", threshold)
    _choice("missing", missing, ("available", "interrupted", "excluded", None))
    if isinstance(scale, bool) or not isinstance(scale, int) or not 0 <= scale <= 6:
        raise SlaInputError(
            "integer.range", "{name} must be in [{low}, {high}], got {value}",
            name="rate_scale", low=0, high=6, value=repr(scale),
        )
    _flag("spans", spans)
    frame = _frame(period, scope, excluded, mode)
    first = -(-_us(frame.period.start) // _MINUTE)
    after = -(-_us(frame.period.end) // _MINUTE)
    given = _ints("minutes", _column("minutes", minutes))
    values = _column("rates", rates)
    _same_length("minutes", given, ("rates", values))
    decimals = _rate_values(values, scale)
    order = sorted(given)
    if order and (order[0] < first or order[-1] >= after):
        bad = order[0] if order[0] < first else order[-1]
        raise SlaInputError(
            "rate.outside", "error-rate minute {minute} is outside the period {period}",
            minute=_at(bad * _MINUTE).isoformat(), period=_show(period, frame.zone),
        )
    if order == given and len(set(given)) == len(given):
        column = cast(list[int | Decimal], values)
    else:
        order, column = _distinct_minutes(given, values)
    # Compared with the rates' own type: int with int, Decimal with Decimal, both in C.
    above_limit = limit.scaleb(scale) if decimals else _scaled(limit, scale)
    live_us, data_us, above_us = _rate_sums(_pairs(frame.live), order, column, above_limit)
    if spans or qualifying is not None:
        return _bare(_rate_spans(period, frame, order, column, above_limit, missing, goal, strict,
                                 qualifying), spans)
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


def _distinct_minutes(minutes: list[int], rates: list[object]
                      ) -> tuple[list[int], list[int | Decimal]]:
    """Sorted distinct minutes and their rates; SlaInputError for a minute given twice with
    different rates."""
    values: dict[int, object] = {}
    for minute, rate in zip(minutes, rates, strict=True):
        known = values.setdefault(minute, rate)
        if known != rate:
            raise SlaInputError(
                "rate.twice",
                "error-rate minute {minute} is given twice with different rates ({known} and "
                "{rate})",
                minute=_at(minute * _MINUTE).isoformat(), known=known, rate=rate,
            )
    order = sorted(values)
    return order, cast(list[int | Decimal], list(map(values.__getitem__, order)))


def _rate_spans(
    period: Interval,
    frame: _Frame,
    order: list[int],
    column: list[int | Decimal],
    above_limit: int | Decimal,
    missing: Missing | None,
    goal: Decimal,
    strict: bool,
    qualifying: Qualifying | None = None,
) -> AvailabilityReport:
    """The end of `availability.from_error_rates`, on the sorted distinct minutes."""
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


@lru_cache(maxsize=64)
def _grid_us(zone: tzinfo, start: datetime, end: datetime, minutes: int) -> tuple[int, ...]:
    """`availability._grid` in microseconds, once per zone, period and slice length."""
    frame = _Frame(unchecked_interval(start, end), zone, "removed", [], [], [])
    return tuple(map(_us, _grid(frame, minutes)))


def _latency_values(latencies: list[object]) -> bool:
    """SlaInputError unless every latency is None, an int >= 0 or a Decimal >= 0 (in
    milliseconds); True when some are None. Each distinct value is checked once."""
    try:
        distinct: set[object] | list[object] = set(latencies)
    except TypeError:  # an unhashable value, or a signalling NaN
        distinct = latencies
    empty = None in distinct
    kinds = set(map(type, distinct))
    if kinds <= {int, type(None)}:
        numbers = cast(list[int], [v for v in distinct if v is not None] if empty else distinct)
        if not numbers or (min(numbers) >= 0 and max(numbers) < _LATENCY_LIMIT):
            return empty
    for value in distinct:
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise _not_decimal("latency in milliseconds", value)
        if isinstance(value, Decimal):
            require_decimal("latency", value.scaleb(-3))
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
    return empty


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
    """`availability.from_probes` on columns: sample i is probe names[i] at the epoch second
    instants[i], answering in latencies[i] milliseconds (an int or a Decimal), or None when it
    did not answer.

    The measured pieces of the month are cut by the slice grid (bounds in microseconds, once
    per call). Samples in time order are found piece by piece by bisection and counted per
    probe with `list.count`; otherwise each sample finds its slice by arithmetic on a regular
    grid, or by bisection, and the counts by (slice, probe) come from `collections.Counter`.
    """
    goal, share, limits = _probe_checks(slice_minutes, good_share, combine, no_data, target,
                                         probes)
    _flag("spans", spans)
    frame = _frame(period, scope, excluded, mode)
    start_us, end_us = _us(frame.period.start), _us(frame.period.end)
    who, when, how, silent, ordered = _samples(
        names, instants, latencies, limits, -(-start_us // _SECOND), -(-end_us // _SECOND),
        _show(period, frame.zone))
    points = _grid_us(frame.zone, frame.period.start, frame.period.end, slice_minutes)
    segments = _cut(_pairs(frame.live), points)
    named = sorted(limits)
    cap = {name: _scaled(limit, 3) for name, limit in limits.items()}
    tally = (_tally_ordered if ordered else _tally_any)(
        who, when, how, silent, segments, points, named, cap)
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
    names: object, instants: object, latencies: object, limits: dict[str, Decimal],
    low: int, high: int, period: str,
) -> tuple[list[str], list[int], list[Any], bool, bool]:
    """The checked columns (probe, epoch second, latency), each (instant, probe) once; whether
    some latencies are None; whether the instants are in order."""
    who = _column("probes", names)
    when = _ints("instants", _column("instants", instants))
    how = _column("latencies_ms", latencies)
    _same_length("probes", who, ("instants", when), ("latencies_ms", how))
    try:
        known = not set(who) - limits.keys()
    except TypeError:  # an unhashable value
        known = False
    if not known:
        index = next(i for i, n in enumerate(who) if not isinstance(n, str) or n not in limits)
        raise SlaInputError(
            "sample.probe", "sample {sample!r} is from an unknown probe {probe!r}",
            sample=(when[index], who[index], how[index]), probe=who[index],
        )
    silent = _latency_values(how)
    increasing = all(map(lt, when, islice(when, 1, None)))  # so no sample is repeated
    if when and ((when[0] < low or when[-1] >= high) if increasing
                 else (min(when) < low or max(when) >= high)):
        raise _outside("instants", when, low, high - 1, f"the period {period}")
    ordered = increasing
    if not increasing:
        if len(set(zip(when, who, strict=True))) != len(when):
            who, when, how = _distinct_samples(who, when, how)
        ordered = all(map(le, when, islice(when, 1, None)))
    return cast(list[str], who), when, how, silent, ordered


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


def _tally_ordered(
    who: list[str], when: list[int], how: list[Any], silent: bool,
    segments: list[tuple[int, int, int]], points: Sequence[int], named: list[str],
    cap: dict[str, int | Decimal],
) -> _Tally:
    """Counts from samples in time order: each piece's samples are a run found by bisection."""
    tally: _Tally = {}
    lo = 0
    for a, b, cell in segments:
        lo = bisect.bisect_left(when, -(-a // _SECOND), lo)
        hi = bisect.bisect_left(when, -(-b // _SECOND), lo)
        if lo == hi:
            continue
        names, answers = who[lo:hi], how[lo:hi]
        if silent and None in answers:  # a sample without answer is never below the limit
            answers = list(map(_ANSWERED.get, answers, answers))
        good = list(compress(names, map(lt, answers, map(cap.__getitem__, names))))
        counts = [(good.count(name), names.count(name)) for name in named]
        known = tally.get(cell)
        tally[cell] = counts if known is None else [
            (g + h, t + u) for (g, t), (h, u) in zip(known, counts, strict=True)]
        lo = hi
    return tally


def _tally_any(
    who: list[str], when: list[int], how: list[Any], silent: bool,
    segments: list[tuple[int, int, int]], points: Sequence[int], named: list[str],
    cap: dict[str, int | Decimal],
) -> _Tally:
    """Counts from samples in any order: one key a sample, counted by `Counter`."""
    table: list[int] = []
    labels = [0]
    for a, b, cell in segments:
        table += (-(-a // _SECOND), -(-b // _SECOND))
        labels += (cell + 1, 0)
    count = len(named)
    index_of = {name: i for i, name in enumerate(named)}
    slots = _slots(when, table, labels, segments, points)
    kept = list(compress(who, slots))
    answered = list(compress(how, slots))
    if silent:
        answered = list(map(_ANSWERED.get, answered, answered))
    good = map(lt, answered, map(cap.__getitem__, kept))
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
    """The report of `availability.from_probes`, spans and slices included."""
    slices: list[Slice] = []
    bad: list[Interval] = []
    dropped: list[Interval] = []
    empty: list[Interval] = []
    for cell, verdict in verdicts.items():
        parts = [_span(a, b) for a, b, c in segments if c == cell]
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


def _slots(when: list[int], table: list[int], labels: list[int],
           segments: list[tuple[int, int, int]], points: Sequence[int]) -> list[int]:
    """Each sample's slice + 1, or 0 when it is outside the measured pieces.

    When the grid's slices are whole seconds of one length (hours in a zone whose offsets
    are whole hours), a sample's slice is its distance to the period's start divided by that
    length, and a table by slice tells whether the slice is wholly measured, not at all, or
    in part; only the samples of the slices measured in part are looked up by bisection.
    Otherwise every sample is looked up by bisection in `table`.
    """
    step = points[1] - points[0] if len(points) > 1 else 0
    if step % _SECOND or points[0] % _SECOND or any(
            map(int.__ne__, map(sub, points[1:], points[:-1]), repeat(step))):
        return list(map(labels.__getitem__, map(bisect.bisect_right, repeat(table), when)))
    whole: list[int] = [0] * (len(points) - 1)
    for a, b, cell in segments:
        whole[cell] = cell + 1 if (a, b) == (points[cell], points[cell + 1]) else -1
    origin, length = points[0] // _SECOND, step // _SECOND
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
    """`availability._verdict` on counts, in integers; the undecided cases raise through it."""
    if not present and no_data is not None:
        return "no data excluded" if no_data == "excluded" else no_data
    if not present or (len(present) > 1 and combine is None):
        per_probe = tuple(ProbeCount(n, g, t) for n, g, t in present)
        return _verdict(_span(points[cell], points[cell + 1]), zone, per_probe, share,
                        combine, no_data)
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
    who: list[object], when: list[int], how: list[object]
) -> tuple[list[object], list[int], list[object]]:
    """Samples with each (instant, probe) once; SlaInputError for conflicting latencies."""
    seen: dict[tuple[int, object], object] = {}
    for name, at, latency in zip(who, when, how, strict=True):
        known = seen.setdefault((at, name), latency)
        if known != latency:
            raise SlaInputError(
                "sample.conflict", "conflicting samples of probe {probe!r} at {at}",
                probe=name, at=_at(at * _SECOND).isoformat(),
            )
    return ([name for _, name in seen], [at for at, _ in seen], list(seen.values()))
