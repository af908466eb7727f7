"""`money NAME { … }`: fees, minimum invoice, surcharge, indexation, liability cap, late-payment
interest, billing terms, and worked examples of the fees."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Literal, TypeVar

from .. import ast, model
from ..backends.pycode import (
    Ctx,
    RenderError,
    Unit,
    fn,
    money_text,
    num,
    py_dec,
    render_unit,
)
from ..checking import Checker, party_of
from ..evaluating import EvalContext, Evaluation, by_signature, one_line, plain
from ..messages import KindNames, Phrase, listing, phrase
from .base import Check, Kind, Result, Worked

# --------------------------------------------------------------------------- syntax


@dataclass(frozen=True)
class FeePer(ast.Statement):
    """`per hour`, `per month`, `per "utilisateur"`: what a fee is counted in (`hour`, a keyword
    of its own, leaves `unit` out)."""

    rule: ClassVar[str] = "fee_per"
    unit: ast.Word | ast.TextLit | None = None


@dataclass(frozen=True)
class FeeStmt(ast.Statement):
    """`fee restore 130 EUR excl. tax per hour with minimum 70 EUR excl. tax per "dossier"`;
    the unit and the minimum are optional."""

    rule: ClassVar[str] = "fee"
    name: ast.Name
    label: ast.TextLit | None
    amount: ast.MoneyLit
    per: FeePer | None = None
    minimum: ast.MoneyLit | None = None
    minimum_per: ast.TextLit | None = None

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        name, *rest = values
        label = rest.pop(0) if isinstance(rest[0], ast.TEXTS) else None
        amount, *rest = rest
        minimum_per = rest[-1] if rest and isinstance(rest[-1], ast.TEXTS) else None
        return cls(span, name, label, amount, _first(rest, FeePer), _first(rest, ast.MoneyLit),
                   minimum_per)


@dataclass(frozen=True)
class MinimumInvoice(ast.Statement):
    """`minimum invoice 130 EUR excl. tax per month`."""

    rule: ClassVar[str] = "minimum_invoice"
    written: ClassVar[str] = "minimum invoice"
    amount: ast.MoneyLit


@dataclass(frozen=True)
class Surcharge(ast.Statement):
    """`surcharge 15 % on "le dépassement"`."""

    rule: ClassVar[str] = "surcharge"
    rate: ast.Percent
    on: ast.TextLit


@dataclass(frozen=True)
class Indexation(ast.Statement):
    """`indexation "Syntec" every year capped at 3.5 %`; `… up to 9 %`: the increase may
    reach 9 % even when the index gives less."""

    rule: ClassVar[str] = "indexation"
    index: ast.Str
    up_to: ast.Word | None
    cap: ast.Percent

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values[0], values[1] if len(values) > 2 else None, values[-1])


@dataclass(frozen=True)
class LiabilityCap(ast.Statement):
    """`liability cap [of provider] 10000 EUR`: whose liability is capped, and at what."""

    rule: ClassVar[str] = "liability_cap"
    written: ClassVar[str] = "liability cap"
    party: ast.Party | None
    amount: ast.MoneyLit

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values[0] if len(values) > 1 else None, values[-1])


@dataclass(frozen=True)
class Interest(ast.Statement):
    """`interest legal rate plus 3 points`."""

    rule: ClassVar[str] = "interest"
    points: ast.Number


@dataclass(frozen=True)
class Billing(ast.Statement):
    """`billing monthly in advance` / `in arrears` (the mode is a word: `advance`, `arrears`)."""

    rule: ClassVar[str] = "billing"
    mode: ast.Word


@dataclass(frozen=True)
class ExampleInput(ast.Statement):
    """`hours 2`: one named input of a fee example."""

    rule: ClassVar[str] = "example_input"
    name: ast.Name
    value: ast.Number


@dataclass(frozen=True)
class MoneyExampleStmt(ast.Statement):
    """`example restore hours 2 files 1 gives 260 EUR excl. tax`: one input or more."""

    rule: ClassVar[str] = "money_example"
    fee: ast.Name
    inputs: tuple[ExampleInput, ...]
    result: ast.MoneyLit

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        return cls(span, values[0], tuple(values[1:-1]), values[-1])


T = TypeVar("T")


def _first(values: Iterable[object], cls: type[T]) -> T | None:
    """The first of `values` of class `cls` (an optional part of a statement), if any."""
    return next((v for v in values if isinstance(v, cls)), None)


# --------------------------------------------------------------------------- model

@dataclass(frozen=True)
class Fee:
    name: str
    label: model.Text | None           # what the fee is for, as the contract words it
    amount: model.Money
    per: str | None                    # "hour", "month", "day", or a unit the contract names
    per_words: model.Text | None       # that unit, when the contract names one
    minimum: model.Money | None
    minimum_per: model.Text | None


@dataclass(frozen=True)
class MoneyExample:
    fee: str
    inputs: tuple[tuple[str, Decimal], ...]
    result: model.Money
    line: int


@dataclass(frozen=True)
class MoneyClause(model.ItemBase):
    fees: tuple[Fee, ...]
    minimum_invoice: model.Money | None
    surcharge: Decimal | None
    surcharge_on: model.Text | None
    indexation: str | None
    indexation_cap: Decimal | None
    indexation_up_to: bool             # the increase may reach the cap whatever the index
    liability_cap: model.Money | None
    liability_of: str | model.Text | None   # whose liability is capped: provider, client, a name
    interest_points: Decimal | None
    billing: Literal["advance", "arrears"] | None
    examples: tuple[MoneyExample, ...]


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- macro summary(i, s) -%}
{% if i.fees %}
{% filter p %}{{ say(s, "fees", count=i.fees|length) }}{% endfilter %}
{% filter ul %}
{% for fee in i.fees %}
{% filter li %}
{{ say(s, "fee", fee=fee,
       per=say(s, "per", unit=fee.per_words or fee.per) if fee.per is not none else none,
       minimum_per=say(s, "per", unit=fee.minimum_per) if fee.minimum_per is not none else none) }}
{% endfilter %}
{% endfor %}
{% endfilter %}
{% endif %}
{% filter p %}
{% if i.minimum_invoice is not none %}
{{ say(s, "minimum-invoice", i=i) }}
{% endif %}
{% if i.surcharge is not none %}
{{ say(s, "surcharge", i=i) }}
{% endif %}
{% if i.indexation is not none %}
{{ say(s, "indexation", i=i) }}
{% endif %}
{% if i.liability_cap is not none %}
{{ say(s, "liability-cap", i=i) }}
{% endif %}
{% if i.interest_points is not none %}
{{ say(s, "interest", i=i) }}
{% endif %}
{% if i.billing == "advance" %}
{{ say(s, "billing-advance") }}
{% elif i.billing == "arrears" %}
{{ say(s, "billing-arrears") }}
{% endif %}
{% endfilter %}
{% if i.examples %}
{% filter p %}{{ say(s, "examples", examples=i.examples) }}{% endfilter %}
{% endif %}
{%- endmacro -%}
"""

