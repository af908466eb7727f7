"""`calendar NAME { workdays … }`: the business days that deadlines and windows count in."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from .. import ast, model
from ..backends.pycode import (
    DAY_NAMES,
    Ctx,
    Unit,
    const,
    docstring,
    fn,
    holiday_table_source,
    py_date,
    render_unit,
)
from ..checking import Checker, known_holidays, weekdays_of
from ..evaluating import PERIOD_PARAMETERS, Data, EvalContext, Evaluation, call
from ..messages import KindNames, Phrase
from .base import Kind

# --------------------------------------------------------------------------- syntax


@dataclass(frozen=True)
class Workdays(ast.Statement):
    """`workdays monday to friday`."""

    rule: ClassVar[str] = "workdays"
    days: ast.DayRange


@dataclass(frozen=True)
class PublicHolidays(ast.Statement):
    """`public holidays "FR" subdivision "57"` (the subdivision is optional)."""

    rule: ClassVar[str] = "public_holidays"
    written: ClassVar[str] = "public holidays"
    country: ast.Str
    subdivision: ast.Str | None = None


@dataclass(frozen=True)
class ClosedDays(ast.Statement):
    """`closed 2024-12-24, 2024-12-31`."""

    rule: ClassVar[str] = "closed_days"
    dates: tuple[ast.DateLit, ...]

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values)


# --------------------------------------------------------------------------- model

@dataclass(frozen=True)
class Calendar(model.ItemBase):
    workdays: tuple[int, ...]          # 0 = Monday
    holiday_country: str | None        # ISO code given to the `holidays` library, e.g. "FR"
    holiday_subdivision: str | None
    closed: tuple[date, ...]


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- import "common.j2" as common -%}
{%- macro summary(i, s) -%}
{% filter p %}
{{ say(s, "workdays", name=s.label(i),
       days=common.days({"every_day": i.workdays|length == 7,
                         "runs": s.day_runs(i.workdays)}, s)) }}
{%- if i.holiday_country %}, {{ say(s, "holidays", country=i.holiday_country,
                                     subdivision=i.holiday_subdivision) }}{% endif %}
{%- if i.closed %}, {{ say(s, "closed", dates=i.closed) }}{% endif %}.
{% endfilter %}
{%- endmacro -%}
"""

PHRASES = {
    "workdays": Phrase("Days counted as “{{ name|t }}”: {{ days }}",
                       "Jours comptés comme « {{ name|t }} » : {{ days }}"),
    "holidays": Phrase(
        "except public holidays in {{ s.f.country(country)|t }}"
        "{% if subdivision %} (subdivision {{ subdivision|t }}){% endif %}",
        "sauf les jours fériés en {{ s.f.country(country)|t }}"
        "{% if subdivision %} (subdivision {{ subdivision|t }}){% endif %}"),
    "closed": Phrase(
        'and except the closing days {% for d in dates %}{{ loop|sep("and") }}'
        "{{ s.f.long_date(d) }}{% endfor %}",
        'et sauf les jours de fermeture du {% for d in dates %}{{ loop|sep("et") }}'
        "{{ s.f.long_date(d) }}{% endfor %}"),
}


# --------------------------------------------------------------------------- the kind

