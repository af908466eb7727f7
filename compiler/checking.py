"""What every kind's check shares: reporting, values read and checked, references to other items."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import TypeVar, cast
from zoneinfo import ZoneInfo, available_timezones

from . import ast, model
from .diagnostics import Diagnostic
from .messages import (
    KindNames,
    Phrase,
    joined,
    listing,
    phrase,
)
from .sources import FILE_BYTES

GREGORIAN_YEAR_SECONDS = Decimal("365.2425") * 86400
PER_SECONDS = {"day": Decimal(86400), "week": Decimal(604800),
               "month": GREGORIAN_YEAR_SECONDS / 12, "year": GREGORIAN_YEAR_SECONDS}
StatementT = TypeVar("StatementT", bound=ast.Statement)
WEEK = 7 * 1440   # minutes in a week
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
FIXED = ("second", "minute", "hour")


@dataclass(frozen=True)
class Limits:
    """What the checker accepts, so that whatever `slac check` accepts the backends, the runtime
    and the holiday data can compute with (docs/language.md, "Limits"). One table: the kinds read
    their values through the Checker's typed readers, which apply it."""

    first_year: int = 1900          # dates, date-times and months
    last_year: int = 2199
    duration: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({
        # 100 years in each unit (a delay, a retention, a term, a notice…)
        "second": 3_155_760_000, "minute": 52_596_000, "hour": 876_600, "day": 36_525,
        "week": 5_218, "month": 1_200, "year": 100,
        # a year of business time, so that a due date stays inside the holiday data
        "business_day": 366, "business_hour": 8_784}))
    count: int = 1_000_000          # counts, copies, years of history, days of service…
    integer_digits: int = 12        # amounts and quantities: below 10^12
    money_decimals: int = 4         # 0.0001 EUR
    number_decimals: int = 9        # percentages and quantities
    duration_decimals: int = 30     # seconds in restatements (compared to the nanosecond)
    file_bytes: int = FILE_BYTES
    string_chars: int = 100_000
    items: int = 5_000              # blocks of a contract
    statements: int = 5_000         # statements (header included) of one block


LIMITS = Limits()


