"""Reproducible builds: the same contracts give the same bytes, wherever and whoever builds them.

`contracts/` is copied into three checkouts at different depths and names under the test's
temporary folder, and `python -m slac build contracts --out …` runs in each at once, with
different hash seeds, user names, home folders, time zones, locales and temporary folders, and
`--out` given relative in one checkout and absolute in the others. The three output trees must be
byte-identical, file by file, and hold neither the checkouts' paths, nor the user's name or home,
nor today's date. (That the committed `generated/` is what a build gives today is checked once,
by test_static.py.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow   # three `slac build` subprocesses

ROOT = Path(__file__).resolve().parent.parent
USER = "slac-repro-user-q7"          # a name no output can hold by chance

# (checkout, --out, PYTHONHASHSEED, time zone, locale)
BUILDS = [
    ("a", "OUT", "0", "UTC", "C.UTF-8"),
    ("deeper/than/that/checkout b", "{checkout}/generated", "1", "Pacific/Chatham", "fr_FR.UTF-8"),
    ("c", "{checkout}/x/y", "random", "America/St_Johns", "en_US.UTF-8"),
]


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


def differences(left: dict[str, bytes | None], right: dict[str, bytes | None]) -> list[str]:
    return sorted(name for name in left.keys() | right.keys() if left.get(name, b"-") !=
                  right.get(name, b"-"))


def date_forms(day: date) -> list[str]:
    """Ways a build could write the day it ran: ISO, French and English, code."""
    months_fr = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")
    return [day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%Y%m%d"),
            f"{day.day} {months_fr[day.month - 1]} {day.year}",
            f"{day.day} {day.strftime('%B')} {day.year}",
            f"{day.strftime('%B')} {day.day}, {day.year}",
            f"date({day.year}, {day.month}, {day.day})"]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    """The three builds, run at the same time: (checkout, output folder) of each."""
    base = tmp_path_factory.mktemp("repro")
    runs = []
    for checkout_name, out_template, seed, zone, locale in BUILDS:
        checkout = base / checkout_name
        checkout.mkdir(parents=True)
        shutil.copytree(ROOT / "contracts", checkout / "contracts")
        home, temp = base / f"home-{seed}", base / f"tmp-{seed}"
        home.mkdir()
        temp.mkdir()
        out = out_template.format(checkout=checkout)
        env = {**os.environ, "PYTHONHASHSEED": seed, "USER": USER, "LOGNAME": USER,
               "USERNAME": USER, "HOME": str(home), "TMPDIR": str(temp), "TZ": zone,
               "LANG": locale, "LC_ALL": locale, "PYTHONDONTWRITEBYTECODE": "1"}
        process = subprocess.Popen([sys.executable, "-m", "slac", "build", "contracts",
                                    "--out", out],
                                   cwd=checkout, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        runs.append((checkout, checkout / out, process))
    for _, _, process in runs:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
    return [(checkout, out) for checkout, out, _ in runs]


def test_builds_are_byte_identical(builds: list[tuple[Path, Path]]) -> None:
    first = tree(builds[0][1])
    assert any(name.endswith(".py") for name in first)
    for _, out in builds[1:]:
        assert differences(first, tree(out)) == []


def test_outputs_hold_no_path_user_or_date(builds: list[tuple[Path, Path]]) -> None:
    today = date.today()   # the builds ran in zones up to a day apart: yesterday to tomorrow
    days = [date.fromordinal(today.toordinal() + shift) for shift in (-1, 0, 1)]
    forbidden = [USER, str(Path.home()), *(form for day in days for form in date_forms(day))]
    for checkout, _ in builds:
        forbidden += [str(checkout), str(checkout.resolve()), str(checkout.parent)]
    for _, out in builds:
        for name, data in tree(out).items():
            if data is None:
                continue
            text = data.decode("utf-8")
            found = [word for word in forbidden if word in text]
            assert not found, f"{name} holds {found}"


def _slac(*args: str, cwd: Path,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "slac", *args], cwd=cwd, capture_output=True,
                          text=True, check=False, env=env, timeout=600)


@pytest.mark.slow   # two builds in subprocesses
def test_absolute_and_relative_paths_give_the_same_bytes(tmp_path: Path) -> None:
    relative = _slac("build", "contracts", "--out", str(tmp_path / "rel"), cwd=ROOT)
    absolute = _slac("build", str(ROOT / "contracts"), "--out", str(tmp_path / "abs"), cwd=ROOT)
    assert relative.returncode == absolute.returncode == 0, relative.stderr + absolute.stderr
    names = sorted(p.relative_to(tmp_path / "rel") for p in (tmp_path / "rel").rglob("*")
                   if p.is_file())
    assert names and names == sorted(p.relative_to(tmp_path / "abs")
                                     for p in (tmp_path / "abs").rglob("*") if p.is_file())
    for name in names:
        assert (tmp_path / "rel" / name).read_bytes() == (tmp_path / "abs" / name).read_bytes()


@pytest.mark.slow   # installs slac into a folder, then builds with it
def test_a_regular_install_agrees_with_the_editable_one(tmp_path: Path) -> None:
    source, site = tmp_path / "source", tmp_path / "site"
    source.mkdir()
    for part in ("pyproject.toml", "README.md", "compiler", "grammar"):   # what pip builds from
        copy = shutil.copytree if (ROOT / part).is_dir() else shutil.copy
        copy(ROOT / part, source / part)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(site), str(source)],
                   check=True, capture_output=True, timeout=600)
    env = {**os.environ, "PYTHONPATH": str(site)}
    check = _slac("build", "contracts", "--check", cwd=ROOT, env=env)
    assert check.returncode == 0, check.stderr
    assert "up to date" in check.stderr
    built = _slac("build", "contracts", "--out", str(tmp_path / "out"), cwd=ROOT, env=env)
    assert built.returncode == 0, built.stderr
    for path in (ROOT / "generated").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert (tmp_path / "out" / path.relative_to(ROOT / "generated")).read_bytes() == \
                path.read_bytes(), path
