"""Catalog of diagnostic codes: severity, message and help, in English and in French."""

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
        'commencez-le par : contract "mon-contrat" {{ title "…" … }}'),
    "unclosed-block": Entry(
        E, "{count} block(s) opened with '{{' are not closed",
        "{count} bloc(s) ouvert(s) par « {{ » ne sont pas fermés",
        "add the missing '}}' at the end of the block", "ajoutez l'accolade « }} » manquante en fin de bloc"),
    "unexpected-end": Entry(
        E, "the file ends in the middle of a statement", "le fichier s'arrête au milieu d'une instruction",
        "complete the statement", "complétez l'instruction"),
    "unclosed-string": Entry(
        E, "this text is not closed by a double quote", "ce texte n'est pas fermé par un guillemet",
        'close it with " on the same line', 'fermez-le par " sur la même ligne'),
    "time-format": Entry(
        E, "'{text}' is not a time of day in this language", "« {text} » n'est pas une heure dans ce langage",
        "write times as hh:mm, e.g. {fixed}", "écrivez les heures sous la forme hh:mm, par ex. {fixed}"),
    "comma-decimal": Entry(
        E, "'{text}' uses a comma as decimal separator", "« {text} » utilise une virgule décimale",
        "write {fixed}: the decimal separator is a point", "écrivez {fixed} : le séparateur décimal est le point"),
    "euro-sign": Entry(
        E, "amounts are written with a currency code, not a symbol",
        "les montants s'écrivent avec un code de devise, pas un symbole",
        "write e.g. 130 EUR excl. tax", "écrivez par ex. 130 EUR excl. tax"),
    "missing-unit": Entry(
        E, "this number has no unit (found '{found}')", "ce nombre n'a pas d'unité (trouvé « {found} »)",
        "add a unit: %, minutes, hours, business hours, days, business days, months, years…",
        "ajoutez une unité : %, minutes, hours, business hours, days, business days, months, years…"),
    "expected-colon": Entry(
        E, "a tier range must be followed by ':' and its outcome (found '{found}')",
        "une tranche doit être suivie de « : » et de son effet (trouvé « {found} »)",
        "write e.g. from 0.21 % included to 0.5 % included: 3 % of invoice",
        "écrivez par ex. from 0.21 % included to 0.5 % included: 3 % of invoice"),
    "missing-inclusion": Entry(
        E, "a tier bound must say whether it is included (found '{found}')",
        "une borne de tranche doit dire si elle est incluse (trouvé « {found} »)",
        "write 'included' or 'excluded' after the value, e.g. to 0.5 % included",
        "écrivez « included » ou « excluded » après la valeur, par ex. to 0.5 % included"),
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
        "add: {example}", "ajoutez : {example}"),
    "duplicate-statement": Entry(
        E, "'{what}' is given twice", "« {what} » est donné deux fois",
        "keep one", "n'en gardez qu'un"),
    "bad-contract-id": Entry(
        E, "contract id '{id}' cannot name a module", "l'identifiant « {id} » ne peut pas nommer un module",
        "use lower-case letters, digits and '-', starting with a letter (e.g. cegid-loop)",
        "utilisez minuscules, chiffres et « - », en commençant par une lettre (ex. cegid-loop)"),
    "duplicate-contract": Entry(
        E, "contract id '{id}' is already used by {other}", "l'identifiant « {id} » est déjà pris par {other}",
        "give each contract its own id", "donnez à chaque contrat son propre identifiant"),
    "unknown-time-zone": Entry(
        E, "unknown time zone '{zone}'", "fuseau horaire « {zone} » inconnu",
        "use an IANA name such as Europe/Paris", "utilisez un nom IANA comme Europe/Paris"),
    "unknown-language": Entry(
        E, "unsupported language '{lang}'", "langue « {lang} » non prise en charge",
        "supported: fr, en", "langues prises en charge : fr, en"),
    "unknown-holidays": Entry(
        E, "no public-holiday data for '{country}'", "pas de jours fériés connus pour « {country} »",
        "use an ISO country code such as FR, with an optional subdivision such as \"57\"",
        "utilisez un code pays ISO comme FR, avec une subdivision facultative comme \"57\""),
    "duplicate-name": Entry(
        E, "'{name}' is already defined on line {line}", "« {name} » est déjà défini ligne {line}",
        "rename one of them", "renommez l'un des deux"),
    "unknown-name": Entry(
        E, "no {kind} named '{name}'", "aucun élément {kind} nommé « {name} »",
        "{suggestion}", "{suggestion}"),
    "wrong-kind": Entry(
        E, "'{name}' is a {actual}, not a {expected}", "« {name} » est un {actual}, pas un {expected}"),
    "missing-clause": Entry(
        W, "{kind} '{name}' carries no clause id", "{kind} « {name} » ne porte aucun identifiant de clause",
        "add: clause T4 article \"Annexe 2 A.6\"", "ajoutez : clause T4 article \"Annexe 2 A.6\""),
    "missing-statement": Entry(
        E, "{kind} '{name}' has no '{what}'", "{kind} « {name} » n'a pas de « {what} »",
        "add: {example}", "ajoutez : {example}"),
    # ------------------------------------------------------------------ values and units
    "unit-mismatch": Entry(
        E, "{found} where {expected} is expected", "{found} alors qu'on attend {expected}",
        "{hint}", "{hint}"),
    "mixed-duration": Entry(
        E, "a duration mixes {units}", "une durée mélange {units}",
        "write it in one unit", "écrivez-la dans une seule unité"),
    "fractional-duration": Entry(
        E, "durations are whole numbers of a unit ({text})", "une durée est un nombre entier d'unités ({text})",
        "use a smaller unit, e.g. 90 minutes for 1.5 hours",
        "utilisez une unité plus petite, par ex. 90 minutes pour 1,5 heure"),
    "percent-range": Entry(
        E, "{value} % is outside 0–100 %", "{value} % est hors de 0–100 %"),
    "target-unusual": Entry(
        W, "an availability target of {value} % is unusually low", "un objectif de disponibilité de {value} % est inhabituellement bas",
        "check the figure against the contract", "vérifiez le chiffre dans le contrat"),
    "bad-time": Entry(
        E, "{text} is not a time between 00:00 and 24:00", "{text} n'est pas une heure entre 00:00 et 24:00"),
    "bad-date": Entry(
        E, "{text} is not a date", "{text} n'est pas une date", "write dates as YYYY-MM-DD", "écrivez les dates AAAA-MM-JJ"),
    "empty-range": Entry(
        E, "this range is empty ({text})", "cette plage est vide ({text})",
        "a range that ends where it starts covers no time", "une plage qui finit où elle commence ne couvre aucun temps"),
    "bad-number": Entry(
        E, "{text} is not allowed here: {why}", "{text} n'est pas admis ici : {why}"),
    # ------------------------------------------------------------------ windows, availability
    "measured-and-excluded": Entry(
        E, "window '{excluded}' is excluded but overlaps the measured window '{measured}' ({when})",
        "la fenêtre « {excluded} » est exclue mais chevauche la fenêtre mesurée « {measured} » ({when})",
        "say which applies: drop the exclusion or narrow one of the windows",
        "précisez ce qui s'applique : retirez l'exclusion ou réduisez l'une des fenêtres"),
    "restatement-mismatch": Entry(
        W, "the contract restates {stated} per {per}, but {target} % allows {computed}",
        "le contrat indique {stated} par {per}, mais {target} % autorise {computed}",
        "check the target or the restated figure", "vérifiez l'objectif ou le chiffre repris"),
    # ------------------------------------------------------------------ tiers
    "tier-overlap": Entry(
        E, "this tier overlaps the tier on line {other} ({range})", "cette tranche chevauche celle de la ligne {other} ({range})",
        "make each bound included on one side only", "une borne ne doit être incluse que d'un seul côté"),
    "tier-gap": Entry(
        W, "tiers leave {range} uncovered", "les tranches ne couvrent pas {range}",
        "add a tier for it, with 'unspecified' as outcome if the contract is silent",
        "ajoutez-lui une tranche, d'effet « unspecified » si le contrat se tait"),
    "tier-order": Entry(
        E, "this range is empty or reversed ({range})", "cette tranche est vide ou inversée ({range})"),
    # ------------------------------------------------------------------ deadlines
    "duplicate-rule": Entry(
        E, "a rule for {what} is already given on line {line}", "une règle pour {what} est déjà donnée ligne {line}"),
    "missing-level": Entry(
        W, "action '{action}' has no rule for level '{level}'", "l'action « {action} » n'a pas de règle pour le niveau « {level} »",
        "add one, with 'unspecified' or 'no deadline' if the contract is silent",
        "ajoutez-en une, « unspecified » ou « no deadline » si le contrat se tait"),
    "needs-business-hours": Entry(
        E, "{what} needs the block's business hours", "{what} suppose les heures ouvrées du bloc",
        "add: business hours <window>", "ajoutez : business hours <fenêtre>"),
    "needs-business-days": Entry(
        E, "{what} needs the block's business days", "{what} suppose les jours ouvrés du bloc",
        "add: business days of <calendar>", "ajoutez : business days of <calendrier>"),
    "needs-severities": Entry(
        E, "level '{level}' is given but the block names no severities",
        "le niveau « {level} » est donné mais le bloc ne nomme aucune échelle de gravité",
        "add: severities <name>", "ajoutez : severities <nom>"),
    # ------------------------------------------------------------------ undecided
    "unspecified": Entry(
        N, "the contract does not decide {what}", "le contrat ne tranche pas : {what}",
        "evaluators will ask the caller to decide it", "les évaluateurs demanderont à l'appelant de trancher"),
    # ------------------------------------------------------------------ examples
    "example-failed": Entry(
        E, "worked example fails: expected {expected}, the contract gives {actual}",
        "l'exemple ne se vérifie pas : attendu {expected}, le contrat donne {actual}",
        "fix the example or the clause", "corrigez l'exemple ou la clause"),
    "example-error": Entry(
        E, "worked example cannot be evaluated: {reason}", "l'exemple ne peut pas être évalué : {reason}"),
    # ------------------------------------------------------------------ slac eval: input files
    "input-unreadable": Entry(
        E, "cannot read the input file: {reason}", "impossible de lire le fichier d'entrée : {reason}"),
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
        E, "the JSON must be an array of flat objects", "le JSON doit être un tableau d'objets plats",
        'e.g. [{{"start": "2024-05-07T19:30:00+02:00", "end": "2024-05-08T08:00:00+02:00"}}]',
        'p. ex. [{{"start": "2024-05-07T19:30:00+02:00", "end": "2024-05-08T08:00:00+02:00"}}]'),
    "input-setting": Entry(
        E, "'{setting}' is not NAME=VALUE", "« {setting} » n'est pas de la forme NOM=VALEUR",
        "e.g. --set combine=each", "p. ex. --set combine=each"),
    "input-missing-column": Entry(
        E, "this record has no value for '{column}'", "cet enregistrement n'a pas de valeur pour « {column} »",
        "add a column '{column}'", "ajoutez une colonne « {column} »"),
    "input-missing-value": Entry(
        E, "a value is needed here", "une valeur est attendue ici"),
    "input-columns-unknown": Entry(
        E, "cannot tell what this record is from its columns ({columns})",
        "impossible de savoir ce qu'est cet enregistrement d'après ses colonnes ({columns})",
        "the columns must be one of: {expected}", "les colonnes doivent être l'une de : {expected}"),
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
        "keep only the records of the month evaluated", "ne gardez que les enregistrements du mois évalué"),
    "input-rejected": Entry(
        E, "this record is refused: {reason}", "cet enregistrement est refusé : {reason}"),
    "input-choice": Entry(
        E, "'{value}' is not one of: {choices}", "« {value} » n'est pas l'une des valeurs : {choices}"),
    "input-naive-datetime": Entry(
        E, "'{value}' has no UTC offset", "« {value} » n'a pas de décalage UTC",
        "write it with its offset, e.g. 2024-05-07T19:30:00+02:00, or pass --zone Europe/Paris",
        "écrivez-le avec son décalage, p. ex. 2024-05-07T19:30:00+02:00, ou passez --zone Europe/Paris"),
    "input-dst-ambiguous": Entry(
        E, "'{value}' occurs twice in {zone} (clocks go back)", "« {value} » existe deux fois à {zone} (retour à l'heure d'hiver)",
        "write it with its UTC offset", "écrivez-le avec son décalage UTC"),
    "input-dst-gap": Entry(
        E, "'{value}' does not exist in {zone} (clocks go forward)", "« {value} » n'existe pas à {zone} (passage à l'heure d'été)",
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
        E, "'{value}' is not a value this evaluator accepts", "« {value} » n'est pas une valeur acceptée par cet évaluateur"),
    "input-not-window": Entry(
        E, "'{value}' is not a window of the contract", "« {value} » n'est pas une fenêtre du contrat",
        "name one of the contract's windows, e.g. ouverture_service",
        "nommez une fenêtre du contrat, p. ex. ouverture_service"),
}
