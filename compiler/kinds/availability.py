"""`availability NAME { target at least 99.5 % … }`: a monthly availability target, the time it is
measured in and what is left out of it, how it is measured (outages, probes or per-minute error
rates), the target restated as allowed downtime, and worked examples."""

from __future__ import annotations

import functools
import inspect
import math
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import chain
from types import ModuleType
from typing import Any, ClassVar, Literal, cast
from zoneinfo import ZoneInfo

from .. import ast, model
from ..backends.pycode import (
    Ctx,
    RenderError,
    Unit,
    const,
    docstring,
    duration_text,
    fn,
    num,
    py_dec,
    py_long_str,
    py_set,
    py_str,
    render_unit,
    seconds_text,
    wrap_call,
)
from ..checking import LIMITS, MONTHS, PER_SECONDS, Checker, known_zones, written
from ..evaluating import (
    PERIOD_PARAMETERS,
    Data,
    EvalContext,
    Evaluation,
    call,
    convert,
    duration,
    listing,
    required_column,
    seconds,
    span_of,
)
from ..inputs import Record, error, percent_column, whole_minutes
from ..messages import MONTH_NAMES, UNITS, WEEKDAYS, KindNames, Phrase, phrase
from ..wording import said, worded
from .base import Check, Kind, Result, Worked
from .window import first_common_minute, week_minutes

Per = Literal["day", "week", "month", "year"]
ExclusionMode = Literal["removed", "available"]
CombineMode = Literal["each", "any", "pooled"]
NoDataMode = Literal["good", "bad", "excluded"]
MissingMode = Literal["available", "interrupted", "excluded"]

UNSPECIFIED = "unspecified"
"""The word of `unspecified` where a choice of words is expected (`combine unspecified`)."""


# --------------------------------------------------------------------------- syntax

@dataclass(frozen=True)
class Target(ast.Statement):
    """`target at least 99.5 %`."""

    rule: ClassVar[str] = "target"
    percent: ast.Percent


@dataclass(frozen=True)
class TargetAbove(Target):
    """`target above 99.5 %`: strictly above."""

    rule: ClassVar[str] = "target_strict"
    written: ClassVar[str] = "target"


@dataclass(frozen=True)
class PeriodKind(ast.Statement):
    """The periods a target is measured over: `calendar month`, `fiscal quarter from july`…"""

    months: ClassVar[int] = 1


@dataclass(frozen=True)
class CalendarMonth(PeriodKind):
    rule: ClassVar[str] = "calendar_month"


@dataclass(frozen=True)
class CalendarQuarter(PeriodKind):
    rule: ClassVar[str] = "calendar_quarter"
    months: ClassVar[int] = 3


@dataclass(frozen=True)
class CalendarYear(PeriodKind):
    rule: ClassVar[str] = "calendar_year"
    months: ClassVar[int] = 12


@dataclass(frozen=True)
class FiscalQuarter(PeriodKind):
    rule: ClassVar[str] = "fiscal_quarter"
    months: ClassVar[int] = 3
    first_month: ast.Word


@dataclass(frozen=True)
class FiscalYear(PeriodKind):
    rule: ClassVar[str] = "fiscal_year"
    months: ClassVar[int] = 12
    first_month: ast.Word


@dataclass(frozen=True)
class BillingCycle(PeriodKind):
    rule: ClassVar[str] = "billing_cycle"
    first_day: ast.Number


@dataclass(frozen=True)
class PeriodStmt(ast.Statement):
    """`period calendar month`, `period calendar quarter in "UTC"`."""

    rule: ClassVar[str] = "period"
    of: PeriodKind
    zone: ast.Str | None = None


@dataclass(frozen=True)
class Measured(ast.Statement):
    """`measured …`: the time the target is measured in (one of the two forms below)."""


@dataclass(frozen=True)
class MeasuredDuring(Measured):
    """`measured during heures_ouvrees`."""

    rule: ClassVar[str] = "measured_window"
    written: ClassVar[str] = "measured"
    window: ast.Name


@dataclass(frozen=True)
class MeasuredAllTime(Measured):
    """`measured all time`."""

    rule: ClassVar[str] = "measured_always"
    written: ClassVar[str] = "measured"


@dataclass(frozen=True)
class ExcludeWindow(ast.Statement):
    """`exclude window maintenance`: every occurrence of the window."""

    rule: ClassVar[str] = "exclude_window"
    window: ast.Name


@dataclass(frozen=True)
class ExcludeMaintenance(ast.Statement):
    """`exclude maintenance`, `exclude maintenance in nuits`: declared maintenance (the window it
    is clipped to is optional)."""

    rule: ClassVar[str] = "exclude_maintenance"
    window: ast.Name | None = None


@dataclass(frozen=True)
class NoRemedy(ast.Statement):
    """`no remedy`: the contract gives no credit or penalty when the target is missed."""

    rule: ClassVar[str] = "no_remedy"


@dataclass(frozen=True)
class ExcludeCause(ast.Statement):
    """`exclude cause "force majeure"`."""

    rule: ClassVar[str] = "exclude_cause"
    cause: ast.TextLit


@dataclass(frozen=True)
class ExcludedTime(ast.Statement):
    """`excluded time removed from measured time`, `… counts as available`, `… unspecified`."""

    rule: ClassVar[str] = "exclusion_mode_stmt"
    written: ClassVar[str] = "excluded time"
    mode: ast.Word           # `removed`, `available` or `unspecified`


@dataclass(frozen=True)
class RestatementStmt(ast.Statement):
    """`43 minutes 50 seconds per month`: the target restated as allowed downtime."""

    rule: ClassVar[str] = "restatement"
    allowance: ast.DurationLit
    per: ast.Word            # `day`, `week`, `month` or `year`


@dataclass(frozen=True)
class Restates(ast.Statement):
    """`restates 43 minutes 50 seconds per month, 8 hours 46 minutes per year`."""

    rule: ClassVar[str] = "restates"
    parts: tuple[RestatementStmt, ...]

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values)


# A probe method's statements.

@dataclass(frozen=True)
class ProbeStmt(ast.Statement):
    """`probe ui "static asset" every 3 minutes good below 1 second`."""

    rule: ClassVar[str] = "probe"
    name: ast.Name
    description: ast.TextLit
    every: ast.DurationLit
    below: ast.DurationLit


@dataclass(frozen=True)
class Slice(ast.Statement):
    """`slice 1 hour`."""

    rule: ClassVar[str] = "slice"
    length: ast.DurationLit


@dataclass(frozen=True)
class SliceGood(ast.Statement):
    """`slice good at least 50 %`."""

    rule: ClassVar[str] = "slice_good"
    share: ast.Percent


@dataclass(frozen=True)
class Combine(ast.Statement):
    """`combine each`, `combine any`, `combine pooled`, `combine unspecified`."""

    rule: ClassVar[str] = "combine"
    mode: ast.Word


@dataclass(frozen=True)
class NoData(ast.Statement):
    """`no data good`, `no data bad`, `no data excluded`, `no data unspecified`."""

    rule: ClassVar[str] = "no_data"
    mode: ast.Word


ProbeStatement = ProbeStmt | Slice | SliceGood | Combine | NoData


# An error-rate method's statements.

@dataclass(frozen=True)
class RateThreshold(ast.Statement):
    """`interrupted above 5 %`."""

    rule: ClassVar[str] = "rate_threshold"
    share: ast.Percent


@dataclass(frozen=True)
class MissingMinutes(ast.Statement):
    """`missing minutes available`, `… interrupted`, `… excluded`, `… unspecified`."""

    rule: ClassVar[str] = "missing"
    mode: ast.Word


RateStatement = RateThreshold | MissingMinutes


# A request-count method's statements (`slice` and `combine` are the probes' own).

@dataclass(frozen=True)
class FailedAbove(ast.Statement):
    """`failed above 50 %`: a slice is down when more than this share of its requests failed."""

    rule: ClassVar[str] = "failed_above"
    share: ast.Percent


@dataclass(frozen=True)
class FailedAtLeast(FailedAbove):
    """`failed at least 50 %`: … when at least this share failed."""

    rule: ClassVar[str] = "failed_at_least"


@dataclass(frozen=True)
class MinRequests(ast.Statement):
    """`at least 20 requests per slice`: fewer requests say nothing of the slice."""

    rule: ClassVar[str] = "min_requests"
    count: ast.Number


@dataclass(frozen=True)
class FewerRequests(ast.Statement):
    """`fewer requests good|bad|excluded|unspecified`: what such a slice counts as."""

    rule: ClassVar[str] = "fewer_requests"
    mode: ast.Word


@dataclass(frozen=True)
class OrOutages(ast.Statement):
    """`or outages`: monitoring's outages are downtime too (signals combined)."""

    rule: ClassVar[str] = "or_outages"


@dataclass(frozen=True)
class Averaged(ast.Statement):
    """`average error rate`: availability is 100 % less the slices' average error rate."""

    rule: ClassVar[str] = "averaged"


RequestStatement = (Slice | FailedAbove | MinRequests | FewerRequests | Combine | OrOutages
                    | Averaged)


# Which downtime counts.

@dataclass(frozen=True)
class RunsLonger(ast.Statement):
    """`longer than 3 minutes`, after `downtime counts in runs`."""

    rule: ClassVar[str] = "runs_longer"
    length: ast.DurationLit


@dataclass(frozen=True)
class RunsAtLeast(RunsLonger):
    """`of at least 10 minutes`, after `downtime counts in runs`."""

    rule: ClassVar[str] = "runs_at_least"


@dataclass(frozen=True)
class DowntimeRuns(ast.Statement):
    """`downtime counts in runs longer than 3 minutes` (or `of at least 10 minutes`)."""

    rule: ClassVar[str] = "downtime_runs"
    run: RunsLonger


@dataclass(frozen=True)
class WholeMinutes(ast.Statement):
    """`downtime counts in whole minutes`: partial minutes are left out."""

    rule: ClassVar[str] = "whole_minutes"


@dataclass(frozen=True)
class FromReport(ast.Statement):
    """`downtime counts from report`: an outage counts from the moment it is reported."""

    rule: ClassVar[str] = "from_report"


# Eligibility: when the SLA applies at all.

@dataclass(frozen=True)
class EligibleCount(ast.Statement):
    """`at least 2 en "…"`, after `eligible if zones`."""

    rule: ClassVar[str] = "eligible_count"
    count: ast.Number
    text: ast.TextLit | None = None


@dataclass(frozen=True)
class EligibleDuration(ast.Statement):
    """`at least 24 hours en "…"`, after `eligible if uptime`."""

    rule: ClassVar[str] = "eligible_duration"
    length: ast.DurationLit
    text: ast.TextLit | None = None


@dataclass(frozen=True)
class EligibleChoice(ast.Statement):
    """`one of "business", "enterprise" en "…"`, after `eligible if plan`."""

    rule: ClassVar[str] = "eligible_choice"
    choices: tuple[ast.Str, ...]
    text: ast.TextLit | None = None

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        choices = tuple(v for v in values if isinstance(v, ast.Str))
        texts = [v for v in values if not isinstance(v, ast.Str)]
        return cls(span, choices, texts[0] if texts else None)


@dataclass(frozen=True)
class EligibleFlag(ast.Statement):
    """`en "…"`, after `eligible if monitored`: a condition the caller says is true or not."""

    rule: ClassVar[str] = "eligible_flag"
    text: ast.TextLit


EligibilityRule = EligibleCount | EligibleDuration | EligibleChoice | EligibleFlag


