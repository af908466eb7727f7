"""Summary backend: model.Contract → French and English Markdown summaries and a bilingual HTML
sheet.

The structure of a summary is written once for both languages (`summary.j2`, `common.j2`, and
each kind's `summary` macro, see kinds/base.py); what differs between the languages is in the
phrases (`PHRASES` here, each kind's `phrases`): a `Phrase` holds one Jinja snippet in English and
one in French, said with `say(s, "key", …)`, so no sentence can exist in one language only. A
template is loaded once per language with its phrases put in (`summary.j2@fr`,
`kind/tiers@en`: backends/localise.py), so rendering costs what a one-language template does.

Each item is rendered once per language, for both outputs: the summaries' templates write
marked text (`Marked`), which `unmark` makes Markdown (the summary) or HTML (the sheet's annex).
They draw paragraphs and lists through filter blocks (`{% filter p %}`, `ul`, `li`, `heading`,
`meta`, `note`), marked with their content, which each output lays out with its own tags; every
contract string goes through the `t` filter, marked to be escaped for each output (Markdown
backslashes and entities, HTML entities); any other value a template outputs is marked where
HTML escaping would change it, as autoescape would have escaped it. Contract strings are data:
they are never compiled as templates. The sheet's own template (`sheet.html.j2`) escapes what it
outputs as autoescape would, except markup (`_escape_unless_markup`).

`Facts` gives the templates what is not a sentence: labels, lookups, grouped schedules, and the
derived figures (allowed unavailability, hours per week, worst-case due instants).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from importlib import resources
from types import FunctionType, MethodType
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo

import jinja2
import jinja2.runtime
from markupsafe import Markup, escape

from .. import caches, kinds, model
from ..kinds.availability import Availability
from ..kinds.calendar import Calendar
from ..kinds.contact import Contact
from ..kinds.deadlines import Deadlines, Rule
from ..kinds.money import Fee, MoneyClause
from ..kinds.severities import Severities
from ..kinds.tiers import Outcome
from ..kinds.window import WeeklyRange, Window
from ..messages import Phrase
from ..runtime.calendars import BusinessCalendar
from ..runtime.deadlines import due_business_days
from ..runtime.schedules import Schedule
from ..runtime.schedules import WeeklyRange as ScheduleRange
from . import glance
from .formatting import LANGS, NBSP, Formatter, Lang, squash, visible, words
from .localise import localise
from .schedule_svg import week_svg

DAY_SECONDS = Decimal(86400)
YEAR_SECONDS = Decimal("365.2425") * DAY_SECONDS
PERIOD_SECONDS: dict[str, Decimal] = {
    "day": DAY_SECONDS, "week": 7 * DAY_SECONDS, "month": YEAR_SECONDS / 12, "year": YEAR_SECONDS,
}
"""Lengths used to restate a target as allowed downtime: a month is 1/12 of a Gregorian year."""

WORST_CASE_START = datetime(2024, 6, 7, 17, 59)
"""A Friday at 17:59 followed by weeks without a French public holiday (7 June 2024)."""

WEEK_MINUTES = 7 * 1440
_ARTICLE = re.compile(r"^(le |la |les |l['’]|the )", re.IGNORECASE)

PHRASES: dict[str, Phrase] = {
    # a contract's header (summary.j2)
    "intro": Phrase(
        "Summary of the contract’s quantified clauses, each with its article. Where the contract "
        "is silent or contradicts itself, the summary says so; examples marked “calculated” are "
        "worked out from the contract’s figures and are not in its text. Non-contractual "
        "summary: the signed contract prevails.",
        "Résumé des clauses chiffrées du contrat, chacune avec son article. Lorsque le contrat "
        "se tait ou se contredit, le résumé le signale ; les exemples marqués « calculé » sont "
        "établis à partir des chiffres du contrat et ne figurent pas dans son texte. Résumé non "
        "contractuel : seul le contrat signé fait foi."),
    "untranslated": Phrase(
        "The contract is written in {{ s.f.languages(c.languages) }} only: its words are quoted "
        "as written, without translation, and marked with their language, e.g. [fr].",
        "Le contrat n’est rédigé qu’en {{ s.f.languages(c.languages) }} : ses mots sont cités tels "
        "quels, sans traduction, et marqués de leur langue, par exemple [en]."),
    "provider": Phrase(
        "Provider: {{ s.text(c.provider.name)|t if c.provider.named else '[name]' }}",
        "Prestataire : {{ s.text(c.provider.name)|t if c.provider.named else '[dénomination]' }}"),
    "client": Phrase(
        "{{ s.role(c.client)|t }}: {{ s.text(c.client.name)|t if c.client.named else '[name]' }}",
        "{{ s.role(c.client)|t }} : "
        "{{ s.text(c.client.name)|t if c.client.named else '[dénomination]' }}"),
    "document": Phrase(
        "Source document: “{{ d.title|t }}”"
        "{% if d.dated is none %}, undated"
        "{% elif d.effective %}, in force from {{ s.f.long_date(d.dated) }}"
        "{% else %}, dated {{ s.f.long_date(d.dated) }}{% endif %}",
        "Document source : « {{ d.title|t }} »"
        "{% if d.dated is none %}, non daté"
        "{% elif d.effective %}, en vigueur à compter du {{ s.f.long_date(d.dated) }}"
        "{% else %}, daté du {{ s.f.long_date(d.dated) }}{% endif %}"),
    "times": Phrase(
        "Times: local time in {{ c.zone|t }}; amounts in {{ s.f.currencies(c.currency) }}",
        "Heures : heure légale du fuseau {{ c.zone|t }} ; montants en "
        "{{ s.f.currencies(c.currency) }}"),
    # an item's header and notes (summary.j2)
    "no-clause": Phrase("no article cited", "aucun article cité"),
    "note": Phrase("Note: {{ note|t }}", "Note : {{ note|t }}"),
    "reading": Phrase("Reading adopted, as the contract is not explicit: {{ reading|t }}",
                      "Lecture retenue, le contrat n’étant pas explicite : {{ reading|t }}"),
    # weekdays and schedules (common.j2)
    "and": Phrase("and", "et"),
    "every-day": Phrase("every day", "tous les jours"),
    "day-run": Phrase("{{ first }} to {{ last }}", "du {{ first }} au {{ last }}"),
    "day": Phrase("{{ day }}s", "le {{ day }}"),
    "all-day": Phrase("all day", "toute la journée"),
    "from-to": Phrase("from {{ sp.start }} to {{ sp.end }}", "de {{ sp.start }} à {{ sp.end }}"),
    "from-to-day": Phrase("from {{ sp.start }} to {{ sp.end_day }} {{ sp.end }}",
                          "de {{ sp.start }} au {{ sp.end_day }} {{ sp.end }}"),
    "from-to-next-day": Phrase("from {{ sp.start }} to {{ sp.end }} the next day",
                               "de {{ sp.start }} à {{ sp.end }} le lendemain"),
    "from-to-days-later": Phrase(
        "from {{ sp.start }} to {{ sp.end }}, {{ sp.days_later }} days later",
        "de {{ sp.start }} à {{ sp.end }}, {{ sp.days_later }} jours plus tard"),
    "always": Phrase("at all times, 24 hours a day, 7 days a week",
                     "en permanence, 24 heures sur 24 et 7 jours sur 7"),
    "groups": Phrase("; ", " ; "),
    # the legal force of a clause (common.j2)
    "legal-force": Phrase("Legal force: {{ force }}.", "Portée : {{ force }}."),
    "force": Phrase(
        "{% if f.modality == 'right' %}a right of {{ party|t }}"
        "{% if counterparty %} against {{ counterparty|t }}{% endif %}, not a duty"
        "{% elif f.modality == 'prohibition' %}a prohibition binding {{ party|t }}"
        "{% if counterparty %} towards {{ counterparty|t }}{% endif %}"
        "{% else %}{{ s.possessive(party)|t }} "
        "{% if f.strength == 'firm' %}firm commitment"
        "{% elif f.strength == 'best efforts' %}best-efforts undertaking"
        "{% elif f.strength == 'reasonable efforts' %}reasonable-efforts undertaking"
        "{% elif f.strength == 'target' %}target{% else %}obligation{% endif %}"
        "{% if counterparty %} to {{ counterparty|t }}{% endif %}"
        "{% if f.strength in ('best efforts', 'reasonable efforts') %}, not a guarantee of "
        "result{% elif f.strength == 'target' %}, not a commitment"
        "{% elif f.strength != 'firm' %}, of a strength the contract does not state{% endif %}"
        "{% endif %}",
        "{% if f.modality == 'right' %}une faculté {{ s.de(party)|t }}"
        "{% if counterparty %} à l’égard {{ s.de(counterparty)|t }}{% endif %}, non une "
        "obligation"
        "{% elif f.modality == 'prohibition' %}une interdiction faite {{ s.a(party)|t }}"
        "{% if counterparty %} envers {{ counterparty|t }}{% endif %}"
        "{% else %}"
        "{% if f.strength == 'firm' %}une obligation de résultat"
        "{% elif f.strength == 'best efforts' %}une obligation de moyens (meilleurs efforts)"
        "{% elif f.strength == 'reasonable efforts' %}une obligation de moyens (efforts "
        "raisonnables)"
        "{% elif f.strength == 'target' %}un simple objectif"
        "{% else %}une obligation{% endif %}"
        " {{ s.de(party)|t }}{% if counterparty %} envers {{ counterparty|t }}{% endif %}"
        "{% if f.strength in ('best efforts', 'reasonable efforts') %}, sans garantie de "
        "résultat{% elif f.strength == 'target' %}, sans engagement"
        "{% elif f.strength != 'firm' %}, dont le contrat ne précise pas la force{% endif %}"
        "{% endif %}"),
    "conditions": Phrase("{{ 'Condition:' if count == 1 else 'Conditions:' }}",
                         "{{ 'Condition :' if count == 1 else 'Conditions :' }}"),
    "formalities": Phrase("Formalities:", "Formalités :"),
    "via": Phrase("Contact: {{ contact|t }}.", "Contact : {{ contact|t }}."),
    "attention": Phrase("Points of attention", "Points d’attention"),
    "open-points": Phrase("Left open by the contract:", "Laissé ouvert par le contrat :"),
}
"""The sentences the summaries share (summary.j2, common.j2), in English and French; each kind
has its own (kinds/base.py)."""


# --------------------------------------------------------------------------- escaping

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_MD_LINE_START = re.compile(r"^([-+=>]|\d+[.)])")
_MD_HTML = re.compile(r"<(?=[A-Za-z/!?])|&(?=#?\w+;)")   # what would start a tag or an entity


def markdown_text(value: object) -> str:
    """A contract string made inert in Markdown: one line, invisible characters shown, specials
    backslashed (a `<` that would open a tag and an `&` that would start an entity too, so `>`
    and `<` read as written)."""
    return _markdown_text(str(value))


@functools.cache
def _markdown_text(value: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", squash(visible(value)))
    text = _MD_HTML.sub(lambda m: "\\" + m.group(), text)   # `\<b>` reads as text, `>` stays `>`
    return _MD_LINE_START.sub(r"\\\1", text)


def html_text(value: object) -> Markup:
    """A contract string escaped for HTML, on one line."""
    return _html_text(str(value))


@functools.cache
def _html_text(value: str) -> Markup:
    return escape(squash(visible(value)))


_FRENCH_SPACES = ((":", " :", NBSP + ":"), (";", " ;", "\u202f;"), ("?", " ?", "\u202f?"),
                  ("!", " !", "\u202f!"), ("«", "« ", "«" + NBSP), ("»", " »", NBSP + "»"),
                  ("'", "'", "’"), ("&", "&#39;", "’"))
"""(sign, what, its French form): each replacement is tried only where its sign, quicker to
look for than a pair of characters, is in the text."""


def french_typography(text: str) -> str:
    """No-break spaces before `:` `;` `?` `!` and inside « », typographic apostrophes (French
    typography; HTML attributes are double-quoted, so an apostrophe is always text).

    Returns the same type it is given, so escaped markup stays markup.
    """
    fixed_text = str(text)    # a plain string: Markup's own replace costs more and changes nothing
    for sign, plain, fixed in _FRENCH_SPACES:
        if sign in fixed_text:
            fixed_text = fixed_text.replace(plain, fixed)
    return Markup(fixed_text) if isinstance(text, Markup) else fixed_text


def typography(text: str, lang: str) -> str:
    """The typography of the language: French spacing in French, the text as it is otherwise."""
    return french_typography(text) if lang == "fr" else text


def separator(loop: jinja2.runtime.LoopContext, word: str) -> str:
    """What goes before an item of a list in a sentence: nothing, `, `, or ` word ` before the
    last."""
    if loop.first:
        return ""
    return f" {word} " if loop.last else ", "


def markdown_grid(table: glance.Table) -> str:
    """A table in Markdown: a head row, its rule, then the rows; every cell made inert."""
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(markdown_text(c) for c in cells) + " |\n"
    return (row(table.head) + "|" + "---|" * len(table.head) + "\n"
            + "".join(row(r) for r in table.rows) + "\n")


def html_grid(table: glance.Table) -> Markup:
    """A table in HTML, every cell escaped."""
    head = "".join(f"<th scope=\"col\">{html_text(c)}</th>" for c in table.head)
    rows = "".join("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in r) + "</tr>\n"
                   for r in table.rows)
    return Markup(f'<table class="{table.kind}">\n<thead><tr>{head}</tr></thead>\n'
                  f"<tbody>\n{rows}</tbody>\n</table>\n")


def sheet_table(table: glance.Table) -> Markup:
    """A table of the sheet's "at a glance" page: its caption, head, and rows, a row of one cell
    heading a group of rows; every cell escaped."""
    head = "".join(f'<th scope="col">{html_text(cell)}</th>' for cell in table.head)
    rows = []
    for row in table.rows:
        if len(row) == 1:
            rows.append(f'<tr class="group"><th scope="rowgroup" colspan="{len(table.head)}">'
                        f"{html_text(row[0])}</th></tr>\n")
        elif row:
            cells = "".join(f"<td>{html_text(cell)}</td>" for cell in row[1:])
            rows.append(f'<tr><th scope="row">{html_text(row[0])}</th>{cells}</tr>\n')
        else:
            rows.append("<tr></tr>\n")
    return Markup(f'<table class="{escape(table.kind)}">\n<caption>{html_text(table.caption)}'
                  f"</caption>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{''.join(rows)}"
                  "</tbody>\n</table>\n")


# --------------------------------------------------------------------------- marked text

MARK = "\x1a"
"""Starts a mark of marked text; the character after it says which (`WORDS`…, `BLOCKS`). A
control character: `visible` shows it in the contract's words, and a raw value keeps it as the
mark `ESCAPE`."""

WORDS, RAW, END, ESCAPE, MARKDOWN_ONLY, HTML_ONLY, TYPOGRAPHY, TYPOGRAPHY_END = "wrex#<Ff"
"""`WORDS` (a contract string), `RAW` (a value), `MARKDOWN_ONLY` and `HTML_ONLY` (the text of one
output) start a segment that `END` ends; `ESCAPE` is a `MARK` in a raw value; French
`TYPOGRAPHY` applies up to its end, once the text is Markdown or HTML."""

BLOCKS: dict[str, tuple[str, str, bool]] = {
    "heading": ("H", "h", True), "meta": ("M", "m", True), "p": ("P", "p", True),
    "note": ("N", "n", True), "ul": ("U", "u", False), "li": ("L", "l", True),
}
"""The summaries' blocks (`{% filter p %}`): the marks of their start and end, and whether their
content is put on one line (`squash`)."""

_NOT_INLINE = re.compile(f"{MARK}[^{WORDS}{RAW}{END}{ESCAPE}]")
"""What a block put on one line cannot hold: another block, a table, typography."""
_RAW_MARKED = re.compile(f"[&<>\"'{MARK}]")
"""What HTML escaping changes in a raw value, and the mark."""
_SPACE = " \t\r\n\f\v\x85\u2028\u2029"
"""What `squash` takes for space."""


class Marked(str):
    """Marked text: what the summaries' templates output (their macros, blocks and filters), left
    as it is by `_finalize`; any other value a template outputs is raw. `unmark` makes it
    Markdown or HTML."""

    __slots__ = ()


def _finalize(value: object) -> str:
    """A value a template outputs (`{{ … }}`), as marked text: raw, unless it is marked already;
    marked `RAW` where HTML escaping would change it, the spaces around it left outside (so that
    a block puts its content on one line as it would the Markdown or the HTML)."""
    if type(value) is Marked:
        return value
    text = str(value)
    if _RAW_MARKED.search(text) is None:
        return text
    core = text.lstrip(_SPACE)
    before = text[:len(text) - len(core)]
    core = core.rstrip(_SPACE)
    after = text[len(before) + len(core):]
    core = core.replace(MARK, MARK + ESCAPE)
    return f"{before}{MARK}{RAW}{core}{MARK}{END}{after}"


@functools.cache
def _marked_words(value: str) -> Marked:
    text = squash(visible(value))
    if _markdown_text(text) == text == _html_text(text):
        return Marked(text)
    return Marked(f"{MARK}{WORDS}{text}{MARK}{END}")


def marked_words(value: object) -> Marked:
    """The `t` filter: a contract string, on one line, invisible characters shown, marked `WORDS`
    where either output makes it inert otherwise (`markdown_text`, `html_text`)."""
    return _marked_words(str(value))


def marked_grid(table: glance.Table) -> Marked:
    """The `grid` filter: a table in Markdown and in HTML, each marked for its output."""
    return Marked(f"{MARK}{MARKDOWN_ONLY}{markdown_grid(table)}"
                  f"{MARK}{HTML_ONLY}{html_grid(table)}{MARK}{END}")


def capfirst(text: str) -> str:
    """`text` with a capital first letter; for marked text, that of the value it starts with."""
    if type(text) is Marked and text.startswith(MARK):
        if text[1] not in (WORDS, RAW):
            raise ValueError("capfirst: marked text must start with words or a value")
        return Marked(text[:2] + text[2:3].upper() + text[3:])
    return text[:1].upper() + text[1:]


def marked_typography(text: str, lang: str) -> Marked:
    """The `typography` filter: `text` marked for French typography in French."""
    marked = _finalize(text)
    return Marked(f"{MARK}{TYPOGRAPHY}{marked}{MARK}{TYPOGRAPHY_END}" if lang == "fr" else marked)


def _block_filter(name: str) -> Callable[[str], Marked]:
    """The filter of a block: its content between its marks, on one line if it is `squash`ed
    (spaces are the same in marked text as in either output: no marked segment starts or ends
    with one)."""
    start, end, squashed = BLOCKS[name]

    def block(content: str) -> Marked:
        if squashed:
            if MARK in content and _NOT_INLINE.search(content):
                raise ValueError(f"the block {name} holds a block or a table")
            content = squash(content)
        return Marked(f"{MARK}{start}{content}{MARK}{end}")
    return block


BLOCK_FILTERS = {name: _block_filter(name) for name in BLOCKS}


@dataclass(frozen=True)
class Output:
    """What marked text becomes in one output (`MARKDOWN`, `HTML`)."""

    only: str
    """The mark of text for this output only."""
    words: Callable[[str], str]
    """A contract string (`WORDS`) made inert."""
    raw: Callable[[str], str]
    """A raw value (`RAW`), as this output shows it."""
    tags: dict[str, str]
    """What the start and the end of each block become, by mark."""


def _tags(tags: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The marks of each block (by name) mapped to what goes before and after its content."""
    by_mark = {}
    for name, (before, after) in tags.items():
        start, end, _ = BLOCKS[name]
        by_mark[start], by_mark[end] = before, after
    return by_mark


