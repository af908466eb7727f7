"""The Python backend's toolkit: names, literals, docstrings, code units and holiday tables.

What every kind's `python()` uses to write its part of a generated module (kinds/base.py);
`backends/python.py` assembles the module.
"""

from __future__ import annotations

import ast
import functools
import json
import keyword
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache, cached_property, lru_cache
from importlib import metadata, resources
from typing import Any

import holidays
import jinja2

from .. import caches, model

HOLIDAY_YEARS = range(2020, 2041)
"""Years whose public holidays are written into the generated calendars."""


WIDTH = 100


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# Every name the generated code may import, and where from; only the names used are imported.
IMPORTS: dict[str, str] = {
    **dict.fromkeys(("Iterable", "Mapping", "Sequence"), "collections.abc"),
    **dict.fromkeys(("date", "datetime", "time", "timedelta", "timezone", "tzinfo"),
                    "datetime"),
    "Decimal": "decimal",
    "MappingProxyType": "types",
    **dict.fromkeys(("Literal", "TypeVar"), "typing"),
    **dict.fromkeys(("SlaInputError", "UnspecifiedError"), ".runtime.errors"),
    **dict.fromkeys(("Interval", "intersect", "require_aware", "require_decimal"),
                    ".runtime.intervals"),
    **dict.fromkeys(("Period", "add_period", "add_period_dt", "end_of_month", "month_bounds",
                     "period_bounds",
                     "require_date", "require_int", "subtract_period", "zone_info"),
                    ".runtime.periods"),
    "BusinessCalendar": ".runtime.calendars",
    **dict.fromkeys(("Schedule", "WeeklyRange"), ".runtime.schedules"),
    **dict.fromkeys(("AvailabilityReport", "Combine", "ExclusionMode", "MinuteRate", "Missing",
                     "NoData", "Outage", "Probe", "Qualifying", "Requirement", "Sample",
                     "applying"), ".runtime.availability"),
    **dict.fromkeys(("RequestCount", "from_requests", "requests_from_columns"),
                    ".runtime.requests"),
    **dict.fromkeys(("error_rates_from_columns", "from_error_rates", "from_outages",
                     "from_probes", "outages_from_columns", "probes_from_columns"),
                    ".runtime.columns"),
    **dict.fromkeys(("Bound", "Outcome", "Tier", "TierResult", "TierTable", "cumulate",
                     "evaluate", "evaluate_report"), ".runtime.tiers"),
    **dict.fromkeys(("Cap", "CreditResult", "PerUnitCredit", "ProratedFees", "credit"),
                    ".runtime.formulas"),
    **dict.fromkeys(("due_business_days", "due_business_time", "due_elapsed", "due_period"),
                    ".runtime.deadlines"),
    "due_columns": ".runtime.batch_deadlines",
    **dict.fromkeys(("BackupLadder", "BackupTier", "RestorePoint"), ".runtime.retention"),
    **dict.fromkeys(("FixedTerm", "TenureNotice", "survival_end"), ".runtime.terms"),
    **dict.fromkeys(("indexed_price", "late_interest", "minimum_top_up", "surcharged_overage",
                     "time_fee", "to_cents"), ".runtime.money"),
    "Fraction": "fractions",
    **dict.fromkeys(("DowntimePattern", "Pattern", "PatternMatch", "first_match",
                     "report_history"), ".runtime.patterns"),
}


# Runtime types re-exported by every module that uses them (they appear in public signatures).
EXPORTED_TYPES = frozenset(name for name, where in IMPORTS.items()
                           if where.startswith(".runtime") and name[0].isupper()
                           and name not in ("Bound", "Tier", "Probe", "Qualifying", "Requirement",
                                            "WeeklyRange", "BackupTier"))


ALWAYS_IMPORTED = ("SlaInputError", "UnspecifiedError")


# Builtins of Python 3.10-3.13 (not the interactive ones `site` adds): a generated function must
# not hide one.
BUILTINS = frozenset({
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
    "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir",
    "divmod", "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr",
    "globals", "hasattr", "hash", "hex", "id", "input", "int", "isinstance", "issubclass",
    "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object",
    "oct", "open", "ord", "pow", "print", "property", "range", "repr", "reversed", "round",
    "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple",
    "type", "vars", "zip",
})