PHRASES = {
    "fees": Phrase('{{ "Fee" if count == 1 else "Fees" }}:',
                   '{{ "Tarif" if count == 1 else "Tarifs" }} :'),
    "per": Phrase(
        '{% if unit in ("hour", "day", "week", "month", "year") %}per {{ unit }}'
        '{% else %}per {{ s.text(unit)|t }}{% endif %}',
        "{% if unit == \"hour\" %}de l'heure{% elif unit == \"day\" %}par jour"
        '{% elif unit == "week" %}par semaine{% elif unit == "month" %}par mois'
        '{% elif unit == "year" %}par an{% else %}par {{ s.text(unit)|t }}{% endif %}'),
    "fee": Phrase(
        "{{ (s.text(fee.label) if fee.label else fee.name)|capfirst|t }}: "
        "{{ s.f.money(fee.amount) }}"
        "{% if per is not none %} {{ per }}{% endif %}"
        "{% if fee.minimum is not none %}, with a minimum of {{ s.f.money(fee.minimum) }}"
        "{% if minimum_per is not none %} {{ minimum_per }}{% endif %}{% endif %}",
        "{{ (s.text(fee.label) if fee.label else fee.name)|capfirst|t }} : "
        "{{ s.f.money(fee.amount) }}"
        "{% if per is not none %} {{ per }}{% endif %}"
        "{% if fee.minimum is not none %}, avec un minimum de {{ s.f.money(fee.minimum) }}"
        "{% if minimum_per is not none %} {{ minimum_per }}{% endif %}{% endif %}"),
    "minimum-invoice": Phrase("Minimum invoice: {{ s.f.money(i.minimum_invoice) }} a month.",
                              "Facture minimale : {{ s.f.money(i.minimum_invoice) }} par mois."),
    "surcharge": Phrase(
        "Surcharge of {{ s.f.percent(i.surcharge) }}"
        "{% if i.surcharge_on is not none %} on {{ s.text(i.surcharge_on)|t }}{% endif %}.",
        "Majoration de {{ s.f.percent(i.surcharge) }}"
        "{% if i.surcharge_on is not none %} sur {{ s.text(i.surcharge_on)|t }}{% endif %}."),
    "indexation": Phrase(
        "{% if i.indexation_up_to %}Prices may be raised every year by up to "
        "{{ s.f.percent(i.indexation_cap) }}, even when the “{{ i.indexation|t }}” index gives "
        "a smaller increase; the contract does not say what applies when the index gives more."
        "{% else %}Prices are revised every year by the “{{ i.indexation|t }}” index"
        "{% if i.indexation_cap is not none %}, the increase capped at "
        "{{ s.f.percent(i.indexation_cap) }}{% endif %}.{% endif %}",
        "{% if i.indexation_up_to %}Les prix peuvent être relevés chaque année de "
        "{{ s.f.percent(i.indexation_cap) }} au plus, même si l'indice « {{ i.indexation|t }} » "
        "donne une hausse inférieure ; le contrat ne dit pas ce qui s'applique si l'indice donne "
        "davantage."
        "{% else %}Les prix sont révisés chaque année selon l'indice « {{ i.indexation|t }} »"
        "{% if i.indexation_cap is not none %}, la hausse étant plafonnée à "
        "{{ s.f.percent(i.indexation_cap) }}{% endif %}.{% endif %}"),
    "liability-cap": Phrase(
        "{% if i.liability_of %}The liability of {{ s.party(i.liability_of)|t }}"
        "{% else %}Liability{% endif %} is capped at {{ s.f.money(i.liability_cap) }}.",
        "{% if i.liability_of %}La responsabilité {{ s.de(s.party(i.liability_of))|t }}"
        "{% else %}La responsabilité{% endif %} est plafonnée à "
        "{{ s.f.money(i.liability_cap) }}."),
    "interest": Phrase(
        'Late-payment interest: the legal interest rate plus '
        '{{ s.f.count(i.interest_points, "point", "points") }}.',
        "Intérêts de retard : taux d'intérêt légal majoré de "
        '{{ s.f.count(i.interest_points, "point", "points") }}.'),
    "billing-advance": Phrase("Billed monthly in advance.",
                              "Facturation mensuelle, à terme à échoir (d'avance)."),
    "billing-arrears": Phrase("Billed monthly in arrears.", "Facturation mensuelle, à terme échu."),
    "examples": Phrase(
        '{{ "Worked example" if examples|length == 1 else "Worked examples" }} (calculated): '
        '{% for e in examples %}{% set fee = s.fee(i, e.fee) %}'
        '{% if not loop.first %}; {% endif %}'
        "{{ (s.text(fee.label) if fee and fee.label else e.fee)|t }}, "
        '{% for name, value in e.inputs %}{{ loop|sep("and") }}'
        '{% if name == "hours" %}{{ s.f.quantity(value, "hour") }}'
        "{% elif fee and fee.minimum_per %}{{ s.f.number(value) }} × "
        "{{ s.text(fee.minimum_per)|t }}"
        "{% else %}{{ name|t }} = {{ s.f.number(value) }}{% endif %}"
        "{% endfor %}: {{ s.f.money(e.result) }}{% endfor %}.",
        '{{ "Exemple" if examples|length == 1 else "Exemples" }} (calculé'
        '{{ "" if examples|length == 1 else "s" }}) : '
        '{% for e in examples %}{% set fee = s.fee(i, e.fee) %}'
        '{% if not loop.first %} ; {% endif %}'
        "{{ (s.text(fee.label) if fee and fee.label else e.fee)|t }}, "
        '{% for name, value in e.inputs %}{{ loop|sep("et") }}'
        '{% if name == "hours" %}{{ s.f.quantity(value, "hour") }}'
        "{% elif fee and fee.minimum_per %}{{ s.f.number(value) }} × "
        "{{ s.text(fee.minimum_per)|t }}"
        "{% else %}{{ name|t }} = {{ s.f.number(value) }}{% endif %}"
        "{% endfor %} : {{ s.f.money(e.result) }}{% endfor %}."),
}


