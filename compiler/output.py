"""The output folder: the hashes that tell whether it is up to date, its stamp, and writing it
atomically. Kept apart from the backends, so that a no-op build does not load them."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from . import __version__, caches
from .sources import source_path

STAMP = ".slac-stamp"
INDEX = ".slac-index.json"

@dataclass(frozen=True)
class Kept:
    """A file of the previous build, unchanged: linked from its folder, known by its hash."""

    sha256: str


Content = str | Kept
"""A generated file: its text, or the previous build's file of the same name."""


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


Status = tuple[int, int, int, int]
"""What the system says of a file, as compared with what it said when slac last hashed it:
inode, size, modification and change times (ns). Writing a file changes its change time, and
no program can set that back."""


def files_on_disk(out: Path, outputs: str) -> dict[str, str] | None:
    """The hash of each file of `out` (`file_hash`) by relative path, when the files are still
    those of the digest `outputs`; else None. A file edited, added or deleted since the build
    changes the digest.

    A file whose status is the one it had when slac last hashed it (the record kept in the user
    cache, `caches.output_record`) is taken to have that hash; any other is read and hashed."""
    try:
        statuses = _statuses(out)
        known = _record(out)
        hashes: dict[str, str] = {}
        for name, status in sorted(statuses.items()):
            seen = known.get(name)
            hashes[name] = seen[1] if seen is not None and seen[0] == status else \
                _file_hash(os.path.join(out, name))
    except OSError:
        return None
    if _digest(hashes.items()) != outputs:
        return None
    if any(known.get(name) != (status, hashes[name]) for name, status in statuses.items()):
        _remember(out, hashes, statuses)   # as seen before reading: a later edit is seen again
    return hashes


def _statuses(out: Path) -> dict[str, Status]:
    """The status of each regular file under `out` by relative path, byte-code caches left
    out."""
    found = {}
    for folder, subfolders, files in os.walk(out, onerror=_raise):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        prefix = Path(folder).relative_to(out).as_posix()
        for name in files:
            info = os.stat(os.path.join(folder, name))
            if stat.S_ISREG(info.st_mode):
                found[name if prefix == "." else f"{prefix}/{name}"] = _status(info)
    return found


def _status(info: os.stat_result) -> Status:
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _raise(error: OSError) -> None:
    raise error


def _record(out: Path) -> dict[str, tuple[Status, str]]:
    """The status and hash of each file of `out` as slac last knew them; empty when unknown (no
    cache, no record, a damaged one)."""
    where = caches.output_record(out)
    try:
        if where is None:
            return {}
        data = json.loads(where.read_bytes())
        return {name: ((a, b, c, d), digest) for name, [a, b, c, d, digest] in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _remember(out: Path, hashes: Mapping[str, str],
              statuses: Mapping[str, Status] | None = None) -> None:
    """Record the status of each file of `out` (`statuses`, or as it is now) with its hash
    (`hashes`), when there is a cache; a record that cannot be written is no record."""
    where = caches.output_record(out)
    if where is None:
        return
    temporary = where.with_name(f"{where.name}-{secrets.token_hex(6)}")
    try:
        statuses = _statuses(out) if statuses is None else statuses
        data = {name: [*status, hashes[name]] for name, status in statuses.items()
                if name in hashes}
        where.parent.mkdir(mode=0o700, exist_ok=True)
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, where)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _file_hash(path: str) -> str:
    """`file_hash` of a file on disk, its line ends made LF as `read_text` reads them (bytes 13
    and 10 occur in UTF-8 only as themselves); a file that is not UTF-8 simply differs."""
    with open(path, "rb") as file:
        data = file.read()
    return _bytes_hash(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in data
                       else data)


def file_hash(content: Content) -> str:
    """The SHA-256 of a generated file's UTF-8 bytes."""
    return content.sha256 if isinstance(content, Kept) else _bytes_hash(content.encode())


def _bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp(files: Mapping[str, Content]) -> str:
    """A content hash of the output, so a stale or hand-edited generated/ is detected."""
    return _digest((name, file_hash(files[name])) for name in sorted(files))


def _digest(hashes: Iterable[tuple[str, str]]) -> str:
    """The hash of the output from each file's hash (`file_hash`), by relative path in path
    order; the stamp left out."""
    digest = hashlib.sha256()
    for name, file_digest in hashes:
        if name != STAMP:
            digest.update(f"{name}\0{file_digest}\n".encode())
    return f"slac {__version__} sha256:{digest.hexdigest()}"


def write_tree(root: Path, files: Mapping[str, Content], kept: Path | None = None,
               previous: Mapping[str, str] | None = None) -> dict[str, str]:
    """Write `files` under `root`, and return each one's hash. A file `Kept`, or whose hash is
    the one `previous` gives for the file of the same name in the folder `kept`, is linked to
    that file instead (copied where the system has no links)."""
    hashes: dict[str, str] = {}
    folders: set[str] = set()
    for name, content in files.items():
        path = os.path.join(root, name)
        folder = os.path.dirname(path)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        data = None if isinstance(content, Kept) else content.encode()
        hashes[name] = file_hash(content) if data is None else _bytes_hash(data)
        if kept is not None and (data is None or (previous or {}).get(name) == hashes[name]):
            source = os.path.join(kept, name)
            try:
                os.link(source, path)
            except OSError:   # a file system without hard links
                shutil.copyfile(source, path)
            continue
        if data is None:
            raise ValueError(f"{name}: a kept file, and no folder to take it from")
        Path(path).write_bytes(data)
    return hashes


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
        if isinstance(content, Kept):
            if _file_hash(os.path.join(out, name)) != content.sha256:
                return False
            continue
        text, on_disk = content, (out / name).read_text(encoding="utf-8")
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
                       previous: Mapping[str, str] | None = None) -> None:
    """Write into a sibling new folder, then swap it in: a killed build leaves the old one (and
    its own folders beside it, which the next build into `out` removes). A file `Kept`, or whose
    hash is the one `previous` gives for the file of the same name in `out`, is linked from it,
    not written again. The new files' status is then recorded (`files_on_disk`)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _lock(out.parent) as locked:
        hashes = _swap(out, files, previous)
        if locked:
            _remove_leftovers(out)
        _remember(out, hashes)   # after the old tree is gone: unlinking it changes files' status


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


def _swap(out: Path, files: Mapping[str, Content], previous: Mapping[str, str] | None
          ) -> dict[str, str]:
    """`replace_atomically` without the lock; the hash of each file written."""
    staging = _new_folder(out.parent, f".{out.name}-new-")
    try:
        hashes = write_tree(staging, files, out if out.exists() else None, previous)
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
    return hashes


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
