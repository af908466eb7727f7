"""Deadlines over columns: many starts at once, on integer tables instead of datetimes.

The generated `x_due_columns` (and `x_earliest_columns`, `x_ends_by_columns`) call
`due_columns` with a plan of their block's rules (a literal the build writes) and with the
per-element function they mirror. Starts are epoch seconds (whole seconds since 1970-01-01 UTC);
answers are epoch seconds, or None where the rule sets no deadline, equal to what the
per-element function returns for each start.

Three tables make a column cheap, each computed once and kept:

* the business hours of a schedule (`HoursTable`), over the local years the starts fall in and
  the year after: the time is cut into slots of `quantum` seconds (the largest length dividing
  every window bound, an hour for hours on the hour), each wholly inside or outside the hours;
  `inside[k]` says which. The business time elapsed at an instant t of slot k is
  `elapsed[k] + inside[k] * t`, and business time x (in the j-th business slot, j = x //
  quantum) is reached at `reached[j] + x`. Membership is one index, a business-time addition
  three. When the amount is whole slots (48 hours in half-hour slots), an answer is simpler
  still: within a slot it moves with the start inside business hours and stays put outside
  them, so each slot gets one offset per amount (`_due_offsets`) and the answer is one index
  and one addition;
* the UTC offsets of the contract's zone (`ZoneClock`), for calendar days on the wall clock;
* nothing else: a rule these tables do not cover (business days, months, years) and a start
  outside them is answered by the per-element function itself, element by element.
"""

from __future__ import annotations

import array
import bisect
import math
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from itertools import accumulate
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from .errors import SlaInputError, UnspecifiedError
from .intervals import EARLIEST, LATEST
from .periods import zone_info
from .schedules import Schedule

_UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
_SECOND = timedelta(seconds=1)
FIRST_START = math.ceil((EARLIEST - _EPOCH) / _SECOND)
"""The earliest start a column may hold (the first instant `require_aware` accepts)."""
LAST_START = (LATEST - _EPOCH) // _SECOND
"""The latest start a column may hold (the last instant `require_aware` accepts)."""
_FAST_LOW = (datetime(2, 1, 1, tzinfo=_UTC) - _EPOCH) // _SECOND
_FAST_HIGH = (datetime(9998, 1, 1, tzinfo=_UTC) - _EPOCH) // _SECOND
_SLOTS_LIMIT = 4_000_000
"""The largest business-hours table built (slots); a finer or longer one is not built and the
starts are answered element by element."""
_YEARS_LIMIT = 60
_CACHE_LIMIT = 64

Plan = tuple[str, tuple[str, ...], tuple[str, ...], tuple[tuple[Any, ...], ...]]
"""(function name, actions, actions depending on the level, rules): each rule is
(action, level or None, (rule,) or (rule during, rule outside business hours)); a rule is
("none",), ("elapsed", seconds), ("business", seconds), ("period", count, unit),
("days", count), ("open", what, where) or ("missing", message)."""


# --------------------------------------------------------------------------- validation

def _starts(starts: object) -> tuple[Sequence[int], int, int]:
    """The column of starts, ints (not bools) between FIRST_START and LAST_START, with its
    least and greatest (0 and 0 when empty)."""
    if isinstance(starts, array.array) and starts.typecode in "bBhHiIlLqQ":
        column: Sequence[int] = starts
    elif isinstance(starts, (list, tuple)):
        column = starts
        if not set(map(type, column)) <= {int}:
            bad = next(s for s in column if type(s) is not int)
            raise SlaInputError(
                "type.epoch-seconds", "{name} must hold ints (epoch seconds), got {type} {value!r}",
                name="starts", type=type(bad).__name__, value=bad,
            )
    else:
        raise SlaInputError(
            "type.column", "{name} must be a list, tuple or array.array of epoch seconds, "
            "got {value!r}", name="starts", value=starts,
        )
    low, high = (min(column), max(column)) if column else (0, 0)
    if low < FIRST_START or high > LAST_START:
        bad = next(s for s in column if not FIRST_START <= s <= LAST_START)
        raise SlaInputError(
            "epoch.range", "{name} holds {value}, outside {first} to {last} (epoch seconds of "
            "years 1-9999 less a day at each end)",
            name="starts", value=bad, first=FIRST_START, last=LAST_START,
        )
    return column, low, high


