"""`slac eval`: one clause of a real contract evaluated from the command line, with CSV/JSON inputs.

Expected figures are worked out by hand from the contracts' text, in each test.
"""

from __future__ import annotations

import ast
import json
import re
import string
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from slac import messages, wording
from slac.cli import cli
from slac.pipeline import compile_paths
from slac.runtime.availability import Outage
from slac.runtime.errors import SlaInputError, Text

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ROOT / "contracts"
ENGLISH = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8", "LANGUAGE": None}


def slac_eval(contract: str, *args: str) -> Result:
    path = str(CONTRACTS / f"{contract}.sla")
    return CliRunner().invoke(cli, ["eval", path, *args], env=ENGLISH, prog_name="slac")


def as_json(result: Result) -> dict[str, object]:
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# Cegid Loop L1 (Art. 5), May 2024: the reference period is Monday to Friday 07:00-20:00 on
# business days; 23 weekdays - 4 holidays (1, 8, 9, 20 May) = 19 days x 13 h = 247 h = 889,200 s.
# The outage Tue 7 May 19:30 -> Wed 8 May 08:00 (a holiday) counts 19:30-20:00 only: 1,800 s.
# Availability = (247 h - 0.5 h) / 247 h = 246.5 / 247 = 99.797570850...% -> 99.797571 % >= 99.5 %.
L1_OUTAGE = ("2024-05-07T19:30:00+02:00", "2024-05-08T08:00:00+02:00")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cegid_loop_l1_may_2024_from_an_outage_file(tmp_path: Path, fmt: str) -> None:
    if fmt == "csv":
        path = write(tmp_path, "outages.csv", "start,end\n" + ",".join(L1_OUTAGE) + "\n")
    else:
        path = write(tmp_path, "outages.json",
                     json.dumps([{"start": L1_OUTAGE[0], "end": L1_OUTAGE[1]}]))
    data = as_json(slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path, "--json"))
    assert data["item"] == "disponibilite"
    result = data["result"]
    assert isinstance(result, dict)
    assert result["measured_seconds"] == 247 * 3600
    assert result["downtime_seconds"] == 1800
    assert result["availability"] == "99.797571"
    assert result["met"] is True
    assert result["downtime"] == [["2024-05-07T19:30:00+02:00", "2024-05-07T20:00:00+02:00"]]


def test_readable_report_in_french_and_english(tmp_path: Path) -> None:
    path = write(tmp_path, "outages.csv", "start,end\n" + ",".join(L1_OUTAGE) + "\n")
    english = slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path)
    french = slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path, "--lang", "fr")
    assert english.exit_code == french.exit_code == 0
    assert "measured time: 247 h 00 min" in english.stdout
    assert "downtime: 0 h 30 min" in english.stdout
    assert "availability: 99.797571 % (target ≥ 99.5 %): met" in english.stdout
    assert "temps mesuré : 247 h 00 min".replace(" :", ":") in french.stdout
    assert "disponibilité: 99.797571 % (objectif ≥ 99.5 %): atteint" in french.stdout


# Teogest T4 (Annexe 2 A.6): 0.3 % of unavailability falls in "from 0.21 % to 0.5 %: 3 % of
# invoice"; 3 % of a 1,000 EUR invoice = 30.00.
def test_teogest_t4_from_a_measured_value() -> None:
    data = as_json(slac_eval("teogest", "T4", "--set", "value=0.3", "--invoice", "1000", "--json"))
    result = data["result"]
    assert isinstance(result, dict)
    assert result["tier"] == 2                       # the second tier, counted from 1 as in text
    assert result["tier_line"] == 83
    assert result["outcome"] == {"kind": "invoice_share", "amount": "3", "currency": None}
    assert result["money"] == "30.00"


# Teogest T3/T4, May 2024 measured all the time: 31 x 24 h = 744 h. An outage of 12 h 30 min
# (7 May 19:30 -> 8 May 08:00) is 12.5 / 744 = 1.680107...% of unavailability, above 1.5 %:
# 20 % of invoice, the cap too: 200.00 on 1,000. Claim within 30 days after the end of May:
# 31 May + 30 days = 30 June 2024.
def test_teogest_t4_from_outages_chains_the_availability_report(tmp_path: Path) -> None:
    path = write(tmp_path, "outages.csv", "start,end\n" + ",".join(L1_OUTAGE) + "\n")
    data = as_json(slac_eval("teogest", "T4", "--period", "2024-05", "--input", path,
                             "--invoice", "1000", "--json"))
    result = data["result"]
    assert isinstance(result, dict)
    assert result["report"]["measured_seconds"] == 744 * 3600
    assert result["report"]["downtime_seconds"] == 12 * 3600 + 1800
    assert result["report"]["met"] is False
    assert result["value"] == "1.680108"
    assert result["money"] == "200.00"
    assert result["claim_deadline"] == "2024-06-30"


