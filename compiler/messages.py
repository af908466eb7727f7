"""Catalog of diagnostic codes: severity, message and help, in English and in French.

Arguments of a message that are words, not code (item kinds, the subjects of `unspecified` notes,
units, hints…), are `Phrase`s worded by the tables below in both languages, so that a French
message has no English in it. Code the author wrote (names, keywords, values) is the same in both
and stays plain; the French messages quote it between « ».
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Entry:
    severity: Literal["error", "warning", "note"]
    message_en: str
    message_fr: str
    help_en: str = ""
    help_fr: str = ""

    def text(self, lang: str, part: Literal["message", "help"]) -> str:
        return str(getattr(self, f"{part}_{'fr' if lang == 'fr' else 'en'}"))


@dataclass(frozen=True)
class Phrase:
    """Words in English and in French, chosen by the language a diagnostic is rendered in."""

    en: str
    fr: str

    def text(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def __add__(self, other: Phrase) -> Phrase:
        return Phrase(self.en + other.en, self.fr + other.fr)

    def __str__(self) -> str:
        return self.en


def phrase(key: str, **fields: object) -> Phrase:
    """The phrase `key` of PHRASES, its {fields} filled in: code as it is, a Phrase in each
    language."""
    en, fr = PHRASES[key]
    return Phrase(en.format(**_in(fields, "en")), fr.format(**_in(fields, "fr")))


def joined(parts: list[Phrase], separator: Phrase) -> Phrase:
    """The phrases one after the other, with `separator` between them."""
    return Phrase(separator.en.join(p.en for p in parts), separator.fr.join(p.fr for p in parts))


def _in(fields: dict[str, object], lang: str) -> dict[str, object]:
    return {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in fields.items()}


def listing(names: list[str]) -> Phrase:
    """Names of the contract, listed: `a, b` (or a phrase saying there is none)."""
    return Phrase(", ".join(names), ", ".join(f"« {n} »" for n in names)) if names else \
        phrase("none-defined")


@dataclass(frozen=True)
class KindNames:
    """How messages and documents name a kind of item or of named thing, in English and French."""

    en: str            # `window`: the keyword as English prose
    the_fr: str        # `la fenêtre`
    a_fr: str          # `une fenêtre`
    none_fr: str       # `aucune fenêtre nommée`
    title: Phrase | None = None   # an item kind in a summary's item header: `Time window`

    def the(self) -> Phrase:
        """`window` / `la fenêtre`: the kind as the subject of a sentence about one item."""
        return Phrase(self.en, self.the_fr)

    def a(self) -> Phrase:
        """`a window` / `une fenêtre`."""
        return Phrase(f"{'an' if self.en[0] in 'aeiou' else 'a'} {self.en}", self.a_fr)

    def none(self) -> Phrase:
        """`window` / `aucune fenêtre nommée`, for the message `no {kind} named …`."""
        return Phrase(self.en, self.none_fr)


# Named things that are not items (each item kind names itself: kinds/base.py).
NAMED: dict[str, KindNames] = {
    "method": KindNames("method", "la méthode", "une méthode", "aucune méthode nommée"),
    "action": KindNames("action", "l'action", "une action", "aucune action nommée"),
    "severity level": KindNames("severity level", "le niveau de gravité", "un niveau de gravité",
                                "aucun niveau de gravité nommé"),
    "fee": KindNames("fee", "le tarif", "un tarif", "aucun tarif nommé"),
}


WEEKDAYS = (("Monday", "lundi"), ("Tuesday", "mardi"), ("Wednesday", "mercredi"),
            ("Thursday", "jeudi"), ("Friday", "vendredi"), ("Saturday", "samedi"),
            ("Sunday", "dimanche"))

MONTH_NAMES = tuple(Phrase(en, fr) for en, fr in (
    ("January", "janvier"), ("February", "février"), ("March", "mars"), ("April", "avril"),
    ("May", "mai"), ("June", "juin"), ("July", "juillet"), ("August", "août"),
    ("September", "septembre"), ("October", "octobre"), ("November", "novembre"),
    ("December", "décembre")))

# Units of a duration: (English singular, plural; French singular, plural).
UNITS: dict[str, tuple[str, str, str, str]] = {
    "second": ("second", "seconds", "seconde", "secondes"),
    "minute": ("minute", "minutes", "minute", "minutes"),
    "hour": ("hour", "hours", "heure", "heures"),
    "day": ("day", "days", "jour", "jours"),
    "week": ("week", "weeks", "semaine", "semaines"),
    "month": ("month", "months", "mois", "mois"),
    "year": ("year", "years", "an", "ans"),
    "business_hour": ("business hour", "business hours", "heure ouvrée", "heures ouvrées"),
    "business_day": ("business day", "business days", "jour ouvré", "jours ouvrés"),
}


def amount_of(amount: object, unit: str) -> Phrase:
    """`15 days` / `15 jours` (the plural from 2 in French, from everything but 1 in English)."""
    en_one, en_many, fr_one, fr_many = UNITS[unit]
    number = str(amount)
    many_en = number != "1"
    many_fr = not (number.replace(".", "", 1).isdigit() and float(number) < 2)
    return Phrase(f"{number} {en_many if many_en else en_one}",
                  f"{number} {fr_many if many_fr else fr_one}")


# Tokens of the grammar that a syntax error may expect, described in words (others are keywords).
TOKENS: dict[str, tuple[str, str]] = {
    "NUMBER": ("a number", "un nombre"), "STRING": ('a "quoted text"', "un texte entre guillemets"),
    "NAME": ("a name", "un nom"), "TIME": ("a time like 09:30", "une heure comme 09:30"),
    "DATE": ("a date like 2024-03-19", "une date comme 2024-03-19"),
    "DAY": ("a weekday", "un jour de la semaine"),
    "UNIT": ("a unit (hours, days…)", "une unité (« hours », « days »…)"),
    "CLAUSE_ID": ("a clause id like T4", "un identifiant de clause comme T4"),
    "MONTH": ("a month like 2024-05", "un mois comme 2024-05"),
    "$END": ("the end of file", "la fin du fichier"),
}
PUNCTUATION = {"LBRACE": "{", "RBRACE": "}", "COLON": ":", "PERCENT": "%", "COMMA": ","}


def expected_tokens(tokens: list[str], more: bool) -> Phrase:
    """What a syntax error expects, in words: `'always', a weekday, …` / `« always », un jour…`."""
    parts = []
    for token in tokens:
        if token in TOKENS:
            parts.append(Phrase(*TOKENS[token]))
        else:
            word = PUNCTUATION.get(token, token.lower().replace("_", " ") if token.isupper()
                                   else token)
            parts.append(Phrase(f"'{word}'", f"« {word} »"))
    return joined(parts + ([Phrase("…", "…")] if more else []), Phrase(", ", ", "))


# Every other phrase, by key: (English, French). {fields} are code, the same in both languages.
PHRASES: dict[str, tuple[str, str]] = {
    # subjects of `unspecified` notes (the English ones are also the model's `Unspecified.what`)
    "undecided.window-notice": ("the notice for window {name}",
                                "le préavis de la fenêtre « {name} »"),
    "conflict.after-termination": ("how long data is kept after the contract ends",
                                   "la durée de conservation des données après la fin du contrat"),
    "conflict.until-notice-month": ("data may be destroyed from the day after the month of the "
                                    "notice",
                                    "les données peuvent être détruites dès le lendemain du mois "
                                    "de la notification"),
    "conflict.kept": ("a backup is kept {period}", "une sauvegarde est conservée {period}"),
    "conflict.remedy": ("the remedy when the target of “{name}” is missed",
                        "la réparation si l'objectif de « {name} » n'est pas atteint"),
    "conflict.no-remedy": ("no remedy at all", "aucune réparation"),
    "conflict.tiers": ("the scale “{name}” applies", "le barème « {name} » s'applique"),
    "conflict.claim-window": ("when a claim under “{name}” may be made",
                              "le moment où une demande au titre de « {name} » peut être faite"),
    "conflict.claim-incident": ("a claim within {within} of the incident",
                                "une demande dans les {within} suivant l'incident"),
    "conflict.period": ("a monthly rate, known only once the month has ended",
                        "un taux mensuel, connu seulement à la fin du mois"),
    "conflict.deadline": ("the deadline for “{action}”", "le délai de « {action} »"),
    "conflict.no-deadline": ("no deadline (“{name}”)", "aucun délai (« {name} »)"),
    "conflict.has-deadline": ("a deadline (“{name}”)", "un délai (« {name} »)"),
    "undecided.strength": ("how firmly the obligation of {name} binds",
                           "avec quelle force engage l'obligation de « {name} »"),
    "undecided.start": ("from what the delay of {action} runs",
                        "à partir de quoi court le délai de « {action} »"),
    "undecided.exclusion": ("whether excluded time is removed from the measured time of {name}",
                            "si le temps exclu est retiré du temps mesuré de « {name} »"),
    "undecided.missing-minutes": ("how minutes without data count in {name}",
                                  "comment comptent les minutes sans données de « {name} »"),
    "undecided.combine": ("how the probes of {name} combine into one verdict",
                          "comment les sondes de « {name} » se combinent en un verdict"),
    "undecided.no-data": ("how a slice without data counts in {name}",
                          "comment compte un créneau sans données de « {name} »"),
    "undecided.fewer-requests": (
        "how a slice with fewer than {count} request(s) counts in {name}",
        "comment compte un créneau de moins de {count} requête(s) dans « {name} »"),
    "undecided.no-requests": ("how a slice without requests counts in {name}",
                              "comment compte un créneau sans requêtes dans « {name} »"),
    "undecided.combine-features": (
        "how the features measured in one slice of {name} combine into one verdict",
        "comment les fonctions mesurées dans un même créneau de « {name} » se combinent en un "
        "verdict"),
    "undecided.claim": ("how and by when {name} is claimed",
                        "comment et dans quel délai « {name} » se réclame"),
    "undecided.paid": ("how {name} is paid", "sous quelle forme « {name} » est versé"),
    "undecided.sole-remedy": ("whether {name} is the client's sole remedy",
                              "si « {name} » est l'unique réparation du client"),
    "undecided.tier-outcome": ("the outcome of a tier of {name}",
                               "l'effet d'une tranche de « {name} »"),
    "undecided.business-hours": ("the business hours of {name}",
                                 "les heures ouvrées de « {name} »"),
    "undecided.deadline": ("the deadline for {action}", "le délai de « {action} »"),
    "undecided.deadline-level": (" ({level})", " (niveau « {level} »)"),
    "undecided.deadline-during": (" during business hours", " pendant les heures ouvrées"),
    "undecided.deadline-outside": (" outside business hours", " hors des heures ouvrées"),
    "undecided.copy-day": ("on which day copy {copy} is taken",
                           "le jour où la copie « {copy} » est faite"),
    "undecided.copy-time": ("at what time copy {copy} is taken",
                            "l'heure à laquelle la copie « {copy} » est faite"),
    "undecided.copy-kept": ("how long copy {copy} is kept",
                            "combien de temps la copie « {copy} » est gardée"),
    # termination (kinds/termination.py)
    "undecided.termination-within": ("how long the right {name} may be exercised",
                                     "pendant combien de temps le droit « {name} » peut être "
                                     "exercé"),
    "expected.termination-within": ("a delay to exercise the right (days, weeks, months)",
                                    "un délai pour exercer le droit (jours, semaines, mois)"),
    "what.termination-within": ("a delay to exercise the right",
                                "un délai pour exercer le droit"),
    "expected.downtime": ("a downtime (longer than … / at least …)",
                          "une durée d'indisponibilité (« longer than … » / « at least … »)"),
    "hint.downtime-pattern": (
        "write e.g. longer than 43 minutes, or read rates: on availability of <availability>",
        "écrivez par ex. « longer than 43 minutes », ou lisez des taux : "
        "« on availability of <disponibilité> »"),
    "hint.rate-pattern": (
        "write e.g. below 99.9 %, or read downtime: on downtime of <availability>",
        "écrivez par ex. « below 99.9 % », ou lisez l'indisponibilité : "
        "« on downtime of <disponibilité> »"),
    "what.period-pattern": ("a pattern of periods", "un motif de périodes"),
    "hint.count-window": (
        "{count} bad periods cannot fall within {window}: write at most {window} of {window} "
        "periods, or count in more periods",
        "{count} mauvaises périodes ne tiennent pas dans {window} : écrivez au plus "
        "« {window} of {window} periods », ou comptez sur plus de périodes"),
    "hint.row-window": (
        "'in a row' means every one of the periods: write {count} periods in a row, or "
        "{count} of {window} periods",
        "« in a row » veut dire toutes les périodes : écrivez « {count} periods in a row » ou "
        "« {count} of {window} periods »"),
    "hint.in-a-row": (
        "say how they fall: {count} periods in a row, or {count} of N periods",
        "dites comment elles se suivent : « {count} periods in a row » ou « {count} of N "
        "periods »"),
    "what.example-period": ("a period of the history", "une période de l'historique"),
    "hint.example-period": ("the history has {count} periods, numbered from 1",
                            "l'historique a {count} périodes, numérotées à partir de 1"),
    # kinds of time, and what a statement expects (unit-mismatch)
    "time.fixed": ("fixed time", "temps fixe"),
    "time.calendar": ("calendar time", "temps calendaire"),
    "time.business": ("business time", "temps ouvré"),
    "found.duration": ("{text} ({time})", "« {text} » ({time})"),
    "found.percentage": ("a percentage", "un pourcentage"),
    "found.a-duration": ("a duration", "une durée"),
    "found.amount": ("an amount in {currency}", "un montant en {currency}"),
    "expected.amount": ("an amount in {currency}", "un montant en {currency}"),
    "expected.notice": ("a notice period", "un préavis"),
    "expected.exact-notice": ("a notice of a fixed length", "un préavis de longueur fixe"),
    "expected.fixed": ("a fixed duration", "une durée fixe"),
    "expected.retention": ("a retention period", "une durée de conservation"),
    "expected.rpo": ("a recovery point objective", "un objectif de point de reprise"),
    "expected.probe-interval": ("a probe interval", "un intervalle de sonde"),
    "expected.latency": ("a latency", "une latence"),
    "expected.slice": ("a slice length", "une durée de créneau"),
    "expected.claim": ("a claim delay", "un délai de réclamation"),
    "expected.delay": ("a delay", "un délai"),
    "expected.term-period": ("a calendar period (months, years)",
                             "une période calendaire (mois, années)"),
    "expected.calendar-period": ("a calendar period", "une période calendaire"),
    "expected.tenure-notice": ("a notice in months or years", "un préavis en mois ou en années"),
    "expected.notice-bound": ("a notice in days, weeks or months",
                              "un préavis en jours, semaines ou mois"),
    "expected.notice-duration": ("a notice duration", "une durée de préavis"),
    "expected.rate": ("a percentage of {measure}", "un pourcentage {measure}"),
    "measure.availability": ("availability", "de disponibilité"),
    "measure.unavailability": ("unavailability", "d'indisponibilité"),
    "hint.use": ("use {units}", "utilisez {units}"),
    "hint.units.fixed": ("minutes, hours", "« minutes, hours »"),
    "hint.units.calendar": ("days, weeks, months, years", "« days, weeks, months, years »"),
    "hint.units.business": ("business hours, business days", "« business hours, business days »"),
    "hint.or": (" or ", " ou "),
    "hint.exact-notice": (
        ("a month or a year has no fixed length: write the notice in days or weeks (e.g. 30 days), "
         "or in hours or minutes"),
        ("un mois ou une année n'a pas de longueur fixe : écrivez le préavis en jours ou semaines "
         "(par ex. « 30 days »), ou en heures ou minutes")),
    "hint.months-years": ("write it in months or years, e.g. 1 month",
                          "écrivez-le en mois ou en années, par ex. « 1 month »"),
    "hint.notice-days": ("write e.g. 8 days", "écrivez par ex. « 8 days »"),
    "hint.percent": ("write e.g. 99.5 %", "écrivez par ex. « 99.5 % »"),
    "hint.currency": ("the contract's currency is {currency}",
                      "la devise du contrat est {currency}"),
    # the limits of beyond-limit (compiler/checking.py, LIMITS)
    "limit.years": ("years {first} to {last}", "les années {first} à {last}"),
    "limit.duration": ("at most {amount} {unit}s", "au plus {amount} « {unit}s »"),
    "limit.decimals": ("at most {count} decimals", "au plus {count} décimales"),
    "limit.digits": ("at most {count} digits before the decimal point",
                     "au plus {count} chiffres avant la virgule"),
    "limit.count": ("at most {count}", "au plus {count}"),
    "file.directory": ("a folder", "un dossier"),
    "file.fifo": ("a named pipe (FIFO)", "un tube nommé (FIFO)"),
    "file.device": ("a device", "un périphérique"),
    "file.socket": ("a socket", "une socket"),
    "file.other": ("not a regular file", "autre chose qu'un fichier ordinaire"),
    "limit.file": ("at most {count} bytes", "au plus {count} octets"),
    "limit.string": ("at most {count} characters", "au plus {count} caractères"),
    "limit.items": ("at most {count} items in a contract", "au plus {count} éléments par contrat"),
    "limit.statements": ("at most {count} statements in a block",
                         "au plus {count} instructions par bloc"),
    # reasons of bad-number and bad-duration
    "why.limit": ("a limit is a whole number ≥ 1", "une limite est un nombre entier ≥ 1"),
    "why.count": ("a count is a whole number ≥ 1", "un nombre de fois est un entier ≥ 1"),
    "why.month-day": ("a day of the month is 1 to 31", "un jour du mois va de 1 à 31"),
    "why.cycle-day": ("a billing cycle starts on a day from 1 to 28, which every month has",
                      "un cycle de facturation commence un jour de 1 à 28, que tout mois a"),
    "why.debit-day": (
        "a day of each month is 1 to 28 (days 29 to 31 are missing from some months)",
        "un jour de chaque mois va de 1 à 28 (les jours 29 à 31 manquent à certains mois)"),
    "why.month-length": ("{month} has at most {days} days", "{month} a au plus {days} jours"),
    "why.years": ("a number of years is a whole number", "un nombre d'années est un entier"),
    "why.copies": ("a number of copies is a whole number", "un nombre de copies est un entier"),
    "why.positive": ("{what} must be longer than zero", "{what} doit durer plus que zéro"),
    "why.slice": (
        "a slice is a whole number of minutes that divides a day (such as 5 minutes, 1 hour)",
        ("un créneau est un nombre entier de minutes qui divise une journée "
         "(comme « 5 minutes », « 1 hour »)")),
    "what.kept": ("a retention period", "une durée de conservation"),
    "what.probe-interval": ("a probe interval", "un intervalle de sonde"),
    "what.latency": ("a latency threshold", "une latence maximale"),
    "what.run": ("a run of downtime", "une durée d'indisponibilité continue"),
    "what.example-requests": ("an input of this availability's method",
                              "une donnée que lit la méthode de cette disponibilité"),
    "hint.example-requests": ("request counts go with 'method requests'",
                              "les décomptes de requêtes vont avec « method requests »"),
    "why.requests-count": ("a number of requests is a whole number",
                           "un nombre de requêtes est un entier"),
    "what.eligibility": ("a name for an eligibility parameter",
                         "un nom de paramètre d'éligibilité"),
    "hint.eligibility": (
        "use a lower-case name the evaluators do not already take (not year, month, outages…)",
        "choisissez un nom en minuscules que les évaluateurs n'ont pas déjà (ni year, month, "
        "outages…)"),
    "why.eligibility-count": ("a count is a whole number", "un nombre est un entier"),
    "why.requests": ("a number of requests is a whole number of at least 1",
                     "un nombre de requêtes est un entier d'au moins 1"),
    "what.initial": ("an initial term", "une durée initiale"),
    "what.renewal": ("a renewal period", "une période de reconduction"),
    # unknown-name suggestions
    "suggest.close": ("did you mean '{name}'?", "vouliez-vous dire « {name} » ?"),
    "suggest.known": ("known: {names}", "noms connus : {names}"),
    "suggest.define": ("define {kind} block first", "définissez d'abord un bloc « {keyword} »"),
    "suggest.declare-action": ('declare it: action {name} fr "…" en "…"',
                               'déclarez-la : « action {name} fr "…" en "…" »'),
    "none-defined": ("none", "aucun"),
    # needs-business-hours / needs-business-days, missing-statement, example-error
    "needs.hours-regime": ("'during/outside business hours'", "« during/outside business hours »"),
    "needs.hours-delay": ("a delay in business hours", "un délai en heures ouvrées"),
    "needs.days-delay": ("a delay in business days", "un délai en jours ouvrés"),
    "needs.previous-day": ("'previous business day'", "« previous business day »"),
    "statement.time-ranges": ("time ranges", "plages horaires"),
    "reason.tenure-examples": ("examples need a tenure notice rule",
                               "les exemples supposent une règle de préavis selon l'ancienneté"),
    # copies of a retention block (bad-copy-day, short-month)
    "every.day": ("every day", "quotidienne"),
    "every.week": ("every week", "hebdomadaire"),
    "every.month": ("every month", "mensuelle"),
    "every.year": ("every year", "annuelle"),
    "copy-day.day": ("a daily copy takes no 'on'", "une copie quotidienne ne prend pas de « on »"),
    "copy-day.week": ("write the weekday, e.g. on sunday",
                      "écrivez le jour, par ex. « on sunday »"),
    "copy-day.month": ("write the day of the month, e.g. on day 1",
                       "écrivez le jour du mois, par ex. « on day 1 »"),
    "copy-day.year": ("write the day and the month, e.g. on 31 december",
                      "écrivez le jour et le mois, par ex. « on 31 december »"),
    "period.month": ("month", "tous les mois"),
    "period.year": ("year", "toutes les années"),
    "short-month.month": ("in months shorter than that, the copy is taken on their last day",
                          "dans les mois plus courts, la copie est faite leur dernier jour"),
    "short-month.year": ("in years without 29 February, the copy is taken on 28 February",
                         "les années sans 29 février, la copie est faite le 28 février"),
    # bad-cap
    "cap.amount": ("an amount", "un montant"),
    "gives.days": ("days of service", "des jours de service"),
    "gives.money": ("money", "de l'argent"),
    "cap.money": ("money or a share of the invoice, as its tiers give",
                  "en argent ou en part de facture, comme ses tranches"),
    "cap.days": ("days of service, as its tiers give", "en jours de service, comme ses tranches"),
}


E: Literal["error"] = "error"
W: Literal["warning"] = "warning"
N: Literal["note"] = "note"

CATALOG: dict[str, Entry] = {
    # ------------------------------------------------------------------ reading and syntax
    "bad-encoding": Entry(
        E, "the file is not valid UTF-8 (byte {byte})",
        "le fichier n'est pas en UTF-8 valide (octet {byte})",
        "save the file as UTF-8", "enregistrez le fichier en UTF-8"),
    "bad-character": Entry(
        E, "the file contains a {char} character", "le fichier contient un caractère {char}",
        "remove it; .sla files are plain text", "supprimez-le ; un fichier .sla est du texte brut"),
    "unreadable-file": Entry(
        E, "cannot read the file: {reason}", "impossible de lire le fichier : {reason}"),
    "not-a-file": Entry(
        E, "not a contract file: it is {what}", "pas un fichier de contrat : c'est {what}",
        "give a regular .sla file, or rename what is not one",
        "donnez un fichier .sla ordinaire, ou renommez ce qui n'en est pas un"),
    "too-large-file": Entry(
        E, "the file is larger than slac reads: {limit}",
        "le fichier dépasse ce que slac lit : {limit}",
        "split the contract, or shorten it; see Limits in docs/language.md",
        "scindez le contrat, ou raccourcissez-le ; voir « Limits » dans docs/language.md"),
    "too-large": Entry(
        E, "this is larger than slac handles: {limit}",
        "ceci dépasse ce que slac traite : {limit}",
        "split the contract, or shorten it; see Limits in docs/language.md",
        "scindez le contrat, ou raccourcissez-le ; voir « Limits » dans docs/language.md"),
    "empty-file": Entry(
        E, "the file contains no contract", "le fichier ne contient aucun contrat",
        'start it with: contract "my-contract" {{ title "…" … }}',
        'commencez-le par : « contract "mon-contrat" {{ title "…" … }} »'),
    "unknown-escape": Entry(
        E, "{escape} is not an escape of the language",
        "« {escape} » n'est pas un échappement du langage",
        'inside "…" only \\" (a quote) and \\\\ (a backslash) are escapes; write the text as it is',
        'dans "…" seuls \\" (guillemet) et \\\\ (barre oblique inverse) sont des échappements ; '
        "écrivez le texte tel quel"),
    "unclosed-block": Entry(
        E, "{count} block(s) opened with '{{' are not closed",
        "{count} bloc(s) ouvert(s) par « {{ » ne sont pas fermés",
        "add the missing '}}' at the end of the block",
        "ajoutez l'accolade « }} » manquante en fin de bloc"),
    "unexpected-end": Entry(
        E, "the file ends in the middle of a statement",
        "le fichier s'arrête au milieu d'une instruction",
        "complete the statement", "complétez l'instruction"),
    "unclosed-string": Entry(
        E, "this text is not closed by a double quote", "ce texte n'est pas fermé par un guillemet",
        'close it with " on the same line', 'fermez-le par " sur la même ligne'),
    "time-format": Entry(
        E, "'{text}' is not a time of day in this language",
        "« {text} » n'est pas une heure dans ce langage",
        "write times as hh:mm, e.g. {fixed}",
        "écrivez les heures sous la forme hh:mm, par ex. {fixed}"),
    "comma-decimal": Entry(
        E, "'{text}' uses a comma as decimal separator", "« {text} » utilise une virgule décimale",
        "write {fixed}: the decimal separator is a point",
        "écrivez {fixed} : le séparateur décimal est le point"),
    "euro-sign": Entry(
        E, "amounts are written with a currency code, not a symbol",
        "les montants s'écrivent avec un code de devise, pas un symbole",
        "write e.g. 130 EUR excl. tax", "écrivez par ex. « 130 EUR excl. tax »"),
    "missing-unit": Entry(
        E, "this number has no unit (found '{found}')",
        "ce nombre n'a pas d'unité (trouvé « {found} »)",
        "add a unit: %, minutes, hours, business hours, days, business days, months, years…",
        "ajoutez une unité : « % », « minutes », « hours », « business hours », « days », "
        "« business days », « months », « years »…"),
    "expected-colon": Entry(
        E, "a tier range must be followed by ':' and its outcome (found '{found}')",
        "une tranche doit être suivie de « : » et de son effet (trouvé « {found} »)",
        "write e.g. from 0.21 % included to 0.5 % included: 3 % of invoice",
        "écrivez par ex. « from 0.21 % included to 0.5 % included: 3 % of invoice »"),
    "missing-inclusion": Entry(
        E, "a tier bound must say whether it is included (found '{found}')",
        "une borne de tranche doit dire si elle est incluse (trouvé « {found} »)",
        "write 'included' or 'excluded' after the value, e.g. to 0.5 % included",
        "écrivez « included » ou « excluded » après la valeur, par ex. « to 0.5 % included »"),
    "missing-outcome": Entry(
        E, "this tier has no outcome", "cette tranche n'a pas d'effet",
        "write the outcome after ':', or 'unspecified' if the contract leaves it blank",
        "écrivez l'effet après « : », ou « unspecified » si le contrat le laisse en blanc"),
    "unexpected-token": Entry(
        E, "unexpected '{found}'", "« {found} » inattendu",
        "expected {expected}", "attendu : {expected}"),
    "unexpected-character": Entry(
        E, "unexpected character '{char}'", "caractère « {char} » inattendu",
        "expected {expected}", "attendu : {expected}"),
    # ------------------------------------------------------------------ header and names
    "missing-header": Entry(
        E, "the contract header has no '{field}'", "l'en-tête du contrat n'a pas de « {field} »",
        "add: {example}", "ajoutez : « {example} »"),
    "duplicate-statement": Entry(
        E, "'{what}' is given twice", "« {what} » est donné deux fois",
        "keep one", "n'en gardez qu'un"),
    "bad-contract-id": Entry(
        E, "contract id '{id}' cannot name a module",
        "l'identifiant « {id} » ne peut pas nommer un module",
        "use lower-case letters, digits and '-', starting with a letter (e.g. cegid-loop)",
        "utilisez minuscules, chiffres et « - », en commençant par une lettre (ex. cegid-loop)"),
    "duplicate-contract": Entry(
        E, "contract id '{id}' is already used by {other}",
        "l'identifiant « {id} » est déjà pris par « {other} »",
        "give each contract its own id", "donnez à chaque contrat son propre identifiant"),
    "unknown-time-zone": Entry(
        E, "unknown time zone '{zone}'", "fuseau horaire « {zone} » inconnu",
        "use an IANA name such as Europe/Paris", "utilisez un nom IANA comme Europe/Paris"),
    "unknown-language": Entry(
        E, "unsupported language '{lang}'", "langue « {lang} » non prise en charge",
        "supported: fr, en", "langues prises en charge : fr, en"),
    "unknown-holidays": Entry(
        E, "no public-holiday data for '{country}'",
        "pas de jours fériés connus pour « {country} »",
        "use an ISO country code such as FR, with an optional subdivision such as \"57\"",
        "utilisez un code pays ISO comme FR, avec une subdivision facultative comme « \"57\" »"),
    "duplicate-name": Entry(
        E, "'{name}' is already defined on line {line}", "« {name} » est déjà défini ligne {line}",
        "rename one of them", "renommez l'un des deux"),
    "unknown-name": Entry(
        E, "no {kind} named '{name}'", "{kind} « {name} »",
        "{suggestion}", "{suggestion}"),
    "wrong-kind": Entry(
        E, "'{name}' is {actual}, not {expected}", "« {name} » est {actual}, pas {expected}"),
    "missing-clause": Entry(
        W, "{kind} '{name}' carries no clause id",
        "{kind} « {name} » ne porte aucun identifiant de clause",
        "add: clause T4 article \"Annexe 2 A.6\"",
        "ajoutez : « clause T4 article \"Annexe 2 A.6\" »"),
    "missing-statement": Entry(
        E, "{kind} '{name}' has no '{what}'", "{kind} « {name} » n'a pas de « {what} »",
        "add: {example}", "ajoutez : « {example} »"),
    # ------------------------------------------------------------------ values and units
    "unit-mismatch": Entry(
        E, "{found} where {expected} is expected", "{found} alors qu'on attend {expected}",
        "{hint}", "{hint}"),
    "mixed-duration": Entry(
        E, "a duration mixes {units}", "une durée mélange les unités « {units} »",
        "write it in one unit", "écrivez-la dans une seule unité"),
    "fractional-duration": Entry(
        E, "durations are whole numbers of a unit ({text})",
        "une durée est un nombre entier d'unités (« {text} »)",
        "use a smaller unit, e.g. 90 minutes for 1.5 hours",
        "utilisez une unité plus petite, par ex. « 90 minutes » pour 1,5 heure"),
    "percent-range": Entry(
        E, "{value} % is outside 0–100 %", "{value} % est hors de 0–100 %"),
    "target-unusual": Entry(
        W, "an availability target of {value} % is unusually low",
        "un objectif de disponibilité de {value} % est inhabituellement bas",
        "check the figure against the contract", "vérifiez le chiffre dans le contrat"),
    "bad-time": Entry(
        E, "{text} is not a time between 00:00 and 24:00",
        "{text} n'est pas une heure entre 00:00 et 24:00"),
    "bad-date": Entry(
        E, "{text} is not a date", "{text} n'est pas une date",
        "write dates as YYYY-MM-DD", "écrivez les dates AAAA-MM-JJ"),
    "empty-range": Entry(
        E, "this range is empty ({text})", "cette plage est vide (« {text} »)",
        "a range that ends where it starts covers no time",
        "une plage qui finit où elle commence ne couvre aucun temps"),
    "beyond-limit": Entry(
        E, "{text} is beyond what slac can compute with: {limit}",
        "« {text} » dépasse ce avec quoi slac peut calculer : {limit}",
        "see Limits in docs/language.md for the values slac handles",
        "voir « Limits » dans docs/language.md pour les valeurs que slac traite"),
    "bad-number": Entry(
        E, "{text} is not allowed here: {why}", "{text} n'est pas admis ici : {why}"),
    "bad-value": Entry(
        E, "{text} is not {what}", "{text} n'est pas {what}", "{hint}", "{hint}"),
    # ------------------------------------------------------------------ windows, availability
    "measured-and-excluded": Entry(
        E, "window '{excluded}' is excluded but overlaps the measured window '{measured}' ({when})",
        ("la fenêtre « {excluded} » est exclue mais chevauche la fenêtre mesurée « {measured} » "
         "({when})"),
        "say which applies: drop the exclusion or narrow one of the windows",
        "précisez ce qui s'applique : retirez l'exclusion ou réduisez l'une des fenêtres"),
    "restatement-mismatch": Entry(
        W, "the contract restates {stated} per {per}, but {target} % allows {computed}",
        "le contrat indique {stated} par {per}, mais {target} % autorise {computed}",
        "check the target or the restated figure", "vérifiez l'objectif ou le chiffre repris"),
    # ------------------------------------------------------------------ tiers
    "tier-overlap": Entry(
        E, "this tier overlaps the tier on line {other} ({range})",
        "cette tranche chevauche celle de la ligne {other} ({range})",
        "make each bound included on one side only; or, if the contract's rows do overlap, say "
        "which wins: rows overlap, deepest wins (or first wins)",
        "une borne ne doit être incluse que d'un seul côté ; ou, si les lignes du contrat se "
        "chevauchent vraiment, dites laquelle l'emporte : « rows overlap, deepest wins » (ou "
        "« first wins »)"),
    "tier-gap": Entry(
        W, "tiers leave {range} uncovered", "les tranches ne couvrent pas {range}",
        "add a tier for it, with 'unspecified' as outcome if the contract is silent",
        "ajoutez-lui une tranche, d'effet « unspecified » si le contrat se tait"),
    "tier-order": Entry(
        E, "this range is empty or reversed ({range})",
        "cette tranche est vide ou inversée ({range})"),
    # ------------------------------------------------------------------ deadlines
    "duplicate-rule": Entry(
        E, "a rule for {what} is already given on line {line}",
        "une règle pour « {what} » est déjà donnée ligne {line}"),
    "missing-level": Entry(
        W, "action '{action}' has no rule for level '{level}'",
        "l'action « {action} » n'a pas de règle pour le niveau « {level} »",
        "add one, with 'unspecified' or 'no deadline' if the contract is silent",
        "ajoutez-en une, « unspecified » ou « no deadline » si le contrat se tait"),
    "needs-business-hours": Entry(
        E, "{what} needs the block's business hours", "{what} suppose les heures ouvrées du bloc",
        "add: business hours <window>", "ajoutez : « business hours <fenêtre> »"),
    "needs-business-days": Entry(
        E, "{what} needs the block's business days", "{what} suppose les jours ouvrés du bloc",
        "add: business days of <calendar>", "ajoutez : « business days of <calendrier> »"),
    "needs-severities": Entry(
        E, "level '{level}' is given but the block names no severities",
        "le niveau « {level} » est donné mais le bloc ne nomme aucune échelle de gravité",
        "add: severities <name>", "ajoutez : « severities <nom> »"),
    # ------------------------------------------------------------------ legal force
    "untranslated": Entry(
        W, "these words are not given in {missing}, which the contract is written in "
           "(languages {languages})",
        "ces mots ne sont pas donnés en {missing}, langue(s) du contrat (languages {languages})",
        "write them in each of its languages: {example}",
        "écrivez-les dans chacune de ses langues : {example}"),
    "force-undecided": Entry(
        W, "{kind} '{name}' does not say who it binds, nor how firmly",
        "{kind} « {name} » ne dit pas qui il engage, ni avec quelle force",
        "add e.g.: obligation of provider towards client, firm (or best efforts, reasonable "
        "efforts, "
        "target); right of provider against client; prohibition of client",
        "ajoutez par ex. : « obligation of provider towards client, firm » (ou best efforts, "
        "reasonable efforts, target) ; « right of provider against client » ; "
        "« prohibition of client »"),
    "strength-undecided": Entry(
        W, "this obligation does not say how firmly it binds",
        "cette obligation ne dit pas avec quelle force elle engage",
        "add one of: , firm  , best efforts  , reasonable efforts  , target  , unspecified",
        "ajoutez l'une de : « , firm », « , best efforts », « , reasonable efforts », "
        "« , target », « , unspecified »"),
    "force-not-applicable": Entry(
        E, "{kind} states no duty or right: '{what}' does not apply to it",
        "{kind} n'énonce ni devoir ni droit : « {what} » ne s'y applique pas",
        "put it on the clause that binds or empowers a party",
        "placez-le sur la clause qui engage ou habilite une partie"),
    "start-undecided": Entry(
        W, "this delay does not say from what it runs",
        "ce délai ne dit pas à partir de quoi il court",
        'add: after "…" (the event), or after unspecified if the contract is silent',
        "ajoutez : « after \"…\" » (l'événement), ou « after unspecified » si le contrat se tait"),
    "remedy-undecided": Entry(
        W, "nothing says what happens when '{name}' misses its target",
        "rien ne dit ce qui arrive quand « {name} » manque son objectif",
        "add a tiers block 'on availability of {name}', or 'no remedy' if the contract gives none",
        "ajoutez un bloc tiers « on availability of {name} », ou « no remedy » si le contrat "
        "n'en prévoit pas"),
    "contradiction": Entry(
        W, "the contract contradicts itself on {about}: {first} (line {first_line}) against "
           "{second} (line {second_line})",
        "le contrat se contredit sur {about} : {first} (ligne {first_line}) contre {second} "
        "(ligne {second_line})",
        "both are kept and shown; say in a note which prevails, if the contract does",
        "les deux sont conservés et montrés ; dites dans une note lequel prévaut, si le contrat "
        "le dit"),
    "contradicted": Entry(
        N, "the clause here is contradicted on line {line}",
        "la clause ici est contredite ligne {line}"),
    # ------------------------------------------------------------------ undecided
    "unspecified": Entry(
        N, "the contract does not decide {what}", "le contrat ne tranche pas : {what}",
        "evaluators will ask the caller to decide it",
        "les évaluateurs demanderont à l'appelant de trancher"),
    # ------------------------------------------------------------------ examples
    "example-failed": Entry(
        E, "worked example fails: expected {expected}, the contract gives {actual}",
        "l'exemple ne se vérifie pas : attendu {expected}, le contrat donne {actual}",
        "fix the example or the clause", "corrigez l'exemple ou la clause"),
    "example-period": Entry(
        E, "'{written}' is not one of the periods of this availability, which is measured by {per}",
        "« {written} » n'est pas une des périodes de cette disponibilité, mesurée par {per}",
        "write the period as {example}", "écrivez la période ainsi : {example}"),
    "report-needs-outages": Entry(
        E, "downtime can count from its report only when outages are given",
        "l'indisponibilité ne peut compter à partir de son signalement que si des pannes sont "
        "données",
        "use 'method outages', or 'or outages' in 'method requests'",
        "utilisez « method outages », ou « or outages » dans « method requests »"),
    "example-needs-outages": Entry(
        E, "an example with outages needs 'method outages', but this availability is measured "
           "by {method}",
        "un exemple avec des interruptions suppose « method outages », mais cette disponibilité "
        "est mesurée par {method}",
        "remove the example, or check this clause with slac eval on measurements",
        "retirez l'exemple, ou vérifiez la clause avec slac eval sur des mesures"),
    "example-error": Entry(
        E, "worked example cannot be evaluated: {reason}",
        "l'exemple ne peut pas être évalué : {reason}"),
    # ---------------------------------------------------------- what the evaluators cannot compute
    "bad-duration": Entry(
        E, "{text} is not allowed here: {why}", "« {text} » n'est pas admis ici : {why}"),
    "bad-copy-day": Entry(
        E, "'{text}' does not say a day of a copy taken {every}",
        "« {text} » ne dit pas le jour d'une copie {every}", "{hint}", "{hint}"),
    "short-month": Entry(
        W, "'{text}' is not a day of every {period}", "« {text} » n'est pas un jour de {period}",
        "{what}", "{what}"),
    "bad-cap": Entry(
        E, "the cap '{cap}' is not {expected}", "le plafond « {cap} » n'est pas {expected}",
        "write the cap as the tiers' outcomes are written, e.g. cap 20 % of invoice",
        "écrivez le plafond comme les effets des tranches, par ex. « cap 20 % of invoice »"),
    "mixed-outcomes": Entry(
        E, "this tier gives {this}, but the tier on line {other} gives {that}",
        "cette tranche donne {this}, mais celle de la ligne {other} donne {that}",
        "a tier table gives either days of service or money (amounts, shares of the invoice)",
        "un barème donne soit des jours de service, soit de l'argent (montants, parts de facture)"),
    # ------------------------------------------------------------------ slac eval: input files
    "input-unreadable": Entry(
        E, "cannot read the input file: {reason}",
        "impossible de lire le fichier d'entrée : {reason}"),
    "input-not-utf8": Entry(
        E, "the input file is not valid UTF-8 (byte {byte})",
        "le fichier d'entrée n'est pas en UTF-8 valide (octet {byte})",
        "save it as UTF-8", "enregistrez-le en UTF-8"),
    "input-file-type": Entry(
        E, "cannot tell the format of '{name}'", "format de « {name} » inconnu",
        "name the file .csv or .json", "nommez le fichier .csv ou .json"),
    "input-empty": Entry(
        E, "the input file is empty", "le fichier d'entrée est vide",
        "start with a header line naming the columns, e.g. start,end",
        "commencez par une ligne d'en-tête nommant les colonnes, p. ex. start,end"),
    "input-header": Entry(
        E, "column {column} of the header is empty or repeated ({name})",
        "la colonne {column} de l'en-tête est vide ou répétée ({name})",
        "give every column a distinct name", "donnez à chaque colonne un nom distinct"),
    "input-columns": Entry(
        E, "this line has {found} values but the header names {expected} columns",
        "cette ligne a {found} valeurs mais l'en-tête nomme {expected} colonnes",
        "the columns are: {columns}", "les colonnes sont : {columns}"),
    "input-json": Entry(
        E, "not valid JSON: {reason}", "JSON invalide : {reason}"),
    "input-json-shape": Entry(
        E, "the JSON must be an array of flat objects",
        "le JSON doit être un tableau d'objets plats",
        'e.g. [{{"start": "2024-05-07T19:30:00+02:00", "end": "2024-05-08T08:00:00+02:00"}}]',
        'p. ex. [{{"start": "2024-05-07T19:30:00+02:00", "end": "2024-05-08T08:00:00+02:00"}}]'),
    "input-setting": Entry(
        E, "'{setting}' is not NAME=VALUE", "« {setting} » n'est pas de la forme NOM=VALEUR",
        "e.g. --set combine=each", "p. ex. --set combine=each"),
    "input-missing-column": Entry(
        E, "this record has no value for '{column}'",
        "cet enregistrement n'a pas de valeur pour « {column} »",
        "add a column '{column}'", "ajoutez une colonne « {column} »"),
    "input-missing-value": Entry(
        E, "a value is needed here", "une valeur est attendue ici"),
    "input-columns-unknown": Entry(
        E, "cannot tell what this record is from its columns ({columns})",
        "impossible de savoir ce qu'est cet enregistrement d'après ses colonnes ({columns})",
        "the columns must be one of: {expected}",
        "les colonnes doivent être l'une de : {expected}"),
    "input-not-accepted": Entry(
        E, "{item} takes no {feed}", "{item} ne prend pas de {feed}",
        "it takes: {accepted}", "il prend : {accepted}"),
    "input-unknown-name": Entry(
        E, "'{name}' is not a parameter of the evaluators of {item}",
        "« {name} » n'est pas un paramètre des évaluateurs de {item}",
        "their parameters: {names}; a column 'id' is carried to the report as it is",
        "leurs paramètres : {names} ; une colonne « id » est reprise telle quelle dans le rapport"),
    "input-outside-period": Entry(
        E, "{value} is outside the period {period}", "{value} est hors de la période {period}",
        "keep only the records of the period evaluated",
        "ne gardez que les enregistrements de la période évaluée"),
    "input-rejected": Entry(
        E, "this record is refused: {reason}", "cet enregistrement est refusé : {reason}"),
    "input-choice": Entry(
        E, "'{value}' is not one of: {choices}",
        "« {value} » n'est pas l'une des valeurs : {choices}"),
    "input-naive-datetime": Entry(
        E, "'{value}' has no UTC offset", "« {value} » n'a pas de décalage UTC",
        "write it with its offset, e.g. 2024-05-07T19:30:00+02:00, or pass --zone Europe/Paris",
        ("écrivez-le avec son décalage, p. ex. 2024-05-07T19:30:00+02:00, "
         "ou passez --zone Europe/Paris")),
    "input-dst-ambiguous": Entry(
        E, "'{value}' occurs twice in {zone} (clocks go back)",
        "« {value} » existe deux fois à {zone} (retour à l'heure d'hiver)",
        "write it with its UTC offset", "écrivez-le avec son décalage UTC"),
    "input-dst-gap": Entry(
        E, "'{value}' does not exist in {zone} (clocks go forward)",
        "« {value} » n'existe pas à {zone} (passage à l'heure d'été)",
        "write it with its UTC offset", "écrivez-le avec son décalage UTC"),
    "input-not-datetime": Entry(
        E, "'{value}' is not a date and time", "« {value} » n'est pas une date et heure",
        "write ISO 8601 with an offset: 2024-05-07T19:30:00+02:00",
        "écrivez en ISO 8601 avec décalage : 2024-05-07T19:30:00+02:00"),
    "input-not-date": Entry(
        E, "'{value}' is not a date", "« {value} » n'est pas une date",
        "write YYYY-MM-DD, e.g. 2024-05-10", "écrivez AAAA-MM-JJ, p. ex. 2024-05-10"),
    "input-not-time": Entry(
        E, "'{value}' is not a time of day", "« {value} » n'est pas une heure",
        "write hh:mm, e.g. 01:00", "écrivez hh:mm, p. ex. 01:00"),
    "input-not-integer": Entry(
        E, "'{value}' is not a whole number", "« {value} » n'est pas un nombre entier"),
    "input-not-number": Entry(
        E, "'{value}' is not a number", "« {value} » n'est pas un nombre",
        "write it with a decimal point: 99.5", "écrivez-le avec un point décimal : 99.5"),
    "input-decimal-comma": Entry(
        E, "'{value}' uses a decimal comma", "« {value} » utilise une virgule décimale",
        "write {fixed}", "écrivez {fixed}"),
    "input-not-duration": Entry(
        E, "'{value}' is not a duration", "« {value} » n'est pas une durée",
        "write a whole number and a unit: 4 hours, 30 minutes, 2 days, 1 month",
        "écrivez un nombre entier et une unité en anglais : 4 hours, 30 minutes, 2 days, 1 month"),
    "input-not-value": Entry(
        E, "'{value}' is not a value this evaluator accepts",
        "« {value} » n'est pas une valeur acceptée par cet évaluateur"),
    "input-out-of-range": Entry(
        E, "'{value}' is out of the range slac eval reads ({range})",
        "« {value} » est hors des valeurs que lit slac eval ({range})",
        "see the limits in docs/evaluators.md", "voyez les limites dans docs/evaluators.md"),
    "input-too-large": Entry(
        E, "the input file is larger than {limit}",
        "le fichier d'entrée dépasse {limit}",
        "split the records into several files, each given with --input, or evaluate a shorter "
        "period", "répartissez les enregistrements en plusieurs fichiers, chacun passé avec "
        "--input, ou évaluez une période plus courte"),
    "input-too-many-records": Entry(
        E, "more than {limit} records in all: this one is over the limit",
        "plus de {limit} enregistrements en tout : celui-ci dépasse la limite",
        "keep only the records of the period evaluated",
        "ne gardez que les enregistrements de la période évaluée"),
    "input-too-many-columns": Entry(
        E, "more than {limit} columns", "plus de {limit} colonnes",
        "keep only the columns the evaluation reads",
        "ne gardez que les colonnes que lit l'évaluation"),
    "input-value-too-long": Entry(
        E, "this value is {length} characters long, more than {limit}",
        "cette valeur fait {length} caractères, plus de {limit}"),
    "input-csv-quote": Entry(
        E, "this quoted value is not closed on its line",
        "cette valeur entre guillemets n'est pas fermée sur sa ligne",
        'close it with "; a value cannot run on to the next line; write a quote inside a '
        'quoted value as ""',
        'fermez-la par " ; une valeur ne peut pas continuer à la ligne suivante ; écrivez un '
        'guillemet dans une valeur entre guillemets ""'),
    "input-json-depth": Entry(
        E, "values nest deeper than {limit} levels: the JSON must be an array of flat objects",
        "les valeurs s'imbriquent sur plus de {limit} niveaux : le JSON doit être un tableau "
        "d'objets plats",
        'e.g. [{{"start": "2024-05-07T19:30:00+02:00", "end": "2024-05-08T08:00:00+02:00"}}]',
        'p. ex. [{{"start": "2024-05-07T19:30:00+02:00", "end": "2024-05-08T08:00:00+02:00"}}]'),
    "input-json-key": Entry(
        E, "the key '{key}' repeats '{other}' in this object",
        "la clé « {key} » répète « {other} » dans cet objet",
        "names are compared without case, spaces or dashes: keep one of them",
        "les noms sont comparés sans casse, espaces ni tirets : gardez-en un seul"),
    "input-unknown-column": Entry(
        E, "'{column}' is not a column of {what}",
        "« {column} » n'est pas une colonne de {what}",
        "the columns are: {columns}", "les colonnes sont : {columns}"),
    "input-unknown-probe": Entry(
        E, "'{probe}' is not a probe of {item}", "« {probe} » n'est pas une sonde de {item}",
        "its probes: {probes}", "ses sondes : {probes}"),
    "input-not-window": Entry(
        E, "'{value}' is not a window of the contract",
        "« {value} » n'est pas une fenêtre du contrat",
        "name one of the contract's windows, e.g. ouverture_service",
        "nommez une fenêtre du contrat, p. ex. ouverture_service"),
}


# ------------------------------------------------------------------ slac eval
# The lines and words of `slac eval`'s reports, and its own messages, by key ({fields} are code,
# figures or Phrases).
EVAL: dict[str, Phrase] = {
    # the header
    "report.clauses": Phrase("clauses: {clauses}", "clauses: {clauses}"),
    "report.period": Phrase("period: {period}", "période: {period}"),
    # availability
    "report.measured": Phrase("measured time: {time}", "temps mesuré: {time}"),
    "report.excluded": Phrase("excluded time: {time}", "temps exclu: {time}"),
    "report.downtime": Phrase("downtime: {time}", "indisponibilité: {time}"),
    "report.availability": Phrase(
        "availability: {rate} % (target {comparison} {target} %): {verdict}",
        "disponibilité: {rate} % (objectif {comparison} {target} %): {verdict}"),
    "report.met": Phrase("met", "atteint"),
    "report.breached": Phrase("BREACHED", "NON ATTEINT"),
    "report.missed": Phrase("missed (a target or best-efforts promise, not a breach)",
                            "manqué (objectif ou obligation de moyens, pas un manquement)"),
    "report.downtime-spans": Phrase("downtime", "indisponibilités"),
    "report.excluded-spans": Phrase("excluded", "exclusions"),
    "report.no-data-spans": Phrase("without data", "sans données"),
    # tiers
    "report.value": Phrase("measured value: {value} %", "valeur mesurée: {value} %"),
    "report.value-of": Phrase("value: {value}", "valeur: {value}"),
    "report.tier": Phrase("tier {number} (line {line}): {outcome}",
                          "palier {number} (ligne {line}): {outcome}"),
    "report.no-tier": Phrase("no tier: {outcome}", "aucun palier: {outcome}"),
    "report.money": Phrase("amount: {money}", "montant: {money}"),
    "report.days": Phrase("days of service: {days}", "jours de service: {days}"),
    "report.capped": Phrase("capped by the contract's ceiling", "plafonné par le contrat"),
    "report.claim": Phrase("last day to claim: {date}", "dernier jour pour réclamer: {date}"),
    "report.gives.none": Phrase("nothing", "rien"),
    "report.gives.unspecified": Phrase("not decided by the contract", "non tranché par le contrat"),
    "report.gives.invoice_share.invoice": Phrase("{amount} % of the invoice",
                                                 "{amount} % de la facture"),
    "report.gives.invoice_share.subscription": Phrase("{amount} % of the subscription",
                                                      "{amount} % de l'abonnement"),
    "report.gives.invoice_share.fees": Phrase("{amount} % of the fees paid",
                                              "{amount} % des sommes versées"),
    "report.gives.invoice_share.price": Phrase("{amount} % of the price", "{amount} % du prix"),
    "report.gives.service_days": Phrase("{amount} days of service", "{amount} jours de service"),
    "report.gives.money": Phrase("{money}", "{money}"),
    # windows and calendars
    "report.occurrences": Phrase("occurrences: {count}, in all {total}",
                                 "occurrences: {count}, au total {total}"),
    "report.uses": Phrase("uses: {count}; {problems}", "utilisations: {count}; {problems}"),
    "report.no-problem": Phrase("no problem", "aucun problème"),
    "report.problems": Phrase("problems: {count}", "problèmes: {count}"),
    "report.business-days": Phrase("business days: {count} / {days}",
                                   "jours ouvrés: {count} / {days}"),
    # evaluators called by their signature
    "report.line": Phrase("line {line}: ", "ligne {line}: "),
    # what the contract says about the item, as written
    "report.note": Phrase("note: {text}", "note: {text}"),
    "report.reading": Phrase("reading: {text}", "lecture: {text}"),
    "report.note-of": Phrase("note ({item}): {text}", "note ({item}): {text}"),
    "report.reading-of": Phrase("reading ({item}): {text}", "lecture ({item}): {text}"),
    # what `slac eval` cannot do
    "eval.no-clause": Phrase(
        "contract {contract} has no clause or item '{clause}'; its clauses: {clauses}; "
        "its items: {items}",
        "le contrat {contract} n'a pas de clause ni d'élément « {clause} » ; ses clauses : "
        "{clauses} ; ses éléments : {items}"),
    "eval.several-items": Phrase(
        "clause {clause} is encoded by several items: {items}; name the one to evaluate",
        "la clause {clause} est codée par plusieurs éléments : {items} ; nommez celui à évaluer"),
    "eval.needs-period": Phrase("this evaluation needs a period: add --period {form}",
                                "cette évaluation demande une période : ajoutez --period {form}"),
    "eval.no-evaluator": Phrase("the generated module has no evaluator {name}()",
                                "le module généré n'a pas d'évaluateur {name}()"),
    "eval.give-value": Phrase("give the measured value with --set value=PERCENT",
                              "donnez la valeur mesurée avec --set value=POURCENTAGE"),
    "eval.give-value-or-records": Phrase(
        "give the measured value with --set value=PERCENT, or the records of {source} with "
        "--input FILE",
        "donnez la valeur mesurée avec --set value=POURCENTAGE, ou les enregistrements de "
        "« {source} » avec --input FICHIER"),
    "eval.no-limit": Phrase(
        "window {name} sets no limit or notice to check uses against",
        "la fenêtre « {name} » ne fixe ni limite ni préavis à quoi confronter les utilisations"),
    "eval.announced": Phrase("give an 'announced' instant for every use, or for none",
                             "donnez un instant « announced » pour chaque utilisation, ou pour "
                             "aucune"),
    "eval.no-evaluators": Phrase("{name} states facts but has no evaluator; see `slac summary`",
                                 "« {name} » énonce des faits mais n'a pas d'évaluateur ; voyez "
                                 "`slac summary`"),
    "eval.give-values": Phrase(
        "give the values of one of the evaluators of {item} with --set NAME=VALUE or as columns "
        "of --input: {signatures}",
        "donnez les valeurs de l'un des évaluateurs de « {item} » avec --set NOM=VALEUR ou en "
        "colonnes de --input : {signatures}"),
    "eval.value-and-records": Phrase(
        "give the measured value with --set value=PERCENT or the records with --input, not both",
        "donnez la valeur mesurée avec --set value=POURCENTAGE ou les enregistrements avec "
        "--input, pas les deux"),
    "eval.needs-eligibility": Phrase(
        "{item} applies only under conditions the evaluator needs: give {settings}",
        "« {item} » ne s'applique que sous des conditions dont l'évaluateur a besoin : donnez "
        "{settings}"),
    "report.not-applying": Phrase("the SLA does not apply: {unmet}",
                                  "le SLA ne s'applique pas : {unmet}"),
    "eval.reads-no-records": Phrase(
        "{item} reads no records: leave out --input",
        "« {item} » ne lit aucun enregistrement : retirez --input"),
    "eval.cannot-compute": Phrase(
        "the evaluator cannot compute with these values ({reason}); give values nearer to the "
        "contract's dates and amounts",
        "l'évaluateur ne peut pas calculer avec ces valeurs ({reason}) ; donnez des valeurs plus "
        "proches des dates et montants du contrat"),
    "eval.undecided-gap": Phrase(
        "the contract does not say what {value} % gives: the value falls between its tiers; no "
        "--set decision settles it",
        "le contrat ne dit pas ce que donne {value} % : la valeur tombe entre ses paliers ; "
        "aucune décision --set ne le tranche"),
    "eval.undecided-tier": Phrase(
        "the contract does not say what tier {number} (line {line}) gives; no --set decision "
        "settles it",
        "le contrat ne dit pas ce que donne le palier {number} (ligne {line}) ; aucune décision "
        "--set ne le tranche"),
    "eval.undecided-result": Phrase(
        "the contract does not say what {name} gives for these values",
        "le contrat ne dit pas ce que donne {name} pour ces valeurs"),
    "eval.undecided-result-line": Phrase(
        "the contract does not say what {name} gives for the record of line {line}",
        "le contrat ne dit pas ce que donne {name} pour l'enregistrement de la ligne {line}"),
    "eval.decide": Phrase("; decide it with --set NAME=VALUE ({decisions})",
                          " ; tranchez-le avec --set NOM=VALEUR ({decisions})"),
}


# The runtime's texts by the key it gives them (compiler/runtime: `SlaInputError(key, template,
# **values)`, `Text(key, template, **values)`): its errors and the problems of `check_uses`.
# The English is the runtime's template, word for word (tests/test_eval.py checks). In the
# French, `{name!q}` shows code between « » and words (a runtime Text) as they are; a Text, a
# duration or a period given as a value is worded in French too (compiler/wording.py).
RUNTIME: dict[str, Phrase] = {
    # batch entry points of deadlines (runtime/batch_deadlines.py)
    "batch.unknown-action": Phrase(
        "unknown action of {name} {value!r}; expected one of: {allowed}",
        "action inconnue de {name} : {value!r} ; attendu l'une de : {allowed}"),
    "batch.needs-level": Phrase(
        "action {action!r} depends on the severity level: pass levels= one of {allowed}",
        "l'action {action!r} dépend du niveau de gravité : donnez levels= parmi {allowed}"),
    "batch.unknown-level": Phrase("unknown severity level {value!r}; expected one of: {allowed}",
                                  "niveau de gravité inconnu {value!r} ; attendu l'un de : "
                                  "{allowed}"),
    "batch.no-level": Phrase(
        "action {action!r} does not depend on the severity level; got level {value!r}",
        "l'action {action!r} ne dépend pas du niveau de gravité ; reçu le niveau {value!r}"),
    "batch.strings": Phrase("{name} must hold strings", "{name!q} doit contenir des textes"),
    "batch.hours": Phrase(
        "the contract does not say {what}: pass business_hours=Schedule(...) to decide them",
        "le contrat ne précise pas {what} : donnez business_hours=Schedule(...) pour en décider"),
    "batch.missing": Phrase("{what}", "{what}"),
    "column.length": Phrase("{name} holds {count} values for {size} starts",
                            "{name!q} contient {count} valeurs pour {size} départs"),
    "columns.whole-seconds": Phrase(
        "{name} must be a whole number of seconds in a column of epoch seconds, got {value}",
        "{name!q} doit être un nombre entier de secondes dans une colonne de secondes epoch, "
        "reçu {value}"),
    "epoch.range": Phrase(
        "{name} holds {value}, outside {first} to {last} (epoch seconds of years 1-9999 less a "
        "day at each end)",
        "{name!q} contient {value}, hors de {first} à {last} (secondes epoch des années 1-9999 "
        "moins un jour à chaque bout)"),
    "type.column": Phrase(
        "{name} must be a list, tuple or array.array of epoch seconds, got {value!r}",
        "{name!q} doit être une liste, un tuple ou un array.array de secondes epoch, reçu "
        "{value!r}"),
    "type.column-of-str": Phrase(
        "{name} must be a str or a list or tuple of them, got {value!r}",
        "{name!q} doit être un texte, ou une liste ou un tuple de textes, reçu {value!r}"),
    "type.epoch-seconds": Phrase(
        "{name} must hold ints (epoch seconds), got {type} {value!r}",
        "{name!q} doit contenir des entiers (secondes epoch), reçu {type} {value!r}"),
    # values out of the ranges the evaluators compute in (runtime/intervals.py and others)
    "computation.years": Phrase("{name} {value}: the computation leaves years 1-9999",
                                "{name!q} {value} : le calcul sort des années 1-9999"),
    "instant.range": Phrase(
        "{name} {value} is outside {first} to {last} (years 1-9999 less a day at each end, so "
        "that it can be read in any time zone)",
        "{name!q} {value} est hors de {first} à {last} (années 1-9999 moins un jour à chaque "
        "bout, pour être lisible dans tout fuseau)"),
    "number.too-large": Phrase("{name} must be below {limit} in absolute value, got {value}",
                               "{name!q} doit être inférieur à {limit} en valeur absolue, reçu "
                               "{value}"),
    "number.too-precise": Phrase("{name} has more than {places} decimal places: {value}",
                                 "{name!q} a plus de {places} décimales : {value}"),
    "span.too-long": Phrase("the span {start} to {end} is longer than {limit} days",
                            "la période de {start} à {end} dépasse {limit} jours"),
    "type.announced": Phrase("announced must be a sequence of datetimes, got {value!r}",
                             "« announced » doit être une suite de dates et heures, reçu "
                             "{value!r}"),
    "type.results": Phrase("results must be TierResult objects, got {value!r}",
                           "« results » doit contenir des objets TierResult, reçu {value!r}"),
    # names of what is wrong, for `{name}` and `{what}`
    "name.announcement": Phrase("announcement of use {number}",
                                "l'annonce de l'utilisation {number}"),
    "name.backup-day-of-month": Phrase("backup tier {tier!r} day of month {month}",
                                       "le jour du mois {month} de la copie {tier!r}"),
    "name.backup-field": Phrase("backup tier {tier!r} {field}",
                                "le champ {field!q} de la copie {tier!r}"),
    "name.business-day-count": Phrase("business day count", "le nombre de jours ouvrés"),
    "name.business-days": Phrase("business days", "le nombre de jours ouvrés"),
    "name.calendar-days": Phrase("calendar days", "le nombre de jours calendaires"),
    "name.closed-day": Phrase("closed day", "le jour de fermeture"),
    "name.date": Phrase("date", "la date"),
    "name.end-date": Phrase("end date", "la date de fin"),
    "name.engagement-end": Phrase("engagement end", "la fin de l'engagement"),
    "name.error-rate": Phrase("error rate at {minute}", "le taux d'erreur à {minute}"),
    "name.excluded-item": Phrase("excluded item {item!r}", "l'élément exclu {item!r}"),
    "name.holiday": Phrase("holiday", "le jour férié"),
    "name.holiday-date": Phrase("holiday date", "la date du jour férié"),
    "name.initial-term": Phrase("initial term", "la durée initiale"),
    "name.interval-end": Phrase("interval end", "la fin de l'intervalle"),
    "name.interval-start": Phrase("interval start", "le début de l'intervalle"),
    "name.max-latency": Phrase("max_latency of probe {probe!r}",
                               "la latence maximale de la sonde {probe!r}"),
    "name.notice": Phrase("notice", "le préavis"),
    "name.notice-base": Phrase("notice base", "le préavis de base"),
    "name.notice-per-year": Phrase("notice per full year", "le préavis par année complète"),
    "name.outage-end": Phrase("outage end", "la fin de la panne"),
    "name.outage-reported": Phrase("outage report time", "l'heure de signalement de la panne"),
    "name.request-time": Phrase("request count time", "l'heure du décompte de requêtes"),
    "name.outage-start": Phrase("outage start", "le début de la panne"),
    "name.outcome-amount": Phrase("{kind} amount", "le montant de l'effet {kind!q}"),
    "name.period-count": Phrase("period count", "le nombre d'unités de la période"),
    "name.range-length": Phrase("range length in minutes", "la durée de la plage en minutes"),
    "name.range-start": Phrase("range start minute", "la minute de début de la plage"),
    "name.range-weekday": Phrase("range weekday", "le jour de la plage"),
    "name.rate-minute": Phrase("error-rate minute", "la minute du taux d'erreur"),
    "name.renewal-period": Phrase("renewal period", "la période de reconduction"),
    "name.request-date": Phrase("request date", "la date de la demande"),
    "name.sample-latency": Phrase("latency of the {probe!r} sample at {at}",
                                  "la latence de la mesure {probe!r} à {at}"),
    "name.sample-time": Phrase("sample time of probe {probe!r}",
                               "l'heure de la mesure de la sonde {probe!r}"),
    "name.scope-item": Phrase("scope item {item!r}", "l'élément du périmètre {item!r}"),
    "name.short-tenure": Phrase("short tenure", "l'ancienneté courte"),
    "name.start-date": Phrase("start date", "la date de début"),
    "name.subscription-date": Phrase("subscription date", "la date de souscription"),
    "name.survival-period": Phrase("survival period", "la durée de survie"),
    "name.tier-bound": Phrase("tier bound", "la borne de la tranche"),
    "name.tier-value": Phrase("tier value", "la valeur mesurée"),
    "name.workday": Phrase("workday", "le jour travaillé"),
    # types and numbers
    "type.bool": Phrase("{name} must be a bool, got {value!r}",
                        "{name!q} doit être un bool, reçu {value!r}"),
    "type.calendar": Phrase("{name} must be a BusinessCalendar, got {value!r}",
                            "{name!q} doit être un BusinessCalendar, reçu {value!r}"),
    "type.causes": Phrase("excluded_causes must be a set of causes, got {value!r}",
                          "« excluded_causes » doit être un ensemble de causes, reçu {value!r}"),
    "type.date": Phrase("{name} must be a date, got {type} {value!r}",
                        "{name!q} doit être une date, reçu {type} {value!r}"),
    "type.datetime": Phrase("{name} must be a datetime, got {type} {value!r}",
                            "{name!q} doit être un datetime, reçu {type} {value!r}"),
    "type.decimal": Phrase("{name} must be a Decimal, not {type} {value!r}",
                           "{name!q} doit être un Decimal, pas {type} {value!r}"),
    "type.holiday": Phrase("holiday must be a (date, name) pair, got {value!r}",
                           "un jour férié est une paire (date, nom), reçu {value!r}"),
    "type.int": Phrase("{name} must be an int, got {type} {value!r}",
                       "{name!q} doit être un int, reçu {type} {value!r}"),
    "type.integer": Phrase("{name} must be an integer, got {type} {value!r}",
                           "{name!q} doit être un entier, reçu {type} {value!r}"),
    "type.interval": Phrase("{name} must be an Interval, got {value!r}",
                            "{name!q} doit être un Interval, reçu {value!r}"),
    "type.outage": Phrase("outages must be Outage objects, got {value!r}",
                          "« outages » doit contenir des objets Outage, reçu {value!r}"),
    "type.period": Phrase("{name} must be a Period, got {value!r}",
                          "{name!q} doit être une Period, reçu {value!r}"),
    "type.ranges": Phrase("ranges must be a tuple of WeeklyRange, got {value!r}",
                          "« ranges » doit être un tuple de WeeklyRange, reçu {value!r}"),
    "type.rate": Phrase("rates must be MinuteRate objects, got {value!r}",
                        "« rates » doit contenir des objets MinuteRate, reçu {value!r}"),
    "type.sample": Phrase("samples must be Sample objects, got {value!r}",
                          "« samples » doit contenir des objets Sample, reçu {value!r}"),
    "type.schedule": Phrase("{name} must be a Schedule, got {value!r}",
                            "{name!q} doit être un Schedule, reçu {value!r}"),
    "type.tiers": Phrase("tiers must be a tuple of BackupTier, got {value!r}",
                         "« tiers » doit être un tuple de BackupTier, reçu {value!r}"),
    "type.timedelta": Phrase("{name} must be a timedelta, got {type} {value!r}",
                             "{name!q} doit être un timedelta, reçu {type} {value!r}"),
    "type.uses": Phrase("uses must be Intervals, got {value!r}",
                        "« uses » doit contenir des Interval, reçu {value!r}"),
    "type.workdays": Phrase(
        "workdays must be a frozenset of weekdays, got {value!r}",
        "« workdays » doit être un frozenset de jours de la semaine, reçu {value!r}"),
    "type.zone": Phrase("{name} must be a ZoneInfo, got {value!r}",
                        "{name!q} doit être une ZoneInfo, reçu {value!r}"),
    "zone.type": Phrase("time zone must be an IANA name string, got {value!r}",
                        "le fuseau horaire doit être un nom IANA (un texte), reçu {value!r}"),
    "zone.unknown": Phrase("unknown time zone {value!r}", "fuseau horaire inconnu : {value!r}"),
    "naive-datetime": Phrase(
        "{name} is a naive datetime ({value}); "
        "pass a timezone-aware one, e.g. datetime(..., tzinfo=ZoneInfo('Europe/Paris'))",
        "{name!q} est une date et heure sans fuseau horaire ({value}) ; "
        "donnez-la avec son fuseau, p. ex. datetime(..., tzinfo=ZoneInfo('Europe/Paris'))"),
    "number.nan": Phrase("{name} is NaN", "{name!q} vaut NaN"),
    "number.not-a-number": Phrase("{name} is not a number: {value!r}",
                                  "{name!q} n'est pas un nombre : {value!r}"),
    "number.infinite": Phrase("{name} must be a finite number, got {value!r}",
                              "{name!q} doit être un nombre fini, reçu {value!r}"),
    "negative": Phrase("{name} must not be negative, got {value}",
                       "{name!q} : valeur négative refusée ({value})"),
    "negative.latency": Phrase("{what} is negative: {latency}",
                               "{what!q} est négative : {latency}"),
    "positive": Phrase("{name} must be positive",
                       "{name!q} : une valeur supérieure à zéro est attendue"),
    "zero": Phrase("{name} must be positive, got 0",
                   "{name!q} : une valeur supérieure à zéro est attendue, reçu 0"),
    "percent.range": Phrase("{name} is a percentage between 0 and 100, got {number}",
                            "{name!q} est un pourcentage entre 0 et 100, reçu {number}"),
    "integer.range": Phrase("{name} must be in [{low}, {high}], got {value}",
                            "{name!q} doit être dans [{low}, {high}], reçu {value}"),
    "choice": Phrase("{name} must be one of {allowed}, got {value!r}",
                     "{name!q} doit être l'une des valeurs {allowed}, reçu {value!r}"),
    # instants, intervals, periods
    "span": Phrase("{start} to {end}", "du {start} au {end}"),
    "instant": Phrase("{weekday} {when} {zone}", "{weekday} {when} {zone}"),
    "day.mon": Phrase("Mon", "lun."),
    "day.tue": Phrase("Tue", "mar."),
    "day.wed": Phrase("Wed", "mer."),
    "day.thu": Phrase("Thu", "jeu."),
    "day.fri": Phrase("Fri", "ven."),
    "day.sat": Phrase("Sat", "sam."),
    "day.sun": Phrase("Sun", "dim."),
    "interval.order": Phrase("interval ends before it starts: {start} > {end}",
                             "l'intervalle finit avant de commencer : {start} > {end}"),
    "instants.order": Phrase("end {end} is before start {start}",
                             "la fin {end} précède le début {start}"),
    "dates.order": Phrase("end date {end} is before start date {start}",
                          "la date de fin {end} précède la date de début {start}"),
    "date.beyond": Phrase("date {date} shifted by {period} leaves years 1-9999",
                          "la date {date} décalée de {period} sort des années 1-9999"),
    "date.months-beyond": Phrase("date {date} shifted by {months} months leaves years 1-9999",
                                 "la date {date} décalée de {months} mois sort des années "
                                 "1-9999"),
    "period.unit": Phrase("period unit must be one of {units}; got {value!r}",
                          "l'unité d'une période doit être l'une de {units} ; reçu {value!r}"),
    "period.zero": Phrase("{name} must be longer than zero, got {value}",
                          "{name!q} doit durer plus que zéro, reçu {value}"),
    "period.months": Phrase("{name} must be counted in months or years, got {value}",
                            "{name!q} doit se compter en mois ou en années, reçu {value}"),
    # availability
    "outage.order": Phrase("outage ends before it starts: {start} > {end}",
                           "la panne finit avant de commencer : {start} > {end}"),
    "rate.minute": Phrase("error-rate minute {minute} is not a whole minute",
                          "la minute de taux d'erreur {minute} n'est pas une minute entière"),
    "rate.outside": Phrase("error-rate minute {minute} is outside the period {period}",
                           "la minute de taux d'erreur {minute} est hors de la période {period}"),
    "rate.twice": Phrase(
        "error-rate minute {minute} is given twice with different rates ({known} and {rate})",
        "la minute de taux d'erreur {minute} est donnée deux fois avec des taux différents "
        "({known} et {rate})"),
    "eligibility.type": Phrase("{name} must be {expected}, got {value!r}",
                               "{name!q} doit être {expected}, reçu {value!r}"),
    "outage.unreported": Phrase(
        "downtime counts from the report, but the outage {start} to {end} has no reported time: "
        "give Outage(..., reported=...)",
        "l'indisponibilité compte à partir du signalement, mais la panne de {start} à {end} n'a "
        "pas d'heure de signalement : donnez Outage(..., reported=...)"),
    "qualifying.run": Phrase("min_run must be a timedelta of zero or more, got {value!r}",
                             "« min_run » doit être un timedelta positif ou nul, reçu {value!r}"),
    "requests.count": Phrase("{name} must be an int of zero or more, got {value!r}",
                             "{name!q} doit être un int positif ou nul, reçu {value!r}"),
    "requests.failed": Phrase(
        "{failed} failed requests of {requests} at {at}: more failures than requests",
        "{failed} requêtes en échec sur {requests} à {at} : plus d'échecs que de requêtes"),
    "requests.feature": Phrase("feature must be a str or None, got {value!r}",
                               "« feature » doit être un texte ou None, reçu {value!r}"),
    "requests.minimum": Phrase("minimum must be an int of 1 or more, got {value!r}",
                               "« minimum » doit être un int d'au moins 1, reçu {value!r}"),
    "requests.outside": Phrase("request count {row!r} is outside the period {period}",
                               "le décompte {row!r} est hors de la période {period}"),
    "type.requests": Phrase("counts must be RequestCount objects, got {value!r}",
                            "« counts » doit contenir des objets RequestCount, reçu {value!r}"),
    "undecided.fewer-requests": Phrase(
        "the slice {slice} has fewer than {minimum} request(s) and the contract does not say "
        "what that means: decide the fewer parameter ('good', 'bad' or 'excluded')",
        "le créneau {slice} a moins de {minimum} requête(s) et le contrat ne dit pas ce que cela "
        "signifie : tranchez le paramètre « fewer » ('good', 'bad' ou 'excluded')"),
    "undecided.combine-features": Phrase(
        "features {names} all have enough requests in the slice {slice} and the contract does "
        "not say how they combine: decide the combine parameter ('each', 'any' or 'pooled')",
        "les fonctions {names} ont toutes assez de requêtes dans le créneau {slice} et le "
        "contrat ne dit pas comment elles se combinent : tranchez le paramètre « combine » "
        "('each', 'any' ou 'pooled')"),
    "probe.twice": Phrase("probe {probe!r} is listed twice",
                          "la sonde {probe!r} est donnée deux fois"),
    "sample.probe": Phrase("sample {sample!r} is from an unknown probe {probe!r}",
                           "la mesure {sample!r} vient d'une sonde inconnue, {probe!r}"),
    "sample.outside": Phrase("sample {sample!r} is outside the period {period}",
                             "la mesure {sample!r} est hors de la période {period}"),
    "sample.conflict": Phrase("conflicting samples of probe {probe!r} at {at}",
                              "mesures contradictoires de la sonde {probe!r} à {at}"),
    "slice.type": Phrase("slice_minutes must be an int, got {value!r}",
                         "« slice_minutes » doit être un int, reçu {value!r}"),
    "slice.divide": Phrase("slice_minutes must divide a day (1440), got {value}",
                           "« slice_minutes » doit diviser une journée (1440), reçu {value}"),
    "measure.nothing": Phrase(
        "nothing to measure in {period}: the scope is empty or entirely excluded",
        "rien à mesurer {period} : le périmètre est vide ou entièrement exclu"),
    "measure.no-data": Phrase(
        "nothing to measure in {period}: no time is left once the spans without data are "
        "excluded",
        "rien à mesurer {period} : il ne reste aucun temps une fois exclus les créneaux sans "
        "données"),
    "undecided.no-data": Phrase(
        "the slice {slice} has no sample and the contract does not say what that means: decide "
        "the no_data parameter ('good', 'bad' or 'excluded')",
        "le créneau {slice} n'a aucune mesure et le contrat ne dit pas ce que cela signifie : "
        "tranchez le paramètre « no_data » ('good', 'bad' ou 'excluded')"),
    "undecided.combine": Phrase(
        "probes {names} all measured the slice {slice} and the contract does not say how they "
        "combine: decide the combine parameter ('each', 'any' or 'pooled')",
        "les sondes {names} ont toutes mesuré le créneau {slice} et le contrat ne dit pas "
        "comment elles se combinent : tranchez le paramètre « combine » ('each', 'any' ou "
        "'pooled')"),
    "undecided.missing": Phrase(
        "no error rate for {span} ({count} span(s) without data in all) and the contract does "
        "not say what missing data means: decide the missing parameter ('available', "
        "'interrupted' or 'excluded')",
        "aucun taux d'erreur {span} ({count} créneau(x) sans données en tout) et le contrat ne "
        "dit pas ce que signifient des données manquantes : tranchez le paramètre « missing » "
        "('available', 'interrupted' ou 'excluded')"),
    # calendars
    "holidays.order": Phrase(
        "holidays must be sorted by date without repeats: {day} comes after {previous}",
        "les jours fériés doivent être triés par date, sans répétition : {day} vient après "
        "{previous}"),
    "calendar.years": Phrase(
        "{what} {day} is outside the years the holiday data covers ({first}-{last})",
        "{what!q} {day} est hors des années que couvrent les jours fériés connus "
        "({first}-{last})"),
    "calendar.no-business-day": Phrase("no business day found next to {day}",
                                       "aucun jour ouvré trouvé à côté du {day}"),
    # schedules and the uses of a window
    "schedule.calendar": Phrase("business_days_only=True needs a calendar, got calendar=None",
                                "business_days_only=True demande un calendrier, reçu "
                                "calendar=None"),
    "schedule.empty": Phrase("schedule in {zone} has no ranges: no time can elapse in it",
                             "l'horaire en {zone} n'a aucune plage : aucun temps ne peut s'y "
                             "écouler"),
    "schedule.years": Phrase("the schedule cannot be read outside the years 1-9999",
                             "l'horaire ne peut pas être lu hors des années 1-9999"),
    "uses.announced": Phrase("announced has {dates} dates for {uses} uses; give one per use",
                             "« announced » a {dates} dates pour {uses} utilisations ; donnez-en "
                             "une par utilisation"),
    "use.empty": Phrase("use {number} is empty: {start}",
                        "l'utilisation {number} est vide : {start}"),
    "use.label": Phrase("use {number} ({start} -> {end})",
                        "utilisation {number} ({start} -> {end})"),
    "use.outside": Phrase("{use} is not inside the schedule's windows",
                          "{use} n'est pas dans les plages de la fenêtre"),
    "use.notice": Phrase(
        "{use} was announced {announced}, {lead} ahead; at least {notice} required",
        "{use} a été annoncée le {announced}, {lead} avant ; il faut au moins {notice}"),
    "use.limit": Phrase(
        "{use} uses the window starting {begins}, occurrence {rank} of {count} in "
        "{year}-{month:02d}; at most {limit} a month",
        "{use} utilise la plage commençant le {begins}, occurrence {rank} sur {count} en "
        "{year}-{month:02d} ; au plus {limit} par mois"),
    # tiers
    "outcome.kind": Phrase("outcome kind must be one of {kinds}, got {kind!r}",
                           "le type d'un effet doit être l'un de {kinds}, reçu {kind!r}"),
    "outcome.no-amount": Phrase("a {kind} outcome needs an amount",
                                "un effet {kind!q} demande un montant"),
    "outcome.amount": Phrase("a {kind!r} outcome has no amount, got {amount}",
                             "un effet {kind!r} n'a pas de montant, reçu {amount}"),
    "outcome.currency": Phrase(
        "a currency goes with money outcomes only (kind {kind!r}, currency {currency!r})",
        "une devise ne va qu'avec un effet en argent (type {kind!r}, devise {currency!r})"),
    "tier.empty": Phrase("empty tier: lower bound {lower} above upper bound {upper}",
                         "tranche vide : borne basse {lower} au-dessus de la borne haute "
                         "{upper}"),
    "tiers.overlap": Phrase("tiers {i} and {j} overlap", "les tranches {i} et {j} se chevauchent"),
    "tiers.units": Phrase("tiers mix days of service with money",
                          "les tranches mélangent jours de service et argent"),
    "tiers.currencies": Phrase("tiers mix currencies {currencies}",
                               "les tranches mélangent les devises {currencies}"),
    "cap.kind": Phrase("a cap needs an amount, got kind {kind!r}",
                       "un plafond demande un montant, reçu le type {kind!r}"),
    "cap.unit": Phrase("a {kind} cap does not fit tiers in {unit}",
                       "un plafond {kind!q} ne convient pas à des tranches en {unit!q}"),
    "cap.days": Phrase("a {kind} cap does not fit a total in days",
                       "un plafond {kind!q} ne convient pas à un total en jours"),
    "cap.money": Phrase("a {kind} cap does not fit a total in money",
                        "un plafond {kind!q} ne convient pas à un total en argent"),
    "share.invoice": Phrase(
        "invoice is needed to turn the {share} % invoice share into money",
        "la facture est nécessaire pour convertir en argent la part de {share} % de la facture"),
    "tier.none": Phrase("falls in no tier", "ne tombe dans aucune tranche"),
    "tier.in": Phrase("is in tier {tier}", "est dans la tranche {tier}"),
    "undecided.outcome": Phrase(
        "the contract does not say what value {value} gives (it {where}); decide that outcome "
        "before cumulating",
        "le contrat ne dit pas ce que donne la valeur {value} (elle {where}) ; tranchez cet effet "
        "avant de cumuler"),
    "result.no-money": Phrase(
        "result for value {value} has no money amount: pass the invoice to evaluate",
        "le résultat de la valeur {value} n'a pas de montant en argent : donnez la facture pour "
        "l'évaluer"),
    "total.units": Phrase("cannot add days of service and money together",
                          "impossible d'additionner des jours de service et de l'argent"),
    # credits computed by formula (runtime/formulas.py)
    "formula.currency": Phrase(
        "a money amount needs a currency code, and only money takes one "
        "(kind {kind!r}, currency {currency!r})",
        "un montant en argent demande un code de devise, et seul un montant en argent en prend "
        "un (type {kind!r}, devise {currency!r})"),
    "type.formula": Phrase("formula must be a PerUnitCredit or a ProratedFees, got {value!r}",
                           "« formula » doit être un PerUnitCredit ou un ProratedFees, reçu "
                           "{value!r}"),
    "type.cap": Phrase("cap must be a Cap or None, got {value!r}",
                       "« cap » doit être un Cap ou None, reçu {value!r}"),
    "prorated.needs": Phrase("a pro-rated credit needs {name}",
                             "un crédit au prorata demande {name!q}"),
    "cap.credit-money": Phrase("a {kind!r} cap does not fit a credit in money",
                               "un plafond {kind!r} ne convient pas à un crédit en argent"),
    "cap.credit-days": Phrase("a {kind!r} cap does not fit a credit in days of service",
                              "un plafond {kind!r} ne convient pas à un crédit en jours de "
                              "service"),
    "cap.invoice": Phrase("invoice is needed to apply a {kind!r} cap to a {unit!r} credit",
                          "la facture est nécessaire pour appliquer un plafond {kind!r} à un "
                          "crédit {unit!r}"),
    "cap.period-days": Phrase(
        "a 'paid_days' cap needs period_days, the days the invoice covers",
        "un plafond 'paid_days' demande « period_days », le nombre de jours que couvre la "
        "facture"),
    "cap.currency": Phrase("the cap is in {cap} but the credit in {credit}",
                           "le plafond est en {cap} mais le crédit en {credit}"),
    "name.cap-kind": Phrase("cap kind", "le type du plafond"),
    "name.cap-amount": Phrase("cap amount", "le montant du plafond"),
    # rights arising from a pattern of periods (runtime/patterns.py)
    "type.percent": Phrase("{name} must be a Fraction or a Decimal, got {type} {value!r}",
                           "{name!q} doit être une Fraction ou un Decimal, reçu {type} {value!r}"),
    "type.patterns": Phrase("patterns must be Pattern objects, got {value!r}",
                            "« patterns » doit contenir des objets Pattern, reçu {value!r}"),
    "type.history": Phrase("history must be a sequence of rates, got {value!r}",
                           "« history » doit être une suite de taux, reçu {value!r}"),
    "name.history-rate": Phrase("rate of period {index}", "le taux de la période {index}"),
    "name.history-downtime": Phrase("downtime of period {index}",
                                    "l'indisponibilité de la période {index}"),
    "type.downtimes": Phrase("history must be a sequence of downtimes, got {value!r}",
                             "« history » doit être une suite de durées d'indisponibilité, reçu "
                             "{value!r}"),
    "patterns.mixed": Phrase(
        "patterns must be all on rates (Pattern) or all on downtime (DowntimePattern)",
        "les motifs doivent porter tous sur des taux (Pattern) ou tous sur des durées "
        "d'indisponibilité (DowntimePattern)"),
    "type.reports": Phrase("reports must be a sequence of AvailabilityReports, got {value!r}",
                           "« reports » doit être une suite d'AvailabilityReport, reçu {value!r}"),
    "type.report": Phrase("report {index} must be an AvailabilityReport, got {value!r}",
                          "le relevé {index} doit être un AvailabilityReport, reçu {value!r}"),
    "reports.consecutive": Phrase(
        "report {index} covers the period from {start}, not the one after report {previous} "
        "(which ends {end}): pass reports of consecutive periods, oldest first",
        "le relevé {index} couvre la période commençant le {start}, pas celle qui suit le relevé "
        "{previous} (qui finit le {end}) : donnez les relevés de périodes consécutives, du plus "
        "ancien au plus récent"),
    # money
    "money.time-spent": Phrase("time_spent must be a timedelta, got {value!r}",
                               "« time_spent » doit être un timedelta, reçu {value!r}"),
    "money.highest-invoice": Phrase(
        "highest_invoice ({highest}) is below last_invoice ({last}); the highest invoice ever "
        "cannot be lower than the last one",
        "« highest_invoice » ({highest}) est inférieur à « last_invoice » ({last}) ; la facture "
        "la plus élevée ne peut pas être plus basse que la dernière"),
    "money.reduction": Phrase("reduction is a percentage at most 100, got {value}",
                              "« reduction » est un pourcentage d'au plus 100, reçu {value}"),
    # backups
    "backup.name": Phrase("backup tier name must be a non-empty string, got {value!r}",
                          "le nom d'une copie doit être un texte non vide, reçu {value!r}"),
    "backup.every": Phrase(
        "backup tier {tier!r}: every must be one of {allowed}, got {value!r}",
        "copie {tier!r} : « every » doit être l'une des valeurs {allowed}, reçu {value!r}"),
    "backup.keep": Phrase("backup tier {tier!r}: keep must be a Period, got {value!r}",
                          "copie {tier!r} : « keep » doit être une Period, reçu {value!r}"),
    "backup.field": Phrase(
        "backup tier {tier!r}: {field}={value!r} makes no sense for a copy every {every}",
        "copie {tier!r} : {field}={value!r} n'a pas de sens pour une copie « every {every} »"),
    "backup.twice": Phrase("backup tier name {tier!r} is used more than once",
                           "le nom de copie {tier!r} est donné plus d'une fois"),
    "backup.unknown": Phrase("unknown backup tier {tier!r}; the ladder has {known}",
                             "copie inconnue {tier!r} ; les copies sont {known}"),
    "backup.rpo": Phrase("rpo must be a non-negative timedelta, got {value!r}",
                         "« rpo » doit être un timedelta positif ou nul, reçu {value!r}"),
    "copy.daily": Phrase("daily", "quotidienne"),
    "copy.weekly": Phrase("weekly", "hebdomadaire"),
    "copy.monthly": Phrase("monthly", "mensuelle"),
    "copy.yearly": Phrase("yearly", "annuelle"),
    "copy.which-weekday": Phrase("on which weekday", "quel jour de la semaine"),
    "copy.which-day": Phrase("on which day of the month", "quel jour du mois"),
    "copy.which-month": Phrase("in which month", "quel mois"),
    "undecided.copy": Phrase(
        "backup tier {tier!r}: the contract does not say {gap} the {adverb} copy is taken",
        "copie {tier!r} : le contrat ne précise pas {gap} est faite la copie {adverb}"),
    # terms
    "term.not-renewed": Phrase(
        "the contract started {start} is not renewed: it has one term, ending {end}",
        "le contrat commencé le {start} n'est pas reconduit : il a une seule période, qui finit "
        "le {end}"),
    "term.before-start": Phrase("date {date} is before the contract start {start}",
                                "la date {date} précède le début du contrat, {start}"),
    "term.request-before-subscription": Phrase(
        "termination requested on {requested}, before the subscription on {subscribed}",
        "résiliation demandée le {requested}, avant la souscription du {subscribed}"),
}
