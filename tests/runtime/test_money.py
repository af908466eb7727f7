"""Money helpers; every expected amount is computed by hand in the comment beside it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slac.runtime.errors import SlaInputError
from slac.runtime.money import (
    indexed_price,
    late_interest,
    minimum_top_up,
    notice_period_invoice,
    surcharged_overage,
    time_fee,
    to_cents,
)


@pytest.mark.parametrize(
    ("value", "cents"),
    [
        (Decimal("0.125"), "0.13"),  # half rounds up
        (Decimal("2.675"), "2.68"),
        (Decimal("0.124999"), "0.12"),
        (Decimal("-0.125"), "-0.13"),  # half rounds away from zero
        (Decimal(7), "7.00"),
        (Fraction(1, 3), "0.33"),
        (Fraction(1, 200), "0.01"),  # 0.005 -> 0.01
        (Fraction(-1, 200), "-0.01"),
        (Fraction(2, 3), "0.67"),
    ],
)
def test_to_cents(value: Decimal | Fraction, cents: str) -> None:
    assert to_cents(value) == Decimal(cents)
    assert str(to_cents(value)) == cents


# Teogest T8: 130 € HT an hour, minimum 70 € HT per restored annual file.
RATE, MINIMUM = Decimal(130), Decimal(70)


@pytest.mark.parametrize(
    ("spent", "files", "fee"),
    [
        (timedelta(minutes=20), 1, "70.00"),  # 130 × 1/3 = 43.33 < 70 × 1
        (timedelta(hours=1), 1, "130.00"),  # 130 × 1 > 70
        (timedelta(minutes=37), 1, "80.17"),  # 130 × 37/60 = 80.1666...
        (timedelta(hours=2, minutes=15), 3, "292.50"),  # 130 × 2.25 = 292.50 > 210
        (timedelta(hours=2), 4, "280.00"),  # 260 < 70 × 4 = 280
        (timedelta(seconds=1), 0, "0.04"),  # 130 / 3600 = 0.0361...
    ],
)
def test_t8_restore_fee(spent: timedelta, files: int, fee: str) -> None:
    assert time_fee(RATE, spent, MINIMUM, files) == Decimal(fee)


def test_t10_minimum_monthly_invoice() -> None:
    assert minimum_top_up(Decimal("95.40"), Decimal(130)) == Decimal("34.60")  # 130 - 95.40
    assert minimum_top_up(Decimal(130), Decimal(130)) == Decimal("0.00")
    assert minimum_top_up(Decimal(150), Decimal(130)) == Decimal("0.00")


def test_c9_overage_at_price_plus_20_percent() -> None:
    assert surcharged_overage(Decimal(10), Decimal("12.50"), Decimal(20)) == Decimal("150.00")
    # 3 × 0.99 × 1.2 = 3.564 -> 3.56
    assert surcharged_overage(Decimal(3), Decimal("0.99"), Decimal(20)) == Decimal("3.56")
    assert surcharged_overage(Decimal(0), Decimal("0.99"), Decimal(20)) == Decimal("0.00")


@pytest.mark.parametrize(
    ("old", "new", "price"),
    [
        ("100", "103.2", "134.16"),  # 130 × 1.032
        ("100", "109", "141.70"),  # exactly 9 %: 130 × 1.09
        ("100", "112", "141.70"),  # +12 % capped at 9 %: 130 × 1.09
        ("100", "97", "126.10"),  # a fall applies in full: 130 × 0.97
        ("288.4", "296.3", "133.56"),  # 130 × 296.3 / 288.4 = 133.5610...
    ],
)
def test_t10_syntec_revision(old: str, new: str, price: str) -> None:
    assert indexed_price(Decimal(130), Decimal(old), Decimal(new), Decimal(9)) == Decimal(price)


def test_t11_late_interest() -> None:
    # Example legal rate 4.92 % + 3 points = 7.92 %; 1,000 € late 30 days:
    # 1000 × 0.0792 × 30 / 365 = 6.5095... -> 6.51
    assert late_interest(Decimal(1000), Decimal("7.92"), 30) == Decimal("6.51")
    # Leap year basis: 1000 × 0.0792 × 30 / 366 = 6.4918... -> 6.49
    assert late_interest(Decimal(1000), Decimal("7.92"), 30, 366) == Decimal("6.49")
    assert late_interest(Decimal(1000), Decimal("7.92"), 0) == Decimal("0.00")


def test_t13_notice_period_invoice() -> None:
    # last 500, highest 800 - 20 % = 640, consumption 300 -> 640
    assert notice_period_invoice(Decimal(500), Decimal(800), Decimal(20), Decimal(300)) == Decimal(
        "640.00"
    )
    # consumption 700 is the highest
    assert notice_period_invoice(Decimal(500), Decimal(800), Decimal(20), Decimal(700)) == Decimal(
        "700.00"
    )
    # last 700 > 640
    assert notice_period_invoice(Decimal(700), Decimal(800), Decimal(20), Decimal(0)) == Decimal(
        "700.00"
    )
    # 80 % of 812.35 = 649.88
    assert notice_period_invoice(
        Decimal(100), Decimal("812.35"), Decimal(20), Decimal(0)
    ) == Decimal("649.88")


def test_bad_inputs_are_named() -> None:
    with pytest.raises(SlaInputError, match="rate_per_hour"):
        time_fee(Decimal(-1), timedelta(hours=1), MINIMUM, 1)
    with pytest.raises(SlaInputError, match="time_spent"):
        time_fee(RATE, timedelta(hours=-1), MINIMUM, 1)
    with pytest.raises(SlaInputError, match="units"):
        time_fee(RATE, timedelta(hours=1), MINIMUM, True)
    with pytest.raises(SlaInputError, match="float"):
        minimum_top_up(95.4, Decimal(130))  # type: ignore[arg-type]
    with pytest.raises(SlaInputError, match="finite"):
        surcharged_overage(Decimal("NaN"), Decimal(1), Decimal(20))
    with pytest.raises(SlaInputError, match="old_index"):
        indexed_price(Decimal(130), Decimal(0), Decimal(100), Decimal(9))
    with pytest.raises(SlaInputError, match="year_days"):
        late_interest(Decimal(1000), Decimal(8), 30, 0)
    with pytest.raises(SlaInputError, match="highest_invoice"):
        notice_period_invoice(Decimal(900), Decimal(800), Decimal(20), Decimal(0))
    with pytest.raises(SlaInputError, match="reduction"):
        notice_period_invoice(Decimal(500), Decimal(800), Decimal(120), Decimal(0))


amounts = st.decimals(min_value=0, max_value=10**6, places=2)


@given(amounts, amounts)
def test_top_up_reaches_the_minimum_exactly(invoiced: Decimal, minimum: Decimal) -> None:
    top_up = minimum_top_up(invoiced, minimum)
    assert top_up >= 0
    assert invoiced + top_up == max(invoiced, minimum)


@given(st.decimals(min_value=1, max_value=1000, places=2), st.decimals(1, 1000, places=2))
def test_index_increase_never_exceeds_the_cap(old: Decimal, new: Decimal) -> None:
    # 100 € revised: at most 109 €, and never above the uncapped index price (rounded).
    revised = indexed_price(Decimal(100), old, new, Decimal(9))
    assert revised <= Decimal(109)
    assert revised <= to_cents(Fraction(100) * Fraction(new) / Fraction(old))
