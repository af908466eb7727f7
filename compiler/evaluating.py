"""What `slac eval` and the kinds' reports are written with: the request, the context of one
evaluation, its outcome, and helpers to read inputs, call the generated evaluators and show
results.

The driver (`evaluate.py`) finds the item, reads the inputs and builds an `EvalContext`; the
item's kind writes its report (`Kind.report`), or `by_signature` does: every evaluator of the item
whose parameters are all given, once per record. This module imports no kind and not the Python
backend: what the driver knows of the generated module's names is precomputed in the context.
"""

from __future__ import annotations

import importlib
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, DecimalException, InvalidOperation
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from . import model
from .ast import Span
from .backends.pycode import Names
from .inputs import (
    MAX_DECIMALS,
    MAX_NUMBER,
    MAX_RECORDS,
    UNIX_SECONDS_LIMIT,
    Record,
    Table,
    Value,
    error,
)
from .messages import Phrase
from .wording import said, worded

COMMAND_LINE = "<command line>"
_Number = TypeVar("_Number", int, Decimal)
_Moment = TypeVar("_Moment", date, datetime)
Data = dict[str, Any]
PERIOD_PARAMETERS = frozenset({"year", "month", "quarter", "start", "end"})
"""The parameters a report that reads the period gives its evaluators itself."""
YEARS = (1000, 9998)
"""The years of the periods, dates and instants `slac eval` reads (far enough from the ends of
Python's calendar, years 1 to 9999, for a month's bounds and deadlines to stay in it)."""
USAGE = frozenset({"eval.no-clause", "eval.several-items", "eval.needs-period", "eval.give-value",
                   "eval.give-value-or-records", "eval.give-values", "eval.no-evaluators",
                   "eval.value-and-records", "eval.reads-no-records"})
"""The phrases that say the command line is incomplete or names what is not there (exit 2)."""


class EvalError(Exception):
    """A request `slac eval` cannot carry out (not a located input problem): a plain message in
    the report's language; `phrase` holds it in both. `usage` when the command line is what is
    wrong (a clause that is not there, a period or a value not given): exit 2, otherwise 1."""

    def __init__(self, phrase: Phrase, lang: str, usage: bool = False) -> None:
        super().__init__(phrase.text(lang))
        self.phrase = phrase
        self.usage = usage


@dataclass(frozen=True)
class Request:
    """What the user asked: the clause or item, the period, named values and input files."""

    clause: str
    period: PeriodRef | None = None
    settings: tuple[str, ...] = ()
    inputs: tuple[Path, ...] = ()
    zone: ZoneInfo | None = None


@dataclass(frozen=True)
class PeriodRef:
    """A period as `--period` names it: a month `2024-05`, a quarter `2024-Q2`, a year `2024`."""

    year: int
    month: int | None = None
    quarter: int | None = None

    @property
    def values(self) -> dict[str, int]:
        """The evaluators' parameters naming it: `{"year": 2024, "month": 5}`."""
        found = {"year": self.year, "month": self.month, "quarter": self.quarter}
        return {name: value for name, value in found.items() if value is not None}

    @property
    def months(self) -> int:
        return 1 if self.month else 3 if self.quarter else 12

    def __str__(self) -> str:
        return (f"{self.year:04d}-{self.month:02d}" if self.month else
                f"{self.year:04d}-Q{self.quarter}" if self.quarter else f"{self.year:04d}")


@dataclass
class Evaluation:
    """The outcome: plain data for JSON, and the lines of the readable report."""

    data: Data
    lines: list[str] = field(default_factory=list)
    undecided: list[Phrase] = field(default_factory=list)
    """What the contract leaves open that the inputs reached, and no `--set` decision settles
    (a value between two tiers): the report is printed, and `slac eval` exits 1."""


# ------------------------------------------------------------------------------------ the context

