"""`termination NAME { on downtime of X ; after 3 periods in a row longer than 43 minutes }`: a
right that arises from a pattern of bad periods.

The periods are those of an availability block (months, quarters, years). A period is bad when
its downtime is longer than a duration (`on downtime of X`) or when its availability rate is
below a threshold (`on availability of X`). Each `after` line is a pattern: one bad period,
`N periods in a row`, or `N of M periods` (N bad periods within M consecutive ones); the right
arises at the first period at which one of them is met (runtime/patterns.py), and may be
exercised `within` a calendar delay after the end of that period.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any, ClassVar, Literal

from .. import ast, model
from ..backends.pycode import (
    Ctx,
    Unit,
    const,
    docstring,
    duration_text,
    fn,
    num,
    period_expr,
    py_dec,
    render_unit,
    seconds_text,
)
from ..checking import Checker
from ..messages import KindNames, Phrase, phrase
from .availability import Availability, MeasurePeriod, period_code
from .base import Check, Kind, Result, Worked

# --------------------------------------------------------------------------- syntax


@dataclass(frozen=True)
class MeasureStmt(ast.Statement):
    """`on downtime of X` or `on availability of X`: a block has one at most."""

    availability: ast.Name


@dataclass(frozen=True)
class OnDowntime(MeasureStmt):
    """`on downtime of degraded`: a period is bad when its downtime is too long."""

    rule: ClassVar[str] = "termination_on_downtime"
    written: ClassVar[str] = "on"


@dataclass(frozen=True)
class OnRate(MeasureStmt):
    """`on availability of vm`: a period is bad when its availability is too low."""

    rule: ClassVar[str] = "termination_on_availability"
    written: ClassVar[str] = "on"


@dataclass(frozen=True)
class Longer(ast.Statement):
    """`longer than 43 minutes 48 seconds`: downtime strictly above a duration."""

    rule: ClassVar[str] = "termination_longer"
    value: ast.DurationLit


@dataclass(frozen=True)
class AtLeast(Longer):
    """`at least 1 hour`: downtime of that duration or more."""

    rule: ClassVar[str] = "termination_at_least"


@dataclass(frozen=True)
class Below(ast.Statement):
    """`below 99.9 %`: an availability strictly under a rate."""

    rule: ClassVar[str] = "termination_below"
    value: ast.Percent


@dataclass(frozen=True)
class AtOrBelow(Below):
    """`at or below 99 %`."""

    rule: ClassVar[str] = "termination_at_or_below"


Threshold = Longer | Below


@dataclass(frozen=True)
class After(ast.Statement):
    """`after 3 of 6 periods below 99 %`, `after 3 periods in a row longer than 43 minutes`."""

    rule: ClassVar[str] = "termination_after"
    count: ast.Number
    window: ast.Number | None
    in_a_row: ast.Word | None
    threshold: Threshold

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        numbers = [v for v in values if isinstance(v, ast.Number)]
        row = next((v for v in values if isinstance(v, ast.Word)), None)
        threshold = values[-1]
        return cls(span, numbers[0], numbers[1] if len(numbers) > 1 else None, row, threshold)


@dataclass(frozen=True)
class Within(ast.Statement):
    """`within 30 days` (or `within unspecified`): how long the right may be exercised, from
    the end of the period that gives it."""

    rule: ClassVar[str] = "termination_within"
    value: ast.DurationLit | ast.Word


@dataclass(frozen=True)
class RightAt(ast.Statement):
    """`right at period 3`, after `gives`."""

    rule: ClassVar[str] = "termination_right_at"
    period: ast.Number


@dataclass(frozen=True)
class ExampleStmt(ast.Statement):
    """`example history 50 minutes, 44 minutes, 45 minutes gives right at period 3` (or
    `gives none`)."""

    rule: ClassVar[str] = "termination_example"
    history: tuple[ast.Percent | ast.DurationLit, ...]
    gives: RightAt | ast.Word

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        *history, gives = values
        return cls(span, tuple(history), gives)


# --------------------------------------------------------------------------- model

Measure = Literal["downtime", "availability"]


@dataclass(frozen=True)
class PatternRule:
    """One `after` line: `count` bad periods within `window` consecutive ones (`count` ==
    `window`: in a row), a period being bad beyond `threshold` (a rate, or a downtime)."""

    count: int
    window: int
    threshold: Decimal | model.Duration
    inclusive: bool                    # `at least`, `at or below`
    line: int

    @property
    def seconds(self) -> Decimal:
        """A downtime threshold in seconds (0 for a rate)."""
        return self.threshold.seconds() if isinstance(self.threshold, model.Duration) \
            else Decimal(0)


@dataclass(frozen=True)
class TerminationExample:
    history: tuple[Decimal | model.Duration, ...]
    at: int | None                     # the period the right arises at, from 1; None: none
    line: int


@dataclass(frozen=True)
class Termination(model.ItemBase):
    measure: Measure
    source: str                        # the availability whose periods are read
    patterns: tuple[PatternRule, ...]
    within: model.Duration | model.Unspecified
    examples: tuple[TerminationExample, ...]


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- macro threshold(r, i, s, each) -%}
{%- if i.measure == "downtime" -%}
{{ say(s, "downtime", r=r, each=each) }}
{%- else -%}
{{ say(s, "rate", r=r, each=each) }}
{%- endif -%}
{%- endmacro -%}

{%- macro summary(i, s) -%}
{% set p = s.contract.item(i.source).period %}
{% set unit = "cycle" if p.months == 1 and p.first_day != 1 else
              ("fiscal_" if p.fiscal else "") ~ {1: "month", 3: "quarter", 12: "year"}[p.months] %}
{% filter p %}
{{ say(s, "who", force=i.force, party=s.party(i.force.party) if i.force else none) }}
{% for r in i.patterns -%}
{{ say(s, "after", first=loop.first, r=r, unit=unit,
       one=say(s, "noun", unit=unit, count=1), many=say(s, "noun", unit=unit, count=2),
       bad=threshold(r, i, s, r.count > 1)) }}
{%- endfor -%}
{% if i.within is unspecified %}.
{{ say(s, "within-unspecified") }}
{% else %}
{{ say(s, "within", within=i.within, unit=unit, one=say(s, "noun", unit=unit, count=1)) }}
{% endif %}
{{ say(s, "periods", kind=p.words(s.lang), source=s.label(i.source),
       many=say(s, "noun", unit=unit, count=2)) }}
{% endfilter %}
{% if i.examples %}
{% filter p %}
{{ say(s, "examples", count=i.examples|length) }}
{% for e in i.examples %}{{ say(s, "example", first=loop.first, e=e, unit=unit,
                                one=say(s, "noun", unit=unit, count=1)) }}{% endfor %}.
{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

_NOUNS_EN = ('{{ {"month": ("month", "months"), "quarter": ("quarter", "quarters"), '
             '"year": ("year", "years"), "fiscal_quarter": ("fiscal quarter", "fiscal quarters"), '
             '"fiscal_year": ("fiscal year", "fiscal years"), '
             '"cycle": ("billing cycle", "billing cycles")}[unit][0 if count == 1 else 1] }}')
_NOUNS_FR = ('{{ {"month": ("mois", "mois"), "quarter": ("trimestre", "trimestres"), '
             '"year": ("année", "années"), '
             '"fiscal_quarter": ("trimestre d’exercice", "trimestres d’exercice"), '
             '"fiscal_year": ("exercice", "exercices"), '
             '"cycle": ("cycle de facturation", "cycles de facturation")}[unit]'
             '[0 if count == 1 else 1] }}')

PHRASES = {
    "who": Phrase(
        "{% if force and force.modality == 'right' %}{{ party|capfirst }} may terminate"
        "{% else %}Termination is possible{% endif %}",
        "{% if force and force.modality == 'right' %}{{ party|capfirst }} peut résilier"
        "{% else %}La résiliation est possible{% endif %}"),
    "noun": Phrase(_NOUNS_EN, _NOUNS_FR),
    "after": Phrase(
        "{% if not first %}, or{% endif %} after "
        "{% if r.count == 1 and r.window == 1 %}one {{ one }}"
        "{% elif r.count == r.window %}{{ r.count }} {{ many }} in a row"
        "{% else %}{{ r.count }} of any {{ r.window }} consecutive {{ many }}{% endif %}"
        " {{ bad }}",
        "{% if not first %}, ou{% endif %} après "
        "{% if r.count == 1 and r.window == 1 %}"
        "{{ 'une' if unit == 'year' else 'un' }} {{ one }}"
        "{% elif r.count == r.window %}{{ r.count }} {{ many }} "
        "{{ 'consécutives' if unit == 'year' else 'consécutifs' }}"
        "{% else %}{{ r.count }} {{ many }} sur {{ r.window }} "
        "{{ 'consécutives' if unit == 'year' else 'consécutifs' }}{% endif %}"
        " {{ bad }}"),
    "downtime": Phrase(
        "{{ 'each ' if each }}with {{ 'at least' if r.inclusive else 'more than' }} "
        "{{ s.f.elapsed(r.seconds) }} of downtime",
        "de {{ 'au moins' if r.inclusive else 'plus de' }} {{ s.f.elapsed(r.seconds) }} "
        "d'indisponibilité{{ ' chacun' if each }}"),
    "rate": Phrase(
        "{{ 'each ' if each }}with an availability "
        "{{ 'of ' ~ s.f.percent(r.threshold) ~ ' or less' if r.inclusive "
        "else 'below ' ~ s.f.percent(r.threshold) }}",
        "de disponibilité {{ 'inférieure ou égale' if r.inclusive else 'inférieure' }} "
        "à {{ s.f.percent(r.threshold) }}{{ ' chacun' if each }}"),
    "within": Phrase(
        ", within {{ s.f.duration(within) }} of the end of the {{ one }} that gives the right.",
        "{% if within.amount == 1 %}, dans un délai de {{ s.f.duration(within) }}"
        "{% else %}, dans les {{ s.f.duration(within) }}{% endif %} suivant la fin "
        "{{ 'de l’' if unit in ('year', 'fiscal_year') else 'du ' }}{{ one }} qui ouvre ce droit."),
    "within-unspecified": Phrase(
        "The contract does not say how long the right lasts.",
        "Le contrat ne précise pas pendant combien de temps ce droit peut être exercé."),
    "periods": Phrase(
        "The {{ many }} are those of “{{ source|t }}” ({{ kind }}).",
        "Les {{ many }} sont ceux de « {{ source|t }} » ({{ kind }})."),
    "examples": Phrase(
        '{{ "Worked example" if count == 1 else "Worked examples" }} (calculated):',
        '{{ "Exemple" if count == 1 else "Exemples" }} (calculé{{ "" if count == 1 else "s" }}) :'),
    "example": Phrase(
        "{% if not first %}; {% endif %}for "
        "{% for v in e.history %}{{ ', ' if not loop.first }}{{ s.value(v) }}{% endfor %}, "
        "{% if e.at is none %}no right arises{% else %}the right arises at {{ one }} "
        "{{ e.at }}{% endif %}",
        "{% if not first %} ; {% endif %}pour "
        "{% for v in e.history %}{{ ', ' if not loop.first }}{{ s.value(v) }}{% endfor %}, "
        "{% if e.at is none %}aucun droit ne naît{% else %}le droit naît "
        "{{ 'à l’' if unit in ('year', 'fiscal_year') else 'au ' }}{{ one }} "
        "{{ e.at }}{% endif %}"),
}


# --------------------------------------------------------------------------- the kind

class TerminationKind(Kind[Termination]):
    keyword = "termination"
    legal_force = "decide"
    statements = (OnDowntime, OnRate, Longer, AtLeast, Below, AtOrBelow, After, Within, RightAt,
                  ExampleStmt)
    words: ClassVar[Mapping[str, str]] = {"in_a_row": "in_a_row", "termination_no_right": "none"}
    item_type = Termination
    names = KindNames("termination", "la résiliation", "une résiliation",
                      "aucune résiliation nommée",
                      Phrase("Termination right", "Droit de résiliation"))
    summary = SUMMARY
    phrases = PHRASES

    def eval_sources(self, item: Termination) -> tuple[str, ...]:
        return (item.source,)

    def examples(self, item: Termination, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    # ------------------------------------------------------------------ check

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Termination:
        name = block.name.value
        on = c.single(block, MeasureStmt)
        afters = [s for s in block.body if isinstance(s, After)]
        if on is None:
            c.report("missing-statement", block.name.span, kind=self.names.the(), name=name,
                     what="on", example="on downtime of <availability>")
            downtime = bool(afters) and isinstance(afters[0].threshold, Longer)
            measure: Measure = "downtime" if downtime else "availability"
            source = ""
        else:
            measure = "downtime" if isinstance(on, OnDowntime) else "availability"
            source = c.reference(on.availability, "availability")
        if not afters:
            c.report("missing-statement", block.name.span, kind=self.names.the(), name=name,
                     what="after", example="after 3 periods in a row below 99.9 %")
        patterns = tuple(_pattern(c, stmt, measure) for stmt in afters)
        within_stmt = c.single(block, Within)
        within: model.Duration | model.Unspecified
        if within_stmt is None or isinstance(within_stmt.value, ast.Word):
            span = within_stmt.span if within_stmt is not None else block.name.span
            within = c.undecided(span, phrase("undecided.termination-within", name=name))
        else:
            within = c.positive(within_stmt.value, ("calendar",),
                                phrase("expected.termination-within"),
                                phrase("what.termination-within"))
        examples = tuple(_example(c, stmt, measure) for stmt in block.body
                         if isinstance(stmt, ExampleStmt))
        return Termination(measure=measure, source=source, patterns=patterns, within=within,
                           examples=examples, **base)

    # ------------------------------------------------------------------ Python

    def python_names(self, item: Termination, name: str) -> list[str]:
        return [f"{const(name)}_PATTERNS", fn(name), fn(name, "from_reports"),
                fn(name, "deadline")]

    def python(self, ctx: Ctx, item: Termination) -> list[Unit]:
        units = [_evaluators(ctx, item)]
        if isinstance(item.within, model.Duration):
            units.append(_deadline(ctx, item, item.within))
        return units


# --------------------------------------------------------------------------- check helpers

def _pattern(c: Checker, stmt: After, measure: Measure) -> PatternRule:
    """One `after` line: its count and window, and its threshold, of the block's measure."""
    count = c.whole(stmt.count, phrase("why.count"), minimum=1)
    window = count if stmt.window is None else c.whole(stmt.window, phrase("why.count"),
                                                       minimum=1)
    row = " in a row" if stmt.in_a_row is not None else ""
    shown = (f'"{stmt.count.text} of {stmt.window.text} periods{row}"' if stmt.window is not None
             else f'"{stmt.count.text} periods"')
    if stmt.window is not None and count > window >= 1:
        span = ast.Span(stmt.span.file, stmt.count.span.line, stmt.count.span.column,
                        stmt.window.span.end_line, stmt.window.span.end_column)
        c.report("bad-value", span, text=shown, what=phrase("what.period-pattern"),
                 hint=phrase("hint.count-window", count=count, window=window))
        window = count
    elif stmt.window is not None and stmt.in_a_row is not None and count != window:
        c.report("bad-value", stmt.in_a_row.span, text=shown,
                 what=phrase("what.period-pattern"),
                 hint=phrase("hint.row-window", count=count, window=window))
    elif stmt.window is None and stmt.in_a_row is None and count > 1:
        c.report("bad-value", stmt.count.span, text=shown, what=phrase("what.period-pattern"),
                 hint=phrase("hint.in-a-row", count=count))
    threshold, inclusive = _threshold(c, stmt.threshold, measure)
    return PatternRule(count, window, threshold, inclusive, stmt.span.line)


