"""The registry of clause kinds is complete: what `mypy --strict` cannot see, enumerated here.

Every kind in `slac.kinds.KINDS` must have its block rule in the grammar, a typed statement class
(or a word) for each of its grammar aliases, its summary phrases defined and used in both
languages, and a section of docs/language.md whose example builds, summary included.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from slac import ast, kinds
from slac.backends import pycode, python, summary
from slac.parse import parser
from slac.pipeline import compile_text

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
VALUE_RULES = {"start", "percent", "money_value", "duration", "duration_part", "business_part",
               "unspecified"}
"""Rules the parser turns into value nodes (parse.ToAst methods), not statements."""

HEADER = """contract "kind-demo" {
    title "Demo"
    provider "P"
    client "C"
    source "S" dated 2024-01-01
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}
"""


def _grammar_aliases() -> dict[str, str]:
    """Every grammar alias (or rule without alias) and the rule it belongs to."""
    found: dict[str, str] = {}
    for rule in parser().rules:
        if rule.options.expand1 and not rule.alias:   # `?rule`: inlined, never a node
            continue
        name = str(rule.alias or rule.origin.name)
        if not name.startswith("_"):                  # Lark's repetitions
            found[name] = str(rule.origin.name)
    return found


def test_every_kind_is_a_block_rule_of_the_grammar() -> None:
    rules = {str(rule.origin.name) for rule in parser().rules}
    for kind in kinds.KINDS:
        assert kind.keyword in rules, kind.keyword


def test_every_alias_of_the_grammar_has_a_typed_statement_or_is_a_word() -> None:
    typed = {cls.rule for cls in (*ast.SHARED, *kinds.statements())}
    words = set(kinds.words()) | set(ast.SHARED_WORDS)
    blocks = {kind.keyword for kind in kinds.KINDS}
    untyped = [alias for alias in _grammar_aliases()
               if alias not in typed | words | VALUE_RULES | blocks | {"item", "start"}]
    assert untyped == []


def test_statement_classes_are_unique() -> None:
    rules = [cls.rule for cls in (*ast.SHARED, *kinds.statements())]
    assert len(rules) == len(set(rules))
    assert set(rules).isdisjoint(kinds.words())


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.keyword)
def test_a_kind_whose_items_hold_examples_runs_them(kind: kinds.Kind[Any]) -> None:
    holds = "examples" in {f.name for f in dataclasses.fields(kind.item_type)}
    runs = type(kind).examples is not kinds.Kind.examples
    assert holds == runs, kind.keyword


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.keyword)
def test_phrases_are_used_and_defined(kind: kinds.Kind[Any]) -> None:
    used = set(re.findall(r"""say\(s, ["']([\w.-]+)["']""", kind.summary))
    assert used == set(kind.phrases), kind.keyword
    for key, phrase in kind.phrases.items():
        assert phrase.en.strip() and phrase.fr.strip(), (kind.keyword, key)


def _section(keyword: str) -> str:
    """The kind's section of docs/language.md: from `## N. `keyword`` to the next `## `."""
    match = re.search(rf"^## \d+\. `{keyword}`.*?(?=^## |\Z)", LANGUAGE,
                      flags=re.MULTILINE | re.DOTALL)
    assert match, f"docs/language.md has no section `## N. `{keyword}``"
    return match.group(0)


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.keyword)
def test_each_kind_is_documented_with_an_example_that_builds(kind: kinds.Kind[Any]) -> None:
    """At least one example of the kind's section checks without error and renders: its code,
    and its summaries, which name the kind in both languages."""
    blocks = [b for b in re.findall(r"```[a-z]*\n(.*?)```", _section(kind.keyword), re.DOTALL)
              if re.search(rf"^{kind.keyword} \w+ {{", b, flags=re.MULTILINE)]
    assert blocks, f"no example `{kind.keyword} NAME {{ … }}` in its section"
    problems = []
    for block in blocks:
        text = block if block.lstrip().startswith("contract ") else HEADER + "\n" + block
        contract, diagnostics, _ = compile_text(text.encode("utf-8"), "demo.sla")
        errors = [d.message("en") for d in diagnostics if d.severity == "error"]
        if errors or contract is None:
            problems.append(errors)
            continue
        assert any(kinds.of(i) is kind for i in contract.items)
        assert f"{contract.module}.py" in python.render(contract, pycode.HOLIDAY_YEARS)
        rendered = summary.render(contract)
        title = kind.names.title
        assert title is not None
        assert title.en in rendered[f"{contract.module}.en.md"]
        assert title.fr in rendered[f"{contract.module}.fr.md"]
        return
    raise AssertionError(f"no example of {kind.keyword} builds: {problems}")
