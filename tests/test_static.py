"""Static gates: ruff on the compiler, the generated package, the tests and the benchmarks; mypy
--strict on the compiler and the generated package; generated/ fresh.

The freshness of `generated/` is checked here and nowhere else (neither in the other tests nor
in .ci/run). All three run subprocesses and are marked slow (`-m "not slow"` leaves them out).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["compiler", "generated", "tests", "bench"])
def test_ruff(folder: str) -> None:
    result = run("ruff", "check", folder)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["compiler", "generated"])
def test_mypy_strict(folder: str) -> None:
    pytest.importorskip("mypy")
    result = run(sys.executable, "-m", "mypy", "--strict", folder)
    assert result.returncode == 0, result.stdout + result.stderr


def in_git_work_tree() -> bool:
    if shutil.which("git") is None:
        return False
    return run("git", "rev-parse", "--is-inside-work-tree").stdout.strip() == "true"


@pytest.mark.slow   # a whole build, examples run, in a subprocess
def test_generated_is_up_to_date() -> None:
    """`generated/` is what `slac build contracts/` gives, and (in a git checkout) is committed.

    The second half matters in CI, where the README's first command rebuilds `generated/` before
    the tests run: a stale committed `generated/` then shows as a change in the work tree.
    Staging the rebuilt files (`git add generated/`) satisfies it locally.
    """
    result = run(sys.executable, "-m", "slac", "build", "--check", "contracts")
    assert result.returncode == 0, result.stderr
    if in_git_work_tree():
        changed = run("git", "diff", "--name-only", "--", "generated/").stdout.split()
        changed += run("git", "ls-files", "--others", "--exclude-standard", "--",
                       "generated/").stdout.split()
        assert not changed, ("generated/ differs from what is committed: run `slac build "
                             f"contracts/` and commit the result; files: {changed}")
