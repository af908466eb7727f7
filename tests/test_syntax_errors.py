"""Syntax errors: each malformed file gives one located diagnostic, in the author's terms.

Driven by tests/fixtures/errors/syntax-*.sla (format in conftest.py); a few inputs that cannot carry
an `# expect:` comment (empty file, BOM on a valid file) are written here.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from slac.ast import Span
from slac.diagnostics import Diagnostic, render_text
from slac.messages import CATALOG, expected_tokens
from slac.pipeline import compile_text

if TYPE_CHECKING:
    from conftest import Case

CheckSpans = Callable[[Iterable[Diagnostic], str, str], None]
CONTRACTS = Path(__file__).resolve().parent.parent / "contracts"
ERRORS = Path(__file__).resolve().parent / "fixtures" / "errors"
HEADER = """contract "demo" {
    title "Demo"
    provider "P"
    client "C"
    source "S" dated 2024-03-19
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}
"""


def found(diagnostics: list[Diagnostic]) -> Counter[tuple[str, int, int]]:
    return Counter((d.code, d.span.line, d.span.column) for d in diagnostics)


def test_syntax_case(syntax_case: Case, check_spans: CheckSpans) -> None:
    contract, diagnostics, text = compile_text(syntax_case.data, syntax_case.path.name)
    assert contract is None
    assert found(diagnostics) == Counter(syntax_case.expected)
    assert len(diagnostics) == 1, "parsing stops at the first syntax error"
    for part, wanted in (("message", syntax_case.messages), ("help", syntax_case.helps)):
        texts = [getattr(d, part)("en") or "" for d in diagnostics]
        for fragment in wanted:
            assert any(fragment in t for t in texts), (fragment, texts)
    check_spans(diagnostics, text, syntax_case.path.name)
    assert all(d.severity == "error" for d in diagnostics)


# --------------------------------------------------------------------------- inputs without comment

@pytest.mark.parametrize("data", [b"", b"\n\n   \n", b"\t\r\n", b"\xef\xbb\xbf"],
                         ids=["empty", "blank-lines", "whitespace", "bom-only"])
def test_empty_file_says_there_is_no_contract(data: bytes, check_spans: CheckSpans) -> None:
    contract, diagnostics, text = compile_text(data, "empty.sla")
    assert contract is None
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("empty-file", 1, 1)]
    assert "contract" in (diagnostics[0].help("en") or "")
    check_spans(diagnostics, text, "empty.sla")


def test_bom_is_accepted() -> None:
    plain = (CONTRACTS / "teogest.sla").read_bytes()
    with_bom = b"\xef\xbb\xbf" + plain
    contract, diagnostics, _ = compile_text(with_bom, "teogest.sla")
    reference, reference_diagnostics, _ = compile_text(plain, "teogest.sla")
    assert contract is not None and reference is not None
    assert contract.id == "teogest"
    assert [(d.code, d.span) for d in diagnostics] == [
        (d.code, d.span) for d in reference_diagnostics]


def test_header_alone_is_a_valid_contract() -> None:
    contract, diagnostics, _ = compile_text(HEADER.encode(), "demo.sla")
    assert contract is not None and contract.items == ()
    assert diagnostics == []


# --------------------------------------------------------------------------- spans

def test_missing_unit_points_at_the_number_on_the_previous_line() -> None:
    body = "window w {\n    clause Z1 article \"x\"\n    always\n    notice 48\n}\n"
    _, diagnostics, _ = compile_text((HEADER + body).encode(), "demo.sla")
    [diagnostic] = diagnostics
    # Line 13 is "    notice 48": the number spans columns 12-13, the '}' is on line 14.
    assert diagnostic.code == "missing-unit"
    assert (diagnostic.span.line, diagnostic.span.column) == (13, 12)
    assert (diagnostic.span.end_line, diagnostic.span.end_column) == (13, 14)
    assert "'}'" in diagnostic.message("en")


def test_time_format_span_covers_the_whole_time() -> None:
    body = "window w {\n    clause Z1 article \"x\"\n    monday 9h30 to 18:00\n}\n"
    _, [diagnostic], _ = compile_text((HEADER + body).encode(), "demo.sla")
    assert diagnostic.code == "time-format"
    span = diagnostic.span
    assert (span.line, span.column, span.end_column) == (12, 12, 16)


def test_rendered_caret_sits_under_the_error() -> None:
    body = "money m {\n    clause Z1 article \"x\"\n    fee reset 35 € excl. tax\n}\n"
    _, [diagnostic], text = compile_text((HEADER + body).encode(), "demo.sla")
    rendered = render_text(diagnostic, text, "en").splitlines()
    assert rendered[0].startswith("demo.sla:12:18: error: ")
    source, caret = rendered[1], rendered[2]
    assert source.endswith("fee reset 35 € excl. tax")
    assert source[caret.index("^")] == "€"


def test_rendered_source_line_after_a_line_separator_in_a_comment() -> None:
    # Line 1 of the fixture holds a U+2028 and a form feed: lines are still counted at "\n" only.
    data = (ERRORS / "syntax-line-separator.sla").read_bytes()
    _, [diagnostic], text = compile_text(data, "separator.sla")
    assert diagnostic.span.line == 15
    rendered = render_text(diagnostic, text, "en").split("\n")
    assert rendered[1] == "  15 |     monday 9h30 to 18:00"
    assert rendered[2] == " " * (7 + 11) + "^~~~"   # the gutter "  15 | ", then column 12


def test_caret_after_line_breaking_characters_on_the_same_line() -> None:
    # A U+2028, a form feed and a tab before the error, on its own line: each is one column.
    body = 'window w {\n\tlabel fr "a\u2028b" en "c\fd" monday 9h30 to 18:00\n}\n'
    _, [diagnostic], text = compile_text((HEADER + body).encode(), "demo.sla")
    # "\tlabel fr " is 10 columns, then "a?b" en "c?d" and a space 15, "monday " 7: 9h30 at 33.
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == (
        "time-format", 11, 33)
    _, source, caret = render_text(diagnostic, text, "en").split("\n")[:3]
    assert source == '  11 |  label fr "a b" en "c d" monday 9h30 to 18:00'
    assert caret.index("^") == source.index("9h30")


# --------------------------------------------------------------------------- catalog

def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_every_code_has_french_and_english_text(code: str) -> None:
    entry = CATALOG[code]
    assert entry.message_en and entry.message_fr
    assert entry.message_en != entry.message_fr
    assert bool(entry.help_en) == bool(entry.help_fr)
    assert fields(entry.message_en) == fields(entry.message_fr)
    assert fields(entry.help_en) == fields(entry.help_fr)
    args = {name: "X" for name in fields(entry.message_en) | fields(entry.help_en)}
    diagnostic = Diagnostic(code, Span("x.sla", 1, 1, 1, 2), args)
    for lang in ("en", "fr"):
        for text in (diagnostic.message(lang), diagnostic.help(lang) or ""):
            assert not re.search(r"\{[a-z_]*\}", text), text   # every field was filled
    assert entry.severity in ("error", "warning", "note")


def test_every_code_the_compiler_emits_is_in_the_catalog() -> None:
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (CONTRACTS.parent / "compiler").glob("*.py"))
    emitted = set(re.findall(r'(?:report|Diagnostic)\(\s*"([a-z-]+)"', source))
    assert emitted, "the pattern no longer finds the codes"
    assert emitted <= set(CATALOG), emitted - set(CATALOG)


def test_expected_tokens_are_described_in_both_languages() -> None:
    # For compiler/parse.py: what a syntax error expects, keywords quoted, other tokens in words.
    wanted = expected_tokens(["$END", "AVAILABILITY", "DAY", "RBRACE"], more=True)
    assert wanted.en == "the end of file, 'availability', a weekday, '}', …"
    assert wanted.fr == "la fin du fichier, « availability », un jour de la semaine, « } », …"


def test_expected_keywords_are_named_as_written() -> None:
    # `month` is a keyword Lark names `__ANON_n` (it is also matched by unit patterns): the help
    # names it as the author writes it, in both languages and in JSON.
    body = 'availability a {\n    clause Z1 article "1"\n    period calendar\n}\n'
    _, [diagnostic], _ = compile_text((HEADER + body).encode(), "demo.sla")
    assert diagnostic.code == "unexpected-token"
    assert diagnostic.help("en") == "expected 'year', 'month', 'quarter'"
    assert "« month »" in (diagnostic.help("fr") or "")
    for lang in ("en", "fr"):
        assert "anon" not in (diagnostic.help(lang) or "").lower()