@dataclass
class EvalContext:
    """One evaluation: the contract, its generated module, the request, the input files read, the
    `--set` values, the report's language, and the names the module gives the items (`names`)
    and their public evaluators (`evaluators`, by item name)."""

    contract: model.Contract
    module: ModuleType
    request: Request
    tables: list[Table]
    settings: dict[str, Value]
    lang: str
    names: Names
    evaluators: dict[str, list[str]]

    @cached_property
    def records(self) -> list[Record]:
        """The records of every input file, in order (made on first use)."""
        records: list[Record] = []
        for table in self.tables:
            records += table.records(MAX_RECORDS - len(records))
        return records

    def say(self, key: str, **fields: object) -> str:
        """The phrase `key` of messages.EVAL in the report's language."""
        return said(key, **fields).text(self.lang)

    def fail(self, key: str, **fields: object) -> EvalError:
        return EvalError(said(key, **fields), self.lang, usage=key in USAGE)

    def money(self, amount: Decimal, tax: str | None = None) -> str:
        """An amount in the contract's currency and the report's language: `80,00 €`, `€80.00`."""
        return money_phrase(amount, self.contract.currency, tax).text(self.lang)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.contract.zone)

    def period(self, months: int = 1) -> PeriodRef:
        """The period asked for, which must be of `months` months (a month, a quarter, a year)."""
        period = self.request.period
        if period is None or period.months != months:
            form = {1: "YYYY-MM", 3: "YYYY-QN", 12: "YYYY"}[months]
            raise self.fail("eval.needs-period", form=form)
        return period

    def bounds(self, months: int = 1, zone: ZoneInfo | None = None, first_month: int = 1,
               first_day: int = 1) -> tuple[datetime, datetime]:
        """The period's start and end, in `zone` (the contract's by default): periods of
        `months` months, the first of a year starting on `first_day` of `first_month`."""
        period = self.period(months)
        local = zone or self.zone
        span = self.runtime("periods").period_bounds(
            months, period.year, period.month or period.quarter or 1, local, first_month,
            first_day)
        return span.start.astimezone(local), span.end.astimezone(local)

    def function(self, name: str) -> Callable[..., Any]:
        found = getattr(self.module, name, None)
        if not callable(found):
            raise self.fail("eval.no-evaluator", name=name)
        return typing.cast(Callable[..., Any], found)

    def runtime(self, module: str) -> ModuleType:
        return importlib.import_module(f"{self.module.__package__}.runtime.{module}")

    def convert(self, value: Value, func: Callable[..., Any], parameter: str) -> object:
        """A text value as the type `func` declares for `parameter`."""
        annotation = inspect.signature(func).parameters[parameter].annotation
        return convert(value, str(annotation), self.module, self.request.zone or None)

    def keywords(self, func: Callable[..., Any]) -> dict[str, object]:
        """The `--set` values that name keyword-only parameters of `func` (decisions)."""
        parameters = inspect.signature(func).parameters
        return {name: self.convert(value, func, name) for name, value in self.settings.items()
                if name in parameters and parameters[name].kind is inspect.Parameter.KEYWORD_ONLY}


def money_phrase(amount: Decimal, currency: str, tax: str | None = None) -> Phrase:
    """An amount in each language's number format, with its currency (and tax words when
    given): `80,00 €` / `€80.00` (compiler/backends/formatting.py, with babel)."""
    from .backends.formatting import Formatter

    money = model.Money(amount, currency, typing.cast(Any, tax))
    return Phrase(Formatter("en").money(money), Formatter("fr").money(money))


# ------------------------------------------------------------- the generic report: by signature