RESERVED = frozenset(IMPORTS) | BUILTINS | {"annotations"}


# Names every module defines (module.py.j2); an item never takes them.
MODULE_NAMES = ("CONTRACT_ID", "SOURCE_FILE", "ZONE", "HOLIDAY_YEARS", "_TZ")


class RenderError(ValueError):
    """The contract model holds something this backend cannot express (a compiler bug)."""


@cache
def ident(name: str) -> str:
    """A valid, non-clashing lower-case Python identifier for `name` (deterministic): leading
    underscores move to the end, and keywords, builtins and imported names get a trailing one."""
    result = "".join(c if c.isalnum() or c == "_" else "_" for c in name.lower())
    core = result.lstrip("_")
    if core[:1].isdigit():
        core = f"item_{core}"
    if core != result or keyword.iskeyword(core) or keyword.issoftkeyword(core) \
            or core in RESERVED:
        core = f"{core or 'item'}_"
        if keyword.iskeyword(core) or core in RESERVED:
            core += "_"
    return core


def const(name: str) -> str:
    """The module constant of an item: its name in upper case."""
    return ident(name).rstrip("_").upper() or "ITEM"


def camel(name: str) -> str:
    return "".join(part.capitalize() for part in ident(name).split("_") if part) or "Item"


def fn(item: str, suffix: str = "") -> str:
    """Name of an item's evaluator: `<item>_<suffix>` (or the item's name alone)."""
    return ident(f"{item}_{suffix}" if suffix else item)


def fee_fn(fee: str) -> str:
    return ident(f"{fee}_fee")


@dataclass(frozen=True)
class Names:
    """The name each item and fee of a contract goes by in its generated module.

    It is the item's own name, from which `fn`, `const` and `camel` derive its generated names,
    unless one of those names is already taken: by the module (`ZONE`, ...), or by an item or fee
    declared before it (`LITIGES_ACTIONS` of deadlines `litiges` for a window `litiges_actions`;
    `IMPORT` of `import` for `__import__`). Then all of the item's names derive from
    `<name>_<kind>` (`zone_window`: `ZONE_WINDOW`, `zone_window_contains`), or
    `<name>_<kind>_2`, `_3`, ...: the first of these whose names are all free. A fee's function
    `<fee>_fee` becomes `<money item>_<fee>_fee` the same way. Contracts without clashes keep
    the plain names.
    """

    items: dict[str, str]
    fees: dict[str, str]

    def item(self, name: str) -> str:
        return self.items[name]

    def const(self, item: str) -> str:
        return const(self.items[item])

    def fn(self, item: str, suffix: str = "") -> str:
        return fn(self.items[item], suffix)

    def fee(self, fee: str) -> str:
        return fee_fn(self.fees[fee])


# Characters never written as they are into generated code: controls (but tab and newline),
# bidirectional controls, zero-width and other invisible format characters, line and paragraph
# separators, the byte-order mark, lone surrogates and tags. Shown raw, they make the code read
# differently from what it does ("Trojan Source", CVE-2021-42574). An explicit list, so that the
# output does not depend on the Unicode version of the Python that builds it.
HIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                    r"\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]")


def show_hidden(text: str) -> str:
    """`text` with each HIDDEN character written as its escape (`\\u202e`): inside a string
    literal or a docstring Python reads it back as the character; in a comment it is shown."""
    return HIDDEN.sub(_hidden_escape, text)


def _hidden_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


@lru_cache(maxsize=16384)
def py_str(text: str) -> str:
    """A double-quoted Python string literal (valid Python; deterministic), HIDDEN characters
    escaped."""
    return show_hidden(json.dumps(text, ensure_ascii=False))


