"""Hostile strings, item names and contract ids, through `python -m slac build`.

Each case is either refused with a located diagnostic (exit 1, no traceback, nothing written) or
built, and then the output is inert and exact:

- importing the generated module and calling its functions runs nothing (no `PWNED` file appears);
- the module's string constants equal the contract's text, character for character;
- the HTML sheet shows the text escaped, the Markdown summaries show it inert, and a template
  expression such as `{{ 7*7 }}` is never evaluated;
- every file written is inside `--out`, under an importable module name.

The hostile strings are in tests/data/hostile/: the smallest real contract (contracts/cegid-api.sla)
plus one window, with one payload in every text (title, parties, source, articles, labels, notes,
actions, `after` events, the window's `except`). Each file says on its second line what the
compiler must do: `# expect: built`, or `# expect: error CODE LINE[:COLUMN]` (`*`: any code).
The payloads are also written below as Python text, by hand, so the expected constants do not
come from the compiler.
"""

from __future__ import annotations

import json
import keyword
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow   # every case runs `python -m slac build` in a subprocess

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "hostile"
BASE = ROOT / "contracts" / "cegid-api.sla"
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}

# The decoded text of each corpus file's payload (what the contract says, after `\"` and `\\`).
PAYLOADS = {
    "quotes": 'He said "stop" """ \'\'\' it\'s "" \' "',
    "backslashes": "C:\\new\\table \\\\server\\share \\N{BULLET} ends with \\",
    "templates": ("zz{{ 7*7 }}zz {% raw %}{% endraw %} {# c #} {0} %(x)s %s ${HOME} "
                  "$(touch PWNED) `touch PWNED`"),
    "markup": ('<script>alert(1)</script> </textarea> ]]> <!-- x --> <b onclick="x">b</b> '
               "&amp; &lt; <svg onload=alert(1)> # h *e* _u_ [l](javascript:x) | - `"),
    "python": ("__import__('os').system('touch PWNED') \"); __import__('os').system('touch PWNED');"
               ' (" """; __import__(\'os\').system(\'touch PWNED\'); """ # x'),
    "unicode": ("abc\u202edef \u2066iso\u2069 \u2028line\u2029para \u200bzero\ufeffbom \x85nel "
                "\x1b[31mred\x1b[0m \x7fdel é 中文 🙂"),
    "carriage-return": "one\rimport os; os.system('touch PWNED')\r# two\x0bthree\x0cfour",
    "nul": "before\x00after",
}
# Raw markup that must never reach the HTML sheet, or the Markdown summaries (nor a live link).
RAW_HTML = ("<script", "</textarea", "]]>", "<!--", "<b onclick", "<svg onload")
RAW_MARKDOWN = (*RAW_HTML, "[l](javascript")
# Bidirectional controls (CVE-2021-42574, "Trojan Source"): in source code they make the text
# shown differ from the code that runs.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def sla_string(text: str) -> str:
    """`text` as a quoted .sla string: the language's two escapes, `\\"` and `\\\\`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def squash(text: str) -> str:
    """Text without any whitespace: docstrings wrap lines, and the comparison must not care."""
    return "".join(text.split())


@dataclass
class Built:
    """A build run in `site` (its working folder), from site/src into site/out."""

    site: Path
    result: subprocess.CompletedProcess[str]
    written_outside: set[str]
    lock: str               # where the build's lock file is, relative to the listed folder

    @property
    def out(self) -> Path:
        return self.site / "out"

    def text(self, name: str) -> str:
        return (self.out / name).read_text(encoding="utf-8")


# The build's lock file beside --out, left there: test_atomic.py asks for it to be gone.
LOCK_BESIDE_OUT = ".out.lock"


def listing(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def build(root: Path, sources: dict[str, bytes], *, site: str = "site") -> Built:
    """Write `sources` into <root>/<site>/src, run `python -m slac build src --out out` in
    <root>/<site>, and list what it wrote anywhere under `root` outside `out`."""
    folder = root / site
    (folder / "src").mkdir(parents=True)
    for name, data in sources.items():
        (folder / "src" / name).write_bytes(data)
    before = listing(root)
    result = subprocess.run(
        [sys.executable, "-m", "slac", "build", "src", "--out", "out", "--lang", "en",
         "--format", "json"], cwd=folder, env=ENV, capture_output=True, text=True, check=False,
        timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    out = f"{site}/out"
    outside = {p for p in listing(root) - before if p != out and not p.startswith(f"{out}/")}
    return Built(folder, result, outside, f"{site}/{LOCK_BESIDE_OUT}")


def errors(built: Built) -> list[tuple[str, int, int]]:
    """(code, line, column) of each error of a `--format json` build."""
    return [(d["code"], d["line"], d["column"]) for d in json.loads(built.result.stdout)
            if d["severity"] == "error"]


def assert_refused(built: Built) -> None:
    """Exit 1 and nothing written anywhere."""
    assert built.result.returncode == 1, built.result.stderr
    assert not built.out.exists()
    assert not built.written_outside, built.written_outside


# --------------------------------------------------------------------------- the probe

PROBE = r"""
import importlib, json, sys
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

