"""Build benchmarks: full build throughput against Lark parsing, the no-op rebuild and the
incremental rebuild.

The full build runs in-process in one process, stage by stage (compile_paths, then
build.render_all, then build.verify_examples), with each stage timed: the parse and check calls
of the pipeline and the two backends are wrapped by timers for the duration of the run. The
baseline is the Lark parser of grammar/sla.lark alone over the same texts (the mean of a run
before the build and one after). Then `python -m slac build SRC --out OUT --jobs N` runs with
one process per processor, as users run it (start-up and writing included), and must write the
same files.

The no-op rebuild times `python -m slac build SRC --out OUT` on a folder that the previous build
wrote (its stamp re-keyed just before, see `_key`), and the in-process cache check
(output.input_hash + output.cached); its baselines are the interpreter start-up of
`python -m slac --version` and the plain reading of every source and output byte. The
incremental rebuild edits 10 sources of the folder that `slac build` wrote, then times the same
command; its baseline is the Lark parse of all the sources.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slac import build, output, parse, pipeline
from slac.backends import python, summary
from slac.sources import source_files

from .synth import edit_contracts, write_contracts


@dataclass
class BuildTimes:
    """Seconds of one in-process build, by stage, and of the Lark-only baseline."""

    contracts: int
    lark: float
    total: float
    stages: dict[str, float] = field(default_factory=dict)
    processes: int = 1
    parallel: float = 0.0
    """Seconds of `build.build_sources` in `processes` processes (0 when only one is available)."""
    errors: list[str] = field(default_factory=list)


@dataclass
class NoopTimes:
    """Seconds of a no-op rebuild, as a subprocess and in-process, with their baselines."""

    contracts: int
    output_files: int
    subprocess: float
    startup: float
    in_process: float
    read_all: float
    errors: list[str] = field(default_factory=list)


@dataclass
class IncrementalTimes:
    """Seconds of a rebuild after editing `edited` of `contracts` sources."""

    contracts: int
    edited: int
    seconds: float
    errors: list[str] = field(default_factory=list)


@contextmanager
def _timed(owner: Any, name: str, into: dict[str, float], stage: str) -> Iterator[None]:
    """Replace `owner.name` by a wrapper adding its run time to `into[stage]`; restore after."""
    original: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into[stage] = into.get(stage, 0.0) + time.perf_counter() - began

    setattr(owner, name, wrapper)
    try:
        yield
    finally:
        setattr(owner, name, original)


def source_map(src: Path) -> dict[str, bytes]:
    """The sources as `slac build` hashes them: path as given → bytes."""
    return {p.as_posix(): p.read_bytes() for p in source_files([src])}


def lark_only(src: Path) -> float:
    """Seconds to parse every .sla file under `src` with the Lark parser alone (built before)."""
    lark = parse.parser()
    texts = [p.read_text(encoding="utf-8") for p in source_files([src])]
    began = time.perf_counter()
    for text in texts:
        lark.parse(text)
    return time.perf_counter() - began


def full_build(src: Path) -> tuple[BuildTimes, dict[str, str]]:
    """Build `src` in-process, stage by stage; the times and the rendered files. The Lark
    baseline is the mean of one parse of every source before the build and one after, so that
    the machine's speed drifting during the build weighs on both sides of the ratio."""
    parse.parser()  # built once per process, for the baseline
    parse.ast_parser()  # and for the build
    lark_before = lark_only(src)
    stages: dict[str, float] = {}
    began = time.perf_counter()
    inputs = output.input_hash(source_map(src))
    stages["hash inputs"] = time.perf_counter() - began
    with _timed(pipeline, "parse", stages, "parse"), _timed(pipeline, "check", stages, "check"):
        compiled = pipeline.compile_paths([src])
    stages["read, decode"] = time.perf_counter() - began - sum(stages.values())
    errors = [f"{d.span.file}:{d.span.line}: {d.code}" for d in compiled.diagnostics
              if d.severity == "error"]
    with _timed(python, "render", stages, "render python"), \
            _timed(summary, "render", stages, "render summaries"):
        mark = time.perf_counter()
        files = build.render_all(compiled.contracts, inputs)
        stages["render runtime, stamp"] = time.perf_counter() - mark - (
            stages["render python"] + stages["render summaries"])
    mark = time.perf_counter()
    failures = build.verify_examples(compiled, files)
    stages["examples"] = time.perf_counter() - mark
    total = time.perf_counter() - began
    errors += [f"{d.span.file}:{d.span.line}: {d.code}" for d in failures]
    lark = (lark_before + lark_only(src)) / 2
    times = BuildTimes(len(compiled.contracts), lark, total, stages, errors=errors)
    return times, files


