"""`tiers NAME { on … ; from 0 % included to 1 % excluded: none … }`: what a measure gives.

A tier table maps a month's availability or unavailability rate, or the notice given before an
event, to an outcome (nothing, a share of the invoice, days of service, an amount), with an
optional cap, and says how a credit is claimed and paid. The check reports tiers that overlap,
leave part of the measure uncovered, run backwards or mix days of service with money.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Literal, cast

from .. import ast, model
from ..backends.pycode import (
    Ctx,
    Unit,
    const,
    docstring,
    duration_text,
    fn,
    money_text,
    num,
    period_expr,
    py_dec,
    py_long_str,
    py_str,
    render_unit,
    wrap_call,
)
from ..checking import LIMITS, Checker
from ..evaluating import (
    PERIOD_PARAMETERS,
    Data,
    EvalContext,
    Evaluation,
    by_signature,
    call,
    money_phrase,
    plain,
    values_of,
)
from ..messages import KindNames, Phrase, amount_of, phrase
from ..runtime.periods import Period, subtract_period
from ..wording import said
from .availability import (
    Availability,
    MeasurePeriod,
    availability_evaluation,
    availability_report,
    period_code,
)
from .base import Check, Kind, Result, Worked

# --------------------------------------------------------------------------- syntax


@dataclass(frozen=True)
class OnAvailability(ast.Statement):
    """`availability of dispo`, after `on`."""

    rule: ClassVar[str] = "on_availability"
    availability: ast.Name


@dataclass(frozen=True)
class OnUnavailability(ast.Statement):
    """`unavailability of dispo`, after `on`."""

    rule: ClassVar[str] = "on_unavailability"
    availability: ast.Name


@dataclass(frozen=True)
class OnNotice(ast.Statement):
    """`notice before fr "la formation" en "the training"`, after `on`."""

    rule: ClassVar[str] = "on_notice"
    event: ast.TextLit


Target = OnAvailability | OnUnavailability | OnNotice


@dataclass(frozen=True)
class Measure(ast.Statement):
    """`on unavailability of dispo`: what the tiers are read from."""

    rule: ClassVar[str] = "measure"
    written: ClassVar[str] = "on"
    target: Target


@dataclass(frozen=True)
class BoundStmt(ast.Statement):
    """`0.5 % included`, `15 days excluded`: one end of a tier's range."""

    rule: ClassVar[str] = "bound"
    value: ast.Percent | ast.DurationLit
    inclusion: ast.Word      # `included` or `excluded`


@dataclass(frozen=True)
class Lower(ast.Statement):
    """`from 0.5 % included`, the start of a range with both ends."""

    rule: ClassVar[str] = "lower"
    bound: BoundStmt


@dataclass(frozen=True)
class Upper(ast.Statement):
    """`1 % excluded`, the end of a range with both ends."""

    rule: ClassVar[str] = "upper"
    bound: BoundStmt


@dataclass(frozen=True)
class RangeBoth(ast.Statement):
    """`from 0.5 % included to 1 % excluded`."""

    rule: ClassVar[str] = "range_both"
    lower: BoundStmt
    upper: BoundStmt

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        lower, upper = values
        return cls(span, lower.bound, upper.bound)


@dataclass(frozen=True)
class RangeFrom(ast.Statement):
    """`from 2 % excluded`: no upper end."""

    rule: ClassVar[str] = "range_from"
    lower: BoundStmt


@dataclass(frozen=True)
class RangeTo(ast.Statement):
    """`to 8 days excluded`: no lower end."""

    rule: ClassVar[str] = "range_to"
    upper: BoundStmt


@dataclass(frozen=True)
class RangeBelow(ast.Statement):
    """`below 99.9 %`: every value under it, down to the domain's end."""

    rule: ClassVar[str] = "range_below"
    value: ast.Percent | ast.DurationLit


@dataclass(frozen=True)
class RangeAtOrBelow(RangeBelow):
    """`at or below 99 %`."""

    rule: ClassVar[str] = "range_at_or_below"


@dataclass(frozen=True)
class RangeAbove(ast.Statement):
    """`above 0.5 %`: every value over it."""

    rule: ClassVar[str] = "range_above"
    value: ast.Percent | ast.DurationLit


@dataclass(frozen=True)
class RangeAt(ast.Statement):
    """`at 99 %`: that single value (a hole in a table of overlapping rows)."""

    rule: ClassVar[str] = "range_at"
    value: ast.Percent | ast.DurationLit


@dataclass(frozen=True)
class RowsOverlap(ast.Statement):
    """`rows overlap, deepest wins` (or `first wins`): how a value in several rows is read."""

    rule: ClassVar[str] = "rows_overlap"
    winner: ast.Word


Range = RangeBoth | RangeFrom | RangeTo | RangeBelow | RangeAbove | RangeAt


@dataclass(frozen=True)
class InvoiceShare(ast.Statement):
    """`5 % of invoice`, `10 % of subscription`, `100 % of price`: a share of an amount."""

    rule: ClassVar[str] = "share"
    share: ast.Percent
    base: ast.Word


@dataclass(frozen=True)
class ServiceDays(ast.Statement):
    """`3 days of service`."""

    rule: ClassVar[str] = "service_days"
    days: ast.Number


@dataclass(frozen=True)
class MoneyOutcome(ast.Statement):
    """`130 EUR excl. tax`."""

    rule: ClassVar[str] = "money_outcome"
    amount: ast.MoneyLit


OutcomeStmt = InvoiceShare | ServiceDays | MoneyOutcome | ast.Word
"""What a tier gives; the words `none` and `unspecified` arrive as ast.Word."""


@dataclass(frozen=True)
class TierStmt(ast.Statement):
    """`from 1 % excluded to 2 % included: 130 EUR excl. tax` (the outcome may be missing)."""

    rule: ClassVar[str] = "tier"
    range: Range
    outcome: OutcomeStmt | None = None


@dataclass(frozen=True)
class Cap(ast.Statement):
    """`cap 20 % of invoice per month`."""

    rule: ClassVar[str] = "cap"
    outcome: OutcomeStmt
    per_month: ast.Word | None = None


@dataclass(frozen=True)
class ClaimStatement(ast.Statement):
    """`claim …`, either form: a block has one at most."""


@dataclass(frozen=True)
class Claim(ClaimStatement):
    """`claim within 2 months after end of period`."""

    rule: ClassVar[str] = "claim"
    within: ast.DurationLit
    after: ast.Word          # `period`, `incident` or `breach`


@dataclass(frozen=True)
class ClaimUnspecified(ClaimStatement):
    """`claim unspecified`."""

    rule: ClassVar[str] = "claim_unspecified"
    written: ClassVar[str] = "claim"
    value: ast.Word


@dataclass(frozen=True)
class ServiceCredit(ast.Statement):
    """`service credit, never cash`, after `paid as`."""

    rule: ClassVar[str] = "service_credit"
    never_cash: ast.Word | None = None
    at_end: ast.Word | None = None

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        words = {v.value: v for v in values if isinstance(v, ast.Word)}
        return cls(span, words.get("never_cash"), words.get("at_end"))


@dataclass(frozen=True)
class SoleRemedy(ast.Statement):
    """`sole remedy`, `not sole remedy`: whether the credits are all the client may obtain."""

    rule: ClassVar[str] = "sole_remedy"


