"""The checker: malformed contracts (fixture-driven), and its findings on the real contracts.

Fixtures are tests/fixtures/errors/*.sla not named syntax-* (format in conftest.py). Expected
values on the real contracts come from the contract texts (the gaps and blanks they leave).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from slac.cli import cli
from slac.diagnostics import Diagnostic
from slac.pipeline import Compiled, compile_paths, compile_text

if TYPE_CHECKING:
    from conftest import Case

CheckSpans = Callable[[Iterable[Diagnostic], str, str], None]
ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ROOT / "contracts"
INVENTORY = ([f"L{i}" for i in range(1, 11)] + [f"C{i}" for i in range(1, 10)]
             + [f"T{i}" for i in range(1, 21)] + [f"A{i}" for i in range(1, 5)]
             + [f"N{i}" for i in range(1, 7)])


# --------------------------------------------------------------------------- malformed contracts

def test_checker_case(checker_case: Case, check_spans: CheckSpans) -> None:
    contract, diagnostics, text = compile_text(checker_case.data, checker_case.path.name)
    assert contract is not None, [d.code for d in diagnostics]
    found = Counter((d.code, d.span.line, d.span.column) for d in diagnostics)
    assert found == Counter(checker_case.expected)
    for part, wanted in (("message", checker_case.messages), ("help", checker_case.helps)):
        texts = [getattr(d, part)("en") or "" for d in diagnostics]
        for fragment in wanted:
            assert any(fragment in t for t in texts), (fragment, texts)
    check_spans(diagnostics, text, checker_case.path.name)
    for d in diagnostics:   # every diagnostic renders in both languages
        assert d.message("fr") != d.message("en")


def test_all_problems_of_a_file_are_reported_in_one_run() -> None:
    data = (ROOT / "tests" / "fixtures" / "errors" / "check-three-errors.sla").read_bytes()
    _, diagnostics, _ = compile_text(data, "three.sla")
    assert sorted(d.code for d in diagnostics) == [
        "duplicate-rule", "percent-range", "unknown-name"]
    assert all(d.severity == "error" for d in diagnostics)


def test_diagnostics_are_sorted_by_position() -> None:
    data = (ROOT / "tests" / "fixtures" / "errors" / "check-three-errors.sla").read_bytes()
    _, diagnostics, _ = compile_text(data, "three.sla")
    positions = [(d.span.line, d.span.column) for d in diagnostics]
    assert positions == sorted(positions)


# --------------------------------------------------------------------------- the real contracts

@functools.cache
def real() -> Compiled:
    """The five contracts of contracts/ checked once for the tests below (contracts/public/ has
    tests of its own)."""
    return compile_paths(sorted(CONTRACTS.glob("*.sla")))


def line_of(contract: str, fragment: str) -> int:
    """The one line of contracts/<contract>.sla that contains `fragment`."""
    lines = (CONTRACTS / f"{contract}.sla").read_text(encoding="utf-8").split("\n")
    numbers = [n for n, text in enumerate(lines, 1) if fragment in text]
    assert len(numbers) == 1, (contract, fragment, numbers)
    return numbers[0]


def diagnostics_of(contract: str, code: str) -> list[Diagnostic]:
    return [d for d in real().diagnostics
            if d.span.file.endswith(f"/{contract}.sla") and d.code == code]


def test_slac_check_contracts_exits_0() -> None:
    result = CliRunner().invoke(cli, ["check", str(CONTRACTS), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.stderr


def test_real_contracts_warn_only_of_their_gaps_and_contradictions() -> None:
    compiled = real()
    assert len(compiled.contracts) == 5
    assert not compiled.has_errors
    warnings = Counter(d.code for d in compiled.diagnostics if d.severity == "warning")
    # Gaps: 3 in Teogest T4, 2 in niveaux-de-service N2. Contradictions: Teogest Art. 6 (no
    # liability for unavailability) against Annexe 2 A.6 (penalties), Art. 9 (no deadline)
    # against Annexe 2 A.3 (48 business hours), Art. 21 (3 months) against Annexe 2 D (destroyed
    # after the month of notice); Conciliator's 7-day claim from the incident against its
    # monthly rate (Art. 6).
    assert warnings == {"tier-gap": 5, "contradiction": 4}


def test_each_contradiction_points_at_both_clauses() -> None:
    pairs = sorted((d.span.line, d.args["first_line"]) for d in diagnostics_of("teogest",
                                                                                "contradiction"))
    assert pairs == sorted([
        (line_of("teogest", "on unavailability of disponibilite"), line_of("teogest", "no remedy")),
        (line_of("teogest", "investigation within 48 business hours"),
         line_of("teogest", "investigation no deadline")),
        (line_of("teogest", "after termination kept until end of month of notice"),
         line_of("teogest", "after termination kept 3 months")),
    ])
    others = {d.span.line for d in diagnostics_of("teogest", "contradicted")}
    assert others == {first for _, first in pairs}


def test_real_contract_spans_are_inside_their_files(check_spans: CheckSpans) -> None:
    compiled = real()
    for file, text in compiled.sources.items():
        check_spans([d for d in compiled.diagnostics if d.span.file == file], text, file)


def test_teogest_t4_leaves_the_hundredths_between_its_tiers_uncovered() -> None:
    # 0 %–0.2 % none; 0.21 %–0.5 % 3 %; 0.51 %–1 % 8 %; 1.01 %–1.5 % 13 %; > 1.5 % 20 %.
    gaps = [(d.span.line, d.message("en")) for d in diagnostics_of("teogest", "tier-gap")]
    assert gaps == [
        (line_of("teogest", "from 0.21 % included to 0.5 % included"),
         "tiers leave 0.2 % < x < 0.21 % uncovered"),
        (line_of("teogest", "from 0.51 % included to 1 % included"),
         "tiers leave 0.5 % < x < 0.51 % uncovered"),
        (line_of("teogest", "from 1.01 % included to 1.5 % included"),
         "tiers leave 1 % < x < 1.01 % uncovered"),
    ]
    assert all(d.severity == "warning" for d in diagnostics_of("teogest", "tier-gap"))
    [tiers] = [i for c in real().contracts if c.id == "teogest" for i in c.items
               if i.name == "penalites"]
    assert len(tiers.gaps) == 3   # type: ignore[attr-defined]


def test_niveaux_de_service_n2_gaps() -> None:
    # < 99.95 % and ≥ 99.90 %; < 99.89 % and > 99.00 %: nothing for 99.89–99.90 nor ≤ 99.00.
    gaps = sorted(d.message("en") for d in diagnostics_of("niveaux-de-service", "tier-gap"))
    assert gaps == ["tiers leave 0 % ≤ x ≤ 99.00 % uncovered",
                    "tiers leave 99.89 % ≤ x < 99.90 % uncovered"]


@pytest.mark.parametrize(("contract", "fragment", "what"), [
    ("cegid-conciliator", "combine unspecified", "how the probes of disponibilite combine"),
    ("cegid-conciliator", "no data unspecified", "how a slice without data counts"),
    ("niveaux-de-service", "missing minutes unspecified", "how minutes without data count"),
    ("cegid-loop", "business hours unspecified", "the business hours of support"),
], ids=["C3-probes", "C3-no-data", "N1-missing-minutes", "L7-business-hours"])
def test_blanks_of_the_contracts_are_reported_as_unspecified(contract: str, fragment: str,
                                                             what: str) -> None:
    notes = diagnostics_of(contract, "unspecified")
    line = line_of(contract, fragment)
    here = [d for d in notes if d.span.line == line]
    assert len(here) == 1, [(d.span.line, d.message("en")) for d in notes]
    assert here[0].severity == "note"
    assert what in here[0].message("en")
    [model] = [c for c in real().contracts if c.id == contract]
    assert any(what in u.what for u in model.unspecified)


def test_restatements_of_teogest_t1_agree_with_its_target() -> None:
    """T1 restates 99.8 % as 2 min 52.8 s a day … 17 h 31 min 53.9 s a year: no mismatch."""
    assert not [d for d in real().diagnostics if d.code == "restatement-mismatch"]


def test_every_inventory_clause_is_encoded() -> None:
    written = set()
    for path in CONTRACTS.glob("*.sla"):
        written |= set(re.findall(r"\bclause ([A-Z]\d+) article ",
                                  path.read_text(encoding="utf-8")))
    assert sorted(set(INVENTORY) - written) == []
    from_model = {ref.id for c in real().contracts for item in c.items for ref in item.clauses}
    assert from_model == set(INVENTORY)


# --------------------------------------------------------------------------- French messages

# English words that a French message may not show outside « » and "…", where code (keywords,
# names, values as written) is quoted: function words, and the item kinds, units and terms that
# used to stay in English. French words spelt alike (a, an, minutes, note, verdict…) are left out.
ENGLISH = frozenset(re.findall(r"[a-z]+", """
    the which what how whether where when who this that there is are has have does did not no
    you your mean known define declare first already given twice allowed expected needs named
    uncovered between before after every each any with without for of to from by at in and or
    window calendar availability deadlines retention money severities severity level fee copy
    probe probes slice delay notice period outcome amount percentage duration time day days week
    weeks month months year years hour hours business fixed taken kept claimed paid data rule
    block tier tiers weekday end file
