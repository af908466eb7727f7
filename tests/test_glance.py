"""The "at a glance" page (backends/glance.py): the figures it computes, checked against
arithmetic written out here, on a small contract written for the test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from slac import model
from slac.backends import glance
from slac.backends.formatting import Formatter, squash
from slac.kinds.availability import Availability
from slac.kinds.term import Term
from slac.kinds.tiers import Outcome, Tiers
from slac.pipeline import compile_text

D = Decimal

SOURCE = """
contract "essai" {
    title "Contrat d'essai"
    provider "Prestataire SA"
    client role fr "le Client" en "the Customer"
    source "Conditions de service" dated 2024-03-19
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}

calendar jours_ouvres {
    label fr "jours ouvrés" en "business days"
    workdays monday to friday
    public holidays "FR"
}

window reference {
    label fr "période de référence" en "reference period"
    monday to friday 07:00 to 20:00
    on business days of jours_ouvres
}

window nuit {
    label fr "maintenance de nuit" en "night maintenance"
    every day 20:00 to 07:00
}

availability dispo {
    clause E1 article "Art. 5"
    label fr "disponibilité" en "availability"
    target at least 99.5 %
    period calendar month
    measured during reference
    exclude window nuit
    excluded time removed from measured time
    method outages
}

availability continue {
    label fr "disponibilité continue" en "continuous availability"
    target at least 99.95 %
    period calendar month
    measured all time
    method outages
}

tiers penalites {
    clause E2 article "Art. 6"
    label fr "pénalités" en "penalties"
    on unavailability of dispo
    from 0 % included to 0.5 % included: none
    from 0.5 % excluded to 1 % included: 3 % of invoice
    from 1 % excluded: 25 % of invoice
    cap 20 % of invoice
    claim within 30 days after end of period
    paid as credit note
    example 0.8 % gives 3 % of invoice
}

retention sauvegardes {
    label fr "sauvegardes" en "backups"
    copy daily every day at 01:00 kept 1 week
    copy weekly every week on unspecified kept 5 weeks
}

term duree {
    label fr "durée" en "term"
    initial 12 months from "la commande"
    renewal tacit 12 months
    notice 3 months before end of term
}

