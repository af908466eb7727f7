"""Hand-written pandas implementations of the same rules, as an analyst would write them.

Each baseline takes the rows of bench.data, builds a DataFrame (timed as input building), then
applies the contract's rule with ordinary pandas (masks, resampling by hour, groupby by month,
interval merging by sort and cumulative maximum, cumulative business time and searchsorted).
Answers are in the form of bench.evaluators', so the two can be compared exactly: all arithmetic
is on integer nanoseconds, and ratios are Fractions.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from .data import (
    FORCE_MAJEURE,
    PARIS,
    PROBES,
    UNDECIDED_DELAY,
    DeadlineData,
    OutageData,
    ProbeData,
    RateData,
    month_span,
)

Availability = tuple[int, int, Fraction]
HOUR = pd.Timedelta(hours=1)


def _stamp(second: int) -> pd.Timestamp:
    return pd.Timestamp(second, unit="s", tz="UTC")


def _ns(instants: pd.Series) -> np.ndarray:
    """Integer nanoseconds since the epoch of aware instants (NaT: the smallest int64), whatever
    resolution pandas chose for them."""
    naive = instants.dt.tz_convert("UTC").dt.tz_localize(None)
    return np.asarray(naive, dtype="datetime64[ns]").view("int64")


def _figures(measured: pd.Timedelta, downtime: pd.Timedelta) -> Availability:
    """(measured µs, downtime µs, exact availability in percent)."""
    return (measured.value // 1000, downtime.value // 1000,
            Fraction((measured - downtime).value * 100, measured.value))


def _localise(wall: pd.DatetimeIndex | pd.Series) -> pd.DatetimeIndex | pd.Series:
    """Paris wall-clock times → instants: a repeated hour reads as summer time, a skipped one
    moves to the end of the gap (the contract's rule for local times)."""
    accessor = wall.dt if isinstance(wall, pd.Series) else wall
    return accessor.tz_localize(PARIS, ambiguous=np.ones(len(wall), dtype=bool),
                                nonexistent="shift_forward")


# --------------------------------------------------------------------------- C3

def c3_inputs(data: ProbeData) -> pd.DataFrame:
    """Samples: at (UTC), probe, latency_ms (NaN when the probe did not answer)."""
    frame = pd.DataFrame(data.samples, columns=["at", "probe", "latency_ms"])
    frame["at"] = pd.to_datetime(frame["at"], unit="s", utc=True)
    frame["latency_ms"] = frame["latency_ms"].astype("float64")
    return frame


def _working_hours(instants: pd.Series | pd.DatetimeIndex) -> np.ndarray:
    """Whether each instant is Monday to Friday 09:00-18:00 in Paris (C2's working period)."""
    local = instants.tz_convert(PARIS) if isinstance(instants, pd.DatetimeIndex) \
        else instants.dt.tz_convert(PARIS).dt
    return np.array((local.day_of_week < 5) & (local.hour >= 9) & (local.hour < 18))


def c3_evaluate(data: ProbeData, frame: pd.DataFrame) -> Availability:
    """Hourly slices of the working period; a probe's hour is good with >= 50 % good answers;
    an hour is bad if any probe that answered in it is bad; an hour without answers is left
    out; maintenance (disjoint spans) is removed from the measured time and its samples
    ignored. Paris offsets are whole hours, so UTC hours are the local hours."""
    maintenance = [(_stamp(a), _stamp(b)) for a, b in data.maintenance]
    live = _working_hours(frame["at"])
    for start, end in maintenance:
        live &= ~np.asarray((frame["at"] >= start) & (frame["at"] < end))
    samples = frame[live]
    limit = samples["probe"].map(PROBES)
    good = samples["latency_ms"] < limit
    tally = good.groupby([samples["at"].dt.floor("h"), samples["probe"]]).agg(["sum", "count"])
    probe_ok = tally["sum"] * 100 >= 50 * tally["count"]
    hour_ok = probe_ok.groupby(level=0).all()

    first, after = month_span(data.year, data.month)
    hours = pd.date_range(_stamp(first), _stamp(after), freq="h", inclusive="left")
    hours = hours[_working_hours(hours)]
    counted = pd.Series(HOUR, index=hours)
    for start, end in maintenance:
        overlap = np.minimum(hours + HOUR, end) - np.maximum(hours, start)
        counted -= pd.Series(overlap, index=hours).clip(lower=pd.Timedelta(0))
    verdict = hour_ok.reindex(hours)
    return _figures(counted[verdict.notna()].sum(), counted[verdict.eq(False)].sum())


# --------------------------------------------------------------------------- N1

def n1_inputs(data: RateData) -> pd.DataFrame:
    """Rates: minute (UTC), tenths (of a percent)."""
    frame = pd.DataFrame(data.rates, columns=["minute", "tenths"])
    frame["minute"] = pd.to_datetime(frame["minute"] * 60, unit="s", utc=True)
    return frame


def n1_evaluate(data: RateData, frame: pd.DataFrame) -> list[Availability]:
    """Every minute of the months: interrupted when its rate is above 5 % or missing, unless in
    maintenance (which counts as available); summed by Paris calendar month."""
    first, _ = month_span(data.year, 1)
    _, after = month_span(data.year, data.months)
    grid = pd.date_range(_stamp(first), _stamp(after), freq="min", inclusive="left")
    rate = frame.set_index("minute")["tenths"].reindex(grid)
    down = np.array((rate > 50) | rate.isna())
    for start, end in data.maintenance:
        down[grid.searchsorted(_stamp(start)):grid.searchsorted(_stamp(end))] = False
    months = pd.DataFrame({"down": down}, index=grid).groupby(grid.tz_convert(PARIS).month)
    table = months["down"].agg(["size", "sum"])
    return [_figures(pd.Timedelta(minutes=int(size)), pd.Timedelta(minutes=int(down)))
            for size, down in zip(table["size"], table["sum"], strict=True)]


# --------------------------------------------------------------------------- T3

def t3_inputs(data: OutageData) -> pd.DataFrame:
    """Outages: start, end (UTC), cause (None when not given)."""
    frame = pd.DataFrame(data.outages, columns=["start", "end", "cause"])
    frame["start"] = pd.to_datetime(frame["start"], unit="s", utc=True)
    frame["end"] = pd.to_datetime(frame["end"], unit="s", utc=True)
    return frame


MAINTENANCE_WINDOWS = ((1, 21, 30), (3, 21, 30), (4, 22, 48))
"""Teogest T2 windows: (weekday, opening hour, closing hour counted from that day's midnight):
Tuesday and Thursday 21:00 to 06:00, Friday 22:00 to Saturday 24:00."""


def _merge(spans: pd.DataFrame) -> pd.DataFrame:
    """Union of [start, end) spans: sort, then a new group wherever a start passes every
    earlier end."""
    spans = spans.sort_values("start")
    reach = spans["end"].cummax().shift()
    group = (spans["start"] > reach).cumsum()
    return spans.groupby(group).agg(start=("start", "min"), end=("end", "max"))


def _overlap(left: pd.DataFrame, right: pd.DataFrame) -> pd.Timedelta:
    """Total overlap of two sets of disjoint spans."""
    a0, a1 = _ns(left["start"])[:, None], _ns(left["end"])[:, None]
    b0, b1 = _ns(right["start"])[None, :], _ns(right["end"])[None, :]
    both = np.minimum(a1, b1) - np.maximum(a0, b0)
    return pd.Timedelta(int(both.clip(min=0).sum()), unit="ns")


def _clip(spans: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    clipped = pd.DataFrame({"start": spans["start"].clip(lower=start),
                            "end": spans["end"].clip(upper=end)})
    return clipped[clipped["start"] < clipped["end"]]


def t3_evaluate(data: OutageData, frame: pd.DataFrame) -> Availability:
    """Outages not due to force majeure, merged, clipped to the month, minus the declared
    maintenance that lies inside Teogest's windows; that maintenance is removed from the
    measured time."""
    first, after = month_span(data.year, data.month)
    start, end = _stamp(first), _stamp(after)
    days = pd.date_range(start.tz_convert(PARIS).date() - pd.Timedelta(days=2),
                         end.tz_convert(PARIS).date(), freq="D")
    windows = pd.concat([
        pd.DataFrame({"start": _localise(days[days.day_of_week == weekday] + pd.Timedelta(hours=a)),
                      "end": _localise(days[days.day_of_week == weekday] + pd.Timedelta(hours=b))})
        for weekday, a, b in MAINTENANCE_WINDOWS]).apply(lambda c: c.dt.tz_convert("UTC"))
    declared = pd.DataFrame([(_stamp(a), _stamp(b)) for a, b in data.maintenance],
                            columns=["start", "end"])
    pairs = declared.merge(windows, how="cross", suffixes=("", "_window"))
    allowed = pd.DataFrame({"start": pairs[["start", "start_window"]].max(axis=1),
                            "end": pairs[["end", "end_window"]].min(axis=1)})
    excluded = _merge(_clip(allowed, start, end))
    counted = frame[frame["cause"] != FORCE_MAJEURE]
    downtime = _merge(_clip(counted, start, end))
    measured = (end - start) - (excluded["end"] - excluded["start"]).sum()
    lost = (downtime["end"] - downtime["start"]).sum() - _overlap(downtime, excluded)
    return _figures(measured, lost)


# --------------------------------------------------------------------------- N5

N5_RULES = pd.DataFrame(
    [("take_in", "critical", 4, 6), ("diagnosis", "critical", 6, 24),
     ("take_in", "urgent", 6, None), ("diagnosis", "urgent", 24, None),
     ("take_in", "important", 10, None), ("diagnosis", "important", 48, None),
     ("take_in", "minor", 24, None), ("diagnosis", "minor", "7 days", None)],
    columns=["action", "level", "during", "outside"])
"""N5: hours to the deadline when the incident starts during / outside business hours; "7 days"
is a calendar period on the Paris wall clock; None is undecided by the contract; the level
"other" has no deadline."""


def deadline_inputs(data: DeadlineData) -> pd.DataFrame:
    """Requests: start (UTC), action, level."""
    frame = pd.DataFrame(data.rows, columns=["start", "action", "level"])
    frame["start"] = pd.to_datetime(frame["start"], unit="s", utc=True)
    return frame


def deadline_answers(instants: pd.Series) -> list[int | None]:
    """Due instants as µs since the epoch (None: no deadline), for comparison (not timed)."""
    values = _ns(instants) // 1000
    return [None if missing else int(value)
            for value, missing in zip(values, instants.isna(), strict=True)]


def n5_evaluate(holidays: list[str], frame: pd.DataFrame) -> pd.Series:
    """Business hours are Monday to Friday 10:00-18:00 on days that are not public holidays;
    the delay depends on whether the incident starts inside them."""
    wall = frame["start"].dt.tz_convert(PARIS).dt.tz_localize(None)
    minute = wall.dt.hour * 60 + wall.dt.minute
    during = (wall.dt.day_of_week < 5) & ~wall.dt.normalize().isin(pd.to_datetime(holidays)) \
        & (minute >= 600) & (minute < 1080)
    rules = frame[["action", "level"]].merge(N5_RULES, how="left", on=["action", "level"])
    delay = rules["during"].where(during.to_numpy(), rules["outside"])
    calendar = delay.eq("7 days").to_numpy()
    hours = pd.to_numeric(delay.where(~calendar), errors="coerce")
    undecided = delay.isna() & rules["during"].notna()
    hours = hours.where(~undecided, UNDECIDED_DELAY / HOUR)
    due = frame["start"] + pd.to_timedelta(hours.to_numpy(), unit="h")
    later = _localise(wall[calendar] + pd.Timedelta(days=7)).dt.tz_convert("UTC")
    due[calendar] = later
    return due


# --------------------------------------------------------------------------- T5

T5_HOURS = {"investigation": 48, "correction": 72, "restore_request": 48}
SUPPORT_HOURS = (((0, 1, 2, 3, 4), 570, 720), ((0, 1, 2, 3), 810, 1080), ((4,), 810, 1020))
"""Teogest support hours, (weekdays, from minute, to minute): 09:30-12:00 every weekday,
13:30-18:00 Monday to Thursday, 13:30-17:00 on Friday; on business days only."""


def t5_evaluate(holidays: list[str], frame: pd.DataFrame) -> pd.Series:
    """Cumulative business time: number the support-hours segments of the business days in
    order, find the business time already elapsed at the start, add the delay, and find the
    segment where the sum is reached (searchsorted)."""
    local = frame["start"].dt.tz_convert(PARIS)
    days = pd.date_range(local.min().date() - pd.Timedelta(days=1),
                         local.max().date() + pd.Timedelta(days=60), freq="D")
    days = days[(days.day_of_week < 5) & ~days.isin(pd.to_datetime(holidays))]
    segments = pd.concat([
        pd.DataFrame({"start": _localise(chosen + pd.Timedelta(minutes=a)),
                      "end": _localise(chosen + pd.Timedelta(minutes=b))})
        for weekdays, a, b in SUPPORT_HOURS
        for chosen in [days[days.day_of_week.isin(weekdays)]]]).sort_values("start")
    opens, closes = _ns(segments["start"]), _ns(segments["end"])
    done = np.cumsum(closes - opens)
    before = done - (closes - opens)
    at = _ns(frame["start"])
    index = np.searchsorted(closes, at, side="right")
    elapsed = before[index] + np.clip(at - opens[index], 0, closes[index] - opens[index])
    target = elapsed + frame["action"].map(T5_HOURS).to_numpy() * 3_600_000_000_000
    reached = np.searchsorted(done, target, side="left")
    due = opens[reached] + (target - before[reached])
    return pd.Series(pd.to_datetime(due, unit="ns", utc=True), index=frame.index)
