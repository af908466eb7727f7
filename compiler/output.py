"""The output folder: the hashes that tell whether it is up to date, its stamp, and writing it
atomically. Kept apart from the backends, so that a no-op build does not load them."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from importlib import metadata, resources
from pathlib import Path

from . import __version__
from .sources import source_path

STAMP = ".slac-stamp"
INDEX = ".slac-index.json"

Content = str | bytes
"""A generated file: its text, or its bytes as the previous build wrote them (line ends LF)."""


def compiler_hash() -> str:
    """Hash of the compiler's own files and of the data it renders with: equal hashes and equal
    sources give equal outputs.

    The same whichever way slac is installed (the grammar is hashed by its file alone: a regular
    install puts the grammar package inside slac/, an editable one does not)."""
    digest = hashlib.sha256(__version__.encode())
    for library in ("babel", "holidays"):   # the summaries' formats, the holiday tables
        digest.update(f"{library} {_version(library)}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.j2")]):
        relative = path.relative_to(package)
        if relative.parts[0] != "grammar":
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(resources.files("slac.grammar").joinpath("sla.lark").read_bytes())
    return f"compiler sha256:{digest.hexdigest()}"


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:   # installed without its metadata
        return "unknown"


def input_hash(sources: dict[str, bytes]) -> str:
    """Hash of the compiler (`compiler_hash`) and every source file, followed by the compiler's
    own: equal hashes give equal outputs. The same however the sources' paths were typed (they
    are named as the generated files name them)."""
    compiler = compiler_hash()
    digest = hashlib.sha256(compiler.encode())
    named = {source_path(name): data for name, data in sources.items()}
    for name in sorted(named):
        digest.update(name.encode() + b"\0" + named[name] + b"\0")
    return f"inputs sha256:{digest.hexdigest()} {compiler}"


def cached(out: Path, inputs: str) -> bool:
    """No-op rebuild: the stamp names these inputs and the files on disk still match it."""
    stamped = recorded(out)
    return (stamped is not None and stamped[0] == inputs
            and files_on_disk(out, stamped[1]) is not None)


def recorded(out: Path) -> tuple[str, str] | None:
    """The stamp's two lines: the inputs of the build, the digest of its files."""
    try:
        inputs, outputs = (out / STAMP).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return None
    return inputs, outputs


def files_on_disk(out: Path, outputs: str) -> dict[str, bytes] | None:
    """The files of `out` by relative path, when they are still those of the digest `outputs`.

    The files are read as bytes, line ends made LF as `read_text` reads them, so the digest
    equals `stamp` of the texts without decoding them; a file that is not UTF-8 simply differs.
    A file edited, added or deleted since the build changes the digest."""
    try:
        files = {name: _universal_newlines(_read(os.path.join(out, name)))
                 for name in sorted(_names(out))}
    except OSError:
        return None
    return files if _digest(files.items()) == outputs else None


def _names(out: Path) -> list[str]:
    """The relative paths of the regular files under `out`, byte-code caches left out."""
    names = []
    for folder, subfolders, files in os.walk(out, onerror=_raise):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        prefix = Path(folder).relative_to(out).as_posix()
        for name in files:
            if stat.S_ISREG(os.stat(os.path.join(folder, name)).st_mode):
                names.append(name if prefix == "." else f"{prefix}/{name}")
    return names


def _raise(error: OSError) -> None:
    raise error


def _read(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _universal_newlines(data: bytes) -> bytes:
    """CRLF and CR as LF, as text mode reads them (bytes 13 and 10 occur in UTF-8 only as
    themselves)."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in data else data


def stamp(files: Mapping[str, Content]) -> str:
    """A content hash of the output, so a stale or hand-edited generated/ is detected."""
    return _digest((name, _bytes(files[name])) for name in sorted(files))


def _bytes(content: Content) -> bytes:
    return content if isinstance(content, bytes) else content.encode()


def _digest(files: Iterable[tuple[str, bytes]]) -> str:
    """The content hash of (relative path, bytes) pairs given in path order, the stamp left out."""
    digest = hashlib.sha256()
    for name, data in files:
        if name != STAMP:
            digest.update(name.encode() + b"\0" + data + b"\0")
    return f"slac {__version__} sha256:{digest.hexdigest()}"


def write_tree(root: Path, files: Mapping[str, Content], kept: Path | None = None,
               previous: Mapping[str, bytes] | None = None) -> None:
    """Write `files` under `root`; a file whose bytes are those `previous` read from the folder
    `kept` is linked to it instead (no writing)."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if (kept is not None and previous is not None and name in previous
                and previous[name] == _bytes(content)):
            try:
                os.link(kept / name, path)
                continue
            except OSError:   # a file system without hard links: written below
                pass
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")