contact support {
    label fr "support" en "support"
    email unspecified
}
"""


@cache
def essai() -> model.Contract:
    found, diagnostics, _ = compile_text(SOURCE.encode(), "essai.sla")
    assert found is not None, diagnostics
    return found


def item(name: str) -> model.ItemBase:
    found = essai().item(name)
    assert found is not None
    return found


def test_measured_time_of_a_business_day_window() -> None:
    dispo = item("dispo")
    assert isinstance(dispo, Availability)
    # May 2024: 23 weekdays − 4 French public holidays on weekdays (Wed 1, Wed 8, Thu 9 and
    # Mon 20 May) = 19 business days × 13 h (07:00–20:00) = 247 h = 889 200 s. The night window
    # excluded as a whole (20:00–07:00) does not meet the measured hours: nothing is removed.
    measured = glance.measured_seconds(essai(), dispo, (2024, 5))
    assert measured == 247 * 3600
    # 247 h × (100 − 99.5) % = 1.235 h = 4 446 s = 1 h 14 min 6 s.
    allowed = glance.allowance_seconds(measured, dispo.target)
    assert allowed == D(4446)
    assert Formatter("en").elapsed(allowed) == "1 h 14 min 6 s"
    # March 2024 (no holiday on a weekday): 21 weekdays × 13 h = 273 h.
    assert glance.measured_seconds(essai(), dispo, (2024, 3)) == 273 * 3600


def test_measured_time_of_a_whole_month() -> None:
    continuous = item("continue")
    assert isinstance(continuous, Availability)
    # February 2024 has 29 days: 29 × 24 h = 696 h; 696 h × 0.05 % = 0.348 h = 1 252.8 s.
    measured = glance.measured_seconds(essai(), continuous, (2024, 2))
    assert measured == 696 * 3600
    assert glance.allowance_seconds(measured, continuous.target) == D("1252.8")
    # March 2024 in Paris loses an hour to summer time on Sunday 31: 31 × 24 − 1 = 743 h.
    assert glance.measured_seconds(essai(), continuous, (2024, 3)) == 743 * 3600


def test_reference_period_without_example_is_the_documents_month() -> None:
    dispo = item("dispo")
    assert isinstance(dispo, Availability)
    assert glance.reference_period(essai(), dispo) == (2024, 3)


def test_tiers_money_on_an_invoice_of_1000_with_the_cap() -> None:
    tiers = item("penalites")
    assert isinstance(tiers, Tiers)
    # 3 % of 1 000 = 30.00; 25 % of 1 000 = 250.00, capped at 20 % = 200.00; nothing = 0.00.
    assert glance.on_invoice(Outcome("invoice_share", D(3)), tiers.cap, D(1000)) == D("30.00")
    assert glance.on_invoice(Outcome("invoice_share", D(25)), tiers.cap, D(1000)) == D("200.00")
    assert glance.on_invoice(Outcome("none"), tiers.cap, D(1000)) == D("0.00")
    assert glance.on_invoice(Outcome("unspecified"), tiers.cap, D(1000)) is None
    # The worked example: 0.8 % of unavailability falls in the 3 % tier.
    assert glance.worked_value(tiers) == D("0.8")


def test_claim_deadline_runs_from_the_end_of_the_month() -> None:
    tiers = item("penalites")
    assert isinstance(tiers, Tiers)
    # May 2024 ends on Friday 31 May; 30 days later is Sunday 30 June 2024.
    assert glance.claim_deadline(essai(), tiers, (2024, 5)) == date(2024, 6, 30)
    # February 2024 ends on the 29th (leap year); + 30 days = 30 March 2024.
    assert glance.claim_deadline(essai(), tiers, (2024, 2)) == date(2024, 3, 30)


def test_term_renewal_and_last_notice_day() -> None:
    term = item("duree")
    assert isinstance(term, Term)
    # Started 1 January 2024 for 12 months: the first term ends on 31 December 2024 and the
    # contract is renewed on 1 January 2025. Three months before that day is 1 October 2024;
    # notice given on a day counts at its end, so the last day to send it is 30 September.
    assert glance.term_dates(term, date(2024, 1, 1)) == (date(2025, 1, 1), date(2024, 9, 30))
    # Started 31 January 2024: renewed on 31 January 2025; 31 October − 1 day = 30 October.
    assert glance.term_dates(term, date(2024, 1, 31)) == (date(2025, 1, 31), date(2024, 10, 30))
    assert glance.start_date(essai()) == date(2024, 1, 1)


def test_key_figures_rows() -> None:
    page = glance.glance(essai(), "en")
    rows = {row.topic: row for row in page.figures}
    assert rows["Availability"].figure == "≥ 99.5% per calendar month"
    # 273 h × 0.5 % = 1.365 h; 743 h × 0.05 % = 0.3715 h = 1 337.4 s.
    assert rows["Allowed unavailability (availability)"].figure == \
        "1 h 21 min 54 s in March 2024"
    assert rows["Allowed unavailability (continuous availability)"].figure == \
        "22 min 17.4 s in March 2024"
    assert rows["Penalties"].figure.startswith("Unavailability of 0.8% → 3% of the invoice, "
                                               "i.e. €30.00 on an invoice of €1,000.00")
    assert "claim by 30 April 2024 for March 2024" in rows["Penalties"].detail
    assert rows["Penalties"].clause == "Art. 6"
    assert "last day to send notice (3 months): 30 September 2024" in rows["Term"].detail
    assert page.client is None       # "le Client" is a role, not a name
    assert page.provider == "Prestataire SA"


def test_tier_table_rows() -> None:
    tiers = item("penalites")
    assert isinstance(tiers, Tiers)
    table = glance.tier_table(essai(), tiers, Formatter("en"))
    assert table.kind == "tiers"
    assert [squash(" ".join(row)) for row in table.rows] == [
        "0% ≤ x ≤ 0.5% nothing €0.00",
        "0.5% < x ≤ 1% 3% of the invoice €30.00",
        "x > 1% 25% of the invoice €200.00",
    ]


def test_attention_points_say_what_is_left_open_in_words() -> None:
    # The essai contract's penalties do not say whether they are the sole remedy, nor does its
    # weekly copy say its day and time, nor its support contact its e-mail address.
    assert glance.attention_points(essai(), "fr") == [
        "Caractère exclusif ou non de la réparation : pénalités",
        "Pour la sauvegarde faite chaque semaine : le jour, l'heure",
        "L'adresse e-mail pour support",
    ]
    assert glance.attention_points(essai(), "en") == [
        "Whether it is the client's sole remedy: penalties",
        "For the backup taken every week: the day, the time",
        "The e-mail address for support",
    ]


def test_css_strings() -> None:
    assert glance.css_string('a"b\\c</style>') == "a\\22 b\\5c c\\3c /style\\3e "


def test_every_open_point_of_the_contracts_has_words() -> None:
    """Each `contract.unspecified` wording of contracts/ is known to attention_points: none is
    shown as the checker's English text in the French box."""
    from pathlib import Path

    from slac.pipeline import compile_paths

    root = Path(__file__).resolve().parent.parent
    for contract in compile_paths(sorted((root / "contracts").glob("*.sla"))).contracts:
        english = {u.what.lower() for u in contract.unspecified}
        for point in glance.attention_points(contract, "fr"):
            assert point.lower() not in english, (contract.id, point)