def _threshold(c: Checker, stmt: Threshold,
               measure: Measure) -> tuple[Decimal | model.Duration, bool]:
    """The value beyond which a period is bad, and whether that value itself is."""
    if isinstance(stmt, Longer):
        return _value(c, stmt.value, measure), isinstance(stmt, AtLeast)
    return _value(c, stmt.value, measure), isinstance(stmt, AtOrBelow)


def _value(c: Checker, node: ast.Percent | ast.DurationLit,
           measure: Measure) -> Decimal | model.Duration:
    """A rate (on availability) or a downtime (on downtime); the other is reported."""
    if measure == "downtime":
        if isinstance(node, ast.Percent):
            c.report("unit-mismatch", node.span, found=phrase("found.percentage"),
                     expected=phrase("expected.downtime"), hint=phrase("hint.downtime-pattern"))
            return model.Duration(Decimal(0), "second")
        return c.duration(node, ("fixed",), phrase("expected.downtime"))
    if not isinstance(node, ast.Percent):
        c.report("unit-mismatch", node.span, found=phrase("found.a-duration"),
                 expected=phrase("expected.rate", measure=phrase("measure.availability")),
                 hint=phrase("hint.rate-pattern"))
        return Decimal(0)
    return c.percent(node)


def _example(c: Checker, stmt: ExampleStmt, measure: Measure) -> TerminationExample:
    history = tuple(_value(c, value, measure) for value in stmt.history)
    at: int | None = None
    if isinstance(stmt.gives, RightAt):
        at = c.whole(stmt.gives.period, phrase("why.count"), minimum=1)
        if at > len(history):
            c.report("bad-value", stmt.gives.period.span, text=stmt.gives.period.text,
                     what=phrase("what.example-period"),
                     hint=phrase("hint.example-period", count=len(history)))
    return TerminationExample(history, at, stmt.span.line)


