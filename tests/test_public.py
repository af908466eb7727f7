"""Public cloud SLAs (contracts/public/): each rule evaluated by the generated module on cases
computed by hand from the vendor's text (the computation is written beside each case)."""

from __future__ import annotations

import os
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from slac.build import render_all
from slac.examples import load_generated
from slac.pipeline import compile_paths

ROOT = Path(__file__).resolve().parent.parent
UTC = ZoneInfo("UTC")


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        compiled = compile_paths([Path("contracts/public")])
    finally:
        os.chdir(here)
    assert not compiled.has_errors, compiled.diagnostics
    out = tmp_path_factory.mktemp("public")
    for name, text in render_all(compiled.contracts, "test").items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return out


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
