"""Syntax tree (ast.Module) → checked contract model (model.Contract) plus every diagnostic
found."""

from __future__ import annotations

import keyword
import re
from dataclasses import replace
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from . import ast, kinds, model
from .checking import Checker, bilingual, known_zones
from .diagnostics import Diagnostic

RESERVED_IDS = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                *(f"lpt{i}" for i in range(10)), "runtime", "init"}
HEADER_EXAMPLES = {
    "title": 'title "…"', "provider": 'provider "…"', "client": 'client "…"',
    "source": 'source "…" dated 2024-03-19', "time_zone": 'time zone "Europe/Paris"',
    "languages": "languages fr, en", "currency": "currency EUR",
}


class ContractChecker(Checker):
    """Checks one module: its header, then each block through its kind."""

    def run(self) -> model.Contract:
        header = self.header()
        lines: dict[str, int] = {}   # by lower-case name: the generated code is named in lower case
        for block in self.module.blocks:
            key = block.name.value.lower()
            if key in lines:
                self.report("duplicate-name", block.name.span, name=block.name.value,
                            line=lines[key])
            else:
                lines[key] = block.span.line
                self.blocks[block.name.value] = block
        self.zone = ZoneInfo(header["zone"])
        self.currency = header["currency"]
        items = [self.item(block) for block in self.module.blocks]
        return model.Contract(items=tuple(items), unspecified=tuple(self.unspecified), **header)

    def header(self) -> dict[str, Any]:
        cid = self.module.contract_id
        seen: dict[str, ast.Statement] = {}
        for stmt in self.module.header:
            if stmt.rule in seen:
                self.report("duplicate-statement", stmt.span, what=stmt.as_written())
            seen[stmt.rule] = stmt
        for field, example in HEADER_EXAMPLES.items():
            if field not in seen:
                self.report("missing-header", cid.span, field=field.replace("_", " "),
                            example=example)
        if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", cid.value) or len(cid.value) > 64 \
                or cid.value in RESERVED_IDS or keyword.iskeyword(cid.value.replace("-", "_")):
            self.report("bad-contract-id", cid.span, id=cid.value[:80])

        def text(rule: str) -> str:
            stmt = seen.get(rule)
            if isinstance(stmt, ast.HeaderText):
                return stmt.value.value
            return stmt.document.value if isinstance(stmt, ast.Source) else ""

        zone = text("time_zone") or "Europe/Paris"
        zone_stmt = seen.get("time_zone")
        if isinstance(zone_stmt, ast.TimeZone) and zone not in known_zones():
            self.report("unknown-time-zone", zone_stmt.value.span, zone=zone)
            zone = "Europe/Paris"
        languages: list[str] = []
        languages_stmt = seen.get("languages")
        for name in languages_stmt.names if isinstance(languages_stmt, ast.Languages) else ():
            if name.value not in ("fr", "en"):
                self.report("unknown-language", name.span, lang=name.value)
            languages.append(name.value)
        source = seen.get("source")
        dated = self.date(source.dated) if isinstance(source, ast.Source) else date(2000, 1, 1)
        currency_stmt = seen.get("currency")
        currency = currency_stmt.code.value if isinstance(currency_stmt, ast.Currency) else "EUR"
        return {
            "id": cid.value, "module": re.sub(r"[^a-z0-9_]", "_", cid.value.replace("-", "_")),
            "source_file": self.module.file, "title": text("title"), "provider": text("provider"),
            "client": text("client"), "document": text("source"), "dated": dated, "zone": zone,
            "languages": tuple(languages), "currency": currency,
        }

    def item(self, block: ast.Block) -> model.Item:
        """The block's item, checked by its kind; the statements every block may hold (clause,
        label, note) are read here."""
        clauses = tuple(model.ClauseRef(s.id.value, s.article.value, s.span.line)
                        for s in block.body if isinstance(s, ast.ClauseRef))
        labels = [s for s in block.body if isinstance(s, ast.Label)]
        for extra in labels[1:]:
            self.report("duplicate-statement", extra.span, what="label")
        label = bilingual(labels[0]) if labels else None
        notes = tuple(bilingual(s) for s in block.body if isinstance(s, ast.Note))
        kind = kinds.by_keyword(block.kind)
        assert kind is not None, f"the grammar's block {block.kind} has no kind"
        if not clauses and kind.cites_clauses:
            self.report("missing-clause", block.name.span, kind=self.names[block.kind].the(),
                        name=block.name.value)
        base = model.ItemFields(name=block.name.value, line=block.span.line, clauses=clauses,
                                label=label, notes=notes)
        body = [s for s in block.body if not isinstance(s, (ast.ClauseRef, ast.Label, ast.Note))]
        item: model.Item = kind.check(self, replace(block, body=tuple(body)), base)
        return item


def check(module: ast.Module) -> tuple[model.Contract, list[Diagnostic]]:
    """Check a parsed module: the contract model and all diagnostics, sorted by position."""
    checker = ContractChecker(module, kinds.NAMES)
    contract = checker.run()
    unique = {(d.code, d.span, tuple(sorted(d.args.items(), key=str))): d
              for d in checker.diagnostics}
    return contract, sorted(unique.values(), key=Diagnostic.sort_key)