# --------------------------------------------------------------------------- Python

INDENT = "    "


def _pattern_expr(rule: PatternRule) -> str:
    """`Pattern(3, 6, Decimal(99))`, `DowntimePattern(1, 1, timedelta(seconds=25920))`."""
    flag = ", inclusive=True" if rule.inclusive else ""
    if isinstance(rule.threshold, model.Duration):
        return (f"DowntimePattern({rule.count}, {rule.window}, "
                f"{_timedelta_expr(rule.threshold)}{flag})")
    return f"Pattern({rule.count}, {rule.window}, {py_dec(rule.threshold)}{flag})"


def _timedelta_expr(duration: model.Duration) -> str:
    seconds = duration.seconds()
    if seconds == seconds.to_integral_value():
        return f"timedelta(seconds={int(seconds)})"
    return f'timedelta(seconds={num(seconds)})'


def pattern_text(rule: PatternRule) -> str:
    """An `after` line in the docstrings: `3 periods in a row with downtime > 43 min 48 s`."""
    if rule.count == rule.window:
        periods = "1 period" if rule.count == 1 else f"{rule.count} periods in a row"
    else:
        periods = f"{rule.count} of {rule.window} consecutive periods"
    if isinstance(rule.threshold, model.Duration):
        sign = ">=" if rule.inclusive else ">"
        return f"{periods} with downtime {sign} {seconds_text(rule.threshold.seconds())}"
    sign = "<=" if rule.inclusive else "<"
    return f"{periods} with availability {sign} {num(rule.threshold)} %"


