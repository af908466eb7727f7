"""End to end from a CSV file: per-minute error rates read from disk, then niveaux-de-service N1
evaluated month by month (the file's months, in Paris).

The file has a header and one row a minute: `timestamp` (epoch seconds, UTC) and `error_rate`
(percent, one decimal: "0.3"); a few minutes are missing. slac side: `slac eval`'s reader
(`slac.inputs.read_table`, `whole_minutes`, `percent_column`) reads it into two columns (epoch
minutes, rates in tenths of a percent), then one `disponibilite_report_columns` call a month.
pandas side: `pandas.read_csv`, then the same rule as `baselines.n1_evaluate` (minute grid,
reindex, groupby Paris month). Both steps are timed together; answers are compared as for the
other evaluator benchmarks.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from itertools import count, islice
from pathlib import Path
from typing import Any

from .data import PARIS, local_epoch, rates_of


@dataclass(frozen=True)
class CsvRates:
    """A CSV file of `rows` per-minute rates from `year`-01-01 00:00 Paris, the months it
    covers (counted from January of `year`, 13 is January of the next year) and the maintenance:
    two hours a month, on the night of the 10th (epoch seconds)."""

    path: Path
    rows: int
    year: int
    months: range
    maintenance: list[tuple[int, int]]


def write_rates(rng: random.Random, folder: Path, rows: int, year: int = 2024) -> CsvRates:
    """Write `rows` rows of per-minute error rates into folder/rates.csv."""
    start = local_epoch(year, 1, 1) // 60
    path = folder / "rates.csv"
    last = start - 1
    with path.open("w", newline="", encoding="utf-8") as file:
        out = csv.writer(file)
        out.writerow(["timestamp", "error_rate"])
        for last, tenths in islice(rates_of(rng, count(start)), rows):
            out.writerow([last * 60, f"{tenths // 10}.{tenths % 10}"])
    months = 1
    while local_epoch(year + months // 12, months % 12 + 1, 1) // 60 <= last:
        months += 1
    maintenance = [(local_epoch(year + (m - 1) // 12, (m - 1) % 12 + 1, 10, 22),
                    local_epoch(year + (m - 1) // 12, (m - 1) % 12 + 1, 11, 0))
                   for m in range(1, months + 1)]
    return CsvRates(path, rows, year, range(1, months + 1), maintenance)


def slac_from_csv(data: CsvRates) -> list[Any]:
    """Read the file as `slac eval` does, into columns, then evaluate each month
    (bench.evaluators)."""
    from slac.inputs import percent_column, read_table, whole_minutes

    from . import evaluators

    columns = read_table(data.path).columns
    if columns is None:
        raise ValueError(f"{data.path} is not read into columns")
    minutes, rates = whole_minutes(columns["timestamp"]), percent_column(columns["error_rate"])
    if minutes is None or rates is None:
        raise ValueError(f"{data.path}: timestamps or error rates not read")
    return evaluators.monthly_reports(data.year, data.months, minutes, rates[0],
                                      evaluators._spans(data.maintenance), rates[1])


def pandas_from_csv(data: CsvRates) -> list[Any]:
    """`pandas.read_csv`, then the minute grid of the months, grouped by Paris month."""
    import numpy as np
    import pandas as pd

    from .baselines import _figures, _stamp
    from .data import month_span

    frame = pd.read_csv(data.path)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], unit="s", utc=True)
    first, _ = month_span(data.year, 1)
    last = data.months[-1]
    _, after = month_span(data.year + (last - 1) // 12, (last - 1) % 12 + 1)
    grid = pd.date_range(_stamp(first), _stamp(after), freq="min", inclusive="left")
    rate = frame.set_index("timestamp")["error_rate"].reindex(grid)
    down = np.array((rate > 5) | rate.isna())
    for start, end in data.maintenance:
        down[grid.searchsorted(_stamp(start)):grid.searchsorted(_stamp(end))] = False
    local = grid.tz_convert(PARIS)
    months = pd.DataFrame({"down": down}, index=grid).groupby([local.year, local.month])
    table = months["down"].agg(["size", "sum"])
    return [_figures(pd.Timedelta(minutes=int(size)), pd.Timedelta(minutes=int(down)))
            for size, down in zip(table["size"], table["sum"], strict=True)]
