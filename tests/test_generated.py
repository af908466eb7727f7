"""The generated evaluator modules: standard library only, typed, lint-clean, deterministic, and
right on cases computed by hand from the contracts' clauses."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from slac import model
from slac.backends import pycode, python
from slac.examples import load_generated, run_examples
from slac.kinds.calendar import Calendar, holiday_module
from slac.kinds.money import MoneyClause
from slac.pipeline import compile_paths, compile_text

ROOT = Path(__file__).resolve().parent.parent
PARIS = ZoneInfo("Europe/Paris")
MODULES = ("cegid_api", "cegid_conciliator", "cegid_loop", "niveaux_de_service", "teogest")


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def contracts() -> list[model.Contract]:
    """The five contracts, compiled from the repository root as the CLI does (relative paths)."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        compiled = compile_paths([Path("contracts")])
    finally:
        os.chdir(here)
    assert not compiled.has_errors, compiled.diagnostics
    return compiled.contracts


def render_all(found: list[model.Contract]) -> dict[str, str]:
    files = {**python.package_files(found), **python.runtime_files()}
    for contract in found:
        files.update(python.render(contract, pycode.HOLIDAY_YEARS))
    return files


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All five contracts built into <tmp>/generated."""
    root = tmp_path_factory.mktemp("build") / "generated"
    for name, text in render_all(contracts()).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return root


@pytest.fixture(scope="module")
def modules(package: Path) -> dict[str, ModuleType]:
    return {name: load_generated(package, name) for name in MODULES}


@pytest.fixture(scope="module")
def teogest(modules: dict[str, ModuleType]) -> ModuleType:
    return modules["teogest"]


@pytest.fixture(scope="module")
def loop(modules: dict[str, ModuleType]) -> ModuleType:
    return modules["cegid_loop"]


@pytest.fixture(scope="module")
def nds(modules: dict[str, ModuleType]) -> ModuleType:
    return modules["niveaux_de_service"]


@pytest.fixture(scope="module")
def conciliator(modules: dict[str, ModuleType]) -> ModuleType:
    return modules["cegid_conciliator"]


# ---------------------------------------------------------------- the package as a product


def test_files_of_the_package(package: Path) -> None:
    names = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    runtime = {f"runtime/{p.name}" for p in (ROOT / "compiler" / "runtime").glob("*.py")}
    # The four contracts with a calendar all observe French holidays: one table for the five.
    assert names == {"__init__.py", *runtime, *(f"{m}.py" for m in MODULES),
                     "_holidays_fr_2020_2040.py"}
    init = (package / "__init__.py").read_text(encoding="utf-8")
    for module in MODULES:
        assert f"- {module}: " in init
    assert "- _holidays_fr_2020_2040: FR, 2020-2040" in init


def test_imports_with_the_standard_library_only(package: Path) -> None:
    """-I -S: no site-packages at all, so slac, holidays or jinja2 could not even be found."""
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(package.parent)!r})\n"
        "import importlib\n"
        f"for name in {MODULES!r}:\n"
        "    importlib.import_module('generated.' + name)\n"
        "from datetime import datetime\n"
        "from zoneinfo import ZoneInfo\n"
        "from generated import cegid_loop\n"
        "at = datetime(2024, 5, 2, 19, 59, tzinfo=ZoneInfo('Europe/Paris'))\n"
        "assert cegid_loop.periode_reference_contains(at)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('slac', 'holidays', 'jinja2', 'lark', 'pydantic', 'click', 'babel'))\n"
        "assert not leaked, leaked\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-I", "-S", "-c", script], capture_output=True,
                            text=True, check=False, cwd=package.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_rendered_files_name_no_path_of_this_machine() -> None:
    """(Byte-identical output across processes is tests/test_reproducible.py's.)"""
    for name, text in render_all(contracts()).items():
        assert "/work/" not in text and str(ROOT) not in text, name


def _line(fragment: str) -> int:
    """The line of contracts/teogest.sla that starts with `fragment`."""
    lines = (ROOT / "contracts" / "teogest.sla").read_text(encoding="utf-8").split("\n")
    return next(n for n, text in enumerate(lines, 1) if text.startswith(fragment))


def test_module_header_and_source_map(package: Path) -> None:
    text = (package / "teogest.py").read_text(encoding="utf-8")
    head = text.split('"""', 2)[1]
    assert head.startswith("Teogest — Conditions Générales de Vente et Charte qualité (SLA).")
    for fact in ("Provider: Teogest", "Client: the Customer", "dated 2024-03-19", "Europe/Paris",
                 "Generated by slac from contracts/teogest.sla — do not edit."):
        assert fact in head
    assert f"Source: contracts/teogest.sla:{_line('tiers penalites {')}" in text
    assert "(from the holidays library at build time, in _holidays_fr_2020_2040)" in head
    assert "from . import _holidays_fr_2020_2040\n" in text
    assert "    holidays=_holidays_fr_2020_2040.HOLIDAYS,\n" in text
    assert "(date(2024, 5, 1)" not in text   # the holidays are in the shared table only


def test_the_shared_holiday_table(package: Path, modules: dict[str, ModuleType]) -> None:
    text = (package / "_holidays_fr_2020_2040.py").read_text(encoding="utf-8")
    head = text.split('"""', 2)[1]
    assert head.startswith("Public holidays of FR, 2020-2040.")
    assert "Data from the holidays library (version " in head
    assert '    (date(2024, 5, 1), "Fête du Travail"),\n' in text
    table = load_generated(package, "_holidays_fr_2020_2040").HOLIDAYS
    days = [day for day, _ in table]
    # France has 11 public holidays a year, none ever on the same day in 2020-2040: Ascension
    # (Easter + 39) falls from 30 April to 3 June and would meet 1 or 8 May only for an Easter on
    # 23 or 30 March, which these years do not have (earliest: 25 March 2035).
    assert len(days) == len(set(days)) == 11 * 21
    assert days == sorted(days) and (days[0], days[-1]) == (date(2020, 1, 1), date(2040, 12, 25))
    names = dict(table)
    # Easter 2024 is 31 March: Easter Monday 1 April, Ascension 9 May, Whit Monday 20 May.
    assert names[date(2024, 4, 1)] == "Lundi de Pâques"
    assert names[date(2024, 5, 9)] == "Ascension"
    assert names[date(2024, 5, 20)] == "Lundi de Pentecôte"
    # Easter 2030 is 21 April (Gauss: a = 16, h = 28, l = 2, m = 0, 144 = 4 × 31 + 20): Easter
    # Monday 22 April, Ascension 30 May, Whit Monday 10 June.
    assert names[date(2030, 4, 22)] == "Lundi de Pâques"
    assert names[date(2030, 5, 30)] == "Ascension"
    assert names[date(2030, 6, 10)] == "Lundi de Pentecôte"
    assert date(2030, 4, 21) not in names   # Easter Sunday itself is not listed
    # Every calendar refers to this one table rather than a copy of it.
    calendars = [modules[m].JOURS_OUVRES for m in (
        "teogest", "cegid_loop", "cegid_conciliator", "niveaux_de_service")]
    assert all(calendar.holidays is table for calendar in calendars)


def test_docstrings_quote_clauses_and_labels(teogest: ModuleType) -> None:
    doc = teogest.penalites.__doc__
    assert "T4 (Annexe 2 A.6)" in doc
    assert "pénalités d'indisponibilité" in doc and "unavailability penalties" in doc
    assert f"Source: contracts/teogest.sla:{_line('tiers penalites {')}" in doc
    assert "Legal force: obligation of the provider towards the client (firm)." in doc


def test_every_public_function_is_documented(modules: dict[str, ModuleType]) -> None:
    for module in modules.values():
        for name in module.__all__:
            value = getattr(module, name)
            if callable(value) and getattr(value, "__module__", "") == module.__name__:
                assert value.__doc__ and "Source: contracts/" in value.__doc__, name


def test_holiday_data_is_sorted_and_spans_the_years(teogest: ModuleType) -> None:
    calendar = teogest.JOURS_OUVRES
    assert (calendar.first_year, calendar.last_year) == (2020, 2040)
    assert list(teogest.HOLIDAY_YEARS) == list(range(2020, 2041))
    days = [d for d, _ in calendar.holidays]
    assert days == sorted(days)
    assert teogest.jours_ouvres_holiday_name(date(2024, 5, 20)) == "Lundi de Pentecôte"
    with pytest.raises(teogest.SlaInputError, match="2041"):
        teogest.jours_ouvres_is_business_day(date(2041, 1, 2))


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_clean(package: Path) -> None:
    result = subprocess.run(
        ["ruff", "check", "--config", str(ROOT / "pyproject.toml"), "--select", "E4,E7,E9,F,E501",
         "--extend-exclude", "runtime", str(package)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_clean(package: Path) -> None:
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", "3.10",
         "--config-file", str(ROOT / "pyproject.toml"), str(package)],
        capture_output=True, text=True, check=False, cwd=package.parent)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- Teogest T4: penalty tiers

@pytest.mark.parametrize(("rate", "tier", "share"), [
    # T4, Annexe 2 A.6: 0 %–0.2 % none; 0.21 %–0.5 % 3 %; 0.51 %–1 % 8 %; 1.01 %–1.5 % 13 %;
    # > 1.5 % 20 %; every bound written "included" except "from 1.5 % excluded".
    ("0", 0, None), ("0.2", 0, None),
    ("0.21", 1, "3"), ("0.3", 1, "3"), ("0.5", 1, "3"),
    ("0.51", 2, "8"), ("1", 2, "8"),
    ("1.01", 3, "13"), ("1.5", 3, "13"),
    ("1.500001", 4, "20"), ("100", 4, "20"),
])
def test_t4_tiers_and_bounds(teogest: ModuleType, rate: str, tier: int, share: str | None) -> None:
    result = teogest.penalites(Decimal(rate))
    assert result.tier == tier
    if share is None:
        assert result.outcome.kind == "none"
    else:
        assert (result.outcome.kind, result.outcome.amount) == ("invoice_share", Decimal(share))


def test_t4_money_at_0_3_percent(teogest: ModuleType) -> None:
    # T4: 0.3 % unavailability is in "0.21 % to 0.5 %": 3 % of a 1,234.56 € invoice = 37.0368,
    # rounded half-up to the cent: 37.04 €.
    result = teogest.penalites(Decimal("0.3"), Decimal("1234.56"))
    assert result.money == Decimal("37.04")


@pytest.mark.parametrize("rate", ["0.205", "0.5001", "1.009"])
def test_t4_gaps_are_unspecified_not_zero(teogest: ModuleType, rate: str) -> None:
    # T4 lists 0.2 % then 0.21 % (and 0.5/0.51, 1/1.01): the text is silent in between.
    result = teogest.penalites(Decimal(rate), Decimal(1000))
    assert (result.tier, result.outcome.kind, result.money) == (None, "unspecified", None)


@pytest.mark.parametrize("bad", [Decimal("-0.1"), Decimal("100.5"), 0.3, "abc"])
def test_t4_bad_rate(teogest: ModuleType, bad: Any) -> None:
    with pytest.raises(teogest.SlaInputError):
        teogest.penalites(bad)


def test_t4_claim_deadline(teogest: ModuleType) -> None:
    # T4: claimed within 30 days after the last day of the month: 31 May 2024 + 30 days.
    assert teogest.penalites_claim_deadline(2024, 5) == date(2024, 6, 30)
    # February 2024 ends on the 29th: + 30 days = 30 March.
    assert teogest.penalites_claim_deadline(2024, 2) == date(2024, 3, 30)


def test_t1_t3_t4_report_chain(teogest: ModuleType) -> None:
    # T1/T3: June 2024 = 30 × 24 h = 720 h = 43,200 min. A declared corrective maintenance
    # Tue 4 June 21:00 → Wed 5 June 06:00 (inside the T2 window: 9 h = 540 min) is removed from
    # the measured time: 42,660 min. An outage of 3 h (180 min) during it does not count; an
    # outage Mon 10 June 10:00 → 12:00 (120 min) does; a force-majeure outage does not.
    # Availability = (42660 − 120) / 42660 = 99.718706 %; unavailability 0.281294 % → T4 3 %.
    maintenance = [teogest.Interval(paris(2024, 6, 4, 21), paris(2024, 6, 5, 6))]
    outages = [
        teogest.Outage(paris(2024, 6, 4, 22), paris(2024, 6, 5, 1)),
        teogest.Outage(paris(2024, 6, 10, 10), paris(2024, 6, 10, 12)),
        teogest.Outage(paris(2024, 6, 12, 10), paris(2024, 6, 12, 20), cause="force majeure"),
    ]
    report = teogest.disponibilite_report(2024, 6, outages=outages, maintenance=maintenance)
    assert report.measured_time == timedelta(minutes=42660)
    assert report.downtime_time == timedelta(minutes=120)
    assert report.availability == Decimal("99.718706")
    assert not report.met
    penalty = teogest.penalites_from_report(report, Decimal(500))
    assert (penalty.tier, penalty.money) == (1, Decimal("15.00"))


def test_t3_maintenance_outside_the_windows_is_not_excluded(teogest: ModuleType) -> None:
    # T3 only excludes maintenance in the T2 windows: a "maintenance" declared on Monday
    # 10:00 → 11:00 is clipped to nothing, so May 2024 keeps its 744 h.
    maintenance = [teogest.Interval(paris(2024, 5, 13, 10), paris(2024, 5, 13, 11))]
    report = teogest.disponibilite_report(2024, 5, maintenance=maintenance)
    assert report.measured_time == timedelta(hours=744)
    assert report.availability == Decimal(100)


def test_months_are_local_and_dst_correct(teogest: ModuleType) -> None:
    # March 2024 in Paris: clocks go forward on the 31st, so the month lasts 743 real hours.
    assert teogest.disponibilite_report(2024, 3).measured_time == timedelta(hours=743)
    assert teogest.disponibilite_report(2024, 10).measured_time == timedelta(hours=745)


# ---------------------------------------------------------------- Cegid Loop L1

def test_l1_may_2024(loop: ModuleType) -> None:
    # L1: PRT = Mon–Fri 07:00–20:00 except French holidays. May 2024 has 23 weekdays, 4 of
    # them holidays (1, 8, 9, 20 May): 19 × 13 h = 247 h = 14,820 min. The outage Tue 7 May
    # 19:30 → Wed 8 May 08:00 only counts 19:30–20:00 (30 min): the night is the L2
    # maintenance window and 8 May is a holiday. TD = (14820 − 30) / 14820 = 99.797571 %.
    outage = loop.Outage(paris(2024, 5, 7, 19, 30), paris(2024, 5, 8, 8))
    report = loop.disponibilite_report(2024, 5, outages=[outage])
    assert report.measured_time == timedelta(hours=247)
    assert report.downtime_time == timedelta(minutes=30)
    assert report.availability == Decimal("99.797571")
    assert report.met   # target 99.5 %


def test_l1_excluded_causes(loop: ModuleType) -> None:
    # L1: a third-party outage on Thu 2 May 10:00 → 11:00 does not count.
    outage = loop.Outage(paris(2024, 5, 2, 10), paris(2024, 5, 2, 11), cause="services tiers")
    report = loop.disponibilite_report(2024, 5, outages=[outage])
    assert report.downtime_time == timedelta(0)


def test_l2_check_uses(loop: ModuleType) -> None:
    # L2: maintenance inside 20:00–07:00 or at weekends, announced at least 48 h ahead.
    night = loop.Interval(paris(2024, 5, 14, 21), paris(2024, 5, 14, 23))
    day = loop.Interval(paris(2024, 5, 14, 10), paris(2024, 5, 14, 11))
    assert loop.fenetre_maintenance_check_uses([night], [paris(2024, 5, 12, 21)]) == []
    problems = loop.fenetre_maintenance_check_uses([night, day],
                                                   [paris(2024, 5, 13, 21), paris(2024, 5, 1)])
    assert len(problems) == 2
    assert "use 1" in problems[0] and "at least 2 days" in problems[0]
    assert "use 2" in problems[1] and "not inside" in problems[1]


def test_l7_business_hours_are_the_callers_decision(loop: ModuleType) -> None:
    # L7: 8 business hours, but the support hours are published outside the contract.
    with pytest.raises(loop.UnspecifiedError, match="business_hours"):
        loop.support_due("acknowledge", paris(2024, 5, 6, 9))
    hours = loop.Schedule(zone="Europe/Paris", ranges=tuple(
        loop.WeeklyRange(day, 9 * 60, 9 * 60) for day in range(5)))
    # Monday 6 May 16:00 with 09:00–18:00 hours: 2 h on Monday, 6 h on Tuesday → 15:00.
    assert loop.support_due("acknowledge", paris(2024, 5, 6, 16),
                            business_hours=hours) == paris(2024, 5, 7, 15)


def test_l4_l5_retention_needs_the_callers_decisions(loop: ModuleType) -> None:
    at = paris(2024, 5, 15, 12)
    with pytest.raises(loop.UnspecifiedError) as caught:
        loop.sauvegardes_rpo_holds(at)
    for parameter in ("daily_at", "weekly_at", "weekly_weekday"):
        assert parameter in str(caught.value)
    decided = {"daily_at": datetime.min.time().replace(hour=21), "weekly_at":
               datetime.min.time().replace(hour=22), "weekly_weekday": 5}
    # L4: the daily copy of Tue 14 May 21:00 is 15 h old at Wed 15 May 12:00: within 24 h.
    assert loop.sauvegardes_rpo_holds(at, **decided)
    points = loop.sauvegardes_restore_points(at, **decided)
    # L5: 7 daily copies (8–14 May) and 5 weekly ones (Saturdays 13 April – 11 May).
    assert [p.tier for p in points].count("daily") == 7
    assert [p.tier for p in points].count("weekly") == 5
    assert loop.sauvegardes_oldest_year_kept(date(2024, 5, 15)) == 2015   # L6: 2024 and 9 more


def test_l9_fixed_term(loop: ModuleType) -> None:
    # L9: 12 months from 15 January 2024, renewed by 12 months, 3 months' notice.
    start = date(2024, 1, 15)
    assert loop.duree_term_end(start, date(2024, 6, 1)) == date(2025, 1, 14)
    assert loop.duree_last_notice_day(start, date(2024, 6, 1)) == date(2024, 10, 14)
    assert loop.duree_effective_termination(start, date(2024, 10, 14)) == date(2025, 1, 14)
    assert loop.duree_effective_termination(start, date(2024, 10, 15)) == date(2026, 1, 14)


# ---------------------------------------------------------------- niveaux-de-service N5

@pytest.mark.parametrize(("action", "level", "start", "due"), [
    # Fri 3 May 2024 17:00 is inside business hours (10:00–18:00): take-in 4 clock hours,
    # running into the evening: 21:00; diagnosis 6 h: 23:00.
    ("take_in", "critical", paris(2024, 5, 3, 17), paris(2024, 5, 3, 21)),
    ("diagnosis", "critical", paris(2024, 5, 3, 17), paris(2024, 5, 3, 23)),
    # Sat 4 May 22:00 is outside: 6 h take-in → Sun 5 May 04:00; 24 h diagnosis → Sun 22:00.
    ("take_in", "critical", paris(2024, 5, 4, 22), paris(2024, 5, 5, 4)),
    ("diagnosis", "critical", paris(2024, 5, 4, 22), paris(2024, 5, 5, 22)),
    # Wed 8 May 2024 11:00 is a holiday (Victoire 1945), so outside business hours: 6 h → 17:00.
    ("take_in", "critical", paris(2024, 5, 8, 11), paris(2024, 5, 8, 17)),
    # The next day, Thu 9 May (Ascension), is a holiday too: 24 h diagnosis → Thu 11:00.
    ("diagnosis", "critical", paris(2024, 5, 8, 11), paris(2024, 5, 9, 11)),
    # Tue 7 May 11:00 is inside: minor diagnosis within 7 calendar days → Tue 14 May 11:00,
    # across the weekend and both holidays (calendar days, not business days).
    ("diagnosis", "minor", paris(2024, 5, 7, 11), paris(2024, 5, 14, 11)),
    ("take_in", "important", paris(2024, 5, 7, 11), paris(2024, 5, 7, 21)),
    # Sat 30 March 2024 12:00 CET, outside: 24 real hours later is Sun 31 March 13:00 CEST.
    ("diagnosis", "critical", paris(2024, 3, 30, 12), paris(2024, 3, 31, 13)),
])
def test_n5_deadlines(nds: ModuleType, action: str, level: str, start: datetime,
                      due: datetime) -> None:
    result = nds.interventions_due(action, start, level)
    assert result == due
    assert result.utcoffset() == due.utcoffset()   # shown in Paris time


def test_n5_unspecified_and_no_deadline(nds: ModuleType) -> None:
    saturday = paris(2024, 5, 4, 10)
    # N5: urgent take-in outside business hours is not said by the contract.
    with pytest.raises(nds.UnspecifiedError, match="delay_if_unspecified"):
        nds.interventions_due("take_in", saturday, "urgent")
    decided = nds.interventions_due("take_in", saturday, "urgent",
                                    delay_if_unspecified=timedelta(hours=12))
    assert decided == paris(2024, 5, 4, 22)
    assert nds.interventions_due("take_in", saturday, "other") is None


def test_n5_bad_names(nds: ModuleType) -> None:
    start = paris(2024, 5, 7, 11)
    with pytest.raises(nds.SlaInputError, match="'blocker'"):
        nds.interventions_due("take_in", start, "blocker")
    with pytest.raises(nds.SlaInputError, match="'fix'"):
        nds.interventions_due("fix", start, "critical")
    with pytest.raises(nds.SlaInputError, match="level"):
        nds.interventions_due("take_in", start)


def test_n6_levels(nds: ModuleType) -> None:
    assert list(nds.LEVELS) == ["critical", "urgent", "important", "minor", "other"]
    assert nds.LEVELS["critical"][1].startswith("Critical")


def test_n1_error_rates(nds: ModuleType) -> None:
    # N1: February 2024 (29 days = 41,760 min). Rates for every minute, 6 % (> 5 %) during
    # 20 minutes: (41760 − 20) / 41760 = 99.952107 %.
    start = paris(2024, 2, 1).astimezone(timezone.utc)
    rates = [nds.MinuteRate(start + timedelta(minutes=i),
                            Decimal(6) if 100 <= i < 120 else Decimal("0.5"))
             for i in range(41760)]
    report = nds.disponibilite_report(2024, 2, rates)
    assert report.availability == Decimal("99.952107")
    with pytest.raises(nds.UnspecifiedError, match="missing"):
        nds.disponibilite_report(2024, 2, rates[:-1])
    assert nds.disponibilite_report(2024, 2, rates[:-1], missing="available").met


def test_n2_credit_tiers(nds: ModuleType) -> None:
    # N2: ≥ 99.95 % → none; 99.90–99.95 → a blank in the text; 99.89–99.90 → not covered.
    assert nds.credits(Decimal("99.96")).outcome.kind == "none"
    assert nds.credits(Decimal("99.92")).outcome.kind == "unspecified"
    assert nds.credits(Decimal("99.895")).tier is None
    with pytest.raises(nds.UnspecifiedError):
        nds.credits_month_total([nds.credits(Decimal("99.92"))])


# ---------------------------------------------------------------- Cegid Conciliator

def test_c3_probes_need_a_combination_rule(conciliator: ModuleType) -> None:
    # C3: in the hour Mon 6 May 2024 09:00–10:00, ihm answers in 0.5 s (good), api_echo in
    # 6 s (bad): whether the hour is OK depends on how the probes combine (not said).
    base = paris(2024, 5, 6, 9)
    samples = [conciliator.Sample(base + timedelta(minutes=3 * i), probe, latency)
               for i in range(20)
               for probe, latency in (("ihm", Decimal("0.5")), ("api_echo", Decimal(6)))]
    with pytest.raises(conciliator.UnspecifiedError, match="combine"):
        conciliator.disponibilite_report(2024, 5, samples, no_data="excluded")
    each = conciliator.disponibilite_report(2024, 5, samples, no_data="excluded", combine="each")
    both = conciliator.disponibilite_report(2024, 5, samples, no_data="excluded", combine="any")
    assert (each.availability, both.availability) == (Decimal(0), Decimal(100))


def test_c7_business_hours_and_days(conciliator: ModuleType) -> None:
    # C7: criticality 2 fix within 6 business days: Fri 3 May 2024 10:00 → Mon 6, Tue 7,
    # (Wed 8, Thu 9 holidays) Fri 10, Mon 13, Tue 14, Wed 15 May 10:00.
    assert conciliator.anomalies_due("fix", paris(2024, 5, 3, 10), "criticite_2") == \
        paris(2024, 5, 15, 10)
    assert conciliator.anomalies_due("fix", paris(2024, 5, 3, 10), "criticite_3") is None


# ---------------------------------------------------------------- Teogest T13, T12, T16, money

@pytest.mark.parametrize(("subscribed", "requested", "ends"), [
    # 0 full years (< 1 year): the end of the month of the request.
    (date(2024, 2, 10), date(2024, 9, 15), date(2024, 9, 30)),
    (date(2023, 5, 10), date(2024, 5, 9), date(2024, 5, 31)),
    # 1 full year (exactly): 1 + 1 = 2 months from 1 June 2024 → 31 July 2024.
    (date(2023, 5, 10), date(2024, 5, 10), date(2024, 7, 31)),
    # 2 full years (the third not yet complete on 14 June 2024): 3 months from 1 July → 30 Sep.
    (date(2021, 6, 15), date(2024, 6, 14), date(2024, 9, 30)),
    # 3 full years: 1 + 3 = 4 months from 1 July 2024 → 31 October 2024.
    (date(2021, 6, 15), date(2024, 6, 15), date(2024, 10, 31)),
])
def test_t13_notice(teogest: ModuleType, subscribed: date, requested: date, ends: date) -> None:
    assert teogest.preavis_effective_termination(subscribed, requested) == ends


def test_t13_engagement_prevails(teogest: ModuleType) -> None:
    # T13: an engagement ending later than the notice wins.
    assert teogest.preavis_effective_termination(
        date(2021, 6, 15), date(2024, 6, 15), date(2025, 1, 31)) == date(2025, 1, 31)
    assert teogest.preavis_notice_months(date(2021, 6, 15), date(2024, 6, 15)) == 4


def test_t12_debit_dates(teogest: ModuleType) -> None:
    # T12: the 20th, or the business day before. 20 April 2024 is a Saturday → Fri 19 April;
    # 20 May 2024 is Whit Monday → Fri 17 May; 20 June 2024 is a Thursday.
    assert teogest.facturation_debit_date(2024, 4) == date(2024, 4, 19)
    assert teogest.facturation_debit_date(2024, 5) == date(2024, 5, 17)
    assert teogest.facturation_debit_date(2024, 6) == date(2024, 6, 20)


def test_t5_t11_t20_deadlines(teogest: ModuleType) -> None:
    # T11: suspension not before 30 days after the invoice (issued 10 Jan 2024 09:00).
    assert teogest.facturation_earliest("suspension", paris(2024, 1, 10, 9)) == \
        paris(2024, 2, 9, 9)
    # T20: at most one audit a year.
    assert teogest.sous_traitance_limit("audit") == (1, "year")
    # T6: server crash restored within 20 min to 2 h: due at the upper bound.
    assert teogest.incidents_due("restore_crash", paris(2024, 5, 7, 10)) == paris(2024, 5, 7, 12)
    # T11, T12 are Teogest's rights (« peuvent être prélevées 14 jours après leur émission »,
    # « la résiliation … quinze (15) jours après l'envoi de trois e-mails »): the module gives
    # the earliest day it may act, and no due date at all.
    assert teogest.facturation_earliest("debit_other", paris(2024, 1, 10, 9)) == \
        paris(2024, 1, 24, 9)
    assert teogest.facturation_earliest("termination", paris(2024, 1, 10, 9)) == \
        paris(2024, 1, 25, 9)
    assert not hasattr(teogest, "facturation_due")
    # T20: the auditor's presence on site « ne devra pas excéder une semaine »: a limit, which
    # ends a week after it starts (Mon 3 June 2024 09:00 → Mon 10 June 09:00).
    assert teogest.sous_traitance_ends_by("audit_on_site", paris(2024, 6, 3, 9)) == \
        paris(2024, 6, 10, 9)
    with pytest.raises(teogest.SlaInputError, match="'suspension'"):
        teogest.sous_traitance_ends_by("suspension", paris(2024, 1, 10, 9))


@pytest.mark.parametrize(("given", "fee"), [
    # T16, training on Fri 31 May 2024: 7 days' notice (24 May) → 100 %; 8 days → 50 %;
    # 15 days (16 May) → 50 %; 16 days → 20 %; 1 month (30 April) → 20 %; earlier → none.
    (date(2024, 5, 24), "100"), (date(2024, 5, 23), "50"), (date(2024, 5, 16), "50"),
    (date(2024, 5, 15), "20"), (date(2024, 4, 30), "20"), (date(2024, 4, 29), None),
])
def test_t16_cancellation(teogest: ModuleType, given: date, fee: str | None) -> None:
    result = teogest.annulation_formation(given, date(2024, 5, 31), Decimal(400))
    if fee is None:
        assert result.outcome.kind == "none"
    else:
        assert result.money == Decimal(400) * Decimal(fee) / 100


def test_money(teogest: ModuleType) -> None:
    # T8: 2 h 30 at 130 €/h = 325 € vs 3 files × 70 € = 210 €: 325 €.
    assert teogest.restore_fee(Decimal("2.5"), 3) == Decimal("325.00")
    # T10: invoice of 100 € HT tops up to the 130 € minimum; Syntec +12 % capped at 9 %.
    assert teogest.tarifs_minimum_top_up(Decimal(100)) == Decimal("30.00")
    assert teogest.tarifs_indexed_price(Decimal(200), Decimal(100), Decimal(112)) == \
        Decimal("218.00")
    # T11: 1,000 € 73 days late at 4.5 % + 3 points = 7.5 %: 1000 × 0.075 × 73/365 = 15 €.
    assert teogest.tarifs_late_interest(Decimal(1000), Decimal("4.5"), 73) == Decimal("15.00")
    assert teogest.credentials_reset_fee() == Decimal("35.00")


# ---------------------------------------------------------------- inputs checked at the boundary

def naive_calls(modules: dict[str, ModuleType]) -> Iterator[tuple[str, Any]]:
    naive = datetime(2024, 5, 7, 10)
    t, n, lp = modules["teogest"], modules["niveaux_de_service"], modules["cegid_loop"]
    yield "contains", lambda: t.maintenance_corrective_contains(naive)
    yield "occurrences", lambda: t.heures_support_occurrences(naive, paris(2024, 5, 8))
    yield "due", lambda: t.incidents_due("investigation", naive)
    yield "due levels", lambda: n.interventions_due("take_in", naive, "critical")
    yield "outage", lambda: t.Outage(naive, paris(2024, 5, 8))
    yield "restore", lambda: lp.sauvegardes_expires_at("daily", naive)


def test_naive_datetimes_are_refused(modules: dict[str, ModuleType]) -> None:
    for what, call in naive_calls(modules):
        with pytest.raises(modules["teogest"].SlaInputError, match="naive") as caught:
            call()
        assert "2024-05-07T10:00:00" in str(caught.value), what


def test_end_before_start_is_refused(teogest: ModuleType) -> None:
    with pytest.raises(teogest.SlaInputError, match="before start"):
        teogest.heures_support_occurrences(paris(2024, 5, 8), paris(2024, 5, 7))


def test_unknown_names_are_refused(teogest: ModuleType, loop: ModuleType,
                                   nds: ModuleType) -> None:
    with pytest.raises(teogest.SlaInputError, match="'investigate'"):
        teogest.incidents_due("investigate", paris(2024, 5, 7, 10))
    with pytest.raises(loop.SlaInputError, match="'hourly'"):
        loop.sauvegardes_expires_at("hourly", paris(2024, 5, 7, 10))
    # N1: spans excused by a cause must name one of the contract's excluded causes.
    typo = nds.Outage(paris(2024, 2, 1, 10), paris(2024, 2, 1, 11), cause="force majeur")
    with pytest.raises(nds.SlaInputError, match="'force majeur'"):
        nds.disponibilite_report(2024, 2, [], missing="available", excluded_events=[typo])


def test_window_occurrences_cross_midnight(teogest: ModuleType) -> None:
    # T2: corrective maintenance Tue and Thu 21:00 → 06:00; the week of 6 May 2024 has two.
    found = teogest.maintenance_corrective_occurrences(paris(2024, 5, 6), paris(2024, 5, 13))
    assert [(o.start.astimezone(PARIS), o.end.astimezone(PARIS)) for o in found] == [
        (paris(2024, 5, 7, 21), paris(2024, 5, 8, 6)),
        (paris(2024, 5, 9, 21), paris(2024, 5, 10, 6)),
    ]
    # T2: at most one Saturday a month for evolutive maintenance.
    uses = [teogest.Interval(paris(2024, 5, 4, 8), paris(2024, 5, 4, 12)),
            teogest.Interval(paris(2024, 5, 11, 8), paris(2024, 5, 11, 12))]
    problems = teogest.maintenance_evolutive_check_uses(uses)
    assert len(problems) == 1 and "use 2" in problems[0]


# ---------------------------------------------------------------- constructs the contracts lack

@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ModuleType]:
    """tests/data/backend-edge-cases.sla built on its own: regimes, levels, several monthly
    days, unspecified notice / exclusion mode / claim / retention, money and day tiers."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        compiled = compile_paths([Path("tests/data/backend-edge-cases.sla")])
    finally:
        os.chdir(here)
    assert not compiled.has_errors, compiled.diagnostics
    [contract] = compiled.contracts
    root = tmp_path_factory.mktemp("edge") / "generated"
    files = {**python.package_files([contract]), **python.runtime_files(),
             **python.render(contract, pycode.HOLIDAY_YEARS)}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    module = load_generated(root, contract.module)
    assert run_examples(contract, module) == []
    return root, module


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_edge_cases_are_lint_and_type_clean(edge: tuple[Path, ModuleType]) -> None:
    pytest.importorskip("mypy")
    root, _ = edge
    lint = subprocess.run(
        ["ruff", "check", "--config", str(ROOT / "pyproject.toml"), "--extend-select", "E501",
         "--extend-exclude", "runtime", str(root)], capture_output=True, text=True, check=False)
    assert lint.returncode == 0, lint.stdout
    types = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file",
         str(ROOT / "pyproject.toml"), str(root)], capture_output=True, text=True, check=False)
    assert types.returncode == 0, types.stdout


def test_edge_cases_behave(edge: tuple[Path, ModuleType]) -> None:
    _, m = edge
    monday = paris(2024, 12, 23, 10)
    # `always_on` as business hours: 2 business hours are 2 clock hours.
    assert m.mixed_due("answer", monday, "high") == paris(2024, 12, 23, 12)
    # 3 business days of `alsace` (Mon–Sat; 24 and 31 Dec closed; 25 and 26 Dec holidays in
    # Moselle, subdivision 57): 27, 28, 30 December.
    assert m.mixed_due("answer", monday, "low") == paris(2024, 12, 30, 10)
    # Two monthly days: the action is a parameter. 5 May 2024 is a Sunday → Saturday 4 May.
    assert m.mixed_debit_date("pay", 2024, 5) == date(2024, 5, 4)
    assert m.mixed_limit("charge", "high") == (9, "week")
    with pytest.raises(m.SlaInputError, match="severity level"):
        m.mixed_limit("charge")
    use = [m.Interval(paris(2024, 5, 1, 23), paris(2024, 5, 2, 1))]
    with pytest.raises(m.UnspecifiedError, match="notice="):
        m.nights_check_uses(use, [paris(2024, 4, 1)])
    assert len(m.nights_check_uses(use, [paris(2024, 4, 30)], notice=timedelta(days=2))) == 1
    with pytest.raises(m.UnspecifiedError, match="exclusion_mode="):
        m.uptime_report(2024, 5, [])
    # No sample at all and "no data bad": every slice of the 19 × 10 h of May is down.
    report = m.uptime_report(2024, 5, [], exclusion_mode="removed")
    assert (report.availability, report.measured_time) == (Decimal(0), timedelta(hours=190))
    # Money tiers: 90 % gives 500 €, capped at 400 €.
    assert m.money_tiers(Decimal(90)).money == Decimal("400.00")
    with pytest.raises(m.UnspecifiedError, match="claim_within="):
        m.money_tiers_claim_deadline(2024, 5)
    assert m.day_tiers_claim_deadline(2024, 1) == date(2024, 3, 31)
    assert m.day_tiers_month_total([m.day_tiers(Decimal(2))] * 5) == Decimal(10)
    with pytest.raises(m.UnspecifiedError, match="monthly_kept"):
        m.copies_restore_points(paris(2024, 5, 1))
    assert (m.copies_oldest_year_kept_1(date(2024, 1, 1)),
            m.copies_oldest_year_kept_2(date(2024, 1, 1))) == (2022, 2020)
    assert m.fixed_effective_termination(date(2024, 1, 1), date(2025, 6, 30)) == \
        date(2025, 12, 31)
    assert m.prices_capped_liability(Decimal(20000), Decimal(9000)) == Decimal("1000.00")
    assert m.seat_fee(Decimal(3)) == Decimal("36.00")


# ---------------------------------------------------------------- holiday tables, shared

CALENDARS_SLA = """\
contract "calendars-demo" {
    title "Calendars"
    provider "Provider"
    client "Client"
    source "Nowhere" dated 2024-01-01
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}
calendar paris {
    workdays monday to friday
    public holidays "FR"
}
calendar lyon {
    workdays monday to saturday
    public holidays "FR"
}
calendar moselle {
    workdays monday to friday
    public holidays "FR" subdivision "57"
}
calendar zone_a {
    workdays monday to friday
    public holidays "FR" subdivision "Zone A"
}
calendar plain {
    workdays monday to friday
}
calendar phnom_penh {
    workdays monday to friday
    public holidays "KH"
}
"""


@pytest.fixture(scope="module")
def calendars(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ModuleType]:
    """One contract with calendars sharing a table, with their own, and with none."""
    contract, diagnostics, _ = compile_text(CALENDARS_SLA.encode(), "calendars.sla")
    assert contract is not None and diagnostics == []
    root = tmp_path_factory.mktemp("calendars") / "generated"
    files = {**python.package_files([contract]), **python.runtime_files(),
             **python.render(contract, pycode.HOLIDAY_YEARS)}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root, load_generated(root, contract.module)


def test_one_table_per_country_subdivision_and_years(calendars: tuple[Path, ModuleType]) -> None:
    root, m = calendars
    tables = sorted(p.name for p in root.glob("_holidays_*.py"))
    assert tables[:2] == ["_holidays_fr_2020_2040.py", "_holidays_fr_57_2020_2040.py"]
    assert tables[3] == "_holidays_kh_2020_2040.py"
    # "Zone A" is no plain code: slugged, and told apart from other spellings by a hash.
    assert re.fullmatch(r"_holidays_fr_zone_a_[0-9a-f]{8}_2020_2040\.py", tables[2])
    assert len(tables) == 4
    assert m.LYON.holidays is m.PARIS.holidays
    assert m.PLAIN.holidays == ()
    init = (root / "__init__.py").read_text(encoding="utf-8")
    assert "- _holidays_fr_57_2020_2040: FR, subdivision 57, 2020-2040\n" in init
    assert "- _holidays_kh_2020_2040: KH, 2020-2040\n" in init


def test_calendars_keep_their_own_holidays(calendars: tuple[Path, ModuleType]) -> None:
    _, m = calendars
    # Good Friday (Easter 31 March 2024 − 2 days) and Saint Stephen's Day, Thursday 26 December
    # 2024, are holidays in Moselle only.
    for day in (date(2024, 3, 29), date(2024, 12, 26)):
        assert m.paris_is_business_day(day) and not m.moselle_is_business_day(day)
    assert m.moselle_holiday_name(date(2024, 5, 20)) == "Lundi de Pentecôte"
    # Labour Day, Wednesday 1 May 2024: closed in France, open for a calendar without holidays.
    assert not m.paris_is_business_day(date(2024, 5, 1))
    assert m.plain_is_business_day(date(2024, 5, 1))
    assert m.plain_holiday_name(date(2024, 5, 1)) is None
    # Saturday 11 May 2024 is a workday in Lyon only.
    assert m.lyon_add_business_days(date(2024, 5, 10), 1) == date(2024, 5, 11)
    assert m.paris_add_business_days(date(2024, 5, 10), 1) == date(2024, 5, 13)
    # Monday 1 January 2024, international New Year's Day, is a public holiday in Cambodia too.
    assert not m.phnom_penh_is_business_day(date(2024, 1, 1))
    assert m.phnom_penh_is_business_day(date(2024, 1, 2))
    with pytest.raises(m.SlaInputError, match="2041"):
        m.plain_is_business_day(date(2041, 1, 2))


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_holiday_tables_are_lint_and_type_clean(calendars: tuple[Path, ModuleType]) -> None:
    pytest.importorskip("mypy")
    root, _ = calendars
    # Some Cambodian holiday names alone are wider than a line: they are split at spaces.
    assert '    (\n        date(2020, 10, 15),\n        (\n' in \
        (root / "_holidays_kh_2020_2040.py").read_text(encoding="utf-8")
    lint = subprocess.run(
        ["ruff", "check", "--config", str(ROOT / "pyproject.toml"), "--extend-select", "E501",
         "--extend-exclude", "runtime", str(root)], capture_output=True, text=True, check=False)
    assert lint.returncode == 0, lint.stdout
    types = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file",
         str(ROOT / "pyproject.toml"), str(root)], capture_output=True, text=True, check=False)
    assert types.returncode == 0, types.stdout


def calendar(country: str | None, subdivision: str | None = None) -> Calendar:
    return Calendar(name="c", line=1, clauses=(), label=None, notes=(), workdays=(0,),
                    holiday_country=country, holiday_subdivision=subdivision, closed=())


def test_holiday_module_names() -> None:
    years = range(2024, 2026)
    assert holiday_module(calendar(None), years) is None
    assert holiday_module(calendar("FR"), years) == "_holidays_fr_2024_2025"
    assert holiday_module(calendar("FR", "971"), years) == "_holidays_fr_971_2024_2025"
    assert holiday_module(calendar("FR"), range(2020, 2041)) == "_holidays_fr_2020_2040"
    # Spellings that reduce to the same letters still name different modules.
    odd = [holiday_module(calendar("FR", s), years) for s in ("A-B", "A B", "a b", "AB")]
    assert len(set(odd)) == 4
    assert odd[3] == "_holidays_fr_ab_2024_2025"
    for name in odd:
        assert name is not None and name.isidentifier() and name.isascii()
    # Another span of years is another table, whose calendars cover those years only.
    contract, _, _ = compile_text(CALENDARS_SLA.encode(), "calendars.sla")
    assert contract is not None
    files = python.render(contract, years)
    assert "_holidays_fr_2024_2025.py" in files
    table = files["_holidays_fr_2024_2025.py"]
    assert '    (date(2025, 6, 9), "Lundi de Pentecôte"),\n' in table
    assert "(date(2026," not in table and "(date(2023," not in table


# ---------------------------------------------------------------- names that would clash

NAMES_SLA = """\
contract "names-demo" {
    title "Names"
    provider "Provider"
    client "Client"
    source "Nowhere" dated 2024-01-01
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}
deadlines litiges {
    action meeting fr "réunion" en "meeting"
    meeting within 15 days
}
window litiges_actions {
    monday 09:00 to 10:00
}
window zone {
    monday 09:00 to 10:00
}
window zone_window {
    tuesday 09:00 to 10:00
}
window import {
    monday 10:00 to 11:00
}
window __import__ {
    monday 11:00 to 12:00
}
window a {
    monday 12:00 to 13:00
}
window a_ {
    monday 13:00 to 14:00
}
window _a {
    monday 14:00 to 15:00
}
window _1 {
    monday 15:00 to 16:00
}
severities sev {
    level high fr "haut" en "high"
}
window levels {
    monday 16:00 to 17:00
}
availability dispo {
    target at least 99 %
    period calendar month
    measured all time
    method outages
}
tiers litiges_due {
    on unavailability of dispo
    from 0 % included to 1 % excluded: none
    from 1 % included: 10 % of invoice
    claim within 30 days after end of period
    paid as credit note
}
tiers report {
    on unavailability of dispo
    from 0 % included to 1 % excluded: none
    from 1 % included: 10 % of invoice
    claim within 30 days after end of period
    paid as credit note
}
tiers isinstance {
    on unavailability of dispo
    from 0 % included: none
    claim within 30 days after end of period
    paid as credit note
}
tiers x_fee {
    on unavailability of dispo
    from 0 % included: none
    claim within 30 days after end of period
    paid as credit note
}
money m {
    fee x 10 EUR
}
term duree {
    notice under 1 year ends at end of month of request
    notice 1 month plus 1 month per full year from day after month of request
    initial 1 year
    renewal tacit 1 year
}
retention r {
    copy a every day at 01:00 kept unspecified
    copy a_ every day kept unspecified
}
"""


@pytest.fixture(scope="module")
def clashing() -> model.Contract:
    contract, diagnostics, _ = compile_text(NAMES_SLA.encode(), "names.sla")
    assert contract is not None
    assert [d for d in diagnostics if d.severity == "error"] == []
    return contract


@pytest.fixture(scope="module")
def names_module(clashing: model.Contract,
                 tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ModuleType]:
    """NAMES_SLA built on its own: items whose plain names would clash with each other, with
    the module's constants, with builtins or with the names derived from other items."""
    root = tmp_path_factory.mktemp("names") / "generated"
    files = {**python.package_files([clashing]), **python.runtime_files(),
             **python.render(clashing, pycode.HOLIDAY_YEARS)}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root, load_generated(root, clashing.module)


