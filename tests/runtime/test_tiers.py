"""Tier tables: Teogest T4 penalties, niveaux-de-service N2 credits; values computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from slac.runtime.errors import SlaInputError, UnspecifiedError
from slac.runtime.tiers import Bound, Outcome, Tier, TierResult, TierTable, cumulate, evaluate


def closed(low: str, high: str, outcome: Outcome) -> Tier:
    return Tier(Bound(Decimal(low), True), Bound(Decimal(high), True), outcome)


def share(percent: int) -> Outcome:
    return Outcome("invoice_share", Decimal(percent))


# Teogest Annexe 2 A.6, by monthly unavailability rate (percent):
# [0, 0.2] none; [0.21, 0.5] 3 %; [0.51, 1] 8 %; [1.01, 1.5] 13 %; > 1.5 20 %;
# capped at 20 % of the month's invoice. Gaps: (0.2, 0.21), (0.5, 0.51), (1, 1.01).
T4 = TierTable(
    tiers=(
        closed("0", "0.2", Outcome("none")),
        closed("0.21", "0.5", share(3)),
        closed("0.51", "1", share(8)),
        closed("1.01", "1.5", share(13)),
        Tier(Bound(Decimal("1.5"), False), None, share(20)),
    ),
    cap=share(20),
)
INVOICE = Decimal(1000)


@pytest.mark.parametrize(
    ("rate", "tier", "money"),
    [
        ("0", 0, "0.00"),  # no penalty
        ("0.2", 0, "0.00"),  # upper bound of "0 % - 0.2 %" included
        ("0.21", 1, "30.00"),  # 3 % × 1,000 €
        ("0.3", 1, "30.00"),  # 3 % × 1,000 €
        ("0.5", 1, "30.00"),
        ("0.51", 2, "80.00"),  # 8 % × 1,000 €
        ("1", 2, "80.00"),
        ("1.01", 3, "130.00"),  # 13 % × 1,000 €
        ("1.5", 3, "130.00"),  # "supérieur à 1,5 %" excludes 1.5 itself
        ("1.50001", 4, "200.00"),  # 20 % × 1,000 €
        ("100", 4, "200.00"),
    ],
)
def test_t4_tiers_and_bounds(rate: str, tier: int, money: str) -> None:
    result = evaluate(T4, Decimal(rate), INVOICE)
    assert result.tier == tier
    assert result.money == Decimal(money)
    assert result.days is None
    assert not result.capped


@pytest.mark.parametrize("rate", ["0.205", "0.2000001", "0.505", "1.005", "1.0099"])
def test_t4_gaps_are_unspecified_never_zero(rate: str) -> None:
    result = evaluate(T4, Decimal(rate), INVOICE)
    assert result.tier is None
    assert result.outcome.kind == "unspecified"
    assert result.money is None


def test_share_without_invoice_has_no_money() -> None:
    result = evaluate(T4, Decimal("0.3"))
    assert result.outcome == share(3)
    assert result.money is None


def test_money_rounds_half_up_to_cents() -> None:
    # 3 % of 1,234.50 € = 37.035 € -> 37.04 €.
    assert evaluate(T4, Decimal("0.3"), Decimal("1234.50")).money == Decimal("37.04")


def test_cap_applies_after_the_tier() -> None:
    # Hypothetical table: above 2 % -> 25 % of the invoice, capped at 20 %: 1,000 € -> 200 €.
    table = TierTable((Tier(Bound(Decimal(2), False), None, share(25)),), cap=share(20))
    result = evaluate(table, Decimal(3), INVOICE)
    assert result.money == Decimal("200.00")
    assert result.capped
    # The same with a 150 € money cap: 250 € -> 150 €.
    money_cap = Outcome("money", Decimal(150), "EUR")
    capped = evaluate(TierTable(table.tiers, money_cap), Decimal(3), INVOICE)
    assert capped.money == Decimal("150.00")
    assert capped.capped
    with pytest.raises(SlaInputError, match="invoice"):
        evaluate(TierTable(table.tiers, money_cap), Decimal(3))


def test_money_tier_under_a_share_cap() -> None:
    # 500 € flat, capped at 20 % of a 1,000 € invoice -> 200 €; of a 5,000 € invoice -> 500 €.
    table = TierTable((Tier(None, None, Outcome("money", Decimal(500), "EUR")),), cap=share(20))
    assert evaluate(table, Decimal(1), INVOICE).money == Decimal("200.00")
    assert not evaluate(table, Decimal(1), Decimal(5000)).capped
    with pytest.raises(SlaInputError, match="invoice"):
        evaluate(table, Decimal(1))


def test_bad_values() -> None:
    with pytest.raises(SlaInputError, match="negative"):
        evaluate(T4, Decimal("-0.1"), INVOICE)
    with pytest.raises(SlaInputError, match="finite"):
        evaluate(T4, Decimal("NaN"), INVOICE)
    with pytest.raises(SlaInputError, match="negative"):
        evaluate(T4, Decimal("0.3"), Decimal(-1))


def test_badly_built_tables() -> None:
    with pytest.raises(SlaInputError, match="overlap"):
        TierTable((closed("0", "0.5", share(1)), closed("0.5", "1", share(2))))
    with pytest.raises(SlaInputError, match="mix"):
        TierTable(
            (closed("0", "1", share(1)), closed("2", "3", Outcome("service_days", Decimal(1))))
        )
    with pytest.raises(SlaInputError, match="does not fit"):
        TierTable((closed("0", "1", share(1)),), cap=Outcome("service_days", Decimal(10)))
    with pytest.raises(SlaInputError, match="empty tier"):
        closed("2", "1", share(1))
    with pytest.raises(SlaInputError, match="amount"):
        Outcome("invoice_share")
    with pytest.raises(SlaInputError, match="currency"):
        Outcome("money", Decimal(1))


def test_tier_contains_respects_inclusive_bounds() -> None:
    half_open = Tier(Bound(Decimal(1), True), Bound(Decimal(2), False), share(1))
    assert half_open.contains(Decimal(1))
    assert half_open.contains(Decimal("1.999"))
    assert not half_open.contains(Decimal(2))
    assert not half_open.contains(Decimal("0.999"))
    # Touching bounds, one exclusive, do not overlap.
    TierTable((half_open, Tier(Bound(Decimal(2), True), None, share(2))))


# niveaux-de-service N2, on monthly availability (percent): [99.90, 99.95) -> ? days,
# (99.00, 99.89) -> ? days: the day counts are blank in the text, so the tiers are
# "unspecified"; >= 99.95 -> none. Gaps: [99.89, 99.90) and <= 99.00. Cap: 10 days a month.
N2_CAP = Outcome("service_days", Decimal(10))
N2 = TierTable(
    tiers=(
        Tier(Bound(Decimal("99.95"), True), None, Outcome("none")),
        Tier(Bound(Decimal("99.90"), True), Bound(Decimal("99.95"), False), Outcome("unspecified")),
        Tier(
            Bound(Decimal("99.00"), False), Bound(Decimal("99.89"), False), Outcome("unspecified")
        ),
    ),
    cap=N2_CAP,
)


# Suppose the author decides 3 days for [99.90, 99.95) and 7 days for (99.00, 99.89).
N2_DECIDED = TierTable(
    (
        N2.tiers[0],
        Tier(N2.tiers[1].lower, N2.tiers[1].upper, Outcome("service_days", Decimal(3))),
        Tier(N2.tiers[2].lower, N2.tiers[2].upper, Outcome("service_days", Decimal(7))),
    ),
    cap=N2_CAP,
)


def test_n2_as_written_leaves_credits_unspecified() -> None:
    assert evaluate(N2, Decimal("99.97")).outcome.kind == "none"
    blank = evaluate(N2, Decimal("99.92"))
    assert (blank.tier, blank.outcome.kind, blank.days) == (1, "unspecified", None)
    assert evaluate(N2, Decimal("99.895")).tier is None  # between 99.89 and 99.90
    assert evaluate(N2, Decimal("99.00")).tier is None  # "> 99,00 %" excludes 99.00
    with pytest.raises(UnspecifiedError, match="tier 1"):
        cumulate([blank], N2_CAP)
    with pytest.raises(UnspecifiedError, match="no tier"):
        cumulate([evaluate(N2, Decimal(98))], N2_CAP)


def test_n2_with_decided_days_is_capped_at_10() -> None:
    good = evaluate(N2_DECIDED, Decimal("99.99"))
    assert good.days == Decimal(0)
    first = evaluate(N2_DECIDED, Decimal("99.92"))
    second = evaluate(N2_DECIDED, Decimal("99.5"))
    assert (first.days, second.days) == (Decimal(3), Decimal(7))
    # 3 + 7 = 10 -> 10; 3 + 7 + 3 = 13 -> capped at 10; 3 + 0 = 3.
    assert cumulate([first, second], N2_CAP) == Decimal(10)
    assert cumulate([first, second, first], N2_CAP) == Decimal(10)
    assert cumulate([first, good], N2_CAP) == Decimal(3)
    assert cumulate([], N2_CAP) == Decimal(0)


def test_cumulate_money() -> None:
    # T4 months: 30 € + 80 € + 200 € = 310 €; with a 250 € cap -> 250 €.
    results = [evaluate(T4, Decimal(r), INVOICE) for r in ("0.3", "0.7", "2")]
    assert cumulate(results, None) == Decimal("310.00")
    assert cumulate(results, Outcome("money", Decimal(250), "EUR")) == Decimal("250.00")
    # Cap as 20 % of a 1,000 € invoice = 200 €.
    assert cumulate(results, share(20), INVOICE) == Decimal("200.00")
    with pytest.raises(SlaInputError, match="invoice"):
        cumulate([evaluate(T4, Decimal("0.3"))], None)
    with pytest.raises(SlaInputError, match="does not fit"):
        cumulate(results, N2_CAP)


def _money(result: TierResult) -> Decimal:
    assert result.money is not None
    return result.money


def _days(result: TierResult) -> Decimal:
    assert result.days is not None
    return result.days


rates = st.decimals(min_value=0, max_value=5, places=4)


@given(rates, rates)
def test_t4_penalty_never_shrinks_as_unavailability_rises(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    first, second = evaluate(T4, low, INVOICE), evaluate(T4, high, INVOICE)
    assume(first.tier is not None and second.tier is not None)
    assert _money(first) <= _money(second)


@given(st.decimals(min_value=99, max_value=100, places=3), st.decimals(99, 100, places=3))
def test_n2_credit_never_shrinks_as_availability_falls(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    worse, better = evaluate(N2_DECIDED, low), evaluate(N2_DECIDED, high)
    assume(worse.tier is not None and better.tier is not None)
    assert _days(worse) >= _days(better)
