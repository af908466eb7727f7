"""`deadlines NAME { action … ; take_in for critical within 4 hours … }`: what must be done by when.

A block declares its actions, then rules: an action (at a severity level of the block's
`severities`, starting during or outside its business hours) is due within a delay, between two,
not before one, immediately, never, at most so many times a period, or on a day of each month.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any, ClassVar, Literal, TypeVar

from .. import ast, model
from ..backends.pycode import (
    WIDTH,
    Ctx,
    RenderError,
    Unit,
    const,
    docstring,
    duration_text,
    fn,
    force_text,
    period_expr,
    py_long_str,
    py_str,
    render_unit,
    timedelta_expr,
    whole,
)
from ..backends.writer import CodeWriter
from ..checking import Checker, suggest
from ..evaluating import EvalContext, Evaluation, by_signature
from ..inputs import Value
from ..messages import KindNames, Phrase, phrase
from .base import Check, Kind, Result, Worked
from .severities import LevelStmt, Severities

# --------------------------------------------------------------------------- statements


@dataclass(frozen=True)
class UsesSeverities(ast.Statement):
    """`severities incidents`: the levels the rules are set by."""

    rule: ClassVar[str] = "uses_severities"
    written: ClassVar[str] = "severities"
    severities: ast.Name


@dataclass(frozen=True)
class UsesHours(ast.Statement):
    """`business hours heures_ouvrees` (a window), or `business hours unspecified`."""

    rule: ClassVar[str] = "uses_hours"
    written: ClassVar[str] = "business hours"
    window: ast.Name | ast.Word


@dataclass(frozen=True)
class UsesCalendar(ast.Statement):
    """`business days of jours_ouvres`."""

    rule: ClassVar[str] = "uses_calendar"
    written: ClassVar[str] = "business days of"
    calendar: ast.Name


@dataclass(frozen=True)
class ActionStmt(ast.Statement):
    """`action take_in fr "prise en compte" en "take-in" [as right of provider]`."""

    rule: ClassVar[str] = "action"
    name: ast.Name
    text: ast.TextLit
    force: ast.Force | None = None


@dataclass(frozen=True)
class LevelRef(ast.Statement):
    """`for critical`: the severity level a rule or an example is for."""

    rule: ClassVar[str] = "level_ref"
    level: ast.Name


@dataclass(frozen=True)
class After(ast.Statement):
    """`after fr "la réception de la facture" en "receipt of the invoice"`, `after unspecified`:
    the event a delay runs from."""

    rule: ClassVar[str] = "after"
    event: ast.TextLit | ast.Word


@dataclass(frozen=True)
class DelaysAfter(ast.Statement):
    """`delays after fr "la notification" en "the notification"`: what every delay of the block
    runs from, unless its rule says."""

    rule: ClassVar[str] = "delays_after"
    event: ast.TextLit | ast.Word


@dataclass(frozen=True)
class RuleBody(ast.Statement):
    """What a rule says of its action; `rule_kind` is the model's name for it."""

    rule_kind: ClassVar[RuleKind]


@dataclass(frozen=True)
class Within(RuleBody):
    """`within 4 hours [after "…"]`."""

    rule: ClassVar[str] = "within"
    rule_kind: ClassVar[RuleKind] = "within"
    delay: ast.DurationLit
    after: After | None = None


@dataclass(frozen=True)
class Between(RuleBody):
    """`between 2 days and 5 days [after "…"]`: due at the upper bound."""

    rule: ClassVar[str] = "between"
    rule_kind: ClassVar[RuleKind] = "between"
    lower: ast.DurationLit
    upper: ast.DurationLit
    after: After | None = None


@dataclass(frozen=True)
class NotBefore(RuleBody):
    """`not before 1 month [after "…"]`."""

    rule: ClassVar[str] = "not_before"
    rule_kind: ClassVar[RuleKind] = "not_before"
    delay: ast.DurationLit
    after: After | None = None


@dataclass(frozen=True)
class LastsAtMost(RuleBody):
    """`lasts at most 1 week`: a limit on how long the action may last, not a deadline."""

    rule: ClassVar[str] = "lasts_at_most"
    rule_kind: ClassVar[RuleKind] = "max_duration"
    delay: ast.DurationLit


@dataclass(frozen=True)
class Immediately(RuleBody):
    """`immediately`."""

    rule: ClassVar[str] = "immediately"
    rule_kind: ClassVar[RuleKind] = "immediately"


@dataclass(frozen=True)
class NoDeadline(RuleBody):
    """`no deadline`."""

    rule: ClassVar[str] = "no_deadline"
    rule_kind: ClassVar[RuleKind] = "no_deadline"


@dataclass(frozen=True)
class AtMost(RuleBody):
    """`at most 2 per month`."""

    rule: ClassVar[str] = "at_most"
    rule_kind: ClassVar[RuleKind] = "at_most"
    count: ast.Number
    per: ast.Word


@dataclass(frozen=True)
class MonthlyDay(RuleBody):
    """`on day 5 of each month or previous business day`."""

    rule: ClassVar[str] = "monthly_day"
    rule_kind: ClassVar[RuleKind] = "monthly_day"
    day: ast.Number


@dataclass(frozen=True)
class RuleUnspecified(RuleBody):
    """`unspecified`: the contract gives no deadline."""

    rule: ClassVar[str] = "rule_unspecified"
    rule_kind: ClassVar[RuleKind] = "unspecified"
    word: ast.Word


Delayed = Within | Between | NotBefore
BODIES = (Within, Between, NotBefore, LastsAtMost, Immediately, NoDeadline, AtMost, MonthlyDay,
          RuleUnspecified)


@dataclass(frozen=True)
class RuleStmt(ast.Statement):
    """`take_in for critical within 4 hours during business hours`: level and regime optional."""

    rule: ClassVar[str] = "rule"
    action: ast.Name
    level: LevelRef | None
    body: RuleBody
    when: ast.Word | None       # `during` / `outside` business hours

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        action, *rest = values
        body = next(v for v in rest if isinstance(v, RuleBody))
        return cls(span, action, _of(LevelRef, rest), body, _of(ast.Word, rest))


