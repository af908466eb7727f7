"""Public cloud SLAs (contracts/public/): each rule evaluated by the generated module on cases
computed by hand from the vendor's text (the computation is written beside each case)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from slac.examples import load_generated

UTC = ZoneInfo("UTC")


@pytest.fixture(scope="module")
def azure(public: Path) -> ModuleType:
    return load_generated(public, "azure_china_vm")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 6, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(("minutes", "availability", "share"), [
    # June 2024: 30 days = 43,200 minutes.
    (0, "100", None),                    # nothing lost: no row holds 100 % → none
    (21, "99.951389", None),             # (43,200 − 21) / 43,200 = 99.95139 % ≥ 99.95 % → none
    (22, "99.949074", Decimal(10)),      # (43,200 − 22) / 43,200 = 99.94907 % < 99.95 % → 10 %
    (432, "99", Decimal(10)),            # exactly 99 %: « <99% » is strict, so only 10 %
    (433, "98.997685", Decimal(25)),     # below 99 %: the deeper row, 25 % (not 35 %)
])
def test_azure_overlapping_rows_the_deepest_wins(azure: ModuleType, minutes: int,
                                                 availability: str,
                                                 share: Decimal | None) -> None:
    outages = [azure.Outage(at(10, 0), at(10, 0).replace(hour=minutes // 60,
                                                          minute=minutes % 60))]
    report = azure.vm_connectivity_report(2024, 6, outages=outages)
    assert report.availability == Decimal(availability)
    credit = azure.vm_credits_from_report(report, invoice=Decimal("10000"))
    if share is None:
        assert credit.outcome.kind == "none" and credit.money == Decimal("0.00")
    else:
        assert credit.outcome.amount == share
        assert credit.money == Decimal("10000") * share / 100     # ¥1,000.00 or ¥2,500.00


def test_azure_claim_runs_two_months_from_the_end_of_the_month(azure: ModuleType) -> None:
    # March 2024 ends on the 31st; two months later is 31 May 2024.
    assert azure.vm_credits_claim_deadline(2024, 3).isoformat() == "2024-05-31"


@pytest.fixture(scope="module")
def s3(public: Path) -> ModuleType:
    return load_generated(public, "aws_s3")


def test_s3_uptime_is_100_less_the_average_error_rate(s3: ModuleType) -> None:
    # July 2024: 31 × 288 = 8,928 five-minute periods; the text does not say what a period
    # without requests counts, so the caller decides (here: 0 %, `fewer="good"`).
    def uptime(periods: int, failed: int) -> Decimal:
        start = datetime(2024, 7, 1, tzinfo=UTC)
        counts = [s3.RequestCount(start + timedelta(minutes=5 * k), 100, failed)
                  for k in range(periods)]
        return s3.s3_report(2024, 7, counts, fewer="good")
    # 100 periods at 100 %: average 100 / 8,928 = 1.120072 %; 100 − 1.120072 = 98.879928 % →
    # « Less than 99.0% but greater than or equal to 95.0% »: 25 %; $125 of $500.
    report = uptime(100, 100)
    assert report.availability == Decimal("98.879928")
    assert s3.credits_from_report(report, invoice=Decimal(500)).money == Decimal("125.00")
    # 60 periods at 10 % (5 hours of partial errors): 600 / 8,928 = 0.067204 % → 99.932796 %,
    # at least 99.9 %: no credit, although errors lasted five hours.
    brownout = uptime(60, 10)
    assert brownout.availability == Decimal("99.932796")
    assert s3.credits_from_report(brownout, invoice=Decimal(500)).money == Decimal("0.00")
    # 500 periods at 100 %: 5.600358 % → 94.399642 % → « Less than 95.0% »: 100 %, $500.
    worst = uptime(500, 100)
    assert worst.availability == Decimal("94.399642")
    assert s3.credits_from_report(worst, invoice=Decimal(500)).money == Decimal("500.00")


def test_s3_periods_without_requests_are_a_decision(s3: ModuleType) -> None:
    one = [s3.RequestCount(datetime(2024, 7, 1, tzinfo=UTC), 10, 1)]
    with pytest.raises(s3.UnspecifiedError, match="fewer"):
        s3.s3_report(2024, 7, one)
    # Left out instead: only the one period is measured, at 10 % → 90 %.
    assert s3.s3_report(2024, 7, one, fewer="excluded").availability == Decimal(90)