def py_long_str(text: str, indent: str) -> str:
    """A string literal that fits in WIDTH from `indent` (with a trailing comma): parenthesized
    implicit concatenation of pieces split at spaces when too long."""
    literal = py_str(text)
    if len(indent) + len(literal) + 1 <= WIDTH:
        return f"{indent}{literal},"
    room = WIDTH - len(indent) - 6
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(py_str(candidate + " ")) > room:
            pieces.append(current + " ")
            current = word
        else:
            current = candidate
    pieces.append(current)
    inner = "".join(f"{indent}    {py_str(piece)}\n" for piece in pieces)
    return f"{indent}(\n{inner}{indent}),"


def py_set(values: Sequence[str], indent: str = "") -> str:
    """A frozenset literal of sorted strings, one a line when long."""
    items = [py_str(v) for v in sorted(values)]
    if not items:
        return "frozenset()"
    line = "frozenset({" + ", ".join(items) + "})"
    if len(indent) + len(line) + 40 <= WIDTH:
        return line
    return "frozenset({\n" + "".join(f"{indent}    {item},\n" for item in items) + indent + "})"


def py_dec(value: Decimal) -> str:
    """A Decimal literal: `Decimal(98)` for whole numbers written so, else `Decimal("99.90")`."""
    text = format(value, "f")
    return f"Decimal({text})" if text.lstrip("-").isdigit() else f'Decimal("{text}")'


def py_date(d: date) -> str:
    return f"date({d.year}, {d.month}, {d.day})"


def num(value: Decimal) -> str:
    """A Decimal as the author wrote it, without exponent."""
    return format(value, "f")


def whole(duration: model.Duration) -> int:
    if duration.amount != duration.amount.to_integral_value():
        raise RenderError(f"a duration of {num(duration.amount)} {duration.unit} is not whole")
    return int(duration.amount)


def duration_text(d: model.Duration) -> str:
    unit = d.unit.replace("business_", "business ")
    return f"{num(d.amount)} {unit}{'' if d.amount == 1 else 's'}"


def timedelta_expr(d: model.Duration) -> str:
    """`timedelta(...)` for fixed durations and days/weeks (24-hour days)."""
    if d.unit in ("second", "minute", "hour", "day", "week"):
        return f"timedelta({d.unit}s={whole(d)})"
    if d.unit == "business_hour":
        return f"timedelta(hours={whole(d)})"
    raise RenderError(f"{duration_text(d)} is not an exact length of time")


def period_expr(d: model.Duration) -> str:
    if d.unit not in ("day", "week", "month", "year"):
        raise RenderError(f"{duration_text(d)} is not a calendar period")
    return f'Period({whole(d)}, "{d.unit}")'


def seconds_text(seconds: Decimal) -> str:
    """`5259.5` seconds as `1 h 27 min 39.5 s`."""
    hours, rest = divmod(seconds, 3600)
    minutes, rest = divmod(rest, 60)
    parts = [f"{int(hours)} h" if hours else "", f"{int(minutes)} min" if minutes else "",
             f"{num(rest.normalize())} s" if rest else ""]
    return " ".join(p for p in parts if p) or "0 s"


def money_text(m: model.Money) -> str:
    tax = {"excl": " excl. tax", "incl": " incl. tax", None: ""}[m.tax]
    return f"{num(m.amount)} {m.currency}{tax}"


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def wrap_call(func: str, args: Sequence[str], indent: str, end: str = "",
              comment: str = "") -> str:
    """`func(args)` on one line when it fits, else one argument a line (with a magic comma)."""
    note = f"  # {comment}" if comment else ""
    line = f"{indent}{func}({', '.join(args)}){end}"
    if len(line + note) <= WIDTH:
        return line + note
    inner = "".join(f"{indent}    {arg},\n" for arg in args)
    return f"{indent}{func}({note}\n{inner}{indent}){end}"


def force_text(force: model.Force) -> str:
    """`obligation of provider towards client (best efforts)`, `right of client`."""
    def who(party: str | model.Text) -> str:
        return party.en if isinstance(party, model.Text) else f"the {party}"
    text = f"{force.modality} of {who(force.party)}"
    if force.counterparty is not None:
        towards = " against " if force.modality == "right" else " towards "
        text += towards + who(force.counterparty)
    if isinstance(force.strength, str):
        text += f" ({force.strength})"
    elif force.strength is not None:
        text += " (strength left open by the contract)"
    return text