@dataclass(frozen=True)
class DeadlineExampleStmt(ast.Statement):
    """`example take_in for critical at 2024-03-19 09:30 [during business hours] due 2024-03-19
    13:30`."""

    rule: ClassVar[str] = "deadline_example"
    action: ast.Name
    level: LevelRef | None
    start: ast.DateTime
    due: ast.DateTime
    when: ast.Word | None = None    # written, but the due instant says it all

    @classmethod
    def build(cls, span: ast.Span, values: tuple[Any, ...]) -> ast.Statement:
        action, *rest = values
        instants = [v for v in rest if isinstance(v, ast.DateTime)]
        return cls(span, action, _of(LevelRef, rest), instants[0], instants[-1],
                   _of(ast.Word, rest))


N = TypeVar("N")


def _of(cls: type[N], values: Iterable[object]) -> N | None:
    """The value of type `cls` among `values` (an optional part of a statement), if written."""
    return next((v for v in values if isinstance(v, cls)), None)


# --------------------------------------------------------------------------- model

RuleKind = Literal["within", "between", "not_before", "max_duration", "immediately",
                   "no_deadline", "at_most", "monthly_day", "unspecified"]


@dataclass(frozen=True)
class Rule:
    action: str
    level: str | None
    kind: RuleKind
    regime: Literal["during", "outside"] | None   # during / outside business hours
    amount: model.Duration | None = None
    upper: model.Duration | None = None           # `between amount and upper`
    after: model.Text | model.Unspecified | None = None   # the event the delay runs from
    count: int | None = None                      # at most `count` per `per`
    per: str | None = None
    day: int | None = None                        # monthly_day
    line: int = 0


@dataclass(frozen=True)
class Action:
    name: str
    text: model.Text
    force: model.Force | None = None    # the block's, unless the action has its own


@dataclass(frozen=True)
class DeadlineExample:
    action: str
    level: str | None
    start: datetime
    due: datetime
    line: int


@dataclass(frozen=True)
class Deadlines(model.ItemBase):
    severities: str | None
    business_hours: str | model.Unspecified | None   # window name
    business_days: str | None                        # calendar name
    actions: tuple[Action, ...]
    rules: tuple[Rule, ...]
    examples: tuple[DeadlineExample, ...]


# --------------------------------------------------------------------------- check

DELAY_DIMENSIONS = ("fixed", "calendar", "business")


def _severity_levels(c: Checker, severities: str | None) -> list[str]:
    """The level names of the severities block `severities`, as written (none if it is not one)."""
    block = c.blocks.get(severities or "")
    if block is None or block.kind != "severities":
        return []
    return [s.name.value for s in block.body if isinstance(s, LevelStmt)]


@dataclass
class _Scope:
    """What a block's rules and examples are checked against."""

    c: Checker
    actions: dict[str, Action]
    levels: list[str]
    severities: str | None
    hours: str | model.Unspecified | None
    days: str | None
    after_all: After | None       # `delays after …`: what every delay runs from by default

    def action(self, node: ast.Name) -> str:
        """An action the block declares."""
        if node.value not in self.actions:
            close = difflib.get_close_matches(node.value, list(self.actions), n=1)
            suggestion = (phrase("suggest.close", name=close[0]) if close else
                          phrase("suggest.declare-action", name=node.value))
            self.c.report("unknown-name", node.span, kind=self.c.names["action"].none(),
                          name=node.value,
                          suggestion=suggestion)
        return node.value

    def level(self, ref: LevelRef | None) -> str | None:
        """A level of the block's severities (which must be named)."""
        if ref is None:
            return None
        node = ref.level
        if self.severities is None:
            self.c.report("needs-severities", node.span, level=node.value)
        elif self.levels and node.value not in self.levels:
            self.c.report("unknown-name", node.span, kind=self.c.names["severity level"].none(),
                          name=node.value, suggestion=suggest(node.value, self.levels))
        return node.value

    def rule(self, stmt: RuleStmt) -> Rule:
        """The rule, its delays in units the block can count."""
        action = self.action(stmt.action)
        level = self.level(stmt.level)
        regime: Literal["during", "outside"] | None = None
        if stmt.when is not None:
            regime = "during" if stmt.when.value == "during" else "outside"
            if self.hours is None:
                self.c.report("needs-business-hours", stmt.when.span,
                              what=phrase("needs.hours-regime"))
        body = stmt.body
        rule = Rule(action, level, body.rule_kind, regime, line=stmt.span.line)
        if isinstance(body, (Within, Between, NotBefore)):
            amount, upper = self.delays(body)
            return replace(rule, amount=amount, upper=upper, after=self.after(body, action))
        if isinstance(body, LastsAtMost):
            return replace(rule, amount=self.c.duration(body.delay, ("fixed", "calendar"),
                                                        phrase("expected.delay")))
        if isinstance(body, AtMost):
            count = self.c.whole(body.count, phrase("why.count"), 1)
            return replace(rule, count=count, per=body.per.value)
        if isinstance(body, MonthlyDay):
            return replace(rule, day=self.monthly_day(body))
        if isinstance(body, RuleUnspecified):
            what = phrase("undecided.deadline", action=action)
            if level:
                what += phrase("undecided.deadline-level", level=level)
            if regime:
                what += phrase(f"undecided.deadline-{regime}")
            self.c.undecided(body.span, what)
        return rule

    def after(self, body: Delayed, action: str) -> model.Text | model.Unspecified | None:
        """What the delay runs from: an event, or left open by the contract (or not said)."""
        after = body.after or self.after_all
        if after is None:
            self.c.report("start-undecided", body.span)
            return None
        if isinstance(after.event, ast.Word):
            return self.c.undecided(after.event.span, phrase("undecided.start", action=action))
        return self.c.text(after.event)

    def delays(self, body: Delayed) -> tuple[model.Duration, model.Duration | None]:
        """The delay of a rule (both bounds of `between`), each in a unit the block can count."""
        nodes = (body.lower, body.upper) if isinstance(body, Between) else (body.delay,)
        values = [self.c.duration(node, DELAY_DIMENSIONS, phrase("expected.delay"))
                  for node in nodes]
        for value, node in zip(values, nodes, strict=True):
            if value.unit == "business_hour" and self.hours is None:
                self.c.report("needs-business-hours", node.span, what=phrase("needs.hours-delay"))
            if value.unit == "business_day" and self.days is None:
                self.c.report("needs-business-days", node.span, what=phrase("needs.days-delay"))
        return values[0], values[1] if len(values) > 1 else None

    def monthly_day(self, body: MonthlyDay) -> int:
        """The day of the month; the generated code takes it in every month, February too."""
        day = self.c.whole(body.day, phrase("why.debit-day"), 1, 28)
        if self.days is None:
            self.c.report("needs-business-days", body.span, what=phrase("needs.previous-day"))
        return day

    def example(self, stmt: DeadlineExampleStmt) -> DeadlineExample:
        """A worked example, its instants in the contract's zone (the build runs it)."""
        level = self.level(stmt.level)
        self.action(stmt.action)
        zone = self.c.zone
        return DeadlineExample(stmt.action.value, level, self.c.instant(stmt.start, zone),
                               self.c.instant(stmt.due, zone), stmt.span.line)