def _as_is(text: str) -> str:
    return text


MARKDOWN = Output(MARKDOWN_ONLY, _markdown_text, _as_is, _tags({
    "heading": ("## ", "\n\n"), "meta": ("*", "*\n\n"), "p": ("", "\n\n"), "note": ("> ", "\n\n"),
    "ul": ("", "\n\n"), "li": ("- ", "\n")}))
HTML = Output(HTML_ONLY, _html_text, escape, _tags({
    "heading": ("<h2>", "</h2>\n"), "meta": ('<p class="meta">', "</p>\n"),
    "p": ("<p>", "</p>\n"), "note": ('<p class="note">', "</p>\n"), "ul": ("<ul>\n", "</ul>\n"),
    "li": ("<li>", "</li>\n")}))


def unmark(marked: str, output: Output) -> str:
    """Marked text as Markdown or HTML: blocks as tags, words made inert, raw values as the output
    shows them, the text of the other output left out, French typography put in."""
    first, *pieces = marked.split(MARK)
    parts = [first]
    typography: list[int] = []      # where each typography mark still open starts, in `parts`
    tags = output.tags
    for piece in pieces:
        mark, text = piece[0], piece[1:]
        if mark in tags:
            parts += (tags[mark], text)
        elif mark == END:
            parts.append(text)
        elif mark == WORDS:
            parts.append(output.words(text))
        elif mark == RAW:
            parts.append(output.raw(text))
        elif mark == ESCAPE:        # a mark character in a raw value
            parts.append(output.raw(MARK + text))
        elif mark in (MARKDOWN_ONLY, HTML_ONLY):
            if mark == output.only:
                parts.append(text)
        elif mark == TYPOGRAPHY:
            typography.append(len(parts))
            parts.append(text)
        else:                       # TYPOGRAPHY_END
            start = typography.pop()
            parts[start:] = (french_typography("".join(parts[start:])), text)
    return "".join(parts)


