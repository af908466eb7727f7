"""Rights (such as terminating) that arise from a pattern of periods below a threshold.

"Below 99 % in three consecutive months" is Pattern(3, 3, 99); "below 95 % in any one month"
Pattern(1, 1, 95); "in 3 of any 6 consecutive months" Pattern(3, 6, 99). A pattern is met at a
period when at least `count` of the last `window` periods ending there are breaches. At the
start of the history the window holds fewer periods: 3 breaches in the first 4 months already
meet "3 of any 6 consecutive months", since they lie within 6 consecutive months.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .errors import SlaInputError, Text
from .intervals import require_decimal, require_list
from .periods import require_int


def _percent(name: str, value: object) -> Fraction:
    """`value`, a Fraction or a Decimal between 0 and 100, as a Fraction; else SlaInputError."""
    if isinstance(value, Decimal):
        number = Fraction(require_decimal(name, value))
    elif isinstance(value, Fraction):
        number = value
    else:
        raise SlaInputError(
            "type.percent", "{name} must be a Fraction or a Decimal, got {type} {value!r}",
            name=name, type=type(value).__name__, value=value,
        )
    if not 0 <= number <= 100:
        raise SlaInputError(
            "percent.range", "{name} is a percentage between 0 and 100, got {number}",
            name=name, number=value,
        )
    return number


@dataclass(frozen=True)
class Pattern:
    """At least `count` of `window` consecutive periods below `below` percent (at or below it
    when `inclusive`); `count` == `window` means `count` periods in a row."""

    count: int
    window: int
    below: Decimal
    inclusive: bool = False

    def __post_init__(self) -> None:
        require_int("count", self.count, 1)
        require_int("window", self.window, self.count)
        if not isinstance(self.below, Decimal):
            raise SlaInputError(
                "type.decimal", "{name} must be a Decimal, not {type} {value!r}",
                name="below", type=type(self.below).__name__, value=self.below,
            )
        _percent("below", self.below)
        if not isinstance(self.inclusive, bool):
            raise SlaInputError(
                "type.bool", "{name} must be a bool, got {value!r}",
                name="inclusive", value=self.inclusive,
            )

    def breached(self, rate: Fraction) -> bool:
        """Whether a period of `rate` percent counts against this pattern."""
        threshold = Fraction(self.below)
        return rate <= threshold if self.inclusive else rate < threshold


@dataclass(frozen=True)
class PatternMatch:
    """The pattern met (its index), the breaches that meet it, and the period the right arises
    at (the last of them)."""

    pattern_index: int
    periods: tuple[int, ...]
    at: int


def _met(pattern: Pattern, rates: Sequence[Fraction]) -> tuple[int, ...] | None:
    """The earliest `count` breaches within `window` consecutive periods, or None."""
    recent: deque[int] = deque()
    for index, rate in enumerate(rates):
        if pattern.breached(rate):
            recent.append(index)
            while recent[0] <= index - pattern.window:
                recent.popleft()
            if len(recent) >= pattern.count:
                return tuple(recent)
    return None


def first_match(
    patterns: Sequence[Pattern], history: Sequence[Fraction | Decimal]
) -> PatternMatch | None:
    """The earliest period at which one of `patterns` is met, or None.

    `history` holds the rates of successive periods, oldest first: Fractions (the exact rate of
    an AvailabilityReport) or Decimals, in percent. It has no gaps: a period without a
    measurement is passed as the rate the contract gives it. At the same period, the pattern
    listed first wins.
    """
    given = require_list(patterns)
    checked = [p for p in given or () if isinstance(p, Pattern)]
    if given is None or len(checked) != len(given):
        wrong = patterns if given is None else next(p for p in given if not isinstance(p, Pattern))
        raise SlaInputError(
            "type.patterns", "patterns must be Pattern objects, got {value!r}", value=wrong
        )
    listed = require_list(history)
    if listed is None:
        raise SlaInputError(
            "type.history", "history must be a sequence of rates, got {value!r}", value=history
        )
    rates = [
        _percent(Text("name.history-rate", "rate of period {index}", index=i), rate)
        for i, rate in enumerate(listed)
    ]
    found: PatternMatch | None = None
    for index, pattern in enumerate(checked):
        periods = _met(pattern, rates)
        if periods is not None and (found is None or periods[-1] < found.at):
            found = PatternMatch(index, periods, periods[-1])
    return found