def test_the_first_item_keeps_its_name_and_the_later_ones_take_their_kind(
        names_module: tuple[Path, ModuleType]) -> None:
    _, m = names_module
    # The module's own constants are never replaced.
    assert (m.ZONE, m.CONTRACT_ID, m.SOURCE_FILE) == ("Europe/Paris", "names-demo", "names.sla")
    # Deadlines `litiges` come first and keep LITIGES_ACTIONS; the window takes `_window`.
    assert m.LITIGES_ACTIONS["meeting"] == ("réunion", "meeting")
    assert isinstance(m.LITIGES_ACTIONS_WINDOW, m.Schedule)
    # `zone` gives way to the module's ZONE; `zone_window` then finds its plain names taken.
    monday, tuesday = paris(2024, 5, 6, 9, 30), paris(2024, 5, 7, 9, 30)
    assert m.zone_window_contains(monday) and not m.zone_window_contains(tuesday)
    assert m.zone_window_window_contains(tuesday) and not m.zone_window_window_contains(monday)
    assert isinstance(m.ZONE_WINDOW_WINDOW, m.Schedule)
    # `import` and `__import__` are both IMPORT: the second is `import_window`.
    assert m.import_contains(paris(2024, 5, 6, 10, 30))
    assert m.import_window_contains(paris(2024, 5, 6, 11, 30))
    assert not m.import_window_contains(paris(2024, 5, 6, 10, 30))
    assert m.IMPORT is not m.IMPORT_WINDOW
    # `a`, `a_` and `_a` are all A: then A_WINDOW, then A_WINDOW_2 (13:00 and 14:00 windows).
    assert m.a_contains(paris(2024, 5, 6, 12, 30))
    assert m.a_window_contains(paris(2024, 5, 6, 13, 30))
    assert m.a_window_2_contains(paris(2024, 5, 6, 14, 30))
    # A name starting with a digit once the underscore is moved is prefixed with `item`.
    assert m.item_1_contains_(paris(2024, 5, 6, 15, 30))
    assert isinstance(m.ITEM_1, m.Schedule)
    # The only severities are Level / LEVELS: the window `levels` gives way.
    assert m.LEVELS is m.SEV_LEVELS and m.LEVELS["high"] == ("haut", "high")
    assert m.levels_window_contains(paris(2024, 5, 6, 16, 30))