# --------------------------------------------------------------------------- facts for templates

@dataclass(frozen=True)
class Run:
    """Three or more consecutive weekdays (Monday to Thursday), or one day alone (`count` 1)."""

    first: str
    last: str
    count: int


@dataclass(frozen=True)
class Span:
    """One daily range as shown: `21 h 00` to `6 h 00`, `days_later` 1 (the next day)."""

    start: str
    end: str
    days_later: int
    whole_day: bool
    end_day: str


@dataclass(frozen=True)
class DayGroup:
    """Weekdays that share the same ranges."""

    runs: tuple[Run, ...]
    every_day: bool
    single: bool
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Allowance:
    """Unavailability a target allows per period, and what the contract itself says (if it does)."""

    per: str
    computed: str | None
    stated: str | None
    agrees: bool


@dataclass(frozen=True)
class WorstCase:
    """A rule's latest due instant for a start on Friday at 17:59 (no public holiday involved)."""

    rule: Rule
    due: str


ItemT = TypeVar("ItemT", bound=model.ItemBase)
R = TypeVar("R")


def _per_item(method: Callable[[Facts, ItemT], R]) -> Callable[[Facts, ItemT], R]:
    """A figure of `Facts` worked out once for each item: a contract's Markdown summary and
    HTML sheet in one language share their `Facts`."""
    @functools.wraps(method)
    def once(facts: Facts, item: ItemT) -> R:
        key = (method.__name__, item.name)
        if key not in facts.figures:
            facts.figures[key] = method(facts, item)
        return cast(R, facts.figures[key])
    return once