@dataclass(frozen=True)
class NotSoleRemedy(SoleRemedy):
    rule: ClassVar[str] = "not_sole_remedy"


@dataclass(frozen=True)
class Paid(ast.Statement):
    """`paid as credit note`, `paid as service credit, never cash`, `paid as unspecified`."""

    rule: ClassVar[str] = "paid"
    written: ClassVar[str] = "paid as"
    payment: ServiceCredit | ast.Word    # `credit_note`, `discount`, `deduction`, `unspecified`


@dataclass(frozen=True)
class ExampleValue(ast.Statement):
    """`0.3 %`, `20 days`: the value of an example."""

    rule: ClassVar[str] = "example_value"
    value: ast.Percent | ast.DurationLit


@dataclass(frozen=True)
class TierExampleStmt(ast.Statement):
    """`example 1.5 % gives 130 EUR`."""

    rule: ClassVar[str] = "tier_example"
    value: ExampleValue
    outcome: OutcomeStmt


# --------------------------------------------------------------------------- model

Payment = Literal["credit_note", "discount", "deduction", "service_credit"]

@dataclass(frozen=True)
class Bound:
    value: Decimal | model.Duration
    inclusive: bool


OutcomeKind = Literal["none", "invoice_share", "service_days", "money", "unspecified"]


Base = Literal["invoice", "subscription", "fees", "price"]
"""What a share is of: the period's invoice, its subscription fee, the fees paid for it, a
price."""


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    amount: Decimal | None = None
    currency: str | None = None
    tax: Literal["excl", "incl"] | None = None
    base: Base = "invoice"


@dataclass(frozen=True)
class Tier:
    lower: Bound | None
    upper: Bound | None
    outcome: Outcome
    line: int


@dataclass(frozen=True)
class TierExample:
    value: Decimal | model.Duration
    outcome: Outcome
    line: int


@dataclass(frozen=True)
class Tiers(model.ItemBase):
    measure: Literal["availability", "unavailability", "notice"]
    source: str                        # availability name, or the event notice is given before
    event: model.Text | None           # that event, as the contract words it
    tiers: tuple[Tier, ...]
    gaps: tuple[tuple[Bound | None, Bound | None], ...]
    cap: Outcome | None
    cap_per_month: bool
    claim_within: model.Duration | model.Unspecified | None
    claim_after: Literal["period", "incident", "breach"] | None
    payment: Payment | model.Unspecified | None
    never_cash: bool
    carried_to_end: bool               # service credit used only at the end of the contract
    sole_remedy: bool | None           # None: the contract does not say
    examples: tuple[TierExample, ...]


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- macro range_of(lower, upper, s) -%}
{%- if lower is not none and upper is not none -%}
{{ say(s, "range.both", lower=lower, upper=upper) }}
{%- elif lower is not none -%}
{{ say(s, "range.from", lower=lower) }}
{%- elif upper is not none -%}
{{ say(s, "range.to", upper=upper) }}
{%- else -%}
{{ say(s, "range.any") }}
{%- endif -%}
{%- endmacro -%}

{%- macro outcome_of(o, s, monthly) -%}
{%- if o.kind == "none" -%}
{{ say(s, "outcome.none") }}
{%- elif o.kind == "invoice_share" -%}
{{ say(s, "outcome.invoice-share", share=o.amount, monthly=monthly, base=o.base) }}
{%- elif o.kind == "service_days" -%}
{{ say(s, "outcome.service-days", days=o.amount) }}
{%- elif o.kind == "money" -%}
{{ s.outcome_money(o) }}
{%- else -%}
{{ say(s, "outcome.unspecified") }}
{%- endif -%}
{%- endmacro -%}

