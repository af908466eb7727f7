"""Python backend: one importable, typed, standard-library-only evaluator module per contract.

`render` turns a checked contract into `<module>.py`, plus the public-holiday tables its calendars
refer to (`_holidays_<country>[_<subdivision>]_<first>_<last>.py`, one per distinct country,
subdivision and years, shared by every calendar and module that needs it); `runtime_files` and
`package_files` give the rest of the generated package (`runtime/*.py` copied from
`slac.runtime`, and the `__init__.py` files). The generated modules import only the standard
library and the generated package. Characters that would make the code read differently from what
it does (bidirectional controls, invisible characters, controls) are written as escapes.

Functions generated per item (names from the item's name `x`, see `evaluator_names`; an item
whose names would clash with the module's or an earlier item's goes by `x_<kind>`, see `Names`):

* calendar: `x_is_business_day(d)`, `x_add_business_days(d, n)`, `x_holiday_name(d)`; `X`
* window: `x_contains(instant)`, `x_occurrences(start, end)`, `x_check_uses(uses, announced)`; `X`
* severities: `XLevel` (Literal), `X_LEVELS` (name -> (fr, en)), `Level`/`LEVELS` when alone
* availability: `x_report(year, month, ...)`; `X_TARGET`, `X_EXCLUDED_CAUSES`
* tiers: `x(value, invoice)` or `x(notice_given_on, event_on, invoice)`, `x_from_report`,
  `x_claim_deadline`, `x_month_total`; `X`
* deadlines: `x_due`, `x_earliest`, `x_limit`, `x_debit_date`; `X_ACTIONS`
* retention: `x_restore_points`, `x_expires_at`, `x_rpo_holds`, `x_oldest_year_kept`,
  `x_kept_after_termination_until`
* term: `x_effective_termination`, `x_notice_months`, `x_last_notice_day`, `x_term_end`,
  `x_renewal_dates`, `x_survival_end`; `X` (a fixed term beside a tenure-based notice goes by
  `x_fixed`: `X_FIXED`, `x_fixed_term_end`, ...)
* money: `<fee>_fee`, `x_minimum_top_up`, `x_surcharged_overage`, `x_indexed_price`,
  `x_late_interest`, `x_capped_liability`
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, partial
from importlib import resources
from typing import Any

from .. import kinds, model
from .pycode import (
    _ENV,
    ALWAYS_IMPORTED,
    DAY_NAMES,
    EXPORTED_TYPES,
    HOLIDAY_YEARS,
    IMPORTS,
    MODULE_NAMES,
    WEEKDAYS,
    WIDTH,
    Ctx,
    Names,
    RenderError,
    Unit,
    _analyse,
    _fill,
    _holiday_place,
    bound_text,
    camel,
    clock,
    const,
    docstring,
    duration_text,
    fee_fn,
    fn,
    holiday_module,
    holiday_table,
    holiday_tables,
    ident,
    money_text,
    num,
    outcome_expr,
    outcome_text,
    period_expr,
    py_date,
    py_dec,
    py_long_str,
    py_set,
    py_str,
    render_unit,
    seconds_text,
    show_hidden,
    timedelta_expr,
    whole,
    wrap_call,
)

DUE_KINDS = ("within", "between", "immediately", "no_deadline", "unspecified")

# The word added to an item's name when its generated names would clash.
KIND_WORDS: dict[type, str] = {
    model.Calendar: "calendar", model.Window: "window", model.Severities: "severities",
    model.Availability: "availability", model.Tiers: "tiers", model.Deadlines: "deadlines",
    model.Retention: "retention", model.Term: "term", model.MoneyClause: "money",
}
MONEY_SUFFIXES = ("minimum_top_up", "surcharged_overage", "indexed_price", "late_interest",
                  "capped_liability")




# --------------------------------------------------------------------------- names













def names_of(contract: model.Contract) -> Names:
    """The names of the contract's items and fees in its generated module (see `Names`)."""
    taken = set(MODULE_NAMES) | set(IMPORTS) | set(_helpers())
    if len(contract.of_type(model.Severities)) == 1:
        taken |= {"Level", "LEVELS"}
    items: dict[str, str] = {}
    fees: dict[str, str] = {}
    for item in contract.items:
        items[item.name] = _free(item.name, _keyword(item), partial(planned, item), taken)
        if isinstance(item, model.MoneyClause):
            for fee in item.fees:
                fees[fee.name] = _free(fee.name, _stem(items[item.name]) + "_" + _stem(fee.name),
                                       lambda n: [fee_fn(n)], taken, alone=True)
    return Names(items, fees)


def _stem(name: str) -> str:
    """`name` in lower case without leading, trailing or doubled underscores."""
    return "_".join(part for part in name.lower().split("_") if part) or "item"


def _free(name: str, word: str, plan: Callable[[str], Iterable[str]], taken: set[str], *,
          alone: bool = False) -> str:
    """`name` if none of the names `plan` gives it is `taken`, else the first free one of
    `<stem>_<word>`, `<stem>_<word>_2`, ... (`word`, `word_2`, ... when `alone`); its names are
    then added to `taken`."""
    base = word if alone else f"{_stem(name)}_{word}"
    candidates = itertools.chain([name, base], (f"{base}_{n}" for n in itertools.count(2)))
    for candidate in candidates:
        wanted = set(plan(candidate))
        if not wanted & taken:
            taken |= wanted
            return candidate
    raise AssertionError("unreachable: the candidates never end")


def _keyword(item: model.Item) -> str:
    kind = kinds.of(item)
    return kind.keyword if kind is not None else KIND_WORDS[type(item)]


def planned(item: model.Item, name: str) -> list[str]:
    """Every top-level name the code of `item` may define when it goes by `name` (its fees
    aside): a superset of the names `_units` gives it, known before any code is rendered."""
    kind = kinds.of(item)
    if kind is not None:
        return kind.python_names(item, name)
    c = const(name)
    if isinstance(item, model.Calendar):
        return [c, *(fn(name, s) for s in ("is_business_day", "add_business_days",
                                            "holiday_name"))]
    if isinstance(item, model.Window):
        return [c, *(fn(name, s) for s in ("contains", "occurrences", "check_uses"))]
    if isinstance(item, model.Severities):
        return [f"{camel(name)}Level", f"{c}_LEVELS"]
    if isinstance(item, model.Availability):
        return [f"{c}_TARGET", f"{c}_EXCLUDED_CAUSES", f"_{c}_PROBES", fn(name, "report")]
    if isinstance(item, model.Tiers):
        return [c, fn(name), *(fn(name, s) for s in ("from_report", "claim_deadline",
                                                      "month_total"))]
    if isinstance(item, model.Deadlines):
        return [f"{c}_ACTIONS", *(fn(name, s) for s in ("due", "earliest", "limit",
                                                         "debit_date"))]
    if isinstance(item, model.Retention):
        return [_ladder(name), *(fn(name, s) for s in (
            "restore_points", "expires_at", "rpo_holds", "kept_after_termination_until",
            *_history_suffixes(item)))]
    if isinstance(item, model.Term):
        tenure = [c, fn(name, "effective_termination"), fn(name, "notice_months")]
        fixed = _fixed_term(item, name)
        return [*(tenure if _has_tenure(item) else []), fn(name, "survival_end"),
                const(fixed), *(fn(fixed, s) for s in ("term_end", "renewal_dates",
                                                       "effective_termination", "last_notice_day"))]
    return [fn(fn(name), s) for s in MONEY_SUFFIXES]


