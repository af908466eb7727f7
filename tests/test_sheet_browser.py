"""The bilingual sheet as a browser builds it: headless Chromium's DOM has both columns and the picture.

Skipped when /usr/bin/chromium is not installed (`apt-get install chromium`).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from slac.backends import summary
from slac.pipeline import compile_paths

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow   # starts Chromium
@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed")
def test_chromium_renders_both_columns_and_the_week(tmp_path: Path) -> None:
    compiled = compile_paths([ROOT / "contracts" / "teogest.sla"])
    sheet = tmp_path / "teogest.html"
    sheet.write_text(summary.render(compiled.contracts[0])["teogest.html"], encoding="utf-8")
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--dump-dom", sheet.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    dom = result.stdout
    assert dom.count('<td lang="fr">') == dom.count('<td lang="en">') == 19
    assert "<svg" in dom and "</svg>" in dom
    assert "Disponibilité du service" in dom and "Service availability" in dom
    assert "<script" not in dom
