"""`window NAME { monday to friday 09:00 to 18:00 … }`: recurring weekly spans of wall-clock time.

Besides the kind, the module gives `week_minutes`, the minutes of a plain week a window block
covers, which the availability check uses to find measured and excluded windows that overlap.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar

from .. import ast, model
from ..backends.pycode import (
    WEEKDAYS,
    Ctx,
    Unit,
    clock,
    const,
    docstring,
    duration_text,
    fn,
    render_unit,
    timedelta_expr,
)
from ..checking import DAYS, WEEK, Checker, weekdays_of, written
from ..evaluating import (
    PERIOD_PARAMETERS,
    Data,
    EvalContext,
    Evaluation,
    build_from,
    call,
    convert,
    duration,
    required_column,
    seconds,
    span_of,
)
from ..inputs import error
from ..messages import KindNames, Phrase, phrase
from ..wording import in_language, said
from .base import Check, Kind, Result, Worked

# --------------------------------------------------------------------------- syntax


@dataclass(frozen=True)
class Weekly(ast.Statement):
    """`monday to friday 09:00 to 12:00, 14:00 to 18:00`: the same ranges on each day."""

    rule: ClassVar[str] = "weekly"
    days: ast.DayRange
    ranges: tuple[ast.TimeRange, ...]

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        days, *ranges = values
        return cls(span, days, tuple(ranges))


@dataclass(frozen=True)
class WeekSpan(ast.Statement):
    """`from friday 20:00 to monday 06:00`: one range across days."""

    rule: ClassVar[str] = "span"
    first_day: ast.Day
    start: ast.Time
    last_day: ast.Day
    end: ast.Time


@dataclass(frozen=True)
class Always(ast.Statement):
    """`always`: every minute of the week."""

    rule: ClassVar[str] = "always"


@dataclass(frozen=True)
class BusinessDaysOnly(ast.Statement):
    """`on business days of jours_ouvres`."""

    rule: ClassVar[str] = "business_days_only"
    written: ClassVar[str] = "on business days of"
    calendar: ast.Name


@dataclass(frozen=True)
class PerMonthLimit(ast.Statement):
    """`at most 2 per month`."""

    rule: ClassVar[str] = "per_month_limit"
    written: ClassVar[str] = "at most … per month"
    count: ast.Number


@dataclass(frozen=True)
class NoticeException(ast.Statement):
    """`except fr "urgence" en "emergency"`, after a notice."""

    rule: ClassVar[str] = "except"
    reason: ast.TextLit


@dataclass(frozen=True)
class Notice(ast.Statement):
    """`notice 48 hours except "urgence"`, `notice unspecified`."""

    rule: ClassVar[str] = "notice"
    value: ast.DurationLit | ast.Word
    exception: NoticeException | None = None


@dataclass(frozen=True)
class WindowExampleStmt(ast.Statement):
    """`example 2024-03-01 17:59 inside`."""

    rule: ClassVar[str] = "window_example"
    at: ast.DateTime
    where: ast.Word          # `inside` or `outside`



# --------------------------------------------------------------------------- model

@dataclass(frozen=True)
class WeeklyRange:
    """Starts on `weekday` at `start_minute` (local wall time) and lasts `length_minutes`."""

    weekday: int
    start_minute: int
    length_minutes: int


@dataclass(frozen=True)
class WindowExample:
    at: datetime
    inside: bool
    line: int


@dataclass(frozen=True)
class Window(model.ItemBase):
    ranges: tuple[WeeklyRange, ...]
    always: bool
    business_days_of: str | None       # calendar name
    per_month_limit: int | None
    notice: model.Duration | model.Unspecified | None
    notice_exception: model.Text | None
    examples: tuple[WindowExample, ...]


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- import "common.j2" as common -%}
{%- macro summary(i, s) -%}
{% filter p %}
{{ say(s, "schedule", schedule=common.schedule(i, s)) }}
{% if i.business_days_of %}
{{ say(s, "business-days", calendar=s.label(i.business_days_of)) }}
{% endif %}
{% if i.per_month_limit is not none %}
{{ say(s, "limit", count=i.per_month_limit) }}
{% endif %}
{% if i.notice is unspecified %}
{{ say(s, "notice-unspecified") }}
{% elif i.notice is not none %}
{{ say(s, "notice", notice=i.notice, exception=i.notice_exception) }}
{% endif %}
{% endfilter %}
{% if not i.always %}
{% filter p %}
{{ say(s, "weekly-hours", minutes=s.weekly_minutes(i), limited=i.per_month_limit is not none,
       calendar=s.label(i.business_days_of) if i.business_days_of else none) }}
{% endfilter %}
{% endif %}
{% if i.examples %}
{% filter p %}
{{ say(s, "examples", examples=i.examples) }}
{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

PHRASES = {
    "schedule": Phrase("Schedule: {{ schedule }}.", "Horaires : {{ schedule }}."),
    "business-days": Phrase(
        "Only on “{{ calendar|t }}”: a range that would start on any other day does not take "
        "place.",
        "Seulement les « {{ calendar|t }} » : une plage qui commencerait un autre jour n'a pas "
        "lieu."),
    "limit": Phrase(
        "It may be used at most {% if count == 1 %}once{% elif count == 2 %}twice"
        "{% else %}{{ count }} times{% endif %} a month.",
        "Cette plage ne peut servir {% if count == 1 %}qu'une fois{% else %}que {{ count }} fois"
        "{% endif %} par mois au plus."),
    "notice-unspecified": Phrase(
        "The contract does not say how much notice is given before it is used.",
        "Le contrat ne précise pas le délai de prévenance avant son utilisation."),
    "notice": Phrase(
        "Notice: at least {{ s.f.duration(notice) }} in advance"
        "{% if exception %}, except in case of {{ s.text(exception)|t }}{% endif %}.",
        "Délai de prévenance : au moins {{ s.f.duration(notice) }}"
        "{% if exception %}, sauf en cas de {{ s.text(exception)|t }}{% endif %}."),
    "weekly-hours": Phrase(
        "In all: {{ s.f.hours(minutes) }} "
        '{{ "in a week when it is used" if limited else "a week" }}'
        "{% if calendar is not none %} at most (less the days that are not “{{ calendar|t }}”)"
        "{% endif %}.",
        "Soit {{ s.f.hours(minutes) }} "
        '{{ "par semaine où la plage sert" if limited else "par semaine" }}'
        "{% if calendar is not none %} au plus (moins les jours qui ne sont pas des "
        "« {{ calendar|t }} »){% endif %}."),
    "examples": Phrase(
        '{{ "Worked example" if examples|length == 1 else "Worked examples" }} (calculated): '
        "{% for e in examples %}{% if not loop.first %}; {% endif %}{{ s.f.moment(e.at) }} is "
        '{{ "inside" if e.inside else "outside" }} the window{% endfor %}.',
        '{{ "Exemple (calculé)" if examples|length == 1 else "Exemples (calculés)" }} : '
        "{% for e in examples %}{% if not loop.first %} ; {% endif %}le {{ s.f.moment(e.at) }} "
        'est {{ "dans la plage" if e.inside else "en dehors de la plage" }}{% endfor %}.'),
}


# --------------------------------------------------------------------------- the kind

class WindowKind(Kind[Window]):
    keyword = "window"
    statements = (Weekly, WeekSpan, Always, BusinessDaysOnly, PerMonthLimit, NoticeException,
                  Notice, WindowExampleStmt)
    words: ClassVar[Mapping[str, str]] = {"is_inside": "inside", "is_outside": "outside"}
    item_type = Window
    names = KindNames("window", "la fenêtre", "une fenêtre", "aucune fenêtre nommée",
                      Phrase("Time window", "Plage horaire"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 7
    report_gives = PERIOD_PARAMETERS

    def report(self, item: Window, ctx: EvalContext) -> Evaluation:
        return _report(ctx, item)

    # ------------------------------------------------------------------ check

    def examples(self, item: Window, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Window:
        ranges: list[WeeklyRange] = []
        for stmt in block.body:
            if isinstance(stmt, Weekly):
                ranges += _weekly_ranges(c, stmt)
            elif isinstance(stmt, WeekSpan):
                ranges += _span_range(c, stmt)
        always = any(isinstance(s, Always) for s in block.body)
        business = c.single(block, BusinessDaysOnly)
        limit_stmt = c.single(block, PerMonthLimit)
        notice_stmt = c.single(block, Notice)
        if not always and not any(isinstance(s, Weekly | WeekSpan) for s in block.body):
            c.report("missing-statement", block.name.span, kind=self.names.the(),
                     name=block.name.value, what=phrase("statement.time-ranges"),
                     example="monday to friday 09:00 to 18:00")
        examples = tuple(WindowExample(c.instant(s.at, c.zone), s.where.value == "inside",
                                       s.span.line)
                         for s in block.body if isinstance(s, WindowExampleStmt))
        return Window(
            ranges=tuple(ranges), always=always,
            business_days_of=c.reference(business.calendar, "calendar") if business else None,
            per_month_limit=(c.whole(limit_stmt.count, phrase("why.limit"), 1)
                             if limit_stmt else None),
            notice=_notice(c, notice_stmt, block.name.value) if notice_stmt else None,
            notice_exception=(c.text(notice_stmt.exception.reason)
                              if notice_stmt and notice_stmt.exception else None),
            examples=examples, **base)

    # ------------------------------------------------------------------ Python

    def python_names(self, item: Window, name: str) -> list[str]:
        return [const(name), *(fn(name, s) for s in ("contains", "occurrences", "check_uses"))]

    def python(self, ctx: Ctx, item: Window) -> list[Unit]:
        return [_schedule_unit(ctx, item), _functions_unit(ctx, item)]


# --------------------------------------------------------------------------- check helpers

def _weekly_ranges(c: Checker, stmt: Weekly) -> list[WeeklyRange]:
    """The ranges of `monday to friday 09:00 to 18:00, …`: each time range on each day."""
    days = weekdays_of(stmt.days)
    ranges: list[WeeklyRange] = []
    for time_range in stmt.ranges:
        reported = len(c.diagnostics)
        start, end = c.time(time_range.start), c.time(time_range.end)
        if len(c.diagnostics) > reported:   # bad-time said it; no empty-range on top
            continue
        if start == end or start >= 1440:
            c.report("empty-range", time_range.span,
                     text=f"{time_range.start.text} to {time_range.end.text}")
            continue
        length = end - start if end > start else end + 1440 - start
        ranges.extend(WeeklyRange(d, start, length) for d in days)
    return ranges


def _span_range(c: Checker, stmt: WeekSpan) -> list[WeeklyRange]:
    """The range of `from friday 20:00 to monday 06:00` (none when it is wrong)."""
    reported = len(c.diagnostics)
    start, end = c.time(stmt.start), c.time(stmt.end)
    if len(c.diagnostics) > reported:
        return []
    length = (stmt.last_day.index - stmt.first_day.index) % 7 * 1440 + end - start
    if length <= 0:
        length += WEEK
    if start >= 1440 or length <= 0:
        c.report("empty-range", stmt.span,
                 text=f"from {DAYS[stmt.first_day.index]} {stmt.start.text} "
                      f"to {DAYS[stmt.last_day.index]} {stmt.end.text}")
        return []
    return [WeeklyRange(stmt.first_day.index, start, length)]


def _notice(c: Checker, stmt: Notice, name: str) -> model.Duration | model.Unspecified:
    """The notice before a use: a length of real time, or left open."""
    if isinstance(stmt.value, ast.Word):
        return c.undecided(stmt.value.span, phrase("undecided.window-notice", name=name))
    return _exact_notice(c, stmt.value)


def _exact_notice(c: Checker, node: ast.DurationLit) -> model.Duration:
    """A window's notice: counted in real time, so neither months nor years (no fixed length)."""
    reported = len(c.diagnostics)
    notice = c.duration(node, ("fixed", "calendar"), phrase("expected.notice"))
    if notice.unit in ("month", "year") and len(c.diagnostics) == reported:
        c.report("unit-mismatch", node.span, expected=phrase("expected.exact-notice"),
                 hint=phrase("hint.exact-notice"),
                 found=phrase("found.duration", text=written(node), time=phrase("time.calendar")))
    return notice


