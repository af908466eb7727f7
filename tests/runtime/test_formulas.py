"""Credits computed by formula; every expected amount is computed by hand beside it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slac.runtime.errors import SlaInputError
from slac.runtime.formulas import Cap, CreditResult, PerUnitCredit, ProratedFees, credit
from slac.runtime.money import to_cents

HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)
INVOICE = Decimal("1000.00")
# "5 % of the monthly fee for each full hour of downtime beyond the allowance, up to 30 %".
FIVE_PER_HOUR = PerUnitCredit(HOUR, Decimal(5), "invoice_share")
THIRTY_PERCENT = Cap("invoice_share", Decimal(30))
ALLOWANCE = 43 * MINUTE  # 99.9 % of a 30-day month: 43.2 min, rounded down by the contract


def money(result: CreditResult) -> Decimal:
    assert result.money is not None
    return result.money


@pytest.mark.parametrize(
    ("downtime", "units", "share", "raw", "kept", "capped"),
    [
        # 3 h 59 min beyond the 43 min allowance → 3 full hours × 5 % = 15 % of 1,000.00 = 150.00
        (ALLOWANCE + 3 * HOUR + 59 * MINUTE, 3, "15", "150.00", "150.00", False),
        # 30 min, within the allowance → nothing counted → 0 hours → 0.00
        (30 * MINUTE, 0, "0", "0.00", "0.00", False),
        # 59 min beyond → 0 full hours → 0.00 (full steps only)
        (ALLOWANCE + 59 * MINUTE, 0, "0", "0.00", "0.00", False),
        # 1 h beyond → 1 × 5 % = 5 % → 50.00
        (ALLOWANCE + HOUR, 1, "5", "50.00", "50.00", False),
        # 6 h beyond → 30 %, the cap itself: not lowered → 300.00
        (ALLOWANCE + 6 * HOUR, 6, "30", "300.00", "300.00", False),
        # 7 h 30 min beyond → 7 × 5 % = 35 % → 350.00, capped at 30 % → 300.00
        (ALLOWANCE + 7 * HOUR + 30 * MINUTE, 7, "35", "350.00", "300.00", True),
    ],
)
def test_invoice_share_per_full_hour_beyond_the_allowance(
    downtime: timedelta, units: int, share: str, raw: str, kept: str, capped: bool
) -> None:
    result = credit(
        FIVE_PER_HOUR, downtime, allowance=ALLOWANCE, invoice=INVOICE, cap=THIRTY_PERCENT
    )
    assert result.downtime == downtime
    assert result.counted == max(timedelta(0), downtime - ALLOWANCE)
    assert (result.units, result.share) == (units, Decimal(share))
    assert (result.raw, result.money) == (Decimal(raw), Decimal(kept))
    assert (result.days, result.capped, result.cap) == (None, capped, THIRTY_PERCENT)


def test_a_share_without_invoice_is_capped_as_a_share() -> None:
    # 8 h → 8 × 5 % = 40 % > 30 %: capped; no invoice → no money.
    result = credit(FIVE_PER_HOUR, 8 * HOUR, cap=THIRTY_PERCENT)
    assert (result.share, result.raw, result.money) == (Decimal(40), None, None)
    assert result.capped
    # Without a cap: 2 h → 10 %, no money either.
    bare = credit(FIVE_PER_HOUR, 2 * HOUR)
    assert (bare.share, bare.money, bare.capped, bare.cap) == (Decimal(10), None, False, None)


def test_share_rounds_half_up_to_cents() -> None:
    # 1 h → 5 % of 1,234.50 = 61.725 → 61.73.
    assert credit(FIVE_PER_HOUR, HOUR, invoice=Decimal("1234.50")).money == Decimal("61.73")


def test_money_per_half_hour_under_a_money_cap() -> None:
    # "25 USD for each full 30 minutes, capped at 500 USD".
    formula = PerUnitCredit(30 * MINUTE, Decimal(25), "money", "USD")
    cap = Cap("money", Decimal(500), "USD")
    # 5 h 10 min → 10 full half hours × 25 = 250.00; no invoice needed.
    below = credit(formula, 5 * HOUR + 10 * MINUTE, cap=cap)
    assert (below.units, below.raw, below.money, below.capped) == (
        10, Decimal("250.00"), Decimal("250.00"), False
    )
    # 11 h → 22 × 25 = 550.00 → capped at 500.00.
    above = credit(formula, 11 * HOUR, cap=cap)
    assert (above.units, above.raw, above.money, above.capped) == (
        22, Decimal("550.00"), Decimal("500.00"), True
    )
    assert above.share is None and above.days is None


def test_service_days_per_full_hour_capped_at_30_days() -> None:
    # "1 day of service added for each full hour of downtime, up to 30 days".
    formula = PerUnitCredit(HOUR, Decimal(1), "service_days")
    cap = Cap("service_days", Decimal(30))
    # 29 h 59 min → 29 full hours → 29 days.
    below = credit(formula, 29 * HOUR + 59 * MINUTE, cap=cap, invoice=INVOICE)
    assert (below.units, below.days, below.capped) == (29, Decimal(29), False)
    assert (below.raw, below.money, below.share) == (None, None, None)
    # 45 h → 45 days → capped at 30.
    above = credit(formula, 45 * HOUR, cap=cap)
    assert (above.days, above.capped) == (Decimal(30), True)
    # Half a day per full hour, no cap: 3 h → 1.5 days.
    half = PerUnitCredit(HOUR, Decimal("0.5"), "service_days")
    assert credit(half, 3 * HOUR).days == Decimal("1.5")


@pytest.mark.parametrize(
    ("days", "downtime", "kept", "capped"),
    [
        # 24 h × 5 % = 120 % of 1,000.00 = 1,200.00, capped at 30 days of paid service:
        # 28-day month: 1,000 × 30 / 28 = 1,071.428… → 1,071.43
        (28, 24 * HOUR, "1071.43", True),
        # 30-day month: 1,000 × 30 / 30 = 1,000.00
        (30, 24 * HOUR, "1000.00", True),
        # 31-day month: 1,000 × 30 / 31 = 967.741… → 967.74
        (31, 24 * HOUR, "967.74", True),
        # 20 h × 5 % = 100 % = 1,000.00: under the cap of 1,071.43 in a 28-day month
        (28, 20 * HOUR, "1000.00", False),
        # 1,000.00 is the cap itself in a 30-day month: not lowered
        (30, 20 * HOUR, "1000.00", False),
        # 1,000.00 > 967.74 in a 31-day month: capped (a fixed 100 % would have paid 1,000.00)
        (31, 20 * HOUR, "967.74", True),
    ],
)
def test_cap_in_days_of_paid_service_follows_the_month_length(
    days: int, downtime: timedelta, kept: str, capped: bool
) -> None:
    cap = Cap("paid_days", Decimal(30))
    result = credit(FIVE_PER_HOUR, downtime, invoice=INVOICE, cap=cap, period_days=days)
    assert (result.money, result.capped) == (Decimal(kept), capped)
    assert result.raw == to_cents(Fraction(downtime // HOUR * 5 * 1000, 100))


def test_money_credit_capped_at_the_month_fees() -> None:
    # "100 EUR per full hour, capped at the month's fees" (100 % of a 450.00 invoice):
    # 5 h → 500.00 → capped at 450.00.
    formula = PerUnitCredit(HOUR, Decimal(100), "money", "EUR")
    cap = Cap("invoice_share", Decimal(100))
    result = credit(formula, 5 * HOUR, invoice=Decimal("450.00"), cap=cap)
    assert (result.raw, result.money, result.capped) == (Decimal("500.00"), Decimal("450.00"), True)
    # 4 h → 400.00 < 450.00.
    assert not credit(formula, 4 * HOUR, invoice=Decimal("450.00"), cap=cap).capped


def test_share_credit_capped_in_money() -> None:
    # 5 % per hour of a 20,000.00 invoice, capped at 500 USD: 1 h → 1,000.00 → 500.00.
    cap = Cap("money", Decimal(500), "USD")
    result = credit(FIVE_PER_HOUR, HOUR, invoice=Decimal(20000), cap=cap)
    assert (result.share, result.raw, result.money, result.capped) == (
        Decimal(5), Decimal("1000.00"), Decimal("500.00"), True
    )
    # 1 h of a 9,000.00 invoice → 450.00 < 500.00.
    assert credit(FIVE_PER_HOUR, HOUR, invoice=Decimal(9000), cap=cap).money == Decimal("450.00")


def test_prorated_fees_slack_like() -> None:
    # "10 times the fees paid for the period of downtime": a 91-day quarter, 30 min down,
    # quarterly fees 9,100.00 → 10 × 9,100 × 30 / (91 × 1,440) = 2,730,000 / 131,040
    # = 20.833… → 20.83.
    ten = ProratedFees(Decimal(10))
    result = credit(ten, 30 * MINUTE, period_length=91 * DAY, invoice=Decimal("9100.00"))
    assert (result.units, result.share, result.days) == (0, None, None)
    assert (result.raw, result.money, result.capped) == (Decimal("20.83"), Decimal("20.83"), False)
    # 10 days down → 10 × 9,100 × 10 / 91 = 10,000.00, capped at the quarter's fees: 9,100.00.
    capped = credit(ten, 10 * DAY, period_length=91 * DAY, invoice=Decimal(9100),
                    cap=Cap("invoice_share", Decimal(100)))
    assert (capped.raw, capped.money, capped.capped) == (
        Decimal("10000.00"), Decimal("9100.00"), True
    )


def test_prorated_fees_beyond_an_allowance_under_a_paid_days_cap() -> None:
    # 90-day quarter, 9,000.00; 5 days 1 h down, 1 h allowed → 5 days counted:
    # 10 × 9,000 × 5 / 90 = 5,000.00; 30 days of paid service = 9,000 × 30 / 90 = 3,000.00.
    result = credit(
        ProratedFees(Decimal(10)), 5 * DAY + HOUR, allowance=HOUR, period_length=90 * DAY,
        period_days=90, invoice=Decimal(9000), cap=Cap("paid_days", Decimal(30)),
    )
    assert result.counted == 5 * DAY
    assert (result.raw, result.money, result.capped) == (
        Decimal("5000.00"), Decimal("3000.00"), True
    )


def test_prorated_fees_on_the_real_length_of_a_dst_month() -> None:
    # March in Europe/Paris lasts 743 h (30 days 23 h): 1 × 743.00 × 1 h / 743 h = 1.00;
    # over a 744-hour month it would be 0.99865… → 1.00 too, so take 10 h: 743 × 10 / 743
    # = 10.00 (and 743 × 10 / 744 = 9.986… → 9.99 had the month been taken as 31 days).
    result = credit(ProratedFees(Decimal(1)), 10 * HOUR, period_length=743 * HOUR,
                    invoice=Decimal(743))
    assert result.money == Decimal("10.00")


@pytest.mark.parametrize(
    ("build", "key"),
    [
        (lambda: PerUnitCredit(timedelta(0), Decimal(5), "invoice_share"), "zero"),
        (lambda: PerUnitCredit(-HOUR, Decimal(5), "invoice_share"), "negative"),
        (lambda: PerUnitCredit(3600, Decimal(5), "invoice_share"), "type.timedelta"),
        (lambda: PerUnitCredit(HOUR, Decimal(-5), "invoice_share"), "negative"),
        (lambda: PerUnitCredit(HOUR, 0.5, "invoice_share"), "type.decimal"),
        (lambda: PerUnitCredit(HOUR, True, "invoice_share"), "type.decimal"),
        (lambda: PerUnitCredit(HOUR, Decimal("NaN"), "invoice_share"), "number.infinite"),
        (lambda: PerUnitCredit(HOUR, Decimal(5), "paid_days"), "choice"),
        (lambda: PerUnitCredit(HOUR, Decimal(5), "money"), "formula.currency"),
        (lambda: PerUnitCredit(HOUR, Decimal(5), "money", " "), "formula.currency"),
        (lambda: PerUnitCredit(HOUR, Decimal(5), "money", 840), "formula.currency"),
        (lambda: PerUnitCredit(HOUR, Decimal(5), "service_days", "USD"), "formula.currency"),
        (lambda: ProratedFees(Decimal(-10)), "negative"),
        (lambda: ProratedFees(10.0), "type.decimal"),
        (lambda: Cap("days", Decimal(30)), "choice"),
        (lambda: Cap("paid_days", Decimal(-30)), "negative"),
        (lambda: Cap("money", Decimal(500)), "formula.currency"),
        (lambda: Cap("paid_days", Decimal(30), "USD"), "formula.currency"),
    ],
)
def test_badly_built_formulas_and_caps(build: object, key: str) -> None:
    assert callable(build)
    with pytest.raises(SlaInputError) as refused:
        build()
    assert refused.value.key == key


DAYS_FORMULA = PerUnitCredit(HOUR, Decimal(1), "service_days")
USD_FORMULA = PerUnitCredit(HOUR, Decimal(100), "money", "USD")


@pytest.mark.parametrize(
    ("formula", "arguments", "key"),
    [
        (THIRTY_PERCENT, {}, "type.formula"),
        (None, {}, "type.formula"),
        (FIVE_PER_HOUR, {"downtime": -MINUTE}, "negative"),
        (FIVE_PER_HOUR, {"downtime": 60}, "type.timedelta"),
        (FIVE_PER_HOUR, {"allowance": -MINUTE}, "negative"),
        (FIVE_PER_HOUR, {"allowance": None}, "type.timedelta"),
        (FIVE_PER_HOUR, {"period_length": timedelta(0)}, "zero"),
        (FIVE_PER_HOUR, {"period_days": 0}, "integer.range"),
        (FIVE_PER_HOUR, {"period_days": True}, "type.integer"),
        (FIVE_PER_HOUR, {"period_days": 30.0}, "type.integer"),
        (FIVE_PER_HOUR, {"invoice": Decimal(-1)}, "negative"),
        (FIVE_PER_HOUR, {"invoice": 1000.0}, "type.decimal"),
        (FIVE_PER_HOUR, {"cap": Decimal(30)}, "type.cap"),
        # pro-rated fees need the invoice and the period length
        (ProratedFees(Decimal(10)), {"period_length": DAY}, "prorated.needs"),
        (ProratedFees(Decimal(10)), {"invoice": INVOICE}, "prorated.needs"),
        # a credit in days takes only a days cap; a credit in money no days cap
        (DAYS_FORMULA, {"cap": Cap("paid_days", Decimal(30))}, "cap.credit-days"),
        (DAYS_FORMULA, {"cap": THIRTY_PERCENT}, "cap.credit-days"),
        (USD_FORMULA, {"cap": Cap("service_days", Decimal(30))}, "cap.credit-money"),
        (FIVE_PER_HOUR, {"cap": Cap("service_days", Decimal(30)), "invoice": INVOICE},
         "cap.credit-money"),
        # caps that need the invoice, or the days it covers
        (USD_FORMULA, {"cap": THIRTY_PERCENT}, "cap.invoice"),
        (USD_FORMULA, {"cap": Cap("paid_days", Decimal(30)), "period_days": 30}, "cap.invoice"),
        (FIVE_PER_HOUR, {"cap": Cap("money", Decimal(500), "USD")}, "cap.invoice"),
        (FIVE_PER_HOUR, {"cap": Cap("paid_days", Decimal(30)), "invoice": INVOICE},
         "cap.period-days"),
        (USD_FORMULA, {"cap": Cap("money", Decimal(500), "EUR")}, "cap.currency"),
    ],
)
def test_refused_credits(formula: object, arguments: dict[str, object], key: str) -> None:
    downtime = arguments.pop("downtime", 2 * HOUR)
    with pytest.raises(SlaInputError) as refused:
        credit(formula, downtime, **arguments)  # type: ignore[arg-type]
    assert refused.value.key == key


def test_refusals_name_the_bad_value() -> None:
    with pytest.raises(SlaInputError, match=r"period_days must be an integer, got bool True"):
        credit(FIVE_PER_HOUR, HOUR, period_days=True)
    with pytest.raises(SlaInputError, match=r"a pro-rated credit needs period_length"):
        credit(ProratedFees(Decimal(10)), HOUR, invoice=INVOICE)
    with pytest.raises(SlaInputError, match=r"the cap is in EUR but the credit in USD"):
        credit(USD_FORMULA, HOUR, cap=Cap("money", Decimal(500), "EUR"))


CAPS = st.one_of(
    st.none(),
    st.builds(Cap, st.just("invoice_share"), st.decimals(0, 200, places=2)),
    st.builds(Cap, st.just("money"), st.decimals(0, 10_000, places=2), st.just("USD")),
    st.builds(Cap, st.just("paid_days"), st.decimals(0, 60, places=1)),
)
FORMULAS = st.one_of(
    st.builds(PerUnitCredit, st.integers(1, 240).map(lambda m: m * MINUTE),
              st.decimals(0, 50, places=2), st.just("invoice_share")),
    st.builds(PerUnitCredit, st.integers(1, 240).map(lambda m: m * MINUTE),
              st.decimals(0, 1000, places=2), st.just("money"), st.just("USD")),
    st.builds(ProratedFees, st.decimals(0, 100, places=1)),
)
DOWNTIMES = st.integers(0, 31 * 24 * 60).map(lambda m: m * MINUTE)


def _limit(cap: Cap, invoice: Decimal, days: int) -> Decimal:
    """The cap in money, computed apart from the module."""
    if cap.kind == "money":
        return cap.amount
    if cap.kind == "invoice_share":
        return to_cents(Fraction(cap.amount) * Fraction(invoice) / 100)
    return to_cents(Fraction(cap.amount) * Fraction(invoice) / days)


@given(FORMULAS, CAPS, DOWNTIMES, DOWNTIMES, st.decimals(0, 100_000, places=2),
       st.sampled_from([28, 29, 30, 31]), st.integers(0, 600).map(lambda m: m * MINUTE))
def test_money_credit_never_shrinks_with_downtime_and_never_passes_the_cap(
    formula: PerUnitCredit | ProratedFees, cap: Cap | None, a: timedelta, b: timedelta,
    invoice: Decimal, days: int, allowance: timedelta,
) -> None:
    low, high = sorted((a, b))
    first, second = (
        credit(formula, downtime, allowance=allowance, period_length=days * DAY,
               period_days=days, invoice=invoice, cap=cap)
        for downtime in (low, high)
    )
    assert money(first) <= money(second)
    assert first.raw is not None and money(first) <= first.raw
    if cap is not None:
        limit = _limit(cap, invoice, days)
        assert money(second) <= limit
        assert second.raw is not None
        if second.capped:
            assert money(second) == limit <= second.raw
        else:
            assert second.money == second.raw
    else:
        assert not second.capped and second.money == second.raw


@given(st.decimals(0, 5, places=1), st.decimals(0, 60, places=0), DOWNTIMES, DOWNTIMES)
def test_days_credit_never_shrinks_with_downtime_and_never_passes_the_cap(
    rate: Decimal, limit: Decimal, a: timedelta, b: timedelta
) -> None:
    low, high = sorted((a, b))
    formula, cap = PerUnitCredit(HOUR, rate, "service_days"), Cap("service_days", limit)
    first, second = credit(formula, low, cap=cap), credit(formula, high, cap=cap)
    assert first.days is not None and second.days is not None
    assert first.days <= second.days <= limit
    assert second.days == min(second.units * rate, limit)