@dataclass(frozen=True)
class Eligible(ast.Statement):
    """`eligible if NAME …`: a condition for the SLA to apply, on a parameter of the caller's."""

    rule: ClassVar[str] = "eligible"
    name: ast.Name
    condition: EligibilityRule


@dataclass(frozen=True)
class MethodStmt(ast.Statement):
    """`method …`: how availability is measured (one of the three forms below)."""


@dataclass(frozen=True)
class MethodOutages(MethodStmt):
    """`method outages`: from a list of outages."""

    rule: ClassVar[str] = "method_outages"
    written: ClassVar[str] = "method"


@dataclass(frozen=True)
class MethodProbes(MethodStmt):
    """`method probes { probe … slice … }`: from probe samples, slice by slice."""

    rule: ClassVar[str] = "method_probes"
    written: ClassVar[str] = "method"
    body: tuple[ProbeStatement, ...]

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values)


@dataclass(frozen=True)
class MethodErrorRate(MethodStmt):
    """`method error rate { interrupted above 5 % … }`: from per-minute error rates."""

    rule: ClassVar[str] = "method_error_rate"
    written: ClassVar[str] = "method"
    body: tuple[RateStatement, ...]

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values)


@dataclass(frozen=True)
class MethodRequests(MethodStmt):
    """`method requests { slice 5 minutes failed above 50 % … }`: from request counts."""

    rule: ClassVar[str] = "method_requests"
    written: ClassVar[str] = "method"
    body: tuple[RequestStatement, ...]

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values)


@dataclass(frozen=True)
class ExampleOutage(ast.Statement):
    """`outage 2024-03-19 09:30 to 2024-03-19 10:15 [reported 2024-03-19 09:40]`, in an
    example."""

    rule: ClassVar[str] = "outage_ex"
    start: ast.DateTime
    end: ast.DateTime
    reported: ast.DateTime | None = None


@dataclass(frozen=True)
class ExampleRequests(ast.Statement):
    """`requests 2024-06-10 10:01 100 failed 50 [for "api"]`, in an example."""

    rule: ClassVar[str] = "requests_ex"
    at: ast.DateTime
    requests: ast.Number
    failed: ast.Number
    feature: ast.Str | None = None


@dataclass(frozen=True)
class AvailabilityExampleStmt(ast.Statement):
    """`example in 2024-03 outage … to … gives 99.9 %` (no outage or several; request counts
    for `method requests`)."""

    rule: ClassVar[str] = "availability_example"
    period: ast.Word | ast.Number       # `2024-03`, `2024-Q2`, `2024`
    outages: tuple[ExampleOutage, ...]
    availability: ast.Percent
    counts: tuple[ExampleRequests, ...] = ()

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        month, *inputs, availability = values
        return cls(span, month, tuple(i for i in inputs if isinstance(i, ExampleOutage)),
                   availability, tuple(i for i in inputs if isinstance(i, ExampleRequests)))


# --------------------------------------------------------------------------- model

@dataclass(frozen=True)
class Probe:
    name: str
    description: model.Text
    every: model.Duration
    max_latency: model.Duration


@dataclass(frozen=True)
class ProbeMethod:
    probes: tuple[Probe, ...]
    slice: model.Duration
    good_share: Decimal
    combine: Literal["each", "any", "pooled"] | model.Unspecified
    no_data: Literal["good", "bad", "excluded"] | model.Unspecified
    kind: Literal["probes"] = "probes"


@dataclass(frozen=True)
class ErrorRateMethod:
    threshold: Decimal
    missing: Literal["available", "interrupted", "excluded"] | model.Unspecified
    kind: Literal["error_rate"] = "error_rate"


@dataclass(frozen=True)
class RequestsMethod:
    slice: model.Duration
    threshold: Decimal
    at_least: bool                     # failed share at or above the threshold (else above it)
    minimum: int                       # requests a slice needs to say anything
    fewer: Literal["good", "bad", "excluded"] | model.Unspecified
    combine: Literal["each", "any", "pooled"] | model.Unspecified | None  # None: not said
    or_outages: bool                   # monitoring's outages are downtime too
    averaged: bool = False             # 100 % less the average error rate of the slices
    kind: Literal["requests"] = "requests"


@dataclass(frozen=True)
class OutageMethod:
    kind: Literal["outages"] = "outages"


Method = OutageMethod | ProbeMethod | ErrorRateMethod | RequestsMethod


@dataclass(frozen=True)
class Requirement:
    """`eligible if NAME …`: the parameter `name` is at least `minimum` (a count or a fixed
    duration), one of `choices`, or else true."""

    name: str
    minimum: int | model.Duration | None
    choices: tuple[str, ...]
    text: model.Text | None

    @property
    def python_type(self) -> str:
        """The type of the evaluators' parameter."""
        if self.choices:
            return "str"
        if isinstance(self.minimum, model.Duration):
            return "timedelta"
        return "bool" if self.minimum is None else "int"


def takes_outages(method: Method) -> bool:
    """Whether a method reads outages: `method outages`, or request counts `or outages`."""
    return isinstance(method, OutageMethod) or (
        isinstance(method, RequestsMethod) and method.or_outages)


@dataclass(frozen=True)
class Counting:
    """Which downtime counts: runs of at least `min_run` (longer than it when `longer_only`),
    rounded down to whole minutes, and outages from their report rather than their start."""

    min_run: model.Duration | None = None
    longer_only: bool = False
    whole_minutes: bool = False
    from_report: bool = False


@dataclass(frozen=True)
class Restatement:
    allowance: model.Duration   # seconds
    per: Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class OutageExample:
    start: datetime
    end: datetime
    reported: datetime | None = None


@dataclass(frozen=True)
class CountExample:
    at: datetime
    requests: int
    failed: int
    feature: str | None


@dataclass(frozen=True)
class AvailabilityExample:
    period: tuple[int, ...]            # (year, month), (year, quarter) or (year,)
    outages: tuple[OutageExample, ...]
    availability: Decimal
    line: int
    counts: tuple[CountExample, ...] = ()


@dataclass(frozen=True)
class MeasurePeriod:
    """The periods a target is measured over: `months` long (1, 3 or 12), the first of a year
    starting on day `first_day` of month `first_month`, in `zone` (None: the contract's)."""

    months: int = 1
    first_month: int = 1
    first_day: int = 1
    fiscal: bool = False
    zone: str | None = None

    @property
    def index(self) -> str | None:
        """The evaluators' parameter naming a period within its year: `month`, `quarter`, or
        none for a year."""
        return {1: "month", 3: "quarter"}.get(self.months)

    def words(self, lang: str) -> str:
        """`calendar month`, `fiscal quarter (fiscal years from July)`… in `lang`."""
        fr = lang == "fr"
        month = MONTH_NAMES[self.first_month - 1].text(lang)
        if self.months == 1 and self.first_day != 1:
            said = (f"cycle de facturation, du {self.first_day} de chaque mois au {self.first_day} "
                    "du mois suivant" if fr else
                    f"billing cycle, from day {self.first_day} of a month to day "
                    f"{self.first_day} of the next")
        elif self.fiscal:
            said = ((f"trimestre d’exercice (exercices ouverts en {month})" if fr else
                     f"fiscal quarter (fiscal years from {month})") if self.months == 3 else
                    (f"exercice ouvert en {month}" if fr else f"fiscal year from {month}"))
        else:
            said = {1: ("calendar month", "mois civil"), 3: ("calendar quarter", "trimestre civil"),
                    12: ("calendar year", "année civile")}[self.months][fr]
        return said

    @property
    def adjective(self) -> str:
        """`Monthly`, `Quarterly`, `Yearly`: of a report over one period, in the docstrings."""
        return {1: "Monthly", 3: "Quarterly", 12: "Yearly"}[self.months]

    def holding(self, day: date) -> tuple[int, ...]:
        """The period that holds `day`, as the evaluators name it: (year, month), (year,
        quarter) or (year,); a fiscal year is named by the calendar year it starts in."""
        months = (day.year * 12 + day.month - self.first_month
                  - (1 if day.day < self.first_day else 0))
        year, offset = divmod(months, 12)
        index = offset // self.months + 1
        return (year,) if self.index is None else (year, index)

    @property
    def parameters(self) -> tuple[str, ...]:
        """The evaluators' parameters naming one period: `("year", "month")`…"""
        return ("year",) if self.index is None else ("year", self.index)


@dataclass(frozen=True)
class Availability(model.ItemBase):
    target: Decimal
    strict: bool
    measured_during: str | None        # window name; None = all time
    excluded_windows: tuple[str, ...]
    maintenance_in: tuple[str | None, ...]   # windows whose declared maintenance is excluded
    causes: tuple[model.Text, ...]     # excluded causes, as the contract words them
    exclusion_mode: Literal["removed", "available"] | model.Unspecified
    method: Method
    restatements: tuple[Restatement, ...]
    examples: tuple[AvailabilityExample, ...]
    no_remedy: bool                    # the contract says missing the target gives no remedy
    period: MeasurePeriod = MeasurePeriod()
    counting: Counting = Counting()
    requirements: tuple[Requirement, ...] = ()

    @property
    def takes_outages(self) -> bool:
        """Whether the evaluator takes a list of outages (alone or beside request counts)."""
        return takes_outages(self.method)

    @property
    def excluded_causes(self) -> tuple[str, ...]:
        """The causes as the evaluators know them: in the contract's first language."""
        return tuple(cause.fr for cause in self.causes)


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- import "common.j2" as common -%}

{%- macro summary(i, s) -%}
{% set measured = s.window(i.measured_during) if i.measured_during else none %}
{% filter p %}
{{ say(s, "target", strict=i.strict, target=i.target, period=i.period) }}
{% if measured is none %}
{{ say(s, "measured-always") }}
{% else %}
{{ say(s, "measured-during", window=s.label(measured), schedule=common.schedule(measured, s),
       calendar=s.label(measured.business_days_of) if measured.business_days_of else none) }}
{% endif %}
{% endfilter %}
{% if i.excluded_windows or i.maintenance_in %}
{% filter p %}{{ say(s, "excluded") }}{% endfilter %}
{% filter ul %}
{% for w in i.excluded_windows %}
{% filter li %}{{ say(s, "excluded-window", window=s.label(w)) }}{% endfilter %}
{% endfor %}
{% for w in i.maintenance_in %}
{% filter li %}
{{ say(s, "excluded-maintenance", window=s.label(w) if w is not none else none) }}
{% endfilter %}
{% endfor %}
{% endfilter %}
{% endif %}
{% if i.causes %}
{% filter p %}{{ say(s, "causes", count=i.causes|length) }}{% endfilter %}
{% filter ul %}
{% for cause in i.causes %}
{% filter li %}{{ s.text(cause)|capfirst|t }}{% endfilter %}
{% endfor %}
{% endfilter %}
{% endif %}
{% set causes_as_time = i.causes and i.method.kind != "outages" %}
{% if i.excluded_windows or i.maintenance_in or i.causes %}
{% filter p %}
{% if i.excluded_windows or i.maintenance_in or causes_as_time %}
{% if i.exclusion_mode is unspecified %}
{{ say(s, "mode-unspecified") }}
{% elif i.exclusion_mode == "removed" %}
{{ say(s, "mode-removed") }}
{% else %}
{{ say(s, "mode-available") }}
{% endif %}
{% endif %}
{% if i.causes and not causes_as_time %}
{{ say(s, "causes-not-counted", count=i.causes|length) }}
{% endif %}
{% endfilter %}
{% endif %}
{% if i.no_remedy %}
{% filter p %}{{ say(s, "no-remedy") }}{% endfilter %}
{% endif %}
{{ method(i.method, s) }}
{% if i.counting.min_run is not none or i.counting.whole_minutes or i.counting.from_report %}
{% filter p %}
{% if i.counting.min_run is not none %}
{{ say(s, "runs", length=i.counting.min_run, longer=i.counting.longer_only) }}
{% endif %}
{% if i.counting.whole_minutes %}
{{ say(s, "whole-minutes") }}
{% endif %}
{% if i.counting.from_report %}
{{ say(s, "from-report") }}
{% endif %}
{% endfilter %}
{% endif %}
{% if i.requirements %}
{% filter p %}{{ say(s, "eligibility", count=i.requirements|length) }}{% endfilter %}
{% filter ul %}
{% for r in i.requirements %}
{% filter li %}{{ say(s, "requirement", r=r) }}{% endfilter %}
{% endfor %}
{% endfilter %}
{% endif %}
{{ allowances(i, measured, s) }}
{% for e in i.examples %}
{% filter p %}
{% if e.counts %}
{{ say(s, "example-requests", month=s.period_name(i, e.period), count=e.counts|length,
       requests=e.counts|sum(attribute="requests"), failed=e.counts|sum(attribute="failed"),
       availability=s.f.rate(e.availability)) }}
{% else %}
{{ say(s, "example", month=s.period_name(i, e.period), count=e.outages|length,
       outages=outages(e.outages, s), availability=s.f.rate(e.availability)) }}
{% endif %}
{% endfilter %}
{% endfor %}
{%- endmacro -%}

