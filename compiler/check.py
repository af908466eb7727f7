"""Syntax tree (ast.Module) → checked contract model (model.Contract) plus every diagnostic found."""

from __future__ import annotations

import calendar
import difflib
import itertools
import keyword
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, cast
from zoneinfo import ZoneInfo

from . import ast, kinds, model
from .checking import (
    Checker,
    _days,
    _first_line,
    _known_holidays,
    _suggest,
    _text,
    _written,
    _zones,
)
from .diagnostics import Diagnostic
from .kinds.severities import Level
from .messages import (
    MONTH_NAMES,
    UNITS,
    WEEKDAYS,
    Phrase,
    amount_of,
    kind_none,
    kind_the,
    listing,
    phrase,
)

GREGORIAN_YEAR_SECONDS = Decimal("365.2425") * 86400
PER_SECONDS = {"day": Decimal(86400), "week": Decimal(604800),
               "month": GREGORIAN_YEAR_SECONDS / 12, "year": GREGORIAN_YEAR_SECONDS}
RESERVED_IDS = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                *(f"lpt{i}" for i in range(10)), "runtime", "init"}
HEADER_EXAMPLES = {
    "title": 'title "…"', "provider": 'provider "…"', "client": 'client "…"',
    "source": 'source "…" dated 2024-03-19', "time_zone": 'time zone "Europe/Paris"',
    "languages": "languages fr, en", "currency": "currency EUR",
}
WEEK = 7 * 1440   # minutes in a week
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
FIXED = ("second", "minute", "hour")
CALENDAR = ("day", "week", "month", "year")
# Statements as the author writes them, for `duplicate-statement` (others: their kind, spaced).
STATEMENT_WORDS = {
    "per_month_limit": "at most … per month", "business_days_only": "on business days of",
    "target_strict": "target", "period_month": "period", "measured_window": "measured",
    "measured_always": "measured", "exclusion_mode_stmt": "excluded time",
    "method_outages": "method", "method_probes": "method", "method_error_rate": "method",
    "measure": "on", "claim_unspecified": "claim", "paid": "paid as",
    "uses_severities": "severities", "uses_hours": "business hours",
    "uses_calendar": "business days of", "after_termination": "after termination kept",
    "renewal": "renewal tacit", "notice_before_end": "notice … before end of term",
    "short_tenure": "notice under …", "tenure_notice": "notice … plus … per full year",
    "minimum_invoice": "minimum invoice", "liability_cap": "liability cap",
    "public_holidays": "public holidays",
}


