"""`termination`: a right that arises from a pattern of bad periods. Compiled from source, its
generated evaluators run, its examples checked by the build, its summaries and diagnostics read.
Expected values are computed by hand in the comments."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from slac.build import render_all
from slac.cli import cli
from slac.diagnostics import render_text
from slac.examples import load_generated
from slac.pipeline import compile_text

HEADER = """contract "exits" {
    title "Exits"
    provider "Fastly"
    client role en "the Subscriber"
    source "Exits SLA" dated 2024-01-01
    time zone "UTC"
    languages en
    currency USD
}

availability degraded {
    clause F1 article "Degraded Performance"
    obligation of provider towards client, firm
    no remedy
    target at least 99.99 %
    period calendar month
    measured all time
    method outages
}

availability vm {
    clause V1 article "VM"
    obligation of provider towards client, firm
    no remedy
    target at least 99.9 %
    period calendar month
    measured all time
    method outages
}

availability quarterly {
    clause Q1 article "Quarterly"
    obligation of provider towards client, firm
    no remedy
    target at least 99.9 %
    period calendar quarter
    measured all time
    method outages
}
"""

FASTLY = """
termination fastly_exit {
    clause F3 article "Termination Option"
    label en "termination for repeated degraded performance"
    right of client against provider
    condition en "a contract with a term and a minimum commitment"
    on downtime of degraded
    # 7.2 hours = 7 h 12 min = 25,920 s; 43.8 minutes = 43 min 48 s = 2,628 s.
    after 1 period longer than 7 hours 12 minutes
    after 3 periods in a row longer than 43 minutes 48 seconds
    within 30 days
    # Jan 50 min, Feb 44 min, Mar 45 min: all three above 43 min 48 s, in a row → right at
    # March (period 3), to be exercised by 30 April.
    example history 50 minutes, 44 minutes, 45 minutes gives right at period 3
    # 40 min in February breaks the run, and no month is above 7 h 12 min → no right.
    example history 50 minutes, 40 minutes, 60 minutes gives none
}
"""

RATES = """
termination vm_exit {
    clause V2 article "VM termination"
    right of client against provider
    on availability of vm
    after 3 periods in a row below 99.9 %
    after 3 of 6 periods below 99 %
    after 1 period at or below 95 %
    # Bad (< 99 %) in months 1, 3 and 6: three within the six months 1-6 → right at month 6.
    # Never three in a row below 99.9 %: months 2, 4 and 5 are at 99.95 %.
    example history 98 %, 99.95 %, 98.5 %, 99.95 %, 99.95 %, 97 % gives right at period 6
}