"""))
SOURCES = [*sorted((ROOT / "tests" / "fixtures" / "errors").glob("*.sla")), CONTRACTS]


def english_words(text: str) -> list[str]:
    """The words of ENGLISH in `text`, once what is quoted with « » or "…" is taken out."""
    unquoted = re.sub(r'«[^»]*»|"[^"\n]*"', " ", text)
    return [w for w in re.findall(r"[A-Za-z]+", unquoted) if w.lower() in ENGLISH]


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_french_messages_have_no_english_words(source: Path) -> None:
    if source.is_dir():
        diagnostics = real().diagnostics
    else:
        diagnostics = compile_text(source.read_bytes(), source.name)[1]
    assert diagnostics
    found = [(d.code, text) for d in diagnostics for text in (d.message("fr"), d.help("fr") or "")
             if english_words(text)]
    assert found == []


def test_english_words_are_found_outside_quotes_only() -> None:
    assert english_words("aucun élément window nommé « suport »") == ["window"]
    assert english_words("did you mean 'support'?") == ["did", "you", "mean"]
    assert english_words('ajoutez : « business hours <fenêtre> », "the day"') == []
    assert english_words("comment comptent les minutes sans données") == []


def test_subjects_of_unspecified_notes_are_french_in_french() -> None:
    # cegid-loop line `copy weekly every week on unspecified kept 5 weeks`: the day of the copy.
    line = line_of("cegid-loop", "copy weekly every week on unspecified")
    [note] = [d for d in diagnostics_of("cegid-loop", "unspecified")
              if d.span.line == line and d.span.column > 5]
    assert note.message("en") == "the contract does not decide on which day copy weekly is taken"
    assert note.message("fr") == ("le contrat ne tranche pas : le jour où la copie « weekly » "
                                  "est faite")


def test_kinds_and_suggestions_are_french_in_french() -> None:
    data = (ROOT / "tests" / "fixtures" / "errors" / "check-wrong-kind.sla").read_bytes()
    [wrong] = compile_text(data, "wrong.sla")[1]
    assert wrong.message("fr") == "« jours_ouvres » est un calendrier, pas une fenêtre"
    data = (ROOT / "tests" / "fixtures" / "errors" / "check-unknown-window.sla").read_bytes()
    [unknown] = compile_text(data, "unknown.sla")[1]
    assert unknown.message("fr") == "aucune fenêtre nommée « maintenanse »"
    assert unknown.help("fr") == "vouliez-vous dire « maintenance » ?"
