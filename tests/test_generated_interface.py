"""The generated modules' interface under hostile arguments: every public function of every
contract in contracts/, called with None, wrong types, huge/tiny/NaN/infinite/negative numbers,
dates and instants at the ends of the calendar, naive and aware datetimes, empty and non-empty
lists, raises only the documented exceptions (SlaInputError, UnspecifiedError) and returns in
well under a second.

The fast part calls each function once per hostile value in each parameter, the others kept
valid (a sweep whose size is fixed: every function, every parameter, every value); the property
test draws whole argument lists with hypothesis. Unit tests pin the findings that led here.
"""

from __future__ import annotations

import inspect
import time as clock
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PARIS = ZoneInfo("Europe/Paris")
TIME_LIMIT = 1.0
"""Seconds any call may take, measured with time.perf_counter."""


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def runtime(modules: dict[str, ModuleType], name: str) -> ModuleType:
    """The runtime module `name` of the loaded build (its classes, not those of generated/)."""
    package = modules["teogest"].__name__.rsplit(".", 1)[0]
    return __import__(f"{package}.runtime.{name}", fromlist=["_"])


def documented(modules: dict[str, ModuleType]) -> tuple[type[BaseException], ...]:
    """The exceptions docs/evaluators.md lists: SlaInputError and UnspecifiedError."""
    errors = runtime(modules, "errors")
    return (errors.SlaInputError, errors.UnspecifiedError)


def functions(modules: dict[str, ModuleType]) -> list[tuple[str, Callable[..., Any]]]:
    """Every public function (in `__all__`, defined by the module itself) of every module."""
    found = []
    for name, module in modules.items():
        for public in module.__all__:
            value = getattr(module, public)
            if inspect.isfunction(value) and value.__module__ == module.__name__:
                found.append((f"{name}.{public}", value))
    return found


# --- Values -------------------------------------------------------------------------------------

UTC_PLUS_14 = timezone(timedelta(hours=14))
UTC_MINUS_14 = timezone(timedelta(hours=-14))


class Text(str):
    """A subclass of str: a str to every check."""


class Number(int):
    """A subclass of int: an int to every check."""


def hostile(modules: dict[str, ModuleType]) -> list[object]:
    """Values no evaluator should choke on, whatever parameter they are given to."""
    availability = runtime(modules, "availability")
    intervals = runtime(modules, "intervals")
    periods = runtime(modules, "periods")
    tiers = runtime(modules, "tiers")
    may = paris(2024, 5, 7, 19, 30)
    outage = availability.Outage(may, may + timedelta(hours=1))
    result = tiers.TierResult(
        Decimal(1), 0, tiers.Outcome("service_days", Decimal(2)), None, Decimal(2), False
    )
    return [
        None, True, object(), "", "x", "2024-05-10", "NaN", "1e999999",
        0, 1, -1, 2**63, -(2**63), 10**30,
        0.0, 0.3, -1.5, float("nan"), float("inf"), float("-inf"), 1e308,
        Decimal(0), Decimal("-0"), Decimal("0.3"), Decimal(-1), Decimal("0.21"),
        Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"),
        Decimal("1e999999"), Decimal("-1e999999"), Decimal("1e-999999"), Decimal("1e30"),
        Decimal("1e25"), Decimal("1e15"), Decimal("999999999999999.99"), Decimal("1e-40"),
        Decimal("0." + "3" * 60), Fraction(1, 3),
        date.min, date.max, date(1, 1, 2), date(9999, 12, 30), date(2024, 5, 10),
        date(2019, 12, 31), date(2041, 1, 1),
        datetime.min, datetime.max, datetime(2024, 5, 7, 10, 0),
        datetime.max.replace(tzinfo=UTC_PLUS_14), datetime.max.replace(tzinfo=UTC_MINUS_14),
        datetime.min.replace(tzinfo=UTC_PLUS_14), datetime.min.replace(tzinfo=UTC_MINUS_14),
        datetime.max.replace(tzinfo=timezone.utc), datetime.min.replace(tzinfo=timezone.utc),
        datetime(9999, 12, 31, tzinfo=PARIS), datetime(1, 1, 1, tzinfo=PARIS), may,
        time(0, 0), time(1, 0, 30), time(23, 59, tzinfo=timezone.utc),
        timedelta(0), timedelta(hours=4), -timedelta(hours=1), timedelta.max, timedelta.min,
        [], (), [None], ["x"], [Decimal(1)], [may], [date(2024, 5, 10)], {1, 2}, {"a": 1},
        [outage], [outage, None], [intervals.Interval(may, may + timedelta(hours=1))],
        [result], [result, "x"], periods.Period(1, "month"), periods.Period(10**6, "year"),
        iter([outage]), Text("x"), [Text("force majeure")], Number(3), [Number(3)],
        [True, 1], datetime(2024, 10, 27, 2, 30, tzinfo=PARIS, fold=1),
    ]


