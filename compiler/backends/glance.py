""""At a glance" page of the HTML sheet: model.Contract → key figures, tables and boxes, in one
language.

Everything here is a pure function of the checked model: the figures are computed with the
runtime the generated code uses (schedules, calendars, tiers, terms), never copied from the
contract's comments, so the sheet and the evaluators cannot disagree. The sheet template
(`sheet.html.j2`) only lays out what `glance(contract, lang)` returns. Words that the summaries
do not already have are in `WORDS`, French and English side by side.

`attention_points(contract, lang)` is the one source of the "points of attention" box: a list of
sentences, for now what the contract leaves open (`contract.unspecified`, made readable).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from markupsafe import Markup

from .. import model
from ..kinds.availability import Availability, MeasurePeriod
from ..kinds.calendar import Calendar
from ..kinds.contact import Contact
from ..kinds.deadlines import Deadlines, Rule
from ..kinds.money import MoneyClause
from ..kinds.retention import Copy, Retention
from ..kinds.severities import Severities
from ..kinds.term import Term
from ..kinds.tiers import Bound, Outcome, Tiers
from ..kinds.window import Window
from ..runtime import tiers as rt_tiers
from ..runtime.calendars import BusinessCalendar
from ..runtime.intervals import Interval, subtract, total
from ..runtime.periods import Period, add_period, end_of_month, period_bounds
from ..runtime.schedules import Schedule
from ..runtime.schedules import WeeklyRange as ScheduleRange
from ..runtime.terms import FixedTerm, TenureNotice
from .formatting import NBSP, Formatter, Lang, visible, words
from .pycode import holiday_data

INVOICE = Decimal(1000)
"""The invoice amount the worked money examples are computed on (in the contract currency)."""

DEFAULT_START = date(2024, 1, 1)
"""Start date of the term examples when the contract gives no worked example of its own."""

WORDS: dict[str, tuple[str, str]] = {
    # page furniture
    "glance": ("L'essentiel", "At a glance"),
    "annex": ("Annexe — le détail clause par clause", "Annex — clause by clause"),
    "notice": ("Résumé non contractuel — seul le contrat signé fait foi",
               "Non-contractual summary — the signed contract prevails"),
    "provider": ("Prestataire", "Provider"),
    "client": ("Client", "Client"),
    "document": ("Document source", "Source document"),
    "dated": ("{title}, daté du {date}", "{title}, dated {date}"),
    "effective": ("{title}, en vigueur à compter du {date}", "{title}, in force from {date}"),
    "undated": ("{title}, non daté", "{title}, undated"),
    "times": ("Heures locales ({zone}) ; montants en {currency}",
              "Local times ({zone}); amounts in {currency}"),
    "key-figures": ("Chiffres clés", "Key figures"),
    "col-topic": ("Sujet", "Topic"),
    "col-figure": ("Chiffre clé", "Key figure"),
    "col-detail": ("Précisions et exemple calculé", "Details and worked example"),
    "col-clause": ("Clause", "Clause"),
    "contact": ("Réclamer, signaler : qui contacter", "How to claim, whom to contact"),
    "attention": ("Points d'attention", "Points of attention"),
    "attention-intro": ("Le contrat ne précise pas :", "The contract does not say:"),
    "attention-none": ("Le contrat ne laisse aucun point ouvert parmi ceux encodés.",
                       "The contract leaves none of the encoded points open."),
    "week": ("Semaine type", "Typical week"),
    # availability
    "target": ("≥ {value} par mois civil", "≥ {value} per calendar month"),
    "strength-best efforts": ("obligation de moyens (meilleurs efforts)",
                              "best-efforts undertaking"),
    "strength-reasonable efforts": ("obligation de moyens (efforts raisonnables)",
                                    "reasonable-efforts undertaking"),
    "strength-target": ("simple objectif", "a target only"),
    "no-remedy": ("aucune réparation prévue si l’objectif est manqué",
                  "no remedy if the target is missed"),
    "target-strict": ("> {value} par mois civil", "> {value} per calendar month"),
    "measured-always": ("mesurée 24 h/24, 7 j/7", "measured 24/7"),
    "measured-during": ("mesurée {schedule}", "measured {schedule}"),
    "business-days": ("jours ouvrés", "business days"),
    "allowance": ("Indisponibilité admise", "Allowed unavailability"),
    "allowance-value": ("{time} en {month}", "{time} in {month}"),
    "allowance-detail": ("{hours} mesurées en {month} × {share}",
                         "{hours} measured in {month} × {share}"),
    "allowance-maintenance": ("avant déduction des maintenances", "before maintenance is deducted"),
    # tiers
    "tier-example": ("{measure} de {value} → {outcome}, soit {money} {on}",
                     "{measure} of {value} → {outcome}, i.e. {money} {on}"),
    "on-invoice": ("sur une facture de {invoice}", "on an invoice of {invoice}"),
    "on-subscription": ("sur un abonnement de {invoice}", "on a subscription of {invoice}"),
    "on-fees": ("sur {invoice} versés", "on {invoice} paid"),
    "on-price": ("sur un prix de {invoice}", "on a price of {invoice}"),
    "tier-example-plain": ("{measure} de {value} → {outcome}", "{measure} of {value} → {outcome}"),
    "measure-availability": ("Disponibilité", "Availability"),
    "measure-unavailability": ("Indisponibilité", "Unavailability"),
    "claim-period": ("à réclamer au plus tard le {date} pour {month}",
                     "claim by {date} for {month}"),
    "claim-incident": ("à réclamer dans les {delay} suivant l'incident",
                       "claim within {delay} of the incident"),
    "claim-breach": ("à réclamer dans {delay} après le manquement",
                     "claim within {delay} after the breach"),
    "claim-unknown": ("délai de réclamation non précisé", "claim deadline not stated"),
    "paid-credit_note": ("versé en avoir", "paid as a credit note"),
    "paid-discount": ("versé en remise", "paid as a discount"),
    "paid-service_credit": ("versé en crédit de service", "paid as service credit"),
    "paid-deduction": ("déduit de la facture", "deducted from the invoice"),
    "never-cash": ("jamais en espèces", "never in cash"),
    "cap": ("plafond : {cap}", "cap: {cap}"),
    "cap-month": ("plafond : {cap} par mois", "cap: {cap} a month"),
    "no-amount": ("le contrat ne chiffre aucune tranche",
                  "the contract puts no figure on any tier"),
    "col-range-availability": ("Disponibilité du mois (x)", "Monthly availability (x)"),
    "col-range-unavailability": ("Indisponibilité du mois (x)", "Monthly unavailability (x)"),
    "col-range-notice": ("Préavis (x)", "Notice (x)"),
    "col-outcome": ("Effet", "Outcome"),
    "col-on-invoice": ("Sur une facture de {invoice}", "On an invoice of {invoice}"),
    "col-on-subscription": ("Sur un abonnement de {invoice}", "On a subscription of {invoice}"),
    "col-on-fees": ("Sur {invoice} versés", "On {invoice} paid"),
    "col-on-price": ("Sur un prix de {invoice}", "On a price of {invoice}"),
    "outcome-none": ("rien", "nothing"),
    "outcome-share-invoice": ("{value} de la facture", "{value} of the invoice"),
    "outcome-share-subscription": ("{value} de l'abonnement", "{value} of the subscription"),
    "outcome-share-fees": ("{value} des redevances", "{value} of the fees"),
    "outcome-share-price": ("{value} du prix", "{value} of the price"),
    "outcome-days": ("{days} de service", "{days} of service"),
    "outcome-unspecified": ("non précisé par le contrat", "not stated by the contract"),
    "gap": ("non couvert par le contrat", "not covered by the contract"),
    "notice-before": ("avant {event}", "before {event}"),
    # deadlines
    "col-level": ("Niveau", "Level"),
    "col-action": ("Action", "Action"),
    "col-deadline": ("Délai", "Deadline"),
    "col-from": ("À compter de", "Counted from"),
    "during": ("{action} (heures ouvrées)", "{action} (business hours)"),
    "outside": ("{action} (hors heures ouvrées)", "{action} (outside business hours)"),
    "within": ("{delay}", "{delay}"),
    "between": ("entre {low} et {high}", "between {low} and {high}"),
    "not-before": ("pas avant {delay}", "not before {delay}"),
    "immediately": ("sans délai", "immediately"),
    "no-deadline": ("aucun délai", "no deadline"),
    "unspecified": ("non précisé", "not stated"),
    "at-most": ("au plus {count} par {per}", "at most {count} per {per}"),
    "monthly-day": ("le {day} de chaque mois", "on day {day} of each month"),
    "deadlines": ("Délais", "Deadlines"),
    "per-day": ("jour", "day"), "per-week": ("semaine", "week"), "per-month": ("mois", "month"),
    "per-year": ("an", "year"),
    # backups
    "backups": ("Sauvegardes", "Backups"),
    "copy": ("{every}{at} : gardée {kept}", "{every}{at}: kept {kept}"),
    "copies": ("{count} copies, gardées de {shortest} à {longest}",
               "{count} copies, kept from {shortest} to {longest}"),
    "every-day": ("chaque jour", "every day"), "every-week": ("chaque semaine", "every week"),
    "every-month": ("chaque mois", "every month"), "every-year": ("chaque année", "every year"),
    "at": (" à {time}", " at {time}"),
    "kept-unspecified": ("durée non précisée", "for a time not stated"),
    "rpo": ("perte de données maximale (RPO) : {delay}", "maximum data loss (RPO): {delay}"),
    "after-termination": ("après la fin du contrat : {delay}", "after termination: {delay}"),
    "history": ("{what} : année en cours et {years}", "{what}: current year and {years}"),
    # terms
    "term-fixed": ("{initial}, reconduit tacitement par périodes de {renewal}",
                   "{initial}, renewed tacitly for {renewal} at a time"),
    "term-once": ("{initial}, sans reconduction", "{initial}, not renewed"),
    "term-from": ("à compter de {event}", "from {event}"),
    "term-example": ("Début le {start} : reconduction le {renewal}",
                     "Start on {start}: renewed on {renewal}"),
    "term-notice": ("dernier jour pour envoyer le préavis ({notice}{by}) : {last}",
                    "last day to send notice ({notice}{by}): {last}"),
    "notice-by": (", par {how}", ", by {how}"),
    "tenure": ("{base} + {per_year} par année complète d'abonnement",
               "{base} + {per_year} per full year of subscription"),
    "tenure-short": ("moins de {short} d'abonnement : fin du mois de la demande",
                     "under {short} of subscription: end of the month of the request"),
    "tenure-example": ("Abonné le {subscribed}, demande le {requested} : fin du service le {end}",
                       "Subscribed {subscribed}, notice {requested}: service ends {end}"),
    "survives": ("{delay} après la fin du contrat", "{delay} after the contract ends"),
    "survives-at-least": ("au moins {delay} après la fin du contrat",
                          "at least {delay} after the contract ends"),
    # money
    "liability": ("Plafond de responsabilité", "Liability cap"),
    "minimum-invoice": ("Facture minimale", "Minimum invoice"),
    "per-month-value": ("{amount} par mois", "{amount} a month"),
    "billing-advance": ("facturation mensuelle d'avance", "billed monthly in advance"),
    "billing-arrears": ("facturation mensuelle à terme échu", "billed monthly in arrears"),
    "indexation": ("révision annuelle selon l'indice « {index} »{cap}",
                   "yearly revision by the “{index}” index{cap}"),
    "indexation-cap": (", hausse plafonnée à {cap}", ", increase capped at {cap}"),
    "interest": ("intérêts de retard : taux légal + {points} points",
                 "late interest: legal rate + {points} points"),
    "surcharge": ("majoration de {value} sur {on}", "surcharge of {value} on {on}"),
    "fees": ("Tarifs", "Prices"),
    "col-fee": ("Prestation", "Item"),
    "col-price": ("Prix", "Price"),
    "col-minimum": ("Minimum", "Minimum"),
    "per-unit": ("par {unit}", "per {unit}"),
    "per-hour": ("de l'heure", "per hour"),
    # contacts
    "email": ("E-mail", "E-mail"), "phone": ("Téléphone", "Phone"), "web": ("Site", "Web"),
    "post": ("Courrier", "Post"), "channels": ("Autres voies", "Other channels"),
    "hours": ("Horaires", "Hours"),
    "address-unspecified": ("non précisé par le contrat", "not stated in the contract"),
    "no-contact": ("Le contrat ne désigne ni interlocuteur ni adresse pour réclamer ou signaler.",
                   "The contract names no contact and no address to claim or report to."),
    "claims": ("Réclamations", "Claims"),
    # attention points
    "open-window-notice": ("le préavis avant une intervention en {label}",
                           "the notice before work in the {label}"),
    "open-exclusion": ("si le temps exclu est retiré du temps mesuré ({label})",
                       "whether excluded time is removed from the measured time ({label})"),
    "open-missing-minutes": ("comment comptent les minutes sans mesure ({label})",
                             "how minutes without data count ({label})"),
    "open-combine": ("comment les sondes se combinent en un verdict ({label})",
                     "how the probes combine into one verdict ({label})"),
    "open-no-data": ("comment compte un créneau sans mesure ({label})",
                     "how a time slice without data counts ({label})"),
    "open-claim": ("comment et dans quel délai réclamer ({label})",
                   "how and by when to claim ({label})"),
    "open-paid": ("sous quelle forme est versé l'effet de {label}", "how {label} are paid"),
    "open-sole-remedy": ("Caractère exclusif ou non de la réparation : {label}",
                         "Whether it is the client's sole remedy: {label}"),
    "open-tier": ("l'effet de {tiers} ({label})", "the outcome of {tiers} ({label})"),
    "open-start": ("le point de départ du délai de {action}",
                   "what the deadline for {action} runs from"),
    "open-business-hours": ("les heures ouvrées applicables ({label})",
                            "the business hours that apply ({label})"),
    "open-deadline": ("le délai de {action}{level}{regime}",
                      "the deadline for {action}{level}{regime}"),
    "open-level": (" — {level}", " — {level}"),
    "open-copy": ("pour la sauvegarde faite {every} : {facets}",
                  "for the backup taken {every}: {facets}"),
    "facet-day": ("le jour", "the day"), "facet-time": ("l'heure", "the time"),
    "facet-kept": ("la durée de conservation", "how long it is kept"),
    "open-contact-email": ("l'adresse e-mail pour {label}", "the e-mail address for {label}"),
    "open-contact-phone": ("le numéro de téléphone pour {label}", "the phone number for {label}"),
    "open-contact-web": ("l'adresse web pour {label}", "the web address for {label}"),
    "open-contact-post": ("l'adresse postale pour {label}", "the postal address for {label}"),
    "open-contact-hours": ("quand joindre : {label}", "when {label} can be reached"),
}
"""The sheet's own words, (French, English): `{name}` fields are filled with `str.format`."""