# Conciliator C3 (Art. 6): a slice of 1 hour is good when at least 50 % of its measurements are
# good; probe ihm is good below 1 second. Monday 3 June 2024 10:00-11:00 lies in the working
# period (Mon-Fri 09:00-18:00). 20 samples every 3 minutes, 10 under 1 s: exactly 50 % -> good;
# the other slices have no data and are excluded by decision, so measured = 1 h, 100 % available.
# With 9 good of 20 (45 %) the slice is bad: 1 h of downtime of 1 h measured, 0 %.
@pytest.mark.parametrize(("good", "availability", "downtime"), [(10, "100.000000", 0),
                                                                (9, "0.000000", 3600)])
def test_conciliator_c3_an_hour_at_exactly_half_good_probes(
        tmp_path: Path, good: int, availability: str, downtime: int) -> None:
    rows = [f"2024-06-03T10:{3 * n:02d}:00+02:00,ihm,{'0.5' if n < good else ''}"
            for n in range(20)]
    path = write(tmp_path, "samples.csv", "at,probe,latency\n" + "\n".join(rows) + "\n")
    data = as_json(slac_eval("cegid-conciliator", "C3", "--period", "2024-06", "--input", path,
                             "--set", "no_data=excluded", "--json"))
    result = data["result"]
    assert isinstance(result, dict)
    assert result["measured_seconds"] == 3600
    assert result["availability"] == availability
    assert result["downtime_seconds"] == downtime


def test_an_undecided_point_asks_for_a_decision(tmp_path: Path) -> None:
    path = write(tmp_path, "samples.csv", "at,probe,latency\n2024-06-03T10:00:00+02:00,ihm,0.5\n")
    result = slac_eval("cegid-conciliator", "C3", "--period", "2024-06", "--input", path)
    assert result.exit_code == 1
    assert "no_data" in result.stderr
    assert "--set NAME=VALUE" in result.stderr
    assert "no_data=good|bad|excluded" in result.stderr
    assert "Traceback" not in result.output


# niveaux-de-service N5 (Annexe 2 §2.2): a critical incident on Friday 3 May 2024 at 17:59, in
# business hours, is taken in within 4 clock hours: 21:59 the same day. The id column is carried.
def test_deadlines_one_row_per_ticket(tmp_path: Path) -> None:
    path = write(tmp_path, "tickets.csv",
                 "id;action;start;level\nA-1;take_in;2024-05-03T17:59:00+02:00;critical\n")
    data = as_json(slac_eval("niveaux-de-service", "N5", "--input", path, "--json"))
    rows = data["result"]["rows"]  # type: ignore[index]
    assert rows == [{"inputs": {"id": "A-1", "action": "take_in",
                                "start": "2024-05-03T17:59:00+02:00", "level": "critical"},
                     "results": {"interventions_due": "2024-05-03T21:59:00+02:00"}}]


def test_times_without_offset_are_read_in_the_zone_given(tmp_path: Path) -> None:
    path = write(tmp_path, "tickets.csv", "action,start,level\ntake_in,2024-05-03 17:59,critical\n")
    refused = slac_eval("niveaux-de-service", "N5", "--input", path)
    assert refused.exit_code == 1
    assert f"{path}:2:9: error: '2024-05-03 17:59' has no UTC offset" in refused.stderr
    assert "^~~~" in refused.stderr and "--zone Europe/Paris" in refused.stderr
    data = as_json(slac_eval("niveaux-de-service", "N5", "--input", path, "--zone",
                             "Europe/Paris", "--json"))
    assert data["result"]["rows"][0]["results"] == {  # type: ignore[index]
        "interventions_due": "2024-05-03T21:59:00+02:00"}


@pytest.mark.parametrize(("wall", "code"), [("2024-03-31 02:30", "input-dst-gap"),
                                            ("2024-10-27 02:30", "input-dst-ambiguous")])
