"""`retention NAME { … }`: backup copies (a ladder of daily, weekly… copies, each kept a while),
the recovery point objective, records kept for years, and backups kept after the contract ends."""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Literal, cast

from .. import ast, model
from ..backends.pycode import (
    DAY_NAMES,
    Ctx,
    Unit,
    clock,
    duration_text,
    fn,
    ident,
    period_expr,
    py_str,
    render_unit,
    timedelta_expr,
    wrap_call,
)
from ..checking import DAYS, MONTHS, Checker
from ..messages import MONTH_NAMES, KindNames, Phrase, amount_of, joined, phrase
from .base import Check, Kind, Result, Worked

Every = Literal["day", "week", "month", "year"]


# --------------------------------------------------------------------------- syntax

@dataclass(frozen=True)
class OnWeekday(ast.Statement):
    """`on sunday`: the day of a weekly copy."""

    rule: ClassVar[str] = "on_weekday"
    fits: ClassVar[Every] = "week"
    day: ast.Day


@dataclass(frozen=True)
class OnMonthDay(ast.Statement):
    """`on day 1`: the day of a monthly copy."""

    rule: ClassVar[str] = "on_month_day"
    fits: ClassVar[Every] = "month"
    day: ast.Number


@dataclass(frozen=True)
class OnDate(ast.Statement):
    """`on 31 december`: the day of a yearly copy."""

    rule: ClassVar[str] = "on_date"
    fits: ClassVar[Every] = "year"
    day: ast.Number
    month: ast.Word


@dataclass(frozen=True)
class OnUnspecified(ast.Statement):
    """`on unspecified`: the contract does not say on which day the copy is taken."""

    rule: ClassVar[str] = "on_unspecified"
    word: ast.Word


OnDay = OnWeekday | OnMonthDay | OnDate
_ON = (OnWeekday, OnMonthDay, OnDate, OnUnspecified)


@dataclass(frozen=True)
class CopyStmt(ast.Statement):
    """`copy weekly every week on sunday at 02:00 kept 5 weeks`; the day and the time are
    optional, the period kept may be `unspecified`."""

    rule: ClassVar[str] = "copy"
    name: ast.Name
    every: ast.Word
    on: OnDay | OnUnspecified | None
    at: ast.Time | None
    kept: ast.DurationLit | ast.Word

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        name, every, *middle, kept = values
        on = next((v for v in middle if isinstance(v, _ON)), None)
        at = next((v for v in middle if isinstance(v, ast.Time)), None)
        return cls(span, name, every, on, at, kept)


@dataclass(frozen=True)
class Rpo(ast.Statement):
    """`rpo 4 hours`: the recovery point objective."""

    rule: ClassVar[str] = "rpo"
    period: ast.DurationLit


@dataclass(frozen=True)
class HistoryStmt(ast.Statement):
    """`history "factures" current year and 10 previous years`."""

    rule: ClassVar[str] = "history"
    what: ast.TextLit
    previous_years: ast.Number


@dataclass(frozen=True)
class AfterTermination(ast.Statement):
    """`after termination kept 30 days`, `after termination kept until end of month of notice`;
    two that disagree are reported as a contradiction of the contract."""

    rule: ClassVar[str] = "after_termination"
    written: ClassVar[str] = "after termination kept"
    period: ast.DurationLit | ast.Word


@dataclass(frozen=True)
class RetentionExampleStmt(ast.Statement):
    """`example at 2024-03-19 09:30 restores 3 copies`."""

    rule: ClassVar[str] = "retention_example"
    at: ast.DateTime
    copies: ast.Number


# --------------------------------------------------------------------------- model

@dataclass(frozen=True)
class Copy:
    name: str
    every: Literal["day", "week", "month", "year"]
    weekday: int | model.Unspecified | None
    day: int | model.Unspecified | None
    month: int | None
    at_minute: int | None               # None: time of day not given
    kept: model.Duration | model.Unspecified


@dataclass(frozen=True)
class History:
    what: model.Text
    previous_years: int


@dataclass(frozen=True)
class RetentionExample:
    at: datetime
    copies: int
    line: int