def _actions(c: Checker, block: ast.Block,
             force: model.Force | None) -> dict[str, Action]:
    """The declared actions by name, each with its force or the block's; a name declared again
    is reported and takes the later text. The block must say who is bound unless each action
    does."""
    actions: dict[str, Action] = {}
    first: dict[str, int] = {}
    for stmt in block.body:
        if not isinstance(stmt, ActionStmt):
            continue
        name = stmt.name.value
        if name in actions:
            c.report("duplicate-name", stmt.name.span, name=name, line=first[name])
        first.setdefault(name, stmt.span.line)
        own = c.force(stmt.force, name) if stmt.force is not None else None
        actions[name] = Action(name, c.text(stmt.text), own or force)
    if force is None and any(a.force is None for a in actions.values()):
        c.report("force-undecided", block.name.span, kind=c.names["deadlines"].the(),
                 name=block.name.value)
    return actions


def _rules(scope: _Scope, body: Sequence[object]) -> list[Rule]:
    """The block's rules; a second rule for the same action, level and regime is reported."""
    rules: list[Rule] = []
    seen: dict[tuple[str, str | None, str | None], int] = {}
    for stmt in body:
        if not isinstance(stmt, RuleStmt):
            continue
        rule = scope.rule(stmt)
        key = (rule.action, rule.level, rule.regime)
        if key in seen:
            scope.c.report("duplicate-rule", stmt.span, line=seen[key],
                           what=rule.action + (f" for {rule.level}" if rule.level else "")
                           + (f" {rule.regime} business hours" if rule.regime else ""))
        seen[key] = stmt.span.line
        rules.append(rule)
    return rules


def _missing_levels(scope: _Scope, block: ast.Block, rules: list[Rule]) -> None:
    """An action with rules by level needs one for every level of the severities."""
    for action in scope.actions:
        mentioned = {r.level for r in rules if r.action == action}
        if not mentioned - {None}:
            continue
        for missing in scope.levels:
            if missing not in mentioned:
                scope.c.report("missing-level", block.name.span, action=action, level=missing)


# --------------------------------------------------------------------------- Python

DUE_KINDS = ("within", "between", "immediately", "no_deadline", "unspecified")
FUNCTIONS = (
    ("due", DUE_KINDS, "When `action` is due, for a delay running from `start`."),
    ("earliest", ("not_before",),
     "The earliest instant `action` may happen, for a delay running from `start`."),
    ("limit", ("at_most",), "How often `action` may happen at most: (count, per period)."),
    ("ends_by", ("max_duration",),
     "The latest instant `action`, begun at `start`, may last until."),
)
"""The dispatch functions of a block: name suffix, the kinds of rule they answer, summary."""
RETURNS = {"due": "datetime", "earliest": "datetime", "limit": "tuple[int, str]",
           "ends_by": "datetime"}
COLUMNS = ("due", "earliest", "ends_by")
"""The dispatch functions that also get `<item>_<suffix>_columns`, over columns of starts."""


def _python(ctx: Ctx, item: Deadlines) -> list[Unit]:
    units = [_actions_unit(ctx, item)]
    for suffix, kinds, summary in FUNCTIONS:
        rules = [r for r in item.rules if r.kind in kinds]
        if rules:
            dispatch = _Dispatch(ctx, item, suffix, rules)
            units.append(dispatch.unit(summary))
            if suffix in COLUMNS:
                units.append(dispatch.columns_unit())
    monthly = [r for r in item.rules if r.kind == "monthly_day"]
    if monthly:
        units.append(_monthly_unit(ctx, item, monthly))
    return units


def _actions_unit(ctx: Ctx, item: Deadlines) -> Unit:
    """`X_ACTIONS`: each action's French and English description."""
    c = ctx.names.const(item.name)
    actions = [(py_str(a.name), py_long_str(a.text.fr, " " * 8), py_long_str(a.text.en, " " * 8))
               for a in item.actions]
    return render_unit("py_actions.j2", f"{c}_ACTIONS", c=c, actions=actions,
                       doc=docstring(f"Actions of `{item.name}`: name -> (French, English).", [],
                                     indent=""))


def _monthly_unit(ctx: Ctx, item: Deadlines, monthly: list[Rule]) -> Unit:
    """`x_debit_date(action, year, month)`: a monthly rule's day, or the business day before."""
    if item.business_days is None:
        raise RenderError(f"{item.name}: a monthly day needs a business-day calendar")
    name = ctx.names.fn(item.name, "debit_date")
    days = [(py_str(r.action), r.day, r.line) for r in monthly]
    text = [f"- {r.action}: day {r.day} of each month, or the business day before it when it "
            f"is not a business day of `{item.business_days}` (line {r.line})" for r in monthly]
    return render_unit(
        "py_monthly.j2", name, name=name, days=days,
        calendar=ctx.names.const(item.business_days), single=len(monthly) == 1,
        doc=ctx.doc(item, f"The date of a monthly debit under `{item.name}` in `year`-`month`.",
                    ["Rules:", *text]))


def _rule_text(rule: Rule) -> str:
    """`take_in (critical) during business hours: within 4 hours`."""
    after = (f" after « {rule.after.en} »" if isinstance(rule.after, model.Text) else
             " after an event the contract does not name" if rule.after is not None else "")
    if rule.kind == "within":
        assert rule.amount is not None
        text = f"within {duration_text(rule.amount)}{after}"
    elif rule.kind == "between":
        assert rule.amount is not None and rule.upper is not None
        text = (f"between {duration_text(rule.amount)} and {duration_text(rule.upper)}{after}"
                " (due at the upper bound)")
    elif rule.kind == "not_before":
        assert rule.amount is not None
        text = f"not before {duration_text(rule.amount)}{after}"
    elif rule.kind == "max_duration":
        assert rule.amount is not None
        text = f"lasts at most {duration_text(rule.amount)}"
    elif rule.kind == "at_most":
        text = f"at most {rule.count} per {rule.per}"
    elif rule.kind == "no_deadline":
        text = "no deadline (None)"
    elif rule.kind == "unspecified":
        text = "not said by the contract (pass delay_if_unspecified)"
    else:
        text = rule.kind
    regime = f" {rule.regime} business hours" if rule.regime else ""
    return f"{_who(rule)}{regime}: {text}"


