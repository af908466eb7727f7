"""A writer of Python source line by line, at a current indentation.

Modelled on Jinja's `CodeGenerator` (`writeline`, `indent`, `outdent`): code that builds Python
says what it writes and how deep, instead of gluing literal indent strings. Helpers that lay out
text for a given indent (`pycode.wrap_call`, `pycode.docstring`) get `prefix` and their result
goes in through `lines`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from .pycode import WIDTH, _fill, show_hidden, wrap_call

STEP = "    "
"""One level of indentation."""


class CodeWriter:
    """Lines of Python source, each written at the writer's current indentation."""

    def __init__(self, level: int = 0) -> None:
        self._lines: list[str] = []
        self._level = level

    @property
    def prefix(self) -> str:
        """The indentation of the next line."""
        return STEP * self._level

    @property
    def width(self) -> int:
        """Room left on a line at the current indentation."""
        return WIDTH - len(self.prefix)

    def line(self, text: str) -> None:
        """One line at the current indentation (an empty one stays empty)."""
        self._lines.append(self.prefix + text if text else "")

    def lines(self, text: str) -> None:
        """Text already laid out for `prefix` (by `wrap_call`, `docstring`…), added as it is."""
        self._lines.append(text)

    def call(self, func: str, args: Sequence[str], end: str = "") -> None:
        """`func(args)` on one line when it fits, else one argument a line (`wrap_call`)."""
        self.lines(wrap_call(func, args, self.prefix, end))

    def comment(self, text: str) -> None:
        """`# text`, wrapped to the line width (hidden characters shown as escapes)."""
        for piece in _fill(show_hidden(text), self.width - 2):
            self.line(f"# {piece}")

    def indent(self) -> None:
        self._level += 1

    def outdent(self) -> None:
        if self._level == 0:
            raise ValueError("outdent below the first column")
        self._level -= 1

    @contextmanager
    def indented(self) -> Iterator[None]:
        """The lines written inside the `with` go one level deeper."""
        self.indent()
        try:
            yield
        finally:
            self.outdent()

    def extend(self, other: CodeWriter) -> None:
        """Append the lines of another writer, as they are."""
        self._lines += other._lines

    def text(self) -> str:
        """The lines written, joined by newlines."""
        return "\n".join(self._lines)
