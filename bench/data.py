"""Deterministic input data for the evaluator benchmarks, as plain numbers (no library types).

Instants are whole seconds since the epoch (UTC); both sides of a benchmark build their own
objects from these rows, so building inputs is timed apart from evaluating them. Every generator
takes a seeded `random.Random`, so a seed gives the same data on every run and machine.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
OTHER_CAUSE = "panne réseau"
FORCE_MAJEURE = "force majeure"


def local_epoch(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> int:
    """Epoch seconds of a Paris wall-clock time that exists and is not ambiguous."""
    return int(datetime(year, month, day, hour, minute, tzinfo=PARIS).timestamp())


def month_span(year: int, month: int) -> tuple[int, int]:
    """Epoch seconds of the Paris calendar month [first midnight, next first midnight)."""
    after = (year + 1, 1) if month == 12 else (year, month + 1)
    return local_epoch(year, month, 1), local_epoch(*after, 1)


# --------------------------------------------------------------------------- C3: probe samples

@dataclass(frozen=True)
class ProbeData:
    """One month of samples: (epoch second, probe, latency in ms or None), and maintenance."""

    year: int
    month: int
    samples: list[tuple[int, str, int | None]]
    maintenance: list[tuple[int, int]]


PROBES = {"ihm": 1000, "api_echo": 5000}
"""Cegid Conciliator's probes and their latency limits, in milliseconds (C3)."""


