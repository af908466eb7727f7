"""The slac side of the evaluator benchmarks: the generated modules of generated/, stdlib only.

Each benchmark has two steps, timed apart: build the inputs the evaluator takes (aware datetimes,
Decimals, Sample / MinuteRate / Outage / Interval objects) from the rows of bench.data, then
evaluate. Answers are plain numbers, comparable with the pandas baselines':

* availability: (measured µs, downtime µs, exact availability in percent as a Fraction);
* deadlines: the due instant in µs since the epoch, or None when there is no deadline; the
  conversion of a list of due instants is not timed (`deadline_answers`).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any

from generated import cegid_conciliator, niveaux_de_service, teogest
from generated.runtime.availability import AvailabilityReport, MinuteRate, Outage, Sample
from generated.runtime.intervals import Interval

from .data import (
    PARIS,
    UNDECIDED_DELAY,
    DeadlineData,
    OutageData,
    ProbeData,
    RateData,
    month_span,
)

Availability = tuple[int, int, Fraction]
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_US = timedelta(microseconds=1)


def micros(instant: datetime) -> int:
    """Microseconds since the epoch, exactly."""
    return (instant - _EPOCH) // _US


def _at(second: int) -> datetime:
    return datetime.fromtimestamp(second, PARIS)


def _spans(rows: list[tuple[int, int]]) -> list[Interval]:
    return [Interval(_at(a), _at(b)) for a, b in rows]


def _figures(report: AvailabilityReport) -> Availability:
    return report.measured_time // _US, report.downtime_time // _US, report.exact


# --------------------------------------------------------------------------- C3

def c3_inputs(data: ProbeData) -> tuple[list[Sample], list[Interval]]:
    """Sample objects (latency in seconds as a Decimal, None for no answer) and maintenance."""
    samples = [Sample(_at(at), probe, None if ms is None else Decimal(ms).scaleb(-3))
               for at, probe, ms in data.samples]
    return samples, _spans(data.maintenance)


def c3_evaluate(data: ProbeData, inputs: tuple[list[Sample], list[Interval]]) -> Availability:
    """Cegid Conciliator C3: both probes must be good ("each"); empty slices are excluded."""
    samples, maintenance = inputs
    report = cegid_conciliator.disponibilite_report(
        data.year, data.month, samples, maintenance=maintenance, combine="each",
        no_data="excluded")
    return _figures(report)


# --------------------------------------------------------------------------- N1

def n1_inputs(data: RateData) -> tuple[dict[int, list[MinuteRate]], list[Interval]]:
    """MinuteRate objects grouped by Paris calendar month, and the maintenance."""
    months = range(1, data.months + 1)
    bounds = [month_span(data.year, month)[1] // 60 for month in months]
    by_month: dict[int, list[MinuteRate]] = {month: [] for month in months}
    month = 1
    for minute, tenths in data.rates:   # sorted by minute
        while minute >= bounds[month - 1]:
            month += 1
        by_month[month].append(MinuteRate(_at(minute * 60), Decimal(tenths).scaleb(-1)))
    return by_month, _spans(data.maintenance)


def n1_evaluate(data: RateData, inputs: tuple[dict[int, list[MinuteRate]], list[Interval]]
                ) -> list[Availability]:
    """niveaux-de-service N1, month by month; a minute without data counts as interrupted."""
    by_month, maintenance = inputs
    return [_figures(niveaux_de_service.disponibilite_report(
        data.year, month, rates, maintenance=maintenance, missing="interrupted"))
        for month, rates in by_month.items()]


# --------------------------------------------------------------------------- T3

def t3_inputs(data: OutageData) -> tuple[list[Outage], list[Interval]]:
    """Outage objects and the declared maintenance."""
    return [Outage(_at(a), _at(b), cause) for a, b, cause in data.outages], \
        _spans(data.maintenance)


def t3_evaluate(data: OutageData, inputs: tuple[list[Outage], list[Interval]]) -> Availability:
    """Teogest T3: outages against the month, maintenance clipped to the maintenance windows."""
    outages, maintenance = inputs
    return _figures(teogest.disponibilite_report(data.year, data.month, outages=outages,
                                                 maintenance=maintenance))


# --------------------------------------------------------------------------- N5 and T5

def deadline_inputs(data: DeadlineData) -> list[tuple[datetime, str, str | None]]:
    """(aware Paris start, action, level) per request."""
    return [(_at(at), action, level) for at, action, level in data.rows]


def n5_evaluate(inputs: list[tuple[datetime, str, str | None]]) -> list[datetime | None]:
    """niveaux-de-service N5 due instants; open cases get UNDECIDED_DELAY."""
    due = niveaux_de_service.interventions_due
    return [due(action, start, level, delay_if_unspecified=UNDECIDED_DELAY)
            for start, action, level in inputs]


def t5_evaluate(inputs: list[tuple[datetime, str, str | None]]) -> list[datetime | None]:
    """Teogest T5/T6/T8 due instants, in business hours of the support with French holidays."""
    due = teogest.incidents_due
    return [due(action, start) for start, action, _ in inputs]


def deadline_answers(instants: list[datetime | None]) -> list[int | None]:
    """Due instants as µs since the epoch (None: no deadline), for comparison (not timed)."""
    return [None if instant is None else micros(instant) for instant in instants]


def holidays(module: Any) -> list[str]:
    """ISO dates of the public holidays written into a generated module's business calendar."""
    return [day.isoformat() for day, _ in module.JOURS_OUVRES.holidays]


