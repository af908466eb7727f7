"""The A4 sheet as a reader gets it: each contract of contracts/ printed to PDF by headless
Chromium (/usr/bin/chromium, installed by .ci/run), then read back with pypdf.

What is checked on the printed pages, not on the HTML:
- the French part comes first, then the English part, each starting on a new page;
- page 1 holds the key-figures table: its heading and its first figures, computed from the
  model (the availability target, e.g. "99,8" for Teogest);
- every page carries the running header and the notice that the summary is not contractual;
- no page shows a file path (".sla", "contracts/");
- the "at a glance" part of each language takes at most 2 pages: the annex heading is on the
  part's first, second or third page;
- no half-empty pages: every page of a part but its last holds at least 1 200 characters.
  Measured on the five contracts (December 2026): full annex pages hold 4 400–4 800 characters,
  "at a glance" pages (tables) 1 550–2 700; the old layout (one row per item, rows kept whole)
  left pages 40–60 % blank, under 1 000 characters.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest
from slac.backends import glance, summary
from slac.backends.formatting import Formatter
from slac.kinds.availability import Availability
from slac.pipeline import compile_paths

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = sorted((ROOT / "contracts").glob("*.sla"))
NOTICE = {"fr": "Résumé non contractuel — seul le contrat signé fait foi",
          "en": "Non-contractual summary — the signed contract prevails"}
ANNEX = {lang: glance.word(lang, "annex") for lang in ("fr", "en")}
MIN_CHARS = 1200


def flat(text: str) -> str:
    """Text as compared: ligatures (ﬁ, ﬀ) undone, apostrophes straight, and no white space at all
    (PDF extraction breaks lines inside table cells)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).replace("’", "'"))


def print_pdf(html: Path, pdf: Path, profile: Path) -> None:
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
         "--no-pdf-header-footer", html.as_uri()],
        capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    assert pdf.exists(), result.stderr


def parts(pages: list[str]) -> dict[str, list[str]]:
    """The pages of each language, told apart by the notice in their margin."""
    found: dict[str, list[str]] = {"fr": [], "en": []}
    for text in pages:
        langs = [lang for lang, notice in NOTICE.items() if flat(notice) in flat(text)]
        assert len(langs) == 1, text[:300]
        found[langs[0]].append(text)
    return found


@pytest.mark.slow   # starts Chromium once per contract
@pytest.mark.parametrize("source", CONTRACTS, ids=[p.stem for p in CONTRACTS])
def test_printed_sheet(source: Path, tmp_path: Path) -> None:
    compiled = compile_paths([source])
    assert not compiled.has_errors, compiled.diagnostics
    contract = compiled.contracts[0]
    html = tmp_path / "sheet.html"
    html.write_text(summary.sheet_html(contract), encoding="utf-8")
    pdf = tmp_path / "sheet.pdf"
    print_pdf(html, pdf, tmp_path / "profile")
    pages = [page.extract_text() for page in pypdf.PdfReader(pdf).pages]

    by_lang = parts(pages)
    assert pages[0] in by_lang["fr"] and pages[-1] in by_lang["en"]
    assert pages[: len(by_lang["fr"])] == by_lang["fr"]      # French first, then English

    first = flat(pages[0])
    key = glance.glance(contract, "fr")
    assert flat(glance.word("fr", "key-figures")) in first
    assert flat(glance.word("fr", "glance")) in first
    if key.figures:
        assert flat(key.figures[0].figure) in first, key.figures[0]
    for availability in contract.of_type(Availability):
        assert flat(Formatter("fr").number(availability.target)) in first

    for lang, texts in by_lang.items():
        header = flat(glance.running_header(contract, lang))
        annex_page = next(i for i, text in enumerate(texts) if flat(ANNEX[lang]) in flat(text))
        assert annex_page <= 2, f"{lang}: the annex starts on page {annex_page + 1} of the part"
        for number, text in enumerate(texts, 1):
            assert header in flat(text), (lang, number)
            assert flat(NOTICE[lang]) in flat(text), (lang, number)
            assert ".sla" not in text and "contracts/" not in text, (lang, number)
            if number < len(texts):
                assert len(text) >= MIN_CHARS, f"{lang}: page {number} is half empty"

