"""`credit NAME { on downtime of … ; 5 % of invoice per full 1 hour beyond allowance }`: credits
computed by a formula, not looked up in a table.

A formula gives so much for each full step of an availability's downtime beyond an allowance (a
share of the invoice, an amount of money, days of service), or a multiple of the fees pro rata of
the downtime; the allowance is the downtime the availability's target allows (`beyond
allowance`), a fixed duration, or nothing. An optional cap may be in another unit (days of paid
service on a share of the invoice). The generated code calls `runtime/formulas.py`. How a credit
is claimed and paid is said with the tiers' statements (`claim within …`, `paid as …`, `sole
remedy`), which this kind reuses as they are.
"""

from __future__ import annotations

import inspect
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
    money_text,
    num,
    period_expr,
    py_dec,
    py_long_str,
    py_str,
    render_unit,
    timedelta_expr,
)
from ..checking import LIMITS, Checker, written
from ..evaluating import (
    PERIOD_PARAMETERS,
    Data,
    EvalContext,
    Evaluation,
    by_signature,
    call,
    plain,
    values_of,
)
from ..messages import KindNames, Phrase, phrase
from .availability import (
    Availability,
    MeasurePeriod,
    PeriodStmt,
    _period,
    availability_evaluation,
    availability_report,
    period_code,
)
from .base import Check, Kind, Result, Worked
from .tiers import (
    PHRASES as TIERS_PHRASES,
)
from .tiers import (
    ClaimAfter,
    InvoiceShare,
    MoneyOutcome,
    NotSoleRemedy,
    Outcome,
    OutcomeStmt,
    Payment,
    ServiceDays,
    SoleRemedy,
    _claim,
    _payment,
    outcome_text,
)

# --------------------------------------------------------------------------- syntax


@dataclass(frozen=True)
class CreditOn(ast.Statement):
    """`on downtime of kms`: the availability whose downtime is credited."""

    rule: ClassVar[str] = "credit_on"
    written: ClassVar[str] = "on downtime of"
    availability: ast.Name


@dataclass(frozen=True)
class BeyondFixed(ast.Statement):
    """`beyond 4 hours`, after a formula: a fixed allowance."""

    rule: ClassVar[str] = "credit_beyond_fixed"
    allowance: ast.DurationLit


Beyond = BeyondFixed | ast.Word     # the word `allowance`: the downtime the target allows


@dataclass(frozen=True)
class FormulaStmt(ast.Statement):
    """A formula, any form: a block has exactly one."""

    written: ClassVar[str] = "formula (… per full …, … times fees for downtime)"


@dataclass(frozen=True)
class ShareFormula(FormulaStmt):
    """`5 % of invoice per full 1 hour beyond allowance`."""

    rule: ClassVar[str] = "credit_share"
    rate: ast.Percent
    step: ast.DurationLit
    beyond: Beyond | None = None


@dataclass(frozen=True)
class MoneyFormula(FormulaStmt):
    """`10 EUR per full 1 hour`."""

    rule: ClassVar[str] = "credit_money"
    rate: ast.MoneyLit
    step: ast.DurationLit
    beyond: Beyond | None = None


@dataclass(frozen=True)
class DaysFormula(FormulaStmt):
    """`1 days of service per full 4 hours beyond 1 hour`."""

    rule: ClassVar[str] = "credit_days"
    rate: ast.Number
    step: ast.DurationLit
    beyond: Beyond | None = None


@dataclass(frozen=True)
class FeesFormula(FormulaStmt):
    """`10 times fees for downtime`: a multiple of the fees, pro rata of the downtime."""

    rule: ClassVar[str] = "credit_fees"
    multiple: ast.Number
    beyond: Beyond | None = None


@dataclass(frozen=True)
class CapStatement(ast.Statement):
    """`cap …`, either form: a block has one at most."""

    written: ClassVar[str] = "cap"


@dataclass(frozen=True)
class CreditCap(CapStatement):
    """`cap 30 % of invoice`, `cap 100 EUR`, `cap 10 days of service`."""

    rule: ClassVar[str] = "credit_cap"
    outcome: OutcomeStmt


@dataclass(frozen=True)
class CreditCapPaidDays(CapStatement):
    """`cap 30 days of paid service`: the invoice × 30 / the days the invoice covers."""

    rule: ClassVar[str] = "credit_cap_paid_days"
    days: ast.Number


@dataclass(frozen=True)
class OnlyMissed(ast.Statement):
    """`only if target missed`: no credit in a period whose availability meets its target."""

    rule: ClassVar[str] = "credit_only_missed"


@dataclass(frozen=True)
class CreditInvoice(ast.Statement):
    """`invoice 720 USD`, in an example."""

    rule: ClassVar[str] = "credit_invoice"
    amount: ast.MoneyLit