@dataclass(frozen=True)
class Retention(model.ItemBase):
    copies: tuple[Copy, ...]
    rpo: model.Duration | None
    history: tuple[History, ...]
    after_termination: model.Duration | None
    examples: tuple[RetentionExample, ...] = ()


# --------------------------------------------------------------------------- check

def _check_copies(c: Checker, block: ast.Block) -> tuple[Copy, ...]:
    """The block's copies, by name; a second copy of a name is reported (and replaces it)."""
    copies: dict[str, Copy] = {}
    first: dict[str, int] = {}
    for stmt in block.body:
        if not isinstance(stmt, CopyStmt):
            continue
        copy = _check_copy(c, stmt)
        if copy.name in copies:
            c.report("duplicate-name", stmt.name.span, name=copy.name, line=first[copy.name])
        first.setdefault(copy.name, stmt.span.line)
        copies[copy.name] = copy
    return tuple(copies.values())


def _check_copy(c: Checker, stmt: CopyStmt) -> Copy:
    """One copy of a backup ladder: when it is taken (a day that fits its frequency), how long
    it is kept (longer than zero)."""
    name = stmt.name.value
    every = cast(Every, stmt.every.value)
    weekday: int | model.Unspecified | None = None
    day: int | model.Unspecified | None = None
    month: int | None = None
    when = phrase("undecided.copy-day", copy=name)
    if isinstance(stmt.on, OnUnspecified):
        if every == "week":
            weekday = c.undecided(stmt.on.span, when)
        elif every != "day":
            day = c.undecided(stmt.on.span, when)
    elif stmt.on is not None:   # on monday, on day 31, on 31 december
        weekday, day, month = _check_day(c, stmt.on, every)
    at = c.time(stmt.at) if stmt.at is not None else None
    kept: model.Duration | model.Unspecified
    if isinstance(stmt.kept, ast.DurationLit):
        kept = c.positive(stmt.kept, ("calendar",), phrase("expected.retention"),
                          phrase("what.kept"))
    else:
        kept = c.undecided(stmt.kept.span, phrase("undecided.copy-kept", copy=name))
    if stmt.on is None and every == "week":
        weekday = c.undecided(stmt.span, when)
    if stmt.on is None and every in ("month", "year"):
        day = c.undecided(stmt.span, when)
    if at is None:
        c.undecided(stmt.span, phrase("undecided.copy-time", copy=name))
    return Copy(name, every, weekday, day, month, at, kept)


def _check_day(c: Checker, on: OnDay,
               every: Every) -> tuple[int | None, int | None, int | None]:
    """(weekday, day, month) of `on …` for a copy taken every `every`; day 29 to 31 warned."""
    if on.fits != every:
        c.report("bad-copy-day", on.span, text=_on_text(on), every=phrase(f"every.{every}"),
                 hint=phrase(f"copy-day.{every}"))
        return None, None, None
    if isinstance(on, OnWeekday):
        return on.day.index, None, None
    day = c.whole(on.day, phrase("why.month-day"), 1, 31)
    if isinstance(on, OnMonthDay):
        if 28 < day <= 31:   # the runtime takes the copy on the last day of shorter months
            c.report("short-month", on.span, text=f"on day {day}",
                     period=phrase("period.month"), what=phrase("short-month.month"))
        return None, day, None
    month = MONTHS.index(on.month.value) + 1
    length = calendar.monthrange(2000, month)[1]   # 2000 is a leap year: 29 February exists
    if length < day <= 31:
        c.report("bad-number", on.day.span, text=on.day.text,
                 why=phrase("why.month-length", month=MONTH_NAMES[month - 1], days=length))
    elif (day, month) == (29, 2):   # the runtime takes it on 28 February in common years
        c.report("short-month", on.span, text="on 29 february",
                 period=phrase("period.year"), what=phrase("short-month.year"))
    return None, day, month


def _on_text(on: OnDay) -> str:
    """`on …` as written (words spaced by one blank)."""
    if isinstance(on, OnWeekday):
        return f"on {DAYS[on.day.index]}"
    if isinstance(on, OnMonthDay):
        return f"on day {on.day.text}"
    return f"on {on.day.text} {on.month.value}"


# --------------------------------------------------------------------------- Python

