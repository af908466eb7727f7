"""Fuzzing the compiler: mangled contracts never crash it, generated contracts check as predicted.

1. The real contracts, mutated (spans deleted, keywords or random characters inserted, lines swapped
   or duplicated, truncation, random bytes, invalid UTF-8, numbers replaced, statements moved into
   another block of the same kind so that the checker runs): `compile_text` never raises, every
   diagnostic has a span inside the text (1-based), renders in French and English, and a file
   without contract has at least one error.
2. Random well-formed contracts built from a small recipe (windows, an availability, tiers,
   deadlines, a retention): they check without error, except what the recipe plants on purpose
   (a missing tier: tier-gap; a bound included twice: tier-overlap; an excluded window meeting the
   measured one: measured-and-excluded; 'unspecified' outcomes: notes; an id that is a Python
   keyword: bad-contract-id), which is predicted exactly.
3. `python -m slac check` on a handful of mutated files: no traceback, exit code 0 or 1.

Bounded for CI: SLAC_FUZZ_EXAMPLES (default 200) examples in all, shared between the tests; the
file then runs in well under 30 s. The long run:

    SLAC_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import itertools
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slac.diagnostics import Diagnostic, render_text
from slac.pipeline import compile_text

CheckSpans = Callable[[Iterable[Diagnostic], str, str], None]
ROOT = Path(__file__).resolve().parent.parent
SOURCES = {p.name: p.read_bytes() for p in sorted((ROOT / "contracts").glob("*.sla"))}
KEYWORDS = sorted(set(re.findall(r'"([a-z.]+)"', (ROOT / "grammar" / "sla.lark").read_text())))
TOKENS = ["{", "}", '"', "%", ":", ",", "#", "\n", "\r\n", "\t", "00:00", "24:00", "25:00",
          "12:60", "9h30", "99,8", "€", "0", "100", "101", "1.5", "2024-02-30", "2024-13",
          "monday", "unspecified", "included", "excluded", "\x00", "\u2028", "\ufeff", "é"]
TOTAL = int(os.environ.get("SLAC_FUZZ_EXAMPLES", "200"))


def share(fraction: float) -> settings:
    """Hypothesis settings for a test that runs `fraction` of the TOTAL examples."""
    return settings(max_examples=max(1, round(TOTAL * fraction)), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --------------------------------------------------------------------------- 1. mutations

@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real contract with one to four mutations applied in turn."""
    data = SOURCES[draw(st.sampled_from(sorted(SOURCES)))]
    for _ in range(draw(st.integers(1, 4))):
        data = draw(st.sampled_from(MUTATIONS))(draw, data)
    return data


