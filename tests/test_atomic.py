"""Killed, concurrent and failing builds: `--out` is always one complete build, never a mix.

Every case starts from OUT holding a complete build of the "old" sources (cegid-api.sla), then
builds "new" sources into it (cegid-api with another title, plus copies under new ids) and
interrupts that build:

- from outside, with SIGKILL after a delay, at moments spread over the build's whole run;
- from inside, at exact steps: a small wrapper runs the command line with `os.rename`,
  `os.replace`, `os.mkdir`, `os.link`, `shutil.rmtree` and `Path.write_text`/`write_bytes`
  wrapped, counts the calls that touch OUT's folder, and sends itself SIGKILL right after the
  chosen one.

After each kill OUT must equal the old build byte for byte, or the complete new build, with no
stray folder inside it. Two builds of different sources at once into one OUT end with one of the
two complete builds; a build with one bad contract among good ones writes nothing at all. The
next build removes the folders that a killed build left beside OUT, never the folder of a build
that holds the lock.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow   # every case runs and kills `slac build` subprocesses

ROOT = Path(__file__).resolve().parent.parent
BASE = (ROOT / "contracts" / "cegid-api.sla").read_text(encoding="utf-8")
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
COPIES = 20          # enough contracts for a build of a second or two

Tree = dict[str, bytes | None]

# Runs `slac` with the file-system calls that touch SLAC_WATCH counted (and logged to SLAC_LOG);
# after call number SLAC_KILL_AT it kills itself; after each rename it pauses SLAC_PAUSE seconds.
WRAPPER = r"""
import os, pathlib, shutil, signal, sys, time

watch = os.path.realpath(os.environ["SLAC_WATCH"])
kill_at = int(os.environ.get("SLAC_KILL_AT", "0"))
pause = float(os.environ.get("SLAC_PAUSE", "0"))
log = open(os.environ["SLAC_LOG"], "a") if os.environ.get("SLAC_LOG") else None
count = 0

def watched(path):
    full = os.path.realpath(os.fspath(path))
    return full == watch or full.startswith(watch + os.sep)

def wrap(function, kind, paths):
    def call(*args, **kwargs):
        result = function(*args, **kwargs)
        global count
        if any(watched(a) for a in args[:paths] if isinstance(a, (str, os.PathLike))):
            count += 1
            if log:
                log.write(kind + "\n")
                log.flush()
            if count == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            if kind == "rename" and pause:
                time.sleep(pause)
        return result
    return call

os.rename = wrap(os.rename, "rename", 2)
os.replace = wrap(os.replace, "rename", 2)
os.mkdir = wrap(os.mkdir, "mkdir", 1)
os.link = wrap(os.link, "write", 2)    # a file of the previous build, linked into the new tree
shutil.rmtree = wrap(shutil.rmtree, "rmtree", 1)
pathlib.Path.write_text = wrap(pathlib.Path.write_text, "write", 1)
pathlib.Path.write_bytes = wrap(pathlib.Path.write_bytes, "write", 1)
sys.argv = ["slac", *sys.argv[1:]]
from slac.cli import main
main()
"""


def old_sources() -> dict[str, str]:
    return {"cegid-api.sla": BASE}


def new_sources(copies: int) -> dict[str, str]:
    title = 'en "Cegid — API Terms of Use"'
    changed = BASE.replace(title, 'en "Cegid — API Terms of Use, new edition"')
    assert changed != BASE
    files = {"cegid-api.sla": changed}
    for n in range(copies):
        files[f"copy-{n:03d}.sla"] = BASE.replace('contract "cegid-api"',
                                                  f'contract "copy-{n:03d}"')
    return files


def tree(folder: Path) -> Tree:
    """Every file (its bytes) and folder (None) under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


def site_with(folder: Path, sources: dict[str, str], out: Tree | None) -> Path:
    """A working folder: `sources` in src/, and `out` (a built tree) as out/ if given."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "src").mkdir(parents=True)
    for name, text in sources.items():
        (folder / "src" / name).write_text(text, encoding="utf-8")
    if out is not None:
        for name, data in out.items():
            path = folder / "out" / name
            if data is None:
                path.mkdir(parents=True, exist_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    return folder


def start(site: Path, *, out: Path | None = None, kill_at: int = 0, pause: float = 0,
          log: Path | None = None) -> subprocess.Popen[str]:
    """`slac build src --out OUT` in `site` (OUT: site/out by default), wrapped when asked to
    kill itself, pause or log its steps; the steps watched are those in OUT's folder."""
    out = out or site / "out"
    wrapped = bool(kill_at or pause or log)
    head = [sys.executable, "-c", WRAPPER] if wrapped else [sys.executable, "-m", "slac"]
    env = {**ENV, "SLAC_WATCH": str(out.parent), "SLAC_KILL_AT": str(kill_at),
           "SLAC_PAUSE": str(pause), "SLAC_LOG": str(log or "")}
    return subprocess.Popen([*head, "build", "src", "--out", str(out), "--lang", "en"], cwd=site,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=300)
    assert "Traceback" not in stderr, stderr
    return process.returncode, stderr