@dataclass(frozen=True)
class CreditExampleStmt(ast.Statement):
    """`example downtime 6 hours in 2024-06 [invoice 500 USD] gives 10 % of invoice [capped]`."""

    rule: ClassVar[str] = "credit_example"
    downtime: ast.DurationLit
    period: ast.Word | ast.Number        # `2024-06`, `2024-Q2`, `2024`
    invoice: CreditInvoice | None
    outcome: OutcomeStmt
    capped: ast.Word | None = None

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        downtime, period, *rest = values
        invoice = rest.pop(0) if isinstance(rest[0], CreditInvoice) else None
        capped = rest[1] if len(rest) > 1 else None
        return cls(span, downtime, period, invoice, rest[0], capped)


# --------------------------------------------------------------------------- model

FormulaKind = Literal["invoice_share", "money", "service_days", "fees_multiple"]
CapKind = Literal["invoice_share", "money", "service_days", "paid_days"]


@dataclass(frozen=True)
class Formula:
    kind: FormulaKind
    amount: Decimal                      # the rate per step, or the multiple of the fees
    step: model.Duration | None          # None for pro-rated fees
    currency: str | None = None
    tax: Literal["excl", "incl"] | None = None
    beyond: Literal["none", "allowance", "fixed"] = "none"
    allowance: model.Duration | None = None

    @property
    def money(self) -> model.Money:
        """The rate as an amount of money (a money formula's)."""
        return model.Money(self.amount, self.currency or "", self.tax)


@dataclass(frozen=True)
class CreditCapValue:
    kind: CapKind
    amount: Decimal
    currency: str | None = None
    tax: Literal["excl", "incl"] | None = None

    @property
    def money(self) -> model.Money:
        """The cap as an amount of money (a money cap's)."""
        return model.Money(self.amount, self.currency or "", self.tax)


@dataclass(frozen=True)
class CreditExample:
    downtime: model.Duration
    period: tuple[int, ...]              # (year, month), (year, quarter) or (year,)
    invoice: model.Money | None
    outcome: Outcome
    capped: bool
    line: int


@dataclass(frozen=True)
class Credit(model.ItemBase):
    source: str                          # the availability
    period: MeasurePeriod                # its period
    formula: Formula
    cap: CreditCapValue | None
    claim_within: model.Duration | model.Unspecified | None
    claim_after: ClaimAfter | None
    payment: Payment | model.Unspecified | None
    never_cash: bool
    carried_to_end: bool
    sole_remedy: bool | None
    examples: tuple[CreditExample, ...]
    only_missed: bool = False            # nothing in a period whose target is met


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- macro formula_of(f, s) -%}
{%- if f.kind == "invoice_share" -%}
{{ say(s, "formula.invoice-share", rate=f.amount, step=f.step) }}
{%- elif f.kind == "money" -%}
{{ say(s, "formula.money", money=s.f.money(f.money), step=f.step) }}
{%- elif f.kind == "service_days" -%}
{{ say(s, "formula.service-days", days=f.amount, step=f.step) }}
{%- else -%}
{{ say(s, "formula.fees", multiple=f.amount) }}
{%- endif -%}
{%- if f.beyond == "allowance" %} {{ say(s, "beyond.allowance") }}
{%- elif f.beyond == "fixed" %} {{ say(s, "beyond.fixed", allowance=f.allowance) }}
{%- endif -%}
{%- endmacro -%}

{%- macro cap_of(c, s) -%}
{%- if c.kind == "invoice_share" -%}
{{ say(s, "cap.invoice-share", share=c.amount) }}
{%- elif c.kind == "money" -%}
{{ say(s, "cap.money", money=s.f.money(c.money)) }}
{%- elif c.kind == "service_days" -%}
{{ say(s, "cap.service-days", days=c.amount) }}
{%- else -%}
{{ say(s, "cap.paid-days", days=c.amount) }}
{%- endif -%}
{%- endmacro -%}

{%- macro outcome_of(o, s) -%}
{%- if o.kind == "invoice_share" -%}
{{ say(s, "outcome.invoice-share", share=o.amount) }}
{%- elif o.kind == "service_days" -%}
{{ say(s, "outcome.service-days", days=o.amount) }}
{%- elif o.kind == "money" -%}
{{ s.outcome_money(o) }}
{%- else -%}
{{ say(s, "outcome.none") }}
{%- endif -%}
{%- endmacro -%}

