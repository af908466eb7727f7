"""Diagnostics: one type for every problem found, a bilingual message catalog, and two
renderings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .ast import Span
from .messages import CATALOG, Phrase

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Diagnostic:
    """A located problem. `code` keys the catalog; `args` fill its message and help."""

    code: str
    span: Span
    args: dict[str, object] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        return CATALOG[self.code].severity

    def message(self, lang: str) -> str:
        return CATALOG[self.code].text(lang, "message").format(**self._args(lang))

    def help(self, lang: str) -> str | None:
        template = CATALOG[self.code].text(lang, "help")
        return template.format(**self._args(lang)) if template else None

    def _args(self, lang: str) -> dict[str, object]:
        """The arguments in `lang`: a `Phrase` gives its words in that language."""
        return {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in self.args.items()}

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.span.file, self.span.line, self.span.column, self.code)


SEVERITY_WORDS = {
    "en": {"error": "error", "warning": "warning", "note": "note", "help": "help"},
    "fr": {"error": "erreur", "warning": "avertissement", "note": "note", "help": "aide"},
}


# Shown as one space each, so that the caret stays under its column: a tab (one column for Lark)
# and the characters that end a line for str.splitlines() but not for Lark, which counts lines at
# "\n" only (a \r of a CRLF file, a form feed, U+2028…).
_HIDDEN_BREAKS: dict[int, str] = {
    # other control characters as their one-column pictures (ESC as ␛), bidi and invisible
    # format characters as one replacement character: a source line never drives the terminal
    **{c: chr(0x2400 + c) for c in range(0x20)}, 0x7F: "\u2421",
    **dict.fromkeys([*range(0x80, 0xA0), 0x061C, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
                     *range(0x2060, 0x2065), *range(0x2066, 0x206A), 0xFEFF], "\ufffd"),
    **dict.fromkeys(map(ord, "\t\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"), " "),
}


@lru_cache(maxsize=8)
def _lines(source: str) -> tuple[str, ...]:
    """The lines of a source as Lark numbers them (split at "\\n"), once for all its
    diagnostics."""
    return tuple(source.split("\n"))


def render_text(diag: Diagnostic, source: str | None, lang: str) -> str:
    """`file:line:col: severity: message [code]`, the source line with a caret, and a help line."""
    words = SEVERITY_WORDS[lang]
    span = diag.span
    lines = [(f"{span.file}:{span.line}:{span.column}: {words[diag.severity]}: "
             f"{diag.message(lang)}  [{diag.code}]")]
    if source is not None:
        source_lines = _lines(source)
        if 1 <= span.line <= len(source_lines):
            text = source_lines[span.line - 1].translate(_HIDDEN_BREAKS)
            gutter = f"{span.line:>4} | "
            width = (span.end_column - span.column) if span.end_line == span.line else 1
            width = max(1, min(width, len(text) - span.column + 2))
            lines.append(gutter + text)
            lines.append(" " * (len(gutter) + span.column - 1) + "^" + "~" * (width - 1))
    for note in diag.notes:
        lines.append(f"     = {words['note']}: {note}")
    help_text = diag.help(lang)
    if help_text:
        lines.append(f"     = {words['help']}: {help_text}")
    return "\n".join(lines)


def render_json(diags: list[Diagnostic], lang: str) -> str:
    """All diagnostics as a JSON array, for editors and CI."""
    return json.dumps(
        [
            {
                "file": d.span.file, "line": d.span.line, "column": d.span.column,
                "end_line": d.span.end_line, "end_column": d.span.end_column,
                "severity": d.severity, "code": d.code, "message": d.message(lang),
                "help": d.help(lang), "notes": list(d.notes),
            }
            for d in diags
        ],
        ensure_ascii=False,
        indent=2,
    )
