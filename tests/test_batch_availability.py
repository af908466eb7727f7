"""The batch entry points of availability (`x_report_columns`): the same answers as the
per-element `x_report` on the same rows, given as columns of plain numbers.

Property tests draw random rows — unsorted, repeated, overlapping, around the DST changes of
March and October 2024 in Europe/Paris, in months with public holidays — and compare the two
paths: the batch report with `spans=True` must equal the per-element report, and the default
one (`spans=False`) must give the same figures; when one path raises, the other raises the same
documented exception. Hand-computed cases pin a few answers.
"""

from __future__ import annotations

from array import array
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MONTHS = [(2024, 3), (2024, 10), (2024, 5), (2024, 12), (2025, 3), (2025, 10), (2024, 2)]
"""March and October: DST changes; May and December: French public holidays."""
FIGURES = ("measured_time", "excluded_time", "downtime_time", "availability",
           "unavailability", "exact", "target", "strict", "met", "mode", "method", "period",
           "excluded")
FAST = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


def runtime(modules: dict[str, ModuleType], name: str) -> ModuleType:
    package = modules["teogest"].__name__.rsplit(".", 1)[0]
    return __import__(f"{package}.runtime.{name}", fromlist=["_"])


def errors(modules: dict[str, ModuleType]) -> tuple[type[BaseException], ...]:
    module = runtime(modules, "errors")
    return (module.SlaInputError, module.UnspecifiedError)


def at(second: int, micros: int = 0) -> datetime:
    return EPOCH + timedelta(seconds=second, microseconds=micros)


def month_seconds(modules: dict[str, ModuleType], year: int, month: int) -> tuple[int, int]:
    paris = modules["teogest"]._month(year, month)
    return ((paris.start - EPOCH) // timedelta(seconds=1),
            (paris.end - EPOCH) // timedelta(seconds=1))


def outcome(modules: dict[str, ModuleType], call: Any) -> Any:
    """The report, or the class of the documented exception raised."""
    try:
        return call()
    except errors(modules) as exc:
        return type(exc)


def same(modules: dict[str, ModuleType], per_element: Any, batch: Any) -> None:
    """The two paths agree: spans=True equal reports, spans=False equal figures."""
    expected = outcome(modules, per_element)
    full = outcome(modules, lambda: batch(True))
    short = outcome(modules, lambda: batch(False))
    if isinstance(expected, type):
        assert full is expected and short is expected
        return
    assert full == expected
    for name in FIGURES:
        assert getattr(short, name) == getattr(expected, name), name
    assert short.downtime == () and short.slices == () and short.no_data == ()


# --------------------------------------------------------------------------- strategies


@st.composite
def months(draw: st.DrawFn) -> tuple[int, int]:
    return draw(st.sampled_from(MONTHS))


@st.composite
def maintenance(draw: st.DrawFn, first: int, after: int) -> list[Any]:
    """Intervals around the month, some with microseconds, some overlapping."""
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(first - 7200, after + 3600))
        length = draw(st.integers(0, 3 * 86400))
        spans.append((at(start, draw(st.sampled_from([0, 0, 1, 500_000, 999_999]))),
                      at(start + length, draw(st.sampled_from([0, 0, 250_000])))))
    return [(a, b) for a, b in spans if a <= b]


def instants_near(first: int, after: int) -> st.SearchStrategy[int]:
    """Seconds anywhere in the month, or near its ends and its DST changes."""
    return st.one_of(st.integers(first, after - 1), st.integers(first, first + 7200),
                     st.integers(after - 7200, after - 1))


# --------------------------------------------------------------------------- outages


@st.composite
def outage_rows(draw: st.DrawFn, first: int, after: int, causes: list[str | None]
                ) -> list[tuple[int, int, str | None]]:
    rows = []
    for _ in range(draw(st.integers(0, 40))):
        start = draw(st.integers(first - 86400, after + 3600))
        length = draw(st.one_of(st.integers(0, 120), st.integers(0, 2 * 86400)))
        rows.append((start, start + length, draw(st.sampled_from(causes))))
    if rows and draw(st.booleans()):
        rows += draw(st.lists(st.sampled_from(rows), max_size=5))  # duplicates
    return draw(st.permutations(rows))