def week_minutes(block: ast.Block) -> list[tuple[int, int]]:
    """Minutes of a plain week (0 = Monday 00:00) that a window block covers, read from its
    statements as written (values not checked), for overlap checks: sorted, disjoint
    [start, end) intervals, so that the cost follows the statements, not the minutes."""
    spans: list[tuple[int, int]] = []
    for stmt in block.body:
        if isinstance(stmt, Always):
            return [(0, WEEK)]
        if isinstance(stmt, Weekly):
            for time_range in stmt.ranges:
                start, end = time_range.start.minute, time_range.end.minute
                # As the check reads it: 00:00 to 24:00 is a whole day, 21:00 to 06:00 wraps.
                length = end - start if end >= start else end + 1440 - start
                for day in weekdays_of(stmt.days):
                    _add_minutes(spans, day * 1440 + start, length)
        elif isinstance(stmt, WeekSpan):
            start = stmt.first_day.index * 1440 + stmt.start.minute
            end = stmt.last_day.index * 1440 + stmt.end.minute
            # monday 00:00 to sunday 24:00 is the whole week
            _add_minutes(spans, start, (end - start) % WEEK or WEEK)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _add_minutes(spans: list[tuple[int, int]], start: int, length: int) -> None:
    """Add `length` (at most a week) minutes from `start`, past Sunday 24:00 going on at Monday
    00:00: the minutes (start + i) % WEEK for i in range(length)."""
    start %= WEEK
    if length > 0:
        spans.append((start, min(start + length, WEEK)))
    if start + length > WEEK:   # it wraps
        spans.append((0, start + length - WEEK))