class Facts:
    """One contract seen in one language: labels, lookups, schedules and derived figures."""

    def __init__(self, contract: model.Contract, lang: Lang) -> None:
        self.contract = contract
        self.lang = lang
        self.f = Formatter(lang)
        self.figures: dict[tuple[str, str], object] = {}
        """What `_per_item` methods have worked out, by method and item name."""

    # ------------------------------------------------------------------ words the author wrote

    def text(self, text: model.Text) -> str:
        return words(text, self.lang)

    def label(self, item: model.ItemBase | str) -> str:
        """The item's label in this language, else its name."""
        found = self.contract.item(item) if isinstance(item, str) else item
        if found is None:
            return str(item)
        return self.text(found.label) if found.label is not None else found.name

    def articles(self, item: model.ItemBase) -> list[str]:
        """The articles the item cites, each once (letter case aside), in the order cited."""
        found: dict[str, str] = {}
        for clause in item.clauses:
            found.setdefault(clause.article.lower(), clause.article)
        return list(found.values())

    def title(self, item: model.ItemBase) -> str:
        """The item's kind as a summary's item header names it: `Time window`."""
        title = kinds.of(item).names.title
        assert title is not None, "every item kind has a title"
        return title.text(self.lang)

    @functools.cached_property
    def attention(self) -> list[str]:
        """What a reader must not miss (`glance.contract_points`)."""
        return glance.contract_points(self.contract, self.lang)

    @functools.cached_property
    def open_points(self) -> list[str]:
        """What the contract leaves open (`glance.unspecified_points`)."""
        return glance.unspecified_points(self.contract, self.lang)

    def party(self, party: str | model.Text) -> str:
        """A party as the documents name it: the provider and the client by their name or role,
        a third party as written."""
        if isinstance(party, model.Text):
            return self.text(party)
        header = {"provider": self.contract.provider, "client": self.contract.client}[party]
        return self.text(header.name)

    def role(self, party: model.Party) -> str:
        """What the client is called in a header line: `Client`, `Partie Utilisatrice`."""
        if party.named:
            return "Client"
        return capfirst(_ARTICLE.sub("", self.text(party.name)))

    def possessive(self, phrase: str) -> str:
        """English possessive: `Teogest's`, `the Customer's`."""
        return phrase + ("’" if phrase.endswith("s") else "’s")

    def a(self, phrase: str) -> str:
        """French `à` before a phrase: `au Client`, `aux utilisateurs`, `à Teogest`."""
        for article, merged in (("le ", "au "), ("les ", "aux ")):
            if phrase.startswith(article):
                return merged + phrase[len(article):]
        return "à " + phrase

    def fee(self, item: MoneyClause, name: str) -> Fee | None:
        return next((fee for fee in item.fees if fee.name == name), None)

    def contact_line(self, name: str) -> str:
        """A contact item in one line: its label, then its addresses."""
        found = self.contract.item(name)
        if not isinstance(found, Contact):
            return name
        addresses = [a for a in (found.email, found.phone, found.web) if isinstance(a, str)]
        return self.label(found) + (f" ({', '.join(addresses)})" if addresses else "")

    def window(self, name: str) -> Window | None:
        found = self.contract.item(name)
        return found if isinstance(found, Window) else None

    def action(self, deadlines: Deadlines, name: str) -> str:
        found = next((a for a in deadlines.actions if a.name == name), None)
        return self.text(found.text) if found is not None else name

    @_per_item
    def matrix(self, deadlines: Deadlines) -> glance.Table | None:
        """The block's rules as a level × action table, when every rule is set by level."""
        if deadlines.severities is None or any(r.level is None for r in deadlines.rules):
            return None
        return glance.matrix(self.contract, deadlines, self.f)

    def starts(self, deadlines: Deadlines) -> list[model.Text | model.Unspecified]:
        """The events the block's delays run from, each once, in the order of its rules."""
        return list(dict.fromkeys(r.after for r in deadlines.rules if r.after is not None))

    def action_force(self, deadlines: Deadlines, name: str) -> model.Force | None:
        found = next((a for a in deadlines.actions if a.name == name), None)
        return found.force if found is not None else None

    def level(self, deadlines: Deadlines, name: str) -> str:
        """A level's short name: its text up to the first colon (`Critique`, `Niveau 1`)."""
        levels = self.contract.item(deadlines.severities) if deadlines.severities else None
        if not isinstance(levels, Severities):
            levels = next(iter(self.contract.of_type(Severities)), None)
        found = next((lv for lv in levels.levels if lv.name == name), None) if levels else None
        if found is None:
            return name
        return self.text(found.text).split(":")[0].strip() or name

    def de(self, phrase: str) -> str:
        """French `de` before a phrase: `du dépôt`, `des factures`, `de la demande`."""
        for article, merged in (("le ", "du "), ("les ", "des ")):
            if phrase.startswith(article):
                return merged + phrase[len(article):]
        return "de " + phrase

    # ------------------------------------------------------------------ values

    def value(self, value: Decimal | model.Duration) -> str:
        """A tier bound or example value: a percentage or a duration."""
        if isinstance(value, model.Duration):
            return self.f.duration(value)
        return self.f.percent(value)

    def outcome_money(self, outcome: Outcome) -> str:
        amount = outcome.amount if outcome.amount is not None else Decimal(0)
        currency = outcome.currency or self.contract.currency
        return self.f.money(model.Money(amount, currency, outcome.tax))

    # ------------------------------------------------------------------ weekdays and windows

    def day_runs(self, days: Sequence[int]) -> tuple[Run, ...]:
        """Sorted weekdays as runs of three or more consecutive days, and single days."""
        return _day_runs(self.lang, frozenset(days))

    def window_groups(self, window: Window) -> tuple[DayGroup, ...]:
        """The window's ranges, weekdays with identical ranges grouped, in weekday order."""
        return _window_groups(self.lang, window.ranges)

    def weekly_minutes(self, window: Window) -> int:
        """Minutes a window covers in a week, overlaps counted once (public holidays ignored)."""
        if window.always:
            return WEEK_MINUTES
        return _schedule(self.contract.zone, window).weekly_minutes()

    # ------------------------------------------------------------------ derived figures

    @_per_item
    def allowances(self, availability: Availability) -> tuple[Allowance, ...]:
        """Allowed unavailability per day/week/month/year of calendar time, or per week of
        measured time when the measurement runs only inside a window; each next to the
        contract's own restatement, if any."""
        share = (100 - availability.target) / 100
        measured = self.window(availability.measured_during or "")
        if measured is not None and not measured.always:
            values = glance.reference_period(self.contract, availability)
            bases = {"month": glance.measured_seconds(self.contract, availability, values)}
        else:
            bases = PERIOD_SECONDS
        stated = {r.per: r.allowance.seconds() for r in availability.restatements}
        result = []
        for per, seconds in bases.items():
            allowed = self.f.elapsed(share * seconds)
            said = self.f.elapsed(stated[per]) if per in stated else None
            result.append(Allowance(per, allowed, said, said in (None, allowed)))
        for per, seconds in stated.items():
            if per not in bases:
                result.append(Allowance(per, None, self.f.elapsed(seconds), True))
        return tuple(result)

    def period_name(self, item: Availability, values: tuple[int, ...]) -> str:
        """A period of `item`, named: `May 2024`, `Q2 2024`."""
        return glance.period_name(self.contract, item, values, self.f)

    @_per_item
    def measured_month(self, availability: Availability) -> tuple[str, str]:
        """The month a measured window's allowance is shown for, and its measured time."""
        values = glance.reference_period(self.contract, availability)
        seconds = glance.measured_seconds(self.contract, availability, values)
        return (glance.period_name(self.contract, availability, values, self.f),
                self.f.elapsed(seconds))

    def worst_start(self) -> str:
        return self.f.moment(WORST_CASE_START)

    @_per_item
    def worst_cases(self, deadlines: Deadlines) -> tuple[WorstCase, ...]:
        """Due instants of the business-time rules for a start on Friday 7 June 2024 at 17:59.

        Business hours come from the block's window (public holidays play no part that week);
        business days from the block's calendar's weekdays. Rules that cannot be computed (no
        window named, business hours unspecified) are left out.
        """
        zone = ZoneInfo(self.contract.zone)
        start = WORST_CASE_START.replace(tzinfo=zone)
        hours = self.window(deadlines.business_hours) if isinstance(
            deadlines.business_hours, str) else None
        days = self.contract.item(deadlines.business_days or "")
        found = []
        for rule in deadlines.rules:
            amount = rule.upper if rule.kind == "between" else rule.amount
            if rule.kind not in ("within", "between") or amount is None:
                continue
            if amount.unit == "business_hour" and hours is not None and hours.ranges:
                elapsed = timedelta(microseconds=int(amount.seconds() * 1_000_000))
                due = _schedule(self.contract.zone, hours).add_time(start, elapsed)
            elif amount.unit == "business_day" and isinstance(days, Calendar):
                calendar = BusinessCalendar(workdays=frozenset(days.workdays), holidays=(),
                                            first_year=2024, last_year=2040)
                due = due_business_days(start, int(amount.amount), calendar, self.contract.zone)
            else:
                continue
            found.append(WorstCase(rule, self.f.moment(due)))
        return tuple(found)

    def business_time_rules(self, deadlines: Deadlines) -> tuple[Rule, ...]:
        """Rules whose delay counts business hours or days."""
        return tuple(r for r in deadlines.rules
                     if r.amount is not None and r.amount.dimension == "business")