@dataclass(frozen=True)
class References:
    old: Tree           # complete build of old_sources()
    new: Tree           # complete build of new_sources(1)
    big: Tree           # complete build of new_sources(COPIES)
    seconds: float      # how long the big build took here (only to spread the kill moments)
    first: Path         # the folder where old_sources() was built, into an OUT that did not exist


@pytest.fixture(scope="module")
def refs(tmp_path_factory: pytest.TempPathFactory) -> References:
    base = tmp_path_factory.mktemp("refs")
    built: dict[str, Tree] = {}
    seconds = 0.0
    for name, sources in (("old", old_sources()), ("new", new_sources(1)),
                          ("big", new_sources(COPIES))):
        site = site_with(base / name, sources, None)
        began = time.monotonic()
        code, stderr = finish(start(site))
        seconds = time.monotonic() - began      # the big build's, the last one
        assert code == 0, stderr
        built[name] = tree(site / "out")
    assert built["old"] != built["new"] and built["new"] != built["big"]
    return References(built["old"], built["new"], built["big"], seconds, base / "old")


def which(out: Path, refs: References, new: Tree) -> str:
    """'old' or 'new' when OUT is one of the complete builds; else fail, saying what differs."""
    if not out.exists():
        pytest.fail("OUT is gone")
    found = tree(out)
    for name, reference in (("old", refs.old), ("new", new)):
        if found == reference:
            return name
    extra = sorted(set(found) - set(refs.old) - set(new))
    missing = sorted(set(refs.old) & set(new) - set(found))
    pytest.fail(f"OUT is a mix: extra {extra[:5]}, missing {missing[:5]}")


# --------------------------------------------------------------------------- killed from outside

def test_killed_from_outside_at_moments_spread_over_the_build(refs: References,
                                                               tmp_path: Path) -> None:
    delays = [0.05, *(refs.seconds * f for f in (0.5, 0.9, 1.0))]
    for n, delay in enumerate(delays):
        site = site_with(tmp_path / f"kill-{n}", new_sources(COPIES), refs.old)
        process = start(site)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=300)
        which(site / "out", refs, refs.big)


# --------------------------------------------------------------------------- killed at exact steps