def _position(draw: st.DrawFn, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


def delete_span(draw: st.DrawFn, data: bytes) -> bytes:
    start = _position(draw, data)
    return data[:start] + data[start + draw(st.integers(1, 80)):]


def insert_keyword(draw: st.DrawFn, data: bytes) -> bytes:
    word = draw(st.sampled_from(KEYWORDS + TOKENS))
    at = _position(draw, data)
    return data[:at] + f" {word} ".encode() + data[at:]


def insert_text(draw: st.DrawFn, data: bytes) -> bytes:
    text = draw(st.text(alphabet=st.sampled_from('{}":%,#.\n 0123456789az_AZ€é\t\r'), max_size=12)
                | st.text(max_size=6))
    at = _position(draw, data)
    return data[:at] + text.encode("utf-8", "surrogatepass") + data[at:]


def swap_lines(draw: st.DrawFn, data: bytes) -> bytes:
    lines = data.split(b"\n")
    a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def duplicate_lines(draw: st.DrawFn, data: bytes) -> bytes:
    lines = data.split(b"\n")
    a = draw(st.integers(0, len(lines) - 1))
    b = draw(st.integers(a, min(len(lines), a + 5)))
    return b"\n".join(lines[:b] + lines[a:b] + lines[b:])


def truncate(draw: st.DrawFn, data: bytes) -> bytes:
    return data[:_position(draw, data)]


def random_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    at = _position(draw, data)
    return data[:at] + draw(st.binary(min_size=1, max_size=6)) + data[at:]


def invalid_utf8(draw: st.DrawFn, data: bytes) -> bytes:
    bad = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe9", b"\x80", b"\xed\xa0\x80", b"\xf4\x90"]))
    at = _position(draw, data)
    return data[:at] + bad + data[at:]


def replace_number(draw: st.DrawFn, data: bytes) -> bytes:
    numbers = list(re.finditer(rb"\d+(\.\d+)?", data))
    if not numbers:
        return data
    number = draw(st.sampled_from(numbers))
    new = draw(st.sampled_from(EXTREMES))
    return data[:number.start()] + new + data[number.end():]


# Values beyond what the backends, the runtime and the holiday data handle (docs/language.md,
# "Limits"): each must be refused by the checker, never crash a build or a summary.
EXTREMES = [b"0", b"1", b"24", b"31", b"59", b"60", b"100", b"101", b"0.001", b"1.5", b"9" * 40,
            b"0." + b"0" * 30 + b"1", b"1" + b"0" * 30, b"9" * 4302, b"999999999", b"36526",
            b"2." + b"5" * 40]
DATES = [b"0000-01", b"0000-01-01", b"9999-12", b"9999-12-31", b"1899-12-31", b"2200-01-01",
         b"2019-12-31", b"2041-01-01"]


def replace_date(draw: st.DrawFn, data: bytes) -> bytes:
    """A date or a month replaced by one outside the years handled, or at their edges."""
    dates = list(re.finditer(rb"\d{4}-\d{2}(-\d{2})?", data))
    if not dates:
        return data
    found = draw(st.sampled_from(dates))
    new = draw(st.sampled_from([d for d in DATES if (len(d) == 7) == (found.group(1) is None)]))
    return data[:found.start()] + new + data[found.end():]


def block_kinds(lines: list[bytes]) -> list[bytes | None]:
    """For each line, the kind of the top-level block it is in (b"window", …) or None."""
    kinds: list[bytes | None] = []
    kind = None
    for line in lines:
        if opening := re.match(rb"([a-z]+) \w+ \{", line):
            kind = opening.group(1)
        elif line.startswith(b"}"):
            kind = None
        kinds.append(kind)
    return kinds


def _statements() -> dict[bytes, list[bytes]]:
    found: dict[bytes, list[bytes]] = {}
    for data in SOURCES.values():
        lines = data.split(b"\n")
        for line, kind in zip(lines, block_kinds(lines), strict=True):
            if kind and re.match(rb"    [a-z]", line):
                found.setdefault(kind, []).append(line)
    return found


STATEMENTS = _statements()


def transplant(draw: st.DrawFn, data: bytes) -> bytes:
    """Insert a statement of some contract's block into a block of the same kind: it parses,
    and the checker meets combinations no contract has."""
    lines = data.split(b"\n")
    spots = [(i, kind) for i, kind in enumerate(block_kinds(lines)) if kind in STATEMENTS]
    if not spots:
        return data
    at, kind = draw(st.sampled_from(spots))
    lines.insert(at + 1, draw(st.sampled_from(STATEMENTS[kind])))
    return b"\n".join(lines)


MUTATIONS = [delete_span, insert_keyword, insert_text, swap_lines, duplicate_lines, truncate,
             replace_date,
             random_bytes, invalid_utf8, replace_number, transplant, transplant, transplant]


def assert_sound(data: bytes, check_spans: CheckSpans) -> None:
    """What must hold whatever the input: no exception, located and renderable diagnostics."""
    contract, diagnostics, text = compile_text(data, "fuzz.sla")
    assert isinstance(text, str)
    check_spans(diagnostics, text, "fuzz.sla")
    if contract is None:
        assert any(d.severity == "error" for d in diagnostics)
    for d in diagnostics:
        for lang in ("en", "fr"):
            assert d.message(lang)
            d.help(lang)
            render_text(d, text, lang)


@share(0.4)
@given(data=mutated())
def test_mutated_contracts_never_crash_the_compiler(data: bytes, check_spans: CheckSpans) -> None:
    assert_sound(data, check_spans)


@share(0.2)
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_arbitrary_input_never_crashes_the_compiler(data: bytes, check_spans: CheckSpans) -> None:
    assert_sound(data, check_spans)


def test_each_mutation_leaves_the_real_contracts_sound(check_spans: CheckSpans) -> None:
    """A fixed sweep: every mutation at a few places of every contract (deterministic)."""
    rng = random.Random(20240319)
    for source in SOURCES.values():
        for _ in range(6):
            at = rng.randrange(len(source))
            for variant in (source[:at], source[:at] + source[at + 20:],
                            source[:at] + b"\xff" + source[at:], source[:at] + b"}" + source[at:]):
                assert_sound(variant, check_spans)


# --------------------------------------------------------------------------- 2. generated contracts

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEK = 7 * 1440
HEADER = """contract "{id}" {{
    title "Generated"
    provider "P"
    client "C"
    source "S" dated 2024-03-19
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}}
"""


@dataclass
class Recipe:
    """A generated contract and the (code, message fragment) pairs it must produce, nothing else."""

    lines: list[str] = field(default_factory=list)
    expected: list[tuple[str, str]] = field(default_factory=list)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


@st.composite
def weekly_window(draw: st.DrawFn) -> tuple[list[str], set[int]]:
    """Statements of a window and the minutes of the week it covers (0 = Monday 00:00)."""
    if draw(st.booleans()) and draw(st.booleans()):
        return ["always"], set(range(WEEK))
    statements, minutes = [], set()
    for _ in range(draw(st.integers(1, 3))):
        first, last = draw(st.integers(0, 6)), draw(st.integers(0, 6))
        days = [(first + i) % 7 for i in range((last - first) % 7 + 1)]
        start = draw(st.integers(0, 23 * 60 + 59))
        end = draw(st.integers(0, 24 * 60).filter(lambda e, s=start: e != s))
        # 21:00 to 06:00 runs past midnight; 00:00 to 24:00 is the whole day.
        length = end - start if end > start else end + 1440 - start
        for day in days:
            minutes |= {(day * 1440 + start + i) % WEEK for i in range(length)}
        statements.append(f"{DAYS[first]} to {DAYS[last]} {start // 60:02d}:{start % 60:02d} to "
                          f"{end // 60:02d}:{end % 60:02d}")
    return statements, minutes


def percent_text(hundredths: int) -> str:
    return f"{Decimal(hundredths) / 100}"


@st.composite
def contracts(draw: st.DrawFn) -> Recipe:
    recipe = Recipe()
    contract_id = draw(st.from_regex(r"[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,4}){0,2}", fullmatch=True))
    recipe.add(HEADER.format(id=contract_id))
    if contract_id in {"con", "prn", "aux", "nul", "runtime", "init"} or re.fullmatch(
            r"(com|lpt)\d", contract_id) or contract_id in KEYWORD_IDS:
        recipe.expected.append(("bad-contract-id", contract_id))

    # windows: the measured one, and one that may be excluded
    measured_stmts, measured = draw(weekly_window())
    excluded_stmts, excluded = draw(weekly_window())
    recipe.add("window mesure {", '    clause Z1 article "1"',
               *("    " + s for s in measured_stmts),
               "}", "window maintenance {", '    clause Z2 article "2"',
               *("    " + s for s in excluded_stmts), "    notice 48 hours", "}")

    # availability
    target = draw(st.integers(5000, 10000))
    exclude = draw(st.booleans())
    recipe.add("availability dispo {", '    clause Z3 article "3"',
               "    obligation of provider towards client, firm",
               f"    target at least {percent_text(target)} %", "    period calendar month",
               "    measured during mesure")
    if exclude:
        recipe.add("    exclude window maintenance", "    excluded time removed from measured time")
        if measured & excluded:
            recipe.expected.append(("measured-and-excluded", "window 'maintenance' is excluded"))
    recipe.add("    method outages", "}")

    # tiers over the whole 0-100 % domain, cut at random points
    cuts = sorted(draw(st.sets(st.integers(1, 9999), min_size=1, max_size=5)))
    texts = [percent_text(c) for c in cuts]
    tiers = [f"to {texts[0]} % excluded"]
    tiers += [f"from {a} % included to {b} % excluded" for a, b in itertools.pairwise(texts)]
    tiers.append(f"from {texts[-1]} % included")
    plant = draw(st.sampled_from(["none", "gap", "overlap"]))
    if plant == "gap":
        gone = draw(st.integers(0, len(tiers) - 1))
        low = "0 % ≤" if gone == 0 else f"{texts[gone - 1]} % ≤"
        high = "≤ 100 %" if gone == len(tiers) - 1 else f"< {texts[gone]} %"
        recipe.expected.append(("tier-gap", f"tiers leave {low} x {high} uncovered"))
        del tiers[gone]
    elif plant == "overlap":
        at = draw(st.integers(0, len(cuts) - 1))       # tier `at` ends where tier `at + 1` starts
        tiers[at] = tiers[at].removesuffix("excluded") + "included"
        recipe.expected.append(("tier-overlap", f"({texts[at]} % ≤ x ≤ {texts[at]} %)"))
    # One table gives days of service or money, never both (that is the error mixed-outcomes).
    amounts = draw(st.sampled_from([["2 days of service"],
                                    ["5 % of invoice", "100 EUR excl. tax"]]))
    outcomes = draw(st.lists(st.sampled_from(["none", *amounts, "unspecified"]),
                             min_size=len(tiers), max_size=len(tiers)))
    recipe.add("tiers penalites {", '    clause Z4 article "4"', "    not sole remedy",
               "    on unavailability of dispo",
               *(f"    {t}: {o}" for t, o in zip(tiers, outcomes, strict=True)),
               "    claim within 30 days after end of period", "    paid as credit note", "}")
    recipe.expected += [("unspecified", "the outcome of a tier")] * outcomes.count("unspecified")

    # deadlines and retention
    rules = draw(st.lists(st.tuples(st.integers(1, 500), st.sampled_from(
        ["minutes", "hours", "days", "weeks", "months"])), min_size=1, max_size=4))
    recipe.add("deadlines delais {", '    clause Z5 article "5"',
               "    obligation of provider towards client, firm",
               '    delays after fr "la demande" en "the request"',
               *(f'    action a{i} fr "action {i}" en "action {i}"' for i in range(len(rules))),
               *(f"    a{i} within {n} {unit}" for i, (n, unit) in enumerate(rules)), "}")
    kept = draw(st.sampled_from(["1 week", "5 days", "3 months", "10 years"]))
    hour = draw(st.integers(0, 23))
    recipe.add("retention sauvegardes {", '    clause Z6 article "6"',
               "    obligation of provider towards client, firm",
               f"    copy daily every day at {hour:02d}:00 kept {kept}", "    rpo 24 hours", "}")
    return recipe


KEYWORD_IDS = {"and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
               "elif", "else", "except", "finally", "for", "from", "global", "if",
               "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
               "return", "try", "while", "with", "yield"}


@share(0.4)
@given(recipe=contracts())
def test_generated_contracts_check_as_predicted(recipe: Recipe, check_spans: CheckSpans) -> None:
    contract, diagnostics, text = compile_text(recipe.text.encode(), "generated.sla")
    assert contract is not None, [d.message("en") for d in diagnostics]
    check_spans(diagnostics, text, "generated.sla")
    found = sorted((d.code, d.message("en")) for d in diagnostics)
    assert sorted(code for code, _ in found) == sorted(code for code, _ in recipe.expected), found
    for code, fragment in recipe.expected:
        assert any(c == code and fragment in m for c, m in found), (code, fragment, found)


# --------------------------------------------------------------------------- 3. the CLI

@pytest.mark.slow   # `python -m slac check` in two subprocesses
def test_cli_on_mutated_files_has_no_traceback(tmp_path: Path) -> None:
    rng = random.Random(7)
    for n in range(8):
        data = rng.choice(list(SOURCES.values()))
        at = rng.randrange(len(data))
        cut = data[:at] + rng.choice([b"", b"}", b"\xff", b" 9h30 ", b'"', b"{ {"]) + data[at + 30:]
        (tmp_path / f"mutant-{n}.sla").write_bytes(cut)
    for fmt in ("text", "json"):
        result = subprocess.run(
            [sys.executable, "-m", "slac", "check", "--format", fmt, "--lang", "fr", str(tmp_path)],
            cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
        assert "Traceback" not in result.stderr
        assert result.returncode in (0, 1), result.stderr


@pytest.mark.slow   # `python -m slac build` and `summary` in a subprocess per mutant
def test_build_and_summary_on_mutated_files_never_fail_internally(tmp_path: Path) -> None:
    """Whatever `slac check` accepts, `slac build` and `slac summary` handle: a mutated contract
    (extreme numbers and dates among the mutations) gives exit 0, 1 or 2, never 3 (internal
    error), and no traceback."""
    rng = random.Random(11)
    names = sorted(SOURCES)
    for n in range(int(os.environ.get("SLAC_FUZZ_BUILDS", "12"))):
        data = SOURCES[names[n % len(names)]]
        for _ in range(rng.randint(1, 3)):
            spots = list(re.finditer(rb"\d{4}-\d{2}(-\d{2})?|\d+(\.\d+)?", data))
            found = rng.choice(spots)
            if found.group(0).count(b"-"):
                pool = [d for d in DATES if (len(d) == 7) == (len(found.group(0)) == 7)]
            else:
                pool = EXTREMES
            data = data[:found.start()] + rng.choice(pool) + data[found.end():]
        path = tmp_path / f"mutant-{n}.sla"
        path.write_bytes(data)
        for command in (["build", str(path), "--out", str(tmp_path / f"out-{n}")],
                        ["summary", str(path)]):
            result = subprocess.run([sys.executable, "-m", "slac", *command, "--lang", "en"],
                                    cwd=ROOT, capture_output=True, text=True, check=False,
                                    timeout=300)
            assert "Traceback" not in result.stderr, result.stderr[-2000:]
            assert result.returncode in (0, 1, 2), (command[0], n, result.stderr[-2000:])
