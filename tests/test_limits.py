"""The limits of docs/language.md ("Limits"): sources that are not regular files are refused
without being read (exit 2), and inputs at each documented size limit build, in time that grows
in proportion to their size (measured against the same run at a tenth of the size)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from slac.checking import LIMITS

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
HEADER = """contract "scale" {
    title "Scale"
    provider "Provider"
    client "Client"
    source "Nowhere" dated 2024-03-15
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}
"""


def slac(*args: str, cwd: Path = ROOT, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "slac", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, check=False, timeout=timeout)


# --------------------------------------------------------------------------- source entries

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.sla").write_bytes((ROOT / "contracts" / "cegid-api.sla").read_bytes())
    return src


def entry(folder: Path, kind: str) -> Path:
    path = folder / "x.sla"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "too-large":
        path.write_bytes(b"#" * (LIMITS.file_bytes + 1))
    return path


@pytest.mark.parametrize("kind", ["directory", "fifo", "dev-zero", "too-large"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_sources_that_are_not_regular_files_are_refused(folder: Path, kind: str, command: str,
                                                         tmp_path: Path) -> None:
    entry(folder, kind)
    out = ["--out", str(tmp_path / "out")] if command == "build" else []
    result = slac(command, str(folder), *out, "--lang", "en", timeout=30)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    code = "too-large-file" if kind == "too-large" else "not-a-file"
    assert "x.sla:1:1: error: " in result.stderr and f"[{code}]" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_summary_refuses_what_is_not_a_file(folder: Path, kind: str) -> None:
    # A folder named x.sla is a source entry, not a folder to search.
    result = slac("summary", str(entry(folder, kind)), "--lang", "en", timeout=30)
    assert result.returncode == 2 and "[not-a-file]" in result.stderr, result.stderr


# --------------------------------------------------------------------------- scale

def string_contract(chars: int) -> str:
    return (HEADER + 'window w {\n    clause W1 article "Art. 1"\n    note fr "' + "é" * chars
            + '" en "x"\n    monday 09:00 to 18:00\n}\n')


def windows_contract(count: int) -> str:
    """An availability that excludes `count - 2` windows, each a block of its own."""
    n = count - 2
    parts = [HEADER, "availability dispo {\n    clause A1 article \"A\"\n"
             "    obligation of provider towards client, firm\n    target at least 99 %\n"
             "    period calendar month\n    measured during ouvert\n    method outages\n"
             "    no remedy\n", *(f"    exclude window w{i}\n" for i in range(n)), "}\n",
             'window ouvert {\n    clause W0 article "A"\n    monday to friday 09:00 to 18:00\n}\n',
             *(f'window w{i} {{\n    clause W1 article "A"\n'
               "    saturday, sunday 00:00 to 24:00\n}\n" for i in range(n))]
    return "".join(parts)


def tiers_contract(count: int) -> str:
    """A tiers block of about `count` statements, covering 0-100 % without gap."""
    n = count - 6
    rows = []
    for i in range(n):
        low, high = i * 100_000 // n, (i + 1) * 100_000 // n
        start = "included" if i == 0 else "excluded"
        rows.append(f"    from {low / 1000:.3f} % {start} to {high / 1000:.3f} % included: "
                    f"{i % 90} % of invoice\n")
    return (HEADER + "availability dispo {\n    clause A1 article \"A\"\n"
            "    obligation of provider towards client, firm\n    target at least 99 %\n"
            "    period calendar month\n    measured all time\n    method outages\n}\n"
            "tiers t {\n    clause T1 article \"A\"\n    on unavailability of dispo\n"
            "    claim unspecified\n    paid as credit note\n" + "".join(rows) + "}\n")


def timed_build(tmp_path: Path, name: str, text: str) -> float:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    result = slac("build", str(src), "--out", str(tmp_path / f"out-{name}"), timeout=900)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    return elapsed


SCALES = {
    "string": (string_contract, LIMITS.string_chars),
    "items": (windows_contract, LIMITS.items // 5),
    "statements": (tiers_contract, LIMITS.statements // 5),
}


@pytest.mark.slow
@pytest.mark.parametrize("limit", sorted(SCALES))
def test_an_input_at_the_limit_builds_in_linear_time(limit: str, tmp_path: Path) -> None:
    """At the limit (items and statements: a fifth of it, which the build renders in tens of
    seconds), the build succeeds; ten times the input costs less than twenty times the time."""
    make, size = SCALES[limit]
    small = timed_build(tmp_path, "small.sla", make(max(size // 10, 10)))
    large = timed_build(tmp_path, "large.sla", make(size))
    assert large / small < 20, (small, large)


def test_an_input_beyond_the_limits_is_refused_located() -> None:
    from slac.pipeline import compile_text

    for text, line in ((string_contract(LIMITS.string_chars + 1), 12),
                       (tiers_contract(LIMITS.statements + 10), 19 + LIMITS.statements)):
        contract, diagnostics, _ = compile_text(text.encode(), "x.sla")
        found = [(d.code, d.span.line) for d in diagnostics if d.severity == "error"]
        assert found == [("too-large", line)], found[:3]
