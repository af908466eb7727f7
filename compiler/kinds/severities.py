"""`severities NAME { level … }`: the severity levels that deadlines are set by."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .. import ast, model
from ..backends.pycode import (
    WIDTH,
    Ctx,
    Unit,
    camel,
    const,
    docstring,
    py_long_str,
    py_str,
    render_unit,
)
from ..checking import Checker
from ..evaluating import PERIOD_PARAMETERS, EvalContext, Evaluation
from ..messages import KindNames, Phrase
from .base import Kind


@dataclass(frozen=True)
class LevelStmt(ast.Statement):
    """`level critical fr "…" en "…"`."""

    rule: ClassVar[str] = "level"
    name: ast.Name
    text: ast.TextLit


# --------------------------------------------------------------------------- model

@dataclass(frozen=True)
class Level:
    name: str
    text: model.Text


@dataclass(frozen=True)
class Severities(model.ItemBase):
    levels: tuple[Level, ...]


SUMMARY = """
{%- macro summary(i, s) -%}
{% filter p %}{{ say(s, "levels", count=i.levels|length) }}{% endfilter %}
{% filter ul %}
{% for level in i.levels %}
{% filter li %}{{ s.text(level.text)|t }}{% endfilter %}
{% endfor %}
{% endfilter %}
{%- endmacro -%}
"""

PHRASES = {
    "levels": Phrase('The contract defines {{ s.f.counted(count, "level", "levels") }}:',
                     'Le contrat distingue {{ s.f.counted(count, "niveau", "niveaux") }} :'),
}


class SeveritiesKind(Kind[Severities]):
    keyword = "severities"
    legal_force = "none"
    statements = (LevelStmt,)
    item_type = Severities
    names = KindNames("severities", "l'échelle de gravité", "une échelle de gravité",
                      "aucune échelle de gravité nommée",
                      Phrase("Severity levels", "Niveaux de gravité"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 9
    report_gives = PERIOD_PARAMETERS

    def report(self, item: Severities, ctx: EvalContext) -> Evaluation:
        """The levels, described in the report's language."""
        if ctx.request.inputs:
            raise ctx.fail("eval.reads-no-records", item=item.name)
        levels = [{"name": level.name, "fr": level.text.fr, "en": level.text.en}
                  for level in item.levels]
        return Evaluation({"levels": levels},
                          [f"  {lv['name']}: {lv[ctx.lang]}" for lv in levels])

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Severities:
        levels: dict[str, Level] = {}
        first: dict[str, int] = {}
        for stmt in block.body:
            if not isinstance(stmt, LevelStmt):
                continue
            name = stmt.name.value
            if name in levels:
                c.report("duplicate-name", stmt.name.span, name=name, line=first[name])
                continue
            first[name] = stmt.span.line
            levels[name] = Level(name, c.text(stmt.text))
        if not levels:
            c.report("missing-statement", block.name.span, kind=self.names.the(),
                     name=block.name.value, what="level", example='level critical fr "…" en "…"')
        return Severities(levels=tuple(levels.values()), **base)

    def python_names(self, item: Severities, name: str) -> list[str]:
        return [f"{camel(name)}Level", f"{const(name)}_LEVELS"]

    def python(self, ctx: Ctx, item: Severities) -> list[Unit]:
        c = ctx.names.const(item.name)
        alone = len(ctx.contract.of_type(Severities)) == 1
        doc = docstring(f"Severity levels `{item.name}`: name -> (French, English) description.",
                        [*ctx.about(item), ctx.source(item.line)], indent="")
        levels = [(py_str(level.name), py_long_str(level.text.fr, " " * 8),
                   py_long_str(level.text.en, " " * 8)) for level in item.levels]
        alias = f"{camel(ctx.names.item(item.name))}Level"
        literal = f"Literal[{', '.join(py_str(level.name) for level in item.levels)}]"
        if len(alias) + len(literal) + 3 > WIDTH:
            literal = "Literal[\n" + "".join(f"    {py_str(level.name)},\n"
                                              for level in item.levels) + "]"
        return [render_unit("py_severities.j2", alias, alias=alias, literal=literal, c=c,
                            doc=doc, levels=levels, alone=alone,
                            alias_doc=docstring(f"Names of the severity levels of `{item.name}`.",
                                                [], indent=""))]
