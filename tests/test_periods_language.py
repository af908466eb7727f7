"""Periods beyond the calendar month: quarters, years, fiscal quarters, billing cycles, each in
its own time zone; checked, evaluated by the generated module and `slac eval`, and summarised.
Expected values are computed by hand in the comments."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from slac.build import render_all
from slac.cli import cli
from slac.examples import load_generated
from slac.pipeline import compile_text

HEADER = """contract "periods" {
    title "Periods"
    provider "Cloud"
    client role en "the Customer"
    source "Periods SLA" dated 2024-03-01
    time zone "Europe/Paris"
    languages en
    currency USD
}
"""


def item(name: str, period: str, example: str = "") -> str:
    return f"""
availability {name} {{
    clause C1 article "1"
    obligation of provider towards client, firm
    no remedy
    target at least 99.9 %
    period {period}
    measured all time
    method outages
    {example}
}}
"""


SOURCE = HEADER + "".join([
    # Q2 2024 in UTC: April 30 + May 31 + June 30 = 91 days = 7,862,400 s. An outage of
    # 2 h = 7,200 s: 1 - 7200/7862400 = 99.908424... %.
    item("quarterly", 'calendar quarter in "UTC"',
         "example in 2024-Q2 outage 2024-05-14 10:00 to 2024-05-14 12:00 gives 99.908424 %"),
    # The year 2024 in UTC has 366 days = 31,622,400 s; 8 h = 28,800 s: 99.908925... %.
    item("yearly", 'calendar year in "UTC"',
         "example in 2024 outage 2024-05-14 10:00 to 2024-05-14 18:00 gives 99.908925 %"),
    # Fiscal years from July: quarter 1 of fiscal year 2024 is July-September 2024 = 92 days
    # = 7,948,800 s in Paris time; 2 h: 1 - 7200/7948800 = 99.909420... %.
    item("fiscal", "fiscal quarter from july",
         "example in 2024-Q1 outage 2024-08-01 10:00 to 2024-08-01 12:00 gives 99.909420 %"),
    # The billing cycle 2024-02 runs from 15 February to 15 March 2024 (Paris): 29 days
    # (leap year) = 2,505,600 s; 1 h = 3,600 s: 1 - 3600/2505600 = 99.856321... %.
    item("cycle", "billing cycle from day 15",
         "example in 2024-02 outage 2024-03-01 10:00 to 2024-03-01 11:00 gives 99.856322 %"),
])


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ModuleType]:
    contract, diagnostics, _ = compile_text(SOURCE.encode(), "periods.sla")
    assert contract is not None and not [d for d in diagnostics if d.severity != "note"], \
        [(d.code, d.span.line) for d in diagnostics]
    out = tmp_path_factory.mktemp("periods")
    for name, text in render_all([contract], "test").items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return out, load_generated(out, "periods")


def test_each_period_is_named_by_its_own_parameters(generated: tuple[Path, ModuleType]) -> None:
    _, module = generated
    utc = ZoneInfo("UTC")
    outage = module.Outage(datetime(2024, 5, 14, 10, tzinfo=utc), datetime(2024, 5, 14, 12,
                                                                             tzinfo=utc))
    report = module.quarterly_report(2024, 2, outages=[outage])
    assert report.availability == Decimal("99.908425")          # 99.9084249..., half-even
    assert report.met                                            # above 99.9 %
    # The same outage in Q1 is outside the period: nothing is lost.
    assert module.quarterly_report(2024, 1, outages=[outage]).availability == Decimal(100)
    assert module.yearly_report(2024, outages=[outage]).availability == Decimal("99.977231")
    # 2 h of 366 days = 7200 / 31,622,400 → 99.97723...


def test_a_billing_cycle_runs_from_its_day(generated: tuple[Path, ModuleType]) -> None:
    _, module = generated
    paris = ZoneInfo("Europe/Paris")
    # 14 February is in the cycle that starts on 15 January: nothing lost in the 2024-02 cycle.
    early = module.Outage(datetime(2024, 2, 14, 10, tzinfo=paris),
                          datetime(2024, 2, 14, 11, tzinfo=paris))
    assert module.cycle_report(2024, 2, outages=[early]).availability == Decimal(100)
    # The 2024-03 cycle (15 March to 15 April) holds the DST change: 31 days less one hour
    # = 2,674,800 s; 1 h lost: 1 - 3600/2674800 = 99.865410...
    late = module.Outage(datetime(2024, 4, 1, 10, tzinfo=paris),
                         datetime(2024, 4, 1, 11, tzinfo=paris))
    assert module.cycle_report(2024, 3, outages=[late]).availability == Decimal("99.865410")


def test_an_example_must_name_a_period_of_its_kind() -> None:
    source = HEADER + item("quarterly", "calendar quarter",
                           "example in 2024-05 gives 100 %")
    _, diagnostics, _ = compile_text(source.encode(), "bad.sla")
    assert [d.code for d in diagnostics] == ["example-period"]
    assert diagnostics[0].help("en") == "write the period as 2024-Q2"


def test_a_billing_cycle_starts_on_a_day_every_month_has() -> None:
    source = HEADER + item("cycle", "billing cycle from day 31")
    _, diagnostics, _ = compile_text(source.encode(), "bad.sla")
    assert [d.code for d in diagnostics] == ["bad-number"]


def test_summaries_name_the_period(generated: tuple[Path, ModuleType]) -> None:
    out, _ = generated
    english = (out / "periods.en.md").read_text(encoding="utf-8")
    french = (out / "periods.fr.md").read_text(encoding="utf-8")
    assert "computed for each calendar quarter (UTC time)" in english
    assert "computed for each fiscal quarter (fiscal years from July)" in english
    assert "in Q1 of fiscal year 2024" in english
    assert "calculée pour chaque trimestre civil (heure du fuseau UTC)" in french
    assert "billing cycle, from day 15 of a month to day 15 of the next" in english


def test_slac_eval_takes_a_quarter(generated: tuple[Path, ModuleType], tmp_path: Path) -> None:
    contract = tmp_path / "periods.sla"
    contract.write_text(SOURCE, encoding="utf-8")
    outages = tmp_path / "outages.csv"
    outages.write_text("start,end\n2024-05-14T10:00:00Z,2024-05-14T12:00:00Z\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(contract), "quarterly", "--period", "2024-Q2",
                                 "--input", str(outages), "--json"])
    assert result.exit_code == 0, result.output
    assert '"availability": "99.908425"' in result.output or "99.908425" in result.output
    wrong = runner.invoke(cli, ["eval", str(contract), "quarterly", "--period", "2024-05"])
    assert wrong.exit_code == 2
    assert "--period YYYY-QN" in wrong.output + (wrong.stderr or "")