def test_functions_named_like_others_or_like_builtins(
        names_module: tuple[Path, ModuleType]) -> None:
    _, m = names_module
    # Tiers `litiges_due` meets `litiges_due` of deadlines `litiges` (15 days after 6 May).
    assert m.litiges_due("meeting", paris(2024, 5, 6, 9)) == paris(2024, 5, 21, 9)
    result = m.litiges_due_tiers(Decimal(1), Decimal(1000))
    assert (result.tier, result.money) == (1, Decimal("100.00"))
    # Fee `x` of `m` meets tiers `x_fee`: it becomes `m_x_fee`; 3 times 10 EUR.
    assert m.m_x_fee(3) == Decimal("30.00")
    assert m.x_fee(Decimal("0.5")).outcome.kind == "none"
    # A tiers `isinstance` must not hide the builtin the helpers use (`_choice` here).
    assert m.isinstance_(Decimal("0.5")).tier == 0
    with pytest.raises(m.SlaInputError, match="unknown action"):
        m.litiges_due("lunch", paris(2024, 5, 6, 9))
    # Tiers `report`: its `report` parameter must not hide the function. May 2024 has 744 hours
    # in Paris; 8 hours down is 8 / 744 = 1.075 % unavailability ≥ 1 %: 10 % of 1,000 EUR.
    outage = m.Outage(paris(2024, 5, 6, 8), paris(2024, 5, 6, 16))
    report = m.dispo_report(2024, 5, outages=[outage])
    assert m.report_from_report(report, Decimal(1000)).money == Decimal("100.00")