def _column(name: str, value: object, size: int) -> Sequence[object] | None:
    """None for one value given for every start, else the column (as long as the starts)."""
    if value is None or isinstance(value, str):
        return None
    if not isinstance(value, (list, tuple)):
        raise SlaInputError(
            "type.column-of-str", "{name} must be a str or a list or tuple of them, got "
            "{value!r}",
            name=name, value=value,
        )
    if len(value) != size:
        raise SlaInputError(
            "column.length", "{name} holds {count} values for {size} starts",
            name=name, count=len(value), size=size,
        )
    return value


# --------------------------------------------------------------------------- rules

class _Business:
    __slots__ = ("seconds",)

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds


class _Calendar:
    __slots__ = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count


class _Open:
    __slots__ = ("what", "where")

    def __init__(self, what: str, where: str) -> None:
        self.what, self.where = what, where


class _Missing:
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


class _Other:
    """A rule answered by the per-element function (business days, months, years)."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind


_Rule = int | None | _Business | _Calendar | _Open | _Missing | _Other


def _rule(literal: tuple[Any, ...]) -> _Rule:
    kind = literal[0]
    if kind == "none":
        return None
    if kind == "elapsed":
        return int(literal[1])
    if kind == "business":
        return _Business(literal[1]) if literal[1] else 0
    if kind == "period" and not literal[1]:  # no period: the start itself, as add_period_dt
        return 0
    if kind == "period" and literal[2] in ("day", "week"):
        return _Calendar(literal[1] * (7 if literal[2] == "week" else 1))
    if kind == "open":
        return _Open(literal[1], literal[2])
    if kind == "missing":
        return _Missing(literal[1])
    return _Other(kind)


class _Compiled(NamedTuple):
    name: str
    actions: tuple[str, ...]
    leveled: frozenset[str]
    levels: tuple[str, ...]
    rules: dict[tuple[str, str | None], tuple[_Rule, _Rule, bool]]   # outside, during, split


_PLANS: dict[int, tuple[Plan, _Compiled]] = {}
_KEYS: dict[int, tuple[str, str | None]] = {}
"""The action and level of each compiled rule object (kept alive by its plan in _PLANS)."""


def _compile(plan: Plan) -> _Compiled:
    """The plan's rules by (action, level) as (outside, during, split); kept by identity (a plan
    is a constant of the generated code)."""
    kept = _PLANS.get(id(plan))
    if kept is not None and kept[0] is plan:
        return kept[1]
    name, actions, leveled, literals = plan
    rules: dict[tuple[str, str | None], tuple[_Rule, _Rule, bool]] = {}
    levels: list[str] = []
    for action, level, split in literals:
        if level is not None and level not in levels:
            levels.append(level)
        if len(split) == 1:
            anytime = _rule(split[0])
            rules[(action, level)] = (anytime, anytime, False)
        else:
            rules[(action, level)] = (_rule(split[1]), _rule(split[0]), True)
        for made in rules[(action, level)][:2]:
            if made is not None and not isinstance(made, int):
                _KEYS[id(made)] = (action, level)
    compiled = _Compiled(name, actions, frozenset(leveled), tuple(levels), rules)
    if len(_PLANS) >= _CACHE_LIMIT:
        _PLANS.clear()
        _KEYS.clear()
    _PLANS[id(plan)] = (plan, compiled)
    return compiled


def _refuse(plan: _Compiled, action: object, level: object) -> SlaInputError:
    """The error the per-element function raises for this action and level."""
    if not isinstance(action, str) or action not in plan.actions:
        return SlaInputError(
            "batch.unknown-action", "unknown action of {name} {value!r}; expected one of: "
            "{allowed}", name=plan.name, value=action, allowed=", ".join(plan.actions))
    if action in plan.leveled:
        if level is None:
            return SlaInputError(
                "batch.needs-level", "action {action!r} depends on the severity level: pass "
                "levels= one of {allowed}", action=action, allowed=", ".join(plan.levels))
        return SlaInputError(
            "batch.unknown-level", "unknown severity level {value!r}; expected one of: "
            "{allowed}", value=level, allowed=", ".join(plan.levels))
    return SlaInputError(
        "batch.no-level", "action {action!r} does not depend on the severity level; got level "
        "{value!r}", action=action, value=level)


# --------------------------------------------------------------------------- tables

class HoursTable(NamedTuple):
    """A schedule's time over [origin, end) in slots of `quantum` seconds (module docstring)."""

    origin: int
    end: int
    quantum: int
    inside: bytes
    elapsed: list[int]
    reached: list[int]
    total: int