def test_wall_times_that_do_not_name_one_instant_are_refused(
        tmp_path: Path, wall: str, code: str) -> None:
    path = write(tmp_path, "t.csv", f"action,start,level\ntake_in,{wall},critical\n")
    result = slac_eval("niveaux-de-service", "N5", "--input", path, "--zone", "Europe/Paris")
    assert result.exit_code == 1
    assert f"[{code}]" in result.stderr


# Teogest T13 (Art. 20): subscribed 1 March 2021, notice requested 10 May 2024: three full years,
# so 1 + 3 = 4 months counted from the day after the month of request (1 June): ends 30 Sept.
def test_term_from_named_values() -> None:
    data = as_json(slac_eval("teogest", "T13", "--set", "subscribed_on=2021-03-01",
                             "--set", "requested_on=2024-05-10", "--json"))
    results = data["result"]["rows"][0]["results"]  # type: ignore[index]
    assert results == {"preavis_effective_termination": "2024-09-30", "preavis_notice_months": 4}


# May 2024 in France: 23 weekdays, of which 1, 8, 9 (Ascension) and 20 (Whit Monday) are public
# holidays: 19 business days of 31.
def test_calendar_of_a_month() -> None:
    data = as_json(slac_eval("cegid-loop", "jours_ouvres", "--period", "2024-05", "--json"))
    result = data["result"]
    assert isinstance(result, dict)
    assert result["business_days"] == 19
    assert result["days"] == 31
    assert [h["date"] for h in result["holidays"]] == [
        "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20"]


# ----------------------------------------------------------------------------- bad requests

@pytest.mark.parametrize(("args", "message"), [
    (["Z9"], "has no clause or item 'Z9'"),
    (["L1"], "needs a period: add --period YYYY-MM"),
    (["L1", "--period", "2024-13"], "--period must be a month YYYY-MM"),
    (["L1", "--period", "2024-05", "--input", "missing.csv"], "no such input file"),
    (["L1", "--period", "2024-05", "--zone", "Mars/Olympus"], "unknown time zone"),
])
def test_bad_requests_are_explained(args: list[str], message: str) -> None:
    result = slac_eval("cegid-loop", *args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("text", "where", "code"), [
    ("start,end\n2024-05-07T19:30:00+02:00\n", "2:1", "input-columns"),
    ("start,end\n2024-05-07T19:30:00+02:00,tomorrow\n", "2:27", "input-not-datetime"),
    ("start,end\n2024-05-08T08:00:00+02:00,2024-05-07T19:30:00+02:00\n", "2:1", "input-rejected"),
    ("start,end,kind\n2024-05-07T19:30:00+02:00,2024-05-08T08:00:00+02:00,maintenance\n", "2:1",
     "input-not-accepted"),
    ("when,what\nx,y\n", "2:1", "input-columns-unknown"),
    ("", "1:1", "input-empty"),
])
def test_bad_input_files_are_located(tmp_path: Path, text: str, where: str, code: str) -> None:
    path = write(tmp_path, "in.csv", text)
    result = slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path)
    assert result.exit_code == 1
    assert f"{path}:{where}: error:" in result.stderr and f"[{code}]" in result.stderr
    assert "Traceback" not in result.output


def test_probe_samples_outside_the_period_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", "at,probe,latency\n2024-05-31T23:59:00+02:00,ihm,0.1\n")
    result = slac_eval("cegid-conciliator", "C3", "--period", "2024-06", "--input", path)
    assert result.exit_code == 1
    assert f"{path}:2:1: error: 2024-05-31T23:59:00+02:00 is outside the period 2024-06" \
        in result.stderr


def test_decimal_comma_and_bad_json_are_located(tmp_path: Path) -> None:
    result = slac_eval("teogest", "T4", "--set", "value=0,3")
    assert result.exit_code == 1
    assert "<command line>:1:7: error: '0,3' uses a decimal comma" in result.stderr
    assert "write 0.3" in result.stderr
    path = write(tmp_path, "o.json", '[{"start": "2024-05-07T19:30:00+02:00",\n  "end": }]')
    result = slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path)
    assert result.exit_code == 1
    assert f"{path}:2:10: error: not valid JSON" in result.stderr


