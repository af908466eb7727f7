"""Availability from request counts judged per time slice (public cloud SLAs).

Many vendors define downtime from the requests a service answered: a 5-minute slice is down
when more than 50 % of its requests failed, and says nothing when it holds fewer than 20
requests; a minute is down when the error rate of any feature exceeds 5 %. The counts come as
RequestCount rows, each for the slice that holds its instant; rows of one slice (and feature)
add up. The period is cut on the same wall-clock grid as probe slices (`availability._grid`).

Per feature (None: the service as a whole), a slice with at least `minimum` requests is bad
when its failed share is above the threshold (`at_least`: at or above it). Features below the
minimum take no part; a slice where no feature takes part follows `fewer` ("good", "bad",
"excluded"). Several features that take part are combined as probes are: "each" (good only if
each is good), "any" (good if one is), "pooled" (all their requests together).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

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
    _distribute,
    _Frame,
    _frame,
    _grid,
    _percent,
    _report,
    _show,
)
from .columns import _column, _ints, _refuse_bools, _same_length
from .errors import SlaInputError, Text, UnspecifiedError
from .intervals import (
    Interval,
    intersect,
    is_aware,
    merge,
    require_aware,
    require_list,
    subtract,
    total,
    unchecked_interval,
)

_UTC = timezone.utc
_US = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)


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


def _pooled(counts: dict[str | None, list[int]],
            combine: Combine | None) -> dict[str | None, list[int]]:
    """The (failed, requests) counts by feature, all features' together when `pooled`."""
    if combine == "pooled" and len(counts) > 1:
        return {None: [sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())]}
    return counts


def _share(
    cell: Interval, counts: dict[str | None, list[int]], minimum: int, fewer: NoData | None,
    combine: Combine | None, zone: tzinfo,
) -> Fraction | NoData:
    """A slice's failed share of requests (of 1), its features combined: the worst one
    (`each`), the best one (`any`) or all their requests together (`pooled`); what `fewer`
    says when no feature has `minimum` requests."""
    counts = _pooled(counts, combine)
    shares = [Fraction(f, r) for f, r in counts.values() if r >= minimum]
    if not shares:
        if fewer is None:
            raise UnspecifiedError(
                "undecided.fewer-requests",
                "the slice {slice} has fewer than {minimum} request(s) and the contract does "
                "not say what that means: decide the fewer parameter ('good', 'bad' or "
                "'excluded')",
                slice=_show(cell, zone), minimum=minimum,
            )
        return fewer
    if len(shares) > 1 and combine is None:
        raise UnspecifiedError(
            "undecided.combine-features",
            "features {names} all have enough requests in the slice {slice} and the contract "
            "does not say how they combine: decide the combine parameter ('each', 'any' or "
            "'pooled')",
            names=", ".join(sorted(str(f) for f, (_, r) in counts.items() if r >= minimum)),
            slice=_show(cell, zone),
        )
    return max(shares) if combine == "each" else min(shares)


def _judge(share: Fraction | NoData, limit: Fraction, at_least: bool) -> Verdict:
    """A slice's verdict from its failed share: bad above (or at) `limit` percent."""
    if isinstance(share, str):
        return "no data excluded" if share == "excluded" else share
    percent = share * 100
    return "bad" if (percent >= limit if at_least else percent > limit) else "good"


def _tallies(
    counts: Iterable[RequestCount], bounds: Interval, live: Sequence[Interval],
    points: Sequence[datetime], period: Interval, zone: tzinfo,
) -> dict[int, dict[str | None, list[int]]]:
    """(failed, requests) by slice index and feature, of the rows inside the live time."""
    live_starts = [span.start for span in live]
    live_ends = [span.end for span in live]
    tallies: dict[int, dict[str | None, list[int]]] = {}
    given = require_list(counts)
    if given is None:
        raise SlaInputError(
            "type.requests", "counts must be RequestCount objects, got {value!r}", value=counts
        )
    for row in given:
        if not isinstance(row, RequestCount):
            raise SlaInputError(
                "type.requests", "counts must be RequestCount objects, got {value!r}", value=row
            )
        at = row.at.astimezone(_UTC)
        if not bounds.start <= at < bounds.end:
            raise SlaInputError(
                "requests.outside", "request count {row!r} is outside the period {period}",
                row=row, period=_show(period, zone),
            )
        where = bisect.bisect_right(live_starts, at) - 1
        if where < 0 or at >= live_ends[where]:
            continue
        tally = tallies.setdefault(bisect.bisect_right(points, at) - 1, {}).setdefault(
            row.feature, [0, 0])
        tally[0] += row.failed
        tally[1] += row.requests

    return tallies