def _epoch(instant: datetime) -> int:
    return (instant - _EPOCH) // _SECOND


def hours_table(schedule: Schedule, first_year: int, last_year: int) -> HoursTable | None:
    """The table of `schedule` over its local years `first_year`..`last_year` (and the year
    after, when it can be read); None when one of them cannot be read or the table would be
    too large."""
    if not schedule.ranges or last_year - first_year > _YEARS_LIMIT:
        return None
    years = []
    for year in range(first_year, last_year + 2):
        try:
            table = schedule._year(year)
        except (ValueError, OverflowError):
            table = None
        if table is None:
            if year <= last_year:
                return None
            break
        years.append(table)
    origin, end = _epoch(years[0].first), _epoch(years[-1].after)
    bounds = [_epoch(b) - origin for y in years for b in y.bounds]
    quantum = math.gcd(end - origin, *bounds)
    if quantum == 0 or (end - origin) // quantum > _SLOTS_LIMIT:
        return None
    inside = bytearray((end - origin) // quantum)
    for low, high in zip(bounds[::2], bounds[1::2], strict=True):
        inside[low // quantum:high // quantum] = b"\x01" * ((high - low) // quantum)
    before = [count * quantum for count in accumulate(inside, initial=0)]
    # In a business slot k, the time elapsed at t is before[k] + (t - (origin + k * quantum)).
    # (`before` has one more entry, the total.)
    elapsed = [spent - flag * (origin + k * quantum)
               for k, (spent, flag) in enumerate(zip(before, inside, strict=False))]
    # Business slot j starts at origin + k * quantum; the time before it is j * quantum. The
    # "+ 1" goes with the amounts' "- 1" (`_business`): an amount that ends exactly at a
    # slot's end is due then, not at the next slot's start.
    reached = [origin + k * quantum + 1 - j * quantum
               for j, k in enumerate(k for k, flag in enumerate(inside) if flag)]
    return HoursTable(origin, end, quantum, bytes(inside), elapsed, reached, before[-1])


_TABLES: dict[tuple[int, int, int], tuple[Schedule, HoursTable | None]] = {}


def _hours_table(schedule: Schedule, zone: ZoneInfo, low: int, high: int) -> HoursTable | None:
    """The table covering the starts low..high (kept per schedule and years)."""
    first = datetime.fromtimestamp(low, _UTC).astimezone(zone).year
    last = datetime.fromtimestamp(high, _UTC).astimezone(zone).year
    key = (id(schedule), first, last)
    kept = _TABLES.get(key)
    if kept is not None and kept[0] is schedule:
        return kept[1]
    table = hours_table(schedule, first, last)
    if len(_TABLES) >= _CACHE_LIMIT:
        _TABLES.clear()
    _TABLES[key] = (schedule, table)
    return table


class ZoneClock(NamedTuple):
    """UTC offsets of a zone over [low, high): `offsets[i]` from `changes[i]` on (seconds)."""

    low: int
    high: int
    changes: list[int]
    offsets: list[int]

    def offset(self, moment: int) -> int:
        return self.offsets[bisect.bisect_right(self.changes, moment) - 1]

    def instant(self, wall: int) -> int | None:
        """The instant of a wall-clock time (in seconds on a UTC-like scale), as
        `periods.localise` reads it: the first of two, or the end of a gap; None out of range."""
        offset = self.offset
        found = [wall - o for o in sorted(set(self.offsets[max(
            bisect.bisect_right(self.changes, wall - 2 * 86400) - 1, 0):
            bisect.bisect_right(self.changes, wall + 2 * 86400)]))
            if offset(wall - o) == o]
        if found:
            due = min(found)
        else:   # in a gap: the change it lies in
            index = bisect.bisect_right(self.changes, wall - max(self.offsets))
            due = next(c for c in self.changes[index:] if c + offset(c) > wall)
        return due if self.low + 2 * 86400 <= due < self.high - 2 * 86400 else None


_CLOCKS: dict[tuple[str, int, int], ZoneClock] = {}
_SAMPLE = 6 * 3600


def zone_clock(zone: str, first_year: int, last_year: int) -> ZoneClock:
    """The offsets of `zone` over UTC years `first_year`..`last_year` (kept)."""
    key = (zone, first_year, last_year)
    kept = _CLOCKS.get(key)
    if kept is not None:
        return kept
    tz = zone_info(zone)

    def offset(moment: int) -> int:
        shift = datetime.fromtimestamp(moment, _UTC).astimezone(tz).utcoffset()
        return 0 if shift is None else shift // _SECOND

    low = _epoch(datetime(first_year, 1, 1, tzinfo=_UTC))
    high = _epoch(datetime(last_year + 1, 1, 1, tzinfo=_UTC))
    changes, offsets = [low], [offset(low)]
    for moment in range(low + _SAMPLE, high, _SAMPLE):
        now = offset(moment)
        if now != offsets[-1]:
            before, after = moment - _SAMPLE, moment
            while after - before > 1:
                middle = (before + after) // 2
                before, after = (middle, after) if offset(middle) != now else (before, middle)
            changes.append(after)
            offsets.append(now)
    clock = ZoneClock(low, high, changes, offsets)
    if len(_CLOCKS) >= _CACHE_LIMIT:
        _CLOCKS.clear()
    _CLOCKS[key] = clock
    return clock


# --------------------------------------------------------------------------- the column

Due = Callable[[int], "int | None"]
"""A rule other than elapsed time for one start: its due instant (or None)."""


class _Call(NamedTuple):
    """What answering one start needs beyond its rule."""

    one: Callable[..., datetime | None]
    options: dict[str, object]
    zone: str
    table: HoursTable | None
    low: int
    high: int


def due_columns(  # noqa: C901 - the cases of one plan, each a comprehension
    plan: Plan,
    one: Callable[..., datetime | None],
    actions: object,
    starts: object,
    levels: object = None,
    *,
    zone: str,
    hours: Schedule | None = None,
    hours_given: bool = False,
    hours_what: str = "the business hours",
    delay: object = None,
) -> list[int | None]:
    """Due instants (epoch seconds, None: no deadline) of `starts` under `plan`, each equal to
    `one(action, start, [level], **options)` for that start (module docstring).

    `actions` and `levels` are one value for every start or a column as long as `starts`.
    `hours` is the block's business hours; with `hours_given` they are the caller's decision
    (`business_hours=`, None when not given). `delay` is the caller's `delay_if_unspecified`.
    Raises SlaInputError for a bad start, action, level or decision, and UnspecifiedError where
    one start needs a decision that was not passed; if several starts fail, which error is
    raised is not specified.
    """
    compiled = _compile(plan)
    column, low, high = _starts(starts)
    size = len(column)
    action_column = _column("actions", actions, size)
    level_column = _column("levels", levels, size)
    by_action = level_column is None
    try:
        if action_column is None and level_column is None:
            keys: set[Any] = {(actions, levels)}
        elif by_action:
            keys = {(a, levels) for a in set(action_column or ())}
        else:
            keys = set(zip(action_column or [actions] * size, level_column or (), strict=True))
    except TypeError:
        raise SlaInputError("batch.strings", "{name} must hold strings",
                            name="actions and levels") from None
    for key in keys:
        if key not in compiled.rules:
            raise _refuse(compiled, *key)
    if not size:
        return []
    options: dict[str, object] = {}
    if hours_given:
        options["business_hours"] = hours
    if compiled.leveled:
        options["level"] = None
    used = [compiled.rules[key] for key in keys]
    reached = {r for outside, during, _ in used for r in (outside, during)}
    if any(isinstance(r, _Open) for r in reached):
        options["delay_if_unspecified"] = delay
    split = any(s for _, _, s in used)
    table: HoursTable | None = None
    if split or any(isinstance(r, _Business) for r in reached):
        if hours is None:
            raise UnspecifiedError(
                "batch.hours", "the contract does not say {what}: pass business_hours="
                "Schedule(...) to decide them", what=hours_what)
        if not isinstance(hours, Schedule):
            raise SlaInputError("type.schedule", "{name} must be a Schedule, got {value!r}",
                                name="business_hours", value=hours)
        if low >= _FAST_LOW and high <= _FAST_HIGH:
            table = _hours_table(hours, zone_info(zone), low, high)
        if table is None:
            return _each(one, column, action_column, actions, level_column, levels, options)
    decided = _decided(delay, reached)
    longest = max([r for r in reached if isinstance(r, int)] + [decided or 0])
    if low < _FAST_LOW or high + longest > _FAST_HIGH:
        return _each(one, column, action_column, actions, level_column, levels, options)
    call = _Call(one, options, zone, table, low, high)
    values = {r: _value(r, decided, call) for r in reached}
    pairs = {key: (values[compiled.rules[key][0]], values[compiled.rules[key][1]])
             for key in keys}
    quick = _all_business(table, reached, {key: compiled.rules[key][0] for key in keys}, high,
                          by_action and not split)
    if quick is not None:
        assert table is not None
        fast = _whole_slots(table, quick, column, action_column, actions, levels, low, high)
        if fast is not None:
            return fast
        origin, quantum, inside = table.origin, table.quantum, table.inside
        elapsed, reached_at = table.elapsed, table.reached
        if action_column is None:
            return _business(table, column, quick[(actions, levels)] - 1)
        steps = {a: seconds - 1 for (a, _), seconds in quick.items()}
        return [reached_at[(x := elapsed[k := (t - origin) // quantum] + inside[k] * t
                            + steps[a]) // quantum] + x
                for t, a in zip(column, action_column, strict=True)]
    if not split:
        if action_column is None and level_column is None:
            rules = [pairs[(actions, levels)][0]] * size
        elif by_action:
            outside = {a: pair[0] for (a, _), pair in pairs.items()}
            rules = [outside[a] for a in action_column or ()]
        else:
            outside2 = {key: pair[0] for key, pair in pairs.items()}
            rules = [outside2[key] for key in zip(action_column or [actions] * size,
                                                  level_column or (), strict=True)]
        return [t + d if d.__class__ is int else (None if d is None else d(t))
                for t, d in zip(column, rules, strict=True)]
    assert table is not None
    origin, quantum, inside = table.origin, table.quantum, table.inside
    by_level: dict[Any, dict[Any, Any]] = {}   # (rule outside, rule during) by action and level
    for (a, level), pair in pairs.items():
        by_level.setdefault(a, {})[level] = pair
    return [t + d if (d := by_level[a][lv][inside[(t - origin) // quantum]]).__class__ is int
            else (None if d is None else d(t))
            for t, a, lv in zip(column, action_column or [actions] * size,
                                level_column or [levels] * size, strict=True)]


def _decided(delay: object, reached: set[_Rule]) -> int | None:
    """The caller's delay for open cases in whole seconds; None when not given or not needed,
    or when it is not valid (the open cases then raise when a start reaches them)."""
    if delay is None or not any(isinstance(r, _Open) for r in reached):
        return None
    if not isinstance(delay, timedelta) or delay < timedelta():
        return None
    if delay.microseconds:
        raise SlaInputError(
            "columns.whole-seconds", "{name} must be a whole number of seconds in a column "
            "of epoch seconds, got {value}", name="delay_if_unspecified", value=delay)
    return delay // _SECOND


def _all_business(table: HoursTable | None, reached: set[_Rule],
                  rules: dict[Any, _Rule], high: int,
                  simple: bool) -> dict[Any, int] | None:
    """The amount of business time (seconds) of each key, when every start's rule is business
    time and no answer can fall beyond the table; else None."""
    if table is None or not simple or not all(isinstance(r, _Business) for r in reached):
        return None
    longest = max(r.seconds for r in reached if isinstance(r, _Business))
    k = (high - table.origin) // table.quantum
    if table.elapsed[k] + table.inside[k] * high + longest > table.total:
        return None
    return {key: rule.seconds for key, rule in rules.items() if isinstance(rule, _Business)}


def _whole_slots(table: HoursTable, amounts: dict[Any, int], column: Sequence[int],
                 action_column: Sequence[object] | None, actions: object, levels: object,
                 low: int, high: int) -> list[int | None] | None:
    """`_all_business`'s answers by one index and one addition a start, when every amount is
    whole slots (`_due_offsets`) and covers the starts; else None."""
    first, quantum, inside = table.origin + 1, table.quantum, table.inside
    if low < first:
        return None
    last = (high - first) // quantum
    offsets: dict[Any, list[int]] = {}
    for key, seconds in amounts.items():
        due = _due_offsets(table, seconds)
        if due is None or last >= len(due):
            return None
        offsets[key] = due
    if action_column is None:
        one = offsets[(actions, levels)]
        return [inside[k := (t - first) // quantum] * t + one[k] for t in column]
    by_action = {a: due for (a, _), due in offsets.items()}
    return [inside[k := (t - first) // quantum] * t + by_action[a][k]
            for t, a in zip(column, action_column, strict=True)]


def _due_offsets(table: HoursTable, seconds: int) -> list[int] | None:
    """Where `seconds` of business time is whole slots: for each slot k, the due instant of a
    start t in (its start, its end] is t + offsets[k] in a business slot (the time elapsed at
    the end stays inside one business slot of the answer) and offsets[k] outside one (no time
    elapses there). None for another amount. Kept per table and amount; the list ends at the
    first slot whose answer falls beyond the table (callers check their starts against it)."""
    if seconds % table.quantum:
        return None
    key = (id(table), seconds)
    kept = _OFFSETS.get(key)
    if kept is not None and kept[0] is table:
        return kept[1]
    origin, quantum, elapsed, reached = table.origin, table.quantum, table.elapsed, table.reached
    step, size = seconds - 1, len(reached)
    offsets: list[int] = []
    for k, flag in enumerate(table.inside):
        end = origin + (k + 1) * quantum
        x = elapsed[k] + flag * end + step   # as `_business` computes it for a start at `end`
        if x // quantum >= size:
            break
        offsets.append(reached[x // quantum] + x - flag * end)
    if len(_OFFSETS) >= _CACHE_LIMIT:
        _OFFSETS.clear()
    _OFFSETS[key] = (table, offsets)
    return offsets


_OFFSETS: dict[tuple[int, int], tuple[HoursTable, list[int]]] = {}


def _business(table: HoursTable, column: Sequence[int], step: int) -> list[int | None]:
    """One amount (less a second) of business time after each start: index arithmetic."""
    origin, quantum, inside = table.origin, table.quantum, table.inside
    elapsed, reached = table.elapsed, table.reached
    return [reached[(x := elapsed[k := (t - origin) // quantum] + inside[k] * t + step)
                    // quantum] + x
            for t in column]


def _value(rule: _Rule, decided: int | None, call: _Call) -> Any:
    """The rule for this call: an int (elapsed seconds), None, or a function of one start."""
    if rule is None or isinstance(rule, int):
        return rule
    if isinstance(rule, _Open):
        return decided if decided is not None else _fallback(rule, call)
    if isinstance(rule, _Missing):
        message = rule.message

        def missing(t: int) -> int | None:
            raise UnspecifiedError("batch.missing", "{what}", what=message)
        return missing
    if isinstance(rule, _Business):
        return _business_one(rule, call)
    if isinstance(rule, _Calendar):
        return _calendar_one(rule, call)
    return _fallback(rule, call)


def _fallback(rule: _Rule, call: _Call) -> Due:
    """The rule's start answered by the per-element function."""
    action, level = _KEYS[id(rule)]
    options = {**call.options, "level": level} if "level" in call.options else call.options
    one = call.one

    def each(t: int) -> int | None:
        due = one(action, datetime.fromtimestamp(t, _UTC), **options)
        return None if due is None else _epoch(due)
    return each


def _business_one(rule: _Business, call: _Call) -> Due:
    """An amount of business time, for the starts of a column that mixes kinds of rules: by
    the slot offsets when the amount is whole slots (`_due_offsets`), else by business time;
    a start beyond the tables by the per-element function."""
    table, step, fallback = call.table, rule.seconds - 1, _fallback(rule, call)
    assert table is not None
    origin, quantum, inside = table.origin, table.quantum, table.inside
    offsets = _due_offsets(table, rule.seconds)
    if offsets is not None:
        first, count = origin + 1, len(offsets)

        def by_slot(t: int) -> int | None:
            k = (t - first) // quantum
            return inside[k] * t + offsets[k] if 0 <= k < count else fallback(t)
        return by_slot
    elapsed, reached, size = table.elapsed, table.reached, len(table.reached)

    def business(t: int) -> int | None:
        k = (t - origin) // quantum
        x = elapsed[k] + inside[k] * t + step
        return reached[j] + x if (j := x // quantum) < size else fallback(t)
    return business


def _calendar_one(rule: _Calendar, call: _Call) -> Due:
    """Calendar days on the zone's wall clock: the same UTC offset at both ends, away from any
    change, is `t` plus whole days; else the wall time is read as `periods.localise` does."""
    first = datetime.fromtimestamp(call.low, _UTC).year
    last = datetime.fromtimestamp(call.high, _UTC).year
    clock = zone_clock(call.zone, max(first - 1, 1), min(last + 2, 9998))
    changes, offsets, days = clock.changes, clock.offsets, rule.count * 86400
    fallback = _fallback(rule, call)
    low, high = clock.low + 2 * 86400, clock.high - 4 * 86400 - days

    def calendar(t: int) -> int | None:
        if not low <= t < high:
            return fallback(t)
        offset = offsets[bisect.bisect_right(changes, t) - 1]
        due = t + days
        index = bisect.bisect_right(changes, due - 2 * 86400)
        if index == bisect.bisect_right(changes, due + 2 * 86400) and \
                offsets[index - 1] == offset:
            return due
        found = clock.instant(t + offset + days)
        return fallback(t) if found is None else found
    return calendar


def _each(one: Callable[..., datetime | None], column: Sequence[int],
          action_column: Sequence[object] | None, actions: object,
          level_column: Sequence[object] | None, levels: object,
          options: dict[str, object]) -> list[int | None]:
    """Every start answered by the per-element function (outside the tables)."""
    found: list[int | None] = []
    for i, t in enumerate(column):
        if "level" in options:
            options = {**options, "level": levels if level_column is None else level_column[i]}
        due = one(actions if action_column is None else action_column[i],
                  datetime.fromtimestamp(t, _UTC), **options)
        found.append(None if due is None else _epoch(due))
    return found