{%- macro outages(list, s) -%}
{%- for o in list -%}{{ loop|sep(say(s, "and")) }}{{ outage(o, s) }}{%- endfor -%}
{%- endmacro -%}

{%- macro outage(o, s) -%}
{%- if o.start.date() == o.end.date() -%}
{{ say(s, "outage-day", start=o.start, end=o.end) }}
{%- else -%}
{{ say(s, "outage-span", start=o.start, end=o.end) }}
{%- endif -%}
{%- endmacro -%}

{%- macro method(m, s) -%}
{% if m.kind == "outages" %}
{% filter p %}
{{ say(s, "method-outages") }}
{% endfilter %}
{% elif m.kind == "probes" %}
{% filter p %}
{{ say(s, "method-probes", count=m.probes|length) }}
{% endfilter %}
{% filter ul %}
{% for p in m.probes %}
{% filter li %}{{ say(s, "probe", probe=p) }}{% endfilter %}
{% endfor %}
{% endfilter %}
{% filter p %}
{{ say(s, "slice", length=m.slice, share=m.good_share) }}
{% if m.combine is unspecified %}
{{ say(s, "combine-unspecified") }}
{% elif m.combine == "each" %}
{{ say(s, "combine-each") }}
{% elif m.combine == "any" %}
{{ say(s, "combine-any") }}
{% else %}
{{ say(s, "combine-pooled") }}
{% endif %}
{% if m.no_data is unspecified %}
{{ say(s, "no-data-unspecified") }}
{% elif m.no_data == "good" %}
{{ say(s, "no-data-good") }}
{% elif m.no_data == "bad" %}
{{ say(s, "no-data-bad") }}
{% else %}
{{ say(s, "no-data-excluded") }}
{% endif %}
{% endfilter %}
{% elif m.kind == "requests" %}
{% filter p %}
{% if m.averaged %}
{{ say(s, "method-averaged", length=m.slice, minimum=m.minimum) }}
{% else %}
{{ say(s, "method-requests", length=m.slice, threshold=m.threshold, at_least=m.at_least,
       minimum=m.minimum) }}
{% endif %}
{% if m.fewer is unspecified %}
{{ say(s, "fewer-unspecified") }}
{% elif m.fewer == "good" %}
{{ say(s, "fewer-good") }}
{% elif m.fewer == "bad" %}
{{ say(s, "fewer-bad") }}
{% else %}
{{ say(s, "fewer-excluded") }}
{% endif %}
{% if m.combine is unspecified %}
{{ say(s, "features-unspecified") }}
{% elif m.combine is none %}
{% elif m.combine == "each" %}
{{ say(s, "features-each") }}
{% elif m.combine == "any" %}
{{ say(s, "features-any") }}
{% else %}
{{ say(s, "features-pooled") }}
{% endif %}
{% if m.or_outages %}
{{ say(s, "or-outages") }}
{% endif %}
{% endfilter %}
{% else %}
{% filter p %}
{{ say(s, "method-error-rate", threshold=m.threshold) }}
{% if m.missing is unspecified %}
{{ say(s, "missing-unspecified") }}
{% elif m.missing == "available" %}
{{ say(s, "missing-available") }}
{% elif m.missing == "interrupted" %}
{{ say(s, "missing-interrupted") }}
{% else %}
{{ say(s, "missing-excluded") }}
{% endif %}
{% endfilter %}
{% endif %}
{%- endmacro -%}