def docstring(summary: str, paragraphs: Sequence[str | Sequence[str]], indent: str = "    ") -> str:
    """A docstring: summary, then paragraphs (a string is wrapped; a list keeps its lines)."""
    width = WIDTH - len(indent)
    if not any(paragraphs) and len(indent) + len(_escape(summary)) + 6 <= WIDTH:
        return f'{indent}"""{_escape(summary)}"""'
    first, *rest = _wrap(summary, width - 3) or ("",)
    lines = [f'{indent}"""{first}', *(indent + line if line else "" for line in rest)]
    for paragraph in paragraphs:
        if not paragraph:
            continue
        lines.append("")
        if isinstance(paragraph, str):
            lines += _wrap(paragraph, width, "", indent)
        else:
            for line in paragraph:
                lines += _wrap(line, width, "    ", indent) or ("",)
    lines.append(f'{indent}"""')
    return "\n".join(lines)


_GLUE = (" %", "« ", " »")


@lru_cache(maxsize=8192)
def _wrap(text: str, width: int, subsequent: str = "", indent: str = "") -> tuple[str, ...]:
    """Wrap text for a docstring (escaped) in lines starting with `indent` (empty lines stay
    empty), never breaking before `%` or inside French quotes' spaces (cached: contracts repeat
    their paragraphs)."""
    return tuple(indent + line if line else "" for line in _fill(_escape(text), width, subsequent))


def _fill(text: str, width: int, subsequent: str = "") -> list[str]:
    """Wrap escaped text, never breaking before `%`, inside French quotes' spaces or inside an
    escape: a word longer than a line is cut between escapes."""
    if 0 < len(text) <= width and text.isprintable() and text.strip(" ") == text:
        return [text]  # what `_wrapped` gives a line that fits (no other whitespace)
    return list(_wrapped(text, width, subsequent))


@lru_cache(maxsize=4096)
def _wrapped(text: str, width: int, subsequent: str) -> tuple[str, ...]:
    """`_fill` by `textwrap` (cached: docstrings of a contract repeat their paragraphs)."""
    glued = text
    for index, pair in enumerate(_GLUE):
        glued = glued.replace(pair, pair.replace(" ", chr(1 + index)))
    lines = textwrap.wrap(glued, width, subsequent_indent=subsequent, break_on_hyphens=False,
                          break_long_words=False)
    lines = [piece for line in lines for piece in _cut(line, width, subsequent)]
    for index, _ in enumerate(_GLUE):
        lines = [line.replace(chr(1 + index), " ") for line in lines]
    return tuple(lines)


# One character of escaped text: an escape (`\\`, `\"`, `\u202e`, `\U000e0041`) or any other.
_ATOM = re.compile(r"\\(?:u[0-9a-f]{4}|U[0-9a-f]{8}|.)|.", re.DOTALL)


def _cut(line: str, width: int, indent: str) -> list[str]:
    """`line` (an indent and one word when too long) in lines of at most `width` characters,
    cut between escapes, never inside one (a backslash ending a line would join the lines);
    lines after the first start with `indent`."""
    if len(line) <= width:
        return [line]
    lead = line[:len(line) - len(line.lstrip(" "))]
    pieces: list[str] = []
    current = lead
    for atom in _ATOM.findall(line, len(lead)):
        if len(current) + len(atom) > width and current.strip():
            pieces.append(current)
            current = indent
        current += atom
    pieces.append(current)
    return pieces


