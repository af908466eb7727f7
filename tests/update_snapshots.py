"""Snapshots of what users see, and the one command that rewrites them:

    python -m tests.update_snapshots

Two kinds of reviewed files, each compared byte for byte by the tests:

- beside each error fixture `tests/fixtures/errors/NAME.sla`, the whole text output of
  `slac check tests/fixtures/errors/NAME.sla --lang en` (`NAME.en.txt`) and `--lang fr`
  (`NAME.fr.txt`): located lines, gutter, caret, `= note:`/`= help:` lines and the final count,
  as the terminal shows them (tests/test_snapshots.py);
- in `tests/golden/summary/`, the French and English summaries and the A4 sheet of the test
  contracts in tests/data/ that `generated/` does not cover (tests/test_summary.py).

Both are rendered in-process: the diagnostics through the `slac` command itself (click's test
runner, from the repository root, so that paths read as a user types them), the summaries through
the summary backend that `slac build` uses. The command rewrites every file, deletes the snapshots
whose fixture is gone and lists what changed: review that diff before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
ERRORS = ROOT / "tests" / "fixtures" / "errors"
GOLDEN = ROOT / "tests" / "golden" / "summary"
LANGUAGES = ("en", "fr")
# The test contracts whose summaries are pinned (the five of contracts/ are pinned by generated/).
SUMMARY_SOURCES = ("tests/data/examples-every-kind.sla", "tests/data/backend-edge-cases.sla")
REFRESH = "python -m tests.update_snapshots"


@contextmanager
def at_root() -> Iterator[None]:
    """Run from the repository root, as the README's commands do (relative paths in outputs)."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(here)


# --------------------------------------------------------------------------- diagnostics


def fixtures() -> list[Path]:
    return sorted(ERRORS.glob("*.sla"))


def snapshot_path(fixture: Path, lang: str) -> Path:
    return fixture.with_name(f"{fixture.stem}.{lang}.txt")


def check_output(fixture: Path, lang: str) -> tuple[int, str, str]:
    """(exit code, standard output, error output) of `slac check FIXTURE --lang LANG`."""
    from slac.cli import cli

    relative = fixture.relative_to(ROOT).as_posix()
    with at_root():
        result = CliRunner().invoke(cli, ["check", relative, "--lang", lang], prog_name="slac")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def diagnostic_snapshots() -> dict[Path, bytes]:
    """Every diagnostics snapshot as it should be: path → bytes."""
    return {snapshot_path(fixture, lang): check_output(fixture, lang)[2].encode("utf-8")
            for fixture in fixtures() for lang in LANGUAGES}


def orphan_snapshots() -> list[Path]:
    """Snapshot files beside the fixtures that no fixture gives (a fixture removed or renamed)."""
    wanted = {snapshot_path(fixture, lang) for fixture in fixtures() for lang in LANGUAGES}
    return sorted(p for p in ERRORS.glob("*.txt") if p not in wanted)


# --------------------------------------------------------------------------- summaries


def summaries(source: str) -> dict[str, str]:
    """The summary files (`ID.fr.md`, `ID.en.md`, `ID.html`) of one test contract."""
    from slac.backends import summary
    from slac.pipeline import compile_paths

    with at_root():
        compiled = compile_paths([Path(source)])
    if compiled.has_errors or len(compiled.contracts) != 1:
        raise AssertionError(f"{source} does not check: {compiled.diagnostics}")
    return summary.render(compiled.contracts[0])


def golden_snapshots() -> dict[Path, bytes]:
    return {GOLDEN / name: text.encode("utf-8")
            for source in SUMMARY_SOURCES for name, text in summaries(source).items()}


def orphan_golden() -> list[Path]:
    wanted = set(golden_snapshots())
    return sorted(p for p in GOLDEN.iterdir() if p not in wanted) if GOLDEN.is_dir() else []


# --------------------------------------------------------------------------- the command


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    changed = 0
    for path, data in {**diagnostic_snapshots(), **golden_snapshots()}.items():
        if path.exists() and path.read_bytes() == data:
            continue
        print(f"{'updated' if path.exists() else 'created'} {path.relative_to(ROOT)}")
        path.write_bytes(data)
        changed += 1
    for path in [*orphan_snapshots(), *orphan_golden()]:
        print(f"deleted {path.relative_to(ROOT)}")
        path.unlink()
        changed += 1
    print(f"{changed} file(s) changed" if changed else "snapshots are up to date")


if __name__ == "__main__":
    main()