{%- macro allowances(i, measured, s) -%}
{% set rows = s.allowances(i) %}
{% filter p %}
{% if measured is none or measured.always %}
{{ say(s, "allowances-calendar") }}
{% else %}
{% set month, hours = s.measured_month(i) %}
{{ say(s, "allowances-measured", month=month, hours=hours,
       holidays_out=measured.business_days_of is not none) }}
{% endif %}
{% endfilter %}
{% filter ul %}
{% for a in rows %}
{% filter li %}
{% if a.computed is none %}
{{ say(s, "allowance-unchecked", period=say(s, "period", per=a.per), stated=a.stated) }}
{% else %}
{{ say(s, "allowance", period=say(s, "period", per=a.per), a=a) }}
{% endif %}
{% endfilter %}
{% endfor %}
{% endfilter %}
{% if i.exclusion_mode == "removed" and (i.excluded_windows or i.maintenance_in) %}
{% filter p %}
{{ say(s, "allowances-removed") }}
{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

PHRASES = {
    # The target and the measured time.
    "target": Phrase(
        'Target: availability {{ "above" if strict else "of at least" }} '
        "{{ s.f.percent(target) }}, computed for each {{ period.words('en') }}"
        "{% if period.zone %} ({{ period.zone|t }} time){% endif %}.",
        'Objectif : une disponibilité {{ "de plus de" if strict else "d\'au moins" }} '
        "{{ s.f.percent(target) }}, calculée pour chaque {{ period.words('fr') }}"
        "{% if period.zone %} (heure du fuseau {{ period.zone|t }}){% endif %}."),
    "measured-always": Phrase(
        "It is measured at all times, 24 hours a day, 7 days a week.",
        "Elle est mesurée en permanence, 24 heures sur 24 et 7 jours sur 7."),
    "measured-during": Phrase(
        "It is measured during the window “{{ window|t }}” ({{ schedule }}"
        "{% if calendar is not none %}, only on “{{ calendar|t }}”{% endif %}).",
        "Elle est mesurée pendant la plage « {{ window|t }} » ({{ schedule }}"
        "{% if calendar is not none %}, seulement les « {{ calendar|t }} »{% endif %})."),
    # What is left out.
    "excluded": Phrase("Left out of the calculation:", "Sont exclus du calcul :"),
    "excluded-window": Phrase("all the time in the window “{{ window|t }}”",
                              "tout le temps de la plage « {{ window|t }} »"),
    "excluded-maintenance": Phrase(
        "maintenance operations"
        "{% if window is not none %} during the window “{{ window|t }}”{% endif %}",
        "les opérations de maintenance"
        "{% if window is not none %} pendant la plage « {{ window|t }} »{% endif %}"),
    "causes": Phrase(
        "Outages due to {{ 'this cause' if count == 1 else 'these causes' }} are left out:",
        "Sont exclues les interruptions dues {{ 'à la cause' if count == 1 else 'aux causes' }} "
        "suivante{{ '' if count == 1 else 's' }} :"),
    "causes-not-counted": Phrase(
        "Outages due to {{ 'this cause' if count == 1 else 'these causes' }} are not counted "
        "as unavailability; the measured time stays the same.",
        "Les interruptions dues à {{ 'cette cause' if count == 1 else 'ces causes' }} ne sont "
        "pas comptées comme indisponibilité ; le temps mesuré reste le même."),
    "no-remedy": Phrase(
        "The contract provides no credit, penalty or other remedy if the target is missed.",
        "Le contrat ne prévoit ni crédit, ni pénalité, ni autre réparation si l'objectif n'est "
        "pas atteint."),
    "mode-unspecified": Phrase(
        "The contract does not say whether excluded time is removed from the measured time or "
        "counted as available.",
        "Le contrat ne précise pas si le temps exclu est retiré du temps mesuré ou compté comme "
        "disponible."),
    "mode-removed": Phrase(
        "The time of {{ 'these windows' if i.causes and i.method.kind == 'outages' else "
        "'these exclusions' }} is taken out of the measured time: it counts neither as "
        "available nor as unavailable.",
        "Le temps de {{ 'ces plages' if i.causes and i.method.kind == 'outages' else "
        "'ces exclusions' }} est retiré du temps mesuré : il ne compte ni comme disponible ni "
        "comme indisponible."),
    "mode-available": Phrase("Excluded time counts as available time.",
                             "Le temps exclu est compté comme du temps disponible."),
    # The method.
    "method-outages": Phrase(
        "Method: availability = (measured time − outage time) / measured time.",
        "Mode de calcul : disponibilité = (temps mesuré − durée des interruptions) / temps "
        "mesuré."),
    "method-probes": Phrase(
        'Method: {{ s.f.counted(count, "probe", "probes") }}, each measurement judged '
        "correct or not:",
        'Mode de calcul : par {{ s.f.counted(count, "sonde", "sondes") }}, chacune '
        "jugée correcte ou non à chaque mesure :"),
    "probe": Phrase(
        "{{ s.text(probe.description)|capfirst|t }}: one measurement every "
        "{{ s.f.duration(probe.every) }}, "
        "correct when the answer comes in less than {{ s.f.duration(probe.max_latency) }}",
        "{{ s.text(probe.description)|capfirst|t }} : une mesure toutes les "
        "{{ s.f.duration(probe.every) }}, "
        "correcte si la réponse arrive en moins de {{ s.f.duration(probe.max_latency) }}"),
    "slice": Phrase(
        "Measured time is cut into slices of {{ s.f.duration(length) }}; a slice is good when at "
        "least {{ s.f.percent(share) }} of its measurements are correct.",
        "Le temps mesuré est découpé en tranches de {{ s.f.duration(length) }} ; une tranche est "
        "bonne si au moins {{ s.f.percent(share) }} de ses mesures sont correctes."),
    "combine-unspecified": Phrase(
        "The contract does not say how the probes combine to judge a slice.",
        "Le contrat ne précise pas comment les sondes se combinent pour juger une tranche."),
    "combine-each": Phrase("A slice is good only if every probe meets that share.",
                           "Une tranche n'est bonne que si chaque sonde atteint ce seuil."),
    "combine-any": Phrase("A slice is good as soon as one probe meets that share.",
                          "Une tranche est bonne dès qu'une des sondes atteint ce seuil."),
    "combine-pooled": Phrase(
        "The measurements of all probes are pooled for that share.",
        "Les mesures de toutes les sondes sont mises en commun pour ce seuil."),
    "no-data-unspecified": Phrase(
        "The contract does not say how a slice without any measurement counts.",
        "Le contrat ne précise pas comment compter une tranche sans aucune mesure."),
    "no-data-good": Phrase("A slice without any measurement counts as good.",
                           "Une tranche sans aucune mesure compte comme bonne."),
    "no-data-bad": Phrase("A slice without any measurement counts as bad.",
                          "Une tranche sans aucune mesure compte comme mauvaise."),
    "no-data-excluded": Phrase("A slice without any measurement is left out of the calculation.",
                               "Une tranche sans aucune mesure est retirée du calcul."),
    "method-error-rate": Phrase(
        "Method: minute by minute; a minute is an interruption when the error rate is above "
        "{{ s.f.percent(threshold) }}.",
        "Mode de calcul : minute par minute ; une minute est une interruption lorsque le taux "
        "d'erreurs dépasse {{ s.f.percent(threshold) }}."),
    "method-requests": Phrase(
        "Method: measured time is cut into slices of {{ s.f.duration(length) }}; a slice with at "
        "least {{ s.f.counted(minimum, 'request', 'requests') }} is down when "
        "{{ 'at least' if at_least else 'more than' }} {{ s.f.percent(threshold) }} of its "
        "requests failed.",
        "Mode de calcul : le temps mesuré est découpé en tranches de {{ s.f.duration(length) }} ; "
        "une tranche d'au moins {{ s.f.counted(minimum, 'requête', 'requêtes') }} est "
        "indisponible si {{ 'au moins' if at_least else 'plus de' }} "
        "{{ s.f.percent(threshold) }} de ses requêtes ont échoué."),
    "method-averaged": Phrase(
        "Method: measured time is cut into slices of {{ s.f.duration(length) }}; each slice's "
        "error rate is the share of its requests that failed{% if minimum > 1 %}, when it has "
        "at least {{ s.f.counted(minimum, 'request', 'requests') }}{% endif %}; availability is "
        "100% less the average of these error rates.",
        "Mode de calcul : le temps mesuré est découpé en tranches de {{ s.f.duration(length) }} ; "
        "le taux d'erreur d'une tranche est la part de ses requêtes en échec{% if minimum > 1 %}, "
        "si elle en compte au moins {{ s.f.counted(minimum, 'requête', 'requêtes') }}"
        "{% endif %} ; la disponibilité est 100 % moins la moyenne de ces taux."),
    "fewer-unspecified": Phrase(
        "The contract does not say how a slice with fewer requests counts.",
        "Le contrat ne précise pas comment compter une tranche de moins de requêtes."),
    "fewer-good": Phrase("A slice with fewer requests counts as available.",
                         "Une tranche de moins de requêtes compte comme disponible."),
    "fewer-bad": Phrase("A slice with fewer requests counts as down.",
                        "Une tranche de moins de requêtes compte comme indisponible."),
    "fewer-excluded": Phrase("A slice with fewer requests is left out of the calculation.",
                             "Une tranche de moins de requêtes est retirée du calcul."),
    "features-unspecified": Phrase(
        "The contract does not say how the features measured apart combine.",
        "Le contrat ne précise pas comment se combinent les fonctions mesurées séparément."),
    "features-each": Phrase("When features are measured apart, a slice is down as soon as one "
                            "of them is.",
                            "Quand des fonctions sont mesurées séparément, une tranche est "
                            "indisponible dès que l'une d'elles l'est."),
    "features-any": Phrase("When features are measured apart, a slice is down only if all of "
                           "them are.",
                           "Quand des fonctions sont mesurées séparément, une tranche n'est "
                           "indisponible que si toutes le sont."),
    "features-pooled": Phrase("The requests of all features are pooled.",
                              "Les requêtes de toutes les fonctions sont mises en commun."),
    "or-outages": Phrase("Any time monitoring reports the service down is downtime too.",
                         "Tout temps où la supervision signale le service indisponible est "
                         "aussi de l'indisponibilité."),
    "eligibility": Phrase(
        "The SLA applies only under {{ 'this condition' if count == 1 else 'these conditions' }}; "
        "otherwise nothing is due:",
        "Le SLA ne s'applique que {{ 'sous cette condition' if count == 1 else "
        "'sous ces conditions' }} ; à défaut, rien n'est dû :"),
    "requirement": Phrase(
        "{% if r.text %}{{ s.text(r.text)|capfirst|t }} {% endif %}(parameter {{ r.name }}"
        "{% if r.choices %}: one of {{ r.choices|join(', ') }}"
        "{% elif r.minimum is none %}: true or false"
        "{% elif r.minimum is number %}: at least {{ r.minimum }}"
        "{% else %}: at least {{ s.f.duration(r.minimum) }}{% endif %})",
        "{% if r.text %}{{ s.text(r.text)|capfirst|t }} {% endif %}(paramètre {{ r.name }}"
        "{% if r.choices %} : l'une des valeurs {{ r.choices|join(', ') }}"
        "{% elif r.minimum is none %} : vrai ou faux"
        "{% elif r.minimum is number %} : au moins {{ r.minimum }}"
        "{% else %} : au moins {{ s.f.duration(r.minimum) }}{% endif %})"),
    "runs": Phrase(
        "Only downtime lasting {{ 'more than' if longer else 'at least' }} "
        "{{ s.f.duration(length) }} in a row counts; shorter interruptions are ignored.",
        "Seule compte l'indisponibilité continue {{ 'de plus de' if longer else \"d'au moins\" }} "
        "{{ s.f.duration(length) }} ; les interruptions plus courtes sont ignorées."),
    "whole-minutes": Phrase("Downtime counts in whole minutes; partial minutes are ignored.",
                            "L'indisponibilité se compte en minutes entières ; les minutes "
                            "partielles sont ignorées."),
    "from-report": Phrase("Downtime counts only from the moment it is reported (ticket opened).",
                          "L'indisponibilité ne compte qu'à partir de son signalement "
                          "(ouverture du ticket)."),
    "missing-unspecified": Phrase("The contract does not say how a minute without data counts.",
                                  "Le contrat ne précise pas comment compter une minute sans "
                                  "données."),
    "missing-available": Phrase("A minute without data counts as available.",
                                "Une minute sans données compte comme disponible."),
    "missing-interrupted": Phrase("A minute without data counts as an interruption.",
                                  "Une minute sans données compte comme une interruption."),
    "missing-excluded": Phrase("A minute without data is left out of the calculation.",
                               "Une minute sans données est retirée du calcul."),
    # The allowed unavailability.
    "allowances-calendar": Phrase(
        "Calculation: over full calendar time (a 24-hour day, a month equal to 1/12 of a "
        "Gregorian year of 365.2425 days, rounded to the tenth of a second), the target "
        "tolerates at most:",
        "Calcul : l'objectif tolère au plus, rapporté au temps calendaire complet (un jour de 24 "
        "heures, un mois égal à 1/12 d'une année grégorienne de 365,2425 jours, arrondi au "
        "dixième de seconde) :"),
    "allowances-measured": Phrase(
        "Calculation, for one month: in {{ month }}, the measured time is {{ hours }}"
        "{% if holidays_out %} (public holidays left out){% endif %}, so the target tolerates at "
        "most:",
        "Calcul, pour un mois : en {{ month }}, le temps mesuré est de {{ hours }}"
        "{% if holidays_out %} (jours fériés exclus){% endif %} ; l'objectif tolère donc au "
        "plus :"),
    "period": Phrase(
        '{{ {"day": "a day", "week": "a week", "month": "a month", "year": "a year"}[per] }}',
        '{{ {"day": "par jour", "week": "par semaine", "month": "par mois", "year": "par an"}[per] '
        "}}"),
    "allowance-unchecked": Phrase(
        "{{ period }}: the contract states {{ stated }}, which this calculation does not check",
        "{{ period }} : le contrat indique {{ stated }}, que ce calcul ne vérifie pas"),
    "allowance": Phrase(
        "{{ a.computed }} of unavailability {{ period }}"
        "{% if a.stated is not none and a.agrees %}, as the contract itself states"
        "{% elif a.stated is not none %} (the contract states {{ a.stated }}, which does not match)"
        "{% endif %}",
        "{{ a.computed }} d'indisponibilité {{ period }}"
        "{% if a.stated is not none and a.agrees %}, comme le contrat l'écrit lui-même"
        "{% elif a.stated is not none %} (le contrat indique {{ a.stated }}, qui ne correspond pas)"
        "{% endif %}"),
    "allowances-removed": Phrase(
        "As excluded time is removed from the measured time, the unavailability actually "
        "tolerated is slightly lower in months that have some.",
        "Le temps exclu étant retiré du temps mesuré, l'indisponibilité réellement tolérée est un "
        "peu plus faible les mois où il y en a."),
    # The contract's examples.
    "example": Phrase(
        "Worked example (calculated): in {{ month }}, {% if not count %}with no outage{% else %}"
        'with {{ "an outage" if count == 1 else "outages" }} {{ outages }}{% endif %}, '
        "availability is {{ availability }}.",
        "Exemple (calculé) : en {{ month }}, {% if not count %}sans interruption{% else %}"
        'avec {{ "une interruption" if count == 1 else "des interruptions" }} {{ outages }}'
        "{% endif %}, la disponibilité est de {{ availability }}."),
    "example-requests": Phrase(
        "Worked example (calculated): in {{ month }}, with {{ count }} request count(s) "
        "({{ requests }} requests, {{ failed }} failed), availability is {{ availability }}.",
        "Exemple (calculé) : en {{ month }}, avec {{ count }} décompte(s) de requêtes "
        "({{ requests }} requêtes, dont {{ failed }} en échec), la disponibilité est de "
        "{{ availability }}."),
    "and": Phrase("and", "et"),
    "outage-day": Phrase(
        "on {{ s.f.weekday_date(start.date()) }} from {{ s.f.time_of(start) }} to "
        "{{ s.f.time_of(end) }}",
        "le {{ s.f.weekday_date(start.date()) }} de {{ s.f.time_of(start) }} à "
        "{{ s.f.time_of(end) }}"),
    "outage-span": Phrase("from {{ s.f.moment(start) }} to {{ s.f.moment(end) }}",
                          "du {{ s.f.moment(start) }} au {{ s.f.moment(end) }}"),
}


# --------------------------------------------------------------------------- the kind

class AvailabilityKind(Kind[Availability]):
    keyword = "availability"
    legal_force = "decide"
    statements = (Target, TargetAbove, PeriodStmt, CalendarMonth, CalendarQuarter, CalendarYear,
                  FiscalQuarter, FiscalYear, BillingCycle, MeasuredDuring, MeasuredAllTime,
                  ExcludeWindow, ExcludeMaintenance, ExcludeCause, NoRemedy, ExcludedTime,
                  RestatementStmt,
                  Restates, ProbeStmt, Slice, SliceGood, Combine, NoData, RateThreshold,
                  MissingMinutes, MethodOutages, MethodProbes, MethodErrorRate, ExampleOutage,
                  AvailabilityExampleStmt, FailedAbove, FailedAtLeast, MinRequests,
                  FewerRequests, OrOutages, MethodRequests, RunsLonger, RunsAtLeast,
                  DowntimeRuns, WholeMinutes, FromReport, EligibleCount, EligibleDuration,
                  EligibleChoice, EligibleFlag, Eligible, Averaged, ExampleRequests)
    words: ClassVar[Mapping[str, str]] = {
        "removed": "removed", "counts_available": "available",
        "each": "each", "any": "any", "pooled": "pooled",
        "nd_good": "good", "nd_bad": "bad", "nd_excluded": "excluded",
        "m_available": "available", "m_interrupted": "interrupted", "m_excluded": "excluded",
    }
    item_type = Availability
    names = KindNames("availability", "la disponibilité", "une disponibilité",
                      "aucune disponibilité nommée", Phrase("Availability", "Disponibilité"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 2
    report_gives = PERIOD_PARAMETERS

    def report(self, item: Availability, ctx: EvalContext) -> Evaluation:
        return _report(ctx, item)

    # ------------------------------------------------------------------ check

    def examples(self, item: Availability, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Availability:
        target_stmt = c.single(block, Target)
        if target_stmt is None:
            self._missing(c, block, "target", "target at least 99.5 %")
        target = c.percent(target_stmt.percent) if target_stmt else Decimal(100)
        if target_stmt and target < 50:
            c.report("target-unusual", target_stmt.percent.span, value=target)
        period_stmt = c.single(block, PeriodStmt)
        if period_stmt is None:
            self._missing(c, block, "period", "period calendar month")
        measured_stmt = c.single(block, Measured)
        if measured_stmt is None:
            self._missing(c, block, "measured", "measured during <window> | measured all time")
        measured = (c.reference(measured_stmt.window, "window")
                    if isinstance(measured_stmt, MeasuredDuring) else None)
        excluded = [s for s in block.body if isinstance(s, ExcludeWindow)]
        excluded_windows = tuple(c.reference(s.window, "window") for s in excluded)
        maintenance_in = tuple(c.reference(s.window, "window") if s.window else None
                               for s in block.body if isinstance(s, ExcludeMaintenance))
        causes = tuple(c.text(s.cause) for s in block.body if isinstance(s, ExcludeCause))
        if measured:
            for stmt in excluded:
                _check_disjoint(c, measured, stmt.window)
        mode = _exclusion_mode(c, block, bool(excluded_windows or maintenance_in or causes))
        method_stmt = c.single(block, MethodStmt)
        if method_stmt is None:
            self._missing(c, block, "method", "method outages")
        method = _method(c, method_stmt, block.name.value) if method_stmt else OutageMethod()
        period = _period(c, period_stmt) if period_stmt else MeasurePeriod()
        examples = tuple(_example(c, s, period) for s in block.body
                         if isinstance(s, AvailabilityExampleStmt))
        _check_example_inputs(c, block, method)
        counting = _counting(c, block, method)
        return Availability(
            target=target, strict=isinstance(target_stmt, TargetAbove),
            period=period,
            measured_during=measured,
            excluded_windows=excluded_windows, maintenance_in=maintenance_in,
            causes=causes, exclusion_mode=mode, method=method,
            restatements=_restatements(c, block, target), examples=examples,
            no_remedy=c.single(block, NoRemedy) is not None, counting=counting,
            requirements=_requirements(c, block), **base)

    def _missing(self, c: Checker, block: ast.Block, what: str, example: str) -> None:
        c.report("missing-statement", block.name.span, kind=self.names.the(),
                 name=block.name.value, what=what, example=example)

    # ------------------------------------------------------------------ Python

    def python_names(self, item: Availability, name: str) -> list[str]:
        c = const(name)
        return [f"{c}_TARGET", f"{c}_EXCLUDED_CAUSES", f"_{c}_PROBES", f"_{c}_COUNTING",
                f"_{c}_REQUIREMENTS",
                fn(name, "report"),
                fn(name, "report_columns")]

    def python(self, ctx: Ctx, item: Availability) -> list[Unit]:
        return [_report_unit(ctx, item)]


# --------------------------------------------------------------------------- check helpers

def _period(c: Checker, stmt: PeriodStmt) -> MeasurePeriod:
    """The periods of `period …`; a billing cycle starts on a day that every month has."""
    kind = stmt.of
    zone = None
    if stmt.zone is not None:
        zone = stmt.zone.value
        if zone not in known_zones():
            c.report("unknown-time-zone", stmt.zone.span, zone=zone)
            zone = None
    if isinstance(kind, (FiscalQuarter, FiscalYear)):
        first = MONTHS.index(kind.first_month.value) + 1
        return MeasurePeriod(kind.months, first_month=first, fiscal=True, zone=zone)
    if isinstance(kind, BillingCycle):
        day = c.whole(kind.first_day, phrase("why.cycle-day"), minimum=1, maximum=28)
        return MeasurePeriod(1, first_day=min(max(day, 1), 28), zone=zone)
    return MeasurePeriod(kind.months, zone=zone)


@functools.lru_cache(maxsize=64)
def _minutes(block: ast.Block) -> list[tuple[int, int]]:
    """`week_minutes` of a block, computed once for the measured window that every excluded
    one is compared with."""
    return week_minutes(block)


def _check_disjoint(c: Checker, measured: str, excluded: ast.Name) -> None:
    """An excluded window must not overlap the measured one: the first common minute is said."""
    a, b = c.blocks.get(measured), c.blocks.get(excluded.value)
    if a is None or b is None or a.kind != "window" or b.kind != "window":
        return
    first = first_common_minute(_minutes(a), _minutes(b))
    if first is not None:
        clock = f" {first % 1440 // 60:02d}:{first % 60:02d}"
        en, fr = WEEKDAYS[first // 1440]
        c.report("measured-and-excluded", excluded.span, excluded=excluded.value,
                 measured=measured, when=Phrase(en + clock, fr + clock))


def _exclusion_mode(c: Checker, block: ast.Block,
                    excludes: bool) -> ExclusionMode | model.Unspecified:
    """What excluded time does: removed from the measured time unless the contract says it
    counts as available; left open when it excludes something without saying."""
    what = phrase("undecided.exclusion", name=block.name.value)
    stmt = c.single(block, ExcludedTime)
    if stmt is None:
        return c.undecided(block.name.span, what) if excludes else "removed"
    if stmt.mode.value == UNSPECIFIED:
        return c.undecided(stmt.mode.span, what)
    return "removed" if stmt.mode.value == "removed" else "available"


def _decided(c: Checker, word: ast.Word | None, what: Phrase,
             span: ast.Span) -> str | model.Unspecified:
    """The word a method statement chose; left open when the statement is missing (said at the
    method, `span`) or says `unspecified`."""
    if word is None:
        return c.undecided(span, what)
    if word.value == UNSPECIFIED:
        return c.undecided(word.span, what)
    return word.value


def _method(c: Checker, stmt: MethodStmt, name: str) -> Method:
    if isinstance(stmt, MethodErrorRate):
        return _error_rate(c, stmt, name)
    if isinstance(stmt, MethodRequests):
        return _requests(c, stmt, name)
    if isinstance(stmt, MethodProbes):
        return _probes(c, stmt, name)
    return OutageMethod()


def _error_rate(c: Checker, stmt: MethodErrorRate, name: str) -> ErrorRateMethod:
    """`method error rate { … }`: only its first threshold and first `missing` are read."""
    threshold = next((c.percent(s.share) for s in stmt.body if isinstance(s, RateThreshold)),
                     None)
    if threshold is None:
        c.report("missing-statement", stmt.span, kind=c.names["method"].the(), name="error rate",
                 what="interrupted above", example="interrupted above 5 %")
    missing = _decided(c, next((s.mode for s in stmt.body if isinstance(s, MissingMinutes)), None),
                       phrase("undecided.missing-minutes", name=name), stmt.span)
    return ErrorRateMethod(threshold or Decimal(0), cast(MissingMode, missing))


def _requests(c: Checker, stmt: MethodRequests, name: str) -> RequestsMethod:
    """`method requests { … }`: only the first of each statement is read."""
    method = c.names["method"].the()
    slice_stmt = next((s for s in stmt.body if isinstance(s, Slice)), None)
    slice_ = (_slice(c, slice_stmt.length) if slice_stmt
              else model.Duration(Decimal(1), "minute"))
    if slice_stmt is None:
        c.report("missing-statement", stmt.span, kind=method, name="requests", what="slice",
                 example="slice 5 minutes")
    failed = next((s for s in stmt.body if isinstance(s, FailedAbove)), None)
    averaged = any(isinstance(s, Averaged) for s in stmt.body)
    if failed is None and not averaged:
        c.report("missing-statement", stmt.span, kind=method, name="requests",
                 what="failed above", example="failed above 5 %")
    minimum = next((s for s in stmt.body if isinstance(s, MinRequests)), None)
    count = c.whole(minimum.count, phrase("why.requests"), minimum=1) if minimum else 1
    fewer = _decided(c, next((s.mode for s in stmt.body if isinstance(s, FewerRequests)), None),
                     phrase("undecided.fewer-requests", name=name, count=count) if count > 1
                     else phrase("undecided.no-requests", name=name), stmt.span)
    # Without `combine`, requests are those of the service as a whole: the caller is asked to
    # decide only if counts come per feature.
    combine_stmt = next((s for s in stmt.body if isinstance(s, Combine)), None)
    combine = None if combine_stmt is None else _decided(
        c, combine_stmt.mode, phrase("undecided.combine-features", name=name), stmt.span)
    return RequestsMethod(
        slice_, c.percent(failed.share) if failed else Decimal(0),
        isinstance(failed, FailedAtLeast), max(count, 1), cast(NoDataMode, fewer),
        cast(CombineMode | None, combine), any(isinstance(s, OrOutages) for s in stmt.body),
        averaged)


_TAKEN = frozenset({"year", "month", "quarter", "outages", "samples", "rates", "counts",
                    "maintenance", "excluded_events", "exclusion_mode", "combine", "no_data",
                    "missing", "fewer", "spans", "invoice", "starts", "ends", "causes",
                    "reports", "probes", "instants", "latencies_ms", "minutes", "rate_scale",
                    "requests", "failed", "features"})
"""The parameters the evaluators already have: an eligibility parameter takes none of them."""


def _requirements(c: Checker, block: ast.Block) -> tuple[Requirement, ...]:
    """`eligible if …`: one condition per parameter, named as a Python parameter can be."""
    found: dict[str, Requirement] = {}
    first: dict[str, int] = {}
    for stmt in block.body:
        if not isinstance(stmt, Eligible):
            continue
        name = stmt.name.value
        if name in found:
            c.report("duplicate-name", stmt.name.span, name=name, line=first[name])
            continue
        if name in _TAKEN or not name.isidentifier() or name != name.lower() \
                or name.startswith("_"):
            c.report("bad-value", stmt.name.span, text=name, what=phrase("what.eligibility"),
                     hint=phrase("hint.eligibility"))
            continue
        first[name] = stmt.span.line
        rule = stmt.condition
        text = None if isinstance(rule, EligibleFlag) or rule.text is None else c.text(rule.text)
        minimum: int | model.Duration | None = None
        choices: tuple[str, ...] = ()
        if isinstance(rule, EligibleCount):
            minimum = c.whole(rule.count, phrase("why.eligibility-count"))
        elif isinstance(rule, EligibleDuration):
            minimum = c.duration(rule.length, ("fixed",), phrase("expected.fixed"))
        elif isinstance(rule, EligibleChoice):
            choices = tuple(choice.value for choice in rule.choices)
        else:
            text = c.text(rule.text)
        found[name] = Requirement(name, minimum, choices, text)
    return tuple(found.values())


_MEASURED_BY = {"probes": Phrase("probes", "sondes"),
                "error_rate": Phrase("error rate", "taux d'erreur"),
                "requests": Phrase("request counts", "décomptes de requêtes")}
"""How `example-needs-outages` names what an availability is measured by."""


def _check_example_inputs(c: Checker, block: ast.Block, method: Method) -> None:
    """An example gives the inputs its method reads: outages (`method outages`, or `or
    outages`), request counts (`method requests`); probes and error rates take none."""
    for example in block.body:
        if not isinstance(example, AvailabilityExampleStmt):
            continue
        if isinstance(method, (ProbeMethod, ErrorRateMethod)) or (
                example.outages and not takes_outages(method)):
            c.report("example-needs-outages", example.span, method=_MEASURED_BY[method.kind])
        elif example.counts and not isinstance(method, RequestsMethod):
            c.report("bad-value", example.counts[0].span, text="requests …",
                     what=phrase("what.example-requests"), hint=phrase("hint.example-requests"))


def _counting(c: Checker, block: ast.Block, method: Method) -> Counting:
    """`downtime counts …`: the runs that count, whole minutes, from the report."""
    runs = c.single(block, DowntimeRuns)
    min_run = None
    if runs is not None:
        min_run = c.positive(runs.run.length, ("fixed",), phrase("expected.fixed"),
                             phrase("what.run"))
    report = c.single(block, FromReport)
    if report is not None and not takes_outages(method):
        c.report("report-needs-outages", report.span)
    return Counting(min_run, runs is not None and not isinstance(runs.run, RunsAtLeast),
                    c.single(block, WholeMinutes) is not None, report is not None)


def _probes(c: Checker, stmt: MethodProbes, name: str) -> ProbeMethod:
    """`method probes { … }`: probes by name (a second one of a name is reported and replaces
    it); only the first slice, share, `combine` and `no data` are read."""
    method = c.names["method"].the()
    probes = _probe_list(c, stmt)
    if not probes:
        c.report("missing-statement", stmt.span, kind=method, name="probes", what="probe",
                 example='probe ui "static asset" every 3 minutes good below 1 second')
    slice_stmt = next((s for s in stmt.body if isinstance(s, Slice)), None)
    slice_ = (_slice(c, slice_stmt.length) if slice_stmt
              else model.Duration(Decimal(60), "minute"))
    if slice_stmt is None:
        c.report("missing-statement", stmt.span, kind=method, name="probes", what="slice",
                 example="slice 1 hour")
    good = next((c.percent(s.share) for s in stmt.body if isinstance(s, SliceGood)), None)
    if good is None:
        c.report("missing-statement", stmt.span, kind=method, name="probes",
                 what="slice good at least", example="slice good at least 50 %")
    combine = _decided(c, next((s.mode for s in stmt.body if isinstance(s, Combine)), None),
                       phrase("undecided.combine", name=name), stmt.span)
    no_data = _decided(c, next((s.mode for s in stmt.body if isinstance(s, NoData)), None),
                       phrase("undecided.no-data", name=name), stmt.span)
    return ProbeMethod(probes, slice_, good or Decimal(50), cast(CombineMode, combine),
                       cast(NoDataMode, no_data))


def _probe_list(c: Checker, stmt: MethodProbes) -> tuple[Probe, ...]:
    probes: dict[str, Probe] = {}
    first: dict[str, int] = {}
    for probe in stmt.body:
        if not isinstance(probe, ProbeStmt):
            continue
        probe_name = probe.name.value
        if probe_name in probes:
            c.report("duplicate-name", probe.name.span, name=probe_name, line=first[probe_name])
        first.setdefault(probe_name, probe.span.line)
        probes[probe_name] = Probe(
            probe_name, c.text(probe.description),
            c.positive(probe.every, ("fixed",), phrase("expected.probe-interval"),
                       phrase("what.probe-interval")),
            c.positive(probe.below, ("fixed",), phrase("expected.latency"),
                       phrase("what.latency")))
    return tuple(probes.values())


def _slice(c: Checker, node: ast.DurationLit) -> model.Duration:
    """The slice of a probe method: whole minutes that divide a day, as the runtime needs."""
    reported = len(c.diagnostics)
    value = c.duration(node, ("fixed",), phrase("expected.slice"))
    if len(c.diagnostics) > reported:   # not a fixed duration: already said
        return value
    minutes = value.seconds() / 60
    if minutes != minutes.to_integral_value() or minutes == 0 or 1440 % int(minutes):
        c.report("bad-duration", node.span, text=written(node), why=phrase("why.slice"))
    return value


def _restatements(c: Checker, block: ast.Block,
                  target: Decimal) -> tuple[Restatement, ...]:
    """`restates …`: each allowance in fixed time, checked against the target when it can be."""
    restatements: list[Restatement] = []
    for stmt in block.body:
        if not isinstance(stmt, Restates):
            continue
        for part in stmt.parts:
            allowance = c.duration(part.allowance, ("fixed",), phrase("expected.fixed"),
                                   fraction_ok=True)
            per = cast(Per, part.per.value)
            restatements.append(Restatement(allowance, per))
            if allowance.dimension == "fixed" and 0 <= target <= 100:   # else already an error
                _check_restatement(c, part, allowance, per, target)
    return tuple(restatements)


def _check_restatement(c: Checker, part: RestatementStmt, allowance: model.Duration, per: Per,
                       target: Decimal) -> None:
    computed = (100 - target) / 100 * PER_SECONDS[per]
    stated = allowance.seconds()
    exponent = stated.as_tuple().exponent
    # Finer than a nanosecond is noise; the floor also keeps quantize() within precision.
    precision = Decimal(1).scaleb(max(exponent, -9) if isinstance(exponent, int) else 0)
    if abs(computed - stated) > precision / 2:
        c.report("restatement-mismatch", part.span, stated=f"{stated} s",
                 per=Phrase(UNITS[per][0], UNITS[per][2]),
                 target=target, computed=f"{computed.quantize(precision)} s")


_EXAMPLE_PERIODS = {"month": ("YYYY-MM", "2024-05"), "quarter": ("YYYY-QN", "2024-Q2"),
                    None: ("YYYY", "2024")}


def _example(c: Checker, stmt: AvailabilityExampleStmt,
             period: MeasurePeriod) -> AvailabilityExample:
    """An example in one of the item's periods: `2024-05` (months), `2024-Q2` (quarters),
    `2024` (years)."""
    written = stmt.period.text if isinstance(stmt.period, ast.Number) else stmt.period.value
    form, example = _EXAMPLE_PERIODS[period.index]
    given: tuple[int, ...] = (2000, 1)[:len(period.parameters)]
    if isinstance(stmt.period, ast.Number) != (period.index is None) or \
            ("-Q" in written) != (period.index == "quarter"):
        c.report("example-period", stmt.period.span, written=written, per=form, example=example)
    elif period.index == "month" and isinstance(stmt.period, ast.Word):
        given = c.month(stmt.period)
    elif period.index == "quarter":
        year, quarter = int(written[:4]), int(written[6:])
        if not 1 <= quarter <= 4:
            c.report("bad-date", stmt.period.span, text=written)
        else:
            given = (c.whole(ast.Number(Decimal(year), str(year), stmt.period.span),
                             phrase("why.years")), quarter)
    elif isinstance(stmt.period, ast.Number):
        given = (c.whole(stmt.period, phrase("why.years"), minimum=LIMITS.first_year,
                         maximum=LIMITS.last_year),)
    outages = tuple(OutageExample(c.instant(o.start, c.zone), c.instant(o.end, c.zone),
                                  c.instant(o.reported, c.zone) if o.reported else None)
                    for o in stmt.outages)
    counts = tuple(CountExample(c.instant(r.at, c.zone),
                                c.whole(r.requests, phrase("why.requests-count")),
                                c.whole(r.failed, phrase("why.requests-count")),
                                r.feature.value if r.feature else None) for r in stmt.counts)
    return AvailabilityExample(given, outages, c.percent(stmt.availability), stmt.span.line,
                               counts)


# --------------------------------------------------------------------------- Python helpers

@dataclass
class _MethodCode:
    """What the report function needs of its method: its docstring's summary and paragraphs,
    and the values its template reads (`args`)."""

    summary: str
    lines: list[str]
    args: dict[str, object] = field(default_factory=dict)


def _report_unit(ctx: Ctx, item: Availability) -> Unit:
    """`X_TARGET`, `X_EXCLUDED_CAUSES`, `_X_PROBES` (probes) and `x_report(year, month, …)`."""
    c = ctx.names.const(item.name)
    report = ctx.names.fn(item.name, "report")
    windows = _maintenance_windows(ctx, item)
    mode = item.exclusion_mode
    causes = sorted(item.excluded_causes)
    code = _method_code(item)
    lines = [*_measure_lines(ctx, item), *code.lines, *_counting_lines(item.counting),
             *_requirement_lines(item), *_caveat_lines(item)]
    column_keywords = list(_COLUMN_KEYWORDS[item.method.kind])
    if item.counting.from_report and isinstance(item.method, OutageMethod):
        column_keywords.append("reports: Sequence[int]")
    counting = _counting_code(item.counting)
    return render_unit(
        "py_availability.j2", report, c=c, item=item, kind=item.method.kind,
        keywords=_keywords(item, windows, code.args),
        mode_what=py_long_str(mode.what, " " * 8) if isinstance(mode, model.Unspecified) else "",
        report=report, target=py_dec(item.target), causes=causes, causes_expr=py_set(causes),
        period_expr=period_code(item.period),
        scope=(f"{ctx.names.const(item.measured_during)}.occurrences(period)"
               if item.measured_during else "[period]"),
        excluded=[f"{ctx.names.const(w)}.occurrences(period)" for w in item.excluded_windows],
        windows=windows, mode_unspecified=isinstance(mode, model.Unspecified),
        mode="exclusion_mode" if isinstance(mode, model.Unspecified) else f'"{mode}"',
        strict=item.strict, args=code.args,
        doc=ctx.doc(item, code.summary, lines),
        counting=counting, from_report=item.counting.from_report,
        requirements=[_requirement_code(r) for r in item.requirements],
        requirement_names=[r.name for r in item.requirements],
        requirements_doc=docstring(f"When `{item.name}` applies at all.", [], indent=""),
        counting_doc=docstring(f"Which downtime counts in `{item.name}`.", [], indent=""),
        columns=ctx.names.fn(item.name, "report_columns"),
        column_keywords=column_keywords,
        columns_doc=ctx.doc(item, _COLUMNS_SUMMARY[item.method.kind].format(
            name=item.name, report=report), [*_COLUMNS_LINES[item.method.kind], *_SPANS_LINES],
            lines),
        target_doc=docstring(f"Target of `{item.name}`, in percent.", [], indent=""),
        causes_doc=docstring(f"Causes whose downtime does not count in `{item.name}`.", [],
                             indent=""))


def period_code(period: MeasurePeriod) -> str:
    """The generated expression of the period the report measures, from its parameters."""
    if period == MeasurePeriod():
        return "_month(year, month)"
    index = period.index or "1"
    zone = f"zone_info({period.zone!r})" if period.zone else "_TZ"
    return (f"_period({period.months}, year, {index}, {zone}, {period.first_month}, "
            f"{period.first_day})")


_COLUMN_KEYWORDS = {
    "outages": ["starts: Sequence[int] = ()", "ends: Sequence[int] = ()",
                "causes: Sequence[str | None] | None = None"],
    "probes": ["probes: Sequence[str]", "instants: Sequence[int]",
               "latencies_ms: Sequence[int | Decimal | None]"],
    "error_rate": ["minutes: Sequence[int]", "rates: Sequence[int | Decimal]",
                   "rate_scale: int = 0"],
    "requests": ["instants: Sequence[int]", "requests: Sequence[int]", "failed: Sequence[int]",
                 "features: Sequence[str | None] | None = None"],
}
"""The columns the batch entry point takes, by method, before the report's own keywords."""

_COLUMNS_SUMMARY = {
    "outages": "Batch form of `{report}`: the outages of `{name}` as columns.",
    "probes": "Batch form of `{report}`: the probe samples of `{name}` as columns.",
    "error_rate": "Batch form of `{report}`: the per-minute error rates of `{name}` as columns.",
    "requests": "Batch form of `{report}`: the request counts of `{name}` as columns.",
}

_COLUMNS_LINES = {
    "outages": [
        "Outage i is [starts[i], ends[i]) in epoch seconds (ints, UTC), due to causes[i] (a "
        "str, or None; `causes` None: no cause given). Outages may be unsorted, repeat and "
        "overlap; each must end at or after its start. Lists, tuples or array.array of ints.",
    ],
    "probes": [
        "Sample i is probe probes[i] at the epoch second instants[i] (an int, UTC), answering "
        "in latencies_ms[i] milliseconds (an int or a Decimal), None when it did not answer. "
        "Samples may be unsorted; identical duplicates count once, conflicting ones raise "
        "SlaInputError. Lists, tuples or array.array of ints for the instants.",
    ],
    "error_rate": [
        "Minute i starts at the epoch minute minutes[i] (an int: minutes since 1970-01-01 00:00 "
        "UTC) and has the error rate rates[i] in units of 10^-rate_scale percent (ints or "
        "Decimals; rate_scale=1: tenths of a percent). Minutes may be unsorted and repeat "
        "with equal rates. Lists, tuples or array.array of ints.",
    ],
    "requests": [
        "Row i counts requests[i] requests at the epoch second instants[i] (an int, UTC), "
        "failed[i] of them failed, for the feature features[i] (a str, or None; `features` "
        "None: the service as a whole). Rows may be unsorted; rows of one slice and feature "
        "add up.",
    ],
}

_SPANS_LINES = [
    "The figures are those of the per-element function given the same rows, and the same "
    "inputs are refused (SlaInputError) or need the same decisions (UnspecifiedError). "
    "spans=False (the default) does not build the spans: the report's measured, downtime, "
    "no_data and slices are empty; spans=True returns the report the per-element function "
    "returns, spans included.",
]


def _maintenance_windows(ctx: Ctx, item: Availability) -> str | None:
    """The windows declared maintenance is clipped to, as a Python tuple; `None` (the code) when
    maintenance is excluded wherever it falls; None when no maintenance is excluded."""
    if not item.maintenance_in:
        return None
    if None in item.maintenance_in:
        return "None"
    names = [ctx.names.const(w) for w in item.maintenance_in if w is not None]
    return "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"


def _measure_lines(ctx: Ctx, item: Availability) -> list[str]:
    """The docstring's paragraphs on the measured time, the target and what is excluded."""
    period = item.period
    measured = (f"the occurrences of window `{item.measured_during}` in the period"
                if item.measured_during else "the whole period")
    comparison = "above" if item.strict else "at least"
    zone = period.zone or ctx.contract.zone
    lines = [f"Measured time: {measured} (local {period.words('en')} in {zone}).",
             f"Target: availability {comparison} {num(item.target)} %."]
    excluded = [f"the occurrences of window `{w}`" for w in item.excluded_windows]
    if item.maintenance_in:
        if None in item.maintenance_in:
            excluded.append("the declared maintenance given in `maintenance`")
        else:
            excluded.append("the declared maintenance given in `maintenance`, clipped to the "
                            "occurrences of " + ", ".join(f"`{w}`" for w in item.maintenance_in))
    if excluded:
        effect = ("is removed from the measured time" if item.exclusion_mode == "removed" else
                  "counts as available" if item.exclusion_mode == "available" else
                  "is treated as `exclusion_mode` says (the contract does not say)")
        lines.append("Excluded: " + "; ".join(excluded) + f". Excluded time {effect}.")
    causes = sorted(item.excluded_causes)
    if causes:
        lines.append("Excluded causes: " + "; ".join(f"« {cause} »" for cause in causes) + ".")
    return lines


def _method_code(item: Availability) -> _MethodCode:
    method = item.method
    if isinstance(method, ProbeMethod):
        return _probes_code(item.name, method, item.period.adjective)
    if isinstance(method, RequestsMethod):
        return _requests_code(item.name, method, item.period.adjective)
    if isinstance(method, ErrorRateMethod):
        return _error_rate_code(item.name, method, item.period.adjective)
    return _MethodCode(f"{item.period.adjective} availability of `{item.name}` from a list of "
                       "outages.",
                       ["Outages whose cause is an excluded cause never count as downtime."])


def _probes_code(name: str, method: ProbeMethod, adjective: str) -> _MethodCode:
    seconds = method.slice.seconds()
    if seconds % 60:
        raise RenderError(f"slice of {duration_text(method.slice)} is not whole minutes")
    code = _MethodCode(
        f"{adjective} availability of `{name}` from probe samples, slice by slice.",
        [f"Probe `{p.name}` ({p.description.en}), every {duration_text(p.every)}: good when it "
         f"answers in less than {duration_text(p.max_latency)}." for p in method.probes],
        {"probes": [(py_str(p.name), py_dec(p.max_latency.seconds())) for p in method.probes],
         "slice_minutes": int(seconds // 60), "good_share": py_dec(method.good_share)})
    code.lines.append(f"A slice of {duration_text(method.slice)} is good when at least "
                      f"{num(method.good_share)} % of its measurements are good.")
    for key, choice in (("combine", method.combine), ("no_data", method.no_data)):
        if isinstance(choice, model.Unspecified):
            code.lines.append(f"The contract does not say {choice.what}: pass `{key}` "
                              "(UnspecifiedError when the situation arises and it is None).")
            code.args[key] = key
        else:
            code.args[key] = f'"{choice}"'
    return code


def _requests_code(name: str, method: RequestsMethod, adjective: str) -> _MethodCode:
    seconds = method.slice.seconds()
    if seconds % 60:
        raise RenderError(f"slice of {duration_text(method.slice)} is not whole minutes")
    comparison = "at least" if method.at_least else "more than"
    rule = (f"Availability is 100 % less the average of the error rates of the slices of "
            f"{duration_text(method.slice)} (each weighted by its measured time); a slice with "
            f"fewer than {method.minimum} request(s) has no error rate of its own."
            if method.averaged else
            f"A slice of {duration_text(method.slice)} with at least {method.minimum} "
            f"request(s) is down when {comparison} {num(method.threshold)} % of its requests "
            "failed; a slice with fewer says nothing of itself.")
    code = _MethodCode(
        f"{adjective} availability of `{name}` from request counts, slice by slice.", [rule],
        {"slice_minutes": int(seconds // 60), "threshold": py_dec(method.threshold),
         "minimum": method.minimum, "at_least": method.at_least,
         "or_outages": method.or_outages, "averaged": method.averaged})
    if method.or_outages:
        code.lines.append("The outages that monitoring reports (`outages`) are downtime too.")
    for key, choice in (("fewer", method.fewer), ("combine", method.combine)):
        if choice is None:
            code.lines.append("Counts given per feature need the `combine` parameter (the "
                              "contract measures the service as a whole).")
            code.args[key] = key
        elif isinstance(choice, model.Unspecified):
            code.lines.append(f"The contract does not say {choice.what}: pass `{key}` "
                              "(UnspecifiedError when the situation arises and it is None).")
            code.args[key] = key
        else:
            code.args[key] = f'"{choice}"'
    return code


def _requirement_code(requirement: Requirement) -> str:
    """The runtime Requirement of an eligibility condition."""
    text = requirement.text.en if requirement.text else _requirement_words(requirement)
    parts = [py_str(requirement.name), py_str(text)]
    if isinstance(requirement.minimum, model.Duration):
        parts.append(f"minimum=timedelta(seconds={int(requirement.minimum.seconds())})")
    elif requirement.minimum is not None:
        parts.append(f"minimum={requirement.minimum}")
    if requirement.choices:
        parts.append("choices=(" + ", ".join(py_str(c) for c in requirement.choices)
                     + ("," if len(requirement.choices) == 1 else "") + ")")
    return wrap_call("Requirement", parts, "    ", ",")


def _requirement_words(requirement: Requirement) -> str:
    """An eligibility condition said in English from its parameter, when the contract gives
    no words for it."""
    if requirement.choices:
        return f"{requirement.name} is one of " + ", ".join(requirement.choices)
    if isinstance(requirement.minimum, model.Duration):
        return f"{requirement.name} is at least {duration_text(requirement.minimum)}"
    return f"{requirement.name} is at least {requirement.minimum}"


def _requirement_lines(item: Availability) -> list[str]:
    """The docstring's paragraph on eligibility."""
    if not item.requirements:
        return []
    said = [f"`{r.name}` ({r.python_type}): "
            + (r.text.en if r.text else _requirement_words(r)) for r in item.requirements]
    return ["The SLA applies only when: " + "; ".join(said) + ". Otherwise the report says "
            "it does not apply (`applies` False, the conditions unmet in `unmet`) and no "
            "credit is due."]


def _counting_lines(counting: Counting) -> list[str]:
    """The docstring's paragraph on which downtime counts."""
    said: list[str] = []
    if counting.min_run is not None:
        comparison = "longer than" if counting.longer_only else "of at least"
        said.append(f"only runs of downtime {comparison} {duration_text(counting.min_run)} "
                    "count")
    if counting.whole_minutes:
        said.append("each run counts in whole minutes (partial minutes are left out)")
    if counting.from_report:
        said.append("an outage counts from the moment it was reported (`reported`)")
    return ["Counted downtime: " + "; ".join(said) + "."] if said else []


def _counting_code(counting: Counting) -> str:
    """The runtime Qualifying of the item, or "" when every downtime counts."""
    if counting.min_run is None and not counting.whole_minutes:
        return ""
    parts = []
    if counting.min_run is not None:
        parts.append(f"min_run=timedelta(seconds={int(counting.min_run.seconds())})")
    if counting.longer_only:
        parts.append("longer_only=True")
    if counting.whole_minutes:
        parts.append("whole_minutes=True")
    return f"Qualifying({', '.join(parts)})"


def _error_rate_code(name: str, method: ErrorRateMethod, adjective: str) -> _MethodCode:
    code = _MethodCode(
        f"{adjective} availability of `{name}` from per-minute error rates.",
        [f"A minute is an interruption when its error rate is above {num(method.threshold)} %."],
        {"threshold": py_dec(method.threshold)})
    if isinstance(method.missing, model.Unspecified):
        code.lines.append(f"The contract does not say {method.missing.what}: pass `missing` "
                          "(UnspecifiedError when a minute has no data and it is None).")
        code.args["missing"] = "missing"
    else:
        code.args["missing"] = f'"{method.missing}"'
    return code


def _caveat_lines(item: Availability) -> list[str]:
    """The docstring's last paragraphs: what the caller must decide, the excluded events, and
    the target as the contract restates it."""
    lines: list[str] = []
    if isinstance(item.exclusion_mode, model.Unspecified):
        lines.append(f"The contract does not say {item.exclusion_mode.what}: pass "
                     "`exclusion_mode` ('removed' or 'available').")
    if item.excluded_causes and not isinstance(item.method, OutageMethod):
        lines.append("`excluded_events`: spans due to an excluded cause, as Outage(start, end, "
                     "cause); they are excluded like maintenance; any other cause is refused.")
    allowances = [f"{seconds_text(r.allowance.seconds())} per {r.per}" for r in item.restatements]
    if allowances:
        lines.append("The contract restates the target as at most " + ", ".join(allowances)
                     + " of unavailability.")
    return lines


def _keywords(item: Availability, windows: str | None,
              args: Mapping[str, object]) -> list[str]:
    """The keyword-only parameters of the report function."""
    outages = isinstance(item.method, OutageMethod)
    keywords = [f"{r.name}: {r.python_type}" for r in item.requirements]
    if item.takes_outages:
        keywords.append("outages: Iterable[Outage] = ()")
    if windows is not None:
        keywords.append("maintenance: Iterable[Interval] = ()")
    if item.excluded_causes and not outages:
        keywords.append("excluded_events: Iterable[Outage] = ()")
    if isinstance(item.exclusion_mode, model.Unspecified):
        keywords.append("exclusion_mode: ExclusionMode | None = None")
    for key, kind in (("combine", "Combine"), ("no_data", "NoData"), ("missing", "Missing"),
                      ("fewer", "NoData")):
        if args.get(key) == key:
            keywords.append(f"{key}: {kind} | None = None")
    return keywords


# --------------------------------------------------------------------------- worked examples

def _percent(value: Decimal) -> Result:
    return Result(value, f"{format(value, 'f')} %")


def _eligible(item: Availability) -> dict[str, object]:
    """Values that meet every eligibility condition: a worked example measures availability,
    which they do not change."""
    values: dict[str, object] = {}
    for requirement in item.requirements:
        minimum = requirement.minimum
        values[requirement.name] = (
            requirement.choices[0] if requirement.choices else
            timedelta(seconds=int(minimum.seconds())) if isinstance(minimum, model.Duration) else
            True if minimum is None else minimum)
    return values


def _worked(item: Availability, ctx: Worked) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: AvailabilityExample = example) -> Result:
            report = ctx.function(ctx.names.fn(item.name, "report"))
            inputs: dict[str, object] = {**_eligible(item)}
            if item.takes_outages:
                outage = ctx.function("Outage")
                inputs["outages"] = [outage(o.start, o.end, reported=o.reported)
                                     for o in example.outages]
            if isinstance(item.method, RequestsMethod):
                count = ctx.function("RequestCount")
                inputs["counts"] = [count(r.at, r.requests, r.failed, r.feature)
                                    for r in example.counts]
            result = report(*example.period, **inputs)
            # The exact rate, rounded once to the decimals the author wrote, halves to even as
            # the report rounds (rounding the report's six decimals again would round twice).
            places = max(0, -cast(int, example.availability.as_tuple().exponent))
            exact: Fraction = result.exact
            digits = round(exact * 10**places)
            return _percent(Decimal(f"{digits}E-{places}"))  # exact, unlike scaleb
        yield example.line, _percent(example.availability), compute


# --------------------------------------------------------------------------- slac eval

def availability_report(ctx: EvalContext, item: Availability) -> Any:
    """The generated module's report of `item` over the period, fed with the records."""
    period = item.period
    asked = ctx.period(period.months)
    func = ctx.function(ctx.names.fn(item.name, "report"))
    settings = ctx.keywords(func)
    missing = [r for r in item.requirements if r.name not in settings]
    start, end = ctx.bounds(period.months, ZoneInfo(period.zone) if period.zone else None,
                            period.first_month, period.first_day)
    report = None if missing else _report_of_rate_columns(ctx, func, asked.values, (start, end),
                                                          settings)
    if report is not None:
        return report
    accepted = inspect.signature(func).parameters
    runtime = ctx.runtime("availability")
    interval = ctx.runtime("intervals").Interval
    feeds: dict[str, list[object]] = {}
    for record in ctx.records:
        feed, built = _availability_record(ctx, item, record, runtime, interval, (start, end))
        if feed not in accepted:
            offered = [n for n in ("outages", "maintenance", "excluded_events", "samples", "rates",
                                   "counts") if n in accepted]
            raise error("input-not-accepted", record.span, feed=feed, item=item.name,
                        accepted=", ".join(offered))
        feeds.setdefault(feed, []).append(built)
    for needed in ("samples", "rates", "counts"):
        if needed in accepted and accepted[needed].default is inspect.Parameter.empty:
            feeds.setdefault(needed, [])
    if missing:
        raise ctx.fail("eval.needs-eligibility", item=item.name, settings=", ".join(
            f"--set {r.name}=…" for r in missing))
    return call(ctx, func, **asked.values, **feeds, **settings)


def _report_of_rate_columns(ctx: EvalContext, func: Any, period: dict[str, int],
                            bounds: tuple[datetime, datetime], settings: dict[str, object]
                            ) -> Any:
    """The report of per-minute error rates given as plain CSV files only (`Table.columns`),
    from the module's batch entry point: no object a minute. None for any other input, and for
    any value or report that the per-record path must refuse, which it then does at its place
    (the answers of both paths are equal: tests/test_batch_availability.py)."""
    batch = getattr(ctx.module, f"{func.__name__}_columns", None)
    if (batch is None or "minutes" not in inspect.signature(batch).parameters or not ctx.tables
            or any(t.columns is None or set(t.columns) != {"minute", "error_rate"}
                   for t in ctx.tables)):
        return None
    tables = [typing.cast(dict[str, list[str | None]], t.columns) for t in ctx.tables]
    minutes = whole_minutes(list(chain.from_iterable(t["minute"] for t in tables)))
    rates = percent_column(list(chain.from_iterable(t["error_rate"] for t in tables)))
    if minutes is None or rates is None:
        return None
    first, after = (math.ceil(b.timestamp() / 60) for b in bounds)
    if minutes and (min(minutes) < first or max(minutes) >= after):
        return None
    errors = ctx.runtime("errors")
    try:
        return batch(**period, minutes=minutes, rates=rates[0], rate_scale=rates[1],
                     spans=True, **settings)
    except (errors.SlaInputError, errors.UnspecifiedError, ValueError, ArithmeticError):
        return None


_COLUMNS = {
    "samples": (("at", "probe", "latency"), Phrase("probe samples", "mesures de sondes")),
    "rates": (("minute", "error_rate"), Phrase("error rates", "taux d'erreur")),
    "outages": (("start", "end", "kind", "cause", "reported"),
                Phrase("outage records", "relevés de pannes")),
    "counts": (("at", "requests", "failed", "feature"),
               Phrase("request counts", "décomptes de requêtes")),
}
"""The columns of each sort of availability record (any other is refused, not ignored)."""


def _only_columns(record: Record, feed: str) -> None:
    """Refuse a column the record's sort does not have (a misspelt `knid` is not ignored)."""
    columns, what = _COLUMNS[feed]
    for name, value in record.values.items():
        if name not in columns:
            raise error("input-unknown-column", value.span, column=name, what=what,
                        columns=", ".join(columns))


def _availability_record(ctx: EvalContext, item: Availability, record: Record,
                         runtime: ModuleType, interval: type,
                         period: tuple[datetime, datetime]) -> tuple[str, object]:
    """Which input a record feeds (by its columns) and the runtime object it becomes."""
    values = record.values

    def instant(name: str) -> datetime:
        return typing.cast(datetime, convert(required_column(record, name), "datetime", ctx.module,
                                             ctx.request.zone))

    def at(name: str) -> datetime:
        """An instant that must lie in the period (a sample, a minute)."""
        moment = instant(name)
        if not period[0] <= moment < period[1]:
            raise error("input-outside-period", values[name].span, value=values[name].text,
                        period=f"{period[0]:%Y-%m-%d} – {period[1]:%Y-%m-%d}")
        return moment

    try:
        if "probe" in values:
            _only_columns(record, "samples")
            latency = values.get("latency")
            delay = None if latency is None or latency.text is None else convert(
                latency, "Decimal", ctx.module, None)
            probe = required_column(record, "probe").text
            probes = [p.name for p in item.method.probes] if isinstance(item.method,
                                                                         ProbeMethod) else []
            if probes and probe not in probes:
                raise error("input-unknown-probe", values["probe"].span, probe=probe,
                            item=item.name, probes=", ".join(probes))
            return "samples", runtime.Sample(at("at"), probe, delay)
        if "requests" in values:
            _only_columns(record, "counts")
            feature = values.get("feature")
            return "counts", ctx.runtime("requests").RequestCount(
                at("at"), convert(required_column(record, "requests"), "int", ctx.module, None),
                convert(required_column(record, "failed"), "int", ctx.module, None),
                feature.text if feature else None)
        if "error_rate" in values:
            _only_columns(record, "rates")
            rate = convert(required_column(record, "error_rate"), "Decimal", ctx.module, None)
            return "rates", runtime.MinuteRate(at("minute"), rate)
        if "start" in values or "end" in values:
            _only_columns(record, "outages")
            start, end = instant("start"), instant("end")
            kind = values.get("kind")
            word = (kind.text or "outage") if kind else "outage"
            feed = {"outage": "outages", "maintenance": "maintenance",
                    "excluded": "excluded_events"}.get(word)
            if feed is None:
                assert kind is not None
                raise error("input-choice", kind.span, value=kind.text,
                            choices="outage, maintenance, excluded")
            cause = values["cause"].text if "cause" in values else None
            if feed == "maintenance":
                return feed, interval(start, end)
            reported = instant("reported") if "reported" in values else None
            return feed, runtime.Outage(start, end, cause, reported)
    except (ValueError, TypeError) as exc:  # SlaInputError is a ValueError
        raise error("input-rejected", record.span, reason=worded(exc)) from None
    raise error("input-columns-unknown", record.span, columns=", ".join(values),
                expected="start, end[, kind, cause, reported] | at, probe, latency | "
                         "minute, error_rate | at, requests, failed[, feature]")


def _report(ctx: EvalContext, item: Availability) -> Evaluation:
    return availability_evaluation(ctx, availability_report(ctx, item), item.force)


def shown_rate(report: Any) -> Decimal:
    """The rate as a report shows it: six decimals, or as many more as it takes (up to 18) for
    the figure shown to fall on the side of the target that the exact rate falls on, rounded
    towards that side (a rate 10 ms short of 99.8 % reads 99.7999996…, not 99.800000)."""
    exact, target = Fraction(report.exact), Fraction(Decimal(report.target))
    shown: Decimal = report.availability
    places = 6
    while places < 18 and (Fraction(shown) >= target if not report.strict
                           else Fraction(shown) > target) != report.met:
        places += 2
        scaled = exact * 10**places
        digits = math.ceil(scaled) if report.met else math.floor(scaled)
        shown = Decimal(digits).scaleb(-places)
    return shown


def availability_evaluation(ctx: EvalContext, report: Any,
                            force: model.Force | None) -> Evaluation:
    """An availability report as data and readable lines; a target missed under a promise that
    is not firm (best efforts, a mere target) is reported as missed, not as a breach."""
    zone = ctx.zone
    comparison = ">" if report.strict else "≥"
    data: Data = {
        "measured_seconds": seconds(report.measured_time),
        "excluded_seconds": seconds(report.excluded_time),
        "downtime_seconds": seconds(report.downtime_time),
        "availability": str(report.availability),
        "unavailability": str(report.unavailability),
        "target": str(report.target), "strict": report.strict, "met": report.met,
        "binding": force is None or force.binding,
        "downtime": [span_of(s, zone) for s in report.downtime],
        "excluded": [span_of(s, zone) for s in report.excluded],
        "no_data": [span_of(s, zone) for s in report.no_data],
    }
    lines = [
        ctx.say("report.measured", time=duration(report.measured_time)),
        ctx.say("report.excluded", time=duration(report.excluded_time)),
        ctx.say("report.downtime", time=duration(report.downtime_time)),
        ctx.say("report.availability", rate=shown_rate(report), comparison=comparison,
                target=report.target,
                verdict=said("report.met" if report.met else "report.breached"
                             if data["binding"] else "report.missed")),
    ]
    if not report.applies:
        data["applies"], data["unmet"] = False, list(report.unmet)
        lines.append(ctx.say("report.not-applying", unmet="; ".join(report.unmet)))
    lines += listing(ctx.say("report.downtime-spans"), data["downtime"])
    lines += listing(ctx.say("report.excluded-spans"), data["excluded"])
    lines += listing(ctx.say("report.no-data-spans"), data["no_data"])
    return Evaluation(data, lines)