def test_a_term_with_both_a_tenure_notice_and_a_fixed_term(
        names_module: tuple[Path, ModuleType]) -> None:
    _, m = names_module
    # Tenure: subscribed 1 March 2021, request 10 May 2024: 1 month + 3 full years' 3 months
    # from 1 June: the last day is 30 September 2024.
    assert m.duree_effective_termination(date(2021, 3, 1), date(2024, 5, 10)) == \
        date(2024, 9, 30)
    assert isinstance(m.DUREE, m.TenureNotice) and isinstance(m.DUREE_FIXED, m.FixedTerm)
    # Fixed term of 1 year from 1 January 2024: the term running on 1 June ends 31 December.
    assert m.duree_fixed_term_end(date(2024, 1, 1), date(2024, 6, 1)) == date(2024, 12, 31)


def test_copies_whose_parameters_would_clash(names_module: tuple[Path, ModuleType]) -> None:
    _, m = names_module
    taken = paris(2024, 5, 6, 1)
    # `a` keeps `a_kept`; `a_` (also `a` as a parameter) takes `a_2`: `a_2_kept`, `a_2_at`.
    week = m.Period(1, "week")
    assert m.r_expires_at("a", taken, a_kept=m.Period(2, "day")) == paris(2024, 5, 8, 1)
    assert m.r_expires_at("a_", taken, a_2_kept=week) == paris(2024, 5, 13, 1)
    with pytest.raises(m.UnspecifiedError, match="pass a_kept="):
        m.r_expires_at("a", taken, a_2_kept=week)
    with pytest.raises(m.UnspecifiedError, match="pass a_2_kept="):
        m.r_expires_at("a_", taken, a_kept=week)
    with pytest.raises(m.UnspecifiedError, match=r"a_2_at \(at what time copy a_ is taken\)"):
        m.r_restore_points(taken, a_kept=week, a_2_kept=week)


