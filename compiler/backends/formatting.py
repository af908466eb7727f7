"""Locale-correct values for the summaries (numbers, money, times, dates, durations) via Babel.

French uses non-breaking spaces between a number and its unit (`99,8 %`, `21 h 00`,
`130,00 € HT`, `2 min 52,8 s`); English follows British conventions (`99.8%`, `21:00`,
`€130.00 excl. VAT`, `19 March 2024`). Plurals follow each locale's CLDR rules (in French 0 and
1.5 are singular). Values only: the sentences around them live in the templates.

Babel's answers are cached: numbers by their text (which keeps `1.0` and `1.00` apart, as
Babel does), dates by value, names by locale and code; a contract's values recur in every
summary.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from babel import Locale
from babel.dates import format_date, get_day_names, get_month_names
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_name
from markupsafe import Markup

from .. import model

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")
LOCALES: dict[Lang, str] = {"fr": "fr_FR", "en": "en_GB"}
NBSP = "\u00a0"

# Unit names by plural category ("one", "other"); business units are not in CLDR.
_UNITS: dict[Lang, dict[str, tuple[str, str]]] = {
    "fr": {
        "second": ("seconde", "secondes"), "minute": ("minute", "minutes"),
        "hour": ("heure", "heures"), "day": ("jour", "jours"), "week": ("semaine", "semaines"),
        "month": ("mois", "mois"), "year": ("an", "ans"),
        "business_hour": ("heure ouvrée", "heures ouvrées"),
        "business_day": ("jour ouvré", "jours ouvrés"),
    },
    "en": {
        "second": ("second", "seconds"), "minute": ("minute", "minutes"),
        "hour": ("hour", "hours"), "day": ("day", "days"), "week": ("week", "weeks"),
        "month": ("month", "months"), "year": ("year", "years"),
        "business_hour": ("business hour", "business hours"),
        "business_day": ("business day", "business days"),
    },
}
_TAX: dict[Lang, dict[str, str]] = {
    "fr": {"excl": "HT", "incl": "TTC"},
    "en": {"excl": "excl. VAT", "incl": "incl. VAT"},
}
_AT: dict[Lang, str] = {"fr": "{date} à {time}", "en": "{date} at {time}"}
TENTH = Decimal("0.1")
_SPACES = re.compile(r"[ \t\r\n\f\v\u0085\u2028\u2029]+")
_RARE_SPACES = re.compile(r"[\t\r\f\v\u0085\u2028\u2029]")
"""Breaking spaces other than ` ` and newlines; none is printable (`str.isprintable`), so printable
text is not searched for them."""


_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
"""Control, bidi and invisible format characters (tabs and line ends aside, which `squash`
turns into spaces)."""


def visible(text: str) -> str:
    """Contract words made inert on a page or a terminal: every control, bidi or invisible
    character shown as its code point, `⟨U+001B⟩`."""
    if not _INVISIBLE.search(text):
        return text
    return _INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def squash(text: str) -> str:
    """Runs of breaking whitespace (newlines included) become one space; no-break spaces stay.

    Returns the same type it is given, so escaped markup stays markup.
    """
    squashed = str.replace(text, "\n", " ")
    if "  " in squashed or not squashed.isprintable() and _RARE_SPACES.search(squashed):
        squashed = _SPACES.sub(" ", squashed)    # else each run is already a single space
    squashed = squashed.strip(" ")
    return Markup(squashed) if isinstance(text, Markup) else squashed


@functools.cache
def _locale(lang: Lang) -> Locale:
    return Locale.parse(LOCALES[lang])


@functools.cache
def _decimal(lang: Lang, digits: str) -> str:
    return format_decimal(Decimal(digits), locale=_locale(lang), decimal_quantization=False)


@functools.cache
def _percent(lang: Lang, digits: str) -> str:
    return format_percent(Decimal(digits) / 100, locale=_locale(lang), decimal_quantization=False)


@functools.cache
def _currency(lang: Lang, digits: str, currency: str) -> str:
    return format_currency(Decimal(digits), currency, locale=_locale(lang))


@functools.cache
def _plural_form(lang: Lang, digits: str) -> str:
    return _locale(lang).plural_form(Decimal(digits))


@functools.cache
def _long_date(lang: Lang, year: int, month: int, day: int) -> str:
    return format_date(date(year, month, day), format="long", locale=_locale(lang))


@functools.cache
def _month(lang: Lang, year: int, month: int) -> str:
    return format_date(date(year, month, 1), format="LLLL y", locale=_locale(lang))


@functools.cache
def _currencies(lang: Lang, code: str) -> str:
    return str(get_currency_name(code, count=2, locale=_locale(lang)))


@functools.cache
def _languages(lang: Lang, codes: tuple[str, ...]) -> str:
    locale = _locale(lang)
    return format_list([str(locale.languages.get(code, code)) for code in codes], locale=locale)


@functools.cache
def _day_names(lang: Lang, width: Literal["wide", "abbreviated"]) -> dict[int, str]:
    """0 = Monday."""
    names = get_day_names(width, locale=_locale(lang))
    return {day: str(names[day]) for day in range(7)}


@functools.cache
def _month_names(lang: Lang) -> dict[int, str]:
    """1 = January."""
    names = get_month_names("wide", locale=_locale(lang))
    return {month: str(names[month]) for month in range(1, 13)}


@functools.cache
def _quantity(lang: Lang, digits: str, unit: str) -> str:
    """`Formatter.quantity`, by the amount's digits (all that it reads of the amount)."""
    return Formatter(lang).count(Decimal(digits), *_UNITS[lang][unit])


