"""`credit` blocks: credits computed by a formula on an availability's downtime (OVHcloud KMS,
Slack-like pro-rated fees, days of service, caps in days of paid service), checked, generated,
run as worked examples, summarised and evaluated. Expected values are computed by hand in the
comments."""

from __future__ import annotations

import importlib
import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from slac.build import render_all
from slac.cli import cli
from slac.diagnostics import render_text
from slac.examples import load_generated, rendered_package, run_examples
from slac.pipeline import compile_text

HEADER = """contract "credits" {
    title "Credits"
    provider "Cloud"
    client role en "the Customer"
    source "Credits SLA" dated 2024-03-01
    time zone "UTC"
    languages en
    currency USD
}
"""


def availability(name: str, target: str) -> str:
    return f"""
availability {name} {{
    clause A1 article "1"
    obligation of provider towards client, firm
    target at least {target} %
    period calendar month
    measured all time
    method outages
}}
"""


SOURCE = HEADER + availability("kms", "99.5") + """
credit kms_credits {
    clause K2 article "Service Credits"
    label en "service credits"
    on downtime of kms                       # an availability block of the contract
    5 % of invoice per full 1 hour beyond allowance
    cap 30 % of invoice
    claim within 60 days after incident
    paid as service credit
    sole remedy
    # 30-day month, target 99.5 %: allowance 0.5 % of 43,200 min = 216 min; 360 min down ->
    # 144 min beyond -> 2 full hours -> 10 %.
    example downtime 6 hours in 2024-06 gives 10 % of invoice
    # 1,200 min -> 984 min beyond -> 16 full hours -> 80 %, capped at 30 %.
    example downtime 20 hours in 2024-06 gives 30 % of invoice capped
    example downtime 6 hours in 2024-06 invoice 500 USD gives 50 USD
    example downtime 216 minutes in 2024-06 gives none
}
""" + availability("app", "99.99") + """
credit app_credits {
    clause S1 article "Service Credits"
    on downtime of app
    10 times fees for downtime
    claim within 30 days after end of period
    paid as credit note
    not sole remedy
    # 10 x 3,000 x 72 / 43,200 = 50.00 USD
    example downtime 72 minutes in 2024-06 invoice 3000 USD gives 50 USD
}
""" + availability("chat", "99.99") + """
credit chat_credits {
    clause S2 article "Service Credits"
    on downtime of chat
    10 times fees for downtime
    only if target missed
    claim unspecified
    paid as service credit
    sole remedy
    # June: 99.99 % allows 4.32 min of 43,200: 4 min meet the target -> nothing; 5 min miss it
    # -> 10 x 3,000 x 5 / 43,200 = 3.47 USD.
    example downtime 4 minutes in 2024-06 invoice 3000 USD gives none
    example downtime 5 minutes in 2024-06 invoice 3000 USD gives 3.47 USD
}
""" + availability("db", "99.9") + """
credit db_days {
    clause D1 article "Credits"
    on downtime of db
    1 days of service per full 4 hours beyond 1 hour
    cap 3 days of service
    claim unspecified
    paid as service credit, never cash
    sole remedy
    # 9 h - 1 h = 8 h: 2 full steps of 4 h -> 2 days.
    example downtime 9 hours in 2024-06 gives 2 days of service
    # 20 h - 1 h = 19 h: 4 steps -> 4 days, capped at 3.
    example downtime 20 hours in 2024-06 gives 3 days of service capped
}
""" + availability("web", "99.9") + """
credit web_paid {
    clause W1 article "Credits"
    on downtime of web
    50 % of invoice per full 1 hour
    cap 10 days of paid service
    claim within 1 month after end of period
    paid as credit note
    sole remedy
    # 10 h -> 500 % of 2,800 = 14,000; cap: 2,800 x 10 / 28 (February 2023) = 1,000.00.
    example downtime 10 hours in 2023-02 invoice 2800 USD gives 1000 USD capped
    # March: 2,800 x 10 / 31 = 903.2258... -> 903.23.
    example downtime 10 hours in 2023-03 invoice 2800 USD gives 903.23 USD capped
}
"""


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    contract, diagnostics, _ = compile_text(SOURCE.encode(), "credits.sla")
    assert contract is not None
    assert [d for d in diagnostics if d.severity != "note"] == []
    out = tmp_path_factory.mktemp("credits")
    for name, text in render_all([contract], "test").items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    loaded = load_generated(out, "credits")
    assert run_examples(contract, loaded) == []
    return loaded


