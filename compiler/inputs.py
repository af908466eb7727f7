"""Input files of `slac eval`: CSV or JSON records whose every value knows where it was written.

A CSV file has a header line naming its columns and one record per line, separated by `,`, `;`
or tabs; lines end with LF, CR LF or CR alone. A JSON file holds an array of flat objects. Either
way a record is a mapping from column name to a `Value`: its text and its span, so a bad value is
reported at its place. Column names are compared without case, spaces and dashes (`Start`,
`start`): two that are the same name so compared are refused, as are repeated JSON keys.

Both readers take time and memory in proportion to the file, and refuse, at the place where the
limit is passed, a file, a value, a record or a nesting beyond the limits below
(docs/evaluators.md lists them).
"""

from __future__ import annotations

import gc
import json
import operator
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from itertools import repeat
from pathlib import Path
from typing import cast

from .ast import Span
from .diagnostics import Diagnostic

MAX_FILE_BYTES = 64 * 1024 * 1024
"""An input file's size, in bytes."""
MAX_VALUE_CHARS = 10_000
"""The length of one value (a CSV cell, a JSON key or value), in characters."""
MAX_COLUMNS = 64
"""The columns of a CSV file, the keys of a JSON object."""
MAX_RECORDS = 1_000_000
"""The records of one evaluation, all input files together."""
MAX_DEPTH = 2
"""How deep JSON values nest: an array (1) of objects (2) of plain values."""
MAX_NUMBER = Decimal("1E15")
"""Numbers read are smaller than this in absolute value (an amount, a percentage, a count)."""
MAX_DECIMALS = 30
"""…and have at most this many decimals."""


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


@dataclass
class Table:
    """One input file read: its records, or, for a plain CSV file or a JSON array of flat
    objects, its columns.

    A plain CSV file (ASCII, no quote, no space, no blank line, as many fields on every line as
    in its header) is read into columns by a few passes over the whole text, each value a string
    or None for an empty cell; a JSON array by one decoding, each key a column (None where an
    object lacks it, or for null). Their records are made only when asked for, from the same
    text, so that a bad value is then reported at its place. Any other file is read into records
    at once, and `columns` is None. `text` is the file's text as decoded, line ends as written."""

    file: str
    suffix: str
    text: str
    columns: dict[str, list[str | None]] | None
    size: int
    _records: list[Record] | None = None

    def records(self, room: int = MAX_RECORDS) -> list[Record]:
        """The file's records (more than `room` are refused at the first one over)."""
        if self._records is None:
            self._records = _records(source_text(self.text), self.file, self.suffix, room)
        if len(self._records) > room:
            raise _too_many(self._records[room].span)
        return self._records


def read_table(path: Path, room: int = MAX_RECORDS) -> Table:
    """A .csv or .json file as a `Table`; more than `room` records are refused at the first
    one over."""
    text = _decoded(path)
    name, suffix = path.as_posix(), path.suffix.lower()
    columns = _json_columns(text) if suffix == ".json" else _plain_csv(text)
    if columns:
        size = len(next(iter(columns.values())))
        if size <= room:
            return Table(name, suffix, text, columns, size)
    records = _records(source_text(text), name, suffix, room)
    return Table(name, suffix, text, None, len(records), records)


def read_records(path: Path, room: int = MAX_RECORDS) -> tuple[list[Record], str]:
    """The records of a .csv or .json file, and its text with line ends made `\\n` (the lines
    diagnostics are shown against). More than `room` records are refused at the first one over."""
    text = source_text(_decoded(path))
    return _records(text, path.as_posix(), path.suffix.lower(), room), text


