"""Contradictions between clauses of one contract that the model can see, and remedies left
unsaid: checked once every item is, since they span several items."""

from __future__ import annotations

from collections.abc import Sequence

from . import ast, model
from .checking import Checker
from .kinds.availability import Availability, NoRemedy, PeriodStmt
from .kinds.credit import Credit
from .kinds.deadlines import Deadlines, Rule, RuleStmt
from .kinds.termination import Termination
from .kinds.tiers import Claim, Measure, Tiers
from .messages import Phrase, amount_of, phrase

DELAYED = ("within", "between", "immediately", "monthly_day")
"""Rule kinds that set a deadline, which `no deadline` elsewhere contradicts."""


def check(c: Checker, items: Sequence[model.Item]) -> None:
    """Report every contradiction and every availability whose breach has no stated effect."""
    availabilities = [i for i in items if isinstance(i, Availability)]
    tiers = [i for i in items if isinstance(i, Tiers)]
    # A credit formula and a right to terminate are remedies too.
    credited = {i.source for i in items if isinstance(i, (Credit, Termination))}
    for availability in availabilities:
        _remedy(c, availability, [t for t in tiers if t.source == availability.name],
                availability.name in credited)
    for scale in tiers:
        source = next((a for a in availabilities if a.name == scale.source), None)
        if source is not None:
            _claim_window(c, source, scale)
    _deadlines(c, [i for i in items if isinstance(i, Deadlines)])


def _statement(c: Checker, item: str, cls: type[ast.Statement],
               line: int | None = None) -> ast.Statement | None:
    """The first statement of class `cls` in the block `item` (on `line`, if given)."""
    block = c.blocks.get(item)
    if block is None:
        return None
    return next((s for s in block.body if isinstance(s, cls)
                 and line in (None, s.span.line)), None)


def _label(item: model.ItemBase) -> Phrase:
    """How documents name an item: its label, else its name."""
    return Phrase(item.label.en, item.label.fr) if item.label else Phrase(item.name, item.name)


def _remedy(c: Checker, availability: Availability, scales: list[Tiers],
            credited: bool = False) -> None:
    """A target needs a stated effect when missed: a scale, a credit formula or a termination
    right on it, or `no remedy`; not both (a scale)."""
    name = availability.name
    block = c.blocks.get(name)
    if block is None:
        return
    if not scales and not credited and not availability.no_remedy:
        c.report("remedy-undecided", block.name.span, name=name)
    no_remedy = _statement(c, name, NoRemedy)
    if no_remedy is None:
        return
    for scale in scales:
        measure = _statement(c, scale.name, Measure)
        if measure is not None:
            c.conflict(no_remedy.span, measure.span,
                       phrase("conflict.remedy", name=_label(availability)),
                       phrase("conflict.no-remedy"), phrase("conflict.tiers", name=_label(scale)))


def _claim_window(c: Checker, availability: Availability, scale: Tiers) -> None:
    """A claim that runs from the incident may lapse before the monthly rate it rests on is
    known: a window shorter than a month contradicts the monthly measurement."""
    within = scale.claim_within
    if scale.claim_after != "incident" or not isinstance(within, model.Duration):
        return
    days = {"day": 1, "week": 7}.get(within.unit)
    if days is None or within.amount * days >= 28:
        return
    period = _statement(c, availability.name, PeriodStmt)
    claim = _statement(c, scale.name, Claim)
    if period is not None and claim is not None:
        c.conflict(period.span, claim.span, phrase("conflict.claim-window", name=_label(scale)),
                   phrase("conflict.period"),
                   phrase("conflict.claim-incident",
                          within=amount_of(within.amount.normalize(), within.unit)))


def _deadlines(c: Checker, blocks: list[Deadlines]) -> None:
    """An action left without deadline in one block but given one in another."""
    for free in blocks:
        for rule in free.rules:
            if rule.kind != "no_deadline":
                continue
            for other in blocks:
                bound = next((r for r in other.rules if r.action == rule.action
                              and r.kind in DELAYED and other is not free), None)
                if bound is not None:
                    _deadline_conflict(c, free, rule, other, bound)


def _deadline_conflict(c: Checker, free: Deadlines, rule: Rule, other: Deadlines,
                       bound: Rule) -> None:
    first = _statement(c, free.name, RuleStmt, rule.line)
    second = _statement(c, other.name, RuleStmt, bound.line)
    if first is None or second is None:
        return
    action = next((a.text for a in other.actions if a.name == rule.action), None)
    words = Phrase(action.en, action.fr) if action else Phrase(rule.action, rule.action)
    c.conflict(first.span, second.span, phrase("conflict.deadline", action=words),
               phrase("conflict.no-deadline", name=_label(free)),
               phrase("conflict.has-deadline", name=_label(other)))