EVERY_TEXT: dict[str, str] = {"day": "every day", "week": "every week", "month": "every month",
                              "year": "every year"}


def _ladder(name: str) -> str:
    """The private function building a retention's backup ladder."""
    return f"_{ident(name).rstrip('_')}_ladder"


def _history_suffixes(item: Retention) -> list[str]:
    """The suffix of each `history`'s function: numbered when there are several."""
    if len(item.history) == 1:
        return ["oldest_year_kept"]
    return [f"oldest_year_kept_{index + 1}" for index in range(len(item.history))]


def _copy_bases(item: Retention) -> dict[str, str]:
    """The stem of the parameters deciding each copy (`<stem>_at`, `<stem>_kept`, ...): its name
    as an identifier, or `<name>_2`, `<name>_3`... when an earlier copy has it ("a" and "a_")."""
    bases: dict[str, str] = {}
    for copy in item.copies:
        base = ident(copy.name).rstrip("_")
        candidates = itertools.chain([base], (f"{base}_{n}" for n in itertools.count(2)))
        bases[copy.name] = next(c for c in candidates if c not in bases.values())
    return bases


Decision = tuple[str, str, str]
"""A point the contract leaves to the caller: (parameter, type, what)."""


@dataclass
class _Decisions:
    """The caller's decisions the ladder needs, in the order the copies ask for them."""

    made: list[Decision] = field(default_factory=list)

    def ask(self, parameter: str, kind: str, what: str) -> str:
        """Record a decision the caller must make; the expression that reads it."""
        self.made.append((parameter, kind, what))
        return f"_given({parameter})"


@dataclass(frozen=True)
class _Tier:
    """One copy in the generated code."""

    expr: str                 # `BackupTier(…),` in the ladder
    keep: tuple[str, str]     # (copy name literal, its period: expression or parameter name)
    line: str                 # `- daily: every day at 01:00, kept 1 week` in the docstrings


def _tier(copy: Copy, base: str, decisions: _Decisions) -> _Tier:
    """The copy's `BackupTier`, its period kept and its line in the docstrings; what the contract
    does not say becomes a decision (time, period kept, day: in this order)."""
    at, at_text = _at(copy, base, decisions)
    keep, keep_entry, kept_text = _kept(copy, base, decisions)
    days, day_text = _day_arguments(copy, base, decisions)
    args = [py_str(copy.name), f'"{copy.every}"', at, keep, *days]
    return _Tier(wrap_call("BackupTier", args, " " * 12, ","), (py_str(copy.name), keep_entry),
                 f"- {copy.name}: {EVERY_TEXT[copy.every]}{at_text}{day_text}, {kept_text}")


def _at(copy: Copy, base: str, decisions: _Decisions) -> tuple[str, str]:
    """The minute the copy is taken (argument), and ` at 01:00` when the contract says it."""
    if copy.at_minute is None:
        at = decisions.ask(f"{base}_at", "time", f"at what time copy {copy.name} is taken")
        return f'_minute("{base}_at", {at})', ""
    return str(copy.at_minute), f" at {clock(copy.at_minute)}"


def _kept(copy: Copy, base: str, decisions: _Decisions) -> tuple[str, str, str]:
    """How long the copy is kept: the argument, the entry of `x_expires_at`'s table, the text."""
    if isinstance(copy.kept, model.Unspecified):
        keep = decisions.ask(f"{base}_kept", "Period", copy.kept.what)
        return keep, f"{base}_kept", "kept for a time the contract does not say"
    keep = period_expr(copy.kept)
    return keep, keep, f"kept {duration_text(copy.kept)}"


def _day_arguments(copy: Copy, base: str,
                   decisions: _Decisions) -> tuple[list[str], str]:
    """The keyword arguments placing a weekly, monthly or yearly copy, and their text."""
    args: list[str] = []
    text = ""
    if copy.every == "week":
        if isinstance(copy.weekday, int):
            args.append(f"weekday={copy.weekday}")
            text += f" on {DAY_NAMES[copy.weekday]}"
        else:
            args.append("weekday=" + decisions.ask(
                f"{base}_weekday", "int", f"on which day copy {copy.name} is taken (0 = Monday)"))
    if copy.every in ("month", "year"):
        if isinstance(copy.day, int):
            args.append(f"day={copy.day}")
            text += f" on day {copy.day}"
        else:
            args.append("day=" + decisions.ask(
                f"{base}_day", "int", f"on which day of the month copy {copy.name} is taken"))
    if copy.month is not None:
        args.append(f"month={copy.month}")
        text += f" of month {copy.month}"
    return args, text