def _period_of(ctx: Ctx, item: Termination) -> MeasurePeriod:
    source = ctx.contract.item(item.source)
    return source.period if isinstance(source, Availability) else MeasurePeriod()


def _evaluators(ctx: Ctx, item: Termination) -> Unit:
    """`X_PATTERNS`, `x(history)` and `x_from_reports(reports)`."""
    c = f"{ctx.names.const(item.name)}_PATTERNS"
    name = ctx.names.fn(item.name)
    from_reports = ctx.names.fn(item.name, "from_reports")
    downtime = item.measure == "downtime"
    period = _period_of(ctx, item)
    periods = period.words("en") + "s"
    rows = [f"{INDENT}# line {rule.line}: {pattern_text(rule)}\n{INDENT}{_pattern_expr(rule)},"
            for rule in item.patterns]
    measured = (f"the downtime of each period of `{item.source}` (timedeltas)" if downtime
                else f"the availability of each period of `{item.source}` (percent: Decimals, "
                "or the Fractions of AvailabilityReport.exact)")
    rules = ["Patterns (the first met gives the right; at the same period, the first listed):",
             *(f"- {pattern_text(rule)} (line {rule.line})" for rule in item.patterns)]
    result = ("Returns the first match: the pattern met (`pattern_index`, from 0), the bad "
              "periods that meet it (`periods`) and the period the right arises at (`at`), as "
              "indexes into the history; None when no pattern is met.")
    within = (f"The right may be exercised within {duration_text(item.within)} after the end of "
              "that period." if isinstance(item.within, model.Duration) else
              "The contract does not say how long the right may be exercised.")
    doc = ctx.doc(item, f"When the right `{item.name}` arises, from {measured}, oldest first.",
                  f"Periods are the {periods} of `{item.source}`, with no gap: pass a period "
                  "without measurement as the value the contract gives it.", rules, result,
                  within)
    reports_doc = ctx.doc(
        item, f"`{name}` applied to availability reports of `{item.source}`, oldest first.",
        "The reports must be of consecutive periods (each starts where the previous one ends); "
        "else SlaInputError. Their " + ("downtime (`downtime_time`)" if downtime else
                                        "exact availability (`exact`)") + " is read.",
        result)
    return render_unit(
        "py_termination.j2", c, c=c, name=name, from_reports=from_reports, rows=rows,
        history="Sequence[timedelta]" if downtime else "Sequence[Decimal] | Sequence[Fraction]",
        measure="downtime" if downtime else "rate", doc=doc, reports_doc=reports_doc,
        const_doc=docstring(f"Patterns of `{item.name}` ({item.measure} of `{item.source}`).",
                            [], indent=""))


