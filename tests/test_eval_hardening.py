"""`slac eval` hardened: exit codes exactly as documented (docs/evaluators.md), input limits
reported at their place, time linear in the records, nothing silently dropped, amounts in the
language's format with their currency, tiers numbered from 1, notes and readings shown.

Expected figures are worked out by hand from the contracts' text, in comments.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from slac import inputs
from slac.cli import cli
from slac.inputs import InputError, read_records

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ROOT / "contracts"
ENGLISH = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8", "LANGUAGE": None}
NBSP = "\u00a0"
OUTAGE = "2024-05-07T19:30:00+02:00,2024-05-08T08:00:00+02:00"


def slac_eval(contract: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["eval", str(CONTRACTS / f"{contract}.sla"), *args],
                              env=ENGLISH, prog_name="slac")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return str(path)


def located(result: Result, code: str, where: str) -> None:
    """Exit 1 with the diagnostic `code` at `where` (file:line:column), no internal error."""
    assert result.exit_code == 1, result.output
    assert f"{where}: error:" in result.stderr and f"[{code}]" in result.stderr, result.stderr
    assert "internal error" not in result.output and "Traceback" not in result.output


# ------------------------------------------------------------------------ one test per exit code

def test_exit_0_evaluated() -> None:
    # Teogest T4: 0.3 % falls in "from 0.21 % included to 0.5 % included: 3 % of invoice".
    assert slac_eval("teogest", "T4", "--set", "value=0.3").exit_code == 0


def test_exit_1_bad_input(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", "start,end\n2024-05-07T19:30:00+02:00,tomorrow\n")
    assert slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path).exit_code == 1


def test_exit_1_contract_errors(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.sla", "contract {\n")
    result = CliRunner().invoke(cli, ["eval", bad, "X1"], env=ENGLISH, prog_name="slac")
    assert result.exit_code == 1


def test_exit_1_undecided_tier_prints_the_report() -> None:
    # Teogest T4: the tiers stop at 0.2 % and start again at 0.21 %: 0.205 % is in neither, the
    # contract does not say what it gives, and no --set decision can settle it.
    result = slac_eval("teogest", "T4", "--set", "value=0.205")
    assert result.exit_code == 1
    assert "no tier: not decided by the contract" in result.stdout
    assert "does not say what 0.205 % gives" in result.stderr
    data = json.loads(slac_eval("teogest", "T4", "--set", "value=0.205", "--json").stdout)
    assert data["result"]["tier"] is None and data["undecided"]


@pytest.mark.parametrize(("args", "message"), [
    (["Z9"], "has no clause or item 'Z9'"),
    (["L1"], "needs a period"),
    (["L1", "--period", "2024-05", "--input", "missing.csv"], "no such input file"),
    (["L1", "--period", "2024-13"], "--period must be a month YYYY-MM"),
])
def test_exit_2_usage(args: list[str], message: str) -> None:
    result = slac_eval("cegid-loop", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


# ------------------------------------------------------- the 14 inputs that ended in exit 3

def test_csv_with_cr_only_line_ends(tmp_path: Path) -> None:
    # Same figures as with LF ends: Cegid Loop L1, May 2024, 30 min of 247 h: 99.797571 %.
    path = write(tmp_path, "o.csv", "start,end\r" + OUTAGE + "\r")
    result = slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["result"]["availability"] == "99.797571"


def test_a_cell_longer_than_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", "start,end\n" + "x" * 131_073 + ",y\n")
    located(slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path),
            "input-value-too-long", f"{path}:2:1")


@pytest.mark.parametrize("period", ["0000-05", "0001-01", "9999-12"])
def test_periods_out_of_range(period: str) -> None:
    result = slac_eval("cegid-loop", "L1", "--period", period)
    assert result.exit_code == 2, result.output
    assert "years 1000 to 9998" in result.stderr


def test_an_instant_out_of_range(tmp_path: Path) -> None:
    # 9999-12-31T23:59:59-14:00 is 10000-01-01T13:59:59 UTC, beyond Python's calendar.
    path = write(tmp_path, "o.csv",
                 "start,end\n2024-05-07T19:30:00+02:00,9999-12-31T23:59:59-14:00\n")
    located(slac_eval("teogest", "T4", "--period", "2024-05", "--input", path),
            "input-out-of-range", f"{path}:2:27")


@pytest.mark.parametrize("invoice", ["1e999", "9" * 40])
def test_invoices_out_of_range(invoice: str) -> None:
    # --invoice is `--set invoice=…`, the second value of the command line after value=0.3.
    located(slac_eval("teogest", "T4", "--set", "value=0.3", "--invoice", invoice),
            "input-out-of-range", "<command line>:2:9")


def test_json_nested_100000_deep(tmp_path: Path) -> None:
    path = write(tmp_path, "o.json", "[" * 100_000 + "]" * 100_000)
    located(slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path),
            "input-json-depth", f"{path}:1:2")


def test_a_header_of_200000_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", ",".join(f"c{n}" for n in range(200_000)) + "\n")
    started = time.perf_counter()
    result = slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path)
    # columns c0..c63 take 64 * 3 - 10 + 64 = 246 characters with their commas: c64 is at 247
    located(result, "input-too-many-columns", f"{path}:1:247")
    assert time.perf_counter() - started < 30


def records_json(count: int) -> str:
    return json.dumps([{"start": "2024-05-07T19:30:00+02:00", "end": "2024-05-07T19:31:00+02:00"}
                       for _ in range(count)], indent=1)


def test_json_records_are_read_in_linear_time(tmp_path: Path) -> None:
    timings = []
    for count in (5_000, 50_000):
        path = Path(write(tmp_path, f"o{count}.json", records_json(count)))
        started = time.perf_counter()
        assert len(read_records(path)[0]) == count
        timings.append(time.perf_counter() - started)
    # ten times the records: about ten times the time (it was quadratic: a hundred times)
    assert timings[1] < 25 * timings[0] + 0.5, timings


def test_limits_on_records_and_file_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path(write(tmp_path, "o.csv", "start,end\n" + (OUTAGE + "\n") * 3))
    with pytest.raises(InputError) as caught:
        read_records(path, room=2)
    assert caught.value.diagnostic.code == "input-too-many-records"
    assert caught.value.diagnostic.span.line == 4        # the third record, over a room of two
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 10)
    with pytest.raises(InputError) as caught:
        read_records(path)
    assert caught.value.diagnostic.code == "input-too-large"


def test_an_unclosed_quote_is_located(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", 'start,end\n2024-05-07T19:30:00+02:00,"2024-05-08\n')
    located(slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path),
            "input-csv-quote", f"{path}:2:27")


# ------------------------------------------------------------- nothing silently dropped

@pytest.mark.parametrize("keys", [("start", "Start"), ("start", "start")])
def test_json_keys_that_name_one_column_twice(tmp_path: Path, keys: tuple[str, str]) -> None:
    text = (f'[{{"{keys[0]}": "2024-05-07T19:30:00+02:00", "end": "2024-05-08T08:00:00+02:00", '
            f'"{keys[1]}": "2024-05-07T20:00:00+02:00"}}]')
    path = write(tmp_path, "o.json", text)
    # the second key starts after `[{` (2), `"start": "…", ` (9 + 27 + 2 = 38) and
    # `"end": "…", ` (7 + 27 + 2 = 36): 76 characters, at column 77 of line 1
    located(slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path),
            "input-json-key", f"{path}:1:77")


# Teogest T3, May 2024 (744 h, measured all the time): a maintenance Tuesday 7 May 21:00-22:00
# lies in the corrective maintenance window (Tuesday and Thursday 21:00-06:00) and is removed
# from the measured time: 100 %. Counted as an outage it would be 1 h of 744 h down: 99.865591 %.
MAINTENANCE = "2024-05-07T21:00:00+02:00,2024-05-07T22:00:00+02:00,maintenance\n"


def test_a_misspelt_availability_column_is_refused(tmp_path: Path) -> None:
    good = write(tmp_path, "good.csv", "start,end,kind\n" + MAINTENANCE)
    result = slac_eval("teogest", "T3", "--period", "2024-05", "--input", good, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["result"]["availability"] == "100.000000"
    bad = write(tmp_path, "bad.csv", "start,end,knid\n" + MAINTENANCE)
    located(slac_eval("teogest", "T3", "--period", "2024-05", "--input", bad),
            "input-unknown-column", f"{bad}:2:53")


def test_an_empty_unknown_column_of_a_row_evaluator_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "action,start,levle\ntake_in,2024-05-03T17:59:00+02:00,\n")
    result = slac_eval("niveaux-de-service", "N5", "--input", path)
    assert result.exit_code == 1 and "'levle' is not a parameter" in result.stderr


def test_a_sample_of_an_unknown_probe_is_located(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", "at,probe,latency\n2024-06-03T10:00:00+02:00,foo,0.5\n")
    result = slac_eval("cegid-conciliator", "C3", "--period", "2024-06", "--input", path,
                       "--set", "no_data=excluded")
    located(result, "input-unknown-probe", f"{path}:2:27")
    assert "Sample(" not in result.output and "ihm, api_echo" in result.stderr


@pytest.mark.parametrize("args", [["--lang", "en"], ["--input", "IN"]])
def test_records_an_item_does_not_read_are_refused(tmp_path: Path, args: list[str]) -> None:
    path = write(tmp_path, "o.csv", "start,end\n" + OUTAGE + "\n")
    args = [path if a == "IN" else a for a in args]
    result = slac_eval("cegid-loop", "jours_ouvres", "--period", "2024-05", *args)
    assert result.exit_code == (2 if "--input" in args else 0), result.output


def test_a_value_and_records_together_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", "start,end\n" + OUTAGE + "\n")
    result = slac_eval("teogest", "T4", "--set", "value=0.3", "--period", "2024-05",
                       "--input", path)
    assert result.exit_code == 2 and "not both" in result.stderr


# ------------------------------------------------------------------- what the report says

def test_amounts_in_the_language_with_their_currency() -> None:
    # Teogest T4: 0.3 % -> 3 % of a 1,000 EUR invoice = 30.00 EUR (the contract's currency).
    english = slac_eval("teogest", "T4", "--set", "value=0.3", "--invoice", "1000")
    french = slac_eval("teogest", "T4", "--set", "value=0.3", "--invoice", "1000", "--lang", "fr")
    assert "amount: €30.00" in english.stdout
    assert f"montant: 30,00{NBSP}€" in french.stdout
    data = json.loads(slac_eval("teogest", "T4", "--set", "value=0.3", "--invoice", "1000",
                                "--json").stdout)
    assert (data["result"]["money"], data["result"]["currency"]) == ("30.00", "EUR")


def test_fees_in_the_language_with_their_currency() -> None:
    # Teogest T8 (Annexe 2 D): a restore is 210 EUR excl. tax for 0.25 h and 3 files (the
    # contract's own example); in French 210,00 €.
    result = slac_eval("teogest", "tarifs", "--set", "hours=0.25", "--set", "units=3",
                       "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert f"restore_fee → 210,00{NBSP}€" in result.stdout


def test_tiers_are_numbered_from_1_in_text_and_json() -> None:
    # Teogest T4: 0.3 % is in the second tier, written on line 83 of teogest.sla.
    text = slac_eval("teogest", "T4", "--set", "value=0.3")
    assert "tier 2 (line 83): 3 % of the invoice" in text.stdout
    data = json.loads(slac_eval("teogest", "T4", "--set", "value=0.3", "--json").stdout)
    assert (data["result"]["tier"], data["result"]["tier_line"]) == (2, 83)
    # Teogest T16, a notice tier: cancelled on 1 May for a training on 10 May, 9 days before:
    # "from 8 days included to 15 days included: 50 % of price", the second tier (line 299);
    # 50 % of an 800 EUR price is 400 EUR.
    args = ("--set", "notice_given_on=2024-05-01", "--set", "event_on=2024-05-10",
            "--set", "invoice=800")
    text = slac_eval("teogest", "T16", *args)
    assert "tier 2 (line 299): 50 % of the price; amount: €400.00" in text.stdout
    data = json.loads(slac_eval("teogest", "T16", *args, "--json").stdout)
    assert data["result"]["rows"][0]["results"]["annulation_formation"]["tier"] == 2


@pytest.mark.parametrize("records", [None, "start,end\n"])
def test_a_tier_on_a_month_without_outages(tmp_path: Path, records: str | None) -> None:
    # Teogest T4, May 2024 without outages: 0 % of unavailability, the first tier ("from 0 %
    # included to 0.2 % included: none"), as the availability T3 reports 100 %.
    extra = () if records is None else ("--input", write(tmp_path, "o.csv", records))
    result = slac_eval("teogest", "T4", "--period", "2024-05", *extra, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["result"]
    assert data["report"]["availability"] == "100.000000"
    assert (data["value"], data["tier"], data["outcome"]["kind"]) == ("0.000000", 1, "none")


def test_notes_and_readings_are_shown() -> None:
    # Cegid Conciliator's working period (C2) has a reading about public holidays.
    result = slac_eval("cegid-conciliator", "periode_travail", "--period", "2024-06")
    assert result.exit_code == 0, result.output
    assert "reading: public holidays falling Monday to Friday are part of the working period" \
        in result.stdout
    data = json.loads(slac_eval("cegid-conciliator", "periode_travail", "--period", "2024-06",
                                "--json").stdout)
    assert data["readings"][0]["item"] == "periode_travail"
    # Teogest T4's note, and in French
    french = slac_eval("teogest", "T4", "--set", "value=0.3", "--lang", "fr")
    assert "note: Le montant de la facture du mois de référence sert de base." in french.stdout
