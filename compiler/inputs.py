"""Input files of `slac eval`: CSV or JSON records whose every value knows where it was written.

A CSV file has a header line naming its columns and one record per line, separated by `,`, `;`
or tabs. A JSON file holds an array of flat objects. Either way a record is a mapping from
column name to a `Value`: its text and its span, so a bad value is reported at its place.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .ast import Span
from .diagnostics import Diagnostic


@dataclass(frozen=True)
class Value:
    """One value as written (None for an empty cell or a JSON null), and where."""

    text: str | None
    span: Span


@dataclass(frozen=True)
class Record:
    """One line of a CSV file or one object of a JSON array."""

    values: dict[str, Value]
    span: Span


class InputError(Exception):
    """A problem in an input file, as a located diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


def error(code: str, span: Span, **args: object) -> InputError:
    return InputError(Diagnostic(code, span, dict(args)))


def read_records(path: Path) -> tuple[list[Record], str]:
    """The records of a .csv or .json file, and its text (to show the lines of diagnostics)."""
    name = path.as_posix()
    start = Span(name, 1, 1, 1, 2)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise error("input-unreadable", start, reason=exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise error("input-not-utf8", start, byte=exc.start) from None
    if path.suffix.lower() == ".json":
        return _json_records(text, name), text
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        return _csv_records(text, name), text
    raise error("input-file-type", start, name=path.name)


# ------------------------------------------------------------------------------------------ CSV

def _csv_records(text: str, file: str) -> list[Record]:
    lines = text.split("\n")
    numbered = [(n, line.rstrip("\r")) for n, line in enumerate(lines, 1) if line.strip()]
    if not numbered:
        raise error("input-empty", Span(file, 1, 1, 1, 2))
    header_line, header = numbered[0]
    delimiter = max(",;\t", key=header.count)
    columns = [_column_name(c) for c, _ in _fields(header, delimiter)]
    for (name, column), index in zip(_fields(header, delimiter), range(len(columns)), strict=True):
        if not columns[index] or columns.index(columns[index]) != index:
            span = Span(file, header_line, column, header_line, column + max(1, len(name)))
            raise error("input-header", span, column=index + 1, name=columns[index] or '""')
    records = []
    for number, line in numbered[1:]:
        fields = _fields(line, delimiter)
        whole = Span(file, number, 1, number, len(line) + 1)
        if len(fields) != len(columns):
            raise error("input-columns", whole, found=len(fields), expected=len(columns),
                        columns=delimiter.join(columns))
        values = {c: Value(t.strip() or None, Span(file, number, col, number, col + max(1, len(t))))
                  for c, (t, col) in zip(columns, fields, strict=True)}
        records.append(Record(values, whole))
    return records


def _fields(line: str, delimiter: str) -> list[tuple[str, int]]:
    """The fields of one CSV line with the column (1-based) where each starts."""
    texts = next(csv.reader([line], delimiter=delimiter), [])
    columns, column, quoted = [1], 1, False
    for char in line:
        column += 1
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            columns.append(column)
    return list(zip(texts, columns, strict=False))   # a stray quote may make them differ


def _column_name(text: str) -> str:
    return text.strip().strip('"').strip().lower().replace(" ", "_").replace("-", "_")


# ----------------------------------------------------------------------------------------- JSON

def _json_records(text: str, file: str) -> list[Record]:
    """An array of flat objects; each value's span is found in the text after its key."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        span = Span(file, exc.lineno, exc.colno, exc.lineno, exc.colno + 1)
        raise error("input-json", span, reason=exc.msg) from None
    if not isinstance(data, list):
        raise error("input-json-shape", _at(text, file, 0))
    records, offset = [], text.index("[") + 1
    decoder = json.JSONDecoder(parse_float=Decimal)
    for item in data:
        offset = _skip(text, offset)
        _, end = decoder.raw_decode(text, offset)
        span = _at(text, file, offset, end)
        if not isinstance(item, dict):
            raise error("input-json-shape", span)
        values = {}
        for key, raw in item.items():
            if isinstance(raw, (dict, list)):
                raise error("input-json-shape", span)
            found = re.compile(r'"' + re.escape(key) + r'"\s*:\s*').search(text, offset, end)
            where = found.end() if found else offset
            written = _written(raw)
            length = 4 if written is None else len(written) + 2 * isinstance(raw, str)
            values[_column_name(key)] = Value(written, _at(text, file, where, where + length))
        records.append(Record(values, span))
        offset = end
        offset = _skip(text, offset)
    return records


def _written(raw: object) -> str | None:
    """A JSON scalar as the text a CSV cell would hold."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return str(raw)


def _skip(text: str, offset: int) -> int:
    """Past white space and one comma."""
    while offset < len(text) and text[offset] in " \t\r\n,":
        offset += 1
    return offset


def _at(text: str, file: str, start: int, end: int | None = None) -> Span:
    """The span of text[start:end] as line and column (lines split at newlines only)."""
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    stop = start + 1 if end is None else max(end, start + 1)
    if "\n" in text[start:stop]:
        stop = text.index("\n", start) if text.index("\n", start) > start else start + 1
    return Span(file, line, column, line, column + (stop - start))