@functools.cache
def _day_runs(lang: Lang, days: frozenset[int]) -> tuple[Run, ...]:
    f = Formatter(lang)
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    split = [r if len(r) >= 3 else [d] for r in runs for d in (r[:1] if len(r) >= 3 else r)]
    return tuple(Run(f.weekday(r[0]), f.weekday(r[-1]), len(r)) for r in split)


@functools.cache
def _window_groups(lang: Lang, ranges: tuple[WeeklyRange, ...]) -> tuple[DayGroup, ...]:
    per_day: dict[int, tuple[tuple[int, int], ...]] = {}
    for day in range(7):
        found = {(r.start_minute, r.length_minutes) for r in ranges if r.weekday == day}
        if found:
            per_day[day] = tuple(sorted(found))
    patterns: dict[tuple[tuple[int, int], ...], list[int]] = {}
    for day, pattern in per_day.items():
        patterns.setdefault(pattern, []).append(day)
    f = Formatter(lang)
    groups = []
    for pattern, days in sorted(patterns.items(), key=lambda entry: entry[1][0]):
        spans = tuple(_span(f, days[0], start, length) for start, length in pattern)
        groups.append(DayGroup(_day_runs(lang, frozenset(days)), len(days) == 7, len(days) == 1,
                               spans))
    return tuple(groups)