def _who(rule: Rule) -> str:
    return rule.action + (f" ({rule.level})" if rule.level else "")


@dataclass(frozen=True)
class _Value:
    """How a rule's value is computed: `wrapper(function(arguments))`, or `function` alone (an
    expression) when `arguments` is None."""

    function: str
    arguments: tuple[str, ...] | None = None
    wrapper: str = ""
    hours: bool = False          # reads the business hours


@dataclass(frozen=True)
class _Split:
    """The rules of one action (at one level): one for any start, or one for a start during and
    one outside business hours (None where the contract gives none)."""

    line: int                    # of the first rule, for errors
    anytime: Rule | None = None
    during: Rule | None = None
    outside: Rule | None = None

    @staticmethod
    def of(group: list[Rule]) -> _Split:
        """The rules of `group` by regime; a rule without one fills a regime left without rule."""
        by: dict[str | None, Rule] = {r.regime: r for r in group}
        if set(by) == {None}:
            return _Split(group[0].line, anytime=by[None])
        return _Split(group[0].line, during=by.get("during") or by.get(None),
                      outside=by.get("outside") or by.get(None))

    def rules(self) -> list[Rule]:
        return [r for r in (self.anytime, self.during, self.outside) if r is not None]


@dataclass(frozen=True)
class _Needs:
    """What the function's rules need from its parameters."""

    hours_param: bool = False    # `business_hours`, which the contract does not give
    delay_param: bool = False    # `delay_if_unspecified`
    none: bool = False           # the result may be None


