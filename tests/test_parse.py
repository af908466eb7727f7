"""The syntax tree as written: values read from their tokens, and every node's span running from
its first keyword to its last token (columns counted by hand below)."""

from __future__ import annotations

from slac import ast
from slac.kinds.window import Weekly
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
    weekly = Weekly(
        span(6, 5, 6, 36),
        ast.DaySpan(span(6, 5, 6, 21), ast.Day(0, span(6, 5, 6, 11)),
                    ast.Day(4, span(6, 15, 6, 21))),
        (ast.TimeRange(span(6, 22, 6, 36), ast.Time(9 * 60, "09:00", span(6, 22, 6, 27)),
                       ast.Time(18 * 60, "18:00", span(6, 31, 6, 36))),),
    )
    # `label` 5-9, `fr` 11-12, `"a \"b\""` 14-22 (nine characters), `en` 24-25, `"c"` 27-29.
    label = ast.Label(span(7, 5, 7, 30), ast.TwoLanguages(
        span(7, 11, 7, 30), ast.Str('a "b"', span(7, 14, 7, 23)), ast.Str("c", span(7, 27, 7, 30))))
    window = ast.Block("window", ast.Name("maintenance", span(5, 8, 5, 19)), (weekly, label),
                       span(5, 1, 8, 2))

    assert module == ast.Module("t.sla", ast.Str("c-1", span(1, 10, 1, 15)), (languages,),
                                (window,), span(1, 1, 8, 2))


def test_each_parse_names_its_own_file() -> None:
    first = parse(SOURCE, "a.sla")
    second = parse(SOURCE, "b.sla")
    assert (first.file, first.span.file, first.blocks[0].body[1].text.fr.span.file) == (
        "a.sla", "a.sla", "a.sla")
    assert (second.file, second.span.file, second.blocks[0].body[1].text.fr.span.file) == (
        "b.sla", "b.sla", "b.sla")


def test_a_copy_finds_its_optional_day_and_time_by_type() -> None:
    """`copy NAME every F [on …] [at TIME] kept …`: the optional parts in the middle of the
    statement land in their own fields, None when left out."""
    from slac.kinds.retention import CopyStmt, OnDate, OnMonthDay, OnUnspecified, OnWeekday

    module = parse('contract "c-1" {\n}\n'
                   "retention r {\n"
                   "    copy a every month on day 3 at 01:00 kept 1 week\n"
                   "    copy b every week on unspecified kept unspecified\n"
                   "    copy c every day at 02:00 kept 2 days\n"
                   "    copy d every year on 31 december kept 10 years\n"
                   "    copy e every week on sunday kept 5 weeks\n"
                   "}\n", "t.sla")
    a, b, c, d, e = module.blocks[0].body
    assert all(isinstance(copy, CopyStmt) for copy in (a, b, c, d, e))
    assert (a.name.value, a.every.value) == ("a", "month")
    assert isinstance(a.on, OnMonthDay) and a.on.day.text == "3"
    assert a.on.span == span(4, 24, 4, 32)
    assert a.at == ast.Time(60, "01:00", span(4, 36, 4, 41))
    assert isinstance(a.kept, ast.DurationLit) and a.kept.parts == ((1, "week"),)
    # `on unspecified` (columns 23-36) and `kept unspecified` (a word at 43-53) stay apart.
    assert isinstance(b.on, OnUnspecified) and b.on.span == span(5, 23, 5, 37)
    assert b.at is None and b.kept == ast.Word("unspecified", span(5, 43, 5, 54))
    assert c.on is None and c.at is not None and c.at.minute == 120
    assert isinstance(d.on, OnDate) and (d.on.day.text, d.on.month.value) == ("31", "december")
    assert d.at is None
    assert isinstance(e.on, OnWeekday) and e.on.day.index == 6


def test_window_and_calendar_statements_have_named_fields() -> None:
    """Optional and repeated parts of calendar and window statements land in their fields:
    `subdivision` None when left out, closed days and time ranges as tuples, `except` after a
    notice, `inside`/`outside` as words."""
    from slac.kinds.calendar import ClosedDays, PublicHolidays, Workdays
    from slac.kinds.window import Notice, PerMonthLimit, WeekSpan, WindowExampleStmt

    module = parse('contract "c-1" {\n}\n'
                   "calendar c {\n"
                   "    workdays every day\n"
                   '    public holidays "FR"\n'
                   '    public holidays "FR" subdivision "57"\n'
                   "    closed 2024-12-24, 2024-12-31\n"
                   "}\n"
                   "window w {\n"
                   "    from friday 20:00 to monday 06:00\n"
                   "    monday 09:00 to 12:00, 14:00 to 18:00\n"
                   "    at most 2 per month\n"
                   '    notice 2 days except "urgence"\n'
                   "    notice unspecified\n"
                   "    example 2024-03-01 10:00 outside\n"
                   "}\n", "t.sla")
    workdays, country, subdivision, closed = module.blocks[0].body
    assert isinstance(workdays, Workdays) and isinstance(workdays.days, ast.EveryDay)
    assert isinstance(country, PublicHolidays) and country.subdivision is None
    assert isinstance(subdivision, PublicHolidays) and subdivision.subdivision is not None
    assert subdivision.subdivision.value == "57"
    assert isinstance(closed, ClosedDays) and [d.text for d in closed.dates] == [
        "2024-12-24", "2024-12-31"]
    span_stmt, weekly, limit, notice, unspecified, example = module.blocks[1].body
    assert isinstance(span_stmt, WeekSpan)
    assert (span_stmt.first_day.index, span_stmt.start.text) == (4, "20:00")
    assert (span_stmt.last_day.index, span_stmt.end.text) == (0, "06:00")
    assert isinstance(weekly, Weekly) and len(weekly.ranges) == 2
    assert weekly.ranges[1].start.text == "14:00"
    assert isinstance(limit, PerMonthLimit) and limit.count.text == "2"
    assert isinstance(notice, Notice) and isinstance(notice.value, ast.DurationLit)
    assert notice.exception is not None and notice.exception.reason.words.value == "urgence"
    assert notice.exception.span == span(13, 19, 13, 35)
    assert isinstance(unspecified, Notice) and unspecified.exception is None
    assert unspecified.value == ast.Word("unspecified", span(14, 12, 14, 23))
    assert isinstance(example, WindowExampleStmt) and example.where.value == "outside"
    assert example.at.time.minute == 600
