"""Syntax tree of a .sla file: immutable nodes, each with its source span; produced by parse.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Literal


@dataclass(frozen=True)
class Span:
    """A region of a source file; lines and columns start at 1, the end is exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Number:
    value: Decimal
    text: str
    span: Span


@dataclass(frozen=True)
class Percent:
    value: Decimal
    span: Span


@dataclass(frozen=True)
class DurationLit:
    """`48 business hours`, `1 hour 27 minutes 39.5 seconds`: (amount, unit) parts."""

    parts: tuple[tuple[Decimal, str], ...]
    span: Span


@dataclass(frozen=True)
class MoneyLit:
    amount: Decimal
    currency: str
    tax: Literal["excl", "incl"] | None
    span: Span


@dataclass(frozen=True)
class Str:
    value: str
    span: Span


@dataclass(frozen=True)
class Name:
    value: str
    span: Span


@dataclass(frozen=True)
class Word:
    """A keyword that carries meaning, e.g. `included`, `removed`, `unspecified`."""

    value: str
    span: Span


@dataclass(frozen=True)
class Time:
    minute: int               # minutes after midnight; 24:00 is 1440
    text: str
    span: Span


@dataclass(frozen=True)
class Day:
    index: int                # 0 = Monday
    span: Span


@dataclass(frozen=True)
class DateLit:
    value: date | None        # None when the text is not a real date (checked later)
    text: str
    span: Span


@dataclass(frozen=True)
class Statement:
    """A statement of the grammar, one subclass per grammar alias (`rule`), with named fields.

    The parser builds each with `build(span, values)`: the statement's values in source order,
    keywords left out (see parse.ToAst). Fields that the grammar makes optional come last with a
    default, or the subclass overrides `build`.
    """

    rule: ClassVar[str] = ""
    written: ClassVar[str] = ""
    """How the author writes the statement, for messages (`at most … per month`); empty when
    its alias with spaces says it (`minimum invoice`)."""
    span: Span

    @property
    def kind(self) -> str:
        return self.rule

    @classmethod
    def build(cls, span: Span, values: tuple[Any, ...]) -> Statement:
        return cls(span, *values)

    @classmethod
    def as_written(cls) -> str:
        return cls.written or cls.rule.replace("_", " ")


# --------------------------------------------------------------------------- shared statements

@dataclass(frozen=True)
class ClauseRef(Statement):
    """`clause T4 article "Annexe 2 A.6"`."""

    rule: ClassVar[str] = "clause_ref"
    id: Name
    article: Str


@dataclass(frozen=True)
class Label(Statement):
    """`label fr "…" en "…"`."""

    rule: ClassVar[str] = "label"
    text: TextLit


@dataclass(frozen=True)
class Note(Statement):
    """`note fr "…" en "…"`."""

    rule: ClassVar[str] = "note"
    text: TextLit


@dataclass(frozen=True)
class Reading(Statement):
    """`reading fr "…" en "…"`: how the author reads what the contract leaves unclear."""

    rule: ClassVar[str] = "reading"
    text: TextLit


@dataclass(frozen=True)
class DateTime(Statement):
    """`2024-03-19 09:30`, a wall-clock instant in the contract's zone."""

    rule: ClassVar[str] = "date_time"
    date: DateLit
    time: Time


@dataclass(frozen=True)
class TimeRange(Statement):
    """`09:00 to 18:00`."""

    rule: ClassVar[str] = "time_range"
    start: Time
    end: Time


@dataclass(frozen=True)
class DaySpan(Statement):
    """`monday to friday`."""

    rule: ClassVar[str] = "day_span"
    first: Day
    last: Day


@dataclass(frozen=True)
class DayList(Statement):
    """`monday, wednesday`."""

    rule: ClassVar[str] = "day_list"
    days: tuple[Day, ...]

    @classmethod
    def build(cls, span: Span, values: tuple[Any, ...]) -> Statement:
        return cls(span, values)


@dataclass(frozen=True)
class EveryDay(Statement):
    """`every day`."""

    rule: ClassVar[str] = "every_day"