class Checker:
    """Checks one module; collects diagnostics instead of stopping at the first problem.

    Kinds check their blocks through it (see kinds/base.py): it reads values, resolves names and
    reports problems; `zone` and `currency` are the contract header's."""

    def __init__(self, module: ast.Module, names: Mapping[str, KindNames]) -> None:
        self.module = module
        self.names = names                    # how messages name each kind, by keyword
        self.diagnostics: list[Diagnostic] = []
        self.unspecified: list[model.Unspecified] = []
        self.blocks: dict[str, ast.Block] = {}
        self.fee_lines: dict[str, int] = {}   # fees of the whole contract, by lower-case name,
        # since each has an evaluator of its own, named after it
        self.zone = ZoneInfo("UTC")           # the header's, once read
        self.currency = "EUR"
        self.languages: tuple[str, ...] = ("fr", "en")
        self.conflicts: list[model.Conflict] = []

    def report(self, code: str, span: ast.Span, **args: object) -> None:
        self.diagnostics.append(Diagnostic(code, span, dict(args)))

    def undecided(self, span: ast.Span, what: Phrase) -> model.Unspecified:
        """Report a point the contract leaves open; the model keeps its English wording."""
        item = model.Unspecified(what.en, what.fr)
        self.unspecified.append(item)
        self.report("unspecified", span, what=what)
        return item

    def conflict(self, first: ast.Span, second: ast.Span, about: Phrase, said_first: Phrase,
                 said_second: Phrase) -> None:
        """Two places of the contract that disagree: reported at both, kept for the documents."""
        args = {"about": about, "first": said_first, "first_line": first.line,
                "second": said_second, "second_line": second.line}
        self.report("contradiction", second, **args)
        self.report("contradicted", first, line=second.line)
        self.conflicts.append(model.Conflict(
            model.Text(about.fr, about.en), model.Text(said_first.fr, said_first.en), first.line,
            model.Text(said_second.fr, said_second.en), second.line))

    def text(self, node: ast.TextLit) -> model.Text:
        """Words of the author's; words missing in one of the contract's languages are
        reported, and shown as they are in both summaries."""
        written = {"fr", "en"} if isinstance(node, ast.TwoLanguages) else \
            {node.lang} if isinstance(node, (ast.FrenchOnly, ast.EnglishOnly)) else \
            set(self.languages[:1]) if len(self.languages) == 1 else set()
        missing = [lang for lang in self.languages if lang not in written]
        if missing:
            example = " ".join(f'{lang} "…"' for lang in self.languages)
            self.report("untranslated", node.span,
                        missing=Phrase(" and ".join(missing), " et ".join(missing)),
                        languages=", ".join(self.languages), example=example)
        return as_text(node, self.languages)

    def force(self, stmt: ast.Force, name: str) -> model.Force:
        """Who the clause `name` binds or empowers, towards whom, how firmly (obligations)."""
        counterparty = stmt.counterparty.party if stmt.counterparty is not None else None
        strength: model.Strength | model.Unspecified | None = None
        if stmt.modality == "obligation":
            if stmt.strength is None:
                self.report("strength-undecided", stmt.span)
            elif stmt.strength.word.value == "unspecified":
                strength = self.undecided(stmt.strength.span, phrase("undecided.strength",
                                                                      name=name))
            else:
                strength = cast(model.Strength, stmt.strength.word.value)
        return model.Force(cast(model.Modality, stmt.modality),
                           party_of(stmt.party, self.languages),
                           party_of(counterparty, self.languages) if counterparty is not None
                           else None, strength)

    def percent(self, node: ast.Percent) -> Decimal:
        if _decimals(node.value) > LIMITS.number_decimals:
            self.report("beyond-limit", node.span, text=f"{_short(node.value)} %",
                        limit=phrase("limit.decimals", count=LIMITS.number_decimals))
            return Decimal(0)
        if not Decimal(0) <= node.value <= Decimal(100):
            self.report("percent-range", node.span, value=_short(node.value))
        return node.value

    def number(self, node: ast.Number, maximum: int | None = None) -> Decimal:
        """A quantity (hours worked, points above a rate, days of service…): below 10^12 (or
        `maximum`), at most 9 decimals."""
        if not self.bounded(node.value, node.span, node.text, LIMITS.number_decimals):
            return Decimal(0)
        if maximum is not None and node.value > maximum:
            self.report("beyond-limit", node.span, text=node.text,
                        limit=phrase("limit.count", count=maximum))
            return Decimal(0)
        return node.value

    def bounded(self, value: Decimal, span: ast.Span, text: str, decimals: int) -> bool:
        """Whether `value` has at most `decimals` decimals and fewer than the limit's digits
        before the point; reported when not."""
        if _decimals(value) > decimals:
            self.report("beyond-limit", span, text=_short(text),
                        limit=phrase("limit.decimals", count=decimals))
            return False
        if abs(value) >= Decimal(10) ** LIMITS.integer_digits:
            self.report("beyond-limit", span, text=_short(text),
                        limit=phrase("limit.digits", count=LIMITS.integer_digits))
            return False
        return True

    def duration(self, node: ast.DurationLit, allowed: tuple[str, ...], expected: Phrase, *,
                 fraction_ok: bool = False) -> model.Duration:
        """One duration in one of the `allowed` dimensions (fixed, calendar, business)."""
        units = [u for _, u in node.parts]
        dims = {dimension(u) for u in units}
        for amount, unit in node.parts:
            longest = LIMITS.duration.get(unit, 0)
            if _decimals(amount) > LIMITS.duration_decimals or amount > longest:
                limit = (phrase("limit.decimals", count=LIMITS.duration_decimals)
                         if amount <= longest else
                         phrase("limit.duration", amount=longest, unit=unit.replace("_", " ")))
                self.report("beyond-limit", node.span,
                            text=_short(f"{amount} {unit.replace('_', ' ')}s"), limit=limit)
                return model.Duration(Decimal(1), cast(model.DurationUnit, unit))
        text = written(node)
        if len(node.parts) > 1 and (dims != {"fixed"} or len(set(units)) != len(units)):
            self.report("mixed-duration", node.span, units=", ".join(units))
        dim = dimension(units[0])
        if dim not in allowed:
            self.report("unit-mismatch", node.span, expected=expected, hint=unit_hint(allowed),
                        found=phrase("found.duration", text=text, time=phrase(f"time.{dim}")))
        if len(node.parts) > 1 and dims == {"fixed"}:
            seconds = sum((a * {"second": 1, "minute": 60, "hour": 3600}[u] for a, u in node.parts),
                          Decimal(0))
            if not fraction_ok and seconds != seconds.to_integral_value():
                self.report("fractional-duration", node.span, text=text)
            return model.Duration(seconds, "second")
        amount, unit = node.parts[0]
        if not fraction_ok and amount != amount.to_integral_value():
            self.report("fractional-duration", node.span, text=text)
        return model.Duration(amount, cast(model.DurationUnit, unit))

    def time(self, node: ast.Time) -> int:
        hours, minutes = int(node.text[:2]), int(node.text[3:])
        if minutes > 59 or hours > 24 or (hours == 24 and minutes):
            self.report("bad-time", node.span, text=node.text)
        return node.minute

    def date(self, node: ast.DateLit) -> date:
        if node.value is None:
            self.report("bad-date", node.span, text=node.text)
            return date(2000, 1, 1)
        if not LIMITS.first_year <= node.value.year <= LIMITS.last_year:
            self.report("beyond-limit", node.span, text=node.text, limit=_years())
            return date(2000, 1, 1)
        return node.value

    def month(self, node: ast.Word) -> tuple[int, int]:
        """A month written YYYY-MM, as (year, month); a month that does not exist, or outside
        the years handled, is reported (and read as January 2000)."""
        year, month = (int(x) for x in node.value.split("-"))
        if not 1 <= month <= 12:
            self.report("bad-date", node.span, text=node.value)
            return 2000, 1
        if not LIMITS.first_year <= year <= LIMITS.last_year:
            self.report("beyond-limit", node.span, text=node.value, limit=_years())
            return 2000, 1
        return year, month

    def instant(self, node: ast.DateTime, zone: ZoneInfo | None) -> datetime:
        minute = self.time(node.time)
        d = self.date(node.date)
        return datetime(d.year, d.month, d.day, min(minute, 1439) // 60, min(minute, 1439) % 60,
                        tzinfo=zone)

    def money(self, node: ast.MoneyLit, currency: str) -> model.Money:
        if not self.bounded(node.amount, node.span, f"{node.amount} {node.currency}",
                            LIMITS.money_decimals):
            return model.Money(Decimal(0), node.currency, node.tax)
        if node.currency != currency:
            self.report("unit-mismatch", node.span,
                        found=phrase("found.amount", currency=node.currency),
                        expected=phrase("expected.amount", currency=currency),
                        hint=phrase("hint.currency", currency=currency))
        return model.Money(node.amount, node.currency, node.tax)

    def whole(self, node: ast.Number, why: Phrase, minimum: int = 0,
              maximum: int | None = None) -> int:
        if maximum is None and node.value > LIMITS.count:
            self.report("beyond-limit", node.span, text=_short(node.text),
                        limit=phrase("limit.count", count=LIMITS.count))
            return minimum
        if node.value != node.value.to_integral_value() or node.value < minimum \
                or (maximum is not None and node.value > maximum):
            self.report("bad-number", node.span, text=_short(node.text), why=why)
        return int(node.value)

    def reference(self, node: ast.Name, kind: str) -> str:
        """A name that must refer to a block of the given kind."""
        block = self.blocks.get(node.value)
        if block is None:
            candidates = [n for n, b in self.blocks.items() if b.kind == kind]
            suggestion = (suggest(node.value, candidates) if candidates else
                          phrase("suggest.define", kind=self.names[kind].a().en, keyword=kind))
            self.report("unknown-name", node.span, kind=self.names[kind].none(), name=node.value,
                        suggestion=suggestion)
        elif block.kind != kind:
            self.report("wrong-kind", node.span, name=node.value, actual=self.names[block.kind].a(),
                        expected=self.names[kind].a())
        return node.value

    def single(self, block: ast.Block, cls: type[StatementT]) -> StatementT | None:
        """The block's statement of class `cls`, None if it has none; any further one is reported
        as a duplicate."""
        found = [s for s in block.body if isinstance(s, cls)]
        for extra in found[1:]:
            self.report("duplicate-statement", extra.span,
                        what=extra.as_written())
        return found[0] if found else None

    def positive(self, node: ast.DurationLit, allowed: tuple[str, ...], expected: Phrase,
                 what: Phrase) -> model.Duration:
        """A duration that must be longer than zero (a period of zero cannot be computed with)."""
        reported = len(self.diagnostics)
        value = self.duration(node, allowed, expected)
        if value.amount == 0 and len(self.diagnostics) == reported:
            self.report("bad-duration", node.span, text=written(node),
                        why=phrase("why.positive", what=what))
        return value


