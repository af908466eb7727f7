"""Source bytes → syntax tree (ast.Module), or a located syntax diagnostic in the author's terms."""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from lark import Lark, Token, Transformer, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from . import ast, caches, kinds
from .checking import LIMITS
from .diagnostics import Diagnostic
from .messages import expected_tokens, phrase

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser of grammar/sla.lark, built once, giving Lark's own trees with positions:
    Lark alone, which the benchmarks compare the build with (the compiler uses `ast_parser`)."""
    return Lark(_grammar(), parser="lalr", propagate_positions=True, strict=True,
                maybe_placeholders=False, cache=caches.parser_cache("trees"))


@lru_cache(maxsize=1)
def ast_parser() -> Lark:
    """The same parser, built once, that returns an ast.Module: see ToAst."""
    builder = ToAst()
    lark = Lark(_grammar(), parser="lalr", strict=True, maybe_placeholders=False,
                keep_all_tokens=True, transformer=builder, cache=caches.parser_cache("ast"))
    builder.keywords = frozenset(t.name for t in lark.terminals
                                 if isinstance(t.pattern, PatternStr))
    return lark


def _keywords(names: list[str]) -> list[str]:
    """Terminal names as an author reads them: Lark's anonymous keywords (`__ANON_4`) by their
    text (`month`), each once, in order."""
    texts = _anonymous_keywords()
    return list(dict.fromkeys(texts.get(name, name) for name in names))


@lru_cache(maxsize=1)
def _anonymous_keywords() -> dict[str, str]:
    return {t.name: str(t.pattern.value) for t in ast_parser().terminals
            if t.name.startswith("__") and isinstance(t.pattern, PatternStr)}


_STRING_TERMINAL = 'STRING: /"([^"\\\\\\n]|\\\\.)*"/'
_STRING_UNROLLED = 'STRING: /"[^"\\\\\\n]*(?:\\\\.[^"\\\\\\n]*)*"/'


def _grammar() -> str:
    """The grammar, its STRING terminal written as the same language "unrolled": Python's `re`
    keeps state for each repetition of a group, about 180 bytes a character of a long string,
    but none for a repeated character class."""
    text = resources.files("slac.grammar").joinpath("sla.lark").read_text(encoding="utf-8")
    assert _STRING_TERMINAL in text, "grammar/sla.lark: STRING changed; update parse.py"
    return text.replace(_STRING_TERMINAL, _STRING_UNROLLED)


class ParseFailure(Exception):
    """Raised with the diagnostic when a file cannot be parsed."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


def decode(data: bytes, file: str) -> str:
    """UTF-8 text of a file; invalid bytes and NUL characters become located diagnostics."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        before = data[data.rfind(b"\n", 0, exc.start) + 1:exc.start].decode("utf-8")
        column = len(before.removeprefix("\ufeff") if line == 1 else before) + 1   # in characters
        span = ast.Span(file, line, column, line, column + 1)
        raise ParseFailure(Diagnostic("bad-encoding", span,
                                      {"byte": f"0x{data[exc.start]:02x}"})) from None
    text = text.removeprefix("\ufeff")
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        span = ast.Span(file, line, column, line, column + 1)
        raise ParseFailure(Diagnostic("bad-character", span, {"char": "NUL"}))
    return text


def parse(text: str, file: str) -> ast.Module:
    """Parse one file's text; raise ParseFailure carrying a syntax diagnostic."""
    _check_escapes(text, file)
    named = _FILE.set(file)
    try:
        return ast_parser().parse(text)  # type: ignore[return-value]
    except UnexpectedInput as exc:
        raise ParseFailure(explain(exc, text, file)) from None
    finally:
        _FILE.reset(named)


# --------------------------------------------------------------------------- syntax errors

_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|#.*')


