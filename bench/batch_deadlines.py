"""The slac side of N5 and T5 over columns: `x_due_columns` of the generated modules.

Same data as bench.evaluators' N5 and T5 rows (bench.data), but the starts go in as one column
of epoch seconds, the actions and levels as columns; the answers (epoch seconds) become µs
since the epoch, comparable with `evaluators.deadline_answers` (not timed).
"""

from __future__ import annotations

from typing import Any

from .data import UNDECIDED_DELAY, DeadlineData

Columns = tuple[list[int], list[str], list[str | None]]


def _columns(data: DeadlineData) -> Columns:
    return ([at for at, _, _ in data.rows], [action for _, action, _ in data.rows],
            [level for _, _, level in data.rows])


def n5_batch_inputs(data: DeadlineData) -> Columns:
    """(starts in epoch seconds, actions, levels) of the N5 requests."""
    return _columns(data)


def n5_batch_evaluate(inputs: Columns) -> list[int | None]:
    """niveaux-de-service N5 over columns; open cases get UNDECIDED_DELAY."""
    from generated import niveaux_de_service

    starts, actions, levels = inputs
    return niveaux_de_service.interventions_due_columns(
        actions, starts, levels, delay_if_unspecified=UNDECIDED_DELAY)


def t5_batch_inputs(data: DeadlineData) -> Columns:
    """(starts in epoch seconds, actions, levels) of the T5 requests (levels unused)."""
    return _columns(data)


def t5_batch_evaluate(inputs: Columns) -> list[int | None]:
    """Teogest T5/T6/T8 over columns, in the support's business hours."""
    from generated import teogest

    starts, actions, _ = inputs
    return teogest.incidents_due_columns(actions, starts)


def batch_answers(seconds: list[int | None]) -> list[int | None]:
    """Due instants as µs since the epoch (None: no deadline), as `deadline_answers` gives."""
    return [None if s is None else s * 1_000_000 for s in seconds]


def batch_cases(n5: DeadlineData, t5: DeadlineData, n5_holidays: list[str],
                t5_holidays: list[str]) -> list[dict[str, Any]]:
    """The two batch rows as keyword arguments of bench.run.Case (the integrator's hook)."""
    from . import baselines as pd_side

    return [
        dict(name="N5 response times, columns", size=f"{len(n5.rows):,} deadlines",
             slac_inputs=lambda: n5_batch_inputs(n5), slac_evaluate=n5_batch_evaluate,
             pandas_inputs=lambda: pd_side.deadline_inputs(n5),
             pandas_evaluate=lambda i: pd_side.n5_evaluate(n5_holidays, i),
             slac_answer=batch_answers, pandas_answer=pd_side.deadline_answers),
        dict(name="T5 business hours, columns", size=f"{len(t5.rows):,} deadlines",
             slac_inputs=lambda: t5_batch_inputs(t5), slac_evaluate=t5_batch_evaluate,
             pandas_inputs=lambda: pd_side.deadline_inputs(t5),
             pandas_evaluate=lambda i: pd_side.t5_evaluate(t5_holidays, i),
             slac_answer=batch_answers, pandas_answer=pd_side.deadline_answers),
    ]