def _decimals(value: Decimal) -> int:
    """Digits after the decimal point, as written (`2.50`: 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _short(value: object) -> str:
    """A value as written, cut to 40 characters for a message."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}…{text[-10:]}"


def _years() -> Phrase:
    return phrase("limit.years", first=LIMITS.first_year, last=LIMITS.last_year)


def written(node: ast.DurationLit) -> str:
    """A duration as written, units spelt out: `1 hour 30 minutes`, `3 business days`."""
    return " ".join(f"{a} {u.replace('_', ' ')}{'' if a == 1 else 's'}" for a, u in node.parts)


def suggest(name: str, candidates: list[str]) -> Phrase:
    """For an unknown name: the closest known one, or the list of known ones."""
    close = difflib.get_close_matches(name, candidates, n=1)
    return (phrase("suggest.close", name=close[0]) if close else
            phrase("suggest.known", names=listing(sorted(candidates))))


def dimension(unit: str) -> str:
    if unit.startswith("business"):
        return "business"
    return "fixed" if unit in FIXED else "calendar"


def unit_hint(allowed: tuple[str, ...]) -> Phrase:
    units = joined([phrase(f"hint.units.{a}") for a in allowed], phrase("hint.or"))
    return phrase("hint.use", units=units)


def party_of(node: ast.Party, languages: tuple[str, ...]) -> str | model.Text:
    """`provider`, `client`, or a third party's name as written."""
    return node.value if isinstance(node, ast.Word) else as_text(node.name, languages)