def _check_escapes(text: str, file: str) -> None:
    """Only \\" and \\\\ are escapes in a string; any other backslash pair is refused, not
    guessed."""
    if "\\" not in text:
        return
    for number, line in enumerate(text.split("\n"), 1):
        for match in _STRING_OR_COMMENT.finditer(line):
            if match.group().startswith("#"):
                break
            bad = next((e for e in re.finditer(r"\\.", match.group())
                        if e.group() not in ('\\"', "\\\\")), None)
            if bad:
                column = match.start() + bad.start() + 1
                raise ParseFailure(Diagnostic("unknown-escape", ast.Span(
                    file, number, column, number, column + 2), {"escape": bad.group()}))

def explain(exc: UnexpectedInput, text: str, file: str) -> Diagnostic:
    """Turn a Lark error into a diagnostic, recognising the authors' common mistakes."""
    line = max(1, getattr(exc, "line", 1) or 1)
    column = max(1, getattr(exc, "column", 1) or 1)
    lines = text.split("\n")   # Lark counts lines by "\n" only; splitlines() also cuts at \r, \f…
    source_line = lines[line - 1] if line <= len(lines) else ""
    rest = source_line[column - 1:]
    span = ast.Span(file, line, column, line, column + _error_width(exc, rest))
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken)
                                          and exc.token.type == "$END"):
        return _explain_end(text, file, span)
    previous = source_line[: column - 1].rstrip()
    mistake = _explain_mistake(rest, previous, span)
    if mistake is not None:
        return mistake
    if isinstance(exc, UnexpectedToken):
        return _explain_token(exc, text, span)
    assert isinstance(exc, UnexpectedCharacters)
    return _explain_character(exc, text, span, rest, previous)


def _error_width(exc: UnexpectedInput, rest: str) -> int:
    """How many characters the diagnostic underlines: the unexpected token, or word."""
    if isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        return max(1, len(str(exc.token)))
    if isinstance(exc, UnexpectedCharacters):
        match = re.match(r"\S+", rest)
        return len(match.group(0)) if match else 1
    return 1


def _explain_end(text: str, file: str, span: ast.Span) -> Diagnostic:
    """The file ends too early: it is empty, a block is left open, or a statement unfinished."""
    if not re.sub(r"#[^\n]*", "", text).strip():
        return Diagnostic("empty-file", ast.Span(file, 1, 1, 1, 2))
    depth = _open_braces(text)
    if depth > 0:
        last = text.rstrip().split("\n")
        end_line = len(last)
        span = ast.Span(file, end_line, len(last[-1]) + 1, end_line, len(last[-1]) + 2)
        return Diagnostic("unclosed-block", span, {"count": depth})
    return Diagnostic("unexpected-end", span)


def _explain_mistake(rest: str, previous: str, span: ast.Span) -> Diagnostic | None:
    """A time written 9h30, a decimal comma or a euro sign where the error is, if any."""
    clock = re.match(r"(\d{1,2})h(\d{0,2})\b|(\d):(\d\d)\b", rest)   # 9h30, 9h, 18h30, 9:30
    if clock:
        hours, minutes = (clock.group(1), clock.group(2)) if clock.group(1) else clock.group(3, 4)
        span = ast.Span(span.file, span.line, span.column, span.line,
                        span.column + len(clock.group(0)))
        return Diagnostic("time-format", span, {"text": clock.group(0),
                                                "fixed": f"{int(hours):02d}:{minutes or '00'}"})
    if rest.startswith(",") and re.search(r"\d$", previous) and re.match(r",\d", rest):
        number = (re.search(r"\d+$", previous).group(0)  # type: ignore[union-attr]
                  + rest[:1] + re.match(r",(\d+)", rest).group(1))  # type: ignore[union-attr]
        return Diagnostic("comma-decimal", span,
                          {"text": number, "fixed": number.replace(",", ".")})
    if rest.startswith("€"):
        return Diagnostic("euro-sign", span)
    return None


