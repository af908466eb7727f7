"""Summary backend: figures, sentences and escaping of the Markdown and HTML outputs.

Expected values come from the contracts' own text or from arithmetic written out here. Small
contracts are built by hand so that the backend is tested on the IR alone; the real contracts
go through the pipeline for the figures they state themselves. The whole outputs of the test
contracts are compared with reviewed files (tests/golden/summary/). That the output does not
depend on the process (hash seed, locale, time zone, paths) is tested by test_reproducible.py,
in separate processes.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import update_snapshots
from markupsafe import Markup
from slac import model
from slac.backends import schedule_svg, summary
from slac.backends.formatting import Formatter, squash
from slac.kinds.availability import Availability, OutageMethod, Restatement
from slac.kinds.deadlines import Action, Deadlines, Rule
from slac.kinds.money import Fee, MoneyClause
from slac.kinds.tiers import Bound, Outcome, Tier, Tiers
from slac.kinds.window import WeeklyRange, Window, WindowExample
from slac.pipeline import compile_paths

ROOT = Path(__file__).resolve().parent.parent
NB = "\u00a0"      # no-break space
NNB = "\u202f"     # narrow no-break space
PARIS = ZoneInfo("Europe/Paris")
D = Decimal


@cache
def real(contract_id: str) -> model.Contract:
    """A contract of contracts/, compiled from the repository root as `slac build` does."""
    return compile_from_root(Path("contracts") / f"{contract_id}.sla")


def compile_from_root(path: Path) -> model.Contract:
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        compiled = compile_paths([path])
    finally:
        os.chdir(here)
    assert not compiled.has_errors, compiled.diagnostics
    return compiled.contracts[0]


def text(fr: str, en: str | None = None) -> model.Text:
    return model.Text(fr, en if en is not None else fr)


def contract(*items: model.Item, title: str = "Contrat d'essai") -> model.Contract:
    return model.Contract(
        id="essai", module="essai", source_file="contracts/essai.sla", title=text(title),
        provider=model.Party(text("Prestataire"), named=True),
        client=model.Party(text("le Client", "the Customer"), named=False),
        sources=(model.SourceDocument("Conditions", date(2024, 3, 19)),),
        zone="Europe/Paris", languages=("fr", "en"), currency="EUR", items=items)


def base(name: str, label: model.Text | None = None,
         notes: tuple[model.Text, ...] = ()) -> dict[str, object]:
    return {"name": name, "line": 1, "clauses": (model.ClauseRef("X1", "Art. 1", 2),),
            "label": label, "notes": notes}


def window(name: str, *ranges: tuple[int, int, int], **extra: object) -> Window:
    fields: dict[str, object] = {
        "always": False, "business_days_of": None, "per_month_limit": None, "notice": None,
        "notice_exception": None, "examples": (), **extra}
    return Window(**base(name), ranges=tuple(WeeklyRange(*r) for r in ranges), **fields)


def availability(target: str, **extra: object) -> Availability:
    fields: dict[str, object] = {
        "strict": False, "measured_during": None, "excluded_windows": (), "maintenance_in": (),
        "causes": (), "exclusion_mode": "removed", "method": OutageMethod(),
        "restatements": (), "examples": (), "no_remedy": False, **extra}
    return Availability(**base("dispo", text("disponibilité", "availability")),
                        target=D(target), **fields)


def money_clause(**extra: object) -> MoneyClause:
    fields: dict[str, object] = {
        "fees": (), "minimum_invoice": None, "surcharge": None, "surcharge_on": None,
        "indexation": None, "indexation_cap": None, "indexation_up_to": False,
        "liability_cap": None, "liability_of": None, "interest_points": None, "billing": None,
        "examples": (), **extra}
    return MoneyClause(**base("tarifs", text("tarifs", "prices")), **fields)


def both(c: model.Contract) -> tuple[str, str]:
    return summary.summary_text(c, "fr"), summary.summary_text(c, "en")


# --------------------------------------------------------------------------- API


def test_render_gives_the_three_files() -> None:
    files = summary.render(contract(availability("99.8")))
    assert sorted(files) == ["essai.en.md", "essai.fr.md", "essai.html"]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown summary language 'de'"):
        summary.summary_text(contract(), "de")


# --------------------------------------------------------------------------- derived figures


def test_teogest_allowances_match_its_own_restatement() -> None:
    # T1: 99.8 % leaves 0.2 %. Day 86 400 s × 0.002 = 172.8 s; week 604 800 s × 0.002 = 1 209.6 s;
    # year 365.2425 × 86 400 = 31 556 952 s × 0.002 = 63 113.904 s = 17 h 31 min 53.904 s;
    # month = year / 12 = 5 259.492 s = 1 h 27 min 39.492 s, rounded half-up to 39.5 s.
    fr, en = both(real("teogest"))
    for figure in (f"2{NB}min 52,8{NB}s", f"20{NB}min 9,6{NB}s", f"1{NB}h 27{NB}min 39,5{NB}s",
                   f"17{NB}h 31{NB}min 53,9{NB}s"):
        assert f"{figure} d’indisponibilité" in fr
    for figure in ("2 min 52.8 s", "20 min 9.6 s", "1 h 27 min 39.5 s", "17 h 31 min 53.9 s"):
        assert f"{figure} of unavailability" in en
    assert fr.count("comme le contrat l’écrit lui-même") == 4
    assert en.count("as the contract itself states") == 4


def test_a_restatement_that_does_not_match_is_flagged() -> None:
    wrong = Restatement(model.Duration(D("170"), "second"), "day")
    fr, en = both(contract(availability("99.8", restatements=(wrong,))))
    assert f"(le contrat indique 2{NB}min 50{NB}s, qui ne correspond pas)" in fr
    assert "(the contract states 2 min 50 s, which does not match)" in en


def test_allowance_over_a_measured_window() -> None:
    # Cegid Loop L1, shown for the month of its example, May 2024: 23 weekdays less the public
    # holidays of 1, 8, 9 and 20 May = 19 business days × 13 h (07:00–20:00) = 247 h; 0.5 % of
    # 247 h = 1.235 h = 1 h 14 min 6 s.
    fr, en = both(real("cegid-loop"))
    assert f"en mai 2024, le temps mesuré est de 247{NB}h" in fr
    assert f"1{NB}h 14{NB}min 6{NB}s d’indisponibilité par mois" in fr
    assert "in May 2024, the measured time is 247 h (public holidays left out)" in en


def test_weekly_hours_of_windows() -> None:
    # T2: Tue and Thu 21:00–06:00 = 2 × 9 h; Fri 22:00 → Sat 24:00 = 26 h. T9: Mon–Thu
    # 2.5 h + 4.5 h, Fri 2.5 h + 3.5 h = 4 × 7 + 6 = 34 h.
    fr, en = both(real("teogest"))
    assert f"Soit 18{NB}heures par semaine." in fr
    assert "In all: 26 hours in a week when it is used." in en
    assert "In all: 34 hours a week at most" in en
    # L2: Mon–Thu nights 20:00–07:00 (4 × 11 h) and Friday 20:00 to Monday 07:00 (59 h) = 103 h,
    # the 168 h of the week less the 65 h of the PRT.
    assert "In all: 103 hours a week." in summary.summary_text(real("cegid-loop"), "en")


def test_worst_case_of_business_hour_deadlines() -> None:
    # T5: from Friday 7 June 2024 17:59 (support closed since 17:00), counting starts Monday
    # 09:30. A week of support hours is 34 h: 72 h = 2 weeks + 4 h, i.e. Monday 24 June
    # 09:30–12:00 (2.5 h) and 13:30–15:00 (1.5 h). 48 h = 34 h + 14 h = Mon 17 and Tue 18 June.
    fr, en = both(real("teogest"))
    assert f"le lundi 24 juin 2024 à 15{NB}h{NB}00" in fr
    assert "Correction of a software defect: on Monday 24 June 2024 at 15:00" in en
    assert "Investigation of a software defect: on Tuesday 18 June 2024 at 18:00" in en
    # C7: chat support; Friday closed at 17:00. Monday 10 June: 3.5 h + 3 h; Tuesday 11 June:
    # 09:00–12:30 and 14:30–16:30 make the remaining 5.5 h of 12 business hours.
    conciliator = summary.summary_text(real("cegid-conciliator"), "en")
    assert "Corrective action plan, Criticality 1: on Tuesday 11 June 2024 at 16:30" in conciliator
    assert "fix or workaround, Criticality 2: on Monday 17 June 2024 at 17:59".lower() in \
        conciliator.lower()


def test_business_hours_left_unspecified_are_not_computed() -> None:
    fr, en = both(real("cegid-loop"))
    assert "Le contrat ne précise pas les heures ouvrées." in fr
    assert "deadlines in business hours cannot be computed" in en


# --------------------------------------------------------------------------- locale formats


def test_percent_and_money_by_locale() -> None:
    fr, en = both(real("teogest"))
    assert f"99,8{NB}%" in fr and "99.8%" in en
    assert f"130,00{NB}€{NB}HT" in fr and "€130.00 excl. VAT" in en
    cap = summary.summary_text(real("cegid-api"), "fr")
    assert f"1{NNB}000,00{NB}€" in cap
    assert "€1,000.00" in summary.summary_text(real("cegid-api"), "en")


def test_times_and_dates_by_locale() -> None:
    fr, en = both(real("teogest"))
    assert f"le mardi et le jeudi, de 21{NB}h{NB}00 à 6{NB}h{NB}00 le lendemain" in fr
    assert "Tuesdays and Thursdays, from 21:00 to 06:00 the next day" in en
    assert f"le vendredi, de 22{NB}h{NB}00 au samedi 24{NB}h{NB}00" in fr
    assert "Fridays, from 22:00 to Saturday 24:00" in en
    assert "daté du 19 mars 2024" in fr and "dated 19 March 2024" in en
    assert "le 1er mars 2021" in fr


@pytest.mark.parametrize(("lang", "count", "unit", "expected"), [
    ("fr", D(1), "business_day", f"1{NB}jour ouvré"),
    ("fr", D(6), "business_day", f"6{NB}jours ouvrés"),
    ("fr", D(0), "day", f"0{NB}jour"),
    ("fr", D("1.5"), "hour", f"1,5{NB}heure"),
    ("fr", D(48), "business_hour", f"48{NB}heures ouvrées"),
    ("fr", D(3), "month", f"3{NB}mois"),
    ("en", D(1), "business_day", "1 business day"),
    ("en", D(6), "business_day", "6 business days"),
    ("en", D("1.5"), "hour", "1.5 hours"),
])
def test_plurals_follow_the_locale(lang: str, count: Decimal, unit: str, expected: str) -> None:
    assert Formatter("fr" if lang == "fr" else "en").quantity(count, unit) == expected


def test_plurals_in_sentences() -> None:
    fr = summary.summary_text(real("cegid-conciliator"), "fr")
    # C4-C5 as a level × action table, then what the delays run from.
    assert f"| Criticité 1 | 12{NB}heures ouvrées | non précisé |" in fr
    assert f"| Criticité 2 | non précisé | 6{NB}jours ouvrés |" in fr
    assert "Ces délais courent à compter de la qualification" in fr
    assert f"Le contrat distingue trois niveaux{NB}:" in fr   # counts in words, as legal prose
    assert Formatter("fr").counted(12, "niveau", "niveaux") == f"12{NB}niveaux"
    assert Formatter("en").counted(2, "probe", "probes") == "two probes"


@pytest.mark.parametrize(("seconds", "fr", "en"), [
    (D("0"), f"0{NB}s", "0 s"),
    (D("3600"), f"1{NB}h", "1 h"),
    (D("59.96"), f"1{NB}min", "1 min"),
    (D("3599.95"), f"1{NB}h", "1 h"),
    (D("5259.492"), f"1{NB}h 27{NB}min 39,5{NB}s", "1 h 27 min 39.5 s"),
])
def test_elapsed_rounds_half_up_to_the_tenth(seconds: Decimal, fr: str, en: str) -> None:
    assert Formatter("fr").elapsed(seconds) == fr
    assert Formatter("en").elapsed(seconds) == en


# --------------------------------------------------------------------------- sentences


def test_tier_bounds_in_words() -> None:
    fr, en = both(real("teogest"))
    assert f"De 0,21{NB}% inclus à 0,5{NB}% inclus{NB}: 3{NB}% de la facture du mois" in fr
    assert "From 0.21% to 0.5%, both included: 3% of the month's invoice" in en
    assert f"Plus de 1,5{NB}%{NB}: 20{NB}% de la facture du mois" in fr
    # T4 leaves 0.2 % < x < 0.21 % undecided: the checker's gaps are said to be open.
    assert f"de 0,2{NB}% exclu à 0,21{NB}% exclu" in fr
    assert "between 0.2% and 0.21%, both excluded" in en
    assert "Le contrat ne précise pas ce qui est dû dans les intervalles suivants" in fr
    # T16: « 100 % » of the training's price, not of an invoice (Annexe 4 D).
    assert f"Moins de 8{NB}jours{NB}: 100{NB}% du prix\n" in fr


def test_mixed_bounds_and_unspecified_outcome() -> None:
    fr, en = both(real("niveaux-de-service"))
    assert (f"De 99,9{NB}% inclus à 99,95{NB}% exclu{NB}: le contrat ne précise pas ce qui est dû"
            in fr)
    assert "From 99.9% (included) to 99.95% (excluded): the contract does not say what is due" in en
    assert f"plafonné à 10{NB}jours de service par mois" in fr


def test_payment_forms() -> None:
    tiers = Tiers(
        **base("credits"), measure="availability", source="dispo",
        tiers=(Tier(None, Bound(D(99), False), Outcome("service_days", D(2)), 3),),
        gaps=(), cap=None, cap_per_month=False, claim_within=model.Unspecified("claim"),
        claim_after=None, payment="service_credit", never_cash=True, carried_to_end=True,
        sole_remedy=True, event=None, examples=())
    fr, en = both(contract(availability("99"), tiers))
    assert ("Ce qui est dû est accordé sous forme de crédit de service, sans compensation "
            "pécuniaire ni avoir, imputable seulement au terme du contrat.") in fr
    assert ("What is due is granted as service credit, never in cash or as a credit note, and is "
            "used only at the end of the contract.") in en
    assert "Il constitue l’unique réparation du manquement." in fr
    assert f"Moins de 99{NB}%{NB}: 2{NB}jours de service" in fr
    assert "Le contrat ne précise pas le délai de réclamation." in fr
    assert "The contract does not say by when a claim must be made." in en


def test_unspecified_values_are_said_plainly() -> None:
    fr, en = both(real("cegid-conciliator"))
    assert "Le contrat ne précise pas comment les sondes se combinent pour juger une tranche." in fr
    assert "The contract does not say how the probes combine to judge a slice." in en
    assert "The contract does not say how a slice without any measurement counts." in en
    fr, en = both(real("niveaux-de-service"))
    assert "Le contrat ne précise pas comment compter une minute sans données." in fr
    assert "| Urgent Incident | 6 hours | not stated | 24 hours | not stated |" in en
    assert "kept for a time the contract does not say" in en
    unspecified = model.Unspecified("exclusion mode")
    fr, en = both(contract(availability("99", exclusion_mode=unspecified, maintenance_in=(None,))))
    assert "Le contrat ne précise pas si le temps exclu est retiré" in fr
    assert "The contract does not say whether excluded time is removed" in en


def test_every_item_is_cited_with_its_clauses() -> None:
    fr, en = both(real("teogest"))
    assert "*Disponibilité · Annexe 2 A.1 et Annexe 2 A.6*" in fr
    assert "*Availability · Annexe 2 A.1 and Annexe 2 A.6*" in en
    c = real("teogest")
    # one section per item, then the points of attention
    assert fr.count("\n## ") == en.count("\n## ") == len(c.items) + 1
    for item in c.items:
        assert item.label is not None
        assert item.label.en[:1].upper() + item.label.en[1:] in en


def test_label_falls_back_to_the_name_and_notes_are_kept() -> None:
    note = text("Une note.", "A note.")
    w = Window(**base("plage_nuit", None, (note,)), ranges=(WeeklyRange(6, 1320, 480),),
               always=False, business_days_of=None, per_month_limit=2,
               notice=model.Unspecified("notice"), notice_exception=None,
               examples=(WindowExample(datetime(2024, 5, 6, 5, 0, tzinfo=PARIS), True, 9),))
    fr, en = both(contract(w))
    assert "## 1. Plage\\_nuit" in fr
    assert f"> Note{NB}: Une note." in fr and "> Note: A note." in en
    assert f"le dimanche, de 22{NB}h{NB}00 au lundi 6{NB}h{NB}00" in fr
    assert "Le contrat ne précise pas le délai de prévenance avant son utilisation." in fr
    assert "It may be used at most twice a month." in en
    assert "Monday 6 May 2024 at 05:00 is inside the window" in en


def test_money_clause_sentences() -> None:
    fee = Fee("restore", None, model.Money(D(130), "EUR", "excl"), "hour", None,
              model.Money(D(70), "EUR", "excl"),
              model.Text("dossier annuel restauré", "annual file restored"))
    fr, en = both(contract(money_clause(fees=(fee,), interest_points=D(1), surcharge=D(20),
                                        surcharge_on=text("le dépassement", "the overage"),
                                        billing="advance")))
    assert (f"Restore{NB}: 130,00{NB}€{NB}HT de l’heure, avec un minimum de 70,00{NB}€{NB}HT "
            "par dossier annuel restauré") in fr
    assert "per annual file restored" in en
    assert "€130.00 excl. VAT per hour, with a minimum of €70.00 excl. VAT per" in en
    assert f"majoré de 1{NB}point." in fr and "plus 1 point." in en
    assert "Majoration de 20" in fr and "Billed monthly in advance." in en


# --------------------------------------------------------------------------- escaping

HOSTILE = ('Q "quoted" <script>alert(1)</script> {{ 7*7 }} {% raw %} </textarea> '
           "back\\slash\nnew line *star* _under_ [link](x) # & ")


def hostile_contract() -> model.Contract:
    hostile = text(HOSTILE, HOSTILE)
    item = Deadlines(
        **base("d", hostile, (hostile,)), severities=None, business_hours=None,
        business_days=None, actions=(Action("act", hostile),),
        rules=(Rule("act", None, "within", None, model.Duration(D(2), "day"),
                    after=text(HOSTILE)),), examples=())
    night = Window(**base("w", hostile), ranges=(WeeklyRange(0, 0, 60),),
                   always=False, business_days_of=None, per_month_limit=None,
                   notice=model.Duration(D(1), "day"), notice_exception=text(HOSTILE), examples=())
    return contract(item, night, availability("99", causes=(text(HOSTILE),),
                                              excluded_windows=("w",)), title=HOSTILE)


def test_hostile_strings_are_escaped_in_html() -> None:
    html = summary.render(hostile_contract())["essai.html"]
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/textarea&gt;" in html
    assert "<svg" in html and "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html
    assert "{{ 7*7 }}" in html and "{% raw %}" in html
    assert "back\\slash new line" in html
    assert "&#34;quoted&#34;" in html


def test_hostile_strings_are_inert_in_markdown() -> None:
    for lang in ("fr", "en"):
        md = summary.summary_text(hostile_contract(), lang)
        # A `<` that would open a tag is backslashed (CommonMark reads it as text), so no tag
        # can start; `>` stays as written.
        assert not re.search(r"(?<!\\)<[A-Za-z/!?]", md)
        assert "\\<script>alert(1)\\</script>" in md
        assert "{{ 7\\*7 }}" in md and "{% raw %}" in md
        assert "back\\\\slash new line \\*star\\* \\_under\\_ \\[link\\](x) \\# &" in md
        assert "\nnew line" not in md


def test_contract_strings_are_never_templates() -> None:
    files = summary.render(contract(title="{{ 7*7 }} {% if true %}yes{% endif %}"))
    for name, output in files.items():
        assert "49 " not in output and ">49" not in output, name   # 7*7 never computed
        assert "{% if true %}yes{% endif %}" in output, name


@pytest.mark.parametrize(("raw", "escaped"), [
    ("- item", "\\- item"),
    ("1. first", "\\1. first"),
    ("a|b~c`d", "a\\|b\\~c\\`d"),
    ("x > y", "x > y"),                    # readable as written
    ("> quote", "\\> quote"),              # but not a block quote
    ("a <b> & c &amp; d", "a \\<b> & c \\&amp; d"),   # no tag, no entity
])
def test_markdown_escaping(raw: str, escaped: str) -> None:
    assert summary.markdown_text(raw) == escaped


# --------------------------------------------------------------------------- HTML sheet and picture


def test_sheet_is_self_contained_printable_and_one_language_after_the_other() -> None:
    html = summary.render(real("teogest"))["teogest.html"]
    assert "@page { size: A4" in html and "@media print" in html
    assert "counter(page)" in html and "@top-left" in html and "@bottom-left" in html
    assert html.index('<section lang="fr"') < html.index('<section lang="en"')
    assert html.count('<table class="key-figures">') == 2
    assert html.count('<table class="tiers">') == 4 and html.count('<table class="fees">') == 2
    for forbidden in ("<script", "<link", "src=", "url(", "@import", "<a ", "href=",
                      ".sla", "contracts/"):
        assert forbidden not in html, forbidden
    assert "Résumé non contractuel — seul le contrat signé fait foi" in html
    assert "Non-contractual summary — the signed contract prevails" in html
    assert "<svg" in html and "Semaine type" in html and "Typical week" in html


def test_week_picture_cuts_ranges_at_midnight_and_week_end() -> None:
    # Sunday 22:00 → Monday 06:00 wraps round the week: 2 h on Sunday, 6 h on Monday.
    night = window("nuit", (6, 1320, 480))
    assert schedule_svg._day_pieces(schedule_svg._merged(night)) == [(0, 0, 360), (6, 1320, 1440)]
    # Fri 22:00 → Sat 24:00 is 2 h on Friday and the whole Saturday.
    evolutive = window("evolutive", (4, 1320, 1560))
    assert schedule_svg._day_pieces(schedule_svg._merged(evolutive)) == [
        (4, 1320, 1440), (5, 0, 1440)]


def test_week_picture_bands_and_legend() -> None:
    tracks, sentences = schedule_svg.bands(real("teogest"))
    assert [band.role for band in tracks] == ["measured", "hours"]
    # The maintenance windows are drawn over the measured track, not beside it.
    assert [overlay.role for overlay in tracks[0].overlays] == ["maintenance", "maintenance"]
    assert sentences == []
    svg = schedule_svg.week_svg(real("teogest"), "en")
    assert svg is not None and svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script" not in svg and "url(" not in svg
    assert "Hatched: excluded from the calculation — corrective maintenance (18 hours a week)" \
        in svg
    assert "Dotted: business hours of the deadlines — support hours (34 hours a week)" in svg
    assert "Solid: time measured for availability" in svg
    assert schedule_svg.week_svg(real("cegid-api"), "fr") is None
    assert schedule_svg.week_svg(real("teogest"), "en") == svg


def test_week_picture_folds_windows_open_at_all_times_into_a_sentence() -> None:
    tracks, sentences = schedule_svg.bands(real("cegid-conciliator"))
    assert "ouverture du service" not in [band.fr for band in tracks]
    assert ("Ouverture du service : 24 h/24, 7 j/7 (non dessiné).",
            "Service hours: 24/7 (not drawn).") in sentences


# --------------------------------------------------------------------------- golden files

# The summaries of contracts/ are pinned by the committed generated/ (test_static.py); these pin
# those of the test contracts, which cover what the five real ones do not.


@pytest.mark.parametrize("source", update_snapshots.SUMMARY_SOURCES)
def test_golden_files(source: str) -> None:
    """Outputs equal the reviewed files; refresh them with `python -m tests.update_snapshots`."""
    for name, output in update_snapshots.summaries(source).items():
        path = update_snapshots.GOLDEN / name
        assert path.exists(), f"{name} is missing: run `{update_snapshots.REFRESH}`"
        assert output == path.read_bytes().decode("utf-8"), (
            f"{name} differs: run `{update_snapshots.REFRESH}` and review the diff")


def test_no_stale_golden_file() -> None:
    assert update_snapshots.orphan_golden() == [], f"run `{update_snapshots.REFRESH}`"


# --------------------------------------------------------------------------- whitespace

@pytest.mark.parametrize(("text", "expected"), [
    ("a b", "a b"),
    ("  a\n  b  ", "a b"),
    ("a\tb\r\nc", "a b c"),
    ("a\u2028b\u2029c\x0bd\x0ce\x85f", "a b c d e f"),
    # no-break spaces stay, runs around them shrink
    ("1\u00a0000 \n \u00a0€", "1\u00a0000 \u00a0€"),
    ("\u00a0a\u00a0", "\u00a0a\u00a0"),                    # and are never stripped
    ("\n\n", ""),
])
def test_squash_merges_breaking_whitespace_only(text: str, expected: str) -> None:
    assert squash(text) == expected


def test_squash_keeps_markup_as_markup() -> None:
    result = squash(Markup("<b>a</b>\n\t b"))
    assert isinstance(result, Markup) and result == Markup("<b>a</b> b")


def test_contacts_say_where_and_what_the_contract_leaves_blank() -> None:
    api = real("cegid-api")
    assert ("For reporting any security breach without delay.\n\n"
            "- E-mail: securityteam@cegid.com\n") in summary.summary_text(api, "en")
    assert ("Pour signaler sans délai toute faille de sécurité.\n\n"
            "- Courriel\u00a0: securityteam@cegid.com\n") in summary.summary_text(api, "fr")
    # Niveaux de service gives no address ("par e-mail à l'adresse ."), and says so.
    nds = real("niveaux-de-service")
    assert "- E-mail: left blank in the contract\n" in summary.summary_text(nds, "en")
    assert "- Courriel\u00a0: laissé en blanc dans le contrat\n" in summary.summary_text(nds, "fr")
    # Cegid Loop publishes its support hours outside the contract.
    loop = summary.summary_text(real("cegid-loop"), "en")
    assert "- Other channel: directly in the application\n" in loop
    assert "The contract does not say when it can be reached." in loop


# --------------------------------------------------------------------------- the legal review

@pytest.mark.parametrize("name", ["cegid-api", "cegid-conciliator", "cegid-loop",
                                  "niveaux-de-service", "teogest"])
def test_documents_show_no_file_line_or_placeholder(name: str) -> None:
    # Review 2026-12, common issues 1-3: no file paths or line numbers, examples are labelled as
    # calculated, roles are not shown as names (« Client : le Client »).
    files = summary.render(real(name))
    for file, text in files.items():
        assert ".sla" not in text and "contracts/" not in text, file
        assert "ligne " not in text.replace("en ligne", "") and ", line " not in text, file
        assert "Exemple du contrat" not in text and "from the contract:" not in text, file
        assert "Client : le Client" not in text.replace(NB, " "), file
        assert "Client: le Client" not in text, file


def test_review_findings_on_force_and_base() -> None:
    fr, en = both(real("cegid-conciliator"))
    # C3: « une remise de 10% sur le coût de l'abonnement du mois concerné »; Art. 6 « fera des
    # efforts raisonnables ».
    assert f"10{NB}% du coût de l’abonnement du mois" in fr
    assert "Cegid’s reasonable-efforts undertaking to the Customer, not a guarantee of result" in en
    fr, en = both(real("teogest"))
    # T5: « faire tout son possible pour que la défaillance logicielle soit corrigée dans un
    # délai de 72 heures ouvrées »; T11: « peuvent être prélevées 14 jours après leur émission ».
    assert "Correction d’une anomalie logicielle : simple obligation de moyens".replace(
        " :", f"{NB}:") in fr
    assert "Direct debit of invoices for additional services: no earlier than 14 days" in en
    assert "The auditor's presence on the Publisher's premises: lasts at most 1 week." in en
    fr, en = both(real("niveaux-de-service"))
    # N5: « meilleurs efforts commerciaux »; the notification address is blank.
    assert "Response times in the event of an Incident: a best-efforts undertaking only" in en
    assert "The e-mail address for Incident notification" in en


def test_invisible_characters_are_shown_not_obeyed() -> None:
    # ESC ] 0 ; … BEL retitles a terminal; U+202E reverses the text that follows it.
    sneaky = "A1 \x1b]0;pwned\x07 \u202eevil"
    c = contract(availability("99", causes=(text(sneaky),)))
    for output in (*summary.render(c).values(), summary.summary_text(c, "en")):
        assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
        assert "⟨U+001B⟩" in output and "pwned⟨U+0007⟩" in output
        assert "⟨U+202E⟩evil" in output