DayRange = DaySpan | DayList | EveryDay


@dataclass(frozen=True)
class OneLanguage(Statement):
    """`"…"`: words of the author's in one language, the contract's (if it has only one)."""

    rule: ClassVar[str] = "one_language"
    words: Str


@dataclass(frozen=True)
class TwoLanguages(Statement):
    """`fr "…" en "…"`: words of the author's in both languages."""

    rule: ClassVar[str] = "two_languages"
    fr: Str
    en: Str


@dataclass(frozen=True)
class FrenchOnly(Statement):
    """`fr "…"`: words of the author's in French only."""

    rule: ClassVar[str] = "french_only"
    lang: ClassVar[str] = "fr"
    words: Str


@dataclass(frozen=True)
class EnglishOnly(Statement):
    """`en "…"`: words of the author's in English only."""

    rule: ClassVar[str] = "english_only"
    lang: ClassVar[str] = "en"
    words: Str


TextLit = OneLanguage | TwoLanguages | FrenchOnly | EnglishOnly
TEXTS = (OneLanguage, TwoLanguages, FrenchOnly, EnglishOnly)


# --------------------------------------------------------------------------- legal force

@dataclass(frozen=True)
class ThirdParty(Statement):
    """`"l'hébergeur"`, `fr "chacune des Parties" en "each Party"`: a party other than the
    provider and the client."""

    rule: ClassVar[str] = "third_party"
    name: TextLit


Party = Word | ThirdParty
"""`provider`, `client` (words) or a named third party."""


@dataclass(frozen=True)
class Counterparty(Statement):
    """`towards client`, `against client`: the party who benefits from a duty, or bears a right."""

    rule: ClassVar[str] = "counterparty"
    party: Party


@dataclass(frozen=True)
class Strength(Statement):
    """`, best efforts`: how firmly an obligation binds."""

    rule: ClassVar[str] = "strength"
    word: Word


@dataclass(frozen=True)
class Force(Statement):
    """`obligation of provider towards client, best efforts`, `right of provider against client`,
    `prohibition of client`: who is bound, towards whom, and how."""

    modality: ClassVar[str] = ""
    written: ClassVar[str] = "obligation / right / prohibition"
    party: Party
    counterparty: Counterparty | None = None
    strength: Strength | None = None

    @classmethod
    def build(cls, span: Span, values: tuple[Any, ...]) -> Statement:
        party, *rest = values
        return cls(span, party, next((v for v in rest if isinstance(v, Counterparty)), None),
                   next((v for v in rest if isinstance(v, Strength)), None))


@dataclass(frozen=True)
class Obligation(Force):
    rule: ClassVar[str] = "obligation"
    modality: ClassVar[str] = "obligation"


@dataclass(frozen=True)
class Right(Force):
    rule: ClassVar[str] = "right"
    modality: ClassVar[str] = "right"


@dataclass(frozen=True)
class Prohibition(Force):
    rule: ClassVar[str] = "prohibition"
    modality: ClassVar[str] = "prohibition"


@dataclass(frozen=True)
class Condition(Statement):
    """`condition fr "…" en "…"`: what must hold for the clause to apply."""

    rule: ClassVar[str] = "condition"
    text: TextLit


@dataclass(frozen=True)
class Formality(Statement):
    """`formality fr "lettre recommandée avec accusé de réception" en "…"`: how to act."""

    rule: ClassVar[str] = "formality"
    text: TextLit


@dataclass(frozen=True)
class Via(Statement):
    """`via support`: the contact block through which the clause is exercised."""

    rule: ClassVar[str] = "via"
    contact: Name


# --------------------------------------------------------------------------- contract header

@dataclass(frozen=True)
class HeaderText(Statement):
    """`title "…"`, `provider "…"`, `client "…"`, `time zone "…"`: one string."""

    value: Str


@dataclass(frozen=True)
class PartyRole(Statement):
    """`role fr "le Client" en "the Customer"`: a party the contract names by its role only."""

    rule: ClassVar[str] = "party_role"
    text: TextLit