# --------------------------------------------------------------------------- batch entry points
#
# The same benchmarks through the generated `x_report_columns` functions: the rows become plain
# columns (epoch seconds or minutes, ints, strs), no datetime, Decimal or row object is built.

def c3_batch_inputs(data: ProbeData) -> tuple[list[str], list[int], list[int | None],
                                              list[Interval]]:
    """Columns of the samples (probe, epoch second, latency in ms or None), and maintenance."""
    instants, probes, latencies = (list(column) for column in zip(*data.samples, strict=True))
    return probes, instants, latencies, _spans(data.maintenance)


def c3_batch_evaluate(data: ProbeData, inputs: tuple[list[str], list[int], list[int | None],
                                                     list[Interval]]) -> Availability:
    """C3 by `cegid_conciliator.disponibilite_report_columns`."""
    probes, instants, latencies, maintenance = inputs
    report = cegid_conciliator.disponibilite_report_columns(
        data.year, data.month, probes=probes, instants=instants, latencies_ms=latencies,
        maintenance=maintenance, combine="each", no_data="excluded")
    return _figures(report)


def n1_batch_inputs(data: RateData) -> tuple[list[int], list[int], list[Interval]]:
    """Columns of the rates (epoch minute, tenths of a percent), and the maintenance."""
    minutes, tenths = (list(column) for column in zip(*data.rates, strict=True))
    return minutes, tenths, _spans(data.maintenance)


def monthly_reports(year: int, months: range, minutes: list[int], rates: list[Any],
                    maintenance: list[Interval], scale: int) -> list[Availability]:
    """niveaux-de-service N1 month by month from sorted columns: each month's rows found by
    bisection, then one `disponibilite_report_columns` call."""
    figures = []
    for month in months:
        first, after = month_span(year + (month - 1) // 12, (month - 1) % 12 + 1)
        low, high = bisect_left(minutes, first // 60), bisect_left(minutes, after // 60)
        figures.append(_figures(niveaux_de_service.disponibilite_report_columns(
            year + (month - 1) // 12, (month - 1) % 12 + 1, minutes=minutes[low:high],
            rates=rates[low:high], rate_scale=scale, maintenance=maintenance,
            missing="interrupted")))
    return figures


def n1_batch_evaluate(data: RateData, inputs: tuple[list[int], list[int], list[Interval]]
                      ) -> list[Availability]:
    """N1 by `niveaux_de_service.disponibilite_report_columns`, one call a month."""
    minutes, tenths, maintenance = inputs
    return monthly_reports(data.year, range(1, data.months + 1), minutes, tenths, maintenance, 1)


def t3_batch_inputs(data: OutageData) -> tuple[list[int], list[int], list[str | None],
                                               list[Interval]]:
    """Columns of the outages (start, end in epoch seconds, cause), and the maintenance."""
    starts, ends, causes = (list(column) for column in zip(*data.outages, strict=True))
    return starts, ends, causes, _spans(data.maintenance)


def t3_batch_evaluate(data: OutageData, inputs: tuple[list[int], list[int], list[str | None],
                                                      list[Interval]]) -> Availability:
    """T3 by `teogest.disponibilite_report_columns`."""
    starts, ends, causes, maintenance = inputs
    return _figures(teogest.disponibilite_report_columns(
        data.year, data.month, starts=starts, ends=ends, causes=causes,
        maintenance=maintenance))
