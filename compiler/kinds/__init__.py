"""The registry of clause kinds: every kind the language has, in the order the docs list them.

Each stage reaches a kind's syntax, check, code and sentences through this registry only (see
kinds/base.py). Adding a kind: add its rule to the grammar, write its module, list it in KINDS,
document it in docs/language.md; docs/design.md walks through it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import ast, model
from ..messages import NAMED, KindNames
from .availability import AvailabilityKind
from .base import Kind
from .calendar import CalendarKind
from .contact import ContactKind
from .credit import CreditKind
from .deadlines import DeadlinesKind
from .money import MoneyKind
from .retention import RetentionKind
from .severities import SeveritiesKind
from .term import TermKind
from .termination import TerminationKind
from .tiers import TiersKind
from .window import WindowKind

KINDS: tuple[Kind[Any], ...] = (
    CalendarKind(),
    WindowKind(),
    AvailabilityKind(),
    TiersKind(),
    CreditKind(),
    TerminationKind(),
    SeveritiesKind(),
    DeadlinesKind(),
    RetentionKind(),
    TermKind(),
    MoneyKind(),
    ContactKind(),
)

KEYWORDS = frozenset(kind.keyword for kind in KINDS)
_BY_KEYWORD = {kind.keyword: kind for kind in KINDS}
_BY_TYPE: dict[type, Kind[Any]] = {kind.item_type: kind for kind in KINDS}
NAMES: dict[str, KindNames] = {**NAMED, **{kind.keyword: kind.names for kind in KINDS}}
"""How messages name every kind of item and of named thing, by keyword."""


def by_keyword(keyword: str) -> Kind[Any] | None:
    """The kind of a block keyword, None for a word that names no kind."""
    return _BY_KEYWORD.get(keyword)


def of(item: model.ItemBase) -> Kind[Any]:
    """The kind of a model item (every item is of a registered kind)."""
    return _BY_TYPE[type(item)]


def statements() -> Iterator[type[ast.Statement]]:
    """Every kind's statement classes."""
    for kind in KINDS:
        yield from kind.statements


def words() -> dict[str, str]:
    """Every kind's word aliases (grammar alias → word)."""
    return {alias: word for kind in KINDS for alias, word in kind.words.items()}


__all__ = ["KINDS", "Kind", "KindNames", "by_keyword", "of", "statements", "words"]
