"""The checked contract model (IR): immutable, names resolved, units normalised; what backends
read.

This module holds what every kind shares (values, the fields every item has) and the contract;
each kind's item type, with its parts, is in the kind's module (compiler/kinds/<keyword>.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, TypedDict

# --------------------------------------------------------------------------- values

DurationUnit = Literal["second", "minute", "hour", "day", "week", "month", "year",
                       "business_hour", "business_day"]


@dataclass(frozen=True)
class Duration:
    """An amount of time in one unit, as written: `48 business hours`, `3 months`, `52.8 seconds`.

    Fixed units (second, minute, hour) are exact elapsed time; day, week, month and year are
    calendar periods (wall-clock); business units count only business time.
    """

    amount: Decimal
    unit: DurationUnit

    @property
    def dimension(self) -> Literal["fixed", "calendar", "business"]:
        if self.unit.startswith("business"):
            return "business"
        return "fixed" if self.unit in ("second", "minute", "hour") else "calendar"

    def seconds(self) -> Decimal:
        """Exact seconds for fixed units and for days/weeks (24 h days); not for months or years."""
        factor = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
                  "business_hour": 3600}[self.unit]
        return self.amount * factor


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    tax: Literal["excl", "incl"] | None = None


@dataclass(frozen=True)
class Text:
    """A bilingual text written by the author."""

    fr: str
    en: str


@dataclass(frozen=True)
class ClauseRef:
    id: str
    article: str
    line: int


@dataclass(frozen=True)
class Unspecified:
    """What the contract leaves undecided; backends say so plainly and evaluators refuse to
    guess."""

    what: str


UNSPECIFIED_MARK = "unspecified"


# --------------------------------------------------------------------------- items

class ItemFields(TypedDict):
    """The fields every item has, read from the statements every block may hold."""

    name: str
    line: int
    clauses: tuple[ClauseRef, ...]
    label: Text | None
    notes: tuple[Text, ...]


@dataclass(frozen=True)
class ItemBase:
    name: str
    line: int
    clauses: tuple[ClauseRef, ...]
    label: Text | None
    notes: tuple[Text, ...]


Item = ItemBase
"""An item of any kind: `kinds.of(item)` is its kind (compiler/kinds/)."""


@dataclass(frozen=True)
class Contract:
    """One checked contract: header facts and its items in source order."""

    id: str
    module: str                        # Python module name derived from the id
    source_file: str                   # path as given, relative to the build root
    title: str
    provider: str
    client: str
    document: str
    dated: date
    zone: str
    languages: tuple[str, ...]
    currency: str
    items: tuple[Item, ...] = field(default=())
    unspecified: tuple[Unspecified, ...] = field(default=())

    def of_type(self, kind: type) -> list:  # type: ignore[type-arg]
        return [item for item in self.items if isinstance(item, kind)]

    def item(self, name: str) -> Item | None:
        return next((i for i in self.items if i.name == name), None)
