"""Worked examples of the contracts, evaluated against freshly generated modules."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from slac import model
from slac.backends import pycode, python
from slac.cli import cli
from slac.examples import ExampleFailure, load_generated, run_examples
from slac.kinds.money import Fee, fee_arguments
from slac.kinds.retention import Retention, RetentionExample
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
        files.update(python.render(contract, pycode.HOLIDAY_YEARS))
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
    # 25 in the five contracts, 62 in the eleven public SLAs of contracts/public/
    assert sum(count_examples(c) for c in contracts) == 87
    kinds = {type(item).__name__ for c in contracts for item in c.items
             if getattr(item, "examples", ())}
    assert kinds == {"Window", "Availability", "Tiers", "Credit", "Termination", "Deadlines",
                     "Term", "MoneyClause"}


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
     "260 EUR excl. tax", "350.00 EUR excl. tax"),
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
    assert Decimal("99.8") == first.DISPONIBILITE_TARGET
    assert Decimal("99.9") == second.DISPONIBILITE_TARGET


def test_fee_arguments_map_names_then_order() -> None:
    fee = Fee("restore", None, model.Money(Decimal(130), "EUR", "excl"), "hour", None,
              model.Money(Decimal(70), "EUR", "excl"), model.Text("dossier", "file"))
    two = Decimal(2)
    one = Decimal(1)
    assert fee_arguments(fee, (("hours", two), ("files", one))) == {"hours": two, "units": 1}
    assert fee_arguments(fee, (("files", one), ("hours", two))) == {"hours": two, "units": 1}
    with pytest.raises(ValueError, match="takes hours, units"):
        fee_arguments(fee, (("hours", two), ("files", one), ("extra", one)))


# --------------------------------------------------------------------------- every kind of example
# tests/data/examples-every-kind.sla has examples of every kind, computed by hand in its comments,
# that all hold. Each case below changes one line of it and says what the build must then report.

EVERY_KIND = ROOT / "tests" / "data" / "examples-every-kind.sla"


def compile_changed(tmp_path: Path, changes: dict[str, str]) -> tuple[model.Contract, str]:
    """The fixture with each `original` line replaced by its change, checked; and its text."""
    text = EVERY_KIND.read_text(encoding="utf-8")
    for original, changed in changes.items():
        assert text.count(original) == 1, original
        text = text.replace(original, changed)
    (tmp_path / "every.sla").write_text(text, encoding="utf-8")
    [contract] = compile_in(tmp_path, "every.sla")
    return contract, text


def line_of(text: str, fragment: str) -> int:
    return text[:text.index(fragment)].count("\n") + 1


def test_every_kind_of_example_holds(tmp_path: Path) -> None:
    [contract] = compile_in(ROOT, "tests/data/examples-every-kind.sla")
    kinds = {type(item).__name__ for item in contract.items if getattr(item, "examples", ())}
    assert kinds == {"Window", "Availability", "Tiers", "Deadlines", "Term", "MoneyClause",
                     "Retention"}
    assert count_examples(contract) == 18
    assert run_examples(contract, load(contract, tmp_path)) == []


HOLDS = [
    # Written otherwise, the same result: the example still holds.
    ("gives 130 EUR excl. tax", "gives 130.00 EUR excl. tax"),
    ("gives 3 days of service", "gives 3.0 days of service"),
    ("gives 2.50 % of invoice", "gives 2.5 % of invoice"),
    ("gives 260.00 EUR excl. tax", "gives 260 EUR excl. tax"),
    # 99.921594982… % to four decimals is 99.9216 %, to two 99.92 %.
    ("gives 99.92159 %", "gives 99.9216 %"),
    ("gives 99.92159 %", "gives 99.92 %"),
    # 27 October 2024: 01:30 is UTC+2 (23:30 UTC the day before); 90 minutes later is 01:00 UTC,
    # after clocks went back at 01:00 UTC: 02:00 UTC+1, the second 02:00 of the night. The
    # contract's wall clock says 02:00 either way, and so does the example.
    ("example ack at 2024-03-01 10:00 due 2024-03-01 11:30",
     "example ack at 2024-10-27 01:30 due 2024-10-27 02:00"),
]


@pytest.mark.parametrize(("original", "changed"), HOLDS)
def test_an_example_written_otherwise_still_holds(tmp_path: Path, original: str,
                                                  changed: str) -> None:
    contract, _ = compile_changed(tmp_path, {original: changed})
    assert run_examples(contract, load(contract, tmp_path / "out")) == []


FAILS = [
    # (original, changed: one unit off, or another tax mention; expected, actual as reported)
    ("example 2024-03-01 18:00 outside", "example 2024-03-01 18:00 inside",
     "inside", "outside"),
    ("example 2024-03-01 17:59 inside", "example 2024-03-01 17:59 outside",
     "outside", "inside"),
    # The exact rate is 99.921594982… %: 99.92160 % would be the report's 99.921595 % rounded
    # again; 99.92158 % is one unit below.
    ("gives 99.92159 %", "gives 99.92160 %", "99.92160 %", "99.92159 %"),
    ("gives 99.92159 %", "gives 99.92158 %", "99.92158 %", "99.92159 %"),
    ("example 1.5 % gives 130 EUR excl. tax", "example 1.5 % gives 131 EUR excl. tax",
     "131 EUR excl. tax", "130 EUR excl. tax"),
    ("example 1.5 % gives 130 EUR excl. tax", "example 1.5 % gives 130 EUR incl. tax",
     "130 EUR incl. tax", "130 EUR excl. tax"),
    ("example 1.5 % gives 130 EUR excl. tax", "example 1.5 % gives 130 EUR",
     "130 EUR", "130 EUR excl. tax"),
    # 1.01 % is in the second tier, not the first.
    ("example 0.5 % gives none", "example 1.01 % gives none", "none", "130 EUR excl. tax"),
    # 3 % gives 250 EUR, capped at 200 EUR (the cap's tax mention).
    ("example 3 % gives 200 EUR excl. tax", "example 3 % gives 201 EUR excl. tax",
     "201 EUR excl. tax", "200 EUR excl. tax"),
    ("example 3 % gives 200 EUR excl. tax", "example 3 % gives 200 EUR incl. tax",
     "200 EUR incl. tax", "200 EUR excl. tax"),
    ("example 3 % gives 200 EUR excl. tax", "example 3 % gives 250 EUR excl. tax",
     "250 EUR excl. tax", "200 EUR excl. tax"),
    ("gives 2.50 % of invoice", "gives 2.51 % of invoice", "2.51 % of invoice", "2.5 % of invoice"),
    ("gives 2.50 % of invoice", "gives 2.5 days of service",
     "2.5 days of service", "2.5 % of invoice"),
    ("gives 3 days of service", "gives 4 days of service", "4 days of service",
     "3 days of service"),
    # Notice given 8 days before 15 March 2024, on 7 March: at least 8 days, nothing is due.
    ("example 7 days gives 100 % of invoice", "example 8 days gives 100 % of invoice",
     "100 % of invoice", "none"),
    ("example 8 days gives none", "example 7 days gives none", "none", "100 % of invoice"),
    ("due 2024-03-01 11:30", "due 2024-03-01 11:31", "2024-03-01 11:31+01:00",
     "2024-03-01 11:30+01:00"),
    # 2 calendar days over the change to summer time end at 10:00 wall clock, not at 11:00
    # (48 elapsed hours).
    ("due 2024-03-31 10:00", "due 2024-03-31 11:00", "2024-03-31 11:00+02:00",
     "2024-03-31 10:00+02:00"),
    ("ends 2024-09-30\n    # Subscribed 1 Mar", "ends 2024-10-01\n    # Subscribed 1 Mar",
     "2024-10-01", "2024-09-30"),
    ("requested 2024-05-10 ends 2024-09-30", "requested 2024-05-10 ends 2024-09-29",
     "2024-09-29", "2024-09-30"),
    ("gives 260.00 EUR excl. tax", "gives 260.01 EUR excl. tax", "260.01 EUR excl. tax",
     "260.00 EUR excl. tax"),
    ("gives 260.00 EUR excl. tax", "gives 260.00 EUR incl. tax", "260.00 EUR incl. tax",
     "260.00 EUR excl. tax"),
    ("gives 260.00 EUR excl. tax", "gives 260.00 EUR", "260.00 EUR", "260.00 EUR excl. tax"),
    # 0.25 h × 130 = 32.50 EUR, below 2 × 70 = 140 EUR.
    ("hours 0.25 files 3 gives", "hours 0.25 files 2 gives", "210 EUR excl. tax",
     "140.00 EUR excl. tax"),
    ("reset count 3 gives 105 EUR", "reset count 4 gives 105 EUR", "105 EUR excl. tax",
     "140.00 EUR excl. tax"),
]


@pytest.mark.parametrize(("original", "changed", "expected", "actual"), FAILS)
def test_an_example_one_unit_off_fails_at_its_line(tmp_path: Path, original: str, changed: str,
                                                   expected: str, actual: str) -> None:
    contract, text = compile_changed(tmp_path, {original: changed})
    failures = run_examples(contract, load(contract, tmp_path / "out"))
    assert failures == [ExampleFailure(line_of(text, changed), expected, actual)]


def test_a_due_time_with_seconds_is_not_the_minute_written(tmp_path: Path) -> None:
    # 10:00 + 90 seconds = 10:01:30, which is not 10:01.
    contract, text = compile_changed(tmp_path, {
        "ack within 90 minutes": "ack within 90 seconds",
        "due 2024-03-01 11:30": "due 2024-03-01 10:01"})
    failures = run_examples(contract, load(contract, tmp_path / "out"))
    assert failures == [ExampleFailure(line_of(text, "due 2024-03-01 10:01"),
                                       "2024-03-01 10:01+01:00", "2024-03-01 10:01:30+01:00")]


# --------------------------------------------------------------------------- retention examples
# `example at DATE hh:mm restores N copies`: the copies restorable at that instant. The
# examples below are set on the checked item, to test several instants against one build.

PARIS = ZoneInfo("Europe/Paris")


def with_retention_examples(contract: model.Contract,
                            *examples: RetentionExample) -> model.Contract:
    items = tuple(dataclasses.replace(item, examples=examples)
                  if isinstance(item, Retention) else item for item in contract.items)
    return dataclasses.replace(contract, items=items)


def test_a_retention_example_counts_the_copies_restorable(tmp_path: Path) -> None:
    # Daily copies at 01:00 kept 1 week. At 12:00 on 10 March 2024 the copies of 4 to 10 March
    # are kept (7); the one of 3 March expired at 01:00 that day. At 00:30 on 10 March, the copies
    # of 3 to 9 March (7). At 01:00 on 10 March the copy of 10 March is taken and the one of
    # 3 March expires: still 7. At 00:30 on 1 January 2024, 25 to 31 December 2023: 7.
    [contract] = compile_in(ROOT, "tests/data/examples-every-kind.sla")
    module = load(contract, tmp_path)
    holding = with_retention_examples(
        contract,
        RetentionExample(datetime(2024, 3, 10, 12, 0, tzinfo=PARIS), 7, 101),
        RetentionExample(datetime(2024, 3, 10, 0, 30, tzinfo=PARIS), 7, 102),
        RetentionExample(datetime(2024, 3, 10, 1, 0, tzinfo=PARIS), 7, 103),
        RetentionExample(datetime(2024, 1, 1, 0, 30, tzinfo=PARIS), 7, 104))
    assert run_examples(holding, module) == []
    wrong = with_retention_examples(
        contract,
        RetentionExample(datetime(2024, 3, 10, 12, 0, tzinfo=PARIS), 8, 101),
        RetentionExample(datetime(2024, 3, 10, 12, 0, tzinfo=PARIS), 1, 102))
    assert run_examples(wrong, module) == [ExampleFailure(101, "8 copies", "7 copies"),
                                           ExampleFailure(102, "1 copy", "7 copies")]


def test_a_retention_example_on_a_copy_taken_at_no_said_time_is_an_error(tmp_path: Path) -> None:
    contract, _ = compile_changed(tmp_path, {
        "copy daily every day at 01:00 kept 1 week": "copy daily every day kept 1 week"})
    checked = with_retention_examples(
        contract, RetentionExample(datetime(2024, 3, 10, 12, 0, tzinfo=PARIS), 7, 101))
    [failure] = run_examples(checked, load(contract, tmp_path / "out"))
    assert failure.line == 101
    assert failure.reason is not None
    assert failure.reason.startswith("UnspecifiedError") and "daily_at" in failure.reason


def build_json(source: Path, out: Path) -> tuple[int, list[dict[str, object]]]:
    """`slac build SOURCE --out OUT --format json`: exit code and diagnostics."""
    result = CliRunner().invoke(cli, ["build", str(source), "--out", str(out), "--format", "json",
                                      "--lang", "en"], prog_name="slac")
    return result.exit_code, json.loads(result.stdout)


def test_the_build_fails_at_the_line_of_a_wrong_example(tmp_path: Path) -> None:
    code, diagnostics = build_json(EVERY_KIND, tmp_path / "good")
    assert (code, [d for d in diagnostics if d["severity"] == "error"]) == (0, [])
    _, text = compile_changed(tmp_path, {"gives 130 EUR excl. tax": "gives 130 EUR incl. tax"})
    code, diagnostics = build_json(tmp_path / "every.sla", tmp_path / "bad")
    [error] = [d for d in diagnostics if d["severity"] == "error"]
    assert code == 1
    assert (error["code"], error["line"], error["column"]) == (
        "example-failed", line_of(text, "gives 130 EUR incl. tax"), 5)
    assert error["message"] == ("worked example fails: expected 130 EUR incl. tax, "
                                "the contract gives 130 EUR excl. tax")
    assert not (tmp_path / "bad").exists()


def test_the_build_fails_on_a_wrong_retention_example(tmp_path: Path) -> None:
    _, text = compile_changed(tmp_path, {"restores 7 copies": "restores 8 copies"})
    code, diagnostics = build_json(tmp_path / "every.sla", tmp_path / "out")
    errors = [(d["code"], d["line"], d["message"]) for d in diagnostics
              if d["severity"] == "error"]
    message = "worked example fails: expected 8 copies, the contract gives 7 copies"
    assert (code, errors) == (1, [("example-failed", line_of(text, "restores 8 copies"), message)])
