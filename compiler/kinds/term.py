"""`term NAME { … }`: the contract's duration and its end: initial term, tacit renewal, notice
before the end of a term or growing with tenure, and obligations that survive the contract."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from .. import ast, model
from ..backends.pycode import (
    Ctx,
    Unit,
    const,
    docstring,
    duration_text,
    fn,
    period_expr,
    render_unit,
)
from ..checking import Checker, written
from ..messages import KindNames, Phrase, phrase
from .base import Check, Kind, Result, Worked

# --------------------------------------------------------------------------- syntax


@dataclass(frozen=True)
class PeriodStatement(ast.Statement):
    """A statement that gives one period of the term (in calendar time)."""

    period: ast.DurationLit


@dataclass(frozen=True)
class Initial(PeriodStatement):
    """`initial 12 months from "la signature"` (the start is optional)."""

    rule: ClassVar[str] = "initial"
    start: ast.TextLit | None = None


@dataclass(frozen=True)
class Renewal(PeriodStatement):
    """`renewal tacit 12 months`."""

    rule: ClassVar[str] = "renewal"
    written: ClassVar[str] = "renewal tacit"


@dataclass(frozen=True)
class NoticeBeforeEnd(PeriodStatement):
    """`notice 3 months before end of term by "lettre recommandée"` (the means is optional)."""

    rule: ClassVar[str] = "notice_before_end"
    written: ClassVar[str] = "notice … before end of term"
    by: ast.TextLit | None = None


@dataclass(frozen=True)
class ShortTenure(PeriodStatement):
    """`notice under 1 year ends at end of month of request`."""

    rule: ClassVar[str] = "short_tenure"
    written: ClassVar[str] = "notice under …"


@dataclass(frozen=True)
class TenureNotice(ast.Statement):
    """`notice 1 month plus 1 month per full year from day after month of request`."""

    rule: ClassVar[str] = "tenure_notice"
    written: ClassVar[str] = "notice … plus … per full year"
    base: ast.DurationLit
    per_year: ast.DurationLit


@dataclass(frozen=True)
class EngagementPrevails(ast.Statement):
    """`engagement end prevails`."""

    rule: ClassVar[str] = "engagement_prevails"


@dataclass(frozen=True)
class Survives(PeriodStatement):
    """`survives 5 years after end`, `survives at least 3 years after end`."""

    rule: ClassVar[str] = "survives"
    at_least: ast.Word | None = None

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values[-1], values[0] if len(values) > 1 else None)


@dataclass(frozen=True)
class TermExampleStmt(ast.Statement):
    """`example subscribed 2023-01-15 requested 2024-03-10 ends 2024-05-31`."""

    rule: ClassVar[str] = "term_example"
    subscribed: ast.DateLit
    requested: ast.DateLit
    ends: ast.DateLit


# --------------------------------------------------------------------------- model

@dataclass(frozen=True)
class TermExample:
    subscribed: date
    requested: date
    ends: date
    line: int


@dataclass(frozen=True)
class Term(model.ItemBase):
    initial: model.Duration | None
    initial_from: model.Text | None
    renewal: model.Duration | None
    notice_before_end: model.Duration | None
    notice_by: model.Text | None
    short_tenure: model.Duration | None
    tenure_base: model.Duration | None
    tenure_per_year: model.Duration | None
    engagement_prevails: bool
    survives: model.Duration | None
    survives_at_least: bool            # a minimum: longer while the information stays secret
    examples: tuple[TermExample, ...]


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- macro summary(i, s) -%}
{% filter p %}
{% if i.initial is not none %}
{{ say(s, "initial", period=i.initial, start=i.initial_from) }}
{% endif %}
{% if i.renewal is not none %}
{{ say(s, "renewal", period=i.renewal) }}
{% endif %}
{% if i.notice_before_end is not none %}
{{ say(s, "notice", period=i.notice_before_end, by=i.notice_by) }}
{% endif %}
{% if i.short_tenure is not none %}
{{ say(s, "short-tenure", period=i.short_tenure) }}
{% endif %}
{% if i.tenure_base is not none %}
{{ say(s, "tenure", base=i.tenure_base, per_year=i.tenure_per_year,
       otherwise=i.short_tenure is not none) }}
{% endif %}
{% if i.engagement_prevails %}
{{ say(s, "prevails") }}
{% endif %}
{% if i.survives is not none %}
{{ say(s, "survives", period=i.survives, at_least=i.survives_at_least) }}
{% endif %}
{% endfilter %}
{% if i.examples %}
{% filter p %}
{{ say(s, "examples", count=i.examples|length) }}
{% for e in i.examples %}{{ say(s, "example", e=e, first=loop.first) }}{% endfor %}.
{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

PHRASES = {
    "initial": Phrase(
        "Initial term: {{ s.f.duration(period) }}"
        "{% if start is not none %}, from {{ s.text(start)|t }}{% endif %}.",
        "Durée initiale : {{ s.f.duration(period) }}"
        "{% if start is not none %}, à compter {{ s.de(s.text(start))|t }}{% endif %}."),
    "renewal": Phrase(
        "It renews tacitly for successive periods of {{ s.f.duration(period) }}.",
        "Le contrat se renouvelle par tacite reconduction, par périodes de "
        "{{ s.f.duration(period) }}."),
    "notice": Phrase(
        "To end it, notice of at least {{ s.f.duration(period) }} before the end of the current "
        "term is required{% if by is not none %}, by {{ s.text(by)|t }}{% endif %}.",
        "Pour y mettre fin, un préavis d'au moins {{ s.f.duration(period) }} avant la fin de la "
        "période en cours est nécessaire{% if by is not none %}, par {{ s.text(by)|t }}"
        "{% endif %}."),
    "short-tenure": Phrase(
        "If the subscription is less than {{ s.f.duration(period) }} old, termination takes "
        "effect at the end of the month of the request.",
        "Si l'abonnement a moins de {{ s.f.duration(period) }}, la résiliation prend effet à la "
        "fin du mois de la demande."),
    "tenure": Phrase(
        '{{ "Otherwise, notice" if otherwise else "Notice" }} is {{ s.f.duration(base) }}'
        "{% if per_year is not none %} plus {{ s.f.duration(per_year) }} per full year of "
        "subscription{% endif %}, running from the day after the month of the request (the 1st "
        "of the next month).",
        '{{ "Sinon, le" if otherwise else "Le" }} préavis est de {{ s.f.duration(base) }}'
        "{% if per_year is not none %}, plus {{ s.f.duration(per_year) }} par année complète "
        "d'abonnement{% endif %}, et court à partir du lendemain du mois de la demande (le 1er "
        "du mois suivant)."),
    "prevails": Phrase(
        "The subscription ends on the later of the end of the notice and the end of the "
        "commitment period.",
        "L'abonnement prend fin à la plus tardive des deux dates : fin du préavis ou fin de la "
        "période d'engagement."),
    "survives": Phrase(
        "{% if at_least %}These obligations continue after the end of the contract, for at "
        "least {{ s.f.duration(period) }}."
        "{% else %}These obligations continue for {{ s.f.duration(period) }} after the end of "
        "the contract.{% endif %}",
        "{% if at_least %}Ces obligations se poursuivent après la fin du contrat, pendant au "
        "moins {{ s.f.duration(period) }}."
        "{% else %}Ces obligations se poursuivent pendant {{ s.f.duration(period) }} après la fin "
        "du contrat.{% endif %}"),
    "examples": Phrase(
        '{{ "Worked example" if count == 1 else "Worked examples" }} (calculated):',
        '{{ "Exemple" if count == 1 else "Exemples" }} (calculé{{ "" if count == 1 else "s" }}) :'),
    "example": Phrase(
        "{% if not first %}; {% endif %}subscribed on {{ s.f.long_date(e.subscribed) }}, "
        "termination requested on {{ s.f.long_date(e.requested) }}: ends on "
        "{{ s.f.long_date(e.ends) }}",
        "{% if not first %} ; {% endif %}abonnement souscrit le {{ s.f.long_date(e.subscribed) }} "
        "et résiliation demandée le {{ s.f.long_date(e.requested) }} : fin le "
        "{{ s.f.long_date(e.ends) }}"),
}


# --------------------------------------------------------------------------- the kind

FIXED_SUFFIXES = ("term_end", "renewal_dates", "effective_termination", "last_notice_day")
"""Functions of a fixed term, after its name (`x_term_end`…)."""


class TermKind(Kind[Term]):
    keyword = "term"
    statements = (Initial, Renewal, NoticeBeforeEnd, ShortTenure, TenureNotice,
                  EngagementPrevails, Survives, TermExampleStmt)
    item_type = Term
    names = KindNames("term", "la durée", "une durée", "aucune durée nommée",
                      Phrase("Term and termination", "Durée et fin du contrat"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 5

    # ------------------------------------------------------------------ check

    def examples(self, item: Term, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Term:
        initial = c.single(block, Initial)
        notice = c.single(block, NoticeBeforeEnd)
        tenure = c.single(block, TenureNotice)
        survives = c.single(block, Survives)
        examples = tuple(TermExample(c.date(s.subscribed), c.date(s.requested),
                                     c.date(s.ends), s.span.line)
                         for s in block.body if isinstance(s, TermExampleStmt))
        term = Term(
            initial=_period(c, initial, phrase("what.initial")),
            initial_from=c.text(initial.start) if initial and initial.start else None,
            renewal=_period(c, c.single(block, Renewal), phrase("what.renewal")),
            notice_before_end=_period(c, notice),
            notice_by=c.text(notice.by) if notice and notice.by else None,
            short_tenure=_period(c, c.single(block, ShortTenure)),
            tenure_base=_months(c, tenure.base) if tenure else None,
            tenure_per_year=_months(c, tenure.per_year) if tenure else None,
            engagement_prevails=any(isinstance(s, EngagementPrevails) for s in block.body),
            survives=_period(c, survives), survives_at_least=bool(survives and survives.at_least),
            examples=examples, **base)
        if not any((term.initial, term.tenure_base, term.survives, term.short_tenure)):
            c.report("missing-statement", block.name.span, kind=self.names.the(),
                     name=block.name.value, what="initial / notice / survives",
                     example="initial 12 months")
        if examples and term.tenure_base is None and term.short_tenure is None:
            c.report("example-error", block.name.span, reason=phrase("reason.tenure-examples"))
        return term

    # ------------------------------------------------------------------ Python

    def python_names(self, item: Term, name: str) -> list[str]:
        tenure = [const(name), fn(name, "effective_termination"), fn(name, "notice_months")]
        fixed = _fixed_term(item, name)
        return [*(tenure if _has_tenure(item) else []), fn(name, "survival_end"), const(fixed),
                *(fn(fixed, suffix) for suffix in FIXED_SUFFIXES)]

    def python(self, ctx: Ctx, item: Term) -> list[Unit]:
        name = ctx.names.item(item.name)
        units: list[Unit] = []
        if _has_tenure(item):
            units.append(_tenure_unit(ctx, item, name))
        if item.initial is not None:
            units.append(_fixed_unit(ctx, item, item.initial, _fixed_term(item, name)))
        if item.survives is not None:
            units.append(_survival_unit(ctx, item, item.survives, name))
        return units


# --------------------------------------------------------------------------- check helpers

def _period(c: Checker, stmt: PeriodStatement | None,
            what: Phrase | None = None) -> model.Duration | None:
    """The period of `stmt` (None without one), in calendar time; longer than zero when `what`
    names it."""
    if stmt is None:
        return None
    expected = phrase("expected.term-period")
    return (c.positive(stmt.period, ("calendar",), expected, what) if what else
            c.duration(stmt.period, ("calendar",), expected))


def _months(c: Checker, node: ast.DurationLit) -> model.Duration:
    """A notice that grows with tenure: counted in whole months (so in months or years)."""
    reported = len(c.diagnostics)
    value = c.duration(node, ("calendar",), phrase("expected.tenure-notice"))
    if value.unit in ("day", "week") and len(c.diagnostics) == reported:
        c.report("unit-mismatch", node.span, expected=phrase("expected.tenure-notice"),
                 hint=phrase("hint.months-years"),
                 found=phrase("found.duration", text=written(node), time=phrase("time.calendar")))
    return value


# --------------------------------------------------------------------------- Python helpers

def _has_tenure(item: Term) -> bool:
    return item.tenure_base is not None or item.short_tenure is not None


def _fixed_term(item: Term, name: str) -> str:
    """The name a term's fixed term goes by: `<name>_fixed` beside a tenure-based notice (which
    keeps `X` and `x_effective_termination`), else the term's."""
    return f"{name}_fixed" if _has_tenure(item) else name


