"""Public cloud SLAs encoded from the vendors' texts (contracts/public/): GitHub Enterprise Cloud,
Slack, AWS Compute (Region-Level) and DigitalOcean CPU Droplets. Each rule is evaluated by the
generated module on cases computed by hand from the vendor's text; the computation is written
beside each case."""

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
def github(public: Path) -> ModuleType:
    return load_generated(public, "github_enterprise")


@pytest.fixture(scope="module")
def slack(public: Path) -> ModuleType:
    return load_generated(public, "slack")


@pytest.fixture(scope="module")
def aws(public: Path) -> ModuleType:
    return load_generated(public, "aws_ec2")


@pytest.fixture(scope="module")
def droplets(public: Path) -> ModuleType:
    return load_generated(public, "digitalocean_droplets")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def down(module: ModuleType, start: datetime, minutes: int) -> object:
    return module.Outage(start, start + timedelta(minutes=minutes))


# --------------------------------------------------------------------------- GitHub Enterprise


@pytest.mark.parametrize(("year", "quarter", "minutes"), [
    (2024, 2, 131_040),    # Q2 2024: April 30 + May 31 + June 30 = 91 days × 1,440 = 131,040 min
    (2024, 3, 132_480),    # Q3 2024: July 31 + August 31 + September 30 = 92 days = 132,480 min
    (2021, 1, 129_600),    # Q1 2021: January 31 + February 28 + March 31 = 90 days = 129,600 min
])
def test_github_a_calendar_quarter_is_its_total_minutes(github: ModuleType, year: int,
                                                        quarter: int, minutes: int) -> None:
    # No request and no monitoring outage: no minute is Downtime → 100 %.
    report = github.uptime_report(year, quarter, [])
    assert report.measured_time == timedelta(minutes=minutes)
    assert report.availability == Decimal(100)


def test_github_one_feature_above_5_percent_makes_the_minute_down(github: ModuleType) -> None:
    count = github.RequestCount
    minute = utc(2024, 5, 14, 10)
    # Issues 4 of 100 = 4 %, Pull Requests 6 of 100 = 6 % > 5 % « for any Service Feature » → the
    # minute is Downtime: (131,040 − 1) / 131,040 = 99.999237 % (1 / 131,040 = 0.000763 %).
    rows = [count(minute, 100, 4, "issues"), count(minute, 100, 6, "pull_requests")]
    report = github.uptime_report(2024, 2, rows)
    assert report.downtime_time == timedelta(minutes=1)
    assert report.availability == Decimal("99.999237")
    # Both features at exactly 5 of 100 = 5 %: 5 % does not « exceed five percent » → no Downtime,
    # although the two together (10 of 200) are no better than the 6 % feature's minute above.
    fine = github.uptime_report(2024, 2, [count(minute, 100, 5, "issues"),
                                          count(minute, 100, 5, "pull_requests")])
    assert fine.downtime_time == timedelta()
    assert fine.availability == Decimal(100)


def test_github_monitoring_outages_are_downtime_too(github: ModuleType) -> None:
    count = github.RequestCount
    # (a) 1 minute above 5 % (Git Operations 7 of 50 = 14 %) at 10:00, and (b) the monitoring finds
    # the Service unavailable 11:00–11:30, when no request came: 1 + 30 = 31 minutes.
    # (131,040 − 31) / 131,040 = 99.976343 % (31 / 131,040 = 0.023657 %).
    report = github.uptime_report(2024, 2, [count(utc(2024, 5, 14, 10), 50, 7, "git")],
                                  outages=[down(github, utc(2024, 5, 14, 11), 30)])
    assert report.downtime_time == timedelta(minutes=31)
    assert report.availability == Decimal("99.976343")


def test_github_failures_from_an_excluded_cause_count_as_available(github: ModuleType) -> None:
    # A 2-hour failure from « failure of Customer's internet connectivity » is excluded from the
    # Uptime Calculation; the quarter's total minutes stay the denominator → 100 %.
    event = github.Outage(utc(2024, 5, 14, 10), utc(2024, 5, 14, 12),
                          cause="failure of Customer's internet connectivity")
    report = github.uptime_report(2024, 2, [], outages=[down(github, utc(2024, 5, 14, 10), 120)],
                                  excluded_events=[event])
    assert report.downtime_time == timedelta()
    assert report.availability == Decimal(100)


