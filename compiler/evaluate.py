"""`slac eval`: one item of a checked contract, evaluated by its generated module on given inputs.

The inputs are a period (`2024-05`), named values (`--set name=value`, typed by the evaluator's
parameters) and records from CSV or JSON files. Availability and the tiers measured on it read
outage, probe or error-rate records; windows and calendars list what falls in the period; every
other item (deadlines, retention, terms, money, notice tiers) calls each of its evaluators whose
parameters are all given, once per record. The result is plain data (`Evaluation.data`, ready for
JSON) and a readable report in French or English.
"""

from __future__ import annotations

import importlib
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

from . import kinds, model
from .ast import Span
from .backends.python import evaluator_names, names_of
from .inputs import Record, Value, error, read_records
from .kinds.availability import Availability
from .kinds.calendar import Calendar
from .kinds.severities import Severities
from .kinds.tiers import Tiers
from .kinds.window import Window
from .messages import Phrase
from .wording import in_language, said, worded

COMMAND_LINE = "<command line>"
Data = dict[str, Any]


class EvalError(Exception):
    """A request `slac eval` cannot carry out (not a located input problem): a plain message in
    the report's language; `phrase` holds it in both."""

    def __init__(self, phrase: Phrase, lang: str) -> None:
        super().__init__(phrase.text(lang))
        self.phrase = phrase


@dataclass(frozen=True)
class Request:
    """What the user asked: the clause or item, the period, named values and input files."""

    clause: str
    period: tuple[int, int] | None = None
    settings: tuple[str, ...] = ()
    inputs: tuple[Path, ...] = ()
    zone: ZoneInfo | None = None


@dataclass
class Evaluation:
    """The outcome: plain data for JSON, and the lines of the readable report."""

    data: Data
    lines: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------ finding the item

def find_item(contract: model.Contract, clause: str, lang: str = "en") -> model.Item:
    """The item named `clause`, or the item that best evaluates the clause id `clause`."""
    for item in contract.items:
        if item.name == clause:
            return item
    owners = [i for i in contract.items if any(c.id.lower() == clause.lower() for c in i.clauses)]
    if not owners:
        known = ", ".join(sorted({c.id for i in contract.items for c in i.clauses}))
        raise EvalError(said("eval.no-clause", contract=contract.id, clause=clause, clauses=known,
                             items=", ".join(i.name for i in contract.items)), lang)
    rank = min(kinds.of(i).eval_rank for i in owners)
    best = [i for i in owners if kinds.of(i).eval_rank == rank]
    if len(best) > 1:
        names = ", ".join(f"{i.name} ({kinds.of(i).keyword})" for i in best)
        raise EvalError(said("eval.several-items", clause=clause, items=names), lang)
    return best[0]


# ------------------------------------------------------------------------------------ the context