def word(lang: Lang, key: str, **values: object) -> str:
    """The sheet's word `key` in `lang`, its fields filled."""
    fr, en = WORDS[key]
    return (fr if lang == "fr" else en).format(**values)


# --------------------------------------------------------------------------- structures

@dataclass(frozen=True)
class Figure:
    """One row of the key-figures table."""

    topic: str
    figure: str
    detail: str
    clause: str


@dataclass(frozen=True)
class Table:
    """A small table of the page: a caption, column heads and rows of cells (plain text)."""

    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: str                       # css class: tiers, matrix, deadlines, fees


@dataclass(frozen=True)
class ContactCard:
    """One contact point: its name, what it is for, and (label, value) lines."""

    name: str
    purpose: str | None
    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Glance:
    """The "at a glance" page of one contract in one language."""

    lang: Lang
    title: str
    provider: str
    client: str | None
    sources: tuple[str, ...]
    times: str
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...]
    contacts: tuple[ContactCard, ...]
    no_contact: str | None
    claims: tuple[str, ...]
    attention: tuple[str, ...]


# --------------------------------------------------------------------------- small helpers

def _text(text: model.Text | model.Unspecified | str | None, lang: Lang) -> str:
    """A text the author wrote in both languages, in `lang`; a plain string as it is; an
    unspecified or absent one as "not stated"."""
    if isinstance(text, model.Text):
        return words(text, lang)
    if isinstance(text, str):
        return text
    return word(lang, "unspecified")