@pytest.mark.parametrize(("minutes", "availability", "share", "money"), [
    # Q1 2021: 90 days = 129,600 min; Downtime from the monitoring; $3,000 paid in the quarter.
    # (129,600 − 129) / 129,600 = 99.900463 % > 99.9 % → none
    (129, "99.900463", None, None),
    # (129,600 − 130) / 129,600 = 99.899691 % ≤ 99.9 % and > 99.0 % → 10 % × $3,000 = $300
    (130, "99.899691", Decimal(10), "300.00"),
    # 129,450 / 129,600 = 99.884259 % → 10 % → $300
    (150, "99.884259", Decimal(10), "300.00"),
    # 128,200 / 129,600 = 98.919753 % < 99.0 % → 25 % × $3,000 = $750
    (1400, "98.919753", Decimal(25), "750.00"),
])
def test_github_credit_table_boundaries(github: ModuleType, minutes: int, availability: str,
                                        share: Decimal | None, money: str | None) -> None:
    report = github.uptime_report(2021, 1, [],
                                  outages=[down(github, utc(2021, 2, 1), minutes)])
    assert report.availability == Decimal(availability)
    result = github.credits_from_report(report, invoice=Decimal(3000))
    if share is None:
        assert result.outcome.kind == "none"
    else:
        assert result.outcome.amount == share
        assert money is not None and result.money == Decimal(money)


def test_github_exactly_99_9_earns_10_percent_and_exactly_99_is_in_neither_bullet(
        github: ModuleType) -> None:
    # « less than or equal to 99.9%, but greater than 99.0% » → exactly 99.9 % gives 10 %.
    assert github.credits(Decimal("99.9")).outcome.amount == Decimal(10)
    # Exactly 99.0 % is neither « greater than 99.0% » nor « less than 99.0% »: the text is silent.
    # Q1 2021: 1 % of 129,600 = 1,296 min → exactly 99 %.
    report = github.uptime_report(2021, 1, [], outages=[down(github, utc(2021, 2, 1), 1296)])
    assert report.availability == Decimal(99)
    assert github.credits_from_report(report).outcome.kind == "unspecified"


@pytest.mark.parametrize(("year", "quarter", "last_day"), [
    (2021, 1, "2021-04-30"),   # Q1 ends 31 March; « within thirty (30) days » → 30 April 2021
    (2024, 4, "2025-01-30"),   # Q4 ends 31 December 2024; + 30 days → 30 January 2025
    (2024, 1, "2024-04-30"),   # Q1 2024 ends 31 March; + 30 days → 30 April 2024
])
def test_github_claim_within_30_days_of_the_end_of_the_quarter(github: ModuleType, year: int,
                                                               quarter: int,
                                                               last_day: str) -> None:
    assert github.credits_claim_deadline(year, quarter).isoformat() == last_day


# --------------------------------------------------------------------------- Slack

ELIGIBLE = {"plan": "business_plus", "affected": True}


def test_slack_a_calendar_quarter_and_its_uptime(slack: ModuleType) -> None:
    # Q1 2024 (leap year): 31 + 29 + 31 = 91 days = 131,040 min; 60 min down:
    # (131,040 − 60) / 131,040 = 99.954212 % < 99.99 % → commitment missed.
    report = slack.uptime_report(2024, 1, outages=[down(slack, utc(2024, 1, 20, 10), 60)],
                                 **ELIGIBLE)
    assert report.measured_time == timedelta(minutes=131_040)
    assert report.availability == Decimal("99.954212")
    assert not report.met
    # Q3 2024: 92 days = 132,480 min; 13 min: (132,480 − 13) / 132,480 = 99.990187 % → met.
    met = slack.uptime_report(2024, 3, outages=[down(slack, utc(2024, 8, 1, 10), 13)],
                              **ELIGIBLE)
    assert met.measured_time == timedelta(minutes=132_480)
    assert met.availability == Decimal("99.990187")
    assert met.met


@pytest.mark.parametrize(("quarter", "start", "minutes", "fees", "credit"), [
    # 10 × 15,000 × 60 / 131,040 = 9,000,000 / 131,040 = 68.6813… → $68.68
    (1, utc(2024, 1, 20, 10), 60, "15000", "68.68"),
    # Q3 2024, 132,480 min: 10 × 9,000 × 120 / 132,480 = 10,800,000 / 132,480 = 81.5217… → $81.52
    (3, utc(2024, 8, 1, 10), 120, "9000", "81.52"),
    # Q4 2024, 92 days = 132,480 min: 10 × 13,248 × 100 / 132,480 = $100.00 exactly
    (4, utc(2024, 11, 5, 3), 100, "13248", "100.00"),
])
def test_slack_credit_is_ten_times_the_fees_for_the_downtime(slack: ModuleType, quarter: int,
                                                             start: datetime, minutes: int,
                                                             fees: str, credit: str) -> None:
    report = slack.uptime_report(2024, quarter, outages=[down(slack, start, minutes)], **ELIGIBLE)
    result = slack.service_credits_from_report(report, invoice=Decimal(fees))
    assert result.money == Decimal(credit)