termination quarterly_exit {
    clause Q2 article "Quarterly termination"
    right of client against provider
    on availability of quarterly
    after 2 periods in a row below 99 %
    within 2 months
}
"""

SOURCE = HEADER + FASTLY + RATES


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    contract, diagnostics, _ = compile_text(SOURCE.encode(), "exits.sla")
    assert contract is not None and not [d for d in diagnostics if d.severity != "note"], \
        [(d.code, d.span.line) for d in diagnostics]
    out = tmp_path_factory.mktemp("exits")
    for name, text in render_all([contract], "test").items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return load_generated(out, "exits")


def minutes(*values: float) -> list[timedelta]:
    return [timedelta(minutes=v) for v in values]


def test_the_fastly_patterns(module: ModuleType) -> None:
    patterns = module.FASTLY_EXIT_PATTERNS
    assert patterns == (module.DowntimePattern(1, 1, timedelta(hours=7, minutes=12)),
                        module.DowntimePattern(3, 3, timedelta(minutes=43, seconds=48)))
    # Three months above 43 min 48 s in a row: the second pattern, months 0-2, right at 2.
    match = module.fastly_exit(minutes(50, 44, 45))
    assert (match.pattern_index, match.periods, match.at) == (1, (0, 1, 2), 2)
    assert module.fastly_exit(minutes(50, 40, 60)) is None
    # 7 h 12 min exactly is not longer than 7 h 12 min; one second more is.
    assert module.fastly_exit([timedelta(hours=7, minutes=12)]) is None
    match = module.fastly_exit([timedelta(minutes=1), timedelta(hours=7, minutes=12, seconds=1)])
    assert (match.pattern_index, match.at) == (0, 1)
    # 43 min 48 s exactly is not longer either: the run 0-2 is broken at 1.
    assert module.fastly_exit([*minutes(50), timedelta(minutes=43, seconds=48),
                               *minutes(45)]) is None


def test_the_deadline_is_counted_from_the_end_of_the_period(module: ModuleType) -> None:
    # Right at March 2024: 31 March + 30 days = 30 April 2024.
    assert module.fastly_exit_deadline(2024, 3) == date(2024, 4, 30)
    # February 2024 (leap year): 29 February + 30 days = 30 March.
    assert module.fastly_exit_deadline(2024, 2) == date(2024, 3, 30)
    # A quarter: Q1 2024 ends 31 March; + 2 months = 31 May 2024.
    assert module.quarterly_exit_deadline(2024, 1) == date(2024, 5, 31)
    # vm_exit has no `within`: no deadline function.
    assert not hasattr(module, "vm_exit_deadline")


def test_rate_patterns(module: ModuleType) -> None:
    assert module.VM_EXIT_PATTERNS[1] == module.Pattern(3, 6, Decimal(99))
    assert module.VM_EXIT_PATTERNS[2] == module.Pattern(1, 1, Decimal(95), inclusive=True)
    # "3 of 6 months below 99 %": bad months 0, 2, 5 → right at 5 (the 6th month).
    history = [Decimal(v) for v in ("98", "99.95", "98.5", "99.95", "99.95", "97")]
    match = module.vm_exit(history)
    assert (match.pattern_index, match.periods, match.at) == (1, (0, 2, 5), 5)
    # Bad months 0, 2, 6: no six consecutive months hold three → none.
    history = [Decimal(v) for v in ("98", "99.95", "98.5", "99.95", "99.95", "99.95", "97")]
    assert module.vm_exit(history) is None
    # Exactly 95 % is "at or below 95 %": right at once (pattern 2).
    match = module.vm_exit([Fraction(95)])
    assert (match.pattern_index, match.at) == (2, 0)


def test_from_reports_reads_consecutive_periods(module: ModuleType) -> None:
    utc = ZoneInfo("UTC")

    def month(number: int, lost: int) -> object:
        start = datetime(2024, number, 10, tzinfo=utc)
        outage = module.Outage(start, start + timedelta(minutes=lost))
        return module.degraded_report(2024, number, outages=[outage])

    reports = [month(1, 50), month(2, 44), month(3, 45)]
    match = module.fastly_exit_from_reports(reports)
    assert match is not None and match.at == 2
    # March missing: February is followed by April → refused, not read as consecutive.
    with pytest.raises(module.SlaInputError) as refused:
        module.fastly_exit_from_reports([month(1, 50), month(2, 44), month(4, 45)])
    assert refused.value.key == "reports.consecutive"
    # On rates, the exact availability is read: a month without outages is at 100 % (none);
    # January with 2,232 min down of 44,640 is at exactly 95 %: "at or below 95 %" → right.
    assert module.vm_exit_from_reports([module.vm_report(2024, 1)]) is None
    start = datetime(2024, 1, 10, tzinfo=utc)
    down = module.Outage(start, start + timedelta(minutes=2232))
    match = module.vm_exit_from_reports([module.vm_report(2024, 1, outages=[down])])
    assert match is not None and (match.pattern_index, match.at) == (2, 0)


def test_summaries() -> None:
    contract, _, _ = compile_text(SOURCE.encode(), "exits.sla")
    assert contract is not None
    files = render_all([contract], "test")
    english = " ".join(files["exits.en.md"].split())
    french = " ".join(files["exits.fr.md"].split())
    assert ("the Subscriber may terminate after one month with more than 7 h 12 min of downtime, "
            "or after 3 months in a row each with more than 43 min 48 s of downtime, within 30 "
            "days") in english.replace("The Subscriber", "the Subscriber")
    assert ("peut résilier après un mois de plus de 7 h 12 min d’indisponibilité, ou après 3 "
            "mois consécutifs de plus de 43 min 48 s d’indisponibilité chacun, dans les 30 "
            "jours").replace(" ", " ") in french.replace("\u202f", " ").replace("\xa0", " ")
    assert "after 3 of any 6 consecutive months each with an availability below 99%" in english
    assert "after 2 quarters in a row" in english


def test_a_missing_within_is_undecided() -> None:
    source = HEADER + """
termination open_exit {
    clause X1 article "1"
    right of client against provider
    on availability of vm
    after 1 period below 95 %
}
"""
    contract, diagnostics, _ = compile_text(source.encode(), "open.sla")
    assert contract is not None
    assert [(d.code, d.severity) for d in diagnostics] == [("unspecified", "note")]
    assert "how long the right open_exit may be exercised" in diagnostics[0].message("en")
    files = render_all([contract], "test")
    assert "The contract does not say how long the right lasts." in files["exits.en.md"]
    assert "def open_exit_deadline" not in files["exits.py"]


BAD = HEADER + """
termination bad {
    clause X1 article "1"
    right of client against provider
    on downtime of degraded
    after 4 of 3 periods longer than 1 hour
    after 2 periods below 99 %
    within 30 days
}

