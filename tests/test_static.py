"""Static gates: ruff and mypy --strict on the compiler and the generated package; generated/ fresh."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
@pytest.mark.parametrize("folder", ["compiler", "generated"])
def test_ruff(folder: str) -> None:
    result = run("ruff", "check", folder)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("folder", ["compiler", "generated"])
def test_mypy_strict(folder: str) -> None:
    pytest.importorskip("mypy")
    result = run(sys.executable, "-m", "mypy", "--strict", folder)
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_is_up_to_date() -> None:
    result = run(sys.executable, "-m", "slac", "build", "--check", "contracts")
    assert result.returncode == 0, result.stderr
