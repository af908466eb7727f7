"""Fuzzing `slac eval`'s inputs: random CSV and JSON files and `--set` values never crash it.

Every input ends in a result, a located input diagnostic (InputError) or a plain explanation
(EvalError); any other exception fails. The contracts are compiled and loaded once. Bounded by
SLAC_FUZZ_EXAMPLES (default 200) like tests/test_fuzz.py; a long run:

    SLAC_FUZZ_EXAMPLES=20000 pytest tests/test_eval_fuzz.py

Hypothesis' health checks are all on: none fires on these strategies (run without any
suppressed, at 100 and 500 examples); if one ever does, suppress that one by name.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st
from slac import build, model
from slac.diagnostics import render_text
from slac.evaluate import EvalError, Request, evaluate
from slac.evaluating import PeriodRef
from slac.examples import load_generated
from slac.inputs import InputError
from slac.pipeline import compile_paths

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = max(10, int(os.environ.get("SLAC_FUZZ_EXAMPLES", "200")) // 2)
FOLDER = tempfile.TemporaryDirectory(prefix="slac-eval-fuzz-")

TOKENS = ["start", "end", "kind", "cause", "at", "probe", "latency", "minute", "error_rate",
          "action", "level", "id", "value", "invoice", "maintenance", "excluded", "outage", "ihm",
          "api_echo", "take_in", "critical", "2024-05-07T19:30:00+02:00", "2024-05-31T23:59:00Z",
          "2024-05-07 19:30", "2024-03-31 02:30", "2024-05-10", "0.5", "0,5", "NaN", "-1", "1e9",
          "99.9", "", " ", ",", ";", "\t", "\n", '"', "{", "}", "[", "]", ":", "null", "é", "\x00",
          "\u2028", "\ufeff", "4 hours", "1 month"]


@cache
def loaded() -> dict[str, tuple[model.Contract, ModuleType]]:
    """The five contracts, checked and loaded once from a temporary build."""
    compiled = compile_paths([ROOT / "contracts"])
    out = Path(FOLDER.name)
    for name, text in build.render_all(compiled.contracts, "").items():
        if name.endswith(".py"):
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(text, encoding="utf-8")
    return {c.id: (c, load_generated(out, c.module)) for c in compiled.contracts}


def run(contract: str, clause: str, text: str, suffix: str, settings_: tuple[str, ...],
        period: PeriodRef | None) -> None:
    checked, module = loaded()[contract]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        request = Request(clause, period, settings_, (path,))
        try:
            evaluate(checked, module, request, "fr")
        except InputError as problem:
            source = path.read_text(encoding="utf-8", errors="replace")
            assert render_text(problem.diagnostic, source, "fr")
            assert render_text(problem.diagnostic, source, "en")
        except EvalError as problem:
            assert str(problem)


TARGETS = st.sampled_from([("cegid-loop", "L1"), ("teogest", "T4"), ("cegid-conciliator", "C3"),
                           ("niveaux-de-service", "N1"), ("niveaux-de-service", "N5"),
                           ("teogest", "T13"), ("cegid-loop", "L2"), ("teogest", "T7")])
TEXT = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
SETTINGS = st.lists(st.builds(lambda a, b: f"{a}={b}", st.sampled_from(TOKENS),
                              st.sampled_from(TOKENS)), max_size=3).map(tuple)


@settings(max_examples=EXAMPLES, deadline=None)
@given(TARGETS, TEXT, st.sampled_from([".csv", ".json"]), SETTINGS,
       st.sampled_from([None, PeriodRef(2024, 5), PeriodRef(2024, 3), PeriodRef(2024, 10),
                        PeriodRef(2024, quarter=2), PeriodRef(2024)]))
def test_random_input_files_never_crash(target: tuple[str, str], text: str, suffix: str,
                                        settings_: tuple[str, ...],
                                        period: PeriodRef | None) -> None:
    run(*target, text, suffix, settings_, period)


@settings(max_examples=EXAMPLES, deadline=None)
@given(TARGETS, st.lists(st.lists(st.sampled_from(TOKENS[:30]), min_size=1, max_size=4)
                         .map(",".join), min_size=1, max_size=6).map("\n".join),
       st.sampled_from([PeriodRef(2024, 5), PeriodRef(2024, 3)]))
def test_csv_shaped_inputs_never_crash(target: tuple[str, str], text: str,
                                       period: PeriodRef) -> None:
    run(*target, text, ".csv", (), period)
