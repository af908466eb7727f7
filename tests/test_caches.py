"""The user's cache of what slac derives from its own files (parse tables, compiled templates):
used only in a folder of the user's own that no one else may write in, and never a reason for a
build to fail or to differ."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import bc_magic
from lark import Lark
from slac import caches


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test chooses its folder; the choice is read anew."""
    caches.folder.cache_clear()
    caches.templates.cache_clear()
    yield
    monkeypatch.undo()
    caches.folder.cache_clear()
    caches.templates.cache_clear()


def test_the_folder_is_made_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLAC_CACHE_DIR", str(tmp_path / "cache"))
    found = caches.folder()
    assert found == tmp_path / "cache"
    assert found.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("case", ["off", "others may write", "a file"])
def test_no_cache_unless_the_folder_is_safe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            case: str) -> None:
    folder = tmp_path / "cache"
    if case == "others may write":
        folder.mkdir()
        os.chmod(folder, 0o777)
    elif case == "a file":
        folder.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SLAC_CACHE_DIR", "off" if case == "off" else str(folder))
    assert caches.folder() is None
    assert caches.templates("test") is None
    assert caches.parser_cache("ast") is False


def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"t": "{{ 6 * 7 }} {{ word }}"}),
                              bytecode_cache=caches.templates("test"))


def test_a_damaged_template_entry_is_compiled_anew(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLAC_CACHE_DIR", str(tmp_path / "cache"))
    assert environment().get_template("t").render(word="a") == "42 a"
    entries = list((tmp_path / "cache" / "templates-test").iterdir())
    assert entries   # the compiled template was kept
    for entry in entries:   # the right header, then no pickle at all
        entry.write_bytes(entry.read_bytes()[:len(bc_magic)] + b"garbage")
    assert environment().get_template("t").render(word="b") == "42 b"


def test_an_entry_that_cannot_be_written_is_skipped(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLAC_CACHE_DIR", str(tmp_path / "cache"))
    assert caches.templates("test") is not None
    templates = tmp_path / "cache" / "templates-test"
    templates.rmdir()
    templates.write_text("a file where the folder was", encoding="utf-8")
    assert environment().get_template("t").render(word="c") == "42 c"


def test_a_damaged_parser_entry_is_made_anew(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLAC_CACHE_DIR", str(tmp_path / "cache"))
    grammar = 'start: "a"+'
    Lark(grammar, parser="lalr", cache=caches.parser_cache("test")).parse("aaa")
    entry = tmp_path / "cache" / "test.lark-cache"
    assert entry.is_file()
    entry.write_bytes(b"garbage")
    tree = Lark(grammar, parser="lalr", cache=caches.parser_cache("test")).parse("aa")
    assert tree.data == "start"


def test_markdown_and_html_templates_are_cached_apart(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Jinja keys a cached template by its name and text: the HTML summaries, which escape,
    must never run the code compiled for the Markdown ones, which do not."""
    from slac.backends import summary
    from slac.pipeline import compile_paths

    [contract] = compile_paths([Path(__file__).parent.parent / "contracts" / "cegid-api.sla"]
                               ).contracts
    monkeypatch.setenv("SLAC_CACHE_DIR", "off")
    expected = summary.render(contract)
    caches.folder.cache_clear()
    monkeypatch.setenv("SLAC_CACHE_DIR", str(tmp_path / "cache"))
    for _ in range(2):   # the second time from the cache
        caches.templates.cache_clear()
        monkeypatch.setattr(summary, "_MARKDOWN", summary._environment(html=False))
        monkeypatch.setattr(summary, "_HTML", summary._environment(html=True))
        assert summary.render(contract) == expected
    assert {p.name for p in (tmp_path / "cache").iterdir()} >= {"templates-markdown",
                                                               "templates-html"}
