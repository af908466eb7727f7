"""Syntax tree (ast.Module) → checked contract model (model.Contract) plus every diagnostic
found."""

from __future__ import annotations

import keyword
import re
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from . import ast, conflicts, kinds, model
from .checking import LIMITS, Checker, as_text, known_zones
from .diagnostics import Diagnostic
from .kinds.base import Kind
from .messages import phrase
from .sources import source_path

RESERVED_IDS = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                *(f"lpt{i}" for i in range(10)), "runtime", "init"}
HEADER_EXAMPLES = {
    "title": 'title "…"', "provider": 'provider "…"', "client": 'client "…"',
    "source": 'source "…" dated 2024-03-19 (or dated unspecified, effective 2024-03-19)',
    "time_zone": 'time zone "Europe/Paris"',
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
        self.languages = header["languages"]
        if self.too_large():   # checked no further: time and memory stay bounded
            return model.Contract(items=(), unspecified=(), conflicts=(), **header)
        items = [self.item(block) for block in self.module.blocks]
        conflicts.check(self, items)
        return model.Contract(items=tuple(items), unspecified=tuple(self.unspecified),
                              conflicts=tuple(self.conflicts), **header)

    def too_large(self) -> bool:
        """Whether the contract has more items, or a block more statements, than LIMITS."""
        blocks = self.module.blocks
        if len(blocks) > LIMITS.items:
            self.report("too-large", blocks[LIMITS.items].span,
                        limit=phrase("limit.items", count=LIMITS.items))
        for body in [self.module.header, *(block.body for block in blocks)]:
            if len(body) > LIMITS.statements:
                self.report("too-large", body[LIMITS.statements].span,
                            limit=phrase("limit.statements", count=LIMITS.statements))
        return any(d.code == "too-large" for d in self.diagnostics)

    def header(self) -> dict[str, Any]:
        cid = self.module.contract_id
        seen: dict[str, ast.Statement] = {}
        for stmt in self.module.header:
            if stmt.rule in seen and stmt.rule != "source":   # a contract may have several
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
            return stmt.value.value if isinstance(stmt, ast.HeaderText) else ""

        zone = text("time_zone") or "Europe/Paris"
        zone_stmt = seen.get("time_zone")
        if isinstance(zone_stmt, ast.TimeZone) and zone not in known_zones():
            self.report("unknown-time-zone", zone_stmt.value.span, zone=zone)
            zone = "Europe/Paris"
        languages = self.languages = self.languages_of(seen.get("languages"))
        sources = [self.source(stmt) for stmt in self.module.header
                   if isinstance(stmt, ast.Source)]
        currency_stmt = seen.get("currency")
        currency = currency_stmt.code.value if isinstance(currency_stmt, ast.Currency) else "EUR"
        return {
            "id": cid.value, "module": re.sub(r"[^a-z0-9_]", "_", cid.value.replace("-", "_")),
            "source_file": source_path(self.module.file), "title": self.title(seen.get("title")),
            "provider": self.party(seen.get("provider")),
            "client": self.party(seen.get("client")),
            "sources": tuple(sources), "zone": zone, "languages": languages, "currency": currency,
        }

    def languages_of(self, stmt: ast.Statement | None) -> tuple[str, ...]:
        """The contract's languages (both when it does not say)."""
        names = stmt.names if isinstance(stmt, ast.Languages) else ()
        for name in names:
            if name.value not in ("fr", "en"):
                self.report("unknown-language", name.span, lang=name.value)
        return tuple(name.value for name in names) or ("fr", "en")

    def title(self, stmt: ast.Statement | None) -> model.Text:
        """The contract's title, in each of its languages; one title, often a document's own
        name, may serve both."""
        return (as_text(stmt.text, self.languages) if isinstance(stmt, ast.Title)
                else model.Text("", ""))

    def party(self, stmt: ast.Statement | None) -> model.Party:
        """The provider or the client as the header gives it: a name, or a role."""
        if not isinstance(stmt, ast.HeaderParty):
            return model.Party(model.Text("", ""), named=True)
        if isinstance(stmt.party, ast.PartyRole):
            return model.Party(self.text(stmt.party.text), named=False)
        name = stmt.party.name.value
        return model.Party(model.Text(name, name), named=True)

    def source(self, stmt: ast.Source) -> model.SourceDocument:
        """A source document, its date as written (None where the document bears none)."""
        value = stmt.date.value
        dated = self.date(value) if isinstance(value, ast.DateLit) else None
        return model.SourceDocument(stmt.document.value, dated,
                                    effective=isinstance(stmt.date, ast.Effective))

    def item(self, block: ast.Block) -> model.Item:
        """The block's item, checked by its kind; the statements every block may hold (clause,
        label, note) are read here."""
        clauses = tuple(model.ClauseRef(s.id.value, s.article.value, s.span.line)
                        for s in block.body if isinstance(s, ast.ClauseRef))
        labels = [s for s in block.body if isinstance(s, ast.Label)]
        for extra in labels[1:]:
            self.report("duplicate-statement", extra.span, what="label")
        label = self.text(labels[0].text) if labels else None
        notes = tuple(self.text(s.text) for s in block.body if isinstance(s, ast.Note))
        readings = tuple(self.text(s.text) for s in block.body if isinstance(s, ast.Reading))
        kind = kinds.by_keyword(block.kind)
        assert kind is not None, f"the grammar's block {block.kind} has no kind"
        if not clauses and kind.cites_clauses:
            self.report("missing-clause", block.name.span, kind=self.names[block.kind].the(),
                        name=block.name.value)
        force, conditions, formalities, via = self.force_of(block, kind)
        base = model.ItemFields(name=block.name.value, line=block.span.line, clauses=clauses,
                                label=label, notes=notes, readings=readings, force=force,
                                conditions=conditions, formalities=formalities, via=via)
        body = [s for s in block.body if not isinstance(s, SHARED_PARTS)]
        item: model.Item = kind.check(self, replace(block, body=tuple(body)), base)
        return item


    def force_of(self, block: ast.Block, kind: Kind[Any]) -> tuple[
            model.Force | None, tuple[model.Text, ...], tuple[model.Text, ...], str | None]:
        """The item's legal force, conditions, formalities and contact, where its kind has
        them; a kind that binds no one refuses them, one that must say it is reminded."""
        parts = [s for s in block.body if isinstance(s, FORCE_PARTS)]
        if kind.legal_force == "none":
            for stmt in parts:
                self.report("force-not-applicable", stmt.span, kind=self.names[block.kind].the(),
                            what=stmt.as_written())
            parts = []
        forces = [s for s in parts if isinstance(s, ast.Force)]
        for force in forces[1:]:
            self.report("duplicate-statement", force.span, what=force.as_written())
        if not forces and kind.legal_force == "decide":
            self.report("force-undecided", block.name.span, kind=self.names[block.kind].the(),
                        name=block.name.value)
        vias = [s for s in parts if isinstance(s, ast.Via)]
        for extra in vias[1:]:
            self.report("duplicate-statement", extra.span, what="via")
        return (self.force(forces[0], block.name.value) if forces else None,
                tuple(self.text(s.text) for s in parts if isinstance(s, ast.Condition)),
                tuple(self.text(s.text) for s in parts if isinstance(s, ast.Formality)),
                self.reference(vias[0].contact, "contact") if vias else None)


FORCE_PARTS = (ast.Force, ast.Condition, ast.Formality, ast.Via)
SHARED_PARTS = (ast.ClauseRef, ast.Label, ast.Note, ast.Reading, *FORCE_PARTS)


def check(module: ast.Module) -> tuple[model.Contract, list[Diagnostic]]:
    """Check a parsed module: the contract model and all diagnostics, sorted by position."""
    checker = ContractChecker(module, kinds.NAMES)
    contract = checker.run()
    unique = {(d.code, d.span, tuple(sorted(d.args.items(), key=str))): d
              for d in checker.diagnostics}
    return contract, sorted(unique.values(), key=Diagnostic.sort_key)