@pytest.mark.parametrize("change", [
    {"plan": "pro"},          # not « the Business+ plan and above »
    {"affected": False},      # the workspace (or org) was not affected
])
def test_slack_not_eligible_gets_nothing(slack: ModuleType, change: dict[str, object]) -> None:
    # Same 60 minutes in Q1 2024 as above ($68.68 when eligible): nothing is due.
    report = slack.uptime_report(2024, 1, outages=[down(slack, utc(2024, 1, 20, 10), 60)],
                                 **{**ELIGIBLE, **change})
    assert not report.applies
    result = slack.service_credits_from_report(report, invoice=Decimal(15000))
    assert result.money == Decimal("0.00")


def test_slack_enterprise_grid_is_eligible(slack: ModuleType) -> None:
    report = slack.uptime_report(2024, 1, outages=[down(slack, utc(2024, 1, 20, 10), 60)],
                                 plan="enterprise_grid", affected=True)
    assert report.applies
    # 10 × 15,000 × 60 / 131,040 = $68.68, as on Business+.
    assert slack.service_credits_from_report(report, invoice=Decimal(15000)).money \
        == Decimal("68.68")


def test_slack_scheduled_downtime_is_not_downtime(slack: ModuleType) -> None:
    # An outage 01:00–02:00 inside Scheduled Downtime 00:00–03:00 on 3 February 2024 is excluded;
    # the quarter's 131,040 minutes stay whole → 100 %.
    maintenance = [slack.Interval(utc(2024, 2, 3, 0), utc(2024, 2, 3, 3))]
    report = slack.uptime_report(2024, 1, outages=[down(slack, utc(2024, 2, 3, 1), 60)],
                                 maintenance=maintenance, **ELIGIBLE)
    assert report.downtime_time == timedelta()
    assert report.availability == Decimal(100)


def test_slack_the_stored_text_gives_no_claim_deadline(slack: ModuleType) -> None:
    # The 2024 text ends before any deadline: the evaluator asks the caller.
    with pytest.raises(slack.UnspecifiedError):
        slack.service_credits_claim_deadline(2024, 1)


def test_slack_no_credit_when_the_quarter_meets_99_99(slack: ModuleType) -> None:
    # Q1 2024: 10 min → (131,040 − 10) / 131,040 = 99.992369 % ≥ 99.99 %: the commitment is met,
    # so the text gives no credit. The formula alone gives 10 × 15,000 × 10 / 131,040 = $11.45.
    report = slack.uptime_report(2024, 1, outages=[down(slack, utc(2024, 1, 20, 10), 10)],
                                 **ELIGIBLE)
    assert report.availability == Decimal("99.992369") and report.met
    assert slack.service_credits_from_report(report, invoice=Decimal(15000)).money \
        == Decimal("0.00")


# --------------------------------------------------------------------------- AWS Compute


@pytest.mark.parametrize(("month", "minutes", "availability", "share"), [
    # July 2024: 31 days = 44,640 min.
    (7, 4, "99.991039", None),           # (44,640 − 4) / 44,640 = 99.991039 % ≥ 99.99 % → none
    (7, 5, "99.988799", Decimal(10)),    # (44,640 − 5) / 44,640 = 99.988799 % < 99.99 % → 10 %
    # June 2024: 30 days = 43,200 min.
    (6, 20, "99.953704", Decimal(10)),   # (43,200 − 20) / 43,200 = 99.953704 % → 10 %
    (6, 432, "99", Decimal(10)),         # exactly 99.0 %: « equal to or greater than 99.0% » → 10 %
])
def test_aws_credit_table_boundaries(aws: ModuleType, month: int, minutes: int,
                                     availability: str, share: Decimal | None) -> None:
    report = aws.region_level_report(2024, month, zones=3,
                                     outages=[down(aws, utc(2024, month, 10, 8), minutes)])
    assert report.availability == Decimal(availability)
    result = aws.credits_from_report(report, invoice=Decimal(8000))
    if share is None:
        assert result.outcome.kind == "none"
    else:
        assert result.outcome.amount == share
        assert result.money == Decimal("800.00")     # 10 % of $8,000 of EC2 charges in the region


