"""Prose and code come from the same model field: flip one statement of a contract and both the
summary's sentence and the generated evaluator change with it (legal review, 2026-12: the
summaries once said excluded time left the measured time while the evaluator did not)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

from slac import model
from slac.backends import pycode, python, summary
from slac.examples import load_generated
from slac.pipeline import compile_text

PARIS = ZoneInfo("Europe/Paris")
NB = "\u00a0"
HEADER = """contract "essai" {
    title "Essai"
    provider "Prestataire"
    client role fr "le Client" en "the Customer"
    source "Conditions" dated 2024-03-19
    time zone "Europe/Paris"
    languages fr, en
    currency EUR
}
"""


def compiled(body: str, folder: Path) -> tuple[model.Contract, ModuleType, str, str]:
    """The contract, its generated module, and its French and English summaries."""
    contract, diagnostics, _ = compile_text((HEADER + body).encode(), "essai.sla")
    assert contract is not None, diagnostics
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    files = {**python.package_files([contract]), **python.runtime_files(),
             **python.render(contract, pycode.HOLIDAY_YEARS)}
    for name, text in files.items():
        path = folder / "generated" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    module = load_generated(folder / "generated", contract.module)
    return (contract, module, summary.summary_text(contract, "fr"),
            summary.summary_text(contract, "en"))


DEADLINE = """deadlines paiement {{
    clause Z1 article "Art. 1"
    obligation of client towards provider, firm
    action debit fr "prélèvement" en "direct debit"{force}
    debit {rule} 14 days after fr "l'émission" en "the issue"
}}
"""


def test_a_right_gives_an_earliest_day_and_is_said_so(tmp_path: Path) -> None:
    start = datetime(2024, 1, 10, 9, tzinfo=PARIS)
    _, duty, fr, en = compiled(DEADLINE.format(force="", rule="within"), tmp_path / "a")
    assert duty.paiement_due("debit", start) == datetime(2024, 1, 24, 9, tzinfo=PARIS)
    assert f"au plus tard 14{NB}jours après l’émission" in fr
    assert "within 14 days of the issue" in en
    _, right, fr, en = compiled(
        DEADLINE.format(force=" as right of provider against client", rule="not before"),
        tmp_path / "b")
    assert not hasattr(right, "paiement_due")
    assert right.paiement_earliest("debit", start) == datetime(2024, 1, 24, 9, tzinfo=PARIS)
    assert f"au plus tôt 14{NB}jours après l’émission (une faculté de Prestataire" in fr
    assert "no earlier than 14 days after the issue (a right of Prestataire" in en


AVAILABILITY = """window maintenance {{
    clause Z1 article "Art. 1"
    sunday 00:00 to 24:00
}}

availability dispo {{
    clause Z1 article "Art. 1"
    obligation of provider towards client, firm
    no remedy
    target at least 99 %
    period calendar month
    measured all time
    exclude window maintenance
    excluded time {mode}
    method outages
}}
"""


def test_excluded_time_is_what_the_summary_says_it_is(tmp_path: Path) -> None:
    # June 2024: 30 days = 720 h, of which 5 Sundays (2, 9, 16, 23, 30) = 120 h of maintenance.
    _, removed, fr, en = compiled(AVAILABILITY.format(mode="removed from measured time"),
                                  tmp_path / "a")
    assert removed.dispo_report(2024, 6).measured_time.total_seconds() == 600 * 3600
    assert "is taken out of the measured time" in en
    assert "est retiré du temps mesuré" in fr
    _, available, fr, en = compiled(AVAILABILITY.format(mode="counts as available"),
                                    tmp_path / "b")
    assert available.dispo_report(2024, 6).measured_time.total_seconds() == 720 * 3600
    assert "Excluded time counts as available time." in en
    assert "Le temps exclu est compté comme du temps disponible." in fr


TIERS = """availability dispo {{
    clause Z1 article "Art. 1"
    obligation of provider towards client, firm
    target at least 99 %
    period calendar month
    measured all time
    method outages
}}

tiers remise {{
    clause Z1 article "Art. 1"
    on availability of dispo
    to 99 % excluded: 10 % of {base}
    from 99 % included: none
    claim within 30 days after end of period
    paid as discount
}}
"""


def test_the_base_of_a_share_is_the_same_in_prose_and_code(tmp_path: Path) -> None:
    _, invoice, fr, en = compiled(TIERS.format(base="invoice"), tmp_path / "a")
    assert "10 % of invoice" in (invoice.remise.__doc__ or "")
    assert f"10{NB}% de la facture du mois" in fr and "10% of the month's invoice" in en
    _, subscription, fr, en = compiled(TIERS.format(base="subscription"), tmp_path / "b")
    assert "10 % of subscription" in (subscription.remise.__doc__ or "")
    assert f"10{NB}% du coût de l’abonnement du mois" in fr
    assert "10% of the month's subscription fee" in en


TERM = """term confidentialite {{
    clause Z1 article "Art. 1"
    obligation of client towards provider, firm
    survives {how}3 years after end
}}
"""


def test_a_minimum_survival_is_said_as_one(tmp_path: Path) -> None:
    # The evaluator gives the last day bound either way (the contract's end + 3 years); only a
    # minimum says that the duty may last longer.
    _, exact, fr, en = compiled(TERM.format(how=""), tmp_path / "a")
    assert exact.confidentialite_survival_end(date(2024, 6, 30)) == date(2027, 6, 30)
    assert "at least" not in (exact.confidentialite_survival_end.__doc__ or "")
    assert "continue for 3 years after the end of the contract" in en
    _, minimum, fr, en = compiled(TERM.format(how="at least "), tmp_path / "b")
    assert "at least 3 years" in (minimum.confidentialite_survival_end.__doc__ or "")
    assert "for at least 3 years" in en
    assert f"pendant au moins 3{NB}ans" in fr
