"""The benchmark code at tiny sizes: synthetic contracts build cleanly, the no-op rebuild is
recognised, and slac's evaluators give the same answers as the pandas baselines. No timing is
asserted anywhere: speed is only printed by `python -m bench`."""

from __future__ import annotations

import random
import sys
from fractions import Fraction
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:   # `bench` and `generated` are folders of the repository root
    sys.path.insert(0, str(ROOT))

from slac import build, output  # noqa: E402 - after the path above
from slac.pipeline import compile_paths  # noqa: E402

from bench import data, run, synth  # noqa: E402

TINY = run.Sizes(contracts=5, rate_months=1, outages=300, deadlines=400)


def test_synthetic_contracts_check_cleanly_with_unique_ids(tmp_path: Path) -> None:
    paths = synth.write_contracts(tmp_path, 10)
    compiled = compile_paths([tmp_path])
    assert [d for d in compiled.diagnostics if d.severity == "error"] == []
    ids = sorted(c.id for c in compiled.contracts)
    assert len(paths) == len(ids) == 10
    assert ids[:2] == ["cegid-api-0000", "cegid-api-0005"]   # copies 0 and 5 of the first
    assert len(set(ids)) == 10


def test_synthetic_copies_differ_from_the_original_only_where_varied() -> None:
    original = synth.originals()["teogest"]
    copy = synth.variant("teogest", original, 7, random.Random(3))
    assert len(original.splitlines()) == len(copy.splitlines())
    changed = [(a, b) for a, b in zip(original.splitlines(), copy.splitlines(), strict=True)
               if a != b]
    # the id, the source date and the four knobs of teogest, nothing else
    assert len(changed) <= 6
    assert ('contract "teogest" {', 'contract "teogest-0007" {') in changed


def test_a_knob_that_no_longer_matches_is_reported() -> None:
    with pytest.raises(ValueError, match="matches 0 times"):
        synth.variant("teogest", "contract \"teogest\" {\n dated 2024-01-01\n}\n", 1,
                      random.Random(1))


@pytest.mark.slow   # two full builds, in a subprocess as users run them
def test_build_benchmarks_run_and_the_second_build_is_a_no_op(tmp_path: Path) -> None:
    from bench import builds

    times, noop, incremental = builds.run(tmp_path, TINY.contracts)
    assert times.errors == [] and noop.errors == [] and incremental.errors == []
    # Of five sources, five are edited (EDITED is 10): none is reused, and the check says so.
    assert incremental.edited == 5
    assert times.contracts == 5
    assert set(times.stages) >= {"parse", "check", "render python", "render summaries",
                                 "examples"}
    # five evaluator modules, five summaries in each language, five sheets, the stamp, the
    # package __init__ and the runtime files
    assert noop.output_files >= 5 * 4 + 2


@pytest.mark.parametrize("name", ["C3", "N1", "T3", "N5", "T5"])
def test_slac_and_pandas_agree(name: str) -> None:
    pytest.importorskip("pandas")
    [case] = run.cases(TINY, seed=5, only=[name])
    result = run.measure(case)
    assert result.difference is None


def test_disagreement_is_described() -> None:
    assert run.difference([1, 2, 3], [1, 5, 3]) == \
        "1 of 3 answers differ; first at #1: slac 2, pandas 5"
    assert run.difference([1], [1, 2]) == "1 answers from slac, 2 from pandas"
    assert run.difference((1, 2), (1, 2)) is None


def test_outage_month_figures_known_by_hand() -> None:
    """October 2024 in Paris lasts 31 × 24 + 1 = 745 h. The declared maintenance that lies in
    Teogest's windows: Tue 1 Oct 21:00-06:00 (9 h), Thu 3 Oct 23:00-02:00 (3 h), Fri 4 Oct
    22:00 to Sat 5 Oct 23:00 (25 h), Fri 25 Oct 22:00 to Sun 27 Oct 00:00 (26 h), Thu 31 Oct
    22:00 to the month's end (2 h): 65 h, removed from the measured time, which is 680 h.
    Without outages availability is 100 %."""
    pytest.importorskip("pandas")
    from bench import baselines, evaluators

    empty = data.OutageData(2024, 10, [], data.outages(random.Random(1), 0).maintenance)
    hour = 3_600_000_000
    expected = (680 * hour, 0, Fraction(100))
    assert evaluators.t3_evaluate(empty, evaluators.t3_inputs(empty)) == expected
    one = data.OutageData(2024, 10, [(data.local_epoch(2024, 10, 8, 10),
                                      data.local_epoch(2024, 10, 8, 11, 8), None)],
                          empty.maintenance)
    # one outage of 68 min on Tuesday 8 October 10:00: (680 h - 68 min) / 680 h
    expected = (680 * hour, 68 * 60_000_000, Fraction(680 * 60 - 68, 680 * 60) * 100)
    assert evaluators.t3_evaluate(one, evaluators.t3_inputs(one)) == expected
    assert baselines.t3_evaluate(one, baselines.t3_inputs(one)) == expected