class _Dispatch:
    """`<item>_<suffix>(action, start, level, …)`: chooses the rule by action, then by level,
    then by whether `start` falls in business hours, and returns its value.

    The plan comes first (each action's branches, and what they need from the parameters), then
    the code is written from it: signature, docstring, body.
    """

    def __init__(self, ctx: Ctx, item: Deadlines, suffix: str,
                 rules: list[Rule]) -> None:
        self.ctx, self.item, self.suffix, self.rules = ctx, item, suffix, rules
        self.name = ctx.names.fn(item.name, suffix)
        self.actions = list(dict.fromkeys(r.action for r in rules))
        self.leveled = [a for a in self.actions if any(r.level for r in rules if r.action == a)]
        hours = item.business_hours
        self.hours_what = (hours.what if isinstance(hours, model.Unspecified)
                           else "the business hours")
        self.hours = (f"_hours(business_hours, {py_str(self.hours_what)})"
                      if isinstance(hours, model.Unspecified)
                      else ctx.names.const(hours) if isinstance(hours, str) else None)
        self.branches = {action: self._branches(action) for action in self.actions}
        self.needs = self._needs()

    # ------------------------------------------------------------------ plan

    def _branches(self, action: str) -> list[tuple[str | None, _Split]]:
        """The action's rules level by level (in order written), then those for any level."""
        group = [r for r in self.rules if r.action == action]
        levels = [level for level in dict.fromkeys(r.level for r in group) if level]
        branches: list[tuple[str | None, _Split]] = [
            (level, _Split.of([r for r in group if r.level == level])) for level in levels]
        fallback = [r for r in group if r.level is None]
        if fallback:
            branches.append((None, _Split.of(fallback)))
        return branches

    def _needs(self) -> _Needs:
        splits = [split for branches in self.branches.values() for _, split in branches]
        rules = [rule for split in splits for rule in split.rules()]
        hours = (any(split.anytime is None for split in splits)
                 or any(self._value(rule).hours for rule in rules))
        return _Needs(hours_param=hours and isinstance(self.item.business_hours, model.Unspecified),
                     delay_param=any(r.kind == "unspecified" for r in rules),
                     none=any(r.kind == "no_deadline" for r in rules))

    def _hours(self, line: int) -> str:
        """The business hours, for a rule at `line` that needs them."""
        if self.hours is None:
            raise RenderError(f"{self.item.name}: business hours are needed at line {line}")
        return self.hours

    def _value(self, rule: Rule) -> _Value:
        if rule.kind == "at_most":
            return _Value(f"({rule.count}, {py_str(rule.per or '')})")
        if rule.kind == "immediately":
            return _Value("_local(start)")
        if rule.kind == "no_deadline":
            return _Value("None")
        if rule.kind == "unspecified":
            what = f"the deadline for {_who(rule)}" + (
                f" {rule.regime} business hours" if rule.regime else "")
            where = f"{self.ctx.contract.source_file}:{rule.line}"
            return _Value("_undecided_delay", ("start", "delay_if_unspecified", py_str(what),
                                                py_str(where)))
        amount = rule.upper if rule.kind == "between" else rule.amount
        assert amount is not None
        if amount.dimension == "fixed":
            return _Value("due_elapsed", ("start", timedelta_expr(amount)), "_local")
        if amount.dimension == "calendar":
            return _Value("due_period", ("start.astimezone(_TZ)", period_expr(amount)), "_local")
        if amount.unit == "business_hour":
            return _Value("due_business_time",
                          ("start", timedelta_expr(amount), self._hours(rule.line)), "_local",
                          hours=True)
        if self.item.business_days is None:
            raise RenderError(f"{self.item.name}: business days are needed at line {rule.line}")
        return _Value("due_business_days", ("start", str(whole(amount)),
                                            self.ctx.names.const(self.item.business_days), "ZONE"),
                      "_local")

    def _every_level(self, action: str) -> bool:
        """Whether the action has a rule for every level of the block's severities."""
        declared = next((s for s in self.ctx.contract.of_type(Severities)
                         if s.name == self.item.severities), None)
        given = {r.level for r in self.rules if r.action == action}
        return declared is not None and {level.name for level in declared.levels} <= given

    def _literal(self, rule: Rule) -> tuple[object, ...]:
        """The rule as `batch_deadlines.due_columns` reads it (its `Plan`)."""
        if rule.kind == "immediately":
            return ("elapsed", 0)
        if rule.kind == "no_deadline":
            return ("none",)
        if rule.kind == "unspecified":
            value = self._value(rule)
            assert value.arguments is not None
            return ("open", json.loads(value.arguments[2]), json.loads(value.arguments[3]))
        amount = rule.upper if rule.kind == "between" else rule.amount
        assert amount is not None
        if amount.dimension == "fixed":
            return ("elapsed", int(amount.seconds()))
        if amount.dimension == "calendar":
            return ("period", whole(amount), amount.unit)
        if amount.unit == "business_hour":
            self._hours(rule.line)
            return ("business", int(amount.seconds()))
        if self.item.business_days is None:
            raise RenderError(f"{self.item.name}: business days are needed at line {rule.line}")
        return ("days", whole(amount))

    def _split_literal(self, split: _Split, action: str) -> tuple[object, ...]:
        """(rule,) for any start, or (rule during, rule outside business hours)."""
        if split.anytime is not None:
            return (self._literal(split.anytime),)
        if self.hours is None:
            self._hours(split.line)
        return tuple(
            self._literal(rule) if rule is not None else
            ("missing", f"the contract gives no deadline for {action} {regime} business hours")
            for rule, regime in ((split.during, "during"), (split.outside, "outside")))

    def plan(self) -> tuple[object, ...]:
        """The literal plan of `<name>_columns`: (name, actions, leveled actions, rules by
        action and level), every level of the severities listed for a leveled action."""
        declared = next((s for s in self.ctx.contract.of_type(Severities)
                         if s.name == self.item.severities), None)
        levels = [level.name for level in declared.levels] if declared is not None else []
        rules: list[tuple[object, ...]] = []
        for action in self.actions:
            branches = dict(self.branches[action])
            if action not in self.leveled:
                rules.append((action, None, self._split_literal(branches[None], action)))
                continue
            for level in levels or [b for b in branches if b is not None]:
                split = branches.get(level, branches.get(None))
                rules.append((action, level, self._split_literal(split, action) if split else (
                    ("missing", f"the contract gives no rule for {action} at level {level!r}"),)))
        return (self.name, tuple(self.actions), tuple(self.leveled), tuple(rules))

    # ------------------------------------------------------------------ code

    def unit(self, summary: str) -> Unit:
        w = CodeWriter()
        self._write_signature(w)
        with w.indented():
            w.lines(self._docstring(summary, w.prefix))
            if self.suffix != "limit":
                w.line('require_aware("start", start)')
            choices = ", ".join(py_str(a) for a in self.actions) + (
                "," if len(self.actions) == 1 else "")
            w.call("_choice", [f'"action of {self.name}"', "action", f"({choices})"])
            for action in self.actions:
                self._write_action(w, action)
            w.line('raise AssertionError(f"unhandled action {action!r}")')
        return Unit(self.name, w.text())

    def columns_unit(self) -> Unit:
        """`<name>_columns(actions, starts, levels, …)`: the same answers over a column of
        starts (epoch seconds), by `batch_deadlines.due_columns`."""
        name = f"{self.name}_columns"
        w = CodeWriter()
        params = ["actions: str | Sequence[str]", "starts: Sequence[int]"]
        if self.leveled:
            params.append("levels: str | Sequence[str | None] | None = None")
        keywords = []
        if self.needs.hours_param:
            keywords.append("business_hours: Schedule | None = None")
        if self.needs.delay_param:
            keywords.append("delay_if_unspecified: timedelta | None = None")
        if keywords:
            params += ["*", *keywords]
        w.line(f"def {name}(")
        with w.indented():
            for param in params:
                w.line(f"{param},")
        w.line(") -> list[int | None]:")
        with w.indented():
            w.lines(self._columns_docstring(w.prefix))
            w.line("return due_columns(")
            with w.indented():
                _write_literal(w, self.plan(), ",")
                w.line(f"{self.name},")
                w.line("actions,")
                w.line("starts,")
                if self.leveled:
                    w.line("levels,")
                w.line("zone=ZONE,")
                hours = self.item.business_hours
                if isinstance(hours, model.Unspecified):
                    w.line("hours=business_hours,")
                    w.line("hours_given=True,")
                    w.line(f"hours_what={py_str(self.hours_what)},")
                elif isinstance(hours, str):
                    w.line(f"hours={self.ctx.names.const(hours)},")
                if self.needs.delay_param:
                    w.line("delay=delay_if_unspecified,")
            w.line(")")
        return Unit(name, w.text())

    def _columns_docstring(self, indent: str) -> str:
        levels = (", `levels` (a level, None, or a column of them)" if self.leveled else "")
        paragraphs: list[str | list[str]] = [
            f"`{self.name}` over columns: `starts` is a list, tuple or array.array of epoch "
            f"seconds (whole seconds since 1970-01-01 UTC), `actions`{levels} one value for "
            "every start or a list or tuple as long as `starts`.",
            "Returns the due instants as epoch seconds, None where the rule sets no deadline: "
            f"for each start, what `{self.name}` returns for it (the same rules, business hours, "
            "holidays and DST changes), computed on integer tables of the business hours and "
            "of the zone's UTC offsets. The rules are those of "
            f"`{self.name}`.",
            "Raises SlaInputError for a bad start, action, level or decision, and "
            "UnspecifiedError where a start needs a decision that was not passed, as "
            f"`{self.name}` does for that start"
            + (" (`delay_if_unspecified` must then be whole seconds)"
               if self.needs.delay_param else "") + ".",
        ]
        summary = f"`{self.name}` for a column of starts, as epoch seconds."
        return self.ctx.doc(self.item, summary, *paragraphs, indent=indent)

    def _write_signature(self, w: CodeWriter) -> None:
        returns = RETURNS[self.suffix] + (" | None" if self.needs.none else "")
        params = ["action: str"] if self.suffix == "limit" else ["action: str", "start: datetime"]
        if self.leveled:
            params.append("level: str | None = None")
        keywords = []
        if self.needs.hours_param:
            keywords.append("business_hours: Schedule | None = None")
        if self.needs.delay_param:
            keywords.append("delay_if_unspecified: timedelta | None = None")
        if keywords:
            params += ["*", *keywords]
        signature = f"def {self.name}({', '.join(params)}) -> {returns}:"
        if len(signature) <= WIDTH:
            w.line(signature)
            return
        w.line(f"def {self.name}(")
        with w.indented():
            for param in params:
                w.line(f"{param},")
        w.line(f") -> {returns}:")

    def _own_force(self, rule: Rule) -> str:
        """`, a right of the provider`: the action's force where it is not the block's."""
        action = next((a for a in self.item.actions if a.name == rule.action), None)
        if action is None or action.force is None or action.force == self.item.force:
            return ""
        return f"; {force_text(action.force)}"

    def _docstring(self, summary: str, indent: str) -> str:
        item = self.item
        paragraphs: list[str | list[str]] = [
            ["Rules:", *[f"- {_rule_text(r)}{self._own_force(r)} (line {r.line})"
                         for r in self.rules]]]
        if self.suffix in ("due", "earliest", "ends_by"):
            paragraphs.append(
                "`start` is the event the delay runs from. Delays in hours and minutes are elapsed "
                "time; days, weeks and months are calendar periods on the wall clock of "
                f"{self.ctx.contract.zone}"
                + (f"; business hours are counted in window `{item.business_hours}`"
                   if isinstance(item.business_hours, str) else "")
                + (f"; business days are those of `{item.business_days}`" if item.business_days
                   else "") + ". The result is in the contract's zone.")
        if any(r.regime for r in self.rules):
            paragraphs.append("During or outside business hours is decided by whether `start` "
                              "lies inside the business hours.")
        if self.needs.hours_param:
            paragraphs.append(f"The contract does not give {self.hours_what}: pass "
                              "`business_hours` (a Schedule) when a rule needs them, else "
                              "UnspecifiedError.")
        if self.needs.delay_param:
            paragraphs.append("Where the contract gives no deadline, pass `delay_if_unspecified` "
                              "(elapsed time) to decide one; otherwise UnspecifiedError.")
        if self.leveled:
            paragraphs.append(f"`level` is a severity level of `{item.severities}`, needed by the "
                              "actions whose rules depend on it.")
        return self.ctx.doc(item, summary.replace("`action`", f"an action of `{item.name}`"),
                            *paragraphs, indent=indent)

    def _write_action(self, w: CodeWriter, action: str) -> None:
        """`if action == …:` and the action's branches."""
        branches = self.branches[action]
        w.line(f"if action == {py_str(action)}:")
        with w.indented():
            if action in self.leveled:
                levels = f"{self.ctx.names.const(self.item.severities or '')}_LEVELS"
                w.line(f"chosen = _level(level, {levels}, {py_str(action)})")
            elif self.leveled:
                w.line(f"_no_level(level, {py_str(action)})")
            for level, split in branches:
                if level is None:
                    self._write_split(w, split, action)
                    continue
                w.line(f"if chosen == {py_str(level)}:")
                with w.indented():
                    self._write_split(w, split, action)
            if action in self.leveled and branches[-1][0] is not None \
                    and not self._every_level(action):
                w.line(f'raise UnspecifiedError(f"the contract gives no rule for {action} at '
                       'level {chosen!r}")')

    def _write_split(self, w: CodeWriter, split: _Split, action: str) -> None:
        """The rule for any start, or one rule (or error) during and one outside business hours."""
        if split.anytime is not None:
            self._write_return(w, split.anytime)
            return
        w.line(f"if {self._hours(split.line)}.contains(start):")
        with w.indented():
            self._write_regime(w, split.during, action, "during")
        self._write_regime(w, split.outside, action, "outside")

    def _write_regime(self, w: CodeWriter, rule: Rule | None, action: str,
                      regime: str) -> None:
        if rule is None:
            what = f"the contract gives no deadline for {action} {regime} business hours"
            w.call("raise UnspecifiedError", [py_str(what)])
        else:
            self._write_return(w, rule)

    def _write_return(self, w: CodeWriter, rule: Rule) -> None:
        """`return` the rule's value, after a comment quoting the rule."""
        w.comment(f"line {rule.line}: {_rule_text(rule)}")
        value = self._value(rule)
        if value.arguments is None:
            w.line(f"return {value.function}")
            return
        call = f"{value.function}({', '.join(value.arguments)})"
        returned = f"return {value.wrapper}({call})" if value.wrapper else f"return {call}"
        if len(returned) <= w.width:
            w.line(returned)
        elif not value.wrapper:
            w.call(f"return {value.function}", value.arguments)
        else:    # the call on its lines, then its wrapper
            w.call(f"due = {value.function}", value.arguments)
            w.line(f"return {value.wrapper}(due)")