def _explain_token(exc: UnexpectedToken, text: str, span: ast.Span) -> Diagnostic:
    """A token the grammar does not accept here: a missing unit, inclusion or colon, or else
    the list of what it expected."""
    expected = sorted(exc.accepts or exc.expected)
    number = _number_before(text, exc.token.start_pos or 0)
    if number and ("UNIT" in expected or "PERCENT" in expected or "BUSINESS" in expected):
        # Point at the number, which may end the previous line: `target at least 99`.
        return Diagnostic("missing-unit", ast.Span(span.file, *number), {"found": str(exc.token)})
    if "INCLUDED" in expected:
        return Diagnostic("missing-inclusion", span, {"found": str(exc.token)})
    if "COLON" in expected and exc.token.type != "COLON":
        return Diagnostic("expected-colon", span, {"found": str(exc.token)})
    wanted = expected_tokens(_keywords(expected)[:8], more=len(expected) > 8)
    return Diagnostic("unexpected-token", span, {"found": str(exc.token), "expected": wanted})


def _explain_character(exc: UnexpectedCharacters, text: str, span: ast.Span, rest: str,
                       previous: str) -> Diagnostic:
    """A character that starts no token: an unclosed string, a number without its unit, or
    else the list of what could start there."""
    position = exc.pos_in_stream or 0
    char = text[position] if position < len(text) else "?"
    if char == '"':
        return Diagnostic("unclosed-string", span)
    if re.match(r"\d", char) and re.search(r"\d$", previous):
        return Diagnostic("missing-unit", span, {"found": rest.split(" ")[0]})
    allowed = sorted(exc.allowed or [])[:8]
    expects = expected_tokens(_keywords(allowed), more=False) if allowed else "?"
    return Diagnostic("unexpected-character", span, {"char": char, "expected": expects})


_CODE = re.compile(r'(?:"(?:[^"\\\n]|\\.)*"|[^"#\n])*')   # a line up to its comment


def _number_before(text: str, position: int) -> tuple[int, int, int, int] | None:
    """Span (line, column, line, end) of a number ending the code before `position`, if any."""
    lines = text[:position].split("\n")
    for index in range(len(lines) - 1, -1, -1):
        code = _CODE.match(lines[index]).group(0).rstrip()  # type: ignore[union-attr]
        if code:
            match = re.search(r"\d+(\.\d+)?$", code)
            return (index + 1, match.start() + 1, index + 1, match.end() + 1) if match else None
    return None


def _open_braces(text: str) -> int:
    depth = 0
    for line in text.split("\n"):
        code = re.sub(r'"([^"\\\n]|\\.)*"', "", line).split("#", 1)[0]
        depth += code.count("{") - code.count("}")
    return depth


# ---------------------------------------------------------------------- AST, built while parsing

_FILE: ContextVar[str] = ContextVar("file")   # the file being parsed, named in every span


def _unquote(token: str) -> str:
    text = token[1:-1]
    return re.sub(r"\\(.)", r"\1", text) if "\\" in text else text


def _token_span(token: Token) -> ast.Span:
    return ast.Span(_FILE.get(), token.line or 1, token.column or 1, token.end_line or 1,
                    token.end_column or 2)


def _span(children: list[Any]) -> ast.Span:
    """From the start of the first child to the end of the last, keywords included."""
    first, last = children[0], children[-1]
    start: Any = first if isinstance(first, Token) else first.span   # both have line, column,
    end: Any = last if isinstance(last, Token) else last.span        # end_line and end_column
    return ast.Span(_FILE.get(), start.line, start.column, end.end_line, end.end_column)