def first_common_minute(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int | None:
    """The first minute in both of two `week_minutes` results (None if none), in one pass."""
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            return start
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return None


# --------------------------------------------------------------------------- Python helpers

def schedule_ranges(item: Window) -> list[tuple[int, int, int]]:
    """(weekday, start minute, length in minutes) of each range; an always-open window has one
    whole day per weekday."""
    if item.always:
        return [(day, 0, 1440) for day in range(7)]
    return [(r.weekday, r.start_minute, r.length_minutes) for r in item.ranges]


def range_comment(weekday: int, start: int, length: int) -> str:
    """`Mon 22:00 to Tue 06:00`: a range as the generated code comments it."""
    end = start + length
    end_day = (weekday + end // 1440) % 7
    end_clock = clock(end % 1440)
    if end % 1440 == 0 and end > 0:
        end_day, end_clock = (weekday + end // 1440 - 1) % 7, "24:00"
    return f"{WEEKDAYS[weekday]} {clock(start)} to {WEEKDAYS[end_day]} {end_clock}"


def _schedule_unit(ctx: Ctx, item: Window) -> Unit:
    """`X = Schedule(...)`: the window's weekly ranges, one a line with its comment."""
    c = ctx.names.const(item.name)
    ranges = [(f"WeeklyRange({d}, {s}, {n})", range_comment(d, s, n))
              for d, s, n in schedule_ranges(item)]
    calendar = ctx.names.const(item.business_days_of) if item.business_days_of else None
    shape = ("always (24 hours a day, 7 days a week)" if item.always
             else "; ".join(comment for _, comment in ranges))
    if calendar:
        shape += f", on business days of `{item.business_days_of}` only"
    const_doc = docstring(f"Window `{item.name}`: {shape}.", [
        "Occurrences starting on a day that is not a business day are dropped." if calendar else "",
        f"Times are wall-clock times in {ctx.contract.zone}."], indent="")
    return render_unit("py_window.j2", c, c=c, const_doc=const_doc, ranges=ranges,
                       calendar=calendar)


def _functions_unit(ctx: Ctx, item: Window) -> Unit:
    """`x_contains`, `x_occurrences` and, for a limited or announced window, `x_check_uses`."""
    checked = item.per_month_limit is not None or item.notice is not None
    notice = item.notice if isinstance(item.notice, model.Duration) else None
    return render_unit(
        "py_window_fns.j2", ctx.names.fn(item.name, "contains"), c=ctx.names.const(item.name),
        contains=ctx.names.fn(item.name, "contains"),
        occurrences=ctx.names.fn(item.name, "occurrences"),
        check_uses=ctx.names.fn(item.name, "check_uses") if checked else None,
        notice_unspecified=isinstance(item.notice, model.Unspecified),
        notice_expr=timedelta_expr(notice) if notice is not None and checked else None,
        limit=item.per_month_limit,
        doc_contains=ctx.doc(item, f"Whether `instant` lies inside window `{item.name}`."),
        doc_occurrences=ctx.doc(
            item, f"The occurrences of window `{item.name}` clipped to [start, end), in UTC.",
            "Occurrences begun before `start` are included for their part inside the span."),
        doc_check=_check_uses_doc(ctx, item) if checked else "")


def _check_uses_doc(ctx: Ctx, item: Window) -> str:
    """The docstring of `x_check_uses`: the rules a planned use must follow."""
    rules = []
    if isinstance(item.notice, model.Unspecified):
        rules.append(f"Notice: the contract does not say ({item.notice.what}); pass "
                     "`notice` to check announcements.")
    elif item.notice is not None:
        rules.append(f"Notice: each use must be announced at least "
                     f"{duration_text(item.notice)} before it starts (24-hour days)"
                     + (f", except for « {item.notice_exception.en} »: leave such uses out"
                        if item.notice_exception else "") + ".")
    if item.per_month_limit is not None:
        rules.append(f"At most {item.per_month_limit} occurrence(s) of the window used per "
                     "calendar month (counted in the month the occurrence starts).")
    return ctx.doc(
        item, f"Problems with planned uses of window `{item.name}`; empty when all is fine.",
        "Each use must lie inside the window's occurrences.", *rules,
        "`announced` gives, when known, the instant each use was announced (one per use).")


# --------------------------------------------------------------------------- worked examples

def _inside(inside: bool) -> Result:
    return Result(inside, "inside" if inside else "outside")


def _worked(item: Window, ctx: Worked) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: WindowExample = example) -> Result:
            return _inside(bool(ctx.function(ctx.names.fn(item.name, "contains"))(example.at)))
        yield example.line, _inside(example.inside), compute


# --------------------------------------------------------------------------- slac eval

def _report(ctx: EvalContext, item: Window) -> Evaluation:
    """The window's occurrences in the period, and the problems of the uses recorded."""
    start, end = ctx.bounds()
    zone = ctx.zone
    occurrences = ctx.function(ctx.names.fn(item.name, "occurrences"))
    spans = call(ctx, occurrences, start, end)
    total = sum((s.end - s.start for s in spans), timedelta())
    data: Data = {"occurrences": [span_of(s, zone) for s in spans], "total_seconds": seconds(total)}
    lines = [ctx.say("report.occurrences", count=len(spans), total=duration(total))]
    lines += [f"  {a} → {b}" for a, b in data["occurrences"]]
    check = getattr(ctx.module, ctx.names.fn(item.name, "check_uses"), None)
    if ctx.records:
        if not callable(check):
            raise ctx.fail("eval.no-limit", name=item.name)
        interval = ctx.runtime("intervals").Interval
        uses, announced = [], []
        for record in ctx.records:
            for name, value in record.values.items():
                if name not in ("start", "end", "announced"):
                    raise error("input-unknown-column", value.span, column=name,
                                what=Phrase("uses of a window", "utilisations d'une fenêtre"),
                                columns="start, end, announced")
            when = [convert(required_column(record, c), "datetime", ctx.module, ctx.request.zone)
                    for c in ("start", "end")]
            uses.append(build_from(record, interval, *when))
            if "announced" in record.values:
                announced.append(convert(required_column(record, "announced"), "datetime",
                                         ctx.module, ctx.request.zone))
        if announced and len(announced) != len(uses):
            raise ctx.fail("eval.announced")
        problems = call(ctx, check, uses, announced or None)
        data["problems"] = [str(p) for p in problems]
        found = (said("report.problems", count=len(problems)) if problems
                 else said("report.no-problem"))
        lines.append(ctx.say("report.uses", count=len(uses), problems=found))
        lines += [f"  {in_language(p, ctx.lang)}" for p in problems]
    return Evaluation(data, lines)
