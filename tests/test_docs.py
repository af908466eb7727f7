"""Every example of docs/language.md is checked, as the document says.

Each fenced block of the document is one of these, and any other fails the test:

- ```` ```sla ```` copied from a contract, with the caption "(`contracts/NAME.sla`…)" below it:
  each of its top-level parts (the header, each item, comments) must be in that contract as
  written (spaces aside), and the contract must check without errors;
- ```` ```sla ```` marked *Not from the contracts* in the paragraph just above it: checked on its
  own, with a minimal contract header (`HEADER` below) unless it has one; it must give no error.
  If it refers to an item of another example, its fence says so, e.g. ```` ```sla uses=portail ````
  (that example's block is then checked with it);
- ```` ``` ```` holding statements (lines of a block): each statement must be in one of the
  contracts as written (spaces aside), in the one the text around it names if it names one;
- ```` ``` ```` holding `slac check` output (`file:line:column: severity: …`): it must be part of
  what `slac check contracts/ --lang en` prints, from the repository root;
- ```` ``` ```` holding a command line `$ slac …`: it must exit 0;
- ```` ```text ````: notation of the grammar (`ACTION [for LEVEL] …`), not an example.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from slac.cli import cli
from slac.pipeline import compile_paths, compile_text

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "language.md"
CONTRACTS = ROOT / "contracts"
HEADER = """contract "exemple" {
    title "Exemple"
    provider "Prestataire"
    client "le Client"
    source "Conditions" dated 2024-03-19
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}
"""
DIAGNOSTIC = re.compile(r"[\w./-]+\.sla:\d+:\d+: (error|warning|note): ")
CAPTION = re.compile(r"\((?:from |lines from [^,]*, )?`(contracts/[\w/-]+\.sla)`")
ITEM = re.compile(r"^([a-z]+) (\w+) \{", re.MULTILINE)


@dataclass(frozen=True)
class Block:
    """One fenced block of the document."""

    line: int            # of the opening fence, from 1
    info: str            # what follows the ``` (`sla uses=portail`)
    text: str            # the lines inside, dedented to the fence's indentation
    before: str          # the paragraph (or line of a table or list) just above the fence
    after: str           # the closest non-blank line below the closing fence

    @property
    def language(self) -> str:
        return self.info.split()[0] if self.info else ""

    @property
    def uses(self) -> list[str]:
        return [name for word in self.info.split()[1:] if word.startswith("uses=")
                for name in word.removeprefix("uses=").split(",")]

    def __str__(self) -> str:
        return f"language.md:{self.line}"


def blocks() -> list[Block]:
    lines = DOC.read_text(encoding="utf-8").split("\n")
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = re.fullmatch(r"( *)```(.*)", lines[i])
        if not opening:
            i += 1
            continue
        indent = len(opening.group(1))
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        body = [line[indent:] if line[:indent].strip() == "" else line for line in lines[i + 1:end]]
        last = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), -1)
        first = next((j + 1 for j in range(last - 1, -1, -1) if not lines[j].strip()), 0)
        above = " ".join(line.strip() for line in lines[first:last + 1])
        below = next((lines[j] for j in range(end + 1, len(lines)) if lines[j].strip()), "")
        found.append(Block(i + 1, opening.group(2).strip(), "\n".join(body) + "\n",
                           above, below.strip()))
        i = end + 1
    return found


BLOCKS = blocks()


def squashed(text: str) -> str:
    return " ".join(text.split())


def kind(block: Block) -> str:
    """What the block is (see the module's docstring); the test fails on 'unclassified'."""
    first = block.text.lstrip("\n").split("\n", 1)[0]
    if block.language == "text":
        return "notation"
    if block.language == "sla":
        if CAPTION.match(block.after):
            return "copied"
        if "*Not from the contracts*" in block.before:
            return "invented"
        return "unclassified"
    if block.language:
        return "unclassified"
    if DIAGNOSTIC.match(first):
        return "output"
    if first.startswith("$ slac "):
        return "command"
    return "statements"


@contextmanager
def at_root() -> Iterator[None]:
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(here)


@cache
def contract_text(name: str) -> str:
    return squashed((ROOT / name).read_text(encoding="utf-8"))


@cache
def check_output() -> str:
    with at_root():
        result = CliRunner().invoke(cli, ["check", "contracts/", "--lang", "en"], prog_name="slac")
    assert result.exit_code == 0, result.output
    return result.stderr


def top_level_parts(text: str) -> list[str]:
    """The header, the items and the comments of a block, each as one piece of text."""
    parts: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if not line.startswith((" ", "}")) and current:
            parts.append("\n".join(current))
            current = []
        current.append(line)
    if current:
        parts.append("\n".join(current))
    return parts


def statements(text: str) -> list[str]:
    """The statements of a fragment: a line more indented than the first continues the previous."""
    lines = [line for line in text.split("\n") if line.strip()]
    base = min(len(line) - len(line.lstrip()) for line in lines)
    found: list[str] = []
    for line in lines:
        if len(line) - len(line.lstrip()) > base and found:
            found[-1] += " " + line.strip()
        else:
            found.append(line.strip())
    return found


def example_defining(name: str, before: int) -> Block:
    """The ```sla example above line `before` that defines the item `name`."""
    for block in reversed(BLOCKS):
        if block.line < before and block.language == "sla" and any(
                found == name for _, found in ITEM.findall(block.text)):
            return block
    raise AssertionError(f"no example above line {before} defines an item named {name!r}")


def test_every_block_is_classified() -> None:
    unclassified = [str(b) for b in BLOCKS if kind(b) == "unclassified"]
    assert not unclassified, ("blocks that are neither captioned with their contract nor marked "
                              f"*Not from the contracts*: {unclassified}")
    fences = DOC.read_text(encoding="utf-8").count("```sla")
    assert sum(kind(b) in ("copied", "invented") for b in BLOCKS) == fences


@pytest.mark.parametrize("block", [b for b in BLOCKS if kind(b) == "copied"], ids=str)
def test_copied_example_is_in_its_contract(block: Block) -> None:
    caption = CAPTION.match(block.after)
    assert caption is not None
    name = caption.group(1)
    whole = contract_text(name)
    for part in top_level_parts(block.text):
        assert squashed(part) in whole, f"not in {name} as written:\n{part}"
    with at_root():
        compiled = compile_paths([Path(name)])
    assert not compiled.has_errors, [d.code for d in compiled.diagnostics]


@pytest.mark.parametrize("block", [b for b in BLOCKS if kind(b) == "invented"], ids=str)
def test_invented_example_checks(block: Block) -> None:
    used = [example_defining(name, block.line).text for name in block.uses]
    header = "" if block.text.lstrip().startswith("contract ") else HEADER
    text = header + "".join(used) + block.text
    contract, diagnostics, _ = compile_text(text.encode("utf-8"), f"language.md:{block.line}")
    errors = [f"{d.span.line}:{d.span.column} {d.code}: {d.message('en')}"
              for d in diagnostics if d.severity == "error"]
    assert contract is not None and not errors, errors


@pytest.mark.parametrize("block", [b for b in BLOCKS if kind(b) == "statements"], ids=str)
def test_statements_are_copied_from_a_contract(block: Block) -> None:
    named = CAPTION.search(block.after) or re.search(r"`(contracts/[\w/-]+\.sla)`", block.before)
    sources = ([named.group(1)] if named else
               [p.relative_to(ROOT).as_posix() for p in sorted(CONTRACTS.glob("*.sla"))])
    for statement in statements(block.text):
        assert any(squashed(statement) in contract_text(s) for s in sources), (
            f"not in {' or '.join(sources)} as written: {statement}")


@pytest.mark.parametrize("block", [b for b in BLOCKS if kind(b) == "output"], ids=str)
def test_shown_output_is_what_slac_check_prints(block: Block) -> None:
    assert block.text in check_output()


@pytest.mark.parametrize("block", [b for b in BLOCKS if kind(b) == "command"], ids=str)
def test_shown_command_runs(block: Block) -> None:
    words = shlex.split(block.text.strip().removeprefix("$ "))
    assert words[0] == "slac"
    with at_root():
        result = CliRunner().invoke(cli, words[1:], prog_name="slac")
    assert result.exit_code == 0, result.output