{%- macro summary(i, s) -%}
{% set monthly = i.measure != "notice" %}
{% filter p %}
{% set measured = s.contract.item(i.source) %}
{% set months = measured.period.months if measured is not none and measured.period is defined
   else 1 %}
{% if i.measure == "availability" %}
{{ say(s, "by.availability", source=i.source, months=months) }}
{% elif i.measure == "unavailability" %}
{{ say(s, "by.unavailability", source=i.source, months=months) }}
{% else %}
{{ say(s, "by.notice", source=i.source) }}
{% endif %}
{% endfilter %}
{% filter ul %}
{% for tier in i.tiers %}
{% filter li %}{{ say(s, "tier", range=range_of(tier.lower, tier.upper, s)|capfirst,
                      outcome=outcome_of(tier.outcome, s, monthly)) }}{% endfilter %}
{% endfor %}
{% endfilter %}
{% if i.gaps %}
{% filter p %}
{{ say(s, "gaps", count=i.gaps|length) }}
{% endfilter %}
{% filter ul %}
{% for lower, upper in i.gaps %}
{% filter li %}{{ range_of(lower, upper, s) }}{% endfilter %}
{% endfor %}
{% endfilter %}
{% endif %}
{% filter p %}
{% if i.cap is not none and i.cap_per_month %}
{{ say(s, "cap-per-month", cap=outcome_of(i.cap, s, false)) }}
{% elif i.cap is not none %}
{{ say(s, "cap", cap=outcome_of(i.cap, s, monthly)) }}
{% endif %}
{% if i.claim_within is unspecified %}
{{ say(s, "claim.unspecified") }}
{% elif i.claim_within is not none %}
{{ say(s, "claim", within=i.claim_within, after=i.claim_after) }}
{% endif %}
{% if i.payment is unspecified %}
{{ say(s, "paid.unspecified") }}
{% elif i.payment == "credit_note" %}
{{ say(s, "paid.credit-note") }}
{% elif i.payment == "discount" %}
{{ say(s, "paid.discount") }}
{% elif i.payment == "deduction" %}
{{ say(s, "paid.deduction") }}
{% elif i.payment == "service_credit" %}
{{ say(s, "paid.service-credit", never_cash=i.never_cash, at_end=i.carried_to_end) }}
{% endif %}
{% if i.sole_remedy %}
{{ say(s, "sole-remedy") }}
{% elif i.sole_remedy is false %}
{{ say(s, "not-sole-remedy") }}
{% elif i.measure != "notice" %}
{{ say(s, "sole-remedy-unspecified") }}
{% endif %}
{% endfilter %}
{% if i.examples %}
{% filter p %}
{{ say(s, "examples", count=i.examples|length) }}
{% for e in i.examples %}{{ say(s, "example", first=loop.first, value=e.value,
                                outcome=outcome_of(e.outcome, s, monthly)) }}{% endfor %}.
{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

# Words inside an expression (`{{ "…" }}`) are escaped in HTML (an apostrophe becomes `&#39;`),
# words written as text are not: each phrase keeps the form the summaries have always had.
PHRASES = {
    "by.availability": Phrase(
        "By the {{ {3: 'quarter', 12: 'year'}.get(months, 'month') }}'s availability, measured "
        "as stated for “{{ s.label(source)|t }}”:",
        "Selon la disponibilité {{ {3: 'du trimestre', 12: \"de l'année\"}.get(months, "
        "'du mois') }}, mesurée comme indiqué pour « {{ s.label(source)|t }} » :"),
    "by.unavailability": Phrase(
        "By the {{ {3: 'quarter', 12: 'year'}.get(months, 'month') }}'s unavailability rate "
        "(100% minus the availability measured for “{{ s.label(source)|t }}”):",
        "Selon le taux d'indisponibilité {{ {3: 'du trimestre', 12: \"de l'année\"}.get(months, "
        "'du mois') }} (100 % moins la disponibilité mesurée pour « {{ s.label(source)|t }} ») :"),
    "by.notice": Phrase(
        "By the notice given before {{ s.text(i.event)|t }}:",
        "Selon le délai de prévenance donné avant {{ s.text(i.event)|t }} :"),
    "tier": Phrase("{{ range }}: {{ outcome }}", "{{ range }} : {{ outcome }}"),
    "range.both": Phrase(
        "{% if lower.value == upper.value %}exactly {{ s.value(lower.value) }}"
        "{% elif lower.inclusive and upper.inclusive %}"
        "from {{ s.value(lower.value) }} to {{ s.value(upper.value) }}, both included"
        "{% elif not lower.inclusive and not upper.inclusive %}"
        "between {{ s.value(lower.value) }} and {{ s.value(upper.value) }}, both excluded"
        "{% else %}"
        'from {{ s.value(lower.value) }} ({{ "included" if lower.inclusive else "excluded" }}) '
        'to {{ s.value(upper.value) }} ({{ "included" if upper.inclusive else "excluded" }})'
        "{% endif %}",
        "{% if lower.value == upper.value %}exactement {{ s.value(lower.value) }}{% else %}"
        'de {{ s.value(lower.value) }} {{ "inclus" if lower.inclusive else "exclu" }} '
        'à {{ s.value(upper.value) }} {{ "inclus" if upper.inclusive else "exclu" }}'
        "{% endif %}"),
    "range.from": Phrase(
        '{{ s.value(lower.value) ~ " or more" if lower.inclusive '
        'else "more than " ~ s.value(lower.value) }}',
        '{{ "à partir de " ~ s.value(lower.value) ~ " inclus" if lower.inclusive '
        'else "plus de " ~ s.value(lower.value) }}'),
    "range.to": Phrase(
        '{{ "up to " ~ s.value(upper.value) ~ ", included" if upper.inclusive '
        'else "less than " ~ s.value(upper.value) }}',
        '{{ "jusqu\'à " ~ s.value(upper.value) ~ " inclus" if upper.inclusive '
        'else "moins de " ~ s.value(upper.value) }}'),
    "range.any": Phrase("whatever the value", "quelle que soit la valeur"),
    "outcome.none": Phrase("nothing is due", "rien n'est dû"),
    "outcome.invoice-share": Phrase(
        '{{ s.f.percent(share) }} of the {{ "month\'s " if monthly }}'
        '{{ {"invoice": "invoice", "subscription": "subscription fee", "fees": "fees paid", '
        '"price": "price"}[base] }}',
        '{{ s.f.percent(share) }} '
        '{{ {"invoice": "de la facture", "subscription": "du coût de l\'abonnement", '
        '"fees": "des sommes versées", "price": "du prix"}[base] }}'
        "{% if monthly %} du mois{% endif %}"),
    "outcome.service-days": Phrase('{{ s.f.quantity(days, "day") }} of service',
                                   '{{ s.f.quantity(days, "day") }} de service'),
    "outcome.unspecified": Phrase("the contract does not say what is due",
                                  "le contrat ne précise pas ce qui est dû"),
    "gaps": Phrase(
        'The contract does not say what is due in {{ "this range, which the table leaves" '
        'if count == 1 else "these ranges, which the table leaves" }} out:',
        "Le contrat ne précise pas ce qui est dû dans {{ \"l'intervalle suivant, laissé\" "
        'if count == 1 else "les intervalles suivants, laissés" }} hors du barème :'),
    "cap": Phrase("The total is capped at {{ cap }}.", "Le total est plafonné à {{ cap }}."),
    "cap-per-month": Phrase("The total is capped at {{ cap }} a month.",
                            "Le total est plafonné à {{ cap }} par mois."),
    "claim.unspecified": Phrase("The contract does not say by when a claim must be made.",
                                "Le contrat ne précise pas le délai de réclamation."),
    "claim": Phrase(
        "A claim must be made within {{ s.f.duration(within) }} after "
        '{% if after == "period" %}the end of the month measured'
        '{% elif after == "incident" %}the incident'
        '{% elif after == "breach" %}the breach'
        "{% else %}the event{% endif %}.",
        "La demande doit être faite au plus tard {{ s.f.duration(within) }} après "
        '{% if after == "period" %}la fin du mois mesuré'
        '{% elif after == "incident" %}l\'incident'
        '{% elif after == "breach" %}le manquement'
        "{% else %}l'événement{% endif %}."),
    "paid.unspecified": Phrase(
        "The contract does not say in what form what is due is paid.",
        "Le contrat ne précise pas sous quelle forme ce qui est dû est versé."),
    "paid.credit-note": Phrase("What is due is paid as a credit note.",
                               "Ce qui est dû est versé sous forme d'avoir."),
    "paid.discount": Phrase("What is due is granted as a discount.",
                            "Ce qui est dû est accordé sous forme de remise."),
    "paid.deduction": Phrase("What is due is deducted from the next invoice.",
                             "Ce qui est dû est déduit de la facture suivante."),
    "paid.service-credit": Phrase(
        "What is due is granted as service credit{% if never_cash %}, never in cash or as a "
        "credit note{% endif %}{% if at_end %}, and is used only at the end of the contract"
        "{% endif %}.",
        "Ce qui est dû est accordé sous forme de crédit de service"
        "{% if never_cash %}, sans compensation pécuniaire ni avoir{% endif %}"
        "{% if at_end %}, imputable seulement au terme du contrat{% endif %}."),
    "sole-remedy": Phrase(
        "It is the client's sole remedy for the shortfall.",
        "Il constitue l'unique réparation du manquement."),
    "sole-remedy-unspecified": Phrase(
        "The contract does not say whether this is the client's sole remedy.",
        "Le contrat ne dit pas s'il s'agit de l'unique réparation du client."),
    "not-sole-remedy": Phrase(
        "It does not exclude the client's other remedies.",
        "Il n'exclut pas les autres recours du client."),
    "examples": Phrase(
        '{{ "Worked example" if count == 1 else "Worked examples" }} (calculated):',
        '{{ "Exemple" if count == 1 else "Exemples" }} (calculé{{ "" if count == 1 else "s" }}) :'),
    "example": Phrase(
        "{% if not first %}; {% endif %}for {{ s.value(value) }}, {{ outcome }}",
        "{% if not first %} ; {% endif %}pour {{ s.value(value) }}, {{ outcome }}"),
}


# --------------------------------------------------------------------------- the kind

Measured = Literal["availability", "unavailability", "notice"]
ClaimAfter = Literal["period", "incident", "breach"]
Gap = tuple[Bound | None, Bound | None]
CheckedTier = tuple[Tier, TierStmt]
"""A checked tier beside its statement, where its diagnostics point."""


class TiersKind(Kind[Tiers]):
    keyword = "tiers"
    statements = (OnAvailability, OnUnavailability, OnNotice, Measure, BoundStmt, Lower, Upper,
                  RangeBoth, RangeFrom, RangeTo, InvoiceShare, ServiceDays, MoneyOutcome, TierStmt,
                  Cap, Claim, ClaimUnspecified, ServiceCredit, Paid, ExampleValue, TierExampleStmt,
                  SoleRemedy, NotSoleRemedy, RangeBelow, RangeAtOrBelow, RangeAbove, RangeAt,
                  RowsOverlap)
    words: ClassVar[Mapping[str, str]] = {
        "deepest": "deepest", "first_row": "first",
        "included": "included", "excluded": "excluded",
        "no_outcome": "none", "unspecified_outcome": "unspecified", "per_month": "per_month",
        "after_period": "period", "after_incident": "incident", "after_breach": "breach",
        "credit_note": "credit_note", "discount": "discount", "never_cash": "never_cash",
        "deduction": "deduction", "at_end": "at_end", "invoice_base": "invoice",
        "subscription_base": "subscription", "fees_base": "fees", "price_base": "price",
    }
    item_type = Tiers
    names = KindNames("tiers", "le barème", "un barème", "aucun barème nommé",
                      Phrase("Scale", "Barème"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 1
    report_gives = PERIOD_PARAMETERS

    def report(self, item: Tiers, ctx: EvalContext) -> Evaluation | None:
        if item.measure == "notice":
            return by_signature(ctx, item, shown=_numbered,
                                worded_as=lambda result: _result_words(ctx, item, result))
        return _report(ctx, item)

    def eval_sources(self, item: Tiers) -> tuple[str, ...]:
        return (item.source,)

    # ------------------------------------------------------------------ check

    def examples(self, item: Tiers, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Tiers:
        name = block.name.value
        measure, source, event = self._measure(c, block)
        tiers = [_tier(c, stmt, measure, name) for stmt in block.body if isinstance(stmt, TierStmt)]
        if not tiers:
            c.report("missing-statement", block.name.span, kind=self.names.the(), name=name,
                     what="tier", example="from 0 % included to 0.2 % included: none")
        overlap = c.single(block, RowsOverlap)
        if overlap is not None:
            tiers = _resolve(tiers, overlap.winner.value, measure)
        # A reversed tier is reported by _tier(); in coverage it would only add phantom gaps.
        gaps = _check_coverage(c, [t for t in tiers if not _reversed(t[0])], measure)
        unit = _check_outcome_units(c, tiers)
        cap_stmt = c.single(block, Cap)
        cap = _cap(c, cap_stmt, name, unit) if cap_stmt else None
        credit = measure != "notice"   # a credit for a breach: how it is claimed and paid matters
        claim_within, claim_after = _claim(c, block, credit)
        payment, never_cash, at_end = _payment(c, block, credit)
        sole = c.single(block, SoleRemedy)
        if sole is None and credit:
            c.undecided(block.name.span, phrase("undecided.sole-remedy", name=name))
        examples = tuple(
            TierExample(_bound_value(c, stmt.value.value, measure),
                        _outcome(c, stmt.outcome, name), stmt.span.line)
            for stmt in block.body if isinstance(stmt, TierExampleStmt))
        return Tiers(
            measure=measure, source=source, tiers=tuple(t for t, _ in tiers), gaps=gaps,
            cap=cap, cap_per_month=bool(cap_stmt and cap_stmt.per_month is not None),
            claim_within=claim_within, claim_after=claim_after, payment=payment,
            never_cash=never_cash, carried_to_end=at_end,
            sole_remedy=None if sole is None else not isinstance(sole, NotSoleRemedy),
            event=event, examples=examples, **base)

    def _measure(self, c: Checker,
                 block: ast.Block) -> tuple[Measured, str, model.Text | None]:
        """What the tiers are read from, and the availability or the event it belongs to."""
        stmt = c.single(block, Measure)
        if stmt is None:
            c.report("missing-statement", block.name.span, kind=self.names.the(),
                     name=block.name.value, what="on",
                     example="on unavailability of <availability>")
            return "unavailability", "", None
        target = stmt.target
        if isinstance(target, OnNotice):
            event = c.text(target.event)
            return "notice", event.fr, event
        source = c.reference(target.availability, "availability")
        measure: Measured = ("availability" if isinstance(target, OnAvailability)
                             else "unavailability")
        return measure, source, None

    # ------------------------------------------------------------------ Python

    def python_names(self, item: Tiers, name: str) -> list[str]:
        return [const(name), fn(name), *(fn(name, s) for s in ("from_report", "claim_deadline",
                                                               "month_total"))]

    def python(self, ctx: Ctx, item: Tiers) -> list[Unit]:
        units = [_notice_table(ctx, item) if item.measure == "notice" else _rate_table(ctx, item)]
        if item.claim_within is not None:
            units.append(_claim_deadline(ctx, item, item.claim_within))
        if item.cap_per_month and item.cap is not None:
            units.append(_month_total(ctx, item, item.cap))
        return units


# --------------------------------------------------------------------------- check: statements

def _tier(c: Checker, stmt: TierStmt, measure: Measured, name: str) -> CheckedTier:
    """One tier: its range (reported when backwards) and its outcome (reported when missing)."""
    written = stmt.range
    lower = upper = None
    if isinstance(written, (RangeBoth, RangeFrom)):
        lower = _bound(c, written.lower, measure)
    if isinstance(written, (RangeBoth, RangeTo)):
        upper = _bound(c, written.upper, measure)
    if isinstance(written, RangeBelow):
        upper = Bound(_bound_value(c, written.value, measure), isinstance(written, RangeAtOrBelow))
    if isinstance(written, RangeAbove):
        lower = Bound(_bound_value(c, written.value, measure), False)
    if isinstance(written, RangeAt):
        value = _bound_value(c, written.value, measure)
        lower, upper = Bound(value, True), Bound(value, True)
    if stmt.outcome is None:
        c.report("missing-outcome", written.span)
        outcome = Outcome("unspecified")
    else:
        outcome = _outcome(c, stmt.outcome, name)
    tier = Tier(lower, upper, outcome, stmt.span.line)
    if _reversed(tier):
        c.report("tier-order", written.span, range=_range_text(lower, upper))
    return tier, stmt


def _bound(c: Checker, bound: BoundStmt, measure: Measured) -> Bound:
    return Bound(_bound_value(c, bound.value, measure), bound.inclusion.value == "included")


def _bound_value(c: Checker, node: ast.Percent | ast.DurationLit,
                 measure: Measured) -> Decimal | model.Duration:
    """A value of the measure of tiers (bound or example): a notice or a percentage."""
    if measure == "notice":
        if isinstance(node, ast.Percent):
            c.report("unit-mismatch", node.span, found=phrase("found.percentage"),
                     expected=phrase("expected.notice-duration"), hint=phrase("hint.notice-days"))
            return model.Duration(Decimal(0), "day")
        return c.duration(node, ("calendar",), phrase("expected.notice-bound"))
    if not isinstance(node, ast.Percent):
        c.report("unit-mismatch", node.span, found=phrase("found.a-duration"),
                 expected=phrase("expected.rate", measure=phrase(f"measure.{measure}")),
                 hint=phrase("hint.percent"))
        return Decimal(0)
    return c.percent(node)


def _outcome(c: Checker, node: OutcomeStmt, name: str) -> Outcome:
    if isinstance(node, InvoiceShare):
        return Outcome("invoice_share", c.percent(node.share), base=cast(Base, node.base.value))
    if isinstance(node, ServiceDays):
        return Outcome("service_days", c.number(node.days, LIMITS.duration["day"]))
    if isinstance(node, MoneyOutcome):
        money = c.money(node.amount, c.currency)
        return Outcome("money", money.amount, money.currency, money.tax)
    if node.value == "none":
        return Outcome("none")
    c.undecided(node.span, phrase("undecided.tier-outcome", name=name))
    return Outcome("unspecified")


def _cap(c: Checker, stmt: Cap, name: str, unit: str | None) -> Outcome:
    """A cap: an amount in the unit of the tiers (money or days of service)."""
    # Reported at the statement, not at the word `none` or `unspecified`.
    if isinstance(stmt.outcome, ast.Word) and stmt.outcome.value == "unspecified":
        c.report("bad-cap", stmt.span, cap="unspecified", expected=phrase("cap.amount"))
        return Outcome("unspecified")
    cap = _outcome(c, stmt.outcome, name)
    cap_unit = _outcome_unit(cap)
    if cap_unit is None:
        c.report("bad-cap", stmt.span, cap="none", expected=phrase("cap.amount"))
    elif unit is not None and cap_unit != unit:
        c.report("bad-cap", stmt.span, cap=_outcome_text(cap), expected=phrase(f"cap.{unit}"))
    return cap


def _claim(c: Checker, block: ast.Block,
           credit: bool) -> tuple[model.Duration | model.Unspecified | None, ClaimAfter | None]:
    """How long a claim may wait, and after what; undecided when a credit's claim is not said."""
    stmt = c.single(block, ClaimStatement)
    if isinstance(stmt, Claim):   # the last day to claim is a date: counted on the calendar
        within = c.duration(stmt.within, ("calendar",), phrase("expected.claim"))
        return within, cast(ClaimAfter, stmt.after.value)
    if stmt is None and not credit:
        return None, None
    span = stmt.span if stmt is not None else block.name.span
    return c.undecided(span, phrase("undecided.claim", name=block.name.value)), None


def _payment(c: Checker, block: ast.Block,
             credit: bool) -> tuple[Payment | model.Unspecified | None, bool, bool]:
    """How what is due is paid, whether never in cash, and whether only at the contract's end;
    undecided when a credit's is not said."""
    stmt = c.single(block, Paid)
    if stmt is None and not credit:
        return None, False, False
    if stmt is None or isinstance(stmt.payment, ast.Word) and stmt.payment.value == "unspecified":
        span = stmt.span if stmt is not None else block.name.span
        return c.undecided(span, phrase("undecided.paid", name=block.name.value)), False, False
    if isinstance(stmt.payment, ServiceCredit):
        return ("service_credit", stmt.payment.never_cash is not None,
                stmt.payment.at_end is not None)
    return cast(Payment, stmt.payment.value), False, False


# --------------------------------------------------------------------------- check: the table

def _check_outcome_units(c: Checker, tiers: list[CheckedTier]) -> str | None:
    """Tiers give days of service or money, not both: the unit they give (None: nothing)."""
    first: tuple[str, int] | None = None
    for tier, stmt in tiers:
        unit = _outcome_unit(tier.outcome)
        if unit is None:
            continue
        if first is None:
            first = (unit, tier.line)
        elif unit != first[0]:
            c.report("mixed-outcomes", stmt.span, other=first[1],
                     this=phrase(f"gives.{unit}"), that=phrase(f"gives.{first[0]}"))
    return first[0] if first else None


def _check_coverage(c: Checker, tiers: list[CheckedTier], measure: Measured) -> tuple[Gap, ...]:
    """Overlaps are errors; uncovered ranges of the domain are warnings, returned as gaps."""
    if not tiers:
        return ()
    ordered = sorted(tiers, key=lambda t: _lower_key(t[0]))
    for (a, _), (b, stmt) in itertools.pairwise(ordered):
        if _overlaps(a, b):
            c.report("tier-overlap", stmt.span, other=a.line, range=_range_text(b.lower, a.upper))
    gaps: list[Gap] = []
    domain_low = Bound(Decimal(0), True) if measure != "notice" else Bound(
        model.Duration(Decimal(0), "day"), True)
    domain_high = Bound(Decimal(100), True) if measure != "notice" else None
    cursor: Bound | None = domain_low   # the lowest value not yet covered
    for tier, stmt in ordered:
        if cursor is not None and tier.lower is not None \
                and _starts_after(tier.lower, cursor, measure):
            gap: Gap = (cursor, Bound(tier.lower.value, not tier.lower.inclusive))
            gaps.append(gap)
            c.report("tier-gap", stmt.span, range=_range_text(*gap))
        cursor = _later(cursor, _after(tier.upper))   # a row inside an overlapping one covers
        if cursor is None:                           # nothing beyond it
            break
    if cursor is not None and _below(cursor, domain_high):
        gaps.append((cursor, domain_high))
        c.report("tier-gap", ordered[-1][1].span, range=_range_text(cursor, domain_high))
    return tuple(gaps)


def _resolve(rows: list[CheckedTier], winner: str, measure: Measured) -> list[CheckedTier]:
    """Rows that may overlap, as disjoint tiers: each value goes to the row that wins it among
    those that hold it, the first written (`first`) or the narrowest (`deepest`: `below 99 %`
    inside `below 99.9 %`, a single value `at 99 %` inside both), ties to the first written."""
    domain = ((Decimal(0), Decimal(100)) if measure != "notice" else
              (Decimal(0), Decimal("Infinity")))
    points = sorted({_key(b.value) for tier, _ in rows for b in (tier.lower, tier.upper)
                     if b is not None} | set(domain))
    values = {_key(b.value): b.value for tier, _ in rows for b in (tier.lower, tier.upper)
              if b is not None}

    def width(tier: Tier) -> Decimal:
        low = domain[0] if tier.lower is None else _key(tier.lower.value)
        high = domain[1] if tier.upper is None else _key(tier.upper.value)
        return high - low

    def owner(probe: Bound) -> int | None:
        """The row that wins the value `probe` (inclusive: the point; else just above it)."""
        holding = [i for i, (tier, _) in enumerate(rows) if _holds(tier, probe)]
        if not holding:
            return None
        return holding[0] if winner == "first" else min(holding, key=lambda i: width(rows[i][0]))

    # The domain cut at every bound: each point, and the open piece after it.
    pieces: list[tuple[Bound, Bound, int | None]] = []
    for point, following in itertools.pairwise(points):
        value = values.get(point, point)
        after = values.get(following, following)
        pieces.append((Bound(value, True), Bound(value, True), owner(Bound(value, True))))
        pieces.append((Bound(value, False), Bound(after, False), owner(Bound(value, False))))
    last = values.get(points[-1], points[-1])
    pieces.append((Bound(last, True), Bound(last, True), owner(Bound(last, True))))
    resolved: list[CheckedTier] = []
    for low, high, row in pieces:
        if row is None:
            continue
        previous = resolved[-1] if resolved else None
        if previous is not None and previous[0].line == rows[row][0].line and \
                previous[0].upper is not None and _key(previous[0].upper.value) == _key(low.value) \
                and previous[0].upper.inclusive != low.inclusive:
            merged = replace(previous[0], upper=high)
            resolved[-1] = (merged, previous[1])
        else:
            tier, stmt = rows[row]
            resolved.append((replace(tier, lower=low, upper=high), stmt))
    return [(_unbounded(tier, domain), stmt) for tier, stmt in resolved]


def _holds(tier: Tier, probe: Bound) -> bool:
    """Whether `tier` holds the value `probe` (inclusive) or the values just above it."""
    key = _key(probe.value)
    if tier.lower is not None:
        low = _key(tier.lower.value)
        if key < low or (key == low and probe.inclusive and not tier.lower.inclusive):
            return False
    if tier.upper is not None:
        high = _key(tier.upper.value)
        if key > high or (key == high and not (probe.inclusive and tier.upper.inclusive)):
            return False
    return True


def _unbounded(tier: Tier, domain: tuple[Decimal, Decimal]) -> Tier:
    """A resolved tier with its ends at the domain's ends written as none (as the rows were)."""
    lower = None if tier.lower is not None and tier.lower.inclusive and \
        _key(tier.lower.value) == domain[0] else tier.lower
    upper = None if tier.upper is not None and _key(tier.upper.value) == domain[1] else tier.upper
    return replace(tier, lower=lower, upper=upper)


def _later(a: Bound | None, b: Bound | None) -> Bound | None:
    """Of two 'lowest values not yet covered', the higher (None: nothing left uncovered)."""
    if a is None or b is None:
        return None
    ka, kb = _key(a.value), _key(b.value)
    if ka != kb:
        return a if ka > kb else b
    return a if not a.inclusive else b    # at one value, `not inclusive` has covered it


def _below(cursor: Bound, high: Bound | None) -> bool:
    """Whether values from `cursor` up to the domain's `high` end (None: no end) remain."""
    if high is None:
        return True
    kc, kh = _key(cursor.value), _key(high.value)
    return kc < kh or (cursor.inclusive and high.inclusive and kc == kh)


def _key(value: Decimal | model.Duration) -> Decimal:
    """Ordering key of a bound value; months count as 30.44 days only for ordering."""
    if isinstance(value, Decimal):
        return value
    days = {"day": Decimal(1), "week": Decimal(7), "month": Decimal("30.436875"),
            "year": Decimal("365.2425")}
    return value.amount * days.get(value.unit, Decimal(1))


def _reversed(tier: Tier) -> bool:
    """Whether a tier's range is empty or reversed (lower bound above its upper bound)."""
    lower, upper = tier.lower, tier.upper
    return bool(lower and upper and (_key(lower.value) > _key(upper.value) or (
        _key(lower.value) == _key(upper.value) and not (lower.inclusive and upper.inclusive))))


def _lower_key(tier: Tier) -> tuple[Decimal, int]:
    if tier.lower is None:
        return (Decimal("-Infinity"), 0)
    return (_key(tier.lower.value), 0 if tier.lower.inclusive else 1)


def _overlaps(a: Tier, b: Tier) -> bool:
    """b starts (in sorted order) before a ends."""
    if a.upper is None or b.lower is None:
        return True
    ka, kb = _key(a.upper.value), _key(b.lower.value)
    return kb < ka or (kb == ka and a.upper.inclusive and b.lower.inclusive)


def _starts_after(lower: Bound, cursor: Bound, measure: Measured) -> bool:
    """Whether a tier starting at `lower` leaves a gap after the covered prefix ending at cursor."""
    low, high = lower.value, cursor.value
    if measure == "notice" and isinstance(low, model.Duration) \
            and isinstance(high, model.Duration) and low.unit == high.unit == "day":
        # Notice is counted in whole days: 15 days included, then 16 days included leaves no gap.
        first_l = low.amount + (0 if lower.inclusive else 1)
        first_c = high.amount + (0 if cursor.inclusive else 1)
        return first_l > first_c
    kl, kc = _key(low), _key(high)
    return kl > kc or (kl == kc and cursor.inclusive and not lower.inclusive)


def _after(upper: Bound | None) -> Bound | None:
    """The first uncovered point after a tier ending at `upper`."""
    if upper is None:
        return None
    return Bound(upper.value, not upper.inclusive)


def _format_bound_value(value: Decimal | model.Duration) -> Phrase:
    if isinstance(value, Decimal):
        return Phrase(f"{value} %", f"{value} %")
    return amount_of(value.amount, value.unit)


def _range_text(low: Bound | None, high: Bound | None) -> Phrase:
    """`0.2 % < x < 0.21 %`, `15 days ≤ x`: a range of values of a tier's measure."""
    text = Phrase("x", "x")
    if low is not None:
        text = _format_bound_value(low.value) + _sign(f" {'≤' if low.inclusive else '<'} ") + text
    if high is not None:
        text += _sign(f" {'≤' if high.inclusive else '<'} ") + _format_bound_value(high.value)
    return text


def _sign(text: str) -> Phrase:
    return Phrase(text, text)


def _outcome_unit(outcome: Outcome) -> str | None:
    """What an outcome is counted in: "days" of service, "money" (amounts and shares), or None."""
    if outcome.kind == "service_days":
        return "days"
    return "money" if outcome.kind in ("invoice_share", "money") else None


BASE_WORDS: dict[str, str] = {"invoice": "invoice", "subscription": "subscription",
                              "fees": "fees paid", "price": "price"}
"""A share's base as the author writes it."""


def _outcome_text(outcome: Outcome) -> str:
    """An outcome as the author writes it: `20 % of invoice`, `3 days of service`, `100 EUR`."""
    if outcome.kind == "invoice_share":
        return f"{outcome.amount} % of {BASE_WORDS[outcome.base]}"
    if outcome.kind == "service_days":
        return f"{outcome.amount} days of service"
    if outcome.kind == "money":
        tax = {"excl": " excl. tax", "incl": " incl. tax"}.get(outcome.tax or "", "")
        return f"{outcome.amount} {outcome.currency}{tax}"
    return outcome.kind


# --------------------------------------------------------------------------- Python: tables

INDENT = "    "
ROWS_IN_CONSTANT = 2   # `X = TierTable(tiers=(` rows: in the call, in the tuple
ROWS_IN_FUNCTION = 3   # the same table built inside the notice function's body


def outcome_text(o: Outcome) -> str:
    """An outcome in generated docstrings and examples' results: `20 % of invoice`, `none`."""
    if o.kind == "none":
        return "none"
    if o.kind == "unspecified":
        return "unspecified"
    assert o.amount is not None
    if o.kind == "invoice_share":
        return f"{num(o.amount)} % of {BASE_WORDS[o.base]}"
    if o.kind == "service_days":
        return f"{num(o.amount)} days of service"
    return money_text(model.Money(o.amount, o.currency or "", o.tax))


def outcome_expr(o: Outcome) -> str:
    """An outcome as the runtime's `Outcome(...)` in generated code."""
    if o.kind in ("none", "unspecified"):
        return f'Outcome("{o.kind}")'
    assert o.amount is not None
    if o.kind == "money":
        return f'Outcome("money", {py_dec(o.amount)}, {py_str(o.currency or "")})'
    return f'Outcome("{o.kind}", {py_dec(o.amount)})'


def bound_text(bound: Bound) -> str:
    """A bound in generated docstrings: `99.5 % included`, `15 days excluded`."""
    value = bound.value
    shown = duration_text(value) if isinstance(value, model.Duration) else f"{num(value)} %"
    return f"{shown} {'included' if bound.inclusive else 'excluded'}"


def _rate_table(ctx: Ctx, item: Tiers) -> Unit:
    """`X`, `x(value, invoice)` and `x_from_report(report, invoice)`: tiers of a period's rate."""
    c = ctx.names.const(item.name)
    name = ctx.names.fn(item.name)
    measure = "availability" if item.measure == "availability" else "unavailability"
    source = ctx.contract.item(item.source)
    per = source.period.adjective.lower() if isinstance(source, Availability) else "monthly"
    summary = (f"The tier of a {per} {measure} rate (percent) of `{item.source}` "
               f"under `{item.name}`, and what it gives.")
    return render_unit(
        "py_tiers.j2", c, c=c, name=name, tiers=_tier_calls(item, ROWS_IN_CONSTANT),
        cap=_cap_expr(item), doc=ctx.doc(item, summary, *_table_paragraphs(item)),
        const_doc=docstring(f"Tier table of `{item.name}` ({measure} of `{item.source}`).", [],
                            indent=""),
        from_report=ctx.names.fn(item.name, "from_report"), measure=measure,
        report_doc=ctx.doc(item, f"`{name}` applied to the {measure} of an availability report "
                           f"of `{item.source}`."))


def _notice_table(ctx: Ctx, item: Tiers) -> Unit:
    """`x(notice_given_on, event_on, invoice)`: tiers of the days of notice before an event."""
    name = ctx.names.fn(item.name)
    summary = (f"What cancelling costs under `{item.name}`, by the notice given before "
               f"« {item.source} ».")
    doc = ctx.doc(item, summary, "A bound of N days (or months) means the notice was given at "
                  "least that period before the event: `notice_given_on` on or before `event_on` "
                  "minus the period. The result's value is the days of notice.",
                  *_table_paragraphs(item))
    return render_unit("py_tiers_notice.j2", name, name=name,
                       tiers=_tier_calls(item, ROWS_IN_FUNCTION), cap=_cap_expr(item), doc=doc)


def _tier_calls(item: Tiers, depth: int) -> list[str]:
    """`Tier(lower, upper, outcome),  # line N`, one per tier, indented `depth` levels."""
    notice = item.measure == "notice"
    return [wrap_call("Tier", [_bound_expr(t.lower, notice), _bound_expr(t.upper, notice),
                               outcome_expr(t.outcome)], INDENT * depth, ",", f"line {t.line}")
            for t in item.tiers]


def _bound_expr(bound: Bound | None, notice: bool) -> str:
    """A bound in the runtime's terms: a percentage, or a notice in days before `event_on`."""
    if bound is None:
        return "None"
    if notice:
        assert isinstance(bound.value, model.Duration)
        return f"_notice_bound(event_on, {period_expr(bound.value)}, {bound.inclusive})"
    assert isinstance(bound.value, Decimal)
    return f"Bound({py_dec(bound.value)}, {bound.inclusive})"


def _cap_expr(item: Tiers) -> str:
    return outcome_expr(item.cap) if item.cap is not None else "None"


def _table_paragraphs(item: Tiers) -> list[str | list[str]]:
    """The docstring's account of a table: its tiers, cap, uncovered values and payment."""
    paragraphs: list[str | list[str]] = [["Tiers:", *(f"- {_tier_row(t)}" for t in item.tiers)]]
    if item.cap is not None:
        paragraphs.append(f"Cap: {outcome_text(item.cap)}"
                          + (" per month, over all results of the month" if item.cap_per_month
                             else "") + ".")
    if item.gaps:
        gaps = "; ".join(f"{bound_text(a) if a else '-inf'} .. {bound_text(b) if b else '+inf'}"
                         for a, b in item.gaps)
        paragraphs.append(f"Values the contract does not cover ({gaps}) and tiers whose outcome "
                          "is unspecified give outcome kind 'unspecified', never 'nothing owed'.")
    elif any(t.outcome.kind == "unspecified" for t in item.tiers):
        paragraphs.append("Tiers whose outcome is unspecified give outcome kind 'unspecified'.")
    if item.payment is not None:
        paid = (item.payment.what if isinstance(item.payment, model.Unspecified)
                else item.payment.replace("_", " "))
        paragraphs.append(f"Paid as: {paid}" + (", never in cash" if item.never_cash else "")
                          + ".")
    paragraphs.append("With `invoice`, shares of the invoice are turned into money (rounded to "
                      "cents).")
    return paragraphs


def _tier_row(tier: Tier) -> str:
    """`from 1 % excluded to 2 % included: 130 EUR excl. tax (line 37)`."""
    low, high = tier.lower, tier.upper
    if low and high:
        shown = f"from {bound_text(low)} to {bound_text(high)}"
    elif low:
        shown = f"from {bound_text(low)}"
    else:
        shown = f"up to {bound_text(high)}" if high else "any value"
    return f"{shown}: {outcome_text(tier.outcome)} (line {tier.line})"


# --------------------------------------------------------------------------- Python: claims, totals

def _claim_deadline(ctx: Ctx, item: Tiers,
                    claim: model.Duration | model.Unspecified) -> Unit:
    """`x_claim_deadline(...)`: the last day to claim, after a month or an event."""
    name = ctx.names.fn(item.name, "claim_deadline")
    after = item.claim_after or "period"
    summary = (f"Last day to claim under `{item.name}` for the month `year`-`month`."
               if after == "period" else
               f"Last day to claim under `{item.name}` after the {after} on `occurred_on`.")
    if isinstance(claim, model.Unspecified):
        rule = "The contract does not say how long a claim may wait: pass `claim_within`."
        values = {"unspecified": True, "claim_what": py_long_str(claim.what, INDENT * 2),
                  "period": None}
    else:
        rule = (f"Claims are made within {duration_text(claim)} after "
                + ("the last day of the month." if after == "period" else f"the {after}."))
        values = {"unspecified": False, "claim_what": "", "period": period_expr(claim)}
    source = ctx.contract.item(item.source)
    period = source.period if isinstance(source, Availability) else MeasurePeriod()
    if period == MeasurePeriod():
        last_day = "end_of_month(_first_of_month(year, month))"
    else:
        last_day = f"{period_code(period)}.end.date() - timedelta(days=1)"
        summary = summary.replace("the month `year`-`month`", "the period " + ", ".join(
            f"`{p}`" for p in period.parameters))
        rule = rule.replace("the last day of the month", "the last day of the period")
    params = ", ".join(f"{p}: int" for p in period.parameters)
    return render_unit("py_tiers_claim.j2", name, claim=name, after=after, last_day=last_day,
                       period_params=params, doc=ctx.doc(item, summary, rule), **values)


def _month_total(ctx: Ctx, item: Tiers, cap: Outcome) -> Unit:
    """`x_month_total(results, invoice)`: a month's results added up, capped."""
    name = ctx.names.fn(item.name, "month_total")
    return render_unit(
        "py_tiers_total.j2", name, total=name, cap=outcome_expr(cap),
        doc=ctx.doc(item, f"Total of a month's `{ctx.names.fn(item.name)}` results, capped at "
                    f"{outcome_text(cap)}.", "An unspecified result raises UnspecifiedError."))


# --------------------------------------------------------------------------- worked examples

def _outcome_result(outcome: Outcome) -> Result:
    return Result(outcome, outcome_text(outcome))


def _worked(item: Tiers, ctx: Worked) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: TierExample = example) -> Result:
            evaluate = ctx.function(ctx.names.fn(item.name))
            if item.measure == "notice":
                if not isinstance(example.value, model.Duration):
                    raise TypeError("a notice example needs a duration")
                given = _before(ctx.contract.dated, example.value)
                result = evaluate(given, ctx.contract.dated)
            else:
                result = evaluate(example.value)
            if result.capped and item.cap is not None:
                return _outcome_result(item.cap)
            # The evaluator's outcome has no tax mention nor base: they are the tier's, as written.
            written = None if result.tier is None else item.tiers[result.tier].outcome
            found = result.outcome
            return _outcome_result(Outcome(
                found.kind, found.amount, found.currency, written.tax if written else None,
                written.base if written else "invoice"))
        yield example.line, _outcome_result(example.outcome), compute


def _before(event: date, period: model.Duration) -> date:
    """`event` minus a calendar period (notice examples are read against the contract's date)."""
    if period.unit not in ("day", "week", "month", "year"):
        raise ValueError(f"a notice is a calendar period, got {period.unit}")
    return subtract_period(event, Period(int(period.amount), period.unit))


# --------------------------------------------------------------------------- slac eval

def _report(ctx: EvalContext, item: Tiers) -> Evaluation:
    """The tier a measured value (given, or measured by the availability on the records) falls
    in, what it gives, and the last day to claim it. Tiers are numbered from 1, in the order the
    contract writes them, in the text and in the JSON alike."""
    data: Data = {}
    result, lines = _measured(ctx, item, data)
    outcome = result.outcome
    written = None if result.tier is None else item.tiers[result.tier]
    tax = written.outcome.tax if written else None
    data.update({
        "value": str(result.value),
        "tier": None if result.tier is None else result.tier + 1,
        "tier_line": written.line if written else None,
        "outcome": {"kind": outcome.kind, "amount": plain(outcome.amount),
                    "currency": outcome.currency},
        "money": plain(result.money),
        "currency": ctx.contract.currency if result.money is not None else None,
        "days": plain(result.days), "capped": result.capped,
    })
    lines.append(ctx.say("report.value", value=result.value))
    undecided: list[Phrase] = []
    if written is None:
        lines.append(ctx.say("report.no-tier", outcome=_outcome_words(ctx, outcome, "invoice")))
        if outcome.kind == "unspecified":
            undecided.append(said("eval.undecided-gap", value=result.value))
    else:
        assert result.tier is not None
        lines.append(ctx.say("report.tier", number=result.tier + 1, line=written.line,
                             outcome=_outcome_words(ctx, outcome, written.outcome.base, tax)))
        if outcome.kind == "unspecified":
            undecided.append(said("eval.undecided-tier", number=result.tier + 1,
                                  line=written.line))
    if result.money is not None:
        lines.append(ctx.say("report.money", money=ctx.money(result.money, tax)))
    if result.days is not None:
        lines.append(ctx.say("report.days", days=result.days))
    if result.capped:
        lines.append(ctx.say("report.capped"))
    claim = getattr(ctx.module, ctx.names.fn(item.name, "claim_deadline"), None)
    if callable(claim):
        values = values_of(ctx, None)
        parameters = inspect.signature(claim).parameters
        if all(p in values for p in parameters):
            arguments = {p: ctx.convert(values[p], claim, p) for p in parameters}
            deadline = call(ctx, claim, **arguments)
            data["claim_deadline"] = deadline.isoformat()
            lines.append(ctx.say("report.claim", date=deadline.isoformat()))
    return Evaluation(data, lines, undecided)


def _measured(ctx: EvalContext, item: Tiers, data: Data) -> tuple[Any, list[str]]:
    """The tier result of the value given, or of the availability measured on the records (its
    report is put in `data` and its lines returned)."""
    func = ctx.function(ctx.names.fn(item.name))
    invoice = ctx.settings.get("invoice")
    amount = None if invoice is None else ctx.convert(invoice, func, "invoice")
    if "value" in ctx.settings:
        if ctx.request.inputs:
            raise ctx.fail("eval.value-and-records")
        return call(ctx, func, ctx.convert(ctx.settings["value"], func, "value"), amount), []
    source = ctx.contract.item(item.source)
    if not isinstance(source, Availability):
        raise ctx.fail("eval.give-value")
    if ctx.request.period is None:
        raise ctx.fail("eval.give-value-or-records", source=source.name)
    # The records may be none: a month without outages is measured at 100 %.
    report = availability_report(ctx, source)
    evaluation = availability_evaluation(ctx, report, source.force)
    data["report"] = evaluation.data
    from_report = ctx.function(ctx.names.fn(item.name, "from_report"))
    return call(ctx, from_report, report, amount), evaluation.lines


def _result_words(ctx: EvalContext, item: Tiers, result: Any) -> str:
    """A notice tier's result in a line: `tier 2 (line 299): 50 % of the price; amount: €400.00`
    (value, money and days as the report of a measured tier says them)."""
    written = None if result.tier is None else item.tiers[result.tier]
    tax = written.outcome.tax if written else None
    parts = [ctx.say("report.value-of", value=result.value)]
    if written is None:
        parts.append(ctx.say("report.no-tier", outcome=_outcome_words(ctx, result.outcome,
                                                                      "invoice")))
    else:
        parts.append(ctx.say("report.tier", number=result.tier + 1, line=written.line,
                             outcome=_outcome_words(ctx, result.outcome, written.outcome.base,
                                                    tax)))
    if result.money is not None:
        parts.append(ctx.say("report.money", money=ctx.money(result.money, tax)))
    if result.days is not None:
        parts.append(ctx.say("report.days", days=result.days))
    if result.capped:
        parts.append(ctx.say("report.capped"))
    return "; ".join(parts)


def _numbered(result: object) -> Any:
    """A notice tier's result as plain data, its tier numbered from 1 as in every report."""
    data = plain(result)
    if isinstance(data, dict) and isinstance(data.get("tier"), int):
        data["tier"] += 1
    return data


def _outcome_words(ctx: EvalContext, outcome: Any, base: Base, tax: str | None = None) -> Phrase:
    """What a tier gives, in words: `3 % of the invoice`, `10 % of the subscription`, `80,00 €`
    (an amount in the language's number format, with its currency)."""
    key = f"report.gives.{outcome.kind}" + (f".{base}" if outcome.kind == "invoice_share" else "")
    money = (money_phrase(outcome.amount, outcome.currency or ctx.contract.currency, tax)
             if outcome.kind == "money" else "")
    return said(key, amount=outcome.amount, currency=outcome.currency, money=money)