def _span(f: Formatter, weekday: int, start: int, length: int) -> Span:
    end = start + length
    later = (end - 1) // 1440
    end_day = f.weekday((weekday + later) % 7)
    return Span(f.clock(start), f.clock(end - later * 1440), later,
                start == 0 and length == 1440, end_day)


def _schedule(zone: str, window: Window) -> Schedule:
    return _weekly_schedule(zone, tuple((r.weekday, r.start_minute, r.length_minutes)
                                        for r in window.ranges))


@functools.cache
def _weekly_schedule(zone: str, ranges: tuple[tuple[int, int, int], ...]) -> Schedule:
    """One Schedule per distinct week, so the days it has read serve every contract."""
    return Schedule(zone, tuple(ScheduleRange(*r) for r in ranges))


# --------------------------------------------------------------------------- rendering

def _template_source(name: str) -> str | None:
    """A template by name: `summary.j2` as written, for both languages; `summary.j2@fr` in one
    (backends/localise.py); `kind/<keyword>` for a kind's summary macro (kinds/base.py)."""
    base, _, lang = name.partition("@")
    if base.startswith("kind/"):
        kind = kinds.by_keyword(base.removeprefix("kind/"))
        if kind is None:
            return None
        source, phrases = kind.summary, kind.phrases
    else:
        path = resources.files("slac.templates").joinpath(base)
        if not path.is_file():
            return None
        source, phrases = path.read_text(encoding="utf-8"), PHRASES
    return localise(source, phrases, lang) if lang else source


