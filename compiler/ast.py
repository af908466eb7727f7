"""Syntax tree of a .sla file: immutable nodes, each with its source span; produced by parse.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any


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
    tax: str | None          # "excl" | "incl" | None
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
class Stmt:
    """A statement: its kind (grammar alias) and its arguments in source order."""

    kind: str
    args: tuple[Any, ...]      # Node values; their types follow the grammar alias `kind`
    span: Span

    def text(self, index: int) -> str:
        """The text of a string, name or keyword argument."""
        node = self.args[index]
        assert isinstance(node, (Str, Name, Word)), node
        return node.value

    def number(self, index: int) -> Decimal:
        node = self.args[index]
        assert isinstance(node, Number), node
        return node.value

    def sub(self, index: int) -> Stmt:
        """A nested statement argument (a range, a bound, a date-time…)."""
        node = self.args[index]
        assert isinstance(node, Stmt), node
        return node


Node = Number | Percent | DurationLit | MoneyLit | Str | Name | Word | Time | Day | DateLit | Stmt


@dataclass(frozen=True)
class Block:
    """`window name { … }`, `tiers name { … }`: a named item of the contract."""

    kind: str
    name: Name
    body: tuple[Stmt, ...]
    span: Span


@dataclass(frozen=True)
class Module:
    """A parsed file: the contract header and its items."""

    file: str
    contract_id: Str
    header: tuple[Stmt, ...]
    blocks: tuple[Block, ...]
    span: Span