m = importlib.import_module("out." + sys.argv[1])
paris = ZoneInfo("Europe/Paris")
thursday = datetime(2024, 5, 2, 10, 0, tzinfo=paris)
values = {name: getattr(m, name) for name in ("CONTRACT_ID", "SOURCE_FILE", "ZONE")}
values["HOLIDAY_YEARS"] = repr(m.HOLIDAY_YEARS)
values["doc"] = m.__doc__
if hasattr(m, "LITIGES_ACTIONS"):
    values["meeting"] = list(m.LITIGES_ACTIONS["meeting"])
    values["due_doc"] = m.litiges_due.__doc__
    values["calls"] = [
        m.litiges_due("meeting", thursday).isoformat(),
        m.litiges_earliest("court", thursday).isoformat(),
        m.securite_due("report_breach", thursday).isoformat(),
        str(m.responsabilite_capped_liability(Decimal("1500"), Decimal("200"))),
        m.confidentialite_survival_end(date(2024, 12, 31)).isoformat(),
    ]
if hasattr(m, "payload_window_contains"):
    values["window_doc"] = m.payload_window_contains.__doc__
    values["window_calls"] = [
        m.payload_window_contains(datetime(2024, 5, 6, 9, 30, tzinfo=paris)),
        m.payload_window_contains(datetime(2024, 5, 6, 10, 0, tzinfo=paris)),
    ]
print(json.dumps(values))
"""

# Hand-computed from cegid-api.sla and the added window, for an event on Thursday 2 May 2024 at
# 10:00 in Paris: meeting within 15 days and court not before 15 days → 17 May 10:00; a breach is
# reported immediately → the event itself; cap 1000 EUR with 200 already paid: 1500 claimed →
# 800.00; obligations survive 5 years after 31 December 2024 → 31 December 2029; the window is
# Monday 09:00 to 10:00: Monday 6 May 09:30 is inside, 10:00 is not.
CALLS = ["2024-05-17T10:00:00+02:00", "2024-05-17T10:00:00+02:00", "2024-05-02T10:00:00+02:00",
         "800.00", "2029-12-31"]
WINDOW_CALLS = [True, False]


def probe(built: Built, module: str) -> dict[str, object]:
    """Import the module and call its functions in a separate process, in the build's folder."""
    result = subprocess.run([sys.executable, "-c", PROBE, module], cwd=built.site, env=ENV,
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    values: dict[str, object] = json.loads(result.stdout)
    return values


def assert_inert(built: Built, tmp_path: Path) -> None:
    """Nothing ran (no PWNED), nothing was written outside --out, no template was evaluated."""
    assert list(tmp_path.rglob("PWNED")) == []
    assert built.written_outside <= {built.lock}, built.written_outside
    for path in built.out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"zz49zz" not in data, path.name
            if path.suffix == ".py":
                assert b"\r" not in data, f"{path.name}: a raw carriage return ends a line"


# --------------------------------------------------------------------------- the corpus

@dataclass(frozen=True)
class Expect:
    built: bool
    code: str = "*"
    line: int = 0
    column: int | None = None


def expectation(path: Path) -> Expect:
    line = path.read_bytes().split(b"\n")[1].decode("utf-8")
    if line == "# expect: built":
        return Expect(built=True)
    match = re.fullmatch(r"# expect: error (\S+) (\d+)(?::(\d+))?", line)
    assert match, f"{path.name}: second line must be '# expect: …', not {line!r}"
    column = int(match.group(3)) if match.group(3) else None
    return Expect(False, match.group(1), int(match.group(2)), column)


CASES = sorted(CORPUS.glob("*.sla"))
# Known bugs of the compiler: the case stays, marked, until the fix lands.
KNOWN: dict[str, str] = {}


def corpus_params() -> list[object]:
    return [pytest.param(p, id=p.stem, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[p.stem])]
                         if p.stem in KNOWN else []) for p in CASES]


