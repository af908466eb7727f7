"""Synthetic contracts: copies of the five real contracts with new ids and varied numbers.

Copy `i` of a contract gets the id `<id>-<i:04d>` and, for each numeric knob of that contract, a
value drawn (seeded) from a range that keeps the contract clean: the knobs change deadlines, caps,
fees and retention figures that no worked example depends on, so every copy checks without
errors and its examples still hold. The copies have the size and the shape of the real ones.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

CONTRACTS = Path(__file__).resolve().parent.parent / "contracts"


@dataclass(frozen=True)
class Knob:
    """A number to vary: `pattern` has one group, the number; it is replaced by one of `values`."""

    pattern: str
    values: range


KNOBS: dict[str, tuple[Knob, ...]] = {
    "cegid-api": (
        Knob(r"liability cap of provider (\d+) EUR", range(500, 5001, 50)),
        Knob(r"meeting within (\d+) days", range(5, 31)),
        Knob(r"survives (\d+) years after end", range(1, 11)),
    ),
    "cegid-conciliator": (
        Knob(r"processing within (\d+) hours", range(12, 97)),
        Knob(r"current year and (\d+) previous years", range(1, 6)),
        Knob(r"surcharge (\d+) %", range(5, 41)),
    ),
    "cegid-loop": (
        Knob(r"rpo (\d+) hours", range(6, 49)),
        Knob(r"current year and (\d+) previous years", range(5, 13)),
        Knob(r"notice (\d+) hours except", range(24, 97)),
    ),
    "niveaux-de-service": (
        Knob(r"restore within (\d+) days", range(1, 8)),
        Knob(r"cap (\d+) days of service per month", range(5, 31)),
    ),
    "teogest": (
        Knob(r"return_data within (\d+) days", range(10, 46)),
        Knob(r"objection within (\d+) days", range(5, 31)),
        Knob(r"fee reversibility_assistance .* (\d+) EUR", range(100, 401, 10)),
        Knob(r"survives at least (\d+) years after end", range(1, 6)),
    ),
}
_ID = r'^contract "([a-z0-9-]+)"'
_DATED = r"(?:dated|effective) (\d{4}-\d{2}-\d{2})"


def originals() -> dict[str, str]:
    """The real contracts' texts, by contract id (in id order)."""
    texts = {}
    for path in sorted(CONTRACTS.glob("*.sla")):
        text = path.read_text(encoding="utf-8")
        match = re.search(_ID, text, re.MULTILINE)
        if match is None:
            raise ValueError(f"{path}: no contract header")
        texts[match.group(1)] = text
    return texts


def _replace_once(text: str, pattern: str, value: str, what: str) -> str:
    """Replace the single group of the single match of `pattern`; ValueError if not exactly one."""
    matches = list(re.finditer(pattern, text, re.MULTILINE))
    if len(matches) != 1:
        raise ValueError(f"{what}: {pattern!r} matches {len(matches)} times, expected once")
    start, end = matches[0].span(1)
    return text[:start] + value + text[end:]


def variant(contract_id: str, text: str, number: int, rng: random.Random) -> str:
    """Copy `number` of a contract: new id, new source date, knobs drawn from `rng`."""
    what = f"{contract_id} copy {number}"
    text = _replace_once(text, _ID, f"{contract_id}-{number:04d}", what)
    dated = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
    first = re.search(_DATED, text)    # the first source's date; an undated contract has none
    if first is not None:
        text = text[:first.start(1)] + dated.isoformat() + text[first.end(1):]
    for knob in KNOBS.get(contract_id, ()):
        text = _replace_once(text, knob.pattern, str(rng.choice(knob.values)), what)
    return text


def write_contracts(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` synthetic contracts into `folder` (the five real ones in turn); their paths."""
    rng = random.Random(seed)
    bases = list(originals().items())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        contract_id, text = bases[number % len(bases)]
        path = folder / f"{contract_id}-{number:04d}.sla"
        path.write_text(variant(contract_id, text, number, rng), encoding="utf-8")
        paths.append(path)
    return paths


def edit_contracts(folder: Path, count: int, seed: int) -> list[Path]:
    """Give `count` of the contracts in `folder`, spread over them, other knob values (another
    draw of `variant`); the paths edited."""
    rng = random.Random(seed + 1)
    texts = originals()
    paths = sorted(folder.glob("*.sla"))
    chosen = paths[::max(1, len(paths) // count)][:count]
    for path in chosen:
        contract_id, number = path.stem.rsplit("-", 1)
        before = path.read_text(encoding="utf-8")
        text = before
        while text == before:
            text = variant(contract_id, texts[contract_id], int(number), rng)
        path.write_text(text, encoding="utf-8")
    return chosen