def check_outages(modules: dict[str, ModuleType], data: st.DataObject, name: str) -> None:
    module = modules[name]
    outage = runtime(modules, "availability").Outage
    interval = runtime(modules, "intervals").Interval
    year, month = data.draw(months())
    first, after = month_seconds(modules, year, month)
    causes = [None, None, "panne", *sorted(module.DISPONIBILITE_EXCLUDED_CAUSES)]
    rows = data.draw(outage_rows(first, after, causes))
    keywords: dict[str, Any] = {}
    if name == "teogest":
        keywords["maintenance"] = [interval(a, b)
                                   for a, b in data.draw(maintenance(first, after))]
    starts = [a for a, _, _ in rows]
    ends = [b for _, b, _ in rows]
    given_causes = [c for _, _, c in rows] if data.draw(st.booleans()) else None
    if given_causes is None:
        rows = [(a, b, None) for a, b, _ in rows]
    same(modules,
         lambda: module.disponibilite_report(
             year, month, outages=[outage(at(a), at(b), c) for a, b, c in rows], **keywords),
         lambda spans: module.disponibilite_report_columns(
             year, month, starts=starts, ends=ends, causes=given_causes, spans=spans,
             **keywords))


def test_outages_teogest(modules: dict[str, ModuleType]) -> None:
    @FAST
    @given(st.data())
    def check(data: st.DataObject) -> None:
        check_outages(modules, data, "teogest")
    check()


def test_outages_cegid_loop(modules: dict[str, ModuleType]) -> None:
    """Cegid Loop measures business hours only (holidays left out), maintenance windows count
    as available."""
    @FAST
    @given(st.data())
    def check(data: st.DataObject) -> None:
        check_outages(modules, data, "cegid_loop")
    check()


# --------------------------------------------------------------------------- error rates