def test_kms_share_beyond_the_allowance_capped(module: ModuleType) -> None:
    f = module.kms_credits
    two = f(timedelta(minutes=360), 2024, 6, invoice=Decimal(500))
    assert (two.counted, two.units, two.share, two.money, two.capped) == (
        timedelta(minutes=144), 2, Decimal(10), Decimal("50.00"), False)
    capped = f(timedelta(minutes=1200), 2024, 6, invoice=Decimal(500))
    assert (capped.counted, capped.units, capped.share, capped.raw, capped.money) == (
        timedelta(minutes=984), 16, Decimal(80), Decimal("400.00"), Decimal("150.00"))
    assert capped.capped
    nothing = f(timedelta(minutes=216), 2024, 6, invoice=Decimal(500))
    assert (nothing.counted, nothing.units, nothing.money) == (timedelta(0), 0, Decimal("0.00"))
    # Without the invoice, the share is still capped.
    alone = f(timedelta(minutes=1200), 2024, 6)
    assert (alone.share, alone.money, alone.capped) == (Decimal(80), None, True)
    assert module.Cap("invoice_share", Decimal(30)) == module.KMS_CREDITS_CAP
    assert module.kms_credits_claim_deadline(date(2024, 6, 3)) == date(2024, 8, 2)
    for part in ("kms_credits", "K2 (Service Credits)", "Source: credits.sla"):
        assert part in (f.__doc__ or "")


def test_kms_from_the_availability_report(module: ModuleType) -> None:
    # 2024-06-10 08:00 to 14:00 = 360 min of a 43,200-minute month: as above, 10 % = 50 USD.
    outage = module.Outage(datetime(2024, 6, 10, 8, tzinfo=timezone.utc),
                           datetime(2024, 6, 10, 14, tzinfo=timezone.utc))
    report = module.kms_report(2024, 6, outages=[outage])
    result = module.kms_credits_from_report(report, invoice=Decimal(500))
    assert (result.downtime, result.counted, result.money) == (
        timedelta(minutes=360), timedelta(minutes=144), Decimal("50.00"))
    with pytest.raises(module.SlaInputError):
        module.kms_credits_from_report("report")


def test_pro_rated_fees(module: ModuleType) -> None:
    # 10 x 3,000 x 72 / 43,200 = 50.00 USD (a 30-day month in UTC).
    result = module.app_credits(timedelta(minutes=72), 2024, 6, invoice=Decimal(3000))
    assert result.money == Decimal("50.00")
    with pytest.raises(module.SlaInputError):     # pro-rated fees need the invoice
        module.app_credits(timedelta(minutes=72), 2024, 6)
    assert module.app_credits_claim_deadline(2024, 6) == date(2024, 7, 30)


def test_days_of_service_capped_in_days(module: ModuleType) -> None:
    assert module.db_days(timedelta(hours=9), 2024, 6).days == Decimal(2)
    capped = module.db_days(timedelta(hours=20), 2024, 6)
    assert (capped.days, capped.capped) == (Decimal(3), True)
    with pytest.raises(module.UnspecifiedError):   # claim unspecified: the caller decides
        module.db_days_claim_deadline(2024, 6)


def test_cap_in_days_of_paid_service_follows_the_month(module: ModuleType) -> None:
    feb = module.web_paid(timedelta(hours=10), 2023, 2, invoice=Decimal(2800))
    march = module.web_paid(timedelta(hours=10), 2023, 3, invoice=Decimal(2800))
    assert (feb.money, feb.capped) == (Decimal("1000.00"), True)
    assert (march.money, march.capped) == (Decimal("903.23"), True)


def test_a_wrong_example_is_reported_at_its_line() -> None:
    text = SOURCE.replace("gives 10 % of invoice\n", "gives 15 % of invoice\n")
    contract, _, _ = compile_text(text.encode(), "credits.sla")
    assert contract is not None
    files = render_all([contract], "test")
    with rendered_package(files) as package:
        failures = run_examples(contract, importlib.import_module(f"{package}.credits"))
    line = text.splitlines().index(
        "    example downtime 6 hours in 2024-06 gives 15 % of invoice") + 1
    assert [(f.line, f.expected, f.actual) for f in failures] == [
        (line, "15 % of invoice", "10 % of invoice")]


def test_summaries_in_both_languages() -> None:
    text = SOURCE.replace("languages en", "languages fr, en").replace(
        'label en "service credits"', 'label fr "crédits de service" en "service credits"')
    contract, diagnostics, _ = compile_text(text.encode(), "credits.sla")
    assert contract is not None, diagnostics
    files = render_all([contract], "test")
    en, fr = files["credits.en.md"], files["credits.fr.md"]
    assert ("5% of the invoice for each full hour of downtime beyond the downtime the target "
            "allows, at most 30% of the invoice.") in en
    assert "10 times the fees paid for the time of downtime." in en
    assert "at most the price of 10 days of paid service" in en
    assert "1 day of service for each full period of 4 hours of downtime beyond the first " \
           "1 hour, at most 3 days of service." in en
    french = " ".join(fr.split()).replace("’", "'")   # plain spaces and apostrophes
    assert ("5 % de la facture par heure entière d'indisponibilité au-delà de celle que "
            "l'objectif admet, au plus 30 % de la facture.") in french