def label(item: model.ItemBase, lang: Lang) -> str:
    """The item's label in `lang`, else its name."""
    return _text(item.label, lang) if item.label is not None else item.name


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def clause_refs(item: model.ItemBase) -> str:
    """`Annexe 2 A.1 ; Annexe 2 A.6`: the articles the item encodes, each once, in the words of
    the contract (the clause ids are the encoding's, not the contract's)."""
    return " ; ".join(dict.fromkeys(c.article for c in item.clauses))


def hours_text(seconds: Decimal, f: Formatter) -> str:
    """`744 h`, `247 h`, `12,5 h`."""
    return f"{f.number((seconds / 3600).normalize())}{f.space}h"


# --------------------------------------------------------------------------- schedules

def business_calendar(calendar: Calendar, years: range) -> BusinessCalendar:
    """The runtime calendar of a calendar item, with its public holidays for `years`."""
    return BusinessCalendar(
        workdays=frozenset(calendar.workdays),
        holidays=tuple(holiday_data(calendar.holiday_country, calendar.holiday_subdivision,
                                    years)),
        closed=tuple(d for d in calendar.closed if d.year in years),
        first_year=years[0], last_year=years[-1])


Timed = tuple[Window, Calendar | None]
"""A window and the calendar whose business days it is kept to, if it says so."""


def _timed(contract: model.Contract, name: str | None) -> Timed | None:
    """The window `name` of `contract` with its calendar; None when no window has that name."""
    window = contract.item(name or "")
    if not isinstance(window, Window):
        return None
    calendar = contract.item(window.business_days_of or "")
    return window, calendar if isinstance(calendar, Calendar) else None


def window_schedule(zone: str, window: Window, calendar: Calendar | None,
                    years: range) -> Schedule:
    """The runtime schedule of a window (always: every day, all day), kept to the business days
    of `calendar` when there is one."""
    ranges = tuple(ScheduleRange(day, 0, 1440) for day in range(7)) if window.always else \
        tuple(ScheduleRange(r.weekday, r.start_minute, r.length_minutes) for r in window.ranges)
    if calendar is not None:
        return Schedule(zone, ranges, business_calendar(calendar, years), True)
    return Schedule(zone, ranges)


def reference_period(contract: model.Contract, availability: Availability) -> tuple[int, ...]:
    """The period the allowance is shown for: the first worked example's, else the period that
    holds the source document's date; as the evaluators name it ((year, month)…)."""
    if availability.examples:
        return availability.examples[0].period
    return availability.period.holding(contract.dated)


def period_span(contract: model.Contract, availability: Availability,
                values: tuple[int, ...]) -> Interval:
    """The period `values` of `availability`, in UTC."""
    return _period_span(availability.period.zone or contract.zone, availability.period, values)


@functools.lru_cache(maxsize=256)
def _period_span(zone: str, period: MeasurePeriod, values: tuple[int, ...]) -> Interval:
    return period_bounds(period.months, values[0], values[1] if len(values) > 1 else 1,
                         ZoneInfo(zone), period.first_month, period.first_day)


def measured_seconds(contract: model.Contract, availability: Availability,
                     values: tuple[int, ...]) -> Decimal:
    """Seconds of measured time in one period: the measurement window's time (all the
    period when measured at all times), less the windows excluded as a whole when excluded time
    is removed from measured time. Public holidays and daylight saving time are counted.

    Computed once for each time zone, period and windows (each document asks for it)."""
    removed = availability.excluded_windows if availability.exclusion_mode == "removed" else ()
    excluded = tuple(w for w in (_timed(contract, name) for name in removed) if w is not None)
    return _measured_seconds(contract.zone, period_span(contract, availability, values),
                             _timed(contract, availability.measured_during), excluded)


@functools.lru_cache(maxsize=256)
def _measured_seconds(zone: str, month_span: Interval, measured: Timed | None,
                      excluded: tuple[Timed, ...]) -> Decimal:
    year = month_span.start.year
    years = range(year - 1, year + 3)
    if measured is None:
        spans = [month_span]
    else:
        spans = window_schedule(zone, *measured, years).occurrences(month_span)
    for window in excluded:
        spans = subtract(spans, window_schedule(zone, *window, years).occurrences(month_span))
    elapsed = total(spans)
    return Decimal(elapsed.days * 86400 + elapsed.seconds) + Decimal(elapsed.microseconds) / 10**6


def allowance_seconds(measured: Decimal, target: Decimal) -> Decimal:
    """Unavailability a target allows over `measured` seconds: measured × (100 − target) %."""
    return measured * (100 - target) / 100


def compact_schedule(window: Window, f: Formatter) -> str:
    """`lun.–ven. 7 h 00–20 h 00` / `Mon–Fri 07:00–20:00`: the window's weekly ranges, weekdays
    with the same hours grouped."""
    patterns: dict[tuple[tuple[int, int], ...], list[int]] = {}
    for day in range(7):
        found = tuple(sorted({(r.start_minute, r.length_minutes)
                              for r in window.ranges if r.weekday == day}))
        if found:
            patterns.setdefault(found, []).append(day)
    groups = []
    for pattern, days in sorted(patterns.items(), key=lambda entry: entry[1][0]):
        shown = _days(days, f)
        spans = ", ".join(_span(start, length, f) for start, length in pattern)
        groups.append(f"{shown} {spans}")
    return (" ; " if f.lang == "fr" else "; ").join(groups)


def _span(start: int, length: int, f: Formatter) -> str:
    """`21 h 00–6 h 00 (+1 j)`: a daily range, with the days it reaches after its start."""
    later = (start + length - 1) // 1440
    shown = f"{f.clock(start)}–{f.clock(start + length - later * 1440)}"
    return shown + (f" (+{later}{f.space}{'j' if f.lang == 'fr' else 'd'})" if later else "")


def _days(days: list[int], f: Formatter) -> str:
    """Consecutive weekdays as `lun.–ven.`, others listed."""
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ", ".join(f.weekday_short(r[0]) if len(r) == 1 else
                     f"{f.weekday_short(r[0])}–{f.weekday_short(r[-1])}" for r in runs)


