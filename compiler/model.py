"""The checked contract model (IR): immutable, names resolved, units normalised; what backends
read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
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


@dataclass(frozen=True)
class Calendar(ItemBase):
    workdays: tuple[int, ...]          # 0 = Monday
    holiday_country: str | None        # ISO code given to the `holidays` library, e.g. "FR"
    holiday_subdivision: str | None
    closed: tuple[date, ...]


@dataclass(frozen=True)
class WeeklyRange:
    """Starts on `weekday` at `start_minute` (local wall time) and lasts `length_minutes`."""

    weekday: int
    start_minute: int
    length_minutes: int


@dataclass(frozen=True)
class WindowExample:
    at: datetime
    inside: bool
    line: int


@dataclass(frozen=True)
class Window(ItemBase):
    ranges: tuple[WeeklyRange, ...]
    always: bool
    business_days_of: str | None       # calendar name
    per_month_limit: int | None
    notice: Duration | Unspecified | None
    notice_exception: str | None
    examples: tuple[WindowExample, ...]


@dataclass(frozen=True)
class Probe:
    name: str
    description: str
    every: Duration
    max_latency: Duration


@dataclass(frozen=True)
class ProbeMethod:
    probes: tuple[Probe, ...]
    slice: Duration
    good_share: Decimal
    combine: Literal["each", "any", "pooled"] | Unspecified
    no_data: Literal["good", "bad", "excluded"] | Unspecified
    kind: Literal["probes"] = "probes"


@dataclass(frozen=True)
class ErrorRateMethod:
    threshold: Decimal
    missing: Literal["available", "interrupted", "excluded"] | Unspecified
    kind: Literal["error_rate"] = "error_rate"


@dataclass(frozen=True)
class OutageMethod:
    kind: Literal["outages"] = "outages"


Method = OutageMethod | ProbeMethod | ErrorRateMethod


@dataclass(frozen=True)
class Restatement:
    allowance: Duration   # seconds
    per: Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class OutageExample:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class AvailabilityExample:
    year: int
    month: int
    outages: tuple[OutageExample, ...]
    availability: Decimal
    line: int


@dataclass(frozen=True)
class Availability(ItemBase):
    target: Decimal
    strict: bool
    measured_during: str | None        # window name; None = all time
    excluded_windows: tuple[str, ...]
    maintenance_in: tuple[str | None, ...]   # windows whose declared maintenance is excluded
    excluded_causes: tuple[str, ...]
    exclusion_mode: Literal["removed", "available"] | Unspecified
    method: Method
    restatements: tuple[Restatement, ...]
    examples: tuple[AvailabilityExample, ...]


@dataclass(frozen=True)
class Bound:
    value: Decimal | Duration
    inclusive: bool


OutcomeKind = Literal["none", "invoice_share", "service_days", "money", "unspecified"]


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    amount: Decimal | None = None
    currency: str | None = None
    tax: Literal["excl", "incl"] | None = None


@dataclass(frozen=True)
class Tier:
    lower: Bound | None
    upper: Bound | None
    outcome: Outcome
    line: int


@dataclass(frozen=True)
class TierExample:
    value: Decimal | Duration
    outcome: Outcome
    line: int


@dataclass(frozen=True)
class Tiers(ItemBase):
    measure: Literal["availability", "unavailability", "notice"]
    source: str                        # availability name, or the event notice is given before
    tiers: tuple[Tier, ...]
    gaps: tuple[tuple[Bound | None, Bound | None], ...]
    cap: Outcome | None
    cap_per_month: bool
    claim_within: Duration | Unspecified | None
    claim_after: Literal["period", "incident", "breach"] | None
    payment: Literal["credit_note", "discount", "service_credit"] | Unspecified | None
    never_cash: bool
    examples: tuple[TierExample, ...]


@dataclass(frozen=True)
class Level:
    name: str
    text: Text


@dataclass(frozen=True)
class Severities(ItemBase):
    levels: tuple[Level, ...]


RuleKind = Literal["within", "between", "not_before", "immediately", "no_deadline", "at_most",
                   "monthly_day", "unspecified"]


@dataclass(frozen=True)
class Rule:
    action: str
    level: str | None
    kind: RuleKind
    regime: Literal["during", "outside"] | None   # during / outside business hours
    amount: Duration | None = None
    upper: Duration | None = None                 # `between amount and upper`
    after: str | None = None                      # the event the delay runs from
    count: int | None = None                      # at most `count` per `per`
    per: str | None = None
    day: int | None = None                        # monthly_day
    line: int = 0


@dataclass(frozen=True)
class Action:
    name: str
    text: Text


@dataclass(frozen=True)
class DeadlineExample:
    action: str
    level: str | None
    start: datetime
    due: datetime
    line: int


@dataclass(frozen=True)
class Deadlines(ItemBase):
    severities: str | None
    business_hours: str | Unspecified | None    # window name
    business_days: str | None                   # calendar name
    actions: tuple[Action, ...]
    rules: tuple[Rule, ...]
    examples: tuple[DeadlineExample, ...]


@dataclass(frozen=True)
class Copy:
    name: str
    every: Literal["day", "week", "month", "year"]
    weekday: int | Unspecified | None
    day: int | Unspecified | None
    month: int | None
    at_minute: int | None               # None: time of day not given
    kept: Duration | Unspecified


@dataclass(frozen=True)
class History:
    what: str
    previous_years: int


@dataclass(frozen=True)
class RetentionExample:
    at: datetime
    copies: int
    line: int


@dataclass(frozen=True)
class Retention(ItemBase):
    copies: tuple[Copy, ...]
    rpo: Duration | None
    history: tuple[History, ...]
    after_termination: Duration | None
    examples: tuple[RetentionExample, ...] = ()


@dataclass(frozen=True)
class TermExample:
    subscribed: date
    requested: date
    ends: date
    line: int


@dataclass(frozen=True)
class Term(ItemBase):
    initial: Duration | None
    initial_from: str | None
    renewal: Duration | None
    notice_before_end: Duration | None
    notice_by: str | None
    short_tenure: Duration | None
    tenure_base: Duration | None
    tenure_per_year: Duration | None
    engagement_prevails: bool
    survives: Duration | None
    examples: tuple[TermExample, ...]


@dataclass(frozen=True)
class Fee:
    name: str
    amount: Money
    per: str | None                    # "hour", "month", "day", or a unit the contract names
    minimum: Money | None
    minimum_per: str | None


@dataclass(frozen=True)
class MoneyExample:
    fee: str
    inputs: tuple[tuple[str, Decimal], ...]
    result: Money
    line: int


@dataclass(frozen=True)
class MoneyClause(ItemBase):
    fees: tuple[Fee, ...]
    minimum_invoice: Money | None
    surcharge: Decimal | None
    surcharge_on: str | None
    indexation: str | None
    indexation_cap: Decimal | None
    liability_cap: Money | None
    interest_points: Decimal | None
    billing: Literal["advance", "arrears"] | None
    examples: tuple[MoneyExample, ...]


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