_SPELT = {
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
}
"""Small counts in words (`Formatter.counted`)."""


class Formatter:
    """Formats IR values for one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self.locale = _locale(lang)
        self.space = NBSP if lang == "fr" else " "

    # ------------------------------------------------------------------ numbers and money

    def number(self, value: Decimal | int) -> str:
        """A number with every digit it has: `52,8`, `1 000`, `0.21`."""
        return _decimal(self.lang, str(value))

    def percent(self, value: Decimal) -> str:
        """A value given in percent: `99,8 %` / `99.8%`."""
        return _percent(self.lang, str(value))

    def rate(self, value: Decimal) -> str:
        """A computed rate, as a reader uses it: to the thousandth of a percent, `99,801 %`."""
        return self.percent(value.quantize(Decimal("0.001")).normalize())

    def money(self, money: model.Money) -> str:
        """`130,00 € HT` / `€130.00 excl. VAT`; no tax words when the contract gives none."""
        shown = _currency(self.lang, str(money.amount), money.currency)
        if money.tax is None:
            return shown
        return f"{shown}{self.space}{_TAX[self.lang][money.tax]}"

    def currencies(self, code: str) -> str:
        """The currency's plural name: `euros`."""
        return _currencies(self.lang, code)

    def languages(self, codes: tuple[str, ...]) -> str:
        """Languages' names, joined: `English`, `français et anglais`."""
        return _languages(self.lang, codes)

    def country(self, code: str) -> str:
        """A country's name from its ISO code: `France`."""
        return str(self.locale.territories.get(code.upper(), code))

    # ------------------------------------------------------------------ plurals and durations

    def plural(self, count: Decimal | int, one: str, other: str) -> str:
        """`one` or `other` by the locale's plural rule for `count`."""
        return one if _plural_form(self.lang, str(count)) == "one" else other

    def count(self, amount: Decimal | int, one: str, other: str) -> str:
        """A number and its noun: `3 points`, `1 niveau`."""
        return f"{self.number(amount)}{self.space}{self.plural(amount, one, other)}"

    def counted(self, amount: int, one: str, other: str) -> str:
        """A count of things in prose, spelt out up to ten as legal writing does: `trois
        niveaux`, `two probes`, `12 levels`."""
        spelt = _SPELT[self.lang]
        if 0 < amount < len(spelt):
            return f"{spelt[amount]} {self.plural(amount, one, other)}"
        return self.count(amount, one, other)

    def quantity(self, amount: Decimal | int, unit: str) -> str:
        """`6 jours ouvrés`, `1 business day`, `1,5 heure`."""
        return _quantity(self.lang, str(amount), unit)

    def duration(self, duration: model.Duration) -> str:
        return self.quantity(duration.amount, duration.unit)

    def elapsed(self, seconds: Decimal) -> str:
        """Seconds as `1 h 27 min 39,5 s`, rounded half-up to the tenth of a second."""
        rounded = seconds.quantize(TENTH, rounding=ROUND_HALF_UP)
        whole = int(rounded)
        hours, rest = divmod(whole, 3600)
        minutes = rest // 60
        secs = rounded - hours * 3600 - minutes * 60
        parts = []
        if hours:
            parts.append(f"{hours}{self.space}h")
        if minutes:
            parts.append(f"{minutes}{self.space}min")
        if secs or not parts:
            parts.append(f"{self.number(secs.normalize())}{self.space}s")
        return " ".join(parts)

    def hours(self, minutes: int) -> str:
        """Minutes as a number of hours: `18 heures`, `38,5 hours`."""
        return self.quantity((Decimal(minutes) / 60).normalize(), "hour")

    # ------------------------------------------------------------------ clock, days, dates

    def clock(self, minute: int) -> str:
        """Minutes after midnight: `21 h 00`, `9 h 30`, `24 h 00` / `21:00`, `09:30`."""
        hours, minutes = divmod(minute, 60)
        if self.lang == "fr":
            return f"{hours}{NBSP}h{NBSP}{minutes:02d}"
        return f"{hours:02d}:{minutes:02d}"

    def time_of(self, instant: datetime | time) -> str:
        return self.clock(instant.hour * 60 + instant.minute)

    def weekday(self, index: int) -> str:
        """0 = Monday: `lundi` / `Monday`."""
        return _day_names(self.lang, "wide")[index]

    def weekday_short(self, index: int) -> str:
        """0 = Monday: `lun.` / `Mon`."""
        return _day_names(self.lang, "abbreviated")[index]

    def weekday_of(self, day: date) -> str:
        return self.weekday(day.weekday())

    def month_name(self, month: int) -> str:
        return _month_names(self.lang)[month]

    def long_date(self, day: date) -> str:
        """`19 mars 2024`, `1er mars 2021` / `19 March 2024`."""
        shown = _long_date(self.lang, day.year, day.month, day.day)
        return "1er" + shown[1:] if self.lang == "fr" and day.day == 1 else shown

    def weekday_date(self, day: date) -> str:
        """`mardi 14 mai 2024` / `Tuesday 14 May 2024`."""
        return f"{self.weekday_of(day)} {self.long_date(day)}"

    def month(self, year: int, month: int) -> str:
        """`mai 2024` / `May 2024`."""
        return _month(self.lang, year, month)

    def period(self, months: int, fiscal: bool, first_day: int, values: tuple[int, ...]) -> str:
        """A measurement period: `May 2024`, `Q2 2024`, `2024`, `Q1 of fiscal year 2024`, `the
        billing cycle from 15 May 2024`; in French, `mai 2024`, `T2 2024`…"""
        year = values[0]
        fr = self.lang == "fr"
        if months == 1 and first_day != 1:
            start = self.long_date(date(year, values[1], first_day))
            return f"le cycle de facturation du {start}" if fr else \
                f"the billing cycle from {start}"
        if months == 1:
            return self.month(year, values[1])
        if months == 3:
            quarter = values[1]
            if fr:
                return f"T{quarter} de l’exercice {year}" if fiscal else f"T{quarter} {year}"
            return f"Q{quarter} of fiscal year {year}" if fiscal else f"Q{quarter} {year}"
        if fiscal:
            return f"l’exercice {year}" if fr else f"fiscal year {year}"
        return str(year)

    def moment(self, instant: datetime) -> str:
        """`vendredi 3 mai 2024 à 16 h 00` / `Friday 3 May 2024 at 16:00` (wall time as given)."""
        return _AT[self.lang].format(date=self.weekday_date(instant.date()),
                                     time=self.time_of(instant))


def words(text: model.Text, lang: str) -> str:
    """The author's words in `lang`; words that are not translated into it are tagged with the
    language they are written in: `Compute availability [en]`."""
    shown = text.in_(lang)
    return f"{shown} [{text.only}]" if text.untranslated(lang) else shown