def test_aws_rows_the_stored_text_lacks_are_unspecified(aws: ModuleType) -> None:
    # June 2024: 433 min → (43,200 − 433) / 43,200 = 98.997685 %: « Less than 99.0% but equal to or
    # greater than 95.0% | » — the value is cut off in the stored text.
    report = aws.region_level_report(2024, 6, zones=2,
                                     outages=[down(aws, utc(2024, 6, 10, 8), 433)])
    assert report.availability == Decimal("98.997685")
    assert aws.credits_from_report(report).outcome.kind == "unspecified"
    # Below 95 %: no row stored at all.
    assert aws.credits(Decimal("94.5")).outcome.kind == "unspecified"
    # Exactly 99.99 % is not « Less than 99.99% » → nothing.
    assert aws.credits(Decimal("99.99")).outcome.kind == "none"


def test_aws_a_single_zone_deployment_gets_nothing(aws: ModuleType) -> None:
    # The same 20 minutes as above (99.953704 %, 10 % when eligible), all instances in one AZ:
    # the Region-Level SLA does not apply.
    report = aws.region_level_report(2024, 6, zones=1,
                                     outages=[down(aws, utc(2024, 6, 10, 8), 20)])
    assert not report.applies
    assert report.availability == Decimal("99.953704")      # still measured
    result = aws.credits_from_report(report, invoice=Decimal(8000))
    assert result.outcome.kind == "none" and result.money == Decimal("0.00")


def test_aws_the_stored_text_gives_no_claim_deadline(aws: ModuleType) -> None:
    with pytest.raises(aws.UnspecifiedError):
        aws.credits_claim_deadline(2024, 6)


# --------------------------------------------------------------------------- DigitalOcean


def test_droplets_lost_time_at_the_hourly_rate(droplets: ModuleType) -> None:
    # July 2024: 31 days = 44,640 min = 8,928 five-minute intervals; all requests fail
    # 10:00–12:10 = 130 min = 26 intervals: 100 − 26 / 8,928 = 99.708781 % < 99.99 %.
    report = droplets.droplet_uptime_report(
        2024, 7, outages=[down(droplets, utc(2024, 7, 15, 10), 130)])
    assert report.availability == Decimal("99.708781")
    # $0.60 an hour → invoice at the hourly rate 0.60 × 744 h = $446.40;
    # 446.40 × 130 / 44,640 = $1.30 = 130/60 h × $0.60.
    result = droplets.lost_time_from_report(report, invoice=Decimal("446.40"))
    assert result.money == Decimal("1.30")


def test_droplets_six_minutes_is_unavailability(droplets: ModuleType) -> None:
    # June 2024: 43,200 min; 6 min > 5 min: (43,200 − 6) / 43,200 = 99.986111 % < 99.99 %.
    report = droplets.droplet_uptime_report(
        2024, 6, outages=[down(droplets, utc(2024, 6, 10, 10), 6)])
    assert report.availability == Decimal("99.986111")
    assert not report.met
    # $0.60 an hour × 720 h = $432.00; 432 × 6 / 43,200 = $0.06 = 0.1 h × $0.60.
    assert droplets.lost_time_from_report(report, invoice=Decimal("432.00")).money \
        == Decimal("0.06")


@pytest.mark.parametrize("minutes", [4, 5])
def test_droplets_five_minutes_or_less_is_not_unavailability(droplets: ModuleType,
                                                             minutes: int) -> None:
    # « All the requests to a resource fail for more than 5 minutes »: 4 or exactly 5 minutes is
    # not Unavailability → 100 %, and no lost time to credit.
    report = droplets.droplet_uptime_report(
        2024, 7, outages=[down(droplets, utc(2024, 7, 15, 10), minutes)])
    assert report.availability == Decimal(100)
    assert droplets.lost_time_from_report(report, invoice=Decimal("446.40")).money \
        == Decimal("0.00")


@pytest.mark.parametrize(("month", "last_day"), [
    (7, "2024-10-31"),    # July ends 31 July; « within three (3) months » → 31 October 2024
    (11, "2025-02-28"),   # November ends 30 November; + 3 months = « 30 February » → 28 Feb 2025
])
def test_droplets_claim_within_three_months_of_the_billing_cycle(droplets: ModuleType,
                                                                 month: int,
                                                                 last_day: str) -> None:
    assert droplets.lost_time_claim_deadline(2024, month).isoformat() == last_day