def test_the_corpus_holds_the_payloads() -> None:
    assert {p.stem for p in CASES} == {*PAYLOADS, "escapes"}
    for stem, payload in PAYLOADS.items():
        data = (CORPUS / f"{stem}.sla").read_bytes().decode("utf-8")
        title = data.split("\n")[3]
        assert title == f"    title {sla_string(payload)}", stem
        # 13 texts of cegid-api, 4 of the window
        assert data.count(sla_string(payload)) == 17, stem


@pytest.mark.parametrize("path", corpus_params())
def test_hostile_strings(path: Path, tmp_path: Path) -> None:
    expect = expectation(path)
    built = build(tmp_path, {path.name: path.read_bytes()})
    if not expect.built:
        assert_refused(built)
        found = [(c, line, col) for c, line, col in errors(built)
                 if expect.code in ("*", c) and line == expect.line
                 and expect.column in (None, col)]
        assert found, errors(built)
        return
    assert built.result.returncode == 0, built.result.stderr
    assert_inert(built, tmp_path)
    payload = PAYLOADS[path.stem]
    values = probe(built, "cegid_api")
    assert list(tmp_path.rglob("PWNED")) == []
    assert values["CONTRACT_ID"] == "cegid-api"
    assert values["SOURCE_FILE"] == f"src/{path.name}"
    assert values["meeting"] == [payload, payload]
    assert values["calls"] == CALLS
    assert values["window_calls"] == WINDOW_CALLS
    assert squash(str(values["doc"])).startswith(squash(payload) + ".")
    assert squash(payload) in squash(str(values["due_doc"]))
    assert squash(f"« {payload} » (fr); “{payload}” (en).") in squash(str(values["window_doc"]))
    html = built.text("cegid_api.html")
    markdown = built.text("cegid_api.fr.md") + built.text("cegid_api.en.md")
    for raw in RAW_HTML:
        assert raw not in html, raw
    for raw in RAW_MARKDOWN:   # a backslash before it makes it text (CommonMark escapes)
        assert not re.search(r"(?<!\\)" + re.escape(raw), markdown), raw
    assert "\r" not in markdown


