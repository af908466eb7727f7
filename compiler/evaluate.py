"""`slac eval`: one item of a checked contract, evaluated by its generated module on given inputs.

The inputs are a period (`2024-05`), named values (`--set name=value`, typed by the evaluator's
parameters) and records from CSV or JSON files. The item's kind writes the report
(`Kind.report`): availability and the tiers measured on it read outage, probe or error-rate
records; windows and calendars list what falls in the period. Every other item (deadlines,
retention, terms, money, notice tiers) calls each of its evaluators whose parameters are all
given, once per record (`evaluating.by_signature`). The result is plain data
(`Evaluation.data`, ready for JSON) and a readable report in French or English; what reports are
written with is in `evaluating.py`.
"""

from __future__ import annotations

import gc
import inspect
from types import ModuleType

from . import kinds, model
from .ast import Span
from .backends.python import evaluator_names, names_of
from .evaluating import (
    COMMAND_LINE,
    Data,
    EvalContext,
    EvalError,
    Evaluation,
    Request,
    by_signature,
)
from .inputs import MAX_RECORDS, Table, Value, error, read_table
from .wording import said

__all__ = ["COMMAND_LINE", "EvalError", "Evaluation", "Request", "command_line_text", "evaluate",
           "find_item", "parse_settings"]


# ------------------------------------------------------------------------------ finding the item

def find_item(contract: model.Contract, clause: str, lang: str = "en") -> model.Item:
    """The item named `clause`, or the item that best evaluates the clause id `clause`."""
    for item in contract.items:
        if item.name == clause:
            return item
    owners = [i for i in contract.items if any(c.id.lower() == clause.lower() for c in i.clauses)]
    if not owners:
        known = ", ".join(sorted({c.id for i in contract.items for c in i.clauses}))
        raise EvalError(said("eval.no-clause", contract=contract.id, clause=clause, clauses=known,
                             items=", ".join(i.name for i in contract.items)), lang, usage=True)
    rank = min(kinds.of(i).eval_rank for i in owners)
    best = [i for i in owners if kinds.of(i).eval_rank == rank]
    if len(best) > 1:
        names = ", ".join(f"{i.name} ({kinds.of(i).keyword})" for i in best)
        raise EvalError(said("eval.several-items", clause=clause, items=names), lang, usage=True)
    return best[0]


# ------------------------------------------------------------------------------------ evaluating

def evaluate(contract: model.Contract, module: ModuleType, request: Request,
             lang: str) -> Evaluation:
    """Evaluate the requested item; raises InputError (located) or EvalError (plain).

    The cyclic garbage collector is paused meanwhile: the records and the runtime objects made
    from them are all kept to the end, and collecting while they pile up made the time grow
    faster than their number (200,000 records: 16 s instead of 11 s)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _evaluate(contract, module, request, lang)
    finally:
        if collecting:
            gc.enable()


def _evaluate(contract: model.Contract, module: ModuleType, request: Request,
              lang: str) -> Evaluation:
    item = find_item(contract, request.clause, lang)
    tables: list[Table] = []
    for path in request.inputs:
        tables.append(read_table(path, MAX_RECORDS - sum(t.size for t in tables)))
    ctx = EvalContext(contract, module, request, tables, parse_settings(request.settings), lang,
                      names_of(contract), evaluator_names(contract))
    accepted = parameters(ctx, item)
    for name, value in ctx.settings.items():
        if name not in accepted:
            where = Span(COMMAND_LINE, value.span.line, 1, value.span.line, value.span.column - 1)
            raise error("input-unknown-name", where, name=name, item=item.name,
                        names=", ".join(sorted(accepted)))
    label = item.label.fr if item.label and lang == "fr" else item.label.en if item.label else ""
    header: Data = {
        "contract": contract.id, "item": item.name, "kind": kinds.of(item).keyword,
        "clauses": [{"id": c.id, "article": c.article} for c in item.clauses],
        "label": {"fr": item.label.fr, "en": item.label.en} if item.label else None,
        "period": str(request.period) if request.period else None,
    }
    clauses = ", ".join(f"{c.id} ({c.article})" for c in item.clauses)
    lines = [f"{contract.id} · {item.name}" + (f" — {label}" if label else ""),
             ctx.say("report.clauses", clauses=clauses) if clauses else ""]
    if request.period:
        lines.append(ctx.say("report.period", period=header["period"]))
    result = kinds.of(item).report(item, ctx)
    if result is None:
        result = by_signature(ctx, item)
    sources = (ctx.contract.item(n) for n in kinds.of(item).eval_sources(item))
    said_items = [item, *(s for s in sources if s is not None)]
    header["notes"], header["readings"] = [], []
    lines = [ln for ln in lines if ln] + result.lines
    for about in said_items:
        for field in ("notes", "readings"):
            for text in getattr(about, field):
                header[field].append({"item": about.name, "fr": text.fr, "en": text.en})
                words = text.fr if lang == "fr" else text.en
                key = f"report.{field[:-1]}" + ("" if about is item else "-of")
                lines.append(ctx.say(key, text=words, item=about.name))
    data = {**header, "result": result.data}
    if result.undecided:
        data["undecided"] = [{"en": p.en, "fr": p.fr} for p in result.undecided]
    return Evaluation(data, lines, result.undecided)


def parameters(ctx: EvalContext, item: model.Item) -> set[str]:
    """The names `--set` may give: the parameters of the evaluators of the item and of the items
    its kind's report also evaluates (`Kind.eval_sources`: tiers, the availability they are
    measured on), but those its kind's report gives itself (`Kind.report_gives`: the period)."""
    kind = kinds.of(item)
    names = [item.name, *kind.eval_sources(item)]
    functions = [getattr(ctx.module, f, None) for n in names for f in ctx.evaluators.get(n, [])]
    found = {p for f in functions if callable(f) for p in inspect.signature(f).parameters}
    return found - kind.report_gives


def parse_settings(settings: tuple[str, ...]) -> dict[str, Value]:
    """`name=value` pairs, each located in the command line for diagnostics."""
    found: dict[str, Value] = {}
    for index, setting in enumerate(settings, 1):
        name, equals, text = setting.partition("=")
        if not equals or not name.strip():
            raise error("input-setting", Span(COMMAND_LINE, index, 1, index, len(setting) + 1),
                        setting=setting)
        start = len(name) + 2
        where = Span(COMMAND_LINE, index, start, index, start + max(1, len(text)))
        found[name.strip().lower().replace("-", "_")] = Value(text.strip() or None, where)
    return found


def command_line_text(settings: tuple[str, ...]) -> str:
    """The `--set` values one per line: the 'source' diagnostics about them are shown against."""
    return "\n".join(settings)