@dataclass(frozen=True)
class NamedParty(Statement):
    """`"Teogest"`: a party named in the contract."""

    rule: ClassVar[str] = "named_party"
    name: Str


@dataclass(frozen=True)
class HeaderParty(Statement):
    """`provider "Teogest"`, `client role fr "le Client" en "the Customer"`."""

    party: NamedParty | PartyRole


@dataclass(frozen=True)
class Title(Statement):
    """`title "…"`, `title fr "…" en "…"`."""

    rule: ClassVar[str] = "title"
    text: TextLit


@dataclass(frozen=True)
class Provider(HeaderParty):
    rule: ClassVar[str] = "provider"


@dataclass(frozen=True)
class Client(HeaderParty):
    rule: ClassVar[str] = "client"


@dataclass(frozen=True)
class TimeZone(HeaderText):
    rule: ClassVar[str] = "time_zone"


@dataclass(frozen=True)
class Source(Statement):
    """`source "…" dated 2024-03-19`, `… dated unspecified`, `… effective 2023-06-02`."""

    rule: ClassVar[str] = "source"
    document: Str
    date: SourceDate


@dataclass(frozen=True)
class SourceDate(Statement):
    """`dated 2024-03-19` (or `unspecified`), `effective 2023-06-02`."""

    rule: ClassVar[str] = "dated"
    value: DateLit | Word


@dataclass(frozen=True)
class Effective(SourceDate):
    rule: ClassVar[str] = "effective"


@dataclass(frozen=True)
class Languages(Statement):
    """`languages fr, en`."""

    rule: ClassVar[str] = "languages"
    names: tuple[Name, ...]

    @classmethod
    def build(cls, span: Span, values: tuple[Any, ...]) -> Statement:
        return cls(span, values)


@dataclass(frozen=True)
class Currency(Statement):
    """`currency EUR`."""

    rule: ClassVar[str] = "currency"
    code: Name


@dataclass(frozen=True)
class ContractHeader(Statement):
    """`contract "id" { header statements }`: read into ast.Module by the parser."""

    rule: ClassVar[str] = "contract_header"
    contract_id: Str
    statements: tuple[Statement, ...]

    @classmethod
    def build(cls, span: Span, values: tuple[Any, ...]) -> Statement:
        return cls(span, values[0], values[1:])


HEADER: tuple[type[Statement], ...] = (Title, Provider, Client, Source, TimeZone, Languages,
                                       Currency, PartyRole, NamedParty, SourceDate, Effective)
FORCE: tuple[type[Statement], ...] = (Obligation, Right, Prohibition, ThirdParty, Counterparty,
                                      Strength)
SHARED: tuple[type[Statement], ...] = (ClauseRef, Label, Note, Reading, DateTime, TimeRange,
                                       DaySpan,
                                       DayList, EveryDay, ContractHeader, *HEADER, *FORCE,
                                       OneLanguage, TwoLanguages, FrenchOnly, EnglishOnly,
                                       Condition, Formality, Via)
"""Statement classes of the header and of every kind; a kind's own are listed by the kind."""
SHARED_WORDS = {"excl_tax": "excl", "incl_tax": "incl", "provider_party": "provider",
                "client_party": "client", "firm": "firm", "target_only": "target",
                "best_efforts": "best efforts", "reasonable_efforts": "reasonable efforts",
                "at_least": "at least", "up_to": "up to",
                "until_notice_month": "until end of month of notice"}
"""Word aliases of the shared values (a money value's tax mention)."""



@dataclass(frozen=True)
class Block:
    """`window name { … }`, `tiers name { … }`: a named item of the contract."""

    kind: str
    name: Name
    body: tuple[Statement, ...]
    span: Span


@dataclass(frozen=True)
class Module:
    """A parsed file: the contract header and its items."""

    file: str
    contract_id: Str
    header: tuple[Statement, ...]
    blocks: tuple[Block, ...]
    span: Span