def test_markup_is_shown_escaped(tmp_path: Path) -> None:
    built = build(tmp_path, {"markup.sla": (CORPUS / "markup.sla").read_bytes()})
    assert built.result.returncode == 0, built.result.stderr
    html = built.text("cegid_api.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/textarea&gt; ]]&gt;" in html
    for lang in ("fr", "en"):
        markdown = built.text(f"cegid_api.{lang}.md")
        assert "\\<script>alert(1)\\</script> \\</textarea> \\]\\]> \\<!-- x -->" in markdown
        assert "\\&amp; \\&lt;" in markdown   # entities stay text, as written
        assert "\\# h \\*e\\* \\_u\\_ \\[l\\](javascript:x) \\| - \\`" in markdown


def test_template_syntax_is_kept_as_text(tmp_path: Path) -> None:
    built = build(tmp_path, {"templates.sla": (CORPUS / "templates.sla").read_bytes()})
    assert built.result.returncode == 0, built.result.stderr
    assert "zz{{ 7*7 }}zz {% raw %}{% endraw %} {# c #} {0} %(x)s" in built.text("cegid_api.html")
    assert "zz{{ 7\\*7 }}zz" in built.text("cegid_api.en.md")
    assert '"zz{{ 7*7 }}zz {% raw %}{% endraw %}' in built.text("cegid_api.py")


def test_generated_python_shows_no_raw_bidirectional_control(tmp_path: Path) -> None:
    built = build(tmp_path, {"unicode.sla": (CORPUS / "unicode.sla").read_bytes()})
    assert built.result.returncode == 0, built.result.stderr
    for path in built.out.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        shown = sorted({f"U+{ord(c):04X}" for c in text if c in BIDI})
        assert not shown, f"{path.name}: {shown}"


def test_a_100000_character_string(tmp_path: Path) -> None:
    long = "a" * 50_000 + " " + "b" * 49_999
    assert len(long) == 100_000
    text = BASE.read_text(encoding="utf-8").replace('"réunion de concertation"', sla_string(long))
    text = text.replace('"pre-litigation meeting"', sla_string(long))
    text = text.replace('"Cegid — Conditions d\'utilisation des API"', sla_string(long))
    built = build(tmp_path, {"long.sla": text.encode()})
    assert built.result.returncode == 0, built.result.stderr
    assert_inert(built, tmp_path)
    values = probe(built, "cegid_api")
    assert values["meeting"] == [long, long]
    assert squash(str(values["doc"])).startswith(squash(long) + ".")
    assert "a" * 50_000 + " " + "b" * 49_999 in built.text("cegid_api.html")


def test_a_long_word_of_backslashes_and_quotes(tmp_path: Path) -> None:
    """No space to wrap at: 151 backslashes, 41 triple quotes, then letters."""
    word = "\\" * 151 + '"""' * 41 + "é" * 10
    text = BASE.read_text(encoding="utf-8").replace('"réunion de concertation"', sla_string(word))
    text = text.replace('"Cegid — Conditions d\'utilisation des API"', sla_string(word))
    built = build(tmp_path, {"word.sla": text.encode()})
    assert built.result.returncode == 0, built.result.stderr
    assert_inert(built, tmp_path)
    values = probe(built, "cegid_api")
    assert values["meeting"] == [word, "pre-litigation meeting"]
    assert squash(str(values["doc"])).startswith(squash(word) + ".")


# --------------------------------------------------------------------------- item names

def with_windows(*names: str) -> bytes:
    windows = "".join(f"\nwindow {n} {{\n    clause W{i + 1} article \"x\"\n"
                      f"    monday 09:00 to 10:00\n}}\n" for i, n in enumerate(names))
    return (BASE.read_text(encoding="utf-8") + windows).encode()


def test_item_names_that_are_python_words(tmp_path: Path) -> None:
    names = ("class", "__import__", "_", "None", "True", "os", "Decimal", "datetime", "_choice",
             "_local", "annotations", "match", "type", "__init__", "runtime", "self")
    built = build(tmp_path, {"names.sla": with_windows(*names)})
    assert built.result.returncode == 0, built.result.stderr
    assert_inert(built, tmp_path)
    values = probe(built, "cegid_api")
    assert (values["CONTRACT_ID"], values["ZONE"]) == ("cegid-api", "Europe/Paris")


def test_item_names_of_module_constants(tmp_path: Path) -> None:
    built = build(tmp_path, {"names.sla": with_windows("zone", "contract_id", "source_file",
                                                       "holiday_years")})
    assert built.result.returncode == 0, built.result.stderr
    values = probe(built, "cegid_api")
    assert values["CONTRACT_ID"] == "cegid-api"
    assert values["SOURCE_FILE"] == "src/names.sla"
    assert values["ZONE"] == "Europe/Paris"
    assert values["HOLIDAY_YEARS"].startswith("range(")   # type: ignore[union-attr]


@pytest.mark.parametrize("names", [
    ("litiges_actions",),                                 # LITIGES_ACTIONS of deadlines litiges
    ("import", "__import__"),                             # both IMPORT
    ("decimal", "Decimal"),                               # one name to the checker already
], ids="+".join)
def test_item_names_whose_generated_names_collide(names: tuple[str, ...], tmp_path: Path) -> None:
    """Refused at the window with a diagnostic, or built with every constant intact."""
    built = build(tmp_path, {"names.sla": with_windows(*names)})
    if built.result.returncode == 1:
        assert_refused(built)
        assert any(line > 45 for _, line, _ in errors(built)), errors(built)   # at a window
        return
    assert built.result.returncode == 0, built.result.stderr
    assert_inert(built, tmp_path)
    values = probe(built, "cegid_api")
    assert values["meeting"] == ["réunion de concertation", "pre-litigation meeting"]


# --------------------------------------------------------------------------- contract ids

IDS = ["../../x", "/etc/passwd", "con", "NUL", "nul", "aux", "com1", "lpt9", "a/b", "a\\b", "..",
       ".", "", "two words", "x" * 300, "x" * 64, "x" * 65, "class", "import", "match", "none",
       "async", "runtime", "__init__", "init", "a-b", "a_b", "x-", "-x", "a--b", "é", "Teogest",
       "datetime", "os", "slac", "generated", "runtime-x", "__pycache__", "a\tb", "a.b", "a:b"]


def with_id(cid: str) -> bytes:
    text = BASE.read_text(encoding="utf-8")
    return text.replace('contract "cegid-api"', f"contract {sla_string(cid)}").encode()


@pytest.fixture(scope="module")
def checked_ids(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, int, int]]]:
    """The errors of each id, from one `slac check` of one file per id."""
    folder = tmp_path_factory.mktemp("ids")
    for n, cid in enumerate(IDS):
        (folder / f"{n:02d}.sla").write_bytes(with_id(cid))
    result = subprocess.run([sys.executable, "-m", "slac", "check", "--format", "json", "."],
                            cwd=folder, env=ENV, capture_output=True, text=True, check=False,
                            timeout=120)
    assert "Traceback" not in result.stderr
    found: dict[str, list[tuple[str, int, int]]] = {cid: [] for cid in IDS}
    for d in json.loads(result.stdout):
        if d["severity"] == "error":
            found[IDS[int(Path(d["file"]).stem)]].append((d["code"], d["line"], d["column"]))
    return found


