"""Public cloud SLAs (contracts/public/): OVHcloud KMS, Google Vertex AI Search for commerce and
Scaleway Serverless Functions, each rule evaluated by the generated module on cases computed by
hand from the vendor's text (the computation is written beside each case, never taken from a run
of the code)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from slac.examples import load_generated

UTC = ZoneInfo("UTC")


@pytest.fixture(scope="module")
def kms(public: Path) -> ModuleType:
    return load_generated(public, "ovhcloud_kms")


@pytest.fixture(scope="module")
def retail(public: Path) -> ModuleType:
    return load_generated(public, "gcp_retail")


@pytest.fixture(scope="module")
def scaleway(public: Path) -> ModuleType:
    return load_generated(public, "scaleway_serverless")


def at(day: int, hour: int, minute: int = 0, second: int = 0, month: int = 6) -> datetime:
    """An instant of 2024, in UTC (June unless said)."""
    return datetime(2024, month, day, hour, minute, second, tzinfo=UTC)


# ---------------------------------------------------------------------------------------------
# OVHcloud KMS — 99.50 % monthly; Unavailability = loss of access for more than 3 consecutive
# minutes, counted from the incident ticket; 5 % of the monthly cost per full hour beyond the SLA,
# at most 30 %; claim within 60 calendar days of the incident.
# June 2024 = 30 days = 43,200 min = 2,592,000 s; 99.5 % allows 0.5 % × 43,200 = 216 min.
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("end", "downtime", "availability"), [
    # 10:00:00 to 10:03:00: exactly 3 minutes, not « more than three (3) consecutive minutes »
    # → no Unavailability, 100 %.
    (at(10, 10, 3, 0), timedelta(0), "100"),
    # 10:00:00 to 10:03:01: 181 s, more than 3 minutes → all 181 s count:
    # (2,592,000 − 181) / 2,592,000 = 99.9930170 % → 99.993017 %.
    (at(10, 10, 3, 1), timedelta(seconds=181), "99.993017"),
])
def test_kms_runs_of_more_than_three_minutes(kms: ModuleType, end: datetime,
                                             downtime: timedelta, availability: str) -> None:
    outage = kms.Outage(at(10, 10), end, reported=at(10, 10))      # ticket opened at once
    report = kms.kms_report(2024, 6, monitored=True, outages=[outage])
    assert report.downtime_time == downtime
    assert report.availability == Decimal(availability)
    assert report.met                                               # both well above 99.5 %


def test_kms_repeated_three_minute_losses_never_count(kms: ModuleType) -> None:
    # Three separate losses of exactly 3 minutes (ticket at the start of each): none is « more
    # than three (3) consecutive minutes » → 0 min of Unavailability, 100 %.
    outages = [kms.Outage(at(d, 9), at(d, 9, 3), reported=at(d, 9)) for d in (3, 12, 24)]
    report = kms.kms_report(2024, 6, monitored=True, outages=outages)
    assert report.downtime_time == timedelta(0)
    assert report.availability == Decimal("100")
    assert len(report.ignored) == 3


def test_kms_downtime_counts_from_the_ticket(kms: ModuleType) -> None:
    # Down 10:00 to 16:20, ticket opened at 10:20: « The downtime is calculated … from the moment
    # the incident ticket is opened » → 10:20 to 16:20 = 360 min count (the first 20 do not).
    # (43,200 − 360) / 43,200 = 99.166667 % < 99.5 %: missed.
    outage = kms.Outage(at(10, 10), at(10, 16, 20), reported=at(10, 10, 20))
    report = kms.kms_report(2024, 6, monitored=True, outages=[outage])
    assert report.downtime_time == timedelta(minutes=360)
    assert report.availability == Decimal("99.166667")
    assert not report.met
    # 360 − 216 = 144 min beyond the SLA = 2 full hours (and 24 min) → 2 × 5 % = 10 %;
    # on a monthly cost of 500 USD: 50 USD.
    credit = kms.kms_credits_from_report(report, invoice=Decimal("500"))
    assert credit.counted == timedelta(minutes=144)
    assert credit.units == 2
    assert credit.share == Decimal(10)
    assert credit.money == Decimal("50.00")
    assert not credit.capped


def test_kms_ticket_opened_after_the_service_is_back_counts_nothing(kms: ModuleType) -> None:
    # Down 10:00 to 10:30, ticket opened at 11:00: downtime calculated from 11:00, when access is
    # already back → 0 min, 100 %.
    outage = kms.Outage(at(10, 10), at(10, 10, 30), reported=at(10, 11))
    report = kms.kms_report(2024, 6, monitored=True, outages=[outage])
    assert report.downtime_time == timedelta(0)
    assert report.availability == Decimal("100")


def test_kms_run_length_is_judged_on_the_loss_of_access(kms: ModuleType) -> None:
    # Loss of access 10:00 to 10:05 (5 min, more than 3: Unavailability), ticket at 10:03 → the
    # downtime counts from 10:03: 2 min. (43,200 − 2) / 43,200 = 99.9953704 % → 99.995370 %.
    outage = kms.Outage(at(10, 10), at(10, 10, 5), reported=at(10, 10, 3))
    report = kms.kms_report(2024, 6, monitored=True, outages=[outage])
    assert report.downtime_time == timedelta(minutes=2)
    assert report.availability == Decimal("99.995370")


@pytest.mark.parametrize(("downtime", "year", "month", "units", "share", "money", "capped"), [
    # June (allowance 216 min): 275 min → 59 min beyond, no full hour → 0 %.
    (timedelta(minutes=275), 2024, 6, 0, Decimal(0), Decimal("0.00"), False),
    # June: 276 min → 60 min beyond = exactly 1 full hour → 5 % of 500 = 25 USD.
    (timedelta(minutes=276), 2024, 6, 1, Decimal(5), Decimal("25.00"), False),
    # June: 9 h 36 min = 576 min → 360 min beyond = 6 full hours → 30 %: at the cap, not above.
    (timedelta(minutes=576), 2024, 6, 6, Decimal(30), Decimal("150.00"), False),
    # June: 636 min → 420 min beyond = 7 full hours → 35 % → capped at 30 % = 150 USD.
    (timedelta(minutes=636), 2024, 6, 7, Decimal(35), Decimal("150.00"), True),
    # June: 20 h = 1,200 min → 984 min beyond = 16.4 h → 16 full hours → 80 % → capped at
    # 30 % = 150 USD (not 400 USD).
    (timedelta(hours=20), 2024, 6, 16, Decimal(80), Decimal("150.00"), True),
    # July 2024 = 31 days = 44,640 min; allowance 0.5 % = 223.2 min = 223 min 12 s.
    # 283 min 12 s → exactly 60 min beyond → 1 full hour → 5 % = 25 USD.
    (timedelta(minutes=283, seconds=12), 2024, 7, 1, Decimal(5), Decimal("25.00"), False),
    # July: 283 min 11 s → 59 min 59 s beyond → 0 % (the same downtime gives 5 % in June).
    (timedelta(minutes=283, seconds=11), 2024, 7, 0, Decimal(0), Decimal("0.00"), False),
    # February 2024 = 29 days = 41,760 min; allowance 208.8 min = 208 min 48 s.
    # 6 h = 360 min → 151 min 12 s beyond → 2 full hours → 10 % = 50 USD.
    (timedelta(hours=6), 2024, 2, 2, Decimal(10), Decimal("50.00"), False),
])
def test_kms_credit_per_full_hour_beyond_the_allowance(
        kms: ModuleType, downtime: timedelta, year: int, month: int, units: int,
        share: Decimal, money: Decimal, capped: bool) -> None:
    credit = kms.kms_credits(downtime, year, month, invoice=Decimal("500"))
    assert credit.units == units
    assert credit.share == share
    assert credit.money == money
    assert credit.capped is capped


def test_kms_cap_applied_from_a_report(kms: ModuleType) -> None:
    # Down 00:00 to 20:00 on 10 June, ticket at 00:00: 1,200 min; (43,200 − 1,200) / 43,200 =
    # 97.222222 %. 984 min beyond → 16 full hours → 80 % → cap 30 % of 500 USD = 150 USD.
    outage = kms.Outage(at(10, 0), at(10, 20), reported=at(10, 0))
    report = kms.kms_report(2024, 6, monitored=True, outages=[outage])
    assert report.availability == Decimal("97.222222")
    credit = kms.kms_credits_from_report(report, invoice=Decimal("500"))
    assert credit.units == 16
    assert credit.capped
    assert credit.money == Decimal("150.00")


def test_kms_does_not_apply_when_monitoring_is_impossible(kms: ModuleType) -> None:
    # « If OVHcloud is unable to perform this technical monitoring … the availability commitments
    # set out above will not apply »: the same 20 h outage gives no credit at all.
    outage = kms.Outage(at(10, 0), at(10, 20), reported=at(10, 0))
    report = kms.kms_report(2024, 6, monitored=False, outages=[outage])
    assert not report.applies
    credit = kms.kms_credits_from_report(report, invoice=Decimal("500"))
    assert credit.units == 0
    assert credit.money == Decimal("0.00")


@pytest.mark.parametrize(("incident", "last_day"), [
    # « within sixty (60) calendar days of the suspected incident »:
    # 10 May 2024 + 60 days: 21 days to 31 May, 30 to 30 June, 9 more → 9 July 2024.
    (date(2024, 5, 10), date(2024, 7, 9)),
    # 15 December 2024 + 60: 16 to 31 Dec, 31 to 31 Jan, 13 more → 13 February 2025.
    (date(2024, 12, 15), date(2025, 2, 13)),
    # 1 January 2024 + 60: 30 to 31 Jan, 29 to 29 Feb (leap year), 1 more → 1 March 2024.
    (date(2024, 1, 1), date(2024, 3, 1)),
])
def test_kms_claim_within_sixty_calendar_days(kms: ModuleType, incident: date,
                                              last_day: date) -> None:
    assert kms.kms_credits_claim_deadline(incident) == last_day


# ---------------------------------------------------------------------------------------------
# Google Vertex AI Search for commerce — 99.9 % monthly; Downtime = Error Rate above 10 %, with at
# least 2,000 Valid Requests (read: per minute); only runs of 10 or more consecutive minutes;
# credits 10 % (99.0 – < 99.9), 25 % (95.0 – < 99.0), 50 % (< 95.0); cap 50 %; claim 30 days.
# June 2024 = 43,200 min. Monthly bill for the service in the Region: 2,000 USD.
# ---------------------------------------------------------------------------------------------

def minutes(module: ModuleType, start: datetime, count: int, requests: int,
            failed: int) -> list[object]:
    """`count` consecutive minutes from `start`, each with these request counts."""
    return [module.RequestCount(start + timedelta(minutes=i), requests, failed)
            for i in range(count)]


@pytest.mark.parametrize(("bad_minutes", "downtime", "availability"), [
    # 9 consecutive minutes at 25 % errors (1,250 of 5,000): fewer than ten → no Downtime Period,
    # 100 %.
    (9, 0, "100"),
    # 10 consecutive minutes: a Downtime Period of 10 min → (43,200 − 10) / 43,200 = 99.976852 %.
    (10, 10, "99.976852"),
])
def test_retail_downtime_periods_of_ten_minutes_or_more(retail: ModuleType, bad_minutes: int,
                                                        downtime: int,
                                                        availability: str) -> None:
    counts = minutes(retail, at(10, 10), bad_minutes, 5000, 1250)
    report = retail.retail_report(2024, 6, counts)
    assert report.downtime_time == timedelta(minutes=downtime)
    assert report.availability == Decimal(availability)
    assert report.met                                 # 99.976852 % is still above 99.9 %


@pytest.mark.parametrize(("requests", "failed", "availability", "share"), [
    # 60 minutes, 500 of 5,000 failed = 10 % exactly: not « more than a 10% percent Error Rate »
    # → no Downtime, 100 %, no credit.
    (5000, 500, "100", None),
    # 501 of 5,000 = 10.02 % → 60 min of Downtime: (43,200 − 60) / 43,200 = 99.861111 %
    # → « 99.0% - < 99.9% » → 10 % of 2,000 USD = 200 USD.
    (5000, 501, "99.861111", Decimal(10)),
    # 1,999 requests a minute, all failed: below « a minimum of 2000 Valid Requests » → no Error
    # Rate, no Downtime → 100 %.
    (1999, 1999, "100", None),
    # 2,000 requests, 201 failed = 10.05 % → 60 min of Downtime → 99.861111 % → 10 % = 200 USD.
    (2000, 201, "99.861111", Decimal(10)),
])
def test_retail_error_rate_and_minimum_of_2000_requests(retail: ModuleType, requests: int,
                                                        failed: int, availability: str,
                                                        share: Decimal | None) -> None:
    counts = minutes(retail, at(10, 10), 60, requests, failed)
    report = retail.retail_report(2024, 6, counts)
    assert report.availability == Decimal(availability)
    credit = retail.retail_credits_from_report(report, invoice=Decimal("2000"))
    if share is None:
        assert credit.outcome.kind == "none"
    else:
        assert credit.outcome.amount == share
        assert credit.money == Decimal("200.00")


def test_retail_a_minute_under_the_minimum_breaks_a_run(retail: ModuleType) -> None:
    # 10:00–10:09 bad (9 min), 10:09 with 1,999 requests all failed (no Error Rate: not
    # Downtime), 10:10–10:19 bad (10 min): runs of 9 and 10 minutes → only the 10 count →
    # (43,200 − 10) / 43,200 = 99.976852 %.
    counts = (minutes(retail, at(10, 10), 9, 5000, 1250)
              + minutes(retail, at(10, 10, 9), 1, 1999, 1999)
              + minutes(retail, at(10, 10, 10), 10, 5000, 1250))
    report = retail.retail_report(2024, 6, counts)
    assert report.downtime_time == timedelta(minutes=10)
    assert report.availability == Decimal("99.976852")


def test_retail_three_day_outage_reaches_the_last_row_and_the_cap(retail: ModuleType) -> None:
    # 3 days = 4,320 min at 20 % errors: (43,200 − 4,320) / 43,200 = 90 % → « < 95.0% » → 50 %
    # of 2,000 USD = 1,000 USD; the cap, 50 % of 2,000 USD = 1,000 USD, equals it (not lowered).
    counts = minutes(retail, at(10, 0), 4320, 5000, 1000)
    report = retail.retail_report(2024, 6, counts)
    assert report.availability == Decimal("90")
    assert not report.met
    credit = retail.retail_credits_from_report(report, invoice=Decimal("2000"))
    assert credit.outcome.amount == Decimal(50)
    assert credit.money == Decimal("1000.00")
    assert not credit.capped


@pytest.mark.parametrize(("availability", "share"), [
    ("99.9", None),                   # meets the SLO: no row
    ("99.899999", Decimal(10)),       # « 99.0% - < 99.9% »
    ("99", Decimal(10)),              # 99.0 % is in « 99.0% - < 99.9% », not the 25 % row
    ("98.999999", Decimal(25)),       # « 95.0% - < 99.0% »
    ("95", Decimal(25)),              # 95.0 % is in « 95.0% - < 99.0% »
    ("94.999999", Decimal(50)),       # « < 95.0% »
])
def test_retail_credit_rows_are_closed_open(retail: ModuleType, availability: str,
                                            share: Decimal | None) -> None:
    result = retail.retail_credits(Decimal(availability), invoice=Decimal("2000"))
    if share is None:
        assert result.outcome.kind == "none"
    else:
        assert result.outcome.amount == share
        assert result.money == Decimal("2000") * share / 100    # 200, 500 or 1,000 USD


def test_retail_432_minutes_is_exactly_99_percent(retail: ModuleType) -> None:
    # 432 = 1 % of 43,200: 432 min of Downtime → exactly 99.0 % → 10 %; 433 min →
    # (43,200 − 433) / 43,200 = 98.997685 % → 25 %.
    for length, availability, share in ((432, "99", 10), (433, "98.997685", 25)):
        report = retail.retail_report(2024, 6, minutes(retail, at(10, 0), length, 5000, 1000))
        assert report.availability == Decimal(availability)
        assert retail.retail_credits_from_report(report).outcome.amount == Decimal(share)


def test_retail_excluded_errors_count_as_available(retail: ModuleType) -> None:
    # 60 bad minutes caused by « quotas applied by the system »: (c)(iv) excludes them; every
    # minute of the month stays in the formula → 43,200 min measured, 0 Downtime, 100 %.
    counts = minutes(retail, at(10, 10), 60, 5000, 1000)
    quota = retail.Outage(at(10, 10), at(10, 11),
                          cause="quotas applied by the system or listed in the Documentation "
                                "or Admin Console")
    report = retail.retail_report(2024, 6, counts, excluded_events=[quota])
    assert report.measured_time == timedelta(minutes=43200)
    assert report.downtime_time == timedelta(0)
    assert report.availability == Decimal("100")


def test_retail_monthly_aggregate_cap(retail: ModuleType) -> None:
    # « for all Downtime Periods in a single billing month will not exceed 50% »: results of
    # 25 % (500 USD) and 50 % (1,000 USD) in one month add to 1,500 USD, capped at 50 % of
    # 2,000 USD = 1,000 USD.
    results = [retail.retail_credits(Decimal("96"), invoice=Decimal("2000")),
               retail.retail_credits(Decimal("90"), invoice=Decimal("2000"))]
    assert retail.retail_credits_month_total(results, invoice=Decimal("2000")) == Decimal("1000")


@pytest.mark.parametrize(("year", "month", "last_day"), [
    # Read: eligible once the month is over; « within 30 days » from its last day.
    (2024, 6, date(2024, 7, 30)),     # 30 June + 30 days = 30 July 2024
    (2024, 2, date(2024, 3, 30)),     # 29 February (leap year) + 30 days = 30 March 2024
    (2024, 12, date(2025, 1, 30)),    # 31 December + 30 days = 30 January 2025
])
def test_retail_claim_within_30_days(retail: ModuleType, year: int, month: int,
                                     last_day: date) -> None:
    assert retail.retail_credits_claim_deadline(year, month) == last_day


# ---------------------------------------------------------------------------------------------
# Scaleway Serverless Functions — 99.5 % monthly; a 5-minute interval is Unavailable when at least
# 20 Valid Requests were submitted and more than 50 % are in Error; MAR = (IntAll − IntUnav) /
# IntAll × 100. June 2024: IntAll = 30 × 288 = 8,640 intervals. (No credit: the stored text ends
# before the Service Credits.)
# ---------------------------------------------------------------------------------------------

def intervals(module: ModuleType, count: int, requests: int, failed: int) -> list[object]:
    """`count` five-minute intervals from 1 June 2024 00:00, each with these request counts."""
    return [module.RequestCount(at(1, 0) + timedelta(minutes=5 * i), requests, failed)
            for i in range(count)]


@pytest.mark.parametrize(("requests", "failed", "unavailable", "availability"), [
    # 19 Valid Requests, all in Error: not « at least twenty (20) » → not Unavailable, 100 %.
    (19, 19, 0, "100"),
    # 20 requests, 11 in Error = 55 % → Unavailable: (8,640 − 1) / 8,640 = 99.988426 %.
    (20, 11, 1, "99.988426"),
    # 20 requests, 10 in Error = 50 %: not « more than fifty percent (50%) » → 100 %.
    (20, 10, 0, "100"),
    # 100 requests, 50 in Error = 50 % → not Unavailable; 51 → Unavailable.
    (100, 50, 0, "100"),
    (100, 51, 1, "99.988426"),
])
def test_scaleway_twenty_requests_and_more_than_half_in_error(
        scaleway: ModuleType, requests: int, failed: int, unavailable: int,
        availability: str) -> None:
    report = scaleway.functions_report(2024, 6, intervals(scaleway, 1, requests, failed))
    assert report.downtime_time == timedelta(minutes=5 * unavailable)
    assert report.availability == Decimal(availability)


@pytest.mark.parametrize(("unavailable", "availability", "met"), [
    # 43 intervals: (8,640 − 43) / 8,640 = 99.502315 % ≥ 99.5 % → met.
    (43, "99.502315", True),
    # 44 intervals: (8,640 − 44) / 8,640 = 99.490741 % → missed (99.5 % allows 43.2 intervals).
    (44, "99.490741", False),
    # 50 intervals: (8,640 − 50) / 8,640 = 99.421296 % → missed.
    (50, "99.421296", False),
])
def test_scaleway_monthly_availability_rate(scaleway: ModuleType, unavailable: int,
                                            availability: str, met: bool) -> None:
    report = scaleway.functions_report(2024, 6, intervals(scaleway, unavailable, 40, 30))
    assert report.measured_time == timedelta(minutes=43200)      # every interval counts
    assert report.availability == Decimal(availability)
    assert report.met is met


def test_scaleway_intervals_are_fixed_five_minute_slots(scaleway: ModuleType) -> None:
    # 12 failing requests at 10:04:59 and 12 at 10:05:00 fall in two intervals (10:00–10:05 and
    # 10:05–10:10) of 12 requests each, both under 20 → nothing Unavailable, 100 %. The same
    # 24 requests at 10:00:00 and 10:04:59 are one interval of 24, all in Error → Unavailable:
    # (8,640 − 1) / 8,640 = 99.988426 %.
    apart = [scaleway.RequestCount(at(10, 10, 4, 59), 12, 12),
             scaleway.RequestCount(at(10, 10, 5, 0), 12, 12)]
    assert scaleway.functions_report(2024, 6, apart).availability == Decimal("100")
    together = [scaleway.RequestCount(at(10, 10, 0, 0), 12, 12),
                scaleway.RequestCount(at(10, 10, 4, 59), 12, 12)]
    assert scaleway.functions_report(2024, 6, together).availability == Decimal("99.988426")


def test_scaleway_july_has_8928_intervals(scaleway: ModuleType) -> None:
    # July 2024: 31 × 288 = 8,928 intervals; 45 Unavailable: (8,928 − 45) / 8,928 = 99.495968 %
    # → missed; 44: (8,928 − 44) / 8,928 = 99.507168 % → met (99.5 % allows 44.64 intervals).
    for count, availability, met in ((45, "99.495968", False), (44, "99.507168", True)):
        counts = [scaleway.RequestCount(at(1, 0, month=7) + timedelta(minutes=5 * i), 20, 20)
                  for i in range(count)]
        report = scaleway.functions_report(2024, 7, counts)
        assert report.availability == Decimal(availability)
        assert report.met is met