def plausible(modules: dict[str, ModuleType], name: str, annotation: str) -> list[object]:
    """Valid-looking values for a parameter, so that the others' checks are reached."""
    periods = runtime(modules, "periods")
    words = set()
    for module in modules.values():
        for public in module.__all__:
            value = getattr(module, public)
            if public.endswith(("_ACTIONS", "LEVELS")) and hasattr(value, "keys"):
                words |= set(value.keys())
    strings = sorted(words | {"daily", "weekly", "monthly", "yearly", "snapshot", "each",
                              "good", "excluded", "available", "removed"})
    by_name: dict[str, list[object]] = {
        "year": [2024, 2020, 2040], "month": [5, 1, 12], "n": [3, -3, 0], "units": [2],
        "count": [1, 3], "days": [10, 0], "year_days": [365], "monthly_day": [1, 31],
        "weekly_weekday": [0, 6], "invoice": [Decimal(1000), None],
        "value": [Decimal("0.3"), Decimal("99.5"), Decimal(0), Decimal(100)],
    }
    by_type: list[tuple[tuple[str, ...], list[object]]] = [
        (("Decimal",), [Decimal("0.3"), Decimal(400), Decimal(0)]),
        (("datetime",), [paris(2024, 5, 7, 10), paris(2024, 5, 31, 23, 30)]),
        (("date",), [date(2024, 5, 10), date(2021, 3, 1)]),
        (("timedelta",), [timedelta(hours=4), None]),
        (("time",), [time(1, 0), time(22, 0)]),
        (("Period",), [periods.Period(1, "month"), None]),
        (("str", "Combine", "NoData", "Missing"), strings),
        (("int",), [1]),
    ]
    if name in by_name:
        return by_name[name]
    # "datetime" before "date", "timedelta" before "time": the first prefix that fits.
    return next((values for prefixes, values in by_type if annotation.startswith(prefixes)),
                [[], None])


def call(function: Callable[..., Any], arguments: dict[str, object],
         allowed: tuple[type[BaseException], ...]) -> None:
    """Call; fail on an undocumented exception or a call slower than TIME_LIMIT."""
    started = clock.perf_counter()
    try:
        function(**arguments)
    except allowed:
        pass
    except Exception as exc:  # noqa: BLE001 — the point of the test
        pytest.fail(f"{function.__qualname__}(**{arguments!r}) raised {exc!r}")
    elapsed = clock.perf_counter() - started
    assert elapsed < TIME_LIMIT, f"{function.__qualname__}(**{arguments!r}) took {elapsed:.2f} s"


def parameters(function: Callable[..., Any]) -> list[tuple[str, str]]:
    return [(p.name, str(p.annotation)) for p in inspect.signature(function).parameters.values()]


# --- The sweep and the property ---------------------------------------------------------------


def test_every_public_function_is_enumerated(modules: dict[str, ModuleType]) -> None:
    found = functions(modules)
    assert len(found) >= 100, len(found)


def test_each_hostile_value_in_each_parameter(modules: dict[str, ModuleType]) -> None:
    """One call per (function, parameter, hostile value), the other parameters valid."""
    allowed = documented(modules)
    values = hostile(modules)
    for _, function in functions(modules):
        params = parameters(function)
        base = {name: plausible(modules, name, note)[0] for name, note in params}
        call(function, base, allowed)
        for name, _ in params:
            for value in values:
                call(function, {**base, name: value}, allowed)


def arguments(modules: dict[str, ModuleType], function: Callable[..., Any]) -> st.SearchStrategy:
    values = hostile(modules)
    return st.fixed_dictionaries({
        name: st.one_of(st.sampled_from(plausible(modules, name, note)), st.sampled_from(values))
        for name, note in parameters(function)
    })


def _property(modules: dict[str, ModuleType], examples: int) -> None:
    allowed = documented(modules)
    cases = functions(modules)

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data: st.DataObject) -> None:
        label, function = data.draw(st.sampled_from(cases), label="function")
        call(function, data.draw(arguments(modules, function), label=label), allowed)

    check()


def test_hostile_argument_lists(modules: dict[str, ModuleType]) -> None:
    """Whole argument lists drawn at random: several bad values at once."""
    _property(modules, 1000)


@pytest.mark.slow
def test_hostile_argument_lists_at_length(modules: dict[str, ModuleType]) -> None:
    _property(modules, 6000)


# --- The findings, one by one -------------------------------------------------------------------


def raises_documented(modules: dict[str, ModuleType], function: Callable[..., Any],
                      *args: object, **kwargs: object) -> BaseException:
    started = clock.perf_counter()
    with pytest.raises(documented(modules)) as caught:
        function(*args, **kwargs)
    assert clock.perf_counter() - started < TIME_LIMIT
    return caught.value


def test_huge_invoice_is_refused_fast(modules: dict[str, ModuleType]) -> None:
    teogest = modules["teogest"]
    errors = runtime(modules, "errors")
    # 1e30 is beyond the amounts' bound (|x| < 10^15): SlaInputError naming invoice.
    error = raises_documented(modules, teogest.penalites, Decimal("0.3"), invoice=Decimal("1e30"))
    assert isinstance(error, errors.SlaInputError) and "invoice" in str(error)
    # 1e999999 once took 14-45 s; it is refused by its magnitude before any arithmetic.
    raises_documented(modules, teogest.penalites, Decimal("0.3"), invoice=Decimal("1e999999"))
    raises_documented(modules, teogest.penalites, Decimal("0.3"), invoice=Decimal("1e-999999"))
    # Just below the bound still computes: 3 % of 999,999,999,999,999.99 = 29,999,999,999,999.9997
    # → 29,999,999,999,999.9997 rounds half up to 30,000,000,000,000.00.
    result = teogest.penalites(Decimal("0.3"), invoice=Decimal("999999999999999.99"))
    assert result.money == Decimal("30000000000000.00")