def _deadline(ctx: Ctx, item: Termination, within: model.Duration) -> Unit:
    """`x_deadline(year, month)`: the last day the right may be exercised."""
    name = ctx.names.fn(item.name, "deadline")
    period = _period_of(ctx, item)
    if period == MeasurePeriod():
        last_day = "end_of_month(_first_of_month(year, month))"
        of = "the month `year`-`month`"
    else:
        last_day = f"{period_code(period)}.end.date() - timedelta(days=1)"
        of = "the period " + ", ".join(f"`{p}`" for p in period.parameters)
    doc = ctx.doc(item, f"Last day to exercise `{item.name}` when the right arises at {of}.",
                  f"The right may be exercised within {duration_text(within)} after the last "
                  "day of that period.")
    params = ", ".join(f"{p}: int" for p in period.parameters)
    return render_unit("py_termination_deadline.j2", name, name=name, params=params,
                       last_day=last_day, period=period_expr(within), doc=doc)


# --------------------------------------------------------------------------- worked examples

def _result(at: int | None) -> Result:
    return Result(at, "none" if at is None else f"right at period {at}")


def _worked(item: Termination, ctx: Worked) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: TerminationExample = example) -> Result:
            evaluate = ctx.function(ctx.names.fn(item.name))
            history = [timedelta(seconds=float(v.seconds())) if isinstance(v, model.Duration)
                       else v for v in example.history]
            found = evaluate(history)
            return _result(None if found is None else found.at + 1)
        yield example.line, _result(example.at), compute