def _tenure_rule(item: Term) -> list[str]:
    """The tenure-based notice in words, for the docstrings."""
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
    return rule


def _tenure_unit(ctx: Ctx, item: Term, name: str) -> Unit:
    """`X = TenureNotice(…)`, `x_effective_termination` and `x_notice_months`."""
    c = const(name)
    short = period_expr(item.short_tenure) if item.short_tenure else 'Period(0, "day")'
    base = period_expr(item.tenure_base) if item.tenure_base else 'Period(0, "month")'
    per_year = (period_expr(item.tenure_per_year) if item.tenure_per_year
                else 'Period(0, "month")')
    rule = _tenure_rule(item)
    return render_unit(
        "py_term_tenure.j2", c, c=c, short=short, base=base, per_year=per_year,
        prevails=item.engagement_prevails,
        effective=fn(name, "effective_termination"), months=fn(name, "notice_months"),
        doc_effective=ctx.doc(item, "Last day of service for a termination requested on "
                              "`requested_on` by a client subscribed on `subscribed_on`.", *rule),
        doc_months=ctx.doc(item, "Months of notice for a request on `requested_on` (0 for a "
                           "short tenure).", *rule),
        const_doc=docstring(f"Tenure-based notice of `{item.name}`.", [], indent=""))


def _fixed_rule(item: Term, initial: model.Duration) -> list[str]:
    """The fixed term, its renewal and its notice in words, for the docstrings."""
    rule = [f"Initial term {duration_text(initial)}"
            + (f" from « {item.initial_from.en} »" if item.initial_from else "") + "; "
            + (f"renewed tacitly for {duration_text(item.renewal)} at a time"
               if item.renewal else "not renewed") + "."]
    if item.notice_before_end:
        rule.append(f"Notice: {duration_text(item.notice_before_end)} before the end of the "
                    "term" + (f", by « {item.notice_by.en} »" if item.notice_by else "")
                    + "; a notice given on a day counts as given at its end.")
    rule.append("Terms are described by their last day included.")
    return rule


