"""Paths → checked contracts and diagnostics: reads, parses and checks each file, never raises."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import ast, model
from .check import check
from .checking import LIMITS
from .diagnostics import Diagnostic
from .messages import phrase
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

    @property
    def unreadable(self) -> bool:
        """Whether a source could not be read (an I/O problem, exit 2)."""
        return any(d.code in SOURCE_ENTRY_CODES for d in self.diagnostics)


def source_files(paths: list[Path]) -> list[Path]:
    """The .sla files named, or found under the folders named, in a stable order. A folder
    named like a source (`x.sla`) is a source entry, which reading refuses."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.sla")) if path.is_dir() and path.suffix != ".sla"
                     else [path])
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


SOURCE_ENTRY_CODES = frozenset({"unreadable-file", "not-a-file", "too-large-file"})
"""What `read_source` reports: I/O problems (exit 2), not errors of a contract."""


def read_source(path: Path) -> bytes | Diagnostic:
    """The bytes of a source file, or why it is refused: anything but a regular file (a folder,
    a FIFO, a device, a symlink to one) or a file over LIMITS.file_bytes is refused without
    being read. The file is examined (stat) first, then opened without blocking and read up to
    the limit plus one byte, so a file that grows meanwhile is refused too."""
    span = ast.Span(path.as_posix(), 1, 1, 1, 2)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return Diagnostic("not-a-file", span, {"what": _what(info.st_mode)})
        if info.st_size > LIMITS.file_bytes:
            return _too_large(span)
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):   # replaced since the stat
                return Diagnostic("not-a-file", span, {"what": phrase("file.other")})
            chunks: list[bytes] = []
            left = LIMITS.file_bytes + 1
            while left > 0:
                chunk = os.read(handle, min(left, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(handle)
    except OSError as exc:
        return Diagnostic("unreadable-file", span, {"reason": exc.strerror or str(exc)})
    data = b"".join(chunks)
    return _too_large(span) if len(data) > LIMITS.file_bytes else data


def _too_large(span: ast.Span) -> Diagnostic:
    return Diagnostic("too-large-file", span,
                      {"limit": phrase("limit.file", count=LIMITS.file_bytes)})


def _what(mode: int) -> object:
    for test, key in ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "fifo"),
                      (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
                      (stat.S_ISSOCK, "socket")):
        if test(mode):
            return phrase(f"file.{key}")
    return phrase("file.other")


def compile_file(path: Path) -> Checked:
    """Read, parse and check one file."""
    name = path.as_posix()
    data = read_source(path)
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