@dataclass
class _Context:
    contract: model.Contract
    module: ModuleType
    request: Request
    records: list[Record]
    settings: dict[str, Value]
    lang: str

    def say(self, key: str, **fields: object) -> str:
        """The phrase `key` of messages.EVAL in the report's language."""
        return said(key, **fields).text(self.lang)

    def fail(self, key: str, **fields: object) -> EvalError:
        return EvalError(said(key, **fields), self.lang)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.contract.zone)

    def period(self) -> tuple[int, int]:
        if self.request.period is None:
            raise self.fail("eval.needs-period")
        return self.request.period

    def bounds(self) -> tuple[datetime, datetime]:
        year, month = self.period()
        after = (year + month // 12, month % 12 + 1)
        return (datetime(year, month, 1, tzinfo=self.zone),
                datetime(*after, 1, tzinfo=self.zone))

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


def evaluate(contract: model.Contract, module: ModuleType, request: Request,
             lang: str) -> Evaluation:
    """Evaluate the requested item; raises InputError (located) or EvalError (plain)."""
    item = find_item(contract, request.clause, lang)
    records: list[Record] = []
    for path in request.inputs:
        records += read_records(path)[0]
    ctx = _Context(contract, module, request, records, parse_settings(request.settings), lang)
    accepted = _parameters(ctx, item)
    for name, value in ctx.settings.items():
        if name not in accepted:
            where = Span(COMMAND_LINE, value.span.line, 1, value.span.line, value.span.column - 1)
            raise error("input-unknown-name", where, name=name, item=item.name,
                        names=", ".join(sorted(accepted)))
    label = item.label.fr if item.label and lang == "fr" else item.label.en if item.label else ""
    header: Data = {
        "contract": contract.id, "item": item.name, "kind": kinds.of(item).keyword,
        "clauses": [{"id": c.id, "article": c.article} for c in item.clauses],
        "label": {"fr": item.label.fr, "en": item.label.en} if item.label else None,
        "period": f"{request.period[0]:04d}-{request.period[1]:02d}" if request.period else None,
    }
    clauses = ", ".join(f"{c.id} ({c.article})" for c in item.clauses)
    lines = [f"{contract.id} · {item.name}" + (f" — {label}" if label else ""),
             ctx.say("report.clauses", clauses=clauses) if clauses else ""]
    if request.period:
        lines.append(ctx.say("report.period", period=header["period"]))
    result = _HANDLERS.get(type(item), _by_signature)(ctx, item)
    return Evaluation({**header, "result": result.data}, [ln for ln in lines if ln] + result.lines)


def _parameters(ctx: _Context, item: model.Item) -> set[str]:
    """The names `--set` may give: the parameters of the item's evaluators (and, for tiers, of
    the availability they are measured on); what the period gives is not among them."""
    names = [item.name] + ([item.source] if isinstance(item, Tiers) else [])
    functions = [getattr(ctx.module, f, None) for n in names
                 for f in evaluator_names(ctx.contract).get(n, [])]
    found = {p for f in functions if callable(f) for p in inspect.signature(f).parameters}
    return found - {"year", "month", "start", "end"} if type(item) in _HANDLERS else found


def parse_settings(settings: tuple[str, ...]) -> dict[str, Value]:
    """`name=value` pairs, each located in the command line for diagnostics."""
    found: dict[str, Value] = {}
    for index, setting in enumerate(settings, 1):
        name, equals, text = setting.partition("=")
        if not equals or not name.strip():
            raise error("input-setting", Span(COMMAND_LINE, index, 1, index, len(setting) + 1),
                        setting=setting)
        start = len(name) + 2
        where = Span(COMMAND_LINE, index, start, index, start + max(1, len(text)))
        found[name.strip().lower().replace("-", "_")] = Value(text.strip() or None, where)
    return found


def command_line_text(settings: tuple[str, ...]) -> str:
    """The `--set` values one per line: the 'source' diagnostics about them are shown against."""
    return "\n".join(settings)


# --------------------------------------------------------------------------------- availability

def _availability_report(ctx: _Context, item: Availability) -> Any:
    year, month = ctx.period()
    func = ctx.function(names_of(ctx.contract).fn(item.name, "report"))
    accepted = inspect.signature(func).parameters
    runtime = ctx.runtime("availability")
    interval = ctx.runtime("intervals").Interval
    start, end = ctx.bounds()
    feeds: dict[str, list[object]] = {}
    for record in ctx.records:
        feed, built = _availability_record(ctx, record, runtime, interval, (start, end))
        if feed not in accepted:
            offered = [n for n in ("outages", "maintenance", "excluded_events", "samples", "rates")
                       if n in accepted]
            raise error("input-not-accepted", record.span, feed=feed, item=item.name,
                        accepted=", ".join(offered))
        feeds.setdefault(feed, []).append(built)
    for needed in ("samples", "rates"):
        if needed in accepted and accepted[needed].default is inspect.Parameter.empty:
            feeds.setdefault(needed, [])
    return _call(ctx, func, year=year, month=month, **feeds, **ctx.keywords(func))


def _availability_record(ctx: _Context, record: Record, runtime: ModuleType, interval: type,
                         period: tuple[datetime, datetime]) -> tuple[str, object]:
    """Which input a record feeds (by its columns) and the runtime object it becomes."""
    values = record.values

    def instant(name: str) -> datetime:
        return typing.cast(datetime, convert(_required(record, name), "datetime", ctx.module,
                                             ctx.request.zone))

    def at(name: str) -> datetime:
        """An instant that must lie in the period (a sample, a minute)."""
        moment = instant(name)
        if not period[0] <= moment < period[1]:
            raise error("input-outside-period", values[name].span, value=values[name].text,
                        period=f"{period[0]:%Y-%m}")
        return moment

    try:
        if "probe" in values:
            latency = values.get("latency")
            seconds = None if latency is None or latency.text is None else convert(
                latency, "Decimal", ctx.module, None)
            probe = _required(record, "probe").text
            return "samples", runtime.Sample(at("at"), probe, seconds)
        if "error_rate" in values:
            rate = convert(_required(record, "error_rate"), "Decimal", ctx.module, None)
            return "rates", runtime.MinuteRate(at("minute"), rate)
        if "start" in values or "end" in values:
            start, end = instant("start"), instant("end")
            kind = values.get("kind")
            written = (kind.text or "outage") if kind else "outage"
            feed = {"outage": "outages", "maintenance": "maintenance",
                    "excluded": "excluded_events"}.get(written)
            if feed is None:
                assert kind is not None
                raise error("input-choice", kind.span, value=kind.text,
                            choices="outage, maintenance, excluded")
            cause = values["cause"].text if "cause" in values else None
            if feed == "maintenance":
                return feed, interval(start, end)
            return feed, runtime.Outage(start, end, cause)
    except (ValueError, TypeError) as exc:  # SlaInputError is a ValueError
        raise error("input-rejected", record.span, reason=worded(exc)) from None
    raise error("input-columns-unknown", record.span, columns=", ".join(values),
                expected="start, end[, kind, cause] | at, probe, latency | minute, error_rate")


def _availability(ctx: _Context, item: model.Item) -> Evaluation:
    assert isinstance(item, Availability)
    report = _availability_report(ctx, item)
    return _report(ctx, report)


def _report(ctx: _Context, report: Any) -> Evaluation:
    zone = ctx.zone
    comparison = ">" if report.strict else "≥"
    data: Data = {
        "measured_seconds": _seconds(report.measured_time),
        "excluded_seconds": _seconds(report.excluded_time),
        "downtime_seconds": _seconds(report.downtime_time),
        "availability": str(report.availability),
        "unavailability": str(report.unavailability),
        "target": str(report.target), "strict": report.strict, "met": report.met,
        "downtime": [_span(s, zone) for s in report.downtime],
        "excluded": [_span(s, zone) for s in report.excluded],
        "no_data": [_span(s, zone) for s in report.no_data],
    }
    lines = [
        ctx.say("report.measured", time=_duration(report.measured_time)),
        ctx.say("report.excluded", time=_duration(report.excluded_time)),
        ctx.say("report.downtime", time=_duration(report.downtime_time)),
        ctx.say("report.availability", rate=report.availability, comparison=comparison,
                target=report.target,
                verdict=said("report.met" if report.met else "report.breached")),
    ]
    lines += _listing(ctx.say("report.downtime-spans"), data["downtime"])
    lines += _listing(ctx.say("report.excluded-spans"), data["excluded"])
    lines += _listing(ctx.say("report.no-data-spans"), data["no_data"])
    return Evaluation(data, lines)


# ---------------------------------------------------------------------------------------- tiers

def _tiers(ctx: _Context, item: model.Item) -> Evaluation:
    assert isinstance(item, Tiers)
    if item.measure == "notice":
        return _by_signature(ctx, item)
    func = ctx.function(names_of(ctx.contract).fn(item.name))
    invoice = ctx.settings.get("invoice")
    amount = None if invoice is None else ctx.convert(invoice, func, "invoice")
    lines: list[str] = []
    data: Data = {}
    if "value" in ctx.settings:
        result = _call(ctx, func, ctx.convert(ctx.settings["value"], func, "value"), amount)
    else:
        source = ctx.contract.item(item.source)
        if not isinstance(source, Availability):
            raise ctx.fail("eval.give-value")
        if not ctx.records:
            raise ctx.fail("eval.give-value-or-records", source=source.name)
        report = _availability_report(ctx, source)
        evaluation = _report(ctx, report)
        data["report"], lines = evaluation.data, evaluation.lines
        from_report = ctx.function(names_of(ctx.contract).fn(item.name, "from_report"))
        result = _call(ctx, from_report, report, amount)
    outcome = result.outcome
    data.update({
        "value": str(result.value), "tier": result.tier,
        "outcome": {"kind": outcome.kind, "amount": _plain(outcome.amount),
                    "currency": outcome.currency},
        "money": _plain(result.money), "days": _plain(result.days), "capped": result.capped,
    })
    lines.append(ctx.say("report.value", value=result.value))
    if result.tier is None:
        lines.append(ctx.say("report.no-tier", outcome=_outcome(outcome)))
    else:
        lines.append(ctx.say("report.tier", number=result.tier + 1,
                             line=item.tiers[result.tier].line, outcome=_outcome(outcome)))
    if result.money is not None:
        lines.append(ctx.say("report.money", money=result.money))
    if result.days is not None:
        lines.append(ctx.say("report.days", days=result.days))
    if result.capped:
        lines.append(ctx.say("report.capped"))
    claim = getattr(ctx.module, names_of(ctx.contract).fn(item.name, "claim_deadline"), None)
    if callable(claim):
        values = _values(ctx, None)
        parameters = inspect.signature(claim).parameters
        if all(p in values for p in parameters):
            arguments = {p: ctx.convert(values[p], claim, p) for p in parameters}
            deadline = _call(ctx, claim, **arguments)
            data["claim_deadline"] = deadline.isoformat()
            lines.append(ctx.say("report.claim", date=deadline.isoformat()))
    return Evaluation(data, lines)


def _outcome(outcome: Any) -> Phrase:
    """What a tier gives, in words: `3 % of the invoice`, `nothing`."""
    return said(f"report.gives.{outcome.kind}", amount=outcome.amount, currency=outcome.currency)


# ------------------------------------------------------------------------- windows and calendars

def _window(ctx: _Context, item: model.Item) -> Evaluation:
    start, end = ctx.bounds()
    zone = ctx.zone
    occurrences = ctx.function(names_of(ctx.contract).fn(item.name, "occurrences"))
    spans = _call(ctx, occurrences, start, end)
    total = sum((s.end - s.start for s in spans), timedelta())
    data: Data = {"occurrences": [_span(s, zone) for s in spans], "total_seconds": _seconds(total)}
    lines = [ctx.say("report.occurrences", count=len(spans), total=_duration(total))]
    lines += [f"  {a} → {b}" for a, b in data["occurrences"]]
    check = getattr(ctx.module, names_of(ctx.contract).fn(item.name, "check_uses"), None)
    if ctx.records:
        if not callable(check):
            raise ctx.fail("eval.no-limit", name=item.name)
        interval = ctx.runtime("intervals").Interval
        uses, announced = [], []
        for record in ctx.records:
            when = [convert(_required(record, c), "datetime", ctx.module, ctx.request.zone)
                    for c in ("start", "end")]
            uses.append(_build(record, interval, *when))
            if "announced" in record.values:
                announced.append(convert(_required(record, "announced"), "datetime", ctx.module,
                                         ctx.request.zone))
        if announced and len(announced) != len(uses):
            raise ctx.fail("eval.announced")
        problems = _call(ctx, check, uses, announced or None)
        data["problems"] = [str(p) for p in problems]
        found = (said("report.problems", count=len(problems)) if problems
                 else said("report.no-problem"))
        lines.append(ctx.say("report.uses", count=len(uses), problems=found))
        lines += [f"  {in_language(p, ctx.lang)}" for p in problems]
    return Evaluation(data, lines)


def _calendar(ctx: _Context, item: model.Item) -> Evaluation:
    start, end = ctx.bounds()
    is_business = ctx.function(names_of(ctx.contract).fn(item.name, "is_business_day"))
    holiday = ctx.function(names_of(ctx.contract).fn(item.name, "holiday_name"))
    days = [start.date() + timedelta(n) for n in range((end.date() - start.date()).days)]
    business = [d for d in days if _call(ctx, is_business, d)]
    holidays = [(d, _call(ctx, holiday, d)) for d in days]
    named = [(d.isoformat(), name) for d, name in holidays if name]
    data: Data = {"business_days": len(business), "days": len(days),
                  "holidays": [{"date": d, "name": n} for d, n in named]}
    lines = [ctx.say("report.business-days", count=len(business), days=len(days))]
    lines += [f"  {d} {n}" for d, n in named]
    return Evaluation(data, lines)


def _severities(ctx: _Context, item: model.Item) -> Evaluation:
    assert isinstance(item, Severities)
    levels = [{"name": level.name, "fr": level.text.fr, "en": level.text.en}
              for level in item.levels]
    return Evaluation({"levels": levels}, [f"  {lv['name']}: {lv[ctx.lang]}" for lv in levels])


# ------------------------------------------------------------------- any other item: by signature

def _by_signature(ctx: _Context, item: model.Item) -> Evaluation:
    """Every evaluator of the item whose parameters are all given, once per record."""
    functions = [(name, ctx.function(name))
                 for name in evaluator_names(ctx.contract)[item.name]
                 if callable(getattr(ctx.module, name, None))]
    if not functions:
        raise ctx.fail("eval.no-evaluators", name=item.name)
    known = {p for _, f in functions for p in inspect.signature(f).parameters}
    rows: list[Data] = []
    lines: list[str] = []
    records: list[Record | None] = [*ctx.records] or [None]
    for record in records:
        values = _values(ctx, record)
        for name, value in values.items():
            if name not in known and name not in ("year", "month", "id"):
                raise error("input-unknown-name", value.span, name=name, item=item.name,
                            names=", ".join(sorted(known)))
        results: Data = {}
        for name, func in functions:
            parameters = inspect.signature(func).parameters
            required = [p for p, spec in parameters.items()
                        if spec.default is inspect.Parameter.empty]
            if all(p in values for p in required):
                arguments = {p: ctx.convert(values[p], func, p) for p in parameters if p in values}
                try:
                    results[name] = _plain(_call(ctx, func, **arguments))
                except EvalError as problem:
                    if record is None:
                        raise
                    raise error("input-rejected", record.span, reason=problem.phrase) from None
        if not results:
            signatures = "; ".join(f"{n}{_params(f)}" for n, f in functions)
            raise ctx.fail("eval.give-values", item=item.name, signatures=signatures)
        given = {n: v.text for n, v in values.items() if n not in ("year", "month")}
        rows.append({"inputs": given, "results": results})
        prefix = ctx.say("report.line", line=record.span.line) if record else ""
        lines.append(prefix + ", ".join(f"{n}={t}" for n, t in given.items()))
        lines += [f"  {n} → {_one_line(r)}" for n, r in results.items()]
    return Evaluation({"rows": rows}, lines)


def _values(ctx: _Context, record: Record | None) -> dict[str, Value]:
    """The named values for one call: the period, the `--set` values and the record's columns."""
    values: dict[str, Value] = {}
    if ctx.request.period:
        span = Span(COMMAND_LINE, 1, 1, 1, 2)
        values["year"] = Value(str(ctx.request.period[0]), span)
        values["month"] = Value(str(ctx.request.period[1]), span)
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
            return _datetime(value, zone)
        if base == "date":
            return date.fromisoformat(text)
        if base == "time":
            return time.fromisoformat(text)
        if base == "int":
            return int(text)
        if base == "Decimal":
            return _decimal(value, text)
        if base in ("timedelta", "Period"):
            return _duration_value(value, base, module)
        if base == "Schedule":
            return _schedule(value, module)
    except (ValueError, InvalidOperation):
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
    return number


_EXPECTED = {"datetime": "datetime", "date": "date", "time": "time", "int": "integer",
             "Decimal": "number", "timedelta": "duration", "Period": "duration"}


def _datetime(value: Value, zone: ZoneInfo | None) -> datetime:
    text = typing.cast(str, value.text)
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


def _duration_value(value: Value, base: str, module: ModuleType) -> object:
    """`4 hours` as a timedelta (fixed units), or `1 month` as a runtime Period (calendar units)."""
    amount, _, unit = typing.cast(str, value.text).partition(" ")
    unit = unit.strip().lower().removesuffix("s")
    count = int(amount)
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


def _required(record: Record, name: str) -> Value:
    if name not in record.values or record.values[name].text is None:
        raise error("input-missing-column", record.span, column=name)
    return record.values[name]


def _build(record: Record, kind: Callable[..., Any], *args: object) -> object:
    try:
        return kind(*args)
    except ValueError as exc:
        raise error("input-rejected", record.span, reason=worded(exc)) from None


def _call(ctx: _Context, func: Callable[..., Any], *args: object, **kwargs: object) -> Any:
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


def _choices(module: ModuleType, annotation: object) -> str:
    base = str(annotation).replace(" | None", "")
    choices = typing.get_args(getattr(module, base, None))
    return f"={'|'.join(choices)}" if choices else f": {base}"


# -------------------------------------------------------------------------------------- display

def _seconds(span: timedelta) -> int | str:
    micros = (span.days * 86400 + span.seconds) * 1_000_000 + span.microseconds
    return micros // 1_000_000 if micros % 1_000_000 == 0 else str(Decimal(micros) / 1_000_000)


def _duration(span: timedelta) -> str:
    seconds = _seconds(span)
    hours, rest = divmod(Decimal(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours} h {minutes:02} min {secs:02} s" if secs else f"{hours} h {minutes:02} min"


def _span(span: Any, zone: ZoneInfo) -> list[str]:
    return [span.start.astimezone(zone).isoformat(), span.end.astimezone(zone).isoformat()]


def _listing(title: str, spans: list[list[str]], shown: int = 20) -> list[str]:
    if not spans:
        return []
    lines = [f"{title} ({len(spans)}):"] + [f"  {a} → {b}" for a, b in spans[:shown]]
    return lines + ([f"  … {len(spans) - shown}"] if len(spans) > shown else [])


def _plain(value: object) -> Any:
    """A result as JSON-ready data: ISO dates, decimals as strings, records as objects."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, timedelta):
        return _seconds(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    return str(value)


def _one_line(value: object) -> str:
    """Plain data on one line."""
    if isinstance(value, list):
        return "[" + ", ".join(_one_line(v) for v in value) + "]" if value else "[]"
    if isinstance(value, dict):
        return "(" + ", ".join(f"{k} {_one_line(v)}" for k, v in value.items()) + ")"
    return "—" if value is None else str(value)


_HANDLERS: dict[type, Callable[[_Context, model.Item], Evaluation]] = {
    Availability: _availability, Tiers: _tiers, Window: _window,
    Calendar: _calendar, Severities: _severities,
}

