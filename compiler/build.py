"""Checked contracts → files of every backend, examples verified; the sources unchanged since the
previous build into the same folder are taken from it (its index), not built again."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from . import ast, model, output
from .backends import pycode, python, summary
from .diagnostics import Diagnostic
from .examples import rendered_package, run_examples
from .messages import Phrase
from .output import INDEX, STAMP, Content, Kept, stamp
from .parse import ParseFailure, decode
from .pipeline import Checked, Compiled, compile_source, gather
from .sources import source_path

_Content = TypeVar("_Content", str, Content)
"""Texts only (a clean build), or texts and files kept from the previous build."""


def render_contracts(contracts: list[model.Contract]) -> dict[str, str]:
    """The files of each contract: its evaluator module (and holiday tables) and summaries."""
    rendered: dict[str, str] = {}
    for contract in contracts:
        rendered.update(python.render(contract, pycode.HOLIDAY_YEARS))
        rendered.update(summary.render(contract))
    return rendered


def package(contracts: Iterable[model.Contract | python.Listing],
            rendered: Mapping[str, _Content], inputs: str, index: str | None = None
            ) -> dict[str, _Content]:
    """The contracts' `rendered` files with the package's own, the runtime, the build index
    (when given) and the stamp."""
    files: dict[str, _Content] = {**python.package_files(contracts), **python.runtime_files(),
                                  **rendered}
    if index is not None:
        files[INDEX] = index
    files[STAMP] = f"{inputs}\n{stamp(files)}\n"
    return dict(sorted(files.items()))


def render_all(contracts: list[model.Contract], inputs: str) -> dict[str, str]:
    """Every generated file, by relative path; deterministic. `inputs` is the sources' hash."""
    return package(contracts, render_contracts(contracts), inputs)


@dataclass
class Built:
    """A build before writing: the checked files, the output (empty when a file has an error),
    the worked examples that failed, the contracts the output holds and how many of them were
    taken unchanged from the previous build."""

    compiled: Compiled
    files: dict[str, Content]
    failures: list[Diagnostic]
    contracts: int = 0
    reused: int = 0


@dataclass
class _Part:
    """What one process made of a run of source files: each file checked and, unless one of
    them has an error, the files of each contract (by source file) and the failed worked
    examples."""

    checked: list[Checked]
    files: dict[str, dict[str, str]]
    failures: list[Diagnostic]


FILES_PER_PROCESS = 25
"""Fewer source files than this per extra process are built in one: starting a process costs
about as much as building 25 contracts."""