def window_words(contract: model.Contract, window: Window, f: Formatter) -> str:
    """A window in a few words: `24/7`, or its compact schedule and `business days`."""
    if window.always:
        return word(f.lang, "measured-always").split(" ", 1)[1]
    text = compact_schedule(window, f)
    if isinstance(contract.item(window.business_days_of or ""), Calendar):
        text += f" ({word(f.lang, 'business-days')})"
    return text


# --------------------------------------------------------------------------- tiers

def value_text(value: Decimal | model.Duration, f: Formatter) -> str:
    return f.duration(value) if isinstance(value, model.Duration) else f.percent(value)


def range_text(lower: Bound | None, upper: Bound | None, f: Formatter) -> str:
    """`0,21 % ≤ x ≤ 0,5 %`, `x > 1,5 %`, `x < 98 %`."""
    parts = []
    if lower is not None:
        parts.append(f"{value_text(lower.value, f)} {'≤' if lower.inclusive else '<'} ")
    parts.append("x")
    if upper is not None:
        parts.append(f" {'≤' if upper.inclusive else '<'} {value_text(upper.value, f)}")
    if lower is not None and upper is None:
        return f"x {'≥' if lower.inclusive else '>'} {value_text(lower.value, f)}"
    return "".join(parts)


def outcome_text(outcome: Outcome, contract: model.Contract, f: Formatter) -> str:
    """What a tier gives, in words."""
    if outcome.kind == "invoice_share" and outcome.amount is not None:
        return word(f.lang, f"outcome-share-{outcome.base}", value=f.percent(outcome.amount))
    if outcome.kind == "service_days" and outcome.amount is not None:
        return word(f.lang, "outcome-days", days=f.quantity(outcome.amount, "day"))
    if outcome.kind == "money" and outcome.amount is not None:
        return f.money(model.Money(outcome.amount, outcome.currency or contract.currency,
                                   outcome.tax))
    return word(f.lang, "outcome-none" if outcome.kind == "none" else "outcome-unspecified")


def _runtime_outcome(outcome: Outcome) -> rt_tiers.Outcome:
    return rt_tiers.Outcome(outcome.kind, outcome.amount, outcome.currency)


@functools.lru_cache(maxsize=1024)
def on_invoice(outcome: Outcome, cap: Outcome | None, invoice: Decimal) -> Decimal | None:
    """Money a tier's outcome gives on an invoice of `invoice`, the tiers' cap applied (runtime
    `tiers.evaluate`); None when it is not money (days of service, unspecified)."""
    if outcome.kind not in ("none", "invoice_share", "money"):
        return None
    runtime_cap = _runtime_outcome(cap) if cap is not None and cap.kind != "service_days" else None
    table = rt_tiers.TierTable((rt_tiers.Tier(None, None, _runtime_outcome(outcome)),),
                               runtime_cap)
    result = rt_tiers.evaluate(table, Decimal(0), invoice)
    return result.money if result.money is not None else Decimal("0.00")


def runtime_table(item: Tiers) -> rt_tiers.TierTable:
    """A percentage tier table as the runtime's (not for notice tiers, counted in durations)."""
    def bound(b: Bound | None) -> rt_tiers.Bound | None:
        if b is None:
            return None
        assert isinstance(b.value, Decimal)
        return rt_tiers.Bound(b.value, b.inclusive)
    return rt_tiers.TierTable(
        tuple(rt_tiers.Tier(bound(t.lower), bound(t.upper), _runtime_outcome(t.outcome))
              for t in item.tiers),
        _runtime_outcome(item.cap) if item.cap is not None else None)


def worked_value(item: Tiers) -> Decimal | None:
    """The measured value of the first worked example that gives something, else None."""
    for example in item.examples:
        if isinstance(example.value, Decimal) and example.outcome.kind not in ("none",
                                                                               "unspecified"):
            return example.value
    return None


def claim_deadline(contract: model.Contract, item: Tiers,
                   values: tuple[int, ...]) -> date | None:
    """Last day to claim for the period `values` when the claim runs from the end of the
    period: the period's last day plus the claim delay (calendar days, weeks, months or years)."""
    delay = item.claim_within
    if item.claim_after != "period" or not isinstance(delay, model.Duration):
        return None
    if delay.unit not in ("day", "week", "month", "year"):
        return None
    return add_period(last_day(contract, item, values), Period(int(delay.amount), delay.unit))


def last_day(contract: model.Contract, item: Tiers, values: tuple[int, ...]) -> date:
    """The last day of the period `values` of the scale's availability (of the month
    `values` when the scale measures none)."""
    source = contract.item(item.source)
    if isinstance(source, Availability):
        period = source.period
        end = period_span(contract, source, values).end.astimezone(
            ZoneInfo(period.zone or contract.zone))
        return end.date() - timedelta(days=1)
    return end_of_month(date(values[0], values[1], 1))


def tier_period(contract: model.Contract, item: Tiers) -> tuple[int, ...]:
    """The period a scale's example dates are shown for."""
    source = contract.item(item.source)
    if isinstance(source, Availability):
        return reference_period(contract, source)
    return contract.dated.year, contract.dated.month


def period_name(contract: model.Contract, item: Tiers | Availability, values: tuple[int, ...],
                f: Formatter) -> str:
    """The period `values` of an availability, or of the availability a scale measures, named:
    `May 2024`, `Q2 2024`."""
    source = contract.item(item.source) if isinstance(item, Tiers) else item
    period = source.period if isinstance(source, Availability) else MeasurePeriod()
    return f.period(period.months, period.fiscal, period.first_day, values)


def _tier_rows(contract: model.Contract, item: Tiers, f: Formatter) -> list[tuple[str, ...]]:
    rows: list[tuple[Bound | None, tuple[str, ...]]] = []
    money = any(t.outcome.kind in ("invoice_share", "money") for t in item.tiers)
    for tier in item.tiers:
        amount = on_invoice(tier.outcome, item.cap, INVOICE)
        cells = [range_text(tier.lower, tier.upper, f), outcome_text(tier.outcome, contract, f)]
        if money:
            cells.append("—" if amount is None else
                         f.money(model.Money(amount, contract.currency)))
        rows.append((tier.lower, tuple(cells)))
    for lower, upper in item.gaps:
        cells = [range_text(lower, upper, f), word(f.lang, "gap")]
        if money:
            cells.append("—")
        rows.append((lower, tuple(cells)))
    return [cells for _, cells in sorted(rows, key=lambda r: _bound_key(r[0]))]


def _bound_key(bound: Bound | None) -> tuple[int, Decimal, int]:
    if bound is None:
        return (0, Decimal(0), 0)
    value = bound.value
    days = value.seconds() / 86400 if isinstance(value, model.Duration) and \
        value.unit != "month" else (value.amount * 30 if isinstance(value, model.Duration)
                                    else value)
    return (1, Decimal(days), 0 if bound.inclusive else 1)


def tier_table(contract: model.Contract, item: Tiers, f: Formatter) -> Table:
    """The tiers as a table: range of the measured value, outcome, money on a 1 000 invoice."""
    rows = _tier_rows(contract, item, f)
    head = [word(f.lang, f"col-range-{item.measure}"), word(f.lang, "col-outcome")]
    if rows and len(rows[0]) == 3:
        base = next((t.outcome.base for t in item.tiers if t.outcome.kind == "invoice_share"),
                    "invoice")
        head.append(word(f.lang, f"col-on-{base}",
                         invoice=f.money(model.Money(INVOICE, contract.currency))))
    caption = _cap(label(item, f.lang))
    if item.measure == "notice":
        event = _text(item.event, f.lang) if item.event is not None else item.source
        caption += f" ({word(f.lang, 'notice-before', event=event)})"
    return Table(caption, tuple(head), tuple(rows), "tiers")


