"""Python backend: one importable, typed, standard-library-only evaluator module per contract.

`render` turns a checked contract into `<module>.py`, plus the public-holiday tables its calendars
refer to (`_holidays_<country>[_<subdivision>]_<first>_<last>.py`, one per distinct country,
subdivision and years, shared by every calendar and module that needs it); `runtime_files` and
`package_files` give the rest of the generated package (`runtime/*.py` copied from
`slac.runtime`, and the `__init__.py` files). The generated modules import only the standard
library and the generated package. Characters that would make the code read differently from what
it does (bidirectional controls, invisible characters, controls) are written as escapes.

Each item's definitions come from its kind (`kinds.of(item).python`), under names its kind plans
before any code is written (`python_names`), so that no two items clash (`Names`); the names
generated for each kind are listed in docs/evaluators.md.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import cast

from .. import kinds, model
from ..kinds.calendar import Calendar, holiday_table, holiday_tables
from ..kinds.money import MoneyClause
from ..kinds.severities import Severities
from ..kinds.window import Window
from .pycode import (
    _ENV,
    ALWAYS_IMPORTED,
    EXPORTED_TYPES,
    HOLIDAY_YEARS,
    IMPORTS,
    MODULE_NAMES,
    WIDTH,
    Ctx,
    Names,
    RenderError,
    Unit,
    _analyse,
    _holiday_place,
    docstring,
    fee_fn,
    py_str,
)

# --------------------------------------------------------------------------- names


def names_of(contract: model.Contract) -> Names:
    """The names of the contract's items and fees in its generated module (see `Names`)."""
    taken = set(_module_names())
    if len(contract.of_type(Severities)) == 1:
        taken |= {"Level", "LEVELS"}
    items: dict[str, str] = {}
    fees: dict[str, str] = {}
    for item in contract.items:
        items[item.name] = _free(item.name, kinds.of(item).keyword, partial(planned, item), taken)
        if isinstance(item, MoneyClause):
            for fee in item.fees:
                fees[fee.name] = _free(fee.name, _stem(items[item.name]) + "_" + _stem(fee.name),
                                       lambda n: [fee_fn(n)], taken, alone=True)
    return Names(items, fees)


@cache
def _module_names() -> frozenset[str]:
    """The names a module has whatever its items: its own, its imports and its helpers."""
    return frozenset(MODULE_NAMES) | frozenset(IMPORTS) | frozenset(_helpers())


def _stem(name: str) -> str:
    """`name` in lower case without leading, trailing or doubled underscores."""
    return "_".join(part for part in name.lower().split("_") if part) or "item"


def _free(name: str, word: str, plan: Callable[[str], Iterable[str]], taken: set[str], *,
          alone: bool = False) -> str:
    """`name` if none of the names `plan` gives it is `taken`, else the first free one of
    `<stem>_<word>`, `<stem>_<word>_2`, ... (`word`, `word_2`, ... when `alone`); its names are
    then added to `taken`."""
    base = word if alone else f"{_stem(name)}_{word}"
    candidates = itertools.chain([name, base], (f"{base}_{n}" for n in itertools.count(2)))
    for candidate in candidates:
        wanted = set(plan(candidate))
        if not wanted & taken:
            taken |= wanted
            return candidate
    raise AssertionError("unreachable: the candidates never end")


def planned(item: model.Item, name: str) -> list[str]:
    """Every top-level name the code of `item` may define when it goes by `name` (its fees
    aside): a superset of the names `_units` gives it, known before any code is rendered."""
    return kinds.of(item).python_names(item, name)


def evaluator_names(contract: model.Contract) -> dict[str, list[str]]:
    """Public functions of the generated module, by item name, in order (for docs)."""
    names = names_of(contract)
    return {item.name: [n for u in _units(contract, item, names)
                        for n in u.analysis.functions if not n.startswith("_")]
            for item in contract.items}


# --------------------------------------------------------------------------- literals


# --------------------------------------------------------------------------- docstrings


# --------------------------------------------------------------------------- code units


def _units(contract: model.Contract, item: model.Item, names: Names,
           years: range = HOLIDAY_YEARS) -> list[Unit]:
    return kinds.of(item).python(Ctx(contract, years, names), item)


# --------------------------------------------------------------------------- calendars


# --------------------------------------------------------------------------- windows


# --------------------------------------------------------------------------- severities


# --------------------------------------------------------------------------- availability


# --------------------------------------------------------------------------- tiers


# --------------------------------------------------------------------------- deadlines


# --------------------------------------------------------------------------- retention


# --------------------------------------------------------------------------- terms


# --------------------------------------------------------------------------- money


# --------------------------------------------------------------------------- assembly

