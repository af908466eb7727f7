"""`slac eval` reads plain CSV files into columns, and per-minute error rates so read go to the
module's batch entry point without an object a minute. Any other file, and any value the batch
path cannot take, goes the per-record way, which reports a bad value at its place: both ways
give the same report."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from slac.cli import cli
from slac.inputs import InputError, percent_column, read_table, whole_minutes
from slac.kinds import availability

CONTRACTS = Path(__file__).resolve().parent.parent / "contracts"
ENGLISH = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8", "LANGUAGE": None}

# March 2024 in Paris: 1 March 00:00 CET (29 Feb 23:00 UTC) to 1 April 00:00 CEST (31 March
# 22:00 UTC), 31 days less the hour lost on 31 March: 743 h = 44,580 minutes.
MARCH_START = int(datetime(2024, 2, 29, 23, 0, tzinfo=timezone.utc).timestamp())
MARCH_MINUTES = 743 * 60


def rates_file(tmp_path: Path, name: str, rate: str = "0.1", quoted: bool = False) -> str:
    """Every minute of March 2024 at `rate`, except minutes 1,000 to 1,089 at 12.5 % (above the
    5 % of niveaux-de-service N1: 90 minutes of Interruption), minute 2,000 exactly at 5.0 % (not
    above) and minutes 3,000 to 3,029 missing (30 minutes)."""
    rows = ["minute,error_rate"]
    for minute in range(MARCH_MINUTES):
        if 3_000 <= minute < 3_030:
            continue
        value = "12.5" if 1_000 <= minute < 1_090 else "5.0" if minute == 2_000 else rate
        written = f'"{value}"' if quoted else value
        rows.append(f"{MARCH_START + 60 * minute},{written}")
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def n1(*args: str) -> Result:
    return CliRunner().invoke(cli, ["eval", str(CONTRACTS / "niveaux-de-service.sla"), "N1",
                                    "--period", "2024-03", *args], env=ENGLISH, prog_name="slac")


def test_a_plain_csv_file_is_read_into_columns(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("Minute;Error-Rate\n1709247600;0.3\n1709247660;\n", encoding="utf-8")
    table = read_table(path)
    assert table.columns == {"minute": ["1709247600", "1709247660"], "error_rate": ["0.3", None]}
    # Its records are made when asked for, each value at its place.
    [first, second] = table.records()
    assert first.values["error_rate"].span.line == 2 and second.values["error_rate"].text is None


def test_a_plain_csv_file_with_cr_lf_line_ends_is_read_into_columns(tmp_path: Path) -> None:
    path = tmp_path / "windows.csv"
    path.write_bytes(b"minute,error_rate\r\n1709247600,0.3\r\n1709247660,\r\n")
    table = read_table(path)
    assert table.columns == {"minute": ["1709247600", "1709247660"], "error_rate": ["0.3", None]}
    # The records are read from the text with its line ends made LF: no value ends with a CR.
    assert [r.values["minute"].text for r in table.records()] == ["1709247600", "1709247660"]


@pytest.mark.parametrize(("name", "text"), [
    ("quote.csv", 'minute,error_rate\n1709247600,"0.3"\n'),
    ("blank-crlf.csv", "minute,error_rate\r\n\r\n1709247600,0.3\r\n"),
    ("blank-end.csv", "minute,error_rate\n1709247600,0.3\n\n"),
    ("short.csv", "minute,error_rate\n1709247600\n1709247660,0.3,0.1\n"),   # 2 fields, 2 lines
    ("long.csv", "minute,error_rate\n1709247600," + "1" * 10_001 + "\n"),
    ("space.csv", "minute,error_rate\n1709247600, 0.3\n"),
    ("blank.csv", "minute,error_rate\n\n1709247600,0.3\n"),
    ("wide.csv", "minute,error_rate\n1709247600,0.3,7\n"),          # a field too many
    ("twice.csv", "minute,minute\n1709247600,0.3\n"),
    ("twice.json", '[{"minute": 1, "Minute": 2}]'),
    ("nested.json", '[{"minute": [1]}]'),
    ("object.json", '{"minute": 1}'),
    ("comma.json", '[{"minute": 1},]'),
])
def test_other_files_are_read_into_records(tmp_path: Path, name: str, text: str) -> None:
    """Read as before, record by record: the record reader reports what it refuses."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        table = read_table(path)
    except InputError:
        return
    assert table.columns is None and table.size == 1