def _copies_doc(tiers: list[_Tier], decisions: _Decisions) -> list[str | list[str]]:
    """The paragraphs listing the copies (and the decisions left to the caller)."""
    paragraphs: list[str | list[str]] = [["Copies:", *(tier.line for tier in tiers)]]
    if decisions.made:
        paragraphs.append("Not said by the contract, to pass as keyword arguments when needed: "
                          + "; ".join(f"`{p}` ({what})" for p, _, what in decisions.made) + ".")
    return paragraphs


def _restore_unit(ctx: Ctx, item: Retention) -> Unit:
    """The backup ladder and the functions reading it: `x_restore_points`, `x_expires_at`, and
    `x_rpo_holds` when the contract sets an RPO."""
    bases = _copy_bases(item)
    decisions = _Decisions()
    tiers = [_tier(copy, bases[copy.name], decisions) for copy in item.copies]
    copies_doc = _copies_doc(tiers, decisions)
    restore = ctx.names.fn(item.name, "restore_points")
    renamed = any(bases[c.name] != c.name for c in item.copies)
    return render_unit(
        "py_retention.j2", restore, ladder=_ladder(ctx.names.item(item.name)),
        decisions=decisions.made, kept_params=[d for d in decisions.made if d[0].endswith("_kept")],
        tiers=[tier.expr for tier in tiers], keeps=[tier.keep for tier in tiers],
        kept_names=[(py_str(c.name), f"{bases[c.name]}_kept") for c in item.copies]
        if renamed else [],
        restore=restore, expires=ctx.names.fn(item.name, "expires_at"),
        doc_restore=ctx.doc(item, f"The copies of `{item.name}` that can be restored at `at`, "
                            "newest first.", *copies_doc,
                            "The copies are assumed to have been taken forever before `at`."),
        doc_expires=ctx.doc(item, f"When a copy of `{item.name}` taken at `taken_at` expires.",
                            *copies_doc),
        **_rpo_values(ctx, item, copies_doc))


def _rpo_values(ctx: Ctx, item: Retention,
                copies_doc: list[str | list[str]]) -> dict[str, str | None]:
    """What py_retention.j2 needs for `x_rpo_holds` (no function without an RPO)."""
    if item.rpo is None:
        return {"rpo": None, "rpo_expr": "", "doc_rpo": ""}
    return {"rpo": ctx.names.fn(item.name, "rpo_holds"), "rpo_expr": timedelta_expr(item.rpo),
            "doc_rpo": ctx.doc(item, f"Whether the newest restorable copy of `{item.name}` at "
                               f"`at` is at most {duration_text(item.rpo)} old (recovery point "
                               "objective).", *copies_doc)}


def _history_unit(ctx: Ctx, item: Retention, history: History,
                  suffix: str) -> Unit:
    """`x_oldest_year_kept`: the oldest year of a record still kept."""
    name = ctx.names.fn(item.name, suffix)
    return render_unit(
        "py_history.j2", name, name=name, years=history.previous_years,
        doc=ctx.doc(item, f"The oldest year of « {history.what.en} » still kept on `on`.",
                    f"The current year and the {history.previous_years} previous year(s) "
                    "are kept."))