def test_evaluator_names_follow_the_names_given(clashing: model.Contract) -> None:
    names = python.evaluator_names(clashing)
    assert names["zone"] == ["zone_window_contains", "zone_window_occurrences"]
    assert names["__import__"] == ["import_window_contains", "import_window_occurrences"]
    assert names["import"] == ["import_contains", "import_occurrences"]
    assert names["litiges_due"] == ["litiges_due_tiers", "litiges_due_tiers_from_report",
                                    "litiges_due_tiers_claim_deadline"]
    assert names["m"] == ["m_x_fee"]
    assert names["duree"] == ["duree_effective_termination", "duree_notice_months",
                              "duree_fixed_term_end", "duree_fixed_renewal_dates"]
    given = python.names_of(clashing)
    assert (given.fn("zone", "contains"), given.const("zone"), given.fee("x")) == \
        ("zone_window_contains", "ZONE_WINDOW", "m_x_fee")
    assert (given.fn("litiges", "due"), given.const("litiges")) == ("litiges_due", "LITIGES")


def test_the_five_contracts_keep_their_plain_names() -> None:
    for contract in contracts():
        given = python.names_of(contract)
        assert all(given.item(item.name) == item.name for item in contract.items), contract.id
        fees = [fee.name for item in contract.of_type(MoneyClause) for fee in item.fees]
        assert all(given.fee(fee) == pycode.fee_fn(fee) for fee in fees), contract.id


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_clashing_names_are_lint_and_type_clean(names_module: tuple[Path, ModuleType]) -> None:
    pytest.importorskip("mypy")
    root, _ = names_module
    lint = subprocess.run(
        ["ruff", "check", "--config", str(ROOT / "pyproject.toml"), "--extend-select", "E501",
         "--extend-exclude", "runtime", str(root)], capture_output=True, text=True, check=False)
    assert lint.returncode == 0, lint.stdout
    types = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file",
         str(ROOT / "pyproject.toml"), str(root)], capture_output=True, text=True, check=False)
    assert types.returncode == 0, types.stdout


