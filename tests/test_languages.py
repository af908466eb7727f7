"""Contracts in one language or two: what the checker asks, and how the documents in a language
the contract lacks show its words (quoted as written, tagged with their language)."""

from __future__ import annotations

from pathlib import Path

from slac.build import render_contracts
from slac.pipeline import compile_text

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_ONLY = (ROOT / "tests" / "fixtures" / "errors" / "check-languages-one.sla").read_bytes()


def documents(data: bytes) -> dict[str, str]:
    contract, diagnostics, _ = compile_text(data, "c.sla")
    assert contract is not None, [d.code for d in diagnostics]
    return render_contracts([contract])


def test_an_english_only_contract_is_quoted_in_french_with_its_words_tagged() -> None:
    files = documents(ENGLISH_ONLY)
    french, english = files["demo.fr.md"], files["demo.en.md"]
    assert "Le contrat n’est rédigé qu’en anglais" in french
    assert "## 1. Compute monthly uptime \\[en\\]" in french         # the label, not translated
    assert "Credits are described elsewhere. \\[en\\]" in french      # the English note
    # The English document quotes the contract in its own language: nothing to tag.
    assert "[en]" not in english.replace("\\", "") and "written in" not in english
    assert "## 1. Compute monthly uptime\n" in english


def test_a_bilingual_contract_tags_nothing() -> None:
    contracts = sorted((ROOT / "contracts").glob("*.sla"))
    for path in contracts:
        files = documents(path.read_bytes())
        for name, text in files.items():
            if name.endswith(".md"):
                assert "\\[en\\]" not in text and "\\[fr\\]" not in text, (path.name, name)


def test_generated_docstrings_quote_words_not_objects() -> None:
    """A text of the author's appears in a docstring as its words, never as `Text(fr=…)`."""
    for path in sorted((ROOT / "contracts").glob("*.sla")):
        for name, text in documents(path.read_bytes()).items():
            assert "Text(" not in text, (path.name, name)