def _fixed_unit(ctx: Ctx, item: Term, initial: model.Duration, fixed: str) -> Unit:
    """`X = FixedTerm(…)` and its functions, named after `fixed` (see `_fixed_term`)."""
    renewal = period_expr(item.renewal) if item.renewal else "None"
    notice = period_expr(item.notice_before_end) if item.notice_before_end else None
    rule = _fixed_rule(item, initial)
    const_doc = docstring(f"Fixed term of `{item.name}`"
                          + ("" if notice else " (the contract sets no notice: the notice "
                             "here is 0 days and not used)") + ".", [], indent="")
    return render_unit(
        "py_term_fixed.j2", const(fixed), c=const(fixed), initial=period_expr(initial),
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
        const_doc=const_doc)


def _survival_unit(ctx: Ctx, item: Term, survives: model.Duration, name: str) -> Unit:
    """`x_survival_end(end)`: the last day the obligations bind."""
    return render_unit(
        "py_survival.j2", fn(name, "survival_end"), name=fn(name, "survival_end"),
        period=period_expr(survives),
        doc=ctx.doc(item, f"Last day the obligations of `{item.name}` bind: "
                    + ("at least " if item.survives_at_least else "")
                    + f"{duration_text(survives)} after the contract's last day `end`."))


# --------------------------------------------------------------------------- worked examples

def _worked(item: Term, ctx: Worked) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: TermExample = example) -> Result:
            ends = ctx.function(ctx.names.fn(item.name, "effective_termination"))
            result = ends(example.subscribed, example.requested)
            return Result(result, str(result.isoformat()))
        yield example.line, Result(example.ends, example.ends.isoformat()), compute
