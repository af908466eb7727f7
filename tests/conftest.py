"""Shared by the tests: the error fixtures with their expectations, span checks, and the five
contracts built with the current compiler and loaded (`package`, `modules`).

Each file in tests/fixtures/errors/ opens with comment lines that say what the compiler must report:

    # expect: time-format 15:12      one diagnostic: code, line, column (repeat for several)
    # message: '9h30' is not a time  some diagnostic's English message contains this text
    # help: e.g. 09:30               some diagnostic's English help contains this text

The `# expect:` lines are the whole list: a file reports exactly these diagnostics, notes included.
Files named syntax-*.sla fail to parse (test_syntax_errors.py); the others parse and fail the
checker (test_checker.py). Beside each fixture, NAME.en.txt and NAME.fr.txt hold the whole output
of `slac check` on it (test_snapshots.py; rewritten by `python -m tests.update_snapshots`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from slac import model
from slac.backends import pycode, python
from slac.diagnostics import Diagnostic
from slac.examples import load_generated
from slac.pipeline import compile_paths

ROOT = Path(__file__).resolve().parent.parent
ERRORS = Path(__file__).parent / "fixtures" / "errors"
MODULES = ("cegid_api", "cegid_conciliator", "cegid_loop", "niveaux_de_service", "teogest")


@dataclass(frozen=True)
class Case:
    """One fixture file and what it must produce."""

    path: Path
    expected: tuple[tuple[str, int, int], ...]
    messages: tuple[str, ...]
    helps: tuple[str, ...]

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()

    def __str__(self) -> str:
        return self.path.stem


def load_case(path: Path) -> Case:
    """Read the leading comment lines of a fixture (any encoding; a BOM is skipped)."""
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    expected: list[tuple[str, int, int]] = []
    messages: list[str] = []
    helps: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        if not line.startswith("#"):
            break
        if match := re.fullmatch(r"# expect: ([a-z-]+) (\d+):(\d+)", line):
            expected.append((match.group(1), int(match.group(2)), int(match.group(3))))
        elif line.startswith("# message: "):
            messages.append(line.removeprefix("# message: "))
        elif line.startswith("# help: "):
            helps.append(line.removeprefix("# help: "))
    assert expected, f"{path.name}: no '# expect:' line"
    return Case(path, tuple(expected), tuple(messages), tuple(helps))


def cases(syntax: bool) -> list[Case]:
    return [load_case(p) for p in sorted(ERRORS.glob("*.sla"))
            if p.name.startswith("syntax-") == syntax]


# ruff and mypy take seconds a run. A test named for them (test_ruff…, test_mypy…,
# …_lint_and_type_clean) runs them in a subprocess: it is slow wherever it is.
STATIC_GATE = re.compile(r"::test_(ruff|mypy)\w*|::test_\w*_lint_and_type_clean\b")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if STATIC_GATE.search(item.nodeid):
            item.add_marker(pytest.mark.slow)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`syntax_case` and `checker_case` arguments run once per fixture file of that kind."""
    for argument, syntax in (("syntax_case", True), ("checker_case", False)):
        if argument in metafunc.fixturenames:
            found = cases(syntax)
            metafunc.parametrize(argument, found, ids=[str(c) for c in found])


def spans_outside(diagnostics: Iterable[Diagnostic], text: str, file: str) -> list[str]:
    """Diagnostics whose span is not inside `text` (lines split at "\\n" only, as Lark counts).

    A span may start one column past the end of a line (the end of line or of file) and end one
    further; lines and columns start at 1 and a span never ends before it starts.
    """
    lines = text.split("\n")
    bad = []
    for d in diagnostics:
        s = d.span
        ok = (s.file == file and 1 <= s.line <= s.end_line <= len(lines)
              and 1 <= s.column <= len(lines[s.line - 1]) + 1
              and 1 <= s.end_column <= len(lines[s.end_line - 1]) + 2
              and (s.end_line > s.line or s.end_column > s.column))
        if not ok:
            bad.append(f"{d.code} at {s}")
    return bad


@pytest.fixture(scope="session")
def check_spans() -> Callable[[Iterable[Diagnostic], str, str], None]:
    """Assert that every diagnostic's span lies inside the text it was reported on."""
    def check(diagnostics: Iterable[Diagnostic], text: str, file: str) -> None:
        bad = spans_outside(diagnostics, text, file)
        assert not bad, bad
    return check


def compiled_at_root(paths: list[Path]) -> list[model.Contract]:
    """The contracts of `paths` (relative to the repository root), compiled from the root as the
    CLI does (relative paths); they must have no error."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        compiled = compile_paths(paths)
    finally:
        os.chdir(here)
    assert not compiled.has_errors, compiled.diagnostics
    return compiled.contracts


def written_package(contracts: list[model.Contract], root: Path) -> Path:
    """The evaluator modules of `contracts`, with the current runtime, written into `root`."""
    files = {**python.package_files(contracts), **python.runtime_files()}
    for contract in contracts:
        files.update(python.render(contract, pycode.HOLIDAY_YEARS))
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return root


@pytest.fixture(scope="session")
def contracts() -> list[model.Contract]:
    """The five contracts, compiled from the repository root as the CLI does (relative paths)."""
    return compiled_at_root(sorted(p.relative_to(ROOT) for p in (ROOT / "contracts").glob("*.sla")))


@pytest.fixture(scope="session")
def package(contracts: list[model.Contract], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five contracts built with the current runtime and templates into <tmp>/generated."""
    return written_package(contracts, tmp_path_factory.mktemp("build") / "generated")


@pytest.fixture(scope="session")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The evaluator modules of the public SLAs (contracts/public/), built into a folder."""
    return written_package(compiled_at_root([Path("contracts/public")]),
                           tmp_path_factory.mktemp("public"))


@pytest.fixture(scope="session")
def modules(package: Path) -> dict[str, ModuleType]:
    """The five contracts' modules of `package`, loaded."""
    return {name: load_generated(package, name) for name in MODULES}