def tier_figure(contract: model.Contract, item: Tiers, f: Formatter) -> Figure:
    """The key-figures row of a tier table: a worked example and how to claim."""
    lang = f.lang
    value = worked_value(item)
    details = []
    if value is not None:
        result = rt_tiers.evaluate(runtime_table(item), value, INVOICE)
        found = item.tiers[result.tier].outcome if result.tier is not None else \
            Outcome("unspecified")
        outcome = outcome_text(found, contract, f)
        measure = word(lang, f"measure-{item.measure}")
        figure = word(lang, "tier-example", measure=measure, value=f.percent(value),
                      outcome=outcome,
                      money=f.money(model.Money(result.money or Decimal(0), contract.currency)),
                      on=word(lang, f"on-{found.base}",
                              invoice=f.money(model.Money(INVOICE, contract.currency)))) \
            if result.money is not None else \
            word(lang, "tier-example-plain", measure=measure, value=f.percent(value),
                 outcome=outcome)
    elif all(t.outcome.kind in ("none", "unspecified") for t in item.tiers):
        figure = word(lang, "no-amount")
    else:
        figure = "; ".join(outcome_text(t.outcome, contract, f) for t in item.tiers
                           if t.outcome.kind not in ("none", "unspecified"))
    details.extend(claim_words(contract, item, f))
    if item.cap is not None:
        details.append(word(lang, "cap-month" if item.cap_per_month else "cap",
                            cap=outcome_text(item.cap, contract, f)))
    return Figure(_cap(label(item, lang)), figure, " ; ".join(details) if lang == "fr"
                  else "; ".join(details), clause_refs(item))


def claim_words(contract: model.Contract, item: Tiers, f: Formatter) -> list[str]:
    """How and by when the outcome is claimed and paid, with a date for a concrete month."""
    lang = f.lang
    words = []
    delay = item.claim_within
    if item.claim_after == "period" and isinstance(delay, model.Duration):
        values = tier_period(contract, item)
        last = claim_deadline(contract, item, values)
        if last is not None:
            words.append(word(lang, "claim-period", date=f.long_date(last),
                              month=period_name(contract, item, values, f)))
    elif item.claim_after in ("incident", "breach") and isinstance(delay, model.Duration):
        words.append(word(lang, f"claim-{item.claim_after}", delay=f.duration(delay)))
    elif isinstance(delay, model.Unspecified):
        words.append(word(lang, "claim-unknown"))
    if isinstance(item.payment, str):
        paid = word(lang, f"paid-{item.payment}")
        if item.never_cash:
            paid += ", " + word(lang, "never-cash")
        words.append(paid)
    return words


# --------------------------------------------------------------------------- deadlines

def level_name(contract: model.Contract, deadlines: Deadlines, name: str, lang: Lang) -> str:
    """A severity level's short name: its text up to the first colon."""
    levels = contract.item(deadlines.severities or "")
    if isinstance(levels, Severities):
        for level in levels.levels:
            if level.name == name:
                return _text(level.text, lang).split(":")[0].strip() or name
    return name


def action_name(deadlines: Deadlines, name: str, lang: Lang) -> str:
    found = next((a for a in deadlines.actions if a.name == name), None)
    return _text(found.text, lang) if found is not None else name


def rule_text(rule: Rule, f: Formatter) -> str:
    """A rule's deadline in a few words: `48 heures ouvrées`, `sans délai`, `au plus 5 par jour`."""
    lang = f.lang
    if rule.kind == "within" and rule.amount is not None:
        return f.duration(rule.amount)
    if rule.kind == "between" and rule.amount is not None and rule.upper is not None:
        return word(lang, "between", low=f.duration(rule.amount), high=f.duration(rule.upper))
    if rule.kind == "not_before" and rule.amount is not None:
        return word(lang, "not-before", delay=f.duration(rule.amount))
    if rule.kind == "at_most":
        per = word(lang, f"per-{rule.per}") if f"per-{rule.per}" in WORDS else str(rule.per)
        return word(lang, "at-most", count=rule.count, per=per)
    if rule.kind == "monthly_day":
        return word(lang, "monthly-day", day=rule.day)
    return word(lang, {"immediately": "immediately", "no_deadline": "no-deadline"}.get(
        rule.kind, "unspecified"))


def matrix(contract: model.Contract, deadlines: Deadlines, f: Formatter) -> Table:
    """Severity × action table: one row per level, one column per action (and business-hours
    regime when the deadline depends on it)."""
    lang = f.lang
    columns: list[tuple[str, str | None]] = []
    regimed = {r.action for r in deadlines.rules if r.regime is not None}
    for rule in deadlines.rules:
        if rule.regime is None and rule.action in regimed:
            continue     # a rule for both regimes fills the action's two columns
        if (rule.action, rule.regime) not in columns:
            columns.append((rule.action, rule.regime))
    levels: list[str] = []
    for rule in deadlines.rules:
        if rule.level is not None and rule.level not in levels:
            levels.append(rule.level)
    severities = contract.item(deadlines.severities or "")
    if isinstance(severities, Severities):
        levels = [lv.name for lv in severities.levels if lv.name in levels]
    head = [word(lang, "col-level")]
    for action, regime in columns:
        name = _cap(action_name(deadlines, action, lang))
        head.append(word(lang, regime, action=name) if regime else name)
    rows = []
    for level in levels:
        cells = [level_name(contract, deadlines, level, lang)]
        for action, regime in columns:
            found = next((r for r in deadlines.rules if r.level == level and r.action == action
                          and r.regime in (regime, None)), None)
            cells.append(rule_text(found, f) if found is not None else "—")
        rows.append(tuple(cells))
    caption = _cap(label(deadlines, lang))
    hours = contract.item(deadlines.business_hours) if isinstance(deadlines.business_hours,
                                                                  str) else None
    if isinstance(hours, Window):
        caption += f" — {window_words(contract, hours, f)}"
    return Table(caption, tuple(head), tuple(rows), "matrix")


def deadline_table(contract: model.Contract, blocks: Iterable[Deadlines], f: Formatter) -> Table:
    """The deadlines without severity levels: action, deadline, what it runs from."""
    lang = f.lang
    rows: list[tuple[str, ...]] = []
    for block in blocks:
        rows.append((_cap(label(block, lang)),))
        for rule in block.rules:
            rows.append((_cap(action_name(block, rule.action, lang)), rule_text(rule, f),
                         "" if rule.after is None else _text(rule.after, lang)))
    if len(rows) == 2:
        rows = rows[1:]
    return Table(word(lang, "deadlines"), (word(lang, "col-action"), word(lang, "col-deadline"),
                                           word(lang, "col-from")), tuple(rows), "deadlines")


# --------------------------------------------------------------------------- other figures

def availability_figures(contract: model.Contract, item: Availability, f: Formatter,
                         named: bool = False) -> list[Figure]:
    """Target, measurement window, and the allowance of a concrete month (its topic naming the
    availability when `named`, for contracts with several)."""
    lang = f.lang
    target = word(lang, "target-strict" if item.strict else "target", value=f.percent(item.target))
    measured = contract.item(item.measured_during or "")
    if isinstance(measured, Window) and not measured.always:
        where = word(lang, "measured-during", schedule=window_words(contract, measured, f))
    else:
        where = word(lang, "measured-always")
    refs = clause_refs(item)
    values = reference_period(contract, item)
    seconds = measured_seconds(contract, item, values)
    allowed = allowance_seconds(seconds, item.target)
    share = f.percent((100 - item.target).normalize())
    detail = word(lang, "allowance-detail", hours=hours_text(seconds, f),
                  month=period_name(contract, item, values, f), share=share)
    if item.maintenance_in and item.exclusion_mode == "removed":
        detail += f" ({word(lang, 'allowance-maintenance')})"
    force = item.force
    if force is not None and force.strength in ("best efforts", "reasonable efforts", "target"):
        target += f" — {word(lang, f'strength-{force.strength}')}"
    if item.no_remedy:
        where += ("\u202f; " if lang == "fr" else "; ") + word(lang, "no-remedy")
    return [
        Figure(_cap(label(item, lang)), target, where, refs),
        Figure(word(lang, "allowance") + (f" ({label(item, lang)})" if named else ""),
               word(lang, "allowance-value", time=f.elapsed(allowed),
                    month=period_name(contract, item, values, f)),
               detail, refs),
    ]


