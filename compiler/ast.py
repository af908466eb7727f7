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
    fr: Str
    en: Str


@dataclass(frozen=True)
class Note(Statement):
    """`note fr "…" en "…"`."""

    rule: ClassVar[str] = "note"
    fr: Str
    en: Str


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


# --------------------------------------------------------------------------- contract header

@dataclass(frozen=True)
class HeaderText(Statement):
    """`title "…"`, `provider "…"`, `client "…"`, `time zone "…"`: one string."""

    value: Str


@dataclass(frozen=True)
class Title(HeaderText):
    rule: ClassVar[str] = "title"


@dataclass(frozen=True)
class Provider(HeaderText):
    rule: ClassVar[str] = "provider"


@dataclass(frozen=True)
class Client(HeaderText):
    rule: ClassVar[str] = "client"


@dataclass(frozen=True)
class TimeZone(HeaderText):
    rule: ClassVar[str] = "time_zone"


@dataclass(frozen=True)
class Source(Statement):
    """`source "…" dated 2024-03-19`."""

    rule: ClassVar[str] = "source"
    document: Str
    dated: DateLit


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
                                       Currency)
SHARED: tuple[type[Statement], ...] = (ClauseRef, Label, Note, DateTime, TimeRange, DaySpan,
                                       DayList, EveryDay, ContractHeader, *HEADER)
"""Statement classes of the header and of every kind; a kind's own are listed by the kind."""
SHARED_WORDS = {"excl_tax": "excl", "incl_tax": "incl"}
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