KIND_ORDER = (Calendar, Severities, Window)


def _ordered(contract: model.Contract) -> list[model.Item]:
    """Calendars, severities and windows first (other constants refer to them), then the rest
    in source order."""
    first = [i for kind in KIND_ORDER for i in contract.items if isinstance(i, kind)]
    return first + [i for i in contract.items if not isinstance(i, KIND_ORDER)]


@cache
def _helpers() -> dict[str, str]:
    """The private helpers a module may need, by name, from the helpers template (read once)."""
    text = _ENV.render("py_helpers.j2")
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    result: dict[str, str] = {}
    for node in tree.body:   # top-level statements: from the start of their first line
        end = cast(int, node.end_lineno)
        segment = "".join(lines[node.lineno - 1:end - 1]) + \
            lines[end - 1].encode()[:node.end_col_offset].decode()
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            result[node.name] = segment
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            result[node.targets[0].id] = segment
    return result


@cache
def _helpers_used() -> dict[str, frozenset[str]]:
    """The names each private helper uses, by helper (parsed once)."""
    return {name: _analyse(code).used for name, code in _helpers().items()}


def render(contract: model.Contract, years: range) -> dict[str, str]:
    """The evaluator module of one contract and the holiday tables of its calendars:
    `{"<module>.py": source, "_holidays_fr_2020_2040.py": table, ...}`; deterministic.

    A table depends only on its file name, so those of several contracts merge into one."""
    if len(years) == 0 or years.step != 1:
        raise RenderError(f"holiday years must be a non-empty range with step 1, got {years!r}")
    code_units: list[Unit] = []
    index: list[str] = []
    item_names = names_of(contract)
    for item in _ordered(contract):
        units = _units(contract, item, item_names, years)
        code_units += units
        _check_planned(contract, item, item_names, units)
        names = [n for u in units for n in u.analysis.functions if not n.startswith("_")]
        if names:
            what = item.label.en if item.label else item.name
            refs = ", ".join(dict.fromkeys(c.id for c in item.clauses))
            index.append(f"- {what}" + (f" ({refs})" if refs else "") + ": "
                         + ", ".join(names))
    sections = [u for u in code_units if u.code]
    body = "\n\n\n".join(u.code for u in sections)
    defined = [n for u in sections for n in u.analysis.defined]
    helpers = _helpers()
    duplicates = sorted({n for n, count in Counter(defined).items() if count > 1}
                        | (set(defined) & _module_names()))
    if duplicates:
        raise RenderError(f"contract {contract.id}: generated names clash: {', '.join(duplicates)}")
    used = {"zone_info"}.union(*(u.analysis.used for u in sections))
    chosen: list[str] = []
    pending = sorted(used & set(helpers))
    while pending:
        name = pending.pop()
        if name in chosen:
            continue
        chosen.append(name)
        inner = _helpers_used()[name]
        used |= inner
        pending += sorted((inner & set(helpers)) - set(chosen))
    order = list(helpers)
    helper_code = "\n\n\n".join(helpers[n] for n in order if n in chosen)
    tables = holiday_tables([contract], years)
    imported = sorted((used & set(IMPORTS)) | set(ALWAYS_IMPORTED))
    public = sorted({n for n in defined if not n.startswith("_")}
                    | ({n for n in imported if n in EXPORTED_TYPES} | set(ALWAYS_IMPORTED)),
                    key=_isort_key)
    stdlib: dict[str, list[str]] = {}
    local: dict[str, list[str]] = {}
    for name in imported:
        where = IMPORTS[name]
        (local if where.startswith(".") else stdlib).setdefault(where, []).append(name)
    if tables:
        local["."] = sorted(tables, key=_natural)
    text = _ENV.render(
        "module.py.j2", contract=contract,
        module_doc=_module_doc(contract, years, index, sorted(tables)),
        stdlib=[_import_line(m, names) for m, names in sorted(stdlib.items())],
        local=[_import_line(m, names) for m, names in sorted(local.items())],
        public=public, zone=py_str(contract.zone), contract_id=py_str(contract.id),
        source_file=py_str(contract.source_file), first=years[0], last=years[-1],
        helpers=helper_code, body=body)
    files = {f"{contract.module}.py": text.rstrip("\n") + "\n"}
    for name in sorted(tables):
        files[f"{name}.py"] = holiday_table(tables[name], years)
    return files