def test_slac_eval_measures_the_availability_then_credits(tmp_path: Path) -> None:
    source = tmp_path / "credits.sla"
    source.write_text(SOURCE, encoding="utf-8")
    records = tmp_path / "outages.csv"
    records.write_text("start,end\n2024-06-10T08:00:00Z,2024-06-10T14:00:00Z\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(source), "kms_credits", "--period", "2024-06",
                                      "--input", str(records), "--invoice", "500", "--json",
                                      "--lang", "en"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    found = data.get("result", data)
    assert (found["credit"]["money"], found["credit"]["units"]) == ("50.00", 2)
    assert found["report"]["downtime_seconds"] == 6 * 3600


# --------------------------------------------------------------------------- diagnostics

def _bad(block: str, target: str = "99.5") -> list[tuple[str, str]]:
    """The errors of a contract with `block`, each `code` and its `file:line:col` text."""
    text = HEADER + availability("kms", target) + block
    _, diagnostics, _ = compile_text(text.encode(), "bad.sla")
    return [(d.code, render_text(d, text, "en").split("\n")[0]) for d in diagnostics
            if d.severity == "error"]


def _line(block: str, needle: str) -> int:
    text = HEADER + availability("kms", "99.5") + block
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


CLAUSES = """    clause K2 article "2"
    claim within 30 days after end of period
    paid as credit note
    sole remedy
"""


@pytest.mark.parametrize(("block", "code", "needle", "column"), [
    # an availability that does not exist
    ("credit c {\n" + CLAUSES + "    on downtime of kmz\n    5 % of invoice per full 1 hour\n}\n",
     "unknown-name", "on downtime of kmz", 20),
    # no formula
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n}\n", "missing-statement", "credit c {",
     8),
    # two formulas
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    5 % of invoice per full 1 hour\n"
     "    10 EUR per full 1 hour\n}\n", "duplicate-statement", "10 EUR per full", 5),
    # a days-of-service credit under a share cap
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    1 days of service per full 1 hour\n"
     "    cap 30 % of invoice\n}\n", "bad-cap", "cap 30 %", 5),
    # a share credit under a days-of-service cap
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    5 % of invoice per full 1 hour\n"
     "    cap 3 days of service\n}\n", "bad-cap", "cap 3 days", 5),
    # a cap of nothing
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    5 % of invoice per full 1 hour\n"
     "    cap none\n}\n", "bad-cap", "cap none", 5),
    # a step of zero
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    5 % of invoice per full 0 hours\n"
     "}\n", "bad-duration", "per full 0 hours", 29),
    # a step of a month, which has no fixed length
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    5 % of invoice per full 1 month\n"
     "}\n", "bad-value", "per full 1 month", 29),
    # an example in a quarter of a monthly availability
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    5 % of invoice per full 1 hour\n"
     "    example downtime 1 hour in 2024-Q2 gives none\n}\n", "example-period", "2024-Q2",
     32),
    # pro-rated fees without the invoice
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    10 times fees for downtime\n"
     "    example downtime 1 hour in 2024-06 gives 10 USD\n}\n", "missing-statement",
     "example downtime 1 hour", 5),
    # an example in days of a credit in money
    ("credit c {\n" + CLAUSES + "    on downtime of kms\n    5 % of invoice per full 1 hour\n"
     "    example downtime 1 hour in 2024-06 gives 2 days of service\n}\n", "bad-value",
     "gives 2 days", 46),
])
def test_located_diagnostics(block: str, code: str, needle: str, column: int) -> None:
    errors = _bad(block)
    assert [c for c, _ in errors] == [code], errors
    assert errors[0][1].startswith(f"bad.sla:{_line(block, needle)}:{column}: error: ")


def test_a_credit_only_when_the_target_is_missed(module: ModuleType) -> None:
    # « If we fall short of our 99.99% Uptime commitment … we'll apply a Service Credit »:
    # June 2024 allows 4.32 minutes. 4 minutes → met → nothing, whatever the formula gives.
    met = module.chat_credits(timedelta(minutes=4), 2024, 6, invoice=Decimal(3000))
    assert met.money == Decimal("0.00")
    # 5 minutes: 10 × 3,000 × 5 / 43,200 = 3.4722… → 3.47.
    missed = module.chat_credits(timedelta(minutes=5), 2024, 6, invoice=Decimal(3000))
    assert missed.money == Decimal("3.47")
    start = datetime(2024, 6, 3, 10, tzinfo=timezone.utc)
    for minutes, money in ((4, "0.00"), (5, "3.47")):
        report = module.chat_report(2024, 6, outages=[
            module.Outage(start, start + timedelta(minutes=minutes))])
        assert report.met is (minutes == 4)
        assert module.chat_credits_from_report(report, invoice=Decimal(3000)).money == \
            Decimal(money)