def _survival_unit(ctx: Ctx, item: Retention, period: model.Duration) -> Unit:
    """`x_kept_after_termination_until`: the last day a backup is kept after the contract."""
    name = ctx.names.fn(item.name, "kept_after_termination_until")
    return render_unit(
        "py_survival.j2", name, name=name, period=period_expr(period),
        doc=ctx.doc(item, f"Last day a backup is kept after the contract's last day `end` "
                    f"({duration_text(period)} after it)."))


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- macro copy(c, s) -%}
{{ say(s, "copy", c=c) }}
{%- if c.weekday is not none and c.weekday is not unspecified %}\
{{ say(s, "copy-weekday", c=c) }}{% endif %}
{%- if c.day is not none and c.day is not unspecified %}{{ say(s, "copy-day", c=c) }}{% endif %}
{%- if c.at_minute is not none %}{{ say(s, "copy-at", c=c) }}{% endif %}
{%- set no_day = c.weekday is unspecified or c.day is unspecified %}
{%- if no_day and c.at_minute is none and c.every != "day" %} ({{ say(s, "copy-no-day-nor-time") }})
{%- elif no_day %} ({{ say(s, "copy-no-day") }})
{%- elif c.at_minute is none %} ({{ say(s, "copy-no-time") }})
{%- endif %},
{% if c.kept is unspecified %}{{ say(s, "kept-unspecified") }}\
{% else %}{{ say(s, "kept", c=c) }}{% endif %}
{%- endmacro -%}