def _decoded(path: Path) -> str:
    """The text of a .csv, .tsv, .txt or .json file of at most MAX_FILE_BYTES bytes of UTF-8."""
    name = path.as_posix()
    start = Span(name, 1, 1, 1, 2)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv", ".tsv", ".txt"):
        raise error("input-file-type", start, name=path.name)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise error("input-unreadable", start, reason=exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise error("input-too-large", start, limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MiB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error("input-not-utf8", start, byte=exc.start) from None


def _records(text: str, name: str, suffix: str, room: int) -> list[Record]:
    collecting = gc.isenabled()
    gc.disable()   # the records are kept: collecting while they are made only costs time
    try:
        if suffix == ".json":
            return _json_records(text, name, room)
        return _csv_records(text, name, room)
    finally:
        if collecting:
            gc.enable()


def source_text(text: str) -> str:
    """`text` with CR LF and CR line ends made LF (a JSON string holds no raw CR)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _too_many(span: Span) -> InputError:
    return error("input-too-many-records", span, limit=f"{MAX_RECORDS:,}")


# ---------------------------------------------------------------------------------- columns

UNIX_SECONDS_LIMIT = 10**11
"""Unix times from here on (beyond the year 5138) are refused as out of range."""


def whole_minutes(texts: list[str | None]) -> list[int] | None:
    """Minutes since 1970-01-01 00:00 UTC of whole-minute instants written as Unix times or in
    ISO 8601 with an offset; None if any is written otherwise or is not a whole minute."""
    if None in texts:
        return None
    written = cast(list[str], texts)
    digits = "".join(written)
    if digits.isascii() and digits.encode("ascii").isdigit():
        try:
            seconds = _digit_ints(written)
        except ValueError:   # an empty text
            return None
        minutes = list(map(operator.floordiv, seconds, repeat(60)))
        # Each second less 60 times its minute is 0 to 59: equal sums mean every one is 0.
        if max(seconds) >= UNIX_SECONDS_LIMIT or sum(seconds) != 60 * sum(minutes):
            return None
        return minutes
    minutes = []
    for text in written:
        try:
            moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z"))
                                            else text)
        except ValueError:
            return None
        if moment.tzinfo is None or moment.second or moment.microsecond:
            return None
        minutes.append(int(moment.timestamp()) // 60)
    return minutes


def _digit_ints(texts: list[str]) -> list[int]:
    """The ints written by texts of ASCII digits: read by JSON's decoder, twice as fast as
    int() on each, unless one is not a JSON number (a leading zero, an empty text)."""
    try:
        return cast(list[int], json.loads(f"[{','.join(texts)}]"))
    except ValueError:
        return list(map(int, texts))


def percent_column(texts: list[str | None]) -> tuple[list[int] | list[Decimal], int] | None:
    """Percentages (0 to 100) as ints in units of 10^-scale percent and that scale, the most
    decimals any of them is written with (`["0.25", "3"]` is `[25, 300]`, 2); as Decimals and
    scale 0 beyond RATE_SCALE_LIMIT decimals. Each distinct text is read once. None if any is
    not a percentage, or is not written as `evaluating.convert` reads a number."""
    values: dict[str | None, Decimal] = {}
    scale = 0
    for text in set(texts):
        if text is None or "," in text:
            return None
        try:
            number = Decimal(text)
        except ArithmeticError:
            return None
        exponent = number.as_tuple().exponent
        if not (number.is_finite() and 0 <= number <= 100 and isinstance(exponent, int)
                and exponent >= -MAX_DECIMALS):
            return None
        values[text] = number
        scale = max(scale, -exponent)
    if scale > RATE_SCALE_LIMIT:
        return list(map(values.__getitem__, texts)), 0
    units = {text: int(number.scaleb(scale)) for text, number in values.items()}
    return list(map(units.__getitem__, texts)), scale


RATE_SCALE_LIMIT = 6
"""The most decimals of the ints a batch entry point takes for error rates (`rate_scale`)."""


# ------------------------------------------------------------------------------------------ CSV

_NOT_PLAIN = ('"', " ", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x1f")
"""Characters that a plain CSV file lacks: quotes, and the spaces that `str.strip` would remove
around a value (a tab is one too, unless it is the delimiter)."""


def _plain_csv(text: str) -> dict[str, list[str | None]] | None:
    """The columns of a plain CSV file (see `Table`) by column name; None for any other file,
    which `_csv_records` reads (and refuses, if it must, at the place of the problem). Its lines
    end with LF, or all with CR LF."""
    end = "\r\n" if "\r" in text else "\n"
    body = text[:-len(end)] if text.endswith(end) else text
    if not body.isascii() or any(c in body for c in _NOT_PLAIN):
        return None
    header, _, rest = body.partition(end)
    delimiter = max(",;\t", key=header.count)
    width = header.count(delimiter) + 1
    if (not rest or width > MAX_COLUMNS or (delimiter != "\t" and "\t" in body)
            or (width == 1 and (end * 2 in body or body.endswith(end)))):   # a blank line
        return None
    names = [_column_name(field) for field in header.split(delimiter)]
    if "" in names or len(set(names)) < width:
        return None
    # Each character as x, but the delimiters and line ends: no value is longer than allowed,
    # and the delimiters and line ends alone are those of `width` fields on every line (so no
    # line is blank, unless there is one field a line).
    marks = body.encode("ascii").translate(_MARKS[delimiter])
    lines = rest.count("\n") + 2
    if (b"x" * (MAX_VALUE_CHARS + 1) in marks or marks.translate(None, b"x")
            != ((delimiter * (width - 1) + end) * lines)[:-len(end)].encode("ascii")):
        return None
    fields = cast(list[str | None], rest.replace(end, delimiter).split(delimiter) if width > 1
                  else rest.split(end))
    columns: dict[str, list[str | None]] = {}
    for index, name in enumerate(names):
        column = fields[index::width]
        columns[name] = [value or None for value in column] if "" in column else column
    return columns


_MARKS = {d: bytes(b if chr(b) in (d, "\r", "\n") else ord("x") for b in range(256))
          for d in ",;\t"}
"""By delimiter: the table that makes every byte x but that delimiter and the line ends."""


def _csv_records(text: str, file: str, room: int) -> list[Record]:
    lines = text.split("\n")
    numbered = ((n, line) for n, line in enumerate(lines, 1) if line.strip())
    first = next(numbered, None)
    if first is None:
        raise error("input-empty", Span(file, 1, 1, 1, 2))
    header_line, header = first
    delimiter = max(",;\t", key=header.count)
    header_fields = _fields(header, delimiter, file, header_line)
    if len(header_fields) > MAX_COLUMNS:
        _, column, end = header_fields[MAX_COLUMNS]
        raise error("input-too-many-columns", Span(file, header_line, column, header_line, end),
                    limit=MAX_COLUMNS)
    columns = [_column_name(t) for t, _, _ in header_fields]
    seen: dict[str, int] = {}
    for index, (_, column, end) in enumerate(header_fields):
        if not columns[index] or columns[index] in seen:
            raise error("input-header", Span(file, header_line, column, header_line, end),
                        column=index + 1, name=columns[index] or '""')
        seen[columns[index]] = index
    records: list[Record] = []
    for number, line in numbered:
        whole = Span(file, number, 1, number, len(line) + 1)
        if len(records) >= room:
            raise _too_many(whole)
        fields = _fields(line, delimiter, file, number)
        if len(fields) != len(columns):
            raise error("input-columns", whole, found=len(fields), expected=len(columns),
                        columns=delimiter.join(columns))
        values = {c: Value(t.strip() or None, Span(file, number, col, number, end))
                  for c, (t, col, end) in zip(columns, fields, strict=True)}
        records.append(Record(values, whole))
    return records


def _fields(line: str, delimiter: str, file: str, number: int) -> list[tuple[str, int, int]]:
    """The fields of one CSV line, each with the columns (1-based) where it starts and ends.

    As Python's csv module reads them: a field that starts with `"` is quoted up to the next
    lone `"` (`""` is a quote inside it), a quote elsewhere is a character. A quote left open is
    refused: a cell does not run on to the next line. Linear in the line's length."""
    fields: list[tuple[str, int, int]] = []
    size, at = len(line), 0
    while True:
        start = at
        if at < size and line[at] == '"':
            parts, at = [], at + 1
            while True:
                close = line.find('"', at)
                if close < 0:
                    raise error("input-csv-quote", Span(file, number, start + 1, number, size + 1))
                parts.append(line[at:close])
                if line.startswith('"', close + 1):
                    parts.append('"')
                    at = close + 2
                    continue
                at = close + 1
                break
            stop = line.find(delimiter, at)
            stop = size if stop < 0 else stop
            parts.append(line[at:stop])
            text, at = "".join(parts), stop
        else:
            stop = line.find(delimiter, at)
            stop = size if stop < 0 else stop
            text, at = line[at:stop], stop
        span_end = max(at, start + 1) + 1
        if len(text) > MAX_VALUE_CHARS:
            raise error("input-value-too-long", Span(file, number, start + 1, number, span_end),
                        length=f"{len(text):,}", limit=f"{MAX_VALUE_CHARS:,}")
        fields.append((text, start + 1, span_end))
        if at >= size or len(fields) > MAX_COLUMNS:
            return fields
        at += 1


def _column_name(text: str) -> str:
    return text.strip().strip('"').strip().lower().replace(" ", "_").replace("-", "_")


# ----------------------------------------------------------------------------------------- JSON

class _Object(list[tuple[str, object]]):
    """The key/value pairs of a JSON object, in order, repeated keys kept (to refuse them)."""


def _decoder() -> json.JSONDecoder:
    """Numbers and constants kept as written (no float, no integer size limit)."""
    return json.JSONDecoder(object_pairs_hook=_Object, parse_float=str, parse_int=str,
                            parse_constant=str)


def _json_columns(text: str) -> dict[str, list[str | None]] | None:
    """The columns of a JSON array of flat objects (see `Table`), values written as a CSV cell
    would hold them; None for any other text, which `_json_records` reads (and refuses, if it
    must, at the place of the problem)."""
    try:
        items = _decoder().decode(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(items, list) or any(type(item) is not _Object for item in items):
        return None
    names: dict[str, str] = {}
    columns: dict[str, list[str | None]] = {}
    for row, item in enumerate(items):
        if len(item) > MAX_COLUMNS:
            return None
        for key, raw in item:
            name = names.get(key)
            if name is None:
                if len(key) > MAX_VALUE_CHARS:
                    return None
                name = names[key] = _column_name(key)
            column = columns.setdefault(name, [None] * row)
            value = _written(raw)
            if (len(column) != row or isinstance(raw, list)   # a repeated column, a nesting
                    or (value is not None and len(value) > MAX_VALUE_CHARS)):
                return None
            column.append(value)
        for column in columns.values():
            if len(column) == row:
                column.append(None)
    return columns


_SPACE = re.compile(r"[ \t\n\r]*")


def _json_records(text: str, file: str, room: int) -> list[Record]:
    """An array of flat objects, read one object at a time (each value's span is found after
    its key, in the object's own text)."""
    lines = _Lines(text, file)
    decoder = _decoder()
    keys: dict[str, tuple[re.Pattern[str], str]] = {}
    offset = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if not text.startswith("[", offset):
        if offset == len(text):
            raise error("input-json", lines.span(offset), reason="Expecting value")
        try:
            decoder.raw_decode(text, offset)
        except json.JSONDecodeError as exc:
            raise error("input-json", lines.span(exc.pos), reason=exc.msg) from None
        except (RecursionError, ValueError):
            pass
        raise error("input-json-shape", lines.span(offset))
    offset = _SPACE.match(text, offset + 1).end()  # type: ignore[union-attr]
    records: list[Record] = []
    if text.startswith("]", offset):
        offset += 1
    else:
        while True:
            if len(records) >= room:
                raise _too_many(lines.span(offset))
            record, end = _json_record(text, offset, lines, decoder, keys)
            records.append(record)
            offset = _SPACE.match(text, end).end()  # type: ignore[union-attr]
            if text.startswith(",", offset):
                offset = _SPACE.match(text, offset + 1).end()  # type: ignore[union-attr]
                continue
            if text.startswith("]", offset):
                offset += 1
                break
            raise error("input-json", lines.span(offset),
                        reason="Expecting ',' delimiter" if offset < len(text)
                        else "Expecting value")
    offset = _SPACE.match(text, offset).end()  # type: ignore[union-attr]
    if offset != len(text):
        raise error("input-json", lines.span(offset), reason="Extra data")
    return records


def _json_record(text: str, offset: int, lines: _Lines, decoder: json.JSONDecoder,
                 keys: dict[str, tuple[re.Pattern[str], str]]) -> tuple[Record, int]:
    """The object at `offset`, its values located, and the offset past it. `keys` keeps, for
    each key met, the pattern that finds it and its column name."""
    try:
        item, end = decoder.raw_decode(text, offset)
    except json.JSONDecodeError as exc:
        raise error("input-json", lines.span(exc.pos), reason=exc.msg) from None
    except RecursionError:
        raise error("input-json-depth", lines.span(offset), limit=MAX_DEPTH) from None
    span = lines.span(offset, end)
    if not isinstance(item, _Object):
        raise error("input-json-shape", span)
    if len(item) > MAX_COLUMNS:
        raise error("input-too-many-columns", span, limit=MAX_COLUMNS)
    values: dict[str, Value] = {}
    written_as: dict[str, str] = {}
    at = offset + 1
    for key, raw in item:
        if key not in keys:
            if len(key) > MAX_VALUE_CHARS:
                raise error("input-value-too-long", _key_span(text, at, end, key, lines),
                            length=f"{len(key):,}", limit=f"{MAX_VALUE_CHARS:,}")
            keys[key] = (re.compile(r'"' + re.escape(key) + r'"\s*:\s*'), _column_name(key))
        pattern, name = keys[key]
        found = pattern.search(text, at, end)
        where = found.end() if found else at
        if name in written_as:
            raise error("input-json-key", _key_span(text, at, end, key, lines), key=key,
                        other=written_as[name])
        written_as[name] = key
        if isinstance(raw, (_Object, list)):
            raise error("input-json-depth", lines.span(where), limit=MAX_DEPTH)
        at = _value_end(text, where, end, decoder)
        value_span = lines.span(where, at)
        written = _written(raw)
        if written is not None and len(written) > MAX_VALUE_CHARS:
            raise error("input-value-too-long", value_span, length=f"{len(written):,}",
                        limit=f"{MAX_VALUE_CHARS:,}")
        values[name] = Value(written, value_span)
    return Record(values, span), end


def _key_span(text: str, at: int, end: int, key: str, lines: _Lines) -> Span:
    """Where `key` is written in the object, from offset `at` on."""
    found = re.compile(r'"' + re.escape(key) + r'"\s*:').search(text, at, end)
    return lines.span(found.start(), found.start() + len(key) + 2) if found else lines.span(at)


def _value_end(text: str, where: int, end: int, decoder: json.JSONDecoder) -> int:
    """The offset past the scalar written at `where` (inside an object ending at `end`)."""
    try:
        return int(decoder.raw_decode(text, where)[1])
    except (ValueError, RecursionError):
        return min(where + 1, end)


def _written(raw: object) -> str | None:
    """A JSON scalar as the text a CSV cell would hold."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return str(raw)


class _Lines:
    """Offsets of a text as lines and columns, in logarithmic time (lines split at `\\n`)."""

    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def span(self, start: int, end: int | None = None) -> Span:
        """The span of text[start:end], cut at the end of its first line."""
        index = bisect_right(self.starts, start) - 1
        line, column = index + 1, start - self.starts[index] + 1
        stop = start + 1 if end is None else max(end, start + 1)
        if index + 1 < len(self.starts):
            stop = max(start + 1, min(stop, self.starts[index + 1] - 1))
        return Span(self.file, line, column, line, column + (stop - start))
