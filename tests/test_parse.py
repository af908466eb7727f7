"""The syntax tree as written: values read from their tokens, and every node's span running from
its first keyword to its last token (columns counted by hand below)."""

from __future__ import annotations

from slac import ast
from slac.parse import parse

SOURCE = (
    'contract "c-1" {\n'
    "    languages fr, en\n"
    "}\n"
    "\n"
    "window maintenance {\n"
    "    monday to friday 09:00 to 18:00\n"
    '    label fr "a \\"b\\"" en "c"\n'
    "}\n"
)


def span(line: int, column: int, end_line: int, end_column: int) -> ast.Span:
    return ast.Span("t.sla", line, column, end_line, end_column)


def test_nodes_and_spans_as_written() -> None:
    module = parse(SOURCE, "t.sla")

    # `languages fr, en`: keyword at column 5, `fr` at 15-16, `,` at 17, `en` at 19-20.
    languages = ast.Languages(span(2, 5, 2, 21), (ast.Name("fr", span(2, 15, 2, 17)),
                                                  ast.Name("en", span(2, 19, 2, 21))))
    # `monday` 5-10, `friday` 15-20, `09:00` 22-26, `18:00` 31-35.
    weekly = ast.Stmt("weekly", (
        ast.DaySpan(span(6, 5, 6, 21), ast.Day(0, span(6, 5, 6, 11)),
                    ast.Day(4, span(6, 15, 6, 21))),
        ast.TimeRange(span(6, 22, 6, 36), ast.Time(9 * 60, "09:00", span(6, 22, 6, 27)),
                      ast.Time(18 * 60, "18:00", span(6, 31, 6, 36))),
    ), span(6, 5, 6, 36))
    # `label` 5-9, `"a \"b\""` 14-22 (nine characters), `"c"` 27-29.
    label = ast.Label(span(7, 5, 7, 30), ast.Str('a "b"', span(7, 14, 7, 23)),
                      ast.Str("c", span(7, 27, 7, 30)))
    window = ast.Block("window", ast.Name("maintenance", span(5, 8, 5, 19)), (weekly, label),
                       span(5, 1, 8, 2))

    assert module == ast.Module("t.sla", ast.Str("c-1", span(1, 10, 1, 15)), (languages,),
                                (window,), span(1, 1, 8, 2))


def test_each_parse_names_its_own_file() -> None:
    first = parse(SOURCE, "a.sla")
    second = parse(SOURCE, "b.sla")
    assert (first.file, first.span.file, first.blocks[0].body[1].fr.span.file) == (
        "a.sla", "a.sla", "a.sla")
    assert (second.file, second.span.file, second.blocks[0].body[1].fr.span.file) == (
        "b.sla", "b.sla", "b.sla")