# ---------------------------------------------------------------- characters never shown raw

def test_hidden_characters_are_escaped_in_string_literals() -> None:
    text = "a\u202eb\u2066c\u2069 \u200bd\u2028e\x00f\x85g\ufeffh\U000e0041 é 中文 🙂"
    literal = pycode.py_str(text)
    assert literal == ('"a\\u202eb\\u2066c\\u2069 \\u200bd\\u2028e\\u0000f\\u0085g\\ufeffh'
                       '\\U000e0041 é 中文 🙂"')
    assert ast.literal_eval(literal) == text


def test_hidden_characters_are_escaped_in_docstrings() -> None:
    source = pycode.docstring("Abc\u202edef \\ \u2066x\u2069 ends with a quote \"", [],
                              indent="")
    assert source == '"""Abc\\u202edef \\\\ \\u2066x\\u2069 ends with a quote \\""""'
    assert ast.literal_eval(source) == "Abc\u202edef \\ \u2066x\u2069 ends with a quote \""


def test_a_long_word_is_never_cut_inside_an_escape() -> None:
    """No space to wrap at: the word is cut at the line width, between escapes only."""
    word = "\\" * 151 + "\u202e" * 30 + '"""' * 20 + "\U000e0041" * 10 + "é" * 10
    source = pycode.docstring("Summary.", [word], indent="    ")
    lines = source.split("\n")
    assert max(len(line) for line in lines) <= 100
    value = ast.literal_eval(source.strip())
    # Each cut adds a newline and the indent of four spaces: removed, the word is whole.
    assert value.replace("\n    ", "") == f"Summary.\n{word}"


