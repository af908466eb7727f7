"""The runtime's exceptions and texts (slac.runtime.errors): English messages that keep the key
and the values they were written from, so that `slac eval` can say them in French."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from slac.runtime.calendars import BusinessCalendar
from slac.runtime.errors import SlaInputError, Text, UnspecifiedError
from slac.runtime.intervals import Interval
from slac.runtime.schedules import Schedule, WeeklyRange

PARIS = ZoneInfo("Europe/Paris")


def test_a_keyed_error_is_its_template_filled_in() -> None:
    error = SlaInputError("negative", "{name} must not be negative, got {value}",
                          name="invoice", value=-5)
    assert str(error) == "invoice must not be negative, got -5"
    assert error.args == ("invoice must not be negative, got -5",)
    assert (error.key, error.values) == ("negative", {"name": "invoice", "value": -5})
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("kind", [SlaInputError, UnspecifiedError])
def test_a_plain_message_has_no_key(kind: type[SlaInputError | UnspecifiedError]) -> None:
    # as the generated modules raise them; braces are not a template there
    error = kind("unknown level {x}")
    assert str(error) == "unknown level {x}"
    assert (error.key, error.values) == (None, {})


def test_errors_survive_a_pickle_with_their_key() -> None:
    error = UnspecifiedError("undecided.no-data", "the slice {slice} has no sample",
                             slice=Text("span", "{start} to {end}", start="a", end="b"))
    copied = pickle.loads(pickle.dumps(error))
    assert isinstance(copied, UnspecifiedError) and isinstance(copied, LookupError)
    assert str(copied) == str(error) == "the slice a to b has no sample"
    assert copied.key == "undecided.no-data"
    assert copied.values == {"slice": "a to b"}    # a Text travels as its plain text


def test_a_text_is_its_english_string() -> None:
    text = Text("use.label", "use {number} ({start} -> {end})", number=2, start="x", end="y")
    assert (text.key, text.values) == ("use.label", {"number": 2, "start": "x", "end": "y"})
    assert text == "use 2 (x -> y)" and isinstance(text, str)
    assert f"{text}!" == "use 2 (x -> y)!" and repr(text) == repr("use 2 (x -> y)")
    assert type(copy.copy(text)) is str and type(pickle.loads(pickle.dumps(text))) is str


def test_runtime_errors_name_their_message_and_values() -> None:
    start, end = datetime(2024, 5, 8, 8, tzinfo=PARIS), datetime(2024, 5, 7, 19, 30, tzinfo=PARIS)
    with pytest.raises(SlaInputError) as refused:
        Interval(start, end)
    assert str(refused.value) == ("interval ends before it starts: 2024-05-08T08:00:00+02:00 > "
                                  "2024-05-07T19:30:00+02:00")
    assert refused.value.key == "interval.order"
    assert refused.value.values == {"start": start.isoformat(), "end": end.isoformat()}
    with pytest.raises(SlaInputError) as naive:
        Interval(datetime(2024, 5, 7), end)
    name = naive.value.values["name"]
    assert (naive.value.key, name) == ("naive-datetime", "interval start")
    assert isinstance(name, Text) and name.key == "name.interval-start"


def test_the_problems_of_the_uses_of_a_window_are_texts() -> None:
    # Friday 22:00 to Saturday 24:00; a use on Monday 6 May 2024 10:00 is outside it.
    calendar = BusinessCalendar(workdays=frozenset(range(5)), holidays=(), first_year=2020,
                                last_year=2040)
    window = Schedule("Europe/Paris", (WeeklyRange(4, 1320, 1560),), calendar)
    use = Interval(datetime(2024, 5, 6, 10, tzinfo=PARIS), datetime(2024, 5, 6, 11, tzinfo=PARIS))
    (problem,) = window.check_uses([use], notice=timedelta(days=15), announced=None,
                                   max_per_month=None)
    assert problem == ("use 1 (Mon 2024-05-06 10:00 CEST -> Mon 2024-05-06 11:00 CEST) is not "
                       "inside the schedule's windows")
    assert isinstance(problem, Text) and problem.key == "use.outside"
    label = problem.values["use"]
    assert isinstance(label, Text) and label.key == "use.label"