@pytest.fixture(scope="module")
def steps(refs: References, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The watched calls of one uninterrupted old → new build, in order."""
    base = tmp_path_factory.mktemp("steps")
    site = site_with(base / "site", new_sources(1), refs.old)
    log = base / "steps.log"
    code, stderr = finish(start(site, log=log))
    assert code == 0, stderr
    assert tree(site / "out") == refs.new
    found = log.read_text().split()
    assert found.count("write") >= len(refs.new) // 2, found
    return found


def kill_at_each(chosen: list[int], refs: References, tmp_path: Path) -> Iterator[str]:
    """Kill a build right after each chosen step (1-based); yield what OUT then holds."""
    for step in chosen:
        site = site_with(tmp_path / f"step-{step}", new_sources(1), refs.old)
        code, _ = finish(start(site, kill_at=step))
        assert code in (-signal.SIGKILL, 0), code
        yield which(site / "out", refs, refs.new)


def test_killed_while_the_new_tree_is_written(steps: list[str], refs: References,
                                              tmp_path: Path) -> None:
    found = steps
    writes = [n + 1 for n, kind in enumerate(found) if kind in ("write", "mkdir")]
    first_rename = found.index("rename") + 1 if "rename" in found else len(found) + 1
    chosen = sorted({writes[len(writes) // 2], writes[-1]})
    assert all(step < first_rename for step in chosen)
    assert list(kill_at_each(chosen, refs, tmp_path)) == ["old"] * len(chosen)


def test_killed_during_the_swap(steps: list[str], refs: References, tmp_path: Path) -> None:
    found = steps
    last_write = max(n + 1 for n, kind in enumerate(found) if kind == "write")
    chosen = [n + 1 for n in range(last_write, len(found))]
    outcomes = list(kill_at_each(chosen, refs, tmp_path))
    assert set(outcomes) <= {"old", "new"}
    site = site_with(tmp_path / "after", new_sources(1), refs.old)
    assert finish(start(site))[0] == 0                  # and the next build completes
    assert tree(site / "out") == refs.new


# --------------------------------------------------------------------------- concurrent builds

def test_two_builds_at_once_into_one_out(refs: References, tmp_path: Path) -> None:
    """Each pauses after its renames, so that without a lock their swaps would interleave."""
    shared = site_with(tmp_path / "shared", {}, refs.big) / "out"
    a = site_with(tmp_path / "a", old_sources(), None)
    b = site_with(tmp_path / "b", new_sources(1), None)
    processes = [start(site, out=shared, pause=0.2) for site in (a, b)]
    results = [finish(p) for p in processes]
    assert [code for code, _ in results] == [0, 0], results
    which(shared, refs, refs.new)


# --------------------------------------------------------------------------- failing builds

BAD = ('contract "broken" {\n    title "9h30 is not a time"\n}\n\n'
       'window w {\n    monday 9h30 to 10:00\n}\n')
WRONG_EXAMPLE = BASE + '\nwindow heures {\n    clause W1 article "x"\n    monday 09:00 to 10:00\n' \
                       '    example 2024-05-06 09:30 outside\n}\n'


@pytest.mark.parametrize(("sources", "existing"), [
    ({**new_sources(2), "zz-broken.sla": BAD}, True),    # a syntax error among good contracts
    ({**new_sources(2), "zz-broken.sla": BAD}, False),   # the same, with no OUT yet
    ({"cegid-api.sla": WRONG_EXAMPLE}, True),             # a worked example that fails
], ids=["bad-contract", "bad-contract-no-out", "failing-example"])
def test_a_failing_build_writes_nothing(sources: dict[str, str], existing: bool,
                                        refs: References, tmp_path: Path) -> None:
    site = site_with(tmp_path / "site", sources, refs.old if existing else None)
    before = tree(tmp_path)
    code, _ = finish(start(site))
    assert code == 1
    assert tree(tmp_path) == before


# --------------------------------------------------------------------------- around OUT

def test_a_build_leaves_nothing_beside_out(refs: References) -> None:
    assert sorted(p.name for p in refs.first.iterdir()) == ["out", "src"]


def test_out_has_the_mode_of_a_folder_made_by_mkdir(refs: References, tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    mode = (refs.first / "out").stat().st_mode & 0o777
    assert oct(mode) == oct((tmp_path / "plain").stat().st_mode & 0o777)


# ------------------------------------------------------------------- leftovers of killed builds

def test_the_next_build_removes_what_a_killed_build_left(steps: list[str], refs: References,
                                                         tmp_path: Path) -> None:
    writes = [n + 1 for n, kind in enumerate(steps) if kind == "write"]
    site = site_with(tmp_path / "site", new_sources(1), refs.old)
    code, _ = finish(start(site, kill_at=writes[len(writes) // 2]))   # killed while writing
    assert code == -signal.SIGKILL
    [left] = [p.name for p in site.iterdir() if p.name not in ("out", "src")]
    assert left.startswith(".out-new-")
    assert finish(start(site))[0] == 0
    assert sorted(p.name for p in site.iterdir()) == ["out", "src"]
    assert tree(site / "out") == refs.new


def test_only_the_folders_of_builds_into_this_out_are_removed(refs: References,
                                                              tmp_path: Path) -> None:
    site = site_with(tmp_path / "site", new_sources(1), refs.old)
    for name in (".out-new-0123456789ab", ".out-old-ba9876543210"):    # as builds name them
        (site / name / "tree").mkdir(parents=True)
        (site / name / "tree" / "cegid_api.py").write_text("# half written\n", encoding="utf-8")
    for name in (".out-new-notours", ".other-new-0123456789ab", ".out-new-0123456789ab-x"):
        (site / name).mkdir()
    (site / ".out-new-aaaaaaaaaaaa").write_text("a file, not a build's folder\n", encoding="utf-8")
    assert finish(start(site))[0] == 0
    assert sorted(p.name for p in site.iterdir()) == [
        ".other-new-0123456789ab", ".out-new-0123456789ab-x", ".out-new-aaaaaaaaaaaa",
        ".out-new-notours", "out", "src"]
    assert tree(site / "out") == refs.new


def test_a_build_waiting_for_the_lock_leaves_the_folder_of_the_build_holding_it(
        refs: References, tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    site = site_with(tmp_path / "site", new_sources(1), refs.old)
    in_use = site / ".out-new-0123456789ab"     # the new tree of a build that holds the lock
    handle = os.open(site, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        in_use.mkdir()
        process = start(site)
        time.sleep(refs.seconds)                # time to reach the lock and wait there
        assert process.poll() is None
        assert in_use.is_dir() and tree(site / "out") == refs.old
        in_use.rmdir()                          # the holder swaps it in, then lets go
    finally:
        os.close(handle)
    assert finish(process)[0] == 0
    assert sorted(p.name for p in site.iterdir()) == ["out", "src"]
    assert tree(site / "out") == refs.new