def _escape(text: str) -> str:
    """Text for the inside of a docstring: backslashes doubled, `\"\"\"` and a final `"`
    escaped, HIDDEN characters as escapes (so that the docstring's value is still `text`)."""
    result = show_hidden(text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"'))
    return result[:-1] + '\\"' if result.endswith('"') else result


@dataclass
class Ctx:
    """What every item's code needs to know about its contract."""

    contract: model.Contract
    years: range
    names: Names

    def source(self, line: int) -> str:
        return f"Source: {self.contract.source_file}:{line}"

    def about(self, item: model.ItemBase, *, notes: bool = True) -> list[str]:
        """Clause ids and articles, bilingual label and notes of an item, as paragraphs."""
        result: list[str] = []
        if item.clauses:
            refs = ", ".join(f"{c.id} ({c.article})" for c in item.clauses)
            result.append(f"Clause{'s' if len(item.clauses) > 1 else ''} {refs}.")
        if item.label is not None:
            result.append(f"Label: « {item.label.fr} » (fr); “{item.label.en}” (en).")
        if item.force is not None:
            result.append(f"Legal force: {force_text(item.force)}.")
        for condition in item.conditions:
            result.append(f"Condition: {condition.en}")
        for reading in item.readings:
            result.append(f"Reading adopted (the contract is not explicit): {reading.en}")
        if notes:
            for note in item.notes:
                result.append(f"Note (fr): {note.fr}")
                result.append(f"Note (en): {note.en}")
        return result

    def doc(self, item: model.ItemBase, summary: str, *paragraphs: str | Sequence[str],
            indent: str = "    ", line: int | None = None) -> str:
        body = [*self.about(item), *paragraphs, self.source(line or item.line)]
        return docstring(summary, body, indent)


@dataclass(frozen=True)
class Analysis:
    """The names in a piece of generated code, read from one parse."""

    defined: tuple[str, ...]
    """Top-level names it defines (functions, classes and assignments), in order."""
    functions: tuple[str, ...]
    """Top-level functions and classes it defines, in order."""
    used: frozenset[str]
    """Every name (`ast.Name`) it reads, assigns or deletes, at any depth."""


def _analyse(code: str) -> Analysis:
    """The names in `code` (valid Python)."""
    tree = ast.parse(code)
    defined: list[str] = []
    functions: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            defined.append(node.name)
            functions.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            defined += [t.id for t in targets if isinstance(t, ast.Name)]
    return Analysis(tuple(defined), tuple(functions), _names_in(tree))


def _names_in(tree: ast.AST) -> frozenset[str]:
    """The ids of every `ast.Name` in `tree` (`ast.walk`, without its per-node generators)."""
    names: set[str] = set()
    stack: list[Any] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.AST):
            for field in node._fields:
                value = getattr(node, field)
                if isinstance(value, list):
                    stack += value
                else:
                    stack.append(value)
    return frozenset(names)


@dataclass
class Unit:
    """Top-level definitions of the generated module, rendered together."""

    name: str
    code: str

    @cached_property
    def analysis(self) -> Analysis:
        """The names in `code`, parsed on first use (once per shape, its numbers aside: see
        `_shape` and `_analysis_of_figures`)."""
        shape = _shape(self.code)
        found = _ANALYSES.get(shape)
        if found is None:
            found = _ANALYSES[shape] = _analysis_of_figures(shape, self.code)
        return found


# A comment, or a string literal from its opening quote (a prefix is just before it), as the one
# group of the pattern (`_shape` splits code by it).
_TOKEN = re.compile("(" + "|".join([
    r"#[^\n]*",
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""',
    r"'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''",
    r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"',
    r"'[^'\\\n]*(?:\\.[^'\\\n]*)*'",
]) + ")", re.DOTALL)

_ANALYSES: dict[str, Analysis] = {}
"""Analyses by shape (`_shape`)."""


def _shape(code: str) -> str:
    """`code` with each string literal written `""`, f-strings (whose fields hold names) and
    comments kept. Codes of one shape differ only in the text of their strings, so they define
    and use the same names; the units of most contracts differ only in their docstrings."""
    pieces = _TOKEN.split(code)   # code, token, code, token, ..., code
    for index in range(1, len(pieces), 2):
        # a string's prefix ends the code before it
        if pieces[index][0] != "#" and "f" not in pieces[index - 1][-2:].lower():
            pieces[index] = '""'
    return "".join(pieces)