def test_hidden_characters_are_shown_escaped_in_comments() -> None:
    text = NAMES_SLA.replace('meeting within 15 days',
                             'meeting within 15 days after "x\u202ey\u2028z"')
    contract, _, _ = compile_text(text.encode(), "names.sla")
    assert contract is not None
    source = python.render(contract, range(2024, 2025))["names_demo.py"]
    assert "# line 12: meeting: within 15 days after « x\\u202ey\\u2028z »\n" in source
    assert "\u202e" not in source and "\u2028" not in source


def test_contacts_as_the_contracts_write_them(modules: dict[str, ModuleType]) -> None:
    # Cegid API Art. 5: "par courrier électronique à l'adresse securityteam@cegid.com".
    assert dict(modules["cegid_api"].EQUIPE_SECURITE) == {"email": "securityteam@cegid.com"}
    # Cegid Loop Art. 8.3: by e-mail, in the application, or by phone with the matching offer;
    # the support's opening hours are published outside the contract (no _HOURS constant).
    loop = modules["cegid_loop"]
    assert dict(loop.SERVICE_SUPPORT) == {"email": "support@CegidLoopmaintenance.zendesk.com"}
    assert [en for _, en in loop.SERVICE_SUPPORT_CHANNELS] == [
        "directly in the application", "by phone, if the Customer chose the matching offer"]
    assert not hasattr(loop, "SERVICE_SUPPORT_HOURS")
    # Niveaux de service Annexe 2 §2.1: "par e-mail à l'adresse ." -- the address is blank.
    assert dict(modules["niveaux_de_service"].NOTIFICATION_INCIDENTS) == {"email": None}
    with pytest.raises(TypeError):   # read-only, as every constant of the generated modules
        modules["cegid_api"].EQUIPE_SECURITE["email"] = "x@example.com"
