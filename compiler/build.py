"""Checked contracts → files of every backend, examples verified, written atomically into one
folder."""

from __future__ import annotations

import errno
import hashlib
import importlib
import os
import re
import secrets
import shutil
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import __version__, ast, model
from .backends import pycode, python, summary
from .check import source_path
from .diagnostics import Diagnostic
from .examples import rendered_package, run_examples
from .pipeline import Checked, Compiled, compile_file, gather, source_files

STAMP = ".slac-stamp"


def render_contracts(contracts: list[model.Contract]) -> dict[str, str]:
    """The files of each contract: its evaluator module (and holiday tables) and summaries."""
    rendered: dict[str, str] = {}
    for contract in contracts:
        rendered.update(python.render(contract, pycode.HOLIDAY_YEARS))
        rendered.update(summary.render(contract))
    return rendered


def package(contracts: list[model.Contract], rendered: dict[str, str],
            inputs: str) -> dict[str, str]:
    """The contracts' `rendered` files with the package's own, the runtime and the stamp."""
    files = {**python.package_files(contracts), **python.runtime_files(), **rendered}
    files[STAMP] = f"{inputs}\n{stamp(files)}\n"
    return dict(sorted(files.items()))


def render_all(contracts: list[model.Contract], inputs: str) -> dict[str, str]:
    """Every generated file, by relative path; deterministic. `inputs` is the sources' hash."""
    return package(contracts, render_contracts(contracts), inputs)


@dataclass
class Built:
    """A build before writing: the checked files, the output (empty when a file has an error)
    and the worked examples that failed."""

    compiled: Compiled
    files: dict[str, str]
    failures: list[Diagnostic]


@dataclass
class _Part:
    """What one process made of a run of source files: each file checked and, unless one of
    them has an error, the files of its contracts and their failed worked examples."""

    checked: list[Checked]
    files: dict[str, str]
    failures: list[Diagnostic]


FILES_PER_PROCESS = 25
"""Fewer source files than this per extra process are built in one: starting a process costs
about as much as building 25 contracts."""


def build_paths(paths: list[Path], inputs: str, jobs: int | None = None) -> Built:
    """Check, render and verify every source file under `paths`, in up to `jobs` processes
    (default: one per processor); the result does not depend on `jobs`."""
    sources = source_files(paths)
    processes = max(1, min(jobs or _processors(), len(sources) // FILES_PER_PROCESS))
    if processes == 1:
        parts = [_build_part(sources)]
    else:
        size = -(-len(sources) // (2 * processes))   # two runs a process evens out the load
        runs = [sources[start:start + size] for start in range(0, len(sources), size)]
        with ProcessPoolExecutor(processes) as pool:
            parts = list(pool.map(_build_part, runs))
    compiled = gather(one for part in parts for one in part.checked)
    if compiled.has_errors:
        return Built(compiled, {}, [])
    rendered = {name: text for part in parts for name, text in part.files.items()}
    return Built(compiled, package(compiled.contracts, rendered, inputs),
                 [failure for part in parts for failure in part.failures])


def _processors() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _build_part(sources: list[Path]) -> _Part:
    """`build_paths` for a run of files, in one process."""
    checked = [compile_file(path) for path in sources]
    compiled = gather(checked)
    if compiled.has_errors:
        return _Part(checked, {}, [])
    rendered = render_contracts(compiled.contracts)
    failures = verify_examples(compiled, package(compiled.contracts, rendered, ""))
    return _Part(checked, rendered, failures)


def input_hash(sources: dict[str, bytes]) -> str:
    """Hash of the compiler's own files and every source file: equal hashes give equal outputs.

    The same whichever way slac is installed (the grammar is hashed by its file alone: a regular
    install puts the grammar package inside slac/, an editable one does not) and however the
    sources' paths were typed (they are named as the generated files name them)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.j2")]):
        relative = path.relative_to(package)
        if relative.parts[0] != "grammar":
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(resources.files("slac.grammar").joinpath("sla.lark").read_bytes())
    named = {source_path(name): data for name, data in sources.items()}
    for name in sorted(named):
        digest.update(name.encode() + b"\0" + named[name] + b"\0")
    return f"inputs sha256:{digest.hexdigest()}"


def cached(out: Path, inputs: str) -> bool:
    """No-op rebuild: the stamp names these inputs and the files on disk still match it.

    The files are hashed as bytes, line ends read as `read_text` reads them (CRLF or CR as
    LF), so the digest equals `stamp` of the texts without decoding them; a file that is not
    UTF-8 simply differs. A file edited, added or deleted since the build changes the digest.
    """
    try:
        recorded_inputs, recorded_outputs = (out / STAMP).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return False
    if recorded_inputs != inputs:
        return False
    try:
        names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts)
        on_disk = ((name, _universal_newlines((out / name).read_bytes())) for name in names)
        return _digest(on_disk) == recorded_outputs
    except OSError:
        return False


def _universal_newlines(data: bytes) -> bytes:
    """CRLF and CR as LF, as text mode reads them (bytes 13 and 10 occur in UTF-8 only as
    themselves)."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in data else data


def stamp(files: dict[str, str]) -> str:
    """A content hash of the output, so a stale or hand-edited generated/ is detected."""
    return _digest((name, files[name].encode()) for name in sorted(files))


def _digest(files: Iterable[tuple[str, bytes]]) -> str:
    """The content hash of (relative path, bytes) pairs given in path order, the stamp left out."""
    digest = hashlib.sha256()
    for name, data in files:
        if name != STAMP:
            digest.update(name.encode() + b"\0" + data + b"\0")
    return f"slac {__version__} sha256:{digest.hexdigest()}"


def verify_examples(compiled: Compiled, files: dict[str, str]) -> list[Diagnostic]:
    """Run every worked example against the freshly generated modules."""
    diagnostics: list[Diagnostic] = []
    with rendered_package(files) as package:
        for contract in compiled.contracts:
            module = importlib.import_module(f"{package}.{contract.module}")
            try:
                failed = run_examples(contract, module)
            except Exception as exc:  # noqa: BLE001 - an example the runtime refuses to set up
                span = ast.Span(contract.source_file, 1, 1, 1, 2)
                diagnostics.append(Diagnostic("example-error", span,
                                              {"reason": f"{type(exc).__name__}: {exc}"}))
                continue
            for failure in failed:
                span = ast.Span(contract.source_file, failure.line, 5, failure.line, 6)
                if failure.reason:
                    diagnostics.append(Diagnostic("example-error", span,
                                                  {"reason": failure.reason}))
                else:
                    diagnostics.append(Diagnostic("example-failed", span, {
                        "expected": failure.expected, "actual": failure.actual}))
    return diagnostics


def write_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def is_up_to_date(out: Path, files: dict[str, str]) -> bool:
    """Whether `out` holds exactly these files (no more, no fewer, same bytes). The stamp is
    compared by its output digest only: its inputs line is a fast path for `slac build`, which
    another installation of the same slac may write differently."""
    if not out.is_dir():
        return False
    present = {p.relative_to(out).as_posix() for p in out.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    if present != set(files):
        return False
    for name, text in files.items():
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


def replace_atomically(out: Path, files: dict[str, str]) -> None:
    """Write into a sibling new folder, then swap it in: a killed build leaves the old one (and
    its own folders beside it, which the next build into `out` removes)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _lock(out.parent) as locked:
        _swap(out, files)
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


def _swap(out: Path, files: dict[str, str]) -> None:
    staging = _new_folder(out.parent, f".{out.name}-new-")
    try:
        write_tree(staging, files)
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
