"""`x_due_columns` (and `x_earliest_columns`, `x_ends_by_columns`) against the per-element
functions they mirror: the same answer for every start, or the same kind of error.

Starts are drawn unsorted around the Paris DST changes of 2024 (31 March, 27 October), public
holidays (1 and 8 May, Ascension 9 May, 25 December), inside and outside business hours, with
every action and level of the five contracts. Hand-computed cases pin a few answers.
"""

from __future__ import annotations

import array
import inspect
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slac.runtime.batch_deadlines import due_columns
from slac.runtime.deadlines import due_period
from slac.runtime.periods import Period

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc


def epoch(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> int:
    return int(datetime(year, month, day, hour, minute, tzinfo=PARIS).timestamp())


AROUND = [epoch(2024, 3, 31), epoch(2024, 10, 27), epoch(2024, 5, 1), epoch(2024, 5, 8),
          epoch(2024, 5, 9), epoch(2024, 12, 25), epoch(2024, 3, 29, 17), epoch(2023, 12, 29),
          epoch(2021, 3, 28), epoch(2040, 12, 28)]
"""Days where DST, holidays and year ends meet the business hours."""


def pairs(modules: dict[str, ModuleType]) -> list[tuple[str, Callable[..., Any], Callable[..., Any],
                                                        list[str], list[str | None]]]:
    """(label, per-element function, columns function, actions, levels) of every block."""
    found = []
    for name, module in modules.items():
        for public in module.__all__:
            base = public.removesuffix("_columns")
            if base == public or not base.endswith(("_due", "_earliest", "_ends_by")):
                continue
            one = getattr(module, base)
            block = base.removesuffix("_ends_by") if base.endswith("_ends_by") \
                else base.rsplit("_", 1)[0]
            actions = list(getattr(module, f"{block.upper()}_ACTIONS"))
            levels: list[str | None] = [None]
            if "level" in inspect.signature(one).parameters:
                levels += list(module.LEVELS)
            found.append((f"{name}.{public}", one, getattr(module, public), actions, levels))
    return found


def expected(one: Callable[..., Any], action: str, start: int, level: str | None,
             options: dict[str, Any]) -> Any:
    """The per-element answer in epoch seconds, or the class of the error it raises."""
    kwargs = dict(options)
    if "level" in inspect.signature(one).parameters:
        kwargs["level"] = level
    try:
        due = one(action, datetime.fromtimestamp(start, UTC), **kwargs)
    except (ValueError, LookupError) as exc:
        return type(exc)
    return None if due is None else int(due.timestamp())


def check(modules: dict[str, ModuleType], label: str, one: Callable[..., Any],
          columns: Callable[..., Any], rows: list[tuple[int, str, str | None]],
          decide: bool) -> None:
    params = inspect.signature(columns).parameters
    options: dict[str, Any] = {}
    if decide and "delay_if_unspecified" in params:
        options["delay_if_unspecified"] = timedelta(hours=8)
    if decide and "business_hours" in params:
        options["business_hours"] = modules["niveaux_de_service"].HEURES_OUVREES
    wanted = [expected(one, a, t, lv, options) for t, a, lv in rows]
    args: list[Any] = [[a for _, a, _ in rows], [t for t, _, _ in rows]]
    if "levels" in params:
        args.append([lv for _, _, lv in rows])
    errors = [w for w in wanted if isinstance(w, type)]
    if errors:
        with pytest.raises((ValueError, LookupError)) as caught:
            columns(*args, **options)
        assert type(caught.value) in errors, (label, caught.value)
        # and the other starts, alone, get their answers
        fine = [row for row, w in zip(rows, wanted, strict=True) if not isinstance(w, type)]
        if fine:
            check(modules, label, one, columns, fine, decide)
    else:
        assert columns(*args, **options) == wanted, label
        # one action (and level) for every start: the same answers
        if len({(a, lv) for _, a, lv in rows}) == 1:
            single = [rows[0][1], array.array("q", args[1])]
            if "levels" in params:
                single.append(rows[0][2])
            assert columns(*single, **options) == wanted, label


def starts() -> st.SearchStrategy[int]:
    near = st.tuples(st.sampled_from(AROUND), st.integers(-3 * 86400, 3 * 86400)).map(sum)
    hours = st.tuples(st.sampled_from(AROUND), st.integers(-4, 4), st.integers(0, 47),
                      st.sampled_from([0, 1, -1, 1800, 3599])).map(
        lambda p: p[0] + p[1] * 86400 + p[2] * 1800 + p[3])
    wide = st.integers(epoch(2020, 1, 1), epoch(2040, 12, 31))
    return st.one_of(near, hours, wide)


@settings(max_examples=120, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.data())
def test_columns_match_each_start(modules: dict[str, ModuleType], data: st.DataObject) -> None:
    for label, one, columns, actions, levels in pairs(modules):
        rows = data.draw(st.lists(st.tuples(starts(), st.sampled_from(actions),
                                            st.sampled_from(levels)), max_size=12), label=label)
        check(modules, label, one, columns, rows, data.draw(st.booleans(), label="decide"))


def test_every_block_has_columns(modules: dict[str, ModuleType]) -> None:
    names = [label for label, *_ in pairs(modules)]
    assert "niveaux_de_service.interventions_due_columns" in names
    assert "teogest.incidents_due_columns" in names
    assert len(names) >= 12, names


def test_hand_computed(modules: dict[str, ModuleType]) -> None:
    nds, teogest = modules["niveaux_de_service"], modules["teogest"]
    eight = timedelta(hours=8)
    # Friday 29 March 2024 17:59 CET, in business hours: critical take-in within 4 h → 21:59 CET.
    friday = epoch(2024, 3, 29, 17, 59)
    assert nds.interventions_due_columns("take_in", [friday], "critical") == [friday + 4 * 3600]
    # Saturday 30 March 12:00 CET, outside: diagnosis (critical) within 24 h → Sunday 13:00 CEST
    # (24 real hours across the change to summer time).
    saturday = epoch(2024, 3, 30, 12)
    assert nds.interventions_due_columns("diagnosis", [saturday], "critical") == \
        [epoch(2024, 3, 31, 13)]
    # Thursday 28 March 2024 11:00 CET, in business hours: minor diagnosis within 7 calendar
    # days → Thursday 4 April 11:00 CEST, 167 real hours.
    thursday = epoch(2024, 3, 28, 11)
    assert nds.interventions_due_columns("diagnosis", [thursday], "minor") == \
        [epoch(2024, 4, 4, 11)]
    # Wednesday 1 May 2024 (Labour Day) 11:00: outside business hours, urgent take-in is open:
    # the caller's 8 h; "other" has no deadline.
    may = epoch(2024, 5, 1, 11)
    assert nds.interventions_due_columns(["take_in", "take_in"], [may, may], ["urgent", "other"],
                                         delay_if_unspecified=eight) == [may + 8 * 3600, None]
    with pytest.raises(LookupError):
        nds.interventions_due_columns("take_in", [may], "urgent")
    # Teogest support 09:30-12:00, 13:30-18:00 (17:00 Friday): 7 h a day Monday to Thursday, 6 h
    # on Friday. Monday 7 October 2024 09:30 + 48 business hours: Mon-Thu 28 h, Fri 6 h (34),
    # Mon 14 7 h (41), Tue 15 7 h (48) → Tuesday 15 October 18:00, the end of the window.
    monday = epoch(2024, 10, 7, 9, 30)
    assert teogest.incidents_due_columns("investigation", [monday]) == [epoch(2024, 10, 15, 18)]


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.data())
def test_whole_slot_amounts_match_each_start(modules: dict[str, ModuleType],
                                             data: st.DataObject) -> None:
    # Teogest's 48 and 72 business hours are whole half-hour slots of its support hours: the
    # columns then answer each start by one offset a slot, alone or beside the 2 elapsed hours
    # of restore_crash. Starts on a slot's bounds and a second either side, and on the first
    # instants of a year (where the tables begin).
    teogest = modules["teogest"]
    edge = st.tuples(st.sampled_from([day for day in AROUND if day < epoch(2040, 12, 1)]),
                     st.integers(-2, 2), st.integers(0, 47),
                     st.sampled_from([-1, 0, 1])).map(
        lambda p: p[0] + p[1] * 86400 + p[2] * 1800 + p[3])
    new_year = st.tuples(st.integers(2021, 2040), st.integers(-1, 1)).map(
        lambda p: epoch(p[0], 1, 1) + p[1])
    business = ["investigation", "correction", "restore_request"]
    if data.draw(st.booleans(), label="mixed"):
        business.append("restore_crash")
    rows = data.draw(st.lists(st.tuples(st.one_of(edge, new_year), st.sampled_from(business),
                                        st.just(None)), min_size=1, max_size=40))
    check(modules, "teogest.incidents_due_columns", teogest.incidents_due,
          teogest.incidents_due_columns, rows, False)