def probe_samples(rng: random.Random, year: int, month: int) -> ProbeData:
    """Every 3 minutes per probe, all month long, with degraded hours, failures and gaps.

    Each hour is healthy, degraded (most answers bad), half silent (no sample from `ihm`) or
    silent (no sample at all), so that good, bad and empty slices all occur.
    """
    start, end = month_span(year, month)
    states = {}
    for hour in range(start // 3600, end // 3600 + 1):
        roll = rng.random()
        states[hour] = ("silent" if roll < 0.02 else "half silent" if roll < 0.04
                        else "degraded" if roll < 0.1 else "healthy")
    samples: list[tuple[int, str, int | None]] = []
    for index, (probe, limit) in enumerate(PROBES.items()):
        for slot in range(start + 60 * index, end, 180):
            at = slot + rng.randrange(30)
            state = states[at // 3600]
            if at >= end or state == "silent" or (state == "half silent" and probe == "ihm"):
                continue
            bad_share = 0.7 if state == "degraded" else 0.03
            if rng.random() < bad_share:
                latency = None if rng.random() < 0.5 else limit + rng.randrange(5000)
            else:
                latency = rng.randrange(limit)   # latency == limit never counts as good
            samples.append((at, probe, latency))
    samples.sort()
    maintenance = [
        (local_epoch(year, month, 12, 10, 30), local_epoch(year, month, 12, 12, 15)),
        (local_epoch(year, month, 21, 16, 40), local_epoch(year, month, 21, 18, 30)),
    ]
    return ProbeData(year, month, samples, maintenance)


# --------------------------------------------------------------------------- N1: error rates

@dataclass(frozen=True)
class RateData:
    """Months 1..`months` of per-minute error rates: (epoch minute, rate in tenths of a percent)."""

    year: int
    months: int
    rates: list[tuple[int, int]]
    maintenance: list[tuple[int, int]]


def rates_of(rng: random.Random, minutes: Iterable[int]) -> Iterator[tuple[int, int]]:
    """(minute, rate in tenths of a percent) for the `minutes`, but about 0.2 % of them, which
    have no data: noise below 4 %, rare spikes, a rate of exactly 5 % now and then, and
    incidents of up to 40 minutes above the threshold."""
    incident = 0
    for minute in minutes:
        if rng.random() < 0.002:
            continue
        if incident == 0 and rng.random() < 0.0001:
            incident = rng.randrange(1, 40)
        if incident:
            incident -= 1
            tenths = rng.randrange(51, 1000)
        else:
            roll = rng.random()
            tenths = rng.randrange(51, 200) if roll < 0.0005 else 50 if roll < 0.001 else \
                rng.randrange(40)
        yield minute, tenths


def minute_rates(rng: random.Random, year: int, months: int = 12) -> RateData:
    """A rate for nearly every minute of months 1..`months` of `year` (Paris): noise, spikes,
    incidents and gaps.

    Rates exactly at the 5 % threshold (50 tenths) occur, and do not interrupt. One 2-hour
    maintenance a month, on the night of the 10th, on whole minutes.
    """
    start, _ = month_span(year, 1)
    _, end = month_span(year, months)
    rates = list(rates_of(rng, range(start // 60, end // 60)))
    maintenance = [(local_epoch(year, m, 10, 22), local_epoch(year, m, 11, 0))
                   for m in range(1, months + 1)]
    return RateData(year, months, rates, maintenance)


# --------------------------------------------------------------------------- T3: outages

@dataclass(frozen=True)
class OutageData:
    """One month of outages (start, end, cause or None) and the declared maintenance."""

    year: int
    month: int
    outages: list[tuple[int, int, str | None]]
    maintenance: list[tuple[int, int]]


OUTAGE_MONTH = (2024, 10)
"""The month of the outage benchmark: October 2024 in Paris lasts 745 hours (DST ends)."""


def outages(rng: random.Random, count: int) -> OutageData:
    """`count` outages of October 2024, about a minute each, some overlapping, some across the
    month's ends; a tenth have a cause, half of them force majeure.

    Declared maintenance: inside Teogest's windows (Tuesday and Thursday nights, Friday 22:00 to
    Saturday 24:00), overrunning them, outside them (a Monday), and across both ends of the
    month.
    """
    year, month = OUTAGE_MONTH
    start, end = month_span(year, month)
    rows: list[tuple[int, int, str | None]] = []
    for _ in range(count):
        begin = rng.randrange(start - 3600, end)
        length = 1 + int(rng.expovariate(1 / 60))
        roll = rng.random()
        cause = FORCE_MAJEURE if roll < 0.05 else OTHER_CAUSE if roll < 0.1 else None
        rows.append((begin, begin + length, cause))
    maintenance = [
        (local_epoch(2024, 9, 30, 22), local_epoch(2024, 10, 1, 3)),     # Monday night
        (local_epoch(2024, 10, 1, 20), local_epoch(2024, 10, 2, 7)),     # overruns Tuesday's
        (local_epoch(2024, 10, 3, 23), local_epoch(2024, 10, 4, 2)),     # inside Thursday's
        (local_epoch(2024, 10, 4, 22), local_epoch(2024, 10, 5, 23)),    # inside Friday's
        (local_epoch(2024, 10, 7, 10), local_epoch(2024, 10, 7, 11)),    # Monday morning
        (local_epoch(2024, 10, 25, 21), local_epoch(2024, 10, 27, 4)),   # across the DST change
        (local_epoch(2024, 10, 31, 22), local_epoch(2024, 11, 1, 5)),    # across the month's end
    ]
    return OutageData(year, month, rows, maintenance)


# --------------------------------------------------------------------------- deadlines

@dataclass(frozen=True)
class DeadlineData:
    """Deadline requests: (epoch second of the start, action, level or None)."""

    rows: list[tuple[int, str, str | None]]


N5_ACTIONS = ("take_in", "diagnosis")
N5_LEVELS = ("critical", "urgent", "important", "minor", "other")
T5_ACTIONS = ("investigation", "correction", "restore_request")
UNDECIDED_DELAY = timedelta(hours=8)
"""The caller's decision for N5 cases the contract leaves open (outside business hours)."""


def n5_requests(rng: random.Random, year: int, count: int) -> DeadlineData:
    """Starts spread over `year` at whole seconds, with every action and severity level."""
    start, _ = month_span(year, 1)
    _, end = month_span(year, 12)
    return DeadlineData([(rng.randrange(start, end), rng.choice(N5_ACTIONS),
                          rng.choice(N5_LEVELS)) for _ in range(count)])


def t5_requests(rng: random.Random, year: int, count: int) -> DeadlineData:
    """Starts spread over `year` for Teogest's business-hours deadlines (T5, T6, T8)."""
    start, _ = month_span(year, 1)
    _, end = month_span(year, 12)
    return DeadlineData([(rng.randrange(start, end), rng.choice(T5_ACTIONS), None)
                         for _ in range(count)])