class ToAst(Transformer[Token, Any]):
    """Builds the ast nodes as the parser reduces each rule (Lark calls it inline).

    The parser keeps every token, so that a node's span runs from its first keyword to its last
    token; the keywords (the grammar's quoted strings, listed in `keywords`) are then dropped,
    and the other tokens become values. A statement becomes the ast.Statement class of its
    grammar alias (the shared ones, and those each kind lists); an alias that stands for a
    choice of words (`each`, `included`) becomes an ast.Word; tests/test_kinds.py checks that
    every alias of the grammar is one or the other.
    """

    def __init__(self) -> None:
        super().__init__()
        self.keywords: frozenset[str] = frozenset()
        self.statements: dict[str, type[ast.Statement]] = {
            cls.rule: cls for cls in (*ast.SHARED, *kinds.statements())}
        self.words: dict[str, str] = {**ast.SHARED_WORDS, **kinds.words()}

    def _args(self, children: list[Any]) -> tuple[Any, ...]:
        """The children as ast values, keywords left out."""
        keywords = self.keywords
        return tuple([_value(c) if isinstance(c, Token) else c for c in children
                      if not (isinstance(c, Token) and c.type in keywords)])

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        if data.startswith("_"):   # a repetition that Lark spreads into its parent
            return Tree(data, children)
        statement = self.statements.get(data)
        if statement is not None:
            return statement.build(_span(children), self._args(children))
        if data in kinds.KEYWORDS:   # a block: `tiers NAME { … }`
            name, *body = self._args(children)
            return ast.Block(data, name, tuple(body), _span(children))
        return ast.Word(self.words[data], _span(children))   # tests/test_kinds.py: no other case

    # values ---------------------------------------------------------------
    def percent(self, children: list[Token]) -> ast.Percent:
        return ast.Percent(Decimal(str(children[0])), _span(children))

    def duration(self, children: list[ast.DurationLit]) -> ast.DurationLit:
        parts = tuple(p for child in children for p in child.parts)
        return ast.DurationLit(parts, _span(children))

    def duration_part(self, children: list[Token]) -> ast.DurationLit:
        unit = str(children[1]).rstrip("s")
        return ast.DurationLit(((Decimal(str(children[0])), unit),), _span(children))

    def business_part(self, children: list[Token]) -> ast.DurationLit:
        unit = "business_" + str(children[2]).rstrip("s")   # NUMBER "business" BUSINESS_UNIT
        return ast.DurationLit(((Decimal(str(children[0])), unit),), _span(children))

    def money_value(self, children: list[Any]) -> ast.MoneyLit:
        tax = children[2].value if len(children) > 2 else None
        return ast.MoneyLit(Decimal(str(children[0])), str(children[1]), tax, _span(children))

    def unspecified(self, children: list[Token]) -> ast.Word:
        return ast.Word("unspecified", _span(children))

    # blocks ---------------------------------------------------------------
    def start(self, children: list[Any]) -> ast.Module:
        header: ast.ContractHeader = children[0]
        return ast.Module(_FILE.get(), header.contract_id, header.statements,
                          tuple(children[1:]), _span(children))


def _value(token: Token) -> Any:
    """A token that is not a keyword, as an ast value."""
    span = _token_span(token)
    kind, text = token.type, str(token)
    if kind == "STRING":
        if len(text) - 2 > LIMITS.string_chars and len(_unquote(text)) > LIMITS.string_chars:
            opening = ast.Span(span.file, span.line, span.column, span.line, span.column + 1)
            raise ParseFailure(Diagnostic("too-large", opening, {
                "limit": phrase("limit.string", count=LIMITS.string_chars)}))
        return ast.Str(_unquote(text), span)
    if kind == "NUMBER":
        return ast.Number(Decimal(text), text, span)
    if kind == "TIME":
        hours, minutes = int(text[:2]), int(text[3:])
        return ast.Time(hours * 60 + minutes, text, span)
    if kind == "DAY":
        return ast.Day(DAYS.index(text), span)
    if kind == "DATE":
        try:
            value: date | None = date.fromisoformat(text)
        except ValueError:
            value = None
        return ast.DateLit(value, text, span)
    if kind in ("NAME", "CLAUSE_ID"):
        return ast.Name(text, span)
    return ast.Word(text, span)