def _write_literal(w: CodeWriter, value: object, end: str) -> None:
    """A literal of tuples, strings, ints and None: on one line when it fits, else one element
    a line."""
    _write_shown(w, _shown(value), end)


_Shown = tuple[str, list["_Shown"] | None]
"""A literal's text, and its elements' (None when it is not a tuple)."""


def _shown(value: object) -> _Shown:
    """The texts of a literal and of its elements, each made once."""
    if isinstance(value, tuple):
        elements = [_shown(v) for v in value]
        inner = ", ".join([text for text, _ in elements])
        return (f"({inner},)" if len(value) == 1 else f"({inner})"), elements
    return (py_str(value) if isinstance(value, str) else repr(value)), None


def _write_shown(w: CodeWriter, shown: _Shown, end: str) -> None:
    text, elements = shown
    if elements is None or len(w.prefix) + len(text) + len(end) <= w.width:
        w.line(text + end)
        return
    w.line("(")
    with w.indented():
        for element in elements:
            _write_shown(w, element, ",")
    w.line(")" + end)


# --------------------------------------------------------------------------- summary

SUMMARY = """
{%- import "common.j2" as common -%}

{%- macro who(i, r, s) -%}
{{ s.action(i, r.action)|capfirst|t }}
{%- if r.level is not none %}, {{ s.level(i, r.level)|t }}{% endif %}
{%- if r.regime == "during" %}, {{ say(s, "starting-during") }}
{%- elif r.regime == "outside" %}, {{ say(s, "starting-outside") }}{% endif -%}
{%- endmacro -%}

{%- macro subject(i, action, level, s) -%}
{{ s.action(i, action)|t }}{% if level is not none %}, {{ s.level(i, level)|t }}{% endif %}
{%- endmacro -%}

{%- macro deadline(r, s) -%}
{%- if r.kind == "within" -%}
{{ say(s, "within", delay=s.f.duration(r.amount), after=r.after) }}
{%- elif r.kind == "between" -%}
{{ say(s, "between", lower=s.f.duration(r.amount), upper=s.f.duration(r.upper), after=r.after) }}
{%- elif r.kind == "not_before" -%}
{{ say(s, "not-before", delay=s.f.duration(r.amount), after=r.after) }}
{%- elif r.kind == "max_duration" -%}
{{ say(s, "max-duration", delay=s.f.duration(r.amount)) }}
{%- elif r.kind == "immediately" -%}{{ say(s, "immediately") }}
{%- elif r.kind == "no_deadline" -%}{{ say(s, "no-deadline") }}
{%- elif r.kind == "at_most" -%}{{ say(s, "at-most", count=r.count, per=r.per) }}
{%- elif r.kind == "monthly_day" -%}{{ say(s, "monthly-day", day=r.day) }}
{%- else -%}{{ say(s, "unspecified") }}
{%- endif -%}
{%- endmacro -%}

{%- macro summary(i, s) -%}
{% if i.business_hours is not none or i.business_days is not none %}
{% filter p %}
{% if i.business_hours is unspecified %}
{{ say(s, "hours-unspecified") }}
{% elif i.business_hours is not none %}
{% set hours = s.window(i.business_hours) %}
{{ say(s, "hours", window=i.business_hours,
       schedule=common.schedule(hours, s) if hours is not none else none) }}
{% endif %}
{% if i.business_days is not none %}
{{ say(s, "days", calendar=i.business_days) }}
{% endif %}
{% endfilter %}
{% endif %}
{% set matrix = s.matrix(i) %}
{% if matrix is not none %}
{{ matrix|grid }}
{% set starts = s.starts(i) %}
{% if starts|length == 1 %}
{% filter p %}{{ say(s, "delays-from", after=starts[0]) }}{% endfilter %}
{% endif %}
{% else %}
{% filter ul %}
{% for r in i.rules %}
{% set own = s.action_force(i, r.action) %}
{% filter li %}{{ say(s, "rule", who=who(i, r, s), deadline=deadline(r, s),
                      force=common.force(own, s) if own is not none and own != i.force else none)
}}{% endfilter %}
{% endfor %}
{% endfilter %}
{% endif %}
{% set business = s.business_time_rules(i) %}
{% if business %}
{% set worst = s.worst_cases(i) %}
{% if worst %}
{% filter p %}{{ say(s, "worst-cases") }}{% endfilter %}
{% filter ul %}
{% for w in worst %}
{% filter li %}{{ say(s, "worst-case", who=who(i, w.rule, s), due=w.due) }}{% endfilter %}
{% endfor %}
{% endfilter %}
{% endif %}
{% if worst|length < business|length %}
{% filter p %}{{ say(s, "no-business-hours") }}{% endfilter %}
{% endif %}
{% endif %}
{% for e in i.examples %}
{% filter p %}
{{ say(s, "example", subject=subject(i, e.action, e.level, s), start=s.f.moment(e.start),
       due=s.f.moment(e.due)) }}
{% endfilter %}
{% endfor %}
{%- endmacro -%}
"""