# --------------------------------------------------------------------------- python

MONEY_SUFFIXES = ("minimum_top_up", "surcharged_overage", "indexed_price", "late_interest",
                  "capped_liability")
"""The functions a money block may define, after its name (its fees' functions aside)."""

BILLING: dict[str, Literal["advance", "arrears"]] = {"advance": "advance", "arrears": "arrears"}


def fee_parameters(fee: Fee) -> list[str]:
    """Parameter names of a fee's function, in order (examples map onto them)."""
    if fee.per == "hour":
        return ["hours", "units"] if fee.minimum is not None else ["hours"]
    if fee.per is None:
        return ["count"]
    return {"month": ["months"], "day": ["days"], "week": ["weeks"], "year": ["years"]}.get(
        fee.per, ["quantity"])


def _fee_text(fee: Fee, params: list[str]) -> str:
    """What a fee's function computes, for its docstring."""
    what = money_text(fee.amount)
    if fee.per == "hour":
        unit = f" per « {fee.minimum_per.en} »" if fee.minimum_per else ""
        return (f"{what} per hour of time spent (pro rata, `hours` as a Decimal)"
                + (f", with a minimum of {money_text(fee.minimum)}{unit}"
                   " (`units` of them): the higher amount is billed" if fee.minimum else ""))
    if fee.per is None:
        return f"{what} each time (`count` times)"
    return f"{what} per {fee.per} (`{params[0]}` of them)"


