"""Worked examples of the contracts, evaluated against freshly generated modules."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from slac import model
from slac.backends import python
from slac.examples import ExampleFailure, fee_arguments, load_generated, run_examples
from slac.pipeline import compile_paths

ROOT = Path(__file__).resolve().parent.parent


def compile_in(folder: Path, *paths: str) -> list[model.Contract]:
    here = Path.cwd()
    os.chdir(folder)
    try:
        compiled = compile_paths([Path(p) for p in paths])
    finally:
        os.chdir(here)
    assert not compiled.has_errors, compiled.diagnostics
    return compiled.contracts


def build(contracts: list[model.Contract], out: Path) -> Path:
    root = out / "generated"
    files = {**python.package_files(contracts), **python.runtime_files()}
    for contract in contracts:
        files.update(python.render(contract, python.HOLIDAY_YEARS))
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def load(contract: model.Contract, out: Path) -> ModuleType:
    return load_generated(build([contract], out), contract.module)


def count_examples(contract: model.Contract) -> int:
    return sum(len(getattr(item, "examples", ())) for item in contract.items)


@pytest.mark.parametrize("name", ["cegid-api", "cegid-conciliator", "cegid-loop",
                                  "niveaux-de-service", "teogest"])
def test_all_examples_pass(name: str, tmp_path: Path) -> None:
    [contract] = compile_in(ROOT, f"contracts/{name}.sla")
    assert run_examples(contract, load(contract, tmp_path)) == []


def test_the_contracts_have_examples_of_every_kind() -> None:
    contracts = compile_in(ROOT, "contracts")
    assert sum(count_examples(c) for c in contracts) == 25
    kinds = {type(item).__name__ for c in contracts for item in c.items
             if getattr(item, "examples", ())}
    assert kinds == {"Window", "Availability", "Tiers", "Deadlines", "Term", "MoneyClause"}


WRONG = [
    # (original line, wrong line, expected, actual)
    ("    example 0.3 % gives 3 % of invoice", "    example 0.3 % gives 8 % of invoice",
     "8 % of invoice", "3 % of invoice"),
    ("    example investigation at 2024-05-07 10:00 due 2024-05-21 11:00",
     "    example investigation at 2024-05-07 10:00 due 2024-05-20 11:00",
     "2024-05-20 11:00+02:00", "2024-05-21 11:00+02:00"),
    ("    example 2024-03-27 06:00 outside", "    example 2024-03-27 06:00 inside",
     "inside", "outside"),
    ("    example subscribed 2024-02-10 requested 2024-09-15 ends 2024-09-30",
     "    example subscribed 2024-02-10 requested 2024-09-15 ends 2024-10-31",
     "2024-10-31", "2024-09-30"),
    ("    example restore hours 2 files 1 gives 260 EUR excl. tax",
     "    example restore hours 2 files 5 gives 260 EUR excl. tax",
     "260 EUR excl. tax", "350 EUR excl. tax"),
    ("gives 99.800627 %", "gives 99.800628 %", "99.800628 %", "99.800627 %"),
]


@pytest.mark.parametrize(("original", "wrong", "expected", "actual"), WRONG)
def test_a_wrong_example_fails_at_its_line(tmp_path: Path, original: str, wrong: str,
                                           expected: str, actual: str) -> None:
    text = (ROOT / "contracts" / "teogest.sla").read_text(encoding="utf-8")
    assert original in text
    line = text[:text.index(original)].count("\n") + 1
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "teogest.sla").write_text(text.replace(original, wrong),
                                                        encoding="utf-8")
    [contract] = compile_in(tmp_path, "contracts/teogest.sla")
    failures = run_examples(contract, load(contract, tmp_path / "out"))
    assert failures == [ExampleFailure(line, expected, actual)]


def test_availability_is_compared_at_the_precision_written(tmp_path: Path) -> None:
    # T1: 99.800627 % rounded to the one decimal the author wrote is 99.8 %: the example holds.
    text = (ROOT / "contracts" / "teogest.sla").read_text(encoding="utf-8")
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "teogest.sla").write_text(
        text.replace("gives 99.800627 %", "gives 99.8 %"), encoding="utf-8")
    [contract] = compile_in(tmp_path, "contracts/teogest.sla")
    assert run_examples(contract, load(contract, tmp_path / "out")) == []


def test_an_example_that_raises_is_an_error(tmp_path: Path) -> None:
    # 2050 is outside the years of holiday data: the evaluator refuses, the example errs.
    text = (ROOT / "contracts" / "cegid-loop.sla").read_text(encoding="utf-8")
    original = "    example 2024-05-02 19:59 inside"
    line = text[:text.index(original)].count("\n") + 1
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "loop.sla").write_text(
        text.replace(original, "    example 2050-05-02 19:59 inside"), encoding="utf-8")
    [contract] = compile_in(tmp_path, "contracts/loop.sla")
    [failure] = run_examples(contract, load(contract, tmp_path / "out"))
    assert failure.line == line
    assert failure.reason is not None
    assert failure.reason.startswith("SlaInputError") and "2050" in failure.reason


def test_builds_do_not_clash(tmp_path: Path) -> None:
    """Two builds of the same module with different examples each load their own code."""
    [contract] = compile_in(ROOT, "contracts/teogest.sla")
    first = load(contract, tmp_path / "a")
    text = (ROOT / "contracts" / "teogest.sla").read_text(encoding="utf-8")
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "teogest.sla").write_text(
        text.replace("target at least 99.8 %", "target at least 99.9 %"), encoding="utf-8")
    [changed] = compile_in(tmp_path, "contracts/teogest.sla")
    second = load(changed, tmp_path / "b")
    assert first.__name__ != second.__name__
    assert first.DISPONIBILITE_TARGET == Decimal("99.8")
    assert second.DISPONIBILITE_TARGET == Decimal("99.9")


def test_fee_arguments_map_names_then_order() -> None:
    fee = model.Fee("restore", model.Money(Decimal(130), "EUR", "excl"), "hour",
                    model.Money(Decimal(70), "EUR", "excl"), "dossier")
    two = Decimal(2)
    one = Decimal(1)
    assert fee_arguments(fee, (("hours", two), ("files", one))) == {"hours": two, "units": 1}
    assert fee_arguments(fee, (("files", one), ("hours", two))) == {"hours": two, "units": 1}
    with pytest.raises(ValueError, match="takes hours, units"):
        fee_arguments(fee, (("hours", two), ("files", one), ("extra", one)))