PHRASES = {
    # the business time the block counts in
    "hours-unspecified": Phrase("The contract does not say what the business hours are.",
                                "Le contrat ne précise pas les heures ouvrées."),
    "hours": Phrase(
        "Business hours: those of the window “{{ s.label(window)|t }}”"
        "{% if schedule is not none %} ({{ schedule }}){% endif %}.",
        "Heures ouvrées : celles de la plage « {{ s.label(window)|t }} »"
        "{% if schedule is not none %} ({{ schedule }}){% endif %}."),
    "days": Phrase("Business days: those of the calendar “{{ s.label(calendar)|t }}”.",
                   "Jours ouvrés : ceux du calendrier « {{ s.label(calendar)|t }} »."),
    # a rule: who (action, level, regime) and its deadline
    "rule": Phrase("{{ who }}: {{ deadline }}{% if force %} ({{ force }}){% endif %}.",
                   "{{ who }} : {{ deadline }}{% if force %} ({{ force }}){% endif %}."),
    "starting-during": Phrase("starting during business hours",
                              "départ pendant les heures ouvrées"),
    "starting-outside": Phrase("starting outside business hours",
                               "départ en dehors des heures ouvrées"),
    "within": Phrase(
        "within {{ delay }}{% if after is unspecified %} (the contract does not say from when)"
        "{% elif after is not none %} of {{ s.text(after)|t }}{% endif %}",
        "{% if after is unspecified %}dans un délai de {{ delay }} (le contrat ne précise pas à "
        "partir de quand){% elif after is not none %}au plus tard {{ delay }} après "
        "{{ s.text(after)|t }}{% else %}dans un délai de {{ delay }}{% endif %}"),
    "between": Phrase(
        "between {{ lower }} and {{ upper }}"
        "{% if after is unspecified %} (the contract does not say from when)"
        "{% elif after is not none %} after {{ s.text(after)|t }}{% endif %}",
        "entre {{ lower }} et {{ upper }}"
        "{% if after is unspecified %} (le contrat ne précise pas à partir de quand)"
        "{% elif after is not none %} après {{ s.text(after)|t }}{% endif %}"),
    "not-before": Phrase(
        "no earlier than {{ delay }}"
        "{% if after is unspecified %} (the contract does not say from when)"
        "{% elif after is not none %} after {{ s.text(after)|t }}{% endif %}",
        "au plus tôt {{ delay }}"
        "{% if after is unspecified %} (le contrat ne précise pas à partir de quand)"
        "{% elif after is not none %} après {{ s.text(after)|t }}{% endif %}"),
    "max-duration": Phrase("lasts at most {{ delay }}", "durée maximale de {{ delay }}"),
    "delays-from": Phrase(
        "{% if after is unspecified %}The contract does not say from when these delays run."
        "{% else %}These delays run from {{ s.text(after)|t }}.{% endif %}",
        "{% if after is unspecified %}Le contrat ne précise pas à partir de quand ces délais "
        "courent.{% else %}Ces délais courent à compter {{ s.de(s.text(after))|t }}.{% endif %}"),
    "immediately": Phrase("immediately, without delay", "immédiatement, sans délai"),
    "no-deadline": Phrase("no deadline is set", "aucun délai n'est fixé"),
    "at-most": Phrase(
        "at most {% if count == 1 %}once{% elif count == 2 %}twice{% else %}{{ count }} times"
        "{% endif %} a {{ per|t }}",
        'au plus {{ "une fois" if count == 1 else count ~ " fois" }} par '
        '{{ {"day": "jour", "week": "semaine", "month": "mois", "year": "an"}.get(per, per)|t }}'),
    "monthly-day": Phrase(
        'on the {{ day }}{{ "th" if 10 <= day % 100 <= 20 else '
        '{1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th") }} of each month, or the previous '
        "business day if it is not one",
        'le {{ "1er" if day == 1 else day }} de chaque mois, ou le jour ouvré précédent si ce '
        "n'en est pas un"),
    "unspecified": Phrase("the contract does not say the deadline",
                          "le contrat ne précise pas le délai"),
    # worst cases of the rules in business time
    "worst-cases": Phrase(
        "Calculation, worst case: for a request received late on a Friday, {{ s.worst_start() }} "
        "(no public holiday in the following weeks), the deadline falls:",
        "Calcul, au pire : pour une demande reçue un vendredi en fin de journée, le "
        "{{ s.worst_start() }} (sans jour férié dans les semaines suivantes), l'échéance "
        "tombe :"),
    "worst-case": Phrase("{{ who }}: on {{ due }}", "{{ who }} : le {{ due }}"),
    "no-business-hours": Phrase(
        "As the contract does not define the business hours, deadlines in business hours cannot "
        "be computed.",
        "Faute d'heures ouvrées définies par le contrat, l'échéance des délais en heures ouvrées "
        "ne peut pas être calculée."),
    "example": Phrase(
        "Worked example (calculated): {{ subject }}, starting on {{ start }}, due on {{ due }}.",
        "Exemple (calculé) : {{ subject }}, départ le {{ start }}, échéance le {{ due }}."),
}


