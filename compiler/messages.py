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
    "undecided.exclusion": ("whether excluded time is removed from the measured time of {name}",
                            "si le temps exclu est retiré du temps mesuré de « {name} »"),
    "undecided.missing-minutes": ("how minutes without data count in {name}",
                                  "comment comptent les minutes sans données de « {name} »"),
    "undecided.combine": ("how the probes of {name} combine into one verdict",
                          "comment les sondes de « {name} » se combinent en un verdict"),
    "undecided.no-data": ("how a slice without data counts in {name}",
                          "comment compte un créneau sans données de « {name} »"),
    "undecided.claim": ("how and by when {name} is claimed",
                        "comment et dans quel délai « {name} » se réclame"),
    "undecided.paid": ("how {name} is paid", "sous quelle forme « {name} » est versé"),
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
    # reasons of bad-number and bad-duration
    "why.limit": ("a limit is a whole number ≥ 1", "une limite est un nombre entier ≥ 1"),
    "why.count": ("a count is a whole number ≥ 1", "un nombre de fois est un entier ≥ 1"),
    "why.month-day": ("a day of the month is 1 to 31", "un jour du mois va de 1 à 31"),
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
        "make each bound included on one side only",
        "une borne ne doit être incluse que d'un seul côté"),
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
        "keep only the records of the month evaluated",
        "ne gardez que les enregistrements du mois évalué"),
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
    "input-not-window": Entry(
        E, "'{value}' is not a window of the contract",
        "« {value} » n'est pas une fenêtre du contrat",
        "name one of the contract's windows, e.g. ouverture_service",
        "nommez une fenêtre du contrat, p. ex. ouverture_service"),
}