def test_huge_hours_are_refused(modules: dict[str, ModuleType]) -> None:
    teogest = modules["teogest"]
    raises_documented(modules, teogest.restore_fee, Decimal("1e25"), 1)
    raises_documented(modules, teogest.restore_fee, Decimal("876601"), 1)
    # 2.5 h at 130 €/h = 325 €, above the minimum of 70 € × 1 file.
    assert teogest.restore_fee(Decimal("2.5"), 1) == Decimal("325.00")


def test_dates_at_the_end_of_the_calendar(modules: dict[str, ModuleType]) -> None:
    teogest = modules["teogest"]
    error = raises_documented(
        modules, teogest.preavis_effective_termination, date(2021, 3, 1), date.max
    )
    assert "9999" in str(error)
    # Subscribed 2021-03-01, request 2024-05-10: 3 full years → 1 + 3 = 4 months from 1 June,
    # last day 30 September 2024.
    assert teogest.preavis_effective_termination(date(2021, 3, 1), date(2024, 5, 10)) == date(
        2024, 9, 30
    )
    for instant in (datetime.max.replace(tzinfo=UTC_PLUS_14),
                    datetime.min.replace(tzinfo=UTC_MINUS_14)):
        raises_documented(modules, teogest.sous_traitance_earliest, "audit_start", instant)


def test_none_where_a_list_is_expected(modules: dict[str, ModuleType]) -> None:
    teogest = modules["teogest"]
    error = raises_documented(modules, teogest.disponibilite_report, 2024, 5, outages=None)
    assert "outages" in str(error)
    raises_documented(modules, teogest.disponibilite_report, 2024, 5, maintenance=None)
    raises_documented(modules, teogest.disponibilite_report, 2024, 5, outages=[None])


@pytest.mark.parametrize("invoice", [Decimal("NaN"), 1.5, Decimal("Infinity"), Decimal(-1)])
def test_empty_results_validate_the_invoice(modules: dict[str, ModuleType],
                                            invoice: object) -> None:
    niveaux = modules["niveaux_de_service"]
    total = next(getattr(niveaux, n) for n in niveaux.__all__ if n.endswith("_month_total"))
    raises_documented(modules, total, [], invoice=invoice)
    raises_documented(modules, total, [None])
    # Nothing to add and a good invoice: 0.
    assert total([], invoice=Decimal(100)) == Decimal(0)


def test_tiers_use_the_exact_availability(modules: dict[str, ModuleType]) -> None:
    """Teogest, May 2024: 744 h = 2,678,400 s measured. 0.2 % of it is 5,356.8 s; an outage of
    5,356.81 s (10 ms more) gives an unavailability of 5,356.81 / 2,678,400 × 100 =
    0.200000373… %, shown 0.200000 % (six places), availability 99.799999627 % < 99.8 %:
    breached. That value lies in 0.2 % < x < 0.21 %, which no tier covers: undecided, not "none".
    """
    teogest = modules["teogest"]
    availability = runtime(modules, "availability")
    start = datetime(2024, 5, 2, 10, 0, tzinfo=timezone.utc)
    outage = availability.Outage(start, start + timedelta(seconds=5356, milliseconds=810))
    report = teogest.disponibilite_report(2024, 5, outages=[outage])
    assert report.measured_time == timedelta(hours=744)
    assert report.availability == Decimal("99.800000") and not report.met
    assert report.exact == Fraction(2678400 * 100 - 535681, 2678400)
    result = teogest.penalites_from_report(report, invoice=Decimal(1000))
    assert result.tier is None and result.outcome.kind == "unspecified"
    assert result.value == Decimal("0.200000")  # the rounded value, for display only
    # Exactly 0.2 % (5,356.8 s): the "none" tier, and availability 99.8 % is met.
    exact = availability.Outage(start, start + timedelta(seconds=5356, milliseconds=800))
    report = teogest.disponibilite_report(2024, 5, outages=[exact])
    assert report.met
    assert teogest.penalites_from_report(report, invoice=Decimal(1000)).outcome.kind == "none"


def test_forged_report_is_refused(modules: dict[str, ModuleType]) -> None:
    teogest = modules["teogest"]
    start = datetime(2024, 5, 2, 10, 0, tzinfo=timezone.utc)
    availability = runtime(modules, "availability")
    report = teogest.disponibilite_report(
        2024, 5, outages=[availability.Outage(start, start + timedelta(hours=1))])
    import dataclasses
    forged = dataclasses.replace(report, exact=Fraction(-1))
    raises_documented(modules, teogest.penalites_from_report, forged)