# --------------------------------------------------------------------------- the kind


class DeadlinesKind(Kind[Deadlines]):
    keyword = "deadlines"
    statements = (UsesSeverities, UsesHours, UsesCalendar, ActionStmt, LevelRef, After,
                  DelaysAfter, *BODIES,
                  RuleStmt, DeadlineExampleStmt)
    words: ClassVar[Mapping[str, str]] = {"during_hours": "during", "outside_hours": "outside"}
    item_type = Deadlines
    names = KindNames("deadlines", "le bloc de délais", "un bloc de délais",
                      "aucun bloc de délais nommé", Phrase("Deadlines", "Délais"))
    summary = SUMMARY
    phrases = PHRASES
    eval_rank = 3

    def examples(self, item: Deadlines, ctx: Worked) -> Iterator[Check]:
        return _worked(item, ctx)

    def report(self, item: Deadlines, ctx: EvalContext) -> Evaluation | None:
        """The generic report, each action asked only of the evaluator that answers it (its
        due date, earliest day, limit, end or monthly date)."""
        kinds = {suffix: kinds for suffix, kinds, _ in FUNCTIONS}
        kinds["debit_date"] = ("monthly_day",)

        def answers(name: str, values: dict[str, Value]) -> bool:
            action = values.get("action")
            if action is None:
                return True
            suffix = next((s for s in kinds if name == ctx.names.fn(item.name, s)), None)
            return suffix is None or any(r.action == action.text and r.kind in kinds[suffix]
                                         for r in item.rules)
        return by_signature(ctx, item, answers)

    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> Deadlines:
        body = block.body
        uses = c.single(block, UsesSeverities)
        severities = c.reference(uses.severities, "severities") if uses else None
        hours = self._hours(c, block, c.single(block, UsesHours))
        uses_days = c.single(block, UsesCalendar)
        days = c.reference(uses_days.calendar, "calendar") if uses_days else None
        delays_after = c.single(block, DelaysAfter)
        scope = _Scope(c, _actions(c, block, base["force"]), _severity_levels(c, severities),
                       severities, hours, days,
                       After(delays_after.span, delays_after.event) if delays_after else None)
        rules = _rules(scope, body)
        if scope.levels:
            _missing_levels(scope, block, rules)
        examples = [scope.example(s) for s in body if isinstance(s, DeadlineExampleStmt)]
        return Deadlines(severities=severities, business_hours=hours, business_days=days,
                         actions=tuple(scope.actions.values()), rules=tuple(rules),
                         examples=tuple(examples), **base)

    @staticmethod
    def _hours(c: Checker, block: ast.Block,
               uses: UsesHours | None) -> str | model.Unspecified | None:
        """The window of the business hours: named, left open by the contract, or not said."""
        if uses is None:
            return None
        if isinstance(uses.window, ast.Word):
            return c.undecided(uses.window.span,
                               phrase("undecided.business-hours", name=block.name.value))
        return c.reference(uses.window, "window")

    def python_names(self, item: Deadlines, name: str) -> list[str]:
        return [f"{const(name)}_ACTIONS",
                *(fn(name, s) for s in ("due", "earliest", "limit", "ends_by", "debit_date")),
                *(fn(name, f"{s}_columns") for s in COLUMNS)]

    def python(self, ctx: Ctx, item: Deadlines) -> list[Unit]:
        return _python(ctx, item)


# --------------------------------------------------------------------------- worked examples

def _instant(value: datetime, zone: tzinfo | None) -> Result:
    """An instant compared as the wall-clock time of the contract's zone, as the author writes
    it (either reading of an hour repeated when clocks go back matches); seconds are shown
    when there are some."""
    local = value.astimezone(zone)
    whole_minute = local.second == 0 and local.microsecond == 0
    return Result(local.replace(tzinfo=None),
                  local.isoformat(sep=" ", timespec="minutes" if whole_minute else "auto"))


def _worked(item: Deadlines, ctx: Worked) -> Iterator[Check]:
    for example in item.examples:
        zone = example.due.tzinfo

        def compute(example: DeadlineExample = example,
                    zone: tzinfo | None = zone) -> Result:
            due = ctx.function(ctx.names.fn(item.name, "due"))
            kwargs = {"level": example.level} if example.level is not None else {}
            result = due(example.action, example.start, **kwargs)
            return Result(None, "no deadline") if result is None else _instant(result, zone)
        yield example.line, _instant(example.due, zone), compute