def build_sources(sources: Mapping[str, bytes | Diagnostic], inputs: str,
                  jobs: int | None = None, previous: Previous | None = None) -> Built:
    """Check, render and verify every source (path as given → its bytes as read, or why they
    could not be), in up to `jobs` processes (default: one per processor); the result does not
    depend on `jobs`. The files that `previous` built from the same bytes are taken from it, not
    built again: the result is the same as without it. The bytes are those `inputs` hashed: a
    source written meanwhile is not read again."""
    reused = previous.reusable(sources) if previous else {}
    fresh = [(name, data) for name, data in sources.items() if name not in reused]
    processes = max(1, min(jobs or _processors(), len(fresh) // FILES_PER_PROCESS))
    if processes == 1:
        parts = [_build_part(fresh)]
    else:
        size = -(-len(fresh) // (2 * processes))   # two runs a process evens out the load
        runs = [fresh[start:start + size] for start in range(0, len(fresh), size)]
        with ProcessPoolExecutor(processes) as pool:
            parts = list(pool.map(_build_part, runs))
    built = {one.file: one for part in parts for one in part.checked}
    checked = [reused[name].checked if name in reused else built[name] for name in sources]
    compiled = gather(checked)
    if compiled.has_errors:
        return Built(compiled, {}, [])
    outputs: dict[str, Mapping[str, Content]] = {
        name: files for part in parts for name, files in part.files.items()}
    index: dict[str, _Entry] = {}
    for one in checked:
        if one.contract is not None:
            index[source_path(one.file)] = _Entry.of(one, outputs[one.file])
        else:
            index[source_path(one.file)] = reused[one.file].entry
            outputs[one.file] = reused[one.file].files
    rendered = {name: text for files in outputs.values() for name, text in files.items()}
    listings = [entry.listing for entry in index.values()]
    return Built(compiled, package(listings, rendered, inputs, _index_text(index)),
                 [failure for part in parts for failure in part.failures], len(listings),
                 len(reused))


def _processors() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _build_part(sources: list[tuple[str, bytes | Diagnostic]]) -> _Part:
    """`build_sources` for a run of files, in one process."""
    checked = [compile_source(name, data) for name, data in sources]
    compiled = gather(checked)
    if compiled.has_errors:
        return _Part(checked, {}, [])
    files = {one.file: render_contracts([one.contract]) for one in checked if one.contract}
    rendered = {name: text for made in files.values() for name, text in made.items()}
    failures = verify_examples(compiled, package(compiled.contracts, rendered, ""))
    return _Part(checked, files, failures)


@dataclass(frozen=True)
class _Entry:
    """What the build index keeps of one source file: the hash of its bytes, its contract's
    line of the package index, the files rendered from it and its diagnostics (as JSON data:
    code, line, column, end line, end column, arguments, notes)."""

    sha256: str
    listing: python.Listing
    files: tuple[str, ...]
    diagnostics: tuple[object, ...]
    line: str | None = None
    """Its line of the index it was read from, written again as it is."""

    @staticmethod
    def of(checked: Checked, files: Mapping[str, object]) -> _Entry:
        assert checked.contract is not None and checked.text is not None
        return _Entry(_sha256(checked.text), python.listing(checked.contract), tuple(sorted(files)),
                      tuple(_diagnostic_data(d) for d in checked.diagnostics))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _diagnostic_data(diagnostic: Diagnostic) -> object:
    span = diagnostic.span
    args = {name: {"en": value.en, "fr": value.fr} if isinstance(value, Phrase) else value
            for name, value in diagnostic.args.items()}
    return [diagnostic.code, span.line, span.column, span.end_line, span.end_column, args,
            list(diagnostic.notes)]


def _index_text(index: dict[str, _Entry]) -> str | None:
    """The build index: JSON, one source a line, in path order; None when a diagnostic has an
    argument that JSON does not keep as it is (then the next build checks every file again)."""
    lines = []
    for name in sorted(index):
        entry = index[name]
        if entry.line is None:
            record = {"sha256": entry.sha256, "contract": dataclasses.asdict(entry.listing),
                      "files": entry.files, "diagnostics": entry.diagnostics}
            if not _kept(entry.diagnostics):
                return None
            lines.append(json.dumps({name: record}, ensure_ascii=False, sort_keys=True)[1:-1])
        else:
            lines.append(entry.line)
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _kept(value: object) -> bool:
    """Whether JSON gives `value` back as it is (strings, whole numbers, lists and objects)."""
    if isinstance(value, list | tuple):
        return all(map(_kept, value))
    if isinstance(value, dict):
        return all(isinstance(k, str) and _kept(v) for k, v in value.items())
    return value is None or type(value) in (str, int, bool)


@dataclass(frozen=True)
class _Reused:
    """A source file unchanged since the previous build: as checked then, and its files."""

    checked: Checked
    entry: _Entry
    files: dict[str, Kept]


@dataclass(frozen=True)
class Previous:
    """The build found in the output folder, made by this same compiler and not edited since:
    its index and the hash of each of its files, to take unchanged sources' output from."""

    index: dict[str, _Entry]
    hashes: dict[str, str]

    def reusable(self, sources: Mapping[str, bytes | Diagnostic]) -> dict[str, _Reused]:
        """The sources whose text is the one built before, by their path as given."""
        found: dict[str, _Reused] = {}
        for name, data in sources.items():
            entry = self.index.get(source_path(name))
            if entry is None or not isinstance(data, bytes):
                continue
            try:
                text = decode(data, name)
            except ParseFailure:
                continue
            if _sha256(text) != entry.sha256 or not all(f in self.hashes for f in entry.files):
                continue
            diagnostics = [_diagnostic(name, d) for d in entry.diagnostics]
            checked = Checked(name, None, diagnostics, text, entry.listing.id)
            found[name] = _Reused(checked, entry, {f: Kept(self.hashes[f]) for f in entry.files})
        return found


def previous_build(out: Path, inputs: str) -> Previous | None:
    """The build in `out`, when the same compiler made it (`inputs` ends with its hash), its
    files are still those it wrote and it has an index; else None."""
    stamped = output.recorded(out)
    if stamped is None or stamped[0].rpartition(" ")[2] != inputs.rpartition(" ")[2]:
        return None
    hashes = output.files_on_disk(out, stamped[1])
    if hashes is None or INDEX not in hashes:
        return None
    try:
        text = (out / INDEX).read_text(encoding="utf-8")
        if output.file_hash(text) != hashes[INDEX]:   # written since it was hashed
            return None
        index = _index(text)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return Previous(index, hashes)


def _index(text: str) -> dict[str, _Entry]:
    """The entries of an index as `_index_text` writes it, one source a line, each with its
    line; ValueError if it is not so written."""
    if not (text.startswith("{\n") and text.endswith("\n}\n")):
        raise ValueError("not an index")
    index: dict[str, _Entry] = {}
    for line in text[2:-3].split(",\n") if len(text) > 5 else []:
        [(name, record)] = json.loads("{" + line + "}").items()
        index[name] = dataclasses.replace(_entry(record), line=line)
    return index


def _entry(record: dict[str, Any]) -> _Entry:
    contract = record["contract"]
    listing = python.Listing(str(contract["id"]), str(contract["module"]), str(contract["title"]),
                             str(contract["source_file"]),
                             tuple((str(n), c, s) for n, c, s in contract["tables"]))
    return _Entry(str(record["sha256"]), listing, tuple(map(str, record["files"])),
                  tuple(record["diagnostics"]))


def _diagnostic(file: str, data: Any) -> Diagnostic:
    code, line, column, end_line, end_column, args, notes = data
    values = {name: Phrase(value["en"], value["fr"]) if isinstance(value, dict) else value
              for name, value in args.items()}
    return Diagnostic(code, ast.Span(file, line, column, end_line, end_column), values,
                      tuple(notes))


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