def test_every_slot_bound_of_the_days_around_dst_and_holidays(
        modules: dict[str, ModuleType]) -> None:
    # Each half-hour bound of four days around each of those days, a second either side, for
    # the business-hours actions alone and beside restore_crash's elapsed hours. Not the last
    # days of 2040: their deadlines fall after the holiday data and raise, in both paths.
    teogest = modules["teogest"]
    starts = [day + d * 86400 + slot * 1800 + second for day in AROUND
              if day < epoch(2040, 12, 1) for d in range(-2, 2)
              for slot in range(48) for second in (-1, 0, 1)]
    actions = ["investigation", "correction", "restore_request", "restore_crash"]
    for kinds in (actions[:3], actions):
        rows = [(t, kinds[i % len(kinds)], None) for i, t in enumerate(starts)]
        check(modules, "teogest.incidents_due_columns", teogest.incidents_due,
              teogest.incidents_due_columns, rows, False)


def test_zero_days_from_the_second_reading_of_a_repeated_hour() -> None:
    # "within 0 days" (the checker accepts it): due at the start itself. On 27 October 2024 in
    # Paris 02:10 happens twice; from 02:10 CET (01:10 UTC, the second time) the due instant is
    # 01:10 UTC, not 02:10 CEST (00:10 UTC), the first reading of the same wall time.
    plan = ("meeting_due", ("meeting",), (), (("meeting", None, (("period", 0, "day"),)),))

    def one(action: str, start: datetime) -> datetime:
        return due_period(start.astimezone(PARIS), Period(0, "day"))

    start = int(datetime(2024, 10, 27, 1, 10, tzinfo=UTC).timestamp())
    first = int(datetime(2024, 10, 27, 0, 10, tzinfo=UTC).timestamp())   # 02:10 CEST
    assert due_columns(plan, one, "meeting", [start, first], zone="Europe/Paris") == [start, first]


