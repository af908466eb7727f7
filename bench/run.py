"""Run the benchmarks and print their tables; every slac figure beside a baseline of the same run.

Ratios are slac / baseline: below 1 slac is faster. Evaluator answers are compared with the
pandas baselines before any time is printed; a disagreement is printed loudly and makes the
run fail (exit status 1).
"""

from __future__ import annotations

import cProfile
import gc
import io
import platform
import pstats
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from . import data

BENCHMARKS = ("build", "C3", "N1", "T3", "N5", "T5", "CSV")


@dataclass(frozen=True)
class Sizes:
    """How much work each benchmark does."""

    contracts: int = 1000
    rate_months: int = 12
    outages: int = 10_000
    deadlines: int = 100_000
    rows: int = 527_040
    """Rows of the CSV file of the end-to-end benchmark (a leap year of minutes)."""


FULL = Sizes()
QUICK = Sizes(contracts=20, rate_months=1, outages=500, deadlines=2000, rows=20_000)


def use_generated(path: Path) -> None:
    """Make `import generated` load the package built at `path` (`slac build SRC --out PATH`)
    instead of the committed generated/: the evaluator benchmarks then measure that build."""
    import importlib.util
    import sys

    init = path / "__init__.py"
    if not init.is_file():
        raise FileNotFoundError(f"no generated package at {path} (no __init__.py)")
    spec = importlib.util.spec_from_file_location("generated", init,
                                                  submodule_search_locations=[str(path)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generated"] = module
    spec.loader.exec_module(module)


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Case:
    """One evaluator benchmark: both sides build their inputs from the same rows, then evaluate;
    `*_answer` turn what an evaluation returned into comparable numbers (not timed)."""

    name: str
    size: str
    slac_inputs: Callable[[], Any]
    slac_evaluate: Callable[[Any], Any]
    pandas_inputs: Callable[[], Any]
    pandas_evaluate: Callable[[Any], Any]
    slac_answer: Callable[[Any], Any] = _same
    pandas_answer: Callable[[Any], Any] = _same
    batch_inputs: Callable[[], Any] | None = None
    """The batch entry point (`x_report_columns`): its inputs, built from the same rows..."""
    batch_evaluate: Callable[[Any], Any] | None = None
    """... and its evaluation, whose answer is compared with pandas' like `slac_evaluate`'s..."""
    batch_answer: Callable[[Any], Any] | None = None
    """... through `slac_answer`, unless it returns another form (deadlines: epoch seconds)."""


@dataclass(frozen=True)
class Result:
    """Seconds of each step of a case, and whether both sides gave the same answer."""

    name: str
    size: str
    slac_inputs: float
    slac: float
    pandas_inputs: float
    pandas: float
    difference: str | None
    batch_inputs: float | None = None
    batch: float | None = None
    batch_difference: str | None = None


def cases(sizes: Sizes, seed: int, only: Sequence[str] = BENCHMARKS) -> list[Case]:
    """The evaluator benchmarks, with their data generated from `seed`."""
    from generated import niveaux_de_service, teogest

    from . import baselines as pd_side
    from . import batch_deadlines
    from . import evaluators as slac

    def rng(name: str) -> random.Random:
        return random.Random(f"{seed}:{name}")

    batch = has_batch()

    chosen: list[Case] = []
    if "C3" in only:
        probes = data.probe_samples(rng("C3"), 2024, 3)
        chosen.append(Case(
            "C3 probes, 2024-03", f"{len(probes.samples):,} samples",
            lambda: slac.c3_inputs(probes), lambda i: slac.c3_evaluate(probes, i),
            lambda: pd_side.c3_inputs(probes), lambda i: pd_side.c3_evaluate(probes, i),
            batch_inputs=(lambda: slac.c3_batch_inputs(probes)) if batch else None,
            batch_evaluate=lambda i: slac.c3_batch_evaluate(probes, i)))
    if "N1" in only:
        rates = data.minute_rates(rng("N1"), 2024, sizes.rate_months)
        chosen.append(Case(
            f"N1 error rates, {sizes.rate_months} month(s)", f"{len(rates.rates):,} minutes",
            lambda: slac.n1_inputs(rates), lambda i: slac.n1_evaluate(rates, i),
            lambda: pd_side.n1_inputs(rates), lambda i: pd_side.n1_evaluate(rates, i),
            batch_inputs=(lambda: slac.n1_batch_inputs(rates)) if batch else None,
            batch_evaluate=lambda i: slac.n1_batch_evaluate(rates, i)))
    if "T3" in only:
        outages = data.outages(rng("T3"), sizes.outages)
        chosen.append(Case(
            "T3 outages, 2024-10", f"{sizes.outages:,} outages",
            lambda: slac.t3_inputs(outages), lambda i: slac.t3_evaluate(outages, i),
            lambda: pd_side.t3_inputs(outages), lambda i: pd_side.t3_evaluate(outages, i),
            batch_inputs=(lambda: slac.t3_batch_inputs(outages)) if batch else None,
            batch_evaluate=lambda i: slac.t3_batch_evaluate(outages, i)))
    if "N5" in only:
        n5 = data.n5_requests(rng("N5"), 2024, sizes.deadlines)
        n5_holidays = slac.holidays(niveaux_de_service)
        chosen.append(Case(
            "N5 response times", f"{sizes.deadlines:,} deadlines",
            lambda: slac.deadline_inputs(n5), slac.n5_evaluate,
            lambda: pd_side.deadline_inputs(n5), lambda i: pd_side.n5_evaluate(n5_holidays, i),
            slac.deadline_answers, pd_side.deadline_answers,
            batch_inputs=(lambda: batch_deadlines.n5_batch_inputs(n5)) if batch else None,
            batch_evaluate=batch_deadlines.n5_batch_evaluate,
            batch_answer=batch_deadlines.batch_answers))
    if "T5" in only:
        t5 = data.t5_requests(rng("T5"), 2024, sizes.deadlines)
        t5_holidays = slac.holidays(teogest)
        chosen.append(Case(
            "T5 business hours", f"{sizes.deadlines:,} deadlines",
            lambda: slac.deadline_inputs(t5), slac.t5_evaluate,
            lambda: pd_side.deadline_inputs(t5), lambda i: pd_side.t5_evaluate(t5_holidays, i),
            slac.deadline_answers, pd_side.deadline_answers,
            batch_inputs=(lambda: batch_deadlines.t5_batch_inputs(t5)) if batch else None,
            batch_evaluate=batch_deadlines.t5_batch_evaluate,
            batch_answer=batch_deadlines.batch_answers))
    if "CSV" in only and batch:
        import atexit
        import shutil

        from . import end_to_end

        folder = Path(tempfile.mkdtemp(prefix="slac-bench-csv-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        rows = end_to_end.write_rates(rng("CSV"), folder, sizes.rows)
        chosen.append(Case(
            f"N1 from a CSV file, {len(rows.months)} month(s), read + evaluate",
            f"{sizes.rows:,} rows", lambda: rows, end_to_end.slac_from_csv,
            lambda: rows, end_to_end.pandas_from_csv))
    return chosen


def has_batch() -> bool:
    """Whether the generated package has the batch entry points (`x_report_columns`); a
    package built before them has not: their rows are then left out, with a note."""
    from generated import niveaux_de_service

    return hasattr(niveaux_de_service, "disponibilite_report_columns")


def _best(repeat: int, *steps: Callable[[], Any]) -> list[tuple[float, Any]]:
    """The shortest of `repeat` runs of each step, and its value. The steps take turns (one run
    of each, then again), so that a machine whose speed drifts during the run slows every side
    alike. As in `timeit`, the garbage collector is off while a step runs, so that one side does
    not pay for the other's objects."""
    best: list[tuple[float, Any]] = [(float("inf"), None)] * len(steps)
    for _ in range(repeat):
        for index, step in enumerate(steps):
            gc.collect()
            gc.disable()
            try:
                began = time.perf_counter()
                value = step()
                best[index] = (min(best[index][0], time.perf_counter() - began), value)
            finally:
                gc.enable()
    return best


def difference(slac: Any, other: Any) -> str | None:
    """None when the answers are equal, else where they first differ."""
    if slac == other:
        return None
    if isinstance(slac, list) and isinstance(other, list):
        if len(slac) != len(other):
            return f"{len(slac)} answers from slac, {len(other)} from pandas"
        wrong = [i for i, (a, b) in enumerate(zip(slac, other, strict=True)) if a != b]
        first = wrong[0]
        return (f"{len(wrong)} of {len(slac)} answers differ; first at #{first}: "
                f"slac {slac[first]!r}, pandas {other[first]!r}")
    return f"slac {slac!r}, pandas {other!r}"


def measure(case: Case, repeat: int = 1) -> Result:
    """Time both sides of a case, their runs taking turns, and compare their answers."""
    build = [case.slac_inputs, case.pandas_inputs]
    if case.batch_inputs is not None:
        build.append(case.batch_inputs)
    inputs = _best(repeat, *build)
    values = [value for _, value in inputs]
    evaluate = [partial(case.slac_evaluate, values[0]), partial(case.pandas_evaluate, values[1])]
    if case.batch_inputs is not None and case.batch_evaluate is not None:
        evaluate.append(partial(case.batch_evaluate, values[2]))
    runs = _best(repeat, *evaluate)
    expected = case.pandas_answer(runs[1][1])
    batch_inputs_s = batch_s = batch_difference = None
    if len(runs) == 3:
        batch_inputs_s, (batch_s, batch_answer) = inputs[2][0], runs[2]
        batch_difference = difference((case.batch_answer or case.slac_answer)(batch_answer),
                                      expected)
    return Result(case.name, case.size, inputs[0][0], runs[0][0], inputs[1][0], runs[1][0],
                  difference(case.slac_answer(runs[0][1]), expected),
                  batch_inputs_s, batch_s, batch_difference)


def profile(step: Callable[[], Any], lines: int = 12) -> str:
    """The functions where `step` spends its own time, most first."""
    profiler = cProfile.Profile()
    profiler.runcall(step)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(lines)
    text = out.getvalue()
    return text[text.find("   ncalls"):].rstrip()


# --------------------------------------------------------------------------- printing

def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: int = 1) -> str:
    """A plain text table; columns from `right` on are right-aligned."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [str(c).ljust(w) if i < right else str(c).rjust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=False))]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _s(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def _ratio(seconds: float, baseline: float) -> str:
    """seconds / baseline, or "-" when the baseline was not measured (a step failed)."""
    if not baseline:
        return "-"
    value = seconds / baseline
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def build_section(sizes: Sizes, seed: int, show_profile: bool) -> tuple[str, bool]:
    """Benchmarks 1 to 3, as printed text; False when something went wrong."""
    from . import builds

    with tempfile.TemporaryDirectory(prefix="slac-bench-") as folder:
        times, noop, incremental = builds.run(Path(folder), sizes.contracts, seed)
        profile_text = ""
        if show_profile and not times.errors:
            src = Path(folder) / "contracts"
            profile_text = profile(lambda: builds.full_build(src), 25)
    title = f"1. Build throughput: {times.contracts:,} synthetic contracts"
    out = [title, ""]
    reading = sum(times.stages.get(s, 0.0) for s in ("hash inputs", "read, decode", "parse"))
    beyond = times.total - reading
    out.append(_table(["", "seconds", "ratio"], [
        ["slac build in one process", _s(times.total), _ratio(times.total, times.lark)],
        ["  of which checking and generating (all but reading and parsing)", _s(beyond),
         _ratio(beyond, times.lark)],
        *([[f"python -m slac build -j {times.processes} (start-up and writing included)",
             _s(times.parallel), _ratio(times.parallel, times.lark)]] if times.parallel else []),
        ["baseline: Lark parsing alone (one process)", _s(times.lark), "1.00"],
    ]))
    out.append("")
    out.append(_table(["stage", "seconds", "share", "per contract ms"], [
        [stage, _s(seconds), f"{seconds / times.total:.0%}",
         f"{1000 * seconds / max(times.contracts, 1):.1f}"]
        for stage, seconds in times.stages.items()]))
    ok = not times.errors
    if times.errors:
        out += ["", "!!! THE BUILD FAILED:", *[f"    {e}" for e in times.errors[:20]]]
    title = (f"2. No-op rebuild: {noop.contracts:,} contracts, {noop.output_files:,} output "
             "files (target: under 0.5 s)")
    out += ["", title, ""]
    out.append(_table(["", "seconds", "baseline", "baseline seconds", "ratio"], [
        ["python -m slac build SRC --out OUT", _s(noop.subprocess),
         "python -m slac --version", _s(noop.startup), _ratio(noop.subprocess, noop.startup)],
        ["output.input_hash + output.cached", _s(noop.in_process),
         "reading every byte", _s(noop.read_all), _ratio(noop.in_process, noop.read_all)],
    ], right=1))
    if noop.errors:
        ok = False
        out += ["", "!!! THE NO-OP REBUILD WENT WRONG:", *[f"    {e}" for e in noop.errors]]
    title = (f"3. Incremental rebuild: {incremental.edited} of {incremental.contracts:,} "
             "contracts edited (target: at most 0.3 of parsing them all)")
    out += ["", title, ""]
    out.append(_table(["", "seconds", "ratio"], [
        ["python -m slac build SRC --out OUT (start-up and writing included)",
         _s(incremental.seconds), _ratio(incremental.seconds, times.lark)],
        ["baseline: Lark parsing alone of all the sources", _s(times.lark), "1.00"],
    ]))
    if incremental.errors:
        ok = False
        out += ["", "!!! THE INCREMENTAL REBUILD WENT WRONG:",
                *[f"    {e}" for e in incremental.errors]]
    if profile_text:
        out += ["", "Profile of the in-process build (own time):", profile_text]
    return "\n".join(out), ok


def evaluator_section(sizes: Sizes, seed: int, only: Sequence[str], repeat: int,
                      show_profile: bool) -> tuple[str, bool]:
    """Benchmark 4, as printed text; False when an answer differs or pandas is missing."""
    try:
        import pandas
    except ImportError:
        return ("4. Evaluators: skipped, pandas is not installed "
                "(pip install -e '.[bench]')"), False
    title = (f"4. Evaluators against pandas {pandas.__version__} (seconds, best of {repeat} "
             "run(s) taking turns; ratio = slac / pandas, below 1 slac is faster; inputs built "
             "apart)")
    out = [title, ""]
    rows, loud, profiles = [], [], []
    for case in cases(sizes, seed, only):
        result = measure(case, repeat)
        if result.difference:
            loud.append(f"!!! MISMATCH in {result.name}: {result.difference}")
        rows.append([result.name, result.size, _s(result.slac), _s(result.pandas),
                     _ratio(result.slac, result.pandas), _s(result.slac_inputs),
                     _s(result.pandas_inputs),
                     "MISMATCH" if result.difference else "same"])
        if result.batch is not None and result.batch_inputs is not None:
            if result.batch_difference:
                loud.append(f"!!! MISMATCH in {result.name} (batch columns): "
                            f"{result.batch_difference}")
            rows.append(["  same, batch entry point (columns)", "", _s(result.batch),
                         _s(result.pandas), _ratio(result.batch, result.pandas),
                         _s(result.batch_inputs), _s(result.pandas_inputs),
                         "MISMATCH" if result.batch_difference else "same"])
        if show_profile:
            profiles.append(f"Profile of slac, {case.name} (own time):\n"
                            + profile(partial(case.slac_evaluate, case.slac_inputs())))
    out.append(_table(["benchmark", "size", "slac", "pandas", "ratio", "slac inputs",
                       "pandas inputs", "answers"], rows, right=2))
    if not has_batch():
        out += ["", "(batch entry points left out: this generated package has no "
                "x_report_columns; rebuild it, or pass --generated PATH)"]
    if loud:
        out += ["", *loud]
    for text in profiles:
        out += ["", text]
    return "\n".join(out), not loud


def main(sizes: Sizes, seed: int, only: Sequence[str], repeat: int, show_profile: bool) -> int:
    """Run the chosen benchmarks, print them; 0 when every check passed, else 1."""
    print(f"slac benchmarks: Python {platform.python_version()}, seed {seed}, {sizes}", flush=True)
    ok = True
    if "build" in only:
        text, passed = build_section(sizes, seed, show_profile)
        print("\n" + text, flush=True)
        ok &= passed
    if set(only) - {"build"}:
        text, passed = evaluator_section(sizes, seed, only, repeat, show_profile)
        print("\n" + text, flush=True)
        ok &= passed
    return 0 if ok else 1