{%- macro summary(i, s) -%}
{% if i.copies %}
{% filter p %}{{ say(s, "copies", count=i.copies|length) }}{% endfilter %}
{% filter ul %}
{% for c in i.copies %}
{% filter li %}{{ copy(c, s) }}{% endfilter %}
{% endfor %}
{% endfilter %}
{% endif %}
{% if i.rpo is not none or i.history or i.after_termination is not none %}
{% filter p %}
{% if i.rpo is not none %}
{{ say(s, "rpo", rpo=i.rpo) }}
{% endif %}
{% for h in i.history %}
{{ say(s, "history", h=h) }}
{% endfor %}
{% if i.after_termination is not none %}
{{ say(s, "after-termination", period=i.after_termination) }}
{% endif %}
{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

PHRASES = {
    "copies": Phrase('{{ "Backup copy" if count == 1 else "Backup copies" }}:',
                     '{{ "Copie de sauvegarde" if count == 1 else "Copies de sauvegarde" }} :'),
    "copy": Phrase('a {{ {"day": "daily", "week": "weekly", "month": "monthly", '
                   '"year": "yearly"}[c.every] }} copy',
                   'une copie {{ {"day": "chaque jour", "week": "chaque semaine", '
                   '"month": "chaque mois", "year": "chaque année"}[c.every] }}'),
    "copy-weekday": Phrase(" on {{ s.f.weekday(c.weekday) }}s",
                           ", le {{ s.f.weekday(c.weekday) }}"),
    "copy-day": Phrase(" on {% if c.month is not none %}{{ c.day }} {{ s.f.month_name(c.month) }}"
                       "{% else %}day {{ c.day }}{% endif %}",
                       ', le {{ "1er" if c.day == 1 else c.day }}{% if c.month is not none %} '
                       "{{ s.f.month_name(c.month) }}{% endif %}"),
    "copy-at": Phrase(" at {{ s.f.clock(c.at_minute) }}", " à {{ s.f.clock(c.at_minute) }}"),
    "copy-no-day-nor-time": Phrase("the contract gives neither the day nor the time",
                                   "le contrat ne précise ni le jour ni l'heure"),
    "copy-no-day": Phrase("the contract does not say on which day",
                          "le contrat ne précise pas le jour"),
    "copy-no-time": Phrase("the contract does not give the time",
                           "le contrat ne précise pas l'heure"),
    "kept": Phrase("kept for {{ s.f.duration(c.kept) }}", "conservée {{ s.f.duration(c.kept) }}"),
    "kept-unspecified": Phrase("kept for a time the contract does not say",
                               "conservée pendant une durée que le contrat ne précise pas"),
    "rpo": Phrase("Recovery point objective (RPO): at most {{ s.f.duration(rpo) }} of data lost.",
                  "Perte de données maximale admissible (RPO) : {{ s.f.duration(rpo) }}."),
    "history": Phrase(
        "{{ s.text(h.what)|capfirst|t }}: kept for the current year and "
        "{% if h.previous_years == 1 %}"
        "the previous year{% else %}the {{ h.previous_years }} previous years{% endif %}, "
        '{{ s.f.quantity(h.previous_years + 1, "year") }} in all.',
        "{{ s.text(h.what)|capfirst|t }} : conservation pour l'année en cours et "
        "{% if h.previous_years == 1 %}"
        "l'année précédente{% else %}les {{ h.previous_years }} années précédentes{% endif %}, "
        'soit {{ s.f.quantity(h.previous_years + 1, "year") }} en tout.'),
    "after-termination": Phrase(
        "After the end of the contract, a backup is kept for {{ s.f.duration(period) }}.",
        "Après la fin du contrat, une sauvegarde est conservée {{ s.f.duration(period) }}."),
}


def _after_termination(c: Checker, stmts: list[AfterTermination]) -> model.Duration | None:
    """How long a backup is kept after the contract ends: the first period stated. Statements
    that disagree are a contradiction of the contract, reported with both places."""
    periods = [s.period for s in stmts if isinstance(s.period, ast.DurationLit)]
    kept = (c.duration(periods[0], ("calendar",), phrase("expected.retention"))
            if periods else None)
    for first, other in itertools.pairwise(stmts):
        if _written(first) != _written(other):
            c.conflict(first.span, other.span, phrase("conflict.after-termination"),
                       _kept_words(first), _kept_words(other))
    return kept


def _written(stmt: AfterTermination) -> object:
    value = stmt.period
    return value.parts if isinstance(value, ast.DurationLit) else value.value


def _kept_words(stmt: AfterTermination) -> Phrase:
    value = stmt.period
    if isinstance(value, ast.Word):
        return phrase("conflict.until-notice-month")
    period = joined([amount_of(amount.normalize(), unit) for amount, unit in value.parts],
                    Phrase(" ", " "))
    return phrase("conflict.kept", period=period)


# --------------------------------------------------------------------------- the kind

class RetentionKind(Kind[Retention]):
    keyword = "retention"
    legal_force = "decide"
    statements = (CopyStmt, OnWeekday, OnMonthDay, OnDate, OnUnspecified, Rpo, HistoryStmt,
                  AfterTermination, RetentionExampleStmt)
    item_type = Retention
    names = KindNames("retention", "la conservation", "une conservation",
                      "aucune conservation nommée",
                      Phrase("Data retention", "Conservation des données"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 4

    def examples(self, item: Retention, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Retention:
        copies = _check_copies(c, block)
        rpo_stmt = c.single(block, Rpo)
        rpo = (c.duration(rpo_stmt.period, ("fixed",), phrase("expected.rpo"))
               if rpo_stmt else None)
        history = tuple(History(c.text(s.what),
                                c.whole(s.previous_years, phrase("why.years"), 0))
                        for s in block.body if isinstance(s, HistoryStmt))
        after = _after_termination(c, [s for s in block.body if isinstance(s, AfterTermination)])
        if not copies and not history and rpo is None and after is None:
            c.report("missing-statement", block.name.span, kind=self.names.the(),
                     name=block.name.value, what="copy",
                     example="copy daily every day at 01:00 kept 1 week")
        examples = tuple(RetentionExample(c.instant(s.at, c.zone),
                                          c.whole(s.copies, phrase("why.copies"), 0),
                                          s.span.line)
                         for s in block.body if isinstance(s, RetentionExampleStmt))
        return Retention(copies=copies, rpo=rpo, history=history,
                         after_termination=after, examples=examples, **base)

    def python_names(self, item: Retention, name: str) -> list[str]:
        return [_ladder(name), *(fn(name, s) for s in (
            "restore_points", "expires_at", "rpo_holds", "kept_after_termination_until",
            *_history_suffixes(item)))]

    def python(self, ctx: Ctx, item: Retention) -> list[Unit]:
        units = [_restore_unit(ctx, item)] if item.copies else []
        units += [_history_unit(ctx, item, history, suffix)
                  for history, suffix in zip(item.history, _history_suffixes(item), strict=True)]
        if item.after_termination is not None:
            units.append(_survival_unit(ctx, item, item.after_termination))
        return units


# --------------------------------------------------------------------------- worked examples

def _copies(count: int) -> Result:
    return Result(count, f"{count} {'copy' if count == 1 else 'copies'}")


def _worked(item: Retention, ctx: Worked) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: RetentionExample = example) -> Result:
            points = ctx.function(ctx.names.fn(item.name, "restore_points"))(example.at)
            return _copies(len(points))
        yield example.line, _copies(example.copies), compute