termination worse {
    clause X2 article "2"
    right of client against provider
    on availability of nowhere
    after 1 period longer than 1 hour
}

termination empty {
    clause X3 article "3"
    right of client against provider
    on availability of vm
    within 30 days
}
"""


def _located(source: str) -> list[str]:
    _, diagnostics, text = compile_text(source.encode(), "bad.sla")
    return [render_text(d, text, "en").splitlines()[0] for d in diagnostics]


def test_each_problem_is_located() -> None:
    lines = _located(BAD)
    base = HEADER.count("\n")
    # `after 4 of 3 periods`: the count and its window, line base+6, from column 11.
    assert f"bad.sla:{base + 6}:11: error: \"4 of 3 periods\" is not a pattern of periods  " \
           "[bad-value]" in lines
    # `after 2 periods below 99 %`: neither `in a row` nor `of M` (at the 2); and a rate on
    # downtime (at the percentage).
    assert f"bad.sla:{base + 7}:11: error: \"2 periods\" is not a pattern of periods  " \
           "[bad-value]" in lines
    assert f"bad.sla:{base + 7}:27: error: a percentage where a downtime (longer than … / at " \
           "least …) is expected  [unit-mismatch]" in lines
    # `on availability of nowhere`: unknown; a duration on availability.
    assert any(line.startswith(f"bad.sla:{base + 14}:24: error: no availability named "
                               "'nowhere'") for line in lines)
    assert f"bad.sla:{base + 15}:32: error: a duration where a percentage of availability is " \
           "expected  [unit-mismatch]" in lines
    # No `after` at all: at the block's name.
    assert f"bad.sla:{base + 18}:13: error: termination 'empty' has no 'after'  " \
           "[missing-statement]" in lines


def test_in_a_row_with_another_window_and_a_bad_example() -> None:
    source = HEADER + """
termination odd {
    clause X1 article "1"
    right of client against provider
    on availability of vm
    after 2 of 3 periods in a row below 99 %
    within 30 days
    example history 98 % gives right at period 2
    example history 50 minutes gives none
}
"""
    lines = _located(source)
    base = HEADER.count("\n")
    assert f"bad.sla:{base + 6}:26: error: \"2 of 3 periods in a row\" is not a pattern of " \
           "periods  [bad-value]" in lines
    assert f"bad.sla:{base + 8}:48: error: 2 is not a period of the history  [bad-value]" \
        in lines
    assert f"bad.sla:{base + 9}:21: error: a duration where a percentage of availability is " \
           "expected  [unit-mismatch]" in lines


def test_the_build_runs_the_examples(tmp_path: Path) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "exits.sla").write_text(SOURCE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(sources), "--out", str(tmp_path / "ok")])
    assert result.exit_code == 0, result.output
    # A wrong example: the right arises at period 3, not 2.
    (sources / "exits.sla").write_text(
        SOURCE.replace("gives right at period 3", "gives right at period 2"), encoding="utf-8")
    result = runner.invoke(cli, ["build", str(sources), "--out", str(tmp_path / "ko")])
    assert result.exit_code == 1
    assert "expected right at period 2, the contract gives right at period 3" in result.output


def test_slac_eval_gives_the_deadline_of_a_period(tmp_path: Path) -> None:
    path = tmp_path / "exits.sla"
    path.write_text(SOURCE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path), "fastly_exit", "--period", "2024-03",
                                      "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "fastly_exit_deadline → 2024-04-30" in result.output


def test_a_right_to_terminate_is_a_remedy() -> None:
    # Without `no remedy`, an availability needs something that happens when it is missed: a
    # termination right on it is enough; without it, `remedy-undecided`.
    alone = HEADER.replace("    no remedy\n    target at least 99.99 %",
                           "    target at least 99.99 %")
    _, diagnostics, _ = compile_text(alone.encode(), "alone.sla")
    assert [d.code for d in diagnostics] == ["remedy-undecided"]
    exit_right = alone + """
termination exit_right {
    clause X1 article "1"
    right of client against provider
    on downtime of degraded
    after 1 period longer than 7 hours 12 minutes
    within 30 days
}
"""
    _, diagnostics, _ = compile_text(exit_right.encode(), "exit.sla")
    assert [d.code for d in diagnostics] == []