def _fee_unit(ctx: Ctx, item: MoneyClause, fee: Fee) -> Unit:
    """The function of one fee: its price for a quantity, rounded to the cent."""
    name = ctx.names.fee(fee.name)
    params = fee_parameters(fee)
    return render_unit(
        "py_fee.j2", name, name=name, per=fee.per, params=params,
        amount=py_dec(fee.amount.amount),
        minimum=py_dec(fee.minimum.amount) if fee.minimum else None,
        doc=ctx.doc(item, f"The `{fee.name}` fee, in {fee.amount.currency}.",
                    _fee_text(fee, params) + ".", "Rounded to the cent, halves away from zero."))


def _function(ctx: Ctx, item: MoneyClause, suffix: str, kind: str, amount: Decimal,
              summary: str, *paragraphs: str) -> Unit:
    """One of the block's functions (`py_money_fns.j2`, its `kind`), named `<item>_<suffix>`."""
    name = fn(ctx.names.fn(item.name), suffix)
    return render_unit("py_money_fns.j2", name, kind=kind, name=name, amount=py_dec(amount),
                       doc=ctx.doc(item, summary, *paragraphs))


def _functions(ctx: Ctx, item: MoneyClause) -> list[Unit]:
    """The functions of the block's terms other than fees, for those it states."""
    units: list[Unit] = []
    if item.minimum_invoice is not None:
        units.append(_function(
            ctx, item, "minimum_top_up", "top_up", item.minimum_invoice.amount,
            "What to add to a month's invoice `invoiced` to reach the minimum "
            f"of {money_text(item.minimum_invoice)} a month (never negative)."))
    if item.surcharge is not None:
        units.append(_function(
            ctx, item, "surcharged_overage", "surcharge", item.surcharge,
            f"Price of « {item.surcharge_on.en if item.surcharge_on else ''} »: `units_over` × "
            "`unit_price` "
            f"plus {num(item.surcharge)} %."))
    if item.indexation is not None:
        cap = item.indexation_cap
        if cap is None:
            raise RenderError(f"{item.name}: an indexation needs a cap")
        units.append(_function(
            ctx, item, "indexed_price", "index", cap,
            f"`price` revised every year by the « {item.indexation} » index "
            f"(`new_index` / `old_index`), the increase capped at {num(cap)} %.",
            "A fall of the index applies in full."))
    if item.interest_points is not None:
        units.append(_function(
            ctx, item, "late_interest", "interest", item.interest_points,
            "Simple interest on a late `amount` for `days` days, at the legal "
            f"rate `legal_rate` (percent a year) plus {num(item.interest_points)} points."))
    if item.liability_cap is not None:
        units.append(_function(
            ctx, item, "capped_liability", "liability", item.liability_cap.amount,
            "What can still be claimed of `claimed` under a liability cap of "
            f"{money_text(item.liability_cap)} in total, `already_paid` deducted."))
    return units