# The digits of a number: a run of digits that does not continue a name (`_holidays_fr_2020`,
# nor one with other than ASCII letters).
_NUMBER = re.compile(r"[0-9](?<![\w\x80-\U0010ffff][0-9])[0-9]*")

_ANALYSES_BY_FIGURES: dict[str, Analysis] = {}
"""Analyses by shape with every number written 0 (`_analysis_of_figures`)."""


def _analysis_of_figures(shape: str, code: str) -> Analysis:
    """The names in `code` of this `shape`, parsed once for all the shapes that differ only in
    their numbers (outside strings, numbers are values, never names): the contracts of a build
    differ mostly in their figures, which a shape keeps."""
    figures = _NUMBER.sub("0", shape)
    found = _ANALYSES_BY_FIGURES.get(figures)
    if found is None:
        found = _ANALYSES_BY_FIGURES[figures] = _analyse(code)
    return found


@dataclass
class Env:
    """Jinja environment over the package's templates."""

    env: jinja2.Environment = field(default_factory=lambda: jinja2.Environment(
        loader=jinja2.FunctionLoader(_template), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False,
        bytecode_cache=caches.templates("python")))

    loaded: dict[str, jinja2.Template] = field(default_factory=dict)
    """Templates by name, loaded once."""

    def __post_init__(self) -> None:
        self.env.filters["py_str"] = py_str

    def render(self, template: str, /, **values: Any) -> str:
        return self.template(template).render(values).strip("\n")

    def template(self, name: str) -> jinja2.Template:
        """The template `name`, its globals in a plain dict: Jinja copies them at each render,
        a dict much faster than the ChainMap it loads them in."""
        found = self.loaded.get(name)
        if found is None:
            found = self.loaded[name] = self.env.get_template(name)
            found.globals = dict(found.globals)
        return found


def _template(name: str) -> str:
    return resources.files("slac.templates").joinpath(name).read_text(encoding="utf-8")


_ENV = Env()


def render_unit(template: str, unit_name: str, /, **values: Any) -> Unit:
    """A code unit from one of the package's templates."""
    return Unit(unit_name, _ENV.render(template, **values))


@functools.cache
def holiday_data(country: str | None, subdivision: str | None,
                 years: range) -> tuple[tuple[date, str], ...]:
    """Public holidays of a country (and subdivision) for `years`, from `holidays`, sorted by
    date; none without a country. Read once per build process for each place and years.

    Names are in the country's own default language (not the build machine's locale).
    """
    if country is None:
        return ()
    probe = holidays.country_holidays(country, subdiv=subdivision, years=years.start)
    data = holidays.country_holidays(country, subdiv=subdivision, years=list(years),
                                     language=probe.default_language)
    return tuple(sorted((day, str(name)) for day, name in data.items() if day.year in years))


def _holiday_place(country: str | None, subdivision: str | None) -> str:
    """"FR" or "FR, subdivision 57"."""
    return f"{country}" + (f", subdivision {subdivision}" if subdivision else "")


@cache
def holiday_table_source(country: str | None, subdivision: str | None, years: range) -> str:
    """Source of a holiday-table module (`holiday_table` in kinds/calendar.py): `HOLIDAYS`, the
    (date, name) pairs of one country, subdivision and span of years by date; rendered once per
    build."""
    place = _holiday_place(country, subdivision)
    doc = docstring(f"Public holidays of {place}, {years[0]}-{years[-1]}.", [
        ("Shared by the business calendars of this package that observe these holidays; a date "
         "outside these years is refused by the calendar (SlaInputError), never guessed."),
        (f"Data from the holidays library (version {metadata.version('holidays')}) at build "
         "time, with names in the country's own language."),
        "Generated by slac — do not edit."], indent="")
    entries = []
    for day, name in holiday_data(country, subdivision, years):
        line = f"    ({py_date(day)}, {py_str(name)}),"
        entries.append(line if len(line) <= WIDTH else
                       f"    (\n        {py_date(day)},\n{py_long_str(name, ' ' * 8)}\n    ),")
    return _ENV.render("py_holidays.j2", doc=doc, entries=entries,
                       first=years[0], last=years[-1]) + "\n"