def by_signature(ctx: EvalContext, item: model.Item,
                 answers: Callable[[str, dict[str, Value]], bool] | None = None,
                 shown: Callable[[object], Any] | None = None,
                 worded_as: Callable[[object], str] | None = None) -> Evaluation:
    """Every evaluator of the item whose parameters are all given (and that `answers` the
    values, when the kind says which do), once per record: the report of an item whose kind has
    none of its own. `shown` makes a result plain data (`plain` by default), `worded_as` a line
    of the report (its plain data on one line by default); a result whose outcome the contract
    leaves undecided (`outcome.kind == "unspecified"`) is reported so."""
    shown = shown or plain
    functions = [(name, ctx.function(name))   # the batch entry points take columns, not rows
                 for name in ctx.evaluators[item.name]
                 if callable(getattr(ctx.module, name, None)) and not name.endswith("_columns")]
    if not functions:
        raise ctx.fail("eval.no-evaluators", name=item.name)
    known = {p for _, f in functions for p in inspect.signature(f).parameters}
    rows: list[Data] = []
    lines: list[str] = []
    undecided: list[Phrase] = []
    records: list[Record | None] = [*ctx.records] or [None]
    for record in records:
        values = values_of(ctx, record)
        for name, value in (record.values if record else values).items():
            if name not in known and name not in ("year", "month", "quarter", "id"):
                raise error("input-unknown-name", value.span, name=name, item=item.name,
                            names=", ".join(sorted(known)))
        results: Data = {}
        texts: dict[str, str] = {}
        for name, func in functions:
            parameters = inspect.signature(func).parameters
            required = [p for p, spec in parameters.items()
                        if spec.default is inspect.Parameter.empty]
            if all(p in values for p in required) and (answers is None
                                                       or answers(name, values)):
                arguments = {p: ctx.convert(values[p], func, p) for p in parameters if p in values}
                try:
                    found = call(ctx, func, **arguments)
                except EvalError as problem:
                    if record is None:
                        raise
                    raise error("input-rejected", record.span, reason=problem.phrase) from None
                results[name] = shown(found)
                texts[name] = worded_as(found) if worded_as else one_line(results[name])
                outcome = getattr(found, "outcome", None)
                if getattr(outcome, "kind", None) == "unspecified":
                    undecided.append(said("eval.undecided-result", name=name) if record is None
                                      else said("eval.undecided-result-line", name=name,
                                                line=record.span.line))
        if not results:
            signatures = "; ".join(f"{n}{_params(f)}" for n, f in functions)
            if record is None:
                raise ctx.fail("eval.give-values", item=item.name, signatures=signatures)
            raise error("input-rejected", record.span,
                        reason=said("eval.give-values", item=item.name, signatures=signatures))
        given = {n: v.text for n, v in values.items() if n not in ("year", "month", "quarter")}
        rows.append({"inputs": given, "results": results})
        prefix = ctx.say("report.line", line=record.span.line) if record else ""
        lines.append(prefix + ", ".join(f"{n}={t}" for n, t in given.items()))
        lines += [f"  {n} → {t}" for n, t in texts.items()]
    return Evaluation({"rows": rows}, lines, undecided)


def values_of(ctx: EvalContext, record: Record | None) -> dict[str, Value]:
    """The named values for one call: the period, the `--set` values and the record's columns."""
    values: dict[str, Value] = {}
    if ctx.request.period:
        span = Span(COMMAND_LINE, 1, 1, 1, 2)
        for name, number in ctx.request.period.values.items():
            values[name] = Value(str(number), span)
    values.update(ctx.settings)
    if record is not None:
        values.update({k: v for k, v in record.values.items() if v.text is not None})
    return values


def _params(func: Callable[..., Any]) -> str:
    return "(" + ", ".join(inspect.signature(func).parameters) + ")"


# -------------------------------------------------------------------------------------- values

def convert(value: Value, annotation: str, module: ModuleType, zone: ZoneInfo | None) -> object:
    """A text value as the annotated type: dates and times ISO 8601, durations `4 hours`."""
    text = value.text
    base = annotation.replace(" | None", "").replace("None | ", "").strip()
    if text is None:
        raise error("input-missing-value", value.span)
    try:
        if base == "datetime":
            return _in_years(value, _datetime(value, zone))
        if base == "date":
            return _in_years(value, date.fromisoformat(text))
        if base == "time":
            return time.fromisoformat(text)
        if base in ("int", "bool"):
            return _in_range(value, int(text)) if base == "int" else _BOOLS[text.lower()]
        if base == "Decimal":
            return _decimal(value, text)
        if base in ("timedelta", "Period"):
            return _duration_value(value, base, module)
        if base == "Schedule":
            return _schedule(value, module)
    except OverflowError:
        raise error("input-out-of-range", value.span, value=text,
                    range=_RANGES.get(base, _RANGES["Decimal"])) from None
    except (ValueError, InvalidOperation, KeyError):
        raise error(f"input-not-{_EXPECTED.get(base, 'value')}", value.span, value=text) from None
    choices = typing.get_args(getattr(module, base, None))
    if choices and text not in choices:
        raise error("input-choice", value.span, value=text, choices=", ".join(choices))
    return text