def test_bad_columns_are_refused(modules: dict[str, ModuleType]) -> None:
    nds = modules["niveaux_de_service"]
    due = nds.interventions_due_columns
    for bad in ([1.5], [True], [None], ["x"], [2**63], [-(2**63)], None, "x", {1}, iter([1])):
        with pytest.raises(ValueError):
            due("take_in", bad, "critical")
    with pytest.raises(ValueError):
        due(["take_in"], [0, 1], "critical")
    with pytest.raises(ValueError):
        due("boom", [epoch(2024, 5, 2)], "critical")
    with pytest.raises(ValueError):
        due("take_in", [epoch(2024, 5, 2)], [["x"]])
    with pytest.raises(ValueError):   # the holidays cover 2020-2040
        due("take_in", [epoch(2019, 5, 2, 12)], "critical")
    assert due("take_in", [], "critical") == []


@pytest.mark.slow
def test_large_column_matches(modules: dict[str, ModuleType]) -> None:
    import random

    rng = random.Random(5)
    for label, one, columns, actions, levels in pairs(modules):
        rows = [(rng.randrange(epoch(2021, 1, 1), epoch(2040, 12, 1)), rng.choice(actions),
                 rng.choice(levels)) for _ in range(3000)]
        check(modules, label, one, columns, rows, True)