def test_json_values_are_located_at_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, "o.json", '[\n {"start": "2024-05-07T19:30:00+02:00",\n'
                                     '  "end": "soon"}\n]\n')
    result = slac_eval("cegid-loop", "L1", "--period", "2024-05", "--input", path)
    assert result.exit_code == 1
    assert f"{path}:3:10: error: 'soon' is not a date and time" in result.stderr


def test_unknown_column_of_a_row_evaluator_names_the_parameters(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv",
                 "action,start,levle\ntake_in,2024-05-03T17:59:00+02:00,critical\n")
    result = slac_eval("niveaux-de-service", "N5", "--input", path)
    assert result.exit_code == 1
    assert "'levle' is not a parameter of the evaluators of interventions" in result.stderr
    assert "action, delay_if_unspecified, level, start" in result.stderr


def every_item() -> list[tuple[str, str]]:
    compiled = compile_paths([CONTRACTS])
    return [(Path(c.source_file).stem, item.name) for c in compiled.contracts for item in c.items]


@pytest.mark.parametrize(("contract", "item"), every_item())
def test_every_item_evaluates_or_says_what_it_needs(contract: str, item: str) -> None:
    result = slac_eval(contract, item, "--period", "2024-05")
    # 2: the values the item's evaluators need are not on the command line (a usage error)
    assert result.exit_code in (0, 1, 2), result.output
    assert (result.stdout if result.exit_code == 0 else result.stderr).strip()
    assert "internal error" not in result.output and "Traceback" not in result.output


def test_a_misspelt_decision_is_refused_not_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", "at,probe,latency\n2024-06-03T10:00:00+02:00,ihm,0.5\n")
    result = slac_eval("cegid-conciliator", "C3", "--period", "2024-06", "--input", path,
                       "--set", "no_dat=excluded")
    assert result.exit_code == 1
    assert "<command line>:1:1: error: 'no_dat' is not a parameter" in result.stderr
    assert "no_data" in result.stderr


def test_an_item_renamed_by_the_backend_is_evaluated_and_its_examples_run(tmp_path: Path) -> None:
    # A window named `zone` would overwrite the module's ZONE: it goes by zone_window_* instead.
    # Monday 1 July 2024 09:00-10:00 each Monday: July 2024 has Mondays 1, 8, 15, 22, 29 = 5 h.
    source = tmp_path / "renamed.sla"
    source.write_text("""contract "renamed" {
    title "T"
    provider "P"
    client "C"
    source "S" dated 2024-01-01
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}

window zone {
    clause W1 article "1"
    monday 09:00 to 10:00
    example 2024-07-01 09:30 inside
    example 2024-07-01 10:00 outside
}
""", encoding="utf-8")
    built = CliRunner().invoke(cli, ["build", str(source), "--out", str(tmp_path / "out")],
                               env=ENGLISH, prog_name="slac")
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(cli, ["eval", str(source), "W1", "--period", "2024-07", "--json"],
                                env=ENGLISH, prog_name="slac")
    data = as_json(result)
    assert data["result"]["total_seconds"] == 5 * 3600  # type: ignore[index]


# --------------------------------------------------------------------- the report's language
# Every word of a report, and every runtime message `slac eval` shows, comes from one catalog of
# English/French phrases (slac.messages.EVAL and RUNTIME): a French report has no English word.

# The English words the reports used before they had a catalog (not the ones French shares).
ENGLISH_WORDS = ["period", "measured time", "excluded time", "downtime", "availability",
                 "target", "met", "BREACHED", "without data", "measured value", "tier", "line",
                 "no tier", "amount", "days of service", "capped", "last day to claim", "nothing",
                 "not decided", "of the invoice", "in all", "uses", "no problem", "problems",
                 "business days", "use", "is not inside", "was announced", "ahead", "required",
                 "outage", "ends before", "latency", "sample", "error rate", "percentage", "got",
                 "slice", "decide", "the contract", "outside the years"]