def as_text(node: ast.TextLit, languages: tuple[str, ...]) -> model.Text:
    """Words in both languages as written, or the same words for both: those of the one
    language they are written in (`en "…"`, or a plain string in a one-language contract),
    or a name or quotation the same in every language (a plain string otherwise)."""
    if isinstance(node, ast.TwoLanguages):
        return model.Text(node.fr.value, node.en.value)
    words = node.words.value
    if isinstance(node, (ast.FrenchOnly, ast.EnglishOnly)):
        return model.Text(words, words, only=node.lang)      # type: ignore[arg-type]
    only = languages[0] if len(languages) == 1 else None
    return model.Text(words, words, only=only)              # type: ignore[arg-type]


def weekdays_of(node: ast.DayRange) -> tuple[int, ...]:
    """The weekdays (0 = Monday) of a day range, in the order written, each once."""
    if isinstance(node, ast.EveryDay):
        return tuple(range(7))
    if isinstance(node, ast.DaySpan):
        first, last = node.first.index, node.last.index
        return tuple((first + i) % 7 for i in range((last - first) % 7 + 1))
    return tuple(dict.fromkeys(d.index for d in node.days))


@functools.cache
def known_zones() -> set[str]:
    """IANA zone names known to this machine (computed once)."""
    return available_timezones()


@functools.cache
def known_holidays(country: str, subdivision: str | None) -> bool:
    """Whether the holidays library has this country (and subdivision); asked once per pair."""
    import holidays
    from holidays.registry import EntityLoader

    # A country code of the registry, not any attribute of the module; the registry's codes are
    # read without importing every country's module (`list_supported_countries` does import them).
    if country not in EntityLoader.get_country_codes():
        return False
    try:
        holidays.country_holidays(country, subdiv=subdivision, years=2024)
    except (NotImplementedError, ValueError, KeyError, AttributeError):
        return False
    return True
