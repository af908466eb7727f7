"""Rights arising from a pattern of periods; every expected period is worked out beside it."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slac.runtime.errors import SlaInputError
from slac.runtime.patterns import Pattern, PatternMatch, first_match

THREE_IN_A_ROW = Pattern(3, 3, Decimal(99))  # below 99 % in three consecutive months
ONE_BELOW_95 = Pattern(1, 1, Decimal(95))  # or below 95 % in any one month
THREE_OF_SIX = Pattern(3, 6, Decimal(99))  # in 3 of any 6 consecutive months


def rates(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


def test_three_in_a_row() -> None:
    # Breaches (< 99) at 1, 2, 4, 5, 6: 1-2 is broken by 99.2 at 3; 4, 5, 6 is the first run.
    history = rates("99.5", "98", "98.5", "99.2", "98", "97", "96.9", "90")
    assert first_match([THREE_IN_A_ROW], history) == PatternMatch(0, (4, 5, 6), 6)
    # Only two in a row: no right.
    assert first_match([THREE_IN_A_ROW], history[:6]) is None


def test_one_month_below_the_lower_threshold_comes_first() -> None:
    # 94.9 at 4 meets "below 95 % in one month" at 4, before the run 3, 4, 5 is complete at 5.
    history = rates("99.5", "99.9", "99.9", "98", "94.9", "98")
    assert first_match([THREE_IN_A_ROW, ONE_BELOW_95], history) == PatternMatch(1, (4,), 4)
    # Without it, the run 3, 4, 5 gives the right at 5.
    assert first_match([THREE_IN_A_ROW], history) == PatternMatch(0, (3, 4, 5), 5)


def test_three_of_any_six() -> None:
    # Breaches at 0, 2, 5: periods 0-5 are six consecutive months holding three → right at 5.
    met = rates("98", "100", "98", "100", "100", "98", "100")
    assert first_match([THREE_OF_SIX], met) == PatternMatch(0, (0, 2, 5), 5)
    # Breaches at 0, 2, 6: 0-5 holds two, 1-6 holds two (2 and 6) → no right.
    unmet = rates("98", "100", "98", "100", "100", "100", "98")
    assert first_match([THREE_OF_SIX], unmet) is None
    # ...until a breach at 7: 2-7 holds 2, 6, 7 → right at 7.
    assert first_match([THREE_OF_SIX], [*unmet, Decimal(98)]) == PatternMatch(0, (2, 6, 7), 7)


def test_a_window_not_yet_full_at_the_start_of_the_history() -> None:
    # Breaches at 0, 1, 3 in the first 4 months: they lie within 6 consecutive months → right
    # at 3, without waiting for a sixth month.
    history = rates("98", "97", "100", "96")
    assert first_match([THREE_OF_SIX], history) == PatternMatch(0, (0, 1, 3), 3)


def test_strict_and_inclusive_thresholds() -> None:
    # Exactly 99 is not "below 99 %" but is "at or below 99 %".
    history = rates("99", "99.00", "99")
    assert first_match([THREE_IN_A_ROW], history) is None
    at_or_below = Pattern(3, 3, Decimal(99), inclusive=True)
    assert first_match([at_or_below], history) == PatternMatch(0, (0, 1, 2), 2)


def test_exact_fractions() -> None:
    # AvailabilityReport.exact: 99 % less a billionth is below 99 %; exactly 99 % is not.
    hair = Fraction(99) - Fraction(1, 10**9)
    assert first_match([ONE_BELOW_95, Pattern(1, 1, Decimal(99))], [Fraction(99), hair]) == (
        PatternMatch(1, (1,), 1)
    )
    # Fractions and Decimals mix: 3 × 98 % in a row.
    mixed = [Fraction(98), Decimal(98), Fraction(196, 2)]
    assert first_match([THREE_IN_A_ROW], mixed) == PatternMatch(0, (0, 1, 2), 2)


def test_ties_go_to_the_pattern_listed_first() -> None:
    # 94 at 1 meets "one below 95" and closes "two below 99 in a row" (0, 1): both at 1.
    two_in_a_row = Pattern(2, 2, Decimal(99))
    history = rates("98", "94")
    assert first_match([two_in_a_row, ONE_BELOW_95], history) == PatternMatch(0, (0, 1), 1)
    assert first_match([ONE_BELOW_95, two_in_a_row], history) == PatternMatch(0, (1,), 1)


def test_nothing_to_match() -> None:
    assert first_match([THREE_IN_A_ROW, ONE_BELOW_95], []) is None
    assert first_match([], rates("50", "50", "50")) is None
    assert first_match((p for p in [ONE_BELOW_95]), iter(rates("99", "0"))) == (
        PatternMatch(0, (1,), 1)
    )
    assert first_match([ONE_BELOW_95], rates("100", "95", "95.5")) is None


@pytest.mark.parametrize(
    ("count", "window", "below", "inclusive", "key"),
    [
        (0, 1, Decimal(99), False, "integer.range"),
        (3, 2, Decimal(99), False, "integer.range"),  # window shorter than count
        (True, 3, Decimal(99), False, "type.integer"),
        (3, 3.0, Decimal(99), False, "type.integer"),
        (3, 3, 99.0, False, "type.decimal"),
        (3, 3, "99", False, "type.decimal"),
        (3, 3, Decimal(101), False, "percent.range"),
        (3, 3, Decimal(-1), False, "percent.range"),
        (3, 3, Decimal("NaN"), False, "number.infinite"),
        (3, 3, Decimal(99), "yes", "type.bool"),
        (3, 3, Decimal(99), 1, "type.bool"),
    ],
)
def test_badly_built_patterns(
    count: object, window: object, below: object, inclusive: object, key: str
) -> None:
    with pytest.raises(SlaInputError) as refused:
        Pattern(count, window, below, inclusive)  # type: ignore[arg-type]
    assert refused.value.key == key


@pytest.mark.parametrize(
    ("patterns", "history", "key"),
    [
        (None, rates("99"), "type.patterns"),
        ([THREE_IN_A_ROW, "3 in a row"], rates("99"), "type.patterns"),
        ([THREE_IN_A_ROW], None, "type.history"),
        ([THREE_IN_A_ROW], [Decimal(99), None], "type.percent"),  # no gaps
        ([THREE_IN_A_ROW], [99.5], "type.percent"),
        ([THREE_IN_A_ROW], [100], "type.percent"),
        ([THREE_IN_A_ROW], [True], "type.percent"),
        ([THREE_IN_A_ROW], "999", "type.percent"),
        ([THREE_IN_A_ROW], [Decimal("Infinity")], "number.infinite"),
        ([THREE_IN_A_ROW], [Fraction(201, 2)], "percent.range"),
        ([THREE_IN_A_ROW], [Decimal("-0.1")], "percent.range"),
    ],
)
def test_refused_inputs(patterns: object, history: object, key: str) -> None:
    with pytest.raises(SlaInputError) as refused:
        first_match(patterns, history)  # type: ignore[arg-type]
    assert refused.value.key == key


def test_a_bad_rate_is_named_by_its_period() -> None:
    with pytest.raises(SlaInputError, match=r"rate of period 1 must be a Fraction or a Decimal, "
                                            r"got NoneType None"):
        first_match([THREE_IN_A_ROW], [Decimal(99), None])


PATTERNS = st.builds(
    lambda count, extra, below, inclusive: Pattern(count, count + extra, below, inclusive),
    st.integers(1, 4), st.integers(0, 4), st.sampled_from([Decimal(95), Decimal(99)]),
    st.booleans(),
)
HISTORY = st.lists(st.sampled_from(rates("90", "95", "97", "99", "100")), max_size=20)


def _breaches(pattern: Pattern, history: list[Decimal], end: int) -> list[int]:
    """The breaches of the window of `pattern` ending at `end`, found apart from the module."""
    first = max(0, end - pattern.window + 1)
    return [i for i in range(first, end + 1) if history[i] < pattern.below
            or (pattern.inclusive and history[i] == pattern.below)]


@given(st.lists(PATTERNS, max_size=3), HISTORY)
def test_the_right_arises_at_the_first_period_a_pattern_is_met(
    patterns: list[Pattern], history: list[Decimal]
) -> None:
    expected = next(
        ((end, index) for end in range(len(history)) for index, pattern in enumerate(patterns)
         if len(_breaches(pattern, history, end)) >= pattern.count),
        None,
    )
    match = first_match(patterns, history)
    if expected is None:
        assert match is None
        return
    assert match is not None
    end, index = expected
    assert (match.at, match.pattern_index) == (end, index)
    assert match.periods == tuple(_breaches(patterns[index], history, end))
    assert len(match.periods) == patterns[index].count
    assert match.periods[-1] == match.at
