"""Paths → checked contracts and diagnostics: reads, parses and checks each file, never raises."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import ast, model
from .check import check
from .diagnostics import Diagnostic
from .parse import ParseFailure, decode, parse
from .sources import SOURCE_ENTRY_CODES, read_sources


@dataclass
class Compiled:
    """What checking a set of files produced: the contracts that parsed, and every diagnostic."""

    contracts: list[model.Contract] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)

    @property
    def unreadable(self) -> bool:
        """Whether a source could not be read (an I/O problem, exit 2)."""
        return any(d.code in SOURCE_ENTRY_CODES for d in self.diagnostics)


def compile_text(data: bytes, file: str) -> tuple[model.Contract | None, list[Diagnostic], str]:
    """One file's bytes → (contract or None, diagnostics, decoded text)."""
    try:
        text = decode(data, file)
        module = parse(text, file)
    except ParseFailure as failure:
        return None, [failure.diagnostic], data.decode("utf-8", "replace")
    contract, diagnostics = check(module)
    return contract, diagnostics, text


@dataclass
class Checked:
    """One file checked: its contract (None if it did not parse or check), its diagnostics
    and its text (None if it could not be read)."""

    file: str
    contract: model.Contract | None
    diagnostics: list[Diagnostic]
    text: str | None
    reused_id: str | None = None
    """The id of the contract of a file taken unchanged from the previous build (not checked
    again: its contract is None, its diagnostics are those of then)."""


def compile_source(name: str, data: bytes | Diagnostic) -> Checked:
    """Parse and check one file's bytes (or keep why they could not be read)."""
    if isinstance(data, Diagnostic):
        return Checked(name, None, [data], None)
    contract, diagnostics, text = compile_text(data, name)
    return Checked(name, contract, diagnostics, text)


def gather(checked: Iterable[Checked]) -> Compiled:
    """The files checked, in order, into one result; duplicate contract ids across files are
    errors (the first file keeps the id)."""
    result = Compiled()
    owners: dict[str, str] = {}
    for one in checked:
        if one.text is not None:
            result.sources[one.file] = one.text
        result.diagnostics.extend(one.diagnostics)
        contract = one.contract
        ident = contract.id if contract else one.reused_id
        if ident is None:
            continue
        if ident in owners:
            span = ast.Span(one.file, 1, 1, 1, 2)
            result.diagnostics.append(Diagnostic("duplicate-contract", span,
                                                 {"id": ident, "other": owners[ident]}))
            continue
        owners[ident] = one.file
        if contract:
            result.contracts.append(contract)
    return result


def compile_paths(paths: list[Path]) -> Compiled:
    """Check every file (once, however often it is named); duplicate contract ids across files
    are errors."""
    return gather(compile_source(name, data) for name, data in read_sources(paths).items())