def test_refused_ids_are_located_and_write_nothing(
        checked_ids: dict[str, list[tuple[str, int, int]]], tmp_path: Path) -> None:
    refused = [cid for cid in IDS if checked_ids[cid]]
    for cid in refused:
        # `contract ` is 9 characters: the id's quoted string starts at line 4 (after two lines
        # of comment and a blank line), column 10.
        assert ("bad-contract-id", 4, 10) in checked_ids[cid], (cid, checked_ids[cid])
    built = build(tmp_path, {f"{n:02d}.sla": with_id(cid) for n, cid in enumerate(refused)},
                  site="deep/er/site")
    assert_refused(built)
    assert not Path("/etc/passwd.py").exists()


@pytest.mark.parametrize("cid", IDS, ids=[repr(cid[:20]) for cid in IDS])
def test_contract_ids(cid: str, checked_ids: dict[str, list[tuple[str, int, int]]],
                      tmp_path: Path) -> None:
    """A refused id is tested above; an accepted one builds an importable module in --out."""
    if checked_ids[cid]:
        return
    built = build(tmp_path, {"x.sla": with_id(cid)}, site="deep/er/site")
    assert built.result.returncode == 0, built.result.stderr
    assert_inert(built, tmp_path)
    module = cid.replace("-", "_")
    assert module.isidentifier() and not keyword.iskeyword(module)
    assert module not in ("runtime", "__init__")
    names = {p.name.split(".", 1)[0] for p in built.out.iterdir()} - {"__init__", "runtime", ""}
    assert names == {module}
    values = probe(built, module)
    assert values["CONTRACT_ID"] == cid
    assert values["calls"] == CALLS


def test_two_ids_for_one_module_name(tmp_path: Path) -> None:
    built = build(tmp_path, {"a.sla": with_id("a-b"), "b.sla": with_id("a_b")})
    if built.result.returncode == 1:
        assert_refused(built)
        return
    assert built.result.returncode == 0, built.result.stderr
    modules = sorted(p.name for p in built.out.glob("*.py") if p.name != "__init__.py")
    assert len(modules) == 2 and len(set(modules)) == 2


# --------------------------------------------------------------------------- hostile --out

def build_into(site: Path, out: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "slac", "build", "src", "--out", out, "--lang", "en"],
        cwd=site, env=ENV, capture_output=True, text=True, check=False, timeout=120)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """<tmp>/work/site: sources in src/, a plain file, and a folder of the user's notes."""
    site = tmp_path / "work" / "site"
    (site / "src").mkdir(parents=True)
    shutil.copy(BASE, site / "src" / "cegid-api.sla")
    (site / "file").write_text("keep me\n")
    (site / "notes").mkdir()
    (site / "notes" / "todo.txt").write_text("mine\n")
    return site


def contents(folder: Path) -> dict[str, bytes | None]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in folder.rglob("*")}


@pytest.mark.parametrize("out", ["file", "file/out", "notes", "src", ".", ".."])
def test_out_is_never_something_slac_did_not_write(project: Path, tmp_path: Path,
                                                    out: str) -> None:
    """An --out that exists and is not a folder written by slac is refused (exit 2), untouched."""
    before = contents(tmp_path)
    result = build_into(project, out)
    assert "Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("slac: ")
    assert contents(tmp_path) == before


def test_out_written_by_slac_is_replaced(project: Path) -> None:
    assert build_into(project, "out").returncode == 0
    (project / "src" / "cegid-api.sla").write_bytes(with_id("other-id"))
    result = build_into(project, "out")
    assert result.returncode == 0, result.stderr
    assert (project / "out" / "other_id.py").is_file()
    assert not (project / "out" / "cegid_api.py").exists()