def _check_planned(contract: model.Contract, item: model.Item, names: Names,
                   units: list[Unit]) -> None:
    """RenderError unless every top-level name of the item's code is one `names_of` reserved
    for it (`planned`, and its fees' functions): otherwise two items could still clash."""
    allowed = set(planned(item, names.item(item.name)))
    if isinstance(item, Severities) and len(contract.of_type(Severities)) == 1:
        allowed |= {"Level", "LEVELS"}
    if isinstance(item, MoneyClause):
        allowed |= {names.fee(fee.name) for fee in item.fees}
    stray = [n for u in units for n in u.analysis.defined if n not in allowed]
    if stray:
        raise RenderError(f"contract {contract.id}: names of {item.name} not planned: "
                          + ", ".join(stray))


@cache
def _isort_key(name: str) -> tuple[int, tuple[str | int, ...]]:
    """Constants (upper case, two characters or more), then classes and type aliases, then
    functions; each in natural order (how ruff sorts `__all__`)."""
    if name.isupper() and len(name) > 1:
        return 0, _natural(name)
    return (1 if name[0].isupper() else 2), _natural(name)


def _natural(name: str) -> tuple[str | int, ...]:
    """Sort key comparing runs of digits as numbers, as ruff sorts imported names (57 < 2020)."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def _import_line(module: str, names: list[str]) -> str:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= WIDTH:
        return line
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"


def _module_doc(contract: model.Contract, years: range, index: list[str],
                tables: list[str]) -> str:
    shared = f", in {', '.join(tables)}" if tables else ""
    header = [
        f"Provider: {contract.provider.name.en}",
        f"Client: {contract.client.name.en}",
        *(f"Source document: {d.title}, "
          + ("undated" if d.dated is None else
             f"{'in force from' if d.effective else 'dated'} {d.dated.isoformat()}")
          for d in contract.sources),
        f"Time zone: {contract.zone} (months, days and wall-clock times are read there)",
        (f"Public holidays: {years[0]}-{years[-1]} (from the holidays library at build "
         f"time{shared})"),
    ]
    undecided = [f"- {u.what}" for u in contract.unspecified]
    paragraphs: list[str | list[str]] = [header]
    paragraphs.append(["Evaluators, by item:", *index])
    if undecided:
        paragraphs.append([("Left undecided by the contract (evaluators take the caller's "
                            "decision as an argument, or raise UnspecifiedError):"), *undecided])
    paragraphs.append("Bad inputs raise SlaInputError, naming the bad value.")
    paragraphs.append(f"Generated by slac from {contract.source_file} — do not edit.")
    return docstring(f"{contract.title.fr}.", paragraphs, indent="")


def runtime_files() -> dict[str, str]:
    """`runtime/<name>.py` for every module of `slac.runtime` (not its `__init__.py`)."""
    folder = resources.files("slac.runtime")
    files: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py") and entry.name != "__init__.py" and entry.is_file():
            files[f"runtime/{entry.name}"] = entry.read_text(encoding="utf-8")
    return files


@dataclass(frozen=True)
class Listing:
    """What the package's `__init__.py` says of one contract: its module, French title and
    source, and the holiday tables its calendars read, as (table, country, subdivision)."""

    id: str
    module: str
    title: str
    source_file: str
    tables: tuple[tuple[str, str | None, str | None], ...]


def listing(contract: model.Contract, years: range = HOLIDAY_YEARS) -> Listing:
    """The contract's line of the package index."""
    tables = holiday_tables([contract], years)
    return Listing(contract.id, contract.module, contract.title.fr, contract.source_file,
                   tuple((name, c.holiday_country, c.holiday_subdivision)
                         for name, c in sorted(tables.items())))


def package_files(contracts: Iterable[model.Contract | Listing],
                  years: range = HOLIDAY_YEARS) -> dict[str, str]:
    """`__init__.py` of the generated package (listing its modules and the holiday tables that
    `render` writes for these `years`) and of its runtime."""
    listed = sorted((c if isinstance(c, Listing) else listing(c, years) for c in contracts),
                    key=lambda c: c.module)
    modules = [f"- {c.module}: {c.title} ({c.source_file})" for c in listed]
    places: dict[str, str] = {}
    for entry in listed:
        for name, country, subdivision in entry.tables:
            places.setdefault(name, _holiday_place(country, subdivision))
    tables = [f"- {name}: {place}, {years[0]}-{years[-1]}"
              for name, place in sorted(places.items())]
    package = docstring("Service-level evaluators generated by slac; do not edit.", [
        ["Modules (one per contract):", *modules],
        ["Holiday tables (one per country, subdivision and years):", *tables] if tables else "",
        "Each module imports only the standard library, `runtime` and the holiday tables."],
        indent="") + "\n"
    runtime = ('"""Runtime of the generated evaluators, copied from slac: standard library only; '
               'do not edit."""\n')
    return {"__init__.py": package, "runtime/__init__.py": runtime}
