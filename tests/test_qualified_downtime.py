"""Qualified downtime: runs too short to count, whole minutes, downtime counted from the report,
request counts judged per slice (a minimum of requests, per feature), and monitoring combined
with request counts. Expected values are computed by hand in the comments (June 2024, UTC:
30 days = 43,200 minutes = 2,592,000 seconds)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from slac.build import render_all
from slac.examples import load_generated
from slac.pipeline import compile_text

UTC = ZoneInfo("UTC")

HEADER = """contract "qualified" {
    title "Qualified downtime"
    provider "Cloud"
    client role en "the Customer"
    source "Cloud SLA" dated 2024-03-01
    time zone "UTC"
    languages en
    currency USD
}
"""


def item(name: str, method: str, counting: str = "", example: str = "") -> str:
    return f"""
availability {name} {{
    clause C1 article "1"
    obligation of provider towards client, firm
    no remedy
    target at least 99.5 %
    period calendar month
    measured all time
    {method}
    {counting}
    {example}
}}
"""


SOURCE = HEADER + "".join([
    # OVHcloud KMS: « the loss of access … for more than three (3) consecutive minutes. The
    # downtime is calculated … from the moment the incident ticket is opened. »
    # Down 10:00-16:20, ticket at 10:20: 360 minutes count; (43,200 - 360) / 43,200 = 99.166667 %.
    item("kms", "method outages",
         "downtime counts in runs longer than 3 minutes\n    downtime counts from report",
         "example in 2024-06 outage 2024-06-10 10:00 to 2024-06-10 16:20 "
         "reported 2024-06-10 10:20 gives 99.166667 %"),
    item("runs", "method outages", "downtime counts in runs of at least 10 minutes"),
    item("whole", "method outages", "downtime counts in whole minutes"),
    # Scaleway-like: 5-minute intervals, at least 20 requests, more than 50 % failed.
    item("serverless", """method requests {
        slice 5 minutes
        failed above 50 %
        at least 20 requests per slice
        fewer requests good
    }"""),
    item("serverless_at_least", """method requests {
        slice 5 minutes
        failed at least 50 %
        at least 20 requests per slice
        fewer requests good
    }"""),
    # GitHub-like: minute by minute, down when the error rate of any feature exceeds 5 %, or
    # when monitoring says down.
    item("features", """method requests {
        slice 1 minute
        failed above 5 %
        combine each
        fewer requests good
        or outages
    }"""),
    item("pooled", """method requests {
        slice 1 minute
        failed above 5 %
        combine pooled
        fewer requests good
    }"""),
    # Amazon S3-like: 100 % less the average of the 5-minute error rates; a slice without
    # requests has the error rate 0 % (`fewer requests good`) or is left out (`excluded`).
    item("averaged", """method requests {
        slice 5 minutes
        average error rate
        fewer requests good
    }"""),
    item("averaged_excluded", """method requests {
        slice 5 minutes
        average error rate
        fewer requests excluded
    }"""),
    item("undecided", """method requests {
        slice 5 minutes
        failed above 50 %
        at least 20 requests per slice
        fewer requests unspecified
        combine unspecified
    }"""),
])


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    contract, diagnostics, _ = compile_text(SOURCE.encode(), "qualified.sla")
    assert contract is not None and not [d for d in diagnostics if d.severity != "note"], \
        [(d.code, d.span.line) for d in diagnostics]
    out = tmp_path_factory.mktemp("qualified")
    for name, text in render_all([contract], "test").items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return load_generated(out, "qualified")


def at(hour: int, minute: int = 0, second: int = 0, day: int = 10) -> datetime:
    return datetime(2024, 6, day, hour, minute, second, tzinfo=UTC)


def test_downtime_counts_from_the_ticket_and_only_in_runs_longer_than_the_limit(
        module: ModuleType) -> None:
    outage = module.Outage
    # 360 minutes from the ticket: (43,200 - 360) / 43,200 = 99.1666… %.
    report = module.kms_report(2024, 6, outages=[outage(at(10), at(16, 20), reported=at(10, 20))])
    assert report.downtime_time.total_seconds() == 360 * 60
    assert report.availability == Decimal("99.166667")
    # Exactly 3 minutes is not « more than three consecutive minutes »: nothing counts.
    exact = module.kms_report(2024, 6, outages=[outage(at(10), at(10, 3), reported=at(10))])
    assert exact.availability == Decimal(100)
    assert [(s.start, s.end) for s in exact.ignored] == [(at(10), at(10, 3))]
    # 3 min 1 s is more: 181 s count; (2,592,000 - 181) / 2,592,000 = 99.993017 %.
    longer = module.kms_report(2024, 6, outages=[outage(at(10), at(10, 3, 1), reported=at(10))])
    assert longer.downtime_time.total_seconds() == 181
    assert longer.availability == Decimal("99.993017")
    # « loss of access … for more than three (3) consecutive minutes », counted « from the
    # moment the incident ticket is opened »: a 5-minute loss is long enough, and counts from
    # the ticket at 10:03, 2 minutes; (43,200 - 2) / 43,200 = 99.995370 %.
    judged = module.kms_report(2024, 6, outages=[outage(at(10), at(10, 5), reported=at(10, 3))])
    assert judged.downtime_time.total_seconds() == 120
    assert judged.availability == Decimal("99.995370")
    stamp = [int(at(10).timestamp())], [int(at(10, 5).timestamp())], [int(at(10, 3).timestamp())]
    assert module.kms_report_columns(2024, 6, starts=stamp[0], ends=stamp[1], reports=stamp[2]
                                     ).downtime_time.total_seconds() == 120
    # Ticket opened after the service came back: nothing counts.
    late = module.kms_report(2024, 6, outages=[outage(at(10), at(11), reported=at(12))])
    assert late.availability == Decimal(100)


def test_an_outage_without_its_report_time_is_refused(module: ModuleType) -> None:
    with pytest.raises(module.SlaInputError, match="no reported time"):
        module.kms_report(2024, 6, outages=[module.Outage(at(10), at(11))])


def test_the_batch_form_counts_the_same_downtime(module: ModuleType) -> None:
    # 10:00-16:20 reported 10:20 (360 min) and 18:00-18:03 (3 min, not counted).
    starts = [int(at(10).timestamp()), int(at(18).timestamp())]
    ends = [int(at(16, 20).timestamp()), int(at(18, 3).timestamp())]
    reports = [int(at(10, 20).timestamp()), int(at(18).timestamp())]
    report = module.kms_report_columns(2024, 6, starts=starts, ends=ends, reports=reports)
    assert report.downtime_time.total_seconds() == 360 * 60
    assert report.downtime == ()                       # spans only when asked for
    assert module.kms_report_columns(2024, 6, starts=starts, ends=ends, reports=reports,
                                     spans=True).ignored != ()


def test_runs_of_at_least_a_length(module: ModuleType) -> None:
    outage = module.Outage
    # 9 minutes alone is ignored, 10 minutes count: (43,200 - 10) / 43,200 = 99.976852 %.
    report = module.runs_report(2024, 6, outages=[outage(at(10), at(10, 9)),
                                                  outage(at(12), at(12, 10))])
    assert report.availability == Decimal("99.976852")
    # Two touching outages of 5 minutes are one run of 10 minutes: it counts.
    joined = module.runs_report(2024, 6, outages=[outage(at(10), at(10, 5)),
                                                  outage(at(10, 5), at(10, 10))])
    assert joined.downtime_time.total_seconds() == 600


def test_whole_minutes_leave_partial_minutes_out(module: ModuleType) -> None:
    # 2 min 30 s counts 2 minutes: (43,200 - 2) / 43,200 = 99.995370 %.
    report = module.whole_report(2024, 6, outages=[module.Outage(at(10), at(10, 2, 30))])
    assert report.downtime_time.total_seconds() == 120
    assert report.availability == Decimal("99.995370")
    # 50 seconds: less than a minute, nothing counts.
    assert module.whole_report(
        2024, 6, outages=[module.Outage(at(10), at(10, 0, 50))]).availability == Decimal(100)


def test_a_slice_with_too_few_requests_says_nothing(module: ModuleType) -> None:
    count = module.RequestCount
    rows = [
        count(at(10, 1), 19, 19),    # 19 requests, all failed: fewer than 20 → good
        count(at(10, 6), 20, 10),    # 10 of 20 = 50 %: not more than 50 % → good
        count(at(10, 11), 12, 6),    # 12 + 8 = 20 requests in 10:10-10:15,
        count(at(10, 14), 8, 5),     # 11 failed = 55 % > 50 % → down 5 minutes
    ]
    report = module.serverless_report(2024, 6, rows)
    assert [(s.start, s.end) for s in report.downtime] == [(at(10, 10), at(10, 15))]
    # (43,200 - 5) / 43,200 = 99.988426 %
    assert report.availability == Decimal("99.988426")
    # « at least 50 % » makes 10 of 20 a failed slice too: 10 minutes down → 99.976852 %.
    stricter = module.serverless_at_least_report(2024, 6, rows)
    assert stricter.availability == Decimal("99.976852")


def test_features_each_and_pooled(module: ModuleType) -> None:
    count = module.RequestCount
    # Feature a 4 % (4 of 100), feature b 6 % (6 of 100): b is above 5 %, the minute is down.
    rows = [count(at(10), 100, 4, "a"), count(at(10), 100, 6, "b")]
    assert module.features_report(2024, 6, rows).downtime_time.total_seconds() == 60
    # Pooled: 10 of 200 = 5 %, not above 5 %: no downtime.
    assert module.pooled_report(2024, 6, rows).downtime_time.total_seconds() == 0


def test_monitoring_outages_add_to_request_downtime(module: ModuleType) -> None:
    # A minute down by error rate (10:00) and monitoring down 11:00-11:30, when no request
    # came: 1 + 30 = 31 minutes.
    rows = [module.RequestCount(at(10), 100, 50, "a")]
    report = module.features_report(2024, 6, rows,
                                    outages=[module.Outage(at(11), at(11, 30))])
    assert report.downtime_time.total_seconds() == 31 * 60


def test_undecided_rules_are_asked_of_the_caller(module: ModuleType) -> None:
    count = module.RequestCount
    with pytest.raises(module.UnspecifiedError, match="fewer than 20"):
        module.undecided_report(2024, 6, [count(at(10), 25, 0)])
    # Decided by the caller: slices with fewer requests are left out of the measured time.
    full = [count(datetime(2024, 6, 1, tzinfo=UTC) + k * (at(0, 5) - at(0)), 20, 0)
            for k in range(8640)]
    report = module.undecided_report(2024, 6, full[1:], fewer="excluded")
    # one slice of 5 minutes without requests is left out: 43,195 minutes measured.
    assert report.measured_time.total_seconds() == 43_195 * 60
    two = [count(at(10), 20, 20, "a"), count(at(10), 20, 0, "b")]
    with pytest.raises(module.UnspecifiedError, match="combine"):
        module.undecided_report(2024, 6, two, fewer="good")
    assert module.undecided_report(2024, 6, two, fewer="good",
                                   combine="any").downtime_time.total_seconds() == 0


def _diagnostics(source: str) -> list[tuple[str, int, int]]:
    _, diagnostics, _ = compile_text((HEADER + source).encode(), "bad.sla")
    return [(d.code, d.span.line, d.span.column) for d in diagnostics if d.severity != "note"]


def test_downtime_from_a_report_needs_outages() -> None:
    source = item("probes", """method probes {
        probe web "home page" every 1 minute good below 2 seconds
        slice 5 minutes
        slice good at least 90 %
        combine each
        no data excluded
    }""", "downtime counts from report")
    # The header takes lines 1-9, the item starts on line 11, its method on line 18 and takes
    # seven lines: the statement is on line 25, column 5.
    assert _diagnostics(source) == [("report-needs-outages", 25, 5)]


def test_a_request_method_needs_its_threshold_and_a_positive_minimum() -> None:
    source = item("bad", """method requests {
        slice 5 minutes
        at least 0 requests per slice
        fewer requests good
    }""")
    found = _diagnostics(source)
    # The method statement (line 18) lacks `failed above`; the count 0 is on line 20, column 18.
    assert found == [("missing-statement", 18, 5), ("bad-number", 20, 18)]


def test_a_run_of_zero_is_refused() -> None:
    # `downtime counts in runs longer than 0 minutes` on line 19; the duration at column 41.
    assert _diagnostics(item("zero", "method outages", "downtime counts in runs longer than 0 "
                                                       "minutes")) == [("bad-duration", 19, 41)]


def test_summaries_say_which_downtime_counts(tmp_path: Path) -> None:
    contract, _, _ = compile_text(SOURCE.encode(), "qualified.sla")
    assert contract is not None
    files = render_all([contract], "test")
    english, french = files["qualified.en.md"], files["qualified.fr.md"]
    assert "Only downtime lasting more than 3 minutes in a row counts" in english
    assert "Seule compte l’indisponibilité continue de plus de 3\xa0minutes" in french
    assert "continue d’au moins 10\xa0minutes" in french
    assert "Downtime counts only from the moment it is reported" in english
    assert "partial minutes are ignored" in english
    assert "a slice with at least 20 requests is down when more than 50% of its requests " \
           "failed. A slice with fewer requests counts as available." in english
    assert "Une tranche de moins de requêtes compte comme disponible." in french


def test_availability_as_100_less_the_average_error_rate(module: ModuleType) -> None:
    count = module.RequestCount
    # June 2024 has 8,640 slices of 5 minutes. One slice at 50 % (50 of 100 failed), the others
    # without requests (0 %): the average is 0.5 / 8,640, and the availability
    # 100 - 50 / 8,640 = 99.994212962… % → 99.994213 %.
    one = module.averaged_report(2024, 6, [count(at(10, 1), 100, 50)])
    assert one.availability == Decimal("99.994213")
    assert one.downtime == ()
    # …as the report's downtime: 2,592,000 s × 0.5 / 8,640 = 150 s (half of one slice).
    assert one.downtime_time.total_seconds() == 150
    # Every slice at 2 %: the average is 2 %, the availability exactly 98 %.
    start = datetime(2024, 6, 1, tzinfo=UTC)
    every = [count(start + k * (at(0, 5) - at(0)), 100, 2) for k in range(8640)]
    assert module.averaged_report(2024, 6, every).availability == Decimal(98)
    # Slices without requests left out: only the 50 % slice is measured → 50 %.
    alone = module.averaged_excluded_report(2024, 6, [count(at(10, 1), 100, 50)])
    assert alone.availability == Decimal(50)
    assert alone.measured_time.total_seconds() == 300


def test_an_example_gives_the_inputs_of_its_method() -> None:
    # Request counts in an example of an availability measured from outages: line 20, where the
    # `requests` part starts at column 24 (after `    example in 2024-06 `).
    source = item("outages", "method outages", "",
                  "example in 2024-06 requests 2024-06-10 10:01 20 failed 11 gives 100 %")
    assert _diagnostics(source) == [("bad-value", 20, 24)]
    # Outages in an example of request counts without `or outages`: the example is refused.
    source = item("counts", """method requests {
        slice 5 minutes
        failed above 50 %
        fewer requests good
    }""", "", "example in 2024-06 outage 2024-06-10 10:00 to 2024-06-10 10:05 gives 99 %")
    assert [code for code, _, _ in _diagnostics(source)] == ["example-needs-outages"]
