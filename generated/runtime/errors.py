"""The exceptions evaluators raise, and the English texts the runtime words its messages with.

Messages are English. The runtime writes each from a template and the values it names,
`SlaInputError("interval.order", "interval ends before it starts: {start} > {end}", start=…,
end=…)`, and keeps the template's stable `key` and the `values` beside the message: a tool can
then word the same message in another language (`slac eval --lang fr` does). Words inside a
message that are not code, such as the name of what is wrong ("outage start"), are `Text`s made
the same way. The generated modules raise these exceptions with a plain message: no key.
"""

from __future__ import annotations


class Text(str):
    """The English text `template.format(**values)`, which remembers its `key` and `values`.

    It is that str in every use (printing, comparing, formatting); a copy or pickle of it is a
    plain str.
    """

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, template: str, /, **values: object) -> Text:
        text = super().__new__(cls, template.format(**values))
        text.key = key
        text.values = values
        return text

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (str(self),)


class _Worded(Exception):
    """`Error(key, template, **values)`: the message is the template filled with the values,
    and `key` and `values` are kept; `Error(message)`: a plain message, whose key is None."""

    key: str | None
    values: dict[str, object]

    def __init__(self, key: str, template: str | None = None, /, **values: object) -> None:
        if template is None:
            super().__init__(key)
            self.key, self.values = None, {}
        else:
            super().__init__(template.format(**values))
            self.key, self.values = key, values


class SlaInputError(_Worded, ValueError):
    """An evaluator was given an input it cannot use; the message names the bad value."""


class UnspecifiedError(_Worded, LookupError):
    """The contract leaves this question undecided, so no answer can be computed."""