def copy_text(copy: Copy, f: Formatter) -> str:
    at = word(f.lang, "at", time=f.clock(copy.at_minute)) if copy.at_minute is not None else ""
    kept = f.duration(copy.kept) if isinstance(copy.kept, model.Duration) else \
        word(f.lang, "kept-unspecified")
    return word(f.lang, "copy", every=word(f.lang, f"every-{copy.every}"), at=at, kept=kept)


def retention_figure(item: Retention, f: Formatter) -> Figure:
    """Backups: each copy's frequency and retention; RPO, after termination, history."""
    lang = f.lang
    sep = " ; " if lang == "fr" else "; "
    kept = sorted((c.kept for c in item.copies if isinstance(c.kept, model.Duration)),
                  key=_days_of)
    if len(item.copies) > 1 and kept:
        figure = word(lang, "copies", count=len(item.copies), shortest=f.duration(kept[0]),
                      longest=f.duration(kept[-1]))
        details = [copy_text(c, f) for c in item.copies]
    else:
        figure, details = sep.join(copy_text(c, f) for c in item.copies), []
    if item.rpo is not None:
        details.append(word(lang, "rpo", delay=f.duration(item.rpo)))
    if item.after_termination is not None:
        details.append(word(lang, "after-termination", delay=f.duration(item.after_termination)))
    for h in item.history:
        years = f.count(h.previous_years, *(("année précédente", "années précédentes")
                                            if lang == "fr" else ("previous year",
                                                                  "previous years")))
        details.append(word(lang, "history", what=_cap(_text(h.what, lang)), years=years))
    if not figure:
        figure, details = sep.join(details), []
    return Figure(_cap(label(item, lang)), _cap(figure), sep.join(details), clause_refs(item))


def _days_of(duration: model.Duration) -> Decimal:
    """A duration in days, months and years at their average length, to order durations."""
    factor = {"month": Decimal("30.436875"), "year": Decimal("365.2425")}.get(duration.unit)
    return duration.amount * factor if factor is not None else duration.seconds() / 86400


def period_of(duration: model.Duration) -> Period:
    """A calendar duration (days, weeks, months, years) as a runtime Period."""
    unit = duration.unit
    if unit not in ("day", "week", "month", "year"):
        raise ValueError(f"not a calendar duration: {duration}")
    return Period(int(duration.amount), unit)


def start_date(contract: model.Contract) -> date:
    """The start date of the term examples: the first term example's subscription date, else
    1 January 2024."""
    terms: list[Term] = contract.of_type(Term)
    for term in terms:
        if term.examples:
            return term.examples[0].subscribed
    return DEFAULT_START


def term_dates(term: Term, start: date) -> tuple[date | None, date | None]:
    """For a contract started on `start`: the first renewal date, and the last day to send
    notice so that the current term is not renewed (None where the contract gives no renewal or
    no notice). Computed with the runtime's FixedTerm."""
    if term.initial is None or term.initial.unit not in ("day", "week", "month", "year"):
        return None, None
    renewal = period_of(term.renewal) if term.renewal is not None else None
    notice = term.notice_before_end
    fixed = FixedTerm(period_of(term.initial), renewal,
                      period_of(notice) if notice is not None else Period(0, "day"))
    first_end = fixed.term_end(start, start)
    renewed = fixed.renewal_dates(start, first_end + timedelta(days=1))
    last = fixed.last_notice_day(start, start) if notice is not None else None
    return (renewed[0] if renewed else None), last


def term_figures(contract: model.Contract, item: Term, f: Formatter) -> list[Figure]:
    lang = f.lang
    sep = " ; " if lang == "fr" else "; "
    figures = []
    name, refs = _cap(label(item, lang)), clause_refs(item)
    if item.initial is not None:
        if item.renewal is not None:
            figure = word(lang, "term-fixed", initial=f.duration(item.initial),
                          renewal=f.duration(item.renewal))
        else:
            figure = word(lang, "term-once", initial=f.duration(item.initial))
        if item.initial_from:
            figure += f" {word(lang, 'term-from', event=_text(item.initial_from, lang))}"
        start = start_date(contract)
        renewal, last = term_dates(item, start)
        details = []
        if renewal is not None:
            details.append(word(lang, "term-example", start=f.long_date(start),
                                renewal=f.long_date(renewal)))
        if last is not None and item.notice_before_end is not None:
            by = word(lang, "notice-by", how=_text(item.notice_by, lang)) if item.notice_by else ""
            details.append(word(lang, "term-notice", notice=f.duration(item.notice_before_end),
                                by=by, last=f.long_date(last)))
        figures.append(Figure(name, figure, sep.join(details), refs))
    if item.tenure_base is not None and item.tenure_per_year is not None:
        figure = word(lang, "tenure", base=f.duration(item.tenure_base),
                      per_year=f.duration(item.tenure_per_year))
        details = []
        if item.short_tenure is not None:
            details.append(word(lang, "tenure-short", short=f.duration(item.short_tenure)))
            if item.examples:
                example = item.examples[0]
                rule = TenureNotice(period_of(item.short_tenure), period_of(item.tenure_base),
                                    period_of(item.tenure_per_year))
                end = rule.effective_termination(example.subscribed, example.requested)
                details.append(word(lang, "tenure-example",
                                    subscribed=f.long_date(example.subscribed),
                                    requested=f.long_date(example.requested),
                                    end=f.long_date(end)))
        figures.append(Figure(name, figure, sep.join(details), refs))
    if item.survives is not None and not figures:
        said = "survives-at-least" if item.survives_at_least else "survives"
        figures.append(Figure(name, word(lang, said, delay=f.duration(item.survives)), "", refs))
    return figures


def money_figures(contract: model.Contract, item: MoneyClause, f: Formatter) -> list[Figure]:
    lang = f.lang
    sep = " ; " if lang == "fr" else "; "
    figures = []
    refs = clause_refs(item)
    if item.liability_cap is not None:
        figures.append(Figure(word(lang, "liability"), f.money(item.liability_cap),
                              sep.join(_text(n, lang) for n in item.notes), refs))
    if item.minimum_invoice is not None:
        figures.append(Figure(word(lang, "minimum-invoice"),
                              word(lang, "per-month-value", amount=f.money(item.minimum_invoice)),
                              "", refs))
    details = []
    if item.billing is not None:
        details.append(word(lang, f"billing-{item.billing}"))
    if item.indexation is not None:
        cap = word(lang, "indexation-cap", cap=f.percent(item.indexation_cap)) \
            if item.indexation_cap is not None else ""
        details.append(word(lang, "indexation", index=item.indexation, cap=cap))
    if item.interest_points is not None:
        details.append(word(lang, "interest", points=f.number(item.interest_points)))
    if item.surcharge is not None:
        details.append(word(lang, "surcharge", value=f.percent(item.surcharge),
                            on=_text(item.surcharge_on, lang) if item.surcharge_on else ""))
    if details:
        figures.append(Figure(_cap(label(item, lang)), _cap(details[0]), sep.join(details[1:]),
                              refs))
    return figures