# --------------------------------------------------------------------------- the kind


class MoneyKind(Kind[MoneyClause]):
    keyword = "money"
    statements = (FeeStmt, FeePer, MinimumInvoice, Surcharge, Indexation, LiabilityCap, Interest,
                  Billing, ExampleInput, MoneyExampleStmt)
    words: ClassVar[Mapping[str, str]] = {"in_advance": "advance", "in_arrears": "arrears"}
    item_type = MoneyClause
    names = KindNames("money", "le bloc financier", "un bloc financier",
                      "aucun bloc financier nommé", Phrase("Money", "Conditions financières"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 6

    def report(self, item: MoneyClause, ctx: EvalContext) -> Evaluation | None:
        """The generic report, each amount said in the contract's currency and the language's
        number format (`80,00 €`, `€80.00`); the JSON keeps the plain decimal."""
        return by_signature(ctx, item, worded_as=lambda result: ctx.money(result)
                            if isinstance(result, Decimal) else one_line(plain(result)))

    def examples(self, item: MoneyClause, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> MoneyClause:
        fees = self._fees(c, [s for s in block.body if isinstance(s, FeeStmt)])
        minimum = c.single(block, MinimumInvoice)
        surcharge = c.single(block, Surcharge)
        index = c.single(block, Indexation)
        cap = c.single(block, LiabilityCap)
        interest = c.single(block, Interest)
        billing = c.single(block, Billing)
        examples = tuple(self._example(c, s, fees) for s in block.body
                         if isinstance(s, MoneyExampleStmt))
        return MoneyClause(
            fees=tuple(fees.values()),
            minimum_invoice=c.money(minimum.amount, c.currency) if minimum else None,
            surcharge=c.percent(surcharge.rate) if surcharge else None,
            surcharge_on=c.text(surcharge.on) if surcharge else None,
            indexation=index.index.value if index else None,
            indexation_cap=c.percent(index.cap) if index else None,
            indexation_up_to=bool(index and index.up_to),
            liability_cap=c.money(cap.amount, c.currency) if cap else None,
            liability_of=party_of(cap.party, c.languages) if cap and cap.party else None,
            interest_points=c.number(interest.points) if interest else None,
            billing=BILLING[billing.mode.value] if billing else None,
            examples=examples, **base)

    @staticmethod
    def _fees(c: Checker, stmts: list[FeeStmt]) -> dict[str, Fee]:
        """The block's fees by name. Fee names are unique in the whole contract, whatever their
        case (each fee has a function named after it): `c.fee_lines` holds those seen so far."""
        fees: dict[str, Fee] = {}
        for stmt in stmts:
            amount = c.money(stmt.amount, c.currency)
            minimum = c.money(stmt.minimum, c.currency) if stmt.minimum is not None else None
            key = stmt.name.value.lower()
            if key in c.fee_lines:
                c.report("duplicate-name", stmt.name.span, name=stmt.name.value,
                         line=c.fee_lines[key])
            else:
                c.fee_lines[key] = stmt.span.line
            unit = stmt.per.unit if stmt.per is not None else None
            per_words = c.text(unit) if unit is not None and not isinstance(unit, ast.Word) \
                else None
            per = (None if stmt.per is None else per_words.fr if per_words is not None
                   else unit.value if isinstance(unit, ast.Word) else "hour")
            fees[stmt.name.value] = Fee(
                stmt.name.value, c.text(stmt.label) if stmt.label is not None else None, amount,
                per, per_words, minimum,
                c.text(stmt.minimum_per) if stmt.minimum_per is not None else None)
        return fees

    @staticmethod
    def _example(c: Checker, stmt: MoneyExampleStmt, fees: dict[str, Fee]) -> MoneyExample:
        if stmt.fee.value not in fees:
            c.report("unknown-name", stmt.fee.span, kind=c.names["fee"].none(),
                     name=stmt.fee.value,
                     suggestion=phrase("suggest.known", names=listing(sorted(fees))))
        inputs = tuple((i.name.value, c.number(i.value)) for i in stmt.inputs)
        return MoneyExample(stmt.fee.value, inputs, c.money(stmt.result, c.currency),
                            stmt.span.line)

    def python_names(self, item: MoneyClause, name: str) -> list[str]:
        return [fn(fn(name), s) for s in MONEY_SUFFIXES]

    def python(self, ctx: Ctx, item: MoneyClause) -> list[Unit]:
        return [*(_fee_unit(ctx, item, fee) for fee in item.fees), *_functions(ctx, item)]


# --------------------------------------------------------------------------- worked examples

def _amount(money: model.Money) -> Result:
    return Result(money, money_text(money))


def _worked(item: MoneyClause, ctx: Worked) -> Iterator[Check]:
    fees = {fee.name: fee for fee in item.fees}
    for example in item.examples:
        def compute(example: MoneyExample = example) -> Result:
            fee = fees.get(example.fee)
            if fee is None:
                raise LookupError(f"no fee {example.fee!r} in {item.name}")
            arguments = fee_arguments(fee, example.inputs)
            result = ctx.function(ctx.names.fee(fee.name))(**arguments)
            return _amount(model.Money(result, fee.amount.currency, fee.amount.tax))
        yield example.line, _amount(example.result), compute


def fee_arguments(fee: Fee, inputs: tuple[tuple[str, Decimal], ...]) -> dict[str, object]:
    """Map an example's named inputs onto the fee function's parameters.

    Inputs named like a parameter go to it; the others fill the remaining parameters in order
    (`restore hours 2 files 1` gives hours=2, units=1). Counts are passed as ints.
    """
    parameters = fee_parameters(fee)
    counts = {"units", "count"}
    chosen: dict[str, object] = {}
    rest: list[Decimal] = []
    for name, value in inputs:
        if name in parameters and name not in chosen:
            chosen[name] = value
        else:
            rest.append(value)
    free = [p for p in parameters if p not in chosen]
    if len(rest) > len(free):
        raise ValueError(f"fee {fee.name} takes {', '.join(parameters)}; the example gives "
                         f"{', '.join(n for n, _ in inputs)}")
    chosen.update(zip(free, rest, strict=False))   # the first len(rest) free parameters
    for name in sorted(counts & set(chosen)):
        count = chosen[name]
        assert isinstance(count, Decimal)
        if count != count.to_integral_value():
            raise ValueError(f"{name} must be a whole number, got {count}")
        chosen[name] = int(count)
    return chosen
