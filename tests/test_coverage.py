"""docs/coverage.md tells the truth: every inventory id is encoded, at the places it names."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INVENTORY = ([f"L{i}" for i in range(1, 11)] + [f"C{i}" for i in range(1, 10)]
             + [f"T{i}" for i in range(1, 21)] + [f"A{i}" for i in range(1, 5)]
             + [f"N{i}" for i in range(1, 7)])


def rows() -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for line in (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| ([A-Z]\d+) \|", line)
        if match:
            found[match.group(1)] = [(f, int(n)) for f, n in re.findall(r"`([^`:]+):(\d+)`", line)]
    return found


def test_every_inventory_id_has_a_row() -> None:
    assert sorted(rows()) == sorted(INVENTORY)


def test_every_row_points_at_its_clause() -> None:
    for clause, places in rows().items():
        assert places, clause
        for file, line in places:
            text = (ROOT / file).read_text(encoding="utf-8").splitlines()[line - 1]
            assert re.search(rf"\bclause {clause} article ", text), (clause, file, line)


def test_every_clause_in_contracts_is_listed() -> None:
    listed = {(f, n) for places in rows().values() for f, n in places}
    for path in sorted((ROOT / "contracts").glob("*.sla")):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bclause [A-Z]\d+ article ", text):
                assert (f"contracts/{path.name}", number) in listed, (path.name, number)