def english_words_in(text: str) -> list[str]:
    return [w for w in ENGLISH_WORDS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def slac_eval_in(lang: str, contract: str, *args: str) -> Result:
    return slac_eval(contract, *args, "--lang", lang)


L1_REPORT = {
    "en": """cegid-loop · disponibilite — availability rate (TD)
clauses: L1 (Art. 5)
period: 2024-05
measured time: 247 h 00 min
excluded time: 0 h 00 min
downtime: 0 h 30 min
availability: 99.797571 % (target ≥ 99.5 %): met
downtime (1):
  2024-05-07T19:30:00+02:00 → 2024-05-07T20:00:00+02:00
""",
    "fr": """cegid-loop · disponibilite — taux de disponibilité (TD)
clauses: L1 (Art. 5)
période: 2024-05
temps mesuré: 247 h 00 min
temps exclu: 0 h 00 min
indisponibilité: 0 h 30 min
disponibilité: 99.797571 % (objectif ≥ 99.5 %): atteint
indisponibilités (1):
  2024-05-07T19:30:00+02:00 → 2024-05-07T20:00:00+02:00
""",
}

# Teogest T4 on May 2024 (worked out above): 1.680108 % of unavailability is the fifth tier of
# Annexe 2 A.6, "above 1.5 %: 20 % of invoice" (line 86 of teogest.sla); 200.00 on 1,000.
T4_REPORT = {
    "en": """teogest · penalites — unavailability penalties
clauses: T4 (Annexe 2 A.6)
period: 2024-05
measured time: 744 h 00 min
excluded time: 0 h 00 min
downtime: 12 h 30 min
availability: 98.319892 % (target ≥ 99.8 %): BREACHED
downtime (1):
  2024-05-07T19:30:00+02:00 → 2024-05-08T08:00:00+02:00
measured value: 1.680108 %
tier 5 (line 86): 20 % of the invoice
amount: €200.00
last day to claim: 2024-06-30
note: The base is the amount invoiced for the month concerned.
""",
    "fr": """teogest · penalites — pénalités d'indisponibilité
clauses: T4 (Annexe 2 A.6)
période: 2024-05
temps mesuré: 744 h 00 min
temps exclu: 0 h 00 min
indisponibilité: 12 h 30 min
disponibilité: 98.319892 % (objectif ≥ 99.8 %): NON ATTEINT
indisponibilités (1):
  2024-05-07T19:30:00+02:00 → 2024-05-08T08:00:00+02:00
valeur mesurée: 1.680108 %
palier 5 (ligne 86): 20 % de la facture
montant: 200,00\u00a0€
dernier jour pour réclamer: 2024-06-30
note: Le montant de la facture du mois de référence sert de base.
""",
}

# Teogest T2: the window runs Friday 22:00 to Saturday 24:00, each use announced 15 days ahead.
# A use on Friday 10 May announced the evening before is 23 hours ahead; one on Monday 6 May
# 10:00 lies outside the window, and was announced 5 days 10 hours ahead.
T2_USES = ("start,end,announced\n"
           "2024-05-10T22:00:00+02:00,2024-05-11T06:00:00+02:00,2024-05-09T23:00:00+02:00\n"
           "2024-05-06T10:00:00+02:00,2024-05-06T11:00:00+02:00,2024-05-01T00:00:00+02:00\n")
T2_PROBLEMS = {
    "en": """uses: 2; problems: 3
  use 1 (Fri 2024-05-10 22:00 CEST -> Sat 2024-05-11 06:00 CEST) was announced Thu 2024-05-09 \
23:00 CEST, 23:00:00 ahead; at least 15 days, 0:00:00 required
  use 2 (Mon 2024-05-06 10:00 CEST -> Mon 2024-05-06 11:00 CEST) is not inside the schedule's \
windows
  use 2 (Mon 2024-05-06 10:00 CEST -> Mon 2024-05-06 11:00 CEST) was announced Wed 2024-05-01 \
00:00 CEST, 5 days, 10:00:00 ahead; at least 15 days, 0:00:00 required
""",
    "fr": """utilisations: 2; problèmes: 3
  utilisation 1 (ven. 2024-05-10 22:00 CEST -> sam. 2024-05-11 06:00 CEST) a été annoncée le \
jeu. 2024-05-09 23:00 CEST, 23:00:00 avant ; il faut au moins 15 jours, 0:00:00
  utilisation 2 (lun. 2024-05-06 10:00 CEST -> lun. 2024-05-06 11:00 CEST) n'est pas dans les \
plages de la fenêtre
  utilisation 2 (lun. 2024-05-06 10:00 CEST -> lun. 2024-05-06 11:00 CEST) a été annoncée le \
mer. 2024-05-01 00:00 CEST, 5 jours, 10:00:00 avant ; il faut au moins 15 jours, 0:00:00
""",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_reports_are_worded_in_the_language_asked(tmp_path: Path, lang: str) -> None:
    outages = write(tmp_path, "outages.csv", "start,end\n" + ",".join(L1_OUTAGE) + "\n")
    availability = slac_eval_in(lang, "cegid-loop", "L1", "--period", "2024-05", "--input", outages)
    tier = slac_eval_in(lang, "teogest", "T4", "--period", "2024-05", "--input", outages,
                        "--invoice", "1000")
    uses = slac_eval_in(lang, "teogest", "maintenance_evolutive", "--period", "2024-05",
                        "--input", write(tmp_path, "uses.csv", T2_USES))
    assert (availability.exit_code, tier.exit_code, uses.exit_code) == (0, 0, 0)
    # the note of Cegid Loop's availability (cegid-loop.sla, `note fr "…" en "…"`), as written
    note = next(i for i in compile_paths([CONTRACTS / "cegid-loop.sla"]).contracts[0].items
                if i.name == "disponibilite").notes[0]
    assert availability.stdout == L1_REPORT[lang] + f"note: {getattr(note, lang)}\n"
    assert tier.stdout == T4_REPORT[lang]
    assert uses.stdout.endswith(T2_PROBLEMS[lang])
    if lang == "fr":
        for result in (availability, tier, uses):
            assert english_words_in(result.stdout) == []


# Bad inputs and undecided points found by the runtime, as `slac eval` reports them.
RUNTIME_REFUSALS = [
    # an outage that ends before it starts
    ("cegid-loop", "L1", "2024-05", "start,end\n"
     "2024-05-08T08:00:00+02:00,2024-05-07T19:30:00+02:00\n", (),
     "outage ends before it starts: 2024-05-08T08:00:00+02:00 > 2024-05-07T19:30:00+02:00",
     "la panne finit avant de commencer : 2024-05-08T08:00:00+02:00 > 2024-05-07T19:30:00+02:00"),
    # a probe sample with a negative latency: the name of the value is worded too
    ("cegid-conciliator", "C3", "2024-06", "at,probe,latency\n2024-06-03T10:00:00+02:00,ihm,-1\n",
     ("--set", "no_data=excluded"),
     "latency of the 'ihm' sample at 2024-06-03T10:00:00+02:00 is negative: -1",
     "la latence de la mesure 'ihm' à 2024-06-03T10:00:00+02:00 est négative : -1"),
    # an error rate above 100 %
    ("niveaux-de-service", "N1", "2024-05", "minute,error_rate\n2024-05-03T10:00:00+02:00,150\n",
     (), "error rate at 2024-05-03T10:00:00+02:00 is a percentage between 0 and 100, got 150",
     "le taux d'erreur à 2024-05-03T10:00:00+02:00 est un pourcentage entre 0 et 100, reçu 150"),
    # Monday 3 June 2024 09:00-10:00 has no sample and the contract does not say what that means
    ("cegid-conciliator", "C3", "2024-06", "at,probe,latency\n2024-06-03T10:00:00+02:00,ihm,0.5\n",
     (), "the slice 2024-06-03 09:00:00+02:00 to 2024-06-03 10:00:00+02:00 has no sample and the "
     "contract does not say what that means: decide the no_data parameter ('good', 'bad' or "
     "'excluded'); decide it with --set NAME=VALUE (maintenance: Iterable[Interval], "
     "combine=each|any|pooled, no_data=good|bad|excluded)",
     "le créneau du 2024-06-03 09:00:00+02:00 au 2024-06-03 10:00:00+02:00 n'a aucune mesure et "
     "le contrat ne dit pas ce que cela signifie : tranchez le paramètre « no_data » ('good', "
     "'bad' ou 'excluded') ; tranchez-le avec --set NOM=VALEUR (maintenance: Iterable[Interval], "
     "combine=each|any|pooled, no_data=good|bad|excluded)"),
    # the holiday data stops in 2040
    ("cegid-loop", "jours_ouvres", "2041-01", None, (),
     "date 2041-01-01 is outside the years the holiday data covers (2020-2040)",
     "la date 2041-01-01 est hors des années que couvrent les jours fériés connus (2020-2040)"),
]


@pytest.mark.parametrize(("contract", "clause", "period", "records", "extra", "english", "french"),
                         RUNTIME_REFUSALS)
def test_what_the_runtime_refuses_is_said_in_the_language_asked(
        tmp_path: Path, contract: str, clause: str, period: str, records: str | None,
        extra: tuple[str, ...], english: str, french: str) -> None:
    inputs = () if records is None else ("--input", write(tmp_path, "in.csv", records))
    for lang, expected in (("en", english), ("fr", french)):
        result = slac_eval_in(lang, contract, clause, "--period", period, *inputs, *extra)
        assert result.exit_code == 1
        assert expected in result.stderr
    assert english_words_in(french) == []


def test_a_naive_datetime_refused_by_the_runtime_is_worded_in_french() -> None:
    # `slac eval` reads a time without offset itself (input-naive-datetime); a caller of the
    # runtime gets its SlaInputError, whose key and values word it again in French.
    with pytest.raises(SlaInputError) as refused:
        Outage(datetime(2024, 5, 7, 19, 30), datetime(2024, 5, 8, 8, 0))
    assert refused.value.key == "naive-datetime"
    said = wording.worded(refused.value)
    assert said.en == str(refused.value) == (
        "outage start is a naive datetime (2024-05-07T19:30:00); pass a timezone-aware one, "
        "e.g. datetime(..., tzinfo=ZoneInfo('Europe/Paris'))")
    assert said.fr == (
        "le début de la panne est une date et heure sans fuseau horaire (2024-05-07T19:30:00) ; "
        "donnez-la avec son fuseau, p. ex. datetime(..., tzinfo=ZoneInfo('Europe/Paris'))")
    assert english_words_in(said.fr) == []


def test_a_message_without_a_known_key_stays_as_written() -> None:
    # The generated modules raise plain messages; a key the catalog lacks falls back the same way.
    for error in (SlaInputError("unknown action 'x'; expected one of: take_in"),
                  SlaInputError("no.such-key", "{what} is wrong", what="x")):
        assert wording.worded(error) == messages.Phrase(str(error), str(error))


def runtime_messages() -> dict[str, set[str]]:
    """Every key the runtime words a message with, and its English template(s)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "compiler" / "runtime").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("SlaInputError", "UnspecifiedError", "Text")):
                where = f"{path.name}:{node.lineno}"
                assert len(node.args) == 2, f"{where}: give a key and a template"
                key, template = (a.value if isinstance(a, ast.Constant) else None
                                 for a in node.args)
                assert isinstance(key, str) and isinstance(template, str), \
                    f"{where}: the key and the template are written out"
                found.setdefault(key, set()).add(template)
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_runtime_message_is_in_the_catalog_in_both_languages() -> None:
    found = runtime_messages()
    assert len(found) > 100
    assert {k for k, templates in found.items() if len(templates) > 1} == set()
    assert sorted(found) == sorted(messages.RUNTIME)    # every key, and no key that is gone
    for key, (template,) in found.items():
        phrase = messages.RUNTIME[key]
        assert phrase.en == template, key                # English: the runtime's text exactly
        assert phrase.fr, key
        assert fields(phrase.fr) <= fields(template), key
        values = dict.fromkeys(fields(template), 1)
        assert wording.in_language(Text(key, template, **values), "en") == template.format(**values)
        assert wording.in_language(Text(key, template, **values), "fr")


def test_the_phrases_of_the_reports_take_the_same_fields_in_both_languages() -> None:
    for key, phrase in messages.EVAL.items():
        assert phrase.en and phrase.fr, key
        assert fields(phrase.en) == fields(phrase.fr), key


# Teogest T1, May 2024: 744 h = 2,678,400 s measured. An outage of 5,356.81 s (1 h 29 min
# 16.81 s) leaves 2,673,043.19 s: 99.79999962...% (100 - 5,356.81 / 26,784), 10 ms beyond the
# 0.2 % allowance of 5,356.8 s. Six decimals would round it up to the target (99.800000 %); the
# report shows as many decimals as it takes, rounded down, so that figure and verdict agree.
def test_the_rate_shown_falls_on_the_side_of_its_verdict(tmp_path: Path) -> None:
    path = write(tmp_path, "outages.csv",
                 "start,end\n2024-05-14T10:00:00+02:00,2024-05-14T11:29:16.810+02:00\n")
    result = slac_eval("teogest", "T1", "--period", "2024-05", "--input", str(path))
    assert result.exit_code == 0, result.output
    assert "availability: 99.79999962 % (target ≥ 99.8 %): BREACHED" in result.output