{%- macro summary(i, s) -%}
{% filter p %}
{{ say(s, "on", source=i.source) }}
{{ say(s, "credit", formula=formula_of(i.formula, s)|capfirst,
       cap=cap_of(i.cap, s) if i.cap is not none else "") }}
{% if i.only_missed %}
{{ say(s, "only-missed") }}
{% endif %}
{% endfilter %}
{% filter p %}
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
{% else %}
{{ say(s, "sole-remedy-unspecified") }}
{% endif %}
{% endfilter %}
{% if i.examples %}
{% filter p %}
{{ say(s, "examples", count=i.examples|length) }}
{% for e in i.examples %}{{ say(s, "example", first=loop.first, downtime=e.downtime,
    period=s.f.period(i.period.months, i.period.fiscal, i.period.first_day, e.period),
    invoice=s.f.money(e.invoice) if e.invoice is not none else "",
    outcome=outcome_of(e.outcome, s), capped=e.capped) }}{% endfor %}.
{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

# `step` in words: `hour` for one hour, `period of 2 hours` otherwise ("heure entière",
# "période entière de 2 heures"); a day is masculine in French (`jour entier`).
_STEP_EN = ('{{ s.f.duration(step).split(s.f.space, 1)[1] if step.amount == 1 '
            'else "period of " ~ s.f.duration(step) }}')
_STEP_FR = ('{% if step.amount == 1 %}{{ s.f.duration(step).split(s.f.space, 1)[1] }} '
            '{{ "entier" if step.unit == "day" else "entière" }}'
            '{% else %}période entière de {{ s.f.duration(step) }}{% endif %}')

PHRASES = {
    "on": Phrase(
        "By the downtime measured for “{{ s.label(source)|t }}”:",
        "Selon l'indisponibilité mesurée pour « {{ s.label(source)|t }} » :"),
    "credit": Phrase("{{ formula }}{{ cap }}.", "{{ formula }}{{ cap }}."),
    "only-missed": Phrase("Nothing is due in a period whose availability meets its target.",
                          "Rien n'est dû pour une période dont la disponibilité atteint "
                          "l'objectif."),
    "formula.invoice-share": Phrase(
        "{{ s.f.percent(rate) }} of the invoice for each full " + _STEP_EN + " of downtime",
        "{{ s.f.percent(rate) }} de la facture par " + _STEP_FR + " d'indisponibilité"),
    "formula.money": Phrase(
        "{{ money }} for each full " + _STEP_EN + " of downtime",
        "{{ money }} par " + _STEP_FR + " d'indisponibilité"),
    "formula.service-days": Phrase(
        '{{ s.f.quantity(days, "day") }} of service for each full ' + _STEP_EN
        + " of downtime",
        '{{ s.f.quantity(days, "day") }} de service par ' + _STEP_FR + " d'indisponibilité"),
    "formula.fees": Phrase(
        "{{ s.f.number(multiple) }} times the fees paid for the time of downtime",
        "{{ s.f.number(multiple) }} fois les sommes versées pour la durée d'indisponibilité"),
    "beyond.allowance": Phrase("beyond the downtime the target allows",
                               "au-delà de celle que l'objectif admet"),
    "beyond.fixed": Phrase("beyond the first {{ s.f.duration(allowance) }}",
                           "au-delà d'une franchise de {{ s.f.duration(allowance) }}"),
    "cap.invoice-share": Phrase(", at most {{ s.f.percent(share) }} of the invoice",
                                ", au plus {{ s.f.percent(share) }} de la facture"),
    "cap.money": Phrase(", at most {{ money }}", ", au plus {{ money }}"),
    "cap.service-days": Phrase(', at most {{ s.f.quantity(days, "day") }} of service',
                               ', au plus {{ s.f.quantity(days, "day") }} de service'),
    "cap.paid-days": Phrase(
        ', at most the price of {{ s.f.quantity(days, "day") }} of paid service (the invoice '
        "divided by the days it covers)",
        ', au plus le prix de {{ s.f.quantity(days, "day") }} de service payé (la facture '
        "divisée par le nombre de jours qu'elle couvre)"),
    "outcome.invoice-share": Phrase("{{ s.f.percent(share) }} of the invoice",
                                    "{{ s.f.percent(share) }} de la facture"),
    "outcome.service-days": TIERS_PHRASES["outcome.service-days"],
    "outcome.none": TIERS_PHRASES["outcome.none"],
    "examples": TIERS_PHRASES["examples"],
    "example": Phrase(
        "{% if not first %}; {% endif %}for {{ s.f.duration(downtime) }} of downtime in "
        "{{ period }}{% if invoice %} on an invoice of {{ invoice }}{% endif %}, {{ outcome }}"
        "{% if capped %} (capped){% endif %}",
        "{% if not first %} ; {% endif %}pour {{ s.f.duration(downtime) }} d'indisponibilité "
        "en {{ period }}{% if invoice %} sur une facture de {{ invoice }}{% endif %}, "
        "{{ outcome }}{% if capped %} (plafonné){% endif %}"),
    **{key: TIERS_PHRASES[key] for key in (
        "claim", "claim.unspecified", "paid.unspecified", "paid.credit-note", "paid.discount",
        "paid.deduction", "paid.service-credit", "sole-remedy", "not-sole-remedy",
        "sole-remedy-unspecified")},
}


# --------------------------------------------------------------------------- the kind

_STEP = Phrase("a step of downtime", "un pas d'indisponibilité")
_ALLOWANCE = Phrase("an allowance of downtime", "une franchise d'indisponibilité")
_EXACT = Phrase("an exact length of time (seconds, minutes, hours, days, weeks)",
                "une durée exacte (secondes, minutes, heures, jours, semaines)")
_EXACT_HINT = Phrase("a month or a year has no fixed length: write it in days or hours",
                     "un mois ou une année n'a pas de longueur fixe : écrivez-la en jours ou en "
                     "heures")
_EXAMPLE_PERIODS = {"month": ("YYYY-MM", "2024-05"), "quarter": ("YYYY-QN", "2024-Q2"),
                    None: ("YYYY", "2024")}


class CreditKind(Kind[Credit]):
    keyword = "credit"
    statements = (OnlyMissed, CreditOn, BeyondFixed, ShareFormula, MoneyFormula, DaysFormula,
                  FeesFormula, CreditCap, CreditCapPaidDays, CreditInvoice, CreditExampleStmt)
    words: ClassVar[Mapping[str, str]] = {"credit_beyond_allowance": "allowance",
                                          "credit_capped": "capped"}
    item_type = Credit
    names = KindNames("credit", "le crédit", "un crédit", "aucun crédit nommé",
                      Phrase("Credit formula", "Formule de crédit"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 1
    report_gives = PERIOD_PARAMETERS

    def report(self, item: Credit, ctx: EvalContext) -> Evaluation | None:
        if ctx.request.inputs or "downtime" not in ctx.settings:
            return _report(ctx, item)
        return by_signature(ctx, item)

    def eval_sources(self, item: Credit) -> tuple[str, ...]:
        return (item.source,)

    def examples(self, item: Credit, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    # ------------------------------------------------------------------ check

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Credit:
        name = block.name.value
        on = c.single(block, CreditOn)
        source, period = "", MeasurePeriod()
        if on is None:
            self._missing(c, block, "on downtime of", "on downtime of <availability>")
        else:
            source = c.reference(on.availability, "availability")
            period = _period_of(c, source)
        stmt = c.single(block, FormulaStmt)
        if stmt is None:
            self._missing(c, block, "formula", "5 % of invoice per full 1 hour beyond allowance")
            formula = Formula("invoice_share", Decimal(0), model.Duration(Decimal(1), "hour"))
        else:
            formula = _formula(c, stmt)
        cap_stmt = c.single(block, CapStatement)
        cap = _cap(c, cap_stmt, formula) if cap_stmt is not None else None
        claim_within, claim_after = _claim(c, block, True)
        payment, never_cash, at_end = _payment(c, block, True)
        sole = c.single(block, SoleRemedy)
        if sole is None:
            c.undecided(block.name.span, phrase("undecided.sole-remedy", name=name))
        examples = tuple(_example(c, s, period, formula, cap) for s in block.body
                         if isinstance(s, CreditExampleStmt))
        return Credit(source=source, period=period, formula=formula, cap=cap,
                      claim_within=claim_within, claim_after=claim_after, payment=payment,
                      never_cash=never_cash, carried_to_end=at_end,
                      sole_remedy=None if sole is None else not isinstance(sole, NotSoleRemedy),
                      examples=examples,
                      only_missed=c.single(block, OnlyMissed) is not None, **base)

    def _missing(self, c: Checker, block: ast.Block, what: str, example: str) -> None:
        c.report("missing-statement", block.name.span, kind=self.names.the(),
                 name=block.name.value, what=what, example=example)

    # ------------------------------------------------------------------ Python

    def python_names(self, item: Credit, name: str) -> list[str]:
        return [const(name), f"{const(name)}_CAP", fn(name),
                *(fn(name, s) for s in ("from_report", "claim_deadline"))]

    def python(self, ctx: Ctx, item: Credit) -> list[Unit]:
        units = [_credit_unit(ctx, item)]
        if item.claim_within is not None:
            units.append(_claim_deadline(ctx, item, item.claim_within))
        return units


# --------------------------------------------------------------------------- check helpers

def _period_of(c: Checker, source: str) -> MeasurePeriod:
    """The period of the availability `source`, read from its block (its own check reports
    what is wrong with it: nothing is reported here)."""
    block = c.blocks.get(source)
    if block is None or block.kind != "availability":
        return MeasurePeriod()
    stmt = next((s for s in block.body if isinstance(s, PeriodStmt)), None)
    if stmt is None:
        return MeasurePeriod()
    reported = len(c.diagnostics)
    period = _period(c, stmt)
    del c.diagnostics[reported:]
    return period


def _exact(c: Checker, node: ast.DurationLit, what: Phrase, *,
           positive: bool) -> model.Duration:
    """A step or an allowance: an exact length of time (a month has none), longer than zero
    for a step."""
    reported = len(c.diagnostics)
    value = (c.positive(node, ("fixed", "calendar"), _EXACT, what) if positive
             else c.duration(node, ("fixed", "calendar"), _EXACT))
    if len(c.diagnostics) == reported and value.unit in ("month", "year"):
        c.report("bad-value", node.span, text=written(node), what=_EXACT, hint=_EXACT_HINT)
        return model.Duration(Decimal(1), "hour")
    if len(c.diagnostics) != reported:
        return model.Duration(Decimal(1), "hour")
    return value


def _formula(c: Checker, stmt: FormulaStmt) -> Formula:
    beyond: Literal["none", "allowance", "fixed"] = "none"
    allowance = None
    written_beyond = getattr(stmt, "beyond", None)
    if isinstance(written_beyond, BeyondFixed):
        beyond = "fixed"
        allowance = _exact(c, written_beyond.allowance, _ALLOWANCE, positive=False)
    elif written_beyond is not None:
        beyond = "allowance"
    if isinstance(stmt, FeesFormula):
        return Formula("fees_multiple", c.number(stmt.multiple), None, beyond=beyond,
                       allowance=allowance)
    assert isinstance(stmt, (ShareFormula, MoneyFormula, DaysFormula))
    step = _exact(c, stmt.step, _STEP, positive=True)
    if isinstance(stmt, ShareFormula):
        return Formula("invoice_share", c.percent(stmt.rate), step, beyond=beyond,
                       allowance=allowance)
    if isinstance(stmt, MoneyFormula):
        money = c.money(stmt.rate, c.currency)
        return Formula("money", money.amount, step, money.currency, money.tax, beyond, allowance)
    return Formula("service_days", c.number(stmt.rate, LIMITS.duration["day"]), step,
                   beyond=beyond, allowance=allowance)


_CAP_FOR_DAYS = Phrase("in days of service, as the credit is",
                       "en jours de service, comme le crédit")
_CAP_FOR_MONEY = Phrase("in money, a share of the invoice or days of paid service, as the "
                        "credit is money",
                        "en argent, en part de facture ou en jours de service payé, car le "
                        "crédit est de l'argent")


def _cap(c: Checker, stmt: CapStatement, formula: Formula) -> CreditCapValue | None:
    """The cap, in a unit the credit can be compared with (reported otherwise)."""
    cap: CreditCapValue | None = None
    if isinstance(stmt, CreditCapPaidDays):
        cap = CreditCapValue("paid_days", c.number(stmt.days, LIMITS.duration["day"]))
    else:
        assert isinstance(stmt, CreditCap)
        node = stmt.outcome
        if isinstance(node, InvoiceShare):
            if node.base.value != "invoice":
                c.report("bad-cap", stmt.span, cap=f"{node.share.value} % of {node.base.value}",
                         expected=Phrase("a share of the invoice", "une part de la facture"))
                return None
            cap = CreditCapValue("invoice_share", c.percent(node.share))
        elif isinstance(node, ServiceDays):
            cap = CreditCapValue("service_days", c.number(node.days, LIMITS.duration["day"]))
        elif isinstance(node, MoneyOutcome):
            money = c.money(node.amount, c.currency)
            cap = CreditCapValue("money", money.amount, money.currency, money.tax)
        else:
            c.report("bad-cap", stmt.span, cap=node.value, expected=phrase("cap.amount"))
            return None
    days = formula.kind == "service_days"
    if days != (cap.kind == "service_days"):
        c.report("bad-cap", stmt.span, cap=_cap_text(cap),
                 expected=_CAP_FOR_DAYS if days else _CAP_FOR_MONEY)
        return None
    return cap


def _cap_text(cap: CreditCapValue) -> str:
    """A cap as the author writes it: `30 % of invoice`, `30 days of paid service`."""
    if cap.kind == "invoice_share":
        return f"{num(cap.amount)} % of invoice"
    if cap.kind == "money":
        return money_text(model.Money(cap.amount, cap.currency or "", cap.tax))
    return f"{num(cap.amount)} days of {'paid ' if cap.kind == 'paid_days' else ''}service"


def _needs_invoice(formula: Formula, cap: CreditCapValue | None, outcome: Outcome) -> bool:
    """Whether an example can only be computed with the invoice: pro-rated fees, a share of
    the invoice shown as money, or a cap that turns into money only through the invoice."""
    if formula.kind == "fees_multiple":
        return True
    if formula.kind == "invoice_share":
        return outcome.kind == "money" or (cap is not None and cap.kind != "invoice_share")
    if formula.kind == "money":
        return cap is not None and cap.kind in ("invoice_share", "paid_days")
    return False


def _example(c: Checker, stmt: CreditExampleStmt, period: MeasurePeriod, formula: Formula,
             cap: CreditCapValue | None) -> CreditExample:
    """An example in one of the availability's periods: `2024-05` (months), `2024-Q2`
    (quarters), `2024` (years)."""
    node = stmt.period
    text = node.text if isinstance(node, ast.Number) else node.value
    form, example = _EXAMPLE_PERIODS[period.index]
    given: tuple[int, ...] = (2000, 1)[:len(period.parameters)]
    if isinstance(node, ast.Number) != (period.index is None) or \
            ("-Q" in text) != (period.index == "quarter"):
        c.report("example-period", node.span, written=text, per=form, example=example)
    elif period.index == "month" and isinstance(node, ast.Word):
        given = c.month(node)
    elif period.index == "quarter":
        year, quarter = int(text[:4]), int(text[6:])
        if not 1 <= quarter <= 4:
            c.report("bad-date", node.span, text=text)
        else:
            given = (c.whole(ast.Number(Decimal(year), str(year), node.span),
                             phrase("why.years")), quarter)
    elif isinstance(node, ast.Number):
        given = (c.whole(node, phrase("why.years"), minimum=LIMITS.first_year,
                         maximum=LIMITS.last_year),)
    downtime = c.duration(stmt.downtime, ("fixed", "calendar"), _EXACT)
    if downtime.unit in ("month", "year"):
        c.report("bad-value", stmt.downtime.span, text=written(stmt.downtime), what=_EXACT,
                 hint=_EXACT_HINT)
        downtime = model.Duration(Decimal(0), "hour")
    invoice = c.money(stmt.invoice.amount, c.currency) if stmt.invoice is not None else None
    outcome = _example_outcome(c, stmt.outcome, formula)
    if invoice is None and _needs_invoice(formula, cap, outcome):
        c.report("missing-statement", stmt.span, kind=Phrase("example", "l'exemple"),
                 name=f"line {stmt.span.line}", what="invoice",
                 example="example downtime 2 hours in 2024-06 invoice 720 USD gives 20 USD")
    return CreditExample(downtime, given, invoice, outcome, stmt.capped is not None,
                         stmt.span.line)


def _example_outcome(c: Checker, node: OutcomeStmt, formula: Formula) -> Outcome:
    """What an example gives, in a unit the credit gives (reported otherwise)."""
    days = formula.kind == "service_days"
    if isinstance(node, InvoiceShare) and node.base.value == "invoice" and not days:
        return Outcome("invoice_share", c.percent(node.share))
    if isinstance(node, ServiceDays) and days:
        return Outcome("service_days", c.number(node.days, LIMITS.duration["day"]))
    if isinstance(node, MoneyOutcome) and not days:
        money = c.money(node.amount, c.currency)
        return Outcome("money", money.amount, money.currency)
    if isinstance(node, ast.Word) and node.value == "none":
        return Outcome("none")
    c.report("bad-value", node.span, text=_outcome_written(node),
             what=Phrase("what this credit gives", "ce que donne ce crédit"),
             hint=Phrase("write e.g. 3 days of service" if days else
                         "write e.g. 10 % of invoice or 50 EUR",
                         "écrivez par ex. « 3 days of service »" if days else
                         "écrivez par ex. « 10 % of invoice » ou « 50 EUR »"))
    return Outcome("none")


def _outcome_written(node: OutcomeStmt) -> str:
    if isinstance(node, InvoiceShare):
        return f"{node.share.value} % of {node.base.value}"
    if isinstance(node, ServiceDays):
        return f"{node.days.text} days of service"
    if isinstance(node, MoneyOutcome):
        return f"{node.amount.amount} {node.amount.currency}"
    return node.value


# --------------------------------------------------------------------------- Python

INDENT = "    "


def formula_expr(formula: Formula) -> str:
    """The formula as the runtime's `PerUnitCredit(...)` or `ProratedFees(...)`."""
    if formula.kind == "fees_multiple":
        return f"ProratedFees({py_dec(formula.amount)})"
    assert formula.step is not None
    currency = f", {py_str(formula.currency or '')}" if formula.kind == "money" else ""
    return (f"PerUnitCredit({timedelta_expr(formula.step)}, {py_dec(formula.amount)}, "
            f'"{formula.kind}"{currency})')


def cap_expr(cap: CreditCapValue) -> str:
    currency = f", {py_str(cap.currency or '')}" if cap.kind == "money" else ""
    return f'Cap("{cap.kind}", {py_dec(cap.amount)}{currency})'


def formula_text(formula: Formula) -> str:
    """The formula as the author writes it, in docstrings."""
    if formula.kind == "fees_multiple":
        shown = f"{num(formula.amount)} times the fees paid for the downtime (pro rata)"
    else:
        assert formula.step is not None
        rate = {"invoice_share": f"{num(formula.amount)} % of the invoice",
                "service_days": f"{num(formula.amount)} days of service"}.get(
            formula.kind, money_text(model.Money(formula.amount, formula.currency or "",
                                                 formula.tax)))
        shown = f"{rate} per full {duration_text(formula.step)} of downtime"
    if formula.beyond == "allowance":
        shown += " beyond the downtime the availability target allows"
    elif formula.allowance is not None:
        shown += f" beyond {duration_text(formula.allowance)}"
    return shown


def _credit_unit(ctx: Ctx, item: Credit) -> Unit:
    """`X`, `X_CAP`, `x(downtime, year, month, *, invoice)` and `x_from_report(report, *,
    invoice)`."""
    c = ctx.names.const(item.name)
    name = ctx.names.fn(item.name)
    source = ctx.contract.item(item.source)
    availability = source if isinstance(source, Availability) else None
    period = availability.period if availability is not None else MeasurePeriod()
    target = f"{ctx.names.const(item.source)}_TARGET" if availability is not None else None
    zone = f"zone_info({period.zone!r})" if period.zone else "_TZ"
    measured = "length"
    if availability is not None and availability.measured_during:
        window = ctx.names.const(availability.measured_during)
        measured = f"sum((o.duration for o in {window}.occurrences(period)), timedelta())"
    allowance = {"none": None, "fixed": None, "allowance": target}[item.formula.beyond]
    fixed = (timedelta_expr(item.formula.allowance)
             if item.formula.beyond == "fixed" and item.formula.allowance is not None else None)
    if item.formula.beyond == "allowance" and target is None:
        fixed = "timedelta()"
    params = ", ".join(f"{p}: int" for p in period.parameters)
    rules = [f"Formula: {formula_text(item.formula)}."]
    if item.only_missed:
        rules.append("Only in a period whose availability misses its target: nothing is due "
                     "when the target is met.")
    if item.cap is not None:
        rules.append(f"Cap: {_cap_text(item.cap)}.")
    allows = ("The allowance is (100 - target) % of the time measured in the period"
              + (f" (the occurrences of window `{availability.measured_during}`, before "
                 "exclusions)" if availability is not None and availability.measured_during
                 else "")
              + ", computed exactly and rounded down to the microsecond."
              if item.formula.beyond == "allowance" else "")
    money = ("Pass `invoice` (the invoice of the period) to have the credit in money; "
             + ("pro-rated fees need it." if item.formula.kind == "fees_multiple" else
                "a cap in days of paid service needs it." if item.cap is not None
                and item.cap.kind == "paid_days" else "it is rounded to cents."))
    summary = (f"The credit under `{item.name}` for `downtime` of `{item.source}` in the period "
               + ", ".join(f"`{p}`" for p in period.parameters) + ".")
    return render_unit(
        "py_credit.j2", c, c=c, name=name, params=params, formula=formula_expr(item.formula),
        cap=cap_expr(item.cap) if item.cap is not None else None,
        period_expr=period_code(period), zone=zone, measured=measured, target=allowance,
        fixed=fixed, from_report=ctx.names.fn(item.name, "from_report"),
        availability=availability is not None,
        only_missed=item.only_missed and availability is not None,
        strict=availability is not None and availability.strict,
        target_const=f"{ctx.names.const(item.source)}_TARGET",
        doc=ctx.doc(item, summary, *rules, *([allows] if allows else []), money,
                    "The period's length (real time, DST included) is what pro-rated fees "
                    "are computed on; its calendar days are what a cap in days of paid "
                    "service divides the invoice by."),
        report_doc=ctx.doc(item, f"`{name}` applied to an availability report of "
                           f"`{item.source}`: its downtime, measured time and period.",
                           *rules, *(["The allowance is (100 - target) % of the report's "
                                      "measured time (after exclusions), exact, rounded down "
                                      "to the microsecond."] if allows else []), money),
        const_doc=docstring(f"Formula of `{item.name}`: {formula_text(item.formula)}.", [],
                            indent=""),
        cap_doc=docstring(f"Cap of `{item.name}`: {_cap_text(item.cap)}.", [], indent="")
        if item.cap is not None else "")


def _claim_deadline(ctx: Ctx, item: Credit,
                    claim: model.Duration | model.Unspecified) -> Unit:
    """`x_claim_deadline(...)`: the last day to claim, after a period or an event (as tiers)."""
    name = ctx.names.fn(item.name, "claim_deadline")
    after = item.claim_after or "period"
    period = item.period
    summary = (f"Last day to claim under `{item.name}` for the period "
               + ", ".join(f"`{p}`" for p in period.parameters) + "."
               if after == "period" else
               f"Last day to claim under `{item.name}` after the {after} on `occurred_on`.")
    if isinstance(claim, model.Unspecified):
        rule = "The contract does not say how long a claim may wait: pass `claim_within`."
        values = {"unspecified": True, "claim_what": py_long_str(claim.what, INDENT * 2),
                  "period": None}
    else:
        rule = (f"Claims are made within {duration_text(claim)} after "
                + ("the last day of the period." if after == "period" else f"the {after}."))
        values = {"unspecified": False, "claim_what": "", "period": period_expr(claim)}
    last_day = ("end_of_month(_first_of_month(year, month))" if period == MeasurePeriod()
                else f"{period_code(period)}.end.date() - timedelta(days=1)")
    params = ", ".join(f"{p}: int" for p in period.parameters)
    return render_unit("py_tiers_claim.j2", name, claim=name, after=after, last_day=last_day,
                       period_params=params, doc=ctx.doc(item, summary, rule), **values)


# --------------------------------------------------------------------------- worked examples

def _outcome_of(item: Credit, example: CreditExample, result: Any) -> Outcome:
    """The evaluator's result in the unit the example is written in (none when nothing)."""
    if item.formula.kind == "service_days":
        days = result.days
        return Outcome("none") if not days else Outcome("service_days", days)
    if example.outcome.kind == "invoice_share" and result.share is not None:
        kept = result.share
        if result.capped and item.cap is not None and item.cap.kind == "invoice_share":
            kept = item.cap.amount
        elif result.capped and result.money is not None and example.invoice is not None \
                and example.invoice.amount:
            kept = result.money * 100 / example.invoice.amount
        return Outcome("none") if not kept else Outcome("invoice_share", kept)
    money = result.money
    if money is None or not money:
        return Outcome("none")
    currency = (item.formula.currency if item.formula.kind == "money" else
                example.invoice.currency if example.invoice is not None else None)
    return Outcome("money", money, currency)


def _shown(outcome: Outcome, capped: bool) -> Result:
    if outcome.kind == "invoice_share" and not outcome.amount:
        outcome = Outcome("none")
    text = outcome_text(outcome) + (" capped" if capped else "")
    return Result((outcome.kind, outcome.amount, outcome.currency, capped), text)


def _worked(item: Credit, ctx: Worked) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: CreditExample = example) -> Result:
            evaluate = ctx.function(ctx.names.fn(item.name))
            amount = example.downtime.amount
            seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400,
                       "week": 604800}[example.downtime.unit]
            downtime = timedelta(seconds=int(amount * seconds))
            invoice = example.invoice.amount if example.invoice is not None else None
            result = evaluate(downtime, *example.period, invoice=invoice)
            return _shown(_outcome_of(item, example, result), result.capped)
        yield example.line, _shown(example.outcome, example.capped), compute


# --------------------------------------------------------------------------- slac eval

def _report(ctx: EvalContext, item: Credit) -> Evaluation:
    """The credit for the downtime the availability measures on the records over the period
    (its report first), and the last day to claim it."""
    source = ctx.contract.item(item.source)
    if not isinstance(source, Availability) or ctx.request.period is None:
        return by_signature(ctx, item)
    func = ctx.function(ctx.names.fn(item.name, "from_report"))
    invoice = ctx.settings.get("invoice")
    amount = None if invoice is None else ctx.convert(invoice, func, "invoice")
    report = availability_report(ctx, source)
    evaluation = availability_evaluation(ctx, report, source.force)
    result = call(ctx, func, report, invoice=amount)
    data: Data = {"report": evaluation.data, "credit": plain(result),
                  "currency": ctx.contract.currency if result.money is not None else None}
    lines = [*evaluation.lines, f"{item.name} → " + ", ".join(
        f"{k} {v}" for k, v in plain(result).items() if k not in ("cap", "downtime"))]
    claim = getattr(ctx.module, ctx.names.fn(item.name, "claim_deadline"), None)
    if callable(claim):
        values = values_of(ctx, None)
        parameters = inspect.signature(claim).parameters
        if all(p in values for p in parameters):
            arguments = {p: ctx.convert(values[p], claim, p) for p in parameters}
            deadline = call(ctx, claim, **arguments)
            data["claim_deadline"] = deadline.isoformat()
            lines.append(ctx.say("report.claim", date=deadline.isoformat()))
    return Evaluation(data, lines)