def parallel_build(src: Path, out: Path, times: BuildTimes, files: dict[str, str]) -> None:
    """Time `python -m slac build SRC --out OUT` in one process per processor, a fresh process
    as users run it, into `times`; its files must be those of the in-process build."""
    times.processes = min(build._processors(), times.contracts // build.FILES_PER_PROCESS)
    if times.processes < 2:
        return
    times.parallel, done = _run("-m", "slac", "build", src.as_posix(), "--out", out.as_posix(),
                                "--jobs", str(times.processes))
    written = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
               for p in out.rglob("*") if p.is_file()}
    own = (output.STAMP, output.INDEX)   # the in-process stages write neither
    if done.returncode or {k: v for k, v in written.items() if k not in own} != {
            k: v for k, v in files.items() if k not in own}:
        times.errors.append(f"the build in {times.processes} processes failed or gave other "
                            f"files (exit {done.returncode}): {done.stderr.strip()[-300:]}")


def _run(*args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    began = time.perf_counter()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)
    return time.perf_counter() - began, done


def _read_everything(src: Path, out: Path) -> float:
    """Seconds to read every source and every output byte: the floor of any content check."""
    began = time.perf_counter()
    for path in [*source_files([src]), *out.rglob("*")]:
        if path.is_file():
            path.read_bytes()
    return time.perf_counter() - began


def _key(out: Path, src: Path) -> None:
    """Re-key the stamp of `out` to the sources and the compiler's files as they are now.

    The stamp's inputs line hashes the compiler's own files too, so an edit of the compiler
    during the long first build would turn the no-op into a real build; the outputs line, which
    the no-op check verifies against the files, is kept.
    """
    inputs = output.input_hash(source_map(src))
    outputs = (out / output.STAMP).read_text(encoding="utf-8").splitlines()[1]
    (out / output.STAMP).write_text(f"{inputs}\n{outputs}\n", encoding="utf-8", newline="\n")


def noop_rebuild(src: Path, out: Path, files: dict[str, str]) -> NoopTimes:
    """Write the build into `out`, then time rebuilding it unchanged."""
    output.replace_atomically(out, files)
    errors: list[str] = []
    startup, done = _run("-m", "slac", "--version")
    if done.returncode:
        errors.append(f"`python -m slac --version` failed: {done.stderr.strip()}")
    _key(out, src)
    seconds, done = _run("-m", "slac", "build", src.as_posix(), "--out", out.as_posix())
    if done.returncode or "up to date" not in done.stderr:
        errors.append(f"the second build was not a no-op (exit {done.returncode}): "
                      f"{done.stderr.strip()[-300:]}")
    _key(out, src)
    began = time.perf_counter()
    hit = output.cached(out, output.input_hash(source_map(src)))
    in_process = time.perf_counter() - began
    if not hit:
        errors.append("output.cached() did not recognise the unchanged output folder")
    return NoopTimes(0, len(files), seconds, startup, in_process,
                     _read_everything(src, out), errors)


EDITED = 10
"""Sources edited before the incremental rebuild."""


def incremental_rebuild(src: Path, out: Path, seed: int) -> IncrementalTimes:
    """Edit EDITED of the sources that `python -m slac build` wrote into `out` (built now if it
    was not), then time that command rebuilding them, as users run it."""
    contracts = len(source_files([src]))
    errors: list[str] = []
    if not (out / output.INDEX).is_file():
        _, done = _run("-m", "slac", "build", src.as_posix(), "--out", out.as_posix())
        if done.returncode:
            return IncrementalTimes(contracts, 0, 0.0, [f"the first build failed: {done.stderr}"])
    _key(out, src)
    edited = edit_contracts(src, EDITED, seed)
    seconds, done = _run("-m", "slac", "build", src.as_posix(), "--out", out.as_posix())
    unchanged = contracts - len(edited)
    if done.returncode or (unchanged and f"({unchanged} unchanged)" not in done.stderr):
        errors.append(f"the rebuild did not reuse the {unchanged} unchanged sources "
                      f"(exit {done.returncode}): {done.stderr.strip()[-300:]}")
    return IncrementalTimes(contracts, len(edited), seconds, errors)


def run(work: Path, contracts: int, seed: int = 1
        ) -> tuple[BuildTimes, NoopTimes, IncrementalTimes]:
    """The build benchmarks on `contracts` synthetic contracts written under `work`."""
    src = work / "contracts"
    write_contracts(src, contracts, seed)
    times, files = full_build(src)
    times.contracts = contracts
    if not times.errors:
        parallel_build(src, work / "parallel", times, files)
    if times.errors:
        skipped = ["skipped: the build failed"]
        return (times, NoopTimes(contracts, 0, 0.0, 0.0, 0.0, 0.0, skipped),
                IncrementalTimes(contracts, 0, 0.0, skipped))
    noop = noop_rebuild(src, work / "generated", files)
    noop.contracts = contracts
    return times, noop, incremental_rebuild(src, work / "parallel", seed)