def test_minute_rates_of_january_known_by_hand() -> None:
    """January 2024 has 31 × 1440 = 44,640 minutes, all measured (maintenance counts as
    available in N1)."""
    rates = data.minute_rates(random.Random(2), 2024, months=1)
    assert rates.months == 1
    assert len(rates.rates) <= 44_640
    pytest.importorskip("pandas")
    from bench import baselines

    [(measured, _, _)] = baselines.n1_evaluate(rates, baselines.n1_inputs(rates))
    assert measured == 44_640 * 60_000_000


# --------------------------------------------------------------------------- the no-op cache
# output.cached hashes the output files as bytes (the no-op rebuild benchmark made it so); these
# tests pin what it must still detect.

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """cegid-api built into a folder, and the inputs line of its stamp."""
    compiled = compile_paths([ROOT / "contracts" / "cegid-api.sla"])
    inputs = output.input_hash({"contracts/cegid-api.sla":
                               (ROOT / "contracts" / "cegid-api.sla").read_bytes()})
    out = tmp_path_factory.mktemp("cache") / "generated"
    output.replace_atomically(out, build.render_all(compiled.contracts, inputs))
    return out, inputs


@pytest.fixture
def copy(built: tuple[Path, str], tmp_path: Path) -> tuple[Path, str]:
    """A fresh copy of the built folder, free to damage."""
    import shutil

    out = tmp_path / "generated"
    shutil.copytree(built[0], out)
    return out, built[1]


def test_cache_recognises_an_untouched_build(copy: tuple[Path, str]) -> None:
    out, inputs = copy
    assert output.cached(out, inputs)
    assert not output.cached(out, inputs.replace("sha256:", "sha256:0"))   # other sources
    (out / "__pycache__").mkdir()
    (out / "__pycache__" / "cegid_api.cpython-311.pyc").write_bytes(b"\0\1")
    assert output.cached(out, inputs)   # bytecode caches are not outputs


@pytest.mark.parametrize("damage", ["edit", "same size edit", "delete", "add", "not utf-8",
                                    "delete the stamp"])
def test_cache_detects_a_changed_output(copy: tuple[Path, str], damage: str) -> None:
    out, inputs = copy
    module = out / "cegid_api.py"
    text = module.read_bytes()
    if damage == "edit":
        module.write_bytes(text + b"# hand-edited\n")
    elif damage == "same size edit":
        module.write_bytes(text.replace(b"1000", b"9000", 1))
    elif damage == "delete":
        (out / "cegid_api.en.md").unlink()
    elif damage == "add":
        (out / "notes.txt").write_text("extra\n", encoding="utf-8")
    elif damage == "not utf-8":
        module.write_bytes(text + b"\xff\n")
    else:
        (out / output.STAMP).unlink()
    assert not output.cached(out, inputs)


def test_cache_reads_line_ends_as_text_mode_does(copy: tuple[Path, str]) -> None:
    """A checkout that turned LF into CRLF holds the same text: still a no-op, as before."""
    out, inputs = copy
    summary = out / "cegid_api.fr.md"
    summary.write_bytes(summary.read_bytes().replace(b"\n", b"\r\n"))
    assert output.cached(out, inputs)


def test_a_failed_build_is_reported_not_divided_by_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that fails leaves the later steps unmeasured: their ratios print as "-"."""
    from bench import builds

    failed = builds.BuildTimes(5, 0.5, 1.0, {"parse": 0.4}, errors=["a.sla:3: example-failed"])
    skipped = ["skipped: the build failed"]
    monkeypatch.setattr(builds, "run", lambda *_: (
        failed, builds.NoopTimes(5, 0, 0.0, 0.0, 0.0, 0.0, skipped),
        builds.IncrementalTimes(5, 0, 0.0, skipped)))
    text, ok = run.build_section(TINY, 1, show_profile=False)
    assert not ok
    assert "!!! THE BUILD FAILED:" in text and "a.sla:3: example-failed" in text
    assert "!!! THE NO-OP REBUILD WENT WRONG:" in text