def _decimal(value: Value, text: str) -> Decimal:
    """A finite number written with a decimal point (a comma is refused with a hint)."""
    if "," in text:
        raise error("input-decimal-comma", value.span, value=text, fixed=text.replace(",", "."))
    number = Decimal(text)
    if not number.is_finite():
        raise ValueError(text)
    return _in_range(value, number)


_RANGES = {"date": f"years {YEARS[0]} to {YEARS[1]}", "datetime": f"years {YEARS[0]} to {YEARS[1]}",
           "Decimal": f"less than {MAX_NUMBER:,.0f} in absolute value, at most {MAX_DECIMALS} "
                      "decimals",
           "int": f"less than {MAX_NUMBER:,.0f} in absolute value",
           "timedelta": "durations of less than a million years",
           "Period": "durations of less than a million years"}


def _in_range(value: Value, number: _Number) -> _Number:
    """`number`, if it is in the range of numbers read (MAX_NUMBER, MAX_DECIMALS)."""
    decimal = Decimal(number)
    exponent = decimal.as_tuple().exponent
    if abs(decimal) >= MAX_NUMBER or (isinstance(exponent, int) and exponent < -MAX_DECIMALS):
        raise error("input-out-of-range", value.span, value=value.text,
                    range=_RANGES["int" if isinstance(number, int) else "Decimal"])
    return number


def _in_years(value: Value, moment: _Moment) -> _Moment:
    """A date or an instant in YEARS (an instant's UTC year too)."""
    years = [moment.year]
    if isinstance(moment, datetime) and moment.year in YEARS:   # UTC may be the year beyond
        years.append(moment.astimezone(timezone.utc).year)
    if not all(YEARS[0] <= y <= YEARS[1] for y in years):
        raise error("input-out-of-range", value.span, value=value.text,
                    range=_RANGES["datetime"])
    return moment


_BOOLS = {"true": True, "yes": True, "false": False, "no": False}
_EXPECTED = {"datetime": "datetime", "date": "date", "time": "time", "int": "integer",
             "Decimal": "number", "timedelta": "duration", "Period": "duration"}


def _datetime(value: Value, zone: ZoneInfo | None) -> datetime:
    """ISO 8601, or Unix time: whole seconds since 1970-01-01 00:00 UTC."""
    text = typing.cast(str, value.text)
    if text.isascii() and text.isdigit():
        if len(text.lstrip("0")) > 11 or int(text) >= UNIX_SECONDS_LIMIT:
            raise OverflowError(text)
        return datetime.fromtimestamp(int(text), timezone.utc)
    moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    if moment.tzinfo is not None:
        return moment
    if zone is None:
        raise error("input-naive-datetime", value.span, value=text)
    first, second = moment.replace(tzinfo=zone, fold=0), moment.replace(tzinfo=zone, fold=1)
    if first.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) != moment:
        raise error("input-dst-gap", value.span, value=text, zone=zone.key)
    if first.utcoffset() != second.utcoffset():
        raise error("input-dst-ambiguous", value.span, value=text, zone=zone.key)
    return first


_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_LONGEST = {**_UNIT_SECONDS, "month": 31 * 86400, "year": 366 * 86400}


def _duration_value(value: Value, base: str, module: ModuleType) -> object:
    """`4 hours` as a timedelta (fixed units), or `1 month` as a runtime Period (calendar units)."""
    amount, _, unit = typing.cast(str, value.text).partition(" ")
    unit = unit.strip().lower().removesuffix("s")
    count = int(amount)
    if abs(count) * _LONGEST.get(unit, 1) >= 1_000_000 * 366 * 86400:
        raise OverflowError(count)
    if base == "timedelta" and unit in _UNIT_SECONDS:
        return timedelta(seconds=count * _UNIT_SECONDS[unit])
    if base == "Period" and unit in ("day", "week", "month", "year"):
        return importlib.import_module(f"{module.__package__}.runtime.periods").Period(count, unit)
    raise ValueError(f"unknown unit {unit!r}")