def _monitored(outages: Iterable[Outage], excluded_causes: frozenset[str]) -> list[Interval]:
    """The outages monitoring reports, but those of an excluded cause, in UTC."""
    monitored = require_list(outages)
    if monitored is None or not all(isinstance(o, Outage) for o in monitored):
        raise SlaInputError(
            "type.outage", "outages must be Outage objects, got {value!r}", value=outages
        )
    return [o.counted(False) for o in monitored
            if isinstance(o, Outage) and o.cause not in excluded_causes]


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
    frame = _frame(period, scope, excluded, mode)
    points = _grid(frame, slice_minutes)
    cells = [unchecked_interval(a, b) for a, b in pairwise(points)]
    live_parts = _distribute(cells, frame.live)
    tallies = _tallies(counts, frame.period, frame.live, points, period, frame.zone)
    if averaged:
        monitored = [] if outages is None else intersect(_monitored(outages, excluded_causes),
                                                          frame.live)
        return _averaged(period, frame, cells, live_parts, tallies, minimum, fewer, combine,
                         monitored, goal, strict)

    slices: list[Slice] = []
    downtime: list[Interval] = []
    dropped: list[Interval] = []
    few: list[Interval] = []
    for index, (cell, parts) in enumerate(zip(cells, live_parts, strict=True)):
        if not parts:
            continue
        by_feature = tallies.get(index, {})
        verdict = _judge(_share(cell, by_feature, minimum, fewer, combine, frame.zone), limit,
                         at_least)
        if verdict == "bad":
            downtime += parts
        elif verdict == "no data excluded":
            dropped += parts
        if all(r < minimum for _, r in by_feature.values()):
            few += parts
        features = tuple(ProbeCount(str(f) if f is not None else "", r - fl, r)
                         for f, (fl, r) in sorted(by_feature.items(), key=lambda i: str(i[0])))
        slices.append(Slice(cell, total(parts), sum(p.good for p in features),
                            sum(p.total for p in features), verdict, features))
    if outages is not None:
        downtime += subtract(intersect(_monitored(outages, excluded_causes), frame.live), dropped)
    measured = subtract(frame.measured, dropped)
    return _report(period, "requests", frame, measured, merge(downtime), goal, strict,
                   merge(few), slices, qualifying)


def _averaged(
    period: Interval, frame: _Frame, cells: Sequence[Interval],
    live_parts: Sequence[list[Interval]], tallies: dict[int, dict[str | None, list[int]]],
    minimum: int, fewer: NoData | None, combine: Combine | None, monitored: list[Interval],
    goal: Decimal, strict: bool,
) -> AvailabilityReport:
    """The report of `from_requests` when availability is 100 % less the average error rate."""
    slices: list[Slice] = []
    dropped: list[Interval] = []
    lost = Fraction(0)                 # microseconds of measured time weighted by error rates
    for index, (cell, parts) in enumerate(zip(cells, live_parts, strict=True)):
        if not parts:
            continue
        by_feature = tallies.get(index, {})
        found = _share(cell, by_feature, minimum, fewer, combine, frame.zone)
        if found == "excluded":
            dropped += parts
            continue
        share = Fraction(found == "bad") if isinstance(found, str) else found
        length = total(parts)
        down = total(intersect(parts, monitored)) // _US
        lost += share * (length // _US - down) + down
        good = sum(r - f for f, r in by_feature.values())
        slices.append(Slice(cell, length, good, sum(r for _, r in by_feature.values()),
                            "bad" if share or down else "good"))
    measured = subtract(frame.measured, dropped)
    measured_us = total(measured) // _US
    if not measured_us:
        raise SlaInputError(
            "measure.no-data",
            "nothing to measure in {period}: no time is left once the spans without data are "
            "excluded",
            period=_show(period, frame.zone),
        )
    exact = 100 - lost * 100 / measured_us
    availability = Decimal(round(exact * 10**PERCENT_PLACES)).scaleb(-PERCENT_PLACES)
    return AvailabilityReport(
        period=period, method="requests", mode=frame.mode, measured=tuple(measured),
        excluded=tuple(frame.excluded), downtime=(),
        measured_time=timedelta(microseconds=measured_us),
        excluded_time=total(frame.excluded),
        downtime_time=timedelta(microseconds=lost.numerator // lost.denominator),
        availability=availability, unavailability=Decimal(100) - availability, exact=exact,
        target=goal, strict=strict,
        met=exact > Fraction(goal) if strict else exact >= Fraction(goal),
        slices=tuple(slices))


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
    instants[i], failed[i] of them failed, for features[i] (`features` None: the service)."""
    seconds = _ints("instants", _column("instants", instants))
    _refuse_bools("instants", seconds)
    served = _column("requests", requests)
    lost = _column("failed", failed)
    named = [None] * len(seconds) if features is None else _column("features", features)
    _same_length("instants", seconds, ("requests", served), ("failed", lost),
                 ("features", named))
    rows = [RequestCount(_EPOCH + timedelta(seconds=at), count, bad,  # type: ignore[arg-type]
                         feature)  # type: ignore[arg-type]
            for at, count, bad, feature in zip(seconds, served, lost, named, strict=True)]
    report = from_requests(period, scope, excluded, mode, rows, slice_minutes, threshold,
                           minimum, fewer, combine, target, strict, at_least=at_least,
                           outages=outages, excluded_causes=excluded_causes,
                           qualifying=qualifying, averaged=averaged)
    if spans:
        return report
    return replace(report, measured=(), downtime=(), no_data=(), slices=(), ignored=())