def _ladder(name: str) -> str:
    """The private function building a retention's backup ladder."""
    return f"_{ident(name).rstrip('_')}_ladder"


def _history_suffixes(item: model.Retention) -> list[str]:
    if len(item.history) == 1:
        return ["oldest_year_kept"]
    return [f"oldest_year_kept_{index + 1}" for index in range(len(item.history))]


def _has_tenure(item: model.Term) -> bool:
    return item.tenure_base is not None or item.short_tenure is not None


def _fixed_term(item: model.Term, name: str) -> str:
    """The name a term's fixed term goes by: `<name>_fixed` beside a tenure-based notice (which
    keeps `X` and `x_effective_termination`), else the term's."""
    return f"{name}_fixed" if _has_tenure(item) else name


def evaluator_names(contract: model.Contract) -> dict[str, list[str]]:
    """Public functions of the generated module, by item name, in order (for docs)."""
    names = names_of(contract)
    return {item.name: [n for u in _units(contract, item, names)
                        for n in u.analysis.functions if not n.startswith("_")]
            for item in contract.items}


# --------------------------------------------------------------------------- literals







































# --------------------------------------------------------------------------- docstrings





















# --------------------------------------------------------------------------- code units















def _units(contract: model.Contract, item: model.Item, names: Names,
           years: range = HOLIDAY_YEARS) -> list[Unit]:
    ctx = Ctx(contract, years, names)
    kind = kinds.of(item)
    if kind is not None:
        return kind.python(ctx, item)
    if isinstance(item, model.Calendar):
        return _calendar(ctx, item)
    if isinstance(item, model.Window):
        return _window(ctx, item)
    if isinstance(item, model.Severities):
        return _severities(ctx, item)
    if isinstance(item, model.Availability):
        return _availability(ctx, item)
    if isinstance(item, model.Tiers):
        return _tiers(ctx, item)
    if isinstance(item, model.Deadlines):
        return _deadlines(ctx, item)
    if isinstance(item, model.Retention):
        return _retention(ctx, item)
    if isinstance(item, model.Term):
        return _term(ctx, item)
    return _money(ctx, item)




# --------------------------------------------------------------------------- calendars















def _calendar(ctx: Ctx, item: model.Calendar) -> list[Unit]:
    c = ctx.names.const(item.name)
    first, last = ctx.years[0], ctx.years[-1]
    where = (f"public holidays of {item.holiday_country}"
             + (f" ({item.holiday_subdivision})" if item.holiday_subdivision else "")
             if item.holiday_country else "no public holidays")
    days = ", ".join(DAY_NAMES[d] for d in item.workdays) or "no day"
    closed = [d for d in item.closed if first <= d.year <= last]
    kept = [py_date(d) for d in sorted(closed)]
    table = holiday_module(item, ctx.years)
    source = (f"Holidays from the `holidays` library at build time, in the shared table "
              f"`{table}`; " if table else "")
    span = f"{source}for {first}-{last} only: other years raise SlaInputError."
    const_doc = docstring(
        f"Business days of `{item.name}`: {days}, except {where} and closed days.",
        [span[0].upper() + span[1:]], indent="")
    what = f"`{item.name}`"
    units = [render_unit("py_calendar.j2", c, c=c, const_doc=const_doc,
                   workdays=", ".join(str(d) for d in item.workdays), table=table,
                   closed=kept, first=first, last=last)]
    units.append(render_unit(
        "py_calendar_fns.j2", ctx.names.fn(item.name, "is_business_day"), c=c,
        is_business_day=ctx.names.fn(item.name, "is_business_day"),
        add_business_days=ctx.names.fn(item.name, "add_business_days"),
        holiday_name=ctx.names.fn(item.name, "holiday_name"),
        doc_is=ctx.doc(item, f"Whether `d` is a business day of {what} ({days}, not a holiday)."),
        doc_add=ctx.doc(item, f"The `n`-th business day of {what} after `d` (before when n < 0).",
                        "`d` itself is never counted; n == 0 gives `d`."),
        doc_name=ctx.doc(item, f"The name of the public holiday on `d` in {what}, or None.")))
    return units


# --------------------------------------------------------------------------- windows

def schedule_ranges(item: model.Window) -> list[tuple[int, int, int]]:
    if item.always:
        return [(day, 0, 1440) for day in range(7)]
    return [(r.weekday, r.start_minute, r.length_minutes) for r in item.ranges]