def is_up_to_date(out: Path, files: Mapping[str, Content]) -> bool:
    """Whether `out` holds exactly these files (no more, no fewer, same bytes). The stamp is
    compared by its output digest only: its inputs line is a fast path for `slac build`, which
    another installation of the same slac may write differently."""
    if not out.is_dir():
        return False
    present = {p.relative_to(out).as_posix() for p in out.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    if present != set(files):
        return False
    for name, content in files.items():
        text = content.decode() if isinstance(content, bytes) else content
        on_disk = (out / name).read_text(encoding="utf-8")
        if name == STAMP:
            on_disk, text = on_disk.split("\n", 1)[-1], text.split("\n", 1)[-1]
        if on_disk != text:
            return False
    return True


def unsafe_output(out: Path) -> str | None:
    """Why `out` must not be replaced by a build, or None: only a new folder, an empty one or
    one that a build wrote (it holds the stamp) may be; never a file or someone's folder."""
    for parent in [out, *out.parents]:
        if parent.exists() and not parent.is_dir():
            return f"{parent} is a file, not a folder"
    if out.is_dir() and any(out.iterdir()) and not (out / STAMP).is_file():
        return (f"{out} is a folder that slac did not write (it has no {STAMP}); "
                "give a new or empty folder")
    return None


def replace_atomically(out: Path, files: Mapping[str, Content],
                       previous: Mapping[str, bytes] | None = None) -> None:
    """Write into a sibling new folder, then swap it in: a killed build leaves the old one (and
    its own folders beside it, which the next build into `out` removes). A file whose text is
    the one `previous` read from `out` is linked from it, not written again."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _lock(out.parent) as locked:
        _swap(out, files, previous)
        if locked:
            _remove_leftovers(out)


def _remove_leftovers(out: Path) -> None:
    """Remove the folders that killed builds left beside `out` (`_swap`'s new tree, or the old
    tree it set aside). Only under the lock: then no other build is between its lock and the end
    of its swap, so no such folder is in use."""
    leftover = re.compile(rf"\.{re.escape(out.name)}-(new|old)-[0-9a-f]{{12}}")   # _new_folder's
    for path in out.parent.iterdir():
        if leftover.fullmatch(path.name) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _lock(folder: Path) -> Iterator[bool]:
    """An exclusive lock on the folder that holds the output, so two builds at once swap one
    after the other; no lock file is left behind. Yields whether the system could lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield False
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield True
    finally:
        os.close(handle)   # releases the lock


def _swap(out: Path, files: Mapping[str, Content], previous: Mapping[str, bytes] | None
          ) -> None:
    staging = _new_folder(out.parent, f".{out.name}-new-")
    try:
        write_tree(staging, files, out, previous)
        if not out.exists():
            os.rename(staging, out)
        elif not _exchange(staging, out):   # exchanged: staging holds the old tree, removed below
            retired = _new_folder(out.parent, f".{out.name}-old-")
            os.rename(out, retired / "tree")
            try:
                os.rename(staging, out)
            except OSError:
                os.rename(retired / "tree", out)
                raise
            shutil.rmtree(retired, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _new_folder(parent: Path, prefix: str) -> Path:
    """A new empty folder with the permissions of any new folder (mkdtemp gives 0700)."""
    while True:
        path = parent / f"{prefix}{secrets.token_hex(6)}"
        try:
            path.mkdir()
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        return path


def _exchange(new: Path, old: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 with RENAME_EXCHANGE), so that there is no
    moment without the output folder; False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:  # C library without renameat2
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(old), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):   # kernel or file system without it
        return False
    raise OSError(code, os.strerror(code), str(old))