def _per(unit: str | None, lang: Lang) -> str:
    if unit is None:
        return ""
    if unit == "hour":
        return word(lang, "per-hour")
    key = f"per-{unit}"
    return word(lang, "per-unit", unit=word(lang, key) if key in WORDS else f"« {unit} »"
                if lang == "fr" else f"“{unit}”")


def fee_table(contract: model.Contract, items: Iterable[MoneyClause], f: Formatter) -> Table:
    """Every priced item: name, price and unit, minimum."""
    lang = f.lang
    rows: list[tuple[str, ...]] = []
    for item in items:
        for fee in item.fees:
            per = _text(fee.per_words, lang) if fee.per_words is not None else fee.per
            price = f"{f.money(fee.amount)} {_per(per, lang)}".strip()
            minimum_per = _text(fee.minimum_per, lang) if fee.minimum_per is not None else None
            minimum = "" if fee.minimum is None else \
                f"{f.money(fee.minimum)} {_per(minimum_per, lang)}".strip()
            name = _cap(_text(fee.label, lang)) if fee.label is not None else \
                fee.name.replace("_", " ")
            rows.append((name, price, minimum))
    head: tuple[str, ...] = (word(lang, "col-fee"), word(lang, "col-price"),
                             word(lang, "col-minimum"))
    if not any(r[2] for r in rows):
        head, rows = head[:2], [r[:2] for r in rows]
    return Table(word(lang, "fees"), head, tuple(rows), "fees")


# --------------------------------------------------------------------------- contacts

def contact_card(contract: model.Contract, item: Contact, f: Formatter) -> ContactCard:
    """A contact's addresses, each given or said to be unstated."""
    lang = f.lang
    lines = []
    for field in ("email", "phone", "web", "post"):
        value = getattr(item, field)
        if value is None:
            continue
        shown = value if isinstance(value, str) else word(lang, "address-unspecified")
        lines.append((word(lang, field), shown))
    if item.channels:
        lines.append((word(lang, "channels"), " ; ".join(_text(c, lang) for c in item.channels)))
    if isinstance(item.hours, model.Unspecified):
        lines.append((word(lang, "hours"), word(lang, "address-unspecified")))
    elif isinstance(item.hours, str):
        window = contract.item(item.hours)
        if isinstance(window, Window):
            lines.append((word(lang, "hours"), window_words(contract, window, f)))
    purpose = _text(item.purpose, lang) if item.purpose is not None else None
    return ContactCard(_cap(label(item, lang)), purpose, tuple(lines))


# --------------------------------------------------------------------------- attention points

def _labelled(contract: model.Contract, name: str, lang: Lang) -> str:
    found = contract.item(name)
    return label(found, lang) if found is not None else name


def _deadline_point(contract: model.Contract, match: re.Match[str], lang: Lang) -> str:
    action, level, regime = match.group("action", "level", "regime")
    block = next((d for d in contract.of_type(Deadlines)
                  if any(a.name == action for a in d.actions)), None)
    shown_action = action_name(block, action, lang) if block is not None else action
    shown_level = "" if level is None else word(
        lang, "open-level",
        level=level_name(contract, block, level, lang) if block is not None else level)
    shown_regime = "" if regime is None else (
        (" hors des heures ouvrées" if regime == "outside" else " pendant les heures ouvrées")
        if lang == "fr" else f" {regime} business hours")
    return word(lang, "open-deadline", action=shown_action, level=shown_level,
                regime=shown_regime)


def _start_point(contract: model.Contract, match: re.Match[str], lang: Lang) -> str:
    action = match.group("action")
    block = next((d for d in contract.of_type(Deadlines)
                  if any(a.name == action for a in d.actions)), None)
    return word(lang, "open-start",
                action=action_name(block, action, lang) if block is not None else action)


_Reader = Callable[[model.Contract, "re.Match[str]", Lang], str]


def _simple(key: str) -> _Reader:
    def read(contract: model.Contract, match: re.Match[str], lang: Lang) -> str:
        return word(lang, key, label=_labelled(contract, match.group("name"), lang))
    return read


_OPEN: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (re.compile(r"the notice for window (?P<name>\S+)"), _simple("open-window-notice")),
    (re.compile(r"whether excluded time is removed from the measured time of (?P<name>\S+)"),
     _simple("open-exclusion")),
    (re.compile(r"how minutes without data count in (?P<name>\S+)"),
     _simple("open-missing-minutes")),
    (re.compile(r"how the probes of (?P<name>\S+) combine into one verdict"),
     _simple("open-combine")),
    (re.compile(r"how a slice without data counts in (?P<name>\S+)"), _simple("open-no-data")),
    (re.compile(r"how and by when (?P<name>\S+) is claimed"), _simple("open-claim")),
    (re.compile(r"how (?P<name>\S+) is paid"), _simple("open-paid")),
    (re.compile(r"whether (?P<name>\S+) is the client's sole remedy"),
     _simple("open-sole-remedy")),
    (re.compile(r"the business hours of (?P<name>\S+)"), _simple("open-business-hours")),
    (re.compile(r"the deadline for (?P<action>\S+)(?: \((?P<level>[^)]+)\))?"
                r"(?: (?P<regime>during|outside) business hours)?"), _deadline_point),
    (re.compile(r"from what the delay of (?P<action>\S+) runs"), _start_point),
    (re.compile(r"the e-mail address of contact (?P<name>\S+)"), _simple("open-contact-email")),
    (re.compile(r"the phone number of contact (?P<name>\S+)"), _simple("open-contact-phone")),
    (re.compile(r"the web address of contact (?P<name>\S+)"), _simple("open-contact-web")),
    (re.compile(r"the postal address of contact (?P<name>\S+)"), _simple("open-contact-post")),
    (re.compile(r"when contact (?P<name>\S+) can be reached"), _simple("open-contact-hours")),
)
_TIER = re.compile(r"the outcome of a tier of (?P<name>\S+)")
_COPY = re.compile(r"(?:on which day|at what time|how long) copy (?P<copy>\S+) is "
                   r"(?P<verb>taken|kept)")
_FACETS = {"on which day": "facet-day", "at what time": "facet-time", "how long": "facet-kept"}


@functools.cache
def _open_reader(what: str) -> tuple[re.Pattern[str], _Reader] | None:
    """The wording of `_OPEN` that `what` is in, if any (each open point's text is matched once
    against the list)."""
    return next(((p, r) for p, r in _OPEN if p.fullmatch(what)), None)


