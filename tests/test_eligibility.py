"""Eligibility: the conditions under which an SLA applies at all (two zones or more, a plan, a
time up, a fact the caller states), declared in the contract and required by its evaluators.
Expected values are computed by hand in the comments (June 2024, UTC: 43,200 minutes)."""

from __future__ import annotations

from datetime import datetime, timedelta
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

UTC = ZoneInfo("UTC")

SOURCE = """contract "eligible" {
    title "Compute SLA"
    provider "Cloud"
    client role en "the Customer"
    source "Compute SLA" dated 2024-03-01
    time zone "UTC"
    languages en
    currency USD
}

availability compute {
    clause C1 article "1"
    obligation of provider towards client, firm
    target at least 99.99 %
    period calendar month
    measured all time
    method outages
    eligible if zones at least 2 en "instances deployed in two or more availability zones"
    eligible if plan one of "business_plus", "enterprise" en "on the Business+ plan or above"
    eligible if running at least 24 hours en "the deployment has run for 24 hours"
    eligible if monitored en "the provider can monitor the instances"
}

tiers credits {
    clause C2 article "2"
    on availability of compute
    rows overlap, deepest wins
    from 99.99 % included: none
    below 99.99 %: 10 % of invoice
    paid as service credit
    claim within 30 days after end of period
    sole remedy
}
"""

ELIGIBLE = {"zones": 2, "plan": "enterprise", "running": timedelta(days=3), "monitored": True}


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    contract, diagnostics, _ = compile_text(SOURCE.encode(), "eligible.sla")
    assert contract is not None and not [d for d in diagnostics if d.severity != "note"], \
        [(d.code, d.span.line) for d in diagnostics]
    out = tmp_path_factory.mktemp("eligible")
    for name, text in render_all([contract], "test").items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return load_generated(out, "eligible")


def outage(module: ModuleType, minutes: int) -> object:
    start = datetime(2024, 6, 10, 10, tzinfo=UTC)
    return module.Outage(start, start + timedelta(minutes=minutes))


def test_an_eligible_deployment_gets_its_credit(module: ModuleType) -> None:
    # 10 minutes down: (43,200 - 10) / 43,200 = 99.976852 % < 99.99 % → 10 % of 1,000 = 100.
    report = module.compute_report(2024, 6, outages=[outage(module, 10)], **ELIGIBLE)
    assert report.applies and report.unmet == ()
    result = module.credits_from_report(report, invoice=Decimal(1000))
    assert result.money == Decimal("100.00")


@pytest.mark.parametrize(("change", "unmet"), [
    ({"zones": 1}, "instances deployed in two or more availability zones"),
    ({"plan": "pro"}, "on the Business+ plan or above"),
    ({"running": timedelta(hours=23, minutes=59)}, "the deployment has run for 24 hours"),
    ({"monitored": False}, "the provider can monitor the instances"),
])
def test_a_deployment_that_is_not_eligible_gets_nothing(
        module: ModuleType, change: dict[str, object], unmet: str) -> None:
    report = module.compute_report(2024, 6, outages=[outage(module, 10)],
                                   **{**ELIGIBLE, **change})
    assert not report.applies and report.unmet == (unmet,)
    assert report.availability == Decimal("99.976852")     # still measured
    result = module.credits_from_report(report, invoice=Decimal(1000))
    assert result.tier is None and result.outcome.kind == "none"
    assert result.money == Decimal("0.00")
    assert "the SLA does not apply: " + unmet in report.explain()


def test_the_conditions_are_required_and_typed(module: ModuleType) -> None:
    with pytest.raises(TypeError, match="zones"):
        module.compute_report(2024, 6, plan="enterprise", running=timedelta(days=1),
                              monitored=True)
    with pytest.raises(module.SlaInputError, match="zones must be an int"):
        module.compute_report(2024, 6, **{**ELIGIBLE, "zones": "2"})
    with pytest.raises(module.SlaInputError, match="monitored must be a bool"):
        module.compute_report(2024, 6, **{**ELIGIBLE, "monitored": 1})


def test_a_condition_needs_a_parameter_name_of_its_own() -> None:
    source = SOURCE.replace("eligible if zones", "eligible if year")
    _, diagnostics, _ = compile_text(source.encode(), "bad.sla")
    found = [(d.code, d.span.line, d.span.column) for d in diagnostics]
    # `eligible if year …` is on line 18; the name starts at column 17.
    assert found == [("bad-value", 18, 17)]


def test_the_summaries_list_the_conditions() -> None:
    contract, _, _ = compile_text(SOURCE.encode(), "eligible.sla")
    assert contract is not None
    files = render_all([contract], "test")
    assert "The SLA applies only under these conditions; otherwise nothing is due:" \
        in files["eligible.en.md"]
    assert "- Instances deployed in two or more availability zones (parameter zones: at least 2)" \
        in files["eligible.en.md"]
    assert "(paramètre running\u00a0: au moins 24\u00a0heures)" in files["eligible.fr.md"]


def test_slac_eval_takes_the_conditions_with_set(tmp_path: Path) -> None:
    contract = tmp_path / "eligible.sla"
    contract.write_text(SOURCE, encoding="utf-8")
    runner = CliRunner()
    eligible = ["--set", "zones=2", "--set", "plan=enterprise", "--set", "running=3 days",
                "--set", "monitored=true"]
    result = runner.invoke(cli, ["eval", str(contract), "compute", "--period", "2024-06",
                                 *eligible])
    assert result.exit_code == 0, result.output
    assert "does not apply" not in result.output
    one_zone = runner.invoke(cli, ["eval", str(contract), "compute", "--period", "2024-06",
                                   *eligible, "--set", "zones=1"])
    assert "the SLA does not apply: instances deployed in two or more availability zones" \
        in one_zone.output
    missing = runner.invoke(cli, ["eval", str(contract), "compute", "--period", "2024-06",
                                  "--set", "zones=2", "--lang", "en"])
    assert missing.exit_code == 1
    assert "give --set plan=…, --set running=…, --set monitored=…" in missing.output