def range_comment(weekday: int, start: int, length: int) -> str:
    end = start + length
    end_day = (weekday + end // 1440) % 7
    end_clock = clock(end % 1440)
    if end % 1440 == 0 and end > 0:
        end_day, end_clock = (weekday + end // 1440 - 1) % 7, "24:00"
    return f"{WEEKDAYS[weekday]} {clock(start)} to {WEEKDAYS[end_day]} {end_clock}"


def _window(ctx: Ctx, item: model.Window) -> list[Unit]:
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
    units = [render_unit("py_window.j2", c, c=c, const_doc=const_doc, ranges=ranges, calendar=calendar)]
    check_uses = None
    notice_expr = None
    if item.per_month_limit is not None or item.notice is not None:
        check_uses = ctx.names.fn(item.name, "check_uses")
        rules = []
        if item.notice is not None:
            if isinstance(item.notice, model.Unspecified):
                rules.append(f"Notice: the contract does not say ({item.notice.what}); pass "
                             "`notice` to check announcements.")
            else:
                notice_expr = timedelta_expr(item.notice)
                rules.append(f"Notice: each use must be announced at least "
                             f"{duration_text(item.notice)} before it starts (24-hour days)"
                             + (f", except for « {item.notice_exception} »: leave such uses out"
                                if item.notice_exception else "") + ".")
        if item.per_month_limit is not None:
            rules.append(f"At most {item.per_month_limit} occurrence(s) of the window used per "
                         "calendar month (counted in the month the occurrence starts).")
        check_doc = ctx.doc(
            item, f"Problems with planned uses of window `{item.name}`; empty when all is fine.",
            "Each use must lie inside the window's occurrences.", *rules,
            "`announced` gives, when known, the instant each use was announced (one per use).")
    else:
        check_doc = ""
    units.append(render_unit(
        "py_window_fns.j2", ctx.names.fn(item.name, "contains"), c=c,
        contains=ctx.names.fn(item.name, "contains"),
        occurrences=ctx.names.fn(item.name, "occurrences"),
        check_uses=check_uses,
        notice_unspecified=isinstance(item.notice, model.Unspecified),
        notice_expr=notice_expr, limit=item.per_month_limit,
        doc_contains=ctx.doc(item, f"Whether `instant` lies inside window `{item.name}`."),
        doc_occurrences=ctx.doc(
            item, f"The occurrences of window `{item.name}` clipped to [start, end), in UTC.",
            "Occurrences begun before `start` are included for their part inside the span."),
        doc_check=check_doc))
    return units


# --------------------------------------------------------------------------- severities

def _severities(ctx: Ctx, item: model.Severities) -> list[Unit]:
    c = ctx.names.const(item.name)
    alone = len(ctx.contract.of_type(model.Severities)) == 1
    doc = docstring(f"Severity levels `{item.name}`: name -> (French, English) description.",
                    [*ctx.about(item), ctx.source(item.line)], indent="")
    levels = [(py_str(level.name), py_long_str(level.text.fr, " " * 8),
               py_long_str(level.text.en, " " * 8)) for level in item.levels]
    alias = f"{camel(ctx.names.item(item.name))}Level"
    literal = f"Literal[{', '.join(py_str(level.name) for level in item.levels)}]"
    if len(alias) + len(literal) + 3 > WIDTH:
        literal = "Literal[\n" + "".join(f"    {py_str(level.name)},\n"
                                          for level in item.levels) + "]"
    units = [render_unit("py_severities.j2", alias, alias=alias, literal=literal, c=c, doc=doc,
                   levels=levels, alone=alone,
                   alias_doc=docstring(f"Names of the severity levels of `{item.name}`.", [],
                                       indent=""))]
    return units


# --------------------------------------------------------------------------- availability

def _availability(ctx: Ctx, item: model.Availability) -> list[Unit]:
    c = ctx.names.const(item.name)
    method = item.method
    scope = (f"{ctx.names.const(item.measured_during)}.occurrences(period)" if item.measured_during
             else "[period]")
    excluded = [f"{ctx.names.const(w)}.occurrences(period)" for w in item.excluded_windows]
    windows: str | None = None
    if item.maintenance_in:
        if None in item.maintenance_in:
            windows = "None"
        else:
            names = [ctx.names.const(w) for w in item.maintenance_in if w is not None]
            windows = "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"
    mode_unspecified = isinstance(item.exclusion_mode, model.Unspecified)
    mode = "exclusion_mode" if mode_unspecified else f'"{item.exclusion_mode}"'
    causes = sorted(item.excluded_causes)
    measured = (f"the occurrences of window `{item.measured_during}` in the month"
                if item.measured_during else "the whole month")
    comparison = "above" if item.strict else "at least"
    lines = [f"Measured time: {measured} (local calendar month in {ctx.contract.zone}).",
             f"Target: availability {comparison} {num(item.target)} %."]
    excl: list[str] = [f"the occurrences of window `{w}`" for w in item.excluded_windows]
    if item.maintenance_in:
        if None in item.maintenance_in:
            excl.append("the declared maintenance given in `maintenance`")
        else:
            excl.append("the declared maintenance given in `maintenance`, clipped to the "
                        "occurrences of " + ", ".join(f"`{w}`" for w in item.maintenance_in))
    if excl:
        effect = ("is removed from the measured time" if item.exclusion_mode == "removed" else
                  "counts as available" if item.exclusion_mode == "available" else
                  "is treated as `exclusion_mode` says (the contract does not say)")
        lines.append("Excluded: " + "; ".join(excl) + f". Excluded time {effect}.")
    if causes:
        lines.append("Excluded causes: " + "; ".join(f"« {c_} »" for c_ in causes) + ".")
    params: list[str] = []
    args: dict[str, Any] = {}
    if isinstance(method, model.OutageMethod):
        summary = f"Monthly availability of `{item.name}` from a list of outages."
        lines.append("Outages whose cause is an excluded cause never count as downtime.")
    elif isinstance(method, model.ProbeMethod):
        summary = f"Monthly availability of `{item.name}` from probe samples, slice by slice."
        probes = [(py_str(p.name), py_dec(p.max_latency.seconds())) for p in method.probes]
        seconds = method.slice.seconds()
        if seconds % 60:
            raise RenderError(f"slice of {duration_text(method.slice)} is not whole minutes")
        args.update(probes=probes, slice_minutes=int(seconds // 60),
                    good_share=py_dec(method.good_share))
        for p in method.probes:
            lines.append(f"Probe `{p.name}` ({p.description}), every {duration_text(p.every)}: "
                         f"good when it answers in less than {duration_text(p.max_latency)}.")
        lines.append(f"A slice of {duration_text(method.slice)} is good when at least "
                     f"{num(method.good_share)} % of its measurements are good.")
        for key, unspecified in (("combine", method.combine), ("no_data", method.no_data)):
            if isinstance(unspecified, model.Unspecified):
                lines.append(f"The contract does not say {unspecified.what}: pass `{key}` "
                             "(UnspecifiedError when the situation arises and it is None).")
                args[key] = key
            else:
                args[key] = f'"{unspecified}"'
    else:
        summary = f"Monthly availability of `{item.name}` from per-minute error rates."
        args.update(threshold=py_dec(method.threshold))
        lines.append(f"A minute is an interruption when its error rate is above "
                     f"{num(method.threshold)} %.")
        if isinstance(method.missing, model.Unspecified):
            lines.append(f"The contract does not say {method.missing.what}: pass `missing` "
                         "(UnspecifiedError when a minute has no data and it is None).")
            args["missing"] = "missing"
        else:
            args["missing"] = f'"{method.missing}"'
    if mode_unspecified:
        assert isinstance(item.exclusion_mode, model.Unspecified)
        lines.append(f"The contract does not say {item.exclusion_mode.what}: pass "
                     "`exclusion_mode` ('removed' or 'available').")
    if causes and not isinstance(method, model.OutageMethod):
        lines.append("`excluded_events`: spans due to an excluded cause, as Outage(start, end, "
                     "cause); they are excluded like maintenance; any other cause is refused.")
    for restatement in item.restatements:
        params.append(f"{seconds_text(restatement.allowance.seconds())} per {restatement.per}")
    if params:
        lines.append("The contract restates the target as at most " + ", ".join(params)
                     + " of unavailability.")
    keywords = []
    if isinstance(method, model.OutageMethod):
        keywords.append("outages: Iterable[Outage] = ()")
    if windows is not None:
        keywords.append("maintenance: Iterable[Interval] = ()")
    if causes and not isinstance(method, model.OutageMethod):
        keywords.append("excluded_events: Iterable[Outage] = ()")
    if mode_unspecified:
        keywords.append("exclusion_mode: ExclusionMode | None = None")
    for key, kind in (("combine", "Combine"), ("no_data", "NoData"), ("missing", "Missing")):
        if args.get(key) == key:
            keywords.append(f"{key}: {kind} | None = None")
    units = [render_unit(
        "py_availability.j2", ctx.names.fn(item.name, "report"), c=c, item=item, kind=method.kind,
        keywords=keywords,
        mode_what=py_long_str(item.exclusion_mode.what, " " * 8)
        if isinstance(item.exclusion_mode, model.Unspecified) else "",
        report=ctx.names.fn(item.name, "report"), target=py_dec(item.target),
        causes=causes, causes_expr=py_set(causes), scope=scope, excluded=excluded, windows=windows,
        mode=mode, mode_unspecified=mode_unspecified, strict=item.strict, args=args,
        doc=ctx.doc(item, summary, lines),
        target_doc=docstring(f"Target of `{item.name}`, in percent.", [], indent=""),
        causes_doc=docstring(f"Causes whose downtime does not count in `{item.name}`.", [],
                             indent=""))]
    return units


# --------------------------------------------------------------------------- tiers

def _tiers(ctx: Ctx, item: model.Tiers) -> list[Unit]:
    c = ctx.names.const(item.name)
    name = ctx.names.fn(item.name)
    rows = []
    for tier in item.tiers:
        low = tier.lower
        high = tier.upper
        if low and high:
            shown = f"from {bound_text(low)} to {bound_text(high)}"
        elif low:
            shown = f"from {bound_text(low)}"
        else:
            shown = f"up to {bound_text(high)}" if high else "any value"
        rows.append(f"{shown}: {outcome_text(tier.outcome)} (line {tier.line})")
    gaps = [f"{bound_text(a) if a else '-inf'} .. {bound_text(b) if b else '+inf'}"
            for a, b in item.gaps]
    lines: list[str | list[str]] = [["Tiers:", *[f"- {row}" for row in rows]]]
    if item.cap is not None:
        lines.append(f"Cap: {outcome_text(item.cap)}"
                     + (" per month, over all results of the month" if item.cap_per_month else "")
                     + ".")
    if gaps:
        lines.append("Values the contract does not cover (" + "; ".join(gaps) + ") and tiers "
                     "whose outcome is unspecified give outcome kind 'unspecified', never "
                     "'nothing owed'.")
    elif any(t.outcome.kind == "unspecified" for t in item.tiers):
        lines.append("Tiers whose outcome is unspecified give outcome kind 'unspecified'.")
    if item.payment is not None:
        paid = (item.payment.what if isinstance(item.payment, model.Unspecified)
                else item.payment.replace("_", " "))
        lines.append(f"Paid as: {paid}" + (", never in cash" if item.never_cash else "") + ".")
    lines.append("With `invoice`, shares of the invoice are turned into money (rounded to cents).")

    def tier_expr(tier: model.Tier, notice: bool) -> list[str]:
        def bound(b: model.Bound | None) -> str:
            if b is None:
                return "None"
            if notice:
                assert isinstance(b.value, model.Duration)
                return f"_notice_bound(event_on, {period_expr(b.value)}, {b.inclusive})"
            assert isinstance(b.value, Decimal)
            return f"Bound({py_dec(b.value)}, {b.inclusive})"
        return [bound(tier.lower), bound(tier.upper), outcome_expr(tier.outcome)]

    notice = item.measure == "notice"
    indent = " " * (12 if notice else 8)
    tiers = [wrap_call("Tier", tier_expr(t, notice), indent, ",", f"line {t.line}")
             for t in item.tiers]
    cap = outcome_expr(item.cap) if item.cap is not None else "None"
    units: list[Unit] = []
    if notice:
        summary = (f"What cancelling costs under `{item.name}`, by the notice given before "
                   f"« {item.source} ».")
        doc = ctx.doc(item, summary, "A bound of N days (or months) means the notice was given "
                      "at least that period before the event: `notice_given_on` on or before "
                      "`event_on` minus the period. The result's value is the days of notice.",
                      *lines)
        units.append(render_unit("py_tiers_notice.j2", name, name=name, tiers=tiers, cap=cap, doc=doc))
    else:
        measure = "availability" if item.measure == "availability" else "unavailability"
        summary = (f"The tier of a monthly {measure} rate (percent) of `{item.source}` "
                   f"under `{item.name}`, and what it gives.")
        units.append(render_unit(
            "py_tiers.j2", c, c=c, name=name, tiers=tiers, cap=cap,
            doc=ctx.doc(item, summary, *lines),
            const_doc=docstring(f"Tier table of `{item.name}` ({measure} of `{item.source}`).",
                                [], indent=""),
            from_report=ctx.names.fn(item.name, "from_report"), measure=measure,
            report_doc=ctx.doc(item, f"`{name}` applied to the {measure} of an availability "
                               f"report of `{item.source}`.")))
    claim = item.claim_within
    if claim is not None:
        after = item.claim_after or "period"
        units.append(render_unit(
            "py_tiers_claim.j2", ctx.names.fn(item.name, "claim_deadline"),
            claim=ctx.names.fn(item.name, "claim_deadline"), after=after,
            unspecified=isinstance(claim, model.Unspecified),
            claim_what=(py_long_str(claim.what, " " * 8)
                        if isinstance(claim, model.Unspecified) else ""),
            period=None if isinstance(claim, model.Unspecified) else period_expr(claim),
            doc=ctx.doc(item, (
                f"Last day to claim under `{item.name}` for the month `year`-`month`."
                if after == "period" else
                f"Last day to claim under `{item.name}` after the {after} on `occurred_on`."),
                ("The contract does not say how long a claim may wait: pass `claim_within`."
                 if isinstance(claim, model.Unspecified) else
                 f"Claims are made within {duration_text(claim)} after "
                 + ("the last day of the month." if after == "period" else f"the {after}.")))))
    if item.cap_per_month and item.cap is not None:
        units.append(render_unit(
            "py_tiers_total.j2", ctx.names.fn(item.name, "month_total"),
            total=ctx.names.fn(item.name, "month_total"),
            cap=outcome_expr(item.cap),
            doc=ctx.doc(item, f"Total of a month's `{name}` results, capped at "
                        f"{outcome_text(item.cap)}.",
                        "An unspecified result raises UnspecifiedError.")))
    return units


# --------------------------------------------------------------------------- deadlines

@dataclass
class Needs:
    """What a dispatch body turned out to need from the function's parameters."""

    hours_param: bool = False
    delay_param: bool = False
    none: bool = False


def _deadlines(ctx: Ctx, item: model.Deadlines) -> list[Unit]:
    c = ctx.names.const(item.name)
    actions = [(py_str(a.name), py_long_str(a.text.fr, " " * 8), py_long_str(a.text.en, " " * 8))
               for a in item.actions]
    units = [render_unit("py_actions.j2", f"{c}_ACTIONS", c=c, actions=actions,
                   doc=docstring(f"Actions of `{item.name}`: name -> (French, English).", [],
                                 indent=""))]
    groups = [
        ("due", [r for r in item.rules if r.kind in DUE_KINDS],
         "When `action` is due, for a delay running from `start`."),
        ("earliest", [r for r in item.rules if r.kind == "not_before"],
         "The earliest instant `action` may happen, for a delay running from `start`."),
        ("limit", [r for r in item.rules if r.kind == "at_most"],
         "How often `action` may happen at most: (count, per period)."),
    ]
    for suffix, rules, summary in groups:
        if rules:
            units.append(_dispatch(ctx, item, suffix, rules, summary))
    monthly = [r for r in item.rules if r.kind == "monthly_day"]
    if monthly:
        if item.business_days is None:
            raise RenderError(f"{item.name}: a monthly day needs a business-day calendar")
        days = [(py_str(r.action), r.day, r.line) for r in monthly]
        text = [f"- {r.action}: day {r.day} of each month, or the business day before it when it "
                f"is not a business day of `{item.business_days}` (line {r.line})" for r in monthly]
        units.append(render_unit(
            "py_monthly.j2", ctx.names.fn(item.name, "debit_date"),
            name=ctx.names.fn(item.name, "debit_date"),
            days=days, calendar=ctx.names.const(item.business_days), single=len(monthly) == 1,
            doc=ctx.doc(item, f"The date of a monthly debit under `{item.name}` in "
                        "`year`-`month`.", ["Rules:", *text])))
    return units


def _rule_text(rule: model.Rule) -> str:
    def after() -> str:
        return f" after « {rule.after} »" if rule.after else ""
    if rule.kind == "within":
        assert rule.amount is not None
        text = f"within {duration_text(rule.amount)}{after()}"
    elif rule.kind == "between":
        assert rule.amount is not None and rule.upper is not None
        text = (f"between {duration_text(rule.amount)} and {duration_text(rule.upper)}{after()}"
                " (due at the upper bound)")
    elif rule.kind == "not_before":
        assert rule.amount is not None
        text = f"not before {duration_text(rule.amount)}{after()}"
    elif rule.kind == "at_most":
        text = f"at most {rule.count} per {rule.per}"
    elif rule.kind == "no_deadline":
        text = "no deadline (None)"
    elif rule.kind == "unspecified":
        text = "not said by the contract (pass delay_if_unspecified)"
    else:
        text = rule.kind
    who = rule.action + (f" ({rule.level})" if rule.level else "")
    regime = f" {rule.regime} business hours" if rule.regime else ""
    return f"- {who}{regime}: {text} (line {rule.line})"


def _dispatch(ctx: Ctx, item: model.Deadlines, suffix: str, rules: list[model.Rule],
              summary: str) -> Unit:
    """A function choosing the rule by action, level and regime, then computing its value."""
    name = ctx.names.fn(item.name, suffix)
    needs = Needs()
    hours_unspecified = isinstance(item.business_hours, model.Unspecified)
    hours_what = (item.business_hours.what if isinstance(item.business_hours, model.Unspecified)
                  else "the business hours")
    hours = (f"_hours(business_hours, {py_str(hours_what)})" if hours_unspecified
             else ctx.names.const(item.business_hours) if isinstance(item.business_hours, str)
             else None)

    def need_hours(line: int) -> str:
        if hours is None:
            raise RenderError(f"{item.name}: business hours are needed at line {line}")
        needs.hours_param |= hours_unspecified
        return hours

    def value(rule: model.Rule) -> tuple[str, str, list[str] | None]:
        """(wrapper, function, arguments) of the rule's value; arguments None for an atom."""
        if rule.kind == "at_most":
            return "", f"({rule.count}, {py_str(rule.per or '')})", None
        if rule.kind == "immediately":
            return "", "_local(start)", None
        if rule.kind == "no_deadline":
            needs.none = True
            return "", "None", None
        if rule.kind == "unspecified":
            needs.delay_param = True
            what = (f"the deadline for {rule.action}" + (f" ({rule.level})" if rule.level else "")
                    + (f" {rule.regime} business hours" if rule.regime else ""))
            where = f"{ctx.contract.source_file}:{rule.line}"
            return "", "_undecided_delay", ["start", "delay_if_unspecified", py_str(what),
                                             py_str(where)]
        amount = rule.upper if rule.kind == "between" else rule.amount
        assert amount is not None
        if amount.dimension == "fixed":
            return "_local", "due_elapsed", ["start", timedelta_expr(amount)]
        if amount.dimension == "calendar":
            return "_local", "due_period", ["start.astimezone(_TZ)", period_expr(amount)]
        if amount.unit == "business_hour":
            return "_local", "due_business_time", ["start", timedelta_expr(amount),
                                                   need_hours(rule.line)]
        if item.business_days is None:
            raise RenderError(f"{item.name}: business days are needed at line {rule.line}")
        return "_local", "due_business_days", ["start", str(whole(amount)),
                                               ctx.names.const(item.business_days), "ZONE"]

    def returning(rule: model.Rule, indent: str) -> list[str]:
        text = _rule_text(rule)[2:].rsplit(" (line", 1)[0]
        out = _fill(f"line {rule.line}: {show_hidden(text)}", WIDTH - len(indent) - 2)
        out = [f"{indent}# {line}" for line in out]
        wrapper, func, args = value(rule)
        if args is None:
            return [*out, f"{indent}return {func}"]
        call = f"{func}({', '.join(args)})"
        line = f"{indent}return {wrapper}({call})" if wrapper else f"{indent}return {call}"
        if len(line) <= WIDTH:
            return [*out, line]
        if not wrapper:
            return [*out, wrap_call(f"return {func}", args, indent).replace(
                f"{indent}return {func}(", f"{indent}return {func}(", 1)]
        return [*out, wrap_call(f"due = {func}", args, indent), f"{indent}return {wrapper}(due)"]

    def regimes(group: list[model.Rule], indent: str) -> list[str]:
        by: dict[str | None, model.Rule] = {r.regime: r for r in group}
        if set(by) == {None}:
            return returning(by[None], indent)
        out = [f"{indent}if {need_hours(group[0].line)}.contains(start):"]
        for regime, inner in (("during", indent + "    "), ("outside", indent)):
            rule = by.get(regime) or by.get(None)
            if rule is None:
                what = (f"the contract gives no deadline for {group[0].action} {regime} "
                        "business hours")
                out.append(wrap_call("raise UnspecifiedError", [py_str(what)], inner))
            else:
                out += returning(rule, inner)
        return out

    actions = list(dict.fromkeys(r.action for r in rules))
    leveled = [a for a in actions if any(r.level for r in rules if r.action == a)]
    body: list[str] = []
    if suffix != "limit":
        body.append('    require_aware("start", start)')
    choices = ", ".join(py_str(a) for a in actions) + ("," if len(actions) == 1 else "")
    body.append(wrap_call("_choice", [f'"action of {name}"', "action", f"({choices})"], "    "))
    for action in actions:
        group = [r for r in rules if r.action == action]
        body.append(f"    if action == {py_str(action)}:")
        if action in leveled:
            levels = f"{ctx.names.const(item.severities or '')}_LEVELS"
            body.append(f"        chosen = _level(level, {levels}, {py_str(action)})")
            for level in dict.fromkeys(r.level for r in group if r.level):
                body.append(f"        if chosen == {py_str(level)}:")
                body += regimes([r for r in group if r.level == level], "            ")
            fallback = [r for r in group if r.level is None]
            declared = next((s for s in ctx.contract.of_type(model.Severities)
                             if s.name == item.severities), None)
            every = declared is not None and {lv.name for lv in declared.levels} <= {
                r.level for r in group}
            if fallback:
                body += regimes(fallback, "        ")
            elif not every:
                body.append(f'        raise UnspecifiedError(f"the contract gives no rule for '
                            f'{action} at level {{chosen!r}}")')
        else:
            if leveled:
                body.append(f"        _no_level(level, {py_str(action)})")
            body += regimes(group, "        ")
    body.append('    raise AssertionError(f"unhandled action {action!r}")')
    returns = {"due": "datetime", "earliest": "datetime", "limit": "tuple[int, str]"}[suffix]
    if needs.none:
        returns += " | None"
    params = ["action: str"] if suffix == "limit" else ["action: str", "start: datetime"]
    if leveled:
        params.append("level: str | None = None")
    keywords = []
    if needs.hours_param:
        keywords.append("business_hours: Schedule | None = None")
    if needs.delay_param:
        keywords.append("delay_if_unspecified: timedelta | None = None")
    if keywords:
        params += ["*", *keywords]
    paragraphs: list[str | list[str]] = [["Rules:", *[_rule_text(r) for r in rules]]]
    if suffix in ("due", "earliest"):
        paragraphs.append(
            "`start` is the event the delay runs from. Delays in hours and minutes are elapsed "
            "time; days, weeks and months are calendar periods on the wall clock of "
            f"{ctx.contract.zone}"
            + (f"; business hours are counted in window `{item.business_hours}`"
               if isinstance(item.business_hours, str) else "")
            + (f"; business days are those of `{item.business_days}`" if item.business_days
               else "") + ". The result is in the contract's zone.")
    if any(r.regime for r in rules):
        paragraphs.append("During or outside business hours is decided by whether `start` lies "
                          "inside the business hours.")
    if needs.hours_param:
        paragraphs.append(f"The contract does not give {hours_what}: pass `business_hours` (a "
                          "Schedule) when a rule needs them, else UnspecifiedError.")
    if needs.delay_param:
        paragraphs.append("Where the contract gives no deadline, pass `delay_if_unspecified` "
                          "(elapsed time) to decide one; otherwise UnspecifiedError.")
    if leveled:
        paragraphs.append(f"`level` is a severity level of `{item.severities}`, needed by the "
                          "actions whose rules depend on it.")
    doc = ctx.doc(item, summary.replace("`action`", f"an action of `{item.name}`"), *paragraphs)
    signature = f"def {name}({', '.join(params)}) -> {returns}:"
    if len(signature) > WIDTH:
        signature = f"def {name}(\n" + "".join(f"    {p},\n" for p in params) + f") -> {returns}:"
    return Unit(name, "\n".join([signature, doc, *body]))


# --------------------------------------------------------------------------- retention

def _retention(ctx: Ctx, item: model.Retention) -> list[Unit]:
    decisions: list[tuple[str, str, str]] = []   # (parameter, type, what)
    tiers: list[str] = []
    keeps: list[tuple[str, str]] = []
    lines: list[str] = []
    def decide(parameter: str, kind: str, what: str) -> str:
        """Record a decision the caller must make; the expression that reads it."""
        decisions.append((parameter, kind, what))
        return f"_given({parameter})"

    bases = _copy_bases(item)
    for copy in item.copies:
        base = bases[copy.name]
        args = [py_str(copy.name), f'"{copy.every}"']
        when = {"day": "every day", "week": "every week", "month": "every month",
                "year": "every year"}[copy.every]
        if copy.at_minute is None:
            at = decide(f"{base}_at", "time", f"at what time copy {copy.name} is taken")
            args.append(f'_minute("{base}_at", {at})')
        else:
            args.append(str(copy.at_minute))
            when += f" at {clock(copy.at_minute)}"
        if isinstance(copy.kept, model.Unspecified):
            keep = decide(f"{base}_kept", "Period", copy.kept.what)
            keeps.append((py_str(copy.name), f"{base}_kept"))
            kept = "kept for a time the contract does not say"
        else:
            keep = period_expr(copy.kept)
            keeps.append((py_str(copy.name), keep))
            kept = f"kept {duration_text(copy.kept)}"
        args.append(keep)
        extra = []
        if copy.every == "week":
            if isinstance(copy.weekday, model.Unspecified) or copy.weekday is None:
                extra.append("weekday=" + decide(
                    f"{base}_weekday", "int", f"on which day copy {copy.name} is taken "
                    "(0 = Monday)"))
            else:
                extra.append(f"weekday={copy.weekday}")
                when += f" on {DAY_NAMES[copy.weekday]}"
        if copy.every in ("month", "year"):
            if isinstance(copy.day, model.Unspecified) or copy.day is None:
                extra.append("day=" + decide(
                    f"{base}_day", "int", f"on which day of the month copy {copy.name} is taken"))
            else:
                extra.append(f"day={copy.day}")
                when += f" on day {copy.day}"
        if copy.month is not None:
            extra.append(f"month={copy.month}")
            when += f" of month {copy.month}"
        tiers.append(wrap_call("BackupTier", args + extra, " " * 12, ","))
        lines.append(f"- {copy.name}: {when}, {kept}")
    units: list[Unit] = []
    if decisions:
        lines.append("Not said by the contract, to pass as keyword arguments when needed: "
                     + "; ".join(f"`{p}` ({what})" for p, _, what in decisions) + ".")
    copies_doc: list[str | list[str]] = [["Copies:", *lines[:len(item.copies)]],
                                         *lines[len(item.copies):]]
    ladder = _ladder(ctx.names.item(item.name))
    kept_params = [d for d in decisions if d[0].endswith("_kept")]
    if item.copies:
        units.append(render_unit(
            "py_retention.j2", ctx.names.fn(item.name, "restore_points"), ladder=ladder,
            decisions=decisions, kept_params=kept_params, tiers=tiers, keeps=keeps,
            kept_names=[] if all(bases[c.name] == c.name for c in item.copies) else
            [(py_str(c.name), f"{bases[c.name]}_kept") for c in item.copies],
            restore=ctx.names.fn(item.name, "restore_points"),
            expires=ctx.names.fn(item.name, "expires_at"),
            rpo=ctx.names.fn(item.name, "rpo_holds") if item.rpo else None,
            rpo_expr=timedelta_expr(item.rpo) if item.rpo else "",
            doc_restore=ctx.doc(item, f"The copies of `{item.name}` that can be restored at `at`, "
                                "newest first.", *copies_doc,
                                "The copies are assumed to have been taken forever before `at`."),
            doc_expires=ctx.doc(item, f"When a copy of `{item.name}` taken at `taken_at` expires.",
                                *copies_doc),
            doc_rpo=ctx.doc(item, f"Whether the newest restorable copy of `{item.name}` at `at` is "
                            f"at most {duration_text(item.rpo)} old (recovery point objective).",
                            *copies_doc) if item.rpo else ""))
    for index, history in enumerate(item.history):
        suffix = "oldest_year_kept" + (f"_{index + 1}" if len(item.history) > 1 else "")
        units.append(render_unit(
            "py_history.j2", ctx.names.fn(item.name, suffix), name=ctx.names.fn(item.name, suffix),
            years=history.previous_years,
            doc=ctx.doc(item, f"The oldest year of « {history.what} » still kept on `on`.",
                        f"The current year and the {history.previous_years} previous year(s) "
                        "are kept.")))
    if item.after_termination is not None:
        units.append(render_unit(
            "py_survival.j2", ctx.names.fn(item.name, "kept_after_termination_until"),
            name=ctx.names.fn(item.name, "kept_after_termination_until"),
            period=period_expr(item.after_termination),
            doc=ctx.doc(item, f"Last day a backup is kept after the contract's last day `end` "
                        f"({duration_text(item.after_termination)} after it).")))
    return units


def _copy_bases(item: model.Retention) -> dict[str, str]:
    """The stem of the parameters deciding each copy (`<stem>_at`, `<stem>_kept`, ...): its name
    as an identifier, or `<name>_2`, `<name>_3`... when an earlier copy has it ("a" and "a_")."""
    bases: dict[str, str] = {}
    for copy in item.copies:
        base = ident(copy.name).rstrip("_")
        candidates = itertools.chain([base], (f"{base}_{n}" for n in itertools.count(2)))
        bases[copy.name] = next(c for c in candidates if c not in bases.values())
    return bases


# --------------------------------------------------------------------------- terms

def _term(ctx: Ctx, item: model.Term) -> list[Unit]:
    units: list[Unit] = []
    name = ctx.names.item(item.name)
    c = const(name)
    if _has_tenure(item):
        short = period_expr(item.short_tenure) if item.short_tenure else 'Period(0, "day")'
        base = period_expr(item.tenure_base) if item.tenure_base else 'Period(0, "month")'
        per_year = (period_expr(item.tenure_per_year) if item.tenure_per_year
                    else 'Period(0, "month")')
        rule = []
        if item.short_tenure:
            rule.append(f"Subscribed for less than {duration_text(item.short_tenure)}: the "
                        "service ends on the last day of the month of the request.")
        if item.tenure_base:
            rule.append(f"Otherwise the notice is {duration_text(item.tenure_base)}"
                        + (f" plus {duration_text(item.tenure_per_year)} per full year of "
                           "subscription" if item.tenure_per_year else "")
                        + ", starting on the 1st of the month after the request.")
        if item.engagement_prevails:
            rule.append("An engagement ending later (`engagement_end`) prevails.")
        units.append(render_unit(
            "py_term_tenure.j2", c, c=c, short=short, base=base, per_year=per_year,
            prevails=item.engagement_prevails,
            effective=fn(name, "effective_termination"), months=fn(name, "notice_months"),
            doc_effective=ctx.doc(item, "Last day of service for a termination requested on "
                                  "`requested_on` by a client subscribed on `subscribed_on`.",
                                  *rule),
            doc_months=ctx.doc(item, "Months of notice for a request on `requested_on` (0 for a "
                               "short tenure).", *rule),
            const_doc=docstring(f"Tenure-based notice of `{item.name}`.", [], indent="")))
    if item.initial is not None:
        fixed = _fixed_term(item, name)
        renewal = period_expr(item.renewal) if item.renewal else "None"
        notice = period_expr(item.notice_before_end) if item.notice_before_end else None
        rule = [f"Initial term {duration_text(item.initial)}"
                + (f" from « {item.initial_from} »" if item.initial_from else "") + "; "
                + (f"renewed tacitly for {duration_text(item.renewal)} at a time"
                   if item.renewal else "not renewed") + "."]
        if item.notice_before_end:
            rule.append(f"Notice: {duration_text(item.notice_before_end)} before the end of the "
                        "term" + (f", by « {item.notice_by} »" if item.notice_by else "")
                        + "; a notice given on a day counts as given at its end.")
        rule.append("Terms are described by their last day included.")
        units.append(render_unit(
            "py_term_fixed.j2", const(fixed), c=const(fixed), initial=period_expr(item.initial),
            renewal=renewal, notice=notice, term_end=fn(fixed, "term_end"),
            renewals=fn(fixed, "renewal_dates"), effective=fn(fixed, "effective_termination"),
            last_notice=fn(fixed, "last_notice_day"),
            doc_end=ctx.doc(item, "Last day of the term running on `on`, for a contract started "
                            "on `start`.", *rule),
            doc_renewals=ctx.doc(item, "First days of the renewed terms up to `until`.", *rule),
            doc_effective=ctx.doc(item, "Last day of service when notice is given on "
                                  "`notice_given_on`.", *rule),
            doc_last=ctx.doc(item, "Last day to give notice so that the contract ends with the "
                             "current term (or the next one that can still be ended).", *rule),
            const_doc=docstring(f"Fixed term of `{item.name}`"
                                + ("" if notice else " (the contract sets no notice: the notice "
                                   "here is 0 days and not used)") + ".", [], indent="")))
    if item.survives is not None:
        units.append(render_unit(
            "py_survival.j2", fn(name, "survival_end"), name=fn(name, "survival_end"),
            period=period_expr(item.survives),
            doc=ctx.doc(item, f"Last day the obligations of `{item.name}` bind: "
                        f"{duration_text(item.survives)} after the contract's last day `end`.")))
    return units


# --------------------------------------------------------------------------- money

def fee_parameters(fee: model.Fee) -> list[str]:
    """Parameter names of a fee's function, in order (examples map onto them)."""
    if fee.per == "hour":
        return ["hours", "units"] if fee.minimum is not None else ["hours"]
    if fee.per is None:
        return ["count"]
    return {"month": ["months"], "day": ["days"], "week": ["weeks"], "year": ["years"]}.get(
        fee.per, ["quantity"])


def _money(ctx: Ctx, item: model.MoneyClause) -> list[Unit]:
    units: list[Unit] = []
    for fee in item.fees:
        name = ctx.names.fee(fee.name)
        params = fee_parameters(fee)
        what = money_text(fee.amount)
        if fee.per == "hour":
            text = (f"{what} per hour of time spent (pro rata, `hours` as a Decimal)"
                    + (f", with a minimum of {money_text(fee.minimum)} per « {fee.minimum_per} »"
                       " (`units` of them): the higher amount is billed" if fee.minimum else ""))
        elif fee.per is None:
            text = f"{what} each time (`count` times)"
        else:
            text = f"{what} per {fee.per} (`{params[0]}` of them)"
        units.append(render_unit(
            "py_fee.j2", name, name=name, per=fee.per, params=params,
            amount=py_dec(fee.amount.amount),
            minimum=py_dec(fee.minimum.amount) if fee.minimum else None,
            doc=ctx.doc(item, f"The `{fee.name}` fee, in {fee.amount.currency}.", text + ".",
                        "Rounded to the cent, halves away from zero.")))
    c = ctx.names.fn(item.name)
    if item.minimum_invoice is not None:
        units.append(render_unit(
            "py_money_fns.j2", fn(c, "minimum_top_up"), kind="top_up",
            name=fn(c, "minimum_top_up"), amount=py_dec(item.minimum_invoice.amount),
            doc=ctx.doc(item, "What to add to a month's invoice `invoiced` to reach the minimum "
                        f"of {money_text(item.minimum_invoice)} a month (never negative).")))
    if item.surcharge is not None:
        units.append(render_unit(
            "py_money_fns.j2", fn(c, "surcharged_overage"), kind="surcharge",
            name=fn(c, "surcharged_overage"), amount=py_dec(item.surcharge),
            doc=ctx.doc(item, f"Price of « {item.surcharge_on} »: `units_over` × `unit_price` "
                        f"plus {num(item.surcharge)} %.")))
    if item.indexation is not None:
        cap = item.indexation_cap
        if cap is None:
            raise RenderError(f"{item.name}: an indexation needs a cap")
        units.append(render_unit(
            "py_money_fns.j2", fn(c, "indexed_price"), kind="index",
            name=fn(c, "indexed_price"), amount=py_dec(cap),
            doc=ctx.doc(item, f"`price` revised every year by the « {item.indexation} » index "
                        "(`new_index` / `old_index`)"
                        + f", the increase capped at {num(cap)} %.",
                        "A fall of the index applies in full.")))
    if item.interest_points is not None:
        units.append(render_unit(
            "py_money_fns.j2", fn(c, "late_interest"), kind="interest",
            name=fn(c, "late_interest"), amount=py_dec(item.interest_points),
            doc=ctx.doc(item, "Simple interest on a late `amount` for `days` days, at the legal "
                        f"rate `legal_rate` (percent a year) plus {num(item.interest_points)} "
                        "points.")))
    if item.liability_cap is not None:
        units.append(render_unit(
            "py_money_fns.j2", fn(c, "capped_liability"), kind="liability",
            name=fn(c, "capped_liability"), amount=py_dec(item.liability_cap.amount),
            doc=ctx.doc(item, f"What can still be claimed of `claimed` under a liability cap of "
                        f"{money_text(item.liability_cap)} in total, `already_paid` deducted.")))
    return units


# --------------------------------------------------------------------------- assembly

KIND_ORDER = (model.Calendar, model.Severities, model.Window)


def _ordered(contract: model.Contract) -> list[model.Item]:
    """Calendars, severities and windows first (other constants refer to them), then the rest
    in source order."""
    first = [i for kind in KIND_ORDER for i in contract.items if isinstance(i, kind)]
    return first + [i for i in contract.items if not isinstance(i, KIND_ORDER)]


@cache
def _helpers() -> dict[str, str]:
    """The private helpers a module may need, by name, from the helpers template (read once)."""
    text = _ENV.render("py_helpers.j2")
    tree = ast.parse(text)
    result: dict[str, str] = {}
    for node in tree.body:
        segment = ast.get_source_segment(text, node)
        assert segment is not None
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            result[node.name] = segment
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            result[node.targets[0].id] = segment
    return result


@cache
def _helpers_used() -> dict[str, frozenset[str]]:
    """The names each private helper uses, by helper (parsed once)."""
    return {name: _analyse(code).used for name, code in _helpers().items()}


def render(contract: model.Contract, years: range) -> dict[str, str]:
    """The evaluator module of one contract and the holiday tables of its calendars:
    `{"<module>.py": source, "_holidays_fr_2020_2040.py": table, ...}`; deterministic.

    A table depends only on its file name, so those of several contracts merge into one."""
    if len(years) == 0 or years.step != 1:
        raise RenderError(f"holiday years must be a non-empty range with step 1, got {years!r}")
    code_units: list[Unit] = []
    index: list[str] = []
    item_names = names_of(contract)
    for item in _ordered(contract):
        units = _units(contract, item, item_names, years)
        code_units += units
        _check_planned(contract, item, item_names, units)
        names = [n for u in units for n in u.analysis.functions if not n.startswith("_")]
        if names:
            what = item.label.en if item.label else item.name
            refs = ", ".join(dict.fromkeys(c.id for c in item.clauses))
            index.append(f"- {what}" + (f" ({refs})" if refs else "") + ": "
                         + ", ".join(names))
    sections = [u for u in code_units if u.code]
    body = "\n\n\n".join(u.code for u in sections)
    defined = [n for u in sections for n in u.analysis.defined]
    helpers = _helpers()
    duplicates = sorted({n for n in defined if defined.count(n) > 1}
                        | (set(defined) & {*MODULE_NAMES, *IMPORTS, *helpers}))
    if duplicates:
        raise RenderError(f"contract {contract.id}: generated names clash: {', '.join(duplicates)}")
    used = {"zone_info"}.union(*(u.analysis.used for u in sections))
    chosen: list[str] = []
    pending = sorted(used & set(helpers))
    while pending:
        name = pending.pop()
        if name in chosen:
            continue
        chosen.append(name)
        inner = _helpers_used()[name]
        used |= inner
        pending += sorted((inner & set(helpers)) - set(chosen))
    order = list(helpers)
    helper_code = "\n\n\n".join(helpers[n] for n in order if n in chosen)
    tables = holiday_tables([contract], years)
    imported = sorted((used & set(IMPORTS)) | set(ALWAYS_IMPORTED))
    public = sorted({n for n in defined if not n.startswith("_")}
                    | ({n for n in imported if n in EXPORTED_TYPES} | set(ALWAYS_IMPORTED)),
                    key=_isort_key)
    stdlib: dict[str, list[str]] = {}
    local: dict[str, list[str]] = {}
    for name in imported:
        where = IMPORTS[name]
        (local if where.startswith(".") else stdlib).setdefault(where, []).append(name)
    if tables:
        local["."] = sorted(tables, key=_natural)
    text = _ENV.render(
        "module.py.j2", contract=contract,
        module_doc=_module_doc(contract, years, index, sorted(tables)),
        stdlib=[_import_line(m, names) for m, names in sorted(stdlib.items())],
        local=[_import_line(m, names) for m, names in sorted(local.items())],
        public=public, zone=py_str(contract.zone), contract_id=py_str(contract.id),
        source_file=py_str(contract.source_file), first=years[0], last=years[-1],
        helpers=helper_code, body=body)
    files = {f"{contract.module}.py": text.rstrip("\n") + "\n"}
    for name in sorted(tables):
        files[f"{name}.py"] = holiday_table(tables[name], years)
    return files


def _check_planned(contract: model.Contract, item: model.Item, names: Names,
                   units: list[Unit]) -> None:
    """RenderError unless every top-level name of the item's code is one `names_of` reserved
    for it (`planned`, and its fees' functions): otherwise two items could still clash."""
    allowed = set(planned(item, names.item(item.name)))
    if isinstance(item, model.Severities) and len(contract.of_type(model.Severities)) == 1:
        allowed |= {"Level", "LEVELS"}
    if isinstance(item, model.MoneyClause):
        allowed |= {names.fee(fee.name) for fee in item.fees}
    stray = [n for u in units for n in u.analysis.defined if n not in allowed]
    if stray:
        raise RenderError(f"contract {contract.id}: names of {item.name} not planned: "
                          + ", ".join(stray))


def _isort_key(name: str) -> tuple[int, list[str | int]]:
    """Constants (upper case, two characters or more), then classes and type aliases, then
    functions; each in natural order (how ruff sorts `__all__`)."""
    if name.isupper() and len(name) > 1:
        return 0, _natural(name)
    return (1 if name[0].isupper() else 2), _natural(name)


def _natural(name: str) -> list[str | int]:
    """Sort key comparing runs of digits as numbers, as ruff sorts imported names (57 < 2020)."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _import_line(module: str, names: list[str]) -> str:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= WIDTH:
        return line
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"


def _module_doc(contract: model.Contract, years: range, index: list[str],
                tables: list[str]) -> str:
    shared = f", in {', '.join(tables)}" if tables else ""
    header = [
        f"Provider: {contract.provider}",
        f"Client: {contract.client}",
        f"Source document: {contract.document}, dated {contract.dated.isoformat()}",
        f"Time zone: {contract.zone} (months, days and wall-clock times are read there)",
        (f"Public holidays: {years[0]}-{years[-1]} (from the holidays library at build "
         f"time{shared})"),
    ]
    undecided = [f"- {u.what}" for u in contract.unspecified]
    paragraphs: list[str | list[str]] = [header]
    paragraphs.append(["Evaluators, by item:", *index])
    if undecided:
        paragraphs.append([("Left undecided by the contract (evaluators take the caller's "
                            "decision as an argument, or raise UnspecifiedError):"), *undecided])
    paragraphs.append("Bad inputs raise SlaInputError, naming the bad value.")
    paragraphs.append(f"Generated by slac from {contract.source_file} — do not edit.")
    return docstring(f"{contract.title}.", paragraphs, indent="")


def runtime_files() -> dict[str, str]:
    """`runtime/<name>.py` for every module of `slac.runtime` (not its `__init__.py`)."""
    folder = resources.files("slac.runtime")
    files: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py") and entry.name != "__init__.py" and entry.is_file():
            files[f"runtime/{entry.name}"] = entry.read_text(encoding="utf-8")
    return files


def package_files(contracts: Iterable[model.Contract],
                  years: range = HOLIDAY_YEARS) -> dict[str, str]:
    """`__init__.py` of the generated package (listing its modules and the holiday tables that
    `render` writes for these `years`) and of its runtime."""
    listed = sorted(contracts, key=lambda c: c.module)
    modules = [f"- {c.module}: {c.title} ({c.source_file})" for c in listed]
    tables = [f"- {name}: {_holiday_place(calendar.holiday_country, calendar.holiday_subdivision)}"
              f", {years[0]}-{years[-1]}"
              for name, calendar in sorted(holiday_tables(listed, years).items())]
    package = docstring("Service-level evaluators generated by slac; do not edit.", [
        ["Modules (one per contract):", *modules],
        ["Holiday tables (one per country, subdivision and years):", *tables] if tables else "",
        "Each module imports only the standard library, `runtime` and the holiday tables."],
        indent="") + "\n"
    runtime = ('"""Runtime of the generated evaluators, copied from slac: standard library only; '
               'do not edit."""\n')
    return {"__init__.py": package, "runtime/__init__.py": runtime}