@pytest.mark.parametrize(("name", "text"), [
    ("mixed.csv", "minute,error_rate\r\n1709247600,0.3\n1709247660,0.3\r\n"),
    ("old-mac.csv", "minute,error_rate\r\n1709247600,0.3\r1709247660,0.3\r\n"),
    ("one-column-blank.csv", "minute\n1709247600\n\n1709247660\n"),
])
def test_mixed_line_ends_and_blank_lines_are_read_into_records(tmp_path: Path, name: str,
                                                               text: str) -> None:
    """Two records each, read line by line (a blank line is skipped there)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    assert table.columns is None
    assert [r.values["minute"].text for r in table.records()] == ["1709247600", "1709247660"]


def test_columns_read_unix_times_and_iso_instants_and_percentages() -> None:
    assert whole_minutes(["1709247600", "1709247660"]) == [28487460, 28487461]
    assert whole_minutes(["2024-03-01T00:00:00+01:00", "2024-02-29T23:01Z"]) == [28487460,
                                                                                  28487461]
    assert whole_minutes(["01709247600", "1709247660"]) == [28487460, 28487461]  # a leading 0
    assert whole_minutes(["1709247600", "1709247659"]) is None  # the second is not whole
    assert whole_minutes(["1709247600", ""]) is None
    assert whole_minutes(["1709247630"]) is None             # not a whole minute
    assert whole_minutes(["2024-03-01T00:00:00"]) is None    # no offset: the zone decides
    # In units of the finest decimal written: tenths of a percent here.
    assert percent_column(["0.3", "100", "0.3"]) == ([3, 1000, 3], 1)
    assert percent_column(["1E+1", "2"]) == ([10, 2], 0)
    # Beyond six decimals (the finest rate_scale), Decimals as written.
    assert percent_column(["0.0000001", "1"]) == ([Decimal("0.0000001"), 1], 0)
    for bad in ("100.1", "-1", "0,3", "NaN", "x"):
        assert percent_column([bad]) is None


def test_error_rates_from_a_plain_file_equal_those_from_a_quoted_one(tmp_path: Path) -> None:
    """Measured: 44,580 min. Down: 90 min above 5 % + 30 min without data (decided
    'interrupted') = 120 min; the minute at exactly 5.0 % is not above. Availability =
    44,460 / 44,580 = 99.7308209959...% -> 99.730821 % < 99.95 %."""
    plain = n1("--input", rates_file(tmp_path, "plain.csv"), "--set", "missing=interrupted",
               "--json")
    quoted = n1("--input", rates_file(tmp_path, "quoted.csv", quoted=True), "--set",
                "missing=interrupted", "--json")
    assert plain.exit_code == 0, plain.output
    assert plain.stdout == quoted.stdout
    result = json.loads(plain.stdout)["result"]
    assert result["measured_seconds"] == MARCH_MINUTES * 60
    assert result["downtime_seconds"] == 120 * 60
    assert result["availability"] == "99.730821"
    assert result["met"] is False


def test_error_rates_from_a_cr_lf_file_equal_those_from_an_lf_one(tmp_path: Path) -> None:
    lf = Path(rates_file(tmp_path, "lf.csv"))
    crlf = tmp_path / "crlf.csv"
    crlf.write_bytes(lf.read_bytes().replace(b"\n", b"\r\n"))
    assert read_table(crlf).columns == read_table(lf).columns
    from_lf = n1("--input", str(lf), "--set", "missing=interrupted", "--json")
    from_crlf = n1("--input", str(crlf), "--set", "missing=interrupted", "--json")
    assert from_lf.exit_code == 0, from_lf.output
    assert from_crlf.stdout == from_lf.stdout


def test_the_plain_file_takes_the_batch_path(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def no_records(*args: object) -> None:
        raise AssertionError("a record was read one by one")

    monkeypatch.setattr(availability, "_availability_record", no_records)
    result = n1("--input", rates_file(tmp_path, "plain.csv"), "--set", "missing=excluded")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("rate", "message"), [
    ("abc", "is not a number"),
    ("100.5", "error rate"),
])
def test_a_bad_value_in_a_plain_file_is_located(tmp_path: Path, rate: str, message: str) -> None:
    path = Path(rates_file(tmp_path, "bad.csv"))
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5] = lines[5].replace(",0.1", f",{rate}")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = n1("--input", str(path), "--set", "missing=interrupted")
    assert result.exit_code == 1
    assert "bad.csv:6:" in result.stderr and message in result.stderr


def test_a_json_array_of_flat_objects_is_read_into_columns(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text('[{"Minute": 1709247600, "error_rate": 0.30},\n'
                    ' {"minute": "2024-03-01T00:01:00+01:00", "error_rate": null},\n'
                    ' {"error_rate": 1, "note": true}]', encoding="utf-8")
    table = read_table(path)
    # Numbers as written, true as a CSV cell would hold it, None for null and for a missing key.
    assert table.columns == {"minute": ["1709247600", "2024-03-01T00:01:00+01:00", None],
                             "error_rate": ["0.30", None, "1"], "note": [None, None, "true"]}
    assert [r.span.line for r in table.records()] == [1, 2, 3]


def test_error_rates_from_json_equal_those_from_csv(tmp_path: Path) -> None:
    csv_path = Path(rates_file(tmp_path, "plain.csv"))
    rows = [line.split(",") for line in csv_path.read_text(encoding="utf-8").split("\n")[1:-1]]
    json_path = tmp_path / "rates.json"
    json_path.write_text(json.dumps([{"minute": int(m), "error_rate": r} for m, r in rows]),
                         encoding="utf-8")
    from_csv = n1("--input", str(csv_path), "--set", "missing=excluded", "--json")
    from_json = n1("--input", str(json_path), "--set", "missing=excluded", "--json")
    assert from_csv.exit_code == 0, from_csv.output
    assert from_json.stdout == from_csv.stdout