@st.composite
def rate_rows(draw: st.DrawFn, first: int, after: int, full: bool
              ) -> list[tuple[int, int]]:
    """(epoch minute, rate in tenths of a percent): blocks of minutes, or the whole month."""
    low, high = -(-first // 60), -(-after // 60)
    if full:
        minutes = list(range(low, high))
        holes = draw(st.lists(st.integers(low, high - 1), max_size=3))
        minutes = [m for m in minutes if m not in set(holes)]
    else:
        minutes = []
        for _ in range(draw(st.integers(0, 4))):
            start = draw(st.one_of(st.integers(low, high - 1), st.integers(low, low + 200),
                                   st.integers(high - 200, high - 1)))
            minutes += range(start, min(start + draw(st.integers(1, 300)), high))
    rate = st.one_of(st.integers(0, 49), st.just(50), st.integers(51, 1000))
    seed = draw(st.integers(0, 2**32))
    values = [(m, (seed + m * 7919) % 47 if (m * 31 + seed) % 97 else draw(rate))
              for m in minutes]
    if values and draw(st.booleans()):
        values += draw(st.lists(st.sampled_from(values), max_size=5))  # equal duplicates
    return draw(st.permutations(values)) if draw(st.booleans()) else sorted(values)


def check_rates(modules: dict[str, ModuleType], data: st.DataObject, full: bool) -> None:
    module = modules["niveaux_de_service"]
    availability = runtime(modules, "availability")
    interval = runtime(modules, "intervals").Interval
    year, month = data.draw(months())
    first, after = month_seconds(modules, year, month)
    rows = data.draw(rate_rows(first, after, full))
    spans = data.draw(maintenance(first, after))
    events = [availability.Outage(a, b, "force majeure")
              for a, b in data.draw(maintenance(first, after))[:1]]
    missing = data.draw(st.sampled_from([None, "available", "interrupted", "excluded"]))
    kind = data.draw(st.sampled_from(["tenths", "decimal", "percent"]))
    if kind == "tenths":
        column: list[Any] = [t for _, t in rows]
        scale = 1
    elif kind == "decimal":
        column, scale = [Decimal(t).scaleb(-1) for _, t in rows], 0
    else:
        column, scale = [t // 10 for _, t in rows], 0
    rates = [availability.MinuteRate(at(m * 60), Decimal(v).scaleb(-scale))
             for (m, _), v in zip(rows, column, strict=True)]
    keywords = {"maintenance": [interval(a, b) for a, b in spans], "excluded_events": events,
                "missing": missing}
    minutes = [m for m, _ in rows]
    if data.draw(st.booleans()):
        minutes = array("q", minutes)  # type: ignore[assignment]
    same(modules,
         lambda: module.disponibilite_report(year, month, rates, **keywords),
         lambda spans: module.disponibilite_report_columns(
             year, month, minutes=minutes, rates=column, rate_scale=scale, spans=spans,
             **keywords))


def test_error_rates(modules: dict[str, ModuleType]) -> None:
    @FAST
    @given(st.data())
    def check(data: st.DataObject) -> None:
        check_rates(modules, data, False)
    check()


def test_error_rates_whole_months(modules: dict[str, ModuleType]) -> None:
    """Every minute of the month (a few missing): the path without UnspecifiedError."""
    @settings(max_examples=4, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data: st.DataObject) -> None:
        check_rates(modules, data, True)
    check()


# --------------------------------------------------------------------------- probes


@st.composite
def sample_rows(draw: st.DrawFn, first: int, after: int
                ) -> list[tuple[int, str, int | Decimal | None]]:
    rows: list[tuple[int, str, int | Decimal | None]] = []
    latency = st.one_of(st.none(), st.integers(0, 6000), st.sampled_from([999, 1000, 4999, 5000]),
                        st.integers(0, 6000).map(lambda v: Decimal(v) + Decimal("0.5")))
    for _ in range(draw(st.integers(0, 8))):  # bursts of samples, an hour or so each
        start = draw(instants_near(first, after))
        step = draw(st.sampled_from([60, 180, 600]))
        for probe in draw(st.sets(st.sampled_from(["ihm", "api_echo"]), min_size=1)):
            bad = draw(st.floats(0, 1))
            for index in range(draw(st.integers(0, 30))):
                instant = start + index * step + draw(st.integers(0, 30))
                if instant < after:
                    value = draw(latency) if draw(st.floats(0, 1)) < bad else index % 900
                    rows.append((instant, probe, value))
    if rows and draw(st.booleans()):
        rows += draw(st.lists(st.sampled_from(rows), max_size=5))  # identical duplicates
    return draw(st.permutations(rows)) if draw(st.booleans()) else sorted(
        rows, key=lambda r: r[0])


def test_probes(modules: dict[str, ModuleType]) -> None:
    module = modules["cegid_conciliator"]
    availability = runtime(modules, "availability")
    interval = runtime(modules, "intervals").Interval

    @FAST
    @given(st.data())
    def check(data: st.DataObject) -> None:
        year, month = data.draw(months())
        first, after = month_seconds(modules, year, month)
        rows = data.draw(sample_rows(first, after))
        keywords = {
            "maintenance": [interval(a, b) for a, b in data.draw(maintenance(first, after))],
            "combine": data.draw(st.sampled_from([None, "each", "any", "pooled"])),
            "no_data": data.draw(st.sampled_from([None, "good", "bad", "excluded"])),
        }
        samples = [availability.Sample(at(t), p, None if v is None else Decimal(v).scaleb(-3))
                   for t, p, v in rows]
        same(modules,
             lambda: module.disponibilite_report(year, month, samples, **keywords),
             lambda spans: module.disponibilite_report_columns(
                 year, month, probes=[p for _, p, _ in rows], instants=[t for t, _, _ in rows],
                 latencies_ms=[v for _, _, v in rows], spans=spans, **keywords))
    check()


@pytest.mark.slow
def test_at_length(modules: dict[str, ModuleType]) -> None:
    @SLOW
    @given(st.data())
    def check(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(["teogest", "cegid_loop", "rates"]))
        if kind == "rates":
            check_rates(modules, data, False)
        else:
            check_outages(modules, data, kind)
    check()


# --------------------------------------------------------------------------- by hand


def test_teogest_by_hand(modules: dict[str, ModuleType]) -> None:
    """October 2024 in Paris lasts 745 h = 2,682,000 s (DST ends on the 27th). Outages:
    [10:00, 11:00) UTC on the 2nd and [10:30, 12:00) overlapping it, given in reverse order and
    twice: their union is 2 h = 7,200 s; a force-majeure outage of 5 h does not count.
    Availability = (2,682,000 − 7,200) / 2,682,000 × 100 = 99.731543…%: below 99.8 %."""
    teogest = modules["teogest"]
    day = int(datetime(2024, 10, 2, 10, tzinfo=UTC).timestamp())
    starts = [day + 1800, day, day + 1800, day - 86400]
    ends = [day + 7200, day + 3600, day + 7200, day - 86400 + 5 * 3600]
    causes = [None, "panne", None, "force majeure"]
    report = teogest.disponibilite_report_columns(2024, 10, starts=starts, ends=ends,
                                                  causes=causes)
    assert report.measured_time == timedelta(hours=745)
    assert report.downtime_time == timedelta(hours=2)
    assert report.exact == Fraction((2_682_000 - 7200) * 100, 2_682_000)
    assert not report.met
    # The same columns as arrays; and without causes, the force-majeure outage counts: 7 h.
    again = teogest.disponibilite_report_columns(
        2024, 10, starts=array("q", starts), ends=array("l", ends), causes=causes)
    assert again == report
    assert teogest.disponibilite_report_columns(
        2024, 10, starts=starts, ends=ends).downtime_time == timedelta(hours=7)
    # A cause of a subclass of str is a str: the force-majeure outage is excluded again.

    class Cause(str):
        pass

    assert teogest.disponibilite_report_columns(
        2024, 10, starts=starts, ends=ends,
        causes=[Cause(c) if c else c for c in causes]).downtime_time == timedelta(hours=2)


def test_error_rates_by_hand(modules: dict[str, ModuleType]) -> None:
    """March 2024 in Paris: 743 h = 44,580 minutes (DST starts on the 31st). Every minute has
    a rate of 0.3 %, except 30 minutes at 6 % (interruptions) and 10 at exactly 5 % (not an
    interruption: "above 5 %"). Availability = (44,580 − 30) / 44,580 × 100."""
    module = modules["niveaux_de_service"]
    first = int(datetime(2024, 2, 29, 23, tzinfo=UTC).timestamp()) // 60
    minutes = list(range(first, first + 44_580))
    tenths = [3] * len(minutes)
    tenths[100:130] = [60] * 30
    tenths[200:210] = [50] * 10
    report = module.disponibilite_report_columns(2024, 3, minutes=minutes[::-1],
                                                 rates=tenths[::-1], rate_scale=1)
    assert report.measured_time == timedelta(minutes=44_580)
    assert report.downtime_time == timedelta(minutes=30)
    assert report.exact == Fraction((44_580 - 30) * 100, 44_580)
    # One minute missing: the contract leaves it open.
    with pytest.raises(runtime(modules, "errors").UnspecifiedError):
        module.disponibilite_report_columns(2024, 3, minutes=minutes[1:], rates=tenths[1:],
                                            rate_scale=1)
    # Missing counted as interrupted: 31 minutes down.
    report = module.disponibilite_report_columns(2024, 3, minutes=minutes[1:], rates=tenths[1:],
                                                 rate_scale=1, missing="interrupted")
    assert report.downtime_time == timedelta(minutes=31)


def test_probes_by_hand(modules: dict[str, ModuleType]) -> None:
    """June 2024: 20 working days of 9 h (Mon-Fri 09:00-18:00 Paris) = 180 h measured. In the
    hour from 10:00 on Monday 3 June both probes answer every 3 minutes; `ihm` answers in 2 s
    (bad, limit 1 s) half the time and 200 ms otherwise: 10 good of 20 = 50 %: good
    ("at least 50 %"). In the hour from 11:00, `ihm` is bad 11 times of 20: 45 %: bad. Other
    hours have no sample and are left out (no_data="excluded"): 2 h measured, 1 h down, 50 %."""
    module = modules["cegid_conciliator"]
    ten = int(datetime(2024, 6, 3, 8, tzinfo=UTC).timestamp())  # 10:00 Paris
    rows = []
    for hour, bad in ((0, 10), (1, 11)):
        for index in range(20):
            instant = ten + hour * 3600 + index * 180
            rows.append((instant, "ihm", 2000 if index < bad else 200))
            rows.append((instant + 60, "api_echo", 100))
    report = module.disponibilite_report_columns(
        2024, 6, probes=[p for _, p, _ in rows], instants=[t for t, _, _ in rows],
        latencies_ms=[v for _, _, v in rows], combine="each", no_data="excluded", spans=True)
    assert report.measured_time == timedelta(hours=2)
    assert report.downtime_time == timedelta(hours=1)
    assert report.exact == 50
    assert [s.verdict for s in report.slices].count("no data excluded") == 180 - 2


def test_bad_columns(modules: dict[str, ModuleType]) -> None:
    errors_module = runtime(modules, "errors")
    teogest = modules["teogest"]
    rates = modules["niveaux_de_service"].disponibilite_report_columns
    probes = modules["cegid_conciliator"].disponibilite_report_columns
    bad = errors_module.SlaInputError
    day = int(datetime(2024, 10, 2, tzinfo=UTC).timestamp())
    for starts, ends in (([day + 1], [day]), ([float(day)], [day]), ([day], [day, day]),
                         ([True], [day]), ("12", "34"), ([None], [day])):
        with pytest.raises(bad):
            teogest.disponibilite_report_columns(2024, 10, starts=starts, ends=ends)
    with pytest.raises(bad):
        teogest.disponibilite_report_columns(2024, 10, starts=[day], ends=[day], causes=[1])
    with pytest.raises(bad):
        teogest.disponibilite_report_columns(2024, 10, spans="yes")
    minute = day // 60
    for minutes, values in (([minute], [Decimal("NaN")]), ([minute], [101]), ([minute], [1.5]),
                            ([minute, minute], [1, 2]), ([0], [1]), ([minute], [True]),
                            ([minute], [Decimal("1e-60")])):
        with pytest.raises(bad):
            rates(2024, 10, minutes=minutes, rates=values, missing="available")
    with pytest.raises(bad):
        rates(2024, 10, minutes=[minute], rates=[1], rate_scale=-1, missing="available")
    second = day + 36000
    for names, instants, latencies in ((["x"], [second], [1]), (["ihm"], [second], [-1]),
                                       (["ihm"], [0], [1]), (["ihm"] * 2, [second] * 2, [1, 2]),
                                       (["ihm"], [second], [1.0]), ([["ihm"]], [second], [1])):
        with pytest.raises(bad):
            probes(2024, 10, probes=names, instants=instants, latencies_ms=latencies,
                   combine="each", no_data="good")