class ContractChecker(Checker):
    """Checks one module: its header, then each block through its kind."""

        # since each has an evaluator of its own, named after it

    # ------------------------------------------------------------------ reporting


    # ------------------------------------------------------------------ values








    # ------------------------------------------------------------------ contract
    def run(self) -> model.Contract:
        header = self.header()
        lines: dict[str, int] = {}   # by lower-case name: the generated code is named in lower case
        for block in self.module.blocks:
            key = block.name.value.lower()
            if key in lines:
                self.report("duplicate-name", block.name.span, name=block.name.value,
                            line=lines[key])
            else:
                lines[key] = block.span.line
                self.blocks[block.name.value] = block
        self.zone = ZoneInfo(header["zone"])
        self.currency = header["currency"]
        items = [self.item(block, self.zone, self.currency) for block in self.module.blocks]
        return model.Contract(items=tuple(items), unspecified=tuple(self.unspecified), **header)

    def header(self) -> dict[str, Any]:
        cid = self.module.contract_id
        seen: dict[str, ast.Statement] = {}
        for stmt in self.module.header:
            if stmt.rule in seen:
                self.report("duplicate-statement", stmt.span, what=stmt.rule.replace("_", " "))
            seen[stmt.rule] = stmt
        for field, example in HEADER_EXAMPLES.items():
            if field not in seen:
                self.report("missing-header", cid.span, field=field.replace("_", " "),
                            example=example)
        if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", cid.value) or len(cid.value) > 64 \
                or cid.value in RESERVED_IDS or keyword.iskeyword(cid.value.replace("-", "_")):
            self.report("bad-contract-id", cid.span, id=cid.value[:80])

        def text(rule: str) -> str:
            stmt = seen.get(rule)
            if isinstance(stmt, ast.HeaderText):
                return stmt.value.value
            return stmt.document.value if isinstance(stmt, ast.Source) else ""

        zone = text("time_zone") or "Europe/Paris"
        zone_stmt = seen.get("time_zone")
        if isinstance(zone_stmt, ast.TimeZone) and zone not in _zones():
            self.report("unknown-time-zone", zone_stmt.value.span, zone=zone)
            zone = "Europe/Paris"
        languages: list[str] = []
        languages_stmt = seen.get("languages")
        for name in languages_stmt.names if isinstance(languages_stmt, ast.Languages) else ():
            if name.value not in ("fr", "en"):
                self.report("unknown-language", name.span, lang=name.value)
            languages.append(name.value)
        source = seen.get("source")
        dated = self.date(source.dated) if isinstance(source, ast.Source) else date(2000, 1, 1)
        currency_stmt = seen.get("currency")
        currency = currency_stmt.code.value if isinstance(currency_stmt, ast.Currency) else "EUR"
        return {
            "id": cid.value, "module": re.sub(r"[^a-z0-9_]", "_", cid.value.replace("-", "_")),
            "source_file": self.module.file, "title": text("title"), "provider": text("provider"),
            "client": text("client"), "document": text("source"), "dated": dated, "zone": zone,
            "languages": tuple(languages), "currency": currency,
        }

    def item(self, block: ast.Block, zone: ZoneInfo, currency: str) -> model.Item:
        clauses = tuple(model.ClauseRef(s.id.value, s.article.value, s.span.line)
                        for s in block.body if isinstance(s, ast.ClauseRef))
        labels = [s for s in block.body if isinstance(s, ast.Label)]
        for extra in labels[1:]:
            self.report("duplicate-statement", extra.span, what="label")
        label = _text(labels[0]) if labels else None
        notes = tuple(_text(s) for s in block.body if isinstance(s, ast.Note))
        if not clauses and block.kind != "calendar":
            self.report("missing-clause", block.name.span, kind=self.names[block.kind].the(),
                        name=block.name.value)
        base = {"name": block.name.value, "line": block.span.line, "clauses": clauses,
                "label": label, "notes": notes}
        body = [s for s in block.body if not isinstance(s, (ast.ClauseRef, ast.Label, ast.Note))]
        kind = kinds.by_keyword(block.kind)
        if kind is not None:
            return kind.check(self, replace(block, body=tuple(body)), base)  # type: ignore[no-any-return]
        checker: Callable[..., model.Item] = getattr(self, f"check_{block.kind}")
        return checker(block, body, base, zone=zone, currency=currency)



    # ------------------------------------------------------------------ calendar
    def check_calendar(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                       **_: Any) -> model.Calendar:
        workdays_stmt = self._single(block, body, "workdays")
        self._require(block, workdays_stmt, "workdays", "workdays monday to friday")
        workdays = _days(workdays_stmt.args[0]) if workdays_stmt else (0, 1, 2, 3, 4)
        holidays_stmt = self._single(block, body, "public_holidays")
        country = subdivision = None
        if holidays_stmt is not None:
            country = holidays_stmt.text(0)
            subdivision = holidays_stmt.text(1) if len(holidays_stmt.args) > 1 else None
            if not _known_holidays(country, subdivision):
                self.report("unknown-holidays", holidays_stmt.span,
                            country=f"{country}/{subdivision}" if subdivision else country)
        closed = tuple(sorted(self.date(d) for s in body if s.kind == "closed_days" for d in s.args))
        return model.Calendar(workdays=workdays, holiday_country=country,
                              holiday_subdivision=subdivision, closed=closed, **base)

    # ------------------------------------------------------------------ window
    def check_window(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                     zone: ZoneInfo, **_: Any) -> model.Window:
        ranges: list[model.WeeklyRange] = []
        for stmt in body:
            if stmt.kind == "weekly":
                days = _days(stmt.args[0])
                for time_range in stmt.args[1:]:
                    assert isinstance(time_range, ast.TimeRange)
                    reported = len(self.diagnostics)
                    start, end = self.time(time_range.start), self.time(time_range.end)
                    if len(self.diagnostics) > reported:   # bad-time said it; no empty-range on top
                        continue
                    if start == end or start >= 1440:
                        self.report("empty-range", time_range.span,
                                    text=f"{time_range.start.text} to {time_range.end.text}")
                        continue
                    length = end - start if end > start else end + 1440 - start
                    ranges.extend(model.WeeklyRange(d, start, length) for d in days)
            elif stmt.kind == "span":
                d1, t1, d2, t2 = stmt.args
                reported = len(self.diagnostics)
                start, end = self.time(t1), self.time(t2)
                if len(self.diagnostics) > reported:
                    continue
                days_between = (d2.index - d1.index) % 7
                length = days_between * 1440 + end - start
                if length <= 0:
                    length += WEEK
                if start >= 1440 or length <= 0:
                    self.report("empty-range", stmt.span, text=f"from {DAYS[d1.index]} {t1.text} "
                                f"to {DAYS[d2.index]} {t2.text}")
                    continue
                ranges.append(model.WeeklyRange(d1.index, start, length))
        always = any(s.kind == "always" for s in body)
        business = self._single(block, body, "business_days_only")
        business_of = self.reference(business.args[0], "calendar") if business else None
        limit_stmt = self._single(block, body, "per_month_limit")
        limit = self.whole(limit_stmt.args[0], phrase("why.limit"), 1) if limit_stmt else None
        notice_stmt = self._single(block, body, "notice")
        notice: model.Duration | model.Unspecified | None = None
        exception = None
        if notice_stmt is not None:
            value = notice_stmt.args[0]
            notice = (self.undecided(value.span,
                                     phrase("undecided.window-notice", name=block.name.value))
                      if isinstance(value, ast.Word) else self.exact_notice(value))
            exception = next((a.text(0) for a in notice_stmt.args[1:]
                              if isinstance(a, ast.Stmt)), None)
        if not always and not any(s.kind in ("weekly", "span") for s in body):
            self.report("missing-statement", block.name.span, kind=kind_the("window"),
                        name=block.name.value, what=phrase("statement.time-ranges"),
                        example="monday to friday 09:00 to 18:00")
        examples = tuple(
            model.WindowExample(self.instant(s.args[0], zone), s.args[1].kind == "is_inside",
                                s.span.line)
            for s in body if s.kind == "window_example")
        return model.Window(ranges=tuple(ranges), always=always, business_days_of=business_of,
                            per_month_limit=limit, notice=notice, notice_exception=exception,
                            examples=examples, **base)

    def exact_notice(self, node: ast.Node) -> model.Duration:
        """A window's notice: counted in real time, so neither months nor years (no fixed length)."""
        reported = len(self.diagnostics)
        notice = self.duration(node, ("fixed", "calendar"), phrase("expected.notice"))
        if notice.unit in ("month", "year") and len(self.diagnostics) == reported:
            self.report("unit-mismatch", node.span, expected=phrase("expected.exact-notice"),
                        hint=phrase("hint.exact-notice"),
                        found=phrase("found.duration", text=_written(node),
                                     time=phrase("time.calendar")))
        return notice

    # ------------------------------------------------------------------ availability
    def check_availability(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                           zone: ZoneInfo, **_: Any) -> model.Availability:
        name = block.name.value
        target_stmt = self._single(block, body, "target", "target_strict")
        self._require(block, target_stmt, "target", "target at least 99.5 %")
        target = self.percent(target_stmt.args[0]) if target_stmt else Decimal(100)
        if target_stmt and target < 50:
            self.report("target-unusual", target_stmt.args[0].span, value=target)
        self._require(block, self._single(block, body, "period_month"), "period",
                      "period calendar month")
        measured_stmt = self._single(block, body, "measured_window", "measured_always")
        self._require(block, measured_stmt, "measured", "measured during <window> | measured all time")
        measured = (self.reference(measured_stmt.args[0], "window")
                    if measured_stmt and measured_stmt.kind == "measured_window" else None)
        excluded_windows = tuple(self.reference(s.args[0], "window") for s in body
                                 if s.kind == "exclude_window")
        maintenance_in = tuple(self.reference(s.args[0], "window") if s.args else None
                               for s in body if s.kind == "exclude_maintenance")
        causes = tuple(s.text(0) for s in body if s.kind == "exclude_cause")
        if measured:
            for stmt in (s for s in body if s.kind == "exclude_window"):
                self._check_disjoint(measured, stmt.args[0])
        mode_stmt = self._single(block, body, "exclusion_mode_stmt")
        mode: Any
        exclusion = phrase("undecided.exclusion", name=name)
        if mode_stmt is None:
            if excluded_windows or maintenance_in or causes:
                mode = self.undecided(block.name.span, exclusion)
            else:
                mode = "removed"
        else:
            word = mode_stmt.args[0]
            if isinstance(word, ast.Word):
                mode = self.undecided(word.span, exclusion)
            else:
                mode = "removed" if word.kind == "removed" else "available"
        method_stmt = self._single(block, body, "method_outages", "method_probes", "method_error_rate")
        self._require(block, method_stmt, "method", "method outages")
        method = self.method(method_stmt, name) if method_stmt else model.OutageMethod()
        restatements: list[model.Restatement] = []
        for stmt in (s for s in body if s.kind == "restates"):
            for part in stmt.args:
                assert isinstance(part, ast.Stmt)
                allowance = self.duration(part.args[0], ("fixed",), phrase("expected.fixed"),
                                          fraction_ok=True)
                per = part.text(1)
                restatements.append(model.Restatement(allowance, cast(Any, per)))
                if allowance.dimension == "fixed" and 0 <= target <= 100:   # else already an error
                    self._check_restatement(part, allowance, per, target)
        examples = []
        for stmt in (s for s in body if s.kind == "availability_example"):
            month_word = stmt.args[0]
            year, month = (int(x) for x in month_word.value.split("-"))
            if not 1 <= month <= 12:
                self.report("bad-date", month_word.span, text=month_word.value)
                month = 1
            outages = tuple(model.OutageExample(self.instant(o.args[0], zone), self.instant(o.args[1], zone))
                            for o in stmt.args[1:-1])
            examples.append(model.AvailabilityExample(year, month, outages,
                                                      self.percent(stmt.args[-1]), stmt.span.line))
        return model.Availability(
            target=target, strict=bool(target_stmt and target_stmt.kind == "target_strict"),
            measured_during=measured, excluded_windows=excluded_windows,
            maintenance_in=maintenance_in, excluded_causes=causes, exclusion_mode=mode,
            method=method, restatements=tuple(restatements), examples=tuple(examples), **base)

    def _check_disjoint(self, measured: str, excluded: ast.Name) -> None:
        a, b = self.blocks.get(measured), self.blocks.get(excluded.value)
        if a is None or b is None or a.kind != "window" or b.kind != "window":
            return
        wa, wb = _week_minutes(self, a), _week_minutes(self, b)
        common = wa & wb
        if common:
            first = min(common)
            clock = f" {first % 1440 // 60:02d}:{first % 60:02d}"
            en, fr = WEEKDAYS[first // 1440]
            when = Phrase(en + clock, fr + clock)
            self.report("measured-and-excluded", excluded.span, excluded=excluded.value,
                        measured=measured, when=when)

    def _check_restatement(self, part: ast.Stmt, allowance: model.Duration, per: str,
                           target: Decimal) -> None:
        computed = (100 - target) / 100 * PER_SECONDS[per]
        stated = allowance.seconds()
        exponent = stated.as_tuple().exponent
        # Finer than a nanosecond is noise; the floor also keeps quantize() within precision.
        precision = Decimal(1).scaleb(max(exponent, -9) if isinstance(exponent, int) else 0)
        if abs(computed - stated) > precision / 2:
            self.report("restatement-mismatch", part.span, stated=f"{stated} s",
                        per=Phrase(UNITS[per][0], UNITS[per][2]),
                        target=target, computed=f"{computed.quantize(precision)} s")

    def method(self, stmt: ast.Stmt, name: str) -> model.Method:
        if stmt.kind == "method_outages":
            return model.OutageMethod()
        body = [s for s in stmt.args if isinstance(s, ast.Stmt)]
        if stmt.kind == "method_error_rate":
            threshold = next((self.percent(s.args[0]) for s in body if s.kind == "rate_threshold"), None)
            if threshold is None:
                self.report("missing-statement", stmt.span, kind=kind_the("method"), name="error rate",
                            what="interrupted above", example="interrupted above 5 %")
            missing = self._choice(body, "missing", phrase("undecided.missing-minutes", name=name),
                                   {"m_available": "available", "m_interrupted": "interrupted",
                                    "m_excluded": "excluded"}, stmt.span)
            return model.ErrorRateMethod(threshold or Decimal(0), missing)
        probes: dict[str, model.Probe] = {}
        for s in body:
            if s.kind == "probe":
                probe_name, description, every, below = s.args
                if probe_name.value in probes:
                    self.report("duplicate-name", probe_name.span, name=probe_name.value,
                                line=_first_line(body, "probe", probe_name.value))
                probes[probe_name.value] = model.Probe(
                    probe_name.value, description.value,
                    self.positive(every, ("fixed",), phrase("expected.probe-interval"),
                                  phrase("what.probe-interval")),
                    self.positive(below, ("fixed",), phrase("expected.latency"),
                                  phrase("what.latency")))
        method = kind_the("method")
        if not probes:
            self.report("missing-statement", stmt.span, kind=method, name="probes", what="probe",
                        example='probe ui "static asset" every 3 minutes good below 1 second')
        slice_stmt = next((s for s in body if s.kind == "slice"), None)
        slice_ = (self.slice(slice_stmt.args[0]) if slice_stmt
                  else model.Duration(Decimal(60), "minute"))
        if slice_stmt is None:
            self.report("missing-statement", stmt.span, kind=method, name="probes", what="slice",
                        example="slice 1 hour")
        good = next((self.percent(s.args[0]) for s in body if s.kind == "slice_good"), None)
        if good is None:
            self.report("missing-statement", stmt.span, kind=method, name="probes",
                        what="slice good at least", example="slice good at least 50 %")
        combine = self._choice(body, "combine", phrase("undecided.combine", name=name),
                               {"each": "each", "any": "any", "pooled": "pooled"}, stmt.span)
        no_data = self._choice(body, "no_data", phrase("undecided.no-data", name=name),
                               {"nd_good": "good", "nd_bad": "bad", "nd_excluded": "excluded"},
                               stmt.span)
        return model.ProbeMethod(tuple(probes.values()), slice_, good or Decimal(50), combine,
                                 no_data)


    def slice(self, node: ast.Node) -> model.Duration:
        """The slice of a probe method: whole minutes that divide a day, as the runtime needs."""
        reported = len(self.diagnostics)
        value = self.duration(node, ("fixed",), phrase("expected.slice"))
        if len(self.diagnostics) > reported:   # not a fixed duration: already said
            return value
        minutes = value.seconds() / 60
        if minutes != minutes.to_integral_value() or minutes == 0 or 1440 % int(minutes):
            self.report("bad-duration", node.span, text=_written(node), why=phrase("why.slice"))
        return value


    # ------------------------------------------------------------------ tiers
    def check_tiers(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                    currency: str, **_: Any) -> model.Tiers:
        name = block.name.value
        measure_stmt = self._single(block, body, "measure")
        self._require(block, measure_stmt, "on", "on unavailability of <availability>")
        measure, source = "unavailability", ""
        if measure_stmt is not None:
            target = measure_stmt.args[0]
            assert isinstance(target, ast.Stmt)
            measure = {"on_availability": "availability", "on_unavailability": "unavailability",
                       "on_notice": "notice"}[target.kind]
            source = (target.text(0) if measure == "notice"
                      else self.reference(target.args[0], "availability"))
        tiers = [self.tier(s, measure, currency, name) for s in body if s.kind == "tier"]
        if not tiers:
            self.report("missing-statement", block.name.span, kind=kind_the("tiers"), name=name,
                        what="tier", example="from 0 % included to 0.2 % included: none")
        # A reversed tier is reported by tier(); in coverage it would only add phantom gaps.
        gaps = self._check_coverage([t for t in tiers if not _reversed(t[0])], measure)
        unit = self._check_outcome_units(tiers)
        cap_stmt = self._single(block, body, "cap")
        cap = self.cap(cap_stmt, currency, name, unit) if cap_stmt else None
        claim_stmt = self._single(block, body, "claim", "claim_unspecified")
        claim_within: Any = None
        claim_after = None
        credit = measure != "notice"   # a credit for a breach: how it is claimed and paid matters
        if claim_stmt is None and not credit:
            pass
        elif claim_stmt is None or claim_stmt.kind == "claim_unspecified":
            claim_within = self.undecided(claim_stmt.span if claim_stmt else block.name.span,
                                          phrase("undecided.claim", name=name))
        else:   # the last day to claim is a date: counted on the calendar
            claim_within = self.duration(claim_stmt.args[0], ("calendar",), phrase("expected.claim"))
            claim_after = {"after_period": "period", "after_incident": "incident",
                           "after_breach": "breach"}[claim_stmt.args[1].kind]
        paid_stmt = self._single(block, body, "paid")
        payment: Any = None
        never_cash = False
        if paid_stmt is None and not credit:
            pass
        elif paid_stmt is None or isinstance(paid_stmt.args[0], ast.Word):
            payment = self.undecided(paid_stmt.span if paid_stmt else block.name.span,
                                     phrase("undecided.paid", name=name))
        else:
            kind = paid_stmt.args[0].kind
            payment = kind
            never_cash = kind == "service_credit" and len(paid_stmt.args[0].args) > 0
        examples = []
        for stmt in (s for s in body if s.kind == "tier_example"):
            value: Any = self.bound_value(stmt.args[0].args[0], measure)
            examples.append(model.TierExample(value, self.outcome(stmt.args[1], currency, name),
                                              stmt.span.line))
        return model.Tiers(
            measure=cast(Any, measure), source=source, tiers=tuple(t for t, _ in tiers), gaps=gaps, cap=cap,
            cap_per_month=bool(cap_stmt and len(cap_stmt.args) > 1), claim_within=claim_within,
            claim_after=cast(Any, claim_after), payment=payment, never_cash=never_cash,
            examples=tuple(examples), **base)

    def tier(self, stmt: ast.Stmt, measure: str, currency: str,
             name: str) -> tuple[model.Tier, ast.Stmt]:
        range_stmt = stmt.args[0]
        assert isinstance(range_stmt, ast.Stmt)
        lower = upper = None
        if range_stmt.kind == "range_both":
            lower = self.bound(range_stmt.args[0].args[0], measure)
            upper = self.bound(range_stmt.args[1].args[0], measure)
        elif range_stmt.kind == "range_from":
            lower = self.bound(range_stmt.args[0], measure)
        else:
            upper = self.bound(range_stmt.args[0], measure)
        if len(stmt.args) < 2:
            self.report("missing-outcome", range_stmt.span)
            outcome = model.Outcome("unspecified")
        else:
            outcome = self.outcome(stmt.args[1], currency, name)
        tier = model.Tier(lower, upper, outcome, stmt.span.line)
        if _reversed(tier):
            self.report("tier-order", range_stmt.span, range=_range_text(lower, upper))
        return tier, stmt

    def bound(self, node: ast.Node, measure: str) -> model.Bound:
        assert isinstance(node, ast.Stmt)
        value_node, inclusion = node.args
        return model.Bound(self.bound_value(value_node, measure), inclusion.kind == "included")

    def bound_value(self, node: ast.Node, measure: str) -> Decimal | model.Duration:
        """A value of the measure of tiers (bound or example): a notice or a percentage."""
        if measure == "notice":
            if isinstance(node, ast.Percent):
                self.report("unit-mismatch", node.span, found=phrase("found.percentage"),
                            expected=phrase("expected.notice-duration"),
                            hint=phrase("hint.notice-days"))
                return model.Duration(Decimal(0), "day")
            return self.duration(node, ("calendar",), phrase("expected.notice-bound"))
        if not isinstance(node, ast.Percent):
            self.report("unit-mismatch", node.span, found=phrase("found.a-duration"),
                        expected=phrase("expected.rate", measure=phrase(f"measure.{measure}")),
                        hint=phrase("hint.percent"))
            return Decimal(0)
        return self.percent(node)

    def outcome(self, node: ast.Node, currency: str, name: str) -> model.Outcome:
        assert isinstance(node, ast.Stmt)
        if node.kind == "no_outcome":
            return model.Outcome("none")
        if node.kind == "invoice_share":
            return model.Outcome("invoice_share", self.percent(node.args[0]))
        if node.kind == "service_days":
            return model.Outcome("service_days", node.number(0))
        if node.kind == "money_outcome":
            money = self.money(node.args[0], currency)
            return model.Outcome("money", money.amount, money.currency, money.tax)
        self.undecided(node.span, phrase("undecided.tier-outcome", name=name))
        return model.Outcome("unspecified")

    def _check_outcome_units(self, tiers: list[tuple[model.Tier, ast.Stmt]]) -> str | None:
        """Tiers give days of service or money, not both: the unit they give (None: nothing)."""
        first: tuple[str, int] | None = None
        for tier, stmt in tiers:
            unit = _outcome_unit(tier.outcome)
            if unit is None:
                continue
            if first is None:
                first = (unit, tier.line)
            elif unit != first[0]:
                self.report("mixed-outcomes", stmt.span, other=first[1],
                            this=phrase(f"gives.{unit}"), that=phrase(f"gives.{first[0]}"))
        return first[0] if first else None

    def cap(self, stmt: ast.Stmt, currency: str, name: str, unit: str | None) -> model.Outcome:
        """A cap: an amount in the unit of the tiers (money or days of service)."""
        node = stmt.sub(0)   # reported at the statement: the word `none` carries no position
        if node.kind == "unspecified_outcome":
            self.report("bad-cap", stmt.span, cap="unspecified", expected=phrase("cap.amount"))
            return model.Outcome("unspecified")
        cap = self.outcome(node, currency, name)
        cap_unit = _outcome_unit(cap)
        if cap_unit is None:
            self.report("bad-cap", stmt.span, cap="none", expected=phrase("cap.amount"))
        elif unit is not None and cap_unit != unit:
            self.report("bad-cap", stmt.span, cap=_outcome_text(cap), expected=phrase(f"cap.{unit}"))
        return cap

    def _check_coverage(self, tiers: list[tuple[model.Tier, ast.Stmt]],
                        measure: str) -> tuple[tuple[model.Bound | None, model.Bound | None], ...]:
        """Overlaps are errors; uncovered ranges of the domain are warnings, returned as gaps."""
        if not tiers:
            return ()
        ordered = sorted(tiers, key=lambda t: _lower_key(t[0]))
        for (a, _), (b, stmt) in itertools.pairwise(ordered):
            if _overlaps(a, b):
                self.report("tier-overlap", stmt.span, other=a.line,
                            range=_range_text(b.lower, a.upper))
        gaps: list[tuple[model.Bound | None, model.Bound | None]] = []
        domain_low = model.Bound(Decimal(0), True) if measure != "notice" else model.Bound(
            model.Duration(Decimal(0), "day"), True)
        domain_high = model.Bound(Decimal(100), True) if measure != "notice" else None
        cursor: model.Bound | None = domain_low   # the lowest value not yet covered
        for tier, stmt in ordered:
            if cursor is not None and _starts_after(tier.lower, cursor, measure):
                assert tier.lower is not None
                gap: tuple[model.Bound | None, model.Bound | None] = (
                    cursor, model.Bound(tier.lower.value, not tier.lower.inclusive))
                gaps.append(gap)
                self.report("tier-gap", stmt.span, range=_range_text(*gap))
            cursor = _after(tier.upper, cursor)
            if cursor is None:
                break
        if cursor is not None and (domain_high is None or _key(cursor.value) < _key(domain_high.value)
                                   or (cursor.inclusive and domain_high.inclusive
                                       and _key(cursor.value) == _key(domain_high.value))):
            gaps.append((cursor, domain_high))
            self.report("tier-gap", ordered[-1][1].span, range=_range_text(cursor, domain_high))
        return tuple(gaps)

    # ------------------------------------------------------------------ severities
    def check_severities(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                         **_: Any) -> model.Severities:
        levels: dict[str, model.Level] = {}
        for stmt in (s for s in body if s.kind == "level"):
            level_name = stmt.args[0]
            assert isinstance(level_name, ast.Name)
            if level_name.value in levels:
                self.report("duplicate-name", level_name.span, name=level_name.value,
                            line=_first_line(body, "level", level_name.value))
            levels[level_name.value] = model.Level(
                level_name.value, model.Text(stmt.text(1), stmt.text(2)))
        if not levels:
            self.report("missing-statement", block.name.span, kind=kind_the("severities"),
                        name=block.name.value, what="level", example='level critical fr "…" en "…"')
        return model.Severities(levels=tuple(levels.values()), **base)

    # ------------------------------------------------------------------ deadlines
    def check_deadlines(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                        zone: ZoneInfo, **_: Any) -> model.Deadlines:
        name = block.name.value
        sev_stmt = self._single(block, body, "uses_severities")
        severities = self.reference(sev_stmt.args[0], "severities") if sev_stmt else None
        hours_stmt = self._single(block, body, "uses_hours")
        hours: Any = None
        if hours_stmt is not None:
            value = hours_stmt.args[0]
            hours = (self.undecided(value.span, phrase("undecided.business-hours", name=name))
                     if isinstance(value, ast.Word) else self.reference(value, "window"))
        days_stmt = self._single(block, body, "uses_calendar")
        days = self.reference(days_stmt.args[0], "calendar") if days_stmt else None
        actions: dict[str, model.Action] = {}
        for stmt in (s for s in body if s.kind == "action"):
            action_name = stmt.args[0]
            assert isinstance(action_name, ast.Name)
            if action_name.value in actions:
                self.report("duplicate-name", action_name.span, name=action_name.value,
                            line=_first_line(body, "action", action_name.value))
            actions[action_name.value] = model.Action(
                action_name.value, model.Text(stmt.text(1), stmt.text(2)))
        levels = self._levels(severities)
        rules: list[model.Rule] = []
        seen: dict[tuple[str, str | None, str | None], int] = {}
        for stmt in (s for s in body if s.kind == "rule"):
            rule = self.rule(stmt, name, actions, levels, severities, hours, days)
            key = (rule.action, rule.level, rule.regime)
            if key in seen:
                self.report("duplicate-rule", stmt.span, line=seen[key],
                            what=rule.action + (f" for {rule.level}" if rule.level else "")
                            + (f" {rule.regime} business hours" if rule.regime else ""))
            seen[key] = stmt.span.line
            rules.append(rule)
        if levels:
            for action in actions:
                mentioned = {r.level for r in rules if r.action == action}
                if mentioned - {None}:
                    for missing in levels:
                        if missing not in mentioned:
                            self.report("missing-level", block.name.span, action=action,
                                        level=missing)
        examples = []
        level: str | None
        for stmt in (s for s in body if s.kind == "deadline_example"):
            action_node = stmt.args[0]
            level = None
            rest = list(stmt.args[1:])
            if isinstance(rest[0], ast.Stmt) and rest[0].kind == "level_ref":
                level = self._level(rest.pop(0).args[0], levels, severities)
            self._action(action_node, actions)
            examples.append(model.DeadlineExample(
                action_node.value, level, self.instant(rest[0], zone),
                self.instant(rest[-1], zone), stmt.span.line))
        return model.Deadlines(severities=severities, business_hours=hours, business_days=days,
                               actions=tuple(actions.values()), rules=tuple(rules),
                               examples=tuple(examples), **base)

    def _levels(self, severities: str | None) -> list[str]:
        block = self.blocks.get(severities or "")
        if block is None or block.kind != "severities":
            return []
        return [s.name.value for s in block.body if isinstance(s, Level)]

    def _level(self, node: ast.Node, levels: list[str], severities: str | None) -> str:
        assert isinstance(node, ast.Name)
        if severities is None:
            self.report("needs-severities", node.span, level=node.value)
        elif levels and node.value not in levels:
            self.report("unknown-name", node.span, kind=kind_none("severity level"), name=node.value,
                        suggestion=_suggest(node.value, levels))
        return node.value

    def _action(self, node: ast.Node, actions: dict[str, model.Action]) -> str:
        assert isinstance(node, ast.Name)
        if node.value not in actions:
            close = difflib.get_close_matches(node.value, list(actions), n=1)
            self.report("unknown-name", node.span, kind=kind_none("action"), name=node.value,
                        suggestion=(phrase("suggest.close", name=close[0]) if close else
                                    phrase("suggest.declare-action", name=node.value)))
        return node.value

    def rule(self, stmt: ast.Stmt, name: str, actions: dict[str, model.Action], levels: list[str],
             severities: str | None, hours: Any, days: str | None) -> model.Rule:
        args = list(stmt.args)
        action = self._action(args.pop(0), actions)
        level = None
        if isinstance(args[0], ast.Stmt) and args[0].kind == "level_ref":
            level = self._level(args.pop(0).args[0], levels, severities)
        body = args.pop(0)
        assert isinstance(body, ast.Stmt)
        regime = None
        if args:
            regime = "during" if args[0].kind == "during_hours" else "outside"
            if hours is None:
                self.report("needs-business-hours", args[0].span, what=phrase("needs.hours-regime"))
        fields: dict[str, Any] = {"action": action, "level": level, "kind": body.kind,
                                  "regime": regime, "line": stmt.span.line}
        after = [a.text(0) for a in body.args if isinstance(a, ast.Stmt) and a.kind == "after"]
        fields["after"] = after[0] if after else None
        durations = [a for a in body.args if isinstance(a, ast.DurationLit)]
        if durations:
            delay = phrase("expected.delay")
            fields["amount"] = self.duration(durations[0], ("fixed", "calendar", "business"), delay)
            if len(durations) > 1:
                fields["upper"] = self.duration(durations[1], ("fixed", "calendar", "business"), delay)
            for d, node in zip([fields["amount"], fields.get("upper")], durations):
                if d is not None and d.unit == "business_hour" and hours is None:
                    self.report("needs-business-hours", node.span, what=phrase("needs.hours-delay"))
                if d is not None and d.unit == "business_day" and days is None:
                    self.report("needs-business-days", node.span, what=phrase("needs.days-delay"))
        if body.kind == "at_most":
            fields["count"] = self.whole(body.args[0], phrase("why.count"), 1)
            fields["per"] = body.text(1)
        if body.kind == "monthly_day":
            # The generated code takes that day of every month: it must exist in February too.
            fields["day"] = self.whole(body.args[0], phrase("why.debit-day"), 1, 28)
            if days is None:
                self.report("needs-business-days", body.span, what=phrase("needs.previous-day"))
        if body.kind == "rule_unspecified":
            fields["kind"] = "unspecified"
            what = phrase("undecided.deadline", action=action)
            if level:
                what += phrase("undecided.deadline-level", level=level)
            if regime:
                what += phrase(f"undecided.deadline-{regime}")
            self.undecided(body.span, what)
        return model.Rule(**fields)

    # ------------------------------------------------------------------ retention
    def check_retention(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                        zone: ZoneInfo, **_: Any) -> model.Retention:
        copies: dict[str, model.Copy] = {}
        for stmt in (s for s in body if s.kind == "copy"):
            copy = self.copy(stmt)
            if copy.name in copies:
                self.report("duplicate-name", stmt.args[0].span, name=copy.name,
                            line=_first_line(body, "copy", copy.name))
            copies[copy.name] = copy
        rpo_stmt = self._single(block, body, "rpo")
        rpo = (self.duration(rpo_stmt.args[0], ("fixed",), phrase("expected.rpo")) if rpo_stmt
               else None)
        history = tuple(model.History(s.text(0), self.whole(s.args[1], phrase("why.years"), 0))
                        for s in body if s.kind == "history")
        after_stmt = self._single(block, body, "after_termination")
        after = (self.duration(after_stmt.args[0], ("calendar",), phrase("expected.retention"))
                 if after_stmt else None)
        if not copies and not history and rpo is None and after is None:
            self.report("missing-statement", block.name.span, kind=kind_the("retention"),
                        name=block.name.value, what="copy",
                        example="copy daily every day at 01:00 kept 1 week")
        examples = tuple(model.RetentionExample(self.instant(s.args[0], zone),
                                                self.whole(s.args[1], phrase("why.copies"), 0),
                                                s.span.line)
                         for s in body if s.kind == "retention_example")
        return model.Retention(copies=tuple(copies.values()), rpo=rpo, history=history,
                               after_termination=after, examples=examples, **base)

    def copy(self, stmt: ast.Stmt) -> model.Copy:
        """One copy of a backup ladder: when it is taken (a day that fits its frequency), how long
        it is kept (longer than zero)."""
        args = list(stmt.args)
        name = args.pop(0).value
        every = str(args.pop(0).value)
        weekday: Any = None
        day: Any = None
        month = None
        at = None
        kept: Any = None
        when = phrase("undecided.copy-day", copy=name)
        said = False   # whether an `on …` was written (when it does not fit, it was reported)
        for arg in args:
            if isinstance(arg, ast.Stmt) and arg.kind == "on_unspecified":
                said = True
                if every == "week":
                    weekday = self.undecided(arg.span, when)
                elif every != "day":
                    day = self.undecided(arg.span, when)
            elif isinstance(arg, ast.Stmt):   # on monday, on day 31, on 31 december
                said = True
                weekday, day, month = self.copy_day(arg, every)
            elif isinstance(arg, ast.Time):
                at = self.time(arg)
            elif isinstance(arg, ast.DurationLit):
                kept = self.positive(arg, ("calendar",), phrase("expected.retention"),
                                     phrase("what.kept"))
            elif isinstance(arg, ast.Word) and arg.value == "unspecified":
                kept = self.undecided(arg.span, phrase("undecided.copy-kept", copy=name))
        if every == "week" and not said:
            weekday = self.undecided(stmt.span, when)
        if every in ("month", "year") and not said:
            day = self.undecided(stmt.span, when)
        if at is None:
            self.undecided(stmt.span, phrase("undecided.copy-time", copy=name))
        return model.Copy(name, cast(Any, every), weekday, day, month, at, kept)

    def copy_day(self, node: ast.Stmt, every: str) -> tuple[int | None, int | None, int | None]:
        """(weekday, day, month) of `on …` for a copy taken every `every`; day 29 to 31 warned."""
        fits = {"on_weekday": "week", "on_month_day": "month", "on_date": "year"}[node.kind]
        if fits != every:
            if node.kind == "on_weekday":
                text = f"on {DAYS[node.args[0].index]}"
            else:
                text = f"on {'day ' if node.kind == 'on_month_day' else ''}{node.args[0].text}" \
                       + (f" {node.text(1)}" if node.kind == "on_date" else "")
            self.report("bad-copy-day", node.span, text=text, every=phrase(f"every.{every}"),
                        hint=phrase(f"copy-day.{every}"))
            return None, None, None
        if node.kind == "on_weekday":
            return node.args[0].index, None, None
        day = self.whole(node.args[0], phrase("why.month-day"), 1, 31)
        if node.kind == "on_month_day":
            if 28 < day <= 31:   # the runtime takes the copy on the last day of shorter months
                self.report("short-month", node.span, text=f"on day {day}",
                            period=phrase("period.month"), what=phrase("short-month.month"))
            return None, day, None
        month = MONTHS.index(node.text(1)) + 1
        length = calendar.monthrange(2000, month)[1]   # 2000 is a leap year: 29 February exists
        if length < day <= 31:
            self.report("bad-number", node.args[0].span, text=node.args[0].text,
                        why=phrase("why.month-length", month=MONTH_NAMES[month - 1], days=length))
        elif (day, month) == (29, 2):   # the runtime takes it on 28 February in common years
            self.report("short-month", node.span, text="on 29 february",
                        period=phrase("period.year"), what=phrase("short-month.year"))
        return None, day, month

    # ------------------------------------------------------------------ term
    def check_term(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                   **_: Any) -> model.Term:
        def period(kind: str, what: Phrase | None = None) -> model.Duration | None:
            """The period of statement `kind`; longer than zero when `what` names it."""
            stmt = self._single(block, body, kind)
            if stmt is None:
                return None
            expected = phrase("expected.term-period")
            return (self.positive(stmt.args[0], ("calendar",), expected, what) if what else
                    self.duration(stmt.args[0], ("calendar",), expected))

        initial_stmt = self._single(block, body, "initial")
        notice_stmt = self._single(block, body, "notice_before_end")
        tenure_stmt = self._single(block, body, "tenure_notice")
        examples = tuple(model.TermExample(self.date(s.args[0]), self.date(s.args[1]),
                                           self.date(s.args[2]), s.span.line)
                         for s in body if s.kind == "term_example")
        term = model.Term(
            initial=period("initial", phrase("what.initial")),
            initial_from=(initial_stmt.text(1) if initial_stmt and len(initial_stmt.args) > 1
                          else None),
            renewal=period("renewal", phrase("what.renewal")),
            notice_before_end=period("notice_before_end"),
            notice_by=(notice_stmt.text(1) if notice_stmt and len(notice_stmt.args) > 1
                       else None),
            short_tenure=period("short_tenure"),
            tenure_base=self.months(tenure_stmt.args[0]) if tenure_stmt else None,
            tenure_per_year=self.months(tenure_stmt.args[1]) if tenure_stmt else None,
            engagement_prevails=any(s.kind == "engagement_prevails" for s in body),
            survives=period("survives"), examples=examples, **base)
        if not any((term.initial, term.tenure_base, term.survives, term.short_tenure)):
            self.report("missing-statement", block.name.span, kind=kind_the("term"),
                        name=block.name.value, what="initial / notice / survives",
                        example="initial 12 months")
        if examples and term.tenure_base is None and term.short_tenure is None:
            self.report("example-error", block.name.span, reason=phrase("reason.tenure-examples"))
        return term

    def months(self, node: ast.Node) -> model.Duration:
        """A notice that grows with tenure: counted in whole months (so in months or years)."""
        reported = len(self.diagnostics)
        value = self.duration(node, ("calendar",), phrase("expected.tenure-notice"))
        if value.unit in ("day", "week") and len(self.diagnostics) == reported:
            self.report("unit-mismatch", node.span, expected=phrase("expected.tenure-notice"),
                        hint=phrase("hint.months-years"),
                        found=phrase("found.duration", text=_written(node),
                                     time=phrase("time.calendar")))
        return value

    # ------------------------------------------------------------------ money
    def check_money(self, block: ast.Block, body: list[ast.Stmt], base: dict[str, Any],
                    currency: str, **_: Any) -> model.MoneyClause:
        fees: dict[str, model.Fee] = {}
        for stmt in (s for s in body if s.kind == "fee"):
            args = list(stmt.args)
            fee_name = args.pop(0)
            assert isinstance(fee_name, ast.Name)
            amount = self.money(args.pop(0), currency)
            per = None
            minimum = minimum_per = None
            for arg in args:
                if isinstance(arg, ast.Stmt) and arg.kind == "fee_per":
                    unit = arg.args[0] if arg.args else None
                    per = unit.value if unit is not None else "hour"
                elif isinstance(arg, ast.MoneyLit):
                    minimum = self.money(arg, currency)
                elif isinstance(arg, ast.Str):
                    minimum_per = arg.value
            key = fee_name.value.lower()
            if key in self.fee_lines:
                self.report("duplicate-name", fee_name.span, name=fee_name.value,
                            line=self.fee_lines[key])
            else:
                self.fee_lines[key] = stmt.span.line
            fees[fee_name.value] = model.Fee(fee_name.value, amount, per, minimum, minimum_per)
        minimum_stmt = self._single(block, body, "minimum_invoice")
        surcharge_stmt = self._single(block, body, "surcharge")
        index_stmt = self._single(block, body, "indexation")
        cap_stmt = self._single(block, body, "liability_cap")
        interest_stmt = self._single(block, body, "interest")
        billing_stmt = self._single(block, body, "billing")
        examples = []
        for stmt in (s for s in body if s.kind == "money_example"):
            fee_node = stmt.args[0]
            assert isinstance(fee_node, ast.Name)
            if fee_node.value not in fees:
                self.report("unknown-name", fee_node.span, kind=kind_none("fee"), name=fee_node.value,
                            suggestion=phrase("suggest.known", names=listing(sorted(fees))))
            inputs = tuple((i.text(0), i.number(1))
                           for i in stmt.args[1:-1])
            examples.append(model.MoneyExample(fee_node.value, inputs,
                                               self.money(stmt.args[-1], currency), stmt.span.line))
        return model.MoneyClause(
            fees=tuple(fees.values()),
            minimum_invoice=self.money(minimum_stmt.args[0], currency) if minimum_stmt else None,
            surcharge=self.percent(surcharge_stmt.args[0]) if surcharge_stmt else None,
            surcharge_on=surcharge_stmt.text(1) if surcharge_stmt else None,
            indexation=index_stmt.text(0) if index_stmt else None,
            indexation_cap=self.percent(index_stmt.args[1]) if index_stmt else None,
            liability_cap=self.money(cap_stmt.args[0], currency) if cap_stmt else None,
            interest_points=interest_stmt.number(0) if interest_stmt else None,
            billing=(("advance" if billing_stmt.sub(0).kind == "in_advance" else "arrears")
                     if billing_stmt else None),
            examples=tuple(examples), **base)


# --------------------------------------------------------------------------- helpers

def check(module: ast.Module) -> tuple[model.Contract, list[Diagnostic]]:
    """Check a parsed module: the contract model and all diagnostics, sorted by position."""
    checker = ContractChecker(module, kinds.NAMES)
    contract = checker.run()
    unique = {(d.code, d.span, tuple(sorted(d.args.items(), key=str))): d for d in checker.diagnostics}
    return contract, sorted(unique.values(), key=Diagnostic.sort_key)
















def _week_minutes(checker: Checker, block: ast.Block) -> set[int]:
    """Minutes of a plain week (0 = Monday 00:00) that a window covers; for overlap checks."""
    minutes: set[int] = set()
    for stmt in block.body:
        if stmt.kind == "always":
            return set(range(WEEK))
        if stmt.kind == "weekly":
            for time_range in stmt.args[1:]:
                start, end = time_range.start.minute, time_range.end.minute
                # As check_window reads it: 00:00 to 24:00 is a whole day, 21:00 to 06:00 wraps.
                length = end - start if end >= start else end + 1440 - start
                for day in _days(stmt.args[0]):
                    _add_minutes(minutes, day * 1440 + start, length)
        elif stmt.kind == "span":
            d1, t1, d2, t2 = stmt.args
            start = d1.index * 1440 + t1.minute
            end = d2.index * 1440 + t2.minute
            length = (end - start) % WEEK or WEEK   # monday 00:00 to sunday 24:00
            _add_minutes(minutes, start, length)
    return minutes


def _add_minutes(minutes: set[int], start: int, length: int) -> None:
    """Add `length` (at most a week) minutes from `start`, past Sunday 24:00 going on at Monday
    00:00: the minutes (start + i) % WEEK for i in range(length)."""
    start %= WEEK
    minutes.update(range(start, min(start + length, WEEK)))
    minutes.update(range(start + length - WEEK))   # empty unless it wraps


def _key(value: Decimal | model.Duration) -> Decimal:
    """Ordering key of a bound value; months count as 30.44 days only for ordering."""
    if isinstance(value, Decimal):
        return value
    days = {"day": Decimal(1), "week": Decimal(7), "month": Decimal("30.436875"),
            "year": Decimal("365.2425")}
    return value.amount * days.get(value.unit, Decimal(1))


def _reversed(tier: model.Tier) -> bool:
    """Whether a tier's range is empty or reversed (lower bound above its upper bound)."""
    lower, upper = tier.lower, tier.upper
    return bool(lower and upper and (_key(lower.value) > _key(upper.value) or (
        _key(lower.value) == _key(upper.value) and not (lower.inclusive and upper.inclusive))))


def _lower_key(tier: model.Tier) -> tuple[Decimal, int]:
    if tier.lower is None:
        return (Decimal("-Infinity"), 0)
    return (_key(tier.lower.value), 0 if tier.lower.inclusive else 1)


def _overlaps(a: model.Tier, b: model.Tier) -> bool:
    """b starts (in sorted order) before a ends."""
    if a.upper is None or b.lower is None:
        return True
    ka, kb = _key(a.upper.value), _key(b.lower.value)
    return kb < ka or (kb == ka and a.upper.inclusive and b.lower.inclusive)


def _starts_after(lower: model.Bound | None, cursor: model.Bound, measure: str) -> bool:
    """Whether a tier starting at `lower` leaves a gap after the covered prefix ending at cursor."""
    if lower is None:
        return False
    kl, kc = _key(lower.value), _key(cursor.value)
    if measure == "notice" and isinstance(lower.value, model.Duration) \
            and isinstance(cursor.value, model.Duration) and lower.value.unit == cursor.value.unit == "day":
        # Notice is counted in whole days: 15 days included, then 16 days included leaves no gap.
        first_l = lower.value.amount + (0 if lower.inclusive else 1)
        first_c = cursor.value.amount + (0 if cursor.inclusive else 1)
        return first_l > first_c
    return kl > kc or (kl == kc and cursor.inclusive and not lower.inclusive)


def _after(upper: model.Bound | None, cursor: model.Bound | None) -> model.Bound | None:
    """The first uncovered point after a tier ending at `upper`."""
    if upper is None:
        return None
    return model.Bound(upper.value, not upper.inclusive)


def _format_bound_value(value: Decimal | model.Duration) -> Phrase:
    if isinstance(value, Decimal):
        return Phrase(f"{value} %", f"{value} %")
    return amount_of(value.amount, value.unit)


def _range_text(low: model.Bound | None, high: model.Bound | None) -> Phrase:
    """`0.2 % < x < 0.21 %`, `15 days ≤ x`: a range of values of a tier's measure."""
    text = Phrase("x", "x")
    if low is not None:
        text = _format_bound_value(low.value) + _sign(f" {'≤' if low.inclusive else '<'} ") + text
    if high is not None:
        text = text + _sign(f" {'≤' if high.inclusive else '<'} ") + _format_bound_value(high.value)
    return text


def _sign(text: str) -> Phrase:
    return Phrase(text, text)


def _outcome_unit(outcome: model.Outcome) -> str | None:
    """What an outcome is counted in: "days" of service, "money" (amounts and shares), or None."""
    if outcome.kind == "service_days":
        return "days"
    return "money" if outcome.kind in ("invoice_share", "money") else None


def _outcome_text(outcome: model.Outcome) -> str:
    """An outcome as the author writes it: `20 % of invoice`, `3 days of service`, `100 EUR`."""
    if outcome.kind == "invoice_share":
        return f"{outcome.amount} % of invoice"
    if outcome.kind == "service_days":
        return f"{outcome.amount} days of service"
    if outcome.kind == "money":
        tax = {"excl": " excl. tax", "incl": " incl. tax"}.get(outcome.tax or "", "")
        return f"{outcome.amount} {outcome.currency}{tax}"
    return outcome.kind





