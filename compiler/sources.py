"""Source files: the .sla files found under the paths given, each read whole or refused, and
named as the generated files name it. Kept apart from parsing and checking, so that a no-op
build reads its sources without loading the compiler."""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diagnostics import Diagnostic

FILE_BYTES = 4 * 1024 * 1024
"""The size of a source file, in bytes (`checking.LIMITS.file_bytes`)."""


def source_files(paths: list[Path]) -> list[Path]:
    """The .sla files named, or found under the folders named, in a stable order. A folder
    named like a source (`x.sla`) is a source entry, which reading refuses."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.sla")) if path.is_dir() and path.suffix != ".sla"
                     else [path])
    return found


def read_sources(paths: list[Path]) -> dict[str, bytes | Diagnostic]:
    """Every source file under `paths` (`source_files`), by its path as given: its bytes, or
    why it is refused (`read_source`)."""
    return {path.as_posix(): read_source(path) for path in source_files(paths)}


def source_path(file: str) -> str:
    """The source as generated files name it, whatever way its path was typed: relative to the
    current directory (`contracts/teogest.sla` for `contracts/teogest.sla` and for
    `/work/repo/contracts/teogest.sla` run from `/work/repo`)."""
    return _source_path(file, os.getcwd())


@functools.lru_cache(maxsize=8192)
def _source_path(file: str, cwd: str) -> str:
    path = Path(file)
    if not path.is_absolute():
        return PurePosixPath(os.path.normpath(file)).as_posix()
    try:
        return Path(os.path.relpath(path, cwd)).as_posix()
    except ValueError:    # another drive (Windows): no relative form exists
        return path.as_posix()


SOURCE_ENTRY_CODES = frozenset({"unreadable-file", "not-a-file", "too-large-file"})
"""What `read_source` reports: I/O problems (exit 2), not errors of a contract."""


def read_source(path: Path) -> bytes | Diagnostic:
    """The bytes of a source file, or why it is refused: anything but a regular file (a folder,
    a FIFO, a device, a symlink to one) or a file over FILE_BYTES is refused without being
    read. The file is examined (stat) first, then opened without blocking and read up to the
    limit plus one byte, so a file that grows meanwhile is refused too."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return _refused(path, "not-a-file", what=_what(info.st_mode))
        if info.st_size > FILE_BYTES:
            return _refused(path, "too-large-file", limit="limit.file")
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):   # replaced since the stat
                return _refused(path, "not-a-file", what="file.other")
            chunks: list[bytes] = []
            left = FILE_BYTES + 1
            while left > 0:
                chunk = os.read(handle, min(left, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(handle)
    except OSError as exc:
        return _refused(path, "unreadable-file", reason=exc.strerror or str(exc))
    data = b"".join(chunks)
    return _refused(path, "too-large-file", limit="limit.file") if len(data) > FILE_BYTES \
        else data


def _refused(path: Path, code: str, **args: str) -> Diagnostic:
    """The diagnostic refusing a source entry, at its line 1; `what` and `limit` name phrases.
    The diagnostics and their messages are loaded here only, out of the no-op build's way."""
    from .ast import Span
    from .diagnostics import Diagnostic
    from .messages import phrase

    words: dict[str, object] = dict(args)
    if "what" in args:
        words["what"] = phrase(args["what"])
    if "limit" in args:
        words["limit"] = phrase(args["limit"], count=FILE_BYTES)
    return Diagnostic(code, Span(path.as_posix(), 1, 1, 1, 2), words)


def _what(mode: int) -> str:
    """The phrase naming what a non-regular file is."""
    for test, key in ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "fifo"),
                      (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
                      (stat.S_ISSOCK, "socket")):
        if test(mode):
            return f"file.{key}"
    return "file.other"
