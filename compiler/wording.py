"""The words of `slac eval`: its own phrases, and the runtime's texts in the report's language.

The runtime raises its errors (and writes the problems of a window's `check_uses`) from a stable
key, an English template and the values that fill it (compiler/runtime/errors.py). `worded`
gives such a text in English and in French from `messages.RUNTIME`, by its key: the English is
the runtime's own text, the French its translation, in which the values that are words (a
runtime `Text`: the name of what is wrong, a weekday…), durations and periods are worded in
French too. A text without a key (the generated modules' own errors) or with a key the catalog
does not have stays as the runtime wrote it, in English.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from .messages import EVAL, RUNTIME, UNITS, Phrase, amount_of


def said(key: str, **fields: object) -> Phrase:
    """The phrase `key` of `messages.EVAL`, its {fields} filled in (a Phrase in each language)."""
    phrase = EVAL[key]
    return Phrase(phrase.en.format(**_in(fields, "en")), phrase.fr.format(**_in(fields, "fr")))


def _in(fields: Mapping[str, object], lang: str) -> dict[str, object]:
    return {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in fields.items()}


def worded(text: object) -> Phrase:
    """A runtime error or text in English and in French."""
    return Phrase(in_language(text, "en"), in_language(text, "fr"))


def in_language(text: object, lang: str) -> str:
    """A runtime error or text in `lang`, from the catalog; as it is if its key is not there."""
    key, values = getattr(text, "key", None), getattr(text, "values", None)
    if not isinstance(key, str) or key not in RUNTIME or not isinstance(values, dict):
        return str(text)
    return _Wording(lang).format(RUNTIME[key].text(lang), **values)


class _Wording(string.Formatter):
    """`str.format`, where a value that is words is worded in the language, and `{name!q}` shows
    code between « » in French (and words as they are)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion in ("r", "a"):
            return super().convert_field(value, conversion)   # code, as Python writes it
        words = self._words(value)
        if words is not None:
            return words
        if conversion == "q":
            return f"« {value} »" if self.lang == "fr" else str(value)
        return super().convert_field(value, conversion)

    def _words(self, value: object) -> str | None:
        """`value` worded in the language, or None when it is code or a figure."""
        if isinstance(value, str) and hasattr(value, "key"):
            return in_language(value, self.lang)
        if self.lang == "en":
            return None
        if isinstance(value, timedelta):
            return _timedelta_fr(value)
        count, unit = getattr(value, "count", None), getattr(value, "unit", None)
        if type(value).__name__ == "Period" and isinstance(count, int) and unit in UNITS:
            return amount_of(count, unit).fr   # a runtime Period: `3 mois`
        return None


def _timedelta_fr(span: timedelta) -> str:
    """`str(span)` in French: `1 jour, 22:00:00` for `1 day, 22:00:00`."""
    days, comma, clock = str(span).partition(", ")
    if not comma:
        return days
    count = int(days.split()[0])
    return f"{count} {'jours' if abs(count) >= 2 else 'jour'}, {clock}"