def _schedule(value: Value, module: ModuleType) -> object:
    """A window of the contract given by name, as its schedule (for undecided business hours)."""
    text = typing.cast(str, value.text)
    found = getattr(module, text.upper(), None)
    if type(found).__name__ != "Schedule":
        raise error("input-not-window", value.span, value=text)
    return found


def required_column(record: Record, name: str) -> Value:
    """The value of column `name` of `record`; a located error if it has none."""
    if name not in record.values or record.values[name].text is None:
        raise error("input-missing-column", record.span, column=name)
    return record.values[name]


def build_from(record: Record, kind: Callable[..., Any], *args: object) -> object:
    """`kind(*args)`, a runtime object read from `record`; what it refuses is located there."""
    try:
        return kind(*args)
    except ValueError as exc:
        raise error("input-rejected", record.span, reason=worded(exc)) from None


def call(ctx: EvalContext, func: Callable[..., Any], *args: object, **kwargs: object) -> Any:
    """Call an evaluator; the contract's undecided points and bad inputs become EvalErrors."""
    errors = ctx.runtime("errors")
    try:
        return func(*args, **kwargs)
    except errors.UnspecifiedError as exc:
        decisions = [f"{name}{_choices(ctx.module, spec.annotation)}"
                     for name, spec in inspect.signature(func).parameters.items()
                     if spec.kind is inspect.Parameter.KEYWORD_ONLY]
        hint = said("eval.decide", decisions=", ".join(decisions)) if decisions else Phrase("", "")
        raise EvalError(worded(exc) + hint, ctx.lang) from None
    except errors.SlaInputError as exc:
        raise EvalError(worded(exc), ctx.lang) from None
    except (ValueError, ArithmeticError) as exc:   # out of the calendar's or the decimals' range
        reason = "decimal overflow" if isinstance(exc, DecimalException) else str(exc)
        raise EvalError(said("eval.cannot-compute", reason=reason), ctx.lang) from None


def _choices(module: ModuleType, annotation: object) -> str:
    base = str(annotation).replace(" | None", "")
    choices = typing.get_args(getattr(module, base, None))
    return f"={'|'.join(choices)}" if choices else f": {base}"


# -------------------------------------------------------------------------------------- display

def seconds(span: timedelta) -> int | str:
    micros = (span.days * 86400 + span.seconds) * 1_000_000 + span.microseconds
    return micros // 1_000_000 if micros % 1_000_000 == 0 else str(Decimal(micros) / 1_000_000)


def duration(span: timedelta) -> str:
    total = seconds(span)
    hours, rest = divmod(Decimal(total), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours} h {minutes:02} min {secs:02} s" if secs else f"{hours} h {minutes:02} min"


def span_of(span: Any, zone: ZoneInfo) -> list[str]:
    return [span.start.astimezone(zone).isoformat(), span.end.astimezone(zone).isoformat()]


def listing(title: str, spans: list[list[str]], shown: int = 20) -> list[str]:
    if not spans:
        return []
    lines = [f"{title} ({len(spans)}):"] + [f"  {a} → {b}" for a, b in spans[:shown]]
    return lines + ([f"  … {len(spans) - shown}"] if len(spans) > shown else [])


def plain(value: object) -> Any:
    """A result as JSON-ready data: ISO dates, decimals as strings, records as objects."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, timedelta):
        return seconds(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: plain(getattr(value, k)) for k in value.__dataclass_fields__}
    return str(value)


def one_line(value: object) -> str:
    """Plain data on one line."""
    if isinstance(value, list):
        return "[" + ", ".join(one_line(v) for v in value) + "]" if value else "[]"
    if isinstance(value, dict):
        return "(" + ", ".join(f"{k} {one_line(v)}" for k, v in value.items()) + ")"
    return "—" if value is None else str(value)
