"""What `slac check` prints for each error fixture, in English and in French, pinned whole.

Each fixture tests/fixtures/errors/NAME.sla has two reviewed snapshots beside it, NAME.en.txt and
NAME.fr.txt: the error output of `slac check tests/fixtures/errors/NAME.sla --lang en|fr` run
from the repository root, byte for byte (message, gutter, caret width, notes, help, count).
The `# expect:` lines of the fixtures are checked by test_checker.py and test_syntax_errors.py;
these snapshots pin the words and the layout around them. Refresh after a deliberate change with
`python -m tests.update_snapshots` and review the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from update_snapshots import (
    LANGUAGES,
    REFRESH,
    ROOT,
    check_output,
    fixtures,
    orphan_snapshots,
    snapshot_path,
)

FIXTURES = fixtures()


def diff(expected: str, actual: str, name: str) -> str:
    lines = difflib.unified_diff(expected.splitlines(keepends=True),
                                 actual.splitlines(keepends=True), f"{name} (reviewed)",
                                 f"{name} (now)")
    return "".join(lines)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_check_output_matches_its_snapshot(fixture: Path, lang: str) -> None:
    code, stdout, stderr = check_output(fixture, lang)
    assert stdout == "", "the text format writes to the error output only"
    last = stderr.splitlines()[-1]
    errors = last.startswith(("0 error(s)", "0 erreur(s)")) is False
    assert code == (1 if errors else 0), (code, last)
    snapshot = snapshot_path(fixture, lang)
    name = snapshot.relative_to(ROOT).as_posix()
    assert snapshot.exists(), f"{name} is missing: run `{REFRESH}`"
    expected = snapshot.read_bytes().decode("utf-8")
    assert stderr == expected, f"{name} differs (refresh: `{REFRESH}`):\n" + diff(expected, stderr,
                                                                                   name)


def test_every_snapshot_has_its_fixture() -> None:
    assert orphan_snapshots() == [], f"snapshots without a fixture: run `{REFRESH}`"


def test_french_snapshots_are_french() -> None:
    """The French output uses the French words of every line it shows, the English one none."""
    for fixture in FIXTURES:
        fr = snapshot_path(fixture, "fr").read_text(encoding="utf-8")
        en = snapshot_path(fixture, "en").read_text(encoding="utf-8")
        assert fr != en, fixture.name
        assert " fichier(s)\n" in fr and " file(s)\n" in en, fixture.name
        for word in (": error: ", ": warning: ", "= help: "):
            assert word not in fr, (fixture.name, word)
        for word in (": erreur: ", ": avertissement: ", "= aide: "):
            assert word not in en, (fixture.name, word)