def _marked_template(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    """A summary template (`_template_source`), with a file name saying that its text is marked:
    Jinja's cache keys compiled code by name and file name, and code compiled to output plain
    text must not serve."""
    source = _template_source(name)
    return None if source is None else (source, f"{name} (marked)", lambda: True)


def item_header(s: Facts, item: model.ItemBase, number: int) -> Marked:
    """An item's heading (its number and label) and the line under it (its kind, then the
    articles it cites), as marked text: written here, not in `summary.j2`, as every item has them
    and Jinja's blocks and loops cost more than the text."""
    articles = [marked_words(article) for article in s.articles(item)]
    if not articles:
        cited = PHRASES["no-clause"].text(s.lang)
    else:
        last = _finalize(f" {PHRASES['and'].text(s.lang)} ") if len(articles) > 1 else ""
        cited = ", ".join(articles[:-1]) + last + articles[-1]
    heading = BLOCK_FILTERS["heading"](f"{number}. {marked_words(capfirst(s.label(item)))}")
    meta = BLOCK_FILTERS["meta"](f"{_finalize(s.title(item))} · {cited}")
    return Marked(heading + meta)


def _macro_function(template: jinja2.Template, name: str) -> Callable[..., str]:
    """The function of the macro `name` of `template`, for Python to call with all its arguments
    by position, as `_Context.call` does."""
    macro: jinja2.runtime.Macro = getattr(template.module, name)
    assert not (macro.caller or macro.catch_kwargs or macro.catch_varargs), macro.name
    return macro._func


@functools.cache
def _kind_summary(env: jinja2.Environment, keyword: str, lang: Lang) -> Callable[..., str]:
    """A kind's summary macro in one language (its function), its template loaded once."""
    return _macro_function(env.get_template(f"kind/{keyword}@{lang}"), "summary")


@functools.cache
def _item_macro(lang: Lang) -> Callable[..., str]:
    """`summary.j2`'s `item` macro in one language (its function)."""
    return _macro_function(_MARKDOWN.get_template(f"summary.j2@{lang}"), "item")


@functools.cache
def _plain(function: Callable[..., object]) -> bool:
    """Whether Jinja passes nothing of its own to `function` (it is not `pass_context`…)."""
    return not hasattr(function, "jinja_pass_arg")


def _positional_only(macro: jinja2.runtime.Macro, args: tuple[Any, ...],
                     kwargs: dict[str, Any]) -> bool:
    """Whether `macro` is given exactly its arguments, by position, and takes no `caller` nor
    extra arguments: its function can then be called as it is, as `Macro.__call__` would."""
    return (not kwargs and len(args) == macro._argument_count and not macro.caller
            and not macro.catch_kwargs and not macro.catch_varargs)


class _Context(jinja2.runtime.Context):
    """Jinja's template context, calling macros and plain functions and methods (those of
    `Facts` and `Formatter`) straight away instead of looking for Jinja's markers on each call.
    A macro gives marked text in the summaries (`macro_text`)."""

    macro_text: type[str] = Marked
    """What the text a macro gives is wrapped as."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        kind = type(__obj)
        plain = (kind is MethodType and _plain(__obj.__func__)
                 or kind is FunctionType and _plain(__obj))
        if not plain and kind is not jinja2.runtime.Macro:
            return super().call(__obj, *args, **kwargs)   # it may need the loop's variables
        if kwargs:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
        if plain:
            return __obj(*args, **kwargs)
        if _positional_only(__obj, args, kwargs):
            return __self.macro_text(__obj._func(*args))
        return __self.macro_text(__obj(__self.eval_ctx, *args, **kwargs))   # as Jinja calls it


class _SheetContext(_Context):
    """The sheet's context: a macro gives markup, which `_escape_unless_markup` leaves as it is."""

    macro_text = Markup


def _escape_unless_markup(value: object) -> Markup:
    """What the sheet outputs (`{{ … }}`): a value escaped as autoescape would, markup as it
    is (a `str` copy of it is output, saving autoescape's new `Markup`)."""
    return value if type(value) is Markup else escape(value)


def _environment(html: bool) -> jinja2.Environment:
    """The sheet's environment (`html`: values escaped), or the summaries' (marked text)."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_source if html else _marked_template),
        finalize=_escape_unless_markup if html else _finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        bytecode_cache=caches.templates("html" if html else "markdown"),
    )
    env.context_class = _SheetContext if html else _Context
    if html:
        env.filters["t"] = html_text
        env.filters["typography"] = typography
        env.filters["css"] = glance.css_string
        env.globals["word"] = glance.word
        env.globals["table"] = sheet_table
        return env
    env.filters["t"] = marked_words
    env.filters["grid"] = marked_grid
    env.filters["capfirst"] = capfirst
    env.filters["sep"] = separator
    env.filters["typography"] = marked_typography
    env.filters.update(BLOCK_FILTERS)
    env.tests["unspecified"] = lambda value: isinstance(value, model.Unspecified)

    def item_summary(s: Facts, item: model.ItemBase) -> Marked:
        """The paragraphs of one item, from its kind's summary macro in the language of `s`."""
        return Marked(_kind_summary(env, kinds.of(item).keyword, s.lang)(item, s))

    env.globals["item_summary"] = item_summary
    env.globals["item_header"] = item_header
    return env


_MARKDOWN = _environment(html=False)
"""The summaries' environment: Markdown summaries and the items of both outputs, in marked text."""
_HTML = _environment(html=True)
"""The sheet's environment."""


def _tidy_markdown(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one final newline."""
    if " \n" in text:
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.rstrip(" ").strip("\n") + "\n"


def summary_text(contract: model.Contract, lang: str) -> str:
    """The Markdown summary of `contract` in `lang` ("fr" or "en")."""
    if lang not in LANGS:
        raise ValueError(f"unknown summary language {lang!r}; expected one of {', '.join(LANGS)}")
    facts = Facts(contract, "fr" if lang == "fr" else "en")
    return _markdown(facts, _items(facts))


def sheet_html(contract: model.Contract) -> str:
    """The A4 HTML sheet: the French part, then the English part, each an "at a glance" page
    (backends/glance.py) followed by the clause-by-clause annex."""
    fr, en = Facts(contract, "fr"), Facts(contract, "en")
    return _sheet(fr, en, _items(fr), _items(en))


def _items(facts: Facts) -> list[Marked]:
    """Each item of the contract in the language of `facts` (`summary.j2`'s `item`), as marked
    text: rendered once for the Markdown summary and the sheet."""
    item = _item_macro(facts.lang)
    return [Marked(item(i, n, facts)) for n, i in enumerate(facts.contract.items, 1)]


def _markdown(facts: Facts, items: list[Marked]) -> str:
    template = _MARKDOWN.get_template(f"summary.md.j2@{facts.lang}")
    marked = template.render(contract=facts.contract, s=facts, items=items)
    return _tidy_markdown(unmark(marked, MARKDOWN))


def _sheet(fr: Facts, en: Facts, items_fr: list[Marked], items_en: list[Marked]) -> str:
    template = _HTML.get_template("sheet.html.j2")
    contract = fr.contract
    pictures = {lang: week_svg(contract, lang) for lang in LANGS}
    return _superscript_ordinals(template.render(
        contract=contract,
        glance_fr=glance.glance(contract, "fr", [*fr.attention, *fr.open_points]),
        glance_en=glance.glance(contract, "en", [*en.attention, *en.open_points]),
        items_fr=_sheet_items(contract, items_fr),
        items_en=_sheet_items(contract, items_en),
        header_fr=glance.running_header(contract, "fr"),
        header_en=glance.running_header(contract, "en"),
        picture_fr=Markup(pictures["fr"]) if pictures["fr"] else None,
        picture_en=Markup(pictures["en"]) if pictures["en"] else None))


def _sheet_items(contract: model.Contract, items: list[Marked]) -> list[tuple[str, Markup]]:
    """Each item's name and its text as HTML, for the sheet's annex."""
    return [(item.name, Markup(unmark(text, HTML)))
            for item, text in zip(contract.items, items, strict=True)]


_FIRST = re.compile(r"1(?<![\w<]1)er(?!\w)")
"""`1er` not preceded by a letter, digit or `<`, nor followed by a letter or digit (the look-behind
comes after the `1`, so that the search skips to each `1`)."""


def _superscript_ordinals(html: str) -> str:
    """`1er` as `1<sup>er</sup>` in the sheet's text (its style sheet and running header
    strings keep the plain form, which CSS cannot mark up)."""
    style, end, body = html.partition("</style>")
    if not end or "1er" not in body:
        return html
    return style + end + _FIRST.sub("1<sup>er</sup>", body)


def render(contract: model.Contract) -> dict[str, str]:
    """The summary files of one contract, by file name; same IR, same bytes.

    The three files share each language's `Facts` (its source name is worked out once) and
    items (rendered once, as marked text).
    """
    fr, en = Facts(contract, "fr"), Facts(contract, "en")
    items_fr, items_en = _items(fr), _items(en)
    return {
        f"{contract.module}.fr.md": _markdown(fr, items_fr),
        f"{contract.module}.en.md": _markdown(en, items_en),
        f"{contract.module}.html": _sheet(fr, en, items_fr, items_en),
    }
