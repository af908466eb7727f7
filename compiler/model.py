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
    """Words the author wrote, in French and in English. `only` names the one language they
    were written in, when the other is a copy of them (a contract in one language, or a text
    not translated): documents in the other language mark them as such."""

    fr: str
    en: str
    only: Literal["fr", "en"] | None = None

    def in_(self, lang: str) -> str:
        """The words in `lang` (`fr` or `en`)."""
        return self.fr if lang == "fr" else self.en

    def untranslated(self, lang: str) -> bool:
        """Whether the words shown in `lang` are another language's, not translated."""
        return self.only is not None and self.only != lang


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
    what_fr: str = field(default="", compare=False)   # the same words in French


UNSPECIFIED_MARK = "unspecified"


# --------------------------------------------------------------------------- legal force

Modality = Literal["obligation", "right", "prohibition"]
Strength = Literal["firm", "target", "best efforts", "reasonable efforts"]


@dataclass(frozen=True)
class Force:
    """Who a clause binds or empowers, towards whom, and how firmly.

    `party` and `counterparty` are `provider`, `client` or a third party's name. `strength` is
    said of obligations only: a firm commitment, a target, or an obligation of means (best or
    reasonable efforts); Unspecified where the contract leaves it open."""

    modality: Modality
    party: str | Text                  # `provider`, `client`, or a third party's name
    counterparty: str | Text | None
    strength: Strength | Unspecified | None

    @property
    def binding(self) -> bool:
        """Whether missing it is a breach: a firm obligation, or a prohibition."""
        return self.modality == "prohibition" or (
            self.modality == "obligation" and self.strength == "firm")


@dataclass(frozen=True)
class Party:
    """A party as the documents name it: its name, or its role when the contract names none
    (standard terms: `le Client` / `the Customer`)."""

    name: Text
    named: bool


@dataclass(frozen=True)
class SourceDocument:
    """A document the contract is made of: its title and date (None where it bears none);
    `effective` when the date is the one from which it applies."""

    title: str
    dated: date | None
    effective: bool = False


@dataclass(frozen=True)
class Conflict:
    """Two clauses of one contract that disagree, as the checker saw it: what it is about, and
    each side as the contract has it, with its line."""

    about: Text
    first: Text
    first_line: int
    second: Text
    second_line: int


# --------------------------------------------------------------------------- items

class ItemFields(TypedDict):
    """The fields every item has, read from the statements every block may hold."""

    name: str
    line: int
    clauses: tuple[ClauseRef, ...]
    label: Text | None
    notes: tuple[Text, ...]
    readings: tuple[Text, ...]        # the author's reading of what the contract leaves unclear
    force: Force | None
    conditions: tuple[Text, ...]
    formalities: tuple[Text, ...]
    via: str | None                   # a contact item's name


@dataclass(frozen=True, kw_only=True)
class ItemBase:
    """The fields every item has, given by name (each kind's own fields follow in order)."""

    name: str
    line: int
    clauses: tuple[ClauseRef, ...] = ()
    label: Text | None = None
    notes: tuple[Text, ...] = ()
    readings: tuple[Text, ...] = ()
    force: Force | None = None
    conditions: tuple[Text, ...] = ()
    formalities: tuple[Text, ...] = ()
    via: str | None = None


Item = ItemBase
"""An item of any kind: `kinds.of(item)` is its kind (compiler/kinds/)."""


@dataclass(frozen=True)
class Contract:
    """One checked contract: header facts and its items in source order."""

    id: str
    module: str                        # Python module name derived from the id
    source_file: str                   # path as given, relative to the build root
    title: Text
    provider: Party
    client: Party
    sources: tuple[SourceDocument, ...]
    zone: str
    languages: tuple[str, ...]
    currency: str
    items: tuple[Item, ...] = field(default=())
    unspecified: tuple[Unspecified, ...] = field(default=())
    conflicts: tuple[Conflict, ...] = field(default=())

    @property
    def dated(self) -> date:
        """The first dated source's date: the day worked examples take as today."""
        return next((s.dated for s in self.sources if s.dated is not None), date(2024, 1, 1))

    def of_type(self, kind: type) -> list:  # type: ignore[type-arg]
        return [item for item in self.items if isinstance(item, kind)]

    def item(self, name: str) -> Item | None:
        return next((i for i in self.items if i.name == name), None)