class CalendarKind(Kind[Calendar]):
    keyword = "calendar"
    legal_force = "none"
    cites_clauses = False
    statements = (Workdays, PublicHolidays, ClosedDays)
    item_type = Calendar
    names = KindNames("calendar", "le calendrier", "un calendrier", "aucun calendrier nommé",
                      Phrase("Calendar", "Calendrier"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 8
    report_gives = PERIOD_PARAMETERS

    def report(self, item: Calendar, ctx: EvalContext) -> Evaluation:
        return _report(ctx, item)

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Calendar:
        workdays_stmt = c.single(block, Workdays)
        if workdays_stmt is None:
            c.report("missing-statement", block.name.span, kind=self.names.the(),
                     name=block.name.value, what="workdays", example="workdays monday to friday")
        workdays = weekdays_of(workdays_stmt.days) if workdays_stmt else (0, 1, 2, 3, 4)
        country, subdivision = self._holidays(c, c.single(block, PublicHolidays))
        closed = tuple(sorted(c.date(day) for stmt in block.body if isinstance(stmt, ClosedDays)
                              for day in stmt.dates))
        return Calendar(workdays=workdays, holiday_country=country,
                        holiday_subdivision=subdivision, closed=closed, **base)

    @staticmethod
    def _holidays(c: Checker, stmt: PublicHolidays | None) -> tuple[str | None, str | None]:
        """The country and subdivision of the public holidays, if the calendar observes any."""
        if stmt is None:
            return None, None
        country = stmt.country.value
        subdivision = stmt.subdivision.value if stmt.subdivision is not None else None
        if not known_holidays(country, subdivision):
            c.report("unknown-holidays", stmt.span,
                     country=f"{country}/{subdivision}" if subdivision else country)
        return country, subdivision

    def python_names(self, item: Calendar, name: str) -> list[str]:
        return [const(name), *(fn(name, s) for s in ("is_business_day", "add_business_days",
                                                     "holiday_name"))]

    def python(self, ctx: Ctx, item: Calendar) -> list[Unit]:
        return [self._constant(ctx, item), self._functions(ctx, item)]

    @staticmethod
    def _constant(ctx: Ctx, item: Calendar) -> Unit:
        """`X = BusinessCalendar(...)`: workdays, holiday table, closed days and years."""
        c = ctx.names.const(item.name)
        first, last = ctx.years[0], ctx.years[-1]
        where = (f"public holidays of {item.holiday_country}"
                 + (f" ({item.holiday_subdivision})" if item.holiday_subdivision else "")
                 if item.holiday_country else "no public holidays")
        closed = [py_date(d) for d in sorted(d for d in item.closed if first <= d.year <= last)]
        table = holiday_module(item, ctx.years)
        source = (f"Holidays from the `holidays` library at build time, in the shared table "
                  f"`{table}`; " if table else "")
        span = f"{source}for {first}-{last} only: other years raise SlaInputError."
        const_doc = docstring(
            f"Business days of `{item.name}`: {_day_names(item)}, except {where} and closed days.",
            [span[0].upper() + span[1:]], indent="")
        return render_unit("py_calendar.j2", c, c=c, const_doc=const_doc,
                           workdays=", ".join(str(d) for d in item.workdays), table=table,
                           closed=closed, first=first, last=last)

    @staticmethod
    def _functions(ctx: Ctx, item: Calendar) -> Unit:
        """`x_is_business_day`, `x_add_business_days` and `x_holiday_name`."""
        what = f"`{item.name}`"
        is_business_day = ctx.names.fn(item.name, "is_business_day")
        return render_unit(
            "py_calendar_fns.j2", is_business_day, c=ctx.names.const(item.name),
            is_business_day=is_business_day,
            add_business_days=ctx.names.fn(item.name, "add_business_days"),
            holiday_name=ctx.names.fn(item.name, "holiday_name"),
            doc_is=ctx.doc(item, f"Whether `d` is a business day of {what} "
                                 f"({_day_names(item)}, not a holiday)."),
            doc_add=ctx.doc(item, f"The `n`-th business day of {what} after `d` (before when "
                                  "n < 0).", "`d` itself is never counted; n == 0 gives `d`."),
            doc_name=ctx.doc(item, f"The name of the public holiday on `d` in {what}, or None."))


def _day_names(item: Calendar) -> str:
    """`Monday, Tuesday`: the calendar's workdays in the generated docstrings."""
    return ", ".join(DAY_NAMES[d] for d in item.workdays) or "no day"


# --------------------------------------------------------------------------- holiday tables

def holiday_module(calendar: Calendar, years: range) -> str | None:
    """The generated module holding the calendar's holiday table (None without public holidays).

    `_holidays_<country>[_<subdivision>]_<first>_<last>`, one per distinct (country,
    subdivision, years): calendars with the same holidays share it. The leading underscore keeps
    it apart from the contract modules, whose names start with a letter.
    """
    if calendar.holiday_country is None:
        return None
    codes = [calendar.holiday_country, calendar.holiday_subdivision]
    return "_".join(["_holidays", *(_code(c) for c in codes if c is not None),
                     str(years[0]), str(years[-1])])


def _code(code: str) -> str:
    """A country or subdivision code in a module name: "FR" and "971" lower-cased as they are;
    any other spelling ("Zone A") reduced to ASCII letters and digits, then suffixed with a
    hash of the exact code, so that two codes never give the same name."""
    if re.fullmatch(r"[A-Z0-9]+", code):
        return code.lower()
    slug = re.sub(r"[^a-z0-9]+", "_", code.lower()).strip("_")
    digest = hashlib.sha256(code.encode()).hexdigest()[:8]
    return f"{slug}_{digest}" if slug else digest


def holiday_tables(contracts: Iterable[model.Contract], years: range) -> dict[str, Calendar]:
    """The holiday-table modules the contracts' calendars need, each with one calendar of it."""
    tables: dict[str, Calendar] = {}
    for contract in contracts:
        for item in contract.items:
            if isinstance(item, Calendar):
                name = holiday_module(item, years)
                if name is not None:
                    tables.setdefault(name, item)
    return tables


def holiday_table(calendar: Calendar, years: range) -> str:
    """Source of the module named by `holiday_module`: `HOLIDAYS`, (date, name) pairs by date."""
    return holiday_table_source(calendar.holiday_country, calendar.holiday_subdivision, years)


# --------------------------------------------------------------------------- slac eval

def _report(ctx: EvalContext, item: Calendar) -> Evaluation:
    """The business days of the period, and its holidays."""
    if ctx.request.inputs:
        raise ctx.fail("eval.reads-no-records", item=item.name)
    start, end = ctx.bounds()
    is_business = ctx.function(ctx.names.fn(item.name, "is_business_day"))
    holiday = ctx.function(ctx.names.fn(item.name, "holiday_name"))
    days = [start.date() + timedelta(n) for n in range((end.date() - start.date()).days)]
    business = [d for d in days if call(ctx, is_business, d)]
    holidays = [(d, call(ctx, holiday, d)) for d in days]
    named = [(d.isoformat(), name) for d, name in holidays if name]
    data: Data = {"business_days": len(business), "days": len(days),
                  "holidays": [{"date": d, "name": n} for d, n in named]}
    lines = [ctx.say("report.business-days", count=len(business), days=len(days))]
    lines += [f"  {d} {n}" for d, n in named]
    return Evaluation(data, lines)
