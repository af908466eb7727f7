"""Paths → checked contracts and diagnostics: reads, parses and checks each file, never raises."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import ast, model
from .check import check
from .diagnostics import Diagnostic
from .parse import ParseFailure, decode, parse


@dataclass
class Compiled:
    """What checking a set of files produced: the contracts that parsed, and every diagnostic."""

    contracts: list[model.Contract] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)


def source_files(paths: list[Path]) -> list[Path]:
    """The .sla files named, or found under the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.sla")) if path.is_dir() else [path])
    return found


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


def compile_file(path: Path) -> Checked:
    """Read, parse and check one file."""
    name = path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        span = ast.Span(name, 1, 1, 1, 2)
        reason = exc.strerror or str(exc)
        return Checked(name, None, [Diagnostic("unreadable-file", span, {"reason": reason})], None)
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
        if contract is None:
            continue
        if contract.id in owners:
            span = ast.Span(one.file, 1, 1, 1, 2)
            result.diagnostics.append(Diagnostic("duplicate-contract", span,
                                                 {"id": contract.id, "other": owners[contract.id]}))
            continue
        owners[contract.id] = one.file
        result.contracts.append(contract)
    return result


def compile_paths(paths: list[Path]) -> Compiled:
    """Check every file; duplicate contract ids across files are errors."""
    return gather(compile_file(path) for path in source_files(paths))