def unspecified_points(contract: model.Contract, lang: Lang) -> list[str]:
    """What the contract leaves open (`contract.unspecified`), in readable words: item names
    replaced by their labels, the facets of one backup copy and the open tiers of one table
    gathered in one point. A wording this module does not know is shown as the checker wrote
    it."""
    points: dict[str, None] = {}
    tiers: dict[str, int] = {}
    copies: dict[str, list[str]] = {}
    for open_point in contract.unspecified:
        what = open_point.what
        if (m := _TIER.fullmatch(what)) is not None:
            tiers[m.group("name")] = tiers.get(m.group("name"), 0) + 1
            points.setdefault(f"tier:{m.group('name')}")
            continue
        if (m := _COPY.fullmatch(what)) is not None:
            facet = next(key for start, key in _FACETS.items() if what.startswith(start))
            copies.setdefault(m.group("copy"), []).append(facet)
            points.setdefault(f"copy:{m.group('copy')}")
            continue
        reader = _open_reader(what)
        if reader is None:
            points.setdefault(what)
            continue
        found = reader[0].fullmatch(what)
        assert found is not None
        points.setdefault(reader[1](contract, found, lang))
    result = []
    for point in points:
        if point.startswith("tier:"):
            name = point.removeprefix("tier:")
            count = tiers[name]
            shown = (("une tranche", f"{count} tranches") if lang == "fr" else
                     ("one tier", f"{count} tiers"))[0 if count == 1 else 1]
            result.append(word(lang, "open-tier", tiers=shown,
                               label=_labelled(contract, name, lang)))
        elif point.startswith("copy:"):
            name = point.removeprefix("copy:")
            copy = next((c for r in contract.of_type(Retention) for c in r.copies
                         if c.name == name), None)
            every = word(lang, f"every-{copy.every}") if copy is not None else name
            facets = ", ".join(word(lang, k) for k in dict.fromkeys(copies[name]))
            result.append(word(lang, "open-copy", every=every, facets=facets))
        else:
            result.append(point)
    return [_cap(p) for p in result]


def attention_points(contract: model.Contract, lang: Lang) -> list[str]:
    """The "points of attention" box, in `lang`: one sentence per point. The summaries' points
    (contradictions, remedies excluded, promises that are not firm), then what the contract
    leaves open."""
    return [*contract_points(contract, lang), *unspecified_points(contract, lang)]


ATTENTION: dict[str, tuple[str, str]] = {
    "attention-conflict": ("The contract contradicts itself on {about}: on the one hand, "
                           "{first}; on the other, {second}.",
                           "Le contrat se contredit sur {about} : d’une part, {first} ; d’autre "
                           "part, {second}."),
    "attention-best-efforts": ("{item}: a best-efforts undertaking only, not a guarantee of "
                               "result.",
                               "{item} : simple obligation de moyens (meilleurs efforts), sans "
                               "garantie de résultat."),
    "attention-reasonable-efforts": ("{item}: a reasonable-efforts undertaking only, not a "
                                     "guarantee of result.",
                                     "{item} : simple obligation de moyens (efforts "
                                     "raisonnables), sans garantie de résultat."),
    "attention-target": ("{item}: a target only, not a commitment.",
                         "{item} : simple objectif, sans engagement."),
    "attention-no-remedy": ("{item}: the contract gives no remedy if the target is missed.",
                            "{item} : le contrat ne prévoit aucune réparation si l’objectif "
                            "n’est pas atteint."),
}
"""The points of attention, in English and French (`contract_points`)."""



def contract_points(contract: model.Contract, lang: Lang) -> list[str]:
    """What a reader must not miss, in `lang`: contradictions, remedies the contract excludes,
    promises that are only best efforts or targets (the summaries' sections say what the
    contract leaves open)."""
    def line(key: str, **values: str) -> str:
        en, fr = ATTENTION[key]
        return (fr if lang == "fr" else en).format(**values)

    points = [line("attention-conflict", about=_text(c.about, lang), first=_text(c.first, lang),
                   second=_text(c.second, lang)) for c in contract.conflicts]
    soft = ("best efforts", "reasonable efforts", "target")
    for item in contract.items:
        promises = [(label(item, lang), item.force)]
        if isinstance(item, Deadlines):    # an action's own force, where it has one
            promises += [(_text(a.text, lang), a.force) for a in item.actions
                         if a.force is not None and a.force != item.force]
        for name, force in promises:
            if force is not None and force.modality == "obligation" and force.strength in soft:
                points.append(line(f"attention-{str(force.strength).replace(' ', '-')}",
                                   item=_cap(name)))
        if isinstance(item, Availability) and item.no_remedy:
            points.append(line("attention-no-remedy", item=_cap(label(item, lang))))
    return points


# --------------------------------------------------------------------------- the page

def _deadline_tables(contract: model.Contract, f: Formatter) -> list[Table]:
    blocks = contract.of_type(Deadlines)
    tables = [matrix(contract, d, f) for d in blocks if d.severities is not None]
    plain = [d for d in blocks if d.severities is None]
    if plain:
        tables.append(deadline_table(contract, plain, f))
    return tables


def figures(contract: model.Contract, f: Formatter) -> list[Figure]:
    """The key-figures rows, in the order a reader looks for them: service level, remedies,
    backups, term, money."""
    rows: list[Figure] = []
    availabilities = contract.of_type(Availability)
    for availability in availabilities:
        rows.extend(availability_figures(contract, availability, f, len(availabilities) > 1))
    rows.extend(tier_figure(contract, t, f) for t in contract.of_type(Tiers)
                if t.measure != "notice")
    rows.extend(retention_figure(r, f) for r in contract.of_type(Retention))
    for term in contract.of_type(Term):
        rows.extend(term_figures(contract, term, f))
    for money in contract.of_type(MoneyClause):
        rows.extend(money_figures(contract, money, f))
    return rows


def tables(contract: model.Contract, f: Formatter) -> list[Table]:
    """The tables under the key figures: tiers, severity × deadline matrices, the other
    deadlines, prices."""
    found = [tier_table(contract, t, f) for t in contract.of_type(Tiers)]
    found.extend(_deadline_tables(contract, f))
    priced = [m for m in contract.of_type(MoneyClause) if m.fees]
    if priced:
        found.append(fee_table(contract, priced, f))
    return found


def glance(contract: model.Contract, lang: Lang,
           attention: Sequence[str] | None = None) -> Glance:
    """The "at a glance" page of `contract` in `lang`; `attention`: its points of attention
    (`attention_points`), when the caller has them already."""
    f = Formatter(lang)
    contacts = tuple(contact_card(contract, c, f) for c in contract.of_type(Contact))
    claims = []
    for item in contract.of_type(Tiers):
        said = claim_words(contract, item, f)
        if said and item.measure != "notice":
            claims.append(f"{_cap(label(item, lang))}{NBSP if lang == 'fr' else ''}: "
                          + (" ; " if lang == "fr" else "; ").join(said))
    client = contract.client
    return Glance(
        lang=lang, title=_text(contract.title, lang),
        provider=_text(contract.provider.name, lang),
        client=_text(client.name, lang) if client.named else None,
        sources=tuple(source_line(s, f) for s in contract.sources),
        times=word(lang, "times", zone=contract.zone, currency=f.currencies(contract.currency)),
        figures=tuple(figures(contract, f)), tables=tuple(tables(contract, f)),
        contacts=contacts,
        no_contact=None if contacts else word(lang, "no-contact"),
        claims=tuple(claims),
        attention=tuple(attention_points(contract, lang) if attention is None else attention))


def source_line(source: model.SourceDocument, f: Formatter) -> str:
    """`Livret de Services Cegid Loop, daté du 1er janvier 2024`."""
    if source.dated is None:
        return word(f.lang, "undated", title=source.title)
    return word(f.lang, "effective" if source.effective else "dated", title=source.title,
                date=f.long_date(source.dated))


def running_header(contract: model.Contract, lang: Lang) -> str:
    """The running header of every page: the contract's title and its source's date."""
    return visible(f"{_text(contract.title, lang)} — {Formatter(lang).long_date(contract.dated)}")


_CSS_SPECIAL = re.compile(r'[\\"<>&\n\r]')


def css_string(text: str) -> Markup:
    """`text` as the inside of a double-quoted CSS string in a `<style>` element: backslash,
    quote, line breaks and `<` `>` `&` as CSS escapes, so no HTML can close the element."""
    return Markup(_CSS_SPECIAL.sub(lambda m: f"\\{ord(m.group()):x} ", str(text)))
