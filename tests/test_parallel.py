"""Builds in several processes: the same files, diagnostics and verdicts as in one process.

`build_sources` splits the sources into runs built by separate processes, then gathers them in
source order; nothing of the result may depend on how many processes there were.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from slac import build
from slac.diagnostics import Diagnostic
from slac.sources import read_sources

from bench import synth

pytestmark = pytest.mark.slow   # builds in several processes

# 80 files: three processes at most (build.FILES_PER_PROCESS is 25), six runs of 14 files or less.
COUNT = 80


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parallel")
    synth.write_contracts(folder, COUNT, seed=5)
    return folder


def codes(diagnostics: list[Diagnostic]) -> list[tuple[str, str, int, int]]:
    return [(d.code, Path(d.span.file).name, d.span.line, d.span.column) for d in diagnostics]


def test_three_processes_build_what_one_builds(sources: Path) -> None:
    one = build.build_sources(read_sources([sources]), "inputs", jobs=1)
    three = build.build_sources(read_sources([sources]), "inputs", jobs=3)
    assert len(one.compiled.contracts) == COUNT and not one.compiled.has_errors
    # 4 files a contract (module, two summaries, sheet) + package, runtime, holidays and stamp.
    assert len(one.files) > 4 * COUNT
    assert three.files == one.files
    assert three.compiled.diagnostics == one.compiled.diagnostics
    assert three.failures == one.failures == []
    assert [c.id for c in three.compiled.contracts] == [c.id for c in one.compiled.contracts]


def test_errors_are_reported_in_source_order_whatever_the_processes(
        sources: Path, tmp_path: Path) -> None:
    files = sorted(sources.rglob("*.sla"))
    folder = tmp_path / "src"
    for path in files:
        target = folder / path.relative_to(sources)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    copies = sorted(folder.rglob("*.sla"))
    # A syntax error in the 40th file, and the 75th file given the id of the 3rd: each one
    # lands in another run than the file it clashes with.
    broken = copies[39]
    broken.write_text(broken.read_text(encoding="utf-8") + "\n}\n", encoding="utf-8")
    first_id = build.build_sources(read_sources([copies[2]]), "", jobs=1).compiled.contracts[0].id
    clash = copies[74]
    text = clash.read_text(encoding="utf-8")
    own_id = text.split('"', 2)[1]
    clash.write_text(text.replace(f'"{own_id}"', f'"{first_id}"', 1), encoding="utf-8")

    one = build.build_sources(read_sources([folder]), "inputs", jobs=1)
    three = build.build_sources(read_sources([folder]), "inputs", jobs=3)
    assert one.files == three.files == {}
    assert three.compiled.diagnostics == one.compiled.diagnostics
    errors = [c for c in codes(one.compiled.diagnostics)
              if c[0] not in ("unspecified", "tier-gap", "copy-day-missing", "contradiction",
                              "contradicted")]
    assert [c[1] for c in errors] == [broken.name, clash.name]   # in source order
    assert errors[1] == ("duplicate-contract", clash.name, 1, 1)
    duplicate = next(d for d in one.compiled.diagnostics if d.code == "duplicate-contract")
    assert duplicate.args == {"id": first_id, "other": copies[2].as_posix()}
