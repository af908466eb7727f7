"""The `slac` command line: version, help, check's output formats, languages and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from slac import __version__
from slac.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ROOT / "contracts"
ERRORS = ROOT / "tests" / "fixtures" / "errors"
THREE_ERRORS = ERRORS / "check-three-errors.sla"     # unknown-name, percent-range, duplicate-rule
ENGLISH = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8", "LANGUAGE": None}


def slac(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env or ENGLISH, prog_name="slac")


def test_version() -> None:
    result = slac("--version")
    assert result.exit_code == 0
    assert result.stdout == f"slac, version {__version__}\n"


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_group_help_lists_the_commands(flag: str) -> None:
    result = slac(flag)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: slac [OPTIONS] COMMAND")
    for name in cli.commands:
        assert name in result.stdout


@pytest.mark.parametrize("flag", ["--help", "-h"])
@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command: str, flag: str) -> None:
    result = slac(command, flag)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: slac {command} [OPTIONS]")
    first_words = " ".join((cli.commands[command].help or "").split()[:5])
    assert first_words and first_words in " ".join(result.stdout.split())
    assert "-h, --help" in result.stdout


# --------------------------------------------------------------------------- exit codes

def test_check_clean_contracts_exits_0() -> None:
    result = slac("check", str(CONTRACTS))
    assert result.exit_code == 0, result.output
    summary = result.stderr.splitlines()[-1]
    # the T4 and N2 tier gaps, and the contradictions of Teogest (3) and Conciliator (1); the
    # public SLA of contracts/public/ is clean
    assert summary.startswith("0 error(s), 10 warning(s), ")
    assert summary.endswith(" note(s) in 16 file(s)")


def test_check_with_errors_exits_1_and_locates_each_error() -> None:
    result = slac("check", str(THREE_ERRORS))
    assert result.exit_code == 1
    file = THREE_ERRORS.as_posix()
    for position, code in (("23:21", "percent-range"), ("25:21", "unknown-name"),
                           ("33:5", "duplicate-rule")):
        assert any(line.startswith(f"{file}:{position}: error: ") and line.endswith(f"[{code}]")
                   for line in result.stderr.splitlines()), (position, result.stderr)
    assert "did you mean 'support'?" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("3 error(s), 0 warning(s), 0 note(s)")


def test_check_missing_path_exits_2() -> None:
    result = slac("check", "nowhere/at-all.sla")
    assert result.exit_code == 2
    assert "no such file or folder: nowhere/at-all.sla" in result.stderr


def test_unknown_option_exits_2() -> None:
    result = slac("check", "--colour", str(CONTRACTS))
    assert result.exit_code == 2


def test_warnings_and_notes_alone_exit_0(tmp_path: Path) -> None:
    (tmp_path / "demo.sla").write_bytes((ERRORS / "check-missing-clause.sla").read_bytes())
    result = slac("check", str(tmp_path))
    assert result.exit_code == 0
    assert "warning: window 'support' carries no clause id" in result.stderr


def test_one_bad_file_among_good_ones_exits_1(tmp_path: Path) -> None:
    (tmp_path / "teogest.sla").write_bytes((CONTRACTS / "teogest.sla").read_bytes())
    (tmp_path / "broken.sla").write_bytes((ERRORS / "syntax-time-format-9h30.sla").read_bytes())
    result = slac("check", str(tmp_path))
    assert result.exit_code == 1
    assert "time-format" in result.stderr and "tier-gap" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("in 2 file(s)")


def test_duplicate_contract_ids_across_files_exit_1(tmp_path: Path) -> None:
    for name in ("a.sla", "b.sla"):
        (tmp_path / name).write_bytes((CONTRACTS / "cegid-api.sla").read_bytes())
    result = slac("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    [duplicate] = [d for d in json.loads(result.stdout) if d["code"] == "duplicate-contract"]
    assert duplicate["file"].endswith("b.sla")
    assert "a.sla" in duplicate["message"]


def test_a_source_named_twice_is_built_once(tmp_path: Path) -> None:
    # A file given by itself and again inside its folder is one contract, not a duplicate id.
    source = tmp_path / "src" / "cegid-api.sla"
    source.parent.mkdir()
    source.write_bytes((CONTRACTS / "cegid-api.sla").read_bytes())
    out = tmp_path / "out"
    result = slac("build", str(source), str(source.parent), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "for 1 contract(s)" in result.stderr
    assert (out / "cegid_api.py").is_file()
    checked = slac("check", str(source.parent), str(source))
    assert checked.exit_code == 0, checked.stderr
    assert checked.stderr.splitlines()[-1].endswith("in 1 file(s)")


# --------------------------------------------------------------------------- JSON

def test_json_output_is_valid_and_complete() -> None:
    result = slac("check", "--format", "json", str(THREE_ERRORS))
    assert result.exit_code == 1
    diagnostics = json.loads(result.stdout)
    assert [(d["line"], d["column"], d["code"]) for d in diagnostics] == [
        (23, 21, "percent-range"), (25, 21, "unknown-name"), (33, 5, "duplicate-rule")]
    for d in diagnostics:
        assert {"file", "line", "column", "severity", "code", "message", "help"} <= set(d)
        assert d["file"] == THREE_ERRORS.as_posix()
        assert d["severity"] == "error"
        assert isinstance(d["message"], str) and d["message"]
    assert diagnostics[0]["message"] == "101 % is outside 0–100 %"
    assert diagnostics[0]["help"] is None
    assert diagnostics[1]["help"] == "did you mean 'support'?"


def test_json_on_clean_contracts() -> None:
    result = slac("check", "--format", "json", str(CONTRACTS))
    assert result.exit_code == 0
    diagnostics = json.loads(result.stdout)
    assert {d["severity"] for d in diagnostics} == {"warning", "note"}
    assert sum(d["code"] == "tier-gap" for d in diagnostics) == 5


def test_json_in_french_keeps_machine_fields_in_english() -> None:
    result = slac("check", "--format", "json", "--lang", "fr", str(THREE_ERRORS))
    diagnostics = json.loads(result.stdout)
    assert diagnostics[0]["severity"] == "error"
    assert diagnostics[0]["message"] == "101 % est hors de 0–100 %"


# --------------------------------------------------------------------------- languages

def test_lang_fr_gives_french_words() -> None:
    result = slac("check", "--lang", "fr", str(THREE_ERRORS))
    assert result.exit_code == 1
    assert ": erreur: 101 % est hors de 0–100 %  [percent-range]" in result.stderr
    assert "= aide: " in result.stderr
    assert result.stderr.splitlines()[-1].startswith("3 erreur(s), 0 avertissement(s), 0 note(s)")


def test_lang_fr_on_warnings() -> None:
    result = slac("check", "--lang", "fr", str(CONTRACTS / "teogest.sla"))
    assert result.exit_code == 0
    assert ": avertissement: les tranches ne couvrent pas 0.2 % < x < 0.21 %" in result.stderr


def test_lang_en_gives_english_words() -> None:
    result = slac("check", "--lang", "en", str(THREE_ERRORS))
    assert ": error: 101 % is outside 0–100 %  [percent-range]" in result.stderr
    assert "= help: did you mean 'support'?" in result.stderr


def test_french_locale_is_the_default_language() -> None:
    french = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "fr_FR.UTF-8", "LANGUAGE": None}
    result = slac("check", str(THREE_ERRORS), env=french)
    assert ": erreur: " in result.stderr


def test_bad_lang_is_a_usage_error() -> None:
    assert slac("check", "--lang", "de", str(CONTRACTS)).exit_code == 2


# --------------------------------------------------------------------------- the real entry point

@pytest.mark.slow   # `python -m slac` in a subprocess, four times
@pytest.mark.parametrize(("args", "code"), [
    (["check", str(CONTRACTS)], 0),
    (["check", str(ERRORS / "syntax-invalid-utf8.sla")], 1),
    (["check", str(ERRORS)], 1),
    (["check", "nowhere.sla"], 2),
])
def test_python_m_slac_exit_codes_without_traceback(args: list[str], code: int) -> None:
    result = subprocess.run([sys.executable, "-m", "slac", *args, "--lang", "en"], cwd=ROOT,
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
