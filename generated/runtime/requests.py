"""Availability from request counts judged per time slice (public cloud SLAs), computed on integers.

Many vendors define downtime from the requests a service answered: a 5-minute slice is down
when more than 50 % of its requests failed, and says nothing when it holds fewer than 20
requests; a minute is down when the error rate of any feature exceeds 5 %. The counts come as
rows, each for the slice that holds its instant; rows of one slice (and feature) add up. The
period is cut on the same wall-clock grid as probe slices (`availability._grid`).

Per feature (None: the service as a whole), a slice with at least `minimum` requests is bad
when its failed share is above the threshold (`at_least`: at or above it). Features below the
minimum take no part; a slice where no feature takes part follows `fewer` ("good", "bad",
"excluded"). Several features that take part are combined as probes are: "each" (good only if
each is good), "any" (good if one is), "pooled" (all their requests together).

As in `columns`, one algorithm has two entry points. `from_requests` takes RequestCount rows,
checks them and hands their columns to the algorithm, instants as exact epoch microseconds; it
returns the whole report. `requests_from_columns` (the algorithm of the generated
`x_report_columns` entry points) takes the same rows as columns of epoch seconds and counts,
checked as RequestCount checks a row; by default (`spans=False`) it returns the figures without
the spans. The algorithm works on integers: the period, its slice grid (`columns._grid_us`), the
live pieces of each slice (`columns._cut`) and the monitored outages are bounds in microseconds,
each row finds its slice as a probe sample does (`columns._slots`), and a slice is judged on
its counts by integer comparisons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal
from fractions import Fraction
from itertools import takewhile
from operator import attrgetter, gt
from typing import TypeGuard, cast

from .availability import (
    PERCENT_PLACES,
    AvailabilityReport,
    Combine,
    ExclusionMode,
    NoData,
    Outage,
    ProbeCount,
    Qualifying,
    Slice,
    Verdict,
    _choice,
    _Frame,
    _frame,
    _percent,
    _report,
    _show,
)
from .columns import (
    _AT,
    _FIRST_SECOND,
    _LAST_SECOND,
    _SECOND,
    _at,
    _bare,
    _clip,
    _column,
    _cut,
    _figures,
    _flag,
    _grid_us,
    _ints,
    _measured_us,
    _micros,
    _outside,
    _pairs,
    _refuse_bools,
    _same_length,
    _slots,
    _span,
    _spans,
    _union,
    _us,
)
from .errors import SlaInputError, Text, UnspecifiedError
from .intervals import (
    Interval,
    is_aware,
    merge,
    require_aware,
    require_list,
    subtract,
    total,
)


@dataclass(frozen=True)
class RequestCount:
    """`requests` served in the slice holding `at`, of which `failed` failed, for `feature`
    (None: the service as a whole)."""

    at: datetime
    requests: int
    failed: int
    feature: str | None = None

    def __post_init__(self) -> None:
        if not is_aware(self.at):
            require_aware(Text("name.request-time", "request count time"), self.at)
        for name, value in (("requests", self.requests), ("failed", self.failed)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise SlaInputError(
                    "requests.count", "{name} must be an int of zero or more, got {value!r}",
                    name=name, value=value,
                )
        if self.failed > self.requests:
            raise SlaInputError(
                "requests.failed", "{failed} failed requests of {requests} at {at}: more "
                "failures than requests", failed=self.failed, requests=self.requests,
                at=self.at.isoformat(),
            )
        if self.feature is not None and not isinstance(self.feature, str):
            raise SlaInputError(
                "requests.feature", "feature must be a str or None, got {value!r}",
                value=self.feature,
            )


@dataclass(frozen=True)
class _Rule:
    """How a slice is judged from its counts: the checked parameters of `from_requests`."""

    limit: Fraction            # the threshold, in percent
    minimum: int
    fewer: NoData | None
    combine: Combine | None
    at_least: bool

    def bad(self, failed: int, requests: int) -> bool:
        """Whether `failed` of `requests` (> 0) is above the threshold (`at_least`: or at it)."""
        over = failed * 100 * self.limit.denominator
        under = self.limit.numerator * requests
        return over >= under if self.at_least else over > under


_Tallies = dict[int, dict[str | None, list[int]]]
"""[failed, requests] by slice index and feature, each slice's features in the rows' order."""
_Monitored = tuple[list[int], list[int]]
"""The monitored outages that count, as the sorted starts and ends of disjoint spans in µs."""
_REQUESTS = attrgetter("requests")
_FAILED = attrgetter("failed")
_FEATURE = attrgetter("feature")


def from_requests(
    period: Interval,
    scope: Sequence[Interval],
    excluded: Sequence[Interval],
    mode: ExclusionMode,
    counts: Iterable[RequestCount],
    slice_minutes: int,
    threshold: Decimal,
    minimum: int,
    fewer: NoData | None,
    combine: Combine | None,
    target: Decimal,
    strict: bool = False,
    *,
    at_least: bool = False,
    outages: Iterable[Outage] | None = None,
    excluded_causes: frozenset[str] = frozenset(),
    qualifying: Qualifying | None = None,
    averaged: bool = False,
) -> AvailabilityReport:
    """Availability from request counts judged slice by slice (see the module's docstring).

    A slice counts for its part inside the measured scope; counts whose instant lies outside
    the live time (scope less excluded time) are ignored, as probe samples are. With
    `outages` (monitoring that says down, for contracts that combine signals), a span is
    downtime when its slice is bad or an outage (not of an excluded cause) covers it.

    `averaged`: the availability is 100 % less the average of the slices' error rates, each
    slice weighted by its measured time (a slice with fewer requests than `minimum` has the
    rate 0 % when `fewer` is "good", 100 % when "bad"; "excluded" leaves it out). `threshold`
    and `qualifying` then play no part; outage time has the rate 100 %.
    """
    goal, rule = _checks(slice_minutes, threshold, minimum, fewer, combine, target, at_least)
    frame = _frame(period, scope, excluded, mode)
    rows, instants = _rows(counts, period, frame)
    return _requests(period, frame, instants, list(map(_REQUESTS, rows)),
                     list(map(_FAILED, rows)), list(map(_FEATURE, rows)), rule, slice_minutes,
                     _monitored(outages, excluded_causes), goal, strict, averaged=averaged,
                     qualifying=qualifying, spans=True, unit=1)


def requests_from_columns(
    period: Interval,
    scope: Sequence[Interval],
    excluded: Sequence[Interval],
    mode: ExclusionMode,
    instants: object,
    requests: object,
    failed: object,
    features: object,
    slice_minutes: int,
    threshold: Decimal,
    minimum: int,
    fewer: NoData | None,
    combine: Combine | None,
    target: Decimal,
    strict: bool = False,
    *,
    at_least: bool = False,
    outages: Iterable[Outage] | None = None,
    excluded_causes: frozenset[str] = frozenset(),
    qualifying: Qualifying | None = None,
    averaged: bool = False,
    spans: bool = False,
) -> AvailabilityReport:
    """`from_requests` on columns: row i is requests[i] requests at the epoch second
    instants[i], failed[i] of them failed, for features[i] (`features` None: the service).
    Rows may be unsorted and repeat (they add up)."""
    seconds, served, lost, named = _count_columns(instants, requests, failed, features)
    goal, rule = _checks(slice_minutes, threshold, minimum, fewer, combine, target, at_least)
    _flag("spans", spans)
    frame = _frame(period, scope, excluded, mode)
    _refuse_outside(period, frame, seconds, _SECOND, lambda index: RequestCount(
        _at(seconds[index] * _SECOND), served[index], lost[index], named[index]))
    return _requests(period, frame, seconds, served, lost, named, rule, slice_minutes,
                     _monitored(outages, excluded_causes), goal, strict, averaged=averaged,
                     qualifying=qualifying, spans=spans, unit=_SECOND)


# --------------------------------------------------------------------------- checks


def _checks(slice_minutes: int, threshold: Decimal, minimum: int, fewer: NoData | None,
            combine: Combine | None, target: Decimal, at_least: bool) -> tuple[Decimal, _Rule]:
    """The checked target and rule of the method's parameters; SlaInputError for a bad one."""
    if isinstance(slice_minutes, bool) or not isinstance(slice_minutes, int) \
            or slice_minutes <= 0 or 1440 % slice_minutes:
        raise SlaInputError(
            "slice.divide", "slice_minutes must divide a day (1440), got {value}",
            value=slice_minutes,
        )
    if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
        raise SlaInputError(
            "requests.minimum", "minimum must be an int of 1 or more, got {value!r}",
            value=minimum,
        )
    goal = _percent("target", target)
    limit = Fraction(_percent("threshold", threshold))
    _choice("fewer", fewer, ("good", "bad", "excluded", None))
    _choice("combine", combine, ("each", "any", "pooled", None))
    return goal, _Rule(limit, minimum, fewer, combine, at_least)


def _rows(counts: object, period: Interval, frame: _Frame
          ) -> tuple[list[RequestCount], list[int]]:
    """The rows and their instants in epoch microseconds; SlaInputError for the first row that
    is not a RequestCount or lies outside the period."""
    rows = require_list(counts)
    if rows is None:
        raise _not_a_count(counts)
    given = rows
    if set(map(type, rows)) - {RequestCount}:  # some rows are of another type, or a subclass
        given = list(takewhile(lambda row: isinstance(row, RequestCount), rows))
    instants = _micros(map(_AT, given))
    _refuse_outside(period, frame, instants, 1, given.__getitem__)
    if len(given) < len(rows):
        raise _not_a_count(rows[len(given)])
    return cast(list[RequestCount], given), instants


def _not_a_count(value: object) -> SlaInputError:
    return SlaInputError(
        "type.requests", "counts must be RequestCount objects, got {value!r}", value=value
    )


def _count_columns(instants: object, requests: object, failed: object, features: object
                   ) -> tuple[list[int], list[int], list[int], list[str | None]]:
    """The columns, each row checked as RequestCount checks it: SlaInputError for a bad column,
    or naming the first bad row."""
    seconds = _ints("instants", _column("instants", instants))
    if seconds and min(seconds) <= 1:  # True and False are ints too, and only 0 and 1 equal them
        _refuse_bools("instants", seconds)
    served = _column("requests", requests)
    lost = _column("failed", failed)
    named = [None] * len(seconds) if features is None else _column("features", features)
    _same_length("instants", seconds, ("requests", served), ("failed", lost),
                 ("features", named))
    if seconds and (min(seconds) < _FIRST_SECOND or max(seconds) > _LAST_SECOND):
        raise _outside("instants", seconds, _FIRST_SECOND, _LAST_SECOND,
                       f"epoch seconds {_FIRST_SECOND} to {_LAST_SECOND}")
    if not (_whole_counts(served) and _whole_counts(lost) and not any(map(gt, lost, served))
            and set(map(type, named)) <= {str, type(None)}):
        for at, count, bad, feature in zip(seconds, served, lost, named, strict=True):
            RequestCount(_at(at * _SECOND), count, bad, feature)  # type: ignore[arg-type]
    return seconds, cast(list[int], served), cast(list[int], lost), cast(list[str | None], named)


def _whole_counts(column: list[object]) -> TypeGuard[list[int]]:
    """Whether every value is an int (not a bool, nor of a subclass) of zero or more."""
    return set(map(type, column)) <= {int} and min(cast(list[int], column), default=0) >= 0


def _refuse_outside(period: Interval, frame: _Frame, instants: list[int], unit: int,
                    row: Callable[[int], object]) -> None:
    """SlaInputError naming row(i) for the first instant outside the period (in units of `unit`
    microseconds from the epoch)."""
    low, high = -(-_us(frame.period.start) // unit), -(-_us(frame.period.end) // unit)
    if instants and (min(instants) < low or max(instants) >= high):
        index = next(i for i, at in enumerate(instants) if not low <= at < high)
        raise SlaInputError(
            "requests.outside", "request count {row!r} is outside the period {period}",
            row=row(index), period=_show(period, frame.zone),
        )


def _monitored(outages: Iterable[Outage] | None, excluded_causes: frozenset[str]) -> _Monitored:
    """The outages monitoring reports, but those of an excluded cause (none when None)."""
    if outages is None:
        return [], []
    monitored = require_list(outages)
    if monitored is None or not all(isinstance(o, Outage) for o in monitored):
        raise SlaInputError(
            "type.outage", "outages must be Outage objects, got {value!r}", value=outages
        )
    counted = [o for o in cast(list[Outage], monitored) if o.cause not in excluded_causes]
    return _union(_micros(o.start for o in counted), _micros(o.end for o in counted))


# --------------------------------------------------------------------------- the algorithm


def _requests(
    period: Interval,
    frame: _Frame,
    instants: list[int],
    requests: list[int],
    failed: list[int],
    features: list[str | None],
    rule: _Rule,
    slice_minutes: int,
    monitored: _Monitored,
    goal: Decimal,
    strict: bool,
    *,
    averaged: bool,
    qualifying: Qualifying | None,
    spans: bool,
    unit: int,
) -> AvailabilityReport:
    """The report from checked columns: row i counts requests[i] requests at instants[i] (in
    units of `unit` microseconds from the epoch, inside the period), failed[i] of them failed,
    for features[i] (None: the service as a whole). With `spans` (or `qualifying`,
    whose runs need them) the spans and slices are built; otherwise only the figures.

    The measured pieces of the period are cut by the slice grid; each row inside them adds to
    its slice and feature; the slices are judged in time order.
    """
    points = _grid_us(frame.zone, frame.period.start, frame.period.end, slice_minutes)
    segments = _cut(_pairs(frame.live), points)
    pieces: dict[int, list[tuple[int, int]]] = {}  # each slice's live pieces, in time order
    for a, b, cell in segments:
        pieces.setdefault(cell, []).append((a, b))
    tallies: _Tallies = {}
    for slot, feature, count, bad in zip(_slots(instants, segments, points, unit), features,
                                         requests, failed, strict=True):
        if slot:
            tally = tallies.setdefault(slot - 1, {}).setdefault(feature, [0, 0])
            tally[0] += bad
            tally[1] += count
    if averaged:
        return _averaged(period, frame, points, pieces, tallies, rule, monitored, goal, strict,
                         spans)
    verdicts = {cell: _verdict(_taking_part(tallies.get(cell, {}), rule, points, cell,
                                            frame.zone), rule) for cell in pieces}
    good = [piece for cell, verdict in verdicts.items() if verdict == "good"
            for piece in pieces[cell]]
    if spans or qualifying is not None:
        return _bare(_request_spans(period, frame, points, pieces, tallies, verdicts, rule,
                                    _monitored_in(monitored, good, True)[1], goal, strict,
                                    qualifying), spans)
    lengths = {cell: sum(b - a for a, b in parts) for cell, parts in pieces.items()}
    downtime_us = sum(lengths[c] for c, v in verdicts.items() if v == "bad")
    dropped_us = sum(lengths[c] for c, v in verdicts.items() if v == "no data excluded")
    downtime_us += _monitored_in(monitored, good, False)[0]
    return _figures(period, "requests", frame, _measured_us(frame) - dropped_us, downtime_us,
                    goal, strict)


def _taking_part(counts: dict[str | None, list[int]], rule: _Rule, points: Sequence[int],
                 cell: int, zone: tzinfo) -> list[tuple[int, int]] | NoData:
    """The (failed, requests) of the features that take part in a slice (all features' together
    when `pooled`), or what `fewer` says when none has `minimum` requests; UnspecifiedError when
    the contract leaves that, or how features combine, undecided."""
    totals = list(counts.values())
    if rule.combine == "pooled" and len(totals) > 1:
        totals = [[sum(f for f, _ in totals), sum(r for _, r in totals)]]
    taking_part = [(f, r) for f, r in totals if r >= rule.minimum]
    if not taking_part:
        if rule.fewer is None:
            raise UnspecifiedError(
                "undecided.fewer-requests",
                "the slice {slice} has fewer than {minimum} request(s) and the contract does "
                "not say what that means: decide the fewer parameter ('good', 'bad' or "
                "'excluded')",
                slice=_show(_span(points[cell], points[cell + 1]), zone), minimum=rule.minimum,
            )
        return rule.fewer
    if len(taking_part) > 1 and rule.combine is None:
        raise UnspecifiedError(
            "undecided.combine-features",
            "features {names} all have enough requests in the slice {slice} and the contract "
            "does not say how they combine: decide the combine parameter ('each', 'any' or "
            "'pooled')",
            names=", ".join(sorted(str(f) for f, (_, r) in counts.items() if r >= rule.minimum)),
            slice=_show(_span(points[cell], points[cell + 1]), zone),
        )
    return taking_part


def _verdict(taking_part: list[tuple[int, int]] | NoData, rule: _Rule) -> Verdict:
    """A slice's verdict: bad when its feature is, or each one (`any`), or one (`each`)."""
    if isinstance(taking_part, str):
        return "no data excluded" if taking_part == "excluded" else taking_part
    bad = [rule.bad(f, r) for f, r in taking_part]
    return "bad" if (any(bad) if rule.combine == "each" else all(bad)) else "good"


def _monitored_in(monitored: _Monitored, pieces: list[tuple[int, int]], spans: bool
                  ) -> tuple[int, list[Interval]]:
    """The microseconds of the monitored outages inside the sorted disjoint pieces, and when
    `spans` those parts as UTC intervals."""
    if not monitored[0]:
        return 0, []
    return _clip(*monitored, pieces, 1, spans)


def _request_spans(
    period: Interval, frame: _Frame, points: Sequence[int],
    pieces: dict[int, list[tuple[int, int]]], tallies: _Tallies, verdicts: dict[int, Verdict],
    rule: _Rule, monitored: list[Interval], goal: Decimal, strict: bool,
    qualifying: Qualifying | None,
) -> AvailabilityReport:
    """The report with its spans and slices; `monitored`: the outages inside the good slices."""
    slices: list[Slice] = []
    bad: list[tuple[int, int]] = []
    dropped: list[tuple[int, int]] = []
    few: list[tuple[int, int]] = []
    cells = list(verdicts)
    for cell, span in zip(cells, _spans([points[c] for c in cells],
                                        [points[c + 1] for c in cells]), strict=True):
        verdict, parts, by_feature = verdicts[cell], pieces[cell], tallies.get(cell, {})
        if verdict == "bad":
            bad += parts
        elif verdict == "no data excluded":
            dropped += parts
        if all(r < rule.minimum for _, r in by_feature.values()):
            few += parts
        features = tuple(ProbeCount("" if f is None else str(f), r - fl, r)
                         for f, (fl, r) in sorted(by_feature.items(), key=lambda i: str(i[0])))
        slices.append(Slice(span, timedelta(microseconds=sum(b - a for a, b in parts)),
                            sum(r - f for f, r in by_feature.values()),
                            sum(r for _, r in by_feature.values()), verdict, features))
    return _report(period, "requests", frame, subtract(frame.measured, _joined(dropped)),
                   merge([*_joined(bad), *monitored]), goal, strict, _joined(few), slices,
                   qualifying)


def _joined(pieces: list[tuple[int, int]]) -> list[Interval]:
    """The union of the pieces (bounds in µs) as sorted UTC intervals, as `merge` gives it."""
    return _spans(*_union([a for a, _ in pieces], [b for _, b in pieces]))


def _averaged(
    period: Interval, frame: _Frame, points: Sequence[int],
    pieces: dict[int, list[tuple[int, int]]], tallies: _Tallies, rule: _Rule,
    monitored: _Monitored, goal: Decimal, strict: bool, spans: bool,
) -> AvailabilityReport:
    """The report when availability is 100 % less the average error rate of the slices."""
    slices: list[Slice] = []
    dropped: list[tuple[int, int]] = []
    lost: dict[int, int] = {}  # µs of measured time times error rates, by the rates' denominator
    for cell, parts in pieces.items():
        by_feature = tallies.get(cell, {})
        found = _taking_part(by_feature, rule, points, cell, frame.zone)
        if found == "excluded":
            dropped += parts
            continue
        if isinstance(found, str):
            share = Fraction(found == "bad")
        else:
            share = (max if rule.combine == "each" else min)(Fraction(f, r) for f, r in found)
        length = sum(b - a for a, b in parts)
        down = _monitored_in(monitored, parts, False)[0]
        lost[share.denominator] = lost.get(share.denominator, 0) \
            + share.numerator * (length - down)
        lost[1] = lost.get(1, 0) + down
        if spans:
            slices.append(Slice(_span(points[cell], points[cell + 1]),
                                timedelta(microseconds=length),
                                sum(r - f for f, r in by_feature.values()),
                                sum(r for _, r in by_feature.values()),
                                "bad" if share or down else "good"))
    measured_us = _measured_us(frame) - sum(b - a for a, b in dropped)
    if not measured_us:
        raise SlaInputError(
            "measure.no-data",
            "nothing to measure in {period}: no time is left once the spans without data are "
            "excluded",
            period=_show(period, frame.zone),
        )
    weighted = sum((Fraction(n, d) for d, n in lost.items()), Fraction(0))
    exact = 100 - weighted * 100 / measured_us
    availability = Decimal(round(exact * 10**PERCENT_PLACES)).scaleb(-PERCENT_PLACES)
    measured = subtract(frame.measured, [_span(a, b) for a, b in dropped]) if spans else []
    return AvailabilityReport(
        period=period, method="requests", mode=frame.mode, measured=tuple(measured),
        excluded=tuple(frame.excluded), downtime=(),
        measured_time=timedelta(microseconds=measured_us),
        excluded_time=total(frame.excluded),
        downtime_time=timedelta(microseconds=weighted.numerator // weighted.denominator),
        availability=availability, unavailability=Decimal(100) - availability, exact=exact,
        target=goal, strict=strict,
        met=exact > Fraction(goal) if strict else exact >= Fraction(goal),
        slices=tuple(slices))
